/*
 * svm.h -- exact facts of a logistic-regression dataset (sc_svm_*):
 * the hypotheses A1-A4 of LOGISTIC.md section 1, the Euclidean hard-margin
 * direction w*, its margin m, the dual weights, R, Definition 2's beta and
 * certified enclosures of the nonzero spectrum of Sigma.
 *
 * Everything exact is in FLINT fmpq; the eigenvalues and beta are given
 * as Arb balls at a precision the caller chooses.  A hypothesis that fails
 * is a fact of the data, named in `why`, and makes the checkers that need
 * it NOT-APPLICABLE; it is never an error.
 *
 * How each fact is decided (LOGISTIC.md section 3, "Verify"):
 *   A1     n < d.
 *   rank   rank X~ = n - 1 exactly (fmpq rref), i.e. null(G) = span(1)
 *          for G = X~ X~^T.
 *   A3     G zeta = y is solvable (else y is not in range X~: A3 fails),
 *          w_I = X~^T zeta, X~ w_I = y checked exactly, and the KKT
 *          condition: some nu in null(G) has y (.) (zeta + nu) >= 0.
 *          With null(G) = span(1) this is the closed form
 *          min_{y=+1} zeta >= max_{y=-1} zeta; otherwise an exact rational
 *          simplex (svm_lp.c) maximises min_i alpha_i over the dual
 *          weights alpha = y (.) (zeta + nu).  Both always decide.
 *   A4     the same with a strict inequality (max alpha_min > 0).
 *   beta   Definition 2 by vertex enumeration (svm_beta.c), only when A4
 *          and rank hold and n <= SC_SVM_BETA_MAX_N; else the certified
 *          lower bound alpha_min sqrt(n lambda_min) / (2 sum alpha).
 *   margin the hard-margin SVM of Definition 1 without A3 (svm_margin.c):
 *          an exact NNLS over Q, accepted only when its KKT conditions
 *          verify in rationals; it is the reference direction of the
 *          logistic line whenever it exists (data.c).
 */
#ifndef SC_SVM_H
#define SC_SVM_H

#include "spikecheck.h"
#include "flint/fmpq_mat.h"
#include "flint/fmpz_poly.h"
#include "arb.h"

/* Vertex enumeration solves C(n, 2) linear n x n systems: n = 24 gives 276
   exact solves (well under a second at the sizes the suites use).  Above
   this beta falls back to the certified lower bound. */
#define SC_SVM_BETA_MAX_N 24

/* The first failing hypothesis, in the order A1, A3, A4.  The rank of X~
   is a fact of the data, not a hypothesis: the checkers run (and hold) on
   rank-deficient data where A3 holds; it only selects how beta and A3
   are computed. */
typedef enum
{
    SC_SVM_HOLDS = 0,       /* A1-A4 hold */
    SC_SVM_A1_FAILS,
    SC_SVM_A3_FAILS,
    SC_SVM_A4_FAILS
}
sc_svm_fail_t;

/* The Euclidean hard-margin SVM on any data (svm_margin.c): certified
   by its KKT conditions in rationals, or not separable (certified by a
   Farkas vector), or neither (the exact solve or a check failed: the
   direction is unavailable; it is never guessed). */
typedef enum
{
    SC_SVM_MARGIN_OK = 0,
    SC_SVM_MARGIN_NOT_SEPARABLE,
    SC_SVM_MARGIN_UNVERIFIED
}
sc_svm_margin_t;

typedef struct
{
    slong n, d;
    int a1;                 /* n < d */
    int rank_ok;            /* rank X~ = n - 1, i.e. null(X~ X~^T) = span(1) */
    int a3;                 /* all samples active: X~ w* = y for the SVM w* */
    int a4;                 /* strict complementarity: some alpha > 0 */
    sc_svm_fail_t fail;     /* the first failing hypothesis */
    char why[SC_REASON_LEN];    /* what fails, for a reason ("" if none) */
    fmpq_mat_t wstar;       /* the SVM direction w* (d x 1) when a3, else 0 */
    fmpq_t m2;              /* margin^2 = 1 / ||w*||^2 when a3, else 0 */
    fmpq_mat_t alpha;       /* dual weights (n x 1) with the largest
                               alpha_min, when a3; else 0 */
    fmpq_t R2;              /* R^2 = max_i ||x~_i||^2 */
    fmpz_poly_t charpoly;   /* an integer multiple of the characteristic
                               polynomial of Sigma with the factor x^k of
                               its zero eigenvalues removed: its roots are
                               the nonzero eigenvalues, with multiplicity */
    int beta_exact;         /* beta2 is Definition 2's exact beta^2 */
    fmpq_t beta2;           /* exact beta^2 when beta_exact, else 0 */
    slong rank;             /* rank of X~ */
    fmpq_t alpha_min;       /* min_i alpha_i when a3 (> 0 iff a4), else 0 */
    int m2_place;           /* SC_OK when a3 and the next three are set by
                               sc_svm_m2_position (exact, once per case) */
    slong m2_below, m2_equal, m2_above;
    /* the hard-margin SVM without A3 (Definition 1 needs only
       separability), computed when A3 fails; under A3 it is wstar */
    sc_svm_margin_t margin;     /* SC_SVM_MARGIN_OK: wmargin is certified */
    fmpq_mat_t wmargin;     /* the SVM w* (d x 1) when margin is OK or a3,
                               else 0 */
    fmpq_mat_t amargin;     /* KKT dual weights of wmargin (n x 1) */
    slong support;          /* active constraints y_i <x~_i, w*> = 1 */
    char margin_why[SC_REASON_LEN];  /* why wmargin is unavailable */
}
sc_svm_struct;

