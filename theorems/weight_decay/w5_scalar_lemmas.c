/*
 * [W5] The scalar lemmas of seed 004 App. A.4 on the sequences
 *
 *   x_{t+1} = (1 - alpha) x_t + beta_t / x_t,  0 < alpha < 1/2,
 *   0 <= a <= beta_t <= b   (beta-undetermined; beta_t = beta: determined).
 *
 * Lemma 1 (rate sandwich): beta fixed, x* = sqrt(beta / alpha), x_0 > x*:
 *   (1 - 2 alpha)^t (x_0 - x*) <= x_t - x* <= (1 - alpha)^t (x_0 - x*).
 * Lemma 2 (comparison): x_{a,t} <= x_t for all t (x_{a,0} = x_0, beta = a);
 *   x_t <= x_{b,t} for t <= T + 1 while x_t > sqrt(b / (1 - alpha)), t <= T.
 * Proposition 5: if (alpha / (1 - alpha)) sqrt(b) <= sqrt(a), x_t converges
 *   into [sqrt(a / alpha), sqrt(b / alpha)]; checked as "enters, then never
 *   leaves" (the Remark 2 argument, which is exact).
 *
 * Source: seed 004 (Lobacheva et al.) App. A.4, Lemma 1, Lemma 2, Prop. 5;
 * BEYOND.md section 1.  Provenance: exact.  All in Arb balls.
 *
 * Four claims.  [W5-G], the golden self-check, is case-independent and
 * runs on every case: alpha = 1/10, a = 1, b = 10 (the paper's Figure 8),
 * beta_t seeded exact rationals in (a, b), starts 30 and 1/2: Lemma 1 for
 * beta = a and b, Lemma 2 and Prop. 5 with interval [sqrt 10 = 3.1622...,
 * 10]; it also carries the Prop. 3 counterexample below (extras).  On a
 * case with weight decay and the plain decayed step, eq. (3) is exactly
 * such a sequence: x_t = ||w_t||^2, alpha = 1 - (1 - eta lambda)^2 = eta
 * lambda (2 - eta lambda), beta_t = eta^2 g~_t^2 (balls over the certified
 * full-GD enclosures); a, b are the least / largest beta_t over the
 * horizon (a lowered by 2^-10 so that Lemma 2 is decidable where beta_t =
 * a), and each lemma is its own claim on it:
 * [W5-L1] Lemma 1 on x_{a,t} from x_0 = ||w_0||^2 (needs x_0 > sqrt(a /
 *         alpha));
 * [W5-L2] Lemma 2, lower part: x_{a,t} <= ||w_t||^2;
 * [W5-P5] Prop. 5 under its condition: after the first certified entry
 *         into [sqrt(a/alpha), sqrt(b/alpha)] no certified exit (vacuous
 *         without an entry in the horizon).
 * Cases without weight decay, with momentum or projection, or with alpha
 * >= 1/2 make the three case claims NOT-APPLICABLE.  The three share the
 * context's trajectory and its g~_t (wd_cache.c).
 *
 * Shown, not copied (seed 004 Prop. 3 / App. A.6 use alpha ~ 2 eta lambda):
 *  - the exact condition of Prop. 3 is eta lambda (2 - eta lambda) L <=
 *    (1 - eta lambda)^2 l, stronger than the paper's 2 eta lambda L <= l.
 *    Counterexample ("p3_hops"): eta = 1, lambda = 1/10, L = 1, l = 11/50
 *    satisfies the paper's condition (1/5 <= 11/50) but not the exact one;
 *    with g~_t in {l, L} chosen adaptively, rho_t^2 sits inside the interval
 *    and then hops above sqrt(5) L = kappa L (and above the exact end
 *    eta L / sqrt(alpha)) again and again.
 *  - the paper's interval [kappa l, kappa L], kappa = sqrt(eta / (2 lambda)),
 *    is shifted: g~_t = L constant gives the fixed point eta L / sqrt(alpha)
 *    = kappa L sqrt(2 / (2 - eta lambda)) > kappa L ("p3_fixed_over_kL",
 *    at eta lambda = 1/10).
 */
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

