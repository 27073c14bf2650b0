/* Running gnuplot, an external program: fork and exec (no shell, so no quoting
 * of paths), its error output captured for the message when it fails. */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plot_internal.h"

#define GNUPLOT_DEFAULT "gnuplot"
#define CAPTURE_MAX 4096

const char *fsim_gnuplot_program(const char *configured) {
  if (configured && *configured) return configured;
  const char *env = getenv("FRONTSIM_GNUPLOT");
  return env && *env ? env : GNUPLOT_DEFAULT;
}

typedef struct outcome {
  int started;    /* 0: the program could not be run (errno in exec_errno) */
  int exec_errno;
  int status;     /* exit status, or 128 + signal */
  int signal;     /* the signal that ended it, or 0 */
  int timed_out;  /* 1: killed at the time limit */
  int stopped;    /* 1: killed because the caller asked to stop */
  char tail[CAPTURE_MAX + 1]; /* the end of its error output */
  size_t used;
} outcome;

static void set_cloexec(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags >= 0) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

/* Keeps the last CAPTURE_MAX bytes of what fd has to give now (non-blocking);
 * returns 0 at end of file, 1 while it may give more. */
static int capture(int fd, outcome *o) {
  char buf[CAPTURE_MAX / 4];
  for (int reads = 0; reads < 64; reads++) { /* bounded: a chatty program cannot hold us */
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
    if (n == 0) return 0;
    size_t k = (size_t)n; /* at most sizeof buf, less than CAPTURE_MAX */
    if (o->used + k > CAPTURE_MAX) {
      size_t drop = o->used + k - CAPTURE_MAX;
      memmove(o->tail, o->tail + drop, o->used - drop);
      o->used -= drop;
    }
    memcpy(o->tail + o->used, buf, k);
    o->used += k;
    o->tail[o->used] = '\0';
  }
  return 1;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int fsim_plot_stop_asked(fsim_plot_stop *stop) {
  if (!stop) return 0;
  if (!stop->asked && stop->flag && *stop->flag) stop->asked = 1;
  if (!stop->asked && stop->progress && stop->progress(stop->ctx, stop->done, stop->total))
    stop->asked = 1;
  return stop->asked;
}

/* Runs argv in cwd (NULL: here) as the leader of a process group of its own, stdin on
 * /dev/null, its standard output and error output captured together (gnuplot writes
 * only its version and its complaints there). A second pipe, closed by a successful
 * exec, carries the child's errno when exec (or chdir) fails, which tells "not
 * installed" from "failed". The wait is bounded: past `timeout` seconds, or when
 * `stop` asks (polled every 50 ms), the whole group is killed. When the program ends, the group is killed
 * too, so a child it left holding the pipe cannot keep frontsim waiting. */
static int run(char *const argv[], const char *cwd, double timeout, fsim_plot_stop *stop,
               outcome *o) {
  memset(o, 0, sizeof *o);
  int err_pipe[2], exec_pipe[2];
  if (pipe(err_pipe) != 0) return -1;
  if (pipe(exec_pipe) != 0) {
    close(err_pipe[0]);
    close(err_pipe[1]);
    return -1;
  }
  set_cloexec(exec_pipe[1]);
  set_cloexec(err_pipe[0]);
  pid_t pid = fork();
  if (pid < 0) {
    close(err_pipe[0]), close(err_pipe[1]), close(exec_pipe[0]), close(exec_pipe[1]);
    return -1;
  }
  if (pid == 0) {
    setpgid(0, 0);
    /* frontsim ignores SIGXFSZ to report a file size limit as an error; an ignored
       signal survives exec, and gnuplot does not check its writes, so it would end
       "successfully" with a truncated chart. By default the signal ends it instead. */
    signal(SIGXFSZ, SIG_DFL);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) dup2(null, STDIN_FILENO);
    dup2(err_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(err_pipe[0]);
    close(exec_pipe[0]);
    if (!cwd || chdir(cwd) == 0) execvp(argv[0], argv);
    int e = errno;
    ssize_t w = write(exec_pipe[1], &e, sizeof e);
    (void)w;
    _exit(127);
  }
  setpgid(pid, pid); /* as the child does: whichever runs first */
  close(err_pipe[1]);
  close(exec_pipe[1]);
  fcntl(err_pipe[0], F_SETFL, fcntl(err_pipe[0], F_GETFL) | O_NONBLOCK);
  const double deadline = now_seconds() + timeout;
  int open_pipe = 1, ended = 0;
  while (!ended) {
    struct pollfd pfd = {.fd = err_pipe[0], .events = POLLIN};
    if (open_pipe && poll(&pfd, 1, 50) > 0) open_pipe = capture(err_pipe[0], o);
    if (!open_pipe) nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
    /* Ended, but not reaped (WNOWAIT): while the leader is a zombie its process
       group ID cannot be reused, so the group can still be killed safely. */
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid)
      ended = 1;
    else if (now_seconds() > deadline || fsim_plot_stop_asked(stop)) {
      o->stopped = stop && stop->asked;
      o->timed_out = !o->stopped;
      kill(-pid, SIGKILL);
      while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
      }
      ended = 1;
    }
  }
  kill(-pid, SIGKILL); /* whatever the program left running in its group */
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (open_pipe) capture(err_pipe[0], o);
  close(err_pipe[0]);
  int e = 0;
  ssize_t n;
  do n = read(exec_pipe[0], &e, sizeof e);
  while (n < 0 && errno == EINTR);
  close(exec_pipe[0]);
  o->started = n != (ssize_t)sizeof e;
  o->exec_errno = o->started ? 0 : e;
  o->signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
  o->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus)
              : WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : 1;
  return 0;
}

