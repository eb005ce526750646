/*
 * [W6] Periodic behaviour under weight decay (observational).
 *
 * What is measured on the certified full-GD trajectory (balls):
 *  - spikes of the excess loss e_t = L_t - L* (square loss; e_t = L_t for
 *    the logistic loss).  Definition (F = SC_W6_F = 10, weight_decay.h):
 *    the detector starts armed with m = e_0; while armed, m = min e so
 *    far, and a step with e_t > F m and e_t > e_0 / F^2 (both certified:
 *    a rise by the factor F that also reaches 1% of the initial excess, so
 *    that the steady oscillation of a tiny excess loss is not counted) is
 *    a spike; it then disarms and tracks the peak p = max e since the
 *    spike; it re-arms (m = e_t) at the first step with e_t < p / F
 *    (certified: a descent by the factor F).  An undecided comparison
 *    raises the precision.  period = mean gap between spikes.
 *  - the loss level, for FAM-W6-period's regime map (the "stuck at high
 *    train loss" regime of seed 004 s.5): e_T / e_0, min e_t / e_0 over
 *    the run and over the second half t in [T/2, T] (balls).
 *  - windowed bounds over the second half of the horizon, t in [T/2, T):
 *    l = min g~_t, L = max g~_t (balls over the enclosures), and the exact
 *    equilibrium interval I = [eta l / sqrt(alpha), eta L / sqrt(alpha)],
 *    alpha = eta lambda (2 - eta lambda); seed 004's kappa l, kappa L use
 *    alpha ~ 2 eta lambda.  W_min, W_max over the window, the fraction of
 *    window steps with ||w_t||^2 certainly in I, 1 / (eta lambda).
 *
 * What is claimed (HOLDS / VIOLATED), all exact consequences of eq. (3),
 * each its own claim:
 *  [W6-a] decay rate: ||w_{t+1}||^2 >= (1 - eta lambda)^2 ||w_t||^2 at
 *      every step (slack = the least ratio; about 1 in the descent phases,
 *      where the norm decays at exactly the weight-decay rate); the spike
 *      measurement is in its extras;
 *  [W6-b] lower end: once ||w_t||^2 >= eta l / sqrt(alpha) in the window
 *      it stays there to the end of the window (needs alpha < 1/2);
 *  [W6-c] upper end: if eta lambda (2 - eta lambda) L <= (1 - eta lambda)^2
 *      l (the exact form of seed 004 Prop. 3's condition), once ||w_t||^2
 *      is in I it stays in I; NOT-APPLICABLE when the condition fails on
 *      the window.  [W6-b] and [W6-c] carry the window's measurements and
 *      are vacuous when ||w_t||^2 never enters;
 *  [W6-ctl] control (project_norm): the norm is constant, ||w_t||^2 =
 *      ||w_0||^2, and the spike count is measured; seed 004 says the
 *      periodic behaviour must vanish (tests and the showcase check it).
 *  The claims share the context's trajectory and its g~_t (wd_cache.c).
 * Never assumed: a small BN linear model may settle into a steady
 * oscillation (BEYOND.md: n = 24, d = 3, eta = 0.5, lambda = 8e-3); then
 * zero spikes are reported, not a violation.
 *
 * Source: seed 004 (Lobacheva et al.) Sections 3-4, Prop. 3, Corollary 1;
 * BEYOND.md section 1.  Provenance: observational.  Momentum makes every
 * claim NOT-APPLICABLE; lambda = 0 or projection [W6-a]-[W6-c] too (no
 * equilibrium; the control is [W6-ctl]), and no projection [W6-ctl].
 */
#include <stdio.h>
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

typedef struct
{
    slong count, first, last;
}
sc_w6_spikes_struct;

