/*
 * [FAM-T5-exit], [FAM-T5-depth] Theorem 5's second takeaway on the
 * logistic line (observational; issue 16): "the delayed directional
 * instability also depends on both the margin and the condition number
 * ... smaller margins and worse conditioning push the dynamics deeper
 * into the low-directional-error regime before a positive-alignment
 * rising branch can start", and "the directional exit threshold ...
 * scales with" the margin (item 3; LOGISTIC.md 2.7: rho_exit >=
 * sqrt(kappa lmax) / m).
 *
 *   Both read [T5.3-3]'s record per point of a grid over the logistic
 *   generator's margin (data.margin; LOGISTIC.md s.3 builds the data
 *   around it, so the conditioning moves with it: kappa is shown).  The
 *   margin of a point is its data's certified one, m^2 = 1 / ||w*||^2
 *   (exact), never the grid's number.
 *   [FAM-T5-exit]  the exit threshold (extra rho_exit_min, the least
 *                  rho_exit over the run's admissible states) is no
 *                  smaller at a smaller margin: m_i < m_j implies
 *                  rho_exit_i >= rho_exit_j.
 *   [FAM-T5-depth] the directional error where the first positive-
 *                  alignment rising branch starts (extra rho_rise_first)
 *                  is no larger at a smaller margin: m_i < m_j implies
 *                  rho_rise_i <= rho_rise_j.  A point whose run has no
 *                  rising admissible step has no branch and is left out
 *                  (counted in no_rise); one whose first such step is
 *                  undecided makes the claim UNDECIDED.
 *   Each comparison is of the records' balls: a certified pair against
 *   the claim is VIOLATED (predicted: the bound set by the other point,
 *   observed: the value), balls that overlap leave it undecided.  No
 *   tolerance.  Reported, never judged: the least-squares line of
 *   ln(value) against ln(1/m) (its slope is the power of 1/m), and for
 *   the exit threshold the spec's lower bound sqrt(kappa lmax) / m.
 */
#include <math.h>
#include "theorems/families/families.h"
#include "num/num.h"

typedef enum
{
    SC_T5M_EXIT, SC_T5M_DEPTH
}
sc_t5m_kind_t;

typedef struct
{
    sc_t5m_kind_t kind;
    slong m, na, undecided, no_rise, first_bad;
    fmpq * m2;              /* the margin^2 of each usable point */
    arb_ptr v;              /* its value: rho_exit_min or rho_rise_first */
    arb_ptr bound;          /* sqrt(kappa lmax) / m (exit only) */
    arb_ptr kappa;
    slong * t;              /* the first rising step (depth), else -1 */
    slong * at;             /* its point */
}
sc_t5m_data_struct;

static void
sc_t5m_init(sc_t5m_data_struct * d, sc_t5m_kind_t kind, slong n)
{
    d->kind = kind;
    d->m = d->na = d->undecided = d->no_rise = 0;
    d->first_bad = -1;
    d->m2 = _fmpq_vec_init(FLINT_MAX(n, 1));
    d->v = _arb_vec_init(FLINT_MAX(n, 1));
    d->bound = _arb_vec_init(FLINT_MAX(n, 1));
    d->kappa = _arb_vec_init(FLINT_MAX(n, 1));
    d->t = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    d->at = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
}

static void
sc_t5m_clear(sc_t5m_data_struct * d, slong n)
{
    flint_free(d->at);
    flint_free(d->t);
    _arb_vec_clear(d->kappa, FLINT_MAX(n, 1));
    _arb_vec_clear(d->bound, FLINT_MAX(n, 1));
    _arb_vec_clear(d->v, FLINT_MAX(n, 1));
    _fmpq_vec_clear(d->m2, FLINT_MAX(n, 1));
}

static void
sc_t5m_undecided(sc_t5m_data_struct * d, slong i)
{
    d->undecided++;
    d->first_bad = d->first_bad < 0 ? i : d->first_bad;
}

/* Point i's margin^2, kappa and sqrt(kappa lmax) / m into slot d->m,
   from its data (the exact SVM and the certified spectrum); 0 when the
   data have no certified margin. */
