/*
 * list.c -- `spikecheck list`: the registry, as a reader wants it.
 */
#include <stdio.h>
#include "cli/cli.h"
#include "cli/opts.h"
#include "theorems/theorems.h"

int
sc_cli_list(int argc, char ** argv)
{
    sc_cli_getopt_struct g;
    slong i;
    int k;

    sc_cli_getopt_init(&g, "list", argc, argv);
    if ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
        return sc_cli_getopt_exit(&g, k);
    for (i = 0; i < sc_thm_count; i++)
    {
        const sc_thm_struct * t = sc_thm_table + i;

        printf("%-5s %-36s [%s] %s\n      %s\n", t->id, t->title,
               t->provenance, t->source, t->statement);
    }
    return SC_EXIT_OK;
}
