/*
 * [T2.1] No rising edge (reconstructed).
 *
 *   Under H2 (Sigma = I, c > 0, a_0 > 0, 0 < rho_0 < 1, gamma_0 > 0,
 *   eta_gamma in (0, 1)): if eta Gamma c <= 2 W_0 with Gamma = max(gamma_0, c),
 *   then rho_{t+1} < rho_t for every t >= 0 while rho_t > 0.
 *
 * Source: paper Theorem 2 item 1; THEOREMS.md section 3.  Proof: h_t <=
 * eta Gamma c / W_0 <= 2 < Theta(rho_t), then [L7] item 4.
 * Checked rigorously on the reduced recurrence in balls: the hypothesis in
 * balls at the reference time (t = 0, or with --from-first the first t at
 * which H2 and the condition hold), then every step of the horizon must be
 * certified strictly falling.  predicted = eta Gamma c / W_0 (the proof's
 * bound on every h_t), observed = max h_t, slack = predicted / observed.
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

int
sc_thm_t2_1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong t, t0 = 0;
    arb_t c, eta, etag, bound, hmax, f;
    sc_truth_t hyp;
    int status = SC_OK;

    if (R == NULL)
        return SC_OK;
    arb_init(c);
    arb_init(eta);
    arb_init(etag);
    arb_init(bound);
    arb_init(hmax);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    sc_thm_params(c, eta, etag, ctx, prec);
    res->steps = ctx->cs->steps;

    for (;;)
    {
        hyp = sc_t21_hyp(bound, R, c, eta, f, t0, prec);
        if (hyp != SC_FALSE || !ctx->from_first || t0 + 1 >= R->len)
            break;
        t0++;
    }
    if (hyp == SC_UNKNOWN)
    {
        sc_result_reason(res, "hypothesis undecided at step %ld", (long) t0);
        status = SC_UNABLE;
        goto cleanup;
    }
    if (hyp == SC_FALSE)
    {
        char * s = sc_num_get_str(bound, 6);
        res->verdict = SC_NOT_APPLICABLE;
        sc_result_reason(res, "hypothesis fails at t = %ld: H2 or "
                         "eta Gamma c / W_0 = %s <= 2", (long) t0, s);
        flint_free(s);
        goto cleanup;
    }
    status = sc_thm_flags_decided(res, R, t0, ctx->cs->steps);
    if (status != SC_OK)
        goto cleanup;
    res->verdict = SC_HOLDS;
    for (t = t0; t < ctx->cs->steps; t++)
    {
        sc_truth_t down = sc_num_lt(R->rho + t + 1, R->rho + t);

        sc_num_max_ubound(hmax, R->h + t, prec);
        if (R->rising[t] == SC_TRUE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "rising step at t = %ld (reference time "
                             "%ld)", (long) t, (long) t0);
            break;
        }
        if (down == SC_UNKNOWN && arb_is_positive(R->rho + t))
        {
            sc_result_reason(res, "strict decrease undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
            goto cleanup;
        }
    }
    sc_result_set_predicted(res, bound);
    sc_result_set_observed(res, hmax);
    arb_div(hmax, bound, hmax, prec);
    sc_result_set_slack(res, hmax);
    sc_result_set_extra_si(res, "reference_time", t0);
    if (res->verdict == SC_HOLDS)
        sc_result_reason(res, "no rising step in steps %ld..%ld",
                         (long) t0, (long) ctx->cs->steps - 1);

cleanup:
    arb_clear(f);
    arb_clear(hmax);
    arb_clear(bound);
    arb_clear(etag);
    arb_clear(eta);
    arb_clear(c);
    return status;
}
