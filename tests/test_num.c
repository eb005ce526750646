/*
 * test_num.c -- tests of the num module (sc_num_*): the certified
 * comparisons against the exact endpoint semantics of the balls, Theta,
 * rho_H and F against closed forms evaluated on exact rationals (a
 * Pythagorean parametrisation makes sqrt(1 + rho^2) rational, so many
 * oracles are exact fmpq), the [L7] rising identity, the branch and bound
 * for P(H) against a brute-force grid and the closed bound P_cf of [T3.b],
 * and the known-answer rows of tests/data/num_known_answers.txt.
 *
 * Run from the repository root (or set SC_TEST_DATA_DIR).  SC_TEST_SEED
 * overrides the seed of the random tests and SC_TEST_MULTIPLIER scales them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 20240611UL
#include "sc_test.h"

/* ---- fixtures and helpers ---------------------------------------------- */

/* A random precision in [53, 53 + 4 * 64), biased to the small end. */
static slong
rand_prec(flint_rand_t r)
{
    return 53 + (slong) n_randint(r, 64) * (1 + (slong) n_randint(r, 4));
}

/* x = a random rational in (0, 1) with denominator up to 2^bits, biased to
   the ends of the interval and to dyadic denominators. */
static void
rand_unit_fmpq(fmpq_t x, flint_rand_t r, flint_bitcnt_t bits)
{
    fmpz_t p, q;

    fmpz_init(p);
    fmpz_init(q);
    if (n_randint(r, 4) == 0)
        fmpz_one_2exp(q, 1 + n_randint(r, bits));
    else
    {
        fmpz_randbits(q, r, 1 + n_randint(r, bits));
        fmpz_abs(q, q);
    }
    fmpz_add_ui(q, q, 2);
    switch (n_randint(r, 4))
    {
        case 0:
            fmpz_one(p);                        /* near 0 */
            break;
        case 1:
            fmpz_sub_ui(p, q, 1);               /* near 1 */
            break;
        default:
            fmpz_sub_ui(p, q, 1);
            fmpz_randm(p, r, p);
            fmpz_add_ui(p, p, 1);
    }
    fmpq_set_fmpz_frac(x, p, q);
    fmpz_clear(q);
    fmpz_clear(p);
}

/* x = lo + (hi - lo) u with u random in (0, 1). */
static void
rand_fmpq_between(fmpq_t x, flint_rand_t r, const fmpq_t lo,
                  const fmpq_t hi, flint_bitcnt_t bits)
{
    fmpq_t u;

    fmpq_init(u);
    rand_unit_fmpq(u, r, bits);
    fmpq_sub(x, hi, lo);
    fmpq_mul(x, x, u);
    fmpq_add(x, x, lo);
    fmpq_clear(u);
}

/* A Pythagorean rho: for rational t > 0, rho = (t^2 - 1) / (2t) has
   sqrt(1 + rho^2) = s = (t^2 + 1) / (2t), rational. */
static void
pythagorean_rho(fmpq_t rho, fmpq_t s, const fmpq_t t)
{
    fmpq_t t2, den;

    fmpq_init(t2);
    fmpq_init(den);
    fmpq_mul(t2, t, t);
    fmpq_mul_2exp(den, t, 1);
    fmpq_sub_ui(rho, t2, 1);
    fmpq_div(rho, rho, den);
    fmpq_add_ui(s, t2, 1);
    fmpq_div(s, s, den);
    fmpq_clear(den);
    fmpq_clear(t2);
}

/* Theta(rho) = 2 s / (1 - rho^2), exact, for rational rho and s. */
static void
theta_exact(fmpq_t res, const fmpq_t rho, const fmpq_t s)
{
    fmpq_t den;

    fmpq_init(den);
    fmpq_mul(den, rho, rho);
    fmpq_sub_ui(den, den, 1);
    fmpq_neg(den, den);
    fmpq_mul_2exp(res, s, 1);
    fmpq_div(res, res, den);
    fmpq_clear(den);
}

/* F(rho, H) = rho (H - s) / (s + H rho^2), exact. */
static void
F_exact(fmpq_t res, const fmpq_t rho, const fmpq_t s, const fmpq_t H)
{
    fmpq_t num, den;

    fmpq_init(num);
    fmpq_init(den);
    fmpq_sub(num, H, s);
    fmpq_mul(num, num, rho);
    fmpq_mul(den, rho, rho);
    fmpq_mul(den, den, H);
    fmpq_add(den, den, s);
    fmpq_div(res, num, den);
    fmpq_clear(den);
    fmpq_clear(num);
}

/*
 * The closed forms of THEOREMS.md section 1, evaluated on an exact rational
 * with a single rounding (one sqrt) at precision wp.
 */
static void
theta_ref(arb_t res, const fmpq_t rho, slong wp)
{
    fmpq_t q, k;

    fmpq_init(q);
    fmpq_init(k);
    fmpq_mul(q, rho, rho);
    fmpq_add_ui(q, q, 1);                       /* 1 + rho^2 */
    fmpq_sub_ui(k, q, 2);
    fmpq_neg(k, k);                             /* 1 - rho^2 */
    fmpq_inv(k, k);
    fmpq_mul_2exp(k, k, 1);                     /* 2 / (1 - rho^2) */
    arb_set_fmpq(res, q, wp);
    arb_sqrt(res, res, wp);
    arb_mul_fmpz(res, res, fmpq_numref(k), wp);
    arb_div_fmpz(res, res, fmpq_denref(k), wp);
    fmpq_clear(k);
    fmpq_clear(q);
}

/* F by a second algebraic route, free of the cancellation in H - s:
   F = rho (H^2 - s^2) / ((s + H rho^2)(H + s)), valid for H > 0. */
static void
F_ref(arb_t res, const fmpq_t rho, const fmpq_t H, slong wp)
{
    fmpq_t q, hr2, num;
    arb_t s, t;

    fmpq_init(q);
    fmpq_init(hr2);
    fmpq_init(num);
    arb_init(s);
    arb_init(t);
    fmpq_mul(q, rho, rho);
    fmpq_mul(hr2, q, H);                        /* H rho^2 */
    fmpq_mul(num, H, H);
    fmpq_sub(num, num, q);
    fmpq_sub_ui(num, num, 1);
    fmpq_mul(num, num, rho);                    /* rho (H^2 - 1 - rho^2) */
    fmpq_add_ui(q, q, 1);
    arb_set_fmpq(s, q, wp);
    arb_sqrt(s, s, wp);
    arb_set_fmpq(t, hr2, wp);
    arb_add(t, t, s, wp);
    arb_set_fmpq(res, H, wp);
    arb_add(res, res, s, wp);
    arb_mul(t, t, res, wp);
    arb_set_fmpq(res, num, wp);
    arb_div(res, res, t, wp);
    arb_clear(t);
    arb_clear(s);
    fmpq_clear(num);
    fmpq_clear(hr2);
    fmpq_clear(q);
}

/* Bits a well-conditioned evaluation may lose to a cancellation of size
   |q|: max(0, log2(1/|q|)) + 1, for exact rational q != 0. */
static slong
cancellation_bits(const fmpq_t q)
{
    slong k = (slong) fmpz_bits(fmpq_denref(q))
              - (slong) fmpz_bits(fmpq_numref(q)) + 1;

    return k < 0 ? 0 : k;
}

/* ---- certified comparisons --------------------------------------------- */

/*
 * A random ball with exact endpoints lo = a 2^e, hi = b 2^e, a <= b small
 * integers (a = b a quarter of the time: an exact point).  Both endpoints
 * are dyadic and the radius (b - a) 2^(e-1) fits a mag exactly.
 */
static void
rand_ball_int(arb_t x, flint_rand_t r, slong e)
{
    slong a = (slong) n_randint(r, 33) - 16, b;

    b = (n_randint(r, 4) == 0) ? a : a + (slong) n_randint(r, 17 - a);
    arf_set_si(arb_midref(x), a + b);
    arf_mul_2exp_si(arb_midref(x), arb_midref(x), e - 1);
    mag_set_ui(arb_radref(x), (ulong) (b - a));
    mag_mul_2exp_si(arb_radref(x), arb_radref(x), e - 1);
}