typedef sc_svm_struct sc_svm_t[1];

/* Derives every field from the centred data Xc (n x d) and the labels y
   (n x 1, entries +-1). */
void sc_svm_init(sc_svm_t S, const fmpq_mat_t Xc, const fmpq_mat_t y);
void sc_svm_clear(sc_svm_t S);

/* Certified enclosures of the least and the largest nonzero eigenvalue of
   Sigma = X~^T X~ / n (equivalently of X~ X~^T / n).  Both are
   indeterminate when X~ = 0 (no nonzero eigenvalue). */
void sc_svm_lambda(arb_t lmin, arb_t lmax, const sc_svm_t S, slong prec);

/* Where m^2 sits in the spectrum, decided exactly: the numbers of distinct
   nonzero eigenvalues of Sigma below, equal to (0 or 1) and above m^2.
   Interval enclosures alone cannot decide lambda_max >= m^2 when the two
   are equal, which the data make common (with equal dual weights u* is an
   eigenvector of Sigma, so m^2 is an eigenvalue).  SC_UNABLE only if
   root isolation has not separated the roots from m^2 at 2^16 bits (it
   always does: they are distinct numbers) or when Sigma = 0 (no
   spectrum to place m^2 in).  sc_svm_init keeps the result in S. */
int sc_svm_m2_position(slong * below, slong * equal, slong * above,
                       const sc_svm_t S) SC_WARN_UNUSED;

/* beta of Definition 2 when S->beta_exact, else the certified lower bound
   alpha_min sqrt(n lambda_min) / (2 sum alpha); 0 when A4 fails.  Either
   value keeps [L14] valid.  The ball contains the exact value of the
   quantity named (beta itself, or the lower bound). */
void sc_svm_beta(arb_t beta, const sc_svm_t S, slong prec);

/* ---- building blocks (exact; used by sc_svm_init, the loader, tests) ---- */

/* The SVM direction alone: returns A3 and sets w (d x 1) to w* when it
   holds, to 0 otherwise.  For the loader's near-reference initial state. */
int sc_svm_direction(fmpq_mat_t w, const fmpq_mat_t Xc, const fmpq_mat_t y);

/* The hard-margin SVM w (d x 1) of (Xc, y) with dual weights alpha
   (n x 1), by an exact NNLS (Lawson-Hanson's least-distance reduction),
   accepted only after sc_svm_margin_verify; support = the number of active
   constraints.  SC_SVM_MARGIN_NOT_SEPARABLE only with a verified Farkas
   certificate.  Otherwise w = alpha = 0 and why (len bytes) says what
   failed.  Each NNLS step is one exact least-squares solve on at most
   d + 1 columns. */
sc_svm_margin_t sc_svm_hard_margin(fmpq_mat_t w, fmpq_mat_t alpha,
                                   slong * support, char * why, size_t len,
                                   const fmpq_mat_t Xc, const fmpq_mat_t y);

/* The KKT conditions of the hard-margin SVM in rationals: y_i <x~_i, w>
   >= 1, alpha_i >= 0, alpha_i (y_i <x~_i, w> - 1) = 0 and w = sum_i
   alpha_i y_i x~_i.  Returns 1 if all hold (then w is the SVM), else 0
   with the first failure in why; support = the active constraints
   counted (all of them when it returns 1). */
int sc_svm_margin_verify(slong * support, char * why, size_t len,
                         const fmpq_mat_t w, const fmpq_mat_t alpha,
                         const fmpq_mat_t Xc, const fmpq_mat_t y);

/* N (n x k) = a basis of the null space of A (m x n), from its rref;
   returns k. */
slong sc_svm_null_basis(fmpq_mat_t N, const fmpq_mat_t A);

/* The exact LP of A3/A4: alpha = y (.) (zeta + N c) maximising
   min_i alpha_i over c (exact simplex, Bland's rule); tmax = that
   maximum.  Requires y in range X~ (then the LP is bounded). */
void sc_svm_dual_lp(fmpq_mat_t alpha, fmpq_t tmax, const fmpq_mat_t zeta,
                    const fmpq_mat_t N, const fmpq_mat_t y);

/* The closed form for null(G) = span(1): alpha = y (.) (zeta + nu 1) at
   the midpoint nu, tmax = (min_{y=+1} zeta - max_{y=-1} zeta) / 2. */
void sc_svm_dual_closed(fmpq_mat_t alpha, fmpq_t tmax, const fmpq_mat_t zeta,
                        const fmpq_mat_t y);

/* 1 / beta2 = the largest ||v||^2 over the vertices of
   {v = X~^T c : c^T 1 = c^T y = 0, -y_i <v, x~_i> <= 1}, by enumeration of
   the C(n, 2) choices of n - 2 active constraints.  NOT gated: on data
   without A4 the polyhedron is unbounded and the value is meaningless
   (LOGISTIC.md section 3).  v (d x 1, may be NULL) is set to the
   maximising vertex, so that -min_i y_i <v, x~_i> = 1 and ||v||^2 =
   1 / beta2.  Returns 0 (beta2 = 0, v = 0) when no vertex has v != 0. */
int sc_svm_beta2_vertices(fmpq_t beta2, fmpq_mat_t v, const fmpq_mat_t Xc,
                          const fmpq_mat_t y);

/* p = the characteristic polynomial of Sigma = X~^T X~ / n, scaled to
   integer coefficients, with the factor x^k of the zero eigenvalues
   removed. */
void sc_svm_charpoly(fmpz_poly_t p, const fmpq_mat_t Xc);

#endif
