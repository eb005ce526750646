/*
 * figure3.h -- the paper's Section 6 / Figure 3 ([F3]) and the float view:
 * the certified run beside a float run of the same case.
 */
#ifndef SC_THEOREMS_FIGURE3_H
#define SC_THEOREMS_FIGURE3_H

#include "theorems/core/core.h"

/*
 * The float view of a case (figure3/float_view.c): the rising/falling
 * decisions of an uncertified floating-point full-GD run at fprec bits
 * beside the certified ones.  A record; the reports format it.
 */
typedef struct
{
    slong fprec;            /* the float run's precision (53 = float64) */
    slong prec;             /* the certified run's precision */
    slong compared;         /* steps of the common horizon */
    slong undecided;        /* of them, certified flags undecided (skipped;
                               undefined ones, where rho does not exist,
                               are skipped and not counted) */
    slong spurious;         /* differing steps where the float run rises */
    slong * steps;          /* the steps whose decision differs, in order */
    slong ndiff;            /* their number */
}
sc_float_view_struct;

typedef sc_float_view_struct sc_float_view_t[1];

void sc_float_view_init(sc_float_view_t fv);
void sc_float_view_clear(sc_float_view_t fv);
void sc_float_view_set(sc_float_view_t dst, const sc_float_view_t src);

/* Appends t to fv's differing steps (for readers of a stored record). */
void sc_float_view_push_step(sc_float_view_t fv, slong t);

/* Sets fv to the float view of the case of ctx at fprec bits; the
   certified flags at prec0 .. prec_max bits. */
void sc_float_view(sc_float_view_t fv, sc_ctx_t ctx, slong fprec,
                   slong prec0, slong prec_max);

/* [F3] Section 6 / Figure 3 (theorems/f3_figure3.c) */
int sc_thm_f3_check(sc_result_t res, sc_ctx_t ctx, slong prec);

/* The delayed spike of [F3] on trajectory T: its onset and peak steps (-1
   when there is none) and ratio = L_peak / L_onset.  SC_UNABLE when a loss
   comparison of T is undecided. */
int sc_thm_f3_spike(slong * onset, slong * peak, arb_t ratio,
                    const sc_traj_struct * T, slong prec) SC_WARN_UNUSED;

/*
 * The Figure 3 view (figure3/f3_view.c): the certified full-GD run of a
 * case beside its float run at fprec bits, as doubles for the plots, with
 * where they part.  Decisions are made on the balls; doubles only carry
 * the curves to gnuplot.
 */
typedef struct
{
    slong len, prec;        /* common length; certified precision */
    int has_ref;            /* rho, h, Theta exist (reference direction) */
    double * rho_c, * rho_f, * h_c, * h_f, * theta_c, * loss_c, * loss_f,
           * gamma_c, * gamma_f, * W_c, * W_f;
    slong onset_c, peak_c, onset_f, peak_f;     /* [F3] spikes, -1 none */
    double ratio_c, ratio_f;
    slong loss_flag;        /* first step whose loss rise/fall differs */
    slong rho_flag;         /* first step whose rho rising flag differs */
    slong rho_flags;        /* how many rho flags differ */
    slong leave;            /* first state outside the certified enclosure */
    slong visible;          /* first step with |L_float - L| > L / 100 */
    int undecided;          /* some certified flag undecided at the cap */
}
sc_f3_view_struct;

void sc_f3_view_init(sc_f3_view_struct * V, sc_ctx_t ctx, slong fprec,
                     slong prec0, slong prec_max);
void sc_f3_view_clear(sc_f3_view_struct * V);

#endif
