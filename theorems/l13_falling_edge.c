/*
 * [L13] A falling edge exists (reconstructed).
 *
 *   Under H3 some t >= t1 has rho_{t+1} <= rho_t, namely t = t1 + R <= t1 + T'
 *   with T' of [T3.a].  (The paper's extra hypotheses are not needed.)
 *
 * Source: paper Lemma 13 (App. B); THEOREMS.md section 4.
 * Checked rigorously on the reduced recurrence in balls for every rising
 * edge of the horizon: the first falling step after t1 is observed and must
 * come no later than t1 + T'.  An edge still rising at the horizon is
 * VIOLATED if the horizon is already past t1 + T', else not judged.
 * predicted = t1 + T', observed = t1 + R (the edge with the least slack).
 */
#include "theorems/theorems.h"
#include "num/num.h"

int
sc_thm_l13_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong t1, end, nedges = 0, ncomplete = 0, steps = ctx->cs->steps;
    arb_t c, eta, etag, H1, Th1, x, y, slack, best, f;
    sc_truth_t ok;
    int status, open = 0;

    if (R == NULL)
        return SC_OK;
    arb_init(c); arb_init(eta); arb_init(etag); arb_init(H1);
    arb_init(Th1); arb_init(x); arb_init(y); arb_init(slack);
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
        end = sc_thm_run_end(R, t1);
        open = (end == R->len - 1);
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
        /* the falling step t1 + R must satisfy R <= T' = ceil(x) */
        ok = sc_thm_count_le_ceil(end - t1, x);
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "t1 + R <= t1 + T' undecided, edge at "
                             "%ld", (long) t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_ceil(y, x, prec);
        arb_add_si(y, y, t1, prec);
        if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = end;
            sc_result_set_predicted(res, y);
            arb_set_si(x, end);
            sc_result_set_observed(res, x);
            sc_result_reason(res, "no falling step by t1 + T' for the edge "
                             "at %ld", (long) t1);
            break;
        }
        if (open)
            break;
        ncomplete++;
        arb_ceil(slack, x, prec);
        arb_div_si(slack, slack, end - t1, prec);
        if (ncomplete == 1 || arb_lt(slack, best))
        {
            arb_set(best, slack);
            res->step = end;
            sc_result_set_predicted(res, y);
            arb_set_si(x, end);
            sc_result_set_observed(res, x);
            sc_result_set_slack(res, slack);
        }
    }
    sc_result_set_extra_si(res, "edges", nedges);
    if (res->verdict == SC_HOLDS)
        sc_thm_edges_verdict(res, nedges, ncomplete, open,
                             "each followed by a falling step by t1 + T'");

cleanup:
    arb_clear(best); arb_clear(slack); arb_clear(y); arb_clear(x);
    arb_clear(Th1); arb_clear(H1); arb_clear(etag); arb_clear(eta);
    arb_clear(c);
    arb_clear(f);
    return status;
}
