/*
 * plot.c -- the trajectory plots of the HTML report, drawn by gnuplot (an
 * established tool, not hand-written SVG): rho_t on a log scale, h_t
 * against the threshold Theta(rho_t), gamma_t and ||w_t||^2, and the loss;
 * and the sharpness panel (BEYOND.md s.2-3): lambda_max(H) against 2/eta,
 * lambda_max(P^1/2 H P^1/2) against 2, kappa(V_t) and rho(J_t).
 * The numbers arrive as doubles for display only.  When gnuplot is
 * missing or fails the caller gets SC_UNABLE with gnuplot's message, which
 * the report shows where the plot would be.
 *
 * Case files are not trusted, and gnuplot is an interpreter (system(),
 * backquotes, @macros).  No text of a case reaches a script except through
 * sc_plot_label, which drops what could end its string or run something
 * (and every label is set noenhanced); the data go through a file of
 * numbers; the files live in a fresh private directory (mkdtemp), so no
 * other user can plant a link under their names; gnuplot runs there by
 * fork and exec, no shell, with the script on stdin.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "report/report.h"
#include "report/plot.h"

/* the most of gnuplot's stderr a report shows */
#define SC_PLOT_WHY 1200

static char *
sc_plot_strdup(const char * s)
{
    char * r = flint_malloc(strlen(s) + 1);

    strcpy(r, s);
    return r;
}

/* dir/name */
static const char *
sc_plot_path(char * buf, const char * dir, const char * name)
{
    snprintf(buf, SC_PLOT_FILE, "%s/%s", dir, name);
    return buf;
}

/* The file at path (NUL-terminated; at most max bytes, the last ones, if
   max > 0), or NULL. */
