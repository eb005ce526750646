/*
 * [L6] Directional convergence / divergence (exact iff; both losses).
 *
 *   w' = w - eta g, <g, w> = 0, a = <w, u*> > 0, q = -<g, u*>,
 *   a' = a + eta q > 0,  Lambda = eta (a^2 ||g||^2 - ||w||^2 q^2) - 2 a q ||w||^2:
 *   rho' > rho  iff  Lambda > 0   (divergence, exact);
 *   eta (a^2 ||g||^2 - b^2 q^2) <= 2 a q ||w||^2  implies  rho' <= rho
 *   (the paper's convergence condition, sufficient only).
 *
 * Source: paper Lemma 6 (App. A); THEOREMS.md section 2; LOGISTIC.md 2.1.
 * At the midpoint of every certified full-GD state the step w' is recomputed
 * in balls from that exact state, so the claim is checked on exact states
 * with tight balls however long the trajectory.  The signs of Lambda and of
 * rho' - rho must both be certified (q ~ sin^2 theta may be 1e-180: the
 * checker escalates); a certified disagreement is VIOLATED.  So is a state
 * where the identity behind the iff, rho'^2 - rho^2 = eta Lambda / (a a')^2
 * (W' = W + eta^2 ||g||^2 since <g, w> = 0), has its two sides certified
 * apart; its value at the last step checked is the extra drho2_last.
 *
 * On a trajectory in split coordinates (src/dyn/split.c: w = u w* + e,
 * e perpendicular to w*) the state is the midpoint of (u, c), and g, w'
 * and their directional quantities come in those coordinates: q = -gu /
 * ||w*||, ||g||^2 = gu^2 / c2 + ||Pg||^2, w' = (u - eta gu / c2) w* + (e -
 * eta Pg), so q ~ rho^2 and b' keep their relative accuracy where absolute
 * coordinates need about 2 log2(1/rho) bits (cases/deep/: rho = 3e-1376).
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

typedef struct
{
    arb_t a, a1, b2, W, q, g2, rho, rho1, lam, suff;
    arb_t lam0, id, drho2;      /* Lambda at factor 1; the identity's sides */
}
sc_l6_step_struct;

static void
sc_l6_step_init(sc_l6_step_struct * s)
{
    arb_init(s->a); arb_init(s->a1); arb_init(s->b2); arb_init(s->W);
    arb_init(s->q); arb_init(s->g2); arb_init(s->rho); arb_init(s->rho1);
    arb_init(s->lam); arb_init(s->suff);
    arb_init(s->lam0); arb_init(s->id); arb_init(s->drho2);
}

static void
sc_l6_step_clear(sc_l6_step_struct * s)
{
    arb_clear(s->a); arb_clear(s->a1); arb_clear(s->b2); arb_clear(s->W);
    arb_clear(s->q); arb_clear(s->g2); arb_clear(s->rho); arb_clear(s->rho1);
    arb_clear(s->lam); arb_clear(s->suff);
    arb_clear(s->lam0); arb_clear(s->id); arb_clear(s->drho2);
}

static void sc_l6_lambda(sc_l6_step_struct * s, const arb_t eta,
                         const arb_t factor, slong prec);

/* All quantities of the lemma at state w, with the plain step w' = w - eta g. */
static void
sc_l6_eval(sc_l6_step_struct * s, sc_dyn_t D, arb_srcptr w,
           const arb_t gamma, arb_ptr g, arb_ptr w1, const arb_t factor,
           slong prec)
{
    slong j, d = D->d;
    arb_t t, b, x, y;

    arb_init(t);
    arb_init(b);
    arb_init(x);
    arb_init(y);
    sc_dyn_grad(g, NULL, NULL, D, w, gamma, prec);
    for (j = 0; j < d; j++)
    {
        arb_set(w1 + j, w + j);
        arb_submul(w1 + j, D->eta, g + j, prec);
    }
    /* a, b (from the residual vector), rho and W of w and of w' */
    sc_dyn_direction(s->a, b, s->rho, s->W, t, D, w, gamma, prec);
    arb_sqr(s->b2, b, prec);
    sc_dyn_direction(x, y, s->rho1, t, b, D, w1, gamma, prec);
    _sc_vec_dot(s->q, g, D->ustar, d, prec);
    arb_neg(s->q, s->q);
    _sc_vec_norm2(s->g2, g, d, prec);
    sc_l6_lambda(s, D->eta, factor, prec);
    arb_clear(y);
    arb_clear(x);
    arb_clear(b);
    arb_clear(t);
}

/* The same at z = (u, c) of a split trajectory (see the top comment); g
   holds Pg, w1 z' and y scratch (length d each). */
