/*
 * trace.c -- the per-step CSV of HARNESS.md: t,a,b,rho,gamma,W,h,loss,rising.
 * rising is 1 / 0 as certified, "?" when the enclosure cannot decide.
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

void
sc_report_trace_row(FILE * out, const sc_traj_struct * T, slong t,
                    slong digits)
{
    slong s = sc_traj_slot(T, t), i;
    arb_srcptr v[SC_TRACE_VALUES];

    sc_report_trace_values(v, T, t);
    fprintf(out, "%ld", (long) t);
    for (i = 0; i < SC_TRACE_VALUES; i++)
        sc_trace_field(out, v[i], digits);
    if (t + 1 < T->len)
        fprintf(out, ",%s\n", T->rising[s] == SC_TRUE ? "1"
                              : T->rising[s] == SC_FALSE ? "0" : "?");
    else
        fprintf(out, ",\n");
}
