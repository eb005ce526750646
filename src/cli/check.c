/*
 * check.c -- `spikecheck check` and `spikecheck replay`: load and validate
 * every case first (a bad file stops the run before anything is written),
 * open the outputs (an unwritable path stops it too), then run the
 * checkers and write the reports atomically.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "report/report.h"

#define SC_MAX_SELECT 64

typedef struct
{
    const sc_thm_struct * sel[SC_MAX_SELECT];
    slong nsel;
    const char * json;
    int all, from_first;
    slong prec0, prec_max, fprec;
    const char * scale;         /* --scale-bounds Q, or NULL */
    fmpq_t factor;
    char ** args;
    slong nargs;
}
sc_check_opts;

static int
sc_check_parse(sc_check_opts * o, int argc, char ** argv)
{
    int i;

    memset(o, 0, sizeof(*o));
    fmpq_init(o->factor);
    fmpq_one(o->factor);
    o->prec_max = SC_DEFAULT_MAX_PREC;
    o->args = flint_malloc(argc * sizeof(char *));
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i], * v = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (strcmp(a, "--theorem") == 0)
        {
            const sc_thm_struct * t = v != NULL ? sc_thm_lookup(v) : NULL;

            if (t == NULL || o->nsel == SC_MAX_SELECT)
            {
                fprintf(stderr, "spikecheck: --theorem: unknown checker "
                        "'%s' (see spikecheck list)\n", v ? v : "");
                return SC_EINVAL;
            }
            o->sel[o->nsel++] = t;
            i++;
        }
        else if (strcmp(a, "--json") == 0 && v != NULL)
            o->json = v, i++;
        else if (strcmp(a, "--scale-bounds") == 0 && v != NULL)
        {
            char err[SC_ERR_LEN];

            if (sc_num_parse_fmpq(o->factor, v, err, sizeof(err)) != SC_OK
                || fmpq_sgn(o->factor) <= 0)
            {
                fprintf(stderr, "spikecheck: --scale-bounds: '%s' is not a "
                        "positive exact number\n", v);
                return SC_EINVAL;
            }
            o->scale = v;
            i++;
        }
        else if (strcmp(a, "--all") == 0)
            o->all = 1;
        else if (strcmp(a, "--from-first") == 0)
            o->from_first = 1;
        else if (strcmp(a, "--prec0") == 0)
        {
            if (sc_cli_parse_si(&o->prec0, a, v, SC_CASE_MIN_PREC,
                                SC_CASE_MAX_PREC))
                return SC_EINVAL;
            i++;
        }
        else if (strcmp(a, "--max-precision") == 0)
        {
            if (sc_cli_parse_si(&o->prec_max, a, v, SC_CASE_MIN_PREC,
                                SC_CASE_MAX_PREC))
                return SC_EINVAL;
            i++;
        }
        else if (strcmp(a, "--precision") == 0)
        {
            if (sc_cli_parse_si(&o->fprec, a, v, 2, SC_CASE_MAX_PREC))
                return SC_EINVAL;
            i++;
        }
        else if (a[0] == '-' && a[1] == '-')
        {
            fprintf(stderr, "spikecheck: unknown or incomplete option "
                    "'%s'\n", a);
            return SC_EINVAL;
        }
        else
            o->args[o->nargs++] = argv[i];
    }
    if (o->nargs == 0)
    {
        fprintf(stderr, "spikecheck: no case files given\n");
        return SC_EINVAL;
    }
    if (o->nsel == 0)
        for (i = 0; i < sc_thm_count; i++)
            o->sel[o->nsel++] = sc_thm_table + i;
    return SC_OK;
}

/* Loads every case; on the first bad one prints its message. */
static int
sc_check_load(sc_case_struct ** cases, char ** paths, slong n)
{
    slong i;
    char err[SC_ERR_LEN];

    *cases = flint_malloc(FLINT_MAX(n, 1) * sizeof(sc_case_struct));
    for (i = 0; i < n; i++)
        sc_case_init(*cases + i);
    for (i = 0; i < n; i++)
    {
        if (sc_case_load_file(*cases + i, paths[i], err, sizeof(err))
            != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            return SC_EINVAL;
        }
    }
    return SC_OK;
}

