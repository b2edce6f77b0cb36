r"""Boltzmann equations for thermal relics: symmetric and asymmetric freeze-out.

Equation and conventions
------------------------
With the yield Y = n/s, x = m/T and the Saikawa–Shirai g_eff, h_eff (``darkseesaw.cosmo.thermo``)
the number density of a species χ of mass m obeys (Gondolo & Gelmini, Nucl. Phys. B360 (1991)
145, eq. 3.4; Edsjö & Gondolo, PRD 56 (1997) 1879)

    dY/dx = − λ(x) ⟨σv⟩(x) [Y² − Y_eq²],
    λ(x) = √(π/45) g_*^{1/2}(T) M_Pl m / x²,   g_*^{1/2} = h_eff/√g_eff (1 + ⅓ d ln h_eff/d ln T),

with M_Pl = 1.22089×10¹⁹ GeV (non-reduced), Maxwell–Boltzmann Y_eq = 45 g x² K2(x)/(4π⁴ h_eff),
the initial condition Y(x_start) = Y_eq(x_start) (default x_start = 1) and the relic yield
Y₀ = Y(x → ∞). Then Ωh² = m Y₀ s₀ / (ρ_c/h²) with s₀ = 2891.2 cm⁻³ and ρ_c/h² = 1.05371×10⁻⁵
GeV cm⁻³ (PDG 2024), i.e. Ωh² = 2.744×10⁸ (m/GeV) Y₀.

Self-conjugate (Majorana fermion, real scalar): Y counts χ; ⟨σv⟩ is the thermal average of
σ(χχ → anything) v_Møller, summed over final states; g the internal states (2 for a Majorana
fermion, 1 for a real scalar). The equation above holds as written.

Not self-conjugate (Dirac fermion, complex scalar), no asymmetry: χ and χ̄ each have g internal
states (g = 2 for a Dirac fermion's spin: do NOT pass 4) and Y_χ = Y_χ̄. ⟨σv⟩ is that of
χχ̄ → anything (the physical pair cross section, as in the papers' formulas). Then
dY_χ/dx = −λ⟨σv⟩(Y_χ Y_χ̄ − Y_χ,eq²), and the total Y = Y_χ + Y_χ̄ obeys the equation above with
⟨σv⟩ → ⟨σv⟩/2 and Y_eq → 2 Y_χ,eq. ``omega_h2`` returns the TOTAL Ωh² of χ plus χ̄.
For equal ⟨σv⟩ and g a Dirac relic therefore has exactly twice the Ωh² of a Majorana one
(Y = 2Z with Z the Majorana solution)
(micrOMEGAs instead averages over χχ, χχ̄, χ̄χ̄ initial states, i.e. its ⟨σv⟩ is our ⟨σv⟩/2).

Asymmetric (`darkseesaw.cosmo.asymmetric`): η = Y_χ − Y_χ̄ > 0 is conserved and
dY_χ̄/dx = −λ⟨σv⟩(Y_χ̄ (Y_χ̄ + η) − Y_χ,eq²)  (chemical equilibrium Y_χ Y_χ̄ = Y_eq²), see
Graesser, Shoemaker & Vecchi, JHEP 10 (2011) 110 and Iminniyaz, Drees & Chen, JCAP 07 (2011) 003.
It returns Ωh² of χ + χ̄ and r = Y_χ̄/Y_χ at x → ∞, so that Ω = m η (1 + r)/(1 − r) s₀/ρ_c
(``hnl-inflaton`` eq. 3.13 with η = ε η_B).

Numerics
--------
``omega_h2`` (fast, vectorised): the second-order, L-stable BDF2 formula on a uniform grid in
u = ln x (default 200 steps per e-fold from x = 1, plus a Richardson extrapolation with 100),
whose implicit step is a quadratic solved in closed form (numba kernel ``_bdf2``, each point
stopping when it has decoupled), with the coefficients computed by numpy for all points. Once Y_eq < 10⁻⁴ Y for every point the
equation is solved exactly by quadrature, 1/Y∞ = 1/Y + ∫ λ⟨σv⟩ dx (trapezoid on the grid, 30
points per e-fold beyond x = 10³ up to x_end = 10⁸, ⟨σv⟩ extrapolated as a power of x beyond).
``omega_h2_reference`` integrates the same equation in ln Y with scipy's Radau method at
rtol = 1e-10 up to x = 10⁷ (one point at a time, slow); tests require agreement to 1e-3.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo
from darkseesaw.cosmo._bdf2 import bdf2
from darkseesaw.errors import Deadline, InputError, NonConvergence

__all__ = [
    "omega_h2",
    "omega_h2_reference",
    "relic_yield",
    "yield_to_omega_h2",
]

OMEGA_H2_PER_GEV_YIELD: float = ph.s0_cm3 / ph.rho_crit_over_h2_GeV_cm3
"""Ωh² = OMEGA_H2_PER_GEV_YIELD · (m/GeV) · Y₀ (= s₀/(ρ_c/h²) ≈ 2.744×10⁸ GeV⁻¹, PDG 2024)."""

_SQRT_PI_45 = math.sqrt(math.pi / 45.0)

SigmaV: TypeAlias = "ArrayLike | tuple[ArrayLike, ArrayLike] | Callable[[Any], Any]"
"""What the relic solvers accept as ⟨σv⟩ [cm³/s]: a constant or one value per mass, a
partial-wave pair (a, b) meaning a + 6b/x, or a callable of x = m/T (see `omega_h2`)."""


def with_deadline(rhs: Callable[[float, np.ndarray], Any], deadline: Deadline
                  ) -> Callable[[float, np.ndarray], Any]:
    """``rhs`` of an ODE that first checks ``deadline``: a solve that runs past the solve cap
    (``DARKSEESAW_SOLVE_TIMEOUT``) raises `darkseesaw.errors.SolveTimeout` instead of hanging;
    a failed one raises `darkseesaw.errors.NonConvergence` (the reference solvers below)."""

    def capped(u: float, W: np.ndarray) -> Any:
        deadline.check()
        return rhs(u, W)

    return capped


def yield_to_omega_h2(mass: ArrayLike, Y0: ArrayLike) -> np.ndarray:
    """Ωh² (dimensionless) = m Y₀ s₀/(ρ_c/h²) for mass [GeV] and present yield Y₀ = n/s."""
    return OMEGA_H2_PER_GEV_YIELD * np.asarray(mass, dtype=float) * np.asarray(Y0, dtype=float)


# ------------------------------------------------------------------------------------------
# input handling
# ------------------------------------------------------------------------------------------
def _as_mass(mass: ArrayLike) -> np.ndarray:
    m = np.atleast_1d(np.asarray(mass, dtype=float))
    if m.ndim != 1:
        m = m.ravel()
    if not np.all(np.isfinite(m)) or np.any(m <= 0):
        raise InputError(None, "mass", "must be finite and > 0 GeV")
    return m


class _Precomputed:
    """⟨σv⟩ already evaluated on the solver grid, shape (n_x, n) [cm³/s]."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values


