/*
 * reduced.c -- the reduced recurrence of [L7] (THEOREMS.md section 2):
 *   rho+   = rho |s - h| / (s + h rho^2),   s = sqrt(1 + rho^2)
 *   gamma+ = (1 - eta_gamma) gamma + eta_gamma c / s
 *   W+     = W (1 + h^2 rho^2 / (1 + rho^2)),  h = eta gamma c / W
 * with a = sqrt(W) / s, b = rho a and the loss from [L1]:
 *   L = L* + (gamma - c/s)^2 / 2 + c^2 rho^2 / (2 s^2).
 * Carrying rho itself keeps its relative accuracy when rho is 1e-100:
 * the only cancellation is in s - h, and the balls see it.
 */
#include <stdio.h>
#include "dyn/dyn.h"
#include "num/num.h"

const char *
sc_dyn_reduced_domain(const sc_case_t c, const sc_data_t data)
{
    if (c->loss != SC_LOSS_SQUARE)
        return "the reduced recurrence is for the square loss";
    if (!data->whitened)
        return "Sigma != I (data not exactly whitened)";
    if (!data->has_ref)
        return "no reference direction (w* = 0, c = 0)";
    if (fmpq_sgn(data->w0_wstar) <= 0)
        return "a_0 = <w_0, u*> <= 0";
    if (fmpq_sgn(c->gamma0) <= 0)
        return "gamma_0 <= 0 (the standing facts need gamma_0 > 0)";
    if (!fmpq_is_zero(c->weight_decay) || !fmpq_is_zero(c->momentum)
        || c->project_norm)
        return "weight decay, momentum or norm projection is set";
    return NULL;
}

/* a, b, h and the loss of the reduced state in slot s; r, u, v are
   scratch (the caller's: no step allocates). */
static void
sc_dyn_reduced_derived(sc_traj_t T, slong s, const arb_t c,
                       const arb_t Lstar, const arb_t eta, arb_t r, arb_t u,
                       arb_t v, slong prec)
{
    arb_sqr(u, T->rho + s, prec);
    arb_add_ui(r, u, 1, prec);
    arb_sqrt(r, r, prec);                   /* r = sqrt(1 + rho^2) */
    arb_sqrtpos(T->a + s, T->W + s, prec);
    arb_div(T->a + s, T->a + s, r, prec);
    arb_mul(T->b + s, T->rho + s, T->a + s, prec);
    arb_mul(T->h + s, eta, T->gamma + s, prec);
    arb_mul(T->h + s, T->h + s, c, prec);
    arb_div(T->h + s, T->h + s, T->W + s, prec);
    /* loss: (gamma - c/r)^2 + c^2 rho^2 / r^2, halved, plus L* */
    arb_div(u, c, r, prec);
    arb_sub(u, T->gamma + s, u, prec);
    arb_sqr(u, u, prec);
    arb_mul(v, c, T->rho + s, prec);
    arb_div(v, v, r, prec);
    arb_addmul(u, v, v, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(T->loss + s, Lstar, u, prec);
}

int
sc_dyn_run_reduced(sc_traj_t T, const sc_case_t c, const sc_data_t data,
                   int point, slong prec, char * why, size_t whylen)
{
    const char * dom = sc_dyn_reduced_domain(c, data);
    slong t;
    arb_t cc, Lstar, eta, etag, s, u, h, num, den;

    if (dom != NULL)
    {
        snprintf(why, whylen, "%s", dom);
        return SC_DOMAIN;
    }
    arb_init(cc);
    arb_init(Lstar);
    arb_init(eta);
    arb_init(etag);
    arb_init(s);
    arb_init(u);
    arb_init(h);
    arb_init(num);
    arb_init(den);

    sc_num_sqrt_fmpq(cc, data->c2, prec);
    arb_set_fmpq(Lstar, data->y2, prec);
    arb_div_si(Lstar, Lstar, 2 * c->n, prec);
    arb_sqr(u, cc, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_sub(Lstar, Lstar, u, prec);
    arb_set_fmpq(eta, c->eta, prec);
    arb_set_fmpq(etag, c->eta_gamma, prec);

    T->point = point;
    T->prec = prec;
    T->has_ref = 1;
    T->stop[0] = '\0';
    sc_num_sqrt_fmpq(T->rho, data->rho0_sq, prec);
    arb_set_fmpq(T->gamma, c->gamma0, prec);
    arb_set_fmpq(T->W, data->W0, prec);

    for (t = 0; ; t++)
    {
        slong k = sc_traj_slot(T, t), kn = sc_traj_slot(T, t + 1);

        if (point)
        {
            mag_zero(arb_radref(T->rho + k));
            mag_zero(arb_radref(T->gamma + k));
            mag_zero(arb_radref(T->W + k));
        }
        sc_dyn_reduced_derived(T, k, cc, Lstar, eta, s, u, num, prec);
        T->len = t + 1;
        if (t > 0 && _sc_traj_settle(T, t - 1))
            break;
        if (t == c->steps)
            break;
        arb_sqr(u, T->rho + k, prec);
        arb_add_ui(s, u, 1, prec);
        arb_sqrt(s, s, prec);
        arb_set(h, T->h + k);
        /* rho+ */
        arb_sub(num, s, h, prec);
        arb_abs(num, num);
        arb_mul(num, num, T->rho + k, prec);
        arb_mul(den, h, u, prec);
        arb_add(den, den, s, prec);
        arb_div(T->rho + kn, num, den, prec);
        /* W+ = W (1 + h^2 rho^2 / s^2) */
        arb_mul(num, h, T->rho + k, prec);
        arb_sqr(num, num, prec);
        arb_sqr(den, s, prec);
        arb_div(num, num, den, prec);
        arb_add_ui(num, num, 1, prec);
        arb_mul(T->W + kn, T->W + k, num, prec);
        /* gamma+ = (1 - eta_g) gamma + eta_g c / s: gamma appears once,
           so its radius contracts as the map does */
        arb_div(num, cc, s, prec);
        arb_mul(num, num, etag, prec);
        arb_sub_ui(den, etag, 1, prec);
        arb_neg(den, den);
        arb_mul(den, den, T->gamma + k, prec);
        arb_add(T->gamma + kn, den, num, prec);
        if (!arb_is_finite(T->rho + kn) || !arb_is_finite(T->W + kn))
        {
            snprintf(T->stop, sizeof(T->stop),
                     "enclosure lost at step %ld (precision %ld bits)",
                     (long) (t + 1), (long) prec);
            break;
        }
    }
    _sc_traj_finish(T);

    arb_clear(den);
    arb_clear(num);
    arb_clear(h);
    arb_clear(u);
    arb_clear(s);
    arb_clear(etag);
    arb_clear(eta);
    arb_clear(Lstar);
    arb_clear(cc);
    return SC_OK;
}
