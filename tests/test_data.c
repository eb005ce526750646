/*
 * test_data.c -- tests of the data module (sc_data_*): exact centring,
 * the minimal-norm least-squares reference (normal equations checked
 * exactly, the row space checked against an independent integer null
 * space), and the derived facts of sc_data_init on the Walsh-Hadamard case
 * of THEOREMS.md section 7 (built by hand here) and on random data, where
 * every field is recomputed independently.
 *
 * SC_TEST_SEED overrides the seed of the random tests and
 * SC_TEST_MULTIPLIER scales them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "flint/fmpz_mat.h"
#include "cases/cases.h"
#include "data/data.h"

#define SC_TEST_DEFAULT_SEED 20240612UL
#include "sc_test.h"
#include "sc_dyn_ref.h"

/* ---- fixtures and helpers ---------------------------------------------- */

static void
print_mat(const char * label, const fmpq_mat_t A)
{
    slong i, j;

    print_error("  %s (%ld x %ld):\n", label, (long) fmpq_mat_nrows(A),
                (long) fmpq_mat_ncols(A));
    for (i = 0; i < fmpq_mat_nrows(A); i++)
    {
        print_error("   ");
        for (j = 0; j < fmpq_mat_ncols(A); j++)
        {
            char * s = fmpq_get_str(NULL, 10, fmpq_mat_entry(A, i, j));

            print_error(" %s", s);
            flint_free(s);
        }
        print_error("\n");
    }
}

/*
 * Random small integer data (entries in [-3, 3]), biased to hard cases:
 * a duplicated or zero column, a constant column (centred to zero), all
 * rows equal (X~ = 0); and random +-1 labels.
 */
static void
rand_int_data(fmpq_mat_t X, fmpq_mat_t y, flint_rand_t r)
{
    slong i, j, n = fmpq_mat_nrows(X), d = fmpq_mat_ncols(X);
    ulong kind = n_randint(r, 8);

    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_set_si(fmpq_mat_entry(X, i, j),
                        (slong) n_randint(r, 7) - 3, 1);
        fmpq_set_si(fmpq_mat_entry(y, i, 0), n_randint(r, 2) ? 1 : -1, 1);
    }
    if (kind == 0 && d >= 2)            /* duplicate column */
        for (i = 0; i < n; i++)
            fmpq_set(fmpq_mat_entry(X, i, d - 1), fmpq_mat_entry(X, i, 0));
    else if (kind == 1)                 /* constant column */
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(X, i, 0), 5, 1);
    else if (kind == 2 && n_randint(r, 4) == 0)   /* all rows equal */
        for (i = 1; i < n; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, 0, j));
    else if (kind == 3)                 /* rational entries */
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
            {
                fmpq_t q;

                fmpq_init(q);
                fmpq_set_si(q, 1, 2 + n_randint(r, 5));
                fmpq_mul(fmpq_mat_entry(X, i, j), fmpq_mat_entry(X, i, j),
                         q);
                fmpq_clear(q);
            }
}

/*
 * N (d x k) = a basis of the null space of A, from FLINT's integer null
 * space of A scaled to integers (independent of the rref route of data.c).
 */
static slong
null_space(fmpq_mat_t N, const fmpq_mat_t A)
{
    slong i, j, k, n = fmpq_mat_nrows(A), d = fmpq_mat_ncols(A);
    fmpz_mat_t Z, K;
    fmpz_t den;

    fmpz_mat_init(Z, n, d);
    fmpz_mat_init(K, d, d);
    fmpz_init(den);
    fmpq_mat_get_fmpz_mat_matwise(Z, den, A);
    k = fmpz_mat_nullspace(K, Z);
    fmpq_mat_clear(N);
    fmpq_mat_init(N, d, k);
    for (i = 0; i < d; i++)
        for (j = 0; j < k; j++)
            fmpq_set_fmpz(fmpq_mat_entry(N, i, j), fmpz_mat_entry(K, i, j));
    fmpz_clear(den);
    fmpz_mat_clear(K);
    fmpz_mat_clear(Z);
    return k;
}

