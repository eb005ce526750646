/*
 * [L14] Lower bound on the loss (reconstructed; needs A4 and
 * Definition 2).  Under A1-A4, w in span(X~^T), a > 0, gamma > 0, with
 * beta of Definition 2 (or the certified lower bound
 * alpha_min sqrt(n lambda_min) / (2 sum alpha)) and N = ||w||_Sigma / a:
 *
 *   (a) min_i y^_i <= (m - beta rho) / N;
 *   (b) L >= l(gamma min_i y^_i) / n;
 *   (c) L >= l(gamma phi) / n with phi = max((m - beta rho) / N_lo,
 *       (m - beta rho) / N_hi), N_lo = max(sqrt(lmin) sqrt(1 + rho^2),
 *       m - sqrt(lmax) rho), N_hi = sqrt(lmax) sqrt(1 + rho^2).
 *   (The spec's branch on m >= beta rho picks exactly that max: the
 *   larger of the two quotients is the one with the right denominator.)
 *
 * Source: paper Lemma 14 (App. C, needs Assumption 4 and Definition 2);
 * LOGISTIC.md 2.6.  Provenance: reconstructed.  beta comes from the data
 * layer (sc_svm_beta, exact when computed).  NOT-APPLICABLE without A4.
 * Checked rigorously at every state of the certified full-GD trajectory
 * (midpoint projected onto span(X~^T)), (a) as a deviation from 1.
 * slack = the least bound / value or value / bound over forms and states
 * (for (b), (c): L n / l(..)).
 */
/* Three claims: [L14-a], [L14-b], [L14-c]. */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* the items of [L14], one claim each (tl->part) */
enum { SC_L14_A = 1, SC_L14_B, SC_L14_C };

/* phi of (c) */
static void
sc_l14_phi(arb_t phi, const sc_logi_state_struct * s, sc_logi_t L,
           slong prec)
{
    arb_t num, lo, hi, t;

    arb_init(num);
    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    arb_mul(num, L->beta, s->rho, prec);
    arb_sub(num, L->m, num, prec);              /* m - beta rho */
    arb_sqr(t, s->rho, prec);
    arb_add_ui(t, t, 1, prec);
    arb_sqrtpos(t, t, prec);                    /* sqrt(1 + rho^2) */
    arb_mul(hi, L->slmax, t, prec);
    arb_sqrtpos(lo, L->lmin, prec);
    arb_mul(lo, lo, t, prec);
    arb_mul(t, L->slmax, s->rho, prec);
    arb_sub(t, L->m, t, prec);
    arb_max(lo, lo, t, prec);
    arb_div(lo, num, lo, prec);
    arb_div(hi, num, hi, prec);
    arb_max(phi, lo, hi, prec);
    arb_clear(t);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(num);
}

static void
sc_l14_state(sc_tally_struct * tl, sc_result_t res,
             const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    /* (a) as 1 - min y^ >= 1 - (m - beta rho)/N: slack compares the
       deviations from 1 */
    if (sc_tally_part(tl, SC_L14_A))
    {
        arb_mul(x, L->beta, s->rho, prec);
        arb_sub(x, L->m, x, prec);
        arb_div(x, x, s->N, prec);
        arb_sub_ui(x, x, 1, prec);
        arb_neg(x, x);
        arb_sub_ui(y, s->ymin, 1, prec);
        arb_neg(y, y);
        sc_tally_lower(tl, res, "L14(a) 1 - min y^ >= 1 - (m - beta rho)/N",
                       y, x, prec);
    }
    if (sc_tally_part(tl, SC_L14_B))
    {
        arb_mul(x, s->gamma, s->ymin, prec);
        sc_dyn_margin_loss(y, NULL, NULL, SC_LOSS_LOGISTIC, x, prec);
        arb_div_si(y, y, L->n, prec);
        sc_tally_lower(tl, res, "L14(b) L >= l(gamma min y^)/n", s->loss, y,
                       prec);
    }
    if (sc_tally_part(tl, SC_L14_C))
    {
        sc_l14_phi(x, s, L, prec);
        arb_mul(x, x, s->gamma, prec);
        sc_dyn_margin_loss(y, NULL, NULL, SC_LOSS_LOGISTIC, x, prec);
        arb_div_si(y, y, L->n, prec);
        sc_tally_lower(tl, res, "L14(c) L >= l(gamma phi)/n", s->loss, y,
                       prec);
    }
    arb_clear(y);
    arb_clear(x);
}

static int
sc_l14_check(sc_result_t res, sc_ctx_t ctx, int part, const char * what,
             slong prec)
{
    return sc_logi_walk(res, ctx, SC_LOGI_NEED_A3 | SC_LOGI_NEED_A4, 1, 0,
                        sc_l14_state, part, what, "no state", prec);
}

int
sc_thm_l14_a_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l14_check(res, ctx, SC_L14_A, "L14 (a) held", prec);
}

int
sc_thm_l14_b_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l14_check(res, ctx, SC_L14_B, "L14 (b) held", prec);
}

int
sc_thm_l14_c_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_l14_check(res, ctx, SC_L14_C, "L14 (c) held", prec);
}
