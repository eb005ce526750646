/*
 * test_case.c -- tests of a case's lifetime and its written form
 * (src/cases/case.c, digest.c, write.c): init defaults, resizing, name
 * aliasing, the deep copy and its aliasing, sc_case_write_explicit's round
 * trip through the loader, its escapes and its I/O error, the digest of
 * the written text.
 *
 * Run from the repository root (or set SC_TEST_DATA_DIR).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>
#include "cases/cases.h"
#include "data/data.h"

/* the seed words of the src/cases tests since the start (the random
   inputs stay the same) */
#define SC_TEST_DEFAULT_SEED 20240601UL
#define SC_TEST_SEED_MIX 0x5bd1e995UL
#include "sc_test.h"
#include "sc_fixture.h"

/* ---- case lifetime ----------------------------------------------------- */

static void
test_case_init_defaults(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    assert_string_equal(c->name, "");
    assert_null(c->path);
    assert_int_equal(c->n, 0);
    assert_int_equal(c->d, 0);
    assert_int_equal(c->precision, SC_CASE_DEFAULT_PREC);
    assert_true(fmpq_is_zero(c->weight_decay) && fmpq_is_zero(c->momentum));
    assert_int_equal(c->project_norm, 0);
    assert_string_equal(c->data_desc, "explicit");
    sc_case_clear(c);
}

static void
test_case_set_dims_resizes(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    sc_case_set_dims(c, 5, 3);
    assert_int_equal(fmpq_mat_nrows(c->X), 5);
    assert_int_equal(fmpq_mat_ncols(c->X), 3);
    assert_int_equal(fmpq_mat_nrows(c->y), 5);
    assert_int_equal(fmpq_mat_nrows(c->w0), 3);
    fmpq_set_si(fmpq_mat_entry(c->X, 4, 2), 7, 3);
    sc_case_set_dims(c, 2, 1);
    assert_int_equal(c->n, 2);
    assert_int_equal(c->d, 1);
    assert_true(fmpq_mat_is_zero(c->X));
    sc_case_clear(c);
}

static void
test_case_set_name_aliasing(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    sc_case_set_name(c, "abc");
    sc_case_set_name(c, c->name);
    assert_string_equal(c->name, "abc");
    sc_case_set_name(c, NULL);
    assert_string_equal(c->name, "");
    sc_case_set_path(c, "x/y.json");
    sc_case_set_path(c, c->path);
    assert_string_equal(c->path, "x/y.json");
    sc_case_set_path(c, NULL);
    assert_null(c->path);
    sc_case_clear(c);
}

static void
test_loss_name_values(void ** state)
{
    (void) state;
    assert_string_equal(sc_loss_name(SC_LOSS_SQUARE), "square");
    assert_string_equal(sc_loss_name(SC_LOSS_LOGISTIC), "logistic");
}

/* ---- sc_case_write_explicit -------------------------------------------- */

/* The text sc_case_write_explicit gives for c (flint_malloc'ed). */
static char *
write_to_string(const sc_case_t c)
{
    char * buf = NULL, * copy;
    size_t len = 0;
    FILE * f = open_memstream(&buf, &len);

    assert_non_null(f);
    assert_int_equal(sc_case_write_explicit(f, c), SC_OK);
    assert_int_equal(fclose(f), 0);
    copy = flint_malloc(len + 1);
    memcpy(copy, buf, len + 1);
    free(buf);
    return copy;
}

static void
assert_cases_equal(const sc_case_t a, const sc_case_t b)
{
    assert_string_equal(a->name, b->name);
    assert_int_equal(a->loss, b->loss);
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->d, b->d);
    assert_true(fmpq_mat_equal(a->X, b->X));
    assert_true(fmpq_mat_equal(a->y, b->y));
    assert_true(fmpq_mat_equal(a->w0, b->w0));
    assert_true(fmpq_equal(a->gamma0, b->gamma0));
    assert_true(fmpq_equal(a->eta, b->eta));
    assert_true(fmpq_equal(a->eta_gamma, b->eta_gamma));
    assert_true(fmpq_equal(a->weight_decay, b->weight_decay));
    assert_true(fmpq_equal(a->momentum, b->momentum));
    assert_int_equal(a->project_norm, b->project_norm);
    assert_int_equal(a->figures, b->figures);
    assert_int_equal(a->steps, b->steps);
    assert_int_equal(a->precision, b->precision);
}

