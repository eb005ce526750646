/*
 * html.c -- one self-contained HTML report a reviewer reads: per checker the
 * statement, source, provenance, verdict counts and slack quantiles; every
 * VIOLATED and UNDECIDED record with its replay line; the float view; the
 * trajectory figures (inline SVG from gnuplot).  No timestamps.
 */
#include <string.h>
#include "report/report.h"
#include "report/html.h"
#include "num/num.h"

void
sc_report_html_text(FILE * out, const char * s)
{
    for ( ; *s != '\0'; s++)
    {
        if (*s == '&')
            fputs("&amp;", out);
        else if (*s == '<')
            fputs("&lt;", out);
        else if (*s == '>')
            fputs("&gt;", out);
        else
            fputc(*s, out);
    }
}

static void
sc_html_num(FILE * out, int has, const arb_t x)
{
    char * s;

    if (!has)
    {
        fputs("<td>-</td>", out);
        return;
    }
    s = sc_num_get_str_certain(x, 6);
    fprintf(out, "<td>%s</td>", s);
    flint_free(s);
}

static void
sc_html_summary(FILE * out, const sc_report_t R)
{
    slong j, n, cnt[SC_NUM_VERDICTS];
    double q[4];

    fputs("<h2>Statements</h2>\n<table>\n<tr><th>id</th><th>statement"
          "</th><th>provenance</th><th>HOLDS</th><th>VIOLATED</th>"
          "<th>N/A</th><th>UNDECIDED</th><th>slack min / median / p90 / "
          "max</th></tr>\n", out);
    for (j = 0; j < sc_thm_count; j++)
    {
        const sc_thm_struct * t = sc_thm_table + j;

        n = sc_report_checker_stats(cnt, q, R, t);
        fprintf(out, "<tr><td>%s</td><td><b>", t->id);
        sc_report_html_text(out, t->title);
        fputs("</b><br>", out);
        sc_report_html_text(out, t->statement);
        fputs("<br><small>", out);
        sc_report_html_text(out, t->source);
        fprintf(out, "</small></td><td class=\"%s\">%s</td><td>%ld</td>"
                "<td class=\"%s\">%ld</td><td>%ld</td><td class=\"%s\">%ld"
                "</td>", t->provenance, t->provenance, (long) cnt[0],
                cnt[1] ? "bad" : "", (long) cnt[1], (long) cnt[2],
                cnt[3] ? "warn" : "", (long) cnt[3]);
        if (n > 0)
            fprintf(out, "<td>%.3g / %.3g / %.3g / %.3g (n=%ld)</td></tr>\n",
                    q[0], q[1], q[2], q[3], (long) n);
        else
            fputs("<td>-</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void
sc_html_findings(FILE * out, const sc_report_t R)
{
    slong i, n = 0;

    fputs("<h2>Counterexamples and undecided checks</h2>\n", out);
    for (i = 0; i < R->len; i++)
    {
        const sc_record_struct * r = R->rec + i;

        if (r->res->verdict != SC_VIOLATED && r->res->verdict != SC_UNDECIDED)
            continue;
        if (n++ == 0)
            fputs("<table>\n<tr><th>check</th><th>case</th><th>verdict</th>"
                  "<th>step</th><th>predicted</th><th>observed</th>"
                  "<th>slack</th><th>reason and replay</th></tr>\n", out);
        fprintf(out, "<tr><td>%s</td><td>", r->thm->id);
        sc_report_html_text(out, r->case_name);
        fprintf(out, "</td><td class=\"bad\">%s</td><td>%ld</td>",
                sc_verdict_name(r->res->verdict), (long) r->res->step);
        sc_html_num(out, r->res->has_predicted, r->res->predicted);
        sc_html_num(out, r->res->has_observed, r->res->observed);
        sc_html_num(out, r->res->has_slack, r->res->slack);
        fputs("<td>", out);
        sc_report_html_text(out, r->res->reason);
        fputs("<br><code>", out);
        sc_report_html_text(out, r->replay);
        fputs("</code></td></tr>\n", out);
    }
    fputs(n > 0 ? "</table>\n" : "<p>None: every verdict is HOLDS or "
          "NOT-APPLICABLE.</p>\n", out);
}

/* Inline SVG without its XML prologue, or the note of a missing plot. */
static void
sc_html_svg(FILE * out, const char * svg)
{
    if (svg != NULL)
        fputs(strstr(svg, "<svg") != NULL ? strstr(svg, "<svg") : svg, out);
    else
        fputs("<p><i>Plot not drawn: gnuplot is not installed "
              "(apt-get install gnuplot-nox).</i></p>\n", out);
}

/* [F3] The Figure 3 section: per case the caption with the measured
   numbers and the certified run beside the float run. */
static void
sc_html_figure3(FILE * out, const sc_report_t R)
{
    slong i;

    if (R->nf3 == 0)
        return;
    fputs("<h2>Figure 3 (paper Section 6): delayed spike on Hilbert data"
          "</h2>\n<p>Full-batch GD of the BN linear model on the sliced, "
          "rotated, noisy Hilbert data of Section 6 (n &lt; d). Solid blue: "
          "the certified run (Arb balls, full GD); dashed red: the same "
          "case in float64. Vertical lines: the certified spike onset "
          "(grey) and the float64 onset (red). The spike is [F3]'s: the "
          "first loss rise after at least 10 falling steps that reaches "
          "at least twice its onset value.</p>\n", out);
    for (i = 0; i < R->nf3; i++)
    {
        fputs("<h3>", out);
        sc_report_html_text(out, R->f3_title[i]);
        fputs("</h3>\n<p>", out);
        sc_report_html_text(out, R->f3_note[i]);
        fputs("</p>\n", out);
        sc_html_svg(out, R->f3_svg[i]);
    }
}

int
sc_report_write_html(FILE * out, const sc_report_t R)
{
    slong i, cnt[SC_NUM_VERDICTS];

    sc_report_counts(cnt, R);
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
          "<title>spikecheck report</title>\n<style>\n"
          "body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
          "color:#222}\ntable{border-collapse:collapse;margin:1em 0}\n"
          "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;"
          "font-size:13px}\nth{background:#eee}\n.bad{color:#b00;"
          "font-weight:bold}\n.warn{color:#b60}\n.exact{color:#060}\n"
          ".reconstructed{color:#036}\n.observational{color:#666}\n"
          "code{font-size:12px}\n</style></head><body>\n", out);
    fprintf(out, "<h1>spikecheck report</h1>\n<p>spikecheck %s, Arb %s, "
            "FLINT %s. %ld verdicts: <b>%ld HOLDS</b>, <span class=\"bad\">"
            "%ld VIOLATED</span>, %ld NOT-APPLICABLE, <span class=\"warn\">"
            "%ld UNDECIDED</span>. Every decision is certified in Arb "
            "balls; slack = bound / observed.</p>\n", SC_VERSION,
            arb_version, flint_version, (long) R->len, (long) cnt[0],
            (long) cnt[1], (long) cnt[2], (long) cnt[3]);
    sc_html_summary(out, R);
    sc_html_findings(out, R);
    sc_report_write_html_float(out, R);
    sc_html_figure3(out, R);
    if (R->nfig > 0)
        fputs("<h2>Trajectories</h2>\n", out);
    for (i = 0; i < R->nfig; i++)
    {
        fputs("<h3>", out);
        sc_report_html_text(out, R->fig_title[i]);
        fputs("</h3>\n", out);
        if (R->fig_svg[i] != NULL)      /* inline: drop the XML prologue */
            fputs(strstr(R->fig_svg[i], "<svg") != NULL
                  ? strstr(R->fig_svg[i], "<svg") : R->fig_svg[i], out);
        else
            fputs("<p><i>Plot not drawn: gnuplot is not installed "
                  "(apt-get install gnuplot-nox).</i></p>\n", out);
    }
    fputs("</body></html>\n", out);
    return ferror(out) ? SC_EIO : SC_OK;
}
