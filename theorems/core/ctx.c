/*
 * ctx.c -- the run context of one case: exact data facts and a cache of
 * trajectories, one per (kind, precision), shared by all checkers.
 */
#include <stdio.h>
#include <string.h>
#include "theorems/core/core.h"

void
sc_ctx_init(sc_ctx_t ctx, const sc_case_t c)
{
    slong i;

    ctx->cs = c;
    sc_data_init(ctx->data, c);
    ctx->from_first = 0;
    fmpq_init(ctx->factor);
    fmpq_one(ctx->factor);
    ctx->ncache = 0;
    ctx->nmodel = 0;
    ctx->model = NULL;
    ctx->why[0] = '\0';
    for (i = 0; i < SC_CTX_NFAMILY; i++)
    {
        ctx->family[i].data = NULL;
        ctx->family[i].clear = NULL;
    }
}

static void
sc_ctx_model_states_clear(sc_ctx_model_struct * m)
{
    slong t;

    for (t = 0; t < m->Ls_len; t++)
        if (m->Ls[t] != NULL)
        {
            sc_logi_state_clear(m->Ls[t]);
            flint_free(m->Ls[t]);
        }
    flint_free(m->Ls);
    flint_free(m->Ls_level);
    for (t = 0; t < m->G_len; t++)
        if (m->G[t] != NULL)
        {
            _arb_vec_clear(m->G[t]->g, m->D->d);
            arb_clear(m->G[t]->gu);
            flint_free(m->G[t]);
        }
    flint_free(m->G);
    if (m->S != NULL)
    {
        sc_dyn_split_clear(m->S);
        flint_free(m->S);
    }
}

void *
sc_ctx_family(sc_ctx_t ctx, sc_ctx_family_t f, void * (*make)(void),
              void (*clear)(void * data))
{
    if (ctx->family[f].data == NULL)
    {
        ctx->family[f].data = make();
        ctx->family[f].clear = clear;
    }
    return ctx->family[f].data;
}

void
sc_ctx_clear(sc_ctx_t ctx)
{
    slong i;

    for (i = 0; i < SC_CTX_NFAMILY; i++)
        if (ctx->family[i].data != NULL)
            ctx->family[i].clear(ctx->family[i].data);
    for (i = 0; i < ctx->ncache; i++)
    {
        if (ctx->cache[i].T != NULL)
        {
            sc_traj_clear(ctx->cache[i].T);
            flint_free(ctx->cache[i].T);
        }
    }
    for (i = ctx->nmodel - 1; i >= 0; i--)
    {
        sc_ctx_model_states_clear(ctx->model + i);
        if (ctx->model[i].L != NULL)
        {
            sc_logi_clear(ctx->model[i].L);
            flint_free(ctx->model[i].L);
        }
        sc_dyn_clear(ctx->model[i].D);
        flint_free(ctx->model[i].D);
    }
    flint_free(ctx->model);
    fmpq_clear(ctx->factor);
    sc_data_clear(ctx->data);
}

static sc_ctx_model_struct *
sc_ctx_model(sc_ctx_t ctx, slong prec)
{
    sc_ctx_model_struct * m;
    slong i;

    for (i = 0; i < ctx->nmodel; i++)
        if (ctx->model[i].prec == prec)
            return ctx->model + i;
    ctx->model = flint_realloc(ctx->model, (ctx->nmodel + 1)
                               * sizeof(sc_ctx_model_struct));
    m = ctx->model + ctx->nmodel++;
    m->prec = prec;
    m->D = flint_malloc(sizeof(sc_dyn_struct));
    sc_dyn_init(m->D, ctx->cs, ctx->data, prec);
    m->L = NULL;
    m->Ls = NULL;
    m->Ls_level = NULL;
    m->Ls_len = 0;
    m->S = NULL;
    m->G = NULL;
    m->G_len = 0;
    return m;
}

sc_dyn_struct *
sc_ctx_dyn(sc_ctx_t ctx, slong prec)
{
    return sc_ctx_model(ctx, prec)->D;
}

