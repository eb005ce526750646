/*
 * logistic_walk.c -- the case-level hypotheses of LOGISTIC.md (A1-A4,
 * w_0 in span, plain GD) and the walk over the states of a certified
 * full-GD trajectory that the per-state logistic checkers share.
 */
#include "theorems/logistic/logistic.h"
#include "num/num.h"

static int
sc_logi_na(sc_result_t res, const char * why)
{
    res->verdict = SC_NOT_APPLICABLE;
    sc_result_reason(res, "hypothesis fails: %s", why);
    return 0;
}

int
sc_logi_applies(sc_result_t res, const sc_ctx_t ctx, int need)
{
    const sc_case_struct * c = ctx->cs;
    const sc_svm_struct * S = ctx->data->svm;

    if (c->loss != SC_LOSS_LOGISTIC)
        return sc_logi_na(res, "square loss (a logistic statement)");
    if (!ctx->data->has_svm)
        return sc_logi_na(res, "no SVM facts for this case");
    /* S->why names S->fail, the first of A1, A3, A4 that fails */
    if (S->fail == SC_SVM_A1_FAILS || S->fail == SC_SVM_A3_FAILS)
        return sc_logi_na(res, S->why);
    if (!ctx->data->w0_in_span)
        return sc_logi_na(res, "A2 fails: w_0 is not in span(X~^T)");
    if ((need & SC_LOGI_NEED_A4) && S->fail == SC_SVM_A4_FAILS)
        return sc_logi_na(res, S->why);
    if ((need & SC_LOGI_NEED_PLAIN)
        && (!fmpq_is_zero(c->weight_decay) || !fmpq_is_zero(c->momentum)
            || c->project_norm))
        return sc_logi_na(res, "plain GD only (the case uses weight decay, "
                          "momentum or norm projection)");
    return 1;
}

/* the walk's view of a per-state logistic checker: the states come from
   the context, computed once for all the checkers */
typedef struct
{
    sc_ctx_struct * ctx;
    sc_logi_struct * L;
    int flags;
    sc_logi_state_fn per_state;
    slong nstanding;
}
sc_logi_walk_struct;

static void
sc_logi_walk_state(sc_tally_struct * tl, sc_result_t res,
                   const sc_walk_state_struct * w, void * arg, slong prec)
{
    sc_logi_walk_struct * a = arg;
    const sc_logi_state_struct * s;
    sc_truth_t st;

    s = sc_ctx_logi_state(a->ctx, prec, w->t, 0);
    st = sc_logi_standing(s);
    /* state 0 is the exact initial state: a_0 <= 0 or gamma_0 <= 0 is
       decided over Q (its ball at the midpoint never decides a_0 = 0) */
    if (w->t == 0 && (sc_thm_a0_sgn(a->ctx) <= 0
                      || fmpq_sgn(a->ctx->cs->gamma0) <= 0))
        st = SC_FALSE;
    tl->standing = st;
    if (sc_tally_gate(tl, res, "a > 0 and gamma > 0", st))
    {
        a->nstanding++;
        if (a->flags & SC_LOGI_WALK_STEP)
            s = sc_ctx_logi_state(a->ctx, prec, w->t, 1);
    }
    else if (tl->stop || !(a->flags & SC_LOGI_WALK_ALL))
        return;
    a->per_state(tl, res, s, a->L, prec);
}

slong
sc_logi_walk_states(sc_tally_struct * tl, sc_result_t res, sc_ctx_t ctx,
                    const sc_traj_struct * T, int last, int flags,
                    sc_logi_state_fn per_state, slong prec)
{
    sc_logi_walk_struct a;

    if (T != sc_ctx_full(ctx, prec))
        flint_abort();          /* the states are the context's */
    a.ctx = ctx;
    a.L = sc_ctx_logi(ctx, prec);
    a.flags = flags;
    a.per_state = per_state;
    a.nstanding = 0;
    sc_walk(tl, res, T, 0, last ? T->len : T->len - 1, 1,
            sc_logi_walk_state, &a, prec);
    return a.nstanding;
}

int
sc_logi_walk(sc_result_t res, sc_ctx_t ctx, int need, int last, int flags,
             sc_logi_state_fn per_state, const char * what,
             const char * gated, slong prec)
{
    const sc_traj_struct * T;
    sc_tally_struct tl;
    slong nstanding;
    int status;

    if (!sc_logi_applies(res, ctx, need))
        return SC_OK;
    T = sc_thm_need_full(res, ctx, prec);
    if (T == NULL)
        return SC_UNABLE;
    sc_tally_init(&tl, ctx, prec);
    nstanding = sc_logi_walk_states(&tl, res, ctx, T, last, flags, per_state,
                                    prec);
    status = sc_tally_finish(&tl, res, what, nstanding == 0 ?
                                  "a > 0 and gamma > 0 at no state" : gated);
    sc_tally_clear(&tl);
    return status;
}
