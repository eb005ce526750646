/*
 * [F3] Section 6 / Figure 3: a delayed loss spike on ill-conditioned data
 * (observational).
 *
 *   Ill-conditioned synthetic data (a sliced Hilbert matrix, random
 *   rotations, Gaussian noise, n < d); BN linear model with square and
 *   logistic loss, full-batch GD.  The paper reports, for square loss, a
 *   visible delayed loss increase coinciding with rapid growth of rho_t and
 *   the effective learning rate rising then falling; for logistic, a related
 *   directional transition.  Report what is seen: onset step, peak rho,
 *   loss ratio at the spike, h_t crossing Theta(rho_t).
 *
 * Source: paper Section 6 and Figure 3; THEOREMS.md section 6.
 * Provenance: observational (the paper gives no seeds, sizes or
 * hyperparameters; the cases in cases/figure3/ are ours).
 *
 * What is checked, on the certified full-GD enclosure (any Sigma, both
 * losses), every comparison certified in balls: the first loss spike of
 * the horizon, as core/spike.c defines it for every checker (a rise run
 * after at least SC_SPIKE_DESCENT falling steps reaching at least
 * SC_SPIKE_RATIO x its onset value; smaller rises are counted).
 *   [F3] is observational: it predicts no value, so its record has no
 *   `predicted` and says so (no_value); the detection threshold is
 *   extra spike_ratio_threshold (SC_SPIKE_RATIO x factor).
 *   HOLDS: a spike was certifiably observed (observed = L_p / L_{t_on},
 *   step = t_on); a run still rising at the horizon counts once it has
 *   reached the threshold.  NOT-APPLICABLE: no spike within the horizon
 *   (the claim is about what the horizon shows).  UNDECIDED: a loss
 *   comparison could not be separated at the precision cap.
 *   VIOLATED only when the threshold is scaled (ctx->factor, control
 *   runs): the observed spike is below the scaled threshold.
 * Measured beside it (extras), when a reference direction exists and
 * a_t > 0 up to the peak (rho_t defined):
 *   rho_rise   the first step t <= p with rho_{t+1} > rho_t (certified)
 *   rho_peak   max rho_t over t_on <= t <= p (a ball enclosing the max)
 *   h_cross    square loss: the first t <= p with h_t > Theta(rho_t),
 *              -1 if none; h/Theta    max h_t / Theta(rho_t) over t <= p.
 * h_t = eta gamma_t c / W_t with the Euclidean c = ||w*|| and u* of
 * THEOREMS.md s.1; with Sigma != I (the Hilbert data) [L7].4 does not
 * apply, so h_t > Theta(rho_t) is measured, not expected.  The logistic
 * line has no reference direction until the SVM layer (svm.h) lands; its
 * spike is then measured on the loss alone.
 */
#include "theorems/figure3/figure3.h"
#include "num/num.h"

/* Truth of a_t > 0 at every step t <= last (rho_t is defined): SC_FALSE
   when some a_t <= 0 is certified, SC_UNKNOWN when a ball straddles 0. */
static sc_truth_t
sc_f3_rho_defined(const sc_traj_struct * T, slong last)
{
    slong t;

    for (t = 0; t <= last; t++)
    {
        if (arb_is_nonpositive(T->a + t))
            return SC_FALSE;
        if (!arb_is_positive(T->a + t))
            return SC_UNKNOWN;
    }
    return SC_TRUE;
}

/* rho_rise, rho_peak (extras) over steps 0 .. S->peak; SC_UNABLE if a
   rho flag before the first rise is undecided. */
static int
sc_f3_rho(sc_result_t res, const sc_traj_struct * T, const sc_spike_struct * S,
          slong prec)
{
    slong t;
    arb_t m;

    for (t = 0; t < S->peak && T->rising[t] != SC_TRUE; t++)
    {
        if (T->rising[t] == SC_UNKNOWN)
        {
            sc_result_reason(res, "rho rise undecided at step %ld",
                             (long) t);
            return SC_UNABLE;
        }
    }
    sc_result_set_extra_si(res, "rho_rise", t < S->peak ? t : -1);
    arb_init(m);
    arb_set(m, T->rho + S->onset);
    for (t = S->onset + 1; t <= S->peak; t++)
        arb_max(m, m, T->rho + t, prec);
    if (arb_is_finite(m))
        sc_result_set_extra(res, "rho_peak", m);
    arb_clear(m);
    return SC_OK;
}

