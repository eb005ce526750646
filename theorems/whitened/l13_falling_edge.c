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
#include "theorems/whitened/whitened.h"
#include "num/num.h"

int
sc_thm_l13_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_edges_struct E;
    arb_t H1, Th1, x, y, slack, at;
    sc_truth_t ok;
    int status;

    arb_init(H1);
    arb_init(Th1);
    arb_init(x);
    arb_init(y);
    arb_init(slack);
    arb_init(at);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    while (sc_edges_next(&E))
    {
        if (sc_thm_edge_bounds(H1, Th1, x, E.R, E.c, E.eta, E.t1, prec)
            != SC_TRUE)
        {
            sc_result_reason(res, "rho_1 < 1 undecided at step %ld",
                             (long) E.t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_mul(x, x, E.factor, prec);          /* factor = 1 outside tests */
        /* the falling step t1 + R must satisfy R <= T' = ceil(x) */
        ok = sc_thm_count_le_ceil(E.end - E.t1, x);
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "t1 + R <= t1 + T' undecided, edge at "
                             "%ld", (long) E.t1);
            status = SC_UNABLE;
            goto cleanup;
        }
        arb_ceil(x, x, prec);
        arb_add_si(y, x, E.t1, prec);           /* t1 + T' */
        arb_set_si(at, E.end);
        if (ok == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = E.end;
            sc_result_set_predicted(res, y);
            sc_result_set_observed(res, at);
            sc_result_reason(res, "no falling step by t1 + T' for the edge "
                             "at %ld", (long) E.t1);
            break;
        }
        if (E.open)
            break;
        arb_div_si(slack, x, E.end - E.t1, prec);
        sc_edges_keep(&E, res, E.end, y, at, slack);
    }
    sc_edges_finish(&E, res, "each followed by a falling step by t1 + T'");

cleanup:
    sc_edges_clear(&E);
    arb_clear(at);
    arb_clear(slack);
    arb_clear(y);
    arb_clear(x);
    arb_clear(Th1);
    arb_clear(H1);
    return status;
}
