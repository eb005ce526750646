/*
 * theorem3.c -- the quantities of Theorem 3 and of H2 that the whitened
 * line's checkers share: H2 at a state, the run-length bound ceil(x) with
 * Theta(rho), the edge quantities H_1, Theta_1, x at a rising step, and
 * the verdict of an edge checker.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

sc_truth_t
sc_thm_h2(const sc_traj_struct * R, slong t)
{
    arb_t one;
    sc_truth_t r;

    arb_init(one);
    arb_one(one);
    r = sc_truth_and(sc_num_is_positive(R->rho + t),
                     sc_num_lt(R->rho + t, one));
    r = sc_truth_and(r, sc_num_is_positive(R->gamma + t));
    r = sc_truth_and(r, sc_num_is_positive(R->a + t));
    arb_clear(one);
    return r;
}

sc_truth_t
sc_thm_run_bound(arb_t x, arb_t Theta, const arb_t H, const arb_t rho,
                 slong prec)
{
    arb_t k, s;
    sc_truth_t below = sc_num_theta(Theta, rho, prec);

    if (below != SC_TRUE)
    {
        arb_indeterminate(x);
        return below;
    }
    arb_init(k);
    arb_init(s);
    /* ln kappa = log1p(4 rho^2 / (1 - rho^2)^2), kept accurate for
       rho = 1e-200 */
    arb_sqr(s, rho, prec);
    arb_sub_ui(k, s, 1, prec);
    arb_sqr(k, k, prec);
    arb_div(k, s, k, prec);
    arb_mul_2exp_si(k, k, 2);
    arb_log1p(k, k, prec);
    arb_div(x, H, Theta, prec);
    arb_log(x, x, prec);
    arb_div(x, x, k, prec);
    arb_clear(s);
    arb_clear(k);
    return below;
}

sc_truth_t
sc_thm_edge_bounds(arb_t H1, arb_t Theta1, arb_t x,
                   const sc_traj_struct * T, const arb_t c, const arb_t eta,
                   slong t1, slong prec)
{
    arb_t G, s;
    sc_truth_t below;

    arb_init(G);
    arb_init(s);
    /* Gamma_1 = max(gamma_t1, c / sqrt(1 + rho_1^2)) */
    arb_sqr(s, T->rho + t1, prec);
    arb_add_ui(s, s, 1, prec);
    arb_sqrt(s, s, prec);
    arb_div(G, c, s, prec);
    arb_max(G, G, T->gamma + t1, prec);
    arb_mul(H1, eta, G, prec);
    arb_mul(H1, H1, c, prec);
    arb_div(H1, H1, T->W + t1, prec);
    below = sc_thm_run_bound(x, Theta1, H1, T->rho + t1, prec);
    arb_clear(s);
    arb_clear(G);
    return below;
}

sc_truth_t
sc_thm_count_le_ceil(slong count, const arb_t x)
{
    arb_t t;
    sc_truth_t r;

    if (count <= 0)
        return SC_TRUE;
    arb_init(t);
    arb_set_si(t, count - 1);
    r = sc_num_lt(t, x);                /* count <= ceil(x) iff count-1 < x */
    arb_clear(t);
    return r;
}

void
sc_thm_edges_verdict(sc_result_t res, slong nedges, slong ncomplete,
                     int open, const char * what)
{
    if (nedges == 0)
    {
        sc_result_not_applicable(res, "H3: no rising step", "no rising "
                                 "step within the horizon (H3 needs one)");
    }
    else if (ncomplete == 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "horizon: the only rising edge is still "
                         "rising at the last step");
    }
    else
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "%ld complete rising edge(s), %s; tightest "
                         "shown%s", (long) ncomplete, what,
                         open ? "; one more still rising at the horizon "
                                "(not judged)" : "");
    }
}
