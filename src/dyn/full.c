/*
 * full.c -- full-batch gradient descent on the real data, eq. (1) of the
 * paper, with the optional weight decay, heavy-ball momentum and norm
 * projection of BEYOND.md:
 *   w+     = w - eta grad_w L - eta lambda w + beta (w - w_prev)
 *   gamma+ = gamma - eta_gamma dL/dgamma + beta (gamma - gamma_prev)
 *   w+    <- w+ ||w_0|| / ||w+||            (project_norm)
 */
#include <stdio.h>
#include "dyn/dyn.h"
#include "num/num.h"

static void
sc_dyn_drop_radii(arb_ptr x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        mag_zero(arb_radref(x + i));
}

/* In a point run the data are rounded once, as a float experiment
   stores them. */
static void
sc_dyn_make_point(sc_dyn_t D)
{
    sc_dyn_drop_radii(D->Xc->entries, D->n * D->d);
    sc_dyn_drop_radii(D->y, D->n);
    sc_dyn_drop_radii(D->ustar, D->d);
    sc_dyn_drop_radii(D->c, 1);
    sc_dyn_drop_radii(D->Lstar, 1);
    sc_dyn_drop_radii(D->eta, 1);
    sc_dyn_drop_radii(D->eta_gamma, 1);
    sc_dyn_drop_radii(D->weight_decay, 1);
    sc_dyn_drop_radii(D->momentum, 1);
    sc_dyn_drop_radii(D->decay, 1);
    D->point = 1;
    D->gram = 0;            /* a float experiment goes through the data */
}

/* Relative radius of W beyond which a certified run stops: past it the
   enclosure no longer locates the trajectory, and more steps only cost. */
#define SC_DYN_MAX_REL_RAD (-16)

/* Working precision of the Jacobian in the centred step. */
#define SC_DYN_JACOBIAN_PREC 64

static int
sc_dyn_state_usable(arb_srcptr w, slong d, const arb_t gamma, const arb_t W)
{
    return _arb_vec_is_finite(w, d) && arb_is_finite(gamma)
           && arb_rel_accuracy_bits(W) > -SC_DYN_MAX_REL_RAD;
}

/* Named scratch of the run's steps: a step allocates nothing. */
typedef struct
{
    arb_ptr gw;             /* grad_w L, length d */
    arb_t gg, t;            /* dL/dgamma; a momentum or norm term */
    arb_t mg, lmid;         /* the centred step: mid gamma, L(mid) */
}
sc_full_work_struct;

static void
sc_full_work_init(sc_full_work_struct * K, slong d)
{
    K->gw = _arb_vec_init(d);
    arb_init(K->gg);
    arb_init(K->t);
    arb_init(K->mg);
    arb_init(K->lmid);
}

static void
sc_full_work_clear(sc_full_work_struct * K, slong d)
{
    arb_clear(K->lmid);
    arb_clear(K->mg);
    arb_clear(K->t);
    arb_clear(K->gg);
    _arb_vec_clear(K->gw, d);
}

/* w_next, gamma_next from state t (and t - 1 for momentum), before the
   norm projection.  Without wprev (no momentum term) wn may alias w: each
   w_j is read before wn_j is written. */
static void
sc_dyn_step_plain(arb_ptr wn, arb_t gn, arb_t loss, sc_dyn_t D,
                  arb_srcptr w, const arb_t gamma, arb_srcptr wprev,
                  const arb_t gprev, sc_full_work_struct * K, slong prec)
{
    slong j, d = D->d;
    arb_ptr gw = K->gw, t = K->t;

    sc_dyn_grad(gw, K->gg, loss, D, w, gamma, prec);
    for (j = 0; j < d; j++)
    {
        if (arb_is_one(D->decay))
            arb_set(wn + j, w + j);
        else
            arb_mul(wn + j, w + j, D->decay, prec);
        arb_submul(wn + j, D->eta, gw + j, prec);
    }
    arb_mul(gn, D->eta_gamma, K->gg, prec);
    arb_sub(gn, gamma, gn, prec);
    if (wprev != NULL && !arb_is_zero(D->momentum))
    {
        for (j = 0; j < d; j++)
        {
            arb_sub(t, w + j, wprev + j, prec);
            arb_addmul(wn + j, D->momentum, t, prec);
        }
        arb_sub(t, gamma, gprev, prec);
        arb_addmul(gn, D->momentum, t, prec);
    }
}

