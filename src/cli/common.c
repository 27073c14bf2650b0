#include "cli_common.h"

#include "args.h"

#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_command_line(int argc, char **argv, const char *prefix, char *buf, size_t size) {
  size_t used = (size_t)snprintf(buf, size, "%s", prefix);
  for (int i = 0; i < argc && used < size; i++) {
    const char *a = argv[i];
    int plain = a[0] != '\0' && strpbrk(a, " \t\"'\\$`*?[]{}()<>|&;") == NULL;
    int k = plain ? snprintf(buf + used, size - used, " %s", a)
                  : snprintf(buf + used, size - used, " '%s'", a);
    if (k > 0) used += (size_t)k;
  }
}

void cli_default_output(const char *label, char *buf, size_t size) {
  char name[64];
  fsim_label_dirname(label, name, sizeof name);
  snprintf(buf, size, "out/%s", name);
}

int cli_parse_target(void *ctx, const char *v) {
  cli_target *t = ctx;
  const char *eq = v ? strchr(v, '=') : NULL;
  char *end = NULL;
  if (eq) t->half = strtod(eq + 1, &end);
  if (!eq || eq == v || !end || *end || !(t->half > 0) || (size_t)(eq - v) >= sizeof t->metric)
    return cli_usage_error(t->command, "--target-ci takes METRIC=HALFWIDTH with HALFWIDTH > 0");
  snprintf(t->metric, sizeof t->metric, "%.*s", (int)(eq - v), v);
  return 0;
}

static volatile int stop_flag = 0;

static void on_signal(int sig) {
  (void)sig;
  stop_flag = 1;
}

void cli_install_stop_handler(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

volatile int *cli_stop_flag(void) { return &stop_flag; }

void cli_print_file(const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp) return;
  char line[512];
  while (fgets(line, sizeof line, fp)) fputs(line, stdout);
  fclose(fp);
}

double cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int cli_parse_format(void *ctx, const char *value) {
  static const char *const names[] = {"wide", "long"}; /* fsim_format's order */
  cli_format *f = ctx;
  for (int k = 0; value && k < 2; k++)
    if (strcmp(value, names[k]) == 0) {
      f->format = k;
      return 0;
    }
  return cli_usage_error(f->cmd, "--format takes wide or long");
}

void cli_progress_init(cli_progress *p, const char *label, int quiet) {
  p->label = label;
  p->started = cli_now();
  p->drawn = -1.0;
  p->shown = -1;
  p->enabled = !quiet && isatty(STDERR_FILENO);
}

int cli_progress_report(void *ctx, long done, long total) {
  cli_progress *p = ctx;
  if (!p->enabled || done == p->shown) return stop_flag;
  const double now = cli_now();
  if (done < total && p->drawn >= 0 && now - p->drawn < 1.0 / CLI_PROGRESS_PER_SECOND)
    return stop_flag;
  p->drawn = now;
  p->shown = done;
  double elapsed = now - p->started;
  double rate = elapsed > 0 ? (double)done / elapsed : 0.0;
  double left = rate > 0 ? (double)(total - done) / rate : 0.0;
  fprintf(stderr, "\r%s %ld/%ld  %.0f/s  %.0f s left   ", p->label, done, total, rate, left);
  return stop_flag;
}

int cli_stop_requested(void *ctx, long done, long total) {
  (void)ctx, (void)done, (void)total;
  return stop_flag;
}

const char *cli_number(char buf[32], long long v) {
  snprintf(buf, 32, "%lld", v);
  return buf;
}

void cli_progress_done(cli_progress *p) {
  if (p->enabled) fputs("\r\033[K", stderr);
}
