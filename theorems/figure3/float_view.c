/*
 * float_view.c -- what a floating-point experiment at a given precision
 * would report, next to the certified run (HARNESS.md "Certified
 * arithmetic": the 53-bit run is a first-class mode).
 *
 * The point run iterates full GD with every state rounded to prec bits and
 * decides rising/falling on those rounded values.  The certified flags come
 * from the reduced recurrence in balls where it applies (whitened square
 * loss), else from the certified full-GD enclosure, at doubling precision
 * until every flag is decided or the cap is reached.  The result is a
 * record (sc_float_view_t); the reports format it.
 */
#include <string.h>
#include "theorems/figure3/figure3.h"

void
sc_float_view_init(sc_float_view_t fv)
{
    memset(fv, 0, sizeof(sc_float_view_struct));
}

void
sc_float_view_clear(sc_float_view_t fv)
{
    flint_free(fv->steps);
    sc_float_view_init(fv);
}

void
sc_float_view_set(sc_float_view_t dst, const sc_float_view_t src)
{
    slong * steps;

    if (dst == src)
        return;
    steps = flint_realloc(dst->steps, FLINT_MAX(src->ndiff, 1)
                                      * sizeof(slong));
    *dst = *src;
    dst->steps = steps;
    if (src->ndiff > 0)                 /* src->steps may be NULL */
        memcpy(dst->steps, src->steps, src->ndiff * sizeof(slong));
}

void
sc_float_view_push_step(sc_float_view_t fv, slong t)
{
    fv->steps = flint_realloc(fv->steps, (fv->ndiff + 1) * sizeof(slong));
    fv->steps[fv->ndiff++] = t;
}

void
sc_float_view(sc_float_view_t fv, sc_ctx_t ctx, slong fprec, slong prec0,
              slong prec_max)
{
    const sc_traj_struct * C = sc_ctx_certified(ctx, prec0, prec_max);
    sc_traj_t P;
    slong t, len;

    sc_float_view_clear(fv);
    sc_traj_init(P, SC_TRAJ_FULL, ctx->cs->d, ctx->cs->steps);
    sc_dyn_run_full(P, ctx->cs, ctx->data, 1, fprec);
    len = FLINT_MIN(P->len, C->len);
    fv->fprec = fprec;
    fv->prec = C->prec;
    fv->compared = FLINT_MAX(len - 1, 0);
    for (t = 0; t + 1 < len; t++)
    {
        if (C->rising[t] == SC_UNKNOWN
            && (sc_traj_rho_undefined(C, t) || sc_traj_rho_undefined(C, t + 1)))
            continue;                   /* undefined: nothing to compare */
        if (C->rising[t] == SC_UNKNOWN)
            fv->undecided++;
        else if (P->rising[t] != C->rising[t])
        {
            sc_float_view_push_step(fv, t);
            fv->spurious += (P->rising[t] == SC_TRUE);
        }
    }
    sc_traj_clear(P);
}
