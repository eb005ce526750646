/*
 * split.c -- full GD for the square loss in split coordinates: the state
 * w = u w* + e, with w* the (rational, unnormalised) reference direction
 * and e perpendicular to it, carried as z = (u, c), c = e without its
 * pivot coordinate p (the largest |w*_p|): e_p = -sum_{j != p} v_j c_j,
 * v_j = w*_j / w*_p, puts e in w*^perp exactly for every c.
 *
 * Why this representation: in absolute coordinates the perpendicular part
 * b = ||w - a u*|| = rho a is a difference of numbers of size ||w||, so an
 * enclosure of w keeps b only to about prec - log2(1/rho) bits and the
 * precision a run needs grows with log2(1/rho) (issue 14).  Here e is a
 * variable of its own, and its update is formed only from terms that are
 * proportional to e or exact data terms: with G = X~^T X~ = n Sigma,
 * P = I - w* w*^T / (w*.w*), M = P G P, Gs = G w*, PGs = P G w* and
 * PGb = P X~^T y (all exact rationals, formed once per case, rounded once),
 * and for e perpendicular to w*,
 *   S = ||X~ w||^2 = u^2 (w*.Gs) + 2 u (Gs.e) + e.M e,
 *   q = y.X~ w     = u (w*.X~^T y) + PGb.e,
 *   r = q / S,  N = sqrt(S / n),  K = gamma / (n N),
 *   w*.grad_w L    = K (r (u w*.Gs + Gs.e) - w*.X~^T y),
 *   P grad_w L     = K (r (u PGs + M e) - PGb),
 *   dL/dgamma      = gamma - q / (n N),
 *   L              = ||y||^2 / 2n - K q + gamma^2 / 2,
 * and u+ = decay u - eta (w*.grad_w L) / (w*.w*), e+ = decay e - eta P
 * grad_w L (so c+ is e+ off the pivot).  This is the chain-rule gradient
 * of grad.c (the square loss through the Gram matrix) in the coordinates
 * (u, c): exact identities on the real data, no whitening shortcut.  On
 * whitened data w* is the least-squares solution, PGs = PGb = 0 exactly
 * and the c-block of the step's Jacobian is (1 - eta K r n) I plus a
 * rank-one term proportional to e: c shrinks by a factor and keeps its
 * relative accuracy however small rho = ||e|| / (u ||w*||) gets.  (With e
 * itself as the variable, the Jacobian would be (1 - h) P + w* w*^T / c2:
 * the w* direction of e's box keeps its width while e shrinks, and the
 * entries of P make the radii grow by |P|'s row sums per step.)  On
 * Sigma != I data PGs and PGb are simply nonzero and enter as they are.
 *
 * The exact terms are carried in the coordinates c where that is the
 * same number: M e = A c with A = M Q (d x (d-1), Q the basis e = Q c),
 * Gs.e = (Q^T Gs).c, PGb.e = (Q^T PGb).c, PGs.e = (Q^T PGs).c.  A dot
 * with an exact zero costs nothing and widens nothing, and on whitened
 * data A's rows but p are n times a unit row and Q^T Gs = 0: M e costs
 * O(d), not the d^2 of the dense P G P (P is dense), which made a split
 * step slower than an absolute one (issue 14).
 *
 * The mean-value form F(mid) + J(box) (box - mid) of full.c encloses the
 * step over the box; J is formed at gamma = 1 (the square loss's step is
 * affine in gamma, full.c's affine mode).  Its c-block is
 * -eta (V d(Kr)^T + Kr A - PGb dK^T) (rows off the pivot) plus the decay:
 * a scaled A and rank-one terms, one product an entry where A is zero.
 * Since c shrinks by a factor each step, the box cannot be stretched to
 * hold the next states (full.c's reuse rule), and J is formed every
 * step: its cost is what the step costs.
 */
#include "dyn/dyn.h"
#include "num/num.h"

static void
sc_split_set_vec(arb_ptr v, const fmpq_mat_t x, slong d, slong prec)
{
    slong j;

    for (j = 0; j < d; j++)
        arb_set_fmpq(v + j, fmpq_mat_entry(x, j, 0), prec);
}

/* The pivot: the largest |w*_j| (the first of equal ones). */
static slong
sc_split_pivot(const fmpq_mat_t ws, slong d)
{
    slong j, p = 0;
    fmpq_t a, b;

    fmpq_init(a);
    fmpq_init(b);
    for (j = 1; j < d; j++)
    {
        fmpq_abs(a, fmpq_mat_entry(ws, j, 0));
        fmpq_abs(b, fmpq_mat_entry(ws, p, 0));
        if (fmpq_cmp(a, b) > 0)
            p = j;
    }
    fmpq_clear(b);
    fmpq_clear(a);
    return p;
}

