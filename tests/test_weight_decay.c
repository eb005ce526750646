/*
 * test_weight_decay.c -- the weight-decay checkers [W1]-[W6] of BEYOND.md
 * section 1 (seed 004, Lobacheva et al.).
 *
 * Independent values:
 * - a hand-checkable 2-d case (X~ = the four sign vectors, Sigma = I,
 *   y = second column, w_0 = (3, 4) so ||w_0|| = 5): the gradient, the
 *   decayed step, ||w_1||^2 and cos^2(w_0, w_1) are exact rationals
 *   computed here from the unsimplified chain rule;
 * - [W4] against a second GD run written here: plain GD in balls with the
 *   growing step eta (1 - eta lambda)^(-2t-1) from w_0;
 * - [W5-G] the golden interval [sqrt 10, 10] and the fixed-point ratio
 *   sqrt(20/19) of the Prop. 3 counterexample, in closed form;
 * - [W5-P5] on tests/data/wd_steady.json: wd_oscillation.json restarted
 *   from the midpoint of its certified state t = 2000 (rounded to 2^-200),
 *   so that the steady oscillation, where Prop. 5's condition holds, fills
 *   the horizon;
 * - every checker is made to fail through ctx->factor, and to be
 *   NOT-APPLICABLE where its hypotheses fail.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "theorems/theorems.h"
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 20261123UL
#include "sc_test.h"

#define SC_CAP 4096

static const char * tiny_case =
    "{\"format\": \"spikecheck-case/1\", \"name\": \"wd-tiny\", "
    "\"loss\": \"square\", "
    "\"data\": {\"X\": [[\"1\", \"1\"], [\"1\", \"-1\"], [\"-1\", \"1\"], "
    "[\"-1\", \"-1\"]], \"y\": [\"1\", \"-1\", \"1\", \"-1\"]}, "
    "\"init\": {\"w\": [\"3\", \"4\"], \"gamma\": \"1/2\"}, "
    "\"eta\": \"1/2\", \"eta_gamma\": \"1/10\", \"weight_decay\": \"1/10\", "
    "\"steps\": 20, \"precision\": 128%s}";

#include "sc_fixture.h"

static sc_fixture *
fixture_string(const char * extra)
{
    sc_fixture * f = test_malloc(sizeof(sc_fixture));
    char text[1024], err[SC_ERR_LEN];

    snprintf(text, sizeof(text), tiny_case, extra);
    sc_case_init(f->c);
    if (sc_case_load_string(f->c, text, "tiny", err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    sc_ctx_init(f->ctx, f->c);
    return f;
}


static slong
extra_si(const sc_result_t res, const char * name)
{
    return arf_get_si(arb_midref(sc_extra(res, name)), ARF_RND_NEAR);
}

/* ---- the hand-checkable 2-d case ---------------------------------------- */

/* g = grad_w L at w = (3, 4), gamma = 1/2 on the tiny case, exactly:
   u = w / 5, f_i = gamma <x_i, u>, g = -(1/n) sum (y_i - f_i) gamma
   (x_i - <x_i, u> u) / 5. */
static void
tiny_gradient(fmpq_t g0, fmpq_t g1)
{
    static const slong X[4][2] = { {1, 1}, {1, -1}, {-1, 1}, {-1, -1} };
    static const slong y[4] = { 1, -1, 1, -1 };
    fmpq_t u0, u1, gam, xu, r, t;
    fmpz_t twenty;
    slong i;

    fmpz_init_set_ui(twenty, 20);
    fmpq_init(u0); fmpq_init(u1); fmpq_init(gam); fmpq_init(xu);
    fmpq_init(r); fmpq_init(t);
    fmpq_set_si(u0, 3, 5);
    fmpq_set_si(u1, 4, 5);
    fmpq_set_si(gam, 1, 2);
    fmpq_zero(g0);
    fmpq_zero(g1);
    for (i = 0; i < 4; i++)
    {
        fmpq_mul_si(xu, u0, X[i][0]);
        fmpq_addmul(xu, u1, (fmpq_set_si(t, X[i][1], 1), t));
        fmpq_mul(r, gam, xu);
        fmpq_sub_si(r, r, y[i]);                /* f_i - y_i */
        fmpq_mul(r, r, gam);
        fmpq_div_fmpz(r, r, twenty);            /* / (n ||w||) */
        fmpq_mul(t, xu, u0);
        fmpq_sub_si(t, t, X[i][0]);
        fmpq_neg(t, t);
        fmpq_addmul(g0, r, t);
        fmpq_mul(t, xu, u1);
        fmpq_sub_si(t, t, X[i][1]);
        fmpq_neg(t, t);
        fmpq_addmul(g1, r, t);
    }
    fmpq_clear(u0); fmpq_clear(u1); fmpq_clear(gam); fmpq_clear(xu);
    fmpq_clear(r); fmpq_clear(t);
    fmpz_clear(twenty);
}

