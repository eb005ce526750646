/*
 * trace.c -- `spikecheck trace`: the per-step trajectory as CSV.  Certified
 * runs escalate precision until every rising flag is decided and every
 * printed value is certain to its digits (or the cap); --precision BITS
 * prints the uncertified floating-point run instead.  Runs stream: memory
 * does not grow with the steps.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"
#include "report/report.h"
#include "num/num.h"

/* Where a run's rows go, and what has been printed. */
typedef struct
{
    slong steps;            /* the case's horizon */
    slong digits;
    slong need;             /* relative accuracy (bits) a printed value
                               needs; 0: not checked (uncertified run) */
    int last;               /* no higher precision follows: print every
                               row as it comes */
    slong next;             /* the first row not printed yet */
    slong undecided;        /* rows printed with rising '?' (an undefined
                               flag, '-', is final) */
    slong vague;            /* values printed not certain to their digits */
    slong first_vague;      /* the row of the first one */
}
sc_trace_sink;

/* Values of state t whose ball is too wide for the digits printed.
   Exact and non-finite values (no reference direction) do not count. */
static slong
sc_trace_vague(const sc_traj_struct * T, slong t, slong need)
{
    arb_srcptr v[SC_TRACE_VALUES];
    slong i, count = 0;

    sc_report_trace_values(v, T, t);
    for (i = 0; i < SC_TRACE_VALUES; i++)
        if (arb_is_finite(v[i]) && !arb_is_exact(v[i])
            && arb_rel_accuracy_bits(v[i]) < need)
            count++;
    return count;
}

/*
 * Row t is printed as soon as it is final: its rising flag decided (the
 * last row: the horizon reached) and its values certain to their digits.
 * A row that is not stops the run unless it is the last attempt: the next
 * precision starts again from step 0 and prints from this row on.  Every
 * printed row is right whichever precision printed it (its digits are
 * certain), so the CSV does not depend on where the precision rose.
 */
static int
sc_trace_visit(const sc_traj_struct * T, slong t, void * arg)
{
    sc_trace_sink * k = arg;
    slong vague;
    int open;

    if (t < k->next)
        return 0;                       /* printed at a lower precision */
    open = (t + 1 < T->len) ? sc_report_trace_flag(T, t) == '?'
                            : t < k->steps;
    vague = k->need ? sc_trace_vague(T, t, k->need) : 0;
    if ((open || vague > 0) && !k->last)
        return 1;
    sc_report_trace_row(stdout, T, t, k->digits);
    k->next = t + 1;
    k->undecided += (t + 1 < T->len && open);
    if (vague > 0 && k->vague == 0)
        k->first_vague = t;
    k->vague += vague;
    return 0;
}

/* One streaming run at prec (point: uncertified) into k; the caller
   clears T.  The reduced recurrence's domain has been checked. */
static void
sc_trace_run(sc_traj_t T, const sc_case_t c, const sc_data_t data,
             int reduced, int point, slong prec, sc_trace_sink * k)
{
    char why[SC_ERR_LEN];

    sc_traj_init_stream(T, reduced ? SC_TRAJ_REDUCED : SC_TRAJ_FULL, c->d,
                        c->steps, sc_trace_visit, k);
    if (!reduced)
        sc_dyn_run_full(T, c, data, point, prec);
    else if (sc_dyn_run_reduced(T, c, data, point, prec, why, sizeof(why))
             != SC_OK)
        flint_abort();                  /* the domain was checked */
}

/* One attempt of the certified trace at prec: decided when every row has
   been printed. */
typedef struct
{
    const sc_case_struct * c;
    const sc_data_struct * data;
    int reduced;
    sc_trace_sink * k;
    char stop[160];
}
sc_trace_attempt_struct;

static int
sc_trace_attempt(void * arg, slong prec, int last)
{
    sc_trace_attempt_struct * a = arg;
    sc_traj_t T;

    a->k->last = last;
    sc_trace_run(T, a->c, a->data, a->reduced, 0, prec, a->k);
    memcpy(a->stop, T->stop, sizeof(a->stop));
    sc_traj_clear(T);
    return a->k->next == a->c->steps + 1 ? SC_OK : SC_UNABLE;
}

