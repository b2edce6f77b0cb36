r"""Thermal averages ⟨σv⟩(x) of annihilation cross sections.

Gondolo–Gelmini single integral (P. Gondolo and G. Gelmini, Nucl. Phys. B360 (1991) 145,
eq. 3.8), for two initial particles of equal mass m in Maxwell–Boltzmann equilibrium at
T = m/x, with v the Møller velocity:

    ⟨σv⟩(x) = 1/(8 m⁴ T K2(x)²) ∫_{4m²}^∞ σ(s) (s − 4m²) √s K1(√s/T) ds
            = 4x/K2(x)² ∫_0^∞ σ ε √(1+ε) K1(2x√(1+ε)) dε,        s = 4m²(1+ε).

It is independent of the internal degrees of freedom: σ(s) is the cross section of the pair
(χχ for self-conjugate, χχ̄ for Dirac dark matter), summed over final states and averaged
over initial spins. Numerically we substitute t = 2x(√(1+ε) − 1) (the kinetic energy of the
pair in units of T) and use the exponentially scaled Bessel functions K_ν(z)e^z, so that

    ⟨σv⟩ = 4/(x K̂2(x)²) ∫_0^∞ dt e^{−t} t σ(s(t)) (1 + t/4x)(1 + t/2x)² K̂1(2x + t),

which neither underflows nor overflows for 10⁻² ≤ x ≤ 10⁵. Smooth σ: generalised
Gauss–Laguerre quadrature (weight √t e^{−t}, exact for the threshold behaviours σ ∝ v^{±1} of
s- and p-wave); resonances and thresholds: adaptive quadrature (scipy ``quad``) with
break points at the peak (geometric in units of the width) and at the thresholds.

Cross sections σ(s) are in GeV⁻² and s in GeV²; the averages are returned in GeV⁻²
(c = 1), or in cm³/s with ``units="cm3/s"``.

Also here: the partial-wave average a + 6b/x and the narrow-width resonance limit (``hnl-inflaton``
eq. 3.16 is its special case; that paper's integrals F(x), F̄(x) live with it, in
`darkseesaw.papers.hnl_inflaton.formulas`).

Examples
--------
>>> import numpy as np
>>> m = 100.0
>>> sig = lambda s: 1e-9 / (2 * np.sqrt(1 - 4 * m**2 / s))   # σ v_rel = 1e-9 GeV⁻² (s-wave)
>>> round(float(thermal_average(sig, m, 1e4)) / 1e-9, 3)
1.0
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.integrate import quad
from scipy.special import kve, roots_genlaguerre

from darkseesaw import physics as ph

__all__ = [
    "thermal_average",
    "thermal_average_interpolator",
    "sigma_v_partial_wave",
    "sigma_from_partial_wave",
    "sigma_v_narrow_resonance",
    "breit_wigner_sigma",
]


@lru_cache(maxsize=8)
def _genlag(n: int, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    t, w = roots_genlaguerre(n, alpha)
    return t, w


def _convert(val: Any, units: str) -> Any:
    if units == "GeV-2":
        return val
    if units == "cm3/s":
        return ph.invGeV2_to_cm3_per_s(val)
    raise ValueError(f"units must be 'GeV-2' or 'cm3/s', not {units!r}")


def _kernel(t: float | np.ndarray, x: float | np.ndarray) -> np.ndarray:
    """t (1 + t/4x)(1 + t/2x)² K̂1(2x + t), the smooth factor of the t-integrand."""
    return t * (1 + t / (4 * x)) * (1 + t / (2 * x)) ** 2 * kve(1, 2 * x + t)


def _s_of_t(t: float | np.ndarray, x: float | np.ndarray, m: float | np.ndarray) -> float | np.ndarray:
    return 4 * m**2 * (1 + t / (2 * x)) ** 2


def thermal_average(sigma: Callable[[Any], Any], mass: ArrayLike, x: ArrayLike, *,
                    resonances: Sequence[tuple[float, float]] = (),
                    thresholds: Sequence[float] = (), method: str = "auto",
                    n_nodes: int = 96, units: str = "GeV-2", epsrel: float = 1e-9
                    ) -> np.ndarray:
    r"""Gondolo–Gelmini thermal average ⟨σv⟩(x) of a cross section σ(s).

    Parameters
    ----------
    sigma : callable
        σ(s) [GeV⁻²] of the Mandelstam s [GeV²]; should accept numpy arrays (method
        "laguerre" calls it once with an array of shape x.shape + (n_nodes,)).
        Must vanish below any threshold it has.
    mass : float or array
        Mass m of each initial particle [GeV] (broadcast with x).
    x : float or array
        m/T (dimensionless, 10⁻² ≲ x ≲ 10⁵).
    resonances : sequence of (M, Γ)
        s-channel poles, mass and width [GeV]: break points for the adaptive quadrature.
    thresholds : sequence of float
        √s values [GeV] where σ switches on or has a kink (final-state thresholds,
        forbidden channels).
    method : {"auto", "laguerre", "adaptive"}
        "laguerre": fixed generalised Gauss–Laguerre rule, vectorised (smooth σ, s- and
        p-wave thresholds at 4m²); "adaptive": scipy.quad per x with break points; "auto":
        adaptive if resonances or thresholds are given, otherwise laguerre.
    n_nodes : int
        Nodes of the Laguerre rule.
    units : {"GeV-2", "cm3/s"}
        Units of the result.
    epsrel : float
        Relative tolerance of the adaptive quadrature.

    Returns
    -------
    ndarray
        ⟨σv⟩ [GeV⁻² or cm³/s, see ``units``] with the broadcast shape of (mass, x).

    Notes
    -----
    Equation: Gondolo & Gelmini (1991) eq. 3.8 (see module docstring), MB statistics.

    Examples
    --------
    >>> m = 10.0
    >>> sig = lambda s: 3e-9 * np.sqrt(1 - 4 * m**2 / s) / 2   # σ v_rel = b v², b = 3e-9/4
    >>> r = thermal_average(sig, m, 2000.0) / (6 * 3e-9 / 4 / 2000.0)
    >>> round(float(r), 2)
    1.0
    """
    if method not in ("auto", "laguerre", "adaptive"):
        raise ValueError(f"method must be 'auto', 'laguerre' or 'adaptive', not {method!r}")
    if method == "auto":
        method = "adaptive" if (len(resonances) or len(thresholds)) else "laguerre"
    m, xx = np.broadcast_arrays(np.asarray(mass, dtype=float), np.asarray(x, dtype=float))
    pref = 4.0 / (xx * kve(2, xx) ** 2)
    if method == "laguerre":
        t, w = _genlag(int(n_nodes), 0.5)
        xe = xx[..., None]
        me = m[..., None]
        sig = np.asarray(sigma(_s_of_t(t, xe, me)), dtype=float)
        integ = (w * sig * _kernel(t, xe) / np.sqrt(t)).sum(-1)
        return _convert(pref * integ, units)

    out = np.empty(xx.shape)
    for idx in np.ndindex(xx.shape):
        xi, mi = float(xx[idx]), float(m[idx])

        def f(t: float, xi: float = xi, mi: float = mi) -> float:
            s = 4 * mi**2 * (1 + t / (2 * xi)) ** 2
            return math.exp(-t) * float(sigma(s)) * float(_kernel(t, xi))

        pts: list[float] = []
        for M, G in resonances:
            tR = 2 * xi * (M / (2 * mi) - 1)
            wdt = max(G * xi / (2 * mi), 1e-300)
            pts += [tR + k * wdt for k in (-1e4, -1e2, -10, -3, -1, 0, 1, 3, 10, 1e2, 1e4)]
        for rs in thresholds:
            pts.append(2 * xi * (rs / (2 * mi) - 1))
        t_max = min(max([0.0] + [p for p in pts if p > 0]) + 80.0, 745.0)  # e^{-745} ~ 0
        pts = sorted({p for p in pts if 0 < p < t_max})
        edges = [0.0, *pts, t_max]
        segs = [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]
        # pass 1: the scale of the integral; pass 2: each segment to epsrel of the total
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scale = sum(abs(quad(f, a, b, epsrel=1e-4, limit=100)[0]) for a, b in segs)
        total = 0.0
        for a, b in segs:
            total += quad(f, a, b, epsrel=epsrel, epsabs=1e-3 * epsrel * scale, limit=400)[0]
        out[idx] = total
    return _convert(pref * out, units)


def thermal_average_interpolator(sigma: Callable[[Any], Any], mass: float, *, x_min: float = 0.5,
                                 x_max: float = 1e5, n_x: int = 200, units: str = "cm3/s",
                                 **kwargs: Any) -> Callable[[ArrayLike], np.ndarray]:
    """Tabulate ⟨σv⟩(x) once and return a fast callable of x (log-log linear interpolation).

    Meant as the ``sigma_v`` argument of ``omega_h2`` for cross sections with resonances or
    thresholds, whose Gondolo–Gelmini average is expensive. Outside [x_min, x_max] the end
    values are extrapolated as power laws.

    Parameters
    ----------
    sigma : callable
        σ(s) [GeV⁻²] of s [GeV²].
    mass : float
        Mass [GeV].
    x_min, x_max, n_x : float, float, int
        Grid (log-spaced) in x = m/T.
    units : str
        Units of the callable's output (default cm³/s, what ``omega_h2`` expects).
    **kwargs
        Passed to ``thermal_average`` (resonances, thresholds, method, ...).

    Returns
    -------
    callable
        f(x) → ⟨σv⟩ [cm³/s, or GeV⁻² with ``units="GeV-2"``].

    Examples
    --------
    >>> from darkseesaw.cosmo import omega_h2
    >>> m, M = 100.0, 210.0
    >>> sig = breit_wigner_sigma(m, M, 2.0, 1e-4, 1.4, J=1)
    >>> sv = thermal_average_interpolator(sig, m, resonances=[(M, 2.0)], n_x=40)
    >>> 0 < omega_h2(m, sv) < 1
    True
    """
    xg = np.geomspace(x_min, x_max, n_x)
    sv = thermal_average(sigma, mass, xg, units=units, **kwargs)
    tiny = np.finfo(float).tiny
    lx, ls = np.log(xg), np.log(np.maximum(sv, tiny))
    sl_lo = (ls[1] - ls[0]) / (lx[1] - lx[0])
    sl_hi = (ls[-1] - ls[-2]) / (lx[-1] - lx[-2])

    def f(x: ArrayLike) -> np.ndarray:
        lxx = np.log(np.asarray(x, dtype=float))
        val = np.interp(lxx, lx, ls)
        val = np.where(lxx < lx[0], ls[0] + sl_lo * (lxx - lx[0]), val)
        val = np.where(lxx > lx[-1], ls[-1] + sl_hi * (lxx - lx[-1]), val)
        return np.exp(val)

    return f


# ------------------------------------------------------------------------------------------
# partial waves
# ------------------------------------------------------------------------------------------
def sigma_v_partial_wave(x: float | np.ndarray, a: float | np.ndarray, b: float | np.ndarray = 0.0) -> float | np.ndarray:
    """Leading non-relativistic average of σv_rel = a + b v² : ⟨σv⟩ = a + 6b/x.

    v is the relative velocity of the pair (⟨v²⟩ = 6T/m). Units are those of a and b.

    Parameters
    ----------
    x : float or array
        m/T (dimensionless).
    a, b : float or array
        s-wave and p-wave coefficients (any unit of σv: GeV⁻² or cm³/s).

    Examples
    --------
    >>> sigma_v_partial_wave(20.0, 1e-26, 2e-26)
    1.6e-26
    """
    return a + 6.0 * b / np.asarray(x, dtype=float) if np.ndim(x) else a + 6.0 * b / x


def sigma_from_partial_wave(a: float | np.ndarray, b: float | np.ndarray, mass: float) -> Callable[[ArrayLike], np.ndarray]:
    """σ(s) [GeV⁻²] whose σ v_rel equals a + b v_rel² exactly, v_rel = 2√(1 − 4m²/s).

    v_rel is the relative velocity in the centre-of-mass frame (the Møller velocity there).
    Feed it to ``thermal_average`` for the exact average of a partial-wave expansion
    (a, b in GeV⁻², mass in GeV; the returned σ takes s in GeV²).
    """

    def sigma(s: ArrayLike) -> np.ndarray:
        s = np.asarray(s, dtype=float)
        v = 2 * np.sqrt(np.clip(1 - 4 * mass**2 / s, 0.0, None))
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(v > 0, (a + b * v**2) / np.where(v > 0, v, 1.0), 0.0)

    return sigma


# ------------------------------------------------------------------------------------------
# resonances
# ------------------------------------------------------------------------------------------
def breit_wigner_sigma(mass: float, M: float, Gamma: float, Gamma_in: float, Gamma_out: float, *,
                       J: int = 0, g_in: tuple[int, int] = (2, 2), identical: bool = False,
                       running_width: bool = False) -> Callable[[ArrayLike], np.ndarray]:
    r"""Relativistic Breit–Wigner σ(s) [GeV⁻²] for χχ̄ → R → f through an s-channel resonance.

        σ(s) = (2J+1)/(g₁g₂) · 16π/(s − 4m²) · M² Γ_in Γ_out / [(s − M²)² + M²Γ²] · S,

    with Γ_in = Γ(R → χχ̄), Γ_out = Γ(R → f) (both at the pole), S = 2 for identical initial
    particles (Majorana χχ; Γ_in then contains its 1/2), else 1. With ``running_width`` the
    width in the denominator is Γ √s/M. In the narrow-width limit this integrates to
    ``sigma_v_narrow_resonance``. ``mass`` (m), ``M`` and the widths are in GeV; the returned
    σ(s) takes s in GeV².
    """
    S = 2.0 if identical else 1.0

    def sigma(s: ArrayLike) -> np.ndarray:
        s = np.asarray(s, dtype=float)
        G = Gamma * np.sqrt(s) / M if running_width else Gamma
        with np.errstate(divide="ignore", invalid="ignore"):
            val = (2 * J + 1) / (g_in[0] * g_in[1]) * 16 * math.pi / (s - 4 * mass**2) * \
                M**2 * Gamma_in * Gamma_out / ((s - M**2) ** 2 + M**2 * G**2) * S
        return np.where(s > 4 * mass**2, val, 0.0)

    return sigma


def sigma_v_narrow_resonance(x: ArrayLike, mass: float, M: float, Gamma_in: float,
                             BR_out: float = 1.0, *, J: int = 0, g_in: tuple[int, int] = (2, 2),
                             identical: bool = False, units: str = "GeV-2") -> np.ndarray:
    r"""Narrow-width limit of the thermal average through an s-channel resonance R (M > 2m).

    Replacing the Breit–Wigner by (π/MΓ) δ(s − M²) in the Gondolo–Gelmini integral:

        ⟨σv⟩ = (2J+1)/(g₁g₂) · S · 2π² Γ_in BR_out M² x K1(2xy) / (m⁵ K2(x)²),   y = M/2m,

    with S = 2 for identical initial particles. For a scalar s coupled as g_s s N̄N to a Dirac
    N (Γ_in = g_s² M (1 − 1/y²)^{3/2}/8π, g₁ = g₂ = 2, BR = 1) this is eq. 3.16 of
    ``hnl-inflaton``: ⟨σv⟩ = π g_s²/(2m²) (y² − 1)^{3/2} x K1(2xy)/K2(x)².

    Parameters
    ----------
    x : float or array
        m/T (dimensionless).
    mass : float
        m [GeV].
    M : float
        Resonance mass [GeV] (> 2m, otherwise 0 is returned).
    Gamma_in : float
        Partial width R → χχ̄ [GeV].
    BR_out : float
        Branching ratio of R into the final states counted.
    J : int
        Spin of R.
    g_in : (int, int)
        Internal states of the two initial particles.
    identical : bool
        Identical initial particles (factor 2).
    units : {"GeV-2", "cm3/s"}
        Units of the result.

    Returns
    -------
    ndarray
        ⟨σv⟩ in ``units``.
    """
    x = np.asarray(x, dtype=float)
    y = M / (2 * mass)
    if y <= 1:
        return np.zeros_like(x)
    S = 2.0 if identical else 1.0
    ratio = kve(1, 2 * x * y) / kve(2, x) ** 2 * np.exp(-2 * x * (y - 1))
    val = (2 * J + 1) / (g_in[0] * g_in[1]) * S * 2 * math.pi**2 * Gamma_in * BR_out * \
        M**2 * x * ratio / mass**5
    return _convert(val, units)


