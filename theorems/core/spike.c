/*
 * spike.c -- what a loss spike is, once, for every checker that speaks of
 * spikes ([F3] measures them, [S2] orders them against the sharpness).
 *
 * BEYOND.md s.2 for [S2]: "use the spike definition of [F3], at least 10
 * falling steps and then a rise to at least twice the onset value".  As
 * decided here, from certified loss values L_0 .. L_{len-1}, every
 * comparison in balls:
 *   A rise starts at a step t with L_{t+1} > L_t.  Its run goes on while
 *   the loss exceeds its last peak one or two steps later (the one-step
 *   dip of a period-2 oscillation does not end it); its peak p is where it
 *   stops, its ratio L_p / L_t.  A spike is a rise that follows at least
 *   SC_SPIKE_DESCENT consecutive steps with L_{s+1} < L_s and whose ratio
 *   is at least SC_SPIKE_RATIO; the first spike of the horizon is found.
 *   A run still rising at the horizon is a spike once its ratio reached
 *   SC_SPIKE_RATIO.  Two exact, equal balls (a float run repeats a value)
 *   are a flat step: it neither starts a rise nor extends a descent.
 * Any comparison that decides the result and is undecided gives SC_UNABLE,
 * so the caller's precision rises; an undecided step is never read as a
 * fall or as no rise.
 */
#include "theorems/core/core.h"
#include "num/num.h"

#define SC_SPIKE_FALLS (-1)
#define SC_SPIKE_FLAT 0
#define SC_SPIKE_RISES 1
#define SC_SPIKE_UNDECIDED 2

void
sc_spike_init(sc_spike_t S)
{
    arb_init(S->ratio);
    arb_init(S->bump);
    S->onset = S->peak = -1;
    S->descent = S->rises = 0;
    S->open = 0;
}

void
sc_spike_clear(sc_spike_t S)
{
    arb_clear(S->bump);
    arb_clear(S->ratio);
}

/* The loss from step a to step b > a. */
static int
sc_spike_cmp(arb_srcptr loss, slong a, slong b)
{
    if (sc_num_gt(loss + b, loss + a) == SC_TRUE)
        return SC_SPIKE_RISES;
    if (sc_num_lt(loss + b, loss + a) == SC_TRUE)
        return SC_SPIKE_FALLS;
    if (arb_is_exact(loss + a) && arb_equal(loss + a, loss + b))
        return SC_SPIKE_FLAT;
    return SC_SPIKE_UNDECIDED;
}

/* p = the peak of the rise that starts at t; *open = 1 when the horizon
   ends it.  SC_UNABLE (reason set) if a comparison is undecided. */
static int
sc_spike_run_end(slong * p, int * open, sc_result_t res, arb_srcptr loss,
                 slong len, slong t)
{
    slong k;
    int cmp;

    *p = t + 1;
    *open = 0;
    for (;;)
    {
        for (k = 1; k <= 2; k++)
        {
            if (*p + k > len - 1)
            {
                *open = 1;
                return SC_OK;
            }
            cmp = sc_spike_cmp(loss, *p, *p + k);
            if (cmp == SC_SPIKE_UNDECIDED)
            {
                sc_result_reason(res, "loss rise undecided at step %ld",
                                 (long) (*p + k));
                return SC_UNABLE;
            }
            if (cmp == SC_SPIKE_RISES)
                break;
        }
        if (k > 2)
            return SC_OK;
        *p += k;
    }
}

int
sc_spike_find(sc_spike_t S, sc_result_t res, arb_srcptr loss, slong len,
              slong prec)
{
    slong t, p, desc = 0;
    sc_truth_t big;
    arb_t r, rmin;
    int open, cmp, status = SC_OK;

    S->onset = S->peak = -1;
    S->descent = S->rises = 0;
    S->open = 0;
    arb_zero(S->bump);
    arb_init(r);
    arb_init(rmin);
    arb_set_si(rmin, SC_SPIKE_RATIO);
    for (t = 0; t + 1 < len; t++)
    {
        cmp = sc_spike_cmp(loss, t, t + 1);
        if (cmp == SC_SPIKE_UNDECIDED)
        {
            sc_result_reason(res, "loss rise or fall undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
            break;
        }
        if (cmp == SC_SPIKE_FALLS)
        {
            desc++;
            continue;
        }
        if (cmp == SC_SPIKE_RISES)
        {
            status = sc_spike_run_end(&p, &open, res, loss, len, t);
            if (status != SC_OK)
                break;
            arb_div(r, loss + p, loss + t, prec);
            big = sc_num_ge(r, rmin);
            if (big == SC_UNKNOWN && desc >= SC_SPIKE_DESCENT)
            {
                sc_result_reason(res, "loss ratio >= %d undecided for the "
                                 "rise at step %ld", SC_SPIKE_RATIO,
                                 (long) t);
                status = SC_UNABLE;
                break;
            }
            if (big == SC_TRUE && desc >= SC_SPIKE_DESCENT)
            {
                S->onset = t;
                S->peak = p;
                S->descent = desc;
                S->open = open;
                arb_set(S->ratio, r);
                break;
            }
            S->rises++;
            sc_num_max_ubound(S->bump, r, prec);
            if (open)
                break;
            t = p - 1;          /* the next descent starts at the peak */
        }
        desc = 0;
    }
    arb_clear(rmin);
    arb_clear(r);
    return status;
}
