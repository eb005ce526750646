/*
 * test_cases.c -- tests of the cases module (sc_case_*, sc_num_parse_fmpq,
 * sc_rand_*): the number parser against FLINT's own integer parser, every
 * bad-input path of the loader through the files in tests/data/bad/, the
 * good files, the generators' exact properties against independent
 * constructions (explicit Householder and inverse, recursive Sylvester),
 * determinism, and write/load round trips.
 *
 * Run from the repository root (or set SC_TEST_DATA_DIR).  SC_TEST_SEED
 * overrides the seed of the random tests and SC_TEST_MULTIPLIER scales them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <unistd.h>
#include "cases/cases.h"
#include "data/data.h"

#define SC_TEST_DEFAULT_SEED 20240601UL

/* ---- fixtures and helpers ---------------------------------------------- */

static int
setup_rand(void ** state)
{
    flint_rand_s * r = flint_malloc(sizeof(flint_rand_s));
    const char * s = getenv("SC_TEST_SEED");
    ulong seed = (s != NULL) ? strtoul(s, NULL, 10) : SC_TEST_DEFAULT_SEED;

    flint_randinit(r);
    flint_randseed(r, seed, seed ^ 0x5bd1e995UL);
    *state = r;
    return 0;
}

static int
teardown_rand(void ** state)
{
    flint_rand_s * r = *state;

    flint_randclear(r);
    flint_free(r);
    return 0;
}

static slong
test_multiplier(void)
{
    const char * s = getenv("SC_TEST_MULTIPLIER");
    slong m = (s != NULL) ? atol(s) : 1;

    return m < 1 ? 1 : m;
}

/* path = DATA_DIR/sub/file, DATA_DIR from SC_TEST_DATA_DIR or tests/data. */
static void
data_path(char * path, size_t len, const char * sub, const char * file)
{
    const char * dir = getenv("SC_TEST_DATA_DIR");

    snprintf(path, len, "%s/%s/%s", dir != NULL ? dir : "tests/data", sub,
             file);
}

/* x == num/den, both decimal strings, built by FLINT's integer parser. */
static int
fmpq_equal_str(const fmpq_t x, const char * num, const char * den)
{
    fmpz_t p, q;
    fmpq_t ref;
    int eq;

    fmpz_init(p);
    fmpz_init(q);
    fmpq_init(ref);
    assert_int_equal(fmpz_set_str(p, num, 10), 0);
    assert_int_equal(fmpz_set_str(q, den, 10), 0);
    fmpq_set_fmpz_frac(ref, p, q);
    eq = fmpq_equal(x, ref);
    fmpq_clear(ref);
    fmpz_clear(q);
    fmpz_clear(p);
    return eq;
}

static int
entry_is(const fmpq_mat_t A, slong i, slong j, slong p, ulong q)
{
    fmpq_t t;
    int eq;

    fmpq_init(t);
    fmpq_set_si(t, p, q);
    eq = fmpq_equal(fmpq_mat_entry(A, i, j), t);
    fmpq_clear(t);
    return eq;
}

static int
labels_are_signs_not_all_equal(const fmpq_mat_t y)
{
    slong i, pos = 0, n = fmpq_mat_nrows(y);

    for (i = 0; i < n; i++)
    {
        if (!fmpq_is_pm1(fmpq_mat_entry(y, i, 0)))
            return 0;
        pos += fmpq_is_one(fmpq_mat_entry(y, i, 0));
    }
    return pos > 0 && pos < n;
}

/* Sigma = X~^T X~ / n == I and 1^T X~ == 0, X~ = X - 1 mu^T computed here
   from the column means (independently of sc_data_center). */
static int
is_exactly_whitened(const fmpq_mat_t X)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, Xt, S, I, ones, sums;
    fmpq_t mu;
    fmpz_t nz;
    int ok;

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(Xt, d, n);
    fmpq_mat_init(S, d, d);
    fmpq_mat_init(I, d, d);
    fmpq_mat_init(ones, 1, n);
    fmpq_mat_init(sums, 1, d);
    fmpq_init(mu);
    fmpz_init_set_si(nz, n);

    for (i = 0; i < n; i++)
        fmpq_one(fmpq_mat_entry(ones, 0, i));
    fmpq_mat_mul(sums, ones, X);
    for (j = 0; j < d; j++)
    {
        fmpq_div_fmpz(mu, fmpq_mat_entry(sums, 0, j), nz);
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpq_mat_transpose(Xt, Xc);
    fmpq_mat_mul(S, Xt, Xc);
    fmpq_mat_scalar_div_fmpz(S, S, nz);
    fmpq_mat_one(I);
    ok = fmpq_mat_equal(S, I);
    fmpq_mat_mul(sums, ones, Xc);
    ok = ok && fmpq_mat_is_zero(sums);

    fmpz_clear(nz);
    fmpq_clear(mu);
    fmpq_mat_clear(sums);
    fmpq_mat_clear(ones);
    fmpq_mat_clear(I);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Xc);
    return ok;
}

/* ---- sc_num_parse_fmpq -------------------------------------------------- */

typedef struct
{
    const char * s;
    const char * num;
    const char * den;
}
parse_row;

static const parse_row parse_known[] =
{
    { "0.125", "1", "8" },
    { "1e-3", "1", "1000" },
    { "-2.5E+2", "-250", "1" },
    { "3/6", "1", "2" },
    { "-3/6", "-1", "2" },
    { "+3/6", "1", "2" },
    { "-12", "-12", "1" },
    { ".5", "1", "2" },
    { "5.", "5", "1" },
    { "-.5", "-1", "2" },
    { "2.5E+4", "25000", "1" },
    { "2.5e4", "25000", "1" },
    { "1.5e-1", "3", "20" },
    { "0007", "7", "1" },
    { "-0", "0", "1" },
    { "0/5", "0", "1" },
    { "0.000", "0", "1" },
    { "1e+0", "1", "1" },
    { "1e-0004", "1", "10000" },
    { "12345678901234567890123456789/3",
      "4115226300411522630041152263", "1" },
    { "-98765432109876543210.0123456789",
      "-987654321098765432100123456789", "10000000000" },
};

static void
test_num_parse_fmpq_known_answers(void ** state)
{
    size_t i;
    fmpq_t x;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_init(x);
    for (i = 0; i < sizeof parse_known / sizeof parse_known[0]; i++)
    {
        const parse_row * r = parse_known + i;

        if (sc_num_parse_fmpq(x, r->s, err, sizeof err) != SC_OK
            || !fmpq_equal_str(x, r->num, r->den))
        {
            print_error("input '%s': expected %s/%s, err '%s'\n", r->s,
                        r->num, r->den, err);
            fail();
        }
    }
    fmpq_clear(x);
}

/* The largest exponents allowed, against fmpz powers of ten. */
static void
test_num_parse_fmpq_exponent_limits(void ** state)
{
    fmpq_t x, ref;
    char err[SC_ERR_LEN], s[32];

    (void) state;
    fmpq_init(x);
    fmpq_init(ref);

    snprintf(s, sizeof s, "1E%d", SC_NUM_MAX_EXP);
    assert_int_equal(sc_num_parse_fmpq(x, s, err, sizeof err), SC_OK);
    fmpz_ui_pow_ui(fmpq_numref(ref), 10, SC_NUM_MAX_EXP);
    assert_true(fmpq_equal(x, ref));

    snprintf(s, sizeof s, "-3e-%d", SC_NUM_MAX_EXP);
    assert_int_equal(sc_num_parse_fmpq(x, s, err, sizeof err), SC_OK);
    fmpz_set_si(fmpq_numref(ref), -3);
    fmpz_ui_pow_ui(fmpq_denref(ref), 10, SC_NUM_MAX_EXP);
    assert_true(fmpq_equal(x, ref));

    fmpq_clear(ref);
    fmpq_clear(x);
}

typedef struct
{
    const char * s;
    const char * reason;
}
reject_row;

static const reject_row parse_rejects[] =
{
    { "", "empty number" },
    { " 1", "whitespace" },
    { "1 ", "whitespace" },
    { "1\t", "whitespace" },
    { "1 /2", "whitespace" },
    { "1\n", "whitespace" },
    { "nan", "not an exact number: 'nan'" },
    { "NaN", "not an exact number" },
    { "inf", "not an exact number" },
    { "-inf", "not an exact number" },
    { "Infinity", "not an exact number" },
    { "0x10", "not an exact number" },
    { "0x1p3", "not an exact number" },
    { "abc", "not an exact number: 'abc'" },
    { "1/0", "zero denominator" },
    { "-5/000", "zero denominator" },
    { "1e", "not an exact number" },
    { "1e+", "not an exact number" },
    { "1e-", "not an exact number" },
    { "e5", "not an exact number" },
    { "--1", "not an exact number" },
    { "+-1", "not an exact number" },
    { "-", "not an exact number" },
    { "+", "not an exact number" },
    { ".", "not an exact number" },
    { "1.2.3", "not an exact number" },
    { "1/", "not an exact number" },
    { "/2", "not an exact number" },
    { "1/-2", "not an exact number" },
    { "1/+2", "not an exact number" },
    { "1/2/3", "not an exact number" },
    { "1/2.0", "not an exact number" },
    { "1.5/2", "not an exact number" },
    { "1e3/2", "not an exact number" },
    { "1/2e3", "not an exact number" },
    { "1,5", "not an exact number" },
    { "1e2.5", "not an exact number" },
    { "1e4097", "exponent out of range" },
    { "1e-4097", "exponent out of range" },
    { "1e99999999999999999999999999", "exponent out of range" },
    { "\xd9\xa1", "not an exact number" },
};

static void
test_num_parse_fmpq_rejects(void ** state)
{
    size_t i;
    fmpq_t x;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_init(x);
    for (i = 0; i < sizeof parse_rejects / sizeof parse_rejects[0]; i++)
    {
        const reject_row * r = parse_rejects + i;
        int rc;

        fmpq_set_si(x, 42, 5);
        err[0] = '\0';
        rc = sc_num_parse_fmpq(x, r->s, err, sizeof err);
        if (rc != SC_EINVAL || strstr(err, r->reason) == NULL)
        {
            print_error("input '%s': rc %d, err '%s', wanted '%s'\n", r->s,
                        rc, err, r->reason);
            fail();
        }
        assert_true(fmpq_equal_str(x, "42", "5"));     /* x unchanged */
    }
    fmpq_clear(x);
}

