@HEADER@
#
# Stacked allocation: where one side's personnel are each day (each sector, the
# reserve, in transit between them). Means across replications, which add up to
# the mean total (medians would not).
set terminal @TERMINAL@
set output '@OUTPUT@'

chart_title = '@TITLE@'
chart_subtitle = '@SUBTITLE@'
chart_source = '@SOURCE@'
data = '@DATA@'
side = '@SIDE@'
sectors = '@SECTORS@'

@STYLE@

scale = 1000.0
set ylabel 'Personnel (thousands)'
set yrange [0:*]

# Layers from the bottom: the sectors in scenario order, the reserve, in transit.
nsectors = words(sectors)
nlayers = nsectors + 2
layer_column(i) = (i <= nsectors) ? side.'_at_'.word(sectors, i).'_mean' : \
                  (i == nsectors + 1) ? side.'_reserve_mean' : side.'_transit_mean'
layer_title(i) = (i <= nsectors) ? word(sectors, i) : \
                 (i == nsectors + 1) ? 'reserve' : 'in transit'
layer_colour(i) = (i <= nsectors) ? sector_colour(i) : \
                  (i == nsectors + 1) ? colour_reserve : colour_transit
below(i) = sum [j = 1:i - 1] column(layer_column(j)) / scale
above(i) = below(i) + column(layer_column(i)) / scale

plot for [i = 1:nlayers] data using 'date':(below(i)):(above(i)) \
       with filledcurves fs solid 0.9 noborder lc rgb layer_colour(i) title layer_title(i), \
     data using 'date':(column(side.'_personnel_mean') / scale) \
       with lines lw 1.5 lc rgb colour_ink title 'total'
