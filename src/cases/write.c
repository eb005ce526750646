/*
 * write.c -- writes a case as a spikecheck-case/1 file with explicit data.
 *
 * Every number is written as fmpq_get_str gives it ("p/q" or "p"), so
 * loading the file back yields the same rationals bit for bit; generated
 * data and initial states are written out in full, which is what makes a
 * saved counterexample replayable without the generator.  Optional keys are
 * written only when they differ from their defaults, so a plain case stays
 * a plain-looking file.  Rows of X go one per line for a reader's sake.
 */
#include <stdio.h>
#include "cases/cases.h"

/* A JSON string literal; names come from JSON or from our code, so only
   quotes, backslashes and control characters need escaping. */
static void
sc_put_string(FILE * out, const char * s)
{
    fputc('"', out);
    for ( ; *s != '\0'; s++)
    {
        unsigned char ch = (unsigned char) *s;

        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

static void
sc_put_fmpq(FILE * out, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);

    fprintf(out, "\"%s\"", s);
    flint_free(s);
}

/* ["a", "b", ...] from row i of A (by_row) or column 0 of A. */
static void
sc_put_vector(FILE * out, const fmpq_mat_t A, slong i, int by_row)
{
    slong j, len = by_row ? fmpq_mat_ncols(A) : fmpq_mat_nrows(A);

    fputc('[', out);
    for (j = 0; j < len; j++)
    {
        if (j > 0)
            fputs(", ", out);
        sc_put_fmpq(out, by_row ? fmpq_mat_entry(A, i, j)
                                : fmpq_mat_entry(A, j, 0));
    }
    fputc(']', out);
}

static void
sc_put_data(FILE * out, const sc_case_t c)
{
    slong i;

    fputs("  \"data\": {\n    \"X\": [\n", out);
    for (i = 0; i < fmpq_mat_nrows(c->X); i++)
    {
        fputs("      ", out);
        sc_put_vector(out, c->X, i, 1);
        fputs(i + 1 < fmpq_mat_nrows(c->X) ? ",\n" : "\n", out);
    }
    fputs("    ],\n    \"y\": ", out);
    sc_put_vector(out, c->y, 0, 0);
    fputs("\n  },\n", out);
}

static void
sc_put_key_fmpq(FILE * out, const char * key, const fmpq_t x)
{
    fprintf(out, "  \"%s\": ", key);
    sc_put_fmpq(out, x);
    fputs(",\n", out);
}

/* "report": {"figures": [...]}, when the case asks for any */
static void
sc_put_report(FILE * out, const sc_case_t c)
{
    slong k, n = 0;

    if (c->figures == 0)
        return;
    fputs("  \"report\": {\"figures\": [", out);
    for (k = 0; k < SC_NUM_FIGURES; k++)
        if (c->figures & (1 << k))
            fprintf(out, "%s\"%s\"", n++ > 0 ? ", " : "",
                    sc_case_figure_name(k));
    fputs("]},\n", out);
}

int
sc_case_write_explicit(FILE * out, const sc_case_t c)
{
    /* an empty name is left out: the loader then uses the file stem */
    fputs("{\n  \"format\": \"" SC_CASE_FORMAT "\",\n", out);
    if (c->name != NULL && c->name[0] != '\0')
    {
        fputs("  \"name\": ", out);
        sc_put_string(out, c->name);
        fputs(",\n", out);
    }
    fprintf(out, "  \"loss\": \"%s\",\n", sc_loss_name(c->loss));
    sc_put_data(out, c);

    fputs("  \"init\": {\"w\": ", out);
    sc_put_vector(out, c->w0, 0, 0);
    fputs(", \"gamma\": ", out);
    sc_put_fmpq(out, c->gamma0);
    fputs("},\n", out);

    sc_put_key_fmpq(out, "eta", c->eta);
    sc_put_key_fmpq(out, "eta_gamma", c->eta_gamma);
    if (!fmpq_is_zero(c->weight_decay))
        sc_put_key_fmpq(out, "weight_decay", c->weight_decay);
    if (!fmpq_is_zero(c->momentum))
        sc_put_key_fmpq(out, "momentum", c->momentum);
    if (c->project_norm)
        fputs("  \"project_norm\": true,\n", out);
    sc_put_report(out, c);
    fprintf(out, "  \"steps\": %lld,\n  \"precision\": %lld\n}\n",
            (long long) c->steps, (long long) c->precision);

    if (fflush(out) != 0 || ferror(out))
        return SC_EIO;
    return SC_OK;
}
