/*
 * plot.c -- the trajectory plots of the HTML report, drawn by gnuplot (an
 * established tool, not hand-written SVG): rho_t on a log scale, h_t
 * against the threshold Theta(rho_t), gamma_t and ||w_t||^2, and the loss;
 * and the sharpness panel (BEYOND.md s.2-3): lambda_max(H) against 2/eta,
 * lambda_max(P^1/2 H P^1/2) against 2, kappa(V_t) and rho(J_t).
 * The numbers arrive as doubles for display only.  Without gnuplot the
 * caller gets SC_UNABLE and the report says where the plot would be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "report/report.h"

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

/* Writes the data file, runs gnuplot with the commands emit() prints and
   reads the SVG back; the temporary files are removed in every case. */
static int
sc_plot_run(char ** svg, int (*write)(const char *, const void *),
            void (*emit)(FILE *, const char *, const char *, const void *),
            const void * p)
{
    char dat[] = "/tmp/spikecheck-plot-XXXXXX", out[64];
    FILE * g;
    int fd, rc;

    *svg = NULL;
    fd = mkstemp(dat);
    if (fd < 0)
        return SC_EIO;
    close(fd);
    snprintf(out, sizeof(out), "%s.svg", dat);
    if (write(dat, p) != SC_OK)
    {
        remove(dat);
        return SC_EIO;
    }
    g = popen("gnuplot > /dev/null 2>&1", "w");
    if (g == NULL)
    {
        remove(dat);
        return SC_UNABLE;
    }
    emit(g, out, dat, p);
    rc = pclose(g);
    remove(dat);
    if (rc != 0)
    {
        remove(out);
        return SC_UNABLE;
    }
    *svg = sc_plot_slurp(out);
    remove(out);
    return *svg != NULL ? SC_OK : SC_UNABLE;
}

static int
sc_plot_write_traj(const char * path, const void * p)
{
    return sc_plot_write_data(path, p);
}

static void
sc_plot_emit_traj(FILE * g, const char * out, const char * dat,
                  const void * v)
{
    const sc_plot_struct * p = v;

    fprintf(g,
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
        out, p->title, dat, dat, dat, dat);
}

int
sc_plot_svg(char ** svg, const sc_plot_struct * p)
{
    return sc_plot_run(svg, sc_plot_write_traj, sc_plot_emit_traj, p);
}

static int
sc_plot_write_sharp(const char * path, const void * v)
{
    const sc_plot_sharp_struct * p = v;
    FILE * f = fopen(path, "w");
    slong t;

    if (f == NULL)
        return SC_EIO;
    for (t = 0; t < p->len; t++)
        fprintf(f, "%ld %.10g %.10g %.10g %.10g %d\n", (long) t, p->lmax[t],
                p->lmaxP[t], p->kappa[t], p->rhoJ[t], p->rising[t]);
    return fclose(f) == 0 ? SC_OK : SC_EIO;
}

static void
sc_plot_emit_sharp(FILE * g, const char * out, const char * dat,
                   const void * v)
{
    const sc_plot_sharp_struct * p = v;

    fprintf(g,
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
        out, p->title, dat, p->thr, dat);
}

int
sc_plot_svg_sharp(char ** svg, const sc_plot_sharp_struct * p)
{
    return sc_plot_run(svg, sc_plot_write_sharp, sc_plot_emit_sharp, p);
}
