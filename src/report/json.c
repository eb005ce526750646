/*
 * json.c -- the JSON report (HARNESS.md "Stable interface"): one record per
 * verdict.  Numbers are decimal strings of the certified balls' midpoints
 * (17 digits, fewer when the ball is wider: only digits it makes certain)
 * so that identical inputs give identical bytes on every machine; nothing
 * time- or host-dependent is written.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <mpfr.h>
#include "flint/flint.h"
#include "report/report.h"
#include "num/num.h"

static json_t *
sc_json_num(int has, const arb_t x)
{
    char * s;
    json_t * j;

    if (!has)
        return json_null();
    s = sc_num_get_str_certain(x, 17);
    j = sc_report_json_str(s);
    flint_free(s);
    return j;
}

static json_t *
sc_json_versions(void)
{
    json_t * v = json_object();

    json_object_set_new(v, "spikecheck", sc_report_json_str(SC_VERSION));
    json_object_set_new(v, "mpfr", sc_report_json_str(mpfr_get_version()));
    json_object_set_new(v, "arb", sc_report_json_str(arb_version));
    json_object_set_new(v, "flint", sc_report_json_str(flint_version));
    json_object_set_new(v, "gmp", sc_report_json_str(gmp_version));
    return v;
}

char *
sc_report_versions(void)
{
    json_t * v = sc_json_versions();
    char * s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    char * r = flint_malloc(strlen(s) + 1);

    strcpy(r, s);
    free(s);
    json_decref(v);
    return r;
}

static json_t *
sc_json_record(const sc_record_struct * r)
{
    json_t * o = json_object(), * ex = json_object();
    const sc_result_struct * s = r->res;
    slong i;

    json_object_set_new(o, "checker", sc_report_json_str(r->thm->id));
    json_object_set_new(o, "statement",
                        sc_report_json_str(sc_thm_statement(r->thm)));
    json_object_set_new(o, "case", sc_report_json_str(r->case_name));
    json_object_set_new(o, "case_file", sc_report_json_str(r->case_path));
    json_object_set_new(o, "verdict", sc_report_json_str(sc_verdict_name(s->verdict)));
    json_object_set_new(o, "provenance", sc_report_json_str(r->thm->provenance));
    json_object_set_new(o, "source", sc_report_json_str(r->thm->source));
    json_object_set_new(o, "predicted", sc_json_num(s->has_predicted,
                                                    s->predicted));
    json_object_set_new(o, "observed", sc_json_num(s->has_observed,
                                                   s->observed));
    json_object_set_new(o, "slack", sc_json_num(s->has_slack, s->slack));
    json_object_set_new(o, "precision", json_integer(s->prec));
    json_object_set_new(o, "steps", json_integer(s->steps));
    json_object_set_new(o, "step", s->step >= 0 ? json_integer(s->step)
                                                : json_null());
    json_object_set_new(o, "seed", json_integer((json_int_t) r->seed));
    json_object_set_new(o, "certificate", sc_report_json_str(s->certificate));
    json_object_set_new(o, "exercised", s->verdict == SC_HOLDS
                        ? json_boolean(s->exercised) : json_null());
    json_object_set_new(o, "failed_hypothesis", s->failed != NULL
                        ? sc_report_json_str(s->failed) : json_null());
    json_object_set_new(o, "reason", sc_report_json_str(s->reason));
    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (s->extra[i].set)
            json_object_set_new(ex, s->extra[i].name,
                                sc_json_num(1, s->extra[i].value));
    if (s->novalue != NULL)
        json_object_set_new(ex, "no_value", sc_report_json_str(s->novalue));
    json_object_set_new(o, "extra", ex);
    json_object_set_new(o, "replay", sc_report_json_str(r->replay));
    return o;
}

/* The float view of a case as numbers (the "float_view" line's
   source). */
static json_t *
sc_json_float(const sc_report_float_struct * f)
{
    const sc_float_view_struct * v = f->fv;
    json_t * o = json_object(), * steps = json_array();
    slong i;

    for (i = 0; i < v->ndiff; i++)
        json_array_append_new(steps, json_integer(v->steps[i]));
    json_object_set_new(o, "case", sc_report_json_str(f->case_name));
    json_object_set_new(o, "case_file", sc_report_json_str(f->case_file));
    json_object_set_new(o, "precision", json_integer(v->fprec));
    json_object_set_new(o, "certified_precision", json_integer(v->prec));
    json_object_set_new(o, "compared", json_integer(v->compared));
    json_object_set_new(o, "undecided", json_integer(v->undecided));
    json_object_set_new(o, "differing", json_integer(v->ndiff));
    json_object_set_new(o, "spurious_rising", json_integer(v->spurious));
    json_object_set_new(o, "first_differing", v->ndiff > 0
                        ? json_integer(v->steps[0]) : json_null());
    json_object_set_new(o, "steps", steps);
    return o;
}

int
sc_report_write_json(FILE * out, const sc_report_t R)
{
    json_t * root = json_object(), * arr = json_array(), * fl = json_array();
    json_t * fr = json_array();
    char line[1024];
    slong i;
    int rc;

    json_object_set_new(root, "format", sc_report_json_str("spikecheck-report/1"));
    json_object_set_new(root, "versions", sc_json_versions());
    for (i = 0; i < R->len; i++)
        json_array_append_new(arr, sc_json_record(R->rec + i));
    json_object_set_new(root, "results", arr);
    for (i = 0; i < R->nfloat; i++)
    {
        sc_report_float_line(line, sizeof(line), R->fl + i);
        json_array_append_new(fl, sc_report_json_str(line));
        json_array_append_new(fr, sc_json_float(R->fl + i));
    }
    json_object_set_new(root, "float_view", fl);
    json_object_set_new(root, "float_view_records", fr);
    rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    return rc == 0 ? SC_OK : SC_EIO;
}
