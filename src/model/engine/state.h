/* The model's state: an immutable engine compiled from a scenario (shared by all
 * threads) and a per-thread replica that holds one replication's state and every
 * scratch array, allocated once and reused for every day and every replication.
 * Private to src/model: the layers above see results (../results.h), not this. */
#ifndef FRONTSIM_STATE_H
#define FRONTSIM_STATE_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "draws.h"
#include "layout.h"
#include "scenario_internal.h"

typedef struct fsim_engine {
  const fsim_scenario *sc;
  int nsectors;    /* S in MODEL.md */
  int nlocations;  /* L = S + 1: the sectors, then the reserve (index S) */
  int nformations; /* F: explicit formations, then one reserve formation per side */
  int days;        /* D: days 1..D, day 0 the initial state */
  int ring_slots;  /* R: transit ring slots, the longest delay + 1 */
  int expected; /* mode expected: every draw replaced by its mean */
  double a, b;  /* attrition exponents (MODEL.md 5) */
  int law;
  int reserve_formation[FSIM_NSIDES];
  int *side_formations[FSIM_NSIDES]; /* formation indices of each side */
  int nside_formations[FSIM_NSIDES];
  /* Per formation, copied out of the large fsim_formation_def records that the day
     loop would otherwise walk. */
  int *f_side;      /* [f] side index */
  double *f_quality; /* [f] quality (MODEL.md 1) */
  int *late;         /* formations with an arrival day, in index order (MODEL.md 8.5) */
  int nlate;
  unsigned char *event_day;          /* [t]: 1 on days with an event */
  int can_exhaust[FSIM_NSIDES];      /* the side has no replacement flow */
  int last_arrival[FSIM_NSIDES];     /* latest arrival day of a formation with personnel */
  int has_reinforce;                 /* some rule needs the projected power */
  int has_withdraw;                  /* some rule may pull a side out (MODEL.md 8.6) */
  int has_partial_withdraw;          /* some withdraw rule moves only listed formations */
  int nrules;                        /* both sides' rules, blue's first */
  int *rule_order; /* [nrules]: each side's rules by decreasing priority, blue's first */
  const struct fsim_rule_def **rule_def; /* [nrules]: the rule at each place of that order */
  int *rule_side;                        /* [nrules]: its side */
  /* What a side believes (MODEL.md 8.7; perception.c). */
  int perceives;     /* some side's rules read anything but the true enemy power */
  int has_feint;     /* some formation looks larger than it is for a while */
  int intel_noise;   /* some side's intelligence is noisy: stream S + 1 is drawn */
  int lag_slots;     /* the longest intelligence lag + 1: mornings of apparent power kept */
  int has_threat;    /* some reinforce rule has a tempo or ground-lost trigger */
  int has_surge;     /* some reinforce rule has a threat trigger (and a surge threshold) */
  int hist_slots;    /* the longest window of those + 1: mornings of history kept */
  double intel_factor[FSIM_NSIDES]; /* expected mode: bias x the noise's mean */
  /* The noise's log is AR(1) (MODEL.md 8.7): z = keep z + fresh sigma eta, with keep = rho
     and fresh = sqrt(1 - rho^2), so that every morning's z has sd sigma. */
  double intel_keep[FSIM_NSIDES], intel_fresh[FSIM_NSIDES];
  /* Replacements in whole persons (MODEL.md 8.3, 8.4): the same in every replication,
     so worked out once, with the running totals the rules would keep. */
  double *repl_in;  /* [side * (D + 1) + t] arriving in the side's reserve on day t */
  double *repl_out; /* [rule * (D + 1) + t] handed out by replacements rule `rule` */
  /* Per sector and day t (1..D): engagement rate and blue's share of initiative. */
  double *lambda; /* [s * (D + 1) + t] */
  double *pi_blue;
  /* Places: the (formation, location) pairs a formation can ever occupy (places.c),
     formation-major with locations ascending, so a pass over places visits the pairs
     in the order of a pass over formations, then locations. */
  int nplaces;      /* P */
  int *place_start; /* [F + 1]: formation f's places are place_start[f] .. [f + 1] - 1 */
  int *place_loc;   /* [P] */
  int *place_f;     /* [P] */
  double *place_q;  /* [P] the formation's quality */
  int *home_place;  /* [F] the place where f starts or arrives */
  int reserve_place[FSIM_NSIDES]; /* the reserve formation in the reserve */
  int *here_start; /* [L * 2 + 1]: room of each (loc, side) list in fsim_replica.here */
  const gsl_rng_type *rng_type;
  fsim_layout layout; /* series variables and metrics */
} fsim_engine;

