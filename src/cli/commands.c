/*
 * commands.c -- every command of spikecheck with its options: the one
 * table the parser (opts.c), the help (help.c) and the man page are made
 * from.  Adding an option means a row here and a case in the command's
 * parse loop; the help and `make man` follow by themselves, and
 * tests/cli.sh checks that README lists the same options.
 */
#include <string.h>
#include "cli/opts.h"

/* ---- options shared by several commands -------------------------------- */

static const sc_cli_opt_struct o_theorem = { SC_OPT_THEOREM, "--theorem",
    "ID", "run only checker ID (repeatable; the ids are listed by "
    "spikecheck list)", SC_OPT_REPEAT };
static const sc_cli_opt_struct o_theorem_one = { SC_OPT_THEOREM,
    "--theorem", "ID", "the checker (required; see spikecheck list)",
    SC_OPT_REQUIRED };
static const sc_cli_opt_struct o_all = { SC_OPT_ALL, "--all", NULL,
    "the table shows every verdict, not only VIOLATED and UNDECIDED ones "
    "(a run on one case shows every verdict anyway)", 0 };
static const sc_cli_opt_struct o_verbose = { SC_OPT_VERBOSE, "--verbose",
    NULL, "with --precision: one float-view line per case before the "
    "summary (else one line for the whole run)", 0 };
static const sc_cli_opt_struct o_json = { SC_OPT_JSON, "--json", "FILE",
    "write the JSON report: one record per verdict, the float view, the "
    "versions", 0 };
static const sc_cli_opt_struct o_junit = { SC_OPT_JUNIT, "--junit", "FILE",
    "write JUnit XML: a testsuite per checker, a testcase per checker and "
    "case; VIOLATED and UNDECIDED are failures", 0 };
static const sc_cli_opt_struct o_html = { SC_OPT_HTML, "--html", "FILE",
    "write the HTML report: statements, counterexamples, float view, "
    "figures", 0 };
static const sc_cli_opt_struct o_markdown = { SC_OPT_MARKDOWN,
    "--markdown", "FILE", "write a compact Markdown summary for a CI job "
    "page: verdict counts per checker, counterexamples and UNDECIDED "
    "checks with their replay lines", 0 };
static const sc_cli_opt_struct o_plot = { SC_OPT_PLOT, "--plot",
    "all|CASE", "with --html: plot the trajectory of every case, or of "
    "CASE (a case name or file; repeatable). A run on one case plots it "
    "unasked; counterexamples and UNDECIDED cases are always plotted",
    SC_OPT_REPEAT };
static const sc_cli_opt_struct o_save = { SC_OPT_SAVE_COUNTEREXAMPLES,
    "--save-counterexamples", "DIR", "save the case of every VIOLATED "
    "verdict as DIR/ID-CASE.json, with explicit data", 0 };
static const sc_cli_opt_struct o_baseline = { SC_OPT_BASELINE, "--baseline",
    "FILE", "compare every verdict with the claims baseline FILE: "
    "changed:, missing: and new: lines, exit 4 on any change", 0 };
static const sc_cli_opt_struct o_update = { SC_OPT_UPDATE_BASELINE,
    "--update-baseline", NULL, "with --baseline: rewrite FILE instead", 0 };
static const sc_cli_opt_struct o_from_first = { SC_OPT_FROM_FIRST,
    "--from-first", NULL, "judge [T2.x] from their earliest admissible "
    "reference time only (default: from every t0 at which their "
    "hypotheses hold)", 0 };
static const sc_cli_opt_struct o_prec0 = { SC_OPT_PREC0, "--prec0", "BITS",
    "starting precision (default: the case's precision)", 0 };
static const sc_cli_opt_struct o_max_prec = { SC_OPT_MAX_PRECISION,
    "--max-precision", "BITS", "cap of the precision escalation (default "
    "4096); past it a verdict is UNDECIDED", 0 };
static const sc_cli_opt_struct o_float = { SC_OPT_PRECISION, "--precision",
    "BITS", "also run the uncertified float view at BITS (53 = float64) "
    "and count the rising/falling decisions that differ from the "
    "certified run", 0 };
static const sc_cli_opt_struct o_scale = { SC_OPT_SCALE_BOUNDS,
    "--scale-bounds", "Q", "control run: multiply every checked bound by "
    "the exact number Q (Q < 1 asks whether a bound is tight within 1/Q)", 0 };
static const sc_cli_opt_struct o_shard = { SC_OPT_SHARD, "--shard", "K/N",
    "keep the case files whose index in the sorted list is K - 1 modulo N", 0 };
static const sc_cli_opt_struct o_jobs = { SC_OPT_JOBS, "--jobs", "N",
    "run the cases in N worker processes (1 to 256; the reports are those "
    "of one process)", 0 };
static const sc_cli_opt_struct o_journal = { SC_OPT_JOURNAL, "--journal",
    "FILE", "append each finished case to FILE (fsync'd); a rerun with the "
    "same FILE and options resumes; merge reads it; a merged journal "
    "(merge -o FILE.jnl) gives every case, and nothing runs", 0 };

/* ---- the commands' option lists ---------------------------------------- */

