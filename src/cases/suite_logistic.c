/*
 * suite_logistic.c -- `spikecheck gen --suite logistic`: recipe datasets of
 * LOGISTIC.md section 3 with runs that meet the hypotheses of the logistic
 * line and runs that deliberately break one of them.  Families, cycled:
 *   delayed     A1-A4, small gamma_0 and large eta: the delayed
 *               positive-alignment rising branch of LOGISTIC.md s.5
 *   main        A1-A4, moderate eta, gamma_0, rho_0
 *   small-eta   A1-A4, eta well below the rising regime
 *   large-rho   A1-A4, rho_0 in [1, 2]
 *   a1-fail     n >= d (A1 fails; the recipe still makes A3, A4 hold)
 *   a3-fail     a negative weight with min_{+} + min_{-} < 0: A3 fails
 *               (the initial state is then w0 = X~^T c, "span")
 *   a4-fail     a zero weight in each class: A3 holds, A4 fails, beta = 0
 *   rank-def    Z0 of low rank: rank X~ < n - 1, the LP path of A3/A4
 * Parameters are chosen with doubles (heuristic: they pick cases, they do
 * not enter any bound) and written as exact decimal strings; data and
 * initial states are generator objects, rebuilt exactly by the loader.
 * Cases are small (n <= 10, d <= 16, <= 400 steps) so that the suite runs
 * in seconds.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cases/cases.h"
#include "num/num.h"

#define SC_LSUITE_FAMILIES 8

static const char * const sc_lfamily[SC_LSUITE_FAMILIES] =
    { "delayed", "main", "small-eta", "large-rho", "a1-fail", "a3-fail",
      "a4-fail", "rank-def" };

typedef struct
{
    slong n, d, zrank, steps;
    int rotate, shift, span;
    char margin[16];
    slong alpha[SC_LOGISTIC_MAX_N];
    double rho0, gamma, eta, etag;
    ulong data_seed, init_seed;
}
sc_lsuite_case;

/* heuristic: a uniform double in [lo, hi] from the stream */
static double
sc_lsuite_uniform(sc_rand_t r, double lo, double hi)
{
    return lo + (hi - lo) * (double) (sc_rand_next(r) >> 11)
                / 9007199254740992.0;
}

/* heuristic: log-uniform in [lo, hi] */
static double
sc_lsuite_logu(sc_rand_t r, double lo, double hi)
{
    return lo * sc_num_pow_d(hi / lo, sc_lsuite_uniform(r, 0, 1));
}

/* The data of family fam: sizes, margin, weights. */
static void
sc_lsuite_data(sc_lsuite_case * s, sc_rand_t r, slong fam)
{
    static const char * const margins[5] = { "1/2", "1/3", "1", "2/3",
                                             "3/2" };
    slong i, h;

    s->n = 2 * sc_rand_range(r, 2, 5);
    s->d = s->n + sc_rand_range(r, 1, 6);
    if (fam == 4)
        s->d = sc_rand_range(r, 2, s->n);
    h = s->n / 2;
    snprintf(s->margin, sizeof s->margin, "%s",
             margins[sc_rand_range(r, 0, 4)]);
    for (i = 0; i < s->n; i++)
        s->alpha[i] = sc_rand_range(r, 1, 5);
    if (fam == 5)
    {
        /* min_{+} + min_{-} < 0 */
        s->alpha[sc_rand_range(r, 0, h - 1)] = -sc_rand_range(r, 2, 4);
        s->alpha[h + sc_rand_range(r, 0, h - 1)] = 1;
    }
    if (fam == 6)
    {
        s->alpha[sc_rand_range(r, 0, h - 1)] = 0;
        s->alpha[h + sc_rand_range(r, 0, h - 1)] = 0;
    }
    s->zrank = (fam == 7) ? sc_rand_range(r, 1, FLINT_MAX(1, s->n - 4)) : 0;
    s->rotate = (int) sc_rand_range(r, 0, 1);
    s->shift = (int) sc_rand_range(r, 0, 1);
    s->span = (fam == 5);
    s->data_seed = sc_rand_next(r) >> 1;
    s->init_seed = sc_rand_next(r) >> 1;
}