/* lo, hi: the exact endpoints of x. */
static void
ball_endpoints(arf_t lo, arf_t hi, const arb_t x)
{
    arf_t r;

    arf_init(r);
    arf_set_mag(r, arb_radref(x));
    arf_sub(lo, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_add(hi, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_clear(r);
}

/* The truth of x < y (strict) or x <= y over every pair of points. */
static sc_truth_t
ref_compare(const arb_t x, const arb_t y, int strict)
{
    arf_t xl, xh, yl, yh;
    sc_truth_t t;

    arf_init(xl);
    arf_init(xh);
    arf_init(yl);
    arf_init(yh);
    ball_endpoints(xl, xh, x);
    ball_endpoints(yl, yh, y);
    if (strict ? arf_cmp(xh, yl) < 0 : arf_cmp(xh, yl) <= 0)
        t = SC_TRUE;
    else if (strict ? arf_cmp(xl, yh) >= 0 : arf_cmp(xl, yh) > 0)
        t = SC_FALSE;
    else
        t = SC_UNKNOWN;
    arf_clear(yh);
    arf_clear(yl);
    arf_clear(xh);
    arf_clear(xl);
    return t;
}

/* Checks the four comparisons on (x, y) against the endpoint semantics. */
static int
compare_all_match(const arb_t x, const arb_t y)
{
    return sc_num_lt(x, y) == ref_compare(x, y, 1)
           && sc_num_le(x, y) == ref_compare(x, y, 0)
           && sc_num_gt(x, y) == ref_compare(y, x, 1)
           && sc_num_ge(x, y) == ref_compare(y, x, 0);
}

static void
print_compare(const arb_t x, const arb_t y)
{
    print_ball("x", x);
    print_ball("y", y);
    print_error("  lt %d (want %d)  le %d (want %d)  gt %d (want %d)  "
                "ge %d (want %d)\n",
                sc_num_lt(x, y), ref_compare(x, y, 1),
                sc_num_le(x, y), ref_compare(x, y, 0),
                sc_num_gt(x, y), ref_compare(y, x, 1),
                sc_num_ge(x, y), ref_compare(y, x, 0));
}

/* Balls whose interiors overlap: no comparison may be decided. */
static void
test_num_compare_unknown_on_overlap(void ** state)
{
    test_state * st = *state;
    slong iter, tested = 0;
    arb_t x, y;
    arf_t xl, xh, yl, yh;

    arb_init(x);
    arb_init(y);
    arf_init(xl);
    arf_init(xh);
    arf_init(yl);
    arf_init(yh);
    for (iter = 0; iter < 4000 * test_multiplier(); iter++)
    {
        slong e = (slong) n_randint(st->r, 401) - 200;

        rand_ball_int(x, st->r, e);
        rand_ball_int(y, st->r, e + (slong) n_randint(st->r, 3) - 1);
        ball_endpoints(xl, xh, x);
        ball_endpoints(yl, yh, y);
        /* open overlap: xl < yh and yl < xh */
        if (!(arf_cmp(xl, yh) < 0 && arf_cmp(yl, xh) < 0))
            continue;
        tested++;
        if (sc_num_lt(x, y) != SC_UNKNOWN || sc_num_le(x, y) != SC_UNKNOWN
            || sc_num_gt(x, y) != SC_UNKNOWN
            || sc_num_ge(x, y) != SC_UNKNOWN)
        {
            print_compare(x, y);
            print_seed(st);
            fail();
        }
    }
    assert_true(tested > 200);

    /* an indeterminate ball decides nothing */
    arb_indeterminate(x);
    arb_set_si(y, 3);
    assert_int_equal(sc_num_lt(x, y), SC_UNKNOWN);
    assert_int_equal(sc_num_le(x, y), SC_UNKNOWN);
    assert_int_equal(sc_num_gt(x, y), SC_UNKNOWN);
    assert_int_equal(sc_num_ge(x, y), SC_UNKNOWN);
    assert_int_equal(sc_num_lt(y, x), SC_UNKNOWN);
    assert_int_equal(sc_num_is_positive(x), SC_UNKNOWN);

    arf_clear(yh);
    arf_clear(yl);
    arf_clear(xh);
    arf_clear(xl);
    arb_clear(y);
    arb_clear(x);
}

/* Separated balls at scales from 2^-1000 to 2^1000, different scales and
   signs: every comparison decided, and decided right. */
static void
test_num_compare_decides_separated(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    for (iter = 0; iter < 4000 * test_multiplier(); iter++)
    {
        slong e1 = (slong) n_randint(st->r, 2001) - 1000;
        slong e2 = e1 + (slong) n_randint(st->r, 41) - 20;
        sc_truth_t want;

        /* x = m1 +- r1, y = m2 +- r2 with |m1 - m2| > r1 + r2 */
        arb_randtest_exact(x, st->r, 64, 4);
        arb_mul_2exp_si(x, x, e1);
        arb_randtest_exact(y, st->r, 64, 4);
        arb_mul_2exp_si(y, y, e2);
        if (arf_equal(arb_midref(x), arb_midref(y)))
            continue;
        want = arf_cmp(arb_midref(x), arb_midref(y)) < 0 ? SC_TRUE
                                                           : SC_FALSE;
        {
            arf_t gap;
            mag_t g;

            arf_init(gap);
            mag_init(g);
            arf_sub(gap, arb_midref(x), arb_midref(y), ARF_PREC_EXACT,
                    ARF_RND_DOWN);
            arf_get_mag_lower(g, gap);
            /* radii: random fractions below a third of the gap */
            mag_mul_2exp_si(g, g, -2 - (slong) n_randint(st->r, 60));
            mag_set(arb_radref(x), g);
            mag_mul_2exp_si(g, g, -(slong) n_randint(st->r, 8));
            mag_set(arb_radref(y), g);
            mag_clear(g);
            arf_clear(gap);
        }
        if (sc_num_lt(x, y) != want || sc_num_le(x, y) != want
            || sc_num_gt(y, x) != want || sc_num_ge(y, x) != want
            || sc_num_gt(x, y) != sc_truth_not(want)
            || sc_num_ge(x, y) != sc_truth_not(want)
            || !compare_all_match(x, y))
        {
            print_compare(x, y);
            print_seed(st);
            fail();
        }
    }
    arb_clear(y);
    arb_clear(x);
}

/* Touching balls, exact points, equal points, nested balls: exactly the
   endpoint semantics (le / ge may be decided on a shared endpoint). */
static void
test_num_compare_matches_endpoint_semantics(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    for (iter = 0; iter < 4000 * test_multiplier(); iter++)
    {
        slong e = (slong) n_randint(st->r, 201) - 100;

        rand_ball_int(x, st->r, e);
        if (n_randint(st->r, 8) == 0)
            arb_set(y, x);                      /* aliasing-like: equal */
        else
            rand_ball_int(y, st->r, e);
        if (!compare_all_match(x, y) || !compare_all_match(x, x))
        {
            print_compare(x, y);
            print_seed(st);
            fail();
        }
    }
    /* exact points: 1 < 1 is false, 1 <= 1 true */
    arb_one(x);
    arb_one(y);
    assert_int_equal(sc_num_lt(x, y), SC_FALSE);
    assert_int_equal(sc_num_le(x, y), SC_TRUE);
    assert_int_equal(sc_num_gt(x, y), SC_FALSE);
    assert_int_equal(sc_num_ge(x, y), SC_TRUE);
    /* [0, 1] vs [1, 2]: le true on the shared endpoint, lt unknown */
    arb_set_d(x, 0.5);
    mag_set_ui_2exp_si(arb_radref(x), 1, -1);
    arb_set_d(y, 1.5);
    mag_set_ui_2exp_si(arb_radref(y), 1, -1);
    assert_int_equal(sc_num_lt(x, y), SC_UNKNOWN);
    assert_int_equal(sc_num_le(x, y), SC_TRUE);
    assert_int_equal(sc_num_gt(y, x), SC_UNKNOWN);
    assert_int_equal(sc_num_ge(y, x), SC_TRUE);
    arb_clear(y);
    arb_clear(x);
}

/* is_positive, contains_zero and the three-valued connectives. */
static void
test_num_is_positive_contains_zero_truth_tables(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t x;
    arf_t lo, hi;
    const sc_truth_t v[3] = { SC_FALSE, SC_TRUE, SC_UNKNOWN };
    int i, j;

    arb_init(x);
    arf_init(lo);
    arf_init(hi);
    for (iter = 0; iter < 2000 * test_multiplier(); iter++)
    {
        sc_truth_t want_pos, want_zero;

        rand_ball_int(x, st->r, (slong) n_randint(st->r, 201) - 100);
        ball_endpoints(lo, hi, x);
        want_pos = arf_sgn(lo) > 0 ? SC_TRUE
                   : (arf_sgn(hi) <= 0 ? SC_FALSE : SC_UNKNOWN);
        want_zero = (arf_sgn(lo) <= 0 && arf_sgn(hi) >= 0) ? SC_TRUE
                                                           : SC_FALSE;
        if (sc_num_is_positive(x) != want_pos
            || sc_num_contains_zero(x) != want_zero)
        {
            print_ball("x", x);
            print_seed(st);
            fail();
        }
    }
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
        {
            sc_truth_t want;

            if (v[i] == SC_FALSE || v[j] == SC_FALSE)
                want = SC_FALSE;
            else if (v[i] == SC_TRUE && v[j] == SC_TRUE)
                want = SC_TRUE;
            else
                want = SC_UNKNOWN;
            assert_int_equal(sc_truth_and(v[i], v[j]), want);
        }
    assert_int_equal(sc_truth_not(SC_TRUE), SC_FALSE);
    assert_int_equal(sc_truth_not(SC_FALSE), SC_TRUE);
    assert_int_equal(sc_truth_not(SC_UNKNOWN), SC_UNKNOWN);
    arf_clear(hi);
    arf_clear(lo);
    arb_clear(x);
}

/* ---- Theta ------------------------------------------------------------- */

/* Random exact rho in [0, 1): Theta against the closed form with one
   rounding, and, for Pythagorean rho, against the exact rational. */
static void
test_num_theta_closed_form(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t rho, s, t, lo, hi, exact;
    arb_t x, res, ref;

    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(exact);
    arb_init(x);
    arb_init(res);
    arb_init(ref);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        slong prec = rand_prec(st->r), loss;
        int pyth = n_randint(st->r, 2);
        sc_truth_t below;

        if (pyth)
        {
            /* t in (1, 12/5): rho in (0, 0.992) */
            fmpq_one(lo);
            fmpq_set_si(hi, 12, 5);
            rand_fmpq_between(t, st->r, lo, hi, 40);
            pythagorean_rho(rho, s, t);
        }
        else if (n_randint(st->r, 16) == 0)
            fmpq_zero(rho);
        else
            rand_unit_fmpq(rho, st->r, 60);

        /* 1 - rho^2 cancels: allow its bits, not more */
        fmpq_mul(t, rho, rho);
        fmpq_sub_ui(t, t, 1);
        loss = cancellation_bits(t);
        arb_set_fmpq(x, rho, prec + 64);
        below = sc_num_theta(res, x, prec);
        theta_ref(ref, rho, 2 * prec + 64);
        /* when the cancellation eats the whole precision an
           indeterminate ball is a (useless) enclosure; otherwise the
           result must be finite, positive and accurate */
        if (below != SC_TRUE
            || (arb_is_finite(res) && !arb_overlaps(res, ref))
            || (loss < prec - 16
                && (!arb_is_positive(res)
                    || arb_rel_accuracy_bits(res) < prec - loss - 16)))
        {
            print_fmpq("rho", rho);
            print_ball("Theta", res);
            print_ball("closed form", ref);
            print_seed(st);
            fail();
        }
        if (pyth)
        {
            theta_exact(exact, rho, s);
            if (arb_is_finite(res) && !arb_contains_fmpq(res, exact))
            {
                print_fmpq("rho", rho);
                print_fmpq("exact Theta", exact);
                print_ball("Theta", res);
                print_seed(st);
                fail();
            }
        }
    }
    arb_clear(ref);
    arb_clear(res);
    arb_clear(x);
    fmpq_clear(exact);
    fmpq_clear(hi);
    fmpq_clear(lo);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpq_clear(rho);
}

static void
test_num_theta_at_zero_is_two(void ** state)
{
    arb_t x, res;
    slong prec;

    (void) state;
    arb_init(x);
    arb_init(res);
    for (prec = 16; prec <= 1024; prec *= 2)
    {
        arb_zero(x);
        assert_int_equal(sc_num_theta(res, x, prec), SC_TRUE);
        assert_true(arb_contains_si(res, 2));
        assert_true(is_narrow(res, prec - 4));
    }
    /* aliasing: res == rho */
    arb_zero(x);
    assert_int_equal(sc_num_theta(x, x, 128), SC_TRUE);
    assert_true(arb_contains_si(x, 2));
    assert_true(is_narrow(x, 120));
    arb_clear(res);
    arb_clear(x);
}

/* r1 < r2 in [0, 1) (denominators <= 2^20, so r2 - r1 >= 2^-40):
   Theta(r1) < Theta(r2), certified. */
static void
test_num_theta_monotone(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t r1, r2;
    arb_t x, t1, t2;

    fmpq_init(r1);
    fmpq_init(r2);
    arb_init(x);
    arb_init(t1);
    arb_init(t2);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        rand_unit_fmpq(r1, st->r, 20);
        rand_unit_fmpq(r2, st->r, 20);
        if (n_randint(st->r, 8) == 0)
            fmpq_zero(r1);
        if (fmpq_equal(r1, r2))
            continue;
        if (fmpq_cmp(r1, r2) > 0)
            fmpq_swap(r1, r2);
        arb_set_fmpq(x, r1, 256);
        assert_int_equal(sc_num_theta(t1, x, 128), SC_TRUE);
        arb_set_fmpq(x, r2, 256);
        assert_int_equal(sc_num_theta(t2, x, 128), SC_TRUE);
        if (sc_num_lt(t1, t2) != SC_TRUE)
        {
            print_fmpq("r1", r1);
            print_fmpq("r2", r2);
            print_ball("Theta(r1)", t1);
            print_ball("Theta(r2)", t2);
            print_seed(st);
            fail();
        }
    }
    arb_clear(t2);
    arb_clear(t1);
    arb_clear(x);
    fmpq_clear(r2);
    fmpq_clear(r1);
}

