r"""Freeze-out estimates of the relic density (cross-checks of the Boltzmann solution).

1. The freeze-out point x_f from the standard iteration (Kolb & Turner, "The Early Universe"
   (1990), eq. 5.45, generalised to ⟨σv⟩(x) as in Griest & Seckel, PRD 43 (1991) 3191):

       x_f = ln[ c(c+2) √(45/8) g_eff,χ m M_Pl ⟨σv⟩(x_f) / (2π³ √(g_eff(T_f) x_f)) ],  c = 1/2,

   where g_eff,χ = g (self-conjugate) and, for a Dirac χ, the χ+χ̄ problem is the self-conjugate
   one with 2g states and ⟨σv⟩/2 (conventions of ``darkseesaw.cosmo.boltzmann``).
2. Ωh² from Y∞ = 1 / [√(π/45) M_Pl m g_*^{1/2}(T_f) ∫_{x_f}^∞ ⟨σv⟩ dx/x²] (Kolb–Turner eq. 5.44
   with the post-freeze-out annihilation integrated; s-wave: ∫ = a/x_f, p-wave ⟨σv⟩ = 6b/x:
   ∫ = 3b/x_f²).
These are estimates, typically within 5–10 % of the Boltzmann solution (``omega_h2``).

Examples
--------
>>> xf = x_freeze_out(100.0, 2e-26)
>>> 20 < float(xf) < 30
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo
from darkseesaw.cosmo.boltzmann import _as_mass, yield_to_omega_h2

__all__ = ["x_freeze_out", "omega_h2_freeze_out"]


def _sv_at(sigma_v: ArrayLike | Callable[[Any], Any], x: np.ndarray, n: int) -> np.ndarray:
    """⟨σv⟩(x) [cm³/s] for points with x of shape (n,)."""
    if callable(sigma_v):
        return np.broadcast_to(np.asarray(sigma_v(x), dtype=float), (n,))
    return np.broadcast_to(np.asarray(sigma_v, dtype=float).reshape(-1)
                           if np.ndim(sigma_v) else np.asarray(sigma_v, dtype=float), (n,))


def x_freeze_out(mass: ArrayLike, sigma_v: ArrayLike | Callable[[Any], Any], *, g: float = 2.0,
                 self_conjugate: bool = True, c: float = 0.5, n_iter: int = 40
                 ) -> np.ndarray | float:
    """Freeze-out point x_f = m/T_f by fixed-point iteration (module docstring, item 1).

    Parameters
    ----------
    mass : float or array (n,)
        Mass [GeV].
    sigma_v : float, array (n,) or callable of x (array (n,) → (n,))
        ⟨σv⟩ [cm³/s] (χχ̄ → all for Dirac).
    g : float
        Internal states of χ alone.
    self_conjugate : bool
        Majorana (True) or Dirac (False).
    c : float
        The O(1) constant defining freeze-out, Y − Y_eq = c Y_eq (Kolb–Turner use c = 1/2).
    n_iter : int
        Iterations (converges to 1e-10 in ~10).

    Returns
    -------
    ndarray or float
        x_f (dimensionless).
    """
    scalar = np.ndim(mass) == 0
    m = _as_mass(mass)
    geff = g if self_conjugate else 2 * g
    fac = 1.0 if self_conjugate else 0.5
    x = np.full(m.shape, 20.0)
    for _ in range(n_iter):
        sv = ph.cm3_per_s_to_invGeV2(fac * _sv_at(sigma_v, x, m.size))
        gst = thermo.g_star(m / x)
        arg = c * (c + 2) * math.sqrt(45.0 / 8.0) * geff * m * ph.M_Pl * sv / (
            2 * math.pi**3 * np.sqrt(gst * x))
        x_new = np.log(np.maximum(arg, 1.0 + 1e-12))
        x_new = np.maximum(x_new, 1.0)
        if np.allclose(x_new, x, rtol=1e-12, atol=0):
            x = x_new
            break
        x = x_new
    return float(x[0]) if scalar else x


def omega_h2_freeze_out(mass: ArrayLike, sigma_v: ArrayLike | Callable[[Any], Any], *,
                        g: float = 2.0, self_conjugate: bool = True, c: float = 0.5
                        ) -> np.ndarray | float:
    """Freeze-out estimate of Ωh² (module docstring, item 2); total of χ + χ̄ for Dirac.

    Parameters are those of ``x_freeze_out`` (mass [GeV], ⟨σv⟩ [cm³/s]).

    Returns
    -------
    ndarray or float
        Ωh² (dimensionless).

    Examples
    --------
    >>> round(float(omega_h2_freeze_out(100.0, 2.1e-26)), 2)
    0.12
    """
    scalar = np.ndim(mass) == 0
    m = _as_mass(mass)
    xf = np.atleast_1d(x_freeze_out(m, sigma_v, g=g, self_conjugate=self_conjugate, c=c))
    fac = 1.0 if self_conjugate else 0.5
    if callable(sigma_v):
        # ∫_{x_f}^∞ ⟨σv⟩/x² dx = ∫_0^{1/x_f} ⟨σv⟩(1/z) dz (Gauss–Legendre in z)
        z, w = np.polynomial.legendre.leggauss(64)
        zz = 0.5 * (z[:, None] + 1.0) / xf[None, :]
        vals = np.array([_sv_at(sigma_v, 1.0 / zz[k], m.size) for k in range(zz.shape[0])])
        J = 0.5 / xf * (w[:, None] * vals).sum(0)
    else:
        J = _sv_at(sigma_v, xf, m.size) / xf
    J = ph.cm3_per_s_to_invGeV2(fac * J)
    lam = math.sqrt(math.pi / 45.0) * ph.M_Pl * m * thermo.g_star_half(m / xf)
    om = yield_to_omega_h2(m, 1.0 / (lam * J))
    return float(om[0]) if scalar else om


