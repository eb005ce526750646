/*
 * init_near_reference.c -- an initial state at a chosen angle to the
 * square-loss reference direction w*.
 *
 * w0 = alpha w* + beta v with v in span(X~^T), v orthogonal to w*.  Then
 * <w0, w*> = alpha c2 and ||w0||^2 = alpha^2 c2 + beta^2 ||v||^2 (c2 =
 * ||w*||^2), so alpha = sqrt(norm2 / (c2 (1 + rho0^2))) and beta = rho0
 * alpha sqrt(c2) / ||v|| give rho_0 = rho0 and ||w0||^2 = norm2.  The square
 * roots are irrational in general; we take the midpoints of 160-bit Arb
 * balls, which are dyadic rationals, so w0 is exact and rho_0, ||w0||^2
 * are within about 2^-150 relative of the targets.  Checkers recompute them
 * exactly from w0; the targets are only a recipe.
 *
 * Draw order: r in [-3, 3]^n, v = X~^T r, redrawn while v is parallel to w*.
 *
 * The reference is the square-loss w* (sc_case_init_near_reference) or any
 * given direction in span(X~^T) (sc_case_init_near_direction; the loader
 * passes the logistic SVM w* of LOGISTIC.md).
 */
#include <stdio.h>
#include "cases/cases.h"
#include "data/data.h"

#define SC_NEAR_REF_PREC 160
#define SC_NEAR_REF_TRIES 64
/* The exact least-squares reference costs about n d^2 operations on
   integers that grow with d: d = 300 takes 7 s and 280 MB, d = 600 over
   90 s and 2 GB.  A generator object of a few bytes must not do that. */
#define SC_NEAR_REF_MAX_D 256

static int
sc_near_ref_fail(char * err, size_t errlen, const char * why)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", why);
    return SC_EINVAL;
}

/* v = X~^T r - (<X~^T r, w*> / c2) w*, r a seeded integer vector; returns 0
   if v vanished. */
static int
sc_draw_orthogonal(fmpq_mat_t v, const fmpq_mat_t Xc, const fmpq_mat_t w,
                   const fmpq_t c2, sc_rand_t r)
{
    slong i, n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq_mat_t rv, Xt, pw;
    fmpq_t t;

    fmpq_mat_init(rv, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(pw, d, 1);
    fmpq_init(t);

    for (i = 0; i < n; i++)
        fmpq_set_si(fmpq_mat_entry(rv, i, 0), sc_rand_range(r, -3, 3), 1);
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(v, Xt, rv);
    sc_data_dot(t, v, w);
    fmpq_div(t, t, c2);
    fmpq_mat_scalar_mul_fmpq(pw, w, t);
    fmpq_mat_sub(v, v, pw);

    fmpq_clear(t);
    fmpq_mat_clear(pw);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(rv);
    return !fmpq_mat_is_zero(v);
}

/* res = the midpoint of a 160-bit enclosure of sqrt(q), q > 0. */
static void
sc_sqrt_dyadic(fmpq_t res, const fmpq_t q)
{
    arb_t s;

    arb_init(s);
    arb_set_fmpq(s, q, SC_NEAR_REF_PREC);
    arb_sqrt(s, s, SC_NEAR_REF_PREC);
    arf_get_fmpq(res, arb_midref(s));
    arb_clear(s);
}

/* alpha^2 = norm2 / (c2 (1 + rho0^2)), beta^2 = rho0^2 c2 alpha^2 / vv,
   both exact before the square roots. */
static void
sc_near_ref_coefficients(fmpq_t alpha, fmpq_t beta, const fmpq_t rho0,
                         const fmpq_t norm2, const fmpq_t c2, const fmpq_t vv)
{
    fmpq_t r2, a2, b2;

    fmpq_init(r2);
    fmpq_init(a2);
    fmpq_init(b2);

    fmpq_mul(r2, rho0, rho0);
    fmpq_add_ui(a2, r2, 1);
    fmpq_mul(a2, a2, c2);
    fmpq_div(a2, norm2, a2);
    fmpq_mul(b2, r2, c2);
    fmpq_mul(b2, b2, a2);
    fmpq_div(b2, b2, vv);
    sc_sqrt_dyadic(alpha, a2);
    sc_sqrt_dyadic(beta, b2);

    fmpq_clear(b2);
    fmpq_clear(a2);
    fmpq_clear(r2);
}

/* The common part: w0 at rho0 and norm2 around the given reference w
   (d x 1, in span(X~^T)); rank = rank X~ when known, else -1. */
static int
sc_near_direction(fmpq_mat_t w0, const fmpq_mat_t X, const fmpq_mat_t w,
                  slong rank, const fmpq_t rho0, const fmpq_t norm2,
                  ulong seed, char * err, size_t errlen)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X), tries;
    fmpq_mat_t Xc, R, v, wt;
    fmpq_t c2, vv, alpha, beta;
    sc_rand_t r;
    int rc = SC_EINVAL;

    if (n < 1 || d < 1 || fmpq_mat_nrows(w) != d || fmpq_mat_ncols(w) != 1)
        return sc_near_ref_fail(err, errlen, "near-reference: X must be "
                                "n x d and w* d x 1 with n, d >= 1");
    if (d > SC_NEAR_REF_MAX_D)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "near-reference: d = %lld is above the "
                     "limit %d (exact least squares grows like n d^2)",
                     (long long) d, SC_NEAR_REF_MAX_D);
        return SC_EINVAL;
    }
    if (fmpq_sgn(rho0) <= 0 || fmpq_sgn(norm2) <= 0)
        return sc_near_ref_fail(err, errlen, "near-reference: rho0 and "
                                "norm2 must be > 0");

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(R, n, d);
    fmpq_mat_init(v, d, 1);
    fmpq_mat_init(wt, d, 1);
    fmpq_init(c2);
    fmpq_init(vv);
    fmpq_init(alpha);
    fmpq_init(beta);

    sc_data_center(Xc, X);
    sc_data_dot(c2, w, w);
    if (fmpq_is_zero(c2))
    {
        sc_near_ref_fail(err, errlen, "the reference direction is zero");
        goto cleanup;
    }
    /* rank 1: the row space is span(w*), nothing is orthogonal to it */
    if (rank < 0)
        rank = sc_data_rref(R, Xc);
    if (rank < 2)
    {
        sc_near_ref_fail(err, errlen, "span(X~^T) has no direction "
                         "orthogonal to w*");
        goto cleanup;
    }

    /* rank >= 2: each draw fails with probability <= 1/7 */
    sc_rand_init(r, seed);
    for (tries = 0; tries < SC_NEAR_REF_TRIES; tries++)
        if (sc_draw_orthogonal(v, Xc, w, c2, r))
            break;
    if (tries == SC_NEAR_REF_TRIES)
    {
        sc_near_ref_fail(err, errlen, "no direction orthogonal to w* was "
                         "drawn");
        goto cleanup;
    }

    sc_data_dot(vv, v, v);
    sc_near_ref_coefficients(alpha, beta, rho0, norm2, c2, vv);
    fmpq_mat_scalar_mul_fmpq(wt, w, alpha);
    fmpq_mat_scalar_mul_fmpq(v, v, beta);
    fmpq_mat_add(wt, wt, v);
    fmpq_mat_swap(w0, wt);
    rc = SC_OK;

