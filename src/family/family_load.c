/*
 * family_load.c -- reading a family file (sc_family_load_file): its keys,
 * its grid of exact values, and its base case, which is only read.
 *
 * The file and its base come from other people.  The base is a path
 * relative to the family file's directory: an absolute one is refused
 * (a family must mean the same in every checkout), and so is anything
 * but a regular file whose resolved name ends in ".json", so that a
 * family cannot make spikecheck wait on a FIFO, read a device, or echo
 * the start of an unrelated file in a parse error.  The base is opened
 * once (O_NONBLOCK, then fstat: the file checked is the file read).
 */
#define _XOPEN_SOURCE 700       /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include "family/family.h"

int
sc_family_fail(char * err, size_t len, int rc, const char * path,
               const char * field, const char * fmt, ...)
{
    va_list ap;
    int k = snprintf(err, len, "%s: %s: ", path, field);

    va_start(ap, fmt);
    if (k >= 0 && (size_t) k < len)
        vsnprintf(err + k, len - (size_t) k, fmt, ap);
    va_end(ap);
    return rc;
}

static char *
sc_family_strdup(const char * s)
{
    char * r = flint_malloc(strlen(s) + 1);

    strcpy(r, s);
    return r;
}

/* The whole of the regular file open on fd, at most max bytes, NUL
   terminated (flint_free), or NULL with the reason in *why. */
static char *
sc_family_slurp(int fd, size_t max, const char ** why)
{
    struct stat st;
    char * buf;
    size_t len = 0;
    ssize_t got;

    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
        *why = "not a regular file";
        return NULL;
    }
    if ((size_t) st.st_size > max)
    {
        *why = "too large for a family or case file";
        return NULL;
    }
    buf = flint_malloc((size_t) st.st_size + 2);
    while (len <= (size_t) st.st_size
           && (got = read(fd, buf + len, (size_t) st.st_size + 1 - len)) > 0)
        len += (size_t) got;
    if (len > (size_t) st.st_size)
    {
        flint_free(buf);
        *why = "grew while read";
        return NULL;
    }
    buf[len] = '\0';
    if (strlen(buf) != len)
    {
        flint_free(buf);
        *why = "contains a NUL byte";
        return NULL;
    }
    return buf;
}

/* Opens and reads path; NULL with the reason in *why. */
static char *
sc_family_read(const char * path, size_t max, const char ** why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    char * text;

    if (fd < 0)
    {
        *why = strerror(errno);
        return NULL;
    }
    text = sc_family_slurp(fd, max, why);
    close(fd);
    return text;
}

/* F->base = the base case's path (the family's directory joined with
   rel), checked as the top comment says. */
static int
sc_family_base(sc_family_t F, const json_t * v, char * err, size_t len)
{
    const char * rel = json_string_value(v), * slash;
    char * joined, * real;
    size_t n, m;
    struct stat st, sf;

    if (rel == NULL)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                              "not a string");
    n = strlen(rel);
    if (n == 0 || n != json_string_length(v) || n > 4096)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                              "not a file name");
    if (rel[0] == '/')
        return sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                              "an absolute path (give it relative to the "
                              "family file)");
    slash = strrchr(F->path, '/');
    m = slash != NULL ? (size_t) (slash - F->path) + 1 : 0;
    joined = flint_malloc(m + n + 1);
    memcpy(joined, F->path, m);
    strcpy(joined + m, rel);
    real = realpath(joined, NULL);
    if (real == NULL)
    {
        int rc = sc_family_fail(err, len, SC_EIO, F->path, "base",
                                "cannot open %s: %s", rel, strerror(errno));

        flint_free(joined);
        return rc;
    }
    n = strlen(real);
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
        n = sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                           "not a regular file");
    else if (n < 5 || strcmp(real + n - 5, ".json") != 0)
        n = sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                           "not a .json file");
    else if (stat(F->path, &sf) == 0 && sf.st_dev == st.st_dev
             && sf.st_ino == st.st_ino)
        n = sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                           "the family file itself");
    else
    {
        F->base = joined;
        joined = NULL;
        n = SC_OK;
    }
    free(real);
    flint_free(joined);
    return (int) n;
}

/* Parameter k's values from the list v into F. */
static int
sc_family_values(sc_family_t F, int k, const json_t * v, char * err,
                 size_t len)
{
    char field[64], why[SC_ERR_LEN];
    slong i, j, n = json_is_array(v) ? (slong) json_array_size(v) : -1;

    snprintf(field, sizeof(field), "grid.%s", sc_family_param_name(k));
    if (n < 1 || n > SC_FAMILY_MAX_VALUES)
        return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                              "not a list of 1 to %d exact numbers",
                              SC_FAMILY_MAX_VALUES);
    F->values[k] = _fmpq_vec_init(n);
    F->nvalues[k] = n;
    for (i = 0; i < n; i++)
    {
        const char * s = json_string_value(json_array_get(v, i));

        snprintf(field, sizeof(field), "grid.%s[%ld]",
                 sc_family_param_name(k), (long) i);
        if (s == NULL)
            return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                                  "not a string holding an exact number");
        if (sc_num_parse_fmpq(F->values[k] + i, s, why, sizeof(why))
            != SC_OK)
            return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                                  "%s", why);
        for (j = 0; j < i; j++)
            if (fmpq_equal(F->values[k] + j, F->values[k] + i))
                return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                                      "repeats grid.%s[%ld]",
                                      sc_family_param_name(k), (long) j);
    }
    return SC_OK;
}