double fsim_gnuplot_timeout(double configured) {
  if (configured > 0) return configured;
  const char *env = getenv("FRONTSIM_GNUPLOT_TIMEOUT");
  char *end = NULL;
  double v = env ? strtod(env, &end) : 0.0;
  return env && end != env && *end == '\0' && v > 0 && isfinite(v) ? v : 120.0;
}

fsim_status fsim_gnuplot_check(const char *program, const char *dir, double timeout,
                               fsim_error *err) {
  char *argv[] = {(char *)(uintptr_t)program, "--version", NULL};
  outcome o;
  int is_default = strcmp(program, GNUPLOT_DEFAULT) == 0;
  if (run(argv, NULL, timeout, NULL, &o) != 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "", "cannot start gnuplot: %s",
                          strerror(errno));
  if (o.timed_out)
    return fsim_error_set(err, FSIM_E_TIMEOUT, "", 0, "",
                          "%s --version did not answer within %g s and was stopped; the data "
                          "in %s are complete and usable",
                          program, timeout, dir);
  if (!o.started && is_default)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "gnuplot is not installed (apt-get install gnuplot-nox); the data "
                          "in %s are complete and usable",
                          dir);
  if (!o.started)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "gnuplot is not installed as %s (%s; set by FRONTSIM_GNUPLOT or "
                          "the caller); the data in %s are complete and usable",
                          program, strerror(o.exec_errno), dir);
  if (o.status != 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "%s --version failed (exit status %d), so it is not a working "
                          "gnuplot; the data in %s are complete and usable",
                          program, o.status, dir);
  /* The templates read columns by name and draw legend-only entries, which
   * need gnuplot 5.4 ("gnuplot 5.4 patchlevel 4"). An unusual answer is let
   * through: gnuplot itself will say what it cannot do. */
  int major = 0, minor = 0;
  const char *v = strstr(o.tail, "gnuplot ");
  if (v && sscanf(v, "gnuplot %d.%d", &major, &minor) == 2 &&
      (major < 5 || (major == 5 && minor < 4)))
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "%s is gnuplot %d.%d; the charts need 5.4 or later; the data in %s "
                          "are complete and usable",
                          program, major, minor, dir);
  return FSIM_OK;
}

/* The last lines of gnuplot's complaint that say something (its echo of the
 * offending line and the caret under it are left out), joined by " | ". */
static void summarize(const char *tail, char *out, size_t size) {
  const char *lines[3] = {NULL, NULL, NULL};
  size_t lens[3] = {0, 0, 0};
  const char *p = tail;
  while (*p) {
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    int useful = 0;
    for (size_t i = 0; i < len; i++)
      if (p[i] != ' ' && p[i] != '\t' && p[i] != '^' && p[i] != '\r') useful = 1;
    if (useful) {
      while (len > 0 && (*p == ' ' || *p == '\t')) p++, len--;
      lines[0] = lines[1], lens[0] = lens[1];
      lines[1] = lines[2], lens[1] = lens[2];
      lines[2] = p, lens[2] = len;
    }
    p = end ? end + 1 : p + len;
  }
  out[0] = '\0';
  size_t used = 0;
  for (int i = 1; i < 3; i++) {
    if (!lines[i]) continue;
    int k = snprintf(out + used, size - used, "%s%.*s", used ? " | " : "", (int)lens[i],
                     lines[i]);
    if (k < 0 || (size_t)k >= size - used) break;
    used += (size_t)k;
  }
}

fsim_status fsim_gnuplot_run(const char *program, const char *cwd, const char *script,
                             const char *shown, double timeout, fsim_plot_stop *stop,
                             fsim_error *err) {
  char *argv[] = {(char *)(uintptr_t)program, (char *)(uintptr_t)script, NULL};
  outcome o;
  if (run(argv, cwd, timeout, stop, &o) != 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "", "chart %s: cannot start gnuplot: %s",
                          shown, strerror(errno));
  if (o.stopped)
    return fsim_error_set(err, FSIM_E_INTERRUPTED, "", 0, "",
                          "chart %s: interrupted; the charts drawn before it are in place",
                          shown);
  if (o.timed_out)
    return fsim_error_set(err, FSIM_E_TIMEOUT, "", 0, "",
                          "chart %s: gnuplot did not finish within %g s and was stopped (the "
                          "limit: frontsim plot --timeout, or FRONTSIM_GNUPLOT_TIMEOUT)",
                          shown, timeout);
  if (!o.started)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "", "chart %s: cannot run %s: %s", shown,
                          program, strerror(o.exec_errno));
  if (o.signal != 0)
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "chart %s: gnuplot was killed by signal %d (%s)", shown, o.signal,
                          strsignal(o.signal));
  if (o.status != 0) {
    char why[400];
    summarize(o.tail, why, sizeof why);
    return fsim_error_set(err, FSIM_E_EXTERNAL, "", 0, "",
                          "chart %s: gnuplot failed (exit status %d): %s",
                          shown, o.status, why[0] ? why : "no message");
  }
  return FSIM_OK;
}
