/*
 * test_theorems.c -- every checker on cases with known answers, a
 * deliberately false bound (ctx->factor != 1) that must come out VIOLATED,
 * a broken hypothesis that must come out NOT-APPLICABLE, and the precision
 * policy (escalate, then UNDECIDED, never a false VIOLATED).
 *
 * Independent values: the reference numbers of THEOREMS.md section 7 for
 * the delayed-spike case (rising edge 209..660, peak rho_661 = 0.257), and a
 * double-precision reduced recurrence / psi scan written here from the
 * formulas of THEOREMS.md, not from the library.
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

#define SC_CAP 4096

typedef struct
{
    sc_case_t c;
    sc_ctx_t ctx;
}
sc_fixture;

static sc_fixture *
sc_fixture_load(const char * path)
{
    sc_fixture * f = test_malloc(sizeof(sc_fixture));
    char err[SC_ERR_LEN];

    sc_case_init(f->c);
    if (sc_case_load_file(f->c, path, err, sizeof(err)) != SC_OK)
        fail_msg("%s", err);
    sc_ctx_init(f->ctx, f->c);
    return f;
}

static void
sc_fixture_free(sc_fixture * f)
{
    sc_ctx_clear(f->ctx);
    sc_case_clear(f->c);
    test_free(f);
}

/* Runs checker id on the fixture with factor num/den from prec0. */
static sc_verdict_t
sc_run(sc_result_t res, sc_fixture * f, const char * id, slong num,
       ulong den, slong prec0, slong cap)
{
    const sc_thm_struct * thm = sc_thm_lookup(id);

    assert_non_null(thm);
    fmpq_set_si(f->ctx->factor, num, den);
    sc_thm_run(res, thm, f->ctx, prec0, cap);
    fmpq_one(f->ctx->factor);
    if (res->verdict == SC_UNDECIDED || res->verdict == SC_VIOLATED)
        print_message("%s: %s: %s\n", id, sc_verdict_name(res->verdict),
                      res->reason);
    return res->verdict;
}

static int
sc_contains_si(const arb_t x, slong v)
{
    arb_t t;
    int r;

    arb_init(t);
    arb_set_si(t, v);
    r = arb_contains(x, t);
    arb_clear(t);
    return r;
}

/* ---- fixtures ----------------------------------------------------------- */

static int
setup_spike(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_spike.json");
    return 0;
}

static int
setup_t22(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_t22.json");
    return 0;
}

static int
setup_t21(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_t21.json");
    return 0;
}

static int
setup_t3c(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_t3c.json");
    return 0;
}

static int
setup_plain(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_plain.json");
    return 0;
}

static int
setup_logistic(void ** state)
{
    *state = sc_fixture_load("tests/data/thm_logistic.json");
    return 0;
}

static int
teardown(void ** state)
{
    sc_fixture_free(*state);
    return 0;
}

/* ---- the delayed-spike case of THEOREMS.md section 7 -------------------- */

static void
test_thm_l12_holds_on_spike(void ** state)
{
    sc_result_t res;
    arb_t tol;

    sc_result_init(res);
    arb_init(tol);
    assert_int_equal(sc_run(res, *state, "L12", 1, 1, 256, SC_CAP), SC_HOLDS);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -100);
    assert_true(arb_lt(res->observed, tol));
    arb_clear(tol);
    sc_result_clear(res);
}

static void
test_thm_l12_false_on_perturbed_identity(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    /* <g, w> + 2^-30 ||g|| ||w|| = 0 is false wherever g != 0 */
    assert_int_equal(sc_run(res, *state, "L12", (1 << 30) + 1, 1 << 30, 256,
                            SC_CAP), SC_VIOLATED);
    assert_int_equal(res->step, 0);
    sc_result_clear(res);
}

static void
test_thm_l1_holds_and_false_on_wrong_constant(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "L1", 1, 1, 256, SC_CAP), SC_HOLDS);
    assert_int_equal(sc_run(res, *state, "L1", 1001, 1000, 256, SC_CAP),
                     SC_VIOLATED);
    sc_result_clear(res);
}

static void
test_thm_l7_agrees_with_452_rising_steps(void ** state)
{
    sc_result_t res;
    slong i;
    int found = 0;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "L7", 1, 1, 256, SC_CAP), SC_HOLDS);
    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (res->extra[i].set && strcmp(res->extra[i].name,
                                        "rising_steps") == 0)
        {
            /* rising edge 209..660 of THEOREMS.md s.7: 452 steps */
            assert_true(sc_contains_si(res->extra[i].value, 452));
            found = 1;
        }
    assert_true(found);
    assert_int_equal(sc_run(res, *state, "L7", 1000001, 1000000, 256, SC_CAP),
                     SC_VIOLATED);
    sc_result_clear(res);
}

