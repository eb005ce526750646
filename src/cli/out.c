/*
 * out.c -- the command line's output files: written to a temporary file
 * beside the target and renamed over it (report/outfile.c), with one
 * message naming the file when that fails.
 */
#include <stdio.h>
#include "cli/cli.h"

int
sc_cli_out_open(sc_outfile_t o, const char * path)
{
    char err[SC_ERR_LEN];

    if (sc_outfile_open(o, path, err, sizeof(err)) == SC_OK)
        return SC_OK;
    fprintf(stderr, "spikecheck: %s\n", err);
    return SC_EIO;
}

int
sc_cli_out_close(sc_outfile_t o, const char * path, int written)
{
    char err[SC_ERR_LEN];

    if (written != SC_OK)
    {
        sc_outfile_abort(o);
        fprintf(stderr, "spikecheck: %s: write failed\n", path);
        return SC_EIO;
    }
    if (sc_outfile_commit(o, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        return SC_EIO;
    }
    return SC_OK;
}

int
sc_cli_save_case(const char * path, const sc_case_t c)
{
    sc_outfile_t o;

    if (sc_cli_out_open(o, path) != SC_OK)
        return SC_EIO;
    return sc_cli_out_close(o, path, sc_case_write_explicit(o->f, c));
}
