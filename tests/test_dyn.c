/*
 * test_dyn.c -- tests of the dynamics' steps and trajectories (sc_dyn_run_*,
 * sc_traj_*: src/dyn/full.c, reduced.c, split.c, traj.c); the GD map's
 * loss, gradient, Jacobian and direction are in test_grad.c.
 *
 * Second methods used as oracles:
 * - square loss on whitened Walsh-Hadamard data with a weight vector of
 *   rational norm: one GD step and one reduced step are exact rationals
 *   (fmpq), computed here from the unsimplified chain rule;
 * - full GD against the reduced recurrence of [L7] on the 16 x 6 Hadamard
 *   case of THEOREMS.md section 7, and that section's reference numbers
 *   for the unit-norm 760-step spike; in split coordinates down to
 *   rho ~ 1e-1376;
 * - the BEYOND.md step rules (weight decay, momentum, norm projection)
 *   recomputed at every state from grad.c's gradient.
 *
 * SC_TEST_SEED overrides the seed of the random tests and
 * SC_TEST_MULTIPLIER scales them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "dyn/dyn.h"
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 20240613UL
#include "sc_test.h"
#include "sc_dyn_ref.h"

/* ---- one exact step ----------------------------------------------------- */

/*
 * Square loss, Hadamard data, w0 of rational norm, random gamma0, eta,
 * eta_gamma: state 1 of the full run contains w0 - eta grad and
 * gamma0 - eta_gamma dL/dgamma (exact); state 0's loss is exact.
 */
