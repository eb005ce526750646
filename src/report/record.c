/*
 * record.c -- the list of verdict records a run produces.
 */
#include <string.h>
#include <stdio.h>
#include "report/report.h"

static char *
sc_strdup(const char * s)
{
    size_t n = strlen(s) + 1;
    char * r = flint_malloc(n);

    memcpy(r, s, n);
    return r;
}

/* NULL stays NULL */
static char *
sc_strdup_null(const char * s)
{
    return s != NULL ? sc_strdup(s) : NULL;
}

static void
sc_figures_push(sc_figure_struct ** v, slong * n, const char * case_file,
                const char * title, const char * note, const char * svg,
                const char * why)
{
    sc_figure_struct * f;

    *v = flint_realloc(*v, (*n + 1) * sizeof(sc_figure_struct));
    f = *v + (*n)++;
    f->case_file = sc_strdup(case_file);
    f->title = sc_strdup(title);
    f->note = sc_strdup_null(note);
    f->svg = sc_strdup_null(svg);
    f->why = sc_strdup_null(why);
}

static void
sc_figures_clear(sc_figure_struct * v, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
    {
        flint_free(v[i].why);
        flint_free(v[i].svg);
        flint_free(v[i].note);
        flint_free(v[i].title);
        flint_free(v[i].case_file);
    }
    flint_free(v);
}

void
sc_report_init(sc_report_t R)
{
    R->rec = NULL;
    R->len = R->alloc = 0;
    R->fl = NULL;
    R->nfloat = 0;
    R->fig = R->f3 = NULL;
    R->nfig = R->nf3 = 0;
    R->pool = NULL;
    R->npool = 0;
}

void
sc_report_clear(sc_report_t R)
{
    slong i;

    for (i = 0; i < R->len; i++)
    {
        sc_result_clear(R->rec[i].res);
        flint_free(R->rec[i].replay);
        flint_free(R->rec[i].case_path);
        flint_free(R->rec[i].case_name);
    }
    flint_free(R->rec);
    for (i = 0; i < R->nfloat; i++)
    {
        sc_float_view_clear(R->fl[i].fv);
        flint_free(R->fl[i].case_file);
        flint_free(R->fl[i].case_name);
    }
    flint_free(R->fl);
    sc_figures_clear(R->fig, R->nfig);
    sc_figures_clear(R->f3, R->nf3);
    for (i = 0; i < R->npool; i++)
        flint_free(R->pool[i]);
    flint_free(R->pool);
}

void
sc_report_add_figure3(sc_report_t R, const char * case_file,
                      const char * title, const char * note,
                      const char * svg, const char * why)
{
    sc_figures_push(&R->f3, &R->nf3, case_file, title, note, svg, why);
}

const char *
sc_report_intern(sc_report_t R, const char * s)
{
    slong i;

    for (i = 0; i < R->npool; i++)
        if (strcmp(R->pool[i], s) == 0)
            return R->pool[i];
    R->pool = flint_realloc(R->pool, (R->npool + 1) * sizeof(char *));
    R->pool[R->npool] = sc_strdup(s);
    return R->pool[R->npool++];
}

void
sc_report_add_figure(sc_report_t R, const char * case_file,
                     const char * title, const char * note,
                     const char * svg, const char * why)
{
    sc_figures_push(&R->fig, &R->nfig, case_file, title, note, svg, why);
}

static void
sc_result_copy(sc_result_t dst, const sc_result_t src)
{
    slong i;

    dst->verdict = src->verdict;
    arb_set(dst->predicted, src->predicted);
    arb_set(dst->observed, src->observed);
    arb_set(dst->slack, src->slack);
    dst->has_predicted = src->has_predicted;
    dst->has_observed = src->has_observed;
    dst->has_slack = src->has_slack;
    dst->step = src->step;
    dst->prec = src->prec;
    dst->steps = src->steps;
    dst->certificate = src->certificate;
    dst->exercised = src->exercised;
    dst->novalue = src->novalue;
    dst->failed = src->failed;
    memcpy(dst->reason, src->reason, SC_REASON_LEN);
    for (i = 0; i < SC_MAX_EXTRA; i++)
    {
        dst->extra[i].name = src->extra[i].name;
        dst->extra[i].set = src->extra[i].set;
        arb_set(dst->extra[i].value, src->extra[i].value);
    }
}

