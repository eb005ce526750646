/*
 * dyn.h -- dynamics (sc_dyn_*): full gradient descent on the real data for
 * both losses, and the reduced recurrence of [L7], as trajectories of
 * balls.
 *
 * Full GD uses the generic chain-rule gradient of the BN model
 *   f(x) = gamma w^T (x - mu) / ||w||_Sigma
 * (no whitening shortcut), so it is the independent reference for the
 * reduced recurrence.  Iterated in balls, every state of a trajectory is a
 * certified enclosure of the exact GD state; the radii grow with the steps
 * (wrapping), which shows up as undecidable comparisons and hence as
 * precision escalation, never as a wrong decision.
 *
 * A "point" trajectory drops the radius after every operation that ends a
 * step: it is what a floating-point experiment at that precision computes
 * (53 bits: the float64 view).  Its decisions are not certified.
 */
#ifndef SC_DYN_H
#define SC_DYN_H

#include "spikecheck.h"
#include "cases/cases.h"
#include "data/data.h"
#include "arb_mat.h"
#include "data/svm.h"

typedef enum
{
    SC_TRAJ_FULL = 0,
    SC_TRAJ_REDUCED = 1
} sc_traj_kind_t;

/* Named scratch scalars of a gradient and of the loss (grad.c). */
typedef struct
{
    arb_t S, N, k, q, a;    /* ||X~ w||^2, ||w||_Sigma, gamma / N, ... */
    arb_t s, l, ve;         /* per-sample margin, loss term, v.e */
    arb_t ml;               /* the margin loss's own scratch */
}
sc_dyn_grad_work_struct;

/* Named scratch scalars of a Jacobian evaluation (jacobian.c). */
typedef struct
{
    arb_t S, N, k, phi, sigma;
    arb_t vdv, dN, dk, dphi, dsig, t, dgg, decay;
    arb_t dgamma, q, r;
    arb_struct coef[3];     /* the square loss's column constants
                               (cG, c1_j, c3_j): contiguous for arb_dot */
    arb_t ml;               /* the margin loss's own scratch */
}
sc_dyn_jac_work_struct;

/*
 * The case in balls at one precision: the data, the reference direction
 * u* = w* / c and the step sizes.  Owned scratch space makes a gradient
 * evaluation allocation-free.
 */
typedef struct
{
    sc_loss_t loss;
    slong n, d;
    arb_mat_t Xc;           /* centred data */
    arb_ptr y;              /* labels */
    arb_ptr ustar;          /* unit reference direction (if has_ref) */
    arb_t c;                /* ||w*|| */
    arb_t Lstar;            /* ||y||^2 / 2n - ||w*||_Sigma^2 / 2 */
    arb_t eta, eta_gamma, weight_decay, momentum;
    int project_norm;
    int has_ref;
    int point;              /* a floating-point run: per-sample formulas,
                               as a float experiment computes them */
    arb_ptr b;              /* X~^T y (the square loss's gradient),
                               exact data rounded once */
    arb_mat_t XtX;          /* X~^T X~ = n Sigma, exact data rounded once
                               (the square loss; 0 x 0 otherwise) */
    int gram;               /* the square loss's X~^T X~ w is the d dots
                               of length d of XtX w, not the 2 n d terms of
                               X~^T (X~ w) (d < 2 n, certified runs) */
    arb_t Y2n;              /* ||y||^2 / 2n (the square loss) */
    arb_t decay;            /* 1 - eta weight_decay */
    /* the square loss's Jacobian rests on XtX and b rounded to the
       precision the Jacobian asks for (gprec) */
    arb_mat_t G;
    arb_ptr Gb;
    slong gprec;            /* 0 until G is formed */
    /* workspace: a step allocates nothing */
    arb_ptr v, e, p;        /* length n: gradient */
    arb_ptr u, r;           /* length d: X~^T v; direction residual */
    arb_ptr jn;             /* 6 n: Jacobian (any loss) */
    arb_ptr jd;             /* 5 d: the Jacobian's X~^T p, G w and rows */
    sc_dyn_grad_work_struct gwork;
    sc_dyn_jac_work_struct jwork;
}
sc_dyn_struct;

