/*
 * bench_dyn.c -- what a certified full-GD step costs (run by `make bench`,
 * not in CI).
 *
 * For the 16 x 6 Walsh-Hadamard case and for exactly whitened dense data
 * (sc_case_gen_whitened) of sizes 16 x 6, 64 x 16, 256 x 32, at 256 and
 * 1024 bits, prints:
 *   - the time of one full-GD step in balls (sc_dyn_run_full, point = 0:
 *     gradient, Jacobian and centred step; a one-step run is subtracted,
 *     so the once-per-run set-up is not counted),
 *   - the time of the arb_dot work of one plain gradient (n dots of length
 *     d for X~ w and d dots of length n for X~^T p: 2 n d terms), and their
 *     ratio: what the Jacobian and the ball bookkeeping cost on top, or,
 *     below 1, what the square loss saves by going through the exact
 *     X~^T X~ (when d < 2 n: O(d^2) a step, whatever n),
 *   - the time per step and per entry of X (n d): flat when the cost is
 *     linear in n d, falling when it grows more slowly,
 *   - reduced-recurrence steps per second,
 * then a table showing the cost is at most linear in the number of steps
 * and in n d: the three whitened sizes at 256 bits over S, 2 S and 4 S
 * steps.
 * Times are CPU time of the process (the machine may be shared), each the
 * median of BENCH_REPEATS measurements taken in turn, so a ratio compares
 * numbers from the same run.  Step counts adapt so that each measurement
 * takes about 0.1 s; the whole bench stays under a minute of CPU time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "cases/cases.h"
#include "data/data.h"
#include "dyn/dyn.h"

#define BENCH_TARGET_SECONDS 0.1
#define BENCH_REPEATS 5

/* CPU seconds of this process: other load on the machine does not count */
static double
now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* The median of the BENCH_REPEATS values of t (reordered). */
static double
median(double * t)
{
    qsort(t, BENCH_REPEATS, sizeof(double), cmp_double);
    return t[BENCH_REPEATS / 2];
}

static const slong hadamard_cols[6] = { 3, 5, 6, 9, 10, 12 };

/* The section 7 case; eta = 1 keeps it free of a rising edge (tame). */
static int
bench_case_hadamard(sc_case_t c)
{
    char err[SC_ERR_LEN];

    sc_case_set_dims(c, 16, 6);
    if (sc_case_gen_hadamard(c->X, c->y, 16, 6, hadamard_cols, NULL, 3, err,
                             sizeof err) != SC_OK)
    {
        fprintf(stderr, "hadamard: %s\n", err);
        return 0;
    }
    fmpq_one(fmpq_mat_entry(c->w0, 0, 0));
    fmpq_set_si(fmpq_mat_entry(c->w0, 1, 0), 1, 50);
    fmpq_set_si(c->gamma0, 1, 20);
    fmpq_set_si(c->eta, 1, 1);
    fmpq_set_si(c->eta_gamma, 1, 200);
    return 1;
}

/* Exactly whitened dense data, w0 near w* (rho0 = 1/10, ||w0|| = 1),
   eta = 1 / c^2 (below the [T2.1] bound: no rising edge). */
static int
bench_case_whitened(sc_case_t c, slong n, slong d, ulong seed)
{
    char err[SC_ERR_LEN];
    fmpq_t rho0, norm2;
    sc_data_t data;
    int ok = 1;

    fmpq_init(rho0);
    fmpq_init(norm2);
    sc_case_set_dims(c, n, d);
    if (sc_case_gen_whitened(c->X, c->y, n, d, seed, err, sizeof err)
        != SC_OK)
        ok = 0;
    fmpq_set_si(rho0, 1, 10);
    fmpq_one(norm2);
    if (ok && sc_case_init_near_reference(c->w0, c->X, c->y, rho0, norm2,
                                          seed + 1, err, sizeof err)
              != SC_OK)
        ok = 0;
    if (!ok)
        fprintf(stderr, "whitened %ld x %ld: %s\n", (long) n, (long) d,
                err);
    else
    {
        sc_data_init(data, c);
        fmpq_inv(c->eta, data->c2);
        sc_data_clear(data);
    }
    fmpq_set_si(c->gamma0, 1, 2);
    fmpq_set_si(c->eta_gamma, 1, 10);
    fmpq_clear(norm2);
    fmpq_clear(rho0);
    return ok;
}

/* Seconds per full-GD step over `steps` steps (c->steps is set);
   *done = steps run. */
