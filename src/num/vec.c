/*
 * vec.c -- vector kernels on raw arb arrays, all through arb_dot.
 */
#include "num/num.h"

void
_sc_vec_dot(arb_t res, arb_srcptr x, arb_srcptr y, slong len, slong prec)
{
    arb_dot(res, NULL, 0, x, 1, y, 1, len, prec);
}

void
_sc_vec_norm2(arb_t res, arb_srcptr x, slong len, slong prec)
{
    arb_dot(res, NULL, 0, x, 1, x, 1, len, prec);
    /* a sum of squares: a wide ball may dip below zero */
    arb_nonnegative_part(res, res);
}