/* The whole step: the plain one, then w+ <- w+ ||w_0|| / ||w+|| under
   project_norm. */
static void
sc_dyn_step(arb_ptr wn, arb_t gn, arb_t loss, sc_dyn_t D, arb_srcptr w,
            const arb_t gamma, arb_srcptr wprev, const arb_t gprev,
            const arb_t W0, sc_full_work_struct * K, slong prec)
{
    slong d = D->d;
    arb_ptr t = K->t;

    sc_dyn_step_plain(wn, gn, loss, D, w, gamma, wprev, gprev, K, prec);
    if (D->project_norm)
    {
        _sc_vec_norm2(t, wn, d, prec);
        arb_div(t, W0, t, prec);
        arb_sqrtpos(t, t, prec);
        _arb_vec_scalar_mul(wn, wn, d, t, prec);
    }
}

/*
 * project_norm: the step is P(v) = r v / ||v|| of the unprojected step v,
 * r = ||w_0||, so the Jacobian of the whole map is P'(v) J with
 * P'(v) = (r / ||v||) (I - v v^T / ||v||^2).  Here v is enclosed over the
 * box (one ball step without projection, at the Jacobian's precision), so
 * the product encloses the Jacobian over the box and the centred form
 * stays valid.  Only the w rows change; gamma is not projected.
 */
static void
sc_dyn_project_jacobian(arb_mat_t J, sc_dyn_t D, arb_srcptr w,
                        const arb_t gamma, const arb_t W0,
                        sc_full_work_struct * K, slong prec)
{
    slong i, j, k, d = D->d;
    arb_ptr v = _arb_vec_init(d);
    arb_mat_t P, R;
    arb_t n2, s, g1;

    arb_mat_init(P, d, d);
    arb_mat_init(R, d, d + 1);
    arb_init(n2);
    arb_init(s);
    arb_init(g1);
    sc_dyn_step_plain(v, g1, s, D, w, gamma, NULL, NULL, K, prec);
    _sc_vec_norm2(n2, v, d, prec);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            arb_mul(s, v + i, v + j, prec);
            arb_div(s, s, n2, prec);
            arb_neg(arb_mat_entry(P, i, j), s);
            if (i == j)
                arb_add_ui(arb_mat_entry(P, i, j), arb_mat_entry(P, i, j), 1,
                           prec);
        }
    arb_div(s, W0, n2, prec);
    arb_sqrtpos(s, s, prec);                    /* r / ||v|| */
    arb_mat_scalar_mul_arb(P, P, s, prec);
    for (i = 0; i < d; i++)
        for (j = 0; j <= d; j++)
        {
            arb_zero(s);
            for (k = 0; k < d; k++)
                arb_addmul(s, arb_mat_entry(P, i, k), arb_mat_entry(J, k, j),
                           prec);
            arb_set(arb_mat_entry(R, i, j), s);
        }
    for (i = 0; i < d; i++)
        for (j = 0; j <= d; j++)
            arb_set(arb_mat_entry(J, i, j), arb_mat_entry(R, i, j));
    arb_clear(g1);
    arb_clear(s);
    arb_clear(n2);
    arb_mat_clear(R);
    arb_mat_clear(P);
    _arb_vec_clear(v, d);
}

