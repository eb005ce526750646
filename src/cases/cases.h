/*
 * cases.h -- case files and exact data generators (sc_case_*).
 *
 * A case is everything a checker needs to run: exact rational data (X, y),
 * an exact initial state (w0, gamma0), exact step sizes, a horizon and a
 * starting precision.  Nothing is rounded on the way in: numbers in case
 * files are strings holding exact values ("3/7", "0.125", "1e-3").
 *
 * Case file format (HARNESS.md "Stable interface", version 1):
 *   format    "spikecheck-case/1"                       required
 *   name      string                                    optional (file stem)
 *   loss      "square" | "logistic"                     required
 *   data      {"X": [[..]..], "y": [..]} or {"generator": NAME, ...}
 *   init      {"w": [..], "gamma": ".."} or {"generator": NAME, ...}
 *   eta       exact number > 0                          required
 *   eta_gamma exact number in (0, 1)                    required
 *   steps     integer in [1, SC_CASE_MAX_STEPS]         required
             and (steps + 1) (d + 8) <= SC_CASE_MAX_STORE
 *   precision integer in [SC_CASE_MIN_PREC, SC_CASE_MAX_PREC]  optional (256)
 *   weight_decay, momentum, project_norm                optional (BEYOND.md)
 * Unknown keys are errors.
 */
#ifndef SC_CASES_H
#define SC_CASES_H

#include <stddef.h>
#include <stdio.h>
#include "spikecheck.h"
#include "spikecheck_case.h"

#define SC_CASE_FORMAT     "spikecheck-case/1"
#define SC_CASE_MAX_STEPS  1000000
#define SC_CASE_MIN_PREC   16
#define SC_CASE_MAX_PREC   65536
#define SC_CASE_MAX_DIM    4096
#define SC_CASE_MAX_ENTRIES 1000000  /* n * d */
#define SC_CASE_DEFAULT_PREC 128
/* (steps + 1) x (d + 8) balls per stored trajectory: about 1.6 GB at 4096
   bits, the default precision cap */
#define SC_CASE_MAX_STORE  3000000
/* The cost estimates of cost.c (sc_case_check_cost): bytes of an Arb
   ball beyond its mantissa (the arb_struct and the limbs' allocation),
   the memory a run may keep, the digit operations of the exact
   arithmetic on the data, and those of the logistic SVM dual LP. */
#define SC_CASE_BALL_OVERHEAD 64
#define SC_CASE_MAX_BYTES  ((double) (1UL << 32))
#define SC_CASE_MAX_WORK   1e9
#define SC_CASE_MAX_LP     3e10
/* The precision cap the loader assumes (the CLI's default
   --max-precision); a run with a higher cap checks again. */
#define SC_CASE_COST_PREC  4096
/* Decimal exponents beyond this are refused: "1e-99999999" would be an
   exact rational of 40 MB. */
#define SC_NUM_MAX_EXP     4096
#define SC_ERR_LEN         512

const char * sc_loss_name(sc_loss_t loss);

/* The figures a case file asks the HTML report for ("report": {"figures":
   ["trajectory", ...]}), as bits of sc_case_struct.figures; bit k is
   named sc_case_figure_name(k). */
#define SC_FIGURE_TRAJECTORY 1  /* rho, h against Theta, gamma, W, loss */
#define SC_FIGURE_SHARPNESS  2  /* BEYOND.md s.2-3 (plain GD) */
#define SC_FIGURE_FIGURE3    4  /* [F3]: certified beside the float run */
#define SC_NUM_FIGURES       3

const char * sc_case_figure_name(slong k);

/* out (SC_CASE_DIGEST_LEN + 1 chars) = the digest of the n bytes s: a
   change detector, not a cryptographic hash (digest.c). */
void sc_case_digest_text(char * out, const char * s, size_t n);

/* sc_case_struct, sc_case_t: include/spikecheck_case.h */

/* Estimates (cost.c; heuristics that over-estimate): the bytes a run of
   c keeps with precisions up to max(c->precision, prec_max); the digit
   operations of the exact arithmetic on its data, n d^2 k (1 + k/1000)
   for entries of k digits once centred (work_dims); those of the exact
   SVM dual LP, n^4 k (logistic loss; 0 otherwise). */
double sc_case_cost_bytes(const sc_case_t c, slong prec_max);
double sc_case_cost_work_dims(slong n, slong d, double k);
double sc_case_cost_work(const sc_case_t c);
double sc_case_cost_lp(const sc_case_t c);

/* SC_OK, or SC_EINVAL with the field at fault and the reason "...
   (estimate X > limit Y)" in why when an estimate passes its limit
   (SC_CASE_MAX_BYTES, SC_CASE_MAX_WORK, SC_CASE_MAX_LP).  The loader
   checks with SC_CASE_COST_PREC; a run with a higher cap checks again. */
