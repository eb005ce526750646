/*
 * report.h -- writers only (sc_report_*): the terminal table, the per-checker
 * summary, JSON, and the trajectory CSV.  No numerics happen here: every
 * number comes from a sc_result_t or a trajectory.
 *
 * Files are written to a fresh temporary beside PATH and renamed over PATH
 * when complete (outfile.c), so an interrupted run leaves either the old
 * report or the new one.
 */
#ifndef SC_REPORT_H
#define SC_REPORT_H

#include <stdio.h>
#include <jansson.h>
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

/* out = in with every byte that is not printable ASCII, and each of
   ' ` @ and the backslash, replaced by '?', truncated to len - 1 bytes:
   the only way text reaches a gnuplot script (case files are not
   trusted); the script sets every label noenhanced. */
void sc_plot_label(char * out, size_t len, const char * in);

/* Runs gnuplot on p: SC_OK with *svg (flint_free) the SVG text, else *why
   (flint_free) says what went wrong, in gnuplot's words when it ran:
   SC_UNABLE when gnuplot is missing or fails, SC_EIO when a temporary
   file fails.  A panel whose series has nothing to draw (rho of a case
   without a reference direction) is drawn empty with a note. */
int sc_plot_svg(char ** svg, char ** why, const sc_plot_struct * p)
    SC_WARN_UNUSED;

/* [F3] Runs gnuplot on the Figure 3 view V (certified and float runs,
   their parting steps); *svg and *why as for sc_plot_svg. */
int sc_plot_figure3_svg(char ** svg, char ** why, const sc_f3_view_struct * V,
                        const char * title) SC_WARN_UNUSED;

/* [F3] Lemma 6's Lambda_t along the run, |Lambda_t| on a log axis coloured
   by its certified sign and the sign itself, with the sign change and the
   spike onset (-1: none) marked (plot_f3.c). */
int sc_plot_f3_lambda_svg(char ** svg, char ** why,
                          const sc_f3_lambda_struct * L, slong onset,
                          const char * title) SC_WARN_UNUSED;

/* [F3] The learning-rate sweep W of a case whose own step is eta0 and
   horizon steps: onset step and spike height against eta (plot_f3.c). */
int sc_plot_f3_sweep_svg(char ** svg, char ** why,
                         const sc_f3_sweep_struct * W, double eta0,
                         slong steps, const char * title) SC_WARN_UNUSED;

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
int sc_plot_svg_sharp(char ** svg, char ** why, const sc_plot_sharp_struct * p)
    SC_WARN_UNUSED;

/* The float view of one case (theorems/figure3/float_view.c) with the
   case it belongs to. */
typedef struct
{
    char * case_name;           /* owned */
    char * case_file;           /* owned */
    sc_float_view_t fv;
}
sc_report_float_struct;

/* A figure of the HTML report: the case it shows (case file), its title,
   a caption (NULL for none) and the SVG, or NULL with why it was not
   drawn (gnuplot's message).  All owned. */
typedef struct
{
    char * case_file;
    char * title;
    char * note;
    char * svg;
    char * why;
}
sc_figure_struct;

typedef struct
{
    sc_record_struct * rec;
    slong len, alloc;
    /* the float view, one record per case */
    sc_report_float_struct * fl;
    slong nfloat;
    /* the figures of the HTML report ("Trajectories") */
    sc_figure_struct * fig;
    slong nfig;
    /* [F3] the Figure 3 section, one entry per case */
    sc_figure_struct * f3;
    slong nf3;
    /* owned copies of the certificate and extra names of records read
       back from a journal (records of a run point to string literals) */
    char ** pool;
    slong npool;
}
sc_report_struct;

typedef sc_report_struct sc_report_t[1];

void sc_report_init(sc_report_t R);
void sc_report_clear(sc_report_t R);

/* Appends a record; copies res, the case's name and path.  Its replay
   line carries --from-first if from_first is nonzero, --scale-bounds
   scale unless scale is NULL, and --max-precision prec_max unless it is
   0 (the default cap). */
void sc_report_add(sc_report_t R, const sc_thm_struct * thm,
                   const sc_case_t c, const sc_result_t res, int from_first,
                   const char * scale, slong prec_max);

/* ---- replay lines (replay.c) ---- */

/* s as one word of a POSIX shell (flint_free): s itself when it holds
   only letters, digits and _@%+=:,./- (and is not empty), else s in
   single quotes with each ' written '\''. */
