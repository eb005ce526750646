/*
 * markdown.c -- a compact Markdown summary for a CI job page (GitHub's
 * job summary, GitLab's, or a comment): the verdict counts of every
 * checker that ran, the counterexamples and UNDECIDED checks with their
 * replay lines (the first SC_MD_MAX_FINDINGS; the HTML report has all),
 * and the float view's line.  No timestamps.
 */
#include <string.h>
#include "report/report.h"
#include "num/num.h"

#define SC_MD_MAX_FINDINGS 50

/* s as Markdown text: the characters that would start markup escaped,
   control characters shown as spaces */
static void
sc_md_text(FILE * out, const char * s)
{
    for ( ; *s != '\0'; s++)
    {
        if (strchr("\\`*_[]<>|#!~&", *s) != NULL)
            fputc('\\', out);
        fputc((unsigned char) *s < 0x20 ? ' ' : *s, out);
    }
}

/* The longest run of backquotes in s. */
static size_t
sc_md_ticks(const char * s)
{
    size_t run = 0, most = 0;

    for ( ; *s != '\0'; s++)
    {
        run = (*s == '`') ? run + 1 : 0;
        most = FLINT_MAX(most, run);
    }
    return most;
}

static void
sc_md_repeat(FILE * out, int ch, size_t n)
{
    for ( ; n > 0; n--)
        fputc(ch, out);
}

/* s as a code span: delimited by more backquotes than s holds in a row
   (CommonMark), so that no byte of s needs changing; control characters
   shown as spaces (a case name, display only). */
static void
sc_md_code_span(FILE * out, const char * s)
{
    size_t n = sc_md_ticks(s) + 1;
    int pad = (*s == '`' || (*s != '\0' && s[strlen(s) - 1] == '`'));

    sc_md_repeat(out, '`', n);
    if (pad)
        fputc(' ', out);
    for ( ; *s != '\0'; s++)
        fputc((unsigned char) *s < 0x20 ? ' ' : *s, out);
    if (pad)
        fputc(' ', out);
    sc_md_repeat(out, '`', n);
}

/* s as a fenced sh block inside a list item (indented by two): the fence
   is longer than any run of backquotes in s, and s is copied byte for
   byte, so that the block pasted into a shell is the replay line. */
static void
sc_md_code_block(FILE * out, const char * s)
{
    size_t n = FLINT_MAX(3, sc_md_ticks(s) + 1);

    fputs("\n  ", out);
    sc_md_repeat(out, '`', n);
    fputs("sh\n  ", out);
    for ( ; *s != '\0'; s++)
    {
        fputc(*s, out);
        if (*s == '\n' || *s == '\r')
            fputs("  ", out);
    }
    fputs("\n  ", out);
    sc_md_repeat(out, '`', n);
    fputc('\n', out);
}

static void
sc_md_counts(FILE * out, const sc_report_t R)
{
    slong j, n, cnt[SC_NUM_VERDICTS];
    double q[4];

    fputs("| checker | provenance | HOLDS | VIOLATED | N/A | UNDECIDED | "
          "slack min / median |\n|---|---|--:|--:|--:|--:|--:|\n", out);
    for (j = 0; sc_report_claim(R, j) != NULL; j++)
    {
        const sc_thm_struct * t = sc_report_claim(R, j);

        n = sc_report_checker_stats(cnt, q, R, t);
        if (cnt[0] + cnt[1] + cnt[2] + cnt[3] == 0)
            continue;
        fprintf(out, "| %s | %s | %ld", t->id, t->provenance,
                (long) cnt[SC_HOLDS]);
        if (sc_report_vacuous(R, t) > 0)
            fprintf(out, " (%ld vacuous)", (long) sc_report_vacuous(R, t));
        fprintf(out, " | %s%ld%s | %ld | %s%ld%s | ",
                cnt[SC_VIOLATED] ? "**" : "", (long) cnt[SC_VIOLATED],
                cnt[SC_VIOLATED] ? "**" : "", (long) cnt[SC_NOT_APPLICABLE],
                cnt[SC_UNDECIDED] ? "**" : "", (long) cnt[SC_UNDECIDED],
                cnt[SC_UNDECIDED] ? "**" : "");
        if (n > 0)
            fprintf(out, "%.3g / %.3g |\n", q[0], q[1]);
        else
            fputs("- |\n", out);
    }
}

static void
sc_md_findings(FILE * out, const sc_report_t R, slong nfind)
{
    slong i, shown = 0;

    fprintf(out, "\n### Counterexamples and undecided checks (%ld)\n\n",
            (long) nfind);
    if (nfind == 0)
        fputs("None: every verdict is HOLDS or NOT-APPLICABLE.\n", out);
    for (i = 0; i < R->len && shown < SC_MD_MAX_FINDINGS; i++)
    {
        const sc_record_struct * r = R->rec + i;

        if (r->res->verdict != SC_VIOLATED && r->res->verdict != SC_UNDECIDED)
            continue;
        shown++;
        fprintf(out, "- **%s** ", r->thm->id);
        sc_md_code_span(out, r->case_name);
        fprintf(out, " %s", sc_verdict_name(r->res->verdict));
        if (r->res->step >= 0)
            fprintf(out, " at step %ld", (long) r->res->step);
        fputs(": ", out);
        sc_md_text(out, r->res->reason);
        fputc('\n', out);
        sc_md_code_block(out, r->replay);
    }
    if (shown < nfind)
        fprintf(out, "\n%ld more: see the HTML or JSON report.\n",
                (long) (nfind - shown));
}

int
sc_report_write_markdown(FILE * out, const sc_report_t R)
{
    slong i, nfind = 0, cnt[SC_NUM_VERDICTS];

    sc_report_counts(cnt, R);
    for (i = 0; i < R->len; i++)
        nfind += (R->rec[i].res->verdict == SC_VIOLATED
                  || R->rec[i].res->verdict == SC_UNDECIDED);
    fprintf(out, "## spikecheck: %ld verdicts, %ld HOLDS, %ld VIOLATED, %ld "
            "NOT-APPLICABLE, %ld UNDECIDED\n\n", (long) R->len,
            (long) cnt[SC_HOLDS], (long) cnt[SC_VIOLATED],
            (long) cnt[SC_NOT_APPLICABLE], (long) cnt[SC_UNDECIDED]);
    sc_md_counts(out, R);
    sc_md_findings(out, R, nfind);
    if (R->nfloat > 0)
    {
        fputs("\n### Float view\n\n", out);
        sc_report_print_float(out, R, 0);
    }
    return ferror(out) ? SC_EIO : SC_OK;
}
