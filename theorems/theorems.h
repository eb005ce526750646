/*
 * theorems.h -- the checker interface (sc_thm_*), the run context every
 * checker reads its case from, and the registry of statements.
 *
 * A checker is one function
 *     int sc_thm_<id>_check(sc_result_t res, sc_ctx_t ctx, slong prec);
 * that verifies the statement's hypotheses and conclusion on one case at
 * one precision.  It returns SC_OK with res->verdict set (HOLDS, VIOLATED,
 * NOT-APPLICABLE, or UNDECIDED when the step horizon ran out), or
 * SC_UNABLE with res->reason saying what could not be separated; the
 * precision is then doubled in exactly one place, sc_thm_run.
 *
 * Checkers never compute dynamics themselves: they ask the context for the
 * full-GD or reduced trajectory at a precision, and the context computes
 * each (kind, precision) once per case.
 */
#ifndef SC_THEOREMS_H
#define SC_THEOREMS_H

#include "spikecheck.h"
#include "cases/cases.h"
#include "data/data.h"
#include "dyn/dyn.h"

/* Two kinds x at most 13 precisions (16 .. 65536 bits, doubling) fit, so
   no trajectory a checker holds is ever recycled under it. */
#define SC_CTX_CACHE 32

typedef struct
{
    sc_traj_kind_t kind;
    slong prec;
    int status;             /* SC_OK or SC_DOMAIN (reduced not applicable) */
    sc_traj_struct * T;
}
sc_ctx_entry_struct;

typedef struct
{
    const sc_case_struct * cs;  /* not owned */
    sc_data_t data;
    int from_first;         /* [T2.x]: reference time = first t with H2 */
    /* Negative-test hook (STYLE.md rule 21): every checker multiplies the
       bound or identity side it checks by this factor.  It is 1 in every
       run of the tool; tests set it to show that each checker can fail. */
    fmpq_t factor;
    slong ncache;
    sc_ctx_entry_struct cache[SC_CTX_CACHE];
    char why[SC_REASON_LEN];
    /* BEYOND.md s.2-3: the sharpness states S1, N1, N3 share
       (theorems/sharp_cache.c; NULL until one is asked for) */
    struct sc_sharp_cache_struct * sharp;
}
sc_ctx_struct;

typedef sc_ctx_struct sc_ctx_t[1];

/* Derives the exact data facts of c; c must outlive ctx. */
void sc_ctx_init(sc_ctx_t ctx, const sc_case_t c);
void sc_ctx_clear(sc_ctx_t ctx);

/* The certified full-GD trajectory at prec (computed once, cached). */
const sc_traj_struct * sc_ctx_full(sc_ctx_t ctx, slong prec);

/* The reduced trajectory at prec, or NULL when the reduced recurrence does
   not apply to the case (the reason is then in ctx->why). */
const sc_traj_struct * sc_ctx_reduced(sc_ctx_t ctx, slong prec);

/* The certified trajectory of the case with every rising flag decided: the
   reduced recurrence where it applies, else full GD, at doubling precision
   from prec0; the last one tried if the cap prec_max is reached first. */
const sc_traj_struct * sc_ctx_certified(sc_ctx_t ctx, slong prec0,
                                        slong prec_max);

typedef int (*sc_thm_check_fn)(sc_result_t res, sc_ctx_t ctx, slong prec);

typedef struct
{
    const char * id;            /* [ID] of THEOREMS.md / LOGISTIC.md */
    const char * title;
    const char * provenance;    /* SC_PROV_* */
    const char * source;        /* paper statement and spec section */
    const char * statement;     /* the statement as checked, one line */
    sc_thm_check_fn check;
}
sc_thm_struct;

extern const sc_thm_struct sc_thm_table[];
extern const slong sc_thm_count;

/* The registry entry with this id (case-sensitive), or NULL. */
const sc_thm_struct * sc_thm_lookup(const char * id);

/*
 * Runs thm on ctx from prec0 bits, doubling while the checker returns
 * SC_UNABLE, up to prec_max; past the cap the verdict is UNDECIDED with
 * the checker's last reason.  res->prec is the precision of the last
 * attempt.
 */
void sc_thm_run(sc_result_t res, const sc_thm_struct * thm, sc_ctx_t ctx,
                slong prec0, slong prec_max);

/* ---- helpers shared by the checkers (theorems/common.c) ---- */

/* The reduced trajectory, or NULL with res set to NOT-APPLICABLE. */
const sc_traj_struct * sc_thm_need_reduced(sc_result_t res, sc_ctx_t ctx,
                                           slong prec);

/* The certified full-GD trajectory at prec when it reaches the horizon;
   NULL (reason set: the caller returns SC_UNABLE) when its enclosure
   became too wide before.  Sets the per-state certificate of res. */
