/*
 * sc_test.h -- what every CMocka test binary shares (STYLE.md rule 22): a
 * seeded flint_rand_t fixture (SC_TEST_SEED overrides the file's default
 * seed, which must be defined as SC_TEST_DEFAULT_SEED before inclusion;
 * SC_TEST_SEED_MIX, the second seed word, may be defined too), the
 * SC_TEST_MULTIPLIER scale, printers for the failure report, the test
 * data directory and the exact-rational assertion helpers.
 * Functions are static inline so a binary may leave some unused.
 */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include "arb.h"
#include "flint/fmpq.h"
#include "flint/fmpq_mat.h"

#ifndef SC_TEST_DEFAULT_SEED
#error "define SC_TEST_DEFAULT_SEED before including sc_test.h"
#endif
#ifndef SC_TEST_SEED_MIX
#define SC_TEST_SEED_MIX 0x9e3779b97f4a7c15UL
#endif

typedef struct
{
    flint_rand_t r;
    ulong seed;
}
test_state;

static inline int
setup_rand(void ** state)
{
    test_state * st = flint_malloc(sizeof(test_state));
    const char * s = getenv("SC_TEST_SEED");

    st->seed = (s != NULL) ? strtoul(s, NULL, 10) : SC_TEST_DEFAULT_SEED;
    flint_randinit(st->r);
    flint_randseed(st->r, st->seed, st->seed ^ SC_TEST_SEED_MIX);
    *state = st;
    return 0;
}

static inline int
teardown_rand(void ** state)
{
    test_state * st = *state;

    flint_randclear(st->r);
    flint_free(st);
    return 0;
}

static inline slong
test_multiplier(void)
{
    const char * s = getenv("SC_TEST_MULTIPLIER");
    slong m = (s != NULL) ? atol(s) : 1;

    return m < 1 ? 1 : m;
}

static inline void
print_seed(const test_state * st)
{
    print_error("seed %lu (rerun with SC_TEST_SEED=%lu)\n", st->seed,
                st->seed);
}

static inline void
print_ball(const char * label, const arb_t x)
{
    char * s = arb_get_str(x, 25, 0);

    print_error("  %s = %s\n", label, s);
    flint_free(s);
}

static inline void
print_fmpq(const char * label, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);

    print_error("  %s = %s\n", label, s);
    flint_free(s);
}

/* The ball is not trivially wide: radius <= 2^-bits (1 + |mid|). */
static inline int
is_narrow(const arb_t x, slong bits)
{
    mag_t m, bound;
    int ok;

    if (!arb_is_finite(x))
        return 0;
    mag_init(m);
    mag_init(bound);
    arf_get_mag(bound, arb_midref(x));
    mag_one(m);
    mag_add(bound, bound, m);
    mag_mul_2exp_si(bound, bound, -bits);
    ok = mag_cmp(arb_radref(x), bound) <= 0;
    mag_clear(bound);
    mag_clear(m);
    return ok;
}

/* path = DATA_DIR/sub/file (DATA_DIR/file if sub is NULL), DATA_DIR from
   SC_TEST_DATA_DIR or tests/data. */
static inline void
data_path(char * path, size_t len, const char * sub, const char * file)
{
    const char * dir = getenv("SC_TEST_DATA_DIR");

    if (sub != NULL)
        snprintf(path, len, "%s/%s/%s", dir != NULL ? dir : "tests/data",
                 sub, file);
    else
        snprintf(path, len, "%s/%s", dir != NULL ? dir : "tests/data", file);
}

/* x == num/den, both decimal strings, built by FLINT's integer parser. */
static inline int
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

/* A[i, j] == p/q. */
static inline int
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

static inline void
print_vec(const char * label, const fmpq * v, slong len)
{
    slong i;

    print_error("  %s =", label);
    for (i = 0; i < len; i++)
    {
        char * s = fmpq_get_str(NULL, 10, v + i);

        print_error(" %s", s);
        flint_free(s);
    }
    print_error("\n");
}

/* Small fmpq helpers FLINT 2.9 lacks. */
static inline void
q_div_si(fmpq_t res, const fmpq_t x, slong k)
{
    fmpz_t t;

    fmpz_init_set_si(t, k);
    fmpq_div_fmpz(res, x, t);
    fmpz_clear(t);
}

static inline void
q_vec_set(fmpq * res, const fmpq * x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_set(res + i, x + i);
}

static inline int
q_vec_is_zero(const fmpq * x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        if (!fmpq_is_zero(x + i))
            return 0;
    return 1;
}

/* radius <= 2^e */
static inline int
rad_le_2exp(const arb_t x, slong e)
{
    return arb_is_finite(x) && mag_cmp_2exp_si(arb_radref(x), e) <= 0;
}

/* Xc = X - 1 mu^T with mu computed here from 1^T X / n. */
static inline void
center_ref(fmpq_mat_t Xc, const fmpq_mat_t X)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    fmpq_mat_t ones, sums;
    fmpq_t mu;

    fmpq_mat_init(ones, 1, n);
    fmpq_mat_init(sums, 1, d);
    fmpq_init(mu);
    for (i = 0; i < n; i++)
        fmpq_one(fmpq_mat_entry(ones, 0, i));
    fmpq_mat_mul(sums, ones, X);
    for (j = 0; j < d; j++)
    {
        fmpq_set_si(mu, 1, n);
        fmpq_mul(mu, mu, fmpq_mat_entry(sums, 0, j));
        for (i = 0; i < n; i++)
            fmpq_sub(fmpq_mat_entry(Xc, i, j), fmpq_mat_entry(X, i, j), mu);
    }
    fmpq_clear(mu);
    fmpq_mat_clear(sums);
    fmpq_mat_clear(ones);
}

/* X = the integers v, row by row. */
static inline void
set_rows_si(fmpq_mat_t X, const slong * v)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(X); i++)
        for (j = 0; j < fmpq_mat_ncols(X); j++)
            fmpq_set_si(fmpq_mat_entry(X, i, j),
                        v[i * fmpq_mat_ncols(X) + j], 1);
}

/* The Walsh-Hadamard columns of THEOREMS.md s.7. */
static const slong hadamard_cols[6] = { 3, 5, 6, 9, 10, 12 };

/* (-1)^popcount(i & j): the Sylvester matrix entry, by hand (independent
   of the library's generator). */
static inline slong
sylvester(slong i, slong j)
{
    ulong b = (ulong) (i & j);
    slong s = 1;

    while (b != 0)
    {
        s = -s;
        b &= b - 1;
    }
    return s;
}

#endif
