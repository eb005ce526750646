/*
 * test_families.c -- family files (src/family) and the family claims
 * (theorems/families): the grid's expansion against the values written
 * in the family file (exact rationals), the judge of FAM-T2.2-rho on
 * records made here (a law known in closed form, a constant onset, points
 * that fail the hypotheses or are undecided), and the committed family
 * end to end (its T_cf slope against 2/eta_gamma, the closed form's).
 * Bad family files are tests/cli.sh's (one line, exit 2).
 *
 * Run from the repository root.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "theorems/theorems.h"
#include "num/num.h"
#include "mpfr.h"

#define SC_TEST_DEFAULT_SEED 20261207UL
#include "sc_test.h"

#define FAM_T22 "cases/families/t22-waiting-rho.json"

/* Writes text to a fresh family file beside the committed base (the
   base is named relative to it) and loads it into F. */
static int
load_text(sc_family_t F, const char * text, char * err, size_t len)
{
    const char * path = "cases/families/.test-family.json";
    FILE * f = fopen(path, "w");
    int rc;

    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    rc = sc_family_load_file(F, path, err, len);
    unlink(path);
    return rc;
}

/* The grid is the cartesian product, the last parameter fastest; each
   point's case carries its values exactly, eta_lambda sets weight_decay
   = value / eta, and the points' names and paths say their values. */
static void
test_family_expand_grid(void ** state)
{
    sc_family_t F;
    char err[SC_ERR_LEN];
    fmpq_t q, wd;

    (void) state;
    sc_family_init(F);
    fmpq_init(q);
    fmpq_init(wd);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"g\", \"claim\": \"FAM-T2.2-rho\", \"base\": "
                  "\"base/t22-waiting-base.json\", \"grid\": {\"eta_lambda\": "
                  "[\"1/100\", \"3/100\"], \"eta\": [\"2\", \"5/2\", \"3\"], "
                  "\"rho_0\": [\"1/7\"]}}", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    assert_int_equal(F->npoints, 6);
    /* point 4: eta = 3 (index 2), eta_lambda = 1/100 (index 0) */
    fmpq_set_si(q, 3, 1);
    assert_true(fmpq_equal(F->cases[4].eta, q));
    fmpq_set_si(wd, 1, 300);
    assert_true(fmpq_equal(F->cases[4].weight_decay, wd));
    fmpq_set_si(q, 1, 100);
    assert_true(fmpq_equal(sc_family_at(F, 4, SC_FAMILY_ETA_LAMBDA), q));
    fmpq_set_si(q, 1, 7);
    assert_true(fmpq_equal(sc_family_at(F, 4, SC_FAMILY_RHO0), q));
    /* point 1: eta = 2, eta_lambda = 3/100 */
    fmpq_set_si(wd, 3, 200);
    assert_true(fmpq_equal(F->cases[1].weight_decay, wd));
    assert_string_equal(F->cases[4].name, "g[eta=3,eta_lambda=1/100,"
                        "rho_0=1/7]");
    assert_string_equal(F->cases[4].path, "cases/families/.test-family.json"
                        "#eta=3,eta_lambda=1/100,rho_0=1/7");
    /* eta_gamma is the base's where not varied */
    fmpq_set_si(q, 1, 50);
    assert_true(fmpq_equal(sc_family_at(F, 0, SC_FAMILY_ETA_GAMMA), q));
    /* distinct points are distinct cases for the journal */
    assert_true(strcmp(F->cases[0].digest, F->cases[1].digest) != 0);
    assert_int_equal(sc_family_varied(F), (1 << SC_FAMILY_ETA)
                     | (1 << SC_FAMILY_ETA_LAMBDA) | (1 << SC_FAMILY_RHO0));
    fmpq_clear(wd);
    fmpq_clear(q);
    sc_family_clear(F);
}

/* A refused grid leaves the family clearable and says where. */
static void
test_family_refuses_bad_grid(void ** state)
{
    sc_family_t F;
    char err[SC_ERR_LEN];

    (void) state;
    sc_family_init(F);
    assert_int_equal(load_text(F, "{\"format\": \"spikecheck-family/1\", "
                     "\"family\": \"g\", \"claim\": \"FAM-T2.2-rho\", "
                     "\"base\": \"base/t22-waiting-base.json\", \"grid\": "
                     "{\"lambda\": [\"1\"], \"eta_lambda\": [\"1/2\"]}}",
                     err, sizeof(err)), SC_EINVAL);
    assert_non_null(strstr(err, ": grid: lambda and eta_lambda"));
    assert_int_equal(load_text(F, "{\"format\": \"spikecheck-family/1\", "
                     "\"family\": \"g\", \"claim\": \"FAM-T2.2-rho\", "
                     "\"base\": \"base/t22-waiting-base.json\", \"grid\": "
                     "{\"eta_gamma\": [\"2\"]}}", err, sizeof(err)),
                     SC_EINVAL);
    assert_non_null(strstr(err, "#eta_gamma=2: eta_gamma: "));
    sc_family_clear(F);
}