/* The Jacobian of the centred step is formed over a box B around the
   state, stretched SC_DYN_J_REUSE_BITS steps' worth of movement each way,
   and kept while the states stay inside B (the mean-value form only needs
   J to enclose the Jacobian over a convex set holding box and midpoint).
   A stretch wider than 2^SC_DYN_J_MAX_REL |w| (r_min / r_max, the spread
   of the state's radii) would widen J (and so the enclosures) more than
   it saves: then B is the state's box. */
#define SC_DYN_J_REUSE_BITS 4
#define SC_DYN_J_MAX_REL (-12)

/*
 * The square loss without norm projection (affine): the step's Jacobian is
 * affine in gamma.  Every term of the w-block but 1 - eta lambda carries
 * the factor k = gamma / N, the gamma row and column and the gamma-gamma
 * entry 1 - eta_gamma do not depend on gamma, and grad_w L = gamma
 * (grad_w L at gamma = 1), dL/dgamma = (dL/dgamma at gamma = 1) + gamma - 1
 * (jacobian.c: exact identities).  So J and g are formed once at gamma = 1
 * over a box in w alone, B is reused while w stays inside it whatever
 * gamma does (the square loss's gamma moves every step), and a step
 * scales by its gamma: J delta = sum_{j != i} J1_ij (gamma delta_j) +
 * J1_id delta_gamma + (1 - eta lambda + gamma (J1_ii - (1 - eta lambda)))
 * delta_i, the diagonal kept whole so that its cancellation is not lost.
 */
typedef struct
{
    arb_mat_t J;            /* Jacobian over B (affine: at gamma = 1, the
                               w-diagonal set apart in Dm) */
    arb_ptr g;              /* (grad_w L, dL/dgamma) over B (affine: at
                               gamma = 1) */
    arb_ptr B;              /* the box: d + 1 balls */
    arb_ptr delta;          /* state - midpoint */
    arb_ptr x;              /* affine: (gamma delta_w, delta_gamma) */
    arb_ptr Dm;             /* affine: J1_ii - (1 - eta lambda), i < d */
    arb_t s;                /* scratch scalar */
    int affine;
    int valid;
}
sc_centred_struct;

static void
sc_centred_init(sc_centred_struct * C, const sc_dyn_t D, slong d)
{
    arb_mat_init(C->J, d + 1, d + 1);
    C->g = _arb_vec_init(d + 1);
    C->B = _arb_vec_init(d + 1);
    C->delta = _arb_vec_init(d + 1);
    C->x = _arb_vec_init(d + 1);
    C->Dm = _arb_vec_init(d);
    arb_init(C->s);
    C->affine = (D->loss == SC_LOSS_SQUARE && !D->project_norm);
    C->valid = 0;
}

static void
sc_centred_clear(sc_centred_struct * C, slong d)
{
    arb_clear(C->s);
    _arb_vec_clear(C->Dm, d);
    _arb_vec_clear(C->x, d + 1);
    _arb_vec_clear(C->delta, d + 1);
    _arb_vec_clear(C->B, d + 1);
    _arb_vec_clear(C->g, d + 1);
    arb_mat_clear(C->J);
}

/* B = the state (w, gamma) stretched towards the image (wn, gn) of its
   midpoint (2^SC_DYN_J_REUSE_BITS times the movement), so that the
   following states stay inside it and J is reused; unstretched when the
   movement is large against w or a radius is 0.  Affine mode: gamma is
   not part of the box (its last ball is set by the caller). */
