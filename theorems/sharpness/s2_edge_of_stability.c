/*
 * [S2] Loss spikes start only after the sharpness passes the stability
 * threshold (event test; observational claim of seed 002, decided per
 * trajectory).
 *
 *   A loss spike (core/spike.c, the definition of [F3]: at least 10
 *   falling steps, then a rise to at least twice the onset value) starts
 *   at a step t_on at or after the first state s <= t_on with
 *   lambda_max(H_s) > 2/eta, and at or after the first state with
 *   lambda_max(P^{1/2} H_s P^{1/2}) > 2 (the stability threshold of GD
 *   with P = diag(eta I, eta_gamma); the two agree when eta = eta_gamma).
 *
 * Source: seed 002 (Li, Xu, Zhang), Cohen et al. convention; BEYOND.md
 * section 2 ("seed 002 speaks of spikes, not of any uptick").  Provenance:
 * observational (an empirical claim of 002, not a theorem).
 * Checked on the certified full-GD enclosure; the Hessian is enclosed over
 * the box of each state (plain GD only; momentum or norm projection make
 * the map different: NOT-APPLICABLE).  The first spike decides: a later
 * one starts after the same first crossing.  Every state up to its onset
 * is examined (UNDECIDED beyond a time budget (steps + 1)(d + 1)^3 >
 * 1e9).  A spike before any crossing, with every state <= t_on certifiably
 * below the threshold, is VIOLATED; an undecided loss comparison of the
 * spike search or threshold comparison before the onset asks for more
 * precision.  No spike in the horizon: HOLDS, vacuous.  A rise that is no
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

/* The verdict at the onset t of the first spike, every state <= t seen. */
static int
sc_s2_spike(const sc_s2_struct * E, sc_result_t res, slong t)
{
    if (E->t_cross >= 0 && E->t_cross_P >= 0)
        return SC_OK;
    if ((E->t_cross < 0 && E->below) || (E->t_cross_P < 0 && E->below_P))
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "loss spike starts at step %ld with "
                         "lambda_max%s at every state <= %ld", (long) t,
                         E->t_cross < 0 ? "(H) < 2/eta"
                         : "(P^1/2 H P^1/2) < 2", (long) t);
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
             const sc_sharp_struct * S, const sc_spike_struct * K)
{
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
    sc_result_set_extra(res, "final_lambda_max", S->lmax);
    sc_result_set_extra(res, "final_lambda_P", S->lmaxK);
}

/* The run over the states; T reaches the horizon.  Every state up to the
   spike onset (the verdict), then those of the common stride and the
   last (the extras). */
static int
sc_s2_walk(sc_result_t res, sc_s2_struct * E, sc_sharp_struct * S,
           sc_dyn_t D, const sc_traj_struct * T, slong onset,
           const arb_t thr, const arb_t thr_P, slong prec)
{
    slong t, d = D->d, stride = sc_sharp_stride(T->len - 1);
    sc_truth_t up, up_P;
    int status = SC_OK;

    for (t = 0; t < T->len && status == SC_OK; t++)
    {
        if (t > onset && t % stride != 0 && t != T->len - 1)
            continue;
        /* a quarter of the trajectory's precision separates a sharpness
           from its threshold except in a near tie, and such a tie asks for
           more precision (SC_UNABLE), which raises this one too */
        status = sc_sharp_at(S, D, T->w + t * d, T->gamma + t, SC_SHARP_K,
                             FLINT_MAX(64, prec / 4));
        if (status != SC_OK)
        {
            sc_result_reason(res, "eigenvalue enclosure failed at step %ld",
                             (long) t);
            break;
        }
        up = sc_num_gt(S->lmax, thr);
        up_P = sc_num_gt(S->lmaxK, thr_P);
        sc_s2_state(E, up, up_P, t);
        if (t == onset)
            status = sc_s2_spike(E, res, t);
        if (t == T->len - 1)
            break;
        if (E->t_cross_P >= 0 && sc_num_lt(S->lmaxK, thr_P) == SC_TRUE
            && sc_num_gt(T->loss + t + 1, T->loss + t) == SC_TRUE)
            E->rises_below++;
    }
    return status;
}

/* The reason of a HOLDS; vacuous when there is no spike. */
static void
sc_s2_holds(sc_result_t res, const sc_s2_struct * E,
            const sc_spike_struct * K, slong steps)
{
    char * r = sc_num_get_str(K->bump, 4);

    res->step = K->onset;
    if (K->onset < 0)
    {
        res->exercised = 0;
        sc_result_reason(res, "no loss spike in %ld steps (%ld rise%s that "
                         "%s no spike, ratio <= %s; vacuous)", (long) steps,
                         (long) K->rises, K->rises == 1 ? "" : "s",
                         K->rises == 1 ? "is" : "are", r);
    }
    else
        sc_result_reason(res, "loss spike at step %ld, after the crossings "
                         "at %ld (2/eta) and %ld (P); %ld earlier rises "
                         "are no spike", (long) K->onset, (long) E->t_cross,
                         (long) E->t_cross_P, (long) K->rises);
    flint_free(r);
}

int
sc_thm_s2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_s2_struct E = { -1, -1, -1, 0, 1, 1 };
    sc_sharp_struct S;
    sc_spike_t K;
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
    sc_spike_init(K);
    if (sc_spike_find(K, res, T->loss, T->len, prec) != SC_OK)
    {
        sc_spike_clear(K);
        return SC_UNABLE;
    }
    arb_init(thr);
    arb_init(thr_P);
    arb_init(f);
    sc_sharp_init(&S, ctx->cs->d + 1);
    D = sc_ctx_dyn(ctx, prec);
    sc_thm_factor(f, ctx, prec);
    arb_set_ui(thr_P, 2);
    arb_mul(thr_P, thr_P, f, prec);
    arb_div(thr, thr_P, D->eta, prec);
    E.t_rise = sc_s2_first_rise(T);
    res->verdict = SC_HOLDS;
    status = sc_s2_walk(res, &E, &S, D, T, K->onset, thr, thr_P, prec);
    if (status == SC_OK)
    {
        sc_s2_extras(res, &E, thr, &S, K);
        if (res->verdict == SC_HOLDS)
            sc_s2_holds(res, &E, K, T->len - 1);
    }
    sc_sharp_clear(&S);
    arb_clear(f);
    arb_clear(thr_P);
    arb_clear(thr);
    sc_spike_clear(K);
    return status;
}
