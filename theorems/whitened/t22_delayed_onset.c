/*
 * [T2.2] Delayed onset with a waiting-time bound (reconstructed).
 *
 *   Under H2 at the reference time, with k0 = 1/sqrt(1+rho0^2),
 *   s0^2 = rho0^2/(1+rho0^2), Theta0 = Theta(rho0), Gamma = max(gamma0, c),
 *   D0 = c k0 - gamma0, delta = eta^2 Gamma^2 c^2 s0^2 / W0 and
 *   psi(t) = eta c (c k0 - (1 - eta_g)^t D0) / (W0 + t delta):
 *   (i) eta gamma0 c / W0 < Theta0 and (ii) T := min{t >= 1 : psi(t) > Theta0}
 *   exists  ==>  the first rising step t1 satisfies 1 <= t1 <= T.
 *   Closed form: A = max(D0,0)/(c k0), B = eta Gamma^2 s0^2 Theta0/(W0 k0),
 *   R0 = 1 - Theta0 W0/(eta c^2 k0), phi(t) = A e^{-eta_g t} + B t,
 *   t* = ln(A eta_g / B)/eta_g if A eta_g > B else 0, T_cf = max(1, ceil t*);
 *   (ii') phi(T_cf) < R0 implies (ii) with T <= T_cf.
 *
 * Source: paper Theorem 2 item 2 and its appendix; THEOREMS.md section 3.
 * Checked rigorously on the reduced recurrence in balls.  psi is
 * quasi-concave, so (ii) fails once psi decreases while still <= Theta0.
 * predicted = T, observed = t1 (steps after the reference time),
 * slack = T / t1; T_cf and T_cf / t1 are extras.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* A scan of psi that goes past this many steps gives UNDECIDED. */
#define SC_T22_SCAN_MAX 10000000

typedef struct
{
    arb_t c, eta, etag, rho0, gamma0, W0, k0, s02, Theta0, Gamma, D0, delta;
}
sc_t22_struct;

static void
sc_t22_init(sc_t22_struct * p)
{
    arb_init(p->c); arb_init(p->eta); arb_init(p->etag); arb_init(p->rho0);
    arb_init(p->gamma0); arb_init(p->W0); arb_init(p->k0); arb_init(p->s02);
    arb_init(p->Theta0); arb_init(p->Gamma); arb_init(p->D0);
    arb_init(p->delta);
}

static void
sc_t22_clear(sc_t22_struct * p)
{
    arb_clear(p->c); arb_clear(p->eta); arb_clear(p->etag);
    arb_clear(p->rho0); arb_clear(p->gamma0); arb_clear(p->W0);
    arb_clear(p->k0); arb_clear(p->s02); arb_clear(p->Theta0);
    arb_clear(p->Gamma); arb_clear(p->D0); arb_clear(p->delta);
}

/* The constants at reference state t0; returns the truth of H2 and (i). */
static sc_truth_t
sc_t22_setup(sc_t22_struct * p, const sc_traj_struct * R, slong t0,
             slong prec)
{
    arb_t t;
    sc_truth_t r;

    arb_init(t);
    arb_set(p->rho0, R->rho + t0);
    arb_set(p->gamma0, R->gamma + t0);
    arb_set(p->W0, R->W + t0);
    arb_sqr(t, p->rho0, prec);
    arb_add_ui(p->k0, t, 1, prec);
    arb_div(p->s02, t, p->k0, prec);
    arb_rsqrt(p->k0, p->k0, prec);
    r = sc_thm_h2(R, t0);
    if (sc_num_theta(p->Theta0, p->rho0, prec) != SC_TRUE)
        r = sc_truth_and(r, SC_UNKNOWN);
    arb_max(p->Gamma, p->gamma0, p->c, prec);
    arb_mul(p->D0, p->c, p->k0, prec);
    arb_sub(p->D0, p->D0, p->gamma0, prec);
    arb_mul(p->delta, p->eta, p->Gamma, prec);
    arb_mul(p->delta, p->delta, p->c, prec);
    arb_sqr(p->delta, p->delta, prec);
    arb_mul(p->delta, p->delta, p->s02, prec);
    arb_div(p->delta, p->delta, p->W0, prec);
    /* (i): eta gamma0 c / W0 < Theta0 */
    arb_mul(t, p->eta, p->gamma0, prec);
    arb_mul(t, t, p->c, prec);
    arb_div(t, t, p->W0, prec);
    r = sc_truth_and(r, sc_num_lt(t, p->Theta0));
    arb_clear(t);
    return r;
}

/* psi(t), given r = (1 - eta_g)^t. */
static void
sc_t22_psi(arb_t psi, const sc_t22_struct * p, const arb_t r, slong t,
           slong prec)
{
    arb_t num, den;

    arb_init(num);
    arb_init(den);
    arb_mul(num, r, p->D0, prec);
    arb_submul(num, p->c, p->k0, prec);
    arb_neg(num, num);
    arb_mul(num, num, p->eta, prec);
    arb_mul(num, num, p->c, prec);
    arb_mul_si(den, p->delta, t, prec);
    arb_add(den, den, p->W0, prec);
    arb_div(psi, num, den, prec);
    arb_clear(den);
    arb_clear(num);
}

