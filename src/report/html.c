/*
 * html.c -- one self-contained HTML report a reviewer reads: per checker the
 * statement, source, provenance, verdict counts and slack quantiles; every
 * VIOLATED and UNDECIDED record with its replay line, linked to its
 * figure; the float view; the figures (html_figures.c).  A table of
 * contents with anchors on top.  No timestamps.
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
    slong j, n, vac, cnt[SC_NUM_VERDICTS], unrun = 0;
    double q[4];

    fputs("<h2 id=\"statements\">Statements</h2>\n<table>\n<tr><th>id</th>"
          "<th>statement"
          "</th><th>provenance</th><th>HOLDS</th><th>VIOLATED</th>"
          "<th>N/A</th><th>UNDECIDED</th><th>slack min / median / p90 / "
          "max</th></tr>\n", out);
    for (j = 0; sc_report_claim(R, j) != NULL; j++)
    {
        const sc_thm_struct * t = sc_report_claim(R, j);

        n = sc_report_checker_stats(cnt, q, R, t);
        /* a claim this run did not check is counted, not listed */
        if (cnt[0] + cnt[1] + cnt[2] + cnt[3] == 0)
        {
            unrun++;
            continue;
        }
        fprintf(out, "<tr id=\"thm-%s\"><td>%s</td><td><b>", t->id, t->id);
        sc_report_html_text(out, t->title);
        fputs("</b><br>", out);
        sc_report_html_text(out, t->statement);
        fputs("<br><small>", out);
        sc_report_html_text(out, t->source);
        fprintf(out, "</small></td><td class=\"%s\">%s</td><td>%ld",
                t->provenance, t->provenance, (long) cnt[0]);
        vac = sc_report_vacuous(R, t);
        if (vac > 0)
            fprintf(out, " (%ld vacuous)", (long) vac);
        fprintf(out, "</td><td class=\"%s\">%ld</td><td>%ld</td>"
                "<td class=\"%s\">%ld</td>", cnt[1] ? "bad" : "",
                (long) cnt[1], (long) cnt[2], cnt[3] ? "warn" : "",
                (long) cnt[3]);
        if (n > 0)
            fprintf(out, "<td>%.3g / %.3g / %.3g / %.3g (n=%ld)</td></tr>\n",
                    q[0], q[1], q[2], q[3], (long) n);
        else
            fputs("<td>-</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    if (unrun > 0)
        fprintf(out, "<p>%ld more claims were not run in this report "
                "(<code>spikecheck list</code> names them all).</p>\n",
                (long) unrun);
}

static void
sc_html_findings(FILE * out, const sc_report_t R)
{
    slong i, n = 0, fig;

    fputs("<h2 id=\"findings\">Counterexamples and undecided checks</h2>\n",
          out);
    for (i = 0; i < R->len; i++)
    {
        const sc_record_struct * r = R->rec + i;

        if (r->res->verdict != SC_VIOLATED && r->res->verdict != SC_UNDECIDED)
            continue;
        if (n++ == 0)
            fputs("<table>\n<tr><th>check</th><th>case</th><th>verdict</th>"
                  "<th>step</th><th>predicted</th><th>observed</th>"
                  "<th>slack</th><th>reason and replay</th></tr>\n", out);
        fig = sc_report_html_figure_of(R, r->case_path);
        fprintf(out, "<tr><td><a href=\"#thm-%s\">%s</a></td><td>",
                r->thm->id, r->thm->id);
        if (fig >= 0)
            fprintf(out, "<a href=\"#fig-%ld\">", (long) fig);
        sc_report_html_text(out, r->case_name);
        fprintf(out, "%s</td><td class=\"bad\">%s</td><td>%ld</td>",
                fig >= 0 ? "</a>" : "",
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

/* The number of VIOLATED and UNDECIDED records. */
static slong
sc_html_nfindings(const sc_report_t R)
{
    slong i, n = 0;

    for (i = 0; i < R->len; i++)
        n += (R->rec[i].res->verdict == SC_VIOLATED
              || R->rec[i].res->verdict == SC_UNDECIDED);
    return n;
}

/* The table of contents: every section, with the figures under theirs. */
static void
sc_html_contents(FILE * out, const sc_report_t R)
{
    slong i;

    fprintf(out, "<nav><b>Contents</b>\n<ol>\n<li><a href=\"#coverage\">"
            "Coverage</a></li>\n<li><a href=\"#statements\">"
            "Statements</a></li>\n<li><a href=\"#findings\">Counterexamples "
            "and undecided checks</a> (%ld)</li>\n",
            (long) sc_html_nfindings(R));
    if (R->nfloat > 0)
        fprintf(out, "<li><a href=\"#float-view\">Float view</a> (%ld "
                "cases)</li>\n", (long) R->nfloat);
    if (R->nf3 > 0)
        fprintf(out, "<li><a href=\"#figure3\">Figure 3</a> (%ld)</li>\n",
                (long) R->nf3);
    if (R->nfig > 0)
    {
        fputs("<li><a href=\"#trajectories\">Trajectories</a>\n<ol>\n",
              out);
        for (i = 0; i < R->nfig; i++)
        {
            fprintf(out, "<li><a href=\"#fig-%ld\">", (long) i);
            sc_report_html_text(out, R->fig[i].title);
            fputs("</a></li>\n", out);
        }
        fputs("</ol></li>\n", out);
    }
    fputs("</ol></nav>\n", out);
}

int
sc_report_write_html(FILE * out, const sc_report_t R)
{
    slong cnt[SC_NUM_VERDICTS];

    sc_report_counts(cnt, R);
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
          "<title>spikecheck report</title>\n<style>\n"
          "body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
          "color:#222}\ntable{border-collapse:collapse;margin:1em 0}\n"
          "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;"
          "font-size:13px}\nth{background:#eee}\n.bad{color:#b00;"
          "font-weight:bold}\n.warn{color:#b60}\n.exact{color:#060}\n"
          ".reconstructed{color:#036}\n.observational{color:#666}\n"
          ".derived{color:#606}\n"
          "code{font-size:12px}\nnav{background:#f6f6f6;border:1px solid "
          "#ddd;padding:0.5em 1em;font-size:14px}\nnav ol{margin:0.3em 0}\n"
          "summary{cursor:pointer}\n.steps{max-width:60em;font-family:"
          "monospace;font-size:12px}\npre.why{background:#fff4f4;border:1px "
          "solid #e0b0b0;padding:0.5em;white-space:pre-wrap}\n"
          "</style></head><body>\n", out);
    fprintf(out, "<h1>spikecheck report</h1>\n<p>spikecheck %s, Arb %s, "
            "FLINT %s. %ld verdicts: <b>%ld HOLDS</b>, <span class=\"bad\">"
            "%ld VIOLATED</span>, %ld NOT-APPLICABLE, <span class=\"warn\">"
            "%ld UNDECIDED</span>. Every decision is certified in Arb "
            "balls; slack = bound / observed.</p>\n", SC_VERSION,
            arb_version, flint_version, (long) R->len, (long) cnt[0],
            (long) cnt[1], (long) cnt[2], (long) cnt[3]);
    sc_html_contents(out, R);
    sc_report_write_html_coverage(out, R);
    sc_html_summary(out, R);
    sc_html_findings(out, R);
    sc_report_write_html_float(out, R);
    sc_report_write_html_figures(out, R);
    fputs("</body></html>\n", out);
    return ferror(out) ? SC_EIO : SC_OK;
}