typedef sc_dyn_struct sc_dyn_t[1];

void sc_dyn_init(sc_dyn_t D, const sc_case_t c, const sc_data_t data,
                 slong prec);
void sc_dyn_clear(sc_dyn_t D);

/*
 * Gradient of the loss at (w, gamma): gw (length d) = grad_w L,
 * ggamma = dL/dgamma, loss = L(w, gamma).  Any output may be NULL except
 * gw.  Uses D's scratch space (not thread-safe per D).
 */
void sc_dyn_grad(arb_ptr gw, arb_t ggamma, arb_t loss, sc_dyn_t D,
                 arb_srcptr w, const arb_t gamma, slong prec);

/* l(s), l'(s), l''(s) of the margin loss (square: (1 - s)^2 / 2, logistic:
   log(1 + e^-s)); any output may be NULL.  Arb has no overflow, so
   log1p(exp(-s)) is accurate for every s. */
void sc_dyn_margin_loss(arb_t l, arb_t dl, arb_t d2l, sc_loss_t loss,
                        const arb_t s, slong prec);

/* The same with caller's scratch t (no allocation in a step). */
void _sc_dyn_margin_loss(arb_t l, arb_t dl, arb_t d2l, sc_loss_t loss,
                         const arb_t s, arb_t t, slong prec);

/*
 * Jacobian of the plain GD map (w, gamma) -> (w - eta grad_w L - eta lambda w,
 * gamma - eta_gamma dL/dgamma), enclosed over the box (w, gamma) (balls):
 * J is (d + 1) x (d + 1), the last row and column belonging to gamma.
 * Used for the centred form F(box) in F(mid) + J(box) (box - mid), which
 * loses far fewer bits per step than iterating F on balls.
 */
void sc_dyn_jacobian(arb_mat_t J, sc_dyn_t D, arb_srcptr w,
                     const arb_t gamma, slong prec);

/*
 * Hessian of the loss in (w, gamma) plus lambda on the w-block (weight
 * decay), enclosed over the box (w, gamma): H is (d + 1) x (d + 1), last
 * row and column gamma.  Computed as P^{-1} (I - J) from sc_dyn_jacobian,
 * P = diag(eta I_d, eta_gamma), so it shares the gradient code.
 */
void sc_dyn_hessian(arb_mat_t H, sc_dyn_t D, arb_srcptr w,
                    const arb_t gamma, slong prec);

/* P = diag(eta I_d, eta_gamma), or P^{1/2} when root != 0
   ((d + 1) x (d + 1)). */
void sc_dyn_step_matrix(arb_mat_t P, const sc_dyn_t D, int root,
                        slong prec);
/* The same, and g (length d + 1, may be NULL) = (grad_w L, dL/dgamma)
   enclosed over the box.  For the square loss J is formed from X~^T X~
   (d x d, formed once per precision): O(d^2) per call, not O(n d^2). */
void sc_dyn_jacobian_grad(arb_mat_t J, arb_ptr g, sc_dyn_t D, arb_srcptr w,
                          const arb_t gamma, slong prec);

/* The loss alone. */
void sc_dyn_loss(arb_t loss, sc_dyn_t D, arb_srcptr w, const arb_t gamma,
                 slong prec);

/* The same, and what it computes on the way: v = X~ w (length n) and
   N = ||X~ w|| / sqrt(n) = ||w||_Sigma, so that a caller that needs them
   too ([L1]) does not form X~ w twice; bit-identical to sc_dyn_loss and
   to the same arb_dot and norm calls made apart. */
void sc_dyn_loss_proj(arb_t loss, arb_ptr v, arb_t N, sc_dyn_t D,
                      arb_srcptr w, const arb_t gamma, slong prec);

/*
 * Directional quantities of a state: a = <w, u*>, b = ||w - a u*||,
 * rho = b / a (indeterminate unless a > 0), W = ||w||^2,
 * h = eta gamma c / W.  b is computed from the residual vector, not as
 * sqrt(W - a^2), to keep its relative accuracy when rho is tiny.
 */
