/*
 * html.h -- the HTML report's pieces shared by html.c and the writers of
 * its sections (float_table.c, html_figures.c).  Internal to src/report.
 */
#ifndef SC_REPORT_HTML_H
#define SC_REPORT_HTML_H

#include <stdio.h>
#include "report/report.h"

/* s with &, < and > escaped. */
void sc_report_html_text(FILE * out, const char * s);

/* The float-view section: a table of the cases, the differing steps of
   each folded in a <details> (nothing when R has no float view). */
void sc_report_write_html_float(FILE * out, const sc_report_t R);

/* The figures: the Figure 3 section and the trajectories, each with an
   anchor (figure3-K, fig-K). */
void sc_report_write_html_figures(FILE * out, const sc_report_t R);

/* The index K of the first figure (anchor fig-K) of case_file, or -1. */
slong sc_report_html_figure_of(const sc_report_t R, const char * case_file);

#endif
