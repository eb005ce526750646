/*
 * [LP] Loss peak of a rising edge (derived here, not the paper's; the
 * derivation and its proof: docs/loss_peak.md).
 *
 *   Under H3 and eta_gamma in (0, 1], write lambda = 1 - eta_gamma,
 *   k_t = cos theta_t, e_t = gamma_t - c k_t, E_t = L_t - L*, P = P(H_1),
 *   rho_H = rho_H(H_1), k_P = (1 + P^2)^-1/2, sigma(r) = r^2 / (1 + r^2).
 *   For every t in [t1, t1 + R + 1], with n = t - t1,
 *     E_t <= U_t := (M_t^2 + c^2 sigma_t) / 2,
 *     M_t = max(|lambda^n e_1 - c delta_t|, |lambda^n e_1 + c (k_1 - k_P)|),
 *     delta_t = 0 (t <= t1 + R), 1 - k_P (t = t1 + R + 1),
 *     sigma_t = sigma(rho_H) (t < t1 + R), sigma(P) (t >= t1 + R);
 *   hence max E_t <= max U_t <= U_cf := ((|e_1| + c (1 - k_P))^2
 *   + c^2 sigma(P)) / 2, and max E_t / E_t1 <= max U_t / E_t1.
 *
 * Source: docs/loss_peak.md, from [L1], [L7].2 and [T3.b] (THEOREMS.md
 * s.2, s.4).  Checked rigorously on every complete rising edge: the
 * bound is built in balls from the reduced state at t1 and the certified
 * enclosure of P(H_1) (sc_num_F_max), the observed excess from the loss of
 * the certified full-GD trajectory minus L*.  Every step of the window is
 * a certified comparison E_t <= U_t (f U_t under the test factor f).
 * predicted = max U_t, observed = max E_t, slack = their ratio (tightest
 * edge); extras: U_cf, the ratio bound and the observed ratio to E_t1.
 */
#include <string.h>
#include "theorems/whitened/whitened.h"
#include "num/num.h"

void
sc_thm_lp_bound(arb_t U, const arb_t lamn, const arb_t e1, const arb_t c,
                const arb_t k1, const arb_t kP, const arb_t sigma,
                int after, slong prec)
{
    arb_t lo, hi, t;

    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    arb_mul(lo, lamn, e1, prec);                /* lambda^n e_1 */
    arb_sub(t, k1, kP, prec);
    arb_addmul(hi, c, t, prec);
    arb_add(hi, hi, lo, prec);                  /* + c (k_1 - k_P) */
    if (after)
    {
        arb_sub_ui(t, kP, 1, prec);
        arb_addmul(lo, c, t, prec);             /* - c (1 - k_P) */
    }
    arb_abs(lo, lo);
    arb_abs(hi, hi);
    arb_max(lo, lo, hi, prec);
    arb_sqr(lo, lo, prec);                      /* M^2 */
    arb_sqr(t, c, prec);
    arb_addmul(lo, t, sigma, prec);
    arb_mul_2exp_si(U, lo, -1);                 /* U may alias an input */
    arb_clear(t);
    arb_clear(hi);
    arb_clear(lo);
}

/* The constants of one edge, from the reduced state at t1. */
typedef struct
{
    arb_t lam, e1, k1, kP, sH, sP, Ucf;
}
sc_lp_struct;

/* sigma(r) = r^2 / (1 + r^2) and k = (1 + r^2)^-1/2. */
static void
sc_lp_geometry(arb_t sigma, arb_t k, const arb_t r, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_sqr(t, r, prec);
    arb_add_ui(k, t, 1, prec);
    arb_div(sigma, t, k, prec);
    arb_rsqrt(k, k, prec);
    arb_clear(t);
}

/* Sets the constants; returns SC_OK (res VIOLATED if H_1 <= 2), SC_DOMAIN
   (a hypothesis of H3 certifiably fails at t1, reason set), or SC_UNABLE
   (reason set). */
