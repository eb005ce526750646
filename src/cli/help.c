/*
 * help.c -- `spikecheck --help`, `spikecheck help [--all | CMD]` and
 * `spikecheck CMD --help`, printed from the command tables (commands.c)
 * that the parser reads, so the help lists exactly the options that are
 * accepted (the man page, man.c, comes from the same tables).
 */
#include <ctype.h>
#include <string.h>
#include "cli/opts.h"

#define SC_HELP_WIDTH 79
#define SC_HELP_COL 26          /* where an option's description starts */
#define SC_HELP_NBSP '\x01'     /* a space the wrapper does not break at
                                   ("\x01" in the strings it is given) */

/* Prints text (words separated by spaces; '\n' forces a break) wrapped at
   SC_HELP_WIDTH, continuation lines indented by indent.  col is the
   column the caller's line has reached: the first word goes there (0: a
   fresh line, indented). */
static void
sc_help_wrap(FILE * out, const char * text, int indent, int col)
{
    const char * p = text;
    int first = 1;              /* no word of ours on this line yet */
    size_t w, k;

    while (*p != '\0')
    {
        w = strcspn(p, " \n");
        if (col == 0)
        {
            col = fprintf(out, "%*s", indent, "");
            first = 1;
        }
        if (!first && col + 1 + (int) w > SC_HELP_WIDTH)
        {
            fputc('\n', out);
            col = fprintf(out, "%*s", indent, "");
            first = 1;
        }
        if (!first)
            col += fprintf(out, " ");
        for (k = 0; k < w; k++)
            fputc(p[k] == SC_HELP_NBSP ? ' ' : p[k], out);
        col += (int) w;
        first = 0;
        for (p += w; *p == ' '; p++)
            ;
        for ( ; *p == '\n'; p++)
        {
            fputc('\n', out);
            col = 0;
        }
    }
    if (col > 0)
        fputc('\n', out);
}

/* "spikecheck CMD [--opt ARG]... OPERANDS", wrapped, each "[--opt ARG]"
   kept on one line. */
static void
sc_help_synopsis(FILE * out, const sc_cli_cmd_struct * cmd, int indent,
                 int col)
{
    char buf[4096];
    size_t pos;
    slong j;

    pos = (size_t) snprintf(buf, sizeof(buf), "spikecheck\x01%s", cmd->name);
    for (j = 0; cmd->opts[j] != NULL && pos < sizeof(buf); j++)
    {
        const sc_cli_opt_struct * o = cmd->opts[j];
        int req = (o->flags & SC_OPT_REQUIRED) != 0;

        pos += snprintf(buf + pos, sizeof(buf) - pos, " %s%s%s%s%s%s",
                        req ? "" : "[", o->name, o->arg != NULL ? "\x01" : "",
                        o->arg != NULL ? o->arg : "", req ? "" : "]",
                        (o->flags & SC_OPT_REPEAT) ? "..." : "");
    }
    if (cmd->operands != NULL && pos < sizeof(buf))
        snprintf(buf + pos, sizeof(buf) - pos, " %s", cmd->operands);
    sc_help_wrap(out, buf, indent, col);
}

/* "  --opt ARG       what it does", the description from SC_HELP_COL. */
static void
sc_help_option(FILE * out, const char * name, const char * arg,
               const char * help)
{
    int col = fprintf(out, "  %s%s%s", name, arg ? " " : "", arg ? arg : "");

    if (col + 2 > SC_HELP_COL)
    {
        fputc('\n', out);
        col = 0;
    }
    else
        col += fprintf(out, "%*s", SC_HELP_COL - col, "");
    sc_help_wrap(out, help, SC_HELP_COL, col);
}

static void
sc_help_exit(FILE * out)
{
    slong i;

    fputs("\nExit status:\n", out);
    for (i = 0; sc_cli_exit_table[i].meaning != NULL; i++)
    {
        fprintf(out, "  %d    ", sc_cli_exit_table[i].code);
        sc_help_wrap(out, sc_cli_exit_table[i].meaning, 7, 7);
    }
}

void
sc_cli_help_command(FILE * out, const sc_cli_cmd_struct * cmd)
{
    slong j;

    sc_help_synopsis(out, cmd, 8, fprintf(out, "Usage: "));
    fprintf(out, "\n%c%s.\n", toupper((unsigned char) cmd->summary[0]),
            cmd->summary + 1);
    if (cmd->description != NULL)
    {
        fputc('\n', out);
        sc_help_wrap(out, cmd->description, 0, 0);
    }
    fputs("\nOptions:\n", out);
    for (j = 0; cmd->opts[j] != NULL; j++)
        sc_help_option(out, cmd->opts[j]->name, cmd->opts[j]->arg,
                       cmd->opts[j]->help);
    sc_help_option(out, "-h, --help", NULL, "print this help and exit");
    if (cmd->verdict_exit)
        sc_help_exit(out);
}

void
sc_cli_help_overview(FILE * out)
{
    slong i;

    fputs("Usage: spikecheck COMMAND [OPTIONS] [ARGUMENTS]\n"
          "  or:  spikecheck help [--man | COMMAND]\n"
          "  or:  spikecheck --version\n\n", out);
    sc_help_wrap(out, sc_cli_about, 0, 0);
    fputs("\nCommands:\n", out);
    for (i = 0; i < sc_cli_cmd_count; i++)
    {
        sc_help_option(out, sc_cli_cmd_table[i].name, NULL,
                       sc_cli_cmd_table[i].summary);
        sc_help_synopsis(out, sc_cli_cmd_table + i, 10,
                         fprintf(out, "    "));
    }
    sc_help_exit(out);
    fputc('\n', out);
    sc_help_wrap(out, "spikecheck help COMMAND or spikecheck COMMAND --help "
                 "prints a command's options; man spikecheck (spikecheck help "
                 "--man) has them all, with the case-file format.", 0, 0);
}

int
sc_cli_help(int argc, char ** argv)
{
    sc_cli_getopt_struct g;
    const sc_cli_cmd_struct * cmd = NULL;
    int man = 0, k;

    sc_cli_getopt_init(&g, "help", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        if (k == SC_OPT_HELP)
            return SC_EXIT_OK;
        if (k == SC_OPT_HELP_MAN)
            man = 1;
        else if (k == SC_OPT_OPERAND
                 && (cmd = sc_cli_cmd_lookup(g.value)) == NULL)
        {
            sc_cli_usage_error("help", "unknown command '%s'", g.value);
            return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_ERROR)
            return SC_EXIT_USAGE;
    }
    if (man)
        sc_cli_help_man(stdout);
    else if (cmd != NULL)
        sc_cli_help_command(stdout, cmd);
    else
        sc_cli_help_overview(stdout);
    return ferror(stdout) ? SC_EXIT_USAGE : SC_EXIT_OK;
}