/* x (d x 1) = P y = y - w* (w*.y) / c2, exactly. */
static void
sc_split_project(fmpq_mat_t x, const fmpq_mat_t y, const sc_data_t data)
{
    slong j;
    fmpq_t s, t;

    fmpq_init(s);
    fmpq_init(t);
    sc_data_dot(s, data->wstar, y);
    fmpq_div(s, s, data->c2);
    for (j = 0; j < data->d; j++)
    {
        fmpq_mul(t, fmpq_mat_entry(data->wstar, j, 0), s);
        fmpq_sub(fmpq_mat_entry(x, j, 0), fmpq_mat_entry(y, j, 0), t);
    }
    fmpq_clear(t);
    fmpq_clear(s);
}

/* The exact terms of the top comment, formed once per case in fmpq (a
   run rounds them at its precision and at its Jacobian's). */
typedef struct
{
    slong p;
    fmpq_mat_t Gs, PGs, PGb;        /* d x 1 */
    fmpq_mat_t QGs, QPGs, QPGb;     /* (d - 1) x 1: Q^T of each */
    fmpq_mat_t A;                   /* M Q, d x (d - 1) */
    fmpq_mat_t v;                   /* (d - 1) x 1 */
    fmpq_mat_t z0;                  /* d x 1: (u0, c0) */
    fmpq_t sGs, sGb;
}
sc_split_exact_struct;

/* (Q^T x)_k = x_{j_k} - v_k x_p, exactly (x d x 1, res (d - 1) x 1). */
static void
sc_split_qt_exact(fmpq_mat_t res, const sc_split_exact_struct * E,
                  const fmpq_mat_t x, slong d)
{
    slong i, k;
    fmpq_t t;

    fmpq_init(t);
    for (k = 0, i = 0; i < d; i++)
    {
        if (i == E->p)
            continue;
        fmpq_mul(t, fmpq_mat_entry(E->v, k, 0), fmpq_mat_entry(x, E->p, 0));
        fmpq_sub(fmpq_mat_entry(res, k, 0), fmpq_mat_entry(x, i, 0), t);
        k++;
    }
    fmpq_clear(t);
}

static void
sc_split_exact_init(sc_split_exact_struct * E, const sc_case_t c,
                    const sc_data_t data)
{
    slong i, j, k, l, n = c->n, d = c->d, p;
    fmpq_mat_t G, M, col, e0;
    fmpq_t t, u0;

    E->p = p = sc_split_pivot(data->wstar, d);
    fmpq_mat_init(E->Gs, d, 1);
    fmpq_mat_init(E->PGs, d, 1);
    fmpq_mat_init(E->PGb, d, 1);
    fmpq_mat_init(E->QGs, d - 1, 1);
    fmpq_mat_init(E->QPGs, d - 1, 1);
    fmpq_mat_init(E->QPGb, d - 1, 1);
    fmpq_mat_init(E->A, d, d - 1);
    fmpq_mat_init(E->v, d - 1, 1);
    fmpq_mat_init(E->z0, d, 1);
    fmpq_init(E->sGs);
    fmpq_init(E->sGb);
    fmpq_mat_init(G, d, d);
    fmpq_mat_init(M, d, d);
    fmpq_mat_init(col, d, 1);
    fmpq_mat_init(e0, d, 1);
    fmpq_init(t);
    fmpq_init(u0);

    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            fmpq_mul_si(fmpq_mat_entry(G, i, j),
                        fmpq_mat_entry(data->Sigma, i, j), n);
    fmpq_mat_mul(E->Gs, G, data->wstar);
    sc_data_dot(E->sGs, data->wstar, E->Gs);
    sc_data_dot(E->sGb, data->wstar, data->Xty);
    sc_split_project(E->PGs, E->Gs, data);
    sc_split_project(E->PGb, data->Xty, data);
    /* M = P G P: P applied to the columns of G, then to the rows (G and
       P symmetric) */
    for (j = 0; j < d; j++)
    {
        for (i = 0; i < d; i++)
            fmpq_set(fmpq_mat_entry(col, i, 0), fmpq_mat_entry(G, i, j));
        sc_split_project(col, col, data);
        for (i = 0; i < d; i++)
            fmpq_set(fmpq_mat_entry(M, i, j), fmpq_mat_entry(col, i, 0));
    }
    for (i = 0; i < d; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(col, j, 0), fmpq_mat_entry(M, i, j));
        sc_split_project(col, col, data);
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(M, i, j), fmpq_mat_entry(col, j, 0));
    }
    /* v_l = w*_{j_l} / w*_p and A_il = (M Q)_{i l} = M_{i j_l}
       - M_{i p} v_l, l over the coordinates j_l != p */
    for (l = 0, j = 0; j < d; j++)
    {
        if (j == p)
            continue;
        fmpq_div(fmpq_mat_entry(E->v, l, 0), fmpq_mat_entry(data->wstar, j, 0),
                 fmpq_mat_entry(data->wstar, p, 0));
        for (i = 0; i < d; i++)
        {
            fmpq_mul(t, fmpq_mat_entry(M, i, p), fmpq_mat_entry(E->v, l, 0));
            fmpq_sub(fmpq_mat_entry(E->A, i, l), fmpq_mat_entry(M, i, j), t);
        }
        l++;
    }
    sc_split_qt_exact(E->QGs, E, E->Gs, d);
    sc_split_qt_exact(E->QPGs, E, E->PGs, d);
    sc_split_qt_exact(E->QPGb, E, E->PGb, d);
    /* the initial state: u0 = <w0, w*> / c2, e0 = w0 - u0 w* */
    fmpq_div(u0, data->w0_wstar, data->c2);
    fmpq_set(fmpq_mat_entry(E->z0, 0, 0), u0);
    for (j = 0; j < d; j++)
    {
        fmpq_mul(t, u0, fmpq_mat_entry(data->wstar, j, 0));
        fmpq_sub(fmpq_mat_entry(e0, j, 0), fmpq_mat_entry(c->w0, j, 0), t);
    }
    for (k = 0, j = 0; j < d; j++)
        if (j != p)
            fmpq_set(fmpq_mat_entry(E->z0, 1 + k++, 0),
                     fmpq_mat_entry(e0, j, 0));

    fmpq_clear(u0);
    fmpq_clear(t);
    fmpq_mat_clear(e0);
    fmpq_mat_clear(col);
    fmpq_mat_clear(M);
    fmpq_mat_clear(G);
}