/* h_cross and max h/Theta (extras) over steps 0 .. S->peak, square loss. */
static int
sc_f3_h_theta(sc_result_t res, const sc_traj_struct * T,
              const sc_spike_struct * S, slong prec)
{
    slong t, cross = -1;
    arb_t th, q, m;
    sc_truth_t lt1, over;
    int status = SC_OK;

    arb_init(th);
    arb_init(q);
    arb_init(m);
    for (t = 0; t <= S->peak; t++)
    {
        lt1 = sc_num_theta(th, T->rho + t, prec);
        if (lt1 == SC_UNKNOWN)
        {
            sc_result_reason(res, "rho_t < 1 undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
            break;
        }
        if (lt1 == SC_FALSE)            /* Theta = +inf: h below it */
            continue;
        over = sc_num_gt(T->h + t, th);
        if (over == SC_UNKNOWN && cross < 0)
        {
            sc_result_reason(res, "h_t > Theta(rho_t) undecided at step "
                             "%ld", (long) t);
            status = SC_UNABLE;
            break;
        }
        if (over == SC_TRUE && cross < 0)
            cross = t;
        arb_div(q, T->h + t, th, prec);
        arb_max(m, m, q, prec);
    }
    if (status == SC_OK)
    {
        sc_result_set_extra_si(res, "h_cross", cross);
        sc_result_set_extra(res, "h/Theta", m);
    }
    arb_clear(m);
    arb_clear(q);
    arb_clear(th);
    return status;
}

/* The verdict on a found spike: observed ratio >= SC_SPIKE_RATIO x
   factor (the threshold, factor 1 outside control runs); SC_UNABLE when
   that is undecided. */
static int
sc_f3_judge(sc_result_t res, sc_ctx_t ctx, const sc_spike_struct * S,
            slong prec)
{
    arb_t thr;
    sc_truth_t ok;
    char * rs;

    arb_init(thr);
    sc_thm_factor(thr, ctx, prec);
    arb_mul_si(thr, thr, SC_SPIKE_RATIO, prec);
    sc_result_set_extra(res, "spike_ratio_threshold", thr);
    sc_result_set_observed(res, S->ratio);
    sc_result_no_value(res, "observational: [F3] reports the spike it "
                       "sees and predicts no value; the detection "
                       "threshold is extra spike_ratio_threshold");
    res->step = S->onset;
    ok = sc_num_ge(S->ratio, thr);
    res->verdict = (ok == SC_FALSE) ? SC_VIOLATED : SC_HOLDS;
    rs = sc_num_get_str(S->ratio, 4);
    sc_result_reason(res, "%s: the loss fell for %ld steps, then rose "
                     "over steps %ld..%ld to %s x its onset value%s",
                     ok == SC_FALSE ? "spike below the scaled threshold"
                     : "delayed spike", (long) S->descent, (long) S->onset,
                     (long) S->peak, rs, S->open ? " (still rising at the "
                     "horizon)" : "");
    flint_free(rs);
    if (ok == SC_UNKNOWN)
        sc_result_reason(res, "loss ratio >= the threshold %d x factor "
                         "undecided", SC_SPIKE_RATIO);
    arb_clear(thr);
    return ok == SC_UNKNOWN ? SC_UNABLE : SC_OK;
}

int
sc_thm_f3_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_thm_need_full(res, ctx, prec);
    sc_spike_t S;
    sc_truth_t defined;
    char * s;
    int status = SC_OK;

    if (T == NULL)
        return SC_UNABLE;
    res->certificate = "loss and rho comparisons on the certified full-GD "
                       "enclosure";
    sc_spike_init(S);
    if (sc_spike_find(S, res, T->loss, T->len, prec) != SC_OK)
    {
        status = SC_UNABLE;
        goto cleanup;
    }
    sc_result_set_extra_si(res, "nonspike_rises", S->rises);
    sc_result_set_extra(res, "nonspike_ratio_max", S->bump);
    if (S->onset < 0)
    {
        res->verdict = SC_NOT_APPLICABLE;
        res->failed = "no loss spike";
        s = sc_num_get_str(S->bump, 4);
        sc_result_reason(res, "no delayed spike within %ld steps: the loss "
                         "never rose to %d x after %d falling steps (%ld "
                         "smaller rises, ratio <= %s)", (long) ctx->cs->steps,
                         SC_SPIKE_RATIO, SC_SPIKE_DESCENT, (long) S->rises, s);
        flint_free(s);
        goto cleanup;
    }
    sc_result_set_extra_si(res, "onset", S->onset);
    sc_result_set_extra_si(res, "peak_step", S->peak);
    sc_result_set_extra_si(res, "descent", S->descent);
    /* rho, h and Theta are measured where rho is defined up to the peak */
    defined = T->has_ref ? sc_f3_rho_defined(T, S->peak) : SC_FALSE;
    if (defined == SC_UNKNOWN)
    {
        sc_result_reason(res, "a_t > 0 undecided before step %ld",
                         (long) S->peak);
        status = SC_UNABLE;
    }
    else if (defined == SC_TRUE && sc_f3_rho(res, T, S, prec) != SC_OK)
        status = SC_UNABLE;
    else if (defined == SC_TRUE && ctx->cs->loss == SC_LOSS_SQUARE
             && sc_f3_h_theta(res, T, S, prec) != SC_OK)
        status = SC_UNABLE;
    else
        status = sc_f3_judge(res, ctx, S, prec);

cleanup:
    sc_spike_clear(S);
    return status;
}
