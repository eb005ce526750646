/*
 * man.c -- `spikecheck help --man`: the manual page spikecheck.1 in roff
 * (man macros), made from the command tables (commands.c) that the parser
 * reads, so the page lists exactly the options that are accepted.  `make
 * man` writes it to build/spikecheck.1 and `make install` installs it.
 * No date: the same binary gives the same page.
 */
#include <ctype.h>
#include <string.h>
#include "cli/opts.h"

/* s with roff's special characters escaped: backslash, '-' (an option's
   minus, not a hyphen), and '.' or '\'' at the start of a line. */
static void
sc_man_text(FILE * out, const char * s)
{
    int bol = 1;

    for ( ; *s != '\0'; s++)
    {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else if (*s == '\x01')  /* help.c's unbreakable space */
            fputs("\\ ", out);
        else
            fputc(*s, out);
        bol = (*s == '\n');
    }
}

/* "\fB--opt\fR \fIARG\fR" */
static void
sc_man_opt(FILE * out, const sc_cli_opt_struct * o)
{
    fputs("\\fB", out);
    sc_man_text(out, o->name);
    fputs("\\fR", out);
    if (o->arg != NULL)
    {
        fputs("\\ \\fI", out);
        sc_man_text(out, o->arg);
        fputs("\\fR", out);
    }
}

static void
sc_man_synopsis(FILE * out, const sc_cli_cmd_struct * cmd)
{
    slong j;

    fprintf(out, ".SY \"spikecheck %s\"\n", cmd->name);
    for (j = 0; cmd->opts[j] != NULL; j++)
    {
        int req = (cmd->opts[j]->flags & SC_OPT_REQUIRED) != 0;

        fputs(req ? "" : "[", out);
        sc_man_opt(out, cmd->opts[j]);
        fprintf(out, "%s%s\n", req ? "" : "]",
                (cmd->opts[j]->flags & SC_OPT_REPEAT) ? "..." : "");
    }
    if (cmd->operands != NULL)
    {
        fputs("\\fI", out);
        sc_man_text(out, cmd->operands);
        fputs("\\fR\n", out);
    }
    fputs(".YS\n", out);
}

static void
sc_man_command(FILE * out, const sc_cli_cmd_struct * cmd)
{
    slong j;

    fprintf(out, ".SS \"spikecheck %s\"\n%c", cmd->name,
            toupper((unsigned char) cmd->summary[0]));
    sc_man_text(out, cmd->summary + 1);
    fputs(".\n", out);
    if (cmd->description != NULL)
    {
        fputs("\n", out);
        sc_man_text(out, cmd->description);
        fputs("\n", out);
    }
    for (j = 0; cmd->opts[j] != NULL; j++)
    {
        fputs(".TP\n", out);
        sc_man_opt(out, cmd->opts[j]);
        fputs("\n", out);
        sc_man_text(out, cmd->opts[j]->help);
        fputs("\n", out);
    }
}

/* What no table holds: the case-file format (README "Case files"). */
static const char sc_man_families[] =
"A family file (for \\fBsweep\\fR) is JSON, format "
"\\fBspikecheck\\-family/1\\fR: \\fBfamily\\fR (a name, "
"[A\\-Za\\-z0\\-9._\\-]), \\fBclaim\\fR (a family claim, see "
"\\fBlist\\fR), \\fBbase\\fR (a case file, relative to the family "
"file's directory; only read), \\fBgrid\\fR (lists of exact numbers for "
"eta, eta_gamma, lambda, eta_lambda, gamma_0, rho_0, norm2, margin; the "
"points are "
"their cartesian product) and, optionally, \\fBtolerance\\fR (the "
"claim's tolerance).  The points are cases in memory named "
"FAMILY[p=v,...]; nothing is written beside the family.\n";

