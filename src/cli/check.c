/*
 * check.c -- `spikecheck check` and `spikecheck replay`: load and validate
 * every case first (a bad file stops the run before anything is written),
 * open the outputs (an unwritable path stops it too), then run the
 * checkers and write the reports atomically.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "cli/check.h"
#include "cli/opts.h"
#include "report/report.h"
#include "num/num.h"


int
sc_cli_check_parse(sc_check_opts * o, int argc, char ** argv,
                   const char * cmd)
{
    int sweep = strcmp(cmd, "sweep") == 0;
    sc_cli_getopt_struct g;
    const char * v;
    int i, k;

    memset(o, 0, sizeof(*o));
    fmpq_init(o->factor);
    fmpq_one(o->factor);
    o->prec_max = SC_DEFAULT_MAX_PREC;
    o->jobs = 1;
    o->progress = isatty(2);
    o->args = flint_malloc(argc * sizeof(char *));
    sc_cli_getopt_init(&g, cmd, argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        v = g.value;
        if (k == SC_OPT_THEOREM)
        {
            /* a claim id, or a statement id for all of its claims */
            const sc_thm_struct * t[SC_MAX_SELECT];
            slong n = sc_thm_select(t, SC_MAX_SELECT, v), j, l;

            if (n == 0 || o->nsel + n > SC_MAX_SELECT)
            {
                fprintf(stderr, "spikecheck: --theorem: unknown claim or "
                        "statement '%s' (see spikecheck list)\n", v);
                return SC_EXIT_USAGE;
            }
            for (j = 0; j < n; j++)
            {
                for (l = 0; l < o->nsel && o->sel[l] != t[j]; l++)
                    ;
                if (l == o->nsel)               /* each claim once */
                    o->sel[o->nsel++] = t[j];
            }
        }
        else if (k == SC_OPT_JSON)
            o->json = v;
        else if (k == SC_OPT_JUNIT)
            o->junit = v;
        else if (k == SC_OPT_HTML)
            o->html = v;
        else if (k == SC_OPT_MARKDOWN)
            o->markdown = v;
        else if (k == SC_OPT_JOURNAL)
            o->journal = v;
        else if (k == SC_OPT_SAVE_COUNTEREXAMPLES)
            o->save_dir = v;
        else if (k == SC_OPT_BASELINE)
            o->baseline = v;
        else if (k == SC_OPT_UPDATE_BASELINE)
            o->update_baseline = 1;
        else if (k == SC_OPT_SHARD)
        {
            slong kk, n;

            if (sc_cli_parse_shard(&kk, &n, v) != SC_OK)
            {
                fprintf(stderr, "spikecheck: --shard: '%s' is not K/N with "
                        "1 <= K <= N <= %d\n", v, SC_MAX_SHARDS);
                return SC_EXIT_USAGE;
            }
            o->shard_k = kk;
            o->shard_n = n;
        }
        else if (k == SC_OPT_JOBS)
        {
            if (sc_cli_parse_si(&o->jobs, g.opt, v, 1, SC_MAX_JOBS))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_SCALE_BOUNDS)
        {
            char err[SC_ERR_LEN];

            if (sc_num_parse_fmpq(o->factor, v, err, sizeof(err)) != SC_OK
                || fmpq_sgn(o->factor) <= 0)
            {
                fprintf(stderr, "spikecheck: --scale-bounds: '%s' is not a "
                        "positive exact number\n", v);
                return SC_EXIT_USAGE;
            }
            o->scale = v;
        }
        else if (k == SC_OPT_ALL)
            o->all = 1;
        else if (k == SC_OPT_VERBOSE)
            o->verbose = 1;
        else if (k == SC_OPT_PLOT && strcmp(v, "all") == 0)
            o->plot_all = 1;
        else if (k == SC_OPT_PLOT && o->nplot < SC_MAX_SELECT)
            o->plot[o->nplot++] = v;
        else if (k == SC_OPT_PLOT)
        {
            sc_cli_usage_error(cmd, "--plot: at most %d cases",
                               SC_MAX_SELECT);
            return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_FROM_FIRST)
            o->from_first = 1;
        else if (k == SC_OPT_PREC0)
        {
            if (sc_cli_parse_si(&o->prec0, g.opt, v, SC_CASE_MIN_PREC,
                                SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_MAX_PRECISION)
        {
            if (sc_cli_parse_si(&o->prec_max, g.opt, v, SC_CASE_MIN_PREC,
                                SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_PRECISION)
        {
            if (sc_cli_parse_si(&o->fprec, g.opt, v, 2, SC_CASE_MAX_PREC))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_OPERAND)
            o->args[o->nargs++] = g.value;
        else
            return sc_cli_getopt_exit(&g, k);
    }
    if (o->nargs == 0)
    {
        sc_cli_usage_error(cmd, "no %s files given",
                           sweep ? "family" : "case");
        return SC_EXIT_USAGE;
    }
    if (o->update_baseline && o->baseline == NULL)
    {
        sc_cli_usage_error(cmd, "--update-baseline needs --baseline FILE");
        return SC_EXIT_USAGE;
    }
    if ((o->plot_all || o->nplot > 0) && o->html == NULL
        && o->journal == NULL)
    {
        sc_cli_usage_error(cmd, "--plot needs --html FILE (or --journal "
                           "FILE, merged to HTML later)");
        return SC_EXIT_USAGE;
    }
    if (sc_thm_count > SC_MAX_SELECT)
        flint_abort();              /* SC_MAX_SELECT below the registry */
    /* a sweep runs the claims its families read (sweep.c) */
    if (o->nsel == 0 && !sweep)
        for (i = 0; i < sc_thm_count; i++)
            o->sel[o->nsel++] = sc_thm_table + i;
    return -1;
}

/* Loads every case; on the first bad one prints its message. */
static int
sc_check_load(sc_case_struct ** cases, char ** paths, slong n,
              slong prec_max)
{
    slong i;
    char err[SC_ERR_LEN];
    const char * field;

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
        /* the loader assumed the default cap: a higher one costs more */
        if (prec_max > SC_CASE_COST_PREC
            && sc_case_check_cost(*cases + i, prec_max, &field, err,
                                  sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s: %s: %s (--max-precision "
                    "%ld)\n", paths[i], field, err, (long) prec_max);
            return SC_EINVAL;
        }
    }
    return SC_OK;
}

/* Saves c (explicit data, so that it replays without the generators) as
   DIR/ID-NAME.json for a VIOLATED (checker ID, case NAME). */
static int
sc_check_save(const char * dir, const char * id, const sc_case_t c)
{
    char path[4096], name[SC_SAVE_NAME_LEN + 1];
    const char * s = c->name != NULL ? c->name : "";
    size_t i;

    /* the name is the case file's text: only [A-Za-z0-9._-] reach the
       file name, so "x/../../escaped" stays inside dir and a leading dot
       hides nothing */
    for (i = 0; s[i] != '\0' && i < SC_SAVE_NAME_LEN; i++)
        name[i] = (isalnum((unsigned char) s[i]) && (unsigned char) s[i] < 128)
                  || s[i] == '-' || s[i] == '_' || (s[i] == '.' && i > 0)
                  ? s[i] : '_';
    name[i] = '\0';
    snprintf(path, sizeof(path), "%s/%s-%s.json", dir, id, name);
    return sc_cli_save_case(path, c);
}

/* Runs the selected checkers on c into R; SC_EIO (with a message) when a
   counterexample could not be saved. */
static int
sc_check_case(sc_report_t R, const sc_check_opts * o, const sc_case_t c)
{
    sc_ctx_t ctx;
    sc_result_t res;
    slong j, prec0 = o->prec0 > 0 ? o->prec0 : c->precision;
    int rc = SC_OK;

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
        sc_report_add(R, o->sel[j], c, res, o->from_first, o->scale,
                      o->prec_max != SC_DEFAULT_MAX_PREC ? o->prec_max : 0);
    }
    if (o->fprec > 0)
    {
        sc_float_view_t fv;

        sc_float_view_init(fv);
        sc_float_view(fv, ctx, o->fprec, prec0,
                      FLINT_MAX(prec0, o->prec_max));
        sc_report_add_float(R, c->name != NULL ? c->name : "",
                            c->path != NULL ? c->path : "", fv);
        sc_float_view_clear(fv);
    }
    for (j = R->len - o->nsel; o->save_dir != NULL && j < R->len; j++)
        if (R->rec[j].res->verdict == SC_VIOLATED
            && sc_check_save(o->save_dir, R->rec[j].thm->id, c) != SC_OK)
            rc = SC_EIO;
    if (o->html != NULL)
        sc_cli_check_figures(R, o, ctx, R->len - o->nsel, prec0,
                             FLINT_MAX(prec0, o->prec_max));
    sc_result_clear(res);
    sc_ctx_clear(ctx);
    return rc;
}

/* Every output path must be writable before the (long) run starts, and
   none may be an input (a case file, the baseline read) or another
   output. */
static int
sc_check_probe(const sc_check_opts * o, char ** paths, slong n)
{
    const char * out[6], * opt[6];
    char ** in = flint_malloc((n + 1) * sizeof(char *));
    slong i;
    int rc;

    out[0] = o->json;
    opt[0] = "--json";
    out[1] = o->junit;
    opt[1] = "--junit";
    out[2] = o->update_baseline ? o->baseline : NULL;
    opt[2] = "--baseline";
    out[3] = o->html;
    opt[3] = "--html";
    out[4] = o->markdown;
    opt[4] = "--markdown";
    out[5] = o->jobs == 1 ? o->journal : NULL;  /* workers: FILE.K */
    opt[5] = "--journal";
    for (i = 0; i < n; i++)
        in[i] = paths[i];
    in[n] = o->update_baseline ? NULL : (char *) o->baseline;
    rc = sc_cli_out_check(out, opt, 6, in, n + 1);
    flint_free(in);
    if (rc == SC_OK && o->save_dir != NULL)
    {
        struct stat st;

        if (stat(o->save_dir, &st) != 0 || !S_ISDIR(st.st_mode)
            || access(o->save_dir, W_OK | X_OK) != 0)
        {
            fprintf(stderr, "spikecheck: %s: --save-counterexamples: not a "
                    "writable directory\n", o->save_dir);
            rc = SC_EINVAL;
        }
    }
    return rc;
}

/* Writes R to path (if not NULL) atomically with writer. */
static int
sc_check_write(const char * path, int (*writer)(FILE *, const sc_report_t),
               const sc_report_t R)
{
    sc_outfile_t o;

    if (path == NULL)
        return SC_OK;
    if (sc_cli_out_open(o, path) != SC_OK)
        return SC_EIO;
    return sc_cli_out_close(o, path, writer(o->f, R));
}

/* --update-baseline rewrites the baseline (exit 0 once written: the
   findings it records are what was asked for); --baseline alone compares
   with it: exit 4 on any change, else 0, since a VIOLATED or UNDECIDED
   verdict the baseline records is a known finding, not a regression. */
static int
sc_check_baseline(const sc_check_opts * o, const sc_report_t R)
{
    FILE * in;
    slong changes;

    if (o->update_baseline)
    {
        if (sc_check_write(o->baseline, sc_report_write_baseline, R)
            != SC_OK)
            return SC_EXIT_USAGE;
        printf("baseline %s: rewritten (%ld records)\n", o->baseline,
               (long) R->len);
        return SC_EXIT_OK;
    }
    in = fopen(o->baseline, "r");
    if (in == NULL)
    {
        fprintf(stderr, "spikecheck: %s: cannot read the baseline\n",
                o->baseline);
        return SC_EXIT_USAGE;
    }
    changes = sc_report_compare_baseline(stdout, in, o->baseline, R);
    fclose(in);
    if (changes == 0)
    {
        printf("baseline %s: no claim changed\n", o->baseline);
        return SC_EXIT_OK;
    }
    printf("baseline %s: %ld claim(s) changed\n", o->baseline,
           (long) changes);
    return SC_EXIT_BASELINE;
}

void
sc_cli_check_fingerprint(char * buf, size_t len, const sc_check_opts * o)
{
    size_t k;
    slong j;

    k = (size_t) snprintf(buf, len, "theorems=");
    for (j = 0; j < o->nsel && k < len; j++)
        k += (size_t) snprintf(buf + k, len - k, "%s%s", j ? "," : "",
                               o->sel[j]->id);
    if (k < len)
        k += (size_t) snprintf(buf + k, len - k, ";from_first=%d;prec0=%ld;"
                 "max_precision=%ld;precision=%ld;scale=%s;html=%d;plot=%s",
                 o->from_first, (long) o->prec0, (long) o->prec_max,
                 (long) o->fprec, o->scale != NULL ? o->scale : "1",
                 o->html != NULL, o->plot_all ? "all" : "");
    for (j = 0; j < o->nplot && !o->plot_all && k < len; j++)
        k += (size_t) snprintf(buf + k, len - k, "%s%s", j ? "," : "",
                               o->plot[j]);
}

int
sc_cli_check_run(sc_report_t R, const sc_check_opts * o,
                 sc_case_struct * cases, slong n, slong first, slong step,
                 const char * journal)
{
    sc_journal_t J;
    char err[SC_ERR_LEN], fp[4096];
    slong i, restored = 0, ran = 0, m = (n - first + step - 1) / step;
    int rc = SC_OK, progress = o->progress && step == 1;

    if (journal != NULL)
    {
        sc_cli_check_fingerprint(fp, sizeof(fp), o);
        if (sc_journal_open(J, journal, fp, err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            return SC_EIO;
        }
        /* a merged journal is the whole of a sharded run: every case
           comes from it (a sweep judges its families from them all), and
           one it lacks is a missing part, not a case to run here */
        if (J->merged && sc_journal_check_merged(J, cases, n, err,
                                                 sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s: %s\n", journal, err);
            sc_journal_clear(J);
            return SC_EIO;
        }
    }
    for (i = first; i < n && rc == SC_OK; i += step)
    {
        slong rec0 = R->len, fl0 = R->nfloat, fig0 = R->nfig, f30 = R->nf3;
        int got = journal != NULL
                  ? sc_journal_restore(R, J, cases[i].path,
                                       cases[i].digest) : 0;

        if (got < 0)
        {
            fprintf(stderr, "spikecheck: %s: entry of %s is damaged\n",
                    journal, cases[i].path);
            rc = SC_EIO;
            break;
        }
        restored += got;
        if (got)
            continue;
        if (progress)
            fprintf(stderr, "\r[%ld/%ld] %-40.40s", (long) (i + 1), (long) n,
                    cases[i].name);
        if (sc_check_case(R, o, cases + i) != SC_OK)
            rc = SC_EIO;
        ran++;
        if (journal != NULL
            && sc_journal_append(J, R, cases[i].path, cases[i].digest, rec0,
                                 fl0, fig0, f30)
               != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s: write failed\n", journal);
            rc = SC_EIO;
        }
    }
    if (progress)
        fprintf(stderr, "\r%60s\r", "");
    if (journal != NULL)
    {
        if (restored > 0)
            fprintf(stderr, "spikecheck: %s: %ld of %ld cases restored, "
                    "%ld run\n", journal, (long) restored, (long) m,
                    (long) ran);
        sc_journal_clear(J);
    }
    return rc;
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
sc_cli_check_finish(sc_report_t R, const sc_check_opts * o,
                    sc_case_struct * cases, slong n, char ** inputs,
                    slong ninputs, sc_check_hook_fn judge, void * arg)
{
    slong jobs;
    int rc;

    if (sc_check_probe(o, inputs, ninputs) != SC_OK)
        return SC_EXIT_USAGE;
    if (o->journal != NULL)
        sc_cli_signal_resumable();
    /* a merged journal runs nothing: no workers to restore it */
    jobs = o->jobs > 1 && o->journal != NULL
           && sc_journal_is_merged(o->journal) ? 1 : o->jobs;
    if ((jobs > 1 ? sc_cli_check_jobs(R, o, cases, n)
                  : sc_cli_check_run(R, o, cases, n, 0, 1, o->journal))
        != SC_OK)
        return SC_EXIT_USAGE;
    if (judge != NULL)
        judge(R, arg);
    sc_report_print_table(stdout, R, o->all || n == 1);
    sc_report_print_float(stdout, R, o->verbose);
    sc_report_print_coverage(stdout, R);
    rc = sc_check_exit_code(R);
    if (sc_check_write(o->json, sc_report_write_json, R) != SC_OK
        || sc_check_write(o->junit, sc_report_write_junit, R) != SC_OK
        || sc_check_write(o->html, sc_report_write_html, R) != SC_OK
        || sc_check_write(o->markdown, sc_report_write_markdown, R)
           != SC_OK)
        rc = SC_EXIT_USAGE;
    else if (o->baseline != NULL)
        rc = sc_check_baseline(o, R);
    return rc;
}

int
sc_cli_check(int argc, char ** argv, int replay)
{
    sc_check_opts o;
    sc_case_struct * cases = NULL;
    char ** paths = NULL, err[SC_ERR_LEN];
    slong i, n = 0;
    sc_report_t R;
    int rc = SC_EXIT_USAGE;

    sc_report_init(R);
    if ((rc = sc_cli_check_parse(&o, argc, argv, replay ? "replay"
                                                         : "check")) >= 0)
        goto cleanup;
    rc = SC_EXIT_USAGE;
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
    /* a run on one case plots it (a shard of a larger run does not: the
       shards' figures must be those of the whole run) */
    if (n == 1 && o.nplot == 0)
        o.plot_all = 1;
    if (o.shard_n > 0)
        n = sc_cli_shard(paths, n, o.shard_k, o.shard_n);
    if (sc_check_load(&cases, paths, n, o.prec_max) != SC_OK)
        goto cleanup;
    rc = sc_cli_check_finish(R, &o, cases, n, paths, n, NULL, NULL);

cleanup:
    sc_cli_signal_clear();
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
