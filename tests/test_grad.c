/*
 * test_grad.c -- tests of the GD map (src/dyn/model.c, grad.c, logistic.c,
 * jacobian.c, direction.c): the margin losses, the gradient, the Jacobian
 * of the GD map and the direction, each on exact points and over boxes.
 *
 * Second methods used as oracles:
 * - square loss on whitened Walsh-Hadamard data with a weight vector of
 *   rational norm: loss and gradient are exact rationals (fmpq), computed
 *   here from the unsimplified chain rule;
 * - square loss on any data: the closed form grad_w L = -(gamma/N) X~^T
 *   (I - P_v) y / n (the projection kills z), rational up to one 1/N;
 * - logistic loss: central finite differences of an independent loss
 *   (exact X~ w, one sqrt, 512 bits), step 2^-100, tolerance 2^-90; the
 *   same for the Jacobian of the GD map.
 *
 * SC_TEST_SEED overrides the seed of the random tests and
 * SC_TEST_MULTIPLIER scales them (the seed words of test_dyn.c, where
 * these tests were: the random inputs stay the same).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "dyn/dyn.h"
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 20240613UL
#include "sc_test.h"
#include "sc_dyn_ref.h"
#define FD_PREC 512
#define FD_STEP_EXP (-100)
#define FD_TOL_EXP (-90)

/* ---- independent references ------------------------------------------ */

/* The case in balls, for the gradient and Jacobian calls. */
static void
dyn_from_case(sc_dyn_t D, sc_data_t data, const sc_case_t c, slong prec)
{
    sc_data_init(data, c);
    sc_dyn_init(D, c, data, prec);
}

static void
set_arb_vec_fmpq(arb_ptr x, const fmpq * q, slong len, slong prec)
{
    slong i;

    for (i = 0; i < len; i++)
        arb_set_fmpq(x + i, q + i, prec);
}

/*
 * Square loss, any data, by the simplified closed form ((I - P_v) z = 0):
 *   grad_w = -(gamma/N) (1/n) X~^T (y - v (v.y)/||v||^2),
 *   dL/dgamma = gamma - (y.v)/(n N),
 *   L = gamma^2/2 - gamma (y.v)/(n N) + ||y||^2/(2n),
 * each a rational plus a rational times 1/N, N^2 = ||v||^2/n exact.
 */
static void
ref_square_grad(arb_ptr g, arb_t gg, arb_t L, const fmpq_mat_t Xc,
                const fmpq_mat_t y, const fmpq * w, const fmpq_t gamma,
                slong wp)
{
    slong i, j, n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq * v = _fmpq_vec_init(n);
    fmpq * p = _fmpq_vec_init(n);
    fmpq_t vy, vv, yy, q, t;
    arb_t invN, a;

    fmpq_init(vy);
    fmpq_init(vv);
    fmpq_init(yy);
    fmpq_init(q);
    fmpq_init(t);
    arb_init(invN);
    arb_init(a);
    exact_v(v, Xc, w);
    for (i = 0; i < n; i++)
    {
        fmpq_addmul(vy, v + i, fmpq_mat_entry(y, i, 0));
        fmpq_addmul(vv, v + i, v + i);
        fmpq_addmul(yy, fmpq_mat_entry(y, i, 0), fmpq_mat_entry(y, i, 0));
    }
    fmpq_set_si(t, n, 1);
    fmpq_div(q, vv, t);                         /* N^2 */
    arb_set_fmpq(invN, q, wp);
    arb_rsqrt(invN, invN, wp);
    fmpq_div(t, vy, vv);
    for (i = 0; i < n; i++)
    {
        fmpq_mul(p + i, t, v + i);
        fmpq_sub(p + i, fmpq_mat_entry(y, i, 0), p + i);
    }
    for (j = 0; j < d; j++)
    {
        fmpq_zero(q);
        for (i = 0; i < n; i++)
            fmpq_addmul(q, fmpq_mat_entry(Xc, i, j), p + i);
        fmpq_mul(q, q, gamma);
        q_div_si(q, q, -n);
        arb_set_fmpq(g + j, q, wp);
        arb_mul(g + j, g + j, invN, wp);
    }
    /* t = (y.v)/n */
    q_div_si(t, vy, n);
    arb_set_fmpq(a, t, wp);
    arb_mul(a, a, invN, wp);                    /* (y.v)/(n N) */
    arb_set_fmpq(gg, gamma, wp);
    arb_sub(gg, gg, a, wp);
    arb_set_fmpq(L, gamma, wp);
    arb_mul(a, a, L, wp);                       /* gamma (y.v)/(n N) */
    fmpq_mul(q, gamma, gamma);
    fmpq_div_2exp(q, q, 1);
    q_div_si(t, yy, 2 * n);
    fmpq_add(q, q, t);
    arb_set_fmpq(L, q, wp);
    arb_sub(L, L, a, wp);
    arb_clear(a);
    arb_clear(invN);
    fmpq_clear(t);
    fmpq_clear(q);
    fmpq_clear(yy);
    fmpq_clear(vv);
    fmpq_clear(vy);
    _fmpq_vec_clear(p, n);
    _fmpq_vec_clear(v, n);
}

/*
 * L(w, gamma) = (1/n) sum l(y_i z_i), z = gamma v / N, computed from exact
 * v = X~ w and N^2 = ||v||^2 / n with one sqrt; square l = (1 - s)^2 / 2,
 * logistic l = log(1 + e^-s) (by e^-s for s >= 0, by -s + log(1 + e^s)
 * for s < 0: a different route from the library's log1p(exp(-s))).
 */
