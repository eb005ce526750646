/*
 * fuzz_case.c -- libFuzzer target for the front door: the case-file reader
 * (JSON, schema, generators, exact numbers) and the exact number parser.
 * Every input must end in SC_OK or a one-line error, never a crash, a leak
 * or an abort.  Built and run by `make fuzz` (clang, -fsanitize=fuzzer).
 */
#include <stdint.h>
#include <string.h>
#include "cases/cases.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char * text = flint_malloc(size + 1), err[SC_ERR_LEN];
    sc_case_t c;
    fmpq_t x;

    memcpy(text, data, size);
    text[size] = '\0';
    sc_case_init(c);
    if (sc_case_load_string(c, text, "fuzz", err, sizeof(err)) != SC_OK
        && (strchr(err, '\n') != NULL || strncmp(err, "fuzz: ", 6) != 0))
        __builtin_trap();       /* the one-line "LABEL: FIELD: reason" form */
    sc_case_clear(c);
    fmpq_init(x);
    if (size < 256)
        (void) sc_num_parse_fmpq(x, text, err, sizeof(err));
    fmpq_clear(x);
    flint_free(text);
    return 0;
}
