#!/usr/bin/env python3
"""The house rules of src/ that the compiler does not check (docs/ARCHITECTURE.md).

usage: house.py SRC_DIR BUILD_DIR

1. No .c file at the top of src/: every file lives in its layer's folder.
2. No source file over 600 lines.
3. No cycle between files, counting an edge A -> B when A includes header B, or when
   A's object file uses a symbol that B's object file defines (the link-level call
   graph, read with nm from BUILD_DIR). Headers are files of their own: x.c including
   x.h is no edge back from x.h.

The layers themselves (a lower one cannot include a higher one) are enforced by the
build: each layer's folder is an include directory only for itself and the layers
above it (src/CMakeLists.txt).
"""
import os
import re
import subprocess
import sys

MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources(src):
    for root, _, files in os.walk(src):
        for f in files:
            if f.endswith(('.c', '.h')):
                yield os.path.join(root, f)


def include_edges(src, files):
    by_name = {}
    for f in files:
        by_name.setdefault(os.path.basename(f), []).append(f)
    edges = {}
    for f in files:
        with open(f, encoding='utf-8') as fh:
            text = fh.read()
        for inc in INCLUDE.findall(text):
            targets = by_name.get(os.path.basename(inc), [])
            if len(targets) > 1:
                print(f'{f}: "{inc}" names {len(targets)} headers: header names must be unique')
                return None
            if targets:
                edges.setdefault(f, set()).add(targets[0])
    return edges


def object_files(build):
    for root, _, files in os.walk(build):
        for f in files:
            if f.endswith('.c.o') and '/src/CMakeFiles/' in os.path.join(root, f):
                yield os.path.join(root, f)


def call_edges(src, build):
    """Edges between .c files from the symbols their objects define and use."""
    defined, used = {}, {}
    objs = {}
    for obj in object_files(build):
        m = re.search(r'/CMakeFiles/[^/]+\.dir/(.+)\.o$', obj)
        if not m:
            continue
        rel = m.group(1)
        path = os.path.join(src, rel)
        if not os.path.exists(path):
            continue  # generated (the embedded templates)
        objs[obj] = path
    # One nm for many objects (it names each before its symbols): one process per
    # object was most of this test's time.
    names = sorted(objs)
    for k in range(0, len(names), 200):
        batch = names[k:k + 200]
        out = subprocess.run(['nm', *batch], capture_output=True, text=True, check=True).stdout
        path = objs[batch[0]] if len(batch) == 1 else None
        for line in out.splitlines():
            if line.endswith(':') and line[:-1] in objs:
                path = objs[line[:-1]]
                continue
            parts = line.split()
            if path is None:
                continue
            if len(parts) == 3 and parts[1] in 'TDBR':
                defined[parts[2]] = path
            elif len(parts) == 2 and parts[0] == 'U':
                used.setdefault(path, set()).add(parts[1])
    edges = {}
    for f, syms in used.items():
        for s in syms:
            g = defined.get(s)
            if g and g != f:
                edges.setdefault(f, set()).add(g)
    return edges


def cycles(edges):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    nodes = set(edges) | {b for bs in edges.values() for b in bs}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    src, build = sys.argv[1], sys.argv[2]
    bad = 0
    top = [f for f in os.listdir(src) if f.endswith('.c')]
    if top:
        print(f'.c files at the top of src/: {top}')
        bad = 1
    files = sorted(sources(src))
    for f in files:
        with open(f, encoding='utf-8') as fh:
            n = sum(1 for _ in fh)
        if n > MAX_LINES:
            print(f'{f}: {n} lines (at most {MAX_LINES})')
            bad = 1
    inc = include_edges(src, files)
    if inc is None:
        return 1
    calls = call_edges(src, build)
    if not calls:
        print(f'no object files of src/ under {build}: build first')
        return 1
    edges = {}
    for e in (inc, calls):
        for a, bs in e.items():
            edges.setdefault(a, set()).update(bs)
    for comp in cycles(edges):
        print('cycle between files: ' + ' <-> '.join(os.path.relpath(c, src) for c in comp))
        bad = 1
    nedges = sum(len(b) for b in edges.values())
    if not bad:
        print(f'ok: {len(files)} files, {nedges} include and call edges, no cycle, '
              f'none over {MAX_LINES} lines')
    return bad


if __name__ == '__main__':
    sys.exit(main())
