/*
 * test_dyn.c -- tests of the dynamics module (sc_dyn_*, sc_traj_*).
 *
 * Second methods used as oracles:
 * - square loss on whitened Walsh-Hadamard data with a weight vector of
 *   rational norm: loss, gradient, one GD step and one reduced step are
 *   exact rationals (fmpq), computed here from the unsimplified chain rule;
 * - square loss on any data: the closed form grad_w L = -(gamma/N) X~^T
 *   (I - P_v) y / n (the projection kills z), rational up to one 1/N;
 * - logistic loss: central finite differences of an independent loss
 *   (exact X~ w, one sqrt, 512 bits), step 2^-100, tolerance 2^-90; the
 *   same for the Jacobian of the GD map;
 * - full GD against the reduced recurrence of [L7] on the 16 x 6 Hadamard
 *   case of THEOREMS.md section 7, and that section's reference numbers
 *   for the unit-norm 760-step spike.
 *
 * SC_TEST_SEED overrides the seed of the random tests and
 * SC_TEST_MULTIPLIER scales them.
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
#define FD_PREC 512
#define FD_STEP_EXP (-100)
#define FD_TOL_EXP (-90)

/* ---- fixtures and helpers ---------------------------------------------- */

static void
print_vec(const char * label, const fmpq * v, slong len)
{
    slong i;

    print_error("  %s =", label);
    for (i = 0; i < len; i++)
    {
        char * s = fmpq_get_str(NULL, 10, v + i);

        print_error(" %s", s);
        flint_free(s);
    }
    print_error("\n");
}

/* Small fmpq helpers FLINT 2.9 lacks. */
static void
q_div_si(fmpq_t res, const fmpq_t x, slong k)
{
    fmpz_t t;

    fmpz_init_set_si(t, k);
    fmpq_div_fmpz(res, x, t);
    fmpz_clear(t);
}

static void
q_vec_set(fmpq * res, const fmpq * x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_set(res + i, x + i);
}

static int
q_vec_is_zero(const fmpq * x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        if (!fmpq_is_zero(x + i))
            return 0;
    return 1;
}

/* radius <= 2^e */
static int
rad_le_2exp(const arb_t x, slong e)
{
    return arb_is_finite(x) && mag_cmp_2exp_si(arb_radref(x), e) <= 0;
}

/* ---- cases built in memory --------------------------------------------- */

/*
 * The 16 x 6 Walsh-Hadamard case of THEOREMS.md section 7: columns
 * 3,5,6,9,10,12, y = column 3 (so w* = e1, c = 1), gamma0 = 1/20, eta = 3,
 * eta_gamma = 1/200, w0 = (1, 1/50, 0, 0, 0, 0).  Sigma = I exactly.
 */
static void
hadamard_case(sc_case_t c, sc_loss_t loss, slong steps, slong prec)
{
    slong i, j;

    sc_case_set_dims(c, 16, 6);
    c->loss = loss;
    for (i = 0; i < 16; i++)
    {
        for (j = 0; j < 6; j++)
            fmpq_set_si(fmpq_mat_entry(c->X, i, j),
                        sylvester(i, hadamard_cols[j]), 1);
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), sylvester(i, 3), 1);
    }
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_set_si(fmpq_mat_entry(c->w0, 1, 0), 1, 50);
    fmpq_set_si(c->gamma0, 1, 20);
    fmpq_set_si(c->eta, 3, 1);
    fmpq_set_si(c->eta_gamma, 1, 200);
    c->steps = steps;
    c->precision = prec;
}

/* Random labels and a random rational shift of the columns (Sigma = I
   still): the gradient tests should not lean on w* = e1. */
static void
hadamard_randomise(sc_case_t c, flint_rand_t r)
{
    slong i, j;
    fmpq_t mu;

    fmpq_init(mu);
    for (j = 0; j < c->d; j++)
    {
        fmpq_randtest(mu, r, 20);
        for (i = 0; i < c->n; i++)
            fmpq_add(fmpq_mat_entry(c->X, i, j), fmpq_mat_entry(c->X, i, j),
                     mu);
    }
    for (i = 0; i < c->n; i++)
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), n_randint(r, 2) ? 1 : -1, 1);
    fmpq_clear(mu);
}

/* Random integer data in [-3, 3], labels +-1; n x d. */
static void
rand_int_case(sc_case_t c, slong n, slong d, sc_loss_t loss,
              flint_rand_t r)
{
    slong i, j;

    sc_case_set_dims(c, n, d);
    c->loss = loss;
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_set_si(fmpq_mat_entry(c->X, i, j),
                        (slong) n_randint(r, 7) - 3, 1);
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), n_randint(r, 2) ? 1 : -1, 1);
    }
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_set_si(c->gamma0, 1, 2);
    fmpq_set_si(c->eta, 1, 10);
    fmpq_set_si(c->eta_gamma, 1, 10);
    c->steps = 1;
    c->precision = 128;
}

/* Xc = X - 1 mu^T, mu = 1^T X / n, computed here. */
static void
center_ref(fmpq_mat_t Xc, const fmpq_mat_t X)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_t mu;

    fmpq_init(mu);
    for (j = 0; j < d; j++)
    {
        fmpq_zero(mu);
        for (i = 0; i < n; i++)
            fmpq_add(mu, mu, fmpq_mat_entry(X, i, j));
        q_div_si(mu, mu, n);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpq_clear(mu);
}

/*
 * A random rational unit vector of length d >= 2: the inverse
 * stereographic projection (2a, S - 1) / (S + 1), S = |a|^2, of an integer
 * point a (some coordinates 0), then permuted and signed at random.
 */