static void
sc_split_exact_clear(sc_split_exact_struct * E)
{
    fmpq_clear(E->sGb);
    fmpq_clear(E->sGs);
    fmpq_mat_clear(E->z0);
    fmpq_mat_clear(E->v);
    fmpq_mat_clear(E->A);
    fmpq_mat_clear(E->QPGb);
    fmpq_mat_clear(E->QPGs);
    fmpq_mat_clear(E->QGs);
    fmpq_mat_clear(E->PGb);
    fmpq_mat_clear(E->PGs);
    fmpq_mat_clear(E->Gs);
}

/* The exact terms rounded once at prec. */
static void
sc_split_round_exact(sc_dyn_split_t S, const sc_split_exact_struct * E,
                     const sc_data_t data, slong prec)
{
    slong i, l, d = S->d;

    arb_set_fmpq(S->sGs, E->sGs, prec);
    arb_set_fmpq(S->sGb, E->sGb, prec);
    sc_split_set_vec(S->ws, data->wstar, d, prec);
    sc_split_set_vec(S->Gs, E->Gs, d, prec);
    sc_split_set_vec(S->PGs, E->PGs, d, prec);
    sc_split_set_vec(S->PGb, E->PGb, d, prec);
    sc_split_set_vec(S->QGs, E->QGs, d - 1, prec);
    sc_split_set_vec(S->QPGs, E->QPGs, d - 1, prec);
    sc_split_set_vec(S->QPGb, E->QPGb, d - 1, prec);
    sc_split_set_vec(S->v, E->v, d - 1, prec);
    sc_split_set_vec(S->z0, E->z0, d, prec);
    for (i = 0; i < d; i++)
        for (l = 0; l < d - 1; l++)
            arb_set_fmpq(arb_mat_entry(S->A, i, l), fmpq_mat_entry(E->A, i, l),
                         prec);
    for (l = 0, i = 0; i < d; i++)
        if (i != E->p)
            S->idx[l++] = i;
    arb_set_fmpq(S->c2, data->c2, prec);
    S->PGs_zero = fmpq_mat_is_zero(E->PGs);
    S->PGb_zero = fmpq_mat_is_zero(E->PGb);
    for (i = 0; i < d; i++)
    {
        S->Anz[i] = 0;
        for (l = 0; l < d - 1; l++)
            if (!fmpq_is_zero(fmpq_mat_entry(E->A, i, l)))
            {
                S->Anz[i]++;
                S->Acol[i] = l;
            }
    }
    S->lowrank = S->PGb_zero;
    for (i = 0; i < d - 1; i++)
        for (l = 0; l < d - 1; l++)
            if (i != l && !fmpq_is_zero(fmpq_mat_entry(E->A, S->idx[i], l)))
                S->lowrank = 0;
}

