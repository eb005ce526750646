/*
 * symeig.c -- certified extreme eigenvalues of real symmetric ball
 * matrices, and the condition number of an explicit matrix (unit-column
 * convention).
 *
 * An approximate orthogonal eigenbasis Q comes from cyclic Jacobi rotations
 * on the midpoints (a heuristic: exact point matrices, no radii): in
 * doubles first, after scaling by a power of two (microseconds, accurate
 * to about 2^-50), then, when more than 45 of the prec/2 bits it aims at
 * are asked for, finished by a sweep or two in arb at about prec/2 bits
 * (quadratic convergence from the double start).  Then,
 * for every symmetric matrix A in the ball:
 *   - lambda_max >= q^T A q / q^T q for every column q of Q (Rayleigh), and
 *     lambda_min <= the same quotient;
 *   - C = Q^{-1} A Q (certified inverse) is similar to A, so every
 *     eigenvalue of A lies in a Gershgorin disc |z - C_ii| <= sum_j |C_ij|;
 *     A's eigenvalues are real, hence lambda_max <= max_i (C_ii + R_i) and
 *     lambda_min >= min_i (C_ii - R_i).
 * No eigenvalue has to be isolated, so repeated and clustered eigenvalues
 * (scale invariance and whitened data make them common; Rump's enclosure in
 * Arb refuses such clusters) cost nothing.  The width is the Rayleigh error
 * (quadratic in the eigenvector error) plus the Gershgorin radii (linear in
 * the off-diagonal residue of Jacobi: about 2^-50 relative from the doubles
 * alone, below 2^-(prec/2) after the arb sweeps).
 */
#include <math.h>
#include "num/num.h"

/* (u, v) <- (c u - s v, s u + c v) on points, rounded as arb rounds a
   midpoint (the radii a ball would carry are of no use to a heuristic) */
static void
sc_jacobi_rot2(arf_t u, arf_t v, const arf_t c, const arf_t s, arf_t x,
               arf_t y, slong prec)
{
    arf_mul(x, c, u, prec, ARF_RND_DOWN);
    arf_submul(x, s, v, prec, ARF_RND_DOWN);
    arf_mul(y, s, u, prec, ARF_RND_DOWN);
    arf_addmul(y, c, v, prec, ARF_RND_DOWN);
    arf_swap(u, x);
    arf_swap(v, y);
}

/* Applies the rotation (c, s) in the plane (p, q) to A (both sides) and to
   the columns of Q; all entries are points */
static void
sc_jacobi_rotate(arb_mat_t A, arb_mat_t Q, slong p, slong q, const arb_t c,
                 const arb_t s, slong prec)
{
    slong k, n = arb_mat_nrows(A);
    arf_t x, y;

    arf_init(x);
    arf_init(y);
    for (k = 0; k < n; k++)                     /* columns p, q of A; Q */
    {
        sc_jacobi_rot2(arb_midref(arb_mat_entry(A, k, p)),
                       arb_midref(arb_mat_entry(A, k, q)), arb_midref(c),
                       arb_midref(s), x, y, prec);
        sc_jacobi_rot2(arb_midref(arb_mat_entry(Q, k, p)),
                       arb_midref(arb_mat_entry(Q, k, q)), arb_midref(c),
                       arb_midref(s), x, y, prec);
    }
    /* rows p, q of A: off the 2 x 2 block they are the new columns, by
       symmetry (copies, not a third rotation) */
    for (k = 0; k < n; k++)
        if (k == p || k == q)
            sc_jacobi_rot2(arb_midref(arb_mat_entry(A, p, k)),
                           arb_midref(arb_mat_entry(A, q, k)), arb_midref(c),
                           arb_midref(s), x, y, prec);
        else
        {
            arf_set(arb_midref(arb_mat_entry(A, p, k)),
                    arb_midref(arb_mat_entry(A, k, p)));
            arf_set(arb_midref(arb_mat_entry(A, q, k)),
                    arb_midref(arb_mat_entry(A, k, q)));
        }
    arf_clear(y);
    arf_clear(x);
}

