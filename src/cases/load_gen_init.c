/*
 * load_gen_init.c -- the initial-state generators a case file names
 * ("init": {"generator": NAME, ...}), one loader each and one table by
 * name.  Each reads and checks its keys, then calls the exact generator
 * (init_*.c) on the loaded data.
 */
#include "cases/load.h"
#include "data/data.h"

/* The logistic reference is the SVM direction of LOGISTIC.md, defined
   (all samples active) only under A3. */
static int
sc_load_near_svm(sc_case_t c, sc_load_t L, const fmpq_t rho0,
                 const fmpq_t norm2, ulong seed)
{
    fmpq_mat_t Xc, w;
    char why[SC_ERR_LEN];
    int rc = SC_OK;

    fmpq_mat_init(Xc, c->n, c->d);
    fmpq_mat_init(w, c->d, 1);
    sc_data_center(Xc, c->X);
    if (!sc_svm_direction(w, Xc, c->y))
        rc = sc_load_fail(L, "init.generator", "near-reference: the "
                          "logistic reference w* is the all-active SVM "
                          "direction and A3 fails on these data (use the "
                          "\"span\" generator)");
    else if (sc_case_init_near_direction(c->w0, c->X, w, rho0, norm2, seed,
                                         why, sizeof why) != SC_OK)
        rc = sc_load_fail(L, "init.generator", "%s", why);
    fmpq_mat_clear(w);
    fmpq_mat_clear(Xc);
    return rc;
}

static int
sc_load_init_span(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "generator", "gamma", "seed",
                                         NULL };
    ulong seed = 0;
    char why[SC_ERR_LEN];

    if (sc_load_keys(L, init, "init.", keys) != SC_OK
        || sc_load_number_key(c->gamma0, L, init, "init.", "gamma", 1)
        || sc_load_seed_key(&seed, L, init, "init."))
        return SC_EINVAL;
    if (sc_case_init_span(c->w0, c->X, seed, why, sizeof why) != SC_OK)
        return sc_load_fail(L, "init.generator", "%s", why);
    return SC_OK;
}

static int
sc_load_init_near_reference(sc_case_t c, sc_load_t L, json_t * init)
{
    static const char * const keys[] = { "generator", "rho0", "norm2",
                                         "gamma", "seed", NULL };
    fmpq_t rho0, norm2;
    ulong seed = 0;
    char why[SC_ERR_LEN];
    int rc = SC_EINVAL;

    fmpq_init(rho0);
    fmpq_init(norm2);
    if (sc_load_keys(L, init, "init.", keys) != SC_OK
        || sc_load_number_key(rho0, L, init, "init.", "rho0", 1)
        || sc_load_number_key(norm2, L, init, "init.", "norm2", 1)
        || sc_load_number_key(c->gamma0, L, init, "init.", "gamma", 1)
        || sc_load_seed_key(&seed, L, init, "init."))
        goto cleanup;
    if (fmpq_sgn(rho0) <= 0)
    {
        sc_load_fail(L, "init.rho0", "must be > 0");
        goto cleanup;
    }
    if (fmpq_sgn(norm2) <= 0)
    {
        sc_load_fail(L, "init.norm2", "must be > 0");
        goto cleanup;
    }
    if (c->loss == SC_LOSS_LOGISTIC)
        rc = sc_load_near_svm(c, L, rho0, norm2, seed);
    else if (sc_case_init_near_reference(c->w0, c->X, c->y, rho0, norm2,
                                         seed, why, sizeof why) != SC_OK)
        rc = sc_load_fail(L, "init.generator", "%s", why);
    else
        rc = SC_OK;
    if (rc != SC_OK)
        goto cleanup;
    rc = sc_load_model_defined(c, L, "init.generator");

cleanup:
    fmpq_clear(norm2);
    fmpq_clear(rho0);
    return rc;
}

/* In the order the unknown-name message lists them. */
const sc_load_gen_struct sc_load_gen_init[] =
{
    { "near-reference", sc_load_init_near_reference },
    { "span",           sc_load_init_span },
};

const slong sc_load_gen_init_count =
    sizeof(sc_load_gen_init) / sizeof(sc_load_gen_init[0]);
