/*
 * [A1-A4] The data hypotheses of BN logistic regression and the facts the
 * logistic checkers draw from them.
 *
 *   If A3 holds (every sample on the margin of the Euclidean hard-margin
 *   SVM w*, X~ w* = y), then
 *     (a) sum_i y_i = 0 and ||w*||_Sigma = 1;
 *     (b) the dual weights alpha >= 0 satisfy X~^T (alpha (.) y) = w* and
 *         sum_i alpha_i = 1 / m^2 (m = 1 / ||w*||, the margin);
 *     (c) lambda_min <= m^2 <= lambda_max (nonzero spectrum of Sigma);
 *   and if A4 holds too (some alpha > 0 entrywise):
 *     (d) beta > 0 (Definition 2), and when beta is computed exactly,
 *         beta >= alpha_min sqrt(n lambda_min) / (2 sum alpha).
 *   A1 (n < d) and rank X~ = n - 1 are reported, not required.
 *
 * Source: paper Section 3, Assumptions 1-4, Definition 2 (App. C);
 * LOGISTIC.md section 1 ("Assumptions", "Consequences", Definition 2) and
 * section 3 ("Verify").  The formulas are the spec's reconstruction (the
 * paper's are lost), hence SC_PROV_RECONSTRUCTED.
 *
 * Rigour: A1-A4, w*, alpha, m^2 come from the exact data layer
 * (data/svm.h: fmpq, closed form or exact simplex); (a) and (b) are checked
 * exactly in fmpq; (c) and (d) with the certified spectrum and beta balls,
 * SC_UNABLE when a comparison cannot be separated.  (c) is then decided
 * exactly (sc_svm_m2_position: m^2 a root of the exact characteristic
 * polynomial, the other roots isolated from it), since m^2 = lambda_min or
 * lambda_max is common (equal dual weights make u* an eigenvector of
 * Sigma) and no enclosure decides an equality.  The test hook
 * ctx->factor multiplies ||w*||_Sigma^2, m^2 sum alpha, m^2 in (c) and the
 * lower bound in (d).  NOT-APPLICABLE for the square loss and when A3 fails
 * (the reason names the failing hypothesis).
 */
#include <stdio.h>
#include "theorems/logistic/logistic.h"

