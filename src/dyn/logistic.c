/*
 * logistic.c -- the BN logistic-regression model in balls: the case's
 * constants of LOGISTIC.md section 1 at one precision (sc_logi_init), and
 * the quantities of one state (sc_logi_state_set).
 *
 * The gradient, loss, a, b, rho and W come from the dynamics module
 * (sc_dyn_grad, sc_dyn_direction), so the checkers judge the very
 * gradient that full GD steps with.  The rest is computed here from the
 * normalised margins, with the cancellations of section 5b avoided:
 * 1 - cos_Sigma = mean((y^ - 1)^2) / 2 and sin^2 = mean((y^ - cos)^2),
 * both sums of squares, never differences of numbers near 1.
 */
#include "dyn/dyn.h"
#include "num/num.h"

static void
sc_logi_fmpq_mat_to_arb(arb_mat_t A, const fmpq_mat_t Q, slong prec)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(Q); i++)
        for (j = 0; j < fmpq_mat_ncols(Q); j++)
            arb_set_fmpq(arb_mat_entry(A, i, j), fmpq_mat_entry(Q, i, j),
                         prec);
}

/* Bt = a basis of span(X~^T) as columns (the rows of the data's rref),
   Ginv = (B B^T)^-1, both exact rationals rounded once: P = Bt Ginv Bt^T
   is the orthogonal projection. */
static void
sc_logi_init_projection(sc_logi_t L, const sc_data_t data, slong prec)
{
    fmpq_mat_t B, Bt, G;

    fmpq_mat_init(B, 0, L->d);
    L->r = data->rank;
    sc_data_rref_basis(B, data->rref, L->r);
    fmpq_mat_init(Bt, L->d, L->r);
    fmpq_mat_init(G, L->r, L->r);
    fmpq_mat_transpose(Bt, B);
    fmpq_mat_mul(G, B, Bt);
    if (L->r > 0 && !fmpq_mat_inv(G, G))
        flint_abort();      /* Gram matrix of independent rows */
    arb_mat_init(L->Bt, L->d, L->r);
    arb_mat_init(L->Ginv, L->r, L->r);
    sc_logi_fmpq_mat_to_arb(L->Bt, Bt, prec);
    sc_logi_fmpq_mat_to_arb(L->Ginv, G, prec);
    L->u = _arb_vec_init(L->r);
    L->z = _arb_vec_init(L->r);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Bt);
    fmpq_mat_clear(B);
}

void
sc_logi_init(sc_logi_t L, sc_dyn_struct * D, const sc_case_t c,
             const sc_data_t data, slong prec)
{
    const sc_svm_struct * S = data->svm;
    fmpq_mat_t xs;
    fmpq_t t;
    slong i;

    L->n = c->n;
    L->d = c->d;
    L->D = D;
    arb_init(L->m);
    arb_init(L->lmin);
    arb_init(L->lmax);
    arb_init(L->kappa);
    arb_init(L->slmax);
    arb_init(L->R);
    arb_init(L->beta);
    arb_init(L->ws);
    sc_num_sqrt_fmpq(L->m, S->m2, prec);
    sc_svm_lambda(L->lmin, L->lmax, S, prec);
    L->m2_le_lmax = S->m2_place != SC_OK ? SC_UNKNOWN
                    : (S->m2_equal > 0 || S->m2_above > 0) ? SC_TRUE
                    : SC_FALSE;
    arb_div(L->kappa, L->lmax, L->lmin, prec);
    arb_sqrtpos(L->slmax, L->lmax, prec);
    sc_num_sqrt_fmpq(L->R, S->R2, prec);
    if (S->a4)
        sc_svm_beta(L->beta, S, prec);
    else
        arb_zero(L->beta);

    /* X~ w* and ||w*||_Sigma exactly, for cos_Sigma by its definition */
    fmpq_mat_init(xs, L->n, 1);
    fmpq_init(t);
    fmpq_mat_mul(xs, data->Xc, S->wstar);
    L->xs = _arb_vec_init(L->n);
    fmpq_zero(t);
    for (i = 0; i < L->n; i++)
    {
        arb_set_fmpq(L->xs + i, fmpq_mat_entry(xs, i, 0), prec);
        fmpq_addmul(t, fmpq_mat_entry(xs, i, 0), fmpq_mat_entry(xs, i, 0));
    }
    arb_set_fmpq(L->ws, t, prec + 8);
    arb_div_si(L->ws, L->ws, L->n, prec + 8);
    arb_sqrtpos(L->ws, L->ws, prec);
    fmpq_clear(t);
    fmpq_mat_clear(xs);
    sc_logi_init_projection(L, data, prec);
}

