/*
 * [L9] Lower bound on the alignment gain q = -<grad_w L, u*>
 * (reconstructed).  Under A1-A3, w in span(X~^T), a > 0, gamma > 0:
 *
 *   (exact) q = (gamma m / ||w||_Sigma) mean(g_i (1 - cos_Sigma y^_i));
 *   if cos_Sigma >= 0:
 *     q >= (gamma m gbar / ||w||_Sigma) sin^2_Sigma                 (Chebyshev)
 *       >= gamma m gbar rho^2 / (kappa ||w||_Sigma (1 + rho^2))     (L8.4)
 *       >= gamma m gbar rho^2 / (kappa sqrt(lmax) sqrt(W) (1 + rho^2))
 *       >= 0.
 *
 * Source: paper Lemma 9 ("Lemma C.1 of Cao et al."); LOGISTIC.md 2.4.
 * Provenance: reconstructed.  Checked rigorously at every state of the
 * certified full-GD trajectory (midpoint projected onto span(X~^T)): the
 * identity against -<grad, u*> of the dynamics' gradient (tolerance scale
 * gamma m / ||w||_Sigma, LOGISTIC.md 5b), each link of the chain gated on
 * cos_Sigma >= 0.  q ~ rho^2 falls below the working precision when rho is
 * tiny: such steps ask for more precision, never pass or fail.
 * slack = the least ratio of consecutive links over states.
 */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

static void
sc_l9_state(sc_tally_struct * tl, sc_result_t res,
            const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    arb_t k, b1, b2, b3, r2, zero;

    arb_init(k);
    arb_init(b1);
    arb_init(b2);
    arb_init(b3);
    arb_init(r2);
    arb_init(zero);
    arb_mul(k, s->gamma, L->m, prec);           /* gamma m / Ns */
    arb_div(k, k, s->Ns, prec);
    sc_tally_identity(tl, res, "L9 q = (gamma m/N_Sigma) mean(g(1 - cos y^))",
                     s->qf, s->q, k, prec);
    if (sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        arb_mul(k, k, s->gbar, prec);
        arb_mul(b1, k, s->sin2, prec);
        sc_tally_lower(tl, res, "L9 q >= (gamma m gbar/N_Sigma) sin^2", s->q,
                      b1, prec);
        arb_sqr(r2, s->rho, prec);
        arb_add_ui(b2, r2, 1, prec);
        arb_div(r2, r2, b2, prec);
        arb_div(r2, r2, L->kappa, prec);        /* rho^2/(kappa(1+rho^2)) */
        arb_mul(b2, k, r2, prec);
        sc_tally_lower(tl, res, "L9 (..) sin^2 >= (..) rho^2/(kappa(1+rho^2))",
                      b1, b2, prec);
        arb_mul(b3, s->gamma, L->m, prec);
        arb_mul(b3, b3, s->gbar, prec);
        arb_mul(b3, b3, r2, prec);
        arb_sqrtpos(k, s->W, prec);
        arb_mul(k, k, L->slmax, prec);
        arb_div(b3, b3, k, prec);
        sc_tally_lower(tl, res, "L9 N_Sigma <= sqrt(lmax W) form", b2, b3,
                      prec);
        sc_tally_lower(tl, res, "L9 last bound >= 0", b3, zero, prec);
    }
    arb_clear(zero);
    arb_clear(r2);
    arb_clear(b3);
    arb_clear(b2);
    arb_clear(b1);
    arb_clear(k);
}

int
sc_thm_l9_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3, 1, 0, sc_l9_state, 0,
                        "q identity and the L9 chain held",
                        "no form applied", prec);
}