static void
sc_split_work_init(sc_dyn_split_work_struct * W)
{
    arb_init(W->S);
    arb_init(W->N);
    arb_init(W->K);
    arb_init(W->r);
    arb_init(W->Kr);
    arb_init(W->q);
    arb_init(W->Ge);
    arb_init(W->Pa);
    arb_init(W->t);
    arb_init(W->gu);
    arb_init(W->gg);
    arb_init(W->dS);
    arb_init(W->dq);
    arb_init(W->dK);
    arb_init(W->dKr);
    arb_init(W->eMe);
    arb_init(W->Pb);
    arb_init(W->Ps);
    arb_init(W->u);
    W->jf = _arb_vec_init(9);
}

static void
sc_split_work_clear(sc_dyn_split_work_struct * W)
{
    _arb_vec_clear(W->jf, 9);
    arb_clear(W->u);
    arb_clear(W->Ps);
    arb_clear(W->Pb);
    arb_clear(W->eMe);
    arb_clear(W->dKr);
    arb_clear(W->dK);
    arb_clear(W->dq);
    arb_clear(W->dS);
    arb_clear(W->gg);
    arb_clear(W->gu);
    arb_clear(W->t);
    arb_clear(W->Pa);
    arb_clear(W->Ge);
    arb_clear(W->q);
    arb_clear(W->Kr);
    arb_clear(W->r);
    arb_clear(W->K);
    arb_clear(W->N);
    arb_clear(W->S);
}

/* S's vectors and the case's scalars at prec (the exact data terms
   come from sc_split_round_exact). */
static void
sc_split_alloc(sc_dyn_split_t S, const sc_case_t c, const sc_data_t data,
               slong p, slong prec)
{
    slong d = c->d;
    arb_t t;

    S->n = c->n;
    S->d = d;
    S->p = p;
    S->idx = flint_malloc(FLINT_MAX(d - 1, 1) * sizeof(slong));
    S->Anz = flint_malloc(d * sizeof(slong));
    S->Acol = flint_malloc(d * sizeof(slong));
    S->ws = _arb_vec_init(d);
    S->Gs = _arb_vec_init(d);
    S->PGs = _arb_vec_init(d);
    S->PGb = _arb_vec_init(d);
    S->QGs = _arb_vec_init(d);
    S->QPGs = _arb_vec_init(d);
    S->QPGb = _arb_vec_init(d);
    S->v = _arb_vec_init(d);
    S->z0 = _arb_vec_init(d);
    S->e = _arb_vec_init(d);
    S->Me = _arb_vec_init(d);
    S->V = _arb_vec_init(d);
    S->dg = _arb_vec_init(d);
    S->jw = _arb_vec_init(2 * d);
    arb_mat_init(S->A, d, d - 1);
    arb_init(S->c2);
    arb_init(S->sGs);
    arb_init(S->sGb);
    arb_init(S->Y2n);
    arb_init(S->eta);
    arb_init(S->eta_c2);
    arb_init(S->eta_gamma);
    arb_init(S->decay);
    sc_split_work_init(&S->W);
    arb_init(t);

    arb_set_fmpq(S->c2, data->c2, prec);
    arb_set_fmpq(S->Y2n, data->y2, prec);
    arb_div_si(S->Y2n, S->Y2n, 2 * c->n, prec);
    arb_set_fmpq(S->eta, c->eta, prec);
    arb_div(S->eta_c2, S->eta, S->c2, prec);
    arb_set_fmpq(S->eta_gamma, c->eta_gamma, prec);
    arb_set_fmpq(t, c->weight_decay, prec);
    arb_mul(t, t, S->eta, prec);
    arb_sub_ui(S->decay, t, 1, prec);
    arb_neg(S->decay, S->decay);
    arb_clear(t);
}

void
sc_dyn_split_init(sc_dyn_split_t S, const sc_case_t c, const sc_data_t data,
                  slong prec)
{
    sc_split_exact_struct E;

    sc_split_exact_init(&E, c, data);
    sc_split_alloc(S, c, data, E.p, prec);
    sc_split_round_exact(S, &E, data, prec);
    sc_split_exact_clear(&E);
}

void
sc_dyn_split_init2(sc_dyn_split_t S, sc_dyn_split_t SJ, const sc_case_t c,
                   const sc_data_t data, slong prec, slong jprec)
{
    sc_split_exact_struct E;

    sc_split_exact_init(&E, c, data);
    sc_split_alloc(S, c, data, E.p, prec);
    sc_split_round_exact(S, &E, data, prec);
    sc_split_alloc(SJ, c, data, E.p, jprec);
    sc_split_round_exact(SJ, &E, data, jprec);
    sc_split_exact_clear(&E);
}

