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
#include "theorems/whitened/whitened.h"
#include "num/num.h"

int
sc_thm_t3_a_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_edges_struct E;
    arb_t H1, Th1, x, slack, len;
    sc_truth_t ok;
    int status;

    arb_init(H1);
    arb_init(Th1);
    arb_init(x);
    arb_init(slack);
    arb_init(len);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    while (sc_edges_next(&E))
    {
        arb_set_si(len, E.end - E.t1);
        if (sc_thm_edge_bounds(H1, Th1, x, E.R, E.c, E.eta, E.t1, prec)
            != SC_TRUE)
        {
            sc_result_reason(res, "rho_1 < 1 undecided at step %ld",
                             (long) E.t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_mul(x, x, E.factor, prec);          /* factor = 1 outside tests */
        ok = sc_num_gt(H1, Th1);
        if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = E.t1;
            sc_result_set_predicted(res, Th1);  /* H_1 > Theta_1 */
            sc_result_set_observed(res, H1);
            sc_result_reason(res, "H_1 <= Theta_1 at the rising step %ld",
                             (long) E.t1);
            break;
        }
        if (ok == SC_TRUE)
            ok = sc_thm_count_le_ceil(E.end - E.t1, x);
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "R <= T' undecided for the edge at %ld",
                             (long) E.t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_ceil(x, x, prec);                   /* T' */
        if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = E.t1;
            sc_result_reason(res, "rising edge at %ld lasts %s%ld steps > "
                             "T'", (long) E.t1, E.open ? "at least " : "",
                             (long) (E.end - E.t1));
            sc_result_set_predicted(res, x);
            sc_result_set_observed(res, len);
            break;
        }
        if (E.open)
            break;                      /* not over yet: nothing to compare */
        arb_div(slack, x, len, prec);
        sc_edges_keep(&E, res, E.t1, x, len, slack);
    }
    sc_edges_finish(&E, res, "each within T'");

cleanup:
    sc_edges_clear(&E);
    arb_clear(len);
    arb_clear(slack);
    arb_clear(x);
    arb_clear(Th1);
    arb_clear(H1);
    return status;
}
