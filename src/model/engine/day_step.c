/* One day of the model (docs/MODEL.md). Every rate is computed from the morning
 * state for both sides at once; then arrivals and transfers land, losses are taken
 * and the line moves (simultaneous difference equations, MODEL.md 0). */
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "draws.h"
#include "step.h"
#include "rng.h"

static double clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Route throughput at distance d (MODEL.md 6). */
static double throughput(const fsim_supply_def *sp, double d) {
  return sp->alternative + (1.0 - sp->alternative) * clamp(d / sp->range_km, 0.0, 1.0);
}

double fsim_route_distance(const fsim_sector_def *d, double x) {
  /* The enemy's advance shortens the route's distance from the line. */
  return d->supply.distance_km + (d->supply.supplied_side == FSIM_BLUE ? x : -x);
}

/* Adds place p to the list of its location, in formation order (places are
 * formation-major) so that sums over the list add in the same order as over all
 * formations. */
static void note_here_first(fsim_replica *rp, int p) {
  const fsim_engine *eng = rp->eng;
  rp->been[p] = 1;
  const size_t c = (size_t)eng->place_loc[p] * 2 + (size_t)eng->f_side[eng->place_f[p]];
  int *list = rp->here + eng->here_start[c];
  int k = rp->nhere[c]++;
  for (; k > 0 && list[k - 1] > p; k--) list[k] = list[k - 1];
  list[k] = p;
}

/* Notes that place p has someone (a check, once it is listed). */
static inline void note_here(fsim_replica *rp, int p) {
  if (!rp->been[p]) note_here_first(rp, p);
}

void fsim_state_reset(fsim_replica *rp) {
  const fsim_engine *eng = rp->eng;
  const fsim_scenario *sc = eng->sc;
  const int S = eng->nsectors, F = eng->nformations, L = eng->nlocations;
  const size_t P = (size_t)eng->nplaces;
  rp->aggregated = 0;
  memset(rp->n, 0, P * sizeof *rp->n);
  memset(rp->ring, 0, (size_t)eng->ring_slots * P * sizeof *rp->ring);
  memset(rp->ring_has, 0, (size_t)eng->ring_slots * (size_t)F);
  memset(rp->loss_f, 0, (size_t)F * sizeof *rp->loss_f);
  memset(rp->inbound_q, 0, (size_t)S * 2 * sizeof *rp->inbound_q);
  memset(rp->drawn, 0, (size_t)S * 4 * sizeof *rp->drawn);
  memset(rp->withdraw_day, 0, (size_t)eng->nrules * sizeof *rp->withdraw_day);
  memset(rp->rearguard, 0, (size_t)S * 2 * sizeof *rp->rearguard);
  memset(rp->nhere, 0, (size_t)L * 2 * sizeof *rp->nhere);
  memset(rp->been, 0, P);
  for (int i = 0; i < FSIM_NSIDES; i++) rp->held[i] = rp->in_reserve[i] = rp->in_transit[i] = 0.0;
  for (int f = 0; f < F; f++)
    if (sc->formations[f].arrival_day == 0) {
      const fsim_formation_def *fd = &sc->formations[f];
      rp->n[eng->home_place[f]] = fd->personnel;
      note_here(rp, eng->home_place[f]);
      rp->held[fd->side_idx] += fd->personnel;
      if (fd->loc == S) rp->in_reserve[fd->side_idx] += fd->personnel;
    }
  for (int i = 0; i < FSIM_NSIDES; i++) note_here(rp, eng->reserve_place[i]); /* replacements */
  for (int s = 0; s < S; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    rp->x[s] = 0.0;
    rp->area[s] = d->has_held_area ? d->held_area.initial_km2 : 0.0;
    rp->area_line[s] = rp->area[s];
    rp->stock[s] = d->has_supply ? d->supply.stock_days : 0.0;
    rp->cut_day[s] = 0;
    rp->min_eff[s] = 1.0;
  }
  for (int i = 0; i < FSIM_NSIDES; i++) rp->loss[i] = rp->claimed[i] = 0.0;
  rp->alive_days = 0;
  fsim_perception_reset(rp);
}

/* Personnel and power per sector and side, and supply effectiveness, from the
 * current state (MODEL.md 1, 6). */
