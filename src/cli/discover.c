/* frontsim discover SWEEP_DIR --where 'METRIC OP VALUE': scenario discovery (PRIM). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/discover.h"

static const char discover_help[] =
    "usage: frontsim discover SWEEP_DIR --where 'METRIC OP VALUE' [-o DIR]\n"
    "                         [--baseline POINT | --against SWEEP_DIR2]\n"
    "                         [--peel A] [--paste A] [--min-mass M] [--holdout H]\n"
    "                         [--box STEP] [--seed N] [--force] [--quiet]\n"
    "\n"
    "Finds boxes in the parameter space of a finished sweep where the condition\n"
    "holds, by PRIM (peeling, then pasting): METRIC is a metric of the sweep (its mean\n"
    "at each point) or a column of sweep.csv, OP one of < <= > >=, e.g.\n"
    "  --where 'pokrovsk.route_cut < 0.4'\n"
    "--baseline P reads each point's metric minus point P's; --against DIR2 minus that\n"
    "of a second sweep of the same design at the same point (a paired difference:\n"
    "  --against out/no-diversion-sweep --where 'pokrovsk.route_cut <= -0.05').\n"
    "--peel and --paste: the share of a box's points one step removes or adds (0.05);\n"
    "--min-mass: peeling stops before a box holds fewer of the points (0.05);\n"
    "--holdout: the share of points kept out of the fit to check the box on (0.25);\n"
    "--box: the step of the peeling to report (default: the best balance of\n"
    "coverage and density). Writes DIR (default SWEEP_DIR-discover-<hash of the\n"
    "condition>): discover.txt, trajectory.csv, box.csv, points.csv; `frontsim plot\n"
    "DIR` draws the trade-off and the box. docs/DISCOVERY.md explains the method.\n"
    "DIR is replaced only when it holds a discovery in a sweep of the same label and\n"
    "no file frontsim did not write; --force replaces it anyway.\n";

/* A short hash of the condition, so that two questions asked of one sweep land in
 * two directories (FNV-1a). */
static uint32_t hash_text(uint32_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

int cli_discover(int argc, char **argv) {
  const char *dir = NULL, *outdir = NULL;
  const char *where = NULL, *peel = NULL, *paste = NULL, *min_mass = NULL, *holdout = NULL,
             *box = NULL, *baseline = NULL, *against = NULL, *seed = NULL;
  int quiet = 0, force = 0;
  const cli_option options[] = {
      CLI_QUIET(.flag = &quiet),
      CLI_FORCE(.flag = &force),
      CLI_OUTPUT(.text = &outdir),
      {.name = "where", .kind = CLI_TEXT, .text = &where},
      {.name = "peel", .kind = CLI_TEXT, .text = &peel},
      {.name = "paste", .kind = CLI_TEXT, .text = &paste},
      {.name = "min-mass", .kind = CLI_TEXT, .text = &min_mass},
      {.name = "holdout", .kind = CLI_TEXT, .text = &holdout},
      {.name = "box", .kind = CLI_TEXT, .text = &box},
      {.name = "baseline", .kind = CLI_TEXT, .text = &baseline},
      {.name = "against", .kind = CLI_TEXT, .text = &against},
      {.name = "seed", .kind = CLI_TEXT, .text = &seed},
  };
  const cli_command cmd = {.name = "discover", .help = discover_help, .options = options,
                           .noptions = CLI_COUNT(options), .args = &dir, .nargs = 1,
                           .what = "sweep directory", .missing = "which sweep directory?"};
  int rc = cli_parse(&cmd, argc, argv);
  if (rc != CLI_PROCEED) return rc;
  if (!where) return cli_usage_error("discover", "say which condition: --where 'METRIC OP VALUE'");
  if (baseline && against)
    return cli_usage_error("discover", "--baseline and --against: one or the other");
  fsim_error err;
  fsim_error_clear(&err);
  fsim_discover_options *opt = fsim_discover_options_new();
  const char *const set[][2] = {{"where", where},       {"peel", peel},
                                {"paste", paste},       {"min_mass", min_mass},
                                {"holdout", holdout},   {"box", box},
                                {"baseline", baseline}, {"against", against},
                                {"seed", seed}};
  fsim_status st = opt ? FSIM_OK : fsim_error_set(&err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  for (size_t i = 0; st == FSIM_OK && i < CLI_COUNT(set); i++)
    if (set[i][1]) st = fsim_discover_options_set(opt, set[i][0], set[i][1], &err);
  char outbuf[2048], cmdline[4096];
  if (st == FSIM_OK && !outdir) {
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') len--;
    uint32_t h = hash_text(hash_text(hash_text(2166136261u, where), baseline), against);
    snprintf(outbuf, sizeof outbuf, "%.*s-discover-%08x", (int)(len < 1900 ? len : 1900), dir,
             (unsigned)h);
    outdir = outbuf;
  }
  /* Before any work, and held until the end: DIR is claimed (its lock), and replaced
     only when it holds a discovery in a sweep of the same label (or --force). */
  fsim_output_claim *claim = NULL;
  int charts = 0;
  if (st == FSIM_OK) {
    char label[256];
    fsim_error ignored;
    if (fsim_output_label(dir, label, sizeof label, &ignored) != FSIM_OK || !label[0])
      snprintf(label, sizeof label, "%s", dir);
    st = fsim_output_claim_dir(outdir, "discover", label, force, &charts, &claim, &err);
  }
  if (st == FSIM_OK) {
    cli_command_line(argc - 1, argv + 1, "frontsim discover", cmdline, sizeof cmdline);
    st = fsim_discover(dir, opt, outdir, cmdline, &err);
  }
  fsim_output_claim_release(claim);
  fsim_discover_options_free(opt);
  if (st != FSIM_OK) return cli_report(&err);
  if (charts) /* said even with --quiet: they are gone */
    fprintf(stderr, "frontsim: the charts of the earlier output in %s were removed; "
            "draw the new ones with: frontsim plot %s\n", outdir, outdir);
  if (!quiet) {
    char path[2200];
    snprintf(path, sizeof path, "%s/discover.txt", outdir);
    cli_print_file(path);
    fprintf(stderr, "frontsim: wrote %s\n", outdir);
  }
  return 0;
}