/* T by scanning psi.  Returns SC_OK with *T >= 1, or with *T = 0 when (ii)
   certifiably fails, or SC_UNABLE; *T = -1 when the scan cap was hit. */
static int
sc_t22_scan(slong * T, const sc_t22_struct * p, slong prec)
{
    arb_t r, q, psi, prev;
    slong t;
    int status = SC_OK;

    arb_init(r);
    arb_init(q);
    arb_init(psi);
    arb_init(prev);
    arb_sub_ui(q, p->etag, 1, prec);
    arb_neg(q, q);
    arb_one(r);
    arb_neg_inf(prev);
    *T = -1;
    for (t = 1; t <= SC_T22_SCAN_MAX; t++)
    {
        sc_truth_t above, falls;

        arb_mul(r, r, q, prec);
        sc_t22_psi(psi, p, r, t, prec);
        above = sc_num_gt(psi, p->Theta0);
        if (above == SC_TRUE)
        {
            *T = t;
            break;
        }
        falls = (t == 1) ? SC_FALSE : sc_num_lt(psi, prev);
        if (above == SC_UNKNOWN || falls == SC_UNKNOWN)
        {
            status = SC_UNABLE;
            break;
        }
        if (falls == SC_TRUE)
        {
            *T = 0;
            break;
        }
        arb_swap(prev, psi);
    }
    arb_clear(prev);
    arb_clear(psi);
    arb_clear(q);
    arb_clear(r);
    return status;
}

