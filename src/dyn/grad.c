/*
 * grad.c -- loss and gradient of the BN linear model by the chain rule.
 *
 * With v = X~ w, N = ||v|| / sqrt(n) = ||w||_Sigma and logits z = gamma v / N,
 * L = (1/n) sum l(y_i z_i).  Let e_i = dL/dz_i = y_i l'(y_i z_i) / n.  Then
 *   grad_w L  = (gamma / N) X~^T (e - v (v.e) / ||v||^2)
 *   dL/dgamma = (v.e) / N,
 * the projection being the derivative of w -> v/||v||.  This is the generic
 * gradient for any loss and any Sigma: nothing assumes whitened data.
 */
#include "dyn/dyn.h"
#include "num/num.h"

void
_sc_dyn_margin_loss(arb_t l, arb_t dl, arb_t d2l, sc_loss_t loss,
                    const arb_t s, arb_t t, slong prec)
{
    if (loss == SC_LOSS_SQUARE)
    {
        arb_sub_ui(t, s, 1, prec);              /* s - 1 = l'(s) */
        if (l != NULL)
        {
            arb_sqr(l, t, prec);
            arb_mul_2exp_si(l, l, -1);
        }
        if (dl != NULL)
            arb_set(dl, t);
        if (d2l != NULL)
            arb_one(d2l);
    }
    else
    {
        if (l != NULL)
        {
            arb_neg(t, s);
            arb_exp(t, t, prec);
            arb_log1p(l, t, prec);
        }
        arb_exp(t, s, prec);
        arb_add_ui(t, t, 1, prec);
        arb_inv(t, t, prec);                    /* sigma(-s) = 1/(1+e^s) */
        if (d2l != NULL)
        {
            arb_sub_ui(d2l, t, 1, prec);
            arb_mul(d2l, d2l, t, prec);
            arb_neg(d2l, d2l);                  /* sigma(s) sigma(-s) */
        }
        if (dl != NULL)
            arb_neg(dl, t);
    }
}


void
sc_dyn_margin_loss(arb_t l, arb_t dl, arb_t d2l, sc_loss_t loss,
                   const arb_t s, slong prec)
{
    arb_t t;

    arb_init(t);
    _sc_dyn_margin_loss(l, dl, d2l, loss, s, t, prec);
    arb_clear(t);
}

/* Fills D->v = X~ w and returns ||v||^2 and N. */
static void
sc_dyn_project(arb_t vn2, arb_t N, sc_dyn_t D, arb_srcptr w, slong prec)
{
    slong i;

    for (i = 0; i < D->n; i++)
        arb_dot(D->v + i, NULL, 0, arb_mat_entry(D->Xc, i, 0), 1, w, 1,
                D->d, prec);
    _sc_vec_norm2(vn2, D->v, D->n, prec);
    arb_div_si(N, vn2, D->n, prec);
    arb_sqrtpos(N, N, prec);
}

/* The square loss, l'(s) = s - 1 and y_i^2 = 1: e = (k v - y) / n, so
   v.e = (k S - q) / n with q = v.y, and p = e - (v.e / S) v = (q v / S - y)
   / n.  Then X~^T p = (q / S X~^T v - X~^T y) / n, and u = X~^T v =
   X~^T X~ w is either d dots of length d with the exact Gram matrix
   (D->gram, d < 2 n) or two passes over the data (X~ w, X~^T v): no
   per-sample arithmetic is left.
   With u = X~^T v, S = ||v||^2 = w.u and q = v.y = w.(X~^T y) are dots of
   length d, not n; and k^2 S = gamma^2 n (N^2 = S / n) turns
   dL/dgamma = v.e / N into gamma - q / (n N) and the loss
   ||y - k v||^2 / 2n into ||y||^2 / 2n - k q / n + gamma^2 / 2: exact
   identities, so the enclosures stay valid (and tighter).  The same chain
   rule as below, on the same data. */
