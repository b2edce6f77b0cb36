"""Physical constants and unit conversions: the one place for every number of nature.

Natural units (ħ = c = k_B = 1) with masses and energies in GeV throughout the package;
eV, cm², cm³/s, seconds and metres appear only at the edges, through the conversions below.

Unless stated otherwise the values are those of the Review of Particle Physics,
S. Navas et al. (Particle Data Group), Phys. Rev. D 110 (2024) 030001 ("PDG 2024").
Papers that used other inputs pass them explicitly to the functions that need them
(for example `alp-discrete` uses M_Pl = 2.4e18 GeV: pass ``M_Pl=2.4e18``).

Example
-------
>>> from darkseesaw import physics as ph
>>> round(ph.v_EW, 3)
246.22
>>> ph.GeV_to_eV(1e-9)
1.0
"""

from __future__ import annotations

import math

# --------------------------------------------------------------------------------------------
# Electroweak sector (PDG 2024, Physical Constants and Electroweak reviews)
# --------------------------------------------------------------------------------------------
G_F: float = 1.1663788e-5
"""Fermi constant [GeV⁻²] (PDG 2024, from the muon lifetime, MuLan)."""

alpha_0: float = 1.0 / 137.035999084
"""Fine-structure constant at q² = 0 (CODATA 2018, as quoted by PDG 2024)."""

alpha_MZ: float = 1.0 / 127.951
"""MS-bar α̂⁽⁵⁾(M_Z) (PDG 2024 Electroweak review, α̂(M_Z)⁻¹ = 127.951 ± 0.009)."""

sin2_theta_W: float = 0.23129
"""MS-bar sin²θ̂_W(M_Z) (PDG 2024 Electroweak review, 0.23129 ± 0.00004)."""

M_W: float = 80.3692
"""W boson mass [GeV] (PDG 2024 world average, 80.3692 ± 0.0133)."""

M_Z: float = 91.1880
"""Z boson mass [GeV] (PDG 2024, 91.1880 ± 0.0020)."""

Gamma_Z: float = 2.4955
"""Total Z width [GeV] (PDG 2024, 2.4955 ± 0.0023)."""

Gamma_W: float = 2.085
"""Total W width [GeV] (PDG 2024, 2.085 ± 0.042)."""

m_h: float = 125.20
"""Higgs boson mass [GeV] (PDG 2024, 125.20 ± 0.11)."""

Gamma_h_SM: float = 3.7e-3
"""SM Higgs width [GeV] at m_h = 125 GeV (LHC Higgs WG, Yellow Report 4: 4.1 MeV; PDG 2024
quotes the measured 3.7 +1.9 −1.4 MeV; the SM prediction 4.1e-3 is `Gamma_h_SM_pred`)."""

Gamma_h_SM_pred: float = 4.1e-3
"""SM prediction of the Higgs width [GeV] (LHC HXSWG Yellow Report 4, arXiv:1610.07922)."""

v_EW: float = (math.sqrt(2.0) * G_F) ** -0.5
"""Higgs vacuum expectation value v = (√2 G_F)^(-1/2) ≈ 246.22 GeV (⟨H⁰⟩ = v/√2)."""

sin2_theta_W_onshell: float = 1.0 - (M_W / M_Z) ** 2
"""On-shell weak mixing angle 1 − M_W²/M_Z² (from the PDG 2024 masses above)."""

e_charge_0: float = math.sqrt(4.0 * math.pi * alpha_0)
"""Electric charge e = √(4πα(0))."""

g_weak: float = 2.0 * M_W / v_EW
"""SU(2) gauge coupling g = 2 M_W / v (tree-level, from the PDG 2024 inputs above)."""

# --------------------------------------------------------------------------------------------
# Fermion masses [GeV] (PDG 2024). Light quarks: MS-bar at 2 GeV; c, b: MS-bar m(m);
# t: direct measurements (pole-like).
# --------------------------------------------------------------------------------------------
m_e: float = 0.51099895000e-3
m_mu: float = 0.1056583755
m_tau: float = 1.77693
m_u: float = 2.16e-3
m_d: float = 4.70e-3
m_s: float = 93.5e-3
m_c: float = 1.2730
m_b: float = 4.183
m_t: float = 172.57

lepton_masses: dict[str, float] = {"e": m_e, "mu": m_mu, "tau": m_tau}
"""Charged-lepton masses by flavour [GeV]."""

