/*
 * [T2.2] Delayed onset with a waiting-time bound (reconstructed), two
 * claims with their own verdicts: [T2.2-T] the onset comes within T
 * steps, [T2.2-cf] under (ii') the scan's T is at most T_cf.
 *
 *   Under H2 at the reference time t0, with k0 = 1/sqrt(1+rho0^2),
 *   s0^2 = rho0^2/(1+rho0^2), Theta0 = Theta(rho0), Gamma = max(gamma0, c),
 *   D0 = c k0 - gamma0, delta = eta^2 Gamma^2 c^2 s0^2 / W0 and
 *   psi(t) = eta c (c k0 - (1 - eta_g)^t D0) / (W0 + t delta):
 *   (i) eta gamma0 c / W0 < Theta0 and (ii) T := min{t >= 1 : psi(t) > Theta0}
 *   exists  ==>  the first rising step t1 >= t0 satisfies 1 <= t1 - t0 <= T
 *   [T2.2-T].
 *   Closed form: A = max(D0,0)/(c k0), B = eta Gamma^2 s0^2 Theta0/(W0 k0),
 *   R0 = 1 - Theta0 W0/(eta c^2 k0), phi(t) = A e^{-eta_g t} + B t,
 *   t* = ln(A eta_g / B)/eta_g if A eta_g > B else 0, T_cf = max(1, ceil t*);
 *   (ii') phi(T_cf) < R0 implies (ii) with T <= T_cf [T2.2-cf].
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
 * [T2.2-T]'s record: extra t0 = the earliest admissible t0, predicted =
 * t0 + T(t0) (the latest onset it allows), observed = its first rising
 * step t1, slack = the least T(t0) / (t1 - t0) over the judged t0,
 * reached at extra slack_t0; extras T, T_cf, T_cf / (t1 - t0) are those
 * of t0.  [T2.2-cf] needs no onset: its admissible t0 are those where
 * (ii') also holds, each judged; predicted = T_cf, observed = T at the
 * earliest, slack = the least T_cf / T.  A VIOLATED record is about the
 * counterexample's reference time (extra t0_violated) instead.
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

/* which of the two claims a run checks */
typedef enum
{
    SC_T22_PART_T,          /* [T2.2-T]: 1 <= t1 - t0 <= T */
    SC_T22_PART_CF          /* [T2.2-cf]: (ii') implies T <= T_cf */
}
sc_t22_part_t;

/* What a claim says from one reference time. */
typedef enum
{
    SC_T22_NO_H2,           /* H2 fails at t0 */
    SC_T22_NO_I,            /* (i) fails */
    SC_T22_NO_II,           /* (ii) fails */
    SC_T22_NO_IIP,          /* (ii') fails ([T2.2-cf] only) */
    SC_T22_OPEN,            /* admissible, t0 + T past the horizon and no
                               onset before it: not judged */
    SC_T22_MET,             /* the claim's conclusion holds */
    SC_T22_FAILED           /* a certified counterexample (why) */
}
sc_t22_outcome_t;