#define SC_W5_N 200             /* golden horizon */
#define SC_W5_HOP_N 400         /* horizon of the Prop. 3 counterexample */

typedef struct
{
    sc_result_struct * res;
    arb_srcptr f;               /* ctx->factor: bounds scaled by it */
    const char * part;          /* "golden" or "case" */
    int status;                 /* SC_OK or SC_UNABLE */
    int failed;
}
sc_w5_struct;

/* x1 = (1 - alpha) x + beta / x */
static void
sc_w5_next(arb_t x1, const arb_t x, const arb_t alpha, const arb_t beta,
           slong prec)
{
    arb_t t, u;

    arb_init(t);
    arb_init(u);
    arb_div(t, beta, x, prec);
    arb_sub_ui(u, alpha, 1, prec);
    arb_neg(u, u);
    arb_mul(u, u, x, prec);
    arb_add(x1, u, t, prec);                    /* x1 may alias x */
    arb_clear(u);
    arb_clear(t);
}

/* Records the outcome of one claimed inequality lo <= hi at step t. */
static int
sc_w5_claim(sc_w5_struct * S, const arb_t lo, const arb_t hi, slong t,
            const char * what)
{
    sc_truth_t r;

    if (S->failed || S->status != SC_OK)
        return 0;
    r = sc_num_le(lo, hi);
    if (r == SC_FALSE)
    {
        S->failed = 1;
        S->res->verdict = SC_VIOLATED;
        S->res->step = t;
        sc_result_set_predicted(S->res, hi);
        sc_result_set_observed(S->res, lo);
        sc_result_reason(S->res, "%s: %s fails at t = %ld", S->part, what,
                         (long) t);
    }
    else if (r == SC_UNKNOWN)
    {
        S->status = SC_UNABLE;
        sc_result_reason(S->res, "%s: %s undecided at t = %ld", S->part,
                         what, (long) t);
    }
    return r == SC_TRUE;
}

/* Lemma 1 on the determined sequence from x0 with beta, steps 1..n. */
static void
sc_w5_lemma1(sc_w5_struct * S, const arb_t x0, const arb_t alpha,
             const arb_t beta, slong n, slong prec)
{
    arb_t x, xs, d0, lo, hi, r1, r2, y;
    slong t;

    arb_init(x); arb_init(xs); arb_init(d0); arb_init(lo); arb_init(hi);
    arb_init(r1); arb_init(r2); arb_init(y);
    arb_div(xs, beta, alpha, prec);
    arb_sqrtpos(xs, xs, prec);
    arb_sub(d0, x0, xs, prec);
    arb_sub_ui(r1, alpha, 1, prec);
    arb_neg(r1, r1);                            /* 1 - alpha */
    arb_sub(r2, r1, alpha, prec);               /* 1 - 2 alpha */
    arb_set(x, x0);
    for (t = 1; t <= n; t++)
    {
        sc_w5_next(x, x, alpha, beta, prec);
        arb_sub(y, x, xs, prec);
        arb_pow_ui(lo, r2, t, prec);
        arb_mul(lo, lo, d0, prec);
        arb_div(lo, lo, S->f, prec);
        arb_pow_ui(hi, r1, t, prec);
        arb_mul(hi, hi, d0, prec);
        arb_mul(hi, hi, S->f, prec);
        if (!sc_w5_claim(S, lo, y, t, "Lemma 1 lower rate")
            || !sc_w5_claim(S, y, hi, t, "Lemma 1 upper rate"))
            break;
    }
    arb_clear(x); arb_clear(xs); arb_clear(d0); arb_clear(lo); arb_clear(hi);
    arb_clear(r1); arb_clear(r2); arb_clear(y);
}

/* Prop. 5 on the sequence xs[0..n]: the first entry into [lo, hi] (both
   ends certified), then no certified exit.  Returns the entry or -1. */