/* The run of family fam. */
static void
sc_lsuite_run(sc_lsuite_case * s, sc_rand_t r, slong fam)
{
    s->rho0 = sc_lsuite_logu(r, 0.05, 0.5);
    s->gamma = sc_lsuite_logu(r, 0.05, 1.0);
    s->eta = sc_lsuite_logu(r, 1.0, 10.0);
    s->etag = sc_lsuite_logu(r, 0.002, 0.02);
    s->steps = 300;
    if (fam == 0)
    {
        s->rho0 = sc_lsuite_logu(r, 0.02, 0.1);
        s->gamma = sc_lsuite_logu(r, 0.001, 0.01);
        s->eta = sc_lsuite_uniform(r, 10.0, 30.0);
        s->etag = sc_lsuite_logu(r, 0.001, 0.005);
        s->steps = 400;
    }
    if (fam == 2)
    {
        s->eta = sc_lsuite_logu(r, 0.01, 0.1);
        s->gamma = sc_lsuite_uniform(r, 0.5, 2.0);
        s->steps = 200;
    }
    if (fam == 3)
        s->rho0 = sc_lsuite_uniform(r, 1.0, 2.0);
}

static void
sc_lsuite_write_data(FILE * f, const sc_lsuite_case * s, sc_rand_t r)
{
    slong i;

    fprintf(f, "  \"data\": {\"generator\": \"logistic\", \"n\": %ld, "
            "\"d\": %ld, \"margin\": \"%s\",\n           \"alpha\": [",
            (long) s->n, (long) s->d, s->margin);
    for (i = 0; i < s->n; i++)
        fprintf(f, "%s\"%ld\"", i ? ", " : "", (long) s->alpha[i]);
    fprintf(f, "],\n           \"seed\": %lu, \"rotate\": %s",
            (unsigned long) s->data_seed, s->rotate ? "true" : "false");
    if (s->zrank > 0)
        fprintf(f, ", \"zrank\": %ld", (long) s->zrank);
    if (s->shift)
    {
        fprintf(f, ",\n           \"shift\": [");
        for (i = 0; i < s->d; i++)
            fprintf(f, "%s\"%ld/2\"", i ? ", " : "",
                    (long) sc_rand_range(r, -3, 3));
        fprintf(f, "]");
    }
    fprintf(f, "},\n");
}

static int
sc_lsuite_write_one(const char * path, const char * name,
                    const sc_lsuite_case * s, sc_rand_t r)
{
    char tmp[4200];
    FILE * f;
    int bad;

    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    f = fopen(tmp, "w");
    if (f == NULL)
        return SC_EIO;
    fprintf(f, "{\n  \"format\": \"%s\",\n  \"name\": \"%s\",\n"
            "  \"loss\": \"logistic\",\n", SC_CASE_FORMAT, name);
    sc_lsuite_write_data(f, s, r);
    if (s->span)
        fprintf(f, "  \"init\": {\"generator\": \"span\", \"gamma\": "
                "\"%.6e\", \"seed\": %lu},\n", s->gamma,
                (unsigned long) s->init_seed);
    else
        fprintf(f, "  \"init\": {\"generator\": \"near-reference\", "
                "\"rho0\": \"%.6e\", \"norm2\": \"1\", \"gamma\": \"%.6e\", "
                "\"seed\": %lu},\n", s->rho0, s->gamma,
                (unsigned long) s->init_seed);
    fprintf(f, "  \"eta\": \"%.6e\", \"eta_gamma\": \"%.6e\",\n"
            "  \"steps\": %ld,\n  \"precision\": %d\n}\n", s->eta, s->etag,
            (long) s->steps, SC_CASE_DEFAULT_PREC);
    bad = ferror(f);
    bad |= (fclose(f) != 0);
    if (bad || rename(tmp, path) != 0)
    {
        remove(tmp);
        return SC_EIO;
    }
    return SC_OK;
}

int
sc_case_write_suite_logistic(const char * dir, slong count, ulong seed,
                             char * err, size_t errlen)
{
    sc_rand_t r;
    slong i;
    char path[4096], name[128];

    sc_rand_init(r, seed);
    for (i = 0; i < count; i++)
    {
        sc_lsuite_case s;
        slong fam = i % SC_LSUITE_FAMILIES;

        memset(&s, 0, sizeof(s));
        sc_lsuite_data(&s, r, fam);
        sc_lsuite_run(&s, r, fam);
        snprintf(name, sizeof(name), "logistic-%04ld-%s", (long) i,
                 sc_lfamily[fam]);
        snprintf(path, sizeof(path), "%s/%s.json", dir, name);
        if (sc_lsuite_write_one(path, name, &s, r) != SC_OK)
        {
            snprintf(err, errlen, "%s: cannot write: %s", path,
                     strerror(errno));
            return SC_EIO;
        }
    }
    return SC_OK;
}
