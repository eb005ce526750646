/*
 * fuzz_journal.c -- libFuzzer target for the journal reader of `merge`
 * (and of a resumed `check --journal`): header, entries, records with
 * their balls as arb_dump_str, float views, figures.  A journal is read
 * from a file someone else may have written, so every input must end in
 * SC_OK or a one-line error, never a crash, a leak or an abort; a journal
 * that reads is then written as a JSON report and as a merged journal,
 * which must not fail.
 */
#include "report/report.h"
#include "fuzz_part.h"

static void
sc_fuzz_target(char ** parts, int n)
{
    char err[SC_ERR_LEN];
    sc_report_t R;
    FILE * out;
    int rc;

    sc_report_init(R);
    err[0] = '\0';
    (void) sc_report_is_journal(parts[0]);
    rc = sc_report_read_journals(R, parts, n, err, sizeof(err));
    if (rc != SC_OK && (err[0] == '\0' || strchr(err, '\n') != NULL))
        __builtin_trap();       /* one line that says why */
    out = fopen("/dev/null", "w");
    if (rc == SC_OK && out != NULL && sc_report_write_json(out, R) != SC_OK)
        __builtin_trap();
    /* a merged journal (merge -o FILE.jnl) is read by the same code: it
       is written exactly when the parts read */
    (void) sc_journal_is_merged(parts[0]);
    if (out != NULL
        && sc_report_write_journal(out, parts, n, err, sizeof(err)) != rc)
        __builtin_trap();
    if (out != NULL)
        fclose(out);
    sc_report_clear(R);
}