char * sc_report_shell_quote(const char * s);

/* The command that reproduces a verdict of checker id on the case file
   path (flint_free): "spikecheck replay --theorem ID [--from-first]
   [--scale-bounds Q] [--max-precision BITS] CASE" (the cap when prec_max
   is positive), every value quoted by sc_report_shell_quote,
   and "--" before a path that starts with '-'.  Pasted into sh it runs
   that command and nothing else. */
char * sc_report_replay_line(const char * id, int from_first,
                             const char * scale, slong prec_max,
                             const char * path);

/* Keeps the records r of R for which keep(r, arg) is nonzero, in order,
   and clears the others (sweep: a point keeps the records of the claims
   its family reads). */
void sc_report_filter(sc_report_t R,
                      int (*keep)(const sc_record_struct * r, void * arg),
                      void * arg);

/* Appends a record with the given identity (all strings copied). */
void sc_report_add_record(sc_report_t R, const sc_thm_struct * thm,
                          const char * case_name, const char * case_path,
                          const char * replay, ulong seed,
                          const sc_result_t res);

/* A copy of s owned by R (one per distinct string), for the certificate
   and extra names of records read back from a journal. */
const char * sc_report_intern(sc_report_t R, const char * s);

/* Adds the float view fv of a case (all copied). */
void sc_report_add_float(sc_report_t R, const char * case_name,
                         const char * case_file, const sc_float_view_t fv);

/* ---- the float view's writers (float_table.c) ---- */

/* The line of f as the JSON report's "float_view" strings have it: "float
   view CASE at B bits: N of M rising/falling decisions differ ..." with
   the first steps (about 250 characters of them, then " ..."). */
void sc_report_float_line(char * buf, size_t len,
                          const sc_report_float_struct * f);

/* Over the float views of R: cases compared, cases with a differing
   decision, spurious rising steps in all. */
void sc_report_float_totals(slong * cases, slong * differ, slong * spurious,
                            const sc_report_t R);

/* The terminal: with verbose one line per case, then one summary line
   (nothing when R has no float view). */
void sc_report_print_float(FILE * out, const sc_report_t R, int verbose);

/* Adds a figure of case_file (all copied; note may be NULL; svg NULL for
   a missing plot, and then why says why). */
void sc_report_add_figure(sc_report_t R, const char * case_file,
                          const char * title, const char * note,
                          const char * svg, const char * why);

/* [F3] Adds a Figure 3 entry, as sc_report_add_figure. */
void sc_report_add_figure3(sc_report_t R, const char * case_file,
                           const char * title, const char * note,
                           const char * svg, const char * why);

/* The claims a report lists, in order (claims.c): j < sc_thm_count the
   registry's lines, then the family claims (theorems/families) that have
   a record in R; NULL past the last.  Every per-claim section iterates
   with it, so that a sweep's family records appear beside the point
   claims and a check report is unchanged. */
const sc_thm_struct * sc_report_claim(const sc_report_t R, slong j);

/* A family plot (sweep) as SVG, as sc_plot_svg: points and lines of P,
   every label through sc_plot_label. */
int sc_plot_family_svg(char ** svg, char ** why, const sc_fam_plot_struct * P)
    SC_WARN_UNUSED;

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

/* The length of the valid UTF-8 sequence at s, or 0 (XML and JSON take
   only UTF-8 text: an invalid byte of a case name would void the file). */
int sc_report_utf8_len(const unsigned char * s);

/* s as a JSON string, its invalid UTF-8 bytes as '?' (jansson refuses
   them, and a refused string would silently drop its key). */
json_t * sc_report_json_str(const char * s);

/* How many HOLDS records of thm over R are vacuous (exercised = 0). */
slong sc_report_vacuous(const sc_report_t R, const sc_thm_struct * thm);

/* ---- coverage (coverage.c): what the run exercised, per claim ---- */

#define SC_COVERAGE_GROUPS 32

typedef struct
{
    const char * label;     /* the failed hypothesis (the record's) */
    slong count;
}
sc_coverage_group_struct;

typedef struct
{
    slong records;
    slong held;             /* hypotheses held: HOLDS + VIOLATED */
    slong exercised, vacuous, violated, undecided, na;
    slong least;            /* record of the least exercised slack, or -1 */
    slong ngroups, other;   /* N/A groups, and N/A past the last group */
    sc_coverage_group_struct group[SC_COVERAGE_GROUPS];
}
sc_coverage_struct;