/* One Jacobi rotation zeroing A_pq; 0 if A_pq is already negligible. */
static int
sc_jacobi_pair(arb_mat_t A, arb_mat_t Q, slong p, slong q,
               const arb_t small, slong prec)
{
    arb_t th, t, c, s;
    int done = 0;

    arb_init(th);
    arb_init(t);
    arb_init(c);
    arb_init(s);
    arb_abs(t, arb_mat_entry(A, p, q));
    if (arf_cmp(arb_midref(t), arb_midref(small)) > 0)
    {
        /* theta = (A_qq - A_pp) / 2 A_pq; t = sgn / (|theta| + hypot) */
        arb_sub(th, arb_mat_entry(A, q, q), arb_mat_entry(A, p, p), prec);
        arb_div(th, th, arb_mat_entry(A, p, q), prec);
        arb_mul_2exp_si(th, th, -1);
        arb_get_mid_arb(th, th);
        arb_one(c);
        arb_hypot(t, th, c, prec);
        arb_abs(s, th);
        arb_add(t, t, s, prec);
        arb_inv(t, t, prec);
        if (arf_sgn(arb_midref(th)) < 0)
            arb_neg(t, t);
        arb_hypot(c, t, c, prec);
        arb_inv(c, c, prec);
        arb_mul(s, t, c, prec);
        arb_get_mid_arb(c, c);
        arb_get_mid_arb(s, s);
        sc_jacobi_rotate(A, Q, p, q, c, s, prec);
        done = 1;
    }
    arb_clear(s);
    arb_clear(c);
    arb_clear(t);
    arb_clear(th);
    return done;
}

/* sqrt(1 + x^2) from IEEE basic operations only (correctly rounded on
   every machine, unlike libm's hypot), so that the double start, and the
   reports that carry its rounding, are the same everywhere */
static double
sc_hypot1(double x)
{
    double a = fabs(x);

    return a > 0x1p500 ? a : sqrt(a * a + 1);
}

/* heuristic: does not affect correctness.  Cyclic Jacobi in doubles on
   the symmetric n x n row-major a (overwritten, entries at most 1 in
   magnitude), rotations accumulated into q (set to the identity).  The
   same rotation as sc_jacobi_pair, in hardware arithmetic: it does the
   bulk of the convergence in microseconds, the arb sweeps only finish it.
   0 when a number is not finite. */
static int
sc_jacobi_d_heuristic(double * a, double * q, slong n)
{
    slong i, p, r, sweep;
    double fro = 0, th, t, c, s, x, y;
    int moved = 1;

    for (i = 0; i < n * n; i++)
    {
        fro += a[i] * a[i];
        q[i] = (i / n == i % n);
    }
    fro = sqrt(fro);
    for (sweep = 0; sweep < 30 && moved; sweep++)
    {
        moved = 0;
        for (p = 0; p < n; p++)
            for (r = p + 1; r < n; r++)
            {
                if (!(fabs(a[p * n + r]) > 0x1p-50 * fro))
                    continue;
                th = (a[r * n + r] - a[p * n + p]) / (2 * a[p * n + r]);
                t = 1 / (fabs(th) + sc_hypot1(th));
                t = th < 0 ? -t : t;
                c = 1 / sc_hypot1(t);
                s = t * c;
                for (i = 0; i < n; i++)         /* columns p, r; Q */
                {
                    x = a[i * n + p];
                    y = a[i * n + r];
                    a[i * n + p] = c * x - s * y;
                    a[i * n + r] = s * x + c * y;
                    x = q[i * n + p];
                    y = q[i * n + r];
                    q[i * n + p] = c * x - s * y;
                    q[i * n + r] = s * x + c * y;
                }
                for (i = 0; i < n; i++)         /* rows p, r */
                {
                    x = a[p * n + i];
                    y = a[r * n + i];
                    a[p * n + i] = c * x - s * y;
                    a[r * n + i] = s * x + c * y;
                }
                /* zero up to rounding: the rounding would only stall */
                a[p * n + r] = a[r * n + p] = 0;
                moved = 1;
            }
    }
    for (i = 0; i < n * n; i++)
        if (!isfinite(q[i]))
            return 0;
    return 1;
}

/* heuristic: does not affect correctness.  Q = the eigenvectors of the
   point symmetric B from the double Jacobi, after scaling B by a power of
   two to entries at most 1; 0 (Q untouched) when B does not fit in
   doubles even so. */
static int
sc_jacobi_double(arb_mat_t Q, const arb_mat_t B)
{
    slong i, e, emax = -ARF_PREC_EXACT, n = arb_mat_nrows(B);
    double * a = flint_malloc(2 * n * n * sizeof(double)), * q = a + n * n;
    arf_t x;
    int ok = 1;

    arf_init(x);
    for (i = 0; i < n * n && ok; i++)
    {
        ok = arf_is_finite(arb_midref(B->entries + i));
        if (!arf_is_zero(arb_midref(B->entries + i)))
        {
            e = arf_abs_bound_lt_2exp_si(arb_midref(B->entries + i));
            emax = FLINT_MAX(emax, e);
        }
    }
    ok = ok && emax > -ARF_PREC_EXACT && emax < ARF_PREC_EXACT;
    for (i = 0; i < n * n && ok; i++)
    {
        arf_mul_2exp_si(x, arb_midref(B->entries + i), -emax);
        a[i] = arf_get_d(x, ARF_RND_NEAR);
    }
    ok = ok && sc_jacobi_d_heuristic(a, q, n);
    for (i = 0; i < n * n && ok; i++)
        arb_set_d(Q->entries + i, q[i]);
    arf_clear(x);
    flint_free(a);
    return ok;
}