static void
test_dyn_run_full_first_step_exact(void ** state)
{
    test_state * st = *state;
    slong iter, j, d = 6;
    fmpq * u = _fmpq_vec_init(d);
    fmpq * g = _fmpq_vec_init(d);
    fmpq_t lam, gg, L, t;

    fmpq_init(lam);
    fmpq_init(gg);
    fmpq_init(L);
    fmpq_init(t);
    for (iter = 0; iter < 30 * test_multiplier(); iter++)
    {
        slong prec = 128 + (slong) n_randint(st->r, 256);
        sc_case_t c;
        sc_data_t data;
        sc_traj_t T;
        int ok = 1;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
        hadamard_randomise(c, st->r);
        sc_data_init(data, c);
        do
            rand_rational_unit(u, d, st->r);
        while (!w_defined(data->Xc, u));
        fmpq_set_si(lam, 1 + (slong) n_randint(st->r, 50),
                    1 + n_randint(st->r, 50));
        for (j = 0; j < d; j++)
        {
            fmpq_mul(u + j, u + j, lam);
            fmpq_set(fmpq_mat_entry(c->w0, j, 0), u + j);
        }
        rand_gamma(c->gamma0, st->r);
        fmpq_set_si(c->eta, 1 + (slong) n_randint(st->r, 40), 8);
        fmpq_set_si(c->eta_gamma, 1 + (slong) n_randint(st->r, 99), 100);
        sc_data_clear(data);
        sc_data_init(data, c);
        exact_square_grad(g, gg, L, data->Xc, c->y, u, c->gamma0, lam);

        sc_traj_init(T, SC_TRAJ_FULL, d, 1);
        sc_dyn_run_full(T, c, data, 0, prec);
        ok = (T->len == 2);
        for (j = 0; j < d && ok; j++)
        {
            fmpq_mul(t, c->eta, g + j);
            fmpq_sub(t, u + j, t);
            ok = arb_contains_fmpq(T->w + d + j, t)
                 && rad_le_2exp(T->w + d + j, 40 - prec / 2);
        }
        fmpq_mul(t, c->eta_gamma, gg);
        fmpq_sub(t, c->gamma0, t);
        ok = ok && arb_contains_fmpq(T->gamma + 1, t)
             && arb_contains_fmpq(T->loss + 0, L);
        if (!ok)
        {
            print_vec("w0", u, d);
            print_fmpq("gamma0", c->gamma0);
            print_fmpq("eta", c->eta);
            for (j = 0; j < d; j++)
                print_ball("w1", T->w + d + j);
            print_ball("gamma1", T->gamma + 1);
            print_seed(st);
            fail();
        }
        sc_traj_clear(T);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    fmpq_clear(t);
    fmpq_clear(L);
    fmpq_clear(gg);
    fmpq_clear(lam);
    _fmpq_vec_clear(g, d);
    _fmpq_vec_clear(u, d);
}

/*
 * The reduced recurrence from a Pythagorean rho0 (w0 = (4m, 3m, 0..) so
 * rho0 = 3/4, s0 = 5/4, W0 = 25 m^2 rational): one step of [L7] is exact,
 *   h = eta gamma c / W, rho1 = rho |s - h| / (s + h rho^2),
 *   gamma1 = (1 - eta_g) gamma + eta_g c / s, W1 = W (1 + h^2 rho^2 / s^2),
 * computed here in fmpq; the full GD state 1 agrees with it too.
 */
static void
test_dyn_run_reduced_first_step_exact(void ** state)
{
    test_state * st = *state;
    slong iter;
    fmpq_t m, rho, s, W, h, t, u, rho1, g1, W1;

    fmpq_init(m);
    fmpq_init(rho);
    fmpq_init(s);
    fmpq_init(W);
    fmpq_init(h);
    fmpq_init(t);
    fmpq_init(u);
    fmpq_init(rho1);
    fmpq_init(g1);
    fmpq_init(W1);
    for (iter = 0; iter < 40 * test_multiplier(); iter++)
    {
        slong prec = 128;
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R, T;
        char why[128];
        int ok;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 1, prec);
        fmpq_set_si(m, 1 + (slong) n_randint(st->r, 30),
                    1 + n_randint(st->r, 30));
        fmpq_mul_si(fmpq_mat_entry(c->w0, 0, 0), m, 4);
        fmpq_mul_si(fmpq_mat_entry(c->w0, 1, 0), m, 3);
        fmpq_set_si(c->gamma0, 1 + (slong) n_randint(st->r, 100), 50);
        fmpq_set_si(c->eta, 1 + (slong) n_randint(st->r, 200), 8);
        fmpq_set_si(c->eta_gamma, 1 + (slong) n_randint(st->r, 99), 100);
        sc_data_init(data, c);

        fmpq_set_si(rho, 3, 4);
        fmpq_set_si(s, 5, 4);
        fmpq_mul(W, m, m);
        fmpq_mul_si(W, W, 25);
        fmpq_mul(h, c->eta, c->gamma0);
        fmpq_div(h, h, W);
        fmpq_sub(t, s, h);
        fmpq_abs(t, t);
        fmpq_mul(t, t, rho);
        fmpq_mul(u, rho, rho);
        fmpq_mul(u, u, h);
        fmpq_add(u, u, s);
        fmpq_div(rho1, t, u);
        fmpq_one(t);
        fmpq_sub(t, t, c->eta_gamma);
        fmpq_mul(g1, t, c->gamma0);
        fmpq_div(t, c->eta_gamma, s);
        fmpq_add(g1, g1, t);
        fmpq_mul(t, h, rho);
        fmpq_div(t, t, s);
        fmpq_mul(t, t, t);
        fmpq_add_ui(t, t, 1);
        fmpq_mul(W1, W, t);

        sc_traj_init(R, SC_TRAJ_REDUCED, 6, 1);
        sc_traj_init(T, SC_TRAJ_FULL, 6, 1);
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
        sc_dyn_run_full(T, c, data, 0, prec);
        ok = R->len == 2 && T->len == 2
             && arb_contains_fmpq(R->rho + 1, rho1)
             && arb_contains_fmpq(R->gamma + 1, g1)
             && arb_contains_fmpq(R->W + 1, W1)
             && arb_contains_fmpq(T->rho + 1, rho1)
             && arb_contains_fmpq(T->gamma + 1, g1)
             && arb_contains_fmpq(T->W + 1, W1)
             && arb_contains_fmpq(R->h + 0, h)
             && rad_le_2exp(R->rho + 1, -100);
        /* the rising flag of step 0 is [L7].4: rho1 > rho0 */
        ok = ok && R->rising[0] == (fmpq_cmp(rho1, rho) > 0 ? SC_TRUE
                                                             : SC_FALSE);
        if (!ok)
        {
            print_fmpq("m", m);
            print_fmpq("gamma0", c->gamma0);
            print_fmpq("eta", c->eta);
            print_fmpq("rho1", rho1);
            print_ball("reduced rho1", R->rho + 1);
            print_ball("full rho1", T->rho + 1);
            print_fmpq("gamma1", g1);
            print_ball("reduced gamma1", R->gamma + 1);
            print_fmpq("W1", W1);
            print_ball("reduced W1", R->W + 1);
            print_seed(st);
            fail();
        }
        sc_traj_clear(T);
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    fmpq_clear(W1);
    fmpq_clear(g1);
    fmpq_clear(rho1);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(h);
    fmpq_clear(W);
    fmpq_clear(s);
    fmpq_clear(rho);
    fmpq_clear(m);
}

/* ---- trajectories ------------------------------------------------------- */

/* Every state of full GD overlaps the reduced recurrence in rho, gamma, W,
   a, b, and no step has contradictory certified rising flags. */
static int
full_reduced_agree(const sc_traj_t T, const sc_traj_t R, slong * bad)
{
    slong t;

    for (t = 0; t < T->len && t < R->len; t++)
    {
        if (!arb_overlaps(T->rho + t, R->rho + t)
            || !arb_overlaps(T->gamma + t, R->gamma + t)
            || !arb_overlaps(T->W + t, R->W + t)
            || !arb_overlaps(T->a + t, R->a + t)
            || !arb_overlaps(T->b + t, R->b + t)
            || !arb_overlaps(T->loss + t, R->loss + t))
        {
            *bad = t;
            return 0;
        }
        if (t + 1 < T->len && t + 1 < R->len
            && T->rising[t] != SC_UNKNOWN && R->rising[t] != SC_UNKNOWN
            && T->rising[t] != R->rising[t])
        {
            *bad = t;
            return 0;
        }
    }
    return 1;
}

static void
print_state(const char * label, const sc_traj_t T, slong t)
{
    print_error("  %s state %ld:\n", label, (long) t);
    print_ball("  rho", T->rho + t);
    print_ball("  gamma", T->gamma + t);
    print_ball("  W", T->W + t);
}

/*
 * (3) The Hadamard case, 300 steps at 512 bits: full GD in balls and the
 * reduced recurrence agree at every step; full GD stays usable (W to 400
 * bits) and certifies rho < 1e-80 somewhere (rho falls to ~3e-91 by
 * t ~ 200: a precision test of the b computation).
 */
static void
test_dyn_run_full_matches_reduced_300_steps(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong t, bad = -1, steps = 300, prec = 512;
    int tiny = 0;
    arb_t eps;

    (void) state;
    arb_init(eps);
    arb_set_str(eps, "1e-80", prec);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    assert_int_equal(T->len, steps + 1);
    assert_int_equal(R->len, steps + 1);
    assert_string_equal(T->stop, "");
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    for (t = 0; t <= steps; t++)
    {
        if (arb_rel_accuracy_bits(T->W + t) < 400
            || !arb_is_positive(T->rho + t))
        {
            print_state("full (too wide)", T, t);
            fail();
        }
        tiny |= arb_lt(T->rho + t, eps) && arb_lt(R->rho + t, eps);
    }
    assert_true(tiny);
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(eps);
}

/*
 * (4) The centred step keeps the enclosure usable over the whole 760-step
 * horizon at 1024 bits (the wrapping effect would stop the run early:
 * T->len < steps + 1), still agreeing with the reduced recurrence, with W
 * known to 600 bits at the end.
 */
static void
test_dyn_run_full_centred_760_steps(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong bad = -1, steps = 760, prec = 1024;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    if (T->len != steps + 1)
    {
        print_error("full run stopped at %ld: %s\n", (long) T->len,
                    T->stop);
        fail();
    }
    assert_string_equal(T->stop, "");
    assert_true(arb_rel_accuracy_bits(T->W + steps) > 600);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* Loads a case file of the repository (the tests run from its root). */
static void
load_case(sc_case_t c, const char * path)
{
    char err[SC_ERR_LEN];

    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof err) != SC_OK)
        fail_msg("%s", err);
}

