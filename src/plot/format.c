/* The chart formats (png, svg, pdf) with their gnuplot terminals, and text as it
 * goes inside a gnuplot string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <unistd.h>

#include "fileio.h"
#include "plot_internal.h"

static const char *const extensions[] = {"png", "svg", "pdf"};

fsim_status fsim_plot_format_parse(const char *text, fsim_plot_format *out, fsim_error *err) {
  for (int f = 0; f < 3; f++)
    if (text && strcmp(text, extensions[f]) == 0) {
      *out = (fsim_plot_format)f;
      return FSIM_OK;
    }
  return fsim_error_set(err, FSIM_E_INPUT, "", 0, "--format",
                        "must be png, svg or pdf, got \"%.40s\"", text ? text : "");
}

const char *fsim_plot_format_extension(fsim_plot_format format) {
  return (unsigned)format < 3 ? extensions[format] : extensions[0];
}

/* Sizes and fonts per format. The fonts are scaled with the canvas so text has
 * the same share of the chart in every format: PNG and SVG are for screens and
 * slides, PDF is 8 in wide for a printed page (about 8 pt text at page width). */
const char *fsim_plot_terminal(fsim_plot_format format) {
  switch (format) {
    case FSIM_PLOT_SVG:
      return "svg size 1200,700 dynamic font 'Sans,11' fontscale 1.45 linewidth 1.4 "
             "noenhanced background rgb 'white'";
    case FSIM_PLOT_PDF:
      return "pdfcairo size 8in,4.67in font 'Sans,11' fontscale 0.62 linewidth 1 "
             "noenhanced";
    case FSIM_PLOT_PNG:
    default:
      return "pngcairo size 1200,700 font 'Sans,11' fontscale 1.45 linewidth 1.4 "
             "noenhanced background rgb 'white'";
  }
}

void fsim_plot_put_terminal(FILE *out, fsim_plot_format format, double taller) {
  const char *t = fsim_plot_terminal(format), *size = strstr(t, "size ");
  const char *comma = size ? strchr(size, ',') : NULL;
  if (!(taller > 1) || !comma) {
    fputs(t, out);
    return;
  }
  /* "size W,H..." with H scaled, its unit (in) kept. */
  char *end = NULL;
  const double h = strtod(comma + 1, &end);
  fprintf(out, "%.*s%.4g%s", (int)(comma + 1 - t), t, h * taller, end);
}

/* gnuplot's svg terminal titles every file "Gnuplot" (its `name` option takes an
 * identifier only), which is what a browser tab, a screen reader or a file
 * manager shows. The chart's own title replaces it, escaped for XML; the file
 * is rewritten under a temporary name and renamed, so it is never half-written. */
fsim_status fsim_plot_svg_title(const char *path, const char *title, fsim_error *err) {
  FILE *in = fopen(path, "rb");
  if (!in) return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot open: %s", strerror(errno));
  fseek(in, 0, SEEK_END);
  const long size = ftell(in);
  rewind(in);
  char *text = size > 0 ? malloc((size_t)size + 1) : NULL;
  const size_t n = text ? fread(text, 1, (size_t)size, in) : 0;
  fclose(in);
  if (!text || n != (size_t)size) {
    free(text);
    return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot read the SVG to title it");
  }
  text[n] = '\0';
  char *open_tag = strstr(text, "<title>"), *close_tag = open_tag ? strstr(open_tag, "</title>") : NULL;
  if (!close_tag) { /* not gnuplot's layout: left as it is */
    free(text);
    return FSIM_OK;
  }
  char tmp[FSIM_PATH_MAX + 8];
  snprintf(tmp, sizeof tmp, "%s.title", path);
  FILE *out = fopen(tmp, "wb");
  if (!out) {
    free(text);
    return fsim_error_set(err, FSIM_E_IO, tmp, 0, "", "cannot create: %s", strerror(errno));
  }
  fwrite(text, 1, (size_t)(open_tag - text) + 7, out);
  for (const char *p = title; *p; p++) {
    if (*p == '&') fputs("&amp;", out);
    else if (*p == '<') fputs("&lt;", out);
    else if (*p == '>') fputs("&gt;", out);
    else fputc(*p, out);
  }
  fputs(close_tag, out);
  free(text);
  const int bad = ferror(out) | (fflush(out) != 0) | (fsync(fileno(out)) != 0);
  if ((fclose(out) != 0) | bad || rename(tmp, path) != 0) {
    remove(tmp);
    return fsim_error_set(err, FSIM_E_IO, path, 0, "", "cannot write the SVG's title");
  }
  return FSIM_OK;
}

