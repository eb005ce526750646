/*
 * theorems.h -- the whole theorem layer for its users (src/cli, src/report,
 * tests): the core (core/core.h) and every family's header.  A checker
 * includes only core/core.h and its own family's header.
 *
 *   registry.c      the registry: one line per claim, sc_thm_lookup
 *   core/           interface, run context, trajectory helpers
 *   whitened/       the paper's main line: L1 L6 L7 L12 L13 T2.x T3.x, and
 *                   LP (derived here, docs/loss_peak.md)
 *   logistic/       BN logistic regression: A1-A4 L4 L8-L10 L14 T5.x
 *   weight_decay/   BEYOND.md s.1: W1-W6
 *   sharpness/      BEYOND.md s.2-3: S1-S3 N1-N3
 *   figure3/        Section 6 / Figure 3 and the float view: F3
 */
#ifndef SC_THEOREMS_H
#define SC_THEOREMS_H

#include "theorems/core/core.h"
#include "theorems/whitened/whitened.h"
#include "theorems/logistic/logistic.h"
#include "theorems/weight_decay/weight_decay.h"
#include "theorems/sharpness/sharpness.h"
#include "theorems/figure3/figure3.h"
#include "theorems/families/families.h"

/* The registry (registry.c): every claim, in the order of THEOREMS.md.  It
   names every family's checker, so it lives here above the families, not
   in core/ below them (core/registry.c made core and the families include
   each other). */
extern const sc_thm_struct sc_thm_table[];
extern const slong sc_thm_count;

/* The registry entry with this claim id (case-sensitive), or NULL. */
const sc_thm_struct * sc_thm_lookup(const char * id);

/* The width of the widest claim id (at least 5): the id column of the
   terminal tables. */
int sc_thm_id_width(void);

/* The claims of statement id (or the one claim with that id) in registry
   order, at most max of them into out; returns how many exist. */
slong sc_thm_select(const sc_thm_struct ** out, slong max, const char * id);

#endif
