/*
 * fam_core.c -- the family claims' registry, their precision ladder and
 * the plot they hand to the report.  Adding a family claim: one judge
 * file here, one line in sc_fam_table, a family file under
 * cases/families/, and its test in tests/test_families.c.
 */
#include <string.h>
#include "theorems/families/families.h"

#define SC_BIT(k) (1 << (k))

const sc_fam_claim_struct sc_fam_table[] =
{
    { { "FAM-T2.2-rho", "Waiting time grows like ln(1/rho_0) / eta_gamma",
        SC_PROV_OBSERVATIONAL,
        "paper Theorem 2 item 2 and its discussion; THEOREMS.md s.3; "
        "issue 16",
        "at fixed eta, eta_gamma, gamma_0 the first rising step t1 fits "
        "a + b ln(1/rho_0) with b = 2/eta_gamma within the tolerance "
        "(T_cf's slope beside it)", NULL, { NULL, NULL, NULL }, NULL },
      { "T2.2-T", NULL }, SC_BIT(SC_FAMILY_RHO0), SC_BIT(SC_FAMILY_RHO0),
      "1/4", sc_fam_t22_rho_judge },
    { { "FAM-W6-period", "Spike period is set by eta lambda alone",
        SC_PROV_OBSERVATIONAL,
        "seed 004 s.5, App. E.1, Corollary 1; BEYOND.md s.1; issue 16",
        "over the grid's points with at least two spikes period * eta * "
        "lambda is one constant within the tolerance (at a fixed product "
        "and across products); the (eta, lambda) regime map: periodic, "
        "one spike, no spike, stuck (the loss stays high)", NULL,
        { NULL, NULL, NULL }, NULL },
      /* nothing required: a grid of eta alone varies the product too */
      { "W6-a", NULL }, 0,
      SC_BIT(SC_FAMILY_ETA) | SC_BIT(SC_FAMILY_LAMBDA)
      | SC_BIT(SC_FAMILY_ETA_LAMBDA), "1/4", sc_fam_w6_period_judge },
    { { "FAM-T5-entry", "Larger eta, smaller ||w_0||: earlier small ratio",
        SC_PROV_OBSERVATIONAL,
        "paper Theorem 5's first takeaway; LOGISTIC.md s.2.7; issue 16",
        "the first step with rho_t <= rho_0/2 depends on eta / ||w_0||^2 "
        "only and comes no later at a larger one", NULL,
        { NULL, NULL, NULL }, NULL },
      { "T5.2-W", NULL }, 0,
      SC_BIT(SC_FAMILY_ETA) | SC_BIT(SC_FAMILY_NORM2), "0",
      sc_fam_t5_entry_judge },
    { { "FAM-T5-exit", "Smaller margin: no lower exit threshold",
        SC_PROV_OBSERVATIONAL,
        "paper Theorem 5's second takeaway and item 3; LOGISTIC.md s.2.7; "
        "issue 16",
        "over a grid of margins the least exit threshold rho_exit of "
        "[T5.3-3] is no smaller at a smaller margin", NULL,
        { NULL, NULL, NULL }, NULL },
      { "T5.3-3", NULL }, SC_BIT(SC_FAMILY_MARGIN),
      SC_BIT(SC_FAMILY_MARGIN), "0", sc_fam_t5_exit_judge },
    { { "FAM-T5-depth", "Smaller margin: deeper before the rising branch",
        SC_PROV_OBSERVATIONAL,
        "paper Theorem 5's second takeaway; LOGISTIC.md s.2.7; issue 16",
        "over a grid of margins rho at the first positive-alignment "
        "rising step ([T5.3-3]) is no larger at a smaller margin", NULL,
        { NULL, NULL, NULL }, NULL },
      { "T5.3-3", NULL }, SC_BIT(SC_FAMILY_MARGIN),
      SC_BIT(SC_FAMILY_MARGIN), "0", sc_fam_t5_depth_judge },
};

const slong sc_fam_count = sizeof(sc_fam_table) / sizeof(sc_fam_table[0]);

const sc_fam_claim_struct *
sc_fam_lookup(const char * id)
{
    slong i;

    for (i = 0; i < sc_fam_count; i++)
        if (strcmp(sc_fam_table[i].thm.id, id) == 0)
            return sc_fam_table + i;
    return NULL;
}

const sc_fam_claim_struct *
sc_fam_of(const sc_thm_struct * thm)
{
    slong i;

    for (i = 0; i < sc_fam_count; i++)
        if (&sc_fam_table[i].thm == thm)
            return sc_fam_table + i;
    return NULL;
}

void
sc_fam_plot_init(sc_fam_plot_struct * P)
{
    memset(P, 0, sizeof(*P));
}

void
sc_fam_plot_clear(sc_fam_plot_struct * P)
{
    slong k;

    for (k = 0; k < P->nseries; k++)
    {
        flint_free(P->s[k].x);
        flint_free(P->s[k].y);
    }
    memset(P, 0, sizeof(*P));
}

sc_fam_series_struct *
sc_fam_plot_add(sc_fam_plot_struct * P, const char * label, int lines,
                slong n)
{
    sc_fam_series_struct * s;

    if (P->nseries == SC_FAM_MAX_SERIES)
        return NULL;
    s = P->s + P->nseries++;
    snprintf(s->label, sizeof(s->label), "%s", label);
    s->lines = lines;
    s->n = n;
    s->x = flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    s->y = flint_calloc(FLINT_MAX(n, 1), sizeof(double));
    return s;
}

int
sc_fam_within(sc_result_t res, const arb_t x, const arb_t bound,
              const char * what)
{
    if (arb_le(x, bound))
        res->verdict = SC_HOLDS;
    else if (arb_gt(x, bound))
        res->verdict = SC_VIOLATED;
    else
    {
        sc_result_reason(res, "%s undecided", what);
        return SC_UNABLE;
    }
    return SC_OK;
}

int
sc_fam_extra(arb_t x, const sc_result_struct * r, const char * name)
{
    slong k;

    for (k = 0; k < SC_MAX_EXTRA; k++)
        if (r->extra[k].set && r->extra[k].name != NULL
            && strcmp(r->extra[k].name, name) == 0)
        {
            arb_set(x, r->extra[k].value);
            return 1;
        }
    return 0;
}

typedef struct
{
    sc_result_struct * res;
    sc_fam_plot_struct * P;
    const sc_fam_claim_struct * cl;
    const sc_fam_points_struct * pts;
}
sc_fam_attempt_struct;

static int
sc_fam_attempt(void * arg, slong prec, int last)
{
    sc_fam_attempt_struct * a = arg;
    slong k;
    int status;

    (void) last;
    sc_result_reset(a->res);
    for (k = 0; k < SC_FAM_MAX_PLOTS; k++)
        sc_fam_plot_clear(a->P + k);
    a->res->certificate = "least squares in balls over certified records";
    status = a->cl->judge(a->res, a->P, a->pts, prec);
    a->res->prec = prec;
    return status;
}

void
sc_fam_run(sc_result_t res, sc_fam_plot_struct * P,
           const sc_fam_claim_struct * cl, const sc_fam_points_struct * pts,
           slong prec0, slong prec_max)
{
    sc_fam_attempt_struct a = { res, P, cl, pts };
    char last[SC_REASON_LEN];

    if (sc_escalate(NULL, prec0, prec_max, sc_fam_attempt, &a) == SC_OK)
        return;
    memcpy(last, res->reason, SC_REASON_LEN);
    res->verdict = SC_UNDECIDED;
    snprintf(res->reason, SC_REASON_LEN,
             "precision cap %ld bits reached: %.400s", (long) prec_max, last);
}
