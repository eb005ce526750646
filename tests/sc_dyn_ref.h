/*
 * sc_dyn_ref.h -- what test_dyn.c and test_grad.c share: the 16 x 6
 * Walsh-Hadamard case of THEOREMS.md section 7 and random integer cases
 * built in memory, random rational states, and the exact square-loss
 * gradient (fmpq, from the unsimplified chain rule) that both compare
 * against.  Header-only, after sc_test.h.
 */
#ifndef SC_DYN_REF_H
#define SC_DYN_REF_H

#include "dyn/dyn.h"

/* ---- cases built in memory --------------------------------------------- */

/*
 * The 16 x 6 Walsh-Hadamard case of THEOREMS.md section 7: columns
 * 3,5,6,9,10,12, y = column 3 (so w* = e1, c = 1), gamma0 = 1/20, eta = 3,
 * eta_gamma = 1/200, w0 = (1, 1/50, 0, 0, 0, 0).  Sigma = I exactly.
 */
static inline void
hadamard_case(sc_case_t c, sc_loss_t loss, slong steps, slong prec)
{
    slong i, j;

    sc_case_set_dims(c, 16, 6);
    c->loss = loss;
    for (i = 0; i < 16; i++)
    {
        for (j = 0; j < 6; j++)
            fmpq_set_si(fmpq_mat_entry(c->X, i, j),
                        sylvester(i, hadamard_cols[j]), 1);
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), sylvester(i, 3), 1);
    }
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_set_si(fmpq_mat_entry(c->w0, 1, 0), 1, 50);
    fmpq_set_si(c->gamma0, 1, 20);
    fmpq_set_si(c->eta, 3, 1);
    fmpq_set_si(c->eta_gamma, 1, 200);
    c->steps = steps;
    c->precision = prec;
}

/* Random labels and a random rational shift of the columns (Sigma = I
   still): the gradient tests should not lean on w* = e1. */
static inline void
hadamard_randomise(sc_case_t c, flint_rand_t r)
{
    slong i, j;
    fmpq_t mu;

    fmpq_init(mu);
    for (j = 0; j < c->d; j++)
    {
        fmpq_randtest(mu, r, 20);
        for (i = 0; i < c->n; i++)
            fmpq_add(fmpq_mat_entry(c->X, i, j), fmpq_mat_entry(c->X, i, j),
                     mu);
    }
    for (i = 0; i < c->n; i++)
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), n_randint(r, 2) ? 1 : -1, 1);
    fmpq_clear(mu);
}

/* Random integer data in [-3, 3], labels +-1; n x d. */
static inline void
rand_int_case(sc_case_t c, slong n, slong d, sc_loss_t loss,
              flint_rand_t r)
{
    slong i, j;

    sc_case_set_dims(c, n, d);
    c->loss = loss;
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_set_si(fmpq_mat_entry(c->X, i, j),
                        (slong) n_randint(r, 7) - 3, 1);
        fmpq_set_si(fmpq_mat_entry(c->y, i, 0), n_randint(r, 2) ? 1 : -1, 1);
    }
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_set_si(c->gamma0, 1, 2);
    fmpq_set_si(c->eta, 1, 10);
    fmpq_set_si(c->eta_gamma, 1, 10);
    c->steps = 1;
    c->precision = 128;
}

/*
 * A random rational unit vector of length d >= 2: the inverse
 * stereographic projection (2a, S - 1) / (S + 1), S = |a|^2, of an integer
 * point a (some coordinates 0), then permuted and signed at random.
 */
static inline void
rand_rational_unit(fmpq * u, slong d, flint_rand_t r)
{
    slong i, k;
    fmpz_t S;

    fmpz_init(S);
    do
    {
        fmpz_zero(S);
        for (i = 0; i + 1 < d; i++)
        {
            slong a = (n_randint(r, 4) == 0) ? 0
                      : (slong) n_randint(r, 41) - 20;

            fmpq_set_si(u + i, 2 * a, 1);
            fmpz_add_ui(S, S, (ulong) (a * a));
        }
    }
    while (fmpz_is_zero(S));
    fmpz_sub_ui(fmpq_numref(u + d - 1), S, 1);
    fmpz_add_ui(fmpq_denref(u + d - 1), S, 1);
    fmpq_canonicalise(u + d - 1);
    fmpz_add_ui(S, S, 1);
    for (i = 0; i + 1 < d; i++)
        fmpq_div_fmpz(u + i, u + i, S);
    for (i = d - 1; i > 0; i--)
    {
        k = (slong) n_randint(r, i + 1);
        fmpq_swap(u + i, u + k);
    }
    for (i = 0; i < d; i++)
        if (n_randint(r, 2))
            fmpq_neg(u + i, u + i);
    fmpz_clear(S);
}

