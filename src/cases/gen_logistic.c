/*
 * gen_logistic.c -- recipe data for the logistic line (LOGISTIC.md
 * section 3), exact over Q: a dataset whose SVM direction, margin and dual
 * weights are known by construction.
 *
 * With a = alpha (.) y scaled so that sum alpha = 1/s^2 and Z orthogonal to
 * 1 and to a, X~ = [s y | Z] has 1^T X~ = 0, X~ e1/s = y and
 * sum_i alpha_i y_i x~_i = s (sum alpha) e1 = e1/s: the KKT conditions of
 * the hard-margin SVM with w* = e1/s, every sample active, margin s.  The
 * projection uses an orthogonal basis {1, a - mean(a) 1} of span{1, a}:
 * 1 and a are not orthogonal, and projecting one out after the other
 * would leave a component along the first.  A rational rotation Q keeps
 * all of this (w* = Q^T e1 / s) and makes w* not axis-aligned.
 *
 * Weights with a negative or zero entry are allowed on purpose: they give
 * data on which A3 or A4 fails (the suites' broken cases).  A low-rank Z0
 * (zrank) gives rank X~ < n - 1.
 */
#include <stdio.h>
#include "cases/cases.h"

static int
sc_gen_logistic_fail(char * err, size_t errlen, const char * why)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "logistic: %s", why);
    return SC_EINVAL;
}

/* Z0 (n x m) seeded integers; of rank <= zrank when 0 < zrank < m. */
static void
sc_gen_logistic_z0(fmpq_mat_t Z, slong zrank, sc_rand_t r)
{
    slong i, j, n = fmpq_mat_nrows(Z), m = fmpq_mat_ncols(Z);
    fmpq_mat_t A, B;

    if (zrank <= 0 || zrank >= m)
    {
        for (i = 0; i < n; i++)
            for (j = 0; j < m; j++)
                fmpq_set_si(fmpq_mat_entry(Z, i, j), sc_rand_range(r, -4, 4),
                            1);
        return;
    }
    fmpq_mat_init(A, n, zrank);
    fmpq_mat_init(B, zrank, m);
    sc_gen_logistic_z0(A, 0, r);
    sc_gen_logistic_z0(B, 0, r);
    fmpq_mat_mul(Z, A, B);
    fmpq_mat_clear(B);
    fmpq_mat_clear(A);
}

/* z -= (<z, u> / <u, u>) u for each column z of Z (u n x 1, u != 0). */
static void
sc_gen_project_out(fmpq_mat_t Z, const fmpq_mat_t u)
{
    slong i, j, n = fmpq_mat_nrows(Z);
    fmpq_t uu, zu;

    fmpq_init(uu);
    fmpq_init(zu);
    for (i = 0; i < n; i++)
        fmpq_addmul(uu, fmpq_mat_entry(u, i, 0), fmpq_mat_entry(u, i, 0));
    for (j = 0; j < fmpq_mat_ncols(Z); j++)
    {
        fmpq_zero(zu);
        for (i = 0; i < n; i++)
            fmpq_addmul(zu, fmpq_mat_entry(Z, i, j), fmpq_mat_entry(u, i, 0));
        fmpq_div(zu, zu, uu);
        for (i = 0; i < n; i++)
            fmpq_submul(fmpq_mat_entry(Z, i, j), zu, fmpq_mat_entry(u, i, 0));
    }
    fmpq_clear(zu);
    fmpq_clear(uu);
}

/* Z onto span{1, a}^perp with the orthogonal basis u1 = 1,
   u2 = a - mean(a) 1 (skipped when a is constant). */
static void
sc_gen_logistic_project(fmpq_mat_t Z, const fmpq_mat_t a)
{
    slong i, n = fmpq_mat_nrows(a);
    fmpq_mat_t u;
    fmpq_t mean;
    fmpz_t nz;

    fmpq_mat_init(u, n, 1);
    fmpq_init(mean);
    fmpz_init_set_si(nz, n);
    for (i = 0; i < n; i++)
    {
        fmpq_one(fmpq_mat_entry(u, i, 0));
        fmpq_add(mean, mean, fmpq_mat_entry(a, i, 0));
    }
    fmpq_div_fmpz(mean, mean, nz);
    sc_gen_project_out(Z, u);
    for (i = 0; i < n; i++)
        fmpq_sub(fmpq_mat_entry(u, i, 0), fmpq_mat_entry(a, i, 0), mean);
    if (!fmpq_mat_is_zero(u))
        sc_gen_project_out(Z, u);
    fmpz_clear(nz);
    fmpq_clear(mean);
    fmpq_mat_clear(u);
}