def _per_point(v: ArrayLike, n: int, key: str) -> np.ndarray:
    v = np.asarray(v, dtype=float)
    if v.ndim > 1 or (v.ndim == 1 and v.size not in (1, n)):
        raise InputError(None, key, f"shape {v.shape} does not match {n} masses")
    return np.broadcast_to(v.reshape(-1) if v.ndim else v, (n,))


def _sigma_v_on_grid(sigma_v: SigmaV | _Precomputed, x: np.ndarray, n: int) -> np.ndarray:
    """⟨σv⟩ [cm³/s] → GeV⁻² on the grid x (n_x,), broadcast to shape (n_x, n).

    A callable is first called once with x of shape (n_x, 1) (so that per-point arrays of
    shape (n,) broadcast to (n_x, n)); if that fails or gives a wrong shape it is called
    for each x value separately.
    """
    if isinstance(sigma_v, _Precomputed):
        sv = sigma_v.values
    elif isinstance(sigma_v, tuple):
        if len(sigma_v) != 2:
            raise InputError(None, "sigma_v", "a tuple must be (a, b): <σv> = a + 6 b / x")
        a = _per_point(sigma_v[0], n, "sigma_v[0]")
        b = _per_point(sigma_v[1], n, "sigma_v[1]")
        sv = a[None, :] + 6.0 * b[None, :] / x[:, None]
    elif callable(sigma_v):
        try:
            with np.errstate(all="ignore"):
                sv = np.asarray(sigma_v(x[:, None]), dtype=float)
            sv = np.broadcast_to(sv, (x.size, n))
        except Exception:
            rows = []
            for xi in x:
                rows.append(np.broadcast_to(np.asarray(sigma_v(float(xi)), dtype=float), (n,)))
            sv = np.array(rows)
    else:
        sv = np.asarray(sigma_v, dtype=float)
        if sv.ndim > 1 or (sv.ndim == 1 and sv.size not in (1, n)):
            raise InputError(None, "sigma_v", f"shape {sv.shape} does not match {n} masses")
        sv = np.broadcast_to(sv.reshape(-1) if sv.ndim else sv, (n,))[None, :]
        sv = np.broadcast_to(sv, (x.size, n))
    if not np.all(np.isfinite(sv)) or np.any(sv < 0):
        raise InputError(None, "sigma_v", "must be finite and >= 0 (cm^3/s)")
    return ph.cm3_per_s_to_invGeV2(sv)


