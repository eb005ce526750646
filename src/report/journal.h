/*
 * journal.h -- the journal's entry format, shared by journal.c (the file)
 * and journal_entry.c (one line).  Internal to src/report.
 */
#ifndef SC_REPORT_JOURNAL_H
#define SC_REPORT_JOURNAL_H

#include <jansson.h>
#include "report/report.h"

/* The entry of case_file: records rec0.., float views float0..,
   figures fig0.. and Figure 3 entries f30.. of R (a new reference). */
json_t * _sc_journal_entry(const sc_report_t R, const char * case_file,
                           slong rec0, slong float0, slong fig0, slong f30);

/* Appends the records, float views and figures of entry e to R;
   nonzero when e is damaged. */
int _sc_journal_restore_entry(sc_report_t R, json_t * e);

/* The string member key of o, or NULL. */
const char * _sc_journal_str(json_t * o, const char * key);

#endif
