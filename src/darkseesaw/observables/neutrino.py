"""Neutrino observables from an exact spectrum: PMNS angles and phases, mass-squared differences,
ordering, Σm, m_β, m_ββ, non-unitarity and heavy–light mixing; and the inverse map from
oscillation parameters to a light mass matrix.

Conventions (PDG, "Neutrino mixing" review, 2024)
-------------------------------------------------
* ``ν_αL = Σ_i U_αi ν_iL``; the light mass matrix in ``−½ ν̄ᶜ m_ν ν`` is
  ``m_ν = U* diag(m₁, m₂, m₃) U†`` (so ``Uᵀ m_ν U = diag(m)``, as `darkseesaw.spectrum.takagi`).
* ``U = V(θ₁₂, θ₁₃, θ₂₃, δ) · diag(1, e^{iα₂₁/2}, e^{iα₃₁/2})`` with the standard V
  (c₁₂c₁₃, s₁₂c₁₃, s₁₃e^{−iδ} in the first row).
* Mass labels: ``m₂ > m₁`` with the smaller splitting Δm²₂₁ (solar); normal ordering (NO)
  m₁ < m₂ < m₃, inverted (IO) m₃ < m₁ < m₂. Δm²₃ℓ follows NuFIT: Δm²₃₁ > 0 for NO,
  Δm²₃₂ < 0 for IO.
* Non-unitarity: the active–light block ``N`` (3×3, rows e, μ, τ; columns the light states)
  is written ``N = (1 − η) U`` with η Hermitian and U unitary (polar decomposition); the function
  returns ``η = (1 − N N†)/2`` (first order, as customary) and the exact unitary part U.
* δ_CP in [0, 2π), Majorana phases in [0, 2π) (α/2 is defined modulo π: the sign of each
  Takagi vector is free).
* ``m_β = (Σ_i |N_ei|² m_i²)^{1/2}``, ``m_ββ = |Σ_i N_ei² m_i|`` (light-neutrino exchange;
  heavy states are listed separately in the mixing output).

All functions are vectorised over leading batch axes. Masses in GeV unless a name says eV.

Examples
--------
>>> import numpy as np
>>> from darkseesaw.observables import neutrino as nu
>>> m = nu.light_matrix([0.0, 8.6e-12, 5.0e-11], 0.307, 0.0222, 0.47, np.radians(230))
>>> obs = nu.from_light_matrix(m)
>>> round(float(obs["s12sq"]), 6), str(obs["ordering"])
(0.307, 'NO')
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.spectrum.takagi import takagi

__all__ = [
    "LIGHT_MASS_MAX",
    "LightStateWarning",
    "light_states_ok",
    "pmns_matrix",
    "light_matrix",
    "from_light_matrix",
    "observables",
    "mixing_parameters",
    "select_light",
    "unitary_part",
]

_TWO_PI = 2.0 * np.pi


def pmns_matrix(s12sq: ArrayLike, s13sq: ArrayLike, s23sq: ArrayLike, delta: ArrayLike,
                alpha21: ArrayLike = 0.0, alpha31: ArrayLike = 0.0) -> np.ndarray:
    """PMNS matrix in the PDG parametrisation, shape (..., 3, 3), complex, dimensionless.

    Parameters
    ----------
    s12sq, s13sq, s23sq : array_like
        sin²θ₁₂, sin²θ₁₃, sin²θ₂₃ (dimensionless).
    delta, alpha21, alpha31 : array_like
        Dirac and Majorana phases [rad].

    Returns
    -------
    ndarray (..., 3, 3)
        U = V(θ₁₂, θ₁₃, θ₂₃, δ) diag(1, e^{iα₂₁/2}, e^{iα₃₁/2}), broadcast over the inputs.
    """
    s12sq, s13sq, s23sq, delta, alpha21, alpha31 = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (s12sq, s13sq, s23sq, delta, alpha21, alpha31))
    )
    s12, s13, s23 = np.sqrt(s12sq), np.sqrt(s13sq), np.sqrt(s23sq)
    c12, c13, c23 = np.sqrt(1 - s12sq), np.sqrt(1 - s13sq), np.sqrt(1 - s23sq)
    ed = np.exp(1j * delta)
    V = np.empty(s12.shape + (3, 3), dtype=complex)
    V[..., 0, 0] = c12 * c13
    V[..., 0, 1] = s12 * c13
    V[..., 0, 2] = s13 / ed
    V[..., 1, 0] = -s12 * c23 - c12 * s23 * s13 * ed
    V[..., 1, 1] = c12 * c23 - s12 * s23 * s13 * ed
    V[..., 1, 2] = s23 * c13
    V[..., 2, 0] = s12 * s23 - c12 * c23 * s13 * ed
    V[..., 2, 1] = -c12 * s23 - s12 * c23 * s13 * ed
    V[..., 2, 2] = c23 * c13
    P = np.stack([np.ones_like(alpha21), np.exp(0.5j * alpha21), np.exp(0.5j * alpha31)], axis=-1)
    return V * P[..., None, :]


def light_matrix(masses: ArrayLike, s12sq: ArrayLike, s13sq: ArrayLike, s23sq: ArrayLike,
                 delta: ArrayLike, alpha21: ArrayLike = 0.0, alpha31: ArrayLike = 0.0
                 ) -> np.ndarray:
    """Light-neutrino Majorana mass matrix ``m_ν = U* diag(m₁, m₂, m₃) U†``.

    Parameters
    ----------
    masses : array_like, shape (..., 3)
        (m₁, m₂, m₃) in the PDG labelling [any mass unit; GeV in darkseesaw].
    s12sq, s13sq, s23sq, delta, alpha21, alpha31 : array_like
        Mixing angles (sin²) and phases [rad], broadcast against the batch of ``masses``.

    Returns
    -------
    ndarray (..., 3, 3)
        Complex symmetric, in the unit of ``masses``.
    """
    masses = np.asarray(masses, dtype=float)
    U = pmns_matrix(s12sq, s13sq, s23sq, delta, alpha21, alpha31)
    U, masses = np.broadcast_arrays(U, masses[..., None, :])
    return np.einsum("...ai,...i,...bi->...ab", np.conj(U), masses[..., 0, :], np.conj(U))


LIGHT_MASS_MAX: float = 1e-6
"""Heaviest state [GeV] (1 keV) that may be labelled a light neutrino: three orders of magnitude
above any allowed light-neutrino mass (KATRIN: m_β < 0.45 eV), far below the heavy states of
a seesaw. A spectrum whose three most active states are not all below it has fewer than three
light neutrinos (e.g. 3 N_R + 2 S without μ_R: one N_R pairs with a ν_L into a Dirac state)."""


class LightStateWarning(UserWarning):
    """A state labelled light by `select_light` is heavier than `LIGHT_MASS_MAX`."""


def light_states_ok(m: np.ndarray, U: np.ndarray, n_light: int = 3,
                    max_mass: float = LIGHT_MASS_MAX) -> np.ndarray:
    """Whether every state `select_light` picks is below ``max_mass`` [GeV]; shape (...,).

    ``m`` are the masses [GeV] (..., n) and ``U`` the mixing matrix (..., n, n) of
    `darkseesaw.spectrum.takagi`.
    """
    idx = select_light(m, U, n_light, warn=False)
    return np.all(np.take_along_axis(np.asarray(m), idx, axis=-1) <= max_mass, axis=-1)


def select_light(m: np.ndarray, U: np.ndarray, n_light: int = 3, *, warn: bool = True
                 ) -> np.ndarray:
    """Indices of the ``n_light`` states with the largest active (ν_e, ν_μ, ν_τ) content.

    ``m`` (..., n) are the masses [GeV], ``U`` (..., n, n) the mixing matrix (rows ν_e, ν_μ, ν_τ
    first). For seesaw spectra these are the light neutrinos (heavy states and μ-scale singlets have
    tiny active admixtures). Returned sorted by mass, shape (..., n_light). A spectrum with
    fewer light states (one of the picked states heavier than `LIGHT_MASS_MAX`) emits a
    `LightStateWarning` (``warn=False`` silences it; `light_states_ok` tests it per point).
    """
    w = np.sum(np.abs(U[..., :3, :]) ** 2, axis=-2)
    idx = np.argsort(-w, axis=-1, kind="stable")[..., :n_light]
    mm = np.take_along_axis(m, idx, axis=-1)
    if warn and np.any(mm > LIGHT_MASS_MAX):
        warnings.warn(f"a state labelled light weighs {float(np.max(mm)):.4g} GeV (above "
                      f"{LIGHT_MASS_MAX * 1e6:g} keV): the spectrum has fewer than {n_light} "
                      "light neutrinos and its light-neutrino observables are meaningless",
                      LightStateWarning, stacklevel=2)
    return np.take_along_axis(idx, np.argsort(mm, axis=-1, kind="stable"), axis=-1)


def unitary_part(N: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polar decomposition ``N = (1 − η_exact) W``: returns (W unitary, η_exact Hermitian).

    ``N`` (..., 3, 3) is the dimensionless active–light block of the mixing matrix.
    """
    Uu, s, Vh = np.linalg.svd(N)
    W = Uu @ Vh
    H = (Uu * s[..., None, :]) @ np.conj(np.swapaxes(Uu, -1, -2))
    return W, np.eye(3) - H


