/*
 * check_figures.c -- which figures the HTML report draws for a case, and
 * drawing them: the trajectory of every counterexample and UNDECIDED case,
 * of the cases --plot names (every case of a run on one case) and of those
 * whose case file asks for it ("report": {"figures": [...]}), which also
 * chooses the sharpness panel and the Figure 3 entry.  No decision is
 * taken on a path or a name.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "cli/check.h"
#include "report/report.h"
#include "num/num.h"

/* The case file a figure belongs to, as the records have it. */
static const char *
sc_check_case_file(const sc_ctx_t ctx)
{
    return ctx->cs->path != NULL ? ctx->cs->path : "";
}

/* The figure of a case for the HTML report: its certified trajectory
   (reduced where it applies), as doubles for display. */
static void
sc_check_figure(sc_report_t R, sc_ctx_t ctx, slong prec0, slong prec_max,
                const char * what, const char * note)
{
    const sc_traj_struct * T = sc_ctx_certified(ctx, prec0, prec_max);
    sc_plot_struct p;
    slong t, len = T->len;
    arb_t th;
    char * svg, * why, title[200];

    arb_init(th);
    snprintf(p.title, sizeof(p.title), "%s (%s, %ld bits)", ctx->cs->name,
             T->kind == SC_TRAJ_REDUCED ? "reduced recurrence" : "full GD",
             (long) T->prec);
    p.len = len;
    p.rho = flint_malloc(6 * FLINT_MAX(len, 1) * sizeof(double));
    p.h = p.rho + len;
    p.theta = p.h + len;
    p.gamma = p.theta + len;
    p.W = p.gamma + len;
    p.loss = p.W + len;
    p.rising = flint_malloc(FLINT_MAX(len, 1) * sizeof(int));
    for (t = 0; t < len; t++)
    {
        p.rho[t] = sc_num_get_d_heuristic(T->rho + t);
        p.h[t] = sc_num_get_d_heuristic(T->h + t);
        sc_num_theta(th, T->rho + t, 53);
        p.theta[t] = arb_is_finite(th) ? sc_num_get_d_heuristic(th) : NAN;
        p.gamma[t] = sc_num_get_d_heuristic(T->gamma + t);
        p.W[t] = sc_num_get_d_heuristic(T->W + t);
        p.loss[t] = sc_num_get_d_heuristic(T->loss + t);
        p.rising[t] = (t + 1 < len && T->rising[t] == SC_TRUE);
    }
    snprintf(title, sizeof(title), "%s: %s", ctx->cs->name, what);
    if (sc_plot_svg(&svg, &why, &p) != SC_OK)
        svg = NULL;             /* why says why */
    sc_report_add_figure(R, sc_check_case_file(ctx), title, note, svg, why);
    flint_free(why);
    flint_free(svg);
    flint_free(p.rising);
    flint_free(p.rho);
    arb_clear(th);
}

/* [F3] " name = value" of the extra name of the case's F3 record, or "". */
static void
sc_check_f3_extra(char * buf, size_t len, const sc_report_t R, slong first,
                  const char * name, const char * label)
{
    slong i, k;
    char * s;

    buf[0] = '\0';
    for (i = first; i < R->len; i++)
    {
        if (strcmp(R->rec[i].thm->id, "F3") != 0)
            continue;
        for (k = 0; k < SC_MAX_EXTRA; k++)
            if (R->rec[i].res->extra[k].set
                && strcmp(R->rec[i].res->extra[k].name, name) == 0)
            {
                const arb_struct * x = R->rec[i].res->extra[k].value;

                s = sc_num_get_str(x, 4);
                if (arb_is_int(x) && arb_is_negative(x))
                    snprintf(buf, len, "%s none", label);
                else if (arb_is_int(x))
                    snprintf(buf, len, "%s %ld", label,
                             (long) sc_num_get_d_heuristic(x));
                else
                    snprintf(buf, len, "%s %s", label, s);
                flint_free(s);
            }
    }
}

/* A step or "none". */
static const char *
sc_check_step(char * buf, size_t len, slong t)
{
    if (t < 0)
        snprintf(buf, len, "none");
    else
        snprintf(buf, len, "%ld", (long) t);
    return buf;
}

/* " Reference u*: ..." for the caption of a logistic case: which SVM
   direction rho, h and Theta are measured against, or "". */
