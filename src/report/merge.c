/*
 * merge.c -- combines the JSON reports of shards into the report the
 * unsharded run writes: the results of all parts in case-file order, and
 * per case in registry order (the order `check` uses when no --theorem
 * reorders it), the float view in the same case order (by the case file
 * of its records).  Parts must come from the same versions of spikecheck
 * and its libraries.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "report/report.h"

static slong
sc_merge_thm_index(json_t * rec)
{
    const char * id = json_string_value(json_object_get(rec, "checker"));
    const sc_thm_struct * t = id != NULL ? sc_thm_lookup(id) : NULL;

    return t != NULL ? t - sc_thm_table : sc_thm_count;
}

static int
sc_merge_cmp(const void * a, const void * b)
{
    json_t * x = *(json_t * const *) a, * y = *(json_t * const *) b;
    const char * fx = json_string_value(json_object_get(x, "case_file"));
    const char * fy = json_string_value(json_object_get(y, "case_file"));
    int c = strcmp(fx != NULL ? fx : "", fy != NULL ? fy : "");

    if (c != 0)
        return c;
    return (sc_merge_thm_index(x) > sc_merge_thm_index(y))
           - (sc_merge_thm_index(x) < sc_merge_thm_index(y));
}

/* A float view: its line and its record, ordered by the record's case
   file (the order of the results). */
typedef struct
{
    json_t * line, * rec;
}
sc_merge_float;

static int
sc_merge_float_cmp(const void * a, const void * b)
{
    const char * fx = json_string_value(json_object_get(
                          ((const sc_merge_float *) a)->rec, "case_file"));
    const char * fy = json_string_value(json_object_get(
                          ((const sc_merge_float *) b)->rec, "case_file"));

    return strcmp(fx != NULL ? fx : "", fy != NULL ? fy : "");
}

int
sc_report_merge_json(FILE * out, char ** parts, slong nparts, char * err,
                     size_t errlen)
{
    json_t * root = NULL, * versions = NULL, ** res = NULL, * fl, * fr;
    sc_merge_float * fv = NULL;
    slong i, j, n = 0, nfv = 0;
    int rc = SC_EINVAL;

    for (i = 0; i < nparts; i++)
    {
        json_error_t je;
        json_t * doc = json_load_file(parts[i], JSON_REJECT_DUPLICATES, &je);
        json_t * r = json_object_get(doc, "results");
        json_t * f = json_object_get(doc, "float_view");
        json_t * g = json_object_get(doc, "float_view_records");
        const char * fmt = json_string_value(json_object_get(doc, "format"));

        if (doc == NULL || fmt == NULL
            || strcmp(fmt, "spikecheck-report/1") != 0 || !json_is_array(r)
            || json_array_size(f) != json_array_size(g))
        {
            snprintf(err, errlen, "%s: not a spikecheck JSON report%s%s",
                     parts[i], doc == NULL ? ": " : "",
                     doc == NULL ? je.text : "");
            json_decref(doc);
            goto cleanup;
        }
        if (versions == NULL)
            versions = json_incref(json_object_get(doc, "versions"));
        else if (!json_equal(versions, json_object_get(doc, "versions")))
        {
            snprintf(err, errlen, "%s: versions differ from %s", parts[i],
                     parts[0]);
            json_decref(doc);
            goto cleanup;
        }
        res = flint_realloc(res, (n + json_array_size(r) + 1)
                                 * sizeof(json_t *));
        for (j = 0; j < (slong) json_array_size(r); j++)
            res[n++] = json_incref(json_array_get(r, j));
        fv = flint_realloc(fv, (nfv + json_array_size(f) + 1)
                               * sizeof(sc_merge_float));
        for (j = 0; j < (slong) json_array_size(f); j++, nfv++)
        {
            fv[nfv].line = json_incref(json_array_get(f, j));
            fv[nfv].rec = json_incref(json_array_get(g, j));
        }
        json_decref(doc);
    }
    qsort(res, n, sizeof(json_t *), sc_merge_cmp);
    /* a case in two parts: its records would be counted twice */
    for (i = 1; i < n; i++)
        if (sc_merge_cmp(res + i - 1, res + i) == 0)
        {
            const char * f = json_string_value(json_object_get(res[i],
                                                                "case_file"));

            snprintf(err, errlen, "%s: case in two parts (record %s twice)",
                     f != NULL ? f : "?",
                     json_string_value(json_object_get(res[i], "checker"))
                     != NULL ? json_string_value(json_object_get(res[i],
                                                             "checker"))
                     : "?");
            goto cleanup;
        }
    root = json_object();
    json_object_set_new(root, "format", json_string("spikecheck-report/1"));
    json_object_set(root, "versions", versions != NULL ? versions
                                                       : json_object());
    json_object_set_new(root, "results", json_array());
    for (i = 0; i < n; i++)
        json_array_append(json_object_get(root, "results"), res[i]);
    /* one float view per case: the case files differ */
    qsort(fv, nfv, sizeof(sc_merge_float), sc_merge_float_cmp);
    fl = json_array();
    fr = json_array();
    for (i = 0; i < nfv; i++)
    {
        json_array_append(fl, fv[i].line);
        json_array_append(fr, fv[i].rec);
    }
    json_object_set_new(root, "float_view", fl);
    json_object_set_new(root, "float_view_records", fr);
    rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0
         ? SC_OK : SC_EIO;
    fputc('\n', out);
    if (rc != SC_OK)
        snprintf(err, errlen, "write failed");

cleanup:
    for (i = 0; i < n; i++)
        json_decref(res[i]);
    for (i = 0; i < nfv; i++)
    {
        json_decref(fv[i].line);
        json_decref(fv[i].rec);
    }
    flint_free(res);
    flint_free(fv);
    json_decref(versions);
    json_decref(root);
    return rc;
}
