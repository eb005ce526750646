/*
 * expand.c -- `spikecheck expand -o FILE CASE`: the case with its
 * generated data and initial state written out as exact rationals, so that
 * a tool that does not implement spikecheck's generators (an independent
 * implementation, bench/mpmath_gd.py) runs exactly the same case.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

int
sc_cli_expand(int argc, char ** argv)
{
    const char * path = NULL, * out = NULL;
    char err[SC_ERR_LEN];
    sc_case_t c;
    int i, rc = SC_EXIT_USAGE;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (argv[i][0] == '-' || path != NULL)
        {
            fprintf(stderr, "spikecheck: expand: unexpected '%s'\n", argv[i]);
            return SC_EXIT_USAGE;
        }
        else
            path = argv[i];
    }
    if (path == NULL || out == NULL)
    {
        fprintf(stderr, "spikecheck: expand needs -o FILE CASE\n");
        return SC_EXIT_USAGE;
    }
    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof(err)) != SC_OK)
        fprintf(stderr, "spikecheck: %s\n", err);
    else if (sc_cli_save_case(out, c) == SC_OK)
        rc = SC_EXIT_OK;
    sc_case_clear(c);
    return rc;
}
