/*
 * main.c -- dispatch of the spikecheck subcommands.
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

static void
sc_cli_usage(FILE * out)
{
    fprintf(out,
"usage: spikecheck COMMAND [OPTIONS]\n"
"  list                               the checkers, statements, provenance\n"
"  check [OPTIONS] CASE|DIR...        run checkers, print a table\n"
"      --theorem ID      only this checker (repeatable)\n"
"      --json FILE       write the JSON report (atomically)\n"
"      --all             print every verdict, not only VIOLATED/UNDECIDED\n"
"      --from-first      [T2.x] from the first step meeting the hypotheses\n"
"      --scale-bounds Q  control run: multiply every checked bound by Q\n"
"                        (Q < 1 asks whether a bound is tight within 1/Q)\n"
"      --prec0 BITS      starting precision (default: the case's)\n"
"      --max-precision BITS   escalation cap (default 4096)\n"
"      --journal FILE    append each finished case to FILE (fsync'd); a\n"
"                        rerun with the same FILE and options resumes\n"
"      --jobs N          run the cases in N worker processes (the report\n"
"                        is the one of a single process)\n"
"      --precision BITS  also run the uncertified floating-point view at\n"
"                        BITS (53 = float64) and list the steps whose\n"
"                        rising/falling decision differs\n"
"  replay --theorem ID [--from-first] CASE   rerun one (checker, case)\n"
"  trace [--reduced] [--digits N] [--precision BITS] CASE   per-step CSV\n"
"  gen --suite NAME --count N --seed S -o DIR   write generated cases\n"
"  merge -o FILE... PART...           combine shard journals (any format by\n"
"                                     extension: .json .xml .html) or JSON\n"
"                                     reports (.json) into one report\n"
"  tighten --theorem ID [--seed S] [--iters N] [--objective EXTRA]\n"
"          [--min-observed K] [-o CASEFILE]   hill-climb generated cases to the\n"
"                                     least slack; writes the tightest case\n"
"  shrink --theorem ID [--scale-bounds Q] [--from-first] [-o DIR] CASE\n"
"                                     a VIOLATED case reduced while it stays\n"
"                                     VIOLATED; saved to DIR (cases/regressions)\n"
"  expand -o FILE CASE                the case with generated data and init\n"
"                                     written out as exact rationals\n"
"exit codes: 0 all HOLDS/NOT-APPLICABLE, 1 VIOLATED, 3 UNDECIDED, "
"2 usage or input error\n");
}

int
main(int argc, char ** argv)
{
    int rc;

    if (argc < 2 || strcmp(argv[1], "--help") == 0
        || strcmp(argv[1], "-h") == 0)
    {
        sc_cli_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? SC_EXIT_USAGE : SC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0)
    {
        printf("spikecheck %s\n", SC_VERSION);
        return SC_EXIT_OK;
    }
    if (strcmp(argv[1], "list") == 0)
        rc = sc_cli_list(argc - 1, argv + 1);
    else if (strcmp(argv[1], "check") == 0)
        rc = sc_cli_check(argc - 1, argv + 1, 0);
    else if (strcmp(argv[1], "replay") == 0)
        rc = sc_cli_check(argc - 1, argv + 1, 1);
    else if (strcmp(argv[1], "trace") == 0)
        rc = sc_cli_trace(argc - 1, argv + 1);
    else if (strcmp(argv[1], "gen") == 0)
        rc = sc_cli_gen(argc - 1, argv + 1);
    else if (strcmp(argv[1], "merge") == 0)
        rc = sc_cli_merge(argc - 1, argv + 1);
    else if (strcmp(argv[1], "tighten") == 0)
        rc = sc_cli_tighten(argc - 1, argv + 1);
    else if (strcmp(argv[1], "shrink") == 0)
        rc = sc_cli_shrink(argc - 1, argv + 1);
    else if (strcmp(argv[1], "expand") == 0)
        rc = sc_cli_expand(argc - 1, argv + 1);
    else
    {
        fprintf(stderr, "spikecheck: unknown command '%s'\n", argv[1]);
        sc_cli_usage(stderr);
        rc = SC_EXIT_USAGE;
    }
    flint_cleanup();
    return rc;
}
