/*
 * convert.c -- exact rationals to balls, balls to report strings.
 */
#include <string.h>
#include "num/num.h"

void
sc_num_sqrt_fmpq(arb_t res, const fmpq_t x, slong prec)
{
    arb_set_fmpq(res, x, prec + 8);
    arb_sqrtpos(res, res, prec);
}

/* The midpoint alone, so the string does not depend on how many of its
   digits the radius would let arb_get_str print. */
char *
sc_num_get_str(const arb_t x, slong digits)
{
    arb_t m;
    char * s;

    if (!arb_is_finite(x))
    {
        s = flint_malloc(5);
        if (arf_is_pos_inf(arb_midref(x)))
            strcpy(s, "inf");
        else if (arf_is_neg_inf(arb_midref(x)))
            strcpy(s, "-inf");
        else
            strcpy(s, "nan");
        return s;
    }
    s = _sc_num_mid_str(arb_midref(x), digits);
    if (s != NULL)
        return s;
    arb_init(m);
    arf_set(arb_midref(m), arb_midref(x));
    s = arb_get_str(m, digits, ARB_STR_NO_RADIUS);
    arb_clear(m);
    return s;
}

/* 10^-digits / 4 >= 2^-bits, i.e. bits >= digits log2(10) + 2, with
   log2(10) < 3.3220 rounded up */
slong
sc_num_digits_bits(slong digits)
{
    return (digits * 33220 + 9999) / 10000 + 2;
}

/* The largest D with sc_num_digits_bits(D) <= bits, so that trace and the
   reports draw the same line: an estimate with log10(2) > 0.30102, then
   up while the next digit still fits (at most a step or two). */
slong
sc_num_certain_digits(const arb_t x)
{
    slong bits, digits;

    if (!arb_is_finite(x))
        return 0;
    if (arb_is_exact(x))
        return WORD_MAX;
    /* the accuracy is -WORD_MAX-ish for a zero midpoint: no arithmetic
       on it before the comparisons; 2^16 bits is 19728 digits, past any
       report (and no overflow where slong has 32 bits) */
    bits = FLINT_MIN(arb_rel_accuracy_bits(x), WORD(1) << 16);
    if (bits < sc_num_digits_bits(1))
        return 0;
    digits = ((bits - 2) * 30102) / 100000;
    while (sc_num_digits_bits(digits + 1) <= bits)
        digits++;
    return digits;
}

char *
sc_num_get_str_certain(const arb_t x, slong max_digits)
{
    slong c = sc_num_certain_digits(x);

    return sc_num_get_str(x, FLINT_MAX(1, FLINT_MIN(max_digits, c)));
}

double
sc_num_get_d_heuristic(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}