static void
ref_loss(arb_t L, const fmpq_mat_t Xc, const fmpq_mat_t y, const fmpq * w,
         const fmpq_t gamma, sc_loss_t loss, slong wp)
{
    slong i, n = fmpq_mat_nrows(Xc);
    fmpq * v = _fmpq_vec_init(n);
    fmpq_t vv;
    arb_t k, s, l, e;

    fmpq_init(vv);
    arb_init(k);
    arb_init(s);
    arb_init(l);
    arb_init(e);
    exact_v(v, Xc, w);
    for (i = 0; i < n; i++)
        fmpq_addmul(vv, v + i, v + i);
    q_div_si(vv, vv, n);
    arb_set_fmpq(k, vv, wp);
    arb_rsqrt(k, k, wp);
    arb_mul_fmpz(k, k, fmpq_numref(gamma), wp);
    arb_div_fmpz(k, k, fmpq_denref(gamma), wp);     /* gamma / N */
    arb_zero(L);
    for (i = 0; i < n; i++)
    {
        arb_set_fmpq(s, v + i, wp);
        arb_mul(s, s, k, wp);
        if (fmpq_sgn(fmpq_mat_entry(y, i, 0)) < 0)
            arb_neg(s, s);                      /* margin y_i z_i */
        if (loss == SC_LOSS_SQUARE)
        {
            arb_sub_ui(l, s, 1, wp);
            arb_sqr(l, l, wp);
            arb_mul_2exp_si(l, l, -1);
        }
        else if (arb_is_nonnegative(s))
        {
            arb_neg(e, s);
            arb_exp(e, e, wp);
            arb_add_ui(e, e, 1, wp);
            arb_log(l, e, wp);
        }
        else
        {
            arb_exp(e, s, wp);
            arb_add_ui(e, e, 1, wp);
            arb_log(l, e, wp);
            arb_sub(l, l, s, wp);
        }
        arb_add(L, L, l, wp);
    }
    arb_div_si(L, L, n, wp);
    arb_clear(e);
    arb_clear(l);
    arb_clear(s);
    arb_clear(k);
    fmpq_clear(vv);
    _fmpq_vec_clear(v, n);
}

/* res = (f(x + h e_j) - f(x - h e_j)) / 2h +- 2^FD_TOL_EXP, for f = the
   reference loss, x = (w, gamma) and j = d meaning gamma. */
static void
fd_loss(arb_t res, const fmpq_mat_t Xc, const fmpq_mat_t y, const fmpq * w,
        const fmpq_t gamma, sc_loss_t loss, slong j)
{
    slong d = fmpq_mat_ncols(Xc);
    fmpq * wp = _fmpq_vec_init(d);
    fmpq_t gp, h;
    arb_t Lp, Lm, tol;

    fmpq_init(gp);
    fmpq_init(h);
    arb_init(Lp);
    arb_init(Lm);
    arb_init(tol);
    fmpq_one(h);
    fmpq_mul_2exp(h, h, -FD_STEP_EXP);
    fmpq_inv(h, h);                             /* 2^-100 */
    q_vec_set(wp, w, d);
    fmpq_set(gp, gamma);
    if (j < d)
        fmpq_add(wp + j, wp + j, h);
    else
        fmpq_add(gp, gp, h);
    ref_loss(Lp, Xc, y, wp, gp, loss, FD_PREC);
    q_vec_set(wp, w, d);
    fmpq_set(gp, gamma);
    if (j < d)
        fmpq_sub(wp + j, wp + j, h);
    else
        fmpq_sub(gp, gp, h);
    ref_loss(Lm, Xc, y, wp, gp, loss, FD_PREC);
    arb_sub(res, Lp, Lm, FD_PREC);
    arb_mul_2exp_si(res, res, -FD_STEP_EXP - 1);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, FD_TOL_EXP);
    arb_add_error(res, tol);
    arb_clear(tol);
    arb_clear(Lm);
    arb_clear(Lp);
    fmpq_clear(h);
    fmpq_clear(gp);
    _fmpq_vec_clear(wp, d);
}

/* A random rational w: dyadic entries with up to 20 bits in (-2, 2),
   sometimes a zero, and (if scaled) sometimes a huge or tiny overall
   scale. */
static void
rand_w(fmpq * w, slong d, flint_rand_t r, int scaled)
{
    slong i, e = 0;

    if (scaled && n_randint(r, 4) == 0)
        e = (slong) n_randint(r, 41) - 20;
    for (i = 0; i < d; i++)
    {
        fmpq_set_si(w + i, (slong) n_randint(r, 1 << 20) - (1 << 19),
                    1UL << 18);
        if (n_randint(r, 6) == 0)
            fmpq_zero(w + i);
        if (e >= 0)
            fmpq_mul_2exp(w + i, w + i, e);
        else
            fmpq_div_2exp(w + i, w + i, -e);
    }
}

/* ---- margin loss -------------------------------------------------------- */

/* l, l', l'' against closed forms: square exactly; logistic through
   different formulas at twice the precision, for |s| up to 10^5. */