/* Full GD and the reduced recurrence of case file path at prec: both run
   the whole horizon, agree at every step (full_reduced_agree), and full
   GD knows rho to at least rho_bits bits at every step; rho at the last
   step is returned in last (a midpoint of the full run). */
static void
check_deep_case(arb_t last, const char * path, slong prec, slong rho_bits)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T, R;
    char why[128];
    slong t, bad = -1;

    load_case(c, path);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_traj_init(R, SC_TRAJ_REDUCED, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, prec);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (T->len != c->steps + 1)
        fail_msg("%s: full run stopped at %ld: %s", path, (long) T->len,
                 T->stop);
    assert_int_equal(R->len, c->steps + 1);
    if (!full_reduced_agree(T, R, &bad))
    {
        print_state("full", T, bad);
        print_state("reduced", R, bad);
        fail();
    }
    for (t = 0; t <= c->steps; t++)
        if (!arb_is_positive(T->rho + t)
            || arb_rel_accuracy_bits(T->rho + t) < rho_bits)
        {
            print_state("full (rho too wide)", T, t);
            fail_msg("%s: rho_%ld known to %ld bits", path, (long) t,
                     (long) arb_rel_accuracy_bits(T->rho + t));
        }
    arb_set(last, T->rho + c->steps);
    sc_traj_clear(R);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/*
 * (5) Issue 14: the precision full GD needs does not grow with log(1/rho).
 * cases/deep/rho-3e-1376-250-steps.json (whitened 25 x 7) drives rho from
 * 1/10 to 3.13e-1376 in 250 steps.  In absolute coordinates b = rho a is a
 * difference of numbers of size ||w|| and needed more than 4096 bits (the
 * old full GD: [L7] UNDECIDED at the default cap); in the split
 * coordinates of src/dyn/split.c 256 bits keep rho to 200 bits at every
 * step (206 measured, the least at step 214), in agreement with the
 * reduced recurrence at every step.  The 1200-step case (rho to 2.97e-201;
 * the old full GD failed at 512 bits and needed 1024) likewise at 256 bits
 * (231 bits measured, the least at step 1089).
 */
static void
test_dyn_run_full_split_rho_below_1e_1000(void ** state)
{
    arb_t rho, lo, hi;

    (void) state;
    arb_init(rho);
    arb_init(lo);
    arb_init(hi);
    check_deep_case(rho, "cases/deep/rho-3e-1376-250-steps.json", 256, 200);
    arb_set_str(lo, "3.1303549375556912510e-1376", 256);
    arb_set_str(hi, "3.1303549375556912512e-1376", 256);
    assert_true(arb_gt(rho, lo) && arb_lt(rho, hi));
    check_deep_case(rho, "cases/deep/rho-3e-201-1200-steps.json", 256, 200);
    arb_set_str(lo, "2.9704859906764688179e-201", 256);
    arb_set_str(hi, "2.9704859906764688181e-201", 256);
    assert_true(arb_gt(rho, lo) && arb_lt(rho, hi));
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(rho);
}