static void
sc_centred_box(sc_centred_struct * C, sc_dyn_t D, arb_srcptr w,
               const arb_t gamma, arb_srcptr wn, const arb_t gn, slong prec)
{
    slong i, d = D->d;
    mag_t ext, emax, wmax, rmin, rmax;
    arb_ptr x = C->s;

    mag_init(ext);
    mag_init(emax);
    mag_init(wmax);
    mag_init(rmin);
    mag_init(rmax);
    _arb_vec_set(C->B, w, d);
    arb_set(C->B + d, gamma);
    for (i = 0; i < d + !C->affine; i++)
    {
        arb_sub(x, i < d ? wn + i : gn, i < d ? w + i : gamma, prec);
        arb_get_mag(ext, x);
        mag_max(emax, emax, ext);
        if (i < d)
        {
            arb_get_mag(ext, w + i);
            mag_max(wmax, wmax, ext);
        }
    }
    mag_mul_2exp_si(wmax, wmax, SC_DYN_J_MAX_REL - SC_DYN_J_REUSE_BITS);
    /* the stretch widens J by about its relative width, and J couples
       every radius into every coordinate: scaled by r_min / r_max over
       w, the widening stays below the smallest radius (anisotropic
       enclosures, e.g. rho tiny, keep their narrow coordinates) */
    for (i = 0; i < d; i++)
    {
        mag_max(rmax, rmax, arb_radref(w + i));
        if (i == 0 || mag_cmp(arb_radref(w + i), rmin) < 0)
            mag_set(rmin, arb_radref(w + i));
    }
    mag_mul(wmax, wmax, rmin);
    mag_div(wmax, wmax, rmax);      /* rmax = 0: infinite, and rmin = 0 */
    if (!mag_is_zero(rmin) && mag_cmp(emax, wmax) <= 0)
        for (i = 0; i < d + !C->affine; i++)
        {
            arb_sub(x, i < d ? wn + i : gn, i < d ? w + i : gamma, prec);
            arb_get_mag(ext, x);
            mag_mul_2exp_si(ext, ext, SC_DYN_J_REUSE_BITS);
            arb_add_error_mag(C->B + i, ext);
        }
    mag_clear(rmax);
    mag_clear(rmin);
    mag_clear(wmax);
    mag_clear(emax);
    mag_clear(ext);
}

/* B from the state (w, gamma) and the image (wn, gn) of its midpoint, then
   J and g over B (J of the projected step under project_norm). */
static void
sc_centred_refresh(sc_centred_struct * C, sc_dyn_t D, arb_srcptr w,
                   const arb_t gamma, arb_srcptr wn, const arb_t gn,
                   const arb_t W0, sc_full_work_struct * K, slong prec)
{
    slong i, d = D->d, jprec = FLINT_MIN(prec, SC_DYN_JACOBIAN_PREC);

    sc_centred_box(C, D, w, gamma, wn, gn, prec);
    /* J only multiplies the tiny box - mid: a few dozen correct bits are
       all it needs, and a 64-bit enclosure costs a fraction of the step */
    if (C->affine)
    {
        arb_one(C->B + d);
        sc_dyn_jacobian_grad(C->J, C->g, D, C->B, C->B + d, jprec);
        for (i = 0; i < d; i++)
        {
            arb_sub(C->Dm + i, arb_mat_entry(C->J, i, i), D->decay, jprec);
            arb_zero(arb_mat_entry(C->J, i, i));
        }
    }
    else
        sc_dyn_jacobian_grad(C->J, C->g, D, C->B, C->B + d, jprec);
    if (D->project_norm)
        sc_dyn_project_jacobian(C->J, D, C->B, C->B + d, W0, K, jprec);
    C->valid = 1;
}

/* x inside the ball B, from upper bounds: |mid x - mid B| + rad x <=
   rad B (sufficient, and cheaper than arb_contains: a "no" only costs a
   refresh). */
static int
sc_ball_inside(const arb_t B, const arb_t x)
{
    arf_t t;
    mag_t m;
    int inside;

    arf_init(t);
    mag_init(m);
    arf_sub(t, arb_midref(x), arb_midref(B), MAG_BITS, ARF_RND_UP);
    arf_get_mag(m, t);
    mag_add(m, m, arb_radref(x));
    inside = arf_is_finite(t) && mag_cmp(m, arb_radref(B)) <= 0;
    mag_clear(m);
    arf_clear(t);
    return inside;
}

