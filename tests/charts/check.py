#!/usr/bin/env python3
"""check.py DIR...: what can be checked mechanically in the charts of a run,
sweep or comparison directory (DIR/charts/, drawn in png, svg and pdf):
  - (legible.py) legend entries whole, titles and names at 9 pt or more, and a
    box's restrictions drawn, as listed below;
  - no text cut by the canvas: a blank strip along every edge of each PNG, of
    each PDF page as pdftoppm renders it and, where rsvg-convert is installed,
    of each SVG as it renders it (edges.py);
  - each SVG titled with its chart's title, not gnuplot's "Gnuplot";
  - no metric charted that is constant over a sweep (its means in sweep.csv);
  - no confidence interval drawn past the bounds of its metric: each effect
    chart's script is re-run with its interval plot style replaced by gnuplot's
    `table` style, which prints the values drawn, and each low/high is checked
    against the script's `lower`/`upper`;
  - each interval's cap clear of the foot of the y axis (grid effect charts);
  - each y-axis title clear of other ink and within the plot area's height;
  - Sobol' indices and intervals drawn within 0..1, with a note where the
    estimates go past it and a warning where an interval is wider than 0.25;
  - the point labels of each Morris chart clear of each other and within the
    canvas (the boxes the script placed them in, as it measures text);
  - each restriction of a discovery's box drawn (one to one value as a mark),
    its parameters named as the sweep charts name them, not by their paths;
  - each y-axis title at 9 pt at least in the PNG and the PDF (a long one on
    two lines);
  - every legend entry (as the SVG has them) read whole within the PDF page
    and within the PNG's canvas (its script re-drawn as a PDF of its size);
  - the names of the marks on a run chart's date axis (event days, a held
    area reaching 0) clear of each other, of the other marks' lines and of the
    data (above the highest value drawn), within the plot's width.
Prints each fault and exits 1 if there is any."""
import calendar
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import edges  # noqa: E402
from legible import (box_rows, check_legends, check_restrictions,  # noqa: E402
                     check_title_sizes, output_to, run_script)

GNUPLOT = os.environ.get('FRONTSIM_GNUPLOT', 'gnuplot')
faults = []
# Units (the end of an axis title) whose values have bounds, as shown.
BOUNDS = [('(km²)', (0, 1e300)), ('(persons)', (0, 1e300)), ('(thousands of persons)', (0, 1e300)),
          ('(% of replications)', (0, 100)), ('(days)', (0, 1e300)),
          ('(day of the run)', (0, 1e300)), ('(0 to 1)', (0, 1))]


def chart_title(script):
    m = re.search(r"^chart_title = '(.*)'$", open(script, encoding='utf-8').read(), re.M)
    return m.group(1) if m else None


def check_images(charts, tmp):
    for name in sorted(os.listdir(charts)):
        path = os.path.join(charts, name)
        stem, ext = os.path.splitext(name)
        if ext == '.png':
            where = edges.inked(path)
            if where:
                faults.append('%s: ink on the canvas edge (text cut off?): %s' % (path, '; '.join(where)))
        elif ext == '.pdf':
            out = os.path.join(tmp, stem)
            subprocess.run(['pdftoppm', '-r', '40', '-singlefile', path, out], check=True)
            where = edges.inked(out + '.ppm')
            if where:
                faults.append('%s: ink on the page edge (text cut off?): %s' % (path, '; '.join(where)))
        elif ext == '.svg':
            if shutil.which('rsvg-convert'):  # drawn as a browser would, where rsvg is installed
                out = os.path.join(tmp, stem + '.svg.png')
                subprocess.run(['rsvg-convert', '-b', 'white', path, '-o', out], check=True)
                where = edges.inked(out)
                if where:
                    faults.append('%s: ink on the canvas edge as rsvg draws it: %s' % (path, '; '.join(where)))
            text = open(path, encoding='utf-8').read()
            m = re.search(r'<title>([^<]*)</title>', text)
            want = chart_title(os.path.join(charts, stem + '.gp'))
            got = m.group(1).replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>') if m else None
            if got != want:
                faults.append('%s: titled %r, expected the chart title %r' % (path, got, want))


def sector_names(d):
    """A run's sectors (series/<s>.csv), or a comparison's base's."""
    for series in (os.path.join(d, 'series'), os.path.join(d, 'a', 'series')):
        if os.path.isdir(series):
            return [f[:-4] for f in os.listdir(series) if f.endswith('.csv') and f != 'sides.csv']
    return []


