/*
 * cli.h -- the spikecheck command line: argument parsing and dispatch only.
 * Exit codes (HARNESS.md): 0 nothing VIOLATED or UNDECIDED, 1 something
 * VIOLATED, 3 something UNDECIDED but nothing VIOLATED, 2 usage or input
 * errors.
 */
#ifndef SC_CLI_H
#define SC_CLI_H

#include <sys/types.h>
#include "spikecheck.h"
#include "cases/cases.h"
#include "report/report.h"

#define SC_EXIT_OK        0
#define SC_EXIT_VIOLATED  1
#define SC_EXIT_USAGE     2
#define SC_EXIT_UNDECIDED 3
#define SC_EXIT_BASELINE  4     /* verdicts differ from --baseline */

#define SC_DEFAULT_MAX_PREC 4096

/* The case files named by args (files, or directories whose *.json files
   are taken in byte order).  Returns the count, or -1 with err set. */
/* The largest N of --shard K/N. */
#define SC_MAX_SHARDS 1000000

/* Parses --shard's "K/N"; SC_EINVAL (no message) unless 1 <= K <= N <=
   SC_MAX_SHARDS. */
int sc_cli_parse_shard(slong * k, slong * n, const char * s) SC_WARN_UNUSED;

slong sc_cli_collect(char *** paths, char ** args, slong nargs, char * err,
                     size_t errlen);
void sc_cli_free_paths(char ** paths, slong n);

/* Keeps paths[i] with i = k - 1 (mod nshards), in order (frees the rest);
   returns how many are kept.  Shard K/N of a sorted list is the same on
   every machine. */
slong sc_cli_shard(char ** paths, slong n, slong k, slong nshards);

/* An output file written atomically (out.c): open, write to o->f, then
   close with the writer's status, which commits (rename) or aborts
   (nothing left behind).  Both print one line naming the file and return
   SC_EIO on failure. */
int sc_cli_out_open(sc_outfile_t o, const char * path) SC_WARN_UNUSED;
int sc_cli_out_close(sc_outfile_t o, const char * path, int written)
    SC_WARN_UNUSED;

/* Before a run: every output out[i] (NULL: none), given by option opt[i],
   must be writable, not a directory, and neither the same file as another
   output nor as an input in[0 .. nin-1] (NULL entries skipped).  Prints
   one line "spikecheck: FILE: OPTION: reason" and returns SC_EINVAL
   otherwise.  Creates nothing. */
int sc_cli_out_check(const char * const * out, const char * const * opt,
                     slong nout, char * const * in, slong nin)
    SC_WARN_UNUSED;

/* c with explicit exact data (it replays without the generators) to
   path, atomically; SC_EIO with a message on failure. */
int sc_cli_save_case(const char * path, const sc_case_t c) SC_WARN_UNUSED;

/* The one claim --theorem names for cmd (tighten, shrink: commands that
   work on a single claim), or NULL with a message: an unknown id, or a
   statement of several claims (they are listed). */
const sc_thm_struct * sc_cli_one_claim(const char * cmd, const char * id);

/* Parses a decimal integer option value in [lo, hi]. */
int sc_cli_parse_si(slong * x, const char * opt, const char * s, slong lo,
                    slong hi);

/* SIGINT and SIGTERM (signal.c): the handler removes the temporaries of
   the outputs (report/outfile.c), stops and reaps the --jobs workers,
   removes their private directory, prints one line ("interrupted;
   nothing written", or the command line to resume with) and exits 130
   (SIGINT) or 143 (SIGTERM).  init installs it for the command line
   argv; resumable makes the line "resume with: ARGV" (shell-quoted), for
   a run with a journal, and clear undoes that. */
void sc_cli_signal_init(int argc, char ** argv);
void sc_cli_signal_resumable(void);
void sc_cli_signal_clear(void);

/* --jobs: worker k is pid (0: none, reaped); dir (NULL: none) is the
   private directory of the parts[0 .. n-1], removed on a signal; child is
   called by a worker right after fork (it stops with its parent). */
void sc_cli_signal_worker(slong k, pid_t pid);
void sc_cli_signal_jobs_dir(char * dir, char * const * parts, slong n);
void sc_cli_signal_child(void);

int sc_cli_list(int argc, char ** argv);
int sc_cli_check(int argc, char ** argv, int replay);
int sc_cli_sweep(int argc, char ** argv);
int sc_cli_trace(int argc, char ** argv);
int sc_cli_gen(int argc, char ** argv);
int sc_cli_merge(int argc, char ** argv);
int sc_cli_tighten(int argc, char ** argv);
int sc_cli_shrink(int argc, char ** argv);
int sc_cli_expand(int argc, char ** argv);

#endif
