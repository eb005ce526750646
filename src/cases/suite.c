/*
 * suite.c -- generated suites of case files (`spikecheck gen`).
 *
 * Suite "whitened" (the default suite) cycles through families chosen so
 * that every checker of the whitened line meets its hypotheses on some
 * cases and certifiably misses them on others:
 *   no-rise     eta below the [T2.1] bound 2 W_0 / (Gamma c)
 *   above       eta 2-50% above that bound: rising edges, [T3.x], [L13]
 *   delayed     small gamma_0, eta c^2 in [2, 5]: the delayed onset of [T2.2]
 *   hadamard    the Walsh-Hadamard data of THEOREMS.md s.7 (c = 1 exactly)
 *   plain       non-whitened data: Sigma != I, whitened checkers N/A
 *   neg-gamma   gamma_0 < 0: H2 and the standing facts fail
 *   wide        rho_0 >= 1: H2 fails at t = 0
 * Parameters are chosen with doubles (heuristic: they pick cases, they do
 * not enter any bound) and written as exact decimal strings; data and
 * initial states are written as generator objects, so a file is a few
 * lines and the exact rationals are rebuilt by the loader.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cases/cases.h"
#include "data/data.h"
#include "num/num.h"

#define SC_SUITE_FAMILIES 7

static const char * const sc_family[SC_SUITE_FAMILIES] =
    { "no-rise", "above", "delayed", "hadamard", "plain", "neg-gamma",
      "wide" };

/* heuristic: a uniform double in [lo, hi] from the stream */
static double
sc_suite_uniform(sc_rand_t r, double lo, double hi)
{
    return lo + (hi - lo) * (double) (sc_rand_next(r) >> 11) / 9007199254740992.0;
}

/* heuristic: log-uniform in [lo, hi] */
static double
sc_suite_logu(sc_rand_t r, double lo, double hi)
{
    return lo * sc_num_pow_d(hi / lo, sc_suite_uniform(r, 0, 1));
}

/* ||w*|| of generated data, as a double (heuristic: picks eta only). */
static double
sc_suite_c(const fmpq_mat_t X, const fmpq_mat_t y)
{
    fmpq_mat_t Xc, w;
    fmpq_t c2;
    double c;

    fmpq_mat_init(Xc, fmpq_mat_nrows(X), fmpq_mat_ncols(X));
    fmpq_mat_init(w, fmpq_mat_ncols(X), 1);
    fmpq_init(c2);
    sc_data_center(Xc, X);
    sc_data_lsq_reference(w, Xc, y);
    sc_data_dot(c2, w, w);
    c = sqrt(fmpq_get_d(c2));
    fmpq_clear(c2);
    fmpq_mat_clear(w);
    fmpq_mat_clear(Xc);
    return c;
}

/* Six significant digits, exactly as written: "1.23456e-3" is exact. */
static void
sc_suite_num(char * buf, size_t len, double x)
{
    snprintf(buf, len, "%.6e", x);
}

typedef struct
{
    const char * family;
    char data[256];
    double c, rho0, norm2, gamma, eta, etag;
    slong steps;
    ulong init_seed;
}
sc_suite_case;

/* Picks the data of case i; returns SC_OK or an error. */
static int
sc_suite_data(sc_suite_case * s, sc_rand_t r, slong fam, ulong seed,
              char * err, size_t errlen)
{
    static const slong sq[3] = { 9, 16, 25 };
    fmpq_mat_t X, y;
    slong n, d;
    int rc;

    if (fam == 3)
    {
        snprintf(s->data, sizeof(s->data), "{\"generator\": \"hadamard\", "
                 "\"n\": 16, \"columns\": [3, 5, 6, 9, 10, 12], "
                 "\"y_column\": 3}");
        s->c = 1.0;
        return SC_OK;
    }
    n = (fam == 4) ? sc_rand_range(r, 8, 20) : sq[sc_rand_range(r, 0, 2)];
    d = sc_rand_range(r, 2, FLINT_MIN(6, n - 1));
    fmpq_mat_init(X, n, d);
    fmpq_mat_init(y, n, 1);
    if (fam == 4)
        rc = sc_case_gen_plain(X, y, n, d, seed, err, errlen);
    else
        rc = sc_case_gen_whitened(X, y, n, d, seed, err, errlen);
    if (rc == SC_OK)
    {
        s->c = sc_suite_c(X, y);
        snprintf(s->data, sizeof(s->data), "{\"generator\": \"%s\", "
                 "\"n\": %ld, \"d\": %ld, \"seed\": %lu}",
                 fam == 4 ? "plain" : "whitened", (long) n, (long) d,
                 (unsigned long) seed);
    }
    fmpq_mat_clear(y);
    fmpq_mat_clear(X);
    return rc;
}

