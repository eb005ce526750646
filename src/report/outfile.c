/*
 * outfile.c -- write to a temporary file beside the target, then rename:
 * a report is either the old one or the complete new one, never half.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "report/report.h"

int
sc_outfile_open(sc_outfile_t o, const char * path, char * err, size_t errlen)
{
    size_t n = strlen(path) + 32;

    o->path = flint_malloc(strlen(path) + 1);
    strcpy(o->path, path);
    o->tmp = flint_malloc(n);
    snprintf(o->tmp, n, "%s.tmp.%ld", path, (long) getpid());
    o->f = fopen(o->tmp, "w");
    if (o->f == NULL)
    {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        flint_free(o->tmp);
        flint_free(o->path);
        o->tmp = o->path = NULL;
        return SC_EIO;
    }
    return SC_OK;
}

/* No file is created: a run killed right after the probe leaves nothing. */
int
sc_outfile_probe(const char * path, char * err, size_t errlen)
{
    size_t n = strlen(path);
    char * dir = flint_malloc(n + 2);
    char * slash;
    struct stat st;
    int ok;

    strcpy(dir, path);
    slash = strrchr(dir, '/');
    if (slash == NULL)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    errno = 0;
    ok = (access(dir, W_OK | X_OK) == 0);
    if (ok && stat(path, &st) == 0)
        ok = !S_ISDIR(st.st_mode) && access(path, W_OK) == 0;
    if (!ok)
        snprintf(err, errlen, "%s: cannot write: %s", path,
                 errno != 0 ? strerror(errno) : "is a directory");
    flint_free(dir);
    return ok ? SC_OK : SC_EIO;
}

int
sc_outfile_commit(sc_outfile_t o, char * err, size_t errlen)
{
    int bad = ferror(o->f);

    bad |= (fclose(o->f) != 0);
    if (!bad && rename(o->tmp, o->path) != 0)
        bad = 1;
    if (bad)
    {
        snprintf(err, errlen, "%s: write failed: %s", o->path,
                 strerror(errno));
        remove(o->tmp);
    }
    flint_free(o->tmp);
    flint_free(o->path);
    return bad ? SC_EIO : SC_OK;
}

void
sc_outfile_abort(sc_outfile_t o)
{
    fclose(o->f);
    remove(o->tmp);
    flint_free(o->tmp);
    flint_free(o->path);
}