def check_places(d, charts):
    """No lower-case sector name shown as a word in an SVG's text: within a
    name or path ('kursk-pokrovsk', 'kursk.route_cut') it stays as written."""
    names = [n for n in sector_names(d) if n[:1].islower()]
    for name in sorted(os.listdir(charts)) if names else []:
        if not name.endswith('.svg'):
            continue
        shown = svg_texts(os.path.join(charts, name))
        for n in names:
            word = re.compile(r'(?<![\w.-])%s(?![\w-])(?!\.\w)' % re.escape(n))
            bad = [t.strip() for t in shown if word.search(t)]
            if bad:
                faults.append('%s: %r shown in lower case: %r' % (name, n, bad[0]))


def svg_texts(path):
    text = open(path, encoding='utf-8').read()
    return [re.sub(r'<[^>]*>', '', t) for t in re.findall(r'<text[^>]*>(.*?)</text>', text, re.S)]


def check_param_names(d, charts):
    """A parameter's key with an underscore ('daily_cap', the end of its path)
    shown as a word of an SVG's text, not within its path; a discovery's box
    chart naming a parameter by its path where its end names it alone."""
    table = os.path.join(d, 'sweep.csv')
    box = box_rows(d)
    if box:
        paths = [r['parameter'] for r in box]
        ends = [p.rsplit('.', 1)[-1] for p in paths]
        shown = [t.strip() for t in svg_texts(os.path.join(charts, 'box.svg'))] \
            if os.path.exists(os.path.join(charts, 'box.svg')) else []
        for p, e in zip(paths, ends):
            if ends.count(e) == 1 and p in shown:
                faults.append('box.svg: parameter %s named by its path' % p)
    if not os.path.exists(table) and not box:
        return
    if box:
        keys = {p.rsplit('.', 1)[-1] for p in paths}
    else:
        header = open(table, encoding='utf-8').readline().strip().split(',')
        keys = {c.rsplit('.', 1)[-1] for c in header[1:header.index('replications')]}
    keys = [k for k in sorted(keys) if '_' in k]
    for name in sorted(os.listdir(charts)) if keys else []:
        if not name.endswith('.svg'):
            continue
        shown = svg_texts(os.path.join(charts, name))
        for k in keys:
            word = re.compile(r'(?<![\w.\]-])%s(?!\w)' % re.escape(k), re.I)
            bad = [t.strip() for t in shown if word.search(t)]
            if bad:
                faults.append('%s: parameter %s named by its key: %r' % (name, k, bad[0]))


def check_axis_titles(charts):
    """A parameter's name begins with a capital where it begins a text (an axis
    title, a bar's or a point's name, a legend entry): never the label as written
    ('daily cap')."""
    for name in sorted(os.listdir(charts)):
        if not name.endswith('.svg'):
            continue
        script = os.path.join(charts, name[:-4] + '.gp')
        if not os.path.exists(script):
            continue
        m = re.search(r"^param_labels = '(.*)'$", open(script, encoding='utf-8').read(), re.M)
        if not m:
            continue
        labels = [w for w in re.findall(r'"([^"]*)"|(\S+)', m.group(1))]
        labels = [a or b for a, b in labels]
        lower = {l for l in labels if l[:1].islower() and not re.search(r'[.\[]', l)}
        shown = {t.strip() for t in svg_texts(os.path.join(charts, name))}
        for l in sorted(lower & shown):
            faults.append('%s: parameter name %r shown without its capital' % (name, l))


def check_sources(d, charts, tmp):
    """Each script's source line measured by its own style (em_share, fit_pt)
    as the PNG terminal sets it, the narrowest canvas: it must keep its 9 pt,
    shortened rather than set smaller (a long label shrank the whole line), a
    sweep's as well (its fixed text once took more than the canvas's width)."""
    names = sorted(n for n in os.listdir(charts) if n.endswith('.gp'))
    prog = ["set terminal pngcairo size 1200,700 font 'Sans,11' fontscale 1.45",
            "set output '%s'" % os.path.join(tmp, 'sources.png'), "set print '-'"]
    for name in names:
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        source = re.search(r"^chart_source = .*$", text, re.M)
        style = re.search(r"^em_share = .*?\n(?:\s+.*\n)*text_room = .*\nfit_pt\(.*\\\n.*\n",
                          text, re.M)
        if not (source and style):
            continue
        # A part shortened to a word or two ("; condition pokrovsk…") says nothing.
        cut = re.search(r"(?:^|[;,] )([^;,]*)…", source.group(0))
        if cut and len(cut.group(1).split()) < 3:
            faults.append('%s: a part of its source line cut to %r' % (name, cut.group(1) + '…'))
        prog += [source.group(0), style.group(0),
                 "print sprintf('%%s %%g', '%s', fit_pt(chart_source, 9))" % name]
    if len(prog) == 3:
        return
    script = os.path.join(tmp, 'sources.gp')
    open(script, 'w', encoding='utf-8').write('\n'.join(prog) + '\n')
    run = subprocess.run([GNUPLOT, script], capture_output=True, text=True)
    if run.returncode != 0:
        faults.append('%s: the source lines could not be measured: %s' % (charts, run.stderr[-300:]))
        return
    for line in run.stdout.splitlines():
        name, pt = line.rsplit(' ', 1)
        if float(pt) < 9:
            faults.append('%s: its source line set at %s pt, not 9: shorten it' % (name, pt))