void fsim_state_aggregate(fsim_replica *rp) {
  const fsim_engine *eng = rp->eng;
  const fsim_scenario *sc = eng->sc;
  const int S = eng->nsectors;
  /* The side's formations in index order: the same additions in the same order as
     a pass over all formations. */
  for (int s = 0; s < S; s++)
    for (int i = 0; i < FSIM_NSIDES; i++)
      fsim_holdings(rp, s, i, &rp->N[SIDE2(s, i)], &rp->P[SIDE2(s, i)]);
  for (int s = 0; s < S; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    rp->e[SIDE2(s, 0)] = rp->e[SIDE2(s, 1)] = 1.0;
    if (d->has_supply) {
      int i = d->supply.supplied_side;
      rp->phi[s] = throughput(&d->supply, fsim_route_distance(d, rp->x[s]));
      rp->e[SIDE2(s, i)] = fmin(1.0, rp->stock[s] + d->supply.capacity * rp->phi[s]);
    }
    for (int i = 0; i < FSIM_NSIDES; i++) rp->P[SIDE2(s, i)] *= rp->e[SIDE2(s, i)];
  }
}

/* Replacements flow into each side's reserve (MODEL.md 8.4; amounts planned by
 * fsim_replacements_plan). */
static void replacements_arrive(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    if (!(eng->sc->sides.side[i].replacements_per_day > 0)) continue;
    const double v = eng->repl_in[(size_t)i * (size_t)(eng->days + 1) + (size_t)t];
    rp->n[eng->reserve_place[i]] += v;
    rp->held[i] += v;
    rp->in_reserve[i] += v;
  }
}

/* Late formations land with the day's arrivals (MODEL.md 8). */
static void formations_arrive(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  const size_t slot = (size_t)(t % eng->ring_slots);
  for (int k = 0; k < eng->nlate; k++) {
    const int f = eng->late[k];
    const fsim_formation_def *fd = &eng->sc->formations[f];
    if (fd->arrival_day != t) continue;
    rp->ring[slot * (size_t)eng->nplaces + (size_t)eng->home_place[f]] += fd->personnel;
    rp->ring_has[slot * (size_t)eng->nformations + (size_t)f] = 1;
    rp->in_transit[fd->side_idx] += fd->personnel;
    if (fd->loc < eng->nsectors)
      rp->inbound_q[SIDE2(fd->loc, fd->side_idx)] += fd->personnel * fd->quality;
  }
}

static void land_arrivals(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  double *from = rp->ring + (size_t)(t % eng->ring_slots) * (size_t)eng->nplaces;
  unsigned char *has = rp->ring_has + (size_t)(t % eng->ring_slots) * (size_t)eng->nformations;
  for (int f = 0; f < eng->nformations; f++) {
    /* Most formations have nobody landing on a given day. */
    if (!has[f]) continue;
    has[f] = 0;
    const int i = eng->f_side[f];
    for (int p = eng->place_start[f]; p < eng->place_start[f + 1]; p++) {
      if (from[p] == 0.0) continue;
      const int loc = eng->place_loc[p];
      rp->n[p] += from[p];
      note_here(rp, p);
      rp->in_transit[i] -= from[p];
      rp->held[i] += from[p];
      if (loc == eng->nsectors) rp->in_reserve[i] += from[p];
      if (loc < eng->nsectors) rp->inbound_q[SIDE2(loc, i)] -= from[p] * eng->f_quality[f];
      from[p] = 0.0;
    }
  }
}

/* Success probability of an attack with power PA > 0 against PD > 0 (the defender's
 * protection included): p = 1 / (1 + (rho50 / rho)^beta), rho = PA / PD (MODEL.md 3).
 * For the default beta = 2 with r = rho50 PD / PA: two divisions rather than three in a
 * row, and no square of a power (which underflows for powers below 1e-154). */
static double success_probability(double PA, double PD, double rho50, double beta) {
  if (beta == 2.0) {
    const double r = rho50 * PD / PA; /* may overflow to inf: then p = 0, as it should */
    return 1.0 / (1.0 + r * r);
  }
  const double rho = PA / PD;
  if (isinf(rho)) return 1.0;
  return 1.0 / (1.0 + pow(rho50 / rho, beta));
}

