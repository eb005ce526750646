/*
 * data.h -- exact facts about a dataset (sc_data_*), in FLINT fmpq.
 *
 * From (X, y) this module derives, exactly: the mean mu, the centred data
 * X~ = X - 1 mu^T, Sigma = X~^T X~ / n, X~^T y, whether Sigma = I, the
 * rank, and the square-loss reference direction w* (the least-squares
 * solution in the row space of X~, i.e. Sigma w* = X~^T y / n of minimal
 * norm).  Checkers read their hypotheses from here, never from rounded
 * numbers.
 */
#ifndef SC_DATA_H
#define SC_DATA_H

#include "spikecheck.h"
#include "spikecheck_case.h"
#include "data/svm.h"

typedef struct
{
    slong n, d;
    fmpq_mat_t Xc;          /* centred data, n x d */
    fmpq_mat_t Sigma;       /* d x d */
    fmpq_mat_t Xty;         /* X~^T y, d x 1 */
    int whitened;           /* Sigma == I exactly */
    slong rank;             /* rank of X~ */
    fmpq_mat_t rref;        /* the rref of X~ (n x d), computed once: its
                               first rank rows are a basis of span(X~^T) */
    fmpq_mat_t wstar;       /* reference direction (unnormalised), d x 1 */
    fmpq_t c2;              /* ||w*||^2 (Euclidean); 0 if no reference */
    fmpq_t c2_sigma;        /* ||w*||_Sigma^2 */
    fmpq_t y2;              /* ||y||^2 */
    int has_ref;            /* c2 > 0 */
    fmpq_t w0_wstar;        /* <w0, w*> */
    fmpq_t W0;              /* ||w0||^2 */
    fmpq_t rho0_sq;         /* rho_0^2 = (W0 c2 - <w0,w*>^2) / <w0,w*>^2 */
    int w0_in_span;         /* w0 in span(X~^T) */
    int has_svm;            /* logistic loss: svm below is initialised */
    sc_svm_t svm;           /* A1-A4, the SVM w*, m, beta, spectrum */
}
sc_data_struct;

typedef sc_data_struct sc_data_t[1];

/* Computes every field from the case.  The reference direction w* is the
   square-loss least-squares solution for the square loss, and the SVM
   direction of LOGISTIC.md for the logistic loss (Definition 1, the
   Euclidean hard margin: has_ref when it is certified, svm->margin; it is
   the all-active w* under A3, and c2 = 1 / m^2 for its margin m either
   way; the checkers that need A3 gate on svm->fail, not on has_ref). */
void sc_data_init(sc_data_t D, const sc_case_t c);
void sc_data_clear(sc_data_t D);

/* Xc = X - 1 mu^T (Xc may not alias X). */
void sc_data_center(fmpq_mat_t Xc, const fmpq_mat_t X);

/* R = the reduced row echelon form of A (same size), exact; returns the
   rank.  FLINT's verified multimodular elimination (data.c says why). */
slong sc_data_rref(fmpq_mat_t R, const fmpq_mat_t A);

/* B (r x d) = a basis of the row space of A (rows of its rref); returns r. */
slong sc_data_row_basis(fmpq_mat_t B, const fmpq_mat_t A);

/* w (d x 1) = the minimal-norm least-squares solution of Xc w = y,
   i.e. Sigma w = Xc^T y / n with w in the row space of Xc. */
void sc_data_lsq_reference(fmpq_mat_t w, const fmpq_mat_t Xc,
                           const fmpq_mat_t y);

/* The same from the rref R of Xc and its rank r (sc_data_init keeps
   both: one elimination serves every fact of the row space). */
void sc_data_lsq_reference_rref(fmpq_mat_t w, const fmpq_mat_t Xc,
                                const fmpq_mat_t R, slong r,
                                const fmpq_mat_t y);

/* The same from the normal equations S w = b (S = Xc^T Xc, b = Xc^T y,
   or both divided by n) and the rref R of Xc with its rank r. */
void sc_data_lsq_reference_gram(fmpq_mat_t w, const fmpq_mat_t R, slong r,
                                const fmpq_mat_t S, const fmpq_mat_t b);

/* B (r x d) = the first r rows of the rref R. */
void sc_data_rref_basis(fmpq_mat_t B, const fmpq_mat_t R, slong r);

/* Is v (d x 1) in the row space of Xc? */
int sc_data_in_row_space(const fmpq_mat_t Xc, const fmpq_mat_t v);

/* Is v (d x 1) in the span of the first r rows of the rref R?  Exact, by
   eliminating v's entries at R's pivots (no further elimination). */
int sc_data_rref_contains(const fmpq_mat_t R, slong r, const fmpq_mat_t v);

/* res = <u, v> for d x 1 matrices. */
void sc_data_dot(fmpq_t res, const fmpq_mat_t u, const fmpq_mat_t v);

#endif
