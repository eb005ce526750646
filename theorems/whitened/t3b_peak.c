/*
 * [T3.b] Peak of a rising edge (reconstructed), three claims with their
 * own verdicts.  Under H3, with rising edge t1 .. t1 + R - 1:
 *
 * [T3.b-H]  on the rising steps rho_t < rho_H(H_1) < 1;
 * [T3.b-P]  the value after the last rising step satisfies
 *           rho_{t1+R} <= P(H_1) = max_{0 < rho <= rho_H(H_1)} F(rho, H_1);
 * [T3.b-cf] P(H_1) <= P_cf(H_1) = (H_1 - 1) m / (1 + H_1 m^2),
 *           m = min(rho_H, H_1^-1/2).
 *
 * Source: paper Theorem 3 (peak bound); THEOREMS.md section 4.
 * Checked rigorously on the reduced recurrence in balls, for every complete
 * rising edge (an edge still rising at the horizon is not judged, except
 * that [T3.b-H] fails on it as soon as a rising step reaches rho_H).
 * P(H_1) is enclosed by certified branch and bound (sc_num_F_max): the
 * peak must lie below its lower end for HOLDS and above its upper end for
 * VIOLATED; in between, precision (and the search tolerance with it) is
 * raised.  Records (the edge with least slack): [T3.b-H] predicted =
 * rho_H(H_1), observed = the largest rho_t of the edge's rising steps,
 * slack = their ratio; [T3.b-P] predicted = P(H_1), observed = the peak,
 * slack = P / peak; [T3.b-cf] predicted = P_cf(H_1), observed = P(H_1),
 * slack = P_cf / P.  Control runs (factor Q) scale the claim's bound.
 * H_1 > Theta_1 >= 2 at a rising step, so rho_H(H_1) > 0 there; an edge
 * with H_1 <= 2 would be a certified contradiction, VIOLATED in all three.
 */
#include <string.h>
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* which of the three claims a walk checks */
typedef enum
{
    SC_T3B_H, SC_T3B_P, SC_T3B_CF
}
sc_t3b_part_t;

/* the edge's numbers: H_1, rho_H(H_1), the bound and value compared */
typedef struct
{
    arb_t H1, rhoH, pred, obs, slack;
}
sc_t3b_edge_struct;

static void
sc_t3b_edge_init(sc_t3b_edge_struct * e)
{
    arb_init(e->H1); arb_init(e->rhoH); arb_init(e->pred); arb_init(e->obs);
    arb_init(e->slack);
}

static void
sc_t3b_edge_clear(sc_t3b_edge_struct * e)
{
    arb_clear(e->H1); arb_clear(e->rhoH); arb_clear(e->pred);
    arb_clear(e->obs); arb_clear(e->slack);
}

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

static void
sc_t3b_fail(sc_result_t res, slong step, const arb_t pred, const arb_t obs)
{
    res->verdict = SC_VIOLATED;
    res->step = step;
    sc_result_set_predicted(res, pred);
    sc_result_set_observed(res, obs);
}

/* [T3.b-H] on the rising steps t1 .. end - 1 (also of an open edge):
   e->pred = factor rho_H, e->obs = the largest rho_t. */
static int
sc_t3b_below(sc_result_t res, sc_t3b_edge_struct * e,
             const sc_traj_struct * R, const arb_t factor, slong t1,
             slong end, slong prec)
{
    sc_truth_t r = SC_TRUE;
    slong t;

    arb_mul(e->pred, e->rhoH, factor, prec);    /* factor = 1 outside tests */
    arb_zero(e->obs);
    for (t = t1; t < end && r == SC_TRUE; t++)
    {
        r = sc_num_lt(R->rho + t, e->pred);
        if (r == SC_FALSE)
        {
            sc_t3b_fail(res, t, e->pred, R->rho + t);
            sc_result_reason(res, "rising step %ld has rho_t >= rho_H(H_1)",
                             (long) t);
            return SC_OK;
        }
        arb_max(e->obs, e->obs, R->rho + t, prec);
    }
    if (r == SC_UNKNOWN)
    {
        sc_result_reason(res, "rho_t < rho_H(H_1) undecided, edge at %ld",
                         (long) t1);
        return SC_UNABLE;
    }
    arb_div(e->slack, e->pred, e->obs, prec);
    return SC_OK;
}