/* T_cf and the truth of (ii'). */
static sc_truth_t
sc_t22_closed_form(arb_t Tcf, const sc_t22_struct * p, slong prec)
{
    arb_t A, B, R0, t, phi;
    sc_truth_t big, ii;

    arb_init(A);
    arb_init(B);
    arb_init(R0);
    arb_init(t);
    arb_init(phi);
    arb_mul(t, p->c, p->k0, prec);
    arb_nonnegative_part(A, p->D0);
    if (arb_is_nonpositive(p->D0))
        arb_zero(A);
    arb_div(A, A, t, prec);
    arb_sqr(B, p->Gamma, prec);
    arb_mul(B, B, p->eta, prec);
    arb_mul(B, B, p->s02, prec);
    arb_mul(B, B, p->Theta0, prec);
    arb_mul(t, p->W0, p->k0, prec);
    arb_div(B, B, t, prec);
    arb_mul(t, p->c, p->c, prec);
    arb_mul(t, t, p->eta, prec);
    arb_mul(t, t, p->k0, prec);
    arb_mul(R0, p->Theta0, p->W0, prec);
    arb_div(R0, R0, t, prec);
    arb_sub_ui(R0, R0, 1, prec);
    arb_neg(R0, R0);
    arb_mul(t, A, p->etag, prec);
    big = sc_num_gt(t, B);
    if (big == SC_TRUE)
    {
        arb_div(t, t, B, prec);
        arb_log(t, t, prec);
        arb_div(t, t, p->etag, prec);
        arb_ceil(Tcf, t, prec);
        if (!arb_is_exact(Tcf))
            big = SC_UNKNOWN;                   /* t* straddles an integer */
        else if (arf_cmp_si(arb_midref(Tcf), 1) < 0)
            arb_one(Tcf);
    }
    else if (big == SC_FALSE)
        arb_one(Tcf);
    if (big == SC_UNKNOWN)
    {
        arb_indeterminate(Tcf);
        ii = SC_UNKNOWN;
    }
    else
    {
        arb_mul(t, p->etag, Tcf, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_mul(phi, A, t, prec);
        arb_addmul(phi, B, Tcf, prec);
        ii = sc_num_lt(phi, R0);
    }
    arb_clear(phi);
    arb_clear(t);
    arb_clear(R0);
    arb_clear(B);
    arb_clear(A);
    return ii;
}

/* floor(factor T), at least 1 (T itself outside tests). */
static slong
sc_t22_scaled(slong T, const sc_ctx_t ctx)
{
    fmpz_t q;
    fmpq_t x;
    slong r;

    fmpz_init(q);
    fmpq_init(x);
    fmpq_mul_si(x, ctx->factor, T);
    fmpz_fdiv_q(q, fmpq_numref(x), fmpq_denref(x));
    r = fmpz_get_si(q);
    fmpq_clear(x);
    fmpz_clear(q);
    return FLINT_MAX(r, 1);
}

/* The reference time: 0, or with --from-first the first t where H2 and (i)
   hold.  Returns the truth of the hypotheses there. */
static sc_truth_t
sc_t22_reference(slong * t0, sc_t22_struct * p, const sc_traj_struct * R,
                 int from_first, slong prec)
{
    sc_truth_t hyp;

    for (*t0 = 0; ; (*t0)++)
    {
        hyp = sc_t22_setup(p, R, *t0, prec);
        if (hyp != SC_FALSE || !from_first || *t0 + 1 >= R->len)
            return hyp;
    }
}

static void
sc_t22_report(sc_result_t res, slong T, slong t1, const arb_t Tcf,
              sc_truth_t ii, slong t0, slong prec)
{
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    arb_set_si(x, T);
    sc_result_set_predicted(res, x);
    sc_result_set_extra(res, "T_cf", Tcf);
    sc_result_set_extra_si(res, "closed_form_ii_holds", ii == SC_TRUE);
    sc_result_set_extra_si(res, "reference_time", t0);
    if (t1 > 0)
    {
        arb_set_si(y, t1);
        sc_result_set_observed(res, y);
        arb_div(x, x, y, prec);
        sc_result_set_slack(res, x);
        arb_div(x, Tcf, y, prec);
        sc_result_set_extra(res, "T_cf_over_t1", x);
    }
    arb_clear(y);
    arb_clear(x);
}

int
sc_thm_t2_2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    sc_t22_struct p;
    slong t0, T, t1, last;
    arb_t Tcf;
    sc_truth_t hyp, ii;
    int status;

    if (R == NULL)
        return SC_OK;
    sc_t22_init(&p);
    arb_init(Tcf);
    sc_thm_params(p.c, p.eta, p.etag, ctx, prec);
    res->steps = ctx->cs->steps;

    hyp = sc_t22_reference(&t0, &p, R, ctx->from_first, prec);
    status = SC_UNABLE;
    if (hyp == SC_UNKNOWN)
    {
        sc_result_reason(res, "H2 or (i) undecided at step %ld", (long) t0);
        goto cleanup;
    }
    status = SC_OK;
    if (hyp == SC_FALSE)
    {
        res->verdict = SC_NOT_APPLICABLE;
        sc_result_reason(res, "hypothesis fails at t = %ld: H2 or (i) "
                         "eta gamma0 c / W0 < Theta(rho0)%s", (long) t0,
                         ctx->from_first ? " at every step" : "");
        goto cleanup;
    }
    status = sc_t22_scan(&T, &p, prec);
    if (status != SC_OK)
    {
        sc_result_reason(res, "psi(t) against Theta0 undecided");
        goto cleanup;
    }
    if (T == -1)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "psi still increasing after %d steps",
                         SC_T22_SCAN_MAX);
        goto cleanup;
    }
    if (T == 0)
    {
        res->verdict = SC_NOT_APPLICABLE;
        sc_result_reason(res, "hypothesis (ii) fails at reference time "
                         "%ld: psi(t) <= Theta0 for all t >= 1", (long) t0);
        goto cleanup;
    }
    T = sc_t22_scaled(T, ctx);
    ii = sc_t22_closed_form(Tcf, &p, prec);
    if (ii == SC_UNKNOWN)
    {
        status = SC_UNABLE;
        sc_result_reason(res, "closed form T_cf undecided");
        goto cleanup;
    }

    /* observe t1 over steps t0 .. min(t0 + T, horizon) */
    last = FLINT_MIN(t0 + T, ctx->cs->steps - 1);
    status = sc_thm_flags_decided(res, R, t0, last + 1);
    if (status != SC_OK)
        goto cleanup;
    t1 = sc_thm_first_rising(R, t0);
    if (t1 > last)
        t1 = -1;
    res->certificate = "reduced recurrence [L7] in balls";
    if (t1 >= 0)
        t1 -= t0;
    sc_t22_report(res, T, t1, Tcf, ii, t0, prec);
    if (t1 == 0)
    {
        res->verdict = SC_VIOLATED;
        res->step = t0;
        sc_result_set_observed_si(res, 0);
        sc_result_reason(res, "step 0 rises although (i) holds");
    }
    else if (t1 > 0)
    {
        res->verdict = SC_HOLDS;
        res->step = t0 + t1;
        sc_result_reason(res, "first rising step t1 = %ld <= T = %ld",
                         (long) t1, (long) T);
    }
    else if (t0 + T <= ctx->cs->steps - 1)
    {
        res->verdict = SC_VIOLATED;
        res->step = t0 + T;
        sc_result_reason(res, "no rising step in 1..T = %ld", (long) T);
        /* the onset, if it comes later in the horizon (certified) */
        t1 = sc_thm_first_rising(R, t0);
        if (t1 >= 0)
            sc_result_set_observed_si(res, t1 - t0);
        else
            sc_result_no_value(res, "no certified rising step in the "
                               "horizon after the reference time");
    }
    else
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "horizon: no rising step within %ld steps, "
                         "T = %ld", (long) (ctx->cs->steps - t0), (long) T);
    }
    if (res->verdict != SC_VIOLATED && ii == SC_TRUE
        && arb_lt(Tcf, res->predicted))
    {
        res->verdict = SC_VIOLATED;
        sc_result_reason(res, "(ii') holds but T = %ld > T_cf", (long) T);
    }

cleanup:
    arb_clear(Tcf);
    sc_t22_clear(&p);
    return status;
}
