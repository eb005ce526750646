/*
 * tighten.c -- `spikecheck tighten --theorem ID [--seed S] [--iters N]
 * [--objective EXTRA] [--min-observed K] [--family F] [-o CASEFILE]`: how
 * tight is a bound?  Seeded hill climbing over the parameters of a family
 * of generated cases (tighten.h: whitened square-loss cases, or logistic
 * recipe cases for the statements of LOGISTIC.md; --family overrides the
 * choice) for the case with the least slack (bound / observed) of the
 * checker, as the real checker run certifies it.  A case outside the
 * statement's hypotheses is NOT-APPLICABLE and never kept, so the search
 * stays within them.  --objective minimises a
 * named extra of the record instead (e.g. T_cf_over_t1 for [T2.2]).
 * --min-observed K keeps only records whose observed value is >= K (e.g.
 * an onset t1 >= 10 for [T2.2], an edge of length >= 2 for [T3.a]): a
 * bound of 1 step met by 1 step is tight but says little.
 * A climb that has not improved for SC_TIGHT_STALL evaluations restarts
 * from a fresh draw; the best case over all climbs is kept.
 *
 * Doubles only steer the search (heuristic: they choose parameters, as in
 * suite.c); each candidate is written as a case file with exact decimals
 * and the checker decides on that file.  The same seed gives the same
 * search and the same file on every machine.  The best case is written
 * atomically; its slack and replay line are printed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli/tighten.h"
#include "cli/opts.h"
#include "report/report.h"
#include "num/num.h"

#define SC_TIGHT_STARTS 8
#define SC_TIGHT_STALL 1000

typedef struct
{
    const sc_thm_struct * thm;
    const sc_tight_family * fam;
    const char * objective;     /* extra name, or NULL for the slack */
    slong min_observed;         /* records observing less are not kept */
    const char * name;
    char text[2048];            /* the case file of the last evaluation */
    double value;               /* heuristic: the objective as a double */
    char shown[64];             /* the certified slack, 17 digits */
    sc_verdict_t verdict;
}
sc_tight_eval;

/* The objective of a finished record, or HUGE_VAL when it has none. */
static double
sc_tight_objective(const sc_result_t res, const char * objective)
{
    slong i;

    if (objective == NULL)
        return res->has_slack && arb_is_finite(res->slack)
               ? sc_num_get_d_heuristic(res->slack) : HUGE_VAL;
    for (i = 0; i < SC_MAX_EXTRA; i++)
        if (res->extra[i].set && strcmp(res->extra[i].name, objective) == 0
            && arb_is_finite(res->extra[i].value))
            return sc_num_get_d_heuristic(res->extra[i].value);
    return HUGE_VAL;
}

/* The observed value is certainly >= k. */
static int
sc_tight_observed_ge(const sc_result_t res, slong k)
{
    arb_t t;
    int r;

    if (!res->has_observed)
        return 0;
    arb_init(t);
    arb_set_si(t, k);
    r = arb_ge(res->observed, t);
    arb_clear(t);
    return r;
}

/* The checker on a loaded candidate: its verdict, objective and slack. */
static void
sc_tight_run(sc_tight_eval * E, sc_ctx_t ctx, slong prec)
{
    sc_result_t res;
    char * s;

    sc_result_init(res);
    sc_thm_run(res, E->thm, ctx, prec, SC_DEFAULT_MAX_PREC);
    E->verdict = res->verdict;
    if ((res->verdict == SC_HOLDS || res->verdict == SC_VIOLATED)
        && (E->min_observed <= 0
            || sc_tight_observed_ge(res, E->min_observed)))
        E->value = sc_tight_objective(res, E->objective);
    s = sc_num_get_str(res->slack, 17);
    snprintf(E->shown, sizeof(E->shown), "%s", res->has_slack ? s : "-");
    flint_free(s);
    sc_result_clear(res);
}

/* Runs the checker on the case of p; E->value is HUGE_VAL unless the
   verdict is HOLDS or VIOLATED with the objective set. */
static void
sc_tight_evaluate(sc_tight_eval * E, const sc_tight_params * p)
{
    sc_case_t c;
    sc_ctx_t ctx;
    char err[SC_ERR_LEN];
    double cc = 1.0;
    int pass;

    E->value = HUGE_VAL;
    E->verdict = SC_NOT_APPLICABLE;
    /* pass 0 finds the data scale of the family, if it needs one */
    for (pass = (E->fam->scale != NULL) ? 0 : 1; pass < 2; pass++)
    {
        E->fam->text(E->text, sizeof(E->text), p, cc, E->name);
        sc_case_init(c);
        if (sc_case_load_string(c, E->text, E->name, err, sizeof(err))
            != SC_OK)
        {
            sc_case_clear(c);
            return;
        }
        sc_ctx_init(ctx, c);
        if (pass == 0)
            cc = E->fam->scale(ctx);
        else
            sc_tight_run(E, ctx, c->precision);
        sc_ctx_clear(ctx);
        sc_case_clear(c);
        if (cc <= 0)
            return;
    }
}

static int
sc_tight_write(const char * path, const char * text)
{
    sc_outfile_t o;

    if (sc_cli_out_open(o, path) != SC_OK)
        return SC_EIO;
    return sc_cli_out_close(o, path, fputs(text, o->f) < 0 ? SC_EIO : SC_OK);
}

