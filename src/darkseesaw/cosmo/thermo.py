"""Thermodynamics of the Standard-Model plasma: ``g*(T)``, ``g*s(T)``, H(T), s(T), equilibrium yields.

The effective numbers of degrees of freedom come from the lattice-based tabulation of
K. Saikawa and S. Shirai, JCAP 05 (2018) 035 [arXiv:1803.01038] (package data, see
``darkseesaw/cosmo/data/README.md``). Notation:

* ``g_star(T)``   = g_eff(T) = g_*ρ(T), defined by ρ = (π²/30) g_eff T⁴;
* ``g_star_s(T)`` = h_eff(T) = g_*s(T), defined by s = (2π²/45) h_eff T³;
* ``g_star_half(T)`` = g_*^{1/2}(T) = h_eff/√g_eff · (1 + ⅓ d ln h_eff / d ln T), the
  combination that enters the Boltzmann equation in x = m/T (Gondolo & Gelmini,
  Nucl. Phys. B360 (1991) 145, eq. 3.5).

Interpolation: ln g is linear in ln T between the 9956 tabulated points (ΔlnT ≈ 0.005, so the
QCD crossover is resolved by ~ 300 points), evaluated through a uniform resampling 4x finer than
the table (relative difference < 1e-6 from the piecewise-linear table); outside
2×10⁻⁶–10¹⁷ GeV g is held constant.
Derivatives come from centred differences on the table, smoothed over ΔlnT ≈ 0.02 (a 1.3 %
step of the table at T = 0.12 GeV would otherwise give a one-cell spike).

Temperatures and masses are in GeV; the Planck mass is the non-reduced M_Pl = G^(-1/2)
(``darkseesaw.physics.M_Pl``), so that H = √(4π³ g_eff/45) T²/M_Pl ≈ 1.66 √g_eff T²/M_Pl.

Examples
--------
>>> from darkseesaw.cosmo import thermo
>>> round(float(thermo.g_star(1e3)), 1), round(float(thermo.g_star_s(1e-5)), 2)
(104.2, 3.93)
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = [
    "g_star",
    "g_star_s",
    "dlng_star_dlnT",
    "dlng_star_s_dlnT",
    "g_star_half",
    "hubble",
    "entropy_density",
    "energy_density",
    "n_eq",
    "Y_eq",
    "Y_eq_MB",
    "table",
]

_DATA_FILE = "saikawa_shirai_2018_standardmodel_geff.dat"


def _smooth(y: np.ndarray, sigma_points: float = 4.0) -> np.ndarray:
    """Gaussian smoothing (σ = 4 table steps, ΔlnT ≈ 0.02) of a derivative column.

    The table has a 1.3 % step in g at T = 0.1205 GeV (where two descriptions of the QCD
    crossover are joined) which makes the raw centred difference spike in one cell; the
    smoothed derivative keeps its integral (the step in ln g) and is free of the spike.
    """
    k = np.arange(-int(4 * sigma_points), int(4 * sigma_points) + 1)
    w = np.exp(-0.5 * (k / sigma_points) ** 2)
    w /= w.sum()
    pad = len(k) // 2
    yp = np.concatenate([np.full(pad, y[0]), y, np.full(pad, y[-1])])
    return np.convolve(yp, w, mode="valid")


@lru_cache(maxsize=1)
def table() -> dict[str, np.ndarray]:
    """The Saikawa–Shirai (2018) table with derived columns (cached).

    Returns
    -------
    dict
        ``lnT`` (ln T/GeV), ``lng`` (ln g_eff), ``lnh`` (ln h_eff), ``dlng`` and ``dlnh``
        (d ln g/d ln T), ``g_err``, ``h_err`` (the table's quoted errors), all 1-D arrays.
    """
    with resources.files("darkseesaw.cosmo.data").joinpath(_DATA_FILE).open("r") as f:
        d = np.loadtxt(f)
    lnT = np.log(d[:, 0])
    lng = np.log(d[:, 1])
    lnh = np.log(d[:, 3])
    dlnh = _smooth(np.gradient(lnh, lnT))
    return {
        "lnT": lnT,
        "lng": lng,
        "lnh": lnh,
        "dlng": _smooth(np.gradient(lng, lnT)),
        "dlnh": dlnh,
        "gsh": np.exp(lnh - 0.5 * lng) * (1.0 + dlnh / 3.0),
        "g_err": d[:, 2],
        "h_err": d[:, 4],
    }


_RESAMPLE = 4  # uniform grid 4x finer than the table's typical step


@lru_cache(maxsize=1)
def _uniform() -> tuple[float, float, int, dict[str, np.ndarray]]:
    """The table columns resampled on a uniform ln T grid (4x finer than the table), so that
    interpolation is index arithmetic instead of a binary search (10x faster in the solvers)."""
    t = table()
    step = float(np.median(np.diff(t["lnT"]))) / _RESAMPLE
    n = int(np.ceil((t["lnT"][-1] - t["lnT"][0]) / step)) + 1
    grid = t["lnT"][0] + step * np.arange(n)
    cols = {k: np.interp(grid, t["lnT"], t[k]) for k in ("lng", "lnh", "dlng", "dlnh", "gsh")}
    return float(grid[0]), step, n, cols


def _interp(T: ArrayLike, key: str) -> np.ndarray:
    """Linear interpolation in ln T of a table column (held constant outside the table)."""
    x0, step, n, cols = _uniform()
    y = cols[key]
    pos = (np.log(np.asarray(T, dtype=float)) - x0) / step
    bad = np.isnan(pos)  # T = NaN (a failed upstream computation): NaN, not a wild index
    if np.any(bad):
        pos = np.where(bad, 0.0, pos)
    pos = np.clip(pos, 0.0, n - 1.000001)
    i = pos.astype(np.intp)
    f = pos - i
    out = y[i] * (1.0 - f) + y[i + 1] * f
    return np.where(bad, np.nan, out) if np.any(bad) else out


def g_star(T: ArrayLike) -> np.ndarray:
    """Energy-density degrees of freedom g_eff(T) = g_*ρ(T) of the SM plasma.

    Parameters
    ----------
    T : float or array
        Photon temperature [GeV].

    Returns
    -------
    ndarray
        g_eff, with ρ_rad = (π²/30) g_eff T⁴ (Saikawa & Shirai 2018).

    Examples
    --------
    >>> round(float(g_star(1e-5)), 2)
    3.38
    """
    return np.exp(_interp(T, "lng"))


def g_star_s(T: ArrayLike) -> np.ndarray:
    """Entropy degrees of freedom h_eff(T) = g_*s(T), with s = (2π²/45) h_eff T³.

    Parameters
    ----------
    T : float or array
        Photon temperature [GeV].

    Returns
    -------
    ndarray
        h_eff (dimensionless).

    Examples
    --------
    >>> round(float(g_star_s(1e3)), 1)
    104.2
    """
    return np.exp(_interp(T, "lnh"))


def dlng_star_dlnT(T: ArrayLike) -> np.ndarray:
    """d ln g_eff / d ln T (dimensionless) at T [GeV], from centred differences on the table."""
    return _interp(T, "dlng")


def dlng_star_s_dlnT(T: ArrayLike) -> np.ndarray:
    """d ln h_eff / d ln T (dimensionless) at T [GeV], from centred differences on the table."""
    return _interp(T, "dlnh")


def g_star_half(T: ArrayLike) -> np.ndarray:
    """g_*^{1/2}(T) = h_eff/√g_eff · (1 + ⅓ d ln h_eff/d ln T) (dimensionless).

    The factor of the Boltzmann equation in x = m/T (Gondolo & Gelmini 1991, eq. 3.5;
    Edsjö & Gondolo, PRD 56 (1997) 1879, eq. 5): it accounts for dT/dt ≠ −HT while h_eff varies.

    Parameters
    ----------
    T : float or array
        Temperature [GeV].
    """
    return _interp(T, "gsh")


def hubble(T: ArrayLike, M_Pl: float = ph.M_Pl) -> np.ndarray:
    """Hubble rate H(T) = √(4π³ g_eff(T)/45) T²/M_Pl in the radiation era [GeV].

    Parameters
    ----------
    T : float or array
        Temperature [GeV].
    M_Pl : float
        Non-reduced Planck mass [GeV] (default PDG 2024, 1.22089×10¹⁹).

    Examples
    --------
    >>> f"{float(hubble(1.0)):.3e}"
    '1.136e-18'
    """
    T = np.asarray(T, dtype=float)
    return np.sqrt(4.0 * math.pi**3 * g_star(T) / 45.0) * T**2 / M_Pl


def entropy_density(T: ArrayLike) -> np.ndarray:
    """Entropy density s(T) = (2π²/45) h_eff(T) T³ [GeV³] at the temperature T [GeV]."""
    T = np.asarray(T, dtype=float)
    return 2.0 * math.pi**2 / 45.0 * g_star_s(T) * T**3


def energy_density(T: ArrayLike) -> np.ndarray:
    """Radiation energy density ρ(T) = (π²/30) g_eff(T) T⁴ [GeV⁴] at the temperature T [GeV]."""
    T = np.asarray(T, dtype=float)
    return math.pi**2 / 30.0 * g_star(T) * T**4


# ------------------------------------------------------------------------------------------
# Equilibrium number densities and yields
# ------------------------------------------------------------------------------------------
def _n_quantum_over_T3(x: ArrayLike, eta: float) -> np.ndarray:
    """n/(g T³) for Fermi-Dirac (eta=+1) or Bose-Einstein (eta=-1) statistics, μ = 0.

    n = g/(2π²) T³ ∫ p² dp / (e^E + eta), E = √(p² + x²) in units of T.
    x > 0.2: the convergent series Σ_k (−eta)^{k+1} x² K2(kx)/k /(2π²) (200 terms);
    x ≤ 0.2: adaptive quadrature in p (scipy quad, rtol 1e-12), one x at a time.
    """
    from scipy.special import kve

    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    big = x > 0.2
    if np.any(big):
        xb = x[big]
        acc = np.zeros_like(xb)
        for k in range(1, 201):
            term = xb**2 * kve(2, k * xb) * np.exp(-k * xb) / k
            acc += (-eta) ** (k + 1) * term
        out[big] = acc / (2 * math.pi**2)
    if np.any(~big):
        from scipy.integrate import quad

        def integrand(p: float, xi: float) -> float:
            E = math.sqrt(p * p + xi * xi)
            return p * p * math.exp(-E) / (1.0 + eta * math.exp(-E))

        vals = []
        for xi in x[~big]:
            pts = [0.0, max(xi, 1e-8), 1.0, 10.0, 60.0]
            v = sum(quad(integrand, a, b, args=(xi,), epsabs=0, epsrel=1e-12, limit=200)[0]
                    for a, b in zip(pts[:-1], pts[1:], strict=True) if b > a)
            vals.append(v)
        out[~big] = np.array(vals) / (2 * math.pi**2)
    return out


def n_eq(mass: ArrayLike, T: ArrayLike, g: float = 2.0, statistics: str = "MB") -> np.ndarray:
    """Equilibrium number density at zero chemical potential [GeV³].

    Parameters
    ----------
    mass : float or array
        Particle mass [GeV] (≥ 0).
    T : float or array
        Temperature [GeV].
    g : float
        Internal degrees of freedom (spin × colour ...; 2 for a spin-½ particle, its
        antiparticle NOT included).
    statistics : {"MB", "FD", "BE"}
        Maxwell–Boltzmann n = g m² T K2(m/T)/(2π²), Fermi–Dirac or Bose–Einstein.

    Examples
    --------
    >>> import math
    >>> r = n_eq(0.0, 1.0, g=1, statistics="BE") / (1.2020569031595942 / math.pi**2)
    >>> round(float(r), 8)
    1.0
    """
    mass = np.asarray(mass, dtype=float)
    T = np.asarray(T, dtype=float)
    x = mass / T
    if statistics == "MB":
        from scipy.special import kn

        with np.errstate(over="ignore", invalid="ignore"):
            val = np.where(x > 0, x**2 * kn(2, np.where(x > 0, x, 1.0)) / (2 * math.pi**2),
                           1.0 / math.pi**2)
        return g * T**3 * val
    if statistics not in ("FD", "BE"):
        raise ValueError(f"statistics must be 'MB', 'FD' or 'BE', not {statistics!r}")
    eta = 1.0 if statistics == "FD" else -1.0
    xb = np.broadcast_to(x, np.broadcast(x, T).shape)
    return g * T**3 * _n_quantum_over_T3(np.ascontiguousarray(xb), eta).reshape(xb.shape)


def Y_eq_MB(x: ArrayLike, g: float = 2.0, h_eff: float | np.ndarray | None = None,
            mass: ArrayLike | None = None) -> np.ndarray:
    """Maxwell–Boltzmann equilibrium yield Y_eq = n_eq/s = 45 g x² K2(x) / (4π⁴ h_eff).

    Computed with the exponentially scaled Bessel function so that x up to 10⁵ neither
    underflows in K2 nor overflows; the result itself underflows to 0 for x ≳ 700.

    Parameters
    ----------
    x : float or array
        m/T (dimensionless).
    g : float
        Internal degrees of freedom of one species (not counting the antiparticle).
    h_eff : float or array, optional
        g_*s at T = m/x. If omitted, evaluated from the table with ``mass`` [GeV] (required then).
    mass : float or array, optional
        Mass [GeV], used only to evaluate h_eff.

    Returns
    -------
    ndarray
        Y_eq = n/s (dimensionless).
    """
    from scipy.special import kve

    x = np.asarray(x, dtype=float)
    if h_eff is None:
        if mass is None:
            raise ValueError("Y_eq_MB needs h_eff or mass")
        h_eff = g_star_s(np.asarray(mass, dtype=float) / x)
    return 45.0 * g / (4.0 * math.pi**4 * h_eff) * x**2 * kve(2, x) * np.exp(-x)


def Y_eq(x: ArrayLike, mass: ArrayLike, g: float = 2.0, statistics: str = "MB") -> np.ndarray:
    """Equilibrium yield Y_eq(x) = n_eq(T)/s(T) at T = m/x, zero chemical potential.

    Parameters
    ----------
    x : float or array
        m/T (dimensionless).
    mass : float or array
        Mass [GeV] (sets T = m/x, hence h_eff(T)).
    g : float
        Internal degrees of freedom of one species (2 for a Dirac or Majorana fermion's spin
        states; the antiparticle of a Dirac fermion is a separate species with its own Y_eq).
    statistics : {"MB", "FD", "BE"}
        Maxwell–Boltzmann (the Boltzmann solvers use it, consistent with the Gondolo–Gelmini
        average) or quantum statistics (differs by < 1 % for x > 3, up to 20 % for x → 0).

    Examples
    --------
    >>> float(Y_eq(20.0, 100.0)) < 1e-9
    True
    """
    x = np.asarray(x, dtype=float)
    mass = np.asarray(mass, dtype=float)
    T = mass / x
    if statistics == "MB":
        return Y_eq_MB(x, g=g, h_eff=g_star_s(T))
    return n_eq(mass, T, g=g, statistics=statistics) / entropy_density(T)
