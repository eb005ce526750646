/*
 * t22_waiting_time.c -- [T2.2] at one reference state (THEOREMS.md
 * section 3): the constants k0, s0^2, Theta0, Gamma, D0, delta, the
 * hypotheses H2 and (i), the waiting time T of (ii) by a scan of psi, and
 * the appendix's closed form T_cf with (ii').  t22_delayed_onset.c runs
 * them from every reference time and judges the onsets.
 */
#include "theorems/whitened/whitened.h"
#include "num/num.h"


void
sc_t22_init(sc_t22_struct * p)
{
    arb_init(p->c); arb_init(p->eta); arb_init(p->etag); arb_init(p->rho0);
    arb_init(p->gamma0); arb_init(p->W0); arb_init(p->k0); arb_init(p->s02);
    arb_init(p->Theta0); arb_init(p->Gamma); arb_init(p->D0);
    arb_init(p->delta);
}

void
sc_t22_clear(sc_t22_struct * p)
{
    arb_clear(p->c); arb_clear(p->eta); arb_clear(p->etag);
    arb_clear(p->rho0); arb_clear(p->gamma0); arb_clear(p->W0);
    arb_clear(p->k0); arb_clear(p->s02); arb_clear(p->Theta0);
    arb_clear(p->Gamma); arb_clear(p->D0); arb_clear(p->delta);
}

/* The constants at reference state t0; returns the truth of H2 and (i),
   *h2 that of H2 alone. */
sc_truth_t
sc_t22_setup(sc_truth_t * h2, sc_t22_struct * p, const sc_traj_struct * R,
             slong t0, slong prec)
{
    arb_t t;
    sc_truth_t r;

    arb_init(t);
    arb_set(p->rho0, R->rho + t0);
    arb_set(p->gamma0, R->gamma + t0);
    arb_set(p->W0, R->W + t0);
    arb_sqr(t, p->rho0, prec);
    arb_add_ui(p->k0, t, 1, prec);
    arb_div(p->s02, t, p->k0, prec);
    arb_rsqrt(p->k0, p->k0, prec);
    r = *h2 = sc_thm_h2(R, t0);
    if (sc_num_theta(p->Theta0, p->rho0, prec) != SC_TRUE)
        r = sc_truth_and(r, SC_UNKNOWN);
    arb_max(p->Gamma, p->gamma0, p->c, prec);
    arb_mul(p->D0, p->c, p->k0, prec);
    arb_sub(p->D0, p->D0, p->gamma0, prec);
    arb_mul(p->delta, p->eta, p->Gamma, prec);
    arb_mul(p->delta, p->delta, p->c, prec);
    arb_sqr(p->delta, p->delta, prec);
    arb_mul(p->delta, p->delta, p->s02, prec);
    arb_div(p->delta, p->delta, p->W0, prec);
    /* (i): eta gamma0 c / W0 < Theta0 */
    arb_mul(t, p->eta, p->gamma0, prec);
    arb_mul(t, t, p->c, prec);
    arb_div(t, t, p->W0, prec);
    r = sc_truth_and(r, sc_num_lt(t, p->Theta0));
    arb_clear(t);
    return r;
}

/* T by scanning psi(t) = (eta c^2 k0 - r_t eta c D0) / (W0 + t delta),
   r_t = (1 - eta_g)^t, spending *budget steps: the definition, used where
   sc_t22_search's certificates are not available.  Returns SC_OK with
   *T >= 1, or *T = 0 when (ii) certifiably fails, or *T = -1 when the
   budget ran out; or SC_UNABLE. */
