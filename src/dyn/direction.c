/*
 * direction.c -- a, b, rho, W, h of a state (THEOREMS.md section 1).
 */
#include "dyn/dyn.h"
#include "num/num.h"

void
sc_dyn_direction(arb_t a, arb_t b, arb_t rho, arb_t W, arb_t h,
                 sc_dyn_t D, arb_srcptr w, const arb_t gamma, slong prec)
{
    slong j, d = D->d;
    arb_ptr r = D->r;

    _sc_vec_norm2(W, w, d, prec);
    if (!D->has_ref)
    {
        arb_indeterminate(a);
        arb_indeterminate(b);
        arb_indeterminate(rho);
        arb_indeterminate(h);
        return;
    }
    _sc_vec_dot(a, w, D->ustar, d, prec);
    /* the residual itself: sqrt(W - a^2) would lose all of b when rho
       is below the working precision */
    for (j = 0; j < d; j++)
    {
        arb_mul(r + j, a, D->ustar + j, prec);
        arb_sub(r + j, w + j, r + j, prec);
    }
    _sc_vec_norm2(b, r, d, prec);
    arb_sqrtpos(b, b, prec);
    if (arb_is_positive(a))
        arb_div(rho, b, a, prec);
    else
        arb_indeterminate(rho);
    arb_mul(h, D->eta, gamma, prec);
    arb_mul(h, h, D->c, prec);
    arb_div(h, h, W, prec);
}
