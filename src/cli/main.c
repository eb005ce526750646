/*
 * main.c -- dispatch of the spikecheck subcommands (the command table is
 * in commands.c, the help in help.c).
 */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"

int
main(int argc, char ** argv)
{
    const sc_cli_cmd_struct * cmd;
    int rc;

    if (argc < 2)
    {
        sc_cli_help_overview(stderr);
        return SC_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
    {
        sc_cli_help_overview(stdout);
        return SC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0)
    {
        printf("spikecheck %s\n", SC_VERSION);
        return SC_EXIT_OK;
    }
    cmd = sc_cli_cmd_lookup(argv[1]);
    if (cmd == NULL)
    {
        fprintf(stderr, "spikecheck: unknown command '%s' (see spikecheck "
                "--help)\n", argv[1]);
        return SC_EXIT_USAGE;
    }
    sc_cli_signal_init(argc, argv);
    rc = cmd->run(argc - 1, argv + 1);
    flint_cleanup();
    return rc;
}
