/*
 * [W3] Invariance to hyperparameter rescaling (exact; both losses), two
 * claims.
 *
 *   Runs from (w_0, eta, lambda) and (c w_0, c^2 eta, lambda / c^2), with
 *   gamma_0 and eta_gamma unchanged, give the same function-space
 *   trajectory: w'_t = c w_t, gamma'_t = gamma_t, L'_t = L_t.
 *
 * Source: seed 004 (Lobacheva et al.) Proposition 4, App. A.1; BEYOND.md
 * section 1.  Provenance: exact.  The proof uses only eq. (1) and (2b), so
 * it also covers momentum (velocities scale by c) and project_norm (the
 * target norm scales by c): the statement is checked on every case.
 *
 * With c = 2^k (k = SC_W3_K):
 * [W3-same]  the same trajectory, certified: both full-GD runs in balls at
 *    the same precision; at every step the enclosures of w'_t / c and w_t,
 *    of gamma'_t and gamma_t and of the losses must overlap (they all
 *    contain the same exact value).  A disjoint pair is VIOLATED.
 * [W3-bits]  the float view: both runs as 53-bit floating-point
 *    experiments; scaling by 2^k is exact in binary, so the runs must
 *    agree bit for bit (w'_t = 2^k w_t, gamma'_t = gamma_t as floats).  A
 *    differing bit is VIOLATED: it is a claim about binary arithmetic, and
 *    a failure would mean the implementation is not scale-equivariant.
 *    The control factor p/q is applied exactly, as 2^k q w_t = p w'_t.
 * Each claim runs its own second run (certified or float): they share
 * nothing but the rescaled case and its exact data facts, made once per
 * context (the family cache SC_CTX_W3; the data analysis is most of a
 * claim's cost on 64 x 16 data).
 */
#include <string.h>
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

#define SC_W3_K 2
#define SC_W3_FLOAT_PREC 53

/* c2 = c with w0 * 2^k, eta * 4^k, lambda / 4^k (c2 freshly initialised). */
static void
sc_w3_rescaled_case(sc_case_t c2, const sc_case_t c, slong k)
{
    fmpz_t p;

    fmpz_init(p);
    sc_case_set_dims(c2, c->n, c->d);
    sc_case_set_name(c2, c->name);
    c2->loss = c->loss;
    fmpq_mat_set(c2->X, c->X);
    fmpq_mat_set(c2->y, c->y);
    fmpz_one(p);
    fmpz_mul_2exp(p, p, k);
    fmpq_mat_scalar_mul_fmpz(c2->w0, c->w0, p);
    fmpq_set(c2->gamma0, c->gamma0);
    fmpq_mul_2exp(c2->eta, c->eta, 2 * k);
    fmpq_div_2exp(c2->weight_decay, c->weight_decay, 2 * k);
    fmpq_set(c2->eta_gamma, c->eta_gamma);
    fmpq_set(c2->momentum, c->momentum);
    c2->project_norm = c->project_norm;
    c2->steps = c->steps;
    c2->precision = c->precision;
    c2->seed = c->seed;
    memcpy(c2->data_desc, c->data_desc, sizeof(c2->data_desc));
    fmpz_clear(p);
}

/* The rescaled case of the context and its data facts (c2, data2 are
   set once made), free of the control factor, which the claims apply to
   their own comparisons. */
typedef struct
{
    int made;
    sc_case_t c2;
    sc_data_t data2;
}
sc_w3_cache_struct;

static void *
sc_w3_cache_new(void)
{
    sc_w3_cache_struct * C = flint_malloc(sizeof(*C));

    C->made = 0;
    return C;
}

static void
sc_w3_cache_free(void * data)
{
    sc_w3_cache_struct * C = data;

    if (C->made)
    {
        sc_data_clear(C->data2);
        sc_case_clear(C->c2);
    }
    flint_free(C);
}

/* The rescaled case of ctx, made on first use; valid until sc_ctx_clear. */
static const sc_w3_cache_struct *
sc_w3_rescaled(sc_ctx_t ctx)
{
    sc_w3_cache_struct * C = sc_ctx_family(ctx, SC_CTX_W3, sc_w3_cache_new,
                                           sc_w3_cache_free);

    if (!C->made)
    {
        sc_case_init(C->c2);
        sc_w3_rescaled_case(C->c2, ctx->cs, SC_W3_K);
        sc_data_init(C->data2, C->c2);
        C->made = 1;
    }
    return C;
}

/* First step where the certified runs certifiably disagree, or -1. */
static slong
sc_w3_disjoint(const sc_traj_struct * A, const sc_traj_struct * B,
               const arb_t scale, slong prec)
{
    slong t, j, d = A->d;
    arb_t x;

    arb_init(x);
    for (t = 0; t < A->len; t++)
    {
        for (j = 0; j < d; j++)
        {
            arb_mul(x, A->w + t * d + j, scale, prec);
            if (!arb_overlaps(x, B->w + t * d + j))
                break;
        }
        if (j < d || !arb_overlaps(A->gamma + t, B->gamma + t)
            || !arb_overlaps(A->loss + t, B->loss + t))
            break;
    }
    arb_clear(x);
    return t < A->len ? t : -1;
}

