/*
 * tally.c -- many certified per-step claims, one verdict: the first
 * certified failure is the counterexample, an undecided claim asks for
 * more precision, and the tightest claim that held is the slack.
 */
#include <string.h>
#include "theorems/core/core.h"
#include "num/num.h"

void
sc_tally_init(sc_tally_struct * tl, const sc_ctx_t ctx,
                   slong prec)
{
    tl->step = 0;
    tl->napplied = 0;
    tl->applied = 0;
    tl->stop = 0;
    tl->status = SC_OK;
    tl->has_best = 0;
    tl->noslack = 0;
    tl->part = 0;
    tl->arg = NULL;
    tl->standing = SC_UNKNOWN;
    tl->best_step = -1;
    tl->best_form = "";
    arb_init(tl->f);
    arb_init(tl->best);
    arb_init(tl->best_pred);
    arb_init(tl->best_obs);
    arb_init(tl->worst);
    sc_thm_factor(tl->f, ctx, prec);
}

void
sc_tally_clear(sc_tally_struct * tl)
{
    arb_clear(tl->worst);
    arb_clear(tl->best_obs);
    arb_clear(tl->best_pred);
    arb_clear(tl->best);
    arb_clear(tl->f);
}

void
sc_tally_step(sc_tally_struct * tl, slong t)
{
    if (tl->applied)
        tl->napplied++;
    tl->applied = 0;
    tl->step = t;
}

static void
sc_tally_fail(sc_tally_struct * tl, sc_result_t res, const char * form,
             const arb_t observed, const arb_t bound)
{
    tl->stop = 1;
    res->verdict = SC_VIOLATED;
    res->step = tl->step;
    if (bound != NULL)
        sc_result_set_predicted(res, bound);
    if (observed != NULL)
        sc_result_set_observed(res, observed);
    sc_result_reason(res, "%s fails at step %ld", form, (long) tl->step);
}

static void
sc_tally_unable(sc_tally_struct * tl, sc_result_t res, const char * form)
{
    tl->stop = 1;
    tl->status = SC_UNABLE;
    sc_result_reason(res, "%s undecided at step %ld", form, (long) tl->step);
}

/* Keeps slack = big / small if both are positive and it is the least. */
static void
sc_tally_keep(sc_tally_struct * tl, const char * form, const arb_t big,
             const arb_t small, const arb_t observed, const arb_t bound,
             slong prec)
{
    arb_t s, d;

    if (tl->noslack || !arb_is_positive(big) || !arb_is_positive(small))
        return;
    arb_init(s);
    arb_init(d);
    arb_div(s, big, small, prec);
    /* choosing the tightest is display only: midpoints suffice */
    arb_sub(d, s, tl->best, prec);
    if (!tl->has_best || arf_sgn(arb_midref(d)) < 0)
    {
        tl->has_best = 1;
        arb_set(tl->best, s);
        arb_set(tl->best_pred, bound);
        arb_set(tl->best_obs, observed);
        tl->best_step = tl->step;
        tl->best_form = form;
    }
    arb_clear(d);
    arb_clear(s);
}

void
sc_tally_note(sc_tally_struct * tl, const char * form,
             const arb_t observed, const arb_t bound, slong prec)
{
    if (!tl->stop)
        sc_tally_keep(tl, form, bound, observed, observed, bound, prec);
}

/* The outcome r of the claim small <= f big in the tally. */
static void
sc_tally_record(sc_tally_struct * tl, sc_result_t res, const char * form,
               sc_truth_t r, const arb_t small, const arb_t big,
               const arb_t observed, const arb_t bound, slong prec)
{
    if (r == SC_TRUE)
    {
        tl->applied = 1;
        sc_tally_keep(tl, form, big, small, observed, bound, prec);
    }
    else if (r == SC_FALSE)
        sc_tally_fail(tl, res, form, observed, bound);
    else
        sc_tally_unable(tl, res, form);
}

/* Decides small <= f big. */
static sc_truth_t
sc_tally_claim(sc_tally_struct * tl, sc_result_t res, const char * form,
              const arb_t small, const arb_t big, const arb_t observed,
              const arb_t bound, slong prec)
{
    arb_t fb;
    sc_truth_t r;

    if (tl->stop)
        return SC_UNKNOWN;
    arb_init(fb);
    arb_mul(fb, big, tl->f, prec);
    r = sc_num_le(small, fb);
    sc_tally_record(tl, res, form, r, small, big, observed, bound, prec);
    arb_clear(fb);
    return r;
}

sc_truth_t
sc_tally_lower_decided(sc_tally_struct * tl, sc_result_t res,
                      const char * form, sc_truth_t truth,
                      const arb_t observed, const arb_t bound, slong prec)
{
    if (tl->stop)
        return SC_UNKNOWN;
    sc_tally_record(tl, res, form, truth, bound, observed, observed, bound,
                   prec);
    return truth;
}