typedef struct
{
    sc_t22_outcome_t out;
    slong t0, T, t1;        /* T scaled by the factor; t1 = the first
                               certified rising step >= t0, or -1 */
    sc_truth_t ii;          /* (ii') */
    arb_t Tcf;              /* T_cf (scaled by the factor for [T2.2-cf]) */
    arb_t slack;            /* SC_T22_MET: T / (t1 - t0), or T_cf / T */
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

/* [T2.2-cf] at an admissible t0 (o->T unscaled, o->ii decided): judged
   where (ii') holds, T <= factor T_cf. */
static void
sc_t22_judge_cf(sc_t22_ref_struct * o, const sc_ctx_t ctx, slong prec)
{
    arb_t x;

    if (o->ii != SC_TRUE)
    {
        o->out = SC_T22_NO_IIP;
        return;
    }
    arb_init(x);
    sc_thm_factor(x, ctx, prec);                /* factor = 1 outside tests */
    arb_mul(o->Tcf, o->Tcf, x, prec);
    arb_set_si(x, o->T);
    if (arb_lt(o->Tcf, x))
    {
        o->why = "(ii') holds but T > T_cf";
        o->out = SC_T22_FAILED;
    }
    else
    {
        o->out = SC_T22_MET;
        arb_div(o->slack, o->Tcf, x, prec);
    }
    arb_clear(x);
}

/* [T2.2-T] at an admissible t0 (o->T scaled): from the first certified
   rising step t1 >= t0, 1 <= t1 - t0 <= T, open when t0 + T passes the
   horizon before an onset. */
static void
sc_t22_judge_onset(sc_t22_ref_struct * o, const slong * nxt, slong steps,
                   slong prec)
{
    o->t1 = nxt[o->t0];
    o->out = SC_T22_OPEN;
    if (o->t1 == o->t0)
        o->why = "step t0 rises although (i) holds";
    else if (o->t1 > o->t0 && o->t1 - o->t0 <= o->T)
    {
        o->out = SC_T22_MET;
        arb_set_si(o->slack, o->T);
        arb_div_si(o->slack, o->slack, o->t1 - o->t0, prec);
    }
    else if (o->t0 + o->T <= steps - 1)
        o->why = "no rising step in t0 + 1 .. t0 + T";
    if (o->why != NULL)
        o->out = SC_T22_FAILED;
}

/*
 * What a reference time t0 gives both claims before either judges it: the
 * truths of H2 and (i), the psi scan (its status, T unscaled, the budget
 * before and after it) and the closed form (ii'), T_cf unscaled.  Free of
 * the control factor, which each claim applies to its own side, so the two
 * claims share them (the family cache SC_CTX_T22, per precision and t0,
 * filled in the walk's order): a claim reads what the other computed, bit
 * for bit what it would compute itself.
 */
typedef struct
{
    int made;
    sc_truth_t hyp, h2, ii;
    int status;
    slong T, budget_in, budget_out;
    arb_t Tcf;
}
sc_t22_memo_struct;

typedef struct
{
    slong prec, len;
    sc_t22_memo_struct * m;
}
sc_t22_prec_struct;

typedef struct
{
    slong n;
    sc_t22_prec_struct * P;
}
sc_t22_cache_struct;

static void *
sc_t22_cache_new(void)
{
    sc_t22_cache_struct * C = flint_malloc(sizeof(*C));

    C->n = 0;
    C->P = NULL;
    return C;
}

static void
sc_t22_cache_free(void * data)
{
    sc_t22_cache_struct * C = data;
    slong i, t;

    for (i = 0; i < C->n; i++)
    {
        for (t = 0; t < C->P[i].len; t++)
            arb_clear(C->P[i].m[t].Tcf);
        flint_free(C->P[i].m);
    }
    flint_free(C->P);
    flint_free(C);
}

/* The memos of the reference times 0 .. len - 1 at prec, empty on first
   use. */
static sc_t22_memo_struct *
sc_t22_memos(sc_ctx_t ctx, slong len, slong prec)
{
    sc_t22_cache_struct * C = sc_ctx_family(ctx, SC_CTX_T22,
                                            sc_t22_cache_new,
                                            sc_t22_cache_free);
    sc_t22_prec_struct * P;
    slong i;

    for (i = 0; i < C->n; i++)
        if (C->P[i].prec == prec)
            return C->P[i].m;
    C->P = flint_realloc(C->P, (C->n + 1) * sizeof(sc_t22_prec_struct));
    P = C->P + C->n++;
    P->prec = prec;
    P->len = len;
    P->m = flint_malloc(len * sizeof(sc_t22_memo_struct));
    for (i = 0; i < len; i++)
    {
        P->m[i].made = 0;
        arb_init(P->m[i].Tcf);
    }
    return P->m;
}

/* The memo of t0 with the scan budget at *budget, which it advances;
   computed unless made from the same budget (the walks of both claims
   visit t0 = 0, 1, ... in order, so their budgets agree). */
static const sc_t22_memo_struct *
sc_t22_memo(sc_ctx_t ctx, sc_t22_struct * p, const sc_traj_struct * R,
            slong t0, slong * budget, slong prec)
{
    sc_t22_memo_struct * m = sc_t22_memos(ctx, ctx->cs->steps, prec) + t0;
    slong b = *budget;

    if (!m->made || m->budget_in != b)
    {
        m->made = 1;
        m->budget_in = b;
        m->status = SC_OK;
        m->T = 0;
        m->ii = SC_UNKNOWN;
        m->hyp = sc_t22_setup(&m->h2, p, R, t0, prec);
        if (m->hyp == SC_TRUE)
            m->status = sc_t22_scan(&m->T, &b, p, prec);
        if (m->hyp == SC_TRUE && m->status == SC_OK && m->T > 0)
            m->ii = sc_t22_closed_form(m->Tcf, p, prec);
        m->budget_out = b;
    }
    *budget = m->budget_out;
    return m;
}

/*
 * Claim part from reference time t0 into o (o->Tcf, o->slack
 * initialised).  SC_OK, or SC_UNABLE with the reason set; o->T = -1 when
 * the scan budget ran out.  The onset of an admissible t0 needs the flags
 * of steps t0 .. steps - 1 decided; *decided says they are from an
 * earlier admissible t0 on.
 */
static int
sc_t22_from(sc_t22_ref_struct * o, sc_result_t res, sc_t22_struct * p,
            const sc_traj_struct * R, const slong * nxt, slong t0,
            slong * budget, int * decided, sc_t22_part_t part,
            sc_ctx_t ctx, slong prec)
{
    slong steps = ctx->cs->steps;
    const sc_t22_memo_struct * m = sc_t22_memo(ctx, p, R, t0, budget, prec);

    o->t0 = t0;
    o->T = 0;
    o->t1 = -1;
    o->ii = SC_UNKNOWN;
    o->why = NULL;
    if (m->hyp == SC_UNKNOWN)
    {
        sc_result_reason(res, "H2 or (i) undecided at step %ld", (long) t0);
        return SC_UNABLE;
    }
    if (m->hyp == SC_FALSE)
    {
        o->out = (m->h2 == SC_FALSE) ? SC_T22_NO_H2 : SC_T22_NO_I;
        return SC_OK;
    }
    o->T = m->T;
    if (m->status != SC_OK)
        sc_result_reason(res, "psi(t) against Theta0 undecided (reference "
                         "time %ld)", (long) t0);
    if (m->status != SC_OK || o->T == -1)
        return m->status;
    if (o->T == 0)
    {
        o->out = SC_T22_NO_II;
        return SC_OK;
    }
    o->ii = m->ii;
    arb_set(o->Tcf, m->Tcf);
    if (o->ii == SC_UNKNOWN)
    {
        sc_result_reason(res, "closed form T_cf undecided (reference time "
                         "%ld)", (long) t0);
        return SC_UNABLE;
    }
    if (part == SC_T22_PART_CF)
    {
        sc_t22_judge_cf(o, ctx, prec);
        return SC_OK;
    }
    o->T = sc_t22_scaled(o->T, ctx);
    if (!*decided && sc_thm_flags_decided(res, R, t0, steps) != SC_OK)
        return SC_UNABLE;
    *decided = 1;
    sc_t22_judge_onset(o, nxt, steps, prec);
    return SC_OK;
}

/* predicted, observed, slack and the extras of o for the claim part. */
static void
sc_t22_report(sc_result_t res, const sc_t22_ref_struct * o,
              sc_t22_part_t part, slong prec)
{
    arb_t x, y;

    sc_result_set_extra_si(res, "T", o->T);
    sc_result_set_extra(res, "T_cf", o->Tcf);
    sc_result_set_extra_si(res, "closed_form_ii_holds", o->ii == SC_TRUE);
    if (part == SC_T22_PART_CF)
    {
        sc_result_set_predicted(res, o->Tcf);
        sc_result_set_observed_si(res, o->T);
        if (o->out == SC_T22_MET)
            sc_result_set_slack(res, o->slack);
        return;
    }
    sc_result_set_predicted_si(res, o->t0 + o->T);
    if (o->t1 >= 0)
        sc_result_set_observed_si(res, o->t1);
    if (o->t1 > o->t0)
    {
        arb_init(x);
        arb_init(y);
        arb_set_si(x, o->T);
        arb_set_si(y, o->t1 - o->t0);
        arb_div(x, x, y, prec);
        sc_result_set_slack(res, x);
        arb_div(x, o->Tcf, y, prec);
        sc_result_set_extra(res, "T_cf_over_t1", x);
        arb_clear(y);
        arb_clear(x);
    }
}

/* The counterexample at reference time o->t0. */
static void
sc_t22_violated(sc_result_t res, const sc_t22_ref_struct * o, slong first,
                sc_t22_part_t part, slong prec)
{
    res->verdict = SC_VIOLATED;
    sc_t22_report(res, o, part, prec);
    res->has_slack = 0;
    sc_result_set_extra_si(res, "t0", first);
    sc_result_set_extra_si(res, "t0_violated", o->t0);
    if (part == SC_T22_PART_CF)
    {
        res->step = o->t0;
        sc_result_reason(res, "reference time t0 = %ld: %s (T = %ld)",
                         (long) o->t0, o->why, (long) o->T);
        return;
    }
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
    arb_t d;

    K->n[o->out]++;
    if (o->out != SC_T22_MET)
        return;
    arb_init(d);
    arb_sub(d, o->slack, K->best, prec);
    /* heuristic: which t0 is named; both slacks are certified */
    if (K->best_t0 < 0 || arf_sgn(arb_midref(d)) < 0)
    {
        K->best_t0 = o->t0;
        arb_set(K->best, o->slack);
    }
    arb_clear(d);
}

static void
sc_t22_not_applicable(sc_result_t res, const sc_t22_tally_struct * K,
                      const sc_ctx_t ctx)
{
    static const char * const why[] = { "H2",
        "(i) eta gamma0 c / W0 < Theta(rho0)",
        "(ii) psi(t) > Theta0 for some t >= 1",
        "(ii') phi(T_cf) < R0" };

    sc_result_not_applicable(res, why[K->at0], "at every reference time "
                     "t0 = 0..%ld (at t0 = 0: %s): H2 fails at %ld, (i) at "
                     "%ld, (ii) at %ld, (ii') at %ld",
                     (long) ctx->cs->steps - 1, why[K->at0],
                     (long) K->n[SC_T22_NO_H2], (long) K->n[SC_T22_NO_I],
                     (long) K->n[SC_T22_NO_II], (long) K->n[SC_T22_NO_IIP]);
}

/* The verdict once every reference time is judged (first: the earliest
   admissible one). */
static void
sc_t22_finish(sc_result_t res, const sc_t22_ref_struct * first,
              const sc_t22_tally_struct * K, sc_t22_part_t part,
              const sc_ctx_t ctx, slong prec)
{
    slong steps = ctx->cs->steps;

    sc_t22_report(res, first, part, prec);
    sc_result_set_extra_si(res, "t0", first->t0);
    sc_result_set_extra_si(res, "admissible", K->n[SC_T22_MET]
                           + K->n[SC_T22_OPEN]);
    if (K->best_t0 < 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "horizon: no admissible reference time judged "
                         "(%ld with t0 + T past step %ld and no onset "
                         "before; earliest t0 = %ld, T = %ld)",
                         (long) K->n[SC_T22_OPEN], (long) steps - 1,
                         (long) first->t0, (long) first->T);
        return;
    }
    res->verdict = SC_HOLDS;
    sc_result_set_slack(res, K->best);
    sc_result_set_extra_si(res, "slack_t0", K->best_t0);
    if (part == SC_T22_PART_CF)
    {
        res->step = first->t0;
        sc_result_reason(res, "T <= T_cf from each of %ld reference times "
                         "with (ii') (earliest t0 = %ld: T = %ld), tightest "
                         "from t0 = %ld%s", (long) K->n[SC_T22_MET],
                         (long) first->t0, (long) first->T,
                         (long) K->best_t0,
                         ctx->from_first ? " (judged alone, --from-first)"
                                         : "");
        return;
    }
    res->step = first->t1;
    if (ctx->from_first)
        sc_result_reason(res, "earliest admissible t0 = %ld (judged alone, "
                         "--from-first): first rising step %ld <= t0 + T = "
                         "%ld", (long) first->t0, (long) first->t1,
                         (long) (first->t0 + first->T));
    else if (first->out == SC_T22_MET)
        sc_result_reason(res, "earliest admissible t0 = %ld: first rising "
                         "step %ld <= t0 + T = %ld; t1 - t0 <= T from each "
                         "of %ld reference times (%ld more open at the "
                         "horizon), tightest from t0 = %ld",
                         (long) first->t0, (long) first->t1,
                         (long) (first->t0 + first->T),
                         (long) K->n[SC_T22_MET], (long) K->n[SC_T22_OPEN],
                         (long) K->best_t0);
    else
        sc_result_reason(res, "earliest admissible t0 = %ld open (t0 + T = "
                         "%ld past the horizon); t1 - t0 <= T from each of "
                         "%ld later reference times, tightest from t0 = %ld",
                         (long) first->t0, (long) (first->t0 + first->T),
                         (long) K->n[SC_T22_MET], (long) K->best_t0);
}

