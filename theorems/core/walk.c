/*
 * walk.c -- the one walk over the states of a trajectory that every
 * family's per-state checkers share: which states (a range, a stride, the
 * last one always), the exact point each is examined at, and the tally
 * step that goes with it.  What a family examines at a state is its own
 * callback; when to stop is the tally's.
 */
#include "theorems/core/core.h"

void
sc_walk_state_init(sc_walk_state_struct * s, slong d)
{
    s->T = NULL;
    s->t = -1;
    s->d = d;
    s->w = _arb_vec_init(d);
    arb_init(s->gamma);
}

void
sc_walk_state_clear(sc_walk_state_struct * s)
{
    arb_clear(s->gamma);
    _arb_vec_clear(s->w, s->d);
}

slong
sc_walk(sc_tally_struct * tl, sc_result_t res, const sc_traj_struct * T,
        slong t0, slong t1, slong stride, sc_walk_fn fn, void * arg,
        slong prec)
{
    sc_walk_state_struct s;
    slong t, n = 0;

    sc_walk_state_init(&s, T->d);
    s.T = T;
    for (t = t0; t < t1 && !tl->stop; t += stride)
    {
        if (stride > 1 && t + stride >= t1)
            t = t1 - 1;                         /* the last state always */
        s.t = t;
        sc_tally_step(tl, t);
        if (T->kind == SC_TRAJ_FULL)
            sc_traj_state_mid(s.w, s.gamma, T, t);
        fn(tl, res, &s, arg, prec);
        n++;
    }
    sc_walk_state_clear(&s);
    return n;
}
