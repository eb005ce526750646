#!/usr/bin/env python3
"""mpmath_gd.py -- a straightforward full-batch GD of a spikecheck case in
mpmath at a fixed precision: the reference point of `make bench` for the
speed of `spikecheck trace` (bench/mpmath_ratio.sh prints the ratio).

Same model and per-step output as `spikecheck trace`: centred data X~,
v = X~ w, N = ||v|| / sqrt(n), z = gamma v / N, square loss
(1/2n) sum (1 - y_i z_i)^2 (or logistic), gradients by the chain rule, then
a = <w, u*>, b = ||w - a u*||, rho = b / a, W = ||w||^2, h = eta gamma c / W
and the rising flag, every step.  Explicit data and init only (the
showcase case).  Usage: mpmath_gd.py [--precision BITS] [--csv] CASE
Prints "mpmath: STEPS steps at BITS bits in SECONDS s, rho_T = ..." on
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
    """w* = argmin ||y - X~ w||^2 by the normal equations (mpmath lu_solve)."""
    d = len(Xc[0])
    A = mpmath.matrix(d, d)
    r = mpmath.matrix(d, 1)
    for j in range(d):
        for k in range(d):
            A[j, k] = mpmath.fsum(row[j] * row[k] for row in Xc)
        r[j] = mpmath.fsum(row[j] * yi for row, yi in zip(Xc, y))
    w = mpmath.lu_solve(A, r)
    return [w[j] for j in range(d)]


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
    X = [[exact(x) for x in row] for row in case["data"]["X"]]
    y = [exact(t) for t in case["data"]["y"]]
    w = [exact(t) for t in case["init"]["w"]]
    gamma = exact(case["init"]["gamma"])
    eta, eta_g = exact(case["eta"]), exact(case["eta_gamma"])
    steps = int(case["steps"])
    logistic = case["loss"] == "logistic"
    n, d = len(X), len(X[0])

    t0 = time.perf_counter()
    mu = [mpmath.fsum(row[j] for row in X) / n for j in range(d)]
    Xc = [[row[j] - mu[j] for j in range(d)] for row in X]
    wstar = reference_direction(Xc, y)
    c = mpmath.sqrt(mpmath.fsum(t * t for t in wstar))
    ustar = [t / c for t in wstar]
    rho_prev, rows = None, []
    for t in range(steps + 1):
        v = [mpmath.fsum(row[j] * w[j] for j in range(d)) for row in Xc]
        S = mpmath.fsum(vi * vi for vi in v)
        N = mpmath.sqrt(S / n)
        k = gamma / N
        e, loss = [], mpf(0)
        for vi, yi in zip(v, y):
            s = k * vi * yi
            if logistic:
                loss += mpmath.log1p(mpmath.exp(-s))
                dl = -1 / (1 + mpmath.exp(s))
            else:
                loss += (1 - s) ** 2 / 2
                dl = s - 1
            e.append(yi * dl / n)
        loss /= n
        a = mpmath.fsum(wj * uj for wj, uj in zip(w, ustar))
        b = mpmath.sqrt(mpmath.fsum((wj - a * uj) ** 2
                                    for wj, uj in zip(w, ustar)))
        W = mpmath.fsum(wj * wj for wj in w)
        rho = b / a
        h = eta * gamma * c / W
        if rho_prev is not None and csv:
            rows[-1] += ",%d" % (1 if rho > rho_prev else 0)
        if csv:
            rows.append("%d,%s,%s,%s,%s,%s,%s,%s" % (
                t, mpmath.nstr(a, 20), mpmath.nstr(b, 20),
                mpmath.nstr(rho, 20), mpmath.nstr(gamma, 20),
                mpmath.nstr(W, 20), mpmath.nstr(h, 20),
                mpmath.nstr(loss, 20)))
        rho_prev = rho
        if t == steps:
            break
        ve = mpmath.fsum(vi * ei for vi, ei in zip(v, e))
        sig = ve / S
        p = [ei - sig * vi for ei, vi in zip(e, v)]
        gw = [k * mpmath.fsum(row[j] * pi for row, pi in zip(Xc, p))
              for j in range(d)]
        gg = ve / N
        w = [wj - eta * gj for wj, gj in zip(w, gw)]
        gamma = gamma - eta_g * gg
    seconds = time.perf_counter() - t0
    if csv:
        print("t,a,b,rho,gamma,W,h,loss,rising")
        print("\n".join(rows[:-1]))
        print(rows[-1] + ",")
    sys.stderr.write("mpmath: %d steps at %d bits in %.3f s, rho_T = %s\n"
                     % (steps, prec, seconds, mpmath.nstr(rho, 17)))
    return seconds


if __name__ == "__main__":
    main(sys.argv)
