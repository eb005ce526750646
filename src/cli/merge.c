/*
 * merge.c -- `spikecheck merge -o FILE PARTS...`: the JSON reports of the
 * shards of one suite, combined into the report of the unsharded run.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "report/report.h"

int
sc_cli_merge(int argc, char ** argv)
{
    const char * outp = NULL;
    char ** parts = flint_malloc(argc * sizeof(char *)), err[SC_ERR_LEN];
    slong n = 0;
    int i, rc = SC_EXIT_USAGE;
    sc_outfile_t o;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            outp = argv[++i];
        else if (argv[i][0] == '-')
        {
            fprintf(stderr, "spikecheck: merge: unexpected '%s'\n", argv[i]);
            goto cleanup;
        }
        else
            parts[n++] = argv[i];
    }
    if (outp == NULL || n == 0)
    {
        fprintf(stderr, "spikecheck: merge needs -o FILE and JSON parts\n");
        goto cleanup;
    }
    if (sc_outfile_open(o, outp, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        goto cleanup;
    }
    if (sc_report_merge_json(o->f, parts, n, err, sizeof(err)) != SC_OK)
    {
        sc_outfile_abort(o);
        fprintf(stderr, "spikecheck: merge: %s\n", err);
        goto cleanup;
    }
    if (sc_outfile_commit(o, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        goto cleanup;
    }
    rc = SC_EXIT_OK;

cleanup:
    flint_free(parts);
    return rc;
}
