/*
 * load.h -- the case loader's own header (sc_load_*), for its files only:
 * nothing outside src/cases/load*.c includes it; the loader's public face is
 * sc_case_load_file and sc_case_load_string in cases.h.
 *
 *   load.c            the file and the document: reading, JSON parsing, the
 *                     top-level keys, the digest
 *   load_field.c      field readers and the one error message "LABEL:
 *                     FIELD: reason"; the generator lookup by name
 *   load_data.c       "data": explicit X, y, or a data generator
 *   load_gen_data.c   the data generators, one table {name, loader}
 *   load_init.c       "init": explicit w, gamma, or an initial-state generator
 *   load_gen_init.c   the initial-state generators, one table {name, loader}
 *
 * Every reader checks a value before it is used and, on a bad one, writes
 * the message through sc_load_fail and returns SC_EINVAL (SC_EIO for a file
 * that cannot be read), leaving the case valid (clearable).
 */
#ifndef SC_LOAD_H
#define SC_LOAD_H

#include <jansson.h>
#include "cases/cases.h"

#define SC_FIELD_LEN 160

/* Where messages go: the label (path or caller's label) they start with. */
typedef struct
{
    const char * label;
    char * err;
    size_t errlen;
}
sc_load_struct;

typedef const sc_load_struct sc_load_t[1];

/* ---- load_field.c: messages and field readers ---- */

/* Writes "LABEL: FIELD: reason" (control characters shown as '?', so it
   stays one line) and returns SC_EINVAL. */
int sc_load_fail(sc_load_t L, const char * field, const char * fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* field (SC_FIELD_LEN chars) = prefix key, e.g. "data." "seed". */
void sc_load_field(char * field, const char * prefix, const char * key);

/* Every key of obj is one of allowed (NULL-terminated), else "unknown key". */
int sc_load_keys(sc_load_t L, json_t * obj, const char * prefix,
                 const char * const * allowed);

/* *v = obj[key]; a missing required key is an error, a missing optional
   one gives *v = NULL. */
int sc_load_member(json_t ** v, sc_load_t L, json_t * obj,
                   const char * prefix, const char * key, int required);

/* x = v, a string holding an exact number. */
int sc_load_number(fmpq_t x, sc_load_t L, json_t * v, const char * field);

/* x = obj[key] as an exact number; an absent optional key leaves x. */
int sc_load_number_key(fmpq_t x, sc_load_t L, json_t * obj,
                       const char * prefix, const char * key, int required);

/* *x = v, a JSON integer in [lo, hi]. */
int sc_load_int(slong * x, sc_load_t L, json_t * v, const char * field,
                slong lo, slong hi);

/* *x = obj[key] as an integer in [lo, hi]; an absent optional key leaves
   x. */
int sc_load_int_key(slong * x, sc_load_t L, json_t * obj,
                    const char * prefix, const char * key, int required,
                    slong lo, slong hi);

/* *seed = obj["seed"], required, a non-negative JSON integer. */
int sc_load_seed_key(ulong * seed, sc_load_t L, json_t * obj,
                     const char * prefix);

/* *x = obj[key] as a boolean; an absent key leaves x. */
int sc_load_bool_key(int * x, sc_load_t L, json_t * obj, const char * prefix,
                     const char * key);

/* n * d within the limits of cases.h (n, d >= 1 already). */
int sc_load_size(sc_load_t L, const char * field, slong n, slong d);

/* ---- generators: one table per kind, looked up by name ---- */

/* Reads the generator's keys from obj (the "data" or "init" object) and
   builds its part of c. */
typedef int (* sc_load_gen_fn)(sc_case_t c, sc_load_t L, json_t * obj);

typedef struct
{
    const char * name;
    sc_load_gen_fn load;
}
sc_load_gen_struct;

/* load_gen_data.c: whitened, hadamard, plain, hilbert, logistic */
extern const sc_load_gen_struct sc_load_gen_data[];
extern const slong sc_load_gen_data_count;

/* load_gen_init.c: near-reference, span */
extern const sc_load_gen_struct sc_load_gen_init[];
extern const slong sc_load_gen_init_count;

/* The section obj of the case ("data" or "init", named by section): an
   object, read by explicit when it has no "generator" key, else by the
   table entry of that name; an unknown name is refused with the names
   the table knows. */
int sc_load_section(sc_case_t c, sc_load_t L, json_t * obj,
                    const char * section, sc_load_gen_fn explicit_load,
                    const sc_load_gen_struct * table, slong count);

/* ---- the sections ---- */

int sc_load_data(sc_case_t c, sc_load_t L, json_t * data);  /* load_data.c */
int sc_load_init(sc_case_t c, sc_load_t L, json_t * init);  /* load_init.c */

/* The model gamma w^T (x - mu) / ||w||_Sigma is defined: X~ w0 != 0, else
   an error on field (load_init.c). */
int sc_load_model_defined(const sc_case_t c, sc_load_t L,
                          const char * field);

#endif