static void
sc_t22_ref_copy(sc_t22_ref_struct * dst, const sc_t22_ref_struct * src)
{
    dst->out = src->out;
    dst->t0 = src->t0;
    dst->T = src->T;
    dst->t1 = src->t1;
    dst->ii = src->ii;
    dst->why = src->why;
    arb_set(dst->Tcf, src->Tcf);
    arb_set(dst->slack, src->slack);
}

/* The claim part judged from every reference time t0; *done when the
   verdict is set on the way (a counterexample, or the psi scans' budget
   ran out). */
static int
sc_t22_walk(sc_result_t res, int * done, sc_t22_ref_struct * first,
            sc_t22_tally_struct * K, sc_t22_struct * p,
            const sc_traj_struct * R, const slong * nxt, sc_t22_part_t part,
            sc_ctx_t ctx, slong prec)
{
    slong budget = SC_T22_SCAN_MAX, t0;
    int decided = 0, status = SC_OK;
    sc_t22_ref_struct o;

    arb_init(o.Tcf);
    arb_init(o.slack);
    for (t0 = 0; t0 < ctx->cs->steps; t0++)
    {
        status = sc_t22_from(&o, res, p, R, nxt, t0, &budget, &decided,
                             part, ctx, prec);
        if (status != SC_OK)
            break;
        if (o.T == -1)
        {
            res->verdict = SC_UNDECIDED;
            sc_result_reason(res, "the psi scans up to reference time %ld "
                             "take more than %d steps", (long) t0,
                             SC_T22_SCAN_MAX);
            *done = 1;
            break;
        }
        if (t0 == 0)
            K->at0 = o.out;
        if (o.out < SC_T22_OPEN)
        {
            K->n[o.out]++;
            continue;
        }
        if (first->t0 < 0)
            sc_t22_ref_copy(first, &o);
        if (o.out == SC_T22_FAILED)
        {
            sc_t22_violated(res, &o, first->t0, part, prec);
            *done = 1;
            break;
        }
        sc_t22_keep(K, &o, prec);
        if (ctx->from_first)
            break;
    }
    arb_clear(o.slack);
    arb_clear(o.Tcf);
    return status;
}

