/*
 * hessian.c -- the Hessian of the loss in (w, gamma) over a box, read off
 * the Jacobian of the GD map (jacobian.c) instead of a second
 * differentiation of the gradient.
 *
 * The GD map is F(x) = x - P (grad L(x) + lambda E_w x) with
 * P = diag(eta I_d, eta_gamma) and E_w the projection on the w-block, so
 * its Jacobian is J = I - P H with H = Hess L + lambda E_w.  Hence
 * H = P^{-1} (I - J) row by row: row i of I - J divided by eta (w rows) or
 * eta_gamma (the gamma row).  Both are exact positive rationals, so the
 * ball H encloses the Hessian at every point of the box (w, gamma).
 */
#include "dyn/dyn.h"

void
sc_dyn_hessian(arb_mat_t H, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
               slong prec)
{
    slong i, j, m = D->d + 1;

    sc_dyn_jacobian(H, D, w, gamma, prec);
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
        {
            arb_ptr h = arb_mat_entry(H, i, j);

            arb_neg(h, h);
            if (i == j)
                arb_add_ui(h, h, 1, prec);
            arb_div(h, h, i < D->d ? D->eta : D->eta_gamma, prec);
        }
}

void
sc_dyn_step_matrix(arb_mat_t P, const sc_dyn_t D, int root, slong prec)
{
    slong i, m = D->d + 1;

    arb_mat_zero(P);
    for (i = 0; i < m; i++)
    {
        arb_ptr p = arb_mat_entry(P, i, i);

        arb_set(p, i < D->d ? D->eta : D->eta_gamma);
        if (root)
            arb_sqrt(p, p, prec);
    }
}