static slong
sc_w5_prop5(sc_w5_struct * S, arb_srcptr xs, slong n, const arb_t lo,
            const arb_t hi)
{
    slong t, entry = -1;

    for (t = 0; t <= n && entry < 0; t++)
        if (sc_num_le(lo, xs + t) == SC_TRUE
            && sc_num_le(xs + t, hi) == SC_TRUE)
            entry = t;
    for (t = entry; entry >= 0 && t <= n; t++)
        if (!sc_w5_claim(S, lo, xs + t, t, "Prop. 5 lower end after entry")
            || !sc_w5_claim(S, xs + t, hi, t, "Prop. 5 upper end after "
                            "entry"))
            break;
    return entry;
}

/* The golden self-check from x0 (seeded beta_t in (1, 10)). */
static void
sc_w5_golden_run(sc_w5_struct * S, slong x0num, ulong x0den, ulong seed,
                 slong prec)
{
    arb_ptr x = _arb_vec_init(SC_W5_N + 1);
    arb_t alpha, a, b, beta, xa, xb, lo, hi, thr;
    sc_rand_t r;
    slong t, last_high = -1;
    int high = 1;

    arb_init(alpha); arb_init(a); arb_init(b); arb_init(beta);
    arb_init(xa); arb_init(xb); arb_init(lo); arb_init(hi); arb_init(thr);
    sc_rand_init(r, seed);
    arb_set_si(alpha, 1);
    arb_div_si(alpha, alpha, 10, prec);
    arb_one(a);
    arb_set_si(b, 10);
    arb_set_si(thr, 100);
    arb_div_si(thr, thr, 9, prec);
    arb_sqrtpos(thr, thr, prec);                /* sqrt(b / (1 - alpha)) */
    arb_set_si(x, x0num);
    arb_div_ui(x, x, x0den, prec);
    arb_set(xa, x);
    arb_set(xb, x);
    for (t = 0; t < SC_W5_N && !S->failed && S->status == SC_OK; t++)
    {
        /* beta_t = 1 + 9 k / 64, k in [1, 63]: strictly inside (a, b) */
        arb_set_si(beta, 9 * sc_rand_range(r, 1, 63));
        arb_div_si(beta, beta, 64, prec);
        arb_add_ui(beta, beta, 1, prec);
        if (high && sc_num_gt(x + t, thr) != SC_TRUE)
            high = 0;
        last_high = high ? t : last_high;
        sc_w5_next(x + t + 1, x + t, alpha, beta, prec);
        sc_w5_next(xa, xa, alpha, a, prec);
        sc_w5_next(xb, xb, alpha, b, prec);
        arb_div(lo, xa, S->f, prec);
        sc_w5_claim(S, lo, x + t + 1, t + 1, "Lemma 2 lower comparison");
        arb_mul(hi, xb, S->f, prec);
        if (t <= last_high)
            sc_w5_claim(S, x + t + 1, hi, t + 1, "Lemma 2 upper comparison");
    }
    arb_set_si(lo, 10);
    arb_sqrtpos(lo, lo, prec);
    arb_div(lo, lo, S->f, prec);
    arb_set_si(hi, 10);
    arb_mul(hi, hi, S->f, prec);
    if (!S->failed && S->status == SC_OK
        && sc_w5_prop5(S, x, SC_W5_N, lo, hi) < 0 && !S->failed)
    {
        S->status = SC_UNABLE;
        sc_result_reason(S->res, "golden: no certified entry into [sqrt "
                         "10, 10] within %d steps", SC_W5_N);
    }
    arb_clear(alpha); arb_clear(a); arb_clear(b); arb_clear(beta);
    arb_clear(xa); arb_clear(xb); arb_clear(lo); arb_clear(hi);
    arb_clear(thr);
    _arb_vec_clear(x, SC_W5_N + 1);
}

