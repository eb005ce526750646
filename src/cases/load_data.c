/*
 * load_data.c -- the "data" section of a case file: explicit X and y, or a
 * data generator (load_gen_data.c) by name.
 *
 * Matrices are sized only after their shape has been checked against the
 * limits of cases.h, and before any of the n d entries is parsed the exact
 * work they would cost is bounded from the lengths of their strings.
 */
#include <stdio.h>
#include <string.h>
#include "cases/load.h"

/* Before any number is parsed (1000 x 1000 entries take seconds): the
   exact work with entries at least as long as the longest string. */
static int
sc_load_X_work(sc_load_t L, json_t * X, slong n, slong d)
{
    double k = 1, work;
    size_t i, j;

    for (i = 0; i < (size_t) n; i++)
        for (j = 0; j < (size_t) d; j++)
        {
            json_t * v = json_array_get(json_array_get(X, i), j);

            if (json_is_string(v))
                k = FLINT_MAX(k, (double) json_string_length(v));
        }
    work = sc_case_cost_work_dims(n, d, k);
    if (work > SC_CASE_MAX_WORK)
        return sc_load_fail(L, "data.X", "exact arithmetic on %ld x %ld "
                            "data too costly (estimate %.0f digit operations "
                            "> limit %.0f)", (long) n, (long) d, work,
                            (double) SC_CASE_MAX_WORK);
    return SC_OK;
}

/* The shape of X: n non-empty rows of equal length d. */
static int
sc_load_X_shape(slong * n, slong * d, sc_load_t L, json_t * X)
{
    json_t * row0;
    size_t i;
    char field[SC_FIELD_LEN];

    if (!json_is_array(X) || json_array_size(X) == 0)
        return sc_load_fail(L, "data.X", "must be a non-empty array of rows");
    row0 = json_array_get(X, 0);
    if (!json_is_array(row0) || json_array_size(row0) == 0)
        return sc_load_fail(L, "data.X[0]", "must be a non-empty array");
    if (json_array_size(X) > SC_CASE_MAX_DIM)
        return sc_load_fail(L, "data.X", "more than %d rows", SC_CASE_MAX_DIM);
    if (json_array_size(row0) > SC_CASE_MAX_DIM)
        return sc_load_fail(L, "data.X[0]", "more than %d entries",
                            SC_CASE_MAX_DIM);
    *n = (slong) json_array_size(X);
    *d = (slong) json_array_size(row0);
    if (sc_load_size(L, "data.X", *n, *d) != SC_OK)
        return SC_EINVAL;
    if (sc_load_X_work(L, X, *n, *d) != SC_OK)
        return SC_EINVAL;

    for (i = 1; i < json_array_size(X); i++)
    {
        json_t * row = json_array_get(X, i);

        snprintf(field, sizeof field, "data.X[%zu]", i);
        if (!json_is_array(row) || json_array_size(row) == 0)
            return sc_load_fail(L, field, "must be a non-empty array");
        if ((slong) json_array_size(row) != *d)
            return sc_load_fail(L, field, "ragged rows: %zu entries, row 0 "
                                "has %lld", json_array_size(row),
                                (long long) *d);
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
            if (sc_load_number(fmpq_mat_entry(c->X, i, j), L, v, field)
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
        return sc_load_fail(L, "data.y", "must be an array of n = %lld labels",
                            (long long) c->n);
    for (i = 0; i < c->n; i++)
    {
        fmpq * yi = fmpq_mat_entry(c->y, i, 0);

        snprintf(field, sizeof field, "data.y[%lld]", (long long) i);
        if (sc_load_number(yi, L, json_array_get(y, i), field) != SC_OK)
            return SC_EINVAL;
        if (!fmpq_is_pm1(yi))
            return sc_load_fail(L, field, "label must be 1 or -1");
    }
    return SC_OK;
}

static int
sc_load_data_explicit(sc_case_t c, sc_load_t L, json_t * data)
{
    static const char * const keys[] = { "X", "y", NULL };
    json_t * X, * y;
    slong n = 0, d = 0;

    if (sc_load_keys(L, data, "data.", keys) != SC_OK
        || sc_load_member(&X, L, data, "data.", "X", 1) != SC_OK
        || sc_load_member(&y, L, data, "data.", "y", 1) != SC_OK
        || sc_load_X_shape(&n, &d, L, X) != SC_OK)
        return SC_EINVAL;

    sc_case_set_dims(c, n, d);
    if (sc_load_X_entries(c, L, X) != SC_OK || sc_load_y(c, L, y) != SC_OK)
        return SC_EINVAL;
    c->seed = 0;
    strcpy(c->data_desc, "explicit");
    return SC_OK;
}

int
sc_load_data(sc_case_t c, sc_load_t L, json_t * data)
{
    return sc_load_section(c, L, data, "data", sc_load_data_explicit,
                           sc_load_gen_data, sc_load_gen_data_count);
}
