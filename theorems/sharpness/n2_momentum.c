/*
 * [N2] Heavy-ball momentum: exceptional points and non-normal transients
 * (exact identities and classical inequalities, checked on known answers).
 *
 *   Per Hessian eigenvalue h, heavy ball with step eta and momentum beta
 *   acts by B = [[1 + beta - x, -beta], [1, 0]], x = eta h.  Its
 *   eigenvalues mu are the roots of mu^2 - (1 + beta - x) mu + beta with
 *   discriminant Delta = (1 + beta - x)^2 - 4 beta, which vanishes exactly
 *   at the exceptional points x = (1 -+ sqrt(beta))^2.  With the
 *   eigenvector matrix V = [[mu+, mu-], [1, 1]] scaled to unit columns,
 *   kappa(V) sqrt|Delta| -> 2 (1 + beta) at an exceptional point
 *   (kappa ~ |Delta|^{-1/2}); ||B^k||_2 <= kappa(V) rho(B)^k; Bauer-Fike:
 *   every eigenvalue of B + E lies within kappa(V) ||E||_2 of one of B;
 *   Kreiss: (|z| - 1) ||(z I - B)^{-1}||_2 <= kappa(V) for |z| > 1 when
 *   rho(B) < 1.
 *
 * Source: seed 003 (abstract only: every statement here is ours);
 * BEYOND.md section 3.  Provenance: exact.
 * Case-independent: beta in {1/4, 9/16} and the case's momentum when it is
 * positive; x at both exceptional points (Delta = 0 exactly in fmpq when
 * sqrt(beta) is rational, else in balls), at x_EP +- 2^-k (k = 8, 16, 24)
 * where |kappa sqrt|Delta| / (2 (1 + beta)) - 1| <= 2^(-k/2) is required
 * (the deviation is about 2^-k / 3), and at x in {1/2, 1, 3/2, 3}.  kappa
 * is sqrt((1 + c) / (1 - c)) with c the cosine of the two eigenvectors
 * (the singular values of a unit-column 2 x 2 matrix).  Powers k = 1..64,
 * E = 2^-12 e1 e1^T, z on 8 rays at |z| = 1 + 2^-3, 1 + 2^-7.  The right
 * sides of the inequalities and 2 (1 + beta) (and 4 beta in the exceptional
 * point identity) are multiplied by ctx->factor.
 *
 * Five claims, each its own verdict over the same points (sc_n2_beta with
 * the claim's part; each claim recomputes the closed-form 2 x 2 spectra,
 * a few milliseconds):
 * [N2-EP]  Delta = 0 at x = (1 -+ sqrt beta)^2;
 * [N2-kap] kappa(V) sqrt|Delta| -> 2 (1 + beta) at x_EP +- 2^-k;
 * [N2-pow] ||B^k||_2 <= kappa(V) rho(B)^k;
 * [N2-BF]  Bauer-Fike;
 * [N2-Kr]  Kreiss, at the points with rho(B) < 1 (vacuous without one).
 */
#include "theorems/sharpness/sharpness.h"
#include "num/num.h"
#include "acb.h"

/* the claims of [N2] */
#define SC_N2_EP 1
#define SC_N2_KAP 2
#define SC_N2_POW 3
#define SC_N2_BF 4
#define SC_N2_KR 5

typedef struct
{
    int part;                   /* the claim checked, SC_N2_* */
    arb_t beta, x, a, Delta, kappa, rho, f;
    acb_t mp, mm;
    arb_t worst_dev, slack_pow, slack_bf, slack_kr;
    arb_t fail_lhs, fail_rhs;   /* of a certified failure (has_fail) */
    int has_fail;
    slong points, kreiss;
}
sc_n2_struct;

