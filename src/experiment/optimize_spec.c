/* fsim_optimize's options (set by name) and the problem they describe: decisions,
 * objective and constraints, parsed and checked against the scenario before any
 * replication (docs/OPTIMIZE.md). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "optable.h"
#include "optimize.h"
#include "rng.h"
#include "text.h"

/* "decision" and "constraint" add one spec a line: an analysis has several. */
static fsim_status append_line(char **field, const char *value, fsim_error *err) {
  if (!value || !*value || strchr(value, '\n'))
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "", "expected one specification, found \"%.80s\"",
                          value ? value : "");
  size_t old = *field ? strlen(*field) : 0, n = strlen(value);
  char *g = realloc(*field, old + n + 2);
  if (!g) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (old) g[old++] = '\n';
  memcpy(g + old, value, n + 1);
  *field = g;
  return FSIM_OK;
}
static fsim_status set_decision(void *base, const char *value, fsim_error *err) {
  return append_line(&((fsim_optimize_options *)base)->decisions, value, err);
}
static fsim_status set_constraint(void *base, const char *value, fsim_error *err) {
  return append_line(&((fsim_optimize_options *)base)->constraints, value, err);
}
static void get_lines(const char *field, char *buf, size_t size) {
  snprintf(buf, size, "%s", field ? field : "");
}
static void get_decision(const void *base, char *buf, size_t size) {
  get_lines(((const fsim_optimize_options *)base)->decisions, buf, size);
}
static void get_constraint(const void *base, char *buf, size_t size) {
  get_lines(((const fsim_optimize_options *)base)->constraints, buf, size);
}

#define OFF(f) offsetof(fsim_optimize_options, f)
static const fsim_opt_row rows[] = {
    {.name = "decision", .kind = FSIM_OPT_CUSTOM, .parse = set_decision, .format = get_decision,
     .doc = "adds a decision: PATH=lo:hi, PATH=lo:hi:int, PATH=a,b,c or PATH=a|b|c"},
    {.name = "objective", .kind = FSIM_OPT_TEXT, .offset = OFF(objective),
     .doc = "min EXPR or max EXPR: a metric or a weighted sum w1*m1 + w2*m2"},
    {.name = "constraint", .kind = FSIM_OPT_CUSTOM, .parse = set_constraint,
     .format = get_constraint, .doc = "adds a constraint: METRIC OP VALUE on its mean"},
    {.name = "replications", .kind = FSIM_OPT_LONG, .offset = OFF(replications), .min = 0,
     .max = 1e7, .doc = "replications per evaluation; 0: run.replications"},
    {.name = "seed", .kind = FSIM_OPT_U64, .offset = OFF(seed),
     .flag_offset_plus1 = OFF(has_seed) + 1, .doc = "master seed of the search"},
    {.name = "budget", .kind = FSIM_OPT_LONG, .offset = OFF(budget), .min = 1, .max = 1e6,
     .doc = "most evaluations the search simulates"},
    {.name = "tolerance", .kind = FSIM_OPT_DOUBLE, .offset = OFF(tolerance), .min = 1e-12,
     .max = 1, .doc = "simplex size (transformed coordinates) at which the search stops"},
    {.name = "step", .kind = FSIM_OPT_DOUBLE, .offset = OFF(step), .min = 1e-6, .max = 3,
     .doc = "first step of the simplex (transformed coordinates)"},
    {.name = "fresh_replications", .kind = FSIM_OPT_LONG, .offset = OFF(fresh_replications),
     .min = 0, .max = 1e7, .doc = "replications of the fresh re-estimate; 0: as the search"},
    {.name = "fresh_seed", .kind = FSIM_OPT_U64, .offset = OFF(fresh_seed),
     .flag_offset_plus1 = OFF(has_fresh_seed) + 1, .doc = "seed of the fresh re-estimate"},
    {.name = "threads", .kind = FSIM_OPT_INT, .offset = OFF(threads), .min = 0, .max = 4096,
     .doc = "OpenMP threads per evaluation; 0: the default"},
    {.name = "resume", .kind = FSIM_OPT_BOOL, .offset = OFF(resume),
     .doc = "continue a killed search from its journal"},
};
#undef OFF
static const fsim_opt_table table = {.what = "optimize option", .rows = rows,
                                     .nrows = sizeof rows / sizeof *rows};