def check_overrides(d, charts):
    """Every override of a what-if (its label in frontsim.meta: the name, then
    ", path=value" for each) shown on each source line with its value: the line
    named only the first before; and a comparison's, every scenario's (a/, b/...:
    the line named only the base's label before)."""
    metas = [os.path.join(d, c, 'frontsim.meta') for c in 'abcdefgh']
    metas = [m for m in metas if os.path.exists(m)] or [os.path.join(d, 'frontsim.meta')]
    items = []
    for meta in metas if os.path.exists(metas[0]) else []:
        label = re.search(r'^label=(.*)$', open(meta, encoding='utf-8').read(), re.M)
        items += re.split(r', (?=[A-Za-z][\w.\[\]-]*=)', label.group(1) if label else '')[1:]
    for name in sorted(n for n in os.listdir(charts) if n.endswith('.gp')):
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        source = re.search(r"^chart_source = '(.*)'$", text, re.M)
        for item in items if source else []:
            value = item[item.index('='):]
            if value not in source.group(1):
                faults.append('%s: override %s not on its source line: %r'
                              % (name, item, source.group(1)))


def check_sweep_files(paths):
    """Each parameter block ('{ path = ...' to its closing brace) of each sweep
    file must set a label and a unit, or name levels."""
    for path in paths:
        text = open(path, encoding='utf-8').read()
        for m in re.finditer(r'\{\s*path\s*=', text):
            depth, i = 0, m.start()
            while True:
                depth += {'{': 1, '}': -1}.get(text[i], 0)
                if depth == 0:
                    break
                i += 1
            block = text[m.start():i + 1]
            key = re.search(r'path\s*=\s*\[?\s*"([^"]*)"', block).group(1)
            if not re.search(r'\blabel\s*=', block):
                faults.append('%s: parameter %s has no label' % (path, key))
            if not re.search(r'\b(unit|levels)\s*=', block):
                faults.append('%s: parameter %s has no unit' % (path, key))


def check_constant(d, charts):
    table = os.path.join(d, 'sweep.csv')
    if not os.path.exists(table):
        return
    rows = list(csv.DictReader(open(table, encoding='utf-8')))
    for name in os.listdir(charts):
        m = re.match(r'(effect|heatmap|paired)_(.*)\.gp$', name)
        if not m:
            continue
        means = {r[m.group(2) + '_mean'] for r in rows if r[m.group(2) + '_mean'] not in ('', 'nan', 'NaN')}
        if len(means) <= 1:
            faults.append('%s: charts %s, constant over the sweep (%s)' % (name, m.group(2), means))


def check_intervals(charts, tmp):
    for name in sorted(os.listdir(charts)):
        if not (name.startswith('effect_') and name.endswith('.gp')):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        # The bounds from the unit in the axis title, as a reader knows them (not
        # from the script, whose clipping is what is being checked).
        label = re.search(r"^value_label = '(.*)'$", text, re.M).group(1)
        lower, upper = next((b for u, b in BOUNDS if label.endswith(u)), (-1e300, 1e300))
        table = os.path.join(tmp, name + '.txt')
        text = re.sub(r"^set output .*$", "set output '/dev/null'\nset table '%s'" % table, text,
                      count=1, flags=re.M)
        # A first pass into a table of its own (the room below the intervals)
        # ends with `unset table`: the chart drawn after it is the one printed.
        text = text.replace('\nunset table\n', "\nset table '%s'\n" % table)
        text = text.replace('set style data yerrorlines', 'set style data table')
        text = text.replace('set style data yerrorbars', 'set style data table')
        # The legend's sample of an interval (a keyentry over two lines) is dropped.
        text = re.sub(r',\s*\\\n\s*keyentry with yerrorbars[^\n]*\\\n[^\n]*', '', text)
        text = re.sub(r'with yerrorbars [^,\\]*', 'with table ', text)
        if run_script(charts, tmp, name, text, faults, name,
                      'the interval check could not run it') is None:
            continue
        n = 0
        for line in open(table, encoding='utf-8'):
            f = line.split()
            if len(f) != 4 or line.startswith('#'):
                continue
            lo, hi = float(f[2]), float(f[3])
            n += 1
            if lo < lower - 1e-9 or hi > upper + 1e-9:
                faults.append('%s: interval [%g, %g] past the bounds [%g, %g]' % (name, lo, hi, lower, upper))
                break
        if n == 0:
            faults.append('%s: no interval found to check' % name)