sc_dyn_split_struct *
sc_ctx_split(sc_ctx_t ctx, slong prec)
{
    sc_ctx_model_struct * m = sc_ctx_model(ctx, prec);

    if (m->S == NULL)
    {
        m->S = flint_malloc(sizeof(sc_dyn_split_struct));
        sc_dyn_split_init(m->S, ctx->cs, ctx->data, prec);
    }
    return m->S;
}

const sc_ctx_grad_struct *
sc_ctx_grad(sc_ctx_t ctx, slong prec, slong t)
{
    const sc_traj_struct * T = sc_ctx_full(ctx, prec);
    sc_ctx_model_struct * m = sc_ctx_model(ctx, prec);
    slong d = ctx->cs->d;
    sc_ctx_grad_struct * G;
    arb_ptr w;
    arb_t gamma;

    if (t < 0 || t >= T->len)
        flint_abort();                  /* the caller checked the horizon */
    if (m->G == NULL)
    {
        m->G_len = T->len;
        m->G = flint_calloc(T->len, sizeof(sc_ctx_grad_struct *));
    }
    if (m->G[t] != NULL)
        return m->G[t];
    G = m->G[t] = flint_malloc(sizeof(sc_ctx_grad_struct));
    arb_init(G->gu);
    G->g = _arb_vec_init(d);
    w = _arb_vec_init(d);
    arb_init(gamma);
    if (T->split)
    {
        sc_traj_split_mid(w, gamma, T, t);      /* w holds z = (u, c) */
        sc_dyn_split_grad(G->gu, G->g, sc_ctx_split(ctx, prec), w, gamma,
                          prec);
    }
    else
    {
        sc_traj_state_mid(w, gamma, T, t);
        sc_dyn_grad(G->g, NULL, NULL, m->D, w, gamma, prec);
    }
    arb_clear(gamma);
    _arb_vec_clear(w, d);
    return G;
}

sc_logi_struct *
sc_ctx_logi(sc_ctx_t ctx, slong prec)
{
    sc_ctx_model_struct * m = sc_ctx_model(ctx, prec);

    if (m->L == NULL)
    {
        m->L = flint_malloc(sizeof(sc_logi_struct));
        sc_logi_init(m->L, m->D, ctx->cs, ctx->data, prec);
    }
    return m->L;
}

static sc_ctx_entry_struct *
sc_ctx_find(sc_ctx_t ctx, sc_traj_kind_t kind, slong prec)
{
    slong i;

    for (i = 0; i < ctx->ncache; i++)
        if (ctx->cache[i].kind == kind && ctx->cache[i].prec == prec)
            return ctx->cache + i;
    return NULL;
}

/* A new cache slot; the oldest is recycled when the cache is full. */
static sc_ctx_entry_struct *
sc_ctx_slot(sc_ctx_t ctx, sc_traj_kind_t kind, slong prec)
{
    sc_ctx_entry_struct * e;

    if (ctx->ncache == SC_CTX_CACHE)
    {
        e = ctx->cache;
        if (e->T != NULL)
        {
            sc_traj_clear(e->T);
            flint_free(e->T);
        }
        memmove(ctx->cache, ctx->cache + 1,
                (SC_CTX_CACHE - 1) * sizeof(sc_ctx_entry_struct));
        ctx->ncache--;
    }
    e = ctx->cache + ctx->ncache++;
    e->kind = kind;
    e->prec = prec;
    e->status = SC_OK;
    e->T = flint_malloc(sizeof(sc_traj_struct));
    sc_traj_init(e->T, kind, ctx->cs->d, ctx->cs->steps);
    return e;
}

