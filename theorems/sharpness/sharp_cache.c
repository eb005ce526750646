/*
 * sharp_cache.c -- the sharpness states of a case, computed once: [S1],
 * [N1] and [N3] examine the same states (the midpoints of the certified
 * full-GD enclosure at the stride of sc_sharp_stride) at the same
 * precision, and each state's Hessian and eigenvalue enclosures are most
 * of their cost.  The context keeps them per (precision, state), filled
 * lazily to the level asked for; a state extended later is bit-identical
 * to one filled at once (sc_sharp_extend), so reports do not depend on
 * which checkers run or in which order.  The walk over the examined
 * states that the three share is here too, and the box series that the
 * two claims of [S2] share (sc_sharp_boxes).
 */
#include <stdio.h>
#include <string.h>
#include "theorems/sharpness/sharpness.h"

/* the states of one precision: S[t] is NULL until asked for */
typedef struct
{
    slong prec, len;
    sc_dyn_struct * D;
    sc_sharp_struct ** S;
    sc_sharp_box_struct * box;  /* NULL until [S2] asks */
}
sc_sharp_prec_struct;

struct sc_sharp_cache_struct
{
    slong n;
    sc_sharp_prec_struct * P;
};

/* an empty cache, and the function that frees one (the context calls
   them through sc_ctx_family) */
static void *
sc_sharp_cache_new(void)
{
    struct sc_sharp_cache_struct * C = flint_malloc(sizeof(*C));

    C->n = 0;
    C->P = NULL;
    return C;
}

static void
sc_sharp_cache_free(void * data)
{
    struct sc_sharp_cache_struct * C = data;
    slong i, t;

    for (i = 0; i < C->n; i++)
    {
        for (t = 0; t < C->P[i].len; t++)
            if (C->P[i].S[t] != NULL)
            {
                sc_sharp_clear(C->P[i].S[t]);
                flint_free(C->P[i].S[t]);
            }
        flint_free(C->P[i].S);
        if (C->P[i].box != NULL)
        {
            sc_sharp_box_struct * B = C->P[i].box;

            _arb_vec_clear(B->lmaxK, B->len);
            _arb_vec_clear(B->lmax, B->len);
            flint_free(B->seen);
            sc_spike_clear(B->K);
            flint_free(B);
        }
    }
    flint_free(C->P);
    flint_free(C);
}

/* the states of prec, created empty on first use */
static sc_sharp_prec_struct *
sc_sharp_cache_prec(sc_ctx_t ctx, slong len, slong prec)
{
    struct sc_sharp_cache_struct * C = sc_ctx_family(ctx, SC_CTX_SHARP,
                                                      sc_sharp_cache_new,
                                                      sc_sharp_cache_free);
    sc_sharp_prec_struct * P;
    slong i;

    for (i = 0; i < C->n; i++)
        if (C->P[i].prec == prec)
            return C->P + i;
    C->P = flint_realloc(C->P, (C->n + 1) * sizeof(sc_sharp_prec_struct));
    P = C->P + C->n++;
    P->prec = prec;
    P->len = len;
    P->D = sc_ctx_dyn(ctx, prec);
    P->S = flint_calloc(len, sizeof(sc_sharp_struct *));
    P->box = NULL;
    return P;
}

const sc_sharp_struct *
sc_sharp_cached(int * status, sc_ctx_t ctx, slong t, int what, slong prec)
{
    const sc_traj_struct * T = sc_ctx_full(ctx, prec);
    sc_sharp_prec_struct * P;
    slong d = ctx->cs->d;
    arb_ptr w;
    arb_t gamma;

    /* the trajectory of (case, prec) is deterministic, so its length is
       the same whenever it is recomputed */
    P = sc_sharp_cache_prec(ctx, T->len, prec);
    if (P->S[t] == NULL)
    {
        P->S[t] = flint_malloc(sizeof(sc_sharp_struct));
        sc_sharp_init(P->S[t], d + 1);
    }
    w = _arb_vec_init(d);
    arb_init(gamma);
    sc_traj_state_mid(w, gamma, T, t);
    *status = sc_sharp_extend(P->S[t], P->D, w, gamma, what, prec);
    arb_clear(gamma);
    _arb_vec_clear(w, d);
    return P->S[t];
}

