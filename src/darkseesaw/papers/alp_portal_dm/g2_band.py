"""The g − 2 band of Fig. 3, vectorised: eq. (3.15) of arXiv:2502.13002 on a whole m_a grid.

Δa_μ of eq. (3.15) is a quadratic form in the couplings,

    Δa_μ = A(m_a, f_a) c_μμ² + B(m_a, f_a, Λ) c_μμ C_γγ ,

with A = one-loop (a) + lepton-loop Barr–Zee (c) per unit c_μμ², and B = photon Barr–Zee (b) per
unit c_μμ C_γγ (normalisations of `darkseesaw.observables.g2`: y = c_μμ m_μ/f_a,
g_aγγ = α C_γγ/(π f_a), Λ = 4π f_a). The reference implementation,
`darkseesaw.observables.g2.delta_a_alp`, integrates each point with adaptive quadrature on split
intervals (checked there against 40-digit mpmath); Fig. 3 needs A and B on a grid of m_a for
several C_μμ and Δa_μ inputs, i.e. thousands of such quadratures. Here the three integrals are
computed at once for the whole grid with **fixed-order composite Gauss–Legendre** quadrature:

* each integral over x ∈ [0, 1] is split at x = ½; the half next to x = 1 is integrated in
  u = 1 − x, the other in x, each in the logarithmic variable τ = ln u (ln x) from ln 10⁻⁴⁰ to
  ln ½, on panels of 1/3 decade with 8 Gauss–Legendre nodes each (2 × 960 nodes in all);
* the panels resolve every scale of the integrands — u ~ m_μ²/m_a² (the propagator), x ~ m_a/m_μ
  for light ALPs, and the integrable logarithmic end-point singularities — for any m_a between
  1 MeV and 10 PeV; the neglected end pieces [0, 10⁻⁴⁰] are below 10⁻³⁸ of the integrands' scale.

The same nodes serve every m_a: the cost is one numpy expression on a (1920, n) array. Agreement
with the quadrature reference is 1e-8 relative or better (tested for m_a = 1 GeV … 0.9 Λ, term by
term and for the band edges).

Example
-------
>>> import numpy as np
>>> A, B = g2_coefficients(np.array([1e5]), 1e4)
>>> bool(A[0] < 0 < -B[0])    # (a) dominates A; B < 0 so C_μμ < 0 gives Δa_μ > 0
True
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.alp import g_agamma
from darkseesaw.observables.g2 import yukawa

__all__ = ["g2_coefficients", "integrals", "NODES"]

_LO, _PER_DECADE, _ORDER = 1e-40, 3, 8


def _nodes() -> tuple[np.ndarray, np.ndarray]:
    """Nodes v ∈ (10⁻⁴⁰, ½] and weights (dv = v dτ) of the composite Gauss–Legendre rule."""
    n_pan = int(round(math.log10(0.5 / _LO) * _PER_DECADE))
    edges = np.linspace(math.log(_LO), math.log(0.5), n_pan + 1)
    t, w = np.polynomial.legendre.leggauss(_ORDER)
    a, b = edges[:-1, None], edges[1:, None]
    tau = (0.5 * (b - a) * t + 0.5 * (a + b)).ravel()
    wt = (0.5 * (b - a) * w).ravel()
    v = np.exp(tau)
    return v, wt * v


NODES: tuple[np.ndarray, np.ndarray] = _nodes()
"""(v, weights): the composite rule on (10⁻⁴⁰, ½] in ln v, used for both halves of [0, 1]."""


def _bz_lepton_kernel(w: np.ndarray, z: np.ndarray) -> np.ndarray:
    """z ln(w/z)/(w − z) for w = x(1 − x) > 0 (removable point w = z; log branch for w ≪ z)."""
    t = (w - z) / z
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        g_mid = np.log1p(t) / t
        g_low = (np.log(w) - np.log(z)) / t
    g = np.where(t > -0.5, g_mid, g_low)
    return np.where(np.abs(t) < 1e-8, 1.0 - t / 2.0, g)


def integrals(r: ArrayLike, L2: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three dimensionless integrals of eq. (3.15) for r = m_a²/m_μ² and L2 = Λ²/m_μ².

    Parameters
    ----------
    r : array_like
        m_a²/m_μ² (dimensionless, > 0).
    L2 : array_like
        Λ²/m_μ² (dimensionless), broadcast with ``r``.

    Returns
    -------
    I_a, I_b, I_c : ndarray
        I_a = ∫₀¹ x³/(x² + (1−x) r) dx (one loop, term a);
        I_b = ∫₀¹ [(1−x)(ln(L2/(x² + r(1−x))) − ½) − (3/r) x² ln((x² + r(1−x))/x²)] dx (term b);
        I_c = ∫₀¹ z ln(x(1−x)/z)/(x(1−x) − z) dx, z = 1/r (term c) — the integrals of
        `darkseesaw.observables.g2` (``_one_loop_integral``, ``_bz_photon_integral``,
        ``_bz_lepton_integral``).
    """
    r, L2 = np.broadcast_arrays(np.atleast_1d(np.asarray(r, float)),
                                np.atleast_1d(np.asarray(L2, float)))
    v, wt = NODES
    vv, ww = v[:, None], wt[:, None]
    rr, ll = r[None, :], L2[None, :]

    def ia(x, u):
        return x**3 / (x * x + u * rr)

    def ib(x, u):
        d = x * x + rr * u
        return u * (np.log(ll / d) - 0.5) - 3.0 / rr * x * x * np.log1p(rr * u / (x * x))

    # half next to x = 1 in u = v, half next to x = 0 in x = v
    out = []
    for f in (ia, ib):
        out.append(np.sum(ww * f(1.0 - vv, vv), axis=0) + np.sum(ww * f(vv, 1.0 - vv), axis=0))
    z = 1.0 / rr
    # symmetric under x → 1 − x: I_c = 2 ∫₀^½
    i_c = 2.0 * np.sum(ww * _bz_lepton_kernel(vv * (1.0 - vv), z), axis=0)
    return out[0], out[1], i_c


