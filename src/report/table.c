/*
 * table.c -- the terminal table and the per-checker summary.
 */
#include <stdlib.h>
#include <string.h>
#include "report/report.h"
#include "num/num.h"

static void
sc_print_num(FILE * out, int has, const arb_t x, int width)
{
    char * s;

    if (!has)
    {
        fprintf(out, " %*s", width, "-");
        return;
    }
    s = sc_num_get_str_certain(x, 6);
    fprintf(out, " %*s", width, s);
    flint_free(s);
}

void
sc_report_print_table(FILE * out, const sc_report_t R, int all)
{
    slong i;
    int header = 0, w = sc_thm_id_width();

    for (i = 0; i < R->len; i++)
    {
        const sc_record_struct * r = R->rec + i;

        if (!all && r->res->verdict != SC_VIOLATED
            && r->res->verdict != SC_UNDECIDED)
            continue;
        if (!header)
        {
            fprintf(out, "%-*s %-28s %-14s %12s %12s %10s %5s  %s\n",
                    w, "check", "case", "verdict", "predicted", "observed",
                    "slack", "bits", "reason");
            header = 1;
        }
        fprintf(out, "%-*s %-28.28s %-14s", w, r->thm->id, r->case_name,
                sc_verdict_name(r->res->verdict));
        sc_print_num(out, r->res->has_predicted, r->res->predicted, 12);
        sc_print_num(out, r->res->has_observed, r->res->observed, 12);
        sc_print_num(out, r->res->has_slack, r->res->slack, 10);
        fprintf(out, " %5ld  %s\n", (long) r->res->prec, r->res->reason);
        if (r->res->verdict == SC_VIOLATED || r->res->verdict == SC_UNDECIDED)
            fprintf(out, "      replay: %s\n", r->replay);
    }
}

static int
sc_cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* heuristic: display only; the certified values are in the records */
static double
sc_quantile_heuristic(const double * v, slong n, double q)
{
    slong k = (slong) (q * (n - 1) + 0.5);

    return v[k];
}

slong
sc_report_checker_stats(slong cnt[SC_NUM_VERDICTS], double q[4],
                        const sc_report_t R, const sc_thm_struct * thm)
{
    slong i, k, n = 0;
    double * v = flint_malloc((R->len + 1) * sizeof(double));

    for (k = 0; k < SC_NUM_VERDICTS; k++)
        cnt[k] = 0;
    for (i = 0; i < R->len; i++)
    {
        const sc_record_struct * r = R->rec + i;

        if (r->thm != thm)
            continue;
        cnt[r->res->verdict]++;
        if (r->res->verdict == SC_HOLDS && r->res->has_slack
            && arb_is_finite(r->res->slack))
            v[n++] = sc_num_get_d_heuristic(r->res->slack);
    }
    if (n > 0)
    {
        qsort(v, n, sizeof(double), sc_cmp_double);
        q[0] = v[0];
        q[1] = sc_quantile_heuristic(v, n, 0.5);
        q[2] = sc_quantile_heuristic(v, n, 0.9);
        q[3] = v[n - 1];
    }
    flint_free(v);
    return n;
}

slong
sc_report_vacuous(const sc_report_t R, const sc_thm_struct * thm)
{
    slong i, n = 0;

    for (i = 0; i < R->len; i++)
        n += R->rec[i].thm == thm && R->rec[i].res->verdict == SC_HOLDS
             && !R->rec[i].res->exercised;
    return n;
}
