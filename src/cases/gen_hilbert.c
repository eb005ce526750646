/*
 * gen_hilbert.c -- the ill-conditioned, overparameterised data of the
 * paper's Section 6 / Figure 3 ([F3], THEOREMS.md section 6): slice a
 * Hilbert matrix, rotate it, add Gaussian noise, n < d.
 *
 *   X = P H Q + sigma E,   y_i = sign(<x~_i, v>)   (+1 on a tie)
 *
 * H (n x d) is the leading block of the Hilbert matrix, H_ij = 1/(i+j-1)
 * for i = 1..n, j = 1..d (condition number about 10^(1.5 n): its rows are
 * nearly parallel); P (n x n) and Q (d x d) are seeded Cayley rotations
 * (exactly orthogonal rationals); E has seeded Irwin-Hall entries (mean 0,
 * variance 1 - 2^-64, exact dyadic rationals); sigma >= 0 is the exact
 * noise scale of the case file.  The labels are the signs of a seeded
 * integer reference score v in [-3, 3]^d on the centred data, so they are
 * +-1 for both losses (the model of THEOREMS.md s.1 is defined on signed
 * margins); if they all agree, y_1 is flipped, as sc_rand_labels does.
 * With n < d and X~ of rank n - 1 any non-constant labels are linearly
 * separable, so the logistic case is valid too.
 *
 * Draw order (part of what a seed means): P's skew part, Q's skew part,
 * E row by row, v.
 */
#include <stdio.h>
#include "cases/cases.h"
#include "data/data.h"

/* Exact entries of P H Q + sigma E carry denominators of hundreds of bits,
   and the exact data facts (Sigma, rank, w*) and the near-reference state
   cost about n d^2 operations on them: a whole case takes 0.4 s of CPU at
   n = 31, d = 32 and 12 s at n = 63, d = 64 (far more under ASan, past the
   fuzzer's per-input timeout).  Beyond this a few bytes of case file could
   tie up the machine. */
#define SC_HILBERT_MAX_D 32

static void
sc_hilbert_block(fmpq_mat_t H)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(H); i++)
        for (j = 0; j < fmpq_mat_ncols(H); j++)
            fmpq_set_si(fmpq_mat_entry(H, i, j), 1, i + j + 1);
}

/* X += sigma E, E seeded Irwin-Hall, row by row. */
static void
sc_hilbert_noise(fmpq_mat_t X, const fmpq_t sigma, sc_rand_t r)
{
    slong i, j;
    fmpq_t z;

    fmpq_init(z);
    for (i = 0; i < fmpq_mat_nrows(X); i++)
        for (j = 0; j < fmpq_mat_ncols(X); j++)
        {
            sc_rand_normal_dyadic(z, r);
            fmpq_mul(z, z, sigma);
            fmpq_add(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, i, j), z);
        }
    fmpq_clear(z);
}

/* y_i = sign(<x~_i, v>), v seeded in [-3, 3]^d; y_1 flipped if constant. */
static void
sc_hilbert_labels(fmpq_mat_t y, const fmpq_mat_t X, sc_rand_t r)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, v, s;
    int all_equal = 1;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(v, d, 1);
    fmpq_mat_init(s, n, 1);
    for (j = 0; j < d; j++)
        fmpq_set_si(fmpq_mat_entry(v, j, 0), sc_rand_range(r, -3, 3), 1);
    sc_data_center(Xc, X);
    fmpq_mat_mul(s, Xc, v);
    for (i = 0; i < n; i++)
    {
        fmpq_set_si(fmpq_mat_entry(y, i, 0),
                    fmpq_sgn(fmpq_mat_entry(s, i, 0)) < 0 ? -1 : 1, 1);
        if (!fmpq_equal(fmpq_mat_entry(y, i, 0), fmpq_mat_entry(y, 0, 0)))
            all_equal = 0;
    }
    if (all_equal && n > 1)
        fmpq_neg(fmpq_mat_entry(y, 0, 0), fmpq_mat_entry(y, 0, 0));
    fmpq_mat_clear(s);
    fmpq_mat_clear(v);
    fmpq_mat_clear(Xc);
}

int
sc_case_gen_hilbert(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                    const fmpq_t sigma, ulong seed, char * err,
                    size_t errlen)
{
    fmpq_mat_t H, P, Q, PH, Xt, yt;
    sc_rand_t r;

    if (n < 2 || d <= n || d > SC_HILBERT_MAX_D || fmpq_sgn(sigma) < 0)
    {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "hilbert: need 2 <= n < d <= %d "
                     "(overparameterised) and noise >= 0, got n = %lld, "
                     "d = %lld", SC_HILBERT_MAX_D, (long long) n,
                     (long long) d);
        return SC_EINVAL;
    }

    sc_rand_init(r, seed);
    fmpq_mat_init(H, n, d);
    fmpq_mat_init(P, n, n);
    fmpq_mat_init(Q, d, d);
    fmpq_mat_init(PH, n, d);
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(yt, n, 1);

    sc_hilbert_block(H);
    sc_case_cayley_columns(P, n, n, r);
    sc_case_cayley_columns(Q, d, d, r);
    fmpq_mat_mul(PH, P, H);
    fmpq_mat_mul(Xt, PH, Q);
    sc_hilbert_noise(Xt, sigma, r);
    sc_hilbert_labels(yt, Xt, r);
    fmpq_mat_swap(X, Xt);
    fmpq_mat_swap(y, yt);

    fmpq_mat_clear(yt);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(PH);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(P);
    fmpq_mat_clear(H);
    return SC_OK;
}
