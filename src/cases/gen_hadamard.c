/*
 * gen_hadamard.c -- Walsh-Hadamard data (THEOREMS.md section 7).
 *
 * Column j of the n x n Sylvester matrix, H(i, j) = (-1)^popcount(i & j),
 * is orthogonal to column 0 (the all-ones vector) for j >= 1, so its
 * columns are centred, pairwise orthogonal and of squared norm n: picking
 * d distinct columns gives Sigma = I exactly, before the shift mu.
 */
#include <stdio.h>
#include "cases/cases.h"

/* (-1)^popcount(i & j), by a loop rather than a compiler builtin. */
static slong
sc_sylvester_entry(slong i, slong j)
{
    ulong b = (ulong) (i & j);
    int parity = 0;

    for ( ; b != 0; b &= b - 1)
        parity ^= 1;
    return parity ? -1 : 1;
}

/* The k-th of the d entries of mu, a d x 1 or 1 x d matrix. */
static const fmpq *
sc_shift_entry(const fmpq_mat_t mu, slong k)
{
    return fmpq_mat_ncols(mu) == 1 ? fmpq_mat_entry(mu, k, 0)
                                   : fmpq_mat_entry(mu, 0, k);
}

static int
sc_hadamard_args_ok(slong n, slong d, const slong * cols,
                    const fmpq_mat_t mu, slong y_col, char * err,
                    size_t errlen)
{
    const char * why = NULL;
    slong k, j;

    if (n < 2 || n > SC_CASE_MAX_DIM || (n & (n - 1)) != 0)
        why = "n must be a power of two in [2, 4096]";
    else if (d < 1 || d > n - 1 || n * d > SC_CASE_MAX_ENTRIES)
        why = "d must be in [1, n - 1] with n*d within the entry limit";
    else if (y_col < 1 || y_col > n - 1)
        why = "y_col must be in [1, n - 1]";
    else if (mu != NULL && (fmpq_mat_nrows(mu) * fmpq_mat_ncols(mu) != d
             || (fmpq_mat_nrows(mu) != 1 && fmpq_mat_ncols(mu) != 1)))
        why = "the shift must have d entries";
    for (k = 0; why == NULL && k < d; k++)
    {
        if (cols[k] < 1 || cols[k] > n - 1)
            why = "columns must be in [1, n - 1]";
        for (j = 0; j < k; j++)
            if (cols[j] == cols[k])
                why = "columns must be distinct";
    }
    if (why != NULL && err != NULL && errlen > 0)
        snprintf(err, errlen, "hadamard: %s", why);
    return why == NULL;
}

int
sc_case_gen_hadamard(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                     const slong * cols, const fmpq_mat_t mu,
                     slong y_col, char * err, size_t errlen)
{
    fmpq_mat_t Xt, yt;
    slong i, k;

    if (!sc_hadamard_args_ok(n, d, cols, mu, y_col, err, errlen))
        return SC_EINVAL;

    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(yt, n, 1);
    for (i = 0; i < n; i++)
    {
        for (k = 0; k < d; k++)
        {
            fmpq * x = fmpq_mat_entry(Xt, i, k);

            fmpq_set_si(x, sc_sylvester_entry(i, cols[k]), 1);
            if (mu != NULL)
                fmpq_add(x, x, sc_shift_entry(mu, k));
        }
        fmpq_set_si(fmpq_mat_entry(yt, i, 0), sc_sylvester_entry(i, y_col),
                    1);
    }
    fmpq_mat_swap(X, Xt);
    fmpq_mat_swap(y, yt);

    fmpq_mat_clear(yt);
    fmpq_mat_clear(Xt);
    return SC_OK;
}
