/*
 * registry.c -- every statement spikecheck checks, in the order of
 * THEOREMS.md.  Adding a statement: one file, one line here, one test.
 */
#include "theorems/theorems.h"

const sc_thm_struct sc_thm_table[] =
{
    { "L12", "Scale invariance", SC_PROV_EXACT,
      "paper Lemma 12; THEOREMS.md s.2",
      "<grad_w L(w, gamma), w> = 0 at every state (both losses, any Sigma)",
      sc_thm_l12_check },
    { "L1", "Square-loss decomposition", SC_PROV_EXACT,
      "paper Lemma 1; THEOREMS.md s.2",
      "L = L* + (gamma - c cos)^2/2 + c^2 sin^2/2 with Sigma-geometry c, cos",
      sc_thm_l1_check },
    { "L7", "Reduced dynamics", SC_PROV_EXACT,
      "paper Lemma 7; THEOREMS.md s.2",
      "full GD equals the (rho, gamma, W) recurrence step by step; rising "
      "iff rho < 1 and h > Theta(rho)",
      sc_thm_l7_check },
    { "L6", "Directional convergence/divergence", SC_PROV_EXACT,
      "paper Lemma 6; THEOREMS.md s.2",
      "rho' > rho iff eta(a^2|g|^2 - |w|^2 q^2) > 2aq|w|^2; the paper's "
      "convergence condition implies rho' <= rho",
      sc_thm_l6_check },
    { "T2.1", "No rising edge", SC_PROV_RECONSTRUCTED,
      "paper Theorem 2.1; THEOREMS.md s.3",
      "H2 and eta Gamma c <= 2 W_0 imply rho_{t+1} < rho_t for all t",
      sc_thm_t2_1_check },
    { "T2.2", "Delayed onset, waiting-time bound", SC_PROV_RECONSTRUCTED,
      "paper Theorem 2.2; THEOREMS.md s.3",
      "H2, (i), (ii) imply the first rising step t1 satisfies 1 <= t1 <= T "
      "(and T <= T_cf under (ii'))",
      sc_thm_t2_2_check },
    { "T3.a", "Rising-edge duration", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "H_1 > Theta_1 and R <= ceil(ln(H_1/Theta_1) / ln kappa_1)",
      sc_thm_t3_a_check },
    { "T3.b", "Rising-edge peak", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "rising steps have rho < rho_H(H_1); rho_{t1+R} <= P(H_1) <= P_cf(H_1)",
      sc_thm_t3_b_check },
    { "T3.c", "Phases and negative feedback", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3, Section 5.2; THEOREMS.md s.4",
      "gamma rises in P1, falls in P2, h falls on rising P2 steps; rising "
      "steps after t_c bounded",
      sc_thm_t3_c_check },
    { "L13", "A falling edge exists", SC_PROV_RECONSTRUCTED,
      "paper Lemma 13; THEOREMS.md s.4",
      "under H3 some t in [t1, t1 + T'] has rho_{t+1} <= rho_t",
      sc_thm_l13_check },
    /* ---- LOGISTIC.md section 1: the data hypotheses (branch logdata) ---- */
    { "A1-A4", "Logistic data hypotheses", SC_PROV_RECONSTRUCTED,
      "paper Section 3, Assumptions 1-4, Definition 2; LOGISTIC.md s.1, s.3",
      "under A3: sum y = 0, ||w*||_Sigma = 1, alpha >= 0 with sum 1/m^2, "
      "m^2 in [lmin, lmax]; under A4: beta > 0 and >= its lower bound",
      sc_thm_a14_check },
};

const slong sc_thm_count = sizeof(sc_thm_table) / sizeof(sc_thm_table[0]);