/* A wide ball rho: the result encloses Theta at Pythagorean points inside
   it (exact rationals). */
static void
test_num_theta_encloses_over_ball(void ** state)
{
    test_state * st = *state;
    slong iter, k;
    fmpq_t t1, t2, t, rho, s, lo_rho, hi_rho, exact;
    arb_t x, res;
    arf_t a, b;

    fmpq_init(t1);
    fmpq_init(t2);
    fmpq_init(t);
    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(lo_rho);
    fmpq_init(hi_rho);
    fmpq_init(exact);
    arb_init(x);
    arb_init(res);
    arf_init(a);
    arf_init(b);
    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        fmpq_t one, top;

        fmpq_init(one);
        fmpq_init(top);
        fmpq_one(one);
        fmpq_set_si(top, 12, 5);
        rand_fmpq_between(t1, st->r, one, top, 30);
        rand_fmpq_between(t2, st->r, one, top, 30);
        fmpq_clear(top);
        fmpq_clear(one);
        if (fmpq_cmp(t1, t2) > 0)
            fmpq_swap(t1, t2);
        if (fmpq_equal(t1, t2))
            continue;
        pythagorean_rho(lo_rho, s, t1);
        pythagorean_rho(hi_rho, s, t2);
        /* x = a ball containing [lo_rho, hi_rho] */
        arf_set_fmpq(a, lo_rho, 128, ARF_RND_DOWN);
        arf_set_fmpq(b, hi_rho, 128, ARF_RND_UP);
        arb_set_interval_arf(x, a, b, 128);
        assert_int_equal(sc_num_theta(res, x, 128), SC_TRUE);
        for (k = 0; k <= 8; k++)
        {
            /* t = t1 + k (t2 - t1) / 8: a point of [t1, t2] */
            fmpq_sub(t, t2, t1);
            fmpq_mul_si(t, t, k);
            fmpq_div_2exp(t, t, 3);
            fmpq_add(t, t, t1);
            pythagorean_rho(rho, s, t);
            theta_exact(exact, rho, s);
            if (!arb_contains_fmpq(res, exact))
            {
                print_fmpq("rho", rho);
                print_ball("rho ball", x);
                print_ball("Theta(ball)", res);
                print_fmpq("Theta(rho)", exact);
                print_seed(st);
                fail();
            }
        }
    }
    arf_clear(b);
    arf_clear(a);
    arb_clear(res);
    arb_clear(x);
    fmpq_clear(exact);
    fmpq_clear(hi_rho);
    fmpq_clear(lo_rho);
    fmpq_clear(s);
    fmpq_clear(rho);
    fmpq_clear(t);
    fmpq_clear(t2);
    fmpq_clear(t1);
}

/* rho >= 1: SC_FALSE and +inf; rho straddling 1: SC_UNKNOWN. */
static void
test_num_theta_domain_edges(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t x, res;
    fmpq_t q;

    arb_init(x);
    arb_init(res);
    fmpq_init(q);

    arb_one(x);
    assert_int_equal(sc_num_theta(res, x, 128), SC_FALSE);
    assert_true(arf_is_pos_inf(arb_midref(res)));
    for (iter = 0; iter < 500 * test_multiplier(); iter++)
    {
        /* rho = 1 + u or 1/u with u in (0, 1) (bias to just above 1),
           carried as a ball of tiny radius that stays >= 1 */
        rand_unit_fmpq(q, st->r, 80);
        if (n_randint(st->r, 2))
            fmpq_add_ui(q, q, 1);
        else
            fmpq_inv(q, q);
        arb_set_fmpq(x, q, 256);
        if (arb_contains_si(x, 1))
            continue;                           /* rounded onto 1 */
        if (sc_num_theta(res, x, 128) != SC_FALSE
            || !arf_is_pos_inf(arb_midref(res)))
        {
            print_fmpq("rho", q);
            print_ball("Theta", res);
            print_seed(st);
            fail();
        }
    }
    for (iter = 0; iter < 500 * test_multiplier(); iter++)
    {
        /* 1 +- 2^-k, k in [1, 300] */
        arb_one(x);
        mag_set_ui_2exp_si(arb_radref(x), 1, -1 - (slong) n_randint(st->r,
                                                                     300));
        if (sc_num_theta(res, x, 128) != SC_UNKNOWN)
        {
            print_ball("rho", x);
            print_seed(st);
            fail();
        }
        /* straddling from the side: mid below 1 */
        arb_set_d(x, 0.75);
        mag_set_ui_2exp_si(arb_radref(x), 1, -1);
        assert_int_equal(sc_num_theta(res, x, 128), SC_UNKNOWN);
    }
    fmpq_clear(q);
    arb_clear(res);
    arb_clear(x);
}

/* ---- rho_H ------------------------------------------------------------- */

/* Random H > 2 (biased to just above 2 and to large H):
   Theta(rho_H(H)) contains H, 0 < rho_H < 1. */