/*
 * (6) The split step on data with Sigma != I, where the exact terms
 * P X~^T y and P Sigma w* of split.c are not zero: every state t + 1 of
 * the run overlaps the absolute-coordinate step recomputed in balls from
 * state t (check_step_rule, grad.c's gradient), on the plain 15 x 2 case
 * and on a plain 25 x 5 default case; the run goes the whole horizon.
 */
static void check_step_rule(const sc_traj_struct * T, sc_dyn_t D,
                            const sc_case_t c, slong t, slong prec);

static void
test_dyn_run_full_split_plain_data_step_rule(void ** state)
{
    const char * paths[] = { "tests/data/thm_plain.json",
                             "cases/default/whitened-0004-plain.json" };
    slong i, t;

    (void) state;
    for (i = 0; i < 2; i++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_dyn_t D;
        sc_traj_t T;
        slong prec = 256;

        load_case(c, paths[i]);
        sc_data_init(data, c);
        sc_dyn_init(D, c, data, prec);
        assert_true(D->has_ref && D->gram);
        sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
        sc_dyn_run_full(T, c, data, 0, prec);
        if (T->len != c->steps + 1)
            fail_msg("%s: stopped at %ld: %s", paths[i], (long) T->len,
                     T->stop);
        for (t = 0; t < c->steps; t++)
            check_step_rule(T, D, c, t, prec);
        sc_traj_clear(T);
        sc_dyn_clear(D);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

/*
 * THEOREMS.md section 7, the delayed spike (gamma0 = 0.05 c, eta c^2 = 3,
 * eta_gamma = 0.005, rho0 = 0.02, ||w0|| = 1): rho falls to ~1e-91 near
 * t = 200, the rising edge is steps 209..660 (all certified rising, the
 * neighbours certified falling), the peak is rho_661 = 0.257, and the
 * excess loss L - L* rises ~47x over steps 654..661.  Here w0 =
 * ((1 - t^2), 2t) / (1 + t^2), t = 1/100, exactly unit with rho0 =
 * 0.020002.  Reduced recurrence at 1024 bits (checked against full GD
 * above).
 */
static void
test_dyn_run_reduced_spike_reference_numbers(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t R;
    char why[128];
    slong t, steps = 760, prec = 1024;
    arb_t lo, hi, ex0, ex1;

    (void) state;
    arb_init(lo);
    arb_init(hi);
    arb_init(ex0);
    arb_init(ex1);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    fmpq_set_si(fmpq_mat_entry(c->w0, 0, 0), 9999, 10001);
    fmpq_set_si(fmpq_mat_entry(c->w0, 1, 0), 200, 10001);
    sc_data_init(data, c);
    assert_true(fmpq_is_one(data->W0));
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    assert_int_equal(R->len, steps + 1);
    for (t = 0; t < steps; t++)
    {
        sc_truth_t want = (t >= 209 && t <= 660) ? SC_TRUE : SC_FALSE;

        if (t > 700)
            break;                  /* a later second edge is not claimed */
        if (R->rising[t] != want)
        {
            print_error("step %ld: rising %d, want %d\n", (long) t,
                        R->rising[t], want);
            print_state("reduced", R, t);
            print_state("reduced", R, t + 1);
            fail();
        }
    }
    arb_set_str(lo, "1e-92", prec);
    arb_set_str(hi, "1e-90", prec);
    assert_true(arb_gt(R->rho + 209, lo) && arb_lt(R->rho + 209, hi));
    arb_set_str(lo, "0.2565", prec);
    arb_set_str(hi, "0.2575", prec);
    assert_true(arb_gt(R->rho + 661, lo) && arb_lt(R->rho + 661, hi));
    /* excess loss: falls to step 653, then rises 40-55x by 661 */
    {
        arb_t Ls;

        arb_init(Ls);
        arb_set_fmpq(Ls, data->y2, prec);
        arb_div_si(Ls, Ls, 2 * c->n, prec);
        arb_set_fmpq(ex1, data->c2_sigma, prec);
        arb_mul_2exp_si(ex1, ex1, -1);
        arb_sub(Ls, Ls, ex1, prec);             /* L* */
        for (t = 0; t < 653; t++)
        {
            if (!arb_lt(R->loss + t + 1, R->loss + t))
            {
                print_error("loss did not fall at step %ld\n", (long) t);
                fail();
            }
        }
        arb_sub(ex0, R->loss + 653, Ls, prec);
        arb_sub(ex1, R->loss + 661, Ls, prec);
        arb_div(ex1, ex1, ex0, prec);
        arb_set_si(lo, 40);
        arb_set_si(hi, 55);
        if (!arb_gt(ex1, lo) || !arb_lt(ex1, hi))
        {
            print_ball("(L - L*)_661 / (L - L*)_653", ex1);
            fail();
        }
        arb_clear(Ls);
    }
    sc_traj_clear(R);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(ex1);
    arb_clear(ex0);
    arb_clear(hi);
    arb_clear(lo);
}

/*
 * The gamma update is a contraction, gamma+ = (1 - eta_g) gamma +
 * eta_g c / s, so its enclosure must not grow with the steps whatever
 * eta_gamma in (0, 1).  Hadamard case with eta_gamma = 9/10, eta = 1 (no
 * rising edge, rho -> 0 geometrically), 1000 steps at 256 bits: the run
 * completes and gamma, h keep 200 bits.  (A ball evaluation of the same
 * map as gamma + eta_g (c/s - gamma) doubles the radius every step and
 * loses the enclosure near step 340.)
 */
static void
test_dyn_run_reduced_gamma_enclosure_contracts(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t R;
    char why[128];
    slong t, steps = 1000, prec = 256;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, prec);
    fmpq_set_si(c->eta_gamma, 9, 10);
    fmpq_set_si(c->eta, 1, 1);
    sc_data_init(data, c);
    sc_traj_init(R, SC_TRAJ_REDUCED, 6, steps);
    assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                        sizeof why), SC_OK);
    if (R->len != steps + 1)
    {
        print_error("reduced run stopped at %ld: %s\n", (long) R->len,
                    R->stop);
        print_state("reduced", R, R->len - 1);
        fail();
    }
    for (t = 0; t <= steps; t++)
    {
        if (arb_rel_accuracy_bits(R->gamma + t) < 200
            || arb_rel_accuracy_bits(R->h + t) < 200)
        {
            print_error("gamma or h lost its accuracy at step %ld\n",
                        (long) t);
            print_state("reduced", R, t);
            fail();
        }
    }
    sc_traj_clear(R);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* (5) The reduced recurrence refuses what [L7] does not cover. */
