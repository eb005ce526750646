/*
 * plot.h -- what the plot writers of src/report share (plot.c owns it):
 * the private directory of one gnuplot run with its data file, and the run
 * itself (fork and exec, no shell, the script on stdin).  Internal to
 * src/report; report.h has the public plot functions.
 */
#ifndef SC_REPORT_PLOT_H
#define SC_REPORT_PLOT_H

#include <stdio.h>

/* the temporary directory, and a path inside it */
#define SC_PLOT_PATH 256
#define SC_PLOT_FILE (SC_PLOT_PATH + 16)

/* Makes the private directory dir (SC_PLOT_PATH bytes) and opens its data
   file for writing: *f, or SC_EIO with *why. */
int sc_plot_open(char * dir, FILE ** f, char ** why);

/* Closes the data file; SC_EIO with *why (dir removed) when writing
   failed. */
int sc_plot_close(const char * dir, FILE * f, char ** why);

/* Runs gnuplot on script in dir; *svg on success, else SC_UNABLE with
   *why; dir is removed either way.  No text of a case may reach script
   except through sc_plot_label. */
int sc_plot_run(char ** svg, char ** why, const char * dir,
                const char * script);

#endif
