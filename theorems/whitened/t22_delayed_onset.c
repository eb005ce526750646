/*
 * [T2.2] Delayed onset with a waiting-time bound (reconstructed).
 *
 *   Under H2 at the reference time t0, with k0 = 1/sqrt(1+rho0^2),
 *   s0^2 = rho0^2/(1+rho0^2), Theta0 = Theta(rho0), Gamma = max(gamma0, c),
 *   D0 = c k0 - gamma0, delta = eta^2 Gamma^2 c^2 s0^2 / W0 and
 *   psi(t) = eta c (c k0 - (1 - eta_g)^t D0) / (W0 + t delta):
 *   (i) eta gamma0 c / W0 < Theta0 and (ii) T := min{t >= 1 : psi(t) > Theta0}
 *   exists  ==>  the first rising step t1 >= t0 satisfies 1 <= t1 - t0 <= T.
 *   Closed form: A = max(D0,0)/(c k0), B = eta Gamma^2 s0^2 Theta0/(W0 k0),
 *   R0 = 1 - Theta0 W0/(eta c^2 k0), phi(t) = A e^{-eta_g t} + B t,
 *   t* = ln(A eta_g / B)/eta_g if A eta_g > B else 0, T_cf = max(1, ceil t*);
 *   (ii') phi(T_cf) < R0 implies (ii) with T <= T_cf.
 *   (rho0, gamma0, W0 are the state at t0.)
 *
 * Source: paper Theorem 2 item 2 and its appendix; THEOREMS.md section 3.
 * The dynamics are time-homogeneous, so the statement applies from every
 * t0 at which H2, (i) and (ii) hold (admissible); each is judged: VIOLATED
 * at the first admissible t0 whose onset comes late (or at t0), not judged
 * ("open") when t0 + T passes the horizon before an onset.  With
 * --from-first only the earliest admissible t0 is judged.
 * Checked rigorously on the reduced recurrence in balls.  psi is
 * quasi-concave, so (ii) fails once psi decreases while still <= Theta0.
 * Record: extra t0 = the earliest admissible t0, predicted = t0 + T(t0)
 * (the latest onset it allows), observed = its first rising step t1,
 * slack = the least T(t0) / (t1 - t0) over the judged t0, reached at
 * extra slack_t0; extras T, T_cf, T_cf / (t1 - t0) are those of t0.  A
 * VIOLATED record is about the counterexample's reference time
 * (extra t0_violated) instead.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"

/* The psi scans of all reference times together: past this many steps
   the verdict is UNDECIDED. */
#define SC_T22_SCAN_MAX 10000000

/* floor(factor T), at least 1 (T itself outside tests). */
static slong
sc_t22_scaled(slong T, const sc_ctx_t ctx)
{
    fmpz_t q;
    fmpq_t x;
    slong r;

    fmpz_init(q);
    fmpq_init(x);
    fmpq_mul_si(x, ctx->factor, T);
    fmpz_fdiv_q(q, fmpq_numref(x), fmpq_denref(x));
    r = fmpz_get_si(q);
    fmpq_clear(x);
    fmpz_clear(q);
    return FLINT_MAX(r, 1);
}

/* What the statement says from one reference time. */
typedef enum
{
    SC_T22_NO_H2,           /* H2 fails at t0 */
    SC_T22_NO_I,            /* (i) fails */
    SC_T22_NO_II,           /* (ii) fails */
    SC_T22_OPEN,            /* admissible, t0 + T past the horizon and no
                               onset before it: not judged */
    SC_T22_MET,             /* 1 <= t1 - t0 <= T */
    SC_T22_FAILED           /* a certified counterexample (why) */
}
sc_t22_outcome_t;

typedef struct
{
    sc_t22_outcome_t out;
    slong t0, T, t1;        /* T scaled by the factor; t1 = the first
                               certified rising step >= t0, or -1 */
    sc_truth_t ii;          /* (ii') */
    arb_t Tcf;
    const char * why;       /* SC_T22_FAILED */
}
sc_t22_ref_struct;

