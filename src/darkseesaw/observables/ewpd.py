"""Electroweak precision and non-unitarity of the light-lepton mixing matrix.

With heavy neutral leptons the 3 × 3 light mixing matrix is N = (1 − ε) U_PMNS with ε
Hermitian (Fernandez-Martinez, Hernandez-Garcia, Lopez-Pavon, JHEP 08 (2016) 033; their η).
For heavy–light mixing Θ (3 × n, Θ_αi = U_αN_i) N N† = 1 − Θ Θ†, i.e. ε = ½ Θ Θ† to leading
order. The Fermi constant measured in muon decay is G_μ = G_F [(NN†)_ee (NN†)_μμ]^{1/2}, which
shifts the W mass predicted from (α, G_μ, M_Z) (eqs. 4.8–4.9 of Cline, Puel, Toma,
JHEP 05 (2020) 039):

    s_W² = ½ [1 − √(1 − 2√2 π α (1 + Δr) [(NN†)_ee (NN†)_μμ]^{1/2} / (G_μ M_Z²))],
    M_W = M_W^SM [(NN†)_ee (NN†)_μμ]^{1/4} s_W^SM / s_W ≈ M_W^SM (1 + 0.20 (ε_ee + ε_μμ)).

Examples
--------
>>> round(float(mw_shift_coefficient(delta_r=0.03672)), 3)
0.201
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import brentq

from darkseesaw import physics as ph
from darkseesaw.errors import NonConvergence

__all__ = ["nn_dagger", "epsilon_from_theta", "epsilon_from_angles", "sw2_nonunitary",
           "mw_ratio", "mw_shift_coefficient", "eps_bound_from_mw", "ubar"]


def nn_dagger(theta: ArrayLike) -> np.ndarray:
    """N N† = 1 − Θ Θ† for heavy–light mixing Θ (..., 3, n) (dimensionless; exact for unitary
    full mixing)."""
    th = np.asarray(theta, complex)
    return np.eye(3) - th @ np.conj(np.swapaxes(th, -1, -2))


def epsilon_from_theta(theta: ArrayLike, exact: bool = True) -> np.ndarray:
    """Hermitian ε (..., 3, 3) with N = (1 − ε) U: ε = 1 − (1 − ΘΘ†)^{1/2} (exact) or ½ ΘΘ†
    (leading), from the dimensionless heavy–light mixing Θ (..., 3, n)."""
    th = np.asarray(theta, complex)
    tt = th @ np.conj(np.swapaxes(th, -1, -2))
    if not exact:
        return 0.5 * tt
    w, v = np.linalg.eigh(np.eye(3) - tt)
    root = v @ (np.sqrt(np.clip(w, 0, None))[..., None] * np.conj(np.swapaxes(v, -1, -2)))
    return np.eye(3) - root


def epsilon_from_angles(U_pmns: ArrayLike, sin2_theta: ArrayLike) -> np.ndarray:
    """Eq. 4.7: ε_αβ = ½ |Σ_i U_αi sin²θ_i U*_βi| (moduli, as the paper tabulates;
    dimensionless)."""
    U = np.asarray(U_pmns, complex)
    s = np.asarray(sin2_theta, float)
    return 0.5 * np.abs(np.einsum("...ai,...i,...bi->...ab", U, s, np.conj(U)))


def sw2_nonunitary(nn_ee: ArrayLike = 1.0, nn_mumu: ArrayLike = 1.0, *, delta_r: float,
                   alpha: float | None = None, one_plus_dr: bool = True) -> np.ndarray:
    """sin²θ_W (dimensionless) of eq. 4.9 with non-unitarity factors (NN†)_ee, (NN†)_μμ.

    ``one_plus_dr=True`` uses (1 + Δr) (the form of 1909.12300); ``False`` the exact
    1/(1 − Δr). ``delta_r`` is the SM radiative correction Δr (an input: the measurement
    ``delta_r_sm_pdg2018`` of `darkseesaw.constraints.measurements`, 0.03672); α defaults to
    α(0), G_μ is `physics.G_F`.
    """
    a = ph.alpha_0 if alpha is None else alpha
    fac = (1 + delta_r) if one_plus_dr else 1 / (1 - delta_r)
    A = 2 * math.sqrt(2) * math.pi * a * fac / (ph.G_F * ph.M_Z**2)
    return 0.5 * (1 - np.sqrt(1 - A * np.sqrt(np.asarray(nn_ee) * np.asarray(nn_mumu))))


def mw_ratio(eps_ee: ArrayLike, eps_mumu: ArrayLike, **kw: Any) -> np.ndarray:
    """M_W/M_W^SM (eq. 4.8, dimensionless) for diagonal ε_ee, ε_μμ ((NN†)_αα = (1 − ε_αα)²);
    ``kw`` goes to `sw2_nonunitary`."""
    nee = (1 - np.asarray(eps_ee, float)) ** 2
    nmm = (1 - np.asarray(eps_mumu, float)) ** 2
    return (nee * nmm) ** 0.25 * np.sqrt(sw2_nonunitary(1, 1, **kw) / sw2_nonunitary(nee, nmm, **kw))


def mw_shift_coefficient(**kw: Any) -> float:
    """d(M_W/M_W^SM)/d(ε_ee + ε_μμ) at ε = 0 (dimensionless); analytically
    s_W²/(2(c_W² − s_W²)) ≈ 0.20. ``kw`` goes to `sw2_nonunitary`."""
    h = 1e-7
    return float((mw_ratio(h / 2, h / 2, **kw) - mw_ratio(-h / 2, -h / 2, **kw)) / (2 * h))


def eps_bound_from_mw(mw_exp: float, mw_exp_err: float, mw_sm: float, mw_sm_err: float, *,
                      z: float = 1.959964, **kw: Any) -> float:
    """Upper bound on ε_ee + ε_μμ from M_W (eq. 4.8 of 1909.12300): M_W(ε) ≤ M_W^exp + z σ.

    σ² = σ_exp² + σ_SM²; z = 1.96 (95 % CL two-sided). The measured and SM-fit M_W and their
    errors [GeV] are
    inputs (measurements ``m_w_pdg2024``/``m_w_sm_pdg2024`` today, ``m_w_pdg2018``/
    ``m_w_sm_pdg2018`` for that paper); ``kw`` goes to `sw2_nonunitary` (``delta_r``).
    Solved exactly for ε_ee = ε_μμ (the ratio depends on the sum only to first order).
    """
    target = (mw_exp + z * math.hypot(mw_exp_err, mw_sm_err)) / mw_sm
    try:
        return float(brentq(lambda e: mw_ratio(e / 2, e / 2, **kw) - target, 0.0, 0.2,
                            xtol=1e-14))
    except (ValueError, RuntimeError) as e:  # no sign change on [0, 0.2], or no convergence
        raise NonConvergence(f"eps_bound_from_mw: no root of M_W(eps) = M_W^exp + z sigma on "
                             f"[0, 0.2] ({e})") from None


def ubar(U: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Ū_α = (Σ_i |U_αi|²)^{1/2} over the heavy states (last axis), and the total Ū
    (dimensionless mixings)."""
    U = np.asarray(U)
    ua = np.sqrt(np.sum(np.abs(U) ** 2, axis=-1))
    return ua, np.sqrt(np.sum(ua**2, axis=-1))
