/*
 * signal.c -- a clean end on SIGINT and SIGTERM.  A kill during a write
 * must leave no PATH.tmp.* beside the outputs, no gnuplot directory, and,
 * with --jobs, neither running workers nor the private directory of their
 * journals; the user learns in one line whether the run can be resumed.
 *
 * The handler may only do what is async-signal-safe: it unlinks paths
 * recorded beforehand in fixed tables (report/outfile.c keeps those of the
 * temporaries, this file those of the workers and of --jobs' directory),
 * kills and reaps the recorded workers, writes a message built before the
 * run and calls _exit.  No malloc, no stdio.  A worker is also stopped
 * when its parent dies some other way (SIGKILL): PR_SET_PDEATHSIG, with
 * getppid() checked against the recorded parent for a parent that died
 * between fork and prctl.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include "cli/cli.h"
#include "cli/check.h"

static const char sc_signal_plain[] = "spikecheck: interrupted; nothing "
                                      "written\n";

/* the message; a resume line is built once the command has a journal */
static const char * volatile sc_signal_msg = sc_signal_plain;
static volatile size_t sc_signal_msglen = sizeof(sc_signal_plain) - 1;
static char * sc_signal_resume;

static int sc_signal_argc;
static char ** sc_signal_argv;
static pid_t sc_signal_parent;

/* --jobs: the workers running (0: a free slot) and the private directory
   of their journals (NULL: none, or kept for a resume) */
static volatile pid_t sc_signal_worker[SC_MAX_JOBS];
static char * volatile sc_signal_dir;
static char * const * volatile sc_signal_parts;
static volatile slong sc_signal_nparts;

static void
sc_signal_handler(int sig)
{
    int i, saved = errno;

    sc_outfile_remove_all();
    if (getpid() == sc_signal_parent)
    {
        for (i = 0; i < SC_MAX_JOBS; i++)
            if (sc_signal_worker[i] > 0)   /* never kill(0): our group */
                (void) kill(sc_signal_worker[i], SIGTERM);
        for (i = 0; i < SC_MAX_JOBS; i++)
            if (sc_signal_worker[i] > 0)
                while (waitpid(sc_signal_worker[i], NULL, 0) < 0
                       && errno == EINTR)
                    ;
        if (sc_signal_dir != NULL)
        {
            for (i = 0; i < sc_signal_nparts; i++)
                (void) unlink(sc_signal_parts[i]);
            (void) rmdir(sc_signal_dir);
        }
        if (write(2, sc_signal_msg, sc_signal_msglen) < 0)
            errno = saved;
    }
    _exit(128 + sig);
}

/* A signal ignored at the start stays ignored: nohup, and the background
   jobs of a script, which a Ctrl-C of the script must not stop. */
static void
sc_signal_install(int sig, const struct sigaction * sa)
{
    struct sigaction old;

    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    (void) sigaction(sig, sa, NULL);
}

void
sc_cli_signal_init(int argc, char ** argv)
{
    struct sigaction sa;

    sc_signal_argc = argc;
    sc_signal_argv = argv;
    sc_signal_parent = getpid();
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = sc_signal_handler;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);     /* one handler runs, never two */
    sigaddset(&sa.sa_mask, SIGTERM);
    sc_signal_install(SIGINT, &sa);
    sc_signal_install(SIGTERM, &sa);
}

void
sc_cli_signal_resumable(void)
{
    size_t len = 64, k;
    int i;
    char * w;

    flint_free(sc_signal_resume);
    for (i = 0; i < sc_signal_argc; i++)
    {
        w = sc_report_shell_quote(sc_signal_argv[i]);
        len += strlen(w) + 1;
        flint_free(w);
    }
    sc_signal_resume = flint_malloc(len);
    strcpy(sc_signal_resume, "spikecheck: interrupted; resume with:");
    k = strlen(sc_signal_resume);
    for (i = 0; i < sc_signal_argc; i++)
    {
        w = sc_report_shell_quote(sc_signal_argv[i]);
        sc_signal_resume[k++] = ' ';
        strcpy(sc_signal_resume + k, w);
        k += strlen(w);
        flint_free(w);
    }
    strcpy(sc_signal_resume + k, "\n");
    sc_signal_msglen = k + 1;
    sc_signal_msg = sc_signal_resume;
}

void
sc_cli_signal_clear(void)
{
    sc_signal_msg = sc_signal_plain;
    sc_signal_msglen = sizeof(sc_signal_plain) - 1;
    flint_free(sc_signal_resume);
    sc_signal_resume = NULL;
}

void
sc_cli_signal_worker(slong k, pid_t pid)
{
    if (k >= 0 && k < SC_MAX_JOBS)
        sc_signal_worker[k] = pid;
}

void
sc_cli_signal_jobs_dir(char * dir, char * const * parts, slong n)
{
    sc_signal_dir = NULL;       /* the handler never sees a half-set pair */
    sc_signal_nparts = n;
    sc_signal_parts = parts;
    sc_signal_dir = dir;
}

void
sc_cli_signal_child(void)
{
    slong k;

    /* the parent's workers and directory are not the child's business */
    for (k = 0; k < SC_MAX_JOBS; k++)
        sc_signal_worker[k] = 0;
    sc_signal_dir = NULL;
#ifdef __linux__
    (void) prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    if (getppid() != sc_signal_parent)  /* it died before prctl */
        _exit(128 + SIGTERM);
}