static double
time_full(sc_case_t c, const sc_data_t data, slong steps, slong prec,
          slong * done)
{
    sc_traj_t T;
    double t0, t1;

    c->steps = steps;
    sc_traj_init(T, SC_TRAJ_FULL, c->d, steps);
    t0 = now_seconds();
    sc_dyn_run_full(T, c, data, 0, prec);
    t1 = now_seconds();
    *done = T->len - 1;
    if (T->stop[0] != '\0')
        fprintf(stderr, "  (full run stopped: %s)\n", T->stop);
    sc_traj_clear(T);
    return (*done > 0) ? (t1 - t0) / (double) *done : 0.0;
}

/* Seconds per reduced step, or -1 if [L7] does not apply. */
static double
time_reduced(sc_case_t c, const sc_data_t data, slong steps, slong prec)
{
    sc_traj_t T;
    char why[160];
    double t0, t1;
    int st;

    c->steps = steps;
    sc_traj_init(T, SC_TRAJ_REDUCED, c->d, steps);
    t0 = now_seconds();
    st = sc_dyn_run_reduced(T, c, data, 0, prec, why, sizeof why);
    t1 = now_seconds();
    if (st != SC_OK || T->len < 2)
    {
        sc_traj_clear(T);
        return -1.0;
    }
    if (T->stop[0] != '\0')
        fprintf(stderr, "  (reduced run stopped after %ld steps: %s)\n",
                (long) (T->len - 1), T->stop);
    t1 = (t1 - t0) / (double) (T->len - 1);
    sc_traj_clear(T);
    return t1;
}

/* Seconds for the 2 n d arb_dot terms of one gradient: n dots of length d
   (X~ w, stride 1) and d dots of length n (X~^T p, stride d). */
static double
time_dot_unit(const sc_data_t data, slong prec)
{
    slong i, j, n = data->n, d = data->d, reps = 0;
    arb_mat_t X;
    arb_ptr w = _arb_vec_init(d), p = _arb_vec_init(n);
    arb_ptr v = _arb_vec_init(n), g = _arb_vec_init(d);
    double t0, t1;

    arb_mat_init(X, n, d);
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
            arb_set_fmpq(arb_mat_entry(X, i, j),
                         fmpq_mat_entry(data->Xc, i, j), prec);
    for (j = 0; j < d; j++)
    {
        arb_set_si(w + j, 3 + j);
        arb_div_ui(w + j, w + j, 7, prec);
    }
    for (i = 0; i < n; i++)
    {
        arb_set_si(p + i, 1 + i);
        arb_div_ui(p + i, p + i, 13, prec);
    }
    t0 = now_seconds();
    do
    {
        for (i = 0; i < n; i++)
            arb_dot(v + i, NULL, 0, arb_mat_entry(X, i, 0), 1, w, 1, d,
                    prec);
        for (j = 0; j < d; j++)
            arb_dot(g + j, NULL, 0, arb_mat_entry(X, 0, j), d, p, 1, n,
                    prec);
        reps++;
        t1 = now_seconds();
    }
    while (t1 - t0 < 0.1);
    arb_mat_clear(X);
    _arb_vec_clear(g, d);
    _arb_vec_clear(v, n);
    _arb_vec_clear(p, n);
    _arb_vec_clear(w, d);
    return (t1 - t0) / (double) reps;
}

static void
bench_row(const char * label, sc_case_t c, slong prec)
{
    sc_data_t data;
    slong steps, done, k;
    double t_probe, t_step, t_dot, t_red, ts[BENCH_REPEATS], td[BENCH_REPEATS];

    sc_data_init(data, c);
    /* probe until a run takes 0.05 s, then size the run to the target
       time (heuristic: does not affect what is measured) */
    steps = 4;
    do
    {
        t_probe = time_full(c, data, steps, prec, &done);
        steps *= 4;
    }
    while (t_probe * (double) done < 0.05 && steps < 5000);
    steps = (t_probe > 0) ? (slong) (BENCH_TARGET_SECONDS / t_probe) : 100;
    steps = FLINT_MAX(8, FLINT_MIN(steps, 5000));
    for (k = 0; k < BENCH_REPEATS; k++)
    {
        /* a step's own cost: the run minus a one-step run (the model's
           set-up, X in balls and X~^T X~, is paid once per run) */
        ts[k] = time_full(c, data, steps, prec, &done);
        if (done > 1)
        {
            slong one;
            double t_one = time_full(c, data, 1, prec, &one);

            ts[k] = (ts[k] * (double) done - t_one * (double) one)
                    / (double) (done - one);
        }
        td[k] = time_dot_unit(data, prec);
    }
    t_step = median(ts);
    t_dot = median(td);
    t_red = time_reduced(c, data, 20000, prec);
    printf("%-18s %5ld %10ld %12.1f %12.2f %9.1f %10.1f", label, (long) prec,
           (long) done, 1e6 * t_step, 1e6 * t_dot, t_step / t_dot,
           1e9 * t_step / (double) (c->n * c->d));
    if (t_red > 0)
        printf(" %14.0f\n", 1.0 / t_red);
    else
        printf(" %14s\n", "n/a");
    fflush(stdout);
    sc_data_clear(data);
}