/* (a) and (b) exactly; returns the name of the failing claim or NULL. */
static const char *
sc_a14_exact(const sc_ctx_t ctx, const fmpq_t f)
{
    const sc_svm_struct * S = ctx->data->svm;
    const fmpq_mat_struct * y = ctx->cs->y;
    slong i, n = ctx->cs->n, d = ctx->cs->d;
    const char * bad = NULL;
    fmpq_mat_t ay, Xt, w, Xw;
    fmpq_t t, u;

    fmpq_mat_init(ay, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(w, d, 1);
    fmpq_mat_init(Xw, n, 1);
    fmpq_init(t);
    fmpq_init(u);
    for (i = 0; i < n; i++)
        fmpq_add(t, t, fmpq_mat_entry(y, i, 0));
    if (!fmpq_is_zero(t))
        bad = "(a) sum y != 0";
    fmpq_mat_mul(Xw, ctx->data->Xc, S->wstar);
    if (bad == NULL && !fmpq_mat_equal(Xw, y))
        bad = "(a) X~ w* != y";
    sc_data_dot(t, Xw, Xw);                 /* ||w*||_Sigma^2 = t / n */
    fmpq_set_si(u, n, 1);
    fmpq_div(t, t, u);
    fmpq_mul(t, t, f);
    if (bad == NULL && !fmpq_is_one(t))
        bad = "(a) ||w*||_Sigma != 1";
    fmpq_zero(t);
    for (i = 0; i < n; i++)
    {
        const fmpq * ai = fmpq_mat_entry(S->alpha, i, 0);

        if (bad == NULL && fmpq_sgn(ai) < 0)
            bad = "(b) a dual weight alpha_i < 0";
        fmpq_add(t, t, ai);
        fmpq_mul(fmpq_mat_entry(ay, i, 0), ai, fmpq_mat_entry(y, i, 0));
    }
    fmpq_mat_transpose(Xt, ctx->data->Xc);
    fmpq_mat_mul(w, Xt, ay);
    if (bad == NULL && !fmpq_mat_equal(w, S->wstar))
        bad = "(b) X~^T (alpha (.) y) != w*";
    fmpq_mul(t, t, S->m2);
    fmpq_mul(t, t, f);
    if (bad == NULL && !fmpq_is_one(t))
        bad = "(b) sum alpha != 1 / m^2";
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_mat_clear(Xw);
    fmpq_mat_clear(w);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(ay);
    return bad;
}

/* (c) lambda_min <= f m^2 <= lambda_max: SC_TRUE, SC_FALSE (certified) or
   SC_UNKNOWN. */
static sc_truth_t
sc_a14_margin_in_spectrum(arb_t m2, const arb_t lmin, const arb_t lmax,
                          const sc_ctx_t ctx, const arb_t f, slong prec)
{
    const sc_svm_struct * S = ctx->data->svm;

    arb_set_fmpq(m2, S->m2, prec);
    arb_mul(m2, m2, f, prec);
    if (arb_lt(m2, lmin) || arb_gt(m2, lmax))
        return SC_FALSE;
    if (arb_ge(m2, lmin) && arb_le(m2, lmax))
        return SC_TRUE;
    /* m^2 may equal lambda_min or lambda_max, which no enclosure decides:
       without a control factor, decide it exactly */
    if (fmpq_is_one(ctx->factor) && S->m2_place == SC_OK)
        return (S->m2_equal > 0 || (S->m2_below > 0 && S->m2_above > 0))
               ? SC_TRUE : SC_FALSE;
    return SC_UNKNOWN;
}

/* lb = f alpha_min sqrt(n lambda_min) / (2 sum alpha), sum alpha = 1/m^2 */
static void
sc_a14_beta_lower(arb_t lb, const sc_ctx_t ctx, const arb_t lmin,
                  const arb_t f, slong prec)
{
    const sc_svm_struct * S = ctx->data->svm;
    arb_t t;

    arb_init(t);
    arb_mul_si(lb, lmin, ctx->cs->n, prec);
    arb_sqrtpos(lb, lb, prec);
    arb_set_fmpq(t, S->alpha_min, prec);
    arb_mul(lb, lb, t, prec);
    arb_set_fmpq(t, S->m2, prec);
    arb_mul(lb, lb, t, prec);
    arb_mul_2exp_si(lb, lb, -1);
    arb_mul(lb, lb, f, prec);
    arb_clear(t);
}

/* (d): SC_OK with the verdict set, or SC_UNABLE. */
static int
sc_a14_beta(sc_result_t res, const sc_ctx_t ctx, const arb_t lmin,
            const arb_t f, slong prec)
{
    const sc_svm_struct * S = ctx->data->svm;
    arb_t beta, lb, s;
    int status = SC_OK;

    arb_init(beta);
    arb_init(lb);
    arb_init(s);
    sc_svm_beta(beta, S, prec);
    sc_a14_beta_lower(lb, ctx, lmin, f, prec);
    if (!arb_is_positive(beta))
    {
        /* beta is exact, or a positive lower bound when A4 holds: a ball
           that reaches 0 is a precision matter */
        sc_result_reason(res, "beta > 0 not resolved");
        status = SC_UNABLE;
    }
    else if (S->beta_exact && arb_gt(lb, beta))
    {
        res->verdict = SC_VIOLATED;
        sc_result_set_predicted(res, lb);
        sc_result_set_observed(res, beta);
        sc_result_reason(res, "(d) beta < alpha_min sqrt(n lambda_min) / "
                         "(2 sum alpha)");
    }
    else if (S->beta_exact && !arb_le(lb, beta))
    {
        sc_result_reason(res, "beta >= its lower bound not resolved");
        status = SC_UNABLE;
    }
    else if (S->beta_exact)
    {
        sc_result_set_predicted(res, lb);
        sc_result_set_observed(res, beta);
        arb_div(s, beta, lb, prec);
        sc_result_set_slack(res, s);
    }
    arb_clear(s);
    arb_clear(lb);
    arb_clear(beta);
    return status;
}

/* "A1 holds" / "A1 fails (n >= d)" and the rank, for the reasons */
static void
sc_a14_extras(char * buf, size_t len, const sc_svm_struct * S)
{
    snprintf(buf, len, "A1 %s, rank X~ %s n - 1",
             S->a1 ? "holds" : "fails (n >= d)", S->rank_ok ? "=" : "<");
}

int
sc_thm_a14_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_svm_struct * S;
    const char * bad;
    char extra[96];
    arb_t f, lmin, lmax, m2;
    fmpq_t fq;
    sc_truth_t in;
    int status = SC_OK;

    if (!ctx->data->has_svm)
    {
        sc_result_not_applicable(res, "square loss", "[A1-A4] is about "
                                 "the logistic loss");
        return SC_OK;
    }
    S = ctx->data->svm;
    sc_a14_extras(extra, sizeof extra, S);
    if (!S->a3)
    {
        sc_result_not_applicable(res, sc_logi_fail_label(S), "%s (%s)",
                                 S->why, extra);
        return SC_OK;
    }
    res->certificate = "exact data facts (fmpq) and certified enclosures "
                       "of the spectrum and beta";
    fmpq_init(fq);
    arb_init(f);
    arb_init(lmin);
    arb_init(lmax);
    arb_init(m2);
    fmpq_set(fq, ctx->factor);
    sc_thm_factor(f, ctx, prec);
    sc_svm_lambda(lmin, lmax, S, prec);

    res->verdict = SC_HOLDS;
    bad = sc_a14_exact(ctx, fq);
    in = sc_a14_margin_in_spectrum(m2, lmin, lmax, ctx, f, prec);
    if (bad != NULL)
    {
        res->verdict = SC_VIOLATED;
        sc_result_reason(res, "%s", bad);
        sc_result_no_value(res, "an identity of the data over Q");
    }
    else if (in == SC_FALSE)
    {
        res->verdict = SC_VIOLATED;
        sc_result_set_observed(res, m2);
        sc_result_no_value(res, "an interval claim: m^2 (observed) "
                           "outside [lambda_min, lambda_max]");
        sc_result_reason(res, "(c) m^2 outside [lambda_min, lambda_max]");
    }
    else if (in == SC_UNKNOWN)
    {
        sc_result_reason(res, "(c) m^2 in [lambda_min, lambda_max] not "
                         "resolved");
        status = SC_UNABLE;
    }
    else if (S->a4)
        status = sc_a14_beta(res, ctx, lmin, f, prec);
    if (status == SC_OK && res->verdict == SC_HOLDS)
        sc_result_reason(res, "A3: (a)-(c) hold%s; %s",
                         !S->a4 ? "; A4 fails (beta = 0)"
                         : S->beta_exact ? "; A4: beta > 0 and >= its "
                           "lower bound (exact beta)"
                         : "; A4: beta >= its lower bound > 0", extra);

    arb_clear(m2);
    arb_clear(lmax);
    arb_clear(lmin);
    arb_clear(f);
    fmpq_clear(fq);
    return status;
}