int sc_case_check_cost(const sc_case_t c, slong prec_max,
                       const char ** field, char * why, size_t len)
    SC_WARN_UNUSED;

/* Initialises an empty case (n = d = 0).  Whoever inits, clears. */
void sc_case_init(sc_case_t c);
void sc_case_clear(sc_case_t c);

/* Resizes X, y, w0 to n x d (entries zero). */
void sc_case_set_dims(sc_case_t c, slong n, slong d);

void sc_case_set_name(sc_case_t c, const char * name);
void sc_case_set_path(sc_case_t c, const char * path);

/* dst = a deep copy of src, every field (the digest, path and data_desc
   too); dst must be initialised and owns nothing of src afterwards, so
   each is cleared by whoever inited it.  dst may alias src. */
void sc_case_copy(sc_case_t dst, const sc_case_t src);

/*
 * Reads and validates a case file.  Returns SC_OK, or SC_EIO (file cannot
 * be read) / SC_EINVAL (malformed or out of range) with a one-line message
 * "PATH: FIELD: reason" in err.  On error c is left valid (clearable) but
 * unspecified.
 */
int sc_case_load_file(sc_case_t c, const char * path, char * err,
                      size_t errlen) SC_WARN_UNUSED;

/* The same from a string; label is used in messages in place of the path. */
int sc_case_load_string(sc_case_t c, const char * text, const char * label,
                        char * err, size_t errlen) SC_WARN_UNUSED;

/*
 * Parses an exact number: an optional sign, then "p/q" (integers), or a
 * decimal "123", "0.125", ".5", "1e-3", "2.5E+4".  No spaces, no NaN or
 * infinities, |exponent| <= SC_NUM_MAX_EXP, q != 0.  Returns SC_OK or
 * SC_EINVAL (x unchanged) with the reason in err.
 */
int sc_num_parse_fmpq(fmpq_t x, const char * s, char * err,
                      size_t errlen) SC_WARN_UNUSED;

/* Writes c as a case file (explicit data) to the open stream; returns
   SC_OK or SC_EIO. */
int sc_case_write_explicit(FILE * out, const sc_case_t c) SC_WARN_UNUSED;

/* ---- seeded generators (exact, reproducible on every machine) ---- */

/* A 64-bit splitmix generator.  We own the stream (rather than use
   flint_rand_t) so that a seed means the same data under every FLINT. */
typedef struct { ulong s; } sc_rand_struct;
typedef sc_rand_struct sc_rand_t[1];
void sc_rand_init(sc_rand_t r, ulong seed);
ulong sc_rand_next(sc_rand_t r);
slong sc_rand_range(sc_rand_t r, slong lo, slong hi);   /* in [lo, hi] */

/* Seeded labels +-1 in y (n x 1), not all equal when n > 1 (the first is
   flipped if they were). */
void sc_rand_labels(fmpq_mat_t y, sc_rand_t r);

/*
 * Exactly whitened data: X~ = k H[:, 1..n-1] Q[:, 0..d-1] with n = k^2,
 * H the Householder reflection mapping e1 to 1/k, Q a Cayley rotation
 * (I - K)(I + K)^-1 of a seeded skew K; then X = X~ + 1 mu^T with a seeded
 * shift mu and seeded labels y.  Sigma = I and 1^T X~ = 0 exactly.
 * Requires n a perfect square >= 4 and 1 <= d <= n - 1; SC_EINVAL else.
 */
int sc_case_gen_whitened(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                         ulong seed, char * err, size_t errlen)
    SC_WARN_UNUSED;

/*
 * Recipe data of the logistic line (LOGISTIC.md section 3), exact over Q:
 * y = (+1^{n/2}, -1^{n/2}), the weights alpha (n x 1, any signs, sum > 0)
 * scaled to sum 1/s^2, Z = a seeded integer n x (d-1) matrix Z0 (entries
 * in [-4, 4]; of rank zrank when 0 < zrank < d - 1: Z0 = A B with seeded
 * A, B) projected onto span{1, alpha (.) y}^perp (Gram-Schmidt basis),
 * X~ = [s y | Z], then X~ Q for a Cayley rotation Q if rotate, and
 * X = X~ + 1 mu^T (mu d x 1, or NULL for 0).  When alpha > 0 the SVM is
 * w* = Q^T e1 / s with margin s, all samples active (A3) and alpha the
 * dual weights (A4).  Draw order: Z0 (or A then B) row by row, then K.
 * Requires n even, 2 <= n <= SC_LOGISTIC_MAX_N, 2 <= d <= SC_LOGISTIC_MAX_D,
 * s > 0; SC_EINVAL with the reason in err otherwise.
 */
/* The rotation's denominators grow with d and every later exact step
   (SVM, spectrum, near-reference) pays for them: n = 64, d = 64 rotated
   takes about 3 s to load, d = 128 over a minute. */
