#!/usr/bin/env python3
"""legible.py: the checks of check.py that text can be read whole and at a
readable size (legend entries within the canvas, y-axis titles and parameter
names at 9 pt or more) and that a discovery's box draws each restriction; and
the helpers they share with check.py (a chart's script re-run, altered)."""
import csv
import os
import re
import subprocess

import edges

GNUPLOT = os.environ.get('FRONTSIM_GNUPLOT', 'gnuplot')


def run_script(charts, tmp, script_name, text, faults, name, failure):
    """Runs a chart's script, altered, in its directory; its printed output, or None
    (and a fault naming the chart) when gnuplot failed."""
    script = os.path.join(tmp, script_name)
    open(script, 'w', encoding='utf-8').write(text)
    run = subprocess.run([GNUPLOT, script], cwd=charts, capture_output=True, text=True)
    if run.returncode != 0:
        faults.append('%s: %s: %s' % (name, failure, run.stderr[-300:]))
        return None
    return run.stdout


def output_to(text, out):
    """The script with its first `set output` sent to out."""
    return re.sub(r"^set output .*$", "set output '%s'" % out, text, count=1, flags=re.M)


def box_rows(d):
    """A discovery's box.csv, its rows as dicts (or [])."""
    path = os.path.join(d, 'box.csv')
    return list(csv.DictReader(open(path, encoding='utf-8'))) if os.path.exists(path) else []


def check_restrictions(d, charts, tmp, faults):
    """A discovery's box chart draws each restriction (a one-value one as a mark):
    as many bands of the box's blue in the PNG and the PDF page as restricted
    rows in box.csv (a restriction to one value was drawn as none)."""
    box = box_rows(d)
    if not box:
        return
    want = sum(1 for r in box if r['restricted'] == '1')
    for ext in ('png', 'pdf'):
        path = os.path.join(charts, 'box.' + ext)
        if not os.path.exists(path):
            continue
        if ext == 'pdf':
            out = os.path.join(tmp, 'box.restrictions')
            subprocess.run(['pdftoppm', '-r', '96', '-singlefile', path, out], check=True)
            w, h, bpp, rows = edges.read_ppm(out + '.ppm')
        else:
            w, h, bpp, rows = edges.read_png(path)
        blue = bytes((0x00, 0x72, 0xB2))
        bands, inside = 0, False
        for row in rows:
            hit = any(row[x * bpp:x * bpp + 3] == blue for x in range(w))
            bands += hit and not inside
            inside = hit
        if bands != want:
            faults.append('box.%s: %d restrictions drawn, box.csv has %d' % (ext, bands, want))


def as_format(text, fmt, out):
    """A chart's script drawn as an SVG of its canvas in pixels (a PDF's 8 in as
    1200) with the PNG's or the PDF's text measure (em_share): the sizes it then
    sets its text at are the PNG's or the PDF's, read from the SVG."""
    size = re.search(r"^set terminal (\w+) size ([0-9.]+)(in)?,([0-9.]+)(in)?", text, re.M)
    per = 1200 / 8.0 if size.group(3) else 1.0
    w, h = float(size.group(2)) * per, float(size.group(4)) * per
    text = re.sub(r"^set terminal .*$", "set terminal svg size %g,%g font 'Sans,11' fontscale 1.45 "
                  "noenhanced" % (w, h), text, count=1, flags=re.M)
    pick = {'png': ('(1)', '(0)'), 'pdf': ('(0)', '(1)')}[fmt]
    text = text.replace("em_share = (GPVAL_TERM eq 'pngcairo')", "em_share = %s" % pick[0])
    text = text.replace("(GPVAL_TERM eq 'pdfcairo') ? 0.62", "%s ? 0.62" % pick[1])
    return output_to(text, out)


