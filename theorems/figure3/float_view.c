/*
 * float_view.c -- what a floating-point experiment at a given precision
 * would report, next to the certified run (HARNESS.md "Certified
 * arithmetic": the 53-bit run is a first-class mode).
 *
 * The point run iterates full GD with every state rounded to prec bits and
 * decides rising/falling on those rounded values.  The certified flags come
 * from the reduced recurrence in balls where it applies (whitened square
 * loss), else from the certified full-GD enclosure, at doubling precision
 * until every flag is decided or the cap is reached.
 */
#include <stdio.h>
#include <string.h>
#include "theorems/figure3/figure3.h"

void
sc_float_view(char * line, size_t linelen, sc_ctx_t ctx, slong fprec,
              slong prec0, slong prec_max)
{
    const sc_traj_struct * C = sc_ctx_certified(ctx, prec0, prec_max);
    sc_traj_t P;
    slong t, ndiff = 0, nspur = 0, nund = 0, len;
    size_t pos;
    int full = 0;
    char steps[256] = "";

    sc_traj_init(P, SC_TRAJ_FULL, ctx->cs->d, ctx->cs->steps);
    sc_dyn_run_full(P, ctx->cs, ctx->data, 1, fprec);
    len = FLINT_MIN(P->len, C->len);
    pos = 0;
    for (t = 0; t + 1 < len; t++)
    {
        if (C->rising[t] == SC_UNKNOWN)
        {
            nund++;
            continue;
        }
        if (P->rising[t] == C->rising[t])
            continue;
        ndiff++;
        nspur += (P->rising[t] == SC_TRUE);
        if (full)
            continue;
        if (pos + 24 < sizeof(steps))
            pos += snprintf(steps + pos, sizeof(steps) - pos, "%s%ld",
                            ndiff > 1 ? " " : "", (long) t);
        else
        {
            snprintf(steps + pos, sizeof(steps) - pos, " ...");
            full = 1;
        }
    }
    snprintf(line, linelen, "float view %s at %ld bits: %ld of %ld "
             "rising/falling decisions differ from the certified run "
             "(%ld spurious rising, certified at %ld bits%s)%s%s",
             ctx->cs->name, (long) fprec, (long) ndiff, (long) (len - 1),
             (long) nspur, (long) C->prec,
             nund > 0 ? ", some certified flags undecided" : "",
             ndiff > 0 ? "; steps: " : "", steps);
    sc_traj_clear(P);
}