void
sc_dyn_split_clear(sc_dyn_split_t S)
{
    slong d = S->d;

    sc_split_work_clear(&S->W);
    arb_clear(S->decay);
    arb_clear(S->eta_gamma);
    arb_clear(S->eta_c2);
    arb_clear(S->eta);
    arb_clear(S->Y2n);
    arb_clear(S->sGb);
    arb_clear(S->sGs);
    arb_clear(S->c2);
    arb_mat_clear(S->A);
    _arb_vec_clear(S->jw, 2 * d);
    _arb_vec_clear(S->dg, d);
    _arb_vec_clear(S->V, d);
    _arb_vec_clear(S->Me, d);
    _arb_vec_clear(S->e, d);
    _arb_vec_clear(S->z0, d);
    _arb_vec_clear(S->v, d);
    _arb_vec_clear(S->QPGb, d);
    _arb_vec_clear(S->QPGs, d);
    _arb_vec_clear(S->QGs, d);
    _arb_vec_clear(S->PGb, d);
    _arb_vec_clear(S->PGs, d);
    _arb_vec_clear(S->Gs, d);
    _arb_vec_clear(S->ws, d);
    flint_free(S->Acol);
    flint_free(S->Anz);
    flint_free(S->idx);
}

/* e (S->e, length d) from c: e_{j_k} = c_k, e_p = -v.c. */
static void
sc_split_e(arb_ptr e, const sc_dyn_split_t S, arb_srcptr cc, slong prec)
{
    slong k, d = S->d;

    for (k = 0; k < d - 1; k++)
        arb_set(e + S->idx[k], cc + k);
    arb_dot(e + S->p, NULL, 1, S->v, 1, cc, 1, d - 1, prec);
}

/* (Q^T x)_k = x_{j_k} - v_k x_p. */
static void
sc_split_qt(arb_t res, const sc_dyn_split_t S, arb_srcptr x, slong k,
            slong prec)
{
    arb_mul(res, S->v + k, x + S->p, prec);
    arb_sub(res, x + S->idx[k], res, prec);
}

/* The quantities of the top comment at z = (u, c) and gamma (K at
   gamma = 1 when gamma is NULL); V = u PGs + M e. */
static void
sc_split_base(sc_dyn_split_t S, arb_srcptr z, const arb_t gamma,
              slong prec)
{
    slong j, n = S->n, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_srcptr u = z;
    arb_ptr e = S->e;

    sc_split_e(e, S, z + 1, prec);
    /* M e = M Q c = A c and Gs.e = (Q^T Gs).c: the same numbers, and
       the exact structure is kept (whitened data: A has one nonzero per
       row but p, Q^T Gs = 0) */
    for (j = 0; j < d; j++)
    {
        if (S->Anz[j] == 1)     /* arb_dot's rounding of its one term */
            arb_mul(S->Me + j, arb_mat_entry(S->A, j, S->Acol[j]),
                    z + 1 + S->Acol[j], prec);
        else if (S->Anz[j] == 0)
            arb_zero(S->Me + j);
        else
            arb_dot(S->Me + j, NULL, 0, arb_mat_entry(S->A, j, 0), 1, z + 1,
                    1, d - 1, prec);
    }
    _sc_vec_dot(W->Ge, S->QGs, z + 1, d - 1, prec);
    arb_mul(W->Pa, u, S->sGs, prec);
    arb_add(W->Pa, W->Pa, W->Ge, prec);         /* w*.G w */
    arb_set(W->u, u);
    _sc_vec_dot(W->eMe, e, S->Me, d, prec);
    arb_set(W->S, W->eMe);
    arb_addmul(W->S, W->Ge, u, prec);
    arb_addmul(W->S, W->Pa, u, prec);           /* u (u sGs + 2 Ge) + e.Me */
    arb_nonnegative_part(W->S, W->S);
    if (S->PGb_zero)
        arb_zero(W->Pb);
    else
        _sc_vec_dot(W->Pb, S->QPGb, z + 1, d - 1, prec);
    if (S->PGs_zero)
        arb_zero(W->Ps);
    else
        _sc_vec_dot(W->Ps, S->QPGs, z + 1, d - 1, prec);
    arb_set(W->q, W->Pb);
    arb_addmul(W->q, u, S->sGb, prec);
    arb_div_si(W->N, W->S, n, prec);
    arb_sqrtpos(W->N, W->N, prec);
    arb_mul_si(W->K, W->N, n, prec);
    if (gamma != NULL)
        arb_div(W->K, gamma, W->K, prec);
    else
        arb_inv(W->K, W->K, prec);
    arb_div(W->r, W->q, W->S, prec);
    arb_mul(W->Kr, W->K, W->r, prec);
    for (j = 0; j < d; j++)
    {
        if (S->PGs_zero)
            arb_set(S->V + j, S->Me + j);
        else
        {
            arb_mul(S->V + j, u, S->PGs + j, prec);
            arb_add(S->V + j, S->V + j, S->Me + j, prec);
        }
    }
}

