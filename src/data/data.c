/*
 * data.c -- exact derived facts about a dataset; see data.h.
 */
#include "data/data.h"

void
sc_data_dot(fmpq_t res, const fmpq_mat_t u, const fmpq_mat_t v)
{
    slong i;
    fmpq_t t;

    fmpq_init(t);
    fmpq_zero(res);
    for (i = 0; i < fmpq_mat_nrows(u); i++)
    {
        fmpq_mul(t, fmpq_mat_entry(u, i, 0), fmpq_mat_entry(v, i, 0));
        fmpq_add(res, res, t);
    }
    fmpq_clear(t);
}

void
sc_data_center(fmpq_mat_t Xc, const fmpq_mat_t X)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_t mu;
    fmpz_t nz;

    fmpq_init(mu);
    fmpz_init_set_si(nz, n);
    for (j = 0; j < d; j++)
    {
        fmpq_zero(mu);
        for (i = 0; i < n; i++)
            fmpq_add(mu, mu, fmpq_mat_entry(X, i, j));
        fmpq_div_fmpz(mu, mu, nz);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpz_clear(nz);
    fmpq_clear(mu);
}

/* FLINT's multimodular rref (fmpz_mat_rref_mul: a rref modulo a prime,
   lifted by an exact solve on its pivots and accepted only when every
   other row is verified to lie in the span, else the next prime) is an
   order of magnitude faster than fmpq_mat_rref's fraction-free
   elimination on the tall data of the suites (64 x 16: 0.4 ms against
   6.8 ms), and its answer is the same exact rref.  Rows are scaled to
   integers first, which leaves the rref unchanged. */
slong
sc_data_rref(fmpq_mat_t R, const fmpq_mat_t A)
{
    slong r, m = fmpq_mat_nrows(A), n = fmpq_mat_ncols(A);
    fmpz_mat_t Z, E;
    fmpz_t den;

    if (m == 0 || n == 0 || fmpq_mat_is_zero(A))
    {
        fmpq_mat_zero(R);
        return 0;
    }
    fmpz_mat_init(Z, m, n);
    fmpz_mat_init(E, m, n);
    fmpz_init(den);
    fmpq_mat_get_fmpz_mat_rowwise(Z, NULL, A);
    r = fmpz_mat_rref_mul(E, den, Z);
    fmpq_mat_set_fmpz_mat_div_fmpz(R, E, den);
    fmpz_clear(den);
    fmpz_mat_clear(E);
    fmpz_mat_clear(Z);
    return r;
}

void
sc_data_rref_basis(fmpq_mat_t B, const fmpq_mat_t R, slong r)
{
    slong i, j, d = fmpq_mat_ncols(R);

    fmpq_mat_clear(B);
    fmpq_mat_init(B, r, d);
    for (i = 0; i < r; i++)
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(R, i, j));
}

