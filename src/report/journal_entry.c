/*
 * journal_entry.c -- one line of a journal: the records of one case with
 * their balls as arb_dump_str (a restored record prints the same digits as
 * the original), its float view and its figures, and the way back into a
 * report.  Paths and replay lines that are no UTF-8 are kept with their
 * invalid bytes as '?' (sc_report_json_str), as in the JSON report; the
 * journal's key of a case (journal.c) keeps every byte.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "report/report.h"
#include "report/journal.h"

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
    json_object_set_new(o, "case_file", sc_report_json_str(r->case_path));
    json_object_set_new(o, "seed", json_string(seed));
    json_object_set_new(o, "replay", sc_report_json_str(r->replay));
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
    json_object_set_new(o, "exercised", json_integer(s->exercised));
    json_object_set_new(o, "novalue", s->novalue != NULL
                        ? json_string(s->novalue) : json_null());
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

const char *
_sc_journal_str(json_t * o, const char * key)
{
    return json_string_value(json_object_get(o, key));
}

/* Appends record o to R; 0 on success. */
static int
sc_journal_restore_record(sc_report_t R, json_t * o)
{
    const sc_thm_struct * thm;
    const char * id = _sc_journal_str(o, "checker");
    const char * name = _sc_journal_str(o, "case");
    const char * file = _sc_journal_str(o, "case_file");
    const char * seed = _sc_journal_str(o, "seed");
    const char * replay = _sc_journal_str(o, "replay");
    const char * cert = _sc_journal_str(o, "certificate");
    const char * reason = _sc_journal_str(o, "reason");
    json_t * ex = json_object_get(o, "extra"), * e, * nov;
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
    bad = bad || sc_journal_get_int(&v, o, "exercised") || (v != 0 && v != 1);
    res->exercised = (int) v;
    nov = json_object_get(o, "novalue");
    bad = bad || !(json_is_null(nov) || json_is_string(nov));
    res->novalue = json_is_string(nov)
                   ? sc_report_intern(R, json_string_value(nov)) : NULL;
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

static json_t *
sc_journal_float(const sc_report_float_struct * f)
{
    const sc_float_view_struct * v = f->fv;
    json_t * steps = json_array();
    slong i;

    for (i = 0; i < v->ndiff; i++)
        json_array_append_new(steps, json_integer(v->steps[i]));
    return json_pack("{s:s,s:o,s:I,s:I,s:I,s:I,s:I,s:o}", "case",
                     f->case_name, "case_file",
                     sc_report_json_str(f->case_file), "fprec",
                     (json_int_t) v->fprec, "prec", (json_int_t) v->prec,
                     "compared", (json_int_t) v->compared, "undecided",
                     (json_int_t) v->undecided, "spurious",
                     (json_int_t) v->spurious, "steps", steps);
}

/* Appends the float view o to R; 0 on success. */
static int
sc_journal_restore_float(sc_report_t R, json_t * o)
{
    const char * name, * file;
    json_int_t fprec, prec, compared, undecided, spurious;
    json_t * steps, * t;
    sc_float_view_t fv;
    size_t i;
    int bad;

    bad = json_unpack(o, "{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:o}", "case",
                      &name, "case_file", &file, "fprec", &fprec, "prec",
                      &prec, "compared", &compared, "undecided", &undecided,
                      "spurious", &spurious, "steps", &steps) != 0
          || !json_is_array(steps);
    sc_float_view_init(fv);
    if (!bad)
    {
        fv->fprec = fprec;
        fv->prec = prec;
        fv->compared = compared;
        fv->undecided = undecided;
        fv->spurious = spurious;
        json_array_foreach(steps, i, t)
        {
            bad |= !json_is_integer(t);
            sc_float_view_push_step(fv, (slong) json_integer_value(t));
        }
    }
    if (!bad)
        sc_report_add_float(R, name, file, fv);
    sc_float_view_clear(fv);
    return bad;
}

static json_t *
sc_journal_figure(const sc_figure_struct * f)
{
    return json_pack("{s:o,s:s,s:s?,s:s?,s:s?}", "case_file",
                     sc_report_json_str(f->case_file), "title", f->title,
                     "note", f->note, "svg", f->svg,
                     "why", f->why);
}

/* *s = o[key], a string or null (NULL); nonzero when it is neither. */
static int
sc_journal_get_str_null(const char ** s, json_t * o, const char * key)
{
    json_t * v = json_object_get(o, key);

    *s = json_string_value(v);
    return !json_is_string(v) && !json_is_null(v);
}

/* Appends the figure o to R with add; 0 on success. */
static int
sc_journal_restore_figure(sc_report_t R, json_t * o,
                          void (*add)(sc_report_t, const char *,
                                      const char *, const char *,
                                      const char *, const char *))
{
    const char * file = _sc_journal_str(o, "case_file");
    const char * title = _sc_journal_str(o, "title");
    const char * note, * svg, * why;

    if (file == NULL || title == NULL
        || sc_journal_get_str_null(&note, o, "note")
        || sc_journal_get_str_null(&svg, o, "svg")
        || sc_journal_get_str_null(&why, o, "why"))
        return 1;
    add(R, file, title, note, svg, why);
    return 0;
}

int
_sc_journal_restore_entry(sc_report_t R, json_t * e)
{
    json_t * recs = json_object_get(e, "records");
    json_t * fl = json_object_get(e, "float_view");
    json_t * figs = json_object_get(e, "figures"), * x;
    json_t * f3 = json_object_get(e, "figure3");
    size_t i;

    if (!json_is_array(recs) || !json_is_array(fl) || !json_is_array(figs)
        || !json_is_array(f3))
        return 1;
    json_array_foreach(recs, i, x)
        if (sc_journal_restore_record(R, x) != 0)
            return 1;
    json_array_foreach(fl, i, x)
        if (sc_journal_restore_float(R, x) != 0)
            return 1;
    json_array_foreach(figs, i, x)
        if (sc_journal_restore_figure(R, x, sc_report_add_figure) != 0)
            return 1;
    json_array_foreach(f3, i, x)
        if (sc_journal_restore_figure(R, x, sc_report_add_figure3) != 0)
            return 1;
    return 0;
}

json_t *
_sc_journal_entry(const sc_report_t R, const char * case_file, slong rec0,
                  slong float0, slong fig0, slong f30)
{
    json_t * e = json_object(), * recs = json_array(), * fl = json_array();
    json_t * figs = json_array(), * f3 = json_array();
    slong i;

    for (i = rec0; i < R->len; i++)
        json_array_append_new(recs, sc_journal_record(R->rec + i));
    for (i = float0; i < R->nfloat; i++)
        json_array_append_new(fl, sc_journal_float(R->fl + i));
    for (i = fig0; i < R->nfig; i++)
        json_array_append_new(figs, sc_journal_figure(R->fig + i));
    json_object_set_new(e, "case_file", sc_report_json_str(case_file));
    json_object_set_new(e, "records", recs);
    json_object_set_new(e, "float_view", fl);
    for (i = f30; i < R->nf3; i++)
        json_array_append_new(f3, sc_journal_figure(R->f3 + i));
    json_object_set_new(e, "figures", figs);
    json_object_set_new(e, "figure3", f3);
    return e;
}
