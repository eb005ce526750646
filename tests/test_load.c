/*
 * test_load.c -- tests of the case reader (src/cases/load*.c, parse_num.c):
 * the exact number parser (sc_num_parse_fmpq) against FLINT's own integer
 * parser, every bad-input path of the loader and its one-line message
 * `FILE: FIELD: reason` through the files in tests/data/bad/, the good
 * files' explicit values and defaults, the generator names the loader
 * knows, sc_case_load_string's label, and random mutations of the good
 * files (an error or a case, never a crash).
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

/* the seed words of the src/cases tests since the start (the random
   inputs stay the same) */
#define SC_TEST_DEFAULT_SEED 20240601UL
#define SC_TEST_SEED_MIX 0x5bd1e995UL
#include "sc_test.h"
#include "sc_fixture.h"

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
    flint_rand_s * rs = ((test_state *) *state)->r;
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
    flint_rand_s * rs = ((test_state *) *state)->r;
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
    char path[] = "/tmp/sc_test_load_XXXXXX", err[SC_ERR_LEN];
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
    flint_rand_s * rs = ((test_state *) *state)->r;
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
        cmocka_unit_test(test_case_load_file_bad_inputs),
        cmocka_unit_test(test_case_load_file_bad_table_complete),
        cmocka_unit_test(test_case_load_file_missing_is_eio),
        cmocka_unit_test(test_case_load_file_size_limit),
        cmocka_unit_test(test_case_load_generator_names),
        cmocka_unit_test(test_case_load_explicit_work_limit),
        cmocka_unit_test(test_case_load_file_explicit_values),
        cmocka_unit_test(test_case_load_file_defaults),
        cmocka_unit_test(test_case_load_string_label),
        cmocka_unit_test(test_case_load_string_message_one_line),
        cmocka_unit_test_setup_teardown(test_case_load_string_mutations,
                                        setup_rand, teardown_rand),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return failed;
}
