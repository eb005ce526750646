/*
 * [W4] Weight decay as a growing learning rate (exact; both losses).
 *
 *   w_{t+1} = (1 - eta lambda) w_t - eta grad L(w_t)  and
 *   w~_t = (1 - eta lambda)^(-t) w_t  give
 *   w~_{t+1} = w~_t - eta_t grad L(w~_t),  eta_t = eta (1 - eta lambda)^(-2t-1),
 *
 * i.e. GD with weight decay on a scale-invariant loss is plain GD with an
 * exponentially growing step (Li and Arora 2020, cited by seed 004 as
 * [16]).  Source: BEYOND.md section 1 [W4]; follows from (2b) of seed 004:
 * grad L(s w) = grad L(w) / s.  Provenance: exact.  gamma is not rescaled
 * (its own step is untouched).  Momentum or project_norm make it
 * NOT-APPLICABLE; lambda = 0 is plain GD and still applies.
 *
 * Checked rigorously at the midpoint w of every certified full-GD state:
 * the plain step with eta_t is taken from w~ = (1 - eta lambda)^(-t) w,
 * with the gradient evaluated at w~ itself (an independent evaluation, not
 * a rescaled copy of grad L(w)), and compared coordinate by coordinate
 * with (1 - eta lambda)^(-t-1) times the decayed step from w.  A
 * coordinate whose difference ball excludes zero is VIOLATED.
 */
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

/* diff = plain step of w~ minus factor * rescaled decayed step; returns
   SC_FALSE if a coordinate certifiably differs, else rel = ||diff|| /
   ||rescaled step|| and SC_TRUE / SC_UNKNOWN by its width (an
   sc_wd_state_fn; t is the step). */
typedef struct
{
    arb_ptr g, wt, w1;          /* length d */
    arb_t q1, f;                /* 1 - eta lambda, ctx->factor */
}
sc_w4_arg;

static sc_truth_t
sc_w4_state(arb_t rel, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
            slong t, void * arg, slong prec)
{
    sc_w4_arg * a = arg;
    arb_ptr g = a->g, wt = a->wt, w1 = a->w1;
    arb_srcptr q1 = a->q1, f = a->f;
    slong j, d = D->d;
    arb_t s, step, x, n2;
    sc_truth_t v = SC_TRUE;

    arb_init(s);
    arb_init(step);
    arb_init(x);
    arb_init(n2);
    arb_inv(x, q1, prec);
    arb_pow_ui(s, x, t, prec);                  /* (1 - eta lambda)^-t */
    arb_pow_ui(step, x, 2 * t + 1, prec);
    arb_mul(step, step, D->eta, prec);          /* eta_t */
    _arb_vec_scalar_mul(wt, w, d, s, prec);
    sc_dyn_grad(g, NULL, NULL, D, wt, gamma, prec);
    for (j = 0; j < d; j++)
        arb_submul(wt + j, step, g + j, prec);  /* w~_{t+1} */
    sc_dyn_grad(g, NULL, NULL, D, w, gamma, prec);
    _sc_wd_step(w1, w, g, q1, D->eta, d, prec);
    arb_mul(s, s, f, prec);                     /* f = 1 outside tests */
    arb_div(s, s, q1, prec);
    _arb_vec_scalar_mul(w1, w1, d, s, prec);
    _sc_vec_norm2(n2, w1, d, prec);
    _arb_vec_sub(wt, wt, w1, d, prec);
    for (j = 0; j < d; j++)
        if (!arb_contains_zero(wt + j))
            v = SC_FALSE;
    _sc_vec_norm2(x, wt, d, prec);
    arb_div(rel, x, n2, prec);
    arb_sqrtpos(rel, rel, prec);
    arb_one(x);
    arb_mul_2exp_si(x, x, -prec / 2);
    if (v == SC_TRUE && !arb_le(rel, x))
        v = SC_UNKNOWN;
    arb_clear(n2);
    arb_clear(x);
    arb_clear(step);
    arb_clear(s);
    return v;
}

int
sc_thm_w4_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong d = ctx->cs->d;
    sc_w4_arg a;
    arb_t worst, x;
    sc_dyn_struct * D;
    int status;

    if (!sc_wd_need_plain(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    a.g = _arb_vec_init(d);
    a.wt = _arb_vec_init(d);
    a.w1 = _arb_vec_init(d);
    arb_init(a.q1);
    arb_init(a.f);
    arb_init(worst);
    arb_init(x);
    sc_thm_factor(a.f, ctx, prec);
    sc_wd_decay(a.q1, ctx, prec);
    D = sc_ctx_dyn(ctx, prec);

    status = sc_wd_walk(res, worst, ctx, T, D, ctx->cs->steps,
                        sc_w4_state, &a,
                        "(1 - eta lambda)^-t w_t does not follow plain GD "
                        "with step eta (1 - eta lambda)^(-2t-1) at step "
                        "%ld", "residual of the rescaled step not resolved "
                        "at step %ld", prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        arb_zero(x);
        sc_result_set_predicted(res, x);
        sc_result_set_observed(res, worst);
        arb_inv(x, a.q1, prec);
        arb_pow_ui(x, x, 2 * ctx->cs->steps - 1, prec);
        arb_mul(x, x, D->eta, prec);
        sc_result_set_extra(res, "eta_last", x);
        sc_result_reason(res, "plain GD with the growing step reproduces "
                         "every decayed step (relative residual <= "
                         "observed; last step size in extra eta_last)");
    }

    arb_clear(x);
    arb_clear(worst);
    arb_clear(a.f);
    arb_clear(a.q1);
    _arb_vec_clear(a.w1, d);
    _arb_vec_clear(a.wt, d);
    _arb_vec_clear(a.g, d);
    return status;
}