void sc_dyn_direction(arb_t a, arb_t b, arb_t rho, arb_t W, arb_t h,
                      sc_dyn_t D, arb_srcptr w, const arb_t gamma,
                      slong prec);

/*
 * A trajectory: states t = 0 .. len - 1.  A stored trajectory keeps every
 * state (index t); a streaming one keeps the last SC_TRAJ_WINDOW (slot
 * t % SC_TRAJ_WINDOW, see sc_traj_slot) and hands each state to a visitor
 * as soon as it is final, so a run of any length needs memory for three
 * states (the step reads t - 1 for momentum and t, and writes t + 1).
 * Code that indexes by t directly (the checkers, the context's cache)
 * takes stored trajectories only.
 */
typedef struct sc_traj_struct_ sc_traj_struct;

/*
 * A visitor of a streaming run: called once for each state t, in order,
 * when its values and (if t + 1 < T->len) rising[slot] are final; the
 * last state comes after the run, when T->len and T->stop are.  A nonzero
 * return stops the run there (T->stop says so, the last state is not
 * visited).
 */
typedef int (*sc_traj_visit_t)(const sc_traj_struct * T, slong t,
                               void * arg);

#define SC_TRAJ_WINDOW 3

struct sc_traj_struct_
{
    sc_traj_kind_t kind;
    int point;
    slong prec;
    slong d;
    slong len;              /* states computed */
    slong steps;            /* states requested - 1 */
    slong window;           /* 0: stored; SC_TRAJ_WINDOW: streaming */
    arb_ptr w;              /* full only: row t at w + sc_traj_slot(t) d */
    arb_ptr z;              /* full GD in split coordinates (split.c):
                               row t = (u, c) at z + sc_traj_slot(t) d;
                               NULL or unused (split == 0) otherwise */
    int split;              /* z holds this run's states */
    arb_ptr gamma, a, b, rho, W, h, loss;
    sc_truth_t * rising;    /* rising[slot(t)]: rho_{t+1} > rho_t,
                               t < len - 1 */
    int has_ref;
    char stop[160];         /* why len < steps + 1, "" otherwise */
    sc_traj_visit_t visit;  /* streaming only */
    void * visit_arg;
    int stopped;            /* the visitor stopped the run */
};

typedef sc_traj_struct sc_traj_t[1];

/* Where state t lives: t when stored, t % SC_TRAJ_WINDOW streaming. */
static inline slong
sc_traj_slot(const sc_traj_struct * T, slong t)
{
    return T->window ? t % T->window : t;
}

/* A stored trajectory of up to steps + 1 states. */
void sc_traj_init(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps);
/* A streaming trajectory: visit(T, t, arg) sees every state. */
void sc_traj_init_stream(sc_traj_t T, sc_traj_kind_t kind, slong d,
                         slong steps, sc_traj_visit_t visit, void * arg);
void sc_traj_clear(sc_traj_t T);

/* Runs full GD (square or logistic, with the BEYOND.md options) from the
   case's initial state for c->steps steps at prec; point = 1 for the
   uncertified floating-point run. */
void sc_dyn_run_full(sc_traj_t T, const sc_case_t c, const sc_data_t data,
                     int point, slong prec);

/*
 * Runs the reduced recurrence of [L7] on (rho, gamma, W).  Applicable only
 * to the square loss with Sigma = I, a_0 > 0 and plain GD; returns
 * SC_DOMAIN (T untouched, reason in why) otherwise.
 */
int sc_dyn_run_reduced(sc_traj_t T, const sc_case_t c, const sc_data_t data,
                       int point, slong prec, char * why, size_t whylen)
    SC_WARN_UNUSED;

/* Why the reduced recurrence does not apply to this case, or NULL. */
const char * sc_dyn_reduced_domain(const sc_case_t c, const sc_data_t data);

