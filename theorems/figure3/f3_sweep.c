/*
 * f3_sweep.c -- the learning-rate sweep of a Figure 3 case: the same case
 * at eta x f for the fixed rational factors f of SC_F3_SWEEP_FACTORS, each
 * run certified (full GD in balls at doubling precision, as [F3] runs),
 * with the [F3] spike of each run (core/spike.c: onset step and loss ratio
 * L_peak / L_onset), for the plot of onset and spike height against eta.
 *
 * Why fixed rational factors of the case's own eta: the sweep is then
 * exact data like the case itself (eta x f is a rational), reproducible,
 * and brackets the committed run on both sides.  A run whose enclosure
 * stops before the horizon, or whose spike stays undecided at the cap, is
 * reported as such, never as "no spike".
 */
#include <string.h>
#include "theorems/figure3/figure3.h"
#include "num/num.h"

static const slong sc_f3_sweep_factors[SC_F3_SWEEP_N][2] =
{
    { 1, 4 }, { 1, 2 }, { 3, 4 }, { 1, 1 }, { 3, 2 }, { 2, 1 }, { 4, 1 }
};

/* dst = src with eta scaled by p/q (a case built in memory: no path, no
   digest, no figures); dst is initialised here. */
static void
sc_f3_sweep_case(sc_case_t dst, const sc_case_struct * src, slong p, slong q)
{
    fmpq_t r;

    sc_case_init(dst);
    sc_case_copy(dst, src);
    sc_case_set_path(dst, NULL);
    dst->digest[0] = '\0';
    dst->figures = 0;
    fmpq_init(r);
    fmpq_set_si(r, p, (ulong) q);
    fmpq_mul(dst->eta, dst->eta, r);
    fmpq_clear(r);
}

typedef struct
{
    sc_ctx_struct * ctx;
    sc_f3_sweep_point_struct * pt;
}
sc_f3_sweep_attempt_struct;

/* decided when the run reaches the horizon and its spike is decided */
static int
sc_f3_sweep_attempt(void * arg, slong prec, int last)
{
    sc_f3_sweep_attempt_struct * a = arg;
    const sc_traj_struct * T = sc_ctx_full(a->ctx, prec);
    sc_spike_t S;
    sc_result_t tmp;
    int status;

    (void) last;
    a->pt->prec = prec;
    a->pt->len = T->len;
    if (T->len < a->ctx->cs->steps + 1)
    {
        a->pt->status = SC_F3_SWEEP_STOPPED;
        return SC_UNABLE;
    }
    sc_spike_init(S);
    sc_result_init(tmp);
    status = sc_spike_find(S, tmp, T->loss, T->len, prec);
    a->pt->status = status != SC_OK ? SC_F3_SWEEP_UNDECIDED : S->onset < 0
                    ? SC_F3_SWEEP_NONE : SC_F3_SWEEP_SPIKE;
    a->pt->onset = S->onset;
    a->pt->peak = S->peak;
    a->pt->ratio = S->onset >= 0 ? sc_num_get_d_heuristic(S->ratio) : 0;
    sc_result_clear(tmp);
    sc_spike_clear(S);
    return status;
}

void
sc_f3_sweep_init(sc_f3_sweep_struct * W, const sc_case_struct * c,
                 slong prec0, slong prec_max)
{
    slong k;

    memset(W, 0, sizeof(*W));
    W->n = SC_F3_SWEEP_N;
    for (k = 0; k < W->n; k++)
    {
        sc_f3_sweep_point_struct * pt = W->pt + k;
        sc_f3_sweep_attempt_struct a;
        sc_case_t ck;
        sc_ctx_t ctx;

        pt->p = sc_f3_sweep_factors[k][0];
        pt->q = sc_f3_sweep_factors[k][1];
        pt->onset = pt->peak = -1;
        sc_f3_sweep_case(ck, c, pt->p, pt->q);
        pt->eta = fmpq_get_d(ck->eta);     /* heuristic: display only */
        sc_ctx_init(ctx, ck);
        a.ctx = ctx;
        a.pt = pt;
        sc_escalate(NULL, prec0, prec_max, sc_f3_sweep_attempt, &a);
        sc_ctx_clear(ctx);
        sc_case_clear(ck);
    }
}
