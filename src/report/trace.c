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
sc_report_write_trace(FILE * out, const sc_traj_struct * T, slong digits)
{
    slong t;

    fprintf(out, "t,a,b,rho,gamma,W,h,loss,rising\n");
    for (t = 0; t < T->len; t++)
    {
        fprintf(out, "%ld", (long) t);
        sc_trace_field(out, T->a + t, digits);
        sc_trace_field(out, T->b + t, digits);
        sc_trace_field(out, T->rho + t, digits);
        sc_trace_field(out, T->gamma + t, digits);
        sc_trace_field(out, T->W + t, digits);
        sc_trace_field(out, T->h + t, digits);
        sc_trace_field(out, T->loss + t, digits);
        if (t + 1 < T->len)
            fprintf(out, ",%s\n", T->rising[t] == SC_TRUE ? "1"
                                  : T->rising[t] == SC_FALSE ? "0" : "?");
        else
            fprintf(out, ",\n");
    }
}
