/*
 * test_registry.c -- the test the registry runs: every registered claim,
 * on the known answer of its registry line (sc_thm_known_struct), HOLDS at
 * factor 1 and is VIOLATED with its bound scaled by the line's factor.  A
 * new line without a known answer, or one whose checker cannot fail or
 * whose counterexample names no predicted and observed value, fails this
 * suite: "every checker has a false-claim test" is enforced
 * here, not promised.
 *
 * The other test files hold the independent values (closed forms, exact
 * rationals, second methods); this one holds the contract every line
 * keeps.  Cases are loaded once per file and shared by the lines using
 * them, as `check` shares one context per case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "theorems/theorems.h"

#define SC_CAP 4096
#define SC_REG_FILES 64

#include "sc_fixture.h"

/* the fixtures of the known-answer files, loaded on first use */
typedef struct
{
    slong n;
    const char * path[SC_REG_FILES];
    sc_fixture * f[SC_REG_FILES];
}
sc_reg_files;

static sc_fixture *
sc_reg_fixture(sc_reg_files * F, const char * path)
{
    slong i;

    for (i = 0; i < F->n; i++)
        if (strcmp(F->path[i], path) == 0)
            return F->f[i];
    assert_true(F->n < SC_REG_FILES);
    F->path[F->n] = path;
    F->f[F->n] = sc_fixture_load(path);
    return F->f[F->n++];
}

/* Runs thm on f at the factor given as "p/q" from the case's precision. */
static sc_verdict_t
sc_reg_run(sc_result_t res, const sc_thm_struct * thm, sc_fixture * f,
           const char * factor)
{
    if (fmpq_set_str(f->ctx->factor, factor, 10) != 0
        || fmpq_sgn(f->ctx->factor) <= 0)
        fail_msg("[%s]: known-answer factor '%s' is no positive rational",
                 thm->id, factor);
    sc_thm_run(res, thm, f->ctx, f->c->precision, SC_CAP);
    fmpq_one(f->ctx->factor);
    return res->verdict;
}

static void
test_registry_every_line_has_a_known_answer(void ** state)
{
    slong i;

    (void) state;
    assert_true(sc_thm_count > 0);
    for (i = 0; i < sc_thm_count; i++)
    {
        const sc_thm_known_struct * k = &sc_thm_table[i].known;

        if (k->holds == NULL || k->fails == NULL || k->factor == NULL)
            fail_msg("[%s] has no known answer in its registry line",
                     sc_thm_table[i].id);
        /* a factor 1 would make the failing run the holding one */
        assert_string_not_equal(k->factor, "1");
        assert_true(sc_thm_lookup(sc_thm_table[i].id) == sc_thm_table + i);
    }
}

static void
test_registry_every_claim_holds_then_fails(void ** state)
{
    sc_reg_files F;
    sc_result_t res;
    slong i, bad = 0;

    (void) state;
    F.n = 0;
    sc_result_init(res);
    for (i = 0; i < sc_thm_count; i++)
    {
        const sc_thm_struct * thm = sc_thm_table + i;
        sc_verdict_t v;

        v = sc_reg_run(res, thm, sc_reg_fixture(&F, thm->known.holds), "1");
        if (v != SC_HOLDS)
        {
            print_error("[%s] on %s at factor 1: %s: %s\n", thm->id,
                        thm->known.holds, sc_verdict_name(v), res->reason);
            bad++;
        }
        v = sc_reg_run(res, thm, sc_reg_fixture(&F, thm->known.fails),
                       thm->known.factor);
        if (v != SC_VIOLATED)
        {
            print_error("[%s] on %s at factor %s: %s, not VIOLATED: %s\n",
                        thm->id, thm->known.fails, thm->known.factor,
                        sc_verdict_name(v), res->reason);
            bad++;
        }
        /* a counterexample says what was claimed and what was seen */
        else if ((!res->has_predicted || !res->has_observed)
                 && res->novalue == NULL)
        {
            print_error("[%s] VIOLATED without predicted and observed: %s\n",
                        thm->id, res->reason);
            bad++;
        }
    }
    sc_result_clear(res);
    for (i = 0; i < F.n; i++)
        sc_fixture_free(F.f[i]);
    assert_int_equal(bad, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_registry_every_line_has_a_known_answer),
        cmocka_unit_test(test_registry_every_claim_holds_then_fails),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
