/*
 * gen.c -- `spikecheck gen --suite NAME --count N --seed S -o DIR`.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"

int
sc_cli_gen(int argc, char ** argv)
{
    const char * suite = NULL, * dir = NULL;
    slong count = -1, seed = -1;
    char err[SC_ERR_LEN];
    sc_cli_getopt_struct g;
    int k;

    sc_cli_getopt_init(&g, "gen", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        if (k == SC_OPT_SUITE)
            suite = g.value;
        else if (k == SC_OPT_OUTPUT)
            dir = g.value;
        else if (k == SC_OPT_COUNT)
        {
            if (sc_cli_parse_si(&count, g.opt, g.value, 1, 1000000))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_SEED)
        {
            if (sc_cli_parse_si(&seed, g.opt, g.value, 0, WORD_MAX))
                return SC_EXIT_USAGE;
        }
        else
            return sc_cli_getopt_exit(&g, k);
    }
    if (suite == NULL || dir == NULL || count < 0 || seed < 0)
    {
        sc_cli_usage_error("gen", "needs --suite NAME --count N --seed S "
                           "-o DIR");
        return SC_EXIT_USAGE;
    }
    if (sc_case_write_suite(dir, suite, count, (ulong) seed, err,
                            sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        return SC_EXIT_USAGE;
    }
    return SC_EXIT_OK;
}