fsim_optimize_options *fsim_optimize_options_new(void) {
  fsim_optimize_options *o = calloc(1, sizeof *o);
  if (!o) return NULL;
  o->budget = 60;
  o->tolerance = 1e-3;
  o->step = 0.5;
  o->ranks = 1;
  return o;
}

void fsim_optimize_options_free(fsim_optimize_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&table, opt);
  free(opt->decisions);
  free(opt->constraints);
  free(opt);
}

fsim_status fsim_optimize_options_set(fsim_optimize_options *opt, const char *name,
                                      const char *value, fsim_error *err) {
  return fsim_opt_set(&table, opt, name, value, err);
}

void fsim_optimize_options_set_progress(fsim_optimize_options *opt, fsim_progress_fn fn,
                                        void *ctx) {
  if (!opt) return;
  opt->progress = fn;
  opt->progress_ctx = ctx;
}

void fsim_optimize_options_set_ranks(fsim_optimize_options *opt, int rank, int ranks,
                                     fsim_sum_fn sum, void *ctx) {
  if (!opt) return;
  const int several = ranks > 1 && sum && rank >= 0 && rank < ranks;
  opt->rank = several ? rank : 0;
  opt->ranks = several ? ranks : 1;
  opt->sum = several ? sum : NULL;
  opt->sum_ctx = ctx;
}

fsim_status fsim_optimize_options_get(const fsim_optimize_options *opt, const char *name,
                                      char *buf, size_t size, fsim_error *err) {
  return fsim_opt_get(&table, opt, name, buf, size, err);
}

/* Text between a and b, spaces trimmed, into buf; 0 when empty or too long. */
static int trimmed(const char *a, const char *b, char *buf, size_t size) {
  while (a < b && isspace((unsigned char)*a)) a++;
  while (b > a && isspace((unsigned char)b[-1])) b--;
  if (a == b || (size_t)(b - a) >= size) return 0;
  memcpy(buf, a, (size_t)(b - a));
  buf[b - a] = '\0';
  return 1;
}

static int number(const char *s, double *out) {
  char *end = NULL;
  errno = 0;
  *out = strtod(s, &end);
  return end != s && *end == '\0' && errno != ERANGE && isfinite(*out);
}

#define DEC_FORM "expected PATH=lo:hi, PATH=lo:hi:int, PATH=a,b,c or PATH=a|b|c"

static fsim_status parse_decision(const char *spec, fsim_decision *d, fsim_error *err) {
  memset(d, 0, sizeof *d);
  const char *eq = strchr(spec, '=');
  if (!eq || !trimmed(spec, eq, d->path, sizeof d->path))
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, "", DEC_FORM ", found \"%.80s\"",
                          spec);
  char rest[2048];
  if (!trimmed(eq + 1, eq + strlen(eq), rest, sizeof rest))
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                          DEC_FORM ", found nothing after '='");
  /* Levels are separated by '|' when there is one (a level may then hold commas: a
     donor order ["pokrovsk", "reserve"]), else by ','. */
  const char sep = strchr(rest, '|') ? '|' : ',';
  if (strchr(rest, sep)) {
    d->kind = FSIM_DEC_SET;
    for (char *at = rest, *next; at; at = next) {
      next = strchr(at, sep);
      if (next) *next++ = '\0';
      if (d->nlevels == FSIM_OPT_MAXLEVEL)
        return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                              "expected at most %d levels", FSIM_OPT_MAXLEVEL);
      if (!trimmed(at, at + strlen(at), d->level[d->nlevels], sizeof d->level[0]) ||
          strpbrk(d->level[d->nlevels], ";\t"))
        return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                              "expected levels a,b,c or a|b|c (none empty, no ';' or tab), found "
                              "\"%.80s\"",
                              rest);
      d->nlevels++;
    }
    return FSIM_OK;
  }
  char *c1 = strchr(rest, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
  if (c1) *c1 = '\0';
  if (c2) *c2 = '\0';
  d->kind = c2 && strcmp(c2 + 1, "int") == 0 ? FSIM_DEC_INT : FSIM_DEC_REAL;
  if (!c1 || (c2 && d->kind != FSIM_DEC_INT) || !number(rest, &d->lo) || !number(c1 + 1, &d->hi))
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                          DEC_FORM ", found \"%.80s\"", eq + 1);
  if (!(d->lo < d->hi))
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                          "expected lo < hi, found %g:%g", d->lo, d->hi);
  if (d->kind == FSIM_DEC_INT && (d->lo != floor(d->lo) || d->hi != floor(d->hi)))
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, d->path,
                          "expected whole numbers for an :int range, found %g:%g", d->lo, d->hi);
  return FSIM_OK;
}

