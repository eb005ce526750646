/*
 * fit.c -- the least-squares line of a family claim (src/cli/sweep.c,
 * theorems/families/): y = a + b x over n points, in balls.  The points
 * are certified values (exact integers, logarithms of exact rationals),
 * so the fit is a certified function of them: every ball contains the
 * exact least-squares coefficients of the exact data.
 *
 * Centred sums (Sxx = sum (x - xbar)^2, Sxy = sum (x - xbar)(y - ybar))
 * rather than the normal equations: the cancellation of sum x^2 - n xbar^2
 * would widen the balls for no reason.
 */
#include "num/num.h"

int
sc_num_fit_line(arb_t a, arb_t b, arb_t rms, arb_srcptr x, arb_srcptr y,
                slong n, slong prec)
{
    arb_t xbar, ybar, sxx, sxy, d, e, r;
    slong i;
    int status = SC_OK;

    if (n < 2)
        return SC_DOMAIN;
    arb_init(xbar);
    arb_init(ybar);
    arb_init(sxx);
    arb_init(sxy);
    arb_init(d);
    arb_init(e);
    arb_init(r);

    for (i = 0; i < n; i++)
    {
        arb_add(xbar, xbar, x + i, prec);
        arb_add(ybar, ybar, y + i, prec);
    }
    arb_div_si(xbar, xbar, n, prec);
    arb_div_si(ybar, ybar, n, prec);
    for (i = 0; i < n; i++)
    {
        arb_sub(d, x + i, xbar, prec);
        arb_sub(e, y + i, ybar, prec);
        arb_addmul(sxx, d, d, prec);
        arb_addmul(sxy, d, e, prec);
    }
    /* equal abscissae have no slope; a ball touching 0 may yet have one */
    if (!arb_is_positive(sxx))
    {
        status = arb_is_zero(sxx) ? SC_DOMAIN : SC_UNABLE;
        goto cleanup;
    }
    arb_div(b, sxy, sxx, prec);
    arb_mul(d, b, xbar, prec);
    arb_sub(a, ybar, d, prec);
    for (i = 0; i < n; i++)
    {
        arb_mul(d, b, x + i, prec);
        arb_add(d, d, a, prec);
        arb_sub(d, y + i, d, prec);
        arb_addmul(r, d, d, prec);
    }
    arb_div_si(r, r, n, prec);
    /* r >= 0 exactly; its ball may reach below 0 */
    arb_nonnegative_part(r, r);
    arb_sqrt(rms, r, prec);

cleanup:
    arb_clear(r);
    arb_clear(e);
    arb_clear(d);
    arb_clear(sxy);
    arb_clear(sxx);
    arb_clear(ybar);
    arb_clear(xbar);
    return status;
}
