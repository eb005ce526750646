/*
 * wd_cache.c -- the squared effective gradients g~_t^2 of a case's
 * certified full-GD trajectory, computed once per context and precision:
 * [W5-L1], [W5-L2], [W5-P5], [W6-b] and [W6-c] all read them (one
 * gradient a state, the bulk of their cost), and a cached series is
 * bit-identical to a fresh one, so a report does not depend on which
 * claims run or in which order.
 */
#include "theorems/weight_decay/weight_decay.h"

typedef struct
{
    slong prec, len;
    arb_ptr gt2;
}
sc_wd_prec_struct;

struct sc_wd_cache_struct
{
    slong n;
    sc_wd_prec_struct * P;
};

/* an empty cache, and the function that frees one (the context calls
   them through sc_ctx_family) */
static void *
sc_wd_cache_new(void)
{
    struct sc_wd_cache_struct * C = flint_malloc(sizeof(*C));

    C->n = 0;
    C->P = NULL;
    return C;
}

static void
sc_wd_cache_free(void * data)
{
    struct sc_wd_cache_struct * C = data;
    slong i;

    for (i = 0; i < C->n; i++)
        _arb_vec_clear(C->P[i].gt2, C->P[i].len);
    flint_free(C->P);
    flint_free(C);
}

arb_srcptr
sc_wd_gtilde2_cached(sc_ctx_t ctx, const sc_traj_struct * T, slong prec)
{
    struct sc_wd_cache_struct * C = sc_ctx_family(ctx, SC_CTX_WD,
                                                   sc_wd_cache_new,
                                                   sc_wd_cache_free);
    sc_wd_prec_struct * P;
    slong i;

    for (i = 0; i < C->n; i++)
        if (C->P[i].prec == prec)
            return C->P[i].gt2;
    C->P = flint_realloc(C->P, (C->n + 1) * sizeof(sc_wd_prec_struct));
    P = C->P + C->n++;
    P->prec = prec;
    P->len = T->len;
    P->gt2 = _arb_vec_init(T->len);
    sc_wd_gtilde2_traj(P->gt2, ctx, T, prec);
    return P->gt2;
}
