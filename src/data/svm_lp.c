/*
 * svm_lp.c -- the exact LP of A3/A4 when null(G) is larger than span(1):
 *
 *   maximise t  over c in R^k, t  subject to  b + M c - t 1 >= 0,
 *
 * with b = y (.) zeta and M = diag(y) N (N a basis of null(G)), so that
 * alpha = b + M c ranges over all dual weights (svm.c) and the optimum is
 * the largest alpha_min.  A3 <=> optimum >= 0, A4 <=> optimum > 0.
 *
 * Bounded: y is in range X~, orthogonal to null(G), so sum_i alpha_i =
 * y^T zeta for every c and t <= y^T zeta / n.  Standard form without a
 * phase 1: t = t0 + s with t0 = min b (c = 0, s = 0 is feasible, and the
 * optimum has s >= 0), c = p - q with p, q >= 0.  Dense tableau in fmpq,
 * Bland's smallest-index rule, which cannot cycle.
 */
#include "data/svm.h"

typedef struct
{
    slong m, nv;            /* constraints, variables (slacks included) */
    fmpq_mat_t T;           /* (m + 1) x (nv + 1); last row objective,
                               last column right-hand side */
    slong * basis;          /* basic variable of each row */
}
sc_tableau_struct;

/* Pivots on (r, j): row r divided by T[r][j], column j eliminated. */
static void
sc_tableau_pivot(sc_tableau_struct * A, slong r, slong j)
{
    slong i, l, cols = A->nv + 1;
    fmpq_t p, f;

    fmpq_init(p);
    fmpq_init(f);
    fmpq_set(p, fmpq_mat_entry(A->T, r, j));
    for (l = 0; l < cols; l++)
        fmpq_div(fmpq_mat_entry(A->T, r, l), fmpq_mat_entry(A->T, r, l), p);
    for (i = 0; i <= A->m; i++)
    {
        if (i == r || fmpq_is_zero(fmpq_mat_entry(A->T, i, j)))
            continue;
        fmpq_set(f, fmpq_mat_entry(A->T, i, j));
        for (l = 0; l < cols; l++)
            fmpq_submul(fmpq_mat_entry(A->T, i, l), f,
                        fmpq_mat_entry(A->T, r, l));
    }
    A->basis[r] = j;
    fmpq_clear(f);
    fmpq_clear(p);
}

/* Bland: the least entering index with a negative reduced cost, the
   ratio-test tie broken by the least basic index.  Returns 0 at the
   optimum; aborts on an unbounded ray, which the header rules out. */
static int
sc_tableau_step(sc_tableau_struct * A)
{
    slong i, j, r = -1, m = A->m, nv = A->nv;
    fmpq_t ratio, best;

    for (j = 0; j < nv; j++)
        if (fmpq_sgn(fmpq_mat_entry(A->T, m, j)) < 0)
            break;
    if (j == nv)
        return 0;
    fmpq_init(ratio);
    fmpq_init(best);
    for (i = 0; i < m; i++)
    {
        int c;

        if (fmpq_sgn(fmpq_mat_entry(A->T, i, j)) <= 0)
            continue;
        fmpq_div(ratio, fmpq_mat_entry(A->T, i, nv),
                 fmpq_mat_entry(A->T, i, j));
        c = (r < 0) ? -1 : fmpq_cmp(ratio, best);
        if (c < 0 || (c == 0 && A->basis[i] < A->basis[r]))
        {
            r = i;
            fmpq_set(best, ratio);
        }
    }
    fmpq_clear(best);
    fmpq_clear(ratio);
    if (r < 0)
        flint_abort();      /* unbounded: impossible when y is in range X~ */
    sc_tableau_pivot(A, r, j);
    return 1;
}

void
sc_svm_dual_lp(fmpq_mat_t alpha, fmpq_t tmax, const fmpq_mat_t zeta,
               const fmpq_mat_t N, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(zeta), k = fmpq_mat_ncols(N), i, j;
    sc_tableau_struct A;
    fmpq_mat_t b, M, c;
    fmpq_t t0;

    fmpq_mat_init(b, n, 1);
    fmpq_mat_init(M, n, k);
    fmpq_mat_init(c, k, 1);
    fmpq_init(t0);
    for (i = 0; i < n; i++)
    {
        const fmpq * yi = fmpq_mat_entry(y, i, 0);

        fmpq_mul(fmpq_mat_entry(b, i, 0), yi, fmpq_mat_entry(zeta, i, 0));
        for (j = 0; j < k; j++)
            fmpq_mul(fmpq_mat_entry(M, i, j), yi, fmpq_mat_entry(N, i, j));
        if (i == 0 || fmpq_cmp(fmpq_mat_entry(b, i, 0), t0) < 0)
            fmpq_set(t0, fmpq_mat_entry(b, i, 0));
    }

    /* rows: -M p + M q + s + slack_i = b_i - t0; maximise s */
    A.m = n;
    A.nv = 2 * k + 1 + n;
    fmpq_mat_init(A.T, n + 1, A.nv + 1);
    A.basis = flint_malloc(n * sizeof(slong));
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < k; j++)
        {
            fmpq_neg(fmpq_mat_entry(A.T, i, j), fmpq_mat_entry(M, i, j));
            fmpq_set(fmpq_mat_entry(A.T, i, k + j), fmpq_mat_entry(M, i, j));
        }
        fmpq_one(fmpq_mat_entry(A.T, i, 2 * k));
        fmpq_one(fmpq_mat_entry(A.T, i, 2 * k + 1 + i));
        fmpq_sub(fmpq_mat_entry(A.T, i, A.nv), fmpq_mat_entry(b, i, 0), t0);
        A.basis[i] = 2 * k + 1 + i;
    }
    fmpq_set_si(fmpq_mat_entry(A.T, n, 2 * k), -1, 1);
    while (sc_tableau_step(&A))
        ;

    /* c = p - q from the basic variables (non-basic ones are 0) */
    for (i = 0; i < n; i++)
    {
        slong v = A.basis[i];

        if (v < k)
            fmpq_add(fmpq_mat_entry(c, v, 0), fmpq_mat_entry(c, v, 0),
                     fmpq_mat_entry(A.T, i, A.nv));
        else if (v < 2 * k)
            fmpq_sub(fmpq_mat_entry(c, v - k, 0), fmpq_mat_entry(c, v - k, 0),
                     fmpq_mat_entry(A.T, i, A.nv));
    }
    fmpq_mat_mul(alpha, M, c);
    fmpq_mat_add(alpha, alpha, b);
    /* the optimum is min_i alpha_i itself: recompute it from alpha rather
       than trust the objective cell */
    for (i = 0; i < n; i++)
        if (i == 0 || fmpq_cmp(fmpq_mat_entry(alpha, i, 0), tmax) < 0)
            fmpq_set(tmax, fmpq_mat_entry(alpha, i, 0));

    flint_free(A.basis);
    fmpq_mat_clear(A.T);
    fmpq_clear(t0);
    fmpq_mat_clear(c);
    fmpq_mat_clear(M);
    fmpq_mat_clear(b);
}