static void
test_num_parse_fmpq_length_limit(void ** state)
{
    const size_t max = 100000;
    char * s = flint_malloc(max + 2);
    char err[SC_ERR_LEN];
    fmpq_t x, ref;

    (void) state;
    fmpq_init(x);
    fmpq_init(ref);

    /* 100000 characters: 10^99999, accepted */
    s[0] = '1';
    memset(s + 1, '0', max - 1);
    s[max] = '\0';
    assert_int_equal(sc_num_parse_fmpq(x, s, err, sizeof err), SC_OK);
    fmpz_ui_pow_ui(fmpq_numref(ref), 10, max - 1);
    assert_true(fmpq_equal(x, ref));

    /* one more: refused before any arithmetic */
    s[max] = '0';
    s[max + 1] = '\0';
    assert_int_equal(sc_num_parse_fmpq(x, s, err, sizeof err), SC_EINVAL);
    assert_non_null(strstr(err, "number too long"));
    assert_true(fmpq_equal(x, ref));

    fmpq_clear(ref);
    fmpq_clear(x);
    flint_free(s);
}

/* A long bad number is echoed cut short, and err may be NULL. */
static void
test_num_parse_fmpq_error_text(void ** state)
{
    char err[SC_ERR_LEN], small[8], bad[200];
    fmpq_t x;

    (void) state;
    fmpq_init(x);
    assert_int_equal(sc_num_parse_fmpq(x, "abc", err, sizeof err),
                     SC_EINVAL);
    assert_string_equal(err, "not an exact number: 'abc'");

    memset(bad, 'z', sizeof bad - 1);
    bad[sizeof bad - 1] = '\0';
    assert_int_equal(sc_num_parse_fmpq(x, bad, err, sizeof err), SC_EINVAL);
    assert_true(strlen(err) < 80);
    assert_non_null(strstr(err, "...'"));

    assert_int_equal(sc_num_parse_fmpq(x, "1/0", NULL, 0), SC_EINVAL);
    assert_int_equal(sc_num_parse_fmpq(x, "1/0", small, sizeof small),
                     SC_EINVAL);
    assert_int_equal(strlen(small), sizeof small - 1);
    fmpq_clear(x);
}

/* fmpq_get_str output of random rationals parses back to the same value. */
static void
test_num_parse_fmpq_random_fractions(void ** state)
{
    flint_rand_s * rs = *state;
    slong iter, iters = 200 * test_multiplier();
    fmpq_t x, y;
    char err[SC_ERR_LEN];

    fmpq_init(x);
    fmpq_init(y);
    for (iter = 0; iter < iters; iter++)
    {
        char * s;

        fmpq_randtest(x, rs, 1 + n_randint(rs, 400));
        s = fmpq_get_str(NULL, 10, x);
        if (sc_num_parse_fmpq(y, s, err, sizeof err) != SC_OK
            || !fmpq_equal(x, y))
        {
            print_error("input '%s': err '%s'\n", s, err);
            fail();
        }
        flint_free(s);
    }
    fmpq_clear(y);
    fmpq_clear(x);
}

/* Random decimals "I.F e E" against m * 10^(E - len F) built with fmpz. */
static void
test_num_parse_fmpq_random_decimals(void ** state)
{
    flint_rand_s * rs = *state;
    slong iter, iters = 200 * test_multiplier();
    fmpz_t m, p;
    fmpq_t x, ref;
    char err[SC_ERR_LEN], s[256];

    fmpz_init(m);
    fmpz_init(p);
    fmpq_init(x);
    fmpq_init(ref);
    for (iter = 0; iter < iters; iter++)
    {
        char * digits;
        size_t len, split;
        slong e = (slong) n_randint(rs, 2 * 60 + 1) - 60, e10;

        fmpz_randtest_not_zero(m, rs, 1 + n_randint(rs, 150));
        fmpz_abs(m, m);
        digits = fmpz_get_str(NULL, 10, m);
        len = strlen(digits);
        split = n_randint(rs, len + 1);     /* digits before the point */
        snprintf(s, sizeof s, "%s%.*s.%se%+ld", n_randint(rs, 2) ? "-" : "",
                 (int) split, digits, digits + split, (long) e);

        e10 = e - (slong) (len - split);
        fmpz_ui_pow_ui(p, 10, (ulong) (e10 < 0 ? -e10 : e10));
        if (e10 >= 0)
        {
            fmpz_mul(fmpq_numref(ref), m, p);
            fmpz_one(fmpq_denref(ref));
        }
        else
            fmpq_set_fmpz_frac(ref, m, p);
        if (s[0] == '-')
            fmpq_neg(ref, ref);

        if (sc_num_parse_fmpq(x, s, err, sizeof err) != SC_OK
            || !fmpq_equal(x, ref))
        {
            print_error("input '%s': err '%s'\n", s, err);
            fail();
        }
        flint_free(digits);
    }
    fmpq_clear(ref);
    fmpq_clear(x);
    fmpz_clear(p);
    fmpz_clear(m);
}

/* ---- sc_rand ----------------------------------------------------------- */

/* Vigna's splitmix64 reference outputs. */
static void
test_rand_next_known_answers(void ** state)
{
    static const uint64_t seed0[4] = {
        UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
        UINT64_C(0x06c45d188009454f), UINT64_C(0xf88bb8a8724c81ec) };
    static const uint64_t seed1234567[4] = {
        UINT64_C(0x599ed017fb08fc85), UINT64_C(0x2c73f08458540fa5),
        UINT64_C(0x883ebce5a3f27c77), UINT64_C(0x3fbef740e9177b3f) };
    sc_rand_t r;
    int i;

    (void) state;
    sc_rand_init(r, 0);
    for (i = 0; i < 4; i++)
        assert_true(sc_rand_next(r) == seed0[i]);
    sc_rand_init(r, 1234567);
    for (i = 0; i < 4; i++)
        assert_true(sc_rand_next(r) == seed1234567[i]);
}

static void
test_rand_range_bounds(void ** state)
{
    sc_rand_t r;
    slong i, hits[5] = { 0, 0, 0, 0, 0 };

    (void) state;
    sc_rand_init(r, 99);
    for (i = 0; i < 5000; i++)
    {
        slong x = sc_rand_range(r, -2, 2);

        assert_true(x >= -2 && x <= 2);
        hits[x + 2]++;
    }
    for (i = 0; i < 5; i++)
        assert_true(hits[i] > 800 && hits[i] < 1200);  /* 5000/5 +- 7 sd */
    for (i = 0; i < 100; i++)
        assert_int_equal(sc_rand_range(r, 7, 7), 7);
    for (i = 0; i < 100; i++)
    {
        slong x = sc_rand_range(r, WORD_MIN, WORD_MAX);

        (void) x;       /* full range: must not hang or trap */
    }
    for (i = 0; i < 100; i++)
        assert_true(sc_rand_range(r, WORD_MAX - 1, WORD_MAX) >= WORD_MAX - 1);
}

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

/* ---- sc_case_gen_whitened ---------------------------------------------- */

/* The definition, computed the slow way: explicit H, fmpq_mat_inv, dense
   products, drawing from the same stream in the documented order. */
static void
whitened_by_definition(fmpq_mat_t X, fmpq_mat_t y, slong k, slong d,
                       ulong seed)
{
    slong i, j, n = k * k, m = n - 1;
    fmpq_mat_t K, A, B, Ainv, Q, H, Hc, Qd, Xt, v, vt, vvt;
    fmpq_t vv, t;
    sc_rand_t r;
    int pos = 0;

    fmpq_mat_init(K, m, m);
    fmpq_mat_init(A, m, m);
    fmpq_mat_init(B, m, m);
    fmpq_mat_init(Ainv, m, m);
    fmpq_mat_init(Q, m, m);
    fmpq_mat_init(H, n, n);
    fmpq_mat_init(Hc, n, m);
    fmpq_mat_init(Qd, m, d);
    fmpq_mat_init(Xt, n, d);
    fmpq_mat_init(v, n, 1);
    fmpq_mat_init(vt, 1, n);
    fmpq_mat_init(vvt, n, n);
    fmpq_init(vv);
    fmpq_init(t);

    sc_rand_init(r, seed);
    for (i = 0; i < m; i++)
        for (j = i + 1; j < m; j++)
        {
            slong kij = sc_rand_range(r, -2, 2);

            fmpq_set_si(fmpq_mat_entry(K, i, j), kij, 1);
            fmpq_set_si(fmpq_mat_entry(K, j, i), -kij, 1);
        }
    fmpq_mat_one(A);
    fmpq_mat_one(B);
    fmpq_mat_add(A, A, K);
    fmpq_mat_sub(B, B, K);
    assert_true(fmpq_mat_inv(Ainv, A));
    fmpq_mat_mul(Q, B, Ainv);

    for (i = 0; i < n; i++)
        fmpq_set_si(fmpq_mat_entry(v, i, 0), (i == 0 ? k : 0) - 1, k);
    fmpq_mat_transpose(vt, v);
    fmpq_mat_mul(vvt, v, vt);
    sc_data_dot(vv, v, v);
    fmpq_set_si(t, -2, 1);
    fmpq_div(t, t, vv);
    fmpq_mat_scalar_mul_fmpq(H, vvt, t);
    for (i = 0; i < n; i++)
        fmpq_add_ui(fmpq_mat_entry(H, i, i), fmpq_mat_entry(H, i, i), 1);

    for (i = 0; i < n; i++)
        for (j = 0; j < m; j++)
            fmpq_set(fmpq_mat_entry(Hc, i, j), fmpq_mat_entry(H, i, j + 1));
    for (i = 0; i < m; i++)
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(Qd, i, j), fmpq_mat_entry(Q, i, j));
    fmpq_mat_mul(Xt, Hc, Qd);
    fmpq_set_si(t, k, 1);
    fmpq_mat_scalar_mul_fmpq(X, Xt, t);

    for (j = 0; j < d; j++)
    {
        fmpq_set_si(t, sc_rand_range(r, -3, 3), 2);
        for (i = 0; i < n; i++)
            fmpq_add(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, i, j), t);
    }
    for (i = 0; i < n; i++)
    {
        int s = sc_rand_range(r, 0, 1) ? 1 : -1;

        fmpq_set_si(fmpq_mat_entry(y, i, 0), s, 1);
        pos += (s > 0);
    }
    if (pos == 0 || pos == n)
        fmpq_neg(fmpq_mat_entry(y, 0, 0), fmpq_mat_entry(y, 0, 0));

    fmpq_clear(t);
    fmpq_clear(vv);
    fmpq_mat_clear(vvt);
    fmpq_mat_clear(vt);
    fmpq_mat_clear(v);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(Qd);
    fmpq_mat_clear(Hc);
    fmpq_mat_clear(H);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(Ainv);
    fmpq_mat_clear(B);
    fmpq_mat_clear(A);
    fmpq_mat_clear(K);
}