/*
 * The certified trace: precision rises from the case's until every row
 * is final, or up to prec_max, where the rest is printed as it is.  Rows
 * go out as they become final, so memory does not grow with the steps
 * and a long trace shows its progress.  Returns the exit code.
 */
static int
sc_trace_certified(const sc_case_t c, const sc_data_t data, int reduced,
                   slong digits, slong prec_max, const char * path)
{
    slong prec;
    sc_trace_sink k = { .steps = c->steps, .digits = digits,
                        .need = sc_num_digits_bits(digits),
                        .first_vague = -1 };
    sc_trace_attempt_struct a = { c, data, reduced, &k, "" };
    const char * stop = a.stop;

    sc_report_trace_header(stdout);
    (void) sc_escalate(&prec, c->precision, prec_max, sc_trace_attempt, &a);
    if (k.next == c->steps + 1 && k.undecided == 0 && k.vague == 0)
        return SC_EXIT_OK;
    if (k.undecided > 0 || k.next != c->steps + 1)
        fprintf(stderr, "spikecheck: %s: some steps undecided at %ld "
                "bits%s%s\n", path, (long) prec, stop[0] ? ": " : "", stop);
    if (k.vague > 0)
        fprintf(stderr, "spikecheck: %s: %ld values are not certain to %ld "
                "digits at %ld bits (the first at step %ld)\n", path,
                (long) k.vague, (long) digits, (long) prec,
                (long) k.first_vague);
    return SC_EXIT_UNDECIDED;
}

int
sc_cli_trace(int argc, char ** argv)
{
    int key, reduced = 0, rc = SC_EXIT_USAGE;
    sc_cli_getopt_struct g;
    slong digits = 20, fprec = 0, prec_max = SC_DEFAULT_MAX_PREC;
    const char * path = NULL, * dom;
    char err[SC_ERR_LEN];
    sc_traj_t T;
    sc_case_t c;
    sc_data_t data;

    sc_cli_getopt_init(&g, "trace", argc, argv);
    while ((key = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        if (key == SC_OPT_REDUCED)
            reduced = 1;
        else if (key == SC_OPT_DIGITS)
        {
            if (sc_cli_parse_si(&digits, g.opt, g.value, 1, 1000))
                return SC_EXIT_USAGE;
        }
        else if (key == SC_OPT_PRECISION)
        {
            if (sc_cli_parse_si(&fprec, g.opt, g.value, 2, SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
        }
        else if (key == SC_OPT_MAX_PRECISION)
        {
            if (sc_cli_parse_si(&prec_max, g.opt, g.value, SC_CASE_MIN_PREC,
                                SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
        }
        else if (key == SC_OPT_OPERAND)
            path = g.value;
        else
            return sc_cli_getopt_exit(&g, key);
    }
    if (path == NULL)
    {
        sc_cli_usage_error("trace", "needs a case file");
        return SC_EXIT_USAGE;
    }
    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        sc_case_clear(c);
        return SC_EXIT_USAGE;
    }
    sc_data_init(data, c);
    dom = reduced ? sc_dyn_reduced_domain(c, data) : NULL;
    if (dom != NULL)
        fprintf(stderr, "spikecheck: %s: --reduced: %s\n", path, dom);
    else if (fprec > 0)
    {
        sc_trace_sink k = { .steps = c->steps, .digits = digits, .last = 1,
                                .first_vague = -1 };

        sc_report_trace_header(stdout);
        sc_trace_run(T, c, data, reduced, 1, fprec, &k);
        sc_traj_clear(T);
        rc = SC_EXIT_OK;
    }
    else
        rc = sc_trace_certified(c, data, reduced, digits, prec_max, path);

    sc_data_clear(data);
    sc_case_clear(c);
    return rc;
}