/* the walk's view of a sharpness checker */
typedef struct
{
    sc_ctx_struct * ctx;
    int what;
    sc_sharp_state_fn fn;
    void * arg;
    slong n;
}
sc_sharp_walk_struct;

static void
sc_sharp_walk_state(sc_tally_struct * tl, sc_result_t res,
                    const sc_walk_state_struct * s, void * arg, slong prec)
{
    sc_sharp_walk_struct * a = arg;
    const sc_sharp_struct * S;
    int status;

    S = sc_sharp_cached(&status, a->ctx, s->t, a->what, prec);
    if (status != SC_OK)
    {
        sc_result_reason(res, "eigenvalue enclosure failed at step %ld",
                         (long) s->t);
        sc_tally_halt(tl, status);
        return;
    }
    status = a->fn(res, S, s->w, s->gamma, s->t, a->arg, prec);
    a->n++;
    if (status != SC_OK || res->verdict == SC_VIOLATED)
        sc_tally_halt(tl, status);
}

int
sc_sharp_walk(sc_result_t res, slong * n, slong * stride, sc_ctx_t ctx,
              const sc_traj_struct * T, int what, sc_sharp_state_fn fn,
              void * arg, slong prec)
{
    sc_sharp_walk_struct a = { ctx, what, fn, arg, 0 };
    sc_tally_struct tl;
    int status;

    *stride = sc_sharp_stride(T->len - 1);
    sc_tally_init(&tl, ctx, prec);
    sc_walk(&tl, res, T, 0, T->len, *stride, sc_sharp_walk_state, &a, prec);
    status = tl.status;
    sc_tally_clear(&tl);
    *n = a.n;
    return status;
}

/* fills B: the spike, then the examined boxes (see sharpness.h) */
static void
sc_sharp_boxes_fill(sc_sharp_box_struct * B, sc_dyn_t D,
                    const sc_traj_struct * T, slong prec)
{
    slong t, d = D->d, stride = sc_sharp_stride(T->len - 1);
    sc_sharp_struct S;
    sc_result_t tmp;

    sc_result_init(tmp);
    B->status = sc_spike_find(B->K, tmp, T->loss, T->len, prec);
    if (B->status != SC_OK)
        memcpy(B->why, tmp->reason, SC_REASON_LEN);
    sc_result_clear(tmp);
    sc_sharp_init(&S, d + 1);
    for (t = 0; t < T->len && B->status == SC_OK; t++)
    {
        if (t > B->K->onset && t % stride != 0 && t != T->len - 1)
            continue;
        B->status = sc_sharp_at(&S, D, T->w + t * d, T->gamma + t,
                                SC_SHARP_K, FLINT_MAX(64, prec / 4));
        if (B->status != SC_OK)
            snprintf(B->why, SC_REASON_LEN, "eigenvalue enclosure failed "
                     "at step %ld", (long) t);
        B->seen[t] = 1;
        arb_set(B->lmax + t, S.lmax);
        arb_set(B->lmaxK + t, S.lmaxK);
    }
    sc_sharp_clear(&S);
}

const sc_sharp_box_struct *
sc_sharp_boxes(sc_ctx_t ctx, const sc_traj_struct * T, slong prec)
{
    sc_sharp_prec_struct * P = sc_sharp_cache_prec(ctx, T->len, prec);
    sc_sharp_box_struct * B = P->box;

    if (B == NULL)
    {
        B = P->box = flint_malloc(sizeof(sc_sharp_box_struct));
        B->len = T->len;
        B->why[0] = '\0';
        sc_spike_init(B->K);
        B->seen = flint_calloc(T->len, 1);
        B->lmax = _arb_vec_init(T->len);
        B->lmaxK = _arb_vec_init(T->len);
        sc_sharp_boxes_fill(B, P->D, T, prec);
    }
    return B;
}