#define SC_LOGISTIC_MAX_N 64
#define SC_LOGISTIC_MAX_D 64
int sc_case_gen_logistic(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                         const fmpq_t s, const fmpq_mat_t alpha, slong zrank,
                         int rotate, const fmpq_mat_t mu, ulong seed,
                         char * err, size_t errlen) SC_WARN_UNUSED;

/*
 * Walsh-Hadamard data (THEOREMS.md section 7): columns cols[0..d-1] of the
 * n x n Sylvester matrix, H(i, j) = (-1)^popcount(i & j), n a power of two,
 * 1 <= cols[k] < n distinct; shift mu (d entries, may be NULL for 0); y is
 * column y_col of the Sylvester matrix (y_col >= 1).
 */
int sc_case_gen_hadamard(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                         const slong * cols, const fmpq_mat_t mu,
                         slong y_col, char * err, size_t errlen)
    SC_WARN_UNUSED;

/*
 * Seeded non-whitened data (integer entries in [-4, 4], labels +-1); the
 * deliberate violation of Sigma = I for the suites.
 */
int sc_case_gen_plain(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                      ulong seed, char * err, size_t errlen) SC_WARN_UNUSED;

/* ---- [F3] Hilbert data (THEOREMS.md s.6) ---- */

/* Q (m x d) = the first d columns of the Cayley rotation (I - K)(I + K)^-1
   of a seeded m x m integer skew K (entries in [-2, 2]); Q^T Q = I
   exactly when d = m. */
void sc_case_cayley_columns(fmpq_mat_t Q, slong m, slong d, sc_rand_t r);

/* z = a seeded Irwin-Hall draw sum_{k=1}^{12} U_k - 6, U_k uniform on the
   2^32 cell midpoints of [0, 1]: an exact dyadic rational in (-6, 6) of
   mean 0 and variance 1 - 2^-64. */
void sc_rand_normal_dyadic(fmpq_t z, sc_rand_t r);

/*
 * Section 6 data: X = P H Q + sigma E, H the leading n x d block of the
 * Hilbert matrix (1/(i+j-1)), P, Q seeded Cayley rotations, E seeded
 * Irwin-Hall noise, y_i = sign(<x~_i, v>) for a seeded integer v (+1 on a
 * tie, y_1 flipped if all agree).  Requires 2 <= n < d <= 32 and
 * sigma >= 0; SC_EINVAL else.
 */
int sc_case_gen_hilbert(fmpq_mat_t X, fmpq_mat_t y, slong n, slong d,
                        const fmpq_t sigma, ulong seed, char * err,
                        size_t errlen) SC_WARN_UNUSED;

/*
 * An initial state near the square-loss reference direction: w0 = alpha
 * w* + beta v with v a seeded direction in span(X~^T) orthogonal to w*,
 * alpha, beta dyadic rationals chosen so that rho_0 = rho0 and
 * ||w0||^2 = norm2 to about 100 bits (the exact values are whatever the
 * resulting rational w0 gives: checkers recompute them exactly).
 */
int sc_case_init_near_reference(fmpq_mat_t w0, const fmpq_mat_t X,
                                const fmpq_mat_t y, const fmpq_t rho0,
                                const fmpq_t norm2, ulong seed, char * err,
                                size_t errlen) SC_WARN_UNUSED;

/* The same around a given reference direction w (d x 1, nonzero, in
   span(X~^T)): the logistic line passes the SVM direction. */
int sc_case_init_near_direction(fmpq_mat_t w0, const fmpq_mat_t X,
                                const fmpq_mat_t w, const fmpq_t rho0,
                                const fmpq_t norm2, ulong seed, char * err,
                                size_t errlen) SC_WARN_UNUSED;

/* w0 = X~^T c with c a seeded integer vector in [-3, 3]^n, redrawn while
   X~ w0 = 0 (A2 of LOGISTIC.md: w0 in span(X~^T)). */
int sc_case_init_span(fmpq_mat_t w0, const fmpq_mat_t X, ulong seed,
                      char * err, size_t errlen) SC_WARN_UNUSED;

/*
 * Writes a suite of count generated cases named NAME-0000.json ... into
 * dir (created if missing), seeded by seed.  Suites: "whitened" (the
 * default suite: cases meeting each theorem's hypotheses and cases
 * deliberately violating them) and "logistic" (LOGISTIC.md).  Each file
 * is written to a temporary name and renamed.  Returns SC_OK, SC_EINVAL
 * (unknown suite) or SC_EIO.
 */
int sc_case_write_suite(const char * dir, const char * suite, slong count,
                        ulong seed, char * err, size_t errlen)
    SC_WARN_UNUSED;

/* Suite "logistic" (suite_logistic.c): recipe data of LOGISTIC.md s.3,
   cases meeting A1-A4 and cases breaking A1, A3, A4 or the rank; dir must
   exist. */
int sc_case_write_suite_logistic(const char * dir, slong count, ulong seed,
                                 char * err, size_t errlen) SC_WARN_UNUSED;

#endif
