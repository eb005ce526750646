#!/usr/bin/env python3
"""mpmath_ratio.py -- the speed of `spikecheck trace` against a
straightforward mpmath full GD (bench/mpmath_gd.py) of the same case at the
same precision, both writing the same per-step CSV.  Run by
bench/mpmath_ratio.sh (and so by `make bench`).

What is compared, exactly:

* Both programs run as whole processes on the same case file, with the
  precision set to BITS and (for spikecheck) --max-precision BITS, so the
  trace runs once at BITS bits: no escalation attempts at lower precision
  are counted, and mpmath computes at mp.prec = BITS.
* The time of a run is its CPU time, user + sys, of the child process as
  the kernel accounts it (os.wait4 rusage: microseconds, not the 10 ms of
  /usr/bin/time), so the other load on the machine does not enter.
* Each program runs twice per repetition: on the case's horizon STEPS and
  on a 1-step horizon.  The difference is the cost of STEPS - 1 steps,
  each step with its CSV row, and nothing else: interpreter start-up and
  the mpmath import, the dynamic linking of libflint, reading the case,
  the set-up (centring, w*, X~^T X~) cancel out.  The headline ratio is
  mpmath's per-step cost over spikecheck's: the same accounting on both
  sides.  The whole-process ratio at STEPS is printed too.
* Repetitions alternate the two programs and horizons; the medians are
  reported (RUNS for spikecheck, MP_RUNS for mpmath).
* The two CSVs must agree: every rising flag equal and rho_T to 15
  significant digits, or the script fails.

mpmath's backend (python or gmpy) is printed: with gmpy2 installed mpmath
is faster and the ratio smaller.
Usage: mpmath_ratio.py SPIKECHECK CASE BITS [RUNS [MP_RUNS]]
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile


def cpu_run(cmd, out_path):
    """Runs cmd with stdout to out_path; returns the child's user + sys
    CPU seconds."""
    with open(out_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        # read stderr before wait4 reaps the child
        err = proc.stderr.read()
        _, status, ru = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), proc.returncode,
                                         err.decode(errors="replace")))
    return ru.ru_utime + ru.ru_stime, err.decode(errors="replace")


def with_keys(case, bits, steps, path):
    c = dict(case)
    c["precision"] = bits
    c["steps"] = steps
    with open(path, "w") as f:
        json.dump(c, f)


def rows(path):
    with open(path) as f:
        lines = f.read().strip().split("\n")
    return [l.split(",") for l in lines[1:]]


def main(argv):
    if len(argv) < 4:
        sys.exit("usage: mpmath_ratio.py SPIKECHECK CASE BITS [RUNS "
                 "[MP_RUNS]]")
    sc, case_path, bits = argv[1], argv[2], int(argv[3])
    runs = int(argv[4]) if len(argv) > 4 else 11
    mp_runs = int(argv[5]) if len(argv) > 5 else 5
    case = json.load(open(case_path))
    if case.get("loss") != "square":
        sys.exit("mpmath_ratio: %s: square-loss cases only (mpmath_gd.py "
                 "measures rho against the least-squares w*)" % case_path)
    steps = int(case["steps"])
    gd = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "mpmath_gd.py")
    tmp = tempfile.mkdtemp()
    long_case, short_case = (os.path.join(tmp, "long.json"),
                             os.path.join(tmp, "short.json"))
    with_keys(case, bits, steps, long_case)
    with_keys(case, bits, 1, short_case)
    sc_cmd = lambda c: [sc, "trace", "--max-precision", str(bits), c]
    # sys.executable: the interpreter itself, not a launcher script
    mp_cmd = lambda c: [sys.executable, gd, "--precision", str(bits),
                        "--csv", c]
    sc_csv, mp_csv = os.path.join(tmp, "sc.csv"), os.path.join(tmp, "mp.csv")
    t = {"sc_long": [], "sc_short": [], "mp_long": [], "mp_short": []}
    mp_err = ""
    for i in range(max(runs, mp_runs)):
        if i < runs:
            t["sc_long"].append(cpu_run(sc_cmd(long_case), sc_csv)[0])
            t["sc_short"].append(cpu_run(sc_cmd(short_case),
                                         os.path.join(tmp, "x.csv"))[0])
        if i < mp_runs:
            sec, mp_err = cpu_run(mp_cmd(long_case), mp_csv)
            t["mp_long"].append(sec)
            t["mp_short"].append(cpu_run(mp_cmd(short_case),
                                         os.path.join(tmp, "x.csv"))[0])
    m = {k: statistics.median(v) for k, v in t.items()}

    a, b = rows(sc_csv), rows(mp_csv)
    if len(a) != steps + 1 or len(b) != steps + 1:
        sys.exit("CSV lengths differ: %d and %d rows" % (len(a), len(b)))
    flips = [r[0] for r, s in zip(a, b) if r[8] != s[8]]
    if flips:
        sys.exit("rising flags differ at steps %s" % ", ".join(flips[:10]))
    rho_sc, rho_mp = float(a[-1][3]), float(b[-1][3])
    if abs(rho_sc - rho_mp) > 1e-15 * abs(rho_sc):
        sys.exit("rho_T differs: %s and %s" % (a[-1][3], b[-1][3]))

    backend = re.search(r"\((\w+) backend\)", mp_err)
    backend = backend.group(1) if backend else "?"
    import mpmath
    sc_step = (m["sc_long"] - m["sc_short"]) / (steps - 1)
    mp_step = (m["mp_long"] - m["mp_short"]) / (steps - 1)
    print("mpmath %s (%s backend), python %s; %d steps at %d bits; CPU "
          "time (user + sys), medians of %d (spikecheck) and %d (mpmath) "
          "runs" % (mpmath.__version__, backend, sys.version.split()[0],
                    steps, bits, runs, mp_runs))
    print("  %-34s %10s %10s %12s" % ("", str(steps) + " steps", "1 step",
                                       "per step"))
    print("  %-34s %9.4fs %9.4fs %10.2fus" % (
        "spikecheck trace (certified, CSV)", m["sc_long"], m["sc_short"],
        1e6 * sc_step))
    print("  %-34s %9.4fs %9.4fs %10.2fus" % (
        "mpmath full GD (uncertified, CSV)", m["mp_long"], m["mp_short"],
        1e6 * mp_step))
    print("  the CSVs agree: every rising flag, rho_T = %s" % a[-1][3])
    print("ratio mpmath / spikecheck trace, per step (GD + CSV row): %.0fx"
          % (mp_step / sc_step))
    print("ratio mpmath / spikecheck trace, whole processes at %d steps: "
          "%.0fx" % (steps, m["mp_long"] / m["sc_long"]))
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    os.rmdir(tmp)


if __name__ == "__main__":
    main(sys.argv)
