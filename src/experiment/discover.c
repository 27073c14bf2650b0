/* fsim_discover (include/frontsim/discover.h): PRIM on a finished sweep, written as
 * discover.txt, trajectory.csv, box.csv and points.csv (docs/DISCOVERY.md). */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "fileio.h"
#include "formats.h"
#include "frontsim/version.h"
#include "optable.h"
#include "rng.h"
#include "text.h"

#define OFF(f) offsetof(fsim_discover_options, f)
static const fsim_opt_row rows[] = {
    {.name = "where", .kind = FSIM_OPT_TEXT, .offset = OFF(where),
     .doc = "the condition, METRIC OP VALUE"},
    {.name = "peel", .kind = FSIM_OPT_DOUBLE, .offset = OFF(peel), .min = 0.001, .max = 0.5,
     .doc = "share of a box's points one peel removes"},
    {.name = "paste", .kind = FSIM_OPT_DOUBLE, .offset = OFF(paste), .min = 0.001, .max = 0.5,
     .doc = "share of a box's points one paste adds"},
    {.name = "min_mass", .kind = FSIM_OPT_DOUBLE, .offset = OFF(min_mass), .min = 0.0,
     .max = 1.0, .doc = "peeling stops before a box holds fewer of the points"},
    {.name = "holdout", .kind = FSIM_OPT_DOUBLE, .offset = OFF(holdout), .min = 0.0,
     .max = 0.9, .doc = "share of the points kept out of the fit, to check the box on"},
    {.name = "box", .kind = FSIM_OPT_LONG, .offset = OFF(box), .min = -1, .max = 1e6,
     .doc = "step of the trajectory to report; -1: the best balance of coverage and density"},
    {.name = "baseline", .kind = FSIM_OPT_LONG, .offset = OFF(baseline), .min = -1,
     .max = 1e12, .doc = "a point: the condition reads the metric minus this point's"},
    {.name = "against", .kind = FSIM_OPT_TEXT, .offset = OFF(against),
     .doc = "a second sweep of the same design: the metric minus its"},
    {.name = "seed", .kind = FSIM_OPT_U64, .offset = OFF(seed),
     .doc = "seed of the held-out split"},
};
#undef OFF
static const fsim_opt_table table = {.what = "discover option", .rows = rows,
                                     .nrows = sizeof rows / sizeof *rows};

fsim_discover_options *fsim_discover_options_new(void) {
  fsim_discover_options *o = calloc(1, sizeof *o);
  if (!o) return NULL;
  o->peel = o->paste = o->min_mass = 0.05;
  o->holdout = 0.25;
  o->box = o->baseline = -1;
  return o;
}

void fsim_discover_options_free(fsim_discover_options *opt) {
  if (!opt) return;
  fsim_opt_free_texts(&table, opt);
  free(opt);
}

fsim_status fsim_discover_options_set(fsim_discover_options *opt, const char *name,
                                      const char *value, fsim_error *err) {
  return fsim_opt_set(&table, opt, name, value, err);
}

fsim_status fsim_discover_options_get(const fsim_discover_options *opt, const char *name,
                                      char *buf, size_t size, fsim_error *err) {
  return fsim_opt_get(&table, opt, name, buf, size, err);
}

/* Fewer cases than this and discover.txt cautions that the box says little: PRIM's
 * peeling needs several cases on each side of a limit to place it. */
enum { FEW_CASES = 10 };

/* The held-out points: a share `holdout` of them, picked by a shuffle keyed on the
 * seed and the point numbers, so the split is the same run to run. */
typedef struct keyed {
  uint64_t key;
  long i;
} keyed;
static int cmp_keyed(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  return (x->key > y->key) - (x->key < y->key);
}

static fsim_status split_points(const fsim_discover_points *pts, double holdout, uint64_t seed,
                                unsigned char *use, fsim_error *err) {
  keyed *k = malloc((size_t)pts->n * sizeof *k);
  if (!k) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (long i = 0; i < pts->n; i++) {
    k[i].key = fsim_splitmix64(seed ^ fsim_splitmix64((uint64_t)pts->point[i]));
    k[i].i = i;
    use[i] = 1;
  }
  qsort(k, (size_t)pts->n, sizeof *k, cmp_keyed);
  const long test = (long)floor(holdout * (double)pts->n + 0.5);
  for (long t = 0; t < test; t++) use[k[t].i] = 0;
  free(k);
  return FSIM_OK;
}