static void
sc_l6_eval_split(sc_l6_step_struct * s, sc_dyn_t D, sc_dyn_split_t S,
                 arb_srcptr z, const arb_t gamma, arb_ptr g, arb_ptr w1,
                 arb_ptr y, const arb_t factor, slong prec)
{
    arb_t gu, t, b, x;

    arb_init(gu);
    arb_init(t);
    arb_init(b);
    arb_init(x);
    sc_dyn_split_grad(gu, g, S, z, gamma, prec);
    sc_dyn_split_move(w1, S, z, gu, g, prec);
    sc_dyn_split_direction(y, s->a, b, s->rho, s->W, t, S, D->c, z, gamma,
                           prec);
    arb_sqr(s->b2, b, prec);
    sc_dyn_split_direction(y, s->a1, x, s->rho1, t, b, S, D->c, w1, gamma,
                           prec);
    arb_div(s->q, gu, D->c, prec);
    arb_neg(s->q, s->q);
    _sc_vec_norm2(s->g2, g, S->d, prec);
    arb_sqr(t, gu, prec);
    arb_div(t, t, S->c2, prec);
    arb_add(s->g2, s->g2, t, prec);
    sc_l6_lambda(s, D->eta, factor, prec);
    arb_clear(x);
    arb_clear(b);
    arb_clear(t);
    arb_clear(gu);
}

/* a' = a + eta q, Lambda and the sufficient condition's left side from a,
   b2, W, q, g2 of s; both sides of rho'^2 - rho^2 = eta Lambda / (a a')^2
   (W' = W + eta^2 ||g||^2 as <g, w> = 0), the left from rho and rho'. */