static void
test_num_rho_H_inverts_theta(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t H, u;
    arb_t x, rho, th;

    fmpq_init(H);
    fmpq_init(u);
    arb_init(x);
    arb_init(rho);
    arb_init(th);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        slong prec = rand_prec(st->r), loss;
        sc_truth_t t;

        rand_unit_fmpq(u, st->r, 60);
        switch (n_randint(st->r, 3))
        {
            case 0:         /* 2 + u 2^-k: close to 2 */
                fmpq_div_2exp(H, u, n_randint(st->r, 40));
                break;
            case 1:         /* 2 + 1/u: large */
                fmpq_inv(H, u);
                break;
            default:        /* 2 + 48 u: the range of [T3.b] */
                fmpq_mul_ui(H, u, 48);
        }
        fmpq_add_ui(H, H, 2);
        /* rho_H ~ sqrt((H - 2) / 3) near 2: s_H^2 - 1 cancels, so allow
           log2(1/(H - 2)) bits; then rho_H is still certified positive */
        fmpq_sub_ui(u, H, 2);
        loss = cancellation_bits(u);
        arb_set_fmpq(x, H, prec + 64);
        t = sc_num_rho_H(rho, x, prec);
        /* 1 - rho_H ~ sqrt(2)/H for large H: certified < 1 only while
           log2 H is well below the precision */
        arb_one(th);
        if (t != SC_TRUE || sc_num_ge(rho, th) == SC_TRUE
            || ((slong) fmpz_bits(fmpq_numref(H))
                - (slong) fmpz_bits(fmpq_denref(H)) < prec - 16
                && !arb_lt(rho, th))
            || (prec - loss - 16 > 0
                && arb_rel_accuracy_bits(rho) < prec - loss - 16))
        {
            print_fmpq("H", H);
            print_ball("rho_H (not in (0, 1))", rho);
            print_seed(st);
            fail();
        }
        /* Theta over the ball rho_H encloses Theta(rho_H) = H (when the
           ball certifies rho_H < 1, else Theta is +inf somewhere on it) */
        if (arb_lt(rho, th)
            && (sc_num_theta(th, rho, prec) != SC_TRUE
                || !arb_contains_fmpq(th, H)))
        {
            print_fmpq("H", H);
            print_ball("rho_H", rho);
            print_ball("Theta(rho_H)", th);
            print_seed(st);
            fail();
        }
    }
    arb_clear(th);
    arb_clear(rho);
    arb_clear(x);
    fmpq_clear(u);
    fmpq_clear(H);
}

/* H = Theta(rho) for a Pythagorean rho is rational: rho_H(H) contains rho
   exactly, and is narrow. */
static void
test_num_rho_H_exact_pythagorean(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t t, rho, s, H, lo, hi;
    arb_t x, res;

    fmpq_init(t);
    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(H);
    fmpq_init(lo);
    fmpq_init(hi);
    arb_init(x);
    arb_init(res);
    fmpq_one(lo);
    fmpq_set_si(hi, 12, 5);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        slong prec = 64 + (slong) n_randint(st->r, 400);

        rand_fmpq_between(t, st->r, lo, hi, 30);
        pythagorean_rho(rho, s, t);
        theta_exact(H, rho, s);
        arb_set_fmpq(x, H, prec + 64);
        if (sc_num_rho_H(res, x, prec) != SC_TRUE
            || !arb_contains_fmpq(res, rho)
            || !is_narrow(res, prec / 3))
        {
            print_fmpq("H", H);
            print_fmpq("exact rho_H", rho);
            print_ball("rho_H", res);
            print_seed(st);
            fail();
        }
    }
    arb_clear(res);
    arb_clear(x);
    fmpq_clear(hi);
    fmpq_clear(lo);
    fmpq_clear(H);
    fmpq_clear(s);
    fmpq_clear(rho);
    fmpq_clear(t);
}

/* H <= 2 (including exactly 2 and negative H): SC_FALSE and rho_H = 0;
   H straddling 2: SC_UNKNOWN. */
static void
test_num_rho_H_zero_at_most_two(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t H;
    arb_t x, res;

    fmpq_init(H);
    arb_init(x);
    arb_init(res);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        rand_unit_fmpq(H, st->r, 60);
        switch (n_randint(st->r, 4))
        {
            case 0:
                fmpq_set_si(H, 2, 1);
                break;
            case 1:
                fmpq_sub_ui(H, H, 1);           /* (-1, 0) */
                break;
            default:
                fmpq_mul_2exp(H, H, 1);         /* (0, 2) */
        }
        arb_set_fmpq(x, H, 256);
        arb_set_si(res, 7);
        if (sc_num_rho_H(res, x, 128) != SC_FALSE || !arb_is_zero(res))
        {
            print_fmpq("H", H);
            print_ball("rho_H", res);
            print_seed(st);
            fail();
        }
    }
    arb_set_si(x, 2);
    mag_set_ui_2exp_si(arb_radref(x), 1, -200);
    assert_int_equal(sc_num_rho_H(res, x, 128), SC_UNKNOWN);
    arb_clear(res);
    arb_clear(x);
    fmpq_clear(H);
}

/* ---- F ----------------------------------------------------------------- */

/* F at an exact rational rho > 0, H > 0 against the cancellation-free
   formula at more than twice the precision; Pythagorean rho: the exact
   rational F. */
static void
test_num_F_against_formula(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t rho, s, H, t, lo, hi, exact;
    arb_t xr, xh, res, ref;

    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(H);
    fmpq_init(t);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(exact);
    arb_init(xr);
    arb_init(xh);
    arb_init(res);
    arb_init(ref);
    for (iter = 0; iter < 1000 * test_multiplier(); iter++)
    {
        slong prec = rand_prec(st->r);
        int pyth = n_randint(st->r, 2);

        /* rho in (0, 4) with the ends, H in (0, 64) */
        if (pyth)
        {
            fmpq_one(lo);
            fmpq_set_si(hi, 9, 1);
            rand_fmpq_between(t, st->r, lo, hi, 40);
            pythagorean_rho(rho, s, t);
        }
        else
        {
            rand_unit_fmpq(rho, st->r, 60);
            if (n_randint(st->r, 2))
                fmpq_mul_2exp(rho, rho, 2);
            if (n_randint(st->r, 4) == 0)
                fmpq_div_2exp(rho, rho, 100);
        }
        rand_unit_fmpq(H, st->r, 40);
        fmpq_mul_2exp(H, H, n_randint(st->r, 7));
        arb_set_fmpq(xr, rho, prec + 64);
        arb_set_fmpq(xh, H, prec + 64);
        sc_num_F(res, xr, xh, prec);
        F_ref(ref, rho, H, 2 * prec + 64);
        if (!arb_overlaps(res, ref) || !is_narrow(res, prec / 3))
        {
            print_fmpq("rho", rho);
            print_fmpq("H", H);
            print_ball("F", res);
            print_ball("second formula", ref);
            print_seed(st);
            fail();
        }
        if (pyth)
        {
            F_exact(exact, rho, s, H);
            if (!arb_contains_fmpq(res, exact))
            {
                print_fmpq("rho", rho);
                print_fmpq("H", H);
                print_fmpq("exact F", exact);
                print_ball("F", res);
                print_seed(st);
                fail();
            }
        }
        /* aliasing: res == rho, res == H */
        arb_set(ref, res);
        sc_num_F(xr, xr, xh, prec);
        assert_true(arb_overlaps(xr, ref));
        arb_set_fmpq(xr, rho, prec + 64);
        sc_num_F(xh, xr, xh, prec);
        assert_true(arb_overlaps(xh, ref));
    }
    arb_clear(ref);
    arb_clear(res);
    arb_clear(xh);
    arb_clear(xr);
    fmpq_clear(exact);
    fmpq_clear(hi);
    fmpq_clear(lo);
    fmpq_clear(t);
    fmpq_clear(H);
    fmpq_clear(s);
    fmpq_clear(rho);
}

/* F over a wide ball of rho (possibly containing 0, possibly negative
   points) encloses the exact F at every Pythagorean point of it. */
static void
test_num_F_encloses_over_ball(void ** state)
{
    test_state * st = *state;
    slong iter, k;
    fmpq_t t1, t2, t, rho, s, r1, r2, H, exact, lo, hi;
    arb_t x, xh, res;
    arf_t a, b;

    fmpq_init(t1);
    fmpq_init(t2);
    fmpq_init(t);
    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(r1);
    fmpq_init(r2);
    fmpq_init(H);
    fmpq_init(exact);
    fmpq_init(lo);
    fmpq_init(hi);
    arb_init(x);
    arb_init(xh);
    arb_init(res);
    arf_init(a);
    arf_init(b);
    for (iter = 0; iter < 300 * test_multiplier(); iter++)
    {
        /* t in (1/2, 3): rho in (-3/4, 4/3); sometimes a narrow pair */
        fmpq_set_si(lo, 1, 2);
        fmpq_set_si(hi, 3, 1);
        rand_fmpq_between(t1, st->r, lo, hi, 30);
        if (n_randint(st->r, 2))
            rand_fmpq_between(t2, st->r, lo, hi, 30);
        else
        {
            rand_unit_fmpq(t2, st->r, 30);
            fmpq_div_2exp(t2, t2, 10 + n_randint(st->r, 40));
            fmpq_add(t2, t2, t1);
        }
        if (fmpq_cmp(t1, t2) > 0)
            fmpq_swap(t1, t2);
        if (fmpq_equal(t1, t2))
            continue;
        pythagorean_rho(r1, s, t1);
        pythagorean_rho(r2, s, t2);
        arf_set_fmpq(a, r1, 128, ARF_RND_DOWN);
        arf_set_fmpq(b, r2, 128, ARF_RND_UP);
        arb_set_interval_arf(x, a, b, 128);
        rand_unit_fmpq(H, st->r, 30);
        fmpq_mul_si(H, H, 40);
        arb_set_fmpq(xh, H, 192);
        sc_num_F(res, x, xh, 128);
        for (k = 0; k <= 16; k++)
        {
            fmpq_sub(t, t2, t1);
            fmpq_mul_si(t, t, k);
            fmpq_div_2exp(t, t, 4);
            fmpq_add(t, t, t1);
            pythagorean_rho(rho, s, t);
            F_exact(exact, rho, s, H);
            if (!arb_contains_fmpq(res, exact))
            {
                print_ball("rho ball", x);
                print_fmpq("rho", rho);
                print_fmpq("H", H);
                print_ball("F(ball)", res);
                print_fmpq("F(rho)", exact);
                print_seed(st);
                fail();
            }
        }
    }
    arf_clear(b);
    arf_clear(a);
    arb_clear(res);
    arb_clear(xh);
    arb_clear(x);
    fmpq_clear(hi);
    fmpq_clear(lo);
    fmpq_clear(exact);
    fmpq_clear(H);
    fmpq_clear(r2);
    fmpq_clear(r1);
    fmpq_clear(s);
    fmpq_clear(rho);
    fmpq_clear(t);
    fmpq_clear(t2);
    fmpq_clear(t1);
}