/* The spike detector over e_t = loss_t - Lstar (documented above). */
static int
sc_w6_spikes(sc_w6_spikes_struct * s, sc_result_t res,
             const sc_traj_struct * T, const arb_t Lstar, slong prec)
{
    arb_t e, m, p, x, floor;
    slong t;
    int armed = 1, status = SC_OK;
    sc_truth_t r;

    arb_init(e); arb_init(m); arb_init(p); arb_init(x); arb_init(floor);
    s->count = 0;
    s->first = s->last = -1;
    arb_sub(m, T->loss, Lstar, prec);
    arb_div_si(floor, m, SC_W6_F * SC_W6_F, prec);
    for (t = 1; t < T->len && status == SC_OK; t++)
    {
        arb_sub(e, T->loss + t, Lstar, prec);
        if (armed)
        {
            arb_mul_si(x, m, SC_W6_F, prec);
            r = sc_truth_and(sc_num_gt(e, x), sc_num_gt(e, floor));
            if (r == SC_TRUE)
            {
                armed = 0;
                arb_set(p, e);
                s->count++;
                s->first = (s->first < 0) ? t : s->first;
                s->last = t;
            }
            else
                arb_min(m, m, e, prec);
        }
        else
        {
            arb_max(p, p, e, prec);
            arb_div_si(x, p, SC_W6_F, prec);
            r = sc_num_lt(e, x);
            if (r == SC_TRUE)
            {
                armed = 1;
                arb_set(m, e);
            }
        }
        if (r == SC_UNKNOWN)
        {
            sc_result_reason(res, "spike detector undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
        }
    }
    arb_clear(e); arb_clear(m); arb_clear(p); arb_clear(x);
    arb_clear(floor);
    return status;
}

/* Sets the spike extras; period = (last - first) / (count - 1). */
static void
sc_w6_spike_extras(sc_result_t res, const sc_w6_spikes_struct * s,
                   const sc_ctx_t ctx, slong prec)
{
    arb_t x;
    fmpq_t p;

    arb_init(x);
    fmpq_init(p);
    sc_result_set_extra_si(res, "spikes", s->count);
    if (s->count >= 2)
    {
        arb_set_si(x, s->last - s->first);
        arb_div_si(x, x, s->count - 1, prec);
        sc_result_set_extra(res, "period", x);
    }
    fmpq_mul(p, ctx->cs->eta, ctx->cs->weight_decay);
    if (!fmpq_is_zero(p))
    {
        fmpq_inv(p, p);
        arb_set_fmpq(x, p, prec);
        sc_result_set_extra(res, "inv_eta_lambda", x);
    }
    fmpq_clear(p);
    arb_clear(x);
}

/* Control: ||w_t||^2 = ||w_0||^2 (times the factor) at every state. */
static void
sc_w6_control(sc_result_t res, const sc_traj_struct * T, const arb_t f,
              const sc_w6_spikes_struct * s, slong prec)
{
    arb_t x;
    slong t;

    arb_init(x);
    arb_mul(x, T->W, f, prec);
    res->verdict = SC_HOLDS;
    for (t = 1; t < T->len; t++)
    {
        if (!arb_overlaps(T->W + t, x))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, x);
            sc_result_set_observed(res, T->W + t);
            sc_result_reason(res, "control (project_norm): ||w_t||^2 "
                             "moved at step %ld", (long) t);
            break;
        }
    }
    if (res->verdict == SC_HOLDS)
        sc_result_reason(res, "control (project_norm): ||w_t||^2 constant "
                         "over %ld states; %ld spike(s) counted",
                         (long) T->len, (long) s->count);
    arb_clear(x);
}

/* Claim (a): W_{t+1} >= f q W_t at every step; slack = min ratio. */
static int
sc_w6_decay_rate(sc_result_t res, const sc_traj_struct * T, const arb_t q,
                 const arb_t f, slong prec)
{
    arb_t x, r, worst;
    slong t;
    sc_truth_t v;
    int status = SC_OK;

    arb_init(x); arb_init(r); arb_init(worst);
    arb_pos_inf(worst);
    for (t = 0; t + 1 < T->len && status == SC_OK; t++)
    {
        arb_mul(x, T->W + t, q, prec);
        arb_mul(x, x, f, prec);
        v = sc_num_ge(T->W + t + 1, x);
        arb_div(r, T->W + t + 1, x, prec);
        arb_min(worst, worst, r, prec);
        if (v == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, x);
            sc_result_set_observed(res, T->W + t + 1);
            sc_result_reason(res, "||w_t+1||^2 < (1 - eta lambda)^2 "
                             "||w_t||^2 at step %ld", (long) t);
            break;
        }
        if (v == SC_UNKNOWN)
        {
            sc_result_reason(res, "decay-rate bound undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
        }
    }
    if (status == SC_OK && res->verdict != SC_VIOLATED)
        sc_result_set_slack(res, worst);
    arb_clear(x); arb_clear(r); arb_clear(worst);
    return status;
}

