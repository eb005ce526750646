/*
 * sc_test.h -- what every CMocka test binary shares (STYLE.md rule 22): a
 * seeded flint_rand_t fixture (SC_TEST_SEED overrides the file's default
 * seed, which must be defined as SC_TEST_DEFAULT_SEED before inclusion),
 * the SC_TEST_MULTIPLIER scale, and printers for the failure report.
 * Functions are static inline so a binary may leave some unused.
 */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <stdlib.h>
#include "arb.h"
#include "flint/fmpq.h"

#ifndef SC_TEST_DEFAULT_SEED
#error "define SC_TEST_DEFAULT_SEED before including sc_test.h"
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
    flint_randseed(st->r, st->seed, st->seed ^ 0x9e3779b97f4a7c15UL);
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

#endif
