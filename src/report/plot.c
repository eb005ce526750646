/*
 * plot.c -- the trajectory plots of the HTML report, drawn by gnuplot (an
 * established tool, not hand-written SVG): rho_t on a log scale, h_t
 * against the threshold Theta(rho_t), gamma_t and ||w_t||^2, and the loss.
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

int
sc_plot_svg(char ** svg, const sc_plot_struct * p)
{
    char dat[] = "/tmp/spikecheck-plot-XXXXXX", out[64], cmd[160];
    FILE * g;
    int fd, rc;

    *svg = NULL;
    fd = mkstemp(dat);
    if (fd < 0)
        return SC_EIO;
    close(fd);
    snprintf(out, sizeof(out), "%s.svg", dat);
    if (sc_plot_write_data(dat, p) != SC_OK)
    {
        remove(dat);
        return SC_EIO;
    }
    snprintf(cmd, sizeof(cmd), "gnuplot > /dev/null 2>&1");
    g = popen(cmd, "w");
    if (g == NULL)
    {
        remove(dat);
        return SC_UNABLE;
    }
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
