/*
 * [T5.1] Theorem 5' item (1) and certificate F_t (reconstructed).
 *
 *   Under A1-A3, w_0 in span(X~^T), a_0 > 0, gamma_0 > 0,
 *   rho_0 < m / sqrt(lmax) and eta_gamma T < gamma_0 (T = the horizon):
 *   if eta <= eta_max := 2 m^2 (1 - eps_0) g_lo W_0 / (Gamma lmax C_Gamma^2)
 *   (constants in logistic/thm5_constants.c) then rho_{t+1} <= rho_t and
 *   a_{t+1} >= a_t for all t < T.
 *   Per step (a, a' > 0, gamma > 0, cos_Sigma >= 0):
 *   F_t: eta gamma lmax C^2 <= 2 m gbar W N  implies  rho' <= rho.
 *
 * Source: paper Theorem 5 item 1 (constants lost); LOGISTIC.md 2.7.
 * Provenance: reconstructed.  Item (1) is checked on the certified full-GD
 * trajectory: eta <= eta_max in balls, then every step certified
 * non-rising and a non-decreasing.  F_t is checked at every state
 * (midpoint projected onto span(X~^T)) with the plain step recomputed
 * from it.  Control runs (ctx->factor = Q) divide eta_max and the right
 * side of F_t by Q: Q < 1 claims more, so a wrong certificate shows up.
 * predicted / observed / slack: the least F_t margin
 * 2 m gbar W N / (eta gamma lmax C^2) over the steps where F_t holds (the
 * room of the per-step certificate; >= eta_max / eta under item (1)).
 * eta_max is the extra "eta_max".
 */
#include <stdio.h>
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* The trajectory when item (1) applies, else NULL (tl->arg). */
typedef struct
{
    const sc_traj_struct * T;
}
sc_t51_arg;

/* Item (1) at step t of the certified trajectory, then F_t at s:
   lhs = eta gamma lmax C^2, rhs = 2 m gbar W N. */
static void
sc_t51_state(sc_tally_struct * tl, sc_result_t res,
             const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    const sc_traj_struct * T = ((const sc_t51_arg *) tl->arg)->T;
    slong t = tl->step;
    arb_t lhs, rhs, zero;
    sc_truth_t F;

    if (T != NULL)
    {
        sc_tally_implies(tl, res, "item (1): rho_{t+1} <= rho_t", SC_TRUE,
                        sc_truth_not(T->rising[t]));
        sc_tally_implies(tl, res, "item (1): a_{t+1} >= a_t", SC_TRUE,
                        sc_num_ge(T->a + t + 1, T->a + t));
    }
    if (tl->standing != SC_TRUE)
        return;
    arb_init(lhs);
    arb_init(rhs);
    arb_init(zero);
    if (sc_tally_gate(tl, res, "a' > 0", sc_num_is_positive(s->a1))
        && sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        arb_sqr(lhs, s->C, prec);
        arb_mul(lhs, lhs, L->lmax, prec);
        arb_mul(lhs, lhs, s->gamma, prec);
        arb_mul(lhs, lhs, L->D->eta, prec);
        arb_mul(rhs, L->m, s->gbar, prec);
        arb_mul(rhs, rhs, s->W, prec);
        arb_mul(rhs, rhs, s->N, prec);
        arb_mul_2exp_si(rhs, rhs, 1);
        arb_mul(zero, lhs, tl->f, prec);        /* Q lhs <= rhs */
        F = sc_num_le(zero, rhs);
        if (F == SC_TRUE)
            sc_tally_note(tl, "F_t margin", lhs, rhs, prec);
        sc_tally_implies(tl, res, "F_t => rho' <= rho", F,
                        sc_num_le(s->rho1, s->rho));
    }
    arb_clear(zero);
    arb_clear(rhs);
    arb_clear(lhs);
}

/* Truth of item (1)'s hypotheses including eta <= eta_max / Q. */
static sc_truth_t
sc_t51_applies(const sc_logi_thm5_struct * K, const arb_t f, sc_logi_t L,
               slong prec)
{
    arb_t e;
    sc_truth_t r;

    if (K->hyp != SC_TRUE)
        return K->hyp;
    arb_init(e);
    arb_div(e, K->eta_max, f, prec);
    r = sc_num_le(L->D->eta, e);
    arb_clear(e);
    return r;
}

int
sc_thm_t5_1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_logi_thm5_struct K;
    sc_logi_struct * L;
    sc_truth_t item1;
    sc_t51_arg arg;
    char what[SC_REASON_LEN], na[SC_REASON_LEN];
    char * s;
    int status = SC_OK;

    if (!sc_logi_applies(res, ctx, SC_LOGI_NEED_A3 | SC_LOGI_NEED_PLAIN))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    L = sc_ctx_logi(ctx, prec);
    sc_logi_thm5_init(&K, L, ctx, prec);
    sc_tally_init(&tl, ctx, prec);
    item1 = sc_t51_applies(&K, tl.f, L, prec);
    if (item1 == SC_UNKNOWN)
    {
        sc_result_reason(res, "item (1) hypotheses undecided: %s",
                         K.hyp == SC_TRUE ? "eta <= eta_max" : K.why);
        status = SC_UNABLE;
        goto cleanup;
    }
    arg.T = (item1 == SC_TRUE) ? T : NULL;
    tl.arg = &arg;
    sc_logi_walk_states(&tl, res, ctx, T, 0,
                        SC_LOGI_WALK_STEP | SC_LOGI_WALK_ALL, sc_t51_state,
                        prec);

    s = (K.hyp == SC_TRUE) ? sc_num_get_str(K.eta_max, 6) : NULL;
    if (item1 == SC_TRUE)
        snprintf(what, sizeof(what), "item (1) held (eta <= eta_max = %s): "
                 "no rising step, a non-decreasing; F_t => not rising", s);
    else if (K.hyp == SC_TRUE)
        snprintf(what, sizeof(what), "item (1) not applicable (eta > "
                 "eta_max = %s); F_t => not rising", s);
    else
        snprintf(what, sizeof(what), "item (1) not applicable (%s); F_t "
                 "=> not rising", K.why);
    snprintf(na, sizeof(na), "%s and F_t certified at no step",
             item1 == SC_FALSE && K.hyp == SC_TRUE ? "eta > eta_max" :
             (K.hyp == SC_TRUE ? "item (1) empty" : K.why));
    if (s != NULL)
        flint_free(s);
    status = sc_tally_finish(&tl, res, what, na);
    /* item (1) claims the whole horizon and is at risk whenever it
       applies; F_t alone concludes "not rising" only */
    if (item1 != SC_TRUE)
        sc_thm_vacuous_unless_rising(res, T);
    if (K.hyp == SC_TRUE)
        sc_result_set_extra(res, "eta_max", K.eta_max);

cleanup:
    sc_tally_clear(&tl);
    sc_logi_thm5_clear(&K);
    return status;
}
