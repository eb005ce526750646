/*
 * load.c -- reads and validates a case file (format spikecheck-case/1).
 *
 * The loader is the harness's front door and will be fed hostile input, so
 * every value is checked before it is used, every error is one line
 * "LABEL: FIELD: reason" naming the offending key (data.X[2][1],
 * init.gamma, ...), and every path out frees what it took.  Matrices are
 * sized only after their shape has been checked against the limits in
 * cases.h, and the case is kept valid throughout, so a caller can always
 * clear it.  Generated data and initial states are built here by calling
 * the exact generators; nothing passes through a double.
 */
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>
#include "cases/cases.h"
#include "data/data.h"

#define SC_FIELD_LEN 160
/* A million entries of about 60 characters; refusing more keeps /dev/zero
   or a runaway file from exhausting memory before JSON parsing starts. */
#define SC_CASE_MAX_FILE_BYTES ((size_t) 64 << 20)

typedef struct
{
    const char * label;         /* path or caller's label */
    char * err;
    size_t errlen;
}
sc_load_struct;

typedef const sc_load_struct sc_load_t[1];

/* ---- error messages ---------------------------------------------------- */

/* Control characters (from keys or bad numbers) would break the one-line
   promise, so they are shown as '?'. */
static void
sc_one_line(char * s)
{
    for ( ; *s != '\0'; s++)
        if ((unsigned char) *s < 0x20 || *s == 0x7f)
            *s = '?';
}

static int
sc_fail(sc_load_t L, const char * field, const char * fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
sc_fail(sc_load_t L, const char * field, const char * fmt, ...)
{
    char reason[SC_ERR_LEN];
    va_list ap;

    if (L->err == NULL || L->errlen == 0)
        return SC_EINVAL;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    snprintf(L->err, L->errlen, "%s: %s: %s", L->label, field, reason);
    sc_one_line(L->err);
    return SC_EINVAL;
}

static void
sc_field(char * field, const char * prefix, const char * key)
{
    snprintf(field, SC_FIELD_LEN, "%s%s", prefix, key);
}

/* ---- members and scalars ----------------------------------------------- */

static int
sc_check_keys(sc_load_t L, json_t * obj, const char * prefix,
              const char * const * allowed)
{
    const char * key;
    json_t * v;
    slong i;
    char field[SC_FIELD_LEN];

    json_object_foreach(obj, key, v)
    {
        for (i = 0; allowed[i] != NULL; i++)
            if (strcmp(key, allowed[i]) == 0)
                break;
        if (allowed[i] == NULL)
        {
            sc_field(field, prefix, key);
            return sc_fail(L, field, "unknown key");
        }
    }
    return SC_OK;
}

/* *v = obj[key]; a missing required key is an error, a missing optional
   one gives *v = NULL. */
static int
sc_member(json_t ** v, sc_load_t L, json_t * obj, const char * prefix,
          const char * key, int required)
{
    char field[SC_FIELD_LEN];

    *v = json_object_get(obj, key);
    if (*v == NULL && required)
    {
        sc_field(field, prefix, key);
        return sc_fail(L, field, "missing");
    }
    return SC_OK;
}

static int
sc_get_number(fmpq_t x, sc_load_t L, json_t * v, const char * field)
{
    char why[SC_ERR_LEN];

    if (!json_is_string(v))
        return sc_fail(L, field, "must be a string holding an exact number");
    if (sc_num_parse_fmpq(x, json_string_value(v), why, sizeof why) != SC_OK)
        return sc_fail(L, field, "%s", why);
    return SC_OK;
}

/* x = obj[key] as an exact number; an absent optional key leaves x. */
static int
sc_get_number_key(fmpq_t x, sc_load_t L, json_t * obj, const char * prefix,
                  const char * key, int required)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_member(&v, L, obj, prefix, key, required) != SC_OK)
        return SC_EINVAL;
    if (v == NULL)
        return SC_OK;
    sc_field(field, prefix, key);
    return sc_get_number(x, L, v, field);
}

static int
sc_get_int(slong * x, sc_load_t L, json_t * v, const char * field, slong lo,
           slong hi)
{
    json_int_t t;

    if (!json_is_integer(v))
        return sc_fail(L, field, "must be a JSON integer");
    t = json_integer_value(v);
    if (t < lo || t > hi)
        return sc_fail(L, field, "must be in [%lld, %lld], got %lld",
                       (long long) lo, (long long) hi, (long long) t);
    *x = (slong) t;
    return SC_OK;
}