static void
sc_w5_golden(sc_w5_struct * S, slong prec)
{
    arb_t alpha, beta, x0;

    arb_init(alpha);
    arb_init(beta);
    arb_init(x0);
    S->part = "golden";
    arb_set_si(alpha, 1);
    arb_div_si(alpha, alpha, 10, prec);
    arb_set_si(x0, 30);
    arb_one(beta);
    sc_w5_lemma1(S, x0, alpha, beta, SC_W5_N, prec);
    arb_set_si(beta, 10);
    sc_w5_lemma1(S, x0, alpha, beta, SC_W5_N, prec);
    sc_w5_golden_run(S, 30, 1, 4, prec);
    sc_w5_golden_run(S, 1, 2, 5, prec);
    arb_clear(x0);
    arb_clear(beta);
    arb_clear(alpha);
}

/*
 * The Prop. 3 counterexample: eta = 1, lambda = 1/10, alpha = 19/100,
 * L = 1, l = 11/50; beta = a until x < (alpha / (1 - alpha)) sqrt(b /
 * alpha), then beta = b once.  Returns the number of certified exits above
 * kappa L = sqrt 5 from inside [kappa l, kappa L]; -1 if undecided.
 */
static slong
sc_w5_p3_hops(arb_t ratio, slong prec)
{
    arb_t alpha, a, b, x, thr, kl, kL;
    slong t, hops = 0;
    int inside = 0;

    arb_init(alpha); arb_init(a); arb_init(b); arb_init(x); arb_init(thr);
    arb_init(kl); arb_init(kL);
    arb_set_si(alpha, 19);
    arb_div_si(alpha, alpha, 100, prec);
    arb_set_si(a, 121);
    arb_div_si(a, a, 2500, prec);
    arb_one(b);
    arb_inv(x, alpha, prec);
    arb_sqrtpos(x, x, prec);                    /* sqrt(b / alpha) */
    arb_set_si(thr, 19);
    arb_div_si(thr, thr, 81, prec);
    arb_mul(thr, thr, x, prec);
    arb_set_si(kL, 5);
    arb_sqrtpos(kL, kL, prec);                  /* kappa L, kappa = sqrt 5 */
    arb_div(ratio, x, kL, prec);                /* fixed point / kappa L */
    arb_mul_si(kl, kL, 11, prec);
    arb_div_si(kl, kl, 50, prec);
    for (t = 0; t < SC_W5_HOP_N && hops >= 0; t++)
    {
        sc_truth_t below = sc_num_lt(x, thr);

        if (below == SC_UNKNOWN)
            hops = -1;
        else
            sc_w5_next(x, x, alpha, below == SC_TRUE ? b : a, prec);
        if (hops >= 0 && sc_num_gt(x, kL) == SC_TRUE)
            hops += inside;
        inside = sc_num_le(kl, x) == SC_TRUE && sc_num_le(x, kL) == SC_TRUE;
    }
    arb_clear(alpha); arb_clear(a); arb_clear(b); arb_clear(x);
    arb_clear(thr); arb_clear(kl); arb_clear(kL);
    return hops;
}

/* a = eta^2 (1 - 2^-10) min lower(gt2), b = eta^2 max upper(gt2) over
   the steps 0 .. n - 1, as exact points. */
static void
sc_w5_case_bounds(arb_t a, arb_t b, arb_srcptr gt2, slong n, const arb_t eta,
                  slong prec)
{
    arf_t lo, hi, x;
    arb_t e2;
    slong t;

    arf_init(lo);
    arf_init(hi);
    arf_init(x);
    arb_init(e2);
    arb_get_lbound_arf(lo, gt2, prec);
    arb_get_ubound_arf(hi, gt2, prec);
    for (t = 1; t < n; t++)
    {
        arb_get_lbound_arf(x, gt2 + t, prec);
        arf_min(lo, lo, x);
        arb_get_ubound_arf(x, gt2 + t, prec);
        arf_max(hi, hi, x);
    }
    if (arf_sgn(lo) < 0)
        arf_zero(lo);
    arb_set_arf(a, lo);
    arb_mul_2exp_si(e2, a, -10);
    arb_sub(a, a, e2, prec);
    arb_set_arf(b, hi);
    arb_sqr(e2, eta, prec);
    arb_mul(a, a, e2, prec);
    arb_mul(b, b, e2, prec);
    arf_clear(x);
    arf_clear(hi);
    arf_clear(lo);
    arb_clear(e2);
}