/* w (length d), gamma = the midpoints of state t of a full trajectory
   (stored, or streaming and t among the last three):
   an exact state within the certified enclosure, for per-state checks. */
void sc_traj_state_mid(arb_ptr w, arb_t gamma, const sc_traj_t T, slong t);

/* The same in split coordinates: z = the midpoint of (u, c) of state t
   (T->split only). */
void sc_traj_split_mid(arb_ptr z, arb_t gamma, const sc_traj_t T, slong t);

/* Rows for the split coordinates of every state T holds (allocated once;
   the run in split coordinates calls it). */
void _sc_traj_alloc_split(sc_traj_t T);

/* The rising truth of step t computed from the rho's of t and t + 1. */
sc_truth_t sc_traj_rising(const sc_traj_t T, slong t);

/* Nonzero when rho_t certainly does not exist: no reference direction,
   or a_t <= 0 certain (a floating-point run: its rounded a_t).  A rising
   flag of step t or t - 1 is then undefined, not undecided: no precision
   decides it. */
int sc_traj_rho_undefined(const sc_traj_t T, slong t);

/* For the runners: state t + 1 is final and usable, so rising[t] is set
   and state t visited; returns the visitor's verdict (nonzero: stop, and
   T->stop, T->len say so). */
int _sc_traj_settle(sc_traj_t T, slong t);

/* For the runners, at the end of a run: the last state is visited. */
void _sc_traj_finish(sc_traj_t T);

/* ---- BN logistic regression (LOGISTIC.md section 1; dyn/logistic.c) ----

   States are exact points: the midpoint of a certified full-GD state,
   projected onto span(X~^T) in balls (the lemmas are stated for w in that
   span; a midpoint is off it by its rounding, which would fake violations
   of every bound that uses lambda_min).  The projection is no further from
   the exact GD state than the midpoint is. */

/* The case in balls at one precision. */
typedef struct
{
    sc_dyn_struct * D;      /* data, u* = w* / ||w*||, eta (plain step);
                               not owned */
    slong n, d, r;          /* r = rank X~ */
    arb_t m, lmin, lmax, kappa, slmax, R, beta;
    sc_truth_t m2_le_lmax;  /* m^2 <= lambda_max, decided exactly (equality
                               is common and no enclosure decides it) */
    arb_ptr xs;             /* X~ w* (n) */
    arb_t ws;               /* ||w*||_Sigma */
    arb_mat_t Bt;           /* d x r: a basis of span(X~^T) as columns */
    arb_mat_t Ginv;         /* (B B^T)^-1, r x r, exact inverse in balls */
    arb_ptr u, z;           /* scratch, length r */
}
sc_logi_struct;

typedef sc_logi_struct sc_logi_t[1];

/* The constants of case c (logistic loss, A1-A3 and w_0 in span(X~^T);
   beta is set only when A4 holds, else 0) at prec, on the model D at the
   same precision, which must outlive L. */
void sc_logi_init(sc_logi_t L, sc_dyn_struct * D, const sc_case_t c,
                  const sc_data_t data, slong prec);
void sc_logi_clear(sc_logi_t L);

/* The quantities of LOGISTIC.md section 1 at one state. */
typedef struct
{
    slong n, d;
    arb_ptr w, grad, yhat, g, w1;
    arb_t gamma, a, b, rho, W, gnorm, q, qf, Ns, N, rS;
    arb_t gbar, grms, cos, cosdef, yh2, omc, sin2, ymin, ymax;
    arb_t epsS, epsI, sigm, ell, loss, D, C;
    arb_t a1, rho1;         /* of the plain step w - eta grad (when asked) */
}
sc_logi_state_struct;

void sc_logi_state_init(sc_logi_state_struct * s, slong n, slong d);
void sc_logi_state_clear(sc_logi_state_struct * s);

