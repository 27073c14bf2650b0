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
  fprintf(fp, FSIM_JOURNAL_SHAPE PRIu64 "\n", info->npoints, info->nparams, info->method,
          info->bootstrap, info->seed);
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
  long good_end = 0;
  fsim_journal_info *info = &out->info;
  while (st == FSIM_OK && (line = read_line(fp, &complete)) != NULL) {
    lineno++;
    if (lineno <= FSIM_JOURNAL_HEADER_LINES) {
      char *v = NULL;
      int ok = complete;
      if (lineno == 1)
        ok = ok && strncmp(line, FSIM_JOURNAL_MAGIC, strlen(FSIM_JOURNAL_MAGIC)) == 0;
      if (lineno == 2) ok = ok && sscanf(line, FSIM_JOURNAL_SETUP SCNx64, &info->setup) == 1;
      if (lineno == 3)
        ok = ok && sscanf(line, FSIM_JOURNAL_SHAPE SCNu64, &info->npoints, &info->nparams,
                          &info->method, &info->bootstrap, &info->seed) == 5;
      if (lineno == 4) ok = ok && (v = info->params = dup_after(line, FSIM_JOURNAL_PARAMS)) != NULL;
      if (lineno == 5) ok = ok && (v = info->metrics = dup_after(line, FSIM_JOURNAL_METRICS)) != NULL;
      if (lineno == 6) ok = ok && (v = info->columns = dup_after(line, FSIM_JOURNAL_COLUMNS)) != NULL;
      if (!ok)
        st = fsim_error_set(err, FSIM_E_INPUT, path, lineno, "",
                            "not a complete frontsim sweep journal header");
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
        st = fsim_error_set(err, FSIM_E_INPUT, path, lineno, "",
                            "damaged record in the middle of the journal");
      free(line);
      break;
    }
    *star = '\0';
    st = fsim_journal_add(out, strtol(line, NULL, 10), line, err);
    good_end = ftell(fp);
    free(line);
  }
  fclose(fp);
  if (st == FSIM_OK && lineno < FSIM_JOURNAL_HEADER_LINES)
    st = fsim_error_set(err, FSIM_E_INPUT, path, lineno, "", "the journal header is incomplete");
  if (st == FSIM_OK && repair && truncate(path, good_end) != 0)
    st = fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot cut the torn record: %s",
                        strerror(errno));
  if (st != FSIM_OK) fsim_journal_clear(out);
  return st;
}