/*
 * The identity behind [L7].4: for rho > 0, F(rho, h) > rho iff rho < 1 and
 * h > Theta(rho).  Random rational rho in (0, 3/2), h in (0, 64), half of
 * them placed at Theta(rho) (1 +- 2^-k), k <= 24; pairs whose side of the
 * boundary is not certified at 128 bits are skipped.
 */
static void
test_num_F_rising_iff_h_above_theta(void ** state)
{
    test_state * st = *state;
    slong iter, decided = 0, rising = 0, total = 2000 * test_multiplier();
    fmpq_t rho, h, u;
    arb_t xr, xh, th, f, one;
    arf_t m;

    fmpq_init(rho);
    fmpq_init(h);
    fmpq_init(u);
    arb_init(xr);
    arb_init(xh);
    arb_init(th);
    arb_init(f);
    arb_init(one);
    arf_init(m);
    arb_one(one);
    for (iter = 0; iter < total; iter++)
    {
        sc_truth_t want, got, below;

        rand_unit_fmpq(rho, st->r, 50);
        if (n_randint(st->r, 3) == 0)
            fmpq_mul_2exp(rho, rho, 1);         /* (0, 2): some >= 1 */
        if (n_randint(st->r, 5) == 0)
            fmpq_div_2exp(rho, rho, n_randint(st->r, 200));
        arb_set_fmpq(xr, rho, 256);
        below = sc_num_theta(th, xr, 128);
        if (below == SC_UNKNOWN)
            continue;
        if (below == SC_TRUE && n_randint(st->r, 2))
        {
            /* h = Theta (1 +- 2^-k), rounded to a dyadic rational */
            slong k = 1 + (slong) n_randint(st->r, 24);

            arb_set_ui(f, 1);
            arb_mul_2exp_si(f, f, -k);
            if (n_randint(st->r, 2))
                arb_neg(f, f);
            arb_add_ui(f, f, 1, 128);
            arb_mul(f, f, th, 128);
            arf_set(m, arb_midref(f));
            arf_get_fmpq(h, m);
        }
        else
        {
            rand_unit_fmpq(h, st->r, 40);
            fmpq_mul_2exp(h, h, n_randint(st->r, 7));
        }
        arb_set_fmpq(xh, h, 256);
        if (below == SC_TRUE)
        {
            want = sc_num_gt(xh, th);
            if (want == SC_UNKNOWN)
                continue;
        }
        else
            want = SC_FALSE;
        decided++;
        rising += (want == SC_TRUE);
        sc_num_F(f, xr, xh, 128);
        got = sc_num_gt(f, xr);
        if (got != want)
        {
            print_fmpq("rho", rho);
            print_fmpq("h", h);
            print_ball("Theta(rho)", th);
            print_ball("F(rho, h)", f);
            print_error("  F > rho: %d, want %d\n", got, want);
            print_seed(st);
            fail();
        }
    }
    /* the sample exercised both sides */
    assert_true(decided > total / 2);
    assert_true(rising > decided / 10);
    assert_true(rising < decided - decided / 10);
    arf_clear(m);
    arb_clear(one);
    arb_clear(f);
    arb_clear(th);
    arb_clear(xh);
    arb_clear(xr);
    fmpq_clear(u);
    fmpq_clear(h);
    fmpq_clear(rho);
}

/* ---- F_max ------------------------------------------------------------- */

#define FMAX_GRID 2000
#define FMAX_TOL_BITS 30

/* Pcf(H) = (H - 1) m / (1 + H m^2), m = min(rho_H, H^-1/2) ([T3.b]). */
static void
P_cf(arb_t res, const arb_t H, const arb_t rhoH, slong prec)
{
    arb_t m, t;

    arb_init(m);
    arb_init(t);
    arb_rsqrt(t, H, prec);
    arb_min(m, rhoH, t, prec);
    arb_sqr(t, m, prec);
    arb_mul(t, t, H, prec);
    arb_add_ui(t, t, 1, prec);
    arb_sub_ui(res, H, 1, prec);
    arb_mul(res, res, m, prec);
    arb_div(res, res, t, prec);
    arb_clear(t);
    arb_clear(m);
}

/*
 * One H: lo <= hi exact points with hi - lo <= 2^-tol lo; a grid of 2000
 * exact points of (0, rho_H] (rho_H's lower bound certified by the test's
 * own Theta) never beats hi, the best grid value is within 1e-5 of hi and
 * lo is not above it by more; hi <= P_cf(H) certified.
 */
static int
check_F_max(const fmpq_t Hq, const test_state * st)
{
    slong k, prec = 128;
    arb_t H, lo, hi, rhoH, x, f, th, pcf, best;
    arf_t rlb, best_ub, best_lb;
    fmpq_t r, g;
    int ok = 1;

    arb_init(H);
    arb_init(lo);
    arb_init(hi);
    arb_init(rhoH);
    arb_init(x);
    arb_init(f);
    arb_init(th);
    arb_init(pcf);
    arb_init(best);
    arf_init(rlb);
    arf_init(best_ub);
    arf_init(best_lb);
    fmpq_init(r);
    fmpq_init(g);

    arb_set_fmpq(H, Hq, 2 * prec);
    if (sc_num_F_max(lo, hi, H, FMAX_TOL_BITS, prec) != SC_OK)
    {
        print_error("  status not SC_OK\n");
        ok = 0;
        goto cleanup;
    }
    if (!arb_is_exact(lo) || !arb_is_exact(hi) || !arb_le(lo, hi)
        || !arb_is_positive(lo))
    {
        print_error("  lo <= hi (exact, positive) fails\n");
        ok = 0;
        goto cleanup;
    }
    /* hi - lo <= 2^-tol lo */
    arb_sub(x, hi, lo, prec);
    arb_mul_2exp_si(x, x, FMAX_TOL_BITS);
    if (!arb_le(x, lo))
    {
        print_error("  hi - lo > 2^-%d lo\n", FMAX_TOL_BITS);
        ok = 0;
        goto cleanup;
    }

    /* a certified point of the domain: Theta(rlb) <= H */
    assert_int_equal(sc_num_rho_H(rhoH, H, prec), SC_TRUE);
    arb_get_lbound_arf(rlb, rhoH, prec);
    arf_get_fmpq(r, rlb);
    theta_ref(th, r, 2 * prec);
    if (!arb_le(th, H))
    {
        print_error("  lower bound of rho_H not in the domain\n");
        ok = 0;
        goto cleanup;
    }
    arf_zero(best_ub);
    arf_zero(best_lb);
    for (k = 1; k <= FMAX_GRID; k++)
    {
        arf_t u;

        arf_init(u);
        fmpq_set_si(g, k, FMAX_GRID);
        fmpq_mul(g, g, r);                      /* k r / 2000 <= rho_H */
        arb_set_fmpq(x, g, 2 * prec);
        sc_num_F(f, x, H, prec);
        if (sc_num_gt(f, hi) == SC_TRUE)
        {
            print_error("  grid point %ld beats hi\n", (long) k);
            print_ball("F(grid)", f);
            ok = 0;
        }
        arb_get_ubound_arf(u, f, prec);
        if (arf_cmp(u, best_ub) > 0)
            arf_set(best_ub, u);
        arb_get_lbound_arf(u, f, prec);
        if (arf_cmp(u, best_lb) > 0)
            arf_set(best_lb, u);
        arf_clear(u);
        if (!ok)
            goto cleanup;
    }
    /* best grid value <= hi, and hi, lo within 1e-5 (relative) of it */
    arb_set_arf(best, best_lb);
    if (!arb_le(best, hi))
    {
        print_error("  best grid value above hi\n");
        ok = 0;
    }
    arb_set_arf(best, best_ub);
    /* the grid's own error, spacing^2 max|F''| / 8 relative to P, is
       below 2^-20 for H <= 50 but about 2^-15 at H = 1000 */
    arb_mul_2exp_si(x, best, fmpq_cmp_si(Hq, 50) <= 0 ? -17 : -10);
    arb_add(x, x, best, prec);
    if (!arb_le(hi, x) || !arb_le(lo, x))
    {
        print_ball("grid max + tol", x);
        print_error("  hi or lo far above the grid maximum\n");
        ok = 0;
    }
    /* [T3.b]: P <= P_cf */
    if (fmpq_cmp_si(Hq, 50) <= 0)
    {
        P_cf(pcf, H, rhoH, prec);
        if (sc_num_le(hi, pcf) != SC_TRUE)
        {
            print_ball("P_cf", pcf);
            print_error("  hi <= P_cf not certified\n");
            ok = 0;
        }
    }

cleanup:
    if (!ok)
    {
        print_fmpq("H", Hq);
        print_ball("lo", lo);
        print_ball("hi", hi);
        print_seed(st);
    }
    fmpq_clear(g);
    fmpq_clear(r);
    arf_clear(best_lb);
    arf_clear(best_ub);
    arf_clear(rlb);
    arb_clear(best);
    arb_clear(pcf);
    arb_clear(th);
    arb_clear(f);
    arb_clear(x);
    arb_clear(rhoH);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(H);
    return ok;
}

