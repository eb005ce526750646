/*
 * core.h -- the core of the theorem layer: the checker interface
 * (sc_thm_*), the run context every checker reads its case from, the
 * registry of statements, and the trajectory helpers all families share.
 *
 * A checker is one function
 *     int sc_thm_<id>_check(sc_result_t res, sc_ctx_t ctx, slong prec);
 * that verifies the statement's hypotheses and conclusion on one case at
 * one precision.  It returns SC_OK with res->verdict set (HOLDS, VIOLATED,
 * NOT-APPLICABLE, or UNDECIDED when the step horizon ran out), or
 * SC_UNABLE with res->reason saying what could not be separated; the
 * precision is then raised by sc_thm_run.
 *
 * Checkers never compute dynamics themselves: they ask the context for the
 * full-GD or reduced trajectory at a precision, and the context computes
 * each (kind, precision) once per case.
 */
#ifndef SC_THEOREMS_CORE_H
#define SC_THEOREMS_CORE_H

#include "spikecheck.h"
#include "cases/cases.h"
#include "data/data.h"
#include "dyn/dyn.h"

/* Two kinds x at most 13 precisions (16 .. 65536 bits, doubling) fit, so
   no trajectory a checker holds is ever recycled under it. */
#define SC_CTX_CACHE 32

typedef struct
{
    sc_traj_kind_t kind;
    slong prec;
    int status;             /* SC_OK or SC_DOMAIN (reduced not applicable) */
    sc_traj_struct * T;
}
sc_ctx_entry_struct;

/* The model of the case in balls at one precision, built on first use
   and kept until the context is cleared. */
typedef struct
{
    slong prec;
    sc_dyn_struct * D;      /* data, reference direction, steps */
    sc_logi_struct * L;     /* the logistic line's constants (NULL until
                               asked for) */
    /* the logistic quantities of the states of the full-GD trajectory at
       prec (NULL until asked for): slen entries, each NULL, set (level
       1) or set and stepped (level 2) */
    sc_logi_state_struct ** Ls;
    int * Ls_level;
    slong Ls_len;
    /* the split model of the case at prec (NULL until asked for) and the
       gradients at the midpoints of the full-GD states (sc_ctx_grad;
       NULL until asked for, then G_len entries, each NULL or set) */
    sc_dyn_split_struct * S;
    struct sc_ctx_grad_struct_ ** G;
    slong G_len;
}
sc_ctx_model_struct;

/* The families whose claims share a per-context cache of their own. */
typedef enum
{
    SC_CTX_SHARP,           /* BEYOND.md s.2-3: the sharpness states S1,
                               N1, N3 share and S2's box series
                               (sharpness/sharp_cache.c) */
    SC_CTX_WD,              /* BEYOND.md s.1: the g~_t series of [W5] and
                               [W6] (weight_decay/wd_cache.c) */
    SC_CTX_L6,              /* THEOREMS.md s.2: the per-state quantities
                               of [L6]'s three claims
                               (whitened/l6_directional.c) */
    SC_CTX_T22,             /* THEOREMS.md s.3: what a reference time
                               gives [T2.2]'s two claims before either
                               judges it (whitened/t22_delayed_onset.c) */
    SC_CTX_W3,              /* BEYOND.md s.1: [W3]'s rescaled case and
                               its exact data facts, which both claims
                               use (weight_decay/w3_rescaling.c) */
    SC_CTX_NFAMILY
}
sc_ctx_family_t;

typedef struct
{
    void * data;            /* NULL until the family asks */
    void (*clear)(void * data);
}
sc_ctx_family_struct;

typedef struct
{
    const sc_case_struct * cs;  /* not owned */
    sc_data_t data;
    int from_first;         /* [T2.x]: reference time = first t with H2 */
    /* Negative-test hook (STYLE.md rule 21): every checker multiplies the
       bound or identity side it checks by this factor.  It is 1 in every
       run of the tool; tests set it to show that each checker can fail. */
    fmpq_t factor;
    slong ncache;
    sc_ctx_entry_struct cache[SC_CTX_CACHE];
    slong nmodel;
    sc_ctx_model_struct * model;
    char why[SC_REASON_LEN];
    /* what a family's claims share beyond the trajectories, kept by the
       family (sc_ctx_family) and freed by the function it gave: the core
       knows no family */
    sc_ctx_family_struct family[SC_CTX_NFAMILY];
}
sc_ctx_struct;

