/*
 * svm.c -- A1, rank, A3, A4, w*, m^2, the dual weights and R^2 of a
 * logistic dataset; see svm.h for how each is decided.
 *
 * Why the interpolant: under A3 the SVM w* satisfies X~ w* = y and lies in
 * span(X~^T) (any component outside it only adds norm), so w* is the
 * minimal-norm interpolant w_I = X~^T zeta, G zeta = y.  Conversely w_I is
 * the SVM iff the KKT condition w_I = X~^T (alpha (.) y), alpha >= 0 holds,
 * i.e. alpha (.) y - zeta is in null(X~^T) = null(G).
 */
#include <stdio.h>
#include "data/svm.h"
#include "data/data.h"

slong
sc_svm_null_basis(fmpq_mat_t N, const fmpq_mat_t A)
{
    slong n = fmpq_mat_ncols(A), r, i, j, k, * piv;
    fmpq_mat_t R;

    fmpq_mat_init(R, fmpq_mat_nrows(A), n);
    r = sc_data_rref(R, A);
    piv = flint_malloc((n + 1) * sizeof(slong));
    for (i = 0, j = 0; i < r; i++)
    {
        while (fmpq_is_zero(fmpq_mat_entry(R, i, j)))
            j++;
        piv[i] = j;
    }
    fmpq_mat_clear(N);
    fmpq_mat_init(N, n, n - r);
    /* each free column j gives x_j = 1, x_piv[i] = -R[i][j] */
    for (j = 0, k = 0, i = 0; j < n; j++)
    {
        slong l;

        if (i < r && piv[i] == j)
        {
            i++;
            continue;
        }
        fmpq_one(fmpq_mat_entry(N, j, k));
        for (l = 0; l < r; l++)
            fmpq_neg(fmpq_mat_entry(N, piv[l], k), fmpq_mat_entry(R, l, j));
        k++;
    }
    flint_free(piv);
    fmpq_mat_clear(R);
    return n - r;
}

void
sc_svm_dual_closed(fmpq_mat_t alpha, fmpq_t tmax, const fmpq_mat_t zeta,
                   const fmpq_mat_t y)
{
    slong i, n = fmpq_mat_nrows(zeta);
    int have_p = 0, have_m = 0;
    fmpq_t minp, maxm, nu;

    fmpq_init(minp);
    fmpq_init(maxm);
    fmpq_init(nu);
    for (i = 0; i < n; i++)
    {
        const fmpq * z = fmpq_mat_entry(zeta, i, 0);

        if (fmpq_sgn(fmpq_mat_entry(y, i, 0)) > 0)
        {
            if (!have_p || fmpq_cmp(z, minp) < 0)
                fmpq_set(minp, z);
            have_p = 1;
        }
        else
        {
            if (!have_m || fmpq_cmp(z, maxm) > 0)
                fmpq_set(maxm, z);
            have_m = 1;
        }
    }
    /* one class only: then y is not in range X~ and no caller gets here;
       alpha = y (.) zeta shifted to alpha_min = 0 keeps the result defined */
    if (!have_p)
        fmpq_set(minp, maxm);
    if (!have_m)
        fmpq_set(maxm, minp);
    fmpq_add(nu, minp, maxm);
    fmpq_neg(nu, nu);
    fmpq_div_2exp(nu, nu, 1);
    fmpq_sub(tmax, minp, maxm);
    fmpq_div_2exp(tmax, tmax, 1);
    for (i = 0; i < n; i++)
    {
        fmpq_add(fmpq_mat_entry(alpha, i, 0), fmpq_mat_entry(zeta, i, 0), nu);
        fmpq_mul(fmpq_mat_entry(alpha, i, 0), fmpq_mat_entry(alpha, i, 0),
                 fmpq_mat_entry(y, i, 0));
    }
    fmpq_clear(nu);
    fmpq_clear(maxm);
    fmpq_clear(minp);
}

/* zeta with G zeta = y and w = X~^T zeta; returns 0 if G zeta = y has no
   solution (y not in range X~).  X~ w = y is re-checked exactly. */
