/*
 * test_sharpness.c -- the Hessian, the symmetric eigenvalue enclosures
 * and the checkers of BEYOND.md sections 2 and 3 ([S1]-[S3], [N1]-[N3]):
 * known answers computed independently, a false claim through ctx->factor
 * for every checker, broken hypotheses.
 *
 * Independent values: central differences of the gradient at 512 bits for
 * the Hessian; an exact rational similarity for the eigenvalues; the
 * delayed-spike reference of THEOREMS.md section 7 (rising edge 209..660);
 * an mpmath / float64 run of the LLAS toy written outside the library
 * (peaks 46, 538, 2284 exact; 538, 2281 in float64; f_46 = 291.5247...);
 * the heavy-ball expansion kappa sqrt|Delta| = 2 (1 + beta)(1 + O(2^-k))
 * (deviation 1.2509e-3 at beta = 1/4, k = 8, evaluated in double outside).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "theorems/theorems.h"
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 7
#include "sc_test.h"

#define SC_CAP 4096

#include "sc_fixture.h"

SC_FIXTURE_SETUP(setup_spike, "tests/data/thm_spike.json")
SC_FIXTURE_SETUP(setup_logistic, "tests/data/thm_logistic.json")
SC_FIXTURE_SETUP(setup_plain, "tests/data/thm_plain.json")

static int
sc_extra_is(const sc_result_t res, const char * name, slong v)
{
    arb_t t;
    int r;

    arb_init(t);
    arb_set_si(t, v);
    r = arb_contains(sc_extra(res, name), t);
    if (!r)
        print_ball(name, sc_extra(res, name));
    arb_clear(t);
    return r;
}

/* 1 if lo < x < hi (x a ball, lo and hi decimal strings) */
static int
sc_between(const arb_t x, const char * lo, const char * hi, slong prec)
{
    arb_t a, b;
    int r;

    arb_init(a);
    arb_init(b);
    arb_set_str(a, lo, prec);
    arb_set_str(b, hi, prec);
    r = arb_lt(a, x) && arb_lt(x, b);
    if (!r)
        print_ball("x", x);
    arb_clear(b);
    arb_clear(a);
    return r;
}

/* ---- the Hessian ------------------------------------------------------- */

/* H from hessian.c against central differences of the gradient, h = 2^-64,
   at 512 bits (truncation ~ 2^-128 times the third derivative), and the
   scale-invariance identity H_ww w = -grad_w L + lambda w */
static void
sc_check_hessian(sc_fixture * f)
{
    slong prec = 512, d = f->c->d, i, j;
    sc_dyn_t D;
    arb_mat_t H;
    arb_ptr w = _arb_vec_init(d), wp = _arb_vec_init(d);
    arb_ptr gp = _arb_vec_init(d), gm = _arb_vec_init(d);
    arb_t gamma, gg_p, gg_m, h, fd, diff, tol, r;

    arb_init(gamma);
    arb_init(gg_p);
    arb_init(gg_m);
    arb_init(h);
    arb_init(fd);
    arb_init(diff);
    arb_init(tol);
    arb_init(r);
    arb_mat_init(H, d + 1, d + 1);
    sc_dyn_init(D, f->c, f->ctx->data, prec);
    for (i = 0; i < d; i++)
        arb_set_fmpq(w + i, fmpq_mat_entry(f->c->w0, i, 0), prec);
    arb_set_fmpq(gamma, f->c->gamma0, prec);
    sc_dyn_hessian(H, D, w, gamma, prec);
    arb_one(h);
    arb_mul_2exp_si(h, h, -64);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -100);
    for (j = 0; j <= d; j++)
    {
        arb_t gs;

        arb_init(gs);
        _arb_vec_set(wp, w, d);
        arb_set(gs, gamma);
        if (j < d)
            arb_add(wp + j, wp + j, h, prec);
        else
            arb_add(gs, gs, h, prec);
        sc_dyn_grad(gp, gg_p, NULL, D, wp, gs, prec);
        _arb_vec_set(wp, w, d);
        arb_set(gs, gamma);
        if (j < d)
            arb_sub(wp + j, wp + j, h, prec);
        else
            arb_sub(gs, gs, h, prec);
        sc_dyn_grad(gm, gg_m, NULL, D, wp, gs, prec);
        for (i = 0; i <= d; i++)
        {
            if (i < d)
                arb_sub(fd, gp + i, gm + i, prec);
            else
                arb_sub(fd, gg_p, gg_m, prec);
            arb_div(fd, fd, h, prec);
            arb_mul_2exp_si(fd, fd, -1);
            arb_set(r, fd);                     /* + lambda on diag(w) */
            if (i < d && i == j)
                arb_add(r, r, D->weight_decay, prec);
            arb_sub(diff, r, arb_mat_entry(H, i, j), prec);
            arb_abs(diff, diff);
            if (!arb_lt(diff, tol))
            {
                print_error("H[%ld][%ld]\n", (long) i, (long) j);
                print_ball("fd", r);
                print_ball("H", arb_mat_entry(H, i, j));
                fail();
            }
            assert_true(arb_overlaps(arb_mat_entry(H, i, j),
                                     arb_mat_entry(H, j, i)));
        }
        arb_clear(gs);
    }
    /* H_ww w = -grad_w L + lambda w (differentiate <grad_w L, w> = 0) */
    sc_dyn_grad(gp, NULL, NULL, D, w, gamma, prec);
    for (i = 0; i < d; i++)
    {
        arb_dot(r, NULL, 0, arb_mat_entry(H, i, 0), 1, w, 1, d, prec);
        arb_add(r, r, gp + i, prec);
        arb_submul(r, D->weight_decay, w + i, prec);
        assert_true(arb_contains_zero(r));
        assert_true(arb_lt(r, tol));
    }
    sc_dyn_clear(D);
    arb_mat_clear(H);
    arb_clear(r);
    arb_clear(tol);
    arb_clear(diff);
    arb_clear(fd);
    arb_clear(h);
    arb_clear(gg_m);
    arb_clear(gg_p);
    arb_clear(gamma);
    _arb_vec_clear(gm, d);
    _arb_vec_clear(gp, d);
    _arb_vec_clear(wp, d);
    _arb_vec_clear(w, d);
}

