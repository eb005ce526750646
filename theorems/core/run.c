/*
 * run.c -- the registry lookup and the run of one checker on one case:
 * its attempts go up the precision ladder of sc_escalate.
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

int
sc_thm_id_width(void)
{
    slong i;
    size_t w = 5;

    for (i = 0; i < sc_thm_count; i++)
        w = FLINT_MAX(w, strlen(sc_thm_table[i].id));
    return (int) w;
}

const char *
sc_thm_statement(const sc_thm_struct * thm)
{
    return thm->of != NULL ? thm->of : thm->id;
}

slong
sc_thm_select(const sc_thm_struct ** out, slong max, const char * id)
{
    const sc_thm_struct * t = sc_thm_lookup(id);
    slong i, n = 0;

    if (t != NULL)
    {
        if (max > 0)
            out[0] = t;
        return 1;
    }
    for (i = 0; i < sc_thm_count; i++)
        if (sc_thm_table[i].of != NULL
            && strcmp(sc_thm_table[i].of, id) == 0)
        {
            if (n < max)
                out[n] = sc_thm_table + i;
            n++;
        }
    return n;
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