static void
test_wd_w1_w2_known_answers(void ** state)
{
    sc_fixture * f = fixture_string("");
    const sc_traj_struct * T;
    fmpq_t g0, g1, v0, v1, W1, g2, q1, x, y;
    fmpz_t twentyfive;
    arb_t b;
    sc_result_t res;

    (void) state;
    fmpz_init_set_ui(twentyfive, 25);
    fmpq_init(g0); fmpq_init(g1); fmpq_init(v0); fmpq_init(v1);
    fmpq_init(W1); fmpq_init(g2); fmpq_init(q1); fmpq_init(x); fmpq_init(y);
    arb_init(b);
    sc_result_init(res);
    tiny_gradient(g0, g1);
    fmpq_set_si(q1, 19, 20);                    /* 1 - eta lambda */
    /* w_1 = q1 w_0 - g / 2 */
    fmpq_set_si(v0, 57, 20);
    fmpq_div_2exp(x, g0, 1);
    fmpq_sub(v0, v0, x);
    fmpq_set_si(v1, 76, 20);
    fmpq_div_2exp(x, g1, 1);
    fmpq_sub(v1, v1, x);
    fmpq_mul(W1, v0, v0);
    fmpq_addmul(W1, v1, v1);
    fmpq_mul(g2, g0, g0);
    fmpq_addmul(g2, g1, g1);
    /* <g, w> = 0 and [W1]: ||w_1||^2 = q1^2 25 + g2 / 4, exactly */
    fmpq_mul_si(x, g0, 3);
    fmpq_addmul(x, g1, (fmpq_set_si(y, 4, 1), y));
    assert_true(fmpq_is_zero(x));
    assert_false(fmpq_is_zero(g2));
    fmpq_mul(x, q1, q1);
    fmpq_mul_si(x, x, 25);
    fmpq_div_2exp(y, g2, 2);
    fmpq_add(x, x, y);
    assert_true(fmpq_equal(x, W1));
    /* [W2]: cos^2 = <w, w1>^2 / (25 W1) = 1 / (1 + g~^2 / (4 q1^2 625)),
       g~^2 = 25 g2 */
    fmpq_mul_si(x, v0, 3);
    fmpq_addmul(x, v1, (fmpq_set_si(y, 4, 1), y));
    fmpq_mul(x, x, x);
    fmpq_div(x, x, W1);
    fmpq_div_fmpz(x, x, twentyfive);
    fmpq_mul(y, q1, q1);
    fmpq_mul_si(y, y, 4 * 625);
    fmpq_div(y, g2, y);
    fmpq_mul_si(y, y, 25);
    fmpq_add_si(y, y, 1);
    fmpq_inv(y, y);
    assert_true(fmpq_equal(x, y));                /* x = cos_0^2 kept */
    /* the library's certified W_1 encloses the exact value */
    T = sc_ctx_full(f->ctx, 128);
    arb_set_fmpq(b, W1, 128);
    assert_true(arb_overlaps(b, T->W + 1));
    assert_true(arb_contains(T->W + 1, b) || arb_contains(b, T->W + 1)
                || arb_overlaps(b, T->W + 1));
    assert_int_equal(sc_run_case(res, f, "W1-id", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, f, "W1-15", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, f, "W2", 1, 1), SC_HOLDS);
    /* the paper's (4a) with L = g~_0, delta = 1 - cos_0: 2 delta W^2 <=
       eta^2 g~^2 with K = eta^2 g~^2 / (2 W^2) reads cos_0 >= 1 - K, i.e.
       (for 0 < K < 1) cos_0^2 >= (1 - K)^2, decided here exactly */
    fmpq_mul_si(y, g2, 25);
    fmpz_set_ui(twentyfive, 8 * 625);
    fmpq_div_fmpz(y, y, twentyfive);            /* K, eta^2 = 1/4 */
    fmpq_sub_si(y, y, 1);
    fmpq_mul(y, y, y);                          /* (1 - K)^2 */
    if (fmpq_cmp(x, y) < 0)
        assert_int_equal(extra_si(res, "paper_4a_first"), 0);
    else
        assert_true(extra_si(res, "paper_4a_first") != 0);
    print_message("paper's (4a) at step 0: %s\n",
                  fmpq_cmp(x, y) < 0 ? "false" : "true");
    arb_clear(b);
    sc_result_clear(res);
    fmpq_clear(g0); fmpq_clear(g1); fmpq_clear(v0); fmpq_clear(v1);
    fmpq_clear(W1); fmpq_clear(g2); fmpq_clear(q1); fmpq_clear(x);
    fmpq_clear(y);
    fmpz_clear(twentyfive);
    sc_fixture_free(f);
}

