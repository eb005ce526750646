/*
 * family.c -- the family type (sc_family_*): init and clear, the grid's
 * parameters by name, and the values of each point.  Reading a family
 * file is family_load.c, expanding its grid family_expand.c.
 */
#include <string.h>
#include "family/family.h"

static const char * const sc_family_names[SC_FAMILY_NPARAMS] = {
    "eta", "eta_gamma", "lambda", "eta_lambda", "gamma_0", "rho_0",
    "norm2", "margin" };

static const char * const sc_family_fields[SC_FAMILY_NPARAMS] = {
    "eta", "eta_gamma", "weight_decay", "weight_decay", "init.gamma",
    "init.rho0", "init.norm2", "data.margin" };

const char *
sc_family_param_name(int k)
{
    return (k >= 0 && k < SC_FAMILY_NPARAMS) ? sc_family_names[k] : "?";
}

const char *
sc_family_param_field(int k)
{
    return (k >= 0 && k < SC_FAMILY_NPARAMS) ? sc_family_fields[k] : "?";
}

void
sc_family_init(sc_family_t F)
{
    memset(F, 0, sizeof(*F));
    fmpq_init(F->tolerance);
}

void
sc_family_clear(sc_family_t F)
{
    slong i;

    for (i = 0; i < SC_FAMILY_NPARAMS; i++)
        if (F->values[i] != NULL)
            _fmpq_vec_clear(F->values[i], F->nvalues[i]);
    for (i = 0; i < F->npoints && F->cases != NULL; i++)
        sc_case_clear(F->cases + i);
    if (F->cases != NULL)
        flint_free(F->cases);
    if (F->at != NULL)
        _fmpq_vec_clear(F->at, F->npoints * SC_FAMILY_NPARAMS);
    flint_free(F->name);
    flint_free(F->path);
    flint_free(F->claim);
    flint_free(F->base);
    fmpq_clear(F->tolerance);
    memset(F, 0, sizeof(*F));
}

const fmpq *
sc_family_at(const sc_family_t F, slong i, int k)
{
    return F->at + i * SC_FAMILY_NPARAMS + k;
}

int
sc_family_varied(const sc_family_t F)
{
    int k, bits = 0;

    for (k = 0; k < SC_FAMILY_NPARAMS; k++)
        if (F->nvalues[k] > 0)
            bits |= 1 << k;
    return bits;
}