void
sc_report_add_record(sc_report_t R, const sc_thm_struct * thm,
                     const char * case_name, const char * case_path,
                     const char * replay, ulong seed, const sc_result_t res)
{
    sc_record_struct * r;

    if (R->len == R->alloc)
    {
        R->alloc = FLINT_MAX(16, 2 * R->alloc);
        R->rec = flint_realloc(R->rec, R->alloc * sizeof(sc_record_struct));
    }
    r = R->rec + R->len++;
    r->thm = thm;
    r->case_name = sc_strdup(case_name);
    r->case_path = sc_strdup(case_path);
    r->replay = sc_strdup(replay);
    r->seed = seed;
    sc_result_init(r->res);
    sc_result_copy(r->res, res);
}

void
sc_report_add(sc_report_t R, const sc_thm_struct * thm, const sc_case_t c,
              const sc_result_t res, int from_first, const char * scale,
              slong prec_max)
{
    char * replay = sc_report_replay_line(thm->id, from_first, scale,
                                          prec_max,
                                          c->path != NULL ? c->path : "CASE");

    sc_report_add_record(R, thm, c->name != NULL ? c->name : "",
                         c->path != NULL ? c->path : "", replay, c->seed,
                         res);
    flint_free(replay);
}

void
sc_report_add_float(sc_report_t R, const char * case_name,
                    const char * case_file, const sc_float_view_t fv)
{
    sc_report_float_struct * f;

    R->fl = flint_realloc(R->fl, (R->nfloat + 1)
                                 * sizeof(sc_report_float_struct));
    f = R->fl + R->nfloat++;
    f->case_name = sc_strdup(case_name);
    f->case_file = sc_strdup(case_file);
    sc_float_view_init(f->fv);
    sc_float_view_set(f->fv, fv);
}

void
sc_report_counts(slong counts[SC_NUM_VERDICTS], const sc_report_t R)
{
    slong i;

    for (i = 0; i < SC_NUM_VERDICTS; i++)
        counts[i] = 0;
    for (i = 0; i < R->len; i++)
        counts[R->rec[i].res->verdict]++;
}

int
sc_report_utf8_len(const unsigned char * s)
{
    int n, i;

    if (s[0] < 0x80)
        return 1;
    n = (s[0] >= 0xc2 && s[0] <= 0xdf) ? 2 : (s[0] >= 0xe0 && s[0] <= 0xef)
        ? 3 : (s[0] >= 0xf0 && s[0] <= 0xf4) ? 4 : 0;
    for (i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((n == 3 && s[0] == 0xe0 && s[1] < 0xa0)
        || (n == 3 && s[0] == 0xed && s[1] >= 0xa0)
        || (n == 4 && s[0] == 0xf0 && s[1] < 0x90)
        || (n == 4 && s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    return n;
}

json_t *
sc_report_json_str(const char * s)
{
    const unsigned char * u = (const unsigned char *) s;
    json_t * j = json_string(s);
    char * t;
    size_t i = 0;
    int n;

    if (j != NULL)
        return j;
    t = flint_malloc(strlen(s) + 1);
    while (*u != '\0')
    {
        n = sc_report_utf8_len(u);
        if (n == 0)
        {
            t[i++] = '?';
            u++;
        }
        else
        {
            memcpy(t + i, u, n);
            i += n;
            u += n;
        }
    }
    t[i] = '\0';
    j = json_string(t);
    flint_free(t);
    return j;
}

void
sc_report_filter(sc_report_t R,
                 int (*keep)(const sc_record_struct * r, void * arg),
                 void * arg)
{
    slong i, n = 0;

    for (i = 0; i < R->len; i++)
    {
        if (!keep(R->rec + i, arg))
        {
            sc_result_clear(R->rec[i].res);
            flint_free(R->rec[i].replay);
            flint_free(R->rec[i].case_path);
            flint_free(R->rec[i].case_name);
            continue;
        }
        /* a move: the slot left behind is never read again */
        if (n < i)
            memcpy(R->rec + n, R->rec + i, sizeof(sc_record_struct));
        n++;
    }
    R->len = n;
}