static int
sc_centred_holds(const sc_centred_struct * C, arb_srcptr w,
                 const arb_t gamma, slong d)
{
    slong i;

    if (!C->valid || (!C->affine && !sc_ball_inside(C->B + d, gamma)))
        return 0;
    for (i = 0; i < d; i++)
        if (!sc_ball_inside(C->B + i, w + i))
            return 0;
    return 1;
}

/* The correction J delta (and g . delta for the loss) of the affine case
   at this step's gamma, added to wn, gn and lmid (see above). */
static void
sc_centred_affine(arb_ptr wn, arb_t gn, arb_t loss, const arb_t lmid,
                  const sc_dyn_t D, const arb_t gamma,
                  sc_centred_struct * C, slong prec)
{
    slong i, d = D->d, jprec = FLINT_MIN(prec, SC_DYN_JACOBIAN_PREC);
    arb_ptr t = C->s, delta = C->delta;

    for (i = 0; i < d; i++)
        arb_mul(C->x + i, gamma, delta + i, jprec);
    arb_set(C->x + d, delta + d);
    arb_dot(loss, lmid, 0, C->g, 1, C->x, 1, d, prec);
    arb_sub_ui(t, gamma, 1, jprec);
    arb_add(t, t, C->g + d, jprec);         /* dL/dgamma at gamma */
    arb_addmul(loss, t, delta + d, prec);
    for (i = 0; i < d; i++)
    {
        arb_dot(wn + i, wn + i, 0, arb_mat_entry(C->J, i, 0), 1, C->x, 1,
                d + 1, prec);
        arb_mul(t, gamma, C->Dm + i, jprec);
        arb_add(t, t, D->decay, jprec);     /* J_ii at gamma */
        arb_addmul(wn + i, t, delta + i, prec);
    }
    arb_dot(gn, gn, 0, arb_mat_entry(C->J, d, 0), 1, delta, 1, d + 1, prec);
}

/*
 * The centred (mean-value) form of one plain GD step from the box (w, gamma):
 * F(m) + J(B) (box - m) with m the box's midpoint.  Iterating F on balls
 * directly multiplies the radii by roughly |X~^T| |X~| / n per step (about
 * 5 bits per step on 16 x 6 Hadamard data); the centred form multiplies
 * them by |J|, the true Jacobian, and keeps long horizons affordable.
 * The loss of the box comes the same way, L(m) + grad L(B) . (box - m),
 * from the gradient the Jacobian evaluation yields: no third pass over
 * the data.
 */
static void
sc_dyn_step_centred(arb_ptr wn, arb_t gn, arb_t loss, sc_dyn_t D,
                    arb_srcptr w, const arb_t gamma, const arb_t W0,
                    sc_full_work_struct * K, sc_centred_struct * C,
                    slong prec)
{
    slong i, d = D->d;
    arb_ptr mg = K->mg, lmid = K->lmid, delta = C->delta;

    /* box - midpoint = [0 +- radius], exactly */
    for (i = 0; i <= d; i++)
    {
        arb_zero(delta + i);
        mag_set(arb_radref(delta + i), arb_radref(i < d ? w + i : gamma));
    }
    arb_get_mid_arb(mg, gamma);
    for (i = 0; i < d; i++)
        arb_get_mid_arb(wn + i, w + i);
    /* F at the midpoint: a point input, so only rounding widens it (the
       step reads w_j before it writes wn_j, so wn may hold the input) */
    sc_dyn_step(wn, gn, lmid, D, wn, mg, NULL, NULL, W0, K, prec);
    if (!sc_centred_holds(C, w, gamma, d))
        sc_centred_refresh(C, D, w, gamma, wn, gn, W0, K, prec);
    if (C->affine)
    {
        sc_centred_affine(wn, gn, loss, lmid, D, gamma, C, prec);
        return;
    }
    arb_dot(loss, lmid, 0, C->g, 1, delta, 1, d + 1, prec);
    for (i = 0; i < d; i++)
        arb_dot(wn + i, wn + i, 0, arb_mat_entry(C->J, i, 0), 1, delta, 1,
                d + 1, prec);
    arb_dot(gn, gn, 0, arb_mat_entry(C->J, d, 0), 1, delta, 1, d + 1, prec);
}

