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
 * The mean-value form F(mid) + J(box) (box - mid) of full.c encloses the
 * step over the box; J is formed at gamma = 1 (the square loss's step is
 * affine in gamma, full.c's affine mode), from the exact matrix
 * A = (M Q) without row p, Q the basis e = Q c (A = n I on whitened data).
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

/* The exact terms of the top comment, rounded once. */
static void
sc_split_init_exact(sc_dyn_split_t S, const sc_case_t c,
                    const sc_data_t data, slong prec)
{
    slong i, j, k, l, n = c->n, d = c->d, p = S->p;
    fmpq_mat_t G, Gs, PGs, PGb, M, col, e0;
    fmpq_t t, u0;

    fmpq_mat_init(G, d, d);
    fmpq_mat_init(Gs, d, 1);
    fmpq_mat_init(PGs, d, 1);
    fmpq_mat_init(PGb, d, 1);
    fmpq_mat_init(M, d, d);
    fmpq_mat_init(col, d, 1);
    fmpq_mat_init(e0, d, 1);
    fmpq_init(t);
    fmpq_init(u0);

    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            fmpq_mul_si(fmpq_mat_entry(G, i, j),
                        fmpq_mat_entry(data->Sigma, i, j), n);
    fmpq_mat_mul(Gs, G, data->wstar);
    sc_data_dot(t, data->wstar, Gs);
    arb_set_fmpq(S->sGs, t, prec);
    sc_data_dot(t, data->wstar, data->Xty);
    arb_set_fmpq(S->sGb, t, prec);
    sc_split_project(PGs, Gs, data);
    sc_split_project(PGb, data->Xty, data);
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
    sc_split_set_vec(S->ws, data->wstar, d, prec);
    sc_split_set_vec(S->Gs, Gs, d, prec);
    sc_split_set_vec(S->PGs, PGs, d, prec);
    sc_split_set_vec(S->PGb, PGb, d, prec);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            arb_set_fmpq(arb_mat_entry(S->M, i, j), fmpq_mat_entry(M, i, j),
                         prec);
    /* v_j = w*_j / w*_p and A_kl = (M Q)_{j_k, l} = M_{j_k j_l}
       - M_{j_k p} v_{j_l}, k, l over the coordinates j != p */
    for (k = 0, i = 0; i < d; i++)
    {
        if (i == p)
            continue;
        S->idx[k] = i;
        fmpq_div(t, fmpq_mat_entry(data->wstar, i, 0),
                 fmpq_mat_entry(data->wstar, p, 0));
        arb_set_fmpq(S->v + k, t, prec);
        k++;
    }
    for (k = 0; k < d - 1; k++)
        for (l = 0; l < d - 1; l++)
        {
            slong jk = S->idx[k], jl = S->idx[l];

            fmpq_div(t, fmpq_mat_entry(data->wstar, jl, 0),
                     fmpq_mat_entry(data->wstar, p, 0));
            fmpq_mul(t, t, fmpq_mat_entry(M, jk, p));
            fmpq_sub(t, fmpq_mat_entry(M, jk, jl), t);
            arb_set_fmpq(arb_mat_entry(S->A, k, l), t, prec);
        }
    /* the initial state: u0 = <w0, w*> / c2, e0 = w0 - u0 w* */
    fmpq_div(u0, data->w0_wstar, data->c2);
    arb_set_fmpq(S->z0, u0, prec);
    for (j = 0; j < d; j++)
    {
        fmpq_mul(t, u0, fmpq_mat_entry(data->wstar, j, 0));
        fmpq_sub(fmpq_mat_entry(e0, j, 0), fmpq_mat_entry(c->w0, j, 0), t);
    }
    for (k = 0; k < d - 1; k++)
        arb_set_fmpq(S->z0 + 1 + k, fmpq_mat_entry(e0, S->idx[k], 0), prec);
    arb_set_fmpq(S->c2, data->c2, prec);
    S->PGs_zero = fmpq_mat_is_zero(PGs);
    S->PGb_zero = fmpq_mat_is_zero(PGb);

    fmpq_clear(u0);
    fmpq_clear(t);
    fmpq_mat_clear(e0);
    fmpq_mat_clear(col);
    fmpq_mat_clear(M);
    fmpq_mat_clear(PGb);
    fmpq_mat_clear(PGs);
    fmpq_mat_clear(Gs);
    fmpq_mat_clear(G);
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
}

static void
sc_split_work_clear(sc_dyn_split_work_struct * W)
{
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

void
sc_dyn_split_init(sc_dyn_split_t S, const sc_case_t c, const sc_data_t data,
                  slong prec)
{
    slong d = c->d;
    arb_t t;

    S->n = c->n;
    S->d = d;
    S->p = sc_split_pivot(data->wstar, d);
    S->idx = flint_malloc(FLINT_MAX(d - 1, 1) * sizeof(slong));
    S->ws = _arb_vec_init(d);
    S->Gs = _arb_vec_init(d);
    S->PGs = _arb_vec_init(d);
    S->PGb = _arb_vec_init(d);
    S->v = _arb_vec_init(d);
    S->z0 = _arb_vec_init(d);
    S->e = _arb_vec_init(d);
    S->Me = _arb_vec_init(d);
    S->V = _arb_vec_init(d);
    S->dg = _arb_vec_init(d);
    arb_mat_init(S->M, d, d);
    arb_mat_init(S->A, d - 1, d - 1);
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

    sc_split_init_exact(S, c, data, prec);
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
    arb_mat_clear(S->M);
    _arb_vec_clear(S->dg, d);
    _arb_vec_clear(S->V, d);
    _arb_vec_clear(S->Me, d);
    _arb_vec_clear(S->e, d);
    _arb_vec_clear(S->z0, d);
    _arb_vec_clear(S->v, d);
    _arb_vec_clear(S->PGb, d);
    _arb_vec_clear(S->PGs, d);
    _arb_vec_clear(S->Gs, d);
    _arb_vec_clear(S->ws, d);
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
    for (j = 0; j < d; j++)
        arb_dot(S->Me + j, NULL, 0, arb_mat_entry(S->M, j, 0), 1, e, 1, d,
                prec);
    _sc_vec_dot(W->Ge, S->Gs, e, d, prec);
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
        _sc_vec_dot(W->Pb, S->PGb, e, d, prec);
    if (S->PGs_zero)
        arb_zero(W->Ps);
    else
        _sc_vec_dot(W->Ps, S->PGs, e, d, prec);
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
 * dq (W->dS, W->dq), dPa and dV (a vector of stride sV over the c rows,
 * NULL: 0):  dK = -K dS / 2S,  dr = (dq - r dS) / S,
 * d(K r) = dK r + K dr,  dg_u = d(Kr) Pa + Kr dPa - dK sGb,
 * dg_c = (d(Kr) V + Kr dV - dK PGb) off the pivot, and the gamma row
 * -eta_g d(dL/dgamma) = eta_g (dq - q dS / 2S) / (n N).
 */
static void
sc_split_column(arb_mat_t J, sc_dyn_split_t S, slong j, const arb_t dPa,
                arb_srcptr dV, slong sV, slong prec)
{
    slong k, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_ptr t = W->t, x = arb_mat_entry(J, d, j);

    /* the gamma row first: it needs dq */
    arb_mul(t, W->q, W->dS, prec);
    arb_div(t, t, W->S, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_sub(t, W->dq, t, prec);
    arb_mul(t, t, S->eta_gamma, prec);
    arb_mul_si(x, W->N, S->n, prec);
    arb_div(x, t, x, prec);

    arb_mul(W->dK, W->K, W->dS, prec);
    arb_div(W->dK, W->dK, W->S, prec);
    arb_mul_2exp_si(W->dK, W->dK, -1);
    arb_neg(W->dK, W->dK);
    arb_submul(W->dq, W->r, W->dS, prec);
    arb_div(W->dq, W->dq, W->S, prec);          /* dr */
    arb_mul(W->dKr, W->dK, W->r, prec);
    arb_addmul(W->dKr, W->K, W->dq, prec);
    arb_mul(t, W->dKr, W->Pa, prec);
    arb_addmul(t, W->Kr, dPa, prec);
    arb_submul(t, W->dK, S->sGb, prec);
    arb_mul(arb_mat_entry(J, 0, j), S->eta_c2, t, prec);
    arb_neg(arb_mat_entry(J, 0, j), arb_mat_entry(J, 0, j));
    for (k = 0; k < d - 1; k++)
    {
        slong jk = S->idx[k];

        x = arb_mat_entry(J, 1 + k, j);
        arb_mul(t, W->dKr, S->V + jk, prec);
        if (dV != NULL)
            arb_addmul(t, W->Kr, dV + k * sV, prec);
        if (!S->PGb_zero)
            arb_submul(t, W->dK, S->PGb + jk, prec);
        arb_mul(x, S->eta, t, prec);
        arb_neg(x, x);
    }
    arb_add(arb_mat_entry(J, j, j), arb_mat_entry(J, j, j), S->decay, prec);
}

void
sc_dyn_split_jacobian_grad(arb_mat_t J, arb_ptr g, sc_dyn_split_t S,
                           arb_srcptr z, slong prec)
{
    slong k, l, d = S->d;
    sc_dyn_split_work_struct * W = &S->W;
    arb_srcptr u = z;
    arb_ptr PGsq = S->dg;       /* reused after the gamma column */
    arb_t one, a, qme, qgs;

    arb_init(one);
    arb_init(a);
    arb_init(qme);
    arb_init(qgs);
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
    /* u: dS = 2 Pa, dq = sGb, dPa = sGs, dV = PGs off the pivot */
    for (k = 0; k < d - 1; k++)
        arb_set(PGsq + k, S->PGs + S->idx[k]);
    arb_mul_2exp_si(W->dS, W->Pa, 1);
    arb_set(W->dq, S->sGb);
    sc_split_column(J, S, 0, S->sGs, S->PGs_zero ? NULL : PGsq, 1, prec);
    /* c_l: dS = 2 (u (Q^T Gs)_l + (Q^T M e)_l), dq = (Q^T PGb)_l,
       dPa = (Q^T Gs)_l, dV = column l of A */
    for (l = 0; l < d - 1; l++)
    {
        sc_split_qt(qgs, S, S->Gs, l, prec);
        sc_split_qt(qme, S, S->Me, l, prec);
        arb_mul(W->dS, u, qgs, prec);
        arb_add(W->dS, W->dS, qme, prec);
        arb_mul_2exp_si(W->dS, W->dS, 1);
        sc_split_qt(W->dq, S, S->PGb, l, prec);
        if (g != NULL)  /* dL/dc_l = K (r dS / 2 - dq) */
        {
            arb_mul(a, W->r, W->dS, prec);
            arb_mul_2exp_si(a, a, -1);
            arb_sub(a, a, W->dq, prec);
            arb_mul(g + 1 + l, W->K, a, prec);
        }
        sc_split_column(J, S, 1 + l, qgs, arb_mat_entry(S->A, 0, l), d - 1,
                        prec);
    }
    arb_clear(qgs);
    arb_clear(qme);
    arb_clear(a);
    arb_clear(one);
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
