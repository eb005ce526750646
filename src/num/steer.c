/*
 * steer.c -- exp and pow of doubles, correctly rounded (MPFR at 53 bits,
 * round to nearest), for the doubles that steer the suite generators and
 * tighten's search.  Such doubles never decide a verdict, but they choose
 * the parameters written into case files, and libm's exp and pow are not
 * correctly rounded: a one-ulp difference between two C libraries could
 * change a generated case.  MPFR's results are the same on every machine.
 */
#include <mpfr.h>
#include "num/num.h"

double
sc_num_exp_d(double x)
{
    mpfr_t t;
    double r;

    mpfr_init2(t, 53);
    mpfr_set_d(t, x, MPFR_RNDN);                /* exact */
    mpfr_exp(t, t, MPFR_RNDN);
    r = mpfr_get_d(t, MPFR_RNDN);               /* exact: 53 bits */
    mpfr_clear(t);
    return r;
}

double
sc_num_pow_d(double x, double y)
{
    mpfr_t t, u;
    double r;

    mpfr_init2(t, 53);
    mpfr_init2(u, 53);
    mpfr_set_d(t, x, MPFR_RNDN);
    mpfr_set_d(u, y, MPFR_RNDN);
    mpfr_pow(t, t, u, MPFR_RNDN);
    r = mpfr_get_d(t, MPFR_RNDN);
    mpfr_clear(u);
    mpfr_clear(t);
    return r;
}