static int
sc_t5m_data(sc_t5m_data_struct * d, const sc_case_struct * c, slong prec)
{
    sc_data_t D;
    arb_t lmin, lmax;
    int ok;

    sc_data_init(D, c);
    ok = D->has_ref && D->has_svm;
    if (ok)
    {
        arb_init(lmin);
        arb_init(lmax);
        fmpq_inv(d->m2 + d->m, D->c2);
        sc_svm_lambda(lmin, lmax, D->svm, prec);
        arb_div(d->kappa + d->m, lmax, lmin, prec);
        /* sqrt(kappa lmax) / m = sqrt(kappa lmax c2) */
        arb_mul(d->bound + d->m, d->kappa + d->m, lmax, prec);
        arb_set_fmpq(lmin, D->c2, prec);
        arb_mul(d->bound + d->m, d->bound + d->m, lmin, prec);
        arb_sqrtpos(d->bound + d->m, d->bound + d->m, prec);
        arb_clear(lmax);
        arb_clear(lmin);
    }
    sc_data_clear(D);
    return ok;
}

/* Point i's value from its [T5.3-3] record into slot d->m (the slot is
   kept only when the point is usable). */
static void
sc_t5m_point(sc_t5m_data_struct * d, const sc_result_struct * r,
             const sc_case_struct * c, slong i, slong prec)
{
    arb_t e;

    if (r == NULL || r->verdict == SC_UNDECIDED)
    {
        sc_t5m_undecided(d, i);
        return;
    }
    if (r->verdict == SC_NOT_APPLICABLE)
    {
        d->na++;
        return;
    }
    arb_init(e);
    d->t[d->m] = -1;
    if (d->kind == SC_T5M_EXIT && !sc_fam_extra(d->v + d->m, r,
                                                "rho_exit_min"))
        sc_t5m_undecided(d, i);
    else if (d->kind == SC_T5M_DEPTH
             && sc_fam_extra(e, r, "rise_first_undecided"))
        sc_t5m_undecided(d, i);
    else if (d->kind == SC_T5M_DEPTH
             && !sc_fam_extra(d->v + d->m, r, "rho_rise_first"))
        d->no_rise++;
    else if (!sc_t5m_data(d, c, prec))
        sc_t5m_undecided(d, i);
    else
    {
        if (d->kind == SC_T5M_DEPTH && sc_fam_extra(e, r, "rise_first_t"))
            d->t[d->m] = arf_get_si(arb_midref(e), ARF_RND_NEAR);
        d->at[d->m++] = i;
    }
    arb_clear(e);
}

static void
sc_t5m_collect(sc_t5m_data_struct * d, const sc_fam_points_struct * pts,
               slong prec)
{
    slong i;

    for (i = 0; i < pts->F->npoints; i++)
        sc_t5m_point(d, pts->rec[i * pts->nneed], pts->F->cases + i, i,
                     prec);
}

/* The claim between a point at the smaller margin (value a) and one at
   the larger (value b): exit a >= b, depth a <= b. */
static sc_truth_t
sc_t5m_pair(const sc_t5m_data_struct * d, const arb_t a, const arb_t b)
{
    return d->kind == SC_T5M_EXIT ? sc_num_ge(a, b) : sc_num_le(a, b);
}

/* How far pair (i, j) is against the claim, for choosing the one to
   show (display only): the ratio of the values, the right way up. */
static double
sc_t5m_against(const sc_t5m_data_struct * d, slong i, slong j)
{
    double a = sc_num_get_d_heuristic(d->v + i);
    double b = sc_num_get_d_heuristic(d->v + j);

    return d->kind == SC_T5M_EXIT ? b / a : a / b;
}

/* SC_FALSE when a pair is certainly against the claim (*bi at the
   smaller margin, *bj: the pair furthest against it); else SC_UNKNOWN
   when a pair is undecided, else SC_TRUE. */
