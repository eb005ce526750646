/*
 * merge.c -- `spikecheck merge -o FILE... PARTS...`: the outputs of the
 * shards of one sweep combined into the report of the unsharded run.
 * Journal parts (check --journal) hold every record exactly and give any
 * format, chosen by each output's extension: .json, .xml (JUnit), .html,
 * .md (Markdown), or one merged journal (.jnl) that a run with the
 * shards' options restores whole: `sweep --journal ALL.jnl FAMILY` judges
 * the family claims a shard cannot (sweep.c), by sweep's own code.
 * JSON report parts give the JSON report.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "cli/opts.h"
#include "report/report.h"

#define SC_MERGE_MAX_OUT 8

typedef int (*sc_merge_writer)(FILE *, const sc_report_t);

/* The writer for path's extension, or NULL. */
static sc_merge_writer
sc_merge_format(const char * path)
{
    const char * dot = strrchr(path, '.');

    if (dot == NULL || strchr(dot, '/') != NULL)
        return NULL;
    if (strcmp(dot, ".json") == 0)
        return sc_report_write_json;
    if (strcmp(dot, ".xml") == 0)
        return sc_report_write_junit;
    if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
        return sc_report_write_html;
    if (strcmp(dot, ".md") == 0)
        return sc_report_write_markdown;
    return NULL;
}

/* 1 if path names a merged journal output (.jnl). */
static int
sc_merge_is_jnl(const char * path)
{
    const char * dot = strrchr(path, '.');

    return dot != NULL && strchr(dot, '/') == NULL && strcmp(dot, ".jnl") == 0;
}

/* Writes R, the merged journal, or (no journals) the merged JSON parts,
   to path atomically. */
static int
sc_merge_write(const char * path, const sc_report_t R, int journals,
               char ** parts, slong n)
{
    sc_outfile_t o;
    char err[SC_ERR_LEN];
    int rc;

    if (sc_cli_out_open(o, path) != SC_OK)
        return SC_EIO;
    if (journals && !sc_merge_is_jnl(path))
        return sc_cli_out_close(o, path, sc_merge_format(path)(o->f, R));
    rc = journals ? sc_report_write_journal(o->f, parts, n, err, sizeof(err))
                  : sc_report_merge_json(o->f, parts, n, err, sizeof(err));
    if (rc != SC_OK)
    {
        sc_outfile_abort(o);        /* err names the part at fault */
        fprintf(stderr, "spikecheck: merge: %s\n", err);
        return rc;
    }
    return sc_cli_out_close(o, path, SC_OK);
}

/* Parts must be all journals or all JSON reports; JSON parts give JSON
   only.  Returns 1 for journals, 0 for JSON, -1 (message printed). */
static int
sc_merge_kind(char ** parts, slong n, const char ** out, slong nout)
{
    slong i, nj = 0;

    for (i = 0; i < n; i++)
    {
        int j = sc_report_is_journal(parts[i]);

        if (j < 0)
        {
            fprintf(stderr, "spikecheck: %s: merge: not a regular file (a "
                    "FIFO or a device is never read)\n", parts[i]);
            return -1;
        }
        nj += j;
    }
    if (nj != 0 && nj != n)
    {
        fprintf(stderr, "spikecheck: merge: parts mix journals and JSON "
                "reports\n");
        return -1;
    }
    for (i = 0; i < nout; i++)
    {
        if (sc_merge_format(out[i]) == NULL && !sc_merge_is_jnl(out[i]))
        {
            fprintf(stderr, "spikecheck: %s: -o: the extension must be "
                    ".json, .xml (JUnit), .html, .md (Markdown) or .jnl "
                    "(a merged journal)\n", out[i]);
            return -1;
        }
        if (nj == 0 && sc_merge_format(out[i]) != sc_report_write_json)
        {
            fprintf(stderr, "spikecheck: %s: -o: JUnit, HTML, Markdown and "
                    "journals are merged from journals (check --journal "
                    "FILE), not from JSON reports\n", out[i]);
            return -1;
        }
    }
    return nj != 0;
}

/* A part given twice (under any spelling or link) would double its cases. */
static int
sc_merge_distinct(char ** parts, slong n)
{
    struct stat a, b;
    slong i, j;

    for (i = 0; i < n; i++)
        for (j = 0; j < i; j++)
            if (stat(parts[i], &a) == 0 && stat(parts[j], &b) == 0
                && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            {
                fprintf(stderr, "spikecheck: %s: merge: the same part as %s "
                        "(a part given twice)\n", parts[i], parts[j]);
                return SC_EINVAL;
            }
    return SC_OK;
}

int
sc_cli_merge(int argc, char ** argv)
{
    const char * out[SC_MERGE_MAX_OUT], * opt[SC_MERGE_MAX_OUT];
    char ** parts = flint_malloc(argc * sizeof(char *)), err[SC_ERR_LEN];
    slong n = 0, nout = 0, i;
    int rc = SC_EXIT_USAGE, journals, k;
    sc_cli_getopt_struct g;
    sc_report_t R;

    sc_report_init(R);
    sc_cli_getopt_init(&g, "merge", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        if (k == SC_OPT_OUTPUT && nout < SC_MERGE_MAX_OUT)
            out[nout++] = g.value;
        else if (k == SC_OPT_OUTPUT)
        {
            sc_cli_usage_error("merge", "at most %d outputs",
                               SC_MERGE_MAX_OUT);
            goto cleanup;
        }
        else if (k == SC_OPT_OPERAND)
            parts[n++] = g.value;
        else
        {
            rc = sc_cli_getopt_exit(&g, k);
            goto cleanup;
        }
    }
    if (nout == 0 || n == 0)
    {
        sc_cli_usage_error("merge", "needs -o FILE and parts");
        goto cleanup;
    }
    if (sc_merge_distinct(parts, n) != SC_OK)
        goto cleanup;
    journals = sc_merge_kind(parts, n, out, nout);
    if (journals < 0)
        goto cleanup;
    for (i = 0; i < nout; i++)
        opt[i] = "-o";
    if (sc_cli_out_check(out, opt, nout, parts, n) != SC_OK)
        goto cleanup;
    if (journals && sc_report_read_journals(R, parts, n, err, sizeof(err))
                    != SC_OK)
    {
        fprintf(stderr, "spikecheck: merge: %s\n", err);
        goto cleanup;
    }
    for (i = 0; i < nout; i++)
        if (sc_merge_write(out[i], R, journals, parts, n) != SC_OK)
            goto cleanup;
    rc = SC_EXIT_OK;

cleanup:
    sc_report_clear(R);
    flint_free(parts);
    return rc;
}
