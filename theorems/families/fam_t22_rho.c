/*
 * [FAM-T2.2-rho] Theorem 2's waiting time against ln(1/rho_0)
 * (observational; issue 16).
 *
 *   At fixed eta, eta_gamma, gamma_0 (the grid varies rho_0 only), the
 *   first rising step t1 grows like ln(1/rho_0) / eta_gamma: "delayed
 *   onset is more pronounced when the iterate is already better aligned".
 *   The closed form of [T2.2] makes the law precise: t* = ln(A eta_g /
 *   B) / eta_g with B proportional to s0^2 ~ rho_0^2, so T_cf has slope
 *   2/eta_gamma in ln(1/rho_0).  Checked: the least-squares slope b of t1
 *   against x = ln(1/rho_0) over the points where [T2.2-T]'s hypotheses
 *   hold at t0 = 0 (the law is about rho_0, the state at t0 = 0) satisfies
 *   |b / (2/eta_gamma) - 1| <= tolerance (a parameter of the claim, the
 *   family file's "tolerance", default 1/4).
 *
 * x is computed from the exact rho_0^2 of each point's case (the
 * generator reaches the grid's rho_0 to about 100 bits only), t1 and
 * T_cf are the [T2.2-T] record's certified observed value and extra, so
 * the fit is a certified function of certified data.  Record: predicted
 * 2/eta_gamma, observed b; extras ratio = b / (2/eta_gamma), tolerance,
 * intercept, residual_rms, slope_T_cf (T_cf's own least-squares slope),
 * ratio_T_cf (its ratio to 2/eta_gamma), points, points_na.
 */
#include "theorems/families/families.h"
#include "num/num.h"

/* What the points say: the usable ones into x, t1 (and T_cf), counts. */
typedef struct
{
    slong m, na, undecided, missing;
    slong first_bad;            /* a point that is N/A or UNDECIDED */
    arb_ptr x, y, yc;
}
sc_t22f_data_struct;

/* x = ln(1/rho_0) = -ln(rho_0^2) / 2 of the case c, exactly derived;
   0 when rho_0 is not a positive number (no reference direction). */
static int
sc_t22f_x(arb_t x, const sc_case_struct * c, slong prec)
{
    sc_data_t D;
    int ok;

    sc_data_init(D, c);
    ok = D->has_ref && fmpq_sgn(D->rho0_sq) > 0
         && fmpq_sgn(D->w0_wstar) > 0;
    if (ok)
    {
        arb_set_fmpq(x, D->rho0_sq, prec);
        arb_log(x, x, prec);
        arb_mul_2exp_si(x, x, -1);
        arb_neg(x, x);
    }
    sc_data_clear(D);
    return ok;
}

static void
sc_t22f_collect(sc_t22f_data_struct * d, const sc_fam_points_struct * pts,
                slong prec)
{
    const sc_family_struct * F = pts->F;
    slong i;
    arb_t t0;

    arb_init(t0);
    d->m = d->na = d->undecided = d->missing = 0;
    d->first_bad = -1;
    for (i = 0; i < F->npoints; i++)
    {
        const sc_result_struct * r = pts->rec[i * pts->nneed];
        int use;

        if (r == NULL || r->verdict == SC_UNDECIDED)
        {
            d->missing += r == NULL;
            d->undecided += r != NULL;
            if (d->first_bad < 0)
                d->first_bad = i;
            continue;
        }
        /* usable: the hypotheses hold at t0 = 0 and an onset was seen */
        use = r->verdict != SC_NOT_APPLICABLE && r->has_observed
              && sc_fam_extra(t0, r, "t0") && arb_is_zero(t0)
              && sc_fam_extra(d->yc + d->m, r, "T_cf")
              && sc_t22f_x(d->x + d->m, F->cases + i, prec);
        if (!use)
        {
            d->na++;
            if (d->first_bad < 0)
                d->first_bad = i;
            continue;
        }
        arb_set(d->y + d->m, r->observed);
        d->m++;
    }
    arb_clear(t0);
}

/* The plot: t1 and T_cf against x, the fitted line, the reference
   slope 2/eta_gamma through the points' centre (doubles, display). */
static void
sc_t22f_plot(sc_fam_plot_struct * P, const sc_t22f_data_struct * d,
             const arb_t a, const arb_t b, const arb_t pred, slong prec)
{
    sc_fam_series_struct * s[4];
    double lo = 0, hi = 0, xb = 0, yb = 0, k;
    slong i;

    snprintf(P->xlabel, sizeof(P->xlabel), "ln(1/rho0)");
    snprintf(P->ylabel, sizeof(P->ylabel), "steps");
    s[0] = sc_fam_plot_add(P, "first rising step t1", 0, d->m);
    s[1] = sc_fam_plot_add(P, "T cf (closed form)", 0, d->m);
    s[2] = sc_fam_plot_add(P, "least-squares fit of t1", 1, 2);
    s[3] = sc_fam_plot_add(P, "slope 2/eta gamma", 1, 2);
    for (i = 0; i < d->m; i++)
    {
        double x = sc_num_get_d_heuristic(d->x + i);

        s[0]->x[i] = s[1]->x[i] = x;
        s[0]->y[i] = sc_num_get_d_heuristic(d->y + i);
        s[1]->y[i] = sc_num_get_d_heuristic(d->yc + i);
        lo = (i == 0 || x < lo) ? x : lo;
        hi = (i == 0 || x > hi) ? x : hi;
        xb += x / d->m;
        yb += s[0]->y[i] / d->m;
    }
    (void) prec;
    k = sc_num_get_d_heuristic(pred);
    s[2]->x[0] = s[3]->x[0] = lo;
    s[2]->x[1] = s[3]->x[1] = hi;
    s[2]->y[0] = sc_num_get_d_heuristic(a) + sc_num_get_d_heuristic(b) * lo;
    s[2]->y[1] = sc_num_get_d_heuristic(a) + sc_num_get_d_heuristic(b) * hi;
    s[3]->y[0] = yb + k * (lo - xb);
    s[3]->y[1] = yb + k * (hi - xb);
}

