/*
 * [T3.c] Phases and negative feedback on a rising edge (reconstructed).
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
 * within the edge: P2 is then empty).  predicted = the bound on the rising
 * steps after t_c as the statement rounds it, ceil(...), observed = their
 * number (the edge with least slack); a failed phase inequality names the
 * bound it broke (gamma_t, or h_t / (1 + h_t^2 sin^2_t)) and the value.
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

/* Checks one complete edge; sets *count and x (bound argument).  Returns
   SC_OK with res->verdict VIOLATED on failure, or SC_UNABLE. */
static int
sc_t3c_edge(sc_result_t res, slong * count, arb_t x, const sc_traj_struct * R,
            const arb_t c, const arb_t factor, slong t1, slong end,
            slong prec)
{
    slong t, tc = sc_t3c_catch_up(R, c, t1, end, prec);

    *count = 0;
    sc_truth_t ok;
    arb_t Th;

    if (tc == -2)
    {
        sc_result_reason(res, "gamma against c cos theta undecided, edge at "
                         "%ld", (long) t1);
        return SC_UNABLE;
    }
    arb_init(Th);
    for (t = t1; t <= end; t++)
    {
        const char * what;
        arb_srcptr pred = R->gamma + t, obs = R->gamma + t + 1;

        if (t <= tc && t < end)
        {
            ok = sc_num_ge(R->gamma + t + 1, R->gamma + t);
            what = "P1: gamma decreased on a rising step";
        }
        else if (t > tc)
        {
            ok = sc_num_lt(R->gamma + t + 1, R->gamma + t);
            what = "P2: gamma did not decrease";
            if (ok == SC_TRUE && t < end)
            {
                ok = sc_t3c_feedback(Th, R, t, prec);
                what = "P2: h_{t+1} >= h_t / (1 + h_t^2 sin^2 theta_t)";
                pred = Th;
                obs = R->h + t + 1;
            }
        }
        else
            continue;
        if (ok == SC_UNKNOWN)
        {
            sc_result_reason(res, "%s undecided at step %ld", what, (long) t);
            arb_clear(Th);
            return SC_UNABLE;
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
            arb_clear(Th);
            return SC_OK;
        }
    }
    *count = FLINT_MAX(0, end - 1 - FLINT_MAX(tc, t1 - 1));
    if (*count == 0)
    {
        arb_pos_inf(x);
        arb_clear(Th);
        return SC_OK;
    }
    /* the bound of [T3.a] with h_{tc+1} in place of H_1 */
    sc_thm_run_bound(x, Th, R->h + tc + 1, R->rho + tc + 1, prec);
    arb_mul(x, x, factor, prec);                /* factor = 1 outside tests */
    ok = sc_thm_count_le_ceil(*count, x);
    if (ok == SC_UNKNOWN)
        sc_result_reason(res, "count of rising steps after t_c undecided");
    else if (ok == SC_FALSE)
    {
        /* the statement bounds the count by ceil(x): that is predicted */
        arb_ceil(Th, x, prec);
        res->verdict = SC_VIOLATED;
        res->step = tc + 1;
        sc_result_set_predicted(res, Th);
        sc_result_set_observed_si(res, *count);
        sc_result_reason(res, "%ld rising steps after t_c = %ld exceed the "
                         "bound", (long) *count, (long) tc);
    }
    arb_clear(Th);
    return ok == SC_UNKNOWN ? SC_UNABLE : SC_OK;
}

int
sc_thm_t3_c_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_edges_struct E;
    slong count;
    arb_t x, slack, obs;
    int status;

    arb_init(x);
    arb_init(slack);
    arb_init(obs);
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
        status = sc_t3c_edge(res, &count, x, E.R, E.c, E.factor, E.t1, E.end,
                             prec);
        if (status != SC_OK || res->verdict == SC_VIOLATED)
            goto cleanup;
        arb_set_si(obs, count);
        if (count > 0)
        {
            arb_ceil(x, x, prec);
            arb_div_si(slack, x, count, prec);
        }
        else
            arb_pos_inf(slack);
        sc_edges_keep(&E, res, E.t1, count > 0 ? x : NULL, obs, slack);
    }
    sc_edges_finish(&E, res, "phases P1/P2 and the feedback hold");

cleanup:
    sc_edges_clear(&E);
    arb_clear(obs);
    arb_clear(slack);
    arb_clear(x);
    return status;
}