_X_FINE_END = 1e3
_TAIL_STEPS_PER_EFOLD = 30.0
_EQ_NEGLIGIBLE = 1e-4


def _grids(x_start: float, x_end: float, steps_per_efold: float
           ) -> tuple[np.ndarray, np.ndarray]:
    """Fine uniform grid in u = ln x from x_start to 10³ (BDF2 steps) and a coarse grid from
    10³ to x_end (quadrature of the post-freeze-out annihilation only)."""
    x_fe = max(_X_FINE_END, 10 * x_start)
    n = 2 * max(int(math.ceil(0.5 * math.log(x_fe / x_start) * steps_per_efold)), 8)
    u_f = np.linspace(math.log(x_start), math.log(x_fe), n + 1)
    if x_end > x_fe:
        nc = max(int(math.ceil(math.log(x_end / x_fe) * _TAIL_STEPS_PER_EFOLD)), 2)
        u_c = np.linspace(math.log(x_fe), math.log(x_end), nc + 1)
    else:
        u_c = np.array([math.log(x_fe)])
    return u_f, u_c


def _coefficients(m: np.ndarray, x: np.ndarray, sv: np.ndarray, self_conjugate: bool
                  ) -> np.ndarray:
    """K = x λ ⟨σv⟩ (the coefficient of d/d ln x), shape (n, n_x) (one row per point)."""
    T = m[:, None] / x[None, :]
    K = _SQRT_PI_45 * ph.M_Pl * m[:, None] * thermo.g_star_half(T) * sv / x[None, :]
    return 0.5 * K if not self_conjugate else K


def _yeq(m: np.ndarray, x: np.ndarray, g: float, self_conjugate: bool) -> np.ndarray:
    """Maxwell–Boltzmann Y_eq, shape (n, n_x) (total of χ and χ̄ if not self-conjugate)."""
    from scipy.special import kve

    shape = 45.0 * g / (4.0 * math.pi**4) * x**2 * kve(2, x) * np.exp(-x)
    Yeq = shape[None, :] / thermo.g_star_s(m[:, None] / x[None, :])
    return 2.0 * Yeq if not self_conjugate else Yeq


def _trapz(u: np.ndarray, K: np.ndarray) -> np.ndarray:
    """Trapezoid ∫ K du along the last axis."""
    if len(u) < 2:
        return np.zeros(K.shape[:-1])
    return (0.5 * (K[..., 1:] + K[..., :-1]) * np.diff(u)).sum(-1)


def _tail_integral(u: np.ndarray, K: np.ndarray) -> np.ndarray:
    """∫_{u_end}^∞ K du, K extrapolated as exp(−p u) from its last two grid values."""
    if len(u) < 2:
        return np.zeros(K.shape[:-1])
    with np.errstate(divide="ignore", invalid="ignore"):
        p = -(np.log(K[..., -1]) - np.log(K[..., -2])) / (u[-1] - u[-2])
    p = np.where(np.isfinite(p), np.maximum(p, 0.2), 1.0)
    return np.where(K[..., -1] > 0, K[..., -1] / p, 0.0)