/* State 0 is exact: where a_0 = <w_0, u*> = 0 (decided over Q), its ball
   becomes an exact 0, which no enclosure computed from the rounded w_0
   reaches at any precision (rho_0 is then undefined). */
static void
sc_dyn_exact_a0(sc_traj_t T, const sc_data_t data)
{
    if (data->has_ref && fmpq_is_zero(data->w0_wstar))
    {
        arb_zero(T->a);
        arb_indeterminate(T->rho);
    }
}

void
sc_dyn_run_full(sc_traj_t T, const sc_case_t c, const sc_data_t data,
                int point, slong prec)
{
    slong t, j, d = c->d;
    sc_dyn_t D;
    sc_full_work_struct K;
    arb_t W0;
    sc_centred_struct C;
    int centred = !point && fmpq_is_zero(c->momentum);

    sc_dyn_init(D, c, data, prec);
    if (point)
        sc_dyn_make_point(D);
    sc_full_work_init(&K, d);
    sc_centred_init(&C, D, d);
    arb_init(W0);
    T->point = point;
    T->prec = prec;
    T->has_ref = D->has_ref;
    T->stop[0] = '\0';

    for (j = 0; j < d; j++)
        arb_set_fmpq(T->w + j, fmpq_mat_entry(c->w0, j, 0), prec);
    arb_set_fmpq(T->gamma, c->gamma0, prec);
    _sc_vec_norm2(W0, T->w, d, prec);
    if (point)
    {
        sc_dyn_drop_radii(T->w, d);
        sc_dyn_drop_radii(T->gamma, 1);
    }

    for (t = 0; ; t++)
    {
        slong s = sc_traj_slot(T, t), sn = sc_traj_slot(T, t + 1);
        arb_ptr w = T->w + s * d, wn = T->w + sn * d;

        sc_dyn_direction(T->a + s, T->b + s, T->rho + s, T->W + s, T->h + s,
                         D, w, T->gamma + s, prec);
        if (t == 0 && !point)
            sc_dyn_exact_a0(T, data);
        T->len = t + 1;
        if (!point && !sc_dyn_state_usable(w, d, T->gamma + s, T->W + s))
        {
            T->len = t;
            snprintf(T->stop, sizeof(T->stop),
                     "enclosure of the state too wide at step %ld "
                     "(precision %ld bits)", (long) t, (long) prec);
            break;
        }
        if (t > 0 && _sc_traj_settle(T, t - 1))
            break;
        if (t == c->steps)
        {
            sc_dyn_loss(T->loss + s, D, w, T->gamma + s, prec);
            break;
        }
        if (centred)
            sc_dyn_step_centred(wn, T->gamma + sn, T->loss + s, D, w,
                                T->gamma + s, W0, &K, &C, prec);
        else if (t == 0)
            sc_dyn_step(wn, T->gamma + sn, T->loss + s, D, w, T->gamma + s,
                        NULL, NULL, W0, &K, prec);
        else
            sc_dyn_step(wn, T->gamma + sn, T->loss + s, D, w, T->gamma + s,
                        T->w + sc_traj_slot(T, t - 1) * d,
                        T->gamma + sc_traj_slot(T, t - 1), W0, &K, prec);
        if (point)
        {
            sc_dyn_drop_radii(wn, d);
            sc_dyn_drop_radii(T->gamma + sn, 1);
        }
    }
    _sc_traj_finish(T);

    arb_clear(W0);
    sc_centred_clear(&C, d);
    sc_full_work_clear(&K, d);
    sc_dyn_clear(D);
}
