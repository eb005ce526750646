/*
 * check.h -- the options of `spikecheck check` and the case loop, shared
 * by check.c (one process) and check_jobs.c (--jobs: worker processes).
 * Internal to src/cli.
 */
#ifndef SC_CLI_CHECK_H
#define SC_CLI_CHECK_H

#include "cli/cli.h"
#include "report/report.h"

/* claims a run selects: at least the registry's (check.c aborts on a
   registry that outgrows it) */
#define SC_MAX_SELECT 256
#define SC_MAX_JOBS 256

/* The part of a case name kept in a saved counterexample's file name. */
#define SC_SAVE_NAME_LEN 96

typedef struct
{
    const sc_thm_struct * sel[SC_MAX_SELECT];
    slong nsel;
    const char * json, * junit, * html, * markdown, * baseline;
    const char * save_dir;      /* --save-counterexamples DIR */
    const char * journal;       /* --journal FILE */
    int update_baseline;
    slong shard_k, shard_n;     /* --shard K/N, 1 <= K <= N; 0 if unset */
    slong jobs;                 /* --jobs N, worker processes (1: none) */
    int progress;               /* "[i/n] case" on stderr (a terminal) */
    int all, from_first;
    int verbose;                /* --verbose: a float-view line per case */
    slong prec0, prec_max, fprec;
    const char * scale;         /* --scale-bounds Q, or NULL */
    const char * plot[SC_MAX_SELECT];   /* --plot CASE: names or files */
    slong nplot;
    int plot_all;               /* --plot all, or a run on one case */
    fmpq_t factor;
    char ** args;
    slong nargs;
}
sc_check_opts;

/* The options of check, replay or sweep (cmd), from their tables in
   commands.c.  Returns -1 when the run goes on, else the exit code: 0
   after --help, 2 after a usage error (one line printed).  Without
   --theorem check selects every claim, sweep none (it adds those its
   families read). */
int sc_cli_check_parse(sc_check_opts * o, int argc, char ** argv,
                       const char * cmd);

/* Called after the runs, before anything is printed or written: a
   sweep judges its family claims into R. */
typedef void (*sc_check_hook_fn)(sc_report_t R, void * arg);

/* The run of check after its cases are loaded: probes the outputs
   (none may be one of inputs[0 .. ninputs-1]), runs the cases (--jobs,
   --journal), calls judge (if not NULL), prints the table, float view
   and coverage, writes the reports and compares the baseline.  Returns
   the exit code. */
int sc_cli_check_finish(sc_report_t R, const sc_check_opts * o,
                        sc_case_struct * cases, slong n, char ** inputs,
                        slong ninputs, sc_check_hook_fn judge, void * arg);

/* Runs (or restores from journal, if not NULL) the cases first,
   first + step, ... < n into R in order; SC_OK, or SC_EIO with the
   message printed.  A merged journal (merge -o FILE.jnl) must hold
   exactly cases[0 .. n-1], and nothing runs. */
int sc_cli_check_run(sc_report_t R, const sc_check_opts * o,
                     sc_case_struct * cases, slong n, slong first,
                     slong step, const char * journal);

/* The same with o->jobs worker processes: worker k runs the cases
   i = k (mod jobs) into its own journal, and R is read back from the
   journals in case order, so the report is the one of sc_cli_check_run. */
int sc_cli_check_jobs(sc_report_t R, const sc_check_opts * o,
                      sc_case_struct * cases, slong n);

/* The figures of the case of ctx for the HTML report (check_figures.c),
   after its records R->rec[first ..]: the trajectory of a counterexample
   or an UNDECIDED case, of a case --plot asks for, and those its case
   file asks for ("report": {"figures": [...]}). */
void sc_cli_check_figures(sc_report_t R, const sc_check_opts * o,
                          sc_ctx_t ctx, slong first, slong prec0,
                          slong prec_max);

/* Everything that shapes the report of a case (the journal header): a
   journal written under other options cannot be resumed. */
void sc_cli_check_fingerprint(char * buf, size_t len,
                              const sc_check_opts * o);

#endif
