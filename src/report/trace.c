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
sc_report_trace_row(FILE * out, const sc_traj_struct * T, slong t,
                    slong digits)
{
    slong s = sc_traj_slot(T, t);

    fprintf(out, "%ld", (long) t);
    sc_trace_field(out, T->a + s, digits);
    sc_trace_field(out, T->b + s, digits);
    sc_trace_field(out, T->rho + s, digits);
    sc_trace_field(out, T->gamma + s, digits);
    sc_trace_field(out, T->W + s, digits);
    sc_trace_field(out, T->h + s, digits);
    sc_trace_field(out, T->loss + s, digits);
    if (t + 1 < T->len)
        fprintf(out, ",%s\n", T->rising[s] == SC_TRUE ? "1"
                              : T->rising[s] == SC_FALSE ? "0" : "?");
    else
        fprintf(out, ",\n");
}

void
sc_report_write_trace(FILE * out, const sc_traj_struct * T, slong digits)
{
    slong t;

    sc_report_trace_header(out);
    for (t = 0; t < T->len; t++)
        sc_report_trace_row(out, T, t, digits);
}