/* The verdict from the fit: |b / pred - 1| against the tolerance. */
static int
sc_t22f_verdict(sc_result_t res, const arb_t ratio, const fmpq_t tol,
                slong prec)
{
    arb_t dev, t;
    int status;

    arb_init(dev);
    arb_init(t);
    arb_sub_ui(dev, ratio, 1, prec);
    arb_abs(dev, dev);
    arb_set_fmpq(t, tol, prec);
    status = sc_fam_within(res, dev, t, "|slope / (2/eta_gamma) - 1| "
                           "against the tolerance");
    arb_clear(t);
    arb_clear(dev);
    return status;
}

int
sc_fam_t22_rho_judge(sc_result_t res, sc_fam_plot_struct * P,
                     const sc_fam_points_struct * pts, slong prec)
{
    const sc_family_struct * F = pts->F;
    sc_t22f_data_struct d;
    arb_t a, b, rms, ac, bc, rmsc, pred, q;
    int status = SC_OK, sc;
    slong n = F->npoints;

    d.x = _arb_vec_init(n);
    d.y = _arb_vec_init(n);
    d.yc = _arb_vec_init(n);
    arb_init(a);
    arb_init(b);
    arb_init(rms);
    arb_init(ac);
    arb_init(bc);
    arb_init(rmsc);
    arb_init(pred);
    arb_init(q);

    sc_t22f_collect(&d, pts, prec);
    sc_result_set_extra_si(res, "points", d.m);
    sc_result_set_extra_si(res, "points_na", d.na);
    if (d.undecided + d.missing > 0)
    {
        res->verdict = SC_UNDECIDED;
        sc_result_reason(res, "%ld of %ld points have no decided [T2.2-T] "
                         "record (first: %s)", (long) (d.undecided
                         + d.missing), (long) n, F->cases[d.first_bad].name);
        goto cleanup;
    }
    if (d.m < 3)
    {
        sc_result_not_applicable(res, "3 points with [T2.2-T] at t0 = 0",
                                 "%ld of %ld points have [T2.2-T]'s "
                                 "hypotheses at t0 = 0 and an onset (3 "
                                 "needed; first "
                                 "without: %s)", (long) d.m, (long) n,
                                 d.first_bad >= 0
                                 ? F->cases[d.first_bad].name : "-");
        goto cleanup;
    }
    sc = sc_num_fit_line(a, b, rms, d.x, d.y, d.m, prec);
    if (sc == SC_OK)
        sc = sc_num_fit_line(ac, bc, rmsc, d.x, d.yc, d.m, prec);
    if (sc == SC_DOMAIN)
    {
        sc_result_not_applicable(res, "distinct rho_0", "the points' rho_0 "
                                 "are all equal: no slope");
        goto cleanup;
    }
    if (sc != SC_OK)
    {
        sc_result_reason(res, "the points' ln(1/rho_0) not separated");
        status = SC_UNABLE;
        goto cleanup;
    }
    /* 2 / eta_gamma: eta_gamma is the same at every point (the grid
       varies rho_0 only) */
    arb_set_fmpq(pred, sc_family_at(F, 0, SC_FAMILY_ETA_GAMMA), prec);
    arb_ui_div(pred, 2, pred, prec);
    sc_result_set_predicted(res, pred);
    sc_result_set_observed(res, b);
    arb_div(q, b, pred, prec);
    sc_result_set_extra(res, "ratio", q);
    arb_set_fmpq(q, pts->tol, prec);
    sc_result_set_extra(res, "tolerance", q);
    sc_result_set_extra(res, "intercept", a);
    sc_result_set_extra(res, "residual_rms", rms);
    sc_result_set_extra(res, "slope_T_cf", bc);
    arb_div(q, bc, pred, prec);
    sc_result_set_extra(res, "ratio_T_cf", q);
    sc_t22f_plot(P, &d, a, b, pred, prec);
    arb_div(q, b, pred, prec);
    status = sc_t22f_verdict(res, q, pts->tol, prec);
    if (status == SC_OK)
    {
        char * sb = arb_get_str(b, 6, ARB_STR_NO_RADIUS);
        char * sp = arb_get_str(pred, 6, ARB_STR_NO_RADIUS);
        char * sc2 = arb_get_str(bc, 6, ARB_STR_NO_RADIUS);
        char * sr = arb_get_str(rms, 4, ARB_STR_NO_RADIUS);

        sc_result_reason(res, "slope of t1 against ln(1/rho_0) over %ld "
                         "points: %s (residual rms %s) against 2/eta_gamma = "
                         "%s, %s the tolerance; T_cf's slope %s", (long) d.m,
                         sb, sr, sp, res->verdict == SC_HOLDS ? "within"
                         : "outside", sc2);
        flint_free(sr);
        flint_free(sc2);
        flint_free(sp);
        flint_free(sb);
    }

cleanup:
    arb_clear(q);
    arb_clear(pred);
    arb_clear(rmsc);
    arb_clear(bc);
    arb_clear(ac);
    arb_clear(rms);
    arb_clear(b);
    arb_clear(a);
    _arb_vec_clear(d.yc, n);
    _arb_vec_clear(d.y, n);
    _arb_vec_clear(d.x, n);
    return status;
}