static void
test_dyn_run_reduced_domain(void ** state)
{
    test_state * st = *state;
    slong k;
    char why[128];

    for (k = 0; k < 8; k++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 5, 128);
        switch (k)
        {
            case 0:         /* not whitened: random integer data */
                rand_int_case(c, 8, 3, SC_LOSS_SQUARE, st->r);
                fmpq_one(fmpq_mat_entry(c->w0, 1, 0));
                break;
            case 1:         /* not whitened: Sigma = 4 I */
            {
                slong i, j;

                for (i = 0; i < 16; i++)
                    for (j = 0; j < 6; j++)
                        fmpq_mul_2exp(fmpq_mat_entry(c->X, i, j),
                                      fmpq_mat_entry(c->X, i, j), 1);
                break;
            }
            case 2:
                fmpq_zero(c->gamma0);
                break;
            case 3:
                fmpq_set_si(c->gamma0, -1, 20);
                break;
            case 4:         /* a0 < 0 */
                fmpq_set_si(fmpq_mat_entry(c->w0, 0, 0), -1, 1);
                break;
            case 5:         /* a0 = 0 */
                fmpq_zero(fmpq_mat_entry(c->w0, 0, 0));
                break;
            case 6:
                c->loss = SC_LOSS_LOGISTIC;
                break;
            default:
                fmpq_set_si(c->weight_decay, 1, 100);
        }
        sc_data_init(data, c);
        sc_traj_init(R, SC_TRAJ_REDUCED, c->d, c->steps);
        why[0] = '\0';
        if (sc_dyn_run_reduced(R, c, data, 0, 128, why, sizeof why)
            != SC_DOMAIN || why[0] == '\0' || R->len != 0
            || sc_dyn_reduced_domain(c, data) == NULL)
        {
            print_error("case %ld: not refused (why '%s', len %ld)\n",
                        (long) k, why, (long) R->len);
            print_seed(st);
            fail();
        }
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
    /* and the plain case is accepted */
    {
        sc_case_t c;
        sc_data_t data;
        sc_traj_t R;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 5, 128);
        sc_data_init(data, c);
        sc_traj_init(R, SC_TRAJ_REDUCED, 6, 5);
        assert_null(sc_dyn_reduced_domain(c, data));
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, 128, why,
                                            sizeof why), SC_OK);
        assert_int_equal(R->len, 6);
        sc_traj_clear(R);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

/*
 * (6) Point mode at 53 bits on the 760-step Hadamard case: the trajectory
 * exists, w and gamma carry no radius, early steps (rho > 1e-12) decide
 * rising as the certified run does, and once rho nears the float64 floor
 * (~1e-16) the point run shows spurious rising steps the certified
 * 1024-bit run proves falling.
 */
