/*
 * report.h -- writers only (sc_report_*): the terminal table, the per-checker
 * summary, JSON, and the trajectory CSV.  No numerics happen here: every
 * number comes from a sc_result_t or a trajectory.
 *
 * Files are written to PATH.tmp.PID and renamed over PATH when complete, so
 * an interrupted run leaves either the old report or the new one.
 */
#ifndef SC_REPORT_H
#define SC_REPORT_H

#include <stdio.h>
#include "spikecheck.h"
#include "theorems/theorems.h"

/* One verdict with what a report needs to say where it came from. */
typedef struct
{
    const sc_thm_struct * thm;
    char * case_name;           /* owned */
    char * case_path;           /* owned */
    char * replay;              /* owned: the command reproducing it */
    ulong seed;
    sc_result_t res;
}
sc_record_struct;

/* The series of one trajectory plot, as doubles (display only). */
typedef struct
{
    char title[160];
    slong len;
    double * rho, * h, * theta, * gamma, * W, * loss;
    int * rising;
}
sc_plot_struct;

/* Runs gnuplot on p; *svg (flint_free) is the SVG text.  SC_UNABLE when
   gnuplot is missing or fails, SC_EIO when a temporary file fails. */
int sc_plot_svg(char ** svg, const sc_plot_struct * p) SC_WARN_UNUSED;

/* The sharpness series of one trajectory (BEYOND.md s.2-3), as doubles
   (display only); thr = 2/eta. */
typedef struct
{
    char title[160];
    slong len;
    double thr;
    double * lmax, * lmaxP, * kappa, * rhoJ;
    int * rising;
}
sc_plot_sharp_struct;

/* As sc_plot_svg, for the sharpness panel. */
int sc_plot_svg_sharp(char ** svg, const sc_plot_sharp_struct * p)
    SC_WARN_UNUSED;

typedef struct
{
    sc_record_struct * rec;
    slong len, alloc;
    /* float view: steps whose rising flag differs (one line per case) */
    char ** float_lines;
    slong nfloat;
    /* figures for the HTML report: a title and an SVG, or NULL with the
       reason the plot is missing */
    char ** fig_title;
    char ** fig_svg;
    slong nfig;
}
sc_report_struct;

typedef sc_report_struct sc_report_t[1];

void sc_report_init(sc_report_t R);
void sc_report_clear(sc_report_t R);

/* Appends a record; copies res, the case's name and path.  extra_flags is
   appended to the replay command (e.g. " --from-first"). */
void sc_report_add(sc_report_t R, const sc_thm_struct * thm,
                   const sc_case_t c, const sc_result_t res,
                   const char * extra_flags);

/* Adds a line of the float-view section (copied). */
void sc_report_add_float_line(sc_report_t R, const char * line);

/* Adds a figure (title and svg copied; svg NULL for a missing plot). */
void sc_report_add_figure(sc_report_t R, const char * title,
                          const char * svg);

/* Counts of each verdict over all records. */
void sc_report_counts(slong counts[SC_NUM_VERDICTS], const sc_report_t R);

/* The table: every record if all is nonzero, else only VIOLATED and
   UNDECIDED ones. */
void sc_report_print_table(FILE * out, const sc_report_t R, int all);

/* Verdict counts of thm over R, and the min / median / p90 / max of the
   slacks of its HOLDS records in q (display only); returns how many slacks
   there were (q is unset when 0). */
slong sc_report_checker_stats(slong cnt[SC_NUM_VERDICTS], double q[4],
                              const sc_report_t R, const sc_thm_struct * thm);

/* Per checker: provenance, verdict counts, slack quantiles. */
void sc_report_print_summary(FILE * out, const sc_report_t R);

/* An atomically written output file. */
typedef struct
{
    char * path;
    char * tmp;
    FILE * f;
}
sc_outfile_struct;

typedef sc_outfile_struct sc_outfile_t[1];

/* Checks that PATH can be written (its directory is writable, and PATH is
   a writable file if it exists), so that a long run fails at once on a bad
   path.  Creates nothing.  SC_EIO with a message in err. */
int sc_outfile_probe(const char * path, char * err, size_t errlen)
    SC_WARN_UNUSED;

/* Opens PATH.tmp.PID for writing; SC_EIO with a message in err if the
   directory is not writable. */
int sc_outfile_open(sc_outfile_t o, const char * path, char * err,
                    size_t errlen) SC_WARN_UNUSED;
/* Closes and renames over the target; SC_EIO (tmp removed) on failure. */
int sc_outfile_commit(sc_outfile_t o, char * err, size_t errlen)
    SC_WARN_UNUSED;
/* Closes and removes the temporary file (nothing is left behind). */
void sc_outfile_abort(sc_outfile_t o);

/* JSON report: {"format", "versions", "results": [records]}. */
int sc_report_write_json(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* One self-contained HTML file: per checker the statement, provenance,
   verdict counts and slack quantiles; the VIOLATED / UNDECIDED records; the
   float-view lines; the figures. */
int sc_report_write_html(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* JUnit XML: a testsuite per checker, a testcase per record. */
int sc_report_write_junit(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* The claims baseline: sorted lines "CHECKER CASE VERDICT". */
int sc_report_write_baseline(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* Compares R with the baseline read from in (named path in messages) and
   prints one line per changed, missing or new claim to diff; returns their
   number. */
slong sc_report_compare_baseline(FILE * diff, FILE * in, const char * path,
                                 const sc_report_t R);

/* Merges the JSON reports parts[0 .. nparts-1] (shards of one suite) into
   the report of the unsharded run.  SC_EINVAL (err: a part that is not a
   report, or versions that differ) or SC_EIO. */
int sc_report_merge_json(FILE * out, char ** parts, slong nparts, char * err,
                         size_t errlen) SC_WARN_UNUSED;

/* CSV of a trajectory: t,a,b,rho,gamma,W,h,loss,rising with digits
   significant digits. */
void sc_report_write_trace(FILE * out, const sc_traj_struct * T,
                           slong digits);

#endif