/* g_u = w*.grad_w L, S->dg = P grad_w L, gg = dL/dgamma after
   sc_split_base at gamma.  g_u = K (r Pa - sGb) is a difference of O(1)
   terms whose value is O(rho^2); with Gs.e = PGs.e (e is perpendicular to
   w*) it is K / S times
     q Pa - sGb S = u (sGs PGb.e - sGb PGs.e) + (PGb.e)(PGs.e) - sGb e.Me,
   every term proportional to e, so g_u keeps its relative accuracy
   ([L12] and [L6] need it; the step only needs it absolutely). */
static void
sc_split_grad(sc_dyn_split_t S, const arb_t gamma, slong prec)
{
    slong j, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_srcptr u = W->u;

    arb_mul(W->gu, W->Pb, W->Ps, prec);
    arb_submul(W->gu, S->sGb, W->eMe, prec);
    arb_mul(W->t, S->sGs, W->Pb, prec);
    arb_submul(W->t, S->sGb, W->Ps, prec);
    arb_addmul(W->gu, u, W->t, prec);
    arb_mul(W->gu, W->gu, W->K, prec);
    arb_div(W->gu, W->gu, W->S, prec);
    for (j = 0; j < d; j++)
    {
        arb_mul(S->dg + j, W->Kr, S->V + j, prec);
        if (!S->PGb_zero)
            arb_submul(S->dg + j, W->K, S->PGb + j, prec);
    }
    arb_mul_si(W->t, W->N, S->n, prec);
    arb_div(W->t, W->q, W->t, prec);
    arb_sub(W->gg, gamma, W->t, prec);          /* gamma - q / (n N) */
}

/* ||y||^2 / 2n - K q + gamma^2 / 2 after sc_split_base. */
static void
sc_split_loss_formula(arb_t loss, sc_dyn_split_t S, const arb_t gamma,
                      slong prec)
{
    sc_dyn_split_work_struct * W = &S->W;

    arb_mul(W->t, W->K, W->q, prec);
    arb_sub(W->t, S->Y2n, W->t, prec);
    arb_sqr(loss, gamma, prec);
    arb_mul_2exp_si(loss, loss, -1);
    arb_add(loss, loss, W->t, prec);
}

void
sc_dyn_split_step(arb_ptr zn, arb_t gn, arb_t loss, sc_dyn_split_t S,
                  arb_srcptr z, const arb_t gamma, slong prec)
{
    slong k, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;

    sc_split_base(S, z, gamma, prec);
    sc_split_grad(S, gamma, prec);
    if (loss != NULL)
        sc_split_loss_formula(loss, S, gamma, prec);
    if (!arb_is_one(S->decay))
        _arb_vec_scalar_mul(zn, z, d, S->decay, prec);
    else if (zn != z)
        _arb_vec_set(zn, z, d);
    arb_submul(zn, S->eta_c2, W->gu, prec);
    for (k = 0; k < d - 1; k++)
        arb_submul(zn + 1 + k, S->eta, S->dg + S->idx[k], prec);
    arb_mul(W->t, S->eta_gamma, W->gg, prec);
    arb_sub(gn, gamma, W->t, prec);
}

void
sc_dyn_split_loss(arb_t loss, sc_dyn_split_t S, arb_srcptr z,
                  const arb_t gamma, slong prec)
{
    sc_split_base(S, z, gamma, prec);
    sc_split_loss_formula(loss, S, gamma, prec);
}

/*
 * Column j (0: u, 1 + l: c_l) of the Jacobian at gamma = 1, from dS and
 * dq (W->dS, W->dq) and dPa; dV is PGs off the pivot (the u column,
 * l < 0) or column l of A:  dK = -K dS / 2S,  dr = (dq - r dS) / S,
 * d(K r) = dK r + K dr = (K / S) dq - (3 K r / 2S) dS,
 * dg_u = d(Kr) Pa + Kr dPa - dK sGb,
 * dg_c = (d(Kr) V + Kr dV - dK PGb) off the pivot, and the gamma row
 * -eta_g d(dL/dgamma) = eta_g (dq - q dS / 2S) / (n N).  Every factor
 * that does not depend on the column is formed once a Jacobian
 * (sc_split_column_rows): a column costs a product an entry, and dV's
 * exact zeros are skipped (on whitened data one product a c row).
 */