const sc_traj_struct * sc_thm_need_full(sc_result_t res, sc_ctx_t ctx,
                                        slong prec);

/* SC_OK when every rising flag of steps [t0, t1) of T is decided and the
   trajectory reaches t1; SC_UNABLE (reason set) otherwise. */
int sc_thm_flags_decided(sc_result_t res, const sc_traj_struct * T,
                         slong t0, slong t1) SC_WARN_UNUSED;

/* The end of the rising run starting at t1: the least t >= t1 whose flag
   is SC_FALSE, or T->len - 1 if the run reaches the horizon.  Flags must
   be decided. */
slong sc_thm_run_end(const sc_traj_struct * T, slong t1);

/* The first step t >= t0 whose flag is SC_TRUE, or -1. */
slong sc_thm_first_rising(const sc_traj_struct * T, slong t0);

/* ctx->factor as a ball. */
void sc_thm_factor(arb_t f, const sc_ctx_t ctx, slong prec);

/* c = ||w*||, eta, eta_gamma of the case as balls. */
void sc_thm_params(arb_t c, arb_t eta, arb_t eta_gamma, const sc_ctx_t ctx,
                   slong prec);

/* Truth of H2's state conditions at t: a_t > 0, 0 < rho_t < 1, gamma_t > 0. */
sc_truth_t sc_thm_h2(const sc_traj_struct * R, slong t);

/* x = ln(H / Theta(rho)) / ln(1 + 4 rho^2 / (1 - rho^2)^2), the run-length
   bound of [T3.a] and [T3.c] (the bound is ceil(x)), and Theta(rho).
   Returns the truth of rho < 1 (x is indeterminate unless SC_TRUE). */
sc_truth_t sc_thm_run_bound(arb_t x, arb_t Theta, const arb_t H,
                            const arb_t rho, slong prec);

/*
 * The quantities of [T3.a] at the rising step t1 of T: H1 = eta Gamma_1 c /
 * W_1 with Gamma_1 = max(gamma_t1, c / sqrt(1 + rho_1^2)), Theta1 =
 * Theta(rho_1) and x = ln(H1 / Theta1) / ln kappa_1, so that T' = ceil(x).
 * Returns the truth of rho_1 < 1 (x is indeterminate unless SC_TRUE).
 */
sc_truth_t sc_thm_edge_bounds(arb_t H1, arb_t Theta1, arb_t x,
                              const sc_traj_struct * T, const arb_t c,
                              const arb_t eta, slong t1, slong prec);

/* Truth of count <= ceil(x) for an integer count, decided as count - 1 < x
   so that no ceiling of a ball is needed. */
sc_truth_t sc_thm_count_le_ceil(slong count, const arb_t x);

/* Final verdict of an edge checker that found no violation: NOT-APPLICABLE
   without edges, UNDECIDED when the only edge is still open at the
   horizon, else HOLDS (an edge open at the horizon is named, not judged,
   unless it already violates the bound). */
void sc_thm_edges_verdict(sc_result_t res, slong nedges, slong ncomplete,
                          int open, const char * what);

/* One line comparing the rising/falling decisions of an uncertified
   floating-point full-GD run at fprec bits with the certified ones. */
void sc_float_view(char * line, size_t linelen, sc_ctx_t ctx, slong fprec,
                   slong prec0, slong prec_max);

/* The walk over rising edges (maximal runs of rising steps) of the reduced
   trajectory that the edge checkers share (theorems/edges.c). */
typedef struct
{
    const sc_traj_struct * R;   /* NULL: the checker is NOT-APPLICABLE */
    arb_t c, eta, factor;       /* ||w*||, eta, ctx->factor as balls */
    arb_t best;                 /* least slack kept so far */
    slong t1, end;              /* current edge: steps t1 .. end - 1 rise */
    slong nedges, ncomplete;
    int open;                   /* the current edge reaches the horizon */
}
sc_edges_struct;

/* Fetches the reduced trajectory (res NOT-APPLICABLE and E->R = NULL when
   it does not apply) and requires every flag decided (else SC_UNABLE).
   sc_edges_clear is due in every case. */
int sc_edges_init(sc_edges_struct * E, sc_result_t res, sc_ctx_t ctx,
                  slong prec) SC_WARN_UNUSED;
void sc_edges_clear(sc_edges_struct * E);

/* Advances to the next edge; 0 when there is none. */
int sc_edges_next(sc_edges_struct * E);

/* Counts a complete edge and keeps its numbers in res if its slack is the
   least so far (predicted may be NULL; an infinite slack is not shown). */
void sc_edges_keep(sc_edges_struct * E, sc_result_t res, slong step,
                   const arb_t predicted, const arb_t observed,
                   const arb_t slack);

/* Sets the "edges" extra and, if nothing failed, the final verdict. */
void sc_edges_finish(sc_edges_struct * E, sc_result_t res, const char * what);

