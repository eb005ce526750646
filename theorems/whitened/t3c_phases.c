/*
 * [T3.c] Phases and negative feedback on a rising edge (reconstructed),
 * four claims with their own verdicts ([T3.c-1] P1, [T3.c-2] P2,
 * [T3.c-h] the feedback, [T3.c-n] the count after t_c).
 *
 *   t_c = first t >= t1 with gamma_t <= c cos_t and gamma_{t+1} > c cos_{t+1}
 *   (t_c = t1 - 1 if gamma_t1 > c cos_t1: P1 empty).  P1 = rising steps
 *   t <= t_c: gamma_{t+1} >= gamma_t.  P2 = steps t_c < t <= t1 + R:
 *   gamma_{t+1} < gamma_t, and on rising steps of P2
 *   h_{t+1} < h_t / (1 + h_t^2 sin^2_t).  Rising steps after t_c number at most
 *   ceil(ln(h/Theta(rho)) / ln(1 + 4 rho^2 / (1 - rho^2)^2)) at t_c + 1.
 *
 * Source: paper Theorem 3 (the two phases) and Section 5.2; THEOREMS.md
 * section 4.  Checked rigorously on the reduced recurrence in balls for
 * every complete rising edge (t_c := t1 + R when gamma never catches up
 * within the edge: P2 is then empty).  Each claim is vacuous when no
 * complete edge has a step it speaks of (P1 empty, P2 empty, no rising
 * P2 step, no rising step after t_c).  Records, at the tightest step of
 * the edge with least slack: [T3.c-1] predicted = gamma_t (the least
 * gamma_{t+1} may be), observed = gamma_{t+1}, slack = their ratio;
 * [T3.c-2] predicted = gamma_t (the bound gamma_{t+1} stays below),
 * observed = gamma_{t+1}, slack = gamma_t / gamma_{t+1}; [T3.c-h]
 * predicted = h_t / (1 + h_t^2 sin^2_t), observed = h_{t+1}; [T3.c-n]
 * predicted = the bound on the rising steps after t_c as the statement
 * rounds it, ceil(...), observed = their number.  Control runs (factor
 * Q) scale the bound each claim compares with.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* Truth of gamma_t > c cos_t, cos_t = 1 / sqrt(1 + rho_t^2). */
static sc_truth_t
sc_t3c_above(const sc_traj_struct * R, const arb_t c, slong t, slong prec)
{
    arb_t x;
    sc_truth_t r;

    arb_init(x);
    arb_sqr(x, R->rho + t, prec);
    arb_add_ui(x, x, 1, prec);
    arb_rsqrt(x, x, prec);
    arb_mul(x, x, c, prec);
    r = sc_num_gt(R->gamma + t, x);
    arb_clear(x);
    return r;
}

/* Truth of h_{t+1} < x = h_t / (1 + h_t^2 sin^2_t). */
static sc_truth_t
sc_t3c_feedback(arb_t x, const sc_traj_struct * R, slong t, slong prec)
{
    arb_t s2;
    sc_truth_t r;

    arb_init(s2);
    arb_sqr(s2, R->rho + t, prec);
    arb_add_ui(x, s2, 1, prec);
    arb_div(s2, s2, x, prec);
    arb_sqr(x, R->h + t, prec);
    arb_mul(x, x, s2, prec);
    arb_add_ui(x, x, 1, prec);
    arb_div(x, R->h + t, x, prec);
    r = sc_num_lt(R->h + t + 1, x);
    arb_clear(s2);
    return r;
}

/* t_c for the edge [t1, end), or SC_UNABLE via *tc = -2. */
static slong
sc_t3c_catch_up(const sc_traj_struct * R, const arb_t c, slong t1,
                slong end, slong prec)
{
    sc_truth_t now, next;
    slong t;

    now = sc_t3c_above(R, c, t1, prec);
    if (now == SC_UNKNOWN)
        return -2;
    if (now == SC_TRUE)
        return t1 - 1;
    for (t = t1; t <= end; t++)
    {
        next = sc_t3c_above(R, c, t + 1, prec);
        if (next == SC_UNKNOWN)
            return -2;
        if (next == SC_TRUE)
            return t;                   /* gamma_t <= c cos_t held at t */
    }
    return end;
}

