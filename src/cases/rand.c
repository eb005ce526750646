/*
 * rand.c -- splitmix64 (Steele, Lea, Flood 2014; Vigna's reference
 * constants), the only randomness the generators use.
 *
 * A seed must mean the same data on every machine and under every FLINT,
 * so we own the stream: plain 64-bit integer arithmetic, no floating point,
 * and an unbiased range reduction that does not depend on the platform.
 */
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include "cases/cases.h"

_Static_assert(sizeof(ulong) * CHAR_BIT == 64,
               "sc_rand: the seeded streams are defined for a 64-bit ulong");

void
sc_rand_init(sc_rand_t r, ulong seed)
{
    r->s = seed;
}

ulong
sc_rand_next(sc_rand_t r)
{
    uint64_t z;

    r->s += UINT64_C(0x9E3779B97F4A7C15);
    z = r->s;
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Rejection sampling: draws below 2^64 mod span are discarded, so every
   value of [lo, hi] is equally likely (no modulo bias). */
slong
sc_rand_range(sc_rand_t r, slong lo, slong hi)
{
    uint64_t span, reject, x;

    assert(lo <= hi);

    span = (uint64_t) hi - (uint64_t) lo + 1;
    if (span == 0)              /* the whole 64-bit range */
        return (slong) sc_rand_next(r);

    reject = (0 - span) % span;     /* 2^64 mod span */
    do
        x = sc_rand_next(r);
    while (x < reject);

    return (slong) ((uint64_t) lo + x % span);
}

/* Seeded labels, y_0 flipped if they all agree. */
void
sc_rand_labels(fmpq_mat_t y, sc_rand_t r)
{
    slong i, n = fmpq_mat_nrows(y);
    int all_equal = 1;

    for (i = 0; i < n; i++)
    {
        fmpq_set_si(fmpq_mat_entry(y, i, 0),
                    sc_rand_range(r, 0, 1) ? 1 : -1, 1);
        if (i > 0 && !fmpq_equal(fmpq_mat_entry(y, i, 0),
                                 fmpq_mat_entry(y, 0, 0)))
            all_equal = 0;
    }
    if (all_equal && n > 1)
        fmpq_neg(fmpq_mat_entry(y, 0, 0), fmpq_mat_entry(y, 0, 0));
}
