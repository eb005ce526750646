#!/usr/bin/env python3
"""t53_exit_gap.py -- a float exploration (heuristic, not a check) of how
close a rising step can come to the [T5.3] exit threshold when kappa = 1
and lambda_max = m^2.

With Sigma isotropic on span(X~^T), X~^T is a scaled isometry from 1^perp
in R^n, so a state is a unit vector z in 1^perp (z = X~ w / ||X~ w||) and
gamma: y^_i = sqrt(n) y_i z_i, cos = <z, y / sqrt(n)>, rho = tan of the
angle.  A rising step is possible for some eta iff q > 0 and
|grad|^2 > (1 + rho^2) q^2 (L6 with eta -> oo).  The script minimises
rho_exit / rho over such states (random restarts, hill climbing) with
K = (C / gbar)^2, C and gbar as in LOGISTIC.md 2.5 and 2.7, and prints the
best ratio, rho, K and gamma.  Its infimum is sqrt((1 + sqrt 5) / 2) =
1.2720 at gamma -> 0, rho -> 1 (see README, "How tight is a bound?").
Usage: python3 bench/t53_exit_gap.py N [SEED]   (N even, e.g. 4 or 8)
"""
import math
import random
import sys


def sig(t):
    return 1 / (1 + math.exp(-t))


def ratio(z, y, gam):
    n = len(z)
    mz = sum(z) / n
    z = [a - mz for a in z]
    nz = math.sqrt(sum(a * a for a in z))
    z = [a / nz for a in z]
    e = [a / math.sqrt(n) for a in y]
    c = sum(a * b for a, b in zip(z, e))
    if c <= 0:
        return None
    rho = math.sqrt(max(0.0, 1 - c * c)) / c
    yh = [math.sqrt(n) * yi * zi for yi, zi in zip(y, z)]
    g = [sig(-gam * t) for t in yh]
    v = [yi * gi for yi, gi in zip(y, g)]
    mv = sum(v) / n
    v = [a - mv for a in v]
    vz = sum(a * b for a, b in zip(v, z))
    pv = [a - vz * b for a, b in zip(v, z)]     # (I - z z^T) (y . g)
    q = sum(a * b for a, b in zip(pv, e))
    g2 = sum(a * a for a in pv)
    if q <= 0 or g2 <= (1 + rho * rho) * q * q:
        return None                             # no eta makes it rise
    gbar = sum(g) / n
    t = gam * max(0.0, min(1.0, min(yh)))
    C = sig(-gam) + math.sqrt(2) * gam * sig(t) * (1 - sig(t))
    K = (C / gbar) ** 2
    rexit = math.sqrt((K + math.sqrt(K * K + 4 * K)) / 2)
    return rexit / rho, rho, K, gam


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    y = [1] * (n // 2) + [-1] * (n // 2)
    best = None
    for _ in range(40):
        z = [random.gauss(0, 1) + 0.5 * yi for yi in y]
        gam = 10 ** random.uniform(-3, 1.5)
        cur = ratio(z, y, gam)
        for it in range(2000):
            s = 0.3 * math.exp(-it / 700)
            z2 = [a + random.gauss(0, s) for a in z]
            g2 = gam * math.exp(random.gauss(0, s))
            r = ratio(z2, y, g2)
            if r and (cur is None or r[0] < cur[0]):
                z, gam, cur = z2, g2, r
        if cur and (best is None or cur[0] < best[0]):
            best = cur
    print("rho_exit/rho %.6f  rho %.6f  K %.6f  gamma %.3g" % best)
    print("sqrt((1 + sqrt 5) / 2) = %.6f" % math.sqrt((1 + math.sqrt(5)) / 2))


if __name__ == "__main__":
    main()