static void
test_num_F_max_brackets_grid_maximum(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t H, u;

    fmpq_init(H);
    fmpq_init(u);
    /* H in (2, 50], biased towards 2 (rho_H small, P close to P_cf:
       P_cf / P - 1 ~ (H - 2) / 3, so H - 2 >= 2^-18 keeps that gap far
       above the 2^-30 tolerance asked of F_max) */
    for (iter = 0; iter < 12 * test_multiplier(); iter++)
    {
        rand_unit_fmpq(u, st->r, 40);
        if (iter % 3 == 0)
            fmpq_div_2exp(u, u, 2 + n_randint(st->r, 14));
        if (fmpz_bits(fmpq_denref(u)) - fmpz_bits(fmpq_numref(u)) > 22)
            fmpq_set_si(u, 1, 1 << 22);
        fmpq_mul_ui(H, u, 48);
        fmpq_add_ui(H, H, 2);
        if (iter == 0)
            fmpq_set_si(H, 50, 1);
        if (!check_F_max(H, st))
            fail();
    }
    /* beyond [T3.b]'s range: only the bracket */
    fmpq_set_si(H, 1000, 1);
    if (!check_F_max(H, st))
        fail();
    fmpq_clear(u);
    fmpq_clear(H);
}

/*
 * For 2 < H < 2.8 the maximum of F over (0, rho_H] is at the end rho_H
 * (F is increasing there): a one-dimensional monotone problem the branch
 * and bound must resolve to any tolerance with two boxes per round.
 * hi - lo <= 2^-tol lo for tol = 40, 60, and hi within that of the exact
 * end value F(rho_H, H) = rho_H.
 */
static void
test_num_F_max_converges_at_boundary_maximum(void ** state)
{
    test_state * st = *state;
    slong iter, tol;
    fmpq_t Hq, u;
    arb_t H, lo, hi, rhoH, x;

    fmpq_init(Hq);
    fmpq_init(u);
    arb_init(H);
    arb_init(lo);
    arb_init(hi);
    arb_init(rhoH);
    arb_init(x);
    for (iter = 0; iter < 6 * test_multiplier(); iter++)
    {
        rand_unit_fmpq(u, st->r, 30);
        fmpq_div_2exp(u, u, 1);
        fmpq_add_ui(Hq, u, 2);                  /* (2, 2.5) */
        if (iter == 0)
            fmpq_set_si(Hq, 5, 2);
        if (iter == 1)
        {
            fmpq_set_si(Hq, 1, 1 << 30);        /* 2 + 2^-30 */
            fmpq_add_ui(Hq, Hq, 2);
        }
        arb_set_fmpq(H, Hq, 512);
        assert_int_equal(sc_num_rho_H(rhoH, H, 256), SC_TRUE);
        for (tol = 40; tol <= 60; tol += 20)
        {
            assert_int_equal(sc_num_F_max(lo, hi, H, tol, 256), SC_OK);
            arb_sub(x, hi, lo, 256);
            arb_mul_2exp_si(x, x, tol);
            if (!arb_le(x, lo) || sc_num_gt(lo, rhoH) == SC_TRUE
                || sc_num_lt(hi, rhoH) == SC_TRUE)
            {
                print_fmpq("H", Hq);
                print_error("  tol_bits %ld\n", (long) tol);
                print_ball("lo", lo);
                print_ball("hi", hi);
                print_ball("rho_H = F(rho_H, H) = P(H)", rhoH);
                print_seed(st);
                fail();
            }
        }
        /* [T3.b] with a relative gap P_cf / P - 1 ~ (H - 2) / 3 that may
           be as small as 2^-32: resolved at tol 60 */
        P_cf(x, H, rhoH, 256);
        if (sc_num_le(hi, x) != SC_TRUE)
        {
            print_fmpq("H", Hq);
            print_ball("hi", hi);
            print_ball("P_cf", x);
            print_seed(st);
            fail();
        }
    }
    arb_clear(x);
    arb_clear(rhoH);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(H);
    fmpq_clear(u);
    fmpq_clear(Hq);
}

/* H <= 2 or H straddling 2: no domain, SC_UNABLE. */
static void
test_num_F_max_unable_without_domain(void ** state)
{
    arb_t H, lo, hi;

    (void) state;
    arb_init(H);
    arb_init(lo);
    arb_init(hi);
    arb_set_si(H, 2);
    assert_int_equal(sc_num_F_max(lo, hi, H, 20, 128), SC_UNABLE);
    arb_set_d(H, 1.5);
    assert_int_equal(sc_num_F_max(lo, hi, H, 20, 128), SC_UNABLE);
    arb_set_si(H, -3);
    assert_int_equal(sc_num_F_max(lo, hi, H, 20, 128), SC_UNABLE);
    arb_set_si(H, 2);
    mag_set_ui_2exp_si(arb_radref(H), 1, -40);
    assert_int_equal(sc_num_F_max(lo, hi, H, 20, 128), SC_UNABLE);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(H);
}

/* ---- known answers ----------------------------------------------------- */

/*
 * Each row: function, arguments (exact rationals), value to 60 digits
 * (mpmath, 90 digits).  The balls at 256 bits must overlap value +- 1e-50
 * relative and be narrower than that; P(H) must lie in [lo, hi] of F_max
 * (no certified violation) with hi within 2^-40 of it.
 */
static void
test_num_known_answers_file(void ** state)
{
    char path[1024], line[512], fn[16], a1[64], a2[64], val[128];
    char buf[160];
    FILE * f;
    slong rows = 0, prec = 256;
    fmpq_t q1, q2;
    arb_t x1, x2, ref, res, lo, hi;

    (void) state;
    data_path(path, sizeof path, NULL, "num_known_answers.txt");
    f = fopen(path, "r");
    if (f == NULL)
    {
        print_error("cannot open %s (run from the repository root)\n",
                    path);
        fail();
    }
    fmpq_init(q1);
    fmpq_init(q2);
    arb_init(x1);
    arb_init(x2);
    arb_init(ref);
    arb_init(res);
    arb_init(lo);
    arb_init(hi);
    while (fgets(line, sizeof line, f) != NULL)
    {
        int ok = 1;

        if (line[0] == '#' || line[0] == '\n')
            continue;
        assert_int_equal(sscanf(line, "%15s %63s %63s %127s", fn, a1, a2,
                                val), 4);
        assert_int_equal(fmpq_set_str(q1, a1, 10), 0);
        fmpq_canonicalise(q1);
        arb_set_fmpq(x1, q1, prec + 64);
        if (strcmp(a2, "-") != 0)
        {
            assert_int_equal(fmpq_set_str(q2, a2, 10), 0);
            fmpq_canonicalise(q2);
            arb_set_fmpq(x2, q2, prec + 64);
        }
        snprintf(buf, sizeof buf, "%s", val);
        assert_int_equal(arb_set_str(ref, buf, prec + 64), 0);
        {
            arb_t e;

            arb_init(e);
            arb_abs(e, ref);
            arb_mul_2exp_si(e, e, -165);        /* 2^-165 ~ 2e-50 */
            arb_add_error(ref, e);
            arb_clear(e);
        }
        if (strcmp(fn, "theta") == 0)
            ok = sc_num_theta(res, x1, prec) == SC_TRUE
                 && arb_overlaps(res, ref) && is_narrow(res, 180);
        else if (strcmp(fn, "rho_H") == 0)
            ok = sc_num_rho_H(res, x1, prec) == SC_TRUE
                 && arb_overlaps(res, ref) && is_narrow(res, 160);
        else if (strcmp(fn, "F") == 0)
        {
            sc_num_F(res, x1, x2, prec);
            ok = arb_overlaps(res, ref) && is_narrow(res, 180);
        }
        else if (strcmp(fn, "P") == 0)
        {
            ok = sc_num_F_max(lo, hi, x1, 40, prec) == SC_OK
                 && sc_num_gt(lo, ref) != SC_TRUE
                 && sc_num_lt(hi, ref) != SC_TRUE;
            arb_sub(res, hi, ref, prec);
            arb_mul_2exp_si(res, res, 40);
            ok = ok && arb_le(res, ref);
            arb_set(res, hi);
        }
        else
        {
            print_error("unknown function '%s' in %s\n", fn, path);
            ok = 0;
        }
        if (!ok)
        {
            print_error("row: %s", line);
            print_ball("computed", res);
            print_ball("known", ref);
            fail();
        }
        rows++;
    }
    fclose(f);
    assert_true(rows >= 25);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(res);
    arb_clear(ref);
    arb_clear(x2);
    arb_clear(x1);
    fmpq_clear(q2);
    fmpq_clear(q1);
}

/* ---- conversions and vector kernels ------------------------------------ */

/* set_fmpq / sqrt_fmpq contain the exact value (a perfect square gives its
   exact root); the dot and norm kernels contain the exact rational sums. */
