/*
 * [L1] Square-loss decomposition (exact; square loss, any Sigma).
 *
 *   L(w, gamma) = L* + (gamma - c cos)^2 / 2 + c^2 sin^2 / 2,
 *   L* = ||y||^2 / 2n - c^2 / 2,  c = ||w*||_Sigma,
 *   cos = <w, w*>_Sigma / (||w||_Sigma ||w*||_Sigma)   (Sigma = I: Euclidean).
 *
 * Source: paper Lemma 1 (App. B); THEOREMS.md section 2.
 * The left side is the loss (1/2n) ||y - z||^2 evaluated from the data; the
 * right side is built from X~ w and X~ w* only, with c cos written as
 * <w, w*>_Sigma / ||w||_Sigma so that c = 0 needs no division.  Checked at
 * the midpoint of every certified full-GD state: VIOLATED when the
 * difference ball excludes zero; HOLDS when every difference ball contains
 * zero and is narrower than 2^(-prec/2) of the size of the terms.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* The right-hand side and the size of its terms at state (w, gamma), from
   v = X~ w and N = ||w||_Sigma (sc_dyn_loss_proj: the loss forms them
   anyway). */
static void
sc_l1_rhs(arb_t rhs, arb_t scale, sc_dyn_t D, arb_srcptr vstar,
          const arb_t c2, arb_srcptr v, const arb_t N, const arb_t gamma,
          slong prec)
{
    arb_t ccos, t;

    arb_init(ccos);
    arb_init(t);
    _sc_vec_dot(ccos, v, vstar, D->n, prec);
    arb_div_si(ccos, ccos, D->n, prec);
    arb_div(ccos, ccos, N, prec);               /* c cos */

    arb_sub(rhs, gamma, ccos, prec);
    arb_sqr(rhs, rhs, prec);                    /* (gamma - c cos)^2 */
    arb_sqr(t, ccos, prec);
    arb_sub(t, c2, t, prec);                    /* c^2 sin^2 */
    arb_add(rhs, rhs, t, prec);
    arb_mul_2exp_si(rhs, rhs, -1);
    arb_add(rhs, rhs, D->Lstar, prec);

    arb_abs(scale, D->Lstar);
    arb_sqr(t, gamma, prec);
    arb_add(scale, scale, t, prec);
    arb_add(scale, scale, c2, prec);

    arb_clear(t);
    arb_clear(ccos);
}

int
sc_thm_l1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong t, i, j, n = ctx->cs->n, d = ctx->cs->d;
    arb_ptr w, v, vstar;
    arb_t N, gamma, lhs, rhs, scale, diff, worst, c2, f;
    sc_dyn_struct * D;
    int status = SC_OK;

    if (ctx->cs->loss != SC_LOSS_SQUARE)
    {
        sc_result_not_applicable(res, "logistic loss", "[L1] is about the "
                                 "square loss");
        return SC_OK;
    }
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    w = _arb_vec_init(d);
    v = _arb_vec_init(n);
    vstar = _arb_vec_init(n);
    arb_init(N);
    arb_init(gamma);
    arb_init(lhs);
    arb_init(rhs);
    arb_init(scale);
    arb_init(diff);
    arb_init(worst);
    arb_init(c2);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    D = sc_ctx_dyn(ctx, prec);
    arb_set_fmpq(c2, ctx->data->c2_sigma, prec);
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
        {
            arb_set_fmpq(diff, fmpq_mat_entry(ctx->data->wstar, j, 0), prec);
            arb_addmul(vstar + i, arb_mat_entry(D->Xc, i, j), diff, prec);
        }

    res->verdict = SC_HOLDS;
    for (t = 0; t < T->len; t++)
    {
        sc_traj_state_mid(w, gamma, T, t);
        sc_dyn_loss_proj(lhs, v, N, D, w, gamma, prec);
        sc_l1_rhs(rhs, scale, D, vstar, c2, v, N, gamma, prec);
        arb_mul(rhs, rhs, f, prec);             /* f = 1 outside tests */
        arb_sub(diff, lhs, rhs, prec);
        if (!arb_contains_zero(diff))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, rhs);
            sc_result_set_observed(res, lhs);
            sc_result_reason(res, "L != L* + (gamma - c cos)^2/2 + "
                             "c^2 sin^2/2 at step %ld", (long) t);
            break;
        }
        arb_div(diff, diff, scale, prec);
        sc_num_max_ubound(worst, diff, prec);
        arb_one(rhs);
        arb_mul_2exp_si(rhs, rhs, -prec / 2);
        if (!arb_le(worst, rhs))
        {
            sc_result_reason(res, "difference not resolved at step %ld",
                             (long) t);
            status = SC_UNABLE;
            break;
        }
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        arb_zero(rhs);
        sc_result_set_predicted(res, rhs);
        sc_result_set_observed(res, worst);
        sc_result_reason(res, "|L - decomposition| / scale <= observed at "
                         "all %ld states", (long) T->len);
    }

    arb_clear(f);
    arb_clear(c2);
    arb_clear(worst);
    arb_clear(diff);
    arb_clear(scale);
    arb_clear(rhs);
    arb_clear(lhs);
    arb_clear(gamma);
    arb_clear(N);
    _arb_vec_clear(vstar, n);
    _arb_vec_clear(v, n);
    _arb_vec_clear(w, d);
    return status;
}
