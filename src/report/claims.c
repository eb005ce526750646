/*
 * claims.c -- the claims a report lists: the registry's lines, then the
 * family claims a sweep judged.  Family claims are not registry lines
 * (check would run them on every case); their records carry the
 * sc_thm_struct of their sc_fam_table line.
 */
#include "report/report.h"

static int
sc_claims_has(const sc_report_t R, const sc_thm_struct * thm)
{
    slong i;

    for (i = 0; i < R->len; i++)
        if (R->rec[i].thm == thm)
            return 1;
    return 0;
}

const sc_thm_struct *
sc_report_claim(const sc_report_t R, slong j)
{
    slong k;

    if (j < sc_thm_count)
        return sc_thm_table + j;
    j -= sc_thm_count;
    for (k = 0; k < sc_fam_count; k++)
        if (sc_claims_has(R, &sc_fam_table[k].thm) && j-- == 0)
            return &sc_fam_table[k].thm;
    return NULL;
}
