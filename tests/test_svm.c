/*
 * test_svm.c -- tests of the logistic data layer (sc_svm_*, data/svm.h) and
 * of the recipe generator sc_case_gen_logistic (LOGISTIC.md section 3).
 *
 * Every answer is computed independently of the code under test: the
 * recipe's own w* = e1/s, margin s and weights alpha; the spec's closed
 * form for A3/A4 on recipe data (min_{+} alpha + min_{-} alpha >= 0 / > 0);
 * hand-solved 4-sample datasets for the LP (null(G) of dimension 2) and for
 * Definition 2's beta; eigenvalues known by construction, Rayleigh
 * quotients, the exact characteristic polynomial of Sigma (FLINT's
 * fmpq_mat_charpoly on the d x d matrix) and exact sign changes at the
 * ends of the enclosures; and beta as a minimum checked against random
 * directions of V.
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
#include "flint/fmpq_poly.h"
#include "data/data.h"
#include "data/svm.h"
#include "theorems/theorems.h"

#define SC_TEST_DEFAULT_SEED 20261123UL
#include "sc_test.h"

/* ---- helpers ----------------------------------------------------------- */

/* Recipe data (centred: no shift unless mu != NULL); aborts the test on a
   generator error. */
static void
recipe(fmpq_mat_t Xc, fmpq_mat_t y, slong n, slong d, const fmpq_t s,
       const fmpq_mat_t alpha, slong zrank, int rotate, const fmpq_mat_t mu,
       ulong seed)
{
    fmpq_mat_t X;
    char err[256];

    fmpq_mat_init(X, n, d);
    if (sc_case_gen_logistic(X, y, n, d, s, alpha, zrank, rotate, mu, seed,
                             err, sizeof err) != SC_OK)
    {
        print_error("  generator: %s\n", err);
        fail();
    }
    sc_data_center(Xc, X);
    fmpq_mat_clear(X);
}

/* a = alpha scaled to sum 1/s^2 */
static void
scaled_alpha(fmpq_mat_t a, const fmpq_mat_t alpha, const fmpq_t s)
{
    slong i, n = fmpq_mat_nrows(alpha);
    fmpq_t sum;

    fmpq_init(sum);
    for (i = 0; i < n; i++)
        fmpq_add(sum, sum, fmpq_mat_entry(alpha, i, 0));
    fmpq_mul(sum, sum, s);
    fmpq_mul(sum, sum, s);
    fmpq_mat_scalar_div_fmpz(a, alpha, fmpq_numref(sum));
    fmpq_mat_scalar_mul_fmpz(a, a, fmpq_denref(sum));
    fmpq_clear(sum);
}

/* Xc w == y exactly */
static int
interpolates(const fmpq_mat_t Xc, const fmpq_mat_t w, const fmpq_mat_t y)
{
    fmpq_mat_t t;
    int ok;

    fmpq_mat_init(t, fmpq_mat_nrows(Xc), 1);
    fmpq_mat_mul(t, Xc, w);
    ok = fmpq_mat_equal(t, y);
    fmpq_mat_clear(t);
    return ok;
}

