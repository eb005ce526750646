/*
 * float_table.c -- the float view's writers: the legacy one-line form
 * (JSON "float_view" strings, check --verbose), the terminal's summary
 * line, and the HTML table with the step lists folded.  The numbers come
 * from the record (sc_float_view_t); nothing is parsed back.
 */
#include <string.h>
#include "report/report.h"
#include "report/html.h"

void
sc_report_float_line(char * buf, size_t len, const sc_report_float_struct * f)
{
    const sc_float_view_struct * v = f->fv;
    char steps[256] = "";
    size_t pos = 0;
    slong i;

    for (i = 0; i < v->ndiff; i++)
    {
        if (pos + 24 >= sizeof(steps))
        {
            snprintf(steps + pos, sizeof(steps) - pos, " ...");
            break;
        }
        pos += snprintf(steps + pos, sizeof(steps) - pos, "%s%ld",
                        i > 0 ? " " : "", (long) v->steps[i]);
    }
    snprintf(buf, len, "float view %s at %ld bits: %ld of %ld "
             "rising/falling decisions differ from the certified run "
             "(%ld spurious rising, certified at %ld bits%s)%s%s",
             f->case_name, (long) v->fprec, (long) v->ndiff,
             (long) v->compared, (long) v->spurious, (long) v->prec,
             v->undecided > 0 ? ", some certified flags undecided" : "",
             v->ndiff > 0 ? "; steps: " : "", steps);
}

void
sc_report_float_totals(slong * cases, slong * differ, slong * spurious,
                       const sc_report_t R)
{
    slong i;

    *cases = R->nfloat;
    *differ = *spurious = 0;
    for (i = 0; i < R->nfloat; i++)
    {
        *differ += (R->fl[i].fv->ndiff > 0);
        *spurious += R->fl[i].fv->spurious;
    }
}

/* "float64" or "the 24-bit run" */
static const char *
sc_float_run_name(char * buf, size_t len, slong fprec)
{
    if (fprec == 53)
        return "float64";
    snprintf(buf, len, "the %ld-bit run", (long) fprec);
    return buf;
}

void
sc_report_print_float(FILE * out, const sc_report_t R, int verbose)
{
    slong i, cases, differ, spurious;
    char line[1024], name[32];

    if (R->nfloat == 0)
        return;
    for (i = 0; verbose && i < R->nfloat; i++)
    {
        sc_report_float_line(line, sizeof(line), R->fl + i);
        fprintf(out, "%s\n", line);
    }
    sc_report_float_totals(&cases, &differ, &spurious, R);
    fprintf(out, "float view (%ld bits%s): %ld case%s compared, %s differs "
            "on %ld, %ld spurious rising step%s in all%s\n",
            (long) R->fl[0].fv->fprec, R->fl[0].fv->fprec == 53
            ? " = float64" : "", (long) cases, cases == 1 ? "" : "s",
            sc_float_run_name(name, sizeof(name), R->fl[0].fv->fprec),
            (long) differ, (long) spurious, spurious == 1 ? "" : "s",
            verbose ? "" : " (per case: --verbose, the JSON and HTML "
            "reports)");
}

/* The first differing step, or "-". */
static void
sc_float_first(FILE * out, const sc_float_view_struct * v)
{
    if (v->ndiff > 0)
        fprintf(out, "<td>%ld</td>", (long) v->steps[0]);
    else
        fputs("<td>-</td>", out);
}

void
sc_report_write_html_float(FILE * out, const sc_report_t R)
{
    slong i, j, cases, differ, spurious;
    char name[32];

    if (R->nfloat == 0)
        return;
    sc_report_float_totals(&cases, &differ, &spurious, R);
    fprintf(out, "<h2 id=\"float-view\">Float view</h2>\n<p>The same "
            "cases run as a %ld-bit floating-point experiment would run "
            "them (states rounded to %ld bits, rising/falling decided on "
            "the rounded values), beside the certified decisions. %ld "
            "cases compared; %s decides differently on %ld, with %ld "
            "spurious rising steps in all.</p>\n<table>\n<tr><th>case</th>"
            "<th>decisions compared</th><th>differing</th><th>spurious "
            "rising</th><th>first differing step</th><th>certified "
            "precision</th><th>differing steps</th></tr>\n",
            (long) R->fl[0].fv->fprec, (long) R->fl[0].fv->fprec,
            (long) cases, sc_float_run_name(name, sizeof(name),
            R->fl[0].fv->fprec), (long) differ, (long) spurious);
    for (i = 0; i < R->nfloat; i++)
    {
        const sc_float_view_struct * v = R->fl[i].fv;

        fputs("<tr><td>", out);
        sc_report_html_text(out, R->fl[i].case_name);
        fprintf(out, "</td><td>%ld%s</td><td%s>%ld</td><td>%ld</td>",
                (long) v->compared, v->undecided > 0 ? " (some certified "
                "undecided)" : "", v->ndiff > 0 ? " class=\"warn\"" : "",
                (long) v->ndiff, (long) v->spurious);
        sc_float_first(out, v);
        fprintf(out, "<td>%ld bits</td><td>", (long) v->prec);
        if (v->ndiff > 0)
        {
            fprintf(out, "<details><summary>%ld step%s</summary><p "
                    "class=\"steps\">", (long) v->ndiff,
                    v->ndiff == 1 ? "" : "s");
            for (j = 0; j < v->ndiff; j++)
                fprintf(out, "%s%ld", j > 0 ? " " : "", (long) v->steps[j]);
            fputs("</p></details>", out);
        }
        else
            fputs("-", out);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}
