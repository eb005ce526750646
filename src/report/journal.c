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
 * into any report format, or into one merged journal (journal_merge.c).
 *
 * A case is found again by its file (the path without "./" spellings) and
 * restored only while its content digest is the one journalled: an edited
 * case runs again, and its new line supersedes the old.  The file is
 * flock'ed while a run holds it, so two runs starting on one journal do not
 * both write it; it is read up to SC_JOURNAL_MAX_BYTES and only as a
 * regular file (`--journal /dev/zero` would read without end).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <jansson.h>
#include "report/report.h"
#include "report/journal.h"

static json_t *
sc_journal_header(const char * options)
{
    char * v = sc_report_versions();
    json_t * h = json_pack("{s:s,s:s,s:s}", "format", SC_JOURNAL_FORMAT,
                           "versions", v, "options", options);

    flint_free(v);
    return h;
}

/* Removes the mark of a merged journal from header h: 1 if it had one.
   A merged journal holds the same options as its parts, so it resumes
   (is restored by) a run with them and merges again with them. */
int
_sc_journal_unmark(json_t * h)
{
    return h != NULL && json_object_del(h, "merged") == 0;
}

/*
 * Reads the journal f (at path): its header and its complete entries.
 * *good is the length of the complete lines (a last line without newline
 * was cut short by a kill).  SC_EIO when the file cannot be read,
 * SC_EINVAL when it is not a journal or too large.
 */
static int
sc_journal_read_file(json_t ** header, json_t ** entries, long * good,
                     FILE * f, const char * path, char * err, size_t errlen)
{
    char * buf = NULL, * p, * nl;
    size_t cap = 0, len = 0, got;
    slong line = 0;
    struct stat st;
    int rc = SC_OK;

    *header = NULL;
    *entries = json_array();
    *good = 0;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode))
    {
        snprintf(err, errlen, "%s: file: not a regular file", path);
        return SC_EINVAL;
    }
    if ((uintmax_t) st.st_size > SC_JOURNAL_MAX_BYTES)
    {
        snprintf(err, errlen, "%s: file: larger than %zu bytes", path,
                 SC_JOURNAL_MAX_BYTES);
        return SC_EINVAL;
    }
    do
    {
        cap = 2 * cap + 65536;
        buf = flint_realloc(buf, cap + 1);
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    }
    while (len == cap && len <= SC_JOURNAL_MAX_BYTES);
    if (ferror(f) || len > SC_JOURNAL_MAX_BYTES)
    {
        snprintf(err, errlen, "%s: file: %s", path, ferror(f)
                 ? "read error" : "grew past the size limit while read");
        flint_free(buf);
        return ferror(f) ? SC_EIO : SC_EINVAL;
    }
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

/* The same for a journal given by its path (merge's parts). */
int
_sc_journal_read(json_t ** header, json_t ** entries, long * good,
                 const char * path, char * err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    FILE * f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    int rc;

    if (f == NULL)
    {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        *header = NULL;
        *entries = json_array();
        *good = 0;
        return SC_EIO;
    }
    rc = sc_journal_read_file(header, entries, good, f, path, err, errlen);
    fclose(f);
    return rc;
}

/* The key of a case file: its path with the spellings of "the same path"
   removed ("./" components, doubled slashes), in hex so that any bytes
   make a JSON key (flint_free). */
char *
_sc_journal_key(const char * path)
{
    size_t n = strlen(path), i = 0, k = 0;
    char * norm = flint_malloc(n + 1), * hex;

    while (i < n)
    {
        if (path[i] == '/' && k > 0 && norm[k - 1] == '/')
            i++;
        else if (path[i] == '.' && (i == 0 || path[i - 1] == '/')
                 && path[i + 1] == '/')
            i += 2;
        else
            norm[k++] = path[i++];
    }
    norm[k] = '\0';
    hex = flint_malloc(2 * k + 1);
    for (i = 0; i < k; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char) norm[i]);
    hex[2 * k] = '\0';
    flint_free(norm);
    return hex;
}

/* The entries by case file, the latest of each (a hash: a sweep of 10^6
   cases restores in linear time); NULL with err when an entry has no
   key. */
