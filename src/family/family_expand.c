/*
 * family_expand.c -- a family's grid over its base case: one case per
 * point, made by setting the varied fields in a copy of the base's JSON
 * and loading that with the cases module (sc_case_load_string), so that
 * a point is validated exactly as a case file would be and its digest
 * (the journal's key) changes with its values.
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "family/family.h"

/* For margin the base's data must be the logistic generator's (the only
   one with a margin: it builds the data around it, LOGISTIC.md s.3). */
static int
sc_expand_check_margin(const sc_family_t F, json_t * root, char * err,
                       size_t len)
{
    json_t * data = json_object_get(root, "data");
    const char * gen = json_string_value(json_object_get(data,
                                                         "generator"));

    if (F->nvalues[SC_FAMILY_MARGIN] == 0
        || (gen != NULL && strcmp(gen, "logistic") == 0))
        return SC_OK;
    return sc_family_fail(err, len, SC_EINVAL, F->path, "grid.margin",
                          "the base case's data are not the logistic "
                          "generator's (which sets data.margin)");
}

/* The base's init must be an object, and for rho_0 and norm2 the
   near-reference generator's (the only one with those fields). */
static int
sc_expand_check_base(const sc_family_t F, json_t * root, char * err,
                     size_t len)
{
    json_t * init = json_object_get(root, "init");
    const char * gen = json_string_value(json_object_get(init, "generator"));
    int k;

    for (k = SC_FAMILY_GAMMA0; k <= SC_FAMILY_NORM2; k++)
    {
        char field[32];

        if (F->nvalues[k] == 0)
            continue;
        snprintf(field, sizeof(field), "grid.%s", sc_family_param_name(k));
        if (!json_is_object(init))
            return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                                  "the base case has no init object");
        if (k != SC_FAMILY_GAMMA0
            && (gen == NULL || strcmp(gen, "near-reference") != 0))
            return sc_family_fail(err, len, SC_EINVAL, F->path, field,
                                  "the base case's init is not the "
                                  "near-reference "
                                  "generator (which sets %s)",
                                  sc_family_param_field(k));
    }
    return sc_expand_check_margin(F, root, err, len);
}

/* Sets field (of root, or of root's object sub, "init" or "data") to the
   exact string of x. */
static void
sc_expand_set(json_t * root, const char * key, const char * sub,
              const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);
    json_t * obj = sub != NULL ? json_object_get(root, sub) : root;

    json_object_set_new(obj, key, json_string(s));
    flint_free(s);
}

/* x = the exact number at key of obj; 0 (and x = 0) when it is none. */
static int
sc_expand_get(fmpq_t x, const json_t * obj, const char * key)
{
    const char * s = json_string_value(json_object_get(obj, key));
    char why[SC_ERR_LEN];

    fmpq_zero(x);
    return s != NULL && sc_num_parse_fmpq(x, s, why, sizeof(why)) == SC_OK;
}

/* Point i's copy of the base with its values set; F->at row i gets the
   varied values, and lab = "p=v,p=v" of them. */
static json_t *
sc_expand_point(sc_family_t F, json_t * root, slong i, char * lab,
                size_t len)
{
    json_t * copy = json_deep_copy(root);
    fmpq * at = F->at + i * SC_FAMILY_NPARAMS;
    slong r = i, idx[SC_FAMILY_NPARAMS];
    size_t pos = 0;
    int k;

    for (k = SC_FAMILY_NPARAMS - 1; k >= 0; k--)
        if (F->nvalues[k] > 0)
        {
            idx[k] = r % F->nvalues[k];
            r /= F->nvalues[k];
        }
    lab[0] = '\0';
    for (k = 0; k < SC_FAMILY_NPARAMS; k++)
    {
        char * s;

        if (F->nvalues[k] == 0)
            continue;
        fmpq_set(at + k, F->values[k] + idx[k]);
        s = fmpq_get_str(NULL, 10, at + k);
        if (pos < len)
            pos += (size_t) snprintf(lab + pos, len - pos, "%s%s=%s",
                                     pos > 0 ? "," : "",
                                     sc_family_param_name(k), s);
        flint_free(s);
    }
    if (F->nvalues[SC_FAMILY_ETA] > 0)
        sc_expand_set(copy, "eta", NULL, at + SC_FAMILY_ETA);
    if (F->nvalues[SC_FAMILY_ETA_GAMMA] > 0)
        sc_expand_set(copy, "eta_gamma", NULL, at + SC_FAMILY_ETA_GAMMA);
    if (F->nvalues[SC_FAMILY_LAMBDA] > 0)
        sc_expand_set(copy, "weight_decay", NULL, at + SC_FAMILY_LAMBDA);
    if (F->nvalues[SC_FAMILY_GAMMA0] > 0)
        sc_expand_set(copy, "gamma", "init", at + SC_FAMILY_GAMMA0);
    if (F->nvalues[SC_FAMILY_RHO0] > 0)
        sc_expand_set(copy, "rho0", "init", at + SC_FAMILY_RHO0);
    if (F->nvalues[SC_FAMILY_NORM2] > 0)
        sc_expand_set(copy, "norm2", "init", at + SC_FAMILY_NORM2);
    if (F->nvalues[SC_FAMILY_MARGIN] > 0)
        sc_expand_set(copy, "margin", "data", at + SC_FAMILY_MARGIN);
    return copy;
}

