/* frontsim-mpi: sweeps and searches spread over MPI ranks.
 *
 *   mpirun -np N frontsim-mpi sweep SCENARIO [the options of frontsim sweep]
 *   mpirun -np N frontsim-mpi optimize SCENARIO [the options of frontsim optimize]
 *
 * optimize: every rank runs the same deterministic search and its share of each
 * evaluation's replications; the values are summed over the ranks (MPI_Allreduce), so
 * every rank sees what one process would, and rank 0 alone writes (docs/OPTIMIZE.md).
 *
 * Every rank parses the same command line and prepares the same sweep (so bad
 * input is refused everywhere before work starts). Rank 0 owns the output and the
 * journal and hands out points one at a time (dynamic scheduling: a slow point
 * never holds up the rest); ranks 1..N-1 compute points and send back their
 * records. Records are the same text whoever computes them, so the result is
 * byte-identical to a single-process sweep, and --resume works as usual. */
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "cli_common.h"
#include "cli_sweep.h"
#include "frontsim/optimize.h"

enum { TAG_WORK = 1, TAG_STOP, TAG_RESULT, TAG_ERROR, TAG_INTERRUPTED };

static int rank, size;

static void nap(void) {
  /* Poll gently: a blocking receive in Open MPI spins and would steal a core. */
  struct timespec ts = {0, 1000000};
  nanosleep(&ts, NULL);
}

/* A worker reports nothing itself: a failure or an interruption goes to rank 0, which
 * reports once for all (with the resume hint); one it could not send is its own. */
static fsim_status worker(fsim_sweep *sw, const fsim_sweep_options *opt, fsim_error *err) {
  fsim_sweep_job *job = NULL;
  fsim_status st = fsim_sweep_begin(sw, opt, NULL, &job, err);
  int told = 0;
  for (;;) {
    MPI_Status ms;
    int flag = 0;
    while (!flag) {
      MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &ms);
      if (!flag) nap();
    }
    long p;
    MPI_Recv(&p, 1, MPI_LONG, 0, ms.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (ms.MPI_TAG == TAG_STOP) break;
    const char *record = NULL;
    if (st == FSIM_OK) st = fsim_sweep_point_record(job, p, &record, err);
    if (st == FSIM_OK) {
      MPI_Send(record, (int)strlen(record) + 1, MPI_CHAR, 0, TAG_RESULT, MPI_COMM_WORLD);
    } else if (st == FSIM_E_INTERRUPTED) {
      MPI_Send("", 1, MPI_CHAR, 0, TAG_INTERRUPTED, MPI_COMM_WORLD);
      told = 1;
    } else {
      char msg[1024];
      fsim_error_format(err, msg, sizeof msg);
      MPI_Send(msg, (int)strlen(msg) + 1, MPI_CHAR, 0, TAG_ERROR, MPI_COMM_WORLD);
      told = 1;
    }
  }
  fsim_sweep_job_free(job);
  return told ? FSIM_OK : st;
}

