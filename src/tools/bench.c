/* src/tools: programs beside the frontsim command, linked against the library:
 * frontsim-mpi (frontsim_mpi.c) and this benchmark. The benchmark sees the engine's
 * private headers (it measures the engine itself).
 *
 * frontsim-bench: how fast the engine runs against the floor set by its own random
 * draws (docs/PERFORMANCE.md). A benchmark, not a test: it measures and
 * reports, and never fails on a number.
 *
 *   frontsim-bench [SCENARIO] [-n REPS] [-r ROUNDS] [-o CSV]
 *
 * In one run it measures, in alternating rounds so that machine noise hits both
 * alike: replications per second on 1 thread and on all threads (fsim_run, metrics
 * only, as sweeps use it), the floor: the very draws one replication makes
 * (same kinds, same parameters, same generators), replayed in a tight loop, a run
 * as `frontsim run` makes it on 1 thread (the replications and every output file,
 * with all daily series and with none; in wall and in processor time, each ratio to
 * the engine's; with all series again right after warming its memory: see
 * warm_memory), and the cost per sector-day of generated
 * scenarios of 3 to 100 alike sectors, with and without replacements
 * (bench_scenario.c), as ratios to 3 sectors. First, before any thread starts, the
 * peak memory of a run with all outputs at M and 4 M replications (-m M, default
 * 10,000; 0: not measured), each in a process of its own.
 *
 *   frontsim-bench --print-scenario N [--per-side 1|2] [--no-replacements]
 *   frontsim-bench --generated N [-n REPS] [--no-replacements]
 *
 * writes the generated scenario of N sectors, with 1 or 2 (the default, as measured)
 * formations of each side in each (for measuring a run's memory), or runs it alone
 * (for counting its instructions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef FRONTSIM_HAVE_OPENMP
#include <omp.h>
#endif

#include "bench_scenario.h"
#include "engine.h"
#include "fileio.h"
#include "hugemem.h"
#include "frontsim/frontsim.h"
#include "rng.h"
#include "run_options.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The calling thread's processor time: on one thread, the whole of a run's work,
   which a shared machine's other processes disturb far less than the wall clock. */
static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The processor time of the last time_run or time_outputs, seconds. */
static double last_cpu;

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static double time_run(const fsim_scenario *sc, long reps, int threads) {
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = reps;
  opt.threads = threads;
  opt.keep_series = 0;
  fsim_results *res = NULL;
  fsim_error err;
  double c0 = thread_cpu(), t0 = now();
  if (fsim_run(sc, &opt, &res, &err) != FSIM_OK) {
    fprintf(stderr, "frontsim-bench: %s\n", err.message);
    exit(1);
  }
  double t = now() - t0;
  last_cpu = thread_cpu() - c0;
  fsim_results_free(res);
  return t;
}

/* A run as `frontsim run SCENARIO -n reps -j threads --series series` makes it: the
   replications, then every output file, written under dir (and removed); seconds. */
static double time_outputs(const fsim_scenario *sc, long reps, int threads, const char *series,
                           const char *dir) {
  fsim_run_options opt;
  fsim_run_options_init(&opt);
  opt.replications = reps;
  opt.threads = threads;
  opt.series = series;
  char out[4096];
  snprintf(out, sizeof out, "%s/out", dir);
  fsim_results *res = NULL;
  fsim_error err;
  double c0 = thread_cpu(), t0 = now();
  fsim_status st = fsim_run(sc, &opt, &res, &err);
  if (st == FSIM_OK) st = fsim_results_write_dir(res, sc, out, "frontsim-bench", &err);
  double t = now() - t0;
  last_cpu = thread_cpu() - c0;
  if (st != FSIM_OK) {
    fprintf(stderr, "frontsim-bench: %s\n", err.message);
    exit(1);
  }
  fsim_results_free(res);
  fsim_remove_tree(out);
  return t;
}

/* Writes to `bytes` of fresh memory (in huge pages where offered) and frees it. A
   virtual machine's host may back the guest's memory only as the guest first writes
   it: here, a page of memory the host has not backed costs some 1.5 ns a byte to
   fault in, ten times what zeroing it costs, against a few microseconds a huge page
   for one it has (docs/PERFORMANCE.md, "Fresh memory"). The kernel hands out pages
   just freed first, so a run right after this one finds its memory backed, as a
   bare machine's always is. */