static const sc_cli_opt_struct * const list_opts[] = { NULL };

static const sc_cli_opt_struct * const check_opts[] = {
    &o_theorem, &o_all, &o_verbose, &o_json, &o_junit, &o_html,
    &o_markdown, &o_plot,
    &o_save, &o_baseline, &o_update, &o_from_first, &o_prec0, &o_max_prec,
    &o_float, &o_scale, &o_shard, &o_jobs, &o_journal, NULL };

static const sc_cli_opt_struct * const replay_opts[] = {
    &o_theorem_one, &o_from_first, &o_scale, &o_prec0, &o_max_prec,
    &o_float, &o_verbose, &o_json, &o_junit, &o_html, &o_markdown, NULL };

static const sc_cli_opt_struct * const trace_opts[] = {
    &(const sc_cli_opt_struct) { SC_OPT_REDUCED, "--reduced", NULL,
        "the reduced recurrence instead of full GD (square loss, whitened "
        "data)", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_DIGITS, "--digits", "N",
        "significant digits of every value, each certain (1 to 1000, "
        "default 20)", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_PRECISION, "--precision", "BITS",
        "print the uncertified floating-point run at BITS instead", 0 },
    &o_max_prec, NULL };

static const sc_cli_opt_struct * const gen_opts[] = {
    &(const sc_cli_opt_struct) { SC_OPT_SUITE, "--suite", "NAME",
        "whitened, hilbert or logistic (required)", SC_OPT_REQUIRED },
    &(const sc_cli_opt_struct) { SC_OPT_COUNT, "--count", "N",
        "how many cases (required)", SC_OPT_REQUIRED },
    &(const sc_cli_opt_struct) { SC_OPT_SEED, "--seed", "S",
        "the suite's seed (required)", SC_OPT_REQUIRED },
    &(const sc_cli_opt_struct) { SC_OPT_OUTPUT, "-o", "DIR",
        "the directory the case files go to (required)", SC_OPT_REQUIRED },
    NULL };

static const sc_cli_opt_struct * const merge_opts[] = {
    &(const sc_cli_opt_struct) { SC_OPT_OUTPUT, "-o", "FILE",
        "an output (required, repeatable), its format by extension: .json, "
        ".xml (JUnit), .html, .md (Markdown), .jnl (one merged journal); "
        "all but .json need journal parts", SC_OPT_REQUIRED | SC_OPT_REPEAT },
    NULL };

static const sc_cli_opt_struct * const tighten_opts[] = {
    &o_theorem_one,
    &(const sc_cli_opt_struct) { SC_OPT_SEED, "--seed", "S",
        "the search's seed (default 1)", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_ITERS, "--iters", "N",
        "how many cases to evaluate (default 200)", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_OBJECTIVE, "--objective", "EXTRA",
        "minimise the record's extra EXTRA instead of the slack", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_MIN_OBSERVED, "--min-observed", "K",
        "keep only records whose observed value is at least K", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_FAMILY, "--family",
        "whitened|logistic", "the family of generated cases (default: the "
        "checker's)", 0 },
    &(const sc_cli_opt_struct) { SC_OPT_OUTPUT, "-o", "CASEFILE",
        "where the tightest case goes (default cases/tight/ID.json)", 0 },
    NULL };

static const sc_cli_opt_struct * const shrink_opts[] = {
    &o_theorem_one, &o_scale, &o_from_first,
    &(const sc_cli_opt_struct) { SC_OPT_OUTPUT, "-o", "DIR",
        "where the shrunk case goes (default cases/regressions)", 0 },
    NULL };

static const sc_cli_opt_struct * const expand_opts[] = {
    &(const sc_cli_opt_struct) { SC_OPT_OUTPUT, "-o", "FILE",
        "the expanded case file (required)", SC_OPT_REQUIRED },
    NULL };

static const sc_cli_opt_struct * const help_opts[] = {
    &(const sc_cli_opt_struct) { SC_OPT_HELP_MAN, "--man", NULL,
        "print the manual page spikecheck.1 (roff; make install installs "
        "it)", 0 },
    NULL };

/* ---- the commands ------------------------------------------------------ */

const char sc_cli_about[] =
    "Checks the theorems of \"A Mechanism Study of Delayed Loss Spikes in "
    "Batch-Normalized Linear Models\" with certified arithmetic (Arb "
    "balls): every verdict is HOLDS, VIOLATED, NOT-APPLICABLE or "
    "UNDECIDED, and rounding cannot fake one.";

const sc_cli_exit_struct sc_cli_exit_table[] = {
    { SC_EXIT_OK, "nothing VIOLATED or UNDECIDED (every verdict HOLDS or "
                  "NOT-APPLICABLE)" },
    { SC_EXIT_VIOLATED, "something VIOLATED" },
    { SC_EXIT_USAGE, "usage or input error (bad option, bad case file, "
                     "unwritable output)" },
    { SC_EXIT_UNDECIDED, "something UNDECIDED, nothing VIOLATED" },
    { SC_EXIT_BASELINE, "check --baseline: a claim's verdict changed" },
    /* src/cli/signal.c: 128 + the signal, as a shell reports it */
    { 130, "interrupted by SIGINT (temporaries removed, workers stopped; "
           "with --journal the resume command is printed)" },
    { 143, "terminated by SIGTERM (the same clean end)" },
    { 0, NULL }
};

