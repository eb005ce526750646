/*
 * journal.c -- the journal of a check run: a header line, then one JSON
 * line per finished case holding its records exactly (balls as
 * arb_dump_str, so a restored record prints the same digits), its
 * float-view line and its figures.  Each line is appended and fsync'd
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

#define SC_JOURNAL_FORMAT "spikecheck-journal/1"

static json_t *
sc_journal_ball(int has, const arb_t x)
{
    char * s;
    json_t * j;

    if (!has)
        return json_null();
    s = arb_dump_str(x);
    j = json_string(s);
    flint_free(s);
    return j;
}

static json_t *
sc_journal_record(const sc_record_struct * r)
{
    json_t * o = json_object(), * ex = json_array();
    const sc_result_struct * s = r->res;
    char seed[32];
    slong i;

    snprintf(seed, sizeof(seed), "%lu", (unsigned long) r->seed);
    json_object_set_new(o, "checker", json_string(r->thm->id));
    json_object_set_new(o, "case", json_string(r->case_name));
    json_object_set_new(o, "case_file", json_string(r->case_path));
    json_object_set_new(o, "seed", json_string(seed));
    json_object_set_new(o, "replay", json_string(r->replay));
    json_object_set_new(o, "verdict", json_integer(s->verdict));
    json_object_set_new(o, "predicted", sc_journal_ball(s->has_predicted,
                                                        s->predicted));
    json_object_set_new(o, "observed", sc_journal_ball(s->has_observed,
                                                       s->observed));
    json_object_set_new(o, "slack", sc_journal_ball(s->has_slack, s->slack));
    json_object_set_new(o, "step", json_integer(s->step));
    json_object_set_new(o, "prec", json_integer(s->prec));
    json_object_set_new(o, "steps", json_integer(s->steps));
    json_object_set_new(o, "certificate", json_string(s->certificate));
    json_object_set_new(o, "reason", json_string(s->reason));
    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (s->extra[i].set)
            json_array_append_new(ex, json_pack("[Iso]", (json_int_t) i,
                                  s->extra[i].name,
                                  sc_journal_ball(1, s->extra[i].value)));
    json_object_set_new(o, "extra", ex);
    return o;
}

/* A ball from a dump string (or has = 0 for null); 0 on success. */
static int
sc_journal_get_ball(arb_t x, int * has, json_t * j)
{
    *has = !json_is_null(j);
    if (!*has)
        return 0;
    return !json_is_string(j) || arb_load_str(x, json_string_value(j)) != 0;
}

static int
sc_journal_get_int(slong * x, json_t * o, const char * key)
{
    json_t * j = json_object_get(o, key);

    if (!json_is_integer(j))
        return 1;
    *x = (slong) json_integer_value(j);
    return 0;
}

static const char *
sc_journal_get_str(json_t * o, const char * key)
{
    return json_string_value(json_object_get(o, key));
}

/* Appends record o to R; 0 on success. */
static int
sc_journal_restore_record(sc_report_t R, json_t * o)
{
    const sc_thm_struct * thm;
    const char * id = sc_journal_get_str(o, "checker");
    const char * name = sc_journal_get_str(o, "case");
    const char * file = sc_journal_get_str(o, "case_file");
    const char * seed = sc_journal_get_str(o, "seed");
    const char * replay = sc_journal_get_str(o, "replay");
    const char * cert = sc_journal_get_str(o, "certificate");
    const char * reason = sc_journal_get_str(o, "reason");
    json_t * ex = json_object_get(o, "extra"), * e;
    sc_result_t res;
    slong v = 0, i;
    size_t k;
    int bad;

    thm = id != NULL ? sc_thm_lookup(id) : NULL;
    if (thm == NULL || name == NULL || file == NULL || seed == NULL
        || replay == NULL || cert == NULL || reason == NULL
        || !json_is_array(ex))
        return 1;
    sc_result_init(res);
    bad = sc_journal_get_int(&v, o, "verdict") || v < 0
          || v >= SC_NUM_VERDICTS;
    res->verdict = (sc_verdict_t) v;
    bad = bad || sc_journal_get_ball(res->predicted, &res->has_predicted,
                                     json_object_get(o, "predicted"))
          || sc_journal_get_ball(res->observed, &res->has_observed,
                                 json_object_get(o, "observed"))
          || sc_journal_get_ball(res->slack, &res->has_slack,
                                 json_object_get(o, "slack"))
          || sc_journal_get_int(&res->step, o, "step")
          || sc_journal_get_int(&res->prec, o, "prec")
          || sc_journal_get_int(&res->steps, o, "steps");
    res->certificate = sc_report_intern(R, cert);
    snprintf(res->reason, SC_REASON_LEN, "%s", reason);
    json_array_foreach(ex, k, e)
    {
        json_int_t slot;
        const char * nm;
        json_t * val;
        int has;

        if (bad || json_unpack(e, "[Iso]", &slot, &nm, &val) != 0
            || slot < 0 || slot >= SC_MAX_EXTRA)
        {
            bad = 1;
            break;
        }
        i = (slong) slot;
        res->extra[i].name = sc_report_intern(R, nm);
        res->extra[i].set = 1;
        bad = sc_journal_get_ball(res->extra[i].value, &has, val) || !has;
    }
    if (!bad)
        sc_report_add_record(R, thm, name, file, replay,
                             strtoul(seed, NULL, 10), res);
    sc_result_clear(res);
    return bad;
}