static void
test_dyn_run_full_point_float64_view(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t P, T;
    slong t, j, steps = 760, differ = 0, spurious = 0;
    arb_t floor_;

    (void) state;
    arb_init(floor_);
    arb_set_str(floor_, "1e-12", 64);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, 53);
    sc_data_init(data, c);
    sc_traj_init(P, SC_TRAJ_FULL, 6, steps);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(P, c, data, 1, 53);
    sc_dyn_run_full(T, c, data, 0, 1024);
    assert_int_equal(P->len, steps + 1);
    assert_int_equal(T->len, steps + 1);
    assert_true(P->point);
    for (t = 0; t <= steps; t++)
    {
        for (j = 0; j < 6; j++)
            assert_true(mag_is_zero(arb_radref(P->w + 6 * t + j)));
        /* gamma_0 = 1/20 keeps its rounding radius in src/dyn/full.c (the
           initial w is made a point, gamma_0 is not): only t >= 1 here */
        if (t > 0)
            assert_true(mag_is_zero(arb_radref(P->gamma + t)));
        assert_true(arb_is_finite(P->rho + t));
    }
    for (t = 0; t < steps; t++)
    {
        assert_true(P->rising[t] != SC_UNKNOWN);
        if (T->rising[t] == SC_UNKNOWN)
            continue;
        if (arb_gt(T->rho + t, floor_) && arb_gt(T->rho + t + 1, floor_)
            && t < 200 && P->rising[t] != T->rising[t])
        {
            print_error("step %ld: float64 view disagrees while rho > "
                        "1e-12\n", (long) t);
            print_state("point", P, t);
            print_state("certified", T, t);
            fail();
        }
        differ += (P->rising[t] != T->rising[t]);
        spurious += (P->rising[t] == SC_TRUE && T->rising[t] == SC_FALSE
                     && arb_lt(T->rho + t, floor_));
    }
    assert_true(differ >= 1);
    assert_true(spurious >= 1);
    sc_traj_clear(T);
    sc_traj_clear(P);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(floor_);
}

/* sc_traj_state_mid gives points inside the enclosures; sc_traj_rising
   recomputes the stored flags; logistic full runs carry the SVM
   reference when A3 holds. */
static void
test_dyn_traj_state_mid_and_rising(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T;
    slong t, j, steps = 40;
    arb_ptr w = _arb_vec_init(6);
    arb_t g;

    (void) state;
    arb_init(g);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, steps, 128);
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(T, c, data, 0, 128);
    assert_int_equal(T->len, steps + 1);
    assert_true(T->has_ref);
    for (t = 0; t <= steps; t++)
    {
        sc_traj_state_mid(w, g, T, t);
        for (j = 0; j < 6; j++)
        {
            assert_true(arb_is_exact(w + j));
            assert_true(arb_contains(T->w + 6 * t + j, w + j));
        }
        assert_true(arb_is_exact(g));
        assert_true(arb_contains(T->gamma + t, g));
        if (t < steps)
        {
            assert_int_equal(sc_traj_rising(T, t), T->rising[t]);
            assert_int_equal(T->rising[t],
                             sc_num_gt(T->rho + t + 1, T->rho + t));
        }
    }
    sc_traj_clear(T);
    sc_data_clear(data);

    /* logistic: the run exists; on these data every sample is on the
       margin of w* = e1 (A3), so the SVM reference direction is set */
    c->loss = SC_LOSS_LOGISTIC;
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, 6, steps);
    sc_dyn_run_full(T, c, data, 0, 128);
    assert_int_equal(T->len, steps + 1);
    assert_true(T->has_ref);
    for (t = 0; t < steps; t++)
        assert_true(arb_lt(T->loss + t + 1, T->loss + t) || t > 5);
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
    arb_clear(g);
    _arb_vec_clear(w, 6);
}

/* ---- the BEYOND.md extensions of the GD step ---------------------------- */

/* States t and t + 1 of T against w+ = (1 - eta lambda) w - eta g
   + beta (w - w_prev), recomputed here from the stored state t: the
   stored enclosure of w_{t+1} must overlap the recomputed one. */
static void
check_step_rule(const sc_traj_struct * T, sc_dyn_t D, const sc_case_t c,
                slong t, slong prec)
{
    slong j, d = c->d;
    arb_ptr g = _arb_vec_init(d), w1 = _arb_vec_init(d);
    arb_t lam, beta, x;

    arb_init(lam);
    arb_init(beta);
    arb_init(x);
    arb_set_fmpq(lam, c->weight_decay, prec);
    arb_set_fmpq(beta, c->momentum, prec);
    sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, prec);
    for (j = 0; j < d; j++)
    {
        arb_mul(x, D->eta, lam, prec);
        arb_sub_ui(x, x, 1, prec);
        arb_neg(x, x);
        arb_mul(w1 + j, x, T->w + t * d + j, prec);
        arb_submul(w1 + j, D->eta, g + j, prec);
        if (t > 0)
        {
            arb_sub(x, T->w + t * d + j, T->w + (t - 1) * d + j, prec);
            arb_addmul(w1 + j, beta, x, prec);
        }
        if (!arb_overlaps(w1 + j, T->w + (t + 1) * d + j))
        {
            print_ball("recomputed", w1 + j);
            print_ball("stored", T->w + (t + 1) * d + j);
            fail_msg("step %ld, coordinate %ld", (long) t, (long) j);
        }
    }
    arb_clear(x);
    arb_clear(beta);
    arb_clear(lam);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
}

