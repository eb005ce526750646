/*
 * test_generators.c -- tests of the seeded exact generators of src/cases
 * (rand*.c, cayley.c, gen_*.c, init_near_reference.c): sc_rand's known
 * answers and ranges, the generators' exact properties against
 * independent constructions (explicit Householder and inverse, recursive
 * Sylvester, Sigma = I computed here), determinism, their refusals, and
 * each generator through the loader (tests/data/good/).
 *
 * Run from the repository root (or set SC_TEST_DATA_DIR).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "cases/cases.h"
#include "data/data.h"

/* the seed words of the src/cases tests since the start (the random
   inputs stay the same) */
#define SC_TEST_DEFAULT_SEED 20240601UL
#define SC_TEST_SEED_MIX 0x5bd1e995UL
#include "sc_test.h"
#include "sc_fixture.h"

static int
labels_are_signs_not_all_equal(const fmpq_mat_t y)
{
    slong i, pos = 0, n = fmpq_mat_nrows(y);

    for (i = 0; i < n; i++)
    {
        if (!fmpq_is_pm1(fmpq_mat_entry(y, i, 0)))
            return 0;
        pos += fmpq_is_one(fmpq_mat_entry(y, i, 0));
    }
    return pos > 0 && pos < n;
}

/* Sigma = X~^T X~ / n == I and 1^T X~ == 0, X~ = X - 1 mu^T computed here
   from the column means (independently of sc_data_center). */
static int
is_exactly_whitened(const fmpq_mat_t X)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, Xt, S, I, ones, sums;
    fmpq_t mu;
    fmpz_t nz;
    int ok;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(S, d, d);
    fmpq_mat_init(I, d, d);
    fmpq_mat_init(ones, 1, n);
    fmpq_mat_init(sums, 1, d);
    fmpq_init(mu);
    fmpz_init_set_si(nz, n);

    for (i = 0; i < n; i++)
        fmpq_one(fmpq_mat_entry(ones, 0, i));
    fmpq_mat_mul(sums, ones, X);
    for (j = 0; j < d; j++)
    {
        fmpq_div_fmpz(mu, fmpq_mat_entry(sums, 0, j), nz);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(S, Xt, Xc);
    fmpq_mat_scalar_div_fmpz(S, S, nz);
    fmpq_mat_one(I);
    ok = fmpq_mat_equal(S, I);
    fmpq_mat_mul(sums, ones, Xc);
    ok = ok && fmpq_mat_is_zero(sums);

    fmpz_clear(nz);
    fmpq_clear(mu);
    fmpq_mat_clear(sums);
    fmpq_mat_clear(ones);
    fmpq_mat_clear(I);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Xc);
    return ok;
}

/* ---- sc_rand ----------------------------------------------------------- */

/* Vigna's splitmix64 reference outputs. */
static void
test_rand_next_known_answers(void ** state)
{
    static const uint64_t seed0[4] = {
        UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
        UINT64_C(0x06c45d188009454f), UINT64_C(0xf88bb8a8724c81ec) };
    static const uint64_t seed1234567[4] = {
        UINT64_C(0x599ed017fb08fc85), UINT64_C(0x2c73f08458540fa5),
        UINT64_C(0x883ebce5a3f27c77), UINT64_C(0x3fbef740e9177b3f) };
    sc_rand_t r;
    int i;

    (void) state;
    sc_rand_init(r, 0);
    for (i = 0; i < 4; i++)
        assert_true(sc_rand_next(r) == seed0[i]);
    sc_rand_init(r, 1234567);
    for (i = 0; i < 4; i++)
        assert_true(sc_rand_next(r) == seed1234567[i]);
}

static void
test_rand_range_bounds(void ** state)
{
    sc_rand_t r;
    slong i, hits[5] = { 0, 0, 0, 0, 0 };

    (void) state;
    sc_rand_init(r, 99);
    for (i = 0; i < 5000; i++)
    {
        slong x = sc_rand_range(r, -2, 2);

        assert_true(x >= -2 && x <= 2);
        hits[x + 2]++;
    }
    for (i = 0; i < 5; i++)
        assert_true(hits[i] > 800 && hits[i] < 1200);  /* 5000/5 +- 7 sd */
    for (i = 0; i < 100; i++)
        assert_int_equal(sc_rand_range(r, 7, 7), 7);
    for (i = 0; i < 100; i++)
    {
        slong x = sc_rand_range(r, WORD_MIN, WORD_MAX);

        (void) x;       /* full range: must not hang or trap */
    }
    for (i = 0; i < 100; i++)
        assert_true(sc_rand_range(r, WORD_MAX - 1, WORD_MAX) >= WORD_MAX - 1);
}

/* ---- sc_case_gen_whitened ---------------------------------------------- */

/* The definition, computed the slow way: explicit H, fmpq_mat_inv, dense
   products, drawing from the same stream in the documented order. */
