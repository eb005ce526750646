/*
 * f3_view.c -- Figure 3 beside its float run ([F3], THEOREMS.md s.6: "reproduce
 * at 53 bits too, and show where float64 differs").
 *
 * The certified run is full GD in balls (the Hilbert data are not
 * whitened, so there is no reduced recurrence), at doubling precision until
 * it reaches the horizon with every loss comparison of the [F3] spike and
 * every rho flag decided.  The float run is full GD with every state
 * rounded to fprec bits (sc_dyn_run_full with point = 1).  Three places
 * where the float run parts from the certified one are located, each
 * decided on the balls: the first step whose loss rise/fall differs, the
 * first step whose rho rising flag differs, and the first state whose loss
 * or rho lies outside the certified enclosure.
 */
#include <math.h>
#include <string.h>
#include "theorems/figure3/figure3.h"
#include "num/num.h"

/* SC_TRUE when every loss comparison [F3] needs and every rho flag of C
   is decided; the spike is then stored in V. */
static sc_truth_t
sc_f3_view_decided(sc_f3_view_struct * V, const sc_traj_struct * C,
                   slong steps, slong prec)
{
    sc_spike_t S;
    sc_result_t tmp;
    slong t;
    int status;

    if (C->len < steps + 1)
        return SC_UNKNOWN;
    for (t = 0; C->has_ref && t + 1 < C->len; t++)
        if (C->rising[t] == SC_UNKNOWN)
            return SC_UNKNOWN;
    sc_spike_init(S);
    sc_result_init(tmp);
    status = sc_spike_find(S, tmp, C->loss, C->len, prec);
    V->onset_c = status == SC_OK ? S->onset : -1;
    V->peak_c = status == SC_OK ? S->peak : -1;
    V->ratio_c = V->onset_c >= 0 ? sc_num_get_d_heuristic(S->ratio) : NAN;
    sc_result_clear(tmp);
    sc_spike_clear(S);
    return status == SC_OK ? SC_TRUE : SC_UNKNOWN;
}

/* The float run's spike: its balls are exact points, so every comparison
   is decided (equal values are flat steps). */
static void
sc_f3_view_float_spike(sc_f3_view_struct * V, const sc_traj_struct * P,
                       slong prec)
{
    sc_spike_t S;
    sc_result_t tmp;

    sc_spike_init(S);
    sc_result_init(tmp);
    if (sc_spike_find(S, tmp, P->loss, P->len, prec) != SC_OK)
        S->onset = S->peak = -1;
    V->onset_f = S->onset;
    V->peak_f = S->peak;
    V->ratio_f = V->onset_f >= 0 ? sc_num_get_d_heuristic(S->ratio) : NAN;
    sc_result_clear(tmp);
    sc_spike_clear(S);
}

static sc_truth_t
sc_f3_view_loss_up(const sc_traj_struct * T, slong t)
{
    return sc_num_gt(T->loss + t + 1, T->loss + t);
}

/* Where the float run P parts from the certified run C. */
static void
sc_f3_view_diff(sc_f3_view_struct * V, const sc_traj_struct * C,
                const sc_traj_struct * P)
{
    slong t;
    sc_truth_t uc, uf;

    arb_t dev;

    arb_init(dev);
    V->loss_flag = V->rho_flag = V->leave = V->visible = -1;
    V->rho_flags = 0;
    for (t = 0; t < V->len; t++)
    {
        /* visible: |L_float - L| > L / 100, certified */
        arb_sub(dev, P->loss + t, C->loss + t, 64);
        arb_abs(dev, dev);
        arb_mul_si(dev, dev, 100, 64);
        if (V->visible < 0 && sc_num_gt(dev, C->loss + t) == SC_TRUE)
            V->visible = t;
        if (V->leave < 0 && (!arb_contains(C->loss + t, P->loss + t)
            || (V->has_ref && !arb_contains(C->rho + t, P->rho + t))))
            V->leave = t;
        if (t + 1 >= V->len)
            break;
        uc = sc_f3_view_loss_up(C, t);
        uf = sc_f3_view_loss_up(P, t);
        if (V->loss_flag < 0 && uc != SC_UNKNOWN && uf != uc
            && sc_num_lt(C->loss + t + 1, C->loss + t) != SC_UNKNOWN)
            V->loss_flag = t;
        if (V->has_ref && C->rising[t] != SC_UNKNOWN
            && P->rising[t] != C->rising[t])
        {
            if (V->rho_flag < 0)
                V->rho_flag = t;
            V->rho_flags++;
        }
    }
    arb_clear(dev);
}