static void
sc_split_column(arb_mat_t J, arb_ptr b, sc_dyn_split_t S, slong j, slong l,
                const arb_t dPa, slong prec)
{
    slong k, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_srcptr aV = S->jw, bP = S->jw + d, f = W->jf;
    arb_ptr x;

    /* the gamma row: f[0] dq + f[1] dS */
    x = arb_mat_entry(J, d, j);
    arb_mul(x, f + 0, W->dq, prec);
    arb_addmul(x, f + 1, W->dS, prec);
    arb_mul(W->dK, f + 2, W->dS, prec);         /* -K / 2S */
    arb_mul(W->dKr, f + 3, W->dS, prec);        /* -3 K r / 2S */
    arb_addmul(W->dKr, f + 4, W->dq, prec);     /* K / S */
    /* the u row: f[5] d(Kr) + f[6] dPa + f[7] dK */
    x = arb_mat_entry(J, 0, j);
    arb_mul(x, f + 5, W->dKr, prec);
    arb_addmul(x, f + 6, dPa, prec);
    arb_addmul(x, f + 7, W->dK, prec);
    if (b != NULL && l >= 0)
    {
        /* the rank-one form: only the diagonal of the c-block */
        arb_set(b + l, W->dKr);
        x = arb_mat_entry(J, j, j);
        arb_mul(x, aV + l, W->dKr, prec);
        arb_addmul(x, f + 8, arb_mat_entry(S->A, S->idx[l], l), prec);
        arb_add(x, x, S->decay, prec);
        return;
    }
    for (k = 0; k < d - 1; k++)
    {
        slong jk = S->idx[k];
        arb_srcptr dV = l < 0 ? S->PGs + jk : arb_mat_entry(S->A, jk, l);

        x = arb_mat_entry(J, 1 + k, j);
        arb_mul(x, aV + k, W->dKr, prec);
        if (!arb_is_zero(dV))
            arb_addmul(x, f + 8, dV, prec);     /* -eta Kr */
        if (!S->PGb_zero)
            arb_addmul(x, bP + k, W->dK, prec);
    }
    arb_add(arb_mat_entry(J, j, j), arb_mat_entry(J, j, j), S->decay, prec);
}

/* The column-free factors after sc_split_base: -eta V_{j_k} and
   eta PGb_{j_k} (S->jw) for the c rows, and W->jf:
   eta_g / (n N), -eta_g q / (2 S n N)   (the gamma row, dq and dS),
   -K / 2S, -3 K r / 2S, K / S           (dK and d(Kr) from dS and dq),
   -eta_c2 Pa, -eta_c2 Kr, eta_c2 sGb    (the u row),
   -eta Kr                               (the c rows' dV). */
static void
sc_split_column_rows(sc_dyn_split_t S, slong prec)
{
    slong k, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_ptr f = W->jf;

    for (k = 0; k < d - 1; k++)
    {
        arb_mul(S->jw + k, S->eta, S->V + S->idx[k], prec);
        arb_neg(S->jw + k, S->jw + k);
        if (!S->PGb_zero)
            arb_mul(S->jw + d + k, S->eta, S->PGb + S->idx[k], prec);
    }
    arb_mul_si(f + 0, W->N, S->n, prec);
    arb_div(f + 0, S->eta_gamma, f + 0, prec);
    arb_div(f + 2, W->K, W->S, prec);           /* K / S */
    arb_set(f + 4, f + 2);
    arb_mul_2exp_si(f + 2, f + 2, -1);
    arb_neg(f + 2, f + 2);                      /* -K / 2S */
    arb_mul(f + 3, f + 2, W->r, prec);
    arb_mul_ui(f + 3, f + 3, 3, prec);
    arb_div(f + 1, W->q, W->S, prec);
    arb_mul_2exp_si(f + 1, f + 1, -1);
    arb_mul(f + 1, f + 1, f + 0, prec);
    arb_neg(f + 1, f + 1);
    arb_mul(f + 5, S->eta_c2, W->Pa, prec);
    arb_neg(f + 5, f + 5);
    arb_mul(f + 6, S->eta_c2, W->Kr, prec);
    arb_neg(f + 6, f + 6);
    arb_mul(f + 7, S->eta_c2, S->sGb, prec);
    arb_mul(f + 8, S->eta, W->Kr, prec);
    arb_neg(f + 8, f + 8);
}

void
sc_dyn_split_jacobian_grad(arb_mat_t J, arb_ptr g, sc_dyn_split_t S,
                           arb_srcptr z, slong prec)
{
    sc_dyn_split_jacobian_grad_lr(J, g, NULL, NULL, S, z, prec);
}

