/*
 * jacobian.c -- the Jacobian of the plain GD map over a box, by forward
 * differentiation of the chain-rule gradient of grad.c.
 *
 * With v = X~ w, S = ||v||^2, N = sqrt(S/n), k = gamma/N, z = k v,
 * e_i = y_i l'(y_i z_i)/n, C_i = l''(y_i z_i)/n, phi = v.e, sigma = phi/S,
 * p = e - sigma v:  g_w = k X~^T p,  g_gamma = phi/N.  A direction (dv, dgamma)
 * with dv = X~ dw gives
 *   dN = v.dv/(n N),  dk = dgamma/N - k v.dv/S,  dz = dk v + k dv,
 *   de = C dz,  dphi = dv.e + v.de,  dsigma = dphi/S - 2 phi v.dv/S^2,
 *   dp = de - dsigma v - sigma dv,
 *   dg_w = dk X~^T p + k X~^T dp,  dg_gamma = dphi/N - phi dN/N^2.
 * Every quantity is a ball over the box, so J encloses the Jacobian at
 * every point of it: the mean-value theorem then makes
 * F(mid) + J (box - mid) an enclosure of F(box).
 */
#include "dyn/dyn.h"
#include "num/num.h"

typedef struct
{
    arb_ptr v, e, C, p, dz, dp, xtp, dg;
    arb_t S, N, k, phi, sigma;
}
sc_jac_struct;

static void
sc_jac_init(sc_jac_struct * J, slong n, slong d)
{
    J->v = _arb_vec_init(n);
    J->e = _arb_vec_init(n);
    J->C = _arb_vec_init(n);
    J->p = _arb_vec_init(n);
    J->dz = _arb_vec_init(n);
    J->dp = _arb_vec_init(n);
    J->xtp = _arb_vec_init(d);
    J->dg = _arb_vec_init(d);
    arb_init(J->S);
    arb_init(J->N);
    arb_init(J->k);
    arb_init(J->phi);
    arb_init(J->sigma);
}

static void
sc_jac_clear(sc_jac_struct * J, slong n, slong d)
{
    arb_clear(J->sigma);
    arb_clear(J->phi);
    arb_clear(J->k);
    arb_clear(J->N);
    arb_clear(J->S);
    _arb_vec_clear(J->dg, d);
    _arb_vec_clear(J->xtp, d);
    _arb_vec_clear(J->dp, n);
    _arb_vec_clear(J->dz, n);
    _arb_vec_clear(J->p, n);
    _arb_vec_clear(J->C, n);
    _arb_vec_clear(J->e, n);
    _arb_vec_clear(J->v, n);
}

/* X~^T x for an n-vector x. */
static void
sc_jac_xt(arb_ptr res, const sc_dyn_t D, arb_srcptr x, slong prec)
{
    slong j;

    for (j = 0; j < D->d; j++)
        arb_dot(res + j, NULL, 0, arb_mat_entry(D->Xc, 0, j), D->d, x, 1,
                D->n, prec);
}

/* The quantities of the header comment over the box (w, gamma). */
static void
sc_jac_base(sc_jac_struct * J, const sc_dyn_t D, arb_srcptr w,
            const arb_t gamma, slong prec)
{
    slong i, n = D->n;
    arb_t s;

    arb_init(s);
    for (i = 0; i < n; i++)
        arb_dot(J->v + i, NULL, 0, arb_mat_entry(D->Xc, i, 0), 1, w, 1, D->d,
                prec);
    _sc_vec_norm2(J->S, J->v, n, prec);
    arb_div_si(J->N, J->S, n, prec);
    arb_sqrtpos(J->N, J->N, prec);
    arb_div(J->k, gamma, J->N, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(s, J->k, J->v + i, prec);
        arb_mul(s, s, D->y + i, prec);
        sc_dyn_margin_loss(NULL, J->e + i, J->C + i, D->loss, s, prec);
        arb_mul(J->e + i, J->e + i, D->y + i, prec);
        arb_div_si(J->e + i, J->e + i, n, prec);
        arb_div_si(J->C + i, J->C + i, n, prec);
    }
    _sc_vec_dot(J->phi, J->v, J->e, n, prec);
    arb_div(J->sigma, J->phi, J->S, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(s, J->sigma, J->v + i, prec);
        arb_sub(J->p + i, J->e + i, s, prec);
    }
    sc_jac_xt(J->xtp, D, J->p, prec);
    arb_clear(s);
}

/* dg_w (into J->dg) and dg_gamma for the direction (dv, dgamma);
   dv == NULL means dv = 0. */
