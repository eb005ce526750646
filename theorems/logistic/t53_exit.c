/*
 * [T5.3] Theorem 5' item (3): certificate E_t and the exit threshold
 * (reconstructed), three claims with their own verdicts.  At a state
 * with a, a' > 0, gamma > 0, cos_Sigma >= 0 (a' = a + eta q of the plain
 * step; the claims' hypotheses):
 *
 * [T5.3-E] E_t: eta gamma (lmax C^2 - rho^2 m^2 gbar^2 sin^2_Sigma)
 *          <= 2 m gbar W N  implies rho' <= rho;
 * [T5.3-3] with K := kappa lmax C^2 / (m^2 gbar^2) and
 *          rho_exit := sqrt((K + sqrt(K^2 + 4K)) / 2) (the root of
 *          rho^4 / (1 + rho^2) = K): rho >= rho_exit implies rho' <= rho;
 * [T5.3-U] rho_exit <= rho_exit(uniform), computed with
 *          C <= sigma(-gamma) + sqrt2 gamma / 4 and
 *          gbar >= sigma(-gamma min(sqrt n, R / sqrt(lmin))), and
 *          rho_exit >= sqrt(kappa lmax) / m >= sqrt(kappa) (the scaling).
 * E_t and the exit threshold conclude "not rising": they are at risk only
 * at a rising step (where each claims its antecedent false), so each is
 * vacuous (exercised = 0) when no admissible step rises.  The bounds of
 * [T5.3-U] are inequalities between numbers of every admissible state:
 * exercised whenever one exists.
 * Also tested with [T5.3-3], ours (not in the spec, so reported and never
 * part of the verdict, which is the spec statement's): the sharper exit
 * threshold
 *   rho >= sqrt(K) implies rho' <= rho
 * (extra sqrtK_claim_fails = the states where it certifiably fails).
 *   Proof: a rising step has Lambda > 0 (L6, a, a' > 0), so, as q >= 0
 *   (L9), a^2 |g|^2 > W q^2; L10(ii) and L9 give a^2 lmax C^2 >
 *   W m^2 gbar^2 sin^2_Sigma, and W sin^2_Sigma >= a^2 rho^2 / kappa
 *   (L8.4, W = a^2 (1 + rho^2)) gives rho^2 < K.  The spec's rho_exit
 *   puts b^2 q^2 (L6's sufficient form) where this puts W q^2, so
 *   rho_exit / sqrt(K) = sqrt((1 + sqrt(1 + 4/K)) / 2) > 1, which is
 *   sqrt((1 + sqrt 5) / 2) = 1.272 at K = 1 (kappa = 1, lmax = m^2,
 *   gamma -> 0), where the rising steps reach rho -> 1 = sqrt(K).
 *
 * Source: paper Theorem 5 item 3 (its rho_exit formula is lost);
 * LOGISTIC.md 2.7.  Provenance: reconstructed.  Checked at every state of
 * the certified full-GD trajectory (midpoint projected onto span(X~^T))
 * with the plain step recomputed from it.  Control runs (factor Q) claim
 * E_t with Q times its left side and the threshold Q rho_exit: Q < 1
 * claims more.  [T5.3-E]: predicted / observed / slack are rho_t,
 * rho_{t+1} at the step with E_t where rho falls least.  [T5.3-3]:
 * slack = min over rising steps of rho_exit / rho_t (= 1 / max rho /
 * rho_exit): how far below the exit threshold the rising steps stay.
 * Extras (those over the whole run are left out of a VIOLATED record,
 * whose walk stopped at its counterexample; [FAM-T5-exit] then counts the
 * point undecided): rho_exit_min over the states, rho_peak = the largest
 * rho at a rising step, sqrtK_over_rho = min over rising steps of sqrt(K) / rho_t
 * (the room of the sharper threshold); rise_first_t and rho_rise_first,
 * the first admissible step that rises and its rho_t (how deep the run
 * went before a positive-alignment rising branch started: Theorem 5's
 * second takeaway, read by [FAM-T5-depth]), or rise_first_undecided =
 * the step when the first admissible step not certainly falling is not
 * certainly rising either.
 */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