/* ---- independent references -------------------------------------------- */

/* v = X~ w exactly (n entries). */
static inline void
exact_v(fmpq * v, const fmpq_mat_t Xc, const fmpq * w)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(Xc); i++)
    {
        fmpq_zero(v + i);
        for (j = 0; j < fmpq_mat_ncols(Xc); j++)
            fmpq_addmul(v + i, fmpq_mat_entry(Xc, i, j), w + j);
    }
}

/*
 * Square loss with N = ||w||_Sigma rational (N given): the unsimplified
 * chain rule, every quantity exact:
 *   z = gamma v / N, r = z - y, P r = v (v.r) / ||v||^2,
 *   grad_w = (gamma / N) (1/n) X~^T (r - P r),
 *   dL/dgamma = (1/n) r.v / N,  L = ||r||^2 / (2n).
 */
static inline void
exact_square_grad(fmpq * g, fmpq_t gg, fmpq_t L, const fmpq_mat_t Xc,
                  const fmpq_mat_t y, const fmpq * w, const fmpq_t gamma,
                  const fmpq_t N)
{
    slong i, j, n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq * v = _fmpq_vec_init(n);
    fmpq * res = _fmpq_vec_init(n);
    fmpq_t k, vr, vv, t, inv_n;

    fmpq_init(k);
    fmpq_init(vr);
    fmpq_init(vv);
    fmpq_init(t);
    fmpq_init(inv_n);
    fmpq_set_si(inv_n, 1, n);
    exact_v(v, Xc, w);
    fmpq_div(k, gamma, N);
    fmpq_zero(vr);
    fmpq_zero(vv);
    fmpq_zero(L);
    for (i = 0; i < n; i++)
    {
        fmpq_mul(res + i, k, v + i);
        fmpq_sub(res + i, res + i, fmpq_mat_entry(y, i, 0));
        fmpq_addmul(vr, v + i, res + i);
        fmpq_addmul(vv, v + i, v + i);
        fmpq_addmul(L, res + i, res + i);
    }
    fmpq_mul(L, L, inv_n);
    fmpq_div_2exp(L, L, 1);
    fmpq_div(gg, vr, N);
    fmpq_mul(gg, gg, inv_n);
    fmpq_div(t, vr, vv);
    for (i = 0; i < n; i++)
        fmpq_submul(res + i, t, v + i);         /* (I - P) r */
    for (j = 0; j < d; j++)
    {
        fmpq_zero(g + j);
        for (i = 0; i < n; i++)
            fmpq_addmul(g + j, fmpq_mat_entry(Xc, i, j), res + i);
        fmpq_mul(g + j, g + j, k);
        fmpq_mul(g + j, g + j, inv_n);
    }
    fmpq_clear(inv_n);
    fmpq_clear(t);
    fmpq_clear(vv);
    fmpq_clear(vr);
    fmpq_clear(k);
    _fmpq_vec_clear(res, n);
    _fmpq_vec_clear(v, n);
}

static inline void
rand_gamma(fmpq_t g, flint_rand_t r)
{
    fmpq_set_si(g, (slong) n_randint(r, 1 << 12) - (1 << 11), 1 << 10);
    if (fmpq_is_zero(g))
        fmpq_set_si(g, 1, 3);
}

/* ||X~ w|| > 0: the model is defined at w */
static inline int
w_defined(const fmpq_mat_t Xc, const fmpq * w)
{
    slong i, n = fmpq_mat_nrows(Xc);
    fmpq * v = _fmpq_vec_init(n);
    int ok = 0;

    exact_v(v, Xc, w);
    for (i = 0; i < n; i++)
        ok |= !fmpq_is_zero(v + i);
    _fmpq_vec_clear(v, n);
    return ok;
}

#endif