const sc_logi_state_struct *
sc_ctx_logi_state(sc_ctx_t ctx, slong prec, slong t, int step)
{
    sc_logi_struct * L = sc_ctx_logi(ctx, prec);
    sc_ctx_model_struct * m = sc_ctx_model(ctx, prec);
    const sc_traj_struct * T = sc_ctx_full(ctx, prec);

    if (t < 0 || t >= T->len)
        flint_abort();                  /* the caller checked the horizon */
    if (m->Ls == NULL)
    {
        m->Ls_len = T->len;
        m->Ls = flint_calloc(T->len, sizeof(sc_logi_state_struct *));
        m->Ls_level = flint_calloc(T->len, sizeof(int));
    }
    if (m->Ls_level[t] == 0)
    {
        arb_ptr w = _arb_vec_init(L->d);
        arb_t gamma;

        arb_init(gamma);
        m->Ls[t] = flint_malloc(sizeof(sc_logi_state_struct));
        sc_logi_state_init(m->Ls[t], L->n, L->d);
        sc_traj_state_mid(w, gamma, T, t);
        sc_logi_state_set(m->Ls[t], L, w, gamma, prec);
        m->Ls_level[t] = 1;
        arb_clear(gamma);
        _arb_vec_clear(w, L->d);
    }
    if (step && m->Ls_level[t] == 1)
    {
        sc_logi_state_step(m->Ls[t], L, prec);
        m->Ls_level[t] = 2;
    }
    return m->Ls[t];
}

const sc_traj_struct *
sc_ctx_full(sc_ctx_t ctx, slong prec)
{
    sc_ctx_entry_struct * e = sc_ctx_find(ctx, SC_TRAJ_FULL, prec);

    if (e == NULL)
    {
        e = sc_ctx_slot(ctx, SC_TRAJ_FULL, prec);
        sc_dyn_run_full(e->T, ctx->cs, ctx->data, 0, prec);
    }
    return e->T;
}

const sc_traj_struct *
sc_ctx_reduced(sc_ctx_t ctx, slong prec)
{
    const char * dom = sc_dyn_reduced_domain(ctx->cs, ctx->data);
    sc_ctx_entry_struct * e;

    if (dom != NULL)
    {
        snprintf(ctx->why, sizeof(ctx->why), "%s", dom);
        return NULL;
    }
    e = sc_ctx_find(ctx, SC_TRAJ_REDUCED, prec);
    if (e == NULL)
    {
        e = sc_ctx_slot(ctx, SC_TRAJ_REDUCED, prec);
        e->status = sc_dyn_run_reduced(e->T, ctx->cs, ctx->data, 0, prec,
                                       ctx->why, sizeof(ctx->why));
    }
    return e->status == SC_OK ? e->T : NULL;
}

/* Some state has no rho for certain (no reference direction, or a <= 0):
   rho is undefined there at every precision, so raising it would only
   cost. */
static int
sc_ctx_rho_undefined(const sc_traj_struct * T)
{
    slong t;

    for (t = 0; t < T->len; t++)
        if (sc_traj_rho_undefined(T, t))
            return 1;
    return 0;
}

/* one attempt of sc_ctx_certified: the trajectory at prec, decided when
   it reaches the horizon with every rising flag decided (or when rho is
   undefined somewhere, which no precision changes) */
typedef struct
{
    sc_ctx_struct * ctx;
    const sc_traj_struct * T;
}
sc_ctx_certified_struct;

static int
sc_ctx_certified_attempt(void * arg, slong prec, int last)
{
    sc_ctx_certified_struct * a = arg;
    const sc_traj_struct * T = sc_ctx_reduced(a->ctx, prec);
    slong t;

    (void) last;
    if (T == NULL)
        T = sc_ctx_full(a->ctx, prec);
    a->T = T;
    if (sc_ctx_rho_undefined(T))
        return SC_OK;
    if (T->len != a->ctx->cs->steps + 1)
        return SC_UNABLE;
    for (t = 0; t + 1 < T->len; t++)
        if (T->rising[t] == SC_UNKNOWN)
            return SC_UNABLE;
    return SC_OK;
}

const sc_traj_struct *
sc_ctx_certified(sc_ctx_t ctx, slong prec0, slong prec_max)
{
    sc_ctx_certified_struct a = { ctx, NULL };

    (void) sc_escalate(NULL, prec0, prec_max, sc_ctx_certified_attempt, &a);
    return a.T;
}