static void
sc_check_f3_reference(char * buf, size_t len, const sc_ctx_t ctx)
{
    const sc_data_struct * D = ctx->data;

    buf[0] = '\0';
    if (!D->has_svm)
        return;
    if (!D->has_ref)
        snprintf(buf, len, " No reference u*: %s.", D->svm->margin_why);
    else if (D->svm->a3)
        snprintf(buf, len, " Reference u*: the all-active SVM direction "
                 "(A3 holds).");
    else
        snprintf(buf, len, " Reference u*: the Euclidean hard-margin SVM "
                 "direction (A3 fails: %ld of %ld samples active; KKT "
                 "verified over Q).", (long) D->svm->support, (long) D->n);
}

/* [F3] The Figure 3 entry of a case (its case file asks for "figure3"): the
   certified full-GD run beside the float run at fprec bits, with the
   spike of each and where they part (theorems/figure3/f3_view.c). */
static slong
sc_check_figure3(sc_report_t R, sc_ctx_t ctx, slong first, slong fprec,
                 slong prec0, slong prec_max)
{
    slong onset;
    sc_f3_view_struct V;
    char title[256], note[2200], rho[64], hx[64], hq[64], ref[640], s[8][24],
         * svg, * why;

    sc_f3_view_init(&V, ctx, fprec, prec0, prec_max);
    snprintf(title, sizeof(title), "%s (%s loss, %s): certified at %ld bits "
             "beside the %ld-bit run", ctx->cs->name, sc_loss_name(ctx->cs->loss),
             ctx->cs->data_desc, (long) V.prec, (long) fprec);
    sc_check_f3_extra(rho, sizeof(rho), R, first, "rho_peak",
                      ", peak rho");
    sc_check_f3_extra(hx, sizeof(hx), R, first, "h_cross",
                      ", first h_t > Theta(rho_t) at step");
    sc_check_f3_extra(hq, sizeof(hq), R, first, "h/Theta",
                      ", max h_t/Theta(rho_t) up to the peak");
    sc_check_f3_reference(ref, sizeof(ref), ctx);
    snprintf(note, sizeof(note), "Certified run: spike onset step %s, peak "
             "step %s, loss ratio %.4g%s%s%s%s. %ld-bit run (float64 at 53): "
             "onset %s, peak %s, loss ratio %.4g. Where the %ld-bit run "
             "parts: first loss "
             "rise/fall decision that differs at step %s; first rho "
             "rising flag that differs at step %s (%ld differ); first state "
             "outside the certified enclosure at step %s; first loss off by "
             "more than 1%% at step %s.%s%s",
             sc_check_step(s[0], 24, V.onset_c),
             sc_check_step(s[1], 24, V.peak_c), V.ratio_c, rho, hx, hq,
             V.has_ref ? "" : "; rho, h_t and Theta are not defined (no "
             "reference direction)", (long) fprec,
             sc_check_step(s[2], 24, V.onset_f),
             sc_check_step(s[3], 24, V.peak_f), V.ratio_f, (long) fprec,
             sc_check_step(s[4], 24, V.loss_flag),
             V.has_ref ? sc_check_step(s[5], 24, V.rho_flag) : "n/a",
             (long) V.rho_flags, sc_check_step(s[6], 24, V.leave),
             sc_check_step(s[7], 24, V.visible), ref,
             V.undecided ? " Some certified decisions were undecided at the "
             "precision cap." : "");
    if (sc_plot_figure3_svg(&svg, &why, &V, ctx->cs->name) != SC_OK)
        svg = NULL;
    sc_report_add_figure3(R, sc_check_case_file(ctx), title, note, svg, why);
    flint_free(why);
    flint_free(svg);
    onset = V.onset_c;
    sc_f3_view_clear(&V);
    return onset;
}

/* [F3] Lemma 6's criterion along the certified run, with its sign
   change, beside the spike onset (theorems/figure3/f3_lambda.c). */