void fsim_plot_put_quoted(FILE *out, const char *text) {
  for (const char *p = text; *p; p++) {
    /* gnuplot's '' escape fails where a string opens with it or holds two in a row
       (a title 'Azov' brigade written so is a syntax error): close the string, join a
       quote in double quotes, reopen. Every field the templates fill is an expression. */
    if (*p == '\'')
      fputs("'.\"'\".'", out);
    else if ((unsigned char)*p < 0x20 || *p == 0x7f)
      fputc(' ', out);
    else
      fputc(*p, out);
  }
}

/* Reads up to `size` bytes at `offset` from the start (offset >= 0) or from the end
 * (offset < 0) of fp; returns how many. */
static size_t read_at(FILE *fp, long offset, char *buf, size_t size) {
  if (fseek(fp, offset, offset >= 0 ? SEEK_SET : SEEK_END) != 0) rewind(fp);
  return fread(buf, 1, size, fp);
}

static int contains(const char *buf, size_t n, const char *what) {
  const size_t k = strlen(what);
  for (size_t i = 0; i + k <= n; i++)
    if (memcmp(buf + i, what, k) == 0) return 1;
  return 0;
}

int fsim_plot_image_complete(const char *path, fsim_plot_format format) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return 0;
  fseek(fp, 0, SEEK_END);
  const long size = ftell(fp);
  char head[1024], tail[1024];
  const size_t nh = read_at(fp, 0, head, sizeof head);
  const long back = size < (long)sizeof tail ? size : (long)sizeof tail;
  const size_t nt = back > 0 ? read_at(fp, -back, tail, (size_t)back) : 0;
  fclose(fp);
  static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  static const unsigned char png_end[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};
  switch (format) {
    case FSIM_PLOT_PNG: /* the signature, and the IEND chunk last */
      return nh >= 8 && nt >= 12 && memcmp(head, png_sig, 8) == 0 &&
             memcmp(tail + nt - 12, png_end, 12) == 0;
    case FSIM_PLOT_PDF: /* the header, and the end-of-file marker near the end */
      return nh >= 5 && memcmp(head, "%PDF-", 5) == 0 && contains(tail, nt, "%%EOF");
    case FSIM_PLOT_SVG: /* an svg element, opened and closed */
      return contains(head, nh, "<svg") && contains(tail, nt, "</svg>");
  }
  return 0;
}

const char *fsim_plot_short(char *buf, size_t size, const char *text, size_t most) {
  const size_t len = strlen(text);
  if (most + 1 > size) most = size - 1;
  if (len <= most) {
    memcpy(buf, text, len + 1);
    return buf;
  }
  /* Cut at a space or comma near the end when there is one, else at a dot (within
   * a path: "sides..." of "sides.red.rules" reads as a word cut), never inside a
   * UTF-8 character, and say so with "...". */
  size_t cut = most - 3;
  while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
  static const char *const ends[] = {" ,", "."};
  for (int e = 0, found = 0; e < 2 && !found; e++)
    for (size_t k = cut; k > 0 && k + 24 > cut; k--)
      if (strchr(ends[e], text[k])) {
        cut = k;
        found = 1;
        break;
      }
  while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ' ')) cut--; /* "a,..." */
  memcpy(buf, text, cut);
  memcpy(buf + cut, "...", 4);
  return buf;
}

/* The shortest a part is asked to be, by kind: a name 24 characters; a list of
 * overrides as short as its own rule makes it (each keeps its value, three
 * characters of its key and what tells it from another: fsim_plot_overrides), so
 * that a sweep's longer fixed text with a long name and an override still fits
 * (it was asked 12, "intel...=0.3", and the line was 113 characters). */
static const size_t source_part_floor[] = {0, 24, 0};

/* Where the override after `p` starts: past ", " where a setting's path and "="
 * follow ("sides.red.intel_sigma=0.3"), so a value's own ", " ("[1, 2]") stays in
 * its item; NULL at the last. */
static const char *next_override(const char *p) {
  for (const char *c = strstr(p, ", "); c; c = strstr(c + 1, ", ")) {
    const char *q = c + 2;
    if (!isalpha((unsigned char)*q)) continue;
    while (isalnum((unsigned char)*q) || strchr("_.[]-", *q)) q++;
    if (*q == '=') return c;
  }
  return NULL;
}

/* Where the shortest end of an override's key that tells it from the others'
 * keys starts: its last part ("delay"), or as many parts before it as another key
 * with the same end needs ("red.intel_sigma" beside "blue.intel_sigma"), so that
 * two overrides shortened never read alike. */
