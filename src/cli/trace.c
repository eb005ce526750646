/*
 * trace.c -- `spikecheck trace`: the per-step trajectory as CSV.  Certified
 * runs escalate precision until every rising flag is decided (or the cap);
 * --precision BITS prints the uncertified floating-point run instead.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "report/report.h"

static int
sc_trace_decided(const sc_traj_struct * T, slong steps)
{
    slong t;

    if (T->len != steps + 1)
        return 0;
    for (t = 0; t < steps; t++)
        if (T->rising[t] == SC_UNKNOWN)
            return 0;
    return 1;
}

int
sc_cli_trace(int argc, char ** argv)
{
    int i, reduced = 0, rc = SC_EXIT_USAGE;
    slong digits = 20, fprec = 0, prec, prec_max = SC_DEFAULT_MAX_PREC;
    const char * path = NULL;
    char err[SC_ERR_LEN];
    const sc_traj_struct * T = NULL;
    sc_traj_t P;
    sc_case_t c;
    sc_ctx_t ctx;

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
    sc_ctx_init(ctx, c);
    if (fprec > 0)
    {
        sc_traj_init(P, reduced ? SC_TRAJ_REDUCED : SC_TRAJ_FULL, c->d,
                     c->steps);
        if (reduced)
            rc = sc_dyn_run_reduced(P, c, ctx->data, 1, fprec, err,
                                    sizeof(err));
        else
            (rc = SC_OK, sc_dyn_run_full(P, c, ctx->data, 1, fprec));
        if (rc == SC_OK)
            sc_report_write_trace(stdout, P, digits);
        else
            fprintf(stderr, "spikecheck: %s: --reduced: %s\n", path, err);
        rc = (rc == SC_OK) ? SC_EXIT_OK : SC_EXIT_USAGE;
        sc_traj_clear(P);
        goto cleanup;
    }
    for (prec = c->precision; ; prec *= 2)
    {
        T = reduced ? sc_ctx_reduced(ctx, prec) : sc_ctx_full(ctx, prec);
        if (T == NULL)
        {
            fprintf(stderr, "spikecheck: %s: --reduced: %s\n", path,
                    ctx->why);
            goto cleanup;
        }
        if (sc_trace_decided(T, c->steps) || 2 * prec > prec_max)
            break;
    }
    sc_report_write_trace(stdout, T, digits);
    rc = sc_trace_decided(T, c->steps) ? SC_EXIT_OK : SC_EXIT_UNDECIDED;
    if (rc != SC_EXIT_OK)
        fprintf(stderr, "spikecheck: %s: some steps undecided at %ld bits%s%s\n",
                path, (long) prec, T->stop[0] ? ": " : "", T->stop);

cleanup:
    sc_ctx_clear(ctx);
    sc_case_clear(c);
    return rc;
}
