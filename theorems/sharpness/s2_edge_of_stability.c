/*
 * [S2] Loss spikes start only after the sharpness passes the stability
 * threshold (event test; observational claim of seed 002, decided per
 * trajectory), two claims, one per threshold:
 *
 *   A loss spike (core/spike.c, the definition of [F3]: at least 10
 *   falling steps, then a rise to at least twice the onset value) starts
 *   at a step t_on
 *   [S2-H] at or after the first state s <= t_on with lambda_max(H_s) >
 *          2/eta (seed 002's threshold), and
 *   [S2-P] at or after the first state with lambda_max(P^{1/2} H_s
 *          P^{1/2}) > 2 (the stability threshold of GD with P = diag(eta
 *          I, eta_gamma); the two agree when eta = eta_gamma).
 * Both read one box series per precision (sc_sharp_boxes): the spike and
 * the Hessian over each examined box are computed once for the two.
 *
 * Source: seed 002 (Li, Xu, Zhang), Cohen et al. convention; BEYOND.md
 * section 2 ("seed 002 speaks of spikes, not of any uptick").  Provenance:
 * observational (an empirical claim of 002, not a theorem).
 * Checked on the certified full-GD enclosure; the Hessian is enclosed over
 * the box of each state (plain GD only; momentum or norm projection make
 * the map different: NOT-APPLICABLE).  The first spike decides: a later
 * one starts after the same first crossing.  Every state up to its onset
 * is examined (UNDECIDED beyond a time budget (steps + 1)(d + 1)^3 >
 * 1e9).  A spike before any crossing of the claim's threshold, with every
 * state <= t_on certifiably below it, is VIOLATED; an undecided loss
 * comparison of the spike search or threshold comparison before the onset
 * asks for more precision.  No spike in the horizon: HOLDS, vacuous.  A rise that is no
 * spike is no counterexample: it is counted.  The thresholds are
 * multiplied by ctx->factor.  Extras (measurements, never the verdict):
 * the crossing steps, the first certified loss rise t_rise, the spike
 * onset t_spike, the lags t_spike - t_cross (lag) and t_spike - t_cross_P
 * (lag_P), the rises that are no spike before the onset (nonspike_rises)
 * and an upper bound of their largest ratio (nonspike_ratio_max), the
 * rises while lambda_max(K) is certifiably below 2 after the first
 * crossing ("falls after it drops below"; counted, past the onset, on the
 * states of sc_sharp_stride), the final sharpness.
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"

/* heuristic: a time budget on (steps + 1) (d + 1)^3, not a bound */
#define SC_S2_BUDGET 1e9

typedef struct
{
    slong t_cross, t_cross_P, t_rise, rises_below;
    int below, below_P;         /* every state so far certifiably below */
}
sc_s2_struct;

/* Updates the crossing state with the truths of state t. */
static void
sc_s2_state(sc_s2_struct * E, sc_truth_t up, sc_truth_t up_P, slong t)
{
    if (E->t_cross < 0 && up == SC_TRUE)
        E->t_cross = t;
    if (E->t_cross_P < 0 && up_P == SC_TRUE)
        E->t_cross_P = t;
    E->below = E->below && up == SC_FALSE;
    E->below_P = E->below_P && up_P == SC_FALSE;
}

/* The verdict of claim P (0: 2/eta, 1: the P threshold) at the onset t
   of the first spike, every state <= t seen. */
static int
sc_s2_spike(const sc_s2_struct * E, sc_result_t res, slong t, int P)
{
    slong cross = P ? E->t_cross_P : E->t_cross;
    int below = P ? E->below_P : E->below;

    if (cross >= 0)
        return SC_OK;
    if (below)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "loss spike starts at step %ld with "
                         "lambda_max%s at every state <= %ld", (long) t,
                         P ? "(P^1/2 H P^1/2) < 2" : "(H) < 2/eta",
                         (long) t);
        sc_result_no_value(res, "an ordering: the spike comes before any "
                           "crossing, so there is no crossing step");
        return SC_OK;
    }
    sc_result_reason(res, "lambda_max against the threshold undecided "
                     "before the loss spike at step %ld", (long) t);
    return SC_UNABLE;
}

/* The first certified loss rise, -1 if none (a measurement). */
static slong
sc_s2_first_rise(const sc_traj_struct * T)
{
    slong t;

    for (t = 0; t + 1 < T->len; t++)
        if (sc_num_gt(T->loss + t + 1, T->loss + t) == SC_TRUE)
            return t;
    return -1;
}

