/*
 * families.h -- claims over families (sc_fam_*): statements about how a
 * measured quantity scales across a grid of cases (a family file,
 * src/family/family.h), judged by `spikecheck sweep` from the certified
 * records of the grid's points.  Provenance observational: the paper and
 * the seeds state these as takeaways, not as theorems.
 *
 * A family claim names the point claims it reads (T2.2, W6), the grid
 * parameters it needs and allows, and a judge.  The judge sees, per
 * point, the record of each point claim, never a trajectory: records
 * restored from a journal or a --jobs worker judge the same.  It fits a
 * law by least squares in balls (sc_num_fit_line), returns SC_UNABLE when
 * the balls cannot decide the verdict (sc_fam_run raises the precision,
 * UNDECIDED at the cap), and fills a plot for the report (doubles,
 * display only).
 */
#ifndef SC_THEOREMS_FAMILIES_H
#define SC_THEOREMS_FAMILIES_H

#include "theorems/core/core.h"
#include "family/family.h"

#define SC_FAM_MAX_NEED 2
#define SC_FAM_MAX_SERIES 6
/* the plots of one family record (the law, a regime map) */
#define SC_FAM_MAX_PLOTS 2

/* One series of a family plot: points, or a line through them. */
typedef struct
{
    char label[64];
    int lines;
    slong n;
    double * x, * y;
}
sc_fam_series_struct;

typedef struct
{
    char title[160], xlabel[64], ylabel[64];
    int logx, logy;
    slong nseries;
    sc_fam_series_struct s[SC_FAM_MAX_SERIES];
}
sc_fam_plot_struct;

void sc_fam_plot_init(sc_fam_plot_struct * P);
void sc_fam_plot_clear(sc_fam_plot_struct * P);

/* A new series of n points (x, y zeroed) in P, or NULL when P is full. */
sc_fam_series_struct * sc_fam_plot_add(sc_fam_plot_struct * P,
                                       const char * label, int lines,
                                       slong n);

/* What a judge reads: the family and, for point i and point claim j,
   rec[i * nneed + j] (NULL when the run has none: another shard). */
typedef struct
{
    const sc_family_struct * F;
    const sc_result_struct * const * rec;
    slong nneed;
    const fmpq * tol;
}
sc_fam_points_struct;

typedef int (*sc_fam_judge_fn)(sc_result_t res, sc_fam_plot_struct * P,
                               const sc_fam_points_struct * pts,
                               slong prec);

typedef struct
{
    sc_thm_struct thm;          /* id, title, provenance, source,
                                   statement (check NULL): the identity
                                   of its records */
    const char * need[SC_FAM_MAX_NEED];     /* the point claims */
    int required, allowed;      /* bits 1 << SC_FAMILY_*: the grid */
    const char * tolerance;     /* the default tolerance */
    sc_fam_judge_fn judge;
}
sc_fam_claim_struct;

extern const sc_fam_claim_struct sc_fam_table[];
extern const slong sc_fam_count;

/* The family claim with this id, or NULL. */
const sc_fam_claim_struct * sc_fam_lookup(const char * id);

/* The family claim whose records carry thm, or NULL. */
const sc_fam_claim_struct * sc_fam_of(const sc_thm_struct * thm);

/* Judges cl on pts from prec0 bits, doubling up to prec_max; past the
   cap the verdict is UNDECIDED.  P is an array of SC_FAM_MAX_PLOTS plots
   (initialised), those of the last attempt: the judge fills P[0], P[1],
   ... and a plot without a series is not drawn. */
void sc_fam_run(sc_result_t res, sc_fam_plot_struct * P,
                const sc_fam_claim_struct * cl,
                const sc_fam_points_struct * pts, slong prec0,
                slong prec_max);

/* A family claim's verdict from its law's deviation x against the bound
   the tolerance gives: HOLDS when x <= bound, VIOLATED when x > bound,
   else SC_UNABLE with the reason "WHAT undecided" (the precision is
   raised). */
int sc_fam_within(sc_result_t res, const arb_t x, const arb_t bound,
                  const char * what) SC_WARN_UNUSED;

/* The extra named name of r as a ball into x: 1, or 0 when r has none. */
int sc_fam_extra(arb_t x, const sc_result_struct * r, const char * name);

/* ---- the claims ---- */

/* FAM-T2.2-rho: Theorem 2's waiting time against ln(1/rho_0). */
int sc_fam_t22_rho_judge(sc_result_t res, sc_fam_plot_struct * P,
                         const sc_fam_points_struct * pts, slong prec);

/* FAM-W6-period: seed 004's period against 1/(eta lambda), the regime
   map. */
int sc_fam_w6_period_judge(sc_result_t res, sc_fam_plot_struct * P,
                           const sc_fam_points_struct * pts, slong prec);

/* FAM-T5-entry: Theorem 5's takeaway on eta and ||w_0|| (logistic
   line). */
int sc_fam_t5_entry_judge(sc_result_t res, sc_fam_plot_struct * P,
                          const sc_fam_points_struct * pts, slong prec);

/* Theorem 5's second takeaway over a grid of margins (fam_t5_margin.c):
   the exit threshold, and the depth before the first rising branch. */
int sc_fam_t5_exit_judge(sc_result_t res, sc_fam_plot_struct * P,
                         const sc_fam_points_struct * pts, slong prec);
int sc_fam_t5_depth_judge(sc_result_t res, sc_fam_plot_struct * P,
                          const sc_fam_points_struct * pts, slong prec);

#endif
