/*
 * sweep.c -- `spikecheck sweep FAMILY...`: expands each family file's
 * grid into cases in memory (src/family), runs them exactly as check
 * does (the same options, --jobs, --shard, --journal, reports: check.c's
 * sc_cli_check_finish), then judges each family claim from the certified
 * records of its points (theorems/families) and adds its record and its
 * plot to the report.  Nothing is written beside a family or its base.
 *
 * With --shard the points are split like check's case files, and the
 * family claims are not judged: a shard has only some of the points.
 * The shards' journals merge into one (merge -o ALL.jnl), and a sweep
 * with it (--journal ALL.jnl, the shards' options) restores every point
 * and judges here, as the unsharded sweep does: one judging path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/check.h"
#include "cli/opts.h"
#include "report/report.h"

typedef struct
{
    sc_family_struct * fam;
    const sc_fam_claim_struct ** claim;
    fmpq * tol;
    slong nfam;
    slong nuser;                /* o->sel[0 .. nuser-1]: --theorem's */
    const sc_check_opts * o;
}
sc_sweep_struct;

/* The claim of F, its grid checked against what the claim needs. */
static const sc_fam_claim_struct *
sc_sweep_claim(const sc_family_struct * F)
{
    const sc_fam_claim_struct * cl = sc_fam_lookup(F->claim);
    int varied = sc_family_varied(F), k;
    char names[256];
    size_t pos = 0;

    if (cl == NULL)
    {
        fprintf(stderr, "spikecheck: %s: claim: unknown family claim "
                "(see spikecheck list)\n", F->path);
        return NULL;
    }
    if ((varied & cl->required) == cl->required
        && (varied & ~cl->allowed) == 0)
        return cl;
    names[0] = '\0';
    for (k = 0; k < SC_FAMILY_NPARAMS; k++)
        if (cl->allowed & (1 << k))
            pos += (size_t) snprintf(names + pos, sizeof(names) - pos,
                    "%s%s%s", pos ? ", " : "", sc_family_param_name(k),
                    (cl->required & (1 << k)) ? " (required)" : "");
    fprintf(stderr, "spikecheck: %s: grid: %s varies %s and nothing else\n",
            F->path, cl->thm.id, names);
    return NULL;
}

/* The records of F's points: rec[i * nneed + j] for point claim j. */
static const sc_result_struct **
sc_sweep_records(const sc_report_t R, const sc_family_struct * F,
                 const sc_fam_claim_struct * cl, slong nneed)
{
    const sc_result_struct ** rec = flint_calloc(F->npoints * nneed + 1,
                                                 sizeof(*rec));
    slong i, j, k;

    for (k = 0; k < R->len; k++)
        for (i = 0; i < F->npoints; i++)
            if (strcmp(R->rec[k].case_path, F->cases[i].path) == 0)
                for (j = 0; j < nneed; j++)
                    if (strcmp(R->rec[k].thm->id, cl->need[j]) == 0)
                        rec[i * nneed + j] = R->rec[k].res;
    return rec;
}

/* "spikecheck sweep [--theorem ID] [the options that shape a verdict]
   FAMILY", quoted for sh: replay's line (replay.c) with sweep for
   replay, since a point is no file of its own. */
static char *
sc_sweep_replay(const char * id, const sc_check_opts * o, const char * path)
{
    const char * word = "spikecheck replay --theorem ";
    char * line = sc_report_replay_line(id != NULL ? id : "-",
                                        o->from_first, o->scale,
                                        o->prec_max != SC_DEFAULT_MAX_PREC
                                        ? o->prec_max : 0, path);
    char * r = flint_malloc(strlen(line) + 1);
    size_t k = strlen(word);

    /* line = word ID REST: keep ID unless the family record has none */
    if (strncmp(line, word, k) != 0)
        abort();
    if (id != NULL)
        sprintf(r, "spikecheck sweep --theorem %s", line + k);
    else
        sprintf(r, "spikecheck sweep%s", strchr(line + k, ' '));
    flint_free(line);
    return r;
}

/* A point's record replays through the sweep of its family (the point
   is no file of its own). */
static void
sc_sweep_point_replays(sc_report_t R, const sc_family_struct * F,
                       const sc_check_opts * o)
{
    size_t n = strlen(F->path);
    slong k;

    for (k = 0; k < R->len; k++)
        if (strncmp(R->rec[k].case_path, F->path, n) == 0
            && R->rec[k].case_path[n] == '#'
            && sc_fam_of(R->rec[k].thm) == NULL)
        {
            flint_free(R->rec[k].replay);
            R->rec[k].replay = sc_sweep_replay(R->rec[k].thm->id, o,
                                               F->path);
        }
}