/* Draws engagements, attack outcomes and line movement of sector s from the morning
 * state (MODEL.md 2-4), and the enemy's fire on each side there, w[i] = (E / lambda_on)
 * alpha_j P_j^a (MODEL.md 5: the expected loss is w[i] exposure / m_i, taken once the
 * day's arrivals have landed); returns the line movement. */
static double sector_draws(fsim_replica *rp, int s, int t, double w[FSIM_NSIDES]) {
  const fsim_engine *eng = rp->eng;
  const fsim_sector_def *d = &eng->sc->sectors[s];
  const fsim_attack_def *atk = &eng->sc->model.attack;
  const size_t at = (size_t)s * (size_t)(eng->days + 1) + (size_t)t;
  double lambda = eng->lambda[at];
  double pib = eng->pi_blue[at];
  const double m = d->terrain * d->fortification;
  /* The quiet sector: its holder gone and the area 0, the tempo falls, and every
   * engagement is the enemy's (MODEL.md 2). */
  if (d->has_held_area && rp->area[s] <= 0 && !isnan(d->held_area.quiet_rate) &&
      !(rp->N[SIDE2(s, d->held_area.holder_side)] > 0)) {
    lambda = d->held_area.quiet_rate;
    pib = d->held_area.holder_side == FSIM_BLUE ? 0.0 : 1.0;
  }
  const int defender = 1 - d->attacker_side;

  /* Success probability of an attack by each side (MODEL.md 3). */
  double p[FSIM_NSIDES];
  for (int A = 0; A < FSIM_NSIDES; A++) {
    const int D = 1 - A;
    const double PA = rp->P[SIDE2(s, A)], PD = rp->P[SIDE2(s, D)];
    /* The sector's protection applies when the sector's defender is attacked. */
    const double mD = D == defender ? m : 1.0;
    p[A] = 0.0;
    if (PA > 0) p[A] = PD > 0 ? success_probability(PA, mD * PD, atk->rho50, atk->beta) : 1.0;
  }

  /* Engagements by side and outcome (MODEL.md 2-3). E ~ Poisson(lambda), E_A by a
     binomial split and S_A ~ Binomial(E_A, p_A) have the joint law of four independent
     Poisson counts, successes and failures of each side (Poisson thinning), which is
     how they are drawn: four cheap draws instead of a Poisson and three binomials.
     A side with no power in the sector initiates nothing there: its share of the
     initiative lapses (MODEL.md 2), and `lambda_on` is the mean of what is fought. */
  const int on[FSIM_NSIDES] = {rp->P[SIDE2(s, FSIM_BLUE)] > 0, rp->P[SIDE2(s, FSIM_RED)] > 0};
  const double lambda_on = on[FSIM_BLUE] && on[FSIM_RED] ? lambda
                           : on[FSIM_BLUE]                ? lambda * pib
                           : on[FSIM_RED]                 ? lambda * (1.0 - pib)
                                                          : 0.0;
  double E, Eside[FSIM_NSIDES], S[FSIM_NSIDES];
  if (eng->expected) {
    E = lambda_on;
    Eside[FSIM_BLUE] = on[FSIM_BLUE] ? lambda * pib : 0.0;
    Eside[FSIM_RED] = E - Eside[FSIM_BLUE];
    for (int A = 0; A < FSIM_NSIDES; A++) S[A] = Eside[A] * p[A];
  } else {
    E = 0.0;
    for (int A = 0; A < FSIM_NSIDES; A++) {
      const double mean = on[A] ? lambda * (A == FSIM_BLUE ? pib : 1.0 - pib) : 0.0;
      const double ms = mean * p[A], mf = mean - ms;
      S[A] = ms > 0 ? (double)fsim_draw_poisson(&rp->draws, rp->rng, s, ms) : 0.0;
      Eside[A] = S[A] + (mf > 0 ? (double)fsim_draw_poisson(&rp->draws, rp->rng, s, mf) : 0.0);
      E += Eside[A];
    }
  }
  rp->eng_day[s] = E;

  double gain[FSIM_NSIDES];
  for (int A = 0; A < FSIM_NSIDES; A++) {
    const double S_A = S[A];
    rp->att[SIDE2(s, A)] = Eside[A];
    rp->succ[SIDE2(s, A)] = S_A;
    /* The sum of S_A Gamma(k, ell/k) steps is one Gamma(S_A k, ell/k) draw. */
    if (d->step_km <= 0 || S_A <= 0)
      gain[A] = 0.0;
    else if (eng->expected)
      gain[A] = S_A * d->step_km;
    else
      gain[A] = fsim_draw_gamma(&rp->draws, rp->rng, s, S_A * d->step_shape,
                                d->step_km / d->step_shape);
  }

  /* The enemy's fire: generalised Lanchester (MODEL.md 5), scaled by the day's
   * engagements against their mean, so that its expectation does not depend on them. */
  const double scale = lambda_on > 0 ? E / lambda_on : 0.0;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    const double Pj = rp->P[SIDE2(s, 1 - i)];
    w[i] = Pj > 0 ? scale * d->attrition.by[1 - i] * (eng->a == 1.0 ? Pj : pow(Pj, eng->a)) : 0.0;
  }
  return gain[FSIM_BLUE] - gain[FSIM_RED];
}