json_t *
_sc_journal_index(json_t * entries, const char * path, char * err,
                  size_t errlen)
{
    json_t * idx = json_object(), * e;
    size_t i;

    json_array_foreach(entries, i, e)
    {
        const char * k = _sc_journal_str(e, "key");

        if (k == NULL || _sc_journal_str(e, "digest") == NULL)
        {
            snprintf(err, errlen, "%s: line %ld: entry without key or "
                     "digest", path, (long) i + 2);
            json_decref(idx);
            return NULL;
        }
        json_object_set(idx, k, e);
    }
    return idx;
}

/* Writes the header of a new journal; SC_EIO with err. */
static int
sc_journal_write_header(FILE * f, json_t * want, const char * path,
                        char * err, size_t errlen)
{
    int bad;

    errno = 0;
    bad = json_dumpf(want, f, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0;
    bad |= (fputc('\n', f) == EOF);
    bad |= (fflush(f) != 0);
    bad |= (fsync(fileno(f)) != 0);
    if (bad)
        snprintf(err, errlen, "%s: cannot write the header: %s", path,
                 errno != 0 ? strerror(errno) : "write error");
    return bad ? SC_EIO : SC_OK;
}

/* The value of key in the options string opts ("k=v;k=v..."), as a
   pointer into opts and its length; NULL when the key is absent. */
static const char *
sc_journal_opt(const char * opts, const char * key, size_t klen,
               size_t * vlen)
{
    const char * p = opts;

    while (p != NULL && *p != '\0')
    {
        const char * end = strchr(p, ';');
        size_t len = end != NULL ? (size_t) (end - p) : strlen(p);

        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
        {
            *vlen = len - klen - 1;
            return p + klen + 1;
        }
        p = end != NULL ? end + 1 : NULL;
    }
    return NULL;
}

/* Appends to buf "key=A in na, key=B in nb" for one key whose values
   differ, a value longer than 40 bytes cut with "...". */
static void
sc_journal_diff_one(char * buf, size_t len, size_t * k, const char * key,
                    size_t klen, const char * a, size_t alen,
                    const char * na, const char * b, size_t blen,
                    const char * nb)
{
    int ac = alen > 40, bc = blen > 40;

    if (*k >= len)
        return;
    *k += (size_t) snprintf(buf + *k, len - *k,
        "%s%.*s=%.*s%s in %s, %.*s=%.*s%s in %s", *k ? "; " : "",
        (int) klen, key, a != NULL ? (int) (ac ? 40 : alen) : 0,
        a != NULL ? a : "", a == NULL ? "(absent)" : ac ? "..." : "", na,
        (int) klen, key, b != NULL ? (int) (bc ? 40 : blen) : 0,
        b != NULL ? b : "",
        b == NULL ? "(absent)" : bc ? "..." : "", nb);
}

void
_sc_journal_header_diff(char * buf, size_t len, json_t * a, const char * na,
                        json_t * b, const char * nb)
{
    const char * va = _sc_journal_str(a, "versions"),
               * vb = _sc_journal_str(b, "versions"),
               * oa = _sc_journal_str(a, "options"),
               * ob = _sc_journal_str(b, "options"), * p;
    size_t k = 0;
    int pass;

    if (len == 0)
        return;
    buf[0] = '\0';
    if (va == NULL || vb == NULL || strcmp(va, vb) != 0)
        k += (size_t) snprintf(buf, len, "versions %s in %s, %s in %s",
                               va != NULL ? va : "(absent)", na,
                               vb != NULL ? vb : "(absent)", nb);
    /* the keys of a that b lacks or sets otherwise, then those only b has */
    for (pass = 0; pass < 2 && oa != NULL && ob != NULL; pass++)
        for (p = pass ? ob : oa; p != NULL && *p != '\0'; )
        {
            const char * end = strchr(p, ';'), * eq = strchr(p, '=');
            const char * x, * y;
            size_t klen, xl = 0, yl = 0;

            if (eq == NULL || (end != NULL && eq > end))
                break;
            klen = (size_t) (eq - p);
            x = sc_journal_opt(oa, p, klen, &xl);
            y = sc_journal_opt(ob, p, klen, &yl);
            if ((pass == 0 && (y == NULL || xl != yl
                               || memcmp(x, y, xl) != 0))
                || (pass == 1 && x == NULL))
                sc_journal_diff_one(buf, len, &k, p, klen, x, xl, na, y, yl,
                                    nb);
            p = end != NULL ? end + 1 : NULL;
        }
    if (k == 0)
        snprintf(buf, len, "the headers differ");
}

/* Reads an existing journal f for a run with header want; drops a last
   line cut short by a kill. */
static int
sc_journal_resume(sc_journal_t J, FILE * f, json_t * want, const char * path,
                  char * err, size_t errlen)
{
    json_t * have = NULL, * entries = NULL;
    long good = 0;
    int rc;

    rc = sc_journal_read_file(&have, &entries, &good, f, path, err, errlen);
    J->merged = rc == SC_OK && _sc_journal_unmark(have);
    if (rc == SC_OK && !json_equal(have, want))
    {
        char d[600];

        _sc_journal_header_diff(d, sizeof(d), have, "the journal", want,
                                "this run");
        snprintf(err, errlen, "%s: options: the journal was written by "
                 "a run with other options or versions (%s)", path, d);
        rc = SC_EINVAL;
    }
    if (rc == SC_OK
        && (J->entries = _sc_journal_index(entries, path, err, errlen))
           == NULL)
        rc = SC_EINVAL;
    if (rc == SC_OK && (ftruncate(fileno(f), good) != 0
                        || fseek(f, 0, SEEK_END) != 0))
    {
        snprintf(err, errlen, "%s: cannot write: %s", path,
                 strerror(errno));
        rc = SC_EIO;
    }
    json_decref(entries);
    json_decref(have);
    return rc;
}

int
sc_journal_open(sc_journal_t J, const char * path, const char * options,
                char * err, size_t errlen)
{
    json_t * want = sc_journal_header(options);
    struct stat st;
    int fd, created, rc = SC_OK;

    J->f = NULL;
    J->entries = NULL;
    J->merged = 0;
    /* O_EXCL first: whether this run made the file decides who may remove
       it when its header cannot be written */
    fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
    created = fd >= 0;
    if (fd < 0 && errno == EEXIST)
        fd = open(path, O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 || (J->f = fdopen(fd, "r+b")) == NULL)
    {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        json_decref(want);
        return SC_EIO;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0)
    {
        snprintf(err, errlen, "%s: file: in use by another run (a journal "
                 "is written by one run at a time)", path);
        rc = SC_EINVAL;
    }
    else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
        snprintf(err, errlen, "%s: file: not a regular file", path);
        rc = SC_EINVAL;
    }
    else if (st.st_size == 0)       /* new, or left empty by a failure */
    {
        J->entries = json_object();
        rc = sc_journal_write_header(J->f, want, path, err, errlen);
        if (rc != SC_OK && created)
            (void) unlink(path);
        else if (rc != SC_OK)
            (void) ftruncate(fd, 0);
    }
    else
        rc = sc_journal_resume(J, J->f, want, path, err, errlen);
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
sc_journal_restore(sc_report_t R, const sc_journal_t J, const char * case_file,
                   const char * digest)
{
    char * key = _sc_journal_key(case_file);
    json_t * e = json_object_get(J->entries, key);
    const char * d = _sc_journal_str(e, "digest");

    flint_free(key);
    if (e == NULL || d == NULL || digest == NULL || digest[0] == '\0'
        || strcmp(d, digest) != 0)
        return 0;
    return _sc_journal_restore_entry(R, e) == 0 ? 1 : -1;
}

int
sc_journal_append(sc_journal_t J, const sc_report_t R, const char * case_file,
                  const char * digest, slong rec0, slong float0, slong fig0,
                  slong f30)
{
    json_t * e = _sc_journal_entry(R, case_file, rec0, float0, fig0, f30);
    char * key = _sc_journal_key(case_file);
    int bad;

    json_object_set_new(e, "key", json_string(key));
    json_object_set_new(e, "digest", json_string(digest != NULL ? digest
                                                                : ""));
    flint_free(key);
    bad = json_dumpf(e, J->f, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0;
    bad |= (fputc('\n', J->f) == EOF);
    bad |= (fflush(J->f) != 0);
    bad |= (fsync(fileno(J->f)) != 0);
    if (!bad)
        json_object_set(J->entries, _sc_journal_str(e, "key"), e);
    json_decref(e);
    return bad ? SC_EIO : SC_OK;
}

/* O_NONBLOCK and fstat before any read: a FIFO given as a part would
   block the open (and the read) forever. */
int
sc_report_is_journal(const char * path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    char buf[64];
    ssize_t got;

    if (fd < 0)
        return 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
        close(fd);
        return -1;
    }
    got = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    buf[got > 0 ? got : 0] = '\0';
    return strstr(buf, "\"" SC_JOURNAL_FORMAT "\"") != NULL;
}
