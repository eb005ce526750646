/*
 * num.h -- ball helpers on top of Arb (sc_num_*).
 *
 * Certified comparisons that return sc_truth_t, the scalar functions of
 * THEOREMS.md section 1 (Theta, rho_H, F) evaluated in balls, exact-to-ball
 * conversions and small vector kernels.  Everything takes prec last.
 */
#ifndef SC_NUM_H
#define SC_NUM_H

#include "spikecheck.h"
#include "arb.h"
#include "flint/fmpq.h"
#include "flint/fmpq_mat.h"
#include "arb_mat.h"

/* Certified comparisons.  SC_TRUE / SC_FALSE only when the balls separate
   (or, for le/ge, when the claim holds for every point of both balls). */
sc_truth_t sc_num_lt(const arb_t x, const arb_t y);
sc_truth_t sc_num_le(const arb_t x, const arb_t y);
sc_truth_t sc_num_gt(const arb_t x, const arb_t y);
sc_truth_t sc_num_ge(const arb_t x, const arb_t y);
sc_truth_t sc_num_is_positive(const arb_t x);

/* Truth of "x is zero" for an identity check: SC_FALSE when the ball
   excludes zero, SC_TRUE when it contains zero, never SC_UNKNOWN. */
sc_truth_t sc_num_contains_zero(const arb_t x);

/* Three-valued logic. */
sc_truth_t sc_truth_and(sc_truth_t a, sc_truth_t b);
sc_truth_t sc_truth_not(sc_truth_t a);

/* res = sqrt(x) for a rational x >= 0. */
void sc_num_sqrt_fmpq(arb_t res, const fmpq_t x, slong prec);

/* Theta(rho) = 2 sqrt(1 + rho^2) / (1 - rho^2) for 0 <= rho < 1.  Returns
   SC_TRUE when rho < 1 was certified (res set), SC_FALSE when rho >= 1
   (Theta = +inf, res set to +inf), SC_UNKNOWN when rho straddles 1. */
sc_truth_t sc_num_theta(arb_t res, const arb_t rho, slong prec);

/* rho_H(H): the root in [0, 1) of Theta(rho) = H for H > 2, 0 if H <= 2.
   Returns SC_UNKNOWN when H straddles 2. */
sc_truth_t sc_num_rho_H(arb_t res, const arb_t H, slong prec);

/* F(rho, H) = rho (H - s) / (s + H rho^2), s = sqrt(1 + rho^2).  rho may be
   a wide ball: the result encloses F over it. */
void sc_num_F(arb_t res, const arb_t rho, const arb_t H, slong prec);

/* Bounds P(H) = max_{0 < rho <= rho_H(H)} F(rho, H) by branch and bound:
   lo <= P(H) <= hi, both exact points, hi - lo <= 2^-tol_bits lo unless
   the box budget ran out.  lo is a value F(rho_hat, H) at a point of the
   domain.  Returns SC_UNABLE if H > 2 or rho_H > 0 cannot be certified. */
int sc_num_F_max(arb_t lo, arb_t hi, const arb_t H, slong tol_bits,
                 slong prec) SC_WARN_UNUSED;

/* acc = max(acc, upper bound of x), as a point ball; acc starts at 0.
   For "the largest residual seen" summaries. */
void sc_num_max_ubound(arb_t acc, const arb_t x, slong prec);

/* Vector kernels on raw arrays (FLINT underscore convention). */
void _sc_vec_dot(arb_t res, arb_srcptr x, arb_srcptr y, slong len,
                 slong prec);
void _sc_vec_norm2(arb_t res, arb_srcptr x, slong len, slong prec);

/* Writes x as a decimal string with at most digits significant digits of
   the midpoint, no radius (deterministic; for reports).  "inf"/"nan" for
   non-finite balls.  Caller frees with flint_free. */
char * sc_num_get_str(const arb_t x, slong digits);

/* The relative accuracy (bits) that makes digits significant digits of a
   ball's midpoint certain: every point of the ball shares them up to one
   unit in the last (the radius at most a quarter of it). */
slong sc_num_digits_bits(slong digits);

/* How many digits of x are certain in that sense: the largest D with
   sc_num_digits_bits(D) <= the accuracy of x; WORD_MAX for an exact ball,
   0 for a non-finite one or one with no certain digit. */
slong sc_num_certain_digits(const arb_t x);

/* sc_num_get_str with at most max_digits digits and no more than are
   certain (but at least one): what a report prints, so that no digit
   it shows is an artefact of the working precision. */
char * sc_num_get_str_certain(const arb_t x, slong max_digits);

/* The same string for the midpoint m (decimal.c, a faster route), or NULL
   when m is zero or not finite, or when m lies too near a rounding
   boundary to be sure of arb_get_str's rounding (then use arb_get_str). */
char * _sc_num_mid_str(const arf_t m, slong digits);

/* A double near the midpoint of x, for summaries and plots only (never a
   bound).  heuristic: does not affect correctness. */
double sc_num_get_d_heuristic(const arb_t x);

/* exp(x) and x^y correctly rounded (steer.c): the same double on every
   machine, for the doubles that choose generated parameters. */
double sc_num_exp_d(double x);
double sc_num_pow_d(double x, double y);

/* ---- symmetric eigenvalues (symeig.c) ---- */

/*
 * lmin, lmax = enclosures of the least and largest eigenvalue of every real
 * symmetric matrix in the n x n ball matrix A (repeated and clustered
 * eigenvalues allowed).  If U is not NULL it receives approximate
 * orthonormal eigenvectors (exact points, columns; a heuristic, for
 * measurements only).  Returns SC_UNABLE when the enclosure cannot be
 * formed at prec.
 */
int sc_num_sym_eig_range(arb_t lmin, arb_t lmax, arb_mat_t U,
                         const arb_mat_t A, slong prec) SC_WARN_UNUSED;

/* kappa = an enclosure of the 2-norm condition number of the explicit
   matrix V after scaling its columns to unit length.  SC_UNABLE when it
   cannot be separated from singular. */
int sc_num_cond_unit(arb_t kappa, const arb_mat_t V, slong prec)
    SC_WARN_UNUSED;

/* ---- least squares (fit.c) ---- */

/*
 * a, b = enclosures of the least-squares line y = a + b x through the n
 * points (x_i, y_i), and rms = the root mean square of its residuals.
 * SC_DOMAIN when n < 2 or the x_i are all equal (no slope), SC_UNABLE
 * when the balls cannot separate them from equal; a, b, rms are then
 * unchanged.  Outputs may not alias the inputs.
 */
int sc_num_fit_line(arb_t a, arb_t b, arb_t rms, arb_srcptr x, arb_srcptr y,
                    slong n, slong prec) SC_WARN_UNUSED;

#endif