/* Xc^T (alpha (.) y) == w exactly: the KKT stationarity */
static int
kkt_stationary(const fmpq_mat_t Xc, const fmpq_mat_t alpha,
               const fmpq_mat_t y, const fmpq_mat_t w)
{
    slong i, n = fmpq_mat_nrows(Xc), d = fmpq_mat_ncols(Xc);
    fmpq_mat_t ay, Xt, t;
    int ok;

    fmpq_mat_init(ay, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(t, d, 1);
    for (i = 0; i < n; i++)
        fmpq_mul(fmpq_mat_entry(ay, i, 0), fmpq_mat_entry(alpha, i, 0),
                 fmpq_mat_entry(y, i, 0));
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(t, Xt, ay);
    ok = fmpq_mat_equal(t, w);
    fmpq_mat_clear(t);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(ay);
    return ok;
}

/* ---- recipe data: exact known answers ---------------------------------- */

/* Dataset A's recipe (n = 6, d = 9, s = 1/2, alpha ~ (1,2,3,1,2,4)),
   rotated and shifted, over several seeds: rank 5, A1, A3, A4, the
   recovered alpha equals the recipe's exactly (min over each class is 1,
   so the midpoint shift is 0), m^2 = 1/4, X~ w* = y, ||w*||^2 = 4, the KKT
   stationarity, sum alpha = 1/m^2, R^2 recomputed. */
static void
test_svm_recipe_dataset_a(void ** state)
{
    static const slong al[6] = { 1, 2, 3, 1, 2, 4 };
    test_state * st = *state;
    slong iter, i, j;
    fmpq_mat_t Xc, y, alpha, a, mu;
    fmpq_t s, t, R2;

    fmpq_mat_init(Xc, 6, 9);
    fmpq_mat_init(y, 6, 1);
    fmpq_mat_init(alpha, 6, 1);
    fmpq_mat_init(a, 6, 1);
    fmpq_mat_init(mu, 9, 1);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(R2);
    fmpq_set_si(s, 1, 2);
    set_rows_si(alpha, al);
    scaled_alpha(a, alpha, s);
    for (iter = 0; iter < 4 * test_multiplier(); iter++)
    {
        sc_svm_t S;

        for (j = 0; j < 9; j++)
            fmpq_randtest(fmpq_mat_entry(mu, j, 0), st->r, 20);
        recipe(Xc, y, 6, 9, s, alpha, 0, 1, mu, n_randint(st->r, 1000));
        sc_svm_init(S, Xc, y);
        if (!S->a1 || !S->rank_ok || !S->a3 || !S->a4 || S->rank != 5
            || S->why[0] != '\0' || !fmpq_mat_equal(S->alpha, a))
        {
            print_error("  a1 %d rank %ld a3 %d a4 %d why '%s'\n", S->a1,
                        (long) S->rank, S->a3, S->a4, S->why);
            print_seed(st);
            fail();
        }
        fmpq_set_si(t, 1, 4);
        assert_true(fmpq_equal(S->m2, t));
        assert_true(interpolates(Xc, S->wstar, y));
        sc_data_dot(t, S->wstar, S->wstar);
        assert_true(fmpq_cmp_ui(t, 4) == 0);
        assert_true(kkt_stationary(Xc, S->alpha, y, S->wstar));
        fmpq_zero(t);
        for (i = 0; i < 6; i++)
            fmpq_add(t, t, fmpq_mat_entry(S->alpha, i, 0));
        assert_true(fmpq_cmp_ui(t, 4) == 0);
        fmpq_set_si(t, 4, 13);      /* alpha_min = 1 * 4/13 */
        assert_true(fmpq_equal(S->alpha_min, t));
        fmpq_zero(R2);
        for (i = 0; i < 6; i++)
        {
            fmpq_zero(t);
            for (j = 0; j < 9; j++)
                fmpq_addmul(t, fmpq_mat_entry(Xc, i, j),
                            fmpq_mat_entry(Xc, i, j));
            if (fmpq_cmp(t, R2) > 0)
                fmpq_set(R2, t);
        }
        assert_true(fmpq_equal(S->R2, R2));
        assert_true(S->beta_exact && fmpq_sgn(S->beta2) > 0);
        sc_svm_clear(S);
    }
    fmpq_clear(R2);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpq_mat_clear(mu);
    fmpq_mat_clear(a);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* Unrotated recipe: w* = e1 / s exactly, for random margins s. */
static void
test_svm_recipe_unrotated_wstar(void ** state)
{
    test_state * st = *state;
    slong iter, i;
    fmpq_mat_t Xc, y, alpha, e;
    fmpq_t s;

    fmpq_mat_init(Xc, 8, 12);
    fmpq_mat_init(y, 8, 1);
    fmpq_mat_init(alpha, 8, 1);
    fmpq_mat_init(e, 12, 1);
    fmpq_init(s);
    for (iter = 0; iter < 4 * test_multiplier(); iter++)
    {
        sc_svm_t S;

        fmpq_set_si(s, 1 + n_randint(st->r, 5), 1 + n_randint(st->r, 7));
        for (i = 0; i < 8; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        1 + n_randint(st->r, 9), 1 + n_randint(st->r, 3));
        recipe(Xc, y, 8, 12, s, alpha, 0, 0, NULL, n_randint(st->r, 1000));
        sc_svm_init(S, Xc, y);
        fmpq_mat_zero(e);
        fmpq_inv(fmpq_mat_entry(e, 0, 0), s);
        assert_true(S->a3 && S->a4 && S->rank_ok);
        assert_true(fmpq_mat_equal(S->wstar, e));
        fmpq_mul(fmpq_mat_entry(e, 0, 0), s, s);
        assert_true(fmpq_equal(S->m2, fmpq_mat_entry(e, 0, 0)));
        sc_svm_clear(S);
    }
    fmpq_clear(s);
    fmpq_mat_clear(e);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* The spec's closed form on recipe data with weights of any sign:
   A3 <=> min_{+} alpha + min_{-} alpha >= 0, A4 <=> > 0, and the
   recovered weights are alpha + nu y with the midpoint nu =
   (min_{-} - min_{+}) / 2 (in scaled units). */
static void
test_svm_recipe_signs_closed_form(void ** state)
{
    test_state * st = *state;
    slong iter, i, n = 6, d = 9, seen[3] = { 0, 0, 0 };
    fmpq_mat_t Xc, y, alpha, a;
    fmpq_t s, mp, mm, nu, t;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(a, n, 1);
    fmpq_init(s);
    fmpq_init(mp);
    fmpq_init(mm);
    fmpq_init(nu);
    fmpq_init(t);
    fmpq_set_si(s, 1, 3);
    for (iter = 0; iter < 40 * test_multiplier(); iter++)
    {
        sc_svm_t S;
        int a3, a4;

        do
        {
            fmpq_zero(t);
            for (i = 0; i < n; i++)
            {
                fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                            (slong) n_randint(st->r, 7) - 2, 1);
                fmpq_add(t, t, fmpq_mat_entry(alpha, i, 0));
            }
        }
        while (fmpq_sgn(t) <= 0);
        recipe(Xc, y, n, d, s, alpha, 0, iter % 2, NULL, iter);
        scaled_alpha(a, alpha, s);
        fmpq_set(mp, fmpq_mat_entry(a, 0, 0));
        fmpq_set(mm, fmpq_mat_entry(a, n / 2, 0));
        for (i = 0; i < n; i++)
        {
            fmpq * ai = fmpq_mat_entry(a, i, 0);

            if (i < n / 2 && fmpq_cmp(ai, mp) < 0)
                fmpq_set(mp, ai);
            if (i >= n / 2 && fmpq_cmp(ai, mm) < 0)
                fmpq_set(mm, ai);
        }
        fmpq_add(t, mp, mm);
        a3 = fmpq_sgn(t) >= 0;
        a4 = fmpq_sgn(t) > 0;
        sc_svm_init(S, Xc, y);
        if (S->a3 != a3 || S->a4 != a4 || !S->rank_ok)
        {
            print_fmpq("min+ + min-", t);
            print_error("  a3 %d (want %d) a4 %d (want %d) rank %ld\n",
                        S->a3, a3, S->a4, a4, (long) S->rank);
            print_seed(st);
            fail();
        }
        seen[a3 + a4]++;
        if (a3)
        {
            fmpq_sub(nu, mm, mp);
            fmpq_div_2exp(nu, nu, 1);
            for (i = 0; i < n; i++)
            {
                fmpq_mul(t, nu, fmpq_mat_entry(y, i, 0));
                fmpq_add(fmpq_mat_entry(a, i, 0), fmpq_mat_entry(a, i, 0), t);
            }
            assert_true(fmpq_mat_equal(S->alpha, a));
            assert_true(kkt_stationary(Xc, S->alpha, y, S->wstar));
        }
        else
        {
            assert_true(fmpq_mat_is_zero(S->wstar));
            assert_true(strstr(S->why, "A3") != NULL);
        }
        sc_svm_clear(S);
    }
    /* every outcome was exercised */
    assert_true(seen[0] > 0 && seen[1] > 0 && seen[2] > 0);
    fmpq_clear(t);
    fmpq_clear(nu);
    fmpq_clear(mm);
    fmpq_clear(mp);
    fmpq_clear(s);
    fmpq_mat_clear(a);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* The spec's warning: recipe alpha = (0,1,2,0,3,1), n = 6, d = 9.  A3 holds
   with alpha_min = 0, A4 fails, beta = 0; the ungated enumeration would
   still report a positive beta. */
static void
test_svm_zero_alpha_gates_beta(void ** state)
{
    static const slong al[6] = { 0, 1, 2, 0, 3, 1 };
    fmpq_mat_t Xc, y, alpha;
    fmpq_t s, b2;
    arb_t beta;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 6, 9);
    fmpq_mat_init(y, 6, 1);
    fmpq_mat_init(alpha, 6, 1);
    fmpq_init(s);
    fmpq_init(b2);
    arb_init(beta);
    fmpq_set_si(s, 1, 2);
    set_rows_si(alpha, al);
    recipe(Xc, y, 6, 9, s, alpha, 0, 1, NULL, 7);
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && S->rank_ok && S->a3 && !S->a4);
    assert_true(fmpq_is_zero(S->alpha_min));
    assert_true(strstr(S->why, "A4") != NULL);
    assert_false(S->beta_exact);
    assert_true(fmpq_is_zero(S->beta2));
    sc_svm_beta(beta, S, 128);
    assert_true(arb_is_zero(beta));
    /* what the gate prevents */
    assert_true(sc_svm_beta2_vertices(b2, NULL, Xc, y));
    assert_true(fmpq_sgn(b2) > 0);
    /* and why beta = 0 is right: v = X~^T c with G c = e_0 - e_3 (both
       weights 0) lies in V and has y_i <v, x~_i> = (1,0,0,1,0,0) >= 0,
       so max_v min_i y_i <v, x~_i> >= 0 */
    {
        fmpq_mat_t G, Xt, c, e, v, Xv;
        slong i;

        fmpq_mat_init(G, 6, 6);
        fmpq_mat_init(Xt, 9, 6);
        fmpq_mat_init(c, 6, 1);
        fmpq_mat_init(e, 6, 1);
        fmpq_mat_init(v, 9, 1);
        fmpq_mat_init(Xv, 6, 1);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(G, Xc, Xt);
        fmpq_one(fmpq_mat_entry(e, 0, 0));
        fmpq_set_si(fmpq_mat_entry(e, 3, 0), -1, 1);
        assert_true(fmpq_mat_can_solve(c, G, e));
        fmpq_mat_mul(v, Xt, c);
        assert_false(fmpq_mat_is_zero(v));
        sc_data_dot(b2, v, S->wstar);
        assert_true(fmpq_is_zero(b2));
        fmpq_mat_mul(Xv, Xc, v);
        for (i = 0; i < 6; i++)
        {
            fmpq_mul(b2, fmpq_mat_entry(Xv, i, 0), fmpq_mat_entry(y, i, 0));
            assert_true(fmpq_sgn(b2) >= 0);
        }
        fmpq_mat_clear(Xv);
        fmpq_mat_clear(v);
        fmpq_mat_clear(e);
        fmpq_mat_clear(c);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(G);
    }
    sc_svm_clear(S);
    arb_clear(beta);
    fmpq_clear(b2);
    fmpq_clear(s);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* A negative weight: recipe alpha = (-2,2,3,1,2,4) has min+ + min- = -1:
   A3 fails (a sample is strictly outside the margin). */
static void
test_svm_negative_alpha_a3_false(void ** state)
{
    static const slong al[6] = { -2, 2, 3, 1, 2, 4 };
    fmpq_mat_t Xc, y, alpha;
    fmpq_t s;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 6, 9);
    fmpq_mat_init(y, 6, 1);
    fmpq_mat_init(alpha, 6, 1);
    fmpq_init(s);
    fmpq_set_si(s, 1, 2);
    set_rows_si(alpha, al);
    recipe(Xc, y, 6, 9, s, alpha, 0, 1, NULL, 11);
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && S->rank_ok && !S->a3 && !S->a4);
    assert_false(S->beta_exact);
    assert_true(fmpq_is_zero(S->m2));
    sc_svm_clear(S);
    fmpq_clear(s);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* n >= d: A1 fails, named first in why; the other facts still computed. */
static void
test_svm_a1_false(void ** state)
{
    static const slong al[6] = { 1, 1, 1, 1, 1, 1 };
    slong d;

    (void) state;
    for (d = 5; d <= 6; d++)
    {
        fmpq_mat_t Xc, y, alpha;
        fmpq_t s;
        sc_svm_t S;

        fmpq_mat_init(Xc, 6, d);
        fmpq_mat_init(y, 6, 1);
        fmpq_mat_init(alpha, 6, 1);
        fmpq_init(s);
        fmpq_one(s);
        set_rows_si(alpha, al);
        recipe(Xc, y, 6, d, s, alpha, 0, 0, NULL, 3);
        sc_svm_init(S, Xc, y);
        assert_false(S->a1);
        assert_true(strstr(S->why, "A1") != NULL);
        assert_true(S->a3 && S->a4);
        sc_svm_clear(S);
        fmpq_clear(s);
        fmpq_mat_clear(alpha);
        fmpq_mat_clear(y);
        fmpq_mat_clear(Xc);
    }
}

/* ---- the LP (null(G) larger than span(1)) ------------------------------ */

/* x~ in R^5 (last three coordinates 0), labels (+,+,-,-).  rank 2, so
   null(G) has dimension 2 and the LP decides.  Hand solutions:
   (1,1),(1,-1),(-1,1),(-1,-1): w* = e1, alpha = 1/4 each (tmax = 1/4);
   (1,1),(1,2),(-1,-1),(-1,-2): X~ e1 = y but the SVM is (1/2,1/2) with
   (1,2) inactive; the weights are forced to alpha_2 + alpha_4 = -1,
   alpha_1 + alpha_3 = 2, so max alpha_min = -1/2: A3 fails. */
static void
hand_data(fmpq_mat_t Xc, fmpq_mat_t y, const slong * pts)
{
    slong i;

    fmpq_mat_zero(Xc);
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(fmpq_mat_entry(Xc, i, 0), pts[2 * i], 1);
        fmpq_set_si(fmpq_mat_entry(Xc, i, 1), pts[2 * i + 1], 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), i < 2 ? 1 : -1, 1);
    }
}

