/*
 * cost.c -- what a case costs, estimated before it runs (issue 17 item
 * 11).  The caps of cases.h count balls and entries, and inside them a
 * case could still run out of memory (a long trajectory at a high
 * precision) or spend hours in exact arithmetic (many digits, a large
 * LP).  These estimates count bytes and digit operations, so that a case
 * inside every cap finishes, ends UNDECIDED, or is refused here with the
 * estimate and the limit.  They are heuristics (doubles that decide
 * nothing about a theorem); they over- rather than under-estimate.
 */
#include <string.h>
#include "cases/cases.h"

double
sc_case_cost_bytes(const sc_case_t c, slong prec_max)
{
    double prec = (double) FLINT_MAX(c->precision, prec_max);
    double ball = prec / 8 + SC_CASE_BALL_OVERHEAD;
    double states = (double) (c->steps + 1) * (double) (c->d + 8);
    double data = (double) c->n * (double) c->d + (double) c->d * c->d;

    /* the run context keeps the trajectory at every precision of the
       ladder prec0, 2 prec0, .. <= prec: less than twice the top one */
    return 2 * (states + data) * ball;
}

/* The digits an entry of the centred data can have, largest over the
   columns: the centring puts every entry of a column over the lcm of the
   column's denominators (data with unrelated denominators grow by n
   times their size; generated data share them). */
static double
sc_cost_centred_digits(const sc_case_t c)
{
    double k = 0, num;
    slong i, j;
    fmpz_t l;

    fmpz_init(l);
    for (j = 0; j < c->d; j++)
    {
        fmpz_one(l);
        num = 0;
        for (i = 0; i < c->n; i++)
        {
            const fmpq * x = fmpq_mat_entry(c->X, i, j);

            fmpz_lcm(l, l, fmpq_denref(x));
            num = FLINT_MAX(num, (double) fmpz_sizeinbase(fmpq_numref(x),
                                                          10));
        }
        k = FLINT_MAX(k, num + 2 * (double) fmpz_sizeinbase(l, 10));
    }
    fmpz_clear(l);
    return k;
}

double
sc_case_cost_work_dims(slong n, slong d, double k)
{
    /* the exact Gram matrix (n d^2 products) and w*, Sigma's spectrum
       (no more): products cost k digit operations, the gcds of fmpq
       arithmetic grow faster, k (1 + k / 1000) */
    return (double) n * (double) d * (double) d * k * (1 + k / 1000);
}

double
sc_case_cost_work(const sc_case_t c)
{
    return sc_case_cost_work_dims(c->n, c->d, sc_cost_centred_digits(c));
}

double
sc_case_cost_lp(const sc_case_t c)
{
    double n = (double) c->n;

    if (c->loss != SC_LOSS_LOGISTIC)
        return 0;
    /* the exact simplex of the SVM dual (src/data/svm_lp.c): up to n^2
       pivots over n^2 entries, of about the centred data's size */
    return n * n * n * n * sc_cost_centred_digits(c);
}

int
sc_case_check_cost(const sc_case_t c, slong prec_max, const char ** field,
                   char * why, size_t len)
{
    double bytes = sc_case_cost_bytes(c, prec_max), work, lp;

    if (bytes > SC_CASE_MAX_BYTES)
    {
        *field = c->precision > prec_max ? "precision" : "steps";
        snprintf(why, len, "%ld steps of a %ld-dimensional state at %ld "
                 "bits do not fit in memory (estimate %.0f bytes > limit "
                 "%.0f)", (long) c->steps, (long) c->d,
                 (long) FLINT_MAX(c->precision, prec_max), bytes,
                 (double) SC_CASE_MAX_BYTES);
        return SC_EINVAL;
    }
    work = sc_case_cost_work(c);
    *field = "data";
    if (work > SC_CASE_MAX_WORK)
    {
        snprintf(why, len, "exact arithmetic on %ld x %ld data too costly "
                 "(estimate %.0f digit operations > limit %.0f)",
                 (long) c->n, (long) c->d, work, (double) SC_CASE_MAX_WORK);
        return SC_EINVAL;
    }
    lp = sc_case_cost_lp(c);
    if (lp > SC_CASE_MAX_LP)
    {
        snprintf(why, len, "the exact SVM dual LP of n = %ld samples too "
                 "costly (estimate %.0f digit operations > limit %.0f)",
                 (long) c->n, lp, (double) SC_CASE_MAX_LP);
        return SC_EINVAL;
    }
    return SC_OK;
}
