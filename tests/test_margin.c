/*
 * test_margin.c -- tests of the hard-margin SVM without A3
 * (sc_svm_hard_margin, sc_svm_margin_verify; data/svm_margin.c) and of its
 * wiring as the logistic reference direction of sc_data.
 *
 * The answers are computed independently of the code under test:
 * hand-solved datasets with a closed-form max-margin direction (one of them
 * centred data where A3 fails); the all-active w* of the A3 path and the
 * recipe's ||w*||^2 = 1/s^2 on recipe data; and, on random small integer
 * data, brute force over every subset of constraints (the SVM is the
 * minimal-norm interpolant of its active set, and every feasible
 * interpolant has norm >= the SVM's), which also decides separability.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "cases/cases.h"
#include "data/data.h"
#include "data/svm.h"

#define SC_TEST_DEFAULT_SEED 20261207UL
#include "sc_test.h"

/* Data z_1 = (2, 0), z_2 = (0, 1), z_3 = (3, 3) as y_i x_i (x_3 with label
   -1): min ||w||^2 s.t. 2 w_1 >= 1, w_2 >= 1 is w = (1/2, 1), where the
   third constraint is slack (9/2 > 1); alpha = (1/4, 1, 0) from
   w = alpha_1 z_1 + alpha_2 z_2.  Two of three constraints active. */
