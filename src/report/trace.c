/*
 * trace.c -- the per-step CSV of HARNESS.md: t,a,b,rho,gamma,W,h,loss,rising.
 * rising is 1 / 0 as certified, "?" when the enclosure cannot decide,
 * "-" where rho is not defined (no reference direction, or a <= 0).
 */
#include "report/report.h"
#include "num/num.h"

static void
sc_trace_field(FILE * out, const arb_t x, slong digits)
{
    char * s = sc_num_get_str(x, digits);

    fprintf(out, ",%s", s);
    flint_free(s);
}

void
sc_report_trace_header(FILE * out)
{
    fprintf(out, "t,a,b,rho,gamma,W,h,loss,rising\n");
}

void
sc_report_trace_values(arb_srcptr v[SC_TRACE_VALUES],
                       const sc_traj_struct * T, slong t)
{
    slong s = sc_traj_slot(T, t);

    v[0] = T->a + s;
    v[1] = T->b + s;
    v[2] = T->rho + s;
    v[3] = T->gamma + s;
    v[4] = T->W + s;
    v[5] = T->h + s;
    v[6] = T->loss + s;
}

char
sc_report_trace_flag(const sc_traj_struct * T, slong t)
{
    sc_truth_t r = T->rising[sc_traj_slot(T, t)];

    if (r == SC_TRUE)
        return '1';
    if (r == SC_FALSE)
        return '0';
    if (sc_traj_rho_undefined(T, t) || sc_traj_rho_undefined(T, t + 1))
        return '-';
    return '?';
}

void
sc_report_trace_row(FILE * out, const sc_traj_struct * T, slong t,
                    slong digits)
{
    slong i;
    arb_srcptr v[SC_TRACE_VALUES];

    sc_report_trace_values(v, T, t);
    fprintf(out, "%ld", (long) t);
    for (i = 0; i < SC_TRACE_VALUES; i++)
        sc_trace_field(out, v[i], digits);
    if (t + 1 < T->len)
        fprintf(out, ",%c\n", sc_report_trace_flag(T, t));
    else
        fprintf(out, ",\n");
}