/* "min EXPR" / "max EXPR", EXPR = [w*]metric + [w*]metric ... */
static fsim_status parse_objective(const char *text, fsim_opt_problem *pb, fsim_error *err) {
  char buf[2048];
  if (!text || !trimmed(text, text + strlen(text), buf, sizeof buf) ||
      (strncmp(buf, "min ", 4) != 0 && strncmp(buf, "max ", 4) != 0))
    return fsim_error_set(err, FSIM_E_INPUT, "--objective", 0, "",
                          "expected 'min EXPR' or 'max EXPR' (EXPR a metric or w1*m1 + w2*m2), "
                          "found \"%.80s\"", text ? text : "(none)");
  pb->maximise = buf[1] == 'a';
  for (char *at = buf + 4, *next; at; at = next) {
    next = strchr(at, '+');
    if (next) *next++ = '\0';
    if (pb->nterm == FSIM_OPT_MAXTERM)
      return fsim_error_set(err, FSIM_E_INPUT, "--objective", 0, "",
                            "expected at most %d terms", FSIM_OPT_MAXTERM);
    char *star = strchr(at, '*'), wtext[64];
    double w = 1;
    const char *name = at;
    if (star) {
      *star = '\0';
      if (!trimmed(at, star, wtext, sizeof wtext) || !number(wtext, &w))
        return fsim_error_set(err, FSIM_E_INPUT, "--objective", 0, "",
                              "expected a weight (a number) before '*', found \"%.40s\"", at);
      name = star + 1;
    }
    if (!trimmed(name, name + strlen(name), pb->term[pb->nterm], sizeof pb->term[0]))
      return fsim_error_set(err, FSIM_E_INPUT, "--objective", 0, "",
                            "expected a metric in each term of \"%.80s\"", text);
    pb->weight[pb->nterm++] = w;
  }
  return FSIM_OK;
}

static fsim_status parse_constraint(const char *spec, fsim_constraint *c, fsim_error *err) {
  static const struct { const char *text; fsim_con_op op; } ops[] = {
      {"<=", FSIM_CON_LE}, {">=", FSIM_CON_GE}, {"<", FSIM_CON_LT}, {">", FSIM_CON_GT}};
  memset(c, 0, sizeof *c);
  const char *at = strpbrk(spec, "<>");
  if (!at)
    return fsim_error_set(err, FSIM_E_INPUT, "--constraint", 0, "",
                          "expected METRIC OP VALUE with OP one of < <= > >=, found \"%.80s\"",
                          spec);
  size_t i = 0;
  while (strncmp(at, ops[i].text, strlen(ops[i].text)) != 0) i++;
  c->op = ops[i].op;
  char num[64];
  if (!trimmed(spec, at, c->metric, sizeof c->metric))
    return fsim_error_set(err, FSIM_E_INPUT, "--constraint", 0, "",
                          "expected a metric before the comparison in \"%.80s\"", spec);
  const char *v = at + strlen(ops[i].text);
  if (!trimmed(v, v + strlen(v), num, sizeof num) || !number(num, &c->bound))
    return fsim_error_set(err, FSIM_E_INPUT, "--constraint", 0, c->metric,
                          "expected a number after the comparison, found \"%.40s\"", v);
  return FSIM_OK;
}