static int
sc_svm_interpolant(fmpq_mat_t w, fmpq_mat_t zeta, const fmpq_mat_t G,
                   const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq_mat_t Xt, Xw;
    int ok;

    if (!fmpq_mat_can_solve(zeta, G, y))
        return 0;
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(Xw, n, 1);
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(w, Xt, zeta);
    fmpq_mat_mul(Xw, Xc, w);
    ok = fmpq_mat_equal(Xw, y);
    fmpq_mat_clear(Xw);
    fmpq_mat_clear(Xt);
    return ok;
}

static int
sc_svm_is_constant(const fmpq_mat_t N)
{
    slong i;

    for (i = 1; i < fmpq_mat_nrows(N); i++)
        if (!fmpq_equal(fmpq_mat_entry(N, i, 0), fmpq_mat_entry(N, 0, 0)))
            return 0;
    return 1;
}

/* The A3 core shared by sc_svm_init and sc_svm_direction: w = w_I, alpha
   and tmax = max alpha_min; returns 0 (w, alpha, tmax untouched) when there
   is no interpolant. */
static int
sc_svm_dual(fmpq_mat_t w, fmpq_mat_t alpha, fmpq_t tmax, slong * rank,
            const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc), k;
    fmpq_mat_t Xt, G, zeta, N;
    int ok;

    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(G, n, n);
    fmpq_mat_init(zeta, n, 1);
    fmpq_mat_init(N, n, 0);
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(G, Xc, Xt);
    /* null(G) = null(X~^T): the d x n rref is the cheaper one when d < n */
    k = sc_svm_null_basis(N, Xt);
    *rank = n - k;
    ok = sc_svm_interpolant(w, zeta, G, Xc, y);
    /* null(G) = span(1) (1 is in it for centred data; checked anyway) */
    if (ok && k == 1 && sc_svm_is_constant(N))
        sc_svm_dual_closed(alpha, tmax, zeta, y);
    else if (ok)
        sc_svm_dual_lp(alpha, tmax, zeta, N, y);
    fmpq_mat_clear(N);
    fmpq_mat_clear(zeta);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Xt);
    return ok;
}

int
sc_svm_direction(fmpq_mat_t w, const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    fmpq_mat_t alpha;
    fmpq_t tmax;
    slong rank;
    int a3;

    fmpq_mat_init(alpha, fmpq_mat_nrows(Xc), 1);
    fmpq_init(tmax);
    a3 = sc_svm_dual(w, alpha, tmax, &rank, Xc, y) && fmpq_sgn(tmax) >= 0;
    if (!a3)
        fmpq_mat_zero(w);
    fmpq_clear(tmax);
    fmpq_mat_clear(alpha);
    return a3;
}

static void
sc_svm_R2(fmpq_t R2, const fmpq_mat_t Xc)
{
    slong i, j;
    fmpq_t s;

    fmpq_init(s);
    fmpq_zero(R2);
    for (i = 0; i < fmpq_mat_nrows(Xc); i++)
    {
        fmpq_zero(s);
        for (j = 0; j < fmpq_mat_ncols(Xc); j++)
            fmpq_addmul(s, fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(Xc, i, j));
        if (fmpq_cmp(s, R2) > 0)
            fmpq_set(R2, s);
    }
    fmpq_clear(s);
}

/* fail and why: the first failing hypothesis in the order A1, A3, A4 (the
   rank is none; the reasons of A1-A4 report it beside them). */