/* The rear guard of a withdrawal of listed formations only (MODEL.md 8.6): each of the
 * K formations gathered has the mean loss of its share of the fire plus, if it is
 * leaving, its rear guard's rate times its personnel (the larger rate where a rule of
 * every formation is in force too). Fills rp->split_mean; returns their sum. */
__attribute__((noinline)) static double partial_rearguard(fsim_replica *rp, int s, int i,
                                                          size_t K, double fire, double total) {
  const double all = rp->rearguard[SIDE2(s, i)];
  double mu = 0.0;
  for (size_t k = 0; k < K; k++) {
    const double w = rp->split_weight[k], rate = fmax(all, rp->rearguard_p[rp->split_place[k]]);
    rp->split_mean[k] = fire * w / total + rate * w;
    mu += rp->split_mean[k];
  }
  return mu;
}

/* Expected loss of side i in sector s (MODEL.md 5), `present` of it there now (K
 * formations, `total` persons, gathered): the enemy's fire w times the exposure N_i^b
 * over the protection. N_i is the morning's personnel, or for a side that had nobody
 * there this morning those who landed today (then all it has): a landing takes fire on
 * its first day (MODEL.md 5, 8.5). The rear guard of a withdrawal adds its share of
 * those present (MODEL.md 8.6); where only listed formations leave, *by is set to each
 * formation's mean (else NULL: in proportion to personnel). mi is the side's
 * protection there (MODEL.md 1). */
static inline double expected_loss(fsim_replica *rp, int s, int i, double w, double present,
                                   double mi, size_t K, double total, const double **by) {
  const fsim_engine *eng = rp->eng;
  const double Nm = rp->N[SIDE2(s, i)], Ni = Nm > 0 ? Nm : present;
  double mu = 0.0;
  *by = NULL;
  if (rp->P[SIDE2(s, 1 - i)] > 0 && Ni > 0) {
    const double exposure = eng->b == 0.0 ? 1.0 : eng->b == 1.0 ? Ni : pow(Ni, eng->b);
    mu = w * exposure / mi;
    if (eng->has_partial_withdraw && rp->rearguard_part[SIDE2(s, i)] && total > 0) {
      *by = rp->split_mean;
      return partial_rearguard(rp, s, i, K, mu, total);
    }
    if (eng->has_withdraw && rp->rearguard[SIDE2(s, i)] > 0)
      mu += rp->rearguard[SIDE2(s, i)] * present;
  }
  return mu;
}

/* The K formations gathered in a sector lose all they have there. */
static void lose_all(fsim_replica *rp, size_t K) {
  for (size_t k = 0; k < K; k++) {
    const int p = rp->split_place[k];
    rp->n[p] -= rp->split_weight[k]; /* exactly 0: w[k] is what it had */
    rp->loss_f[rp->eng->place_f[p]] += rp->split_weight[k];
  }
}

/* The expected mode's loss where each of the K formations gathered has its own mean
 * by[k] (a partial rear guard): each loses its mean, up to what it has. */
