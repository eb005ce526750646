/*
 * sharp.c -- the sharpness quantities of one state that the checkers of
 * BEYOND.md sections 2 and 3 share: the Hessian H of L in (w, gamma) (plus
 * lambda on the w-block), lambda_max(H), the preconditioned Hessian
 * K = P^{1/2} H P^{1/2} whose spectrum is that of I - J (J = I - P H, the
 * Jacobian of the GD map, is similar to I - K through P^{1/2}), rho(J), and
 * the condition number of J's eigenvector matrix V = P^{1/2} U (U the
 * eigenvectors of K) with unit columns.
 *
 * lambda_max(H), lambda_max(K) and rho(J) are certified enclosures.  kappa
 * is the certified condition number of an explicit approximation of V
 * (approximate eigenvectors): a measurement, never a decision.
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"

void
sc_sharp_init(sc_sharp_struct * S, slong m)
{
    S->m = m;
    S->level = 0;
    arb_mat_init(S->H, m, m);
    arb_mat_init(S->K, m, m);
    arb_mat_init(S->Ph, m, m);
    arb_mat_init(S->U, m, m);
    arb_init(S->lmin);
    arb_init(S->lmax);
    arb_init(S->lminK);
    arb_init(S->lmaxK);
    arb_init(S->rhoJ);
    arb_init(S->kappa);
}

void
sc_sharp_clear(sc_sharp_struct * S)
{
    arb_clear(S->kappa);
    arb_clear(S->rhoJ);
    arb_clear(S->lmaxK);
    arb_clear(S->lminK);
    arb_clear(S->lmax);
    arb_clear(S->lmin);
    arb_mat_clear(S->U);
    arb_mat_clear(S->Ph);
    arb_mat_clear(S->K);
    arb_mat_clear(S->H);
}

/* rho(J) = max |1 - mu| over the spectrum [lminK, lmaxK] of K: the
   maximum of a convex function sits at an end point */
static void
sc_sharp_rho(arb_t rho, const arb_t lminK, const arb_t lmaxK, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_sub_ui(rho, lminK, 1, prec);
    arb_abs(rho, rho);
    arb_sub_ui(t, lmaxK, 1, prec);
    arb_abs(t, t);
    arb_max(rho, rho, t, prec);
    arb_clear(t);
}

/* the stages of sc_sharp_extend: level 1 = H, 2 = K and rho(J) (with
   U, which costs a copy and leaves the enclosures as they are, so that a
   state extended later is bit-identical to one filled at once), 3 =
   kappa */
static int
sc_sharp_stage(sc_sharp_struct * S, sc_dyn_t D, arb_srcptr w,
               const arb_t gamma, int level, slong prec)
{
    arb_mat_t V;
    int status;

    if (level == 1)
    {
        sc_dyn_hessian(S->H, D, w, gamma, prec);
        return sc_num_sym_eig_range(S->lmin, S->lmax, NULL, S->H, prec);
    }
    if (level == 2)
    {
        sc_dyn_step_matrix(S->Ph, D, 1, prec);
        arb_mat_mul(S->K, S->Ph, S->H, prec);
        arb_mat_mul(S->K, S->K, S->Ph, prec);
        status = sc_num_sym_eig_range(S->lminK, S->lmaxK, S->U, S->K, prec);
        if (status == SC_OK)
            sc_sharp_rho(S->rhoJ, S->lminK, S->lmaxK, prec);
        return status;
    }
    arb_mat_init(V, S->m, S->m);
    arb_mat_mul(V, S->Ph, S->U, prec);
    status = sc_num_cond_unit(S->kappa, V, prec);
    arb_mat_clear(V);
    return status;
}

/* the level what asks for */
static int
sc_sharp_level(int what)
{
    return (what & SC_SHARP_KAPPA) ? 3 : (what & SC_SHARP_K) ? 2 : 1;
}

int
sc_sharp_extend(sc_sharp_struct * S, sc_dyn_t D, arb_srcptr w,
                const arb_t gamma, int what, slong prec)
{
    int status = SC_OK, want = sc_sharp_level(what);

    while (S->level < want && status == SC_OK)
    {
        status = sc_sharp_stage(S, D, w, gamma, S->level + 1, prec);
        if (status == SC_OK)
            S->level++;
    }
    return status;
}

