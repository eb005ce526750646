/*
 * gen_plain.c -- seeded data with no structure: integer entries in [-4, 4]
 * and labels +-1.  Sigma is generically far from I, which is the point:
 * suites use it to show that checkers needing whitened data say
 * NOT-APPLICABLE rather than pass.
 *
 * Draw order (part of what a seed means): X row by row, redrawn while all
 * rows are equal (the centred data would be 0), then y.
 */
#include <stdio.h>
#include "cases/cases.h"

#define SC_PLAIN_TRIES 64

static void
sc_seeded_integers(fmpq_mat_t X, sc_rand_t r)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(X); i++)
        for (j = 0; j < fmpq_mat_ncols(X); j++)
            fmpq_set_si(fmpq_mat_entry(X, i, j), sc_rand_range(r, -4, 4), 1);
}

/* Centred data of rank 0 means every row equals row 0. */
static int
sc_rows_all_equal(const fmpq_mat_t X)
{
    slong i, j;

    for (i = 1; i < fmpq_mat_nrows(X); i++)
        for (j = 0; j < fmpq_mat_ncols(X); j++)
            if (!fmpq_equal(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, 0, j)))
                return 0;
    return 1;
}

int
sc_case_gen_plain(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d, ulong seed,
                  char * err, size_t errlen)
{
    fmpq_mat_t Xt, yt;
    sc_rand_t r;
    slong tries;
    int rc = SC_OK;

    if (n < 2 || d < 1 || n > SC_CASE_MAX_DIM || d > SC_CASE_MAX_DIM
        || n * d > SC_CASE_MAX_ENTRIES)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "plain: need 2 <= n, 1 <= d, both <= %d, "
                     "n*d <= %d", SC_CASE_MAX_DIM, SC_CASE_MAX_ENTRIES);
        return SC_EINVAL;
    }

    sc_rand_init(r, seed);
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(yt, n, 1);

    /* all rows equal has probability 9^(-d(n-1)) <= 1/9 per draw */
    for (tries = 0; tries < SC_PLAIN_TRIES; tries++)
    {
        sc_seeded_integers(Xt, r);
        if (!sc_rows_all_equal(Xt))
            break;
    }
    if (tries == SC_PLAIN_TRIES)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "plain: no non-constant data after %d "
                     "draws", SC_PLAIN_TRIES);
        rc = SC_EINVAL;
        goto cleanup;
    }
    sc_rand_labels(yt, r);
    fmpq_mat_swap(X, Xt);
    fmpq_mat_swap(y, yt);

cleanup:
    fmpq_mat_clear(yt);
    fmpq_mat_clear(Xt);
    return rc;
}
