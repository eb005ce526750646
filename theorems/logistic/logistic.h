/*
 * logistic.h -- what the checkers of LOGISTIC.md (BN logistic regression)
 * share: the case's constants in balls (sc_logi_*), the quantities of one
 * state (normalised margins y^, g = sigma(-gamma y^), cos_Sigma, ...),
 * the closed-form constants of Theorem 5', and a tally that turns many
 * per-step inequalities into one verdict.
 *
 * States are exact points: the midpoint of a certified full-GD state,
 * projected onto span(X~^T) in balls (the lemmas are stated for w in that
 * span; a midpoint is off it by its rounding, which would fake violations
 * of every bound that uses lambda_min).  The projection is no further from
 * the exact GD state than the midpoint is.
 */
#ifndef SC_LOGISTIC_H
#define SC_LOGISTIC_H

#include "theorems/core/core.h"
#include "data/svm.h"

/* Case-level hypotheses a checker needs (OR-ed). */
#define SC_LOGI_NEED_A3     1   /* logistic loss, A1-A3, w_0 in span(X~^T) */
#define SC_LOGI_NEED_A4     2   /* ... and A4 (Definition 2's beta > 0) */
#define SC_LOGI_NEED_PLAIN  4   /* plain GD (no BEYOND.md extension) */

/* 1 when the case meets need; else 0 and res is NOT-APPLICABLE with the
   failed hypothesis named ("square loss", "A3 fails: ...", ...). */
int sc_logi_applies(sc_result_t res, const sc_ctx_t ctx, int need);

/* The case in balls at one precision. */
typedef struct
{
    sc_dyn_t D;             /* data, u* = w* / ||w*||, eta (plain step) */
    slong n, d, r;          /* r = rank X~ */
    arb_t m, lmin, lmax, kappa, slmax, R, beta;
    sc_truth_t m2_le_lmax;  /* m^2 <= lambda_max, decided exactly (equality
                               is common and no enclosure decides it) */
    arb_ptr xs;             /* X~ w* (n) */
    arb_t ws;               /* ||w*||_Sigma */
    arb_mat_t Bt;           /* d x r: a basis of span(X~^T) as columns */
    arb_mat_t Ginv;         /* (B B^T)^-1, r x r, exact inverse in balls */
    arb_ptr u, z;           /* scratch, length r */
}
sc_logi_struct;

typedef sc_logi_struct sc_logi_t[1];

/* Needs SC_LOGI_NEED_A3 (checked by sc_logi_applies); beta is set only
   when A4 holds (else 0). */
void sc_logi_init(sc_logi_t L, const sc_ctx_t ctx, slong prec);
void sc_logi_clear(sc_logi_t L);

/* The quantities of LOGISTIC.md section 1 at one state. */
typedef struct
{
    slong n, d;
    arb_ptr w, grad, yhat, g, w1;
    arb_t gamma, a, b, rho, W, gnorm, q, qf, Ns, N, rS;
    arb_t gbar, grms, cos, cosdef, yh2, omc, sin2, ymin, ymax;
    arb_t epsS, epsI, sigm, ell, loss, D, C;
    arb_t a1, rho1;         /* of the plain step w - eta grad (when asked) */
}
sc_logi_state_struct;

void sc_logi_state_init(sc_logi_state_struct * s, slong n, slong d);
void sc_logi_state_clear(sc_logi_state_struct * s);

/*
 * Sets s to the state (P w, gamma), P the orthogonal projection onto
 * span(X~^T), in balls:
 *   grad = grad_w L, q = -<grad, u*>, gnorm = ||grad||, loss = L,
 *   a, b, rho, W of sc_dyn_direction, Ns = ||w||_Sigma, N = Ns / a,
 *   rS = ||r||_Sigma (r = w - a u*), yhat_i = y_i x~_i^T w / Ns,
 *   g_i = sigma(-gamma yhat_i), gbar = mean g, grms = rms g,
 *   cos = mean yhat, cosdef = <w, w*>_Sigma / (Ns ||w*||_Sigma),
 *   yh2 = mean yhat^2, omc = 1 - cos = mean((yhat - 1)^2) / 2,
 *   sin2 = mean((yhat - cos)^2), ymin, ymax, epsS = sqrt(lmax) rho / m,
 *   epsI = R rho / m, sigm = sigma(-gamma), ell = l(gamma),
 *   D = sigma'(gamma max(0, min(1, ymin))), C = sigm + sqrt2 gamma D,
 *   qf = (gamma m / Ns) mean(g_i (1 - cos yhat_i))  (LOGISTIC.md 2.4).
 * Quantities that need a > 0 are indeterminate otherwise.
 */
