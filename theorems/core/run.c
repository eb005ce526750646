/*
 * run.c -- the one place where precision is raised (STYLE.md rule 12).
 */
#include <stdio.h>
#include <string.h>
#include "theorems/core/core.h"

const sc_thm_struct *
sc_thm_lookup(const char * id)
{
    slong i;

    for (i = 0; i < sc_thm_count; i++)
        if (strcmp(sc_thm_table[i].id, id) == 0)
            return sc_thm_table + i;
    return NULL;
}

void
sc_thm_run(sc_result_t res, const sc_thm_struct * thm, sc_ctx_t ctx,
           slong prec0, slong prec_max)
{
    slong prec = prec0;
    int status;
    char last[SC_REASON_LEN];

    for (;;)
    {
        sc_result_reset(res);
        status = thm->check(res, ctx, prec);
        res->prec = prec;
        if (status == SC_OK)
            return;
        if (2 * prec > prec_max)
            break;
        prec *= 2;
    }
    memcpy(last, res->reason, SC_REASON_LEN);
    res->verdict = SC_UNDECIDED;
    snprintf(res->reason, SC_REASON_LEN,
             "precision cap %ld bits reached: %.400s", (long) prec_max, last);
}