/* lambda = eta_lambda / eta at point i, eta the point's (the base's when
   not varied); SC_EINVAL when that eta is not a positive number. */
static int
sc_expand_eta_lambda(sc_family_t F, json_t * copy, slong i, char * err,
                     size_t len)
{
    fmpq * at = F->at + i * SC_FAMILY_NPARAMS;
    fmpq_t eta, wd;
    int ok, pos;

    fmpq_init(eta);
    fmpq_init(wd);
    if (F->nvalues[SC_FAMILY_ETA] > 0)
        fmpq_set(eta, at + SC_FAMILY_ETA);
    ok = F->nvalues[SC_FAMILY_ETA] > 0 || sc_expand_get(eta, copy, "eta");
    pos = ok && fmpq_sgn(eta) > 0;
    if (pos)
    {
        fmpq_div(wd, at + SC_FAMILY_ETA_LAMBDA, eta);
        sc_expand_set(copy, "weight_decay", NULL, wd);
    }
    fmpq_clear(wd);
    fmpq_clear(eta);
    if (pos)
        return SC_OK;
    return sc_family_fail(err, len, SC_EINVAL, F->path, "grid.eta_lambda",
                          "the base case's eta is not a positive exact "
                          "number");
}

/* The values of point i that the grid does not vary, from its case. */
static void
sc_expand_fixed(sc_family_t F, json_t * root, slong i)
{
    fmpq * at = F->at + i * SC_FAMILY_NPARAMS;
    const sc_case_struct * c = F->cases + i;
    json_t * init = json_object_get(root, "init");

    fmpq_set(at + SC_FAMILY_ETA, c->eta);
    fmpq_set(at + SC_FAMILY_ETA_GAMMA, c->eta_gamma);
    fmpq_set(at + SC_FAMILY_LAMBDA, c->weight_decay);
    fmpq_mul(at + SC_FAMILY_ETA_LAMBDA, c->eta, c->weight_decay);
    fmpq_set(at + SC_FAMILY_GAMMA0, c->gamma0);
    F->known[SC_FAMILY_RHO0] = F->nvalues[SC_FAMILY_RHO0] > 0
        || sc_expand_get(at + SC_FAMILY_RHO0, init, "rho0");
    F->known[SC_FAMILY_NORM2] = F->nvalues[SC_FAMILY_NORM2] > 0
        || sc_expand_get(at + SC_FAMILY_NORM2, init, "norm2");
    F->known[SC_FAMILY_MARGIN] = F->nvalues[SC_FAMILY_MARGIN] > 0
        || sc_expand_get(at + SC_FAMILY_MARGIN,
                         json_object_get(root, "data"), "margin");
}

int
sc_family_expand(sc_family_t F, const char * base_text, char * err,
                 size_t len)
{
    json_error_t jerr;
    json_t * root = json_loads(base_text, JSON_REJECT_DUPLICATES, &jerr);
    char lab[512], * label, * name;
    slong i;
    int k, rc = SC_OK;

    if (root == NULL || !json_is_object(root))
    {
        if (root != NULL)
            json_decref(root);
        return sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                              "%s: not a case file (line %d column %d: %s)",
                              F->base,
                              root == NULL ? jerr.line : 1,
                              root == NULL ? jerr.column : 1,
                              root == NULL ? jerr.text : "not an object");
    }
    if ((rc = sc_expand_check_base(F, root, err, len)) != SC_OK)
        goto cleanup;
    for (k = 0; k < SC_FAMILY_NPARAMS; k++)
        F->known[k] = k < SC_FAMILY_RHO0;
    F->cases = flint_malloc(F->npoints * sizeof(sc_case_struct));
    for (i = 0; i < F->npoints; i++)
        sc_case_init(F->cases + i);
    F->at = _fmpq_vec_init(F->npoints * SC_FAMILY_NPARAMS);
    label = flint_malloc(strlen(F->path) + sizeof(lab) + 2);
    name = flint_malloc(strlen(F->name) + sizeof(lab) + 3);
    for (i = 0; i < F->npoints && rc == SC_OK; i++)
    {
        json_t * copy = sc_expand_point(F, root, i, lab, sizeof(lab));
        char * text;

        if (F->nvalues[SC_FAMILY_ETA_LAMBDA] > 0)
            rc = sc_expand_eta_lambda(F, copy, i, err, len);
        sprintf(label, "%s#%s", F->path, lab);
        sprintf(name, "%s[%s]", F->name, lab);
        text = rc == SC_OK ? json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS)
                           : NULL;
        if (text != NULL)
            rc = sc_case_load_string(F->cases + i, text, label, err, len);
        else if (rc == SC_OK)
            rc = sc_family_fail(err, len, SC_EINVAL, F->path, "base",
                                "out of memory");
        free(text);
        json_decref(copy);
        if (rc != SC_OK)
            break;
        sc_case_set_name(F->cases + i, name);
        sc_case_set_path(F->cases + i, label);
        sc_expand_fixed(F, root, i);
    }
    flint_free(name);
    flint_free(label);

cleanup:
    json_decref(root);
    return rc;
}