/* The first certified rising step >= t for every t (-1: none). */
static slong *
sc_t22_next_rising(const sc_traj_struct * R)
{
    slong * nxt = flint_malloc(sizeof(slong) * R->len);
    slong t;

    nxt[R->len - 1] = -1;
    for (t = R->len - 2; t >= 0; t--)
        nxt[t] = (R->rising[t] == SC_TRUE) ? t : nxt[t + 1];
    return nxt;
}

/*
 * [T2.2] from reference time t0 into o (o->Tcf initialised).  SC_OK, or
 * SC_UNABLE with the reason set; o->T = -1 when the scan budget ran out.
 * The onset of an admissible t0 needs the flags of steps t0 .. steps - 1
 * decided; *decided says they are from an earlier admissible t0 on.
 */
static int
sc_t22_from(sc_t22_ref_struct * o, sc_result_t res, sc_t22_struct * p,
            const sc_traj_struct * R, const slong * nxt, slong t0,
            slong * budget, int * decided, const sc_ctx_t ctx, slong prec)
{
    slong steps = ctx->cs->steps;
    sc_truth_t h2, hyp;
    int status;

    o->t0 = t0;
    o->T = 0;
    o->t1 = -1;
    o->ii = SC_UNKNOWN;
    o->why = NULL;
    hyp = sc_t22_setup(&h2, p, R, t0, prec);
    if (hyp == SC_UNKNOWN)
    {
        sc_result_reason(res, "H2 or (i) undecided at step %ld", (long) t0);
        return SC_UNABLE;
    }
    if (hyp == SC_FALSE)
    {
        o->out = (h2 == SC_FALSE) ? SC_T22_NO_H2 : SC_T22_NO_I;
        return SC_OK;
    }
    status = sc_t22_scan(&o->T, budget, p, prec);
    if (status != SC_OK)
        sc_result_reason(res, "psi(t) against Theta0 undecided (reference "
                         "time %ld)", (long) t0);
    if (status != SC_OK || o->T == -1)
        return status;
    if (o->T == 0)
    {
        o->out = SC_T22_NO_II;
        return SC_OK;
    }
    o->T = sc_t22_scaled(o->T, ctx);
    o->ii = sc_t22_closed_form(o->Tcf, p, prec);
    if (o->ii == SC_UNKNOWN)
    {
        sc_result_reason(res, "closed form T_cf undecided (reference time "
                         "%ld)", (long) t0);
        return SC_UNABLE;
    }
    if (!*decided && sc_thm_flags_decided(res, R, t0, steps) != SC_OK)
        return SC_UNABLE;
    *decided = 1;
    o->t1 = nxt[t0];
    o->out = SC_T22_OPEN;
    if (o->t1 == t0)
        o->why = "step t0 rises although (i) holds";
    else if (o->t1 > t0 && o->t1 - t0 <= o->T)
        o->out = SC_T22_MET;
    else if (t0 + o->T <= steps - 1)
        o->why = "no rising step in t0 + 1 .. t0 + T";
    if (o->why == NULL && o->ii == SC_TRUE)
    {
        arb_t x;

        arb_init(x);
        arb_set_si(x, o->T);
        if (arb_lt(o->Tcf, x))
            o->why = "(ii') holds but T > T_cf";
        arb_clear(x);
    }
    if (o->why != NULL)
        o->out = SC_T22_FAILED;
    return SC_OK;
}