/* a, Delta, mu+-, rho(B) and kappa(V) at (beta, x) */
static void
sc_n2_spectrum(sc_n2_struct * N, slong prec)
{
    acb_t s, t;
    arb_t c, u, v;

    acb_init(s);
    acb_init(t);
    arb_init(c);
    arb_init(u);
    arb_init(v);
    arb_add_ui(N->a, N->beta, 1, prec);
    arb_sub(N->a, N->a, N->x, prec);
    arb_sqr(N->Delta, N->a, prec);
    arb_submul_ui(N->Delta, N->beta, 4, prec);
    acb_set_arb(s, N->Delta);
    acb_sqrt(s, s, prec);
    acb_set_arb(t, N->a);
    acb_add(N->mp, t, s, prec);
    acb_mul_2exp_si(N->mp, N->mp, -1);
    acb_sub(N->mm, t, s, prec);
    acb_mul_2exp_si(N->mm, N->mm, -1);
    acb_abs(u, N->mp, prec);
    acb_abs(v, N->mm, prec);
    arb_max(N->rho, u, v, prec);
    /* c = |conj(mu+) mu- + 1| / sqrt((|mu+|^2 + 1)(|mu-|^2 + 1)) */
    acb_conj(t, N->mp);
    acb_mul(t, t, N->mm, prec);
    acb_add_ui(t, t, 1, prec);
    acb_abs(c, t, prec);
    arb_sqr(u, u, prec);
    arb_add_ui(u, u, 1, prec);
    arb_sqr(v, v, prec);
    arb_add_ui(v, v, 1, prec);
    arb_mul(u, u, v, prec);
    arb_rsqrt(u, u, prec);
    arb_mul(c, c, u, prec);
    arb_add_ui(u, c, 1, prec);
    arb_sub_ui(v, c, 1, prec);
    arb_neg(v, v);
    arb_div(N->kappa, u, v, prec);
    arb_sqrt(N->kappa, N->kappa, prec);
    arb_clear(v);
    arb_clear(u);
    arb_clear(c);
    acb_clear(t);
    acb_clear(s);
}

/* the 2-norm of the complex 2 x 2 matrix m (row major) */
static void
sc_n2_norm2(arb_t res, acb_srcptr m, slong prec)
{
    arb_t F, t;
    acb_t det, u;
    slong i;

    arb_init(F);
    arb_init(t);
    acb_init(det);
    acb_init(u);
    arb_zero(F);
    for (i = 0; i < 4; i++)
    {
        acb_abs(t, m + i, prec);
        arb_addmul(F, t, t, prec);
    }
    acb_mul(det, m + 0, m + 3, prec);
    acb_mul(u, m + 1, m + 2, prec);
    acb_sub(det, det, u, prec);
    acb_abs(t, det, prec);
    arb_sqr(t, t, prec);
    arb_mul_2exp_si(t, t, 2);
    arb_sqr(res, F, prec);
    arb_sub(res, res, t, prec);
    arb_nonnegative_part(res, res);
    arb_sqrtpos(res, res, prec);
    arb_add(res, res, F, prec);
    arb_mul_2exp_si(res, res, -1);
    arb_sqrtpos(res, res, prec);
    acb_clear(u);
    acb_clear(det);
    arb_clear(t);
    arb_clear(F);
}

/* Records lhs <= bound failing certifiably (ok = SC_FALSE). */
static void
sc_n2_failed(sc_n2_struct * N, sc_truth_t ok, const arb_t lhs,
             const arb_t bound)
{
    if (ok == SC_FALSE && !N->has_fail)
    {
        N->has_fail = 1;
        arb_set(N->fail_lhs, lhs);
        arb_set(N->fail_rhs, bound);
    }
}

/* Truth of lhs <= f rhs, keeping the least slack f rhs / lhs in *slack */
static sc_truth_t
sc_n2_le(sc_n2_struct * N, arb_t slack, const arb_t lhs, const arb_t rhs,
         const arb_t f, slong prec)
{
    arb_t r, s;
    sc_truth_t ok;

    arb_init(r);
    arb_init(s);
    arb_mul(r, rhs, f, prec);
    ok = sc_num_le(lhs, r);
    sc_n2_failed(N, ok, lhs, r);
    if (arb_is_positive(lhs))
    {
        arb_div(s, r, lhs, prec);
        if (arf_cmp(arb_midref(s), arb_midref(slack)) < 0)
            arb_set(slack, s);
    }
    arb_clear(s);
    arb_clear(r);
    return ok;
}

