/*
 * [T5.1] Theorem 5' item (1) and certificate F_t (reconstructed): two
 * claims, each with its own hypotheses and verdict.
 *
 * [T5.1-1] Under A1-A3, w_0 in span(X~^T), a_0 > 0, gamma_0 > 0,
 *   rho_0 < m / sqrt(lmax) and eta_gamma T < gamma_0 (T = the horizon):
 *   if eta <= eta_max := 2 m^2 (1 - eps_0) g_lo W_0 / (Gamma lmax C_Gamma^2)
 *   (constants in logistic/thm5_constants.c) then rho_{t+1} <= rho_t and
 *   a_{t+1} >= a_t for all t < T.
 * [T5.1-F] Per step (a, a' > 0, gamma > 0, cos_Sigma >= 0):
 *   F_t: eta gamma lmax C^2 <= 2 m gbar W N  implies  rho' <= rho.
 *
 * Source: paper Theorem 5 item 1 (constants lost); LOGISTIC.md 2.7.
 * Provenance: reconstructed.  Item (1) is checked on the certified full-GD
 * trajectory: eta <= eta_max in balls, then every step certified
 * non-rising and a non-decreasing; NOT-APPLICABLE when eta > eta_max.
 * It predicts rho_{t+1} <= rho_t over the whole horizon, so it is
 * exercised whenever it applies: predicted / observed / slack are
 * rho_t, rho_{t+1} and rho_t / rho_{t+1} at the step where rho falls
 * least.  F_t is checked at every state with a, a' > 0, gamma > 0,
 * cos_Sigma >= 0 (the midpoint projected onto span(X~^T)) with the plain
 * step recomputed from it.  Its conclusion "not rising" is at risk only
 * at a rising step, where the claim says F_t must fail: it is vacuous
 * (exercised = 0) when no such state rises.  predicted / observed / slack
 * are those of the conclusion (rho_t, rho_{t+1} at the step with F_t
 * where rho falls least); the least F_t margin 2 m gbar W N /
 * (eta gamma lmax C^2) is the extra "F_margin".  Control runs
 * (ctx->factor = Q) divide eta_max and the right side of F_t by Q: Q < 1
 * claims more, so a wrong certificate shows up.  eta_max is the extra
 * "eta_max" of both claims.
 */
#include <stdio.h>
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* What the F_t walk keeps besides the tally. */
typedef struct
{
    slong rising;           /* admissible states whose step rises */
    int has_margin;
    arb_t margin;           /* least F_t margin rhs / lhs */
}
sc_t51_arg;

/* Q lhs <= rhs with lhs = eta gamma lmax C^2, rhs = 2 m gbar W N; the
   margin rhs / lhs into m. */
static sc_truth_t
sc_t51_F(arb_t m, const sc_logi_state_struct * s, sc_logi_t L,
         const arb_t f, slong prec)
{
    arb_t lhs, rhs;
    sc_truth_t F;

    arb_init(lhs);
    arb_init(rhs);
    arb_sqr(lhs, s->C, prec);
    arb_mul(lhs, lhs, L->lmax, prec);
    arb_mul(lhs, lhs, s->gamma, prec);
    arb_mul(lhs, lhs, L->D->eta, prec);
    arb_mul(rhs, L->m, s->gbar, prec);
    arb_mul(rhs, rhs, s->W, prec);
    arb_mul(rhs, rhs, s->N, prec);
    arb_mul_2exp_si(rhs, rhs, 1);
    arb_div(m, rhs, lhs, prec);
    arb_mul(lhs, lhs, f, prec);
    F = sc_num_le(lhs, rhs);
    arb_clear(rhs);
    arb_clear(lhs);
    return F;
}

/* F_t at an admissible state s (standing hypotheses, a' > 0,
   cos_Sigma >= 0). */