static double own_losses(fsim_replica *rp, size_t K, const double *by) {
  double loss = 0.0;
  for (size_t k = 0; k < K; k++) {
    const int p = rp->split_place[k];
    const double part = fmin(by[k], rp->split_weight[k]);
    rp->n[p] -= part;
    rp->loss_f[rp->eng->place_f[p]] += part;
    loss += part;
  }
  return loss;
}

/* Takes `loss` persons of a side in a sector from the K formations gathered there, in
 * proportion to their personnel (the expected mode). */
static void share_losses(fsim_replica *rp, size_t K, double total, double loss) {
  if (loss <= 0 || total <= 0) return;
  for (size_t k = 0; k < K; k++) {
    const int p = rp->split_place[k];
    const double part = K == 1 ? loss : loss * rp->split_weight[k] / total;
    rp->n[p] = fmax(0.0, rp->n[p] - part);
    rp->loss_f[rp->eng->place_f[p]] += part;
  }
}

/* Takes the drawn losses rp->split_count of the K formations gathered in a sector, each
 * up to what it has; returns the excess of those drawn for more than they had. */
static inline unsigned int settle_losses(fsim_replica *rp, size_t K) {
  double *n = rp->n, *w = rp->split_weight, *loss_f = rp->loss_f;
  const int *pidx = rp->split_place, *place_f = rp->eng->place_f;
  const unsigned int *drawn = rp->split_count;
  unsigned int left = 0;
  for (size_t k = 0; k < K; k++) {
    if (drawn[k] == 0) continue;
    const int p = pidx[k];
    /* fmin inlined: both are numbers and drawn >= 1, so no NaN or signed zero. */
    const double d = (double)drawn[k], take = d < w[k] ? d : w[k];
    left += (unsigned int)(d - take);
    w[k] -= take;
    n[p] -= take;
    loss_f[place_f[p]] += take;
  }
  return left;
}

/* Draws the losses of side i in sector s, mean mu, from the K formations gathered
 * there and takes them (MODEL.md 5, 7); returns the day's loss, capped at `present`.
 * Each formation's loss is its own Poisson draw with mean mu times its share of the
 * personnel: their sum is the Poisson(mu) loss of MODEL.md 5 and, given the sum, they
 * are the multinomial split of MODEL.md 7 (Poisson splitting), drawn at the cost of K
 * Poisson draws rather than a Poisson and K - 1 binomials. Where each has its own mean
 * by[k] (a partial rear guard, MODEL.md 8.6), each is drawn with it. */
static double draw_losses(fsim_replica *rp, int s, size_t K, double present, double total,
                          double mu, const double *by) {
  unsigned int *drawn = rp->split_count;
  const double per_person = mu / total;
  double sum = 0.0;
  for (size_t k = 0; k < K; k++) {
    drawn[k] = fsim_draw_poisson(&rp->draws, rp->rng, s,
                                 by ? by[k] : K == 1 ? mu : per_person * rp->split_weight[k]);
    sum += drawn[k];
  }
  if (sum >= present) { /* capped at what is there (MODEL.md 5): all of it is lost */
    lose_all(rp, K);
    return present;
  }
  /* A formation drawn for more than it has passes the excess on to the others by a
     multinomial draw over what they have left (rare: only when losses are a large
     share of a small formation), until all of it is taken. */
  for (unsigned int left = settle_losses(rp, K); left > 0; left = settle_losses(rp, K))
    fsim_draw_multinomial(&rp->draws, rp->rng, s, K, left, rp->split_weight, drawn);
  return sum;
}

