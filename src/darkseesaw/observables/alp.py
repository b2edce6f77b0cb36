r"""Axion-like particles from a singlet σ = (v_σ + ρ) e^{i a/v_σ}/√2: couplings, masses, scales.

Generic functions (any model with an anomalous U(1)_X broken by a singlet vev), written after
Carvajal, Dias, Nishi, Sánchez-Vega, "Axion like particles and the inverse seesaw mechanism",
JHEP 05 (2015) 069 [arXiv:1503.03502] (CDNS below). Masses in GeV, couplings in GeV⁻¹, vevs
v_σ = √2⟨σ⟩ in GeV, lifetimes in s. Every function broadcasts over numpy arrays.

* C_aγ = 2 Σ_ψ (X_ψL − X_ψR) Q_ψ²                          (CDNS eq. 15)
* g_aγγ = α C_γγ / (π f_a) for L ⊃ C_γγ (α/4π)(a/f_a) F F̃ = −(g_aγγ/4) a F F̃ — the one
  normalisation of the package; CDNS's g_aγ = α C_aγ/(2π v_σ) (eq. 14) is ``g_agamma(C_aγ/2, v_σ)``
* m_a = |g|^{1/2} D (v_σ/√2) [v_σ/(√2 M_Pl)]^{D/2−2}       (CDNS eq. 18, from g σ^D/M_Pl^{D−4})
* F(k) = v_σ^k / (2^{k/2} M_Pl^{k−1})                      (CDNS Sec. II, scale of σ^k/M_Pl^{k−1})
* m_ν scale = (v_w²/2) μ / M²   (= v_w²/(√2 v_σ) when q = 2p − 1, CDNS eq. 11)
* τ_E = 16π m_E³ / [3 λ² (m_E² − m_h²)²] ħ, λ = k v_σ/(√2 M_Pl)   (CDNS eq. 39)

Examples
--------
>>> from darkseesaw.observables import alp
>>> round(float(alp.g_agamma(4 / 2, 3e10)) * 1e13, 2)         # CDNS eq. (36): 1.5e-13 GeV^-1
1.55
>>> round(float(alp.alp_mass(13, 3e10, M_Pl=2.4e18)) * 1e25, 2)   # eq. (35): 1.58e-16 eV
1.58
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = [
    "C_agamma", "g_agamma", "alp_mass", "vev_for_alp_mass", "scale_function", "singlet_scale",
    "vev_window", "light_neutrino_scale", "heavy_lepton_mass", "E_lifetime", "alp_width_gg",
    "width_to_fermions",
]


def C_agamma(X_L: ArrayLike, X_R: ArrayLike, Q: ArrayLike, multiplicity: ArrayLike = 1) -> float:
    """Anomaly coefficient C_aγ = 2 Σ m (X_L − X_R) Q² (CDNS eq. 15).

    Parameters
    ----------
    X_L, X_R : array_like
        U(1)_X charges of the left- and right-handed components of each Dirac fermion
        (normalised to X_σ = 1).
    Q : array_like
        Electric charges (units of e).
    multiplicity : array_like
        Colour × generations of each fermion.

    Returns
    -------
    float
        C_aγ (dimensionless). For the CDNS Z13 model (E with X_L = 9/2, X_R = 5/2, Q = −1): 4.
    """
    X_L, X_R, Q, m = (np.asarray(x, dtype=float) for x in (X_L, X_R, Q, multiplicity))
    return float(2.0 * np.sum(m * (X_L - X_R) * Q**2))


def g_agamma(C_gg: ArrayLike, f_a: ArrayLike, alpha: float | None = None) -> np.ndarray:
    """ALP–photon coupling g_aγγ = α C_γγ / (π f_a) [GeV⁻¹].

    Normalisation: L ⊃ C_γγ (α/4π)(a/f_a) F_μν F̃^μν ≡ −(g_aγγ/4) a F F̃ (|g_aγγ| quoted), the
    convention of the limit plots (AxionLimits) and of 2502.13002 eq. (2.12). A paper written
    with another coefficient converts it: Carvajal et al. 2015 (eq. 14, g = α C_aγ/(2π v_σ) with
    C_aγ = 2E) is ``g_agamma(C_aγ/2, v_σ)``, i.e. C_γγ = E, the electromagnetic anomaly.

    Parameters
    ----------
    C_gg : array_like
        C_γγ (dimensionless).
    f_a : array_like
        Decay constant [GeV].
    alpha : float, optional
        Fine-structure constant (default α(0) of `darkseesaw.physics`).

    Returns
    -------
    ndarray
        g_aγγ [GeV⁻¹].

    Examples
    --------
    >>> bool(g_agamma(1.0, 1.0) == ph.alpha_0 / np.pi)
    True
    """
    a = ph.alpha_0 if alpha is None else alpha
    return a * np.asarray(C_gg, dtype=float) / (np.pi * np.asarray(f_a, dtype=float))


def alp_mass(D: ArrayLike, v_sigma: ArrayLike, M_Pl: float | None = None, g_abs: ArrayLike = 1.0
             ) -> np.ndarray:
    """ALP mass from the lowest U(1)_X-breaking operator g σ^D / M_Pl^{D−4} + h.c. [GeV].

    m_a = |g|^{1/2} D (v_σ/√2) [v_σ/(√2 M_Pl)]^{D/2−2}  (CDNS eqs. 16–18: V(a) =
    −|g| v_σ^D/(2 (√2 M_Pl)^{D−4}) cos(D a/v_σ + δ), m_a² = V''(0)).

    Parameters
    ----------
    D : array_like
        Dimension of the operator σ^D (D > 4).
    v_sigma : array_like
        v_σ [GeV].
    M_Pl : float
        Gravity scale [GeV] (CDNS: reduced, 2.4e18; default `physics.M_Pl_reduced`).
    g_abs : array_like
        |g| (order one, dimensionless).

    Returns
    -------
    ndarray
        m_a [GeV].
    """
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    D = np.asarray(D, dtype=float)
    v = np.asarray(v_sigma, dtype=float)
    x = v / (np.sqrt(2.0) * M)
    return np.sqrt(np.asarray(g_abs, dtype=float)) * D * v / np.sqrt(2.0) * x ** (D / 2.0 - 2.0)


def vev_for_alp_mass(m_a: ArrayLike, D: ArrayLike, M_Pl: float | None = None,
                     g_abs: ArrayLike = 1.0) -> np.ndarray:
    """Inverse of `alp_mass`: the v_σ [GeV] giving the mass m_a [GeV] with σ^D (CDNS Table I).

    From m_a = |g|^{1/2} D M_Pl x^{D/2−1}, x = v_σ/(√2 M_Pl); M_Pl [GeV] defaults to
    `physics.M_Pl_reduced`.
    """
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    D = np.asarray(D, dtype=float)
    x = (np.asarray(m_a, dtype=float) / (np.sqrt(np.asarray(g_abs, dtype=float)) * D * M)
         ) ** (1.0 / (D / 2.0 - 1.0))
    return x * np.sqrt(2.0) * M


def scale_function(k: ArrayLike, v_sigma: ArrayLike, M_Pl: float | None = None) -> np.ndarray:
    """F(k) = v_σ^{|k|} / (2^{|k|/2} M_Pl^{|k|−1}) [GeV]: the mass from σ^k/M_Pl^{|k|−1}.

    CDNS Sec. II and eq. (8): M = η F(p), μ = ζ F(q), M_E = k_E F(s). A negative k (σ* in the
    term) gives the same scale. v_σ and M_Pl [GeV] (default `physics.M_Pl_reduced`).
    """
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    k = np.abs(np.asarray(k, dtype=float))
    v = np.asarray(v_sigma, dtype=float)
    return M * (v / (np.sqrt(2.0) * M)) ** k


def singlet_scale(powers: Sequence[int], vevs: Sequence[ArrayLike], M_Pl: float | None = None,
                  extra_dim: int = 0) -> np.ndarray | float:
    """Scale of Π_i σ_i^{k_i} / M_Pl^{Σ|k_i| − 1 + extra_dim} [GeV] for several singlets.

    Π_i (v_i/√2)^{|k_i|} / M_Pl^{Σ|k_i| − 1 + extra_dim}; CDNS eq. (40): e.g. σ*²σ′* gives
    μ = v_σ² v_σ′ / (2^{3/2} M_Pl²) (eq. 50). ``extra_dim`` adds Planck suppressions for
    operators containing more fields (e.g. 1 for σⁿ L̄ H̃ S_R times the Higgs vev, eq. 52).
    The vevs v_i and M_Pl are in GeV.
    """
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    kt = sum(abs(int(k)) for k in powers)
    out: np.ndarray | float = 1.0
    for k, v in zip(powers, vevs, strict=True):
        out = out * (np.asarray(v, dtype=float) / np.sqrt(2.0)) ** abs(int(k))
    return out / M ** (kt - 1 + extra_dim)


def vev_window(k: int, F_lo: float, F_hi: float, M_Pl: float | None = None) -> tuple[float, float]:
    """Interval of v_σ [GeV] where F_lo ≤ F(k) ≤ F_hi [GeV] (CDNS Fig. 1 and eq. 10)."""
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    k = abs(int(k))
    if k == 0:
        raise ValueError("k = 0: F does not depend on v_sigma")
    lo = np.sqrt(2.0) * M * (F_lo / M) ** (1.0 / k)
    hi = np.sqrt(2.0) * M * (F_hi / M) ** (1.0 / k)
    return float(lo), float(hi)


def light_neutrino_scale(M_scale: ArrayLike, mu_scale: ArrayLike, v_w: float | None = None
                         ) -> np.ndarray:
    """Light-neutrino mass scale (v_w²/2) μ / M² [GeV] of the ISS, m_ν ≈ m_Dᵀ M⁻¹ μ M⁻ᵀ m_D.

    With m_D = y v_w/√2, M = η × M_scale, μ = ζ × mu_scale this is the prefactor of
    yᵀη⁻¹ζ(ηᵀ)⁻¹y (CDNS eqs. 11, 37, 46, 51). For one singlet and q = 2p − 1 it equals
    v_w²/(√2 v_σ), independent of M_Pl. All scales in GeV (v_w defaults to `physics.v_EW`).
    """
    vw = ph.v_EW if v_w is None else v_w
    return vw**2 / 2.0 * np.asarray(mu_scale, dtype=float) / np.asarray(M_scale, dtype=float) ** 2


def heavy_lepton_mass(s: ArrayLike, v_sigma: ArrayLike, k_E: ArrayLike = 1.0,
                      M_Pl: float | None = None) -> np.ndarray:
    """M_E = k_E F(s) [GeV] from k_E σ^s Ē_L E_R / M_Pl^{s−1} (CDNS eq. 22; ≈ k_E 187 GeV for
    s = 2, v_σ = 3e10 GeV)."""
    return np.asarray(k_E, dtype=float) * scale_function(s, v_sigma, M_Pl)


def E_lifetime(m_E: ArrayLike, v_sigma: ArrayLike, k: float = 1.0, r: int = 1,
               m_h: float | None = None, M_Pl: float | None = None) -> np.ndarray:
    """Lifetime [s] of the heavy lepton E decaying through k_i σ^r L̄_i H E_R / M_Pl^r (CDNS eq. 39).

    τ_E = 16π m_E³ / [3 λ² (m_E² − m_h²)²] ħ with λ = k (v_σ/(√2 M_Pl))^{|r|}, k_e = k_μ = k_τ = k,
    massless SM leptons; the factor 3 counts the flavours. Valid for m_E > m_h.

    Parameters
    ----------
    m_E : array_like
        E mass [GeV].
    v_sigma : float
        v_σ [GeV].
    k : float
        Coupling k_i (equal for the three flavours), dimensionless.
    r : int
        Power of σ in the term (CDNS: r = 1).
    m_h : float
        Higgs mass [GeV] (default `physics.m_h`; CDNS use 125 GeV).
    M_Pl : float
        Gravity scale [GeV] (default `physics.M_Pl_reduced`).

    Returns
    -------
    ndarray
        τ_E [s].
    """
    mh = ph.m_h if m_h is None else m_h
    M = ph.M_Pl_reduced if M_Pl is None else M_Pl
    lam = k * (np.asarray(v_sigma, dtype=float) / (np.sqrt(2.0) * M)) ** abs(int(r))
    m = np.asarray(m_E, dtype=float)
    tau_invGeV = 16.0 * np.pi / (3.0 * lam**2) * m**3 / (m**2 - mh**2) ** 2
    return ph.invGeV_to_s(tau_invGeV)


def alp_width_gg(g: ArrayLike, m_a: ArrayLike) -> np.ndarray:
    """Two-photon width Γ(a → γγ) = g_aγγ² m_a³ / (64π) [GeV]; g_aγγ [GeV⁻¹], m_a [GeV]."""
    return np.asarray(g, dtype=float) ** 2 * np.asarray(m_a, dtype=float) ** 3 / (64.0 * np.pi)


def width_to_fermions(m_a: ArrayLike, y: ArrayLike, m_f: ArrayLike, n_c: int = 1) -> np.ndarray:
    """Γ(a → f f̄) = N_c y² m_a β_f/(8π) [GeV] for the pseudoscalar coupling −i y a f̄γ⁵f.

    y = C_ff m_f/f_a for the derivative coupling (C_ff/2)(∂a/f_a) f̄γγ⁵f; β_f = √(1 − 4m_f²/m_a²),
    0 below threshold. m_a, m_f in GeV; y dimensionless.

    Examples
    --------
    >>> bool(float(width_to_fermions(1.0, 1.0, 0.0)) == 1 / (8 * np.pi))
    True
    """
    m_a = np.asarray(m_a, dtype=float)
    b2 = np.clip(1.0 - 4.0 * np.asarray(m_f, dtype=float) ** 2 / m_a**2, 0.0, None)
    return n_c * np.asarray(y, dtype=float) ** 2 * m_a * np.sqrt(b2) / (8.0 * np.pi)
