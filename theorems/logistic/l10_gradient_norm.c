/*
 * [L10] Upper bounds on the gradient norm (reconstructed).  Under A1-A3,
 * w in span(X~^T), a > 0, gamma > 0, with g_i = sigma(-gamma y^_i):
 *
 *   (i)  ||grad_w L|| <= (gamma sqrt(lmax) / ||w||_Sigma) rms(g)
 *                    <= gamma sqrt(lmax) / ||w||_Sigma <= gamma sqrt(kappa) / ||w||;
 *   (ii) with D = sigma'(gamma max(0, min(1, min_i y^_i))) and
 *        C = sigma(-gamma) + sqrt2 gamma D:
 *        ||grad_w L|| <= (gamma sqrt(lmax) / ||w||_Sigma)
 *                        [sigma(-gamma) sin_Sigma + gamma D sqrt(2 (1 - cos_Sigma))],
 *        and if cos_Sigma >= 0 this is
 *        <= (gamma sqrt(lmax) / ||w||_Sigma) C sin_Sigma <= gamma kappa rho C / (a (1 + rho^2)).
 *
 * Two claims: [L10-i] and [L10-ii] (both of its lines).
 *
 * Source: paper Lemma 10 ("projection matrix", "Mean Value Theorem");
 * LOGISTIC.md 2.5.  Provenance: reconstructed.  Checked rigorously at
 * every state of the certified full-GD trajectory (midpoint projected onto
 * span(X~^T)); the gradient is the dynamics' own.  The second line of (ii)
 * is gated on cos_Sigma >= 0.  slack = the least ratio of consecutive links
 * over states.
 */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* the items of [L10], one claim each (tl->part) */
enum { SC_L10_I = 1, SC_L10_II };

static void
sc_l10_chain_i(sc_tally_struct * tl, sc_result_t res,
               const sc_logi_state_struct * s, sc_logi_t L, arb_t k,
               slong prec)
{
    arb_t b1, b3;

    arb_init(b1);
    arb_init(b3);
    arb_mul(k, s->gamma, L->slmax, prec);       /* gamma sqrt(lmax) / Ns */
    arb_div(k, k, s->Ns, prec);
    arb_mul(b1, k, s->grms, prec);
    sc_tally_upper(tl, res, "L10(i) |grad| <= (gamma sqrt(lmax)/N_Sigma) "
                  "rms(g)", s->gnorm, b1, prec);
    sc_tally_upper(tl, res, "L10(i) rms(g) form <= gamma sqrt(lmax)/N_Sigma",
                  b1, k, prec);
    arb_sqrt(b3, L->kappa, prec);
    arb_mul(b3, b3, s->gamma, prec);
    arb_sqrtpos(b1, s->W, prec);
    arb_div(b3, b3, b1, prec);
    sc_tally_upper(tl, res, "L10(i) gamma sqrt(lmax)/N_Sigma <= gamma "
                  "sqrt(kappa)/|w|", k, b3, prec);
    arb_clear(b3);
    arb_clear(b1);
}

static void
sc_l10_state(sc_tally_struct * tl, sc_result_t res,
             const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    arb_t k, sn, b1, b2, b3, t, zero;

    arb_init(k);
    arb_init(sn);
    arb_init(b1);
    arb_init(b2);
    arb_init(b3);
    arb_init(t);
    arb_init(zero);
    if (sc_tally_part(tl, SC_L10_I))
        sc_l10_chain_i(tl, res, s, L, k, prec);
    if (!sc_tally_part(tl, SC_L10_II))
        goto cleanup;
    arb_mul(k, s->gamma, L->slmax, prec);       /* gamma sqrt(lmax) / Ns */
    arb_div(k, k, s->Ns, prec);
    arb_sqrtpos(sn, s->sin2, prec);             /* sin_Sigma */
    arb_mul_2exp_si(t, s->omc, 1);
    arb_sqrtpos(t, t, prec);
    arb_mul(t, t, s->gamma, prec);
    arb_mul(t, t, s->D, prec);
    arb_addmul(t, s->sigm, sn, prec);
    arb_mul(b1, k, t, prec);
    sc_tally_upper(tl, res, "L10(ii) |grad| <= (..)[sigma(-gamma) sin + "
                  "gamma D sqrt(2(1-cos))]", s->gnorm, b1, prec);
    if (sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        arb_mul(b2, k, s->C, prec);
        arb_mul(b2, b2, sn, prec);
        sc_tally_upper(tl, res, "L10(ii) [..] <= C sin_Sigma", b1, b2, prec);
        arb_sqr(t, s->rho, prec);
        arb_add_ui(t, t, 1, prec);
        arb_mul(t, t, s->a, prec);
        arb_mul(b3, s->gamma, L->kappa, prec);
        arb_mul(b3, b3, s->rho, prec);
        arb_mul(b3, b3, s->C, prec);
        arb_div(b3, b3, t, prec);
        sc_tally_upper(tl, res, "L10(ii) C sin form <= gamma kappa rho C/"
                      "(a(1+rho^2))", b2, b3, prec);
    }
cleanup:
    arb_clear(zero);
    arb_clear(t);
    arb_clear(b3);
    arb_clear(b2);
    arb_clear(b1);
    arb_clear(sn);
    arb_clear(k);
}

int
sc_thm_l10_i_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l10_state,
                        SC_L10_I, "L10 (i) held", "no state", prec);
}

int
sc_thm_l10_ii_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l10_state,
                        SC_L10_II, "L10 (ii) held", "no state", prec);
}
