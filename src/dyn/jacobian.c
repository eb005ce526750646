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

/* Scratch of one Jacobian evaluation: D's vectors, and its named
   scalars (D->jwork). */
typedef struct
{
    arb_ptr v, e, C, p, dz, dv;     /* length n */
    arb_ptr xtp, dg;                /* length d */
    arb_ptr V;                      /* 3 d: the square loss's rows */
    arb_ptr S, N, k, phi, sigma;
    arb_ptr vdv, dN, dk, dphi, dsig, t, dgg, decay;
    arb_ptr dgamma, q, r, coef, ml;
}
sc_jac_struct;

static void
sc_jac_carve(sc_jac_struct * J, sc_dyn_t D)
{
    slong n = D->n, d = D->d;
    sc_dyn_jac_work_struct * W = &D->jwork;

    J->v = D->jn;
    J->e = D->jn + n;
    J->C = D->jn + 2 * n;
    J->p = D->jn + 3 * n;
    J->dz = D->jn + 4 * n;
    J->dv = D->jn + 5 * n;
    J->xtp = D->jd;
    J->dg = D->jd + d;
    J->V = D->jd + 2 * d;
    J->S = W->S;
    J->N = W->N;
    J->k = W->k;
    J->phi = W->phi;
    J->sigma = W->sigma;
    J->vdv = W->vdv;
    J->dN = W->dN;
    J->dk = W->dk;
    J->dphi = W->dphi;
    J->dsig = W->dsig;
    J->t = W->t;
    J->dgg = W->dgg;
    J->decay = W->decay;
    J->dgamma = W->dgamma;
    J->q = W->q;
    J->r = W->r;
    J->coef = W->coef;
    J->ml = W->ml;
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
    arb_ptr s = J->t;

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
        _sc_dyn_margin_loss(NULL, J->e + i, J->C + i, D->loss, s,
                            J->ml, prec);
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
}

/* dg_w (into J->dg) and dg_gamma (J->dgg) for the direction (dv, dgamma);
   dv == NULL means dv = 0. */