quark_masses: dict[str, float] = {"u": m_u, "d": m_d, "s": m_s, "c": m_c, "b": m_b, "t": m_t}
"""Quark masses by flavour [GeV] (see the conventions above)."""

tau_mu_s: float = 2.1969811e-6
"""Muon lifetime [s] (PDG 2024)."""

tau_tau_s: float = 290.3e-15
"""Tau lifetime [s] (PDG 2024)."""

# --------------------------------------------------------------------------------------------
# Mesons: masses [GeV] (PDG 2024) and decay constants [GeV].
# Decay constants: pseudoscalars from FLAG 2021 (Aoki et al., EPJC 82 (2022) 869) N_f = 2+1+1
# averages where available; η, η', η_c and the vector mesons as tabulated by
# Bondarenko, Boyarsky, Gorbunov, Ruchayskiy, JHEP 11 (2018) 032 [arXiv:1805.08567], Tables 2, 3,
# the standard reference for HNL decay widths. Convention: ⟨0|A_μ|P(p)⟩ = i f_P p_μ
# (f_π ≈ 130 MeV), ⟨0|V_μ|V(p,ε)⟩ = i f_V m_V ε_μ.
# --------------------------------------------------------------------------------------------
meson_masses: dict[str, float] = {
    "pi+": 0.13957039,
    "pi0": 0.1349768,
    "K+": 0.493677,
    "K0": 0.497611,
    "eta": 0.547862,
    "eta'": 0.95778,
    "D+": 1.86966,
    "D0": 1.86484,
    "Ds+": 1.96835,
    "B+": 5.27934,
    "B0": 5.27966,
    "Bs0": 5.36692,
    "Bc+": 6.27447,
    "eta_c": 2.9841,
    "rho+": 0.77526,
    "rho0": 0.77526,
    "omega": 0.78266,
    "phi": 1.019461,
    "K*+": 0.89167,
    "K*0": 0.89555,
    "D*+": 2.01026,
    "Ds*+": 2.1122,
    "J/psi": 3.096900,
}

meson_decay_constants: dict[str, float] = {
    "pi+": 0.1302,
    "pi0": 0.1302,
    "K+": 0.1557,
    "D+": 0.2120,
    "Ds+": 0.2499,
    "B+": 0.1900,
    "Bc+": 0.434,
    "eta": 0.0817,
    "eta'": -0.0947,
    "eta_c": 0.237,
    # vector mesons: f_V = g_V/m_V with g_V of Bondarenko et al. 1805.08567 (Tables 2, 3)
    # (g_rho = 0.162, g_omega = 0.153, g_phi = 0.234, g_J/psi = 1.29, g_D* = 0.535,
    # g_Ds* = 0.650 GeV^2; corrected from earlier D*, Ds*, J/psi, rho entries that did not match)
    "rho+": 0.162 / 0.77526,
    "rho0": 0.162 / 0.77526,
    "omega": 0.153 / 0.78266,
    "phi": 0.234 / 1.019461,
    "K*+": 0.204,  # not in Bondarenko's table: f_K* from tau -> K* nu (PDG), g = 0.182 GeV^2
    "D*+": 0.535 / 2.01026,
    "Ds*+": 0.650 / 2.1122,
    "J/psi": 1.29 / 3.096900,
}

# CKM matrix moduli (PDG 2024 CKM review, individual determinations).
V_CKM: dict[str, float] = {
    "ud": 0.97367,
    "us": 0.22431,
    "ub": 3.82e-3,
    "cd": 0.221,
    "cs": 0.975,
    "cb": 41.1e-3,
    "td": 8.6e-3,
    "ts": 41.5e-3,
    "tb": 1.010,
}

# --------------------------------------------------------------------------------------------
# Gravity and cosmology
# --------------------------------------------------------------------------------------------
M_Pl_reduced: float = 2.435e18
"""Reduced Planck mass (8πG)^(-1/2) [GeV] (PDG 2024: 2.435 × 10¹⁸ GeV)."""

M_Pl: float = 1.220890e19
"""Non-reduced Planck mass G^(-1/2) [GeV] (PDG 2024: 1.220890 × 10¹⁹ GeV).

Used in H = 1.66 √g* T²/M_Pl. A paper with another value passes it explicitly."""

T_CMB_K: float = 2.7255
"""CMB temperature today [K] (PDG 2024, Fixsen 2009)."""

