/*
 * gen.c -- `spikecheck gen --suite NAME --count N --seed S -o DIR`.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

int
sc_cli_gen(int argc, char ** argv)
{
    const char * suite = NULL, * dir = NULL;
    slong count = -1, seed = -1;
    char err[SC_ERR_LEN];
    int i;

    for (i = 1; i < argc; i++)
    {
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (strcmp(argv[i], "--suite") == 0 && v != NULL)
            suite = v;
        else if (strcmp(argv[i], "-o") == 0 && v != NULL)
            dir = v;
        else if (strcmp(argv[i], "--count") == 0)
        {
            if (sc_cli_parse_si(&count, "--count", v, 1, 1000000))
                return SC_EXIT_USAGE;
        }
        else if (strcmp(argv[i], "--seed") == 0)
        {
            if (sc_cli_parse_si(&seed, "--seed", v, 0, WORD_MAX))
                return SC_EXIT_USAGE;
        }
        else
        {
            fprintf(stderr, "spikecheck: gen: unexpected '%s'\n", argv[i]);
            return SC_EXIT_USAGE;
        }
        i++;
    }
    if (suite == NULL || dir == NULL || count < 0 || seed < 0)
    {
        fprintf(stderr, "spikecheck: gen needs --suite NAME --count N "
                "--seed S -o DIR\n");
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
