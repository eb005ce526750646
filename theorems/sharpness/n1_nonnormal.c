/*
 * [N1] The GD Jacobian with two step sizes is non-normal (exact identity
 * plus a measurement).
 *
 *   J = I - P H with P = diag(eta I_d, eta_gamma) and H symmetric satisfies
 *   J - J^T = [H, P] = H P - P H exactly, so J is normal iff [H, P] = 0;
 *   with eta = eta_gamma J is symmetric and kappa(V) = 1.  Since
 *   P^{-1/2} J P^{1/2} = I - P^{1/2} H P^{1/2} is symmetric, J's
 *   eigenvectors are V = P^{1/2} U (U orthogonal), and with unit columns
 *   kappa(V) <= sqrt((d + 1) max(eta, eta_gamma) / min(eta, eta_gamma)).
 *
 * Source: seed 003 (abstract only: the statement is ours); BEYOND.md section
 * 3.  Provenance: exact (identity); the kappa / rho trace is a measurement.
 * Checked per state at the midpoints of the certified full-GD enclosure (exact
 * points; every state up to SC_SHARP_MAX_STATES, else a stride): J from
 * jacobian.c, H from hessian.c.  As H = P^{-1} (I - J) there, the identity
 * amounts to the symmetry of the Hessian the Jacobian code implies
 * (tests/test_sharpness.c checks H against finite differences of the
 * gradient independently).  VIOLATED when an entry of J - J^T - factor [H, P]
 * excludes zero, HOLDS when all contain zero within 2^(-prec/4) of ||J||_F.  A
 * state counts as non-normal when some entry of [H, P] is certifiably nonzero.
 * Extras (measured, never the verdict): the medians of kappa(V_t) (unit
 * columns, V from approximate eigenvectors, its condition number certified for
 * that explicit V) and of rho(J_t) (certified) before, during and after the
 * first rising edge of the full-GD rising flags.  Plain GD only (else
 * NOT-APPLICABLE).
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"

/* R = J - J^T - f (H P - P H); nonnormal = some [H, P] entry != 0 */
static void
sc_n1_residual(arb_mat_t R, int * nonnormal, const arb_mat_t J,
               const arb_mat_t H, const arb_mat_t P, const arb_t f,
               slong prec)
{
    slong i, j, m = arb_mat_nrows(J);
    arb_t c, t;

    arb_init(c);
    arb_init(t);
    *nonnormal = 0;
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
        {
            /* [H, P]_ij = H_ij (P_jj - P_ii) for diagonal P */
            arb_sub(t, arb_mat_entry(P, j, j), arb_mat_entry(P, i, i), prec);
            arb_mul(c, arb_mat_entry(H, i, j), t, prec);
            if (!arb_contains_zero(c))
                *nonnormal = 1;
            arb_sub(t, arb_mat_entry(J, i, j), arb_mat_entry(J, j, i), prec);
            arb_submul(t, f, c, prec);
            arb_set(arb_mat_entry(R, i, j), t);
        }
    arb_clear(t);
    arb_clear(c);
}

/* 1 when every entry of R contains zero */
static int
sc_n1_all_zero(const arb_mat_t R)
{
    slong i, j;

    for (i = 0; i < arb_mat_nrows(R); i++)
        for (j = 0; j < arb_mat_ncols(R); j++)
            if (!arb_contains_zero(arb_mat_entry(R, i, j)))
                return 0;
    return 1;
}

/* median of x[t] over t in [t0, t1) that were examined (x[t] finite) */
static void
sc_n1_phase(sc_result_t res, const char * name, arb_ptr x, slong t0,
            slong t1)
{
    slong t, n = 0;
    arb_ptr y = _arb_vec_init(t1 > t0 ? t1 - t0 : 1);
    arb_t m;

    arb_init(m);
    for (t = t0; t < t1; t++)
        if (arb_is_finite(x + t))
            arb_set(y + n++, x + t);
    if (n > 0)
    {
        sc_sharp_median(m, y, n);
        sc_result_set_extra(res, name, m);
    }
    arb_clear(m);
    _arb_vec_clear(y, t1 > t0 ? t1 - t0 : 1);
}

