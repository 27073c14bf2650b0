/* The gnuplot templates of plots/, compiled into the library by
 * cmake/embed_templates.cmake (plot_templates_data.c in the build tree). */
#ifndef FRONTSIM_PLOT_TEMPLATES_H
#define FRONTSIM_PLOT_TEMPLATES_H

typedef struct fsim_plot_template {
  const char *name; /* file name without ".gp" */
  const char *text;
} fsim_plot_template;

extern const fsim_plot_template fsim_plot_templates[];
extern const int fsim_plot_ntemplates;

#endif