void
sc_logi_clear(sc_logi_t L)
{
    _arb_vec_clear(L->z, L->r);
    _arb_vec_clear(L->u, L->r);
    arb_mat_clear(L->Ginv);
    arb_mat_clear(L->Bt);
    _arb_vec_clear(L->xs, L->n);
    arb_clear(L->ws);
    arb_clear(L->beta);
    arb_clear(L->R);
    arb_clear(L->slmax);
    arb_clear(L->kappa);
    arb_clear(L->lmax);
    arb_clear(L->lmin);
    arb_clear(L->m);
}

void
sc_logi_state_init(sc_logi_state_struct * s, slong n, slong d)
{
    s->n = n;
    s->d = d;
    s->w = _arb_vec_init(d);
    s->grad = _arb_vec_init(d);
    s->w1 = _arb_vec_init(d);
    s->yhat = _arb_vec_init(n);
    s->g = _arb_vec_init(n);
    arb_init(s->gamma); arb_init(s->a); arb_init(s->b); arb_init(s->rho);
    arb_init(s->W); arb_init(s->gnorm); arb_init(s->q); arb_init(s->qf);
    arb_init(s->Ns); arb_init(s->N); arb_init(s->rS); arb_init(s->gbar);
    arb_init(s->grms); arb_init(s->cos); arb_init(s->cosdef);
    arb_init(s->yh2); arb_init(s->omc); arb_init(s->sin2); arb_init(s->ymin);
    arb_init(s->ymax); arb_init(s->epsS); arb_init(s->epsI);
    arb_init(s->sigm); arb_init(s->ell); arb_init(s->loss); arb_init(s->D);
    arb_init(s->C); arb_init(s->a1); arb_init(s->rho1);
}

void
sc_logi_state_clear(sc_logi_state_struct * s)
{
    arb_clear(s->gamma); arb_clear(s->a); arb_clear(s->b);
    arb_clear(s->rho); arb_clear(s->W); arb_clear(s->gnorm);
    arb_clear(s->q); arb_clear(s->qf); arb_clear(s->Ns); arb_clear(s->N);
    arb_clear(s->rS); arb_clear(s->gbar); arb_clear(s->grms);
    arb_clear(s->cos); arb_clear(s->cosdef); arb_clear(s->yh2);
    arb_clear(s->omc); arb_clear(s->sin2); arb_clear(s->ymin);
    arb_clear(s->ymax); arb_clear(s->epsS); arb_clear(s->epsI);
    arb_clear(s->sigm); arb_clear(s->ell); arb_clear(s->loss);
    arb_clear(s->D); arb_clear(s->C); arb_clear(s->a1); arb_clear(s->rho1);
    _arb_vec_clear(s->g, s->n);
    _arb_vec_clear(s->yhat, s->n);
    _arb_vec_clear(s->w1, s->d);
    _arb_vec_clear(s->grad, s->d);
    _arb_vec_clear(s->w, s->d);
}

/* w = P wmid = Bt Ginv Bt^T wmid */
static void
sc_logi_project(arb_ptr w, sc_logi_t L, arb_srcptr wmid, slong prec)
{
    slong i, j;

    for (i = 0; i < L->r; i++)
    {
        arb_zero(L->u + i);
        for (j = 0; j < L->d; j++)
            arb_addmul(L->u + i, arb_mat_entry(L->Bt, j, i), wmid + j, prec);
    }
    for (i = 0; i < L->r; i++)
        arb_dot(L->z + i, NULL, 0, arb_mat_entry(L->Ginv, i, 0), 1, L->u, 1,
                L->r, prec);
    for (j = 0; j < L->d; j++)
        arb_dot(w + j, NULL, 0, arb_mat_entry(L->Bt, j, 0), 1, L->z, 1,
                L->r, prec);
}

