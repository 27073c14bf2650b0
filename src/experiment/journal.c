#include "journal.h"

#include "formats.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

uint64_t fsim_fnv1a(uint64_t h, const char *data, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)data[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

static fsim_status durable(FILE *fp, const char *path, fsim_error *err) {
  if (ferror(fp) || fflush(fp) != 0 || fsync(fileno(fp)) != 0)
    return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot write: %s", strerror(errno));
  return FSIM_OK;
}

fsim_status fsim_journal_create(const char *path, const fsim_journal_info *info, FILE **out,
                                fsim_error *err) {
  FILE *fp = fopen(path, "w");
  if (!fp) return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot write: %s", strerror(errno));
  fprintf(fp, FSIM_JOURNAL_MAGIC "\n" FSIM_JOURNAL_SETUP "016" PRIx64 "\n", info->setup);
  fprintf(fp, FSIM_JOURNAL_SHAPE PRIu64 FSIM_JOURNAL_SHARD "\n", info->npoints, info->nparams,
          info->method, info->bootstrap, info->seed, info->shard_k, info->shard_n);
  fprintf(fp, FSIM_JOURNAL_PARAMS "%s\n" FSIM_JOURNAL_METRICS "%s\n" FSIM_JOURNAL_COLUMNS "%s\n",
          info->params, info->metrics, info->columns);
  fsim_status st = durable(fp, path, err);
  if (st != FSIM_OK) {
    fclose(fp);
    return st;
  }
  *out = fp;
  return FSIM_OK;
}

fsim_status fsim_journal_open_append(const char *path, FILE **out, fsim_error *err) {
  *out = fopen(path, "a");
  if (!*out)
    return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot append: %s", strerror(errno));
  return FSIM_OK;
}

fsim_status fsim_journal_append(FILE *fp, const char *path, const char *record, fsim_error *err) {
  uint64_t h = fsim_fnv1a(FSIM_FNV_INIT, record, strlen(record));
  fprintf(fp, "%s*%016" PRIx64 "\n", record, h);
  return durable(fp, path, err);
}

void fsim_journal_info_clear(fsim_journal_info *info) {
  free(info->params);
  free(info->metrics);
  free(info->columns);
  memset(info, 0, sizeof *info);
}

void fsim_journal_clear(fsim_journal *j) {
  fsim_journal_info_clear(&j->info);
  for (long i = 0; i < j->nrecords; i++) free(j->record[i]);
  free(j->record);
  free(j->point);
  memset(j, 0, sizeof *j);
}

fsim_status fsim_journal_add(fsim_journal *j, long point, const char *record, fsim_error *err) {
  if (j->nrecords == j->cap) {
    long cap = j->cap ? j->cap * 2 : 64;
    long *pt = realloc(j->point, (size_t)cap * sizeof *pt);
    if (pt) j->point = pt;
    char **rc = realloc(j->record, (size_t)cap * sizeof *rc);
    if (rc) j->record = rc;
    if (!pt || !rc) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
    j->cap = cap;
  }
  size_t n = strlen(record);
  char *copy = malloc(n + 1);
  if (!copy) return fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
  memcpy(copy, record, n + 1);
  j->point[j->nrecords] = point;
  j->record[j->nrecords++] = copy;
  return FSIM_OK;
}

static char *dup_after(const char *line, const char *prefix) {
  size_t n = strlen(prefix);
  if (strncmp(line, prefix, n) != 0) return NULL;
  const char *v = line + n;
  size_t len = strcspn(v, "\n");
  char *out = malloc(len + 1);
  if (out) {
    memcpy(out, v, len);
    out[len] = '\0';
  }
  return out;
}

/* Reads one line of any length; NULL at the end. *complete is 0 when it has no '\n'. */
static char *read_line(FILE *fp, int *complete) {
  size_t cap = 256, len = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  int c;
  while ((c = fgetc(fp)) != EOF) {
    if (len + 2 > cap) {
      char *g = realloc(buf, cap * 2);
      if (!g) {
        free(buf);
        return NULL;
      }
      buf = g;
      cap *= 2;
    }
    buf[len++] = (char)c;
    if (c == '\n') break;
  }
  if (len == 0) {
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  *complete = buf[len - 1] == '\n';
  return buf;
}

/* Damage a crash cannot explain: the journal cannot be trusted, the sweep must be
 * redone (a status of fault, not of bad input: the user did nothing wrong). */
#define DAMAGED "; the journal is damaged: run the sweep again without --resume (a shard: that shard)"

/* One header line into info; 0 when it is not what line `lineno` must be. */
static int header_line(fsim_journal_info *info, int lineno, const char *line) {
  switch (lineno) {
  case 1:
    return strncmp(line, FSIM_JOURNAL_MAGIC, strlen(FSIM_JOURNAL_MAGIC)) == 0;
  case 2:
    return sscanf(line, FSIM_JOURNAL_SETUP SCNx64, &info->setup) == 1;
  case 3: {
    int n = sscanf(line, FSIM_JOURNAL_SHAPE SCNu64 FSIM_JOURNAL_SHARD, &info->npoints,
                   &info->nparams, &info->method, &info->bootstrap, &info->seed,
                   &info->shard_k, &info->shard_n);
    if (n == 5) info->shard_k = info->shard_n = -1; /* written before the shard was */
    int shard_ok = n == 5 || (info->shard_n == 0 && info->shard_k == 0) ||
                   (info->shard_k >= 1 && info->shard_k <= info->shard_n);
    return (n == 5 || n == 7) && shard_ok && info->npoints >= 0;
  }
  case 4:
    return (info->params = dup_after(line, FSIM_JOURNAL_PARAMS)) != NULL;
  case 5:
    return (info->metrics = dup_after(line, FSIM_JOURNAL_METRICS)) != NULL;
  default:
    return (info->columns = dup_after(line, FSIM_JOURNAL_COLUMNS)) != NULL;
  }
}

/* Adds a checked record unless it repeats one already read (two appenders of old
 * wrote the same text): slot[p] is the index of point p's record, or -1. */
static fsim_status add_record(fsim_journal *out, long *slot, const char *path, int lineno,
                              const char *record, fsim_error *err) {
  long p = strtol(record, NULL, 10);
  if (p < 0 || p >= out->info.npoints)
    return fsim_error_set(err, FSIM_E_IO, path, lineno, "",
                          "a record of point %ld, which the design of %ld points has not" DAMAGED,
                          p, out->info.npoints);
  if (slot[p] >= 0) {
    if (strcmp(out->record[slot[p]], record) == 0) return FSIM_OK;
    return fsim_error_set(err, FSIM_E_IO, path, lineno, "",
                          "point %ld is recorded twice with different results" DAMAGED, p);
  }
  slot[p] = out->nrecords;
  return fsim_journal_add(out, p, record, err);
}

fsim_status fsim_journal_read(const char *path, int repair, fsim_journal *out, fsim_error *err) {
  memset(out, 0, sizeof *out);
  FILE *fp = fopen(path, "r");
  if (!fp)
    return fsim_error_set(err, FSIM_E_INPUT, path, 0, "",
                          "no sweep journal here (%s): nothing to resume or merge",
                          strerror(errno));
  fsim_status st = FSIM_OK;
  char *line = NULL;
  int complete = 0, lineno = 0;
  long good_end = 0, *slot = NULL;
  while (st == FSIM_OK && (line = read_line(fp, &complete)) != NULL) {
    lineno++;
    if (lineno <= FSIM_JOURNAL_HEADER_LINES) {
      if (!complete) { /* the file ends inside the header: torn, not damaged */
        free(line);
        lineno--;
        break;
      }
      if (!header_line(&out->info, lineno, line))
        st = fsim_error_set(err, FSIM_E_IO, path, lineno, "",
                            "not a frontsim sweep journal header line" DAMAGED);
      if (st == FSIM_OK && lineno == FSIM_JOURNAL_HEADER_LINES) {
        slot = malloc((size_t)(out->info.npoints ? out->info.npoints : 1) * sizeof *slot);
        if (!slot) st = fsim_error_set(err, FSIM_E_NOMEM, "", 0, "", "out of memory");
        for (long p = 0; slot && p < out->info.npoints; p++) slot[p] = -1;
      }
      good_end = ftell(fp);
      free(line);
      continue;
    }
    char *star = strrchr(line, '*');
    uint64_t want = 0;
    int valid = complete && star && sscanf(star + 1, "%" SCNx64, &want) == 1 &&
                fsim_fnv1a(FSIM_FNV_INIT, line, (size_t)(star - line)) == want;
    if (!valid) {
      /* Only the last line may be torn; anything after it means real damage. */
      int more = fgetc(fp) != EOF;
      if (more)
        st = fsim_error_set(err, FSIM_E_IO, path, lineno, "",
                            "damaged record in the middle of the journal" DAMAGED);
      free(line);
      break;
    }
    *star = '\0';
    st = add_record(out, slot, path, lineno, line, err);
    good_end = ftell(fp);
    free(line);
  }
  fclose(fp);
  free(slot);
  if (st == FSIM_OK && lineno < FSIM_JOURNAL_HEADER_LINES) {
    /* Cut short while the header was written: no record can follow. */
    fsim_journal_clear(out);
    out->torn_header = 1;
    return FSIM_OK;
  }
  if (st == FSIM_OK && repair && truncate(path, good_end) != 0)
    st = fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot cut the torn record: %s",
                        strerror(errno));
  if (st != FSIM_OK) fsim_journal_clear(out);
  return st;
}
