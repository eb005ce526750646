/*
 * load_gen_data.c -- the data generators a case file names ("data":
 * {"generator": NAME, ...}), one loader each and one table by name.
 *
 * A loader reads and checks its generator's keys, sizes the case and calls
 * the exact generator (gen_*.c); nothing passes through a double.  The
 * generator's own refusal comes back as "data.generator: reason".
 */
#include <stdio.h>
#include <string.h>
#include "cases/load.h"

static int
sc_load_whitened(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "d", "seed",
                                         NULL };
    slong n = 0, d = 0, k;
    ulong seed = 0;
    char why[SC_ERR_LEN];

    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_int_key(&n, L, data, "data.", "n", 1, 4, SC_CASE_MAX_DIM)
        || sc_load_int_key(&d, L, data, "data.", "d", 1, 1, n - 1)
        || sc_load_seed_key(&seed, L, data, "data."))
        return SC_EINVAL;
    for (k = 2; k * k < n; k++)
        ;
    if (k * k != n)
        return sc_load_fail(L, "data.n", "must be a perfect square, got %lld",
                            (long long) n);
    if (sc_load_size(L, "data", n, d) != SC_OK)
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_whitened(c->X, c->y, n, d, seed, why, sizeof why))
        return sc_load_fail(L, "data.generator", "%s", why);
    c->seed = seed;
    snprintf(c->data_desc, sizeof c->data_desc,
             "whitened(n=%lld,d=%lld,seed=%llu)", (long long) n,
             (long long) d, (unsigned long long) seed);
    return SC_OK;
}

static int
sc_load_plain(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "d", "seed",
                                         NULL };
    slong n = 0, d = 0;
    ulong seed = 0;
    char why[SC_ERR_LEN];

    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_int_key(&n, L, data, "data.", "n", 1, 2, SC_CASE_MAX_DIM)
        || sc_load_int_key(&d, L, data, "data.", "d", 1, 1, SC_CASE_MAX_DIM)
        || sc_load_seed_key(&seed, L, data, "data.")
        || sc_load_size(L, "data", n, d))
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_plain(c->X, c->y, n, d, seed, why, sizeof why))
        return sc_load_fail(L, "data.generator", "%s", why);
    c->seed = seed;
    snprintf(c->data_desc, sizeof c->data_desc,
             "plain(n=%lld,d=%lld,seed=%llu)", (long long) n, (long long) d,
             (unsigned long long) seed);
    return SC_OK;
}

/* [F3] Section 6 data (THEOREMS.md s.6): gen_hilbert.c. */
static int
sc_load_hilbert(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "d", "noise",
                                         "seed", NULL };
    slong n = 0, d = 0;
    ulong seed = 0;
    fmpq_t sigma;
    char why[SC_ERR_LEN], * s;
    int rc = SC_EINVAL;

    fmpq_init(sigma);
    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_int_key(&n, L, data, "data.", "n", 1, 2, 31)
        || sc_load_int_key(&d, L, data, "data.", "d", 1, 3, 32)
        || sc_load_number_key(sigma, L, data, "data.", "noise", 1)
        || sc_load_seed_key(&seed, L, data, "data."))
        goto cleanup;
    if (d <= n)
    {
        sc_load_fail(L, "data.d", "must exceed n = %lld (Section 6 is "
                     "overparameterised: n < d), got %lld", (long long) n,
                     (long long) d);
        goto cleanup;
    }
    if (fmpq_sgn(sigma) < 0 || fmpq_cmp_ui(sigma, 1) > 0)
    {
        sc_load_fail(L, "data.noise", "must be in [0, 1] (the Hilbert entries "
                     "are at most 1)");
        goto cleanup;
    }
    sc_case_set_dims(c, n, d);
    if (sc_case_gen_hilbert(c->X, c->y, n, d, sigma, seed, why, sizeof why))
    {
        sc_load_fail(L, "data.generator", "%s", why);
        goto cleanup;
    }
    c->seed = seed;
    s = fmpq_get_str(NULL, 10, sigma);
    snprintf(c->data_desc, sizeof c->data_desc,
             "hilbert(n=%lld,d=%lld,noise=%.40s,seed=%llu)", (long long) n,
             (long long) d, s, (unsigned long long) seed);
    flint_free(s);
    rc = SC_OK;

