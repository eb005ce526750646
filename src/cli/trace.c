/*
 * trace.c -- `spikecheck trace`: the per-step trajectory as CSV.  Certified
 * runs escalate precision until every rising flag is decided and every
 * printed value is right to its digits (or the cap); --precision BITS
 * prints the uncertified floating-point run instead.  Runs stream: memory
 * does not grow with the steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "report/report.h"
#include "num/num.h"

/* Where a streaming run's rows go, and what the visitor has seen. */
typedef struct
{
    FILE * out;
    slong digits;
    slong need;             /* relative accuracy (bits) a printed value
                               needs; 0: not checked (uncertified run) */
    slong undecided;        /* rising flags the enclosures left open */
    slong vague;            /* values wider than their digits */
    slong first_vague;      /* the step of the first one */
    int stop_early;         /* stop at the first of either: a higher
                               precision follows */
}
sc_trace_sink;

/* Values of state t whose ball is too wide for the digits printed.
   Exact and non-finite values (no reference direction) do not count. */
static slong
sc_trace_vague(const sc_traj_struct * T, slong t, slong need)
{
    slong s = sc_traj_slot(T, t), i, count = 0;
    arb_srcptr v[7];

    v[0] = T->a + s;
    v[1] = T->b + s;
    v[2] = T->rho + s;
    v[3] = T->gamma + s;
    v[4] = T->W + s;
    v[5] = T->h + s;
    v[6] = T->loss + s;
    for (i = 0; i < 7; i++)
        if (arb_is_finite(v[i]) && !arb_is_exact(v[i])
            && arb_rel_accuracy_bits(v[i]) < need)
            count++;
    return count;
}

static int
sc_trace_visit(const sc_traj_struct * T, slong t, void * arg)
{
    sc_trace_sink * k = arg;
    slong vague = k->need ? sc_trace_vague(T, t, k->need) : 0;
    int open = (t + 1 < T->len
                && T->rising[sc_traj_slot(T, t)] == SC_UNKNOWN);

    sc_report_trace_row(k->out, T, t, k->digits);
    if (vague > 0 && k->vague == 0)
        k->first_vague = t;
    k->vague += vague;
    k->undecided += open;
    return (open || vague > 0) && k->stop_early;
}

/* One streaming run at prec (point: uncertified) into k; SC_OK, or
   SC_DOMAIN for --reduced outside its domain (err says why). */
static int
sc_trace_run(sc_traj_t T, const sc_case_t c, const sc_data_t data,
             int reduced, int point, slong prec, sc_trace_sink * k,
             char * err, size_t errlen)
{
    int rc = SC_OK;

    sc_traj_init_stream(T, reduced ? SC_TRAJ_REDUCED : SC_TRAJ_FULL, c->d,
                        c->steps, sc_trace_visit, k);
    k->undecided = 0;
    k->vague = 0;
    k->first_vague = -1;
    sc_report_trace_header(k->out);
    if (reduced)
        rc = sc_dyn_run_reduced(T, c, data, point, prec, err, errlen);
    else
        sc_dyn_run_full(T, c, data, point, prec);
    return rc;
}

/*
 * The certified trace: precision doubles from the case's until every
 * rising flag is decided and every value is right to its digits, or up to
 * prec_max.  Rows stream to stdout on the
 * last attempt, and to memory before it (a run that leaves a flag open
 * stops there and is dropped), so memory does not grow with the steps
 * where no retry can follow.  Returns the exit code.
 */
static int
sc_trace_certified(const sc_case_t c, const sc_data_t data, int reduced,
                   slong digits, slong prec_max, const char * path)
{
    slong prec;
    char err[SC_ERR_LEN];
    sc_trace_sink k;
    sc_traj_t T;
    int rc = SC_EXIT_OK;

    k.digits = digits;
    k.need = sc_num_digits_bits(digits);
    for (prec = c->precision; ; prec *= 2)
    {
        int last = (2 * prec > prec_max), decided;
        char * buf = NULL;
        size_t size = 0;

        k.stop_early = !last;
        k.out = last ? stdout : open_memstream(&buf, &size);
        if (k.out == NULL)
        {
            fprintf(stderr, "spikecheck: trace: out of memory\n");
            return SC_EXIT_USAGE;
        }
        if (sc_trace_run(T, c, data, reduced, 0, prec, &k, err,
                         sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s: --reduced: %s\n", path, err);
            rc = SC_EXIT_USAGE;
        }
        decided = (rc == SC_EXIT_OK && T->len == c->steps + 1
                   && k.undecided == 0 && k.vague == 0);
        if (!last)
        {
            fclose(k.out);
            if (decided)
                fwrite(buf, 1, size, stdout);
            free(buf);
        }
        if (!decided && rc == SC_EXIT_OK && last)
        {
            rc = SC_EXIT_UNDECIDED;
            if (k.undecided > 0 || T->len != c->steps + 1)
                fprintf(stderr, "spikecheck: %s: some steps undecided at %ld "
                        "bits%s%s\n", path, (long) prec,
                        T->stop[0] ? ": " : "", T->stop);
            if (k.vague > 0)
                fprintf(stderr, "spikecheck: %s: %ld values are not certain "
                        "to %ld digits at %ld bits (the first at step %ld)\n",
                        path, (long) k.vague, (long) digits, (long) prec,
                        (long) k.first_vague);
        }
        sc_traj_clear(T);
        if (decided || last || rc != SC_EXIT_OK)
            return rc;
    }
}

int
sc_cli_trace(int argc, char ** argv)
{
    int i, reduced = 0, rc = SC_EXIT_USAGE;
    slong digits = 20, fprec = 0, prec_max = SC_DEFAULT_MAX_PREC;
    const char * path = NULL;
    char err[SC_ERR_LEN];
    sc_traj_t T;
    sc_case_t c;
    sc_data_t data;

    for (i = 1; i < argc; i++)
    {
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (strcmp(argv[i], "--reduced") == 0)
            reduced = 1;
        else if (strcmp(argv[i], "--digits") == 0)
        {
            if (sc_cli_parse_si(&digits, "--digits", v, 1, 1000))
                return SC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(argv[i], "--precision") == 0)
        {
            if (sc_cli_parse_si(&fprec, "--precision", v, 2, SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
            i++;
        }
        else if (strcmp(argv[i], "--max-precision") == 0)
        {
            if (sc_cli_parse_si(&prec_max, "--max-precision", v,
                                SC_CASE_MIN_PREC, SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
            i++;
        }
        else if (argv[i][0] == '-' || path != NULL)
        {
            fprintf(stderr, "spikecheck: trace: unexpected '%s'\n", argv[i]);
            return SC_EXIT_USAGE;
        }
        else
            path = argv[i];
    }
    if (path == NULL)
    {
        fprintf(stderr, "spikecheck: trace needs a case file\n");
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
    if (reduced && sc_dyn_reduced_domain(c, data) != NULL)
        fprintf(stderr, "spikecheck: %s: --reduced: %s\n", path,
                sc_dyn_reduced_domain(c, data));
    else if (fprec > 0)
    {
        sc_trace_sink k = { stdout, digits, 0, 0, 0, -1, 0 };

        rc = (sc_trace_run(T, c, data, reduced, 1, fprec, &k, err,
                           sizeof(err)) == SC_OK) ? SC_EXIT_OK : SC_EXIT_USAGE;
        sc_traj_clear(T);
    }
    else
        rc = sc_trace_certified(c, data, reduced, digits, prec_max, path);

    sc_data_clear(data);
    sc_case_clear(c);
    return rc;
}
