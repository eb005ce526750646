#!/usr/bin/env python3
"""include_cycles.py [ROOT] -- the #include "..." edges between the
modules of spikecheck (a module is a directory: src/cases, theorems/core,
include, ...), and the cycles among them.  Exit 1 and list each cycle
with the includes that make it; exit 0 when the modules form a DAG, i.e.
every header includes downwards only.  `--edges` also prints the graph."""
import os
import re
import sys

ROOT = next((a for a in sys.argv[1:] if not a.startswith('-')), '.')
SEARCH = ['include', 'src', 'theorems', '.']     # the Makefile's -I order
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def resolve(cur, name):
    for base in [os.path.dirname(cur)] + [os.path.join(ROOT, p)
                                          for p in SEARCH]:
        p = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(p):
            return p
    return None


def module(path):
    return os.path.dirname(os.path.relpath(path, ROOT))


def edges():
    g = {}
    for top in ('include', 'src', 'theorems'):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if not f.endswith(('.c', '.h')):
                    continue
                p = os.path.join(dirpath, f)
                with open(p, errors='replace') as fh:
                    for line in fh:
                        m = INCLUDE.match(line)
                        q = m and resolve(p, m.group(1))
                        if q and module(p) != module(q):
                            g.setdefault(module(p), {}).setdefault(
                                module(q), []).append(
                                os.path.relpath(p, ROOT) + ' -> '
                                + os.path.relpath(q, ROOT))
    return g


def cycles(g):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g.get(v, {}):
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

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def main():
    g = edges()
    if '--edges' in sys.argv:
        for a in sorted(g):
            for b in sorted(g[a]):
                print('%s -> %s (%d)' % (a, b, len(g[a][b])))
    found = cycles(g)
    for comp in found:
        print('include cycle: ' + ' <-> '.join(comp))
        for a in comp:
            for b in comp:
                for e in g.get(a, {}).get(b, []):
                    print('    ' + e)
    print('include cycles: %d among %d modules'
          % (len(found), len(set(g) | {b for a in g for b in g[a]})))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