/* Claims (b), (c) from the first certified entry at or after h: the state
   stays >= lo, and (if upper) <= hi.  Returns the entry step or -1. */
static slong
sc_w6_stays(sc_result_t res, int * status, const sc_traj_struct * T,
            slong h, const arb_t lo, const arb_t hi, int upper)
{
    slong t, entry = -1;
    sc_truth_t v;

    for (t = h; t < T->len && entry < 0; t++)
        if (sc_num_ge(T->W + t, lo) == SC_TRUE
            && (!upper || sc_num_le(T->W + t, hi) == SC_TRUE))
            entry = t;
    for (t = entry; entry >= 0 && t < T->len; t++)
    {
        v = sc_num_ge(T->W + t, lo);
        if (upper)
            v = sc_truth_and(v, sc_num_le(T->W + t, hi));
        if (v == SC_FALSE)
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_observed(res, T->W + t);
            sc_result_set_predicted(res, upper && sc_num_ge(T->W + t, lo)
                                    != SC_FALSE ? hi : lo);
            sc_result_reason(res, "||w_t||^2 left the %s after entering "
                             "it at step %ld (left at %ld)",
                             upper ? "equilibrium interval" : "lower end",
                             (long) entry, (long) t);
            break;
        }
        if (v == SC_UNKNOWN)
        {
            sc_result_reason(res, "interval membership undecided at step "
                             "%ld", (long) t);
            *status = SC_UNABLE;
            break;
        }
    }
    return entry;
}

/* The window [h, T) measurements (extras): lo, hi = the ends of I (scaled
   by the factor), *cond = the exact Prop. 3 condition holds on it. */
static void
sc_w6_window(sc_result_t res, sc_ctx_t ctx, const sc_traj_struct * T,
             const arb_t f, arb_t lo, arb_t hi, int * cond, slong prec)
{
    slong t, n = T->len - 1, h = n / 2, inside = 0;
    arb_srcptr gt2 = sc_wd_gtilde2_cached(ctx, T, prec);
    arb_t l, L, alpha, eta, x, wmin, wmax;

    arb_init(l); arb_init(L); arb_init(alpha); arb_init(eta);
    arb_init(x); arb_init(wmin); arb_init(wmax);
    sc_wd_alpha(alpha, ctx, prec);
    arb_set_fmpq(eta, ctx->cs->eta, prec);
    arb_set(l, gt2 + h);
    arb_set(L, gt2 + h);
    arb_set(wmin, T->W + h);
    arb_set(wmax, T->W + h);
    for (t = h + 1; t < n; t++)
    {
        arb_min(l, l, gt2 + t, prec);
        arb_max(L, L, gt2 + t, prec);
    }
    for (t = h + 1; t <= n; t++)
    {
        arb_min(wmin, wmin, T->W + t, prec);
        arb_max(wmax, wmax, T->W + t, prec);
    }
    arb_sqrtpos(l, l, prec);
    arb_sqrtpos(L, L, prec);
    arb_rsqrt(x, alpha, prec);
    arb_mul(x, x, eta, prec);
    arb_mul(lo, l, x, prec);
    arb_div(lo, lo, f, prec);
    arb_mul(hi, L, x, prec);
    arb_mul(hi, hi, f, prec);
    /* exact condition: alpha L <= (1 - alpha) l */
    arb_mul(x, alpha, L, prec);
    arb_sub_ui(eta, alpha, 1, prec);
    arb_neg(eta, eta);
    arb_mul(eta, eta, l, prec);
    *cond = sc_num_le(x, eta) == SC_TRUE;
    for (t = h; t <= n; t++)
        inside += sc_num_ge(T->W + t, lo) == SC_TRUE
                  && sc_num_le(T->W + t, hi) == SC_TRUE;
    sc_result_set_extra(res, "l", l);
    sc_result_set_extra(res, "L", L);
    sc_result_set_extra(res, "W_min", wmin);
    sc_result_set_extra(res, "W_max", wmax);
    arb_set_si(x, inside);
    arb_div_si(x, x, n - h + 1, prec);
    sc_result_set_extra(res, "in_I_frac", x);
    arb_clear(l); arb_clear(L); arb_clear(alpha); arb_clear(eta);
    arb_clear(x); arb_clear(wmin); arb_clear(wmax);
}

