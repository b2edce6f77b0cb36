"""ALP contributions to the anomalous magnetic moment of a charged lepton, a_ℓ = (g − 2)/2.

Conventions (stated once, used everywhere in this module)
--------------------------------------------------------
The ALP ``a`` couples to a lepton ℓ and to photons through

    L ⊃ (c_ℓℓ / 2) (∂_μ a / f) ℓ̄ γ^μ γ5 ℓ  +  c_γγ (α / 4π) (a / f) F_μν F̃^μν ,

which is the normalisation of Bauer, Neubert, Thamm, JHEP 12 (2017) 044 [arXiv:1708.00443]
for the lepton term (their ``c_ℓℓ``) and of Thongyoi, Pongkitivanichkul, Uttayarat
[arXiv:2502.13002] eq. (2.12) for the photon term (their ``C_γγ``). On shell the derivative
coupling equals a pseudoscalar Yukawa −i y a ℓ̄γ5ℓ with

    y = c_ℓℓ m_ℓ / f ,                       g_aγγ = α c_γγ / (π f)  [GeV⁻¹]

(``L ⊃ (g_aγγ/4) a F F̃``). In the notation of Marciano, Masiero, Paradisi, Passera,
PRD 94 (2016) 115033 [arXiv:1607.01022] (``L ⊃ i y_aℓ a ℓ̄γ5ℓ + g_aγγ/4 a F F̃``) this is
``y_aℓ = −y``: their Barr–Zee term, ``+m_ℓ g_aγγ y_aℓ ln(Λ²/m_a²)/(8π²)``, is therefore
positive when c_ℓℓ c_γγ < 0, exactly as the −(c_μμ c_γγ) term of BNT eq. (47) and of
2502.13002 eq. (3.15b).

The three contributions of 2502.13002 eq. (3.15) (its Fig. 1 a, b, c):

* `a_one_loop` (a): the one-loop ALP exchange, always negative,
  Δa = −(y²/8π²) (m_ℓ²/m_a²) ∫₀¹ dx x³ / (1 − x + x² m_ℓ²/m_a²) = −(y²/16π²) h₁(m_a²/m_ℓ²),
  with BNT's closed form h₁ (`h1_closed`, used as an independent check).
* `a_barr_zee_photon` (b): the two-loop Barr–Zee graph with the ALP–photon vertex, logarithmically
  sensitive to the cut-off Λ of the effective theory:
  Δa = −(m_ℓ y g_aγγ / 4π²) ∫₀¹ dx [ (1−x)(ln(Λ²/(m_ℓ²x² + m_a²(1−x))) − ½)
  − 3 (m_ℓ²/m_a²) x² ln((x² + (m_a²/m_ℓ²)(1−x))/x²) ].
  For m_a ≫ m_ℓ it tends to −(m_ℓ y g_aγγ/8π²) ln(Λ²/m_a²), the leading log of MMPP and BNT.
  The paper prints the argument of the logarithm as ``4π f_a²``; we take Λ = 4π f (BNT's
  μ = Λ = 4π f) by default and expose Λ as an argument.
* `a_barr_zee_lepton_loop` (c): the Barr–Zee graph in which the a γ γ vertex is the lepton loop
  itself (the pseudoscalar Barr–Zee function of two-Higgs-doublet models),
  Δa = (α/8π³) y² ∫₀¹ dx z ln(x(1−x)/z) / (x(1−x) − z),  z = m_ℓ²/m_a² ,
  positive for all masses. The paper prints the denominator as ``z + x(1−x)``, which would make
  (c) negative for m_a ≫ m_ℓ, in contradiction with its own statement that (c) is positive; we
  use the standard sign (the difference is irrelevant for the paper's figures, where (c) is
  below 10⁻¹⁵).

All integrals are done with adaptive quadrature on split intervals so that they stay accurate
(relative 1e-9 against mpmath, see the tests) for m_a from 1 MeV to 1000 TeV (m_a²/m_μ² from
1e-4 to 1e14).

Examples
--------
>>> from darkseesaw.observables import g2
>>> d = g2.delta_a_alp(m_a=1e5, c_ll=-1e4, c_gg=200.0, f=1e4)
>>> bool(d["total"] > 0)
True
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.alp import g_agamma

__all__ = [
    "yukawa",
    "h1_closed",
    "a_one_loop",
    "a_barr_zee_photon",
    "a_barr_zee_lepton_loop",
    "delta_a_alp",
]


def yukawa(c_ll: ArrayLike, f: ArrayLike, m_l: float = ph.m_mu) -> np.ndarray:
    """Pseudoscalar Yukawa y = c_ℓℓ m_ℓ / f of the derivative coupling (c_ℓℓ/2)(∂a/f) ℓ̄γγ5ℓ.

    Parameters
    ----------
    c_ll : float or array
        Dimensionless ALP–lepton coupling (BNT normalisation, see the module docstring).
    f : float or array
        ALP decay constant [GeV].
    m_l : float
        Lepton mass [GeV] (default the muon mass of `darkseesaw.physics`).

    Returns
    -------
    y : float or array
        Dimensionless Yukawa coupling of −i y a ℓ̄γ5ℓ.

    Examples
    --------
    >>> round(float(yukawa(-1e4, 1e4)), 6)
    -0.105658
    """
    return np.asarray(c_ll, dtype=float) * m_l / np.asarray(f, dtype=float)


def h1_closed(x: ArrayLike) -> np.ndarray:
    """BNT's closed form h₁(x), x = m_a²/m_ℓ² (dimensionless), of the one-loop ALP contribution.

    h₁(x) = 1 + 2x + x(1 − x) ln x − 2x(3 − x) √(x/(4 − x)) arccos(√x / 2)
    (Bauer, Neubert, Thamm 1708.00443, below their eq. (47)); continued analytically to x > 4.
    h₁(0) = 1 and h₁(x) → (2 ln x − 11/3)/x for x ≫ 1. Double precision loses digits for
    x ≳ 1e6 through cancellations: use `a_one_loop` (quadrature) for numbers; this closed form is
    kept as an independent reference for moderate x.

    Examples
    --------
    >>> round(float(h1_closed(1e-12)), 6)
    1.0
    """
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        base = 1 + 2 * x + x * (1 - x) * np.log(x)
        below = 2 * x * (3 - x) * np.sqrt(x / (4 - x)) * np.arccos(np.sqrt(x) / 2)
        # x > 4: √(x/(4−x)) arccos(√x/2) → √(x/(x−4)) arccosh(√x/2)
        above = 2 * x * (3 - x) * np.sqrt(x / (x - 4)) * np.arccosh(np.sqrt(x) / 2)
    return np.where(x <= 4, base - below, base - above)


def _quad_vec(fun: Callable[..., float], args_list: Sequence[tuple[Any, ...]],
              breaks: Sequence[Sequence[float]]) -> np.ndarray:
    """Adaptive quadrature of fun(x, *args) over [0, 1] split at the given break points."""
    from scipy.integrate import quad

    out = np.empty(len(args_list))
    for k, (args, bps) in enumerate(zip(args_list, breaks, strict=False)):
        pts = sorted({0.0, 1.0, *[b for b in bps if 0.0 < b < 1.0]})
        tot = 0.0
        with warnings.catch_warnings():  # round-off notices at epsrel 1e-11; tested vs mpmath
            warnings.simplefilter("ignore")
            for lo, hi in zip(pts[:-1], pts[1:], strict=False):
                val, _ = quad(fun, lo, hi, args=args, epsabs=0.0, epsrel=1e-11, limit=200)
                tot += val
        out[k] = tot
    return out


def _one_loop_integral(r: ArrayLike) -> np.ndarray:
    """∫₀¹ x³/(x² + (1−x) r) dx for r = m_a²/m_ℓ² (exact, quadrature in u = 1 − x)."""
    r = np.atleast_1d(np.asarray(r, dtype=float))

    def f(u: float, rr: float) -> float:
        x = 1.0 - u
        return x**3 / (x * x + u * rr)

    breaks = [(1.0 / rr, 10.0 / rr, 0.1 / rr, 1e3 / rr) for rr in r]
    return _quad_vec(f, [(rr,) for rr in r], breaks)


def a_one_loop(m_a: ArrayLike, y: ArrayLike, m_l: float = ph.m_mu) -> np.ndarray:
    """One-loop ALP contribution to a_ℓ, 2502.13002 eq. (3.15a) (Fig. 1a); always ≤ 0.

    Δa = −(y²/8π²) ∫₀¹ dx x³ / (x² + (1 − x) m_a²/m_ℓ²)  = −(y²/16π²) h₁(m_a²/m_ℓ²).

    Parameters
    ----------
    m_a : float or array
        ALP mass [GeV].
    y : float or array
        Pseudoscalar Yukawa (`yukawa`), dimensionless.
    m_l : float
        Lepton mass [GeV].

    Returns
    -------
    numpy.ndarray
        Δa_ℓ (dimensionless), broadcast shape of the inputs.

    Examples
    --------
    >>> bool(a_one_loop(1.0, 0.1) < 0)
    True
    """
    m_a, y = np.broadcast_arrays(np.asarray(m_a, float), np.asarray(y, float))
    integ = _one_loop_integral((m_a / m_l).ravel() ** 2).reshape(m_a.shape)
    return -(y**2) / (8 * math.pi**2) * integ


def _bz_photon_integral(r: ArrayLike, L2: ArrayLike) -> np.ndarray:
    """Integral of eq. (3.15b): ∫₀¹ [(1−x)(ln(L²/(x² + r(1−x))) − ½) − (3/r) x² ln((x²+r(1−x))/x²)].

    r = m_a²/m_ℓ², L2 = Λ²/m_ℓ².
    """
    r, L2 = np.broadcast_arrays(np.atleast_1d(np.asarray(r, float)),
                                np.atleast_1d(np.asarray(L2, float)))

    def f(u: float, rr: float, ll: float) -> float:  # u = 1 − x
        x = 1.0 - u
        d = x * x + rr * u
        t1 = u * (math.log(ll / d) - 0.5)
        # (3/r) x² ln(1 + r(1−x)/x²), written with log1p (stable for small and large r)
        t2 = 0.0 if x == 0.0 else 3.0 / rr * x * x * math.log1p(rr * u / (x * x))
        return t1 - t2

    breaks = [(1.0 / rr, 10.0 / rr, 0.1 / rr, 1e3 / rr, 1.0 - min(1.0, math.sqrt(rr)),
               1.0 - 1e-3 * min(1.0, math.sqrt(rr))) for rr in r]
    return _quad_vec(f, list(zip(r, L2, strict=False)), breaks)


def a_barr_zee_photon(m_a: ArrayLike, y: ArrayLike, g_agg: ArrayLike, Lambda: ArrayLike,
                      m_l: float = ph.m_mu) -> np.ndarray:
    """Barr–Zee ALP–photon contribution to a_ℓ, 2502.13002 eq. (3.15b) (Fig. 1b).

    Δa = −(m_ℓ y g_aγγ / 4π²) I_b(m_a²/m_ℓ², Λ²/m_ℓ²), with I_b the integral in the module
    docstring; for m_a ≫ m_ℓ, I_b → ½ ln(Λ²/m_a²), so the sign is that of −y g_aγγ, i.e. of
    −c_ℓℓ c_γγ (BNT eq. 47; MMPP eq. 8 with y_aℓ = −y). Note that I_b changes sign near m_a ≈ Λ:
    the effective theory (and this formula) lose meaning there.

    Parameters
    ----------
    m_a : float or array
        ALP mass [GeV].
    y : float or array
        Pseudoscalar Yukawa (`yukawa`), dimensionless.
    g_agg : float or array
        ALP–photon coupling [GeV⁻¹] (`g_agamma`).
    Lambda : float or array
        Cut-off of the loop [GeV] (2502.13002 and BNT: Λ = 4π f).
    m_l : float
        Lepton mass [GeV].

    Returns
    -------
    numpy.ndarray
        Δa_ℓ (dimensionless).

    Examples
    --------
    >>> bool(a_barr_zee_photon(1e3, -0.1, 1e-4, 4 * math.pi * 1e4) > 0)
    True
    """
    m_a, y, g_agg, Lambda = np.broadcast_arrays(*(np.asarray(v, float) for v in (m_a, y, g_agg, Lambda)))
    integ = _bz_photon_integral((m_a / m_l).ravel() ** 2, (Lambda / m_l).ravel() ** 2).reshape(m_a.shape)
    return -m_l * y * g_agg / (4 * math.pi**2) * integ


def _bz_lepton_integral(z: ArrayLike) -> np.ndarray:
    """∫₀¹ dx z ln(x(1−x)/z)/(x(1−x) − z), z = m_ℓ²/m_a² (positive integrand)."""
    z = np.atleast_1d(np.asarray(z, float))

    def f(x: float, zz: float) -> float:
        u = x * (1.0 - x)
        if u == 0.0:
            return 0.0
        t = (u - zz) / zz
        if abs(t) < 1e-8:
            g = 1.0 - t / 2.0
        elif t > -0.5:
            g = math.log1p(t) / t
        else:  # u ≪ z (an ALP far lighter than the lepton): 1 + t underflows, use logs
            g = (math.log(u) - math.log(zz)) / t
        return g  # = z ln(u/z)/(u − z)

    breaks: list[list[float]] = []
    for zz in z:
        b: list[float] = []
        if zz < 0.25:  # x(1−x) = z at x = (1 − √(1−4z))/2 on [0, ½]
            x1 = 2.0 * zz / (1.0 + math.sqrt(1.0 - 4.0 * zz))
            b += [x1, 0.1 * x1, 10.0 * x1, 1e-3 * x1]
        breaks.append([v / 0.5 for v in b])  # in units of the half interval, see g below

    def g(s: float, zz: float) -> float:  # the integrand is symmetric under x -> 1 − x: 2 ∫₀^½ = ∫₀¹ ds (x = s/2)
        return f(0.5 * s, zz)

    return _quad_vec(g, [(zz,) for zz in z], breaks)


def a_barr_zee_lepton_loop(m_a: ArrayLike, y: ArrayLike, m_l: float = ph.m_mu,
                           alpha: float = ph.alpha_0) -> np.ndarray:
    """Barr–Zee graph with a lepton loop for the aγγ vertex, 2502.13002 eq. (3.15c) (Fig. 1c).

    Δa = (α/8π³) y² ∫₀¹ dx z ln(x(1−x)/z)/(x(1−x) − z),  z = m_ℓ²/m_a²;  always ≥ 0
    (the standard pseudoscalar Barr–Zee function; see the module docstring for the sign of the
    denominator printed in the paper).

    Parameters
    ----------
    m_a : float or array
        ALP mass [GeV].
    y : float or array
        Pseudoscalar Yukawa (`yukawa`), dimensionless.
    m_l : float
        Lepton mass [GeV] (both the external lepton and the loop lepton).
    alpha : float
        Fine-structure constant (default α(0)).

    Returns
    -------
    numpy.ndarray
        Δa_ℓ (dimensionless).

    Examples
    --------
    >>> bool(a_barr_zee_lepton_loop(10.0, 0.1) > 0)
    True
    """
    m_a, y = np.broadcast_arrays(np.asarray(m_a, float), np.asarray(y, float))
    integ = _bz_lepton_integral((m_l / m_a).ravel() ** 2).reshape(m_a.shape)
    return alpha / (8 * math.pi**3) * y**2 * integ


def delta_a_alp(m_a: ArrayLike, c_ll: ArrayLike, c_gg: ArrayLike, f: ArrayLike,
                Lambda: ArrayLike | None = None, m_l: float = ph.m_mu,
                alpha: float = ph.alpha_0) -> dict[str, np.ndarray]:
    """All three ALP contributions to a_ℓ of 2502.13002 eq. (3.15), and their sum.

    Parameters
    ----------
    m_a : float or array
        ALP mass [GeV].
    c_ll : float or array
        ALP–lepton coupling c_ℓℓ (so that c_ℓℓ/f is the paper's C_μμ/f_a [GeV⁻¹]).
    c_gg : float or array
        ALP–photon coupling C_γγ (so that c_gg/f is the paper's C_γγ/f_a [GeV⁻¹]).
    f : float or array
        ALP decay constant f_a [GeV].
    Lambda : float or array, optional
        Cut-off of the Barr–Zee loop [GeV]; default 4π f.
    m_l : float
        Lepton mass [GeV].
    alpha : float
        Fine-structure constant used in g_aγγ and in (c).

    Returns
    -------
    dict
        ``one_loop``, ``barr_zee_photon``, ``barr_zee_lepton`` and ``total`` (arrays of the
        dimensionless Δa_ℓ).

    Examples
    --------
    >>> d = delta_a_alp(1e5, -1e4, 200.0, 1e4)
    >>> sorted(d)
    ['barr_zee_lepton', 'barr_zee_photon', 'one_loop', 'total']
    """
    f = np.asarray(f, float)
    if Lambda is None:
        Lambda = 4 * math.pi * f
    y = yukawa(c_ll, f, m_l)
    g = g_agamma(c_gg, f, alpha)
    a1 = a_one_loop(m_a, y, m_l)
    a2 = a_barr_zee_photon(m_a, y, g, Lambda, m_l)
    a3 = a_barr_zee_lepton_loop(m_a, y, m_l, alpha)
    return {"one_loop": a1, "barr_zee_photon": a2, "barr_zee_lepton": a3, "total": a1 + a2 + a3}