/* predicted, observed, the slack T / (t1 - t0) and the extras of o. */
static void
sc_t22_report(sc_result_t res, const sc_t22_ref_struct * o, slong prec)
{
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    sc_result_set_predicted_si(res, o->t0 + o->T);
    sc_result_set_extra_si(res, "T", o->T);
    sc_result_set_extra(res, "T_cf", o->Tcf);
    sc_result_set_extra_si(res, "closed_form_ii_holds", o->ii == SC_TRUE);
    if (o->t1 >= 0)
        sc_result_set_observed_si(res, o->t1);
    if (o->t1 > o->t0)
    {
        arb_set_si(x, o->T);
        arb_set_si(y, o->t1 - o->t0);
        arb_div(x, x, y, prec);
        sc_result_set_slack(res, x);
        arb_div(x, o->Tcf, y, prec);
        sc_result_set_extra(res, "T_cf_over_t1", x);
    }
    arb_clear(y);
    arb_clear(x);
}

/* The counterexample at reference time o->t0. */
static void
sc_t22_violated(sc_result_t res, const sc_t22_ref_struct * o, slong first,
                slong prec)
{
    res->verdict = SC_VIOLATED;
    sc_t22_report(res, o, prec);
    sc_result_set_extra_si(res, "t0", first);
    sc_result_set_extra_si(res, "t0_violated", o->t0);
    if (o->t1 < 0)
        sc_result_no_value(res, "no certified rising step in the horizon "
                           "after the reference time");
    res->step = (o->t1 >= 0 && o->t1 - o->t0 <= o->T) ? o->t1
                : o->t0 + o->T;
    sc_result_reason(res, "reference time t0 = %ld, T = %ld: %s (first "
                     "rising step %ld)", (long) o->t0, (long) o->T, o->why,
                     (long) o->t1);
}

/* Counts of the reference times by outcome, and the tightest one. */
typedef struct
{
    slong n[SC_T22_FAILED + 1];
    sc_t22_outcome_t at0;   /* the outcome at t0 = 0 */
    slong best_t0;
    arb_t best;
}
sc_t22_tally_struct;

static void
sc_t22_keep(sc_t22_tally_struct * K, const sc_t22_ref_struct * o,
            slong prec)
{
    arb_t s, d;

    K->n[o->out]++;
    if (o->out != SC_T22_MET)
        return;
    arb_init(s);
    arb_init(d);
    arb_set_si(s, o->T);
    arb_div_si(s, s, o->t1 - o->t0, prec);
    arb_sub(d, s, K->best, prec);
    /* heuristic: which t0 is named; both slacks are certified */
    if (K->best_t0 < 0 || arf_sgn(arb_midref(d)) < 0)
    {
        K->best_t0 = o->t0;
        arb_set(K->best, s);
    }
    arb_clear(d);
    arb_clear(s);
}

static void
sc_t22_not_applicable(sc_result_t res, const sc_t22_tally_struct * K,
                      const sc_ctx_t ctx)
{
    static const char * const why[] = { "H2",
        "(i) eta gamma0 c / W0 < Theta(rho0)",
        "(ii) psi(t) > Theta0 for some t >= 1" };

    res->verdict = SC_NOT_APPLICABLE;
    sc_result_reason(res, "hypothesis fails at every reference time t0 = "
                     "0..%ld (at t0 = 0: %s): H2 at %ld, (i) at %ld, (ii) "
                     "at %ld", (long) ctx->cs->steps - 1, why[K->at0],
                     (long) K->n[SC_T22_NO_H2], (long) K->n[SC_T22_NO_I],
                     (long) K->n[SC_T22_NO_II]);
}