/* heuristic: does not affect correctness.  Q from the double Jacobi made
   orthonormal to about 2^-prec by Newton-Schulz steps
   Q <- Q (3 I - Q^T Q) / 2 (each squares the error, 2^-48 after the
   doubles), and B <- Q^T B Q, so that the arb sweeps start nearly
   diagonal.  Orthonormality matters: the sweeps diagonalise Q^T B Q, which
   is similar to B only as far as Q^T = Q^-1.  Q = I (a cold start) when
   the doubles fail. */
static void
sc_jacobi_start(arb_mat_t Q, arb_mat_t B, slong prec)
{
    slong i, bits, n = arb_mat_nrows(B);
    arb_mat_t G;

    if (!sc_jacobi_double(Q, B))
    {
        arb_mat_one(Q);
        return;
    }
    arb_mat_init(G, n, n);
    /* Newton-Schulz steps Q (3 I - Q^T Q) / 2 at prec: each doubles the
       correct bits of Q's orthonormality from the doubles' 48 (not a
       precision ladder: the precision stays prec) */
    for (bits = 48; bits < prec; bits *= 2)
    {
        arb_mat_transpose(G, Q);
        arb_mat_mul(G, G, Q, prec);
        arb_mat_neg(G, G);
        for (i = 0; i < n; i++)
            arb_add_ui(arb_mat_entry(G, i, i), arb_mat_entry(G, i, i), 3,
                       prec);
        arb_mat_mul(Q, Q, G, prec);
        arb_mat_scalar_mul_2exp_si(Q, Q, -1);
        arb_mat_get_mid(Q, Q);
    }
    arb_mat_transpose(G, Q);
    arb_mat_mul(G, G, B, prec);
    arb_mat_mul(B, G, Q, prec);
    arb_mat_get_mid(B, B);
    arb_mat_clear(G);
}

/* Q = approximate orthonormal eigenvectors of the midpoint of (A+A^T)/2,
   accurate to about 2^-(prec/2): enough, since the enclosure width is the
   Gershgorin residue (that size) and the Rayleigh error (its square) */
static void
sc_jacobi(arb_mat_t Q, const arb_mat_t A, slong prec)
{
    slong i, j, sweep, n = arb_mat_nrows(A);
    arb_mat_t B;
    arb_t small;
    int moved = 1;

    arb_mat_init(B, n, n);
    arb_init(small);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            arb_add(arb_mat_entry(B, i, j), arb_mat_entry(A, i, j),
                    arb_mat_entry(A, j, i), prec);
            arb_mul_2exp_si(arb_mat_entry(B, i, j), arb_mat_entry(B, i, j),
                            -1);
            arb_get_mid_arb(arb_mat_entry(B, i, j), arb_mat_entry(B, i, j));
        }
    /* about prec/2 bits of eigenvectors asked for: the doubles give
       about 50, so up to 45 they are the whole answer */
    if (prec / 2 <= 45 && sc_jacobi_double(Q, B))
        moved = 0;
    else
    {
        prec = FLINT_MAX(64, prec / 2 + 32);
        arb_mat_frobenius_norm(small, B, prec);
        arb_mul_2exp_si(small, small, 8 - prec);
        sc_jacobi_start(Q, B, prec);
    }
    /* heuristic: quadratic convergence, a sweep or two after the double
       start; the cap only bounds time (an unconverged Q widens the
       enclosure, never breaks it) */
    for (sweep = 0; sweep < 60 && moved; sweep++)
    {
        moved = 0;
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
                moved |= sc_jacobi_pair(B, Q, i, j, small, prec);
    }
    arb_clear(small);
    arb_mat_clear(B);
}

/* [lo, hi] for column i of the basis Q: the Gershgorin disc of row i of
   C = Q^-1 A Q united with the Rayleigh quotient of column q_i (AQ = A Q);
   q, Aq are scratch of length n */
