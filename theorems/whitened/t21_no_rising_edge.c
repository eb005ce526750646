/*
 * [T2.1] No rising edge (reconstructed).
 *
 *   Under H2 (Sigma = I, c > 0, a_0 > 0, 0 < rho_0 < 1, gamma_0 > 0,
 *   eta_gamma in (0, 1)): if eta Gamma c <= 2 W_0 with Gamma = max(gamma_0, c),
 *   then rho_{t+1} < rho_t for every t >= 0 while rho_t > 0.
 *
 * Source: paper Theorem 2 item 1; THEOREMS.md section 3.  Proof: h_t <=
 * eta Gamma c / W_0 <= 2 < Theta(rho_t), then [L7] item 4.
 * The dynamics are time-homogeneous, so the statement applies from every
 * reference time t0 at which H2 and the condition hold (admissible).  Its
 * conclusion from the earliest one, t0 = extra t0, contains that of every
 * later one: every step t0 .. horizon must be certified strictly falling.
 * Checked rigorously on the reduced recurrence in balls.  predicted =
 * eta Gamma c / W_t0 (the proof's bound on every h_t, t >= t0), observed =
 * max h_t over t >= t0, slack = the least predicted / observed over the
 * admissible t0, reached at extra slack_t0.  --from-first: the earliest
 * admissible t0 only.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* Truth of H2 and eta Gamma c <= 2 W at state t; bound = eta Gamma c / W. */
static sc_truth_t
sc_t21_hyp(arb_t bound, const sc_traj_struct * R, const arb_t c,
           const arb_t eta, const arb_t factor, slong t, slong prec)
{
    arb_t two;
    sc_truth_t r;

    arb_init(two);
    arb_mul_2exp_si(two, factor, 1);            /* 2 outside tests */
    arb_max(bound, R->gamma + t, c, prec);
    arb_mul(bound, bound, eta, prec);
    arb_mul(bound, bound, c, prec);
    arb_div(bound, bound, R->W + t, prec);
    r = sc_truth_and(sc_thm_h2(R, t), sc_num_le(bound, two));
    arb_clear(two);
    return r;
}

/* hsuf[t] = an upper bound of max h_s over the steps s = t .. steps - 1
   (steps entries). */
static arb_ptr
sc_t21_suffix_max(const sc_traj_struct * R, slong steps, slong prec)
{
    arb_ptr hsuf = _arb_vec_init(steps);
    slong t;

    for (t = steps - 1; t >= 0; t--)
    {
        if (t + 1 < steps)
            arb_set(hsuf + t, hsuf + t + 1);
        sc_num_max_ubound(hsuf + t, R->h + t, prec);
    }
    return hsuf;
}

/* Every step t0 .. steps - 1 certified not rising, strictly falling while
   rho > 0: SC_OK (VIOLATED set at a rising step) or SC_UNABLE. */
static int
sc_t21_conclusion(sc_result_t res, const sc_traj_struct * R, slong t0,
                  slong steps)
{
    int status = sc_thm_flags_decided(res, R, t0, steps);
    slong t;

    for (t = t0; status == SC_OK && t < steps; t++)
    {
        if (R->rising[t] == SC_TRUE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "rising step at t = %ld (reference time "
                             "%ld)", (long) t, (long) t0);
            break;
        }
        if (sc_num_lt(R->rho + t + 1, R->rho + t) == SC_UNKNOWN
            && arb_is_positive(R->rho + t))
        {
            sc_result_reason(res, "strict decrease undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
        }
    }
    return status;
}

int
sc_thm_t2_1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong steps = ctx->cs->steps, t0, first = -1, best_t0 = -1;
    slong nadm = 0, nh2 = 0;
    arb_t c, eta, etag, bound, s, best, f, b0;
    arb_ptr hsuf = NULL;
    sc_truth_t hyp;
    int status = SC_OK;

    if (R == NULL)
        return SC_OK;
    arb_init(c);
    arb_init(eta);
    arb_init(etag);
    arb_init(bound);
    arb_init(s);
    arb_init(best);
    arb_init(f);
    arb_init(b0);
    sc_thm_factor(f, ctx, prec);
    sc_thm_params(c, eta, etag, ctx, prec);
    res->steps = steps;
    if (R->len < steps + 1)
    {
        status = sc_thm_flags_decided(res, R, 0, steps);
        goto cleanup;
    }
    hsuf = sc_t21_suffix_max(R, steps, prec);

    for (t0 = 0; t0 < steps; t0++)
    {
        hyp = sc_t21_hyp(bound, R, c, eta, f, t0, prec);
        if (hyp == SC_UNKNOWN)
        {
            sc_result_reason(res, "hypothesis undecided at step %ld",
                             (long) t0);
            status = SC_UNABLE;
            goto cleanup;
        }
        if (hyp == SC_FALSE)
        {
            nh2 += (sc_thm_h2(R, t0) == SC_FALSE);
            if (t0 == 0)
                arb_set(b0, bound);
            continue;
        }
        nadm++;
        if (first < 0)
        {
            first = t0;
            res->verdict = SC_HOLDS;
            status = sc_t21_conclusion(res, R, t0, steps);
            if (status != SC_OK)
                goto cleanup;
            sc_result_set_predicted(res, bound);
            sc_result_set_observed(res, hsuf + t0);
        }
        arb_div(s, bound, hsuf + t0, prec);
        arb_sub(bound, s, best, prec);
        /* heuristic: which t0 is named; both slacks are certified */
        if (best_t0 < 0 || arf_sgn(arb_midref(bound)) < 0)
        {
            best_t0 = t0;
            arb_set(best, s);
        }
        if (ctx->from_first || res->verdict == SC_VIOLATED)
            break;
    }

    if (first < 0)
    {
        char * v = sc_num_get_str(b0, 6);

        res->verdict = SC_NOT_APPLICABLE;
        sc_result_reason(res, "hypothesis fails at every reference time t0 "
                         "= 0..%ld: H2 at %ld, eta Gamma c / W_t0 <= 2 at "
                         "%ld (at t0 = 0: H2 %s, eta Gamma c / W_0 = %s)",
                         (long) steps - 1, (long) nh2, (long) (steps - nh2),
                         sc_thm_h2(R, 0) == SC_FALSE ? "fails" : "holds", v);
        flint_free(v);
        goto cleanup;
    }
    sc_result_set_slack(res, best);
    sc_result_set_extra_si(res, "t0", first);
    sc_result_set_extra_si(res, "slack_t0", best_t0);
    sc_result_set_extra_si(res, "admissible", nadm);
    if (res->verdict == SC_HOLDS && ctx->from_first)
        sc_result_reason(res, "no rising step in steps %ld..%ld (earliest "
                         "admissible t0 = %ld, judged alone: --from-first)",
                         (long) first, (long) steps - 1, (long) first);
    else if (res->verdict == SC_HOLDS)
        sc_result_reason(res, "no rising step in steps %ld..%ld (earliest "
                         "admissible t0 = %ld; %ld admissible, tightest "
                         "from t0 = %ld)", (long) first, (long) steps - 1,
                         (long) first, (long) nadm, (long) best_t0);

cleanup:
    if (hsuf != NULL)
        _arb_vec_clear(hsuf, steps);
    arb_clear(b0);
    arb_clear(f);
    arb_clear(best);
    arb_clear(s);
    arb_clear(bound);
    arb_clear(etag);
    arb_clear(eta);
    arb_clear(c);
    return status;
}