void sc_coverage_init(sc_coverage_struct * C);

/* The coverage of claim thm over R (groups in record order). */
void sc_coverage_of(sc_coverage_struct * C, const sc_report_t R,
                    const sc_thm_struct * thm);

/* The N/A groups largest first, ties by label. */
void sc_coverage_sort(sc_coverage_struct * C);

/* The terminal coverage table: one line per claim that has records, its
   three largest N/A groups under it. */
void sc_report_print_coverage(FILE * out, const sc_report_t R);

/* The same as the HTML section that opens the report (id "coverage"). */
void sc_report_write_html_coverage(FILE * out, const sc_report_t R);

/* An atomically written output file. */
typedef struct
{
    char * path;                /* the file written (symlinks resolved) */
    char * tmp;                 /* the temporary, or NULL when written in
                                   place (a device, a FIFO) */
    FILE * f;
}
sc_outfile_struct;

typedef sc_outfile_struct sc_outfile_t[1];

/* Checks that PATH can be written (not a directory; its directory is
   writable, and PATH is a writable file if it exists; a device or FIFO
   is writable), so that a long run fails at once on a bad path.  Creates
   nothing.  SC_EIO with the reason (without the path) in err. */
int sc_outfile_probe(const char * path, char * err, size_t errlen)
    SC_WARN_UNUSED;

/* Nonzero if writing the output a would write or replace the regular
   file b, or the output b (the same existing file, or the same name in
   the same directory).  Devices and FIFOs are never the same. */
int sc_outfile_same(const char * a, const char * b);

/* Opens a fresh temporary beside PATH (O_CREAT | O_EXCL | O_NOFOLLOW,
   PATH's mode when it exists), or PATH itself when it is a device or a
   FIFO; SC_EIO with a message in err. */
int sc_outfile_open(sc_outfile_t o, const char * path, char * err,
                    size_t errlen) SC_WARN_UNUSED;
/* Closes and renames over the target; SC_EIO (tmp removed) on failure. */
int sc_outfile_commit(sc_outfile_t o, char * err, size_t errlen)
    SC_WARN_UNUSED;
/* Closes and removes the temporary file (nothing is left behind). */
void sc_outfile_abort(sc_outfile_t o);

/* Removes every temporary still open, then every temporary directory
   (async-signal-safe: for a signal handler; the files are not closed). */
void sc_outfile_remove_all(void);

/* Registers (on = 1) or unregisters (on = 0) path, a temporary file or
   (dir = 1) a temporary directory, for sc_outfile_remove_all: path must
   stay valid until it is unregistered.  At most 16 of each at a time; the
   open temporaries of sc_outfile_open are registered by it. */
void sc_outfile_track(char * path, int dir, int on);

