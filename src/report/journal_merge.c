/*
 * journal_merge.c -- the journals of the shards of one run: read together
 * into the report of the unsharded run (`merge -o FILE.json|.xml|...`),
 * or written as one merged journal (`merge -o FILE.jnl`), which a run
 * with the shards' options restores whole instead of resuming: `sweep
 * --journal ALL.jnl FAMILY` so judges the family claims that no shard
 * can, by the code of an unsharded sweep.  A merged journal is a
 * journal whose header is marked "merged" (the number of parts).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <jansson.h>
#include "report/report.h"
#include "report/journal.h"

static int
sc_journal_cmp(const void * a, const void * b)
{
    const char * x = _sc_journal_str(*(json_t * const *) a, "case_file");
    const char * y = _sc_journal_str(*(json_t * const *) b, "case_file");

    return strcmp(x != NULL ? x : "", y != NULL ? y : "");
}

/* Appends the latest entry of every case file of part to all; SC_EINVAL
   with err when a case file is already in seen (another part). */
static int
sc_journal_gather(json_t * all, json_t * seen, json_t * entries,
                  const char * part, char * err, size_t errlen)
{
    json_t * idx = _sc_journal_index(entries, part, err, errlen), * e;
    const char * key;

    if (idx == NULL)
        return SC_EINVAL;
    json_object_foreach(idx, key, e)
    {
        json_t * other = json_object_get(seen, key);

        if (other != NULL)
        {
            snprintf(err, errlen, "%s: case in two parts (%s and %s)",
                     _sc_journal_str(e, "case_file") != NULL
                     ? _sc_journal_str(e, "case_file") : "?",
                     json_string_value(other), part);
            json_decref(idx);
            return SC_EINVAL;
        }
        json_object_set_new(seen, key, sc_report_json_str(part));
        json_array_append(all, e);
    }
    json_decref(idx);
    return SC_OK;
}

/*
 * The latest entry of every case of the parts, in case-file order, into
 * *v (*n of them, flint_free; references owned by *all) and the parts'
 * one header (unmarked) into *header.  SC_EINVAL when a part is not a
 * journal, its options or versions differ, or a case is in two parts.
 */
static int
sc_journal_gather_parts(json_t ** header, json_t ** all, json_t *** v,
                        slong * n, char ** parts, slong nparts, char * err,
                        size_t errlen)
{
    json_t * seen = json_object();
    slong i;
    int rc = SC_OK;

    *header = NULL;
    *all = json_array();
    for (i = 0; i < nparts && rc == SC_OK; i++)
    {
        json_t * h, * entries;
        long good;

        rc = _sc_journal_read(&h, &entries, &good, parts[i], err, errlen);
        (void) _sc_journal_unmark(h);   /* merges as its parts do */
        if (rc == SC_OK && *header == NULL)
            *header = json_incref(h);
        else if (rc == SC_OK && !json_equal(*header, h))
        {
            char d[600];

            _sc_journal_header_diff(d, sizeof(d), h, parts[i], *header,
                                    parts[0]);
            snprintf(err, errlen, "%s: options or versions differ from %s "
                     "(%s)", parts[i], parts[0], d);
            rc = SC_EINVAL;
        }
        if (rc == SC_OK)
            rc = sc_journal_gather(*all, seen, entries, parts[i], err,
                                   errlen);
        json_decref(h);
        json_decref(entries);
    }
    *n = (slong) json_array_size(*all);
    *v = flint_malloc((*n + 1) * sizeof(json_t *));
    for (i = 0; i < *n; i++)
        (*v)[i] = json_array_get(*all, i);
    qsort(*v, *n, sizeof(json_t *), sc_journal_cmp);
    json_decref(seen);
    return rc;
}

/* Appends the entries v[0 .. n-1] to R; SC_EINVAL on a damaged one. */
static int
sc_journal_restore_all(sc_report_t R, json_t ** v, slong n, char * err,
                       size_t errlen)
{
    slong i;

    for (i = 0; i < n; i++)
        if (_sc_journal_restore_entry(R, v[i]) != 0)
        {
            snprintf(err, errlen, "entry of %s is damaged",
                     _sc_journal_str(v[i], "case_file") != NULL
                     ? _sc_journal_str(v[i], "case_file") : "?");
            return SC_EINVAL;
        }
    return SC_OK;
}

