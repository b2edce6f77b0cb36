"""Physical constants and unit conversions: the one place for every number of nature.

Natural units (ħ = c = k_B = 1) with masses and energies in GeV throughout the package;
eV, cm², cm³/s, seconds and metres appear only at the edges, through the conversions below.

Unless stated otherwise the values are those of the Review of Particle Physics,
S. Navas et al. (Particle Data Group), Phys. Rev. D 110 (2024) 030001 ("PDG 2024").
Papers that used other inputs pass them explicitly to the functions that need them
(for example `alp-discrete` uses M_Pl = 2.4e18 GeV: pass ``M_Pl=2.4e18``); such paper inputs
live in the module of that model (`darkseesaw.models.alp_discrete.M_PL`). Experimental numbers
used for comparison (measurements, limits, fit ranges, hint regions) live in
`darkseesaw.constraints.measurements`, not here.

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

br_tau_e_nu_nu: float = 0.1782
"""BR(τ → e ν ν̄) (PDG 2024, 17.82 ± 0.04 %): normalises BR(τ → e γ) in `observables.lfv`."""

br_tau_mu_nu_nu: float = 0.1739
"""BR(τ → μ ν ν̄) (PDG 2024, 17.39 ± 0.04 %): normalises BR(τ → μ γ) in `observables.lfv`."""

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

# CKM phase: Wolfenstein parameters of the PDG 2024 CKM review (global fit), for the CP
# structure of top-loop FCNCs: V_ts* V_td ∝ −(1 − ρ̄ − i η̄) (e.g. K_L → π⁰ S ∝ (Re λ_t)²).
ckm_rho_bar: float = 0.1591
ckm_eta_bar: float = 0.3523

tau_K_plus_s: float = 1.2380e-8
"""K± lifetime [s] (PDG 2024, 1.2380 ± 0.0020 × 10⁻⁸ s)."""

tau_K_L_s: float = 5.116e-8
"""K_L lifetime [s] (PDG 2024, 5.116 ± 0.021 × 10⁻⁸ s)."""

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
# The unit table: every unit a user file, a data file or an output column may name, as
# (power of GeV, factor) in natural units. ``1 <unit> = factor × GeV^power``.
# --------------------------------------------------------------------------------------------
UNITS: dict[str, tuple[int, float]] = {
    "": (0, 1.0),
    # angles (dimensionless)
    "rad": (0, 1.0), "deg": (0, math.pi / 180.0),
    # energies and masses
    "meV": (1, 1e-12), "eV": (1, 1e-9), "keV": (1, 1e-6), "MeV": (1, 1e-3), "GeV": (1, 1.0),
    "TeV": (1, 1e3), "PeV": (1, 1e6),
    # squared masses
    "eV^2": (2, 1e-18), "MeV^2": (2, 1e-6), "GeV^2": (2, 1.0),
    # inverse masses (couplings such as g_aγγ) and inverse squared masses (cross sections)
    "GeV^-1": (-1, 1.0), "TeV^-1": (-1, 1e-3), "GeV^-2": (-2, 1.0),
    # lengths and times (ħ = c = 1)
    "cm": (-1, 1.0 / hbarc_GeV_cm), "m": (-1, 1e2 / hbarc_GeV_cm),
    "km": (-1, 1e5 / hbarc_GeV_cm), "s": (-1, 1.0 / hbar_GeV_s),
    # areas (cross sections)
    "cm^2": (-2, 1.0 / hbarc_GeV_cm**2), "pb": (-2, 1e-36 / hbarc_GeV_cm**2),
    "nb": (-2, 1e-33 / hbarc_GeV_cm**2), "fb": (-2, 1e-39 / hbarc_GeV_cm**2),
    # cross section × velocity
    "cm^3/s": (-2, 1.0 / (hbarc_GeV_cm**2 * c_cm_s)),
}
"""Units by name: ``UNITS[u] = (p, f)`` means 1 u = f GeV^p (natural units, ħ = c = 1).