def check_caps(charts, tmp):
    """Each chart whose intervals have caps (the grid's effect charts) is drawn
    again and its lowest interval end must lie above the foot of its y axis by at
    least 1% of the axis: a cap on the axis line merged with it."""
    for name in sorted(os.listdir(charts)):
        if not name.endswith('.gp'):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        if 'set style data yerrorlines' not in text:
            continue
        out = os.path.join(tmp, name + '.caps')
        t = output_to(text, out)
        t += "\nset print '-'\nprint sprintf('%.17g %.17g %.17g', GPVAL_Y_MIN, GPVAL_Y_MAX, GPVAL_DATA_Y_MIN)\n"
        printed = run_script(charts, tmp, name + '.caps.gp', t, faults, name,
                             'the cap check could not run it')
        if printed is None:
            continue
        y_min, y_max, low = (float(v) for v in printed.split()[-3:])
        if low - y_min < 0.01 * (y_max - y_min):
            faults.append('%s: an interval cap on the axis line (lowest end %g, axis from %g)'
                          % (name, low, y_min))


def sobol_rows(d, metric):
    path = os.path.join(d, 'sensitivity.csv')
    return [r for r in csv.DictReader(open(path, encoding='utf-8')) if r['metric'] == metric]


def check_sobol(d, charts, tmp):
    """A Sobol' chart draws its indices and intervals within 0..1 (the noise line
    may go further), notes where estimates were past them, and warns where an
    interval is wider than 0.25 (the rule of src/output/formats.h)."""
    for name in sorted(os.listdir(charts)):
        if not (name.startswith('sensitivity_') and name.endswith('.gp')):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        var = lambda v: re.search(r"^%s = '(.*)'$" % v, text, re.M).group(1)
        rows = sobol_rows(d, var('metric'))
        nums = lambda cols: [float(r[c]) for r in rows for c in cols if r[c] not in ('', 'nan')]
        values = nums(['first', 'first_ci95_low', 'first_ci95_high', 'total', 'total_ci95_low',
                       'total_ci95_high'])
        widths = [h - l for l, h in zip(nums(['first_ci95_low', 'total_ci95_low']),
                                        nums(['first_ci95_high', 'total_ci95_high']))]
        outside = any(v < 0 or v > 1 for v in values)
        if outside != (var('chart_note') != ''):
            faults.append('%s: estimates from %g to %g, note %r' % (name, min(values), max(values),
                                                                   var('chart_note')))
        if (max(widths) > 0.25) != (var('chart_warning') != ''):
            faults.append('%s: intervals up to %g wide, warning %r' % (name, max(widths),
                                                                      var('chart_warning')))
        noise = float(re.search(r'^noise_share = (\S*)$', text, re.M).group(1))
        xmax = max(1.0, noise if noise == noise and noise <= 1.5 else 1.0)
        table = os.path.join(tmp, name + '.txt')
        text = re.sub(r"^set output .*$", "set output '/dev/null'\nset table '%s'" % table, text,
                      count=1, flags=re.M)
        # The arrows marking a cut value and the legend's samples are not values.
        text = re.sub(r',\s*\\\n\s*for \[k in [^\n]*for \[end[^\n]*\\\n[^\n]*\\\n[^\n]*', '', text)
        text = re.sub(r',\s*\\\n\s*keyentry[^\n]*', '', text)
        text = re.sub(r'with (boxxyerror|xerrorbars) [^,\\]*', 'with table ', text)
        if run_script(charts, tmp, name, text, faults, name,
                      'the index check could not run it') is None:
            continue
        n = 0
        for line in open(table, encoding='utf-8'):
            f = [float(x) for x in line.split()] if not line.startswith('#') else []
            if len(f) != 4 or f[0] != f[0] or f[1] != f[1]:
                continue
            n += 1
            # A bar: centre, position, half length, half height; an interval:
            # estimate, position, low, high.
            ends = [f[0] - f[2], f[0] + f[2]] if f[3] == 0.17 else [f[0], f[2], f[3]]
            if min(ends) < -1e-9 or max(ends) > xmax + 1e-9:
                faults.append('%s: index drawn at %s, past 0..%g' % (name, ends, xmax))
                break
        if n == 0:
            faults.append('%s: no index found to check' % name)