/* Records for the judge: T2.2-like, observed t1, extras t0 and T_cf. */
typedef struct
{
    sc_family_t F;
    sc_result_struct * res;
    const sc_result_struct ** rec;
    arb_ptr x;                  /* ln(1/rho_0), a second method */
}
judge_fixture;

/* x_i = ln(1/rho_0) from mpfr's log of the exact rho_0^2 at 300 bits
   (the judge uses arb_log). */
static void
judge_setup(judge_fixture * J, const char * grid)
{
    char text[1024], err[SC_ERR_LEN];
    slong i;

    sc_family_init(J->F);
    snprintf(text, sizeof(text), "{\"format\": \"spikecheck-family/1\", "
             "\"family\": \"j\", \"claim\": \"FAM-T2.2-rho\", \"base\": "
             "\"base/t22-waiting-base.json\", \"grid\": {\"rho_0\": [%s]}}",
             grid);
    if (load_text(J->F, text, err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    J->res = flint_malloc(J->F->npoints * sizeof(sc_result_struct));
    J->rec = flint_malloc(J->F->npoints * sizeof(*J->rec));
    J->x = _arb_vec_init(J->F->npoints);
    for (i = 0; i < J->F->npoints; i++)
    {
        sc_data_t D;
        mpfr_t m;

        sc_result_init(J->res + i);
        J->rec[i] = J->res + i;
        sc_data_init(D, J->F->cases + i);
        mpfr_init2(m, 300);
        fmpq_get_mpfr(m, D->rho0_sq, MPFR_RNDN);
        mpfr_log(m, m, MPFR_RNDN);
        mpfr_div_si(m, m, -2, MPFR_RNDN);
        arf_set_mpfr(arb_midref(J->x + i), m);
        mag_set_d(arb_radref(J->x + i), ldexp(1.0, -280));
        mpfr_clear(m);
        sc_data_clear(D);
    }
}

static void
judge_clear(judge_fixture * J)
{
    slong i;

    for (i = 0; i < J->F->npoints; i++)
        sc_result_clear(J->res + i);
    _arb_vec_clear(J->x, J->F->npoints);
    flint_free(J->rec);
    flint_free(J->res);
    sc_family_clear(J->F);
}

/* Point i observed t1 = t with T_cf = tc at t0 = 0. */
static void
judge_point(judge_fixture * J, slong i, sc_verdict_t v, slong t, slong tc)
{
    sc_result_reset(J->res + i);
    J->res[i].verdict = v;
    if (v == SC_NOT_APPLICABLE || v == SC_UNDECIDED)
        return;
    sc_result_set_observed_si(J->res + i, t);
    sc_result_set_extra_si(J->res + i, "t0", 0);
    sc_result_set_extra_si(J->res + i, "T_cf", tc);
}

static sc_verdict_t
judge(sc_result_t res, judge_fixture * J, const char * tol)
{
    const sc_fam_claim_struct * cl = sc_fam_lookup("FAM-T2.2-rho");
    sc_fam_points_struct pts;
    sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
    fmpq_t t;
    char err[SC_ERR_LEN];
    slong k;

    assert_non_null(cl);
    fmpq_init(t);
    assert_int_equal(sc_num_parse_fmpq(t, tol, err, sizeof(err)), SC_OK);
    pts.F = J->F;
    pts.rec = J->rec;
    pts.nneed = 1;
    pts.tol = t;
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_init(P + k);
    sc_fam_run(res, P, cl, &pts, 64, 1024);
    if (res->verdict != SC_UNDECIDED && res->verdict != SC_NOT_APPLICABLE)
        assert_int_equal(P[0].nseries, 4);
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_clear(P + k);
    fmpq_clear(t);
    return res->verdict;
}

/* t1 = 100 x_i rounded, T_cf the same: the slope is the least squares
   of those integers (computed here from the second method's x_i), within
   any tolerance of 2/eta_gamma = 100 that its rounding allows; a
   constant onset is VIOLATED with slope 0 and T_cf's slope beside it. */
static void
test_fam_t22_judge_law(void ** state)
{
    judge_fixture J;
    sc_result_t res;
    arb_ptr y;
    arb_t a, b, rms, r;
    slong i, n;

    (void) state;
    judge_setup(&J, "\"1/10\", \"1/100\", \"1/1000\", \"1/10000\"");
    n = J.F->npoints;
    y = _arb_vec_init(n);
    sc_result_init(res);
    arb_init(a);
    arb_init(b);
    arb_init(rms);
    arb_init(r);
    for (i = 0; i < n; i++)
    {
        slong t = (slong) (100 * arf_get_d(arb_midref(J.x + i), ARF_RND_NEAR)
                           + 0.5) + 3;

        judge_point(&J, i, SC_HOLDS, t, t);
        arb_set_si(y + i, t);
    }
    assert_int_equal(sc_num_fit_line(a, b, rms, J.x, y, n, 300), SC_OK);
    if (judge(res, &J, "1/100") != SC_HOLDS)
        fail_msg("%s", res->reason);
    assert_true(arb_overlaps(res->observed, b));
    assert_true(res->has_predicted);
    arb_set_si(r, 100);
    assert_true(arb_overlaps(res->predicted, r));
    assert_true(sc_fam_extra(r, res, "slope_T_cf"));
    assert_true(arb_overlaps(r, b));            /* T_cf = t1 here */
    /* the tolerance is an extra, never the prediction */
    assert_true(sc_fam_extra(r, res, "tolerance"));
    /* a tolerance the rounding does not allow: VIOLATED */
    assert_int_equal(judge(res, &J, "1/1000000000000"), SC_VIOLATED);
    for (i = 0; i < n; i++)
        judge_point(&J, i, SC_HOLDS, 52, 100 + i);
    assert_int_equal(judge(res, &J, "1/4"), SC_VIOLATED);
    assert_true(arb_contains_zero(res->observed)
                && arb_is_exact(res->observed));
    arb_clear(r);
    arb_clear(rms);
    arb_clear(b);
    arb_clear(a);
    sc_result_clear(res);
    _arb_vec_clear(y, n);
    judge_clear(&J);
}

/* Points without [T2.2]'s hypotheses at t0 = 0 are left out (too few:
   NOT-APPLICABLE); an undecided point makes the family UNDECIDED. */
static void
test_fam_t22_judge_hypotheses(void ** state)
{
    judge_fixture J;
    sc_result_t res;
    arb_t v;
    slong i;

    (void) state;
    judge_setup(&J, "\"1/10\", \"1/100\", \"1/1000\", \"1/10000\"");
    sc_result_init(res);
    arb_init(v);
    for (i = 0; i < 4; i++)
        judge_point(&J, i, SC_HOLDS, 10 + 20 * i, 10 + 20 * i);
    judge_point(&J, 0, SC_NOT_APPLICABLE, 0, 0);
    assert_int_not_equal(judge(res, &J, "1/4"), SC_NOT_APPLICABLE);
    assert_true(sc_fam_extra(v, res, "points_na"));
    assert_true(arb_is_one(v));
    judge_point(&J, 1, SC_HOLDS, 30, 30);
    sc_result_set_extra_si(J.res + 1, "t0", 2);     /* not from t0 = 0 */
    assert_int_equal(judge(res, &J, "1/4"), SC_NOT_APPLICABLE);
    judge_point(&J, 1, SC_HOLDS, 30, 30);
    judge_point(&J, 3, SC_UNDECIDED, 0, 0);
    assert_int_equal(judge(res, &J, "1/4"), SC_UNDECIDED);
    J.rec[3] = NULL;                                /* another shard's */
    assert_int_equal(judge(res, &J, "1/4"), SC_UNDECIDED);
    arb_clear(v);
    sc_result_clear(res);
    judge_clear(&J);
}

/* The committed family end to end: [T2.2] on every point, then the
   judge.  The onset does not move with rho_0 (slope 0: VIOLATED) while
   T_cf's slope is 2/eta_gamma = 100 within 1% (t* = ln(A eta_g / B) /
   eta_g with B ~ rho_0^2, its closed form). */
static void
test_fam_t22_committed_family(void ** state)
{
    sc_family_t F;
    char err[SC_ERR_LEN];
    const sc_thm_struct * t22 = sc_thm_lookup("T2.2-T");
    const sc_fam_claim_struct * cl;
    sc_result_struct * r;
    const sc_result_struct ** rec;
    sc_fam_points_struct pts;
    sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
    sc_result_t res;
    fmpq_t tol;
    arb_t v, lo, hi;
    slong i;

    (void) state;
    sc_family_init(F);
    if (sc_family_load_file(F, FAM_T22, err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    cl = sc_fam_lookup(F->claim);
    assert_non_null(cl);
    r = flint_malloc(F->npoints * sizeof(sc_result_struct));
    rec = flint_malloc(F->npoints * sizeof(*rec));
    for (i = 0; i < F->npoints; i++)
    {
        sc_ctx_t ctx;

        sc_result_init(r + i);
        sc_ctx_init(ctx, F->cases + i);
        sc_thm_run(r + i, t22, ctx, F->cases[i].precision, 4096);
        sc_ctx_clear(ctx);
        rec[i] = r + i;
    }
    fmpq_init(tol);
    fmpq_set(tol, F->tolerance);
    pts.F = F;
    pts.rec = rec;
    pts.nneed = 1;
    pts.tol = tol;
    sc_result_init(res);
    for (i = 0; i < SC_FAM_MAX_PLOTS; i++)
        sc_fam_plot_init(P + i);
    arb_init(v);
    arb_init(lo);
    arb_init(hi);
    sc_fam_run(res, P, cl, &pts, 128, 4096);
    assert_int_equal(res->verdict, SC_VIOLATED);
    assert_true(arb_is_zero(res->observed));
    assert_true(sc_fam_extra(v, res, "ratio_T_cf"));
    arb_set_d(lo, 0.99);
    arb_set_d(hi, 1.01);
    assert_true(arb_gt(v, lo) && arb_lt(v, hi));
    for (i = 0; i < SC_FAM_MAX_PLOTS; i++)
        sc_fam_plot_clear(P + i);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(v);
    sc_result_clear(res);
    fmpq_clear(tol);
    for (i = 0; i < F->npoints; i++)
        sc_result_clear(r + i);
    flint_free(rec);
    flint_free(r);
    sc_family_clear(F);
}

/* A family of the weight-decay base over eta x eta_lambda, records made
   here: W6-like, spikes, period and the loss level loss_tail_min_ratio
   (num / den with radius rad; den = 0: none recorded). */
static void
w6_point_level(sc_result_struct * r, sc_verdict_t v, slong spikes,
               const fmpq_t p, slong num, slong den, double rad)
{
    arb_t x;

    arb_init(x);
    sc_result_reset(r);
    r->verdict = v;
    if (v == SC_HOLDS)
    {
        sc_result_set_extra_si(r, "spikes", spikes);
        if (spikes >= 2)
        {
            arb_set_fmpq(x, p, 128);
            sc_result_set_extra(r, "period", x);
        }
        if (den != 0)
        {
            arb_set_si(x, num);
            arb_div_si(x, x, den, 128);
            if (rad > 0)
                mag_set_d(arb_radref(x), rad);
            sc_result_set_extra(r, "loss_tail_min_ratio", x);
        }
    }
    arb_clear(x);
}

/* A point whose loss falls to 1/1000 of e_0 in the second half. */
static void
w6_point(sc_result_struct * r, sc_verdict_t v, slong spikes, const fmpq_t p)
{
    w6_point_level(r, v, spikes, p, 1, 1000, 0);
}

static sc_verdict_t
w6_judge(sc_result_t res, sc_family_t F, const sc_result_struct ** rec,
         slong * nplots)
{
    const sc_fam_claim_struct * cl = sc_fam_lookup("FAM-W6-period");
    sc_fam_points_struct pts;
    sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
    fmpq_t t;
    slong k;

    fmpq_init(t);
    fmpq_set_si(t, 1, 10);
    pts.F = F;
    pts.rec = rec;
    pts.nneed = 1;
    pts.tol = t;
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_init(P + k);
    sc_fam_run(res, P, cl, &pts, 64, 1024);
    for (k = 0, *nplots = 0; k < SC_FAM_MAX_PLOTS; k++)
    {
        *nplots += P[k].nseries > 0;
        sc_fam_plot_clear(P + k);
    }
    fmpq_clear(t);
    return res->verdict;
}

/* period = 7/5 / (eta lambda) exactly: spread 1 (HOLDS), slope 7/5 and
   intercept 0 exactly; one period 6/5 of the law: VIOLATED with max/min
   = 6/5 exactly; spikes 1 and 0 are regimes, not periods; fewer than 3
   periodic points: NOT-APPLICABLE; an undecided point: UNDECIDED. */
static void
test_fam_w6_judge(void ** state)
{
    sc_family_t F;
    char err[SC_ERR_LEN];
    sc_result_struct r[9];
    const sc_result_struct * rec[9];
    sc_result_t res;
    fmpq_t p, q;
    arb_t v;
    slong i, nplots;

    (void) state;
    sc_family_init(F);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"w\", \"claim\": \"FAM-W6-period\", \"base\": "
                  "\"base/wd-period-base.json\", \"grid\": {\"eta\": [\"1\", "
                  "\"2\", \"4\"], \"eta_lambda\": [\"1/100\", \"1/50\", "
                  "\"1/25\"]}}", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    assert_int_equal(F->npoints, 9);
    sc_result_init(res);
    fmpq_init(p);
    fmpq_init(q);
    arb_init(v);
    for (i = 0; i < 9; i++)
    {
        sc_result_init(r + i);
        rec[i] = r + i;
        fmpq_set_si(q, 7, 5);
        fmpq_div(p, q, sc_family_at(F, i, SC_FAMILY_ETA_LAMBDA));
        w6_point(r + i, SC_HOLDS, 10, p);
    }
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_HOLDS);
    assert_int_equal(nplots, 2);
    assert_true(arb_contains_si(res->observed, 1));
    fmpq_set_si(q, 7, 5);
    assert_true(sc_fam_extra(v, res, "slope") && arb_contains_fmpq(v, q));
    assert_true(sc_fam_extra(v, res, "intercept") && arb_contains_zero(v));
    /* point 4 (eta = 2, eta lambda = 1/50): 6/5 of the law */
    fmpq_set_si(q, 42, 25);
    fmpq_div(p, q, sc_family_at(F, 4, SC_FAMILY_ETA_LAMBDA));
    w6_point(r + 4, SC_HOLDS, 10, p);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_VIOLATED);
    fmpq_set_si(q, 6, 5);
    assert_true(arb_contains_fmpq(res->observed, q));
    assert_true(sc_fam_extra(v, res, "fixed_product_spread")
                && arb_contains_fmpq(v, q));
    w6_point(r + 4, SC_HOLDS, 1, p);
    w6_point(r + 5, SC_HOLDS, 0, p);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_HOLDS);
    assert_true(sc_fam_extra(v, res, "one_spike") && arb_is_one(v));
    assert_true(sc_fam_extra(v, res, "no_spike") && arb_is_one(v));
    for (i = 0; i < 7; i++)
        w6_point(r + i, SC_NOT_APPLICABLE, 0, p);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_NOT_APPLICABLE);
    w6_point(r + 0, SC_UNDECIDED, 0, p);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_UNDECIDED);
    for (i = 0; i < 9; i++)
        sc_result_clear(r + i);
    arb_clear(v);
    fmpq_clear(q);
    fmpq_clear(p);
    sc_result_clear(res);
    sc_family_clear(F);
}

