/*
 * [T5.2] Lemma 11's window and Theorem 5' item (2) (reconstructed): two
 * claims, each with its own hypotheses and verdict.
 *
 * [T5.2-W] Window: with Gamma_w = |gamma_0| + eta_gamma T (so
 *   |gamma_t| <= Gamma_w) and W_T+ := W_0 + T eta^2 Gamma_w^2 kappa / W_0,
 *   W_0 <= W_t <= W_T+ for all t <= T
 *   (each step adds eta^2 ||grad||^2 <= eta^2 gamma^2 kappa / W, by [L10](i)).
 * [T5.2-2] Entry: under Theorem 5' (1)'s hypotheses and eta <= eta_max,
 *   for eps in (0, rho_0) let Q := gamma_lo m g_lo eps^2 /
 *   (kappa (1 + eps^2) sqrt(lmax) sqrt(W_T+)); if
 *   (a_0 + T eta Q)^2 (1 + eps^2) >= W_T+ then rho_t <= eps for some t <= T.
 *
 * Source: paper Lemma 11 ("controlled constant-factor window") and
 * Theorem 5 item 2 (constants lost); LOGISTIC.md 2.7 and 6.  Provenance:
 * reconstructed.  Checked on the certified full-GD trajectory (plain GD,
 * A1-A3, w_0 in span(X~^T)).  The window's slack is
 * (W_T+ - W_0) / (max_t W_t - W_0): how much of the allowed growth the run
 * leaves unused; its extra entry_half_t, the first step with rho_t <=
 * rho_0 / 2 (-1: none), is the measurement of FAM-T5-entry.  The entry claim is NOT-APPLICABLE when item (2)'s
 * hypotheses fail (eta > eta_max); it is tried at eps = rho_0/4,
 * rho_0/2, 3 rho_0/4, and when its condition holds at none of them (the
 * spec predicts it is vacuous in practice) it HOLDS vacuously, with the
 * best ratio (a_0 + T eta Q)^2 (1 + eps^2) / W_T+ (extra "entry_ratio")
 * and the observed entry step.  Where the condition holds it predicts an
 * entry by T: predicted = T, observed = the first t with rho_t <= eps
 * (the smallest such eps).  Control runs (factor Q) claim
 * W_t - W_0 <= Q (W_T+ - W_0) and divide the entry ratio by Q.
 */
#include <stdio.h>
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* W_T+ = W_0 + T eta^2 Gamma_w^2 kappa / W_0 */
static void
sc_t52_window_top(arb_t Wp, const sc_ctx_t ctx, sc_logi_t L, slong prec)
{
    fmpq_t g, e;
    arb_t t;

    fmpq_init(g);
    fmpq_init(e);
    arb_init(t);
    fmpq_abs(g, ctx->cs->gamma0);
    fmpq_mul_si(e, ctx->cs->eta_gamma, ctx->cs->steps);
    fmpq_add(g, g, e);
    arb_set_fmpq(t, g, prec);
    arb_mul(t, t, L->D->eta, prec);
    arb_sqr(t, t, prec);
    arb_mul(t, t, L->kappa, prec);
    arb_mul_si(t, t, ctx->cs->steps, prec);
    arb_set_fmpq(Wp, ctx->data->W0, prec);
    arb_div(t, t, Wp, prec);
    arb_add(Wp, Wp, t, prec);
    arb_clear(t);
    fmpq_clear(e);
    fmpq_clear(g);
}

static void
sc_t52_window(sc_tally_struct * tl, sc_result_t res,
              const sc_traj_struct * T, const arb_t W0, const arb_t Wp,
              slong prec)
{
    slong t;
    arb_t grow, allow;

    arb_init(grow);
    arb_init(allow);
    arb_sub(allow, Wp, W0, prec);
    for (t = 0; t < T->len && !tl->stop; t++)
    {
        sc_tally_step(tl, t);
        /* the slack is the growth claim's alone; at t = 0 W_t is W_0
           itself, not a comparison of balls */
        tl->noslack = 1;
        if (t > 0)
            sc_tally_lower(tl, res, "window W_t >= W_0", T->W + t, W0, prec);
        tl->noslack = (t == 0);
        arb_sub(grow, T->W + t, W0, prec);
        sc_tally_upper(tl, res, "window W_t - W_0 <= W_T+ - W_0", grow, allow,
                      prec);
        tl->noslack = 0;
    }
    arb_clear(allow);
    arb_clear(grow);
}

