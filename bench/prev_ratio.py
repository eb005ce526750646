#!/usr/bin/env python3
"""prev_ratio.py -- one spikecheck binary against another (the previous
build, e.g. main's, copied aside before a change) on the cases of issue 14:
`trace CASE` and `check --theorem X CASE` for X = L7, L6, L12, each as a
whole process under the default cap, and the precision `trace` needs.  On demand, never in CI.

What is measured, exactly:

* The time of a run is its CPU time, user + sys, of the child process as
  the kernel accounts it (os.wait4 rusage), so other load on the machine
  does not enter; RUNS repetitions alternate the two binaries and the
  medians are printed, with the ratio old / new (> 1: the new one is
  faster).  A check's verdict and the bits of its final attempt are
  printed for both.  Whole processes: start-up and the exact data analysis are in.
* The script says whether the trace CSVs are identical and the verdicts
  equal (an UNDECIDED that becomes HOLDS is the point of a change, a
  VIOLATED that appears is a bug).
* "trace needs" is the least precision P of the ladder 16, 24, 32, 48,
  64, 96, 128, 192, 256, ... 4096 at which the trace run at P alone (the
  case's precision set to P, --max-precision P: no escalation) exits 0,
  i.e. every rising flag decided and every printed digit (20) certain.

Usage: prev_ratio.py OLD NEW [RUNS] [CASE...]
(default cases: cases/deep/rho-3e-201-1200-steps.json and
rho-3e-1376-250-steps.json, the showcase
whitened-delayed-spike.json, bench/whitened-64x16.json,
bench/whitened-256x32.json)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

CASES = ["cases/deep/rho-3e-201-1200-steps.json",
         "cases/deep/rho-3e-1376-250-steps.json",
         "cases/showcase/whitened-delayed-spike.json",
         "bench/whitened-64x16.json",
         "bench/whitened-256x32.json"]
THMS = ["L7-eq", "L6-iff", "L12"]
LADDER = [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
          1536, 2048, 3072, 4096]


def cpu_run(cmd, out_path):
    """Runs cmd with stdout to out_path; returns (user + sys CPU seconds,
    exit code)."""
    with open(out_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
    return ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def result_line(text, thm):
    """The result line of checker thm: verdict and bits columns."""
    for line in text.decode(errors="replace").splitlines():
        f = line.split()
        if len(f) > 6 and f[0] == thm and f[1] != "exact":
            return f[2], f[6]
    return "?", "?"


def trace_needs(sc, case, tmp):
    with open(case) as f:
        c = json.load(f)
    path = os.path.join(tmp, "ladder.json")
    for p in LADDER:
        c["precision"] = p
        with open(path, "w") as f:
            json.dump(c, f)
        _, rc = cpu_run([sc, "trace", "--max-precision", str(p), path],
                        os.path.join(tmp, "ladder.csv"))
        if rc == 0:
            return p
    return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    cases = sys.argv[4:] or [c for c in CASES if os.path.exists(c)]
    print("old: %s\nnew: %s\nCPU seconds (user + sys), medians of %d runs"
          % (old, new, runs))
    print("%-40s %-8s %9s %9s %7s  %s" % ("case", "command", "old s",
                                          "new s", "old/new", "notes"))
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            name = os.path.basename(case)
            for cmd in [["trace"]] + [["check", "--theorem", x]
                                      for x in THMS]:
                t = {old: [], new: []}
                out = {}
                rcs = {}
                for _ in range(runs):
                    for sc in (old, new):
                        o = os.path.join(tmp, "out-%d" % (sc == new))
                        s, rc = cpu_run([sc] + cmd + [case], o)
                        t[sc].append(s)
                        out[sc] = read(o)
                        rcs[sc] = rc
                mo, mn = statistics.median(t[old]), statistics.median(t[new])
                if cmd[0] == "trace":
                    same = out[old] == out[new]
                    note = "exit %d/%d, CSV %s" % (
                        rcs[old], rcs[new], "identical" if same else
                        "DIFFERS")
                else:
                    vo, bo = result_line(out[old], cmd[2])
                    vn, bn = result_line(out[new], cmd[2])
                    note = "%s at %s / %s at %s bits%s" % (
                        vo, bo, vn, bn, "" if vo == vn else
                        ": verdict changed")
                print("%-40s %-8s %9.3f %9.3f %7.2f  %s"
                      % (name[:40], cmd[-1] if cmd[0] == "check" else "trace",
                         mo, mn, mo / mn if mn > 0 else float("inf"),
                         note), flush=True)
            po, pn = trace_needs(old, case, tmp), trace_needs(new, case, tmp)
            print("%-40s trace needs: old %s bits, new %s bits"
                  % (name[:40], po or "> 4096", pn or "> 4096"), flush=True)


if __name__ == "__main__":
    main()
