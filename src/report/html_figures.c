/*
 * html_figures.c -- the figures of the HTML report: the Figure 3 section
 * ([F3]: the certified run beside the float run, with a caption) and the
 * trajectories (counterexamples, UNDECIDED cases, the figures a case file
 * asks for, --plot).  Each figure has an anchor (fig-K, figure3-K); a plot
 * that was not drawn says why, in gnuplot's words when it ran.
 */
#include <string.h>
#include "report/report.h"
#include "report/html.h"

slong
sc_report_html_figure_of(const sc_report_t R, const char * case_file)
{
    slong i;

    for (i = 0; i < R->nfig; i++)
        if (strcmp(R->fig[i].case_file, case_file) == 0)
            return i;
    return -1;
}

/* Inline SVG without its XML prologue, or why the plot is missing. */
static void
sc_html_figure_body(FILE * out, const sc_figure_struct * f)
{
    const char * why = f->why != NULL ? f->why : "no reason recorded";

    if (f->svg != NULL)
    {
        fputs(strstr(f->svg, "<svg") != NULL ? strstr(f->svg, "<svg")
                                             : f->svg, out);
        return;
    }
    if (strchr(why, '\n') == NULL)
    {
        fputs("<p><i>Plot not drawn: ", out);
        sc_report_html_text(out, why);
        fputs("</i></p>\n", out);
        return;
    }
    fputs("<p><i>Plot not drawn; gnuplot said:</i></p>\n<pre class=\"why\">",
          out);
    sc_report_html_text(out, why);
    fputs("</pre>\n", out);
}

/* One figure: its heading with the anchor ID-K, its caption, its plot. */
static void
sc_html_figure(FILE * out, const sc_figure_struct * f, const char * id,
               slong k)
{
    fprintf(out, "<h3 id=\"%s-%ld\">", id, (long) k);
    sc_report_html_text(out, f->title);
    fputs("</h3>\n", out);
    if (f->note != NULL)
    {
        fputs("<p>", out);
        sc_report_html_text(out, f->note);
        fputs("</p>\n", out);
    }
    sc_html_figure_body(out, f);
}

/* [F3] per case the caption with the measured numbers and the certified
   run beside the float run */
static void
sc_html_figure3(FILE * out, const sc_report_t R)
{
    slong i;

    if (R->nf3 == 0)
        return;
    fputs("<h2 id=\"figure3\">Figure 3 (paper Section 6): delayed spike on "
          "Hilbert data</h2>\n<p>Full-batch GD of the BN linear model on "
          "the sliced, rotated, noisy Hilbert data of Section 6 (n &lt; d). "
          "Solid blue: the certified run (Arb balls, full GD); dashed red: "
          "the same case in float64. Vertical lines: the certified spike "
          "onset (grey) and the float64 onset (red). The spike is [F3]'s: "
          "the first loss rise after at least 10 falling steps that reaches "
          "at least twice its onset value. Below each case: Lemma 6's "
          "criterion Lambda_t with its certified sign (rho rises exactly "
          "when Lambda_t &gt; 0, for any Sigma), the sharpness panel of "
          "[S1]/[S2], and a learning-rate sweep (the case at seven step "
          "sizes, every run certified).</p>\n", out);
    for (i = 0; i < R->nf3; i++)
        sc_html_figure(out, R->f3 + i, "figure3", i);
}

void
sc_report_write_html_figures(FILE * out, const sc_report_t R)
{
    slong i;

    sc_html_figure3(out, R);
    if (R->nfig > 0)
        fputs("<h2 id=\"trajectories\">Trajectories</h2>\n", out);
    for (i = 0; i < R->nfig; i++)
        sc_html_figure(out, R->fig + i, "fig", i);
}