/* The states a strided sharpness checker examines on a trajectory of len
   states: 0, s, 2s, ... with the last state in place of the final one
   (s = ceil((len - 1) / SC_SHARP_MAX_STATES), or 1). */
static slong
sc_examined(slong len)
{
    slong steps = len - 1, n = 0, t;
    slong s = steps <= SC_SHARP_MAX_STATES ? 1
              : (steps + SC_SHARP_MAX_STATES - 1) / SC_SHARP_MAX_STATES;

    for (t = 0; t < len; t += s)
    {
        if (t + s >= len)
            t = len - 1;
        n++;
    }
    return n;
}

static void
test_dyn_hessian_matches_finite_differences(void ** state)
{
    sc_fixture * f = *state;

    sc_check_hessian(f);
    /* with weight decay the w-block gains lambda I */
    fmpq_set_si(f->c->weight_decay, 3, 100);
    sc_check_hessian(f);
    fmpq_zero(f->c->weight_decay);
}

/* ---- symmetric eigenvalue enclosures ------------------------------------ */

/* A = Q diag(e) Q^T with Q = (I - S)(I + S)^{-1} (Cayley, exact rational
   orthogonal) for a random skew S: exact eigenvalues e */
static void
sc_sym_exact(fmpq_mat_t A, const fmpq * e, flint_rand_t r)
{
    slong i, j, n = fmpq_mat_nrows(A);
    fmpq_mat_t S, I, B, Q;

    fmpq_mat_init(S, n, n);
    fmpq_mat_init(I, n, n);
    fmpq_mat_init(B, n, n);
    fmpq_mat_init(Q, n, n);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            fmpq_set_si(fmpq_mat_entry(S, i, j),
                        (slong) n_randint(r, 9) - 4, 1 + n_randint(r, 5));
            fmpq_neg(fmpq_mat_entry(S, j, i), fmpq_mat_entry(S, i, j));
        }
    fmpq_mat_one(I);
    fmpq_mat_add(A, I, S);
    assert_true(fmpq_mat_inv(B, A));
    fmpq_mat_sub(A, I, S);
    fmpq_mat_mul(Q, A, B);
    fmpq_mat_zero(B);
    for (i = 0; i < n; i++)
        fmpq_set(fmpq_mat_entry(B, i, i), e + i);
    fmpq_mat_mul(A, Q, B);
    fmpq_mat_transpose(B, Q);
    fmpq_mat_mul(A, A, B);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(B);
    fmpq_mat_clear(I);
    fmpq_mat_clear(S);
}

