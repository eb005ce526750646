/*
 * svm_lambda.c -- certified enclosures of the least and largest nonzero
 * eigenvalues of Sigma = X~^T X~ / n, from its exact characteristic
 * polynomial.  No floating-point eigensolver is involved.
 *
 * With X~ = Xi / D (Xi integer), the nonzero eigenvalues of Sigma are
 * mu / (D^2 n) for the nonzero eigenvalues mu of the integer matrix
 * Xi Xi^T (or Xi^T Xi, whichever is smaller: the nonzero spectra agree).
 * Its characteristic polynomial chi(x) is computed exactly (FLINT,
 * multimodular), the factor x^k dropped, and x replaced by D^2 n x, which
 * scales coefficient i by (D^2 n)^i.  The roots of that integer polynomial
 * are the nonzero eigenvalues of Sigma.  Arb then isolates the roots of
 * its squarefree part (a symmetric matrix has repeated eigenvalues, and
 * root isolation needs simple roots) with certified disjoint enclosures.
 */
#include "data/svm.h"
#include "acb.h"
#include "arb_fmpz_poly.h"
#include "flint/fmpz_mat.h"

void
sc_svm_charpoly(fmpz_poly_t p, const fmpq_mat_t Xc)
{
    slong n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc), m, k, i;
    fmpz_mat_t Xi, Xt, G;
    fmpz_t D, s, si;

    fmpz_init(D);
    fmpz_init(s);
    fmpz_init(si);
    fmpz_mat_init(Xi, n, d);
    fmpz_mat_init(Xt, d, n);
    fmpq_mat_get_fmpz_mat_matwise(Xi, D, Xc);
    fmpz_mat_transpose(Xt, Xi);
    m = FLINT_MIN(n, d);
    fmpz_mat_init(G, m, m);
    if (n <= d)
        fmpz_mat_mul(G, Xi, Xt);
    else
        fmpz_mat_mul(G, Xt, Xi);
    fmpz_mat_charpoly(p, G);

    for (k = 0; k < fmpz_poly_length(p)
                && fmpz_is_zero(p->coeffs + k); k++)
        ;
    fmpz_poly_shift_right(p, p, k);
    fmpz_mul(s, D, D);
    fmpz_mul_si(s, s, n);
    fmpz_one(si);
    for (i = 0; i < fmpz_poly_length(p); i++)
    {
        fmpz_mul(p->coeffs + i, p->coeffs + i, si);
        fmpz_mul(si, si, s);
    }
    fmpz_poly_primitive_part(p, p);

    fmpz_mat_clear(G);
    fmpz_mat_clear(Xt);
    fmpz_mat_clear(Xi);
    fmpz_clear(si);
    fmpz_clear(s);
    fmpz_clear(D);
}

/* q = the squarefree part of the characteristic polynomial: its roots are
   the distinct nonzero eigenvalues, each simple (root isolation needs
   simple roots) */
static void
sc_svm_squarefree(fmpz_poly_t q, const sc_svm_t S)
{
    fmpz_poly_t g;

    fmpz_poly_init(g);
    fmpz_poly_derivative(g, S->charpoly);
    fmpz_poly_gcd(g, S->charpoly, g);
    fmpz_poly_div(q, S->charpoly, g);
    fmpz_poly_clear(g);
}

void
sc_svm_lambda(arb_t lmin, arb_t lmax, const sc_svm_t S, slong prec)
{
    fmpz_poly_t q;
    acb_ptr roots;
    slong i, deg;

    fmpz_poly_init(q);
    sc_svm_squarefree(q, S);
    deg = fmpz_poly_degree(q);
    if (deg < 1)
    {
        arb_indeterminate(lmin);
        arb_indeterminate(lmax);
        fmpz_poly_clear(q);
        return;
    }
    roots = _acb_vec_init(deg);
    arb_fmpz_poly_complex_roots(roots, q, 0, prec);
    /* the roots are real (Sigma is symmetric): each lies in the real part
       of its enclosure, so min / max of the real parts enclose lambda */
    arb_set(lmin, acb_realref(roots));
    arb_set(lmax, acb_realref(roots));
    for (i = 1; i < deg; i++)
    {
        arb_min(lmin, lmin, acb_realref(roots + i), prec);
        arb_max(lmax, lmax, acb_realref(roots + i), prec);
    }
    _acb_vec_clear(roots, deg);
    fmpz_poly_clear(q);
}

/* Counts the isolating enclosures of the roots of q (deg of them, real
   parts) certifiably below m2, above m2, and containing it; 1 when every
   enclosure is decided and at most the exact root m2 (equal = 1 only
   when root is set) remains undecided. */
static int
sc_svm_count(slong * below, slong * equal, slong * above,
             const fmpz_poly_t q, const fmpq_t m2, int root, slong prec)
{
    slong i, deg = fmpz_poly_degree(q);
    acb_ptr roots = _acb_vec_init(deg);
    arb_t x;

    arb_init(x);
    arb_set_fmpq(x, m2, prec);
    arb_fmpz_poly_complex_roots(roots, q, 0, prec);
    *below = *equal = *above = 0;
    for (i = 0; i < deg; i++)
    {
        if (arb_lt(acb_realref(roots + i), x))
            (*below)++;
        else if (arb_gt(acb_realref(roots + i), x))
            (*above)++;
        else
            (*equal)++;
    }
    arb_clear(x);
    _acb_vec_clear(roots, deg);
    return *equal == (root ? 1 : 0);
}

/* one attempt of sc_svm_m2_position at prec */
typedef struct
{
    slong * below, * equal, * above;
    const fmpz_poly_struct * q;
    const fmpq * m2;
    int root;
}
sc_svm_count_struct;

static int
sc_svm_count_attempt(void * arg, slong prec, int last)
{
    sc_svm_count_struct * a = arg;

    (void) last;
    return sc_svm_count(a->below, a->equal, a->above, a->q, a->m2, a->root,
                        prec) ? SC_OK : SC_UNABLE;
}

int
sc_svm_m2_position(slong * below, slong * equal, slong * above,
                   const sc_svm_t S)
{
    fmpz_poly_t q;
    fmpq_t v;
    int status = SC_UNABLE;     /* no root to place: as before, undecided */

    fmpz_poly_init(q);
    fmpq_init(v);
    sc_svm_squarefree(q, S);
    /* m^2 is an eigenvalue iff it is a root: an exact evaluation over Q;
       the isolating enclosures are disjoint, so then exactly one of them
       keeps containing it while the others separate from it (the roots
       are isolated for certain at some precision: the cap only bounds the
       work on a pathological polynomial) */
    fmpz_poly_evaluate_fmpq(v, q, S->m2);
    *below = *equal = *above = 0;
    if (fmpz_poly_degree(q) >= 1)
    {
        sc_svm_count_struct a = { below, equal, above, q, S->m2,
                                  fmpq_is_zero(v) };

        status = sc_escalate(NULL, 64, 65536, sc_svm_count_attempt, &a);
    }
    fmpq_clear(v);
    fmpz_poly_clear(q);
    return status;
}
