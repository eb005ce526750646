/*
 * whitened.h -- the paper's main line (THEOREMS.md): the square loss, its
 * decomposition and scale invariance ([L1] [L12]), the directional lemma
 * [L6], the reduced recurrence [L7], Theorem 2 ([T2.1] [T2.2]), Theorem 3
 * ([T3.a] [T3.b] [T3.c]), Lemma 13 and the loss peak [LP] derived here
 * (docs/loss_peak.md), with the rising-edge walk and the
 * Theorem 3 quantities they share.
 */
#ifndef SC_THEOREMS_WHITENED_H
#define SC_THEOREMS_WHITENED_H

#include "theorems/core/core.h"

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

/* The walk over rising edges (maximal runs of rising steps) of the reduced
   trajectory that the edge checkers share (whitened/edges.c). */
typedef struct
{
    const sc_traj_struct * R;   /* NULL: the checker is NOT-APPLICABLE */
    arb_t c, eta, factor;       /* ||w*||, eta, ctx->factor as balls */
    arb_t best;                 /* least slack kept so far */
    slong t1, end;              /* current edge: steps t1 .. end - 1 rise */
    slong nedges, ncomplete;
    slong nkept;                /* edges whose numbers sc_edges_keep saw */
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
   least so far (predicted may be NULL; an infinite slack is not shown).
   An edge a claim has nothing to say of is counted (ncomplete++) without
   it. */
void sc_edges_keep(sc_edges_struct * E, sc_result_t res, slong step,
                   const arb_t predicted, const arb_t observed,
                   const arb_t slack);

/* The certified counterexample of one edge as the verdict of res: VIOLATED,
   the edge's reason, step, predicted, observed and no_value. */
void sc_edges_fail(sc_result_t res, const sc_result_t edge);

/* Sets the "edges" extra and, if nothing failed, the final verdict. */
void sc_edges_finish(sc_edges_struct * E, sc_result_t res, const char * what);

/* [T2.2] at one reference state t0 (whitened/t22_waiting_time.c), in
   THEOREMS.md s.3's notation; c, eta, etag are set by the caller. */
typedef struct
{
    arb_t c, eta, etag, rho0, gamma0, W0, k0, s02, Theta0, Gamma, D0, delta;
}
sc_t22_struct;

void sc_t22_init(sc_t22_struct * p);
void sc_t22_clear(sc_t22_struct * p);

/* The constants at state t0 of R; returns the truth of H2 and (i), *h2
   that of H2 alone. */
sc_truth_t sc_t22_setup(sc_truth_t * h2, sc_t22_struct * p,
                        const sc_traj_struct * R, slong t0, slong prec);

/* T = min{t >= 1 : psi(t) > Theta0}: SC_OK with *T >= 1, *T = 0 when
   (ii) certifiably fails, *T = -1 when the budget ran out; SC_UNABLE when
   a comparison is undecided.  By bisection on the interval where psi >
   Theta0 (O(log T) comparisons; no budget spent) where its certificates
   hold (0 < eta_g < 1, delta > 0, the sign of D0 decided), else by
   sc_t22_scan_steps. */
int sc_t22_scan(slong * T, slong * budget, const sc_t22_struct * p,
                slong prec) SC_WARN_UNUSED;

/* The same by the definition: psi(1), psi(2), ... until it exceeds
   Theta0 or falls, spending at most *budget steps (tests compare the
   two). */
int sc_t22_scan_steps(slong * T, slong * budget, const sc_t22_struct * p,
                      slong prec) SC_WARN_UNUSED;

/* T_cf and the truth of (ii') (SC_UNKNOWN: T_cf indeterminate). */
sc_truth_t sc_t22_closed_form(arb_t Tcf, const sc_t22_struct * p,
                              slong prec);

/*
 * [LP] (whitened/lp_loss_peak.c, docs/loss_peak.md): U = (M^2 + c^2 sigma)
 * / 2 with M = max(|lamn e1 - c delta|, |lamn e1 + c (k1 - kP)|), delta =
 * 1 - kP if after is nonzero (the step after the edge), else 0.  lamn =
 * (1 - eta_gamma)^n, e1 = gamma_t1 - c k1, k1 = cos theta_t1, kP = (1 +
 * P(H_1)^2)^-1/2 and sigma the bound on sin^2 theta_t are the caller's.
 */
void sc_thm_lp_bound(arb_t U, const arb_t lamn, const arb_t e1,
                     const arb_t c, const arb_t k1, const arb_t kP,
                     const arb_t sigma, int after, slong prec);

/* The checker entry points. */
int sc_thm_l12_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l7_eq_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l7_rise_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l6_iff_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l6_id_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l6_suf_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t2_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t2_2_T_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t2_2_cf_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_a_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_b_H_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_b_P_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_b_cf_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_lp_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_c_1_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_c_2_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_c_h_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_t3_c_n_check(sc_result_t res, sc_ctx_t ctx, slong prec);
int sc_thm_l13_check(sc_result_t res, sc_ctx_t ctx, slong prec);

#endif
