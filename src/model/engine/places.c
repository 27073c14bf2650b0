/* The places of the engine (state.h): every (formation, location) pair a formation
 * can ever occupy in a replication, found once per engine by following the rules that
 * move personnel. A formation is at a handful of locations (a side's reserve
 * formation at most at every sector its replacements and reinforcements reach), so the
 * replica's per-place arrays grow with the scenario, not with formations x locations:
 * 2,500 sectors took 2.5 GB in dense arrays. */
#include <stdlib.h>
#include <string.h>

#include "step.h"

/* Adds edge from -> to of a side's location graph (counted first, then filled). */
static void edge(int *start, int *to, int from, int dest, int fill) {
  if (fill)
    to[start[from]++] = dest;
  else
    start[from + 1]++;
}

/* The side's location graph: where personnel at a location can be sent by a rule
 * (MODEL.md 8: transfers, reinforce donors, replacements from the reserve, withdrawals), in
 * compressed rows: adj[start[loc] .. start[loc + 1]). */
static void side_graph(const fsim_engine *eng, int side, int *start, int *adj) {
  const fsim_side_def *sd = &eng->sc->sides.side[side];
  const int L = eng->nlocations;
  memset(start, 0, (size_t)(L + 1) * sizeof *start);
  for (int fill = 0; fill < 2; fill++) {
    for (int k = 0; k < sd->nrules; k++) {
      const fsim_rule_def *r = &sd->rules[k];
      if (r->type == FSIM_RULE_TRANSFER && r->nformations == 0 && r->from_loc >= 0)
        edge(start, adj, r->from_loc, r->to_loc, fill);
      else if (r->type == FSIM_RULE_REINFORCE)
        for (int d = 0; d < r->ndonors; d++) edge(start, adj, r->donor_loc[d], r->sector_idx, fill);
      else if (r->type == FSIM_RULE_REPLACEMENTS)
        edge(start, adj, eng->nsectors, r->to_loc, fill);
      else if (r->type == FSIM_RULE_WITHDRAW)
        edge(start, adj, r->sector_idx, r->to_loc, fill);
    }
    if (!fill) { /* counts to row starts */
      for (int loc = 0; loc < L; loc++) start[loc + 1] += start[loc];
    } else { /* filling advanced start[loc] to the end of loc's row: shift back */
      for (int loc = L; loc > 0; loc--) start[loc] = start[loc - 1];
      start[0] = 0;
    }
  }
}

static int cmp_int(const void *a, const void *b) {
  const int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Appends place (f, loc) to the engine's growing lists. */
static int place_add(fsim_engine *eng, int *cap, int f, int loc) {
  if (eng->nplaces == *cap) {
    const int c = *cap ? 2 * *cap : 256;
    int *l = realloc(eng->place_loc, (size_t)c * sizeof *l);
    if (l) eng->place_loc = l;
    int *g = realloc(eng->place_f, (size_t)c * sizeof *g);
    if (g) eng->place_f = g;
    if (!l || !g) return -1;
    *cap = c;
  }
  eng->place_loc[eng->nplaces] = loc;
  eng->place_f[eng->nplaces++] = f;
  return 0;
}

fsim_status fsim_places_build(fsim_engine *eng, fsim_error *err) {
  const fsim_scenario *sc = eng->sc;
  const int F = eng->nformations, L = eng->nlocations;
  size_t edges = 0;
  for (int i = 0; i < FSIM_NSIDES; i++)
    for (int k = 0; k < sc->sides.side[i].nrules; k++) edges += FSIM_MAX_REFS + 1;
  int *start[FSIM_NSIDES], *adj[FSIM_NSIDES];
  int *mark = malloc((size_t)L * sizeof *mark), *queue = malloc((size_t)L * sizeof *queue);
  int ok = mark && queue;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    start[i] = malloc((size_t)(L + 1) * sizeof(int));
    adj[i] = malloc((edges ? edges : 1) * sizeof(int));
    ok = ok && start[i] && adj[i];
  }
  eng->place_start = malloc((size_t)(F + 1) * sizeof(int));
  eng->home_place = malloc((size_t)(F ? F : 1) * sizeof(int));
  eng->here_start = calloc((size_t)L * 2 + 1, sizeof(int));
  ok = ok && eng->place_start && eng->home_place && eng->here_start;
  int cap = 0;
  if (ok) {
    for (int i = 0; i < FSIM_NSIDES; i++) side_graph(eng, i, start[i], adj[i]);
    for (int loc = 0; loc < L; loc++) mark[loc] = -1;
    for (int f = 0; f < F && ok; f++) {
      /* Breadth first from where f starts and where transfers naming it send it. */
      const int side = sc->formations[f].side_idx;
      const fsim_side_def *sd = &sc->sides.side[side];
      int nq = 0;
      queue[nq++] = sc->formations[f].loc;
      mark[sc->formations[f].loc] = f;
      for (int k = 0; k < sd->nrules; k++) {
        const fsim_rule_def *r = &sd->rules[k];
        if (r->type != FSIM_RULE_TRANSFER) continue;
        for (int j = 0; j < r->nformations; j++)
          if (r->formation_idx[j] == f && mark[r->to_loc] != f) {
            mark[r->to_loc] = f;
            queue[nq++] = r->to_loc;
          }
      }
      for (int h = 0; h < nq; h++)
        for (int e = start[side][queue[h]]; e < start[side][queue[h] + 1]; e++)
          if (mark[adj[side][e]] != f) {
            mark[adj[side][e]] = f;
            queue[nq++] = adj[side][e];
          }
      qsort(queue, (size_t)nq, sizeof *queue, cmp_int); /* locations ascending */
      eng->place_start[f] = eng->nplaces;
      for (int h = 0; h < nq && ok; h++) {
        if (queue[h] == sc->formations[f].loc) eng->home_place[f] = eng->nplaces;
        ok = place_add(eng, &cap, f, queue[h]) == 0;
        eng->here_start[queue[h] * 2 + side + 1]++;
      }
    }
    eng->place_start[F] = eng->nplaces;
    for (int c = 0; c < L * 2; c++) eng->here_start[c + 1] += eng->here_start[c];
  }
  const size_t P = (size_t)(eng->nplaces ? eng->nplaces : 1);
  eng->place_q = ok ? malloc(P * sizeof *eng->place_q) : NULL;
  for (int i = 0; i < FSIM_NSIDES; i++) {
    free(start[i]);
    free(adj[i]);
  }
  free(queue);
  free(mark);
  if (!eng->place_q) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (int p = 0; p < eng->nplaces; p++) eng->place_q[p] = eng->f_quality[eng->place_f[p]];
  for (int i = 0; i < FSIM_NSIDES; i++)
    eng->reserve_place[i] = fsim_place(eng, eng->reserve_formation[i], eng->nsectors);
  return FSIM_OK;
}

void fsim_places_free(fsim_engine *eng) {
  free(eng->place_start);
  free(eng->home_place);
  free(eng->here_start);
  free(eng->place_loc);
  free(eng->place_f);
  free(eng->place_q);
  eng->place_start = eng->home_place = eng->here_start = eng->place_loc = eng->place_f = NULL;
  eng->place_q = NULL;
  eng->nplaces = 0;
}
