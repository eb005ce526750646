/*
 * sc_fixture.h -- the checker tests' fixture: a case loaded from a file and
 * its run context, freed together.  Included by the test files that run
 * checkers (header-only, like sc_test.h): load/free and the CMocka
 * set-up and tear-down, load_good (a file of tests/data/good; needs
 * sc_test.h first), sc_run / sc_run_case, sc_extra, sc_contains_si.
 */
#ifndef SC_FIXTURE_H
#define SC_FIXTURE_H

#include "theorems/theorems.h"      /* sc_thm_lookup: the registry */

typedef struct
{
    sc_case_t c;
    sc_ctx_t ctx;
}
sc_fixture;

static inline sc_fixture *
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

static inline void
sc_fixture_free(sc_fixture * f)
{
    sc_ctx_clear(f->ctx);
    sc_case_clear(f->c);
    test_free(f);
}

#ifdef SC_TEST_H
/* Loads DATA_DIR/good/file into c (data_path of sc_test.h); fails the test
   with the loader's message if it does not load. */
static inline void
load_good(sc_case_t c, const char * file)
{
    char path[512], err[SC_ERR_LEN];

    data_path(path, sizeof path, "good", file);
    if (sc_case_load_file(c, path, err, sizeof err) != SC_OK)
    {
        print_error("%s: %s\n", file, err);
        fail();
    }
    assert_string_equal(c->path, path);
    assert_string_equal(err, "");
}
#endif

/* SC_FIXTURE_SETUP(setup_spike, "tests/data/thm_spike.json") defines the
   CMocka set-up setup_spike, which loads that file; sc_fixture_teardown
   frees it (per test or per group). */
#define SC_FIXTURE_SETUP(name, path)                                        \
    static int                                                              \
    name(void ** state)                                                     \
    {                                                                       \
        *state = sc_fixture_load(path);                                     \
        return 0;                                                           \
    }

static inline int
sc_fixture_teardown(void ** state)
{
    sc_fixture_free(*state);
    return 0;
}

/* The ball x contains the integer v. */
static inline int
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

/* Runs checker id on the fixture with the control factor num/den (the
   --scale-bounds hook), from prec0 bits doubling up to cap, then restores
   the factor 1; a VIOLATED or UNDECIDED verdict prints its reason. */
static inline sc_verdict_t
sc_run(sc_result_t res, sc_fixture * f, const char * id, slong num,
       ulong den, slong prec0, slong cap)
{
    const sc_thm_struct * thm = sc_thm_lookup(id);

    assert_non_null(thm);
    fmpq_set_si(f->ctx->factor, num, den);
    sc_thm_run(res, thm, f->ctx, prec0, cap);
    fmpq_one(f->ctx->factor);
    if (res->verdict == SC_UNDECIDED || res->verdict == SC_VIOLATED)
        print_message("%s (factor %ld/%lu): %s: %s\n", id, (long) num, den,
                      sc_verdict_name(res->verdict), res->reason);
    return res->verdict;
}

#ifdef SC_CAP
/* sc_run from the case's own precision up to the file's SC_CAP. */
static inline sc_verdict_t
sc_run_case(sc_result_t res, sc_fixture * f, const char * id, slong num,
            ulong den)
{
    return sc_run(res, f, id, num, den, f->c->precision, SC_CAP);
}
#endif

/* The extra named name of res, or NULL. */
static inline const arb_struct *
sc_find_extra(const sc_result_t res, const char * name)
{
    slong i;

    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (res->extra[i].set && strcmp(res->extra[i].name, name) == 0)
            return res->extra[i].value;
    return NULL;
}

/* Whether res has an extra named name. */
static inline int
sc_has_extra(const sc_result_t res, const char * name)
{
    return sc_find_extra(res, name) != NULL;
}

/* The extra named name of res; fails the test if it is missing. */
static inline const arb_struct *
sc_extra(const sc_result_t res, const char * name)
{
    const arb_struct * x = sc_find_extra(res, name);

    if (x == NULL)
        fail_msg("extra %s missing", name);
    return x;
}

#endif
