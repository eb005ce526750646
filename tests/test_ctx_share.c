/*
 * test_ctx_share.c -- what the run context shares between claims (issue
 * 13): the gradient per state and precision of [L12] and [L6]
 * (sc_ctx_grad, sc_ctx_split), the walk of [T2.2]'s two claims, [W3]'s
 * rescaled case, and the projection [L1] reads from the loss
 * (sc_dyn_loss_proj).
 *
 * Sharing may not change a record: every claim is run on a fresh context
 * and again on a context where the claims it shares with already ran, in
 * a control run (bounds scaled, so the caches were filled under another
 * factor) and in the other order; the two records must agree bit for bit
 * (verdict, reason, step, precision, every ball and extra).  The shared
 * gradient is also checked against a second method: the chain-rule
 * gradient of absolute coordinates at w = u w* + e, which must overlap
 * (gu / ||w*||^2) w* + Pg.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "theorems/theorems.h"
#include "num/num.h"

#define SC_TEST_DEFAULT_SEED 20261207UL
#include "sc_test.h"
#include "sc_fixture.h"

#define SC_CAP 4096

/* 1 when the balls are the same (midpoint and radius) or both unset */
static int
sc_same_ball(const arb_t x, int xs, const arb_t y, int ys)
{
    return xs == ys && (!xs || arb_equal(x, y));
}

/* Fails unless a and b are the same record. */
static void
assert_same_record(const sc_result_t a, const sc_result_t b, const char * id)
{
    slong i;

    if (a->verdict != b->verdict || strcmp(a->reason, b->reason) != 0
        || a->step != b->step || a->prec != b->prec
        || a->exercised != b->exercised)
        fail_msg("[%s] differs: %s / %s", id, a->reason, b->reason);
    assert_true(sc_same_ball(a->predicted, a->has_predicted, b->predicted,
                             b->has_predicted));
    assert_true(sc_same_ball(a->observed, a->has_observed, b->observed,
                             b->has_observed));
    assert_true(sc_same_ball(a->slack, a->has_slack, b->slack,
                             b->has_slack));
    for (i = 0; i < SC_MAX_EXTRA; i++)
    {
        assert_int_equal(a->extra[i].set, b->extra[i].set);
        if (!a->extra[i].set)
            continue;
        assert_string_equal(a->extra[i].name, b->extra[i].name);
        if (!arb_equal(a->extra[i].value, b->extra[i].value))
            fail_msg("[%s] extra %s differs", id, a->extra[i].name);
    }
}

/*
 * Each claim of ids on path: its record on a fresh context against its
 * record on a context where every claim of ids ran first at the factor
 * num/den (a control run) and then the claims after it at factor 1 (the
 * other order).
 */
static void
check_shared(const char * path, const char * const * ids, slong n,
             slong num, ulong den)
{
    sc_fixture * used = sc_fixture_load(path);
    sc_result_t a, b;
    slong i, j;

    sc_result_init(a);
    sc_result_init(b);
    for (j = 0; j < n; j++)
        (void) sc_run(b, used, ids[j], num, den, used->c->precision, SC_CAP);
    for (j = n - 1; j >= 0; j--)
        (void) sc_run(b, used, ids[j], 1, 1, used->c->precision, SC_CAP);
    for (i = 0; i < n; i++)
    {
        sc_fixture * fresh = sc_fixture_load(path);

        (void) sc_run(a, fresh, ids[i], 1, 1, fresh->c->precision, SC_CAP);
        (void) sc_run(b, used, ids[i], 1, 1, used->c->precision, SC_CAP);
        assert_same_record(a, b, ids[i]);
        sc_fixture_free(fresh);
    }
    sc_result_clear(b);
    sc_result_clear(a);
    sc_fixture_free(used);
}

static void
test_ctx_share_gradient_claims_after_control_run(void ** state)
{
    static const char * const ids[] = { "L12", "L6-iff", "L6-id", "L6-suf",
                                        "L1" };

    (void) state;
    check_shared("tests/data/thm_spike.json", ids, 5, 1, 2);
    check_shared("tests/data/thm_plain.json", ids, 5, 1025, 1024);
    /* absolute coordinates (logistic loss): sc_dyn_grad's gradient */
    check_shared("tests/data/thm_logistic.json", ids, 5, 1, 2);
}

static void
test_ctx_share_t22_claims_after_control_run(void ** state)
{
    static const char * const ids[] = { "T2.2-T", "T2.2-cf" };

    (void) state;
    check_shared("tests/data/thm_t22.json", ids, 2, 1, 2);
    check_shared("tests/data/thm_t22.json", ids, 2, 1, 4);
}

static void
test_ctx_share_w3_claims_after_control_run(void ** state)
{
    static const char * const ids[] = { "W3-same", "W3-bits" };

    (void) state;
    check_shared("tests/data/thm_spike.json", ids, 2, 3, 4);
}

