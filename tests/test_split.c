/*
 * test_split.c -- tests of the split coordinates' Jacobian forms
 * (src/dyn/split.c) and of the centred step built on them (full.c).
 *
 * Second methods used as oracles:
 * - the dense Jacobian of sc_dyn_split_jacobian_grad: the rank-one form
 *   of sc_dyn_split_jacobian_grad_lr must give the same balls, entry by
 *   entry (ra_k rb_l off the c-block's diagonal, J itself elsewhere);
 * - the split step of the midpoint of state t, in balls at the run's
 *   precision: it encloses the image of a point of state t's box, so it
 *   must overlap the certified state t + 1 in every coordinate.
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


/* Loads a case file of the repository (the tests run from its root). */
static void
load_case(sc_case_t c, const char * path)
{
    char err[SC_ERR_LEN];

    sc_case_init(c);
    if (sc_case_load_file(c, path, err, sizeof err) != SC_OK)
        fail_msg("%s", err);
}

/* The box: z0 with a radius of 2^-20 |z0_i| (2^-20 where z0_i = 0). */
static void
split_box(arb_ptr B, const sc_dyn_split_t S)
{
    slong i;
    mag_t r;

    mag_init(r);
    for (i = 0; i < S->d; i++)
    {
        arb_set(B + i, S->z0 + i);
        arb_get_mag(r, S->z0 + i);
        if (mag_is_zero(r))
            mag_one(r);
        mag_mul_2exp_si(r, r, -20);
        arb_add_error_mag(B + i, r);
    }
    mag_clear(r);
}

/*
 * (1) The rank-one form is the dense Jacobian: on whitened 64 x 16 data
 * (PGb = 0 and A diagonal off the pivot, exactly) it is used, and every
 * off-diagonal entry of the c-block is the ball ra_k rb_l of the dense J,
 * every other entry J's own, g the same; on Sigma != I data it is not
 * used and J is the dense one.
 */
static void
test_split_lowrank_is_the_dense_jacobian(void ** state)
{
    const char * paths[] = { "bench/whitened-64x16.json",
                             "tests/data/thm_plain.json" };
    const int want[] = { 1, 0 };
    slong i, k, l, prec = 64;

    (void) state;
    for (i = 0; i < 2; i++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_dyn_split_t S;
        arb_mat_t J, J2;
        arb_ptr B, g, g2, ra, rb;
        arb_t x;
        slong d;
        int lr;

        load_case(c, paths[i]);
        sc_data_init(data, c);
        assert_true(data->has_ref);
        d = c->d;
        sc_dyn_split_init(S, c, data, prec);
        arb_mat_init(J, d + 1, d + 1);
        arb_mat_init(J2, d + 1, d + 1);
        B = _arb_vec_init(d);
        g = _arb_vec_init(d + 1);
        g2 = _arb_vec_init(d + 1);
        ra = _arb_vec_init(d);
        rb = _arb_vec_init(d);
        arb_init(x);
        split_box(B, S);

        sc_dyn_split_jacobian_grad(J, g, S, B, prec);
        lr = sc_dyn_split_jacobian_grad_lr(J2, g2, ra, rb, S, B, prec);
        assert_int_equal(lr, want[i]);
        assert_int_equal(S->lowrank, want[i]);
        for (k = 0; k <= d; k++)
        {
            assert_true(arb_equal(g + k, g2 + k));
            for (l = 0; l <= d; l++)
            {
                int off = lr && k >= 1 && k < d && l >= 1 && l < d && k != l;

                if (off)
                    arb_mul(x, ra + k - 1, rb + l - 1, prec);
                else
                    arb_set(x, arb_mat_entry(J2, k, l));
                if (!arb_equal(x, arb_mat_entry(J, k, l)))
                    fail_msg("%s: J[%ld][%ld] differs", paths[i], (long) k,
                             (long) l);
            }
        }

        arb_clear(x);
        _arb_vec_clear(rb, d);
        _arb_vec_clear(ra, d);
        _arb_vec_clear(g2, d + 1);
        _arb_vec_clear(g, d + 1);
        _arb_vec_clear(B, d);
        arb_mat_clear(J2);
        arb_mat_clear(J);
        sc_dyn_split_clear(S);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

/*
 * (2) The centred step with the rank-one J delta encloses the step: on
 * whitened 64 x 16 data (300 steps, 256 bits) and on the Sigma != I
 * 15 x 2 case (dense J), the split step of the midpoint of state t
 * overlaps state t + 1 in every coordinate, and the run goes the whole
 * horizon.
 */
static void
test_split_centred_step_encloses(void ** state)
{
    const char * paths[] = { "bench/whitened-64x16.json",
                             "tests/data/thm_plain.json" };
    slong i, j, t, prec = 256;

    (void) state;
    for (i = 0; i < 2; i++)
    {
        sc_case_t c;
        sc_data_t data;
        sc_dyn_split_t S;
        sc_traj_t T;
        arb_ptr z, zn;
        arb_t g, gn;
        slong d;

        load_case(c, paths[i]);
        sc_data_init(data, c);
        d = c->d;
        sc_dyn_split_init(S, c, data, prec);
        sc_traj_init(T, SC_TRAJ_FULL, d, c->steps);
        sc_dyn_run_full(T, c, data, 0, prec);
        if (T->len != c->steps + 1 || !T->split)
            fail_msg("%s: stopped at %ld (split %d): %s", paths[i],
                     (long) T->len, T->split, T->stop);
        z = _arb_vec_init(d);
        zn = _arb_vec_init(d);
        arb_init(g);
        arb_init(gn);
        for (t = 0; t < c->steps; t++)
        {
            slong s1 = sc_traj_slot(T, t + 1);

            sc_traj_split_mid(z, g, T, t);
            sc_dyn_split_step(zn, gn, NULL, S, z, g, prec);
            for (j = 0; j < d; j++)
                if (!arb_overlaps(zn + j, T->z + s1 * d + j))
                    fail_msg("%s: step %ld, coordinate %ld not enclosed",
                             paths[i], (long) t, (long) j);
            if (!arb_overlaps(gn, T->gamma + s1))
                fail_msg("%s: step %ld, gamma not enclosed", paths[i],
                         (long) t);
        }
        arb_clear(gn);
        arb_clear(g);
        _arb_vec_clear(zn, d);
        _arb_vec_clear(z, d);
        sc_traj_clear(T);
        sc_dyn_split_clear(S);
        sc_data_clear(data);
        sc_case_clear(c);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_split_lowrank_is_the_dense_jacobian),
        cmocka_unit_test(test_split_centred_step_encloses),
    };

    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