static void
test_case_gen_whitened_matches_definition(void ** state)
{
    static const slong params[][3] = {
        { 2, 1, 0 }, { 2, 3, 1 }, { 3, 4, 2 }, { 4, 6, 7 }, { 4, 15, 8 },
        { 5, 7, 3 } };
    size_t i;
    char err[SC_ERR_LEN];

    (void) state;
    for (i = 0; i < sizeof params / sizeof params[0]; i++)
    {
        slong k = params[i][0], n = k * k, d = params[i][1];
        fmpq_mat_t X, y, Xr, yr;

        fmpq_mat_init(X, 1, 1);         /* wrong size on purpose */
        fmpq_mat_init(y, 0, 0);
        fmpq_mat_init(Xr, n, d);
        fmpq_mat_init(yr, n, 1);
        assert_int_equal(sc_case_gen_whitened(X, y, n, d, params[i][2], err,
                                              sizeof err), SC_OK);
        whitened_by_definition(Xr, yr, k, d, params[i][2]);
        if (!fmpq_mat_equal(X, Xr) || !fmpq_mat_equal(y, yr))
        {
            print_error("whitened(n=%ld, d=%ld, seed=%ld) differs from the "
                        "definition\n", (long) n, (long) d,
                        (long) params[i][2]);
            fail();
        }
        fmpq_mat_clear(yr);
        fmpq_mat_clear(Xr);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
}

static void
test_case_gen_whitened_sigma_identity(void ** state)
{
    static const slong params[][3] = {
        { 4, 1, 0 }, { 4, 3, 5 }, { 9, 8, 2 }, { 16, 6, 7 }, { 16, 15, 1 },
        { 25, 10, 123456789 }, { 36, 12, 4 }, { 64, 20, 11 } };
    size_t i;
    slong row, j;
    char err[SC_ERR_LEN];

    (void) state;
    for (i = 0; i < sizeof params / sizeof params[0]; i++)
    {
        slong n = params[i][0], d = params[i][1];
        fmpq_mat_t X, y, Xc;
        fmpq_t mu;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(Xc, n, d);
        fmpq_init(mu);
        assert_int_equal(sc_case_gen_whitened(X, y, n, d, params[i][2], err,
                                              sizeof err), SC_OK);
        if (!is_exactly_whitened(X))
        {
            print_error("whitened(n=%ld, d=%ld, seed=%ld): Sigma != I\n",
                        (long) n, (long) d, (long) params[i][2]);
            fail();
        }
        assert_true(labels_are_signs_not_all_equal(y));

        /* the shift is a half-integer in [-3/2, 3/2], equal on all rows */
        sc_data_center(Xc, X);
        for (j = 0; j < d; j++)
        {
            fmpq_sub(mu, fmpq_mat_entry(X, 0, j), fmpq_mat_entry(Xc, 0, j));
            fmpq_mul_si(mu, mu, 2);
            assert_true(fmpz_is_one(fmpq_denref(mu)));
            assert_true(fmpq_cmp_si(mu, -3) >= 0 && fmpq_cmp_si(mu, 3) <= 0);
            for (row = 1; row < n; row++)
            {
                fmpq_t t;

                fmpq_init(t);
                fmpq_sub(t, fmpq_mat_entry(X, row, j),
                         fmpq_mat_entry(Xc, row, j));
                fmpq_mul_si(t, t, 2);
                assert_true(fmpq_equal(t, mu));
                fmpq_clear(t);
            }
        }
        fmpq_clear(mu);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
}

static void
test_case_gen_whitened_deterministic(void ** state)
{
    fmpq_mat_t X1, y1, X2, y2;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X1, 0, 0);
    fmpq_mat_init(y1, 0, 0);
    fmpq_mat_init(X2, 0, 0);
    fmpq_mat_init(y2, 0, 0);

    assert_int_equal(sc_case_gen_whitened(X1, y1, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_int_equal(sc_case_gen_whitened(X2, y2, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(X1, X2) && fmpq_mat_equal(y1, y2));
    assert_int_equal(sc_case_gen_whitened(X2, y2, 16, 6, 8, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(X1, X2));
    /* pinned: a seed must mean the same data on every machine */
    assert_true(fmpq_equal_str(fmpq_mat_entry(X1, 0, 0), "-788486093",
                               "262541970"));

    fmpq_mat_clear(y2);
    fmpq_mat_clear(X2);
    fmpq_mat_clear(y1);
    fmpq_mat_clear(X1);
}

static void
test_case_gen_whitened_rejects(void ** state)
{
    static const slong bad[][2] = {
        { 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 }, { 15, 3 }, { 16, 0 },
        { 16, 16 }, { 16, -1 }, { 441, 3 }, { -4, 1 } };
    size_t i;
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 2);
    fmpq_mat_init(y, 2, 1);
    fmpq_set_si(fmpq_mat_entry(X, 0, 0), 5, 1);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
        err[0] = '\0';
        assert_int_equal(sc_case_gen_whitened(X, y, bad[i][0], bad[i][1], 1,
                                              err, sizeof err), SC_EINVAL);
        assert_non_null(strstr(err, "whitened"));
        assert_int_equal(fmpq_mat_nrows(X), 2);     /* untouched */
        assert_true(entry_is(X, 0, 0, 5, 1));
    }
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- [F3] sc_case_gen_hilbert and its parts ---------------------------- */

/* Cayley rotations are exactly orthogonal: Q^T Q = I in rationals. */
static void
test_case_cayley_columns_orthogonal(void ** state)
{
    fmpq_mat_t Q, Qt, G, I;
    sc_rand_t r;
    slong m;

    (void) state;
    for (m = 1; m <= 9; m += 4)
    {
        fmpq_mat_init(Q, m, m);
        fmpq_mat_init(Qt, m, m);
        fmpq_mat_init(G, m, m);
        fmpq_mat_init(I, m, m);
        sc_rand_init(r, 11 + m);
        sc_case_cayley_columns(Q, m, m, r);
        fmpq_mat_transpose(Qt, Q);
        fmpq_mat_mul(G, Qt, Q);
        fmpq_mat_one(I);
        assert_true(fmpq_mat_equal(G, I));
        assert_true(m == 1 || !fmpq_mat_equal(Q, I));
        fmpq_mat_clear(I);
        fmpq_mat_clear(G);
        fmpq_mat_clear(Qt);
        fmpq_mat_clear(Q);
    }
}

/* Irwin-Hall draws: dyadic with denominator dividing 2^33, inside (-6, 6),
   and over 4000 draws the exact sample mean and variance are within 4.5
   standard errors of the closed forms 0 and 1 - 2^-64 (kurtosis 2.9:
   sd of the sample variance about 0.022). */
static void
test_rand_normal_dyadic_moments(void ** state)
{
    const slong M = 4000;
    fmpq_t z, s1, s2, t, lim;
    fmpz_t two33;
    sc_rand_t r;
    slong k;

    (void) state;
    fmpq_init(z);
    fmpq_init(s1);
    fmpq_init(s2);
    fmpq_init(t);
    fmpq_init(lim);
    fmpz_init(two33);
    fmpz_one(two33);
    fmpz_mul_2exp(two33, two33, 33);
    sc_rand_init(r, 2026);
    for (k = 0; k < M; k++)
    {
        sc_rand_normal_dyadic(z, r);
        assert_true(fmpz_divisible(two33, fmpq_denref(z)));
        assert_true(fmpq_cmp_si(z, 6) < 0 && fmpq_cmp_si(z, -6) > 0);
        fmpq_add(s1, s1, z);
        fmpq_addmul(s2, z, z);
    }
    fmpz_set_si(two33, M);                  /* reused as the count */
    fmpq_div_fmpz(s1, s1, two33);           /* mean */
    fmpq_div_fmpz(s2, s2, two33);           /* mean of z^2 */
    fmpq_mul(t, s1, s1);
    fmpq_sub(s2, s2, t);                                    /* variance */
    fmpq_set_si(lim, 1, 14);        /* 4.5 / sqrt(4000) = 0.071 */
    fmpq_abs(t, s1);
    assert_true(fmpq_cmp(t, lim) < 0);
    fmpq_sub_si(t, s2, 1);
    fmpq_abs(t, t);
    fmpq_set_si(lim, 1, 10);
    assert_true(fmpq_cmp(t, lim) < 0);
    /* not degenerate: the draws are not all alike */
    assert_true(fmpq_cmp_si(s2, 0) > 0);
    fmpz_clear(two33);
    fmpq_clear(lim);
    fmpq_clear(t);
    fmpq_clear(s2);
    fmpq_clear(s1);
    fmpq_clear(z);
}

/* Without noise X = P H Q, so X X^T = P (H H^T) P^T: for the 2 x 3 slice
   H = [[1, 1/2, 1/3], [1/2, 1/3, 1/4]] (hand computed) trace = ||H||_F^2 =
   257/144 and det = 49/36 * 61/144 - (3/4)^2 = 73/5184. */
static void
test_case_gen_hilbert_slice_known_answer(void ** state)
{
    fmpq_mat_t X, y, Xt, G;
    fmpq_t sigma, tr, det;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 3);
    fmpq_mat_init(y, 2, 1);
    fmpq_mat_init(Xt, 3, 2);
    fmpq_mat_init(G, 2, 2);
    fmpq_init(sigma);
    fmpq_init(tr);
    fmpq_init(det);
    assert_int_equal(sc_case_gen_hilbert(X, y, 2, 3, sigma, 5, err,
                                         sizeof err), SC_OK);
    fmpq_mat_transpose(Xt, X);
    fmpq_mat_mul(G, X, Xt);
    fmpq_mat_trace(tr, G);
    fmpq_mat_det(det, G);
    assert_true(fmpq_equal_str(tr, "257", "144"));
    assert_true(fmpq_equal_str(det, "73", "5184"));
    /* the rotations are not the identity: X is not H itself */
    assert_false(entry_is(X, 0, 0, 1, 1) && entry_is(X, 0, 1, 1, 2));
    /* two labels, +-1, not equal */
    assert_true(fmpq_is_pm1(fmpq_mat_entry(y, 0, 0))
                && fmpq_is_pm1(fmpq_mat_entry(y, 1, 0)));
    assert_false(fmpq_equal(fmpq_mat_entry(y, 0, 0),
                            fmpq_mat_entry(y, 1, 0)));
    fmpq_clear(det);
    fmpq_clear(tr);
    fmpq_clear(sigma);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Xt);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* The noise is drawn after the rotations, so X(sigma) - X(0) = sigma E
   with E Irwin-Hall entries; the figure's data are centred-rank n - 1
   (n < d); a seed pins the data. */
static void
test_case_gen_hilbert_noise_and_rank(void ** state)
{
    fmpq_mat_t X0, X1, y0, y1, Xc;
    fmpq_t sigma, e;
    fmpz_t two33;
    char err[SC_ERR_LEN];
    slong i, j;

    (void) state;
    fmpq_mat_init(X0, 6, 12);
    fmpq_mat_init(X1, 6, 12);
    fmpq_mat_init(y0, 6, 1);
    fmpq_mat_init(y1, 6, 1);
    fmpq_mat_init(Xc, 6, 12);
    fmpq_init(sigma);
    fmpq_init(e);
    fmpz_init(two33);
    fmpz_one(two33);
    fmpz_mul_2exp(two33, two33, 33);
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    fmpq_set_si(sigma, 1, 300);
    assert_int_equal(sc_case_gen_hilbert(X1, y1, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    for (i = 0; i < 6; i++)
        for (j = 0; j < 12; j++)
        {
            fmpq_sub(e, fmpq_mat_entry(X1, i, j), fmpq_mat_entry(X0, i, j));
            fmpq_div(e, e, sigma);
            assert_true(fmpz_divisible(two33, fmpq_denref(e)));
            assert_true(fmpq_cmp_si(e, 6) < 0 && fmpq_cmp_si(e, -6) > 0);
            assert_false(fmpq_is_zero(e));
        }
    sc_data_center(Xc, X1);
    assert_int_equal(fmpq_mat_rref(Xc, Xc), 5);
    /* deterministic */
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 2, err,
                                         sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(X0, X1) && fmpq_mat_equal(y0, y1));
    assert_int_equal(sc_case_gen_hilbert(X0, y0, 6, 12, sigma, 3, err,
                                         sizeof err), SC_OK);
    assert_false(fmpq_mat_equal(X0, X1));
    fmpz_clear(two33);
    fmpq_clear(e);
    fmpq_clear(sigma);
    fmpq_mat_clear(Xc);
    fmpq_mat_clear(y1);
    fmpq_mat_clear(y0);
    fmpq_mat_clear(X1);
    fmpq_mat_clear(X0);
}

/* n < d is enforced (Section 6 is overparameterised), as are the size
   cap and sigma >= 0; X is untouched on error. */
static void
test_case_gen_hilbert_rejects(void ** state)
{
    static const slong bad[][2] = {
        { 4, 4 }, { 5, 4 }, { 1, 3 }, { 0, 3 }, { 8, 33 }, { -2, 3 } };
    size_t i;
    fmpq_mat_t X, y;
    fmpq_t sigma;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 2, 2);
    fmpq_mat_init(y, 2, 1);
    fmpq_init(sigma);
    fmpq_set_si(fmpq_mat_entry(X, 0, 0), 5, 1);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
    {
        err[0] = '\0';
        assert_int_equal(sc_case_gen_hilbert(X, y, bad[i][0], bad[i][1],
                                             sigma, 1, err, sizeof err),
                         SC_EINVAL);
        assert_non_null(strstr(err, "hilbert"));
        assert_int_equal(fmpq_mat_nrows(X), 2);
        assert_true(entry_is(X, 0, 0, 5, 1));
    }
    fmpq_set_si(sigma, -1, 100);
    assert_int_equal(sc_case_gen_hilbert(X, y, 3, 5, sigma, 1, err,
                                         sizeof err), SC_EINVAL);
    fmpq_clear(sigma);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* The committed Figure 3 case loads with its generator. */
static void
test_case_load_file_hilbert_generator(void ** state)
{
    sc_case_t c;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    assert_int_equal(sc_case_load_file(c, "cases/figure3/hilbert-square.json",
                                       err, sizeof err), SC_OK);
    assert_int_equal(c->n, 6);
    assert_int_equal(c->d, 12);
    assert_string_equal(c->data_desc, "hilbert(n=6,d=12,noise=1/300,seed=2)");
    sc_case_clear(c);
}

/* ---- sc_case_gen_hadamard ---------------------------------------------- */

/* The Sylvester matrix by its recursion H_2m = [[H, H], [H, -H]]. */
static void
sylvester_by_recursion(fmpz_mat_t H)
{
    slong m, i, j, n = fmpz_mat_nrows(H);

    fmpz_one(fmpz_mat_entry(H, 0, 0));
    for (m = 1; m < n; m *= 2)
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
            {
                fmpz * h = fmpz_mat_entry(H, i, j);

                fmpz_set(fmpz_mat_entry(H, i, j + m), h);
                fmpz_set(fmpz_mat_entry(H, i + m, j), h);
                fmpz_neg(fmpz_mat_entry(H, i + m, j + m), h);
            }
}

static void
test_case_gen_hadamard_matches_sylvester(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    slong i, k, n = 16, d = 6;
    fmpq_mat_t X, y, mu;
    fmpz_mat_t H;
    fmpq_t t;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, d, 1);
    fmpz_mat_init(H, n, n);
    fmpq_init(t);
    sylvester_by_recursion(H);

    /* without shift: exactly whitened, columns of H */
    assert_int_equal(sc_case_gen_hadamard(X, y, n, d, cols, NULL, 15, err,
                                          sizeof err), SC_OK);
    assert_true(is_exactly_whitened(X));
    for (i = 0; i < n; i++)
    {
        for (k = 0; k < d; k++)
            assert_true(fmpz_equal(fmpq_numref(fmpq_mat_entry(X, i, k)),
                                   fmpz_mat_entry(H, i, cols[k])));
        assert_true(fmpz_equal(fmpq_numref(fmpq_mat_entry(y, i, 0)),
                               fmpz_mat_entry(H, i, 15)));
    }

    /* with a shift (d x 1 here, 1 x d below): X = H cols + mu */
    for (k = 0; k < d; k++)
        fmpq_set_si(fmpq_mat_entry(mu, k, 0), k - 2, 3);
    assert_int_equal(sc_case_gen_hadamard(X, y, n, d, cols, mu, 3, err,
                                          sizeof err), SC_OK);
    assert_true(is_exactly_whitened(X));
    for (i = 0; i < n; i++)
        for (k = 0; k < d; k++)
        {
            fmpq_sub(t, fmpq_mat_entry(X, i, k), fmpq_mat_entry(mu, k, 0));
            assert_true(fmpz_is_one(fmpq_denref(t)));
            assert_true(fmpz_equal(fmpq_numref(t),
                                   fmpz_mat_entry(H, i, cols[k])));
        }
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, 1, d);
    for (k = 0; k < d; k++)
        fmpq_set_si(fmpq_mat_entry(mu, 0, k), k - 2, 3);
    {
        fmpq_mat_t X2;

        fmpq_mat_init(X2, 0, 0);
        assert_int_equal(sc_case_gen_hadamard(X2, y, n, d, cols, mu, 3, err,
                                              sizeof err), SC_OK);
        assert_true(fmpq_mat_equal(X, X2));
        fmpq_mat_clear(X2);
    }

    fmpq_clear(t);
    fmpz_mat_clear(H);
    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

static void
test_case_gen_hadamard_rejects(void ** state)
{
    static const slong ok_cols[3] = { 1, 2, 3 };
    static const slong dup[3] = { 1, 2, 1 };
    static const slong zero[3] = { 0, 2, 3 };
    static const slong big[3] = { 1, 2, 8 };
    fmpq_mat_t X, y, mu;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, 2, 1);
    assert_int_equal(sc_case_gen_hadamard(X, y, 12, 3, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 1, 3, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, dup, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_non_null(strstr(err, "distinct"));
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, zero, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, big, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, NULL, 0, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, NULL, 8, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 0, ok_cols, NULL, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_int_equal(sc_case_gen_hadamard(X, y, 8, 3, ok_cols, mu, 1, err,
                                          sizeof err), SC_EINVAL);
    assert_non_null(strstr(err, "shift"));
    assert_int_equal(fmpq_mat_nrows(X), 0);
    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- sc_case_gen_plain ------------------------------------------------- */

static void
test_case_gen_plain_entries_and_labels(void ** state)
{
    slong seed, i, j;
    fmpq_mat_t X, y, X2, y2;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(X2, 0, 0);
    fmpq_mat_init(y2, 0, 0);
    for (seed = 0; seed < 200; seed++)
    {
        slong n = 2 + seed % 5, d = 1 + seed % 3;

        assert_int_equal(sc_case_gen_plain(X, y, n, d, seed, err,
                                           sizeof err), SC_OK);
        assert_int_equal(fmpq_mat_nrows(X), n);
        assert_int_equal(fmpq_mat_ncols(X), d);
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
            {
                const fmpq * x = fmpq_mat_entry(X, i, j);

                assert_true(fmpz_is_one(fmpq_denref(x)));
                assert_true(fmpq_cmp_si(x, -4) >= 0
                            && fmpq_cmp_si(x, 4) <= 0);
            }
        assert_true(labels_are_signs_not_all_equal(y));
        /* centred data of rank >= 1: some row differs from row 0 */
        {
            fmpq_mat_t Xc;

            fmpq_mat_init(Xc, n, d);
            sc_data_center(Xc, X);
            assert_false(fmpq_mat_is_zero(Xc));
            fmpq_mat_clear(Xc);
        }
        /* deterministic */
        assert_int_equal(sc_case_gen_plain(X2, y2, n, d, seed, err,
                                           sizeof err), SC_OK);
        assert_true(fmpq_mat_equal(X, X2) && fmpq_mat_equal(y, y2));
    }
    assert_int_equal(sc_case_gen_plain(X, y, 20, 5, 1, err, sizeof err),
                     SC_OK);
    assert_int_equal(sc_case_gen_plain(X2, y2, 20, 5, 2, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(X, X2));
    assert_false(is_exactly_whitened(X));

    assert_int_equal(sc_case_gen_plain(X, y, 1, 5, 1, err, sizeof err),
                     SC_EINVAL);
    assert_int_equal(sc_case_gen_plain(X, y, 5, 0, 1, err, sizeof err),
                     SC_EINVAL);
    assert_int_equal(sc_case_gen_plain(X, y, 4096, 245, 1, err, sizeof err),
                     SC_EINVAL);

    fmpq_mat_clear(y2);
    fmpq_mat_clear(X2);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- sc_case_init_near_reference --------------------------------------- */

/* |a / b - 1| < 10^-30, exactly. */
static int
relative_close(const fmpq_t a, const fmpq_t b)
{
    fmpq_t r, tol;
    int ok;

    fmpq_init(r);
    fmpq_init(tol);
    fmpq_div(r, a, b);
    fmpq_sub_ui(r, r, 1);
    fmpq_abs(r, r);
    fmpz_one(fmpq_numref(tol));
    fmpz_ui_pow_ui(fmpq_denref(tol), 10, 30);
    ok = fmpq_cmp(r, tol) < 0;
    fmpq_clear(tol);
    fmpq_clear(r);
    return ok;
}

/* Recomputes rho_0^2, ||w0||^2 and <w0, w*> exactly from w0. */
static void
check_near_reference(const fmpq_mat_t X, const fmpq_mat_t y,
                     const char * rho0_s, const char * norm2_s, ulong seed)
{
    slong n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t Xc, ws, w0, w1;
    fmpq_t rho0, norm2, c2, ip, W, rho_sq, target;
    char err[SC_ERR_LEN];

    fmpq_mat_init(Xc, n, d);
    fmpq_mat_init(ws, d, 1);
    fmpq_mat_init(w0, 0, 0);
    fmpq_mat_init(w1, 0, 0);
    fmpq_init(rho0);
    fmpq_init(norm2);
    fmpq_init(c2);
    fmpq_init(ip);
    fmpq_init(W);
    fmpq_init(rho_sq);
    fmpq_init(target);
    assert_int_equal(sc_num_parse_fmpq(rho0, rho0_s, err, sizeof err), SC_OK);
    assert_int_equal(sc_num_parse_fmpq(norm2, norm2_s, err, sizeof err),
                     SC_OK);

    assert_int_equal(sc_case_init_near_reference(w0, X, y, rho0, norm2, seed,
                                                 err, sizeof err), SC_OK);
    sc_data_center(Xc, X);
    sc_data_lsq_reference(ws, Xc, y);
    sc_data_dot(c2, ws, ws);
    sc_data_dot(ip, w0, ws);
    sc_data_dot(W, w0, w0);
    assert_true(fmpq_sgn(ip) > 0);
    fmpq_mul(rho_sq, W, c2);
    fmpq_submul(rho_sq, ip, ip);
    fmpq_div(rho_sq, rho_sq, ip);
    fmpq_div(rho_sq, rho_sq, ip);
    fmpq_mul(target, rho0, rho0);
    if (!relative_close(rho_sq, target) || !relative_close(W, norm2))
    {
        print_error("near-reference rho0=%s norm2=%s seed=%lu: targets "
                    "missed\n", rho0_s, norm2_s, (unsigned long) seed);
        fail();
    }
    assert_true(sc_data_in_row_space(Xc, w0));

    /* deterministic, and the seed matters */
    assert_int_equal(sc_case_init_near_reference(w1, X, y, rho0, norm2, seed,
                                                 err, sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(w0, w1));
    assert_int_equal(sc_case_init_near_reference(w1, X, y, rho0, norm2,
                                                 seed + 1, err, sizeof err),
                     SC_OK);
    assert_false(fmpq_mat_equal(w0, w1));

    fmpq_clear(target);
    fmpq_clear(rho_sq);
    fmpq_clear(W);
    fmpq_clear(ip);
    fmpq_clear(c2);
    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w1);
    fmpq_mat_clear(w0);
    fmpq_mat_clear(ws);
    fmpq_mat_clear(Xc);
}

static void
test_case_init_near_reference_hits_targets(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);

    assert_int_equal(sc_case_gen_whitened(X, y, 16, 6, 7, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "1/50", "1", 3);
    check_near_reference(X, y, "1e-40", "1e20", 0);
    check_near_reference(X, y, "1e6", "3/7", 12345);

    assert_int_equal(sc_case_gen_hadamard(X, y, 16, 6, cols, NULL, 3, err,
                                          sizeof err), SC_OK);
    check_near_reference(X, y, "0.02", "1", 11);

    assert_int_equal(sc_case_gen_plain(X, y, 10, 3, 5, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "1/3", "7/2", 1);
    assert_int_equal(sc_case_gen_plain(X, y, 5, 12, 9, err, sizeof err),
                     SC_OK);
    check_near_reference(X, y, "2.5", "1e-3", 2);

    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

static void
test_case_init_near_reference_rejects(void ** state)
{
    fmpq_mat_t X, y, w;
    fmpq_t rho0, norm2;
    char err[SC_ERR_LEN];
    slong i;

    (void) state;
    fmpq_mat_init(X, 4, 2);
    fmpq_mat_init(y, 4, 1);
    fmpq_mat_init(w, 2, 1);
    fmpq_init(rho0);
    fmpq_init(norm2);
    fmpq_set_si(rho0, 1, 50);
    fmpq_one(norm2);

    /* both columns orthogonal to y: w* = 0 */
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(fmpq_mat_entry(X, i, 0), (i % 2) ? -1 : 1, 1);
        fmpq_set_si(fmpq_mat_entry(X, i, 1), (i == 0 || i == 3) ? 1 : -1, 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), i < 2 ? 1 : -1, 1);
    }
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    assert_string_equal(err, "the reference direction is zero");

    /* rank one: the second column is twice the first */
    for (i = 0; i < 4; i++)
    {
        fmpq_set_si(fmpq_mat_entry(X, i, 0), i, 1);
        fmpq_set_si(fmpq_mat_entry(X, i, 1), 2 * i, 1);
    }
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    assert_string_equal(err, "span(X~^T) has no direction orthogonal to w*");

    fmpq_set_si(fmpq_mat_entry(X, 0, 1), 5, 1);     /* rank 2 again */
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_OK);
    fmpq_zero(rho0);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);
    fmpq_set_si(rho0, 1, 50);
    fmpq_set_si(norm2, -1, 1);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 1, err,
                                                 sizeof err), SC_EINVAL);

    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
}

/* ---- sc_case_load_file: every bad-input path ---------------------------- */

typedef struct
{
    const char * file;      /* in tests/data/bad/ */
    const char * field;     /* the FIELD of "PATH: FIELD: reason" */
    const char * reason;    /* a substring of the reason */
}
bad_row;

static const bad_row bad_files[] =
{
    { "json_syntax.json", "json", "line" },
    { "json_duplicate_key.json", "json", "duplicate" },
    { "json_empty_file.json", "json", "expected" },
    { "json_trailing_garbage.json", "json", "end of file expected" },
    { "root_array.json", "(root)", "must be a JSON object" },
    { "format_missing.json", "format", "missing" },
    { "format_wrong_version.json", "format", "must be \"spikecheck-case/1\"" },
    { "format_number.json", "format", "must be \"spikecheck-case/1\"" },
    { "unknown_top_key.json", "colour", "unknown key" },
    { "name_number.json", "name", "must be a non-empty string" },
    { "name_empty.json", "name", "must be a non-empty string" },
    { "loss_missing.json", "loss", "missing" },
    { "loss_unknown.json", "loss", "must be \"square\" or \"logistic\"" },
    { "eta_missing.json", "eta", "missing" },
    { "eta_json_number.json", "eta",
      "must be a string holding an exact number" },
    { "eta_zero.json", "eta", "must be > 0" },
    { "eta_negative.json", "eta", "must be > 0" },
    { "eta_not_number.json", "eta", "not an exact number: 'abc'" },
    { "eta_nan.json", "eta", "not an exact number: 'nan'" },
    { "eta_inf.json", "eta", "not an exact number: '-inf'" },
    { "eta_zero_denominator.json", "eta", "zero denominator" },
    { "eta_exponent_out_of_range.json", "eta", "exponent out of range" },
    { "eta_whitespace.json", "eta", "whitespace" },
    { "eta_empty_string.json", "eta", "empty number" },
    { "eta_too_long.json", "eta", "number too long" },
    { "eta_gamma_missing.json", "eta_gamma", "missing" },
    { "eta_gamma_one.json", "eta_gamma", "must be in (0, 1)" },
    { "eta_gamma_zero.json", "eta_gamma", "must be in (0, 1)" },
    { "weight_decay_negative.json", "weight_decay", "must be >= 0" },
    { "weight_decay_json_number.json", "weight_decay",
      "must be a string holding an exact number" },
    { "weight_decay_too_large.json", "weight_decay",
      "eta * weight_decay must be < 1" },
    { "momentum_one.json", "momentum", "must be in [0, 1)" },
    { "momentum_negative.json", "momentum", "must be in [0, 1)" },
    { "project_norm_string.json", "project_norm", "must be true or false" },
    { "project_norm_number.json", "project_norm", "must be true or false" },
    { "report_not_object.json", "report", "must be an object" },
    { "report_unknown_key.json", "report.plots", "unknown key" },
    { "report_figures_string.json", "report.figures", "must be an array" },
    { "report_figure_unknown.json", "report.figures[1]", "unknown figure" },
    { "report_figure_number.json", "report.figures[0]", "unknown figure" },
    { "steps_missing.json", "steps", "missing" },
    { "steps_zero.json", "steps", "must be in [1, 1000000]" },
    { "steps_too_large.json", "steps", "must be in [1, 1000000]" },
    { "steps_store.json", "steps", "exceed the trajectory store" },
    { "steps_real.json", "steps", "must be a JSON integer" },
    { "steps_integral_real.json", "steps", "must be a JSON integer" },
    { "steps_boolean.json", "steps", "must be a JSON integer" },
    { "steps_string.json", "steps", "must be a JSON integer" },
    { "steps_huge_integer.json", "json", "too big" },
    { "precision_too_small.json", "precision", "must be in [16, 65536]" },
    { "precision_too_large.json", "precision", "must be in [16, 65536]" },
    { "precision_string.json", "precision", "must be a JSON integer" },
    { "data_missing.json", "data", "missing" },
    { "data_array.json", "data", "must be an object" },
    { "data_unknown_key.json", "data.Z", "unknown key" },
    { "data_X_missing.json", "data.X", "missing" },
    { "data_y_missing.json", "data.y", "missing" },
    { "data_X_empty.json", "data.X", "must be a non-empty array of rows" },
    { "data_X_string.json", "data.X", "must be a non-empty array of rows" },
    { "data_X_row_empty.json", "data.X[0]", "must be a non-empty array" },
    { "data_X_row_not_array.json", "data.X[1]", "must be a non-empty array" },
    { "data_X_ragged.json", "data.X[2]", "ragged rows" },
    { "data_X_entry_json_number.json", "data.X[0][1]",
      "must be a string holding an exact number" },
    { "data_X_entry_word.json", "data.X[2][1]", "not an exact number: 'abc'" },
    { "data_X_entry_hex.json", "data.X[1][0]", "not an exact number" },
    { "data_X_entry_double_sign.json", "data.X[1][1]", "not an exact number" },
    { "data_X_entry_two_points.json", "data.X[0][0]", "not an exact number" },
    { "data_X_entry_bare_exponent.json", "data.X[0][1]",
      "not an exact number" },
    { "data_X_entry_signed_denominator.json", "data.X[2][0]",
      "not an exact number" },
    { "data_X_entry_exponent_fraction.json", "data.X[2][0]",
      "not an exact number" },
    { "data_X_entry_newline.json", "data.X[2][0]", "whitespace" },
    { "data_X_entry_zero_denominator.json", "data.X[1][1]",
      "zero denominator" },
    { "data_X_entry_exponent_out_of_range.json", "data.X[1][1]",
      "exponent out of range" },
    { "data_X_too_many_rows.json", "data.X", "more than 4096 rows" },
    { "data_X_too_many_columns.json", "data.X[0]", "more than 4096 entries" },
    { "data_X_too_many_entries.json", "data.X", "exceeds 1000000" },
    { "data_y_short.json", "data.y", "must be an array of n = 3 labels" },
    { "data_y_string.json", "data.y", "must be an array of n = 3 labels" },
    { "data_y_label_two.json", "data.y[1]", "label must be 1 or -1" },
    { "data_y_label_zero.json", "data.y[2]", "label must be 1 or -1" },
    { "data_y_label_half.json", "data.y[0]", "label must be 1 or -1" },
    { "data_y_label_json_number.json", "data.y[0]",
      "must be a string holding an exact number" },
    { "data_y_label_bad.json", "data.y[2]", "not an exact number" },
    { "init_missing.json", "init", "missing" },
    { "init_string.json", "init", "must be an object" },
    { "init_unknown_key.json", "init.v", "unknown key" },
    { "init_w_missing.json", "init.w", "missing" },
    { "init_gamma_missing.json", "init.gamma", "missing" },
    { "init_w_wrong_length.json", "init.w", "d = 2" },
    { "init_w_not_array.json", "init.w", "d = 2" },
    { "init_w_entry_bad.json", "init.w[1]", "not an exact number" },
    { "init_w_zero.json", "init.w", "must be nonzero" },
    { "init_w_orthogonal_to_data.json",
      "init.w",
      "X~ w = 0 (w is orthogonal to the centred data), the "
      "normalised model is undefined" },
    { "init_gamma_bad.json", "init.gamma", "not an exact number" },
    { "init_gamma_json_number.json", "init.gamma",
      "must be a string holding an exact number" },
    { "generator_number.json", "data.generator", "must be a string" },
    /* [F3] hilbert generator */
    { "hilbert_n_not_below_d.json", "data.d", "must exceed n = 8" },
    { "hilbert_d_too_large.json", "data.d", "must be in [3, 32]" },
    { "hilbert_n_too_small.json", "data.n", "must be in [2, 31]" },
    { "hilbert_noise_negative.json", "data.noise", "must be in [0, 1]" },
    { "hilbert_noise_above_one.json", "data.noise", "must be in [0, 1]" },
    { "hilbert_noise_missing.json", "data.noise", "missing" },
    { "hilbert_noise_not_number.json", "data.noise", "not an exact number" },
    { "hilbert_seed_missing.json", "data.seed", "missing" },
    { "hilbert_unknown_key.json", "data.rows", "unknown key" },
    { "hilbert_init_w_wrong_length.json", "init.w", "d = 6 exact numbers" },
    { "generator_unknown.json", "data.generator",
      "unknown generator 'sobol'" },
    { "whitened_unknown_key.json", "data.k", "unknown key" },
    { "whitened_X_key.json", "data.X", "unknown key" },
    { "whitened_n_missing.json", "data.n", "missing" },
    { "whitened_n_not_square.json", "data.n", "must be a perfect square" },
    { "whitened_n_too_small.json", "data.n", "must be in [4, 4096]" },
    { "whitened_n_too_large.json", "data.generator",
      "must be a perfect square in [4, 400]" },
    { "whitened_n_real.json", "data.n", "must be a JSON integer" },
    { "whitened_d_zero.json", "data.d", "must be in [1, 15]" },
    { "whitened_d_too_large.json", "data.d", "must be in [1, 15]" },
    { "whitened_d_missing.json", "data.d", "missing" },
    { "whitened_seed_negative.json", "data.seed",
      "must be a non-negative JSON integer" },
    { "whitened_seed_string.json", "data.seed",
      "must be a non-negative JSON integer" },
    { "whitened_seed_missing.json", "data.seed", "missing" },
    { "whitened_too_many_entries.json", "data", "exceeds 1000000" },
    { "hadamard_unknown_key.json", "data.seed", "unknown key" },
    { "hadamard_n_not_power_of_two.json", "data.n", "must be a power of two" },
    { "hadamard_n_too_large.json", "data.n", "must be in [2, 4096]" },
    { "hadamard_columns_missing.json", "data.columns", "missing" },
    { "hadamard_columns_empty.json", "data.columns",
      "must be an array of 1 to n - 1" },
    { "hadamard_columns_too_many.json", "data.columns",
      "must be an array of 1 to n - 1" },
    { "hadamard_columns_duplicate.json", "data.columns[2]",
      "duplicate column 3" },
    { "hadamard_columns_zero.json", "data.columns[0]", "must be in [1, 15]" },
    { "hadamard_columns_too_large.json", "data.columns[1]",
      "must be in [1, 15]" },
    { "hadamard_columns_string.json", "data.columns[0]",
      "must be a JSON integer" },
    { "hadamard_y_column_zero.json", "data.y_column", "must be in [1, 15]" },
    { "hadamard_y_column_missing.json", "data.y_column", "missing" },
    { "hadamard_shift_short.json", "data.shift", "d = 6" },
    { "hadamard_shift_entry_bad.json", "data.shift[2]",
      "not an exact number" },
    { "hadamard_too_many_entries.json", "data", "exceeds 1000000" },
    { "plain_n_too_small.json", "data.n", "must be in [2, 4096]" },
    { "plain_d_zero.json", "data.d", "must be in [1, 4096]" },
    { "plain_too_many_entries.json", "data", "exceeds 1000000" },
    { "plain_seed_real.json", "data.seed",
      "must be a non-negative JSON integer" },
    { "init_generator_number.json", "init.generator", "must be a string" },
    { "init_generator_unknown.json", "init.generator",
      "unknown generator 'random'" },
    { "near_reference_unknown_key.json", "init.rho", "unknown key" },
    { "near_reference_w_key.json", "init.w", "unknown key" },
    { "near_reference_rho0_missing.json", "init.rho0", "missing" },
    { "near_reference_rho0_zero.json", "init.rho0", "must be > 0" },
    { "near_reference_rho0_json_number.json", "init.rho0",
      "must be a string holding an exact number" },
    { "near_reference_norm2_negative.json", "init.norm2", "must be > 0" },
    { "near_reference_gamma_missing.json", "init.gamma", "missing" },
    { "near_reference_gamma_bad.json", "init.gamma", "not an exact number" },
    { "near_reference_seed_missing.json", "init.seed", "missing" },
    { "near_reference_seed_negative.json", "init.seed",
      "must be a non-negative JSON integer" },
    { "near_reference_zero_reference.json", "init.generator",
      "the reference direction is zero" },
    { "near_reference_rank_one.json", "init.generator",
      "span(X~^T) has no direction orthogonal to w*" },
    { "near_reference_too_large.json", "init.generator",
      "above the limit 256" },
    /* the logistic recipe generator and the span initial state
       (LOGISTIC.md section 3) */
    { "logistic_n_odd.json", "data.n", "must be even" },
    { "logistic_n_too_large.json", "data.n", "must be in [2, 64]" },
    { "logistic_n_missing.json", "data.n", "missing" },
    { "logistic_d_too_small.json", "data.d", "must be in [2, 64]" },
    { "logistic_d_too_large.json", "data.d", "must be in [2, 64]" },
    { "logistic_margin_missing.json", "data.margin", "missing" },
    { "logistic_margin_zero.json", "data.margin", "must be > 0" },
    { "logistic_margin_negative.json", "data.margin", "must be > 0" },
    { "logistic_margin_json_number.json", "data.margin",
      "must be a string holding an exact number" },
    { "logistic_alpha_short.json", "data.alpha", "must be an array of n = 6" },
    { "logistic_alpha_not_array.json", "data.alpha",
      "must be an array of n = 6" },
    { "logistic_alpha_entry_bad.json", "data.alpha[1]",
      "not an exact number" },
    { "logistic_alpha_sum_zero.json", "data.alpha", "positive sum" },
    { "logistic_rotate_string.json", "data.rotate", "must be true or false" },
    { "logistic_shift_short.json", "data.shift", "must be an array of d = 9" },
    { "logistic_zrank_too_large.json", "data.zrank", "must be in [1, 8]" },
    { "logistic_zrank_zero.json", "data.zrank", "must be in [1, 8]" },
    { "logistic_seed_missing.json", "data.seed", "missing" },
    { "logistic_unknown_key.json", "data.y", "unknown key" },
    { "span_unknown_key.json", "init.rho0", "unknown key" },
    { "span_gamma_missing.json", "init.gamma", "missing" },
    { "span_seed_missing.json", "init.seed", "missing" },
    { "span_zero_data.json", "init.generator", "no w0 = X~^T c" },
    { "near_reference_logistic_no_a3.json", "init.generator",
      "A3 fails on these data" },
};

/* "PATH: FIELD: reason" on one line, exactly that FIELD. */
static int
message_names(const char * err, const char * path, const char * field,
              const char * reason)
{
    size_t plen = strlen(path), flen = strlen(field);

    return strncmp(err, path, plen) == 0
        && strncmp(err + plen, ": ", 2) == 0
        && strncmp(err + plen + 2, field, flen) == 0
        && strncmp(err + plen + 2 + flen, ": ", 2) == 0
        && strstr(err + plen + 2 + flen + 2, reason) != NULL
        && strchr(err, '\n') == NULL;
}

static void
test_case_load_file_bad_inputs(void ** state)
{
    size_t i;
    sc_case_t c;
    char path[512], err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);        /* one case through all files: stays reusable */
    for (i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++)
    {
        const bad_row * b = bad_files + i;
        int rc;

        data_path(path, sizeof path, "bad", b->file);
        err[0] = '\0';
        rc = sc_case_load_file(c, path, err, sizeof err);
        if (rc != SC_EINVAL || !message_names(err, path, b->field, b->reason))
        {
            print_error("%s: rc %d, message\n  %s\nwanted field '%s', reason "
                        "'%s'\n", b->file, rc, err, b->field, b->reason);
            fail();
        }
    }
    sc_case_clear(c);
}

/* Every file in tests/data/bad/ has a row above (a file without one would
   silently go untested). */
static void
test_case_load_file_bad_table_complete(void ** state)
{
    char path[512];
    DIR * dir;
    struct dirent * e;
    slong seen = 0;

    (void) state;
    data_path(path, sizeof path, "bad", "");
    dir = opendir(path);
    assert_non_null(dir);
    while ((e = readdir(dir)) != NULL)
    {
        size_t i, len = strlen(e->d_name);

        if (len < 5 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        for (i = 0; i < sizeof bad_files / sizeof bad_files[0]; i++)
            if (strcmp(bad_files[i].file, e->d_name) == 0)
                break;
        if (i == sizeof bad_files / sizeof bad_files[0])
        {
            print_error("%s has no row in bad_files\n", e->d_name);
            closedir(dir);
            fail();
        }
        seen++;
    }
    closedir(dir);
    assert_int_equal(seen, sizeof bad_files / sizeof bad_files[0]);
}

static void
test_case_load_file_missing_is_eio(void ** state)
{
    sc_case_t c;
    char path[512], err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    data_path(path, sizeof path, "good", "no-such-file.json");
    assert_int_equal(sc_case_load_file(c, path, err, sizeof err), SC_EIO);
    assert_true(strncmp(err, path, strlen(path)) == 0);
    assert_non_null(strstr(err, "cannot open"));

    data_path(path, sizeof path, "good", "");      /* a directory */
    assert_int_equal(sc_case_load_file(c, path, err, sizeof err), SC_EIO);
    assert_true(strncmp(err, path, strlen(path)) == 0);

    /* tiny buffers are truncated, NULL is allowed */
    assert_int_equal(sc_case_load_file(c, path, err, 4), SC_EIO);
    assert_int_equal(strlen(err), 3);
    assert_int_equal(sc_case_load_file(c, path, NULL, 0), SC_EIO);
    sc_case_clear(c);
}

/* A file above the size limit is refused without being read: a sparse
   file of 64 MiB + 1 costs nothing to make.  (/dev/zero is cut off at the
   same limit while reading; too slow for a unit test.) */
static void
test_case_load_file_size_limit(void ** state)
{
    sc_case_t c;
    char path[] = "/tmp/sc_test_cases_XXXXXX", err[SC_ERR_LEN];
    int fd = mkstemp(path);

    (void) state;
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, ((off_t) 64 << 20) + 1), 0);
    close(fd);
    sc_case_init(c);
    assert_int_equal(sc_case_load_file(c, path, err, sizeof err), SC_EINVAL);
    assert_true(message_names(err, path, "file", "larger than"));
    sc_case_clear(c);
    remove(path);
}

/* ---- sc_case_load_file: good files -------------------------------------- */

static void
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

/* A case text with the given "data" and "init" members (flint_malloc'ed). */
static char *
case_text(const char * data, const char * init)
{
    static const char * fmt = "{\"format\": \"spikecheck-case/1\", "
        "\"loss\": \"square\", \"data\": %s, \"init\": %s, \"eta\": \"1/10\", "
        "\"eta_gamma\": \"1/10\", \"steps\": 2}";
    size_t len = strlen(fmt) + strlen(data) + strlen(init) + 1;
    char * t = flint_malloc(len);

    snprintf(t, len, fmt, data, init);
    return t;
}

static const char * explicit_data =
    "{\"X\": [[\"1\", \"0\"], [\"0\", \"1\"], [\"-1\", \"2\"]], "
    "\"y\": [\"1\", \"-1\", \"1\"]}";

/* An unknown generator of either kind is refused with one message that
   lists exactly the valid names (written out here, independently of the
   tables), and every name it lists is one the loader knows: with it the
   loader gets past the name to the generator's own keys. */
static void
test_case_load_generator_names(void ** state)
{
    static const struct
    {
        const char * field, * names;
        int is_data;
    }
    kinds[] =
    {
        { "data.generator", "whitened, hadamard, plain, hilbert, logistic",
          1 },
        { "init.generator", "near-reference, span", 0 },
    };
    size_t k;
    sc_case_t c;
    char err[SC_ERR_LEN], want[SC_ERR_LEN], obj[128];

    (void) state;
    sc_case_init(c);
    for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
    {
        char names[128], * name, * save = NULL, * t;

        t = case_text(kinds[k].is_data ? "{\"generator\": \"sobol\"}"
                                       : explicit_data,
                      kinds[k].is_data ? "{\"w\": [\"1\"], \"gamma\": \"1\"}"
                                       : "{\"generator\": \"sobol\"}");
        assert_int_equal(sc_case_load_string(c, t, "lbl", err, sizeof err),
                         SC_EINVAL);
        snprintf(want, sizeof want, "lbl: %s: unknown generator 'sobol' "
                 "(known: %s)", kinds[k].field, kinds[k].names);
        assert_string_equal(err, want);
        flint_free(t);

        strcpy(names, kinds[k].names);
        for (name = strtok_r(names, ", ", &save); name != NULL;
             name = strtok_r(NULL, ", ", &save))
        {
            snprintf(obj, sizeof obj, "{\"generator\": \"%s\"}", name);
            t = case_text(kinds[k].is_data ? obj : explicit_data,
                          kinds[k].is_data ? "{\"w\": [\"1\"], "
                                             "\"gamma\": \"1\"}" : obj);
            err[0] = '\0';
            assert_int_equal(sc_case_load_string(c, t, "lbl", err,
                                                 sizeof err), SC_EINVAL);
            if (strstr(err, "unknown generator") != NULL
                || strstr(err, "missing") == NULL)
            {
                print_error("generator '%s': %s\n", name, err);
                fail();
            }
            flint_free(t);
        }
    }
    sc_case_clear(c);
}

/* Explicit X is refused by its exact-work estimate n d^2 k (1 + k/1000),
   k the longest entry, before any entry is parsed: with one entry of
   10^4 characters, 2 x 68 data cost 1.017e9 > 10^9 digit operations and
   are refused as a whole; 2 x 67 (9.88e8) get to the entry itself. */
static void
test_case_load_explicit_work_limit(void ** state)
{
    slong d, i, j;
    sc_case_t c;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    for (d = 67; d <= 68; d++)
    {
        size_t len = 20000 + 16 * 2 * d, used = 0;
        char * data = flint_malloc(len), * t;

        used += snprintf(data + used, len - used, "{\"X\": [");
        for (i = 0; i < 2; i++)
            for (j = 0; j < d; j++)
            {
                used += snprintf(data + used, len - used, "%s%s",
                                 j == 0 ? (i == 0 ? "[" : "], [") : ", ",
                                 i + j == 0 ? "\"" : "\"1\"");
                if (i + j == 0)
                {
                    memset(data + used, 'x', 10000);
                    used += 10000;
                    data[used++] = '"';
                }
            }
        snprintf(data + used, len - used, "]], \"y\": [\"1\", \"-1\"]}");
        t = case_text(data, "{\"w\": [\"1\"], \"gamma\": \"1\"}");
        assert_int_equal(sc_case_load_string(c, t, "lbl", err, sizeof err),
                         SC_EINVAL);
        if (d == 68)
            assert_true(message_names(err, "lbl", "data.X", "exact "
                        "arithmetic on 2 x 68 data too costly (estimate "
                        "1017280000 digit operations > limit 1000000000)"));
        else
            assert_true(strncmp(err, "lbl: data.X[0][0]: ", 19) == 0);
        flint_free(t);
        flint_free(data);
    }
    sc_case_clear(c);
}

static void
test_case_load_file_explicit_values(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    load_good(c, "explicit_small.json");
    assert_string_equal(c->name, "explicit-small");
    assert_int_equal(c->loss, SC_LOSS_SQUARE);
    assert_int_equal(c->n, 4);
    assert_int_equal(c->d, 2);
    assert_int_equal(fmpq_mat_nrows(c->X), 4);
    assert_int_equal(fmpq_mat_ncols(c->X), 2);
    assert_true(entry_is(c->X, 0, 0, 1, 1) && entry_is(c->X, 0, 1, -1, 2));
    assert_true(entry_is(c->X, 1, 0, 1, 4) && entry_is(c->X, 1, 1, 2, 1));
    assert_true(entry_is(c->X, 2, 0, -3, 1)
                && entry_is(c->X, 2, 1, 1, 1000));
    assert_true(entry_is(c->X, 3, 0, 25, 1) && entry_is(c->X, 3, 1, 1, 2));
    assert_true(entry_is(c->y, 0, 0, 1, 1) && entry_is(c->y, 1, 0, -1, 1));
    assert_true(entry_is(c->y, 2, 0, -1, 1) && entry_is(c->y, 3, 0, 1, 1));
    assert_true(entry_is(c->w0, 0, 0, 1, 1) && entry_is(c->w0, 1, 0, 1, 50));
    assert_true(fmpq_equal_str(c->gamma0, "1", "20"));
    assert_true(fmpq_equal_str(c->eta, "3", "1"));
    assert_true(fmpq_equal_str(c->eta_gamma, "1", "200"));
    assert_true(fmpq_is_zero(c->weight_decay) && fmpq_is_zero(c->momentum));
    assert_int_equal(c->project_norm, 0);
    assert_int_equal(c->steps, 760);
    assert_int_equal(c->precision, 256);
    assert_true(c->seed == 0);
    assert_string_equal(c->data_desc, "explicit");
    sc_case_clear(c);
}

static void
test_case_load_file_defaults(void ** state)
{
    sc_case_t c;

    (void) state;
    sc_case_init(c);
    load_good(c, "beyond.json");        /* non-defaults first ... */
    assert_true(fmpq_equal_str(c->weight_decay, "1", "1000"));
    assert_true(fmpq_equal_str(c->momentum, "9", "10"));
    assert_int_equal(c->project_norm, 1);
    assert_int_equal(c->figures, SC_FIGURE_FIGURE3 | SC_FIGURE_TRAJECTORY);
    assert_int_equal(c->precision, SC_CASE_MIN_PREC);
    assert_int_equal(c->steps, 100000);
    assert_true(fmpq_equal_str(c->gamma0, "-1", "2"));

    load_good(c, "minimal.json");       /* ... must not leak into these */
    assert_string_equal(c->name, "minimal");
    assert_int_equal(c->figures, 0);
    assert_int_equal(c->loss, SC_LOSS_LOGISTIC);
    assert_int_equal(c->precision, SC_CASE_DEFAULT_PREC);
    assert_true(fmpq_is_zero(c->weight_decay) && fmpq_is_zero(c->momentum));
    assert_int_equal(c->project_norm, 0);
    assert_true(fmpq_equal_str(c->eta, "5", "1"));
    assert_true(fmpq_equal_str(c->eta_gamma, "1", "2"));
    assert_true(fmpq_is_zero(c->gamma0));
    assert_int_equal(c->n, 2);
    assert_int_equal(c->d, 1);
    assert_int_equal(c->steps, 1);
    sc_case_clear(c);
}

static void
test_case_load_file_whitened_generator(void ** state)
{
    sc_case_t c;
    fmpq_mat_t X, y, w;
    fmpq_t rho0, norm2;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(w, 0, 0);
    fmpq_init(rho0);
    fmpq_init(norm2);

    load_good(c, "whitened.json");
    assert_int_equal(c->n, 16);
    assert_int_equal(c->d, 6);
    assert_true(c->seed == 7);
    assert_string_equal(c->data_desc, "whitened(n=16,d=6,seed=7)");
    assert_true(is_exactly_whitened(c->X));
    assert_int_equal(sc_case_gen_whitened(X, y, 16, 6, 7, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));

    fmpq_set_si(rho0, 1, 50);
    fmpq_one(norm2);
    assert_int_equal(sc_case_init_near_reference(w, X, y, rho0, norm2, 3, err,
                                                 sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(c->w0, w));
    assert_true(fmpq_equal_str(c->gamma0, "1", "20"));

    fmpq_clear(norm2);
    fmpq_clear(rho0);
    fmpq_mat_clear(w);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

static void
test_case_load_file_hadamard_generator(void ** state)
{
    static const slong cols[6] = { 3, 5, 6, 9, 10, 12 };
    static const slong shift[6][2] = {
        { 0, 1 }, { 1, 2 }, { -1, 1 }, { 2, 1 }, { 0, 1 }, { 3, 4 } };
    sc_case_t c;
    fmpq_mat_t X, y, mu;
    char err[SC_ERR_LEN];
    slong k;

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);
    fmpq_mat_init(mu, 6, 1);
    for (k = 0; k < 6; k++)
        fmpq_set_si(fmpq_mat_entry(mu, k, 0), shift[k][0], shift[k][1]);

    load_good(c, "hadamard.json");
    assert_int_equal(c->n, 16);
    assert_int_equal(c->d, 6);
    assert_true(c->seed == 0);
    assert_string_equal(c->data_desc, "hadamard(n=16,d=6,y_column=3)");
    assert_int_equal(sc_case_gen_hadamard(X, y, 16, 6, cols, mu, 3, err,
                                          sizeof err), SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));
    assert_true(is_exactly_whitened(c->X));
    assert_int_equal(c->precision, SC_CASE_DEFAULT_PREC);
    assert_true(fmpq_equal_str(c->eta_gamma, "1", "200"));

    fmpq_mat_clear(mu);
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

static void
test_case_load_file_plain_generator(void ** state)
{
    sc_case_t c;
    fmpq_mat_t X, y;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(y, 0, 0);

    load_good(c, "plain.json");
    assert_int_equal(c->n, 10);
    assert_int_equal(c->d, 3);
    assert_true(c->seed == 5);
    assert_string_equal(c->data_desc, "plain(n=10,d=3,seed=5)");
    assert_int_equal(sc_case_gen_plain(X, y, 10, 3, 5, err, sizeof err),
                     SC_OK);
    assert_true(fmpq_mat_equal(c->X, X) && fmpq_mat_equal(c->y, y));
    assert_true(entry_is(c->w0, 2, 0, 3, 1));
    assert_int_equal(c->loss, SC_LOSS_LOGISTIC);

    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    sc_case_clear(c);
}

/* ---- sc_case_load_string ----------------------------------------------- */

static const char minimal_text[] =
    "{\"format\": \"spikecheck-case/1\", \"loss\": \"square\", "
    "\"data\": {\"X\": [[\"1\"], [\"3\"]], \"y\": [\"1\", \"-1\"]}, "
    "\"init\": {\"w\": [\"1\"], \"gamma\": \"1\"}, "
    "\"eta\": \"1\", \"eta_gamma\": \"1/2\", \"steps\": 3}";

static void
test_case_load_string_label(void ** state)
{
    sc_case_t c;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    load_good(c, "explicit_small.json");    /* sets a path ... */
    assert_int_equal(sc_case_load_string(c, minimal_text, "inline", err,
                                         sizeof err), SC_OK);
    assert_null(c->path);                    /* ... which must go */
    assert_string_equal(c->name, "inline");
    assert_int_equal(c->n, 2);
    assert_true(entry_is(c->X, 1, 0, 3, 1));

    assert_int_equal(sc_case_load_string(c, "{\"format\": 1}", "lbl", err,
                                         sizeof err), SC_EINVAL);
    assert_true(message_names(err, "lbl", "format", "must be"));
    assert_int_equal(sc_case_load_string(c, "[", NULL, err, sizeof err),
                     SC_EINVAL);
    assert_true(message_names(err, "<string>", "json", "line 1"));
    assert_int_equal(sc_case_load_string(c, minimal_text, NULL, err,
                                         sizeof err), SC_OK);
    assert_string_equal(c->name, "<string>");
    sc_case_clear(c);
}

/* Keys and bad numbers with control characters stay on one line. */
static void
test_case_load_string_message_one_line(void ** state)
{
    sc_case_t c;
    char err[SC_ERR_LEN];

    (void) state;
    sc_case_init(c);
    assert_int_equal(sc_case_load_string(c,
        "{\"format\": \"spikecheck-case/1\", \"a\\nb\": 1}", "x\ny", err,
        sizeof err), SC_EINVAL);
    assert_null(strchr(err, '\n'));
    assert_true(message_names(err, "x?y", "a?b", "unknown key"));
    sc_case_clear(c);
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

/* The logistic recipe (LOGISTIC.md section 3) through the loader: labels
   (+1^3, -1^3), the near-reference state at rho_0 = 0.05 around the SVM
   w* (not the least-squares one), and the span state in span(X~^T). */
static void
test_case_load_file_logistic(void ** state)
{
    sc_case_t c;
    sc_data_t D;
    fmpq_t t;
    slong i;

    (void) state;
    fmpq_init(t);
    sc_case_init(c);
    load_good(c, "logistic.json");
    assert_int_equal(c->loss, SC_LOSS_LOGISTIC);
    assert_int_equal(c->n, 6);
    assert_int_equal(c->d, 9);
    for (i = 0; i < 6; i++)
        assert_true(entry_is(c->y, i, 0, i < 3 ? 1 : -1, 1));
    sc_data_init(D, c);
    assert_true(D->has_svm && D->has_ref && D->svm->a4);
    fmpq_set_si(t, 1, 4);
    assert_true(fmpq_equal(D->svm->m2, t));
    /* |rho_0^2 - 1/400| < 2^-100: the dyadic recipe of near-reference */
    fmpq_set_si(t, 1, 400);
    fmpq_sub(t, D->rho0_sq, t);
    fmpq_abs(t, t);
    fmpq_mul_2exp(t, t, 100);
    assert_true(fmpq_cmp_ui(t, 1) < 0);
    assert_true(D->w0_in_span);
    sc_data_clear(D);

    load_good(c, "logistic_span.json");
    sc_data_init(D, c);
    assert_true(D->w0_in_span);
    assert_true(D->has_svm && !D->svm->rank_ok && D->svm->a3);
    sc_data_clear(D);
    sc_case_clear(c);
    fmpq_clear(t);
}

/* ---- robustness -------------------------------------------------------- */

static char *
read_text(const char * file)
{
    char path[512];
    FILE * f;
    long len;
    char * buf;

    data_path(path, sizeof path, "good", file);
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    len = ftell(f);
    rewind(f);
    buf = flint_malloc(len + 1);
    assert_int_equal(fread(buf, 1, len, f), (size_t) len);
    buf[len] = '\0';
    fclose(f);
    return buf;
}

static void
load_must_not_crash(sc_case_t c, const char * text)
{
    char err[SC_ERR_LEN];
    int rc = sc_case_load_string(c, text, "mut", err, sizeof err);

    if (rc != SC_OK && (rc != SC_EINVAL || strncmp(err, "mut: ", 5) != 0
                        || strchr(err, '\n') != NULL))
    {
        print_error("rc %d, message '%s' for input\n%s\n", rc, err, text);
        fail();
    }
}

/* Every truncation and seeded single-byte mutations of good files load or
   fail cleanly (ASan/UBSan and the leak checker watch the rest). */
static void
test_case_load_string_mutations(void ** state)
{
    static const char * const files[] = { "explicit_small.json",
                                           "hadamard.json", "beyond.json" };
    static const char alphabet[] = "{}[],:\"\\0123456789-+./eE \xff\x01ax";
    flint_rand_s * rs = *state;
    size_t f, i, len;
    slong iter, iters = 150 * test_multiplier();
    sc_case_t c;

    sc_case_init(c);
    for (f = 0; f < sizeof files / sizeof files[0]; f++)
    {
        char * text = read_text(files[f]), * mut;

        len = strlen(text);
        mut = flint_malloc(len + 1);
        for (i = 0; i < len; i++)
        {
            memcpy(mut, text, i);
            mut[i] = '\0';
            load_must_not_crash(c, mut);
        }
        for (iter = 0; iter < iters; iter++)
        {
            slong k, hits = 1 + n_randint(rs, 3);

            memcpy(mut, text, len + 1);
            for (k = 0; k < hits; k++)
                mut[n_randint(rs, len)] =
                    alphabet[n_randint(rs, sizeof alphabet - 1)];
            load_must_not_crash(c, mut);
        }
        flint_free(mut);
        flint_free(text);
    }
    sc_case_clear(c);
}

/* ---- main -------------------------------------------------------------- */

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test(test_num_parse_fmpq_known_answers),
        cmocka_unit_test(test_num_parse_fmpq_exponent_limits),
        cmocka_unit_test(test_num_parse_fmpq_rejects),
        cmocka_unit_test(test_num_parse_fmpq_length_limit),
        cmocka_unit_test(test_num_parse_fmpq_error_text),
        cmocka_unit_test_setup_teardown(test_num_parse_fmpq_random_fractions,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_num_parse_fmpq_random_decimals,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_rand_next_known_answers),
        cmocka_unit_test(test_rand_range_bounds),
        cmocka_unit_test(test_case_init_defaults),
        cmocka_unit_test(test_case_set_dims_resizes),
        cmocka_unit_test(test_case_set_name_aliasing),
        cmocka_unit_test(test_loss_name_values),
        cmocka_unit_test(test_case_gen_whitened_matches_definition),
        cmocka_unit_test(test_case_gen_whitened_sigma_identity),
        cmocka_unit_test(test_case_gen_whitened_deterministic),
        cmocka_unit_test(test_case_gen_whitened_rejects),
        cmocka_unit_test(test_case_cayley_columns_orthogonal),
        cmocka_unit_test(test_rand_normal_dyadic_moments),
        cmocka_unit_test(test_case_gen_hilbert_slice_known_answer),
        cmocka_unit_test(test_case_gen_hilbert_noise_and_rank),
        cmocka_unit_test(test_case_gen_hilbert_rejects),
        cmocka_unit_test(test_case_load_file_hilbert_generator),
        cmocka_unit_test(test_case_gen_hadamard_matches_sylvester),
        cmocka_unit_test(test_case_gen_hadamard_rejects),
        cmocka_unit_test(test_case_gen_plain_entries_and_labels),
        cmocka_unit_test(test_case_init_near_reference_hits_targets),
        cmocka_unit_test(test_case_init_near_reference_rejects),
        cmocka_unit_test(test_case_load_file_bad_inputs),
        cmocka_unit_test(test_case_load_file_bad_table_complete),
        cmocka_unit_test(test_case_load_file_missing_is_eio),
        cmocka_unit_test(test_case_load_file_size_limit),
        cmocka_unit_test(test_case_load_generator_names),
        cmocka_unit_test(test_case_load_explicit_work_limit),
        cmocka_unit_test(test_case_load_file_explicit_values),
        cmocka_unit_test(test_case_load_file_logistic),
        cmocka_unit_test(test_case_load_file_defaults),
        cmocka_unit_test(test_case_load_file_whitened_generator),
        cmocka_unit_test(test_case_load_file_hadamard_generator),
        cmocka_unit_test(test_case_load_file_plain_generator),
        cmocka_unit_test(test_case_load_string_label),
        cmocka_unit_test(test_case_load_string_message_one_line),
        cmocka_unit_test(test_case_write_explicit_round_trip),
        cmocka_unit_test(test_case_write_explicit_escapes_name),
        cmocka_unit_test(test_case_copy_deep),
        cmocka_unit_test(test_case_copy_aliasing_and_empty),
        cmocka_unit_test(test_case_write_explicit_reports_eio),
        cmocka_unit_test_setup_teardown(test_case_load_string_mutations,
                                        setup_rand, teardown_rand),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return failed;
}
