"""Decay kinematics shared by the observables: the one V → f f̄ width and the decay length.

* `width_vector_to_fermions` — Γ(V → f f̄) of a vector with vector and axial couplings (used
  for Z′, dark photons and the U(1)′ sector; `darkseesaw.observables.zprime.width_ff` is this
  formula written with chiral charges);
* `decay_length_m` — the lab-frame decay length βγcτ of a particle of given width, mass and
  energy (the lifetime itself is `darkseesaw.physics.width_to_lifetime_s`).

Examples
--------
>>> round(float(decay_length_m(1e-15, 0.03, 0.3)), 3)   # βγ ≈ 9.95, cτ = ħc/Γ
1.963
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = ["width_vector_to_fermions", "decay_length_m"]


def width_vector_to_fermions(m_V: ArrayLike, gV: ArrayLike, gA: ArrayLike, m_f: float,
                             n_c: int = 1) -> np.ndarray:
    """Γ(V → f f̄) [GeV] for L ⊃ V_μ f̄ γ^μ (g_V − g_A γ⁵) f.

    Parameters
    ----------
    m_V : float or array
        Vector mass [GeV].
    gV, gA : float or array
        Vector and axial couplings (dimensionless).
    m_f : float
        Fermion mass [GeV].
    n_c : int
        Colour factor.

    Returns
    -------
    ndarray
        Γ [GeV] = N_c m_V β [g_V²(1+2r) + g_A²(1−4r)]/(12π), r = m_f²/m_V²; 0 below
        threshold.

    Examples
    --------
    >>> import math
    >>> from darkseesaw import physics as ph
    >>> e = ph.e_charge_0
    >>> g = width_vector_to_fermions(1.0, 1e-3 * e, 0.0, 0.0)
    >>> bool(abs(g / (ph.alpha_0 * 1e-6 / 3) - 1) < 1e-12)
    True
    """
    m_V = np.asarray(m_V, dtype=float)
    r = np.where(m_V > 0, m_f**2 / np.where(m_V > 0, m_V, 1.0) ** 2, np.inf)
    open_ = r < 0.25
    rr = np.where(open_, r, 0.0)
    beta = np.sqrt(1 - 4 * rr)
    gam = n_c * m_V * beta * (np.asarray(gV) ** 2 * (1 + 2 * rr)
                              + np.asarray(gA) ** 2 * (1 - 4 * rr)) / (12 * math.pi)
    return np.where(open_, gam, 0.0)


def decay_length_m(width_GeV: ArrayLike, mass_GeV: ArrayLike, energy_GeV: ArrayLike
                   ) -> np.ndarray:
    """Lab-frame decay length βγ c τ [m] of a particle of energy E and mass m.

    Parameters
    ----------
    width_GeV : float or array
        Total width Γ [GeV].
    mass_GeV : float or array
        Mass m [GeV].
    energy_GeV : float or array
        Lab-frame energy E ≥ m [GeV].

    Returns
    -------
    ndarray
        βγ c τ = (p/m) ħc/Γ [m].

    Examples
    --------
    >>> L = decay_length_m(1e-15, 0.03, 0.3)
    >>> round(float(L), 3)   # βγ = p/m ≈ 9.95, cτ = ħc/Γ
    1.963
    """
    E = np.asarray(energy_GeV, dtype=float)
    m = np.asarray(mass_GeV, dtype=float)
    p = np.sqrt(np.clip(E**2 - m**2, 0, None))
    return ph.invGeV_to_m(1.0 / np.asarray(width_GeV, dtype=float)) * p / m