/* exact eigenvalues, repeated ones included, and a ball around A */
static void
test_num_sym_eig_range_on_exact_similarity(void ** state)
{
    test_state * st = *state;
    slong n = 5, i, iter;
    fmpq_mat_t A;
    fmpq * e = _fmpq_vec_init(n);
    arb_mat_t M;
    arb_t lo, hi, t;
    static const slong ei[5] = { -3, 1, 1, 1, 4 };

    fmpq_mat_init(A, n, n);
    arb_mat_init(M, n, n);
    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    for (i = 0; i < n; i++)
        fmpq_set_si(e + i, ei[i], 1);
    for (iter = 0; iter < 5 * test_multiplier(); iter++)
    {
        sc_sym_exact(A, e, st->r);
        arb_mat_set_fmpq_mat(M, A, 256);
        assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 256), SC_OK);
        arb_set_si(t, 4);
        assert_true(arb_contains(hi, t));
        arb_set_si(t, -3);
        assert_true(arb_contains(lo, t));
        assert_true(mag_cmp_2exp_si(arb_radref(hi), -100) < 0);
        /* a ball of radius 2^-40 around every entry still encloses 4 */
        for (i = 0; i < n * n; i++)
            mag_set_ui_2exp_si(arb_radref(arb_mat_entry(M, i / n, i % n)), 1,
                               -40);
        assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 256), SC_OK);
        arb_set_si(t, 4);
        assert_true(arb_contains(hi, t));
    }
    /* an infinite entry cannot be enclosed: SC_UNABLE, not a wrong ball */
    arb_pos_inf(arb_mat_entry(M, 0, 0));
    assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 256), SC_UNABLE);
    arb_clear(t);
    arb_clear(hi);
    arb_clear(lo);
    arb_mat_clear(M);
    fmpq_mat_clear(A);
    _fmpq_vec_clear(e, n);
}

/* e[i] = a 2^k / b */
static void
sc_set_2exp(fmpq_t e, slong a, slong k, ulong b)
{
    fmpz_t t;

    fmpz_init(t);
    fmpz_one(t);
    fmpz_mul_2exp(t, t, FLINT_ABS(k));
    fmpq_set_si(e, a, b);
    if (k >= 0)
        fmpq_mul_fmpz(e, e, t);
    else
        fmpq_div_fmpz(e, e, t);
    fmpz_clear(t);
}

/* a fourfold cluster at the top, split by 2^-90 (below double
   resolution): the enclosure is as tight as the precision, so the arb
   sweeps finished what the double start could not resolve */
static void
test_num_sym_eig_range_fourfold_cluster(void ** state)
{
    test_state * st = *state;
    slong n = 8, i, iter;
    fmpq_mat_t A;
    fmpq * e = _fmpq_vec_init(n);
    arb_mat_t M, U, G;
    arb_t lo, hi, t;

    fmpq_mat_init(A, n, n);
    arb_mat_init(M, n, n);
    arb_mat_init(U, n, n);
    arb_mat_init(G, n, n);
    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    fmpq_set_si(e + 0, -2, 1);
    fmpq_set_si(e + 1, 1, 3);
    fmpq_set_si(e + 2, 1, 2);
    fmpq_set_si(e + 3, 1, 2);
    fmpq_set_si(e + 4, 3, 1);
    fmpq_set_si(e + 5, 3, 1);
    sc_set_2exp(e + 6, 1, -90, 1);
    fmpq_add_si(e + 6, e + 6, 3);               /* 3 + 2^-90 */
    sc_set_2exp(e + 7, -1, -90, 1);
    fmpq_add_si(e + 7, e + 7, 3);               /* 3 - 2^-90 */
    for (iter = 0; iter < 3 * test_multiplier(); iter++)
    {
        sc_sym_exact(A, e, st->r);
        arb_mat_set_fmpq_mat(M, A, 512);
        assert_int_equal(sc_num_sym_eig_range(lo, hi, U, M, 512), SC_OK);
        arb_set_fmpq(t, e + 6, 512);
        assert_true(arb_contains(hi, t));
        assert_true(mag_cmp_2exp_si(arb_radref(hi), -200) < 0);
        arb_set_si(t, -2);
        assert_true(arb_contains(lo, t));
        assert_true(mag_cmp_2exp_si(arb_radref(lo), -200) < 0);
        /* U is orthonormal far beyond double accuracy */
        arb_mat_transpose(G, U);
        arb_mat_mul(G, G, U, 512);
        for (i = 0; i < n; i++)
            arb_sub_ui(arb_mat_entry(G, i, i), arb_mat_entry(G, i, i), 1,
                       512);
        arb_mat_frobenius_norm(t, G, 512);
        assert_true(arb_is_finite(t));
        assert_true(arf_cmpabs_2exp_si(arb_midref(t), -200) < 0);
        /* at 80 bits the double eigenbasis alone serves: wider, still
           enclosing */
        arb_mat_set_fmpq_mat(M, A, 80);
        assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 80), SC_OK);
        arb_set_fmpq(t, e + 6, 80);
        assert_true(arb_contains(hi, t));
        assert_true(mag_cmp_2exp_si(arb_radref(hi), -40) < 0);
        arb_set_si(t, -2);
        assert_true(arb_contains(lo, t));
    }
    arb_clear(t);
    arb_clear(hi);
    arb_clear(lo);
    arb_mat_clear(G);
    arb_mat_clear(U);
    arb_mat_clear(M);
    fmpq_mat_clear(A);
    _fmpq_vec_clear(e, n);
}