static void
test_svm_lp_both_ways(void ** state)
{
    static const slong good[8] = { 1, 1, 1, -1, -1, 1, -1, -1 };
    static const slong bad[8] = { 1, 1, 1, 2, -1, -1, -1, -2 };
    fmpq_mat_t Xc, y, e1;
    fmpq_t t;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 4, 5);
    fmpq_mat_init(y, 4, 1);
    fmpq_mat_init(e1, 5, 1);
    fmpq_init(t);
    fmpq_one(fmpq_mat_entry(e1, 0, 0));

    hand_data(Xc, y, good);
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && !S->rank_ok && S->rank == 2);
    assert_true(S->a3 && S->a4);
    assert_true(fmpq_mat_equal(S->wstar, e1));
    fmpq_set_si(t, 1, 4);
    assert_true(fmpq_equal(S->alpha_min, t));
    assert_true(kkt_stationary(Xc, S->alpha, y, S->wstar));
    assert_true(fmpq_is_one(S->m2));
    assert_false(S->beta_exact);    /* rank gate */
    /* the rank is no hypothesis: A1-A4 hold, nothing fails */
    assert_int_equal(S->fail, SC_SVM_HOLDS);
    assert_true(S->why[0] == '\0');
    sc_svm_clear(S);

    hand_data(Xc, y, bad);
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && S->rank == 2 && !S->a3 && !S->a4);
    /* the failing hypothesis is A3, not the rank */
    assert_int_equal(S->fail, SC_SVM_A3_FAILS);
    assert_true(strstr(S->why, "A3 fails") != NULL);
    assert_null(strstr(S->why, "rank"));
    assert_true(fmpq_mat_is_zero(S->wstar));
    sc_svm_clear(S);
    {
        /* the optimum itself, through the building blocks */
        fmpq_mat_t G, Xt, zeta, N, alpha;

        fmpq_mat_init(G, 4, 4);
        fmpq_mat_init(Xt, 5, 4);
        fmpq_mat_init(zeta, 4, 1);
        fmpq_mat_init(N, 4, 0);
        fmpq_mat_init(alpha, 4, 1);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(G, Xc, Xt);
        assert_int_equal(sc_svm_null_basis(N, G), 2);
        assert_true(fmpq_mat_can_solve(zeta, G, y));
        {
            fmpq_t want;

            fmpq_init(want);
            fmpq_set_si(want, -1, 2);
            sc_svm_dual_lp(alpha, t, zeta, N, y);
            assert_true(fmpq_equal(t, want));
            fmpq_clear(want);
        }
        assert_true(kkt_stationary(Xc, alpha, y, e1));
        fmpq_mat_clear(alpha);
        fmpq_mat_clear(N);
        fmpq_mat_clear(zeta);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(G);
    }
    fmpq_clear(t);
    fmpq_mat_clear(e1);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* On rank n - 1 data the simplex (null basis span(1)) and the closed form
   agree exactly: same optimum, same weights (the optimum is unique). */