static void
sc_check_case(sc_report_t R, const sc_check_opts * o, const sc_case_t c)
{
    sc_ctx_t ctx;
    sc_result_t res;
    slong j, prec0 = o->prec0 > 0 ? o->prec0 : c->precision;
    char line[1024], flags[128];

    snprintf(flags, sizeof(flags), "%s%s%s", o->from_first
             ? " --from-first" : "", o->scale ? " --scale-bounds " : "",
             o->scale ? o->scale : "");

    sc_ctx_init(ctx, c);
    ctx->from_first = o->from_first;
    fmpq_set(ctx->factor, o->factor);
    sc_result_init(res);
    for (j = 0; j < o->nsel; j++)
    {
        sc_thm_run(res, o->sel[j], ctx, prec0, FLINT_MAX(prec0, o->prec_max));
        res->steps = c->steps;
        if (o->scale != NULL)
        {
            size_t len = strlen(res->reason);

            snprintf(res->reason + len, SC_REASON_LEN - len,
                     " [control run: bounds scaled by %s]", o->scale);
        }
        sc_report_add(R, o->sel[j], c, res, flags);
    }
    if (o->fprec > 0)
    {
        sc_float_view(line, sizeof(line), ctx, o->fprec, prec0,
                      FLINT_MAX(prec0, o->prec_max));
        sc_report_add_float_line(R, line);
    }
    sc_result_clear(res);
    sc_ctx_clear(ctx);
}

static int
sc_check_exit_code(const sc_report_t R)
{
    slong cnt[SC_NUM_VERDICTS];

    sc_report_counts(cnt, R);
    if (cnt[SC_VIOLATED] > 0)
        return SC_EXIT_VIOLATED;
    if (cnt[SC_UNDECIDED] > 0)
        return SC_EXIT_UNDECIDED;
    return SC_EXIT_OK;
}

int
sc_cli_check(int argc, char ** argv, int replay)
{
    sc_check_opts o;
    sc_case_struct * cases = NULL;
    char ** paths = NULL, err[SC_ERR_LEN];
    slong i, n = 0;
    sc_outfile_t js;
    sc_report_t R;
    int rc = SC_EXIT_USAGE;

    sc_report_init(R);
    if (sc_check_parse(&o, argc, argv) != SC_OK)
        goto cleanup;
    if (replay && (o.nargs != 1 || o.nsel != 1))
    {
        fprintf(stderr, "spikecheck: replay needs one --theorem and one "
                "case file\n");
        goto cleanup;
    }
    n = sc_cli_collect(&paths, o.args, o.nargs, err, sizeof(err));
    if (n <= 0)
    {
        fprintf(stderr, "spikecheck: %s\n", n < 0 ? err : "no case files");
        n = 0;
        goto cleanup;
    }
    if (sc_check_load(&cases, paths, n) != SC_OK)
        goto cleanup;
    if (o.json != NULL && sc_outfile_probe(o.json, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        goto cleanup;
    }
    for (i = 0; i < n; i++)
    {
        if (isatty(2))
            fprintf(stderr, "\r[%ld/%ld] %-40.40s", (long) (i + 1), (long) n,
                    cases[i].name);
        sc_check_case(R, &o, cases + i);
    }
    if (isatty(2))
        fprintf(stderr, "\r%60s\r", "");
    sc_report_print_table(stdout, R, o.all || n == 1);
    sc_report_print_summary(stdout, R);
    rc = sc_check_exit_code(R);
    if (o.json != NULL)
    {
        if (sc_outfile_open(js, o.json, err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            rc = SC_EXIT_USAGE;
        }
        else if (sc_report_write_json(js->f, R) != SC_OK)
        {
            sc_outfile_abort(js);
            fprintf(stderr, "spikecheck: %s: JSON write failed\n", o.json);
            rc = SC_EXIT_USAGE;
        }
        else if (sc_outfile_commit(js, err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            rc = SC_EXIT_USAGE;
        }
    }

cleanup:
    if (cases != NULL)
    {
        for (i = 0; i < n; i++)
            sc_case_clear(cases + i);
        flint_free(cases);
    }
    sc_cli_free_paths(paths, n);
    flint_free(o.args);
    fmpq_clear(o.factor);
    sc_report_clear(R);
    return rc;
}
