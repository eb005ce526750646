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

/*
 * Lemma 6's criterion along the certified full-GD run (figure3/f3_lambda.c):
 * Lambda_t and its certified sign per step, where rho_{t+1} > rho_t iff
 * Lambda_t > 0 ([L6], any Sigma).  Doubles only carry the curve to the
 * plot; the signs are decided on balls.
 */
typedef struct
{
    int defined;            /* a reference direction and plain GD */
    int decided;            /* every sign decided by the cap */
    slong len, prec;        /* steps 0 .. len - 1; the precision used */
    double * lam;           /* Lambda_t (display) */
    int * sign;             /* +1 / -1 certified, 0 undecided, 2 outside
                               Lemma 6 (a_t <= 0 or a_t + eta q_t <= 0) */
    slong change;           /* first t with sign -1 at t - 1 and +1 at t */
    slong first_pos;        /* first t with sign +1 (-1 none) */
    slong undecided;        /* steps whose sign is undecided */
}
sc_f3_lambda_struct;

void sc_f3_lambda_init(sc_f3_lambda_struct * L, sc_ctx_t ctx, slong prec0,
                       slong prec_max);
void sc_f3_lambda_clear(sc_f3_lambda_struct * L);

/*
 * The learning-rate sweep of a case (figure3/f3_sweep.c): the case at
 * eta x p/q for fixed rational factors, each run certified, with its [F3]
 * spike.  A record for the plot of onset and spike height against eta.
 */
#define SC_F3_SWEEP_N 7         /* eta x 1/4, 1/2, 3/4, 1, 3/2, 2, 4 */

typedef enum
{
    SC_F3_SWEEP_SPIKE = 0,      /* a spike, certified */
    SC_F3_SWEEP_NONE,           /* no spike within the horizon, certified */
    SC_F3_SWEEP_UNDECIDED,      /* a loss comparison undecided at the cap */
    SC_F3_SWEEP_STOPPED         /* the enclosure stopped before the horizon */
}
sc_f3_sweep_status_t;

typedef struct
{
    slong p, q;             /* the factor p/q of the case's eta */
    double eta;             /* eta x p/q (display) */
    sc_f3_sweep_status_t status;
    slong onset, peak;      /* the spike's steps, -1 without one */
    double ratio;           /* L_peak / L_onset (display), 0 without one */
    slong prec, len;        /* the last precision tried, its states */
}
sc_f3_sweep_point_struct;

typedef struct
{
    slong n;
    sc_f3_sweep_point_struct pt[SC_F3_SWEEP_N];
}
sc_f3_sweep_struct;

/* Runs the sweep of case c at precisions prec0 .. prec_max (no state is
   kept: nothing to clear). */
void sc_f3_sweep_init(sc_f3_sweep_struct * W, const sc_case_struct * c,
                      slong prec0, slong prec_max);

#endif