static void
test_svm_lp_matches_closed_form(void ** state)
{
    test_state * st = *state;
    slong iter, i, n = 8, d = 11;
    fmpq_mat_t Xc, y, alpha, G, Xt, zeta, N, a1, a2;
    fmpq_t s, t1, t2;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(G, n, n);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(zeta, n, 1);
    fmpq_mat_init(N, n, 1);
    fmpq_mat_init(a1, n, 1);
    fmpq_mat_init(a2, n, 1);
    fmpq_init(s);
    fmpq_init(t1);
    fmpq_init(t2);
    fmpq_set_si(s, 2, 3);
    for (iter = 0; iter < 10 * test_multiplier(); iter++)
    {
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        (slong) n_randint(st->r, 9) - 1, 1);
        fmpq_set_si(fmpq_mat_entry(alpha, 0, 0), 9, 1);   /* sum > 0 */
        recipe(Xc, y, n, d, s, alpha, 0, 1, NULL, iter);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(G, Xc, Xt);
        assert_int_equal(sc_svm_null_basis(N, G), 1);
        assert_true(fmpq_mat_can_solve(zeta, G, y));
        sc_svm_dual_closed(a1, t1, zeta, y);
        sc_svm_dual_lp(a2, t2, zeta, N, y);
        if (!fmpq_equal(t1, t2) || !fmpq_mat_equal(a1, a2))
        {
            print_fmpq("closed tmax", t1);
            print_fmpq("lp tmax", t2);
            print_seed(st);
            fail();
        }
    }
    fmpq_clear(t2);
    fmpq_clear(t1);
    fmpq_clear(s);
    fmpq_mat_clear(a2);
    fmpq_mat_clear(a1);
    fmpq_mat_clear(N);
    fmpq_mat_clear(zeta);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(G);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* max_c min_i y_i (zeta + N c)_i by brute force: the optimum of the LP in
   (c, t) is a vertex where k + 1 constraints are tight (the feasible set is
   pointed, see svm_lp.c), so try every such subset. */
static void
lp_brute_force(fmpq_t best, const fmpq_mat_t zeta, const fmpq_mat_t N,
               const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(N), k = fmpq_mat_ncols(N), i, j, m;
    ulong mask;
    int found = 0;
    fmpq_mat_t A, b, x;
    fmpq_t v, t;

    fmpq_mat_init(A, k + 1, k + 1);
    fmpq_mat_init(b, k + 1, 1);
    fmpq_mat_init(x, k + 1, 1);
    fmpq_init(v);
    fmpq_init(t);
    for (mask = 0; mask < (UWORD(1) << n); mask++)
    {
        if ((slong) __builtin_popcountl(mask) != k + 1)
            continue;
        /* y_i (N c)_i - t = -y_i zeta_i on the subset */
        for (i = 0, m = 0; i < n; i++)
        {
            const fmpq * yi = fmpq_mat_entry(y, i, 0);

            if (!((mask >> i) & 1))
                continue;
            for (j = 0; j < k; j++)
                fmpq_mul(fmpq_mat_entry(A, m, j), yi, fmpq_mat_entry(N, i, j));
            fmpq_set_si(fmpq_mat_entry(A, m, k), -1, 1);
            fmpq_mul(fmpq_mat_entry(b, m, 0), yi, fmpq_mat_entry(zeta, i, 0));
            fmpq_neg(fmpq_mat_entry(b, m, 0), fmpq_mat_entry(b, m, 0));
            m++;
        }
        if (!fmpq_mat_solve(x, A, b))
            continue;
        /* feasible: every y_i (zeta + N c)_i >= t */
        for (i = 0; i < n; i++)
        {
            fmpq_set(v, fmpq_mat_entry(zeta, i, 0));
            for (j = 0; j < k; j++)
                fmpq_addmul(v, fmpq_mat_entry(N, i, j),
                            fmpq_mat_entry(x, j, 0));
            fmpq_mul(v, v, fmpq_mat_entry(y, i, 0));
            if (fmpq_cmp(v, fmpq_mat_entry(x, k, 0)) < 0)
                break;
        }
        if (i < n)
            continue;
        if (!found || fmpq_cmp(fmpq_mat_entry(x, k, 0), best) > 0)
            fmpq_set(best, fmpq_mat_entry(x, k, 0));
        found = 1;
    }
    assert_true(found);
    fmpq_clear(t);
    fmpq_clear(v);
    fmpq_mat_clear(x);
    fmpq_mat_clear(b);
    fmpq_mat_clear(A);
}

/* The simplex against brute-force vertex enumeration on rank-deficient
   recipe data (n = 8, Z0 of rank 1 to 5, weights of both signs): the same
   optimum, so the same A3 / A4 decisions, both outcomes seen. */
static void
test_svm_lp_matches_brute_force(void ** state)
{
    test_state * st = *state;
    slong iter, i, n = 8, d = 11, seen[2] = { 0, 0 };
    fmpq_mat_t Xc, y, alpha, Xt, zeta, N, a;
    fmpq_t s, t1, t2;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(zeta, n, 1);
    fmpq_mat_init(N, n, 0);
    fmpq_mat_init(a, n, 1);
    fmpq_init(s);
    fmpq_init(t1);
    fmpq_init(t2);
    fmpq_set_si(s, 1, 2);
    for (iter = 0; iter < 12 * test_multiplier(); iter++)
    {
        slong k;
        fmpq_mat_t G;

        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        (slong) n_randint(st->r, 9) - 4, 1);
        fmpq_set_si(fmpq_mat_entry(alpha, 1, 0), 29, 1);   /* sum > 0 */
        recipe(Xc, y, n, d, s, alpha, 1 + iter % 5, iter % 3 == 0, NULL,
               iter);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_init(G, n, n);
        fmpq_mat_mul(G, Xc, Xt);
        k = sc_svm_null_basis(N, Xt);
        assert_true(k >= 2);
        assert_true(fmpq_mat_can_solve(zeta, G, y));
        sc_svm_dual_lp(a, t1, zeta, N, y);
        lp_brute_force(t2, zeta, N, y);
        if (!fmpq_equal(t1, t2))
        {
            print_fmpq("simplex", t1);
            print_fmpq("brute force", t2);
            print_seed(st);
            fail();
        }
        seen[fmpq_sgn(t1) >= 0]++;
        fmpq_mat_clear(G);
    }
    if (seen[0] == 0 || seen[1] == 0)
    {
        print_error("  outcomes: %ld infeasible, %ld feasible\n",
                    (long) seen[0], (long) seen[1]);
        fail();
    }
    fmpq_clear(t2);
    fmpq_clear(t1);
    fmpq_clear(s);
    fmpq_mat_clear(a);
    fmpq_mat_clear(N);
    fmpq_mat_clear(zeta);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* Rank-deficient recipe data (Z0 of rank 2, n = 8): rank X~ = 3 < 7, the
   LP path; the recipe weights are positive, so A3 and A4 hold and w* is
   still e1 / s. */
