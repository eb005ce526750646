/*
 * wd_common.c -- helpers shared by the weight-decay checkers [W1]-[W6] of
 * BEYOND.md section 1 (seed 004, Lobacheva et al.): the hypotheses of the
 * plain decayed step, the step itself recomputed from an exact state, the
 * effective gradient norm g~ and the residual test of an exact identity.
 */
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

int
sc_wd_need_plain(sc_result_t res, const sc_ctx_t ctx)
{
    if (!fmpq_is_zero(ctx->cs->momentum))
    {
        sc_result_not_applicable(res, "momentum is set", "momentum is set "
                                 "(the statement is about w+ = (1 - eta "
                                 "lambda) w - eta grad)");
        return 0;
    }
    if (ctx->cs->project_norm)
    {
        sc_result_not_applicable(res, "project_norm is set", "project_norm "
                                 "is set (the norm is reset after every "
                                 "step)");
        return 0;
    }
    return 1;
}

void
sc_wd_decay(arb_t q1, const sc_ctx_t ctx, slong prec)
{
    fmpq_t p;

    fmpq_init(p);
    fmpq_mul(p, ctx->cs->eta, ctx->cs->weight_decay);
    fmpq_sub_ui(p, p, 1);
    fmpq_neg(p, p);
    arb_set_fmpq(q1, p, prec);
    fmpq_clear(p);
}

void
sc_wd_alpha(arb_t alpha, const sc_ctx_t ctx, slong prec)
{
    fmpq_t p, q;

    fmpq_init(p);
    fmpq_init(q);
    fmpq_mul(p, ctx->cs->eta, ctx->cs->weight_decay);
    fmpq_sub_ui(q, p, 2);
    fmpq_neg(q, q);
    fmpq_mul(p, p, q);                          /* eta lambda (2 - eta lambda) */
    arb_set_fmpq(alpha, p, prec);
    fmpq_clear(q);
    fmpq_clear(p);
}

void
_sc_wd_step(arb_ptr w1, arb_srcptr w, arb_srcptr g, const arb_t q1,
            const arb_t eta, slong d, slong prec)
{
    slong j;

    for (j = 0; j < d; j++)
    {
        arb_mul(w1 + j, q1, w + j, prec);
        arb_submul(w1 + j, eta, g + j, prec);
    }
}

void
_sc_wd_gtilde2(arb_t gt2, arb_srcptr w, arb_srcptr g, slong d, slong prec)
{
    arb_t t;

    arb_init(t);
    _sc_vec_norm2(gt2, g, d, prec);
    _sc_vec_norm2(t, w, d, prec);
    arb_mul(gt2, gt2, t, prec);
    arb_clear(t);
}

void
sc_wd_gtilde2_traj(arb_ptr gt2, sc_ctx_t ctx, const sc_traj_struct * T,
                   slong prec)
{
    slong t, d = ctx->cs->d;
    arb_ptr g = _arb_vec_init(d);
    sc_dyn_struct * D;

    D = sc_ctx_dyn(ctx, prec);
    for (t = 0; t < T->len; t++)
    {
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, prec);
        _sc_wd_gtilde2(gt2 + t, T->w + t * d, g, d, prec);
    }
    _arb_vec_clear(g, d);
}

sc_truth_t
sc_wd_identity(arb_t rel, const arb_t lhs, const arb_t rhs, slong prec)
{
    arb_t r, s, tol;
    sc_truth_t v;

    arb_init(r);
    arb_init(s);
    arb_init(tol);
    arb_sub(r, lhs, rhs, prec);
    arb_abs(s, rhs);
    arb_abs(rel, r);
    if (arb_is_positive(s))
        arb_div(rel, rel, s, prec);
    else
        arb_add_ui(rel, rel, 0, prec);          /* rhs = 0: absolute */
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -prec / 2);
    if (!arb_contains_zero(r))
        v = SC_FALSE;
    else if (arb_le(rel, tol))
        v = SC_TRUE;
    else
        v = SC_UNKNOWN;
    arb_clear(tol);
    arb_clear(s);
    arb_clear(r);
    return v;
}

/* the walk's view of one weight-decay identity */
typedef struct
{
    sc_dyn_struct * D;
    sc_wd_state_fn fn;
    void * arg;
    const char * false_fmt, * unknown_fmt;
    arb_t rel;
}
sc_wd_walk_struct;

static void
sc_wd_walk_state(sc_tally_struct * tl, sc_result_t res,
                 const sc_walk_state_struct * s, void * arg, slong prec)
{
    sc_wd_walk_struct * a = arg;
    sc_truth_t v = a->fn(a->rel, a->D, s->w, s->gamma, s->t, a->arg, prec);

    sc_tally_residual(tl, res, v, a->rel, a->false_fmt, a->unknown_fmt,
                      prec);
}

int
sc_wd_walk(sc_result_t res, arb_t worst, const sc_ctx_t ctx,
           const sc_traj_struct * T, sc_dyn_t D, slong steps,
           sc_wd_state_fn fn, void * arg, const char * false_fmt,
           const char * unknown_fmt, slong prec)
{
    sc_wd_walk_struct a;
    sc_tally_struct tl;
    int status;

    a.D = D;
    a.fn = fn;
    a.arg = arg;
    a.false_fmt = false_fmt;
    a.unknown_fmt = unknown_fmt;
    arb_init(a.rel);
    sc_tally_init(&tl, ctx, prec);
    res->verdict = SC_HOLDS;
    sc_walk(&tl, res, T, 0, steps, 1, sc_wd_walk_state, &a, prec);
    arb_set(worst, tl.worst);
    status = tl.status;
    sc_tally_clear(&tl);
    arb_clear(a.rel);
    return status;
}