/* extra name of res as an integer (the regime counts) */
static slong
w6_count(const sc_result_t res, const char * name)
{
    arb_t v;
    slong k;

    arb_init(v);
    if (!sc_fam_extra(v, res, name))
        fail_msg("extra %s missing", name);
    k = arf_get_si(arb_midref(v), ARF_RND_NEAR);
    arb_clear(v);
    return k;
}

/* The regime map's classes on records made here: the loss level decides
   stuck (loss_tail_min_ratio >= 1/100) before the spike count; a ball
   straddling 1/100, or a record without the level, is "regime undecided",
   never guessed; a stuck point with a period stays one of the law's
   points, so the verdict does not move with the map. */
static void
test_fam_w6_regimes(void ** state)
{
    sc_family_t F;
    char err[SC_ERR_LEN];
    sc_result_struct r[9];
    const sc_result_struct * rec[9];
    sc_result_t res;
    fmpq_t p, q;
    slong i, nplots;

    (void) state;
    sc_family_init(F);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"w\", \"claim\": \"FAM-W6-period\", \"base\": "
                  "\"base/wd-period-base.json\", \"grid\": {\"eta\": [\"1\", "
                  "\"2\", \"4\"], \"eta_lambda\": [\"1/100\", \"1/50\", "
                  "\"1/25\"]}}", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    sc_result_init(res);
    fmpq_init(p);
    fmpq_init(q);
    fmpq_set_si(q, 7, 5);
    for (i = 0; i < 9; i++)
    {
        sc_result_init(r + i);
        rec[i] = r + i;
        fmpq_div(p, q, sc_family_at(F, i, SC_FAMILY_ETA_LAMBDA));
        w6_point(r + i, SC_HOLDS, 10, p);
    }
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_HOLDS);
    assert_int_equal(w6_count(res, "periodic"), 9);
    assert_int_equal(w6_count(res, "stuck"), 0);
    assert_int_equal(w6_count(res, "regime_undecided"), 0);
    /* just above and just below the level, without spikes */
    w6_point_level(r + 0, SC_HOLDS, 0, p, 101, 10000, 0);
    w6_point_level(r + 1, SC_HOLDS, 0, p, 99, 10000, 0);
    /* one spike and a high loss: stuck; one spike and a low loss */
    w6_point_level(r + 2, SC_HOLDS, 1, p, 1, 2, 0);
    w6_point_level(r + 3, SC_HOLDS, 1, p, 1, 1000, 0);
    /* periodic spikes at a high loss: stuck on the map, in the law */
    fmpq_div(p, q, sc_family_at(F, 4, SC_FAMILY_ETA_LAMBDA));
    w6_point_level(r + 4, SC_HOLDS, 10, p, 1, 20, 0);
    /* [0.0099, 0.0101] straddles 1/100; no level recorded */
    fmpq_div(p, q, sc_family_at(F, 5, SC_FAMILY_ETA_LAMBDA));
    w6_point_level(r + 5, SC_HOLDS, 10, p, 1, 100, 1e-4);
    fmpq_div(p, q, sc_family_at(F, 6, SC_FAMILY_ETA_LAMBDA));
    w6_point_level(r + 6, SC_HOLDS, 10, p, 0, 0, 0);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_HOLDS);
    assert_int_equal(nplots, 2);
    assert_int_equal(w6_count(res, "stuck"), 3);
    assert_int_equal(w6_count(res, "no_spike"), 1);
    assert_int_equal(w6_count(res, "one_spike"), 1);
    assert_int_equal(w6_count(res, "regime_undecided"), 2);
    assert_int_equal(w6_count(res, "periodic"), 2);
    assert_int_equal(w6_count(res, "law_points"), 5);
    /* the straddling ball decided: below the level it is periodic */
    fmpq_div(p, q, sc_family_at(F, 5, SC_FAMILY_ETA_LAMBDA));
    w6_point_level(r + 5, SC_HOLDS, 10, p, 98, 10000, 1e-4);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_HOLDS);
    assert_int_equal(w6_count(res, "regime_undecided"), 1);
    assert_int_equal(w6_count(res, "periodic"), 3);
    /* a W6-a record that is UNDECIDED: the claim is UNDECIDED */
    w6_point(r + 7, SC_UNDECIDED, 0, p);
    assert_int_equal(w6_judge(res, F, rec, &nplots), SC_UNDECIDED);
    for (i = 0; i < 9; i++)
        sc_result_clear(r + i);
    fmpq_clear(q);
    fmpq_clear(p);
    sc_result_clear(res);
    sc_family_clear(F);
}

