/*
 * sharpness.h -- BEYOND.md s.2-3 (seeds 002 and 003): certified sharpness
 * [S1]-[S3] and the non-normality of the GD update operator [N1]-[N3],
 * with the per-state sharpness quantities they share.
 */
#ifndef SC_THEOREMS_SHARPNESS_H
#define SC_THEOREMS_SHARPNESS_H

#include "theorems/core/core.h"

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
   precision and state (sharpness/sharp_cache.c) and bit-identical whichever
   checker asks first, so that a report does not depend on the selection
   of checkers.  *status as from sc_sharp_at; valid until sc_ctx_clear. */
const sc_sharp_struct * sc_sharp_cached(int * status, sc_ctx_t ctx, slong t,
                                        int what, slong prec);

/*
 * The sharpness over the boxes of the certified full-GD states that [S2]'s
 * two claims judge (sharp_cache.c): the first loss spike of T (core/
 * spike.c) and lambda_max(H), lambda_max(P^1/2 H P^1/2) enclosed over the
 * box of every state up to its onset, then of the states of
 * sc_sharp_stride and the last, at max(64, prec / 4) bits (a quarter of
 * the trajectory's precision separates a sharpness from its threshold
 * except in a near tie, and such a tie asks for more precision, which
 * raises this one too).  Computed once per context and precision;
 * independent of ctx->factor, which scales only the thresholds.
 */
typedef struct
{
    slong len;                  /* T->len */
    int status;                 /* SC_OK, or SC_UNABLE with why */
    char why[SC_REASON_LEN];
    sc_spike_t K;               /* the first spike of the losses */
    char * seen;                /* seen[t]: state t was examined */
    arb_ptr lmax, lmaxK;        /* at the examined states */
}
sc_sharp_box_struct;

/* The box series of T = sc_ctx_full(ctx, prec), which reaches the
   horizon; valid until sc_ctx_clear. */
const sc_sharp_box_struct * sc_sharp_boxes(sc_ctx_t ctx,
                                           const sc_traj_struct * T,
                                           slong prec);

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

/* one checker per claim (registry.c): [S1], [S2-H], [S2-P], [S3-id],
   [S3-run], [N1], [N2-EP], [N2-kap], [N2-pow], [N2-BF], [N2-Kr], [N3] */
int sc_thm_s1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s2_h_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s2_p_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s3_id_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_s3_run_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_ep_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_kappa_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_pow_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_bf_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n2_kreiss_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_n3_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
