/*
 * load.c -- reads and validates a case file (format spikecheck-case/1): the
 * file, the JSON document, the top-level keys, the digest.
 *
 * The sections are read by load_data.c and load_init.c, every field by the
 * readers of load_field.c, which write the one-line messages "LABEL:
 * FIELD: reason".  Cheap scalar checks come first, so that a typo is
 * reported before any matrix work, and the case is kept valid throughout,
 * so that a caller can always clear it; every path out frees what it took.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cases/load.h"

/* A million entries of about 60 characters; refusing more keeps /dev/zero
   or a runaway file from exhausting memory before JSON parsing starts. */
#define SC_CASE_MAX_FILE_BYTES ((size_t) 64 << 20)

static int
sc_load_header(sc_case_t c, sc_load_t L, json_t * root)
{
    static const char * const keys[] = { "format", "name", "loss", "data",
        "init", "eta", "eta_gamma", "steps", "precision", "weight_decay",
        "momentum", "project_norm", "report", NULL };
    json_t * v;
    const char * s;

    if (sc_load_member(&v, L, root, "", "format", 1) != SC_OK)
        return SC_EINVAL;
    if (!json_is_string(v) || strcmp(json_string_value(v), SC_CASE_FORMAT))
        return sc_load_fail(L, "format", "must be \"%s\"", SC_CASE_FORMAT);
    if (sc_load_keys(L, root, "", keys) != SC_OK)
        return SC_EINVAL;

    v = json_object_get(root, "name");
    if (v != NULL)
    {
        if (!json_is_string(v) || json_string_length(v) == 0)
            return sc_load_fail(L, "name", "must be a non-empty string");
        sc_case_set_name(c, json_string_value(v));
    }

    if (sc_load_member(&v, L, root, "", "loss", 1) != SC_OK)
        return SC_EINVAL;
    s = json_is_string(v) ? json_string_value(v) : "";
    if (strcmp(s, "square") == 0)
        c->loss = SC_LOSS_SQUARE;
    else if (strcmp(s, "logistic") == 0)
        c->loss = SC_LOSS_LOGISTIC;
    else
        return sc_load_fail(L, "loss", "must be \"square\" or \"logistic\"");
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

    if (sc_load_number_key(c->eta, L, root, "", "eta", 1) != SC_OK)
        return SC_EINVAL;
    if (fmpq_sgn(c->eta) <= 0)
        return sc_load_fail(L, "eta", "must be > 0");
    if (sc_load_number_key(c->eta_gamma, L, root, "", "eta_gamma", 1))
        return SC_EINVAL;
    if (fmpq_sgn(c->eta_gamma) <= 0 || fmpq_cmp_ui(c->eta_gamma, 1) >= 0)
        return sc_load_fail(L, "eta_gamma", "must be in (0, 1)");
    if (sc_load_number_key(c->weight_decay, L, root, "", "weight_decay", 0))
        return SC_EINVAL;
    if (fmpq_sgn(c->weight_decay) < 0)
        return sc_load_fail(L, "weight_decay", "must be >= 0");
    /* BEYOND.md s.1: 1 - eta lambda > 0, else the decay flips w (or
       zeroes it, where the BN model is undefined) */
    if (sc_decay_too_large(c->eta, c->weight_decay))
        return sc_load_fail(L, "weight_decay",
                            "eta * weight_decay must be < 1");
    if (sc_load_number_key(c->momentum, L, root, "", "momentum", 0))
        return SC_EINVAL;
    if (fmpq_sgn(c->momentum) < 0 || fmpq_cmp_ui(c->momentum, 1) >= 0)
        return sc_load_fail(L, "momentum", "must be in [0, 1)");

    v = json_object_get(root, "project_norm");
    if (v != NULL && !json_is_boolean(v))
        return sc_load_fail(L, "project_norm", "must be true or false");
    c->project_norm = (v != NULL && json_is_true(v));

    if (sc_load_int_key(&c->steps, L, root, "", "steps", 1, 1,
                        SC_CASE_MAX_STEPS))
        return SC_EINVAL;
    return sc_load_int_key(&c->precision, L, root, "", "precision", 0,
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
        return sc_load_fail(L, "report", "must be an object");
    if (sc_load_keys(L, rep, "report.", keys) != SC_OK)
        return SC_EINVAL;
    figs = json_object_get(rep, "figures");
    if (figs != NULL && !json_is_array(figs))
        return sc_load_fail(L, "report.figures", "must be an array of figure "
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
            return sc_load_fail(L, field, "unknown figure (known: trajectory, "
                                "sharpness, figure3)");
        }
        c->figures |= 1 << k;
    }
    return SC_OK;
}

/* The memory and work estimates of cost.c, at the default precision cap. */
static int
sc_load_cost(const sc_case_t c, sc_load_t L)
{
    char why[SC_ERR_LEN];
    const char * field;

    if (sc_case_check_cost(c, SC_CASE_COST_PREC, &field, why, sizeof(why))
        != SC_OK)
        return sc_load_fail(L, field, "%s", why);
    return SC_OK;
}

/* Cheap scalar checks first, so a typo is reported before any matrix work;
   init last, since it needs the data. */
static int
sc_load_root(sc_case_t c, sc_load_t L, json_t * root)
{
    json_t * data, * init;

    if (!json_is_object(root))
        return sc_load_fail(L, "(root)", "must be a JSON object");
    if (sc_load_header(c, L, root) != SC_OK
        || sc_load_steps(c, L, root) != SC_OK
        || sc_load_report(c, L, root) != SC_OK
        || sc_load_member(&data, L, root, "", "data", 1) != SC_OK
        || sc_load_member(&init, L, root, "", "init", 1) != SC_OK
        || sc_load_data(c, L, data) != SC_OK)
        return SC_EINVAL;
    /* a trajectory keeps (d + 8) balls per step, at every precision it is
       run at: refuse what could not be stored rather than abort later */
    if ((double) (c->steps + 1) * (double) (c->d + 8) > SC_CASE_MAX_STORE)
        return sc_load_fail(L, "steps", "%ld steps of a %ld-dimensional state "
                            "exceed the trajectory store (steps x (d + 8) <= "
                            "%.0f)", (long) c->steps, (long) c->d,
                            (double) SC_CASE_MAX_STORE);
    /* before init: its checks (X~ w != 0) are exact work on the data */
    if (sc_load_cost(c, L) != SC_OK)
        return SC_EINVAL;
    return sc_load_init(c, L, init);
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
        return sc_load_fail(L, "json", "line %d column %d: %s", jerr.line,
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
        sc_load_fail(L, "file", "cannot open: %s", strerror(errno));
        return SC_EIO;
    }
    *buf = flint_malloc(cap);
    /* regular files are refused by size up front, streams as they grow */
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)
        && (uintmax_t) st.st_size > SC_CASE_MAX_FILE_BYTES)
    {
        rc = sc_load_fail(L, "file", "larger than %zu bytes",
                          SC_CASE_MAX_FILE_BYTES);
        goto cleanup;
    }
    while ((got = fread(*buf + *len, 1, cap - *len, f)) > 0)
    {
        *len += got;
        if (*len > SC_CASE_MAX_FILE_BYTES)
        {
            rc = sc_load_fail(L, "file", "larger than %zu bytes",
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
        sc_load_fail(L, "file", "read error: %s", strerror(errno));
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
