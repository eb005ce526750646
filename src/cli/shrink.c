/*
 * shrink.c -- `spikecheck shrink --theorem ID [--scale-bounds Q]
 * [--from-first] [-o DIR] CASE`: a VIOLATED check made as small as it goes
 * while it stays VIOLATED, for a reader and for a regression suite.
 *
 * Greedy reductions, each kept only when the checker still certifies
 * VIOLATED on the reduced case:
 *   1. fewer steps: the horizon cut to the violating step + 1, then halved;
 *   2. fewer dimensions (a column of X and its entry of w0); rows that all
 *      repeat equally often kept once (means and Sigma unchanged, so
 *      whitened data stay whitened); fewer rows;
 *   3. simpler rationals: eta, eta_gamma, gamma0 and each entry of w0
 *      rounded to 2, 4, 8, 16 or 32 significant bits (the first that
 *      keeps the verdict);
 * repeated until a pass changes nothing.  Every candidate goes through the
 * case writer and loader, so it is a valid case file with explicit data
 * (generated structure is gone with the first reduction).  The smallest is
 * written to DIR/ID-NAME-shrunk.json (default cases/regressions) with its
 * replay line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/opts.h"
#include "report/report.h"

#define SC_SHRINK_PASSES 4

typedef struct
{
    const sc_thm_struct * thm;
    fmpq_t factor;
    const char * scale;         /* --scale-bounds text, or NULL */
    int from_first;
    slong evals;
    slong step;                 /* the violating step of the last success */
}
sc_shrink_struct;

/* dst = src as the loader reads the file the writer makes of it, or
   SC_EINVAL: a candidate is kept only if its file loads (the loader is the
   one definition of a valid case), and then with no generated structure
   (data_desc "explicit", no path).  Copies are sc_case_copy. */
static int
sc_shrink_reload(sc_case_t dst, const sc_case_t src)
{
    char * text = NULL, err[SC_ERR_LEN];
    size_t len = 0;
    FILE * f = open_memstream(&text, &len);
    int rc;

    if (f == NULL)
        return SC_EIO;
    rc = sc_case_write_explicit(f, src);
    fclose(f);
    if (rc == SC_OK)
        rc = sc_case_load_string(dst, text, src->name, err, sizeof(err));
    free(text);
    return rc;
}

/* 1 if the checker certifies VIOLATED on c. */
static int
sc_shrink_violated(sc_shrink_struct * S, const sc_case_t c)
{
    sc_ctx_t ctx;
    sc_result_t res;
    int v;

    S->evals++;
    sc_ctx_init(ctx, c);
    ctx->from_first = S->from_first;
    fmpq_set(ctx->factor, S->factor);
    sc_result_init(res);
    sc_thm_run(res, S->thm, ctx, c->precision, SC_DEFAULT_MAX_PREC);
    v = (res->verdict == SC_VIOLATED);
    if (v)
        S->step = res->step;
    sc_result_clear(res);
    sc_ctx_clear(ctx);
    return v;
}

/* Keeps cand as cur if it is a valid case that stays VIOLATED. */
static int
sc_shrink_try(sc_shrink_struct * S, sc_case_t cur, const sc_case_t cand)
{
    sc_case_t v;
    int ok;

    sc_case_init(v);
    ok = sc_shrink_reload(v, cand) == SC_OK && sc_shrink_violated(S, v);
    if (ok)
        sc_case_copy(cur, v);
    sc_case_clear(v);
    return ok;
}

/* cur with its horizon set to steps, kept if it stays VIOLATED. */
static int
sc_shrink_try_steps(sc_shrink_struct * S, sc_case_t cur, slong steps)
{
    sc_case_t c;
    int ok;

    sc_case_init(c);
    sc_case_copy(c, cur);
    c->steps = steps;
    ok = sc_shrink_try(S, cur, c);
    sc_case_clear(c);
    return ok;
}