/* Why the case part does not apply, or NULL. */
static const char *
sc_w5_case_domain(const sc_ctx_t ctx)
{
    if (!fmpq_is_zero(ctx->cs->momentum) || ctx->cs->project_norm)
        return "momentum or project_norm is set";
    if (fmpq_is_zero(ctx->cs->weight_decay))
        return "weight_decay = 0";
    return NULL;
}

/* alpha = 1 - (1 - eta lambda)^2 < 1/2, decided exactly. */
static int
sc_w5_alpha_small(const sc_ctx_t ctx)
{
    fmpq_t p;
    int ok;

    fmpq_init(p);
    fmpq_mul(p, ctx->cs->eta, ctx->cs->weight_decay);
    fmpq_sub_ui(p, p, 1);
    fmpq_mul(p, p, p);
    fmpq_mul_2exp(p, p, 1);
    ok = fmpq_cmp_ui(p, 1) > 0;                 /* 2 (1 - eta lambda)^2 > 1 */
    fmpq_clear(p);
    return ok;
}

static const char *
sc_w5_truth_word(sc_truth_t r)
{
    return r == SC_TRUE ? "holds" : r == SC_FALSE ? "fails" : "undecided";
}

/* [W5-G]: the golden self-check and the Prop. 3 counterexample. */
int
sc_thm_w5_golden_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_w5_struct S;
    arb_t f, ratio, x;
    slong hops;

    arb_init(f);
    arb_init(ratio);
    arb_init(x);
    sc_thm_factor(f, ctx, prec);
    S.res = res;
    S.f = f;
    S.status = SC_OK;
    S.failed = 0;
    res->certificate = "scalar recurrences in balls";
    sc_w5_golden(&S, prec);
    hops = sc_w5_p3_hops(ratio, prec);
    if (S.status == SC_OK && hops < 0)
    {
        S.status = SC_UNABLE;
        sc_result_reason(res, "Prop. 3 counterexample undecided");
    }
    if (S.status == SC_OK && !S.failed)
    {
        arb_set_si(x, 10);
        arb_sqrtpos(x, x, prec);
        sc_result_set_extra(res, "golden_lo", x);
        arb_set_si(x, 10);
        sc_result_set_extra(res, "golden_hi", x);
        sc_result_set_extra_si(res, "p3_hops", hops);
        sc_result_set_extra(res, "p3_fixed_over_kL", ratio);
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "golden alpha = 1/10, a = 1, b = 10: Lemma 1, "
                         "Lemma 2 and entry into [sqrt 10, 10] hold; the "
                         "paper's Prop. 3 condition admits %ld hops out of "
                         "[kappa l, kappa L] (case-independent)",
                         (long) hops);
    }
    arb_clear(x);
    arb_clear(ratio);
    arb_clear(f);
    return S.status;
}

/* the case's sequence x_t = ||w_t||^2 and its constants */
typedef struct
{
    const sc_traj_struct * T;
    arb_t alpha, eta, lambda, a, b, lo, hi, f;
}
sc_w5_case_struct;

/* NULL with C set up, or the label of the failing hypothesis (res
   NOT-APPLICABLE); *status SC_UNABLE when the trajectory is not
   certified at prec. */
