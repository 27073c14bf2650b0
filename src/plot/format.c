/* The chart formats (png, svg, pdf) with their gnuplot terminals, and text as it
 * goes inside a gnuplot string. */
#include <string.h>

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

void fsim_plot_put_quoted(FILE *out, const char *text) {
  for (const char *p = text; *p; p++) {
    if (*p == '\'')
      fputs("''", out);
    else if ((unsigned char)*p < 0x20 || *p == 0x7f)
      fputc(' ', out);
    else
      fputc(*p, out);
  }
}
