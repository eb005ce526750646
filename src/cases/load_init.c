/*
 * load_init.c -- the "init" section of a case file: explicit w and gamma,
 * or an initial-state generator (load_gen_init.c) by name.  The data are
 * loaded first: whichever way w0 is given, the model must be defined on
 * them.
 */
#include <stdio.h>
#include "cases/load.h"
#include "data/data.h"

/* X~ w0 = 0 is refused here rather than as a NaN later. */
int
sc_load_model_defined(const sc_case_t c, sc_load_t L, const char * field)
{
    fmpq_mat_t Xc, Xw;
    int zero;

    fmpq_mat_init(Xc, c->n, c->d);
    fmpq_mat_init(Xw, c->n, 1);
    sc_data_center(Xc, c->X);
    fmpq_mat_mul(Xw, Xc, c->w0);
    zero = fmpq_mat_is_zero(Xw);
    fmpq_mat_clear(Xw);
    fmpq_mat_clear(Xc);

    if (zero)
        return sc_load_fail(L, field, "X~ w = 0 (w is orthogonal to the "
                            "centred data), the normalised model is "
                            "undefined");
    return SC_OK;
}

static int
sc_load_init_explicit(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "w", "gamma", NULL };
    json_t * w;
    slong j;
    char field[SC_FIELD_LEN];

    if (sc_load_keys(L, init, "init.", keys) != SC_OK
        || sc_load_member(&w, L, init, "init.", "w", 1) != SC_OK)
        return SC_EINVAL;
    if (!json_is_array(w) || (slong) json_array_size(w) != c->d)
        return sc_load_fail(L, "init.w", "must be an array of d = %lld exact "
                            "numbers", (long long) c->d);
    for (j = 0; j < c->d; j++)
    {
        snprintf(field, sizeof field, "init.w[%lld]", (long long) j);
        if (sc_load_number(fmpq_mat_entry(c->w0, j, 0), L,
                           json_array_get(w, j), field) != SC_OK)
            return SC_EINVAL;
    }
    if (fmpq_mat_is_zero(c->w0))
        return sc_load_fail(L, "init.w", "must be nonzero");
    if (sc_load_model_defined(c, L, "init.w") != SC_OK)
        return SC_EINVAL;
    return sc_load_number_key(c->gamma0, L, init, "init.", "gamma", 1);
}

int
sc_load_init(sc_case_t c, sc_load_t L, json_t * init)
{
    return sc_load_section(c, L, init, "init", sc_load_init_explicit,
                           sc_load_gen_init, sc_load_gen_init_count);
}
