/*
 * expand.c -- `spikecheck expand -o FILE CASE`: the case with its
 * generated data and initial state written out as exact rationals, so that
 * a tool that does not implement spikecheck's generators (an independent
 * implementation, bench/mpmath_gd.py) runs exactly the same case.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"

int
sc_cli_expand(int argc, char ** argv)
{
    const char * path = NULL, * out = NULL, * opt = "-o";
    char err[SC_ERR_LEN];
    sc_cli_getopt_struct g;
    sc_case_t c;
    int k, rc = SC_EXIT_USAGE;

    sc_cli_getopt_init(&g, "expand", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        if (k == SC_OPT_OUTPUT)
            out = g.value;
        else if (k == SC_OPT_OPERAND)
            path = g.value;
        else
            return sc_cli_getopt_exit(&g, k);
    }
    if (path == NULL || out == NULL)
    {
        sc_cli_usage_error("expand", "needs -o FILE CASE");
        return SC_EXIT_USAGE;
    }
    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof(err)) != SC_OK)
        fprintf(stderr, "spikecheck: %s\n", err);
    else if (sc_cli_out_check(&out, &opt, 1, (char * const *) &path, 1) != SC_OK)
        ;
    else if (sc_cli_save_case(out, c) == SC_OK)
        rc = SC_EXIT_OK;
    sc_case_clear(c);
    return rc;
}
