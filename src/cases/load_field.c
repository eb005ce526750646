/*
 * load_field.c -- the loader's field readers and its one error message.
 *
 * The loader is the harness's front door and will be fed hostile input, so
 * every value is checked before it is used and every error is one line
 * "LABEL: FIELD: reason" naming the offending key (data.X[2][1],
 * init.gamma, ...).  The generator of a section is looked up here by name
 * in its kind's table, so both kinds refuse an unknown name alike.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cases/load.h"

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

int
sc_load_fail(sc_load_t L, const char * field, const char * fmt, ...)
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

void
sc_load_field(char * field, const char * prefix, const char * key)
{
    snprintf(field, SC_FIELD_LEN, "%s%s", prefix, key);
}

/* ---- members and scalars ----------------------------------------------- */

int
sc_load_keys(sc_load_t L, json_t * obj, const char * prefix,
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
            sc_load_field(field, prefix, key);
            return sc_load_fail(L, field, "unknown key");
        }
    }
    return SC_OK;
}

/* *v = obj[key]; a missing required key is an error, a missing optional
   one gives *v = NULL. */
int
sc_load_member(json_t ** v, sc_load_t L, json_t * obj, const char * prefix,
          const char * key, int required)
{
    char field[SC_FIELD_LEN];

    *v = json_object_get(obj, key);
    if (*v == NULL && required)
    {
        sc_load_field(field, prefix, key);
        return sc_load_fail(L, field, "missing");
    }
    return SC_OK;
}

int
sc_load_number(fmpq_t x, sc_load_t L, json_t * v, const char * field)
{
    char why[SC_ERR_LEN];

    if (!json_is_string(v))
        return sc_load_fail(L, field,
                            "must be a string holding an exact number");
    if (sc_num_parse_fmpq(x, json_string_value(v), why, sizeof why) != SC_OK)
        return sc_load_fail(L, field, "%s", why);
    return SC_OK;
}

/* x = obj[key] as an exact number; an absent optional key leaves x. */
int
sc_load_number_key(fmpq_t x, sc_load_t L, json_t * obj, const char * prefix,
                   const char * key, int required)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_load_member(&v, L, obj, prefix, key, required) != SC_OK)
        return SC_EINVAL;
    if (v == NULL)
        return SC_OK;
    sc_load_field(field, prefix, key);
    return sc_load_number(x, L, v, field);
}

int
sc_load_int(slong * x, sc_load_t L, json_t * v, const char * field, slong lo,
            slong hi)
{
    json_int_t t;

    if (!json_is_integer(v))
        return sc_load_fail(L, field, "must be a JSON integer");
    t = json_integer_value(v);
    if (t < lo || t > hi)
        return sc_load_fail(L, field, "must be in [%lld, %lld], got %lld",
                            (long long) lo, (long long) hi, (long long) t);
    *x = (slong) t;
    return SC_OK;
}

/* x = obj[key] as an integer in [lo, hi]; an absent optional key leaves x. */
int
sc_load_int_key(slong * x, sc_load_t L, json_t * obj, const char * prefix,
                const char * key, int required, slong lo, slong hi)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_load_member(&v, L, obj, prefix, key, required) != SC_OK)
        return SC_EINVAL;
    if (v == NULL)
        return SC_OK;
    sc_load_field(field, prefix, key);
    return sc_load_int(x, L, v, field, lo, hi);
}

int
sc_load_seed_key(ulong * seed, sc_load_t L, json_t * obj, const char * prefix)
{
    char field[SC_FIELD_LEN];
    json_t * v;

    if (sc_load_member(&v, L, obj, prefix, "seed", 1) != SC_OK)
        return SC_EINVAL;
    sc_load_field(field, prefix, "seed");
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return sc_load_fail(L, field, "must be a non-negative JSON integer");
    *seed = (ulong) json_integer_value(v);
    return SC_OK;
}

/* n * d within the limits of cases.h (n, d >= 1 already). */
int
sc_load_size(sc_load_t L, const char * field, slong n, slong d)
{
    if (n > SC_CASE_MAX_DIM || d > SC_CASE_MAX_DIM)
        return sc_load_fail(L, field, "dimension above %d (n = %lld, "
                            "d = %lld)", SC_CASE_MAX_DIM, (long long) n,
                            (long long) d);
    if (n * d > SC_CASE_MAX_ENTRIES)
        return sc_load_fail(L, field, "n*d = %lld exceeds %d entries",
                            (long long) (n * d), SC_CASE_MAX_ENTRIES);
    return SC_OK;
}

int
sc_load_bool_key(int * x, sc_load_t L, json_t * obj, const char * prefix,
                 const char * key)
{
    json_t * v = json_object_get(obj, key);
    char field[SC_FIELD_LEN];

    if (v == NULL)
        return SC_OK;
    sc_load_field(field, prefix, key);
    if (!json_is_boolean(v))
        return sc_load_fail(L, field, "must be true or false");
    *x = json_is_true(v);
    return SC_OK;
}

/* ---- generators by name ------------------------------------------------ */

/* "a, b, c": the names of the table, in its order. */
static void
sc_load_gen_names(char * s, size_t len, const sc_load_gen_struct * table,
                  slong count)
{
    size_t used = 0;
    slong k;

    s[0] = '\0';
    for (k = 0; k < count && used < len; k++)
        used += (size_t) snprintf(s + used, len - used, "%s%s",
                                  k > 0 ? ", " : "", table[k].name);
}

int
sc_load_section(sc_case_t c, sc_load_t L, json_t * obj, const char * section,
                sc_load_gen_fn explicit_load, const sc_load_gen_struct * table,
                slong count)
{
    char field[SC_FIELD_LEN], names[SC_ERR_LEN];
    const char * name;
    json_t * g;
    slong k;

    if (!json_is_object(obj))
        return sc_load_fail(L, section, "must be an object");
    g = json_object_get(obj, "generator");
    if (g == NULL)
        return explicit_load(c, L, obj);
    snprintf(field, sizeof field, "%s.generator", section);
    if (!json_is_string(g))
        return sc_load_fail(L, field, "must be a string");

    name = json_string_value(g);
    for (k = 0; k < count; k++)
        if (strcmp(name, table[k].name) == 0)
            return table[k].load(c, L, obj);
    sc_load_gen_names(names, sizeof names, table, count);
    return sc_load_fail(L, field, "unknown generator '%.40s' (known: %s)",
                        name, names);
}
