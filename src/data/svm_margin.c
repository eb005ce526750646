/*
 * svm_margin.c -- the Euclidean hard-margin SVM of LOGISTIC.md Definition 1
 * on any separable data, A3 or not, with an exact KKT certificate:
 *
 *   w* = argmin ||w||^2  subject to  y_i <x~_i, w> >= 1 for all i.
 *
 * The solve: the hard margin is a least-distance problem, which Lawson and
 * Hanson (Solving Least Squares Problems, ch. 23) reduce to the NNLS
 *   min ||E u - f||, u >= 0,  E = [A; 1^T] ((d + 1) x n), f = e_{d+1},
 * with A = [y_1 x~_1, ..., y_n x~_n].  r = E u - f = 0 means u >= 0,
 * A u = 0, 1^T u = 1: a Farkas certificate that no w is feasible.
 * Otherwise r_{d+1} < 0 and w = -r_{1..d} / r_{d+1} = A alpha with the dual
 * weights alpha = u / (-r_{d+1}) >= 0.  Their NNLS runs here in fmpq, where
 * it terminates and its passive columns stay independent.
 *
 * Nothing of the solve is trusted: the result is accepted only if the KKT
 * conditions hold in rationals (primal feasibility, alpha >= 0,
 * complementary slackness alpha_i (y_i <x~_i, w> - 1) = 0, stationarity
 * w = sum_i alpha_i y_i x~_i), which for this convex problem prove that w
 * is its unique solution; non-separability is accepted only with its
 * verified Farkas certificate.  Anything else is SC_SVM_MARGIN_UNVERIFIED.
 */
#include <stdio.h>
#include "data/svm.h"
#include "data/data.h"

/* The NNLS needs at most a few passes per column in practice; the cap only
   guards against a bug turning into an endless loop. */
#define SC_SVM_MARGIN_MAX_ITER(n) (100 * ((n) + 10))

/* z (n x 1, zero outside P) = the least-squares solution of E_P z_P = f,
   by the exact normal equations; 0 if E_P^T E_P is singular (which the
   theory of the NNLS rules out, so the caller gives up). */
static int
sc_margin_ls(fmpq_mat_t z, const fmpq_mat_t E, const fmpq_mat_t f,
             const int * P)
{
    slong m = fmpq_mat_nrows(E), n = fmpq_mat_ncols(E), k = 0, i, j;
    fmpq_mat_t EP, EPt, M, rhs, zP;
    int ok;

    for (j = 0; j < n; j++)
        k += P[j];
    fmpq_mat_zero(z);
    if (k == 0)
        return 1;
    fmpq_mat_init(EP, m, k);
    fmpq_mat_init(EPt, k, m);
    fmpq_mat_init(M, k, k);
    fmpq_mat_init(rhs, k, 1);
    fmpq_mat_init(zP, k, 1);
    for (j = 0, k = 0; j < n; j++)
    {
        if (!P[j])
            continue;
        for (i = 0; i < m; i++)
            fmpq_set(fmpq_mat_entry(EP, i, k), fmpq_mat_entry(E, i, j));
        k++;
    }
    fmpq_mat_transpose(EPt, EP);
    fmpq_mat_mul(M, EPt, EP);
    fmpq_mat_mul(rhs, EPt, f);
    ok = fmpq_mat_solve(zP, M, rhs);
    for (j = 0, k = 0; ok && j < n; j++)
        if (P[j])
            fmpq_set(fmpq_mat_entry(z, j, 0), fmpq_mat_entry(zP, k++, 0));
    fmpq_mat_clear(zP);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(M);
    fmpq_mat_clear(EPt);
    fmpq_mat_clear(EP);
    return ok;
}

/* The inner loop of Lawson-Hanson: from a feasible u, step towards the
   passive least-squares solution until it is positive on P.  0 on a
   singular passive system. */