static const char *distinct_end(const char *const *start, const size_t *len, int n, int i) {
  const char *eqs = memchr(start[i], '=', len[i]);
  if (!eqs) return start[i];
  const char *from = eqs;
  while (from > start[i] && from[-1] != '.') from--; /* the last part */
  for (;;) {
    const size_t tail = (size_t)(eqs - from);
    int alike = 0;
    for (int j = 0; j < n && !alike; j++) {
      const char *ej = j == i ? NULL : memchr(start[j], '=', len[j]);
      const size_t kj = ej ? (size_t)(ej - start[j]) : 0;
      /* Another key ending alike, at a part's start, and not the same key. */
      alike = ej && kj >= tail && memcmp(ej - tail, from, tail) == 0 &&
              (kj == tail || ej[-(long)tail - 1] == '.') &&
              !(kj == (size_t)(eqs - start[i]) && memcmp(start[j], start[i], kj) == 0);
    }
    if (!alike || from == start[i]) return from;
    from--; /* the '.' before it, then the part before that */
    while (from > start[i] && from[-1] != '.') from--;
  }
}

const char *fsim_plot_overrides(char *buf, size_t size, const char *list, size_t most) {
  if (most + 1 > size) most = size - 1;
  if (strlen(list) <= most) return memcpy(buf, list, strlen(list) + 1);
  const char *start[32], *from[32];
  size_t len[32], share[32];
  int n = 0;
  for (const char *p = list; p && n < 32; n++) {
    const char *end = next_override(p);
    start[n] = p;
    len[n] = end ? (size_t)(end - p) : strlen(p);
    p = end ? end + 2 : NULL;
  }
  /* Their paths' leading parts go first, but for those that tell two alike apart. */
  for (int i = 0; i < n; i++) from[i] = distinct_end(start, len, n, i);
  for (int i = 0; i < n; i++) {
    len[i] -= (size_t)(from[i] - start[i]);
    start[i] = from[i];
  }
  /* How many, where the line has room for it (the reader then knows none is lost). */
  char count[32];
  snprintf(count, sizeof count, "%d overrides: ", n);
  if (most < 4 * strlen(count)) count[0] = '\0';
  /* The room after the count and the ", " between items, shared equally; an item
   * shorter than its share leaves the rest to the others. */
  size_t room = most > strlen(count) + 2 * (size_t)(n - 1) ? most - strlen(count) - 2 * (size_t)(n - 1) : 0;
  int open = n, done[32] = {0};
  for (int changed = 1; changed && open > 0;) {
    changed = 0;
    for (int i = 0; i < n; i++)
      if (!done[i] && len[i] <= room / (size_t)open) {
        share[i] = len[i];
        room -= len[i];
        done[i] = 1;
        open--;
        changed = 1;
      }
  }
  size_t used = (size_t)snprintf(buf, size, "%s", count);
  /* Where one is cut, its key loses its end and keeps its value ("intel_s...=0.3"),
   * and the part that tells it from another ("red.int...=0.3", "blue.int...=0.2"):
   * the line is then longer than asked rather than two alike or a value lost. */
  for (int i = 0; i < n && used + 1 < size; i++) {
    char item[FSIM_CHART_TEXT], cut[2 * FSIM_CHART_TEXT];
    size_t l = len[i] < sizeof item ? len[i] : sizeof item - 1;
    memcpy(item, start[i], l);
    item[l] = '\0';
    size_t keep = done[i] ? share[i] : room / (size_t)open;
    const char *value = strchr(item, '='), *dot = strchr(item, '.');
    const size_t key = value ? (size_t)(value - item) : l;
    /* Three characters of its key, and of the part after its telling part. */
    const size_t least = value && dot && dot < value ? (size_t)(dot - item) + 4 : 3;
    if (l <= keep)
      snprintf(cut, sizeof cut, "%s", item);
    else if (value && key > least)
      snprintf(cut, sizeof cut, "%.*s...%s",
               (int)(keep > strlen(value) + 3 + least ? keep - strlen(value) - 3 : least), item,
               value);
    else
      fsim_plot_short(cut, sizeof cut, item, keep < 8 ? 8 : keep);
    used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", cut);
  }
  return buf;
}

/* A part shortened to at most `most` bytes by its kind's rule (fsim_source_part). */
static const char *shorten_part(char *buf, size_t size, const fsim_source_part *part,
                                size_t most) {
  static const char *(*const rule[])(char *, size_t, const char *, size_t) = {
      fsim_plot_short, fsim_plot_short, fsim_plot_overrides};
  return rule[part->shorten](buf, size, part->text, most);
}

