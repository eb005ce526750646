/*
 * gen_whitened.c -- exactly whitened data: Sigma = I and 1^T X~ = 0 hold in
 * rational arithmetic, not approximately.
 *
 * With n = k^2, the Householder reflection H = I - 2 v v^T / (v^T v),
 * v = e1 - 1/k, maps e1 to 1/k, so its columns 2..n are orthonormal and
 * orthogonal to 1; and the Cayley transform Q = (I - K)(I + K)^-1 of an
 * integer skew K is a rational orthogonal matrix.  X~ = k H[:, 1..n-1]
 * Q[:, 0..d-1] then has X~^T X~ = k^2 I = n I and zero column sums.  The
 * factor k is what makes the square root in the normalisation rational.
 *
 * The stream of sc_rand draws is part of the definition (it fixes what a
 * seed means): K above the diagonal row by row, then mu, then y.
 */
#include <stdio.h>
#include "cases/cases.h"

/* The entries of Q have denominators det(I + K) of about n log2(n) bits,
   so time and memory grow like n^4: n = 400, d = 399 takes about 12 s and
   260 MB, n = 576 already 1 GB.  Beyond this a case file of a few bytes
   could exhaust the machine. */
#define SC_WHITENED_MAX_N 400

/* Xt (n x d) = k H[:, 1..n-1] Q.  For j >= 1, H[:, j] = e_j + v / (k - 1),
   so row 0 of Xt is s = 1^T Q and row i >= 1 is k Q[i-1, :] - s / (k - 1):
   O(n d) work instead of a dense product. */
static void
sc_householder_apply(fmpq_mat_t Xt, const fmpq_mat_t Q, slong k)
{
    slong i, j, n = fmpq_mat_nrows(Xt), d = fmpq_mat_ncols(Xt);
    fmpq_t s, t;
    fmpz_t km1;

    fmpq_init(s);
    fmpq_init(t);
    fmpz_init_set_si(km1, k - 1);
    for (j = 0; j < d; j++)
    {
        fmpq_zero(s);
        for (i = 0; i < n - 1; i++)
            fmpq_add(s, s, fmpq_mat_entry(Q, i, j));
        fmpq_set(fmpq_mat_entry(Xt, 0, j), s);
        fmpq_div_fmpz(t, s, km1);
        for (i = 1; i < n; i++)
        {
            fmpq_mul_si(fmpq_mat_entry(Xt, i, j), fmpq_mat_entry(Q, i - 1, j),
                        k);
            fmpq_sub(fmpq_mat_entry(Xt, i, j), fmpq_mat_entry(Xt, i, j), t);
        }
    }
    fmpz_clear(km1);
    fmpq_clear(t);
    fmpq_clear(s);
}

/* X += 1 mu^T with mu_j = a seeded integer in [-3, 3] over 2. */
static void
sc_shift_half_integers(fmpq_mat_t X, sc_rand_t r)
{
    slong i, j;
    fmpq_t mu;

    fmpq_init(mu);
    for (j = 0; j < fmpq_mat_ncols(X); j++)
    {
        fmpq_set_si(mu, sc_rand_range(r, -3, 3), 2);
        for (i = 0; i < fmpq_mat_nrows(X); i++)
            fmpq_add(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpq_clear(mu);
}

int
sc_case_gen_whitened(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                     ulong seed, char * err, size_t errlen)
{
    fmpq_mat_t Xt, yt, Q;
    sc_rand_t r;
    slong k;

    for (k = 2; k * k < n && k <= SC_WHITENED_MAX_N; k++)
        ;
    if (n < 4 || n > SC_WHITENED_MAX_N || k * k != n)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "whitened: n = %lld must be a perfect "
                     "square in [4, %d] (exact generation cost grows like "
                     "n^4)", (long long) n, SC_WHITENED_MAX_N);
        return SC_EINVAL;
    }
    if (d < 1 || d > n - 1 || n * d > SC_CASE_MAX_ENTRIES)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "whitened: d = %lld must be in [1, n - 1] "
                     "with n*d <= %d", (long long) d, SC_CASE_MAX_ENTRIES);
        return SC_EINVAL;
    }

    sc_rand_init(r, seed);
    fmpq_mat_init(Q, n - 1, d);
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(yt, n, 1);

    sc_case_cayley_columns(Q, n - 1, d, r);
    sc_householder_apply(Xt, Q, k);
    sc_shift_half_integers(Xt, r);
    sc_rand_labels(yt, r);
    fmpq_mat_swap(X, Xt);
    fmpq_mat_swap(y, yt);

    fmpq_mat_clear(yt);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Q);
    return SC_OK;
}