static void
rand_rational_unit(fmpq * u, slong d, flint_rand_t r)
{
    slong i, k;
    fmpz_t S;

    fmpz_init(S);
    do
    {
        fmpz_zero(S);
        for (i = 0; i + 1 < d; i++)
        {
            slong a = (n_randint(r, 4) == 0) ? 0
                      : (slong) n_randint(r, 41) - 20;

            fmpq_set_si(u + i, 2 * a, 1);
            fmpz_add_ui(S, S, (ulong) (a * a));
        }
    }
    while (fmpz_is_zero(S));
    fmpz_sub_ui(fmpq_numref(u + d - 1), S, 1);
    fmpz_add_ui(fmpq_denref(u + d - 1), S, 1);
    fmpq_canonicalise(u + d - 1);
    fmpz_add_ui(S, S, 1);
    for (i = 0; i + 1 < d; i++)
        fmpq_div_fmpz(u + i, u + i, S);
    for (i = d - 1; i > 0; i--)
    {
        k = (slong) n_randint(r, i + 1);
        fmpq_swap(u + i, u + k);
    }
    for (i = 0; i < d; i++)
        if (n_randint(r, 2))
            fmpq_neg(u + i, u + i);
    fmpz_clear(S);
}

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

/* ---- independent references -------------------------------------------- */

/* v = X~ w exactly (n entries). */
static void
exact_v(fmpq * v, const fmpq_mat_t Xc, const fmpq * w)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(Xc); i++)
    {
        fmpq_zero(v + i);
        for (j = 0; j < fmpq_mat_ncols(Xc); j++)
            fmpq_addmul(v + i, fmpq_mat_entry(Xc, i, j), w + j);
    }
}

/*
 * Square loss with N = ||w||_Sigma rational (N given): the unsimplified
 * chain rule, every quantity exact:
 *   z = gamma v / N, r = z - y, P r = v (v.r) / ||v||^2,
 *   grad_w = (gamma / N) (1/n) X~^T (r - P r),
 *   dL/dgamma = (1/n) r.v / N,  L = ||r||^2 / (2n).
 */