static int
sc_lp_setup(sc_lp_struct * p, sc_result_t res, const sc_edges_struct * E,
            const arb_t etag, slong prec)
{
    const sc_traj_struct * R = E->R;
    arb_t H1, Th1, x, rhoH, lo, hi;
    sc_truth_t pos;
    int status = SC_OK;

    arb_init(H1); arb_init(Th1); arb_init(x); arb_init(rhoH);
    arb_init(lo); arb_init(hi);
    pos = sc_truth_and(sc_num_is_positive(R->a + E->t1),
                       sc_num_is_positive(R->gamma + E->t1));
    if (pos != SC_TRUE)
    {
        sc_result_reason(res, "a_t1 > 0 and gamma_t1 > 0 %s at step %ld",
                         pos == SC_FALSE ? "fail" : "undecided",
                         (long) E->t1);
        status = pos == SC_FALSE ? SC_DOMAIN : SC_UNABLE;
        goto cleanup;
    }
    sc_thm_edge_bounds(H1, Th1, x, R, E->c, E->eta, E->t1, prec);
    if (sc_num_rho_H(rhoH, H1, prec) == SC_FALSE)
    {
        /* h_t1 <= H_1 and h_t1 > Theta(rho_t1) >= 2 on a rising step: the
           premise [T3.b] itself fails */
        res->verdict = SC_VIOLATED;
        res->step = E->t1;
        sc_result_no_value(res, "H_1 <= 2 certified: [T3.b]'s premise");
        sc_result_reason(res, "H_1 <= 2 (rho_H = 0) at rising step %ld",
                         (long) E->t1);
        goto cleanup;
    }
    if (sc_num_F_max(lo, hi, H1, prec / 4, prec) != SC_OK)
    {
        sc_result_reason(res, "rho_H(H_1) > 0 and P(H_1) not enclosed, edge "
                         "at %ld", (long) E->t1);
        status = SC_UNABLE;
        goto cleanup;
    }
    arb_union(x, lo, hi, prec);                 /* P(H_1) */
    arb_sub_ui(p->lam, etag, 1, prec);
    arb_neg(p->lam, p->lam);
    sc_lp_geometry(p->sH, Th1, rhoH, prec);
    sc_lp_geometry(p->sP, p->kP, x, prec);
    sc_lp_geometry(H1, p->k1, R->rho + E->t1, prec);
    arb_submul(p->e1, E->c, p->k1, prec);
    arb_add(p->e1, p->e1, R->gamma + E->t1, prec);
    /* U_cf = ((|e_1| + c (1 - k_P))^2 + c^2 sigma(P)) / 2 */
    arb_abs(hi, p->e1);
    arb_sub_ui(lo, p->kP, 1, prec);
    arb_submul(hi, E->c, lo, prec);
    arb_sqr(hi, hi, prec);
    arb_sqr(lo, E->c, prec);
    arb_addmul(hi, lo, p->sP, prec);
    arb_mul_2exp_si(p->Ucf, hi, -1);

cleanup:
    arb_clear(hi); arb_clear(lo); arb_clear(rhoH); arb_clear(x);
    arb_clear(Th1); arb_clear(H1);
    return status;
}

/* One complete edge: E_t <= f U_t on [t1, end + 1].  Returns SC_OK (res
   VIOLATED on a certified failure, else predicted, observed, slack and
   extras set), SC_DOMAIN or SC_UNABLE (reason set). */
static int
sc_lp_edge(sc_result_t res, arb_t slack, const sc_edges_struct * E,
           const sc_traj_struct * F, const arb_t Lstar, const arb_t etag,
           slong prec)
{
    sc_lp_struct p;
    arb_t lamn, U, Ex, Umax, Emax, E1, Emin, Uend, Eend;
    slong t;
    int status;

    arb_init(p.lam); arb_init(p.e1); arb_init(p.k1); arb_init(p.kP);
    arb_init(p.sH); arb_init(p.sP); arb_init(p.Ucf);
    arb_init(lamn); arb_init(U); arb_init(Ex); arb_init(Umax);
    arb_init(Emax); arb_init(E1); arb_init(Emin); arb_init(Uend);
    arb_init(Eend);
    status = sc_lp_setup(&p, res, E, etag, prec);
    if (status != SC_OK || res->verdict == SC_VIOLATED)
        goto cleanup;
    arb_one(lamn);
    for (t = E->t1; t <= E->end + 1; t++)
    {
        sc_thm_lp_bound(U, lamn, p.e1, E->c, p.k1, p.kP,
                        t < E->end ? p.sH : p.sP, t > E->end, prec);
        arb_mul(U, U, E->factor, prec);         /* factor = 1 outside tests */
        arb_sub(Ex, F->loss + t, Lstar, prec);
        if (arb_gt(Ex, U))
        {
            res->verdict = SC_VIOLATED;
            res->step = t;
            sc_result_set_predicted(res, U);
            sc_result_set_observed(res, Ex);
            sc_result_reason(res, "excess loss at step %ld exceeds U_t, "
                             "edge at %ld", (long) t, (long) E->t1);
            goto cleanup;
        }
        if (!arb_le(Ex, U))
        {
            sc_result_reason(res, "E_t <= U_t undecided at step %ld",
                             (long) t);
            status = SC_UNABLE;
            goto cleanup;
        }
        if (t == E->t1)
        {
            arb_set(E1, Ex);
            arb_set(Emax, Ex);
            arb_set(Umax, U);
            arb_set(Emin, Ex);
        }
        if (t == E->end)
        {
            arb_set(Uend, U);
            arb_set(Eend, Ex);
        }
        arb_max(Uend, Uend, U, prec);
        arb_max(Eend, Eend, Ex, prec);
        arb_min(Emin, Emin, Ex, prec);
        arb_max(Emax, Emax, Ex, prec);
        arb_max(Umax, Umax, U, prec);
        arb_mul(lamn, lamn, p.lam, prec);
    }
    arb_mul(p.Ucf, p.Ucf, E->factor, prec);
    sc_result_set_predicted(res, Umax);
    sc_result_set_observed(res, Emax);
    arb_div(slack, Umax, Emax, prec);
    sc_result_set_extra(res, "U_cf", p.Ucf);
    sc_result_set_extra(res, "E_t1", E1);
    if (arb_is_positive(E1))
    {
        arb_div(U, Umax, E1, prec);
        sc_result_set_extra(res, "ratio_bound", U);
        arb_div(U, Emax, E1, prec);
        sc_result_set_extra(res, "ratio_obs", U);
    }
    /* the spike itself: the two states after the last rising step, and
       its height over the trough of the window (THEOREMS.md s.7's 47x) */
    sc_result_set_extra(res, "U_after", Uend);
    sc_result_set_extra(res, "E_after", Eend);
    if (arb_is_positive(Emin))
    {
        arb_div(U, Eend, Emin, prec);
        sc_result_set_extra(res, "spike_obs", U);
    }

cleanup:
    arb_clear(Eend); arb_clear(Uend); arb_clear(Emin);
    arb_clear(E1); arb_clear(Emax); arb_clear(Umax); arb_clear(Ex);
    arb_clear(U); arb_clear(lamn);
    arb_clear(p.Ucf); arb_clear(p.sP); arb_clear(p.sH); arb_clear(p.kP);
    arb_clear(p.k1); arb_clear(p.e1); arb_clear(p.lam);
    return status;
}

