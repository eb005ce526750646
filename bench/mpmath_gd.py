#!/usr/bin/env python3
"""mpmath_gd.py -- a straightforward full-batch GD of a spikecheck case in
mpmath at a fixed precision: the reference point of `make bench` for the
speed of `spikecheck trace` (bench/mpmath_ratio.sh prints the ratio).

Same model and per-step output as `spikecheck trace`: centred data X~,
v = X~ w, N = ||v|| / sqrt(n), z = gamma v / N, square loss
(1/2n) sum (1 - y_i z_i)^2 (or logistic), gradients by the chain rule, then
a = <w, u*>, b = ||w - a u*||, rho = b / a, W = ||w||^2, h = eta gamma c / W
and the rising flag, every step.  Explicit data and init only (the
showcase case).  u* is the least-squares direction: for the logistic
loss the steps are right but a, b, rho are not LOGISTIC.md's (its u* is
the SVM direction), so only square-loss cases compare with spikecheck.
Usage: mpmath_gd.py [--precision BITS] [--csv] CASE
Written as a user would (mpmath.matrix products, a loop over the samples
for the loss); prints "mpmath (BACKEND backend): STEPS steps at BITS bits:
SECONDS s (cpu SECONDS s), rho_T = ..." and then the CPU seconds alone on
stderr (and the CSV on stdout with --csv).
"""
import json
import sys
import time
from fractions import Fraction

import mpmath
from mpmath import mp, mpf


def exact(s):
    """A case-file number ("3/7", "0.125", "1e-3") as an mpf at mp.prec."""
    q = Fraction(s)
    return mpf(q.numerator) / q.denominator


def reference_direction(Xc, y):
    """w* = argmin ||y - X~ w||^2 by the normal equations."""
    return mpmath.lu_solve(Xc.T * Xc, Xc.T * y)


def main(argv):
    prec, csv, path = 256, False, None
    i = 1
    while i < len(argv):
        if argv[i] == "--precision":
            prec = int(argv[i + 1])
            i += 2
        elif argv[i] == "--csv":
            csv = True
            i += 1
        else:
            path = argv[i]
            i += 1
    if path is None:
        sys.exit("usage: mpmath_gd.py [--precision BITS] [--csv] CASE")
    case = json.load(open(path))
    mp.prec = prec
    X = mpmath.matrix([[exact(x) for x in row] for row in case["data"]["X"]])
    y = mpmath.matrix([exact(t) for t in case["data"]["y"]])
    w = mpmath.matrix([exact(t) for t in case["init"]["w"]])
    gamma = exact(case["init"]["gamma"])
    eta, eta_g = exact(case["eta"]), exact(case["eta_gamma"])
    steps = int(case["steps"])
    logistic = case["loss"] == "logistic"
    n, d = X.rows, X.cols

    t0, c0 = time.perf_counter(), time.process_time()
    ones = mpmath.matrix([1] * n)
    mu = (ones.T * X) / n
    Xc = X - ones * mu
    XcT = Xc.T
    wstar = reference_direction(Xc, y)
    c = mpmath.norm(wstar)
    ustar = wstar / c
    rho_prev, rows = None, []
    for t in range(steps + 1):
        v = Xc * w
        S = (v.T * v)[0]
        N = mpmath.sqrt(S / n)
        k = gamma / N
        e = mpmath.matrix(n, 1)
        loss = mpf(0)
        for i in range(n):
            s = k * v[i] * y[i]
            if logistic:
                loss += mpmath.log1p(mpmath.exp(-s))
                e[i] = -y[i] / (1 + mpmath.exp(s)) / n
            else:
                loss += (1 - s) ** 2 / 2
                e[i] = y[i] * (s - 1) / n
        loss /= n
        a = (w.T * ustar)[0]
        b = mpmath.norm(w - a * ustar)
        W = (w.T * w)[0]
        rho = b / a
        h = eta * gamma * c / W
        if rho_prev is not None and csv:
            rows[-1] += ",%d" % (1 if rho > rho_prev else 0)
        if csv:
            rows.append(",".join([str(t)] + [mpmath.nstr(x, 20) for x in
                                 (a, b, rho, gamma, W, h, loss)]))
        rho_prev = rho
        if t == steps:
            break
        ve = (v.T * e)[0]
        p = e - (ve / S) * v
        gw = k * (XcT * p)
        gg = ve / N
        w = w - eta * gw
        gamma = gamma - eta_g * gg
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if csv:
        print("t,a,b,rho,gamma,W,h,loss,rising")
        print("\n".join(rows[:-1]))
        print(rows[-1] + ",")
    sys.stderr.write("mpmath (%s backend): %d steps at %d bits: %.3f s "
                     "(cpu %.3f s), rho_T = %s\n"
                     % (mpmath.libmp.BACKEND, steps, prec, seconds, cpu,
                        mpmath.nstr(rho, 17)))
    print("%.6f" % cpu, file=sys.stderr)
    return seconds


if __name__ == "__main__":
    main(sys.argv)
