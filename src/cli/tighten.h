/*
 * tighten.h -- the parameter families of `spikecheck tighten`: each one
 * draws, perturbs and writes as an exact case file the parameters of the
 * cases the search climbs over.  Doubles only steer the search
 * (heuristic); the case file it writes is what the checker decides.
 */
#ifndef SC_CLI_TIGHTEN_H
#define SC_CLI_TIGHTEN_H

#include "cli/cli.h"
#include "theorems/theorems.h"

#define SC_TIGHT_MAX_N 10       /* logistic family: n <= 10 samples */

/* whitened square-loss cases (tighten_whitened.c) */
typedef struct
{
    slong n, d, steps;
    ulong data_seed, init_seed;
    double rho0, norm2, g, r, etag;
}
sc_tight_whitened;

/* logistic recipe cases (tighten_logistic.c) */
typedef struct
{
    slong n, d, steps;
    slong alpha[SC_TIGHT_MAX_N];
    ulong data_seed, init_seed;
    double margin, rho0, gamma, eta, etag;
}
sc_tight_logistic;

typedef union
{
    sc_tight_whitened w;
    sc_tight_logistic l;
}
sc_tight_params;

typedef struct
{
    const char * name;
    /* a fresh draw */
    void (*draw)(sc_tight_params * p, sc_rand_t rs);
    /* a neighbour: one parameter moved by a factor exp(+-scale) */
    void (*move)(sc_tight_params * p, sc_rand_t rs, double scale);
    /* the case file of p; scale = the data scale found by a first pass */
    void (*text)(char * buf, size_t len, const sc_tight_params * p,
                 double scale, const char * name);
    /* heuristic: the data scale of a loaded case (NULL: one pass) */
    double (*scale)(const sc_ctx_struct * ctx);
}
sc_tight_family;

extern const sc_tight_family sc_tight_family_whitened;
extern const sc_tight_family sc_tight_family_logistic;

/* The family named name, or NULL. */
const sc_tight_family * sc_tight_family_named(const char * name);

/* The family whose cases checker id needs: logistic for the statements of
   LOGISTIC.md, whitened otherwise. */
const sc_tight_family * sc_tight_family_for(const char * id);

/* heuristic helpers of the families */
double sc_tight_uniform(sc_rand_t rs, double lo, double hi);
double sc_tight_clamp(double x, double lo, double hi);

#endif
