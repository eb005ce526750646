/*
 * [N3] Does kappa(V) separate stable and unstable phases while rho(J) does
 * not?  (exploratory; the claim of seed 003's abstract, reconstructed)
 *
 *   Measured: the medians of kappa(V_t) and of rho(J_t) over the stable
 *   steps (rho_{t+1} < rho_t certified) and over the unstable ones
 *   (rho_{t+1} > rho_t certified), and their ratios (unstable / stable).
 *   The abstract says kappa separates the phases by about one order of
 *   magnitude and rho(J) does not.  This is reported, never judged, with
 *   the largest kappa seen (medians hide a kappa that grows only during
 *   the spike itself).
 *
 *   Certified part (what the verdict rests on): scale invariance pins
 *   rho(J_t) >= 1 - eta lambda at every state.  The Rayleigh quotient of
 *   K = P^{1/2} H P^{1/2} at x = P^{-1/2} (w, 0) is
 *   eta w^T H_ww w / ||w||^2 = eta lambda (the Hessian of L alone gives
 *   w^T H_ww w = -<grad_w L, w> = 0), so lambda_min(K) <= eta lambda and
 *   rho(J) >= lambda_max(I - K) >= 1 - eta lambda.  This is
 *   why rho(J) cannot drop below 1 in a stable phase without weight decay.
 *
 * Source: seed 003 (abstract only); BEYOND.md section 3.  Provenance:
 * reconstructed (the statement and its certified part are ours); the
 * separation is observational. Checked per state at the midpoints of the
 * certified full-GD enclosure (exact points).  Verdict: HOLDS when, at every
 * examined state, w^T (H_ww - lambda) w contains zero within 2^(-prec/4) of
 * ||H||_F ||w||^2 and the certified enclosure of rho(J_t) is not below factor
 * (1 - eta lambda); VIOLATED when either fails certifiably.  The measurement
 * is in the extras. Plain GD only (else NOT-APPLICABLE).
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"

/* q = w^T (H_ww - lambda I) w and its scale ||H||_F ||w||^2 */
static void
sc_n3_rayleigh(arb_t q, arb_t scale, const arb_mat_t H, const sc_dyn_t D,
               arb_srcptr w, slong prec)
{
    slong i, d = D->d;
    arb_ptr Hw = _arb_vec_init(d);
    arb_t W;

    arb_init(W);
    for (i = 0; i < d; i++)
        arb_dot(Hw + i, NULL, 0, arb_mat_entry(H, i, 0), 1, w, 1, d, prec);
    _sc_vec_dot(q, w, Hw, d, prec);
    _sc_vec_norm2(W, w, d, prec);
    arb_submul(q, D->weight_decay, W, prec);
    arb_mat_frobenius_norm(scale, H, prec);
    arb_mul(scale, scale, W, prec);
    arb_clear(W);
    _arb_vec_clear(Hw, d);
}

/* what the walk carries from state to state */
typedef struct
{
    sc_dyn_struct * D;
    arb_srcptr floor_;          /* factor (1 - eta lambda) */
    arb_ptr worst, kappa, rho;  /* kappa, rho: one per state of T */
}
sc_n3_walk_struct;

/* the certified part at state t; kappa, rho receive the measurement */
static int
sc_n3_state(sc_result_t res, const sc_sharp_struct * S, arb_srcptr w,
            const arb_t gamma, slong t, void * arg, slong prec)
{
    sc_n3_walk_struct * A = arg;
    arb_t q, scale;
    int status = SC_OK;

    (void) gamma;                               /* H carries the state */
    arb_init(q);
    arb_init(scale);
    arb_set(A->kappa + t, S->kappa);
    arb_set(A->rho + t, S->rhoJ);
    sc_n3_rayleigh(q, scale, S->H, A->D, w, prec);
    if (!arb_contains_zero(q))
    {
        /* the step the bound rests on fails: its own values */
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_set_predicted_si(res, 0);
        sc_result_set_observed(res, q);
        sc_result_reason(res, "w^T (H_ww - lambda) w != 0 (scale "
                         "invariance) at step %ld", (long) t);
    }
    else if (sc_num_lt(S->rhoJ, A->floor_) == SC_TRUE)
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_set_predicted(res, A->floor_);
        sc_result_set_observed(res, S->rhoJ);
        sc_result_reason(res, "rho(J) >= 1 - eta lambda fails at step %ld",
                         (long) t);
    }
    else
    {
        arb_mul_2exp_si(scale, scale, -prec / 4);
        arb_abs(q, q);
        if (!arb_le(q, scale))
        {
            sc_result_reason(res, "w^T H_ww w not resolved at step %ld",
                             (long) t);
            status = SC_UNABLE;
        }
    }
    if (status == SC_OK && arb_is_finite(A->kappa + t))
        sc_num_max_ubound(A->worst, A->kappa + t, prec);
    arb_clear(scale);
    arb_clear(q);
    return status;
}

