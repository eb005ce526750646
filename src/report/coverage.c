/*
 * coverage.c -- what a run exercised, per claim: where its hypotheses
 * held, how often its conclusion was at risk (exercised) or not (vacuous),
 * its NOT-APPLICABLE records grouped by the hypothesis that failed, its
 * findings, and the least slack with the case that reached it.  The
 * terminal summary and the HTML report open with it; a reviewer reads a
 * claim's HOLDS count next to how many of those were vacuous.
 */
#include <string.h>
#include "report/report.h"
#include "num/num.h"

void
sc_coverage_init(sc_coverage_struct * C)
{
    memset(C, 0, sizeof(*C));
    C->least = -1;
}

/* The N/A group of r: its failed label, or the reason when the checker
   named none (one group per distinct reason, shown as it reads). */
static const char *
sc_coverage_group(const sc_result_struct * r)
{
    return r->failed != NULL ? r->failed : r->reason;
}

static void
sc_coverage_add_na(sc_coverage_struct * C, const char * label)
{
    slong k;

    for (k = 0; k < C->ngroups; k++)
        if (strcmp(C->group[k].label, label) == 0)
        {
            C->group[k].count++;
            return;
        }
    if (C->ngroups == SC_COVERAGE_GROUPS)
    {
        C->other++;
        return;
    }
    C->group[C->ngroups].label = label;
    C->group[C->ngroups].count = 1;
    C->ngroups++;
}

void
sc_coverage_of(sc_coverage_struct * C, const sc_report_t R,
               const sc_thm_struct * thm)
{
    slong i;

    sc_coverage_init(C);
    for (i = 0; i < R->len; i++)
    {
        const sc_record_struct * r = R->rec + i;
        const sc_result_struct * s = r->res;

        if (r->thm != thm)
            continue;
        C->records++;
        if (s->verdict == SC_HOLDS)
        {
            C->held++;
            if (s->exercised)
                C->exercised++;
            else
                C->vacuous++;
            /* the least slack over the exercised HOLDS (a vacuous truth
               keeps none), by midpoint: display only */
            if (s->exercised && s->has_slack && arb_is_finite(s->slack)
                && (C->least < 0
                    || arf_cmp(arb_midref(s->slack),
                               arb_midref(R->rec[C->least].res->slack)) < 0))
                C->least = i;
        }
        else if (s->verdict == SC_VIOLATED)
        {
            C->held++;
            C->violated++;
        }
        else if (s->verdict == SC_UNDECIDED)
            C->undecided++;
        else
        {
            C->na++;
            sc_coverage_add_na(C, sc_coverage_group(s));
        }
    }
}

/* Groups by count, largest first, then by label: the same order on every
   machine. */
void
sc_coverage_sort(sc_coverage_struct * C)
{
    slong i, j;

    for (i = 1; i < C->ngroups; i++)
        for (j = i; j > 0; j--)
        {
            sc_coverage_group_struct * a = C->group + j - 1, * b = a + 1, t;

            if (a->count > b->count || (a->count == b->count
                                        && strcmp(a->label, b->label) <= 0))
                break;
            t = *a;
            *a = *b;
            *b = t;
        }
}

void
sc_report_print_coverage(FILE * out, const sc_report_t R)
{
    sc_coverage_struct C;
    slong j, k;
    int w = sc_thm_id_width();

    fprintf(out, "\ncoverage: per claim, the cases where its hypotheses held "
            "(HOLDS + VIOLATED), of those HOLDS whose conclusion was at risk "
            "(exercised) or not (vacuous); least slack over exercised "
            "HOLDS\n");
    fprintf(out, "%-*s %-13s %5s %9s %7s %5s %5s %5s  %s\n", w, "claim",
            "provenance", "held", "exercised", "vacuous", "VIOL", "UNDEC",
            "N/A", "least slack (case)");
    for (j = 0; sc_report_claim(R, j) != NULL; j++)
    {
        const sc_thm_struct * thm = sc_report_claim(R, j);

        sc_coverage_of(&C, R, thm);
        if (C.records == 0)
            continue;
        sc_coverage_sort(&C);
        fprintf(out, "%-*s %-13s %5ld %9ld %7ld %5ld %5ld %5ld  ", w, thm->id,
                thm->provenance, (long) C.held, (long) C.exercised,
                (long) C.vacuous, (long) C.violated, (long) C.undecided,
                (long) C.na);
        if (C.least >= 0)
        {
            char * s = sc_num_get_str_certain(R->rec[C.least].res->slack, 6);

            fprintf(out, "%s (%s)\n", s, R->rec[C.least].case_name);
            flint_free(s);
        }
        else
            fprintf(out, "-\n");
        /* the N/A records by failing hypothesis, the three largest */
        for (k = 0; k < C.ngroups && k < 3; k++)
            fprintf(out, "%6s N/A %ld: %.90s\n", "", (long) C.group[k].count,
                    C.group[k].label);
        if (C.ngroups > 3 || C.other > 0)
        {
            slong rest = C.other;

            for (; k < C.ngroups; k++)
                rest += C.group[k].count;
            fprintf(out, "%6s N/A %ld: other hypotheses (see the reports)\n",
                    "", (long) rest);
        }
    }
}
