/*
 * [T3.b] Peak of a rising edge (reconstructed).
 *
 *   Under H3, on the rising steps rho_t < rho_H(H_1) < 1, and the value after
 *   the last rising step satisfies
 *   rho_{t1+R} <= P(H_1) = max_{0 < rho <= rho_H(H_1)} F(rho, H_1)
 *             <= P_cf(H_1) = (H_1 - 1) m / (1 + H_1 m^2),  m = min(rho_H, H_1^-1/2).
 *
 * Source: paper Theorem 3 (peak bound); THEOREMS.md section 4.
 * Checked rigorously on the reduced recurrence in balls, for every complete
 * rising edge.  P(H_1) is enclosed by certified branch and bound
 * (sc_num_F_max): the peak must lie below its lower end for HOLDS and above
 * its upper end for VIOLATED; in between, precision (and the search
 * tolerance with it) is raised.  predicted = P(H_1), observed = the peak,
 * slack = P / peak (tightest edge).
 */
#include <string.h>
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* P_cf(H) */
static void
sc_t3b_pcf(arb_t res, const arb_t H, const arb_t rhoH, slong prec)
{
    arb_t m, t;

    arb_init(m);
    arb_init(t);
    arb_rsqrt(m, H, prec);
    arb_min(m, m, rhoH, prec);
    arb_sqr(t, m, prec);
    arb_mul(t, t, H, prec);
    arb_add_ui(t, t, 1, prec);
    arb_sub_ui(res, H, 1, prec);
    arb_mul(res, res, m, prec);
    arb_div(res, res, t, prec);
    arb_clear(t);
    arb_clear(m);
}

/* One complete edge [t1, end).  Returns SC_OK (res->verdict set to
   VIOLATED on failure) or SC_UNABLE. */
static int
sc_t3b_edge(sc_result_t res, arb_t slack, const sc_traj_struct * R,
            const arb_t c, const arb_t eta, const arb_t factor, slong t1,
            slong end, int open, slong prec)
{
    arb_t H1, Th1, x, rhoH, lo, hi, pcf;
    slong t;
    int status = SC_OK;
    sc_truth_t r;

    arb_init(H1); arb_init(Th1); arb_init(x); arb_init(rhoH);
    arb_init(lo); arb_init(hi); arb_init(pcf);
    sc_thm_edge_bounds(H1, Th1, x, R, c, eta, t1, prec);
    r = sc_num_rho_H(rhoH, H1, prec);
    if (r == SC_FALSE)
    {
        res->verdict = SC_VIOLATED;
        res->step = t1;
        sc_result_set_predicted(res, rhoH);     /* rho_t1 < rho_H = 0 */
        sc_result_set_observed(res, R->rho + t1);
        sc_result_reason(res, "H_1 <= 2 (rho_H = 0) at rising step %ld",
                         (long) t1);
        goto cleanup;
    }
    for (t = t1; t < end && r == SC_TRUE; t++)
    {
        r = sc_num_lt(R->rho + t, rhoH);
        if (r == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, rhoH);
            sc_result_set_observed(res, R->rho + t);
            sc_result_reason(res, "rising step %ld has rho_t >= rho_H(H_1)",
                             (long) t);
            goto cleanup;
        }
    }
    if (r == SC_UNKNOWN)
    {
        sc_result_reason(res, "rho_t < rho_H(H_1) undecided, edge at %ld",
                         (long) t1);
        status = SC_UNABLE;
        goto cleanup;
    }
    if (open)
        goto cleanup;
    if (sc_num_F_max(lo, hi, H1, prec / 4, prec) != SC_OK)
    {
        sc_result_reason(res, "P(H_1) not enclosed, edge at %ld", (long) t1);
        status = SC_UNABLE;
        goto cleanup;
    }
    sc_t3b_pcf(pcf, H1, rhoH, prec);
    arb_mul(lo, lo, factor, prec);              /* factor = 1 outside tests */
    arb_mul(hi, hi, factor, prec);
    arb_mul(pcf, pcf, factor, prec);
    arb_union(x, lo, hi, prec);
    if (arb_gt(lo, pcf))
    {
        /* the failing bound is P(H_1) <= P_cf(H_1): that pair is named */
        res->verdict = SC_VIOLATED;
        res->step = end;
        sc_result_set_predicted(res, pcf);
        sc_result_set_observed(res, x);
        sc_result_reason(res, "P(H_1) > P_cf(H_1) for the edge at %ld",
                         (long) t1);
        goto cleanup;
    }
    if (arb_gt(R->rho + end, hi))
    {
        res->verdict = SC_VIOLATED;
        res->step = end;
        sc_result_reason(res, "peak after the edge at %ld exceeds P(H_1)",
                         (long) t1);
    }
    else if (!arb_le(R->rho + end, lo) || !arb_le(hi, pcf))
    {
        sc_result_reason(res, "peak against P(H_1) <= P_cf undecided, edge "
                         "at %ld", (long) t1);
        status = SC_UNABLE;
        goto cleanup;
    }
    sc_result_set_predicted(res, x);
    sc_result_set_observed(res, R->rho + end);
    sc_result_set_extra(res, "P_cf", pcf);
    arb_div(slack, x, R->rho + end, prec);

cleanup:
    arb_clear(pcf); arb_clear(hi); arb_clear(lo); arb_clear(rhoH);
    arb_clear(x); arb_clear(Th1); arb_clear(H1);
    return status;
}

int
sc_thm_t3_b_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_edges_struct E;
    sc_result_t edge;
    arb_t slack;
    int status;

    arb_init(slack);
    sc_result_init(edge);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    while (sc_edges_next(&E))
    {
        sc_result_reset(edge);
        edge->verdict = SC_HOLDS;
        status = sc_t3b_edge(edge, slack, E.R, E.c, E.eta, E.factor, E.t1,
                             E.end, E.open, prec);
        if (status != SC_OK || edge->verdict == SC_VIOLATED)
        {
            if (status != SC_OK)
            {
                memcpy(res->reason, edge->reason, SC_REASON_LEN);
                goto cleanup;
            }
            sc_edges_fail(res, edge);
            break;
        }
        if (E.open)
            break;
        sc_edges_keep(&E, res, E.t1, edge->predicted, edge->observed, slack);
        if (arb_equal(E.best, slack))
            sc_result_set_extra(res, "P_cf", edge->extra[0].value);
    }
    sc_edges_finish(&E, res, "each peak below P(H_1) <= P_cf(H_1)");

cleanup:
    sc_edges_clear(&E);
    sc_result_clear(edge);
    arb_clear(slack);
    return status;
}
