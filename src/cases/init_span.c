/*
 * init_span.c -- an initial state in span(X~^T) (A2 of LOGISTIC.md):
 * w0 = X~^T c, c a seeded integer vector.  Gradient steps stay in that span
 * (grad_w L is in range X~^T), so A2 then holds along the whole run.
 *
 * Draw order: c in [-3, 3]^n, redrawn while X~ w0 = 0 (the normalised
 * model would be undefined).
 */
#include <stdio.h>
#include "cases/cases.h"
#include "data/data.h"

#define SC_SPAN_TRIES 64

int
sc_case_init_span(fmpq_mat_t w0, const fmpq_mat_t X, ulong seed, char * err,
                  size_t errlen)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X), i, tries;
    fmpq_mat_t Xc, Xt, c, w, Xw;
    sc_rand_t r;
    int ok = 0;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(c, n, 1);
    fmpq_mat_init(w, d, 1);
    fmpq_mat_init(Xw, n, 1);
    sc_data_center(Xc, X);
    fmpq_mat_transpose(Xt, Xc);
    sc_rand_init(r, seed);
    /* X~ = 0 makes every draw fail; otherwise each fails with
       probability <= 1/7 */
    for (tries = 0; tries < SC_SPAN_TRIES && !ok; tries++)
    {
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(c, i, 0), sc_rand_range(r, -3, 3), 1);
        fmpq_mat_mul(w, Xt, c);
        fmpq_mat_mul(Xw, Xc, w);
        ok = !fmpq_mat_is_zero(Xw);
    }
    if (ok)
        fmpq_mat_swap(w0, w);
    else if (err != NULL && errlen > 0)
        snprintf(err, errlen, "span: no w0 = X~^T c with X~ w0 != 0 after "
                 "%d draws (is X~ = 0?)", SC_SPAN_TRIES);
    fmpq_mat_clear(Xw);
    fmpq_mat_clear(w);
    fmpq_mat_clear(c);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Xc);
    return ok ? SC_OK : SC_EINVAL;
}
