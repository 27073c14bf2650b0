# ---- Style shared by every frontsim chart (plots/style.gp) ----
# One look for all charts so they sit together in a report. Change a colour, a
# font or the layout here and re-run gnuplot.

# Palette: Okabe & Ito (2008), told apart with the common colour-vision
# deficiencies and in greyscale print by lightness.
oi_black = '#000000'; oi_orange = '#E69F00'; oi_sky = '#56B4E9'; oi_green = '#009E73'
oi_yellow = '#F0E442'; oi_blue = '#0072B2'; oi_vermillion = '#D55E00'; oi_purple = '#CC79A7'
# Each side keeps its colour in every chart.
side_colour(k) = (k eq 'blue') ? oi_blue : oi_vermillion
# Sectors take the colours the sides do not use; yellow comes last (faint on white).
sector_colours = oi_orange.' '.oi_green.' '.oi_purple.' '.oi_sky.' '.oi_black.' '.oi_yellow
sector_colour(i) = word(sector_colours, (i - 1) % words(sector_colours) + 1)
# The scenarios of a comparison, the base first (in black, the reference).
scenario_colours = oi_black.' '.oi_orange.' '.oi_sky.' '.oi_green.' '.oi_purple.' '.oi_vermillion.' '.oi_blue.' '.oi_yellow
scenario_colour(i) = word(scenario_colours, (i - 1) % words(scenario_colours) + 1)
# A sector's name as shown in legends and on marks, as in titles: capitalised
# ("Kursk"; frontsim lists each name and how it is shown, in the same order).
place_keys = '@PLACE_KEYS@'
place_names = '@PLACE_NAMES@'
place_at = 0
place(s) = (place_at = strstrt(' '.place_keys.' ', ' '.s.' ')) > 0 ? \
           word(place_names, words(place_keys[1:place_at])) : s
colour_reserve = '#8C8C8C'
colour_transit = '#D4D4D4'
colour_cut = oi_black
colour_cut_fill = '#BDBDBD'
colour_event = '#555555'
colour_ink = '#222222'
colour_muted = '#5A5A5A'
colour_grid = '#E2E2E2'
# Uncertainty bands under a median line: opacity of the 90% and the 50% band.
band90 = 0.16
band50 = 0.34
median_width = 2.5

# Layout, as fractions of the canvas: a header (title, subtitle, legend) above
# the plot, the source line below it. The left margin is gnuplot's own: it
# reserves room for the widest tick label and the y-axis title, so neither can
# be pushed off the canvas (a fixed margin lost the title to four-digit ticks).
# plot_left is where the legend starts.
# A chart with a taller legend sets chart_top before the style (the date marks
# hang from the plot's top).
plot_left = 0.085; plot_right = 0.975; plot_bottom = 0.12
plot_top = exists('chart_top') ? chart_top : 0.76
set lmargin
set rmargin at screen plot_right
set tmargin at screen plot_top
set bmargin at screen plot_bottom
# The title, subtitle and source line are measured against the canvas and set
# smaller where they would run past its right edge (a title cut mid-word). One em
# as a share of the canvas width per point of font size, for the terminals
# frontsim writes (their sizes and fontscales, src/plot/format.c): pngcairo
# 1200 px at 96 dpi, fontscale 1.45; pdfcairo 8 in (576 pt), 0.62, its fonts
# also drawn at 96/72 of their size (measured: pdftotext -bbox); svg 1200
# units, a point a unit, 1.45. A character is taken as 0.6 em, wider than the
# average of DejaVu Sans (bold 0.58, regular 0.55), so an estimate errs short.
em_share = (GPVAL_TERM eq 'pngcairo') ? 1.45 * 96 / 72 / 1200 : \
           (GPVAL_TERM eq 'pdfcairo') ? 0.62 * 96 / 72 / 576 : 1.45 / 1200
text_room = 1 - 2 * 0.012
fit_pt(text, pt) = strlen(text) * 0.6 * em_share * pt <= text_room ? pt : \
                   text_room / (strlen(text) * 0.6 * em_share)
# A y-axis title runs up the plot area: set smaller where it is longer than the
# plot area is high (plot_top - plot_bottom, as the chart has set them when it
# calls this). The canvas is 700/1200 as high as wide in every format.
canvas_aspect = 700.0 / 1200
fit_height(text, pt) = strlen(text) * 0.6 * em_share * pt / canvas_aspect <= plot_top - plot_bottom ? pt : \
                       (plot_top - plot_bottom) * canvas_aspect / (strlen(text) * 0.6 * em_share)
ylabel_font(text) = sprintf(',%.1f', fit_height(text, 11))
set label 101 chart_title at screen 0.012, screen 0.955 left \
    font sprintf('Sans Bold,%.1f', fit_pt(chart_title, 15)) tc rgb colour_ink
set label 102 chart_subtitle at screen 0.012, screen 0.900 left \
    font sprintf(',%.1f', fit_pt(chart_subtitle, 11)) tc rgb colour_muted
set label 103 chart_source at screen 0.012, screen 0.025 left \
    font sprintf(',%.1f', fit_pt(chart_source, 9)) tc rgb colour_muted
# The legend: two rows under the subtitle, as many columns as it needs.
set key at screen plot_left, screen 0.855 left top vertical maxrows 2 Left reverse \
    samplen 2.5 spacing 1.15 width 2 nobox font ',11' tc rgb colour_ink

# Axes: light horizontal grid behind the data, ticks outside, no frame on top
# or right.
set border 3 back lc rgb colour_ink lw 1
set tics nomirror out scale 0.6 tc rgb colour_ink font ',11'
set grid ytics back lt 1 lc rgb colour_grid lw 1 dt 1
set xlabel tc rgb colour_ink font ',11'
# gnuplot's svg terminal leaves less room left of the tick labels than SVG
# renderers need (rsvg), so there the y-axis title sits half a character further
# left (not more: it would reach the canvas edge).
set ylabel tc rgb colour_ink font ',11' offset (GPVAL_TERM eq 'svg' ? 0 : 0.5), 0
# It also reserves the tick labels' width from its own font metrics, narrower than
# rsvg draws them, so a title could touch a long label ('-18'): in svg a blank
# character before each label keeps the room (right-aligned, it is not drawn).
if (GPVAL_TERM eq 'svg') { set format y ' % h' }
set style fill solid noborder
# A little headroom, so a line at the top of the data does not merge with the
# frame or the top grid line (applies where the y range is automatic).
set offsets 0, 0, graph 0.04, 0

# Text: UTF-8 (km², names from the scenario), taken literally (noenhanced in
# the terminal, so '_' or '^' in a name is not markup).
set encoding utf8

# Data: the CSV files of the run or sweep, read by column name (gnuplot 5.4 or
# later).
set datafile separator comma
set datafile columnheaders

# Sequential colours for values (heat maps, lines for ordered parameter values):
# viridis (van der Walt & Smith, 2015), perceptually uniform, readable with the
# common colour-vision deficiencies and in greyscale. Its yellow end is faint on
# white, so lines use palette fractions up to line_palette_max only.
set palette defined (0 '#440154', 1 '#482878', 2 '#3E4989', 3 '#31688E', 4 '#26828E', \
    5 '#1F9E89', 6 '#35B779', 7 '#6DCD59', 8 '#B4DE2C', 9 '#FDE725')
line_palette_max = 0.85
# Sweep charts: a single series, and the two kinds of Sobol' index.
colour_sweep = '#31688E'
colour_first = oi_orange
colour_total = oi_sky

@SWEEP_STYLE@
@AXES@
# ---- End of style ----
