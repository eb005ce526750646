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

typedef enum
{
    SC_TRAJ_FULL = 0,
    SC_TRAJ_REDUCED = 1
} sc_traj_kind_t;

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
    arb_ptr b;              /* X~^T y (the square loss's gradient) */
    arb_t Y2n;              /* ||y||^2 / 2n (the square loss) */
    arb_t decay;            /* 1 - eta weight_decay */
    /* the square loss's Jacobian rests on the constant X~^T X~ and X~^T y,
       rounded once to the precision the Jacobian asks for (gprec) */
    arb_mat_t G;
    arb_ptr Gb;
    slong gprec;            /* 0 until G is formed */
    /* workspace: a step allocates nothing */
    arb_ptr v, e, p;        /* length n: gradient */
    arb_ptr u, r;           /* length d: X~^T v; direction residual */
    arb_ptr jn;             /* 6 n: Jacobian (any loss) */
    arb_ptr jd;             /* 4 d + 2: Jacobian and its gradient */
    arb_ptr tmp;            /* SC_DYN_NTMP scalars, by range: [0, 8)
                               gradient and loss, [8, 28) Jacobian,
                               [28, 32) the step */
}
sc_dyn_struct;

#define SC_DYN_NTMP 32

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

/*
 * Directional quantities of a state: a = <w, u*>, b = ||w - a u*||,
 * rho = b / a (indeterminate unless a > 0), W = ||w||^2,
 * h = eta gamma c / W.  b is computed from the residual vector, not as
 * sqrt(W - a^2), to keep its relative accuracy when rho is tiny.
 */
void sc_dyn_direction(arb_t a, arb_t b, arb_t rho, arb_t W, arb_t h,
                      sc_dyn_t D, arb_srcptr w, const arb_t gamma,
                      slong prec);

/* A trajectory: states t = 0 .. len - 1. */
typedef struct
{
    sc_traj_kind_t kind;
    int point;
    slong prec;
    slong d;
    slong len;              /* states computed */
    slong steps;            /* states requested - 1 */
    arb_ptr w;              /* full only: len x d, row t at w + t d */
    arb_ptr gamma, a, b, rho, W, h, loss;
    sc_truth_t * rising;    /* rising[t]: rho_{t+1} > rho_t, t < len - 1 */
    int has_ref;
    char stop[160];         /* why len < steps + 1, "" otherwise */
    /* a certified run stops when W's relative radius passes this: the
       enclosure no longer says where the trajectory is */
}
sc_traj_struct;

typedef sc_traj_struct sc_traj_t[1];

void sc_traj_init(sc_traj_t T, sc_traj_kind_t kind, slong d, slong steps);
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

/* w (length d), gamma = the midpoints of state t of a full trajectory:
   an exact state within the certified enclosure, for per-state checks. */
void sc_traj_state_mid(arb_ptr w, arb_t gamma, const sc_traj_t T, slong t);

/* The rising truth of step t computed from the stored rho's. */
sc_truth_t sc_traj_rising(const sc_traj_t T, slong t);

#endif