cleanup:
    fmpq_clear(sigma);
    return rc;
}

/* cols[0..d-1] = the distinct integers of the array, each in [1, n-1]. */
static int
sc_load_columns(slong * cols, sc_load_t L, json_t * a, slong n)
{
    slong k, j, d = (slong) json_array_size(a);
    char field[SC_FIELD_LEN];

    for (k = 0; k < d; k++)
    {
        snprintf(field, sizeof field, "data.columns[%lld]", (long long) k);
        if (sc_load_int(cols + k, L, json_array_get(a, k), field, 1, n - 1))
            return SC_EINVAL;
        for (j = 0; j < k; j++)
            if (cols[j] == cols[k])
                return sc_load_fail(L, field, "duplicate column %lld",
                                    (long long) cols[k]);
    }
    return SC_OK;
}

/* mu (d x 1) = the optional shift, zero when absent. */
static int
sc_load_shift(fmpq_mat_t mu, sc_load_t L, json_t * data)
{
    slong k, d = fmpq_mat_nrows(mu);
    json_t * a = json_object_get(data, "shift");
    char field[SC_FIELD_LEN];

    if (a == NULL)
        return SC_OK;
    if (!json_is_array(a) || (slong) json_array_size(a) != d)
        return sc_load_fail(L, "data.shift", "must be an array of d = %lld "
                            "exact numbers (one per column)", (long long) d);
    for (k = 0; k < d; k++)
    {
        snprintf(field, sizeof field, "data.shift[%lld]", (long long) k);
        if (sc_load_number(fmpq_mat_entry(mu, k, 0), L, json_array_get(a, k),
                           field) != SC_OK)
            return SC_EINVAL;
    }
    return SC_OK;
}

static int
sc_load_hadamard(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "columns",
                                         "y_column", "shift", NULL };
    slong n = 0, d = 0, ycol = 0, * cols = NULL;
    json_t * a = NULL;
    fmpq_mat_t mu;
    char why[SC_ERR_LEN];
    int rc = SC_EINVAL;

    fmpq_mat_init(mu, 0, 1);
    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_int_key(&n, L, data, "data.", "n", 1, 2, SC_CASE_MAX_DIM)
        || sc_load_member(&a, L, data, "data.", "columns", 1))
        goto cleanup;
    if ((n & (n - 1)) != 0)
    {
        sc_load_fail(L, "data.n", "must be a power of two, got %lld",
                     (long long) n);
        goto cleanup;
    }
    if (!json_is_array(a) || json_array_size(a) == 0
        || (slong) json_array_size(a) > n - 1)
    {
        sc_load_fail(L, "data.columns", "must be an array of 1 to n - 1 = "
                     "%lld column indices", (long long) (n - 1));
        goto cleanup;
    }
    d = (slong) json_array_size(a);
    cols = flint_malloc(d * sizeof(slong));
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, d, 1);
    if (sc_load_columns(cols, L, a, n) != SC_OK
        || sc_load_int_key(&ycol, L, data, "data.", "y_column", 1, 1, n - 1)
        || sc_load_shift(mu, L, data) != SC_OK
        || sc_load_size(L, "data", n, d) != SC_OK)
        goto cleanup;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_hadamard(c->X, c->y, n, d, cols, mu, ycol, why,
                             sizeof why))
    {
        sc_load_fail(L, "data.generator", "%s", why);
        goto cleanup;
    }
    c->seed = 0;
    snprintf(c->data_desc, sizeof c->data_desc,
             "hadamard(n=%lld,d=%lld,y_column=%lld)", (long long) n,
             (long long) d, (long long) ycol);
    rc = SC_OK;

cleanup:
    flint_free(cols);
    fmpq_mat_clear(mu);
    return rc;
}

/* ---- logistic recipe data (LOGISTIC.md section 3) ---------------------- */