/* ratio = (a_0 + T eta Q)^2 (1 + eps^2) / W_T+ at eps */
static void
sc_t52_entry_ratio(arb_t ratio, const arb_t eps, const arb_t a0,
                   const arb_t Wp, const sc_logi_thm5_struct * K,
                   sc_logi_t L, slong T, slong prec)
{
    arb_t e2, Q, t;

    arb_init(e2);
    arb_init(Q);
    arb_init(t);
    arb_sqr(e2, eps, prec);
    arb_add_ui(e2, e2, 1, prec);                /* 1 + eps^2 */
    arb_sqr(Q, eps, prec);
    arb_mul(Q, Q, K->gamma_lo, prec);
    arb_mul(Q, Q, L->m, prec);
    arb_mul(Q, Q, K->g_lo, prec);
    arb_sqrtpos(t, Wp, prec);
    arb_mul(t, t, L->slmax, prec);
    arb_mul(t, t, L->kappa, prec);
    arb_mul(t, t, e2, prec);
    arb_div(Q, Q, t, prec);
    arb_mul(Q, Q, L->D->eta, prec);
    arb_mul_si(Q, Q, T, prec);
    arb_add(Q, Q, a0, prec);
    arb_sqr(Q, Q, prec);
    arb_mul(Q, Q, e2, prec);
    arb_div(ratio, Q, Wp, prec);
    arb_clear(t);
    arb_clear(Q);
    arb_clear(e2);
}

/* The first t with rho_t <= eps certified, or -1 (*undecided set when some
   earlier step could not be told apart). */
static slong
sc_t52_first_below(const sc_traj_struct * T, const arb_t eps, int * undec)
{
    slong t;
    sc_truth_t r;

    *undec = 0;
    for (t = 0; t < T->len; t++)
    {
        r = sc_num_le(T->rho + t, eps);
        if (r == SC_TRUE)
            return t;
        if (r == SC_UNKNOWN)
            *undec = 1;
    }
    return -1;
}

/* Item (2) at eps = rho_0 k / 4, k = 1, 2, 3; best = the largest ratio,
   tentry = the observed entry step below rho_0 k / 4 of the last k, tmet =
   that of the smallest eps whose condition holds (-1 if none). */
static void
sc_t52_entry(sc_tally_struct * tl, sc_result_t res,
             const sc_traj_struct * T, const sc_logi_thm5_struct * K,
             sc_logi_t L, const arb_t Wp, arb_t best, slong * tentry,
             slong * tmet, slong * nmet, slong prec)
{
    slong k, t, steps = T->steps;
    arb_t eps, a0, ratio, one;
    int undec;
    sc_truth_t cond;

    arb_init(eps);
    arb_init(a0);
    arb_init(ratio);
    arb_init(one);
    arb_one(one);
    arb_set(a0, T->a);
    arb_zero(best);
    *nmet = 0;
    *tmet = -1;
    for (k = 1; k <= 3 && !tl->stop; k++)
    {
        arb_mul_si(eps, K->rho0, k, prec);
        arb_mul_2exp_si(eps, eps, -2);
        sc_t52_entry_ratio(ratio, eps, a0, Wp, K, L, steps, prec);
        arb_div(ratio, ratio, tl->f, prec);
        arb_max(best, best, ratio, prec);
        cond = sc_num_ge(ratio, one);
        t = sc_t52_first_below(T, eps, &undec);
        *tentry = t;
        if (cond == SC_TRUE && *nmet == 0)
            *tmet = t;
        *nmet += (cond == SC_TRUE);
        tl->step = t < 0 ? steps : t;
        tl->applied = 1;                /* item (2)'s hypotheses hold */
        sc_tally_implies(tl, res, "item (2): entry rho_t <= eps by T", cond,
                        t >= 0 ? SC_TRUE : (undec ? SC_UNKNOWN : SC_FALSE));
    }
    arb_clear(one);
    arb_clear(ratio);
    arb_clear(a0);
    arb_clear(eps);
}

/* The item (2) hypotheses: Theorem 5' (1)'s and eta <= eta_max. */
static sc_truth_t
sc_t52_item2(const sc_logi_thm5_struct * K, sc_logi_t L)
{
    if (K->hyp != SC_TRUE)
        return K->hyp;
    return sc_num_le(L->D->eta, K->eta_max);
}