/* ||B^k|| <= kappa rho^k for k = 1 .. 64 */
static sc_truth_t
sc_n2_powers(sc_n2_struct * N, slong prec)
{
    acb_ptr B = _acb_vec_init(4), M = _acb_vec_init(4), T = _acb_vec_init(4);
    arb_t nrm, bound;
    slong k, i;
    sc_truth_t ok = SC_TRUE;

    arb_init(nrm);
    arb_init(bound);
    acb_set_arb(B + 0, N->a);
    acb_set_arb(B + 1, N->beta);
    acb_neg(B + 1, B + 1);
    acb_one(B + 2);
    _acb_vec_set(M, B, 4);
    arb_set(bound, N->kappa);
    for (k = 1; k <= 64 && ok == SC_TRUE; k++)
    {
        arb_mul(bound, bound, N->rho, prec);
        sc_n2_norm2(nrm, M, prec);
        ok = sc_n2_le(N, N->slack_pow, nrm, bound, N->f, prec);
        for (i = 0; i < 4; i++)                 /* M <- M B */
        {
            acb_mul(T + i, M + (i & 2), B + (i & 1), prec);
            acb_addmul(T + i, M + (i & 2) + 1, B + 2 + (i & 1), prec);
        }
        _acb_vec_set(M, T, 4);
    }
    arb_clear(bound);
    arb_clear(nrm);
    _acb_vec_clear(T, 4);
    _acb_vec_clear(M, 4);
    _acb_vec_clear(B, 4);
    return ok;
}

/* Bauer-Fike with E = 2^-12 e1 e1^T: B + E has trace a + eps, det beta */
static sc_truth_t
sc_n2_bauer_fike(sc_n2_struct * N, slong prec)
{
    acb_t s, nu, d;
    arb_t ae, D, dist, t, bound;
    slong i;
    sc_truth_t ok = SC_TRUE;

    acb_init(s);
    acb_init(nu);
    acb_init(d);
    arb_init(ae);
    arb_init(D);
    arb_init(dist);
    arb_init(t);
    arb_init(bound);
    arb_one(ae);
    arb_mul_2exp_si(ae, ae, -12);
    arb_mul(bound, N->kappa, ae, prec);
    arb_add(ae, ae, N->a, prec);
    arb_sqr(D, ae, prec);
    arb_submul_ui(D, N->beta, 4, prec);
    acb_set_arb(s, D);
    acb_sqrt(s, s, prec);
    for (i = 0; i < 2 && ok == SC_TRUE; i++)
    {
        acb_set_arb(nu, ae);
        if (i == 0)
            acb_add(nu, nu, s, prec);
        else
            acb_sub(nu, nu, s, prec);
        acb_mul_2exp_si(nu, nu, -1);
        acb_sub(d, nu, N->mp, prec);
        acb_abs(dist, d, prec);
        acb_sub(d, nu, N->mm, prec);
        acb_abs(t, d, prec);
        arb_min(dist, dist, t, prec);
        ok = sc_n2_le(N, N->slack_bf, dist, bound, N->f, prec);
    }
    arb_clear(bound);
    arb_clear(t);
    arb_clear(dist);
    arb_clear(D);
    arb_clear(ae);
    acb_clear(d);
    acb_clear(nu);
    acb_clear(s);
    return ok;
}

/* Kreiss: (|z| - 1) ||(z - B)^{-1}|| <= kappa on 8 rays, two radii */
static sc_truth_t
sc_n2_kreiss(sc_n2_struct * N, slong prec)
{
    acb_ptr R = _acb_vec_init(4);
    acb_t z, det, t;
    arb_t r, nrm;
    slong i, j;
    sc_truth_t ok = SC_TRUE;

    acb_init(z);
    acb_init(det);
    acb_init(t);
    arb_init(r);
    arb_init(nrm);
    for (i = 0; i < 16 && ok == SC_TRUE; i++)
    {
        arb_one(r);
        arb_mul_2exp_si(r, r, i < 8 ? -3 : -7);
        arb_add_ui(nrm, r, 1, prec);
        acb_set_si(z, i % 8);
        acb_div_ui(z, z, 4, prec);
        acb_exp_pi_i(z, z, prec);
        acb_mul_arb(z, z, nrm, prec);           /* z = (1 + r) e^{i pi j/4} */
        /* (z - B)^{-1} = [[z, -beta], [1, z - a]] / (z (z - a) + beta) */
        acb_set(R + 0, z);
        acb_set_arb(R + 1, N->beta);
        acb_neg(R + 1, R + 1);
        acb_one(R + 2);
        acb_sub_arb(R + 3, z, N->a, prec);
        acb_mul(det, z, R + 3, prec);
        acb_add_arb(det, det, N->beta, prec);
        for (j = 0; j < 4; j++)
            acb_div(R + j, R + j, det, prec);
        sc_n2_norm2(nrm, R, prec);
        arb_mul(nrm, nrm, r, prec);
        ok = sc_n2_le(N, N->slack_kr, nrm, N->kappa, N->f, prec);
    }
    arb_clear(nrm);
    arb_clear(r);
    acb_clear(t);
    acb_clear(det);
    acb_clear(z);
    _acb_vec_clear(R, 4);
    return ok;
}