static void
whitened_by_definition(fmpq_mat_t X, fmpq_mat_t y, slong k, slong d,
                       ulong seed)
{
    slong i, j, n = k * k, m = n - 1;
    fmpq_mat_t K, A, B, Ainv, Q, H, Hc, Qd, Xt, v, vt, vvt;
    fmpq_t vv, t;
    sc_rand_t r;
    int pos = 0;

    fmpq_mat_init(K, m, m);
    fmpq_mat_init(A, m, m);
    fmpq_mat_init(B, m, m);
    fmpq_mat_init(Ainv, m, m);
    fmpq_mat_init(Q, m, m);
    fmpq_mat_init(H, n, n);
    fmpq_mat_init(Hc, n, m);
    fmpq_mat_init(Qd, m, d);
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(v, n, 1);
    fmpq_mat_init(vt, 1, n);
    fmpq_mat_init(vvt, n, n);
    fmpq_init(vv);
    fmpq_init(t);

    sc_rand_init(r, seed);
    for (i = 0; i < m; i++)
        for (j = i + 1; j < m; j++)
        {
            slong kij = sc_rand_range(r, -2, 2);

            fmpq_set_si(fmpq_mat_entry(K, i, j), kij, 1);
            fmpq_set_si(fmpq_mat_entry(K, j, i), -kij, 1);
        }
    fmpq_mat_one(A);
    fmpq_mat_one(B);
    fmpq_mat_add(A, A, K);
    fmpq_mat_sub(B, B, K);
    assert_true(fmpq_mat_inv(Ainv, A));
    fmpq_mat_mul(Q, B, Ainv);

    for (i = 0; i < n; i++)
        fmpq_set_si(fmpq_mat_entry(v, i, 0), (i == 0 ? k : 0) - 1, k);
    fmpq_mat_transpose(vt, v);
    fmpq_mat_mul(vvt, v, vt);
    sc_data_dot(vv, v, v);
    fmpq_set_si(t, -2, 1);
    fmpq_div(t, t, vv);
    fmpq_mat_scalar_mul_fmpq(H, vvt, t);
    for (i = 0; i < n; i++)
        fmpq_add_ui(fmpq_mat_entry(H, i, i), fmpq_mat_entry(H, i, i), 1);

    for (i = 0; i < n; i++)
        for (j = 0; j < m; j++)
            fmpq_set(fmpq_mat_entry(Hc, i, j), fmpq_mat_entry(H, i, j + 1));
    for (i = 0; i < m; i++)
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(Qd, i, j), fmpq_mat_entry(Q, i, j));
    fmpq_mat_mul(Xt, Hc, Qd);
    fmpq_set_si(t, k, 1);
    fmpq_mat_scalar_mul_fmpq(X, Xt, t);

    for (j = 0; j < d; j++)
    {
        fmpq_set_si(t, sc_rand_range(r, -3, 3), 2);
        for (i = 0; i < n; i++)
            fmpq_add(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, i, j), t);
    }
    for (i = 0; i < n; i++)
    {
        int s = sc_rand_range(r, 0, 1) ? 1 : -1;

        fmpq_set_si(fmpq_mat_entry(y, i, 0), s, 1);
        pos += (s > 0);
    }
    if (pos == 0 || pos == n)
        fmpq_neg(fmpq_mat_entry(y, 0, 0), fmpq_mat_entry(y, 0, 0));

    fmpq_clear(t);
    fmpq_clear(vv);
    fmpq_mat_clear(vvt);
    fmpq_mat_clear(vt);
    fmpq_mat_clear(v);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Qd);
    fmpq_mat_clear(Hc);
    fmpq_mat_clear(H);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(Ainv);
    fmpq_mat_clear(B);
    fmpq_mat_clear(A);
    fmpq_mat_clear(K);
}

