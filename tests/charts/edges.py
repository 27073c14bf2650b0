#!/usr/bin/env python3
"""edges.py IMAGE...: a chart's text must lie inside its canvas. Each PNG (or
PPM, as pdftoppm writes a PDF page) must have a blank strip along all four
edges: ink there is text or a line cut by the edge (a y-axis title pushed off
the canvas, a title cut mid-word). Prints one line per image at fault and exits
1; exits 0 when every image is clean."""
import re
import struct
import sys
import zlib

STRIP = 3  # pixels; the charts keep at least 1% of the canvas (12 px) free


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


BUSY = re.compile(rb'[^\x00]+')


def paeth_row(line, prev, bpp, stride):
    """Undoes the Paeth filter of one row in place (PNG specification 9.4). Where
    the residual is 0 and the row above is level (b == c: most of a chart's white)
    the byte repeats the one a pixel to its left; such stretches are found with
    whole-row integer operations and filled by repetition, the rest byte by byte."""
    for i in range(min(bpp, stride)):  # a = c = 0: the predictor is b
        line[i] = (line[i] + prev[i]) & 255
    if stride <= bpp:
        return
    n = stride - bpp
    level = int.from_bytes(prev[bpp:], 'big') ^ int.from_bytes(prev[:n], 'big')
    busy = (level | int.from_bytes(line[bpp:], 'big')).to_bytes(n, 'big')
    i = bpp
    for m in BUSY.finditer(busy):
        start, end = m.start() + bpp, m.end() + bpp
        if start > i:  # a quiet stretch: the pixel before it, repeated
            k = start - i
            unit = bytes(line[i - bpp:i])
            line[i:start] = (unit * (k // bpp + 1))[:k]
        for i in range(start, end):
            b = prev[i]
            c = prev[i - bpp]
            a = line[i - bpp]
            if b == c:
                line[i] = (line[i] + a) & 255
                continue
            p = a + b - c
            pa = p - a if p >= a else a - p
            pb = p - b if p >= b else b - p
            pc = p - c if p >= c else c - p
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 255
        i = end
    if i < stride:
        k = stride - i
        unit = bytes(line[i - bpp:i])
        line[i:stride] = (unit * (k // bpp + 1))[:k]


def read_png(path, share=1.0):
    """(width, height, bytes a pixel, rows); with share < 1 the rows hold the left
    share of each row only (a pixel's filter reads its left and upper neighbours,
    so the left part decodes alone, and faster)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour in (2, 6), 'PNG not 8-bit RGB(A)'
            bpp = 3 if colour == 2 else 4
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    full = w * bpp
    w = max(1, int(w * share)) if share < 1 else w
    stride = w * bpp
    lo7 = int.from_bytes(b'\x7f' * stride, 'big')
    hi1 = int.from_bytes(b'\x80' * stride, 'big')

    def add(x, y):  # bytewise (x + y) mod 256 of two row-long integers, no carries
        return ((x & lo7) + (y & lo7)) ^ ((x ^ y) & hi1)

    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (full + 1)]
        line = bytearray(raw[y * (full + 1) + 1:y * (full + 1) + 1 + stride])
        if f in (1, 2):  # Up, Sub: whole-row integer arithmetic (Sub by doubling)
            x = int.from_bytes(line, 'big')
            if f == 2:
                x = add(x, int.from_bytes(prev, 'big'))
            else:
                shift = bpp
                while shift < stride:
                    x = add(x, x >> (8 * shift))
                    shift *= 2
            line = bytearray(x.to_bytes(stride, 'big'))
            rows.append(line)
            prev = line
            continue
        if f == 4:
            paeth_row(line, prev, bpp, stride)
            rows.append(line)
            prev = line
            continue
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4: line[i] = (line[i] + paeth(a, b, c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def read_ppm(path):
    data = open(path, 'rb').read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace(): pos += 1
        end = pos
        while not data[end:end + 1].isspace(): end += 1
        fields.append(data[pos:end]); pos = end
    pos += 1
    assert fields[0] == b'P6', 'not a binary PPM'
    w, h = int(fields[1]), int(fields[2])
    return w, h, 3, [data[pos + y * w * 3:pos + (y + 1) * w * 3] for y in range(h)]


def inked(path):
    w, h, bpp, rows = (read_png if path.endswith('.png') else read_ppm)(path)
    where = []
    def ink(x, y):
        px = rows[y][x * bpp:x * bpp + 3]
        return min(px) < 200  # darker than the faintest band on white
    for side, cells in (('left', ((x, y) for x in range(STRIP) for y in range(h))),
                        ('right', ((x, y) for x in range(w - STRIP, w) for y in range(h))),
                        ('top', ((x, y) for y in range(STRIP) for x in range(w))),
                        ('bottom', ((x, y) for y in range(h - STRIP, h) for x in range(w)))):
        hit = next(((x, y) for x, y in cells if ink(x, y)), None)
        if hit: where.append('%s edge at (%d,%d)' % (side, hit[0], hit[1]))
    return where


def main(paths):
    bad = 0
    for p in paths:
        where = inked(p)
        if where:
            bad += 1
            print('%s: ink on the canvas edge (text cut off?): %s' % (p, '; '.join(where)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