int
sc_thm_t2_2_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong steps = ctx->cs->steps, budget = SC_T22_SCAN_MAX, t0, i;
    slong * nxt = NULL;
    int decided = 0;
    sc_t22_struct p;
    sc_t22_ref_struct o, first;
    sc_t22_tally_struct K;
    int status = SC_OK;

    if (R == NULL)
        return SC_OK;
    sc_t22_init(&p);
    arb_init(o.Tcf);
    arb_init(first.Tcf);
    arb_init(K.best);
    for (i = 0; i <= SC_T22_FAILED; i++)
        K.n[i] = 0;
    K.best_t0 = -1;
    K.at0 = SC_T22_NO_H2;
    first.t0 = -1;
    sc_thm_params(p.c, p.eta, p.etag, ctx, prec);
    res->steps = steps;
    res->certificate = "reduced recurrence [L7] in balls";
    if (R->len < steps + 1)
    {
        status = sc_thm_flags_decided(res, R, 0, steps);
        goto cleanup;
    }
    nxt = sc_t22_next_rising(R);

    for (t0 = 0; t0 < steps; t0++)
    {
        status = sc_t22_from(&o, res, &p, R, nxt, t0, &budget, &decided,
                             ctx, prec);
        if (status != SC_OK)
            goto cleanup;
        if (o.T == -1)
        {
            res->verdict = SC_UNDECIDED;
            sc_result_reason(res, "the psi scans up to reference time %ld "
                             "take more than %d steps", (long) t0,
                             SC_T22_SCAN_MAX);
            goto cleanup;
        }
        if (t0 == 0)
            K.at0 = o.out;
        if (o.out < SC_T22_OPEN)
        {
            K.n[o.out]++;
            continue;
        }
        if (first.t0 < 0)
        {
            first.out = o.out;
            first.t0 = o.t0;
            first.T = o.T;
            first.t1 = o.t1;
            first.ii = o.ii;
            arb_set(first.Tcf, o.Tcf);
        }
        if (o.out == SC_T22_FAILED)
        {
            sc_t22_violated(res, &o, first.t0, prec);
            goto cleanup;
        }
        sc_t22_keep(&K, &o, prec);
        if (ctx->from_first)
            break;
    }

    if (first.t0 < 0)
    {
        sc_t22_not_applicable(res, &K, ctx);
        goto cleanup;
    }
    sc_t22_report(res, &first, prec);
    sc_result_set_extra_si(res, "t0", first.t0);
    sc_result_set_extra_si(res, "admissible", K.n[SC_T22_MET]
                           + K.n[SC_T22_OPEN]);
    if (K.best_t0 < 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "horizon: no admissible reference time judged "
                         "(%ld with t0 + T past step %ld and no onset "
                         "before; earliest t0 = %ld, T = %ld)",
                         (long) K.n[SC_T22_OPEN], (long) steps - 1,
                         (long) first.t0, (long) first.T);
        goto cleanup;
    }
    res->verdict = SC_HOLDS;
    res->step = first.t1;
    sc_result_set_slack(res, K.best);
    sc_result_set_extra_si(res, "slack_t0", K.best_t0);
    if (ctx->from_first)
        sc_result_reason(res, "earliest admissible t0 = %ld (judged alone, "
                         "--from-first): first rising step %ld <= t0 + T = "
                         "%ld", (long) first.t0, (long) first.t1,
                         (long) (first.t0 + first.T));
    else if (first.out == SC_T22_MET)
        sc_result_reason(res, "earliest admissible t0 = %ld: first rising "
                         "step %ld <= t0 + T = %ld; t1 - t0 <= T from each "
                         "of %ld reference times (%ld more open at the "
                         "horizon), tightest from t0 = %ld",
                         (long) first.t0, (long) first.t1,
                         (long) (first.t0 + first.T), (long) K.n[SC_T22_MET],
                         (long) K.n[SC_T22_OPEN], (long) K.best_t0);
    else
        sc_result_reason(res, "earliest admissible t0 = %ld open (t0 + T = "
                         "%ld past the horizon); t1 - t0 <= T from each of "
                         "%ld later reference times, tightest from t0 = %ld",
                         (long) first.t0, (long) (first.t0 + first.T),
                         (long) K.n[SC_T22_MET], (long) K.best_t0);

cleanup:
    if (nxt != NULL)
        flint_free(nxt);
    arb_clear(K.best);
    arb_clear(first.Tcf);
    arb_clear(o.Tcf);
    sc_t22_clear(&p);
    return status;
}