fsim_status fsim_opt_overrides(const fsim_overrides *ov, const fsim_opt_problem *pb,
                               char values[][128], fsim_overrides **out, fsim_error *err) {
  fsim_overrides *o = fsim_overrides_new();
  fsim_status st = o ? FSIM_OK : fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (size_t i = 0; st == FSIM_OK && ov && i < fsim_overrides_count(ov); i++)
    st = fsim_overrides_add(o, fsim_overrides_get(ov, i), err);
  for (int v = 0; st == FSIM_OK && values && v < pb->nvar; v++) {
    char a[512];
    snprintf(a, sizeof a, "%s=%s", pb->var[v].path, values[v]);
    st = fsim_overrides_add(o, a, err);
  }
  if (st != FSIM_OK) {
    fsim_overrides_free(o);
    o = NULL;
  }
  *out = o;
  return st;
}

/* Loads the scenario with the decisions at `values`: a bad path or value is refused
 * by the loader, with the setting it names. */
static fsim_status try_load(const char *path, const fsim_overrides *ov, const fsim_opt_problem *pb,
                            char values[][128], fsim_layout *lay, fsim_error *err) {
  fsim_overrides *o = NULL;
  fsim_scenario *sc = NULL;
  fsim_status st = fsim_opt_overrides(ov, pb, values, &o, err);
  if (st == FSIM_OK) st = fsim_scenario_load(path, o, &sc, err);
  /* The scenario as given loaded before: a refused override is a decision's. */
  if (st == FSIM_E_INPUT && err && strcmp(err->file, "--set") == 0)
    snprintf(err->file, sizeof err->file, "--decision");
  if (st == FSIM_OK && lay) st = fsim_layout_build(lay, sc, err);
  fsim_scenario_free(sc);
  fsim_overrides_free(o);
  return st;
}

static void low_values(const fsim_opt_problem *pb, char values[][128]) {
  for (int v = 0; v < pb->nvar; v++) {
    const fsim_decision *d = &pb->var[v];
    if (d->kind == FSIM_DEC_SET) snprintf(values[v], 128, "%s", d->level[0]);
    else snprintf(values[v], 128, "%.17g", d->lo);
  }
}

static fsim_status check_metric(const fsim_layout *lay, const char *name, const char *what,
                                int *m, fsim_error *err) {
  *m = fsim_layout_find_metric(lay, name);
  if (*m >= 0) return FSIM_OK;
  fsim_nearest near;
  fsim_nearest_init(&near, name);
  for (int i = 0; i < lay->nmetrics; i++) fsim_nearest_offer(&near, lay->metric_name[i]);
  const char *hint = fsim_nearest_result(&near);
  if (hint)
    return fsim_error_set(err, FSIM_E_INPUT, what, 0, name,
                          "no such metric in this scenario (did you mean \"%s\"?)", hint);
  return fsim_error_set(err, FSIM_E_INPUT, what, 0, name,
                        "no such metric in this scenario (summary.csv lists them)");
}