static void
test_thm_l6_predicts_every_rising_step(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "L6", 1, 1, 256, SC_CAP), SC_HOLDS);
    assert_true(sc_contains_si(res->predicted, 452));
    assert_true(sc_contains_si(res->observed, 452));
    /* dropping the 2 a q ||w||^2 term is a wrong criterion */
    assert_int_equal(sc_run(res, *state, "L6", 0, 1, 256, SC_CAP),
                     SC_VIOLATED);
    sc_result_clear(res);
}

static void
test_thm_l6_escalates_then_undecided_never_violated(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    /* q ~ sin^2 theta ~ 1e-182 here: 64 bits cannot decide, the policy
       must escalate ... */
    assert_int_equal(sc_run(res, *state, "L6", 1, 1, 64, SC_CAP), SC_HOLDS);
    assert_true(res->prec > 256);
    /* ... and with a cap that is too low say UNDECIDED, not VIOLATED */
    assert_int_equal(sc_run(res, *state, "L6", 1, 1, 64, 128), SC_UNDECIDED);
    assert_non_null(strstr(res->reason, "precision cap"));
    sc_result_clear(res);
}

static void
test_thm_t21_not_applicable_above_bound(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    /* eta Gamma c / W_0 = 3 > 2 */
    assert_int_equal(sc_run(res, *state, "T2.1", 1, 1, 256, SC_CAP),
                     SC_NOT_APPLICABLE);
    /* a bound of 4 instead of 2 admits the case, whose edge refutes it */
    assert_int_equal(sc_run(res, *state, "T2.1", 2, 1, 256, SC_CAP),
                     SC_VIOLATED);
    assert_int_equal(res->step, 209);
    sc_result_clear(res);
}

static void
test_thm_t3a_edge_209_to_660(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "T3.a", 1, 1, 256, SC_CAP), SC_HOLDS);
    assert_int_equal(res->step, 209);
    assert_true(sc_contains_si(res->observed, 452));
    sc_result_clear(res);
}

static void
test_thm_t3a_l13_false_when_bound_shrunk(void ** state)
{
    sc_fixture * f = *state;
    sc_result_t res;

    sc_result_init(res);
    /* T' ~ 7.7e179 here: a factor 1e-180 makes T' < R */
    {
        fmpz_t one, p;

        fmpz_init_set_ui(one, 1);
        fmpz_init(p);
        fmpz_ui_pow_ui(p, 10, 180);
        fmpq_set_fmpz_frac(f->ctx->factor, one, p);
        sc_thm_run(res, sc_thm_lookup("T3.a"), f->ctx, 256, SC_CAP);
        assert_int_equal(res->verdict, SC_VIOLATED);
        sc_thm_run(res, sc_thm_lookup("L13"), f->ctx, 256, SC_CAP);
        assert_int_equal(res->verdict, SC_VIOLATED);
        fmpz_clear(p);
        fmpz_clear(one);
    }
    fmpq_one(f->ctx->factor);
    assert_int_equal(sc_run(res, *state, "L13", 1, 1, 256, SC_CAP), SC_HOLDS);
    assert_true(sc_contains_si(res->observed, 661));
    sc_result_clear(res);
}

/* Independent P(H) by golden-section search on F in double. */
static double
sc_F_double(double r, double H)
{
    double s = sqrt(1 + r * r);

    return r * (H - s) / (s + H * r * r);
}

static void
test_thm_t3b_peak_0257(void ** state)
{
    sc_result_t res;
    arb_t lo, hi;

    sc_result_init(res);
    arb_init(lo);
    arb_init(hi);
    assert_int_equal(sc_run(res, *state, "T3.b", 1, 1, 256, SC_CAP), SC_HOLDS);
    /* THEOREMS.md s.7: peak rho_661 = 0.257 */
    arb_set_d(lo, 0.2565);
    arb_set_d(hi, 0.2567);
    assert_true(arb_gt(res->observed, lo) && arb_lt(res->observed, hi));
    assert_true(arb_lt(res->observed, res->predicted));
    /* a quarter of P(H_1) is below the peak */
    assert_int_equal(sc_run(res, *state, "T3.b", 1, 4, 256, SC_CAP),
                     SC_VIOLATED);
    arb_clear(hi);
    arb_clear(lo);
    sc_result_clear(res);
}

