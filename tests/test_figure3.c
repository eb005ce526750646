/*
 * test_figure3.c -- tests of the Figure 3 series (theorems/figure3/):
 * Lemma 6's Lambda_t with its certified sign (f3_lambda.c) and the
 * learning-rate sweep (f3_sweep.c).
 *
 * Independent answers: the sign of Lambda_t against the rising flags of
 * the certified trajectory (rho_{t+1} > rho_t decided on the balls of rho,
 * not through Lambda) and, on whitened data, against the closed form
 * [L7].4 (rising iff h_t > Theta(rho_t)); each sweep point against a
 * separate run of a case whose eta is set by hand, spiked by [F3]'s rule.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "theorems/theorems.h"
#include "theorems/figure3/figure3.h"
#include "num/num.h"
#include "sc_fixture.h"

/* The signs of Lambda_t agree with the certified rising flags, and the
   sign change is the first rising step. */
static void
check_lambda_flags(const char * path, slong prec_max, slong * change)
{
    sc_fixture * f = sc_fixture_load(path);
    sc_f3_lambda_struct L;
    const sc_traj_struct * T;
    slong t, n = 0;

    sc_f3_lambda_init(&L, f->ctx, f->c->precision, prec_max);
    assert_true(L.defined && L.decided && L.undecided == 0);
    assert_int_equal(L.len, f->c->steps);
    T = sc_ctx_full(f->ctx, L.prec);
    for (t = 0; t < L.len; t++)
    {
        if (L.sign[t] == 2 || T->rising[t] == SC_UNKNOWN)
            continue;
        if ((L.sign[t] == 1) != (T->rising[t] == SC_TRUE))
        {
            print_error("  %s: step %ld sign %d rising %d\n", path, (long) t,
                        L.sign[t], (int) T->rising[t]);
            fail();
        }
        n++;
    }
    assert_true(n > L.len / 2);
    assert_int_equal(L.first_pos, sc_thm_first_rising(T, 0));
    *change = L.change;
    sc_f3_lambda_clear(&L);
    sc_fixture_free(f);
}

/* Square loss on the Hilbert data: - at steps 0..343, + at 344, the
   first rising step ([F3]'s rho_rise), 4 steps before the spike. */
static void
test_f3_lambda_hilbert_square(void ** state)
{
    slong change;

    (void) state;
    check_lambda_flags("cases/figure3/hilbert-square.json", 4096, &change);
    assert_int_equal(change, 344);
}

static void
test_f3_lambda_hilbert_logistic(void ** state)
{
    slong change;

    (void) state;
    check_lambda_flags("cases/figure3/hilbert-logistic.json", 4096, &change);
    assert_int_equal(change, 1);
}

/* Whitened data: Lambda_t > 0 iff h_t > Theta(rho_t) ([L7].4), at every
   step where both are decided. */
static void
test_f3_lambda_whitened_closed_form(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/thm_spike.json");
    sc_f3_lambda_struct L;
    const sc_traj_struct * T;
    slong t, n = 0, npos = 0;
    arb_t th;

    (void) state;
    arb_init(th);
    sc_f3_lambda_init(&L, f->ctx, f->c->precision, 4096);
    assert_true(L.defined);
    T = sc_ctx_full(f->ctx, L.prec);
    for (t = 0; t < L.len; t++)
    {
        sc_truth_t lt1 = sc_num_theta(th, T->rho + t, L.prec), over;

        if (L.sign[t] != 1 && L.sign[t] != -1)
            continue;
        if (lt1 == SC_UNKNOWN)
            continue;
        over = lt1 == SC_FALSE ? SC_FALSE : sc_num_gt(T->h + t, th);
        if (over == SC_UNKNOWN)
            continue;
        if ((L.sign[t] == 1) != (over == SC_TRUE))
        {
            print_error("  step %ld: sign %d, h > Theta %d\n", (long) t,
                        L.sign[t], (int) over);
            fail();
        }
        n++;
        npos += (L.sign[t] == 1);
    }
    /* both signs exercised */
    assert_true(n > L.len / 2 && npos > 0 && npos < n);
    sc_f3_lambda_clear(&L);
    arb_clear(th);
    sc_fixture_free(f);
}

/* Each sweep point against the same case with eta set by hand. */
static void
test_f3_sweep_matches_hand_runs(void ** state)
{
    static const char * path = "cases/figure3/hilbert-logistic.json";
    sc_fixture * f = sc_fixture_load(path);
    sc_f3_sweep_struct W;
    slong k, nspike = 0, nnone = 0;

    (void) state;
    sc_f3_sweep_init(&W, f->c, f->c->precision, 4096);
    assert_int_equal(W.n, SC_F3_SWEEP_N);
    for (k = 0; k < W.n; k++)
    {
        const sc_f3_sweep_point_struct * p = W.pt + k;
        sc_fixture * g = sc_fixture_load(path);
        const sc_traj_struct * T;
        sc_spike_t S;
        sc_result_t tmp;
        fmpq_t f0;

        fmpq_init(f0);
        fmpq_set_si(f0, p->p, (ulong) p->q);
        sc_ctx_clear(g->ctx);
        fmpq_mul(g->c->eta, g->c->eta, f0);
        sc_ctx_init(g->ctx, g->c);
        assert_true(p->status == SC_F3_SWEEP_SPIKE
                    || p->status == SC_F3_SWEEP_NONE);
        T = sc_ctx_full(g->ctx, p->prec);
        assert_int_equal(T->len, g->c->steps + 1);
        sc_spike_init(S);
        sc_result_init(tmp);
        assert_int_equal(sc_spike_find(S, tmp, T->loss, T->len, p->prec),
                         SC_OK);
        assert_int_equal(S->onset, p->onset);
        if (S->onset >= 0)
            assert_int_equal(S->peak, p->peak);
        nspike += (p->status == SC_F3_SWEEP_SPIKE);
        nnone += (p->status == SC_F3_SWEEP_NONE);
        /* the factor-1 point is the case itself: [F3]'s onset 202 */
        if (p->p == 1 && p->q == 1)
            assert_int_equal(p->onset, 202);
        sc_result_clear(tmp);
        sc_spike_clear(S);
        fmpq_clear(f0);
        sc_fixture_free(g);
    }
    assert_true(nspike > 0 && nnone > 0);
    sc_fixture_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_f3_lambda_hilbert_square),
        cmocka_unit_test(test_f3_lambda_hilbert_logistic),
        cmocka_unit_test(test_f3_lambda_whitened_closed_form),
        cmocka_unit_test(test_f3_sweep_matches_hand_runs),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