/* FAM-T5-entry on records made here: entry steps that fall with eta /
   ||w_0||^2 HOLD; a later entry at a larger effective step, or two
   entries at one effective step, are VIOLATED with the pair's steps; a
   point without its measurement is UNDECIDED. */
static void
test_fam_t5_judge(void ** state)
{
    const sc_fam_claim_struct * cl = sc_fam_lookup("FAM-T5-entry");
    sc_family_t F;
    char err[SC_ERR_LEN];
    sc_result_struct r[4];
    const sc_result_struct * rec[4];
    sc_fam_points_struct pts;
    sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
    sc_result_t res;
    fmpq_t tol;
    slong i, k;
    /* points (eta, norm2): (1,1) (1,4) (4,1) (4,4): x = 1, 1/4, 4, 1 */
    static const slong good[4] = { 9, 18, 4, 9 };

    (void) state;
    assert_non_null(cl);
    sc_family_init(F);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"e\", \"claim\": \"FAM-T5-entry\", \"base\": "
                  "\"base/t5-entry-base.json\", \"grid\": {\"eta\": [\"1\", "
                  "\"4\"], \"norm2\": [\"1\", \"4\"]}}", err, sizeof(err))
        != SC_OK)
        fail_msg("%s", err);
    sc_result_init(res);
    fmpq_init(tol);
    pts.F = F;
    pts.rec = rec;
    pts.nneed = 1;
    pts.tol = tol;
    for (i = 0; i < 4; i++)
    {
        sc_result_init(r + i);
        rec[i] = r + i;
        r[i].verdict = SC_HOLDS;
        sc_result_set_extra_si(r + i, "entry_half_t", good[i]);
    }
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_init(P + k);
    sc_fam_run(res, P, cl, &pts, 64, 256);
    if (res->verdict != SC_HOLDS)
        fail_msg("%s", res->reason);
    assert_true(P[0].nseries == 2);
    /* (4,1) enters after (1,1) although its x is larger */
    sc_result_set_extra_si(r + 2, "entry_half_t", 12);
    sc_fam_run(res, P, cl, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_VIOLATED);
    assert_true(res->has_predicted && res->has_observed);
    assert_true(arb_equal_si(res->observed, 12));
    sc_result_set_extra_si(r + 2, "entry_half_t", 4);
    /* never entering at the smallest x is no counterexample; at the
       largest it is */
    sc_result_set_extra_si(r + 1, "entry_half_t", -1);
    sc_fam_run(res, P, cl, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_HOLDS);
    sc_result_set_extra_si(r + 2, "entry_half_t", -1);
    sc_fam_run(res, P, cl, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_VIOLATED);
    assert_non_null(res->novalue);
    sc_result_reset(r + 3);
    r[3].verdict = SC_HOLDS;
    sc_fam_run(res, P, cl, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_UNDECIDED);
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_clear(P + k);
    for (i = 0; i < 4; i++)
        sc_result_clear(r + i);
    fmpq_clear(tol);
    sc_result_clear(res);
    sc_family_clear(F);
}