T0_GeV: float = 2.7255 * 8.617333262e-14
"""CMB temperature today [GeV] (k_B = 8.617333262 × 10⁻¹⁴ GeV/K)."""

rho_crit_over_h2_GeV_cm3: float = 1.05371e-5
"""Critical density ρ_c/h² [GeV cm⁻³] (PDG 2024 Astrophysical constants)."""

s0_cm3: float = 2891.2
"""Entropy density today s₀/k_B [cm⁻³] (PDG 2024, for T₀ = 2.7255 K and N_eff = 3.044)."""

# --------------------------------------------------------------------------------------------
# Unit conversions (CODATA 2018 exact/recommended values, as in PDG 2024)
# --------------------------------------------------------------------------------------------
hbar_GeV_s: float = 6.582119569e-25
"""ħ [GeV s]."""

hbarc_GeV_cm: float = 1.973269804e-14
"""ħc [GeV cm]."""

c_cm_s: float = 2.99792458e10
"""Speed of light [cm/s] (exact)."""

GeV2_to_cm2_factor: float = hbarc_GeV_cm**2
"""(ħc)² = 0.3893793721 mb GeV² = 3.893793721 × 10⁻²⁸ cm² GeV²."""

GeV2_to_cm3s_factor: float = hbarc_GeV_cm**2 * c_cm_s
"""(ħc)² c: a cross section times velocity of 1 GeV⁻² is 1.1673 × 10⁻¹⁷ cm³/s."""

pb_to_cm2_factor: float = 1e-36
"""1 pb = 10⁻³⁶ cm²."""


def GeV_to_eV(x):
    """Energy or mass in GeV → eV."""
    return x * 1e9


def eV_to_GeV(x):
    """Energy or mass in eV → GeV."""
    return x * 1e-9


def invGeV2_to_cm2(x):
    """Cross section in GeV⁻² → cm²."""
    return x * GeV2_to_cm2_factor


def cm2_to_invGeV2(x):
    """Cross section in cm² → GeV⁻²."""
    return x / GeV2_to_cm2_factor


def invGeV2_to_cm3_per_s(x):
    """σv in GeV⁻² (v in units of c) → cm³/s."""
    return x * GeV2_to_cm3s_factor


def cm3_per_s_to_invGeV2(x):
    """σv in cm³/s → GeV⁻² (v in units of c)."""
    return x / GeV2_to_cm3s_factor


def width_to_lifetime_s(gamma_GeV):
    """Total width Γ [GeV] → lifetime τ = ħ/Γ [s]."""
    return hbar_GeV_s / gamma_GeV


def lifetime_s_to_width(tau_s):
    """Lifetime τ [s] → width Γ = ħ/τ [GeV]."""
    return hbar_GeV_s / tau_s


def invGeV_to_s(x):
    """A time in GeV⁻¹ → seconds."""
    return x * hbar_GeV_s


def s_to_invGeV(x):
    """A time in seconds → GeV⁻¹."""
    return x / hbar_GeV_s


def invGeV_to_m(x):
    """A length in GeV⁻¹ → metres."""
    return x * hbarc_GeV_cm * 1e-2


def m_to_invGeV(x):
    """A length in metres → GeV⁻¹."""
    return x / (hbarc_GeV_cm * 1e-2)


# --------------------------------------------------------------------------------------------
# HNL decays, electroweak precision and the hnl-inflaton model (issue 8)
# --------------------------------------------------------------------------------------------
alpha_s_MZ: float = 0.1180
"""Strong coupling α_s(M_Z) (PDG 2024 world average 0.1180 ± 0.0009)."""

m_proton: float = 0.93827208816
"""Proton mass [GeV] (CODATA 2018, PDG 2024)."""

m_neutron: float = 0.93956542052
"""Neutron mass [GeV] (CODATA 2018, PDG 2024)."""

M_W_exp_PDG2018: float = 80.379
"""W mass world average [GeV] of PDG 2018 (± 0.012), the value used by Cline, Puel, Toma
(JHEP 05 (2020) 039) for their bound on ε_ee + ε_μμ (eq. 4.8)."""

M_W_exp_PDG2018_err: float = 0.012
"""Uncertainty of `M_W_exp_PDG2018` [GeV]."""

M_W_SM_PDG2018: float = 80.363
"""SM prediction of M_W [GeV] from the PDG 2018 electroweak fit (± 0.006)."""

M_W_SM_PDG2018_err: float = 0.006
"""Uncertainty of `M_W_SM_PDG2018` [GeV]."""

