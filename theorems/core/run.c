/*
 * run.c -- the run of one checker on one case: its attempts go up the
 * precision ladder of sc_escalate.
 */
#include <stdio.h>
#include <string.h>
#include "theorems/core/core.h"

const char *
sc_thm_statement(const sc_thm_struct * thm)
{
    return thm->of != NULL ? thm->of : thm->id;
}

/* one attempt of a checker: a fresh record at prec */
typedef struct
{
    sc_result_struct * res;
    const sc_thm_struct * thm;
    sc_ctx_struct * ctx;
}
sc_thm_attempt_struct;

static int
sc_thm_attempt(void * arg, slong prec, int last)
{
    sc_thm_attempt_struct * a = arg;
    int status;

    (void) last;
    sc_result_reset(a->res);
    status = a->thm->check(a->res, a->ctx, prec);
    a->res->prec = prec;
    return status;
}

void
sc_thm_run(sc_result_t res, const sc_thm_struct * thm, sc_ctx_t ctx,
           slong prec0, slong prec_max)
{
    sc_thm_attempt_struct a = { res, thm, ctx };
    char last[SC_REASON_LEN];

    if (sc_escalate(NULL, prec0, prec_max, sc_thm_attempt, &a) == SC_OK)
        return;
    memcpy(last, res->reason, SC_REASON_LEN);
    res->verdict = SC_UNDECIDED;
    snprintf(res->reason, SC_REASON_LEN,
             "precision cap %ld bits reached: %.400s", (long) prec_max, last);
}