static void warm_memory(size_t bytes) {
  unsigned char *p = fsim_huge_alloc(bytes);
  if (!p) return;
  for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  fsim_huge_free(p, bytes);
}

/* The peak memory (maximum resident set, kB) of such a run, all series, on every
   thread, in a child process: the parent's own memory stays out of it. -1 if the
   child failed. Called before the parent starts any thread (a child of a process
   with OpenMP threads cannot start its own). */
static long peak_kb(const fsim_scenario *sc, long reps, const char *dir) {
  int fd[2];
  if (pipe(fd) != 0) return -1;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    time_outputs(sc, reps, 0, "all", dir);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long kb = ru.ru_maxrss;
    _exit(write(fd[1], &kb, sizeof kb) == (ssize_t)sizeof kb ? 0 : 1);
  }
  close(fd[1]);
  long kb = -1;
  if (pid < 0 || read(fd[0], &kb, sizeof kb) != (ssize_t)sizeof kb) kb = -1;
  close(fd[0]);
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? kb : -1;
}

/* The generated scenarios: sizes, and replications in proportion to 1 / sectors so
   that every size simulates about as many sector-days. */
static const int bench_sizes[] = {3, 10, 30, 100};
#define NSIZES (int)(sizeof bench_sizes / sizeof bench_sizes[0])
enum { GEN_DAYS = 120 };

static fsim_scenario *generated(int nsectors, int replacements) {
  char *text = fsim_bench_scenario_text(nsectors, 2, replacements, GEN_DAYS);
  fsim_scenario *sc = NULL;
  fsim_error err;
  if (!text || fsim_scenario_load_string(text, "generated", NULL, NULL, &sc, &err) != FSIM_OK) {
    fprintf(stderr, "frontsim-bench: generated scenario: %s\n", text ? err.message : "no memory");
    exit(1);
  }
  free(text);
  return sc;
}

/* One row of the summary: a figure and, where it has one, its ratio. Rows a run does
   not measure are left out. */
static void summary_row(const char *name, double value, const char *unit, const char *ratio_name,
                        double ratio) {
  printf("  %-34s %10.2f %-16s", name, value, unit);
  if (ratio_name) printf(" %-22s %6.2f", ratio_name, ratio);
  printf("\n");
}

static int print_scenario(int nsectors, int per_side, int replacements) {
  char *text = fsim_bench_scenario_text(nsectors, per_side, replacements, GEN_DAYS);
  if (!text) return 1;
  fputs(text, stdout);
  free(text);
  return 0;
}