/* The checker entry points. */
int sc_thm_l12_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l7_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l6_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t2_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t2_2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_a_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_b_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_c_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l13_check(sc_result_t res, sc_ctx_t ctx, slong prec);
/* BN logistic regression (LOGISTIC.md section 2) */
int sc_thm_l8_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l9_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l10_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l14_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_3_check(sc_result_t res, sc_ctx_t ctx, slong prec);

/* ---- BEYOND.md s.1, weight decay [W1]-[W6] (theorems/wd_common.c) ---- */

/* 1 if the case takes the plain decayed step w+ = (1 - eta lambda) w -
   eta grad (no momentum, no norm projection); else 0 with res set to
   NOT-APPLICABLE and the reason. */
int sc_wd_need_plain(sc_result_t res, const sc_ctx_t ctx);

/* q1 = 1 - eta lambda and alpha = 1 - q1^2 = eta lambda (2 - eta lambda),
   from the exact case values. */
void sc_wd_decay(arb_t q1, const sc_ctx_t ctx, slong prec);
void sc_wd_alpha(arb_t alpha, const sc_ctx_t ctx, slong prec);

/* w1 = q1 w - eta g (length d; w1 may not alias w or g). */
void _sc_wd_step(arb_ptr w1, arb_srcptr w, arb_srcptr g, const arb_t q1,
                 const arb_t eta, slong d, slong prec);

/* gt2 = ||w||^2 ||g||^2, the squared effective gradient g~^2 when g is
   the gradient at w (scale invariance (2b) of seed 004). */
void _sc_wd_gtilde2(arb_t gt2, arb_srcptr w, arb_srcptr g, slong d,
                    slong prec);

/* gt2[t] (T->len entries) = g~_t^2 on the stored enclosures of T: a ball
   containing the true value of every state of the certified run. */
void sc_wd_gtilde2_traj(arb_ptr gt2, sc_ctx_t ctx, const sc_traj_struct * T,
                        slong prec);

/* An exact identity lhs = rhs in balls: SC_FALSE when lhs - rhs excludes
   zero (certified violation), SC_TRUE when it contains zero with relative
   width <= 2^(-prec/2), SC_UNKNOWN when wider (raise the precision).  rel
   = |lhs - rhs| / |rhs|. */
sc_truth_t sc_wd_identity(arb_t rel, const arb_t lhs, const arb_t rhs,
                          slong prec);

/* The identity of a weight-decay checker at the midpoint (w, gamma) of
   state t: its truth (SC_UNKNOWN: raise the precision) and rel, the
   relative residual; arg is the checker's own data. */
typedef sc_truth_t (*sc_wd_state_fn)(arb_t rel, sc_dyn_t D, arb_srcptr w,
                                     const arb_t gamma, slong t, void * arg,
                                     slong prec);

/* Checks fn at the states 0 .. steps - 1 of T: res HOLDS with worst = the
   largest residual, or VIOLATED at the first certified failure (step,
   observed = its residual, reason false_fmt with the step as a long), or
   SC_UNABLE (reason unknown_fmt) at the first undecided state. */
int sc_wd_walk(sc_result_t res, arb_t worst, const sc_traj_struct * T,
               sc_dyn_t D, slong steps, sc_wd_state_fn fn, void * arg,
               const char * false_fmt, const char * unknown_fmt, slong prec)
    SC_WARN_UNUSED;

int sc_thm_w1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w3_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w4_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w5_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w6_check(sc_result_t res, sc_ctx_t ctx, slong prec);

/* ---- BEYOND.md sections 2 and 3: sharpness and non-normality ---- */

/* States examined per trajectory: all of them up to this many, else every
   stride-th one (sc_sharp_stride) and the last. */
#define SC_SHARP_MAX_STATES 64

#define SC_SHARP_K      1       /* also K = P^1/2 H P^1/2 and rho(J) */
#define SC_SHARP_KAPPA  2       /* also kappa(V) of J = I - P H */

/* The sharpness quantities of one state (theorems/sharp.c). */
typedef struct
{
    slong m;                    /* d + 1 */
    arb_mat_t H, K, Ph, U;      /* Hessian, P^1/2 H P^1/2, P^1/2, approx
                                   eigenvectors of K */
    arb_t lmin, lmax;           /* extreme eigenvalues of H */
    arb_t lminK, lmaxK, rhoJ;   /* of K; rho(J) = spectral radius of J */
    arb_t kappa;                /* kappa(V), unit columns (measured) */
    int level;                  /* filled: 0 none, 1 H, 2 K, 3 kappa */
}
sc_sharp_struct;

void sc_sharp_init(sc_sharp_struct * S, slong m);
void sc_sharp_clear(sc_sharp_struct * S);