static void
sc_jac_direction(arb_t dgg, sc_jac_struct * J, const sc_dyn_t D,
                 arb_srcptr dv, const arb_t dgamma, slong prec)
{
    slong i, j, n = D->n;
    arb_t vdv, dN, dk, dphi, dsig, t;

    arb_init(vdv);
    arb_init(dN);
    arb_init(dk);
    arb_init(dphi);
    arb_init(dsig);
    arb_init(t);
    if (dv != NULL)
        _sc_vec_dot(vdv, J->v, dv, n, prec);
    arb_mul_si(dN, J->N, n, prec);
    arb_div(dN, vdv, dN, prec);
    arb_div(dk, dgamma, J->N, prec);
    arb_mul(t, J->k, vdv, prec);
    arb_div(t, t, J->S, prec);
    arb_sub(dk, dk, t, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(J->dz + i, dk, J->v + i, prec);
        if (dv != NULL)
            arb_addmul(J->dz + i, J->k, dv + i, prec);
        arb_mul(J->dz + i, J->dz + i, J->C + i, prec);     /* de */
    }
    _sc_vec_dot(dphi, J->v, J->dz, n, prec);
    if (dv != NULL)
    {
        _sc_vec_dot(t, dv, J->e, n, prec);
        arb_add(dphi, dphi, t, prec);
    }
    arb_div(dsig, dphi, J->S, prec);
    arb_mul(t, J->phi, vdv, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div(t, t, J->S, prec);
    arb_div(t, t, J->S, prec);
    arb_sub(dsig, dsig, t, prec);
    for (i = 0; i < n; i++)
    {
        arb_submul(J->dz + i, dsig, J->v + i, prec);
        if (dv != NULL)
            arb_submul(J->dz + i, J->sigma, dv + i, prec);
    }
    sc_jac_xt(J->dg, D, J->dz, prec);                   /* X~^T dp */
    for (j = 0; j < D->d; j++)
    {
        arb_mul(J->dg + j, J->dg + j, J->k, prec);
        arb_addmul(J->dg + j, dk, J->xtp + j, prec);
    }
    arb_div(dgg, dphi, J->N, prec);
    arb_mul(t, J->phi, dN, prec);
    arb_div(t, t, J->N, prec);
    arb_div(t, t, J->N, prec);
    arb_sub(dgg, dgg, t, prec);
    arb_clear(t);
    arb_clear(dsig);
    arb_clear(dphi);
    arb_clear(dk);
    arb_clear(dN);
    arb_clear(vdv);
}

void
sc_dyn_jacobian(arb_mat_t Jm, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
                slong prec)
{
    slong i, j, n = D->n, d = D->d;
    sc_jac_struct J;
    arb_ptr dv = _arb_vec_init(n);
    arb_t dgg, zero, one, decay;

    sc_jac_init(&J, n, d);
    arb_init(dgg);
    arb_init(zero);
    arb_init(one);
    arb_init(decay);
    arb_one(one);
    arb_mul(decay, D->eta, D->weight_decay, prec);
    arb_sub_ui(decay, decay, 1, prec);
    arb_neg(decay, decay);                              /* 1 - eta lambda */
    sc_jac_base(&J, D, w, gamma, prec);
    for (j = 0; j <= d; j++)
    {
        if (j < d)
        {
            for (i = 0; i < n; i++)
                arb_set(dv + i, arb_mat_entry(D->Xc, i, j));
            sc_jac_direction(dgg, &J, D, dv, zero, prec);
        }
        else
            sc_jac_direction(dgg, &J, D, NULL, one, prec);
        for (i = 0; i < d; i++)
        {
            arb_mul(arb_mat_entry(Jm, i, j), D->eta, J.dg + i, prec);
            arb_neg(arb_mat_entry(Jm, i, j), arb_mat_entry(Jm, i, j));
            if (i == j)
                arb_add(arb_mat_entry(Jm, i, j), arb_mat_entry(Jm, i, j),
                        decay, prec);
        }
        arb_mul(arb_mat_entry(Jm, d, j), D->eta_gamma, dgg, prec);
        arb_neg(arb_mat_entry(Jm, d, j), arb_mat_entry(Jm, d, j));
        if (j == d)
            arb_add_ui(arb_mat_entry(Jm, d, j), arb_mat_entry(Jm, d, j), 1,
                       prec);
    }
    arb_clear(decay);
    arb_clear(one);
    arb_clear(zero);
    arb_clear(dgg);
    sc_jac_clear(&J, n, d);
    _arb_vec_clear(dv, n);
}
