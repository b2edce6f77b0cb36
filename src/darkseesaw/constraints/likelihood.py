"""Likelihood helpers: Gaussian and asymmetric-Gaussian measurements, one-sided limits with CL
conversion, a NuFIT χ² from the published 1σ/3σ ranges, and χ² from limit curves.

All functions return χ² = −2 ln L (up to a constant) and are vectorised over numpy arrays.

Conventions
-----------
* Asymmetric errors: split normal, σ₊ above the central value and σ₋ below.
* One-sided limit ``y < L`` at confidence level CL (one parameter, physical boundary at 0):
  the half-Gaussian with σ = L / z, z = Φ⁻¹((1+CL)/2), i.e. Δχ²(L) = z² = 2.71 (90 %),
  3.84 (95 %) — the "Δχ² = 2.71 at 90 % CL" rule of 1-dof limits.
* CL ↔ Δχ²: ``delta_chi2(cl, dof)`` is the χ²_dof quantile; ``rescale_limit`` moves a limit on
  a quantity whose signal grows as y**power between confidence levels (Gaussian regime).
* NuFIT χ²: per parameter, the "number of sigmas" n(x) is the piecewise-linear map through
  (3σ low, −3), (1σ low, −1), (best, 0), (1σ high, 1), (3σ high, 3), extended linearly
  outside; χ² = Σ n². This reproduces the published best fit, 1σ and 3σ points exactly
  (Δχ² = 0, 1, 9) and is the standard Gaussianised use of the NuFIT tables (correlations
  between parameters are neglected; NuFIT provides them only as Δχ² tables, which are not
  shipped, see PROVENANCE.md §9). δ_CP is periodic (wrapped to best ± 180°). For IO the
  NuFIT Δχ²(IO − NO) is added.

Examples
--------
>>> round(float(upper_limit_chi2(4.2e-13, 4.2e-13, 0.90)), 4)
2.7055
>>> float(nufit_chi2({"s12sq": 0.345}, version="6.0", ordering="NO"))   # 3σ edge
9.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.constraints.measurements import NUFIT, NUFIT_PARAMS, Measurement, OscParam

if TYPE_CHECKING:
    from darkseesaw.constraints.curves import Curve


def _ndtri(p: ArrayLike) -> Any:
    from scipy.special import ndtri

    return ndtri(p)


def delta_chi2(cl: float, dof: int = 1) -> float:
    """Δχ² of a confidence level for ``dof`` parameters (χ² quantile): 0.90, 1 → 2.7055."""
    from scipy.stats import chi2

    return float(chi2.ppf(cl, dof))


def cl_of_delta_chi2(dchi2: float, dof: int = 1) -> float:
    """Confidence level of a Δχ² for ``dof`` parameters (χ² CDF)."""
    from scipy.stats import chi2

    return float(chi2.cdf(dchi2, dof))


def sigma_to_cl(n_sigma: float) -> float:
    """Two-sided Gaussian coverage of ±n σ (1 → 0.6827)."""
    return math.erf(n_sigma / math.sqrt(2.0))


def rescale_limit(limit: ArrayLike, cl_from: float, cl_to: float, *, dof: int = 1,
                  power: float = 1.0) -> np.ndarray:
    """Move a limit between confidence levels in the Gaussian regime (in the unit of ``limit``).

    The excluded signal scales with √Δχ²; if the signal grows as y**power (power = 1 when the
    rate is linear in y, e.g. |U|² for production-only searches; power = 2 for a rate ∝ |U|⁴
    quoted as a limit on |U|²), ``y_to = y_from · (Δχ²_to / Δχ²_from)^(1/(2·power))``.

    >>> round(float(rescale_limit(1.0, 0.95, 0.90)), 4)     # 95 % → 90 %: × sqrt(2.71/3.84)
    0.8392
    """
    r = delta_chi2(cl_to, dof) / delta_chi2(cl_from, dof)
    return np.asarray(limit) * r ** (0.5 / power)


def gaussian_chi2(x: ArrayLike, mean: float | np.ndarray, sigma: float | np.ndarray) -> np.ndarray:
    """χ² = ((x − mean)/σ)² (dimensionless; x, mean and σ in one unit)."""
    return ((np.asarray(x, float) - mean) / sigma) ** 2


def asymmetric_chi2(x: ArrayLike, mean: float | np.ndarray, err_down: float | np.ndarray, err_up: float | np.ndarray) -> np.ndarray:
    """Split-normal χ²: σ₊ = err_up above ``mean``, σ₋ = err_down below (all in one unit)."""
    x = np.asarray(x, float)
    s = np.where(x >= mean, err_up, err_down)
    return ((x - mean) / s) ** 2


def upper_limit_chi2(x: ArrayLike, limit: float | np.ndarray, cl: float = 0.90) -> np.ndarray:
    """χ² of a one-sided upper limit (half-Gaussian at 0, see the module conventions).

    Zero for x ≤ 0; equals Δχ²(CL, 1 dof) at x = limit (x and limit in one unit).
    """
    z = _ndtri(0.5 * (1.0 + cl))
    x = np.asarray(x, float)
    return np.where(x > 0, (x * z / limit) ** 2, 0.0)


def lower_limit_chi2(x: ArrayLike, limit: float | np.ndarray, cl: float = 0.90) -> np.ndarray:
    """χ² of a one-sided lower limit on a positive quantity (e.g. a lifetime): the upper limit
    on 1/x; zero for x → ∞, Δχ²(CL) at x = limit (x and limit in one unit)."""
    x = np.asarray(x, float)
    with np.errstate(divide="ignore"):
        return upper_limit_chi2(np.where(x > 0, 1.0 / x, np.inf), 1.0 / limit, cl)


def chi2(m: Measurement, x: ArrayLike) -> np.ndarray:
    """χ² of a prediction ``x`` (in ``m.unit``) against a `Measurement` (any kind)."""
    if m.kind == "upper_limit":
        return upper_limit_chi2(x, m.value, m.cl)
    if m.kind == "lower_limit":
        return lower_limit_chi2(x, m.value, m.cl)
    if m.kind == "asymmetric":
        return asymmetric_chi2(x, m.value, m.err_down, m.err_up)
    if m.kind == "range":
        raise ValueError(f"{m.name}: a range (hint region or window), not a likelihood; "
                         "use m.bounds")
    if m.err_down == 0 and m.err_up == 0:
        raise ValueError(f"{m.name}: no uncertainty, cannot form a χ²")
    return gaussian_chi2(x, m.value, m.sigma)


def _nsigma(x: ArrayLike, p: OscParam, periodic: float | None = None) -> np.ndarray:
    xs = np.array([p.lo3, p.lo1, p.best, p.hi1, p.hi3], float)
    ns = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
    x = np.asarray(x, float)
    if periodic:
        x = (x - p.best + 0.5 * periodic) % periodic - 0.5 * periodic + p.best
    n = np.interp(x, xs, ns)
    lo_slope = 2.0 / (p.lo1 - p.lo3)
    hi_slope = 2.0 / (p.hi3 - p.hi1)
    n = np.where(x < p.lo3, -3.0 + (x - p.lo3) * lo_slope, n)
    n = np.where(x > p.hi3, 3.0 + (x - p.hi3) * hi_slope, n)
    return n


def nufit_chi2(values: Mapping[str, ArrayLike], *, version: str = "6.0", ordering: str = "NO",
               include_ordering: bool = True, per_parameter: bool = False) -> Any:
    """χ² of oscillation parameters against NuFIT (Gaussianised from the published ranges).

    Parameters
    ----------
    values : dict
        Any subset of ``s12sq, s13sq, s23sq`` (sin²), ``delta_cp`` [degrees], ``dm21sq``,
        ``dm3lsq`` [eV²] (Δm²₃₁ > 0 for NO, Δm²₃₂ < 0 for IO). Arrays broadcast.
    version : str
        NuFIT version, ``"6.0"`` (default) or ``"5.2"``.
    ordering : str
        ``"NO"`` or ``"IO"``.
    include_ordering : bool
        Add the NuFIT Δχ²(IO) for ``ordering="IO"``.
    per_parameter : bool
        Return a dict of the per-parameter χ² as well.

    Returns
    -------
    ndarray (or (ndarray, dict))
        The total χ² (dimensionless), and the per-parameter χ² with ``per_parameter``.

    Notes
    -----
    Use `nufit_chi2_observables` with the output of `darkseesaw.observables.neutrino`
    (radians, GeV²).
    """
    if version not in NUFIT:
        raise KeyError(f"unknown NuFIT version {version!r}; known: {sorted(NUFIT)}")
    if ordering not in ("NO", "IO"):
        raise ValueError("ordering must be 'NO' or 'IO'")
    table = NUFIT[version][ordering]
    total: Any = 0.0
    parts = {}
    for k, v in values.items():
        if k not in NUFIT_PARAMS:
            raise KeyError(f"unknown oscillation parameter {k!r}; known: {NUFIT_PARAMS}")
        c = _nsigma(v, table[k], periodic=360.0 if k == "delta_cp" else None) ** 2
        parts[k] = c
        total = total + c
    if ordering == "IO" and include_ordering:
        total = total + NUFIT[version]["delta_chi2_IO"]
    total = np.asarray(total, float)
    return (total, parts) if per_parameter else total


def nufit_chi2_observables(obs: Mapping[str, Any], *, version: str = "6.0", use_delta: bool = True,
                           per_parameter: bool = False
                           ) -> np.ndarray | tuple[np.ndarray, dict[str, np.ndarray]]:
    """NuFIT χ² of the dict returned by `darkseesaw.observables.neutrino.observables`.

    Converts δ_CP from radians to degrees and Δm² from GeV² to eV², and picks the ordering of
    each point from ``obs["ordering"]`` (batched: NO and IO points may be mixed).
    """
    vals = {k: np.asarray(obs[k], float) for k in ("s12sq", "s13sq", "s23sq")}
    vals["dm21sq"] = np.asarray(obs["dm21sq"], float) * 1e18
    vals["dm3lsq"] = np.asarray(obs["dm3lsq"], float) * 1e18
    if use_delta:
        vals["delta_cp"] = np.degrees(np.asarray(obs["delta_cp"], float))
    order = np.asarray(obs.get("ordering", "NO"))
    c_no = nufit_chi2(vals, version=version, ordering="NO", per_parameter=per_parameter)
    c_io = nufit_chi2(vals, version=version, ordering="IO", per_parameter=per_parameter)
    if per_parameter:
        tot = np.where(order == "NO", c_no[0], c_io[0])
        parts = {k: np.where(order == "NO", c_no[1][k], c_io[1][k]) for k in c_no[1]}
        return tot, parts
    return np.where(order == "NO", c_no, c_io)


def limit_chi2(curve: Curve, x: ArrayLike, y: ArrayLike, *, cl: float | None = None) -> np.ndarray:
    """χ² of a point (x, y) against a limit curve: the half-Gaussian in the distance to the
    boundary that decides, χ² = z² 10^(−2 d) with d = ``curve.margin(x, y)`` (decades,
    positive when allowed) and z the two-sided quantile of the CL.

    For a simple upper limit d = log10(curve(x)/y) and this is `upper_limit_chi2` (y, curve(x))
    exactly; for a lower limit, `lower_limit_chi2`. For a closed excluded region (a dark-photon
    island bounded by beam dumps below and colliders above) d is the distance to the nearest
    edge, so a point above the island is as allowed as its distance says (an upper-limit χ²
    against the lower edge would put ε = 2×10⁻⁴ at χ² ~ 10⁸). Zero where the curve does not
    cover x, and for y ≤ 0 under an upper limit (a vanishing prediction).

    ``cl`` overrides the curve's CL (default 0.90 when the curve does not state one). x and y
    are in the curve's ``x_unit`` and ``y_unit``; χ² is dimensionless.
    """
    if cl is None:
        try:
            c = float(str(curve.cl).split()[0].split("/")[0].rstrip("%"))
            cl = c / 100.0 if c > 1 else c
        except (ValueError, IndexError):
            cl = 0.90
    z = _ndtri(0.5 * (1.0 + cl))
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    zero = y <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.asarray(curve.margin(x, np.where(zero, 1.0, y)), float)
        out = z**2 * 10.0 ** (-2.0 * np.clip(d, -150.0, 150.0))
    if curve.region == "below":
        out = np.where(zero, np.inf, out)
    else:
        out = np.where(zero, 0.0, out)
    return np.where(np.isnan(d), 0.0, out)
