/*
 * spikecheck_case.h -- the case as every layer reads it: sc_case_struct and
 * sc_loss_t.
 *
 * Its functions (init and clear, the loader, the generators) are the cases
 * module's, in src/cases/cases.h.  The type sits here, below both, because
 * src/data derives its exact facts from a case while the generators of
 * src/cases use those facts (centring, least squares, the SVM direction):
 * with the type in cases.h the two modules included each other.
 */
#ifndef SPIKECHECK_CASE_H
#define SPIKECHECK_CASE_H

#include "spikecheck.h"
#include "flint/fmpq.h"
#include "flint/fmpq_mat.h"

typedef enum
{
    SC_LOSS_SQUARE = 0,
    SC_LOSS_LOGISTIC = 1
} sc_loss_t;

/* Hex digits of a case digest. */
#define SC_CASE_DIGEST_LEN 32

typedef struct
{
    char * name;            /* owned */
    char * path;            /* owned; NULL when built in memory */
    sc_loss_t loss;
    slong n, d;
    fmpq_mat_t X;           /* n x d */
    fmpq_mat_t y;           /* n x 1, entries +1 / -1 */
    fmpq_mat_t w0;          /* d x 1, nonzero */
    fmpq_t gamma0;
    fmpq_t eta;             /* > 0 */
    fmpq_t eta_gamma;       /* in (0, 1) */
    fmpq_t weight_decay;    /* >= 0, BEYOND.md; 0 = plain GD */
    fmpq_t momentum;        /* in [0, 1), BEYOND.md; 0 = plain GD */
    int project_norm;       /* BEYOND.md control */
    slong steps;
    slong precision;        /* starting precision in bits */
    ulong seed;             /* data generator seed; 0 for explicit data */
    int figures;            /* SC_FIGURE_* bits: "report": {"figures"} */
    char data_desc[128];    /* "explicit", "whitened(n=16,d=6)", ... */
    char digest[SC_CASE_DIGEST_LEN + 1];    /* of the file's canonical form
                                               (digest.c); "" when built in
                                               memory */
}
sc_case_struct;

typedef sc_case_struct sc_case_t[1];

#endif