/* entries doubles cannot hold: a block of size 2^600 beside one of size
   2^-600 (2^-1200 apart: the small block underflows once scaled), and a
   matrix of size 2^3000 (overflows unscaled) */
static void
test_num_sym_eig_range_beyond_double_range(void ** state)
{
    test_state * st = *state;
    slong i, j, iter;
    fmpq_mat_t A1, A2;
    fmpq * e1 = _fmpq_vec_init(3), * e2 = _fmpq_vec_init(3);
    arb_mat_t M;
    arb_t lo, hi, t;

    fmpq_mat_init(A1, 3, 3);
    fmpq_mat_init(A2, 3, 3);
    arb_mat_init(M, 6, 6);
    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    for (i = 0; i < 3; i++)
    {
        sc_set_2exp(e1 + i, i + 1, 600, 1);     /* 2^600 (1, 2, 3) */
        sc_set_2exp(e2 + i, i - 2, -600, 1);    /* 2^-600 (-2, -1, 0) */
    }
    for (iter = 0; iter < 3 * test_multiplier(); iter++)
    {
        sc_sym_exact(A1, e1, st->r);
        sc_sym_exact(A2, e2, st->r);
        arb_mat_zero(M);
        for (i = 0; i < 3; i++)
            for (j = 0; j < 3; j++)
            {
                arb_set_fmpq(arb_mat_entry(M, i, j),
                             fmpq_mat_entry(A1, i, j), 2048);
                arb_set_fmpq(arb_mat_entry(M, i + 3, j + 3),
                             fmpq_mat_entry(A2, i, j), 2048);
            }
        assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 2048),
                         SC_OK);
        arb_set_fmpq(t, e1 + 2, 2048);
        assert_true(arb_contains(hi, t));
        assert_true(mag_cmp_2exp_si(arb_radref(hi), 600 - 200) < 0);
        arb_set_fmpq(t, e2 + 0, 2048);
        assert_true(arb_contains(lo, t));
        /* A1 scaled by 2^2400 (entries near 2^3000) beside zeros */
        arb_mat_zero(M);
        for (i = 0; i < 3; i++)
            for (j = 0; j < 3; j++)
            {
                arb_set_fmpq(arb_mat_entry(M, i, j),
                             fmpq_mat_entry(A1, i, j), 256);
                arb_mul_2exp_si(arb_mat_entry(M, i, j),
                                arb_mat_entry(M, i, j), 2400);
            }
        assert_int_equal(sc_num_sym_eig_range(lo, hi, NULL, M, 256), SC_OK);
        arb_set_fmpq(t, e1 + 2, 256);
        arb_mul_2exp_si(t, t, 2400);
        assert_true(arb_contains(hi, t));
        assert_true(mag_cmp_2exp_si(arb_radref(hi), 3000 - 100) < 0);
        assert_true(arb_contains_zero(lo));
    }
    arb_clear(t);
    arb_clear(hi);
    arb_clear(lo);
    arb_mat_clear(M);
    fmpq_mat_clear(A2);
    fmpq_mat_clear(A1);
    _fmpq_vec_clear(e2, 3);
    _fmpq_vec_clear(e1, 3);
}

