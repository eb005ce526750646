/*
 * result.c -- the verdict record of one (checker, case) pair.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "spikecheck.h"

static const char * const sc_verdict_names[SC_NUM_VERDICTS] =
    { "HOLDS", "VIOLATED", "NOT-APPLICABLE", "UNDECIDED" };

const char *
sc_verdict_name(sc_verdict_t v)
{
    return sc_verdict_names[v];
}

void
sc_result_init(sc_result_t res)
{
    slong i;

    arb_init(res->predicted);
    arb_init(res->observed);
    arb_init(res->slack);
    for (i = 0; i < SC_MAX_EXTRA; i++)
        arb_init(res->extra[i].value);
    sc_result_reset(res);
}

void
sc_result_clear(sc_result_t res)
{
    slong i;

    for (i = 0; i < SC_MAX_EXTRA; i++)
        arb_clear(res->extra[i].value);
    arb_clear(res->slack);
    arb_clear(res->observed);
    arb_clear(res->predicted);
}

void
sc_result_reset(sc_result_t res)
{
    slong i;

    res->verdict = SC_UNDECIDED;
    arb_zero(res->predicted);
    arb_zero(res->observed);
    arb_zero(res->slack);
    res->has_predicted = res->has_observed = res->has_slack = 0;
    res->step = -1;
    res->prec = 0;
    res->steps = 0;
    res->certificate = "";
    res->exercised = 1;
    res->novalue = NULL;
    res->failed = NULL;
    res->reason[0] = '\0';
    for (i = 0; i < SC_MAX_EXTRA; i++)
    {
        res->extra[i].name = NULL;
        res->extra[i].set = 0;
        arb_zero(res->extra[i].value);
    }
}

void
sc_result_reason(sc_result_t res, const char * fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(res->reason, SC_REASON_LEN, fmt, ap);
    va_end(ap);
}

void
sc_result_set_extra(sc_result_t res, const char * name, const arb_t x)
{
    slong i;

    for (i = 0; i < SC_MAX_EXTRA; i++)
    {
        if (!res->extra[i].set || res->extra[i].name == name)
        {
            res->extra[i].name = name;
            res->extra[i].set = 1;
            arb_set(res->extra[i].value, x);
            return;
        }
    }
    flint_abort();      /* more than SC_MAX_EXTRA extras is a programming error */
}

void
sc_result_set_extra_si(sc_result_t res, const char * name, slong x)
{
    arb_t t;

    arb_init(t);
    arb_set_si(t, x);
    sc_result_set_extra(res, name, t);
    arb_clear(t);
}

void
sc_result_set_predicted(sc_result_t res, const arb_t x)
{
    arb_set(res->predicted, x);
    res->has_predicted = 1;
}

void
sc_result_set_observed(sc_result_t res, const arb_t x)
{
    arb_set(res->observed, x);
    res->has_observed = 1;
}

void
sc_result_set_slack(sc_result_t res, const arb_t x)
{
    arb_set(res->slack, x);
    res->has_slack = 1;
}

void
sc_result_set_predicted_si(sc_result_t res, slong x)
{
    arb_set_si(res->predicted, x);
    res->has_predicted = 1;
}

void
sc_result_set_observed_si(sc_result_t res, slong x)
{
    arb_set_si(res->observed, x);
    res->has_observed = 1;
}

void
sc_result_no_value(sc_result_t res, const char * why)
{
    res->novalue = why;
}

void
sc_result_vacuous(sc_result_t res, const char * why)
{
    size_t n = strlen(res->reason);

    res->exercised = 0;
    res->has_slack = 0;         /* no room: nothing was at risk */
    snprintf(res->reason + n, SC_REASON_LEN - n, " (vacuous: %s)", why);
}

void
sc_result_not_applicable(sc_result_t res, const char * hyp,
                         const char * fmt, ...)
{
    va_list ap;
    int n;

    res->verdict = SC_NOT_APPLICABLE;
    res->failed = hyp;
    n = snprintf(res->reason, SC_REASON_LEN, "hypothesis fails: ");
    va_start(ap, fmt);
    vsnprintf(res->reason + n, SC_REASON_LEN - n, fmt, ap);
    va_end(ap);
}
