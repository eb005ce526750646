/*
 * [L4] Upper bound on the loss through direction and scale
 * (reconstructed).  Under A1-A3, w in span(X~^T), a > 0, gamma > 0, with
 * l(t) = log(1 + e^-t), sigma(-gamma) and L = mean l(gamma y^_i):
 *
 *   (lo)          L >= l(gamma);
 *   (sandwich)    sigma(-gamma) gamma (1 - cos_Sigma) <= L - l(gamma)
 *                   <= gamma (sigma(-gamma) + gamma / 4) (1 - cos_Sigma);
 *   (rho-form)    if cos_Sigma >= 0:
 *                 L <= l(gamma) + gamma (sigma(-gamma) + gamma/4) kappa rho^2 / (1 + rho^2);
 *   (paper-style) if eps_Sigma < 1 and eps_inf < 1:
 *                 L <= l(gamma (1 - eps_inf) / (1 + eps_Sigma)).
 *
 * Four claims, one per form: [L4-lo], [L4-S] (both sides), [L4-rho],
 * [L4-P], each NOT-APPLICABLE where its gate never opens.
 *
 * Source: paper Lemma 4 (constants lost); LOGISTIC.md 2.3.  Provenance:
 * reconstructed.  Checked rigorously at every state of the certified
 * full-GD trajectory (midpoint projected onto span(X~^T)); 1 - cos_Sigma
 * is mean((y^ - 1)^2) / 2.  The rho-form is gated on cos_Sigma >= 0 and
 * the paper-style form on eps_Sigma, eps_inf < 1.  The upper forms are
 * checked on the excess L - l(gamma) (the same claims), so that slack
 * compares the excess with its bound: slack = the least bound / value (or
 * value / bound) over its forms and states.  The lo form is checked as
 * L >= l(gamma) (slack L / l(gamma)), so that a control factor can break
 * it: on the excess its bound would be 0.
 */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* the items of [L4], one claim each (tl->part) */
enum { SC_L4_LO = 1, SC_L4_SANDWICH, SC_L4_RHO, SC_L4_PAPER };

/* k = gamma (sigma(-gamma) + gamma / 4) */
static void
sc_l4_curv(arb_t k, const sc_logi_state_struct * s, slong prec)
{
    arb_mul_2exp_si(k, s->gamma, -2);
    arb_add(k, k, s->sigm, prec);
    arb_mul(k, k, s->gamma, prec);
}

static void
sc_l4_state(sc_tally_struct * tl, sc_result_t res,
            const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    arb_t k, ex, x, y, zero, one;

    arb_init(k);
    arb_init(ex);
    arb_init(x);
    arb_init(y);
    arb_init(zero);
    arb_init(one);
    arb_one(one);
    arb_sub(ex, s->loss, s->ell, prec);         /* L - l(gamma) */
    if (sc_tally_part(tl, SC_L4_LO))
        sc_tally_lower(tl, res, "L4 lo: L >= l(gamma)", s->loss, s->ell,
                       prec);
    sc_l4_curv(k, s, prec);
    if (sc_tally_part(tl, SC_L4_SANDWICH))
    {
        arb_mul(x, s->sigm, s->gamma, prec);
        arb_mul(x, x, s->omc, prec);
        sc_tally_lower(tl, res, "L4 sandwich: L - l(gamma) >= sigma(-gamma) "
                       "gamma (1 - cos)", ex, x, prec);
        arb_mul(x, k, s->omc, prec);
        sc_tally_upper(tl, res, "L4 sandwich: L - l(gamma) <= gamma "
                       "(sigma(-gamma) + gamma/4)(1 - cos)", ex, x, prec);
    }
    if (sc_tally_part(tl, SC_L4_RHO)
        && sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        arb_sqr(x, s->rho, prec);
        arb_add_ui(y, x, 1, prec);
        arb_div(x, x, y, prec);
        arb_mul(x, x, L->kappa, prec);
        arb_mul(x, x, k, prec);
        sc_tally_upper(tl, res, "L4 rho-form: L - l(gamma) <= gamma (sigma + "
                      "gamma/4) kappa rho^2/(1+rho^2)", ex, x, prec);
    }
    if (sc_tally_part(tl, SC_L4_PAPER)
        && sc_tally_gate(tl, res, "eps_Sigma < 1 and eps_inf < 1",
                     sc_truth_and(sc_num_lt(s->epsS, one),
                                  sc_num_lt(s->epsI, one))))
    {
        arb_sub_ui(x, s->epsI, 1, prec);
        arb_neg(x, x);
        arb_add_ui(y, s->epsS, 1, prec);
        arb_div(x, x, y, prec);
        arb_mul(x, x, s->gamma, prec);
        sc_dyn_margin_loss(y, NULL, NULL, SC_LOSS_LOGISTIC, x, prec);
        arb_sub(y, y, s->ell, prec);
        sc_tally_upper(tl, res, "L4 paper-style: L - l(gamma) <= l(gamma "
                      "(1-eps_inf)/(1+eps_Sigma)) - l(gamma)", ex, y, prec);
    }
    arb_clear(one);
    arb_clear(zero);
    arb_clear(y);
    arb_clear(x);
    arb_clear(ex);
    arb_clear(k);
}

int
sc_thm_l4_lo_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l4_state,
                        SC_L4_LO, "L4 lo held", "no state", prec);
}

int
sc_thm_l4_sandwich_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l4_state,
                        SC_L4_SANDWICH, "L4 sandwich held", "no state", prec);
}

int
sc_thm_l4_rho_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l4_state,
                        SC_L4_RHO, "L4 rho-form held",
                        "cos_Sigma >= 0 at no state", prec);
}

int
sc_thm_l4_paper_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l4_state,
                        SC_L4_PAPER, "L4 paper-style held",
                        "eps_Sigma < 1 and eps_inf < 1 at no state", prec);
}
