/*
 * [FAM-T5-entry] Theorem 5's first takeaway on the logistic line
 * (observational; issue 16): "a larger learning rate and a smaller
 * initialization norm make the small-ratio regime easier to reach".
 *
 *   Measured per point by [T5.2-W]'s extra entry_half_t: the first step
 *   with rho_t <= rho_0 / 2 (-1: not by the horizon, later than every
 *   step).  Checked over the grid (eta and ||w_0||^2 = norm2):
 *   (i) the entry step depends on eta and ||w_0|| only through the
 *       effective step x = eta / ||w_0||^2 (scale invariance, [L12] and
 *       seed 004's Prop. 4 with gamma's own step: exact, so equal x give
 *       equal steps);
 *   (ii) it does not come later at a larger x: x_i < x_j implies
 *       entry_j <= entry_i.
 *   A certified pair against (i) or (ii) is VIOLATED (predicted: the
 *   bound, observed: the entry step).  Every comparison is of exact
 *   integers and exact rationals (x from each case's exact W_0), so
 *   there is no tolerance.  Reported: the least-squares line entry =
 *   intercept + slope ||w_0||^2 / eta over the points that enter (the
 *   inverse law a step bound of the form a_T >= a_0 + T eta Q suggests),
 *   its residual, and the points that never enter.
 */
#include "theorems/families/families.h"
#include "num/num.h"

typedef struct
{
    slong m, na, undecided, never, first_bad;
    fmpq * x;               /* eta / W_0 of each usable point */
    slong * t;              /* its entry step, -1: never */
    slong * at;             /* its point */
}
sc_t5f_data_struct;

static void
sc_t5f_collect(sc_t5f_data_struct * d, const sc_fam_points_struct * pts)
{
    const sc_family_struct * F = pts->F;
    arb_t e;
    slong i;

    arb_init(e);
    d->m = d->na = d->undecided = d->never = 0;
    d->first_bad = -1;
    for (i = 0; i < F->npoints; i++)
    {
        const sc_result_struct * r = pts->rec[i * pts->nneed];
        sc_data_t D;

        if (r == NULL || r->verdict == SC_UNDECIDED
            || (r->verdict != SC_NOT_APPLICABLE
                && !sc_fam_extra(e, r, "entry_half_t")))
        {
            d->undecided++;
            d->first_bad = d->first_bad < 0 ? i : d->first_bad;
            continue;
        }
        if (r->verdict == SC_NOT_APPLICABLE)
        {
            d->na++;
            continue;
        }
        sc_data_init(D, F->cases + i);
        fmpq_div(d->x + d->m, F->cases[i].eta, D->W0);
        sc_data_clear(D);
        d->t[d->m] = arf_get_si(arb_midref(e), ARF_RND_NEAR);
        d->never += d->t[d->m] < 0;
        d->at[d->m++] = i;
    }
    arb_clear(e);
}

/* entry_i "<=" entry_j with -1 as +infinity. */
static int
sc_t5f_le(slong a, slong b)
{
    return b < 0 || (a >= 0 && a <= b);
}

/* The first pair against (i) or (ii): SC_FALSE with *i, *j (point j
   breaks the bound entry_i), else SC_TRUE. */
static sc_truth_t
sc_t5f_pairs(slong * bi, slong * bj, const sc_t5f_data_struct * d)
{
    slong i, j;

    for (i = 0; i < d->m; i++)
        for (j = 0; j < d->m; j++)
        {
            int c = fmpq_cmp(d->x + i, d->x + j);

            if ((c == 0 && d->t[i] != d->t[j])
                || (c < 0 && !sc_t5f_le(d->t[j], d->t[i])))
            {
                *bi = i;
                *bj = j;
                return SC_FALSE;
            }
        }
    return SC_TRUE;
}

/* The fit of entry against W_0 / eta over the points that enter, and the
   plot (doubles, display). */
