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
# The sectors drawn as layers: all of them, or with many sectors the side's largest
# at the start, the others (their number below) stacked as one layer.
sectors = '@LAYER_SECTORS@'
others = @OTHER_SECTORS@

@STYLE@

scale = 1000.0
set ylabel 'Personnel (thousands)'
set yrange [0:*]

# Layers from the bottom: the sectors in scenario order, the other sectors (if
# any), the reserve, in transit.
nsectors = words(sectors)
nlayers = nsectors + (others > 0) + 2
is_others(i) = others > 0 && i == nsectors + 1
layer_column(i) = (i <= nsectors) ? side.'_at_'.word(sectors, i).'_mean' : \
                  (i == nlayers - 1) ? side.'_reserve_mean' : side.'_transit_mean'
layer_title(i) = (i <= nsectors) ? place(word(sectors, i)) : \
                 is_others(i) ? sprintf('%d others', others) : \
                 (i == nlayers - 1) ? 'reserve' : 'in transit'
layer_colour(i) = (i <= nsectors) ? sector_colour(i) : is_others(i) ? colour_muted : \
                  (i == nlayers - 1) ? colour_reserve : colour_transit
# The other sectors: the total less the layers drawn.
others_value(x) = column(side.'_personnel_mean') - column(side.'_reserve_mean') - \
                  column(side.'_transit_mean') - sum [j = 1:nsectors] column(layer_column(j))
layer_value(i) = is_others(i) ? others_value(0) : column(layer_column(i))
below(i) = sum [j = 1:i - 1] layer_value(j) / scale
above(i) = below(i) + layer_value(i) / scale

plot for [i = 1:nlayers] data using 'date':(below(i)):(above(i)) \
       with filledcurves fs solid 0.9 noborder lc rgb layer_colour(i) title layer_title(i), \
     data using 'date':(column(side.'_personnel_mean') / scale) \
       with lines lw 1.5 lc rgb colour_ink title 'total'
