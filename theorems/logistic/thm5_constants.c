/*
 * thm5_constants.c -- the closed-form constants of Theorem 5' (LOGISTIC.md
 * 2.7) for the case's horizon T, shared by the claims of [T5.1] and [T5.2]
 * (with their common set-up, sc_logi_thm5_setup):
 *   Gamma = gamma_0 + eta_gamma T,  gamma_lo = gamma_0 - eta_gamma T,
 *   eps_0 = sqrt(lmax) rho_0 / m,  Y_0 = (1 + R rho_0 / m) / (1 - eps_0),
 *   g_lo = sigma(-Gamma Y_0),  C_Gamma = 1/2 + sqrt2 Gamma / 4,
 *   eta_max = 2 m^2 (1 - eps_0) g_lo W_0 / (Gamma lmax C_Gamma^2).
 * The hypotheses on the initial state are exact rationals except
 * rho_0 < m / sqrt(lmax), decided as rho_0^2 lmax < m^2 with the certified
 * enclosure of lmax.
 */
#include <stdio.h>
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* Truth of the hypotheses; why names the first that is not certified. */
static sc_truth_t
sc_logi_thm5_hyp(const char ** why, const sc_logi_t L,
                 const sc_ctx_t ctx, const fmpq_t etaT, slong prec)
{
    const sc_case_struct * c = ctx->cs;
    arb_t x, m2;
    sc_truth_t r;

    if (fmpq_cmp_si(ctx->data->w0_wstar, 0) <= 0)
    {
        *why = "a_0 <= 0";
        return SC_FALSE;
    }
    if (fmpq_cmp_si(c->gamma0, 0) <= 0)
    {
        *why = "gamma_0 <= 0";
        return SC_FALSE;
    }
    if (fmpq_cmp(etaT, c->gamma0) >= 0)
    {
        *why = "eta_gamma T >= gamma_0";
        return SC_FALSE;
    }
    arb_init(x);
    arb_init(m2);
    arb_set_fmpq(x, ctx->data->rho0_sq, prec);
    arb_mul(x, x, L->lmax, prec);
    arb_sqr(m2, L->m, prec);
    r = sc_num_lt(x, m2);
    if (r != SC_TRUE)
        *why = r == SC_FALSE ? "rho_0 < m / sqrt(lambda_max) fails"
                             : "rho_0 < m / sqrt(lambda_max) undecided";
    arb_clear(m2);
    arb_clear(x);
    return r;
}

void
sc_logi_thm5_init(sc_logi_thm5_struct * K, sc_logi_t L, const sc_ctx_t ctx,
                  slong prec)
{
    const sc_case_struct * c = ctx->cs;
    fmpq_t etaT;
    arb_t t, u;

    arb_init(K->Gamma); arb_init(K->gamma_lo); arb_init(K->rho0);
    arb_init(K->eps0); arb_init(K->Y0); arb_init(K->g_lo);
    arb_init(K->C_Gamma); arb_init(K->W0); arb_init(K->eta_max);
    arb_init(t);
    arb_init(u);
    fmpq_init(etaT);
    fmpq_mul_si(etaT, c->eta_gamma, c->steps);
    K->why = "";
    K->hyp = sc_logi_thm5_hyp(&K->why, L, ctx, etaT, prec);

    arb_set_fmpq(t, etaT, prec);
    arb_set_fmpq(u, c->gamma0, prec);
    arb_add(K->Gamma, u, t, prec);
    arb_sub(K->gamma_lo, u, t, prec);
    arb_set_fmpq(K->rho0, ctx->data->rho0_sq, prec + 8);
    arb_sqrtpos(K->rho0, K->rho0, prec);
    arb_mul(K->eps0, L->slmax, K->rho0, prec);
    arb_div(K->eps0, K->eps0, L->m, prec);
    arb_mul(t, L->R, K->rho0, prec);            /* Y_0 */
    arb_div(t, t, L->m, prec);
    arb_add_ui(t, t, 1, prec);
    arb_sub_ui(u, K->eps0, 1, prec);
    arb_neg(u, u);                              /* 1 - eps_0 */
    arb_div(K->Y0, t, u, prec);
    arb_mul(t, K->Gamma, K->Y0, prec);          /* g_lo = sigma(-Gamma Y_0) */
    sc_dyn_margin_loss(NULL, K->g_lo, NULL, SC_LOSS_LOGISTIC, t, prec);
    arb_neg(K->g_lo, K->g_lo);
    arb_sqrt_ui(t, 2, prec);                    /* C_Gamma */
    arb_mul(t, t, K->Gamma, prec);
    arb_mul_2exp_si(t, t, -2);
    arb_one(K->C_Gamma);
    arb_mul_2exp_si(K->C_Gamma, K->C_Gamma, -1);
    arb_add(K->C_Gamma, K->C_Gamma, t, prec);
    arb_set_fmpq(K->W0, ctx->data->W0, prec);

    arb_sqr(t, L->m, prec);                     /* eta_max */
    arb_mul_2exp_si(t, t, 1);
    arb_mul(t, t, u, prec);
    arb_mul(t, t, K->g_lo, prec);
    arb_mul(t, t, K->W0, prec);
    arb_sqr(u, K->C_Gamma, prec);
    arb_mul(u, u, K->Gamma, prec);
    arb_mul(u, u, L->lmax, prec);
    arb_div(K->eta_max, t, u, prec);
    if (K->hyp != SC_TRUE)
        arb_indeterminate(K->eta_max);
    fmpq_clear(etaT);
    arb_clear(u);
    arb_clear(t);
}

void
sc_logi_thm5_clear(sc_logi_thm5_struct * K)
{
    arb_clear(K->Gamma); arb_clear(K->gamma_lo); arb_clear(K->rho0);
    arb_clear(K->eps0); arb_clear(K->Y0); arb_clear(K->g_lo);
    arb_clear(K->C_Gamma); arb_clear(K->W0); arb_clear(K->eta_max);
}

int
sc_logi_thm5_setup(const sc_traj_struct ** T, sc_logi_thm5_struct * K,
                   sc_logi_struct ** L, sc_result_t res, sc_ctx_t ctx,
                   int * status, slong prec)
{
    *status = SC_OK;
    if (!sc_logi_applies(res, ctx, SC_LOGI_NEED_A3 | SC_LOGI_NEED_PLAIN))
        return 0;
    *T = sc_thm_need_full(res, ctx, prec);
    if (*T == NULL)
    {
        *status = SC_UNABLE;
        return 0;
    }
    *L = sc_ctx_logi(ctx, prec);
    sc_logi_thm5_init(K, *L, ctx, prec);
    return 1;
}