static sc_truth_t
sc_t5m_pairs(slong * bi, slong * bj, const sc_t5m_data_struct * d)
{
    sc_truth_t all = SC_TRUE;
    slong i, j;

    for (i = 0; i < d->m; i++)
        for (j = 0; j < d->m; j++)
        {
            sc_truth_t r;

            if (fmpq_cmp(d->m2 + i, d->m2 + j) >= 0)
                continue;
            r = sc_t5m_pair(d, d->v + i, d->v + j);
            if (r == SC_FALSE && (all != SC_FALSE || sc_t5m_against(d, i, j)
                                  > sc_t5m_against(d, *bi, *bj)))
            {
                *bi = i;
                *bj = j;
                all = SC_FALSE;
            }
            else if (r == SC_UNKNOWN && all == SC_TRUE)
                all = SC_UNKNOWN;
        }
    return all;
}

/* x = ln(1/m) = -ln(m^2) / 2 of slot i */
static void
sc_t5m_log_inv_m(arb_t x, const sc_t5m_data_struct * d, slong i,
                 slong prec)
{
    arb_set_fmpq(x, d->m2 + i, prec);
    arb_log(x, x, prec);
    arb_mul_2exp_si(x, x, -1);
    arb_neg(x, x);
}

/* The fit of ln(value) against ln(1/m) and the plots (doubles, display):
   the value (and for the exit threshold its lower bound) against m, and
   for the depth the first rising step against m. */
static void
sc_t5m_fit(sc_result_t res, sc_fam_plot_struct * P,
           const sc_t5m_data_struct * d, slong prec)
{
    arb_ptr x = _arb_vec_init(FLINT_MAX(d->m, 1));
    arb_ptr y = _arb_vec_init(FLINT_MAX(d->m, 1));
    sc_fam_series_struct * s[3];
    int exit = d->kind == SC_T5M_EXIT;
    arb_t a, b, rms;
    slong i, n = 0;

    arb_init(a);
    arb_init(b);
    arb_init(rms);
    snprintf(P->title, sizeof(P->title), exit ? "exit threshold against "
             "the margin" : "rho where the first rising branch starts, "
             "against the margin");
    snprintf(P->xlabel, sizeof(P->xlabel), "margin m");
    snprintf(P->ylabel, sizeof(P->ylabel), exit ? "least exit threshold (T5.3-3)"
             : "rho at the first rising step (T5.3-3)");
    P->logx = P->logy = 1;
    s[0] = sc_fam_plot_add(P, exit ? "least exit threshold"
                           : "rho at the first rise", 0, d->m);
    /* drawn as a line: the bound is a curve through the points' own
       values, often on top of them */
    s[1] = exit ? sc_fam_plot_add(P, "sqrt(kappa lmax)/m", 1, d->m) : NULL;
    for (i = 0; i < d->m; i++)
    {
        sc_t5m_log_inv_m(x + n, d, i, prec);
        s[0]->x[i] = exp(-sc_num_get_d_heuristic(x + n));
        s[0]->y[i] = sc_num_get_d_heuristic(d->v + i);
        if (s[1] != NULL)
        {
            s[1]->x[i] = s[0]->x[i];
            s[1]->y[i] = sc_num_get_d_heuristic(d->bound + i);
        }
        if (arb_is_positive(d->v + i))
            arb_log(y + n++, d->v + i, prec);
    }
    if (n == d->m && n >= 2
        && sc_num_fit_line(a, b, rms, x, y, n, prec) == SC_OK)
    {
        sc_result_set_extra(res, "slope_ln_inv_m", b);
        sc_result_set_extra(res, "residual_rms", rms);
    }
    if (!exit && (s[2] = sc_fam_plot_add(P + 1, "first rising step", 0,
                                         d->m)) != NULL)
    {
        snprintf(P[1].title, sizeof(P[1].title), "first rising step "
                 "against the margin");
        snprintf(P[1].xlabel, sizeof(P[1].xlabel), "margin m");
        snprintf(P[1].ylabel, sizeof(P[1].ylabel), "step");
        P[1].logx = 1;
        for (i = 0; i < d->m; i++)
        {
            s[2]->x[i] = s[0]->x[i];
            s[2]->y[i] = (double) d->t[i];
        }
    }
    arb_clear(rms);
    arb_clear(b);
    arb_clear(a);
    _arb_vec_clear(y, FLINT_MAX(d->m, 1));
    _arb_vec_clear(x, FLINT_MAX(d->m, 1));
}