void fsim_step_day(fsim_replica *rp, int t) {
  const fsim_engine *eng = rp->eng;
  const fsim_scenario *sc = eng->sc;
  const int S = eng->nsectors;

  /* Each stream starts afresh every day from (replication, stream, day), so two
   * scenarios stay in step day by day even after one has drawn more than the other
   * (common random numbers, MODEL.md 11). */
  if (!eng->expected) {
    const uint64_t day_key = fsim_splitmix64(rp->rep_key ^ ((uint64_t)(unsigned)t * 0x9fb21c651e98df25ULL));
    /* Stream S + 1, the intelligence's noise, only where a side's is noisy. */
    for (int k = 0; k <= S + eng->intel_noise; k++)
      fsim_rng_seed(rp->rng[k], fsim_stream_seed(day_key, (uint64_t)k));
  }
  if (!rp->aggregated) fsim_state_aggregate(rp); /* else the same, from the evening */
  rp->aggregated = 0;
  for (int s = 0; s < S; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    if (d->has_supply)
      rp->min_eff[s] = fmin(rp->min_eff[s], rp->e[SIDE2(s, d->supply.supplied_side)]);
  }
  replacements_arrive(rp, t);
  formations_arrive(rp, t);
  if (eng->perceives || eng->has_threat) fsim_perceive(rp, t);
  fsim_policies_apply(rp, t);
  for (int s = 0; s < S; s++) rp->dx[s] = sector_draws(rp, s, t, rp->mu + SIDE2(s, 0));
  land_arrivals(rp, t);

  for (int s = 0; s < S; s++) {
    const fsim_sector_def *d = &sc->sectors[s];
    const double m = d->terrain * d->fortification; /* the defender's protection */
    const int defender = 1 - d->attacker_side;
    for (int i = 0; i < FSIM_NSIDES; i++) {
      double present, total;
      const size_t K =
          (size_t)fsim_gather(rp, s, i, rp->split_place, rp->split_weight, &present, &total);
      const double mi = i == defender ? m : 1.0;
      const double *by;
      const double mu = expected_loss(rp, s, i, rp->mu[SIDE2(s, i)], present, mi, K, total, &by);
      double loss;
      if (eng->expected && by) {
        loss = own_losses(rp, K, by);
      } else if (eng->expected) {
        loss = fmin(mu, present); /* capped at what is there (MODEL.md 5) */
        share_losses(rp, K, total, loss);
      } else if (!(mu > 0) || K == 0) {
        loss = 0.0;
      } else if (!(present > mu - 10.0 * sqrt(mu))) {
        /* A loss below `present` has probability < e^-50 (Chernoff): all is lost. This
           also keeps huge means (up to 1e30 with the free law, or infinite: then the
           right side is NaN) out of the sampler, whose counts are unsigned ints. */
        loss = present;
        lose_all(rp, K);
      } else {
        loss = draw_losses(rp, s, K, present, total, mu, by);
      }
      rp->loss_day[SIDE2(s, i)] = loss;
    }
    /* Ground and held area (MODEL.md 4). */
    double x0 = rp->x[s];
    rp->x[s] = clamp(x0 + rp->dx[s], d->x_min_km, d->x_max_km);
    if (d->has_held_area) {
      /* The area follows the line: it is the clamp of the area the line gives, so once
         at 0 it returns only when the line does (MODEL.md 4). */
      double sign = d->held_area.holder_side == FSIM_BLUE ? 1.0 : -1.0;
      rp->area_line[s] += sign * d->width_km * (rp->x[s] - x0);
      rp->area[s] = clamp(rp->area_line[s], 0.0, d->held_area.max_km2);
      if (rp->zero_day[s] < 0 && !(rp->area[s] > 0)) rp->zero_day[s] = t;
    }
    /* Supply stock and the cut (MODEL.md 6). */
    if (d->has_supply) {
      rp->stock[s] = clamp(rp->stock[s] + d->supply.capacity * rp->phi[s] - 1.0, 0.0,
                           d->supply.stock_max_days);
      if (!rp->cut_day[s] && fsim_route_distance(d, rp->x[s]) <= 0) rp->cut_day[s] = t;
    }
  }

  /* Reports of the enemy's losses (MODEL.md 9): side i claims j's losses. */
  for (int i = 0; i < FSIM_NSIDES; i++) {
    const int j = 1 - i;
    double truth = 0.0;
    for (int s = 0; s < S; s++) truth += rp->loss_day[SIDE2(s, j)];
    const fsim_side_def *side = &sc->sides.side[i];
    double noise = 1.0;
    if (side->claim_sigma > 0)
      noise = eng->expected ? exp(0.5 * side->claim_sigma * side->claim_sigma)
                            : fsim_draw_lognormal(&rp->draws, rp->rng, S, 0.0, side->claim_sigma);
    rp->claim_day[j] = truth * side->claim_bias * noise;
    rp->loss[j] += truth;
    rp->held[j] -= truth; /* the day's losses are what was taken (capped at what was there) */
    rp->claimed[j] += rp->claim_day[j];
  }
}
