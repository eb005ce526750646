/*
 * [L7] Reduced dynamics (exact; square loss, Sigma = I, a_0 > 0).
 *
 *   rho+ = rho |s - h| / (s + h rho^2),  gamma+ = (1 - eta_g) gamma
 *   + eta_g c cos,  W+ = W + h^2 b^2;  rising iff rho < 1 and h > Theta(rho).
 *
 * Two claims with their own verdicts: [L7-eq] full GD equals the
 * recurrence (enclosures and rising flags), [L7-rise] item 4, the rising
 * flag of the recurrence against the criterion (the reduced trajectory
 * alone).
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

/* which of the two claims a run checks */
typedef enum
{
    SC_L7_EQ, SC_L7_RISE
}
sc_l7_part_t;

/* Item 4: truth of (rho < 1 and h > factor Theta(rho)) at reduced state t
   (factor = 1 outside tests). */
static sc_truth_t
sc_l7_criterion(const sc_traj_struct * R, slong t, const arb_t factor,
                slong prec)
{
    arb_t th;
    sc_truth_t below, res;

    arb_init(th);
    below = sc_num_theta(th, R->rho + t, prec);
    arb_mul(th, th, factor, prec);
    if (below == SC_FALSE)
        res = SC_FALSE;
    else if (below == SC_UNKNOWN)
        res = SC_UNKNOWN;
    else
        res = sc_num_gt(R->h + t, th);
    arb_clear(th);
    return res;
}

/* [L7-rise] at step t < steps: SC_OK (res VIOLATED on a failure) or
   SC_UNABLE. */
static int
sc_l7_rise(sc_result_t res, const sc_traj_struct * R, slong t,
           const arb_t factor, slong prec)
{
    sc_truth_t crit = sc_l7_criterion(R, t, factor, prec);

    if (R->rising[t] == SC_UNKNOWN || crit == SC_UNKNOWN)
    {
        sc_result_reason(res, "rising flag or h > Theta(rho) undecided at "
                         "step %ld", (long) t);
        return SC_UNABLE;
    }
    if (R->rising[t] != crit)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "item 4: rising flag disagrees with h > "
                         "Theta(rho) at step %ld", (long) t);
        sc_result_no_value(res, "an equivalence: a certified flag against a "
                           "certified criterion");
    }
    return SC_OK;
}

/* [L7-eq] at step t: the two enclosures overlap and, before the last
   state, the flags are decided and agree.  SC_OK (res VIOLATED on a
   failure) or SC_UNABLE. */
static int
sc_l7_equal(sc_result_t res, const sc_traj_struct * F,
            const sc_traj_struct * R, slong t, int last, const arb_t factor,
            slong prec)
{
    int k = sc_l7_disjoint(F, R, t, factor, prec);

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
    if (F->rising[t] == SC_UNKNOWN || R->rising[t] == SC_UNKNOWN)
    {
        sc_result_reason(res, "rising flag undecided at step %ld", (long) t);
        return SC_UNABLE;
    }
    if (F->rising[t] != R->rising[t])
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "rising flags differ at step %ld", (long) t);
        sc_result_no_value(res, "two certified yes/no flags of one step "
                           "differ");
    }
    return SC_OK;
}

/* The largest relative |rho_F - rho_R| / rho_R over the states into dev
   (rho is the quantity that needs the bits). */
static void
sc_l7_deviation(arb_t dev, const sc_traj_struct * F,
                const sc_traj_struct * R, slong steps, slong prec)
{
    arb_t x;
    slong t;

    arb_init(x);
    arb_zero(dev);
    for (t = 0; t <= steps; t++)
    {
        arb_sub(x, F->rho + t, R->rho + t, prec);
        arb_div(x, x, R->rho + t, prec);
        arb_abs(x, x);
        sc_num_max_ubound(dev, x, prec);
    }
    arb_clear(x);
}

static int
sc_l7_check(sc_result_t res, sc_ctx_t ctx, sc_l7_part_t part, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    const sc_traj_struct * F = NULL;
    slong t, nrise = 0, steps = ctx->cs->steps;
    arb_t dev, f;
    int status = SC_OK;

    if (R == NULL)
        return SC_OK;
    res->certificate = part == SC_L7_EQ
        ? "certified full-GD enclosure against the reduced recurrence in "
          "balls"
        : "reduced recurrence [L7] in balls";
    res->steps = steps;
    if (part == SC_L7_EQ)
        F = sc_ctx_full(ctx, prec);
    if ((F != NULL && F->len < steps + 1) || R->len < steps + 1)
    {
        sc_result_reason(res, "%s", (F != NULL && F->len < steps + 1)
                         ? F->stop : R->stop);
        return SC_UNABLE;
    }
    arb_init(dev);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    res->verdict = SC_HOLDS;
    for (t = 0; t <= steps && status == SC_OK && res->verdict == SC_HOLDS;
         t++)
    {
        if (part == SC_L7_EQ)
            status = sc_l7_equal(res, F, R, t, t == steps, f, prec);
        else if (t < steps)
            status = sc_l7_rise(res, R, t, f, prec);
        nrise += (t < steps && R->rising[t] == SC_TRUE);
    }
    if (status == SC_OK && res->verdict == SC_HOLDS && part == SC_L7_EQ)
    {
        sc_l7_deviation(dev, F, R, steps, prec);
        arb_zero(f);
        sc_result_set_predicted(res, f);
        sc_result_set_observed(res, dev);
        sc_result_set_extra_si(res, "rising_steps", nrise);
        sc_result_reason(res, "a, b, rho, gamma, W overlap at all %ld "
                         "steps; flags agree (%ld rising); observed = max "
                         "relative |rho_full - rho_reduced| / rho",
                         (long) steps + 1, (long) nrise);
    }
    else if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        sc_result_set_predicted_si(res, nrise);
        sc_result_set_observed_si(res, nrise);
        sc_result_reason(res, "rising iff rho < 1 and h > Theta(rho) at all "
                         "%ld steps (%ld rising)", (long) steps,
                         (long) nrise);
    }
    arb_clear(f);
    arb_clear(dev);
    return status;
}

int
sc_thm_l7_eq_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l7_check(res, ctx, SC_L7_EQ, prec);
}

int
sc_thm_l7_rise_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l7_check(res, ctx, SC_L7_RISE, prec);
}