The one unit table of the package (masses, cross sections, lengths, times): `convert` and
`to_GeV` use it; user files name their units from it."""

_DECADES: dict[str, int] = {"meV": -12, "eV": -9, "keV": -6, "MeV": -3, "GeV": 0, "TeV": 3,
                            "PeV": 6, "eV^2": -18, "MeV^2": -6, "GeV^2": 0, "GeV^-1": 0,
                            "TeV^-1": -3, "GeV^-2": 0, "": 0, "rad": 0}
# units whose factors are powers of ten (exact conversions between them)

MASS_UNITS: tuple[str, ...] = tuple(k for k, (p, _) in UNITS.items() if p == 1)
"""The energy/mass units of `UNITS` (``meV`` … ``PeV``)."""


def _unit(u: str) -> tuple[int, float]:
    try:
        return UNITS[u]
    except KeyError:
        raise KeyError(f"unknown unit {u!r}; known: {', '.join(k for k in UNITS if k)}") from None


def convert(x, from_unit: str, to_unit: str):
    """Convert ``x`` between two units of `UNITS` of the same dimension.

    Natural units: a length or time converts to GeV⁻¹, a cross section in GeV⁻² to cm², σv in
    GeV⁻² to cm³/s.

    Raises
    ------
    KeyError
        Unknown unit name.
    ValueError
        Incompatible dimensions (e.g. GeV → cm²).

    Examples
    --------
    >>> convert(1.0, "GeV", "eV")
    1000000000.0
    >>> round(convert(1.0, "pb", "cm^2") * 1e36, 12)
    1.0
    >>> round(convert(1.0, "GeV^-2", "cm^3/s") * 1e17, 4)
    1.1673
    """
    (p1, f1), (p2, f2) = _unit(from_unit), _unit(to_unit)
    if p1 != p2:
        raise ValueError(f"cannot convert {from_unit!r} (GeV^{p1}) to {to_unit!r} (GeV^{p2})")
    d1, d2 = _DECADES.get(from_unit), _DECADES.get(to_unit)
    if d1 is not None and d2 is not None:  # exact powers of ten (1/1e-9 is not 1e9 in binary)
        return x * 10.0 ** (d1 - d2)
    return x * (f1 / f2)


def to_GeV(x, unit: str):
    """A mass or energy in ``unit`` (``eV`` … ``PeV``) → GeV."""
    return convert(x, unit, "GeV")


# --------------------------------------------------------------------------------------------
# QCD, nucleons, hadrons and the electroweak phase transition
# (Experimental numbers used for comparison, i.e. measurements, limits, fit ranges and hint
# regions, live in `darkseesaw.constraints.measurements`; a paper's own input choices live in
# the module of its model, `darkseesaw.models.<model>`.)
# --------------------------------------------------------------------------------------------
alpha_s_MZ: float = 0.1180
"""Strong coupling α_s(M_Z) (PDG 2024 world average 0.1180 ± 0.0009)."""

m_proton: float = 0.93827208816
"""Proton mass [GeV] (CODATA 2018, PDG 2024)."""

m_neutron: float = 0.93956542052
"""Neutron mass [GeV] (CODATA 2018, PDG 2024)."""

Gamma_rho0: float = 0.1491
"""ρ(770) width [GeV] (PDG 2024, 149.1 ± 0.8 MeV); used in the vector-meson-dominance
π⁺π⁻ part of R(s) in `darkseesaw.observables.dark_photon`."""

T_EW_crossover: float = 159.5
"""Electroweak crossover temperature [GeV] (D'Onofrio, Rummukainen, Tranberg,
PRL 113 (2014) 141602: T_c = 159.5 ± 1.5 GeV)."""

T_sphaleron_freezeout: float = 131.7
"""Sphaleron freeze-out temperature [GeV] (same reference, T* = 131.7 ± 2.3 GeV)."""

h_Planck2018: float = 0.6736
"""Reduced Hubble constant h (Planck 2018 TT,TE,EE+lowE+lensing, 0.6736 ± 0.0054)."""

f_N_higgs: float = 0.30
"""Higgs–nucleon coupling f_N in L = −(f_N m_N/v) h N̄N (v = 246 GeV): 0.30 ± 0.03
(Cline, Kainulainen, Scott, Weniger, PRD 88 (2013) 055025, arXiv:1306.4710)."""

mu_e_conversion_nuclei: dict[str, dict[str, float]] = {
    "Al": {"D": 0.0362, "Vp": 0.0161, "Vn": 0.0173, "Gamma_capt_per_s": 0.7054e6},
    "Ti": {"D": 0.0864, "Vp": 0.0396, "Vn": 0.0468, "Gamma_capt_per_s": 2.59e6},
    "Au": {"D": 0.189, "Vp": 0.0974, "Vn": 0.146, "Gamma_capt_per_s": 13.07e6},
}
"""μ–e conversion: overlap integrals D, V^(p), V^(n) in units of m_μ^{5/2} (Kitano, Koike,
Okada, PRD 66 (2002) 096002, Table I) and muon-capture rates [s⁻¹] (Suzuki, Measday,
Roalsvig, PRC 35 (1987) 2212)."""