static void
sc_l6_lambda(sc_l6_step_struct * s, const arb_t eta, const arb_t factor,
             slong prec)
{
    arb_t t;

    arb_init(t);
    arb_set(s->a1, s->a);                       /* a' = a + eta q */
    arb_addmul(s->a1, eta, s->q, prec);

    /* Lambda = eta (a^2 g2 - W q^2) - 2 a q W */
    arb_sqr(t, s->a, prec);
    arb_mul(s->lam, t, s->g2, prec);
    arb_set(s->suff, s->lam);
    arb_sqr(t, s->q, prec);
    arb_submul(s->lam, s->W, t, prec);
    arb_submul(s->suff, s->b2, t, prec);
    arb_mul(s->lam, s->lam, eta, prec);
    arb_mul(s->suff, s->suff, eta, prec);
    arb_mul(t, s->a, s->q, prec);
    arb_mul(t, t, s->W, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_sub(s->suff, s->suff, t, prec);
    arb_sub(s->lam0, s->lam, t, prec);
    arb_mul(t, t, factor, prec);                /* factor = 1 outside tests */
    arb_sub(s->lam, s->lam, t, prec);

    arb_mul(t, s->a, s->a1, prec);
    arb_sqr(t, t, prec);
    arb_mul(s->id, eta, s->lam0, prec);
    arb_div(s->id, s->id, t, prec);
    arb_sqr(s->drho2, s->rho1, prec);
    arb_sqr(t, s->rho, prec);
    arb_sub(s->drho2, s->drho2, t, prec);
    arb_clear(t);
}

int
sc_thm_l6_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong t, d = ctx->cs->d, napplied = 0, npred = 0, nrise = 0, tlast = -1;
    arb_ptr w, g, w1, y;
    arb_t gamma, x, f, last;
    sc_dyn_split_t S;
    sc_truth_t pos, up, lam, suff;
    sc_l6_step_struct s;
    sc_dyn_struct * D;
    int status = SC_OK;

    if (!ctx->data->has_ref)
    {
        if (ctx->data->has_svm)
            sc_result_not_applicable(res, "no reference direction", "no "
                                     "reference direction u*: %s",
                                     ctx->data->svm->margin_why);
        else
            sc_result_not_applicable(res, "no reference direction", "no "
                                     "reference direction u* (c = 0)");
        return SC_OK;
    }
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    w = _arb_vec_init(d);
    g = _arb_vec_init(d);
    w1 = _arb_vec_init(d);
    arb_init(gamma);
    arb_init(x);
    arb_init(f);
    arb_init(last);
    sc_thm_factor(f, ctx, prec);
    sc_l6_step_init(&s);
    D = sc_ctx_dyn(ctx, prec);
    y = _arb_vec_init(d);
    if (T->split)
        sc_dyn_split_init(S, ctx->cs, ctx->data, prec);

    res->verdict = SC_HOLDS;
    for (t = 0; t < ctx->cs->steps; t++)
    {
        /* state 0 is exact: a_0 <= 0 is decided over Q (its ball at the
           midpoint never decides a_0 = 0) */
        if (t == 0 && sc_thm_a0_sgn(ctx) <= 0)
            continue;
        if (T->split)
        {
            sc_traj_split_mid(w, gamma, T, t);  /* w holds z = (u, c) */
            sc_l6_eval_split(&s, D, S, w, gamma, g, w1, y, f, prec);
        }
        else
        {
            sc_traj_state_mid(w, gamma, T, t);
            sc_l6_eval(&s, D, w, gamma, g, w1, f, prec);
        }
        pos = sc_truth_and(sc_num_is_positive(s.a), sc_num_is_positive(s.a1));
        if (pos == SC_FALSE)
            continue;                           /* a or a' <= 0: not covered */
        up = sc_num_gt(s.rho1, s.rho);
        lam = sc_num_is_positive(s.lam);
        if (pos == SC_UNKNOWN || up == SC_UNKNOWN || lam == SC_UNKNOWN)
        {
            sc_result_reason(res, "sign of Lambda or of rho' - rho "
                             "undecided at step %ld", (long) t);
            status = SC_UNABLE;
            break;
        }
        napplied++;
        npred += (lam == SC_TRUE);
        nrise += (up == SC_TRUE);
        if (up != lam)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "divergence criterion: Lambda %s 0 but "
                             "rho' %s rho at step %ld",
                             lam == SC_TRUE ? ">" : "<=",
                             up == SC_TRUE ? ">" : "<=", (long) t);
            sc_result_no_value(res, "a criterion: the sign of Lambda "
                               "against the direction of rho");
            break;
        }
        if (!arb_overlaps(s.drho2, s.id))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "identity rho'^2 - rho^2 = eta Lambda / "
                             "(a a')^2 fails at step %ld", (long) t);
            sc_result_no_value(res, "an exact identity: its two sides "
                               "certified apart");
            break;
        }
        arb_set(last, s.id);
        tlast = t;
        suff = sc_num_le(s.suff, x);            /* x = 0 */
        if (suff == SC_TRUE && up == SC_TRUE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "sufficient convergence condition holds "
                             "but rho' > rho at step %ld", (long) t);
            sc_result_no_value(res, "an implication: its hypothesis "
                               "certified true and its conclusion false");
            break;
        }
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        if (napplied == 0)
        {
            sc_result_not_applicable(res, "a > 0 and a' > 0 at no step",
                                     "a > 0 and a' > 0 at no step");
        }
        else
        {
            arb_set_si(x, npred);
            sc_result_set_predicted(res, x);
            arb_set_si(x, nrise);
            sc_result_set_observed(res, x);
            /* the identity's value at the last step checked, for tests
               against the reduced recurrence */
            sc_result_set_extra(res, "drho2_last", last);
            sc_result_set_extra_si(res, "drho2_step", tlast);
            sc_result_reason(res, "Lambda > 0 exactly at the %ld rising "
                             "steps of %ld checked", (long) nrise,
                             (long) napplied);
        }
    }

    if (T->split)
        sc_dyn_split_clear(S);
    _arb_vec_clear(y, d);
    sc_l6_step_clear(&s);
    arb_clear(last);
    arb_clear(f);
    arb_clear(x);
    arb_clear(gamma);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
    _arb_vec_clear(w, d);
    return status;
}

sc_truth_t
sc_thm_l6_lambda(arb_t lam, sc_ctx_t ctx, const sc_traj_struct * T, slong t,
                 slong prec)
{
    slong d = ctx->cs->d;
    arb_ptr w, g, w1, y;
    arb_t gamma, one;
    sc_dyn_split_t S;
    sc_l6_step_struct s;
    sc_dyn_struct * D = sc_ctx_dyn(ctx, prec);
    sc_truth_t pos;

    w = _arb_vec_init(d);
    g = _arb_vec_init(d);
    w1 = _arb_vec_init(d);
    y = _arb_vec_init(d);
    arb_init(gamma);
    arb_init(one);
    arb_one(one);
    sc_l6_step_init(&s);
    if (T->split)
    {
        sc_dyn_split_init(S, ctx->cs, ctx->data, prec);
        sc_traj_split_mid(w, gamma, T, t);
        sc_l6_eval_split(&s, D, S, w, gamma, g, w1, y, one, prec);
        sc_dyn_split_clear(S);
    }
    else
    {
        sc_traj_state_mid(w, gamma, T, t);
        sc_l6_eval(&s, D, w, gamma, g, w1, one, prec);
    }
    arb_set(lam, s.lam0);
    pos = sc_truth_and(sc_num_is_positive(s.a), sc_num_is_positive(s.a1));
    sc_l6_step_clear(&s);
    arb_clear(one);
    arb_clear(gamma);
    _arb_vec_clear(y, d);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
    _arb_vec_clear(w, d);
    return pos;
}