def _setup(mass: ArrayLike, sigma_v: SigmaV | _Precomputed, g: float, self_conjugate: bool,
           x_start: float, x_end: float, steps_per_efold: float
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    m = _as_mass(mass)
    if not (0 < x_start < x_end):
        raise InputError(None, "x_start", "need 0 < x_start < x_end")
    if not steps_per_efold >= 10:
        raise InputError(None, "steps_per_efold", "must be >= 10")
    u_f, u_c = _grids(x_start, x_end, steps_per_efold)
    x_all = np.exp(np.concatenate([u_f, u_c[1:]]))
    sv = _sigma_v_on_grid(sigma_v, x_all, m.size)
    K = _coefficients(m, x_all, np.ascontiguousarray(sv.T), self_conjugate)
    nf = len(u_f)
    Yeq = _yeq(m, x_all[:nf], g, self_conjugate)
    return m, u_f, u_c, np.ascontiguousarray(K[:, :nf]), K[:, nf - 1:], Yeq


def _coarse_after(u_c: np.ndarray, K_c: np.ndarray) -> np.ndarray:
    """∫ K du from x = 10³ (end of the fine grid) to infinity."""
    return _trapz(u_c, K_c) + _tail_integral(u_c, K_c)


def _solve_bdf2(u_f: np.ndarray, K_f: np.ndarray, Yeq: np.ndarray, eta: np.ndarray, stride: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """Per-point BDF2 until decoupling (kernel ``darkseesaw.cosmo._bdf2``).

    Returns the yield at decoupling and ∫ K du from there to the end of the fine grid."""

    return bdf2(stride * (u_f[1] - u_f[0]), K_f, Yeq, eta, _EQ_NEGLIGIBLE, stride)


_CHUNK = 1024


def relic_yield(mass: ArrayLike, sigma_v: SigmaV | _Precomputed, *, g: float = 2.0,
                self_conjugate: bool = True, x_start: float = 1.0, x_end: float = 1e8,
                steps_per_efold: float = 200.0, richardson: bool = True) -> np.ndarray:
    """Present yield Y₀ = n/s (dimensionless, shape (n,)) of χ (plus χ̄ if not
    self-conjugate); arguments as ``omega_h2`` (mass [GeV], ⟨σv⟩ [cm³/s]).

    Points are processed in chunks of 1024 (cache-friendly; each chunk stops its BDF2 steps when
    its last point has decoupled).
    """
    m = _as_mass(mass)
    if m.size > _CHUNK:
        sv_full = _precompute_callable(sigma_v, m.size, x_start, x_end, steps_per_efold)
        out = np.empty(m.size)
        for lo in range(0, m.size, _CHUNK):
            sl = slice(lo, min(lo + _CHUNK, m.size))
            out[sl] = relic_yield(m[sl], _chunk_sigma_v(sv_full, sl, m.size), g=g,
                                  self_conjugate=self_conjugate, x_start=x_start, x_end=x_end,
                                  steps_per_efold=steps_per_efold, richardson=richardson)
        return out
    m, u_f, u_c, K_f, K_c, Yeq = _setup(m, sigma_v, g, self_conjugate, x_start, x_end,
                                         steps_per_efold)

    zero = np.zeros(m.size)
    coarse = _coarse_after(u_c, K_c)

    def solve(stride: int) -> np.ndarray:
        y, rest = _solve_bdf2(u_f, K_f, Yeq, zero, stride)
        # Y_eq is negligible from here on: 1/Y(∞) = 1/Y_i + ∫ K du exactly
        return y / (1.0 + y * (rest + coarse))

    Y = solve(1)
    if richardson:  # BDF2 and trapezoid errors are O(h²): extrapolate with the doubled step
        Y = Y + (Y - solve(2)) / 3.0
    return Y


def _precompute_callable(sigma_v: SigmaV | _Precomputed, n: int, x_start: float, x_end: float,
                         steps_per_efold: float) -> SigmaV | _Precomputed:
    """Evaluate a per-point callable once on the whole grid (not once per chunk of points),
    when that fits in memory (≤ 4×10⁷ values); other inputs are returned unchanged."""
    if callable(sigma_v) and not isinstance(sigma_v, (tuple, _Precomputed)):
        u_f, u_c = _grids(x_start, x_end, steps_per_efold)
        x_all = np.exp(np.concatenate([u_f, u_c[1:]]))
        if x_all.size * n <= 4e7:
            return _Precomputed(ph.invGeV2_to_cm3_per_s(_sigma_v_on_grid(sigma_v, x_all, n)))
    return sigma_v


def _chunk_sigma_v(sigma_v: SigmaV | _Precomputed, sl: slice, n: int) -> SigmaV | _Precomputed:
    """The part of sigma_v belonging to the points sl."""
    if isinstance(sigma_v, _Precomputed):
        return _Precomputed(sigma_v.values[:, sl])
    if isinstance(sigma_v, tuple):
        return tuple(_per_point(v, n, "sigma_v")[sl] for v in sigma_v)
    if callable(sigma_v):
        def f(x: Any) -> np.ndarray:
            v = np.asarray(sigma_v(x), dtype=float)
            if v.ndim and v.shape[-1] == n:
                return v[..., sl]
            return v
        return f
    sv = np.asarray(sigma_v, dtype=float)
    if sv.ndim == 1 and sv.size == n:
        return sv[sl]
    return sv


def omega_h2(mass: ArrayLike, sigma_v: SigmaV, *, g: float = 2.0, self_conjugate: bool = True,
             x_start: float = 1.0, x_end: float = 1e8, steps_per_efold: float = 200.0,
             richardson: bool = True) -> np.ndarray | float:
    r"""Relic density Ωh² of a thermal relic from the Boltzmann equation (symmetric freeze-out).

    Solves dY/dx = −λ(x)⟨σv⟩(Y² − Y_eq²) (module docstring: equation, g_*^{1/2}, Dirac and
    Majorana conventions) with an L-stable BDF2 scheme vectorised over all points, accurate to
    ≲ 10⁻³ against ``omega_h2_reference`` for s-wave, p-wave and resonant ⟨σv⟩ from 1 MeV to
    100 TeV.

    Parameters
    ----------
    mass : float or array (n,)
        Dark-matter mass m [GeV].
    sigma_v : float, array (n,), tuple (a, b) or callable
        Thermally averaged ⟨σv⟩ [cm³/s]: a constant (s-wave), one value per mass, a partial-wave
        pair (a, b) meaning ⟨σv⟩ = a + 6b/x (a, b scalars or arrays (n,)), or a function
        of x = m/T. The callable is called once with x of shape (n_x, 1) and may return an
        array broadcastable to (n_x, n) (per-point values along the last axis), e.g.
        ``lambda x: a + 6 * b / x`` with arrays a, b of shape (n,); a callable that cannot take
        arrays is called with one float x at a time. For a Dirac χ it is ⟨σv⟩(χχ̄ → all).
    g : float
        Internal degrees of freedom of χ alone (2 for a spin-½ fermion, Majorana or Dirac;
        1 for a real or complex scalar).
    self_conjugate : bool
        True: χ = χ̄ (Majorana, real scalar). False: Dirac fermion / complex scalar with no
        asymmetry; the result is the total Ωh² of χ and χ̄.
    x_start, x_end : float
        Integration range in x = m/T (dimensionless); Y = Y_eq (Maxwell–Boltzmann) at x_start. The annihilation
        beyond x_end is added analytically. For cross sections so small that the species
        decouples while relativistic (x_f ≲ 3, "hot relics") the result depends on x_start
        and on the MB approximation of Y_eq (quantum statistics change the relativistic
        yield by −10 % for fermions, +20 % for bosons): use a hot-relic formula there.
    steps_per_efold : float
        Grid density in ln x (BDF2 error ∝ steps⁻², about 1×10⁻³ at 200 without extrapolation).
    richardson : bool
        Repeat with twice the step and extrapolate (Richardson) to remove the O(h²) error
        (residual ≲ 10⁻⁴); costs 50 % more.

    Returns
    -------
    ndarray (n,) or float
        Ωh² (dimensionless; a float when ``mass`` is a scalar).

    Examples
    --------
    >>> round(float(omega_h2(100.0, 2.1e-26)), 2)   # Majorana, the "WIMP miracle"
    0.12
    >>> import numpy as np
    >>> om = omega_h2(np.array([10.0, 1000.0]), lambda x: 1e-26 + 6 * 1e-25 / x)  # a + b v²
    >>> om.shape
    (2,)
    """
    scalar = np.ndim(mass) == 0
    m = _as_mass(mass)
    Y0 = relic_yield(m, sigma_v, g=g, self_conjugate=self_conjugate, x_start=x_start,
                     x_end=x_end, steps_per_efold=steps_per_efold, richardson=richardson)
    om = yield_to_omega_h2(m, Y0)
    return float(om[0]) if scalar else om


# ------------------------------------------------------------------------------------------
# reference (slow, tight tolerance)
# ------------------------------------------------------------------------------------------
def _sv_scalar_fn(sigma_v: SigmaV, i: int) -> Callable[[float], float]:
    """⟨σv⟩(x) [GeV⁻²] for point i as a scalar function."""
    if callable(sigma_v):
        def f(x: float) -> float:
            v = np.asarray(sigma_v(np.array([[x]])), dtype=float)
            v = v.reshape(-1)
            return ph.cm3_per_s_to_invGeV2(float(v[i] if v.size > 1 else v[0]))
        return f
    sv = np.atleast_1d(np.asarray(sigma_v, dtype=float)).reshape(-1)
    val = ph.cm3_per_s_to_invGeV2(float(sv[i] if sv.size > 1 else sv[0]))
    return lambda x: val


def _log_yeq(x: float, m: float, g: float, self_conjugate: bool) -> float:
    from scipy.special import kve

    h = float(thermo.g_star_s(m / x))
    ly = math.log(45.0 * g / (4.0 * math.pi**4 * h)) + 2 * math.log(x) + math.log(kve(2, x)) - x
    return ly + (0.0 if self_conjugate else math.log(2.0))


def omega_h2_reference(mass: ArrayLike, sigma_v: SigmaV, *, g: float = 2.0,
                       self_conjugate: bool = True, x_start: float = 1.0, x_end: float = 1e7,
                       rtol: float = 1e-10) -> np.ndarray | float:
    """High-accuracy reference solution of the same equation as ``omega_h2`` (slow).

    Integrates d ln Y/d ln x = −xλ⟨σv⟩(Y − Y_eq²/Y) with scipy's implicit Radau method
    (analytic Jacobian), rtol = 1e-10, from x_start to x_end = 10⁷ (the neglected annihilation
    beyond is < 10⁻⁶ relative for s-wave), one point after another.

    Parameters are those of ``omega_h2`` (mass [GeV], ⟨σv⟩ [cm³/s]); ``rtol`` is the relative
    tolerance of the integrator.

    Returns
    -------
    ndarray (n,) or float
        Ωh² (dimensionless).
    """
    from scipy.integrate import solve_ivp

    scalar = np.ndim(mass) == 0
    m_arr = _as_mass(mass)
    out = np.empty(m_arr.size)
    fac = 0.5 if not self_conjugate else 1.0
    for i, m in enumerate(m_arr):
        svf = _sv_scalar_fn(sigma_v, i)

        def kcoef(u: float, m: float = m, svf: Callable[[float], float] = svf) -> float:
            x = math.exp(u)
            gs = float(thermo.g_star_half(m / x))
            return fac * _SQRT_PI_45 * ph.M_Pl * m * gs * svf(x) / x

        def rhs(u: float, W: np.ndarray, m: float = m) -> list[float]:
            x = math.exp(u)
            k = kcoef(u)
            ly = _log_yeq(x, m, g, self_conjugate)
            return [-k * (math.exp(W[0]) - math.exp(2 * ly - W[0]))]

        def jac(u: float, W: np.ndarray, m: float = m) -> list[list[float]]:
            x = math.exp(u)
            k = kcoef(u)
            ly = _log_yeq(x, m, g, self_conjugate)
            return [[-k * (math.exp(W[0]) + math.exp(2 * ly - W[0]))]]

        u0 = math.log(x_start)
        W0 = _log_yeq(x_start, m, g, self_conjugate)
        capped = with_deadline(rhs, Deadline(f"omega_h2_reference (m = {m:g} GeV)"))
        sol = solve_ivp(capped, (u0, math.log(x_end)), [W0], method="Radau", jac=jac,
                        rtol=rtol, atol=1e-12)
        if not sol.success:
            raise NonConvergence(f"reference integration failed: {sol.message}")
        out[i] = yield_to_omega_h2(m, math.exp(sol.y[0, -1]))
    return float(out[0]) if scalar else out
