/*
 * traj.c -- storage of a trajectory of balls.
 */
#include "dyn/dyn.h"
#include "num/num.h"

void
sc_traj_init(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps)
{
    slong len = steps + 1;

    T->kind = kind;
    T->point = 0;
    T->prec = 0;
    T->d = d;
    T->len = 0;
    T->steps = steps;
    T->w = (kind == SC_TRAJ_FULL) ? _arb_vec_init(len * d) : NULL;
    T->gamma = _arb_vec_init(len);
    T->a = _arb_vec_init(len);
    T->b = _arb_vec_init(len);
    T->rho = _arb_vec_init(len);
    T->W = _arb_vec_init(len);
    T->h = _arb_vec_init(len);
    T->loss = _arb_vec_init(len);
    T->rising = flint_calloc(len, sizeof(sc_truth_t));
    T->has_ref = 0;
    T->stop[0] = '\0';
}

void
sc_traj_clear(sc_traj_t T)
{
    slong len = T->steps + 1;

    flint_free(T->rising);
    _arb_vec_clear(T->loss, len);
    _arb_vec_clear(T->h, len);
    _arb_vec_clear(T->W, len);
    _arb_vec_clear(T->rho, len);
    _arb_vec_clear(T->b, len);
    _arb_vec_clear(T->a, len);
    _arb_vec_clear(T->gamma, len);
    if (T->w != NULL)
        _arb_vec_clear(T->w, len * T->d);
}

sc_truth_t
sc_traj_rising(const sc_traj_t T, slong t)
{
    if (T->point)
    {
        /* a floating-point run decides on its (rounded) values */
        if (!arb_is_finite(T->rho + t) || !arb_is_finite(T->rho + t + 1))
            return SC_UNKNOWN;
        return arf_cmp(arb_midref(T->rho + t + 1), arb_midref(T->rho + t)) > 0
               ? SC_TRUE : SC_FALSE;
    }
    return sc_num_gt(T->rho + t + 1, T->rho + t);
}

void
sc_traj_state_mid(arb_ptr w, arb_t gamma, const sc_traj_t T, slong t)
{
    slong j;

    for (j = 0; j < T->d; j++)
        arb_get_mid_arb(w + j, T->w + t * T->d + j);
    arb_get_mid_arb(gamma, T->gamma + t);
}
