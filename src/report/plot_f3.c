/*
 * plot_f3.c -- the Figure 3 panels beyond the certified-beside-float view
 * (plot.c): Lemma 6's criterion Lambda_t with its certified sign, and the
 * learning-rate sweep (onset step and spike height against eta).  Drawn by
 * gnuplot through plot.c's private directory and exec; the only text of a
 * case in a script is its name, through sc_plot_label.
 */
#include <math.h>
#include <stdio.h>
#include "report/report.h"
#include "report/plot.h"

int
sc_plot_f3_lambda_svg(char ** svg, char ** why, const sc_f3_lambda_struct * L,
                      slong onset, const char * title)
{
    char dir[SC_PLOT_PATH], label[160], script[4096], marks[400];
    size_t pos = 0;
    slong t;
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    /* t, |Lambda_t| (the log axis needs it > 0), sign (2 = outside) */
    for (t = 0; t < L->len; t++)
        fprintf(f, "%ld %.10g %d\n", (long) t,
                isfinite(L->lam[t]) && L->lam[t] != 0 ? fabs(L->lam[t])
                : NAN, L->sign[t]);
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(label, sizeof(label), title);
    marks[0] = '\0';
    if (L->change >= 0)
        pos += snprintf(marks, sizeof(marks), "set arrow 1 from %ld, graph 0 "
                        "to %ld, graph 1 nohead lc rgb '#1a8f3a' lw 1.5\n",
                        (long) L->change, (long) L->change);
    if (onset >= 0 && pos < sizeof(marks))
        snprintf(marks + pos, sizeof(marks) - pos, "set arrow 2 from %ld, "
                 "graph 0 to %ld, graph 1 nohead lc rgb '#888888' dt 3\n",
                 (long) onset, (long) onset);
    snprintf(script, sizeof(script),
        "set terminal svg size 1000,520 font 'sans,10' background '#ffffff'\n"
        "set output 'plot.svg'\n"
        "set multiplot layout 2,1 title '%s' noenhanced\n"
        "set xlabel 't'\nset grid\nset key top left\nset xrange [0:%ld]\n"
        "set lmargin 12\nset rmargin 4\n%s"
        "set logscale y\nset format y '10^{%%L}'\n"
        "set title 'Lemma 6: |Lambda_t|, Lambda = eta (a^2 ||g||^2 - W q^2) "
        "- 2 a q W (green line: sign change to +, grey: spike onset)'\n"
        "plot 'data' u 1:($3 == 1 ? $2 : 1/0) w p pt 7 ps 0.35 "
        "lc rgb '#1f5fa8' t 'Lambda_t > 0 (rising, certified)', "
        "'' u 1:($3 == -1 ? $2 : 1/0) w p pt 7 ps 0.35 lc rgb '#cc0000' "
        "t 'Lambda_t <= 0 (not rising, certified)', "
        "'' u 1:($3 == 0 ? $2 : 1/0) w p pt 6 ps 0.5 lc rgb '#888888' "
        "t 'sign undecided'\n"
        "unset logscale y\nset format y '%%g'\nset yrange [-1.5:1.5]\n"
        "set ytics ('-1' -1, 'undecided' 0, '+1' 1)\n"
        "set title 'certified sign of Lambda_t'\n"
        "plot 'data' u 1:($3 == 2 ? 1/0 : $3) w steps lw 1.5 "
        "lc rgb '#1f5fa8' notitle\n"
        "unset multiplot\n",
        label, (long) FLINT_MAX(L->len - 1, 1), marks);
    return sc_plot_run(svg, why, dir, script);
}

int
sc_plot_f3_sweep_svg(char ** svg, char ** why, const sc_f3_sweep_struct * W,
                     double eta0, slong steps, const char * title)
{
    char dir[SC_PLOT_PATH], label[160], script[4096];
    double lo = eta0, hi = eta0;
    slong k;
    FILE * f;

    *svg = *why = NULL;
    if (sc_plot_open(dir, &f, why) != SC_OK)
        return SC_EIO;
    /* eta, onset, ratio, status; no spike: onset at the horizon and ratio
       1, drawn with their own markers */
    for (k = 0; k < W->n; k++)
    {
        const sc_f3_sweep_point_struct * p = W->pt + k;

        lo = p->eta < lo ? p->eta : lo;
        hi = p->eta > hi ? p->eta : hi;
        fprintf(f, "%.10g %ld %.10g %d\n", p->eta,
                p->status == SC_F3_SWEEP_SPIKE ? (long) p->onset
                : (long) steps, p->status == SC_F3_SWEEP_SPIKE ? p->ratio
                : 1.0, (int) p->status);
    }
    if (sc_plot_close(dir, f, why) != SC_OK)
        return SC_EIO;
    sc_plot_label(label, sizeof(label), title);
    snprintf(script, sizeof(script),
        "set terminal svg size 1000,400 font 'sans,10' background '#ffffff'\n"
        "set output 'plot.svg'\n"
        "set multiplot layout 1,2 title '%s' noenhanced\n"
        "set xlabel 'eta'\nset logscale x\nset grid\nset key below\n"
        "set xrange [%.10g:%.10g]\n"
        "set arrow 1 from %.10g, graph 0 to %.10g, graph 1 nohead front "
        "lc rgb '#555555' lw 1.5 dt 2\n"
        "set title 'spike onset step (grey: the case eta)'\n"
        "set ylabel 'step'\nset yrange [0:%ld]\n"
        "plot 'data' u 1:($4 == 0 ? $2 : 1/0) w lp pt 7 lc rgb '#1f5fa8' "
        "t 'onset (certified)', "
        "'' u 1:($4 == 1 ? $2 : 1/0) w p pt 6 ps 1.2 lc rgb '#cc0000' "
        "t 'no spike in the horizon', "
        "'' u 1:($4 >= 2 ? $2 : 1/0) w p pt 4 ps 1.2 lc rgb '#888888' "
        "t 'undecided or stopped'\n"
        "set title 'spike height L_{peak} / L_{onset}'\nset ylabel 'ratio'\n"
        "set yrange [0.5:*]\nset logscale y\n"
        "plot 'data' u 1:($4 == 0 ? $3 : 1/0) w lp pt 7 lc rgb '#1f5fa8' "
        "t 'spike (certified)', "
        "'' u 1:($4 == 1 ? $3 : 1/0) w p pt 6 ps 1.2 lc rgb '#cc0000' "
        "t 'no spike (drawn at 1)'\n"
        "unset multiplot\n",
        label, lo / 1.5, hi * 1.5, eta0, eta0,
        (long) FLINT_MAX(steps + steps / 10, 1));
    return sc_plot_run(svg, why, dir, script);
}
