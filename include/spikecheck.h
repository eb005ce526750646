/*
 * spikecheck.h -- umbrella header: verdicts, truth values, status codes and
 * the result record every checker fills.
 *
 * A verdict is what a report says about one (checker, case) pair.  A truth
 * value is what one certified comparison of balls says.  A status is what a
 * function says about its own run (did it need more precision?  was the
 * input bad?).  The three are kept apart on purpose: a failed comparison is
 * not a failed hypothesis, and neither is a broken file.
 */
#ifndef SPIKECHECK_H
#define SPIKECHECK_H

#include "arb.h"

#define SC_VERSION "0.1.0"

#if defined(__GNUC__)
#define SC_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define SC_WARN_UNUSED
#endif

/* Verdicts of HARNESS.md, in report order. */
typedef enum
{
    SC_HOLDS = 0,
    SC_VIOLATED = 1,
    SC_NOT_APPLICABLE = 2,
    SC_UNDECIDED = 3
} sc_verdict_t;

#define SC_NUM_VERDICTS 4

const char * sc_verdict_name(sc_verdict_t v);

/* Three-valued truth, after FLINT 3's truth_t.  Only a certified predicate
   (arb_lt, arb_is_positive, ...) gives SC_TRUE or SC_FALSE. */
typedef enum
{
    SC_FALSE = 0,
    SC_TRUE = 1,
    SC_UNKNOWN = 2
} sc_truth_t;

/* Operational status; flags may be OR-ed. */
#define SC_OK       0
#define SC_DOMAIN   1   /* input outside the function's domain */
#define SC_UNABLE   2   /* precision too low to decide: escalate */
#define SC_EINVAL   4   /* malformed input */
#define SC_EIO      8   /* file could not be read or written */

/*
 * One attempt of a certified computation at prec bits: SC_OK when it
 * decided what it had to, SC_UNABLE when rounding left something open
 * (more precision may decide it); any other status is an error.  last is
 * nonzero on the final attempt the cap allows, so that an attempt can
 * keep (or print) its best open result there.
 */
typedef int (*sc_attempt_fn)(void * arg, slong prec, int last);

/*
 * The precision ladder (src/core/escalate.c), the only loop that raises
 * precision: attempt at prec0, 2 prec0, 4 prec0, ... while it returns
 * SC_UNABLE and the next precision is at most prec_max (the first attempt
 * is made whatever prec_max).  Returns the last attempt's status (SC_UNABLE:
 * the cap was reached undecided); *prec_used (may be NULL) is its
 * precision.
 */
int sc_escalate(slong * prec_used, slong prec0, slong prec_max,
                sc_attempt_fn attempt, void * arg);

/* Provenance tags of THEOREMS.md; "derived": a statement derived here,
   not the paper's, with its proof in docs/ (the registry's source names
   the file). */
#define SC_PROV_EXACT          "exact"
#define SC_PROV_RECONSTRUCTED  "reconstructed"
#define SC_PROV_OBSERVATIONAL  "observational"
#define SC_PROV_DERIVED        "derived"

#define SC_REASON_LEN 512
#define SC_MAX_EXTRA 16

/* A named extra value of a verdict (e.g. T_cf next to T). */
typedef struct
{
    const char * name;
    arb_t value;
    int set;
}
sc_extra_struct;

/*
 * The record of one (checker, case) verdict.  Reports are built from this
 * struct only.  predicted / observed / slack are balls; has_* says whether
 * the checker filled them (an exact identity has no slack).  slack is
 * bound / observed, so slack >= 1 means the bound held with room to spare.
 * step is the step the verdict talks about (the violating step, the onset),
 * -1 if none.  reason is a one-line, human-readable why.
 */
typedef struct
{
    sc_verdict_t verdict;
    arb_t predicted;
    arb_t observed;
    arb_t slack;
    int has_predicted, has_observed, has_slack;
    slong step;
    slong prec;             /* precision (bits) of the final attempt */
    slong steps;            /* steps of the horizon that were examined */
    const char * certificate;   /* what the decision rests on */
    /* HOLDS only: 0 when the claim's conclusion was never at risk (no
       rising step for a "not rising" conclusion, an antecedent never
       certified): a vacuous truth, counted apart in every summary */
    int exercised;
    /* VIOLATED without a predicted or observed value (an implication, an
       exact identity over Q): why it has none, a string with static
       storage (NULL otherwise) */
    const char * novalue;
    /* NOT-APPLICABLE only: the hypothesis that failed, a short label with
       static storage ("A3", "eta > eta_max") that summaries group by;
       NULL when the checker names none (the reason still does) */
    const char * failed;
    char reason[SC_REASON_LEN];
    sc_extra_struct extra[SC_MAX_EXTRA];
}
sc_result_struct;

typedef sc_result_struct sc_result_t[1];

void sc_result_init(sc_result_t res);
void sc_result_clear(sc_result_t res);

/* Resets res to an empty UNDECIDED record, keeping its memory. */
void sc_result_reset(sc_result_t res);

/* Sets the reason with printf formatting (truncated to SC_REASON_LEN). */
void sc_result_reason(sc_result_t res, const char * fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Sets extra value name (a string literal) to x. */
void sc_result_set_extra(sc_result_t res, const char * name, const arb_t x);
void sc_result_set_extra_si(sc_result_t res, const char * name, slong x);

/* Convenience setters; each also sets the matching has_ flag. */
void sc_result_set_predicted(sc_result_t res, const arb_t x);
void sc_result_set_observed(sc_result_t res, const arb_t x);
void sc_result_set_slack(sc_result_t res, const arb_t x);

/* predicted = x exactly (an identity claims 0, a count its bound). */
void sc_result_set_predicted_si(sc_result_t res, slong x);
void sc_result_set_observed_si(sc_result_t res, slong x);

/* A VIOLATED record that has no predicted or observed value: why (a
   string with static storage, e.g. "an exact identity over Q"). */
void sc_result_no_value(sc_result_t res, const char * why);

/* A HOLDS whose conclusion was never at risk: exercised = 0, no slack
   (the least-slack summaries are over exercised claims), and the reason
   ends with "(vacuous: why)". */
void sc_result_vacuous(sc_result_t res, const char * why);

/* Verdict NOT-APPLICABLE, failed = hyp (static storage, the label the
   summaries group by) and the reason "hypothesis fails: " fmt. */
void sc_result_not_applicable(sc_result_t res, const char * hyp,
                              const char * fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
