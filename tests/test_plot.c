/*
 * test_plot.c -- tests of the one door from case text to gnuplot
 * (sc_plot_label; report/plot.c) and of a label's way through gnuplot.
 *
 * The expected bytes are derived independently of the code: <ctype.h>'s
 * isprint in the C locale (printable ASCII) minus the four characters
 * that end a single-quoted gnuplot string or make it run something (the
 * quote, the backquote, '@', the backslash).  The round trip runs the real
 * gnuplot on a family plot whose title and labels carry an attack and the
 * characters enhanced text mode would eat, and reads the SVG back: the
 * attack did not run, and the label reads as written (XML-escaped).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "report/report.h"

/* printable ASCII that cannot end the label's string or run anything */
static int
test_plot_kept(int ch)
{
    return ch > 0 && ch < 0x80 && isprint(ch) && strchr("'`@\\", ch) == NULL;
}

/* every byte, alone: kept as it is, or '?' */
static void
test_plot_label_every_byte(void ** state)
{
    char in[2], out[8];
    int ch;

    (void) state;
    for (ch = 1; ch < 256; ch++)
    {
        in[0] = (char) ch;
        in[1] = '\0';
        sc_plot_label(out, sizeof(out), in);
        assert_int_equal(strlen(out), 1);
        if (test_plot_kept(ch))
            assert_int_equal((unsigned char) out[0], ch);
        else
            assert_int_equal(out[0], '?');
    }
}

/* a hostile name, byte for byte; truncation to len - 1 bytes */
static void
test_plot_label_hostile(void ** state)
{
    const char * in = "x'; system('touch /tmp/z') `id` @m\\n\nset output";
    char out[128], small[6];

    (void) state;
    sc_plot_label(out, sizeof(out), in);
    assert_string_equal(out,
                        "x?; system(?touch /tmp/z?) ?id? ?m?n?set output");
    sc_plot_label(small, sizeof(small), "rho_exit");
    assert_string_equal(small, "rho_e");
    sc_plot_label(small, 1, "abc");
    assert_string_equal(small, "");
    /* UTF-8 of a Greek rho: two bytes, two '?' */
    sc_plot_label(out, sizeof(out), "\xcf\x81_t");
    assert_string_equal(out, "??_t");
}

static int
test_plot_have_gnuplot(void)
{
    return system("command -v gnuplot > /dev/null 2>&1") == 0;
}

/* The family plot through the real gnuplot: a backquote command in the
   title and a quote break in a series label run nothing; _ { } ^ & < are
   shown literally (noenhanced), not as subscripts. */
static void
test_plot_label_gnuplot_round_trip(void ** state)
{
    char dir[] = "/tmp/sc-test-plot-XXXXXX", mark[32], cmd[64];
    double x[2] = { 1, 2 }, y[2] = { 3, 4 };
    sc_fam_plot_struct P;
    char * svg, * why;

    (void) state;
    if (!test_plot_have_gnuplot())
        skip();
    assert_non_null(mkdtemp(dir));
    snprintf(mark, sizeof(mark), "%s/RAN", dir);
    memset(&P, 0, sizeof(P));
    snprintf(P.title, sizeof(P.title), "rho_exit {m} ^2 & t <b `touch %s`",
             mark);
    snprintf(P.xlabel, sizeof(P.xlabel), "ln(1/m)_x");
    snprintf(P.ylabel, sizeof(P.ylabel), "[T5.3-3] rho_exit_min");
    P.nseries = 1;
    snprintf(P.s[0].label, sizeof(P.s[0].label), "a'; system('touch %s')",
             mark);
    P.s[0].n = 2;
    P.s[0].x = x;
    P.s[0].y = y;
    assert_int_equal(sc_plot_family_svg(&svg, &why, &P), SC_OK);
    assert_null(why);
    assert_int_equal(access(mark, F_OK), -1);
    assert_non_null(strstr(svg, "rho_exit {m} ^2 &amp; t &lt;b ?touch "));
    assert_non_null(strstr(svg, "[T5.3-3] rho_exit_min"));
    assert_non_null(strstr(svg, "ln(1/m)_x"));
    assert_non_null(strstr(svg, "a?; system(?touch "));
    flint_free(svg);
    snprintf(cmd, sizeof(cmd), "rmdir %s", dir);
    assert_int_equal(system(cmd), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plot_label_every_byte),
        cmocka_unit_test(test_plot_label_hostile),
        cmocka_unit_test(test_plot_label_gnuplot_round_trip),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