def _label(masses_sorted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """PDG labels from ascending light masses: (order of columns as 1,2,3; is_NO)."""
    a, b, c = masses_sorted[..., 0], masses_sorted[..., 1], masses_sorted[..., 2]
    is_no = (b**2 - a**2) < (c**2 - b**2)
    perm_no = np.array([0, 1, 2])
    perm_io = np.array([1, 2, 0])  # (m1, m2, m3) = (b, c, a)
    perm = np.where(is_no[..., None], perm_no, perm_io)
    return perm, is_no


def _wrap(a: np.ndarray) -> np.ndarray:
    """Angle in [0, 2π), with values within 1e-9 of 2π mapped to 0."""
    a = np.mod(a, _TWO_PI)
    return np.where(a > _TWO_PI - 1e-9, 0.0, a)


def mixing_parameters(W: np.ndarray) -> dict[str, np.ndarray]:
    """sin²θ's, δ and Majorana phases of a unitary PMNS matrix W (..., 3, 3), PDG form.

    Returns a dict of arrays: s12sq, s13sq, s23sq (dimensionless), delta, alpha21, alpha31
    [rad], J (Jarlskog invariant, dimensionless).
    """
    a = np.abs(W) ** 2
    s13sq = a[..., 0, 2]
    c13sq = 1.0 - s13sq
    with np.errstate(invalid="ignore", divide="ignore"):
        s12sq = np.where(c13sq > 0, a[..., 0, 1] / c13sq, 0.0)
        s23sq = np.where(c13sq > 0, a[..., 1, 2] / c13sq, 0.0)
        J = np.imag(W[..., 1, 2] * np.conj(W[..., 0, 2]) * W[..., 0, 1] * np.conj(W[..., 1, 1]))
        s12, c12 = np.sqrt(s12sq), np.sqrt(1 - s12sq)
        s23, c23 = np.sqrt(s23sq), np.sqrt(1 - s23sq)
        s13 = np.sqrt(s13sq)
        den = s12 * c12 * s23 * c23 * s13
        sind = J / (den * c13sq)
        cosd = (a[..., 1, 0] - s12sq * c23**2 - c12**2 * s23sq * s13sq) / (2.0 * den)
        delta = np.mod(np.arctan2(sind, cosd), _TWO_PI)
        delta = np.where(den > 0, delta, 0.0)
    ph = np.angle(W[..., 0, :])
    alpha21 = _wrap(2.0 * (ph[..., 1] - ph[..., 0]))
    alpha31 = _wrap(2.0 * (ph[..., 2] - ph[..., 0] + delta))
    return {"s12sq": s12sq, "s13sq": s13sq, "s23sq": s23sq, "delta": delta,
            "alpha21": alpha21, "alpha31": alpha31, "J": J}


def observables(m: ArrayLike, U: ArrayLike, n_light: int = 3) -> dict[str, Any]:
    """Neutrino observables of an exact spectrum (output of `darkseesaw.spectrum.takagi`).

    Parameters
    ----------
    m : array_like (..., n)
        Masses [GeV], ascending.
    U : array_like (..., n, n)
        Mixing matrix, rows (ν_e, ν_μ, ν_τ, other fields...), ``Uᵀ 𝓜 U = diag(m)``.
    n_light : int
        Number of light (active-like) states, 3.

    Returns
    -------
    dict of arrays
        ``m_light`` (..., 3) [GeV] in PDG labels (m₁, m₂, m₃); ``ordering`` ('NO'/'IO');
        ``is_NO``; ``s12sq, s13sq, s23sq``; ``delta_cp`` [rad]; ``alpha21, alpha31`` [rad];
        ``J`` (dimensionless); ``dm21sq``, ``dm3lsq`` [GeV²]; ``sum_m``, ``m_beta``, ``m_bb`` [GeV];
        ``N`` (..., 3, 3) active–light block (columns in PDG order); ``U_pmns`` its unitary part;
        ``eta`` = (1 − N N†)/2; ``heavy_index`` (..., n−3) indices of the other states;
        ``m_heavy`` [GeV]; ``U2_heavy`` (..., 3, n−3) = |U_αi|² of the other states;
        ``U2_heavy_sum`` (..., 3) = Σ_i |U_αi|² over the other states.
    """
    m = np.asarray(m, dtype=float)
    U = np.asarray(U)
    n = m.shape[-1]
    il = select_light(m, U, n_light)
    ml = np.take_along_axis(m, il, axis=-1)
    perm, is_no = _label(ml)
    il = np.take_along_axis(il, perm, axis=-1)
    ml = np.take_along_axis(ml, perm, axis=-1)
    N = np.take_along_axis(U[..., :3, :], il[..., None, :].repeat(3, axis=-2), axis=-1)
    W, _ = unitary_part(N)
    mp = mixing_parameters(W)
    # a massless state's Majorana phase is unphysical: with m₁ = 0 (NO) only α₃₁ − α₂₁ is
    # physical and is reported as α₃₁ (α₂₁ = 0); with m₃ = 0 (IO), α₃₁ = 0.
    # "massless": exactly 0 (structural zero) or below the double-precision noise floor of a
    # rank-deficient 3×3 light matrix (1e-13 of the heaviest light mass)
    tiny = 1e-13 * np.max(ml, axis=-1)
    m1_zero = is_no & (ml[..., 0] <= tiny)
    m3_zero = ~is_no & (ml[..., 2] <= tiny)
    mp["alpha31"] = np.where(m1_zero, _wrap(mp["alpha31"] - mp["alpha21"]), mp["alpha31"])
    mp["alpha21"] = np.where(m1_zero, 0.0, mp["alpha21"])
    mp["alpha31"] = np.where(m3_zero, 0.0, mp["alpha31"])
    NN = N @ np.conj(np.swapaxes(N, -1, -2))
    eta = 0.5 * (np.eye(3) - NN)
    m1, m2, m3 = ml[..., 0], ml[..., 1], ml[..., 2]
    dm21 = m2**2 - m1**2
    dm3l = np.where(is_no, m3**2 - m1**2, m3**2 - m2**2)
    Ne = N[..., 0, :]
    m_beta = np.sqrt(np.sum(np.abs(Ne) ** 2 * ml**2, axis=-1))
    m_bb = np.abs(np.sum(Ne**2 * ml, axis=-1))
    # the remaining states (heavy or singlet-like), ascending mass
    mask = np.ones(m.shape, dtype=bool)
    np.put_along_axis(mask, il, False, axis=-1)
    ih = np.nonzero(mask.reshape(-1, n))[1].reshape(m.shape[:-1] + (n - n_light,))
    mh = np.take_along_axis(m, ih, axis=-1)
    U2h = np.abs(np.take_along_axis(U[..., :3, :], ih[..., None, :].repeat(3, axis=-2),
                                    axis=-1)) ** 2
    return {
        "m_light": ml,
        "is_NO": is_no,
        "ordering": np.where(is_no, "NO", "IO"),
        "s12sq": mp["s12sq"], "s13sq": mp["s13sq"], "s23sq": mp["s23sq"],
        "delta_cp": mp["delta"], "alpha21": mp["alpha21"], "alpha31": mp["alpha31"],
        "J": mp["J"],
        "dm21sq": dm21, "dm3lsq": dm3l,
        "sum_m": np.sum(ml, axis=-1), "m_beta": m_beta, "m_bb": m_bb,
        "N": N, "U_pmns": W, "eta": eta,
        "heavy_index": ih, "m_heavy": mh, "U2_heavy": U2h,
        "U2_heavy_sum": np.sum(U2h, axis=-1),
    }


def from_light_matrix(m_light: ArrayLike) -> dict[str, Any]:
    """Observables of a 3×3 light Majorana mass matrix (inverse of `light_matrix`).

    Parameters
    ----------
    m_light : array_like (..., 3, 3)
        Complex symmetric light-neutrino mass matrix [GeV].

    Returns
    -------
    dict
        As `observables` (with ``N`` unitary and ``eta`` = 0 up to rounding).
    """

    m, U = takagi(np.asarray(m_light), zero_structural=False)
    return observables(m, U)