static void
test_thm_num_F_max_matches_golden_section(void ** state)
{
    double H, a, b, m1, m2;
    arb_t Hb, lo, hi, x;
    slong k, i;

    (void) state;
    arb_init(Hb);
    arb_init(lo);
    arb_init(hi);
    arb_init(x);
    for (k = 0; k < 6; k++)
    {
        H = 2.1 + 1.7 * k;
        a = 0;
        b = sqrt(pow((sqrt(1 + 2 * H * H) - 1) / H, 2) - 1);
        for (i = 0; i < 200; i++)
        {
            m1 = b - (b - a) * 0.6180339887498949;
            m2 = a + (b - a) * 0.6180339887498949;
            if (sc_F_double(m1, H) < sc_F_double(m2, H))
                a = m1;
            else
                b = m2;
        }
        arb_set_d(Hb, H);
        assert_int_equal(sc_num_F_max(lo, hi, Hb, 40, 128), SC_OK);
        /* the double maximum lies in [lo, hi], up to 2^-40 */
        arb_set_d(x, sc_F_double((a + b) / 2, H));
        arb_add_error_2exp_si(x, -40);
        arb_union(lo, lo, hi, 128);
        assert_true(arb_overlaps(x, lo));
    }
    arb_clear(x);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(Hb);
}

static void
test_thm_t22_not_applicable_on_spike(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    /* (ii) fails: W_0 + t delta outgrows the numerator of psi */
    assert_int_equal(sc_run(res, *state, "T2.2", 1, 1, 256, SC_CAP),
                     SC_NOT_APPLICABLE);
    assert_non_null(strstr(res->reason, "(ii)"));
    sc_result_clear(res);
}

static void
test_thm_float_view_finds_spurious_steps(void ** state)
{
    sc_fixture * f = *state;
    char line[1024];
    long ndiff = -1, nall = -1;
    const char * p;

    sc_float_view(line, sizeof(line), f->ctx, 53, 256, SC_CAP);
    p = strstr(line, "bits: ");
    assert_non_null(p);
    assert_int_equal(sscanf(p, "bits: %ld of %ld", &ndiff, &nall), 2);
    assert_int_equal(nall, 760);
    /* rho falls to 1e-91: float64 cannot follow it */
    assert_true(ndiff > 0);
}

/* ---- [T2.2] against an independent double-precision computation -------- */

/* The first rising step of the reduced recurrence and T from psi, both in
   double from the formulas of THEOREMS.md (rho stays above 1e-8 here). */
static void
sc_t22_double(slong * t1, slong * T, double rho, double gamma, double W,
              double c, double eta, double etag)
{
    double k0 = 1 / sqrt(1 + rho * rho), s02 = rho * rho / (1 + rho * rho);
    double Th0 = 2 * sqrt(1 + rho * rho) / (1 - rho * rho);
    double G = gamma > c ? gamma : c, D0 = c * k0 - gamma;
    double delta = eta * eta * G * G * c * c * s02 / W, q = 1;
    slong t;

    *T = -1;
    for (t = 1; t < 100000; t++)
    {
        q *= 1 - etag;
        if (eta * c * (c * k0 - q * D0) / (W + t * delta) > Th0)
        {
            *T = t;
            break;
        }
    }
    *t1 = -1;
    for (t = 0; t < 100000; t++)
    {
        double s = sqrt(1 + rho * rho), h = eta * gamma * c / W;
        double r1 = rho * fabs(s - h) / (s + h * rho * rho);

        if (r1 > rho)
        {
            *t1 = t;
            break;
        }
        W *= 1 + h * h * rho * rho / (1 + rho * rho);
        gamma = (1 - etag) * gamma + etag * c / s;
        rho = r1;
    }
}

static void
test_thm_t22_onset_matches_double(void ** state)
{
    sc_fixture * f = *state;
    sc_result_t res;
    slong t1, T;

    sc_result_init(res);
    sc_t22_double(&t1, &T, sqrt(fmpq_get_d(f->ctx->data->rho0_sq)),
                  fmpq_get_d(f->c->gamma0), fmpq_get_d(f->ctx->data->W0),
                  sqrt(fmpq_get_d(f->ctx->data->c2)), fmpq_get_d(f->c->eta),
                  fmpq_get_d(f->c->eta_gamma));
    print_message("double: t1 = %ld, T = %ld\n", (long) t1, (long) T);
    assert_true(t1 >= 1 && T >= t1);
    assert_int_equal(sc_run(res, f, "T2.2", 1, 1, 128, SC_CAP), SC_HOLDS);
    assert_true(sc_contains_si(res->predicted, T));
    assert_true(sc_contains_si(res->observed, t1));
    /* half of T is below t1 for this case: a false bound is caught */
    if (T / 2 < t1)
        assert_int_equal(sc_run(res, f, "T2.2", 1, 2, 128, SC_CAP),
                         SC_VIOLATED);
    sc_result_clear(res);
}

