/*
 * theta.c -- the scalar functions of THEOREMS.md section 1 in balls:
 * Theta(rho), its inverse rho_H(H), and the one-step map F(rho, H).
 */
#include "num/num.h"

sc_truth_t
sc_num_theta(arb_t res, const arb_t rho, slong prec)
{
    arb_t s, t;
    sc_truth_t below;

    arb_init(s);
    arb_init(t);
    arb_one(t);
    below = sc_num_lt(rho, t);
    if (below == SC_TRUE)
    {
        arb_sqr(t, rho, prec);
        arb_add_ui(s, t, 1, prec);
        arb_sqrt(s, s, prec);
        /* 1 - rho^2 as (1 - rho)(1 + rho): no cancellation near rho = 1 */
        arb_sub_ui(t, rho, 1, prec);
        arb_neg(t, t);
        arb_add_ui(res, rho, 1, prec);
        arb_mul(t, t, res, prec);
        arb_div(res, s, t, prec);
        arb_mul_2exp_si(res, res, 1);
    }
    else if (below == SC_FALSE)
        arb_pos_inf(res);
    else
        arb_indeterminate(res);
    arb_clear(t);
    arb_clear(s);
    return below;
}

sc_truth_t
sc_num_rho_H(arb_t res, const arb_t H, slong prec)
{
    arb_t s, t, two;
    sc_truth_t above;

    arb_init(s);
    arb_init(t);
    arb_init(two);
    arb_set_ui(two, 2);
    above = sc_num_gt(H, two);
    if (above == SC_TRUE)
    {
        /* s_H = (sqrt(1 + 2 H^2) - 1) / H solves H s^2 + 2 s - 2 H = 0;
           rho_H^2 = (s - 1)(s + 1) with the cancellation-free
           s - 1 = (H - 2) / (sqrt(1 + 2 H^2) + 1 + H) */
        arb_sqr(t, H, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_add_ui(t, t, 1, prec);
        arb_sqrt(t, t, prec);
        arb_add_ui(t, t, 1, prec);
        arb_add(t, t, H, prec);
        arb_sub_ui(s, H, 2, prec);
        arb_div(s, s, t, prec);                 /* s - 1 */
        arb_add_ui(t, s, 2, prec);              /* s + 1 */
        arb_mul(t, t, s, prec);
        arb_sqrtpos(res, t, prec);
    }
    else if (above == SC_FALSE)
        arb_zero(res);
    else
        arb_indeterminate(res);
    arb_clear(two);
    arb_clear(t);
    arb_clear(s);
    return above;
}

void
sc_num_F(arb_t res, const arb_t rho, const arb_t H, slong prec)
{
    arb_t s, num, den;

    arb_init(s);
    arb_init(num);
    arb_init(den);
    /* rho^2 >= 0: a wide ball around a small rho would otherwise let the
       denominator straddle zero */
    arb_sqr(den, rho, prec);
    arb_nonnegative_part(den, den);
    arb_add_ui(s, den, 1, prec);
    arb_sqrt(s, s, prec);
    arb_mul(den, den, H, prec);
    arb_add(den, den, s, prec);
    arb_sub(num, H, s, prec);
    arb_mul(num, num, rho, prec);
    arb_div(res, num, den, prec);
    arb_clear(den);
    arb_clear(num);
    arb_clear(s);
}
