/*
 * [L6] Directional convergence / divergence (exact iff; both losses).
 *
 *   w' = w - eta g, <g, w> = 0, a = <w, u*> > 0, q = -<g, u*>,
 *   a' = a + eta q > 0,  Lambda = eta (a^2 ||g||^2 - ||w||^2 q^2) - 2 a q ||w||^2:
 *   rho' > rho  iff  Lambda > 0   (divergence, exact);
 *   eta (a^2 ||g||^2 - b^2 q^2) <= 2 a q ||w||^2  implies  rho' <= rho
 *   (the paper's convergence condition, sufficient only).
 *
 * Three claims with their own verdicts: [L6-iff] the divergence
 * criterion, [L6-id] the identity behind it (below), [L6-suf] the paper's
 * sufficient convergence condition, vacuous when it holds at no state.
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
    arb_t tw, id, drho2;        /* 2 a q W; the identity's sides */
}
sc_l6_step_struct;

static void
sc_l6_step_init(sc_l6_step_struct * s)
{
    arb_init(s->a); arb_init(s->a1); arb_init(s->b2); arb_init(s->W);
    arb_init(s->q); arb_init(s->g2); arb_init(s->rho); arb_init(s->rho1);
    arb_init(s->lam); arb_init(s->suff);
    arb_init(s->tw); arb_init(s->id); arb_init(s->drho2);
}

static void
sc_l6_step_clear(sc_l6_step_struct * s)
{
    arb_clear(s->a); arb_clear(s->a1); arb_clear(s->b2); arb_clear(s->W);
    arb_clear(s->q); arb_clear(s->g2); arb_clear(s->rho); arb_clear(s->rho1);
    arb_clear(s->lam); arb_clear(s->suff);
    arb_clear(s->tw); arb_clear(s->id); arb_clear(s->drho2);
}

static void sc_l6_lambda(sc_l6_step_struct * s, const arb_t eta,
                         slong prec);

/* which of the three claims a walk checks */
typedef enum
{
    SC_L6_IFF, SC_L6_ID, SC_L6_SUF
}
sc_l6_part_t;

/* All quantities of the lemma at state w, with the plain step w' = w - eta g
   (g = grad_w L at w, sc_ctx_grad's). */
static void
sc_l6_eval(sc_l6_step_struct * s, sc_dyn_t D, arb_srcptr w,
           const arb_t gamma, arb_srcptr g, arb_ptr w1, slong prec)
{
    slong j, d = D->d;
    arb_t t, b, x, y;

    arb_init(t);
    arb_init(b);
    arb_init(x);
    arb_init(y);
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
    sc_l6_lambda(s, D->eta, prec);
    arb_clear(y);
    arb_clear(x);
    arb_clear(b);
    arb_clear(t);
}

/* The same at z = (u, c) of a split trajectory (see the top comment) from
   gu and g = Pg of sc_ctx_grad; w1 receives z', y is scratch (length d
   each). */
static void
sc_l6_eval_split(sc_l6_step_struct * s, sc_dyn_t D, sc_dyn_split_t S,
                 arb_srcptr z, const arb_t gamma, const arb_t gu,
                 arb_srcptr g, arb_ptr w1, arb_ptr y, slong prec)
{
    arb_t t, b, x;

    arb_init(t);
    arb_init(b);
    arb_init(x);
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
    sc_l6_lambda(s, D->eta, prec);
    arb_clear(x);
    arb_clear(b);
    arb_clear(t);
}

/* a' = a + eta q and, from a, b2, W, q, g2 of s, the factor-free parts:
   lam = eta (a^2 g2 - W q^2) and suff = eta (a^2 g2 - b^2 q^2) before the
   term tw = 2 a q W is taken off (Lambda = lam - tw, the sufficient
   condition's left side suff - tw), and both sides of rho'^2 - rho^2 =
   eta Lambda / (a a')^2 (W' = W + eta^2 ||g||^2 as <g, w> = 0): id, and
   drho2 from rho and rho'. */