Delta_r_PDG2018: float = 0.03672
"""SM radiative correction Δr (PDG 2018 electroweak review), eq. 4.9 of Cline et al. 2020."""

M_W_err: float = 0.0133
"""Uncertainty of the PDG 2024 `M_W` [GeV]."""

M_W_SM_PDG2024: float = 80.353
"""SM prediction of M_W [GeV] from the PDG 2024 electroweak fit (± 0.006)."""

M_W_SM_PDG2024_err: float = 0.006
"""Uncertainty of `M_W_SM_PDG2024` [GeV]."""

Omega_c_Planck2018: float = 0.265
"""Cold dark matter density Ω_c (Planck 2018 TT,TE,EE+lowE+lensing, Ω_c h² = 0.1200 at
h = 0.6736), as used in eq. 3.8 of Cline et al. 2020."""

Omega_b_Planck2018: float = 0.0493
"""Baryon density Ω_b (Planck 2018 TT,TE,EE+lowE+lensing, Ω_b h² = 0.02237 at h = 0.6736)."""

eta_B_CPT2020: float = 8.8e-11
"""Baryon-to-entropy ratio n_B/s used by Cline et al. 2020 below eq. 3.13 (their value)."""

BR_mu_e_gamma_MEG2016: float = 4.2e-13
"""90 % CL upper limit on BR(μ → eγ) (MEG, EPJC 76 (2016) 434)."""

BR_mu_3e_SINDRUM1988: float = 1.0e-12
"""90 % CL upper limit on BR(μ → 3e) (SINDRUM, NPB 299 (1988) 1)."""


# --------------------------------------------------------------------------------------------
# Dark photon / Z_D decays to hadrons (issue 10, model dark-u1)
# --------------------------------------------------------------------------------------------
Gamma_rho0: float = 0.1491
"""ρ(770) width [GeV] (PDG 2024, 149.1 ± 0.8 MeV); used in the vector-meson-dominance
π⁺π⁻ part of R(s) in `darkseesaw.observables.dark_photon`."""

# --------------------------------------------------------------------------------------------
# Inputs of Thongyoi, Pongkitivanichkul, Uttayarat, arXiv:2502.13002 (issue 6, alp-portal-dm)
# --------------------------------------------------------------------------------------------
nufit60_3sigma_2502_13002: dict[str, dict[str, tuple[float, float, float]]] = {
    "NO": {
        "s12sq": (0.308, 0.275, 0.345),
        "s13sq": (0.02215, 0.02030, 0.02388),
        "s23sq": (0.470, 0.435, 0.585),
        "dm21sq_eV2": (7.49e-5, 6.92e-5, 8.05e-5),
        "dm3lsq_eV2": (2.513e-3, 2.451e-3, 2.578e-3),
        "delta_deg": (212.0, 124.0, 364.0),
    },
    "IO": {
        "s12sq": (0.308, 0.275, 0.345),
        "s13sq": (0.02231, 0.02060, 0.02409),
        "s23sq": (0.550, 0.440, 0.584),
        "dm21sq_eV2": (7.49e-5, 6.92e-5, 8.05e-5),
        "dm3lsq_eV2": (2.484e-3, 2.421e-3, 2.547e-3),
        "delta_deg": (274.0, 201.0, 335.0),
    },
}
"""(best fit, 3σ low, 3σ high) of Table 2 of 2502.13002 = NuFIT 6.0 (Esteban et al.,
arXiv:2410.05380, IC19 without SK-atm). dm3lsq is m3² − m1² (NO) and m2² − m3² (IO), as in the
paper's caption. δ_CP windows in degrees, wrapping past 360° for NO."""

delta_a_mu_2023: tuple[float, float] = (249e-11, 48e-11)
"""Δa_μ = a_μ(exp) − a_μ(SM) (central, 1σ) used by 2502.13002 eq. (3.14): BNL + FNAL run 1–3
(PRL 131 (2023) 161802) against the 2020 White Paper (Aoyama et al., Phys. Rept. 887 (2020) 1)."""

delta_a_mu_2025: tuple[float, float] = (38e-11, 63e-11)
"""Δa_μ (central, 1σ) from the final FNAL world average (arXiv:2506.03069) against the 2025 White
Paper SM prediction (Aliberti et al., arXiv:2505.21476, lattice HVP): (38 ± 63) × 10⁻¹¹."""

