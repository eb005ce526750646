/*
 * cayley.c -- seeded rational rotations: the Cayley transform
 * Q = (I - K)(I + K)^-1 of an integer skew matrix K is orthogonal in exact
 * rational arithmetic (Q^T Q = I), which is what lets the generators rotate
 * data without a square root.  Used by the whitened and Hilbert generators.
 *
 * Draw order (part of what a seed means): K above the diagonal, row by row,
 * entries in [-2, 2].
 */
#include "cases/cases.h"

/* The two factors commute, so the first d columns of Q are (I + K)^-1
   times the first d columns of I - K: one integer solve instead of an
   inverse (same rational result, far cheaper for large m). */
void
sc_case_cayley_columns(fmpq_mat_t Q, slong m, slong d, sc_rand_t r)
{
    fmpz_mat_t A, B;
    slong i, j;

    fmpz_mat_init(A, m, m);
    fmpz_mat_init(B, m, d);
    for (i = 0; i < m; i++)
    {
        fmpz_one(fmpz_mat_entry(A, i, i));
        for (j = i + 1; j < m; j++)
        {
            slong kij = sc_rand_range(r, -2, 2);

            fmpz_set_si(fmpz_mat_entry(A, i, j), kij);
            fmpz_set_si(fmpz_mat_entry(A, j, i), -kij);
        }
    }
    for (i = 0; i < m; i++)
        for (j = 0; j < d; j++)
        {
            /* I - K = (I + K)^T */
            fmpz_set(fmpz_mat_entry(B, i, j), fmpz_mat_entry(A, j, i));
        }
    if (!fmpq_mat_solve_fmpz_mat(Q, A, B))
        flint_abort();          /* I + K, K skew, is never singular */
    fmpz_mat_clear(B);
    fmpz_mat_clear(A);
}
