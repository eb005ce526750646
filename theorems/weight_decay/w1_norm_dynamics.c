/*
 * [W1] Norm dynamics under weight decay (exact; both losses), two claims:
 *
 * [W1-id] w+ = (1 - eta lambda) w - eta g,  g = grad_w L(w, gamma),
 *         <g, w> = 0:  ||w+||^2 = (1 - eta lambda)^2 ||w||^2 + eta^2 ||g||^2;
 * [W1-15] its unrolled form, seed 004 eq. (15) with q = (1 - eta lambda)^2:
 *         ||w_T||^2 = q^T ||w_0||^2 + eta^2 sum_{t<T} q^(T-t-1) ||g_t||^2.
 *
 * Source: seed 004 (Lobacheva et al.) eq. (3), App. A.2 and eq. (15);
 * BEYOND.md section 1.  Provenance: exact.  lambda = 0 is plain GD and
 * still applies; momentum or project_norm make it NOT-APPLICABLE.
 *
 * [W1-id] is checked rigorously at every state: the state is the midpoint
 * of the certified full-GD enclosure (an exact point), the step is
 * recomputed in balls from it, and a residual ball excluding zero is
 * VIOLATED.  [W1-15] is checked once on the certified enclosures
 * themselves (gradients taken over the boxes), so it is a statement about
 * the true trajectory.  Both share the context's trajectory.
 *
 * Shown, not copied: seed 004 eq. (16) writes the sum as
 * eta^2 (1 - q) / (1 - q^T) g_bar^2 with g_bar^2 the normalised moving
 * average (1 - q) / (1 - q^T) sum q^(T-t-1) ||g_t||^2; the factor is
 * inverted (the right one is (1 - q^T) / (1 - q), about 1 / (2 eta lambda),
 * so C ~ eta / (2 lambda), not 2 eta^3 lambda).  The paper's form is
 * evaluated next to eq. (15) and reported in the extras of [W1-15]
 * ("eq16_paper" against "W_T") when weight decay is on.
 */
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

/* The scratch and constants of the per-state identity. */
typedef struct
{
    arb_ptr g, w1;              /* length d */
    arb_t q1, f;                /* 1 - eta lambda, ctx->factor */
}
sc_w1_arg;

/* One state: lhs = ||q1 w - eta g||^2, rhs = factor (q1^2 W + eta^2 |g|^2)
   (an sc_wd_state_fn). */
static sc_truth_t
sc_w1_state(arb_t rel, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
            slong step, void * arg, slong prec)
{
    sc_w1_arg * a = arg;
    arb_ptr g = a->g, w1 = a->w1;
    arb_srcptr q1 = a->q1, f = a->f;
    slong d = D->d;
    arb_t lhs, rhs, t;
    sc_truth_t v;

    (void) step;

    arb_init(lhs);
    arb_init(rhs);
    arb_init(t);
    sc_dyn_grad(g, NULL, NULL, D, w, gamma, prec);
    _sc_wd_step(w1, w, g, q1, D->eta, d, prec);
    _sc_vec_norm2(lhs, w1, d, prec);
    _sc_vec_norm2(rhs, w, d, prec);
    arb_mul(rhs, rhs, q1, prec);
    arb_mul(rhs, rhs, q1, prec);
    _sc_vec_norm2(t, g, d, prec);
    arb_mul(t, t, D->eta, prec);
    arb_mul(t, t, D->eta, prec);
    arb_add(rhs, rhs, t, prec);
    arb_mul(rhs, rhs, f, prec);                 /* f = 1 outside tests */
    v = sc_wd_identity(rel, lhs, rhs, prec);
    arb_clear(t);
    arb_clear(rhs);
    arb_clear(lhs);
    return v;
}

/* Eq. (15) at T = last state on the enclosures: sum = sum q^(T-t-1)
   ||g_t||^2 (Horner), pred = q^T W_0 + eta^2 sum; paper = the eq. (16)
   form (NaN-free only for lambda > 0). */