int
sc_t22_scan_steps(slong * T, slong * budget, const sc_t22_struct * p,
                  slong prec)
{
    arb_t r, q, al, be, num, psi, prev;
    slong t;
    int status = SC_OK;

    arb_init(r);
    arb_init(q);
    arb_init(al);
    arb_init(be);
    arb_init(num);
    arb_init(psi);
    arb_init(prev);
    arb_sub_ui(q, p->etag, 1, prec);
    arb_neg(q, q);
    arb_mul(be, p->eta, p->c, prec);
    arb_mul(al, be, p->c, prec);
    arb_mul(al, al, p->k0, prec);
    arb_mul(be, be, p->D0, prec);
    arb_one(r);
    *T = -1;
    /* 0 < r_t < 1: psi(t) <= eta c max(c k0, gamma0) / W0 for every t, so
       (ii) fails at once when that is <= Theta0 (else the scan runs until
       psi's slow maximum: tens of thousands of steps when rho0 is tiny) */
    arb_mul(num, p->c, p->k0, prec);
    arb_max(num, num, p->gamma0, prec);
    arb_mul(num, num, p->eta, prec);
    arb_mul(num, num, p->c, prec);
    arb_div(num, num, p->W0, prec);
    if (sc_num_le(num, p->Theta0) == SC_TRUE)
        *T = 0;
    for (t = 1; *T == -1 && *budget > 0; t++, (*budget)--)
    {
        sc_truth_t above, falls;

        arb_mul(r, r, q, prec);
        arb_mul(num, r, be, prec);
        arb_sub(num, al, num, prec);
        arb_mul_si(psi, p->delta, t, prec);
        arb_add(psi, psi, p->W0, prec);
        arb_div(psi, num, psi, prec);
        above = sc_num_gt(psi, p->Theta0);
        if (above == SC_TRUE)
        {
            *T = t;
            break;
        }
        falls = (t == 1) ? SC_FALSE : sc_num_lt(psi, prev);
        if (above == SC_UNKNOWN || falls == SC_UNKNOWN)
        {
            status = SC_UNABLE;
            break;
        }
        if (falls == SC_TRUE)
        {
            *T = 0;
            break;
        }
        arb_swap(prev, psi);
    }
    arb_clear(prev);
    arb_clear(psi);
    arb_clear(num);
    arb_clear(be);
    arb_clear(al);
    arb_clear(q);
    arb_clear(r);
    return status;
}

/* Truth of psi(t) > Theta0, with r_t = r^t formed directly. */
static sc_truth_t
sc_t22_above(const sc_t22_struct * p, const arb_t r, slong t, slong prec)
{
    arb_t x, y;
    sc_truth_t res;

    arb_init(x);
    arb_init(y);
    arb_pow_ui(x, r, (ulong) t, prec);
    arb_mul(x, x, p->D0, prec);
    arb_mul(y, p->c, p->k0, prec);
    arb_sub(x, y, x, prec);
    arb_mul(x, x, p->eta, prec);
    arb_mul(x, x, p->c, prec);
    arb_mul_si(y, p->delta, t, prec);
    arb_add(y, y, p->W0, prec);
    arb_div(x, x, y, prec);
    res = sc_num_gt(x, p->Theta0);
    arb_clear(y);
    arb_clear(x);
    return res;
}

/* The largest t to which the search climbs (t0 + T is then far past
   every horizon). */
#define SC_T22_T_MAX (WORD(1) << 60)

/*
 * The integers around the maximiser t* = ln(eta c D0 L / (Theta0 delta))
 * / L, L = -ln(1 - eta_g), of f(t) = eta c (c k0 - r^t D0) - Theta0 (W0 +
 * t delta), into [*lo, *hi] (*lo >= 1); 0 when they cannot be bounded
 * (then the caller scans).  f > 0 iff psi > Theta0.
 */
static int
sc_t22_argmax(slong * lo, slong * hi, const sc_t22_struct * p,
              const arb_t r, slong prec)
{
    arb_t L, x, y;
    int ok = 1;

    arb_init(L);
    arb_init(x);
    arb_init(y);
    arb_log(L, r, prec);
    arb_neg(L, L);
    arb_mul(x, p->eta, p->c, prec);
    arb_mul(x, x, p->D0, prec);
    arb_mul(x, x, L, prec);
    arb_mul(y, p->Theta0, p->delta, prec);
    arb_div(x, x, y, prec);
    arb_one(y);
    if (arb_le(x, y))
        *lo = *hi = 1;              /* f' <= 0 from t = 0: t* <= 0 */
    else if (!arb_is_positive(x))
        ok = 0;
    else
    {
        arb_log(x, x, prec);
        arb_div(x, x, L, prec);
        arb_get_lbound_arf(arb_midref(y), x, prec);
        arb_get_ubound_arf(arb_midref(L), x, prec);
        if (!arf_is_finite(arb_midref(L)) || arf_cmp_si(arb_midref(L),
                                                        SC_T22_T_MAX) >= 0)
            ok = 0;
        else
        {
            *lo = FLINT_MAX(1, arf_get_si(arb_midref(y), ARF_RND_FLOOR));
            *hi = FLINT_MAX(1, arf_get_si(arb_midref(L), ARF_RND_CEIL));
            ok = (*hi - *lo <= 8);
        }
    }
    arb_clear(y);
    arb_clear(x);
    arb_clear(L);
    return ok;
}

/*
 * T = min{t >= 1 : psi(t) > Theta0} in O(log T) certified comparisons.
 * With 0 < r = 1 - eta_g < 1, D0 > 0 and delta > 0, f(t) (above) is
 * concave, so {t : psi(t) > Theta0} is an interval, whose first integer is
 * found by bisection once one member is known; f's integer maximum is at
 * floor(t*) or ceil(t*), so if f <= 0 there, (ii) fails.  With D0 <= 0,
 * psi decreases from t = 1.  1: decided into *T (0: (ii) fails), or
 * SC_UNABLE through *status; 0: no certificate (the caller scans).
 */