sigmav_thermal_2502_13002: tuple[float, float] = (2.6e-26, 0.4e-26)
"""Freeze-out shortcut ⟨σv⟩ = (2.6 ± 0.4) × 10⁻²⁶ cm³/s used by 2502.13002 §3.2."""

Omega_DM_h2_Planck2018: tuple[float, float] = (0.120, 0.0012)
"""Ω_DM h² = 0.120 ± 0.0012 (Planck 2018 VI, A&A 641 (2020) A6, TT,TE,EE+lowE+lensing), as
quoted by 2502.13002 eq. (3.13)."""

# --------------------------------------------------------------------------------------------
# Inputs of Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069 [arXiv:1503.03502]
# (issue 3, alp-discrete)
# --------------------------------------------------------------------------------------------
M_Pl_reduced_CDNS2015: float = 2.4e18
"""Reduced Planck mass [GeV] as rounded by Carvajal et al. 2015 (text after eq. 7); all their
ISS scales, ALP masses and Table I use it (the PDG value is `M_Pl_reduced` = 2.435e18)."""

m_h_CDNS2015: float = 125.0
"""Higgs mass [GeV] used in the E lifetime, eq. (39) of Carvajal et al. 2015."""

iss_M_window_GeV: tuple[float, float] = (1e2, 1e4)
"""Window F(p) = 0.1–10 TeV required for the ISS scale M (Carvajal et al. 2015, Sec. II)."""

iss_mu_window_GeV: tuple[float, float] = (1e-7, 1e-5)
"""Window F(q) = 0.1–10 keV required for the ISS scale μ (Carvajal et al. 2015, Sec. II)."""

alp_scale_range_GeV: tuple[float, float] = (1e9, 1e14)
"""Intermediate ALP scale range 10⁹ ≲ v_σ ≲ 10¹⁴ GeV, eq. (5) of Carvajal et al. 2015."""

heavy_lepton_limit_CMS_GeV: float = 574.0
"""Lower limit on the mass of a long-lived (cτ ≳ m) charged heavy lepton quoted by Carvajal et
al. 2015 (CMS, JHEP 07 (2013) 122 [arXiv:1305.0491])."""

alp_hint_coma_CDNS2015: dict[str, float] = {
    "m_max_eV": 1e-12, "g_min_GeV": 1e-13, "g_max_GeV": 1e-11,
}
"""ALP region explaining the soft X-ray excess of the Coma cluster (cosmic ALP background
converting in the cluster field): m_a ≲ 10⁻¹² eV (Carvajal et al. 2015, text after eq. 31);
g_aγ ≳ 1.4 × 10⁻¹³ √(0.5/ΔN_eff) GeV⁻¹ (Angus, Conlon, Marsh, Powell, Witkowski, JCAP 09 (2014)
026 [arXiv:1312.3947]; Kraljic, Rummel, Conlon, JCAP 01 (2015) 011 [arXiv:1406.5188]) gives the
lower edge 1e-13 for ΔN_eff ≤ 1; the upper edge 1e-11 is where Carvajal et al. place the overlap
with the transparency hint (eq. 19). The region of their Fig. 2 was not available as data: this
box is a transcription of the text, not a digitisation."""

alp_hint_xray_line_CDNS2015: dict[str, float] = {
    "m_eV": 7.1e3, "m_rel_width": 0.02, "g_min_GeV": 1e-18, "g_max_GeV": 2e-12,
}
"""ALP region for the 3.55 keV X-ray line from ALP dark-matter decay a → γγ: m_a = 7.1 keV
(Bulbul et al., ApJ 789 (2014) 13; Boyarsky et al., PRL 113 (2014) 251301; line energy 3.55 ±
0.03 keV → ±2 % on m_a taken here), couplings g_aγ from ~10⁻¹⁸ GeV⁻¹ (ALP = all DM,
Higaki, Jeong, Takahashi, PLB 733 (2014) 25 [arXiv:1402.6965]) up to the largest value of Table I
of Carvajal et al. 2015 (1.9 × 10⁻¹², a subdominant DM component). Transcribed from the text."""