static void
sc_check_figure3_lambda(sc_report_t R, sc_ctx_t ctx, slong onset,
                        slong prec0, slong prec_max)
{
    sc_f3_lambda_struct L;
    char title[256], note[900], s[3][24], * svg = NULL, * why = NULL;

    sc_f3_lambda_init(&L, ctx, prec0, prec_max);
    snprintf(title, sizeof(title), "%s: Lemma 6's criterion Lambda_t",
             ctx->cs->name);
    if (!L.defined)
    {
        sc_report_add_figure3(R, sc_check_case_file(ctx), title, NULL, NULL,
                              "Lambda_t is not defined for this case (no "
                              "reference direction, or not plain GD)");
        sc_f3_lambda_clear(&L);
        return;
    }
    snprintf(note, sizeof(note), "rho_{t+1} > rho_t exactly when Lambda_t > "
             "0 ([L6], any Sigma; on whitened data this is h_t > "
             "Theta(rho_t)). Certified at %ld bits: the sign of Lambda_t "
             "turns from - to + at step %s (first + at step %s); spike "
             "onset at step %s; %ld of %ld signs undecided%s.",
             (long) L.prec, sc_check_step(s[0], 24, L.change),
             sc_check_step(s[1], 24, L.first_pos),
             sc_check_step(s[2], 24, onset), (long) L.undecided,
             (long) L.len, L.decided ? "" : " at the precision cap");
    if (sc_plot_f3_lambda_svg(&svg, &why, &L, onset, ctx->cs->name) != SC_OK)
        svg = NULL;
    sc_report_add_figure3(R, sc_check_case_file(ctx), title, note, svg, why);
    flint_free(why);
    flint_free(svg);
    sc_f3_lambda_clear(&L);
}

/* [F3] The learning-rate sweep (theorems/figure3/f3_sweep.c): one line
   per eta in the caption, the plot below. */
static void
sc_check_figure3_sweep(sc_report_t R, sc_ctx_t ctx, slong prec0,
                       slong prec_max)
{
    sc_f3_sweep_struct W;
    char title[256], note[2400], * svg = NULL, * why = NULL, * e;
    size_t pos;
    fmpq_t eta;
    slong k;

    sc_f3_sweep_init(&W, ctx->cs, prec0, prec_max);
    fmpq_init(eta);
    snprintf(title, sizeof(title), "%s: learning-rate sweep", ctx->cs->name);
    pos = (size_t) snprintf(note, sizeof(note), "The case at eta x f, f in "
                            "{1/4, 1/2, 3/4, 1, 3/2, 2, 4}, every run "
                            "certified (full GD in balls), [F3]'s spike of "
                            "each:");
    for (k = 0; k < W.n && pos < sizeof(note); k++)
    {
        const sc_f3_sweep_point_struct * p = W.pt + k;

        fmpq_set_si(eta, p->p, (ulong) p->q);
        fmpq_mul(eta, eta, ctx->cs->eta);
        e = fmpq_get_str(NULL, 10, eta);
        if (p->status == SC_F3_SWEEP_SPIKE)
            pos += snprintf(note + pos, sizeof(note) - pos, " eta %s: onset "
                            "%ld, peak %ld, ratio %.4g;", e, (long) p->onset,
                            (long) p->peak, p->ratio);
        else
            pos += snprintf(note + pos, sizeof(note) - pos, " eta %s: %s;",
                            e, p->status == SC_F3_SWEEP_NONE
                            ? "no spike within the horizon"
                            : p->status == SC_F3_SWEEP_STOPPED
                            ? "the enclosure stopped before the horizon"
                            : "undecided at the precision cap");
        flint_free(e);
    }
    if (pos > 0 && pos < sizeof(note))
        note[pos - 1] = '.';
    if (sc_plot_f3_sweep_svg(&svg, &why, &W, fmpq_get_d(ctx->cs->eta),
                             ctx->cs->steps, ctx->cs->name) != SC_OK)
        svg = NULL;
    sc_report_add_figure3(R, sc_check_case_file(ctx), title, note, svg, why);
    flint_free(why);
    flint_free(svg);
    fmpq_clear(eta);
}

/* The sharpness panel of a case (BEYOND.md s.2-3): plain GD only,
   nothing when the trajectory does not reach the horizon. */
