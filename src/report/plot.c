/*
 * plot.c -- the trajectory plots of the HTML report, drawn by gnuplot (an
 * established tool, not hand-written SVG): rho_t on a log scale, h_t
 * against the threshold Theta(rho_t), gamma_t and ||w_t||^2, and the loss;
 * and the sharpness panel (BEYOND.md s.2-3): lambda_max(H) against 2/eta,
 * lambda_max(P^1/2 H P^1/2) against 2, kappa(V_t) and rho(J_t).
 * The numbers arrive as doubles for display only.  Without gnuplot the
 * caller gets SC_UNABLE and the report says where the plot would be.
 *
 * Case files are not trusted, and gnuplot is an interpreter (system(),
 * backquotes, @macros).  No text of a case reaches a script except through
 * sc_plot_label, which keeps a short list of inert characters; the data go
 * through a file of numbers; the files live in a fresh private directory
 * (mkdtemp), so no other user can plant a link under their names.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "report/report.h"

/* the temporary directory, data file and output paths */
#define SC_PLOT_PATH 256

static char *
sc_plot_slurp(const char * path)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    long n;

    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = flint_malloc(n + 1);
    if (n < 0 || fread(buf, 1, n, f) != (size_t) n)
    {
        flint_free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int
sc_plot_write_data(const char * path, const sc_plot_struct * p)
{
    FILE * f = fopen(path, "w");
    slong t;

    if (f == NULL)
        return SC_EIO;
    for (t = 0; t < p->len; t++)
        fprintf(f, "%ld %.10g %.10g %.10g %.10g %.10g %.10g %d\n", (long) t,
                p->rho[t], p->h[t], p->theta[t], p->gamma[t], p->W[t],
                p->loss[t], p->rising[t]);
    return fclose(f) == 0 ? SC_OK : SC_EIO;
}

static void
sc_plot_cleanup(const char * dir, const char * dat, const char * out)
{
    remove(dat);
    remove(out);
    rmdir(dir);
}

/* Runs gnuplot on script (which reads dat and writes out), removes dat,
   out and their directory, and returns the SVG in *svg. */
static int
sc_plot_run(char ** svg, const char * dir, const char * dat,
            const char * out, const char * script)
{
    struct sigaction ign, old;
    FILE * g;
    int rc;

    /* when gnuplot is missing, its shell may exit before the script is
       written: the write must fail (EPIPE, then pclose != 0), not kill
       the whole run with SIGPIPE */
    memset(&ign, 0, sizeof(ign));
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    g = popen("gnuplot > /dev/null 2>&1", "w");
    if (g == NULL)
    {
        sigaction(SIGPIPE, &old, NULL);
        sc_plot_cleanup(dir, dat, out);
        return SC_UNABLE;
    }
    fputs(script, g);
    rc = pclose(g);
    sigaction(SIGPIPE, &old, NULL);
    if (rc == 0)
        *svg = sc_plot_slurp(out);
    sc_plot_cleanup(dir, dat, out);
    return *svg != NULL ? SC_OK : SC_UNABLE;
}

/* A fresh private directory (mode 0700) holding the data file dat and
   the output out; sc_plot_run removes all three. */
static int
sc_plot_temp(char * dir, char * dat, char * out, size_t len)
{
    const char * base = getenv("TMPDIR");
    char safe[SC_PLOT_PATH];

    /* the paths enter the script: a TMPDIR that is not plainly safe
       (relative, long, or with a character sc_plot_label would change)
       gives way to /tmp */
    if (base != NULL && strlen(base) < sizeof(safe) - 64)
        sc_plot_label(safe, sizeof(safe), base);
    if (base == NULL || base[0] != '/' || strlen(base) >= sizeof(safe) - 64
        || strcmp(safe, base) != 0)
        base = "/tmp";
    snprintf(dir, len, "%s/spikecheck-plot-XXXXXX", base);
    if (mkdtemp(dir) == NULL)
        return SC_EIO;
    snprintf(dat, len, "%s/data", dir);
    snprintf(out, len, "%s/plot.svg", dir);
    return SC_OK;
}

/* A label for a gnuplot single-quoted string: letters, digits and
   " ,.:()+=/-" are kept, every other byte becomes '?'.  None of the kept
   characters is special to gnuplot's parser (quote, backquote, @, newline)
   or to its enhanced text mode (_ ^ { } @ & ~ \), so the label is shown as
   it is and can run nothing. */
void
sc_plot_label(char * out, size_t len, const char * in)
{
    static const char keep[] = " ,.:()+=/-";
    size_t i;

    if (len == 0)
        return;
    for (i = 0; in[i] != '\0' && i + 1 < len; i++)
    {
        unsigned char ch = (unsigned char) in[i];

        out[i] = ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                  || (ch >= '0' && ch <= '9') || (ch != 0 && strchr(keep, ch)))
                 ? (char) ch : '?';
    }
    out[i] = '\0';
}