static void
sc_svm_why(sc_svm_t S, int interpolates)
{
    size_t len = sizeof(S->why);

    S->why[0] = '\0';
    S->fail = !S->a1 ? SC_SVM_A1_FAILS : !S->a3 ? SC_SVM_A3_FAILS
              : !S->a4 ? SC_SVM_A4_FAILS : SC_SVM_HOLDS;
    if (S->fail == SC_SVM_A1_FAILS)
        snprintf(S->why, len, "A1 fails: n = %ld >= d = %ld", (long) S->n,
                 (long) S->d);
    else if (S->fail == SC_SVM_A3_FAILS && !interpolates)
        snprintf(S->why, len, "A3 fails: X~ w = y has no solution (y is not "
                 "in the range of X~)");
    else if (S->fail == SC_SVM_A3_FAILS)
        snprintf(S->why, len, "A3 fails: no dual weights alpha >= 0 (not "
                 "all samples are support vectors)");
    else if (S->fail == SC_SVM_A4_FAILS)
        snprintf(S->why, len, "A4 fails: every dual solution has some "
                 "alpha_i = 0");
}

/* The hard-margin direction: w* itself under A3 (verified there by its
   own exact KKT test), else the certified solve of svm_margin.c. */
static void
sc_svm_init_margin(sc_svm_t S, const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    S->margin_why[0] = '\0';
    if (S->a3)
    {
        S->margin = SC_SVM_MARGIN_OK;
        fmpq_mat_set(S->wmargin, S->wstar);
        fmpq_mat_set(S->amargin, S->alpha);
        S->support = S->n;
        return;
    }
    S->margin = sc_svm_hard_margin(S->wmargin, S->amargin, &S->support,
                                   S->margin_why, sizeof(S->margin_why),
                                   Xc, y);
}

void
sc_svm_init(sc_svm_t S, const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq_t w2;
    int interpolates;

    S->n = n;
    S->d = d;
    fmpq_mat_init(S->wstar, d, 1);
    fmpq_init(S->m2);
    fmpq_mat_init(S->alpha, n, 1);
    fmpq_init(S->R2);
    fmpz_poly_init(S->charpoly);
    fmpq_init(S->beta2);
    fmpq_init(S->alpha_min);
    fmpq_mat_init(S->wmargin, d, 1);
    fmpq_mat_init(S->amargin, n, 1);
    fmpq_init(w2);

    S->a1 = n < d;
    interpolates = sc_svm_dual(S->wstar, S->alpha, S->alpha_min, &S->rank,
                               Xc, y);
    S->rank_ok = (S->rank == n - 1);
    S->a3 = interpolates && fmpq_sgn(S->alpha_min) >= 0;
    S->a4 = S->a3 && fmpq_sgn(S->alpha_min) > 0;
    if (S->a3)
    {
        sc_data_dot(w2, S->wstar, S->wstar);
        fmpq_inv(w2, w2);
        fmpq_set(S->m2, w2);
    }
    else
    {
        fmpq_mat_zero(S->wstar);
        fmpq_mat_zero(S->alpha);
        fmpq_zero(S->alpha_min);
    }
    sc_svm_why(S, interpolates);
    sc_svm_init_margin(S, Xc, y);
    sc_svm_R2(S->R2, Xc);
    sc_svm_charpoly(S->charpoly, Xc);
    S->m2_below = S->m2_equal = S->m2_above = 0;
    S->m2_place = S->a3 ? sc_svm_m2_position(&S->m2_below, &S->m2_equal,
                                             &S->m2_above, S) : SC_UNABLE;
    /* Definition 2 only where the enumeration is sound: bounded (A4) and
       in the coordinates c mod 1 (rank n - 1); LOGISTIC.md section 3 */
    S->beta_exact = 0;
    fmpq_zero(w2);
    if (S->a4 && S->rank_ok && n <= SC_SVM_BETA_MAX_N)
        S->beta_exact = sc_svm_beta2_vertices(w2, NULL, Xc, y);
    fmpq_set(S->beta2, w2);
    fmpq_clear(w2);
}

void
sc_svm_clear(sc_svm_t S)
{
    fmpq_mat_clear(S->amargin);
    fmpq_mat_clear(S->wmargin);
    fmpq_clear(S->alpha_min);
    fmpq_clear(S->beta2);
    fmpz_poly_clear(S->charpoly);
    fmpq_clear(S->R2);
    fmpq_mat_clear(S->alpha);
    fmpq_clear(S->m2);
    fmpq_mat_clear(S->wstar);
}
