/*
 * rand_normal.c -- seeded Gaussian-like noise as exact dyadic rationals.
 *
 * Irwin-Hall: z = sum_{k=1}^{12} U_k - 6 with U_k = (u_k + 1/2) / 2^32 and
 * u_k the top 32 bits of a draw.  Each U_k is uniform on the midpoints of
 * 2^32 equal cells of [0, 1], so E U_k = 1/2 exactly and
 * Var U_k = (1 - 2^-64) / 12: z has mean exactly 0 and variance exactly
 * 1 - 2^-64, lies in (-6, 6), and is a dyadic rational with denominator
 * 2^33.  No floating point is involved, so a seed gives the same noise on
 * every machine.
 */
#include "cases/cases.h"

void
sc_rand_normal_dyadic(fmpq_t z, sc_rand_t r)
{
    fmpz_t s;
    slong k;

    fmpz_init(s);
    for (k = 0; k < 12; k++)
        fmpz_add_ui(s, s, sc_rand_next(r) >> 32);
    /* z = (2 s + 12) / 2^33 - 6 */
    fmpz_mul_2exp(s, s, 1);
    fmpz_add_ui(s, s, 12);
    fmpz_one(fmpq_denref(z));
    fmpz_mul_2exp(fmpq_denref(z), fmpq_denref(z), 33);
    fmpz_set(fmpq_numref(z), s);
    fmpq_canonicalise(z);
    fmpq_sub_si(z, z, 6);
    fmpz_clear(s);
}
