/* The sweep journal: an append-only text file with a header describing the sweep
 * and one line per finished point, each ending in a checksum of its own text.
 * A line is only trusted when complete and its checksum matches, so a record torn
 * by a crash is detected and its point redone. */
#ifndef FRONTSIM_JOURNAL_H
#define FRONTSIM_JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#include "frontsim/error.h"

#define FSIM_JOURNAL_NAME "points.journal"

typedef struct fsim_journal_info {
  uint64_t setup;    /* hash of everything that determines the results */
  long npoints;
  int nparams;
  int method;        /* FSIM_SWEEP_* */
  int bootstrap;
  uint64_t seed;
  int shard_k, shard_n; /* --shard K/N; 0/0 none; -1/-1 unknown (an older journal) */
  char *params;      /* "path1;path2" */
  char *metrics;     /* "m1;m2" */
  char *columns;     /* the sweep.csv header line, without newline */
} fsim_journal_info;

typedef struct fsim_journal {
  fsim_journal_info info;
  long nrecords;
  long *point;       /* [nrecords] */
  char **record;     /* [nrecords] record text without checksum or newline */
  long cap;
  int torn_header;   /* the file ends inside its header: no record, start afresh */
} fsim_journal;

uint64_t fsim_fnv1a(uint64_t h, const char *data, size_t n);
#define FSIM_FNV_INIT 0xcbf29ce484222325ULL

/* Creates the journal with its header (fsynced). */
fsim_status fsim_journal_create(const char *path, const fsim_journal_info *info, FILE **out,
                                fsim_error *err);
/* Reads a journal; a torn or corrupt last line is cut off the file (when repair is
 * set) and left out. An exact repeat of a point's record is kept once. *out is
 * filled; free with fsim_journal_clear. A file that ends inside its header (a crash
 * or a full disk while it was written) is FSIM_OK with torn_header set and no
 * record. Damage (a bad line before the end, a record out of the design, two
 * different records of one point) is FSIM_E_IO; a missing file FSIM_E_INPUT. */
fsim_status fsim_journal_read(const char *path, int repair, fsim_journal *out, fsim_error *err);
/* Opens an existing journal for appending. */
fsim_status fsim_journal_open_append(const char *path, FILE **out, fsim_error *err);
/* Appends one record line and makes it durable (fflush + fsync). */
fsim_status fsim_journal_append(FILE *fp, const char *path, const char *record, fsim_error *err);
void fsim_journal_clear(fsim_journal *j);
void fsim_journal_info_clear(fsim_journal_info *info);
/* Adds a record to an in-memory journal (copies the text). */
fsim_status fsim_journal_add(fsim_journal *j, long point, const char *record, fsim_error *err);

#endif