int main(int argc, char **argv) {
  const char *path = "scenarios/kursk-pokrovsk.cfg", *csv = NULL;
  long reps = 4000, trace_reps = 400, mem_reps = 10000;
  int rounds = 5, print_sectors = 0, print_replacements = 1, print_per_side = 2, nsizes = NSIZES;
  int only_sectors = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--print-scenario") == 0 && i + 1 < argc)
      print_sectors = atoi(argv[++i]);
    else if (strcmp(argv[i], "--per-side") == 0 && i + 1 < argc)
      print_per_side = atoi(argv[++i]) > 1 ? 2 : 1;
    else if (strcmp(argv[i], "--generated") == 0 && i + 1 < argc)
      only_sectors = atoi(argv[++i]);
    else if (strcmp(argv[i], "--no-generated") == 0)
      nsizes = 0; /* engine and floor alone, e.g. under callgrind */
    else if (strcmp(argv[i], "--no-replacements") == 0)
      print_replacements = 0;
    else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
      reps = atol(argv[++i]);
    else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
      rounds = atoi(argv[++i]);
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      csv = argv[++i];
    else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc)
      mem_reps = atol(argv[++i]);
    else if (argv[i][0] == '-') {
      fprintf(stderr,
              "usage: frontsim-bench [SCENARIO] [-n REPS] [-r ROUNDS] [-m REPS] [-o CSV] "
              "[--no-generated]\n"
              "       frontsim-bench --print-scenario N [--per-side 1|2] [--no-replacements]\n"
              "       frontsim-bench --generated N [-n REPS] [--no-replacements]\n");
      return 2;
    } else
      path = argv[i];
  }
  if (print_sectors > 0) return print_scenario(print_sectors, print_per_side, print_replacements);
  if (only_sectors > 0) { /* one generated scenario, -n replications on 1 thread, once */
    fsim_scenario *g = generated(only_sectors, print_replacements);
    const double t = time_run(g, reps, 1);
    printf("%d sectors, %s replacements: %.1f ns per sector-day\n", only_sectors,
           print_replacements ? "with" : "without",
           t * 1e9 / ((double)reps * only_sectors * GEN_DAYS));
    fsim_scenario_free(g);
    return 0;
  }
  if (reps < 10 || rounds < 1 || rounds > 99) {
    fprintf(stderr, "frontsim-bench: -n >= 10 and 1 <= -r <= 99\n");
    return 2;
  }
  gsl_set_error_handler_off();
  fsim_scenario *sc = NULL;
  fsim_error err;
  if (fsim_scenario_load(path, NULL, &sc, &err) != FSIM_OK) {
    char msg[1024];
    fsim_error_format(&err, msg, sizeof msg);
    fprintf(stderr, "frontsim-bench: %s\n", msg);
    return 2;
  }
  char scratch[] = "/tmp/frontsim-bench-XXXXXX";
  const char *tmpdir = mkdtemp(scratch);
  if (!tmpdir) {
    perror("frontsim-bench: mkdtemp");
    return 1;
  }
  long mem_kb[2] = {-1, -1};
  for (int k = 0; k < 2 && mem_reps > 0; k++) mem_kb[k] = peak_kb(sc, mem_reps << (2 * k), tmpdir);
  int threads = 1;
#ifdef FRONTSIM_HAVE_OPENMP
  threads = omp_get_max_threads();