static int
sc_shrink_steps(sc_shrink_struct * S, sc_case_t cur)
{
    int changed = 0;

    if (S->step >= 0 && S->step + 1 < cur->steps)
        changed |= sc_shrink_try_steps(S, cur, S->step + 1);
    while (cur->steps > 1 && sc_shrink_try_steps(S, cur, cur->steps / 2))
        changed = 1;
    return changed;
}

/* cand = cur without row `row` (or column `col`), -1 for none. */
static int
sc_shrink_drop(sc_case_t cand, const sc_case_t cur, slong row, slong col)
{
    slong i, j, k = 0, n = cur->n - (row >= 0), d = cur->d - (col >= 0);

    if (n < 2 || d < 1)
        return 0;
    sc_case_copy(cand, cur);
    sc_case_set_dims(cand, n, d);
    for (i = 0; i < cur->n; i++)
    {
        slong l = 0;

        if (i == row)
            continue;
        for (j = 0; j < cur->d; j++)
            if (j != col)
                fmpq_set(fmpq_mat_entry(cand->X, k, l++),
                         fmpq_mat_entry(cur->X, i, j));
        fmpq_set(fmpq_mat_entry(cand->y, k, 0), fmpq_mat_entry(cur->y, i, 0));
        k++;
    }
    for (j = 0, k = 0; j < cur->d; j++)
        if (j != col)
            fmpq_set(fmpq_mat_entry(cand->w0, k++, 0),
                     fmpq_mat_entry(cur->w0, j, 0));
    return 1;
}

/* 1 if rows i and k of c (with their labels) are equal. */
static int
sc_shrink_same_row(const sc_case_t c, slong i, slong k)
{
    slong j;

    if (!fmpq_equal(fmpq_mat_entry(c->y, i, 0), fmpq_mat_entry(c->y, k, 0)))
        return 0;
    for (j = 0; j < c->d; j++)
        if (!fmpq_equal(fmpq_mat_entry(c->X, i, j),
                        fmpq_mat_entry(c->X, k, j)))
            return 0;
    return 1;
}

/* cand = each distinct (row, label) of cur once, when every one occurs
   equally often (m > 1 times): the means and Sigma = X~^T X~ / n do not
   change, so whitened data stay whitened.  0 when not so. */
static int
sc_shrink_dedup(sc_case_t cand, const sc_case_t cur)
{
    slong i, k, j, m = -1, nd = 0;
    slong * keep = flint_malloc(cur->n * sizeof(slong));
    int ok = 1;

    for (i = 0; i < cur->n && ok; i++)
    {
        slong cnt = 0, first = -1;

        for (k = 0; k < cur->n; k++)
            if (sc_shrink_same_row(cur, i, k))
                cnt++, first = (first < 0 ? k : first);
        ok = (m < 0 || cnt == m);
        m = cnt;
        if (first == i)
            keep[nd++] = i;
    }
    ok = ok && m > 1 && nd >= 2;
    if (ok)
    {
        sc_case_copy(cand, cur);
        sc_case_set_dims(cand, nd, cur->d);
        for (i = 0; i < nd; i++)
        {
            for (j = 0; j < cur->d; j++)
                fmpq_set(fmpq_mat_entry(cand->X, i, j),
                         fmpq_mat_entry(cur->X, keep[i], j));
            fmpq_set(fmpq_mat_entry(cand->y, i, 0),
                     fmpq_mat_entry(cur->y, keep[i], 0));
        }
        for (j = 0; j < cur->d; j++)
            fmpq_set(fmpq_mat_entry(cand->w0, j, 0),
                     fmpq_mat_entry(cur->w0, j, 0));
    }
    flint_free(keep);
    return ok;
}