/* heuristic: the reduced recurrence of [L7] in double, to choose a horizon
   at which no rising edge is cut off (the checkers themselves decide every
   step in balls).  Returns the least steps >= base whose last two steps
   fall, or -1 if there is none within SC_SUITE_MAX_STEPS. */
#define SC_SUITE_MAX_STEPS 3000

static slong
sc_suite_horizon(const sc_suite_case * s, slong base)
{
    double rho = s->rho0, gamma = s->gamma, W = s->norm2, c = s->c;
    int prev = 0, now;
    slong t;

    if (gamma <= 0)
        return base;
    for (t = 0; t < SC_SUITE_MAX_STEPS; t++)
    {
        double q = sqrt(1 + rho * rho), h = s->eta * gamma * c / W;
        double r1 = rho * fabs(q - h) / (q + h * rho * rho);

        now = r1 > rho;
        if (t + 1 >= base && !now && !prev)
            return t + 1;
        W *= 1 + h * h * rho * rho / (1 + rho * rho);
        gamma = (1 - s->etag) * gamma + s->etag * c / q;
        rho = r1;
        prev = now;
    }
    return -1;
}

/* Picks the initial state and step sizes for the family; steps is -1 when
   no horizon closes every rising edge (the caller redraws). */
static void
sc_suite_params(sc_suite_case * s, sc_rand_t r, slong fam)
{
    double Gamma, bound;

    s->norm2 = sc_suite_uniform(r, 0.5, 2.0);
    s->rho0 = sc_suite_logu(r, 0.005, 0.3);
    s->etag = sc_suite_logu(r, 0.005, 0.1);
    s->gamma = s->c * sc_suite_uniform(r, 0.05, 1.5);
    s->steps = 200;
    if (fam == 2 || fam == 3)
    {
        /* delayed onset: gamma_0 well below c, eta c^2 in [2, 5] */
        s->gamma = s->c * sc_suite_uniform(r, 0.02, 0.3);
        s->eta = s->norm2 * sc_suite_uniform(r, 2.0, 5.0) / (s->c * s->c);
        s->etag = sc_suite_logu(r, 0.01, 0.1);
        s->rho0 = sc_suite_logu(r, 0.005, 0.1);
        s->steps = sc_suite_horizon(s, 400);
        return;
    }
    if (fam == 5)
        s->gamma = -s->gamma;
    if (fam == 6)
        s->rho0 = sc_suite_uniform(r, 1.0, 3.0);
    Gamma = s->gamma > s->c ? s->gamma : s->c;
    bound = 2.0 * s->norm2 / (Gamma * s->c);
    if (fam == 1)
        s->eta = bound * sc_suite_uniform(r, 1.02, 1.5);
    else
        s->eta = bound * sc_suite_uniform(r, 0.3, 0.98);
    if (fam != 4)
        s->steps = sc_suite_horizon(s, 200);
}

static int
sc_suite_write_one(const char * path, const char * name,
                   const sc_suite_case * s)
{
    char tmp[4200], rho0[32], norm2[32], gamma[32], eta[32], etag[32];
    FILE * f;
    int bad;

    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    f = fopen(tmp, "w");
    if (f == NULL)
        return SC_EIO;
    sc_suite_num(rho0, sizeof(rho0), s->rho0);
    sc_suite_num(norm2, sizeof(norm2), s->norm2);
    sc_suite_num(gamma, sizeof(gamma), s->gamma);
    sc_suite_num(eta, sizeof(eta), s->eta);
    sc_suite_num(etag, sizeof(etag), s->etag);
    fprintf(f, "{\n  \"format\": \"%s\",\n  \"name\": \"%s\",\n"
            "  \"loss\": \"square\",\n  \"data\": %s,\n"
            "  \"init\": {\"generator\": \"near-reference\", \"rho0\": \"%s\", "
            "\"norm2\": \"%s\", \"gamma\": \"%s\", \"seed\": %lu},\n"
            "  \"eta\": \"%s\", \"eta_gamma\": \"%s\",\n"
            "  \"steps\": %ld,\n  \"precision\": %d\n}\n",
            SC_CASE_FORMAT, name, s->data, rho0, norm2, gamma,
            (unsigned long) s->init_seed, eta, etag, (long) s->steps,
            SC_CASE_DEFAULT_PREC);
    bad = ferror(f);
    bad |= (fclose(f) != 0);
    if (bad || rename(tmp, path) != 0)
    {
        remove(tmp);
        return SC_EIO;
    }
    return SC_OK;
}