/* ---- [S1] [S2] on the delayed-spike case -------------------------------- */

static void
test_thm_s1_scale_law_and_false_law(void ** state)
{
    sc_result_t res;
    arb_t one;

    sc_result_init(res);
    arb_init(one);
    assert_int_equal(sc_run_case(res, *state, "S1", 1, 1), SC_HOLDS);
    /* H_gamma,gamma = ||v||^2 / (n N^2) = 1: lambda_max >= 1 (Rayleigh) */
    arb_one(one);
    assert_true(arb_ge(sc_extra(res, "lambda_max_peak"), one));
    assert_true(sc_extra_is(res, "states", sc_examined(761)));
    assert_int_equal(sc_run_case(res, *state, "S1", 1025, 1024), SC_VIOLATED);
    assert_int_equal(res->step, 0);
    arb_clear(one);
    sc_result_clear(res);
}

static void
test_thm_s2_crossing_at_onset_and_false_threshold(void ** state)
{
    sc_fixture * f = *state;
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run_case(res, f, "S2-P", 1, 1), SC_HOLDS);
    /* lambda_max(P^1/2 H P^1/2) passes 2 where rho starts rising: the edge
       209..660 of THEOREMS.md s.7; the gamma curvature 1 > 2/3 = 2/eta
       crosses the plain threshold at t = 0 */
    assert_true(sc_extra_is(res, "t_cross_P", 209));
    assert_true(sc_extra_is(res, "t_cross", 0));
    assert_true(sc_extra_is(res, "t_rise", 653));
    /* the loss falls for 653 steps, then rises 47x: a spike (core/spike.c),
       after both crossings: HOLDS and exercised */
    assert_true(res->exercised);
    assert_int_equal(res->step, 653);
    assert_true(sc_extra_is(res, "t_spike", 653));
    assert_true(sc_extra_is(res, "lag_P", 444));
    assert_true(sc_extra_is(res, "nonspike_rises", 0));
    assert_int_equal(sc_run_case(res, f, "S2-H", 1, 1), SC_HOLDS);
    assert_true(res->exercised);
    assert_true(sc_extra_is(res, "lag", 653));
    /* thresholds 4x: never crossed, yet the spike starts at 653 */
    assert_int_equal(sc_run_case(res, f, "S2-H", 4, 1), SC_VIOLATED);
    assert_int_equal(res->step, 653);
    assert_non_null(res->novalue);
    assert_int_equal(sc_run_case(res, f, "S2-P", 4, 1), SC_VIOLATED);
    assert_int_equal(res->step, 653);
    assert_non_null(res->novalue);
    /* thresholds at 1/2: both crossed earlier (the P one at 71) */
    assert_int_equal(sc_run_case(res, f, "S2-P", 1, 2), SC_HOLDS);
    assert_true(sc_extra_is(res, "t_cross_P", 71));
    /* momentum changes the map: NOT-APPLICABLE */
    fmpq_set_si(f->c->momentum, 1, 2);
    assert_int_equal(sc_run_case(res, f, "S2-H", 1, 1), SC_NOT_APPLICABLE);
    assert_int_equal(sc_run_case(res, f, "S2-P", 1, 1), SC_NOT_APPLICABLE);
    assert_int_equal(sc_run_case(res, f, "N1", 1, 1), SC_NOT_APPLICABLE);
    assert_int_equal(sc_run_case(res, f, "N3", 1, 1), SC_NOT_APPLICABLE);
    fmpq_zero(f->c->momentum);
    sc_result_clear(res);
}

/* [S2-H] and [S2-P] read one box series per precision: the same pointer
   whichever asks first, its enclosures those of sc_sharp_at over the box
   at a quarter of the precision, independent of the control factor. */
