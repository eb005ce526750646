/*
 * tighten_family.c -- which parameter family `spikecheck tighten` climbs
 * over for a checker, and the heuristic helpers the families share.
 */
#include <string.h>
#include "cli/tighten.h"

/* The statements of LOGISTIC.md: NOT-APPLICABLE on square-loss cases. */
static const char * const sc_tight_logistic_ids[] =
    { "L8", "L4", "L9", "L10", "L14", "T5.1", "T5.2", "T5.3", "A1-A4",
      NULL };

static const sc_tight_family * const sc_tight_families[] =
    { &sc_tight_family_whitened, &sc_tight_family_logistic, NULL };

const sc_tight_family *
sc_tight_family_named(const char * name)
{
    slong i;

    for (i = 0; sc_tight_families[i] != NULL; i++)
        if (strcmp(sc_tight_families[i]->name, name) == 0)
            return sc_tight_families[i];
    return NULL;
}

const sc_tight_family *
sc_tight_family_for(const char * id)
{
    slong i;

    const sc_thm_struct * t = sc_thm_lookup(id);

    /* by statement: every claim of [T5.x] is the logistic line's */
    if (t != NULL)
        id = sc_thm_statement(t);
    for (i = 0; sc_tight_logistic_ids[i] != NULL; i++)
        if (strcmp(sc_tight_logistic_ids[i], id) == 0)
            return &sc_tight_family_logistic;
    return &sc_tight_family_whitened;
}

/* heuristic: uniform double in [lo, hi] from the stream */
double
sc_tight_uniform(sc_rand_t rs, double lo, double hi)
{
    return lo + (hi - lo) * (double) (sc_rand_next(rs) >> 11)
                / 9007199254740992.0;
}

double
sc_tight_clamp(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}
