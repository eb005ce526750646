/*
 * logistic.h -- the logistic line (LOGISTIC.md, BN logistic regression):
 * its case-level hypotheses, the closed-form constants of Theorem 5', the
 * per-state walk, and the checkers [A1-A4] [L4] [L8]-[L10] [L14] [T5.x].
 * The model and the quantities of one state are below the theorem layer
 * (src/dyn/logistic.c, sc_logi_*), cached per precision by the context
 * (sc_ctx_logi).
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

/* The label of S's first failing hypothesis ("A1 fails", "A3 fails",
   "A4 fails"), static storage, for NOT-APPLICABLE records. */
const char * sc_logi_fail_label(const sc_svm_struct * S);

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
    const char * why;       /* static storage: a NOT-APPLICABLE label */
    arb_t Gamma, gamma_lo, rho0, eps0, Y0, g_lo, C_Gamma, W0, eta_max;
}
sc_logi_thm5_struct;

void sc_logi_thm5_init(sc_logi_thm5_struct * K, sc_logi_t L,
                       const sc_ctx_t ctx, slong prec);
void sc_logi_thm5_clear(sc_logi_thm5_struct * K);

/* The case-level part every claim of Theorem 5' shares: its hypotheses
   (logistic loss, A1-A3, w_0 in span, plain GD), the certified full-GD
   trajectory T, the line's constants L and K (initialised: the caller
   clears K).  Returns 0 when res is final (NOT-APPLICABLE, K not
   initialised) or the trajectory is too wide (*status = SC_UNABLE). */
int sc_logi_thm5_setup(const sc_traj_struct ** T, sc_logi_thm5_struct * K,
                       sc_logi_struct ** L, sc_result_t res, sc_ctx_t ctx,
                       int * status, slong prec);

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
                          sc_ctx_t ctx, const sc_traj_struct * T, int last,
                          int flags, sc_logi_state_fn per_state, slong prec);

/* The whole per-state checker ([L8] [L4] [L9] [L10] [L14]): case-level
   hypotheses (need), trajectory, walk of the claim's item part (tl->part;
   0 for every item), verdict; gated (static storage) names the per-state
   conditions of the forms for a NOT-APPLICABLE reason. */
int sc_logi_walk(sc_result_t res, sc_ctx_t ctx, int need, int last,
                 int flags, sc_logi_state_fn per_state, int part,
                 const char * what, const char * gated, slong prec);

/* BN logistic regression (LOGISTIC.md section 2) */
int sc_thm_l8_id_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l8_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l8_2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l8_3_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l8_4_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_lo_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_sandwich_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_rho_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l4_paper_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l9_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l10_i_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l10_ii_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l14_a_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l14_b_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l14_c_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_1_item1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_1_F_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_2_window_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_2_entry_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_3_E_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_3_exit_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t5_3_bounds_check(sc_result_t res, sc_ctx_t ctx, slong prec);
/* LOGISTIC.md section 1 (branch logdata) */
int sc_thm_a14_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
