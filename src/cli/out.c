/*
 * out.c -- the command line's output files: written to a temporary file
 * beside the target and renamed over it (report/outfile.c), with one
 * message naming the file when that fails; checked before a run, so that
 * a report never lands on a directory, on an input (`--json in.json
 * in.json` would overwrite the case with its report) or on another output.
 */
#include <stdio.h>
#include <sys/stat.h>
#include "cli/cli.h"

int
sc_cli_out_check(const char * const * out, const char * const * opt,
                 slong nout, char * const * in, slong nin)
{
    char err[SC_ERR_LEN];
    struct stat so, si;
    slong i, j;

    for (i = 0; i < nout; i++)
    {
        if (out[i] == NULL)
            continue;
        if (sc_outfile_probe(out[i], err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s: %s: %s\n", out[i], opt[i], err);
            return SC_EINVAL;
        }
        for (j = 0; j < i; j++)
            if (out[j] != NULL && sc_outfile_same(out[i], out[j]))
            {
                fprintf(stderr, "spikecheck: %s: %s: the same file as the "
                        "%s output %s\n", out[i], opt[i], opt[j], out[j]);
                return SC_EINVAL;
            }
        /* an input exists: only an existing regular output can be one */
        if (stat(out[i], &so) != 0 || !S_ISREG(so.st_mode))
            continue;
        for (j = 0; j < nin; j++)
            if (in[j] != NULL && stat(in[j], &si) == 0
                && si.st_dev == so.st_dev && si.st_ino == so.st_ino)
            {
                fprintf(stderr, "spikecheck: %s: %s: the same file as the "
                        "input %s\n", out[i], opt[i], in[j]);
                return SC_EINVAL;
            }
    }
    return SC_OK;
}

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