sc_truth_t
sc_tally_upper(sc_tally_struct * tl, sc_result_t res, const char * form,
              const arb_t observed, const arb_t bound, slong prec)
{
    return sc_tally_claim(tl, res, form, observed, bound, observed, bound,
                         prec);
}

sc_truth_t
sc_tally_lower(sc_tally_struct * tl, sc_result_t res, const char * form,
              const arb_t observed, const arb_t bound, slong prec)
{
    return sc_tally_claim(tl, res, form, bound, observed, observed, bound,
                         prec);
}

sc_truth_t
sc_tally_identity(sc_tally_struct * tl, sc_result_t res,
                 const char * form, const arb_t lhs, const arb_t rhs,
                 const arb_t scale, slong prec)
{
    arb_t r, t;
    mag_t tol;
    sc_truth_t out;

    if (tl->stop)
        return SC_UNKNOWN;
    arb_init(r);
    arb_init(t);
    mag_init(tol);
    arb_sub(r, lhs, rhs, prec);
    arb_sub_ui(t, tl->f, 1, prec);              /* 0 outside tests */
    arb_addmul(r, t, scale, prec);
    arb_get_mag(tol, scale);
    mag_mul_2exp_si(tol, tol, -prec / 2);
    if (!arb_contains_zero(r))
    {
        out = SC_FALSE;
        sc_tally_fail(tl, res, form, lhs, rhs);
    }
    else if (mag_cmp(arb_radref(r), tol) > 0)
    {
        out = SC_UNKNOWN;
        sc_tally_unable(tl, res, form);
    }
    else
    {
        out = SC_TRUE;
        tl->applied = 1;
    }
    mag_clear(tol);
    arb_clear(t);
    arb_clear(r);
    return out;
}

sc_truth_t
sc_tally_implies(sc_tally_struct * tl, sc_result_t res,
                const char * form, sc_truth_t hyp, sc_truth_t concl)
{
    if (tl->stop)
        return SC_UNKNOWN;
    if (hyp == SC_TRUE)
        tl->applied = 1;
    if (hyp == SC_FALSE || concl == SC_TRUE)
        return SC_TRUE;
    if (hyp == SC_TRUE && concl == SC_FALSE)
    {
        sc_tally_fail(tl, res, form, NULL, NULL);
        res->novalue = "an implication: its hypothesis certified true and "
                       "its conclusion certified false at the step";
        return SC_FALSE;
    }
    sc_tally_unable(tl, res, form);
    return SC_UNKNOWN;
}

int
sc_tally_gate(sc_tally_struct * tl, sc_result_t res, const char * hyp,
             sc_truth_t truth)
{
    if (tl->stop || truth == SC_FALSE)
        return 0;
    if (truth == SC_UNKNOWN)
    {
        sc_tally_unable(tl, res, hyp);
        return 0;
    }
    return 1;
}

int
sc_tally_finish(sc_tally_struct * tl, sc_result_t res,
                     const char * what, const char * na_why)
{
    sc_tally_step(tl, tl->step);           /* count the last step */
    if (tl->status != SC_OK)
        return tl->status;
    if (res->verdict == SC_VIOLATED)
        return SC_OK;
    if (tl->napplied == 0)
    {
        sc_result_not_applicable(res, na_why, "%s", na_why);
        return SC_OK;
    }
    res->verdict = SC_HOLDS;
    if (tl->has_best)
    {
        sc_result_set_predicted(res, tl->best_pred);
        sc_result_set_observed(res, tl->best_obs);
        sc_result_set_slack(res, tl->best);
        res->step = tl->best_step;
        sc_result_reason(res, "%s at %ld step(s); tightest: %s at step %ld",
                         what, (long) tl->napplied, tl->best_form,
                         (long) tl->best_step);
    }
    else
        sc_result_reason(res, "%s at %ld step(s)", what,
                         (long) tl->napplied);
    return SC_OK;
}

void
sc_tally_halt(sc_tally_struct * tl, int status)
{
    tl->stop = 1;
    tl->status = status;
}

sc_truth_t
sc_tally_residual(sc_tally_struct * tl, sc_result_t res, sc_truth_t truth,
                  const arb_t rel, const char * false_fmt,
                  const char * unknown_fmt, slong prec)
{
    if (tl->stop)
        return SC_UNKNOWN;
    if (truth == SC_TRUE)
    {
        tl->applied = 1;
        sc_num_max_ubound(tl->worst, rel, prec);
    }
    else if (truth == SC_FALSE)
    {
        tl->stop = 1;
        res->verdict = SC_VIOLATED;
        res->step = tl->step;
        sc_result_set_predicted_si(res, 0);     /* the identity claims 0 */
        sc_result_set_observed(res, rel);
        sc_result_reason(res, false_fmt, (long) tl->step);
    }
    else
    {
        sc_result_reason(res, unknown_fmt, (long) tl->step);
        sc_tally_halt(tl, SC_UNABLE);
    }
    return truth;
}
