/*
 * opts.h -- the commands of spikecheck and their options, as tables
 * (commands.c) that both the parser (opts.c) and the help (help.c, and
 * through it the man page) are generated from, so that what the parser
 * accepts and what the help lists cannot drift apart.  Internal to
 * src/cli.
 */
#ifndef SC_CLI_OPTS_H
#define SC_CLI_OPTS_H

#include <stdio.h>
#include "cli/cli.h"

/* What an option means; the same key is the same option in every
   command that takes it. */
typedef enum
{
    SC_OPT_END = 0,             /* no more arguments (and table end) */
    SC_OPT_OPERAND,             /* an argument that is not an option */
    SC_OPT_HELP,                /* -h, --help: help printed, exit 0 */
    SC_OPT_ERROR,               /* one line printed, exit 2 */
    SC_OPT_THEOREM,
    SC_OPT_ALL,
    SC_OPT_VERBOSE,
    SC_OPT_JSON,
    SC_OPT_JUNIT,
    SC_OPT_HTML,
    SC_OPT_MARKDOWN,
    SC_OPT_PLOT,
    SC_OPT_SAVE_COUNTEREXAMPLES,
    SC_OPT_BASELINE,
    SC_OPT_UPDATE_BASELINE,
    SC_OPT_FROM_FIRST,
    SC_OPT_PREC0,
    SC_OPT_MAX_PRECISION,
    SC_OPT_PRECISION,
    SC_OPT_SCALE_BOUNDS,
    SC_OPT_SHARD,
    SC_OPT_JOBS,
    SC_OPT_JOURNAL,
    SC_OPT_REDUCED,
    SC_OPT_DIGITS,
    SC_OPT_SUITE,
    SC_OPT_COUNT,
    SC_OPT_SEED,
    SC_OPT_OUTPUT,
    SC_OPT_ITERS,
    SC_OPT_OBJECTIVE,
    SC_OPT_MIN_OBSERVED,
    SC_OPT_FAMILY,
    SC_OPT_HELP_MAN
}
sc_opt_key;

#define SC_OPT_REQUIRED 1       /* the command needs it */
#define SC_OPT_REPEAT   2       /* may be given more than once */

/* One option: its name as typed ("--json", "-o"), the name of its value
   ("FILE"; NULL for a flag), what it does (one sentence or two; the help
   wraps it), and SC_OPT_REQUIRED | SC_OPT_REPEAT flags for the
   synopsis. */
typedef struct
{
    sc_opt_key key;
    const char * name;
    const char * arg;
    const char * help;
    int flags;
}
sc_cli_opt_struct;

/* One command: its name, entry point, operands ("CASE|DIR..."), a one-line
   summary, a description (may be NULL), its options (NULL-terminated;
   -h/--help is implied), the largest number of operands it takes (-1:
   any), and whether it exits with the verdict codes (sc_cli_exit_table). */
typedef struct
{
    const char * name;
    int (*run)(int argc, char ** argv);
    const char * operands;
    const char * summary;
    const char * description;
    const sc_cli_opt_struct * const * opts;
    int max_operands;
    int verdict_exit;
}
sc_cli_cmd_struct;

extern const sc_cli_cmd_struct sc_cli_cmd_table[];
extern const slong sc_cli_cmd_count;

/* What spikecheck is, one paragraph (the help and the man page). */
extern const char sc_cli_about[];

/* The exit codes of check and replay, ended by meaning NULL. */
typedef struct
{
    int code;
    const char * meaning;
}
sc_cli_exit_struct;

extern const sc_cli_exit_struct sc_cli_exit_table[];

/* The command named name, or NULL. */
const sc_cli_cmd_struct * sc_cli_cmd_lookup(const char * name);

/* ---- the parser (opts.c) ---- */

typedef struct
{
    const sc_cli_cmd_struct * cmd;
    int argc;
    char ** argv;
    int i;                      /* next argument */
    int operands;               /* operands read so far */
    int only_operands;          /* after "--" */
    const char * opt;           /* the option just read, as in the table */
    char * value;               /* its value, or the operand (in argv) */
}
sc_cli_getopt_struct;

/* Reads the arguments argv[1 ..] of command name (argv[0] is the
   command). */
void sc_cli_getopt_init(sc_cli_getopt_struct * g, const char * name,
                        int argc, char ** argv);

/* The next argument: an option's key with g->value its value (NULL for a
   flag; "--opt=value" and "--opt value" both work), SC_OPT_OPERAND with
   g->value, SC_OPT_END, SC_OPT_HELP after printing the command's help to
   stdout, or SC_OPT_ERROR after printing one line with the hint "see
   spikecheck CMD --help" (unknown option, missing value, a value given to
   a flag, too many operands). */
int sc_cli_getopt_next(sc_cli_getopt_struct * g);

/* The exit code after an argument that the command's loop does not take:
   0 after SC_OPT_HELP, 2 after SC_OPT_ERROR or an operand.  Any other key
   is an option of the table that the loop forgot: abort, so that a test
   that tries every listed option finds it. */
int sc_cli_getopt_exit(const sc_cli_getopt_struct * g, int key);

/* Prints "spikecheck: CMD: MESSAGE (see spikecheck CMD --help)" to stderr
   for a usage error found after parsing. */
void sc_cli_usage_error(const char * cmd, const char * fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- the help (help.c) ---- */

/* The overview: usage, every command with every option, exit codes. */
void sc_cli_help_overview(FILE * out);

/* The complete help of one command. */
void sc_cli_help_command(FILE * out, const sc_cli_cmd_struct * cmd);

/* `spikecheck help [--man | CMD]`. */
int sc_cli_help(int argc, char ** argv);

/* The manual page spikecheck.1 (roff, man macros), made from the same
   tables (man.c). */
void sc_cli_help_man(FILE * out);

#endif