static void
sc_w1_unrolled(arb_t pred, arb_t paper, sc_ctx_t ctx,
               const sc_traj_struct * T, const arb_t q1, slong prec)
{
    slong t, d = ctx->cs->d, last = T->len - 1;
    arb_ptr g = _arb_vec_init(d);
    arb_t q, qT, sum, x, k;
    sc_dyn_struct * D;

    arb_init(q);
    arb_init(qT);
    arb_init(sum);
    arb_init(x);
    arb_init(k);
    D = sc_ctx_dyn(ctx, prec);
    arb_sqr(q, q1, prec);
    for (t = 0; t < last; t++)
    {
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, prec);
        _sc_vec_norm2(x, g, d, prec);
        arb_mul(sum, sum, q, prec);
        arb_add(sum, sum, x, prec);
    }
    arb_pow_ui(qT, q, last, prec);
    arb_mul(pred, qT, T->W, prec);
    arb_sqr(x, D->eta, prec);
    arb_mul(x, x, sum, prec);
    arb_add(pred, pred, x, prec);
    /* paper: q^T W_0 + eta^2 k^2 sum, k = (1 - q) / (1 - q^T) */
    arb_sub_ui(k, q, 1, prec);
    arb_sub_ui(sum, qT, 1, prec);
    arb_div(k, k, sum, prec);
    arb_sqr(k, k, prec);
    arb_mul(x, x, k, prec);
    arb_mul(paper, qT, T->W, prec);
    arb_add(paper, paper, x, prec);
    arb_clear(k);
    arb_clear(x);
    arb_clear(sum);
    arb_clear(qT);
    arb_clear(q);
    _arb_vec_clear(g, d);
}

/* [W1-15]: VIOLATED if certified false, else HOLDS; extras set. */
static void
sc_w1_check_unrolled(sc_result_t res, sc_ctx_t ctx, const sc_traj_struct * T,
                     const arb_t q1, const arb_t f, slong prec)
{
    slong last = T->len - 1;
    arb_t pred, paper;

    arb_init(pred);
    arb_init(paper);
    sc_w1_unrolled(pred, paper, ctx, T, q1, prec);
    arb_mul(pred, pred, f, prec);
    sc_result_set_extra(res, "eq15_W_T", pred);
    sc_result_set_extra(res, "W_T", T->W + last);
    if (!fmpq_is_zero(ctx->cs->weight_decay) && last > 0)
        sc_result_set_extra(res, "eq16_paper", paper);
    res->step = last;
    sc_result_set_predicted(res, pred);
    sc_result_set_observed(res, T->W + last);
    if (!arb_overlaps(pred, T->W + last))
    {
        res->verdict = SC_VIOLATED;
        sc_result_reason(res, "unrolled eq. (15) misses ||w_T||^2 at "
                         "T = %ld", (long) last);
    }
    else
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "unrolled eq. (15) encloses ||w_T||^2 at "
                         "T = %ld", (long) last);
    }
    arb_clear(paper);
    arb_clear(pred);
}

int
sc_thm_w1_15_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    arb_t q1, f;

    if (!sc_wd_need_plain(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    arb_init(q1);
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    sc_wd_decay(q1, ctx, prec);
    sc_w1_check_unrolled(res, ctx, T, q1, f, prec);
    arb_clear(f);
    arb_clear(q1);
    return SC_OK;
}

int
sc_thm_w1_id_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong d = ctx->cs->d;
    sc_w1_arg a;
    arb_t worst, zero;
    sc_dyn_struct * D;
    int status;

    if (!sc_wd_need_plain(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    a.g = _arb_vec_init(d);
    a.w1 = _arb_vec_init(d);
    arb_init(a.q1);
    arb_init(a.f);
    arb_init(worst);
    arb_init(zero);
    sc_thm_factor(a.f, ctx, prec);
    sc_wd_decay(a.q1, ctx, prec);
    D = sc_ctx_dyn(ctx, prec);

    status = sc_wd_walk(res, worst, ctx, T, D, ctx->cs->steps,
                        sc_w1_state, &a,
                        "||w+||^2 != (1 - eta lambda)^2 ||w||^2 + eta^2 "
                        "||g||^2 at step %ld (relative residual shown)",
                        "residual of the norm identity not resolved at "
                        "step %ld", prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        sc_result_set_predicted(res, zero);
        sc_result_set_observed(res, worst);
        sc_result_reason(res, "relative residual <= observed at all %ld "
                         "steps", (long) ctx->cs->steps);
    }

    arb_clear(zero);
    arb_clear(worst);
    arb_clear(a.f);
    arb_clear(a.q1);
    _arb_vec_clear(a.w1, d);
    _arb_vec_clear(a.g, d);
    return status;
}