/*
 * Sets s to the state (P w, gamma), P the orthogonal projection onto
 * span(X~^T), in balls:
 *   grad = grad_w L, q = -<grad, u*>, gnorm = ||grad||, loss = L,
 *   a, b, rho, W of sc_dyn_direction, Ns = ||w||_Sigma, N = Ns / a,
 *   rS = ||r||_Sigma (r = w - a u*), yhat_i = y_i x~_i^T w / Ns,
 *   g_i = sigma(-gamma yhat_i), gbar = mean g, grms = rms g,
 *   cos = mean yhat, cosdef = <w, w*>_Sigma / (Ns ||w*||_Sigma),
 *   yh2 = mean yhat^2, omc = 1 - cos = mean((yhat - 1)^2) / 2,
 *   sin2 = mean((yhat - cos)^2), ymin, ymax, epsS = sqrt(lmax) rho / m,
 *   epsI = R rho / m, sigm = sigma(-gamma), ell = l(gamma),
 *   D = sigma'(gamma max(0, min(1, ymin))), C = sigm + sqrt2 gamma D,
 *   qf = (gamma m / Ns) mean(g_i (1 - cos yhat_i))  (LOGISTIC.md 2.4).
 * Quantities that need a > 0 are indeterminate otherwise.
 */
void sc_logi_state_set(sc_logi_state_struct * s, sc_logi_t L,
                       arb_srcptr wmid, const arb_t gamma, slong prec);

/* Sets s->w1 = w - eta grad, s->a1 = a', s->rho1 = rho' (plain step). */
void sc_logi_state_step(sc_logi_state_struct * s, sc_logi_t L, slong prec);

/* Truth of the standing hypotheses of LOGISTIC.md 2.2-2.7 at s:
   a > 0 and gamma > 0. */
sc_truth_t sc_logi_standing(const sc_logi_state_struct * s);

/* ---- full GD of the square loss in split coordinates (dyn/split.c) ----

   The state w = u w* + e, e perpendicular to w* (the rational reference
   direction), carried as z = (u, c), c = e without its pivot coordinate p
   (e_p = -sum v_j c_j, v_j = w*_j / w*_p): e keeps its relative accuracy
   however small rho gets, so the precision a run needs does not grow with
   log2(1/rho).  The exact data terms (P X~^T y, P Sigma w*, P Sigma P,
   P = I - w* w*^T / (w*.w*)) are formed once in fmpq and rounded once;
   see split.c for the formulas. */

/* Named scratch scalars of a split step or Jacobian. */
typedef struct
{
    arb_t S, N, K, r, Kr, q, Ge, Pa, t, gu, gg, dS, dq, dK, dKr;
    arb_t eMe, Pb, Ps, u;   /* e.M e, PGb.e, PGs.e, u (gu without
                               cancelling) */
    arb_ptr jf;             /* the Jacobian's column-free factors (9) */
}
sc_dyn_split_work_struct;

typedef struct
{
    slong n, d;
    slong p;                /* the pivot: the largest |w*_p| */
    slong * idx;            /* the other coordinates, in order (d - 1) */
    arb_ptr ws;             /* w* */
    arb_ptr v;              /* w*_{idx[k]} / w*_p (d - 1) */
    arb_ptr Gs, PGs, PGb;   /* G w*, P G w*, P X~^T y (G = X~^T X~) */
    arb_ptr QGs, QPGs, QPGb;    /* Q^T of each, e = Q c (d - 1): their
                                   dots with e are dots with c */
    arb_mat_t A;            /* M Q, M = P G P (d x (d-1)): M e = A c, its
                               exact zeros skipped (whitened data: one
                               nonzero per row but p) */
    slong * Anz, * Acol;    /* A's exact nonzeros in each row, and the
                               column of the last one */
    arb_t c2, sGs, sGb;     /* w*.w*, w*.G w*, w*.X~^T y */
    arb_t Y2n;              /* ||y||^2 / 2n */
    arb_t eta, eta_c2, eta_gamma, decay;    /* eta_c2 = eta / c2 */
    arb_ptr z0;             /* the initial (u, c), exact data rounded once */
    int PGs_zero, PGb_zero; /* exactly zero (whitened data) */
    int lowrank;            /* PGb = 0 and A diagonal off the pivot row
                               (whitened data): the Jacobian's c-block is
                               a diagonal plus a rank-one term */
    arb_ptr e, Me, V, dg;   /* workspace, length d */
    arb_ptr jw;             /* the Jacobian's c-row factors, 2 d */
    sc_dyn_split_work_struct W;
}
sc_dyn_split_struct;

