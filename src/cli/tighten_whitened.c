/*
 * tighten_whitened.c -- the whitened square-loss family of `spikecheck
 * tighten`: generated whitened data (n, d, seed) and a near-reference
 * initial state (rho0, ||w0||^2, gamma0 = g c), eta = r ||w0||^2 / c^2,
 * eta_gamma and steps, with c = ||w*|| of the data found by a first pass.
 * Draws and moves are heuristic (doubles); the case file is exact.
 */
#include <math.h>
#include <stdio.h>
#include "cli/tighten.h"
#include "num/num.h"

/* A fresh draw: whitened data, a rising or delayed regime. */
static void
sc_tight_w_draw(sc_tight_params * P, sc_rand_t rs)
{
    static const slong sq[3] = { 9, 16, 25 };
    sc_tight_whitened * p = &P->w;

    p->n = sq[sc_rand_range(rs, 0, 2)];
    p->d = sc_rand_range(rs, 2, FLINT_MIN(6, p->n - 1));
    p->data_seed = sc_rand_next(rs) >> 1;
    p->init_seed = sc_rand_next(rs) >> 1;
    p->rho0 = 0.005 * sc_num_pow_d(60.0, sc_tight_uniform(rs, 0, 1));
    p->norm2 = sc_tight_uniform(rs, 0.5, 2.0);
    p->g = sc_tight_uniform(rs, 0.02, 1.5);
    p->r = sc_tight_uniform(rs, 1.0, 6.0);
    p->etag = 0.005 * sc_num_pow_d(20.0, sc_tight_uniform(rs, 0, 1));
    p->steps = 400;
}

/* A neighbour of p: one parameter moved by a factor exp(+-scale), or the
   data or initial state redrawn. */
static void
sc_tight_w_move(sc_tight_params * P, sc_rand_t rs, double scale)
{
    sc_tight_whitened * p = &P->w;
    double f = sc_num_exp_d(sc_tight_uniform(rs, -scale, scale));

    switch (sc_rand_range(rs, 0, 8))
    {
        case 0: p->rho0 = sc_tight_clamp(p->rho0 * f, 1e-4, 0.9); break;
        case 1: p->norm2 = sc_tight_clamp(p->norm2 * f, 0.1, 10.0); break;
        case 2: p->g = sc_tight_clamp(p->g * f, 1e-3, 3.0); break;
        case 3: p->r = sc_tight_clamp(p->r * f, 0.1, 100.0); break;
        case 4: p->etag = sc_tight_clamp(p->etag * f, 1e-4, 0.5); break;
        case 5:
            p->steps = (slong) sc_tight_clamp(p->steps * f, 20, 4000);
            break;
        case 6: p->d = sc_rand_range(rs, 1, FLINT_MIN(6, p->n - 1)); break;
        case 7: p->data_seed = sc_rand_next(rs) >> 1; break;
        default: p->init_seed = sc_rand_next(rs) >> 1; break;
    }
}

/* The case file of p (c = ||w*|| of its data, heuristic).  Six
   significant digits, each an exact decimal. */
static void
sc_tight_w_text(char * buf, size_t len, const sc_tight_params * P, double c,
                const char * name)
{
    const sc_tight_whitened * p = &P->w;

    snprintf(buf, len, "{\n  \"format\": \"%s\",\n  \"name\": \"%s\",\n"
             "  \"loss\": \"square\",\n  \"data\": {\"generator\": "
             "\"whitened\", \"n\": %ld, \"d\": %ld, \"seed\": %lu},\n"
             "  \"init\": {\"generator\": \"near-reference\", \"rho0\": "
             "\"%.6e\", \"norm2\": \"%.6e\", \"gamma\": \"%.6e\", "
             "\"seed\": %lu},\n  \"eta\": \"%.6e\", \"eta_gamma\": "
             "\"%.6e\",\n  \"steps\": %ld,\n  \"precision\": %d\n}\n",
             SC_CASE_FORMAT, name, (long) p->n, (long) p->d,
             (unsigned long) p->data_seed, p->rho0, p->norm2, p->g * c,
             (unsigned long) p->init_seed, p->r * p->norm2 / (c * c),
             p->etag, (long) p->steps, SC_CASE_DEFAULT_PREC);
}

/* c = ||w*||, or 0 when the data have no reference */
static double
sc_tight_w_scale(const sc_ctx_struct * ctx)
{
    return ctx->data->has_ref ? sqrt(fmpq_get_d(ctx->data->c2)) : 0;
}

const sc_tight_family sc_tight_family_whitened =
{
    "whitened", sc_tight_w_draw, sc_tight_w_move, sc_tight_w_text,
    sc_tight_w_scale
};
