/*
 * args.c -- option values and case-file collection for the CLI.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"

#define SC_CLAIMS_MAX 16

const sc_thm_struct *
sc_cli_one_claim(const char * cmd, const char * id)
{
    const sc_thm_struct * t[SC_CLAIMS_MAX];
    slong n = sc_thm_select(t, SC_CLAIMS_MAX, id), i;

    if (n == 1)
        return t[0];
    if (n == 0)
    {
        fprintf(stderr, "spikecheck: --theorem: unknown claim '%s' (see "
                "spikecheck list)\n", id);
        return NULL;
    }
    fprintf(stderr, "spikecheck: --theorem: %s works on one claim; '%s' is a "
            "statement of %ld claims:", cmd, id, (long) n);
    for (i = 0; i < n && i < SC_CLAIMS_MAX; i++)
        fprintf(stderr, " %s", t[i]->id);
    fprintf(stderr, "\n");
    return NULL;
}

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

/* "K/N" with 1 <= K <= N <= SC_MAX_SHARDS, in decimal; strtol so that a
   value past LONG_MAX is refused, not wrapped (sscanf's %ld overflows). */
int
sc_cli_parse_shard(slong * k, slong * n, const char * s)
{
    char * end;
    long a, b;

    if (s == NULL || *s < '0' || *s > '9')
        return SC_EINVAL;
    errno = 0;
    a = strtol(s, &end, 10);
    if (errno != 0 || *end != '/' || end[1] < '0' || end[1] > '9')
        return SC_EINVAL;
    b = strtol(end + 1, &end, 10);
    if (errno != 0 || *end != '\0' || a < 1 || a > b || b > SC_MAX_SHARDS)
        return SC_EINVAL;
    *k = a;
    *n = b;
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

/* What a directory entry named *.json is to the collection. */
typedef enum
{
    SC_CLI_ENTRY_CASE,          /* a regular file: a case to load */
    SC_CLI_ENTRY_REPORT,        /* our own report or journal: skipped, so a
                                   report written beside its cases does not
                                   break the next run over them */
    SC_CLI_ENTRY_SPECIAL        /* a FIFO, device or socket: refused, since
                                   reading a FIFO would block the run */
}
sc_cli_entry_kind;

/* Nonzero if head opens with our format key for kind ("report": what
   `check --json` writes); pretty-printed or compact. */
static int
sc_cli_is_ours(const char * head, const char * kind)
{
    char a[64], b[64];

    snprintf(a, sizeof(a), "\"format\": \"spikecheck-%s/", kind);
    snprintf(b, sizeof(b), "\"format\":\"spikecheck-%s/", kind);
    return strstr(head, a) != NULL || strstr(head, b) != NULL;
}

static sc_cli_entry_kind
sc_cli_entry(const char * path)
{
    char head[257];
    ssize_t got;
    struct stat st;
    int fd;

    /* O_NONBLOCK: opening a FIFO with no writer must not wait */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return SC_CLI_ENTRY_CASE;       /* the loader says why */
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
        close(fd);
        return SC_CLI_ENTRY_SPECIAL;
    }
    got = read(fd, head, sizeof(head) - 1);
    close(fd);
    head[got > 0 ? got : 0] = '\0';
    return sc_cli_is_ours(head, "report") || sc_cli_is_ours(head, "journal")
           ? SC_CLI_ENTRY_REPORT : SC_CLI_ENTRY_CASE;
}

/* Appends DIR/\*.json in byte order; SC_EINVAL with the reason in err for
   an entry that is not a regular file. */
static int
sc_cli_push_dir(char *** paths, slong * n, const char * dir, DIR * d,
                char * err, size_t errlen)
{
    struct dirent * e;
    slong first = *n;
    char buf[4096];
    sc_cli_entry_kind kind;

    while ((e = readdir(d)) != NULL)
    {
        size_t len = strlen(e->d_name);

        if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0
            || e->d_name[0] == '.')
            continue;
        snprintf(buf, sizeof(buf), "%s/%s", dir, e->d_name);
        kind = sc_cli_entry(buf);
        if (kind == SC_CLI_ENTRY_SPECIAL)
        {
            snprintf(err, errlen, "%s: file: not a regular file (a FIFO, "
                     "device or socket in a case directory is refused: "
                     "reading it could block)", buf);
            return SC_EINVAL;
        }
        if (kind == SC_CLI_ENTRY_CASE)
            sc_cli_push(paths, n, buf);
        else
            fprintf(stderr, "spikecheck: %s: skipped (a spikecheck report, "
                    "not a case)\n", buf);
    }
    qsort(*paths + first, *n - first, sizeof(char *), sc_cli_cmp_str);
    return SC_OK;
}

slong
sc_cli_collect(char *** paths, char ** args, slong nargs, char * err,
               size_t errlen)
{
    slong i, n = 0;
    struct stat st;
    int rc;

    *paths = NULL;
    for (i = 0; i < nargs; i++)
    {
        if (stat(args[i], &st) != 0)
        {
            snprintf(err, errlen, "%s: file: cannot read: %s", args[i],
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
            rc = sc_cli_push_dir(paths, &n, args[i], d, err, errlen);
            closedir(d);
            if (rc != SC_OK)
            {
                sc_cli_free_paths(*paths, n);
                *paths = NULL;
                return -1;
            }
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