static void
test_sharp_boxes_shared(void ** state)
{
    sc_fixture * f = *state;
    slong prec = f->c->precision, d = f->c->d, t;
    const sc_traj_struct * T = sc_ctx_full(f->ctx, prec);
    const sc_sharp_box_struct * B;
    sc_sharp_struct S;
    sc_result_t res;
    sc_dyn_t D;

    sc_result_init(res);
    sc_sharp_init(&S, d + 1);
    sc_dyn_init(D, f->c, f->ctx->data, prec);
    assert_int_equal(sc_run_case(res, f, "S2-P", 4, 1), SC_VIOLATED);
    B = sc_sharp_boxes(f->ctx, T, prec);
    assert_int_equal(B->status, SC_OK);
    assert_int_equal(B->K->onset, 653);
    assert_ptr_equal(sc_sharp_boxes(f->ctx, T, prec), B);
    assert_int_equal(sc_run_case(res, f, "S2-H", 1, 1), SC_HOLDS);
    assert_ptr_equal(sc_sharp_boxes(f->ctx, T, prec), B);
    /* every state up to the onset examined */
    for (t = 0; t <= 653; t++)
        assert_true(B->seen[t]);
    for (t = 0; t <= 653; t += 163)
    {
        assert_int_equal(sc_sharp_at(&S, D, T->w + t * d, T->gamma + t,
                                     SC_SHARP_K, FLINT_MAX(64, prec / 4)),
                         SC_OK);
        assert_true(arb_equal(S.lmax, B->lmax + t));
        assert_true(arb_equal(S.lmaxK, B->lmaxK + t));
    }
    sc_dyn_clear(D);
    sc_sharp_clear(&S);
    sc_result_clear(res);
}

/* A loss rise that is no spike is no counterexample.  The saved [S2]
   counterexample cases/regressions/S2-logistic-0017-main-shrunk.json (3
   samples, 2 dimensions, 2 steps; VIOLATED when any certified loss rise
   was the event) rises 1.0045x at step 1, one state before both
   crossings (t = 2), with no falling steps before it: HOLDS, vacuous, the
   rise counted in the extras. */
static void
test_thm_s2_rise_without_spike_vacuous(void ** state)
{
    sc_fixture * f = sc_fixture_load(
        "cases/regressions/S2-logistic-0017-main-shrunk.json");
    sc_result_t res;
    arb_t lo, hi;

    (void) state;
    sc_result_init(res);
    arb_init(lo);
    arb_init(hi);
    assert_int_equal(sc_run_case(res, f, "S2-H", 1, 1), SC_HOLDS);
    assert_false(res->exercised);
    assert_non_null(strstr(res->reason, "no loss spike"));
    assert_non_null(strstr(res->reason, "vacuous"));
    assert_true(sc_extra_is(res, "t_rise", 1));
    assert_true(sc_extra_is(res, "t_cross", 2));
    assert_true(sc_extra_is(res, "t_cross_P", 2));
    assert_true(sc_extra_is(res, "t_spike", -1));
    assert_true(sc_extra_is(res, "nonspike_rises", 1));
    /* its ratio L_2 / L_1: above 1, far below SC_SPIKE_RATIO */
    arb_set_str(lo, "1.004", 64);
    arb_set_str(hi, "1.005", 64);
    assert_true(arb_gt(sc_extra(res, "nonspike_ratio_max"), lo)
                && arb_lt(sc_extra(res, "nonspike_ratio_max"), hi));
    /* no spike, so no threshold scaling can make either claim fail */
    assert_int_equal(sc_run_case(res, f, "S2-H", 1000, 1), SC_HOLDS);
    assert_false(res->exercised);
    assert_int_equal(sc_run_case(res, f, "S2-P", 1, 1), SC_HOLDS);
    assert_false(res->exercised);
    assert_int_equal(sc_run_case(res, f, "S2-P", 1000, 1), SC_HOLDS);
    assert_false(res->exercised);
    arb_clear(hi);
    arb_clear(lo);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* ---- [S3] --------------------------------------------------------------- */

static void
test_thm_s3_identity_and_golden_run(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run_case(res, *state, "S3-id", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, *state, "S3-run", 1, 1), SC_HOLDS);
    assert_true(sc_between(res->observed, "291.5247142139", "291.5247142140",
                           128));
    assert_true(sc_extra_is(res, "t_peak", 46));
    assert_true(sc_extra_is(res, "t_down", 47));
    assert_true(sc_extra_is(res, "t_recross", 266));
    assert_true(sc_extra_is(res, "t_spike2", 538));
    assert_true(sc_extra_is(res, "t_spike3", 2284));
    /* float64 keeps the second spike and loses y to the subnormal floor */
    assert_true(sc_extra_is(res, "t_spike2_f64", 538));
    assert_true(sc_extra_is(res, "t_spike3_f64", 2281));
    assert_true(sc_between(sc_extra(res, "y_min"), "3.45e-344", "3.46e-344",
                           128));
    /* f - 18 = (x + 4) df/dx is false */
    assert_int_equal(sc_run_case(res, *state, "S3-id", 2, 1), SC_VIOLATED);
    assert_non_null(res->novalue);
    /* the golden peak value doubled is missed */
    assert_int_equal(sc_run_case(res, *state, "S3-run", 2, 1), SC_VIOLATED);
    sc_result_clear(res);
}

