#!/usr/bin/env python3
"""Independent [T2.2] reference times of a whitened case (tests/test_whitened.c).

Exact data in fractions (mu, Sigma = I checked, w* = X~^T y / n, c^2,
a_0 = <w_0, w*>/c, b_0^2 = W_0 - a_0^2), then the reduced recurrence of
THEOREMS.md [L7] and psi of [T2.2] in mpmath interval arithmetic (mpmath.iv,
every comparison certified or the script stops).  Written from THEOREMS.md
section 3, not from the library.

usage: python3 tests/t22_reference.py CASE.json [T0 ...]
prints the earliest t0 at which H2, (i) and (ii) hold, T(t0), the first
rising step after it, and T(t0) for each T0 asked; then the earliest t0 of
[T2.1] (H2 and eta Gamma c <= 2 W_t0) and the rising steps after it.
"""
import json
import sys
from fractions import Fraction as Q
from mpmath import iv

iv.prec = 600


def fq(x):
    """the rational x as an interval"""
    x = Q(x)
    return iv.mpf(x.numerator) / x.denominator


def cert(x):
    if x is None:
        sys.exit("undecided comparison: raise iv.prec")
    return x


def exact_data(case):
    X = [[Q(v) for v in row] for row in case["data"]["X"]]
    y = [Q(v) for v in case["data"]["y"]]
    n, d = len(X), len(X[0])
    mu = [sum(X[i][j] for i in range(n)) / n for j in range(d)]
    Xc = [[X[i][j] - mu[j] for j in range(d)] for i in range(n)]
    for j in range(d):
        for k in range(d):
            s = sum(Xc[i][j] * Xc[i][k] for i in range(n)) / n
            assert s == (1 if j == k else 0), "Sigma != I"
    ws = [sum(Xc[i][j] * y[i] for i in range(n)) / n for j in range(d)]
    w0 = [Q(v) for v in case["init"]["w"]]
    c2 = sum(v * v for v in ws)
    W0 = sum(v * v for v in w0)
    aw = sum(a * b for a, b in zip(w0, ws))       # a_0 c
    return c2, aw, W0


def trajectory(case, steps):
    c2, aw, W0 = exact_data(case)
    c = iv.sqrt(fq(c2))
    a = fq(aw) / c
    b2 = fq(W0) - a * a
    rho = iv.sqrt(b2) / a
    gamma = fq(case["init"]["gamma"])
    W = fq(W0)
    eta, eg = fq(case["eta"]), fq(case["eta_gamma"])
    states, rising = [], []
    for t in range(steps + 1):
        states.append((rho, gamma, W, a))
        s = iv.sqrt(1 + rho * rho)
        h = eta * gamma * c / W
        rho1 = rho * abs(s - h) / (s + h * rho * rho)
        rising.append(cert(rho1 > rho))
        a = a + h * (rho * a) ** 2 / iv.sqrt(W)
        W = W * (1 + h * h * rho * rho / (1 + rho * rho))
        gamma = (1 - eg) * gamma + eg * c / s
        rho = rho1
    return c, eta, eg, states, rising[:steps]


def waiting_time(c, eta, eg, st):
    """(admissible, T): H2, (i), (ii) at the state st, T the least t >= 1
    with psi(t) > Theta0 (psi quasi-concave: stop when it decreases)."""
    rho, gamma, W, a = st
    if not h2(st):
        return False, 0
    k0 = 1 / iv.sqrt(1 + rho * rho)
    s02 = rho * rho / (1 + rho * rho)
    Th0 = 2 * iv.sqrt(1 + rho * rho) / (1 - rho * rho)
    G = gamma if cert(gamma > c) else c
    D0 = c * k0 - gamma
    delta = (eta * G * c) ** 2 * s02 / W
    if not cert(eta * gamma * c / W < Th0):
        return False, 0
    prev = None
    for t in range(1, 100000):
        psi = eta * c * (c * k0 - (1 - eg) ** t * D0) / (W + t * delta)
        if cert(psi > Th0):
            return True, t
        if prev is not None and cert(psi < prev):
            return False, 0
        prev = psi
    sys.exit("scan too long")


def h2(st):
    rho, gamma, W, a = st
    return (cert(rho > 0) and cert(rho < 1) and cert(gamma > 0)
            and cert(a > 0))


def main():
    case = json.load(open(sys.argv[1]))
    steps = case["steps"]
    c, eta, eg, states, rising = trajectory(case, steps)
    for t0 in range(steps):
        ok, T = waiting_time(c, eta, eg, states[t0])
        if ok:
            t1 = next(t for t in range(t0, steps) if rising[t])
            print("earliest t0 %d T %d t0+T %d t1 %d" % (t0, T, t0 + T, t1))
            break
    for arg in sys.argv[2:]:
        t0 = int(arg)
        ok, T = waiting_time(c, eta, eg, states[t0])
        t1 = next((t for t in range(t0, steps) if rising[t]), -1)
        print("t0 %d admissible %s T %d t1 %d" % (t0, ok, T, t1))
    for t0 in range(steps):
        rho, gamma, W, a = states[t0]
        G = gamma if cert(gamma > c) else c
        if h2(states[t0]) and cert(eta * G * c <= 2 * W):
            print("T2.1 earliest t0 %d, rising steps after it: %d"
                  % (t0, sum(rising[t0:])))
            break


if __name__ == "__main__":
    main()