/* The plot of a family record for the HTML report. */
static void
sc_sweep_figure(sc_report_t R, const sc_family_struct * F,
                const sc_fam_claim_struct * cl, sc_fam_plot_struct * P,
                const sc_result_t res)
{
    char title[sizeof(P->title) + 2 * SC_FAMILY_MAX_NAME + 64];
    char * svg = NULL, * why = NULL;
    size_t n;

    /* the judge's title names the plot, this the family */
    snprintf(title, sizeof(title), "%.64s on family %.64s%s%.159s",
             cl->thm.id, F->name, P->title[0] ? ": " : "", P->title);
    n = FLINT_MIN(strlen(title), sizeof(P->title) - 1);
    memcpy(P->title, title, n);
    P->title[n] = '\0';
    /* without gnuplot the page says why where the plot would be */
    if (sc_plot_family_svg(&svg, &why, P) != SC_OK && svg != NULL)
        abort();
    sc_report_add_figure(R, F->path, title, res->reason, svg,
                         why != NULL ? why : "no plot");
    flint_free(svg);
    flint_free(why);
}

/* A point keeps the records of the claims its family reads and those
   --theorem asked for: with several families every point runs the union
   of their claims (check's machinery runs one selection), and the
   others' verdicts on it are noise (NOT-APPLICABLE, mostly). */
static int
sc_sweep_keep(const sc_record_struct * r, void * arg)
{
    const sc_sweep_struct * S = arg;
    slong f, i, j;

    if (sc_fam_of(r->thm) != NULL)
        return 1;
    for (j = 0; j < S->nuser; j++)
        if (S->o->sel[j] == r->thm)
            return 1;
    for (f = 0; f < S->nfam; f++)
        for (i = 0; i < S->fam[f].npoints; i++)
            if (strcmp(r->case_path, S->fam[f].cases[i].path) == 0)
                for (j = 0; j < SC_FAM_MAX_NEED
                            && S->claim[f]->need[j] != NULL; j++)
                    if (strcmp(S->claim[f]->need[j], r->thm->id) == 0)
                        return 1;
    return 0;
}

static void
sc_sweep_judge(sc_report_t R, void * arg)
{
    sc_sweep_struct * S = arg;
    const sc_check_opts * o = S->o;
    slong f, nneed, prec0 = o->prec0 > 0 ? o->prec0 : 128;

    sc_report_filter(R, sc_sweep_keep, S);

    for (f = 0; f < S->nfam; f++)
    {
        const sc_family_struct * F = S->fam + f;
        const sc_fam_claim_struct * cl = S->claim[f];
        const sc_result_struct ** rec;
        sc_fam_points_struct pts;
        sc_fam_plot_struct P[SC_FAM_MAX_PLOTS];
        sc_result_t res;
        char * replay;
        slong k;

        sc_sweep_point_replays(R, F, o);
        if (o->shard_n > 0)
            continue;
        for (nneed = 0; nneed < SC_FAM_MAX_NEED && cl->need[nneed] != NULL;
             nneed++)
            ;
        rec = sc_sweep_records(R, F, cl, nneed);
        pts.F = F;
        pts.rec = rec;
        pts.nneed = nneed;
        pts.tol = S->tol + f;
        sc_result_init(res);
        for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
            sc_fam_plot_init(P + k);
        sc_fam_run(res, P, cl, &pts, prec0, FLINT_MAX(prec0, o->prec_max));
        replay = sc_sweep_replay(NULL, o, F->path);
        sc_report_add_record(R, &cl->thm, F->name, F->path, replay, 0, res);
        for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        {
            if (o->html != NULL && P[k].nseries > 0)
                sc_sweep_figure(R, F, cl, P + k, res);
            sc_fam_plot_clear(P + k);
        }
        flint_free(replay);
        sc_result_clear(res);
        flint_free(rec);
    }
    if (o->shard_n > 0)
        fprintf(stderr, "spikecheck: sweep --shard: the family claims are "
                "judged by a run on every point, not by a shard (merge -o "
                "ALL.jnl the shards' journals, then sweep --journal "
                "ALL.jnl)\n");
}