fsim_status fsim_opt_problem_parse(const fsim_optimize_options *opt, const char *path,
                                   const fsim_overrides *ov, fsim_opt_problem *pb,
                                   fsim_error *err) {
  memset(pb, 0, sizeof *pb);
  if (!opt->decisions)
    return fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, "",
                          "say what to decide: --decision PATH=lo:hi (or PATH=a,b,c)");
  char *copy = strdup(opt->decisions);
  if (!copy) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  fsim_status st = FSIM_OK;
  for (char *at = copy, *next; st == FSIM_OK && at; at = next) {
    next = strchr(at, '\n');
    if (next) *next++ = '\0';
    if (pb->nvar == FSIM_OPT_MAXVAR)
      st = fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, "", "expected at most %d decisions",
                          FSIM_OPT_MAXVAR);
    else st = parse_decision(at, &pb->var[pb->nvar++], err);
    for (int v = 0; st == FSIM_OK && v + 1 < pb->nvar; v++)
      if (strcmp(pb->var[v].path, pb->var[pb->nvar - 1].path) == 0)
        st = fsim_error_set(err, FSIM_E_INPUT, "--decision", 0, pb->var[v].path,
                            "expected each setting decided once, found it twice");
  }
  free(copy);
  if (st != FSIM_OK) return st;
  for (int v = 0; v < pb->nvar; v++) pb->ncont += pb->var[v].kind != FSIM_DEC_SET;
  if ((st = parse_objective(opt->objective, pb, err)) != FSIM_OK) return st;
  if (opt->constraints) {
    if (!(copy = strdup(opt->constraints)))
      return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    for (char *at = copy, *next; st == FSIM_OK && at; at = next) {
      next = strchr(at, '\n');
      if (next) *next++ = '\0';
      if (pb->ncon == FSIM_OPT_MAXCON)
        st = fsim_error_set(err, FSIM_E_INPUT, "--constraint", 0, "",
                            "expected at most %d constraints", FSIM_OPT_MAXCON);
      else st = parse_constraint(at, &pb->con[pb->ncon++], err);
    }
    free(copy);
    if (st != FSIM_OK) return st;
  }
  /* The scenario at the low end of every decision, then each decision at its other
     end and at each level: every value the search can give is one the loader takes. */
  /* The scenario as given first: its own errors are its own. */
  fsim_scenario *sc = NULL;
  if ((st = fsim_scenario_load(path, ov, &sc, err)) != FSIM_OK) return st;
  pb->reps = opt->replications > 0 ? opt->replications : fsim_scenario_replications(sc);
  pb->seed = opt->has_seed ? opt->seed : fsim_scenario_seed(sc);
  fsim_scenario_free(sc);
  char values[FSIM_OPT_MAXVAR][128];
  low_values(pb, values);
  fsim_layout lay;
  memset(&lay, 0, sizeof lay);
  if ((st = try_load(path, ov, pb, values, &lay, err)) != FSIM_OK) return st;
  for (int v = 0; st == FSIM_OK && v < pb->nvar; v++) {
    const fsim_decision *d = &pb->var[v];
    /* A continuous one also inside its range, at a value no whole number is: a
       setting that takes whole numbers only is refused now, not mid-search. */
    const int n = d->kind == FSIM_DEC_SET ? d->nlevels : d->kind == FSIM_DEC_REAL ? 3 : 2;
    for (int l = 1; st == FSIM_OK && l < n; l++) {
      if (d->kind == FSIM_DEC_SET) snprintf(values[v], 128, "%s", d->level[l]);
      else if (l == 1) snprintf(values[v], 128, "%.17g", d->hi);
      else snprintf(values[v], 128, "%.17g", d->lo + (d->hi - d->lo) * 0.3819660112501051);
      st = try_load(path, ov, pb, values, NULL, err);
      if (st != FSIM_OK && l == 2 && err && strstr(err->message, "whole number"))
        snprintf(err->message + strlen(err->message), sizeof err->message - strlen(err->message),
                 " (a setting of whole numbers: --decision %s=%g:%g:int)", d->path, d->lo, d->hi);
    }
    low_values(pb, values);
  }
  for (int t = 0; st == FSIM_OK && t < pb->nterm; t++)
    st = check_metric(&lay, pb->term[t], "--objective", &pb->term_m[t], err);
  for (int c = 0; st == FSIM_OK && c < pb->ncon; c++)
    st = check_metric(&lay, pb->con[c].metric, "--constraint", &pb->con[c].m, err);
  fsim_layout_destroy(&lay);
  if (st != FSIM_OK) return st;
  pb->fresh_reps = opt->fresh_replications > 0 ? opt->fresh_replications : pb->reps;
  /* Fresh seeds: never the search's (docs/OPTIMIZE.md: optimisation bias). */
  pb->fresh_seed = opt->has_fresh_seed ? opt->fresh_seed
                                       : fsim_splitmix64(pb->seed ^ 0x6f7074696d697a65ULL) >> 1;
  if (pb->fresh_seed == pb->seed)
    return fsim_error_set(err, FSIM_E_INPUT, "--fresh-seed", 0, "",
                          "expected a seed other than the search's (%llu): the re-estimate must "
                          "use fresh random numbers", (unsigned long long)pb->seed);
  return FSIM_OK;
}