def g2_coefficients(m_a: ArrayLike, f_a: float, Lambda: float | None = None,
                    m_l: float = ph.m_mu, alpha: float = ph.alpha_0
                    ) -> tuple[np.ndarray, np.ndarray]:
    """A, B of Δa_μ = A c_μμ² + B c_μμ C_γγ (eq. 3.15), vectorised over m_a.

    Parameters
    ----------
    m_a : array_like
        ALP masses [GeV].
    f_a : float
        ALP decay constant [GeV].
    Lambda : float, optional
        Cut-off of the Barr–Zee loop [GeV]; default 4π f_a (as `g2.delta_a_alp`).
    m_l : float
        Lepton mass [GeV] (muon).
    alpha : float
        Fine-structure constant in g_aγγ and in term (c) (α(0), as `g2.delta_a_alp`).

    Returns
    -------
    A, B : ndarray
        Dimensionless coefficients (A: per unit c_μμ², B: per unit c_μμ C_γγ), shape of m_a.
    """
    m_a = np.asarray(m_a, float)
    lam = 4 * math.pi * f_a if Lambda is None else float(Lambda)
    y1 = float(yukawa(1.0, f_a, m_l))
    g1 = float(g_agamma(1.0, f_a, alpha))
    i_a, i_b, i_c = integrals((m_a.ravel() / m_l) ** 2, (lam / m_l) ** 2)
    A = -y1**2 / (8 * math.pi**2) * i_a + alpha / (8 * math.pi**3) * y1**2 * i_c
    B = -m_l * y1 * g1 / (4 * math.pi**2) * i_b
    return A.reshape(m_a.shape), B.reshape(m_a.shape)
