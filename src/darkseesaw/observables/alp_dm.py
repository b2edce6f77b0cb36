"""Fermionic dark matter annihilating through an s-channel axion-like particle (ALP portal).

Interactions (Thongyoi, Pongkitivanichkul, Uttayarat, arXiv:2502.13002, eqs. 2.12, 2.22)::

    L ⊃ −i g_χ a χ̄ γ5 χ  −i y_f a f̄ γ5 f  + (g_aγγ/4) a F F̃ ,

with, for a Dirac fermion χ whose mass comes from the PQ-breaking vev, g_χ = m_χ/f_a; for a SM
fermion with the derivative coupling (c_ff/2)(∂a/f_a) f̄γγ5f (BNT normalisation, see
`darkseesaw.observables.g2`), y_f = c_ff m_f/f_a; and g_aγγ = α C_γγ/(π f_a).

Exact cross sections for χ χ̄ → γ γ and χ χ̄ → f f̄ (spin-averaged, pseudoscalar s-channel with a
Breit–Wigner propagator |s − m_a² + i m_a Γ_a|²; both are s-wave)::

    σ_γγ(s) = g_χ² g_aγγ² s² / (128 π β_χ D(s)),
    σ_ff(s) = N_c g_χ² y_f² s β_f / (16 π β_χ D(s)),       β = √(1 − 4m²/s).

At threshold (s = 4m_χ², Γ_a → 0) σ v_rel (v_rel = 2β_χ in the CM frame) reduces to

    σv_γγ = α² C_γγ² m_χ⁶ / (4π³ f_a⁴ (m_a² − 4m_χ²)²)                      (2502.13002 eq. 3.10)
    σv_μμ = C_μμ² m_μ² m_χ⁴ √(1 − m_μ²/m_χ²) / (2π f_a⁴ (m_a² − 4m_χ²)²).

The second line is 1/16 of the paper's eq. (3.11) (``8/π`` and ``√(1 − 4m_μ²/m_χ²)``): with the
ALP–muon coupling normalised as in the paper's own g − 2 formulas (eq. 3.15, y = C_μμ m_μ/f_a) the
prefactor is 1/(2π); with eq. (2.10) read literally (y = 2C_μμ m_μ/f_a) it would be 2/π. The
threshold factor at s = 4m_χ² is √(1 − m_μ²/m_χ²). For the paper's parameter space
(m_χ ≳ 10 TeV) the μμ̄ channel is below 1 % of γγ either way.

Examples
--------
>>> from darkseesaw.observables import alp_dm
>>> sv = alp_dm.sigmav_gg_threshold(m_chi=9.0e4, m_a=9.9e4, c_gg=200.0, f=1e4)
>>> bool(1e-27 < sv < 1e-24)   # cm³/s
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.alp import alp_width_gg, g_agamma, width_to_fermions

__all__ = [
    "g_chi",
    "width_a",
    "sigma_gg",
    "sigma_ff",
    "sigmav_gg_threshold",
    "sigmav_ff_threshold",
    "sigmav_of_s",
]


def g_chi(m_chi: ArrayLike, f: ArrayLike) -> np.ndarray:
    """ALP–DM pseudoscalar coupling g_χ = m_χ/f_a of 2502.13002 eq. (2.22) (dimensionless);
    m_χ and f_a in GeV."""
    return np.asarray(m_chi, float) / np.asarray(f, float)


def width_a(m_a: ArrayLike, f: ArrayLike, c_gg: ArrayLike,
            c_ff: Mapping[str, ArrayLike] | None = None, m_chi: ArrayLike | None = None,
            alpha: float = ph.alpha_0) -> np.ndarray:
    """Total ALP width [GeV]: a → γγ, a → f f̄ (leptons given in ``c_ff``), a → χχ̄ if open.

    Γ(a→γγ) = g_aγγ² m_a³/(64π);  Γ(a→f f̄) = N_c y_f² m_a β_f/(8π);  Γ(a→χχ̄) = g_χ² m_a β_χ/(8π).

    Parameters
    ----------
    m_a, f : float or array
        ALP mass and decay constant [GeV].
    c_gg : float or array
        C_γγ (dimensionless).
    c_ff : dict, optional
        ``{lepton: c_ℓℓ}`` with leptons among ``e, mu, tau`` (BNT normalisation).
    m_chi : float or array, optional
        DM mass [GeV]; adds a → χχ̄ when m_a > 2 m_χ.
    alpha : float
        Fine-structure constant of g_aγγ.

    Returns
    -------
    ndarray
        Γ_a [GeV].

    Examples
    --------
    >>> bool(width_a(1e3, 1e4, 1.0) > 0)
    True
    """
    m_a = np.asarray(m_a, float)
    g = g_agamma(c_gg, f, alpha)
    gam = alp_width_gg(g, m_a)
    for lep, c in (c_ff or {}).items():
        m_l = ph.lepton_masses[lep]
        gam = gam + width_to_fermions(m_a, np.asarray(c, float) * m_l / np.asarray(f, float), m_l)
    if m_chi is not None:
        gam = gam + width_to_fermions(m_a, g_chi(m_chi, f), m_chi)
    return gam


def _prop2(s: float | np.ndarray, m_a: float | np.ndarray, gamma_a: float | np.ndarray
           ) -> np.ndarray | float:
    return (s - m_a**2) ** 2 + (m_a * gamma_a) ** 2


def sigma_gg(s: ArrayLike, m_chi: ArrayLike, m_a: float | np.ndarray, c_gg: ArrayLike, f: ArrayLike,
             gamma_a: float | np.ndarray = 0.0, alpha: float = ph.alpha_0) -> np.ndarray:
    """σ(χχ̄ → γγ)(s) [GeV⁻²], exact in s for the pseudoscalar s-channel (see module docstring).

    Parameters
    ----------
    s : float or array
        Mandelstam s [GeV²], s > 4 m_χ².
    m_chi, m_a, f : float or array
        DM mass, ALP mass, decay constant [GeV].
    c_gg : float or array
        C_γγ (dimensionless).
    gamma_a : float or array
        ALP width [GeV] in the propagator.
    alpha : float
        Fine-structure constant of g_aγγ.

    Examples
    --------
    >>> bool(sigma_gg(4.1e10, 1e5, 1.1e5, 100.0, 1e4) > 0)
    True
    """
    s = np.asarray(s, float)
    b = np.sqrt(np.clip(1 - 4 * np.asarray(m_chi, float) ** 2 / s, 0, None))
    g = g_agamma(c_gg, f, alpha)
    return g_chi(m_chi, f) ** 2 * g**2 * s**2 / (128 * math.pi * b * _prop2(s, m_a, gamma_a))


def sigma_ff(s: ArrayLike, m_chi: ArrayLike, m_a: float | np.ndarray, c_ff: ArrayLike, f: ArrayLike,
             m_f: float = ph.m_mu, n_c: int = 1, gamma_a: float | np.ndarray = 0.0) -> np.ndarray:
    """σ(χχ̄ → f f̄)(s) [GeV⁻²] through the ALP, exact in s (see module docstring).

    Parameters
    ----------
    s : float or array
        Mandelstam s [GeV²].
    m_chi, m_a, f : float or array
        DM mass, ALP mass, decay constant [GeV].
    c_ff : float or array
        ALP–fermion coupling, dimensionless (BNT normalisation: y_f = c_ff m_f/f).
    m_f : float
        Final-state fermion mass [GeV] (default muon).
    n_c : int
        Colour factor.
    gamma_a : float or array
        ALP width [GeV].

    Examples
    --------
    >>> bool(sigma_ff(4.1e10, 1e5, 1.1e5, 1e3, 1e4) > 0)
    True
    """
    s = np.asarray(s, float)
    b = np.sqrt(np.clip(1 - 4 * np.asarray(m_chi, float) ** 2 / s, 0, None))
    bf = np.sqrt(np.clip(1 - 4 * m_f**2 / s, 0, None))
    y = np.asarray(c_ff, float) * m_f / np.asarray(f, float)
    return n_c * g_chi(m_chi, f) ** 2 * y**2 * s * bf / (16 * math.pi * b * _prop2(s, m_a, gamma_a))


def sigmav_gg_threshold(m_chi: ArrayLike, m_a: ArrayLike, c_gg: ArrayLike, f: ArrayLike,
                        alpha: float = ph.alpha_0, units: str = "cm3/s") -> np.ndarray:
    """σv(χχ̄ → γγ) at threshold, 2502.13002 eq. (3.10).

    σv = α² C_γγ² m_χ⁶ / (4π³ f_a⁴ (m_a² − 4m_χ²)²).

    Parameters
    ----------
    m_chi, m_a, f : float or array
        DM mass, ALP mass, decay constant [GeV].
    c_gg : float or array
        C_γγ (dimensionless).
    alpha : float
        Fine-structure constant.
    units : {"cm3/s", "GeV-2"}
        Output units.

    Returns
    -------
    ndarray
        σv [cm³/s] (or [GeV⁻²] with ``units="GeV-2"``).

    Examples
    --------
    >>> v = sigmav_gg_threshold(1e3, 1.1e3, 1.0, 1e4, units="GeV-2")
    >>> bool(v > 0)
    True
    """
    m = np.asarray(m_chi, float)
    sv = alpha**2 * np.asarray(c_gg, float) ** 2 * m**6 / (
        4 * math.pi**3 * np.asarray(f, float) ** 4 * (np.asarray(m_a, float) ** 2 - 4 * m**2) ** 2)
    return ph.invGeV2_to_cm3_per_s(sv) if units == "cm3/s" else sv


def sigmav_ff_threshold(m_chi: ArrayLike, m_a: ArrayLike, c_ff: ArrayLike, f: ArrayLike,
                        m_f: float = ph.m_mu, n_c: int = 1, units: str = "cm3/s") -> np.ndarray:
    """σv(χχ̄ → f f̄) at threshold (corrected 2502.13002 eq. 3.11; see the module docstring).

    σv = N_c c_ff² m_f² m_χ⁴ √(1 − m_f²/m_χ²) / (2π f_a⁴ (m_a² − 4m_χ²)²).

    Masses m_chi, m_a, m_f and f in GeV, c_ff dimensionless; the result in cm³/s (``units="cm3/s"``,
    default) or GeV⁻² (``units="GeV-2"``).

    Examples
    --------
    >>> bool(sigmav_ff_threshold(1e3, 1.1e3, 1.0, 1e4) > 0)
    True
    """
    m = np.asarray(m_chi, float)
    sv = (n_c * np.asarray(c_ff, float) ** 2 * m_f**2 * m**4 * np.sqrt(np.clip(1 - m_f**2 / m**2, 0, None))
          / (2 * math.pi * np.asarray(f, float) ** 4 * (np.asarray(m_a, float) ** 2 - 4 * m**2) ** 2))
    return ph.invGeV2_to_cm3_per_s(sv) if units == "cm3/s" else sv


def sigmav_of_s(s: ArrayLike, m_chi: float, m_a: float, f: float, c_gg: float,
                c_mumu: float = 0.0, gamma_a: float | np.ndarray | None = None) -> np.ndarray:
    """σ v_Møl(s) [GeV⁻²] summed over γγ and μμ̄, the input of a Gondolo–Gelmini thermal average.

    v_Møl in the CM frame is 2β_χ = 2√(1 − 4m_χ²/s), so σv(s) = 2β_χ (σ_γγ + σ_μμ).

    Parameters
    ----------
    s : float or array
        Mandelstam s [GeV²].
    m_chi, m_a, f : float
        DM mass, ALP mass, decay constant [GeV].
    c_gg, c_mumu : float
        C_γγ and C_μμ (dimensionless).
    gamma_a : float, optional
        ALP width [GeV]; computed with `width_a` (γγ, μμ̄ and χχ̄) when omitted.

    Examples
    --------
    >>> bool(sigmav_of_s(4.01e10, 1e5, 1.1e5, 1e4, 200.0) > 0)
    True
    """
    if gamma_a is None:
        gamma_a = width_a(m_a, f, c_gg, {"mu": c_mumu}, m_chi=m_chi)
    s = np.asarray(s, float)
    b = np.sqrt(np.clip(1 - 4 * m_chi**2 / s, 0, None))
    return 2 * b * (sigma_gg(s, m_chi, m_a, c_gg, f, gamma_a)
                    + sigma_ff(s, m_chi, m_a, c_mumu, f, gamma_a=gamma_a))