/* Ns, yhat, cosdef and rS = ||r||_Sigma, from X~ w and X~ w* (the data,
   not A3's identity X~ w* = y, which [L8] checks through cos) */
static void
sc_logi_margins(sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    slong i, n = L->n;
    arb_ptr v = _arb_vec_init(n);
    arb_t t, k;

    arb_init(t);
    arb_init(k);
    for (i = 0; i < n; i++)
        arb_dot(v + i, NULL, 0, arb_mat_entry(L->D->Xc, i, 0), 1, s->w, 1,
                L->d, prec);
    _sc_vec_norm2(t, v, n, prec);
    arb_div_si(t, t, n, prec);
    arb_sqrtpos(s->Ns, t, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(s->yhat + i, v + i, L->D->y + i, prec);
        arb_div(s->yhat + i, s->yhat + i, s->Ns, prec);
    }
    /* cos by definition: <X~ w, X~ w*> / (n Ns ||w*||_Sigma) */
    _sc_vec_dot(t, v, L->xs, n, prec);
    arb_div_si(t, t, n, prec);
    arb_mul(k, s->Ns, L->ws, prec);
    arb_div(s->cosdef, t, k, prec);
    /* ||r||_Sigma with X~ r = X~ w - (a / ||w*||) X~ w* */
    arb_div(k, s->a, L->D->c, prec);
    for (i = 0; i < n; i++)
        arb_submul(v + i, k, L->xs + i, prec);
    _sc_vec_norm2(t, v, n, prec);
    arb_div_si(t, t, n, prec);
    arb_sqrtpos(s->rS, t, prec);
    arb_clear(k);
    arb_clear(t);
    _arb_vec_clear(v, n);
}

/* Means over the margins: g, gbar, rms g, cos, mean yhat^2, 1 - cos,
   sin^2, min and max of yhat. */
static void
sc_logi_means(sc_logi_state_struct * s, slong prec)
{
    slong i, n = s->n;
    arb_t t, u, dl;

    arb_init(t);
    arb_init(u);
    arb_init(dl);
    arb_zero(s->gbar); arb_zero(s->grms); arb_zero(s->cos);
    arb_zero(s->yh2); arb_zero(s->omc); arb_zero(s->sin2);
    for (i = 0; i < n; i++)
    {
        arb_mul(t, s->gamma, s->yhat + i, prec);
        sc_dyn_margin_loss(NULL, dl, NULL, SC_LOSS_LOGISTIC, t, prec);
        arb_neg(s->g + i, dl);                  /* sigma(-gamma yhat_i) */
        arb_add(s->gbar, s->gbar, s->g + i, prec);
        arb_addmul(s->grms, s->g + i, s->g + i, prec);
        arb_add(s->cos, s->cos, s->yhat + i, prec);
        arb_addmul(s->yh2, s->yhat + i, s->yhat + i, prec);
        arb_sub_ui(t, s->yhat + i, 1, prec);
        arb_addmul(s->omc, t, t, prec);
        if (i == 0)
        {
            arb_set(s->ymin, s->yhat);
            arb_set(s->ymax, s->yhat);
        }
        arb_min(s->ymin, s->ymin, s->yhat + i, prec);
        arb_max(s->ymax, s->ymax, s->yhat + i, prec);
    }
    arb_div_si(s->gbar, s->gbar, n, prec);
    arb_div_si(s->grms, s->grms, n, prec);
    arb_sqrtpos(s->grms, s->grms, prec);
    arb_div_si(s->cos, s->cos, n, prec);
    arb_div_si(s->yh2, s->yh2, n, prec);
    arb_div_si(s->omc, s->omc, 2 * n, prec);
    for (i = 0; i < n; i++)
    {
        arb_sub(t, s->yhat + i, s->cos, prec);
        arb_addmul(s->sin2, t, t, prec);
    }
    arb_div_si(s->sin2, s->sin2, n, prec);
    arb_clear(dl);
    arb_clear(u);
    arb_clear(t);
}

