/*
 * [L12] Scale invariance (exact; both losses, any Sigma).
 *
 *   <grad_w L(w, gamma), w> = 0.
 *
 * Source: paper Lemma 12 (App. A); THEOREMS.md section 2, LOGISTIC.md 2.1.
 * Checked rigorously at every state of the full-GD trajectory: the state is
 * the midpoint of the certified enclosure (an exact point), the gradient is
 * the generic chain-rule gradient in balls, and the step is VIOLATED when
 * the ball of <g, w> excludes zero.  HOLDS needs every residual ball to
 * contain zero with radius below 2^(-prec/2) of the Cauchy-Schwarz scale
 * ||g|| ||w||; a wider ball asks for more precision.
 *
 * On a trajectory in split coordinates (src/dyn/split.c: w = u w* + e,
 * e perpendicular to w*) the state is the midpoint of (u, c) and the
 * gradient is the same chain-rule gradient in those coordinates, g =
 * (gu / c2) w* + Pg, so <g, w> = u gu + e.Pg, ||g||^2 = gu^2 / c2 +
 * ||Pg||^2 and ||w||^2 = u^2 c2 + ||e||^2: each part keeps its relative
 * accuracy when rho is tiny, where <g, w> of absolute coordinates needs
 * about log2(1/rho) more bits (cases/deep/: rho = 3e-1376).
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* res = |<g, w>| / (||g|| ||w||) as an enclosure, 0 when g = 0 */
static void
sc_l12_relative(arb_t rel, arb_t r, arb_srcptr g, arb_srcptr w, slong d,
                const arb_t factor, slong prec)
{
    arb_t s, t;

    arb_init(s);
    arb_init(t);
    _sc_vec_dot(r, g, w, d, prec);
    _sc_vec_norm2(s, g, d, prec);
    _sc_vec_norm2(t, w, d, prec);
    arb_mul(s, s, t, prec);
    arb_sqrtpos(s, s, prec);
    arb_sub_ui(t, factor, 1, prec);             /* 0 outside tests */
    arb_addmul(r, t, s, prec);
    if (arb_is_positive(s))
    {
        arb_abs(rel, r);
        arb_div(rel, rel, s, prec);
    }
    else
        arb_zero_pm_inf(rel);
    arb_clear(t);
    arb_clear(s);
}

/* The same from the split parts (see the top comment): r = u gu + e.Pg,
   the scale sqrt((gu^2 / c2 + ||Pg||^2) (u^2 c2 + ||e||^2)). */
static void
sc_l12_relative_split(arb_t rel, arb_t r, const sc_dyn_split_t S,
                      arb_srcptr z, const arb_t gu, arb_srcptr Pg,
                      arb_ptr e, const arb_t factor, slong prec)
{
    slong d = S->d;
    arb_t s, t;

    arb_init(s);
    arb_init(t);
    sc_dyn_split_e(e, S, z, prec);
    _sc_vec_dot(r, e, Pg, d, prec);
    arb_addmul(r, z, gu, prec);
    arb_sqr(s, gu, prec);
    arb_div(s, s, S->c2, prec);
    _sc_vec_norm2(t, Pg, d, prec);
    arb_add(s, s, t, prec);                     /* ||g||^2 */
    _sc_vec_norm2(t, e, d, prec);
    arb_sqr(rel, z, prec);
    arb_addmul(t, rel, S->c2, prec);            /* ||w||^2 */
    arb_mul(s, s, t, prec);
    arb_sqrtpos(s, s, prec);
    arb_sub_ui(t, factor, 1, prec);             /* 0 outside tests */
    arb_addmul(r, t, s, prec);
    if (arb_is_positive(s))
    {
        arb_abs(rel, r);
        arb_div(rel, rel, s, prec);
    }
    else
        arb_zero_pm_inf(rel);
    arb_clear(t);
    arb_clear(s);
}

int
sc_thm_l12_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_thm_need_full(res, ctx, prec);
    slong t, d = ctx->cs->d;
    arb_ptr w, e;
    arb_t gamma, r, rel, worst, tol, f;
    sc_dyn_split_struct * S = NULL;
    const sc_ctx_grad_struct * G;
    int status = SC_OK;

    if (T == NULL)
        return SC_UNABLE;
    if (T->split)
        S = sc_ctx_split(ctx, prec);
    w = _arb_vec_init(d);
    e = _arb_vec_init(d);
    arb_init(gamma);
    arb_init(r);
    arb_init(rel);
    arb_init(worst);
    arb_init(tol);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -prec / 2);

    res->verdict = SC_HOLDS;
    for (t = 0; t < T->len; t++)
    {
        G = sc_ctx_grad(ctx, prec, t);          /* shared with [L6] */
        if (T->split)
        {
            sc_traj_split_mid(w, gamma, T, t);  /* w holds z = (u, c) */
            sc_l12_relative_split(rel, r, S, w, G->gu, G->g, e, f, prec);
        }
        else
        {
            sc_traj_state_mid(w, gamma, T, t);
            sc_l12_relative(rel, r, G->g, w, d, f, prec);
        }
        if (!arb_contains_zero(r))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "<grad_w L, w> != 0 at step %ld",
                             (long) t);
            sc_result_set_predicted_si(res, 0);
            sc_result_set_observed(res, rel);
            break;
        }
        sc_num_max_ubound(worst, rel, prec);
        if (!arb_le(rel, tol))
        {
            sc_result_reason(res, "residual of <grad_w L, w> not resolved "
                             "at step %ld", (long) t);
            status = SC_UNABLE;
            break;
        }
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        arb_zero(r);
        sc_result_set_predicted(res, r);
        sc_result_set_observed(res, worst);
        sc_result_reason(res, "|<grad_w L, w>| / (||grad|| ||w||) <= "
                         "observed at all %ld states", (long) T->len);
    }

    arb_clear(f);
    arb_clear(tol);
    arb_clear(worst);
    arb_clear(rel);
    arb_clear(r);
    arb_clear(gamma);
    _arb_vec_clear(e, d);
    _arb_vec_clear(w, d);
    return status;
}