/* [T3.b-P] or [T3.b-cf] on the complete edge [t1, end). */
static int
sc_t3b_peak(sc_result_t res, sc_t3b_edge_struct * e, sc_t3b_part_t part,
            const sc_traj_struct * R, const arb_t factor, slong t1,
            slong end, slong prec)
{
    arb_t lo, hi;
    int status = SC_OK;

    arb_init(lo);
    arb_init(hi);
    if (sc_num_F_max(lo, hi, e->H1, prec / 4, prec) != SC_OK)
    {
        sc_result_reason(res, "P(H_1) not enclosed, edge at %ld", (long) t1);
        status = SC_UNABLE;
        goto cleanup;
    }
    if (part == SC_T3B_CF)
    {
        /* P(H_1) = [lo, hi] against factor P_cf(H_1) */
        sc_t3b_pcf(e->pred, e->H1, e->rhoH, prec);
        arb_mul(e->pred, e->pred, factor, prec);
        arb_union(e->obs, lo, hi, prec);
        if (arb_gt(lo, e->pred))
        {
            sc_t3b_fail(res, end, e->pred, e->obs);
            sc_result_reason(res, "P(H_1) > P_cf(H_1) for the edge at %ld",
                             (long) t1);
        }
        else if (!arb_le(hi, e->pred))
        {
            sc_result_reason(res, "P(H_1) <= P_cf(H_1) undecided, edge at "
                             "%ld", (long) t1);
            status = SC_UNABLE;
        }
        goto cleanup;
    }
    /* the peak against factor P(H_1) = [lo, hi] */
    arb_mul(lo, lo, factor, prec);
    arb_mul(hi, hi, factor, prec);
    arb_union(e->pred, lo, hi, prec);
    arb_set(e->obs, R->rho + end);
    if (arb_gt(e->obs, hi))
    {
        sc_t3b_fail(res, end, e->pred, e->obs);
        sc_result_reason(res, "peak after the edge at %ld exceeds P(H_1)",
                         (long) t1);
    }
    else if (!arb_le(e->obs, lo))
    {
        sc_result_reason(res, "peak against P(H_1) undecided, edge at %ld",
                         (long) t1);
        status = SC_UNABLE;
    }

cleanup:
    if (status == SC_OK && res->verdict != SC_VIOLATED)
        arb_div(e->slack, e->pred, e->obs, prec);
    arb_clear(hi);
    arb_clear(lo);
    return status;
}

/* One edge [t1, end) for the claim part.  Returns SC_OK (res->verdict
   set to VIOLATED on failure; e->slack set on a judged edge) or
   SC_UNABLE. */
static int
sc_t3b_edge(sc_result_t res, sc_t3b_edge_struct * e, sc_t3b_part_t part,
            const sc_edges_struct * E, slong prec)
{
    arb_t Th1, x;
    sc_truth_t r;

    arb_init(Th1);
    arb_init(x);
    sc_thm_edge_bounds(e->H1, Th1, x, E->R, E->c, E->eta, E->t1, prec);
    r = sc_num_rho_H(e->rhoH, e->H1, prec);
    arb_clear(x);
    arb_clear(Th1);
    if (r == SC_FALSE)
    {
        sc_t3b_fail(res, E->t1, e->rhoH, E->R->rho + E->t1);
        sc_result_reason(res, "H_1 <= 2 (rho_H = 0) at rising step %ld",
                         (long) E->t1);
        return SC_OK;
    }
    if (r == SC_UNKNOWN)
    {
        sc_result_reason(res, "rho_H(H_1) > 0 undecided, edge at %ld",
                         (long) E->t1);
        return SC_UNABLE;
    }
    if (part == SC_T3B_H)
        return sc_t3b_below(res, e, E->R, E->factor, E->t1, E->end, prec);
    if (E->open)
        return SC_OK;
    return sc_t3b_peak(res, e, part, E->R, E->factor, E->t1, E->end, prec);
}

static int
sc_t3b_check(sc_result_t res, sc_ctx_t ctx, sc_t3b_part_t part, slong prec)
{
    static const char * const what[] = {
        "each rising step below rho_H(H_1)", "each peak below P(H_1)",
        "P(H_1) <= P_cf(H_1) for each" };
    sc_edges_struct E;
    sc_t3b_edge_struct e;
    sc_result_t edge;
    int status;

    sc_t3b_edge_init(&e);
    sc_result_init(edge);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    while (sc_edges_next(&E))
    {
        sc_result_reset(edge);
        edge->verdict = SC_HOLDS;
        status = sc_t3b_edge(edge, &e, part, &E, prec);
        if (status != SC_OK)
        {
            memcpy(res->reason, edge->reason, SC_REASON_LEN);
            goto cleanup;
        }
        if (edge->verdict == SC_VIOLATED)
        {
            sc_edges_fail(res, edge);
            break;
        }
        if (E.open)
            break;
        sc_edges_keep(&E, res, E.t1, e.pred, e.obs, e.slack);
    }
    sc_edges_finish(&E, res, what[part]);

cleanup:
    sc_edges_clear(&E);
    sc_result_clear(edge);
    sc_t3b_edge_clear(&e);
    return status;
}

int
sc_thm_t3_b_H_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3b_check(res, ctx, SC_T3B_H, prec);
}

int
sc_thm_t3_b_P_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3b_check(res, ctx, SC_T3B_P, prec);
}

int
sc_thm_t3_b_cf_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3b_check(res, ctx, SC_T3B_CF, prec);
}