/* JSON report: {"format", "versions", "results": [records]}. */
int sc_report_write_json(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* One self-contained HTML file: per checker the statement, provenance,
   verdict counts and slack quantiles; the VIOLATED / UNDECIDED records; the
   float view as a table; the figures. */
int sc_report_write_html(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* JUnit XML: a testsuite per checker (properties: the provenance and
   the count of each verdict), a testcase per record (properties: claim,
   verdict, predicted, observed, slack, precision, step, replay). */
int sc_report_write_junit(FILE * out, const sc_report_t R) SC_WARN_UNUSED;

/* A compact Markdown summary for a CI job page: the verdict counts, per
   checker the counts and slack quantiles, the VIOLATED and UNDECIDED
   records (at most 50) with their replay lines, the float view's line. */
int sc_report_write_markdown(FILE * out, const sc_report_t R)
    SC_WARN_UNUSED;

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

/* The versions of spikecheck and its libraries, one line (flint_free). */
char * sc_report_versions(void);

/* ---- the journal of a check run (journal.c) ---- */
typedef struct
{
    FILE * f;                   /* open for appending, locked (flock)
                                   while open */
    void * entries;             /* json_t object: key of the case file
                                   (journal.c) -> its latest entry */
    int merged;                 /* written by merge (-o FILE.jnl): the
                                   whole run, restored, never run into */
}
sc_journal_struct;

typedef sc_journal_struct sc_journal_t[1];

/* Opens the journal at path for a run with these options (one string
   naming everything that shapes the report): creates it with a header, or
   reads the finished cases of an earlier run with the same options and
   versions, dropping a last line cut short by a kill.  The file is locked
   while open: a second run on it is refused, not interleaved.  SC_EINVAL
   (other options, not a journal, not a regular file, larger than
   SC_JOURNAL_MAX_BYTES, in use) or SC_EIO with a message in err; a journal
   this call created is removed again when its header cannot be written. */
int sc_journal_open(sc_journal_t J, const char * path, const char * options,
                    char * err, size_t errlen) SC_WARN_UNUSED;
void sc_journal_clear(sc_journal_t J);

/* A merged journal holds a whole run: SC_OK when its cases are exactly
   cases[0 .. n-1] with their digests, else SC_EINVAL with err "CASE:
   reason" (the first case it lacks or holds of another content, or a
   case it holds that the run does not have). */
int sc_journal_check_merged(const sc_journal_t J, const sc_case_struct * cases,
                            slong n, char * err, size_t errlen)
    SC_WARN_UNUSED;

/* 1 if path is a merged journal (merge -o FILE.jnl), else 0. */
int sc_journal_is_merged(const char * path);

/* Number of finished cases read from the journal. */
slong sc_journal_count(const sc_journal_t J);

/* Appends to R the records, float views and figures of case_file
   from the journal: 1 if its entry is there with this digest (the case's
   content, sc_case_struct.digest), 0 if not (never run, or the file was
   edited since), -1 if its entry is damaged.  "c.json" and "./c.json" are
   one case file. */
int sc_journal_restore(sc_report_t R, const sc_journal_t J,
                       const char * case_file, const char * digest)
    SC_WARN_UNUSED;

/* Appends one line for case_file of this digest: the records rec0.., float
   views float0.., figures fig0.. and Figure 3 entries f30.. of R; flushed
   and fsync'd; it supersedes an earlier entry of the same case file.
   SC_EIO. */
int sc_journal_append(sc_journal_t J, const sc_report_t R,
                      const char * case_file, const char * digest,
                      slong rec0, slong float0, slong fig0, slong f30)
    SC_WARN_UNUSED;

/* The largest journal read: a journal entry is a few kB per case. */
#define SC_JOURNAL_MAX_BYTES ((size_t) 1 << 31)

/* 1 if path starts like a journal, 0 if not (or it cannot be opened),
   -1 if it is not a regular file (a FIFO, a device: never read). */
int sc_report_is_journal(const char * path);

/* Appends to R the cases of the journals parts[0 .. nparts-1] (shards of
   one sweep) in case-file order: the report of the unsharded run.
   SC_EINVAL (err: not a journal, options differ, a case twice) or SC_EIO. */
int sc_report_read_journals(sc_report_t R, char ** parts, slong nparts,
                            char * err, size_t errlen) SC_WARN_UNUSED;

/* Writes the journals parts[0 .. nparts-1] (shards of one sweep) to out
   as one merged journal: their header marked "merged", then the latest
   entry of every case in case-file order.  A run with that journal
   (check or sweep --journal FILE, the shards' options, no --shard)
   restores every case and writes the reports of the unsharded run,
   family claims included; it runs nothing (sc_journal_check_merged).
   Errors as for sc_report_read_journals. */
int sc_report_write_journal(FILE * out, char ** parts, slong nparts,
                            char * err, size_t errlen) SC_WARN_UNUSED;

/* The CSV of `spikecheck trace`, t,a,b,rho,gamma,W,h,loss,rising, a line
   at a time: the header, and the row of state t of a stored or streaming
   trajectory with digits significant digits (rising empty on the last
   state, t = T->len - 1). */
void sc_report_trace_header(FILE * out);
void sc_report_trace_row(FILE * out, const sc_traj_struct * T, slong t,
                         slong digits);

/* The rising column of row t < T->len - 1: '1' or '0' as certified, '?'
   undecided (more precision may decide it), '-' undefined: rho_t or
   rho_{t+1} does not exist (no reference direction, or a <= 0 certain;
   full GD starts from a_0 = 0 exactly when <w_0, w*> = 0 over Q). */
char sc_report_trace_flag(const sc_traj_struct * T, slong t);

/* The row's values a, b, rho, gamma, W, h, loss of state t, in order. */
#define SC_TRACE_VALUES 7
void sc_report_trace_values(arb_srcptr v[SC_TRACE_VALUES],
                            const sc_traj_struct * T, slong t);

#endif