def raster(image, tmp, stem):
    """The left part of a chart's PDF (pdftoppm) or SVG (as rsvg draws it, which
    places text unlike its own PDF output), where the y-axis titles are."""
    if image.endswith('.svg'):
        out = os.path.join(tmp, stem + '.png')
        subprocess.run(['rsvg-convert', '-b', 'white', image, '-o', out], check=True)
        return edges.read_png(out, share=0.3)
    subprocess.run(['pdftoppm', '-r', '100', '-singlefile', image, os.path.join(tmp, stem)],
                   check=True)
    w, h, bpp, rows = edges.read_ppm(os.path.join(tmp, stem + '.ppm'))
    w = int(w * 0.3)
    return w, h, bpp, [row[:w * bpp] for row in rows]


def check_titles(charts, tmp):
    """The y-axis titles of each chart (gnuplot's ylabel, or label 106 where one
    title serves several panels) are found as the ink that changes when they are
    drawn in white, and each must (1) touch no other ink (a tick label, a level
    name, the legend) and (2) lie within the height of the plot area (between the
    script's plot_bottom and plot_top), not run into a title of the next row of
    panels or into the legend. The scripts in charts/ are of the last format
    drawn: svg or pdf (png draws as pdf does, with cairo)."""
    for name in sorted(os.listdir(charts)):
        if not name.endswith('.gp'):
            continue
        stem = name[:-3]
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        term = re.search(r'^set terminal (\w+)', text, re.M).group(1)
        if term not in ('pdfcairo', 'svg') or (term == 'svg' and not shutil.which('rsvg-convert')):
            continue
        ext = 'pdf' if term == 'pdfcairo' else 'svg'
        images = []
        for white in (0, 1):
            out = os.path.join(tmp, '%s.%d.%s' % (stem, white, ext))
            t = output_to(text, out)
            if white:
                t = re.sub(r'^(\s*)(plot|splot) ', r"\1set ylabel tc rgb '#FFFFFF'; "
                           r"set label 106 tc rgb '#FFFFFF'\n\1\2 ", t, flags=re.M)
                t += "\nset print '-'\nprint sprintf('%g %g', plot_top, plot_bottom)\n"
            printed = run_script(charts, tmp, '%s.%d.gp' % (stem, white), t, faults, name,
                                 'the title check could not run it')
            if printed is None:
                break
            images.append(raster(out, tmp, '%s.%d' % (stem, white)))
        if len(images) < 2:
            continue
        top, bottom = (float(v) for v in printed.split()[-2:])
        (w, h, bpp, a), (_, _, _, b) = images
        dark = lambda row, x: min(row[x * bpp:x * bpp + 3]) < 200
        title = [(x, y) for y in range(h) if a[y] != b[y]
                 for x in range(w) if a[y][x * bpp:x * bpp + 3] != b[y][x * bpp:x * bpp + 3]
                 and dark(a[y], x)]
        if not title:
            continue
        # Clear by about a character (8 px on a 1200-px canvas: its text is 16 px).
        r = max(3, round(w / 0.3 / 150))
        steps = range(-r, r + 1, max(1, r // 3))
        touch = [(x, y) for x, y in title
                 if any(0 <= y + j < h and 0 <= x + i < w and dark(b[y + j], x + i)
                        for i in steps for j in steps)]
        if len(touch) >= 3:
            faults.append('%s.%s: its y-axis title touches other ink at %d pixels, e.g. %s'
                          % (stem, ext, len(touch), touch[0]))
        y_lo, y_hi = min(y for _, y in title), max(y for _, y in title)
        band = (h * (1 - top) - 2, h * (1 - bottom) + 2)
        if y_lo < band[0] or y_hi > band[1]:
            faults.append('%s.%s: its y-axis title runs from %d to %d px, past the plot area '
                          '(%d to %d px)' % (stem, ext, y_lo, y_hi, band[0], band[1]))


def check_labels(charts, tmp):
    """Each Morris chart's script is re-run to print the box (canvas fractions)
    of each parameter's label: no two may overlap (labels written over each other
    near the origin) and each must lie within the canvas (a label past the right
    edge)."""
    for name in sorted(os.listdir(charts)):
        if not (name.startswith('morris_') and name.endswith('.gp')):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        out = os.path.join(tmp, name + '.out')
        t = output_to(text, out)
        t += ("\nset print '-'\ndo for [i = 1:nl] { print sprintf('%g %g %g %g', "
              "bl_[i], br_[i], bb_[i], bt_[i]) }\n")
        printed = run_script(charts, tmp, name, t, faults, name, 'its labels are not placed')
        if printed is None:
            continue
        boxes = [tuple(float(v) for v in line.split()) for line in printed.splitlines()]
        for i, (l, r, b, t_) in enumerate(boxes):
            if l < 0 or r > 1 or b < 0 or t_ > 1:
                faults.append('%s: label %d runs past the canvas (%.3f..%.3f)' % (name, i + 1, l, r))
            for j, (l2, r2, b2, t2) in enumerate(boxes[:i]):
                if l < r2 - 1e-6 and r > l2 + 1e-6 and b < t2 - 1e-6 and t_ > b2 + 1e-6:
                    faults.append('%s: labels %d and %d overlap' % (name, j + 1, i + 1))


def zero_days(d):
    """{sector: [the day its median held area first reached 0, or None, per
    scenario]}: a run's one series (series/<s>.csv), a comparison's each
    (a/series/, b/series/...); the day as gnuplot dates it, seconds since 1970."""
    arms = [os.path.join(d, 'series')] if os.path.isdir(os.path.join(d, 'series')) else \
        [os.path.join(d, c, 'series') for c in 'abcdefgh' if os.path.isdir(os.path.join(d, c, 'series'))]
    found = {}
    for k, series in enumerate(arms):
        for f in sorted(os.listdir(series)):
            rows = list(csv.DictReader(open(os.path.join(series, f), encoding='utf-8')))
            if not rows or 'held_area_km2_p50' not in rows[0]:
                continue
            day = next((calendar.timegm(time.strptime(r['date'], '%Y-%m-%d')) for r in rows
                        if float(r['held_area_km2_p50']) <= 0), None)
            found.setdefault(f[:-4], [None] * len(arms))[k] = day
    return {s: days for s, days in found.items() if any(t is not None for t in days)}


def check_marks(d, charts, tmp):
    """Each run chart's script is re-run to print where gnuplot put its plot area
    and its marks (plots/dates.gp: each mark's date, side of its line, row and
    name's length). Each name's box is found from them, as wide as the style
    measures text (0.6 em a character) and a font size high, and must overlap
    no other name, cross no other mark's line, lie within the plot's width and
    above the highest value drawn (the last panel's, for a chart of one panel).
    A mark's line ends at its name (mk_top), so a name crosses only the lines
    that reach its foot. The day a sector's median held area reached
    0 must be marked, on that day, on each chart of that sector (its name's end)
    and on those of every sector (allocation, engagements); on a comparison's,
    once where every scenario reaches it that day, else once per day a scenario
    reaches it, its name saying which."""
    days = zero_days(d)
    zero = set(days)
    for name in sorted(os.listdir(charts)):
        if not name.endswith('.gp'):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        if re.search(r'set style textbox[^\n]* opaque', text) and \
                re.search(r'set label [^\n]* boxed', text):
            faults.append('%s: text in an opaque box, which hides the data under it' % name)
        if 'mk_n = 0' not in text:
            continue
        stem = name[:-3]
        # A comparison's allocation charts are each of one sector.
        every = stem.startswith(('allocation_', 'engagements')) and \
            not os.path.isdir(os.path.join(d, 'a'))
        want = zero if every else {s for s in zero if stem.endswith('_' + s)}
        if "held_sectors = ''" in text and not re.search(r'^event_dates = ', text, re.M):
            for s in sorted(want):  # no marks: none placed, and none there
                faults.append('%s: no mark of the day the %s held area reached 0' % (name, s))
            continue
        out = os.path.join(tmp, name + '.out')
        t = output_to(text, out)
        t += ("\nset print '-'\nprint sprintf('%.17g %.17g %g %g %g %g %g %g %g %g %g %g %g %g', "
              "GPVAL_X_MIN, GPVAL_X_MAX, GPVAL_TERM_XMIN, GPVAL_TERM_XMAX, GPVAL_TERM_XSIZE / GPVAL_TERM_SCALE, "
              "GPVAL_Y_MIN, GPVAL_Y_MAX, GPVAL_TERM_YMIN, GPVAL_TERM_YMAX, "
              "GPVAL_TERM_YSIZE / GPVAL_TERM_SCALE, "
              "GPVAL_DATA_Y_MAX, em_share, canvas_aspect, plot_top)\n")
        # Where its line ends: at its name (mk_top), or, drawn the old way, the plot's top.
        t += ("do for [i = 1:mk_n] { print sprintf('%%.17g %%d %%d %%g %%d %%s', mk_t[i], mk_side[i], "
              "mk_row[i], %s, strlen(mk_text[i]), mk_text[i]) }\n"
              % ('mk_top(i)' if re.search(r'^mk_top\(i\) = ', text, re.M) else 'plot_top'))
        printed = run_script(charts, tmp, name, t, faults, name, 'its marks are not placed')
        if printed is None:
            continue
        lines = printed.splitlines()
        (x_min, x_max, tx0, tx1, txs, y_min, y_max, ty0, ty1, tys, data_top,
         em, aspect, top) = (float(v) for v in lines[0].split())
        sx = lambda t: (tx0 + (t - x_min) / (x_max - x_min) * (tx1 - tx0)) / txs
        char, high = 0.6 * em * 10, 10 * em / aspect
        boxes = []
        for line in lines[1:]:
            f = line.split(None, 5)
            t, side, row, line_top, n, label = (float(f[0]), int(f[1]), int(f[2]), float(f[3]),
                                                int(f[4]), f[5])
            # The name starts a little way from its line (at least a third of a
            # character: the script's gap, scaled by the plot's true width).
            x = sx(t)
            lo = x + 0.3 * char if side > 0 else x - 0.3 * char - n * char
            y = top - (row - 0.45) * 1.3 * high
            boxes.append((lo, lo + n * char, y - high / 2, y + high / 2, label, x, line_top, t))
        for s in sorted(want):
            reached = sorted({t for t in days[s] if t is not None})
            same = len(set(days[s])) == 1
            marks = [b for b in boxes if b[4].lower().startswith(s.lower() + ' area 0 (median')]
            shown = sorted(round(b[7]) for b in marks)
            if not marks:
                faults.append('%s: no mark of the day the %s held area reached 0' % (name, s))
            elif same and [b[4].lower() for b in marks] != [s.lower() + ' area 0 (median)']:
                faults.append('%s: the %s held area reached 0 on one day in every scenario, '
                              'marked %r' % (name, s, [b[4] for b in marks]))
            elif not same and (len(marks) != len(reached) or
                               len({b[4] for b in marks}) != len(marks) or
                               any(b[4].lower() == s.lower() + ' area 0 (median)' for b in marks)):
                faults.append('%s: the %s held area reached 0 on days that differ by scenario '
                              '%s, marked %r' % (name, s, days[s], [b[4] for b in marks]))
            if marks and sorted(set(shown)) != reached:
                faults.append('%s: the %s held area marked reaching 0 on %s, not %s'
                              % (name, s, shown, reached))
        data_y = (ty0 + (data_top - y_min) / (y_max - y_min) * (ty1 - ty0)) / tys
        one_panel = 'set multiplot' not in text
        for i, (lo, hi, b, t_, label, x, _, _) in enumerate(boxes):
            if lo < sx(x_min) - 1e-6 or hi > sx(x_max) + 1e-6:
                faults.append('%s: mark %r runs past the plot (%.3f..%.3f)' % (name, label, lo, hi))
            if one_panel and b < data_y - 1e-6:
                faults.append('%s: mark %r over the data (its foot at %.3f, the data up to %.3f)'
                              % (name, label, b, data_y))
            for j, (lo2, hi2, b2, t2, label2, x2, line_top2, _) in enumerate(boxes):
                if j == i:
                    continue
                if lo < x2 < hi and b < line_top2 - 1e-6:
                    faults.append('%s: mark %r crosses the line of %r' % (name, label, label2))
                if j < i and lo < hi2 and hi > lo2 and b < t2 and t_ > b2:
                    faults.append('%s: marks %r and %r overlap' % (name, label2, label))


PNG_TERMINAL = ("set terminal pngcairo size 1200,%d font 'Sans,11' fontscale 1.45 linewidth 1.4 "
                "noenhanced background rgb 'white'")


def png_terminal(text):
    """The script drawing a PNG of its canvas (the height a taller canvas has)."""
    m = re.search(r"^set terminal \S+ size [0-9.]+(?:in)?,([0-9.]+)(in)?", text, re.M)
    height = 700 if not m else round(float(m.group(1)) / 4.67 * 700) if m.group(2) else \
        round(float(m.group(1)))
    return re.sub(r"^set terminal .*$", PNG_TERMINAL % height, text, count=1, flags=re.M)


def check_panel_titles(charts, tmp):
    """Each panel title of a comparison's differences chart clear of its panel:
    the chart is drawn as PNG, printing where gnuplot put each panel, and the
    lowest ink above the panel's top within its width (its title's last line)
    must be at least half the titles' 9 pt (8.7 px) above it. A title broken in
    two lines sat 2 px above its panel."""
    for name in sorted(os.listdir(charts)):
        if not name.endswith('.gp'):
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        if 'panel_titles[p]' not in text:
            continue
        mark = '  # The header, source line and legend once.\n'
        if mark not in text:
            faults.append('%s: its panels cannot be found' % name)
            continue
        png = os.path.join(tmp, name + '.png')
        t = output_to(png_terminal(text), png).replace(
            mark, "  print sprintf('%d %g %g %g %g %g %s', p, GPVAL_TERM_XMIN, GPVAL_TERM_XMAX, "
            "GPVAL_TERM_YMAX, GPVAL_TERM_XSIZE / GPVAL_TERM_SCALE, "
            "GPVAL_TERM_YSIZE / GPVAL_TERM_SCALE, panel_titles[p][1:20])\n" + mark, 1)
        printed = run_script(charts, tmp, name, "set print '-'\n" + t, faults, name,
                             'its panels are not drawn')
        if printed is None:
            continue
        w, h, bpp, rows = edges.read_png(png)
        for line in printed.splitlines():
            f = line.split(None, 6)
            p, x0, x1, y1, xs, ys = int(f[0]), *(float(v) for v in f[1:6])
            top, a, b = round(h * (1 - y1 / ys)), int(w * x0 / xs), int(w * x1 / xs)
            low = next((y for y in range(top - 2, max(top - int(0.15 * h), 0), -1)
                        if any(sum(rows[y][x * bpp:x * bpp + 3]) < 3 * 140 for x in range(a, b))),
                       None)
            if low is None:
                faults.append('%s: panel %d (%r...) has no title above it' % (name, p, f[6]))
            elif top - low < 8.7:
                faults.append('%s: panel %d\'s title (%r...) %d px above its panel, not 9'
                              % (name, p, f[6], top - low))


def main(dirs):
    with tempfile.TemporaryDirectory() as tmp:
        if dirs and dirs[0] == '--sweeps':  # the shipped sweep files, not charts
            check_sweep_files(dirs[1:])
            dirs = []
        if dirs and dirs[0] == '--titles':  # only the y-axis titles (after an svg pass)
            for d in dirs[1:]:
                check_titles(os.path.join(d, 'charts'), tmp)
            dirs = []
        # --only NAME[,NAME]: those checks alone (a chart put back as it was, for
        # its fault; the others, re-drawing every chart, take most of the time).
        only = dirs[1].split(',') if dirs and dirs[0] == '--only' else None
        dirs = dirs[2:] if only else dirs
        for d in dirs:
            charts = os.path.join(d, 'charts')
            checks = {
                'images': lambda: check_images(charts, tmp),
                'constant': lambda: check_constant(d, charts),
                'places': lambda: check_places(d, charts),
                'names': lambda: check_param_names(d, charts),
                'sources': lambda: check_sources(d, charts, tmp),
                'overrides': lambda: check_overrides(d, charts),
                'axes': lambda: check_axis_titles(charts),
                'intervals': lambda: check_intervals(charts, tmp),
                'caps': lambda: check_caps(charts, tmp),
                'sobol': lambda: check_sobol(d, charts, tmp),
                'labels': lambda: check_labels(charts, tmp),
                'marks': lambda: check_marks(d, charts, tmp),
                'titles': lambda: check_titles(charts, tmp),
                'panels': lambda: check_panel_titles(charts, tmp),
                'legends': lambda: check_legends(charts, tmp, faults),
                'restrictions': lambda: check_restrictions(d, charts, tmp, faults),
                'sizes': lambda: check_title_sizes(charts, tmp, faults),
            }
            for name, check in checks.items():
                if only is None or name in only:
                    check()
    for f in faults:
        print('FAIL:', f)
    return 1 if faults else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
