/*
 * model.c -- the case in balls at one precision (sc_dyn_t).
 */
#include "dyn/dyn.h"
#include "num/num.h"

/* X~^T y and, for the square loss, X~^T X~ = n Sigma from the exact
   data, each entry rounded once: tighter than sums of rounded products,
   and the square loss's gradient then needs d^2 terms a step instead of
   2 n d. */
static void
sc_dyn_init_gram(sc_dyn_t D, const sc_case_t c, const sc_data_t data,
                 slong prec)
{
    slong i, j, n = c->n, d = c->d;
    fmpq_t t;

    for (j = 0; j < d; j++)
        arb_set_fmpq(D->b + j, fmpq_mat_entry(data->Xty, j, 0), prec);
    D->gram = (c->loss == SC_LOSS_SQUARE && d < 2 * n);
    if (c->loss != SC_LOSS_SQUARE)
        return;
    fmpq_init(t);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            fmpq_mul_si(t, fmpq_mat_entry(data->Sigma, i, j), n);
            arb_set_fmpq(arb_mat_entry(D->XtX, i, j), t, prec);
        }
    fmpq_clear(t);
}

static void
sc_dyn_grad_work_init(sc_dyn_grad_work_struct * W)
{
    arb_init(W->S);
    arb_init(W->N);
    arb_init(W->k);
    arb_init(W->q);
    arb_init(W->a);
    arb_init(W->s);
    arb_init(W->l);
    arb_init(W->ve);
    arb_init(W->ml);
}

static void
sc_dyn_grad_work_clear(sc_dyn_grad_work_struct * W)
{
    arb_clear(W->ml);
    arb_clear(W->ve);
    arb_clear(W->l);
    arb_clear(W->s);
    arb_clear(W->a);
    arb_clear(W->q);
    arb_clear(W->k);
    arb_clear(W->N);
    arb_clear(W->S);
}

static void
sc_dyn_jac_work_init(sc_dyn_jac_work_struct * W)
{
    slong i;

    arb_init(W->S);
    arb_init(W->N);
    arb_init(W->k);
    arb_init(W->phi);
    arb_init(W->sigma);
    arb_init(W->vdv);
    arb_init(W->dN);
    arb_init(W->dk);
    arb_init(W->dphi);
    arb_init(W->dsig);
    arb_init(W->t);
    arb_init(W->dgg);
    arb_init(W->decay);
    arb_init(W->dgamma);
    arb_init(W->q);
    arb_init(W->r);
    for (i = 0; i < 3; i++)
        arb_init(W->coef + i);
    arb_init(W->ml);
}

static void
sc_dyn_jac_work_clear(sc_dyn_jac_work_struct * W)
{
    slong i;

    arb_clear(W->ml);
    for (i = 2; i >= 0; i--)
        arb_clear(W->coef + i);
    arb_clear(W->r);
    arb_clear(W->q);
    arb_clear(W->dgamma);
    arb_clear(W->decay);
    arb_clear(W->dgg);
    arb_clear(W->t);
    arb_clear(W->dsig);
    arb_clear(W->dphi);
    arb_clear(W->dk);
    arb_clear(W->dN);
    arb_clear(W->vdv);
    arb_clear(W->sigma);
    arb_clear(W->phi);
    arb_clear(W->k);
    arb_clear(W->N);
    arb_clear(W->S);
}

void
sc_dyn_init(sc_dyn_t D, const sc_case_t c, const sc_data_t data, slong prec)
{
    slong i, j, n = c->n, d = c->d;
    arb_t t;

    D->loss = c->loss;
    D->n = n;
    D->d = d;
    arb_mat_init(D->Xc, n, d);
    D->y = _arb_vec_init(n);
    D->ustar = _arb_vec_init(d);
    D->v = _arb_vec_init(n);
    D->e = _arb_vec_init(n);
    D->p = _arb_vec_init(n);
    D->u = _arb_vec_init(d);
    D->r = _arb_vec_init(d);
    D->jn = _arb_vec_init(6 * n);
    D->jd = _arb_vec_init(5 * d);
    sc_dyn_grad_work_init(&D->gwork);
    sc_dyn_jac_work_init(&D->jwork);
    D->b = _arb_vec_init(d);
    arb_mat_init(D->XtX, c->loss == SC_LOSS_SQUARE ? d : 0,
                 c->loss == SC_LOSS_SQUARE ? d : 0);
    arb_init(D->Y2n);
    arb_init(D->decay);
    arb_mat_init(D->G, d, d);
    D->Gb = _arb_vec_init(d);
    D->gprec = 0;
    arb_init(D->c);
    arb_init(D->Lstar);
    arb_init(D->eta);
    arb_init(D->eta_gamma);
    arb_init(D->weight_decay);
    arb_init(D->momentum);
    arb_init(t);

    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            arb_set_fmpq(arb_mat_entry(D->Xc, i, j),
                         fmpq_mat_entry(data->Xc, i, j), prec);
        arb_set_fmpq(D->y + i, fmpq_mat_entry(c->y, i, 0), prec);
    }
    D->has_ref = data->has_ref;
    if (D->has_ref)
    {
        sc_num_sqrt_fmpq(D->c, data->c2, prec);
        for (j = 0; j < d; j++)
        {
            arb_set_fmpq(D->ustar + j, fmpq_mat_entry(data->wstar, j, 0),
                         prec);
            arb_div(D->ustar + j, D->ustar + j, D->c, prec);
        }
    }
    sc_dyn_init_gram(D, c, data, prec);
    _sc_vec_norm2(D->Y2n, D->y, n, prec);
    arb_div_si(D->Y2n, D->Y2n, 2 * n, prec);
    arb_set_fmpq(D->Lstar, data->y2, prec);
    arb_div_si(D->Lstar, D->Lstar, 2 * n, prec);
    arb_set_fmpq(t, data->c2_sigma, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_sub(D->Lstar, D->Lstar, t, prec);
    arb_set_fmpq(D->eta, c->eta, prec);
    arb_set_fmpq(D->eta_gamma, c->eta_gamma, prec);
    arb_set_fmpq(D->weight_decay, c->weight_decay, prec);
    arb_set_fmpq(D->momentum, c->momentum, prec);
    arb_mul(D->decay, D->eta, D->weight_decay, prec);
    arb_sub_ui(D->decay, D->decay, 1, prec);
    arb_neg(D->decay, D->decay);
    D->project_norm = c->project_norm;
    D->point = 0;
    arb_clear(t);
}

void
sc_dyn_clear(sc_dyn_t D)
{
    arb_clear(D->momentum);
    arb_clear(D->weight_decay);
    arb_clear(D->eta_gamma);
    arb_clear(D->eta);
    arb_clear(D->Lstar);
    arb_clear(D->c);
    _arb_vec_clear(D->Gb, D->d);
    arb_mat_clear(D->G);
    arb_clear(D->decay);
    arb_clear(D->Y2n);
    arb_mat_clear(D->XtX);
    _arb_vec_clear(D->b, D->d);
    sc_dyn_jac_work_clear(&D->jwork);
    sc_dyn_grad_work_clear(&D->gwork);
    _arb_vec_clear(D->jd, 5 * D->d);
    _arb_vec_clear(D->jn, 6 * D->n);
    _arb_vec_clear(D->r, D->d);
    _arb_vec_clear(D->u, D->d);
    _arb_vec_clear(D->p, D->n);
    _arb_vec_clear(D->e, D->n);
    _arb_vec_clear(D->v, D->n);
    _arb_vec_clear(D->ustar, D->d);
    _arb_vec_clear(D->y, D->n);
    arb_mat_clear(D->Xc);
}