/* alpha = 1 - (1 - eta lambda)^2 < 1/2, decided exactly. */
static int
sc_w6_alpha_small(const sc_ctx_t ctx)
{
    fmpq_t p;
    int ok;

    fmpq_init(p);
    fmpq_mul(p, ctx->cs->eta, ctx->cs->weight_decay);
    fmpq_sub_ui(p, p, 1);
    fmpq_mul(p, p, p);
    fmpq_mul_2exp(p, p, 1);
    ok = fmpq_cmp_ui(p, 1) > 0;
    fmpq_clear(p);
    return ok;
}

/* The hypotheses of claim part (0 = [W6-a], 1 = the window claims,
   2 = the control): 1 if they hold, else 0 with res NOT-APPLICABLE. */
static int
sc_w6_applies(sc_result_t res, const sc_ctx_t ctx, int part)
{
    if (!fmpq_is_zero(ctx->cs->momentum))
        sc_result_not_applicable(res, "momentum is set", "momentum is set");
    else if (part == 2 && !ctx->cs->project_norm)
        sc_result_not_applicable(res, "project_norm is not set",
                                 "project_norm is not set (the control "
                                 "run holds the norm fixed)");
    else if (part < 2 && ctx->cs->project_norm)
        sc_result_not_applicable(res, "project_norm is set", "project_norm "
                                 "is set (the control: see W6-ctl)");
    else if (part < 2 && fmpq_is_zero(ctx->cs->weight_decay))
        sc_result_not_applicable(res, "weight_decay = 0", "weight_decay = "
                                 "0 (no equilibrium interval; nothing "
                                 "periodic to see)");
    else if (part == 1 && !sc_w6_alpha_small(ctx))
        sc_result_not_applicable(res, "alpha >= 1/2", "alpha = eta lambda "
                                 "(2 - eta lambda) >= 1/2");
    else
        return 1;
    return 0;
}

/* The loss level, for the regime map of FAM-W6-period: with e_t = loss_t
   - Lstar (the detector's excess loss), the ratios to e_0 of e_T
   (loss_final_ratio), of min e_t over the run (loss_min_ratio) and of
   min e_t over the second half t in [T/2, T] (loss_tail_min_ratio, the
   window of [W6-b]/[W6-c]).  Balls: arb_min keeps every candidate, so the
   minimum's ball contains the true minimum. */
static void
sc_w6_loss_extras(sc_result_t res, const sc_traj_struct * T,
                  const arb_t Lstar, slong prec)
{
    slong t, n = T->len - 1, h = n / 2;
    arb_t e0, e, lo, tail;

    arb_init(e0); arb_init(e); arb_init(lo); arb_init(tail);
    arb_sub(e0, T->loss, Lstar, prec);
    arb_set(lo, e0);
    arb_set(e, e0);
    arb_sub(tail, T->loss + h, Lstar, prec);
    for (t = 1; t <= n; t++)
    {
        arb_sub(e, T->loss + t, Lstar, prec);
        arb_min(lo, lo, e, prec);
        if (t >= h)
            arb_min(tail, tail, e, prec);
    }
    arb_div(e, e, e0, prec);
    sc_result_set_extra(res, "loss_final_ratio", e);
    arb_div(lo, lo, e0, prec);
    sc_result_set_extra(res, "loss_min_ratio", lo);
    arb_div(tail, tail, e0, prec);
    sc_result_set_extra(res, "loss_tail_min_ratio", tail);
    arb_clear(e0); arb_clear(e); arb_clear(lo); arb_clear(tail);
}

/* The spike measurement on T into the extras; *s receives it. */
static int
sc_w6_measure(sc_w6_spikes_struct * s, sc_result_t res, sc_ctx_t ctx,
              const sc_traj_struct * T, slong prec)
{
    arb_t Lstar;
    int status;

    arb_init(Lstar);
    if (ctx->cs->loss == SC_LOSS_SQUARE)
        arb_set(Lstar, sc_ctx_dyn(ctx, prec)->Lstar);
    status = sc_w6_spikes(s, res, T, Lstar, prec);
    if (status == SC_OK)
    {
        sc_w6_spike_extras(res, s, ctx, prec);
        sc_w6_loss_extras(res, T, Lstar, prec);
    }
    arb_clear(Lstar);
    return status;
}

