/*
 * registry.c -- every statement spikecheck checks, in the order of
 * THEOREMS.md, and the lookup by claim id.  Adding a statement: one file,
 * one line here, one test.  It names every family's checker, so it sits
 * above the families (theorems/), not in core/ below them.
 */
#include <string.h>
#include "theorems/theorems.h"

const sc_thm_struct sc_thm_table[] =
{
    { "L12", "Scale invariance", SC_PROV_EXACT,
      "paper Lemma 12; THEOREMS.md s.2",
      "<grad_w L(w, gamma), w> = 0 at every state (both losses, any Sigma)",
      sc_thm_l12_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, NULL },
    { "L1", "Square-loss decomposition", SC_PROV_EXACT,
      "paper Lemma 1; THEOREMS.md s.2",
      "L = L* + (gamma - c cos)^2/2 + c^2 sin^2/2 with Sigma-geometry c, cos",
      sc_thm_l1_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, NULL },
    /* Lemma 7: the recurrence, and item 4 */
    { "L7-eq", "Reduced dynamics", SC_PROV_EXACT,
      "paper Lemma 7; THEOREMS.md s.2",
      "full GD equals the (rho, gamma, W) recurrence step by step, rising "
      "flags included",
      sc_thm_l7_eq_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "L7" },
    { "L7-rise", "Rising criterion (item 4)", SC_PROV_EXACT,
      "paper Lemma 7 item 4; THEOREMS.md s.2",
      "rho_{t+1} > rho_t iff rho_t < 1 and h_t > Theta(rho_t)",
      sc_thm_l7_rise_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "L7" },
    /* Lemma 6: the criterion, the identity behind it, the paper's form */
    { "L6-iff", "Directional divergence criterion", SC_PROV_EXACT,
      "paper Lemma 6; THEOREMS.md s.2",
      "rho' > rho iff Lambda = eta(a^2|g|^2 - |w|^2 q^2) - 2aq|w|^2 > 0",
      sc_thm_l6_iff_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "L6" },
    { "L6-id", "Directional identity", SC_PROV_EXACT,
      "paper Lemma 6 (App. A); THEOREMS.md s.2",
      "rho'^2 - rho^2 = eta Lambda / (a a')^2",
      sc_thm_l6_id_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "L6" },
    { "L6-suf", "Directional convergence condition", SC_PROV_EXACT,
      "paper Lemma 6; THEOREMS.md s.2",
      "eta(a^2|g|^2 - b^2 q^2) <= 2aq|w|^2 implies rho' <= rho",
      sc_thm_l6_suf_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "2" }, "L6" },
    { "T2.1", "No rising edge", SC_PROV_RECONSTRUCTED,
      "paper Theorem 2.1; THEOREMS.md s.3",
      "H2 and eta Gamma c <= 2 W_0 imply rho_{t+1} < rho_t for all t",
      sc_thm_t2_1_check,
      { "tests/data/thm_t21.json",
        "tests/data/thm_spike.json", "2" }, NULL },
    /* Theorem 2.2: the waiting-time bound and its closed form */
    { "T2.2-T", "Delayed onset within T steps", SC_PROV_RECONSTRUCTED,
      "paper Theorem 2.2; THEOREMS.md s.3",
      "from each t0 with H2, (i), (ii): the first rising step t1 satisfies "
      "1 <= t1 - t0 <= T",
      sc_thm_t2_2_T_check,
      { "tests/data/thm_t22.json",
        "tests/data/thm_t22.json", "1/2" }, "T2.2" },
    { "T2.2-cf", "Closed-form waiting time", SC_PROV_RECONSTRUCTED,
      "paper Theorem 2.2 (appendix); THEOREMS.md s.3",
      "from each t0 with H2, (i), (ii) and (ii'): T <= T_cf",
      sc_thm_t2_2_cf_check,
      { "tests/data/thm_t22.json",
        "tests/data/thm_t22.json", "1/4" }, "T2.2" },
    { "T3.a", "Rising-edge duration", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "H_1 > Theta_1 and R <= ceil(ln(H_1/Theta_1) / ln kappa_1)",
      sc_thm_t3_a_check,
      { "tests/data/thm_t22.json",
        "tests/data/thm_t22.json", "1/1000000000000000000000000000000" }, NULL },
    /* Theorem 3's peak: the rising steps, the peak, its closed form */
    { "T3.b-H", "Rising steps below rho_H", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "under H3 the rising steps of an edge have rho_t < rho_H(H_1)",
      sc_thm_t3_b_H_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/4" }, "T3.b" },
    { "T3.b-P", "Rising-edge peak", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "under H3 the value after an edge satisfies rho_{t1+R} <= P(H_1)",
      sc_thm_t3_b_P_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/2" }, "T3.b" },
    { "T3.b-cf", "Closed-form peak bound", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3; THEOREMS.md s.4",
      "P(H_1) <= P_cf(H_1) = (H_1 - 1) m / (1 + H_1 m^2), m = min(rho_H, "
      "H_1^-1/2)",
      sc_thm_t3_b_cf_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/2" }, "T3.b" },
    { "LP", "Loss peak of a rising edge", SC_PROV_DERIVED,
      "derived here from [L1], [L7].2, [T3.b]; docs/loss_peak.md",
      "eta_gamma <= 1: on [t1, t1+R+1] L - L* <= U_t, from e_t1, k_t1, "
      "rho_H(H_1), P(H_1); peak/onset ratio <= max U_t / E_t1",
      sc_thm_lp_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/3" }, NULL },
    /* Theorem 3's phases: each a claim */
    { "T3.c-1", "Phase P1: gamma rises", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3, Section 5.2; THEOREMS.md s.4",
      "on the rising steps t <= t_c of an edge gamma_{t+1} >= gamma_t",
      sc_thm_t3_c_1_check,
      { "tests/data/thm_t3c.json",
        "tests/data/thm_t3c.json", "2" }, "T3.c" },
    { "T3.c-2", "Phase P2: gamma falls", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3, Section 5.2; THEOREMS.md s.4",
      "on the steps t_c < t <= t1 + R gamma_{t+1} < gamma_t",
      sc_thm_t3_c_2_check,
      { "tests/data/thm_t3c.json",
        "tests/data/thm_t3c.json", "1/2" }, "T3.c" },
    { "T3.c-h", "Phase P2: negative feedback on h", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3, Section 5.2; THEOREMS.md s.4",
      "on the rising steps of P2 h_{t+1} < h_t / (1 + h_t^2 sin^2_t)",
      sc_thm_t3_c_h_check,
      { "tests/data/thm_t3c.json",
        "tests/data/thm_t3c.json", "1/2" }, "T3.c" },
    { "T3.c-n", "Rising steps after t_c", SC_PROV_RECONSTRUCTED,
      "paper Theorem 3, Section 5.2; THEOREMS.md s.4",
      "the rising steps after t_c number at most ceil(ln(h/Theta(rho)) / "
      "ln kappa) at t_c + 1",
      sc_thm_t3_c_n_check,
      { "tests/data/thm_t3c.json",
        "tests/data/thm_t3c.json", "1/1000" }, "T3.c" },
    { "L13", "A falling edge exists", SC_PROV_RECONSTRUCTED,
      "paper Lemma 13; THEOREMS.md s.4",
      "under H3 some t in [t1, t1 + T'] has rho_{t+1} <= rho_t",
      sc_thm_l13_check,
      { "tests/data/thm_t22.json",
        "tests/data/thm_t22.json", "1/1000000000000000000000000000000" }, NULL },
    /* ---- BN logistic regression: LOGISTIC.md section 2 ---- */
    /* Lemma 8: the identities and each item a claim */
    { "L8-id", "Logit identities", SC_PROV_RECONSTRUCTED,
      "LOGISTIC.md s.1 (with paper Lemma 8)",
      "mean(y^2) = 1, mean(y^) = cos_Sigma, 1 - cos_Sigma = "
      "mean((y^-1)^2)/2",
      sc_thm_l8_id_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1025/1024" }, "L8" },
    { "L8-1", "Logit perturbation (1): the norm", SC_PROV_RECONSTRUCTED,
      "paper Lemma 8 (App. C); LOGISTIC.md 2.2",
      "| ||w||_Sigma - a m | <= ||r||_Sigma <= sqrt(lmax) b; |N/m - 1| <= "
      "eps_Sigma",
      sc_thm_l8_1_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/4" }, "L8" },
    { "L8-2", "Logit perturbation (2): the logits", SC_PROV_RECONSTRUCTED,
      "paper Lemma 8 (App. C); LOGISTIC.md 2.2",
      "if eps_Sigma < 1: y^_i within the (corrected) eps bounds",
      sc_thm_l8_2_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/8" }, "L8" },
    { "L8-3", "Logit perturbation (3): the cosine", SC_PROV_RECONSTRUCTED,
      "paper Lemma 8 (App. C); LOGISTIC.md 2.2",
      "if eps_Sigma < 1: cos_Sigma >= (1 - eps_Sigma)/(1 + eps_Sigma)",
      sc_thm_l8_3_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/128" }, "L8" },
    { "L8-4", "Logit perturbation (4): the sine", SC_PROV_RECONSTRUCTED,
      "paper Lemma 8 (App. C); LOGISTIC.md 2.2",
      "rho^2/(kappa(1+rho^2)) <= sin^2_Sigma <= kappa rho^2/(1+rho^2)",
      sc_thm_l8_4_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/8" }, "L8" },
    /* Lemma 4: each form a claim */
    { "L4-lo", "Loss bound: L >= l(gamma)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 4; LOGISTIC.md 2.3",
      "L >= l(gamma) (Jensen, mean y^ = cos_Sigma <= 1)",
      sc_thm_l4_lo_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/2" }, "L4" },
    { "L4-S", "Loss bound: the sandwich", SC_PROV_RECONSTRUCTED,
      "paper Lemma 4; LOGISTIC.md 2.3",
      "sigma(-gamma) gamma (1 - cos) <= L - l(gamma) <= gamma (sigma(-gamma) "
      "+ gamma/4)(1 - cos)",
      sc_thm_l4_sandwich_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/2" }, "L4" },
    { "L4-rho", "Loss bound: the rho-form", SC_PROV_RECONSTRUCTED,
      "paper Lemma 4 (main statement); LOGISTIC.md 2.3",
      "if cos_Sigma >= 0: L <= l(gamma) + gamma (sigma(-gamma) + gamma/4) "
      "kappa rho^2/(1+rho^2)",
      sc_thm_l4_rho_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/32" }, "L4" },
    { "L4-P", "Loss bound: the paper-style form", SC_PROV_RECONSTRUCTED,
      "paper Lemma 4; LOGISTIC.md 2.3",
      "if eps_Sigma, eps_inf < 1: L <= l(gamma (1 - eps_inf)/(1 + eps_Sigma))",
      sc_thm_l4_paper_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/128" }, "L4" },
    { "L9", "Alignment gain", SC_PROV_RECONSTRUCTED,
      "paper Lemma 9; LOGISTIC.md 2.4",
      "q = (gamma m/N_Sigma) mean(g(1 - cos y^)) and, if cos >= 0, "
      "q >= gamma m gbar sin^2/N_Sigma >= ... >= 0",
      sc_thm_l9_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1025/1024" }, NULL },
    /* Lemma 10 (i), (ii) and Lemma 14 (a)-(c): each item a claim */
    { "L10-i", "Gradient norm (i)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 10; LOGISTIC.md 2.5",
      "|grad| <= gamma sqrt(lmax) rms(g)/N_Sigma <= gamma sqrt(lmax)/N_Sigma "
      "<= gamma sqrt(kappa)/|w|",
      sc_thm_l10_i_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/2" }, "L10" },
    { "L10-ii", "Gradient norm (ii)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 10; LOGISTIC.md 2.5",
      "|grad| <= (..)[sigma(-gamma) sin + gamma D sqrt(2(1-cos))]; if cos >= "
      "0, <= (..)C sin <= gamma kappa rho C/(a(1+rho^2))",
      sc_thm_l10_ii_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/2" }, "L10" },
    { "L14-a", "Loss lower bound (a)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 14, Assumption 4, Definition 2; LOGISTIC.md 2.6",
      "min y^ <= (m - beta rho)/N",
      sc_thm_l14_a_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/2" }, "L14" },
    { "L14-b", "Loss lower bound (b)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 14, Assumption 4, Definition 2; LOGISTIC.md 2.6",
      "L >= l(gamma min y^)/n",
      sc_thm_l14_b_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/4" }, "L14" },
    { "L14-c", "Loss lower bound (c)", SC_PROV_RECONSTRUCTED,
      "paper Lemma 14, Assumption 4, Definition 2; LOGISTIC.md 2.6",
      "L >= l(gamma phi)/n",
      sc_thm_l14_c_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/8" }, "L14" },
    /* Theorem 5' (LOGISTIC.md 2.7): each item and certificate a claim */
    { "T5.1-1", "Item (1): no rise below eta_max", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 1; LOGISTIC.md 2.7",
      "eta <= eta_max implies rho non-increasing and a non-decreasing for "
      "t < T",
      sc_thm_t5_1_item1_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_A_1000.json", "1/1000" }, "T5.1" },
    { "T5.1-F", "Certificate F_t", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 1; LOGISTIC.md 2.7",
      "F_t: eta gamma lmax C^2 <= 2 m gbar W N implies rho' <= rho",
      sc_thm_t5_1_F_check,
      { "tests/data/logi_A_1000.json",
        "tests/data/logi_A_1000.json", "1/1000" }, "T5.1" },
    { "T5.2-W", "Lemma 11: the norm window", SC_PROV_RECONSTRUCTED,
      "paper Lemma 11; LOGISTIC.md 2.7",
      "W_0 <= W_t <= W_0 + T eta^2 Gamma^2 kappa/W_0 for t <= T",
      sc_thm_t5_2_window_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1023/1024" }, "T5.2" },
    { "T5.2-2", "Item (2): entry below eps", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 2; LOGISTIC.md 2.7",
      "under item (1), (a_0 + T eta Q)^2 (1 + eps^2) >= W_T+ implies "
      "rho_t <= eps for some t <= T",
      sc_thm_t5_2_entry_check,
      { "tests/data/logi_small.json",
        "tests/data/logi_small.json", "1/1000000" }, "T5.2" },
    { "T5.3-E", "Certificate E_t", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 3; LOGISTIC.md 2.7",
      "E_t: eta gamma (lmax C^2 - rho^2 m^2 gbar^2 sin^2) <= 2 m gbar W N "
      "implies rho' <= rho",
      sc_thm_t5_3_E_check,
      { "tests/data/logi_tight_t53.json",
        "tests/data/logi_A_1000.json", "1/1000" }, "T5.3" },
    { "T5.3-3", "Item (3): the exit threshold", SC_PROV_RECONSTRUCTED,
      "paper Theorem 5 item 3; LOGISTIC.md 2.7",
      "rho >= rho_exit = sqrt((K + sqrt(K^2 + 4K))/2) implies rho' <= rho",
      sc_thm_t5_3_exit_check,
      { "tests/data/logi_tight_t53.json",
        "tests/data/logi_tight_t53.json", "3/4" }, "T5.3" },
    { "T5.3-U", "Item (3): uniform threshold and scaling",
      SC_PROV_RECONSTRUCTED, "paper Theorem 5 item 3; LOGISTIC.md 2.7",
      "rho_exit <= uniform rho_exit; rho_exit >= sqrt(kappa lmax)/m >= "
      "sqrt(kappa)",
      sc_thm_t5_3_bounds_check,
      { "tests/data/logi_tight_t53.json",
        "tests/data/logi_tight_t53.json", "1023/1024" }, "T5.3" },
    /* ---- BEYOND.md section 1: weight decay (seed 004, Lobacheva et al.) */
    { "W1-id", "Norm identity under weight decay", SC_PROV_EXACT,
      "seed 004 eq. (3), App. A.2; BEYOND.md s.1",
      "||w+||^2 = (1 - eta lambda)^2 ||w||^2 + eta^2 ||grad_w L||^2 at "
      "every step",
      sc_thm_w1_id_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, "W1" },
    { "W1-15", "Unrolled norm dynamics, eq. (15)", SC_PROV_EXACT,
      "seed 004 eq. (15), App. A.2; BEYOND.md s.1",
      "||w_T||^2 = q^T ||w_0||^2 + eta^2 sum q^(T-t-1) ||g_t||^2, "
      "q = (1 - eta lambda)^2 (enclosures overlap)",
      sc_thm_w1_15_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, "W1" },
    { "W2", "Cosine of adjacent iterates", SC_PROV_EXACT,
      "seed 004 eq. (8), App. A.2-A.3; BEYOND.md s.1",
      "cos(w_t, w_t+1) = (1 + eta^2 g~^2 / ((1 - eta lambda)^2 "
      "||w_t||^4))^(-1/2), g~ = ||grad at w/||w|| ||",
      sc_thm_w2_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, NULL },
    { "W3-same", "Rescaling invariance: same trajectory", SC_PROV_EXACT,
      "seed 004 Proposition 4, App. A.1; BEYOND.md s.1",
      "(w0, eta, lambda) and (4 w0, 16 eta, lambda/16) give the same "
      "gamma, loss and w/||w|| (certified enclosures overlap)",
      sc_thm_w3_same_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, "W3" },
    { "W3-bits", "Rescaling invariance: bit for bit", SC_PROV_EXACT,
      "seed 004 Proposition 4; BEYOND.md s.1",
      "with c = 4 the two 53-bit float runs agree bit for bit (w' = 4 w, "
      "gamma' = gamma)",
      sc_thm_w3_bits_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, "W3" },
    { "W4", "Weight decay as a growing step", SC_PROV_EXACT,
      "Li-Arora 2020 (seed 004 ref. [16]); BEYOND.md s.1",
      "(1 - eta lambda)^-t w_t follows plain GD with step "
      "eta (1 - eta lambda)^(-2t-1)",
      sc_thm_w4_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, NULL },
    { "W5-G", "Scalar lemmas: golden self-check", SC_PROV_EXACT,
      "seed 004 App. A.4 Lemma 1, Lemma 2, Prop. 5, Figure 8; BEYOND.md s.1",
      "alpha = 1/10, a = 1, b = 10: Lemma 1, Lemma 2 and entry into "
      "[sqrt 10, 10] hold (case-independent)",
      sc_thm_w5_golden_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "9/10" }, "W5" },
    { "W5-L1", "Lemma 1: rate sandwich on the norm", SC_PROV_EXACT,
      "seed 004 App. A.4 Lemma 1; BEYOND.md s.1",
      "x_0 > x* = sqrt(a/alpha): (1 - 2 alpha)^t (x_0 - x*) <= x_{a,t} - x* "
      "<= (1 - alpha)^t (x_0 - x*), x_0 = ||w_0||^2",
      sc_thm_w5_l1_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "9/10" }, "W5" },
    { "W5-L2", "Lemma 2: comparison on the norm", SC_PROV_EXACT,
      "seed 004 App. A.4 Lemma 2; BEYOND.md s.1",
      "x_{a,t} <= ||w_t||^2 for the beta-determined sequence from ||w_0||^2 "
      "with a <= eta^2 g~_t^2",
      sc_thm_w5_l2_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "9/10" }, "W5" },
    { "W5-P5", "Prop. 5: the norm stays in the interval", SC_PROV_EXACT,
      "seed 004 App. A.4 Prop. 5; BEYOND.md s.1",
      "(alpha/(1-alpha)) sqrt b <= sqrt a: once ||w_t||^2 is in "
      "[sqrt(a/alpha), sqrt(b/alpha)] it stays",
      sc_thm_w5_p5_check,
      { "tests/data/wd_steady.json",
        "tests/data/wd_steady.json", "9965/10000" }, "W5" },
    { "W6-a", "Periodic behaviour: decay rate", SC_PROV_OBSERVATIONAL,
      "seed 004 s.3-4, eq. (3); BEYOND.md s.1",
      "||w_t+1||^2 >= (1 - eta lambda)^2 ||w_t||^2; measured: spikes, "
      "period vs 1/(eta lambda)",
      sc_thm_w6_a_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "cases/showcase/whitened-wd-periodic.json", "1025/1024" }, "W6" },
    { "W6-b", "Periodic behaviour: lower end of the interval",
      SC_PROV_OBSERVATIONAL, "seed 004 s.4, Corollary 1; BEYOND.md s.1",
      "in the window, once ||w_t||^2 >= eta l / sqrt(alpha) it stays; "
      "measured: l, L, W_min, W_max",
      sc_thm_w6_b_check,
      { "cases/showcase/whitened-wd-periodic.json",
        "tests/data/wd_oscillation.json", "9/10" }, "W6" },
    { "W6-c", "Periodic behaviour: stays in the interval",
      SC_PROV_OBSERVATIONAL, "seed 004 Prop. 3 (exact form); BEYOND.md s.1",
      "alpha L <= (1 - alpha) l on the window: once ||w_t||^2 is in "
      "[eta l, eta L] / sqrt(alpha) it stays",
      sc_thm_w6_c_check,
      { "tests/data/wd_oscillation.json",
        "tests/data/wd_oscillation.json", "91/100" }, "W6" },
    { "W6-ctl", "Periodic behaviour: the control", SC_PROV_OBSERVATIONAL,
      "seed 004 s.3 (fixed norm); BEYOND.md s.1",
      "project_norm: ||w_t||^2 = ||w_0||^2 at every step; measured: spikes",
      sc_thm_w6_ctl_check,
      { "cases/showcase/whitened-wd-projected.json",
        "cases/showcase/whitened-wd-projected.json", "1025/1024" }, "W6" },
    /* ---- BEYOND.md sections 2 and 3 (seeds 002, 003): sharpness and
       non-normal update operators ---- */
    { "S1", "Certified sharpness, scale law", SC_PROV_EXACT,
      "seed 002 (Li-Xu-Zhang); BEYOND.md s.2",
      "lambda_max(H) enclosed per state; lambda_max(H_ww(w)) = "
      "lambda_max(H_ww(w/|w|))/|w|^2",
      sc_thm_s1_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, NULL },
    { "S2-H", "Loss spikes after lambda_max(H) passes 2/eta",
      SC_PROV_OBSERVATIONAL, "seed 002 (Li-Xu-Zhang); BEYOND.md s.2",
      "a loss spike (>= 10 falls, then a rise to >= 2x) starts at or after "
      "the first state with lambda_max(H) > 2/eta",
      sc_thm_s2_h_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "2" }, "S2" },
    { "S2-P", "Loss spikes after lambda_max(P^1/2 H P^1/2) passes 2",
      SC_PROV_OBSERVATIONAL, "seed 002 (Li-Xu-Zhang); BEYOND.md s.2 (the "
      "note on eta_gamma)",
      "a loss spike (>= 10 falls, then a rise to >= 2x) starts at or after "
      "the first state with lambda_max(P^1/2 H P^1/2) > 2",
      sc_thm_s2_p_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "2" }, "S2" },
    { "S3-id", "LLAS toy: the identity", SC_PROV_EXACT,
      "seed 002 (Li-Xu-Zhang), LLAS toy; BEYOND.md s.2",
      "f = (50x + 200) y^2 - x + 5: f - 9 = (x + 4) df/dx over Q "
      "(case-independent)",
      sc_thm_s3_id_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "S3" },
    { "S3-run", "LLAS toy: the golden run", SC_PROV_EXACT,
      "seed 002 (Li-Xu-Zhang), LLAS toy; BEYOND.md s.2",
      "GD eta = 5e-3 from (0.5, 1e-5): first peak 291.52 at t = 46, "
      "lambda_max < 400 at 47, > 400 again at 266 (case-independent)",
      sc_thm_s3_run_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "S3" },
    { "N1", "Two step sizes make the GD Jacobian non-normal", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "J - J^T = [H, P] for J = I - P H; J normal iff [H, P] = 0; kappa(V), "
      "rho(J) measured across the rising edge",
      sc_thm_n1_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, NULL },
    { "N2-EP", "Heavy ball: exceptional points", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "Delta = (1 + beta - eta h)^2 - 4 beta = 0 at eta h = (1 -+ sqrt "
      "beta)^2 (beta 1/4, 9/16, the case's)",
      sc_thm_n2_ep_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "2" }, "N2" },
    { "N2-kap", "Heavy ball: kappa near an exceptional point", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "kappa(V) sqrt|Delta| -> 2 (1 + beta) at x_EP +- 2^-k: within "
      "2^(-k/2) (kappa ~ |Delta|^-1/2)",
      sc_thm_n2_kappa_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, "N2" },
    { "N2-pow", "Heavy ball: transient bound", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "||B^k||_2 <= kappa(V) rho(B)^k for k <= 64",
      sc_thm_n2_pow_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "9/10" }, "N2" },
    { "N2-BF", "Heavy ball: Bauer-Fike", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "every eigenvalue of B + E is within kappa(V) ||E||_2 of one of B "
      "(E = 2^-12 e1 e1^T)",
      sc_thm_n2_bf_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/2" }, "N2" },
    { "N2-Kr", "Heavy ball: Kreiss bound", SC_PROV_EXACT,
      "seed 003 (abstract only; our statement); BEYOND.md s.3",
      "rho(B) < 1: (|z| - 1) ||(z - B)^-1||_2 <= kappa(V) for |z| = 1 + "
      "2^-3, 1 + 2^-7",
      sc_thm_n2_kreiss_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1/4" }, "N2" },
    { "N3", "kappa(V) against rho(J) across phases (exploratory)",
      SC_PROV_RECONSTRUCTED,
      "seed 003 abstract (reconstructed); BEYOND.md s.3",
      "certified: rho(J_t) >= 1 - eta lambda (scale invariance); measured: "
      "kappa(V) and rho(J) medians, stable vs unstable steps",
      sc_thm_n3_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1025/1024" }, NULL },
    /* ---- Section 6 / Figure 3 (THEOREMS.md s.6) ---- */
    { "F3", "Figure 3: delayed spike on Hilbert data", SC_PROV_OBSERVATIONAL,
      "paper Section 6, Figure 3; THEOREMS.md s.6",
      "after >= 10 falling steps the loss rises to >= 2x its onset value "
      "(observed, no prediction); measures onset, peak rho, loss ratio, "
      "h_t vs Theta(rho_t)",
      sc_thm_f3_check,
      { "tests/data/thm_spike.json",
        "tests/data/thm_spike.json", "1000" }, NULL },
    /* ---- LOGISTIC.md section 1: the data hypotheses (branch logdata) ---- */
    { "A1-A4", "Logistic data hypotheses", SC_PROV_RECONSTRUCTED,
      "paper Section 3, Assumptions 1-4, Definition 2; LOGISTIC.md s.1, s.3",
      "under A3: sum y = 0, ||w*||_Sigma = 1, alpha >= 0 with sum 1/m^2, "
      "m^2 in [lmin, lmax]; under A4: beta > 0 and >= its lower bound",
      sc_thm_a14_check,
      { "tests/data/thm_logistic.json",
        "tests/data/thm_logistic.json", "1025/1024" }, NULL },
};

const slong sc_thm_count = sizeof(sc_thm_table) / sizeof(sc_thm_table[0]);

const sc_thm_struct *
sc_thm_lookup(const char * id)
{
    slong i;

    for (i = 0; i < sc_thm_count; i++)
        if (strcmp(sc_thm_table[i].id, id) == 0)
            return sc_thm_table + i;
    return NULL;
}

int
sc_thm_id_width(void)
{
    slong i;
    size_t w = 5;

    for (i = 0; i < sc_thm_count; i++)
        w = FLINT_MAX(w, strlen(sc_thm_table[i].id));
    for (i = 0; i < sc_fam_count; i++)          /* the family claims */
        w = FLINT_MAX(w, strlen(sc_fam_table[i].thm.id));
    return (int) w;
}

slong
sc_thm_select(const sc_thm_struct ** out, slong max, const char * id)
{
    const sc_thm_struct * t = sc_thm_lookup(id);
    slong i, n = 0;

    if (t != NULL)
    {
        if (max > 0)
            out[0] = t;
        return 1;
    }
    for (i = 0; i < sc_thm_count; i++)
        if (sc_thm_table[i].of != NULL
            && strcmp(sc_thm_table[i].of, id) == 0)
        {
            if (n < max)
                out[n] = sc_thm_table + i;
            n++;
        }
    return n;
}
