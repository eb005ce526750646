/*
 * escalate.c -- the one place where precision is raised (STYLE.md rule 12).
 *
 * Every certified computation that may need more bits is written as one
 * attempt at a given precision that says whether it decided.  The ladder
 * is the same for all of them: the first attempt at prec0, then doubling
 * while the attempt asks for more (SC_UNABLE) and the next precision
 * stays within the cap.  A caller never writes its own loop, so the stop
 * rule, the cap and the report of the last precision agree everywhere.
 */
#include "spikecheck.h"

int
sc_escalate(slong * prec_used, slong prec0, slong prec_max,
            sc_attempt_fn attempt, void * arg)
{
    slong prec = prec0;
    int status;

    for (;;)
    {
        int last = (prec > prec_max / 2);

        status = attempt(arg, prec, last);
        if (status != SC_UNABLE || last)
            break;
        prec *= 2;
    }
    if (prec_used != NULL)
        *prec_used = prec;
    return status;
}
