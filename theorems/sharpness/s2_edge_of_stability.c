/*
 * [S2] Loss rises only after the sharpness passes the stability threshold
 * (event test; observational claim of seed 002, decided per trajectory).
 *
 *   Every step t with L(x_{t+1}) > L(x_t) comes at or after the first state
 *   s <= t with lambda_max(H_s) > 2/eta, and at or after the first state
 *   with lambda_max(P^{1/2} H_s P^{1/2}) > 2 (the stability threshold of GD
 *   with P = diag(eta I, eta_gamma); the two agree when eta = eta_gamma).
 *
 * Source: seed 002 (Li, Xu, Zhang), Cohen et al. convention; BEYOND.md
 * section 2.  Provenance: observational (an empirical claim of 002, not a
 * theorem: a rise only needs a large Hessian somewhere on the segment
 * [x_t, x_{t+1}], not at x_t).
 * Checked on the certified full-GD enclosure; the Hessian is enclosed over
 * the box of each state (plain GD only; momentum or norm projection make
 * the map different: NOT-APPLICABLE).  Every state is examined (UNDECIDED
 * beyond a time budget (steps + 1)(d + 1)^3 > 1e9).  A certified rise before
 * any crossing, with every earlier state certifiably below the threshold,
 * is VIOLATED; an undecided comparison before the first crossing asks for
 * more precision.  The thresholds are multiplied by ctx->factor.  Extras
 * (observational, never the verdict): the crossing steps, the first rise,
 * the lag, the rises while lambda_max(K) is certifiably below 2 after the
 * first crossing ("falls after it drops below"; counted, after the first
 * rise, on the states of sc_sharp_stride), the final sharpness.
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

/* The verdict at a certified rise at step t (no earlier rise). */
static int
sc_s2_rise(sc_s2_struct * E, sc_result_t res, slong t)
{
    E->t_rise = t;
    if (E->t_cross >= 0 && E->t_cross_P >= 0)
        return SC_OK;
    if ((E->t_cross < 0 && E->below) || (E->t_cross_P < 0 && E->below_P))
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "loss rises at step %ld with lambda_max%s "
                         "at every state <= %ld", (long) t,
                         E->t_cross < 0 ? "(H) < 2/eta"
                         : "(P^1/2 H P^1/2) < 2", (long) t);
        sc_result_no_value(res, "an ordering: the rise comes before any "
                           "crossing, so there is no crossing step");
        return SC_OK;
    }
    sc_result_reason(res, "lambda_max against the threshold undecided "
                     "before the loss rise at step %ld", (long) t);
    return SC_UNABLE;
}

static void
sc_s2_extras(sc_result_t res, const sc_s2_struct * E, const arb_t thr,
             const sc_sharp_struct * S)
{
    sc_result_set_extra(res, "2/eta", thr);
    sc_result_set_extra_si(res, "t_cross", E->t_cross);
    sc_result_set_extra_si(res, "t_cross_P", E->t_cross_P);
    sc_result_set_extra_si(res, "t_rise", E->t_rise);
    if (E->t_rise >= 0 && E->t_cross_P >= 0)
        sc_result_set_extra_si(res, "lag_P", E->t_rise - E->t_cross_P);
    sc_result_set_extra_si(res, "rises_below_P", E->rises_below);
    sc_result_set_extra(res, "final_lambda_max", S->lmax);
    sc_result_set_extra(res, "final_lambda_P", S->lmaxK);
}

/* the run over the states; T reaches the horizon */
static int
sc_s2_walk(sc_result_t res, sc_s2_struct * E, sc_sharp_struct * S,
           sc_dyn_t D, const sc_traj_struct * T, const arb_t thr,
           const arb_t thr_P, slong prec)
{
    slong t, d = D->d, stride = sc_sharp_stride(T->len - 1);
    sc_truth_t up, up_P, rise;
    int status = SC_OK;

    for (t = 0; t < T->len && status == SC_OK; t++)
    {
        /* once the first rise is judged only the extras remain: they are
           taken on the states of the common stride (and the last) */
        if ((E->t_rise >= 0 || res->verdict == SC_VIOLATED)
            && t % stride != 0 && t != T->len - 1)
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
        if (t == T->len - 1)
            break;
        rise = sc_num_gt(T->loss + t + 1, T->loss + t);
        if (rise == SC_TRUE && E->t_cross_P >= 0
            && sc_num_lt(S->lmaxK, thr_P) == SC_TRUE)
            E->rises_below++;
        if (E->t_rise >= 0 || res->verdict == SC_VIOLATED)
            continue;
        if (rise == SC_TRUE)
            status = sc_s2_rise(E, res, t);
        else if (rise == SC_UNKNOWN
                 && (E->t_cross < 0 || E->t_cross_P < 0))
        {
            sc_result_reason(res, "loss rise undecided at step %ld before "
                             "the first crossing", (long) t);
            status = SC_UNABLE;
        }
    }
    return status;
}

int
sc_thm_s2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_s2_struct E = { -1, -1, -1, 0, 1, 1 };
    sc_sharp_struct S;
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
    res->certificate = "Hessian enclosed over each state of the certified "
                       "full-GD enclosure";
    arb_init(thr);
    arb_init(thr_P);
    arb_init(f);
    sc_sharp_init(&S, ctx->cs->d + 1);
    D = sc_ctx_dyn(ctx, prec);
    sc_thm_factor(f, ctx, prec);
    arb_set_ui(thr_P, 2);
    arb_mul(thr_P, thr_P, f, prec);
    arb_div(thr, thr_P, D->eta, prec);
    res->verdict = SC_HOLDS;
    status = sc_s2_walk(res, &E, &S, D, T, thr, thr_P, prec);
    if (status == SC_OK)
    {
        sc_s2_extras(res, &E, thr, &S);
        if (res->verdict == SC_HOLDS)
        {
            res->step = E.t_rise;
            if (E.t_rise < 0)
                sc_result_reason(res, "no certified loss rise in %ld steps",
                                 (long) (T->len - 1));
            else
                sc_result_reason(res, "first loss rise at step %ld, after "
                                 "the crossings at %ld (2/eta) and %ld (P)",
                                 (long) E.t_rise, (long) E.t_cross,
                                 (long) E.t_cross_P);
        }
    }
    sc_sharp_clear(&S);
    arb_clear(f);
    arb_clear(thr_P);
    arb_clear(thr);
    return status;
}