/* What a streaming run's visitor checks against the stored run. */
typedef struct
{
    const sc_traj_struct * ref;
    slong next;             /* the state expected next */
    slong stop_at;          /* the visitor stops the run here (-1: never) */
    int same;
}
stream_check;

static int
stream_visit(const sc_traj_struct * T, slong t, void * arg)
{
    stream_check * k = arg;
    const sc_traj_struct * R = k->ref;
    slong s = sc_traj_slot(T, t), j;
    int same = (t == k->next) && t < R->len
               && arb_equal(T->a + s, R->a + t)
               && arb_equal(T->b + s, R->b + t)
               && arb_equal(T->rho + s, R->rho + t)
               && arb_equal(T->gamma + s, R->gamma + t)
               && arb_equal(T->W + s, R->W + t)
               && arb_equal(T->h + s, R->h + t)
               && arb_equal(T->loss + s, R->loss + t);

    if (same && t + 1 < T->len)
        same = (t + 1 < R->len) && T->rising[s] == R->rising[t];
    for (j = 0; same && T->kind == SC_TRAJ_FULL && j < T->d; j++)
        same = arb_equal(T->w + s * T->d + j, R->w + t * R->d + j);
    k->same = k->same && same;
    k->next = t + 1;
    return t == k->stop_at;
}

/* Runs c stored and streaming (full or reduced) and compares every state;
   with stop_at >= 0 the visitor stops the streaming run there.  Returns
   the stored run's length. */
static slong
check_stream(const sc_case_t c, int reduced, slong prec, slong stop_at)
{
    sc_data_t data;
    sc_traj_t R, T;
    stream_check k;
    char why[128];
    sc_traj_kind_t kind = reduced ? SC_TRAJ_REDUCED : SC_TRAJ_FULL;
    slong len;

    sc_data_init(data, c);
    sc_traj_init(R, kind, c->d, c->steps);
    k.ref = R;
    k.next = 0;
    k.stop_at = stop_at;
    k.same = 1;
    sc_traj_init_stream(T, kind, c->d, c->steps, stream_visit, &k);
    if (reduced)
    {
        assert_int_equal(sc_dyn_run_reduced(R, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
        assert_int_equal(sc_dyn_run_reduced(T, c, data, 0, prec, why,
                                            sizeof why), SC_OK);
    }
    else
    {
        sc_dyn_run_full(R, c, data, 0, prec);
        sc_dyn_run_full(T, c, data, 0, prec);
    }
    assert_true(k.same);
    if (stop_at < 0)
    {
        assert_int_equal(k.next, R->len);       /* every state, once */
        assert_int_equal(T->len, R->len);
        assert_string_equal(T->stop, R->stop);
    }
    else
    {
        assert_int_equal(k.next, stop_at + 1);
        assert_int_equal(T->len, stop_at + 1);
        assert_non_null(strstr(T->stop, "stopped by its reader"));
    }
    len = R->len;
    sc_traj_clear(T);
    sc_traj_clear(R);
    sc_data_clear(data);
    return len;
}

/*
 * A streaming trajectory holds three states, yet visits every state once,
 * in order, with exactly the stored run's balls and rising flags: plain
 * GD, weight decay with momentum (the step reads state t - 1), the
 * logistic loss, the reduced recurrence, a run that ends early because its
 * enclosure got too wide, and a visitor that stops the run.
 */
static void
test_dyn_traj_stream_matches_stored(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 60, 256);
    check_stream(c, 0, 256, -1);
    check_stream(c, 1, 256, -1);
    check_stream(c, 0, 256, 17);
    check_stream(c, 1, 256, 0);
    fmpq_set_si(c->weight_decay, 1, 100);
    fmpq_set_si(c->momentum, 1, 2);
    check_stream(c, 0, 256, -1);
    sc_case_clear(c);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_LOGISTIC, 40, 128);
    check_stream(c, 0, 128, -1);
    sc_case_clear(c);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 760, 32);
    assert_true(check_stream(c, 0, 32, -1) < 761);  /* too wide early */
    sc_case_clear(c);
}

static void
test_dyn_run_full_weight_decay_and_momentum(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_dyn_t D;
    sc_traj_t T;
    slong t;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 40, 256);
    fmpq_set_si(c->weight_decay, 1, 100);
    fmpq_set_si(c->momentum, 1, 2);
    sc_data_init(data, c);
    sc_dyn_init(D, c, data, 256);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_int_equal(T->len, c->steps + 1);
    for (t = 0; t < c->steps; t++)
        check_step_rule(T, D, c, t, 256);
    /* weight decay with no momentum: the [W1] identity
       ||w+||^2 = (1 - eta lambda)^2 ||w||^2 + eta^2 ||g||^2 (<g, w> = 0) */
    fmpq_zero(c->momentum);
    sc_traj_clear(T);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    for (t = 0; t < c->steps; t++)
    {
        arb_ptr g = _arb_vec_init(c->d);
        arb_t x, y;

        arb_init(x);
        arb_init(y);
        check_step_rule(T, D, c, t, 256);
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * c->d, T->gamma + t, 256);
        arb_dot(y, NULL, 0, g, 1, g, 1, c->d, 256);
        arb_mul(y, y, D->eta, 256);
        arb_mul(y, y, D->eta, 256);
        arb_set_si(x, 97);
        arb_div_si(x, x, 100, 256);             /* 1 - 3/100 */
        arb_mul(x, x, x, 256);
        arb_addmul(y, x, T->W + t, 256);
        assert_true(arb_overlaps(y, T->W + t + 1));
        arb_clear(y);
        arb_clear(x);
        _arb_vec_clear(g, c->d);
    }
    sc_traj_clear(T);
    sc_dyn_clear(D);
    sc_data_clear(data);
    sc_case_clear(c);
}