static int
sc_cli_run_check(int argc, char ** argv)
{
    return sc_cli_check(argc, argv, 0);
}

static int
sc_cli_run_replay(int argc, char ** argv)
{
    return sc_cli_check(argc, argv, 1);
}

const sc_cli_cmd_struct sc_cli_cmd_table[] = {
    { "list", sc_cli_list, NULL,
      "list the checkers: id, title, provenance, source, statement",
      "One entry per checker of the registry, in report order.",
      list_opts, 0, 0 },
    { "check", sc_cli_run_check, "CASE|DIR...",
      "run the checkers on cases, print a table and a summary, write "
      "reports",
      "A directory stands for its *.json files, in byte order. Every case "
      "is loaded and every output path probed before the run, so a bad "
      "file stops it before anything is written. The terminal shows the "
      "VIOLATED and UNDECIDED verdicts (each with its replay line), one "
      "line for the float view (with --precision), and last the "
      "per-checker summary: verdict counts and slack quantiles. Reports "
      "are written atomically.",
      check_opts, -1, 1 },
    { "sweep", sc_cli_sweep, "FAMILY...",
      "run a family's grid of cases like check, then judge its family claim",
      "A family file (spikecheck-family/1) names a base case, a grid of "
      "parameter values (eta, eta_gamma, lambda, eta_lambda, gamma_0, "
      "rho_0, norm2, margin) and a family claim. The grid is expanded in memory "
      "(nothing is written beside the family), its points run as check "
      "runs cases (the claims the family claim reads, and any --theorem), "
      "and the family claim is judged from their certified records: a "
      "least-squares law with its residual, HOLDS within the claim's "
      "tolerance, VIOLATED outside it. The reports carry the family "
      "record and, in HTML, its plot. With --shard the family claims are "
      "not judged; merge the shards' journals into one (merge -o "
      "ALL.jnl) and sweep --journal ALL.jnl with the shards' options: it "
      "restores every point and writes the reports of the unsharded sweep, "
      "family records included.",
      check_opts, -1, 1 },
    { "replay", sc_cli_run_replay, "CASE",
      "rerun one checker on one case (the replay line of a verdict)",
      "The replay line of a VIOLATED or UNDECIDED verdict runs this "
      "command with the options that produced it.",
      replay_opts, 1, 1 },
    { "trace", sc_cli_trace, "CASE",
      "print the per-step trajectory as CSV",
      "Columns t,a,b,rho,gamma,W,h,loss,rising, one row per step from the "
      "certified full GD. rising is 1, 0, ? (undecided) or - (undefined: "
      "no reference direction, or a <= 0, where rho does not exist). The "
      "precision is raised until every defined rising flag is decided and "
      "every printed digit is certain; rows are printed as soon as they are "
      "final. Exit 3 if the cap comes first.",
      trace_opts, 1, 0 },
    { "gen", sc_cli_gen, NULL,
      "write the generated cases of a suite",
      "Generation is deterministic for a seed on every machine.",
      gen_opts, 0, 0 },
    { "merge", sc_cli_merge, "PART...",
      "combine the shards of a sweep into the unsharded report",
      "Parts are journals (check --journal FILE), which give every format, "
      "or JSON reports, which give JSON. A merged journal (-o FILE.jnl) is "
      "restored whole by check or sweep --journal FILE with the parts' "
      "options: a case it lacks, holds of another content or holds beyond "
      "the run's is refused, and nothing runs.",
      merge_opts, -1, 0 },
    { "tighten", sc_cli_tighten, NULL,
      "hill-climb generated cases to the least slack of a checker",
      "Seeded, deterministic; candidates outside the checker's hypotheses "
      "are never kept. Prints the slack and the replay line of the case "
      "it writes.",
      tighten_opts, 0, 0 },
    { "shrink", sc_cli_shrink, "CASE",
      "reduce a VIOLATED case while it stays VIOLATED",
      "Cuts steps, dimensions, rows and bits of the numbers, and saves "
      "the smallest case as DIR/ID-NAME-shrunk.json with its replay line.",
      shrink_opts, 1, 0 },
    { "expand", sc_cli_expand, "CASE",
      "write a case with its generated data spelled out as exact rationals",
      "The same case for a tool that does not implement spikecheck's "
      "generators.",
      expand_opts, 1, 0 },
    { "help", sc_cli_help, "[COMMAND]",
      "print this overview, or a command's options",
      NULL,
      help_opts, 1, 0 },
};

const slong sc_cli_cmd_count = sizeof(sc_cli_cmd_table)
                               / sizeof(sc_cli_cmd_table[0]);

const sc_cli_cmd_struct *
sc_cli_cmd_lookup(const char * name)
{
    slong i;

    for (i = 0; i < sc_cli_cmd_count; i++)
        if (strcmp(sc_cli_cmd_table[i].name, name) == 0)
            return sc_cli_cmd_table + i;
    return NULL;
}