typedef sc_ctx_struct sc_ctx_t[1];

/* Derives the exact data facts of c; c must outlive ctx. */
void sc_ctx_init(sc_ctx_t ctx, const sc_case_t c);
void sc_ctx_clear(sc_ctx_t ctx);

/*
 * The model of the case in balls at prec, built once per context and
 * precision and shared by every checker (STYLE.md: who inits, clears; the
 * context does).  Its workspace is shared too: a caller keeps nothing of
 * it across calls, and computes only through its functions.
 */
sc_dyn_struct * sc_ctx_dyn(sc_ctx_t ctx, slong prec);

/* The logistic line's constants at prec on sc_ctx_dyn's model; only for
   a case that sc_logi_applies accepts (logistic loss, A1-A3, w_0 in
   span). */
sc_logi_struct * sc_ctx_logi(sc_ctx_t ctx, slong prec);

/* The logistic quantities (sc_logi_state_set) at the midpoint of state t
   of sc_ctx_full(ctx, prec), which must reach t; with step nonzero also
   those of the plain step (sc_logi_state_step).  Computed once per
   context, precision and state and bit-identical whichever checker asks
   first; valid until sc_ctx_clear.  Same cases as sc_ctx_logi. */
const sc_logi_state_struct * sc_ctx_logi_state(sc_ctx_t ctx, slong prec,
                                               slong t, int step);

/* The split model (src/dyn/split.c) of the case at prec, built once per
   context and precision and shared like sc_ctx_dyn's; only for a case
   whose full-GD trajectory runs in split coordinates (T->split). */
sc_dyn_split_struct * sc_ctx_split(sc_ctx_t ctx, slong prec);

/*
 * The gradient at the midpoint of state t of T = sc_ctx_full(ctx, prec)
 * (t < T->len), which the per-state lemmas [L12] and [L6] both need: on a
 * split trajectory gu and Pg = g (length d) of sc_dyn_split_grad at
 * z = (u, c) on sc_ctx_split's model, else g = grad_w L of sc_dyn_grad on
 * sc_ctx_dyn's (gu then 0).  Computed once per context, precision and state
 * (theorems/core/ctx.c), free of the control factor and
 * bit-identical whichever claim asks first; valid until sc_ctx_clear.
 */
typedef struct sc_ctx_grad_struct_
{
    arb_t gu;
    arb_ptr g;
}
sc_ctx_grad_struct;

const sc_ctx_grad_struct * sc_ctx_grad(sc_ctx_t ctx, slong prec, slong t);

/* The cache of family f: made by make() on first use, freed by clear()
   at sc_ctx_clear; NULL-free, owned by the context. */
void * sc_ctx_family(sc_ctx_t ctx, sc_ctx_family_t f, void * (*make)(void),
                     void (*clear)(void * data));

/* The certified full-GD trajectory at prec (computed once, cached). */
const sc_traj_struct * sc_ctx_full(sc_ctx_t ctx, slong prec);

/* The reduced trajectory at prec, or NULL when the reduced recurrence does
   not apply to the case (the reason is then in ctx->why). */
const sc_traj_struct * sc_ctx_reduced(sc_ctx_t ctx, slong prec);

/* The certified trajectory of the case with every rising flag decided: the
   reduced recurrence where it applies, else full GD, at doubling precision
   from prec0; the last one tried if the cap prec_max is reached first. */
const sc_traj_struct * sc_ctx_certified(sc_ctx_t ctx, slong prec0,
                                        slong prec_max);

typedef int (*sc_thm_check_fn)(sc_result_t res, sc_ctx_t ctx, slong prec);

/*
 * The known answer of a registry line, which tests/test_registry.c runs
 * for every line: at factor 1 the claim HOLDS on the case `holds`; with
 * the bound scaled by `factor` (a rational "p/q", the --scale-bounds hook)
 * it is VIOLATED on the case `fails`.  Paths are relative to the source
 * tree; a line without them fails the suite.
 */
