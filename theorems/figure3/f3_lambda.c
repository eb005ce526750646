/*
 * f3_lambda.c -- Lemma 6's criterion along a Figure 3 trajectory: Lambda_t
 * = eta (a^2 ||g||^2 - W q^2) - 2 a q W at every step of the certified
 * full-GD run, with its certified sign (THEOREMS.md s.2, [L6]: rho_{t+1} >
 * rho_t iff Lambda_t > 0 where a, a' > 0, for any Sigma and either loss).
 *
 * Why this and not h_t against Theta(rho_t): Theta is [L7].4's threshold,
 * the form Lemma 6 takes on whitened data only.  Off whitened data (the
 * Hilbert cases) h_t need not cross Theta at the onset (max h/Theta was
 * 0.11 on the square case), while the sign of Lambda_t is the criterion
 * itself.  Each Lambda_t is recomputed in balls at the exact midpoint of
 * state t by [L6]'s own evaluation (sc_thm_l6_lambda), at doubling
 * precision until every sign is decided or the cap is reached.
 */
#include <math.h>
#include <string.h>
#include "theorems/figure3/figure3.h"
#include "theorems/whitened/whitened.h"
#include "num/num.h"

typedef struct
{
    sc_f3_lambda_struct * L;
    sc_ctx_struct * ctx;
}
sc_f3_lambda_attempt_struct;

/* The signs of a trajectory, and the first sign change from - to +. */
static void
sc_f3_lambda_scan(sc_f3_lambda_struct * L)
{
    slong t;

    L->change = L->first_pos = -1;
    L->undecided = 0;
    for (t = 0; t < L->len; t++)
    {
        L->undecided += (L->sign[t] == 0);
        if (L->sign[t] == 1 && L->first_pos < 0)
            L->first_pos = t;
        if (L->change < 0 && t > 0 && L->sign[t] == 1
            && L->sign[t - 1] == -1)
            L->change = t;
    }
}

static int
sc_f3_lambda_attempt(void * arg, slong prec, int last)
{
    sc_f3_lambda_attempt_struct * a = arg;
    sc_f3_lambda_struct * L = a->L;
    const sc_traj_struct * T = sc_ctx_full(a->ctx, prec);
    slong t, steps = a->ctx->cs->steps;
    sc_truth_t pos;
    arb_t lam;

    (void) last;
    L->prec = prec;
    L->len = FLINT_MIN(T->len - 1, steps);
    if (L->len < 0)
        L->len = 0;
    arb_init(lam);
    for (t = 0; t < L->len; t++)
    {
        pos = sc_thm_l6_lambda(lam, a->ctx, T, t, prec);
        /* state 0 is exact: a_0 <= 0 is decided over Q */
        if (t == 0 && sc_thm_a0_sgn(a->ctx) <= 0)
            pos = SC_FALSE;
        L->lam[t] = sc_num_get_d_heuristic(lam);
        L->sign[t] = pos == SC_FALSE ? 2 : pos == SC_UNKNOWN ? 0
                     : arb_is_positive(lam) ? 1 : arb_is_nonpositive(lam)
                     ? -1 : 0;
    }
    arb_clear(lam);
    sc_f3_lambda_scan(L);
    return L->undecided == 0 && L->len == steps ? SC_OK : SC_UNABLE;
}

void
sc_f3_lambda_init(sc_f3_lambda_struct * L, sc_ctx_t ctx, slong prec0,
                  slong prec_max)
{
    sc_f3_lambda_attempt_struct a = { L, ctx };
    slong n = FLINT_MAX(ctx->cs->steps, 1);

    memset(L, 0, sizeof(*L));
    L->lam = flint_malloc(n * sizeof(double));
    L->sign = flint_malloc(n * sizeof(int));
    L->change = L->first_pos = -1;
    /* Lemma 6 describes the plain step w' = w - eta g */
    if (!ctx->data->has_ref || !fmpq_is_zero(ctx->cs->weight_decay)
        || !fmpq_is_zero(ctx->cs->momentum) || ctx->cs->project_norm)
        return;
    L->defined = 1;
    L->decided = (sc_escalate(NULL, prec0, prec_max, sc_f3_lambda_attempt,
                              &a) == SC_OK);
}

void
sc_f3_lambda_clear(sc_f3_lambda_struct * L)
{
    flint_free(L->sign);
    flint_free(L->lam);
}