cleanup:
    fmpq_clear(beta);
    fmpq_clear(alpha);
    fmpq_clear(vv);
    fmpq_clear(c2);
    fmpq_mat_clear(wt);
    fmpq_mat_clear(v);
    fmpq_mat_clear(R);
    fmpq_mat_clear(Xc);
    return rc;
}

int
sc_case_init_near_direction(fmpq_mat_t w0, const fmpq_mat_t X,
                            const fmpq_mat_t w, const fmpq_t rho0,
                            const fmpq_t norm2, ulong seed, char * err,
                            size_t errlen)
{
    return sc_near_direction(w0, X, w, -1, rho0, norm2, seed, err, errlen);
}

int
sc_case_init_near_reference(fmpq_mat_t w0, const fmpq_mat_t X,
                            const fmpq_mat_t y, const fmpq_t rho0,
                            const fmpq_t norm2, ulong seed, char * err,
                            size_t errlen)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, R, w;
    slong rank;
    int rc;

    if (n < 1 || d < 1 || fmpq_mat_nrows(y) != n || fmpq_mat_ncols(y) != 1)
        return sc_near_ref_fail(err, errlen, "near-reference: X must be "
                                "n x d and y n x 1 with n, d >= 1");
    if (d > SC_NEAR_REF_MAX_D)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "near-reference: d = %lld is above the "
                     "limit %d (exact least squares grows like n d^2)",
                     (long long) d, SC_NEAR_REF_MAX_D);
        return SC_EINVAL;
    }
    if (fmpq_sgn(rho0) <= 0 || fmpq_sgn(norm2) <= 0)
        return sc_near_ref_fail(err, errlen, "near-reference: rho0 and "
                                "norm2 must be > 0");
    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(R, n, d);
    fmpq_mat_init(w, d, 1);
    sc_data_center(Xc, X);
    /* one elimination for the reference and the rank */
    rank = sc_data_rref(R, Xc);
    sc_data_lsq_reference_rref(w, Xc, R, rank, y);
    rc = sc_near_direction(w0, X, w, rank, rho0, norm2, seed, err, errlen);
    fmpq_mat_clear(w);
    fmpq_mat_clear(R);
    fmpq_mat_clear(Xc);
    return rc;
}