static void
test_case_write_explicit_round_trip(void ** state)
{
    static const char * const files[] = { "explicit_small.json",
        "minimal.json", "beyond.json", "whitened.json", "hadamard.json",
        "plain.json" };
    size_t i;
    char err[SC_ERR_LEN];

    (void) state;
    for (i = 0; i < sizeof files / sizeof files[0]; i++)
    {
        sc_case_t a, b;
        char * t1, * t2;

        sc_case_init(a);
        sc_case_init(b);
        load_good(a, files[i]);
        t1 = write_to_string(a);
        if (sc_case_load_string(b, t1, "written", err, sizeof err) != SC_OK)
        {
            print_error("%s: written text does not load: %s\n%s\n",
                        files[i], err, t1);
            fail();
        }
        assert_cases_equal(a, b);
        assert_string_equal(b->data_desc, "explicit");
        t2 = write_to_string(b);
        assert_string_equal(t1, t2);         /* writing is idempotent */
        flint_free(t2);
        flint_free(t1);
        sc_case_clear(b);
        sc_case_clear(a);
    }
}

/* The loader's canonical digest of the text c writes: computed from the
   file form, so it is independent of the code that copies a case. */
static void
written_digest(char * out, const sc_case_t c)
{
    sc_case_t r;
    char * t = write_to_string(c), err[SC_ERR_LEN];

    sc_case_init(r);
    if (sc_case_load_string(r, t, "written", err, sizeof err) != SC_OK)
    {
        print_error("written text does not load: %s\n%s\n", err, t);
        fail();
    }
    memcpy(out, r->digest, SC_CASE_DIGEST_LEN + 1);
    sc_case_clear(r);
    flint_free(t);
}

/* The fields assert_cases_equal leaves out: the loader's bookkeeping. */
static void
assert_cases_same_origin(const sc_case_t a, const sc_case_t b)
{
    assert_true(a->path != NULL && b->path != NULL);
    assert_string_equal(a->path, b->path);
    assert_true(a->path != b->path);            /* owned, not shared */
    assert_true(a->name != b->name);
    assert_int_equal(a->seed, b->seed);
    assert_string_equal(a->data_desc, b->data_desc);
    assert_string_equal(a->digest, b->digest);
}

/* A copy equals its original field by field, writes the same text (so the
   same canonical digest), and shares nothing with it: mutating the copy,
   even resizing it, leaves the original's text and digest as they were.
   dst first holds another case of other dimensions, so the copy must
   replace, not fill, its matrices. */
static void
test_case_copy_deep(void ** state)
{
    static const char * const files[] = { "whitened.json", "beyond.json",
        "logistic_span.json", "hadamard.json", "explicit_small.json" };
    size_t i;

    (void) state;
    for (i = 0; i < sizeof files / sizeof files[0]; i++)
    {
        sc_case_t a, b;
        char * ta, * tb, da[SC_CASE_DIGEST_LEN + 1];
        char db[SC_CASE_DIGEST_LEN + 1];

        sc_case_init(a);
        sc_case_init(b);
        load_good(a, files[i]);
        load_good(b, i == 0 ? "minimal.json" : files[i - 1]);
        assert_true(a->n > 0 && a->d > 0 && a->digest[0] != '\0');

        sc_case_copy(b, a);
        assert_cases_equal(a, b);
        assert_cases_same_origin(a, b);
        ta = write_to_string(a);
        tb = write_to_string(b);
        assert_string_equal(ta, tb);
        written_digest(da, a);
        written_digest(db, b);
        assert_string_equal(da, db);

        /* mutate every owned part of the copy */
        fmpq_add_si(fmpq_mat_entry(b->X, 0, 0), fmpq_mat_entry(b->X, 0, 0),
                    1);
        fmpq_neg(fmpq_mat_entry(b->y, 0, 0), fmpq_mat_entry(b->y, 0, 0));
        fmpq_add_si(fmpq_mat_entry(b->w0, 0, 0),
                    fmpq_mat_entry(b->w0, 0, 0), 1);
        fmpq_add_si(b->gamma0, b->gamma0, 1);
        fmpq_add_si(b->eta, b->eta, 1);
        b->name[0] = 'Z';
        b->path[0] = 'Z';
        b->data_desc[0] = 'Z';
        written_digest(db, b);
        assert_string_not_equal(da, db);
        sc_case_set_dims(b, 1, 1);
        sc_case_set_name(b, "other");

        flint_free(tb);
        tb = write_to_string(a);
        assert_string_equal(ta, tb);
        written_digest(db, a);
        assert_string_equal(da, db);
        assert_true(a->n > 1 && a->name[0] != 'Z' && a->path[0] != 'Z'
                    && a->data_desc[0] != 'Z');

        flint_free(tb);
        flint_free(ta);
        sc_case_clear(b);
        sc_case_clear(a);
    }
}