/* A parameter's limits in the box as text: "lo .. hi", or the levels kept. */
static void limits_text(const fsim_discover_points *pts, const fsim_prim_box *b, int j,
                        char *buf, size_t size) {
  if (!pts->ncat[j]) {
    /* Four digits: the limits fall between sweep points, so more would be noise. */
    snprintf(buf, size, "%.4g .. %.4g", b->lo[j], b->hi[j]);
    return;
  }
  size_t used = 0;
  buf[0] = '\0';
  for (int c = 0; c < pts->ncat[j] && used < size; c++)
    if (b->cats[j] >> c & 1) {
      int w = snprintf(buf + used, size - used, "%s%s", used ? " | " : "", pts->levels[j][c]);
      if (w > 0) used += (size_t)w;
    }
}

static const char *op_text(fsim_discover_op op) {
  static const char *const t[] = {[FSIM_OP_LT] = "<", [FSIM_OP_LE] = "<=", [FSIM_OP_GT] = ">",
                                  [FSIM_OP_GE] = ">="};
  return t[op];
}

typedef struct found {
  fsim_prim_box *traj;
  int nsteps, chosen;
  fsim_prim_box box; /* the chosen step, pasted */
  fsim_prim_stats train, test, all;
} found;

static fsim_status write_outputs(fsim_outdir *od, const char *sweep_dir,
                                 const fsim_discover_options *opt, const fsim_discover_where *w,
                                 const fsim_discover_points *pts, const fsim_prim_data *d,
                                 const found *fd, const char *command_line, fsim_error *err) {
  char path[FSIM_PATH_MAX + 64];
  fsim_file f;
  /* The sweep's scenario, which `frontsim plot` names the charts by. */
  char from[FSIM_PATH_MAX + 32];
  snprintf(from, sizeof from, "%s/scenario.cfg", sweep_dir);
  fsim_status st = fsim_outdir_path(od, "scenario.cfg", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_copy(from, path, err);
  /* frontsim.meta: the sweep's record (so the charts' notes read as before), as a
   * discovery, labelled as the sweep is (its directory when it has no label): what
   * the next command on DIR may replace (output/replace.c). */
  fsim_run_meta meta;
  memset(&meta, 0, sizeof meta);
  fsim_error ignored;
  snprintf(from, sizeof from, "%s/%s", sweep_dir, FSIM_META_NAME);
  if (fsim_meta_read(from, &meta, &ignored) != FSIM_OK || !meta.label[0])
    snprintf(meta.label, sizeof meta.label, "%s", sweep_dir);
  snprintf(meta.kind, sizeof meta.kind, "discover");
  if (st == FSIM_OK) st = fsim_outdir_path(od, FSIM_META_NAME, path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_meta_write(path, &meta, err);
  if (st != FSIM_OK) return st;
  /* trajectory.csv: the peeling, step by step, on the points it was fitted on. */
  st = fsim_outdir_path(od, "trajectory.csv", path, sizeof path, err);
  if (st == FSIM_OK) st = fsim_file_open(&f, path, err);
  if (st != FSIM_OK) return st;
  fprintf(f.fp, "step,points_in_box,cases_in_box,coverage,density,mass,restricted,chosen\n");
  for (int s = 0; s < fd->nsteps; s++) {
    fsim_prim_stats ps;
    fsim_prim_box_stats(d, &fd->traj[s], 1, &ps);
    fprintf(f.fp, "%d,%ld,%ld,%.6f,%.6f,%.6f,%d,%d\n", s, ps.n_in, ps.y_in, ps.coverage,
            ps.density, ps.mass, ps.restricted, s == fd->chosen);
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* box.csv: the chosen box after pasting, one row per parameter. */
  fsim_prim_box full;
  fsim_prim_box_full(d, &full);
  if ((st = fsim_outdir_path(od, "box.csv", path, sizeof path, err)) != FSIM_OK) return st;
  if ((st = fsim_file_open(&f, path, err)) != FSIM_OK) return st;
  fprintf(f.fp, "parameter,kind,restricted,low,high,levels,range_low,range_high,all_levels,"
                "qp_value\n");
  for (int j = 0; j < pts->k; j++) {
    const int r = fsim_prim_box_restricts(d, &fd->box, j);
    char lv[4096] = "", all[4096] = "";
    if (pts->ncat[j]) {
      limits_text(pts, &fd->box, j, lv, sizeof lv);
      limits_text(pts, &full, j, all, sizeof all);
      fprintf(f.fp, "%s,categorical,%d,,,\"%s\",,,\"%s\",", pts->names[j], r, lv, all);
    } else {
      fprintf(f.fp, "%s,numeric,%d,%.10g,%.10g,,%.10g,%.10g,,", pts->names[j], r, fd->box.lo[j],
              fd->box.hi[j], full.lo[j], full.hi[j]);
    }
    if (r) fprintf(f.fp, "%.4g\n", fsim_prim_qp(d, &fd->box, j));
    else fputs("\n", f.fp);
  }
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* points.csv: every point, whether the condition holds, whether the box holds it. */
  if ((st = fsim_outdir_path(od, "points.csv", path, sizeof path, err)) != FSIM_OK) return st;
  if ((st = fsim_file_open(&f, path, err)) != FSIM_OK) return st;
  fprintf(f.fp, "point,value,condition,in_box,fitted\n");
  for (long i = 0; i < pts->n; i++)
    fprintf(f.fp, "%ld,%.10g,%d,%d,%d\n", pts->point[i], pts->value[i], d->y[i],
            fsim_prim_box_contains(d, &fd->box, i), d->use[i]);
  if ((st = fsim_file_commit(&f, err)) != FSIM_OK) return st;
  /* discover.txt: the answer in words. */
  if ((st = fsim_outdir_path(od, "discover.txt", path, sizeof path, err)) != FSIM_OK) return st;
  if ((st = fsim_file_open(&f, path, err)) != FSIM_OK) return st;
  char line[FSIM_ONE_LINE_MAX];
  fprintf(f.fp, "frontsim %s: scenario discovery (PRIM) on %s\n", FRONTSIM_VERSION,
          fsim_text_one_line(sweep_dir, line, sizeof line));
  fprintf(f.fp, "command: %s\n\n", fsim_text_one_line(command_line ? command_line : "(library call)",
                                                     line, sizeof line));
  fprintf(f.fp, "Condition: %s %s %g", pts->column, op_text(w->op), w->threshold);
  if (opt->baseline >= 0) fprintf(f.fp, ", the metric minus point %ld's", opt->baseline);
  if (opt->against)
    fprintf(f.fp, ", the metric minus that of %s at the same point",
            fsim_text_one_line(opt->against, line, sizeof line));
  fprintf(f.fp, ".\nIt holds at %ld of %ld points (%.1f%%).\n", fd->all.y, fd->all.n,
          100.0 * (double)fd->all.y / (double)fd->all.n);
  long undefined = 0;
  for (long i = 0; i < pts->n; i++) undefined += isnan(pts->value[i]);
  if (undefined)
    fprintf(f.fp, "At %ld points the metric is undefined (no replication defined it); the "
                  "condition counts as not holding there.\n", undefined);
  fprintf(f.fp, "Boxes fitted on %ld points; %ld held out (share %.2f) to check the box.\n\n",
          fd->train.n, fd->all.n - fd->train.n, opt->holdout);
  fprintf(f.fp, "The box (step %d of %d of the peeling, then pasted):\n", fd->chosen,
          fd->nsteps - 1);
  for (int j = 0; j < pts->k; j++) {
    if (!fsim_prim_box_restricts(d, &fd->box, j)) continue;
    char lv[4096];
    limits_text(pts, &fd->box, j, lv, sizeof lv);
    const double qp = fsim_prim_qp(d, &fd->box, j);
    fprintf(f.fp, "  %-40s %s   (quasi-p %.3g%s)\n", pts->names[j], lv, qp,
            qp > 0.05 ? ": not significant at 5%, consider dropping it" : "");
  }
  if (fd->train.restricted == 0) fputs("  (no restriction: the whole space)\n", f.fp);
  fprintf(f.fp, "\n%-22s %8s %8s %8s %10s\n", "", "coverage", "density", "mass", "points");
  const struct { const char *what; const fsim_prim_stats *s; } rowsv[] = {
      {"fitted points", &fd->train}, {"held-out points", &fd->test}, {"all points", &fd->all}};
  int undefined_share = 0;
  for (size_t r = 0; r < 3; r++) {
    const fsim_prim_stats *s = rowsv[r].s;
    if (s->n == 0) continue;
    /* A share of no points (no case among them, or none in the box) is undefined:
     * said as n/a, where printf wrote nan. */
    const double v[3] = {s->coverage, s->density, s->mass};
    fprintf(f.fp, "%-22s", rowsv[r].what);
    for (int k = 0; k < 3; k++) {
      if (isnan(v[k])) fprintf(f.fp, " %8s", "n/a"), undefined_share = 1;
      else fprintf(f.fp, " %8.3f", v[k]);
    }
    fprintf(f.fp, " %4ld of %ld\n", s->n_in, s->n);
  }
  if (undefined_share)
    fputs("n/a: a share of no points (coverage where the condition holds at none of them,\n"
          "density where the box holds none).\n", f.fp);
  if (fd->all.y < FEW_CASES)
    fprintf(f.fp, "\nCaution: the condition holds at only %ld point%s. A box around so few\n"
                  "cases says little; sweep more points (--points) or relax the condition.\n",
            fd->all.y, fd->all.y == 1 ? "" : "s");
  fputs("\nCoverage: the share of the points where the condition holds that the box holds.\n"
        "Density: the share of the box's points where the condition holds.\n"
        "Quasi-p: the chance that widening the box to the whole range of that parameter\n"
        "would keep at least as many cases by chance (one-sided binomial); a large value\n"
        "means the restriction adds little. The trajectory is in trajectory.csv.\n", f.fp);
  return fsim_file_commit(&f, err);
}

fsim_status fsim_discover(const char *sweep_dir, const fsim_discover_options *opt,
                          const char *out_dir, const char *command_line, fsim_error *err) {
  if (!sweep_dir || !opt || !out_dir)
    return fsim_error_set(err, FSIM_E_INPUT, "", 0, "",
                          "fsim_discover: no sweep, options or output directory (NULL)");
  if (!opt->where)
    return fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                          "say which condition to look for (e.g. 'pokrovsk.route_cut < 0.4')");
  fsim_discover_where w;
  fsim_status st = fsim_discover_where_parse(opt->where, &w, err);
  if (st != FSIM_OK) return st;
  fsim_discover_points pts;
  if ((st = fsim_discover_read(sweep_dir, &w, opt, &pts, err)) != FSIM_OK) return st;
  if (st == FSIM_OK) st = fsim_outdir_check_target(out_dir, err);
  unsigned char *y = malloc((size_t)pts.n), *use = malloc((size_t)pts.n);
  found fd;
  memset(&fd, 0, sizeof fd);
  if (st == FSIM_OK && (!y || !use)) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  if (st == FSIM_OK) st = split_points(&pts, opt->holdout, opt->seed, use, err);
  fsim_prim_data d = {pts.n, pts.k, pts.x, y, use, pts.ncat};
  long cases = 0;
  for (long i = 0; st == FSIM_OK && i < pts.n; i++) cases += y[i] = (unsigned char)fsim_discover_holds(&w, pts.value[i]);
  if (st == FSIM_OK && (cases == 0 || cases == pts.n))
    st = fsim_error_set(err, FSIM_E_INPUT, "--where", 0, "",
                        "the condition holds at %s of the sweep's %ld points: there is no box to "
                        "find (its values run from the sweep's results)",
                        cases ? "all" : "none", pts.n);
  const fsim_prim_params pp = {opt->peel, opt->paste, opt->min_mass};
  if (st == FSIM_OK) st = fsim_prim_peel(&d, &pp, &fd.traj, &fd.nsteps, err);
  if (st == FSIM_OK) {
    if (opt->box >= fd.nsteps)
      st = fsim_error_set(err, FSIM_E_INPUT, "--box", 0, "",
                          "the peeling has steps 0 to %d, not %ld", fd.nsteps - 1, opt->box);
    /* The step with the best balance of coverage and density (their harmonic mean). */
    double best = -1;
    for (int s = 0; st == FSIM_OK && s < fd.nsteps; s++) {
      fsim_prim_stats ps;
      fsim_prim_box_stats(&d, &fd.traj[s], 1, &ps);
      double f1 = ps.coverage + ps.density > 0
                      ? 2 * ps.coverage * ps.density / (ps.coverage + ps.density) : 0;
      if (f1 > best) best = f1, fd.chosen = s;
    }
    if (opt->box >= 0) fd.chosen = (int)opt->box;
  }
  if (st == FSIM_OK) {
    fd.box = fd.traj[fd.chosen];
    st = fsim_prim_paste(&d, &pp, &fd.box, err);
  }
  if (st == FSIM_OK) {
    fsim_prim_box_stats(&d, &fd.box, 1, &fd.train);
    fsim_prim_box_stats(&d, &fd.box, 0, &fd.all);
    /* The held-out points: those with use 0, counted by flipping the mask. */
    for (long i = 0; i < pts.n; i++) use[i] = !use[i];
    fsim_prim_box_stats(&d, &fd.box, 1, &fd.test);
    for (long i = 0; i < pts.n; i++) use[i] = !use[i];
    fsim_outdir od;
    st = fsim_outdir_begin(&od, out_dir, err);
    if (st == FSIM_OK) {
      st = write_outputs(&od, sweep_dir, opt, &w, &pts, &d, &fd, command_line, err);
      if (st == FSIM_OK) st = fsim_outdir_commit(&od, err);
      else fsim_outdir_abort(&od);
    }
  }
  free(fd.traj);
  free(y);
  free(use);
  fsim_discover_points_free(&pts);
  return st;
}
