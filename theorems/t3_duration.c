/*
 * [T3.a] Duration of a rising edge (reconstructed).
 *
 *   Under H3 (Sigma = I, eta > 0, a_t1 > 0, gamma_t1 > 0, step t1 rising),
 *   with Gamma_1 = max(gamma_t1, c / sqrt(1 + rho_1^2)), H_1 = eta Gamma_1 c / W_1,
 *   Theta_1 = Theta(rho_1), kappa_1 = 1 + 4 rho_1^2 / (1 - rho_1^2)^2:
 *   H_1 > Theta_1, and the run length R <= T' = ceil(ln(H_1/Theta_1) / ln kappa_1).
 *
 * Source: paper Theorem 3; THEOREMS.md section 4.  Known weakness: with
 * rho_1 ~ 1e-17..1e-208, T' ~ ln(H/Theta) / (4 rho_1^2) is astronomically
 * loose; the slack shows it.
 * Checked rigorously on the reduced recurrence in balls, for every rising
 * edge (maximal run of rising steps) in the horizon; R <= ceil(x) is decided
 * as R - 1 < x.  The record reports the edge with the smallest slack T'/R.
 */
#include "theorems/theorems.h"
#include "num/num.h"

int
sc_thm_t3_a_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong t1, end, len, nedges = 0, ncomplete = 0, steps = ctx->cs->steps;
    arb_t c, eta, etag, H1, Th1, x, slack, best, f;
    int status = SC_OK, open = 0;

    if (R == NULL)
        return SC_OK;
    arb_init(c);
    arb_init(eta);
    arb_init(etag);
    arb_init(H1);
    arb_init(Th1);
    arb_init(x);
    arb_init(slack);
    arb_init(best);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    sc_thm_params(c, eta, etag, ctx, prec);
    res->steps = steps;
    status = sc_thm_flags_decided(res, R, 0, steps);
    if (status != SC_OK)
        goto cleanup;

    res->verdict = SC_HOLDS;
    for (t1 = sc_thm_first_rising(R, 0); t1 >= 0;
         t1 = sc_thm_first_rising(R, end))
    {
        sc_truth_t ok;

        end = sc_thm_run_end(R, t1);
        len = end - t1;
        open = (end == R->len - 1);         /* still rising at the horizon */
        nedges++;
        if (sc_thm_edge_bounds(H1, Th1, x, R, c, eta, t1, prec) == SC_TRUE)
            arb_mul(x, x, f, prec);             /* f = 1 outside tests */
        else
        {
            sc_result_reason(res, "rho_1 < 1 undecided at step %ld",
                             (long) t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        ok = sc_num_gt(H1, Th1);
        if (ok == SC_TRUE)
            ok = sc_thm_count_le_ceil(len, x);
        else if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t1;
            sc_result_reason(res, "H_1 <= Theta_1 at the rising step %ld",
                             (long) t1);
            break;
        }
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "R <= T' undecided for the edge at %ld",
                             (long) t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_ceil(slack, x, prec);
        arb_div_si(slack, slack, len, prec);
        if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t1;
            sc_result_reason(res, "rising edge at %ld lasts %s%ld steps > "
                             "T'", (long) t1, open ? "at least " : "",
                             (long) len);
            arb_ceil(x, x, prec);
            sc_result_set_predicted(res, x);
            arb_set_si(x, len);
            sc_result_set_observed(res, x);
            break;
        }
        if (open)
            break;                      /* not over yet: nothing to compare */
        ncomplete++;
        if (ncomplete == 1 || arb_lt(slack, best))
        {
            arb_set(best, slack);
            res->step = t1;
            arb_ceil(x, x, prec);
            sc_result_set_predicted(res, x);
            arb_set_si(x, len);
            sc_result_set_observed(res, x);
            sc_result_set_slack(res, slack);
        }
    }
    sc_result_set_extra_si(res, "edges", nedges);
    if (res->verdict == SC_HOLDS)
        sc_thm_edges_verdict(res, nedges, ncomplete, open,
                             "each within T'");

cleanup:
    arb_clear(best);
    arb_clear(slack);
    arb_clear(x);
    arb_clear(Th1);
    arb_clear(H1);
    arb_clear(f);
    arb_clear(etag);
    arb_clear(eta);
    arb_clear(c);
    return status;
}
