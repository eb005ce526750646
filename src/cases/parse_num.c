/*
 * parse_num.c -- exact numbers from strings: "p/q" or a decimal with an
 * optional exponent, never through a double.
 *
 * Grammar (no spaces anywhere):
 *   number   = sign? ( fraction | decimal )
 *   fraction = digits "/" digits             (denominator nonzero, unsigned)
 *   decimal  = ( digits ("." digits?)? | "." digits ) exponent?
 *   exponent = ("e" | "E") sign? digits      (|value| <= SC_NUM_MAX_EXP)
 * The length is capped so that a hostile case file cannot make us build a
 * gigantic integer: SC_NUM_MAX_LEN characters give at most about 330 kbit,
 * and SC_NUM_MAX_EXP bounds the power of ten.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cases/cases.h"

#define SC_NUM_MAX_LEN 100000
#define SC_NUM_SHOW 40          /* characters of a bad number echoed back */

static void
sc_num_err(char * err, size_t errlen, const char * fmt, ...)
{
    va_list ap;

    if (err == NULL || errlen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* "not an exact number: '...'" with long inputs cut short. */
static void
sc_num_err_syntax(char * err, size_t errlen, const char * s, size_t len,
                  const char * why)
{
    int show = (int) (len > SC_NUM_SHOW ? SC_NUM_SHOW : len);

    sc_num_err(err, errlen, "not an exact number: '%.*s%s'%s", show, s,
               len > SC_NUM_SHOW ? "..." : "", why);
}

static int
sc_is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static size_t
sc_span_digits(const char * s)
{
    size_t i = 0;

    while (sc_is_digit(s[i]))
        i++;
    return i;
}

/* x = the integer written by the len digits at s. */
static void
sc_fmpz_set_digits(fmpz_t x, const char * s, size_t len)
{
    char * buf = flint_malloc(len + 1);

    memcpy(buf, s, len);
    buf[len] = '\0';
    if (fmpz_set_str(x, buf, 10) != 0)
        flint_abort();          /* only digits reach here */
    flint_free(buf);
}

/* p/q after the sign; the digits are checked by the caller. */
static int
sc_parse_fraction(fmpq_t x, const char * p, size_t plen, const char * q,
                  size_t qlen, char * err, size_t errlen)
{
    fmpz_t num, den;
    int rc = SC_OK;

    fmpz_init(num);
    fmpz_init(den);

    sc_fmpz_set_digits(num, p, plen);
    sc_fmpz_set_digits(den, q, qlen);
    if (fmpz_is_zero(den))
    {
        sc_num_err(err, errlen, "zero denominator");
        rc = SC_EINVAL;
        goto cleanup;
    }
    fmpq_set_fmpz_frac(x, num, den);

cleanup:
    fmpz_clear(den);
    fmpz_clear(num);
    return rc;
}

/* Reads the exponent digits at s (already known to be nonempty); returns 0
   if |value| exceeds SC_NUM_MAX_EXP.  Leading zeros are harmless. */
static int
sc_parse_exponent(slong * e, const char * s, size_t len, int negative)
{
    size_t i;
    slong v = 0;

    for (i = 0; i < len; i++)
    {
        v = 10 * v + (s[i] - '0');
        if (v > SC_NUM_MAX_EXP)
            return 0;
    }
    *e = negative ? -v : v;
    return 1;
}

/* x = m * 10^e exactly. */
static void
sc_fmpq_set_decimal(fmpq_t x, const fmpz_t m, slong e)
{
    fmpz_t p;

    fmpz_init(p);
    fmpz_ui_pow_ui(p, 10, (ulong) (e < 0 ? -e : e));
    if (e >= 0)
    {
        fmpz_mul(fmpq_numref(x), m, p);
        fmpz_one(fmpq_denref(x));
    }
    else
    {
        fmpz_set(fmpq_numref(x), m);
        fmpz_set(fmpq_denref(x), p);
        fmpq_canonicalise(x);
    }
    fmpz_clear(p);
}

/* Checks "e[sign]digits" at s (or nothing); sets *e. */
static int
sc_parse_exponent_part(slong * e, const char * s, const char * whole,
                       size_t len, char * err, size_t errlen)
{
    size_t ne;
    int negative;

    *e = 0;
    if (*s == '\0')
        return SC_OK;
    if (*s != 'e' && *s != 'E')
    {
        sc_num_err_syntax(err, errlen, whole, len, "");
        return SC_EINVAL;
    }
    negative = (s[1] == '-');
    s += (s[1] == '-' || s[1] == '+') ? 2 : 1;
    ne = sc_span_digits(s);
    if (ne == 0 || s[ne] != '\0')
    {
        sc_num_err_syntax(err, errlen, whole, len, " (bad exponent)");
        return SC_EINVAL;
    }
    if (!sc_parse_exponent(e, s, ne, negative))
    {
        sc_num_err(err, errlen, "exponent out of range (|e| > %d)",
                   SC_NUM_MAX_EXP);
        return SC_EINVAL;
    }
    return SC_OK;
}

/* The decimal form; s points after the sign, whole is for messages. */
static int
sc_parse_decimal(fmpq_t x, const char * s, const char * whole, size_t len,
                 char * err, size_t errlen)
{
    const char * ip = s, * fp = "";
    size_t ni, nf = 0;
    slong e;
    char * digits;
    fmpz_t m;

    ni = sc_span_digits(ip);
    s = ip + ni;
    if (*s == '.')
    {
        fp = s + 1;
        nf = sc_span_digits(fp);
        s = fp + nf;
    }
    if (ni + nf == 0)
    {
        sc_num_err_syntax(err, errlen, whole, len, "");
        return SC_EINVAL;
    }
    if (sc_parse_exponent_part(&e, s, whole, len, err, errlen) != SC_OK)
        return SC_EINVAL;

    /* value = (integer digits, fraction digits) * 10^(e - nf) */
    digits = flint_malloc(ni + nf + 1);
    memcpy(digits, ip, ni);
    memcpy(digits + ni, fp, nf);
    fmpz_init(m);
    sc_fmpz_set_digits(m, digits, ni + nf);
    sc_fmpq_set_decimal(x, m, e - (slong) nf);
    fmpz_clear(m);
    flint_free(digits);
    return SC_OK;
}

static int
sc_has_space(const char * s)
{
    for ( ; *s != '\0'; s++)
        if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
            return 1;
    return 0;
}

int
sc_num_parse_fmpq(fmpq_t x, const char * s, char * err, size_t errlen)
{
    const char * body, * slash;
    size_t len, np, nq;
    int negative, rc;
    fmpq_t t;

    len = strnlen(s, SC_NUM_MAX_LEN + 1);
    if (len == 0)
    {
        sc_num_err(err, errlen, "empty number");
        return SC_EINVAL;
    }
    if (len > SC_NUM_MAX_LEN)
    {
        sc_num_err(err, errlen, "number too long (more than %d characters)",
                   SC_NUM_MAX_LEN);
        return SC_EINVAL;
    }
    if (sc_has_space(s))
    {
        sc_num_err_syntax(err, errlen, s, len, " (contains whitespace)");
        return SC_EINVAL;
    }

    negative = (s[0] == '-');
    body = (s[0] == '-' || s[0] == '+') ? s + 1 : s;
    fmpq_init(t);
    slash = strchr(body, '/');
    if (slash != NULL)
    {
        np = sc_span_digits(body);
        nq = sc_span_digits(slash + 1);
        if (np == 0 || body + np != slash || nq == 0 || slash[1 + nq] != '\0')
        {
            sc_num_err_syntax(err, errlen, s, len, " (expected p/q)");
            rc = SC_EINVAL;
        }
        else
            rc = sc_parse_fraction(t, body, np, slash + 1, nq, err, errlen);
    }
    else
        rc = sc_parse_decimal(t, body, s, len, err, errlen);

    if (rc == SC_OK)
    {
        if (negative)
            fmpq_neg(t, t);
        fmpq_swap(x, t);
    }
    fmpq_clear(t);
    return rc;
}