static void
sc_l6_lambda(sc_l6_step_struct * s, const arb_t eta, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_set(s->a1, s->a);                       /* a' = a + eta q */
    arb_addmul(s->a1, eta, s->q, prec);

    arb_sqr(t, s->a, prec);
    arb_mul(s->lam, t, s->g2, prec);
    arb_set(s->suff, s->lam);
    arb_sqr(t, s->q, prec);
    arb_submul(s->lam, s->W, t, prec);
    arb_submul(s->suff, s->b2, t, prec);
    arb_mul(s->lam, s->lam, eta, prec);
    arb_mul(s->suff, s->suff, eta, prec);
    arb_mul(s->tw, s->a, s->q, prec);
    arb_mul(s->tw, s->tw, s->W, prec);
    arb_mul_2exp_si(s->tw, s->tw, 1);

    arb_mul(t, s->a, s->a1, prec);
    arb_sqr(t, t, prec);
    arb_sub(s->id, s->lam, s->tw, prec);
    arb_mul(s->id, s->id, eta, prec);
    arb_div(s->id, s->id, t, prec);
    arb_sqr(s->drho2, s->rho1, prec);
    arb_sqr(t, s->rho, prec);
    arb_sub(s->drho2, s->drho2, t, prec);
    arb_clear(t);
}

/*
 * What the three claims read at a state, computed once per context and
 * precision (the family cache SC_CTX_L6) and free of the control factor,
 * which each claim applies to its own bound side: pos = the truth of
 * a, a' > 0 (SC_FALSE also for a state 0 with a_0 <= 0 over Q).
 */
typedef struct
{
    sc_truth_t pos;
    arb_t rho, rho1, lam, suff, tw, id, drho2;
}
sc_l6_memo_struct;

typedef struct
{
    slong prec, len;
    sc_l6_memo_struct * m;
}
sc_l6_prec_struct;

typedef struct
{
    slong n;
    sc_l6_prec_struct * P;
}
sc_l6_cache_struct;

static void *
sc_l6_cache_new(void)
{
    sc_l6_cache_struct * C = flint_malloc(sizeof(*C));

    C->n = 0;
    C->P = NULL;
    return C;
}

static void
sc_l6_cache_free(void * data)
{
    sc_l6_cache_struct * C = data;
    slong i, t;

    for (i = 0; i < C->n; i++)
    {
        for (t = 0; t < C->P[i].len; t++)
        {
            sc_l6_memo_struct * m = C->P[i].m + t;

            arb_clear(m->rho); arb_clear(m->rho1); arb_clear(m->lam);
            arb_clear(m->suff); arb_clear(m->tw); arb_clear(m->id);
            arb_clear(m->drho2);
        }
        flint_free(C->P[i].m);
    }
    flint_free(C->P);
    flint_free(C);
}

/* The memo of state t from s. */
static void
sc_l6_memo_set(sc_l6_memo_struct * m, const sc_l6_step_struct * s)
{
    m->pos = sc_truth_and(sc_num_is_positive(s->a),
                          sc_num_is_positive(s->a1));
    arb_set(m->rho, s->rho); arb_set(m->rho1, s->rho1);
    arb_set(m->lam, s->lam); arb_set(m->suff, s->suff);
    arb_set(m->tw, s->tw); arb_set(m->id, s->id);
    arb_set(m->drho2, s->drho2);
}

/* The states 0 .. steps - 1 of T (the full-GD trajectory at prec) into
   the memos m. */
static void
sc_l6_memo_build(sc_l6_memo_struct * m, const sc_traj_struct * T,
                 sc_ctx_t ctx, slong prec)
{
    slong t, d = ctx->cs->d;
    arb_ptr w = _arb_vec_init(d);
    arb_ptr w1 = _arb_vec_init(d), y = _arb_vec_init(d);
    sc_dyn_struct * D = sc_ctx_dyn(ctx, prec);
    sc_dyn_split_struct * S = T->split ? sc_ctx_split(ctx, prec) : NULL;
    const sc_ctx_grad_struct * G;
    sc_l6_step_struct s;
    arb_t gamma;

    arb_init(gamma);
    sc_l6_step_init(&s);
    /* a trajectory stopped before the horizon (enclosure too wide) leaves
       the later memos SC_UNKNOWN */
    for (t = 0; t < FLINT_MIN(ctx->cs->steps, T->len); t++)
    {
        /* state 0 is exact: a_0 <= 0 is decided over Q (its ball at the
           midpoint never decides a_0 = 0) */
        if (t == 0 && sc_thm_a0_sgn(ctx) <= 0)
        {
            m[t].pos = SC_FALSE;
            continue;
        }
        G = sc_ctx_grad(ctx, prec, t);          /* shared with [L12] */
        if (T->split)
        {
            sc_traj_split_mid(w, gamma, T, t);  /* w holds z = (u, c) */
            sc_l6_eval_split(&s, D, S, w, gamma, G->gu, G->g, w1, y, prec);
        }
        else
        {
            sc_traj_state_mid(w, gamma, T, t);
            sc_l6_eval(&s, D, w, gamma, G->g, w1, prec);
        }
        sc_l6_memo_set(m + t, &s);
    }
    sc_l6_step_clear(&s);
    arb_clear(gamma);
    _arb_vec_clear(y, d);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(w, d);
}