static void
sc_jac_direction(sc_jac_struct * J, const sc_dyn_t D, arb_srcptr dv,
                 const arb_t dgamma, slong prec)
{
    slong i, j, n = D->n;
    arb_ptr t = J->t;

    if (dv != NULL)
        _sc_vec_dot(J->vdv, J->v, dv, n, prec);
    else
        arb_zero(J->vdv);
    arb_mul_si(J->dN, J->N, n, prec);
    arb_div(J->dN, J->vdv, J->dN, prec);
    arb_div(J->dk, dgamma, J->N, prec);
    arb_mul(t, J->k, J->vdv, prec);
    arb_div(t, t, J->S, prec);
    arb_sub(J->dk, J->dk, t, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(J->dz + i, J->dk, J->v + i, prec);
        if (dv != NULL)
            arb_addmul(J->dz + i, J->k, dv + i, prec);
        arb_mul(J->dz + i, J->dz + i, J->C + i, prec);     /* de */
    }
    _sc_vec_dot(J->dphi, J->v, J->dz, n, prec);
    if (dv != NULL)
    {
        _sc_vec_dot(t, dv, J->e, n, prec);
        arb_add(J->dphi, J->dphi, t, prec);
    }
    arb_div(J->dsig, J->dphi, J->S, prec);
    arb_mul(t, J->phi, J->vdv, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div(t, t, J->S, prec);
    arb_div(t, t, J->S, prec);
    arb_sub(J->dsig, J->dsig, t, prec);
    for (i = 0; i < n; i++)
    {
        arb_submul(J->dz + i, J->dsig, J->v + i, prec);
        if (dv != NULL)
            arb_submul(J->dz + i, J->sigma, dv + i, prec);
    }
    sc_jac_xt(J->dg, D, J->dz, prec);                   /* X~^T dp */
    for (j = 0; j < D->d; j++)
    {
        arb_mul(J->dg + j, J->dg + j, J->k, prec);
        arb_addmul(J->dg + j, J->dk, J->xtp + j, prec);
    }
    arb_div(J->dgg, J->dphi, J->N, prec);
    arb_mul(t, J->phi, J->dN, prec);
    arb_div(t, t, J->N, prec);
    arb_div(t, t, J->N, prec);
    arb_sub(J->dgg, J->dgg, t, prec);
}

/* Column j of Jm from dg_w = J->dg and dg_gamma = J->dgg. */
static void
sc_jac_column(arb_mat_t Jm, sc_jac_struct * J, const sc_dyn_t D, slong j,
              slong prec)
{
    slong i, d = D->d;

    for (i = 0; i < d; i++)
    {
        arb_mul(arb_mat_entry(Jm, i, j), D->eta, J->dg + i, prec);
        arb_neg(arb_mat_entry(Jm, i, j), arb_mat_entry(Jm, i, j));
        if (i == j)
            arb_add(arb_mat_entry(Jm, i, j), arb_mat_entry(Jm, i, j),
                    J->decay, prec);
    }
    arb_mul(arb_mat_entry(Jm, d, j), D->eta_gamma, J->dgg, prec);
    arb_neg(arb_mat_entry(Jm, d, j), arb_mat_entry(Jm, d, j));
    if (j == d)
        arb_add_ui(arb_mat_entry(Jm, d, j), arb_mat_entry(Jm, d, j), 1,
                   prec);
}

/* Any loss: d + 1 directional derivatives, O(n d^2). */
static void
sc_jac_generic(arb_mat_t Jm, sc_jac_struct * J, sc_dyn_t D, arb_srcptr w,
               const arb_t gamma, slong prec)
{
    slong i, j, n = D->n, d = D->d;

    sc_jac_base(J, D, w, gamma, prec);
    for (j = 0; j <= d; j++)
    {
        if (j < d)
        {
            for (i = 0; i < n; i++)
                arb_set(J->dv + i, arb_mat_entry(D->Xc, i, j));
            arb_zero(J->dgamma);
            sc_jac_direction(J, D, J->dv, J->dgamma, prec);
        }
        else
        {
            arb_one(J->dgamma);
            sc_jac_direction(J, D, NULL, J->dgamma, prec);
        }
        sc_jac_column(Jm, J, D, j, prec);
    }
}

/* G = X~^T X~ and Gb = X~^T y at prec, once per precision: the model's
   exact-data values rounded again. */
static void
sc_jac_gram(sc_dyn_t D, slong prec)
{
    slong i, j, d = D->d;

    if (D->gprec == prec)
        return;
    for (i = 0; i < d; i++)
    {
        for (j = 0; j < d; j++)
            arb_set_round(arb_mat_entry(D->G, i, j),
                          arb_mat_entry(D->XtX, i, j), prec);
        arb_set_round(D->Gb + i, D->b + i, prec);
    }
    D->gprec = prec;
}

/*
 * The square loss (C_i = 1/n, y_i^2 = 1) in terms of G = X~^T X~ and
 * Gb = X~^T y.  With Gw = G w, S = w.Gw, q = Gb.w, r = q / S,
 * N = sqrt(S / n) and k = gamma / N, the gradient is
 *   g_w = k xtp,  xtp = X~^T p = (r Gw - Gb) / n,   g_gamma = phi / N,
 * phi = (k S - q) / n, and the derivatives of sc_jac_direction for the
 * directions e_j, simplified with N^2 = S / n, are
 *   d g_w / d w_j        = (k r / n) G e_j + c1_j Gw - (k Gw_j / S) xtp,
 *                          c1_j = k (Gb_j - 2 r Gw_j) / (n S),
 *   d g_w / d gamma      = xtp / N,      d g_gamma / d w_j = xtp_j / N,
 *   d g_gamma / d gamma  = 1.
 * The simplifications are exact identities, so the enclosures stay valid
 * (and get tighter: fewer repeated variables).  The constants are formed
 * once; a column then costs d dots of length 3, 3 multiplications and
 * no division.
 */
static void
sc_jac_square(arb_mat_t Jm, sc_jac_struct * J, sc_dyn_t D, arb_srcptr w,
              const arb_t gamma, slong prec)
{
    slong i, j, n = D->n, d = D->d;
    arb_ptr Gw = J->dg, t = J->t, q = J->q, r = J->r;
    /* the column constants: -eta times the coefficients above */
    arb_ptr cG = J->coef, c1 = J->coef + 1, c3 = J->coef + 2;
    arb_ptr K1 = J->vdv, K3 = J->dN, Kw = J->dk, Kg = J->dphi;
    arb_ptr r2 = J->dsig, V = J->V;

    sc_jac_gram(D, prec);
    for (i = 0; i < d; i++)
        arb_dot(Gw + i, NULL, 0, arb_mat_entry(D->G, i, 0), 1, w, 1, d,
                prec);
    _sc_vec_dot(J->S, w, Gw, d, prec);
    arb_nonnegative_part(J->S, J->S);
    _sc_vec_dot(q, D->Gb, w, d, prec);
    arb_div_si(J->N, J->S, n, prec);
    arb_sqrtpos(J->N, J->N, prec);
    arb_div(J->k, gamma, J->N, prec);
    arb_mul(J->phi, J->k, J->S, prec);
    arb_sub(J->phi, J->phi, q, prec);
    arb_div_si(J->phi, J->phi, n, prec);
    arb_div(r, q, J->S, prec);
    arb_mul_2exp_si(r2, r, 1);
    for (i = 0; i < d; i++)
    {
        arb_mul(J->xtp + i, Gw + i, r, prec);
        arb_sub(J->xtp + i, J->xtp + i, D->Gb + i, prec);
        arb_div_si(J->xtp + i, J->xtp + i, n, prec);
    }
    arb_mul(t, D->eta, J->k, prec);                 /* eta k */
    arb_mul(cG, t, r, prec);
    arb_div_si(cG, cG, n, prec);
    arb_neg(cG, cG);                                /* -eta k r / n */
    arb_div(K3, t, J->S, prec);                     /* eta k / S */
    arb_div_si(K1, K3, n, prec);
    arb_neg(K1, K1);                                /* -eta k / (n S) */
    arb_inv(t, J->N, prec);
    arb_mul(Kw, D->eta, t, prec);
    arb_neg(Kw, Kw);                                /* -eta / N */
    arb_mul(Kg, D->eta_gamma, t, prec);
    arb_neg(Kg, Kg);                                /* -eta_gamma / N */
    /* entry (i, j) is the dot of (cG, c1_j, c3_j) (contiguous) with row
       i of V = (G_ij, Gw_i, xtp_i): one arb_dot of length 3, half the
       cost of three multiplications at this precision */
    for (i = 0; i < d; i++)
    {
        arb_set(V + 3 * i + 1, Gw + i);
        arb_set(V + 3 * i + 2, J->xtp + i);
    }
    for (j = 0; j < d; j++)
    {
        arb_mul(t, r2, Gw + j, prec);
        arb_sub(t, D->Gb + j, t, prec);
        arb_mul(c1, K1, t, prec);                   /* -eta c1_j */
        arb_mul(c3, K3, Gw + j, prec);              /* eta k Gw_j / S */
        for (i = 0; i < d; i++)
        {
            arb_set(V + 3 * i, arb_mat_entry(D->G, i, j));
            arb_dot(arb_mat_entry(Jm, i, j), i == j ? J->decay : NULL, 0,
                    cG, 1, V + 3 * i, 1, 3, prec);
        }
        arb_mul(arb_mat_entry(Jm, d, j), Kg, J->xtp + j, prec);
    }
    for (i = 0; i < d; i++)
        arb_mul(arb_mat_entry(Jm, i, d), Kw, J->xtp + i, prec);
    arb_sub_ui(arb_mat_entry(Jm, d, d), D->eta_gamma, 1, prec);
    arb_neg(arb_mat_entry(Jm, d, d), arb_mat_entry(Jm, d, d));
}

void
sc_dyn_jacobian_grad(arb_mat_t Jm, arb_ptr g, sc_dyn_t D, arb_srcptr w,
                     const arb_t gamma, slong prec)
{
    slong i, d = D->d;
    sc_jac_struct J;

    sc_jac_carve(&J, D);
    arb_set_round(J.decay, D->decay, prec);             /* 1 - eta lambda */
    if (D->loss == SC_LOSS_SQUARE)
        sc_jac_square(Jm, &J, D, w, gamma, prec);
    else
        sc_jac_generic(Jm, &J, D, w, gamma, prec);
    if (g != NULL)      /* grad_w L = k X~^T p, dL/dgamma = phi / N */
    {
        for (i = 0; i < d; i++)
            arb_mul(g + i, J.k, J.xtp + i, prec);
        arb_div(g + d, J.phi, J.N, prec);
    }
}

void
sc_dyn_jacobian(arb_mat_t Jm, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
                slong prec)
{
    sc_dyn_jacobian_grad(Jm, NULL, D, w, gamma, prec);
}