static int
sc_t22_search(slong * T, int * status, const sc_t22_struct * p, slong prec)
{
    arb_t r;
    slong lo = 0, hi = -1, a, b, t;
    sc_truth_t u;
    int ok = 1;

    arb_init(r);
    arb_sub_ui(r, p->etag, 1, prec);
    arb_neg(r, r);
    *status = SC_OK;
    if (!arb_is_positive(r) || !arb_is_positive(p->etag)
        || !arb_is_positive(p->delta)
        || !(arb_is_positive(p->D0) || arb_is_nonpositive(p->D0)))
        ok = 0;
    else if (arb_is_nonpositive(p->D0))
        a = b = 1;
    else
        ok = sc_t22_argmax(&a, &b, p, r, prec);
    /* climb by doubling below t* (f increases there), then the
       candidates a .. b around it */
    for (t = 1; ok && hi < 0 && t < a; t *= 2)
    {
        if ((u = sc_t22_above(p, r, t, prec)) == SC_TRUE)
            hi = t;
        else if (u == SC_FALSE)
            lo = t;
        else
            ok = 0, *status = SC_UNABLE;
    }
    for (t = FLINT_MAX(lo + 1, a); ok && hi < 0 && t <= b; t++)
    {
        if ((u = sc_t22_above(p, r, t, prec)) == SC_TRUE)
            hi = t;
        else if (u == SC_UNKNOWN)
            ok = 0, *status = SC_UNABLE;
    }
    /* f(lo) <= 0 < f(hi): the first member lies in (lo, hi] */
    while (ok && hi > 0 && hi - lo > 1)
    {
        t = lo + (hi - lo) / 2;
        if ((u = sc_t22_above(p, r, t, prec)) == SC_TRUE)
            hi = t;
        else if (u == SC_FALSE)
            lo = t;
        else
            ok = 0, *status = SC_UNABLE;
    }
    *T = (hi > 0) ? hi : 0;
    arb_clear(r);
    return ok || *status == SC_UNABLE;
}

int
sc_t22_scan(slong * T, slong * budget, const sc_t22_struct * p, slong prec)
{
    int status;

    if (sc_t22_search(T, &status, p, prec))
        return status;
    return sc_t22_scan_steps(T, budget, p, prec);
}

/* T_cf and the truth of (ii'). */
sc_truth_t
sc_t22_closed_form(arb_t Tcf, const sc_t22_struct * p, slong prec)
{
    arb_t A, B, R0, t, phi;
    sc_truth_t big, ii;

    arb_init(A);
    arb_init(B);
    arb_init(R0);
    arb_init(t);
    arb_init(phi);
    arb_mul(t, p->c, p->k0, prec);
    arb_nonnegative_part(A, p->D0);
    if (arb_is_nonpositive(p->D0))
        arb_zero(A);
    arb_div(A, A, t, prec);
    arb_sqr(B, p->Gamma, prec);
    arb_mul(B, B, p->eta, prec);
    arb_mul(B, B, p->s02, prec);
    arb_mul(B, B, p->Theta0, prec);
    arb_mul(t, p->W0, p->k0, prec);
    arb_div(B, B, t, prec);
    arb_mul(t, p->c, p->c, prec);
    arb_mul(t, t, p->eta, prec);
    arb_mul(t, t, p->k0, prec);
    arb_mul(R0, p->Theta0, p->W0, prec);
    arb_div(R0, R0, t, prec);
    arb_sub_ui(R0, R0, 1, prec);
    arb_neg(R0, R0);
    arb_mul(t, A, p->etag, prec);
    big = sc_num_gt(t, B);
    if (big == SC_TRUE)
    {
        arb_div(t, t, B, prec);
        arb_log(t, t, prec);
        arb_div(t, t, p->etag, prec);
        arb_ceil(Tcf, t, prec);
        if (!arb_is_exact(Tcf))
            big = SC_UNKNOWN;                   /* t* straddles an integer */
        else if (arf_cmp_si(arb_midref(Tcf), 1) < 0)
            arb_one(Tcf);
    }
    else if (big == SC_FALSE)
        arb_one(Tcf);
    if (big == SC_UNKNOWN)
    {
        arb_indeterminate(Tcf);
        ii = SC_UNKNOWN;
    }
    else
    {
        arb_mul(t, p->etag, Tcf, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_mul(phi, A, t, prec);
        arb_addmul(phi, B, Tcf, prec);
        ii = sc_num_lt(phi, R0);
    }
    arb_clear(phi);
    arb_clear(t);
    arb_clear(R0);
    arb_clear(B);
    arb_clear(A);
    return ii;
}
