/*
 * [W2] Cosine of adjacent iterates under weight decay (exact; both
 * losses).
 *
 *   cos(w_t, w_{t+1}) = (1 + eta^2 g~_t^2 / ((1 - eta lambda)^2
 *                        ||w_t||^4))^(-1/2),
 *   g~_t = ||grad_w L(w_t / ||w_t||, gamma_t)||  (effective gradient).
 *
 * Source: seed 004 (Lobacheva et al.) eq. (8), App. A.2-A.3; BEYOND.md
 * section 1.  Provenance: exact.  Momentum or project_norm make it
 * NOT-APPLICABLE.
 *
 * Checked rigorously at the midpoint of every certified full-GD state: the
 * step and the cosine are recomputed in balls, and g~ is the gradient at
 * the normalised point w / ||w|| (not ||w|| ||g||, so that the scale
 * property (2b) is exercised too).  A residual ball excluding zero is
 * VIOLATED.
 *
 * Shown, not copied: seed 004 (4a) drops the factor 1 / (1 - eta lambda)
 * of (9).  With delta_t = 1 - cos_t, (8) gives exactly
 * 2 delta_t (1 - eta lambda)^2 ||w_t||^4 <= eta^2 g~_t^2, i.e. a delta-jump
 * needs ||w_t||^2 < eta g~_t / ((1 - eta lambda) sqrt(2 delta)); the
 * paper's necessary condition ||w_t||^2 < eta L / sqrt(2 delta) is false
 * whenever delta_t < about (4/3) eta lambda.  The checker counts the steps
 * where the paper's form, with L = g~_t and delta = delta_t, is certifiably
 * false ("paper_4a_false", first such step "paper_4a_first").
 */
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

typedef struct
{
    arb_t cos, rhs, W, gt2, lhs4a;
}
sc_w2_struct;

/* cos and the predicted cos at state w (g, u, w1 scratch of length d). */
static void
sc_w2_state(sc_w2_struct * s, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
            arb_ptr g, arb_ptr u, arb_ptr w1, const arb_t q1, slong prec)
{
    slong d = D->d;
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    sc_dyn_grad(g, NULL, NULL, D, w, gamma, prec);
    _sc_wd_step(w1, w, g, q1, D->eta, d, prec);
    _sc_vec_norm2(s->W, w, d, prec);
    _sc_vec_norm2(x, w1, d, prec);
    arb_mul(x, x, s->W, prec);
    arb_rsqrt(x, x, prec);
    _sc_vec_dot(s->cos, w, w1, d, prec);
    arb_mul(s->cos, s->cos, x, prec);
    /* g~^2 = ||grad at w / ||w|| ||^2 */
    arb_rsqrt(x, s->W, prec);
    _arb_vec_scalar_mul(u, w, d, x, prec);
    sc_dyn_grad(g, NULL, NULL, D, u, gamma, prec);
    _sc_vec_norm2(s->gt2, g, d, prec);
    /* rhs = (1 + eta^2 g~^2 / (q1^2 W^2))^(-1/2) */
    arb_mul(y, q1, s->W, prec);
    arb_sqr(y, y, prec);
    arb_sqr(x, D->eta, prec);
    arb_mul(x, x, s->gt2, prec);
    arb_div(x, x, y, prec);
    arb_add_ui(x, x, 1, prec);
    arb_rsqrt(s->rhs, x, prec);
    /* paper's (4a) with L = g~, delta = 1 - cos: 2 delta W^2 <= eta^2 g~^2
       as lhs4a = 2 delta W^2 - eta^2 g~^2 <= 0 */
    arb_sub_ui(s->lhs4a, s->cos, 1, prec);
    arb_neg(s->lhs4a, s->lhs4a);
    arb_mul_2exp_si(s->lhs4a, s->lhs4a, 1);
    arb_sqr(y, s->W, prec);
    arb_mul(s->lhs4a, s->lhs4a, y, prec);
    arb_sqr(x, D->eta, prec);
    arb_submul(s->lhs4a, x, s->gt2, prec);
    arb_clear(y);
    arb_clear(x);
}

/* The scratch, constants and tallies of the per-state identity. */
typedef struct
{
    sc_w2_struct s;             /* the last state's values */
    arb_ptr g, u, w1;           /* length d */
    arb_t q1, f, zero;          /* 1 - eta lambda, ctx->factor, 0 */
    slong nfalse, first;        /* states where the paper's (4a) is false */
}
sc_w2_arg;

/* eq. (8) at one state, and the paper's (4a) where (8) holds (an
   sc_wd_state_fn). */
static sc_truth_t
sc_w2_identity(arb_t rel, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
               slong t, void * arg, slong prec)
{
    sc_w2_arg * a = arg;
    sc_truth_t v;

    sc_w2_state(&a->s, D, w, gamma, a->g, a->u, a->w1, a->q1, prec);
    arb_mul(a->s.rhs, a->s.rhs, a->f, prec);    /* f = 1 outside tests */
    v = sc_wd_identity(rel, a->s.cos, a->s.rhs, prec);
    if (v == SC_TRUE && sc_num_gt(a->s.lhs4a, a->zero) == SC_TRUE)
    {
        a->nfalse++;
        a->first = (a->first < 0) ? t : a->first;
    }
    return v;
}

int
sc_thm_w2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong d = ctx->cs->d;
    sc_w2_arg a;
    arb_t worst;
    sc_dyn_struct * D;
    int status;

    if (!sc_wd_need_plain(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    a.g = _arb_vec_init(d);
    a.u = _arb_vec_init(d);
    a.w1 = _arb_vec_init(d);
    arb_init(a.q1);
    arb_init(a.f);
    arb_init(a.zero);
    arb_init(a.s.cos);
    arb_init(a.s.rhs);
    arb_init(a.s.W);
    arb_init(a.s.gt2);
    arb_init(a.s.lhs4a);
    arb_init(worst);
    a.nfalse = 0;
    a.first = -1;
    sc_thm_factor(a.f, ctx, prec);
    sc_wd_decay(a.q1, ctx, prec);
    D = sc_ctx_dyn(ctx, prec);

    status = sc_wd_walk(res, worst, ctx, T, D, ctx->cs->steps,
                        sc_w2_identity, &a,
                        "cos(w_t, w_t+1) differs from eq. (8) at step %ld",
                        "residual of eq. (8) not resolved at step %ld",
                        prec);
    if (status == SC_OK && res->verdict == SC_VIOLATED)
    {
        sc_result_set_predicted(res, a.s.rhs);
        sc_result_set_observed(res, a.s.cos);
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        sc_result_set_predicted(res, a.zero);
        sc_result_set_observed(res, worst);
        sc_result_set_extra_si(res, "paper_4a_false", a.nfalse);
        sc_result_set_extra_si(res, "paper_4a_first", a.first);
        sc_result_reason(res, "eq. (8) holds at all %ld steps (relative "
                         "residual <= observed); the paper's (4a) without "
                         "1/(1 - eta lambda) is certifiably false at %ld "
                         "of them", (long) ctx->cs->steps, (long) a.nfalse);
    }

    arb_clear(worst);
    arb_clear(a.s.lhs4a);
    arb_clear(a.s.gt2);
    arb_clear(a.s.W);
    arb_clear(a.s.rhs);
    arb_clear(a.s.cos);
    arb_clear(a.zero);
    arb_clear(a.f);
    arb_clear(a.q1);
    _arb_vec_clear(a.w1, d);
    _arb_vec_clear(a.u, d);
    _arb_vec_clear(a.g, d);
    return status;
}
