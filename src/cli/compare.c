/* frontsim compare A B: paired runs under common random numbers. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli_common.h"
#include "frontsim/compare.h"

static const char compare_help[] =
    "usage: frontsim compare A B [-o DIR] [-n REPS] [--seed N] [--set p=v]...\n"
    "                        [--set-a p=v]... [--set-b p=v]... [-j THREADS] [--quiet]\n"
    "\n"
    "Runs scenarios A and B with the same seed and replications (common random\n"
    "numbers) and writes DIR (default out/compare-<A>-<B>): a/ and b/ (full run\n"
    "outputs), compare.csv and compare.txt: per metric the mean difference B - A with\n"
    "its paired 95% CI, and the variance reduction against two independent runs.\n"
    "A and B may be the same file with different --set-a / --set-b overrides.\n";

int cli_compare(int argc, char **argv) {
  const char *paths[2] = {NULL, NULL}, *outdir = NULL;
  long long threads = 0, num = 0;
  int quiet = 0, rc = 0, has_seed = 0;
  unsigned long long seed = 0;
  fsim_overrides *ov[2] = {fsim_overrides_new(), fsim_overrides_new()};
  fsim_error err;
  fsim_error_clear(&err);
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *v = NULL;
    int r = 0;
    if (cli_opt_flag(argv[i], "help", 'h')) {
      fputs(compare_help, stdout);
      fsim_overrides_free(ov[0]);
      fsim_overrides_free(ov[1]);
      return 0;
    } else if (cli_opt_flag(argv[i], "quiet", 'q')) {
      quiet = 1;
    } else if ((r = cli_opt_value(argc, argv, &i, "set", 0, &v)) != 0) {
      for (int s = 0; s < 2 && rc == 0; s++)
        if (r < 0 || fsim_overrides_add(ov[s], v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "set-a", 0, &v)) != 0) {
      if (r < 0 || fsim_overrides_add(ov[0], v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "set-b", 0, &v)) != 0) {
      if (r < 0 || fsim_overrides_add(ov[1], v, &err) != FSIM_OK) rc = r < 0 ? 2 : cli_report(&err);
    } else if ((r = cli_opt_value(argc, argv, &i, "output", 'o', &v)) != 0) {
      if (r < 0) rc = 2;
      outdir = v;
    } else if ((r = cli_opt_value(argc, argv, &i, "replications", 'n', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-n", v, 1, 10000000, &num)) rc = 2;
      opt.replications = (long)num;
    } else if ((r = cli_opt_value(argc, argv, &i, "seed", 0, &v)) != 0) {
      if (r < 0 || !cli_parse_long("--seed", v, 0, 9000000000000000000LL, &num)) rc = 2;
      has_seed = 1;
      seed = (unsigned long long)num;
    } else if ((r = cli_opt_value(argc, argv, &i, "threads", 'j', &v)) != 0) {
      if (r < 0 || !cli_parse_long("-j", v, 1, 4096, &threads)) rc = 2;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      rc = cli_usage_error("compare", "unknown option %s", argv[i]);
    } else if (!paths[0]) {
      paths[0] = argv[i];
    } else if (!paths[1]) {
      paths[1] = argv[i];
    } else {
      rc = cli_usage_error("compare", "two scenarios, A and B (got a third: %s)", argv[i]);
    }
  }
  if (rc == 0 && !paths[1]) rc = cli_usage_error("compare", "give two scenarios, A and B");
  fsim_scenario *sc[2] = {NULL, NULL};
  for (int s = 0; s < 2 && rc == 0; s++)
    if (fsim_scenario_load(paths[s], ov[s], &sc[s], &err) != FSIM_OK) rc = cli_report(&err);
  char outbuf[2100], cmdline[4096];
  if (rc == 0 && !outdir) {
    char a[1024], b[1024];
    cli_default_output(paths[0], a, sizeof a);
    cli_default_output(paths[1], b, sizeof b);
    snprintf(outbuf, sizeof outbuf, "out/compare-%.900s-%.900s", a + 4, b + 4);
    outdir = outbuf;
  }
  if (rc == 0) {
    cli_command_line(argc - 1, argv + 1, "frontsim compare", cmdline, sizeof cmdline);
    cli_install_stop_handler();
    opt.threads = (int)threads;
    opt.has_seed = has_seed;
    opt.seed = seed;
    opt.stop = cli_stop_flag();
    if (fsim_compare(sc[0], sc[1], &opt, outdir, cmdline, &err) != FSIM_OK) {
      rc = cli_report(&err);
    } else if (!quiet) {
      char path[2200];
      snprintf(path, sizeof path, "%s/compare.txt", outdir);
      FILE *fp = fopen(path, "r");
      char line[512];
      while (fp && fgets(line, sizeof line, fp)) fputs(line, stdout);
      if (fp) fclose(fp);
      fprintf(stderr, "frontsim: wrote %s\n", outdir);
    }
  }
  for (int s = 0; s < 2; s++) {
    fsim_scenario_free(sc[s]);
    fsim_overrides_free(ov[s]);
  }
  return rc;
}
