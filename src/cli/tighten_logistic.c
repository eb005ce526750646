/*
 * tighten_logistic.c -- the logistic family of `spikecheck tighten`:
 * recipe data of LOGISTIC.md section 3 (n, d, weights alpha, margin, seed)
 * with a near-reference initial state (rho0 from the SVM direction,
 * ||w0||^2 = 1, gamma0), eta, eta_gamma and steps.
 *
 * With positive weights the recipe meets A1 (d > n), A3 and A4, so every
 * draw is within the standing hypotheses of the logistic line; the
 * per-step ones (a' > 0, cos_Sigma >= 0, ...) are the checker's to decide.
 * The directional dynamics depend on the data only through their shape
 * (scaling X does not change y^, the gradient or rho) and on w0 only
 * through eta / ||w0||^2, so ||w0||^2 = 1 and the margin is written as a
 * factor of the typical nonzero eigenvalue (20/3)(d - 1)/n of the
 * projected integer block Z Z^T / n (entries in [-4, 4]): the factor
 * sets lambda_max / m^2 and kappa.  Rotation and shift are left out: they
 * change neither.  Draws and moves are heuristic (doubles); the case file
 * is exact.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli/tighten.h"
#include "num/num.h"

#define SC_TIGHT_L_MAX_D 64

/* heuristic: lo (hi/lo)^u, u uniform in [0, 1] */
static double
sc_tight_l_logu(sc_rand_t rs, double lo, double hi)
{
    return lo * sc_num_pow_d(hi / lo, sc_tight_uniform(rs, 0, 1));
}

static void
sc_tight_l_alpha(sc_tight_logistic * p, sc_rand_t rs)
{
    slong i, equal = sc_rand_range(rs, 0, 1);

    for (i = 0; i < SC_TIGHT_MAX_N; i++)
        p->alpha[i] = equal ? 1 : sc_rand_range(rs, 1, 5);
}

static void
sc_tight_l_draw(sc_tight_params * P, sc_rand_t rs)
{
    sc_tight_logistic * p = &P->l;

    p->n = 2 * sc_rand_range(rs, 2, SC_TIGHT_MAX_N / 2);
    p->d = FLINT_MIN(SC_TIGHT_L_MAX_D, p->n + sc_rand_range(rs, 1, 40));
    sc_tight_l_alpha(p, rs);
    p->data_seed = sc_rand_next(rs) >> 1;
    p->init_seed = sc_rand_next(rs) >> 1;
    p->margin = sc_tight_l_logu(rs, 0.3, 3.0);
    p->rho0 = sc_tight_l_logu(rs, 0.05, 3.0);
    p->gamma = sc_tight_l_logu(rs, 1e-3, 3.0);
    p->eta = sc_tight_l_logu(rs, 0.1, 1e4);
    p->etag = sc_tight_l_logu(rs, 1e-3, 0.05);
    p->steps = (slong) sc_tight_l_logu(rs, 10, 200);
}

/* A neighbour of p: one parameter moved by a factor exp(+-scale), a size
   or a weight changed, or the data or initial state redrawn. */
static void
sc_tight_l_move(sc_tight_params * P, sc_rand_t rs, double scale)
{
    sc_tight_logistic * p = &P->l;
    double f = sc_num_exp_d(sc_tight_uniform(rs, -scale, scale));

    switch (sc_rand_range(rs, 0, 10))
    {
        case 0: p->rho0 = sc_tight_clamp(p->rho0 * f, 1e-3, 50.0); break;
        case 1: p->gamma = sc_tight_clamp(p->gamma * f, 1e-5, 30.0); break;
        case 2: p->eta = sc_tight_clamp(p->eta * f, 1e-4, 1e8); break;
        case 3: p->etag = sc_tight_clamp(p->etag * f, 1e-5, 0.5); break;
        case 4: p->margin = sc_tight_clamp(p->margin * f, 0.05, 20.0); break;
        case 5:
            p->steps = (slong) sc_tight_clamp(p->steps * f, 1, 400);
            break;
        case 6:
            p->n = 2 * sc_rand_range(rs, 2, SC_TIGHT_MAX_N / 2);
            p->d = FLINT_MAX(p->d, p->n + 1);
            break;
        case 7: p->d = sc_rand_range(rs, p->n + 1, SC_TIGHT_L_MAX_D); break;
        case 8:
            if (sc_rand_range(rs, 0, 3) == 0)
                sc_tight_l_alpha(p, rs);
            else
                p->alpha[sc_rand_range(rs, 0, p->n - 1)]
                    = sc_rand_range(rs, 1, 5);
            break;
        case 9: p->data_seed = sc_rand_next(rs) >> 1; break;
        default: p->init_seed = sc_rand_next(rs) >> 1; break;
    }
}

/* The case file of p.  Six significant digits, each an exact decimal. */
static void
sc_tight_l_text(char * buf, size_t len, const sc_tight_params * P,
                double scale, const char * name)
{
    const sc_tight_logistic * p = &P->l;
    double s = p->margin * sqrt(20.0 / 3.0 * (double) (p->d - 1)
                                / (double) p->n);
    size_t k;
    slong i;

    (void) scale;
    k = (size_t) snprintf(buf, len, "{\n  \"format\": \"%s\",\n  \"name\": "
                          "\"%s\",\n  \"loss\": \"logistic\",\n  \"data\": "
                          "{\"generator\": \"logistic\", \"n\": %ld, \"d\": "
                          "%ld, \"margin\": \"%.6e\",\n           \"alpha\": "
                          "[", SC_CASE_FORMAT, name, (long) p->n,
                          (long) p->d, s);
    for (i = 0; i < p->n && k < len; i++)
        k += (size_t) snprintf(buf + k, len - k, "%s\"%ld\"", i ? ", " : "",
                               (long) p->alpha[i]);
    if (k < len)
        snprintf(buf + k, len - k, "], \"seed\": %lu},\n  \"init\": "
                 "{\"generator\": \"near-reference\", \"rho0\": \"%.6e\", "
                 "\"norm2\": \"1\", \"gamma\": \"%.6e\", \"seed\": %lu},\n"
                 "  \"eta\": \"%.6e\", \"eta_gamma\": \"%.6e\",\n"
                 "  \"steps\": %ld,\n  \"precision\": %d\n}\n",
                 (unsigned long) p->data_seed, p->rho0, p->gamma,
                 (unsigned long) p->init_seed, p->eta, p->etag,
                 (long) p->steps, SC_CASE_DEFAULT_PREC);
}

const sc_tight_family sc_tight_family_logistic =
{
    "logistic", sc_tight_l_draw, sc_tight_l_move, sc_tight_l_text, NULL
};
