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
    /* ---- BEYOND.md sections 2 and 3 (seeds 002, 003): sharpness and
       non-normal update operators ---- */
    { "S1", "Certified sharpness, scale law", SC_PROV_EXACT,
      "seed 002 (Li-Xu-Zhang); BEYOND.md s.2",
      "lambda_max(H) enclosed per state; lambda_max(H_ww(w)) = "
      "lambda_max(H_ww(w/|w|))/|w|^2",
      sc_thm_s1_check },
    { "S2", "Loss rises after the sharpness passes 2/eta",
      SC_PROV_OBSERVATIONAL, "seed 002 (Li-Xu-Zhang); BEYOND.md s.2",
      "a certified loss rise comes at or after lambda_max(H) > 2/eta and "
      "lambda_max(P^1/2 H P^1/2) > 2",
      sc_thm_s2_check },
    { "S3", "LLAS toy: identity and golden run", SC_PROV_EXACT,
      "seed 002 (Li-Xu-Zhang), LLAS toy; BEYOND.md s.2",
      "f - 9 = (x + 4) df/dx; GD eta = 5e-3: first peak 291.52 at t = 46, "
      "lambda_max < 400 at 47, > 400 again at 266 (case-independent)",
      sc_thm_s3_check },
    { "N1", "Two step sizes make the GD Jacobian non-normal", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "J - J^T = [H, P] for J = I - P H; J normal iff [H, P] = 0; kappa(V), "
      "rho(J) measured across the rising edge",
      sc_thm_n1_check },
    { "N2", "Heavy-ball exceptional points and transients", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "B_h = [[1+beta-eta h, -beta], [1, 0]]: Delta = 0 at eta h = "
      "(1 -+ sqrt beta)^2, kappa ~ |Delta|^-1/2, ||B^k|| <= kappa rho^k, "
      "Bauer-Fike, Kreiss (case-independent)",
      sc_thm_n2_check },
    { "N3", "kappa(V) against rho(J) across phases (exploratory)",
      SC_PROV_RECONSTRUCTED,
      "seed 003 abstract (reconstructed); BEYOND.md s.3",
      "certified: rho(J_t) >= 1 - eta lambda (scale invariance); measured: "
      "kappa(V) and rho(J) medians, stable vs unstable steps",
      sc_thm_n3_check },
};

const slong sc_thm_count = sizeof(sc_thm_table) / sizeof(sc_thm_table[0]);
