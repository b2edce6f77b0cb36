"""QCD inputs of the observables: one α_s(μ) and the inclusive QCD correction factor.

* `alpha_s` — two-loop MS-bar running from α_s(M_Z) (`darkseesaw.physics.alpha_s_MZ`, PDG 2024)
  with n_f thresholds at m_b and m_c, integrated once (RK4 in ln μ²) and interpolated;
* `qcd_factor` — 1 + α_s/π + 5.2 (α_s/π)² + 26.4 (α_s/π)³, the correction of an inclusive
  decay into quarks (Gorishny, Kataev, Larin 1991; as used for HNLs by Bondarenko et al.,
  JHEP 11 (2018) 032, eq. 3.20, and for R(s) and Z′ → qq̄ here).

The one α_s of the package; a PDF set's own α_s (`darkseesaw.pdfs.PDFSet.alphas`) belongs to
that set.

Examples
--------
>>> round(float(alpha_s(91.188)), 4)
0.118
>>> 1.04 < float(qcd_factor(100.0)) < 1.05
True
"""

from __future__ import annotations

import functools
import math

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = ["alpha_s", "qcd_factor"]


@functools.lru_cache(maxsize=1)
def _alpha_s_table() -> tuple[np.ndarray, np.ndarray]:
    """Two-loop running of α_s from α_s(M_Z) with n_f thresholds at m_b, m_c (RK4 in ln μ²)."""
    def beta(a: float, nf: int) -> float:
        b0 = 11 - 2 * nf / 3
        b1 = 102 - 38 * nf / 3
        return -(b0 * a * a / (4 * math.pi) + b1 * a**3 / (16 * math.pi**2))

    def run(a: float, mu0: float, mu1: float, nf: int, n: int = 400
            ) -> list[tuple[float, float]]:
        t0, t1 = math.log(mu0**2), math.log(mu1**2)
        h = (t1 - t0) / n
        out = [(mu0, a)]
        for i in range(n):
            k1 = beta(a, nf)
            k2 = beta(a + h * k1 / 2, nf)
            k3 = beta(a + h * k2 / 2, nf)
            k4 = beta(a + h * k3, nf)
            a = a + h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
            out.append((math.exp((t0 + (i + 1) * h) / 2), a))
        return out

    pts = run(ph.alpha_s_MZ, ph.M_Z, ph.m_b, 5)
    pts += run(pts[-1][1], ph.m_b, ph.m_c, 4)
    pts += run(pts[-1][1], ph.m_c, 0.8, 3)
    up = run(ph.alpha_s_MZ, ph.M_Z, 200.0, 5)
    pts = sorted(pts + up)
    mu = np.array([p[0] for p in pts])
    a = np.array([p[1] for p in pts])
    return np.log(mu), a


def alpha_s(mu: ArrayLike) -> np.ndarray:
    """Two-loop MS-bar α_s(μ) (dimensionless) from `physics.alpha_s_MZ`.

    Parameters
    ----------
    mu : float or array
        Renormalisation scale μ [GeV], clipped to 0.8–200 GeV.

    Examples
    --------
    >>> round(float(alpha_s(91.188)), 4)
    0.118
    """
    lm, a = _alpha_s_table()
    return np.interp(np.log(np.clip(np.asarray(mu, float), 0.8, 200.0)), lm, a)


def qcd_factor(M: ArrayLike) -> np.ndarray:
    """1 + Δ_QCD = 1 + α_s/π + 5.2 (α_s/π)² + 26.4 (α_s/π)³ at μ = M (Bondarenko eq. 3.20).

    Parameters
    ----------
    M : float or array
        Scale, the mass of the decaying particle [GeV].

    Returns
    -------
    ndarray
        The dimensionless factor multiplying the partonic width into quarks.
    """
    r = alpha_s(M) / math.pi
    return 1.0 + r + 5.2 * r**2 + 26.4 * r**3
