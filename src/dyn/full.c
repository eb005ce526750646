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
 *
 * The state is z (length m = d) and gamma: z = w in absolute coordinates,
 * z = (u, e without its pivot coordinate) in the split coordinates of
 * split.c, which are always affine.
 */
typedef struct
{
    slong m;                /* length of z */
    sc_dyn_split_struct * S;    /* split coordinates at prec, or NULL */
    sc_dyn_split_struct * SJ;   /* the same at the Jacobian's precision */
    arb_srcptr decay;       /* 1 - eta lambda */
    arb_mat_t J;            /* Jacobian over B (affine: at gamma = 1, the
                               z-diagonal set apart in Dm) */
    arb_ptr g;              /* (grad_z L, dL/dgamma) over B (affine: at
                               gamma = 1) */
    arb_ptr B;              /* the box: m + 1 balls */
    arb_ptr delta;          /* state - midpoint */
    arb_ptr x;              /* affine: (gamma delta_z, delta_gamma) */
    arb_ptr Dm;             /* affine: J1_ii - (1 - eta lambda), i < m */
    arb_ptr la, lb;         /* lowrank: the c-block off its diagonal is
                               la lb^T (sc_dyn_split_jacobian_grad_lr) */
    mag_ptr tl;             /* lowrank: |lb_l| rad x_{1+l}, then suffix
                               sums (m + 1) */
    arb_t s;                /* scratch scalar */
    int lowrank;
    int affine;
    int valid;
}
sc_centred_struct;

static void
sc_centred_init(sc_centred_struct * C, const sc_dyn_t D, slong m,
                sc_dyn_split_struct * S, sc_dyn_split_struct * SJ)
{
    slong i;

    C->m = m;
    C->S = S;
    C->SJ = SJ;
    C->decay = S != NULL ? S->decay : D->decay;
    arb_mat_init(C->J, m + 1, m + 1);
    C->g = _arb_vec_init(m + 1);
    C->B = _arb_vec_init(m + 1);
    C->delta = _arb_vec_init(m + 1);
    C->x = _arb_vec_init(m + 1);
    C->Dm = _arb_vec_init(m);
    C->la = _arb_vec_init(m);
    C->lb = _arb_vec_init(m);
    C->tl = flint_malloc((m + 1) * sizeof(mag_struct));
    for (i = 0; i <= m; i++)
        mag_init(C->tl + i);
    C->lowrank = 0;
    arb_init(C->s);
    C->affine = (D->loss == SC_LOSS_SQUARE && !D->project_norm);
    C->valid = 0;
}

static void
sc_centred_clear(sc_centred_struct * C)
{
    slong i, m = C->m;

    arb_clear(C->s);
    for (i = 0; i <= m; i++)
        mag_clear(C->tl + i);
    flint_free(C->tl);
    _arb_vec_clear(C->lb, m);
    _arb_vec_clear(C->la, m);
    _arb_vec_clear(C->Dm, m);
    _arb_vec_clear(C->x, m + 1);
    _arb_vec_clear(C->delta, m + 1);
    _arb_vec_clear(C->B, m + 1);
    _arb_vec_clear(C->g, m + 1);
    arb_mat_clear(C->J);
}

/* Coordinates [lo, hi) of B (and gamma, index m, when with_gamma)
   stretched towards the image (zn, gn) of the state's midpoint
   (2^SC_DYN_J_REUSE_BITS times the movement), so that the following
   states stay inside it and J is reused; unstretched when the movement is
   large against z[lo, hi) or a radius is 0. */
