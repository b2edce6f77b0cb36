"""A light scalar S that mixes with the Higgs boson (mixing angle θ): its production in kaon
decays and its decays into charged-lepton pairs.

Production, K → π S, through the top–W loop that induces the effective Higgs–quark vertex
(Willey & Yu 1982; Leutwyler & Shifman, NPB 343 (1990) 369; as used by Bezrukov & Gorbunov,
JHEP 05 (2010) 010 [arXiv:0912.0390], Winkler, PRD 99 (2019) 015018 [arXiv:1809.01876],
Egana-Ugrinovic, Homiller, Meade, PRL 124 (2020) 191801 [arXiv:1911.10203]):

    L ⊃ θ g_sd S d̄ P_R s + h.c.,   g_sd = 3√2 G_F m_t² λ_t m_s/(16π² v),   λ_t = V_ts* V_td,

and the scalar form factor ⟨π|s̄d|K⟩ = (m_K² − m_π²)/(m_s − m_d) f₀(q²) with f₀ = 1 and m_d ≪ m_s
(the quark mass cancels), so that the amplitude is A = θ 3√2 G_F m_t² |λ_t| (m_K² − m_π²)/(32π² v)
and

    Γ(K⁺ → π⁺ S) = |A|² λ^{1/2}(m_K², m_π², m_S²)/(16π m_K³).

K_L → π⁰ S: the K⁰ → π⁰ S amplitude carries the isospin factor 1/√2 and K_L ≃ (K⁰ + K̄⁰)/√2
keeps the CP-conserving part of λ_t (π⁰S with S CP-even is CP-odd, like K_L), so
Γ(K_L → π⁰ S) = (Re λ_t/|λ_t|)² × the K⁺ formula with the neutral masses;
(Re λ_t/|λ_t|)² = (1 − ρ̄)²/((1 − ρ̄)² + η̄²) = 0.85 (PDG 2024 Wolfenstein parameters).

Decays: Γ(S → ℓ⁺ℓ⁻) = θ² G_F m_ℓ² m_S β³/(4√2 π), β = (1 − 4m_ℓ²/m_S²)^{1/2} (the SM Higgs
width with m_h → m_S). Below the two-pion threshold S → γγ (≲ 30 % of S → e⁺e⁻ for
m_S < 2m_μ) and above it S → ππ are not included: `width_leptons` is a lower bound on the total
width, adequate for deciding whether S escapes a detector (S → e⁺e⁻ alone gives cτ ~ 10⁴ m at
θ = 5 × 10⁻⁴, m_S = 0.14 GeV).

Conventions: masses and widths in GeV, θ = sin θ (small-angle), branching ratios
dimensionless, lifetimes of the kaons from `darkseesaw.physics` (PDG 2024).

Examples
--------
>>> round(float(br_K_to_pi_S(0.0, 1.0, "K+")) * 1e3, 2)     # BR / θ² for a massless S
1.6
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = ["lambda_t_abs", "re_lambda_t_fraction", "xi_ds", "amplitude_K_pi_S", "width_K_to_pi_S",
           "br_K_to_pi_S", "width_leptons"]

_KAONS = {"K+": ("K+", "pi+", ph.tau_K_plus_s, False),
          "KL": ("K0", "pi0", ph.tau_K_L_s, True)}


def _kaon(kaon: str) -> tuple[str, str, float, bool]:
    try:
        return _KAONS[kaon]
    except KeyError:
        raise ValueError(f"kaon must be one of {sorted(_KAONS)}, not {kaon!r}") from None


def lambda_t_abs() -> float:
    """|λ_t| = |V_ts* V_td| from the CKM moduli of `darkseesaw.physics` (3.6 × 10⁻⁴)."""
    return ph.V_CKM["ts"] * ph.V_CKM["td"]


def re_lambda_t_fraction() -> float:
    """(Re λ_t/|λ_t|)² = (1 − ρ̄)²/((1 − ρ̄)² + η̄²) (Wolfenstein, PDG 2024): 0.851."""
    a = 1.0 - ph.ckm_rho_bar
    return a * a / (a * a + ph.ckm_eta_bar**2)


def xi_ds() -> float:
    """ξ_ds = 3√2 G_F m_t² |λ_t|/(16π²) (dimensionless), the coefficient of θ (m_s/v) S d̄ P_R s
    (3.3 × 10⁻⁶ in K. Bondarenko's thesis, Table 1, as used by the ``scalar_portal`` code of
    Boiarska et al., arXiv:1904.10447; tested)."""
    return 3 * math.sqrt(2) * ph.G_F * ph.m_t**2 * lambda_t_abs() / (16 * math.pi**2)


def amplitude_K_pi_S(sin_theta: ArrayLike, m_K: float = ph.meson_masses["K+"],
                     m_pi: float = ph.meson_masses["pi+"]) -> np.ndarray:
    """|A(K⁺ → π⁺ S)| [GeV] = θ 3√2 G_F m_t² |λ_t| (m_K² − m_π²)/(32π² v) (f₀ = 1).

    Parameters
    ----------
    sin_theta : array_like
        Scalar–Higgs mixing sin θ (dimensionless).
    m_K, m_pi : float
        Kaon and pion masses [GeV] (charged by default).
    """
    return np.abs(np.asarray(sin_theta, float)) * xi_ds() / ph.v_EW * (m_K**2 - m_pi**2) / 2


def width_K_to_pi_S(m_S: ArrayLike, sin_theta: ArrayLike, kaon: str = "K+") -> np.ndarray:
    """Γ(K → π S) [GeV] for ``kaon`` = ``"K+"`` (K⁺ → π⁺ S) or ``"KL"`` (K_L → π⁰ S).

    Parameters
    ----------
    m_S : array_like
        Scalar mass [GeV]; zero width above m_K − m_π.
    sin_theta : array_like
        Mixing sin θ with the Higgs (dimensionless).
    kaon : {"K+", "KL"}

    Returns
    -------
    ndarray
        The partial width [GeV], broadcast over m_S and sin θ.
    """
    k, p, _, neutral = _kaon(kaon)
    mK, mpi = ph.meson_masses[k], ph.meson_masses[p]
    mS = np.asarray(m_S, float)
    if np.any(mS < 0):  # λ is even in m_S: a sign slip would give a width, not an error
        raise ValueError("m_S must be >= 0 [GeV]")
    A = amplitude_K_pi_S(sin_theta, mK, mpi)
    lam = (mK**2 - (mpi + mS) ** 2) * (mK**2 - (mpi - mS) ** 2)
    ok = mS < mK - mpi
    g = A**2 * np.sqrt(np.clip(lam, 0.0, None)) / (16 * math.pi * mK**3)
    if neutral:
        g = g * re_lambda_t_fraction()
    return np.where(ok, g, 0.0)


def br_K_to_pi_S(m_S: ArrayLike, sin_theta: ArrayLike, kaon: str = "K+") -> np.ndarray:
    """BR(K → π S) (dimensionless) = Γ(K → π S) τ_K/ħ with the PDG 2024 kaon lifetimes.

    Parameters are those of `width_K_to_pi_S`.
    """
    tau = _kaon(kaon)[2]
    return width_K_to_pi_S(m_S, sin_theta, kaon) * tau / ph.hbar_GeV_s


def width_leptons(m_S: ArrayLike, sin_theta: ArrayLike) -> np.ndarray:
    """Γ(S → e⁺e⁻) + Γ(S → μ⁺μ⁻) [GeV] = Σ θ² G_F m_ℓ² m_S β_ℓ³/(4√2π).

    Parameters
    ----------
    m_S : array_like
        Scalar mass [GeV].
    sin_theta : array_like
        Mixing sin θ (dimensionless).

    Returns
    -------
    ndarray
        The leptonic width [GeV] (a lower bound on the total width: γγ, ππ not included).
    """
    mS = np.asarray(m_S, float)
    th2 = np.asarray(sin_theta, float) ** 2
    tot: Any = 0.0  # becomes an array in the loop
    for ml in (ph.m_e, ph.m_mu):
        r = np.where(mS > 0, 4 * ml**2 / np.where(mS > 0, mS, 1.0) ** 2, np.inf)
        beta3 = np.clip(1 - r, 0.0, None) ** 1.5
        tot = tot + th2 * ph.G_F * ml**2 * mS * beta3 / (4 * math.sqrt(2) * math.pi)
    return tot