static int
sc_family_grid(sc_family_t F, json_t * grid, char * err, size_t len)
{
    const char * key;
    json_t * v;
    slong points = 1;
    int k, rc;

    if (!json_is_object(grid) || json_object_size(grid) == 0)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "grid",
                              "not an object of parameter lists");
    json_object_foreach(grid, key, v)
    {
        for (k = 0; k < SC_FAMILY_NPARAMS
                    && strcmp(key, sc_family_param_name(k)) != 0; k++)
            ;
        if (k == SC_FAMILY_NPARAMS)
            return sc_family_fail(err, len, SC_EINVAL, F->path, "grid",
                                  "unknown parameter (the parameters: eta, "
                                  "eta_gamma, lambda, eta_lambda, gamma_0, "
                                  "rho_0, norm2, margin)");
        if ((rc = sc_family_values(F, k, v, err, len)) != SC_OK)
            return rc;
        points *= F->nvalues[k];
        if (points > SC_FAMILY_MAX_POINTS)
            return sc_family_fail(err, len, SC_EINVAL, F->path, "grid",
                                  "more than %d points",
                                  SC_FAMILY_MAX_POINTS);
    }
    if (F->nvalues[SC_FAMILY_LAMBDA] > 0
        && F->nvalues[SC_FAMILY_ETA_LAMBDA] > 0)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "grid",
                              "lambda and eta_lambda both set weight_decay");
    F->npoints = points;
    return SC_OK;
}

/* The keys of the family file's root object. */
static int
sc_family_root(sc_family_t F, json_t * root, char * err, size_t len)
{
    static const char * const keys[] = { "format", "family", "claim",
        "base", "grid", "tolerance" };
    const char * key, * s;
    json_t * v;
    size_t i, n;
    int rc;

    if (!json_is_object(root))
        return sc_family_fail(err, len, SC_EINVAL, F->path, "json",
                              "not an object");
    json_object_foreach(root, key, v)
    {
        for (i = 0; i < 6 && strcmp(key, keys[i]) != 0; i++)
            ;
        if (i == 6)
            return sc_family_fail(err, len, SC_EINVAL, F->path, key,
                                  "unknown key");
    }
    for (i = 0; i < 5; i++)
        if (json_object_get(root, keys[i]) == NULL)
            return sc_family_fail(err, len, SC_EINVAL, F->path, keys[i],
                                  "missing");
    s = json_string_value(json_object_get(root, "format"));
    if (s == NULL || strcmp(s, SC_FAMILY_FORMAT) != 0)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "format",
                              "not \"%s\"", SC_FAMILY_FORMAT);
    s = json_string_value(json_object_get(root, "family"));
    n = s != NULL ? strlen(s) : 0;
    for (i = 0; i < n && (s[i] == '-' || s[i] == '_' || s[i] == '.'
                          || (s[i] >= '0' && s[i] <= '9')
                          || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'));
         i++)
        ;
    if (n == 0 || i < n || n > SC_FAMILY_MAX_NAME || s[0] == '.')
        return sc_family_fail(err, len, SC_EINVAL, F->path, "family",
                              "not a name of 1 to %d characters "
                              "[A-Za-z0-9._-]", SC_FAMILY_MAX_NAME);
    F->name = sc_family_strdup(s);
    s = json_string_value(json_object_get(root, "claim"));
    if (s == NULL || strlen(s) == 0 || strlen(s) > 64)
        return sc_family_fail(err, len, SC_EINVAL, F->path, "claim",
                              "not a claim id");
    F->claim = sc_family_strdup(s);
    if ((v = json_object_get(root, "tolerance")) != NULL)
    {
        char why[SC_ERR_LEN];

        s = json_string_value(v);
        if (s == NULL
            || sc_num_parse_fmpq(F->tolerance, s, why, sizeof(why)) != SC_OK)
            return sc_family_fail(err, len, SC_EINVAL, F->path, "tolerance",
                                  "%s", s == NULL ? "not a string holding "
                                  "an exact number" : why);
        if (fmpq_sgn(F->tolerance) <= 0)
            return sc_family_fail(err, len, SC_EINVAL, F->path, "tolerance",
                                  "must be > 0");
        F->has_tolerance = 1;
    }
    if ((rc = sc_family_grid(F, json_object_get(root, "grid"), err, len))
        != SC_OK)
        return rc;
    return sc_family_base(F, json_object_get(root, "base"), err, len);
}

int
sc_family_load_file(sc_family_t F, const char * path, char * err,
                    size_t errlen)
{
    const char * why = NULL;
    char * text, * base;
    json_error_t jerr;
    json_t * root;
    int rc;

    sc_family_clear(F);
    sc_family_init(F);
    F->path = sc_family_strdup(path);
    text = sc_family_read(path, SC_FAMILY_MAX_BYTES, &why);
    if (text == NULL)
        return sc_family_fail(err, errlen, SC_EIO, path, "file", "%s", why);
    root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    flint_free(text);
    if (root == NULL)
        return sc_family_fail(err, errlen, SC_EINVAL, path, "json",
                              "line %d column %d: %s", jerr.line,
                              jerr.column, jerr.text);
    rc = sc_family_root(F, root, err, errlen);
    json_decref(root);
    if (rc != SC_OK)
        return rc;
    base = sc_family_read(F->base, SC_FAMILY_MAX_BASE_BYTES, &why);
    if (base == NULL)
        return sc_family_fail(err, errlen, SC_EIO, path, "base", "%s: %s",
                              F->base, why);
    rc = sc_family_expand(F, base, err, errlen);
    flint_free(base);
    return rc;
}
