/*
 * fuzz_merge.c -- libFuzzer target for `merge` of JSON report parts
 * (sc_report_merge_json): any document, records of any shape, float views
 * of any length.  Every input must give a merged report or a one-line
 * error, never a crash, a leak or an abort.
 */
#include "report/report.h"
#include "fuzz_part.h"

static void
sc_fuzz_target(char ** parts, int n)
{
    char err[SC_ERR_LEN];
    FILE * out = fopen("/dev/null", "w");
    int rc;

    err[0] = '\0';
    if (out != NULL)
    {
        rc = sc_report_merge_json(out, parts, n, err, sizeof(err));
        if (rc != SC_OK && (err[0] == '\0' || strchr(err, '\n') != NULL))
            __builtin_trap();       /* one line that says why */
        fclose(out);
    }
}