static void
test_dyn_run_full_project_norm_keeps_norm(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_traj_t T;
    slong t;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 60, 256);
    c->project_norm = 1;
    sc_data_init(data, c);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_int_equal(T->len, c->steps + 1);
    for (t = 1; t <= c->steps; t++)
        assert_true(arb_overlaps(T->W + t, T->W));
    /* and it is not plain GD: there W grows (L7 item 3) */
    c->project_norm = 0;
    sc_traj_clear(T);
    sc_traj_init(T, SC_TRAJ_FULL, c->d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 256);
    assert_true(arb_gt(T->W + c->steps, T->W));
    sc_traj_clear(T);
    sc_data_clear(data);
    sc_case_clear(c);
}

/* The centred step with project_norm (P'(v) J over the box): every stored
   state t + 1 overlaps the projected step recomputed in balls from the
   stored state t, with weight decay on; and 1500 steps of the periodic
   showcase setting stay narrow at 512 bits (the naive ball step needed
   more than 4096 bits for 700 steps). */
static void
test_dyn_run_full_project_norm_centred(void ** state)
{
    sc_case_t c;
    sc_data_t data;
    sc_dyn_t D;
    sc_traj_t T;
    slong t, j, d;
    arb_ptr g, w1;
    arb_t q1, r, x;

    (void) state;
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 1500, 512);
    fmpq_set_si(c->weight_decay, 1, 100);
    c->project_norm = 1;
    d = c->d;
    sc_data_init(data, c);
    sc_dyn_init(D, c, data, 512);
    sc_traj_init(T, SC_TRAJ_FULL, d, c->steps);
    sc_dyn_run_full(T, c, data, 0, 512);
    assert_int_equal(T->len, c->steps + 1);
    assert_true(is_narrow(T->W + c->steps, 100));
    g = _arb_vec_init(d);
    w1 = _arb_vec_init(d);
    arb_init(q1);
    arb_init(r);
    arb_init(x);
    arb_mul(q1, D->eta, D->weight_decay, 512);
    arb_sub_ui(q1, q1, 1, 512);
    arb_neg(q1, q1);
    for (t = 0; t < c->steps; t++)
    {
        sc_dyn_grad(g, NULL, NULL, D, T->w + t * d, T->gamma + t, 512);
        for (j = 0; j < d; j++)
        {
            arb_mul(w1 + j, q1, T->w + t * d + j, 512);
            arb_submul(w1 + j, D->eta, g + j, 512);
        }
        arb_dot(r, NULL, 0, w1, 1, w1, 1, d, 512);
        arb_div(r, T->W, r, 512);
        arb_sqrtpos(r, r, 512);
        for (j = 0; j < d; j++)
        {
            arb_mul(x, w1 + j, r, 512);
            if (!arb_overlaps(x, T->w + (t + 1) * d + j))
                fail_msg("step %ld, coordinate %ld", (long) t, (long) j);
        }
    }
    arb_clear(x);
    arb_clear(r);
    arb_clear(q1);
    _arb_vec_clear(w1, d);
    _arb_vec_clear(g, d);
    sc_traj_clear(T);
    sc_dyn_clear(D);
    sc_data_clear(data);
    sc_case_clear(c);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_dyn_run_full_first_step_exact,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_dyn_run_reduced_first_step_exact, setup_rand,
            teardown_rand),
        cmocka_unit_test(test_dyn_run_full_matches_reduced_300_steps),
        cmocka_unit_test(test_dyn_run_full_centred_760_steps),
        cmocka_unit_test(test_dyn_run_full_split_rho_below_1e_1000),
        cmocka_unit_test(test_dyn_run_full_split_plain_data_step_rule),
        cmocka_unit_test(test_dyn_run_reduced_spike_reference_numbers),
        cmocka_unit_test(test_dyn_run_reduced_gamma_enclosure_contracts),
        cmocka_unit_test_setup_teardown(test_dyn_run_reduced_domain,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_dyn_run_full_point_float64_view),
        cmocka_unit_test(test_dyn_traj_state_mid_and_rising),
        cmocka_unit_test(test_dyn_traj_stream_matches_stored),
        cmocka_unit_test(test_dyn_run_full_weight_decay_and_momentum),
        cmocka_unit_test(test_dyn_run_full_project_norm_keeps_norm),
        cmocka_unit_test(test_dyn_run_full_project_norm_centred),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