/* median over the steps whose rising flag is want; 0 if there are none */
static int
sc_n3_median(arb_t m, arb_srcptr x, const sc_traj_struct * T,
             sc_truth_t want)
{
    slong t, n = 0;
    arb_ptr y = _arb_vec_init(T->len);

    for (t = 0; t < T->len - 1; t++)
        if (T->rising[t] == want && arb_is_finite(x + t))
            arb_set(y + n++, x + t);
    if (n > 0)
        sc_sharp_median(m, y, n);
    _arb_vec_clear(y, T->len);
    return n > 0;
}

/* the separation extras of one quantity; 1 if both phases were seen */
static int
sc_n3_separation(sc_result_t res, const char * stable, const char * unstable,
                 const char * ratio, arb_srcptr x, const sc_traj_struct * T,
                 slong prec)
{
    arb_t a, b;
    int both;

    arb_init(a);
    arb_init(b);
    both = sc_n3_median(a, x, T, SC_FALSE);
    if (both)
        sc_result_set_extra(res, stable, a);
    both &= sc_n3_median(b, x, T, SC_TRUE);
    if (both)
    {
        sc_result_set_extra(res, unstable, b);
        arb_div(b, b, a, prec);
        sc_result_set_extra(res, ratio, b);
    }
    arb_clear(b);
    arb_clear(a);
    return both;
}

int
sc_thm_n3_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong stride, n;
    sc_n3_walk_struct A;
    arb_t fl, f, worst;
    sc_dyn_struct * D;
    int status, both;

    if (!sc_sharp_plain_gd(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    arb_init(fl);
    arb_init(f);
    arb_init(worst);
    A.kappa = _arb_vec_init(T->len);
    A.rho = _arb_vec_init(T->len);
    _arb_vec_indeterminate(A.kappa, T->len);
    _arb_vec_indeterminate(A.rho, T->len);
    D = sc_ctx_dyn(ctx, prec);
    sc_thm_factor(f, ctx, prec);
    arb_mul(fl, D->eta, D->weight_decay, prec);
    arb_sub_ui(fl, fl, 1, prec);
    arb_neg(fl, fl);
    arb_mul(fl, fl, f, prec);                   /* factor (1 - eta lambda) */
    A.D = D;
    A.floor_ = fl;
    A.worst = worst;
    res->verdict = SC_HOLDS;
    status = sc_sharp_walk(res, &n, &stride, ctx, T,
                           SC_SHARP_K | SC_SHARP_KAPPA, sc_n3_state, &A,
                           prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        both = sc_n3_separation(res, "kappa_stable", "kappa_unstable",
                                "kappa_ratio", A.kappa, T, prec);
        sc_n3_separation(res, "rho_J_stable", "rho_J_unstable",
                         "rho_J_ratio", A.rho, T, prec);
        sc_result_set_extra(res, "kappa_max", worst);
        sc_result_set_predicted(res, fl);
        sc_result_reason(res, "rho(J) >= 1 - eta lambda certified at %ld "
                         "states; %s", (long) n, both ? "separation in the "
                         "extras (measured, not judged)" : "one phase "
                         "only: separation not measured");
    }
    _arb_vec_clear(A.rho, T->len);
    _arb_vec_clear(A.kappa, T->len);
    arb_clear(worst);
    arb_clear(f);
    arb_clear(fl);
    return status;
}
