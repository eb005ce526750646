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
    /* ---- BN logistic regression: LOGISTIC.md section 2 ---- */
    { "L8", "Logit perturbation", SC_PROV_RECONSTRUCTED,
      "paper Lemma 8 (App. C); LOGISTIC.md 2.2",
      "identities; |N/m - 1| <= eps_Sigma; y^_i within the (corrected) "
      "eps bounds; cos and sin^2 of the Sigma-angle bounded by rho",
      sc_thm_l8_check },
    { "L4", "Loss upper bound", SC_PROV_RECONSTRUCTED,
      "paper Lemma 4; LOGISTIC.md 2.3",
      "l(gamma) <= L; L - l(gamma) sandwiched by (1 - cos_Sigma); rho-form "
      "and paper-style upper bounds",
      sc_thm_l4_check },
    { "L9", "Alignment gain", SC_PROV_RECONSTRUCTED,
      "paper Lemma 9; LOGISTIC.md 2.4",
      "q = (gamma m/N_Sigma) mean(g(1 - cos y^)) and, if cos >= 0, "
      "q >= gamma m gbar sin^2/N_Sigma >= ... >= 0",
      sc_thm_l9_check },
    { "L10", "Gradient norm", SC_PROV_RECONSTRUCTED,
      "paper Lemma 10; LOGISTIC.md 2.5",
      "|grad| <= gamma sqrt(lmax) rms(g)/N_Sigma <= ...; |grad| <= "
      "(..)C sin <= gamma kappa rho C/(a(1+rho^2))",
      sc_thm_l10_check },
    { "L14", "Loss lower bound", SC_PROV_RECONSTRUCTED,
      "paper Lemma 14, Assumption 4, Definition 2; LOGISTIC.md 2.6",
      "min y^ <= (m - beta rho)/N; L >= l(gamma min y^)/n; "
      "L >= l(gamma phi)/n",
      sc_thm_l14_check },
    { "T5.1", "No rise below eta_max", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 1; LOGISTIC.md 2.7",
      "eta <= eta_max implies rho non-increasing and a non-decreasing for "
      "t < T; F_t implies rho' <= rho",
      sc_thm_t5_1_check },
    { "T5.2", "Norm window and entry", SC_PROV_RECONSTRUCTED,
      "paper Lemma 11, Theorem 5 item 2; LOGISTIC.md 2.7",
      "W_0 <= W_t <= W_0 + T eta^2 Gamma^2 kappa/W_0; the closed-form "
      "entry condition implies rho_t <= eps for some t <= T",
      sc_thm_t5_2_check },
    { "T5.3", "Exit threshold", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 3; LOGISTIC.md 2.7",
      "E_t implies rho' <= rho; rho >= rho_exit implies rho' <= rho",
      sc_thm_t5_3_check },
    /* ---- BEYOND.md section 1: weight decay (seed 004, Lobacheva et al.) */
    { "W1", "Norm dynamics under weight decay", SC_PROV_EXACT,
      "seed 004 eq. (3), (15), App. A.2; BEYOND.md s.1",
      "||w+||^2 = (1 - eta lambda)^2 ||w||^2 + eta^2 ||grad_w L||^2; "
      "unrolled eq. (15) encloses ||w_T||^2",
      sc_thm_w1_check },
    { "W2", "Cosine of adjacent iterates", SC_PROV_EXACT,
      "seed 004 eq. (8), App. A.2-A.3; BEYOND.md s.1",
      "cos(w_t, w_t+1) = (1 + eta^2 g~^2 / ((1 - eta lambda)^2 "
      "||w_t||^4))^(-1/2), g~ = ||grad at w/||w|| ||",
      sc_thm_w2_check },
    { "W3", "Invariance to hyperparameter rescaling", SC_PROV_EXACT,
      "seed 004 Proposition 4, App. A.1; BEYOND.md s.1",
      "(w0, eta, lambda) and (4 w0, 16 eta, lambda/16) give the same "
      "gamma, loss and w/||w|| (balls overlap; floats bit for bit)",
      sc_thm_w3_check },
    { "W4", "Weight decay as a growing step", SC_PROV_EXACT,
      "Li-Arora 2020 (seed 004 ref. [16]); BEYOND.md s.1",
      "(1 - eta lambda)^-t w_t follows plain GD with step "
      "eta (1 - eta lambda)^(-2t-1)",
      sc_thm_w4_check },
    { "W5", "Scalar lemmas of the norm recurrence", SC_PROV_EXACT,
      "seed 004 App. A.4 Lemma 1, Lemma 2, Prop. 5; BEYOND.md s.1",
      "x+ = (1-alpha) x + beta_t/x: rate sandwich, comparison, entry into "
      "[sqrt(a/alpha), sqrt(b/alpha)]; golden [sqrt 10, 10]",
      sc_thm_w5_check },
    { "W6", "Periodic behaviour under weight decay", SC_PROV_OBSERVATIONAL,
      "seed 004 s.3-4, Prop. 3, Corollary 1; BEYOND.md s.1",
      "measured: spikes, period vs 1/(eta lambda), windowed l, L; claimed: "
      "decay rate, ||w||^2 stays in the interval after entry; control",
      sc_thm_w6_check },
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
    /* ---- Section 6 / Figure 3 (THEOREMS.md s.6) ---- */
    { "F3", "Figure 3: delayed spike on Hilbert data", SC_PROV_OBSERVATIONAL,
      "paper Section 6, Figure 3; THEOREMS.md s.6",
      "after >= 10 falling steps the loss rises to >= 2x its onset value; "
      "measures onset, peak rho, loss ratio, h_t vs Theta(rho_t)",
      sc_thm_f3_check },
    /* ---- LOGISTIC.md section 1: the data hypotheses (branch logdata) ---- */
    { "A1-A4", "Logistic data hypotheses", SC_PROV_RECONSTRUCTED,
      "paper Section 3, Assumptions 1-4, Definition 2; LOGISTIC.md s.1, s.3",
      "under A3: sum y = 0, ||w*||_Sigma = 1, alpha >= 0 with sum 1/m^2, "
      "m^2 in [lmin, lmax]; under A4: beta > 0 and >= its lower bound",
      sc_thm_a14_check },
};

const slong sc_thm_count = sizeof(sc_thm_table) / sizeof(sc_thm_table[0]);