typedef struct
{
    const char * holds;
    const char * fails;
    const char * factor;
}
sc_thm_known_struct;

/*
 * A registry line is one claim: a separately stated item or conclusion
 * with its own hypotheses and its own verdict.  Most statements are one
 * claim, whose id is the statement's [ID]; a statement with several items
 * has one line per item, with ids "STATEMENT-ITEM" (T5.1-1, T5.1-F) and
 * `of` naming the statement, so `list` shows them under it and
 * `--theorem STATEMENT` selects them all.
 */
typedef struct
{
    const char * id;            /* claim id: [ID] of THEOREMS.md /
                                   LOGISTIC.md, or ID-ITEM */
    const char * title;
    const char * provenance;    /* SC_PROV_* */
    const char * source;        /* paper statement and spec section */
    const char * statement;     /* the statement as checked, one line */
    sc_thm_check_fn check;
    sc_thm_known_struct known;
    const char * of;            /* the statement of a claim that is one of
                                   several items, else NULL */
}
sc_thm_struct;

/* The registry (sc_thm_table, sc_thm_lookup) is above the families, in
   theorems/theorems.h. */

/* The statement thm is a claim of: thm->of, or its own id. */
const char * sc_thm_statement(const sc_thm_struct * thm);

/*
 * Runs thm on ctx from prec0 bits, doubling while the checker returns
 * SC_UNABLE, up to prec_max; past the cap the verdict is UNDECIDED with
 * the checker's last reason.  res->prec is the precision of the last
 * attempt.
 */
void sc_thm_run(sc_result_t res, const sc_thm_struct * thm, sc_ctx_t ctx,
                slong prec0, slong prec_max);

/* ---- trajectory helpers every family uses (core/traj_common.c) ---- */

/* The reduced trajectory, or NULL with res set to NOT-APPLICABLE. */
const sc_traj_struct * sc_thm_need_reduced(sc_result_t res, sc_ctx_t ctx,
                                           slong prec);

/* The certified full-GD trajectory at prec when it reaches the horizon;
   NULL (reason set: the caller returns SC_UNABLE) when its enclosure
   became too wide before.  Sets the per-state certificate of res. */
const sc_traj_struct * sc_thm_need_full(sc_result_t res, sc_ctx_t ctx,
                                        slong prec);

/* SC_OK when every rising flag of steps [t0, t1) of T is decided and the
   trajectory reaches t1; SC_UNABLE (reason set) otherwise. */
int sc_thm_flags_decided(sc_result_t res, const sc_traj_struct * T,
                         slong t0, slong t1) SC_WARN_UNUSED;

/* The end of the rising run starting at t1: the least t >= t1 whose flag
   is SC_FALSE, or T->len - 1 if the run reaches the horizon.  Flags must
   be decided. */
slong sc_thm_run_end(const sc_traj_struct * T, slong t1);

/* The first step t >= t0 whose flag is SC_TRUE, or -1. */
slong sc_thm_first_rising(const sc_traj_struct * T, slong t0);

/* For a HOLDS whose conclusions are all "not rising" implications: marks
   it vacuous (exercised = 0, said in the reason) when every step of T is
   certified not rising, so no such conclusion was ever at risk. */
void sc_thm_vacuous_unless_rising(sc_result_t res, const sc_traj_struct * T);

/* The sign (-1, 0, 1) of a_0 = <w_0, u*>, decided over Q (0 without a
   reference direction).  State 0 is the exact initial state: a ball test
   at the midpoint of its enclosure never decides a_0 = 0, whatever the
   precision, so checkers decide state 0's a > 0 with this. */
int sc_thm_a0_sgn(const sc_ctx_t ctx);

/* ctx->factor as a ball. */
void sc_thm_factor(arb_t f, const sc_ctx_t ctx, slong prec);

/* c = ||w*||, eta, eta_gamma of the case as balls. */
void sc_thm_params(arb_t c, arb_t eta, arb_t eta_gamma, const sc_ctx_t ctx,
                   slong prec);

