/*
 * [FAM-W6-period] seed 004: the spike period against 1/(eta lambda), and
 * the (eta, lambda) regime map (observational; issue 16).
 *
 *   Seed 004 (Lobacheva et al.) s.5 and App. E.1: "the training dynamics
 *   mostly depend on their product" eta lambda, and "the higher the
 *   learning rate [or the weight decay], the shorter the periods"
 *   (Corollary 1: the period scales like 1/(eta lambda)).  Checked: over
 *   the grid's points where [W6-a] counts at least two spikes (a period),
 *   q = period * eta * lambda is the same at every point within the
 *   tolerance: max q / min q - 1 <= tolerance (default 1/4).  This covers
 *   both readings: at a fixed product (the periods agree) and across
 *   products (period proportional to 1/(eta lambda)).
 *
 * period is [W6-a]'s certified extra (the mean gap between spikes, an exact
 * rational in a ball), eta lambda exact, so q and its spread are
 * certified.  Record: predicted 1 (the spread a law of the product alone
 * gives), observed max q / min q; extras tolerance, slope, intercept and
 * residual_rms of the least-squares fit period = intercept + slope /
 * (eta lambda), fixed_product_spread (the largest max/min of the periods
 * at one product, when a product has two periodic points), law_points
 * (the points with two or more spikes, which the law is judged over) and
 * the regime counts of the map, the second plot.
 *
 * The regimes (an observational classification of ours, not a statement
 * of the paper).  Seed 004 s.5: with too high an effective learning rate
 * "weight decay prohibits us from reaching [large norms], thus the
 * gradients are not able to shrink sufficiently, and training gets stuck
 * at high train loss"; with too low a one training is too slow for
 * periods in the horizon.  From [W6-a]'s excess loss e_t = L_t - L*:
 *   stuck: e_t >= e_0 / F^2 at every t in [T/2, T] (F = SC_W6_F = 10, so
 *     1% of the initial excess: the floor a spike must reach), decided on
 *     the ball loss_tail_min_ratio >= 1/100, whatever the spike count: the
 *     loss never gets low in the second half, and the detector's rises
 *     there are oscillations at a high loss, not destabilisations of a
 *     trained run;
 *   otherwise (the ball certainly below 1/100: the loss falls below the
 *   floor in the second half) by the spike count: periodic (>= 2 spikes),
 *   one_spike, no_spike (converged without a period in the horizon);
 *   regime_undecided: the ball straddles 1/100, or the record has no loss
 *   level (never guessed);
 *   not applicable: [W6-a] NOT-APPLICABLE, or eta lambda = 0.
 * The map does not change the law's points: a stuck point with two or
 * more spikes is still judged by the law (law_points counts it).
 */
#include "theorems/families/families.h"
#include "theorems/weight_decay/weight_decay.h"
#include "num/num.h"

/* the regimes of the map, in the order of its legend */
enum
{
    SC_W6F_PERIODIC, SC_W6F_ONE, SC_W6F_NONE, SC_W6F_STUCK,
    SC_W6F_UNDECIDED, SC_W6F_NA, SC_W6F_NREGIMES
};

typedef struct
{
    slong m, na, undecided;     /* m: the law's points (2+ spikes) */
    slong first_bad;
    slong count[SC_W6F_NREGIMES];   /* points per regime */
    arb_ptr x, y, q;        /* 1/(eta lambda), period, period eta lambda */
    slong * at;             /* the point of each law entry */
    int * regime;           /* per point: SC_W6F_* */
}
sc_w6f_data_struct;

/* Whether r's run is stuck: its excess loss stays >= e_0 / F^2 over
   [T/2, T] (SC_TRUE), certainly falls below (SC_FALSE), or SC_UNKNOWN
   (the ball straddles the level, or r has no loss level). */
static sc_truth_t
sc_w6f_stuck(const sc_result_struct * r, slong prec)
{
    arb_t x, level;
    sc_truth_t v = SC_UNKNOWN;

    arb_init(x);
    arb_init(level);
    if (sc_fam_extra(x, r, "loss_tail_min_ratio"))
    {
        arb_one(level);
        arb_div_si(level, level, SC_W6_F * SC_W6_F, prec);
        v = sc_num_ge(x, level);
    }
    arb_clear(level);
    arb_clear(x);
    return v;
}