static const char sc_man_cases[] =
"A case is a JSON file, format \\fBspikecheck\\-case/1\\fR.  Every number is "
"a string holding an exact value (\"3/7\", \"0.125\", \"1e\\-3\"), so "
"nothing is rounded on the way in.  Unknown keys are errors.\n"
".PP\n.nf\n"
"{\n"
"  \"format\": \"spikecheck\\-case/1\",\n"
"  \"name\": \"whitened\\-delayed\\-spike\",\n"
"  \"loss\": \"square\",\n"
"  \"data\": {\"X\": [[\"1\", \"\\-1/2\"], ...], \"y\": [\"1\", \"\\-1\"]},\n"
"  \"init\": {\"w\": [\"1\", \"1/50\"], \"gamma\": \"1/20\"},\n"
"  \"eta\": \"3\", \"eta_gamma\": \"1/200\",\n"
"  \"steps\": 760,\n"
"  \"precision\": 256,\n"
"  \"report\": {\"figures\": [\"trajectory\", \"sharpness\"]}\n"
"}\n"
".fi\n"
".TP\n.B loss\n\\fBsquare\\fR or \\fBlogistic\\fR.\n"
".TP\n.B data\nExplicit \\fBX\\fR (n rows of d entries) and \\fBy\\fR (n "
"labels, 1 or \\-1), or a generator object {\"generator\": NAME, "
"parameters..., \"seed\": S}: \\fBwhitened\\fR (n, d), \\fBhadamard\\fR "
"(n, columns, y_column, shift), \\fBplain\\fR (n, d), \\fBhilbert\\fR (n, "
"d, noise), \\fBlogistic\\fR (n, d, margin, alpha, rotate, shift, zrank).\n"
".TP\n.B init\nExplicit \\fBw\\fR (d entries) and \\fBgamma\\fR, or a "
"generator: \\fBnear\\-reference\\fR (rho0, norm2, gamma, seed) or "
"\\fBspan\\fR (gamma, seed).\n"
".TP\n.BR eta \", \" eta_gamma\nStep sizes: eta > 0, eta_gamma in (0, 1).\n"
".TP\n.B steps\nThe horizon, 1 to 1000000.\n"
".TP\n.B precision\nStarting precision in bits, 16 to 65536 (default 128); "
"the harness raises it as needed.\n"
".TP\n.BR weight_decay \", \" momentum \", \" project_norm\n"
"Optional model extensions (default 0, 0, false).\n"
".TP\n.B report\nOptional: {\"figures\": [...]} names the figures the "
"HTML report draws for the case: \\fBtrajectory\\fR (rho, h against Theta, "
"gamma, ||w||^2, the loss), \\fBsharpness\\fR (plain GD) and "
"\\fBfigure3\\fR (the certified run beside the float run).  "
"Counterexamples and UNDECIDED cases are plotted in any case.\n";

void
sc_cli_help_man(FILE * out)
{
    slong i;

    fprintf(out, ".TH SPIKECHECK 1 \"\" \"spikecheck %s\" \"User "
            "Commands\"\n.nh\n.nr HY 0\n.ad l\n.SH NAME\nspikecheck \\- certified checks of the "
            "theorems on delayed loss spikes in batch\\-normalized linear "
            "models\n.SH SYNOPSIS\n", SC_VERSION);
    for (i = 0; i < sc_cli_cmd_count; i++)
        sc_man_synopsis(out, sc_cli_cmd_table + i);
    fputs(".SH DESCRIPTION\n", out);
    sc_man_text(out, sc_cli_about);
    fputs("\n.PP\nEvery (checker, case) pair ends in one verdict: "
          "\\fBHOLDS\\fR (hypotheses and conclusion certified), "
          "\\fBVIOLATED\\fR (the conclusion certifiably false: the report "
          "prints a replay line), \\fBNOT\\-APPLICABLE\\fR (a hypothesis "
          "certifiably fails) or \\fBUNDECIDED\\fR (precision cap or horizon "
          "reached; never a pass).\n.PP\nA replay line is one shell "
          "command, every value that a shell would read as code in single "
          "quotes: paste it into a shell in the directory of the run (case "
          "paths are as they were given) with \\fBspikecheck\\fR on "
          "\\fBPATH\\fR.\n.SH COMMANDS\n", out);
    for (i = 0; i < sc_cli_cmd_count; i++)
        sc_man_command(out, sc_cli_cmd_table + i);
    fputs(".PP\nEvery command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR.  "
          "Options take their value as the next argument or after "
          "\\fB=\\fR; \\fB\\-\\-\\fR ends the options.\n"
          ".SH \"EXIT STATUS\"\n", out);
    for (i = 0; sc_cli_exit_table[i].meaning != NULL; i++)
    {
        fprintf(out, ".TP\n.B %d\n", sc_cli_exit_table[i].code);
        sc_man_text(out, sc_cli_exit_table[i].meaning);
        fputs("\n", out);
    }
    fprintf(out, ".SH \"CASE FILES\"\n%s", sc_man_cases);
    fprintf(out, ".SH \"FAMILY FILES\"\n%s", sc_man_families);
    fputs(".SH EXAMPLES\n.nf\n"
          "spikecheck check \\-\\-html r.html \\-\\-precision 53 cases/showcase\n"
          "spikecheck replay \\-\\-theorem T3.b \\-\\-scale\\-bounds 1/4 "
          "case.json\n"
          "spikecheck check \\-\\-shard 2/4 \\-\\-journal p2.jnl cases/default\n"
          "spikecheck sweep \\-\\-html f.html cases/families/*.json\n"
          "spikecheck merge \\-o all.json \\-o all.html p1.jnl p2.jnl p3.jnl "
          "p4.jnl\n"
          "spikecheck merge \\-o all.jnl f1.jnl f2.jnl && spikecheck sweep "
          "\\-\\-journal all.jnl \\-\\-html f.html fam.json\n.fi\n"
          ".SH \"SEE ALSO\"\nREADME.md of the source tree: how decisions "
          "are certified, the checkers, suites, sweeps (GNU parallel, "
          "Slurm), benchmarks.\n", out);
}
