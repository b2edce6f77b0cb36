r"""Dark radiation: ΔN_eff of a species that decoupled at T_dec, and the decoupling temperature.

A species X with g internal states that decouples from the SM plasma at T_dec while
relativistic keeps its comoving entropy; the SM entropy released afterwards heats the plasma.
Relative to a neutrino (which decouples at T ≈ 2 MeV, when h_eff = 43/4):

    T_X/T_ν = (h_eff(T_ν,dec)/h_eff(T_dec))^{1/3} = (43/4 / g_*s(T_dec))^{1/3},
    ΔN_eff  = (g/2) (T_X/T_ν)⁴        (fermion; a Weyl/Majorana fermion has g = 2),
    ΔN_eff  = (4/7) g (T_X/T_ν)⁴      (boson),

with g_*s from the Saikawa–Shirai (2018) table (valid for T_dec ≳ 5 MeV; below, X would share
the e± entropy with the neutrinos only partially).

A paper that writes ΔN_eff = (11/(2 g*(T_dec)))^{4/3} (``bl-zprime`` eq. 3.9) leaves out the
neutrino entropy (11/2 = 2·(11/4) in place of 43/4) and underestimates ΔN_eff by
(43/22)^{4/3} = 2.44; that formula lives with its paper (`darkseesaw.papers.bl_zprime`).

The decoupling temperature solves Γ(T_dec) = H(T_dec) with H = √(4π³ g_eff/45) T²/M_Pl
(``bl-zprime`` eq. 3.10 is the special case Γ ∝ T⁵/M_Z'⁴).

Examples
--------
>>> round(float(delta_neff(1e3)), 4)        # a Weyl fermion decoupled above the EW scale
0.0484
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo

__all__ = ["delta_neff", "decoupling_temperature", "H_EFF_NU_DECOUPLING"]

H_EFF_NU_DECOUPLING: float = 43.0 / 4.0
"""h_eff of the SM plasma at neutrino decoupling (γ, e±, 3 ν): 2 + (7/8)(4 + 6) = 43/4."""


def delta_neff(T_dec: ArrayLike, g: float = 2.0, *, fermion: bool = True,
               g_star_s: ArrayLike | None = None) -> np.ndarray:
    r"""ΔN_eff of a relativistic species decoupled at T_dec (module docstring).

    Parameters
    ----------
    T_dec : float or array
        Decoupling temperature [GeV] (≳ 5×10⁻³).
    g : float
        Internal degrees of freedom of X (2 for a Weyl fermion, ω of ``bl-zprime``; 1 for a
        real scalar; 2 for a massless vector's helicities).
    fermion : bool
        Fermi–Dirac (True) or Bose–Einstein species.
    g_star_s : float or array, optional
        g_*s(T_dec) to use instead of the Saikawa–Shirai table (dimensionless).

    Returns
    -------
    ndarray
        ΔN_eff (dimensionless) = (g/2 or 4g/7) (43/4 / g_*s(T_dec))^{4/3}.

    Examples
    --------
    >>> round(float(delta_neff(1e3, g=1, fermion=False)), 4)   # a real scalar (Goldstone)
    0.0277
    """
    T = np.asarray(T_dec, dtype=float)
    hs = thermo.g_star_s(T) if g_star_s is None else np.asarray(g_star_s, dtype=float)
    ratio4 = (H_EFF_NU_DECOUPLING / hs) ** (4.0 / 3.0)
    pref = g / 2.0 if fermion else 4.0 * g / 7.0
    return pref * ratio4


def decoupling_temperature(rate: Callable[[np.ndarray], Any], *, T_min: float = 1e-4,
                           T_max: float = 1e8, M_Pl: float = ph.M_Pl, n_iter: int = 200,
                           rtol: float = 1e-10) -> np.ndarray | float:
    r"""Temperature where an interaction rate equals the Hubble rate, Γ(T_dec) = H(T_dec).

    Vectorised bisection in ln T on [T_min, T_max]; assumes Γ/H grows with T across the
    crossing (the usual case, e.g. Γ ∝ T⁵/M⁴ for a heavy mediator). Where Γ/H − 1 does not
    change sign in the interval the result is NaN.

    Parameters
    ----------
    rate : callable
        Γ(T) [GeV] of the temperature [GeV]; called with an array of shape (n,) (the current
        temperatures of n independent problems) and must return shape (n,) or a scalar
        broadcastable to it (n = 1 for a scalar problem).
    T_min, T_max : float
        Bracket [GeV].
    M_Pl : float
        Non-reduced Planck mass used in H [GeV].
    n_iter, rtol : int, float
        Bisection steps at most, and the tolerance on ln T.

    Returns
    -------
    ndarray or float
        T_dec [GeV].

    Examples
    --------
    >>> import math
    >>> T = decoupling_temperature(lambda T: 1e-12 * T**5)
    >>> abs(1e-12 * T**5 / float(thermo.hubble(T)) - 1) < 1e-8
    True
    """
    lo = np.log(T_min)
    hi = np.log(T_max)
    f_lo = np.asarray(rate(np.atleast_1d(np.exp(lo))), dtype=float)
    n = max(np.size(f_lo), 1)
    a = np.full(n, lo)
    b = np.full(n, hi)

    def F(lnT: np.ndarray) -> np.ndarray:
        T = np.exp(lnT)
        return np.log(np.broadcast_to(np.asarray(rate(T), dtype=float), (n,))) - np.log(
            thermo.hubble(T, M_Pl=M_Pl))

    fa, fb = F(a), F(b)
    bad = ~(np.sign(fa) * np.sign(fb) <= 0)
    for _ in range(n_iter):
        mid = 0.5 * (a + b)
        fm = F(mid)
        left = np.sign(fm) == np.sign(fa)
        a = np.where(left, mid, a)
        fa = np.where(left, fm, fa)
        b = np.where(left, b, mid)
        if np.all(b - a < rtol):
            break
    T = np.exp(0.5 * (a + b))
    T = np.where(bad, np.nan, T)
    return float(T[0]) if n == 1 else T