/* Sets the [T5.3-3] extra name of record r to the ball mid +- rad. */
static void
set_ball(sc_result_struct * r, const char * name, double mid, double rad)
{
    arb_t v;

    arb_init(v);
    arb_set_d(v, mid);
    arb_add_error_2exp_si(v, -60);
    if (rad > 0)
    {
        mag_set_d(arb_radref(v), rad);
    }
    sc_result_set_extra(r, name, v);
    arb_clear(v);
}

/* A grid over the logistic generator's margin: each point's data have
   exactly the grid's margin (m^2 = 1 / ||w*||^2 over Q: the generator
   builds X~ w* = y with w* = e_1 / s), and a base whose data are not
   the generator's is refused with the grid's field named. */
static void
test_family_margin_grid(void ** state)
{
    static const char * const m[3] = { "1/4", "1/2", "1" };
    sc_family_t F;
    char err[SC_ERR_LEN];
    fmpq_t s, m2;
    slong i;

    (void) state;
    sc_family_init(F);
    fmpq_init(s);
    fmpq_init(m2);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"m\", \"claim\": \"FAM-T5-exit\", \"base\": "
                  "\"base/t5-entry-base.json\", \"grid\": {\"margin\": "
                  "[\"1/4\", \"1/2\", \"1\"]}}", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    assert_int_equal(F->npoints, 3);
    for (i = 0; i < 3; i++)
    {
        sc_data_t D;

        assert_int_equal(fmpq_set_str(s, m[i], 10), 0);
        assert_true(fmpq_equal(sc_family_at(F, i, SC_FAMILY_MARGIN), s));
        sc_data_init(D, F->cases + i);
        assert_true(D->has_ref);
        fmpq_inv(m2, D->c2);
        fmpq_mul(s, s, s);
        assert_true(fmpq_equal(m2, s));
        sc_data_clear(D);
    }
    sc_family_clear(F);
    sc_family_init(F);
    assert_int_equal(load_text(F, "{\"format\": \"spikecheck-family/1\", "
                     "\"family\": \"m\", \"claim\": \"FAM-T5-exit\", "
                     "\"base\": \"base/t22-waiting-base.json\", \"grid\": "
                     "{\"margin\": [\"1\", \"2\"]}}", err, sizeof(err)),
                     SC_EINVAL);
    assert_non_null(strstr(err, "grid.margin"));
    fmpq_clear(m2);
    fmpq_clear(s);
    sc_family_clear(F);
}