static const char *
sc_w5_case_init(sc_w5_case_struct * C, int * status, sc_result_t res,
                sc_ctx_t ctx, slong prec)
{
    const char * dom = sc_w5_case_domain(ctx);
    arb_srcptr gt2;

    *status = SC_OK;
    if (dom == NULL && !sc_w5_alpha_small(ctx))
        dom = "alpha >= 1/2";
    if (dom != NULL)
    {
        sc_result_not_applicable(res, dom, "%s (the lemmas need 0 < alpha "
                                 "= eta lambda (2 - eta lambda) < 1/2 and "
                                 "the plain decayed step)", dom);
        return dom;
    }
    C->T = sc_thm_need_full(res, ctx, prec);
    if (C->T == NULL)
    {
        *status = SC_UNABLE;
        return "";
    }
    arb_init(C->alpha); arb_init(C->eta); arb_init(C->lambda);
    arb_init(C->a); arb_init(C->b); arb_init(C->lo); arb_init(C->hi);
    arb_init(C->f);
    res->certificate = "scalar recurrences in balls; the certified "
                       "full-GD enclosures";
    gt2 = sc_wd_gtilde2_cached(ctx, C->T, prec);
    sc_wd_alpha(C->alpha, ctx, prec);
    arb_set_fmpq(C->eta, ctx->cs->eta, prec);
    arb_set_fmpq(C->lambda, ctx->cs->weight_decay, prec);
    sc_thm_factor(C->f, ctx, prec);
    sc_w5_case_bounds(C->a, C->b, gt2, C->T->len - 1, C->eta, prec);
    arb_div(C->lo, C->a, C->alpha, prec);
    arb_sqrtpos(C->lo, C->lo, prec);
    arb_div(C->hi, C->b, C->alpha, prec);
    arb_sqrtpos(C->hi, C->hi, prec);
    sc_result_set_extra(res, "alpha", C->alpha);
    sc_result_set_extra(res, "case_lo", C->lo);
    sc_result_set_extra(res, "case_hi", C->hi);
    return NULL;
}

static void
sc_w5_case_clear(sc_w5_case_struct * C)
{
    arb_clear(C->alpha); arb_clear(C->eta); arb_clear(C->lambda);
    arb_clear(C->a); arb_clear(C->b); arb_clear(C->lo); arb_clear(C->hi);
    arb_clear(C->f);
}

static void
sc_w5_case_S(sc_w5_struct * S, sc_result_t res, const sc_w5_case_struct * C)
{
    S->res = res;
    S->f = C->f;
    S->status = SC_OK;
    S->failed = 0;
    S->part = "case";
}

/* [W5-L1]: Lemma 1 on x_{a,t} from ||w_0||^2 with beta = a. */
int
sc_thm_w5_l1_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_w5_case_struct C;
    sc_w5_struct S;
    int status;

    if (sc_w5_case_init(&C, &status, res, ctx, prec) != NULL)
        return status;
    sc_w5_case_S(&S, res, &C);
    if (sc_num_gt(C.T->W, C.lo) == SC_TRUE)
    {
        sc_w5_lemma1(&S, C.T->W, C.alpha, C.a, C.T->len - 1, prec);
        if (S.status == SC_OK && !S.failed)
        {
            res->verdict = SC_HOLDS;
            sc_result_reason(res, "Lemma 1 rate sandwich holds on x_{a,t} "
                             "from ||w_0||^2 over %ld steps",
                             (long) (C.T->len - 1));
        }
    }
    else if (sc_num_le(C.T->W, C.lo) == SC_TRUE)
        sc_result_not_applicable(res, "x_0 <= sqrt(a/alpha)",
                                 "||w_0||^2 <= sqrt(a/alpha) (Lemma 1 needs "
                                 "x_0 > x*)");
    else
    {
        S.status = SC_UNABLE;
        sc_result_reason(res, "||w_0||^2 against sqrt(a/alpha) undecided");
    }
    sc_w5_case_clear(&C);
    return S.status;
}