int
sc_sharp_at(sc_sharp_struct * S, sc_dyn_t D, arb_srcptr w,
            const arb_t gamma, int what, slong prec)
{
    S->level = 0;
    return sc_sharp_extend(S, D, w, gamma, what, prec);
}

int
sc_sharp_resolved(sc_result_t res, arb_t worst, const arb_t rel, slong t,
                  const char * fmt, slong prec)
{
    arb_t tol;
    int status = SC_OK;

    arb_init(tol);
    sc_num_max_ubound(worst, rel, prec);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -prec / 4);
    if (!arb_le(rel, tol))
    {
        sc_result_reason(res, fmt, (long) t);
        status = SC_UNABLE;
    }
    arb_clear(tol);
    return status;
}

int
sc_sharp_plain_gd(sc_result_t res, const sc_ctx_t ctx)
{
    if (!fmpq_is_zero(ctx->cs->momentum) || ctx->cs->project_norm)
    {
        sc_result_not_applicable(res, "momentum or project_norm set",
                                 "the GD map is not x - P (grad L + lambda "
                                 "w) (momentum or project_norm set)");
        return 0;
    }
    return 1;
}

slong
sc_sharp_stride(slong steps)
{
    return steps <= SC_SHARP_MAX_STATES ? 1
           : (steps + SC_SHARP_MAX_STATES - 1) / SC_SHARP_MAX_STATES;
}

void
sc_sharp_median(arb_t res, arb_ptr x, slong n)
{
    slong i, j;

    if (n == 0)
    {
        arb_indeterminate(res);
        return;
    }
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && arf_cmp(arb_midref(x + j - 1),
                                     arb_midref(x + j)) > 0; j--)
            arb_swap(x + j - 1, x + j);
    arb_set(res, x + n / 2);
}

/* one attempt of the series: decided when the full-GD enclosure reaches
   the horizon */
typedef struct
{
    sc_ctx_struct * ctx;
    const sc_traj_struct * T;
}
sc_sharp_series_attempt_struct;

static int
sc_sharp_series_attempt(void * arg, slong prec, int last)
{
    sc_sharp_series_attempt_struct * a = arg;

    (void) last;
    a->T = sc_ctx_full(a->ctx, prec);
    return a->T->len == a->ctx->cs->steps + 1 ? SC_OK : SC_UNABLE;
}

slong
sc_sharp_series_heuristic(double * lmax, double * lmaxP, double * kappa,
                          double * rhoJ, int * rising, sc_ctx_t ctx,
                          slong prec0, slong prec_max)
{
    sc_sharp_series_attempt_struct a = { ctx, NULL };
    const sc_traj_struct * T;
    slong t, d = ctx->cs->d, prec;
    arb_ptr w;
    arb_t gamma;
    sc_sharp_struct S;
    sc_dyn_struct * D;

    if (sc_escalate(&prec, prec0, prec_max, sc_sharp_series_attempt, &a)
        != SC_OK)
        return -1;
    T = a.T;
    w = _arb_vec_init(d);
    arb_init(gamma);
    sc_sharp_init(&S, d + 1);
    D = sc_ctx_dyn(ctx, prec);
    for (t = 0; t < T->len; t++)
    {
        sc_traj_state_mid(w, gamma, T, t);
        if (sc_sharp_at(&S, D, w, gamma, SC_SHARP_K | SC_SHARP_KAPPA, prec)
            != SC_OK)
            arb_indeterminate(S.kappa);
        lmax[t] = sc_num_get_d_heuristic(S.lmax);
        lmaxP[t] = sc_num_get_d_heuristic(S.lmaxK);
        kappa[t] = sc_num_get_d_heuristic(S.kappa);
        rhoJ[t] = sc_num_get_d_heuristic(S.rhoJ);
        rising[t] = (t + 1 < T->len && T->rising[t] == SC_TRUE);
    }
    sc_sharp_clear(&S);
    arb_clear(gamma);
    _arb_vec_clear(w, d);
    return T->len;
}
