/*
 * check_jobs.c -- `check --jobs N`: the cases run in N worker processes,
 * each into a journal of its own, and the parent reads the journals back
 * in case order.  A journal holds every record, float-view line and figure
 * exactly (journal_entry.c; `merge` relies on the same), so the report,
 * the table and the exit code are byte for byte those of one process,
 * whatever N.
 *
 * Processes (fork), not threads: a case run touches Arb's and FLINT's
 * caches and the context's trajectories, and a worker that crashes takes
 * only its own cases with it.  Worker k runs the cases i = k (mod N), so
 * that the long cases of a suite (they come in families) spread over the
 * workers.  With --journal FILE the workers' journals are FILE.1 .. FILE.N
 * and a rerun with the same N resumes each of them; without, they live in
 * a temporary directory that is removed at the end, or kept (and named)
 * when a worker failed, so that the finished cases can be resumed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli/check.h"

/* Runs the cases k, k + jobs, ... into the journal part and leaves the
   process: 0 when every case is journalled, 1 otherwise (the message is
   printed).  The memory goes with the process. */
static void
sc_jobs_worker(const sc_check_opts * o, sc_case_struct * cases, slong n,
               slong k, slong jobs, const char * part)
{
    sc_report_t R;
    int rc;

    sc_report_init(R);
    rc = sc_cli_check_run(R, o, cases, n, k, jobs, part);
    fflush(stderr);
    _exit(rc == SC_OK ? 0 : 1);
}

/* Starts the workers and waits for all of them; SC_OK when every one
   finished its cases. */
static int
sc_jobs_spawn(const sc_check_opts * o, sc_case_struct * cases, slong n,
              char ** parts, slong jobs)
{
    pid_t * pid = flint_malloc(jobs * sizeof(pid_t));
    slong k, started = 0, failed = 0;
    int st = 0;

    fflush(stdout);             /* else the workers would repeat it */
    fflush(stderr);
    for (k = 0; k < jobs; k++, started++)
    {
        pid[k] = fork();
        if (pid[k] == 0)
            sc_jobs_worker(o, cases, n, k, jobs, parts[k]);
        if (pid[k] < 0)
        {
            fprintf(stderr, "spikecheck: --jobs: cannot start worker %ld: "
                    "%s\n", (long) (k + 1), strerror(errno));
            failed++;
            break;
        }
    }
    for (k = 0; k < started; k++)
    {
        pid_t got;

        while ((got = waitpid(pid[k], &st, 0)) < 0 && errno == EINTR)
            ;
        if (got < 0)
        {
            fprintf(stderr, "spikecheck: --jobs: worker %ld of %ld: %s\n",
                    (long) (k + 1), (long) jobs, strerror(errno));
            failed++;
        }
        else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        {
            fprintf(stderr, "spikecheck: --jobs: worker %ld of %ld failed "
                    "(%s %d)\n", (long) (k + 1), (long) jobs,
                    WIFEXITED(st) ? "exit" : "signal",
                    WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
            failed++;
        }
    }
    flint_free(pid);
    return failed == 0 ? SC_OK : SC_EIO;
}

/* Reads every case back into R in case order from the part that ran it. */
static int
sc_jobs_collect(sc_report_t R, const sc_check_opts * o,
                const sc_case_struct * cases, slong n, char ** parts,
                slong jobs)
{
    sc_journal_struct * J = flint_malloc(jobs * sizeof(*J));
    char err[SC_ERR_LEN], fp[4096];
    slong i, k, opened = 0;
    int rc = SC_OK;

    sc_cli_check_fingerprint(fp, sizeof(fp), o);
    for (k = 0; k < jobs && rc == SC_OK; k++, opened++)
        if (sc_journal_open(J + k, parts[k], fp, err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            rc = SC_EIO;
        }
    for (i = 0; i < n && rc == SC_OK; i++)
        if (sc_journal_restore(R, J + i % jobs, cases[i].path,
                               cases[i].digest) != 1)
        {
            fprintf(stderr, "spikecheck: %s: no complete entry of %s\n",
                    parts[i % jobs], cases[i].path);
            rc = SC_EIO;
        }
    for (k = 0; k < opened; k++)       /* a failed open is cleared too */
        sc_journal_clear(J + k);
    flint_free(J);
    return rc;
}

int
sc_cli_check_jobs(sc_report_t R, const sc_check_opts * o,
                  sc_case_struct * cases, slong n)
{
    slong k, jobs = FLINT_MIN(o->jobs, FLINT_MAX(n, 1));
    char ** parts = flint_calloc(jobs, sizeof(char *));
    char * dir = NULL;
    const char * tmp = getenv("TMPDIR");
    size_t len;
    int rc = SC_OK;

    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    if (o->journal == NULL)
    {
        len = strlen(tmp) + 32;
        dir = flint_malloc(len);
        snprintf(dir, len, "%s/spikecheck-jobs.XXXXXX", tmp);
        if (mkdtemp(dir) == NULL)
        {
            fprintf(stderr, "spikecheck: --jobs: cannot create a temporary "
                    "directory %s: %s\n", dir, strerror(errno));
            flint_free(dir);
            flint_free(parts);
            return SC_EIO;
        }
    }
    for (k = 0; k < jobs; k++)
    {
        len = strlen(dir != NULL ? dir : o->journal) + 32;
        parts[k] = flint_malloc(len);
        snprintf(parts[k], len, dir != NULL ? "%s/part.%ld" : "%s.%ld",
                 dir != NULL ? dir : o->journal, (long) (k + 1));
    }
    rc = sc_jobs_spawn(o, cases, n, parts, jobs);
    if (rc == SC_OK)
        rc = sc_jobs_collect(R, o, cases, n, parts, jobs);
    /* after a failure the finished cases stay resumable */
    if (rc != SC_OK && dir != NULL)
        fprintf(stderr, "spikecheck: --jobs: the finished cases are kept in "
                "%s: add --journal %s/part --jobs %ld to resume\n", dir, dir,
                (long) jobs);
    for (k = 0; k < jobs; k++)
    {
        if (dir != NULL && rc == SC_OK)
            (void) unlink(parts[k]);
        flint_free(parts[k]);
    }
    if (dir != NULL && rc == SC_OK)
        (void) rmdir(dir);
    flint_free(dir);
    flint_free(parts);
    return rc;
}