static fsim_status master(fsim_sweep *sw, const fsim_sweep_options *opt, const char *dir,
                          fsim_error *err) {
  if (size == 1) return fsim_sweep_run(sw, opt, dir, err);
  fsim_sweep_job *job = NULL;
  fsim_status st = fsim_sweep_begin(sw, opt, dir, &job, err);
  int busy = 0;
  long none = -1;
  /* Every worker gets a point, or is told to stop. */
  for (int w = 1; w < size; w++) {
    long p = st == FSIM_OK ? fsim_sweep_job_next(job) : -1;
    if (p >= 0) {
      MPI_Send(&p, 1, MPI_LONG, w, TAG_WORK, MPI_COMM_WORLD);
      busy++;
    } else {
      MPI_Send(&none, 1, MPI_LONG, w, TAG_STOP, MPI_COMM_WORLD);
    }
  }
  char *buf = NULL;
  int interrupted = 0; /* a worker stopped by Ctrl-C: hand out no more points */
  while (busy > 0) {
    MPI_Status ms;
    int flag = 0;
    while (!flag) {
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &ms);
      if (!flag) nap();
    }
    int count = 0;
    MPI_Get_count(&ms, MPI_CHAR, &count);
    char *grown = realloc(buf, (size_t)count + 1);
    if (!grown) {
      free(buf);
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
    buf = grown;
    MPI_Recv(buf, count, MPI_CHAR, ms.MPI_SOURCE, ms.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    buf[count] = '\0';
    busy--;
    if (ms.MPI_TAG == TAG_ERROR && st == FSIM_OK)
      st = fsim_error_set(err, FSIM_E_NUMERIC, "", 0, "", "rank %d: %s", ms.MPI_SOURCE, buf);
    if (ms.MPI_TAG == TAG_RESULT && st == FSIM_OK) st = fsim_sweep_job_add(job, buf, err);
    if (ms.MPI_TAG == TAG_INTERRUPTED) interrupted = 1; /* its point stays undone */
    long p = (st == FSIM_OK && !interrupted && !*cli_stop_flag())
                 ? fsim_sweep_job_next(job) : -1;
    if (p >= 0) {
      MPI_Send(&p, 1, MPI_LONG, ms.MPI_SOURCE, TAG_WORK, MPI_COMM_WORLD);
      busy++;
    } else {
      MPI_Send(&none, 1, MPI_LONG, ms.MPI_SOURCE, TAG_STOP, MPI_COMM_WORLD);
    }
  }
  free(buf);
  if (job && (st == FSIM_OK || st == FSIM_E_INTERRUPTED)) st = fsim_sweep_job_finish(job, err);
  fsim_sweep_job_free(job);
  return st;
}

static fsim_status run_mpi(fsim_sweep *sw, fsim_sweep_options *opt, const char *dir,
                           fsim_error *err) {
  char threads[32];
  fsim_status st = fsim_sweep_options_get(opt, "threads", threads, sizeof threads, err);
  /* One rank per core is the usual layout. */
  if (st == FSIM_OK && strcmp(threads, "0") == 0)
    st = fsim_sweep_options_set(opt, "threads", "1", err);
  if (st != FSIM_OK) return st;
  return rank == 0 ? master(sw, opt, dir, err) : worker(sw, opt, err);
}

static int mpi_sum(void *ctx, double *buf, long n) {
  (void)ctx;
  return MPI_Allreduce(MPI_IN_PLACE, buf, (int)n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD) !=
         MPI_SUCCESS;
}

/* optimize: this rank's share; one thread per rank unless -j says otherwise. */
static int configure_optimize(fsim_optimize_options *opt) {
  char threads[32];
  if (fsim_optimize_options_get(opt, "threads", threads, sizeof threads, NULL) == FSIM_OK &&
      strcmp(threads, "0") == 0)
    fsim_optimize_options_set(opt, "threads", "1", NULL);
  fsim_optimize_options_set_ranks(opt, rank, size, mpi_sum, NULL);
  return rank == 0;
}

/* Whether every rank may go on (optimize: rank 0's claim of the directory). */
static int agree_all(int ok) {
  int all = ok;
  MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return all;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  /* As in frontsim: a file size limit is reported as a write error rather than
     killing the rank mid-file. */
  signal(SIGXFSZ, SIG_IGN);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int rc;
  const int optimize = argc >= 2 && strcmp(argv[1], "optimize") == 0;
  if (argc < 2 || (strcmp(argv[1], "sweep") != 0 && !optimize)) {
    if (rank == 0)
      fputs("usage: mpirun -np N frontsim-mpi sweep|optimize SCENARIO [options of frontsim "
            "sweep or optimize]\n", stderr);
    rc = 2;
  } else {
    /* Workers stay silent: only rank 0 reports. */
    char **args = malloc((size_t)(argc + 1) * sizeof *args);
    int n = 0;
    for (int i = 1; i < argc; i++) args[n++] = argv[i];
    static char quiet[] = "--quiet";
    if (rank > 0) args[n++] = quiet;
    rc = optimize ? cli_optimize_with(n, args, configure_optimize, agree_all)
                  : cli_sweep_with(n, args, run_mpi);
    free(args);
  }
  /* Bad input is refused on every rank alike; a failure on one rank stops all. */
  int worst = rc;
  MPI_Allreduce(&rc, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return worst;
}