/* The rank, through FLINT's integer fraction-free elimination. */
static slong
rank_ref(const fmpq_mat_t A)
{
    fmpz_mat_t Z;
    fmpz_t den;
    slong r;

    fmpz_mat_init(Z, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpz_init(den);
    fmpq_mat_get_fmpz_mat_matwise(Z, den, A);
    r = fmpz_mat_rank(Z);
    fmpz_clear(den);
    fmpz_mat_clear(Z);
    return r;
}

/* ---- sc_data_center ---------------------------------------------------- */

/* 1^T Xc = 0 exactly, and Xc equals X - 1 mu^T computed independently. */
static void
test_data_center_sums_to_zero(void ** state)
{
    test_state * st = *state;
    slong iter, i, j;

    for (iter = 0; iter < 300 * test_multiplier(); iter++)
    {
        slong n = 1 + (slong) n_randint(st->r, 12);
        slong d = 1 + (slong) n_randint(st->r, 8);
        fmpq_mat_t X, Xc, ref, ones, sums;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(ref, n, d);
        fmpq_mat_init(ones, 1, n);
        fmpq_mat_init(sums, 1, d);
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
                fmpq_randtest(fmpq_mat_entry(X, i, j), st->r, 40);
        sc_data_center(Xc, X);
        for (i = 0; i < n; i++)
            fmpq_one(fmpq_mat_entry(ones, 0, i));
        fmpq_mat_mul(sums, ones, Xc);
        center_ref(ref, X);
        if (!fmpq_mat_is_zero(sums) || !fmpq_mat_equal(Xc, ref))
        {
            print_mat("X", X);
            print_mat("Xc", Xc);
            print_mat("1^T Xc", sums);
            print_seed(st);
            fail();
        }
        /* idempotent: centring centred data changes nothing */
        sc_data_center(ref, Xc);
        assert_true(fmpq_mat_equal(ref, Xc));
        fmpq_mat_clear(sums);
        fmpq_mat_clear(ones);
        fmpq_mat_clear(ref);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(X);
    }
}

/* ---- sc_data_lsq_reference --------------------------------------------- */

/*
 * Random integer data with n < d (rank deficient), n = d and n > d (with
 * duplicated, constant and all-equal rows/columns): Sigma w = Xc^T y / n
 * exactly, and w is orthogonal to the null space of Xc (the row space),
 * which makes w the unique minimal-norm solution.
 */
static void
test_data_lsq_reference_normal_equations_row_space(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, deficient = 0, zero = 0;

    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        slong n = 1 + (slong) n_randint(st->r, 10);
        slong d = 1 + (slong) n_randint(st->r, 8);
        fmpq_mat_t X, y, Xc, Xt, S, w, lhs, rhs, N, z;
        fmpq_t t;
        slong k;
        int ok = 1;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(Xt, d, n);
        fmpq_mat_init(S, d, d);
        fmpq_mat_init(w, d, 1);
        fmpq_mat_init(lhs, d, 1);
        fmpq_mat_init(rhs, d, 1);
        fmpq_mat_init(N, d, 0);
        fmpq_mat_init(z, d, 1);
        fmpq_init(t);
        rand_int_data(X, y, st->r);
        center_ref(Xc, X);
        /* Sigma = Xc^T Xc / n, rhs = Xc^T y / n */
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(S, Xt, Xc);
        fmpq_mat_mul(rhs, Xt, y);
        fmpq_set_si(t, 1, n);
        fmpq_mat_scalar_mul_fmpq(S, S, t);
        fmpq_mat_scalar_mul_fmpq(rhs, rhs, t);

        /* w starts dirty: the function must overwrite it */
        for (i = 0; i < d; i++)
            fmpq_set_si(fmpq_mat_entry(w, i, 0), 7, 3);
        sc_data_lsq_reference(w, Xc, y);
        fmpq_mat_mul(lhs, S, w);
        if (!fmpq_mat_equal(lhs, rhs))
        {
            print_error("  Sigma w != Xc^T y / n\n");
            ok = 0;
        }
        k = null_space(N, Xc);
        deficient += (k > 0);
        zero += fmpq_mat_is_zero(w);
        for (j = 0; j < k && ok; j++)
        {
            for (i = 0; i < d; i++)
                fmpq_set(fmpq_mat_entry(z, i, 0), fmpq_mat_entry(N, i, j));
            sc_data_dot(t, w, z);
            if (!fmpq_is_zero(t))
            {
                print_error("  w not orthogonal to null vector %ld\n",
                            (long) j);
                ok = 0;
            }
        }
        /* and the library's own membership test agrees */
        if (ok && !sc_data_in_row_space(Xc, w))
        {
            print_error("  sc_data_in_row_space(w) false\n");
            ok = 0;
        }
        if (!ok)
        {
            print_mat("X", X);
            print_mat("y", y);
            print_mat("w", w);
            print_seed(st);
            fail();
        }
        fmpq_clear(t);
        fmpq_mat_clear(z);
        fmpq_mat_clear(N);
        fmpq_mat_clear(rhs);
        fmpq_mat_clear(lhs);
        fmpq_mat_clear(w);
        fmpq_mat_clear(S);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
    /* the sample covered rank-deficient data and the w = 0 corner */
    assert_true(deficient > 20);
    assert_true(zero > 0);
}

/* Full column rank: w = (Xc^T Xc)^-1 Xc^T y, a second method. */
static void
test_data_lsq_reference_full_rank_inverse(void ** state)
{
    test_state * st = *state;
    slong iter, done = 0;

    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        slong d = 1 + (slong) n_randint(st->r, 5);
        slong n = d + 2 + (slong) n_randint(st->r, 8);
        fmpq_mat_t X, y, Xc, Xt, G, Gi, b, w, ref;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(Xt, d, n);
        fmpq_mat_init(G, d, d);
        fmpq_mat_init(Gi, d, d);
        fmpq_mat_init(b, d, 1);
        fmpq_mat_init(w, d, 1);
        fmpq_mat_init(ref, d, 1);
        rand_int_data(X, y, st->r);
        center_ref(Xc, X);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(G, Xt, Xc);
        if (fmpq_mat_inv(Gi, G))
        {
            done++;
            fmpq_mat_mul(b, Xt, y);
            fmpq_mat_mul(ref, Gi, b);
            sc_data_lsq_reference(w, Xc, y);
            if (!fmpq_mat_equal(w, ref))
            {
                print_mat("X", X);
                print_mat("w", w);
                print_mat("(X~^T X~)^-1 X~^T y", ref);
                print_seed(st);
                fail();
            }
        }
        fmpq_mat_clear(ref);
        fmpq_mat_clear(w);
        fmpq_mat_clear(b);
        fmpq_mat_clear(Gi);
        fmpq_mat_clear(G);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
    assert_true(done > 50);
}

/* sc_data_in_row_space against the null space: v is in the row space iff
   it is orthogonal to every null vector. */
static void
test_data_in_row_space_matches_null_space(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, yes = 0, no = 0;

    for (iter = 0; iter < 300 * test_multiplier(); iter++)
    {
        slong n = 1 + (slong) n_randint(st->r, 6);
        slong d = 1 + (slong) n_randint(st->r, 6);
        fmpq_mat_t X, y, Xc, N, v, z, c;
        fmpq_t t;
        slong k;
        int want = 1;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(N, d, 0);
        fmpq_mat_init(v, d, 1);
        fmpq_mat_init(z, d, 1);
        fmpq_mat_init(c, n, 1);
        fmpq_init(t);
        rand_int_data(X, y, st->r);
        center_ref(Xc, X);
        if (n_randint(st->r, 2))
        {
            /* v = Xc^T c: in the row space by construction */
            fmpq_mat_t Xt;

            fmpq_mat_init(Xt, d, n);
            fmpq_mat_transpose(Xt, Xc);
            for (i = 0; i < n; i++)
                fmpq_set_si(fmpq_mat_entry(c, i, 0),
                            (slong) n_randint(st->r, 9) - 4, 1);
            fmpq_mat_mul(v, Xt, c);
            fmpq_mat_clear(Xt);
        }
        else
            for (i = 0; i < d; i++)
                fmpq_set_si(fmpq_mat_entry(v, i, 0),
                            (slong) n_randint(st->r, 9) - 4, 1);
        k = null_space(N, Xc);
        for (j = 0; j < k; j++)
        {
            for (i = 0; i < d; i++)
                fmpq_set(fmpq_mat_entry(z, i, 0), fmpq_mat_entry(N, i, j));
            sc_data_dot(t, v, z);
            if (!fmpq_is_zero(t))
                want = 0;
        }
        yes += want;
        no += !want;
        if (sc_data_in_row_space(Xc, v) != want)
        {
            print_mat("Xc", Xc);
            print_mat("v", v);
            print_error("  want %d\n", want);
            print_seed(st);
            fail();
        }
        fmpq_clear(t);
        fmpq_mat_clear(c);
        fmpq_mat_clear(z);
        fmpq_mat_clear(v);
        fmpq_mat_clear(N);
        fmpq_mat_clear(Xc);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
    assert_true(yes > 30 && no > 30);
}

/* The rows of B span the row space of A: same rank, and every row of A is
   in span(B) (stack and compare ranks). */
static void
test_data_row_basis_spans_row_space(void ** state)
{
    test_state * st = *state;
    slong iter, i, j;

    for (iter = 0; iter < 200 * test_multiplier(); iter++)
    {
        slong n = 1 + (slong) n_randint(st->r, 7);
        slong d = 1 + (slong) n_randint(st->r, 7);
        fmpq_mat_t X, y, B, S;
        slong r;

        fmpq_mat_init(X, n, d);
        fmpq_mat_init(y, n, 1);
        fmpq_mat_init(B, 0, d);
        rand_int_data(X, y, st->r);
        r = sc_data_row_basis(B, X);
        assert_int_equal(fmpq_mat_nrows(B), r);
        assert_int_equal(fmpq_mat_ncols(B), d);
        assert_int_equal(r, rank_ref(X));
        assert_int_equal(rank_ref(B), r);
        fmpq_mat_init(S, n + r, d);
        for (i = 0; i < n; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(S, i, j), fmpq_mat_entry(X, i, j));
        for (i = 0; i < r; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(S, n + i, j),
                         fmpq_mat_entry(B, i, j));
        if (rank_ref(S) != r)
        {
            print_mat("X", X);
            print_mat("B", B);
            print_seed(st);
            fail();
        }
        fmpq_mat_clear(S);
        fmpq_mat_clear(B);
        fmpq_mat_clear(y);
        fmpq_mat_clear(X);
    }
}

/* The 16 x 6 Walsh-Hadamard case of sc_dyn_ref.h (10 steps, 256 bits)
   with its columns shifted: X = H[:, cols] + 1 mu^T. */
static void
hadamard_case_shifted(sc_case_t c, sc_loss_t loss, const fmpq * mu)
{
    slong i, j;

    hadamard_case(c, loss, 10, 256);
    for (i = 0; i < 16; i++)
        for (j = 0; j < 6; j++)
            fmpq_add(fmpq_mat_entry(c->X, i, j), fmpq_mat_entry(c->X, i, j),
                     mu + j);
}

/* ---- sc_data_init ------------------------------------------------------ */

/* whitened = 1, Sigma = I, c2 = 1, w* = e1, rank 6, y2 = 16, rho0^2 =
   1/2500, for zero and random shifts mu; logistic: the SVM w* = e1. */
static void
test_data_init_hadamard_whitened(void ** state)
{
    test_state * st = *state;
    slong iter, i, j;
    fmpq * mu = _fmpq_vec_init(6);
    fmpq_t t;
    fmpq_mat_t e1, I;

    fmpq_init(t);
    fmpq_mat_init(e1, 6, 1);
    fmpq_mat_init(I, 6, 6);
    fmpq_one(fmpq_mat_entry(e1, 0, 0));
    fmpq_mat_one(I);
    for (iter = 0; iter < 20 * test_multiplier(); iter++)
    {
        sc_case_t c;
        sc_data_t D;
        fmpq_mat_t ones, sums;

        for (j = 0; j < 6; j++)
        {
            if (iter == 0)
                fmpq_zero(mu + j);
            else
                fmpq_randtest(mu + j, st->r, 30);
        }
        sc_case_init(c);
        hadamard_case_shifted(c, SC_LOSS_SQUARE, mu);
        sc_data_init(D, c);

        fmpq_mat_init(ones, 1, 16);
        fmpq_mat_init(sums, 1, 6);
        for (i = 0; i < 16; i++)
            fmpq_one(fmpq_mat_entry(ones, 0, i));
        fmpq_mat_mul(sums, ones, D->Xc);
        assert_true(fmpq_mat_is_zero(sums));
        for (i = 0; i < 16; i++)
            for (j = 0; j < 6; j++)
                assert_int_equal(fmpz_get_si(fmpq_mat_entry_num(D->Xc, i,
                                                                  j)),
                                 sylvester(i, hadamard_cols[j]));
        if (!D->whitened || !fmpq_mat_equal(D->Sigma, I)
            || !fmpq_is_one(D->c2) || !fmpq_is_one(D->c2_sigma)
            || !fmpq_mat_equal(D->wstar, e1) || D->rank != 6
            || !D->has_ref || !D->w0_in_span || D->n != 16 || D->d != 6)
        {
            print_mat("Sigma", D->Sigma);
            print_mat("wstar", D->wstar);
            print_error("  whitened %d rank %ld has_ref %d\n", D->whitened,
                        (long) D->rank, D->has_ref);
            print_seed(st);
            fail();
        }
        fmpq_set_si(t, 16, 1);
        assert_true(fmpq_equal(D->y2, t));
        fmpq_set_si(t, 2501, 2500);
        assert_true(fmpq_equal(D->W0, t));
        assert_true(fmpq_is_one(D->w0_wstar));
        fmpq_set_si(t, 1, 2500);
        assert_true(fmpq_equal(D->rho0_sq, t));
        fmpq_mat_clear(sums);
        fmpq_mat_clear(ones);
        sc_data_clear(D);
        sc_case_clear(c);
    }
    /* logistic: y is the data column 3 and the columns are orthogonal, so
       every sample sits on the margin of w* = e1 (X~ e1 = y) with dual
       weights 1/16 (X~^T y / 16 = e1): the SVM is the reference, c2 = 1,
       although A1 fails (n = 16 >= d = 6) */
    {
        sc_case_t c;
        sc_data_t D;

        sc_case_init(c);
        hadamard_case(c, SC_LOSS_LOGISTIC, 10, 256);
        sc_data_init(D, c);
        assert_true(D->whitened);
        assert_true(D->has_svm);
        assert_true(D->has_ref);
        assert_true(D->svm->a3 && D->svm->a4 && !D->svm->a1);
        assert_true(fmpq_mat_equal(D->wstar, e1));
        assert_true(fmpq_is_one(D->c2));
        assert_true(fmpq_is_one(D->svm->m2));
        fmpq_set_si(t, 1, 16);
        assert_true(fmpq_equal(D->svm->alpha_min, t));
        fmpq_set_si(t, 1, 2500);
        assert_true(fmpq_equal(D->rho0_sq, t));
        sc_data_clear(D);
        sc_case_clear(c);
    }
    fmpq_mat_clear(I);
    fmpq_mat_clear(e1);
    fmpq_clear(t);
    _fmpq_vec_clear(mu, 6);
}

/* A scaled Hadamard block: Sigma = 4 I is not whitened; the column 3 as
   label gives w* = e1 / 2, c2 = 1/4, c2_sigma = 1. */
static void
test_data_init_scaled_hadamard_not_whitened(void ** state)
{
    sc_case_t c;
    sc_data_t D;
    slong i, j;
    fmpq_t t;

    (void) state;
    fmpq_init(t);
    sc_case_init(c);
    hadamard_case(c, SC_LOSS_SQUARE, 10, 256);
    for (i = 0; i < 16; i++)
        for (j = 0; j < 6; j++)
            fmpq_mul_2exp(fmpq_mat_entry(c->X, i, j),
                          fmpq_mat_entry(c->X, i, j), 1);
    sc_data_init(D, c);
    assert_false(D->whitened);
    fmpq_set_si(t, 1, 4);
    assert_true(fmpq_equal(D->c2, t));
    assert_true(fmpq_is_one(D->c2_sigma));
    fmpq_set_si(t, 1, 2);
    assert_true(fmpq_equal(fmpq_mat_entry(D->wstar, 0, 0), t));
    for (j = 1; j < 6; j++)
        assert_true(fmpq_is_zero(fmpq_mat_entry(D->wstar, j, 0)));
    fmpq_set_si(t, 1, 2500);
    assert_true(fmpq_equal(D->rho0_sq, t));     /* rho0 is scale-free */
    sc_data_clear(D);
    sc_case_clear(c);
    fmpq_clear(t);
}

/*
 * Unit diagonal is not enough: replace Hadamard column 2 by (3 h1 + 4 h2)/5
 * (still of squared norm n, so diag(Sigma) = 1) and Sigma has the
 * off-diagonal entry 3/5: whitened = 0.  Replacing it by (3 h3 + 4 h4)/5
 * with h3, h4 unused columns keeps Sigma = I: whitened = 1.
 */
static void
test_data_init_unit_diagonal_not_whitened(void ** state)
{
    slong i, k;

    (void) state;
    for (k = 0; k < 2; k++)
    {
        sc_case_t c;
        sc_data_t D;
        fmpq_t t;

        fmpq_init(t);
        sc_case_init(c);
        hadamard_case(c, SC_LOSS_SQUARE, 10, 256);
        for (i = 0; i < 16; i++)
        {
            slong a = (k == 0) ? sylvester(i, hadamard_cols[0])
                               : sylvester(i, 7);
            slong b = (k == 0) ? sylvester(i, hadamard_cols[1])
                               : sylvester(i, 11);

            fmpq_set_si(fmpq_mat_entry(c->X, i, 1), 3 * a + 4 * b, 5);
        }
        sc_data_init(D, c);
        for (i = 0; i < 6; i++)
            assert_true(fmpq_is_one(fmpq_mat_entry(D->Sigma, i, i)));
        if (k == 0)
        {
            fmpq_set_si(t, 3, 5);
            assert_true(fmpq_equal(fmpq_mat_entry(D->Sigma, 0, 1), t));
            assert_true(fmpq_equal(fmpq_mat_entry(D->Sigma, 1, 0), t));
            assert_false(D->whitened);
        }
        else
            assert_true(D->whitened);
        sc_data_clear(D);
        sc_case_clear(c);
        fmpq_clear(t);
    }
}

/*
 * Random integer data: every field of sc_data_init recomputed here
 * (centring, Sigma and its identity test, X~^T y, rank, c2, c2_sigma, y2,
 * W0, <w0, w*>, rho0^2, span membership); such data are almost never
 * whitened.
 */
static void
test_data_init_random_fields(void ** state)
{
    test_state * st = *state;
    slong iter, i, j, whitened = 0;

    for (iter = 0; iter < 100 * test_multiplier(); iter++)
    {
        slong n = 2 + (slong) n_randint(st->r, 10);
        slong d = 1 + (slong) n_randint(st->r, 6);
        sc_case_t c;
        sc_data_t D;
        fmpq_mat_t Xc, Xt, S, I, w, Sw, N;
        fmpq_t t, u, W0, ww, c2, rho0;
        slong k;
        int in_span = 1;

        sc_case_init(c);
        sc_case_set_dims(c, n, d);
        rand_int_data(c->X, c->y, st->r);
        for (i = 0; i < d; i++)
            fmpq_set_si(fmpq_mat_entry(c->w0, i, 0),
                        (slong) n_randint(st->r, 7) - 3, 1 + n_randint(st->r,
                                                                      3));
        sc_data_init(D, c);

        fmpq_mat_init(Xc, n, d);
        fmpq_mat_init(Xt, d, n);
        fmpq_mat_init(S, d, d);
        fmpq_mat_init(I, d, d);
        fmpq_mat_init(w, d, 1);
        fmpq_mat_init(Sw, d, 1);
        fmpq_mat_init(N, d, 0);
        fmpq_init(t);
        fmpq_init(u);
        fmpq_init(W0);
        fmpq_init(ww);
        fmpq_init(c2);
        fmpq_init(rho0);
        center_ref(Xc, c->X);
        fmpq_mat_transpose(Xt, Xc);
        fmpq_mat_mul(S, Xt, Xc);
        fmpq_set_si(t, 1, n);
        fmpq_mat_scalar_mul_fmpq(S, S, t);
        fmpq_mat_one(I);
        sc_data_lsq_reference(w, Xc, c->y);
        fmpq_mat_mul(Sw, S, w);
        k = null_space(N, Xc);
        for (j = 0; j < k; j++)
        {
            fmpq_zero(u);
            for (i = 0; i < d; i++)
            {
                fmpq_mul(t, fmpq_mat_entry(N, i, j),
                         fmpq_mat_entry(c->w0, i, 0));
                fmpq_add(u, u, t);
            }
            if (!fmpq_is_zero(u))
                in_span = 0;
        }
        fmpq_zero(W0);
        fmpq_zero(ww);
        fmpq_zero(c2);
        for (i = 0; i < d; i++)
        {
            fmpq_addmul(W0, fmpq_mat_entry(c->w0, i, 0),
                        fmpq_mat_entry(c->w0, i, 0));
            fmpq_addmul(ww, fmpq_mat_entry(c->w0, i, 0),
                        fmpq_mat_entry(w, i, 0));
            fmpq_addmul(c2, fmpq_mat_entry(w, i, 0),
                        fmpq_mat_entry(w, i, 0));
        }
        whitened += D->whitened;
        if (!fmpq_mat_equal(D->Xc, Xc) || !fmpq_mat_equal(D->Sigma, S)
            || D->whitened != fmpq_mat_equal(S, I)
            || D->rank != rank_ref(Xc)
            || !fmpq_mat_equal(D->wstar, w) || !fmpq_equal(D->c2, c2)
            || !fmpq_equal(D->W0, W0) || !fmpq_equal(D->w0_wstar, ww)
            || D->w0_in_span != in_span
            || D->has_ref != !fmpq_is_zero(c2))
        {
            print_mat("X", c->X);
            print_mat("w0", c->w0);
            print_error("  whitened %d rank %ld in_span %d (want %d)\n",
                        D->whitened, (long) D->rank, D->w0_in_span,
                        in_span);
            print_seed(st);
            fail();
        }
        sc_data_dot(t, w, Sw);
        assert_true(fmpq_equal(D->c2_sigma, t));
        fmpq_zero(t);
        for (i = 0; i < n; i++)
            fmpq_addmul(t, fmpq_mat_entry(c->y, i, 0),
                        fmpq_mat_entry(c->y, i, 0));
        assert_true(fmpq_equal(D->y2, t));
        for (j = 0; j < d; j++)         /* X~^T y, entry by entry */
        {
            fmpq_zero(t);
            for (i = 0; i < n; i++)
                fmpq_addmul(t, fmpq_mat_entry(Xc, i, j),
                            fmpq_mat_entry(c->y, i, 0));
            assert_true(fmpq_equal(fmpq_mat_entry(D->Xty, j, 0), t));
        }
        if (D->has_ref && !fmpq_is_zero(ww))
        {
            /* rho0^2 = tan^2 = (W0 c2 - <w0,w*>^2) / <w0,w*>^2 */
            fmpq_mul(rho0, W0, c2);
            fmpq_mul(u, ww, ww);
            fmpq_div(rho0, rho0, u);
            fmpq_sub_ui(rho0, rho0, 1);
            assert_true(fmpq_equal(D->rho0_sq, rho0));
        }
        fmpq_clear(rho0);
        fmpq_clear(c2);
        fmpq_clear(ww);
        fmpq_clear(W0);
        fmpq_clear(u);
        fmpq_clear(t);
        fmpq_mat_clear(N);
        fmpq_mat_clear(Sw);
        fmpq_mat_clear(w);
        fmpq_mat_clear(I);
        fmpq_mat_clear(S);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(Xc);
        sc_data_clear(D);
        sc_case_clear(c);
    }
    /* whitened (checked above against Sigma == I) only by accident, e.g.
       d = 1 with entries +-1 */
    assert_true(whitened < 10 * test_multiplier());
}

int
main(void)
{
    const struct CMUnitTest tests[] =
    {
        cmocka_unit_test_setup_teardown(test_data_center_sums_to_zero,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_data_lsq_reference_normal_equations_row_space, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_data_lsq_reference_full_rank_inverse, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(
            test_data_in_row_space_matches_null_space, setup_rand,
            teardown_rand),
        cmocka_unit_test_setup_teardown(test_data_row_basis_spans_row_space,
                                        setup_rand, teardown_rand),
        cmocka_unit_test_setup_teardown(test_data_init_hadamard_whitened,
                                        setup_rand, teardown_rand),
        cmocka_unit_test(test_data_init_scaled_hadamard_not_whitened),
        cmocka_unit_test(test_data_init_unit_diagonal_not_whitened),
        cmocka_unit_test_setup_teardown(test_data_init_random_fields,
                                        setup_rand, teardown_rand),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);

    flint_cleanup();
    return rc;
}