/* ---- [N1] [N2] [N3] ----------------------------------------------------- */

static void
test_thm_n1_nonnormal_and_false_commutator(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run_case(res, *state, "N1", 1, 1), SC_HOLDS);
    assert_true(sc_extra_is(res, "nonnormal_states", sc_examined(761)));
    assert_int_equal(sc_run_case(res, *state, "N1", 2, 1), SC_VIOLATED);
    sc_result_clear(res);
}

/* eta = eta_gamma: [H, P] = 0, J symmetric, kappa(V) = 1 */
/* 1 when the two states hold bit-identical balls (same midpoints, same
   radii) up to kappa */
static int
sc_sharp_same(const sc_sharp_struct * A, const sc_sharp_struct * B)
{
    return arb_mat_equal(A->H, B->H) && arb_mat_equal(A->K, B->K)
           && arb_equal(A->lmin, B->lmin) && arb_equal(A->lmax, B->lmax)
           && arb_equal(A->lminK, B->lminK) && arb_equal(A->lmaxK, B->lmaxK)
           && arb_equal(A->rhoJ, B->rhoJ) && arb_equal(A->kappa, B->kappa);
}

/* the cache gives what sc_sharp_at computes directly, whether a state is
   first asked for H alone (S1) and extended later, or in full at once */
static void
test_sharp_cached_matches_direct(void ** state)
{
    sc_fixture * f = *state;
    slong prec = f->c->precision, d = f->c->d, k, t;
    const sc_traj_struct * T = sc_ctx_full(f->ctx, prec);
    const sc_sharp_struct * C1, * C2;
    sc_sharp_struct S;
    arb_ptr w = _arb_vec_init(d);
    arb_t gamma;
    sc_ctx_t ctx2;
    sc_dyn_t D;
    int st;

    arb_init(gamma);
    sc_sharp_init(&S, d + 1);
    sc_dyn_init(D, f->c, f->ctx->data, prec);
    sc_ctx_init(ctx2, f->c);
    for (k = 0; k < 3; k++)
    {
        t = k * (T->len - 1) / 2;
        C1 = sc_sharp_cached(&st, f->ctx, t, 0, prec);
        assert_int_equal(st, SC_OK);
        assert_int_equal(C1->level, 1);
        assert_ptr_equal(sc_sharp_cached(&st, f->ctx, t,
                                         SC_SHARP_K | SC_SHARP_KAPPA, prec),
                         C1);
        assert_int_equal(st, SC_OK);
        C2 = sc_sharp_cached(&st, ctx2, t, SC_SHARP_K | SC_SHARP_KAPPA,
                             prec);
        assert_int_equal(st, SC_OK);
        sc_traj_state_mid(w, gamma, T, t);
        assert_int_equal(sc_sharp_at(&S, D, w, gamma,
                                     SC_SHARP_K | SC_SHARP_KAPPA, prec),
                         SC_OK);
        assert_true(sc_sharp_same(C1, &S));
        assert_true(sc_sharp_same(C2, &S));
        assert_true(arb_is_finite(S.kappa) && arb_is_finite(S.lmax));
    }
    sc_ctx_clear(ctx2);
    sc_dyn_clear(D);
    sc_sharp_clear(&S);
    arb_clear(gamma);
    _arb_vec_clear(w, d);
}

static void
test_thm_n1_symmetric_kappa_one(void ** state)
{
    sc_fixture * f = *state;
    sc_result_t res;
    arb_t one;

    sc_result_init(res);
    arb_init(one);
    fmpq_set_si(f->c->eta, 1, 2);
    fmpq_set_si(f->c->eta_gamma, 1, 2);
    assert_int_equal(sc_run_case(res, f, "N1", 1, 1), SC_HOLDS);
    assert_true(sc_extra_is(res, "nonnormal_states", 0));
    assert_true(sc_between(sc_extra(res, "kappa_before"), "0.99999999",
                           "1.00000001", 128));
    /* [H, P] = 0: any factor leaves J - J^T = 0 */
    assert_int_equal(sc_run_case(res, f, "N1", 2, 1), SC_HOLDS);
    arb_clear(one);
    sc_result_clear(res);
}

