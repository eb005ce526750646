/*
 * replay.c -- the replay line of a verdict: the command that reproduces
 * it, quoted for a POSIX shell, so that pasting the line into sh runs that
 * one command whatever the case file is called (a space, a quote, ';' or
 * "$(...)" in a path are data, never code).
 */
#include <string.h>
#include "report/report.h"

/* Characters that no POSIX shell treats specially anywhere in a word. */
static int
sc_shell_safe(const char * s)
{
    if (*s == '\0')
        return 0;
    for ( ; *s != '\0'; s++)
        if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                   "0123456789_@%+=:,./-", *s) == NULL)
            return 0;
    return 1;
}

char *
sc_report_shell_quote(const char * s)
{
    size_t n = 3;
    const char * p;
    char * r, * q;

    if (sc_shell_safe(s))
    {
        r = flint_malloc(strlen(s) + 1);
        strcpy(r, s);
        return r;
    }
    for (p = s; *p != '\0'; p++)
        n += (*p == '\'') ? 4 : 1;
    r = q = flint_malloc(n);
    *q++ = '\'';
    for (p = s; *p != '\0'; p++)
    {
        if (*p == '\'')
        {
            memcpy(q, "'\\''", 4);     /* close, a quoted ', reopen */
            q += 4;
        }
        else
            *q++ = *p;
    }
    *q++ = '\'';
    *q = '\0';
    return r;
}

char *
sc_report_replay_line(const char * id, int from_first, const char * scale,
                      slong prec_max, const char * path)
{
    char cap[48] = "";
    char * qid = sc_report_shell_quote(id);
    char * qscale = sc_report_shell_quote(scale != NULL ? scale : "");
    char * qpath = sc_report_shell_quote(path);
    size_t n = strlen(qid) + strlen(qscale) + strlen(qpath) + 80;
    char * r = flint_malloc(n + sizeof(cap));

    /* a cap other than the default decides what is UNDECIDED: without it
       the replay of such a verdict could decide */
    if (prec_max > 0)
        snprintf(cap, sizeof(cap), " --max-precision %ld", (long) prec_max);
    /* "--" keeps a case file named "-x.json" from reading as an option */
    snprintf(r, n + sizeof(cap), "spikecheck replay --theorem %s%s%s%s%s %s%s",
             qid, from_first ? " --from-first" : "",
             scale != NULL ? " --scale-bounds " : "",
             scale != NULL ? qscale : "", cap, path[0] == '-' ? "-- " : "",
             qpath);
    flint_free(qpath);
    flint_free(qscale);
    flint_free(qid);
    return r;
}
