/*
 * outfile.c -- write to a temporary file beside the target, then rename:
 * a report is either the old one or the complete new one, never half.
 *
 * Reviewers run spikecheck as root on files other people wrote, so nothing
 * but a file we created is ever replaced: the temporary is created with
 * O_CREAT | O_EXCL | O_NOFOLLOW under a fresh name (a planted symlink or
 * file of that name makes us pick another, never write through it), in
 * the directory of the file the path resolves to (a symlinked report stays
 * a symlink).  An output that is not a regular file (/dev/null,
 * /dev/stdout, a FIFO) is written in place: renaming over it would replace
 * the device.  A rewritten report keeps its mode.
 */
#define _XOPEN_SOURCE 700       /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "report/report.h"

/* The part of the target's basename kept in the temporary's name: the
   name stays below NAME_MAX whatever the target's length. */
#define SC_OUTFILE_STEM 96

/* The temporaries open now, for sc_outfile_remove_all (a signal handler):
   fixed slots, written before the file exists and cleared after it is
   gone, so the handler never reads a half-built list. */
#define SC_OUTFILE_LIVE 16
static char * volatile sc_outfile_live[SC_OUTFILE_LIVE];

static void
sc_outfile_track(char * tmp, int on)
{
    int i;

    for (i = 0; i < SC_OUTFILE_LIVE; i++)
    {
        if (on && sc_outfile_live[i] == NULL)
        {
            sc_outfile_live[i] = tmp;
            return;
        }
        if (!on && sc_outfile_live[i] == tmp)
        {
            sc_outfile_live[i] = NULL;
            return;
        }
    }
}

void
sc_outfile_remove_all(void)
{
    int i;

    for (i = 0; i < SC_OUTFILE_LIVE; i++)
        if (sc_outfile_live[i] != NULL)
            (void) unlink(sc_outfile_live[i]);
}