static void
test_num_convert_and_vec_contain_exact(void ** state)
{
    test_state * st = *state;
    slong iter, i;
    fmpq_t q, sq, acc, t;
    arb_t x;
    arb_ptr u, v;

    fmpq_init(q);
    fmpq_init(sq);
    fmpq_init(acc);
    fmpq_init(t);
    arb_init(x);
    for (iter = 0; iter < 300 * test_multiplier(); iter++)
    {
        slong prec = rand_prec(st->r), len = 1 + (slong) n_randint(st->r, 20);
        fmpq * a = _fmpq_vec_init(len);
        fmpq * b = _fmpq_vec_init(len);

        fmpq_randtest(q, st->r, 100);
        arb_set_fmpq(x, q, prec);
        assert_true(arb_contains_fmpq(x, q));
        fmpq_mul(sq, q, q);
        sc_num_sqrt_fmpq(x, sq, prec);
        fmpq_abs(q, q);
        if (!arb_contains_fmpq(x, q) || !is_narrow(x, prec - 8))
        {
            print_fmpq("q^2", sq);
            print_ball("sqrt", x);
            print_seed(st);
            fail();
        }

        u = _arb_vec_init(len);
        v = _arb_vec_init(len);
        fmpq_zero(acc);
        for (i = 0; i < len; i++)
        {
            fmpq_randtest(a + i, st->r, 60);
            fmpq_randtest(b + i, st->r, 60);
            arb_set_fmpq(u + i, a + i, prec);
            arb_set_fmpq(v + i, b + i, prec);
            fmpq_mul(t, a + i, b + i);
            fmpq_add(acc, acc, t);
        }
        _sc_vec_dot(x, u, v, len, prec);
        assert_true(arb_contains_fmpq(x, acc));
        fmpq_zero(acc);
        for (i = 0; i < len; i++)
        {
            fmpq_mul(t, a + i, a + i);
            fmpq_add(acc, acc, t);
        }
        _sc_vec_norm2(x, u, len, prec);
        assert_true(arb_contains_fmpq(x, acc));
        assert_true(arb_is_nonnegative(x));
        _arb_vec_clear(v, len);
        _arb_vec_clear(u, len);
        _fmpq_vec_clear(b, len);
        _fmpq_vec_clear(a, len);
    }
    arb_clear(x);
    fmpq_clear(t);
    fmpq_clear(acc);
    fmpq_clear(sq);
    fmpq_clear(q);
}

/* max_ubound keeps the largest upper bound, as an exact point. */
static void
test_num_max_ubound_is_running_max(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t acc, x;
    arf_t want, u;

    arb_init(acc);
    arb_init(x);
    arf_init(want);
    arf_init(u);
    arb_zero(acc);
    arf_zero(want);
    for (iter = 0; iter < 500 * test_multiplier(); iter++)
    {
        arb_randtest(x, st->r, 100, 10);
        arb_get_ubound_arf(u, x, 128);
        if (arf_cmp(u, want) > 0)
            arf_set(want, u);
        sc_num_max_ubound(acc, x, 128);
        assert_true(arb_is_exact(acc));
        if (!arf_equal(arb_midref(acc), want))
        {
            print_ball("x", x);
            print_ball("acc", acc);
            print_seed(st);
            fail();
        }
    }
    arf_clear(u);
    arf_clear(want);
    arb_clear(x);
    arb_clear(acc);
}

/* A midpoint next to a decimal rounding boundary: the n + 1 digit
   integer P5 (P random, last digit 5 or 4 followed by 9s) times 10^k,
   nudged by a few ulps at prec bits. */
