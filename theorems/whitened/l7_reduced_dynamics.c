/*
 * [L7] Reduced dynamics (exact; square loss, Sigma = I, a_0 > 0).
 *
 *   rho+ = rho |s - h| / (s + h rho^2),  gamma+ = (1 - eta_g) gamma
 *   + eta_g c cos,  W+ = W + h^2 b^2;  rising iff rho < 1 and h > Theta(rho).
 *
 * Source: paper Lemma 7 (App. B); THEOREMS.md section 2.
 * Full GD on the real data (chain-rule gradient, certified balls) and the
 * reduced recurrence (certified balls) run side by side.  Every step, a, b,
 * rho, gamma and W of the two must overlap (disjoint balls are a certified
 * VIOLATED), both rising flags must be decided and equal, and the reduced
 * flag must agree with the criterion h > Theta(rho) of item 4.  Hypotheses
 * beyond the lemma's a_0 > 0: gamma_0 > 0 (so that a_t > 0 for all t, the
 * standing facts of section 1).
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

static const char * const sc_l7_names[5] = { "a", "b", "rho", "gamma", "W" };

/* The first of a, b, rho, gamma, W whose balls are disjoint, or -1. */
static int
sc_l7_disjoint(const sc_traj_struct * F, const sc_traj_struct * R, slong t,
               const arb_t factor, slong prec)
{
    arb_srcptr f[5], r[5];
    arb_t a;
    int k;

    f[0] = F->a + t; f[1] = F->b + t; f[2] = F->rho + t;
    f[3] = F->gamma + t; f[4] = F->W + t;
    arb_init(a);
    arb_mul(a, R->a + t, factor, prec);         /* factor = 1 outside tests */
    r[0] = a; r[1] = R->b + t; r[2] = R->rho + t;
    r[3] = R->gamma + t; r[4] = R->W + t;
    for (k = 0; k < 5; k++)
        if (!arb_overlaps(f[k], r[k]))
            break;
    arb_clear(a);
    return k < 5 ? k : -1;
}

/* Item 4: truth of (rho < 1 and h > Theta(rho)) at reduced state t. */
static sc_truth_t
sc_l7_criterion(const sc_traj_struct * R, slong t, slong prec)
{
    arb_t th;
    sc_truth_t below, res;

    arb_init(th);
    below = sc_num_theta(th, R->rho + t, prec);
    if (below == SC_FALSE)
        res = SC_FALSE;
    else if (below == SC_UNKNOWN)
        res = SC_UNKNOWN;
    else
        res = sc_num_gt(R->h + t, th);
    arb_clear(th);
    return res;
}

/* Step t: the two enclosures overlap, the flags are decided and agree, and
   the reduced flag matches item 4.  SC_OK (res VIOLATED on a failure) or
   SC_UNABLE. */
static int
sc_l7_step(sc_result_t res, const sc_traj_struct * F,
           const sc_traj_struct * R, slong t, int last, const arb_t factor,
           slong prec)
{
    int k = sc_l7_disjoint(F, R, t, factor, prec);
    sc_truth_t crit;

    if (k >= 0)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "full GD and reduced recurrence disagree on "
                         "%s at step %ld", sc_l7_names[k], (long) t);
        sc_result_no_value(res, "two enclosures of one quantity are "
                           "disjoint (both are in the trace CSV)");
        return SC_OK;
    }
    if (last)
        return SC_OK;
    crit = sc_l7_criterion(R, t, prec);
    if (F->rising[t] == SC_UNKNOWN || R->rising[t] == SC_UNKNOWN
        || crit == SC_UNKNOWN)
    {
        sc_result_reason(res, "rising flag or h > Theta(rho) undecided at "
                         "step %ld", (long) t);
        return SC_UNABLE;
    }
    if (F->rising[t] != R->rising[t] || R->rising[t] != crit)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, F->rising[t] != R->rising[t]
                         ? "rising flags differ at step %ld"
                         : "item 4: rising flag disagrees with h > "
                           "Theta(rho) at step %ld", (long) t);
        sc_result_no_value(res, F->rising[t] != R->rising[t]
                           ? "two certified yes/no flags of one step differ"
                           : "an equivalence: a certified flag against a "
                             "certified criterion");
    }
    return SC_OK;
}

int
sc_thm_l7_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    const sc_traj_struct * F;
    slong t, nrise = 0, steps = ctx->cs->steps;
    arb_t dev, x, f;
    int status = SC_OK;

    if (R == NULL)
        return SC_OK;
    res->certificate = "certified full-GD enclosure against the reduced "
                       "recurrence in balls";
    res->steps = steps;
    F = sc_ctx_full(ctx, prec);
    if (F->len < steps + 1 || R->len < steps + 1)
    {
        sc_result_reason(res, "%s", F->len < steps + 1 ? F->stop : R->stop);
        return SC_UNABLE;
    }
    arb_init(dev);
    arb_init(x);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    res->verdict = SC_HOLDS;
    for (t = 0; t <= steps && status == SC_OK && res->verdict == SC_HOLDS;
         t++)
    {
        status = sc_l7_step(res, F, R, t, t == steps, f, prec);
        /* relative deviation of rho, the quantity that needs the bits */
        arb_sub(x, F->rho + t, R->rho + t, prec);
        arb_div(x, x, R->rho + t, prec);
        arb_abs(x, x);
        sc_num_max_ubound(dev, x, prec);
        nrise += (t < steps && R->rising[t] == SC_TRUE);
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        arb_zero(x);
        sc_result_set_predicted(res, x);
        sc_result_set_observed(res, dev);
        sc_result_set_extra_si(res, "rising_steps", nrise);
        sc_result_reason(res, "a, b, rho, gamma, W overlap at all %ld "
                         "steps; flags agree (%ld rising); observed = max "
                         "relative |rho_full - rho_reduced| / rho",
                         (long) steps + 1, (long) nrise);
    }
    arb_clear(f);
    arb_clear(x);
    arb_clear(dev);
    return status;
}