static void
sc_s2_extras(sc_result_t res, const sc_s2_struct * E, const arb_t thr,
             const sc_sharp_box_struct * B)
{
    const sc_spike_struct * K = B->K;

    sc_result_set_extra(res, "2/eta", thr);
    sc_result_set_extra_si(res, "t_cross", E->t_cross);
    sc_result_set_extra_si(res, "t_cross_P", E->t_cross_P);
    sc_result_set_extra_si(res, "t_rise", E->t_rise);
    sc_result_set_extra_si(res, "t_spike", K->onset);
    if (K->onset >= 0 && E->t_cross >= 0)
        sc_result_set_extra_si(res, "lag", K->onset - E->t_cross);
    if (K->onset >= 0 && E->t_cross_P >= 0)
        sc_result_set_extra_si(res, "lag_P", K->onset - E->t_cross_P);
    sc_result_set_extra_si(res, "nonspike_rises", K->rises);
    sc_result_set_extra(res, "nonspike_ratio_max", K->bump);
    sc_result_set_extra_si(res, "rises_below_P", E->rises_below);
    sc_result_set_extra(res, "final_lambda_max", B->lmax + B->len - 1);
    sc_result_set_extra(res, "final_lambda_P", B->lmaxK + B->len - 1);
}

/* The run over the examined states of B for claim P: every state up to
   the spike onset (the verdict), then those of the common stride and the
   last (the extras). */
static int
sc_s2_walk(sc_result_t res, sc_s2_struct * E, const sc_sharp_box_struct * B,
           const sc_traj_struct * T, const arb_t thr, const arb_t thr_P,
           int P)
{
    slong t;
    sc_truth_t up, up_P;
    int status = SC_OK;

    for (t = 0; t < T->len && status == SC_OK; t++)
    {
        if (!B->seen[t])
            continue;
        up = sc_num_gt(B->lmax + t, thr);
        up_P = sc_num_gt(B->lmaxK + t, thr_P);
        sc_s2_state(E, up, up_P, t);
        if (t == B->K->onset)
            status = sc_s2_spike(E, res, t, P);
        if (t == T->len - 1)
            break;
        if (E->t_cross_P >= 0 && sc_num_lt(B->lmaxK + t, thr_P) == SC_TRUE
            && sc_num_gt(T->loss + t + 1, T->loss + t) == SC_TRUE)
            E->rises_below++;
    }
    return status;
}

/* The reason of a HOLDS; vacuous when there is no spike. */
static void
sc_s2_holds(sc_result_t res, const sc_s2_struct * E,
            const sc_spike_struct * K, slong steps, int P)
{
    char * r = sc_num_get_str(K->bump, 4);

    res->step = K->onset;
    if (K->onset < 0)
    {
        sc_result_reason(res, "no loss spike in %ld steps (%ld rise%s that "
                         "%s no spike, ratio <= %s)", (long) steps,
                         (long) K->rises, K->rises == 1 ? "" : "s",
                         K->rises == 1 ? "is" : "are", r);
        sc_result_vacuous(res, "no spike, so no onset to order");
    }
    else
        sc_result_reason(res, "loss spike at step %ld, after the crossing "
                         "of %s at %ld; %ld earlier rises are no spike",
                         (long) K->onset, P ? "2 by lambda_max(P^1/2 H "
                         "P^1/2)" : "2/eta by lambda_max(H)",
                         (long) (P ? E->t_cross_P : E->t_cross),
                         (long) K->rises);
    flint_free(r);
}

/* Claim P of [S2] (0: [S2-H], 1: [S2-P]). */
static int
sc_s2_claim(sc_result_t res, sc_ctx_t ctx, int P, slong prec)
{
    const sc_traj_struct * T;
    const sc_sharp_box_struct * B;
    sc_s2_struct E = { -1, -1, -1, 0, 1, 1 };
    sc_dyn_struct * D;
    arb_t thr, thr_P, f;
    int status;

    if (!sc_sharp_plain_gd(res, ctx))
        return SC_OK;
    if ((double) (ctx->cs->steps + 1) * (ctx->cs->d + 1) * (ctx->cs->d + 1)
        * (ctx->cs->d + 1) > SC_S2_BUDGET)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "horizon: (steps + 1) (d + 1)^3 exceeds the "
                         "%.0e the event test examines", SC_S2_BUDGET);
        return SC_OK;
    }
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    res->certificate = "loss spike on the certified full-GD enclosure; "
                       "Hessian enclosed over each state up to its onset";
    B = sc_sharp_boxes(ctx, T, prec);
    if (B->status != SC_OK)
    {
        sc_result_reason(res, "%s", B->why);
        return B->status;
    }
    arb_init(thr);
    arb_init(thr_P);
    arb_init(f);
    D = sc_ctx_dyn(ctx, prec);
    sc_thm_factor(f, ctx, prec);
    arb_set_ui(thr_P, 2);
    arb_mul(thr_P, thr_P, f, prec);
    arb_div(thr, thr_P, D->eta, prec);
    E.t_rise = sc_s2_first_rise(T);
    res->verdict = SC_HOLDS;
    status = sc_s2_walk(res, &E, B, T, thr, thr_P, P);
    if (status == SC_OK)
    {
        sc_s2_extras(res, &E, thr, B);
        if (res->verdict == SC_HOLDS)
            sc_s2_holds(res, &E, B->K, T->len - 1, P);
    }
    arb_clear(f);
    arb_clear(thr_P);
    arb_clear(thr);
    return status;
}

int
sc_thm_s2_h_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_s2_claim(res, ctx, 0, prec);
}

int
sc_thm_s2_p_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_s2_claim(res, ctx, 1, prec);
}