static void
sc_eig_column(arb_t lo, arb_t hi, const arb_mat_t C, const arb_mat_t Q,
              const arb_mat_t AQ, slong i, arb_ptr q, arb_ptr Aq,
              slong prec)
{
    slong j, n = arb_mat_nrows(C);
    arb_t R, g, r;

    arb_init(R);
    arb_init(g);
    arb_init(r);
    for (j = 0; j < n; j++)                     /* Gershgorin radius */
        if (j != i)
        {
            arb_abs(g, arb_mat_entry(C, i, j));
            arb_add(R, R, g, prec);
        }
    arb_add(hi, arb_mat_entry(C, i, i), R, prec);
    arb_sub(lo, arb_mat_entry(C, i, i), R, prec);
    for (j = 0; j < n; j++)                     /* Rayleigh quotient */
    {
        arb_set(q + j, arb_mat_entry(Q, j, i));
        arb_set(Aq + j, arb_mat_entry(AQ, j, i));
    }
    _sc_vec_dot(r, q, Aq, n, prec);
    _sc_vec_norm2(g, q, n, prec);
    arb_div(r, r, g, prec);
    /* lmax in [max lo(rayleigh), max hi(gershgorin)], lmin likewise */
    arb_union(hi, hi, r, prec);
    arb_union(lo, lo, r, prec);
    arb_clear(r);
    arb_clear(g);
    arb_clear(R);
}

int
sc_num_sym_eig_range(arb_t lmin, arb_t lmax, arb_mat_t U, const arb_mat_t A,
                     slong prec)
{
    slong i, n = arb_mat_nrows(A);
    arb_mat_t Q, Qi, C, AQ;
    arb_ptr q = _arb_vec_init(n), Aq = _arb_vec_init(n);
    arb_t hi, lo;
    int status = SC_OK;

    arb_mat_init(Q, n, n);
    arb_mat_init(Qi, n, n);
    arb_mat_init(C, n, n);
    arb_mat_init(AQ, n, n);
    arb_init(hi);
    arb_init(lo);
    sc_jacobi(Q, A, prec);
    if (!arb_mat_inv(Qi, Q, prec))
        status = SC_UNABLE;
    else
    {
        arb_mat_mul(AQ, A, Q, prec);            /* A Q serves both bounds */
        arb_mat_mul(C, Qi, AQ, prec);
        for (i = 0; i < n; i++)
        {
            sc_eig_column(lo, hi, C, Q, AQ, i, q, Aq, prec);
            if (i == 0)
            {
                arb_set(lmax, hi);
                arb_set(lmin, lo);
            }
            else
            {
                arb_max(lmax, lmax, hi, prec);
                arb_min(lmin, lmin, lo, prec);
            }
        }
        if (!arb_is_finite(lmax) || !arb_is_finite(lmin))
            status = SC_UNABLE;
    }
    if (U != NULL)
        arb_mat_set(U, Q);
    arb_clear(lo);
    arb_clear(hi);
    arb_mat_clear(AQ);
    arb_mat_clear(C);
    arb_mat_clear(Qi);
    arb_mat_clear(Q);
    _arb_vec_clear(Aq, n);
    _arb_vec_clear(q, n);
    return status;
}

int
sc_num_cond_unit(arb_t kappa, const arb_mat_t V, slong prec)
{
    slong i, j, n = arb_mat_nrows(V);
    arb_mat_t W, G;
    arb_t s, lo;
    int status;

    arb_mat_init(W, n, n);
    arb_mat_init(G, n, n);
    arb_init(s);
    arb_init(lo);
    for (j = 0; j < n; j++)
    {
        arb_zero(s);
        for (i = 0; i < n; i++)
            arb_addmul(s, arb_mat_entry(V, i, j), arb_mat_entry(V, i, j),
                       prec);
        arb_rsqrt(s, s, prec);
        for (i = 0; i < n; i++)
            arb_mul(arb_mat_entry(W, i, j), arb_mat_entry(V, i, j), s, prec);
    }
    arb_mat_transpose(G, W);
    arb_mat_mul(G, G, W, prec);                 /* Gram matrix, eigs s_i^2 */
    status = sc_num_sym_eig_range(lo, s, NULL, G, prec);
    if (status == SC_OK && arb_is_positive(lo))
    {
        arb_div(kappa, s, lo, prec);
        arb_sqrt(kappa, kappa, prec);
    }
    else
    {
        arb_zero_pm_inf(kappa);
        status = SC_UNABLE;
    }
    arb_clear(lo);
    arb_clear(s);
    arb_mat_clear(G);
    arb_mat_clear(W);
    return status;
}
