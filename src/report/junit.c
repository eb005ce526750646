/*
 * junit.c -- JUnit XML for CI systems: one testsuite per checker, one
 * testcase per (checker, case).  VIOLATED and UNDECIDED are failures whose
 * text holds predicted, observed, slack, the reason and the replay command;
 * NOT-APPLICABLE is skipped with its reason.  No timings: identical inputs
 * give identical bytes.
 */
#include <string.h>
#include "report/report.h"
#include "num/num.h"

static void
sc_xml_text(FILE * out, const char * s)
{
    for ( ; *s != '\0'; s++)
    {
        switch (*s)
        {
            case '&': fputs("&amp;", out); break;
            case '<': fputs("&lt;", out); break;
            case '>': fputs("&gt;", out); break;
            case '"': fputs("&quot;", out); break;
            default:
                if ((unsigned char) *s < 0x20 && *s != '\n')
                    fputc('?', out);
                else
                    fputc(*s, out);
        }
    }
}

static void
sc_xml_num(FILE * out, const char * label, int has, const arb_t x)
{
    char * s;

    fprintf(out, "%s: ", label);
    if (!has)
    {
        fputs("-\n", out);
        return;
    }
    s = sc_num_get_str_certain(x, 17);
    fprintf(out, "%s\n", s);
    flint_free(s);
}

static void
sc_junit_case(FILE * out, const sc_record_struct * r)
{
    const sc_result_struct * s = r->res;

    fputs("  <testcase classname=\"", out);
    sc_xml_text(out, r->thm->id);
    fputs("\" name=\"", out);
    sc_xml_text(out, r->case_name);
    fputs("\">\n", out);
    if (s->verdict == SC_NOT_APPLICABLE)
    {
        fputs("   <skipped message=\"", out);
        sc_xml_text(out, s->reason);
        fputs("\"/>\n", out);
    }
    else if (s->verdict == SC_VIOLATED || s->verdict == SC_UNDECIDED)
    {
        fprintf(out, "   <failure type=\"%s\" message=\"",
                sc_verdict_name(s->verdict));
        sc_xml_text(out, s->reason);
        fputs("\">", out);
        sc_xml_num(out, "predicted", s->has_predicted, s->predicted);
        sc_xml_num(out, "observed", s->has_observed, s->observed);
        sc_xml_num(out, "slack", s->has_slack, s->slack);
        fprintf(out, "step: %ld\nprecision: %ld\nprovenance: %s\nreplay: ",
                (long) s->step, (long) s->prec, r->thm->provenance);
        sc_xml_text(out, r->replay);
        fputs("</failure>\n", out);
    }
    fputs("  </testcase>\n", out);
}

int
sc_report_write_junit(FILE * out, const sc_report_t R)
{
    slong i, j, k, cnt[SC_NUM_VERDICTS];

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "
          "name=\"spikecheck\">\n", out);
    for (j = 0; j < sc_thm_count; j++)
    {
        const sc_thm_struct * thm = sc_thm_table + j;

        for (k = 0; k < SC_NUM_VERDICTS; k++)
            cnt[k] = 0;
        for (i = 0; i < R->len; i++)
            if (R->rec[i].thm == thm)
                cnt[R->rec[i].res->verdict]++;
        if (cnt[0] + cnt[1] + cnt[2] + cnt[3] == 0)
            continue;
        fprintf(out, " <testsuite name=\"%s\" tests=\"%ld\" failures=\"%ld\" "
                "skipped=\"%ld\" errors=\"0\">\n", thm->id,
                (long) (cnt[0] + cnt[1] + cnt[2] + cnt[3]),
                (long) (cnt[SC_VIOLATED] + cnt[SC_UNDECIDED]),
                (long) cnt[SC_NOT_APPLICABLE]);
        for (i = 0; i < R->len; i++)
            if (R->rec[i].thm == thm)
                sc_junit_case(out, R->rec + i);
        fputs(" </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
    return ferror(out) ? SC_EIO : SC_OK;
}