/* The memos of the states of T = sc_ctx_full(ctx, prec), built on first
   use. */
static const sc_l6_memo_struct *
sc_l6_memos(sc_ctx_t ctx, const sc_traj_struct * T, slong prec)
{
    sc_l6_cache_struct * C = sc_ctx_family(ctx, SC_CTX_L6, sc_l6_cache_new,
                                           sc_l6_cache_free);
    sc_l6_prec_struct * P;
    slong i, t;

    for (i = 0; i < C->n; i++)
        if (C->P[i].prec == prec)
            return C->P[i].m;
    C->P = flint_realloc(C->P, (C->n + 1) * sizeof(sc_l6_prec_struct));
    P = C->P + C->n++;
    P->prec = prec;
    P->len = ctx->cs->steps;
    P->m = flint_malloc(P->len * sizeof(sc_l6_memo_struct));
    for (t = 0; t < P->len; t++)
    {
        sc_l6_memo_struct * m = P->m + t;

        m->pos = SC_UNKNOWN;
        arb_init(m->rho); arb_init(m->rho1); arb_init(m->lam);
        arb_init(m->suff); arb_init(m->tw); arb_init(m->id);
        arb_init(m->drho2);
    }
    sc_l6_memo_build(P->m, T, ctx, prec);
    return P->m;
}

/* What the walk counts: states checked, with Lambda > 0, rising, with
   the sufficient condition; the identity at the last state checked. */
typedef struct
{
    slong applied, pred, rise, suff, tlast;
    arb_t last, lastd;
}
sc_l6_count_struct;

/* The claim part at state t (its memo m, a, a' > 0 certified), with the
   control factor f on the claim's bound side: SC_OK (res VIOLATED on a
   counterexample) or SC_UNABLE. */
static int
sc_l6_state(sc_result_t res, sc_l6_count_struct * N,
            const sc_l6_memo_struct * m, const arb_t f, sc_l6_part_t part,
            slong t, slong prec)
{
    sc_truth_t up = sc_num_gt(m->rho1, m->rho), r = SC_TRUE;
    arb_t x;

    arb_init(x);
    if (part == SC_L6_ID)
    {
        N->applied++;
        arb_mul(x, m->id, f, prec);
        if (!arb_overlaps(m->drho2, x))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "identity rho'^2 - rho^2 = eta Lambda / "
                             "(a a')^2 fails at step %ld", (long) t);
            sc_result_no_value(res, "an exact identity: its two sides "
                               "certified apart");
        }
        arb_set(N->last, x);
        arb_set(N->lastd, m->drho2);
        N->tlast = t;
        goto done;
    }
    if (up == SC_UNKNOWN)
    {
        sc_result_reason(res, "sign of rho' - rho undecided at step %ld",
                         (long) t);
        arb_clear(x);
        return SC_UNABLE;
    }
    N->applied++;
    N->rise += (up == SC_TRUE);
    /* Lambda = lam - f tw, the sufficient condition's side suff - f tw */
    arb_mul(x, m->tw, f, prec);
    if (part == SC_L6_SUF)
    {
        arb_sub(x, m->suff, x, prec);
        r = arb_is_nonpositive(x) ? SC_TRUE
            : (arb_is_positive(x) ? SC_FALSE : SC_UNKNOWN);
        N->suff += (r == SC_TRUE);
        if (up == SC_TRUE && r == SC_UNKNOWN)
            sc_result_reason(res, "sufficient condition undecided at the "
                             "rising step %ld", (long) t);
        else if (up == SC_TRUE && r == SC_TRUE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_reason(res, "sufficient convergence condition holds "
                             "but rho' > rho at step %ld", (long) t);
            sc_result_no_value(res, "an implication: its hypothesis "
                               "certified true and its conclusion false");
        }
        arb_clear(x);
        return (up == SC_TRUE && r == SC_UNKNOWN) ? SC_UNABLE : SC_OK;
    }
    arb_sub(x, m->lam, x, prec);
    r = sc_num_is_positive(x);
    if (r == SC_UNKNOWN)
    {
        sc_result_reason(res, "sign of Lambda undecided at step %ld",
                         (long) t);
        arb_clear(x);
        return SC_UNABLE;
    }
    N->pred += (r == SC_TRUE);
    if (up != r)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "divergence criterion: Lambda %s 0 but "
                         "rho' %s rho at step %ld",
                         r == SC_TRUE ? ">" : "<=",
                         up == SC_TRUE ? ">" : "<=", (long) t);
        sc_result_no_value(res, "a criterion: the sign of Lambda "
                           "against the direction of rho");
    }
