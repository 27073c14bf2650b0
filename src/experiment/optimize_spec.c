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
#include "scenario_internal.h"
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

/* "enumerate" or "kn", as the optimize section's discrete setting names them. */
static fsim_status set_discrete(void *base, const char *value, fsim_error *err) {
  const int m = fsim_enum_value_of(fsim_discrete_method_names, FSIM_NDISCRETE, value);
  if (m < 0)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "discrete",
                          "expected enumerate or kn, found \"%.40s\"", value);
  ((fsim_optimize_options *)base)->discrete = m;
  return FSIM_OK;
}
static void get_discrete(const void *base, char *buf, size_t size) {
  snprintf(buf, size, "%s",
           FSIM_ENUM_NAME(fsim_discrete_method_names, ((const fsim_optimize_options *)base)->discrete));
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
    {.name = "discrete", .kind = FSIM_OPT_CUSTOM, .parse = set_discrete, .format = get_discrete,
     .doc = "discrete decisions: enumerate (every combination) or kn (Kim and Nelson)"},
    {.name = "delta", .kind = FSIM_OPT_DOUBLE, .offset = OFF(delta), .min = 1e-300, .max = 1e300,
     .doc = "kn: indifference zone, in the objective's unit"},
    {.name = "confidence", .kind = FSIM_OPT_DOUBLE, .offset = OFF(confidence), .min = 0.5,
     .max = 0.999999, .doc = "kn: probability of correct selection (default 0.95)"},
    {.name = "first_stage", .kind = FSIM_OPT_LONG, .offset = OFF(first_stage), .min = 2,
     .max = 1e6, .doc = "kn: first-stage replications n0 of every alternative (default 20)"},
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
  o->confidence = 0.95;
  o->first_stage = 20;
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
  const fsim_status st = fsim_opt_set(&table, opt, name, value, err);
  for (size_t i = 0; st == FSIM_OK && name && i < table.nrows; i++)
    if (strcmp(rows[i].name, name) == 0) opt->given |= 1u << i;
  return st;
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

int fsim_opt_given(const fsim_optimize_options *opt, const char *name) {
  for (size_t i = 0; i < table.nrows; i++)
    if (strcmp(rows[i].name, name) == 0) return (opt->given >> i) & 1u;
  return 0;
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

void fsim_opt_relocate(const fsim_optimize_options *opt, int slot, fsim_error *err) {
  if (!err || !opt || slot < 0 || slot >= FSIM_OPT_NORIGIN) return;
  const fsim_opt_origin *o = &opt->origin[slot];
  if (!o->file[0] || strncmp(err->file, "--", 2) != 0) return;
  if (err->path[0]) { /* the name the option's check gave (a metric, a setting) */
    char msg[sizeof err->message + sizeof err->path + 8];
    snprintf(msg, sizeof msg, "\"%s\": %s", err->path, err->message);
    msg[sizeof err->message - 1] = '\0'; /* cut to fit */
    memcpy(err->message, msg, sizeof err->message);
  }
  snprintf(err->file, sizeof err->file, "%s", o->file);
  err->line = o->line;
  snprintf(err->path, sizeof err->path, "%s", o->path);
}


/* A value the scenario refused is decision `which`'s (-1: the one setting that
   setting, or the only one). */
static void relocate_value(const fsim_optimize_options *opt, const char *path,
                           const fsim_overrides *ov, const fsim_opt_problem *pb, int which,
                           fsim_error *err) {
  for (int v = 0; err && which < 0 && v < pb->nvar; v++)
    if (strcmp(err->path, pb->var[v].path) == 0) which = v;
  /* The loader names the setting its own way (formations.[0].personnel): find the
     decision whose low end alone it refuses. */
  for (int v = 0; which < 0 && pb->nvar > 1 && v < pb->nvar; v++) {
    fsim_overrides *o = fsim_overrides_new();
    fsim_scenario *sc = NULL;
    char a[512];
    const fsim_decision *d = &pb->var[v];
    if (d->kind == FSIM_DEC_SET) snprintf(a, sizeof a, "%s=%s", d->path, d->level[0]);
    else snprintf(a, sizeof a, "%s=%.17g", d->path, d->lo);
    fsim_status st = o ? FSIM_OK : FSIM_E_NOMEM;
    for (size_t i = 0; st == FSIM_OK && ov && i < fsim_overrides_count(ov); i++)
      st = fsim_overrides_add(o, fsim_overrides_get(ov, i), NULL);
    if (st == FSIM_OK) st = fsim_overrides_add(o, a, NULL);
    if (st == FSIM_OK && fsim_scenario_load(path, o, &sc, NULL) != FSIM_OK) which = v;
    fsim_scenario_free(sc);
    fsim_overrides_free(o);
  }
  if (which < 0 && pb->nvar == 1) which = 0;
  if (which >= 0) fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_DECISION(which), err);
}

/* Kim and Nelson's procedure selects among discrete alternatives by the objective
   alone (docs/OPTIMIZE.md): what it needs, checked up front. */
static fsim_status kn_check(const fsim_optimize_options *opt, const fsim_opt_problem *pb,
                            fsim_error *err) {
  long k = 1;
  for (int v = 0; v < pb->nvar; v++) k *= pb->var[v].kind == FSIM_DEC_SET ? pb->var[v].nlevels : 1;
  const char *why = NULL;
  char buf[160];
  if (pb->ncont > 0) why = "kn selects among discrete decisions only (PATH=a,b,c): make the "
                           "continuous ones discrete, or use enumerate";
  else if (pb->ncon > 0) why = "kn ranks by the objective alone: a search with constraints "
                               "needs enumerate";
  else if (!(opt->delta > 0)) why = "kn needs its indifference zone: --delta D (the smallest "
                                    "difference in the objective worth detecting)";
  else if (opt->first_stage > pb->reps) {
    snprintf(buf, sizeof buf, "kn's first stage (%ld) exceeds the replications per "
             "alternative (%ld)", opt->first_stage, pb->reps);
    why = buf;
  } else if (k + 1 > opt->budget) {
    snprintf(buf, sizeof buf, "kn over %ld alternatives needs a budget of at least %ld", k,
             k + 1);
    why = buf;
  } else if ((double)k * (double)pb->reps > 1e8) {
    snprintf(buf, sizeof buf, "kn keeps every replication's objective: %ld alternatives of "
             "%ld replications is more than 1e8 values", k, pb->reps);
    why = buf;
  } else if (!(opt->confidence > 1.0 / (double)k)) {
    snprintf(buf, sizeof buf, "kn's confidence must exceed 1/k = %.4g", 1.0 / (double)k);
    why = buf;
  }
  return why ? fsim_error_set(err, FSIM_E_INPUT, "--discrete", 0, "", "%s", why) : FSIM_OK;
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
    if (st != FSIM_OK) fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_DECISION(pb->nvar - 1), err);
  }
  free(copy);
  if (st != FSIM_OK) return st;
  for (int v = 0; v < pb->nvar; v++) pb->ncont += pb->var[v].kind != FSIM_DEC_SET;
  if ((st = parse_objective(opt->objective, pb, err)) != FSIM_OK) {
    fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_OBJECTIVE, err);
    return st;
  }
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
      if (st != FSIM_OK) fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_CONSTRAINT(pb->ncon - 1), err);
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
  if ((st = try_load(path, ov, pb, values, &lay, err)) != FSIM_OK) {
    relocate_value(opt, path, ov, pb, -1, err);
    return st;
  }
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
      if (st != FSIM_OK) relocate_value(opt, path, ov, pb, v, err);
    }
    low_values(pb, values);
  }
  for (int t = 0; st == FSIM_OK && t < pb->nterm; t++)
    if ((st = check_metric(&lay, pb->term[t], "--objective", &pb->term_m[t], err)) != FSIM_OK)
      fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_OBJECTIVE, err);
  for (int c = 0; st == FSIM_OK && c < pb->ncon; c++)
    if ((st = check_metric(&lay, pb->con[c].metric, "--constraint", &pb->con[c].m, err)) != FSIM_OK)
      fsim_opt_relocate(opt, FSIM_OPT_ORIGIN_CONSTRAINT(c), err);
  fsim_layout_destroy(&lay);
  if (st != FSIM_OK) return st;
  if (opt->discrete == FSIM_DISCRETE_KN && (st = kn_check(opt, pb, err)) != FSIM_OK) return st;
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