static void
sc_dyn_grad_square(arb_ptr gw, arb_t ggamma, arb_t loss, sc_dyn_t D,
                   arb_srcptr w, const arb_t gamma, slong prec)
{
    slong i, j, n = D->n, d = D->d;
    sc_dyn_grad_work_struct * W = &D->gwork;
    arb_ptr S = W->S, N = W->N, k = W->k, q = W->q, a = W->a;

    if (D->gram)
        for (j = 0; j < d; j++)
            arb_dot(D->u + j, NULL, 0, arb_mat_entry(D->XtX, j, 0), 1, w, 1,
                    d, prec);
    else
    {
        for (i = 0; i < n; i++)
            arb_dot(D->v + i, NULL, 0, arb_mat_entry(D->Xc, i, 0), 1, w, 1,
                    d, prec);
        for (j = 0; j < d; j++)
            arb_dot(D->u + j, NULL, 0, arb_mat_entry(D->Xc, 0, j), d, D->v,
                    1, n, prec);
    }
    _sc_vec_dot(S, w, D->u, d, prec);
    arb_nonnegative_part(S, S);
    _sc_vec_dot(q, w, D->b, d, prec);
    arb_div_si(N, S, n, prec);
    arb_sqrtpos(N, N, prec);
    arb_div(k, gamma, N, prec);
    if (ggamma != NULL)     /* gamma - q / (n N) */
    {
        arb_div(a, q, N, prec);
        arb_div_si(a, a, n, prec);
        arb_sub(ggamma, gamma, a, prec);
    }
    if (loss != NULL)       /* ||y||^2 / 2n - k q / n + gamma^2 / 2 */
    {
        arb_mul(a, k, q, prec);
        arb_div_si(a, a, n, prec);
        arb_sub(a, D->Y2n, a, prec);
        arb_sqr(loss, gamma, prec);
        arb_mul_2exp_si(loss, loss, -1);
        arb_add(loss, loss, a, prec);
    }
    arb_div(a, q, S, prec);
    arb_div_si(k, k, n, prec);
    for (j = 0; j < d; j++)
    {
        arb_mul(gw + j, D->u + j, a, prec);
        arb_sub(gw + j, gw + j, D->b + j, prec);
        arb_mul(gw + j, gw + j, k, prec);
    }
}

void
sc_dyn_grad(arb_ptr gw, arb_t ggamma, arb_t loss, sc_dyn_t D,
            arb_srcptr w, const arb_t gamma, slong prec)
{
    slong i, n = D->n;
    sc_dyn_grad_work_struct * W = &D->gwork;
    arb_ptr vn2 = W->S, N = W->N, s = W->s, l = W->l, ve = W->ve, k = W->k;

    if (D->loss == SC_LOSS_SQUARE && !D->point)
    {
        sc_dyn_grad_square(gw, ggamma, loss, D, w, gamma, prec);
        return;
    }
    sc_dyn_project(vn2, N, D, w, prec);

    if (loss != NULL)
        arb_zero(loss);
    arb_div(k, gamma, N, prec);                 /* z_i = k v_i */
    for (i = 0; i < n; i++)
    {
        arb_mul(s, k, D->v + i, prec);
        arb_mul(s, s, D->y + i, prec);          /* margin y_i z_i */
        _sc_dyn_margin_loss(loss != NULL ? l : NULL, D->e + i, NULL,
                            D->loss, s, W->ml, prec);
        if (loss != NULL)
            arb_add(loss, loss, l, prec);
        arb_mul(D->e + i, D->e + i, D->y + i, prec);
        arb_div_si(D->e + i, D->e + i, n, prec);
    }
    if (loss != NULL)
        arb_div_si(loss, loss, n, prec);

    _sc_vec_dot(ve, D->v, D->e, n, prec);
    if (ggamma != NULL)
        arb_div(ggamma, ve, N, prec);

    arb_div(s, ve, vn2, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(D->p + i, D->v + i, s, prec);
        arb_sub(D->p + i, D->e + i, D->p + i, prec);
    }
    for (i = 0; i < D->d; i++)
    {
        arb_dot(gw + i, NULL, 0, arb_mat_entry(D->Xc, 0, i), D->d, D->p, 1,
                n, prec);
        arb_mul(gw + i, gw + i, k, prec);
    }
}

void
sc_dyn_loss(arb_t loss, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
            slong prec)
{
    slong i;
    sc_dyn_grad_work_struct * W = &D->gwork;
    arb_ptr vn2 = W->S, N = W->N, s = W->s, l = W->l;

    sc_dyn_project(vn2, N, D, w, prec);
    arb_zero(loss);
    for (i = 0; i < D->n; i++)
    {
        arb_mul(s, gamma, D->v + i, prec);
        arb_div(s, s, N, prec);
        arb_mul(s, s, D->y + i, prec);
        _sc_dyn_margin_loss(l, NULL, NULL, D->loss, s, W->ml, prec);
        arb_add(loss, loss, l, prec);
    }
    arb_div_si(loss, loss, D->n, prec);
}

void
sc_dyn_loss_proj(arb_t loss, arb_ptr v, arb_t N, sc_dyn_t D, arb_srcptr w,
                 const arb_t gamma, slong prec)
{
    sc_dyn_loss(loss, D, w, gamma, prec);
    _arb_vec_set(v, D->v, D->n);
    arb_set(N, D->gwork.N);
}
