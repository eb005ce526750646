/*
 * journal.c -- the journal of a check run: a header line, then one JSON
 * line per finished case holding its records exactly (balls as
 * arb_dump_str, so a restored record prints the same digits), its
 * float view and its figures.  Each line is appended and fsync'd
 * when its case finishes, so a run killed at any moment loses at most the
 * case in progress; a line cut short by the kill has no newline and is
 * dropped on reopening.  A restarted run restores the finished cases and
 * writes reports byte-identical to an uninterrupted run's.  The journals
 * of the shards of a sweep are exact shard outputs: `merge` turns them
 * into any report format.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include "report/report.h"
#include "report/journal.h"

/* 2: records carry "exercised" and "novalue"; a journal of format 1 is
   refused rather than restored with those guessed */
#define SC_JOURNAL_FORMAT "spikecheck-journal/2"

static json_t *
sc_journal_header(const char * options)
{
    char * v = sc_report_versions();
    json_t * h = json_pack("{s:s,s:s,s:s}", "format", SC_JOURNAL_FORMAT,
                           "versions", v, "options", options);

    flint_free(v);
    return h;
}

/*
 * Reads the journal at path: its header and its complete entries.  *good
 * is the length of the complete lines (a last line without newline was
 * cut short by a kill).  SC_EIO when the file cannot be read, SC_EINVAL
 * when it is not a journal.
 */
static int
sc_journal_read(json_t ** header, json_t ** entries, long * good,
                const char * path, char * err, size_t errlen)
{
    FILE * f = fopen(path, "rb");
    char * buf = NULL, * p, * nl;
    size_t cap = 0, len = 0, got;
    slong line = 0;
    int rc = SC_OK;

    *header = NULL;
    *entries = json_array();
    *good = 0;
    if (f == NULL)
    {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return SC_EIO;
    }
    do
    {
        cap = 2 * cap + 65536;
        buf = flint_realloc(buf, cap + 1);
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    }
    while (len == cap);
    fclose(f);
    buf[len] = '\0';
    for (p = buf; rc == SC_OK && (nl = memchr(p, '\n', len - (p - buf)))
                                 != NULL; p = nl + 1)
    {
        json_error_t je;
        json_t * j = json_loadb(p, nl - p, JSON_REJECT_DUPLICATES, &je);

        line++;
        if (j == NULL || !json_is_object(j))
        {
            snprintf(err, errlen, "%s: line %ld: not a journal line", path,
                     (long) line);
            rc = SC_EINVAL;
        }
        else if (line == 1)
            *header = json_incref(j);
        else
            json_array_append(*entries, j);
        json_decref(j);
        *good = (long) (nl + 1 - buf);
    }
    if (rc == SC_OK && (*header == NULL || json_object_get(*header, "format")
        == NULL || strcmp(_sc_journal_str(*header, "format") != NULL
                          ? _sc_journal_str(*header, "format") : "",
                          SC_JOURNAL_FORMAT) != 0))
    {
        snprintf(err, errlen, "%s: format: not a spikecheck journal of "
                 "format %s (delete it to start afresh)", path,
                 SC_JOURNAL_FORMAT);
        rc = SC_EINVAL;
    }
    flint_free(buf);
    return rc;
}

/* The entries by case file (a hash: a sweep of 10^6 cases restores in
   linear time). */
static json_t *
sc_journal_index(json_t * entries)
{
    json_t * idx = json_object(), * e;
    size_t i;

    json_array_foreach(entries, i, e)
    {
        const char * f = _sc_journal_str(e, "case_file");

        if (f != NULL)
            json_object_set(idx, f, e);
    }
    return idx;
}

int
sc_journal_open(sc_journal_t J, const char * path, const char * options,
                char * err, size_t errlen)
{
    json_t * want = sc_journal_header(options), * have = NULL;
    json_t * entries = NULL;
    long good = 0;
    int rc = SC_OK;

    J->f = NULL;
    J->entries = NULL;
    if (access(path, F_OK) == 0)
    {
        rc = sc_journal_read(&have, &entries, &good, path, err, errlen);
        J->entries = sc_journal_index(entries);
        json_decref(entries);
        if (rc == SC_OK && !json_equal(have, want))
        {
            snprintf(err, errlen, "%s: options: the journal was written by "
                     "a run with other options or versions (%s)", path,
                     _sc_journal_str(have, "options") != NULL
                     ? _sc_journal_str(have, "options") : "?");
            rc = SC_EINVAL;
        }
        /* drop a line cut short by a kill before appending after it */
        if (rc == SC_OK && truncate(path, good) != 0)
        {
            snprintf(err, errlen, "%s: cannot write: %s", path,
                     strerror(errno));
            rc = SC_EIO;
        }
        if (rc == SC_OK)
            J->f = fopen(path, "ab");
    }
    else
    {
        J->entries = json_object();
        J->f = fopen(path, "wb");
        if (J->f != NULL)
        {
            json_dumpf(want, J->f, JSON_COMPACT | JSON_PRESERVE_ORDER);
            fputc('\n', J->f);
            if (fflush(J->f) != 0 || fsync(fileno(J->f)) != 0)
                rc = SC_EIO;
        }
    }
    if (rc == SC_OK && J->f == NULL)
    {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        rc = SC_EIO;
    }
    json_decref(have);
    json_decref(want);
    if (rc != SC_OK)
        sc_journal_clear(J);
    return rc;
}

