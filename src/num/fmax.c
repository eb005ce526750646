/*
 * fmax.c -- a certified enclosure of P(H) = max_{0 < rho <= rho_H(H)} F(rho, H)
 * (THEOREMS.md [T3.b]) by branch and bound over subintervals.
 *
 * Upper bounds on a subinterval I = m +- r use the centred (mean-value)
 * form F(m) + |F'(I)| r, whose overestimate is quadratic in r; the naive
 * interval extension alone would keep O(1/sqrt(tol)) boxes alive near the
 * maximiser.  Lower bounds are point values F(m) with m <= rho_H.
 */
#include "num/num.h"

#define SC_FMAX_BOXES 256
#define SC_FMAX_ROUNDS 400

/* F'(rho) = (num' den - num den') / den^2 with num = rho (H - s),
   den = s + H rho^2, s = sqrt(1 + rho^2), s' = rho / s. */
static void
sc_num_F_deriv(arb_t res, const arb_t rho, const arb_t H, slong prec)
{
    arb_t s, num, den, dnum, dden, t;

    arb_init(s);
    arb_init(num);
    arb_init(den);
    arb_init(dnum);
    arb_init(dden);
    arb_init(t);
    arb_sqr(t, rho, prec);
    arb_nonnegative_part(t, t);
    arb_add_ui(s, t, 1, prec);
    arb_sqrt(s, s, prec);
    arb_mul(den, t, H, prec);
    arb_add(den, den, s, prec);
    arb_sub(num, H, s, prec);
    arb_div(dnum, t, s, prec);
    arb_sub(dnum, num, dnum, prec);             /* (H - s) - rho^2 / s */
    arb_mul(num, num, rho, prec);
    arb_div(dden, rho, s, prec);
    arb_mul(t, H, rho, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_add(dden, dden, t, prec);               /* rho / s + 2 H rho */
    arb_mul(dnum, dnum, den, prec);
    arb_mul(t, num, dden, prec);
    arb_sub(res, dnum, t, prec);
    arb_sqr(t, den, prec);
    arb_div(res, res, t, prec);
    arb_clear(t);
    arb_clear(dden);
    arb_clear(dnum);
    arb_clear(den);
    arb_clear(num);
    arb_clear(s);
}

/* Upper bound of F over the ball I: the smaller of the naive and the
   centred bound. */
static void
sc_num_F_upper(arf_t u, const arb_t I, const arb_t H, slong prec)
{
    arb_t m, f, fp, r;
    arf_t u2;

    arb_init(m);
    arb_init(f);
    arb_init(fp);
    arb_init(r);
    arf_init(u2);
    sc_num_F(f, I, H, prec);
    arb_get_ubound_arf(u, f, prec);
    arb_set_arf(m, arb_midref(I));
    sc_num_F(f, m, H, prec);
    sc_num_F_deriv(fp, I, H, prec);
    arb_abs(fp, fp);
    arf_set_mag(arb_midref(r), arb_radref(I));
    arb_mul(r, r, fp, prec);
    arb_add(f, f, r, prec);
    arb_get_ubound_arf(u2, f, prec);
    if (arf_cmp(u2, u) < 0 || arf_is_nan(u))
        arf_set(u, u2);
    if (arf_is_nan(u))
        arf_pos_inf(u);                 /* no information: keep the box */
    arf_clear(u2);
    arb_clear(r);
    arb_clear(fp);
    arb_clear(f);
    arb_clear(m);
}

/* Lower bound of F at the midpoint of I, when that point is in the domain
   (0, rho_lo]; otherwise leaves lo unchanged. */
static void
sc_num_F_lower_at_mid(arf_t lo, const arb_t I, const arf_t rho_lo,
                      const arb_t H, slong prec)
{
    arb_t m, f;
    arf_t l;

    if (arf_cmp(arb_midref(I), rho_lo) > 0 || arf_sgn(arb_midref(I)) <= 0)
        return;
    arb_init(m);
    arb_init(f);
    arf_init(l);
    arb_set_arf(m, arb_midref(I));
    sc_num_F(f, m, H, prec);
    arb_get_lbound_arf(l, f, prec);
    if (arf_cmp(l, lo) > 0)
        arf_set(lo, l);
    arf_clear(l);
    arb_clear(f);
    arb_clear(m);
}

int
sc_num_F_max(arb_t lo, arb_t hi, const arb_t H, slong tol_bits, slong prec)
{
    arb_ptr box, next;
    arf_ptr up;
    arb_t rhoH, t;
    arf_t L, U, rho_lo, rho_hi, gap;
    slong nbox, nnext, i, round;
    int status = SC_OK;

    arb_init(rhoH);
    arb_init(t);
    arf_init(L);
    arf_init(U);
    arf_init(rho_lo);
    arf_init(rho_hi);
    arf_init(gap);
    box = _arb_vec_init(2 * SC_FMAX_BOXES);
    next = _arb_vec_init(2 * SC_FMAX_BOXES);
    up = flint_malloc(2 * SC_FMAX_BOXES * sizeof(arf_struct));
    for (i = 0; i < 2 * SC_FMAX_BOXES; i++)
        arf_init(up + i);

    if (sc_num_rho_H(rhoH, H, prec) != SC_TRUE || !arb_is_positive(rhoH))
    {
        status = SC_UNABLE;
        goto cleanup;
    }
    arb_get_lbound_arf(rho_lo, rhoH, prec);
    arb_get_ubound_arf(rho_hi, rhoH, prec);

    /* the whole domain [0, rho_hi] as one ball whose upper end is exactly
       rho_hi: the radius is rounded up, so the midpoint is placed from the
       right end (a box reaching past rho_H could never close the gap when
       the maximum sits at rho_H) */
    arb_zero(box);
    arf_mul_2exp_si(arb_midref(t), rho_hi, -1);
    arf_get_mag(arb_radref(box), arb_midref(t));
    arf_set_mag(arb_midref(t), arb_radref(box));
    arf_sub(arb_midref(box), rho_hi, arb_midref(t), ARF_PREC_EXACT,
            ARF_RND_DOWN);
    nbox = 1;
    arf_zero(L);

    for (round = 0; round < SC_FMAX_ROUNDS; round++)
    {
        arf_neg_inf(U);
        for (i = 0; i < nbox; i++)
        {
            sc_num_F_upper(up + i, box + i, H, prec);
            sc_num_F_lower_at_mid(L, box + i, rho_lo, H, prec);
        }
        /* keep boxes that may beat L, split them in two */
        nnext = 0;
        for (i = 0; i < nbox; i++)
        {
            if (arf_cmp(up + i, L) < 0)
                continue;
            if (arf_cmp(up + i, U) > 0)
                arf_set(U, up + i);
            /* split only while every remaining box still fits unsplit */
            if (nnext + 2 + (nbox - i - 1) <= 2 * SC_FMAX_BOXES)
            {
                mag_mul_2exp_si(arb_radref(box + i), arb_radref(box + i), -1);
                arb_set(next + nnext, box + i);
                arb_set(next + nnext + 1, box + i);
                arf_set_mag(arb_midref(t), arb_radref(box + i));
                /* exact midpoints: the halves must cover the box */
                arf_sub(arb_midref(next + nnext), arb_midref(box + i),
                        arb_midref(t), ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_add(arb_midref(next + nnext + 1), arb_midref(box + i),
                        arb_midref(t), ARF_PREC_EXACT, ARF_RND_DOWN);
                nnext += 2;
            }
            else
            {
                arb_set(next + nnext, box + i);
                nnext++;
            }
        }
        _arb_vec_swap(box, next, 2 * SC_FMAX_BOXES);
        nbox = nnext;
        arf_sub(gap, U, L, prec, ARF_RND_UP);
        arf_mul_2exp_si(gap, gap, tol_bits);
        if (arf_sgn(L) > 0 && arf_cmp(gap, L) <= 0)
            break;
    }

    arb_set_arf(lo, L);
    arb_set_arf(hi, U);

cleanup:
    for (i = 0; i < 2 * SC_FMAX_BOXES; i++)
        arf_clear(up + i);
    flint_free(up);
    _arb_vec_clear(next, 2 * SC_FMAX_BOXES);
    _arb_vec_clear(box, 2 * SC_FMAX_BOXES);
    arf_clear(gap);
    arf_clear(rho_hi);
    arf_clear(rho_lo);
    arf_clear(U);
    arf_clear(L);
    arb_clear(t);
    arb_clear(rhoH);
    return status;
}