/* Adds the point claims of cl to the selection. */
static int
sc_sweep_select(sc_check_opts * o, const sc_fam_claim_struct * cl)
{
    slong j, l;

    for (j = 0; j < SC_FAM_MAX_NEED && cl->need[j] != NULL; j++)
    {
        const sc_thm_struct * t = sc_thm_lookup(cl->need[j]);

        if (t == NULL)          /* sc_fam_table names a claim that is gone */
            abort();

        for (l = 0; l < o->nsel && o->sel[l] != t; l++)
            ;
        if (l == o->nsel && o->nsel == SC_MAX_SELECT)
            return SC_EINVAL;
        if (l == o->nsel)
            o->sel[o->nsel++] = t;
    }
    return SC_OK;
}

/* Loads every family; the message printed on the first bad one. */
static int
sc_sweep_load(sc_sweep_struct * S, sc_check_opts * o)
{
    char err[SC_ERR_LEN];
    slong f;

    for (f = 0; f < S->nfam; f++)
    {
        sc_family_struct * F = S->fam + f;

        if (sc_family_load_file(F, o->args[f], err, sizeof(err)) != SC_OK)
        {
            fprintf(stderr, "spikecheck: %s\n", err);
            return SC_EINVAL;
        }
        if ((S->claim[f] = sc_sweep_claim(F)) == NULL)
            return SC_EINVAL;
        if (F->has_tolerance)
            fmpq_set(S->tol + f, F->tolerance);
        else if (sc_num_parse_fmpq(S->tol + f, S->claim[f]->tolerance, err,
                                   sizeof(err)) != SC_OK)
            abort();        /* the table's own default */
        if (sc_sweep_select(o, S->claim[f]) != SC_OK)
        {
            sc_cli_usage_error("sweep", "more than %d claims selected",
                               SC_MAX_SELECT);
            return SC_EINVAL;
        }
    }
    return SC_OK;
}

int
sc_cli_sweep(int argc, char ** argv)
{
    sc_check_opts o;
    sc_sweep_struct S;
    sc_case_struct * cases = NULL;
    char ** inputs = NULL;
    slong f, i, n = 0, total = 0;
    sc_report_t R;
    int rc;

    memset(&S, 0, sizeof(S));
    sc_report_init(R);
    if ((rc = sc_cli_check_parse(&o, argc, argv, "sweep")) >= 0)
        goto cleanup;
    rc = SC_EXIT_USAGE;
    S.o = &o;
    S.nuser = o.nsel;
    S.nfam = o.nargs;
    S.fam = flint_malloc(S.nfam * sizeof(sc_family_struct));
    S.claim = flint_calloc(S.nfam, sizeof(*S.claim));
    S.tol = _fmpq_vec_init(S.nfam);
    for (f = 0; f < S.nfam; f++)
        sc_family_init(S.fam + f);
    if (sc_sweep_load(&S, &o) != SC_OK)
        goto cleanup;
    /* the inputs no output may replace: every family and its base */
    inputs = flint_malloc(2 * S.nfam * sizeof(char *));
    for (f = 0; f < S.nfam; f++)
    {
        inputs[2 * f] = S.fam[f].path;
        inputs[2 * f + 1] = S.fam[f].base;
        total += S.fam[f].npoints;
    }
    /* views of the families' cases, which keep owning them (nothing is
       cleared through cases); --shard keeps point k - 1 modulo N */
    cases = flint_malloc(FLINT_MAX(total, 1) * sizeof(sc_case_struct));
    for (f = 0, total = 0; f < S.nfam; f++)
        for (i = 0; i < S.fam[f].npoints; i++, total++)
            if (o.shard_n == 0 || total % o.shard_n == o.shard_k - 1)
                memcpy(cases + n++, S.fam[f].cases + i,
                       sizeof(sc_case_struct));
    rc = sc_cli_check_finish(R, &o, cases, n, inputs, 2 * S.nfam,
                             sc_sweep_judge, &S);

cleanup:
    sc_cli_signal_clear();
    flint_free(cases);
    flint_free(inputs);
    for (f = 0; f < S.nfam && S.fam != NULL; f++)
        sc_family_clear(S.fam + f);
    flint_free(S.fam);
    flint_free(S.claim);
    if (S.tol != NULL)
        _fmpq_vec_clear(S.tol, S.nfam);
    flint_free(o.args);
    fmpq_clear(o.factor);
    sc_report_clear(R);
    return rc;
}
