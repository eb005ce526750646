/*
 * [S1] Certified sharpness and its scale law (exact).
 *
 *   lambda_max(H) of the Hessian of L in (w, gamma) (plus lambda on the
 *   w-block with weight decay) is enclosed at the examined states, and
 *   lambda_max(H_ww(w)) = lambda_max(H_ww(w / ||w||)) / ||w||^2
 *   for the Hessian of L alone (L(c w, gamma) = L(w, gamma) makes H_ww
 *   homogeneous of degree -2).
 *
 * Source: seed 002 (Li, Xu, Zhang; sharpness in the convention of Cohen et
 * al.); BEYOND.md section 2.  Provenance: exact. Checked rigorously per state,
 * at the midpoints of the certified full-GD enclosure (exact points), at every
 * state up to SC_SHARP_MAX_STATES and every stride-th one beyond (plus the
 * last): both sides are certified eigenvalue enclosures (src/num/symeig.c) of
 * Hessians from the Jacobian code (jacobian.c, hessian.c); w / ||w|| is a
 * ball.  VIOLATED when the two enclosures are disjoint; HOLDS needs every
 * residual within 2^(-prec/4) of the scale ||H_ww(w)||_F.  lambda_max(H)
 * itself (against 2/eta) goes to the extras.
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"

/* lam = lambda_max of the w-block of H minus lambda I (Hessian of L) */
static int
sc_s1_lmax_ww(arb_t lam, arb_t fro, const arb_mat_t H, const sc_dyn_t D,
              slong prec)
{
    slong i, d = D->d;
    arb_mat_t B;
    arb_t lo;
    int status;

    arb_init(lo);
    arb_mat_init(B, d, d);
    for (i = 0; i < d * d; i++)
        arb_set(arb_mat_entry(B, i / d, i % d),
                arb_mat_entry(H, i / d, i % d));
    for (i = 0; i < d; i++)
        arb_sub(arb_mat_entry(B, i, i), arb_mat_entry(B, i, i),
                D->weight_decay, prec);
    if (fro != NULL)
        arb_mat_frobenius_norm(fro, B, prec);
    status = sc_num_sym_eig_range(lo, lam, NULL, B, prec);
    arb_mat_clear(B);
    arb_clear(lo);
    return status;
}

/* r = lambda_max(H_ww(w)) - f lambda_max(H_ww(w/|w|)) / |w|^2 at the
   state whose Hessian is H; scale = ||H_ww(w)||_F */
static int
sc_s1_residual(arb_t r, arb_t scale, const arb_mat_t H, sc_dyn_t D,
               arb_srcptr w, const arb_t gamma, const arb_t f, slong prec)
{
    slong d = D->d;
    arb_ptr u = _arb_vec_init(d);
    arb_mat_t Hu;
    arb_t lam2, W;
    int status;

    arb_init(lam2);
    arb_init(W);
    arb_mat_init(Hu, d + 1, d + 1);
    status = sc_s1_lmax_ww(r, scale, H, D, prec);
    if (status == SC_OK)
    {
        _sc_vec_norm2(W, w, d, prec);
        arb_rsqrt(lam2, W, prec);
        _arb_vec_scalar_mul(u, w, d, lam2, prec);
        sc_dyn_hessian(Hu, D, u, gamma, prec);
        status = sc_s1_lmax_ww(lam2, NULL, Hu, D, prec);
        arb_div(lam2, lam2, W, prec);
        arb_mul(lam2, lam2, f, prec);
        arb_sub(r, r, lam2, prec);
    }
    arb_mat_clear(Hu);
    arb_clear(W);
    arb_clear(lam2);
    _arb_vec_clear(u, d);
    return status;
}

/* heuristic: the peak is located by midpoints (a display, no claim) */
static int
sc_s1_above_heuristic(const arb_t x, const arb_t y)
{
    return arf_cmp(arb_midref(x), arb_midref(y)) > 0;
}