slong
sc_data_row_basis(fmpq_mat_t B, const fmpq_mat_t A)
{
    slong r;
    fmpq_mat_t R;

    fmpq_mat_init(R, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    r = sc_data_rref(R, A);
    sc_data_rref_basis(B, R, r);
    fmpq_mat_clear(R);
    return r;
}

/* With B a row basis (the first r rows of the rref R), w = B^T v solves
   S w = b (S = Xc^T Xc, b = Xc^T y: the normal equations) in the row
   space iff (B S B^T) v = B b; that r x r Gram system is invertible.  At
   full column rank B = I and the system is S itself. */
void
sc_data_lsq_reference_gram(fmpq_mat_t w, const fmpq_mat_t R, slong r,
                           const fmpq_mat_t S, const fmpq_mat_t b)
{
    slong d = fmpq_mat_ncols(R);
    fmpq_mat_t B, Bt, SB, G, rhs, v;

    fmpq_mat_zero(w);
    if (r == 0)
        return;
    if (r == d)
    {
        if (!fmpq_mat_solve(w, S, b))
            flint_abort();  /* S = Xc^T Xc is invertible at rank d */
        return;
    }
    fmpq_mat_init(B, 0, d);
    sc_data_rref_basis(B, R, r);
    fmpq_mat_init(Bt, d, r);
    fmpq_mat_init(SB, d, r);
    fmpq_mat_init(G, r, r);
    fmpq_mat_init(rhs, r, 1);
    fmpq_mat_init(v, r, 1);

    fmpq_mat_transpose(Bt, B);
    fmpq_mat_mul(SB, S, Bt);
    fmpq_mat_mul(G, B, SB);
    fmpq_mat_mul(rhs, B, b);
    if (!fmpq_mat_solve(v, G, rhs))
        flint_abort();      /* G is a Gram matrix of independent rows */
    fmpq_mat_mul(w, Bt, v);

    fmpq_mat_clear(v);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(G);
    fmpq_mat_clear(SB);
    fmpq_mat_clear(Bt);
    fmpq_mat_clear(B);
}

void
sc_data_lsq_reference_rref(fmpq_mat_t w, const fmpq_mat_t Xc,
                           const fmpq_mat_t R, slong r, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq_mat_t Xt, S, b;

    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(S, d, d);
    fmpq_mat_init(b, d, 1);
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(S, Xt, Xc);
    fmpq_mat_mul(b, Xt, y);
    sc_data_lsq_reference_gram(w, R, r, S, b);
    fmpq_mat_clear(b);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Xt);
}

void
sc_data_lsq_reference(fmpq_mat_t w, const fmpq_mat_t Xc, const fmpq_mat_t y)
{
    fmpq_mat_t R;
    slong r;

    fmpq_mat_init(R, fmpq_mat_nrows(Xc), fmpq_mat_ncols(Xc));
    r = sc_data_rref(R, Xc);
    sc_data_lsq_reference_rref(w, Xc, R, r, y);
    fmpq_mat_clear(R);
}

/* Row i of an rref has its pivot, a 1, at its first nonzero column, and
   zeros in that column elsewhere: subtracting v[p_i] R_i for each row
   leaves v - (its projection along the pivots), zero iff v is in the
   span. */
int
sc_data_rref_contains(const fmpq_mat_t R, slong r, const fmpq_mat_t v)
{
    slong i, j, p, d = fmpq_mat_ncols(R);
    fmpq_mat_t u;
    fmpq_t c, t;
    int in;

    fmpq_mat_init_set(u, v);
    fmpq_init(c);
    fmpq_init(t);
    for (i = 0; i < r; i++)
    {
        for (p = 0; p < d && fmpq_is_zero(fmpq_mat_entry(R, i, p)); p++)
            ;
        if (p == d)
            continue;
        fmpq_set(c, fmpq_mat_entry(u, p, 0));
        if (fmpq_is_zero(c))
            continue;
        for (j = p; j < d; j++)
        {
            fmpq_mul(t, c, fmpq_mat_entry(R, i, j));
            fmpq_sub(fmpq_mat_entry(u, j, 0), fmpq_mat_entry(u, j, 0), t);
        }
    }
    in = fmpq_mat_is_zero(u);
    fmpq_clear(t);
    fmpq_clear(c);
    fmpq_mat_clear(u);
    return in;
}

int
sc_data_in_row_space(const fmpq_mat_t Xc, const fmpq_mat_t v)
{
    fmpq_mat_t R;
    slong r;
    int in;

    fmpq_mat_init(R, fmpq_mat_nrows(Xc), fmpq_mat_ncols(Xc));
    r = sc_data_rref(R, Xc);
    in = sc_data_rref_contains(R, r, v);
    fmpq_mat_clear(R);
    return in;
}

static int
sc_data_is_identity(const fmpq_mat_t S)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(S); i++)
        for (j = 0; j < fmpq_mat_ncols(S); j++)
            if (!(i == j ? fmpq_is_one(fmpq_mat_entry(S, i, j))
                         : fmpq_is_zero(fmpq_mat_entry(S, i, j))))
                return 0;
    return 1;
}