/* [W5-L2]: Lemma 2 (lower part), x_{a,t} <= ||w_t||^2. */
int
sc_thm_w5_l2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_w5_case_struct C;
    sc_w5_struct S;
    arb_t xa, y;
    slong t, n;
    int status;

    if (sc_w5_case_init(&C, &status, res, ctx, prec) != NULL)
        return status;
    sc_w5_case_S(&S, res, &C);
    arb_init(xa);
    arb_init(y);
    n = C.T->len - 1;
    arb_set(xa, C.T->W);
    for (t = 0; t < n && !S.failed && S.status == SC_OK; t++)
    {
        sc_w5_next(xa, xa, C.alpha, C.a, prec);
        arb_div(y, xa, C.f, prec);
        sc_w5_claim(&S, y, C.T->W + t + 1, t + 1, "Lemma 2 lower "
                    "comparison on ||w_t||^2");
    }
    if (S.status == SC_OK && !S.failed)
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "Lemma 2: x_{a,t} <= ||w_t||^2 at all %ld "
                         "steps", (long) n);
    }
    arb_clear(y);
    arb_clear(xa);
    sc_w5_case_clear(&C);
    return S.status;
}

/* [W5-P5]: under (alpha / (1 - alpha)) sqrt b <= sqrt a, ||w_t||^2 stays
   in [sqrt(a/alpha), sqrt(b/alpha)] once it is in. */
int
sc_thm_w5_p5_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    sc_w5_case_struct C;
    sc_w5_struct S;
    sc_truth_t cond, paper;
    arb_t x, ra, rb, lo, hi;
    slong entry;
    int status;

    if (sc_w5_case_init(&C, &status, res, ctx, prec) != NULL)
        return status;
    sc_w5_case_S(&S, res, &C);
    arb_init(x); arb_init(ra); arb_init(rb); arb_init(lo); arb_init(hi);
    /* exact: alpha / (1 - alpha) sqrt b <= sqrt a; paper: 2 eta lambda
       sqrt b <= sqrt a */
    arb_sqrtpos(rb, C.b, prec);
    arb_sqrtpos(ra, C.a, prec);
    arb_mul(x, C.eta, C.lambda, prec);
    arb_mul_2exp_si(x, x, 1);
    arb_mul(x, x, rb, prec);
    paper = sc_num_le(x, ra);
    arb_sub_ui(x, C.alpha, 1, prec);
    arb_div(x, C.alpha, x, prec);
    arb_neg(x, x);
    arb_mul(x, x, rb, prec);
    cond = sc_num_le(x, ra);
    if (cond == SC_FALSE)
        sc_result_not_applicable(res, "alpha sqrt b > (1 - alpha) sqrt a",
                                 "(alpha / (1 - alpha)) sqrt b > sqrt a on "
                                 "the horizon's a, b (paper's 2 eta lambda "
                                 "L <= l %s)", sc_w5_truth_word(paper));
    else if (cond == SC_UNKNOWN)
    {
        S.status = SC_UNABLE;
        sc_result_reason(res, "Prop. 5 condition undecided");
    }
    else
    {
        arb_div(lo, C.lo, C.f, prec);
        arb_mul(hi, C.hi, C.f, prec);
        entry = sc_w5_prop5(&S, C.T->W, C.T->len - 1, lo, hi);
        if (S.status == SC_OK && !S.failed)
        {
            sc_result_set_extra_si(res, "entry", entry);
            res->verdict = SC_HOLDS;
            if (entry >= 0)
                sc_result_reason(res, "Prop. 5: ||w_t||^2 enters the "
                                 "interval at t = %ld and stays (paper's "
                                 "condition %s)", (long) entry,
                                 sc_w5_truth_word(paper));
            else
            {
                sc_result_reason(res, "Prop. 5: no certified entry into "
                                 "the interval within %ld steps",
                                 (long) (C.T->len - 1));
                sc_result_vacuous(res, "no entry, so no exit to check");
            }
        }
    }
    arb_clear(x); arb_clear(ra); arb_clear(rb); arb_clear(lo); arb_clear(hi);
    sc_w5_case_clear(&C);
    return S.status;
}
