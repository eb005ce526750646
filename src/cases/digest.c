/*
 * digest.c -- the digest of a case: what a journal keys a finished case by,
 * so that a case file edited after a run is run again instead of restored.
 *
 * It is taken over the canonical form of the parsed file (jansson's compact
 * dump with sorted keys), so whitespace and key order do not count.  It
 * detects change, not tampering: a journal is trusted exactly as far as
 * the user who wrote it, and no Debian hash library is among our
 * dependencies for a purpose a 128-bit non-cryptographic digest serves.
 * Two FNV-1a lanes with distinct offsets, each finished by the splitmix64
 * mixer so that every input bit reaches every output bit.
 */
#include <stdio.h>
#include <string.h>
#include "cases/cases.h"

static ulong
sc_digest_mix(ulong z)
{
    z = (z ^ (z >> 30)) * UWORD(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UWORD(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void
sc_case_digest_text(char * out, const char * s, size_t n)
{
    ulong a = UWORD(0xcbf29ce484222325), b = UWORD(0x84222325cbf29ce4);
    size_t i;

    for (i = 0; i < n; i++)
    {
        a = (a ^ (unsigned char) s[i]) * UWORD(0x100000001b3);
        b = (b ^ (unsigned char) s[i]) * UWORD(0x100000001b3);
        b ^= b >> 29;
    }
    a = sc_digest_mix(a ^ (ulong) n);
    b = sc_digest_mix(b + (ulong) n);
    snprintf(out, SC_CASE_DIGEST_LEN + 1, "%016lx%016lx", (unsigned long) a,
             (unsigned long) b);
}