/* The regime of a decided, applicable point with s spikes (documented
   above). */
static int
sc_w6f_regime(const sc_result_struct * r, const arb_t s, slong prec)
{
    sc_truth_t stuck = sc_w6f_stuck(r, prec);

    if (stuck == SC_TRUE)
        return SC_W6F_STUCK;
    if (stuck == SC_UNKNOWN)
        return SC_W6F_UNDECIDED;
    if (arf_cmp_si(arb_midref(s), 2) >= 0)
        return SC_W6F_PERIODIC;
    return arf_cmp_si(arb_midref(s), 1) == 0 ? SC_W6F_ONE : SC_W6F_NONE;
}

static void
sc_w6f_collect(sc_w6f_data_struct * d, const sc_fam_points_struct * pts,
               slong prec)
{
    const sc_family_struct * F = pts->F;
    arb_t s, p;
    slong i;

    arb_init(s);
    arb_init(p);
    d->m = d->na = d->undecided = 0;
    d->first_bad = -1;
    for (i = 0; i < SC_W6F_NREGIMES; i++)
        d->count[i] = 0;
    for (i = 0; i < F->npoints; i++)
    {
        const sc_result_struct * r = pts->rec[i * pts->nneed];
        const fmpq * el = sc_family_at(F, i, SC_FAMILY_ETA_LAMBDA);

        d->regime[i] = SC_W6F_NA;
        if (r == NULL || r->verdict == SC_UNDECIDED)
        {
            d->undecided++;
            d->first_bad = d->first_bad < 0 ? i : d->first_bad;
            d->regime[i] = SC_W6F_UNDECIDED;
        }
        else if (r->verdict != SC_NOT_APPLICABLE
                 && sc_fam_extra(s, r, "spikes") && fmpq_sgn(el) > 0)
        {
            d->regime[i] = sc_w6f_regime(r, s, prec);
            if (sc_fam_extra(p, r, "period")
                && arf_cmp_si(arb_midref(s), 2) >= 0)
            {
                arb_set_fmpq(d->x + d->m, el, prec);
                arb_inv(d->x + d->m, d->x + d->m, prec);
                arb_set(d->y + d->m, p);
                arb_div(d->q + d->m, p, d->x + d->m, prec);
                d->at[d->m++] = i;
            }
        }
        else
            d->na++;
        d->count[d->regime[i]]++;
    }
    arb_clear(p);
    arb_clear(s);
}

/* lo, hi = min and max of v[0 .. n-1] (balls: every candidate kept). */
static void
sc_w6f_range(arb_t lo, arb_t hi, arb_srcptr v, const slong * idx, slong n,
             slong prec)
{
    slong i;

    arb_set(lo, v + idx[0]);
    arb_set(hi, v + idx[0]);
    for (i = 1; i < n; i++)
    {
        arb_min(lo, lo, v + idx[i], prec);
        arb_max(hi, hi, v + idx[i], prec);
    }
}

/* The largest max/min of the periods at one product (0 when no product
   has two periodic points). */
static void
sc_w6f_fixed_product(arb_t worst, const sc_w6f_data_struct * d,
                     const sc_family_struct * F, slong prec)
{
    slong * idx = flint_malloc(FLINT_MAX(d->m, 1) * sizeof(slong));
    slong i, j, k;
    arb_t lo, hi;

    arb_init(lo);
    arb_init(hi);
    arb_zero(worst);
    for (i = 0; i < d->m; i++)
    {
        const fmpq * el = sc_family_at(F, d->at[i], SC_FAMILY_ETA_LAMBDA);

        for (j = 0; j < i && !fmpq_equal(el, sc_family_at(F, d->at[j],
                                          SC_FAMILY_ETA_LAMBDA)); j++)
            ;
        if (j < i)
            continue;                   /* the group of an earlier point */
        for (j = i, k = 0; j < d->m; j++)
            if (fmpq_equal(el, sc_family_at(F, d->at[j],
                                            SC_FAMILY_ETA_LAMBDA)))
                idx[k++] = j;
        if (k < 2)
            continue;
        sc_w6f_range(lo, hi, d->y, idx, k, prec);
        arb_div(hi, hi, lo, prec);
        arb_max(worst, worst, hi, prec);
    }
    arb_clear(hi);
    arb_clear(lo);
    flint_free(idx);
}