void sc_logi_state_set(sc_logi_state_struct * s, sc_logi_t L,
                       arb_srcptr wmid, const arb_t gamma, slong prec);

/* Sets s->w1 = w - eta grad, s->a1 = a', s->rho1 = rho' (plain step). */
void sc_logi_state_step(sc_logi_state_struct * s, sc_logi_t L, slong prec);

/* Truth of the standing hypotheses of LOGISTIC.md 2.2-2.7 at s:
   a > 0 and gamma > 0. */
sc_truth_t sc_logi_standing(const sc_logi_state_struct * s);

/*
 * Theorem 5' constants (LOGISTIC.md 2.7) for the case's horizon T:
 * Gamma = gamma_0 + eta_gamma T, gamma_lo = gamma_0 - eta_gamma T,
 * eps0 = sqrt(lmax) rho_0 / m, Y0 = (1 + R rho_0 / m) / (1 - eps0),
 * g_lo = sigma(-Gamma Y0), C_Gamma = 1/2 + sqrt2 Gamma / 4,
 * eta_max = 2 m^2 (1 - eps0) g_lo W_0 / (Gamma lmax C_Gamma^2).
 * hyp is the truth of its hypotheses a_0 > 0, gamma_0 > 0,
 * rho_0 < m / sqrt(lmax), eta_gamma T < gamma_0 (why names the first
 * that fails).  The rest is indeterminate unless hyp is SC_TRUE.
 */
typedef struct
{
    sc_truth_t hyp;
    char why[160];
    arb_t Gamma, gamma_lo, rho0, eps0, Y0, g_lo, C_Gamma, W0, eta_max;
}
sc_logi_thm5_struct;

void sc_logi_thm5_init(sc_logi_thm5_struct * K, sc_logi_t L,
                       const sc_ctx_t ctx, slong prec);
void sc_logi_thm5_clear(sc_logi_thm5_struct * K);

/*
 * The per-state walk: for every state t = 0 .. steps - 1 (last = 0) or
 * .. steps (last = 1) of the certified full-GD trajectory T, sets s by
 * sc_logi_state_set (and sc_logi_state_step with SC_LOGI_WALK_STEP),
 * decides the standing hypotheses (tl->standing; SC_UNABLE when
 * undecided) and calls per_state when they hold, or at every state with
 * SC_LOGI_WALK_ALL (for claims about the trajectory itself, which need no
 * standing hypothesis at the state).  Returns the number of states that
 * met the standing hypotheses.
 */
#define SC_LOGI_WALK_STEP   1
#define SC_LOGI_WALK_ALL    2

typedef void (*sc_logi_state_fn)(sc_tally_struct * tl, sc_result_t res,
                                 const sc_logi_state_struct * s,
                                 sc_logi_t L, slong prec);

slong sc_logi_walk_states(sc_tally_struct * tl, sc_result_t res,
                          sc_logi_t L, const sc_traj_struct * T, int last,
                          int flags, sc_logi_state_fn per_state, slong prec);

/* The whole per-state checker ([L8] [L4] [L9] [L10] [L14]): case-level
   hypotheses (need), trajectory, walk, verdict; gated names the per-state
   conditions of the forms for a NOT-APPLICABLE reason. */
int sc_logi_walk(sc_result_t res, sc_ctx_t ctx, int need, int last,
                 int flags, sc_logi_state_fn per_state, const char * what,
                 const char * gated, slong prec);

/* BN logistic regression (LOGISTIC.md section 2) */
int sc_thm_l8_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l9_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l10_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l14_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_3_check(sc_result_t res, sc_ctx_t ctx, slong prec);
/* LOGISTIC.md section 1 (branch logdata) */
int sc_thm_a14_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