/* which of the four claims a walk checks */
typedef enum
{
    SC_T3C_P1, SC_T3C_P2, SC_T3C_H, SC_T3C_N
}
sc_t3c_part_t;

/* The tightest comparison of one edge: bound pred against value obs at
   step, slack their ratio (>= 1 where the claim holds), n the steps the
   claim spoke of. */
typedef struct
{
    arb_t pred, obs, slack;
    slong step, n;
}
sc_t3c_best_struct;

/* Keeps the comparison (bound, value) at t if it is the tightest so far;
   ratio = bound / value for an upper bound, value / bound for a lower. */
static void
sc_t3c_keep(sc_t3c_best_struct * B, const arb_t bound, const arb_t value,
            int lower, slong t, slong prec)
{
    arb_t r;

    arb_init(r);
    if (lower)
        arb_div(r, value, bound, prec);
    else
        arb_div(r, bound, value, prec);
    if (B->n == 0 || arb_lt(r, B->slack))
    {
        arb_set(B->slack, r);
        arb_set(B->pred, bound);
        arb_set(B->obs, value);
        B->step = t;
    }
    B->n++;
    arb_clear(r);
}

/* The phase claim part (P1, P2 or H) at step t of an edge with t_c = tc:
   SC_TRUE / SC_FALSE (bound and value in pred / obs), or SC_UNKNOWN; -1
   when the claim says nothing of step t. */
static int
sc_t3c_phase(arb_t pred, arb_t obs, const char ** what,
             const sc_traj_struct * R, sc_t3c_part_t part,
             const arb_t factor, slong t, slong tc, slong end, slong prec)
{
    if (part == SC_T3C_P1 && t <= tc && t < end)
    {
        arb_mul(pred, R->gamma + t, factor, prec);   /* factor = 1 outside */
        arb_set(obs, R->gamma + t + 1);              /* tests */
        *what = "P1: gamma decreased on a rising step";
        return sc_num_ge(obs, pred);
    }
    if (part == SC_T3C_P2 && t > tc)
    {
        arb_mul(pred, R->gamma + t, factor, prec);
        arb_set(obs, R->gamma + t + 1);
        *what = "P2: gamma did not decrease";
        return sc_num_lt(obs, pred);
    }
    if (part == SC_T3C_H && t > tc && t < end)
    {
        sc_truth_t ok;

        sc_t3c_feedback(pred, R, t, prec);
        arb_mul(pred, pred, factor, prec);
        arb_set(obs, R->h + t + 1);
        *what = "P2: h_{t+1} >= h_t / (1 + h_t^2 sin^2 theta_t)";
        ok = sc_num_lt(obs, pred);
        return ok;
    }
    return -1;
}

/* [T3.c-n] on the edge: the rising steps after t_c against ceil(x). */
static int
sc_t3c_count(sc_result_t res, sc_t3c_best_struct * B,
             const sc_traj_struct * R, const arb_t factor, slong t1,
             slong end, slong tc, slong prec)
{
    slong count = FLINT_MAX(0, end - 1 - FLINT_MAX(tc, t1 - 1));
    sc_truth_t ok;
    arb_t x, Th;

    if (count == 0)
        return SC_OK;
    arb_init(x);
    arb_init(Th);
    /* the bound of [T3.a] with h_{tc+1} in place of H_1 */
    sc_thm_run_bound(x, Th, R->h + tc + 1, R->rho + tc + 1, prec);
    arb_mul(x, x, factor, prec);                /* factor = 1 outside tests */
    ok = sc_thm_count_le_ceil(count, x);
    /* the statement bounds the count by ceil(x): that is predicted */
    arb_ceil(Th, x, prec);
    arb_set_si(x, count);
    if (ok == SC_UNKNOWN)
        sc_result_reason(res, "count of rising steps after t_c undecided");
    else if (ok == SC_FALSE)
    {
        res->verdict = SC_VIOLATED;
        res->step = tc + 1;
        sc_result_set_predicted(res, Th);
        sc_result_set_observed(res, x);
        sc_result_reason(res, "%ld rising steps after t_c = %ld exceed the "
                         "bound", (long) count, (long) tc);
    }
    else
        sc_t3c_keep(B, Th, x, 0, tc + 1, prec);
    arb_clear(Th);
    arb_clear(x);
    return ok == SC_UNKNOWN ? SC_UNABLE : SC_OK;
}

