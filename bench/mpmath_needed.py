#!/usr/bin/env python3
"""mpmath_needed.py -- `spikecheck trace CASE` against an mpmath full GD
(bench/mpmath_gd.py) run at the precision mpmath needs for the same 20
certain digits: issue 14's comparison.  Run by
`sh bench/mpmath_ratio.sh --needed [SPIKECHECK [CASE]]`.

What it does, in this order:

1. The certified trace: `spikecheck trace CASE` (20 digits, every printed
   digit certain, precision raised as the run needs).  BITS_SC = the least
   power of two p >= 64 for which `trace --max-precision p` succeeds: the
   bits the certified run used.
2. mpmath at BITS_SC and at 78 decimal digits (260 bits): is its last row
   the certified one to 20 digits (every column within 2 units of the
   20th digit), and from which step on do its rising flags differ?
3. The precision mpmath needs: doubling from BITS_SC until the last row
   agrees, then bisection (to 5% of the bits) between the last failing
   and the first agreeing precision.  Agreement of the last row is
   checked, not of every row: a run that ends right is taken as right.
4. CPU time (user + sys, os.wait4), medians of RUNS trace runs and MP_RUNS
   mpmath runs at the needed bits, whole processes (the CSV written on
   both sides); the ratio is mpmath's over spikecheck's.

Usage: mpmath_needed.py SPIKECHECK CASE [RUNS [MP_RUNS]]
(CASE with explicit data: mpmath_ratio.sh expands generated cases first).
"""
import math
import os
import statistics
import subprocess
import sys
import tempfile
from decimal import Decimal
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mpmath_ratio import cpu_run, rows  # noqa: E402


def quiet_rc(cmd, out_path):
    """Exit code of cmd, stdout to out_path, stderr dropped."""
    with open(out_path, "w") as out:
        return subprocess.call(cmd, stdout=out, stderr=subprocess.DEVNULL)


def agrees(a, b):
    """Every numeric column of rows a and b within 2 units of the 20th
    significant digit of a's value."""
    for x, y in zip(a[1:8], b[1:8]):
        fx, fy = Fraction(Decimal(x)), Fraction(Decimal(y))
        if fx == 0:
            if fy != 0:
                return False
            continue
        # the exponent of the leading digit, exact even for 3e-1376
        e = Decimal(x).adjusted()
        if abs(fx - fy) > 2 * Fraction(10) ** (e - 19):
            return False
    return True


def first_flip(a, b):
    """The first step whose rising flag differs, or None."""
    for r, s in zip(a, b):
        if r[8] != s[8]:
            return int(r[0])
    return None


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: mpmath_needed.py SPIKECHECK CASE [RUNS [MP_RUNS]]")
    sc, case = argv[1], argv[2]
    runs = int(argv[3]) if len(argv) > 3 else 5
    mp_runs = int(argv[4]) if len(argv) > 4 else 3
    gd = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "mpmath_gd.py")
    tmp = tempfile.mkdtemp()
    sc_csv, mp_csv = os.path.join(tmp, "sc.csv"), os.path.join(tmp, "mp.csv")

    bits_sc = 64
    while quiet_rc([sc, "trace", "--max-precision", str(bits_sc), case],
                   sc_csv) != 0:
        bits_sc *= 2
        if bits_sc > 65536:
            sys.exit("trace fails at every precision")
    ref = rows(sc_csv)

    def mp_rows(bits):
        cpu_run([sys.executable, gd, "--precision", str(bits), "--csv",
                 case], mp_csv)
        return rows(mp_csv)

    def report(label, bits):
        b = mp_rows(bits)
        ok = agrees(ref[-1], b[-1])
        flip = first_flip(ref, b)
        print("  mpmath at %-22s last row %s; rising flags %s" % (
            label + " (%d bits)" % bits,
            "agrees" if ok else "WRONG (W_T = %s, certified %s)"
            % (b[-1][5], ref[-1][5]),
            "all equal" if flip is None else "differ from step %d" % flip))
        return ok

    print("case %s: %d steps; certified trace needs %d bits (least power "
          "of two >= 64)" % (case, len(ref) - 1, bits_sc))
    report("the certified bits", bits_sc)
    report("78 digits", int(math.ceil(78 * math.log2(10))))

    lo, hi = bits_sc, bits_sc
    while not agrees(ref[-1], mp_rows(hi)[-1]):
        lo, hi = hi, 2 * hi
        if hi > 65536:
            sys.exit("mpmath disagrees at every precision up to 65536 bits")
    while hi - lo > max(8, hi // 20):
        mid = (lo + hi) // 2
        if agrees(ref[-1], mp_rows(mid)[-1]):
            hi = mid
        else:
            lo = mid
    if hi == bits_sc:
        lo = 0
    print("  mpmath needs %d bits (%d digits) for the certified last row "
          "(wrong at %d)" % (hi, int(hi / math.log2(10)), lo))

    t_sc = statistics.median(cpu_run([sc, "trace", case], sc_csv)[0]
                             for _ in range(runs))
    t_mp = statistics.median(cpu_run([sys.executable, gd, "--precision",
                                      str(hi), "--csv", case], mp_csv)[0]
                             for _ in range(mp_runs))
    print("  CPU (user + sys), whole processes, medians of %d / %d runs: "
          "spikecheck trace %.4f s, mpmath at %d bits %.3f s" % (
              runs, mp_runs, t_sc, hi, t_mp))
    print("ratio mpmath (at the bits it needs) / spikecheck trace: %.0fx"
          % (t_mp / t_sc))
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    os.rmdir(tmp)


if __name__ == "__main__":
    main(sys.argv)
