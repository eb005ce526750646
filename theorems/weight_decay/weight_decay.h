/*
 * weight_decay.h -- BEYOND.md s.1 (seed 004, Lobacheva et al.; Li-Arora):
 * [W1]-[W6] on the BN model trained with weight decay.
 */
#ifndef SC_THEOREMS_WEIGHT_DECAY_H
#define SC_THEOREMS_WEIGHT_DECAY_H

#include "theorems/core/core.h"

/* ---- BEYOND.md s.1, weight decay [W1]-[W6] (weight_decay/wd_common.c) ---- */

/* [W6]'s spike factor F (w6_periodic.c): a spike is a rise by F that
   reaches e_0 / F^2; FAM-W6-period calls a run stuck when its excess loss
   stays at or above that floor e_0 / F^2 over [T/2, T]. */
#define SC_W6_F 10

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

/* The same for T = sc_ctx_full(ctx, prec), computed once per context and
   precision (wd_cache.c); valid until sc_ctx_clear. */
arb_srcptr sc_wd_gtilde2_cached(sc_ctx_t ctx, const sc_traj_struct * T,
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
int sc_wd_walk(sc_result_t res, arb_t worst, const sc_ctx_t ctx,
               const sc_traj_struct * T, sc_dyn_t D, slong steps,
               sc_wd_state_fn fn, void * arg, const char * false_fmt,
               const char * unknown_fmt, slong prec) SC_WARN_UNUSED;

/* one checker per claim (registry.c): [W1-id], [W1-15], [W2], [W3-same],
   [W3-bits], [W4], [W5-G], [W5-L1], [W5-L2], [W5-P5], [W6-a], [W6-b],
   [W6-c], [W6-ctl] */
int sc_thm_w1_id_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w1_15_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w3_same_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w3_bits_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w4_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w5_golden_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w5_l1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w5_l2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w5_p5_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w6_a_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w6_b_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w6_c_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_w6_ctl_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
