"""Early-universe estimates of the paper: inflaton washout (eq. 3.2), ΔL washout by δM (eq. 3.4),
entropy injection by late HNL decays (eq. 4.19) and the naturalness of θ_s (eq. 7.3).

Example
-------
>>> round(gphi_max(), 3)                     # eq. 3.2: "g_phi < 0.07"
0.067
"""

from __future__ import annotations

import math

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.hnl_inflaton import VBAR
from darkseesaw.papers.hnl_inflaton.inputs import oscillation

__all__ = ["gphi_max", "MN_min_washout", "entropy_factor", "theta_s_naturalness",
           "eta_nu_min_equilibrium", "M_nuR_max"]


def gphi_max(mphi_over_mP: float = 1e-6, lambda_prime: float = 1e-12) -> float:
    """Upper bound on g_φ from keeping (λ′ g_φ⁴/m_φ⁸)(N̄Nᶜ)⁴ out of equilibrium (eq. 3.2).

    Γ/H = λ′² g⁸ T¹⁵ m_P/m_φ¹⁶ < 1 at T_R = g (m_φ m_P)^{1/2} gives
    g_φ < (m_φ/m_P)^{17/46} λ′^{−2/23} ≈ 0.067 (the printed exponent 17/23 is a typo: with it
    the number would be 4 × 10⁻⁴, not the quoted 0.07).
    """
    return mphi_over_mP ** (17 / 46) * lambda_prime ** (-2 / 23)


def MN_min_washout(m_nu: float | None = None, T_EW: float | None = None,
                   m_P: float | None = None) -> float:
    """Lower bound on M_N [GeV] from eq. 3.4 with δM ≈ U² m_ν and U = η v̄/M_N.

    Γ_ΔL/H ≈ M² δM² m_h⁴ m_P/(η⁴ T⁹) = m_ν² m_h⁴ v̄⁴ m_P/(M² T⁹) < 1
    ⇒ M_N > m_ν m_h² v̄² (m_P/T_EW⁹)^{1/2}. Defaults: m_ν = √Δm²₃₁ (NH, paper inputs),
    T_EW = the electroweak crossover 159.5 GeV, m_P = reduced Planck mass.
    """
    mnu = oscillation("NH")[1][2] if m_nu is None else m_nu
    T = ph.T_EW_crossover if T_EW is None else T_EW
    mP = ph.M_Pl_reduced if m_P is None else m_P
    return mnu * ph.m_h**2 * VBAR**2 * math.sqrt(mP / T**9)


def entropy_factor(M: float = 1.0, x_f: float = 20.0, g_star: float = 10.0,
                   Gamma_per_s: float = 0.01, M_P: float | None = None) -> float:
    """Entropy injection S of late N decays (eq. 4.19, from Scherrer & Turner 1985).

    S = (1 + 3 (2π² g*/45)^{1/3} (r_N M)^{4/3}/(M_P Γ)^{2/3})^{3/4}, r_N = n_N/s at T_f = M/x_f
    with n_N = 4 (M T_f/2π)^{3/2} e^{−M/T_f} and s = (2π²/45) g* T_f³. Returns S − 1.
    Default M_P: the non-reduced Planck mass 1.22 × 10¹⁹ GeV (`physics.M_Pl`).
    """
    mp = ph.M_Pl if M_P is None else M_P
    T = M / x_f
    n = 4 * (M * T / (2 * math.pi)) ** 1.5 * math.exp(-M / T)
    s = 2 * math.pi**2 / 45 * g_star * T**3
    rN = n / s
    G = ph.lifetime_s_to_width(1.0 / Gamma_per_s)
    arg = 3 * (2 * math.pi**2 * g_star / 45) ** (1 / 3) * (rN * M) ** (4 / 3) / (mp * G) ** (2 / 3)
    return (1 + arg) ** 0.75 - 1


def theta_s_naturalness(m_s: float = 0.3, g_s: float = 0.1) -> float:
    """θ_s ≲ (4π m_s/m_h)³/(√λ_h g_s²) (eq. 7.3), λ_h = m_h²/(2v²)."""
    lam_h = ph.m_h**2 / (2 * ph.v_EW**2)
    return (4 * math.pi * m_s / ph.m_h) ** 3 / (math.sqrt(lam_h) * g_s**2)


def eta_nu_min_equilibrium(T: float | None = None, g_star: float = 106.75,
                           M_P: float | None = None) -> float:
    """Smallest |η_ν| for which the HNL (inverse) decays, Γ_d ≅ 10⁻³ η² T, equilibrate before
    the sphalerons freeze out (§3.1: |η_ν| ≳ 4 × 10⁻⁷).

    Γ_d = H = 1.66 √g* T²/M_P at T = T_sph ⇒ η_min = (1.66 × 10³ √g* T/M_P)^{1/2}. Defaults:
    T = 131.7 GeV (sphaleron freeze-out), the SM g* = 106.75, the non-reduced Planck mass.
    """
    T = ph.T_sphaleron_freezeout if T is None else T
    mp = ph.M_Pl if M_P is None else M_P
    return math.sqrt(1e3 * 1.66 * math.sqrt(g_star) * T / mp)


def M_nuR_max(ordering: str = "NH", y_max: float = 1.0) -> float:
    """Largest mass [GeV] of the superheavy ν_R (§4.1.1: M_νR ≲ 10¹⁵ GeV).

    y_ν = k η_ν with k = (M_νR μ̄/v̄²)^{1/2}; perturbativity max|y_ν| ≤ y_max gives
    M_νR ≤ y_max² v̄²/(μ̄ max|η_ν|²) = y_max² v̄²/max_ij(D_i |U_ji|²) with η_ν of eq. 4.2
    (η_ij = (D_i/μ̄)^{1/2} U*_ji): independent of μ̄. Paper oscillation inputs (NuFIT 4.1).
    """
    U, D = oscillation(ordering)
    return y_max**2 * VBAR**2 / float(np.max(D[:, None] * np.abs(U.T) ** 2))
