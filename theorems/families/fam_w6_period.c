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
 * at one product, when a product has two periodic points), and the regime
 * counts periodic (>= 2 spikes), one_spike, no_spike.  The regime map
 * (eta, lambda) is the second plot.  [W6-a] records no loss level, so a
 * run that is stuck at a high loss and one that converged without a
 * spike are both "no spike" here.
 */
#include "theorems/families/families.h"
#include "num/num.h"

typedef struct
{
    slong m, na, undecided, one, none;
    slong first_bad;
    arb_ptr x, y, q;        /* 1/(eta lambda), period, period eta lambda */
    slong * at;             /* the point of each periodic entry */
    int * regime;           /* per point: 0 periodic, 1 one spike, 2 no
                               spike, 3 not applicable */
}
sc_w6f_data_struct;

static void
sc_w6f_collect(sc_w6f_data_struct * d, const sc_fam_points_struct * pts,
               slong prec)
{
    const sc_family_struct * F = pts->F;
    arb_t s, p;
    slong i;

    arb_init(s);
    arb_init(p);
    d->m = d->na = d->undecided = d->one = d->none = 0;
    d->first_bad = -1;
    for (i = 0; i < F->npoints; i++)
    {
        const sc_result_struct * r = pts->rec[i * pts->nneed];
        const fmpq * el = sc_family_at(F, i, SC_FAMILY_ETA_LAMBDA);

        d->regime[i] = 3;
        if (r == NULL || r->verdict == SC_UNDECIDED)
        {
            d->undecided++;
            d->first_bad = d->first_bad < 0 ? i : d->first_bad;
            continue;
        }
        if (r->verdict == SC_NOT_APPLICABLE || !sc_fam_extra(s, r, "spikes")
            || fmpq_sgn(el) <= 0)
        {
            d->na++;
            continue;
        }
        if (!sc_fam_extra(p, r, "period") || arf_cmp_si(arb_midref(s), 2) < 0)
        {
            d->regime[i] = arf_cmp_si(arb_midref(s), 1) == 0 ? 1 : 2;
            d->one += d->regime[i] == 1;
            d->none += d->regime[i] == 2;
            continue;
        }
        d->regime[i] = 0;
        arb_set_fmpq(d->x + d->m, el, prec);
        arb_inv(d->x + d->m, d->x + d->m, prec);
        arb_set(d->y + d->m, p);
        arb_div(d->q + d->m, p, d->x + d->m, prec);
        d->at[d->m++] = i;
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
    static const char * const name[] = { "periodic (2 or more spikes)",
        "one spike", "no spike", "not applicable" };
    sc_fam_series_struct * s[2];
    double lo = 0, hi = 0;
    slong i, k, n, cnt[4] = { 0, 0, 0, 0 };

    snprintf(P[0].title, sizeof(P[0].title), "period against 1/(eta "
             "lambda)");
    snprintf(P[0].xlabel, sizeof(P[0].xlabel), "1/(eta lambda)");
    snprintf(P[0].ylabel, sizeof(P[0].ylabel), "period (steps)");
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
    s[1]->y[0] = sc_num_get_d_heuristic(a) + sc_num_get_d_heuristic(b) * lo;
    s[1]->y[1] = sc_num_get_d_heuristic(a) + sc_num_get_d_heuristic(b) * hi;
    snprintf(P[1].title, sizeof(P[1].title), "regimes over (eta, lambda)");
    snprintf(P[1].xlabel, sizeof(P[1].xlabel), "eta");
    snprintf(P[1].ylabel, sizeof(P[1].ylabel), "lambda");
    P[1].logx = P[1].logy = 1;
    for (i = 0; i < F->npoints; i++)
        cnt[d->regime[i]]++;
    for (k = 0; k < 4; k++)
    {
        sc_fam_series_struct * r;

        if (cnt[k] == 0 || (r = sc_fam_plot_add(P + 1, name[k], 0, cnt[k]))
                           == NULL)
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

    sc_result_reason(res, "period * eta * lambda over %ld periodic points: "
                     "max / min = %s, %s the tolerance; fit period = %s / "
                     "(eta lambda) + %s; regimes: %ld periodic, %ld one "
                     "spike, %ld no spike", (long) d->m, ss,
                     res->verdict == SC_HOLDS ? "within" : "outside", sb, sa,
                     (long) d->m, (long) d->one, (long) d->none);
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
    sc_result_set_extra_si(res, "periodic", d.m);
    sc_result_set_extra_si(res, "one_spike", d.one);
    sc_result_set_extra_si(res, "no_spike", d.none);
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
        sc_result_not_applicable(res, "3 periodic points at 2 products",
                                 "%ld of %ld points are periodic under "
                                 "[W6-a] (at least 3, at 2 or more products "
                                 "eta lambda, needed)", (long) d.m, (long) n);
        if (d.m > 0 || d.one + d.none > 0)
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