/* Fills S at the state (w, gamma) (balls: enclosures over the box); what
   is an OR of SC_SHARP_K and SC_SHARP_KAPPA (KAPPA needs K).  SC_UNABLE
   when an eigenvalue enclosure fails at prec. */
int sc_sharp_at(sc_sharp_struct * S, sc_dyn_t D, arb_srcptr w,
                const arb_t gamma, int what, slong prec) SC_WARN_UNUSED;

/* The same from what S already holds (S->level) up to what: S is
   bit-identical to one sc_sharp_at filled at once. */
int sc_sharp_extend(sc_sharp_struct * S, sc_dyn_t D, arb_srcptr w,
                    const arb_t gamma, int what, slong prec) SC_WARN_UNUSED;

/* The quantities (what as in sc_sharp_at) at the midpoint of state t of
   the full-GD trajectory sc_ctx_full(ctx, prec), computed once per context,
   precision and state (theorems/sharp_cache.c) and bit-identical whichever
   checker asks first, so that a report does not depend on the selection
   of checkers.  *status as from sc_sharp_at; valid until sc_ctx_clear. */
const sc_sharp_struct * sc_sharp_cached(int * status, sc_ctx_t ctx, slong t,
                                        int what, slong prec);

/* Frees the states sc_sharp_cached keeps in ctx (from sc_ctx_clear). */
void sc_sharp_cache_clear(sc_ctx_t ctx);

/* What a checker does at one examined state: S holds its quantities (at
   least the what of the walk), (w, gamma) is the midpoint of state t.
   SC_OK, or SC_UNABLE with the reason set; res->verdict VIOLATED stops the
   walk. */
typedef int (*sc_sharp_state_fn)(sc_result_t res, const sc_sharp_struct * S,
                                 arb_srcptr w, const arb_t gamma, slong t,
                                 void * arg, slong prec);

/* Calls fn at the examined states of the full-GD trajectory T at prec
   (every one up to SC_SHARP_MAX_STATES, else every sc_sharp_stride-th and
   the last) with the cached quantities, until fn fails or finds a
   violation; *n counts the states examined, *stride receives the stride.
   SC_UNABLE (reason set) when an enclosure fails. */
int sc_sharp_walk(sc_result_t res, slong * n, slong * stride, sc_ctx_t ctx,
                  const sc_traj_struct * T, int what, sc_sharp_state_fn fn,
                  void * arg, slong prec) SC_WARN_UNUSED;

/* The relative residual rel >= 0 of an identity at state t: worst =
   max(worst, upper bound of rel); SC_OK when rel <= 2^(-prec/4) for
   certain, else SC_UNABLE with the reason fmt (one %ld: t). */
int sc_sharp_resolved(sc_result_t res, arb_t worst, const arb_t rel,
                      slong t, const char * fmt, slong prec) SC_WARN_UNUSED;

/* 1 if the case runs plain (preconditioned) GD, x+ = x - P grad; else 0
   with res NOT-APPLICABLE (momentum or norm projection). */
int sc_sharp_plain_gd(sc_result_t res, const sc_ctx_t ctx);

/* The stride between examined states for a horizon of steps. */
slong sc_sharp_stride(slong steps);

/* The sharpness series of the certified full-GD trajectory at the first
   precision from prec0 (doubling, at most prec_max) where it reaches the
   horizon: lambda_max(H), lambda_max(P^1/2 H P^1/2), kappa(V), rho(J) and
   the rising flags per state, as doubles for a figure (arrays of
   steps + 1).  Returns the number of states, or -1.  heuristic: display
   only, never a decision. */
slong sc_sharp_series_heuristic(double * lmax, double * lmaxP,
                                double * kappa, double * rhoJ, int * rising,
                                sc_ctx_t ctx, slong prec0, slong prec_max);

/* res = the median by midpoint of x[0 .. n-1] (x is reordered). */
void sc_sharp_median(arb_t res, arb_ptr x, slong n);

int sc_thm_s1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s3_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n3_check(sc_result_t res, sc_ctx_t ctx, slong prec);
/* [F3] Section 6 / Figure 3 (theorems/f3_figure3.c) */
int sc_thm_f3_check(sc_result_t res, sc_ctx_t ctx, slong prec);

/* The delayed spike of [F3] on trajectory T: its onset and peak steps (-1
   when there is none) and ratio = L_peak / L_onset.  SC_UNABLE when a loss
   comparison of T is undecided. */
int sc_thm_f3_spike(slong * onset, slong * peak, arb_t ratio,
                    const sc_traj_struct * T, slong prec) SC_WARN_UNUSED;

/*
 * The Figure 3 view (theorems/f3_view.c): the certified full-GD run of a
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
/* LOGISTIC.md section 1 (branch logdata) */
int sc_thm_a14_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