static void
sc_w6f_plots(sc_fam_plot_struct * P, const sc_w6f_data_struct * d,
             const sc_family_struct * F, const arb_t a, const arb_t b)
{
    static const char * const name[SC_W6F_NREGIMES] = {
        "periodic (2 or more spikes)", "one spike", "no spike (converged)",
        "stuck (loss stays above e0/100 from T/2)", "regime undecided",
        "not applicable" };
    sc_fam_series_struct * s[2];
    double lo = 0, hi = 0;
    slong i, k, n;

    snprintf(P[0].title, sizeof(P[0].title), "period against 1/(eta "
             "lambda)");
    snprintf(P[0].xlabel, sizeof(P[0].xlabel), "1/(eta lambda)");
    snprintf(P[0].ylabel, sizeof(P[0].ylabel), "period (steps)");
    if (d->m > 0)
    {
        s[0] = sc_fam_plot_add(P, "W6 period", 0, d->m);
        s[1] = sc_fam_plot_add(P, "least-squares fit", 1, 2);
        for (i = 0; i < d->m; i++)
        {
            s[0]->x[i] = sc_num_get_d_heuristic(d->x + i);
            s[0]->y[i] = sc_num_get_d_heuristic(d->y + i);
            lo = (i == 0 || s[0]->x[i] < lo) ? s[0]->x[i] : lo;
            hi = (i == 0 || s[0]->x[i] > hi) ? s[0]->x[i] : hi;
        }
        s[1]->x[0] = lo;
        s[1]->x[1] = hi;
        s[1]->y[0] = sc_num_get_d_heuristic(a)
                     + sc_num_get_d_heuristic(b) * lo;
        s[1]->y[1] = sc_num_get_d_heuristic(a)
                     + sc_num_get_d_heuristic(b) * hi;
    }
    snprintf(P[1].title, sizeof(P[1].title), "regimes over (eta, lambda)");
    snprintf(P[1].xlabel, sizeof(P[1].xlabel), "eta");
    snprintf(P[1].ylabel, sizeof(P[1].ylabel), "lambda");
    P[1].logx = P[1].logy = 1;
    for (k = 0; k < SC_W6F_NREGIMES; k++)
    {
        sc_fam_series_struct * r;

        if (d->count[k] == 0
            || (r = sc_fam_plot_add(P + 1, name[k], 0, d->count[k])) == NULL)
            continue;
        for (i = 0, n = 0; i < F->npoints; i++)
            if (d->regime[i] == k)
            {
                r->x[n] = fmpq_get_d(sc_family_at(F, i, SC_FAMILY_ETA));
                r->y[n++] = fmpq_get_d(sc_family_at(F, i, SC_FAMILY_LAMBDA));
            }
    }
}

/* HOLDS when max q / min q - 1 <= tol, VIOLATED when certainly above. */
static int
sc_w6f_verdict(sc_result_t res, const arb_t spread, const fmpq_t tol,
               slong prec)
{
    arb_t t;
    int status;

    arb_init(t);
    arb_set_fmpq(t, tol, prec);
    arb_add_ui(t, t, 1, prec);
    status = sc_fam_within(res, spread, t, "max / min of period * eta * "
                           "lambda against 1 + tolerance");
    arb_clear(t);
    return status;
}

static void
sc_w6f_reason(sc_result_t res, const sc_w6f_data_struct * d,
              const arb_t spread, const arb_t a, const arb_t b)
{
    char * ss = arb_get_str(spread, 6, ARB_STR_NO_RADIUS);
    char * sa = arb_get_str(a, 4, ARB_STR_NO_RADIUS);
    char * sb = arb_get_str(b, 4, ARB_STR_NO_RADIUS);

    sc_result_reason(res, "period * eta * lambda over %ld points with 2 or "
                     "more spikes: max / min = %s, %s the tolerance; fit "
                     "period = %s / (eta lambda) + %s; regimes: %ld "
                     "periodic, %ld one spike, %ld no spike, %ld stuck, %ld "
                     "undecided", (long) d->m, ss,
                     res->verdict == SC_HOLDS ? "within" : "outside", sb, sa,
                     (long) d->count[SC_W6F_PERIODIC],
                     (long) d->count[SC_W6F_ONE],
                     (long) d->count[SC_W6F_NONE],
                     (long) d->count[SC_W6F_STUCK],
                     (long) d->count[SC_W6F_UNDECIDED]);
    flint_free(sb);
    flint_free(sa);
    flint_free(ss);
}