/* which of the three claims a walk checks */
typedef enum
{
    SC_T53_E, SC_T53_EXIT, SC_T53_BOUNDS
}
sc_t53_part_t;

typedef struct
{
    sc_t53_part_t part;
    slong rising;           /* admissible states whose step rises */
    int has;                /* some state seen */
    int has_peak;
    slong sharp_fails;      /* states where rho >= sqrt(K) and rho' > rho */
    /* the first admissible step not certainly falling: rises (1), is
       undecided (-1) or none yet (0); its step and its rho */
    int first;
    slong first_t;
    arb_t exit_min, peak, sharp, first_rho;
}
sc_t53_arg;

/* mid(x) < mid(y): for the extras (display only) */
static int
sc_t53_mid_less(const arb_t x, const arb_t y, slong prec)
{
    arb_t d;
    int r;

    arb_init(d);
    arb_sub(d, x, y, prec);
    r = arf_sgn(arb_midref(d)) < 0;
    arb_clear(d);
    return r;
}

/* K and rho_exit from C and gbar */
static void
sc_t53_rho_exit_K(arb_t rexit, arb_t K, const arb_t C, const arb_t gbar,
                  sc_logi_t L, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_mul(K, L->m, gbar, prec);
    arb_sqr(K, K, prec);
    arb_sqr(t, C, prec);
    arb_mul(t, t, L->kappa, prec);
    arb_mul(t, t, L->lmax, prec);
    arb_div(K, t, K, prec);                     /* K */
    arb_add_ui(t, K, 4, prec);
    arb_mul(t, t, K, prec);
    arb_sqrtpos(t, t, prec);                    /* sqrt(K^2 + 4K) */
    arb_add(t, t, K, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_sqrtpos(rexit, t, prec);
    arb_clear(t);
}

static void
sc_t53_rho_exit(arb_t rexit, const arb_t C, const arb_t gbar, sc_logi_t L,
                slong prec)
{
    arb_t K;

    arb_init(K);
    sc_t53_rho_exit_K(rexit, K, C, gbar, L, prec);
    arb_clear(K);
}

/* E_t: Q eta gamma (lmax C^2 - rho^2 m^2 gbar^2 sin^2) <= 2 m gbar W N */
static sc_truth_t
sc_t53_E(const sc_logi_state_struct * s, sc_logi_t L, const arb_t f,
         slong prec)
{
    arb_t lhs, rhs, t;
    sc_truth_t r;

    arb_init(lhs);
    arb_init(rhs);
    arb_init(t);
    arb_mul(t, s->rho, L->m, prec);
    arb_mul(t, t, s->gbar, prec);
    arb_sqr(t, t, prec);
    arb_mul(t, t, s->sin2, prec);
    arb_sqr(lhs, s->C, prec);
    arb_mul(lhs, lhs, L->lmax, prec);
    arb_sub(lhs, lhs, t, prec);
    arb_mul(lhs, lhs, s->gamma, prec);
    arb_mul(lhs, lhs, L->D->eta, prec);
    arb_mul(lhs, lhs, f, prec);
    arb_mul(rhs, L->m, s->gbar, prec);
    arb_mul(rhs, rhs, s->W, prec);
    arb_mul(rhs, rhs, s->N, prec);
    arb_mul_2exp_si(rhs, rhs, 1);
    r = sc_num_le(lhs, rhs);
    arb_clear(t);
    arb_clear(rhs);
    arb_clear(lhs);
    return r;
}

/* The uniform threshold and the scaling claims (no slack). */
static void
sc_t53_bounds(sc_tally_struct * tl, sc_result_t res,
              const sc_logi_state_struct * s, sc_logi_t L,
              const arb_t rexit, slong prec)
{
    arb_t C, g, t, u;

    arb_init(C);
    arb_init(g);
    arb_init(t);
    arb_init(u);
    arb_sqrt_ui(C, 2, prec);
    arb_mul(C, C, s->gamma, prec);
    arb_mul_2exp_si(C, C, -2);
    arb_add(C, C, s->sigm, prec);
    arb_sqrt_ui(t, s->n, prec);
    arb_sqrtpos(u, L->lmin, prec);
    arb_div(u, L->R, u, prec);
    arb_min(t, t, u, prec);
    arb_mul(t, t, s->gamma, prec);
    sc_dyn_margin_loss(NULL, g, NULL, SC_LOSS_LOGISTIC, t, prec);
    arb_neg(g, g);
    sc_t53_rho_exit(u, C, g, L, prec);
    tl->noslack = 1;
    sc_tally_upper(tl, res, "item (3): rho_exit <= uniform rho_exit", rexit,
                  u, prec);
    arb_mul(t, L->kappa, L->lmax, prec);
    arb_sqrtpos(t, t, prec);
    arb_div(t, t, L->m, prec);
    sc_tally_lower(tl, res, "item (3): rho_exit >= sqrt(kappa lmax)/m", rexit,
                  t, prec);
    arb_sqrtpos(u, L->kappa, prec);
    /* this one is lambda_max >= m^2, often an equality: decided exactly
       unless a control factor is applied */
    if (arb_is_one(tl->f) && L->m2_le_lmax != SC_UNKNOWN)
        sc_tally_lower_decided(tl, res, "item (3): sqrt(kappa lmax)/m >= "
                              "sqrt(kappa)", L->m2_le_lmax, t, u, prec);
    else
        sc_tally_lower(tl, res, "item (3): sqrt(kappa lmax)/m >= sqrt(kappa)",
                      t, u, prec);
    tl->noslack = 0;
    arb_clear(u);
    arb_clear(t);
    arb_clear(g);
    arb_clear(C);
}

static void
sc_t53_state(sc_tally_struct * tl, sc_result_t res,
             const sc_logi_state_struct * s, sc_logi_t L, slong prec)
{
    sc_t53_arg * A = tl->arg;
    arb_t rexit, zero, sK, thr;
    sc_truth_t up, E, beyond;

    arb_init(rexit);
    arb_init(zero);
    arb_init(sK);
    arb_init(thr);
    if (sc_tally_gate(tl, res, "a' > 0", sc_num_is_positive(s->a1))
        && sc_tally_gate(tl, res, "cos_Sigma >= 0", sc_num_ge(s->cos, zero)))
    {
        tl->applied = 1;                /* the claims' hypotheses hold */
        sc_t53_rho_exit_K(rexit, sK, s->C, s->gbar, L, prec);
        arb_sqrtpos(sK, sK, prec);
        up = sc_num_gt(s->rho1, s->rho);
        A->rising += (up == SC_TRUE);
        if (A->part == SC_T53_E)
        {
            E = sc_t53_E(s, L, tl->f, prec);
            if (E == SC_TRUE && up == SC_FALSE)
                sc_tally_note(tl, "rho' <= rho under E_t", s->rho1, s->rho,
                              prec);
            sc_tally_implies(tl, res, "E_t => rho' <= rho", E,
                             sc_truth_not(up));
        }
        else if (A->part == SC_T53_EXIT)
        {
            arb_mul(thr, rexit, tl->f, prec);
            beyond = sc_num_ge(s->rho, thr);
            sc_tally_implies(tl, res, "rho >= rho_exit => rho' <= rho",
                             beyond, sc_truth_not(up));
            arb_mul(thr, sK, tl->f, prec);      /* ours: counted only */
            if (sc_num_ge(s->rho, thr) == SC_TRUE && up == SC_TRUE)
                A->sharp_fails++;
        }
        else
            sc_t53_bounds(tl, res, s, L, rexit, prec);
        /* a ball containing the least rho_exit: family claims compare
           it between runs */
        if (!A->has)
            arb_set(A->exit_min, rexit);
        else
            arb_min(A->exit_min, A->exit_min, rexit, prec);
        A->has = 1;
        if (A->first == 0 && up != SC_FALSE && A->part == SC_T53_EXIT)
        {
            A->first = up == SC_TRUE ? 1 : -1;
            A->first_t = tl->step;
            arb_set(A->first_rho, s->rho);
        }
        if (up == SC_TRUE && A->part == SC_T53_EXIT)
        {
            sc_tally_note(tl, "rho_exit / rho at a rising step", s->rho,
                         rexit, prec);
            if (!A->has_peak || sc_t53_mid_less(A->peak, s->rho, prec))
                arb_set(A->peak, s->rho);
            arb_div(thr, sK, s->rho, prec);
            if (!A->has_peak || sc_t53_mid_less(thr, A->sharp, prec))
                arb_set(A->sharp, thr);
            A->has_peak = 1;
        }
    }
    arb_clear(thr);
    arb_clear(sK);
    arb_clear(zero);
    arb_clear(rexit);
}

static const char * const sc_t53_what[3] =
{
    "E_t => not rising",
    "rho >= rho_exit => not rising",
    "rho_exit <= its uniform version; rho_exit >= sqrt(kappa lmax)/m >= "
    "sqrt(kappa)"
};

/* The extras; a walk stopped at a counterexample (stopped) saw a prefix of
   the run only, so the extras over the whole run (the least rho_exit, the
   peak, the sharper threshold's room and failures) are left out rather
   than shown for less than they say.  The first rise is kept: it comes
   at or before the step that failed. */
static void
sc_t53_extras(sc_result_t res, const sc_t53_arg * A, int stopped)
{
    if (A->has && !stopped)
        sc_result_set_extra(res, "rho_exit_min", A->exit_min);
    if (A->part != SC_T53_EXIT)
        return;
    if (A->has && !stopped)
        sc_result_set_extra_si(res, "sqrtK_claim_fails", A->sharp_fails);
    if (A->first == 1)
    {
        sc_result_set_extra_si(res, "rise_first_t", A->first_t);
        sc_result_set_extra(res, "rho_rise_first", A->first_rho);
    }
    else if (A->first == -1)
        sc_result_set_extra_si(res, "rise_first_undecided", A->first_t);
    if (A->has_peak && !stopped)
    {
        sc_result_set_extra(res, "rho_peak", A->peak);
        sc_result_set_extra(res, "sqrtK_over_rho", A->sharp);
    }
}

static int
sc_t53_check(sc_result_t res, sc_ctx_t ctx, sc_t53_part_t part, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    sc_t53_arg A;
    slong nst;
    int status;

    if (!sc_logi_applies(res, ctx, SC_LOGI_NEED_A3))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    sc_tally_init(&tl, ctx, prec);
    A.part = part;
    A.rising = 0;
    A.has = A.has_peak = 0;
    A.sharp_fails = 0;
    A.first = 0;
    A.first_t = -1;
    arb_init(A.first_rho);
    arb_init(A.exit_min);
    arb_init(A.peak);
    arb_init(A.sharp);
    tl.arg = &A;
    nst = sc_logi_walk_states(&tl, res, ctx, T, 0, SC_LOGI_WALK_STEP,
                              sc_t53_state, prec);
    status = sc_tally_finish(&tl, res, sc_t53_what[part], nst == 0
                             ? "a > 0 and gamma > 0 at no state"
                             : "a' > 0 and cos_Sigma >= 0 at no state");
    if (status == SC_OK && res->verdict == SC_HOLDS && part != SC_T53_BOUNDS
        && A.rising == 0)
        sc_result_vacuous(res, "no admissible step rises, so its \"not "
                          "rising\" was never at risk");
    if (status == SC_OK)
        sc_t53_extras(res, &A, tl.stop);
    arb_clear(A.sharp);
    arb_clear(A.peak);
    arb_clear(A.exit_min);
    arb_clear(A.first_rho);
    sc_tally_clear(&tl);
    return status;
}

int
sc_thm_t5_3_E_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t53_check(res, ctx, SC_T53_E, prec);
}

int
sc_thm_t5_3_exit_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t53_check(res, ctx, SC_T53_EXIT, prec);
}

int
sc_thm_t5_3_bounds_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t53_check(res, ctx, SC_T53_BOUNDS, prec);
}