int
sc_plot_svg(char ** svg, const sc_plot_struct * p)
{
    char dir[SC_PLOT_PATH], dat[SC_PLOT_PATH], out[SC_PLOT_PATH],
         title[160], script[4096];

    *svg = NULL;
    if (sc_plot_temp(dir, dat, out, SC_PLOT_PATH) != SC_OK)
        return SC_EIO;
    if (sc_plot_write_data(dat, p) != SC_OK)
    {
        sc_plot_cleanup(dir, dat, out);
        return SC_EIO;
    }
    sc_plot_label(title, sizeof(title), p->title);
    snprintf(script, sizeof(script),
        "set terminal svg size 900,640 font 'sans,10' background '#ffffff'\n"
        "set output '%s'\n"
        "set multiplot layout 2,2 title '%s'\n"
        "set xlabel 't'\nset key top left\nset grid\n"
        "set logscale y\nset format y '10^{%%L}'\n"
        "plot '%s' u 1:2 w l lw 1.5 t 'rho_t', "
        "'' u 1:($8 > 0 ? $2 : 1/0) w p pt 7 ps 0.3 t 'rising'\n"
        "unset logscale y\nset format y '%%g'\n"
        "plot '%s' u 1:3 w l lw 1.5 t 'h_t', '' u 1:4 w l dt 2 t 'Theta(rho_t)'\n"
        "plot '%s' u 1:5 w l lw 1.5 t 'gamma_t', '' u 1:6 w l t '||w_t||^2'\n"
        "set logscale y\nset format y '10^{%%L}'\n"
        "plot '%s' u 1:7 w l lw 1.5 t 'loss'\n"
        "unset multiplot\n",
        out, title, dat, dat, dat, dat);
    return sc_plot_run(svg, dir, dat, out, script);
}

/* ---- [F3] Figure 3: certified run beside the float run ------------------ */

/* rho and the loss with 17 digits: the deviation panel needs the float
   run's last bits. */