static int
sc_shrink_structure(sc_shrink_struct * S, sc_case_t cur)
{
    slong i;
    int changed = 0;

    for (i = cur->d - 1; i >= 0 && cur->d > 1; i--)
    {
        sc_case_t c;

        sc_case_init(c);
        if (i < cur->d && sc_shrink_drop(c, cur, -1, i)
            && sc_shrink_try(S, cur, c))
            changed = 1;
        sc_case_clear(c);
    }
    {
        sc_case_t c;

        sc_case_init(c);
        if (sc_shrink_dedup(c, cur) && sc_shrink_try(S, cur, c))
            changed = 1;
        sc_case_clear(c);
    }
    for (i = cur->n - 1; i >= 0 && cur->n > 2; i--)
    {
        sc_case_t c;

        sc_case_init(c);
        if (i < cur->n && sc_shrink_drop(c, cur, i, -1)
            && sc_shrink_try(S, cur, c))
            changed = 1;
        sc_case_clear(c);
    }
    return changed;
}

/* q rounded to k significant bits (q itself if it is simpler). */
static void
sc_shrink_round(fmpq_t r, const fmpq_t q, slong k)
{
    arb_t x;

    arb_init(x);
    arb_set_fmpq(x, q, k);
    arf_get_fmpq(r, arb_midref(x));
    if (fmpz_bits(fmpq_numref(r)) + fmpz_bits(fmpq_denref(r))
        >= fmpz_bits(fmpq_numref(q)) + fmpz_bits(fmpq_denref(q)))
        fmpq_set(r, q);
    arb_clear(x);
}

/* The parameter number i of c (0 eta, 1 eta_gamma, 2 gamma0, 3.. w0), or
   NULL past the last. */
static fmpq *
sc_shrink_param(sc_case_t c, slong i)
{
    if (i == 0)
        return c->eta;
    if (i == 1)
        return c->eta_gamma;
    if (i == 2)
        return c->gamma0;
    return i - 3 < c->d ? fmpq_mat_entry(c->w0, i - 3, 0) : NULL;
}

static int
sc_shrink_rationals(sc_shrink_struct * S, sc_case_t cur)
{
    slong i, k;
    int changed = 0;

    for (i = 0; sc_shrink_param(cur, i) != NULL; i++)
    {
        for (k = 2; k <= 32; k *= 2)
        {
            sc_case_t c;
            fmpq * p;
            int ok = 0;

            sc_case_init(c);
            sc_case_copy(c, cur);
            p = sc_shrink_param(c, i);
            sc_shrink_round(p, sc_shrink_param(cur, i), k);
            ok = !fmpq_equal(p, sc_shrink_param(cur, i))
                 && sc_shrink_try(S, cur, c);
            sc_case_clear(c);
            if (ok)
            {
                changed = 1;
                break;
            }
        }
    }
    return changed;
}

/* Bits of the numerators and denominators of the parameters and data. */
static slong
sc_shrink_bits(sc_case_t c)
{
    slong i, j, b = 0;
    fmpq * p;

    for (i = 0; (p = sc_shrink_param(c, i)) != NULL; i++)
        b += fmpz_bits(fmpq_numref(p)) + fmpz_bits(fmpq_denref(p));
    for (i = 0; i < c->n; i++)
        for (j = 0; j < c->d; j++)
            b += fmpz_bits(fmpq_numref(fmpq_mat_entry(c->X, i, j)))
                 + fmpz_bits(fmpq_denref(fmpq_mat_entry(c->X, i, j)));
    return b;
}

