/*
 * traj_common.c -- what every family asks of a trajectory: the reduced
 * one or NOT-APPLICABLE, the certified full-GD one or "raise the
 * precision", decided flags, rising runs; the case's parameters in balls.
 */
#include <stdio.h>
#include <string.h>
#include "theorems/core/core.h"
#include "num/num.h"

const sc_traj_struct *
sc_thm_need_reduced(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_ctx_reduced(ctx, prec);

    if (T == NULL)
    {
        res->verdict = SC_NOT_APPLICABLE;
        sc_result_reason(res, "hypothesis fails: %s", ctx->why);
    }
    else
        res->certificate = "reduced recurrence [L7] in balls";
    return T;
}

const sc_traj_struct *
sc_thm_need_full(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_ctx_full(ctx, prec);

    res->certificate = "per state, at the midpoints of the certified "
                       "full-GD enclosure";
    res->steps = ctx->cs->steps;
    if (T->len < ctx->cs->steps + 1)
    {
        sc_result_reason(res, "%s", T->stop);
        return NULL;
    }
    return T;
}

int
sc_thm_flags_decided(sc_result_t res, const sc_traj_struct * T, slong t0,
                     slong t1)
{
    slong t;

    if (t1 > T->len - 1)
    {
        sc_result_reason(res, "trajectory enclosure ends at step %ld: %s",
                         (long) (T->len - 1), T->stop);
        return SC_UNABLE;
    }
    for (t = t0; t < t1; t++)
    {
        if (T->rising[t] == SC_UNKNOWN)
        {
            sc_result_reason(res, "rising/falling undecided at step %ld",
                             (long) t);
            return SC_UNABLE;
        }
    }
    return SC_OK;
}

slong
sc_thm_run_end(const sc_traj_struct * T, slong t1)
{
    slong t;

    for (t = t1; t < T->len - 1; t++)
        if (T->rising[t] == SC_FALSE)
            return t;
    return T->len - 1;
}

slong
sc_thm_first_rising(const sc_traj_struct * T, slong t0)
{
    slong t;

    for (t = t0; t < T->len - 1; t++)
        if (T->rising[t] == SC_TRUE)
            return t;
    return -1;
}

void
sc_thm_vacuous_unless_rising(sc_result_t res, const sc_traj_struct * T)
{
    slong t;
    size_t n;

    if (res->verdict != SC_HOLDS)
        return;
    for (t = 0; t < T->len - 1; t++)
        if (T->rising[t] != SC_FALSE)
            return;
    res->exercised = 0;
    n = strlen(res->reason);
    snprintf(res->reason + n, SC_REASON_LEN - n, " (vacuous: no step of the "
             "horizon rises)");
}

int
sc_thm_a0_sgn(const sc_ctx_t ctx)
{
    return ctx->data->has_ref ? fmpq_sgn(ctx->data->w0_wstar) : 0;
}

void
sc_thm_factor(arb_t f, const sc_ctx_t ctx, slong prec)
{
    arb_set_fmpq(f, ctx->factor, prec);
}

void
sc_thm_params(arb_t c, arb_t eta, arb_t eta_gamma, const sc_ctx_t ctx,
              slong prec)
{
    sc_num_sqrt_fmpq(c, ctx->data->c2, prec);
    arb_set_fmpq(eta, ctx->cs->eta, prec);
    arb_set_fmpq(eta_gamma, ctx->cs->eta_gamma, prec);
}
