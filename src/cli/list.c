/*
 * list.c -- `spikecheck list`: the registry, as a reader wants it.
 */
#include <stdio.h>
#include "cli/cli.h"
#include "theorems/theorems.h"

int
sc_cli_list(int argc, char ** argv)
{
    slong i;

    (void) argv;
    if (argc > 1)
    {
        fprintf(stderr, "spikecheck: list takes no arguments\n");
        return SC_EXIT_USAGE;
    }
    for (i = 0; i < sc_thm_count; i++)
    {
        const sc_thm_struct * t = sc_thm_table + i;

        printf("%-5s %-36s [%s] %s\n      %s\n", t->id, t->title,
               t->provenance, t->source, t->statement);
    }
    return SC_EXIT_OK;
}