/* [W6-a]: the decay rate, with the spike measurement. */
int
sc_thm_w6_a_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_w6_spikes_struct s;
    arb_t f, q;
    char what[128];
    int status;

    if (!sc_w6_applies(res, ctx, 0))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    res->certificate = "certified full-GD enclosures (balls)";
    status = sc_w6_measure(&s, res, ctx, T, prec);
    if (status != SC_OK)
        return status;
    arb_init(f);
    arb_init(q);
    sc_thm_factor(f, ctx, prec);
    sc_wd_decay(q, ctx, prec);
    arb_sqr(q, q, prec);
    if (s.count == 0)
        snprintf(what, sizeof(what), "no spike (steady oscillation or "
                 "convergence)");
    else
        snprintf(what, sizeof(what), "%ld spike(s), first/last at t = "
                 "%ld/%ld of %ld (period in extras)", (long) s.count,
                 (long) s.first, (long) s.last, (long) (T->len - 1));
    res->verdict = SC_HOLDS;
    status = sc_w6_decay_rate(res, T, q, f, prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
        sc_result_reason(res, "||w_t+1||^2 >= (1 - eta lambda)^2 ||w_t||^2 "
                         "at all %ld steps; %s", (long) (T->len - 1), what);
    arb_clear(q);
    arb_clear(f);
    return status;
}

/* [W6-b] (upper = 0) and [W6-c] (upper = 1) on the window. */
static int
sc_w6_window_claim(sc_result_t res, sc_ctx_t ctx, int upper, slong prec)
{
    const sc_traj_struct * T;
    arb_t f, lo, hi;
    slong entry;
    int status = SC_OK, cond;

    if (!sc_w6_applies(res, ctx, 1))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    res->certificate = "certified full-GD enclosures (balls)";
    arb_init(f);
    arb_init(lo);
    arb_init(hi);
    sc_thm_factor(f, ctx, prec);
    sc_w6_window(res, ctx, T, f, lo, hi, &cond, prec);
    if (upper && !cond)
        sc_result_not_applicable(res, "exact Prop. 3 condition fails",
                                 "eta lambda (2 - eta lambda) L <= (1 - eta "
                                 "lambda)^2 l fails on the window (the "
                                 "exact Prop. 3 condition)");
    else
    {
        res->verdict = SC_HOLDS;
        entry = sc_w6_stays(res, &status, T, (T->len - 1) / 2, lo, hi,
                            upper);
        sc_result_set_extra_si(res, "entry", entry);
        if (status == SC_OK && res->verdict == SC_HOLDS && entry >= 0)
            sc_result_reason(res, "||w_t||^2 enters the %s at step %ld and "
                             "stays to the end of the window",
                             upper ? "equilibrium interval" : "lower end's "
                             "half-line", (long) entry);
        else if (status == SC_OK && res->verdict == SC_HOLDS)
        {
            sc_result_reason(res, "||w_t||^2 never enters the %s in the "
                             "window", upper ? "equilibrium interval"
                             : "lower end's half-line");
            sc_result_vacuous(res, "no entry, so no exit to check");
        }
    }
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(f);
    return status;
}

int
sc_thm_w6_b_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_w6_window_claim(res, ctx, 0, prec);
}

int
sc_thm_w6_c_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_w6_window_claim(res, ctx, 1, prec);
}

/* [W6-ctl]: the control run keeps ||w_t||^2 constant; spikes measured. */
int
sc_thm_w6_ctl_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    sc_w6_spikes_struct s;
    arb_t f;
    int status;

    if (!sc_w6_applies(res, ctx, 2))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    res->certificate = "certified full-GD enclosures (balls)";
    status = sc_w6_measure(&s, res, ctx, T, prec);
    if (status != SC_OK)
        return status;
    arb_init(f);
    sc_thm_factor(f, ctx, prec);
    sc_w6_control(res, T, f, &s, prec);
    arb_clear(f);
    return SC_OK;
}