static char *
sc_plot_slurp(const char * path, long max)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    long n;

    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    if (n < 0)
    {
        fclose(f);
        return NULL;
    }
    if (max > 0 && n > max)
    {
        fseek(f, n - max, SEEK_SET);
        n = max;
    }
    else
        fseek(f, 0, SEEK_SET);
    buf = flint_malloc(n + 1);
    if (fread(buf, 1, n, f) != (size_t) n)
    {
        flint_free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static const char * const sc_plot_names[] = { "script", "data",
                                              "plot.svg", "stderr" };
#define SC_PLOT_NAMES 4

/* The directory of the plot being drawn (one at a time) and its files,
   for a signal handler that removes them (sc_outfile_remove_all). */
static char sc_plot_live[SC_PLOT_NAMES + 1][SC_PLOT_FILE];

static void
sc_plot_track(const char * dir, int on)
{
    int i;

    if (on)
        for (i = 0; i < SC_PLOT_NAMES; i++)
            sc_plot_path(sc_plot_live[i], dir, sc_plot_names[i]);
    if (on)
        snprintf(sc_plot_live[SC_PLOT_NAMES], SC_PLOT_FILE, "%s", dir);
    for (i = 0; i <= SC_PLOT_NAMES; i++)
        sc_outfile_track(sc_plot_live[i], i == SC_PLOT_NAMES, on);
}

/* A fresh private directory (mode 0700) for the script, the data, the
   SVG and gnuplot's stderr; sc_plot_cleanup removes it.  *why on
   failure. */
static int
sc_plot_temp(char * dir, char ** why)
{
    const char * base = getenv("TMPDIR");

    if (base == NULL || base[0] != '/' || strlen(base) >= SC_PLOT_PATH - 64)
        base = "/tmp";
    snprintf(dir, SC_PLOT_PATH, "%s/spikecheck-plot-XXXXXX", base);
    if (mkdtemp(dir) == NULL)
    {
        char msg[SC_PLOT_PATH + 64];

        snprintf(msg, sizeof(msg), "cannot make a temporary directory in "
                 "%s: %s", base, strerror(errno));
        *why = sc_plot_strdup(msg);
        return SC_EIO;
    }
    sc_plot_track(dir, 1);
    return SC_OK;
}

static void
sc_plot_cleanup(const char * dir)
{
    char path[SC_PLOT_FILE];
    size_t i;

    for (i = 0; i < SC_PLOT_NAMES; i++)
        remove(sc_plot_path(path, dir, sc_plot_names[i]));
    rmdir(dir);
    sc_plot_track(dir, 0);
}

/* The child: in dir, the script on stdin, stdout to /dev/null, stderr to
   dir/stderr, then gnuplot itself (no shell). */
static void
sc_plot_child(const char * dir)
{
    char * const argv[] = { "gnuplot", NULL };
    int in, out, err;

    if (chdir(dir) != 0)
        _exit(126);
    in = open("script", O_RDONLY);
    out = open("/dev/null", O_WRONLY);
    err = open("stderr", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0
        || dup2(err, 2) < 0)
        _exit(126);
    execvp("gnuplot", argv);
    if (errno == ENOENT)
        fputs("gnuplot is not installed (apt-get install gnuplot-nox)", stderr);
    else
        fprintf(stderr, "cannot run gnuplot: %s", strerror(errno));
    _exit(127);
}

/* What went wrong, from the exit status and gnuplot's stderr. */
static char *
sc_plot_why(const char * dir, int status)
{
    char path[SC_PLOT_FILE], * err, * why;
    size_t n;

    err = sc_plot_slurp(sc_plot_path(path, dir, "stderr"), SC_PLOT_WHY);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err != NULL)
        return err;
    n = (err != NULL ? strlen(err) : 0) + 80;
    why = flint_malloc(n);
    if (WIFEXITED(status))
        snprintf(why, n, "gnuplot failed (exit %d)%s%s",
                 WEXITSTATUS(status), err != NULL && err[0] ? ": " : "",
                 err != NULL ? err : "");
    else
        snprintf(why, n, "gnuplot was killed (signal %d)",
                 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    flint_free(err);
    return why;
}

/* Runs gnuplot on script in dir (which holds the data file), by fork and
   exec with the script on stdin: no shell and no pipe, and since the
   script names its files relative to dir, no temporary path reaches it
   or its messages.  *svg on success, else *why (gnuplot's stderr when it
   failed); dir is removed either way. */
int
sc_plot_run(char ** svg, char ** why, const char * dir, const char * script)
{
    char path[SC_PLOT_FILE];
    FILE * f = fopen(sc_plot_path(path, dir, "script"), "w");
    int status = 0, ok;
    pid_t pid;

    ok = f != NULL && fputs(script, f) >= 0;
    ok = (f != NULL && fclose(f) == 0) && ok;
    pid = ok ? fork() : -1;
    if (pid == 0)
        sc_plot_child(dir);
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        *svg = sc_plot_slurp(sc_plot_path(path, dir, "plot.svg"), 0);
    if (*svg == NULL)
        *why = pid > 0 ? sc_plot_why(dir, status)
                       : sc_plot_strdup(ok ? "cannot start gnuplot (fork "
                                        "failed)" : "cannot write the "
                                        "gnuplot script");
    sc_plot_cleanup(dir);
    return *svg != NULL ? SC_OK : SC_UNABLE;
}

/* Makes the private directory and opens its data file for writing: *f,
   or SC_EIO with *why. */
int
sc_plot_open(char * dir, FILE ** f, char ** why)
{
    char path[SC_PLOT_FILE];

    *f = NULL;
    if (sc_plot_temp(dir, why) != SC_OK)
        return SC_EIO;
    *f = fopen(sc_plot_path(path, dir, "data"), "w");
    if (*f != NULL)
        return SC_OK;
    *why = sc_plot_strdup("cannot write the data file for gnuplot");
    sc_plot_cleanup(dir);
    return SC_EIO;
}

/* Closes the data file; SC_EIO with *why (dir removed) when writing
   failed. */
int
sc_plot_close(const char * dir, FILE * f, char ** why)
{
    if (fclose(f) == 0)
        return SC_OK;
    *why = sc_plot_strdup("cannot write the data file for gnuplot");
    sc_plot_cleanup(dir);
    return SC_EIO;
}

/* A label for a gnuplot single-quoted string: printable ASCII is kept but
   for the quote that would end the string, the backquote (gnuplot 5.4 runs
   `command` even inside single quotes), '@' (macros) and the backslash;
   every other byte (control characters, newline, bytes of multi-byte
   UTF-8) becomes '?'.  Every string that takes a label is set
   noenhanced, so _ ^ { } & ~ are shown as they are (rho_exit, [T3.b-H],
   t > 0): the label can run nothing and reads as it was written. */
void
sc_plot_label(char * out, size_t len, const char * in)
{
    static const char drop[] = "'`@\\";
    size_t i;

    if (len == 0)
        return;
    for (i = 0; in[i] != '\0' && i + 1 < len; i++)
    {
        unsigned char ch = (unsigned char) in[i];

        out[i] = (ch >= 0x20 && ch < 0x7f && strchr(drop, ch) == NULL)
                 ? (char) ch : '?';
    }
    out[i] = '\0';
}

/* Whether v[0 .. n) has a value to plot: finite, and > 0 for a log
   scale.  heuristic: display only */
static int
sc_plot_has(const double * v, slong n, int log_scale)
{
    slong t;

    for (t = 0; t < n; t++)
        if (isfinite(v[t]) && (!log_scale || v[t] > 0))
            return 1;
    return 0;
}

/* Appends to the script at *pos a panel: plot (with its settings) when
   the data have something to draw, else an empty panel that says note.
   gnuplot refuses a plot whose every point is undefined ("all points y
   value undefined!"), which is what a logistic case without a reference
   direction (rho, h all NaN) gave, and then the whole figure was lost. */
static void
sc_plot_panel(char * script, size_t len, size_t * pos, int has,
              const char * plot, const char * note)
{
    if (*pos >= len)
        return;
    if (has)
        *pos += snprintf(script + *pos, len - *pos, "%s", plot);
    else
        *pos += snprintf(script + *pos, len - *pos, "unset logscale y\n"
                         "set yrange [0:1]\nunset ytics\nset label 1 '%s' "
                         "at graph 0.5, graph 0.5 center\nplot -1 notitle\n"
                         "unset label 1\nset ytics\nset yrange [*:*]\n",
                         note);
}

int
sc_plot_svg(char ** svg, char ** why, const sc_plot_struct * p)
{
    char dir[SC_PLOT_PATH], title[160], script[4096], plot[512];
    /* short runs (a saved counterexample is 1 or 2 steps) get markers:
       a line through two points is easily missed */
    const char * w = p->len <= 40 ? "lp pt 7 ps 0.6" : "l";
    size_t pos;
    slong t;
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    for (t = 0; t < p->len; t++)
        fprintf(f, "%ld %.10g %.10g %.10g %.10g %.10g %.10g %d\n", (long) t,
                p->rho[t], p->h[t], p->theta[t], p->gamma[t], p->W[t],
                p->loss[t], p->rising[t]);
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(title, sizeof(title), p->title);
    pos = (size_t) snprintf(script, sizeof(script),
        "set terminal svg size 900,640 font 'sans,10' background '#ffffff'\n"
        "set output 'plot.svg'\n"
        "set multiplot layout 2,2 title '%s' noenhanced\n"
        "set xlabel 't'\nset key top left\nset grid\nset xrange [0:%ld]\n",
        title, (long) FLINT_MAX(p->len - 1, 1));
    snprintf(plot, sizeof(plot), "set logscale y\nset format y '10^{%%L}'\n"
             "plot 'data' u 1:2 w %s lw 1.5 t 'rho_t', "
             "'' u 1:($8 > 0 ? $2 : 1/0) w p pt 7 ps 0.3 t 'rising'\n"
             "unset logscale y\nset format y '%%g'\n", w);
    sc_plot_panel(script, sizeof(script), &pos, sc_plot_has(p->rho, p->len, 1),
                  plot, "rho_t is not defined for this case (no reference "
                  "direction)");
    snprintf(plot, sizeof(plot), "plot 'data' u 1:3 w %s lw 1.5 t 'h_t'%s\n",
             w, sc_plot_has(p->theta, p->len, 0)
             ? ", '' u 1:4 w l dt 2 t 'Theta(rho_t)'" : "");
    sc_plot_panel(script, sizeof(script), &pos, sc_plot_has(p->h, p->len, 0),
                  plot, "h_t and Theta(rho_t) are not defined for this case");
    snprintf(plot, sizeof(plot), "plot 'data' u 1:5 w %s lw 1.5 t "
             "'gamma_t', '' u 1:6 w %s t '||w_t||^2'\n", w, w);
    sc_plot_panel(script, sizeof(script), &pos,
                  sc_plot_has(p->gamma, p->len, 0)
                  || sc_plot_has(p->W, p->len, 0), plot,
                  "gamma_t and ||w_t||^2 are not finite");
    snprintf(plot, sizeof(plot), "set logscale y\nset format y '10^{%%L}'\n"
             "plot 'data' u 1:7 w %s lw 1.5 t 'loss'\n", w);
    sc_plot_panel(script, sizeof(script), &pos,
                  sc_plot_has(p->loss, p->len, 1), plot,
                  "the loss is not positive and finite");
    if (pos < sizeof(script))
        snprintf(script + pos, sizeof(script) - pos, "unset multiplot\n");
    return sc_plot_run(svg, why, dir, script);
}

/* ---- [F3] Figure 3: certified run beside the float run ------------------ */

/* rho and the loss with 17 digits: the deviation panel needs the float
   run's last bits. */
static void
sc_plot_f3_write_data(FILE * f, const sc_f3_view_struct * V)
{
    slong t;

    for (t = 0; t < V->len; t++)
        fprintf(f, "%ld %.17g %.17g %.10g %.10g %.10g %.17g %.17g %.10g "
                "%.10g %.10g %.10g\n", (long) t, V->rho_c[t], V->rho_f[t],
                V->h_c[t], V->theta_c[t], V->h_f[t], V->loss_c[t],
                V->loss_f[t], V->gamma_c[t], V->gamma_f[t], V->W_c[t],
                V->W_f[t]);
}

/* Vertical lines at the certified onset (grey) and where the float run
   parts (red), on every panel that follows. */
static size_t
sc_plot_f3_marks(char * buf, size_t len, const sc_f3_view_struct * V)
{
    size_t pos = 0;

    if (V->onset_c >= 0)
        pos += snprintf(buf + pos, len - pos, "set arrow 1 from %ld, graph 0 "
                        "to %ld, graph 1 nohead lc rgb '#888888' dt 3\n",
                        (long) V->onset_c, (long) V->onset_c);
    if (V->onset_f >= 0 && pos < len)
        pos += snprintf(buf + pos, len - pos, "set arrow 2 from %ld, graph 0 "
                        "to %ld, graph 1 nohead lc rgb '#cc0000' dt 3\n",
                        (long) V->onset_f, (long) V->onset_f);
    return pos;
}

int
sc_plot_figure3_svg(char ** svg, char ** why, const sc_f3_view_struct * V,
                    const char * title)
{
    char dir[SC_PLOT_PATH], label[160], script[8192], marks[400];
    const char * top;
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    sc_plot_f3_write_data(f, V);
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(label, sizeof(label), title);
    sc_plot_f3_marks(marks, sizeof(marks), V);
    /* without a reference direction (non-separable logistic data) the top
       row shows ||w_t||^2 and gamma_t instead of rho_t and h_t; h_t and
       Theta share rho's log axis (Theta grows without bound as rho -> 1).  top is an
       argument of a %s, not a format: one % for gnuplot's own formats */
    top = V->has_ref
        ? "set logscale y\nset format y '10^{%L}'\nset title 'rho_t'\n"
          "plot 'data' u 1:2 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:3 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
          "set title 'h_t against Theta(rho_t)'\nset key bottom right\n"
          "plot '' u 1:4 w l lw 2 lc rgb '#1f5fa8' t 'h_t certified', "
          "'' u 1:5 w l lw 1.5 lc rgb '#222222' dt 4 t 'Theta(rho_t)', "
          "'' u 1:6 w l lw 1 lc rgb '#cc0000' dt 2 t 'h_t float64'\n"
          "unset logscale y\nset format y '%g'\nset key top left\n"
        : "set logscale y\nset format y '%g'\nset title '||w_t||^2'\n"
          "plot 'data' u 1:11 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:12 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
          "unset logscale y\nset title 'gamma_t'\n"
          "plot '' u 1:9 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:10 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n";
    {
        size_t pos;

        pos = (size_t) snprintf(script, sizeof(script),
            "set terminal svg size 1000,700 font 'sans,10' "
            "background '#ffffff'\nset output 'plot.svg'\n"
            "set multiplot layout 2,2 title '%s' noenhanced\n"
            "set xlabel 't'\nset key top left\nset grid\n%s%s",
            label, marks, top);
        snprintf(script + pos, sizeof(script) - pos,
            "set logscale y\nset format y '10^{%%L}'\nset title 'loss'\n"
            "set key bottom left\n"
            "plot 'data' u 1:7 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
            "'' u 1:8 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
            "set title 'float64 relative deviation from the certified run'\n"
            "set key top left\n"
            "set yrange [1e-18:*]\n"
            "plot '' u 1:(abs($8 - $7) / abs($7) > 1e-18 ? "
            "abs($8 - $7) / abs($7) : 1e-18) w l lw 1.5 lc rgb '#cc0000' "
            "t 'loss', %s 2**-53 w l lc rgb '#888888' dt 2 t '2^{-53}'\n"
            "unset multiplot\n", V->has_ref
            ? "'' u 1:(abs($3 - $2) / abs($2) > 1e-18 ? abs($3 - $2) / "
              "abs($2) : 1e-18) w l lw 1 lc rgb '#1f5fa8' t 'rho',"
            : "");
    }
    return sc_plot_run(svg, why, dir, script);
}

/* ---- BEYOND.md s.2-3: sharpness and non-normality ----------------------- */

/* The least of the sharpness series when all of them are positive and
   finite, else 0: a log axis then shows 2/eta and lambda_max together
   when they are orders apart (a linear one flattened lambda_max to the
   axis on a small-eta case). */
static double
sc_plot_sharp_floor(const sc_plot_sharp_struct * p)
{
    double lo = 0;
    slong t;

    for (t = 0; t < p->len; t++)
    {
        double x = p->lmax[t] < p->lmaxP[t] ? p->lmax[t] : p->lmaxP[t];

        if (!(x > 0) || !isfinite(x) || !isfinite(p->lmax[t] + p->lmaxP[t]))
            return 0;
        if (t == 0 || x < lo)
            lo = x;
    }
    return lo;
}

int
sc_plot_svg_sharp(char ** svg, char ** why, const sc_plot_sharp_struct * p)
{
    char dir[SC_PLOT_PATH], title[160], script[4096], axis[96];
    double lo = sc_plot_sharp_floor(p);
    slong t;
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    for (t = 0; t < p->len; t++)
        fprintf(f, "%ld %.10g %.10g %.10g %.10g %d\n", (long) t, p->lmax[t],
                p->lmaxP[t], p->kappa[t], p->rhoJ[t], p->rising[t]);
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(title, sizeof(title), p->title);
    /* rising steps marked below the curves: at lo/2 on a log axis */
    if (lo > 0 && p->thr > 0)
        snprintf(axis, sizeof(axis), "set logscale y\nset format y '%%g'\n"
                 "r = %.10g\n", lo / 2);
    else
        snprintf(axis, sizeof(axis), "r = 0.02\n");
    snprintf(script, sizeof(script),
        "set terminal svg size 900,400 font 'sans,10' background '#ffffff'\n"
        "set output 'plot.svg'\n"
        "set termoption noenhanced\n"
        "set multiplot layout 1,2 title '%s' noenhanced\n"
        "set xlabel 't'\nset key outside bottom center horizontal\n"
        "set grid\n%s"
        "plot 'data' u 1:2 w l lw 1.5 t 'lambda_max(H)', "
        "'' u 1:3 w l lw 1.5 t 'lambda_max(P^1/2 H P^1/2)', "
        "'' u 1:(%.10g) w l dt 2 t '2/eta', '' u 1:(2) w l dt 3 t '2', "
        "'' u 1:($6 > 0 ? r : 1/0) w p pt 7 ps 0.3 t 'rising'\n"
        "unset logscale y\nset format y '%%g'\n"
        "plot 'data' u 1:4 w l lw 1.5 t 'kappa(V_t), unit columns', "
        "'' u 1:5 w l lw 1.5 t 'rho(J_t)'\n"
        "unset multiplot\n",
        title, axis, p->thr);
    return sc_plot_run(svg, why, dir, script);
}

/* ---- family plots (sweep, theorems/families) ---------------------------- */

int
sc_plot_family_svg(char ** svg, char ** why, const sc_fam_plot_struct * P)
{
    static const char * const color[] = { "#1f5fa8", "#cc0000", "#222222",
        "#2a9d3a", "#8a4fbf", "#d08000" };
    char dir[SC_PLOT_PATH], label[160], xl[64], yl[64], script[8192];
    size_t pos;
    slong k, i, idx = 0;
    int has[SC_FAM_MAX_SERIES];
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    /* a series without a finite point has no block (gnuplot refuses an
       empty index) and no key entry */
    for (k = 0; k < P->nseries; k++)
    {
        for (i = 0, has[k] = 0; i < P->s[k].n; i++)
            if (isfinite(P->s[k].x[i]) && isfinite(P->s[k].y[i])
                && (!P->logx || P->s[k].x[i] > 0)
                && (!P->logy || P->s[k].y[i] > 0))
            {
                fprintf(f, "%.17g %.17g\n", P->s[k].x[i], P->s[k].y[i]);
                has[k] = 1;
            }
        if (has[k])
            fputs("\n\n", f);
    }
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(label, sizeof(label), P->title);
    sc_plot_label(xl, sizeof(xl), P->xlabel);
    sc_plot_label(yl, sizeof(yl), P->ylabel);
    pos = (size_t) snprintf(script, sizeof(script),
        "set terminal svg size 900,560 font 'sans,10' background '#ffffff'\n"
        "set output 'plot.svg'\nset title '%s' noenhanced\n"
        "set xlabel '%s' noenhanced\nset ylabel '%s' noenhanced\n"
        "set key outside right top noenhanced\nset grid\nset offsets "
        "graph 0.05, graph 0.05, graph 0.05, graph 0.05\n%s%s"
        "plot", label, xl, yl, P->logx ? "set logscale x\n" : "",
        P->logy ? "set logscale y\n" : "");
    for (k = 0; k < P->nseries && pos < sizeof(script); k++)
    {
        char lab[64];

        if (!has[k])
            continue;
        sc_plot_label(lab, sizeof(lab), P->s[k].label);
        pos += (size_t) snprintf(script + pos, sizeof(script) - pos,
            "%s '%s' index %ld u 1:2 %s lc rgb '%s' t '%s'", idx ? "," : "",
            idx ? "" : "data", (long) idx,
            P->s[k].lines ? "w l lw 2" : "w p pt 7 ps 0.9",
            color[k % 6], lab);
        idx++;
    }
    if (idx == 0)
        pos += (size_t) snprintf(script + pos, sizeof(script) - pos,
                                 " 1/0 t 'no point to draw'");
    if (pos < sizeof(script))
        snprintf(script + pos, sizeof(script) - pos, "\n");
    return sc_plot_run(svg, why, dir, script);
}