static int
sc_margin_inner(fmpq_mat_t u, int * P, const fmpq_mat_t E, const fmpq_mat_t f)
{
    slong n = fmpq_mat_ncols(E), j, iter;
    fmpq_mat_t z;
    fmpq_t a, r, d;
    int ok = 1;

    fmpq_mat_init(z, n, 1);
    fmpq_init(a);
    fmpq_init(r);
    fmpq_init(d);
    for (iter = 0; iter <= n; iter++)
    {
        int have = 0;

        if (!(ok = sc_margin_ls(z, E, f, P)))
            break;
        for (j = 0; j < n; j++)
        {
            if (!P[j] || fmpq_sgn(fmpq_mat_entry(z, j, 0)) > 0)
                continue;
            /* the largest step keeping u >= 0: u_j / (u_j - z_j) */
            fmpq_sub(d, fmpq_mat_entry(u, j, 0), fmpq_mat_entry(z, j, 0));
            fmpq_div(r, fmpq_mat_entry(u, j, 0), d);
            if (!have || fmpq_cmp(r, a) < 0)
                fmpq_set(a, r);
            have = 1;
        }
        if (!have)
        {
            fmpq_mat_set(u, z);
            break;
        }
        for (j = 0; j < n; j++)
        {
            fmpq * uj = fmpq_mat_entry(u, j, 0);

            fmpq_sub(d, fmpq_mat_entry(z, j, 0), uj);
            fmpq_addmul(uj, a, d);
            if (P[j] && fmpq_sgn(uj) <= 0)
            {
                fmpq_zero(uj);
                P[j] = 0;
            }
        }
    }
    fmpq_clear(d);
    fmpq_clear(r);
    fmpq_clear(a);
    fmpq_mat_clear(z);
    return ok;
}

/* u = the NNLS solution of min ||E u - f||, u >= 0 (Lawson-Hanson, the
   entering column the least index of the largest gradient entry).
   Returns 0 if it stopped without an answer. */
static int
sc_margin_nnls(fmpq_mat_t u, const fmpq_mat_t E, const fmpq_mat_t f)
{
    slong m = fmpq_mat_nrows(E), n = fmpq_mat_ncols(E), j, t, iter;
    fmpq_mat_t Et, r, g;
    int * P = flint_calloc(n, sizeof(int));
    int ok = 0;

    fmpq_mat_init(Et, n, m);
    fmpq_mat_init(r, m, 1);
    fmpq_mat_init(g, n, 1);
    fmpq_mat_transpose(Et, E);
    fmpq_mat_zero(u);
    for (iter = 0; iter < SC_SVM_MARGIN_MAX_ITER(n); iter++)
    {
        /* g = E^T (f - E u), the negative gradient */
        fmpq_mat_mul(r, E, u);
        fmpq_mat_sub(r, f, r);
        fmpq_mat_mul(g, Et, r);
        for (t = -1, j = 0; j < n; j++)
            if (!P[j] && fmpq_sgn(fmpq_mat_entry(g, j, 0)) > 0
                && (t < 0 || fmpq_cmp(fmpq_mat_entry(g, j, 0),
                                      fmpq_mat_entry(g, t, 0)) > 0))
                t = j;
        if (t < 0)
        {
            ok = 1;
            break;
        }
        P[t] = 1;
        if (!sc_margin_inner(u, P, E, f))
            break;
    }
    fmpq_mat_clear(g);
    fmpq_mat_clear(r);
    fmpq_mat_clear(Et);
    flint_free(P);
    return ok;
}

/* A (d x n) = [y_1 x~_1, ..., y_n x~_n] */
static void
sc_margin_signed(fmpq_mat_t A, const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(Xc); i++)
        for (j = 0; j < fmpq_mat_ncols(Xc); j++)
            fmpq_mul(fmpq_mat_entry(A, j, i), fmpq_mat_entry(Xc, i, j),
                     fmpq_mat_entry(y, i, 0));
}

int
sc_svm_margin_verify(slong * support, char * why, size_t len,
                     const fmpq_mat_t w, const fmpq_mat_t alpha,
                     const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc), i;
    fmpq_mat_t A, At, Aw, Aa;
    int ok = 1;

    fmpq_mat_init(A, d, n);
    fmpq_mat_init(At, n, d);
    fmpq_mat_init(Aw, n, 1);
    fmpq_mat_init(Aa, d, 1);
    sc_margin_signed(A, Xc, y);
    fmpq_mat_transpose(At, A);
    fmpq_mat_mul(Aa, A, alpha);
    fmpq_mat_mul(Aw, At, w);    /* the margins y_i <x~_i, w> */
    *support = 0;
    if (!fmpq_mat_equal(Aa, w))
    {
        snprintf(why, len, "stationarity fails: w != sum_i alpha_i y_i "
                 "x~_i");
        ok = 0;
    }
    for (i = 0; ok && i < n; i++)
    {
        int c = fmpq_cmp_si(fmpq_mat_entry(Aw, i, 0), 1);
        int s = fmpq_sgn(fmpq_mat_entry(alpha, i, 0));

        if (c < 0)
            snprintf(why, len, "primal feasibility fails: y_%ld <x~_%ld, w> "
                     "< 1", (long) i, (long) i);
        else if (s < 0)
            snprintf(why, len, "dual feasibility fails: alpha_%ld < 0",
                     (long) i);
        else if (s > 0 && c > 0)
            snprintf(why, len, "complementary slackness fails: alpha_%ld > 0 "
                     "on an inactive constraint", (long) i);
        ok = c >= 0 && s >= 0 && !(s > 0 && c > 0);
        *support += (c == 0);
    }
    fmpq_mat_clear(Aa);
    fmpq_mat_clear(Aw);
    fmpq_mat_clear(At);
    fmpq_mat_clear(A);
    return ok;
}