static void
sc_check_sharp_figure(sc_report_t R, sc_ctx_t ctx, slong prec0,
                      slong prec_max, int figure3)
{
    slong n = ctx->cs->steps + 1;
    sc_plot_sharp_struct p;
    char * svg, * why, title[200];

    if (!fmpq_is_zero(ctx->cs->momentum) || ctx->cs->project_norm)
        return;
    p.lmax = flint_malloc(4 * n * sizeof(double));
    p.lmaxP = p.lmax + n;
    p.kappa = p.lmaxP + n;
    p.rhoJ = p.kappa + n;
    p.rising = flint_malloc(n * sizeof(int));
    p.len = sc_sharp_series_heuristic(p.lmax, p.lmaxP, p.kappa, p.rhoJ,
                                      p.rising, ctx, prec0, prec_max);
    p.thr = 2 / fmpq_get_d(ctx->cs->eta);
    snprintf(p.title, sizeof(p.title), "%s: sharpness and non-normality",
             ctx->cs->name);
    if (p.len > 0)
    {
        snprintf(title, sizeof(title), "%s: sharpness (S1-S2, N1-N3)",
                 ctx->cs->name);
        if (sc_plot_svg_sharp(&svg, &why, &p) != SC_OK)
            svg = NULL;
        if (figure3)
            sc_report_add_figure3(R, sc_check_case_file(ctx), title,
                                  "The [S1]/[S2] series of the certified "
                                  "run (BEYOND.md s.2): lambda_max of the "
                                  "Hessian in (w, gamma) against 2/eta, and "
                                  "of the preconditioned P^1/2 H P^1/2 "
                                  "against 2; kappa(V_t) and rho(J_t) of "
                                  "[N1]-[N3].", svg, why);
        else
            sc_report_add_figure(R, sc_check_case_file(ctx), title, NULL,
                                 svg, why);
        flint_free(why);
        flint_free(svg);
    }
    flint_free(p.rising);
    flint_free(p.lmax);
}

/* Whether --plot (or a run on one case) asks for the trajectory of c. */
static int
sc_check_plot_wanted(const sc_check_opts * o, const sc_case_struct * c)
{
    slong i;

    if (o->plot_all)
        return 1;
    for (i = 0; i < o->nplot; i++)
        if (strcmp(o->plot[i], c->name) == 0
            || (c->path != NULL && strcmp(o->plot[i], c->path) == 0))
            return 1;
    return 0;
}

/* "VIOLATED: S2 (step 1); UNDECIDED: T2.2", the findings a figure shows,
   or "" */
static void
sc_check_findings_note(char * buf, size_t len, const sc_report_t R,
                       slong first)
{
    static const sc_verdict_t shown[2] = { SC_VIOLATED, SC_UNDECIDED };
    const char * sep;
    size_t pos = 0;
    slong j;
    int k;

    buf[0] = '\0';
    for (k = 0; k < 2; k++)
    {
        sep = k == 0 ? "VIOLATED: " : (pos > 0 ? "; UNDECIDED: "
                                                : "UNDECIDED: ");
        for (j = first; j < R->len && pos < len; j++)
        {
            const sc_result_struct * r = R->rec[j].res;

            if (r->verdict != shown[k])
                continue;
            pos += snprintf(buf + pos, len - pos, "%s%s", sep,
                            R->rec[j].thm->id);
            if (r->step >= 0 && pos < len)
                pos += snprintf(buf + pos, len - pos, " (step %ld)",
                                (long) r->step);
            sep = ", ";
        }
    }
}

void
sc_cli_check_figures(sc_report_t R, const sc_check_opts * o, sc_ctx_t ctx,
                     slong first, slong prec0, slong prec_max)
{
    const sc_case_struct * c = ctx->cs;
    int violated = 0, undecided = 0;
    char note[512];
    slong j;

    for (j = first; j < R->len; j++)
    {
        violated |= (R->rec[j].res->verdict == SC_VIOLATED);
        undecided |= (R->rec[j].res->verdict == SC_UNDECIDED);
    }
    sc_check_findings_note(note, sizeof(note), R, first);
    if (violated || undecided)
        sc_check_figure(R, ctx, prec0, prec_max, violated ? "counterexample"
                        : "undecided", note);
    else if (c->figures & SC_FIGURE_TRAJECTORY)
        sc_check_figure(R, ctx, prec0, prec_max, "showcase", NULL);
    else if (sc_check_plot_wanted(o, c))
        sc_check_figure(R, ctx, prec0, prec_max, "trajectory", NULL);
    if (c->figures & SC_FIGURE_FIGURE3)
    {
        slong onset = sc_check_figure3(R, ctx, first,
                                       o->fprec > 0 ? o->fprec : 53, prec0,
                                       prec_max);

        sc_check_figure3_lambda(R, ctx, onset, prec0, prec_max);
        /* the sharpness panel once per case: in the Figure 3 section */
        if (!(c->figures & SC_FIGURE_SHARPNESS))
            sc_check_sharp_figure(R, ctx, prec0, prec_max, 1);
        sc_check_figure3_sweep(R, ctx, prec0, prec_max);
    }
    if (c->figures & SC_FIGURE_SHARPNESS)
        sc_check_sharp_figure(R, ctx, prec0, prec_max, 0);
}
