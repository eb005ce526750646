/*
 * baseline.c -- the claims baseline: one line "CHECKER<TAB>CASE<TAB>VERDICT" per
 * record, sorted, so that a diff of two baselines reads as a list of claims
 * that changed.  Comparing a run with a baseline lists every verdict that
 * changed, appeared or disappeared.
 */
#include <stdlib.h>
#include <string.h>
#include "report/report.h"

#define SC_BASELINE_LINE 512

static int
sc_cmp_line(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

/* The run's lines, sorted; caller frees each and the array. */
static char **
sc_baseline_lines(const sc_report_t R)
{
    char ** v = flint_malloc((R->len + 1) * sizeof(char *));
    slong i;

    for (i = 0; i < R->len; i++)
    {
        v[i] = flint_malloc(SC_BASELINE_LINE);
        const sc_result_struct * res = R->rec[i].res;

        /* a vacuous truth is its own baseline state: a claim that stops
           being exercised is a change a reviewer must see */
        snprintf(v[i], SC_BASELINE_LINE, "%s\t%s\t%s%s", R->rec[i].thm->id,
                 R->rec[i].case_name, sc_verdict_name(res->verdict),
                 res->verdict == SC_HOLDS && !res->exercised
                 ? " (vacuous)" : "");
    }
    qsort(v, R->len, sizeof(char *), sc_cmp_line);
    return v;
}

int
sc_report_write_baseline(FILE * out, const sc_report_t R)
{
    char ** v = sc_baseline_lines(R);
    slong i;

    fputs("# spikecheck claims baseline: checker, case, verdict (tab-separated)\n", out);
    for (i = 0; i < R->len; i++)
    {
        fprintf(out, "%s\n", v[i]);
        flint_free(v[i]);
    }
    flint_free(v);
    return ferror(out) ? SC_EIO : SC_OK;
}

/* "CHECKER CASE" part of a line, for matching. */
static size_t
sc_key_len(const char * line)
{
    const char * p = strrchr(line, '\t');

    return p == NULL ? strlen(line) : (size_t) (p - line);
}

slong
sc_report_compare_baseline(FILE * diff, FILE * in, const char * path,
                           const sc_report_t R)
{
    char ** v = sc_baseline_lines(R), buf[SC_BASELINE_LINE];
    char * seen = flint_calloc(R->len + 1, 1);
    slong i, changes = 0;

    while (fgets(buf, sizeof(buf), in) != NULL)
    {
        size_t n = strcspn(buf, "\r\n"), k;
        int found = 0;

        buf[n] = '\0';
        if (n == 0 || buf[0] == '#')
            continue;
        k = sc_key_len(buf);
        for (i = 0; i < R->len && !found; i++)
        {
            if (sc_key_len(v[i]) != k || strncmp(v[i], buf, k) != 0)
                continue;
            found = 1;
            seen[i] = 1;
            if (strcmp(v[i], buf) != 0)
            {
                fprintf(diff, "changed: %.*s: %s -> %s\n", (int) k, buf,
                        buf + k + 1, v[i] + k + 1);
                changes++;
            }
        }
        if (!found)
        {
            fprintf(diff, "missing: %s (in %s, not in this run)\n", buf, path);
            changes++;
        }
    }
    for (i = 0; i < R->len; i++)
    {
        if (!seen[i])
        {
            fprintf(diff, "new: %s (not in %s)\n", v[i], path);
            changes++;
        }
        flint_free(v[i]);
    }
    flint_free(v);
    flint_free(seen);
    return changes;
}