static void
test_dyn_margin_loss_closed_forms(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t s, t;
    arb_t x, l, dl, d2l, ref, e;

    fmpq_init(s);
    fmpq_init(t);
    arb_init(x);
    arb_init(l);
    arb_init(dl);
    arb_init(d2l);
    arb_init(ref);
    arb_init(e);
    for (iter = 0; iter < 500 * test_multiplier(); iter++)
    {
        slong prec = 64 + (slong) n_randint(st->r, 300), wp = 2 * prec + 64;
        int ok = 1;

        fmpq_randtest(s, st->r, 30);
        if (n_randint(st->r, 4) == 0)
            fmpq_mul_si(s, s, 100000);
        arb_set_fmpq(x, s, prec + 64);

        sc_dyn_margin_loss(l, dl, d2l, SC_LOSS_SQUARE, x, prec);
        fmpq_sub_ui(t, s, 1);
        ok = ok && arb_contains_fmpq(dl, t);
        fmpq_mul(t, t, t);
        fmpq_div_2exp(t, t, 1);
        ok = ok && arb_contains_fmpq(l, t) && arb_is_one(d2l);

        sc_dyn_margin_loss(l, dl, d2l, SC_LOSS_LOGISTIC, x, prec);
        /* l = log(1 + e^-s) = -s + log(1 + e^s) */
        arb_set_fmpq(e, s, wp);
        if (fmpq_sgn(s) >= 0)
        {
            arb_neg(e, e);
            arb_exp(e, e, wp);
            arb_log1p(ref, e, wp);
        }
        else
        {
            arb_exp(e, e, wp);
            arb_log1p(ref, e, wp);
            arb_set_fmpq(x, s, wp);
            arb_sub(ref, ref, x, wp);
        }
        ok = ok && arb_overlaps(l, ref)
             && arb_rel_accuracy_bits(l) > prec - 30;
        /* l' = -e^-s / (1 + e^-s), l'' = e^-s / (1 + e^-s)^2 */
        arb_set_fmpq(e, s, wp);
        arb_neg(e, e);
        arb_exp(e, e, wp);
        arb_add_ui(x, e, 1, wp);
        arb_div(ref, e, x, wp);
        arb_neg(ref, ref);
        ok = ok && arb_overlaps(dl, ref)
             && arb_rel_accuracy_bits(dl) > prec - 30;
        arb_div(ref, ref, x, wp);
        arb_neg(ref, ref);
        /* l'' = sigma (1 - sigma) cancels for s << 0: absolute accuracy
           is what the Jacobian needs */
        ok = ok && arb_overlaps(d2l, ref)
             && rad_le_2exp(d2l, 30 - prec);
        /* NULL outputs are allowed */
        arb_set_fmpq(x, s, prec + 64);
        sc_dyn_margin_loss(NULL, ref, NULL, SC_LOSS_LOGISTIC, x, prec);
        ok = ok && arb_overlaps(ref, dl);
        if (!ok)
        {
            print_fmpq("s", s);
            print_ball("l", l);
            print_ball("l'", dl);
            print_ball("l''", d2l);
            print_seed(st);
            fail();
        }
    }
    arb_clear(e);
    arb_clear(ref);
    arb_clear(d2l);
    arb_clear(dl);
    arb_clear(l);
    arb_clear(x);
    fmpq_clear(t);
    fmpq_clear(s);
}

/* ---- gradient ----------------------------------------------------------- */

/*
 * Whitened Hadamard data (random shift and labels), w = lambda u with u a
 * rational unit vector, so N = ||w||_Sigma = |lambda| is rational: the
 * gradient, dL/dgamma and L of sc_dyn_grad contain the exact rationals of
 * the unsimplified chain rule.  Also [L12] <grad_w L, w> = 0.
 */