/* what the walk carries from state to state */
typedef struct
{
    sc_dyn_struct * D;
    arb_t f, worst;
    arb_ptr lam;                /* lambda_max(H) at 0, at the peak, last */
    slong tpeak;
}
sc_s1_walk_struct;

/* the scale law at one examined state */
static int
sc_s1_state(sc_result_t res, const sc_sharp_struct * S, arb_srcptr w,
            const arb_t gamma, slong t, void * arg, slong prec)
{
    sc_s1_walk_struct * A = arg;
    arb_srcptr lmax = S->lmax;
    arb_t r, scale, rel;
    int status;

    arb_init(r);
    arb_init(scale);
    arb_init(rel);
    status = sc_s1_residual(r, scale, S->H, A->D, w, gamma, A->f, prec);
    if (status != SC_OK)
        sc_result_reason(res, "eigenvalue enclosure failed at step %ld",
                         (long) t);
    else
    {
        if (t == 0)
            arb_set(A->lam + 0, lmax);
        if (t == 0 || sc_s1_above_heuristic(lmax, A->lam + 1))
        {
            arb_set(A->lam + 1, lmax);
            A->tpeak = t;
        }
        arb_set(A->lam + 2, lmax);
    }
    if (status == SC_OK && !arb_contains_zero(r))
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "lambda_max(H_ww(w)) != lambda_max(H_ww("
                         "w/|w|))/|w|^2 at step %ld", (long) t);
        sc_result_set_predicted_si(res, 0);
        sc_result_set_observed(res, r);
    }
    else if (status == SC_OK)
    {
        arb_abs(rel, r);
        arb_div(rel, rel, scale, prec);
        status = sc_sharp_resolved(res, A->worst, rel, t, "scale-law "
                                   "residual not resolved at step %ld", prec);
    }
    arb_clear(rel);
    arb_clear(scale);
    arb_clear(r);
    return status;
}

/* extras: sharpness at t = 0, its peak and step, at the last state */
static void
sc_s1_extras(sc_result_t res, const arb_t l0, const arb_t lpeak,
             slong tpeak, const arb_t llast, const arb_t eta, slong n,
             slong prec)
{
    arb_t two;

    arb_init(two);
    arb_set_ui(two, 2);
    arb_div(two, two, eta, prec);
    sc_result_set_extra(res, "2/eta", two);
    sc_result_set_extra(res, "lambda_max_0", l0);
    sc_result_set_extra(res, "lambda_max_peak", lpeak);
    sc_result_set_extra_si(res, "t_peak", tpeak);
    sc_result_set_extra(res, "lambda_max_last", llast);
    sc_result_set_extra_si(res, "states", n);
    arb_clear(two);
}

int
sc_thm_s1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_thm_need_full(res, ctx, prec);
    sc_s1_walk_struct A;
    slong stride, n;
    sc_dyn_struct * D;
    arb_t zero;
    int status;

    if (T == NULL)
        return SC_UNABLE;
    arb_init(zero);
    arb_init(A.f);
    arb_init(A.worst);
    A.lam = _arb_vec_init(3);
    A.tpeak = 0;
    D = sc_ctx_dyn(ctx, prec);
    A.D = D;
    sc_thm_factor(A.f, ctx, prec);
    res->verdict = SC_HOLDS;
    status = sc_sharp_walk(res, &n, &stride, ctx, T, 0, sc_s1_state, &A,
                           prec);
    if (status == SC_OK)
        sc_s1_extras(res, A.lam + 0, A.lam + 1, A.tpeak, A.lam + 2, D->eta,
                     n, prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        sc_result_set_predicted(res, zero);
        sc_result_set_observed(res, A.worst);
        sc_result_reason(res, "scale law of lambda_max(H_ww) within the "
                         "observed relative residual at %ld states "
                         "(stride %ld)", (long) n, (long) stride);
    }
    _arb_vec_clear(A.lam, 3);
    arb_clear(A.worst);
    arb_clear(A.f);
    arb_clear(zero);
    return status;
}