static void
near_decimal_tie(arf_t m, flint_rand_t r, slong n)
{
    char s[400];
    slong i, runs, prec = 64 + (slong) n_randint(r, 512);
    arb_t x;
    int nines = (int) n_randint(r, 2);

    s[0] = '1' + (char) n_randint(r, 9);
    for (i = 1; i < n; i++)
        s[i] = '0' + (char) n_randint(r, 10);
    s[n] = nines ? '4' : '5';
    runs = n + 1 + (slong) n_randint(r, 8);
    for (i = n + 1; i < runs; i++)
        s[i] = nines ? '9' : '0';
    sprintf(s + i, "e%ld", (long) n_randint(r, 80) - 40);
    arb_init(x);
    arb_set_str(x, s, prec);
    arf_set(m, arb_midref(x));
    if (n_randint(r, 2))
    {
        arf_t u;

        arf_init(u);
        arf_set_si_2exp_si(u, (slong) n_randint(r, 9) - 4,
                           arf_abs_bound_lt_2exp_si(m) - prec);
        arf_add(m, m, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_clear(u);
    }
    arb_clear(x);
}

/* sc_num_get_str prints the midpoint exactly as arb_get_str does, on
   random midpoints of every size and precision, exact dyadics and
   integers, runs of 9s that carry, and values next to decimal rounding
   boundaries (where the fast route must hand over to arb_get_str); both
   routes are exercised. */
static void
test_num_get_str_matches_arb(void ** state)
{
    test_state * st = *state;
    slong iter, fast = 0, slow = 0;
    arb_t x, m;

    arb_init(x);
    arb_init(m);
    for (iter = 0; iter < 20000 * test_multiplier(); iter++)
    {
        slong n = (iter % 3 == 0) ? 20 : (iter % 7 == 0)
                  ? 41 + (slong) n_randint(st->r, 260)
                  : 1 + (slong) n_randint(st->r, 40);
        slong kind = iter % 5;
        char * a;
        char * b;
        char * f;

        if (kind == 0)
            arb_randtest(x, st->r, 1 + n_randint(st->r, 600), 12);
        else if (kind == 1)     /* small dyadics and integers */
        {
            arb_set_si(x, (slong) n_randint(st->r, 2000001) - 1000000);
            arb_mul_2exp_si(x, x, (slong) n_randint(st->r, 80) - 60);
        }
        else if (kind == 2)     /* 0.99..9 x 10^k: the rounding carries */
        {
            arb_set_ui(x, 10);
            arb_pow_ui(x, x, n + 1 + n_randint(st->r, 6), 600);
            arb_inv(x, x, 600);
            arb_sub_ui(x, x, 1, 600);
            arb_neg(x, x);
            arb_mul_2exp_si(x, x, (slong) n_randint(st->r, 40) - 20);
        }
        else
            near_decimal_tie(arb_midref(x), st->r, n);
        if (n_randint(st->r, 2))
            arb_neg(x, x);
        if (n_randint(st->r, 4) == 0)
            mag_set_ui_2exp_si(arb_radref(x), 1, -(slong) n_randint(st->r, 200));
        arf_set(arb_midref(m), arb_midref(x));
        mag_zero(arb_radref(m));
        a = sc_num_get_str(x, n);
        b = arb_get_str(m, n, ARB_STR_NO_RADIUS);
        f = _sc_num_mid_str(arb_midref(x), n);
        if (f != NULL)
            fast++;
        else
            slow++;
        if (strcmp(a, b) != 0 || (f != NULL && strcmp(f, b) != 0))
        {
            print_error("  digits %ld: sc_num_get_str %s, arb_get_str %s\n",
                        (long) n, a, b);
            print_ball("x", x);
            print_seed(st);
            fail();
        }
        flint_free(a);
        flint_free(b);
        flint_free(f);
    }
    assert_true(fast > slow && slow > 0);
    arb_clear(m);
    arb_clear(x);
}

/*
 * The certain digits of a ball m +- r: c >= 1 digits only with
 * 4 r 10^c <= |m| (the radius at most a quarter unit in the last digit,
 * checked in exact arithmetic), and not more than a digit short of the
 * most that allows (4 r 10^(c + 2) > |m|); c the exact inverse of
 * sc_num_digits_bits (trace's rule); exact, non-finite and zero-straddling
 * balls; and what sc_num_get_str_certain then prints.
 */
static void
test_num_certain_digits(void ** state)
{
    test_state * st = *state;
    slong iter;
    arb_t x;
    fmpz_t ten;
    arf_t lhs, m;
    char * s;

    arb_init(x);
    fmpz_init(ten);
    arf_init(lhs);
    arf_init(m);
    for (iter = 0; iter < 2000 * test_multiplier(); iter++)
    {
        slong prec = rand_prec(st->r), c;
        fmpq_t q;

        fmpq_init(q);
        rand_unit_fmpq(q, st->r, 200);
        arb_set_fmpq(x, q, prec);
        arb_mul_2exp_si(x, x, (slong) n_randint(st->r, 200) - 100);
        if (n_randint(st->r, 2))
            arb_neg(x, x);
        mag_set_ui_2exp_si(arb_radref(x), 1 + n_randint(st->r, 1000),
                           arf_abs_bound_lt_2exp_si(arb_midref(x))
                           - (slong) n_randint(st->r, 300));
        c = sc_num_certain_digits(x);
        arf_abs(m, arb_midref(x));
        fmpz_set_ui(ten, 10);
        fmpz_pow_ui(ten, ten, c);
        arf_set_mag(lhs, arb_radref(x));
        arf_mul_fmpz(lhs, lhs, ten, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(lhs, lhs, 2);
        if (c > 0 && arf_cmp(lhs, m) > 0)
        {
            print_error("c = %ld, accuracy %ld bits: ", (long) c,
                        (long) arb_rel_accuracy_bits(x));
            arb_printd(x, 30);
            print_error("\n");
            fail();
        }
        arf_mul_ui(lhs, lhs, 100, ARF_PREC_EXACT, ARF_RND_DOWN);
        assert_true(c == 0 || arf_cmp(lhs, m) > 0);
        /* the inverse of sc_num_digits_bits: c fits, c + 1 does not */
        assert_true(c == 0
                    || sc_num_digits_bits(c) <= arb_rel_accuracy_bits(x));
        assert_true(sc_num_digits_bits(c + 1) > arb_rel_accuracy_bits(x));
        fmpq_clear(q);
    }
    arb_set_ui(x, 3);
    assert_int_equal(sc_num_certain_digits(x), WORD_MAX);
    arb_zero_pm_one(x);
    assert_int_equal(sc_num_certain_digits(x), 0);
    s = sc_num_get_str_certain(x, 17);      /* at least one digit */
    assert_string_equal(s, "0");
    flint_free(s);
    arb_indeterminate(x);
    assert_int_equal(sc_num_certain_digits(x), 0);
    arb_const_pi(x, 128);
    mag_set_d(arb_radref(x), 1e-10);
    assert_int_equal(sc_num_certain_digits(x), 9);
    s = sc_num_get_str_certain(x, 17);
    assert_string_equal(s, "3.14159265");
    flint_free(s);
    s = sc_num_get_str_certain(x, 4);
    assert_string_equal(s, "3.142");
    flint_free(s);
    assert_int_equal(sc_num_digits_bits(20), 69);   /* 20 log2(10) = 66.4 */
    arf_clear(m);
    arf_clear(lhs);
    fmpz_clear(ten);
    arb_clear(x);
}

/* The steering exp and pow are correctly rounded: compared with values
   that IEEE arithmetic rounds correctly on its own (sqrt) and with the
   double nearest e (0x1.5bf0a8b145769p+1, e = 2.71828182845904523536...
   lies within half an ulp of it). */
static void
test_num_steer_correctly_rounded(void ** state)
{
    (void) state;
    assert_true(sc_num_exp_d(1.0) == 0x1.5bf0a8b145769p+1);
    assert_true(sc_num_exp_d(0.0) == 1.0);
    assert_true(sc_num_pow_d(10.0, 0.5) == sqrt(10.0));
    assert_true(sc_num_pow_d(2.0, 0.5) == sqrt(2.0));
    assert_true(sc_num_pow_d(60.0, 1.0) == 60.0);
    assert_true(sc_num_pow_d(0.25, 0.5) == 0.5);
}

/* ---- least squares (fit.c) --------------------------------------------- */

/* The exact least-squares line of rational points over Q, the oracle:
   b = (n Sxy - Sx Sy) / (n Sxx - Sx^2), a = (Sy - b Sx) / n, and the
   mean squared residual r2. */
static void
exact_fit(fmpq_t a, fmpq_t b, fmpq_t r2, const fmpq * x, const fmpq * y,
          slong n)
{
    fmpq_t sx, sy, sxx, sxy, t, u;
    slong i;

    fmpq_init(sx);
    fmpq_init(sy);
    fmpq_init(sxx);
    fmpq_init(sxy);
    fmpq_init(t);
    fmpq_init(u);
    for (i = 0; i < n; i++)
    {
        fmpq_add(sx, sx, x + i);
        fmpq_add(sy, sy, y + i);
        fmpq_addmul(sxx, x + i, x + i);
        fmpq_addmul(sxy, x + i, y + i);
    }
    fmpq_mul_si(t, sxy, n);
    fmpq_submul(t, sx, sy);
    fmpq_mul_si(u, sxx, n);
    fmpq_submul(u, sx, sx);
    fmpq_div(b, t, u);
    fmpq_mul(t, b, sx);
    fmpq_sub(a, sy, t);
    fmpq_set_si(t, n, 1);
    fmpq_div(a, a, t);
    fmpq_zero(r2);
    for (i = 0; i < n; i++)
    {
        fmpq_mul(t, b, x + i);
        fmpq_add(t, t, a);
        fmpq_sub(t, y + i, t);
        fmpq_addmul(r2, t, t);
    }
    fmpq_set_si(t, n, 1);
    fmpq_div(r2, r2, t);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(sxy);
    fmpq_clear(sxx);
    fmpq_clear(sy);
    fmpq_clear(sx);
}

/* Points on a known line give back its slope and intercept and a zero
   residual; random points give the exact least squares of Q (the
   centred sums of fit.c against the normal equations here); equal
   abscissae have no slope. */
static void
test_num_fit_line_exact(void ** state)
{
    test_state * st = *state;
    slong iter, i;

    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        slong n = 2 + (slong) n_randint(st->r, 12), prec = rand_prec(st->r);
        int on_line = iter % 2 == 0;
        fmpq * x = _fmpq_vec_init(n), * y = _fmpq_vec_init(n);
        arb_ptr bx = _arb_vec_init(n), by = _arb_vec_init(n);
        fmpq_t a, b, r2, p, q;
        arb_t fa, fb, rms, e;

        fmpq_init(a);
        fmpq_init(b);
        fmpq_init(r2);
        fmpq_init(p);
        fmpq_init(q);
        arb_init(fa);
        arb_init(fb);
        arb_init(rms);
        arb_init(e);
        fmpq_randtest(p, st->r, 20);
        fmpq_randtest(q, st->r, 20);
        for (i = 0; i < n; i++)
        {
            fmpq_set_si(x + i, i, 1);
            if (i > 0 && n_randint(st->r, 2))
                fmpq_randtest(x + i, st->r, 16);
            if (on_line)
            {
                fmpq_mul(y + i, p, x + i);
                fmpq_add(y + i, y + i, q);
            }
            else
                fmpq_randtest(y + i, st->r, 24);
            arb_set_fmpq(bx + i, x + i, prec);
            arb_set_fmpq(by + i, y + i, prec);
        }
        fmpq_zero(x);
        fmpq_set_si(x + 1, 1, 1);                   /* not all equal */
        arb_set_fmpq(bx, x, prec);
        arb_set_fmpq(bx + 1, x + 1, prec);
        if (on_line)
            for (i = 0; i < 2; i++)
            {
                fmpq_mul(y + i, p, x + i);
                fmpq_add(y + i, y + i, q);
                arb_set_fmpq(by + i, y + i, prec);
            }
        exact_fit(a, b, r2, x, y, n);
        if (on_line && (!fmpq_equal(a, q) || !fmpq_equal(b, p)))
            fail_msg("oracle: the line is not its own fit");
        if (sc_num_fit_line(fa, fb, rms, bx, by, n, prec) != SC_OK)
        {
            /* only when rounding hides that the x_i differ */
            assert_true(prec < 200 && !on_line);
            goto next;
        }
        arb_sqr(e, rms, prec);
        if (!arb_contains_fmpq(fa, a) || !arb_contains_fmpq(fb, b)
            || !arb_contains_fmpq(e, r2))
        {
            print_seed(st);
            print_fmpq("a", a);
            print_ball("fit a", fa);
            print_fmpq("b", b);
            print_ball("fit b", fb);
            print_fmpq("r2", r2);
            print_ball("rms^2", e);
            fail();
        }
    next:
        arb_clear(e);
        arb_clear(rms);
        arb_clear(fb);
        arb_clear(fa);
        fmpq_clear(q);
        fmpq_clear(p);
        fmpq_clear(r2);
        fmpq_clear(b);
        fmpq_clear(a);
        _arb_vec_clear(by, n);
        _arb_vec_clear(bx, n);
        _fmpq_vec_clear(y, n);
        _fmpq_vec_clear(x, n);
    }
    {
        arb_ptr v = _arb_vec_init(3);
        arb_t fa, fb, rms;

        arb_init(fa);
        arb_init(fb);
        arb_init(rms);
        for (i = 0; i < 3; i++)
            arb_set_si(v + i, 7);
        assert_int_equal(sc_num_fit_line(fa, fb, rms, v, v, 3, 64),
                         SC_DOMAIN);
        assert_int_equal(sc_num_fit_line(fa, fb, rms, v, v, 1, 64),
                         SC_DOMAIN);
        arb_clear(rms);
        arb_clear(fb);
        arb_clear(fa);
        _arb_vec_clear(v, 3);
    }
}


int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_num_compare_unknown_on_overlap,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_compare_decides_separated,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_compare_matches_endpoint_semantics, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_is_positive_contains_zero_truth_tables, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_theta_closed_form,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_num_theta_at_zero_is_two),
        cmocka_unit_test_setup_teardown(test_num_theta_monotone,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_theta_encloses_over_ball,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_theta_domain_edges,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_rho_H_inverts_theta,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_rho_H_exact_pythagorean,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_rho_H_zero_at_most_two,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_F_against_formula,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_F_encloses_over_ball,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_F_rising_iff_h_above_theta,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_F_max_brackets_grid_maximum, setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_F_max_converges_at_boundary_maximum, setup_rand,
            teardown_rand),
        cmocka_unit_test(test_num_F_max_unable_without_domain),
        cmocka_unit_test(test_num_known_answers_file),
        cmocka_unit_test_setup_teardown(
            test_num_convert_and_vec_contain_exact, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_max_ubound_is_running_max,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_num_steer_correctly_rounded),
        cmocka_unit_test_setup_teardown(test_num_certain_digits, setup_rand,
                                        teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_get_str_matches_arb,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_fit_line_exact,
                                        setup_rand, teardown_rand),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