int
sc_report_read_journals(sc_report_t R, char ** parts, slong nparts,
                        char * err, size_t errlen)
{
    json_t * header, * all, ** v;
    slong n;
    int rc;

    rc = sc_journal_gather_parts(&header, &all, &v, &n, parts, nparts, err,
                                 errlen);
    if (rc == SC_OK)
        rc = sc_journal_restore_all(R, v, n, err, errlen);
    flint_free(v);
    json_decref(all);
    json_decref(header);
    return rc;
}

int
sc_report_write_journal(FILE * out, char ** parts, slong nparts, char * err,
                        size_t errlen)
{
    json_t * header, * all, ** v;
    sc_report_t R;
    slong i, n;
    int rc, bad = 0;

    rc = sc_journal_gather_parts(&header, &all, &v, &n, parts, nparts, err,
                                 errlen);
    /* a damaged entry is refused now, not when the run restores it */
    sc_report_init(R);
    if (rc == SC_OK)
        rc = sc_journal_restore_all(R, v, n, err, errlen);
    sc_report_clear(R);
    if (rc == SC_OK)
    {
        json_object_set_new(header, "merged", json_integer(nparts));
        bad = json_dumpf(header, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
        bad |= fputc('\n', out) == EOF;
        for (i = 0; i < n && !bad; i++)
        {
            bad |= json_dumpf(v[i], out, JSON_COMPACT | JSON_PRESERVE_ORDER);
            bad |= fputc('\n', out) == EOF;
        }
        if (bad)
        {
            snprintf(err, errlen, "write error");
            rc = SC_EIO;
        }
    }
    flint_free(v);
    json_decref(all);
    json_decref(header);
    return rc;
}

int
sc_journal_check_merged(const sc_journal_t J, const sc_case_struct * cases,
                        slong n, char * err, size_t errlen)
{
    json_t * want = json_object(), * e;
    const char * key;
    slong i;
    int rc = SC_OK;

    for (i = 0; i < n && rc == SC_OK; i++)
    {
        char * k = _sc_journal_key(cases[i].path);
        const char * d;

        e = json_object_get(J->entries, k);
        d = _sc_journal_str(e, "digest");
        if (e == NULL)
        {
            snprintf(err, errlen, "%s: not in the merged journal (the part "
                     "that ran it is missing)", cases[i].path);
            rc = SC_EINVAL;
        }
        else if (d == NULL || strcmp(d, cases[i].digest) != 0)
        {
            snprintf(err, errlen, "%s: digest: the merged journal holds "
                     "another content of it (the case, or its family's "
                     "base or grid, changed since the parts ran)",
                     cases[i].path);
            rc = SC_EINVAL;
        }
        json_object_set_new(want, k, json_true());
        flint_free(k);
    }
    json_object_foreach(J->entries, key, e)
        if (rc == SC_OK && json_object_get(want, key) == NULL)
        {
            snprintf(err, errlen, "%s: a case this run does not have (a "
                     "part of another run or family)",
                     _sc_journal_str(e, "case_file") != NULL
                     ? _sc_journal_str(e, "case_file") : "?");
            rc = SC_EINVAL;
        }
    json_decref(want);
    return rc;
}

/* Only the header line is read (a journal may be 2 GiB). */
int
sc_journal_is_merged(const char * path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    char * buf;
    ssize_t got;
    char * nl;
    json_t * h;
    int merged;
    struct stat st;

    if (fd < 0)
        return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
        close(fd);
        return 0;
    }
    buf = flint_malloc(65536 + 1);
    got = read(fd, buf, 65536);
    close(fd);
    buf[got > 0 ? got : 0] = '\0';
    nl = strchr(buf, '\n');
    h = nl != NULL ? json_loadb(buf, nl - buf, 0, NULL) : NULL;
    merged = json_is_object(h) && json_object_get(h, "merged") != NULL
             && _sc_journal_str(h, "format") != NULL
             && strcmp(_sc_journal_str(h, "format"), SC_JOURNAL_FORMAT) == 0;
    json_decref(h);
    flint_free(buf);
    return merged;
}