int fsim_plot_label_parts(fsim_source_part *parts, char *head, size_t size, const char *label,
                          const char *scenario_file) {
  const char *list = next_override(label);
  size_t hl = list ? (size_t)(list - label) : strlen(label);
  if (hl >= size) hl = size - 1;
  memcpy(head, label, hl);
  head[hl] = '\0';
  int n = 0;
  parts[n++] = (fsim_source_part){head, 1};
  if (list) {
    parts[n++] = (fsim_source_part){", ", 0};
    parts[n++] = (fsim_source_part){list + 2, 2};
  }
  /* The file where it came from, unless the name is the file's: named twice, it
   * took the room the overrides need. */
  if (scenario_file) {
    const char *base = strrchr(scenario_file, '/') ? strrchr(scenario_file, '/') + 1 : scenario_file;
    size_t stem = strlen(base);
    if (stem > 4 && strcmp(base + stem - 4, ".cfg") == 0) stem -= 4;
    if (!(stem > 0 && stem == hl && strncmp(head, base, stem) == 0)) {
      parts[n++] = (fsim_source_part){" (", 0};
      parts[n++] = (fsim_source_part){scenario_file, 1};
      parts[n++] = (fsim_source_part){")", 0};
    }
  }
  return n;
}

const char *fsim_plot_source(char *out, size_t size, const fsim_source_part *parts, int n) {
  size_t most[FSIM_SOURCE_PARTS], asked[FSIM_SOURCE_PARTS], total = 0;
  int cut[FSIM_SOURCE_PARTS] = {0};
  if (n > FSIM_SOURCE_PARTS) n = FSIM_SOURCE_PARTS;
  for (int i = 0; i < n; i++) total += most[i] = strlen(parts[i].text);
  while (total > FSIM_SOURCE_CHARS) {
    int k = -1;
    for (int i = 0; i < n; i++)
      if (parts[i].shorten && !cut[i] && most[i] > source_part_floor[parts[i].shorten] &&
          (k < 0 || most[i] > most[k]))
        k = i;
    if (k < 0) break; /* as short as the parts may be: the style sets it smaller */
    size_t excess = total - FSIM_SOURCE_CHARS;
    const size_t floor = source_part_floor[parts[k].shorten];
    size_t keep = most[k] > excess + floor ? most[k] - excess : floor;
    char buf[FSIM_CHART_TEXT];
    /* Its length as cut (at a word's end, often shorter than asked). */
    size_t got = strlen(shorten_part(buf, sizeof buf, &parts[k], keep));
    total -= most[k] - got;
    most[k] = got;
    asked[k] = keep;
    cut[k] = 1;
  }
  size_t len = 0;
  out[0] = '\0';
  for (int i = 0; i < n && len + 1 < size; i++) {
    char buf[FSIM_CHART_TEXT];
    snprintf(out + len, size - len, "%s",
             cut[i] ? shorten_part(buf, sizeof buf, &parts[i], asked[i]) : parts[i].text);
    len += strlen(out + len);
  }
  return out;
}

/* A byte that joins a name to its neighbour as one word (a path, an id). */
static int joins(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-'; }

const char *fsim_plot_place(char *buf, size_t size, const char *name) {
  snprintf(buf, size, "%s", name);
  if (islower((unsigned char)buf[0])) buf[0] = (char)toupper((unsigned char)buf[0]);
  return buf;
}

void fsim_plot_places(char *t, const fsim_scenario *sc) {
  for (int s = 0; s < fsim_scenario_nsectors(sc); s++) {
    const char *name = fsim_scenario_sector_name(sc, s);
    size_t len = name ? strlen(name) : 0;
    char shown[FSIM_NAME_MAX];
    if (len == 0 || len >= sizeof shown ||
        strcmp(fsim_plot_place(shown, sizeof shown, name), name) == 0)
      continue;
    for (char *p = strstr(t, name); p; p = strstr(p + len, name))
      if ((p == t || !joins(p[-1])) && (!joins(p[len]) || (p[len] == '.' && !joins(p[len + 1]))))
        memcpy(p, shown, len);
  }
}

void fsim_plot_title_places(fsim_plot_run *run, const fsim_scenario *sc) {
  for (int i = 0; i < run->ncharts; i++) fsim_plot_places(run->charts[i].title, sc);
}

const char *fsim_plot_difference_unit(int unit, const char *suffix) {
  if (unit == FSIM_UNIT_DAY) return " (days)";
  if (unit == FSIM_UNIT_SHARE) return " (percentage points)";
  return suffix;
}
