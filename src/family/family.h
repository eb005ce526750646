/*
 * family.h -- family files (sc_family_*): a base case and a grid of
 * parameter values, expanded in memory into one case per grid point for
 * `spikecheck sweep` (src/cli/sweep.c), whose family claim
 * (theorems/families/) is judged from the certified runs of the points.
 *
 * Family file (JSON, "spikecheck-family/1"; unknown keys are errors):
 *   format     "spikecheck-family/1"                        required
 *   family     name, [A-Za-z0-9._-], 1..64 characters       required
 *   claim      the family claim's id (theorems/families)    required
 *   base       the base case, a relative path from the family file's
 *              directory to a regular *.json file           required
 *   grid       {PARAM: [exact numbers ...], ...}            required
 *   tolerance  exact number > 0, the claim's tolerance      optional
 * The points are the cartesian product of the grid's lists, the
 * parameters in the order of SC_FAMILY_PARAM (the last varies fastest).
 * Nothing is written: the expanded cases live in memory only.
 */
#ifndef SC_FAMILY_H
#define SC_FAMILY_H

#include "spikecheck.h"
#include "cases/cases.h"

#define SC_FAMILY_FORMAT "spikecheck-family/1"
#define SC_FAMILY_MAX_NAME 64
#define SC_FAMILY_MAX_VALUES 64
#define SC_FAMILY_MAX_POINTS 256
/* a family file is a few hundred bytes; a larger one is not one */
#define SC_FAMILY_MAX_BYTES (1 << 20)
/* the case loader's own limit on a case file */
#define SC_FAMILY_MAX_BASE_BYTES ((size_t) 64 << 20)

/* The parameters a grid may vary, each a field of the base case. */
typedef enum
{
    SC_FAMILY_ETA = 0,          /* eta */
    SC_FAMILY_ETA_GAMMA,        /* eta_gamma */
    SC_FAMILY_LAMBDA,           /* weight_decay */
    SC_FAMILY_ETA_LAMBDA,       /* weight_decay = value / eta */
    SC_FAMILY_GAMMA0,           /* init.gamma */
    SC_FAMILY_RHO0,             /* init.rho0 (near-reference generator) */
    SC_FAMILY_NORM2,            /* init.norm2 = ||w_0||^2 (the same) */
    SC_FAMILY_MARGIN,           /* data.margin (logistic generator) */
    SC_FAMILY_NPARAMS
}
sc_family_param_t;

/* The parameter's name in a grid ("rho_0"), and the case field it sets
   ("init.rho0"). */
const char * sc_family_param_name(int k);
const char * sc_family_param_field(int k);

typedef struct
{
    char * name;                /* "family" */
    char * path;                /* the family file, as given */
    char * claim;               /* "claim" */
    char * base;                /* the base case's path as resolved */
    fmpq_t tolerance;
    int has_tolerance;
    /* the grid: nvalues[k] values of parameter k (0: not varied) */
    slong nvalues[SC_FAMILY_NPARAMS];
    fmpq * values[SC_FAMILY_NPARAMS];
    /* the points, in order: their cases (name FAMILY[p=v,...], path
       FILE#p=v,...) and the values of every parameter at each (npoints x
       SC_FAMILY_NPARAMS, those of the base case where not varied; a value
       the base does not have is 0 with known 0) */
    slong npoints;
    sc_case_struct * cases;
    fmpq * at;
    int known[SC_FAMILY_NPARAMS];
}
sc_family_struct;

typedef sc_family_struct sc_family_t[1];

void sc_family_init(sc_family_t F);
void sc_family_clear(sc_family_t F);

/*
 * Reads the family file at path, reads its base case (a relative path
 * from the family file's directory, to a regular *.json file) and expands
 * the grid into F->cases, each loaded and validated by the cases module.
 * SC_OK, or SC_EINVAL / SC_EIO with one line "PATH: FIELD: reason" in
 * err (a point's case names itself: "PATH#p=v: FIELD: reason").  F is
 * left clearable on error.
 */
int sc_family_load_file(sc_family_t F, const char * path, char * err,
                        size_t errlen) SC_WARN_UNUSED;

/* Expands F's grid over the base case base_text (F->path, F->base and
   the grid set) into F->cases and F->at; SC_OK or SC_EINVAL with err as
   for sc_family_load_file (family_expand.c). */
int sc_family_expand(sc_family_t F, const char * base_text, char * err,
                     size_t errlen) SC_WARN_UNUSED;

/* The value of parameter k at point i (the base's when not varied). */
const fmpq * sc_family_at(const sc_family_t F, slong i, int k);

/* Bit k set: parameter k is varied by the grid. */
int sc_family_varied(const sc_family_t F);

/* err = "PATH: FIELD: reason" (the one message of a bad family file,
   family_load.c and family_expand.c); returns rc. */
int sc_family_fail(char * err, size_t len, int rc, const char * path,
                   const char * field, const char * fmt, ...);

#endif