nu_osc_CPT2020: dict[str, dict[str, float]] = {
    "NH": {"s12sq": 0.310, "s13sq": 0.02241, "s23sq": 0.558, "delta_deg": 222.0,
           "dm21sq_eV2": 7.39e-5, "dm3lsq_eV2": 2.523e-3},
    "IH": {"s12sq": 0.310, "s13sq": 0.02261, "s23sq": 0.563, "delta_deg": 285.0,
           "dm21sq_eV2": 7.39e-5, "dm3lsq_eV2": -2.509e-3},
}
"""Oscillation inputs for the hnl-inflaton reproduction (Cline, Puel, Toma 2020 cite "PDG
central values"). These are the NuFIT 4.1 (2019) best fits without SK atmospheric data (as
recalled, not re-downloaded); they reproduce the paper's printed η_ν matrices, eqs. 4.11–4.15,
to their 2–3 digits, which fixes the inputs the paper actually used. dm3lsq = Δm²₃₁ (NH),
Δm²₃₂ (IH)."""

T_EW_crossover: float = 159.5
"""Electroweak crossover temperature [GeV] (D'Onofrio, Rummukainen, Tranberg,
PRL 113 (2014) 141602: T_c = 159.5 ± 1.5 GeV)."""

T_sphaleron_freezeout: float = 131.7
"""Sphaleron freeze-out temperature [GeV] (same reference, T* = 131.7 ± 2.3 GeV)."""

f_N_higgs_CPT2020: float = 0.30
"""Higgs–nucleon coupling f_n used by Cline et al. 2020 (eq. 6.1; refs. [77, 78] there)."""

h_Planck2018: float = 0.6736
"""Reduced Hubble constant h (Planck 2018 TT,TE,EE+lowE+lensing, 0.6736 ± 0.0054)."""


# --------------------------------------------------------------------------------------------
# bl-zprime (issue 9): inputs of De Romeri et al., JHEP 10 (2017) 169 [arXiv:1707.08606] and
# the LHC numbers used to validate the shipped PDF grid
# --------------------------------------------------------------------------------------------
omega_h2_DRFGMN2017: float = 0.1186
"""Dark-matter density Ω_c h² used by De Romeri et al. 2017 (text after eq. 3.6, Planck 2015)."""

omega_h2_DRFGMN2017_err: float = 0.0020
"""Uncertainty of `omega_h2_DRFGMN2017`."""

M_Pl_DRFGMN2017: float = 1.2e19
"""Planck mass [GeV] used by De Romeri et al. 2017 in eqs. 3.6 and 3.10."""

atlas_sigma_Z_ll_13TeV_nb: float = 1.981
"""σ(pp → Z) × B(Z → ℓℓ) [nb] at √s = 13 TeV, 66 < m_ℓℓ < 116 GeV, per lepton flavour (ATLAS,
Phys. Lett. B 759 (2016) 601 [arXiv:1603.09222]: 1.981 ± 0.007 (stat) ± 0.038 (syst) ± 0.042
(lumi) nb)."""

atlas_ssm_zprime_limit_139ifb_GeV: float = 5100.0
"""Observed 95 % CL lower mass limit on the SSM Z′ (ee + μμ) from ATLAS 139 fb⁻¹ (Phys. Lett. B
796 (2019) 68 [arXiv:1903.06248]: 5.1 TeV)."""

neutrino_mass_bounds_2502_13002: dict[str, float] = {
    "sum_m_eV": 0.13,
    "m_beta_eV": 0.45,
    "m_bb_eV": 0.036,
}
"""Upper bounds quoted by 2502.13002 §3.1: Σm_ν ≤ 130 meV (95 % CL, Planck 2018 + BAO),
m_β ≤ 450 meV (90 % CL, KATRIN 2024, Science 388 (2025) 180), m_ββ ≤ 36–156 meV (90 % CL,
KamLAND-Zen 2024, PRL 130 (2023) 051801; the most aggressive end of the NME range is kept)."""

mu_e_conversion_nuclei: dict[str, dict[str, float]] = {
    "Al": {"D": 0.0362, "Vp": 0.0161, "Vn": 0.0173, "Gamma_capt_per_s": 0.7054e6},
    "Ti": {"D": 0.0864, "Vp": 0.0396, "Vn": 0.0468, "Gamma_capt_per_s": 2.59e6},
    "Au": {"D": 0.189, "Vp": 0.0974, "Vn": 0.146, "Gamma_capt_per_s": 13.07e6},
}
"""μ–e conversion: overlap integrals D, V^(p), V^(n) in units of m_μ^{5/2} (Kitano, Koike,
Okada, PRD 66 (2002) 096002, Table I) and muon-capture rates [s⁻¹] (Suzuki, Measday,
Roalsvig, PRC 35 (1987) 2212)."""