/* sc_case_copy(c, c) leaves c as it was; a copy of an empty case (the
   state sc_case_init gives, path NULL) is empty. */
static void
test_case_copy_aliasing_and_empty(void ** state)
{
    sc_case_t a, b;
    char * t1, * t2;

    (void) state;
    sc_case_init(a);
    sc_case_init(b);
    load_good(a, "beyond.json");
    t1 = write_to_string(a);
    sc_case_copy(a, a);
    t2 = write_to_string(a);
    assert_string_equal(t1, t2);

    sc_case_copy(a, b);
    assert_null(a->path);
    assert_int_equal(a->n, 0);
    assert_int_equal(a->d, 0);
    assert_int_equal(fmpq_mat_nrows(a->X), 0);
    assert_int_equal(fmpq_mat_ncols(a->y), 1);
    assert_string_equal(a->name, "");
    assert_string_equal(a->data_desc, "explicit");
    assert_string_equal(a->digest, "");
    assert_true(fmpq_is_zero(a->weight_decay) && fmpq_is_zero(a->momentum));
    flint_free(t2);
    flint_free(t1);
    sc_case_clear(b);
    sc_case_clear(a);
}

static void
test_case_write_explicit_escapes_name(void ** state)
{
    sc_case_t a, b;
    char * t;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(a);
    sc_case_init(b);
    load_good(a, "minimal.json");
    sc_case_set_name(a, "q\"b\\s\nn\tt\x01 \xc3\xa9");
    t = write_to_string(a);
    assert_int_equal(sc_case_load_string(b, t, "w", err, sizeof err), SC_OK);
    assert_string_equal(b->name, a->name);
    flint_free(t);

    /* an empty name is left out, so the label becomes the name */
    sc_case_set_name(a, NULL);
    t = write_to_string(a);
    assert_null(strstr(t, "\"name\""));
    assert_int_equal(sc_case_load_string(b, t, "lbl", err, sizeof err),
                     SC_OK);
    assert_string_equal(b->name, "lbl");
    flint_free(t);
    sc_case_clear(b);
    sc_case_clear(a);
}

static void
test_case_write_explicit_reports_eio(void ** state)
{
    sc_case_t c;
    char path[512];
    FILE * f;

    (void) state;
    sc_case_init(c);
    load_good(c, "explicit_small.json");
    data_path(path, sizeof path, "good", "explicit_small.json");
    f = fopen(path, "r");          /* not writable */
    assert_non_null(f);
    assert_int_equal(sc_case_write_explicit(f, c), SC_EIO);
    fclose(f);
    sc_case_clear(c);
}

/* ---- main -------------------------------------------------------------- */

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_case_init_defaults),
        cmocka_unit_test(test_case_set_dims_resizes),
        cmocka_unit_test(test_case_set_name_aliasing),
        cmocka_unit_test(test_loss_name_values),
        cmocka_unit_test(test_case_write_explicit_round_trip),
        cmocka_unit_test(test_case_write_explicit_escapes_name),
        cmocka_unit_test(test_case_copy_deep),
        cmocka_unit_test(test_case_copy_aliasing_and_empty),
        cmocka_unit_test(test_case_write_explicit_reports_eio),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return failed;
}