static void
sc_centred_box_block(sc_centred_struct * C, arb_srcptr z, const arb_t gamma,
                     arb_srcptr zn, const arb_t gn, slong lo, slong hi,
                     int with_gamma, slong prec)
{
    slong i, m = C->m, end = with_gamma ? m + 1 : hi;
    mag_t ext, emax, wmax, rmin, rmax;
    arb_ptr x = C->s;

    mag_init(ext);
    mag_init(emax);
    mag_init(wmax);
    mag_init(rmin);
    mag_init(rmax);
    for (i = lo; i < end; i++)
    {
        if (i >= hi && i < m)
            continue;
        arb_sub(x, i < m ? zn + i : gn, i < m ? z + i : gamma, prec);
        arb_get_mag(ext, x);
        mag_max(emax, emax, ext);
        if (i < hi)
        {
            arb_get_mag(ext, z + i);
            mag_max(wmax, wmax, ext);
        }
    }
    mag_mul_2exp_si(wmax, wmax, SC_DYN_J_MAX_REL - SC_DYN_J_REUSE_BITS);
    /* the stretch widens J by about its relative width, and J couples
       every radius into every coordinate: scaled by r_min / r_max over
       the block, the widening stays below the smallest radius
       (anisotropic enclosures, e.g. rho tiny, keep their narrow
       coordinates) */
    for (i = lo; i < hi; i++)
    {
        mag_max(rmax, rmax, arb_radref(z + i));
        if (i == lo || mag_cmp(arb_radref(z + i), rmin) < 0)
            mag_set(rmin, arb_radref(z + i));
    }
    mag_mul(wmax, wmax, rmin);
    mag_div(wmax, wmax, rmax);      /* rmax = 0: infinite, and rmin = 0 */
    if (!mag_is_zero(rmin) && mag_cmp(emax, wmax) <= 0)
        for (i = lo; i < end; i++)
        {
            if (i >= hi && i < m)
                continue;
            arb_sub(x, i < m ? zn + i : gn, i < m ? z + i : gamma, prec);
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

/* B = the state (z, gamma), stretched block by block: all of w in
   absolute coordinates; u and e apart in split coordinates, where e's
   scale is its own (rho tiny: far below u's).  Affine mode: gamma is not
   part of the box (its last ball is set by the caller). */
static void
sc_centred_box(sc_centred_struct * C, arb_srcptr z, const arb_t gamma,
               arb_srcptr zn, const arb_t gn, slong prec)
{
    slong m = C->m;

    _arb_vec_set(C->B, z, m);
    arb_set(C->B + m, gamma);
    if (C->S != NULL)
    {
        sc_centred_box_block(C, z, gamma, zn, gn, 0, 1, 0, prec);
        sc_centred_box_block(C, z, gamma, zn, gn, 1, m, 0, prec);
    }
    else
        sc_centred_box_block(C, z, gamma, zn, gn, 0, m, !C->affine, prec);
}

/* B from the state (z, gamma) and the image (zn, gn) of its midpoint, then
   J and g over B (J of the projected step under project_norm). */
static void
sc_centred_refresh(sc_centred_struct * C, sc_dyn_t D, arb_srcptr z,
                   const arb_t gamma, arb_srcptr zn, const arb_t gn,
                   const arb_t W0, sc_full_work_struct * K, slong prec)
{
    slong i, m = C->m, jprec = FLINT_MIN(prec, SC_DYN_JACOBIAN_PREC);

    sc_centred_box(C, z, gamma, zn, gn, prec);
    /* J only multiplies the tiny box - mid: a few dozen correct bits are
       all it needs, and a 64-bit enclosure costs a fraction of the step */
    if (C->affine)
    {
        arb_one(C->B + m);
        if (C->S != NULL)
            C->lowrank = sc_dyn_split_jacobian_grad_lr(C->J, C->g, C->la,
                                                       C->lb, C->SJ, C->B,
                                                       jprec);
        else
            sc_dyn_jacobian_grad(C->J, C->g, D, C->B, C->B + m, jprec);
        for (i = 0; i < m; i++)
        {
            arb_sub(C->Dm + i, arb_mat_entry(C->J, i, i), C->decay, jprec);
            arb_zero(arb_mat_entry(C->J, i, i));
        }
    }
    else
        sc_dyn_jacobian_grad(C->J, C->g, D, C->B, C->B + m, jprec);
    if (D->project_norm)
        sc_dyn_project_jacobian(C->J, D, C->B, C->B + m, W0, K, jprec);
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
sc_centred_holds(const sc_centred_struct * C, arb_srcptr z,
                 const arb_t gamma)
{
    slong i, m = C->m;

    if (!C->valid || (!C->affine && !sc_ball_inside(C->B + m, gamma)))
        return 0;
    for (i = 0; i < m; i++)
        if (!sc_ball_inside(C->B + i, z + i))
            return 0;
    return 1;
}

/* Lowrank: x_{1+l} (this step's gamma delta) has midpoint 0, so
   sum_{l != k} lb_l x_{1+l} is the ball [0 +- sum_{l != k} |lb_l| rad
   x_{1+l}], the radius the dense row's dot gives its terms.  tl holds the
   terms' suffix sums (tl[l] = sum over l' >= l, tl[m - 1] = 0), all
   rounded up. */
static void
sc_centred_lowrank_sums(sc_centred_struct * C)
{
    slong l, m = C->m;
    mag_t t;

    mag_init(t);
    mag_zero(C->tl + m - 1);
    for (l = m - 2; l >= 0; l--)
    {
        arb_get_mag(t, C->lb + l);
        mag_mul(t, t, arb_radref(C->x + 1 + l));
        mag_add(C->tl + l, C->tl + l + 1, t);
    }
    mag_clear(t);
}

/* Row i = 1 + k of J x in the lowrank form: the u and gamma columns,
   then la_k times the ball of the other c columns (the diagonal, kept
   apart in Dm, is added by the caller).  The prefix sum runs in
   C->tl[m]: rows are visited in order. */
static void
sc_centred_lowrank_row(arb_ptr zi, sc_centred_struct * C, slong i,
                       slong prec)
{
    slong k = i - 1, m = C->m;
    arb_ptr t = C->s;
    mag_t r;

    if (k == 0)
        mag_zero(C->tl + m);
    arb_addmul(zi, arb_mat_entry(C->J, i, 0), C->x, prec);
    arb_addmul(zi, arb_mat_entry(C->J, i, m), C->x + m, prec);
    mag_init(r);
    mag_add(r, C->tl + m, C->tl + k + 1);
    arb_zero(t);
    mag_swap(arb_radref(t), r);
    arb_mul(t, C->la + k, t, prec);
    arb_add(zi, zi, t, prec);
    /* the prefix for the next row: tl[m] += |lb_k| rad x_{1+k} */
    arb_get_mag(r, C->lb + k);
    mag_mul(r, r, arb_radref(C->x + 1 + k));
    mag_add(C->tl + m, C->tl + m, r);
    mag_clear(r);
}

/* The correction J delta (and g . delta for the loss) of the affine case
   at this step's gamma, added to zn, gn and lmid (see above). */
static void
sc_centred_affine(arb_ptr zn, arb_t gn, arb_t loss, const arb_t lmid,
                  const arb_t gamma, sc_centred_struct * C, slong prec)
{
    slong i, m = C->m, jprec = FLINT_MIN(prec, SC_DYN_JACOBIAN_PREC);
    arb_ptr t = C->s, delta = C->delta;

    for (i = 0; i < m; i++)
        arb_mul(C->x + i, gamma, delta + i, jprec);
    arb_set(C->x + m, delta + m);
    arb_dot(loss, lmid, 0, C->g, 1, C->x, 1, m, prec);
    arb_sub_ui(t, gamma, 1, jprec);
    arb_add(t, t, C->g + m, jprec);         /* dL/dgamma at gamma */
    arb_addmul(loss, t, delta + m, prec);
    if (C->lowrank)
        sc_centred_lowrank_sums(C);
    for (i = 0; i < m; i++)
    {
        if (C->lowrank && i > 0)
            sc_centred_lowrank_row(zn + i, C, i, prec);
        else
            arb_dot(zn + i, zn + i, 0, arb_mat_entry(C->J, i, 0), 1, C->x, 1,
                    m + 1, prec);
        arb_mul(t, gamma, C->Dm + i, jprec);
        arb_add(t, t, C->decay, jprec);     /* J_ii at gamma */
        arb_addmul(zn + i, t, delta + i, prec);
    }
    arb_dot(gn, gn, 0, arb_mat_entry(C->J, m, 0), 1, delta, 1, m + 1, prec);
}

/*
 * The centred (mean-value) form of one plain GD step from the box
 * (z, gamma): F(m) + J(B) (box - m) with m the box's midpoint.  Iterating
 * F on balls directly multiplies the radii by roughly |X~^T| |X~| / n per
 * step (about 5 bits per step on 16 x 6 Hadamard data); the centred form
 * multiplies them by |J|, the true Jacobian, and keeps long horizons
 * affordable.  The loss of the box comes the same way, L(m) + grad L(B) .
 * (box - m), from the gradient the Jacobian evaluation yields: no third
 * pass over the data.
 */
static void
sc_dyn_step_centred(arb_ptr zn, arb_t gn, arb_t loss, sc_dyn_t D,
                    arb_srcptr z, const arb_t gamma, const arb_t W0,
                    sc_full_work_struct * K, sc_centred_struct * C,
                    slong prec)
{
    slong i, m = C->m;
    arb_ptr mg = K->mg, lmid = K->lmid, delta = C->delta;

    /* box - midpoint = [0 +- radius], exactly */
    for (i = 0; i <= m; i++)
    {
        arb_zero(delta + i);
        mag_set(arb_radref(delta + i), arb_radref(i < m ? z + i : gamma));
    }
    arb_get_mid_arb(mg, gamma);
    for (i = 0; i < m; i++)
        arb_get_mid_arb(zn + i, z + i);
    /* F at the midpoint: a point input, so only rounding widens it (the
       step reads z_j before it writes zn_j, so zn may hold the input) */
    if (C->S != NULL)
        sc_dyn_split_step(zn, gn, lmid, C->S, zn, mg, prec);
    else
        sc_dyn_step(zn, gn, lmid, D, zn, mg, NULL, NULL, W0, K, prec);
    if (!sc_centred_holds(C, z, gamma))
        sc_centred_refresh(C, D, z, gamma, zn, gn, W0, K, prec);
    if (C->affine)
    {
        sc_centred_affine(zn, gn, loss, lmid, gamma, C, prec);
        return;
    }
    arb_dot(loss, lmid, 0, C->g, 1, delta, 1, m + 1, prec);
    for (i = 0; i < m; i++)
        arb_dot(zn + i, zn + i, 0, arb_mat_entry(C->J, i, 0), 1, delta, 1,
                m + 1, prec);
    arb_dot(gn, gn, 0, arb_mat_entry(C->J, m, 0), 1, delta, 1, m + 1, prec);
}

/* Ends T before state t: its enclosure is too wide to step on (the
   caller escalates the precision). */
static void
sc_traj_stop_wide(sc_traj_t T, slong t, slong prec)
{
    T->len = t;
    snprintf(T->stop, sizeof(T->stop), "enclosure of the state too wide at "
             "step %ld (precision %ld bits)", (long) t, (long) prec);
}

/* The split coordinates serve certified plain runs of the square loss
   with a reference direction (momentum and the norm projection keep the
   absolute coordinates, and so do the data whose Gram matrix is not the
   cheaper route, d >= 2 n: M e costs d^2). */
static int
sc_dyn_use_split(const sc_dyn_t D, const sc_case_t c, int point)
{
    return !point && D->loss == SC_LOSS_SQUARE && D->has_ref && D->gram
           && !D->project_norm && fmpq_is_zero(c->momentum);
}

/* The run in split coordinates: z = (u, e) of each state in a window of
   its own (the trajectory keeps w = u w* + e and the directional
   quantities, formed from u and e). */
static void
sc_dyn_run_split(sc_traj_t T, const sc_case_t c, const sc_data_t data,
                 sc_dyn_t D, slong prec)
{
    slong t, d = c->d, m = d;
    slong jprec = FLINT_MIN(prec, SC_DYN_JACOBIAN_PREC);
    sc_dyn_split_t S, SJ;
    sc_full_work_struct K;
    sc_centred_struct C;
    arb_ptr Z = _arb_vec_init(2 * m);
    arb_t W0;

    sc_dyn_split_init2(S, SJ, c, data, prec, jprec);
    sc_full_work_init(&K, d);
    sc_centred_init(&C, D, m, S, SJ);
    arb_init(W0);
    _arb_vec_set(Z, S->z0, m);
    arb_set_fmpq(T->gamma, c->gamma0, prec);
    _sc_traj_alloc_split(T);
    T->split = 1;

    for (t = 0; ; t++)
    {
        slong s = sc_traj_slot(T, t), sn = sc_traj_slot(T, t + 1);
        arb_ptr z = Z + (t % 2) * m, zn = Z + ((t + 1) % 2) * m;
        arb_ptr w = T->w + s * d;

        sc_dyn_split_direction(w, T->a + s, T->b + s, T->rho + s, T->W + s,
                               T->h + s, S, D->c, z, T->gamma + s, prec);
        _arb_vec_set(T->z + s * d, z, m);
        T->len = t + 1;
        if (!_arb_vec_is_finite(z, m)
            || !sc_dyn_state_usable(w, d, T->gamma + s, T->W + s))
        {
            sc_traj_stop_wide(T, t, prec);
            break;
        }
        if (t > 0 && _sc_traj_settle(T, t - 1))
            break;
        if (t == c->steps)
        {
            sc_dyn_split_loss(T->loss + s, S, z, T->gamma + s, prec);
            break;
        }
        sc_dyn_step_centred(zn, T->gamma + sn, T->loss + s, D, z,
                            T->gamma + s, W0, &K, &C, prec);
    }
    _sc_traj_finish(T);

    arb_clear(W0);
    sc_centred_clear(&C);
    sc_full_work_clear(&K, d);
    sc_dyn_split_clear(SJ);
    sc_dyn_split_clear(S);
    _arb_vec_clear(Z, 2 * m);
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
    T->point = point;
    T->prec = prec;
    T->has_ref = D->has_ref;
    T->stop[0] = '\0';
    T->split = 0;
    if (sc_dyn_use_split(D, c, point))
    {
        sc_dyn_run_split(T, c, data, D, prec);
        sc_dyn_clear(D);
        return;
    }
    if (point)
        sc_dyn_make_point(D);
    sc_full_work_init(&K, d);
    sc_centred_init(&C, D, d, NULL, NULL);
    arb_init(W0);

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
            sc_traj_stop_wide(T, t, prec);
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
    sc_centred_clear(&C);
    sc_full_work_clear(&K, d);
    sc_dyn_clear(D);
}