typedef struct fsim_replica {
  const fsim_engine *eng;
  gsl_rng **rng; /* S + 2 streams: sectors, reports, intelligence (MODEL.md 11) */
  fsim_draw_counter draws; /* draws by kind (and a trace in the benchmark) */
  uint64_t rep_key;        /* the replication's seed key */
  /* state */
  double *n;               /* [p] personnel at place p (formation f at location loc) */
  double *ring;            /* [slot * P + p] in transit to place p, landing on day slot mod R */
  unsigned char *ring_has; /* [slot * F + f]: 1 if f may have someone in that slot */
  double *x;        /* [s] line position, km (+ = blue gained) */
  double *area;     /* [s] held area, km2 */
  double *area_line; /* [s] the held area the line gives, before the clamp (MODEL.md 4) */
  double *stock;    /* [s] supply stock, days of need */
  int *cut_day;     /* [s] first day the route was cut, 0 = not cut */
  double *min_eff;  /* [s] lowest supply effectiveness seen */
  double *loss_f;   /* [f] cumulative losses */
  /* The places of each side's formations that have been at each location in this
     replication, in formation order: sums over a location visit only these, as every
     other formation holds exactly 0 there (and adding +0 to a sum begun at +0 changes
     nothing). */
  int *here;           /* [eng->here_start[loc * 2 + side] + k] */
  int *nhere;          /* [loc * 2 + side] */
  unsigned char *been; /* [p]: p is in the list of its location */
  double loss[FSIM_NSIDES], claimed[FSIM_NSIDES]; /* cumulative; claimed = by the enemy */
  /* Each side's personnel at every location (reserve included), in the reserve and in
     transit, kept up to date where personnel move, land, arrive and are lost, so that
     the early stop and the day's row need no pass over formations x locations. Exact
     in stochastic mode only: persons are whole numbers there (and a side has at most
     1e9 of them, well below 2^53), so these sums are exact in any order; with
     fractional persons (expected mode) the order of additions would change the bits. */
  double held[FSIM_NSIDES], in_reserve[FSIM_NSIDES], in_transit[FSIM_NSIDES];
  double *drawn;    /* [(s * 2 + side) * 2 + k] personnel sent into s; k 0 from sectors, 1 reserve */
  int *withdraw_day; /* [rule] day a withdraw rule fired, 0 = not yet (MODEL.md 8.6) */
  double *rearguard; /* [s * 2 + side] the day's rear-guard loss rate (MODEL.md 8.6) */
  unsigned char *leaving; /* [s * 2 + side] a withdrawal from s is in force this morning */
  /* Withdrawals of listed formations only (MODEL.md 8.6): the day's rear-guard rate of
     each place, and whether some place of (s, side) has one. */
  double *rearguard_p;            /* [p] */
  unsigned char *rearguard_part; /* [s * 2 + side] */
  int alive_days;   /* days simulated before an early stop */
  int aggregated;   /* 1: N, P, e and phi are those of the state as it is (the day's
                       row computed them at the end of the day before, and nothing has
                       moved since), so the morning need not compute them again */
  /* What a side believes (MODEL.md 8.7): view[SIDE2(s, j)] is j's power in s as its
     enemy perceives it that morning; it is P itself where no side perceives. */
  const double *view;
  double *seen;      /* [s * 2 + j] perceived power of j in s */
  double *seen_over_true; /* [s * 2 + i] what i perceives of the enemy's power over the truth */
  double *intel_z;   /* [s * 2 + i] the log of i's intelligence noise on the enemy in s */
  double *app_ring;  /* [slot * S * 2 + s * 2 + j] j's apparent power on morning slot mod lag_slots */
  double *att_cum;   /* [s * 2 + j] j's attacks in s up to the morning */
  double *att_ring;  /* [slot * S * 2 + ...] att_cum on morning slot mod hist_slots */
  double *x_ring;    /* [slot * S + s] the line on morning slot mod hist_slots */
  int *zero_day;     /* [s] first day the held area was 0, -1 = not yet */
  double *withdrawn; /* [s * 2 + side] personnel sent out of s by withdraw rules */
  double *drawn_true, *drawn_seen; /* [s * 2 + side] reinforcements by true / perceived need */
  /* morning aggregates and the day's flows, reused each day */
  double *N, *P, *e, *phi;        /* [s * 2 + side] (phi: [s]) */
  double *incoming;               /* [s * 2 + side] projected power: morning + on the way */
  double *inbound_q;              /* [s * 2 + side] quality-weighted persons on the way to s */
  double *eng_day, *att, *succ;   /* engagements [s], attacks and successes [s*2+side] */
  double *loss_day;               /* [s * 2 + side] */
  double *mu;                     /* [s * 2 + side] the enemy's fire of the day (MODEL.md 5) */
  double *dx;                     /* [s] line movement of the day */
  double claim_day[FSIM_NSIDES];
  double *split_weight;           /* [F] weights of a loss split (MODEL.md 5, 7) */
  double *split_mean;             /* [F] each one's mean loss, where a rear guard is partial */
  unsigned int *split_count;      /* [F] persons each formation of a split loses */
  int *split_place;               /* [F] places of the formations of a split */
  int *move_p;                    /* [F] places of the formations of a move */
  double *move_v;                 /* [F] persons each gives */
  int nmove;
  double *row;                    /* one day of series variables */
  double *metrics;                /* one replication's metrics */
} fsim_replica;

