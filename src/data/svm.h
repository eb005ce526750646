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
 */
#ifndef SC_SVM_H
#define SC_SVM_H

#include "spikecheck.h"
#include "flint/fmpq_mat.h"
#include "flint/fmpz_poly.h"
#include "arb.h"

typedef struct
{
    slong n, d;
    int a1;                 /* n < d */
    int rank_ok;            /* rank X~ = n - 1, i.e. null(X~ X~^T) = span(1) */
    int a3;                 /* all samples active: X~ w* = y for the SVM w* */
    int a4;                 /* strict complementarity: some alpha > 0 */
    char why[SC_REASON_LEN];    /* first failing hypothesis; "" if none */
    fmpq_mat_t wstar;       /* the SVM direction w* (d x 1) when a3, else 0 */
    fmpq_t m2;              /* margin^2 = 1 / ||w*||^2 when a3, else 0 */
    fmpq_mat_t alpha;       /* dual weights (n x 1) with the largest
                               alpha_min, when a3; else 0 */
    fmpq_t R2;              /* R^2 = max_i ||x~_i||^2 */
    fmpz_poly_t charpoly;   /* an integer multiple of the characteristic
                               polynomial of Sigma with the factor x^k of
                               its zero eigenvalues removed */
    int beta_exact;         /* beta2 is Definition 2's exact beta^2 */
    fmpq_t beta2;           /* exact beta^2 when beta_exact, else 0 */
}
sc_svm_struct;

typedef sc_svm_struct sc_svm_t[1];

/* Derives every field from the centred data Xc (n x d) and the labels y
   (n x 1, entries +-1). */
void sc_svm_init(sc_svm_t S, const fmpq_mat_t Xc, const fmpq_mat_t y);
void sc_svm_clear(sc_svm_t S);

/* Certified enclosures of the least and the largest nonzero eigenvalue of
   Sigma = X~^T X~ / n (equivalently of X~ X~^T / n). */
void sc_svm_lambda(arb_t lmin, arb_t lmax, const sc_svm_t S, slong prec);

/* beta of Definition 2 when S->beta_exact, else the certified lower bound
   alpha_min sqrt(n lambda_min) / (2 sum alpha); 0 when A4 fails.  Either
   value keeps [L14] valid. */
void sc_svm_beta(arb_t beta, const sc_svm_t S, slong prec);

#endif