static void
test_thm_n2_exceptional_points(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run_case(res, *state, "N2-kap", 1, 1), SC_HOLDS);
    /* beta = 1/4, x = x_EP -+ 2^-8: deviation 1.2508767e-3 (double) */
    assert_true(sc_between(sc_extra(res, "kappa_dev_max"), "1.2508e-3",
                           "1.2510e-3", 128));
    /* 6 points beside each of the 2 exceptional points of 2 betas */
    assert_true(sc_extra_is(res, "points", 24));
    assert_int_equal(sc_run_case(res, *state, "N2-pow", 1, 1), SC_HOLDS);
    assert_true(sc_extra_is(res, "points", 32));
    assert_int_equal(sc_run_case(res, *state, "N2-BF", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, *state, "N2-Kr", 1, 1), SC_HOLDS);
    assert_true(res->exercised);
    assert_int_equal(sc_run_case(res, *state, "N2-EP", 1, 1), SC_HOLDS);
    /* Delta = (1 + beta - x)^2 - 8 beta at x_EP is not 0 */
    assert_int_equal(sc_run_case(res, *state, "N2-EP", 2, 1), SC_VIOLATED);
    assert_non_null(res->novalue);
    /* ... but no inequality is scaled by that */
    assert_int_equal(sc_run_case(res, *state, "N2-pow", 2, 1), SC_HOLDS);
    /* bounds at 9/10 of their value: ||B|| <= kappa rho is tight at a
       generic point (slack 1.0000044) */
    assert_int_equal(sc_run_case(res, *state, "N2-pow", 9, 10), SC_VIOLATED);
    assert_true(res->has_predicted && res->has_observed);
    assert_true(arb_gt(res->observed, res->predicted));
    assert_non_null(strstr(res->reason, "at x = 1/2"));
    sc_result_clear(res);
}

static void
test_thm_n3_separation_measured_and_false_floor(void ** state)
{
    sc_result_t res;
    arb_t one;

    sc_result_init(res);
    arb_init(one);
    assert_int_equal(sc_run_case(res, *state, "N3", 1, 1), SC_HOLDS);
    /* rho(J) >= 1 everywhere: the stable median is 1, the unstable one
       larger; kappa stays near 1 in both phases on this case */
    arb_one(one);
    assert_true(arb_ge(sc_extra(res, "rho_J_stable"), one));
    assert_true(sc_between(sc_extra(res, "rho_J_ratio"), "1.1", "3", 64));
    assert_true(sc_between(sc_extra(res, "kappa_ratio"), "0.9", "1.1", 64));
    assert_int_equal(sc_run_case(res, *state, "N3", 2, 1), SC_VIOLATED);
    arb_clear(one);
    sc_result_clear(res);
}

/* the logistic loss goes through the same Hessian code */
static void
test_thm_sharp_logistic(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run_case(res, *state, "S1", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, *state, "N1", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, *state, "N3", 1, 1), SC_HOLDS);
    sc_result_clear(res);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_dyn_hessian_matches_finite_differences, setup_plain,
            sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_dyn_hessian_matches_finite_differences, setup_logistic,
            sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_num_sym_eig_range_on_exact_similarity, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_sym_eig_range_fourfold_cluster, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_num_sym_eig_range_beyond_double_range, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_thm_s1_scale_law_and_false_law,
                                        setup_spike, sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_thm_s2_crossing_at_onset_and_false_threshold, setup_spike,
            sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_sharp_boxes_shared, setup_spike,
            sc_fixture_teardown),
        cmocka_unit_test(test_thm_s2_rise_without_spike_vacuous),
        cmocka_unit_test_setup_teardown(test_thm_s3_identity_and_golden_run,
                                        setup_spike, sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_thm_n1_nonnormal_and_false_commutator, setup_spike,
            sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_sharp_cached_matches_direct,
                                        setup_spike, sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_thm_n1_symmetric_kappa_one,
                                        setup_logistic, sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_thm_n2_exceptional_points,
                                        setup_spike, sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(
            test_thm_n3_separation_measured_and_false_floor, setup_spike,
            sc_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_thm_sharp_logistic,
                                        setup_logistic, sc_fixture_teardown),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return r;
}
