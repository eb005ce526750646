/*
 * fuzz_part.h -- shared by the targets that read files (journals, JSON
 * reports): the readers take paths, so an input is written to private
 * files first.  A NUL byte splits it into two parts, so that the checks
 * across parts (options differ, a case in two parts) are reached too.
 * The header holds the libFuzzer entry; a target defines sc_fuzz_target,
 * which reads the n >= 1 part files.
 */
#ifndef SC_FUZZ_PART_H
#define SC_FUZZ_PART_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SC_FUZZ_MAX_PARTS 2

/* Writes data to up to two files named in path[i] (buffers of 64 bytes);
   returns the number of parts written, 0 on failure. */
static inline int
sc_fuzz_write_parts(char path[][64], const uint8_t * data, size_t size)
{
    const uint8_t * cut = memchr(data, '\0', size);
    size_t len[SC_FUZZ_MAX_PARTS];
    int n = cut != NULL ? 2 : 1, i;

    len[0] = cut != NULL ? (size_t) (cut - data) : size;
    len[1] = cut != NULL ? size - len[0] - 1 : 0;
    for (i = 0; i < n; i++)
    {
        FILE * f;

        snprintf(path[i], 64, "/tmp/sc-fuzz-%ld-%d", (long) getpid(), i);
        f = fopen(path[i], "wb");
        if (f == NULL)
            return 0;
        if (fwrite(i == 0 ? data : cut + 1, 1, len[i], f) != len[i])
            len[i] = 0;
        fclose(f);
    }
    return n;
}

static inline void
sc_fuzz_remove_parts(char path[][64], int n)
{
    int i;

    for (i = 0; i < n; i++)
        (void) unlink(path[i]);
}

static void sc_fuzz_target(char ** parts, int n);

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char path[SC_FUZZ_MAX_PARTS][64], * parts[SC_FUZZ_MAX_PARTS];
    int n = sc_fuzz_write_parts(path, data, size), i;

    for (i = 0; i < n; i++)
        parts[i] = path[i];
    if (n > 0)
        sc_fuzz_target(parts, n);
    sc_fuzz_remove_parts(path, n);
    return 0;
}

#endif