/* Shrinks the loaded case c; returns the exit code. */
static int
sc_shrink_run(sc_shrink_struct * S, sc_case_t c, const char * dir)
{
    sc_case_t cur;
    char path[4096], name[256];
    slong pass, steps0 = c->steps, n0 = c->n, d0 = c->d;
    slong bits0 = sc_shrink_bits(c);
    int rc = SC_EXIT_OK;

    if (!sc_shrink_violated(S, c))
    {
        fprintf(stderr, "spikecheck: %s: %s is not VIOLATED on it: nothing "
                "to shrink\n", c->path, S->thm->id);
        return SC_EXIT_USAGE;
    }
    sc_case_init(cur);
    snprintf(name, sizeof(name), "%s-shrunk", c->name);
    sc_case_set_name(c, name);
    /* the file written at the end loads even when no reduction is kept */
    if (sc_shrink_reload(cur, c) != SC_OK)
        rc = SC_EXIT_USAGE;
    for (pass = 0; rc == SC_EXIT_OK && pass < SC_SHRINK_PASSES; pass++)
    {
        int changed = sc_shrink_steps(S, cur);

        changed |= sc_shrink_structure(S, cur);
        changed |= sc_shrink_rationals(S, cur);
        changed |= sc_shrink_steps(S, cur);
        if (!changed)
            break;
    }
    snprintf(path, sizeof(path), "%s/%s-%s.json", dir, S->thm->id, name);
    if (rc == SC_EXIT_OK && sc_cli_save_case(path, cur) != SC_OK)
        rc = SC_EXIT_USAGE;
    if (rc == SC_EXIT_OK)
    {
        char * replay = sc_report_replay_line(S->thm->id, S->from_first,
                                              S->scale, 0, path);

        printf("shrink %s: %ld evaluations; steps %ld -> %ld, n %ld -> %ld, "
               "d %ld -> %ld, bits of X, w0, gamma0, eta, eta_gamma %ld -> "
               "%ld; still VIOLATED\ncase written: %s\nreplay: %s\n",
               S->thm->id, (long) S->evals, (long) steps0,
               (long) cur->steps, (long) n0, (long) cur->n, (long) d0,
               (long) cur->d, (long) bits0, (long) sc_shrink_bits(cur), path,
               replay);
        flint_free(replay);
    }
    sc_case_clear(cur);
    return rc;
}

int
sc_cli_shrink(int argc, char ** argv)
{
    sc_shrink_struct S;
    const char * dir = "cases/regressions", * path = NULL;
    const char * out, * opt = "-o";
    char err[SC_ERR_LEN], probe[4096];
    sc_cli_getopt_struct g;
    const char * v;
    sc_case_t c;
    int k, rc = SC_EXIT_USAGE;

    memset(&S, 0, sizeof(S));
    fmpq_init(S.factor);
    fmpq_one(S.factor);
    sc_case_init(c);
    sc_cli_getopt_init(&g, "shrink", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        v = g.value;
        if (k == SC_OPT_THEOREM)
        {
            if ((S.thm = sc_cli_one_claim("shrink", v)) == NULL)
                goto cleanup;
        }
        else if (k == SC_OPT_SCALE_BOUNDS)
        {
            if (sc_num_parse_fmpq(S.factor, v, err, sizeof(err)) != SC_OK
                || fmpq_sgn(S.factor) <= 0)
            {
                fprintf(stderr, "spikecheck: --scale-bounds: '%s' is not a "
                        "positive exact number\n", v);
                goto cleanup;
            }
            S.scale = v;
        }
        else if (k == SC_OPT_FROM_FIRST)
            S.from_first = 1;
        else if (k == SC_OPT_OUTPUT)
            dir = v;
        else if (k == SC_OPT_OPERAND)
            path = v;
        else
        {
            rc = sc_cli_getopt_exit(&g, k);
            goto cleanup;
        }
    }
    if (S.thm == NULL || path == NULL)
    {
        sc_cli_usage_error("shrink", "needs --theorem ID and a case file");
        goto cleanup;
    }
    if (sc_case_load_file(c, path, err, sizeof(err)) != SC_OK)
    {
        fprintf(stderr, "spikecheck: %s\n", err);
        goto cleanup;
    }
    snprintf(probe, sizeof(probe), "%s/%s-%s-shrunk.json", dir, S.thm->id,
             c->name);
    out = probe;
    if (sc_cli_out_check(&out, &opt, 1, (char * const *) &path, 1) != SC_OK)
        goto cleanup;
    rc = sc_shrink_run(&S, c, dir);

cleanup:
    sc_case_clear(c);
    fmpq_clear(S.factor);
    return rc;
}