/* Appends the records, float-view lines and figures of entry e to R. */
static int
sc_journal_restore_entry(sc_report_t R, json_t * e)
{
    json_t * recs = json_object_get(e, "records");
    json_t * fl = json_object_get(e, "float_view");
    json_t * figs = json_object_get(e, "figures"), * x;
    size_t i;

    if (!json_is_array(recs) || !json_is_array(fl) || !json_is_array(figs))
        return 1;
    json_array_foreach(recs, i, x)
        if (sc_journal_restore_record(R, x) != 0)
            return 1;
    json_array_foreach(fl, i, x)
    {
        if (!json_is_string(x))
            return 1;
        sc_report_add_float_line(R, json_string_value(x));
    }
    json_array_foreach(figs, i, x)
    {
        json_t * title = json_array_get(x, 0), * svg = json_array_get(x, 1);

        if (json_array_size(x) != 2 || !json_is_string(title)
            || (!json_is_string(svg) && !json_is_null(svg)))
            return 1;
        sc_report_add_figure(R, json_string_value(title),
                             json_string_value(svg));
    }
    return 0;
}

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
        == NULL || strcmp(sc_journal_get_str(*header, "format") != NULL
                          ? sc_journal_get_str(*header, "format") : "",
                          SC_JOURNAL_FORMAT) != 0))
    {
        snprintf(err, errlen, "%s: format: not a spikecheck journal", path);
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
        const char * f = sc_journal_get_str(e, "case_file");

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
                     sc_journal_get_str(have, "options") != NULL
                     ? sc_journal_get_str(have, "options") : "?");
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
    return sc_journal_restore_entry(R, e) == 0 ? 1 : -1;
}

int
sc_journal_append(sc_journal_t J, const sc_report_t R, const char * case_file,
                  slong rec0, slong float0, slong fig0)
{
    json_t * e = json_object(), * recs = json_array(), * fl = json_array();
    json_t * figs = json_array();
    slong i;
    int bad;

    for (i = rec0; i < R->len; i++)
        json_array_append_new(recs, sc_journal_record(R->rec + i));
    for (i = float0; i < R->nfloat; i++)
        json_array_append_new(fl, json_string(R->float_lines[i]));
    for (i = fig0; i < R->nfig; i++)
        json_array_append_new(figs, json_pack("[ss?]", R->fig_title[i],
                                              R->fig_svg[i]));
    json_object_set_new(e, "case_file", json_string(case_file));
    json_object_set_new(e, "records", recs);
    json_object_set_new(e, "float_view", fl);
    json_object_set_new(e, "figures", figs);
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
    const char * x = sc_journal_get_str(*(json_t * const *) a, "case_file");
    const char * y = sc_journal_get_str(*(json_t * const *) b, "case_file");

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
                     sc_journal_get_str(v[i], "case_file"));
            rc = SC_EINVAL;
        }
        else if (sc_journal_restore_entry(R, v[i]) != 0)
        {
            snprintf(err, errlen, "%s: entry of %s is damaged", parts[0],
                     sc_journal_get_str(v[i], "case_file") != NULL
                     ? sc_journal_get_str(v[i], "case_file") : "?");
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