/* qf = (gamma m / Ns) mean(g_i (1 - cos yhat_i)), with
   1 - cos yhat_i = (1 - cos) - cos (yhat_i - 1) to keep its size ~ rho */
static void
sc_logi_q_formula(sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    slong i;
    arb_t t, u;

    arb_init(t);
    arb_init(u);
    arb_zero(s->qf);
    for (i = 0; i < s->n; i++)
    {
        arb_sub_ui(t, s->yhat + i, 1, prec);
        arb_mul(t, t, s->cos, prec);
        arb_sub(t, s->omc, t, prec);
        arb_addmul(s->qf, s->g + i, t, prec);
    }
    arb_div_si(s->qf, s->qf, s->n, prec);
    arb_mul(t, s->gamma, L->m, prec);
    arb_div(t, t, s->Ns, prec);
    arb_mul(s->qf, s->qf, t, prec);
    arb_clear(u);
    arb_clear(t);
}

/* sigma(-gamma), l(gamma), D = sigma'(gamma max(0, min(1, ymin))),
   C = sigma(-gamma) + sqrt2 gamma D */
static void
sc_logi_constants(sc_logi_state_struct * s, slong prec)
{
    arb_t t, dl;

    arb_init(t);
    arb_init(dl);
    sc_dyn_margin_loss(s->ell, dl, NULL, SC_LOSS_LOGISTIC, s->gamma, prec);
    arb_neg(s->sigm, dl);
    arb_one(t);
    arb_min(t, t, s->ymin, prec);
    arb_zero(dl);
    arb_max(t, t, dl, prec);
    arb_mul(t, t, s->gamma, prec);
    sc_dyn_margin_loss(NULL, NULL, s->D, SC_LOSS_LOGISTIC, t, prec);
    arb_sqrt_ui(t, 2, prec);
    arb_mul(t, t, s->gamma, prec);
    arb_mul(t, t, s->D, prec);
    arb_add(s->C, s->sigm, t, prec);
    arb_clear(dl);
    arb_clear(t);
}

void
sc_logi_state_set(sc_logi_state_struct * s, sc_logi_t L, arb_srcptr wmid,
                  const arb_t gamma, slong prec)
{
    arb_t h;

    arb_init(h);
    arb_set(s->gamma, gamma);
    sc_logi_project(s->w, L, wmid, prec);
    sc_dyn_grad(s->grad, NULL, s->loss, L->D, s->w, s->gamma, prec);
    sc_dyn_direction(s->a, s->b, s->rho, s->W, h, L->D, s->w, s->gamma,
                     prec);
    _sc_vec_dot(s->q, s->grad, L->D->ustar, L->d, prec);
    arb_neg(s->q, s->q);
    _sc_vec_norm2(s->gnorm, s->grad, L->d, prec);
    arb_sqrtpos(s->gnorm, s->gnorm, prec);
    sc_logi_margins(s, L, prec);
    sc_logi_means(s, prec);
    sc_logi_q_formula(s, L, prec);
    sc_logi_constants(s, prec);
    if (arb_is_positive(s->a))
        arb_div(s->N, s->Ns, s->a, prec);
    else
        arb_indeterminate(s->N);
    arb_mul(s->epsS, L->slmax, s->rho, prec);
    arb_div(s->epsS, s->epsS, L->m, prec);
    arb_mul(s->epsI, L->R, s->rho, prec);
    arb_div(s->epsI, s->epsI, L->m, prec);
    arb_clear(h);
}

void
sc_logi_state_step(sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    slong j;
    arb_t b, W, h;

    arb_init(b);
    arb_init(W);
    arb_init(h);
    for (j = 0; j < L->d; j++)
    {
        arb_set(s->w1 + j, s->w + j);
        arb_submul(s->w1 + j, L->D->eta, s->grad + j, prec);
    }
    sc_dyn_direction(s->a1, b, s->rho1, W, h, L->D, s->w1, s->gamma, prec);
    arb_clear(h);
    arb_clear(W);
    arb_clear(b);
}

sc_truth_t
sc_logi_standing(const sc_logi_state_struct * s)
{
    return sc_truth_and(sc_num_is_positive(s->a),
                        sc_num_is_positive(s->gamma));
}