int
sc_dyn_split_jacobian_grad_lr(arb_mat_t J, arb_ptr g, arb_ptr ra,
                              arb_ptr rb, sc_dyn_split_t S, arb_srcptr z,
                              slong prec)
{
    slong k, l, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_srcptr u = z;
    arb_ptr b = (ra != NULL && S->lowrank) ? rb : NULL;
    arb_t one, a, qme;

    arb_init(one);
    arb_init(a);
    arb_init(qme);
    arb_one(one);
    sc_split_base(S, z, NULL, prec);
    sc_split_grad(S, one, prec);
    /* gamma: the gradient at gamma = 1 (the step is linear in gamma) */
    arb_mul(arb_mat_entry(J, 0, d), S->eta_c2, W->gu, prec);
    arb_neg(arb_mat_entry(J, 0, d), arb_mat_entry(J, 0, d));
    for (k = 0; k < d - 1; k++)
    {
        arb_mul(arb_mat_entry(J, 1 + k, d), S->eta, S->dg + S->idx[k], prec);
        arb_neg(arb_mat_entry(J, 1 + k, d), arb_mat_entry(J, 1 + k, d));
    }
    arb_sub_ui(arb_mat_entry(J, d, d), S->eta_gamma, 1, prec);
    arb_neg(arb_mat_entry(J, d, d), arb_mat_entry(J, d, d));
    if (g != NULL)
    {
        arb_set(g, W->gu);
        arb_set(g + d, W->gg);
    }
    sc_split_column_rows(S, prec);
    /* u: dS = 2 Pa, dq = sGb, dPa = sGs, dV = PGs off the pivot */
    arb_mul_2exp_si(W->dS, W->Pa, 1);
    arb_set(W->dq, S->sGb);
    sc_split_column(J, NULL, S, 0, -1, S->sGs, prec);
    /* c_l: dS = 2 (u (Q^T Gs)_l + (Q^T M e)_l), dq = (Q^T PGb)_l,
       dPa = (Q^T Gs)_l, dV = column l of A */
    for (l = 0; l < d - 1; l++)
    {
        sc_split_qt(qme, S, S->Me, l, prec);
        arb_mul(W->dS, u, S->QGs + l, prec);
        arb_add(W->dS, W->dS, qme, prec);
        arb_mul_2exp_si(W->dS, W->dS, 1);
        arb_set(W->dq, S->QPGb + l);
        if (g != NULL)  /* dL/dc_l = K (r dS / 2 - dq) */
        {
            arb_mul(a, W->r, W->dS, prec);
            arb_mul_2exp_si(a, a, -1);
            arb_sub(a, a, W->dq, prec);
            arb_mul(g + 1 + l, W->K, a, prec);
        }
        sc_split_column(J, b, S, 1 + l, l, S->QGs + l, prec);
    }
    if (b != NULL)
        _arb_vec_set(ra, S->jw, d - 1);
    arb_clear(qme);
    arb_clear(a);
    arb_clear(one);
    return b != NULL;
}

void
sc_dyn_split_grad(arb_t gu, arb_ptr Pg, sc_dyn_split_t S, arb_srcptr z,
                  const arb_t gamma, slong prec)
{
    sc_split_base(S, z, gamma, prec);
    sc_split_grad(S, gamma, prec);
    arb_set(gu, S->W.gu);
    _arb_vec_set(Pg, S->dg, S->d);
}

void
sc_dyn_split_e(arb_ptr e, const sc_dyn_split_t S, arb_srcptr z, slong prec)
{
    sc_split_e(e, S, z + 1, prec);
}

void
sc_dyn_split_move(arb_ptr z1, const sc_dyn_split_t S, arb_srcptr z,
                  const arb_t gu, arb_srcptr Pg, slong prec)
{
    slong k, d = S->d;

    arb_set(z1, z);
    arb_submul(z1, S->eta_c2, gu, prec);
    for (k = 0; k < d - 1; k++)
    {
        arb_set(z1 + 1 + k, z + 1 + k);
        arb_submul(z1 + 1 + k, S->eta, Pg + S->idx[k], prec);
    }
}

void
sc_dyn_split_direction(arb_ptr w, arb_t a, arb_t b, arb_t rho, arb_t W,
                       arb_t h, sc_dyn_split_t S, const arb_t cref,
                       arb_srcptr z, const arb_t gamma, slong prec)
{
    slong j, d = S->d;
    arb_ptr t = S->W.t, e = S->e;

    sc_split_e(e, S, z + 1, prec);
    for (j = 0; j < d; j++)
    {
        arb_mul(w + j, z, S->ws + j, prec);
        arb_add(w + j, w + j, e + j, prec);
    }
    _sc_vec_norm2(b, e, d, prec);               /* ||e||^2 */
    arb_sqr(t, z, prec);
    arb_mul(W, t, S->c2, prec);
    arb_add(W, W, b, prec);                     /* u^2 c2 + ||e||^2 */
    arb_sqrtpos(b, b, prec);
    arb_mul(a, z, cref, prec);                  /* <w, u*> = u ||w*|| */
    if (arb_is_positive(a))
        arb_div(rho, b, a, prec);
    else
        arb_indeterminate(rho);
    arb_mul(h, S->eta, gamma, prec);
    arb_mul(h, h, cref, prec);
    arb_div(h, h, W, prec);
}