/* the extras of the phases before / during / after the first edge */
static void
sc_n1_phases(sc_result_t res, const sc_traj_struct * T, arb_ptr kappa,
             arb_ptr rho)
{
    slong t1 = sc_thm_first_rising(T, 0), end;

    if (t1 < 0)
        t1 = end = T->len;
    else
        end = sc_thm_run_end(T, t1);
    sc_n1_phase(res, "kappa_before", kappa, 0, t1);
    sc_n1_phase(res, "kappa_during", kappa, t1, end);
    sc_n1_phase(res, "kappa_after", kappa, end, T->len);
    sc_n1_phase(res, "rho_J_before", rho, 0, t1);
    sc_n1_phase(res, "rho_J_during", rho, t1, end);
    sc_n1_phase(res, "rho_J_after", rho, end, T->len);
}

/* what the walk carries from state to state */
typedef struct
{
    sc_dyn_struct * D;
    arb_srcptr f;
    arb_ptr worst, kappa, rho;  /* kappa, rho: one per state of T */
    slong nn;
}
sc_n1_walk_struct;

/* the identity, the normality test and the measurement at state t */
static int
sc_n1_state(sc_result_t res, const sc_sharp_struct * S, arb_srcptr w,
            const arb_t gamma, slong t, void * arg, slong prec)
{
    sc_n1_walk_struct * A = arg;
    slong m = A->D->d + 1;
    arb_mat_t J, P, R;
    arb_t s, Jn;
    int nonnormal, status = SC_OK;

    arb_mat_init(J, m, m);
    arb_mat_init(P, m, m);
    arb_mat_init(R, m, m);
    arb_init(s);
    arb_init(Jn);
    arb_set(A->kappa + t, S->kappa);
    arb_set(A->rho + t, S->rhoJ);
    sc_dyn_jacobian(J, A->D, w, gamma, prec);
    sc_dyn_step_matrix(P, A->D, 0, prec);
    sc_n1_residual(R, &nonnormal, J, S->H, P, A->f, prec);
    A->nn += nonnormal;
    if (!sc_n1_all_zero(R))
    {
        res->verdict = SC_VIOLATED;
        res->step = t;
        sc_result_reason(res, "J - J^T != [H, P] at step %ld", (long) t);
        sc_result_no_value(res, "a matrix identity: the entries of "
                           "J - J^T - [H, P] exclude 0");
    }
    else
    {
        arb_mat_frobenius_norm(s, R, prec);
        arb_mat_frobenius_norm(Jn, J, prec);
        arb_div(s, s, Jn, prec);
        status = sc_sharp_resolved(res, A->worst, s, t, "J - J^T - [H, P] "
                                   "not resolved at step %ld", prec);
    }
    arb_clear(Jn);
    arb_clear(s);
    arb_mat_clear(R);
    arb_mat_clear(P);
    arb_mat_clear(J);
    return status;
}

int
sc_thm_n1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T;
    slong d = ctx->cs->d, stride, n;
    sc_n1_walk_struct A;
    arb_t f, worst, b;
    sc_dyn_struct * D;
    int status;

    if (!sc_sharp_plain_gd(res, ctx))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    arb_init(f);
    arb_init(worst);
    arb_init(b);
    A.kappa = _arb_vec_init(T->len);
    A.rho = _arb_vec_init(T->len);
    _arb_vec_indeterminate(A.kappa, T->len);
    _arb_vec_indeterminate(A.rho, T->len);
    D = sc_ctx_dyn(ctx, prec);
    sc_thm_factor(f, ctx, prec);
    A.D = D;
    A.f = f;
    A.worst = worst;
    A.nn = 0;
    res->verdict = SC_HOLDS;
    status = sc_sharp_walk(res, &n, &stride, ctx, T,
                           SC_SHARP_K | SC_SHARP_KAPPA, sc_n1_state, &A,
                           prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
    {
        sc_n1_phases(res, T, A.kappa, A.rho);
        sc_result_set_extra_si(res, "nonnormal_states", A.nn);
        arb_zero(b);
        sc_result_set_predicted(res, b);
        sc_result_set_observed(res, worst);
        /* the structural bound sqrt((d + 1) eta_max / eta_min) */
        arb_max(b, D->eta, D->eta_gamma, prec);
        arb_min(f, D->eta, D->eta_gamma, prec);
        arb_div(b, b, f, prec);
        arb_mul_si(b, b, d + 1, prec);
        arb_sqrt(b, b, prec);
        sc_result_reason(res, "J - J^T = [H, P] at %ld states, J certifiably "
                         "non-normal at %ld; kappa(V) <= %.4g by "
                         "P^1/2-similarity", (long) n, (long) A.nn,
                         sc_num_get_d_heuristic(b));
    }
    _arb_vec_clear(A.rho, T->len);
    _arb_vec_clear(A.kappa, T->len);
    arb_clear(b);
    arb_clear(worst);
    arb_clear(f);
    return status;
}