/* x = obj[key] as an integer in [lo, hi]; an absent optional key leaves x. */
static int
sc_get_int_key(slong * x, sc_load_t L, json_t * obj, const char * prefix,
               const char * key, int required, slong lo, slong hi)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_member(&v, L, obj, prefix, key, required) != SC_OK)
        return SC_EINVAL;
    if (v == NULL)
        return SC_OK;
    sc_field(field, prefix, key);
    return sc_get_int(x, L, v, field, lo, hi);
}

static int
sc_get_seed_key(ulong * seed, sc_load_t L, json_t * obj, const char * prefix)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_member(&v, L, obj, prefix, "seed", 1) != SC_OK)
        return SC_EINVAL;
    sc_field(field, prefix, "seed");
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return sc_fail(L, field, "must be a non-negative JSON integer");
    *seed = (ulong) json_integer_value(v);
    return SC_OK;
}

/* n * d within the limits of cases.h (n, d >= 1 already). */
static int
sc_check_size(sc_load_t L, const char * field, slong n, slong d)
{
    if (n > SC_CASE_MAX_DIM || d > SC_CASE_MAX_DIM)
        return sc_fail(L, field, "dimension above %d (n = %lld, d = %lld)",
                       SC_CASE_MAX_DIM, (long long) n, (long long) d);
    if (n * d > SC_CASE_MAX_ENTRIES)
        return sc_fail(L, field, "n*d = %lld exceeds %d entries",
                       (long long) (n * d), SC_CASE_MAX_ENTRIES);
    return SC_OK;
}

/* ---- explicit data ----------------------------------------------------- */

/* The shape of X: n non-empty rows of equal length d. */
static int
sc_load_X_shape(slong * n, slong * d, sc_load_t L, json_t * X)
{
    json_t * row0;
    size_t i;
    char field[SC_FIELD_LEN];

    if (!json_is_array(X) || json_array_size(X) == 0)
        return sc_fail(L, "data.X", "must be a non-empty array of rows");
    row0 = json_array_get(X, 0);
    if (!json_is_array(row0) || json_array_size(row0) == 0)
        return sc_fail(L, "data.X[0]", "must be a non-empty array");
    if (json_array_size(X) > SC_CASE_MAX_DIM)
        return sc_fail(L, "data.X", "more than %d rows", SC_CASE_MAX_DIM);
    if (json_array_size(row0) > SC_CASE_MAX_DIM)
        return sc_fail(L, "data.X[0]", "more than %d entries",
                       SC_CASE_MAX_DIM);
    *n = (slong) json_array_size(X);
    *d = (slong) json_array_size(row0);
    if (sc_check_size(L, "data.X", *n, *d) != SC_OK)
        return SC_EINVAL;

    for (i = 1; i < json_array_size(X); i++)
    {
        json_t * row = json_array_get(X, i);

        snprintf(field, sizeof field, "data.X[%zu]", i);
        if (!json_is_array(row) || json_array_size(row) == 0)
            return sc_fail(L, field, "must be a non-empty array");
        if ((slong) json_array_size(row) != *d)
            return sc_fail(L, field, "ragged rows: %zu entries, row 0 has "
                           "%lld", json_array_size(row), (long long) *d);
    }
    return SC_OK;
}

static int
sc_load_X_entries(sc_case_t c, sc_load_t L, json_t * X)
{
    slong i, j;
    char field[SC_FIELD_LEN];

    for (i = 0; i < c->n; i++)
        for (j = 0; j < c->d; j++)
        {
            json_t * v = json_array_get(json_array_get(X, i), j);

            snprintf(field, sizeof field, "data.X[%lld][%lld]",
                     (long long) i, (long long) j);
            if (sc_get_number(fmpq_mat_entry(c->X, i, j), L, v, field)
                    != SC_OK)
                return SC_EINVAL;
        }
    return SC_OK;
}