/*
 * A loss spike (core/spike.c), the one definition [F3] and [S2] share:
 * after at least SC_SPIKE_DESCENT certified falling steps, a rise whose
 * run (one-step dips allowed) reaches at least SC_SPIKE_RATIO x the loss
 * at its onset.  Every other rise is counted, not a spike.
 */
#define SC_SPIKE_DESCENT 10
#define SC_SPIKE_RATIO 2

typedef struct
{
    slong onset;            /* t_on (L_{t_on+1} > L_{t_on}); -1: none */
    slong peak;             /* where its run stops (or the horizon) */
    slong descent;          /* falling steps right before the onset */
    int open;               /* the spike still rises at the horizon */
    slong rises;            /* rises before the onset that are no spike */
    arb_t ratio;            /* L_peak / L_onset of the spike */
    arb_t bump;             /* >= the largest ratio of those rises; 0 if
                               there is none */
}
sc_spike_struct;

typedef sc_spike_struct sc_spike_t[1];

void sc_spike_init(sc_spike_t S);
void sc_spike_clear(sc_spike_t S);

/* Sets S to the first spike of the certified losses loss[0 .. len-1]
   (the whole horizon when there is none).  SC_UNABLE, with the reason in
   res, when a comparison the answer rests on is undecided. */
int sc_spike_find(sc_spike_t S, sc_result_t res, arb_srcptr loss,
                  slong len, slong prec) SC_WARN_UNUSED;

/*
 * The tally (core/tally.c): many certified claims, one verdict, for every
 * family.  Each claim is decided by certified
 * comparison: SC_TRUE keeps its slack if it is the tightest so far,
 * SC_FALSE records the certified counterexample (verdict VIOLATED, step,
 * predicted, observed) and stops, SC_UNKNOWN records the reason and stops
 * with SC_UNABLE.  Every claim is a no-op once the tally has stopped.
 * Slack is the claim's room as a ratio >= 1: bound / observed for an
 * upper bound, observed / bound for a lower bound, kept only when both
 * sides are certified positive.  ctx->factor f makes every claim
 * stricter: observed <= f bound and bound <= f observed.
 */
typedef struct
{
    slong step;             /* the step being examined */
    slong napplied;         /* steps at which some claim applied */
    int applied;            /* some claim applied at this step */
    int stop;               /* a failure or an undecided claim */
    int status;             /* SC_OK or SC_UNABLE */
    int has_best;
    int noslack;            /* claims keep no slack while set */
    int part;               /* the item of a statement this claim checks
                               (a family's own numbering), 0 for all */
    void * arg;             /* checker data for its per-state function */
    sc_truth_t standing;    /* the family's standing hypotheses at the
                               current state (logistic: a > 0, gamma > 0) */
    slong best_step;
    const char * best_form;
    arb_t f, best, best_pred, best_obs;
    arb_t worst;            /* largest residual of sc_tally_residual */
}
sc_tally_struct;

void sc_tally_init(sc_tally_struct * tl, const sc_ctx_t ctx,
                        slong prec);
void sc_tally_clear(sc_tally_struct * tl);

/* 1 when item k of the statement is checked by this tally's claim (its
   part, or every item when part is 0): an item of another claim is
   skipped, its gates too, so that it can neither fail nor stop this one. */
static inline int
sc_tally_part(const sc_tally_struct * tl, int k)
{
    return tl->part == 0 || tl->part == k;
}

/* Starts step t (the "applied" flag is per step). */
void sc_tally_step(sc_tally_struct * tl, slong t);

/* Claim observed <= bound (upper) or bound <= observed (lower). */
sc_truth_t sc_tally_upper(sc_tally_struct * tl, sc_result_t res,
                         const char * form, const arb_t observed,
                         const arb_t bound, slong prec);
sc_truth_t sc_tally_lower(sc_tally_struct * tl, sc_result_t res,
                         const char * form, const arb_t observed,
                         const arb_t bound, slong prec);

/* A lower-bound claim decided exactly elsewhere (truth, e.g. over Q),
   counted as sc_tally_lower counts a certified comparison; observed and
   bound are what a failure reports. */