static void
exact_square_grad(fmpq * g, fmpq_t gg, fmpq_t L, const fmpq_mat_t Xc,
                  const fmpq_mat_t y, const fmpq * w, const fmpq_t gamma,
                  const fmpq_t N)
{
    slong i, j, n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq * v = _fmpq_vec_init(n);
    fmpq * res = _fmpq_vec_init(n);
    fmpq_t k, vr, vv, t, inv_n;

    fmpq_init(k);
    fmpq_init(vr);
    fmpq_init(vv);
    fmpq_init(t);
    fmpq_init(inv_n);
    fmpq_set_si(inv_n, 1, n);
    exact_v(v, Xc, w);
    fmpq_div(k, gamma, N);
    fmpq_zero(vr);
    fmpq_zero(vv);
    fmpq_zero(L);
    for (i = 0; i < n; i++)
    {
        fmpq_mul(res + i, k, v + i);
        fmpq_sub(res + i, res + i, fmpq_mat_entry(y, i, 0));
        fmpq_addmul(vr, v + i, res + i);
        fmpq_addmul(vv, v + i, v + i);
        fmpq_addmul(L, res + i, res + i);
    }
    fmpq_mul(L, L, inv_n);
    fmpq_div_2exp(L, L, 1);
    fmpq_div(gg, vr, N);
    fmpq_mul(gg, gg, inv_n);
    fmpq_div(t, vr, vv);
    for (i = 0; i < n; i++)
        fmpq_submul(res + i, t, v + i);         /* (I - P) r */
    for (j = 0; j < d; j++)
    {
        fmpq_zero(g + j);
        for (i = 0; i < n; i++)
            fmpq_addmul(g + j, fmpq_mat_entry(Xc, i, j), res + i);
        fmpq_mul(g + j, g + j, k);
        fmpq_mul(g + j, g + j, inv_n);
    }
    fmpq_clear(inv_n);
    fmpq_clear(t);
    fmpq_clear(vv);
    fmpq_clear(vr);
    fmpq_clear(k);
    _fmpq_vec_clear(res, n);
    _fmpq_vec_clear(v, n);
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

static void
rand_gamma(fmpq_t g, flint_rand_t r)
{
    fmpq_set_si(g, (slong) n_randint(r, 1 << 12) - (1 << 11), 1 << 10);
    if (fmpq_is_zero(g))
        fmpq_set_si(g, 1, 3);
}

/* ||X~ w|| > 0: the model is defined at w */
static int
w_defined(const fmpq_mat_t Xc, const fmpq * w)
{
    slong i, n = fmpq_mat_nrows(Xc);
    fmpq * v = _fmpq_vec_init(n);
    int ok = 0;

    exact_v(v, Xc, w);
    for (i = 0; i < n; i++)
        ok |= !fmpq_is_zero(v + i);
    _fmpq_vec_clear(v, n);
    return ok;
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

/* ---- one exact step ----------------------------------------------------- */

/*
 * Square loss, Hadamard data, w0 of rational norm, random gamma0, eta,
 * eta_gamma: state 1 of the full run contains w0 - eta grad and
 * gamma0 - eta_gamma dL/dgamma (exact); state 0's loss is exact.
 */
static void
test_dyn_run_full_first_step_exact(void ** state)
{
    test_state * st = *state;
    slong iter, j, d = 6;
    fmpq * u = _fmpq_vec_init(d);
    fmpq * g = _fmpq_vec_init(d);
    fmpq_t lam, gg, L, t;

    fmpq_init(lam);
    fmpq_init(gg);
    fmpq_init(L);
    fmpq_init(t);
    for (iter = 0; iter < 30 * test_multiplier(); iter++)
    {
        slong prec = 128 + (slong) n_randint(st->r, 256);
        sc_case_t c;
        sc_data_t data;
        sc_traj_t T;
        int ok = 1;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
        hadamard_randomise(c, st->r);
        sc_data_init(data, c);
        do
            rand_rational_unit(u, d, st->r);
        while (!w_defined(data->Xc, u));
        fmpq_set_si(lam, 1 + (slong) n_randint(st->r, 50),
                    1 + n_randint(st->r, 50));
        for (j = 0; j < d; j++)
        {
            fmpq_mul(u + j, u + j, lam);
            fmpq_set(fmpq_mat_entry(c->w0, j, 0), u + j);
        }
        rand_gamma(c->gamma0, st->r);
        fmpq_set_si(c->eta, 1 + (slong) n_randint(st->r, 40), 8);
        fmpq_set_si(c->eta_gamma, 1 + (slong) n_randint(st->r, 99), 100);
        sc_data_clear(data);
        sc_data_init(data, c);
        exact_square_grad(g, gg, L, data->Xc, c->y, u, c->gamma0, lam);

        sc_traj_init(T, SC_TRAJ_FULL, d, 1);
        sc_dyn_run_full(T, c, data, 0, prec);
        ok = (T->len == 2);
        for (j = 0; j < d && ok; j++)
        {
            fmpq_mul(t, c->eta, g + j);
            fmpq_sub(t, u + j, t);
            ok = arb_contains_fmpq(T->w + d + j, t)
                 && rad_le_2exp(T->w + d + j, 40 - prec / 2);
        }
        fmpq_mul(t, c->eta_gamma, gg);
        fmpq_sub(t, c->gamma0, t);
        ok = ok && arb_contains_fmpq(T->gamma + 1, t)
             && arb_contains_fmpq(T->loss + 0, L);
        if (!ok)
        {
            print_vec("w0", u, d);
            print_fmpq("gamma0", c->gamma0);
            print_fmpq("eta", c->eta);
            for (j = 0; j < d; j++)
                print_ball("w1", T->w + d + j);
            print_ball("gamma1", T->gamma + 1);
            print_seed(st);
            fail();
        }
        sc_traj_clear(T);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    fmpq_clear(t);
    fmpq_clear(L);
    fmpq_clear(gg);
    fmpq_clear(lam);
    _fmpq_vec_clear(g, d);
    _fmpq_vec_clear(u, d);
}

/*
 * The reduced recurrence from a Pythagorean rho0 (w0 = (4m, 3m, 0..) so
 * rho0 = 3/4, s0 = 5/4, W0 = 25 m^2 rational): one step of [L7] is exact,
 *   h = eta gamma c / W, rho1 = rho |s - h| / (s + h rho^2),
 *   gamma1 = (1 - eta_g) gamma + eta_g c / s, W1 = W (1 + h^2 rho^2 / s^2),
 * computed here in fmpq; the full GD state 1 agrees with it too.
 */
static void
test_dyn_run_reduced_first_step_exact(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t m, rho, s, W, h, t, u, rho1, g1, W1;

    fmpq_init(m);
    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(W);
    fmpq_init(h);
    fmpq_init(t);
    fmpq_init(u);
    fmpq_init(rho1);
    fmpq_init(g1);
    fmpq_init(W1);
    for (iter = 0; iter < 40 * test_multiplier(); iter++)
    {
        slong prec = 128;
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R, T;
        char why[128];
        int ok;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
        fmpq_set_si(m, 1 + (slong) n_randint(st->r, 30),
                    1 + n_randint(st->r, 30));
        fmpq_mul_si(fmpq_mat_entry(c->w0, 0, 0), m, 4);
        fmpq_mul_si(fmpq_mat_entry(c->w0, 1, 0), m, 3);
        fmpq_set_si(c->gamma0, 1 + (slong) n_randint(st->r, 100), 50);
        fmpq_set_si(c->eta, 1 + (slong) n_randint(st->r, 200), 8);
        fmpq_set_si(c->eta_gamma, 1 + (slong) n_randint(st->r, 99), 100);
        sc_data_init(data, c);

        fmpq_set_si(rho, 3, 4);
        fmpq_set_si(s, 5, 4);
        fmpq_mul(W, m, m);
        fmpq_mul_si(W, W, 25);
        fmpq_mul(h, c->eta, c->gamma0);
        fmpq_div(h, h, W);
        fmpq_sub(t, s, h);
        fmpq_abs(t, t);
        fmpq_mul(t, t, rho);
        fmpq_mul(u, rho, rho);
        fmpq_mul(u, u, h);
        fmpq_add(u, u, s);
        fmpq_div(rho1, t, u);
        fmpq_one(t);
        fmpq_sub(t, t, c->eta_gamma);
        fmpq_mul(g1, t, c->gamma0);
        fmpq_div(t, c->eta_gamma, s);
        fmpq_add(g1, g1, t);
        fmpq_mul(t, h, rho);
        fmpq_div(t, t, s);
        fmpq_mul(t, t, t);
        fmpq_add_ui(t, t, 1);
        fmpq_mul(W1, W, t);

        sc_traj_init(R, SC_TRAJ_REDUCED, 6, 1);
        sc_traj_init(T, SC_TRAJ_FULL, 6, 1);
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
        sc_dyn_run_full(T, c, data, 0, prec);
        ok = R->len == 2 && T->len == 2
             && arb_contains_fmpq(R->rho + 1, rho1)
             && arb_contains_fmpq(R->gamma + 1, g1)
             && arb_contains_fmpq(R->W + 1, W1)
             && arb_contains_fmpq(T->rho + 1, rho1)
             && arb_contains_fmpq(T->gamma + 1, g1)
             && arb_contains_fmpq(T->W + 1, W1)
             && arb_contains_fmpq(R->h + 0, h)
             && rad_le_2exp(R->rho + 1, -100);
        /* the rising flag of step 0 is [L7].4: rho1 > rho0 */
        ok = ok && R->rising[0] == (fmpq_cmp(rho1, rho) > 0 ? SC_TRUE
                                                             : SC_FALSE);
        if (!ok)
        {
            print_fmpq("m", m);
            print_fmpq("gamma0", c->gamma0);
            print_fmpq("eta", c->eta);
            print_fmpq("rho1", rho1);
            print_ball("reduced rho1", R->rho + 1);
            print_ball("full rho1", T->rho + 1);
            print_fmpq("gamma1", g1);
            print_ball("reduced gamma1", R->gamma + 1);
            print_fmpq("W1", W1);
            print_ball("reduced W1", R->W + 1);
            print_seed(st);
            fail();
        }
        sc_traj_clear(T);
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    fmpq_clear(W1);
    fmpq_clear(g1);
    fmpq_clear(rho1);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(h);
    fmpq_clear(W);
    fmpq_clear(s);
    fmpq_clear(rho);
    fmpq_clear(m);
}

/* ---- trajectories ------------------------------------------------------- */

/* Every state of full GD overlaps the reduced recurrence in rho, gamma, W,
   a, b, and no step has contradictory certified rising flags. */
static int
full_reduced_agree(const sc_traj_t T, const sc_traj_t R, slong * bad)
{
    slong t;

    for (t = 0; t < T->len && t < R->len; t++)
    {
        if (!arb_overlaps(T->rho + t, R->rho + t)
            || !arb_overlaps(T->gamma + t, R->gamma + t)
            || !arb_overlaps(T->W + t, R->W + t)
            || !arb_overlaps(T->a + t, R->a + t)
            || !arb_overlaps(T->b + t, R->b + t)
            || !arb_overlaps(T->loss + t, R->loss + t))
        {
            *bad = t;
            return 0;
        }
        if (t + 1 < T->len && t + 1 < R->len
            && T->rising[t] != SC_UNKNOWN && R->rising[t] != SC_UNKNOWN
            && T->rising[t] != R->rising[t])
        {
            *bad = t;
            return 0;
        }
    }
    return 1;
}

static void
print_state(const char * label, const sc_traj_t T, slong t)
{
    print_error("  %s state %ld:\n", label, (long) t);
    print_ball("  rho", T->rho + t);
    print_ball("  gamma", T->gamma + t);
    print_ball("  W", T->W + t);
}

/*
 * (3) The Hadamard case, 300 steps at 512 bits: full GD in balls and the
 * reduced recurrence agree at every step; full GD stays usable (W to 400
 * bits) and certifies rho < 1e-80 somewhere (rho falls to ~3e-91 by
 * t ~ 200: a precision test of the b computation).
 */
static void
test_dyn_run_full_matches_reduced_300_steps(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong t, bad = -1, steps = 300, prec = 512;
    int tiny = 0;
    arb_t eps;

    (void) state;
    arb_init(eps);
    arb_set_str(eps, "1e-80", prec);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    assert_int_equal(T->len, steps + 1);
    assert_int_equal(R->len, steps + 1);
    assert_string_equal(T->stop, "");
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    for (t = 0; t <= steps; t++)
    {
        if (arb_rel_accuracy_bits(T->W + t) < 400
            || !arb_is_positive(T->rho + t))
        {
            print_state("full (too wide)", T, t);
            fail();
        }
        tiny |= arb_lt(T->rho + t, eps) && arb_lt(R->rho + t, eps);
    }
    assert_true(tiny);
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(eps);
}

/*
 * (4) The centred step keeps the enclosure usable over the whole 760-step
 * horizon at 1024 bits (the wrapping effect would stop the run early:
 * T->len < steps + 1), still agreeing with the reduced recurrence, with W
 * known to 600 bits at the end.
 */
static void
test_dyn_run_full_centred_760_steps(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong bad = -1, steps = 760, prec = 1024;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    if (T->len != steps + 1)
    {
        print_error("full run stopped at %ld: %s\n", (long) T->len,
                    T->stop);
        fail();
    }
    assert_string_equal(T->stop, "");
    assert_true(arb_rel_accuracy_bits(T->W + steps) > 600);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* Loads a case file of the repository (the tests run from its root). */
static void
load_case(sc_case_t c, const char * path)
{
    char err[SC_ERR_LEN];

    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof err) != SC_OK)
        fail_msg("%s", err);
}

/* Full GD and the reduced recurrence of case file path at prec: both run
   the whole horizon, agree at every step (full_reduced_agree), and full
   GD knows rho to at least rho_bits bits at every step; rho at the last
   step is returned in last (a midpoint of the full run). */
static void
check_deep_case(arb_t last, const char * path, slong prec, slong rho_bits)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong t, bad = -1;

    load_case(c, path);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (T->len != c->steps + 1)
        fail_msg("%s: full run stopped at %ld: %s", path, (long) T->len,
                 T->stop);
    assert_int_equal(R->len, c->steps + 1);
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    for (t = 0; t <= c->steps; t++)
        if (!arb_is_positive(T->rho + t)
            || arb_rel_accuracy_bits(T->rho + t) < rho_bits)
        {
            print_state("full (rho too wide)", T, t);
            fail_msg("%s: rho_%ld known to %ld bits", path, (long) t,
                     (long) arb_rel_accuracy_bits(T->rho + t));
        }
    arb_set(last, T->rho + c->steps);
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/*
 * (5) Issue 14: the precision full GD needs does not grow with log(1/rho).
 * cases/deep/rho-3e-1376-250-steps.json (whitened 25 x 7) drives rho from
 * 1/10 to 3.13e-1376 in 250 steps.  In absolute coordinates b = rho a is a
 * difference of numbers of size ||w|| and needed more than 4096 bits (the
 * old full GD: [L7] UNDECIDED at the default cap); in the split
 * coordinates of src/dyn/split.c 256 bits keep rho to 200 bits at every
 * step (206 measured, the least at step 214), in agreement with the
 * reduced recurrence at every step.  The 1200-step case (rho to 2.97e-201;
 * the old full GD failed at 512 bits and needed 1024) likewise at 256 bits
 * (231 bits measured, the least at step 1089).
 */
static void
test_dyn_run_full_split_rho_below_1e_1000(void ** state)
{
    arb_t rho, lo, hi;

    (void) state;
    arb_init(rho);
    arb_init(lo);
    arb_init(hi);
    check_deep_case(rho, "cases/deep/rho-3e-1376-250-steps.json", 256, 200);
    arb_set_str(lo, "3.1303549375556912510e-1376", 256);
    arb_set_str(hi, "3.1303549375556912512e-1376", 256);
    assert_true(arb_gt(rho, lo) && arb_lt(rho, hi));
    check_deep_case(rho, "cases/deep/rho-3e-201-1200-steps.json", 256, 200);
    arb_set_str(lo, "2.9704859906764688179e-201", 256);
    arb_set_str(hi, "2.9704859906764688181e-201", 256);
    assert_true(arb_gt(rho, lo) && arb_lt(rho, hi));
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(rho);
}

/*
 * (6) The split step on data with Sigma != I, where the exact terms
 * P X~^T y and P Sigma w* of split.c are not zero: every state t + 1 of
 * the run overlaps the absolute-coordinate step recomputed in balls from
 * state t (check_step_rule, grad.c's gradient), on the plain 15 x 2 case
 * and on a plain 25 x 5 default case; the run goes the whole horizon.
 */
static void check_step_rule(const sc_traj_struct * T, sc_dyn_t D,
                            const sc_case_t c, slong t, slong prec);

static void
test_dyn_run_full_split_plain_data_step_rule(void ** state)
{
    const char * paths[] = { "tests/data/thm_plain.json",
                             "cases/default/whitened-0004-plain.json" };
    slong i, t;

    (void) state;
    for (i = 0; i < 2; i++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        sc_traj_t T;
        slong prec = 256;

        load_case(c, paths[i]);
        sc_data_init(data, c);
        sc_dyn_init(D, c, data, prec);
        assert_true(D->has_ref && D->gram);
        sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
        sc_dyn_run_full(T, c, data, 0, prec);
        if (T->len != c->steps + 1)
            fail_msg("%s: stopped at %ld: %s", paths[i], (long) T->len,
                     T->stop);
        for (t = 0; t < c->steps; t++)
            check_step_rule(T, D, c, t, prec);
        sc_traj_clear(T);
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

/*
 * THEOREMS.md section 7, the delayed spike (gamma0 = 0.05 c, eta c^2 = 3,
 * eta_gamma = 0.005, rho0 = 0.02, ||w0|| = 1): rho falls to ~1e-91 near
 * t = 200, the rising edge is steps 209..660 (all certified rising, the
 * neighbours certified falling), the peak is rho_661 = 0.257, and the
 * excess loss L - L* rises ~47x over steps 654..661.  Here w0 =
 * ((1 - t^2), 2t) / (1 + t^2), t = 1/100, exactly unit with rho0 =
 * 0.020002.  Reduced recurrence at 1024 bits (checked against full GD
 * above).
 */
static void
test_dyn_run_reduced_spike_reference_numbers(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t R;
    char why[128];
    slong t, steps = 760, prec = 1024;
    arb_t lo, hi, ex0, ex1;

    (void) state;
    arb_init(lo);
    arb_init(hi);
    arb_init(ex0);
    arb_init(ex1);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    fmpq_set_si(fmpq_mat_entry(c->w0, 0, 0), 9999, 10001);
    fmpq_set_si(fmpq_mat_entry(c->w0, 1, 0), 200, 10001);
    sc_data_init(data, c);
    assert_true(fmpq_is_one(data->W0));
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    assert_int_equal(R->len, steps + 1);
    for (t = 0; t < steps; t++)
    {
        sc_truth_t want = (t >= 209 && t <= 660) ? SC_TRUE : SC_FALSE;

        if (t > 700)
            break;                  /* a later second edge is not claimed */
        if (R->rising[t] != want)
        {
            print_error("step %ld: rising %d, want %d\n", (long) t,
                        R->rising[t], want);
            print_state("reduced", R, t);
            print_state("reduced", R, t + 1);
            fail();
        }
    }
    arb_set_str(lo, "1e-92", prec);
    arb_set_str(hi, "1e-90", prec);
    assert_true(arb_gt(R->rho + 209, lo) && arb_lt(R->rho + 209, hi));
    arb_set_str(lo, "0.2565", prec);
    arb_set_str(hi, "0.2575", prec);
    assert_true(arb_gt(R->rho + 661, lo) && arb_lt(R->rho + 661, hi));
    /* excess loss: falls to step 653, then rises 40-55x by 661 */
    {
        arb_t Ls;

        arb_init(Ls);
        arb_set_fmpq(Ls, data->y2, prec);
        arb_div_si(Ls, Ls, 2 * c->n, prec);
        arb_set_fmpq(ex1, data->c2_sigma, prec);
        arb_mul_2exp_si(ex1, ex1, -1);
        arb_sub(Ls, Ls, ex1, prec);             /* L* */
        for (t = 0; t < 653; t++)
        {
            if (!arb_lt(R->loss + t + 1, R->loss + t))
            {
                print_error("loss did not fall at step %ld\n", (long) t);
                fail();
            }
        }
        arb_sub(ex0, R->loss + 653, Ls, prec);
        arb_sub(ex1, R->loss + 661, Ls, prec);
        arb_div(ex1, ex1, ex0, prec);
        arb_set_si(lo, 40);
        arb_set_si(hi, 55);
        if (!arb_gt(ex1, lo) || !arb_lt(ex1, hi))
        {
            print_ball("(L - L*)_661 / (L - L*)_653", ex1);
            fail();
        }
        arb_clear(Ls);
    }
    sc_traj_clear(R);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(ex1);
    arb_clear(ex0);
    arb_clear(hi);
    arb_clear(lo);
}

/*
 * The gamma update is a contraction, gamma+ = (1 - eta_g) gamma +
 * eta_g c / s, so its enclosure must not grow with the steps whatever
 * eta_gamma in (0, 1).  Hadamard case with eta_gamma = 9/10, eta = 1 (no
 * rising edge, rho -> 0 geometrically), 1000 steps at 256 bits: the run
 * completes and gamma, h keep 200 bits.  (A ball evaluation of the same
 * map as gamma + eta_g (c/s - gamma) doubles the radius every step and
 * loses the enclosure near step 340.)
 */
static void
test_dyn_run_reduced_gamma_enclosure_contracts(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t R;
    char why[128];
    slong t, steps = 1000, prec = 256;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    fmpq_set_si(c->eta_gamma, 9, 10);
    fmpq_set_si(c->eta, 1, 1);
    sc_data_init(data, c);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (R->len != steps + 1)
    {
        print_error("reduced run stopped at %ld: %s\n", (long) R->len,
                    R->stop);
        print_state("reduced", R, R->len - 1);
        fail();
    }
    for (t = 0; t <= steps; t++)
    {
        if (arb_rel_accuracy_bits(R->gamma + t) < 200
            || arb_rel_accuracy_bits(R->h + t) < 200)
        {
            print_error("gamma or h lost its accuracy at step %ld\n",
                        (long) t);
            print_state("reduced", R, t);
            fail();
        }
    }
    sc_traj_clear(R);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* (5) The reduced recurrence refuses what [L7] does not cover. */
static void
test_dyn_run_reduced_domain(void ** state)
{
    test_state * st = *state;
    slong k;
    char why[128];

    for (k = 0; k < 8; k++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 5, 128);
        switch (k)
        {
            case 0:         /* not whitened: random integer data */
                rand_int_case(c, 8, 3, SC_LOSS_SQUARE, st->r);
                fmpq_one(fmpq_mat_entry(c->w0, 1, 0));
                break;
            case 1:         /* not whitened: Sigma = 4 I */
            {
                slong i, j;

                for (i = 0; i < 16; i++)
                    for (j = 0; j < 6; j++)
                        fmpq_mul_2exp(fmpq_mat_entry(c->X, i, j),
                                      fmpq_mat_entry(c->X, i, j), 1);
                break;
            }
            case 2:
                fmpq_zero(c->gamma0);
                break;
            case 3:
                fmpq_set_si(c->gamma0, -1, 20);
                break;
            case 4:         /* a0 < 0 */
                fmpq_set_si(fmpq_mat_entry(c->w0, 0, 0), -1, 1);
                break;
            case 5:         /* a0 = 0 */
                fmpq_zero(fmpq_mat_entry(c->w0, 0, 0));
                break;
            case 6:
                c->loss = SC_LOSS_LOGISTIC;
                break;
            default:
                fmpq_set_si(c->weight_decay, 1, 100);
        }
        sc_data_init(data, c);
        sc_traj_init(R, SC_TRAJ_REDUCED, c->d, c->steps);
        why[0] = '\0';
        if (sc_dyn_run_reduced(R, c, data, 0, 128, why, sizeof why)
            != SC_DOMAIN || why[0] == '\0' || R->len != 0
            || sc_dyn_reduced_domain(c, data) == NULL)
        {
            print_error("case %ld: not refused (why '%s', len %ld)\n",
                        (long) k, why, (long) R->len);
            print_seed(st);
            fail();
        }
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    /* and the plain case is accepted */
    {
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 5, 128);
        sc_data_init(data, c);
        sc_traj_init(R, SC_TRAJ_REDUCED, 6, 5);
        assert_null(sc_dyn_reduced_domain(c, data));
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, 128, why,
                                            sizeof why), SC_OK);
        assert_int_equal(R->len, 6);
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

/*
 * (6) Point mode at 53 bits on the 760-step Hadamard case: the trajectory
 * exists, w and gamma carry no radius, early steps (rho > 1e-12) decide
 * rising as the certified run does, and once rho nears the float64 floor
 * (~1e-16) the point run shows spurious rising steps the certified
 * 1024-bit run proves falling.
 */
static void
test_dyn_run_full_point_float64_view(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t P, T;
    slong t, j, steps = 760, differ = 0, spurious = 0;
    arb_t floor_;

    (void) state;
    arb_init(floor_);
    arb_set_str(floor_, "1e-12", 64);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, 53);
    sc_data_init(data, c);
    sc_traj_init(P, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(P, c, data, 1, 53);
    sc_dyn_run_full(T, c, data, 0, 1024);
    assert_int_equal(P->len, steps + 1);
    assert_int_equal(T->len, steps + 1);
    assert_true(P->point);
    for (t = 0; t <= steps; t++)
    {
        for (j = 0; j < 6; j++)
            assert_true(mag_is_zero(arb_radref(P->w + 6 * t + j)));
        /* gamma_0 = 1/20 keeps its rounding radius in src/dyn/full.c (the
           initial w is made a point, gamma_0 is not): only t >= 1 here */
        if (t > 0)
            assert_true(mag_is_zero(arb_radref(P->gamma + t)));
        assert_true(arb_is_finite(P->rho + t));
    }
    for (t = 0; t < steps; t++)
    {
        assert_true(P->rising[t] != SC_UNKNOWN);
        if (T->rising[t] == SC_UNKNOWN)
            continue;
        if (arb_gt(T->rho + t, floor_) && arb_gt(T->rho + t + 1, floor_)
            && t < 200 && P->rising[t] != T->rising[t])
        {
            print_error("step %ld: float64 view disagrees while rho > "
                        "1e-12\n", (long) t);
            print_state("point", P, t);
            print_state("certified", T, t);
            fail();
        }
        differ += (P->rising[t] != T->rising[t]);
        spurious += (P->rising[t] == SC_TRUE && T->rising[t] == SC_FALSE
                     && arb_lt(T->rho + t, floor_));
    }
    assert_true(differ >= 1);
    assert_true(spurious >= 1);
    sc_traj_clear(T);
    sc_traj_clear(P);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(floor_);
}

/* sc_traj_state_mid gives points inside the enclosures; sc_traj_rising
   recomputes the stored flags; logistic full runs carry the SVM
   reference when A3 holds. */
static void
test_dyn_traj_state_mid_and_rising(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T;
    slong t, j, steps = 40;
    arb_ptr w = _arb_vec_init(6);
    arb_t g;

    (void) state;
    arb_init(g);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, 128);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(T, c, data, 0, 128);
    assert_int_equal(T->len, steps + 1);
    assert_true(T->has_ref);
    for (t = 0; t <= steps; t++)
    {
        sc_traj_state_mid(w, g, T, t);
        for (j = 0; j < 6; j++)
        {
            assert_true(arb_is_exact(w + j));
            assert_true(arb_contains(T->w + 6 * t + j, w + j));
        }
        assert_true(arb_is_exact(g));
        assert_true(arb_contains(T->gamma + t, g));
        if (t < steps)
        {
            assert_int_equal(sc_traj_rising(T, t), T->rising[t]);
            assert_int_equal(T->rising[t],
                             sc_num_gt(T->rho + t + 1, T->rho + t));
        }
    }
    sc_traj_clear(T);
    sc_data_clear(data);

    /* logistic: the run exists; on these data every sample is on the
       margin of w* = e1 (A3), so the SVM reference direction is set */
    c->loss = SC_LOSS_LOGISTIC;
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(T, c, data, 0, 128);
    assert_int_equal(T->len, steps + 1);
    assert_true(T->has_ref);
    for (t = 0; t < steps; t++)
        assert_true(arb_lt(T->loss + t + 1, T->loss + t) || t > 5);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(g);
    _arb_vec_clear(w, 6);
}

/* ---- the BEYOND.md extensions of the GD step ---------------------------- */

/* States t and t + 1 of T against w+ = (1 - eta lambda) w - eta g
   + beta (w - w_prev), recomputed here from the stored state t: the
   stored enclosure of w_{t+1} must overlap the recomputed one. */
static void
check_step_rule(const sc_traj_struct * T, sc_dyn_t D, const sc_case_t c,
                slong t, slong prec)
{
    slong j, d = c->d;
    arb_ptr g = _arb_vec_init(d), w1 = _arb_vec_init(d);
    arb_t lam, beta, x;

    arb_init(lam);
    arb_init(beta);
    arb_init(x);
    arb_set_fmpq(lam, c->weight_decay, prec);
    arb_set_fmpq(beta, c->momentum, prec);
    sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, prec);
    for (j = 0; j < d; j++)
    {
        arb_mul(x, D->eta, lam, prec);
        arb_sub_ui(x, x, 1, prec);
        arb_neg(x, x);
        arb_mul(w1 + j, x, T->w + t * d + j, prec);
        arb_submul(w1 + j, D->eta, g + j, prec);
        if (t > 0)
        {
            arb_sub(x, T->w + t * d + j, T->w + (t - 1) * d + j, prec);
            arb_addmul(w1 + j, beta, x, prec);
        }
        if (!arb_overlaps(w1 + j, T->w + (t + 1) * d + j))
        {
            print_ball("recomputed", w1 + j);
            print_ball("stored", T->w + (t + 1) * d + j);
            fail_msg("step %ld, coordinate %ld", (long) t, (long) j);
        }
    }
    arb_clear(x);
    arb_clear(beta);
    arb_clear(lam);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
}

/* What a streaming run's visitor checks against the stored run. */
typedef struct
{
    const sc_traj_struct * ref;
    slong next;             /* the state expected next */
    slong stop_at;          /* the visitor stops the run here (-1: never) */
    int same;
}
stream_check;

static int
stream_visit(const sc_traj_struct * T, slong t, void * arg)
{
    stream_check * k = arg;
    const sc_traj_struct * R = k->ref;
    slong s = sc_traj_slot(T, t), j;
    int same = (t == k->next) && t < R->len
               && arb_equal(T->a + s, R->a + t)
               && arb_equal(T->b + s, R->b + t)
               && arb_equal(T->rho + s, R->rho + t)
               && arb_equal(T->gamma + s, R->gamma + t)
               && arb_equal(T->W + s, R->W + t)
               && arb_equal(T->h + s, R->h + t)
               && arb_equal(T->loss + s, R->loss + t);

    if (same && t + 1 < T->len)
        same = (t + 1 < R->len) && T->rising[s] == R->rising[t];
    for (j = 0; same && T->kind == SC_TRAJ_FULL && j < T->d; j++)
        same = arb_equal(T->w + s * T->d + j, R->w + t * R->d + j);
    k->same = k->same && same;
    k->next = t + 1;
    return t == k->stop_at;
}

/* Runs c stored and streaming (full or reduced) and compares every state;
   with stop_at >= 0 the visitor stops the streaming run there.  Returns
   the stored run's length. */
static slong
check_stream(const sc_case_t c, int reduced, slong prec, slong stop_at)
{
    sc_data_t data;
    sc_traj_t R, T;
    stream_check k;
    char why[128];
    sc_traj_kind_t kind = reduced ? SC_TRAJ_REDUCED : SC_TRAJ_FULL;
    slong len;

    sc_data_init(data, c);
    sc_traj_init(R, kind, c->d, c->steps);
    k.ref = R;
    k.next = 0;
    k.stop_at = stop_at;
    k.same = 1;
    sc_traj_init_stream(T, kind, c->d, c->steps, stream_visit, &k);
    if (reduced)
    {
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
        assert_int_equal(sc_dyn_run_reduced(T, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
    }
    else
    {
        sc_dyn_run_full(R, c, data, 0, prec);
        sc_dyn_run_full(T, c, data, 0, prec);
    }
    assert_true(k.same);
    if (stop_at < 0)
    {
        assert_int_equal(k.next, R->len);       /* every state, once */
        assert_int_equal(T->len, R->len);
        assert_string_equal(T->stop, R->stop);
    }
    else
    {
        assert_int_equal(k.next, stop_at + 1);
        assert_int_equal(T->len, stop_at + 1);
        assert_non_null(strstr(T->stop, "stopped by its reader"));
    }
    len = R->len;
    sc_traj_clear(T);
    sc_traj_clear(R);
    sc_data_clear(data);
    return len;
}

/*
 * A streaming trajectory holds three states, yet visits every state once,
 * in order, with exactly the stored run's balls and rising flags: plain
 * GD, weight decay with momentum (the step reads state t - 1), the
 * logistic loss, the reduced recurrence, a run that ends early because its
 * enclosure got too wide, and a visitor that stops the run.
 */
static void
test_dyn_traj_stream_matches_stored(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 60, 256);
    check_stream(c, 0, 256, -1);
    check_stream(c, 1, 256, -1);
    check_stream(c, 0, 256, 17);
    check_stream(c, 1, 256, 0);
    fmpq_set_si(c->weight_decay, 1, 100);
    fmpq_set_si(c->momentum, 1, 2);
    check_stream(c, 0, 256, -1);
    sc_case_clear(c);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_LOGISTIC, 40, 128);
    check_stream(c, 0, 128, -1);
    sc_case_clear(c);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 760, 32);
    assert_true(check_stream(c, 0, 32, -1) < 761);  /* too wide early */
    sc_case_clear(c);
}

static void
test_dyn_run_full_weight_decay_and_momentum(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_dyn_t D;
    sc_traj_t T;
    slong t;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 40, 256);
    fmpq_set_si(c->weight_decay, 1, 100);
    fmpq_set_si(c->momentum, 1, 2);
    sc_data_init(data, c);
    sc_dyn_init(D, c, data, 256);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_int_equal(T->len, c->steps + 1);
    for (t = 0; t < c->steps; t++)
        check_step_rule(T, D, c, t, 256);
    /* weight decay with no momentum: the [W1] identity
       ||w+||^2 = (1 - eta lambda)^2 ||w||^2 + eta^2 ||g||^2 (<g, w> = 0) */
    fmpq_zero(c->momentum);
    sc_traj_clear(T);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    for (t = 0; t < c->steps; t++)
    {
        arb_ptr g = _arb_vec_init(c->d);
        arb_t x, y;

        arb_init(x);
        arb_init(y);
        check_step_rule(T, D, c, t, 256);
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * c->d, T->gamma + t, 256);
        arb_dot(y, NULL, 0, g, 1, g, 1, c->d, 256);
        arb_mul(y, y, D->eta, 256);
        arb_mul(y, y, D->eta, 256);
        arb_set_si(x, 97);
        arb_div_si(x, x, 100, 256);             /* 1 - 3/100 */
        arb_mul(x, x, x, 256);
        arb_addmul(y, x, T->W + t, 256);
        assert_true(arb_overlaps(y, T->W + t + 1));
        arb_clear(y);
        arb_clear(x);
        _arb_vec_clear(g, c->d);
    }
    sc_traj_clear(T);
    sc_dyn_clear(D);
    sc_data_clear(data);
    sc_case_clear(c);
}