static int
sc_load_y(sc_case_t c, sc_load_t L, json_t * y)
{
    slong i;
    char field[SC_FIELD_LEN];

    if (!json_is_array(y) || (slong) json_array_size(y) != c->n)
        return sc_fail(L, "data.y", "must be an array of n = %lld labels",
                       (long long) c->n);
    for (i = 0; i < c->n; i++)
    {
        fmpq * yi = fmpq_mat_entry(c->y, i, 0);

        snprintf(field, sizeof field, "data.y[%lld]", (long long) i);
        if (sc_get_number(yi, L, json_array_get(y, i), field) != SC_OK)
            return SC_EINVAL;
        if (!fmpq_is_pm1(yi))
            return sc_fail(L, field, "label must be 1 or -1");
    }
    return SC_OK;
}

static int
sc_load_data_explicit(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "X", "y", NULL };
    json_t * X, * y;
    slong n = 0, d = 0;

    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_member(&X, L, data, "data.", "X", 1) != SC_OK
        || sc_member(&y, L, data, "data.", "y", 1) != SC_OK
        || sc_load_X_shape(&n, &d, L, X) != SC_OK)
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_load_X_entries(c, L, X) != SC_OK || sc_load_y(c, L, y) != SC_OK)
        return SC_EINVAL;
    c->seed = 0;
    strcpy(c->data_desc, "explicit");
    return SC_OK;
}

/* ---- generated data ---------------------------------------------------- */