/* Copies the extras of the edge record into res (the tightest edge). */
static void
sc_lp_keep_extras(sc_result_t res, const sc_result_t edge)
{
    slong i;

    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (edge->extra[i].set)
            sc_result_set_extra(res, edge->extra[i].name,
                                edge->extra[i].value);
}

int
sc_thm_lp_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_edges_struct E;
    const sc_traj_struct * F = NULL;
    sc_result_t edge;
    arb_t slack, etag, Lstar;
    slong skipped = 0;
    int status;

    arb_init(slack);
    arb_init(etag);
    arb_init(Lstar);
    sc_result_init(edge);
    status = sc_edges_init(&E, res, ctx, prec);
    if (status != SC_OK || E.R == NULL)
        goto cleanup;
    if (fmpq_cmp_ui(ctx->cs->eta_gamma, 1) > 0
        || fmpq_sgn(ctx->cs->eta_gamma) <= 0)
    {
        sc_result_not_applicable(res, "eta_gamma not in (0, 1]", "eta_gamma "
                                 "not in (0, 1] (gamma's update is no "
                                 "convex combination)");
        goto cleanup;
    }
    arb_set_fmpq(etag, ctx->cs->eta_gamma, prec);
    while (sc_edges_next(&E) && !E.open)
    {
        if (F == NULL)
        {
            F = sc_thm_need_full(res, ctx, prec);
            if (F == NULL)
            {
                status = SC_UNABLE;
                goto cleanup;
            }
            arb_set(Lstar, sc_ctx_dyn(ctx, prec)->Lstar);
            res->certificate = "the loss of the certified full-GD "
                               "enclosure at every step of each window";
        }
        sc_result_reset(edge);
        edge->verdict = SC_HOLDS;
        status = sc_lp_edge(edge, slack, &E, F, Lstar, etag, prec);
        if (status == SC_DOMAIN)
        {
            /* H3 fails at this edge: not a claim about it */
            status = SC_OK;
            skipped++;
            continue;
        }
        if (status != SC_OK || edge->verdict == SC_VIOLATED)
        {
            if (status != SC_OK)
            {
                memcpy(res->reason, edge->reason, SC_REASON_LEN);
                goto cleanup;
            }
            sc_edges_fail(res, edge);
            break;
        }
        sc_edges_keep(&E, res, E.t1, edge->predicted, edge->observed, slack);
        if (arb_equal(E.best, slack))
            sc_lp_keep_extras(res, edge);
    }
    if (res->verdict == SC_HOLDS && E.ncomplete == 0 && skipped > 0
        && !E.open)
    {
        sc_result_not_applicable(res, "H3 fails at every edge", "H3 (a_t1 "
                                 "> 0, gamma_t1 > 0) fails at every edge");
    }
    sc_edges_finish(&E, res, "the excess loss on [t1, t1 + R + 1] below "
                    "U_t for every edge");

cleanup:
    sc_edges_clear(&E);
    sc_result_clear(edge);
    arb_clear(Lstar);
    arb_clear(etag);
    arb_clear(slack);
    return status;
}
