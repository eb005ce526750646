/*
 * svm_beta.c -- Definition 2 of LOGISTIC.md:
 *   beta = -max_{v in V, ||v|| = 1} min_i y_i <v, x~_i>,
 *   V = span(X~^T) (intersected with) (u*)^perp,
 * equivalently beta = 1 / max{||v|| : v in V, -y_i <v, x~_i> <= 1 for all i}.
 *
 * The maximum of the convex ||v||^2 over that polytope sits at a vertex.
 * In the coordinates v = X~^T c, c^T 1 = 0 (c is defined modulo null(X~^T)
 * = span(1) when rank X~ = n - 1) and c^T y = 0 (<v, w*> = c^T X~ w* =
 * c^T y under A3), a vertex has n - 2 active constraints: one n x n exact
 * solve for each of the C(n, 2) choices of the two inactive ones.
 *
 * The polytope is bounded iff A4 holds; without A4 it is unbounded and still
 * has vertices, so the enumeration alone returns a wrong positive beta (the
 * spec's recipe alpha = (0,1,2,0,3,1) example).  sc_svm_init therefore
 * calls it only after the exact A4 test is true and rank X~ = n - 1.
 */
#include "data/svm.h"

/* Solves the vertex system with inactive rows a < b into c; returns 1 and
   sets nv = ||X~^T c||^2 if it has a unique solution that is feasible. */
static int
sc_svm_vertex(fmpq_t nv, fmpq_mat_t c, const fmpq_mat_t G,
              const fmpq_mat_t y, slong a, slong b)
{
    slong n = fmpq_mat_nrows(G), i, j, r;
    fmpq_mat_t A, rhs, Gc;
    fmpq_t t;
    int ok = 0;

    fmpq_mat_init(A, n, n);
    fmpq_mat_init(rhs, n, 1);
    fmpq_mat_init(Gc, n, 1);
    fmpq_init(t);
    for (i = 0, r = 0; i < n; i++)
    {
        if (i == a || i == b)
            continue;
        for (j = 0; j < n; j++)
            fmpq_mul(fmpq_mat_entry(A, r, j), fmpq_mat_entry(G, i, j),
                     fmpq_mat_entry(y, i, 0));
        for (j = 0; j < n; j++)
            fmpq_neg(fmpq_mat_entry(A, r, j), fmpq_mat_entry(A, r, j));
        fmpq_one(fmpq_mat_entry(rhs, r, 0));
        r++;
    }
    for (j = 0; j < n; j++)
    {
        fmpq_one(fmpq_mat_entry(A, n - 2, j));
        fmpq_set(fmpq_mat_entry(A, n - 1, j), fmpq_mat_entry(y, j, 0));
    }
    if (fmpq_mat_solve(c, A, rhs))
    {
        fmpq_mat_mul(Gc, G, c);
        ok = 1;
        for (i = 0; i < n && ok; i++)
        {
            fmpq_mul(t, fmpq_mat_entry(Gc, i, 0), fmpq_mat_entry(y, i, 0));
            fmpq_neg(t, t);
            ok = fmpq_cmp_ui(t, 1) <= 0;
        }
        fmpq_zero(nv);
        for (i = 0; i < n && ok; i++)
            fmpq_addmul(nv, fmpq_mat_entry(c, i, 0), fmpq_mat_entry(Gc, i, 0));
    }
    fmpq_clear(t);
    fmpq_mat_clear(Gc);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(A);
    return ok;
}

int
sc_svm_beta2_vertices(fmpq_t beta2, fmpq_mat_t v, const fmpq_mat_t Xc,
                      const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc), a, b;
    fmpq_mat_t Xt, G, c, cbest;
    fmpq_t best, nv;

    fmpq_zero(beta2);
    if (v != NULL)
        fmpq_mat_zero(v);
    if (n < 3)
        return 0;           /* V = {0}: no direction to maximise over */
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(G, n, n);
    fmpq_mat_init(c, n, 1);
    fmpq_mat_init(cbest, n, 1);
    fmpq_init(best);
    fmpq_init(nv);
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(G, Xc, Xt);
    for (a = 0; a < n; a++)
        for (b = a + 1; b < n; b++)
            if (sc_svm_vertex(nv, c, G, y, a, b) && fmpq_cmp(nv, best) > 0)
            {
                fmpq_set(best, nv);
                fmpq_mat_set(cbest, c);
            }
    if (!fmpq_is_zero(best))
    {
        fmpq_inv(beta2, best);
        if (v != NULL)
            fmpq_mat_mul(v, Xt, cbest);
    }
    fmpq_clear(nv);
    fmpq_clear(best);
    fmpq_mat_clear(cbest);
    fmpq_mat_clear(c);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Xt);
    return !fmpq_is_zero(beta2);
}

void
sc_svm_beta(arb_t beta, const sc_svm_t S, slong prec)
{
    arb_t lmin, lmax;

    if (!S->a4)
    {
        arb_zero(beta);
        return;
    }
    if (S->beta_exact)
    {
        arb_set_fmpq(beta, S->beta2, prec);
        arb_sqrtpos(beta, beta, prec);
        return;
    }
    /* alpha_min sqrt(n lambda_min) / (2 sum alpha), sum alpha = 1 / m^2:
       for unit v in V, s_i = y_i <v, x~_i> has sum alpha_i s_i = 0, so
       ||s||_2 <= ||s||_1 <= 2 sum alpha (-min s) / alpha_min, and
       ||s||_2^2 = ||X~ v||^2 >= n lambda_min */
    arb_init(lmin);
    arb_init(lmax);
    sc_svm_lambda(lmin, lmax, S, prec);
    arb_mul_si(lmin, lmin, S->n, prec);
    arb_sqrtpos(lmin, lmin, prec);
    arb_set_fmpq(beta, S->alpha_min, prec);
    arb_mul(beta, beta, lmin, prec);
    arb_set_fmpq(lmax, S->m2, prec);
    arb_mul(beta, beta, lmax, prec);
    arb_mul_2exp_si(beta, beta, -1);
    arb_clear(lmax);
    arb_clear(lmin);
}