/* [F3] Suite "hilbert": the Figure 3 setting (cases/figure3/README.md)
   on seeded Hilbert data, square and logistic loss alternating.  The
   logistic cases start in span(X~^T) ("span"): sign labels on Hilbert
   data are not all on the margin (A3 fails), so there is no SVM reference
   for "near-reference" to start near. */
static int
sc_suite_write_hilbert(const char * dir, slong count, sc_rand_t r,
                       char * err, size_t errlen)
{
    static const char * const fmt[2] = {
        "{\n  \"format\": \"%s\",\n  \"name\": \"%s\",\n"
        "  \"loss\": \"square\",\n  \"data\": {\"generator\": "
        "\"hilbert\", \"n\": 6, \"d\": 12, \"noise\": \"1/300\", "
        "\"seed\": %lu},\n  \"init\": {\"generator\": "
        "\"near-reference\", \"rho0\": \"1/500\", \"norm2\": \"1\", "
        "\"gamma\": \"1/20\", \"seed\": 3},\n  \"eta\": \"3/1000\", "
        "\"eta_gamma\": \"1/50\",\n  \"steps\": 400,\n"
        "  \"precision\": 128\n}\n",
        "{\n  \"format\": \"%s\",\n  \"name\": \"%s\",\n"
        "  \"loss\": \"logistic\",\n  \"data\": {\"generator\": "
        "\"hilbert\", \"n\": 6, \"d\": 12, \"noise\": \"1/300\", "
        "\"seed\": %lu},\n  \"init\": {\"generator\": \"span\", "
        "\"gamma\": \"1/100\", \"seed\": 3},\n  \"eta\": \"1\", "
        "\"eta_gamma\": \"1/50\",\n  \"steps\": 300,\n"
        "  \"precision\": 128\n}\n" };
    slong i;
    char path[4096], tmp[4200], name[128];
    FILE * f;
    int bad;

    for (i = 0; i < count; i++)
    {
        snprintf(name, sizeof(name), "hilbert-%04ld-%s", (long) i,
                 i % 2 ? "logistic" : "square");
        snprintf(path, sizeof(path), "%s/%s.json", dir, name);
        snprintf(tmp, sizeof(tmp), "%s.tmp", path);
        f = fopen(tmp, "w");
        bad = (f == NULL);
        if (!bad)
        {
            fprintf(f, fmt[i % 2], SC_CASE_FORMAT, name,
                    (unsigned long) (sc_rand_next(r) >> 1));
            bad = ferror(f);
            bad |= (fclose(f) != 0);
        }
        if (bad || rename(tmp, path) != 0)
        {
            remove(tmp);
            snprintf(err, errlen, "%s: cannot write: %s", path,
                     strerror(errno));
            return SC_EIO;
        }
    }
    return SC_OK;
}

int
sc_case_write_suite(const char * dir, const char * suite, slong count,
                    ulong seed, char * err, size_t errlen)
{
    sc_rand_t r;
    slong i;
    char path[4096], name[128];

    if (strcmp(suite, "whitened") != 0 && strcmp(suite, "hilbert") != 0
        && strcmp(suite, "logistic") != 0)
    {
        snprintf(err, errlen, "--suite: unknown suite '%s' (known: "
                 "whitened, hilbert, logistic)", suite);
        return SC_EINVAL;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    {
        snprintf(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
        return SC_EIO;
    }
    /* LOGISTIC.md: suite_logistic.c */
    if (strcmp(suite, "logistic") == 0)
        return sc_case_write_suite_logistic(dir, count, seed, err, errlen);
    sc_rand_init(r, seed);
    if (strcmp(suite, "hilbert") == 0)
        return sc_suite_write_hilbert(dir, count, r, err, errlen);
    for (i = 0; i < count; i++)
    {
        sc_suite_case s;
        slong fam = i % SC_SUITE_FAMILIES, tries;
        int rc;

        memset(&s, 0, sizeof(s));
        s.family = sc_family[fam];
        rc = sc_suite_data(&s, r, fam, sc_rand_next(r) >> 1, err, errlen);
        if (rc != SC_OK)
            return rc;
        s.init_seed = sc_rand_next(r) >> 1;
        for (tries = 0; tries < 64; tries++)
        {
            sc_suite_params(&s, r, fam);
            if (s.steps > 0)
                break;
        }
        if (s.steps < 0)
            s.steps = 400;  /* accept an edge open at the horizon */
        snprintf(name, sizeof(name), "%s-%04ld-%s", suite, (long) i,
                 s.family);
        snprintf(path, sizeof(path), "%s/%s.json", dir, name);
        if (sc_suite_write_one(path, name, &s) != SC_OK)
        {
            snprintf(err, errlen, "%s: cannot write: %s", path,
                     strerror(errno));
            return SC_EIO;
        }
    }
    return SC_OK;
}