static void
sc_t5f_fit(sc_result_t res, sc_fam_plot_struct * P,
           const sc_t5f_data_struct * d, slong prec)
{
    arb_ptr x = _arb_vec_init(FLINT_MAX(d->m, 1));
    arb_ptr y = _arb_vec_init(FLINT_MAX(d->m, 1));
    sc_fam_series_struct * s[2];
    arb_t a, b, rms;
    slong i, n = 0;
    double lo = 0, hi = 0;

    arb_init(a);
    arb_init(b);
    arb_init(rms);
    for (i = 0; i < d->m; i++)
        if (d->t[i] >= 0)
        {
            arb_set_fmpq(x + n, d->x + i, prec);
            arb_inv(x + n, x + n, prec);
            arb_set_si(y + n++, d->t[i]);
        }
    snprintf(P->title, sizeof(P->title), "entry below rho0/2 against "
             "||w0||^2/eta");
    snprintf(P->xlabel, sizeof(P->xlabel), "||w0||^2 / eta");
    snprintf(P->ylabel, sizeof(P->ylabel), "first step with rho <= rho0/2");
    s[0] = sc_fam_plot_add(P, "entry step (T5.2-W)", 0, n);
    for (i = 0; i < n; i++)
    {
        s[0]->x[i] = sc_num_get_d_heuristic(x + i);
        s[0]->y[i] = sc_num_get_d_heuristic(y + i);
        lo = (i == 0 || s[0]->x[i] < lo) ? s[0]->x[i] : lo;
        hi = (i == 0 || s[0]->x[i] > hi) ? s[0]->x[i] : hi;
    }
    if (n >= 2 && sc_num_fit_line(a, b, rms, x, y, n, prec) == SC_OK)
    {
        sc_result_set_extra(res, "slope", b);
        sc_result_set_extra(res, "intercept", a);
        sc_result_set_extra(res, "residual_rms", rms);
        s[1] = sc_fam_plot_add(P, "least-squares fit", 1, 2);
        s[1]->x[0] = lo;
        s[1]->x[1] = hi;
        s[1]->y[0] = sc_num_get_d_heuristic(a)
                     + sc_num_get_d_heuristic(b) * lo;
        s[1]->y[1] = sc_num_get_d_heuristic(a)
                     + sc_num_get_d_heuristic(b) * hi;
    }
    arb_clear(rms);
    arb_clear(b);
    arb_clear(a);
    _arb_vec_clear(y, FLINT_MAX(d->m, 1));
    _arb_vec_clear(x, FLINT_MAX(d->m, 1));
}

static void
sc_t5f_verdict(sc_result_t res, const sc_t5f_data_struct * d,
               const sc_family_struct * F)
{
    slong i = 0, j = 0;

    if (sc_t5f_pairs(&i, &j, d) == SC_TRUE)
    {
        res->verdict = SC_HOLDS;
        sc_result_reason(res, "over %ld points (%ld never below rho_0/2) "
                         "the entry step depends on eta / ||w_0||^2 only "
                         "and comes no later at a larger one", (long) d->m,
                         (long) d->never);
        return;
    }
    res->verdict = SC_VIOLATED;
    res->step = d->t[j];
    if (d->t[i] >= 0)
        sc_result_set_predicted_si(res, d->t[i]);
    if (d->t[j] >= 0)
        sc_result_set_observed_si(res, d->t[j]);
    if (d->t[i] < 0 || d->t[j] < 0)
        sc_result_no_value(res, "an entry that never came has no step");
    sc_result_reason(res, "%s enters below rho_0/2 at step %ld, %s at "
                     "step %ld although its eta / ||w_0||^2 is %s",
                     F->cases[d->at[j]].name, (long) d->t[j],
                     F->cases[d->at[i]].name, (long) d->t[i],
                     fmpq_equal(d->x + i, d->x + j) ? "the same"
                     : "larger");
}

int
sc_fam_t5_entry_judge(sc_result_t res, sc_fam_plot_struct * P,
                      const sc_fam_points_struct * pts, slong prec)
{
    const sc_family_struct * F = pts->F;
    slong n = F->npoints, i, distinct = 0;
    sc_t5f_data_struct d;

    d.x = _fmpq_vec_init(n);
    d.t = flint_malloc(n * sizeof(slong));
    d.at = flint_malloc(n * sizeof(slong));
    sc_t5f_collect(&d, pts);
    sc_result_set_extra_si(res, "points", d.m);
    sc_result_set_extra_si(res, "points_na", d.na);
    sc_result_set_extra_si(res, "never_entered", d.never);
    for (i = 0; i < d.m; i++)
        distinct += i == 0 || !fmpq_equal(d.x + i, d.x);
    if (d.undecided > 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "%ld of %ld points have no decided [T5.2-W] "
                         "entry step (first: %s)", (long) d.undecided,
                         (long) n, F->cases[d.first_bad].name);
    }
    else if (distinct < 2)
        sc_result_not_applicable(res, "2 points with [T5.2-W]",
                                 "%ld of %ld points meet [T5.2-W]'s "
                                 "hypotheses (two eta / ||w_0||^2 needed)",
                                 (long) d.m, (long) n);
    else
    {
        sc_t5f_fit(res, P, &d, prec);
        sc_t5f_verdict(res, &d, F);
    }
    flint_free(d.at);
    flint_free(d.t);
    _fmpq_vec_clear(d.x, n);
    return SC_OK;
}