static int
sc_t22_check(sc_result_t res, sc_ctx_t ctx, sc_t22_part_t part, slong prec)
{
    const sc_traj_struct * R = sc_thm_need_reduced(res, ctx, prec);
    slong steps = ctx->cs->steps, i;
    slong * nxt = NULL;
    sc_t22_struct p;
    sc_t22_ref_struct first;
    sc_t22_tally_struct K;
    int status = SC_OK, done = 0;

    if (R == NULL)
        return SC_OK;
    res->steps = steps;
    res->certificate = "reduced recurrence [L7] in balls";
    if (R->len < steps + 1)
        return sc_thm_flags_decided(res, R, 0, steps);
    sc_t22_init(&p);
    arb_init(first.Tcf);
    arb_init(first.slack);
    arb_init(K.best);
    for (i = 0; i <= SC_T22_FAILED; i++)
        K.n[i] = 0;
    K.best_t0 = -1;
    K.at0 = SC_T22_NO_H2;
    first.t0 = -1;
    sc_thm_params(p.c, p.eta, p.etag, ctx, prec);
    nxt = sc_t22_next_rising(R);

    status = sc_t22_walk(res, &done, &first, &K, &p, R, nxt, part, ctx,
                         prec);
    if (status == SC_OK && !done)
    {
        if (first.t0 < 0)
            sc_t22_not_applicable(res, &K, ctx);
        else
            sc_t22_finish(res, &first, &K, part, ctx, prec);
    }

    flint_free(nxt);
    arb_clear(K.best);
    arb_clear(first.slack);
    arb_clear(first.Tcf);
    sc_t22_clear(&p);
    return status;
}

int
sc_thm_t2_2_T_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t22_check(res, ctx, SC_T22_PART_T, prec);
}

int
sc_thm_t2_2_cf_check(sc_result_t res, sc_ctx_t ctx, slong prec)
{
    return sc_t22_check(res, ctx, SC_T22_PART_CF, prec);
}