#endif

  /* The draws of trace_reps replications, noted with their parameters. */
  fsim_engine eng;
  if (fsim_engine_init(&eng, sc, &err) != FSIM_OK) return 1;
  fsim_replica *rp = fsim_replica_new(&eng);
  fsim_draw_trace trace = {0};
  rp->draws.trace = &trace;
  for (long r = 0; r < trace_reps; r++)
    fsim_replicate(rp, fsim_rep_key((uint64_t)sc->run.seed, 0, (uint64_t)r), NULL, NULL, 0);
  rp->draws.trace = NULL;
  if (trace.failed) return 1;
  uint64_t total_draws = 0;
  for (int k = 0; k < FSIM_DRAW_NKINDS; k++) total_draws += rp->draws.count[k];

  /* Rounds interleave the measures, so that a slow spell of a shared machine falls on
     all of them alike; the figures are medians over rounds. */
  fsim_draw_trace by_kind[FSIM_DRAW_NKINDS] = {{0}};
  for (int k = 0; k < FSIM_DRAW_NKINDS; k++)
    if (fsim_draw_trace_filter(&trace, k, &by_kind[k]) != 0) return 1;
  double t1[99], tn[99], tf[99], tk[FSIM_DRAW_NKINDS][99], ta[99], tz[99], sink = 0.0;
  double c1[99], ca[99], cz[99]; /* processor time of the 1-thread runs */
  double tw[99], cw[99];          /* the run with all outputs, its memory warmed first */
  /* More than a run with all outputs touches: its daily series as floats, every
     variable, and 64 MB for the rest. */
  const size_t warm_bytes = (size_t)eng.layout.nseries * (size_t)(eng.days + 1) * (size_t)reps *
                                sizeof(float) + ((size_t)64 << 20);
  fsim_scenario *gen[NSIZES][2];
  long gen_reps[NSIZES];
  double tg[NSIZES][2][99];
  for (int z = 0; z < nsizes; z++) {
    gen_reps[z] =
        reps * bench_sizes[0] / bench_sizes[z] > 10 ? reps * bench_sizes[0] / bench_sizes[z] : 10;
    for (int w = 0; w < 2; w++) gen[z][w] = generated(bench_sizes[z], !w);
  }
  for (int round = 0; round < rounds; round++) {
    t1[round] = time_run(sc, reps, 1) / (double)reps;
    c1[round] = last_cpu / (double)reps;
    double t0 = now();
    sink += fsim_draw_replay(&trace, rp->rng, rp->split_weight, rp->split_count);
    tf[round] = (now() - t0) / (double)trace_reps;
    for (int k = 0; k < FSIM_DRAW_NKINDS; k++) {
      t0 = now();
      sink += fsim_draw_replay(&by_kind[k], rp->rng, rp->split_weight, rp->split_count);
      tk[k][round] = (now() - t0) / (double)trace_reps;
    }
    tn[round] = time_run(sc, reps, threads) / (double)reps;
    ta[round] = time_outputs(sc, reps, 1, "all", tmpdir) / (double)reps;
    ca[round] = last_cpu / (double)reps;
    tz[round] = time_outputs(sc, reps, 1, "none", tmpdir) / (double)reps;
    cz[round] = last_cpu / (double)reps;
    warm_memory(warm_bytes);
    tw[round] = time_outputs(sc, reps, 1, "all", tmpdir) / (double)reps;
    cw[round] = last_cpu / (double)reps;
    /* Per sector-day, on one thread (w: 0 with replacements, 1 without). */
    for (int z = 0; z < nsizes; z++)
      for (int w = 0; w < 2; w++)
        tg[z][w][round] =
            time_run(gen[z][w], gen_reps[z], 1) / ((double)gen_reps[z] * bench_sizes[z] * GEN_DAYS);
  }
  double sector_day[NSIZES][2];
  for (int z = 0; z < nsizes; z++)
    for (int w = 0; w < 2; w++) sector_day[z][w] = median(tg[z][w], rounds);
  double one = median(t1, rounds), many = median(tn, rounds), floor_t = median(tf, rounds);
  const double all_out = median(ta, rounds), no_series = median(tz, rounds);
  /* Processor-time ratios: medians of each round's ratio (the three measures of a
     round are minutes apart at most). */
  double rca[99], rcz[99], rcw[99];
  for (int round = 0; round < rounds; round++) {
    rca[round] = ca[round] / c1[round];
    rcz[round] = cz[round] / c1[round];
    rcw[round] = cw[round] / c1[round];
  }
  const double cpu_one = median(c1, rounds), cpu_all = median(ca, rounds),
               cpu_none = median(cz, rounds);
  const double cpu_all_ratio = median(rca, rounds), cpu_none_ratio = median(rcz, rounds);
  const double warm_out = median(tw, rounds), cpu_warm = median(cw, rounds),
               cpu_warm_ratio = median(rcw, rounds);
  /* And of each measure's quickest round: on a busy machine a slow spell lengthens a
     round (processor time too, on a virtual machine whose host takes the processor
     away), never shortens it, so the quickest rounds are the least disturbed. */
  double min1 = c1[0], mina = ca[0], minz = cz[0], minw = cw[0];
  for (int round = 1; round < rounds; round++) {
    min1 = c1[round] < min1 ? c1[round] : min1;
    mina = ca[round] < mina ? ca[round] : mina;
    minz = cz[round] < minz ? cz[round] : minz;
    minw = cw[round] < minw ? cw[round] : minw;
  }
  rmdir(tmpdir);
  double floor_kind[FSIM_DRAW_NKINDS];
  for (int k = 0; k < FSIM_DRAW_NKINDS; k++) floor_kind[k] = median(tk[k], rounds);

  printf("frontsim-bench %s: %s, %d sectors, %d formations, %d days, generator %s\n",
         FRONTSIM_VERSION, path, sc->nsectors, sc->nformations, sc->run.days, sc->run.rng);
  printf("%ld replications x %d rounds (medians); %d threads available\n\n", reps, rounds,
         threads);
  printf("random draws per replication (mean of %ld), and their floor:\n", trace_reps);
  printf("  %-12s %10s %12s %10s\n", "kind", "draws", "us/rep", "ns/draw");
  for (int k = 0; k < FSIM_DRAW_NKINDS; k++) {
    double n = (double)rp->draws.count[k] / (double)trace_reps;
    if (n == 0) continue; /* a kind this scenario never draws (the CSV keeps it, as 0) */
    printf("  %-12s %10.1f %12.1f %10.1f\n", fsim_draw_names[k], n, floor_kind[k] * 1e6,
           n > 0 ? floor_kind[k] * 1e9 / n : 0.0);
  }
  printf("  %-12s %10.1f %12.1f %10.1f\n\n", "all", (double)total_draws / (double)trace_reps,
         floor_t * 1e6, floor_t * 1e9 * (double)trace_reps / (double)total_draws);
  printf("engine, 1 thread:        %9.1f us/replication  %9.0f replications/s\n", one * 1e6, 1 / one);
  printf("engine, %d threads:       %9.1f us/replication  %9.0f replications/s\n", threads,
         many * 1e6, 1 / many);
  printf("floor (draws alone):     %9.1f us/replication\n\n", floor_t * 1e6);
  printf("run, all outputs, 1 thread:       %9.1f us/replication (processor %.1f; engine's %.1f)\n",
         all_out * 1e6, cpu_all * 1e6, cpu_one * 1e6);
  printf("run, --series none, 1 thread:     %9.1f us/replication (processor %.1f)\n",
         no_series * 1e6, cpu_none * 1e6);
  printf("run, all outputs, memory warmed:  %9.1f us/replication (processor %.1f)\n\n",
         warm_out * 1e6, cpu_warm * 1e6);
  printf("engine / floor (1 thread): %.2f\n", one / floor_t);
  printf("speed-up on %d threads:     %.2f\n\n", threads, one / many);
  if (nsizes) {
    printf("cost per sector-day, 1 thread, generated scenarios (%d days; ratio to 3 sectors):\n",
           GEN_DAYS);
    printf("  %-8s %12s %12s %8s   %12s %8s\n", "sectors", "replications", "with repl. ns", "ratio",
           "without ns", "ratio");
    for (int z = 0; z < nsizes; z++)
      printf("  %-8d %12ld %12.1f %8.2f   %12.1f %8.2f\n", bench_sizes[z], gen_reps[z],
             sector_day[z][0] * 1e9, sector_day[z][0] / sector_day[0][0], sector_day[z][1] * 1e9,
             sector_day[z][1] / sector_day[0][1]);
  }
  /* Side by side, the figures the targets of docs/PERFORMANCE.md are set on. */
  printf("\nsummary (medians; ratios within this run):\n");
  summary_row("engine, 1 thread", one * 1e6, "us/replication", "engine / floor", one / floor_t);
  summary_row("floor (draws alone)", floor_t * 1e6, "us/replication", NULL, 0);
  summary_row("engine, all threads", many * 1e6, "us/replication", "speed-up", one / many);
  summary_row("run, all outputs, 1 thread", all_out * 1e6, "us/replication", "run / engine",
              all_out / one);
  summary_row("run, --series none, 1 thread", no_series * 1e6, "us/replication", "run / engine",
              no_series / one);
  summary_row("the same in processor time", cpu_all * 1e6, "us/replication",
              "run / engine, all", cpu_all_ratio);
  summary_row("", cpu_none * 1e6, "us/replication", "run / engine, none", cpu_none_ratio);
  summary_row("quickest rounds, processor time", mina * 1e6, "us/replication",
              "run / engine, all", mina / min1);
  summary_row("", minz * 1e6, "us/replication", "run / engine, none", minz / min1);
  summary_row("all outputs, memory warmed", cpu_warm * 1e6, "us/replication",
              "run / engine, warmed", cpu_warm_ratio);
  summary_row("", minw * 1e6, "us/replication", "quickest rounds", minw / min1);
  for (int k = 0; k < 2 && mem_reps > 0; k++) {
    char name[64];
    snprintf(name, sizeof name, "peak memory, %ld replications", mem_reps << (2 * k));
    summary_row(name, (double)mem_kb[k] / 1024.0, "MiB", k ? "ratio to the first" : NULL,
                (double)mem_kb[1] / (double)mem_kb[0]);
  }
  for (int w = 0; w < 2; w++)
    for (int z = 1; z < nsizes; z++) {
      char name[64];
      snprintf(name, sizeof name, "sector-day, %d sectors, %s", bench_sizes[z],
               w ? "no repl." : "repl.");
      summary_row(name, sector_day[z][w] * 1e9, "ns", "ratio to 3 sectors",
                  sector_day[z][w] / sector_day[0][w]);
    }
  if (csv) {
    FILE *fp = fopen(csv, "w");
    if (!fp) {
      perror(csv);
      return 1;
    }
    fprintf(fp, "measure,value\n");
    fprintf(fp, "replications,%ld\nrounds,%d\nthreads,%d\n", reps, rounds, threads);
    for (int k = 0; k < FSIM_DRAW_NKINDS; k++) {
      fprintf(fp, "draws_%s_per_replication,%.3f\n", fsim_draw_names[k],
              (double)rp->draws.count[k] / (double)trace_reps);
      fprintf(fp, "us_floor_%s_per_replication,%.3f\n", fsim_draw_names[k], floor_kind[k] * 1e6);
    }
    fprintf(fp, "us_per_replication_1_thread,%.3f\n", one * 1e6);
    fprintf(fp, "us_per_replication_%d_threads,%.3f\n", threads, many * 1e6);
    fprintf(fp, "replications_per_s_1_thread,%.1f\n", 1 / one);
    fprintf(fp, "replications_per_s_%d_threads,%.1f\n", threads, 1 / many);
    fprintf(fp, "us_floor_per_replication,%.3f\n", floor_t * 1e6);
    fprintf(fp, "engine_over_floor,%.4f\n", one / floor_t);
    fprintf(fp, "us_per_replication_run_all_outputs,%.3f\n", all_out * 1e6);
    fprintf(fp, "run_all_outputs_over_engine,%.4f\n", all_out / one);
    fprintf(fp, "us_per_replication_run_series_none,%.3f\n", no_series * 1e6);
    fprintf(fp, "run_series_none_over_engine,%.4f\n", no_series / one);
    fprintf(fp, "run_all_outputs_over_engine_processor_time,%.4f\n", cpu_all_ratio);
    fprintf(fp, "run_series_none_over_engine_processor_time,%.4f\n", cpu_none_ratio);
    fprintf(fp, "run_all_outputs_over_engine_quickest_rounds,%.4f\n", mina / min1);
    fprintf(fp, "run_series_none_over_engine_quickest_rounds,%.4f\n", minz / min1);
    fprintf(fp, "run_all_outputs_memory_warmed_over_engine_processor_time,%.4f\n", cpu_warm_ratio);
    fprintf(fp, "run_all_outputs_memory_warmed_over_engine_quickest_rounds,%.4f\n", minw / min1);
    for (int k = 0; k < 2 && mem_reps > 0; k++)
      fprintf(fp, "peak_kb_%ld_replications,%ld\n", mem_reps << (2 * k), mem_kb[k]);
    fprintf(fp, "speedup_%d_threads,%.4f\n", threads, one / many);
    for (int z = 0; z < nsizes; z++)
      for (int w = 0; w < 2; w++) {
        const char *kind = w ? "without_replacements" : "with_replacements";
        fprintf(fp, "ns_per_sector_day_%d_sectors_%s,%.3f\n", bench_sizes[z], kind,
                sector_day[z][w] * 1e9);
        fprintf(fp, "sector_day_ratio_%d_to_3_sectors_%s,%.4f\n", bench_sizes[z], kind,
                sector_day[z][w] / sector_day[0][w]);
      }
    fclose(fp);
  }
  if (sink == 42.4242) puts(""); /* keeps the replayed draws alive */
  for (int k = FSIM_DRAW_NKINDS - 1; k >= 0; k--) fsim_draw_trace_free(&by_kind[k]);
  fsim_draw_trace_free(&trace);
  for (int z = 0; z < nsizes; z++)
    for (int w = 0; w < 2; w++) fsim_scenario_free(gen[z][w]);
  fsim_replica_free(rp);
  fsim_engine_destroy(&eng);
  fsim_scenario_free(sc);
  return 0;
}