done:
    arb_clear(x);
    return SC_OK;
}

/* The verdict of a walk that found no counterexample. */
static void
sc_l6_finish(sc_result_t res, const sc_l6_count_struct * N,
             sc_l6_part_t part)
{
    if (N->applied == 0)
    {
        sc_result_not_applicable(res, "a > 0 and a' > 0 at no step",
                                 "a > 0 and a' > 0 at no step");
        return;
    }
    if (part == SC_L6_ID)
    {
        /* the identity's two sides at the last step checked, also for
           tests against the reduced recurrence */
        sc_result_set_predicted(res, N->last);
        sc_result_set_observed(res, N->lastd);
        sc_result_set_extra(res, "drho2_last", N->last);
        sc_result_set_extra_si(res, "drho2_step", N->tlast);
        sc_result_reason(res, "rho'^2 - rho^2 = eta Lambda / (a a')^2 at "
                         "all %ld states checked (predicted, observed: "
                         "its sides at step %ld)", (long) N->applied,
                         (long) N->tlast);
        return;
    }
    if (part == SC_L6_SUF)
    {
        sc_result_set_extra_si(res, "condition_holds", N->suff);
        sc_result_set_extra_si(res, "rising_steps", N->rise);
        sc_result_reason(res, "the sufficient condition holds at %ld of %ld "
                         "states checked, rho' <= rho at each",
                         (long) N->suff, (long) N->applied);
        if (N->suff == 0)
            sc_result_vacuous(res, "the sufficient condition holds at no "
                              "state");
        return;
    }
    sc_result_set_predicted_si(res, N->pred);
    sc_result_set_observed_si(res, N->rise);
    sc_result_reason(res, "Lambda > 0 exactly at the %ld rising steps of %ld "
                     "checked", (long) N->rise, (long) N->applied);
}

static int
sc_l6_check(sc_result_t res, sc_ctx_t ctx, sc_l6_part_t part, slong prec)
{
    const sc_traj_struct * T;
    const sc_l6_memo_struct * m;
    sc_l6_count_struct N;
    slong t;
    arb_t f;
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
    m = sc_l6_memos(ctx, T, prec);
    arb_init(f);
    arb_init(N.last);
    arb_init(N.lastd);
    N.applied = N.pred = N.rise = N.suff = 0;
    N.tlast = -1;
    sc_thm_factor(f, ctx, prec);
    res->verdict = SC_HOLDS;
    for (t = 0; t < ctx->cs->steps && res->verdict == SC_HOLDS; t++)
    {
        if (m[t].pos == SC_FALSE)
            continue;                           /* a or a' <= 0: not covered */
        if (m[t].pos == SC_UNKNOWN)
        {
            sc_result_reason(res, "a > 0 and a' > 0 undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
            break;
        }
        status = sc_l6_state(res, &N, m + t, f, part, t, prec);
        if (status != SC_OK)
            break;
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
        sc_l6_finish(res, &N, part);
    arb_clear(N.lastd);
    arb_clear(N.last);
    arb_clear(f);
    return status;
}

int
sc_thm_l6_iff_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l6_check(res, ctx, SC_L6_IFF, prec);
}

int
sc_thm_l6_id_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l6_check(res, ctx, SC_L6_ID, prec);
}

int
sc_thm_l6_suf_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l6_check(res, ctx, SC_L6_SUF, prec);
}

sc_truth_t
sc_thm_l6_lambda(arb_t lam, sc_ctx_t ctx, const sc_traj_struct * T, slong t,
                 slong prec)
{
    const sc_l6_memo_struct * m = sc_l6_memos(ctx, T, prec) + t;

    arb_sub(lam, m->lam, m->tw, prec);          /* factor 1 */
    return m->pos;
}