int
sc_fam_w6_period_judge(sc_result_t res, sc_fam_plot_struct * P,
                       const sc_fam_points_struct * pts, slong prec)
{
    const sc_family_struct * F = pts->F;
    slong n = F->npoints, i;
    sc_w6f_data_struct d;
    arb_t a, b, rms, lo, hi, v;
    int status = SC_OK, sc;

    d.x = _arb_vec_init(n);
    d.y = _arb_vec_init(n);
    d.q = _arb_vec_init(n);
    d.at = flint_malloc(n * sizeof(slong));
    d.regime = flint_malloc(n * sizeof(int));
    arb_init(a);
    arb_init(b);
    arb_init(rms);
    arb_init(lo);
    arb_init(hi);
    arb_init(v);
    sc_w6f_collect(&d, pts, prec);
    sc_result_set_extra_si(res, "law_points", d.m);
    sc_result_set_extra_si(res, "periodic", d.count[SC_W6F_PERIODIC]);
    sc_result_set_extra_si(res, "one_spike", d.count[SC_W6F_ONE]);
    sc_result_set_extra_si(res, "no_spike", d.count[SC_W6F_NONE]);
    sc_result_set_extra_si(res, "stuck", d.count[SC_W6F_STUCK]);
    sc_result_set_extra_si(res, "regime_undecided",
                           d.count[SC_W6F_UNDECIDED]);
    if (d.undecided > 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "%ld of %ld points have no decided [W6-a] "
                         "record (first: %s)", (long) d.undecided, (long) n,
                         F->cases[d.first_bad].name);
        goto cleanup;
    }
    sc = d.m >= 3 ? sc_num_fit_line(a, b, rms, d.x, d.y, d.m, prec)
                  : SC_DOMAIN;
    if (sc == SC_DOMAIN)
    {
        sc_result_not_applicable(res, "3 points with a period at 2 "
                                 "products", "%ld of %ld points have 2 or "
                                 "more spikes under [W6-a] (at least 3, at 2 "
                                 "or more products eta lambda, needed)",
                                 (long) d.m, (long) n);
        if (d.na < n)
            sc_w6f_plots(P, &d, F, a, b);
        goto cleanup;
    }
    if (sc != SC_OK)
    {
        sc_result_reason(res, "the points' 1/(eta lambda) not separated");
        status = SC_UNABLE;
        goto cleanup;
    }
    {
        slong * all = flint_malloc(d.m * sizeof(slong));

        for (i = 0; i < d.m; i++)
            all[i] = i;
        sc_w6f_range(lo, hi, d.q, all, d.m, prec);
        flint_free(all);
    }
    arb_div(v, hi, lo, prec);
    sc_result_set_predicted_si(res, 1);
    sc_result_set_observed(res, v);
    arb_set_fmpq(hi, pts->tol, prec);
    sc_result_set_extra(res, "tolerance", hi);
    sc_result_set_extra(res, "slope", b);
    sc_result_set_extra(res, "intercept", a);
    sc_result_set_extra(res, "residual_rms", rms);
    sc_w6f_fixed_product(hi, &d, F, prec);
    if (!arb_is_zero(hi))
        sc_result_set_extra(res, "fixed_product_spread", hi);
    sc_w6f_plots(P, &d, F, a, b);
    status = sc_w6f_verdict(res, v, pts->tol, prec);
    if (status == SC_OK)
        sc_w6f_reason(res, &d, v, a, b);

cleanup:
    arb_clear(v);
    arb_clear(hi);
    arb_clear(lo);
    arb_clear(rms);
    arb_clear(b);
    arb_clear(a);
    flint_free(d.regime);
    flint_free(d.at);
    _arb_vec_clear(d.q, n);
    _arb_vec_clear(d.y, n);
    _arb_vec_clear(d.x, n);
    return status;
}