static void
sc_t51_state(sc_tally_struct * tl, sc_result_t res,
             const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    sc_t51_arg * A = tl->arg;
    arb_t m, zero;
    sc_truth_t F, up;

    arb_init(m);
    arb_init(zero);
    if (sc_tally_gate(tl, res, "a' > 0", sc_num_is_positive(s->a1))
        && sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        tl->applied = 1;                /* the claim's hypotheses hold */
        up = sc_num_gt(s->rho1, s->rho);
        A->rising += (up == SC_TRUE);
        F = sc_t51_F(m, s, L, tl->f, prec);
        if (F == SC_TRUE)
        {
            sc_tally_note(tl, "rho' <= rho under F_t", s->rho1, s->rho,
                          prec);
            if (!A->has_margin || sc_num_lt(m, A->margin) == SC_TRUE)
                arb_set(A->margin, m);
            A->has_margin = 1;
        }
        sc_tally_implies(tl, res, "F_t => rho' <= rho", F,
                         sc_truth_not(up));
    }
    arb_clear(zero);
    arb_clear(m);
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

/* Item (1) over the certified trajectory T: every step not rising (with
   its room rho_t / rho_{t+1}) and a non-decreasing. */
static void
sc_t51_item1_walk(sc_tally_struct * tl, sc_result_t res,
                  const sc_traj_struct * T, slong prec)
{
    slong t;

    for (t = 0; t + 1 < T->len && !tl->stop; t++)
    {
        sc_tally_step(tl, t);
        tl->applied = 1;
        if (T->rising[t] == SC_FALSE)
            sc_tally_note(tl, "rho_{t+1} <= rho_t", T->rho + t + 1,
                          T->rho + t, prec);
        sc_tally_implies(tl, res, "item (1): rho_{t+1} <= rho_t", SC_TRUE,
                         sc_truth_not(T->rising[t]));
        tl->noslack = 1;
        sc_tally_implies(tl, res, "item (1): a_{t+1} >= a_t", SC_TRUE,
                         sc_num_ge(T->a + t + 1, T->a + t));
        tl->noslack = 0;
    }
}

int
sc_thm_t5_1_item1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_logi_thm5_struct K;
    sc_logi_struct * L;
    sc_truth_t item1;
    char * s;
    int status;

    if (!sc_logi_thm5_setup(&T, &K, &L, res, ctx, &status, prec))
        return status;
    sc_tally_init(&tl, ctx, prec);
    item1 = sc_t51_applies(&K, tl.f, L, prec);
    s = (K.hyp == SC_TRUE) ? sc_num_get_str(K.eta_max, 6) : NULL;
    if (item1 == SC_UNKNOWN)
    {
        sc_result_reason(res, "item (1) hypotheses undecided: %s",
                         K.hyp == SC_TRUE ? "eta <= eta_max" : K.why);
        status = SC_UNABLE;
    }
    else if (item1 == SC_FALSE)
    {
        if (K.hyp == SC_TRUE)
            sc_result_not_applicable(res, "eta > eta_max",
                                     "eta > eta_max = %s", s);
        else
            sc_result_not_applicable(res, K.why, "%s", K.why);
    }
    else
    {
        sc_t51_item1_walk(&tl, res, T, prec);
        status = sc_tally_finish(&tl, res, "eta <= eta_max: no rising "
                                 "step, a non-decreasing", "empty horizon");
    }
    if (K.hyp == SC_TRUE && status == SC_OK)
        sc_result_set_extra(res, "eta_max", K.eta_max);
    if (s != NULL)
        flint_free(s);
    sc_tally_clear(&tl);
    sc_logi_thm5_clear(&K);
    return status;
}

int
sc_thm_t5_1_F_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_logi_thm5_struct K;
    sc_logi_struct * L;
    sc_t51_arg A;
    slong nst;
    int status;

    if (!sc_logi_thm5_setup(&T, &K, &L, res, ctx, &status, prec))
        return status;
    sc_tally_init(&tl, ctx, prec);
    A.rising = 0;
    A.has_margin = 0;
    arb_init(A.margin);
    tl.arg = &A;
    nst = sc_logi_walk_states(&tl, res, ctx, T, 0, SC_LOGI_WALK_STEP,
                              sc_t51_state, prec);
    status = sc_tally_finish(&tl, res, "F_t => not rising",
                             nst == 0 ? "a > 0 and gamma > 0 at no state"
                             : "a' > 0 and cos_Sigma >= 0 at no state");
    if (status == SC_OK && res->verdict == SC_HOLDS && A.rising == 0)
        sc_result_vacuous(res, "no admissible step rises, so F_t => not "
                          "rising was never at risk");
    if (status == SC_OK && A.has_margin)
        sc_result_set_extra(res, "F_margin", A.margin);
    if (status == SC_OK && K.hyp == SC_TRUE)
        sc_result_set_extra(res, "eta_max", K.eta_max);
    arb_clear(A.margin);
    sc_tally_clear(&tl);
    sc_logi_thm5_clear(&K);
    return status;
}
