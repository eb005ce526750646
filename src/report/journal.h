/*
 * journal.h -- the journal's entry format, shared by journal.c (the file),
 * journal_entry.c (one line) and journal_merge.c (the parts of a sharded
 * run).  Internal to src/report.
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

/* 2: records carry "exercised" and "novalue"; a journal of format 1 is
   refused rather than restored with those guessed */
#define SC_JOURNAL_FORMAT "spikecheck-journal/2"

/* ---- the file (journal.c), for the merge of parts (journal_merge.c) ---- */

/* Reads the journal at path (never a FIFO): its header and complete
   entries, *good the length of the complete lines.  SC_EIO when it
   cannot be read, SC_EINVAL when it is not a journal or too large (err
   "PATH: FIELD: reason"). */
int _sc_journal_read(json_t ** header, json_t ** entries, long * good,
                     const char * path, char * err, size_t errlen);

/* The key of a case file: its path without the spellings of "the same
   path" ("./", "//"), in hex (flint_free). */
char * _sc_journal_key(const char * path);

/* The entries by key, the latest of each; NULL with err when an entry
   has no key or digest. */
json_t * _sc_journal_index(json_t * entries, const char * path, char * err,
                           size_t errlen);

/* Removes the mark of a merged journal from header h (may be NULL): 1 if
   it had one. */
int _sc_journal_unmark(json_t * h);

/* Writes to buf (len bytes) what differs between journal headers a and b,
   named na and nb: the versions, then each option ("key=value" of the
   fingerprint) set otherwise or in one only, e.g. "html=1 in the
   journal, html=0 in this run"; a value over 40 bytes is cut with "...". */
void _sc_journal_header_diff(char * buf, size_t len, json_t * a,
                             const char * na, json_t * b, const char * nb);

#endif