void
sc_data_init(sc_data_t D, const sc_case_t c)
{
    slong n = c->n, d = c->d;
    fmpq_mat_t Xt, Sw;
    fmpq_t t;
    fmpz_t nz;

    D->n = n;
    D->d = d;
    fmpq_mat_init(D->Xc, n, d);
    fmpq_mat_init(D->Sigma, d, d);
    fmpq_mat_init(D->Xty, d, 1);
    fmpq_mat_init(D->wstar, d, 1);
    fmpq_init(D->c2);
    fmpq_init(D->c2_sigma);
    fmpq_init(D->y2);
    fmpq_init(D->w0_wstar);
    fmpq_init(D->W0);
    fmpq_init(D->rho0_sq);
    fmpq_init(t);
    fmpz_init(nz);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(Sw, d, 1);

    sc_data_center(D->Xc, c->X);
    fmpq_mat_transpose(Xt, D->Xc);
    fmpq_mat_mul(D->Sigma, Xt, D->Xc);
    fmpz_set_si(nz, n);
    fmpq_mat_scalar_div_fmpz(D->Sigma, D->Sigma, nz);
    fmpq_mat_mul(D->Xty, Xt, c->y);
    D->whitened = sc_data_is_identity(D->Sigma);
    fmpq_mat_init(D->rref, n, d);
    D->rank = sc_data_rref(D->rref, D->Xc);

    D->has_svm = (c->loss == SC_LOSS_LOGISTIC);
    if (D->has_svm)
    {
        sc_svm_init(D->svm, D->Xc, c->y);
        /* Definition 1 needs separability only: wmargin is w* under A3
           and the certified hard margin without it */
        fmpq_mat_set(D->wstar, D->svm->wmargin);
    }
    else
    {
        /* Sigma w = Xty / n is the same system as the normal equations */
        fmpq_mat_t b;

        fmpq_mat_init(b, d, 1);
        fmpq_mat_scalar_div_fmpz(b, D->Xty, nz);
        sc_data_lsq_reference_gram(D->wstar, D->rref, D->rank, D->Sigma, b);
        fmpq_mat_clear(b);
    }
    sc_data_dot(D->c2, D->wstar, D->wstar);
    fmpq_mat_mul(Sw, D->Sigma, D->wstar);
    sc_data_dot(D->c2_sigma, D->wstar, Sw);
    sc_data_dot(D->y2, c->y, c->y);
    if (D->has_svm)
        D->has_ref = D->svm->margin == SC_SVM_MARGIN_OK;
    else
        D->has_ref = !fmpq_is_zero(D->c2);

    sc_data_dot(D->w0_wstar, c->w0, D->wstar);
    sc_data_dot(D->W0, c->w0, c->w0);
    if (D->has_ref && !fmpq_is_zero(D->w0_wstar))
    {
        fmpq_mul(D->rho0_sq, D->W0, D->c2);
        fmpq_mul(t, D->w0_wstar, D->w0_wstar);
        fmpq_sub(D->rho0_sq, D->rho0_sq, t);
        fmpq_div(D->rho0_sq, D->rho0_sq, t);
    }
    D->w0_in_span = sc_data_rref_contains(D->rref, D->rank, c->w0);

    fmpq_mat_clear(Sw);
    fmpq_mat_clear(Xt);
    fmpz_clear(nz);
    fmpq_clear(t);
}

void
sc_data_clear(sc_data_t D)
{
    if (D->has_svm)
        sc_svm_clear(D->svm);
    fmpq_clear(D->rho0_sq);
    fmpq_clear(D->W0);
    fmpq_clear(D->w0_wstar);
    fmpq_clear(D->y2);
    fmpq_clear(D->c2_sigma);
    fmpq_clear(D->c2);
    fmpq_mat_clear(D->wstar);
    fmpq_mat_clear(D->rref);
    fmpq_mat_clear(D->Xty);
    fmpq_mat_clear(D->Sigma);
    fmpq_mat_clear(D->Xc);
}