static void
test_svm_recipe_rank_deficient(void ** state)
{
    static const slong al[8] = { 1, 2, 3, 4, 1, 2, 3, 4 };
    fmpq_mat_t Xc, y, alpha, e;
    fmpq_t s;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 8, 12);
    fmpq_mat_init(y, 8, 1);
    fmpq_mat_init(alpha, 8, 1);
    fmpq_mat_init(e, 12, 1);
    fmpq_init(s);
    fmpq_set_si(s, 1, 3);
    set_rows_si(alpha, al);
    recipe(Xc, y, 8, 12, s, alpha, 2, 0, NULL, 5);
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && !S->rank_ok && S->rank <= 3);
    assert_true(S->a3 && S->a4 && !S->beta_exact);
    fmpq_set_si(fmpq_mat_entry(e, 0, 0), 3, 1);
    assert_true(fmpq_mat_equal(S->wstar, e));
    assert_true(kkt_stationary(Xc, S->alpha, y, S->wstar));
    sc_svm_clear(S);

    /* The recipe criterion A3 <=> min_{+} alpha + min_{-} alpha >= 0 needs
       rank X~ = n - 1: with Z0 of rank 1 and weights (-2,3,3,3 | 1,2,2,2)
       (-2 + 1 < 0) A3 and even A4 hold, by an exact certificate: weights
       alpha > 0 with X~^T (alpha (.) y) = w* and X~ w* = y. */
    {
        static const slong al2[8] = { -2, 3, 3, 3, 1, 2, 2, 2 };
        slong i;

        set_rows_si(alpha, al2);
        recipe(Xc, y, 8, 12, s, alpha, 1, 0, NULL, 1);
        sc_svm_init(S, Xc, y);
        assert_true(S->rank == 2 && S->a3 && S->a4);
        for (i = 0; i < 8; i++)
            assert_true(fmpq_sgn(fmpq_mat_entry(S->alpha, i, 0)) > 0);
        assert_true(kkt_stationary(Xc, S->alpha, y, S->wstar));
        assert_true(interpolates(Xc, S->wstar, y));
        sc_svm_clear(S);
    }
    fmpq_clear(s);
    fmpq_mat_clear(e);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* ---- the spectrum ------------------------------------------------------ */

/* Orthogonal Hadamard columns scaled by k_j: Sigma = diag(k_j^2) exactly
   (n = 8 >= d, the d x d path), with a repeated eigenvalue. */
static void
test_svm_lambda_diagonal_known(void ** state)
{
    static const slong k[4] = { 3, 1, 2, 3 };
    static const slong cols[4] = { 1, 2, 4, 7 };
    fmpq_mat_t Xc, y;
    arb_t lmin, lmax;
    fmpz_t e;
    slong i, j;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 8, 4);
    fmpq_mat_init(y, 8, 1);
    arb_init(lmin);
    arb_init(lmax);
    fmpz_init(e);
    for (i = 0; i < 8; i++)
    {
        for (j = 0; j < 4; j++)
            fmpq_set_si(fmpq_mat_entry(Xc, i, j), k[j] *
                        ((__builtin_popcountl(i & cols[j]) & 1) ? -1 : 1), 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), (i & 1) ? -1 : 1, 1);
    }
    sc_svm_init(S, Xc, y);
    assert_int_equal(fmpz_poly_degree(S->charpoly), 4);
    sc_svm_lambda(lmin, lmax, S, 128);
    fmpz_set_si(e, 1);
    assert_true(arb_contains_fmpz(lmin, e));
    fmpz_set_si(e, 9);
    assert_true(arb_contains_fmpz(lmax, e));
    assert_true(arb_rel_accuracy_bits(lmin) > 100);
    assert_true(arb_rel_accuracy_bits(lmax) > 100);
    sc_svm_clear(S);
    fmpz_clear(e);
    arb_clear(lmax);
    arb_clear(lmin);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* q(x) with rational x, exactly */
static void
poly_eval_fmpq(fmpq_t res, const fmpz_poly_t p, const fmpq_t x)
{
    fmpq_poly_t q;

    fmpq_poly_init(q);
    fmpq_poly_set_fmpz_poly(q, p);
    fmpq_poly_evaluate_fmpq(res, q, x);
    fmpq_poly_clear(q);
}

/* The exact roots of the squarefree part change sign across each end of
   the ball b (its endpoints are exact dyadic rationals). */
static int
sign_change_in(const fmpz_poly_t q, const arb_t b)
{
    arf_t lo, hi;
    fmpq_t x, vlo, vhi;
    int ok;

    arf_init(lo);
    arf_init(hi);
    fmpq_init(x);
    fmpq_init(vlo);
    fmpq_init(vhi);
    arb_get_lbound_arf(lo, b, 256);
    arb_get_ubound_arf(hi, b, 256);
    arf_get_fmpq(x, lo);
    poly_eval_fmpq(vlo, q, x);
    arf_get_fmpq(x, hi);
    poly_eval_fmpq(vhi, q, x);
    ok = fmpq_sgn(vlo) * fmpq_sgn(vhi) < 0;
    fmpq_clear(vhi);
    fmpq_clear(vlo);
    fmpq_clear(x);
    arf_clear(hi);
    arf_clear(lo);
    return ok;
}

/* Random recipe and plain data (n < d, the n x n path): the polynomial is
   the characteristic polynomial of the d x d Sigma up to x^k and a scalar
   (fmpq_mat_charpoly, independent); the enclosures bracket a sign change of
   its squarefree part; every exact Rayleigh quotient of a random v in the
   row space lies in [lmin, lmax]; trace Sigma in [r lmin, r lmax]; and
   m^2 in [lmin, lmax] under A3. */
static void
test_svm_lambda_random(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, n = 6, d = 9;
    fmpq_mat_t Xc, y, alpha, Xt, Sig, v, c, Sv;
    fmpq_poly_t cp, mine;
    fmpz_poly_t g, q;
    fmpq_t s, t, u;
    arb_t lmin, lmax, x;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(Sig, d, d);
    fmpq_mat_init(v, d, 1);
    fmpq_mat_init(c, n, 1);
    fmpq_mat_init(Sv, d, 1);
    fmpq_poly_init(cp);
    fmpq_poly_init(mine);
    fmpz_poly_init(g);
    fmpz_poly_init(q);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(u);
    arb_init(lmin);
    arb_init(lmax);
    arb_init(x);
    for (iter = 0; iter < 6 * test_multiplier(); iter++)
    {
        sc_svm_t S;

        fmpq_set_si(s, 1, 1 + n_randint(st->r, 4));
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        1 + n_randint(st->r, 5), 1);
        recipe(Xc, y, n, d, s, alpha, 0, 1, NULL, iter + 100);
        sc_svm_init(S, Xc, y);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(Sig, Xt, Xc);
        fmpz_set_si(fmpq_numref(u), n);
        fmpz_one(fmpq_denref(u));
        fmpq_mat_scalar_div_fmpz(Sig, Sig, fmpq_numref(u));
        fmpq_mat_charpoly(cp, Sig);
        /* strip x^k: shift while the constant term is zero */
        while (fmpq_poly_length(cp) > 0)
        {
            fmpq_poly_get_coeff_fmpq(t, cp, 0);
            if (!fmpq_is_zero(t))
                break;
            fmpq_poly_shift_right(cp, cp, 1);
        }
        fmpq_poly_make_monic(cp, cp);
        fmpq_poly_set_fmpz_poly(mine, S->charpoly);
        fmpq_poly_make_monic(mine, mine);
        assert_true(fmpq_poly_equal(cp, mine));

        sc_svm_lambda(lmin, lmax, S, 96);
        fmpz_poly_derivative(g, S->charpoly);
        fmpz_poly_gcd(g, S->charpoly, g);
        fmpz_poly_div(q, S->charpoly, g);
        assert_true(sign_change_in(q, lmin));
        assert_true(sign_change_in(q, lmax));
        /* Rayleigh quotients in the row space */
        for (j = 0; j < 5; j++)
        {
            for (i = 0; i < n; i++)
                fmpq_set_si(fmpq_mat_entry(c, i, 0),
                            (slong) n_randint(st->r, 11) - 5, 1);
            fmpq_mat_mul(v, Xt, c);
            if (fmpq_mat_is_zero(v))
                continue;
            fmpq_mat_mul(Sv, Sig, v);
            sc_data_dot(t, v, Sv);
            sc_data_dot(u, v, v);
            fmpq_div(t, t, u);
            arb_set_fmpq(x, t, 96);
            assert_false(arb_lt(x, lmin));
            assert_false(arb_gt(x, lmax));
        }
        /* trace over rank 5 */
        fmpq_zero(t);
        for (i = 0; i < d; i++)
            fmpq_add(t, t, fmpq_mat_entry(Sig, i, i));
        arb_set_fmpq(x, t, 96);
        arb_div_si(x, x, 5, 96);
        assert_false(arb_lt(x, lmin));
        assert_false(arb_gt(x, lmax));
        arb_set_fmpq(x, S->m2, 96);
        assert_false(arb_lt(x, lmin));
        assert_false(arb_gt(x, lmax));
        sc_svm_clear(S);
    }
    arb_clear(x);
    arb_clear(lmax);
    arb_clear(lmin);
    fmpq_clear(u);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpz_poly_clear(q);
    fmpz_poly_clear(g);
    fmpq_poly_clear(mine);
    fmpq_poly_clear(cp);
    fmpq_mat_clear(Sv);
    fmpq_mat_clear(c);
    fmpq_mat_clear(v);
    fmpq_mat_clear(Sig);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* ---- Definition 2's beta ----------------------------------------------- */