/* Each exact claim on the tiny case: HOLDS, then VIOLATED with the
   identity side scaled by 1 + 2^-30 (at once; eq. (15) at its T = 20). */
static void
test_wd_exact_checkers_fail_when_scaled(void ** state)
{
    sc_fixture * f = fixture_string("");
    const char * ids[6] = { "W1-id", "W2", "W3-same", "W3-bits", "W4",
                            "W1-15" };
    sc_result_t res;
    slong i;

    (void) state;
    sc_result_init(res);
    for (i = 0; i < 6; i++)
    {
        assert_int_equal(sc_run_case(res, f, ids[i], 1, 1), SC_HOLDS);
        assert_true(res->exercised);
        assert_int_equal(sc_run_case(res, f, ids[i], (1 << 30) + 1, 1 << 30),
                         SC_VIOLATED);
        assert_int_equal(res->step, i < 5 ? 0 : 20);
    }
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* [W4] against a second GD run: plain GD with the growing step from w_0,
   written here, against (1 - eta lambda)^-t w_t of the certified run. */
static void
test_wd_w4_second_run(void ** state)
{
    sc_fixture * f = fixture_string("");
    const sc_traj_struct * T;
    slong t, j, d = 2, prec = 256;
    arb_ptr v = _arb_vec_init(2), g = _arb_vec_init(2);
    arb_t q1, s, step, gamma, x;
    sc_dyn_t D;
    sc_result_t res;

    (void) state;
    arb_init(q1); arb_init(s); arb_init(step); arb_init(gamma); arb_init(x);
    sc_result_init(res);
    T = sc_ctx_full(f->ctx, prec);
    sc_dyn_init(D, f->c, f->ctx->data, prec);
    arb_set_si(q1, 19);
    arb_div_si(q1, q1, 20, prec);
    for (j = 0; j < d; j++)
        arb_set(v + j, T->w + j);
    for (t = 0; t < f->c->steps; t++)
    {
        /* gamma_t is not rescaled: take it from the certified run */
        sc_dyn_grad(g, NULL, NULL, D, v, T->gamma + t, prec);
        arb_inv(step, q1, prec);
        arb_pow_ui(step, step, 2 * t + 1, prec);
        arb_mul_2exp_si(step, step, -1);        /* eta = 1/2 */
        for (j = 0; j < d; j++)
            arb_submul(v + j, step, g + j, prec);
        arb_inv(s, q1, prec);
        arb_pow_ui(s, s, t + 1, prec);
        for (j = 0; j < d; j++)
        {
            arb_mul(x, s, T->w + (t + 1) * d + j, prec);
            if (!arb_overlaps(x, v + j))
            {
                print_ball("second run", v + j);
                print_ball("rescaled", x);
                fail_msg("step %ld coordinate %ld", (long) t, (long) j);
            }
        }
    }
    /* the trajectory grows: w~ is far from w after 20 steps */
    assert_true(arb_gt(s, q1));
    assert_int_equal(sc_run_case(res, f, "W4", 1, 1), SC_HOLDS);
    sc_dyn_clear(D);
    sc_result_clear(res);
    arb_clear(q1); arb_clear(s); arb_clear(step); arb_clear(gamma);
    arb_clear(x);
    _arb_vec_clear(v, 2);
    _arb_vec_clear(g, 2);
    sc_fixture_free(f);
}

static void
test_wd_not_applicable(void ** state)
{
    sc_fixture * f = fixture_string(", \"momentum\": \"1/2\"");
    sc_fixture * p = fixture_string(", \"project_norm\": true");
    sc_fixture * z;
    const char * ids[11] = { "W1-id", "W1-15", "W2", "W4", "W5-L1",
                             "W5-L2", "W5-P5", "W6-a", "W6-b", "W6-c",
                             "W6-ctl" };
    sc_result_t res;
    slong i;

    (void) state;
    sc_result_init(res);
    for (i = 0; i < 11; i++)
    {
        assert_int_equal(sc_run_case(res, f, ids[i], 1, 1), SC_NOT_APPLICABLE);
        assert_non_null(res->failed);
    }
    /* projection: the control applies, nothing else */
    for (i = 0; i < 10; i++)
        assert_int_equal(sc_run_case(res, p, ids[i], 1, 1), SC_NOT_APPLICABLE);
    assert_int_equal(sc_run_case(res, p, "W6-ctl", 1, 1), SC_HOLDS);
    /* W3 covers momentum and projection (the proof scales them too), the
       golden self-check is case-independent */
    assert_int_equal(sc_run_case(res, f, "W3-same", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, p, "W3-same", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, f, "W3-bits", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, p, "W5-G", 1, 1), SC_HOLDS);
    sc_fixture_free(p);
    sc_fixture_free(f);
    /* lambda = 0: W1, W2, W4 apply (plain GD); W5, W6 do not, but for the
       golden self-check */
    z = sc_fixture_load("tests/data/thm_spike.json");
    assert_int_equal(sc_run_case(res, z, "W1-id", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, z, "W1-15", 1, 1), SC_HOLDS);
    assert_int_equal(sc_run_case(res, z, "W5-L2", 1, 1), SC_NOT_APPLICABLE);
    assert_string_equal(res->failed, "weight_decay = 0");
    assert_int_equal(sc_run_case(res, z, "W6-a", 1, 1), SC_NOT_APPLICABLE);
    assert_string_equal(res->failed, "weight_decay = 0");
    assert_int_equal(sc_run_case(res, z, "W6-ctl", 1, 1), SC_NOT_APPLICABLE);
    assert_int_equal(sc_run_case(res, z, "W5-G", 1, 1), SC_HOLDS);
    sc_fixture_free(z);
    sc_result_clear(res);
}

/* ---- [W5] --------------------------------------------------------------- */

/* The Prop. 3 counterexample of [W5] in doubles (a second method): eta = 1,
   lambda = 1/10, alpha = 19/100, l = 11/50, L = 1; beta = l^2 until x
   drops below (alpha / (1 - alpha)) sqrt(1 / alpha), then beta = L^2 once;
   count the moves from inside [kappa l, kappa L] (kappa = sqrt 5) to above
   kappa L in 400 steps. */
static slong
hops_double(void)
{
    double alpha = 0.19, a = 0.0484, x = sqrt(1 / 0.19);
    double thr = 0.19 / 0.81 * sqrt(1 / 0.19), kL = sqrt(5.0);
    double kl = kL * 0.22;
    slong t, hops = 0;
    int inside = 0;

    for (t = 0; t < 400; t++)
    {
        x = (1 - alpha) * x + (x < thr ? 1.0 : a) / x;
        hops += (x > kL) && inside;
        inside = (kl <= x && x <= kL);
    }
    return hops;
}

static void
test_wd_w5_golden_and_counterexample(void ** state)
{
    sc_fixture * f = sc_fixture_load("cases/showcase/whitened-wd-periodic.json");
    sc_result_t res;
    arb_t x;

    (void) state;
    sc_result_init(res);
    arb_init(x);
    assert_int_equal(sc_run_case(res, f, "W5-G", 1, 1), SC_HOLDS);
    arb_set_si(x, 10);
    arb_sqrt(x, x, 128);
    assert_true(arb_overlaps(x, sc_extra(res, "golden_lo")));
    arb_set_si(x, 10);
    assert_true(arb_overlaps(x, sc_extra(res, "golden_hi")));
    /* the paper's Prop. 3 condition admits exits from the interval: the
       hop count against the same adaptive sequence in doubles */
    assert_true(extra_si(res, "p3_hops") >= 2);
    assert_int_equal(extra_si(res, "p3_hops"), hops_double());
    arb_set_si(x, 20);
    arb_div_si(x, x, 19, 128);
    arb_sqrt(x, x, 128);
    assert_true(arb_overlaps(x, sc_extra(res, "p3_fixed_over_kL")));
    /* a bound halved: Lemma 1's rate fails at once in the golden part */
    assert_int_equal(sc_run_case(res, f, "W5-G", 1, 2), SC_VIOLATED);
    assert_non_null(strstr(res->reason, "golden"));
    assert_int_equal(res->step, 1);
    /* alpha = eta lambda (2 - eta lambda) = 3/100 * 197/100 */
    assert_int_equal(sc_run_case(res, f, "W5-L2", 1, 1), SC_HOLDS);
    arb_set_si(x, 591);
    arb_div_si(x, x, 10000, 128);
    assert_true(arb_overlaps(x, sc_extra(res, "alpha")));
    assert_int_equal(sc_run_case(res, f, "W5-L1", 1, 1), SC_HOLDS);
    assert_true(res->exercised);
    /* the spikes make g~ vary too much for Prop. 5's condition */
    assert_int_equal(sc_run_case(res, f, "W5-P5", 1, 1), SC_NOT_APPLICABLE);
    assert_non_null(res->failed);
    arb_clear(x);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* [W5-P5] where Prop. 5's condition holds: the restarted steady state is
   in the interval from t = 0 and stays; the interval shrunk to 0.9965 of
   its ends is left at t = 22, shrunk to 0.99 it is empty (vacuous). */
static void
test_wd_w5_prop5_steady(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/wd_steady.json");
    sc_result_t res;
    arb_t x;

    (void) state;
    sc_result_init(res);
    arb_init(x);
    assert_int_equal(sc_run_case(res, f, "W5-P5", 1, 1), SC_HOLDS);
    assert_true(res->exercised);
    assert_int_equal(extra_si(res, "entry"), 0);
    /* the ends: sqrt(a/alpha) < ||w_0||^2 < sqrt(b/alpha) */
    assert_true(arb_lt(sc_extra(res, "case_lo"), sc_ctx_full(f->ctx,
                                                         res->prec)->W));
    assert_true(arb_gt(sc_extra(res, "case_hi"), sc_ctx_full(f->ctx,
                                                        res->prec)->W));
    assert_int_equal(sc_run_case(res, f, "W5-P5", 9965, 10000), SC_VIOLATED);
    assert_int_equal(res->step, 22);
    assert_int_equal(sc_run_case(res, f, "W5-P5", 99, 100), SC_HOLDS);
    assert_false(res->exercised);
    arb_clear(x);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* The g~ series the W5 and W6 claims share: computed once per precision,
   bit-identical to a fresh sc_wd_gtilde2_traj, and the same whichever
   claim asks first. */
static void
test_wd_gtilde2_cached(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/wd_steady.json");
    sc_result_t res;
    const sc_traj_struct * T;
    arb_srcptr g;
    arb_ptr h;
    slong t, prec;

    (void) state;
    sc_result_init(res);
    assert_int_equal(sc_run_case(res, f, "W6-c", 1, 1), SC_HOLDS);
    prec = res->prec;
    T = sc_ctx_full(f->ctx, prec);
    g = sc_wd_gtilde2_cached(f->ctx, T, prec);
    assert_int_equal(sc_run_case(res, f, "W5-P5", 1, 1), SC_HOLDS);
    assert_int_equal(res->prec, prec);
    assert_ptr_equal(sc_wd_gtilde2_cached(f->ctx, T, prec), g);
    h = _arb_vec_init(T->len);
    sc_wd_gtilde2_traj(h, f->ctx, T, prec);
    for (t = 0; t < T->len; t++)
        assert_true(arb_equal(g + t, h + t));
    _arb_vec_clear(h, T->len);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* ---- [W6] and the control ----------------------------------------------- */

static void
test_wd_w6_spikes_and_control(void ** state)
{
    sc_fixture * f = sc_fixture_load("cases/showcase/whitened-wd-periodic.json");
    sc_fixture * p = sc_fixture_load("cases/showcase/whitened-wd-projected.json");
    sc_result_t res;
    arb_t lo, hi;

    (void) state;
    sc_result_init(res);
    arb_init(lo);
    arb_init(hi);
    assert_int_equal(sc_run_case(res, f, "W6-a", 1, 1), SC_HOLDS);
    /* repeated spikes, a period of order 1/(eta lambda) = 33.3 */
    assert_true(extra_si(res, "spikes") >= 20);
    arb_set_si(lo, 40);
    arb_set_si(hi, 60);
    assert_true(arb_gt(sc_extra(res, "period"), lo)
                && arb_lt(sc_extra(res, "period"), hi));
    /* descent phases decay at exactly the weight-decay rate: the least
       ratio ||w_t+1||^2 / ((1 - eta lambda)^2 ||w_t||^2) is 1 to 2^-20 */
    assert_true(res->has_slack);
    arb_one(hi);
    arb_mul_2exp_si(lo, hi, -20);
    arb_add(hi, hi, lo, 64);
    assert_true(arb_lt(res->slack, hi));
    assert_int_equal(sc_run_case(res, f, "W6-a", 1025, 1024), SC_VIOLATED);
    /* the exact Prop. 3 condition fails on the window: no upper end */
    assert_int_equal(sc_run_case(res, f, "W6-c", 1, 1), SC_NOT_APPLICABLE);
    assert_string_equal(res->failed, "exact Prop. 3 condition fails");
    /* control: the norm is constant and the periodic spikes vanish (one
       delayed spike of the main paper's mechanism is all that is left) */
    assert_int_equal(sc_run_case(res, p, "W6-ctl", 1, 1), SC_HOLDS);
    assert_true(extra_si(res, "spikes") <= 1);
    assert_int_equal(sc_run_case(res, p, "W6-ctl", (1 << 30) + 1, 1 << 30),
                     SC_VIOLATED);
    arb_clear(hi);
    arb_clear(lo);
    sc_result_clear(res);
    sc_fixture_free(p);
    sc_fixture_free(f);
}

/* [W6-a]'s loss level (the regime map's input) against a recomputation
   here from the certified trajectory: the final excess loss over e_0, and
   the minima, over the run and over t in [T/2, T], scanned backwards.
   The periodic showcase gets far below e_0 / 100 between its spikes. */
static void
test_wd_w6_loss_level(void ** state)
{
    sc_fixture * f = sc_fixture_load("cases/showcase/whitened-wd-periodic.json");
    const sc_traj_struct * T;
    const arb_struct * Lstar;
    sc_result_t res;
    arb_t e0, e, lo, tail;
    slong t, n, prec;

    (void) state;
    sc_result_init(res);
    arb_init(e0); arb_init(e); arb_init(lo); arb_init(tail);
    assert_int_equal(sc_run_case(res, f, "W6-a", 1, 1), SC_HOLDS);
    prec = res->prec;
    T = sc_ctx_full(f->ctx, prec);
    Lstar = sc_ctx_dyn(f->ctx, prec)->Lstar;
    n = T->len - 1;
    arb_sub(e0, T->loss, Lstar, prec);
    arb_sub(e, T->loss + n, Lstar, prec);
    arb_set(lo, e);
    arb_set(tail, e);
    for (t = n - 1; t >= 0; t--)
    {
        arb_sub(e, T->loss + t, Lstar, prec);
        arb_min(lo, lo, e, prec);
        if (t >= n / 2)
            arb_min(tail, tail, e, prec);
    }
    arb_sub(e, T->loss + n, Lstar, prec);
    arb_div(e, e, e0, prec);
    assert_true(arb_overlaps(sc_extra(res, "loss_final_ratio"), e));
    arb_div(lo, lo, e0, prec);
    assert_true(arb_overlaps(sc_extra(res, "loss_min_ratio"), lo));
    arb_div(tail, tail, e0, prec);
    assert_true(arb_overlaps(sc_extra(res, "loss_tail_min_ratio"), tail));
    arb_set_si(e, 1);
    arb_div_si(e, e, 100, prec);
    assert_true(arb_is_positive(sc_extra(res, "loss_tail_min_ratio"))
                && arb_lt(sc_extra(res, "loss_tail_min_ratio"), e));
    arb_clear(e0); arb_clear(e); arb_clear(lo); arb_clear(tail);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* BEYOND.md: a small non-whitened model (n = 24, d = 3, eta = 1/2, lambda =
   8e-3) spikes a few times, then settles into a steady oscillation; there
   the exact Prop. 3 condition holds on the window and ||w||^2 stays in
   [eta l, eta L] / sqrt(alpha). */
static void
test_wd_w6_steady_oscillation(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/wd_oscillation.json");
    sc_result_t res;
    arb_t x, y, alpha;

    (void) state;
    sc_result_init(res);
    arb_init(x);
    arb_init(y);
    arb_init(alpha);
    assert_int_equal(sc_run_case(res, f, "W6-c", 1, 1), SC_HOLDS);
    assert_true(res->exercised);
    assert_non_null(strstr(res->reason, "enters the equilibrium interval"));
    /* steady: W varies by < 2% over the second half, all of it in I */
    arb_mul_si(x, sc_extra(res, "W_min"), 102, 64);
    arb_mul_si(y, sc_extra(res, "W_max"), 100, 64);
    assert_true(arb_gt(x, y));
    assert_true(arb_is_one(sc_extra(res, "in_I_frac")));
    /* I recomputed from l, L: alpha = 1/250 (2 - 1/250) */
    arb_set_si(alpha, 499);
    arb_div_si(alpha, alpha, 62500, 128);
    arb_rsqrt(alpha, alpha, 128);
    arb_mul(x, sc_extra(res, "l"), alpha, 128);
    arb_mul_2exp_si(x, x, -1);
    assert_true(arb_lt(x, sc_extra(res, "W_min")));
    arb_mul(x, sc_extra(res, "L"), alpha, 128);
    arb_mul_2exp_si(x, x, -1);
    assert_true(arb_gt(x, sc_extra(res, "W_max")));
    /* an interval shrunk by 10%: ||w||^2 leaves its lower end, and never
       enters the shrunk interval, so its upper end is vacuous; by 9%, it
       enters and leaves */
    assert_int_equal(sc_run_case(res, f, "W6-b", 9, 10), SC_VIOLATED);
    assert_int_equal(sc_run_case(res, f, "W6-c", 9, 10), SC_HOLDS);
    assert_false(res->exercised);
    assert_int_equal(sc_run_case(res, f, "W6-c", 91, 100), SC_VIOLATED);
    arb_clear(alpha);
    arb_clear(y);
    arb_clear(x);
    sc_result_clear(res);
    sc_fixture_free(f);
}

/* The paper's slips show on the showcase: (4a) without 1/(1 - eta lambda)
   fails at most steps, eq. (16) misses ||w_T||^2 by orders of magnitude. */
static void
test_wd_paper_slips_shown(void ** state)
{
    sc_fixture * f = sc_fixture_load("cases/showcase/whitened-wd-periodic.json");
    sc_result_t res;
    arb_t x;

    (void) state;
    sc_result_init(res);
    arb_init(x);
    assert_int_equal(sc_run_case(res, f, "W2", 1, 1), SC_HOLDS);
    assert_true(extra_si(res, "paper_4a_false") > f->c->steps / 2);
    assert_int_equal(sc_run_case(res, f, "W1-15", 1, 1), SC_HOLDS);
    assert_true(arb_overlaps(sc_extra(res, "eq15_W_T"), sc_extra(res, "W_T")));
    arb_mul_si(x, sc_extra(res, "eq16_paper"), 10, 64);
    assert_true(arb_lt(x, sc_extra(res, "W_T")));
    arb_clear(x);
    sc_result_clear(res);
    sc_fixture_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_wd_w1_w2_known_answers),
        cmocka_unit_test(test_wd_exact_checkers_fail_when_scaled),
        cmocka_unit_test(test_wd_w4_second_run),
        cmocka_unit_test(test_wd_not_applicable),
        cmocka_unit_test(test_wd_w5_golden_and_counterexample),
        cmocka_unit_test(test_wd_w5_prop5_steady),
        cmocka_unit_test(test_wd_gtilde2_cached),
        cmocka_unit_test(test_wd_w6_spikes_and_control),
        cmocka_unit_test(test_wd_w6_loss_level),
        cmocka_unit_test(test_wd_w6_steady_oscillation),
        cmocka_unit_test(test_wd_paper_slips_shown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
