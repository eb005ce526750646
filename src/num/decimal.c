/*
 * decimal.c -- the midpoint of a ball as the decimal string arb_get_str
 * prints for it, about three times faster (the trace CSV prints seven
 * numbers a step, and arb_get_str was a third of `spikecheck trace`).
 *
 * What arb_get_str(m, n, ARB_STR_NO_RADIUS) prints for an exact nonzero m:
 * it approximates |m| 10^k by an integer M of n + 4 or n + 5 digits
 * (within one unit), rounds M to n digits looking at digit n + 1 only
 * (5..9 up, else down; a carry out of the leading digit gives 1 and a
 * higher exponent) and writes the n digits, trailing zeros kept, in fixed
 * point when the leading digit's decimal exponent e has -4 <= e <=
 * max(6, n - 1) and e < n - 1, else as d.ddd...e+X / e-X.
 *
 * Here the digits come from MPFR: the exact truncation F of |m| 10^k,
 * taken to n + 8 digits.  M is F - 1, F or F + 1, and half-up rounding at
 * digit n + 1 is monotone, so M rounds like F unless the digits of F from
 * n + 1 on read 5000... (F - 1 rounds down, F up) or 4999... (F + 1 rounds
 * up, F down).  The digits past n + 1 that M has (at least two) may
 * differ, so any 500 or 499 there hands the number back to arb_get_str:
 * 0.2% of random numbers.  tests/test_num.c compares the two routes on
 * every kind of input.
 */
#include <string.h>
#include <mpfr.h>
#include "num/num.h"

/* Digits beyond the n printed ones: the rounding digit, the two the
   boundary test reads with it, and spare ones. */
#define SC_DEC_GUARD 8

/* Rounds the n-digit prefix of dig up in place; returns 1 on a carry out
   of the leading digit (the prefix is then 100...0). */
static int
sc_dec_round_up(char * dig, slong n)
{
    slong i;

    for (i = n - 1; i >= 0; i--)
    {
        if (dig[i] != '9')
        {
            dig[i]++;
            return 0;
        }
        dig[i] = '0';
    }
    dig[0] = '1';
    return 1;
}

/* Writes sign, the n digits and the exponent e of the leading digit in
   arb_get_str's layout (see the header). */
static char *
sc_dec_format(int negative, const char * dig, slong n, slong e)
{
    slong maxfix = FLINT_MAX(6, n - 1), i, pos = 0;
    char * s = flint_malloc(n + 32);

    if (negative)
        s[pos++] = '-';
    if (e >= -4 && e <= maxfix && e < n - 1)
    {
        if (e < 0)
        {
            s[pos++] = '0';
            s[pos++] = '.';
            for (i = 0; i < -1 - e; i++)
                s[pos++] = '0';
            memcpy(s + pos, dig, n);
            pos += n;
        }
        else
        {
            memcpy(s + pos, dig, e + 1);
            pos += e + 1;
            s[pos++] = '.';
            memcpy(s + pos, dig + e + 1, n - e - 1);
            pos += n - e - 1;
        }
        s[pos] = '\0';
        return s;
    }
    s[pos++] = dig[0];
    if (n > 1)
    {
        s[pos++] = '.';
        memcpy(s + pos, dig + 1, n - 1);
        pos += n - 1;
    }
    sprintf(s + pos, "e%c%ld", e < 0 ? '-' : '+', (long) (e < 0 ? -e : e));
    return s;
}

char *
_sc_num_mid_str(const arf_t m, slong n)
{
    slong len = n + SC_DEC_GUARD;
    mpfr_exp_t e10;
    mpfr_t f;
    char * dig;
    char * s;
    int negative = arf_sgn(m) < 0;

    /* outside MPFR's exponent range the conversion would not be exact
       (and would set MPFR's global flags): arb_get_str handles it */
    if (n < 1 || arf_is_zero(m) || !arf_is_finite(m)
        || fmpz_cmp_si(ARF_EXPREF(m), mpfr_get_emax()) > 0
        || fmpz_cmp_si(ARF_EXPREF(m), mpfr_get_emin()) < 0)
        return NULL;
    mpfr_init2(f, FLINT_MAX(arf_bits(m), MPFR_PREC_MIN));
    arf_get_mpfr(f, m, MPFR_RNDN);              /* exact: enough bits */
    mpfr_abs(f, f, MPFR_RNDN);
    dig = flint_malloc(len + 2);
    mpfr_get_str(dig, &e10, 10, len, f, MPFR_RNDZ);
    mpfr_clear(f);
    if ((dig[n] == '5' && dig[n + 1] == '0' && dig[n + 2] == '0')
        || (dig[n] == '4' && dig[n + 1] == '9' && dig[n + 2] == '9'))
    {
        flint_free(dig);
        return NULL;
    }
    /* mpfr: |m| = 0.dig * 10^e10, so the leading digit has exponent
       e10 - 1 */
    e10 -= 1;
    if (dig[n] >= '5' && sc_dec_round_up(dig, n))
        e10 += 1;
    s = sc_dec_format(negative, dig, n, (slong) e10);
    flint_free(dig);
    return s;
}
