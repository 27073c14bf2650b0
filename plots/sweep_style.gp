# ---- Layout shared by the sweep charts (plots/sweep_style.gp, within the style) ----
# A legend of n entries, the longest of `chars` characters, in as many columns as
# fit in the canvas's width: gnuplot gives every column the longest entry's width
# (0.636 em a character, its digits' width, and 4.6 em besides, measured), each
# text starting 3.35 em in; a character drawn is taken as 0.58 em (DejaVu Sans
# averages 0.55). Its rows, key_rows(n, chars), more than two where they do not
# fit (a chart then starts its plot key_row lower for each row past two).
key_em = em_share * 11
key_fits(c, chars) = plot_left + (c - 1) * (chars * 0.636 + 4.6) * key_em + \
                     (3.35 + chars * 0.58) * key_em <= 1 - 0.012
key_columns(c, chars) = c <= 1 || key_fits(c, chars) ? c : key_columns(c - 1, chars)
key_rows(n, chars) = n <= 2 * key_columns(n, chars) ? 2 : int(ceil(n * 1.0 / key_columns(n, chars)))
key_row = 1.32 * key_em / canvas_aspect
# A y-axis title longer than the plot area is high (style.gp: fit_height) at a
# readable size: wrapped onto two lines at the space nearest its middle, each
# fitted, where it does not fit at 9 pt on one (a title of 65 characters was set
# at 6 pt). A chart that draws its title as a label gives its
# two lines room: ylabel_lines.
space_near(t, m, d) = d >= m ? 0 : t[m + d:m + d] eq ' ' ? m + d : \
                      t[m - d:m - d] eq ' ' ? m - d : space_near(t, m, d + 1)
ylabel_break(t) = fit_height(t, 11) >= 9 ? 0 : space_near(t, int(strlen(t) / 2), 0)
ylabel_at = 0
ylabel_text(t) = (ylabel_at = ylabel_break(t)) > 0 ? t[1:ylabel_at - 1]."\n".t[ylabel_at + 1:] : t
ylabel_lines(t) = ylabel_break(t) > 0 ? 2 : 1
ylabel_longer(t) = (ylabel_at = ylabel_break(t)) <= 0 ? t : \
                   ylabel_at - 1 > strlen(t) - ylabel_at ? t[1:ylabel_at - 1] : t[ylabel_at + 1:]
ylabel_wrap_font(t) = sprintf(',%.1f', fit_height(ylabel_longer(t), 11))
# The same for a title across a room (a share of the canvas's width, e.g. a narrow
# panel's x-axis title): its break (0: none), its lines and its font.
wrap_at = 0
wrap_break(t, room) = strlen(t) * 0.6 * em_share * 9 <= room ? 0 : space_near(t, int(strlen(t) / 2), 0)
wrap_text(t, room) = (wrap_at = wrap_break(t, room)) > 0 ? t[1:wrap_at - 1]."\n".t[wrap_at + 1:] : t
wrap_longer(t, room) = (wrap_at = wrap_break(t, room)) <= 0 ? t : \
                       wrap_at - 1 > strlen(t) - wrap_at ? t[1:wrap_at - 1] : t[wrap_at + 1:]
wrap_font(t, room) = sprintf(',%.1f', strlen(wrap_longer(t, room)) * 0.6 * em_share * 11 <= room ? 11 : \
                     room / (strlen(wrap_longer(t, room)) * 0.6 * em_share))
