/*
 * edges.c -- the walk over rising edges shared by [T3.a], [T3.b], [T3.c]
 * and [L13]: each checks its claim on every complete edge of the reduced
 * trajectory and reports the edge with the least slack.
 */
#include <string.h>
#include "theorems/whitened/whitened.h"
#include "num/num.h"

int
sc_edges_init(sc_edges_struct * E, sc_result_t res, sc_ctx_t ctx,
              slong prec)
{
    arb_t etag;

    arb_init(E->c);
    arb_init(E->eta);
    arb_init(E->factor);
    arb_init(E->best);
    E->t1 = E->end = -1;
    E->nedges = E->ncomplete = E->nkept = 0;
    E->open = 0;
    E->R = sc_thm_need_reduced(res, ctx, prec);
    if (E->R == NULL)
        return SC_OK;
    arb_init(etag);
    sc_thm_params(E->c, E->eta, etag, ctx, prec);
    arb_clear(etag);
    sc_thm_factor(E->factor, ctx, prec);
    res->steps = ctx->cs->steps;
    res->verdict = SC_HOLDS;
    return sc_thm_flags_decided(res, E->R, 0, ctx->cs->steps);
}

void
sc_edges_clear(sc_edges_struct * E)
{
    arb_clear(E->best);
    arb_clear(E->factor);
    arb_clear(E->eta);
    arb_clear(E->c);
}

int
sc_edges_next(sc_edges_struct * E)
{
    E->t1 = sc_thm_first_rising(E->R, E->end < 0 ? 0 : E->end);
    if (E->t1 < 0)
        return 0;
    E->end = sc_thm_run_end(E->R, E->t1);
    E->open = (E->end == E->R->len - 1);
    E->nedges++;
    return 1;
}

void
sc_edges_fail(sc_result_t res, const sc_result_t edge)
{
    memcpy(res->reason, edge->reason, SC_REASON_LEN);
    res->verdict = SC_VIOLATED;
    res->step = edge->step;
    res->novalue = edge->novalue;
    if (edge->has_predicted)
        sc_result_set_predicted(res, edge->predicted);
    if (edge->has_observed)
        sc_result_set_observed(res, edge->observed);
}

void
sc_edges_keep(sc_edges_struct * E, sc_result_t res, slong step,
              const arb_t predicted, const arb_t observed, const arb_t slack)
{
    E->ncomplete++;
    if (E->nkept++ > 0 && !arb_lt(slack, E->best))
        return;
    arb_set(E->best, slack);
    res->step = step;
    res->has_predicted = res->has_slack = 0;
    if (predicted != NULL)
        sc_result_set_predicted(res, predicted);
    sc_result_set_observed(res, observed);
    if (arb_is_finite(slack))
        sc_result_set_slack(res, slack);
}

void
sc_edges_finish(sc_edges_struct * E, sc_result_t res, const char * what)
{
    sc_result_set_extra_si(res, "edges", E->nedges);
    if (res->verdict == SC_HOLDS)
        sc_thm_edges_verdict(res, E->nedges, E->ncomplete, E->open, what);
}