sc_truth_t sc_tally_lower_decided(sc_tally_struct * tl, sc_result_t res,
                                 const char * form, sc_truth_t truth,
                                 const arb_t observed, const arb_t bound,
                                 slong prec);

/* Offers slack = bound / observed (both positive) without deciding
   anything: for a checker whose slack is not one of its claims. */
void sc_tally_note(sc_tally_struct * tl, const char * form,
                  const arb_t observed, const arb_t bound, slong prec);

/* Claim lhs = rhs exactly: VIOLATED when lhs - rhs + (f - 1) scale
   excludes 0; decided only when that ball's radius is below
   2^(-prec/2) scale (else SC_UNKNOWN).  No slack. */
sc_truth_t sc_tally_identity(sc_tally_struct * tl, sc_result_t res,
                            const char * form, const arb_t lhs,
                            const arb_t rhs, const arb_t scale, slong prec);

/* Claim hyp => concl for one step, e.g. "F_t => not rising": violated
   when hyp is certified and concl certifiably false; SC_UNKNOWN only when
   the outcome depends on an undecided truth.  Counts as applied when hyp
   is SC_TRUE. */
sc_truth_t sc_tally_implies(sc_tally_struct * tl, sc_result_t res,
                           const char * form, sc_truth_t hyp,
                           sc_truth_t concl);

/* Truth of a per-step hypothesis of a form ("eps_Sigma < 1"): 1 when
   certified, 0 when certifiably false (the form is gated off at this step,
   not passed), 0 and the tally stopped (SC_UNABLE) when undecided. */
int sc_tally_gate(sc_tally_struct * tl, sc_result_t res,
                 const char * hyp, sc_truth_t truth);

/*
 * Ends a tally: returns SC_UNABLE if it stopped undecided; otherwise sets
 * the verdict unless already VIOLATED: NOT-APPLICABLE when no claim
 * applied (reason "hypothesis fails: " na_why; na_why has static storage:
 * it is also the record's failed label), else HOLDS with the
 * tightest slack (predicted, observed, slack, step) and the reason
 * "what; tightest: FORM at step t".
 */
int sc_tally_finish(sc_tally_struct * tl, sc_result_t res,
                         const char * what, const char * na_why);

/* Stops the tally from outside a claim: status SC_UNABLE when something
   was left undecided (the caller set the reason), SC_OK after the caller
   set a VIOLATED verdict. */
void sc_tally_halt(sc_tally_struct * tl, int status);

/* An identity the caller decided (truth) with relative residual rel >= 0:
   SC_TRUE keeps the largest upper bound of rel in tl->worst; SC_FALSE is
   VIOLATED at this step with observed = rel and the reason false_fmt;
   SC_UNKNOWN stops undecided with the reason unknown_fmt (each format
   takes one %ld, the step). */
sc_truth_t sc_tally_residual(sc_tally_struct * tl, sc_result_t res,
                             sc_truth_t truth, const arb_t rel,
                             const char * false_fmt,
                             const char * unknown_fmt, slong prec);

/*
 * The walk (core/walk.c) over states t0, t0 + stride, ... < t1 of T, and
 * t1 - 1 always when stride > 1, until the tally stops.  Each state is one
 * tally step; on a full-GD trajectory s->w, s->gamma are the midpoints of
 * the state (an exact point inside the certified enclosure).  Returns the
 * number of states visited.
 */
typedef struct
{
    const sc_traj_struct * T;
    slong t, d;
    arb_ptr w;              /* full GD: the midpoint of state t */
    arb_t gamma;
}
sc_walk_state_struct;

void sc_walk_state_init(sc_walk_state_struct * s, slong d);
void sc_walk_state_clear(sc_walk_state_struct * s);

typedef void (*sc_walk_fn)(sc_tally_struct * tl, sc_result_t res,
                           const sc_walk_state_struct * s, void * arg,
                           slong prec);

slong sc_walk(sc_tally_struct * tl, sc_result_t res,
              const sc_traj_struct * T, slong t0, slong t1, slong stride,
              sc_walk_fn fn, void * arg, slong prec);

#endif
