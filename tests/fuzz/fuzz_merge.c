/*
 * fuzz_merge.c -- libFuzzer target for `merge` of JSON report parts
 * (sc_report_merge_json): any document, records of any shape, float views
 * of any length.  Every input must give a merged report or a one-line
 * error, never a crash, a leak or an abort.
 */
#include "report/report.h"
#include "fuzz_part.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char path[SC_FUZZ_MAX_PARTS][64], * parts[SC_FUZZ_MAX_PARTS];
    char err[SC_ERR_LEN];
    int n = sc_fuzz_write_parts(path, data, size), i, rc;
    FILE * out = fopen("/dev/null", "w");

    for (i = 0; i < n; i++)
        parts[i] = path[i];
    err[0] = '\0';
    if (n > 0 && out != NULL)
    {
        rc = sc_report_merge_json(out, parts, n, err, sizeof(err));
        if (rc != SC_OK && (err[0] == '\0' || strchr(err, '\n') != NULL))
            __builtin_trap();       /* one line that says why */
    }
    if (out != NULL)
        fclose(out);
    sc_fuzz_remove_parts(path, n);
    return 0;
}