/* Hand answer: + (1,1,0), (1,-1,0); - (-1,0,1), (-1,0,-1) in R^3 padded to
   R^5.  w* = e1, alpha = 1/4, V = span(e2, e3), and for unit v = (0,a,b,0)
   -min_i y_i <v, x~_i> = max(|a|, |b|) >= 1/sqrt(2): beta^2 = 1/2. */
static void
test_svm_beta_hand(void ** state)
{
    static const slong pts[12] = { 1, 1, 0, 1, -1, 0, -1, 0, 1, -1, 0, -1 };
    fmpq_mat_t Xc, y;
    fmpq_t t;
    arb_t beta, want;
    slong i, j;
    sc_svm_t S;

    (void) state;
    fmpq_mat_init(Xc, 4, 5);
    fmpq_mat_init(y, 4, 1);
    fmpq_init(t);
    arb_init(beta);
    arb_init(want);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 3; j++)
            fmpq_set_si(fmpq_mat_entry(Xc, i, j), pts[3 * i + j], 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), i < 2 ? 1 : -1, 1);
    }
    sc_svm_init(S, Xc, y);
    assert_true(S->a1 && S->rank_ok && S->a3 && S->a4 && S->beta_exact);
    fmpq_set_si(t, 1, 2);
    assert_true(fmpq_equal(S->beta2, t));
    sc_svm_beta(beta, S, 128);
    arb_set_si(want, 2);
    arb_rsqrt(want, want, 128);
    assert_true(arb_overlaps(beta, want));
    sc_svm_clear(S);
    arb_clear(want);
    arb_clear(beta);
    fmpq_clear(t);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* beta is a minimum over V: for random v in V, (-min_i y_i <v, x~_i>)^2 >=
   beta^2 ||v||^2 exactly; the maximising vertex attains it (v in V,
   -min = 1, ||v||^2 = 1 / beta^2); and the certified lower bound
   alpha_min sqrt(n lambda_min) / (2 sum alpha) is below beta. */
static void
test_svm_beta_is_minimum(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, n = 6, d = 9;
    fmpq_mat_t Xc, y, alpha, Xt, v, c, Xv, vstar;
    fmpq_t s, t, mn, b2;
    arb_t beta, lb, lmin, lmax;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(y, n, 1);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(v, d, 1);
    fmpq_mat_init(vstar, d, 1);
    fmpq_mat_init(c, n, 1);
    fmpq_mat_init(Xv, n, 1);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(mn);
    fmpq_init(b2);
    arb_init(beta);
    arb_init(lb);
    arb_init(lmin);
    arb_init(lmax);
    fmpq_set_si(s, 1, 2);
    for (iter = 0; iter < 4 * test_multiplier(); iter++)
    {
        sc_svm_t S;

        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0),
                        1 + n_randint(st->r, 4), 1);
        recipe(Xc, y, n, d, s, alpha, 0, 1, NULL, iter + 200);
        sc_svm_init(S, Xc, y);
        assert_true(S->beta_exact);
        fmpq_mat_transpose(Xt, Xc);
        for (j = 0; j < 50; j++)
        {
            /* c with c^T y = 0: v = X~^T c is orthogonal to w* */
            fmpq_zero(t);
            for (i = 0; i < n; i++)
            {
                fmpq_set_si(fmpq_mat_entry(c, i, 0),
                            (slong) n_randint(st->r, 21) - 10, 1);
                fmpq_addmul(t, fmpq_mat_entry(c, i, 0),
                            fmpq_mat_entry(y, i, 0));
            }
            fmpq_set_si(mn, n, 1);
            fmpq_div(t, t, mn);
            for (i = 0; i < n; i++)
                fmpq_submul(fmpq_mat_entry(c, i, 0), t,
                            fmpq_mat_entry(y, i, 0));
            fmpq_mat_mul(v, Xt, c);
            if (fmpq_mat_is_zero(v))
                continue;
            sc_data_dot(t, v, S->wstar);
            assert_true(fmpq_is_zero(t));
            fmpq_mat_mul(Xv, Xc, v);
            for (i = 0; i < n; i++)
            {
                fmpq_mul(t, fmpq_mat_entry(Xv, i, 0), fmpq_mat_entry(y, i, 0));
                if (i == 0 || fmpq_cmp(t, mn) < 0)
                    fmpq_set(mn, t);
            }
            assert_true(fmpq_sgn(mn) < 0);      /* A4: V has no v >= 0 */
            fmpq_mul(mn, mn, mn);
            sc_data_dot(t, v, v);
            fmpq_mul(t, t, S->beta2);
            assert_true(fmpq_cmp(mn, t) >= 0);
        }
        /* the maximiser attains it */
        assert_true(sc_svm_beta2_vertices(b2, vstar, Xc, y));
        assert_true(fmpq_equal(b2, S->beta2));
        sc_data_dot(t, vstar, S->wstar);
        assert_true(fmpq_is_zero(t));
        assert_true(sc_data_in_row_space(Xc, vstar));
        fmpq_mat_mul(Xv, Xc, vstar);
        for (i = 0; i < n; i++)
        {
            fmpq_mul(t, fmpq_mat_entry(Xv, i, 0), fmpq_mat_entry(y, i, 0));
            if (i == 0 || fmpq_cmp(t, mn) < 0)
                fmpq_set(mn, t);
        }
        assert_true(fmpq_equal_si(mn, -1));
        sc_data_dot(t, vstar, vstar);
        fmpq_mul(t, t, S->beta2);
        assert_true(fmpq_is_one(t));
        /* the lower bound, from the same facts */
        sc_svm_beta(beta, S, 128);
        sc_svm_lambda(lmin, lmax, S, 128);
        arb_mul_si(lb, lmin, n, 128);
        arb_sqrt(lb, lb, 128);
        arb_set_fmpq(lmax, S->alpha_min, 128);
        arb_mul(lb, lb, lmax, 128);
        arb_set_fmpq(lmax, S->m2, 128);
        arb_mul(lb, lb, lmax, 128);
        arb_mul_2exp_si(lb, lb, -1);
        assert_true(arb_lt(lb, beta));
        sc_svm_clear(S);
    }
    arb_clear(lmax);
    arb_clear(lmin);
    arb_clear(lb);
    arb_clear(beta);
    fmpq_clear(b2);
    fmpq_clear(mn);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpq_mat_clear(Xv);
    fmpq_mat_clear(c);
    fmpq_mat_clear(vstar);
    fmpq_mat_clear(v);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(alpha);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

