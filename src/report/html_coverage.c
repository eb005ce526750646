/*
 * html_coverage.c -- the coverage table that opens the HTML report (the
 * same numbers as the terminal's, coverage.c): per claim, held, exercised,
 * vacuous, findings, every NOT-APPLICABLE group and the least slack with
 * its case.
 */
#include "report/html.h"
#include "num/num.h"

static void
sc_html_coverage_row(FILE * out, const sc_report_t R,
                     const sc_thm_struct * thm, sc_coverage_struct * C)
{
    slong k;

    sc_coverage_sort(C);
    fprintf(out, "<tr><td><a href=\"#thm-%s\">%s</a></td><td class=\"%s\">"
            "%s</td><td>%ld</td><td>%ld</td><td class=\"%s\">%ld</td>"
            "<td class=\"%s\">%ld</td><td class=\"%s\">%ld</td><td>%ld",
            thm->id, thm->id, thm->provenance, thm->provenance,
            (long) C->held, (long) C->exercised, C->vacuous ? "warn" : "",
            (long) C->vacuous, C->violated ? "bad" : "", (long) C->violated,
            C->undecided ? "warn" : "", (long) C->undecided, (long) C->na);
    if (C->ngroups > 0)
    {
        fputs("<details><summary>by hypothesis</summary><small>", out);
        for (k = 0; k < C->ngroups; k++)
        {
            fprintf(out, "%s%ld: ", k ? "<br>" : "",
                    (long) C->group[k].count);
            sc_report_html_text(out, C->group[k].label);
        }
        if (C->other > 0)
            fprintf(out, "<br>%ld: other hypotheses", (long) C->other);
        fputs("</small></details>", out);
    }
    fputs("</td><td>", out);
    if (C->least >= 0)
    {
        char * s = sc_num_get_str_certain(R->rec[C->least].res->slack, 6);

        fprintf(out, "%s (", s);
        sc_report_html_text(out, R->rec[C->least].case_name);
        fputs(")", out);
        flint_free(s);
    }
    else
        fputs("-", out);
    fputs("</td></tr>\n", out);
}

void
sc_report_write_html_coverage(FILE * out, const sc_report_t R)
{
    sc_coverage_struct C;
    slong j;

    fputs("<h2 id=\"coverage\">Coverage</h2>\n<p>Per claim: <i>held</i> = "
          "cases where its hypotheses held (HOLDS + VIOLATED); of the "
          "HOLDS, <i>exercised</i> ones had their conclusion at risk, "
          "<i>vacuous</i> ones did not (no rising step for a \"not "
          "rising\" conclusion, an antecedent that never held). The least "
          "slack is over exercised HOLDS.</p>\n<table>\n<tr><th>claim</th>"
          "<th>provenance</th><th>held</th><th>exercised</th><th>vacuous"
          "</th><th>VIOLATED</th><th>UNDECIDED</th><th>N/A</th><th>least "
          "slack (case)</th></tr>\n", out);
    for (j = 0; sc_report_claim(R, j) != NULL; j++)
    {
        sc_coverage_of(&C, R, sc_report_claim(R, j));
        if (C.records > 0)
            sc_html_coverage_row(out, R, sc_report_claim(R, j), &C);
    }
    fputs("</table>\n", out);
}