/* Non-separability, verified: u >= 0, A u = 0, 1^T u = 1. */
static int
sc_margin_farkas(const fmpq_mat_t u, const fmpq_mat_t A)
{
    slong i, n = fmpq_mat_ncols(A);
    fmpq_mat_t Au;
    fmpq_t s;
    int ok;

    fmpq_mat_init(Au, fmpq_mat_nrows(A), 1);
    fmpq_init(s);
    fmpq_mat_mul(Au, A, u);
    ok = fmpq_mat_is_zero(Au);
    for (i = 0; i < n; i++)
    {
        ok = ok && fmpq_sgn(fmpq_mat_entry(u, i, 0)) >= 0;
        fmpq_add(s, s, fmpq_mat_entry(u, i, 0));
    }
    ok = ok && fmpq_is_one(s);
    fmpq_clear(s);
    fmpq_mat_clear(Au);
    return ok;
}

sc_svm_margin_t
sc_svm_hard_margin(fmpq_mat_t w, fmpq_mat_t alpha, slong * support,
                   char * why, size_t len, const fmpq_mat_t Xc,
                   const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc), i, j;
    fmpq_mat_t A, E, f, u, r;
    fmpq_t s;
    sc_svm_margin_t res = SC_SVM_MARGIN_UNVERIFIED;

    fmpq_mat_init(A, d, n);
    fmpq_mat_init(E, d + 1, n);
    fmpq_mat_init(f, d + 1, 1);
    fmpq_mat_init(u, n, 1);
    fmpq_mat_init(r, d + 1, 1);
    fmpq_init(s);
    fmpq_mat_zero(w);
    fmpq_mat_zero(alpha);
    *support = 0;
    why[0] = '\0';
    sc_margin_signed(A, Xc, y);
    for (j = 0; j < n; j++)
    {
        for (i = 0; i < d; i++)
            fmpq_set(fmpq_mat_entry(E, i, j), fmpq_mat_entry(A, i, j));
        fmpq_one(fmpq_mat_entry(E, d, j));
    }
    fmpq_one(fmpq_mat_entry(f, d, 0));
    if (!sc_margin_nnls(u, E, f))
    {
        snprintf(why, len, "hard margin: the exact NNLS solve stopped "
                 "without an answer");
        goto cleanup;
    }
    fmpq_mat_mul(r, E, u);
    fmpq_mat_sub(r, r, f);
    if (fmpq_mat_is_zero(r))
    {
        if (sc_margin_farkas(u, A))
        {
            res = SC_SVM_MARGIN_NOT_SEPARABLE;
            snprintf(why, len, "not separable: some convex combination of "
                     "the y_i x~_i is 0 (verified), so no w has y_i <x~_i, "
                     "w> >= 1 for all i");
        }
        else
            snprintf(why, len, "hard margin: the Farkas certificate of "
                     "non-separability fails its exact check");
        goto cleanup;
    }
    /* alpha = u / (-r_{d+1}), w = A alpha */
    fmpq_neg(s, fmpq_mat_entry(r, d, 0));
    if (fmpq_sgn(s) <= 0)
    {
        snprintf(why, len, "hard margin: the NNLS residual has r_{d+1} >= 0");
        goto cleanup;
    }
    fmpq_mat_scalar_div_fmpz(alpha, u, fmpq_numref(s));
    fmpq_mat_scalar_mul_fmpz(alpha, alpha, fmpq_denref(s));
    fmpq_mat_mul(w, A, alpha);
    if (sc_svm_margin_verify(support, why, len, w, alpha, Xc, y))
        res = SC_SVM_MARGIN_OK;

cleanup:
    if (res != SC_SVM_MARGIN_OK)
    {
        fmpq_mat_zero(w);
        fmpq_mat_zero(alpha);
    }
    fmpq_clear(s);
    fmpq_mat_clear(r);
    fmpq_mat_clear(u);
    fmpq_mat_clear(f);
    fmpq_mat_clear(E);
    fmpq_mat_clear(A);
    return res;
}