static int
sc_plot_f3_write_data(const char * path, const sc_f3_view_struct * V)
{
    FILE * f = fopen(path, "w");
    slong t;

    if (f == NULL)
        return SC_EIO;
    for (t = 0; t < V->len; t++)
        fprintf(f, "%ld %.17g %.17g %.10g %.10g %.10g %.17g %.17g %.10g "
                "%.10g %.10g %.10g\n", (long) t, V->rho_c[t], V->rho_f[t],
                V->h_c[t], V->theta_c[t], V->h_f[t], V->loss_c[t],
                V->loss_f[t], V->gamma_c[t], V->gamma_f[t], V->W_c[t],
                V->W_f[t]);
    return fclose(f) == 0 ? SC_OK : SC_EIO;
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
sc_plot_figure3_svg(char ** svg, const sc_f3_view_struct * V,
                    const char * title)
{
    char dir[SC_PLOT_PATH], dat[SC_PLOT_PATH], out[SC_PLOT_PATH],
         label[160], script[8192], marks[400];
    const char * top;

    *svg = NULL;
    if (sc_plot_temp(dir, dat, out, SC_PLOT_PATH) != SC_OK)
        return SC_EIO;
    if (sc_plot_f3_write_data(dat, V) != SC_OK)
    {
        sc_plot_cleanup(dir, dat, out);
        return SC_EIO;
    }
    sc_plot_label(label, sizeof(label), title);
    sc_plot_f3_marks(marks, sizeof(marks), V);
    /* without a reference direction (logistic line on main) the top row
       shows ||w_t||^2 and gamma_t instead of rho_t and h_t */
    top = V->has_ref
        ? "set logscale y\nset format y '10^{%%L}'\nset title 'rho_t'\n"
          "plot '%s' u 1:2 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:3 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
          "unset logscale y\nset format y '%%g'\n"
          "set title 'h_t against Theta(rho_t)'\nset key center right\n"
          "plot '' u 1:4 w l lw 2 lc rgb '#1f5fa8' t 'h_t certified', "
          "'' u 1:5 w l lw 1.5 lc rgb '#222222' dt 4 t 'Theta(rho_t)', "
          "'' u 1:6 w l lw 1 lc rgb '#cc0000' dt 2 t 'h_t float64'\n"
          "set key top left\n"
        : "set logscale y\nset format y '%%g'\nset title '||w_t||^2'\n"
          "plot '%s' u 1:11 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:12 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
          "unset logscale y\nset title 'gamma_t'\n"
          "plot '' u 1:9 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
          "'' u 1:10 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n";
    {
        char topbuf[2048];
        size_t pos;

        snprintf(topbuf, sizeof(topbuf), top, dat);
        pos = (size_t) snprintf(script, sizeof(script),
            "set terminal svg size 1000,700 font 'sans,10' "
            "background '#ffffff'\nset output '%s'\n"
            "set multiplot layout 2,2 title '%s'\n"
            "set xlabel 't'\nset key top left\nset grid\n%s%s",
            out, label, marks, topbuf);
        snprintf(script + pos, sizeof(script) - pos,
            "set logscale y\nset format y '10^{%%L}'\nset title 'loss'\n"
            "set key bottom left\n"
            "plot '%s' u 1:7 w l lw 2 lc rgb '#1f5fa8' t 'certified', "
            "'' u 1:8 w l lw 1 lc rgb '#cc0000' dt 2 t 'float64'\n"
            "set title 'float64 relative deviation from the certified run'\n"
            "set key top left\n"
            "set yrange [1e-18:*]\n"
            "plot '' u 1:(abs($8 - $7) / abs($7) > 1e-18 ? "
            "abs($8 - $7) / abs($7) : 1e-18) w l lw 1.5 lc rgb '#cc0000' "
            "t 'loss', %s 2**-53 w l lc rgb '#888888' dt 2 t '2^{-53}'\n"
            "unset multiplot\n", dat, V->has_ref
            ? "'' u 1:(abs($3 - $2) / abs($2) > 1e-18 ? abs($3 - $2) / "
              "abs($2) : 1e-18) w l lw 1 lc rgb '#1f5fa8' t 'rho',"
            : "");
    }
    return sc_plot_run(svg, dir, dat, out, script);
}

/* ---- BEYOND.md s.2-3: sharpness and non-normality ----------------------- */

static int
sc_plot_sharp_write_data(const char * path, const sc_plot_sharp_struct * p)
{
    FILE * f = fopen(path, "w");
    slong t;

    if (f == NULL)
        return SC_EIO;
    for (t = 0; t < p->len; t++)
        fprintf(f, "%ld %.10g %.10g %.10g %.10g %d\n", (long) t, p->lmax[t],
                p->lmaxP[t], p->kappa[t], p->rhoJ[t], p->rising[t]);
    return fclose(f) == 0 ? SC_OK : SC_EIO;
}

int
sc_plot_svg_sharp(char ** svg, const sc_plot_sharp_struct * p)
{
    char dir[SC_PLOT_PATH], dat[SC_PLOT_PATH], out[SC_PLOT_PATH],
         title[160], script[4096];

    *svg = NULL;
    if (sc_plot_temp(dir, dat, out, SC_PLOT_PATH) != SC_OK)
        return SC_EIO;
    if (sc_plot_sharp_write_data(dat, p) != SC_OK)
    {
        sc_plot_cleanup(dir, dat, out);
        return SC_EIO;
    }
    sc_plot_label(title, sizeof(title), p->title);
    snprintf(script, sizeof(script),
        "set terminal svg size 900,360 font 'sans,10' background '#ffffff'\n"
        "set output '%s'\n"
        "set termoption noenhanced\n"
        "set multiplot layout 1,2 title '%s'\n"
        "set xlabel 't'\nset key bottom right\nset grid\n"
        "plot '%s' u 1:2 w l lw 1.5 t 'lambda_max(H)', "
        "'' u 1:3 w l lw 1.5 t 'lambda_max(P^1/2 H P^1/2)', "
        "'' u 1:(%.10g) w l dt 2 t '2/eta', '' u 1:(2) w l dt 3 t '2', "
        "'' u 1:($6 > 0 ? 0.02 : 1/0) w p pt 7 ps 0.3 t 'rising'\n"
        "set key top left\n"
        "plot '%s' u 1:4 w l lw 1.5 t 'kappa(V_t), unit columns', "
        "'' u 1:5 w l lw 1.5 t 'rho(J_t)'\n"
        "unset multiplot\n",
        out, title, dat, p->thr, dat);
    return sc_plot_run(svg, dir, dat, out, script);
}