static void
test_thm_t21_holds_below_bound(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "T2.1", 1, 1, 128, SC_CAP), SC_HOLDS);
    assert_true(arb_le(res->observed, res->predicted));
    sc_result_clear(res);
}

static void
test_thm_t3c_count_and_false_bound(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "T3.c", 1, 1, 128, SC_CAP), SC_HOLDS);
    assert_true(res->has_predicted);
    assert_true(arb_le(res->observed, res->predicted));
    assert_int_equal(sc_run(res, *state, "T3.c", 1, 1000, 128, SC_CAP),
                     SC_VIOLATED);
    sc_result_clear(res);
}

/* ---- broken hypotheses --------------------------------------------------- */

static void
test_thm_whitened_line_not_applicable_on_plain_data(void ** state)
{
    static const char * const ids[] =
        { "L7", "T2.1", "T2.2", "T3.a", "T3.b", "T3.c", "L13" };
    sc_result_t res;
    slong i;

    sc_result_init(res);
    for (i = 0; i < 7; i++)
    {
        assert_int_equal(sc_run(res, *state, ids[i], 1, 1, 128, SC_CAP),
                         SC_NOT_APPLICABLE);
        assert_non_null(strstr(res->reason, "Sigma != I"));
    }
    /* the exact lemmas hold for any Sigma */
    assert_int_equal(sc_run(res, *state, "L12", 1, 1, 128, SC_CAP), SC_HOLDS);
    assert_int_equal(sc_run(res, *state, "L1", 1, 1, 128, SC_CAP), SC_HOLDS);
    assert_int_equal(sc_run(res, *state, "L6", 1, 1, 128, SC_CAP), SC_HOLDS);
    sc_result_clear(res);
}

static void
test_thm_square_loss_lemmas_not_applicable_on_logistic(void ** state)
{
    sc_result_t res;

    sc_result_init(res);
    assert_int_equal(sc_run(res, *state, "L1", 1, 1, 128, SC_CAP),
                     SC_NOT_APPLICABLE);
    assert_int_equal(sc_run(res, *state, "L7", 1, 1, 128, SC_CAP),
                     SC_NOT_APPLICABLE);
    assert_int_equal(sc_run(res, *state, "L12", 1, 1, 128, SC_CAP), SC_HOLDS);
    sc_result_clear(res);
}

int
main(void)
{
    const struct CMUnitTest spike[] =
    {
        cmocka_unit_test(test_thm_l12_holds_on_spike),
        cmocka_unit_test(test_thm_l12_false_on_perturbed_identity),
        cmocka_unit_test(test_thm_l1_holds_and_false_on_wrong_constant),
        cmocka_unit_test(test_thm_l7_agrees_with_452_rising_steps),
        cmocka_unit_test(test_thm_l6_predicts_every_rising_step),
        cmocka_unit_test(test_thm_l6_escalates_then_undecided_never_violated),
        cmocka_unit_test(test_thm_t21_not_applicable_above_bound),
        cmocka_unit_test(test_thm_t22_not_applicable_on_spike),
        cmocka_unit_test(test_thm_t3a_edge_209_to_660),
        cmocka_unit_test(test_thm_t3a_l13_false_when_bound_shrunk),
        cmocka_unit_test(test_thm_t3b_peak_0257),
        cmocka_unit_test(test_thm_float_view_finds_spurious_steps),
    };
    const struct CMUnitTest other[] =
    {
        cmocka_unit_test(test_thm_num_F_max_matches_golden_section),
        cmocka_unit_test_setup_teardown(test_thm_t22_onset_matches_double,
                                        setup_t22, teardown),
        cmocka_unit_test_setup_teardown(test_thm_t21_holds_below_bound,
                                        setup_t21, teardown),
        cmocka_unit_test_setup_teardown(test_thm_t3c_count_and_false_bound,
                                        setup_t3c, teardown),
        cmocka_unit_test_setup_teardown(
            test_thm_whitened_line_not_applicable_on_plain_data,
            setup_plain, teardown),
        cmocka_unit_test_setup_teardown(
            test_thm_square_loss_lemmas_not_applicable_on_logistic,
            setup_logistic, teardown),
    };
    int rc;

    rc = cmocka_run_group_tests_name("theorems on the delayed spike", spike,
                                     setup_spike, teardown);
    rc |= cmocka_run_group_tests_name("theorems on other cases", other,
                                      NULL, NULL);
    flint_cleanup();
    return rc;
}
