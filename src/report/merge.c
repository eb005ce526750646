/*
 * merge.c -- combines the JSON reports of shards into the report the
 * unsharded run writes: the results of all parts in case-file order, and
 * per case in registry order (the order `check` uses when no --theorem
 * reorders it), the float-view lines in the same case order.  Parts must
 * come from the same versions of spikecheck and its libraries.
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

/* The position of the first result of the case a float-view line names. */
static slong
sc_merge_line_rank(json_t * line, json_t ** res, slong n)
{
    const char * s = json_string_value(line), * p;
    size_t len;
    slong i;

    if (s == NULL || strncmp(s, "float view ", 11) != 0
        || (p = strstr(s + 11, " at ")) == NULL)
        return n;
    len = (size_t) (p - (s + 11));
    for (i = 0; i < n; i++)
    {
        const char * c = json_string_value(json_object_get(res[i], "case"));

        if (c != NULL && strlen(c) == len && strncmp(c, s + 11, len) == 0)
            return i;
    }
    return n;
}

int
sc_report_merge_json(FILE * out, char ** parts, slong nparts, char * err,
                     size_t errlen)
{
    json_t * root = NULL, * versions = NULL, ** res = NULL, ** fl = NULL;
    slong i, j, n = 0, nfl = 0;
    int rc = SC_EINVAL;

    for (i = 0; i < nparts; i++)
    {
        json_error_t je;
        json_t * doc = json_load_file(parts[i], JSON_REJECT_DUPLICATES, &je);
        json_t * r = json_object_get(doc, "results");
        json_t * f = json_object_get(doc, "float_view");
        const char * fmt = json_string_value(json_object_get(doc, "format"));

        if (doc == NULL || fmt == NULL
            || strcmp(fmt, "spikecheck-report/1") != 0 || !json_is_array(r))
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
        fl = flint_realloc(fl, (nfl + json_array_size(f) + 1)
                               * sizeof(json_t *));
        for (j = 0; j < (slong) json_array_size(f); j++)
            fl[nfl++] = json_incref(json_array_get(f, j));
        json_decref(doc);
    }
    qsort(res, n, sizeof(json_t *), sc_merge_cmp);
    root = json_object();
    json_object_set_new(root, "format", json_string("spikecheck-report/1"));
    json_object_set(root, "versions", versions != NULL ? versions
                                                       : json_object());
    json_object_set_new(root, "results", json_array());
    for (i = 0; i < n; i++)
        json_array_append(json_object_get(root, "results"), res[i]);
    json_object_set_new(root, "float_view", json_array());
    for (j = 0; j <= n; j++)            /* float lines in case order */
        for (i = 0; i < nfl; i++)
            if (sc_merge_line_rank(fl[i], res, n) == j)
                json_array_append(json_object_get(root, "float_view"), fl[i]);
    rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0
         ? SC_OK : SC_EIO;
    fputc('\n', out);
    if (rc != SC_OK)
        snprintf(err, errlen, "write failed");

cleanup:
    for (i = 0; i < n; i++)
        json_decref(res[i]);
    for (i = 0; i < nfl; i++)
        json_decref(fl[i]);
    flint_free(res);
    flint_free(fl);
    json_decref(versions);
    json_decref(root);
    return rc;
}