/* Index of (sector s, side i) in the arrays laid out [s * 2 + side]. */
#define SIDE2(s, i) ((size_t)(s) * 2 + (size_t)(i))

/* The place of formation f at loc, or -1 if f can never be there: a binary search
 * over f's few places. */
static inline int fsim_place(const fsim_engine *eng, int f, int loc) {
  int lo = eng->place_start[f], hi = eng->place_start[f + 1] - 1;
  while (lo <= hi) {
    const int mid = (lo + hi) / 2, at = eng->place_loc[mid];
    if (at == loc) return mid;
    if (at < loc)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

/* The places of `side`'s formations that have been at `loc` (see fsim_replica.here). */
static inline const int *fsim_here(const fsim_replica *rp, int loc, int side, int *count) {
  const size_t c = (size_t)loc * 2 + (size_t)side;
  *count = rp->nhere[c];
  return rp->here + rp->eng->here_start[c];
}

/* Personnel and power (quality-weighted personnel, MODEL.md 1) of `side` at `loc`:
 * sums over the formations there in index order, each in a register. */
static inline void fsim_holdings(const fsim_replica *rp, int loc, int side, double *persons,
                                 double *power) {
  const fsim_engine *eng = rp->eng;
  int nmine;
  const int *mine = fsim_here(rp, loc, side, &nmine);
  double p = 0.0, q = 0.0;
  for (int k = 0; k < nmine; k++) {
    const double v = rp->n[mine[k]];
    p += v;
    q += v * eng->place_q[mine[k]];
  }
  *persons = p;
  *power = q;
}

/* The places of `side`'s formations with personnel at `loc`, compacted into idx[] with their
 * personnel in w[] (usually one or two); returns how many. *present is the side's
 * personnel there, *positive the sum of w[]. One pass serves a loss cap and its split
 * (MODEL.md 5, 7) or a move's shares (MODEL.md 8). */
static inline int fsim_gather(const fsim_replica *rp, int loc, int side, int *idx, double *w,
                              double *present, double *positive) {
  int nmine;
  const int *mine = fsim_here(rp, loc, side, &nmine);
  const double *n = rp->n;
  int K = 0;
  double all = 0.0, pos = 0.0;
  for (int k = 0; k < nmine; k++) {
    const double v = n[mine[k]];
    all += v;
    if (v <= 0) continue;
    idx[K] = mine[k];
    w[K++] = v;
    pos += v;
  }
  *present = all;
  *positive = pos;
  return K;
}

#endif
