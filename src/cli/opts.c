/*
 * opts.c -- the option parser of every command, driven by the command's
 * table (commands.c): an option the table does not list is refused with
 * one line and a hint, so the help (generated from the same table) lists
 * exactly what is accepted.  GNU conventions: "--opt value" or
 * "--opt=value", "--" ends the options, -h and --help everywhere.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli/opts.h"

void
sc_cli_usage_error(const char * cmd, const char * fmt, ...)
{
    va_list ap;

    fprintf(stderr, "spikecheck: %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see spikecheck %s --help)\n", cmd);
}

void
sc_cli_getopt_init(sc_cli_getopt_struct * g, const char * name, int argc,
                   char ** argv)
{
    g->cmd = sc_cli_cmd_lookup(name);
    if (g->cmd == NULL)
        abort();                /* a command without a table */
    g->argc = argc;
    g->argv = argv;
    g->i = 1;
    g->operands = 0;
    g->only_operands = 0;
    g->opt = NULL;
    g->value = NULL;
}

/* The table entry named by a (up to len bytes), or NULL. */
static const sc_cli_opt_struct *
sc_cli_opt_find(const sc_cli_cmd_struct * cmd, const char * a, size_t len)
{
    slong j;

    for (j = 0; cmd->opts[j] != NULL; j++)
        if (strlen(cmd->opts[j]->name) == len
            && strncmp(cmd->opts[j]->name, a, len) == 0)
            return cmd->opts[j];
    return NULL;
}

static int
sc_cli_operand(sc_cli_getopt_struct * g, char * a)
{
    if (g->cmd->max_operands >= 0 && g->operands >= g->cmd->max_operands)
    {
        sc_cli_usage_error(g->cmd->name, "unexpected argument '%s'", a);
        return SC_OPT_ERROR;
    }
    g->operands++;
    g->value = a;
    return SC_OPT_OPERAND;
}

int
sc_cli_getopt_exit(const sc_cli_getopt_struct * g, int key)
{
    if (key == SC_OPT_HELP)
        return SC_EXIT_OK;
    if (key == SC_OPT_ERROR)
        return SC_EXIT_USAGE;
    if (key == SC_OPT_OPERAND)
    {
        sc_cli_usage_error(g->cmd->name, "unexpected argument '%s'",
                           g->value);
        return SC_EXIT_USAGE;
    }
    fprintf(stderr, "spikecheck: %s: %s is in the table but not handled\n",
            g->cmd->name, g->opt != NULL ? g->opt : "?");
    abort();
}

int
sc_cli_getopt_next(sc_cli_getopt_struct * g)
{
    const sc_cli_opt_struct * o;
    char * a, * eq;
    size_t len;

    g->opt = g->value = NULL;
    if (g->i >= g->argc)
        return SC_OPT_END;
    a = g->argv[g->i++];
    if (g->only_operands || a[0] != '-' || a[1] == '\0')
        return sc_cli_operand(g, a);
    if (strcmp(a, "--") == 0)
    {
        g->only_operands = 1;
        return sc_cli_getopt_next(g);
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
    {
        sc_cli_help_command(stdout, g->cmd);
        return SC_OPT_HELP;
    }
    eq = a[1] == '-' ? strchr(a, '=') : NULL;
    len = eq != NULL ? (size_t) (eq - a) : strlen(a);
    o = sc_cli_opt_find(g->cmd, a, len);
    if (o == NULL)
    {
        sc_cli_usage_error(g->cmd->name, "unknown option '%.*s'", (int) len,
                           a);
        return SC_OPT_ERROR;
    }
    g->opt = o->name;
    if (o->arg == NULL && eq != NULL)
    {
        sc_cli_usage_error(g->cmd->name, "%s takes no value", o->name);
        return SC_OPT_ERROR;
    }
    if (o->arg != NULL && eq != NULL)
        g->value = eq + 1;
    else if (o->arg != NULL && g->i < g->argc)
        g->value = g->argv[g->i++];
    else if (o->arg != NULL)
    {
        sc_cli_usage_error(g->cmd->name, "%s needs a value %s", o->name,
                           o->arg);
        return SC_OPT_ERROR;
    }
    return o->key;
}