int
main(void)
{
    static const slong sizes[3][2] = { { 16, 6 }, { 64, 16 }, { 256, 32 } };
    static const slong precs[2] = { 256, 1024 };
    double t_start = now_seconds();
    slong i, k;

    printf("full GD step in balls (gradient + Jacobian + centred step) "
           "against the\n2 n d arb_dot terms of one plain gradient; "
           "reduced recurrence of [L7]\n\n");
    printf("%-18s %5s %10s %12s %12s %9s %10s %14s\n", "case", "prec",
           "steps", "us/step", "us/2nd-dot", "ratio", "ns/(st nd)",
           "reduced st/s");
    for (k = 0; k < 2; k++)
    {
        sc_case_t c;

        sc_case_init(c);
        if (bench_case_hadamard(c))
            bench_row("hadamard 16x6", c, precs[k]);
        sc_case_clear(c);
    }
    for (i = 0; i < 3; i++)
        for (k = 0; k < 2; k++)
        {
            sc_case_t c;
            char label[64];

            sc_case_init(c);
            snprintf(label, sizeof label, "whitened %ldx%ld",
                     (long) sizes[i][0], (long) sizes[i][1]);
            if (bench_case_whitened(c, sizes[i][0], sizes[i][1], 17 + i))
                bench_row(label, c, precs[k]);
            sc_case_clear(c);
        }

    /* linear in steps and in n d: each whitened size at 256 bits run
       for S, 2 S and 4 S steps (S: about 0.08 s of steps).  Linear cost
       a + b steps shows as T(4S) - T(2S) = 2 (T(2S) - T(S)); the cost
       per step b, per entry of X, is flat across sizes when it is linear
       in n d. */
    printf("\nat most linear in steps and in n d (whitened data, 256 bits; "
           "CPU ms of whole\nruns, the increment ratio (T(4S) - T(2S)) / "
           "(T(2S) - T(S)), 2.00 = linear, and\nthe cost per step (T(4S) - "
           "T(S)) / 3S per entry of X):\n");
    printf("%-18s %6s %10s %10s %10s %8s %11s\n", "case", "S", "T(S)",
           "T(2S)", "T(4S)", "incr", "ns/(st nd)");
    for (i = 0; i < 3; i++)
    {
        sc_case_t c;
        sc_data_t data;
        slong s0, done, j;
        double t[BENCH_REPEATS], m[3], b;
        char label[64];

        sc_case_init(c);
        snprintf(label, sizeof label, "whitened %ldx%ld", (long) sizes[i][0],
                 (long) sizes[i][1]);
        if (bench_case_whitened(c, sizes[i][0], sizes[i][1], 17 + i))
        {
            sc_data_init(data, c);
            /* the per-step cost from 16 steps minus 8 (set-up cancels) */
            t[0] = time_full(c, data, 16, 256, &done) * 16.0
                   - time_full(c, data, 8, 256, &done) * 8.0;
            s0 = (slong) (0.08 / FLINT_MAX(t[0] / 8.0, 1e-7));
            s0 = FLINT_MAX(8, FLINT_MIN(s0, 2500));
            for (j = 0; j < 3; j++)
            {
                for (k = 0; k < BENCH_REPEATS; k++)
                    t[k] = time_full(c, data, s0 << j, 256, &done)
                           * (double) (s0 << j);
                m[j] = median(t);
            }
            b = (m[2] - m[0]) / (double) (3 * s0);
            printf("%-18s %6ld %10.2f %10.2f %10.2f %8.2f %11.1f\n", label,
                   (long) s0, 1e3 * m[0], 1e3 * m[1], 1e3 * m[2],
                   (m[2] - m[1]) / (m[1] - m[0]),
                   1e9 * b / (double) (c->n * c->d));
            sc_data_clear(data);
        }
        sc_case_clear(c);
    }
    printf("total bench time %.1f s\n", now_seconds() - t_start);
    flint_cleanup();
    return 0;
}