static void
test_margin_hand_two_active(void ** state)
{
    static const slong x[6] = { 2, 0, 0, -1, -3, -3 };
    static const slong yv[3] = { 1, -1, -1 };
    fmpq_mat_t X, y, w, alpha, want;
    char why[SC_REASON_LEN];
    slong support, i;

    (void) state;
    fmpq_mat_init(X, 3, 2);
    fmpq_mat_init(y, 3, 1);
    fmpq_mat_init(w, 2, 1);
    fmpq_mat_init(alpha, 3, 1);
    fmpq_mat_init(want, 2, 1);
    set_rows_si(X, x);
    for (i = 0; i < 3; i++)
        fmpq_set_si(fmpq_mat_entry(y, i, 0), yv[i], 1);
    assert_int_equal(sc_svm_hard_margin(w, alpha, &support, why, sizeof why,
                                        X, y), SC_SVM_MARGIN_OK);
    fmpq_set_si(fmpq_mat_entry(want, 0, 0), 1, 2);
    fmpq_set_si(fmpq_mat_entry(want, 1, 0), 1, 1);
    assert_true(fmpq_mat_equal(w, want));
    assert_int_equal(support, 2);
    fmpq_set_si(fmpq_mat_entry(want, 0, 0), 1, 4);
    assert_true(fmpq_equal(fmpq_mat_entry(alpha, 0, 0),
                           fmpq_mat_entry(want, 0, 0)));
    assert_true(fmpq_is_one(fmpq_mat_entry(alpha, 1, 0)));
    assert_true(fmpq_is_zero(fmpq_mat_entry(alpha, 2, 0)));

    /* the verifier rejects a wrong certificate: alpha_3 > 0 on the slack
       constraint, and a w off the stationarity */
    fmpq_one(fmpq_mat_entry(alpha, 2, 0));
    assert_false(sc_svm_margin_verify(&support, why, sizeof why, w, alpha,
                                      X, y));
    assert_true(strstr(why, "stationarity") != NULL);
    fmpq_zero(fmpq_mat_entry(alpha, 2, 0));
    fmpq_set_si(fmpq_mat_entry(w, 1, 0), 2, 1);
    assert_false(sc_svm_margin_verify(&support, why, sizeof why, w, alpha,
                                      X, y));
    fmpq_mat_clear(want);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* Centred data, n = 4 < d = 5, y = (+1, +1, -1, -1):
   x~ = (1,0,..), (2,1,..), (-1,0,..), (-2,-1,..) (sum 0).  The constraints
   are w_1 >= 1 (twice) and 2 w_1 + w_2 >= 1 (twice), so w* = e_1 with the
   samples 2 and 4 slack (margin 2): A3 fails, the hard margin exists,
   ||w*|| = 1 = 1/m, alpha_1 + alpha_3 = 1, alpha_2 = alpha_4 = 0.  As a
   logistic case: has_ref with w* = e_1 and c2 = 1, and A3 still fails. */
static void
test_margin_a3_fails(void ** state)
{
    static const slong x[20] = { 1, 0, 0, 0, 0,   2, 1, 0, 0, 0,
                                 -1, 0, 0, 0, 0, -2, -1, 0, 0, 0 };
    static const slong yv[4] = { 1, 1, -1, -1 };
    fmpq_mat_t X, y, w, alpha, e1;
    fmpq_t s;
    char why[SC_REASON_LEN];
    slong support, i;
    sc_case_t c;
    sc_data_t D;

    (void) state;
    fmpq_mat_init(X, 4, 5);
    fmpq_mat_init(y, 4, 1);
    fmpq_mat_init(w, 5, 1);
    fmpq_mat_init(alpha, 4, 1);
    fmpq_mat_init(e1, 5, 1);
    fmpq_init(s);
    set_rows_si(X, x);
    for (i = 0; i < 4; i++)
        fmpq_set_si(fmpq_mat_entry(y, i, 0), yv[i], 1);
    fmpq_one(fmpq_mat_entry(e1, 0, 0));
    assert_int_equal(sc_svm_hard_margin(w, alpha, &support, why, sizeof why,
                                        X, y), SC_SVM_MARGIN_OK);
    assert_true(fmpq_mat_equal(w, e1));
    assert_int_equal(support, 2);
    fmpq_add(s, fmpq_mat_entry(alpha, 0, 0), fmpq_mat_entry(alpha, 2, 0));
    assert_true(fmpq_is_one(s));
    assert_true(fmpq_is_zero(fmpq_mat_entry(alpha, 1, 0)));
    assert_true(fmpq_is_zero(fmpq_mat_entry(alpha, 3, 0)));

    sc_case_init(c);
    sc_case_set_dims(c, 4, 5);
    fmpq_mat_set(c->X, X);
    fmpq_mat_set(c->y, y);
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_one(fmpq_mat_entry(c->w0, 1, 0));
    c->loss = SC_LOSS_LOGISTIC;
    sc_data_init(D, c);
    assert_true(D->has_svm && D->has_ref);
    assert_int_equal(D->svm->fail, SC_SVM_A3_FAILS);
    assert_int_equal(D->svm->margin, SC_SVM_MARGIN_OK);
    assert_true(fmpq_mat_equal(D->wstar, e1));
    assert_true(fmpq_is_one(D->c2));
    assert_true(fmpq_is_zero(D->svm->m2));  /* the A3 fields stay unset */
    sc_data_clear(D);
    sc_case_clear(c);

    fmpq_clear(s);
    fmpq_mat_clear(e1);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* Centred, not separable: x~ = (1,0,0) with both labels and (-1,0,0) with
   both labels, so z_1 + z_2 = 0.  Unavailable, with the reason; as a
   logistic case no reference direction. */
static void
test_margin_not_separable(void ** state)
{
    static const slong x[12] = { 1, 0, 0, 1, 0, 0, -1, 0, 0, -1, 0, 0 };
    static const slong yv[4] = { 1, -1, 1, -1 };
    fmpq_mat_t X, y, w, alpha;
    char why[SC_REASON_LEN];
    slong support, i;
    sc_case_t c;
    sc_data_t D;

    (void) state;
    fmpq_mat_init(X, 4, 3);
    fmpq_mat_init(y, 4, 1);
    fmpq_mat_init(w, 3, 1);
    fmpq_mat_init(alpha, 4, 1);
    set_rows_si(X, x);
    for (i = 0; i < 4; i++)
        fmpq_set_si(fmpq_mat_entry(y, i, 0), yv[i], 1);
    assert_int_equal(sc_svm_hard_margin(w, alpha, &support, why, sizeof why,
                                        X, y), SC_SVM_MARGIN_NOT_SEPARABLE);
    assert_true(strstr(why, "not separable") != NULL);
    assert_true(fmpq_mat_is_zero(w));

    sc_case_init(c);
    sc_case_set_dims(c, 4, 3);
    fmpq_mat_set(c->X, X);
    fmpq_mat_set(c->y, y);
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    c->loss = SC_LOSS_LOGISTIC;
    sc_data_init(D, c);
    assert_false(D->has_ref);
    assert_int_equal(D->svm->margin, SC_SVM_MARGIN_NOT_SEPARABLE);
    sc_data_clear(D);
    sc_case_clear(c);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* Recipe data (A3 and A4 by construction, rotated and shifted): the hard
   margin equals the all-active w* of the A3 path, every sample is active
   and ||w*||^2 = 1/s^2. */
static void
test_margin_matches_a3(void ** state)
{
    test_state * st = *state;
    slong iter, i, n = 6, d = 9, support;
    fmpq_mat_t X, Xc, y, alpha, w, a;
    fmpq_t s, w2;
    char why[SC_REASON_LEN], err[256];
    sc_svm_t S;

    fmpq_mat_init(X, n, d);
    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(w, d, 1);
    fmpq_mat_init(a, n, 1);
    fmpq_init(s);
    fmpq_init(w2);
    for (iter = 0; iter < 4 * test_multiplier(); iter++)
    {
        fmpq_set_si(s, 1, 2 + n_randint(st->r, 3));
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        1 + n_randint(st->r, 5), 1);
        assert_int_equal(sc_case_gen_logistic(X, y, n, d, s, alpha, 0, 1,
                                              NULL, 1 + iter, err,
                                              sizeof err), SC_OK);
        sc_data_center(Xc, X);
        sc_svm_init(S, Xc, y);
        assert_true(S->a3);
        assert_int_equal(sc_svm_hard_margin(w, a, &support, why, sizeof why,
                                            Xc, y), SC_SVM_MARGIN_OK);
        if (!fmpq_mat_equal(w, S->wstar) || support != n)
        {
            print_seed(st);
            print_error("  iter %ld support %ld\n", (long) iter,
                        (long) support);
            fail();
        }
        sc_data_dot(w2, w, w);
        fmpq_mul(w2, w2, s);
        fmpq_mul(w2, w2, s);
        assert_true(fmpq_is_one(w2));
        sc_svm_clear(S);
    }
    fmpq_clear(w2);
    fmpq_clear(s);
    fmpq_mat_clear(a);
    fmpq_mat_clear(w);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
    fmpq_mat_clear(X);
}

/* Brute force: the least ||w||^2 over the minimal-norm interpolants w_A of
   every nonempty subset A of constraints that are feasible for all; found
   = 0 when none is (then the data are not separable). */
static int
brute_margin(fmpq_mat_t best, const fmpq_mat_t X, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X), i, j, k;
    ulong mask;
    fmpq_t b2, w2;
    int found = 0;

    fmpq_init(b2);
    fmpq_init(w2);
    for (mask = 1; mask < (UWORD(1) << n); mask++)
    {
        fmpq_mat_t Z, Zt, G, one, zeta, w, m;
        int ok;

        k = 0;
        for (i = 0; i < n; i++)
            k += (mask >> i) & 1;
        fmpq_mat_init(Z, k, d);
        fmpq_mat_init(Zt, d, k);
        fmpq_mat_init(G, k, k);
        fmpq_mat_init(one, k, 1);
        fmpq_mat_init(zeta, k, 1);
        fmpq_mat_init(w, d, 1);
        fmpq_mat_init(m, n, 1);
        for (i = 0, k = 0; i < n; i++)
        {
            if (!((mask >> i) & 1))
                continue;
            for (j = 0; j < d; j++)
                fmpq_mul(fmpq_mat_entry(Z, k, j), fmpq_mat_entry(X, i, j),
                         fmpq_mat_entry(y, i, 0));
            fmpq_one(fmpq_mat_entry(one, k, 0));
            k++;
        }
        fmpq_mat_transpose(Zt, Z);
        fmpq_mat_mul(G, Z, Zt);
        ok = fmpq_mat_can_solve(zeta, G, one);
        if (ok)
        {
            fmpq_mat_mul(w, Zt, zeta);
            fmpq_mat_mul(m, X, w);
            for (i = 0; ok && i < n; i++)
            {
                fmpq_mul(w2, fmpq_mat_entry(m, i, 0), fmpq_mat_entry(y, i, 0));
                ok = fmpq_cmp_si(w2, 1) >= 0;
            }
        }
        if (ok)
        {
            sc_data_dot(w2, w, w);
            if (!found || fmpq_cmp(w2, b2) < 0)
            {
                fmpq_set(b2, w2);
                fmpq_mat_set(best, w);
            }
            found = 1;
        }
        fmpq_mat_clear(m);
        fmpq_mat_clear(w);
        fmpq_mat_clear(zeta);
        fmpq_mat_clear(one);
        fmpq_mat_clear(G);
        fmpq_mat_clear(Zt);
        fmpq_mat_clear(Z);
    }
    fmpq_clear(w2);
    fmpq_clear(b2);
    return found;
}

/* Random small integer data, separable or not, biased to ties (entries in
   -2..2): the solve agrees with brute force on separability and on w*. */
static void
test_margin_matches_brute_force(void ** state)
{
    test_state * st = *state;
    slong iter, sep = 0, nonsep = 0;

    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        slong n = 2 + n_randint(st->r, 5), d = 1 + n_randint(st->r, 4);
        slong i, j, support;
        fmpq_mat_t X, y, w, alpha, want;
        char why[SC_REASON_LEN];
        sc_svm_margin_t r;
        int found;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(w, d, 1);
        fmpq_mat_init(alpha, n, 1);
        fmpq_mat_init(want, d, 1);
        for (i = 0; i < n; i++)
        {
            for (j = 0; j < d; j++)
                fmpq_set_si(fmpq_mat_entry(X, i, j),
                            (slong) n_randint(st->r, 5) - 2, 1);
            fmpq_set_si(fmpq_mat_entry(y, i, 0),
                        n_randint(st->r, 2) ? 1 : -1, 1);
        }
        r = sc_svm_hard_margin(w, alpha, &support, why, sizeof why, X, y);
        found = brute_margin(want, X, y);
        if (r == SC_SVM_MARGIN_UNVERIFIED
            || (r == SC_SVM_MARGIN_OK) != found
            || (found && !fmpq_mat_equal(w, want)))
        {
            print_seed(st);
            print_error("  iter %ld n %ld d %ld result %d brute %d: %s\n",
                        (long) iter, (long) n, (long) d, (int) r, found,
                        why);
            fail();
        }
        sep += found;
        nonsep += !found;
        fmpq_mat_clear(want);
        fmpq_mat_clear(alpha);
        fmpq_mat_clear(w);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
    /* both outcomes exercised */
    assert_true(sep > 10 && nonsep > 10);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_margin_hand_two_active),
        cmocka_unit_test(test_margin_a3_fails),
        cmocka_unit_test(test_margin_not_separable),
        cmocka_unit_test_setup_teardown(test_margin_matches_a3,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_margin_matches_brute_force,
                                        setup_rand, teardown_rand),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