/* (gu / c2) w* + Pg against the absolute-coordinate gradient at
   w = u w* + e, at every state of a split trajectory */
static void
test_ctx_grad_split_matches_absolute(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/thm_spike.json");
    slong t, j, d = f->c->d, prec = f->c->precision;
    const sc_traj_struct * T = sc_ctx_full(f->ctx, prec);
    sc_dyn_struct * D = sc_ctx_dyn(f->ctx, prec);
    sc_dyn_split_struct * S;
    arb_ptr z = _arb_vec_init(d), e = _arb_vec_init(d);
    arb_ptr w = _arb_vec_init(d), g = _arb_vec_init(d);
    arb_ptr ws = _arb_vec_init(d);
    arb_t gamma, x;

    (void) state;
    arb_init(gamma);
    arb_init(x);
    assert_true(T->split);
    S = sc_ctx_split(f->ctx, prec);
    for (j = 0; j < d; j++)
        arb_set_fmpq(ws + j, fmpq_mat_entry(f->ctx->data->wstar, j, 0),
                     prec);
    for (t = 0; t < T->len; t++)
    {
        const sc_ctx_grad_struct * G = sc_ctx_grad(f->ctx, prec, t);

        assert_true(G == sc_ctx_grad(f->ctx, prec, t));     /* memoised */
        sc_traj_split_mid(z, gamma, T, t);
        sc_dyn_split_e(e, S, z, prec);
        for (j = 0; j < d; j++)
        {
            arb_mul(w + j, z, ws + j, prec);
            arb_add(w + j, w + j, e + j, prec);
        }
        sc_dyn_grad(g, NULL, NULL, D, w, gamma, prec);
        for (j = 0; j < d; j++)
        {
            arb_div(x, G->gu, S->c2, prec);
            arb_mul(x, x, ws + j, prec);
            arb_add(x, x, G->g + j, prec);
            if (!arb_overlaps(x, g + j))
            {
                print_error("state %ld coordinate %ld:\n", (long) t,
                            (long) j);
                arb_printn(x, 30, 0);
                print_error("\n");
                arb_printn(g + j, 30, 0);
                print_error("\n");
                fail();
            }
        }
    }
    arb_clear(x);
    arb_clear(gamma);
    _arb_vec_clear(ws, d);
    _arb_vec_clear(g, d);
    _arb_vec_clear(w, d);
    _arb_vec_clear(e, d);
    _arb_vec_clear(z, d);
    sc_fixture_free(f);
}

/* sc_dyn_loss_proj: the loss of sc_dyn_loss, v = X~ w and ||w||_Sigma
   formed apart, bit for bit */
static void
test_dyn_loss_proj_same_as_apart(void ** state)
{
    sc_fixture * f = sc_fixture_load("tests/data/thm_plain.json");
    slong t, i, n = f->c->n, d = f->c->d, prec = f->c->precision;
    const sc_traj_struct * T = sc_ctx_full(f->ctx, prec);
    sc_dyn_struct * D = sc_ctx_dyn(f->ctx, prec);
    arb_ptr w = _arb_vec_init(d), v = _arb_vec_init(n);
    arb_ptr v2 = _arb_vec_init(n);
    arb_t gamma, loss, loss2, N, N2;

    (void) state;
    arb_init(gamma);
    arb_init(loss);
    arb_init(loss2);
    arb_init(N);
    arb_init(N2);
    for (t = 0; t < T->len; t += 7)
    {
        sc_traj_state_mid(w, gamma, T, t);
        sc_dyn_loss_proj(loss, v, N, D, w, gamma, prec);
        sc_dyn_loss(loss2, D, w, gamma, prec);
        assert_true(arb_equal(loss, loss2));
        for (i = 0; i < n; i++)
            arb_dot(v2 + i, NULL, 0, arb_mat_entry(D->Xc, i, 0), 1, w, 1, d,
                    prec);
        _sc_vec_norm2(N2, v2, n, prec);
        arb_div_si(N2, N2, n, prec);
        arb_sqrtpos(N2, N2, prec);
        for (i = 0; i < n; i++)
            assert_true(arb_equal(v + i, v2 + i));
        assert_true(arb_equal(N, N2));
    }
    arb_clear(N2);
    arb_clear(N);
    arb_clear(loss2);
    arb_clear(loss);
    arb_clear(gamma);
    _arb_vec_clear(v2, n);
    _arb_vec_clear(v, n);
    _arb_vec_clear(w, d);
    sc_fixture_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ctx_share_gradient_claims_after_control_run),
        cmocka_unit_test(test_ctx_share_t22_claims_after_control_run),
        cmocka_unit_test(test_ctx_share_w3_claims_after_control_run),
        cmocka_unit_test(test_ctx_grad_split_matches_absolute),
        cmocka_unit_test(test_dyn_loss_proj_same_as_apart),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return r;
}