static void
test_case_gen_whitened_matches_definition(void ** state)
{
    static const slong params[][3] = {
        { 2, 1, 0 }, { 2, 3, 1 }, { 3, 4, 2 }, { 4, 6, 7 }, { 4, 15, 8 },
        { 5, 7, 3 } };
    size_t i;
    char err[SC_ERR_LEN];

    (void) state;
    for (i = 0; i < sizeof params / sizeof params[0]; i++)
    {
        slong k = params[i][0], n = k * k, d = params[i][1];
        fmpq_mat_t X, y, Xr, yr;

        fmpq_mat_init(X, 1, 1);         /* wrong size on purpose */
        fmpq_mat_init(y, 0, 0);
        fmpq_mat_init(Xr, n, d);
        fmpq_mat_init(yr, n, 1);
        assert_int_equal(sc_case_gen_whitened(X, y, n, d, params[i][2], err,
                                              sizeof err), SC_OK);
        whitened_by_definition(Xr, yr, k, d, params[i][2]);
        if (!fmpq_mat_equal(X, Xr) || !fmpq_mat_equal(y, yr))
        {
            print_error("whitened(n=%ld, d=%ld, seed=%ld) differs from the "
                        "definition\n", (long) n, (long) d,
                        (long) params[i][2]);
            fail();
        }
        fmpq_mat_clear(yr);
        fmpq_mat_clear(Xr);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
}

static void
test_case_gen_whitened_sigma_identity(void ** state)
{
    static const slong params[][3] = {
        { 4, 1, 0 }, { 4, 3, 5 }, { 9, 8, 2 }, { 16, 6, 7 }, { 16, 15, 1 },
        { 25, 10, 123456789 }, { 36, 12, 4 }, { 64, 20, 11 } };
    size_t i;
    slong row, j;
    char err[SC_ERR_LEN];

    (void) state;
    for (i = 0; i < sizeof params / sizeof params[0]; i++)
    {
        slong n = params[i][0], d = params[i][1];
        fmpq_mat_t X, y, Xc;
        fmpq_t mu;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(Xc, n, d);
        fmpq_init(mu);
        assert_int_equal(sc_case_gen_whitened(X, y, n, d, params[i][2], err,
                                              sizeof err), SC_OK);
        if (!is_exactly_whitened(X))
        {
            print_error("whitened(n=%ld, d=%ld, seed=%ld): Sigma != I\n",
                        (long) n, (long) d, (long) params[i][2]);
            fail();
        }
        assert_true(labels_are_signs_not_all_equal(y));

        /* the shift is a half-integer in [-3/2, 3/2], equal on all rows */
        sc_data_center(Xc, X);
        for (j = 0; j < d; j++)
        {
            fmpq_sub(mu, fmpq_mat_entry(X, 0, j), fmpq_mat_entry(Xc, 0, j));
            fmpq_mul_si(mu, mu, 2);
            assert_true(fmpz_is_one(fmpq_denref(mu)));
            assert_true(fmpq_cmp_si(mu, -3) >= 0 && fmpq_cmp_si(mu, 3) <= 0);
            for (row = 1; row < n; row++)
            {
                fmpq_t t;

                fmpq_init(t);
                fmpq_sub(t, fmpq_mat_entry(X, row, j),
                         fmpq_mat_entry(Xc, row, j));
                fmpq_mul_si(t, t, 2);
                assert_true(fmpq_equal(t, mu));
                fmpq_clear(t);
            }
        }
        fmpq_clear(mu);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
}

static void
test_case_gen_whitened_deterministic(void ** state)
{
    fmpq_mat_t X1, y1, X2, y2;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X1, 0, 0);
    fmpq_mat_init(y1, 0, 0);
    fmpq_mat_init(X2, 0, 0);
    fmpq_mat_init(y2, 0, 0);

    assert_int_equal(sc_case_gen_whitened(X1, y1, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_int_equal(sc_case_gen_whitened(X2, y2, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(X1, X2) && fmpq_mat_equal(y1, y2));
    assert_int_equal(sc_case_gen_whitened(X2, y2, 16, 6, 8, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(X1, X2));
    /* pinned: a seed must mean the same data on every machine */
    assert_true(fmpq_equal_str(fmpq_mat_entry(X1, 0, 0), "-788486093",
                               "262541970"));

    fmpq_mat_clear(y2);
    fmpq_mat_clear(X2);
    fmpq_mat_clear(y1);
    fmpq_mat_clear(X1);
}

static void
test_case_gen_whitened_rejects(void ** state)
{
    static const slong bad[][2] = {
        { 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 }, { 15, 3 }, { 16, 0 },
        { 16, 16 }, { 16, -1 }, { 441, 3 }, { -4, 1 } };
    size_t i;
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 2);
    fmpq_mat_init(y, 2, 1);
    fmpq_set_si(fmpq_mat_entry(X, 0, 0), 5, 1);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
        err[0] = '\0';
        assert_int_equal(sc_case_gen_whitened(X, y, bad[i][0], bad[i][1], 1,
                                              err, sizeof err), SC_EINVAL);
        assert_non_null(strstr(err, "whitened"));
        assert_int_equal(fmpq_mat_nrows(X), 2);     /* untouched */
        assert_true(entry_is(X, 0, 0, 5, 1));
    }
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- [F3] sc_case_gen_hilbert and its parts ---------------------------- */

/* Cayley rotations are exactly orthogonal: Q^T Q = I in rationals. */
static void
test_case_cayley_columns_orthogonal(void ** state)
{
    fmpq_mat_t Q, Qt, G, I;
    sc_rand_t r;
    slong m;

    (void) state;
    for (m = 1; m <= 9; m += 4)
    {
        fmpq_mat_init(Q, m, m);
        fmpq_mat_init(Qt, m, m);
        fmpq_mat_init(G, m, m);
        fmpq_mat_init(I, m, m);
        sc_rand_init(r, 11 + m);
        sc_case_cayley_columns(Q, m, m, r);
        fmpq_mat_transpose(Qt, Q);
        fmpq_mat_mul(G, Qt, Q);
        fmpq_mat_one(I);
        assert_true(fmpq_mat_equal(G, I));
        assert_true(m == 1 || !fmpq_mat_equal(Q, I));
        fmpq_mat_clear(I);
        fmpq_mat_clear(G);
        fmpq_mat_clear(Qt);
        fmpq_mat_clear(Q);
    }
}

/* Irwin-Hall draws: dyadic with denominator dividing 2^33, inside (-6, 6),
   and over 4000 draws the exact sample mean and variance are within 4.5
   standard errors of the closed forms 0 and 1 - 2^-64 (kurtosis 2.9:
   sd of the sample variance about 0.022). */
static void
test_rand_normal_dyadic_moments(void ** state)
{
    const slong M = 4000;
    fmpq_t z, s1, s2, t, lim;
    fmpz_t two33;
    sc_rand_t r;
    slong k;

    (void) state;
    fmpq_init(z);
    fmpq_init(s1);
    fmpq_init(s2);
    fmpq_init(t);
    fmpq_init(lim);
    fmpz_init(two33);
    fmpz_one(two33);
    fmpz_mul_2exp(two33, two33, 33);
    sc_rand_init(r, 2026);
    for (k = 0; k < M; k++)
    {
        sc_rand_normal_dyadic(z, r);
        assert_true(fmpz_divisible(two33, fmpq_denref(z)));
        assert_true(fmpq_cmp_si(z, 6) < 0 && fmpq_cmp_si(z, -6) > 0);
        fmpq_add(s1, s1, z);
        fmpq_addmul(s2, z, z);
    }
    fmpz_set_si(two33, M);                  /* reused as the count */
    fmpq_div_fmpz(s1, s1, two33);           /* mean */
    fmpq_div_fmpz(s2, s2, two33);           /* mean of z^2 */
    fmpq_mul(t, s1, s1);
    fmpq_sub(s2, s2, t);                                    /* variance */
    fmpq_set_si(lim, 1, 14);        /* 4.5 / sqrt(4000) = 0.071 */
    fmpq_abs(t, s1);
    assert_true(fmpq_cmp(t, lim) < 0);
    fmpq_sub_si(t, s2, 1);
    fmpq_abs(t, t);
    fmpq_set_si(lim, 1, 10);
    assert_true(fmpq_cmp(t, lim) < 0);
    /* not degenerate: the draws are not all alike */
    assert_true(fmpq_cmp_si(s2, 0) > 0);
    fmpz_clear(two33);
    fmpq_clear(lim);
    fmpq_clear(t);
    fmpq_clear(s2);
    fmpq_clear(s1);
    fmpq_clear(z);
}

/* Without noise X = P H Q, so X X^T = P (H H^T) P^T: for the 2 x 3 slice
   H = [[1, 1/2, 1/3], [1/2, 1/3, 1/4]] (hand computed) trace = ||H||_F^2 =
   257/144 and det = 49/36 * 61/144 - (3/4)^2 = 73/5184. */
static void
test_case_gen_hilbert_slice_known_answer(void ** state)
{
    fmpq_mat_t X, y, Xt, G;
    fmpq_t sigma, tr, det;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 3);
    fmpq_mat_init(y, 2, 1);
    fmpq_mat_init(Xt, 3, 2);
    fmpq_mat_init(G, 2, 2);
    fmpq_init(sigma);
    fmpq_init(tr);
    fmpq_init(det);
    assert_int_equal(sc_case_gen_hilbert(X, y, 2, 3, sigma, 5, err,
                                         sizeof err), SC_OK);
    fmpq_mat_transpose(Xt, X);
    fmpq_mat_mul(G, X, Xt);
    fmpq_mat_trace(tr, G);
    fmpq_mat_det(det, G);
    assert_true(fmpq_equal_str(tr, "257", "144"));
    assert_true(fmpq_equal_str(det, "73", "5184"));
    /* the rotations are not the identity: X is not H itself */
    assert_false(entry_is(X, 0, 0, 1, 1) && entry_is(X, 0, 1, 1, 2));
    /* two labels, +-1, not equal */
    assert_true(fmpq_is_pm1(fmpq_mat_entry(y, 0, 0))
                && fmpq_is_pm1(fmpq_mat_entry(y, 1, 0)));
    assert_false(fmpq_equal(fmpq_mat_entry(y, 0, 0),
                            fmpq_mat_entry(y, 1, 0)));
    fmpq_clear(det);
    fmpq_clear(tr);
    fmpq_clear(sigma);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* The noise is drawn after the rotations, so X(sigma) - X(0) = sigma E
   with E Irwin-Hall entries; the figure's data are centred-rank n - 1
   (n < d); a seed pins the data. */
static void
test_case_gen_hilbert_noise_and_rank(void ** state)
{
    fmpq_mat_t X0, X1, y0, y1, Xc;
    fmpq_t sigma, e;
    fmpz_t two33;
    char err[SC_ERR_LEN];
    slong i, j;

    (void) state;
    fmpq_mat_init(X0, 6, 12);
    fmpq_mat_init(X1, 6, 12);
    fmpq_mat_init(y0, 6, 1);
    fmpq_mat_init(y1, 6, 1);
    fmpq_mat_init(Xc, 6, 12);
    fmpq_init(sigma);
    fmpq_init(e);
    fmpz_init(two33);
    fmpz_one(two33);
    fmpz_mul_2exp(two33, two33, 33);
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    fmpq_set_si(sigma, 1, 300);
    assert_int_equal(sc_case_gen_hilbert(X1, y1, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    for (i = 0; i < 6; i++)
        for (j = 0; j < 12; j++)
        {
            fmpq_sub(e, fmpq_mat_entry(X1, i, j), fmpq_mat_entry(X0, i, j));
            fmpq_div(e, e, sigma);
            assert_true(fmpz_divisible(two33, fmpq_denref(e)));
            assert_true(fmpq_cmp_si(e, 6) < 0 && fmpq_cmp_si(e, -6) > 0);
            assert_false(fmpq_is_zero(e));
        }
    sc_data_center(Xc, X1);
    assert_int_equal(fmpq_mat_rref(Xc, Xc), 5);
    /* deterministic */
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(X0, X1) && fmpq_mat_equal(y0, y1));
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 3, err,
                                         sizeof err), SC_OK);
    assert_false(fmpq_mat_equal(X0, X1));
    fmpz_clear(two33);
    fmpq_clear(e);
    fmpq_clear(sigma);
    fmpq_mat_clear(Xc);
    fmpq_mat_clear(y1);
    fmpq_mat_clear(y0);
    fmpq_mat_clear(X1);
    fmpq_mat_clear(X0);
}

/* n < d is enforced (Section 6 is overparameterised), as are the size
   cap and sigma >= 0; X is untouched on error. */
static void
test_case_gen_hilbert_rejects(void ** state)
{
    static const slong bad[][2] = {
        { 4, 4 }, { 5, 4 }, { 1, 3 }, { 0, 3 }, { 8, 33 }, { -2, 3 } };
    size_t i;
    fmpq_mat_t X, y;
    fmpq_t sigma;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 2);
    fmpq_mat_init(y, 2, 1);
    fmpq_init(sigma);
    fmpq_set_si(fmpq_mat_entry(X, 0, 0), 5, 1);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
        err[0] = '\0';
        assert_int_equal(sc_case_gen_hilbert(X, y, bad[i][0], bad[i][1],
                                             sigma, 1, err, sizeof err),
                         SC_EINVAL);
        assert_non_null(strstr(err, "hilbert"));
        assert_int_equal(fmpq_mat_nrows(X), 2);
        assert_true(entry_is(X, 0, 0, 5, 1));
    }
    fmpq_set_si(sigma, -1, 100);
    assert_int_equal(sc_case_gen_hilbert(X, y, 3, 5, sigma, 1, err,
                                         sizeof err), SC_EINVAL);
    fmpq_clear(sigma);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* The committed Figure 3 case loads with its generator. */
static void
test_case_load_file_hilbert_generator(void ** state)
{
    sc_case_t c;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    assert_int_equal(sc_case_load_file(c, "cases/figure3/hilbert-square.json",
                                       err, sizeof err), SC_OK);
    assert_int_equal(c->n, 6);
    assert_int_equal(c->d, 12);
    assert_string_equal(c->data_desc, "hilbert(n=6,d=12,noise=1/300,seed=2)");
    sc_case_clear(c);
}

/* ---- sc_case_gen_hadamard ---------------------------------------------- */

/* The Sylvester matrix by its recursion H_2m = [[H, H], [H, -H]]. */
static void
sylvester_by_recursion(fmpz_mat_t H)
{
    slong m, i, j, n = fmpz_mat_nrows(H);

    fmpz_one(fmpz_mat_entry(H, 0, 0));
    for (m = 1; m < n; m *= 2)
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
            {
                fmpz * h = fmpz_mat_entry(H, i, j);

                fmpz_set(fmpz_mat_entry(H, i, j + m), h);
                fmpz_set(fmpz_mat_entry(H, i + m, j), h);
                fmpz_neg(fmpz_mat_entry(H, i + m, j + m), h);
            }
}

static void
test_case_gen_hadamard_matches_sylvester(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    slong i, k, n = 16, d = 6;
    fmpq_mat_t X, y, mu;
    fmpz_mat_t H;
    fmpq_t t;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, d, 1);
    fmpz_mat_init(H, n, n);
    fmpq_init(t);
    sylvester_by_recursion(H);

    /* without shift: exactly whitened, columns of H */
    assert_int_equal(sc_case_gen_hadamard(X, y, n, d, cols, NULL, 15, err,
                                          sizeof err), SC_OK);
    assert_true(is_exactly_whitened(X));
    for (i = 0; i < n; i++)
    {
        for (k = 0; k < d; k++)
            assert_true(fmpz_equal(fmpq_numref(fmpq_mat_entry(X, i, k)),
                                   fmpz_mat_entry(H, i, cols[k])));
        assert_true(fmpz_equal(fmpq_numref(fmpq_mat_entry(y, i, 0)),
                               fmpz_mat_entry(H, i, 15)));
    }

    /* with a shift (d x 1 here, 1 x d below): X = H cols + mu */
    for (k = 0; k < d; k++)
        fmpq_set_si(fmpq_mat_entry(mu, k, 0), k - 2, 3);
    assert_int_equal(sc_case_gen_hadamard(X, y, n, d, cols, mu, 3, err,
                                          sizeof err), SC_OK);
    assert_true(is_exactly_whitened(X));
    for (i = 0; i < n; i++)
        for (k = 0; k < d; k++)
        {
            fmpq_sub(t, fmpq_mat_entry(X, i, k), fmpq_mat_entry(mu, k, 0));
            assert_true(fmpz_is_one(fmpq_denref(t)));
            assert_true(fmpz_equal(fmpq_numref(t),
                                   fmpz_mat_entry(H, i, cols[k])));
        }
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, 1, d);
    for (k = 0; k < d; k++)
        fmpq_set_si(fmpq_mat_entry(mu, 0, k), k - 2, 3);
    {
        fmpq_mat_t X2;

        fmpq_mat_init(X2, 0, 0);
        assert_int_equal(sc_case_gen_hadamard(X2, y, n, d, cols, mu, 3, err,
                                              sizeof err), SC_OK);
        assert_true(fmpq_mat_equal(X, X2));
        fmpq_mat_clear(X2);
    }

    fmpq_clear(t);
    fmpz_mat_clear(H);
    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

static void
test_case_gen_hadamard_rejects(void ** state)
{
    static const slong ok_cols[3] = { 1, 2, 3 };
    static const slong dup[3] = { 1, 2, 1 };
    static const slong zero[3] = { 0, 2, 3 };
    static const slong big[3] = { 1, 2, 8 };
    fmpq_mat_t X, y, mu;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, 2, 1);
    assert_int_equal(sc_case_gen_hadamard(X, y, 12, 3, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 1, 3, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, dup, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_non_null(strstr(err, "distinct"));
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, zero, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, big, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, NULL, 0, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, NULL, 8, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 0, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, mu, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_non_null(strstr(err, "shift"));
    assert_int_equal(fmpq_mat_nrows(X), 0);
    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- sc_case_gen_plain ------------------------------------------------- */

static void
test_case_gen_plain_entries_and_labels(void ** state)
{
    slong seed, i, j;
    fmpq_mat_t X, y, X2, y2;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(X2, 0, 0);
    fmpq_mat_init(y2, 0, 0);
    for (seed = 0; seed < 200; seed++)
    {
        slong n = 2 + seed % 5, d = 1 + seed % 3;

        assert_int_equal(sc_case_gen_plain(X, y, n, d, seed, err,
                                           sizeof err), SC_OK);
        assert_int_equal(fmpq_mat_nrows(X), n);
        assert_int_equal(fmpq_mat_ncols(X), d);
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
            {
                const fmpq * x = fmpq_mat_entry(X, i, j);

                assert_true(fmpz_is_one(fmpq_denref(x)));
                assert_true(fmpq_cmp_si(x, -4) >= 0
                            && fmpq_cmp_si(x, 4) <= 0);
            }
        assert_true(labels_are_signs_not_all_equal(y));
        /* centred data of rank >= 1: some row differs from row 0 */
        {
            fmpq_mat_t Xc;

            fmpq_mat_init(Xc, n, d);
            sc_data_center(Xc, X);
            assert_false(fmpq_mat_is_zero(Xc));
            fmpq_mat_clear(Xc);
        }
        /* deterministic */
        assert_int_equal(sc_case_gen_plain(X2, y2, n, d, seed, err,
                                           sizeof err), SC_OK);
        assert_true(fmpq_mat_equal(X, X2) && fmpq_mat_equal(y, y2));
    }
    assert_int_equal(sc_case_gen_plain(X, y, 20, 5, 1, err, sizeof err),
                     SC_OK);
    assert_int_equal(sc_case_gen_plain(X2, y2, 20, 5, 2, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(X, X2));
    assert_false(is_exactly_whitened(X));

    assert_int_equal(sc_case_gen_plain(X, y, 1, 5, 1, err, sizeof err),
                     SC_EINVAL);
    assert_int_equal(sc_case_gen_plain(X, y, 5, 0, 1, err, sizeof err),
                     SC_EINVAL);
    assert_int_equal(sc_case_gen_plain(X, y, 4096, 245, 1, err, sizeof err),
                     SC_EINVAL);

    fmpq_mat_clear(y2);
    fmpq_mat_clear(X2);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- sc_case_init_near_reference --------------------------------------- */

/* |a / b - 1| < 10^-30, exactly. */
static int
relative_close(const fmpq_t a, const fmpq_t b)
{
    fmpq_t r, tol;
    int ok;

    fmpq_init(r);
    fmpq_init(tol);
    fmpq_div(r, a, b);
    fmpq_sub_ui(r, r, 1);
    fmpq_abs(r, r);
    fmpz_one(fmpq_numref(tol));
    fmpz_ui_pow_ui(fmpq_denref(tol), 10, 30);
    ok = fmpq_cmp(r, tol) < 0;
    fmpq_clear(tol);
    fmpq_clear(r);
    return ok;
}

/* Recomputes rho_0^2, ||w0||^2 and <w0, w*> exactly from w0. */
static void
check_near_reference(const fmpq_mat_t X, const fmpq_mat_t y,
                     const char * rho0_s, const char * norm2_s, ulong seed)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, ws, w0, w1;
    fmpq_t rho0, norm2, c2, ip, W, rho_sq, target;
    char err[SC_ERR_LEN];

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(ws, d, 1);
    fmpq_mat_init(w0, 0, 0);
    fmpq_mat_init(w1, 0, 0);
    fmpq_init(rho0);
    fmpq_init(norm2);
    fmpq_init(c2);
    fmpq_init(ip);
    fmpq_init(W);
    fmpq_init(rho_sq);
    fmpq_init(target);
    assert_int_equal(sc_num_parse_fmpq(rho0, rho0_s, err, sizeof err), SC_OK);
    assert_int_equal(sc_num_parse_fmpq(norm2, norm2_s, err, sizeof err),
                     SC_OK);

    assert_int_equal(sc_case_init_near_reference(w0, X, y, rho0, norm2, seed,
                                                 err, sizeof err), SC_OK);
    sc_data_center(Xc, X);
    sc_data_lsq_reference(ws, Xc, y);
    sc_data_dot(c2, ws, ws);
    sc_data_dot(ip, w0, ws);
    sc_data_dot(W, w0, w0);
    assert_true(fmpq_sgn(ip) > 0);
    fmpq_mul(rho_sq, W, c2);
    fmpq_submul(rho_sq, ip, ip);
    fmpq_div(rho_sq, rho_sq, ip);
    fmpq_div(rho_sq, rho_sq, ip);
    fmpq_mul(target, rho0, rho0);
    if (!relative_close(rho_sq, target) || !relative_close(W, norm2))
    {
        print_error("near-reference rho0=%s norm2=%s seed=%lu: targets "
                    "missed\n", rho0_s, norm2_s, (unsigned long) seed);
        fail();
    }
    assert_true(sc_data_in_row_space(Xc, w0));

    /* deterministic, and the seed matters */
    assert_int_equal(sc_case_init_near_reference(w1, X, y, rho0, norm2, seed,
                                                 err, sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(w0, w1));
    assert_int_equal(sc_case_init_near_reference(w1, X, y, rho0, norm2,
                                                 seed + 1, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(w0, w1));

    fmpq_clear(target);
    fmpq_clear(rho_sq);
    fmpq_clear(W);
    fmpq_clear(ip);
    fmpq_clear(c2);
    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w1);
    fmpq_mat_clear(w0);
    fmpq_mat_clear(ws);
    fmpq_mat_clear(Xc);
}

static void
test_case_init_near_reference_hits_targets(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);

    assert_int_equal(sc_case_gen_whitened(X, y, 16, 6, 7, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "1/50", "1", 3);
    check_near_reference(X, y, "1e-40", "1e20", 0);
    check_near_reference(X, y, "1e6", "3/7", 12345);

    assert_int_equal(sc_case_gen_hadamard(X, y, 16, 6, cols, NULL, 3, err,
                                          sizeof err), SC_OK);
    check_near_reference(X, y, "0.02", "1", 11);

    assert_int_equal(sc_case_gen_plain(X, y, 10, 3, 5, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "1/3", "7/2", 1);
    assert_int_equal(sc_case_gen_plain(X, y, 5, 12, 9, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "2.5", "1e-3", 2);

    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

static void
test_case_init_near_reference_rejects(void ** state)
{
    fmpq_mat_t X, y, w;
    fmpq_t rho0, norm2;
    char err[SC_ERR_LEN];
    slong i;

    (void) state;
    fmpq_mat_init(X, 4, 2);
    fmpq_mat_init(y, 4, 1);
    fmpq_mat_init(w, 2, 1);
    fmpq_init(rho0);
    fmpq_init(norm2);
    fmpq_set_si(rho0, 1, 50);
    fmpq_one(norm2);

    /* both columns orthogonal to y: w* = 0 */
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(fmpq_mat_entry(X, i, 0), (i % 2) ? -1 : 1, 1);
        fmpq_set_si(fmpq_mat_entry(X, i, 1), (i == 0 || i == 3) ? 1 : -1, 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), i < 2 ? 1 : -1, 1);
    }
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    assert_string_equal(err, "the reference direction is zero");

    /* rank one: the second column is twice the first */
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(fmpq_mat_entry(X, i, 0), i, 1);
        fmpq_set_si(fmpq_mat_entry(X, i, 1), 2 * i, 1);
    }
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    assert_string_equal(err, "span(X~^T) has no direction orthogonal to w*");

    fmpq_set_si(fmpq_mat_entry(X, 0, 1), 5, 1);     /* rank 2 again */
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_OK);
    fmpq_zero(rho0);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    fmpq_set_si(rho0, 1, 50);
    fmpq_set_si(norm2, -1, 1);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);

    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- the generators through the loader (tests/data/good/) ------------ */

static void
test_case_load_file_whitened_generator(void ** state)
{
    sc_case_t c;
    fmpq_mat_t X, y, w;
    fmpq_t rho0, norm2;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(w, 0, 0);
    fmpq_init(rho0);
    fmpq_init(norm2);

    load_good(c, "whitened.json");
    assert_int_equal(c->n, 16);
    assert_int_equal(c->d, 6);
    assert_true(c->seed == 7);
    assert_string_equal(c->data_desc, "whitened(n=16,d=6,seed=7)");
    assert_true(is_exactly_whitened(c->X));
    assert_int_equal(sc_case_gen_whitened(X, y, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));

    fmpq_set_si(rho0, 1, 50);
    fmpq_one(norm2);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 3, err,
                                                 sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(c->w0, w));
    assert_true(fmpq_equal_str(c->gamma0, "1", "20"));

    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

static void
test_case_load_file_hadamard_generator(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    static const slong shift[6][2] = {
        { 0, 1 }, { 1, 2 }, { -1, 1 }, { 2, 1 }, { 0, 1 }, { 3, 4 } };
    sc_case_t c;
    fmpq_mat_t X, y, mu;
    char err[SC_ERR_LEN];
    slong k;

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, 6, 1);
    for (k = 0; k < 6; k++)
        fmpq_set_si(fmpq_mat_entry(mu, k, 0), shift[k][0], shift[k][1]);

    load_good(c, "hadamard.json");
    assert_int_equal(c->n, 16);
    assert_int_equal(c->d, 6);
    assert_true(c->seed == 0);
    assert_string_equal(c->data_desc, "hadamard(n=16,d=6,y_column=3)");
    assert_int_equal(sc_case_gen_hadamard(X, y, 16, 6, cols, mu, 3, err,
                                          sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));
    assert_true(is_exactly_whitened(c->X));
    assert_int_equal(c->precision, SC_CASE_DEFAULT_PREC);
    assert_true(fmpq_equal_str(c->eta_gamma, "1", "200"));

    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

static void
test_case_load_file_plain_generator(void ** state)
{
    sc_case_t c;
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);

    load_good(c, "plain.json");
    assert_int_equal(c->n, 10);
    assert_int_equal(c->d, 3);
    assert_true(c->seed == 5);
    assert_string_equal(c->data_desc, "plain(n=10,d=3,seed=5)");
    assert_int_equal(sc_case_gen_plain(X, y, 10, 3, 5, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));
    assert_true(entry_is(c->w0, 2, 0, 3, 1));
    assert_int_equal(c->loss, SC_LOSS_LOGISTIC);

    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

/* The logistic recipe (LOGISTIC.md section 3) through the loader: labels
   (+1^3, -1^3), the near-reference state at rho_0 = 0.05 around the SVM
   w* (not the least-squares one), and the span state in span(X~^T). */
static void
test_case_load_file_logistic(void ** state)
{
    sc_case_t c;
    sc_data_t D;
    fmpq_t t;
    slong i;

    (void) state;
    fmpq_init(t);
    sc_case_init(c);
    load_good(c, "logistic.json");
    assert_int_equal(c->loss, SC_LOSS_LOGISTIC);
    assert_int_equal(c->n, 6);
    assert_int_equal(c->d, 9);
    for (i = 0; i < 6; i++)
        assert_true(entry_is(c->y, i, 0, i < 3 ? 1 : -1, 1));
    sc_data_init(D, c);
    assert_true(D->has_svm && D->has_ref && D->svm->a4);
    fmpq_set_si(t, 1, 4);
    assert_true(fmpq_equal(D->svm->m2, t));
    /* |rho_0^2 - 1/400| < 2^-100: the dyadic recipe of near-reference */
    fmpq_set_si(t, 1, 400);
    fmpq_sub(t, D->rho0_sq, t);
    fmpq_abs(t, t);
    fmpq_mul_2exp(t, t, 100);
    assert_true(fmpq_cmp_ui(t, 1) < 0);
    assert_true(D->w0_in_span);
    sc_data_clear(D);

    load_good(c, "logistic_span.json");
    sc_data_init(D, c);
    assert_true(D->w0_in_span);
    assert_true(D->has_svm && !D->svm->rank_ok && D->svm->a3);
    sc_data_clear(D);
    sc_case_clear(c);
    fmpq_clear(t);
}

/* ---- main -------------------------------------------------------------- */

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_rand_next_known_answers),
        cmocka_unit_test(test_rand_range_bounds),
        cmocka_unit_test(test_case_gen_whitened_matches_definition),
        cmocka_unit_test(test_case_gen_whitened_sigma_identity),
        cmocka_unit_test(test_case_gen_whitened_deterministic),
        cmocka_unit_test(test_case_gen_whitened_rejects),
        cmocka_unit_test(test_case_cayley_columns_orthogonal),
        cmocka_unit_test(test_rand_normal_dyadic_moments),
        cmocka_unit_test(test_case_gen_hilbert_slice_known_answer),
        cmocka_unit_test(test_case_gen_hilbert_noise_and_rank),
        cmocka_unit_test(test_case_gen_hilbert_rejects),
        cmocka_unit_test(test_case_load_file_hilbert_generator),
        cmocka_unit_test(test_case_gen_hadamard_matches_sylvester),
        cmocka_unit_test(test_case_gen_hadamard_rejects),
        cmocka_unit_test(test_case_gen_plain_entries_and_labels),
        cmocka_unit_test(test_case_init_near_reference_hits_targets),
        cmocka_unit_test(test_case_init_near_reference_rejects),
        cmocka_unit_test(test_case_load_file_logistic),
        cmocka_unit_test(test_case_load_file_whitened_generator),
        cmocka_unit_test(test_case_load_file_hadamard_generator),
        cmocka_unit_test(test_case_load_file_plain_generator),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return failed;
}