int
sc_thm_t5_2_window_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_logi_struct * L;
    arb_t Wp, W0;
    int status;

    if (!sc_logi_applies(res, ctx, SC_LOGI_NEED_A3 | SC_LOGI_NEED_PLAIN))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    arb_init(Wp);
    arb_init(W0);
    L = sc_ctx_logi(ctx, prec);
    sc_tally_init(&tl, ctx, prec);
    sc_t52_window_top(Wp, ctx, L, prec);
    arb_set_fmpq(W0, ctx->data->W0, prec);
    sc_t52_window(&tl, res, T, W0, Wp, prec);
    status = sc_tally_finish(&tl, res, "window W_0 <= W_t <= W_T+ held",
                             "no state to check");
    if (status == SC_OK)
    {
        slong t;
        int undec;
        arb_t half;

        arb_init(half);
        sc_result_set_extra(res, "W_T+", Wp);
        /* a measurement for FAM-T5-entry (theorems/families): the first
           step with rho_t <= rho_0 / 2 (-1: none by the horizon), only
           when every earlier comparison was decided */
        sc_num_sqrt_fmpq(half, ctx->data->rho0_sq, prec);
        arb_mul_2exp_si(half, half, -1);
        t = sc_t52_first_below(T, half, &undec);
        if (!undec)
            sc_result_set_extra_si(res, "entry_half_t", t);
        arb_clear(half);
    }
    sc_tally_clear(&tl);
    arb_clear(W0);
    arb_clear(Wp);
    return status;
}

/* The entry claim's verdict once its hypotheses held: HOLDS exercised
   with predicted T and the observed entry step, or vacuous. */
static void
sc_t52_entry_verdict(sc_result_t res, slong nmet, slong tmet, slong tentry,
                     const arb_t best, slong steps)
{
    char * s = sc_num_get_str(best, 4);

    if (nmet > 0)
    {
        sc_result_set_predicted_si(res, steps);
        sc_result_set_observed_si(res, tmet);
        sc_result_reason(res, "entry condition met at %ld of 3 eps (best "
                         "ratio %s); entry observed at t = %ld <= T = %ld",
                         (long) nmet, s, (long) tmet, (long) steps);
    }
    else
    {
        if (tentry >= 0)
            sc_result_reason(res, "entry condition (a0+T eta Q)^2(1+eps^2) "
                             ">= W_T+ holds at none of eps = rho0/4, "
                             "rho0/2, 3rho0/4 (best ratio %s < 1); entry "
                             "below 3rho0/4 observed at t = %ld", s,
                             (long) tentry);
        else
            sc_result_reason(res, "entry condition holds at none of eps = "
                             "rho0/4, rho0/2, 3rho0/4 (best ratio %s < 1); "
                             "no entry below 3rho0/4 by T", s);
        sc_result_vacuous(res, "the entry condition never holds");
    }
    flint_free(s);
}

int
sc_thm_t5_2_entry_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_logi_thm5_struct K;
    sc_logi_struct * L;
    arb_t Wp, best;
    slong tentry = -1, tmet = -1, nmet = 0;
    sc_truth_t item2;
    int status;

    if (!sc_logi_thm5_setup(&T, &K, &L, res, ctx, &status, prec))
        return status;
    arb_init(Wp);
    arb_init(best);
    sc_tally_init(&tl, ctx, prec);
    item2 = sc_t52_item2(&K, L);
    if (item2 == SC_UNKNOWN)
    {
        sc_result_reason(res, "item (2) hypotheses undecided: %s",
                         K.hyp == SC_TRUE ? "eta <= eta_max" : K.why);
        status = SC_UNABLE;
    }
    else if (item2 == SC_FALSE && K.hyp == SC_TRUE)
        sc_result_not_applicable(res, "eta > eta_max", "eta > eta_max");
    else if (item2 == SC_FALSE)
        sc_result_not_applicable(res, K.why, "%s", K.why);
    else
    {
        sc_t52_window_top(Wp, ctx, L, prec);
        sc_t52_entry(&tl, res, T, &K, L, Wp, best, &tentry, &tmet, &nmet,
                     prec);
        status = sc_tally_finish(&tl, res, "entry", "no eps to try");
        if (status == SC_OK && res->verdict == SC_HOLDS)
            sc_t52_entry_verdict(res, nmet, tmet, tentry, best, T->steps);
        if (status == SC_OK)
        {
            sc_result_set_extra(res, "entry_ratio", best);
            sc_result_set_extra_si(res, "entry_t", tentry);
        }
    }
    if (status == SC_OK && K.hyp == SC_TRUE)
        sc_result_set_extra(res, "eta_max", K.eta_max);
    sc_tally_clear(&tl);
    sc_logi_thm5_clear(&K);
    arb_clear(best);
    arb_clear(Wp);
    return status;
}
