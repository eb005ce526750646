/*
 * sc_fixture.h -- the checker tests' fixture: a case loaded from a file and
 * its run context, freed together.  Included by the test files that run
 * checkers (header-only, like sc_test.h).
 */
#ifndef SC_FIXTURE_H
#define SC_FIXTURE_H

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

#endif