/* Delta = 0 at x = (1 +- s)^2, s = sqrt(beta), with 4 beta times factor:
   exactly in fmpq when s is rational, else in balls */
static sc_truth_t
sc_n2_ep_identity(const fmpq_t beta, const fmpq_t f, int sign, slong prec)
{
    fmpz_t p, q;
    fmpq_t s, x, D;
    arb_t b, sb, xb, Db;
    sc_truth_t ok;

    fmpz_init(p);
    fmpz_init(q);
    fmpq_init(s);
    fmpq_init(x);
    fmpq_init(D);
    fmpz_sqrt(p, fmpq_numref(beta));
    fmpz_sqrt(q, fmpq_denref(beta));
    fmpq_set_fmpz_frac(s, p, q);
    fmpq_mul(x, s, s);
    if (fmpq_equal(x, beta))
    {
        fmpq_one(x);                            /* x = (1 +- s)^2 */
        if (sign > 0)
            fmpq_add(x, x, s);
        else
            fmpq_sub(x, x, s);
        fmpq_mul(x, x, x);
        fmpq_add_si(D, beta, 1);
        fmpq_sub(D, D, x);
        fmpq_mul(D, D, D);                      /* (1 + beta - x)^2 */
        fmpq_mul(x, beta, f);
        fmpq_mul_ui(x, x, 4);
        fmpq_sub(D, D, x);
        ok = fmpq_is_zero(D) ? SC_TRUE : SC_FALSE;
    }
    else
    {
        arb_init(b);
        arb_init(sb);
        arb_init(xb);
        arb_init(Db);
        arb_set_fmpq(b, beta, prec);
        arb_sqrt(sb, b, prec);
        arb_set_si(xb, sign);
        arb_mul(xb, xb, sb, prec);
        arb_add_ui(xb, xb, 1, prec);
        arb_sqr(xb, xb, prec);
        arb_add_ui(Db, b, 1, prec);
        arb_sub(Db, Db, xb, prec);
        arb_sqr(Db, Db, prec);
        arb_set_fmpq(xb, f, prec);
        arb_mul(xb, xb, b, prec);
        arb_submul_ui(Db, xb, 4, prec);
        ok = arb_contains_zero(Db) ? SC_TRUE : SC_FALSE;
        arb_clear(Db);
        arb_clear(xb);
        arb_clear(sb);
        arb_clear(b);
    }
    fmpq_clear(D);
    fmpq_clear(x);
    fmpq_clear(s);
    fmpz_clear(q);
    fmpz_clear(p);
    return ok;
}