static void
test_dyn_grad_square_exact_rational(void ** state)
{
    test_state * st = *state;
    slong iter, j, d = 6;
    fmpq * u = _fmpq_vec_init(d);
    fmpq * g = _fmpq_vec_init(d);
    fmpq_t lam, gamma, gg, L;
    arb_ptr w = _arb_vec_init(d), gw = _arb_vec_init(d);
    arb_t ga, ggb, Lb, dot, Lonly;

    fmpq_init(lam);
    fmpq_init(gamma);
    fmpq_init(gg);
    fmpq_init(L);
    arb_init(ga);
    arb_init(ggb);
    arb_init(Lb);
    arb_init(dot);
    arb_init(Lonly);
    for (iter = 0; iter < 100 * test_multiplier(); iter++)
    {
        slong prec = 64 + (slong) n_randint(st->r, 400);
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        int ok = 1;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
        if (iter > 0)
            hadamard_randomise(c, st->r);
        dyn_from_case(D, data, c, prec);
        assert_true(data->whitened);

        rand_rational_unit(u, d, st->r);
        fmpq_set_si(lam, 1 + (slong) n_randint(st->r, 1000),
                    1 + n_randint(st->r, 1000));
        if (n_randint(st->r, 4) == 0)
            fmpq_mul_2exp(lam, lam, 40);
        for (j = 0; j < d; j++)
            fmpq_mul(u + j, u + j, lam);        /* w, ||w|| = lam */
        rand_gamma(gamma, st->r);
        if (!w_defined(data->Xc, u))
        {
            sc_dyn_clear(D);
            sc_data_clear(data);
            sc_case_clear(c);
            continue;
        }
        exact_square_grad(g, gg, L, data->Xc, c->y, u, gamma, lam);

        set_arb_vec_fmpq(w, u, d, prec);
        arb_set_fmpq(ga, gamma, prec);
        sc_dyn_grad(gw, ggb, Lb, D, w, ga, prec);
        for (j = 0; j < d; j++)
            ok = ok && arb_contains_fmpq(gw + j, g + j)
                 && rad_le_2exp(gw + j, 40 - prec / 2);
        ok = ok && arb_contains_fmpq(ggb, gg) && arb_contains_fmpq(Lb, L);
        sc_dyn_loss(Lonly, D, w, ga, prec);
        ok = ok && arb_contains_fmpq(Lonly, L);
        /* [L12] */
        arb_dot(dot, NULL, 0, gw, 1, w, 1, d, prec);
        ok = ok && arb_contains_zero(dot)
             && rad_le_2exp(dot, 80 - prec / 2);
        if (!ok)
        {
            print_vec("w", u, d);
            print_fmpq("gamma", gamma);
            print_vec("exact grad_w", g, d);
            for (j = 0; j < d; j++)
                print_ball("grad_w", gw + j);
            print_fmpq("exact dL/dgamma", gg);
            print_ball("dL/dgamma", ggb);
            print_fmpq("exact L", L);
            print_ball("L", Lb);
            print_ball("<grad, w>", dot);
            print_seed(st);
            fail();
        }
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    arb_clear(Lonly);
    arb_clear(dot);
    arb_clear(Lb);
    arb_clear(ggb);
    arb_clear(ga);
    fmpq_clear(L);
    fmpq_clear(gg);
    fmpq_clear(gamma);
    fmpq_clear(lam);
    _arb_vec_clear(gw, d);
    _arb_vec_clear(w, d);
    _fmpq_vec_clear(g, d);
    _fmpq_vec_clear(u, d);
}

/* Square loss on random (non-whitened, often rank-deficient, n < d) data
   against the simplified closed form, through the Gram matrix and through
   the data; [L12] as well. */
static void
test_dyn_grad_square_closed_form_any_data(void ** state)
{
    test_state * st = *state;
    slong iter, j;

    for (iter = 0; iter < 100 * test_multiplier(); iter++)
    {
        slong n = 2 + (slong) n_randint(st->r, 14);
        slong d = 1 + (slong) n_randint(st->r, 8);
        slong prec = 64 + (slong) n_randint(st->r, 300);
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        fmpq * wq = _fmpq_vec_init(d);
        fmpq_t gamma;
        arb_ptr w = _arb_vec_init(d), gw = _arb_vec_init(d);
        arb_ptr rg = _arb_vec_init(d);
        arb_t ga, ggb, Lb, rgg, rL, dot;
        int ok = 1;

        fmpq_init(gamma);
        arb_init(ga);
        arb_init(ggb);
        arb_init(Lb);
        arb_init(rgg);
        arb_init(rL);
        arb_init(dot);
        sc_case_init(c);
        rand_int_case(c, n, d, SC_LOSS_SQUARE, st->r);
        dyn_from_case(D, data, c, prec);
        {
            fmpq_mat_t Xc;

            fmpq_mat_init(Xc, n, d);
            center_ref(Xc, c->X);
            rand_w(wq, d, st->r, 1);
            rand_gamma(gamma, st->r);
            if (w_defined(Xc, wq))
            {
                ref_square_grad(rg, rgg, rL, Xc, c->y, wq, gamma,
                                2 * prec + 64);
                set_arb_vec_fmpq(w, wq, d, prec);
                arb_set_fmpq(ga, gamma, prec);
                sc_dyn_grad(gw, ggb, Lb, D, w, ga, prec);
                for (j = 0; j < d; j++)
                    ok = ok && arb_overlaps(gw + j, rg + j)
                         && rad_le_2exp(gw + j, 60 - prec / 2);
                ok = ok && arb_overlaps(ggb, rgg) && arb_overlaps(Lb, rL)
                     && rad_le_2exp(ggb, 60 - prec / 2);
                arb_dot(dot, NULL, 0, gw, 1, w, 1, d, prec);
                ok = ok && arb_contains_zero(dot);
                /* the other route to X~^T X~ w (Gram matrix or two passes
                   over the data) meets the same closed form */
                D->gram = !D->gram;
                sc_dyn_grad(gw, ggb, Lb, D, w, ga, prec);
                for (j = 0; j < d; j++)
                    ok = ok && arb_overlaps(gw + j, rg + j)
                         && rad_le_2exp(gw + j, 60 - prec / 2);
                ok = ok && arb_overlaps(ggb, rgg) && arb_overlaps(Lb, rL);
            }
            if (!ok)
            {
                print_vec("w", wq, d);
                print_fmpq("gamma", gamma);
                for (j = 0; j < d; j++)
                {
                    print_ball("grad_w", gw + j);
                    print_ball("closed form", rg + j);
                }
                print_ball("dL/dgamma", ggb);
                print_ball("closed form", rgg);
                print_ball("L", Lb);
                print_ball("closed form", rL);
                print_seed(st);
            }
            fmpq_mat_clear(Xc);
        }
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
        arb_clear(dot);
        arb_clear(rL);
        arb_clear(rgg);
        arb_clear(Lb);
        arb_clear(ggb);
        arb_clear(ga);
        fmpq_clear(gamma);
        _arb_vec_clear(rg, d);
        _arb_vec_clear(gw, d);
        _arb_vec_clear(w, d);
        _fmpq_vec_clear(wq, d);
        if (!ok)
            fail();
    }
}

/*
 * Both losses, Hadamard and random data: every component of grad_w L and
 * dL/dgamma within 2^-90 of the central difference (step 2^-100, 512 bits)
 * of the independent reference loss; [L12] for the logistic loss.
 */
static void
test_dyn_grad_matches_finite_differences(void ** state)
{
    test_state * st = *state;
    slong iter, j;

    for (iter = 0; iter < 16 * test_multiplier(); iter++)
    {
        sc_loss_t loss = (iter % 4 == 3) ? SC_LOSS_SQUARE
                                         : SC_LOSS_LOGISTIC;
        int had = (iter % 2 == 0);
        slong n = had ? 16 : 3 + (slong) n_randint(st->r, 12);
        slong d = had ? 6 : 1 + (slong) n_randint(st->r, 6);
        slong prec = 256;
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        fmpq * wq = _fmpq_vec_init(d);
        fmpq_t gamma;
        fmpq_mat_t Xc;
        arb_ptr w = _arb_vec_init(d), gw = _arb_vec_init(d);
        arb_t ga, ggb, Lb, fd, ref, dot;
        int ok = 1;

        fmpq_init(gamma);
        fmpq_mat_init(Xc, n, d);
        arb_init(ga);
        arb_init(ggb);
        arb_init(Lb);
        arb_init(fd);
        arb_init(ref);
        arb_init(dot);
        sc_case_init(c);
        if (had)
        {
            hadamard_case(c, loss, 1, prec);
            hadamard_randomise(c, st->r);
        }
        else
            rand_int_case(c, n, d, loss, st->r);
        dyn_from_case(D, data, c, prec);
        center_ref(Xc, c->X);
        do
            rand_w(wq, d, st->r, 1);
        while (!w_defined(Xc, wq));
        rand_gamma(gamma, st->r);
        set_arb_vec_fmpq(w, wq, d, prec);
        arb_set_fmpq(ga, gamma, prec);
        sc_dyn_grad(gw, ggb, Lb, D, w, ga, prec);
        ref_loss(ref, Xc, c->y, wq, gamma, loss, FD_PREC);
        ok = arb_overlaps(Lb, ref) && rad_le_2exp(Lb, -200);
        for (j = 0; j <= d && ok; j++)
        {
            arb_srcptr got = (j < d) ? gw + j : ggb;

            fd_loss(fd, Xc, c->y, wq, gamma, loss, j);
            if (!arb_overlaps(got, fd) || !rad_le_2exp(got, -100))
            {
                print_error("  component %ld (d = gamma)\n", (long) j);
                print_ball("gradient", got);
                print_ball("finite difference +- 2^-90", fd);
                ok = 0;
            }
        }
        arb_dot(dot, NULL, 0, gw, 1, w, 1, d, prec);
        ok = ok && arb_contains_zero(dot) && rad_le_2exp(dot, -100);
        if (!ok)
        {
            print_error("  loss %s, %s data %ld x %ld\n", sc_loss_name(loss),
                        had ? "Hadamard" : "random", (long) n, (long) d);
            print_vec("w", wq, d);
            print_fmpq("gamma", gamma);
            print_ball("L", Lb);
            print_ball("reference L", ref);
            print_ball("<grad, w>", dot);
            print_seed(st);
        }
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
        arb_clear(dot);
        arb_clear(ref);
        arb_clear(fd);
        arb_clear(Lb);
        arb_clear(ggb);
        arb_clear(ga);
        fmpq_mat_clear(Xc);
        fmpq_clear(gamma);
        _arb_vec_clear(gw, d);
        _arb_vec_clear(w, d);
        _fmpq_vec_clear(wq, d);
        if (!ok)
            fail();
    }
}

/* The gradient over a box (w +- 2^-30, gamma +- 2^-30) encloses the
   gradient at points of the box. */
static void
test_dyn_grad_encloses_over_box(void ** state)
{
    test_state * st = *state;
    slong iter, j, k;

    for (iter = 0; iter < 20 * test_multiplier(); iter++)
    {
        sc_loss_t loss = (iter % 2) ? SC_LOSS_SQUARE : SC_LOSS_LOGISTIC;
        slong d = 6, prec = 128;
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        fmpq * wq = _fmpq_vec_init(d);
        fmpq * pq = _fmpq_vec_init(d);
        fmpq_t gamma, pg, off;
        arb_ptr w = _arb_vec_init(d), gw = _arb_vec_init(d);
        arb_ptr pw = _arb_vec_init(d), pgw = _arb_vec_init(d);
        arb_t ga, ggb, pga, pggb;
        int ok = 1;

        fmpq_init(gamma);
        fmpq_init(pg);
        fmpq_init(off);
        arb_init(ga);
        arb_init(ggb);
        arb_init(pga);
        arb_init(pggb);
        sc_case_init(c);
        hadamard_case(c, loss, 1, prec);
        hadamard_randomise(c, st->r);
        dyn_from_case(D, data, c, prec);
        do
            rand_w(wq, d, st->r, 0);
        while (!w_defined(data->Xc, wq) || q_vec_is_zero(wq, d));
        rand_gamma(gamma, st->r);
        set_arb_vec_fmpq(w, wq, d, prec);
        for (j = 0; j < d; j++)
            mag_set_ui_2exp_si(arb_radref(w + j), 1, -30);
        arb_set_fmpq(ga, gamma, prec);
        mag_set_ui_2exp_si(arb_radref(ga), 1, -30);
        sc_dyn_grad(gw, ggb, NULL, D, w, ga, prec);
        for (k = 0; k < 6 && ok; k++)
        {
            for (j = 0; j < d; j++)
            {
                /* offset in [-2^-30, 2^-30] */
                fmpq_set_si(off, (slong) n_randint(st->r, 2049) - 1024,
                            1024);
                fmpq_div_2exp(off, off, 30);
                fmpq_add(pq + j, wq + j, off);
            }
            fmpq_set_si(off, (slong) n_randint(st->r, 2049) - 1024, 1024);
            fmpq_div_2exp(off, off, 30);
            fmpq_add(pg, gamma, off);
            set_arb_vec_fmpq(pw, pq, d, prec);
            arb_set_fmpq(pga, pg, prec);
            sc_dyn_grad(pgw, pggb, NULL, D, pw, pga, prec);
            for (j = 0; j < d; j++)
                ok = ok && arb_overlaps(gw + j, pgw + j);
            ok = ok && arb_overlaps(ggb, pggb);
        }
        /* the box result is not trivially wide (w may be small, so the
           gradient ~ 1/||w|| large: relative width) */
        for (j = 0; j < d; j++)
            ok = ok && is_narrow(gw + j, 8);
        if (!ok)
        {
            print_vec("w", wq, d);
            print_fmpq("gamma", gamma);
            for (j = 0; j < d; j++)
                print_ball("grad over box", gw + j);
            print_seed(st);
        }
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
        arb_clear(pggb);
        arb_clear(pga);
        arb_clear(ggb);
        arb_clear(ga);
        fmpq_clear(off);
        fmpq_clear(pg);
        fmpq_clear(gamma);
        _arb_vec_clear(pgw, d);
        _arb_vec_clear(pw, d);
        _arb_vec_clear(gw, d);
        _arb_vec_clear(w, d);
        _fmpq_vec_clear(pq, d);
        _fmpq_vec_clear(wq, d);
        if (!ok)
            fail();
    }
}

/* ---- Jacobian ----------------------------------------------------------- */

/* G(w, gamma) = (w (1 - eta lambda) - eta grad_w L, gamma - eta_g dL/dgamma)
   from sc_dyn_grad (checked above) at an exact point, FD_PREC bits. */
static void
gd_map(arb_ptr G, sc_dyn_t D, const fmpq * wq, const fmpq_t gamma,
       slong d)
{
    slong j;
    arb_ptr w = _arb_vec_init(d), gw = _arb_vec_init(d);
    arb_t ga, gg, t;

    arb_init(ga);
    arb_init(gg);
    arb_init(t);
    set_arb_vec_fmpq(w, wq, d, FD_PREC);
    arb_set_fmpq(ga, gamma, FD_PREC);
    sc_dyn_grad(gw, gg, NULL, D, w, ga, FD_PREC);
    arb_mul(t, D->eta, D->weight_decay, FD_PREC);
    arb_sub_ui(t, t, 1, FD_PREC);
    arb_neg(t, t);
    for (j = 0; j < d; j++)
    {
        arb_mul(G + j, w + j, t, FD_PREC);
        arb_submul(G + j, D->eta, gw + j, FD_PREC);
    }
    arb_mul(G + d, D->eta_gamma, gg, FD_PREC);
    arb_sub(G + d, ga, G + d, FD_PREC);
    arb_clear(t);
    arb_clear(gg);
    arb_clear(ga);
    _arb_vec_clear(gw, d);
    _arb_vec_clear(w, d);
}

/*
 * sc_dyn_jacobian at an exact point against central differences of the GD
 * map (both losses, Hadamard and random data, with and without weight
 * decay): every entry within 2^-90, and narrow.
 */
static void
test_dyn_jacobian_matches_finite_differences(void ** state)
{
    test_state * st = *state;
    slong iter, i, j;

    for (iter = 0; iter < 8 * test_multiplier(); iter++)
    {
        sc_loss_t loss = (iter % 2) ? SC_LOSS_SQUARE : SC_LOSS_LOGISTIC;
        int had = (iter % 4) < 2;
        slong n = had ? 16 : 3 + (slong) n_randint(st->r, 10);
        slong d = had ? 6 : 1 + (slong) n_randint(st->r, 5);
        slong prec = 256;
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D, Dfd;
        fmpq * wq = _fmpq_vec_init(d);
        fmpq * xq = _fmpq_vec_init(d);
        fmpq_t gamma, gq, h;
        arb_mat_t J;
        arb_ptr w = _arb_vec_init(d);
        arb_ptr Gp = _arb_vec_init(d + 1), Gm = _arb_vec_init(d + 1);
        arb_t ga, fd, tol;
        int ok = 1;

        fmpq_init(gamma);
        fmpq_init(gq);
        fmpq_init(h);
        arb_mat_init(J, d + 1, d + 1);
        arb_init(ga);
        arb_init(fd);
        arb_init(tol);
        sc_case_init(c);
        if (had)
        {
            hadamard_case(c, loss, 1, prec);
            hadamard_randomise(c, st->r);
        }
        else
            rand_int_case(c, n, d, loss, st->r);
        if (iter >= 4)
            fmpq_set_si(c->weight_decay, 1, 10);
        fmpq_set_si(c->eta, 1 + (slong) n_randint(st->r, 40), 8);
        fmpq_set_si(c->eta_gamma, 1 + (slong) n_randint(st->r, 99), 100);
        dyn_from_case(D, data, c, prec);
        sc_dyn_init(Dfd, c, data, FD_PREC);
        do
            rand_w(wq, d, st->r, 1);
        while (!w_defined(data->Xc, wq));
        rand_gamma(gamma, st->r);
        set_arb_vec_fmpq(w, wq, d, prec);
        arb_set_fmpq(ga, gamma, prec);
        sc_dyn_jacobian(J, D, w, ga, prec);

        fmpq_one(h);
        fmpq_div_2exp(h, h, -FD_STEP_EXP);
        arb_one(tol);
        arb_mul_2exp_si(tol, tol, FD_TOL_EXP);
        for (j = 0; j <= d && ok; j++)
        {
            q_vec_set(xq, wq, d);
            fmpq_set(gq, gamma);
            if (j < d)
                fmpq_add(xq + j, xq + j, h);
            else
                fmpq_add(gq, gq, h);
            gd_map(Gp, Dfd, xq, gq, d);
            q_vec_set(xq, wq, d);
            fmpq_set(gq, gamma);
            if (j < d)
                fmpq_sub(xq + j, xq + j, h);
            else
                fmpq_sub(gq, gq, h);
            gd_map(Gm, Dfd, xq, gq, d);
            for (i = 0; i <= d; i++)
            {
                arb_sub(fd, Gp + i, Gm + i, FD_PREC);
                arb_mul_2exp_si(fd, fd, -FD_STEP_EXP - 1);
                arb_add_error(fd, tol);
                if (!arb_overlaps(arb_mat_entry(J, i, j), fd)
                    || !rad_le_2exp(arb_mat_entry(J, i, j), -100))
                {
                    print_error("  J(%ld, %ld)\n", (long) i, (long) j);
                    print_ball("J", arb_mat_entry(J, i, j));
                    print_ball("finite difference +- 2^-90", fd);
                    ok = 0;
                    break;
                }
            }
        }
        if (!ok)
        {
            print_error("  loss %s, %s data %ld x %ld, decay %s\n",
                        sc_loss_name(loss), had ? "Hadamard" : "random",
                        (long) n, (long) d, iter >= 4 ? "1/10" : "0");
            print_vec("w", wq, d);
            print_fmpq("gamma", gamma);
            print_seed(st);
        }
        sc_dyn_clear(Dfd);
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
        arb_clear(tol);
        arb_clear(fd);
        arb_clear(ga);
        _arb_vec_clear(Gm, d + 1);
        _arb_vec_clear(Gp, d + 1);
        _arb_vec_clear(w, d);
        arb_mat_clear(J);
        fmpq_clear(h);
        fmpq_clear(gq);
        fmpq_clear(gamma);
        _fmpq_vec_clear(xq, d);
        _fmpq_vec_clear(wq, d);
        if (!ok)
            fail();
    }
}

/* J over a box (w +- 2^-30, gamma +- 2^-30) encloses J at points of it:
   the property the centred step's mean-value argument needs. */
static void
test_dyn_jacobian_encloses_over_box(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, k;

    for (iter = 0; iter < 10 * test_multiplier(); iter++)
    {
        sc_loss_t loss = (iter % 2) ? SC_LOSS_SQUARE : SC_LOSS_LOGISTIC;
        slong d = 6, prec = 128;
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        fmpq * wq = _fmpq_vec_init(d);
        fmpq * pq = _fmpq_vec_init(d);
        fmpq_t gamma, pg, off;
        arb_mat_t J, Jp;
        arb_ptr w = _arb_vec_init(d), pw = _arb_vec_init(d);
        arb_t ga, pga;
        int ok = 1;

        fmpq_init(gamma);
        fmpq_init(pg);
        fmpq_init(off);
        arb_mat_init(J, d + 1, d + 1);
        arb_mat_init(Jp, d + 1, d + 1);
        arb_init(ga);
        arb_init(pga);
        sc_case_init(c);
        hadamard_case(c, loss, 1, prec);
        hadamard_randomise(c, st->r);
        dyn_from_case(D, data, c, prec);
        do
            rand_w(wq, d, st->r, 0);
        while (!w_defined(data->Xc, wq) || q_vec_is_zero(wq, d));
        rand_gamma(gamma, st->r);
        set_arb_vec_fmpq(w, wq, d, prec);
        for (j = 0; j < d; j++)
            mag_set_ui_2exp_si(arb_radref(w + j), 1, -30);
        arb_set_fmpq(ga, gamma, prec);
        mag_set_ui_2exp_si(arb_radref(ga), 1, -30);
        sc_dyn_jacobian(J, D, w, ga, prec);
        for (k = 0; k < 4 && ok; k++)
        {
            for (j = 0; j < d; j++)
            {
                fmpq_set_si(off, (slong) n_randint(st->r, 2049) - 1024,
                            1024);
                fmpq_div_2exp(off, off, 30);
                fmpq_add(pq + j, wq + j, off);
            }
            fmpq_set_si(off, (slong) n_randint(st->r, 2049) - 1024, 1024);
            fmpq_div_2exp(off, off, 30);
            fmpq_add(pg, gamma, off);
            set_arb_vec_fmpq(pw, pq, d, prec);
            arb_set_fmpq(pga, pg, prec);
            sc_dyn_jacobian(Jp, D, pw, pga, prec);
            for (i = 0; i <= d; i++)
                for (j = 0; j <= d; j++)
                    ok = ok && arb_overlaps(arb_mat_entry(J, i, j),
                                            arb_mat_entry(Jp, i, j));
        }
        for (i = 0; i <= d; i++)
            for (j = 0; j <= d; j++)
                ok = ok && rad_le_2exp(arb_mat_entry(J, i, j), -5);
        if (!ok)
        {
            print_vec("w", wq, d);
            print_fmpq("gamma", gamma);
            print_seed(st);
        }
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
        arb_clear(pga);
        arb_clear(ga);
        _arb_vec_clear(pw, d);
        _arb_vec_clear(w, d);
        arb_mat_clear(Jp);
        arb_mat_clear(J);
        fmpq_clear(off);
        fmpq_clear(pg);
        fmpq_clear(gamma);
        _fmpq_vec_clear(pq, d);
        _fmpq_vec_clear(wq, d);
        if (!ok)
            fail();
    }
}

/* ---- direction ---------------------------------------------------------- */

/*
 * On the Hadamard case (u* = e1, c = 1) and w = (a, 3k, 4k, 0, 0, 0):
 * b = 5|k|, rho = 5|k|/a, W = a^2 + 25 k^2, h = eta gamma / W exactly, and
 * rho keeps prec - log2(1/rho) bits for k down to 2^-150 at 256 bits.
 */
static void
test_dyn_direction_exact(void ** state)
{
    test_state * st = *state;
    slong iter, j, d = 6, prec = 256, tiny = 0;
    sc_case_t c;
    sc_data_t data;
    sc_dyn_t D;
    fmpq * wq = _fmpq_vec_init(d);
    fmpq_t a, k, gamma, t, W;
    arb_ptr w = _arb_vec_init(d);
    arb_t ga, A, B, R, WW, H;

    fmpq_init(a);
    fmpq_init(k);
    fmpq_init(gamma);
    fmpq_init(t);
    fmpq_init(W);
    arb_init(ga);
    arb_init(A);
    arb_init(B);
    arb_init(R);
    arb_init(WW);
    arb_init(H);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
    dyn_from_case(D, data, c, prec);
    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        int ok;

        fmpq_set_si(a, 1 + (slong) n_randint(st->r, 1000),
                    1 + n_randint(st->r, 100));
        fmpq_set_si(k, (slong) n_randint(st->r, 2001) - 1000,
                    1 + n_randint(st->r, 100));
        if (n_randint(st->r, 2))
            fmpq_div_2exp(k, k, n_randint(st->r, 150));
        rand_gamma(gamma, st->r);
        for (j = 0; j < d; j++)
            fmpq_zero(wq + j);
        fmpq_set(wq + 0, a);
        fmpq_mul_si(wq + 1, k, 3);
        fmpq_mul_si(wq + 2, k, 4);
        set_arb_vec_fmpq(w, wq, d, prec);
        arb_set_fmpq(ga, gamma, prec);
        sc_dyn_direction(A, B, R, WW, H, D, w, ga, prec);

        fmpq_mul(W, k, k);
        fmpq_mul_si(W, W, 25);
        fmpq_addmul(W, a, a);
        ok = arb_contains_fmpq(A, a) && arb_contains_fmpq(WW, W);
        fmpq_abs(t, k);
        fmpq_mul_si(t, t, 5);
        ok = ok && arb_contains_fmpq(B, t);
        fmpq_div(t, t, a);
        ok = ok && arb_contains_fmpq(R, t);
        /* the residual w - a u* has absolute error ~ 2^-prec |w|, so rho
           keeps about prec - log2(1/rho) bits (not prec: the cancellation
           in w - a u* is inherent; sqrt(W - a^2) would keep half that) */
        if (!fmpq_is_zero(k))
        {
            slong lost = (slong) fmpz_bits(fmpq_denref(t))
                         - (slong) fmpz_bits(fmpq_numref(t)) + 1;

            lost = FLINT_MAX(lost, 0);
            if (prec - lost - 20 > 0)
                ok = ok && arb_rel_accuracy_bits(R) > prec - lost - 20;
            if (prec - lost - 20 > 0 && lost > 100)
                tiny++;
        }
        fmpq_mul_si(t, gamma, 3);               /* eta gamma c, c = 1 */
        fmpq_div(t, t, W);
        ok = ok && arb_contains_fmpq(H, t);
        if (!ok)
        {
            print_vec("w", wq, d);
            print_ball("a", A);
            print_ball("b", B);
            print_ball("rho", R);
            print_ball("W", WW);
            print_ball("h", H);
            print_seed(st);
            fail();
        }
    }
    assert_true(tiny > 0);
    sc_dyn_clear(D);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(H);
    arb_clear(WW);
    arb_clear(R);
    arb_clear(B);
    arb_clear(A);
    arb_clear(ga);
    fmpq_clear(W);
    fmpq_clear(t);
    fmpq_clear(gamma);
    fmpq_clear(k);
    fmpq_clear(a);
    _arb_vec_clear(w, d);
    _fmpq_vec_clear(wq, d);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_dyn_margin_loss_closed_forms,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_dyn_grad_square_exact_rational,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_dyn_grad_square_closed_form_any_data, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_dyn_grad_matches_finite_differences, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_dyn_grad_encloses_over_box,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_dyn_jacobian_matches_finite_differences, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_dyn_jacobian_encloses_over_box,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_dyn_direction_exact,
                                        setup_rand, teardown_rand),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