typedef sc_dyn_split_struct sc_dyn_split_t[1];

/* The split model of case c (square loss, has_ref) at prec. */
void sc_dyn_split_init(sc_dyn_split_t S, const sc_case_t c,
                       const sc_data_t data, slong prec);

/* The same at two precisions (the run's and its Jacobian's), from one
   exact computation of the data terms. */
void sc_dyn_split_init2(sc_dyn_split_t S, sc_dyn_split_t SJ,
                        const sc_case_t c, const sc_data_t data, slong prec,
                        slong jprec);
void sc_dyn_split_clear(sc_dyn_split_t S);

/* One plain GD step (weight decay included, no momentum, no norm
   projection) of z = (u, c), gamma: zn, gn, and loss = L(z, gamma) (may be
   NULL).  zn may alias z. */
void sc_dyn_split_step(arb_ptr zn, arb_t gn, arb_t loss, sc_dyn_split_t S,
                       arb_srcptr z, const arb_t gamma, slong prec);

/* The loss alone. */
void sc_dyn_split_loss(arb_t loss, sc_dyn_split_t S, arb_srcptr z,
                       const arb_t gamma, slong prec);

/* J ((d + 1) x (d + 1), coordinates (u, c, gamma)) of the step and g =
   (dL/du, dL/dc, dL/dgamma) (may be NULL), both at gamma = 1 and
   enclosed over the box z: the step is affine in gamma (full.c). */
void sc_dyn_split_jacobian_grad(arb_mat_t J, arb_ptr g, sc_dyn_split_t S,
                                arb_srcptr z, slong prec);

/* The same, and where S->lowrank (and ra != NULL) its c-block in the
   rank-one form: J_{1+k, 1+l} = ra_k rb_l for k != l (ra, rb of length
   d - 1), only the diagonal of the block set in J; returns 1 then, 0
   (J dense) otherwise.  The rank-one form is exactly the dense J's
   entries, so J delta is the same enclosure at O(d). */
int sc_dyn_split_jacobian_grad_lr(arb_mat_t J, arb_ptr g, arb_ptr ra,
                                  arb_ptr rb, sc_dyn_split_t S, arb_srcptr z,
                                  slong prec);

/* gu = w*.grad_w L and Pg = P grad_w L (length d) at the point or box z,
   gamma: grad_w L = (gu / c2) w* + Pg, each part at its own scale (the
   per-state checkers [L12] [L6] on split trajectories). */
void sc_dyn_split_grad(arb_t gu, arb_ptr Pg, sc_dyn_split_t S, arb_srcptr z,
                       const arb_t gamma, slong prec);

/* e (length d) of z = (u, c): e_{idx[k]} = c_k, e_p = -v.c. */
void sc_dyn_split_e(arb_ptr e, const sc_dyn_split_t S, arb_srcptr z,
                    slong prec);

/* z1 = z - eta grad_w L in split coordinates (the plain step without
   weight decay), from gu and Pg of sc_dyn_split_grad. */
void sc_dyn_split_move(arb_ptr z1, const sc_dyn_split_t S, arb_srcptr z,
                       const arb_t gu, arb_srcptr Pg, slong prec);

/* w = u w* + e and the directional quantities of sc_dyn_direction from
   z = (u, c):
   a = u ||w*|| (cref = ||w*||), b = ||e||, W = u^2 ||w*||^2 + ||e||^2,
   rho = b / a, h = eta gamma cref / W. */
void sc_dyn_split_direction(arb_ptr w, arb_t a, arb_t b, arb_t rho,
                            arb_t W, arb_t h, sc_dyn_split_t S,
                            const arb_t cref, arb_srcptr z,
                            const arb_t gamma, slong prec);

#endif