/* Devices, FIFOs and the process's own descriptors are written in place. */
static int
sc_outfile_in_place(const char * path, const char * real)
{
    struct stat st;

    if (strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0
        || strncmp(real, "/dev/", 5) == 0 || strncmp(real, "/proc/", 6) == 0)
        return 1;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/* *real = the file path names: path itself, or what its symlinks resolve
   to when the file exists (flint_malloc). */
static char *
sc_outfile_resolve(const char * path)
{
    struct stat st;
    char * r = NULL, * out;

    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        r = realpath(path, NULL);
    out = flint_malloc(strlen(r != NULL ? r : path) + 1);
    strcpy(out, r != NULL ? r : path);
    free(r);
    return out;
}

/* Opens a fresh temporary beside path (O_EXCL: never an existing file or
   a symlink), created with mode 0600; sc_outfile_open then gives it the
   mode the report will have. */
static int
sc_outfile_mktemp(char ** tmp, const char * path)
{
    static unsigned long counter;
    const char * slash = strrchr(path, '/');
    const char * base = slash != NULL ? slash + 1 : path;
    size_t dirlen = (size_t) (base - path), n = dirlen + SC_OUTFILE_STEM + 32;
    int fd = -1, tries;

    *tmp = flint_malloc(n);
    for (tries = 0; fd < 0 && tries < 64; tries++)
    {
        unsigned long r = (unsigned long) getpid() * 2654435761UL
                          ^ (unsigned long) time(NULL) * 40503UL
                          ^ (++counter) * 2246822519UL ^ (unsigned long) tries;

        snprintf(*tmp, n, "%.*s%.*s.tmp.%08lx", (int) dirlen, path,
                 SC_OUTFILE_STEM, base, r & 0xffffffffUL);
        fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    return fd;
}

int
sc_outfile_open(sc_outfile_t o, const char * path, char * err, size_t errlen)
{
    struct stat st;
    mode_t mode;
    int fd;

    o->path = sc_outfile_resolve(path);
    o->tmp = NULL;
    o->f = NULL;
    if (sc_outfile_in_place(path, o->path))
    {
        fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        o->f = fd >= 0 ? fdopen(fd, "w") : NULL;
    }
    else
    {
        fd = sc_outfile_mktemp(&o->tmp, o->path);
        if (fd >= 0)
        {
            sc_outfile_track(o->tmp, 1);
            /* a rewritten report keeps its mode, a new one gets the
               umask's */
            mode = umask(0);
            umask(mode);
            mode = stat(o->path, &st) == 0 ? st.st_mode & 07777
                                           : 0666 & ~mode;
            (void) fchmod(fd, mode);
            o->f = fdopen(fd, "w");
        }
    }
    if (o->f == NULL)
    {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        if (o->tmp != NULL && fd >= 0)
        {
            (void) unlink(o->tmp);
            sc_outfile_track(o->tmp, 0);
        }
        flint_free(o->tmp);
        flint_free(o->path);
        o->tmp = o->path = NULL;
        return SC_EIO;
    }
    return SC_OK;
}

/* The directory part of path ("." when none), flint_malloc'ed. */
static char *
sc_outfile_dir(const char * path)
{
    size_t n = strlen(path);
    char * dir = flint_malloc(n + 2);
    char * slash;

    strcpy(dir, path);
    slash = strrchr(dir, '/');
    if (slash == NULL)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    return dir;
}

/* No file is created: a run killed right after the probe leaves nothing. */
int
sc_outfile_probe(const char * path, char * err, size_t errlen)
{
    char * real = sc_outfile_resolve(path), * dir = sc_outfile_dir(real);
    const char * why = NULL;
    struct stat st;
    int exists = stat(path, &st) == 0;

    errno = 0;
    if (path[0] == '\0')
        why = "empty path";
    else if (exists && S_ISDIR(st.st_mode))
        why = "is a directory";
    else if (sc_outfile_in_place(path, real))
    {
        if (access(path, W_OK) != 0)
            why = strerror(errno);
    }
    else if (access(dir, W_OK | X_OK) != 0)
        why = strerror(errno);
    else if (exists && access(path, W_OK) != 0)
        why = strerror(errno);
    if (why != NULL)
        snprintf(err, errlen, "cannot write: %s", why);
    flint_free(dir);
    flint_free(real);
    return why == NULL ? SC_OK : SC_EIO;
}

/* The identity of what writing path replaces: the file when it exists,
   else its directory and name. */
static int
sc_outfile_id(struct stat * st, const char ** name, const char * path)
{
    char * dir;
    const char * slash;
    int ok;

    *name = NULL;
    if (stat(path, st) == 0)
        return 1;
    slash = strrchr(path, '/');
    *name = slash != NULL ? slash + 1 : path;
    dir = sc_outfile_dir(path);
    ok = stat(dir, st) == 0;
    flint_free(dir);
    return ok;
}

int
sc_outfile_same(const char * a, const char * b)
{
    struct stat sa, sb;
    const char * na, * nb;

    if (!sc_outfile_id(&sa, &na, a) || !sc_outfile_id(&sb, &nb, b))
        return 0;
    if (sa.st_dev != sb.st_dev || sa.st_ino != sb.st_ino)
        return 0;
    if (na == NULL && nb == NULL)
        return S_ISREG(sa.st_mode);   /* /dev/null twice is fine */
    return na != NULL && nb != NULL && strcmp(na, nb) == 0;
}

int
sc_outfile_commit(sc_outfile_t o, char * err, size_t errlen)
{
    int bad = ferror(o->f);

    bad |= (fclose(o->f) != 0);
    if (!bad && o->tmp != NULL && rename(o->tmp, o->path) != 0)
        bad = 1;
    if (bad)
        snprintf(err, errlen, "%s: write failed: %s", o->path,
                 strerror(errno));
    if (o->tmp != NULL)
    {
        if (bad)
            (void) unlink(o->tmp);
        sc_outfile_track(o->tmp, 0);
    }
    flint_free(o->tmp);
    flint_free(o->path);
    return bad ? SC_EIO : SC_OK;
}

void
sc_outfile_abort(sc_outfile_t o)
{
    fclose(o->f);
    if (o->tmp != NULL)
    {
        (void) unlink(o->tmp);
        sc_outfile_track(o->tmp, 0);
    }
    flint_free(o->tmp);
    flint_free(o->path);
}