/* Above SC_SVM_BETA_MAX_N (n = 26) and on rank-deficient data beta is the
   certified lower bound alpha_min sqrt(n lambda_min) / (2 sum alpha): it is
   positive, and below -min_i y_i <v, x~_i> / ||v|| for random v in V. */
static void
test_svm_beta_lower_bound_path(void ** state)
{
    test_state * st = *state;
    slong iter, i, j;

    for (iter = 0; iter < 2; iter++)
    {
        slong n = iter ? 8 : 26, d = iter ? 12 : 29;
        fmpq_mat_t Xc, y, alpha, Xt, c, v, Xv;
        fmpq_t s, t, mn;
        arb_t beta, x;
        sc_svm_t S;

        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(alpha, n, 1);
        fmpq_mat_init(Xt, d, n);
        fmpq_mat_init(c, n, 1);
        fmpq_mat_init(v, d, 1);
        fmpq_mat_init(Xv, n, 1);
        fmpq_init(s);
        fmpq_init(t);
        fmpq_init(mn);
        arb_init(beta);
        arb_init(x);
        fmpq_set_si(s, 1, 2);
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(alpha, i, 0), 1 + (i % 4), 1);
        recipe(Xc, y, n, d, s, alpha, iter ? 2 : 0, 0, NULL, 9);
        sc_svm_init(S, Xc, y);
        assert_true(S->a4 && !S->beta_exact);
        assert_true(iter ? !S->rank_ok : S->rank_ok);
        sc_svm_beta(beta, S, 128);
        assert_true(arb_is_positive(beta));
        fmpq_mat_transpose(Xt, Xc);
        for (j = 0; j < 40; j++)
        {
            /* v = X~^T c, c^T y = 0 */
            fmpq_zero(t);
            for (i = 0; i < n; i++)
            {
                fmpq_set_si(fmpq_mat_entry(c, i, 0),
                            (slong) n_randint(st->r, 21) - 10, 1);
                fmpq_addmul(t, fmpq_mat_entry(c, i, 0),
                            fmpq_mat_entry(y, i, 0));
            }
            fmpq_div_fmpz(t, t, fmpq_mat_entry_num(y, 0, 0));
            fmpq_set_si(mn, n, 1);
            fmpq_div(t, t, mn);
            for (i = 0; i < n; i++)
                fmpq_submul(fmpq_mat_entry(c, i, 0), t,
                            fmpq_mat_entry(y, i, 0));
            fmpq_mat_mul(v, Xt, c);
            if (fmpq_mat_is_zero(v))
                continue;
            fmpq_mat_mul(Xv, Xc, v);
            for (i = 0; i < n; i++)
            {
                fmpq_mul(t, fmpq_mat_entry(Xv, i, 0), fmpq_mat_entry(y, i, 0));
                if (i == 0 || fmpq_cmp(t, mn) < 0)
                    fmpq_set(mn, t);
            }
            /* (-min)^2 / ||v||^2 >= beta^2 */
            fmpq_mul(mn, mn, mn);
            sc_data_dot(t, v, v);
            fmpq_div(t, mn, t);
            arb_set_fmpq(x, t, 128);
            arb_sqrt(x, x, 128);
            if (!arb_le(beta, x))
            {
                print_ball("beta lower bound", beta);
                print_ball("-min / ||v||", x);
                print_seed(st);
                fail();
            }
        }
        sc_svm_clear(S);
        arb_clear(x);
        arb_clear(beta);
        fmpq_clear(mn);
        fmpq_clear(t);
        fmpq_clear(s);
        fmpq_mat_clear(Xv);
        fmpq_mat_clear(v);
        fmpq_mat_clear(c);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(alpha);
        fmpq_mat_clear(y);
        fmpq_mat_clear(Xc);
    }
}

/* ---- wiring into sc_data ----------------------------------------------- */

/* A logistic case: has_svm, has_ref = A3, w* = the SVM direction,
   c2 = 1/m^2, ||w*||_Sigma = 1 (all samples active); a square case on the
   same data keeps the least-squares reference and has_svm = 0. */
static void
test_svm_data_wiring(void ** state)
{
    static const slong al[6] = { 1, 2, 3, 1, 2, 4 };
    fmpq_mat_t alpha;
    fmpq_t s, t;
    sc_case_t c;
    char err[256];
    slong j;

    (void) state;
    fmpq_mat_init(alpha, 6, 1);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_set_si(s, 1, 2);
    set_rows_si(alpha, al);
    sc_case_init(c);
    sc_case_set_dims(c, 6, 9);
    assert_int_equal(sc_case_gen_logistic(c->X, c->y, 6, 9, s, alpha, 0, 1,
                                          NULL, 1, err, sizeof err), SC_OK);
    for (j = 0; j < 9; j++)
        fmpq_set_si(fmpq_mat_entry(c->w0, j, 0), j + 1, 1);
    c->loss = SC_LOSS_LOGISTIC;
    {
        sc_data_t D;

        sc_data_init(D, c);
        assert_true(D->has_svm && D->has_ref);
        assert_true(fmpq_mat_equal(D->wstar, D->svm->wstar));
        fmpq_set_si(t, 4, 1);
        assert_true(fmpq_equal(D->c2, t));
        assert_true(fmpq_is_one(D->c2_sigma));
        sc_data_clear(D);
    }
    c->loss = SC_LOSS_SQUARE;
    {
        sc_data_t D;
        fmpq_mat_t w;

        fmpq_mat_init(w, 9, 1);
        sc_data_init(D, c);
        sc_data_lsq_reference(w, D->Xc, c->y);
        assert_false(D->has_svm);
        assert_true(fmpq_mat_equal(D->wstar, w));
        fmpq_mat_clear(w);
        sc_data_clear(D);
    }
    sc_case_clear(c);
    fmpq_clear(t);
    fmpq_clear(s);
    fmpq_mat_clear(alpha);
}

/* ---- the [A1-A4] checker ------------------------------------------------ */

/* A logistic case on recipe data with weights al (n = 6, d = 9, s = 1/2)
   and w0 = X~^T c (the span state). */