/* alpha (n x 1) = data.alpha (n exact numbers), all ones when absent. */
static int
sc_load_alpha(fmpq_mat_t alpha, sc_load_t L, json_t * data)
{
    slong k, n = fmpq_mat_nrows(alpha);
    json_t * a = json_object_get(data, "alpha");
    char field[SC_FIELD_LEN];
    fmpq_t sum;
    int pos;

    if (a == NULL)
    {
        for (k = 0; k < n; k++)
            fmpq_one(fmpq_mat_entry(alpha, k, 0));
        return SC_OK;
    }
    if (!json_is_array(a) || (slong) json_array_size(a) != n)
        return sc_load_fail(L, "data.alpha", "must be an array of n = %lld "
                            "exact numbers (one weight per sample)",
                            (long long) n);
    for (k = 0; k < n; k++)
    {
        snprintf(field, sizeof field, "data.alpha[%lld]", (long long) k);
        if (sc_load_number(fmpq_mat_entry(alpha, k, 0), L,
                           json_array_get(a, k), field) != SC_OK)
            return SC_EINVAL;
    }
    fmpq_init(sum);
    for (k = 0; k < n; k++)
        fmpq_add(sum, sum, fmpq_mat_entry(alpha, k, 0));
    pos = fmpq_sgn(sum) > 0;
    fmpq_clear(sum);
    if (!pos)
        return sc_load_fail(L, "data.alpha", "the weights must have a "
                            "positive sum (they are scaled to sum "
                            "1/margin^2)");
    return SC_OK;
}

static int
sc_load_logistic(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "d", "margin",
        "alpha", "seed", "rotate", "shift", "zrank", NULL };
    slong n = 0, d = 0, zrank = 0;
    ulong seed = 0;
    int rotate = 0, rc = SC_EINVAL;
    fmpq_mat_t alpha, mu;
    fmpq_t s;
    char why[SC_ERR_LEN];

    fmpq_init(s);
    fmpq_mat_init(alpha, 0, 1);
    fmpq_mat_init(mu, 0, 1);
    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_int_key(&n, L, data, "data.", "n", 1, 2, SC_LOGISTIC_MAX_N)
        || sc_load_int_key(&d, L, data, "data.", "d", 1, 2, SC_LOGISTIC_MAX_D))
        goto cleanup;
    if (n % 2 != 0)
    {
        sc_load_fail(L, "data.n", "must be even (the recipe has n/2 samples "
                     "of each label, so that sum y = 0), got %lld",
                     (long long) n);
        goto cleanup;
    }
    if (sc_load_number_key(s, L, data, "data.", "margin", 1) != SC_OK)
        goto cleanup;
    if (fmpq_sgn(s) <= 0)
    {
        sc_load_fail(L, "data.margin", "must be > 0");
        goto cleanup;
    }
    fmpq_mat_clear(alpha);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, d, 1);
    if (sc_load_alpha(alpha, L, data) != SC_OK
        || sc_load_seed_key(&seed, L, data, "data.") != SC_OK
        || sc_load_bool_key(&rotate, L, data, "data.", "rotate") != SC_OK
        || sc_load_shift(mu, L, data) != SC_OK
        || sc_load_int_key(&zrank, L, data, "data.", "zrank", 0, 1, d - 1))
        goto cleanup;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_logistic(c->X, c->y, n, d, s, alpha, zrank, rotate, mu,
                             seed, why, sizeof why) != SC_OK)
    {
        sc_load_fail(L, "data.generator", "%s", why);
        goto cleanup;
    }
    c->seed = seed;
    snprintf(c->data_desc, sizeof c->data_desc,
             "logistic(n=%lld,d=%lld,seed=%llu)", (long long) n,
             (long long) d, (unsigned long long) seed);
    rc = SC_OK;

cleanup:
    fmpq_mat_clear(mu);
    fmpq_mat_clear(alpha);
    fmpq_clear(s);
    return rc;
}

/* In the order the unknown-name message lists them. */
const sc_load_gen_struct sc_load_gen_data[] =
{
    { "whitened", sc_load_whitened },
    { "hadamard", sc_load_hadamard },
    { "plain",    sc_load_plain },
    { "hilbert",  sc_load_hilbert },        /* [F3] */
    { "logistic", sc_load_logistic },
};

const slong sc_load_gen_data_count =
    sizeof(sc_load_gen_data) / sizeof(sc_load_gen_data[0]);