static int
sc_t5m_verdict(sc_result_t res, const sc_t5m_data_struct * d,
               const sc_family_struct * F)
{
    const char * what = d->kind == SC_T5M_EXIT ? "exit threshold"
                        : "rho at the first rising step";
    slong i = 0, j = 0;
    sc_truth_t r = sc_t5m_pairs(&i, &j, d);

    if (r == SC_UNKNOWN)
    {
        sc_result_reason(res, "the balls of two points' %s overlap", what);
        return SC_UNABLE;
    }
    if (r == SC_TRUE)
    {
        res->verdict = SC_HOLDS;
        if (d->kind == SC_T5M_EXIT)
            sc_result_reason(res, "over %ld margins the exit threshold is "
                             "no smaller at a smaller margin", (long) d->m);
        else
            sc_result_reason(res, "over %ld margins (%ld without a rising "
                             "step) the first rising branch starts no "
                             "higher at a smaller margin", (long) d->m,
                             (long) d->no_rise);
        return SC_OK;
    }
    res->verdict = SC_VIOLATED;
    res->step = d->t[i];
    sc_result_set_predicted(res, d->v + j);
    sc_result_set_observed(res, d->v + i);
    sc_result_reason(res, "%s: %s %.3g %s %s's %.3g although its margin "
                     "is smaller (kappa %.3g against %.3g)",
                     F->cases[d->at[i]].name, what,
                     sc_num_get_d_heuristic(d->v + i),
                     d->kind == SC_T5M_EXIT ? "below" : "above",
                     F->cases[d->at[j]].name,
                     sc_num_get_d_heuristic(d->v + j),
                     sc_num_get_d_heuristic(d->kappa + i),
                     sc_num_get_d_heuristic(d->kappa + j));
    return SC_OK;
}

static int
sc_t5m_judge(sc_result_t res, sc_fam_plot_struct * P,
             const sc_fam_points_struct * pts, sc_t5m_kind_t kind,
             slong prec)
{
    const sc_family_struct * F = pts->F;
    sc_t5m_data_struct d;
    slong i, distinct = 0;
    int status = SC_OK;

    sc_t5m_init(&d, kind, F->npoints);
    sc_t5m_collect(&d, pts, prec);
    sc_result_set_extra_si(res, "points", d.m);
    sc_result_set_extra_si(res, "points_na", d.na);
    if (kind == SC_T5M_DEPTH)
        sc_result_set_extra_si(res, "no_rise", d.no_rise);
    for (i = 0; i < d.m; i++)
        distinct += i == 0 || !fmpq_equal(d.m2 + i, d.m2);
    if (d.undecided > 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "%ld of %ld points have no decided [T5.3-3] "
                         "%s (first: %s)", (long) d.undecided,
                         (long) F->npoints, kind == SC_T5M_EXIT
                         ? "exit threshold" : "first rising step",
                         F->cases[d.first_bad].name);
    }
    else if (distinct < 2)
        sc_result_not_applicable(res, "2 margins with [T5.3-3]",
                                 "%ld of %ld points meet [T5.3-3]'s "
                                 "hypotheses%s (two margins needed)",
                                 (long) d.m, (long) F->npoints,
                                 kind == SC_T5M_DEPTH ? " with a rising "
                                 "step" : "");
    else
    {
        sc_t5m_fit(res, P, &d, prec);
        status = sc_t5m_verdict(res, &d, F);
    }
    sc_t5m_clear(&d, F->npoints);
    return status;
}

int
sc_fam_t5_exit_judge(sc_result_t res, sc_fam_plot_struct * P,
                     const sc_fam_points_struct * pts, slong prec)
{
    return sc_t5m_judge(res, P, pts, SC_T5M_EXIT, prec);
}

int
sc_fam_t5_depth_judge(sc_result_t res, sc_fam_plot_struct * P,
                      const sc_fam_points_struct * pts, slong prec)
{
    return sc_t5m_judge(res, P, pts, SC_T5M_DEPTH, prec);
}