def check_title_sizes(charts, tmp, faults):
    """Each y-axis title (the text drawn turned up the plot) and each parameter's
    name (a panel's x-axis title, a box chart's row) at a readable size, 9 pt at
    least (the source line's), in the PNG and the PDF: a long title is wrapped
    onto two lines rather than shrunk (one of 65 characters was at 6 pt)."""
    for name in sorted(os.listdir(charts)):
        stem, ext = os.path.splitext(name)
        if ext != '.gp' or stem == 'old':
            continue
        text = open(os.path.join(charts, name), encoding='utf-8').read()
        if "em_share = (GPVAL_TERM eq 'pngcairo')" not in text:
            continue
        # The parameters' names (a panel's x-axis title, a box chart's row), as
        # the script has them; a line of one wrapped is part of one.
        names = []
        for m in re.finditer(r"^param_(?:titles|axes) = '(.*)'$", text, re.M):
            names += [w.replace("'.\"'\".'", "'") for w in re.findall(r'"([^"]*(?:\"\'\"[^"]*)*)"', m.group(1))]
        for fmt in ('png', 'pdf'):
            out = os.path.join(tmp, stem + '.size.svg')
            if run_script(charts, tmp, stem + '.size.gp', as_format(text, fmt, out), faults,
                          stem + '.' + fmt, 'its script failed as an SVG') is None:
                continue
            svg = open(out, encoding='utf-8').read()
            for m in re.finditer(r'<g transform="translate\([^)]*\)( rotate\([-0-9]+\))?"[^>]*'
                                 r'font-size="([0-9.]+)"[^>]*>\s*<text>(.*?)</text>', svg, re.S):
                pt = float(m.group(2)) / 1.45
                shown = re.sub(r'<[^>]*>', '', m.group(3)).strip()
                what = 'y-axis title' if m.group(1) in (' rotate(270)', ' rotate(-90)') else \
                    'parameter name' if len(shown) >= 4 and any(shown in n for n in names) else None
                if what and pt < 8.95:
                    faults.append('%s.%s: its %s %r set at %.1f pt, under 9' % (stem, fmt, what, shown[:40], pt))


def legend_entries(svg):
    """The legend's entries of a chart, from its SVG: gnuplot draws a plot's entry
    as the first text of the plot's group, before any of its lines."""
    text = open(svg, encoding='utf-8').read()
    entries = []
    for group in text.split('<g id="gnuplot_plot_')[1:]:
        m = re.search(r'<text>(.*?)</text>|<path', group, re.S)
        if m and m.group(1) is not None:
            entry = re.sub(r'<[^>]*>', '', m.group(1))
            entry = entry.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')
            if entry.strip():
                entries.append(entry.split())
    return entries


def page_words(pdf):
    """The words pdftotext reads on a PDF page within it (it drops those off the
    page), in the order drawn."""
    run = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True, check=True)
    page = re.search(r'<page width="([0-9.]+)" height="([0-9.]+)"', run.stdout)
    width, height = float(page.group(1)), float(page.group(2))
    words = []
    for m in re.finditer(r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" '
                         r'yMax="([-0-9.]+)">(.*?)</word>', run.stdout):
        x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
        if x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height:
            words.append(m.group(5).replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>'))
    return words


def check_legends(charts, tmp, faults):
    """Every legend entry (the SVG has them all) read whole on the PDF page and
    on the PNG's canvas: the PNG's script re-drawn as a PDF of the PNG's size in
    points, its text at the PNG's size in pixels (the same layout), so that its
    text can be read. An entry past the canvas edge is not on the page."""
    for name in sorted(os.listdir(charts)):
        stem, ext = os.path.splitext(name)
        if ext != '.svg':
            continue
        entries = legend_entries(os.path.join(charts, name))
        if not entries:
            continue
        pages = []
        if os.path.exists(os.path.join(charts, stem + '.pdf')):
            pages.append((stem + '.pdf', os.path.join(charts, stem + '.pdf')))
        script = os.path.join(charts, stem + '.gp')
        text = open(script, encoding='utf-8').read()
        # The script is the last format's: its canvas in pixels, a PDF's 8 in as 1200.
        size = re.search(r"^set terminal (\w+) size ([0-9.]+)(in)?,([0-9.]+)(in)?", text, re.M)
        if size and os.path.exists(os.path.join(charts, stem + '.png')):
            per = 1200 / 8.0 if size.group(3) else 1.0
            w, h = float(size.group(2)) * per, float(size.group(4)) * per
            out = os.path.join(tmp, stem + '.png.pdf')
            text = re.sub(r"^set terminal .*$", "set terminal pdfcairo size %g/72.,%g/72. font 'Sans,11' "
                          "fontscale 1.45 noenhanced" % (w, h), text, count=1, flags=re.M)
            text = text.replace("em_share = (GPVAL_TERM eq 'pngcairo')", "em_share = (1)")
            if run_script(charts, tmp, stem + '.legend.gp', output_to(text, out), faults,
                          stem + '.png', 'its script failed as a PDF of its size') is not None:
                pages.append((stem + '.png', out))
        for shown, pdf in pages:
            words = ' '.join(page_words(pdf))
            for e in entries:
                if ' '.join(e) not in words:
                    faults.append('%s: legend entry %r not within the canvas' % (shown, ' '.join(e)))
