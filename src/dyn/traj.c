/*
 * traj.c -- storage of a trajectory of balls: every state, or the last
 * SC_TRAJ_WINDOW of a streaming run.
 */
#include <stdio.h>
#include "dyn/dyn.h"
#include "num/num.h"

/* The number of states T holds. */
static slong
sc_traj_slots(const sc_traj_t T)
{
    return T->window ? T->window : T->steps + 1;
}

static void
_sc_traj_init(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps,
              slong window)
{
    slong len;

    T->window = window;
    T->steps = steps;
    len = sc_traj_slots(T);
    T->kind = kind;
    T->point = 0;
    T->prec = 0;
    T->d = d;
    T->len = 0;
    T->w = (kind == SC_TRAJ_FULL) ? _arb_vec_init(len * d) : NULL;
    T->z = NULL;
    T->split = 0;
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
    T->visit = NULL;
    T->visit_arg = NULL;
    T->stopped = 0;
}

void
sc_traj_init(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps)
{
    _sc_traj_init(T, kind, d, steps, 0);
}

void
sc_traj_init_stream(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps,
                    sc_traj_visit_t visit, void * arg)
{
    _sc_traj_init(T, kind, d, steps, SC_TRAJ_WINDOW);
    T->visit = visit;
    T->visit_arg = arg;
}

void
sc_traj_clear(sc_traj_t T)
{
    slong len = sc_traj_slots(T);

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
    if (T->z != NULL)
        _arb_vec_clear(T->z, len * T->d);
}

void
_sc_traj_alloc_split(sc_traj_t T)
{
    if (T->z == NULL)
        T->z = _arb_vec_init(sc_traj_slots(T) * T->d);
}

sc_truth_t
sc_traj_rising(const sc_traj_t T, slong t)
{
    arb_srcptr r0 = T->rho + sc_traj_slot(T, t);
    arb_srcptr r1 = T->rho + sc_traj_slot(T, t + 1);

    if (T->point)
    {
        /* a floating-point run decides on its (rounded) values */
        if (!arb_is_finite(r0) || !arb_is_finite(r1))
            return SC_UNKNOWN;
        return arf_cmp(arb_midref(r1), arb_midref(r0)) > 0
               ? SC_TRUE : SC_FALSE;
    }
    return sc_num_gt(r1, r0);
}

int
sc_traj_rho_undefined(const sc_traj_t T, slong t)
{
    arb_srcptr a = T->a + sc_traj_slot(T, t);

    if (!T->has_ref)
        return 1;
    if (T->point)
        return arb_is_finite(a) && arf_sgn(arb_midref(a)) <= 0;
    return arb_is_nonpositive(a);
}

int
_sc_traj_settle(sc_traj_t T, slong t)
{
    T->rising[sc_traj_slot(T, t)] = sc_traj_rising(T, t);
    if (T->visit == NULL || T->visit(T, t, T->visit_arg) == 0)
        return 0;
    T->stopped = 1;
    T->len = t + 1;
    snprintf(T->stop, sizeof(T->stop), "stopped by its reader after step "
             "%ld (precision %ld bits)", (long) t, (long) T->prec);
    return 1;
}

void
_sc_traj_finish(sc_traj_t T)
{
    if (T->visit != NULL && !T->stopped && T->len > 0)
        T->visit(T, T->len - 1, T->visit_arg);
}

void
sc_traj_state_mid(arb_ptr w, arb_t gamma, const sc_traj_t T, slong t)
{
    slong j, s = sc_traj_slot(T, t);

    for (j = 0; j < T->d; j++)
        arb_get_mid_arb(w + j, T->w + s * T->d + j);
    arb_get_mid_arb(gamma, T->gamma + s);
}

void
sc_traj_split_mid(arb_ptr z, arb_t gamma, const sc_traj_t T, slong t)
{
    slong j, s = sc_traj_slot(T, t);

    for (j = 0; j < T->d; j++)
        arb_get_mid_arb(z + j, T->z + s * T->d + j);
    arb_get_mid_arb(gamma, T->gamma + s);
}