/* Both runs as doubles for the plots (heuristic: display only). */
static void
sc_f3_view_series(sc_f3_view_struct * V, const sc_traj_struct * C,
                  const sc_traj_struct * P)
{
    slong t, len = V->len;
    arb_t th;

    arb_init(th);
    V->rho_c = flint_malloc(11 * FLINT_MAX(len, 1) * sizeof(double));
    V->rho_f = V->rho_c + len;
    V->h_c = V->rho_f + len;
    V->h_f = V->h_c + len;
    V->theta_c = V->h_f + len;
    V->loss_c = V->theta_c + len;
    V->loss_f = V->loss_c + len;
    V->gamma_c = V->loss_f + len;
    V->gamma_f = V->gamma_c + len;
    V->W_c = V->gamma_f + len;
    V->W_f = V->W_c + len;
    for (t = 0; t < len; t++)
    {
        V->rho_c[t] = sc_num_get_d_heuristic(C->rho + t);
        V->rho_f[t] = sc_num_get_d_heuristic(P->rho + t);
        V->h_c[t] = sc_num_get_d_heuristic(C->h + t);
        V->h_f[t] = sc_num_get_d_heuristic(P->h + t);
        sc_num_theta(th, C->rho + t, 53);
        V->theta_c[t] = arb_is_finite(th) ? sc_num_get_d_heuristic(th) : NAN;
        V->loss_c[t] = sc_num_get_d_heuristic(C->loss + t);
        V->loss_f[t] = sc_num_get_d_heuristic(P->loss + t);
        V->gamma_c[t] = sc_num_get_d_heuristic(C->gamma + t);
        V->gamma_f[t] = sc_num_get_d_heuristic(P->gamma + t);
        V->W_c[t] = sc_num_get_d_heuristic(C->W + t);
        V->W_f[t] = sc_num_get_d_heuristic(P->W + t);
    }
    arb_clear(th);
}

/* one attempt of the certified side: decided when the run reaches the
   horizon with its flags and its spike decided */
typedef struct
{
    sc_f3_view_struct * V;
    sc_ctx_struct * ctx;
    const sc_traj_struct * C;
}
sc_f3_view_attempt_struct;

static int
sc_f3_view_attempt(void * arg, slong prec, int last)
{
    sc_f3_view_attempt_struct * a = arg;

    (void) last;
    a->C = sc_ctx_full(a->ctx, prec);
    a->V->prec = prec;
    return sc_f3_view_decided(a->V, a->C, a->ctx->cs->steps, prec)
           == SC_TRUE ? SC_OK : SC_UNABLE;
}

void
sc_f3_view_init(sc_f3_view_struct * V, sc_ctx_t ctx, slong fprec,
                slong prec0, slong prec_max)
{
    sc_f3_view_attempt_struct a = { V, ctx, NULL };
    const sc_traj_struct * C;
    sc_traj_t P;

    memset(V, 0, sizeof(*V));
    V->undecided = (sc_escalate(NULL, prec0, prec_max, sc_f3_view_attempt,
                                &a) != SC_OK);
    C = a.C;
    sc_traj_init(P, SC_TRAJ_FULL, ctx->cs->d, ctx->cs->steps);
    sc_dyn_run_full(P, ctx->cs, ctx->data, 1, fprec);
    V->len = FLINT_MIN(P->len, C->len);
    V->has_ref = C->has_ref;
    sc_f3_view_float_spike(V, P, fprec);
    sc_f3_view_diff(V, C, P);
    sc_f3_view_series(V, C, P);
    sc_traj_clear(P);
}

void
sc_f3_view_clear(sc_f3_view_struct * V)
{
    flint_free(V->rho_c);
}