static int
sc_load_whitened(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "generator", "n", "d", "seed",
                                         NULL };
    slong n = 0, d = 0, k;
    ulong seed = 0;
    char why[SC_ERR_LEN];

    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_get_int_key(&n, L, data, "data.", "n", 1, 4, SC_CASE_MAX_DIM)
        || sc_get_int_key(&d, L, data, "data.", "d", 1, 1, n - 1)
        || sc_get_seed_key(&seed, L, data, "data."))
        return SC_EINVAL;
    for (k = 2; k * k < n; k++)
        ;
    if (k * k != n)
        return sc_fail(L, "data.n", "must be a perfect square, got %lld",
                       (long long) n);
    if (sc_check_size(L, "data", n, d) != SC_OK)
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_whitened(c->X, c->y, n, d, seed, why, sizeof why))
        return sc_fail(L, "data.generator", "%s", why);
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

    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_get_int_key(&n, L, data, "data.", "n", 1, 2, SC_CASE_MAX_DIM)
        || sc_get_int_key(&d, L, data, "data.", "d", 1, 1, SC_CASE_MAX_DIM)
        || sc_get_seed_key(&seed, L, data, "data.")
        || sc_check_size(L, "data", n, d))
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_plain(c->X, c->y, n, d, seed, why, sizeof why))
        return sc_fail(L, "data.generator", "%s", why);
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
    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_get_int_key(&n, L, data, "data.", "n", 1, 2, 31)
        || sc_get_int_key(&d, L, data, "data.", "d", 1, 3, 32)
        || sc_get_number_key(sigma, L, data, "data.", "noise", 1)
        || sc_get_seed_key(&seed, L, data, "data."))
        goto cleanup;
    if (d <= n)
    {
        sc_fail(L, "data.d", "must exceed n = %lld (Section 6 is "
                "overparameterised: n < d), got %lld", (long long) n,
                (long long) d);
        goto cleanup;
    }
    if (fmpq_sgn(sigma) < 0 || fmpq_cmp_ui(sigma, 1) > 0)
    {
        sc_fail(L, "data.noise", "must be in [0, 1] (the Hilbert entries "
                "are at most 1)");
        goto cleanup;
    }
    sc_case_set_dims(c, n, d);
    if (sc_case_gen_hilbert(c->X, c->y, n, d, sigma, seed, why, sizeof why))
    {
        sc_fail(L, "data.generator", "%s", why);
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
        if (sc_get_int(cols + k, L, json_array_get(a, k), field, 1, n - 1))
            return SC_EINVAL;
        for (j = 0; j < k; j++)
            if (cols[j] == cols[k])
                return sc_fail(L, field, "duplicate column %lld",
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
        return sc_fail(L, "data.shift", "must be an array of d = %lld exact "
                       "numbers (one per column)", (long long) d);
    for (k = 0; k < d; k++)
    {
        snprintf(field, sizeof field, "data.shift[%lld]", (long long) k);
        if (sc_get_number(fmpq_mat_entry(mu, k, 0), L, json_array_get(a, k),
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
    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_get_int_key(&n, L, data, "data.", "n", 1, 2, SC_CASE_MAX_DIM)
        || sc_member(&a, L, data, "data.", "columns", 1))
        goto cleanup;
    if ((n & (n - 1)) != 0)
    {
        sc_fail(L, "data.n", "must be a power of two, got %lld",
                (long long) n);
        goto cleanup;
    }
    if (!json_is_array(a) || json_array_size(a) == 0
        || (slong) json_array_size(a) > n - 1)
    {
        sc_fail(L, "data.columns", "must be an array of 1 to n - 1 = %lld "
                "column indices", (long long) (n - 1));
        goto cleanup;
    }
    d = (slong) json_array_size(a);
    cols = flint_malloc(d * sizeof(slong));
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, d, 1);
    if (sc_load_columns(cols, L, a, n) != SC_OK
        || sc_get_int_key(&ycol, L, data, "data.", "y_column", 1, 1, n - 1)
        || sc_load_shift(mu, L, data) != SC_OK
        || sc_check_size(L, "data", n, d) != SC_OK)
        goto cleanup;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_hadamard(c->X, c->y, n, d, cols, mu, ycol, why,
                             sizeof why))
    {
        sc_fail(L, "data.generator", "%s", why);
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
        return sc_fail(L, "data.alpha", "must be an array of n = %lld exact "
                       "numbers (one weight per sample)", (long long) n);
    for (k = 0; k < n; k++)
    {
        snprintf(field, sizeof field, "data.alpha[%lld]", (long long) k);
        if (sc_get_number(fmpq_mat_entry(alpha, k, 0), L,
                          json_array_get(a, k), field) != SC_OK)
            return SC_EINVAL;
    }
    fmpq_init(sum);
    for (k = 0; k < n; k++)
        fmpq_add(sum, sum, fmpq_mat_entry(alpha, k, 0));
    pos = fmpq_sgn(sum) > 0;
    fmpq_clear(sum);
    if (!pos)
        return sc_fail(L, "data.alpha", "the weights must have a positive "
                       "sum (they are scaled to sum 1/margin^2)");
    return SC_OK;
}

static int
sc_load_bool_key(int * x, sc_load_t L, json_t * obj, const char * prefix,
                 const char * key)
{
    json_t * v = json_object_get(obj, key);
    char field[SC_FIELD_LEN];

    if (v == NULL)
        return SC_OK;
    sc_field(field, prefix, key);
    if (!json_is_boolean(v))
        return sc_fail(L, field, "must be true or false");
    *x = json_is_true(v);
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
    if (sc_check_keys(L, data, "data.", keys) != SC_OK
        || sc_get_int_key(&n, L, data, "data.", "n", 1, 2, SC_LOGISTIC_MAX_N)
        || sc_get_int_key(&d, L, data, "data.", "d", 1, 2, SC_LOGISTIC_MAX_D))
        goto cleanup;
    if (n % 2 != 0)
    {
        sc_fail(L, "data.n", "must be even (the recipe has n/2 samples of "
                "each label, so that sum y = 0), got %lld", (long long) n);
        goto cleanup;
    }
    if (sc_get_number_key(s, L, data, "data.", "margin", 1) != SC_OK)
        goto cleanup;
    if (fmpq_sgn(s) <= 0)
    {
        sc_fail(L, "data.margin", "must be > 0");
        goto cleanup;
    }
    fmpq_mat_clear(alpha);
    fmpq_mat_init(alpha, n, 1);
    fmpq_mat_clear(mu);
    fmpq_mat_init(mu, d, 1);
    if (sc_load_alpha(alpha, L, data) != SC_OK
        || sc_get_seed_key(&seed, L, data, "data.") != SC_OK
        || sc_load_bool_key(&rotate, L, data, "data.", "rotate") != SC_OK
        || sc_load_shift(mu, L, data) != SC_OK
        || sc_get_int_key(&zrank, L, data, "data.", "zrank", 0, 1, d - 1))
        goto cleanup;

    sc_case_set_dims(c, n, d);
    if (sc_case_gen_logistic(c->X, c->y, n, d, s, alpha, zrank, rotate, mu,
                             seed, why, sizeof why) != SC_OK)
    {
        sc_fail(L, "data.generator", "%s", why);
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

static int
sc_load_data(sc_case_t c, sc_load_t L, json_t * data)
{
    json_t * g;
    const char * name;

    if (!json_is_object(data))
        return sc_fail(L, "data", "must be an object");
    g = json_object_get(data, "generator");
    if (g == NULL)
        return sc_load_data_explicit(c, L, data);
    if (!json_is_string(g))
        return sc_fail(L, "data.generator", "must be a string");

    name = json_string_value(g);
    if (strcmp(name, "whitened") == 0)
        return sc_load_whitened(c, L, data);
    if (strcmp(name, "hadamard") == 0)
        return sc_load_hadamard(c, L, data);
    if (strcmp(name, "plain") == 0)
        return sc_load_plain(c, L, data);
    if (strcmp(name, "hilbert") == 0)       /* [F3] */
        return sc_load_hilbert(c, L, data);
    if (strcmp(name, "logistic") == 0)
        return sc_load_logistic(c, L, data);
    return sc_fail(L, "data.generator", "unknown generator '%.40s' (known: "
                   "whitened, hadamard, plain, hilbert, logistic)", name);
}

/* ---- initial state ----------------------------------------------------- */

/* The model gamma w^T (x - mu) / ||w||_Sigma divides by ||X~ w||, so a w
   with X~ w = 0 is refused here rather than as a NaN later. */
static int
sc_check_model_defined(const sc_case_t c, sc_load_t L, const char * field)
{
    fmpq_mat_t Xc, Xw;
    int zero;

    fmpq_mat_init(Xc, c->n, c->d);
    fmpq_mat_init(Xw, c->n, 1);
    sc_data_center(Xc, c->X);
    fmpq_mat_mul(Xw, Xc, c->w0);
    zero = fmpq_mat_is_zero(Xw);
    fmpq_mat_clear(Xw);
    fmpq_mat_clear(Xc);

    if (zero)
        return sc_fail(L, field, "X~ w = 0 (w is orthogonal to the centred "
                       "data), the normalised model is undefined");
    return SC_OK;
}

static int
sc_load_init_explicit(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "w", "gamma", NULL };
    json_t * w;
    slong j;
    char field[SC_FIELD_LEN];

    if (sc_check_keys(L, init, "init.", keys) != SC_OK
        || sc_member(&w, L, init, "init.", "w", 1) != SC_OK)
        return SC_EINVAL;
    if (!json_is_array(w) || (slong) json_array_size(w) != c->d)
        return sc_fail(L, "init.w", "must be an array of d = %lld exact "
                       "numbers", (long long) c->d);
    for (j = 0; j < c->d; j++)
    {
        snprintf(field, sizeof field, "init.w[%lld]", (long long) j);
        if (sc_get_number(fmpq_mat_entry(c->w0, j, 0), L,
                          json_array_get(w, j), field) != SC_OK)
            return SC_EINVAL;
    }
    if (fmpq_mat_is_zero(c->w0))
        return sc_fail(L, "init.w", "must be nonzero");
    if (sc_check_model_defined(c, L, "init.w") != SC_OK)
        return SC_EINVAL;
    return sc_get_number_key(c->gamma0, L, init, "init.", "gamma", 1);
}

/* The logistic reference is the SVM direction of LOGISTIC.md, defined
   (all samples active) only under A3. */
static int
sc_load_near_svm(sc_case_t c, sc_load_t L, const fmpq_t rho0,
                 const fmpq_t norm2, ulong seed)
{
    fmpq_mat_t Xc, w;
    char why[SC_ERR_LEN];
    int rc = SC_OK;

    fmpq_mat_init(Xc, c->n, c->d);
    fmpq_mat_init(w, c->d, 1);
    sc_data_center(Xc, c->X);
    if (!sc_svm_direction(w, Xc, c->y))
        rc = sc_fail(L, "init.generator", "near-reference: the logistic "
                     "reference w* is the all-active SVM direction and A3 "
                     "fails on these data (use the \"span\" generator)");
    else if (sc_case_init_near_direction(c->w0, c->X, w, rho0, norm2, seed,
                                         why, sizeof why) != SC_OK)
        rc = sc_fail(L, "init.generator", "%s", why);
    fmpq_mat_clear(w);
    fmpq_mat_clear(Xc);
    return rc;
}

static int
sc_load_init_span(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "generator", "gamma", "seed",
                                         NULL };
    ulong seed = 0;
    char why[SC_ERR_LEN];

    if (sc_check_keys(L, init, "init.", keys) != SC_OK
        || sc_get_number_key(c->gamma0, L, init, "init.", "gamma", 1)
        || sc_get_seed_key(&seed, L, init, "init."))
        return SC_EINVAL;
    if (sc_case_init_span(c->w0, c->X, seed, why, sizeof why) != SC_OK)
        return sc_fail(L, "init.generator", "%s", why);
    return SC_OK;
}

static int
sc_load_init_near_reference(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "generator", "rho0", "norm2",
                                         "gamma", "seed", NULL };
    fmpq_t rho0, norm2;
    ulong seed = 0;
    char why[SC_ERR_LEN];
    int rc = SC_EINVAL;

    fmpq_init(rho0);
    fmpq_init(norm2);
    if (sc_check_keys(L, init, "init.", keys) != SC_OK
        || sc_get_number_key(rho0, L, init, "init.", "rho0", 1)
        || sc_get_number_key(norm2, L, init, "init.", "norm2", 1)
        || sc_get_number_key(c->gamma0, L, init, "init.", "gamma", 1)
        || sc_get_seed_key(&seed, L, init, "init."))
        goto cleanup;
    if (fmpq_sgn(rho0) <= 0)
    {
        sc_fail(L, "init.rho0", "must be > 0");
        goto cleanup;
    }
    if (fmpq_sgn(norm2) <= 0)
    {
        sc_fail(L, "init.norm2", "must be > 0");
        goto cleanup;
    }
    if (c->loss == SC_LOSS_LOGISTIC)
        rc = sc_load_near_svm(c, L, rho0, norm2, seed);
    else if (sc_case_init_near_reference(c->w0, c->X, c->y, rho0, norm2,
                                         seed, why, sizeof why) != SC_OK)
        rc = sc_fail(L, "init.generator", "%s", why);
    else
        rc = SC_OK;
    if (rc != SC_OK)
        goto cleanup;
    rc = sc_check_model_defined(c, L, "init.generator");

cleanup:
    fmpq_clear(norm2);
    fmpq_clear(rho0);
    return rc;
}

static int
sc_load_init(sc_case_t c, sc_load_t L, json_t * init)
{
    json_t * g;
    const char * name;

    if (!json_is_object(init))
        return sc_fail(L, "init", "must be an object");
    g = json_object_get(init, "generator");
    if (g == NULL)
        return sc_load_init_explicit(c, L, init);
    if (!json_is_string(g))
        return sc_fail(L, "init.generator", "must be a string");

    name = json_string_value(g);
    if (strcmp(name, "near-reference") == 0)
        return sc_load_init_near_reference(c, L, init);
    if (strcmp(name, "span") == 0)
        return sc_load_init_span(c, L, init);
    return sc_fail(L, "init.generator", "unknown generator '%.40s' (known: "
                   "near-reference, span)", name);
}

/* ---- top level --------------------------------------------------------- */

static int
sc_load_header(sc_case_t c, sc_load_t L, json_t * root)
{
    static const char * const keys[] = { "format", "name", "loss", "data",
        "init", "eta", "eta_gamma", "steps", "precision", "weight_decay",
        "momentum", "project_norm", "report", NULL };
    json_t * v;
    const char * s;

    if (sc_member(&v, L, root, "", "format", 1) != SC_OK)
        return SC_EINVAL;
    if (!json_is_string(v) || strcmp(json_string_value(v), SC_CASE_FORMAT))
        return sc_fail(L, "format", "must be \"%s\"", SC_CASE_FORMAT);
    if (sc_check_keys(L, root, "", keys) != SC_OK)
        return SC_EINVAL;

    v = json_object_get(root, "name");
    if (v != NULL)
    {
        if (!json_is_string(v) || json_string_length(v) == 0)
            return sc_fail(L, "name", "must be a non-empty string");
        sc_case_set_name(c, json_string_value(v));
    }

    if (sc_member(&v, L, root, "", "loss", 1) != SC_OK)
        return SC_EINVAL;
    s = json_is_string(v) ? json_string_value(v) : "";
    if (strcmp(s, "square") == 0)
        c->loss = SC_LOSS_SQUARE;
    else if (strcmp(s, "logistic") == 0)
        c->loss = SC_LOSS_LOGISTIC;
    else
        return sc_fail(L, "loss", "must be \"square\" or \"logistic\"");
    return SC_OK;
}

static int
sc_decay_too_large(const fmpq_t eta, const fmpq_t lambda)
{
    fmpq_t p;
    int r;

    fmpq_init(p);
    fmpq_mul(p, eta, lambda);
    r = fmpq_cmp_ui(p, 1) >= 0;
    fmpq_clear(p);
    return r;
}

static int
sc_load_steps(sc_case_t c, sc_load_t L, json_t * root)
{
    json_t * v;

    if (sc_get_number_key(c->eta, L, root, "", "eta", 1) != SC_OK)
        return SC_EINVAL;
    if (fmpq_sgn(c->eta) <= 0)
        return sc_fail(L, "eta", "must be > 0");
    if (sc_get_number_key(c->eta_gamma, L, root, "", "eta_gamma", 1))
        return SC_EINVAL;
    if (fmpq_sgn(c->eta_gamma) <= 0 || fmpq_cmp_ui(c->eta_gamma, 1) >= 0)
        return sc_fail(L, "eta_gamma", "must be in (0, 1)");
    if (sc_get_number_key(c->weight_decay, L, root, "", "weight_decay", 0))
        return SC_EINVAL;
    if (fmpq_sgn(c->weight_decay) < 0)
        return sc_fail(L, "weight_decay", "must be >= 0");
    /* BEYOND.md s.1: 1 - eta lambda > 0, else the decay flips w (or
       zeroes it, where the BN model is undefined) */
    if (sc_decay_too_large(c->eta, c->weight_decay))
        return sc_fail(L, "weight_decay", "eta * weight_decay must be < 1");
    if (sc_get_number_key(c->momentum, L, root, "", "momentum", 0))
        return SC_EINVAL;
    if (fmpq_sgn(c->momentum) < 0 || fmpq_cmp_ui(c->momentum, 1) >= 0)
        return sc_fail(L, "momentum", "must be in [0, 1)");

    v = json_object_get(root, "project_norm");
    if (v != NULL && !json_is_boolean(v))
        return sc_fail(L, "project_norm", "must be true or false");
    c->project_norm = (v != NULL && json_is_true(v));

    if (sc_get_int_key(&c->steps, L, root, "", "steps", 1, 1,
                       SC_CASE_MAX_STEPS))
        return SC_EINVAL;
    return sc_get_int_key(&c->precision, L, root, "", "precision", 0,
                          SC_CASE_MIN_PREC, SC_CASE_MAX_PREC);
}

/* "report": {"figures": ["trajectory", "sharpness", "figure3"]}, optional:
   what the HTML report draws for the case. */
static int
sc_load_report(sc_case_t c, sc_load_t L, json_t * root)
{
    static const char * const keys[] = { "figures", NULL };
    json_t * rep = json_object_get(root, "report"), * figs, * v;
    char field[SC_FIELD_LEN];
    size_t i;
    slong k;

    if (rep == NULL)
        return SC_OK;
    if (!json_is_object(rep))
        return sc_fail(L, "report", "must be an object");
    if (sc_check_keys(L, rep, "report.", keys) != SC_OK)
        return SC_EINVAL;
    figs = json_object_get(rep, "figures");
    if (figs != NULL && !json_is_array(figs))
        return sc_fail(L, "report.figures", "must be an array of figure "
                       "names");
    json_array_foreach(figs, i, v)
    {
        for (k = 0; k < SC_NUM_FIGURES; k++)
            if (json_is_string(v)
                && strcmp(json_string_value(v), sc_case_figure_name(k)) == 0)
                break;
        if (k == SC_NUM_FIGURES)
        {
            snprintf(field, sizeof(field), "report.figures[%ld]", (long) i);
            return sc_fail(L, field, "unknown figure (known: trajectory, "
                           "sharpness, figure3)");
        }
        c->figures |= 1 << k;
    }
    return SC_OK;
}

/* Cheap scalar checks first, so a typo is reported before any matrix work;
   init last, since it needs the data. */
static int
sc_load_root(sc_case_t c, sc_load_t L, json_t * root)
{
    json_t * data, * init;

    if (!json_is_object(root))
        return sc_fail(L, "(root)", "must be a JSON object");
    if (sc_load_header(c, L, root) != SC_OK
        || sc_load_steps(c, L, root) != SC_OK
        || sc_load_report(c, L, root) != SC_OK
        || sc_member(&data, L, root, "", "data", 1) != SC_OK
        || sc_member(&init, L, root, "", "init", 1) != SC_OK
        || sc_load_data(c, L, data) != SC_OK
        || sc_load_init(c, L, init) != SC_OK)
        return SC_EINVAL;
    /* a trajectory keeps (d + 8) balls per step, at every precision it is
       run at: refuse what could not be stored rather than abort later */
    if ((double) (c->steps + 1) * (double) (c->d + 8) > SC_CASE_MAX_STORE)
        return sc_fail(L, "steps", "%ld steps of a %ld-dimensional state "
                       "exceed the trajectory store (steps x (d + 8) <= "
                       "%.0f)", (long) c->steps, (long) c->d,
                       (double) SC_CASE_MAX_STORE);
    return SC_OK;
}

/* Parses text (len bytes, or NUL-terminated if len < 0) into c, which is
   first reset so that nothing of a previous case survives. */
static int
sc_load_text(sc_case_t c, const char * text, ptrdiff_t len,
             const char * name, const char * path, sc_load_t L)
{
    json_error_t jerr;
    json_t * root;
    int rc;

    sc_case_clear(c);
    sc_case_init(c);
    sc_case_set_name(c, name);
    sc_case_set_path(c, path);

    if (len < 0)
        root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    else
        root = json_loadb(text, (size_t) len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
        return sc_fail(L, "json", "line %d column %d: %s", jerr.line,
                       jerr.column, jerr.text);
    rc = sc_load_root(c, L, root);
    if (rc == SC_OK)
    {
        char * canon = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);

        if (canon != NULL)
            sc_case_digest_text(c->digest, canon, strlen(canon));
        free(canon);
    }
    json_decref(root);
    return rc;
}

int
sc_case_load_string(sc_case_t c, const char * text, const char * label,
                    char * err, size_t errlen)
{
    sc_load_struct L[1];

    L->label = (label != NULL) ? label : "<string>";
    L->err = err;
    L->errlen = errlen;
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    return sc_load_text(c, text, -1, L->label, NULL, L);
}

/* *buf = the whole file (flint_malloc'ed, even on error), *len its size. */
static int
sc_read_file(char ** buf, size_t * len, sc_load_t L, const char * path)
{
    FILE * f = fopen(path, "rb");
    size_t cap = 4096, got;
    struct stat st;
    int rc = SC_OK;

    *buf = NULL;
    *len = 0;
    if (f == NULL)
    {
        sc_fail(L, "file", "cannot open: %s", strerror(errno));
        return SC_EIO;
    }
    *buf = flint_malloc(cap);
    /* regular files are refused by size up front, streams as they grow */
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)
        && (uintmax_t) st.st_size > SC_CASE_MAX_FILE_BYTES)
    {
        rc = sc_fail(L, "file", "larger than %zu bytes",
                     SC_CASE_MAX_FILE_BYTES);
        goto cleanup;
    }
    while ((got = fread(*buf + *len, 1, cap - *len, f)) > 0)
    {
        *len += got;
        if (*len > SC_CASE_MAX_FILE_BYTES)
        {
            rc = sc_fail(L, "file", "larger than %zu bytes",
                         SC_CASE_MAX_FILE_BYTES);
            goto cleanup;
        }
        if (*len == cap)
        {
            cap *= 2;
            *buf = flint_realloc(*buf, cap);
        }
    }
    if (ferror(f))
    {
        sc_fail(L, "file", "read error: %s", strerror(errno));
        rc = SC_EIO;
    }

cleanup:
    fclose(f);
    return rc;
}

/* The default name: the file's basename without ".json". */
static char *
sc_stem(const char * path)
{
    const char * base = strrchr(path, '/');
    size_t len;
    char * stem;

    base = (base != NULL) ? base + 1 : path;
    len = strlen(base);
    if (len > 5 && strcmp(base + len - 5, ".json") == 0)
        len -= 5;
    stem = flint_malloc(len + 1);
    memcpy(stem, base, len);
    stem[len] = '\0';
    return stem;
}

int
sc_case_load_file(sc_case_t c, const char * path, char * err, size_t errlen)
{
    sc_load_struct L[1];
    char * buf, * stem;
    size_t len;
    int rc;

    L->label = path;
    L->err = err;
    L->errlen = errlen;
    if (err != NULL && errlen > 0)
        err[0] = '\0';

    rc = sc_read_file(&buf, &len, L, path);
    if (rc == SC_OK)
    {
        stem = sc_stem(path);
        rc = sc_load_text(c, buf, (ptrdiff_t) len, stem, path, L);
        flint_free(stem);
    }
    flint_free(buf);
    return rc;
}
