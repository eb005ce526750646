/*
 * case.c -- lifetime of a case: init, clear, copy, resize, owned strings.
 *
 * A freshly initialised case is empty (n = d = 0) but every field is valid:
 * name is "", path is NULL, the rationals are 0, the precision is the
 * default.  The loader and the generators only ever move a case from one
 * valid state to another, so an error half way leaves it clearable.
 */
#include <string.h>
#include "cases/cases.h"

static const char * const sc_loss_names[] = { "square", "logistic" };

const char *
sc_loss_name(sc_loss_t loss)
{
    if (loss != SC_LOSS_SQUARE && loss != SC_LOSS_LOGISTIC)
        return "unknown";
    return sc_loss_names[loss];
}

static const char * const sc_figure_names[SC_NUM_FIGURES] = {
    "trajectory", "sharpness", "figure3" };

const char *
sc_case_figure_name(slong k)
{
    if (k < 0 || k >= SC_NUM_FIGURES)
        flint_abort();
    return sc_figure_names[k];
}

/* A flint_malloc'ed copy; flint_malloc aborts rather than return NULL. */
static char *
sc_str_copy(const char * s)
{
    size_t len = strlen(s);
    char * t = flint_malloc(len + 1);

    memcpy(t, s, len + 1);
    return t;
}

void
sc_case_init(sc_case_t c)
{
    c->name = sc_str_copy("");
    c->path = NULL;
    c->loss = SC_LOSS_SQUARE;
    c->n = 0;
    c->d = 0;
    fmpq_mat_init(c->X, 0, 0);
    fmpq_mat_init(c->y, 0, 1);
    fmpq_mat_init(c->w0, 0, 1);
    fmpq_init(c->gamma0);
    fmpq_init(c->eta);
    fmpq_init(c->eta_gamma);
    fmpq_init(c->weight_decay);
    fmpq_init(c->momentum);
    c->project_norm = 0;
    c->steps = 0;
    c->precision = SC_CASE_DEFAULT_PREC;
    c->seed = 0;
    c->figures = 0;
    strcpy(c->data_desc, "explicit");
    c->digest[0] = '\0';
}

void
sc_case_clear(sc_case_t c)
{
    fmpq_clear(c->momentum);
    fmpq_clear(c->weight_decay);
    fmpq_clear(c->eta_gamma);
    fmpq_clear(c->eta);
    fmpq_clear(c->gamma0);
    fmpq_mat_clear(c->w0);
    fmpq_mat_clear(c->y);
    fmpq_mat_clear(c->X);
    flint_free(c->path);
    flint_free(c->name);
}

void
sc_case_set_dims(sc_case_t c, slong n, slong d)
{
    if (n < 0 || d < 0)
        flint_abort();

    fmpq_mat_clear(c->X);
    fmpq_mat_clear(c->y);
    fmpq_mat_clear(c->w0);
    fmpq_mat_init(c->X, n, d);
    fmpq_mat_init(c->y, n, 1);
    fmpq_mat_init(c->w0, d, 1);
    c->n = n;
    c->d = d;
}

/* NULL clears the name to "" (a case always has a printable name). */
void
sc_case_set_name(sc_case_t c, const char * name)
{
    char * t = sc_str_copy(name == NULL ? "" : name);

    flint_free(c->name);
    c->name = t;
}

/* NULL marks the case as built in memory. */
void
sc_case_set_path(sc_case_t c, const char * path)
{
    char * t = (path == NULL) ? NULL : sc_str_copy(path);

    flint_free(c->path);
    c->path = t;
}

/* dst's matrices are re-initialised to src's shapes: fmpq_mat_set needs
   equal shapes, and a case being shrunk changes its n and d. */
static void
sc_case_mat_copy(fmpq_mat_t dst, const fmpq_mat_t src)
{
    fmpq_mat_clear(dst);
    fmpq_mat_init(dst, fmpq_mat_nrows(src), fmpq_mat_ncols(src));
    fmpq_mat_set(dst, src);
}

void
sc_case_copy(sc_case_t dst, const sc_case_t src)
{
    if (dst == src)
        return;
    sc_case_set_name(dst, src->name);
    sc_case_set_path(dst, src->path);
    dst->loss = src->loss;
    dst->n = src->n;
    dst->d = src->d;
    sc_case_mat_copy(dst->X, src->X);
    sc_case_mat_copy(dst->y, src->y);
    sc_case_mat_copy(dst->w0, src->w0);
    fmpq_set(dst->gamma0, src->gamma0);
    fmpq_set(dst->eta, src->eta);
    fmpq_set(dst->eta_gamma, src->eta_gamma);
    fmpq_set(dst->weight_decay, src->weight_decay);
    fmpq_set(dst->momentum, src->momentum);
    dst->project_norm = src->project_norm;
    dst->steps = src->steps;
    dst->precision = src->precision;
    dst->seed = src->seed;
    dst->figures = src->figures;
    memcpy(dst->data_desc, src->data_desc, sizeof dst->data_desc);
    memcpy(dst->digest, src->digest, sizeof dst->digest);
}