static void
a14_case(sc_case_t c, const slong * al, sc_loss_t loss)
{
    fmpq_mat_t alpha;
    fmpq_t s;
    char err[256];

    fmpq_mat_init(alpha, 6, 1);
    fmpq_init(s);
    fmpq_set_si(s, 1, 2);
    set_rows_si(alpha, al);
    sc_case_set_dims(c, 6, 9);
    assert_int_equal(sc_case_gen_logistic(c->X, c->y, 6, 9, s, alpha, 0, 1,
                                          NULL, 4, err, sizeof err), SC_OK);
    assert_int_equal(sc_case_init_span(c->w0, c->X, 1, err, sizeof err),
                     SC_OK);
    c->loss = loss;
    fmpq_set_si(c->gamma0, 1, 10);
    fmpq_one(c->eta);
    fmpq_set_si(c->eta_gamma, 1, 100);
    c->steps = 5;
    c->precision = 128;
    fmpq_mat_clear(alpha);
    fmpq_clear(s);
}

static sc_verdict_t
a14_run(sc_result_t res, const sc_case_t c, slong num, ulong den)
{
    const sc_thm_struct * thm = sc_thm_lookup("A1-A4");
    sc_ctx_t ctx;
    sc_verdict_t v;

    assert_non_null(thm);
    sc_ctx_init(ctx, c);
    fmpq_set_si(ctx->factor, num, den);
    sc_thm_run(res, thm, ctx, 64, 4096);
    v = res->verdict;
    sc_ctx_clear(ctx);
    return v;
}

/* HOLDS on dataset A's recipe, with predicted = the lower bound and
   observed = the exact beta; VIOLATED when a checked side is scaled (the
   negative test); NOT-APPLICABLE when A3 fails or for the square loss;
   HOLDS with "A4 fails" on the spec's (0,1,2,0,3,1). */
static void
test_thm_a14(void ** state)
{
    static const slong good[6] = { 1, 2, 3, 1, 2, 4 };
    static const slong neg[6] = { -2, 2, 3, 1, 2, 4 };
    static const slong zero[6] = { 0, 1, 2, 0, 3, 1 };
    sc_case_t c;
    sc_result_t res;
    arb_t b;

    (void) state;
    sc_case_init(c);
    sc_result_init(res);
    arb_init(b);

    a14_case(c, good, SC_LOSS_LOGISTIC);
    assert_int_equal(a14_run(res, c, 1, 1), SC_HOLDS);
    assert_true(res->has_predicted && res->has_observed && res->has_slack);
    {
        sc_data_t D;

        sc_data_init(D, c);
        arb_set_fmpq(b, D->svm->beta2, 128);
        arb_sqrt(b, b, 128);
        assert_true(arb_overlaps(b, res->observed));
        assert_true(arb_lt(res->predicted, res->observed));
        sc_data_clear(D);
    }
    sc_result_reset(res);
    assert_int_equal(a14_run(res, c, 3, 2), SC_VIOLATED);
    assert_non_null(strstr(res->reason, "||w*||_Sigma"));
    sc_result_reset(res);
    assert_int_equal(a14_run(res, c, 1, 1000000), SC_VIOLATED);

    a14_case(c, good, SC_LOSS_SQUARE);
    sc_result_reset(res);
    assert_int_equal(a14_run(res, c, 1, 1), SC_NOT_APPLICABLE);

    a14_case(c, neg, SC_LOSS_LOGISTIC);
    sc_result_reset(res);
    assert_int_equal(a14_run(res, c, 1, 1), SC_NOT_APPLICABLE);
    assert_non_null(strstr(res->reason, "A3 fails"));

    a14_case(c, zero, SC_LOSS_LOGISTIC);
    sc_result_reset(res);
    assert_int_equal(a14_run(res, c, 1, 1), SC_HOLDS);
    assert_non_null(strstr(res->reason, "A4 fails"));

    arb_clear(b);
    sc_result_clear(res);
    sc_case_clear(c);
}

/* m^2 against the spectrum, exactly, on 4 samples +-x1, +-x2 (labels +1
   for x1, x2): closed forms.  x = (1, +-c): Sigma = diag(1, c^2), w* =
   e1, m^2 = 1, an eigenvalue at the bottom (c = 2), the top (c = 1/2)
   or the only one (c = 1).  x1 = (2, 1), x2 = (0, -1): w* = (1, -1),
   m^2 = 1/2, Sigma = [2 1; 1 1], eigenvalues (3 +- sqrt 5) / 2, m^2
   strictly inside and not an eigenvalue. */
static void
m2_position_case(const slong * x, slong den, slong b, slong e, slong a)
{
    fmpq_mat_t Xc, y;
    slong i, below, equal, above;
    sc_svm_t S;

    fmpq_mat_init(Xc, 4, 2);
    fmpq_mat_init(y, 4, 1);
    for (i = 0; i < 4; i++)
    {
        slong s = i < 2 ? 1 : -1;

        fmpq_set_si(fmpq_mat_entry(Xc, i, 0), s * x[2 * (i % 2)], 1);
        fmpq_set_si(fmpq_mat_entry(Xc, i, 1), s * x[2 * (i % 2) + 1], den);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), s, 1);
    }
    sc_svm_init(S, Xc, y);
    assert_true(S->a3);
    assert_int_equal(sc_svm_m2_position(&below, &equal, &above, S), SC_OK);
    assert_int_equal(below, b);
    assert_int_equal(equal, e);
    assert_int_equal(above, a);
    assert_int_equal(S->m2_place, SC_OK);       /* kept by sc_svm_init */
    assert_true(S->m2_below == b && S->m2_equal == e && S->m2_above == a);
    sc_svm_clear(S);
    fmpq_mat_clear(y);
    fmpq_mat_clear(Xc);
}

static void
test_svm_m2_position(void ** state)
{
    static const slong sq2[4] = { 1, 2, 1, -2 }, sqh[4] = { 1, 1, 1, -1 };
    static const slong skew[4] = { 2, 1, 0, -1 };

    (void) state;
    m2_position_case(sq2, 1, 0, 1, 1);          /* m^2 = lambda_min */
    m2_position_case(sqh, 2, 1, 1, 0);          /* m^2 = lambda_max */
    m2_position_case(sqh, 1, 0, 1, 0);          /* the only eigenvalue */
    m2_position_case(skew, 1, 1, 0, 1);         /* strictly inside */
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_svm_recipe_dataset_a,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_svm_recipe_unrotated_wstar,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_svm_recipe_signs_closed_form,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_svm_zero_alpha_gates_beta),
        cmocka_unit_test(test_svm_negative_alpha_a3_false),
        cmocka_unit_test(test_svm_a1_false),
        cmocka_unit_test(test_svm_lp_both_ways),
        cmocka_unit_test_setup_teardown(test_svm_lp_matches_closed_form,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_svm_lp_matches_brute_force,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_svm_recipe_rank_deficient),
        cmocka_unit_test(test_svm_lambda_diagonal_known),
        cmocka_unit_test_setup_teardown(test_svm_lambda_random,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_svm_beta_hand),
        cmocka_unit_test_setup_teardown(test_svm_beta_is_minimum,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_svm_beta_lower_bound_path,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_svm_data_wiring),
        cmocka_unit_test(test_thm_a14),
        cmocka_unit_test(test_svm_m2_position),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
