/*
 * list.c -- `spikecheck list`: the registry, as a reader wants it.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"
#include "theorems/theorems.h"

#define SC_LIST_MAX 16

int
sc_cli_list(int argc, char ** argv)
{
    sc_cli_getopt_struct g;
    slong i;
    int k, w = sc_thm_id_width();

    sc_cli_getopt_init(&g, "list", argc, argv);
    if ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
        return sc_cli_getopt_exit(&g, k);
    for (i = 0; i < sc_thm_count; i++)
    {
        const sc_thm_struct * t = sc_thm_table + i;
        const sc_thm_struct * u[SC_LIST_MAX];

        /* a statement of several claims: its id, then each claim under
           it, indented */
        if (t->of != NULL && (i == 0 || t[-1].of == NULL
                              || strcmp(t[-1].of, t->of) != 0))
            printf("%-*s %ld claims:\n", w, t->of,
                   (long) sc_thm_select(u, SC_LIST_MAX, t->of));
        printf("%s%-*s %-36s [%s] %s\n%s       %s\n",
               t->of != NULL ? "  " : "", w, t->id, t->title, t->provenance,
               t->source, t->of != NULL ? "  " : "", t->statement);
    }
    /* judged by spikecheck sweep over a family file's grid */
    printf("family claims (spikecheck sweep FAMILY):\n");
    for (i = 0; i < sc_fam_count; i++)
    {
        const sc_thm_struct * t = &sc_fam_table[i].thm;

        printf("    %-12s %-30s [%s] %s\n                 %s\n", t->id,
               t->title, t->provenance, t->source, t->statement);
    }
    return SC_EXIT_OK;
}