/* The search; returns the exit code. */
static int
sc_tight_search(sc_tight_eval * best, ulong seed, slong iters,
                const char * outp)
{
    sc_rand_t rs;
    sc_tight_params p, q;
    sc_tight_eval E;
    double start = HUGE_VAL, cur = HUGE_VAL;
    slong k, found = -1, since = 0, stall = 0;
    char * replay;

    E = *best;
    sc_rand_init(rs, seed);
    memset(&p, 0, sizeof(p));
    for (k = 0; k < iters; k++)
    {
        /* heuristic: moves shrink from factors e^0.6 to e^0.1 after a
           (re)start */
        double scale = 0.1 + 0.5 * sc_num_exp_d(-(double) since / 300.0);

        q = p;
        if (k < SC_TIGHT_STARTS || cur == HUGE_VAL)
            best->fam->draw(&q, rs);
        else
            best->fam->move(&q, rs, scale);
        sc_tight_evaluate(&E, &q);
        since++;
        if (E.value == HUGE_VAL || E.value > cur)
        {
            /* a climb stuck this long restarts from a fresh draw */
            if (++stall == SC_TIGHT_STALL)
                cur = HUGE_VAL, stall = 0, since = 0;
            continue;
        }
        stall = (E.value < cur) ? 0 : stall + 1;
        cur = E.value;
        p = q;
        if (k < SC_TIGHT_STARTS || start == HUGE_VAL)
            start = FLINT_MIN(start, E.value);
        if (E.value <= best->value)
        {
            if (E.value < best->value)
                found = k;
            *best = E;
        }
    }
    if (best->value == HUGE_VAL)
    {
        fprintf(stderr, "spikecheck: tighten: no case within the hypotheses "
                "of %s in %ld evaluations\n", best->thm->id, (long) iters);
        return SC_EXIT_UNDECIDED;
    }
    if (sc_tight_write(outp, best->text) != SC_OK)
        return SC_EXIT_USAGE;
    printf("tighten %s: %ld evaluations (seed %lu); %s: start %.6g, best "
           "%.6g (evaluation %ld), %s\n", best->thm->id, (long) iters,
           (unsigned long) seed, best->objective != NULL ? best->objective
           : "slack", start, best->value, (long) found + 1,
           sc_verdict_name(best->verdict));
    replay = sc_report_replay_line(best->thm->id, 0, NULL, 0, outp);
    printf("slack %s\ncase written: %s\nreplay: %s\n", best->shown, outp,
           replay);
    flint_free(replay);
    return best->verdict == SC_VIOLATED ? SC_EXIT_VIOLATED : SC_EXIT_OK;
}

int
sc_cli_tighten(int argc, char ** argv)
{
    sc_tight_eval best;
    slong seed = 1, iters = 200;
    const char * outp = NULL, * family = NULL, * opt;
    char defpath[256], name[96];
    sc_cli_getopt_struct g;
    const char * a, * v;
    int k;

    memset(&best, 0, sizeof(best));
    best.value = HUGE_VAL;
    sc_cli_getopt_init(&g, "tighten", argc, argv);
    while ((k = sc_cli_getopt_next(&g)) != SC_OPT_END)
    {
        a = g.opt;
        v = g.value;
        if (k == SC_OPT_THEOREM)
        {
            if ((best.thm = sc_cli_one_claim("tighten", v)) == NULL)
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_SEED)
        {
            if (sc_cli_parse_si(&seed, a, v, 0, WORD_MAX))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_ITERS)
        {
            if (sc_cli_parse_si(&iters, a, v, 1, 1000000))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_OBJECTIVE)
            best.objective = v;
        else if (k == SC_OPT_FAMILY)
        {
            if ((best.fam = sc_tight_family_named(v)) == NULL)
            {
                fprintf(stderr, "spikecheck: --family: unknown family '%s' "
                        "(whitened or logistic)\n", v);
                return SC_EXIT_USAGE;
            }
            family = v;
        }
        else if (k == SC_OPT_MIN_OBSERVED)
        {
            if (sc_cli_parse_si(&best.min_observed, a, v, 0, WORD_MAX))
                return SC_EXIT_USAGE;
        }
        else if (k == SC_OPT_OUTPUT)
            outp = v;
        else
            return sc_cli_getopt_exit(&g, k);
    }
    if (best.thm == NULL)
    {
        sc_cli_usage_error("tighten", "needs --theorem ID");
        return SC_EXIT_USAGE;
    }
    /* the case name says the family only when it is not the checker's */
    if (best.fam == NULL || best.fam == sc_tight_family_for(best.thm->id))
        family = NULL;
    if (best.fam == NULL)
        best.fam = sc_tight_family_for(best.thm->id);
    snprintf(defpath, sizeof(defpath), "cases/tight/%s.json", best.thm->id);
    outp = outp != NULL ? outp : defpath;
    opt = "-o";
    if (sc_cli_out_check(&outp, &opt, 1, NULL, 0) != SC_OK)
        return SC_EXIT_USAGE;
    snprintf(name, sizeof(name), "tight-%s%s%s%s%s-seed%ld", best.thm->id,
             family ? "-" : "", family ? family : "",
             best.objective ? "-" : "", best.objective ? best.objective : "",
             (long) seed);
    if (best.min_observed > 0)
        snprintf(name + strlen(name), sizeof(name) - strlen(name),
                 "-min%ld", (long) best.min_observed);
    best.name = name;
    return sc_tight_search(&best, (ulong) seed, iters, outp);
}