/* a = alpha (.) y scaled to sum alpha = 1 / s^2; 0 if sum alpha <= 0. */
static int
sc_gen_logistic_weights(fmpq_mat_t a, const fmpq_mat_t alpha,
                        const fmpq_mat_t y, const fmpq_t s)
{
    slong i, n = fmpq_mat_nrows(y);
    fmpq_t sum, k;
    int ok;

    fmpq_init(sum);
    fmpq_init(k);
    for (i = 0; i < n; i++)
        fmpq_add(sum, sum, fmpq_mat_entry(alpha, i, 0));
    ok = fmpq_sgn(sum) > 0;
    if (ok)
    {
        /* k = 1 / (s^2 sum alpha) */
        fmpq_mul(k, s, s);
        fmpq_mul(k, k, sum);
        fmpq_inv(k, k);
        for (i = 0; i < n; i++)
        {
            fmpq_mul(fmpq_mat_entry(a, i, 0), fmpq_mat_entry(alpha, i, 0), k);
            fmpq_mul(fmpq_mat_entry(a, i, 0), fmpq_mat_entry(a, i, 0),
                     fmpq_mat_entry(y, i, 0));
        }
    }
    fmpq_clear(k);
    fmpq_clear(sum);
    return ok;
}

/* Xt (n x d) = [s y | Z]. */
static void
sc_gen_logistic_assemble(fmpq_mat_t Xt, const fmpq_mat_t y, const fmpq_t s,
                         const fmpq_mat_t Z)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(Xt); i++)
    {
        fmpq_mul(fmpq_mat_entry(Xt, i, 0), s, fmpq_mat_entry(y, i, 0));
        for (j = 1; j < fmpq_mat_ncols(Xt); j++)
            fmpq_set(fmpq_mat_entry(Xt, i, j), fmpq_mat_entry(Z, i, j - 1));
    }
}

static int
sc_gen_logistic_check(slong n, slong d, const fmpq_t s,
                      const fmpq_mat_t alpha, const fmpq_mat_t mu,
                      char * err, size_t errlen)
{
    if (n < 2 || n > SC_LOGISTIC_MAX_N || n % 2 != 0)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "logistic: n = %ld must be even and in "
                     "[2, %d] (sum y = 0 needs n even)", (long) n,
                     SC_LOGISTIC_MAX_N);
        return SC_EINVAL;
    }
    if (d < 2 || d > SC_LOGISTIC_MAX_D)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "logistic: d = %ld must be in [2, %d]",
                     (long) d, SC_LOGISTIC_MAX_D);
        return SC_EINVAL;
    }
    if (fmpq_sgn(s) <= 0)
        return sc_gen_logistic_fail(err, errlen, "the margin s must be > 0");
    if (fmpq_mat_nrows(alpha) != n || fmpq_mat_ncols(alpha) != 1)
        return sc_gen_logistic_fail(err, errlen, "alpha must have n "
                                    "entries");
    if (mu != NULL && (fmpq_mat_nrows(mu) != d || fmpq_mat_ncols(mu) != 1))
        return sc_gen_logistic_fail(err, errlen, "the shift must have d "
                                    "entries");
    return SC_OK;
}

int
sc_case_gen_logistic(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                     const fmpq_t s, const fmpq_mat_t alpha, slong zrank,
                     int rotate, const fmpq_mat_t mu, ulong seed, char * err,
                     size_t errlen)
{
    fmpq_mat_t Xt, yt, a, Z, Q, XQ;
    sc_rand_t r;
    slong i, j;
    int rc = SC_OK;

    if (sc_gen_logistic_check(n, d, s, alpha, mu, err, errlen) != SC_OK)
        return SC_EINVAL;
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(yt, n, 1);
    fmpq_mat_init(a, n, 1);
    fmpq_mat_init(Z, n, d - 1);
    for (i = 0; i < n; i++)
        fmpq_set_si(fmpq_mat_entry(yt, i, 0), i < n / 2 ? 1 : -1, 1);
    if (!sc_gen_logistic_weights(a, alpha, yt, s))
    {
        rc = sc_gen_logistic_fail(err, errlen, "the weights alpha must have "
                                  "a positive sum (they are scaled to sum "
                                  "1/s^2)");
        goto cleanup;
    }

    sc_rand_init(r, seed);
    sc_gen_logistic_z0(Z, zrank, r);
    sc_gen_logistic_project(Z, a);
    sc_gen_logistic_assemble(Xt, yt, s, Z);
    if (rotate)
    {
        fmpq_mat_init(Q, d, d);
        fmpq_mat_init(XQ, n, d);
        sc_case_cayley_columns(Q, d, d, r);
        fmpq_mat_mul(XQ, Xt, Q);
        fmpq_mat_swap(Xt, XQ);
        fmpq_mat_clear(XQ);
        fmpq_mat_clear(Q);
    }
    if (mu != NULL)
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
                fmpq_add(fmpq_mat_entry(Xt, i, j), fmpq_mat_entry(Xt, i, j),
                         fmpq_mat_entry(mu, j, 0));
    fmpq_mat_swap(X, Xt);
    fmpq_mat_swap(y, yt);

cleanup:
    fmpq_mat_clear(Z);
    fmpq_mat_clear(a);
    fmpq_mat_clear(yt);
    fmpq_mat_clear(Xt);
    return rc;
}
