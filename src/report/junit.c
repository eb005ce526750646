/*
 * junit.c -- JUnit XML for CI systems: one testsuite per checker, one
 * testcase per (checker, case).  VIOLATED and UNDECIDED are failures whose
 * text holds predicted, observed, slack, the reason and the replay command;
 * NOT-APPLICABLE is skipped with its reason.  Properties carry the same
 * as name/value pairs, for tools that read them: per testcase the claim,
 * verdict, predicted, observed, slack, precision, step and replay; per
 * testsuite the verdict counts and the provenance.  No timings: identical
 * inputs give identical bytes.
 */
#include <string.h>
#include "report/report.h"
#include "num/num.h"

/* s as XML text or attribute value: markup escaped, a newline as a
   character reference (an attribute keeps it), other control bytes and
   invalid UTF-8 as '?' */
static void
sc_xml_text(FILE * out, const char * s)
{
    const unsigned char * u = (const unsigned char *) s;
    int n;

    while (*u != '\0')
    {
        switch (*u)
        {
            case '&': fputs("&amp;", out); break;
            case '<': fputs("&lt;", out); break;
            case '>': fputs("&gt;", out); break;
            case '"': fputs("&quot;", out); break;
            case '\n': fputs("&#10;", out); break;
            default:
                n = sc_report_utf8_len(u);
                if (*u < 0x20 || n == 0)
                    fputc('?', out);
                else
                {
                    fwrite(u, 1, n, out);
                    u += n - 1;
                }
        }
        u++;
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

/* <property name="NAME" value="VALUE"/>, the value escaped */
static void
sc_xml_property(FILE * out, const char * indent, const char * name,
                const char * value)
{
    fprintf(out, "%s<property name=\"%s\" value=\"", indent, name);
    sc_xml_text(out, value);
    fputs("\"/>\n", out);
}

/* a number property: the certain digits, or "-" when there is none */
static void
sc_xml_num_property(FILE * out, const char * name, int has, const arb_t x)
{
    char * s = has ? sc_num_get_str_certain(x, 17) : NULL;

    sc_xml_property(out, "    ", name, s != NULL ? s : "-");
    flint_free(s);
}

static void
sc_junit_properties(FILE * out, const sc_record_struct * r)
{
    const sc_result_struct * s = r->res;
    char buf[32];

    fputs("   <properties>\n", out);
    sc_xml_property(out, "    ", "claim", r->thm->id);
    sc_xml_property(out, "    ", "statement", sc_thm_statement(r->thm));
    sc_xml_property(out, "    ", "verdict", sc_verdict_name(s->verdict));
    /* a vacuous truth is told apart here too (HOLDS only) */
    sc_xml_property(out, "    ", "exercised", s->verdict != SC_HOLDS ? "-"
                    : s->exercised ? "true" : "false");
    if (s->verdict == SC_NOT_APPLICABLE && s->failed != NULL)
        sc_xml_property(out, "    ", "failed_hypothesis", s->failed);
    sc_xml_num_property(out, "predicted", s->has_predicted, s->predicted);
    sc_xml_num_property(out, "observed", s->has_observed, s->observed);
    sc_xml_num_property(out, "slack", s->has_slack, s->slack);
    snprintf(buf, sizeof(buf), "%ld", (long) s->prec);
    sc_xml_property(out, "    ", "precision", buf);
    snprintf(buf, sizeof(buf), "%ld", (long) s->step);
    sc_xml_property(out, "    ", "step", s->step >= 0 ? buf : "-");
    sc_xml_property(out, "    ", "replay", r->replay);
    fputs("   </properties>\n", out);
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
    sc_junit_properties(out, r);
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
    for (j = 0; sc_report_claim(R, j) != NULL; j++)
    {
        const sc_thm_struct * thm = sc_report_claim(R, j);

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
        fputs("  <properties>\n", out);
        sc_xml_property(out, "   ", "provenance", thm->provenance);
        for (k = 0; k < SC_NUM_VERDICTS; k++)
        {
            char value[32];

            snprintf(value, sizeof(value), "%ld", (long) cnt[k]);
            sc_xml_property(out, "   ", sc_verdict_name(k), value);
        }
        {
            char value[32];

            /* of the HOLDS, those whose conclusion was never at risk */
            snprintf(value, sizeof(value), "%ld",
                     (long) sc_report_vacuous(R, thm));
            sc_xml_property(out, "   ", "vacuous", value);
        }
        fputs("  </properties>\n", out);
        for (i = 0; i < R->len; i++)
            if (R->rec[i].thm == thm)
                sc_junit_case(out, R->rec + i);
        fputs(" </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
    return ferror(out) ? SC_EIO : SC_OK;
}