/* FAM-T5-exit and FAM-T5-depth on records made here over the margins
   1/4, 1/2, 1: an exit threshold falling with the margin HOLDS, one that
   rises is VIOLATED with the other point's value predicted; balls that
   overlap are UNDECIDED (at the cap); the depth claim wants the
   opposite order, leaves out a point without a rising step and is
   UNDECIDED when a point's first rising step is. */
static void
test_fam_t5_margin_judges(void ** state)
{
    const sc_fam_claim_struct * ex = sc_fam_lookup("FAM-T5-exit");
    const sc_fam_claim_struct * de = sc_fam_lookup("FAM-T5-depth");
    static const double exit_v[3] = { 200, 60, 15 };
    static const double depth_v[3] = { 1e-3, 1e-2, 5e-2 };
    sc_family_t F;
    char err[SC_ERR_LEN];
    sc_result_struct r[3];
    const sc_result_struct * rec[3];
    sc_fam_points_struct pts;
    sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
    sc_result_t res;
    fmpq_t tol;
    slong i, k;

    (void) state;
    assert_non_null(ex);
    assert_non_null(de);
    sc_family_init(F);
    if (load_text(F, "{\"format\": \"spikecheck-family/1\", \"family\": "
                  "\"m\", \"claim\": \"FAM-T5-exit\", \"base\": "
                  "\"base/t5-entry-base.json\", \"grid\": {\"margin\": "
                  "[\"1/4\", \"1/2\", \"1\"]}}", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    sc_result_init(res);
    fmpq_init(tol);
    pts.F = F;
    pts.rec = rec;
    pts.nneed = 1;
    pts.tol = tol;
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_init(P + k);
    for (i = 0; i < 3; i++)
    {
        sc_result_init(r + i);
        rec[i] = r + i;
        r[i].verdict = SC_HOLDS;
        set_ball(r + i, "rho_exit_min", exit_v[i], 0);
        set_ball(r + i, "rho_rise_first", depth_v[i], 0);
        sc_result_set_extra_si(r + i, "rise_first_t", 10 * (i + 1));
    }
    sc_fam_run(res, P, ex, &pts, 64, 256);
    if (res->verdict != SC_HOLDS)
        fail_msg("%s", res->reason);
    assert_true(P[0].nseries == 2 && P[0].logx && P[0].logy);
    sc_fam_run(res, P, de, &pts, 64, 256);
    if (res->verdict != SC_HOLDS)
        fail_msg("%s", res->reason);
    /* the exit threshold at margin 1 above the one at 1/2 */
    set_ball(r + 2, "rho_exit_min", 70, 0);
    sc_fam_run(res, P, ex, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_VIOLATED);
    assert_true(res->has_predicted && res->has_observed);
    assert_true(arb_contains_si(res->predicted, 70));
    assert_true(arb_contains_si(res->observed, 60));
    /* overlapping balls decide nothing */
    set_ball(r + 2, "rho_exit_min", 60, 1);
    sc_fam_run(res, P, ex, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_UNDECIDED);
    /* depth: rising at margin 1/4 from higher up than at 1 */
    set_ball(r + 0, "rho_rise_first", 0.1, 0);
    sc_fam_run(res, P, de, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_VIOLATED);
    assert_int_equal(res->step, 10);
    /* a point without a rising step is left out: 1/2 against 1 holds */
    sc_result_reset(r + 0);
    r[0].verdict = SC_HOLDS;
    set_ball(r + 0, "rho_exit_min", exit_v[0], 0);
    sc_fam_run(res, P, de, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_HOLDS);
    sc_result_set_extra_si(r + 0, "rise_first_undecided", 3);
    sc_fam_run(res, P, de, &pts, 64, 256);
    assert_int_equal(res->verdict, SC_UNDECIDED);
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_clear(P + k);
    for (i = 0; i < 3; i++)
        sc_result_clear(r + i);
    fmpq_clear(tol);
    sc_result_clear(res);
    sc_family_clear(F);
}

/* Every family claim reads claims of the registry (a renamed or split
   claim would leave a sweep without its records). */
static void
test_fam_table_needs_registry_claims(void ** state)
{
    slong i, j;

    (void) state;
    for (i = 0; i < sc_fam_count; i++)
    {
        assert_non_null(sc_fam_table[i].need[0]);
        for (j = 0; j < SC_FAM_MAX_NEED && sc_fam_table[i].need[j]; j++)
            if (sc_thm_lookup(sc_fam_table[i].need[j]) == NULL)
                fail_msg("%s reads %s, not a claim of the registry",
                         sc_fam_table[i].thm.id, sc_fam_table[i].need[j]);
        assert_ptr_equal(sc_fam_lookup(sc_fam_table[i].thm.id),
                         sc_fam_table + i);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fam_table_needs_registry_claims),
        cmocka_unit_test(test_family_expand_grid),
        cmocka_unit_test(test_family_refuses_bad_grid),
        cmocka_unit_test(test_fam_t22_judge_law),
        cmocka_unit_test(test_fam_t22_judge_hypotheses),
        cmocka_unit_test(test_fam_t22_committed_family),
        cmocka_unit_test(test_fam_w6_judge),
        cmocka_unit_test(test_fam_w6_regimes),
        cmocka_unit_test(test_fam_t5_judge),
        cmocka_unit_test(test_family_margin_grid),
        cmocka_unit_test(test_fam_t5_margin_judges),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