/* |kappa sqrt|Delta| / (2 (1 + beta) f) - 1| <= 2^(-k/2) */
static sc_truth_t
sc_n2_asymptotic(sc_n2_struct * N, slong k, slong prec)
{
    arb_t r, t;
    sc_truth_t ok;

    arb_init(r);
    arb_init(t);
    arb_abs(r, N->Delta);
    arb_sqrtpos(r, r, prec);
    arb_mul(r, r, N->kappa, prec);
    arb_add_ui(t, N->beta, 1, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_mul(t, t, N->f, prec);
    arb_div(r, r, t, prec);
    arb_sub_ui(r, r, 1, prec);
    arb_abs(r, r);
    sc_num_max_ubound(N->worst_dev, r, prec);
    arb_one(t);
    arb_mul_2exp_si(t, t, -k / 2);
    ok = sc_num_le(r, t);
    sc_n2_failed(N, ok, r, t);
    arb_clear(t);
    arb_clear(r);
    return ok;
}

/* the check of the claim's part at (beta, x); k > 0: x is 2^-k from an
   exceptional point (the asymptotic claim looks only there) */
static sc_truth_t
sc_n2_point(sc_n2_struct * N, slong k, slong prec)
{
    arb_t one;
    sc_truth_t ok;

    if (N->part == SC_N2_KAP && k == 0)
        return SC_TRUE;
    arb_init(one);
    arb_one(one);
    N->points++;
    sc_n2_spectrum(N, prec);
    ok = arb_contains_zero(N->Delta) || !arb_is_finite(N->kappa)
         ? SC_UNKNOWN : SC_TRUE;
    if (ok == SC_TRUE && N->part == SC_N2_KAP)
        ok = sc_n2_asymptotic(N, k, prec);
    if (ok == SC_TRUE && N->part == SC_N2_POW)
        ok = sc_n2_powers(N, prec);
    if (ok == SC_TRUE && N->part == SC_N2_BF)
        ok = sc_n2_bauer_fike(N, prec);
    if (ok == SC_TRUE && N->part == SC_N2_KR
        && sc_num_lt(N->rho, one) == SC_TRUE)
    {
        N->kreiss++;
        ok = sc_n2_kreiss(N, prec);
    }
    arb_clear(one);
    return ok;
}

/* all points of one beta; SC_OK, or res set (VIOLATED) / SC_UNABLE */
static int
sc_n2_beta(sc_result_t res, sc_n2_struct * N, const fmpq_t beta,
           const fmpq_t f, slong prec)
{
    static const slong gen[4][2] = { { 1, 2 }, { 1, 1 }, { 3, 2 }, { 3, 1 } };
    slong i, j, k;
    sc_truth_t ok = SC_TRUE;
    arb_t ep, s;
    char what[96] = "";

    arb_init(ep);
    arb_init(s);
    arb_set_fmpq(N->beta, beta, prec);
    arb_sqrt(s, N->beta, prec);
    for (i = 0; i < 4 && ok == SC_TRUE && N->part != SC_N2_EP; i++)
    {
        arb_set_si(N->x, gen[i][0]);
        arb_div_si(N->x, N->x, gen[i][1], prec);
        ok = sc_n2_point(N, 0, prec);
        snprintf(what, sizeof(what), "at x = %ld/%ld", (long) gen[i][0],
                 (long) gen[i][1]);
    }
    for (i = 0; i < 2 && ok == SC_TRUE; i++)
    {
        if (N->part == SC_N2_EP)
        {
            ok = sc_n2_ep_identity(beta, f, i ? 1 : -1, prec);
            snprintf(what, sizeof(what), "Delta = 0 at x = (1 %c sqrt "
                     "beta)^2", i ? '+' : '-');
            continue;
        }
        arb_set_si(ep, i ? 1 : -1);
        arb_mul(ep, ep, s, prec);
        arb_add_ui(ep, ep, 1, prec);
        arb_sqr(ep, ep, prec);
        for (j = 0; j < 6 && ok == SC_TRUE; j++)
        {
            k = 8 * (j / 2 + 1);
            arb_one(N->x);
            arb_mul_2exp_si(N->x, N->x, -k);
            if (j % 2)
                arb_neg(N->x, N->x);
            arb_add(N->x, N->x, ep, prec);
            ok = sc_n2_point(N, k, prec);
            snprintf(what, sizeof(what), "at x = x_EP %c 2^-%ld",
                     j % 2 ? '-' : '+', (long) k);
        }
    }
    arb_clear(s);
    arb_clear(ep);
    if (ok == SC_FALSE)
    {
        char * b = fmpq_get_str(NULL, 10, beta);

        res->verdict = SC_VIOLATED;
        sc_result_reason(res, "heavy ball beta = %s: check fails %s", b,
                         what);
        if (N->has_fail)
        {
            sc_result_set_predicted(res, N->fail_rhs);
            sc_result_set_observed(res, N->fail_lhs);
        }
        else
            sc_result_no_value(res, "an exact property of the heavy-ball "
                               "matrix, named in the reason");
        flint_free(b);
    }
    else if (ok == SC_UNKNOWN)
    {
        sc_result_reason(res, "heavy ball: undecided %s", what);
        return SC_UNABLE;
    }
    return SC_OK;
}

static void
sc_n2_init(sc_n2_struct * N, int part, const fmpq_t f, slong prec)
{
    N->part = part;
    N->has_fail = 0;
    N->kreiss = 0;
    arb_init(N->fail_lhs);
    arb_init(N->fail_rhs);
    arb_init(N->beta);
    arb_init(N->x);
    arb_init(N->a);
    arb_init(N->Delta);
    arb_init(N->kappa);
    arb_init(N->rho);
    arb_init(N->f);
    acb_init(N->mp);
    acb_init(N->mm);
    arb_init(N->worst_dev);
    arb_init(N->slack_pow);
    arb_init(N->slack_bf);
    arb_init(N->slack_kr);
    arb_pos_inf(N->slack_pow);
    arb_pos_inf(N->slack_bf);
    arb_pos_inf(N->slack_kr);
    arb_set_fmpq(N->f, f, prec);
    N->points = 0;
}

static void
sc_n2_clear(sc_n2_struct * N)
{
    arb_clear(N->slack_kr);
    arb_clear(N->slack_bf);
    arb_clear(N->slack_pow);
    arb_clear(N->worst_dev);
    acb_clear(N->mm);
    acb_clear(N->mp);
    arb_clear(N->f);
    arb_clear(N->rho);
    arb_clear(N->kappa);
    arb_clear(N->Delta);
    arb_clear(N->a);
    arb_clear(N->x);
    arb_clear(N->beta);
    arb_clear(N->fail_rhs);
    arb_clear(N->fail_lhs);
}

/* the extras and reason of a HOLDS of claim part */
static void
sc_n2_holds(sc_result_t res, const sc_n2_struct * N, const sc_ctx_t ctx)
{
    static const char * what[6] = { "", "Delta = 0 at both exceptional "
        "points", "kappa(V) sqrt|Delta| -> 2 (1 + beta) near them",
        "||B^k|| <= kappa rho^k (k <= 64)", "Bauer-Fike", "Kreiss" };
    const char * mine = fmpq_sgn(ctx->cs->momentum) > 0 ? ", the case's"
                        : "";

    if (N->part != SC_N2_EP)
        sc_result_set_extra_si(res, "points", N->points);
    if (N->part == SC_N2_KAP)
        sc_result_set_extra(res, "kappa_dev_max", N->worst_dev);
    if (N->part == SC_N2_POW)
    {
        sc_result_set_extra(res, "power_slack_min", N->slack_pow);
        sc_result_set_slack(res, N->slack_pow);
    }
    if (N->part == SC_N2_BF)
    {
        sc_result_set_extra(res, "bauer_fike_slack_min", N->slack_bf);
        sc_result_set_slack(res, N->slack_bf);
    }
    if (N->part == SC_N2_KR)
    {
        sc_result_set_extra(res, "kreiss_slack_min", N->slack_kr);
        sc_result_set_extra_si(res, "kreiss_points", N->kreiss);
        if (N->kreiss > 0)
            sc_result_set_slack(res, N->slack_kr);
    }
    if (N->part == SC_N2_EP)
        sc_result_reason(res, "%s (beta 1/4, 9/16%s)", what[N->part], mine);
    else
        sc_result_reason(res, "%s at %ld points (beta 1/4, 9/16%s)",
                         what[N->part], (long) N->points, mine);
    if (N->part == SC_N2_KR && N->kreiss == 0)
        sc_result_vacuous(res, "no point with rho(B) < 1");
}

/* claim part of [N2] */
static int
sc_n2_claim(sc_result_t res, sc_ctx_t ctx, int part, slong prec)
{
    sc_n2_struct N;
    fmpq_t beta;
    slong i;
    int status = SC_OK;

    res->certificate = part == SC_N2_EP ? "exceptional points in fmpq"
                       : "closed-form 2 x 2 spectra in Arb balls";
    fmpq_init(beta);
    sc_n2_init(&N, part, ctx->factor, prec);
    res->verdict = SC_HOLDS;
    for (i = 0; i < 3 && status == SC_OK && res->verdict == SC_HOLDS; i++)
    {
        if (i < 2)
            fmpq_set_si(beta, i ? 9 : 1, i ? 16 : 4);
        else if (fmpq_sgn(ctx->cs->momentum) > 0)
            fmpq_set(beta, ctx->cs->momentum);
        else
            break;
        status = sc_n2_beta(res, &N, beta, ctx->factor, prec);
    }
    if (status == SC_OK && res->verdict == SC_HOLDS)
        sc_n2_holds(res, &N, ctx);
    sc_n2_clear(&N);
    fmpq_clear(beta);
    return status;
}

int
sc_thm_n2_ep_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_n2_claim(res, ctx, SC_N2_EP, prec);
}

int
sc_thm_n2_kappa_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_n2_claim(res, ctx, SC_N2_KAP, prec);
}

int
sc_thm_n2_pow_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_n2_claim(res, ctx, SC_N2_POW, prec);
}

int
sc_thm_n2_bf_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_n2_claim(res, ctx, SC_N2_BF, prec);
}

int
sc_thm_n2_kreiss_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_n2_claim(res, ctx, SC_N2_KR, prec);
}
