/*
 * html.h -- the HTML report's pieces shared by html.c and the writers of
 * its sections (float_table.c).  Internal to src/report.
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

#endif