/* First step where the float runs differ in a bit, or -1: 2^k q A.w
   against p B.w for the factor p/q (exact products). */
static slong
sc_w3_float_differs(const sc_traj_struct * A, const sc_traj_struct * B,
                    slong k, const fmpq_t f)
{
    slong t, j, d = A->d;
    arf_t x, y;
    int same = 1;

    arf_init(x);
    arf_init(y);
    for (t = 0; t < A->len && same; t++)
    {
        for (j = 0; j < d && same; j++)
        {
            arf_mul_fmpz(x, arb_midref(A->w + t * d + j), fmpq_denref(f),
                         ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_mul_2exp_si(x, x, k);
            arf_mul_fmpz(y, arb_midref(B->w + t * d + j), fmpq_numref(f),
                         ARF_PREC_EXACT, ARF_RND_DOWN);
            same = arf_equal(x, y);
        }
        same = same && arf_equal(arb_midref(A->gamma + t),
                                 arb_midref(B->gamma + t));
    }
    arf_clear(y);
    arf_clear(x);
    return same ? -1 : t - 1;
}

/* The two float runs; -1 or the first step with a differing bit. */
static slong
sc_w3_float_view(sc_ctx_t ctx, const sc_case_t c2, const sc_data_t data2)
{
    sc_traj_t A, B;
    slong r;

    sc_traj_init(A, SC_TRAJ_FULL, ctx->cs->d, ctx->cs->steps);
    sc_traj_init(B, SC_TRAJ_FULL, ctx->cs->d, ctx->cs->steps);
    sc_dyn_run_full(A, ctx->cs, ctx->data, 1, SC_W3_FLOAT_PREC);
    sc_dyn_run_full(B, c2, data2, 1, SC_W3_FLOAT_PREC);
    r = (A->len != B->len) ? 0
        : sc_w3_float_differs(A, B, SC_W3_K, ctx->factor);
    sc_traj_clear(B);
    sc_traj_clear(A);
    return r;
}

/* [W3-same]: the certified second run against the context's. */
int
sc_thm_w3_same_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * T = sc_thm_need_full(res, ctx, prec);
    const sc_w3_cache_struct * C;
    const sc_case_struct * c2;
    sc_traj_t T2;
    arb_t scale;
    slong bad;
    int status = SC_OK;

    if (T == NULL)
        return SC_UNABLE;
    C = sc_w3_rescaled(ctx);
    c2 = C->c2;
    sc_traj_init(T2, SC_TRAJ_FULL, c2->d, c2->steps);
    sc_dyn_run_full(T2, c2, C->data2, 0, prec);
    arb_init(scale);
    sc_thm_factor(scale, ctx, prec);            /* 1 outside tests */
    arb_mul_2exp_si(scale, scale, SC_W3_K);
    res->certificate = "two certified full-GD runs in balls";
    sc_result_set_extra_si(res, "c", 1 << SC_W3_K);
    if (T2->len < c2->steps + 1)
    {
        sc_result_reason(res, "rescaled run: %s", T2->stop);
        status = SC_UNABLE;
    }
    else if ((bad = sc_w3_disjoint(T, T2, scale, prec)) >= 0)
    {
        res->verdict = SC_VIOLATED;
        res->step = bad;
        sc_result_reason(res, "runs (w0, eta, lambda) and (%d w0, %d eta, "
                         "lambda/%d) certifiably differ at step %ld",
                         1 << SC_W3_K, 1 << (2 * SC_W3_K),
                         1 << (2 * SC_W3_K), (long) bad);
        sc_result_no_value(res, "two runs compared: their enclosures are "
                           "disjoint");
    }
    else
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "c = %d: enclosures of w'/c, gamma and the "
                         "loss overlap at all %ld states", 1 << SC_W3_K,
                         (long) T->len);
    }
    arb_clear(scale);
    sc_traj_clear(T2);
    return status;
}

/* [W3-bits]: the two 53-bit float runs (no certified trajectory needed). */
int
sc_thm_w3_bits_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_w3_cache_struct * C = sc_w3_rescaled(ctx);
    slong fbad;

    (void) prec;                                /* a fixed 53-bit claim */
    res->certificate = "two 53-bit float runs compared bit by bit";
    res->steps = ctx->cs->steps;
    sc_result_set_extra_si(res, "c", 1 << SC_W3_K);
    if ((fbad = sc_w3_float_view(ctx, C->c2, C->data2)) >= 0)
    {
        res->verdict = SC_VIOLATED;
        res->step = fbad;
        sc_result_reason(res, "53-bit float runs with c = %d differ in a "
                         "bit at step %ld", 1 << SC_W3_K, (long) fbad);
        sc_result_no_value(res, "two float runs compared bit for bit");
    }
    else
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "c = %d: the 53-bit float runs agree bit for "
                         "bit over %ld steps", 1 << SC_W3_K,
                         (long) ctx->cs->steps);
    }
    return SC_OK;
}
