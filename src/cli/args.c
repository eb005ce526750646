/*
 * args.c -- option values and case-file collection for the CLI.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"

int
sc_cli_parse_si(slong * x, const char * opt, const char * s, slong lo,
                slong hi)
{
    char * end;
    long v;

    if (s == NULL)
    {
        fprintf(stderr, "spikecheck: %s needs a value\n", opt);
        return SC_EINVAL;
    }
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *s == '\0' || *end != '\0' || v < lo || v > hi)
    {
        fprintf(stderr, "spikecheck: %s: '%s' is not an integer in "
                "[%ld, %ld]\n", opt, s, (long) lo, (long) hi);
        return SC_EINVAL;
    }
    *x = v;
    return SC_OK;
}

static int
sc_cli_cmp_str(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

static void
sc_cli_push(char *** paths, slong * n, const char * s)
{
    *paths = flint_realloc(*paths, (*n + 1) * sizeof(char *));
    (*paths)[*n] = flint_malloc(strlen(s) + 1);
    strcpy((*paths)[*n], s);
    (*n)++;
}

/* Appends DIR/\*.json in byte order. */
static void
sc_cli_push_dir(char *** paths, slong * n, const char * dir, DIR * d)
{
    struct dirent * e;
    slong first = *n;
    char buf[4096];

    while ((e = readdir(d)) != NULL)
    {
        size_t len = strlen(e->d_name);

        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0
            && e->d_name[0] != '.')
        {
            snprintf(buf, sizeof(buf), "%s/%s", dir, e->d_name);
            sc_cli_push(paths, n, buf);
        }
    }
    qsort(*paths + first, *n - first, sizeof(char *), sc_cli_cmp_str);
}

slong
sc_cli_collect(char *** paths, char ** args, slong nargs, char * err,
               size_t errlen)
{
    slong i, n = 0;
    struct stat st;

    *paths = NULL;
    for (i = 0; i < nargs; i++)
    {
        if (stat(args[i], &st) != 0)
        {
            snprintf(err, errlen, "%s: cannot read: %s", args[i],
                     strerror(errno));
            sc_cli_free_paths(*paths, n);
            *paths = NULL;
            return -1;
        }
        if (S_ISDIR(st.st_mode))
        {
            DIR * d = opendir(args[i]);

            if (d == NULL)
            {
                snprintf(err, errlen, "%s: cannot read: %s", args[i],
                         strerror(errno));
                sc_cli_free_paths(*paths, n);
                *paths = NULL;
                return -1;
            }
            sc_cli_push_dir(paths, &n, args[i], d);
            closedir(d);
        }
        else
            sc_cli_push(paths, &n, args[i]);
    }
    return n;
}

slong
sc_cli_shard(char ** paths, slong n, slong k, slong nshards)
{
    slong i, m = 0;

    for (i = 0; i < n; i++)
    {
        if (i % nshards == k - 1)
            paths[m++] = paths[i];
        else
            flint_free(paths[i]);
    }
    return m;
}

void
sc_cli_free_paths(char ** paths, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        flint_free(paths[i]);
    flint_free(paths);
}