void
sc_journal_clear(sc_journal_t J)
{
    if (J->f != NULL)
        fclose(J->f);
    J->f = NULL;
    json_decref(J->entries);
    J->entries = NULL;
}

slong
sc_journal_count(const sc_journal_t J)
{
    return (slong) json_object_size(J->entries);
}

int
sc_journal_restore(sc_report_t R, const sc_journal_t J, const char * case_file)
{
    json_t * e = json_object_get(J->entries, case_file);

    if (e == NULL)
        return 0;
    return _sc_journal_restore_entry(R, e) == 0 ? 1 : -1;
}

int
sc_journal_append(sc_journal_t J, const sc_report_t R, const char * case_file,
                  slong rec0, slong float0, slong fig0, slong f30)
{
    json_t * e = _sc_journal_entry(R, case_file, rec0, float0, fig0, f30);
    int bad;

    bad = json_dumpf(e, J->f, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0;
    bad |= (fputc('\n', J->f) == EOF);
    bad |= (fflush(J->f) != 0);
    bad |= (fsync(fileno(J->f)) != 0);
    json_decref(e);
    return bad ? SC_EIO : SC_OK;
}

static int
sc_journal_cmp(const void * a, const void * b)
{
    const char * x = _sc_journal_str(*(json_t * const *) a, "case_file");
    const char * y = _sc_journal_str(*(json_t * const *) b, "case_file");

    return strcmp(x != NULL ? x : "", y != NULL ? y : "");
}

int
sc_report_read_journals(sc_report_t R, char ** parts, slong nparts,
                        char * err, size_t errlen)
{
    json_t * first = NULL, * all = json_array(), ** v = NULL;
    slong i, n;
    int rc = SC_OK;

    for (i = 0; i < nparts && rc == SC_OK; i++)
    {
        json_t * h, * entries;
        long good;

        rc = sc_journal_read(&h, &entries, &good, parts[i], err, errlen);
        if (rc == SC_OK && first == NULL)
            first = json_incref(h);
        else if (rc == SC_OK && !json_equal(first, h))
        {
            snprintf(err, errlen, "%s: options or versions differ from %s",
                     parts[i], parts[0]);
            rc = SC_EINVAL;
        }
        if (rc == SC_OK)
            json_array_extend(all, entries);
        json_decref(h);
        json_decref(entries);
    }
    n = (slong) json_array_size(all);
    v = flint_malloc((n + 1) * sizeof(json_t *));
    for (i = 0; i < n; i++)
        v[i] = json_array_get(all, i);
    qsort(v, n, sizeof(json_t *), sc_journal_cmp);
    for (i = 0; i < n && rc == SC_OK; i++)
    {
        if (i > 0 && sc_journal_cmp(v + i - 1, v + i) == 0)
        {
            snprintf(err, errlen, "%s: case in two parts",
                     _sc_journal_str(v[i], "case_file"));
            rc = SC_EINVAL;
        }
        else if (_sc_journal_restore_entry(R, v[i]) != 0)
        {
            snprintf(err, errlen, "%s: entry of %s is damaged", parts[0],
                     _sc_journal_str(v[i], "case_file") != NULL
                     ? _sc_journal_str(v[i], "case_file") : "?");
            rc = SC_EINVAL;
        }
    }
    flint_free(v);
    json_decref(all);
    json_decref(first);
    return rc;
}

int
sc_report_is_journal(const char * path)
{
    FILE * f = fopen(path, "rb");
    char buf[64];
    size_t got;

    if (f == NULL)
        return 0;
    got = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[got] = '\0';
    return strstr(buf, "\"" SC_JOURNAL_FORMAT "\"") != NULL;
}