static void
test_dyn_run_full_project_norm_keeps_norm(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T;
    slong t;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 60, 256);
    c->project_norm = 1;
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_int_equal(T->len, c->steps + 1);
    for (t = 1; t <= c->steps; t++)
        assert_true(arb_overlaps(T->W + t, T->W));
    /* and it is not plain GD: there W grows (L7 item 3) */
    c->project_norm = 0;
    sc_traj_clear(T);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_true(arb_gt(T->W + c->steps, T->W));
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* The centred step with project_norm (P'(v) J over the box): every stored
   state t + 1 overlaps the projected step recomputed in balls from the
   stored state t, with weight decay on; and 1500 steps of the periodic
   showcase setting stay narrow at 512 bits (the naive ball step needed
   more than 4096 bits for 700 steps). */
static void
test_dyn_run_full_project_norm_centred(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_dyn_t D;
    sc_traj_t T;
    slong t, j, d;
    arb_ptr g, w1;
    arb_t q1, r, x;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 1500, 512);
    fmpq_set_si(c->weight_decay, 1, 100);
    c->project_norm = 1;
    d = c->d;
    sc_data_init(data, c);
    sc_dyn_init(D, c, data, 512);
    sc_traj_init(T, SC_TRAJ_FULL, d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 512);
    assert_int_equal(T->len, c->steps + 1);
    assert_true(is_narrow(T->W + c->steps, 100));
    g = _arb_vec_init(d);
    w1 = _arb_vec_init(d);
    arb_init(q1);
    arb_init(r);
    arb_init(x);
    arb_mul(q1, D->eta, D->weight_decay, 512);
    arb_sub_ui(q1, q1, 1, 512);
    arb_neg(q1, q1);
    for (t = 0; t < c->steps; t++)
    {
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, 512);
        for (j = 0; j < d; j++)
        {
            arb_mul(w1 + j, q1, T->w + t * d + j, 512);
            arb_submul(w1 + j, D->eta, g + j, 512);
        }
        arb_dot(r, NULL, 0, w1, 1, w1, 1, d, 512);
        arb_div(r, T->W, r, 512);
        arb_sqrtpos(r, r, 512);
        for (j = 0; j < d; j++)
        {
            arb_mul(x, w1 + j, r, 512);
            if (!arb_overlaps(x, T->w + (t + 1) * d + j))
                fail_msg("step %ld, coordinate %ld", (long) t, (long) j);
        }
    }
    arb_clear(x);
    arb_clear(r);
    arb_clear(q1);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
    sc_traj_clear(T);
    sc_dyn_clear(D);
    sc_data_clear(data);
    sc_case_clear(c);
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
        cmocka_unit_test_setup_teardown(test_dyn_run_full_first_step_exact,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_dyn_run_reduced_first_step_exact, setup_rand,
            teardown_rand),
        cmocka_unit_test(test_dyn_run_full_matches_reduced_300_steps),
        cmocka_unit_test(test_dyn_run_full_centred_760_steps),
        cmocka_unit_test(test_dyn_run_full_split_rho_below_1e_1000),
        cmocka_unit_test(test_dyn_run_full_split_plain_data_step_rule),
        cmocka_unit_test(test_dyn_run_reduced_spike_reference_numbers),
        cmocka_unit_test(test_dyn_run_reduced_gamma_enclosure_contracts),
        cmocka_unit_test_setup_teardown(test_dyn_run_reduced_domain,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_dyn_run_full_point_float64_view),
        cmocka_unit_test(test_dyn_traj_state_mid_and_rising),
        cmocka_unit_test(test_dyn_traj_stream_matches_stored),
        cmocka_unit_test(test_dyn_run_full_weight_decay_and_momentum),
        cmocka_unit_test(test_dyn_run_full_project_norm_keeps_norm),
        cmocka_unit_test(test_dyn_run_full_project_norm_centred),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