/* Checks the claim part on one complete edge into B.  Returns SC_OK
   with res->verdict VIOLATED on failure, or SC_UNABLE. */
static int
sc_t3c_edge(sc_result_t res, sc_t3c_best_struct * B, sc_t3c_part_t part,
            const sc_traj_struct * R, const arb_t c, const arb_t factor,
            slong t1, slong end, slong prec)
{
    slong t, tc = sc_t3c_catch_up(R, c, t1, end, prec);
    arb_t pred, obs;
    const char * what = NULL;
    int ok, status = SC_OK;

    if (tc == -2)
    {
        sc_result_reason(res, "gamma against c cos theta undecided, edge at "
                         "%ld", (long) t1);
        return SC_UNABLE;
    }
    if (part == SC_T3C_N)
        return sc_t3c_count(res, B, R, factor, t1, end, tc, prec);
    arb_init(pred);
    arb_init(obs);
    for (t = t1; t <= end; t++)
    {
        ok = sc_t3c_phase(pred, obs, &what, R, part, factor, t, tc, end,
                          prec);
        if (ok == -1)
            continue;
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "%s undecided at step %ld", what, (long) t);
            status = SC_UNABLE;
            break;
        }
        if (ok == SC_FALSE)
        {
            /* predicted: the bound gamma_{t+1} or h_{t+1} had to keep */
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, pred);
            sc_result_set_observed(res, obs);
            sc_result_reason(res, "%s at step %ld (edge at %ld, t_c = %ld)",
                             what, (long) t, (long) t1, (long) tc);
            break;
        }
        sc_t3c_keep(B, pred, obs, part == SC_T3C_P1, t, prec);
    }
    arb_clear(obs);
    arb_clear(pred);
    return status;
}

static int
sc_t3c_check(sc_result_t res, sc_ctx_t ctx, sc_t3c_part_t part, slong prec)
{
    static const char * const what[] = {
        "gamma rises on the P1 steps", "gamma falls on the P2 steps",
        "h falls on the rising P2 steps",
        "the rising steps after t_c within the bound" };
    static const char * const none[] = {
        "P1 (rising steps before gamma catches up) is empty on every edge",
        "P2 is empty on every edge",
        "no edge has a rising step in P2",
        "no edge has a rising step after t_c" };
    sc_edges_struct E;
    sc_t3c_best_struct B;
    slong spoke = 0;
    int status;

    arb_init(B.pred);
    arb_init(B.obs);
    arb_init(B.slack);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    while (sc_edges_next(&E))
    {
        /* P2 looks at gamma_{t1+R+1}: the edge must end before the horizon */
        if (E.end + 1 > E.R->len - 1)
        {
            E.open = 1;
            break;
        }
        B.n = 0;
        status = sc_t3c_edge(res, &B, part, E.R, E.c, E.factor, E.t1, E.end,
                             prec);
        if (status != SC_OK || res->verdict == SC_VIOLATED)
            goto cleanup;
        spoke += B.n;
        if (B.n > 0)
            sc_edges_keep(&E, res, B.step, B.pred, B.obs, B.slack);
        else
            E.ncomplete++;
    }
    sc_edges_finish(&E, res, what[part]);
    if (res->verdict == SC_HOLDS && spoke == 0)
    {
        /* nothing was compared: say so instead of "tightest shown" */
        sc_result_reason(res, "%ld complete rising edge(s)%s",
                         (long) E.ncomplete, E.open ? "; one more still "
                         "rising at the horizon (not judged)" : "");
        sc_result_vacuous(res, none[part]);
    }

cleanup:
    sc_edges_clear(&E);
    arb_clear(B.slack);
    arb_clear(B.obs);
    arb_clear(B.pred);
    return status;
}

int
sc_thm_t3_c_1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3c_check(res, ctx, SC_T3C_P1, prec);
}

int
sc_thm_t3_c_2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3c_check(res, ctx, SC_T3C_P2, prec);
}

int
sc_thm_t3_c_h_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3c_check(res, ctx, SC_T3C_H, prec);
}

int
sc_thm_t3_c_n_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t3c_check(res, ctx, SC_T3C_N, prec);
}
