/*
 * compare.c -- certified comparisons returning three-valued truth.
 *
 * Never read !arb_lt(x, y) as x >= y: a ball comparison that cannot
 * separate says SC_UNKNOWN, and the caller escalates precision.
 */
#include "num/num.h"

sc_truth_t
sc_num_lt(const arb_t x, const arb_t y)
{
    if (arb_lt(x, y))
        return SC_TRUE;
    if (arb_ge(x, y))
        return SC_FALSE;
    return SC_UNKNOWN;
}

sc_truth_t
sc_num_le(const arb_t x, const arb_t y)
{
    if (arb_le(x, y))
        return SC_TRUE;
    if (arb_gt(x, y))
        return SC_FALSE;
    return SC_UNKNOWN;
}

sc_truth_t
sc_num_gt(const arb_t x, const arb_t y)
{
    return sc_num_lt(y, x);
}

sc_truth_t
sc_num_ge(const arb_t x, const arb_t y)
{
    return sc_num_le(y, x);
}

sc_truth_t
sc_num_is_positive(const arb_t x)
{
    if (arb_is_positive(x))
        return SC_TRUE;
    if (arb_is_nonpositive(x))
        return SC_FALSE;
    return SC_UNKNOWN;
}

sc_truth_t
sc_num_contains_zero(const arb_t x)
{
    return arb_contains_zero(x) ? SC_TRUE : SC_FALSE;
}

sc_truth_t
sc_truth_and(sc_truth_t a, sc_truth_t b)
{
    if (a == SC_FALSE || b == SC_FALSE)
        return SC_FALSE;
    if (a == SC_TRUE && b == SC_TRUE)
        return SC_TRUE;
    return SC_UNKNOWN;
}

sc_truth_t
sc_truth_not(sc_truth_t a)
{
    if (a == SC_UNKNOWN)
        return SC_UNKNOWN;
    return a == SC_TRUE ? SC_FALSE : SC_TRUE;
}

void
sc_num_max_ubound(arb_t acc, const arb_t x, slong prec)
{
    arf_t u;

    arf_init(u);
    arb_get_ubound_arf(u, x, prec);
    if (arf_cmp(u, arb_midref(acc)) > 0)
        arb_set_arf(acc, u);
    arf_clear(u);
}
