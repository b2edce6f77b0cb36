"""Decays of a light dark gauge boson Z_D and of dark neutrinos N_D that couple to it.

Conventions
-----------
* Z_D couples as in eq. (2.17) of Bertuzzo, Jana, Machado, Zukanovich Funchal, PLB 791 (2019)
  210 [arXiv:1808.02500]:  L ⊃ Z_D^μ [ e ε J^em_μ + (g/c_W) ε' J^Z_μ + g_D J^D_μ ], with
  e = √(4π α(0)) for the kinetic-mixing part (the usual dark-photon ε) and g/c_W, s_W² at tree
  level from `darkseesaw.spectrum.gauge_mixing.sm_couplings` for the Z-current part.
* A fermion f couples as Z_D f̄ γ^μ (g_V − g_A γ⁵) f (see
  `darkseesaw.spectrum.gauge_mixing.vector_axial_couplings`).
* Neutral leptons are Majorana mass eigenstates n_i of a Takagi factorisation χ = U n of
  left-handed Weyl fields χ with dark charges Q; their couplings to Z_D are the Hermitian
  matrix G = g_D U† diag(Q) U (plus the Z-current part (g_Z ε'/2) U† P_active U):
  L ⊃ Z_D^μ Σ_ij G_ij n̄_i γ_μ P_L n_j.
* Widths in GeV, lifetimes in s, decay lengths in m.

Formulas
--------
* V → f f̄ (N_c colours, r = m_f²/m_V², β = √(1 − 4r)):
  Γ = N_c m_V β [g_V² (1 + 2r) + g_A² (1 − 4r)] / (12π).  For g_V = εeQ: Γ = α ε² m_V (1+2r) β/3.
* V → light neutrinos (massless Majorana n_i, n_j): Γ = m_V Σ_ij |G_ij|² / (24π); for the SM
  Z-current alone, 3 m_V (g_Z ε'/2)²/(24π) (= Γ(Z → νν̄) scaled by ε'² m_V/m_Z).
* V → hadrons through the EM current: Γ = (α ε² m_V/3) R(m_V²), R(s) = σ(e⁺e⁻→hadrons)/σ_μμ.
* n_h → V + n_l (heavy Majorana, massless light, x = m_V²/m_h²):
  Γ = Σ_l |G_lh|² m_h³ (1 − x)² (1 + 2x) / (16π m_V²)  (twice the Dirac N → V ν width).
* n_h → n_l e⁺e⁻ through V (on- or off-shell): Breit–Wigner integral
  Γ = ∫ ds Γ(n_h → V* n_l)|_{m_V²=s} · √s Γ(V* → e⁺e⁻)(s) / (π[(s − m_V²)² + m_V² Γ_V²]),
  which tends to Γ(n_h → V n_l)·BR(V → ee) for m_h > m_V (narrow width) and to the
  four-fermion result Σ|G|² α ε² m_h⁵/(96 π² m_V⁴) for m_h ≪ m_V (both checked in the tests).

Examples
--------
>>> from darkseesaw.observables.dark_photon import zd_partial_widths
>>> w = zd_partial_widths(0.030, 2e-4)            # the MiniBooNE Z_D of 1808.02500
>>> round(float(w["ee"]) * 1e12, 4)               # GeV × 1e12
2.9189
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.qcd import alpha_s
from darkseesaw.observables.widths import decay_length_m, width_vector_to_fermions
from darkseesaw.spectrum.gauge_mixing import sm_couplings, vector_axial_couplings

__all__ = [
    "width_vector_to_fermions",
    "r_ratio",
    "zd_partial_widths",
    "zd_total_width",
    "width_heavy_to_vector_light",
    "width_heavy_to_light_ee",
    "decay_length_m",
]


def r_ratio(sqrt_s: ArrayLike) -> np.ndarray:
    """Approximate R(s) = σ(e⁺e⁻ → hadrons)/σ_pointlike(e⁺e⁻ → μ⁺μ⁻).

    * √s < 2 m_π±: 0;
    * 2 m_π < √s ≤ 1 GeV: π⁺π⁻ only, vector-meson dominance with a p-wave ρ⁰ Breit–Wigner,
      R = β_π³ |F_π|²/4, F_π = m_ρ²/(m_ρ² − s − i m_ρ Γ_ρ(s)); this simple form under-estimates
      the measured |F_π|² at the ρ peak by ~40 % (no ω interference, no Gounaris–Sakurai
      dispersion term) and ignores 3π, KK̄ — an order-of-magnitude model;
    * 1 GeV < √s < 2 GeV: NaN — the resonance region needs measured R(s) data (PDG
      compilation); pass ``r_ratio=callable`` to `zd_partial_widths` for this range;
    * √s ≥ 2 GeV: parton model N_c Σ_q Q_q² (1 + α_s/π) over quarks with 2 m_q < √s
      (MS-bar masses of `darkseesaw.physics`, two-loop α_s of `darkseesaw.observables.qcd`).

    Parameters
    ----------
    sqrt_s : float or array
        Centre-of-mass energy [GeV].

    Returns
    -------
    ndarray
        R (dimensionless).

    Examples
    --------
    >>> float(r_ratio(0.1)), round(float(r_ratio(10.0)), 2)
    (0.0, 3.87)
    """
    rs = np.asarray(sqrt_s, dtype=float)
    s = rs**2
    mpi = ph.meson_masses["pi+"]
    mrho = ph.meson_masses["rho0"]
    out = np.full(rs.shape, np.nan)
    out = np.where(rs < 2 * mpi, 0.0, out)
    # pi pi (VMD)
    low = (rs >= 2 * mpi) & (rs <= 1.0)
    ss = np.where(low, s, mrho**2)
    beta = np.sqrt(np.clip(1 - 4 * mpi**2 / ss, 0, None))
    beta_r = math.sqrt(1 - 4 * mpi**2 / mrho**2)
    gam_s = ph.Gamma_rho0 * (mrho / np.sqrt(ss)) * (beta / beta_r) ** 3 * (ss / mrho**2)
    F2 = mrho**4 / ((mrho**2 - ss) ** 2 + (mrho * gam_s) ** 2)
    out = np.where(low, beta**3 * F2 / 4, out)
    # parton model
    high = rs >= 2.0
    qs = {"u": 2 / 3, "d": -1 / 3, "s": -1 / 3, "c": 2 / 3, "b": -1 / 3, "t": 2 / 3}
    rp = np.zeros(rs.shape)
    for q, Q in qs.items():
        rp = rp + np.where(rs > 2 * ph.quark_masses[q], 3 * Q**2, 0.0)
    rp = rp * (1 + alpha_s(np.where(high, rs, 10.0)) / math.pi)
    return np.where(high, rp, out)


def zd_partial_widths(m_ZD: ArrayLike, eps: ArrayLike, eps_prime: ArrayLike = 0.0, *,
                      g_nu_light: ArrayLike | None = None,
                      r_ratio_fn: Callable[[np.ndarray], Any] | None = None
                      ) -> dict[str, np.ndarray]:
    """Partial widths [GeV] of Z_D → e⁺e⁻, μ⁺μ⁻, τ⁺τ⁻, νν̄ (SM and dark), hadrons.

    Parameters
    ----------
    m_ZD : float or array
        Z_D mass [GeV].
    eps : float or array
        Kinetic-mixing coupling ε to e J_em (e = √(4πα(0))), dimensionless.
    eps_prime : float or array
        Mass-mixing coupling ε' to (g/c_W) J_Z, dimensionless.
    g_nu_light : array (..., n, n), optional
        Total (dimensionless) coupling matrix G_ij of Z_D to the light (massless) neutrino mass eigenstates
        (dark current + Z current, see module docstring). Default: SM Z-current part only,
        three flavours with G = (g_Z ε'/2) 1.
    r_ratio_fn : callable, optional
        R(√s) (√s in GeV) for the hadronic width (default `r_ratio`, NaN for 1–2 GeV).

    Returns
    -------
    dict
        ``{"ee", "mumu", "tautau", "nunu", "hadrons"}`` → Γ [GeV] (hadrons: EM-current part
        only, the small ε' contribution to hadrons is neglected).

    Examples
    --------
    >>> w = zd_partial_widths(0.5, 1e-3)
    >>> round(float(w["mumu"] / w["ee"]), 4)     # β(1 + 2r) with r = m_μ²/m²
    0.9872
    """

    g, gp = sm_couplings()
    gZ = math.hypot(g, gp)
    sw2 = gp**2 / gZ**2
    e0 = ph.e_charge_0
    out: dict[str, np.ndarray] = {}
    for name, mf in (("ee", ph.m_e), ("mumu", ph.m_mu), ("tautau", ph.m_tau)):
        gV, gA = vector_axial_couplings(eps, eps_prime, -1.0, -0.5, e=e0, gZ=gZ, sw2=sw2)
        out[name] = width_vector_to_fermions(m_ZD, gV, gA, mf)
    m = np.asarray(m_ZD, dtype=float)
    if g_nu_light is None:
        gl = gZ * np.asarray(eps_prime, dtype=float) / 2
        out["nunu"] = 3 * m * gl**2 / (24 * math.pi)
    else:
        G = np.asarray(g_nu_light)
        out["nunu"] = m * np.sum(np.abs(G) ** 2, axis=(-1, -2)) / (24 * math.pi)
    rf = r_ratio if r_ratio_fn is None else r_ratio_fn
    out["hadrons"] = ph.alpha_0 * np.asarray(eps, dtype=float) ** 2 * m / 3 * rf(m)
    return out


def zd_total_width(m_ZD: ArrayLike, eps: ArrayLike, eps_prime: ArrayLike = 0.0, *,
                   g_nu_light: ArrayLike | None = None,
                   r_ratio_fn: Callable[[np.ndarray], Any] | None = None,
                   extra: ArrayLike | None = None) -> np.ndarray:
    """Total Z_D width [GeV]: sum of `zd_partial_widths` plus ``extra`` [GeV] (e.g. Z_D → N_D N_D).

    Arguments as in `zd_partial_widths` (m_ZD in GeV, ε and ε' dimensionless).

    Returns
    -------
    ndarray
        Γ_tot [GeV] (NaN where the hadronic width is unknown, 1 GeV < m_ZD < 2 GeV).

    Examples
    --------
    >>> w = zd_partial_widths(0.03, 2e-4)
    >>> float(zd_total_width(0.03, 2e-4)) == float(w["ee"] + w["nunu"])
    True
    """
    w = zd_partial_widths(m_ZD, eps, eps_prime, g_nu_light=g_nu_light, r_ratio_fn=r_ratio_fn)
    tot: Any = sum(w.values())
    if extra is not None:
        tot = tot + extra
    return tot


def width_heavy_to_vector_light(m_h: ArrayLike, m_V: ArrayLike, G_col: ArrayLike) -> np.ndarray:
    """Γ(n_h → V + light neutrinos) [GeV] for a heavy Majorana n_h.

    Parameters
    ----------
    m_h : float or array
        Heavy-neutrino mass [GeV].
    m_V : float or array
        Vector mass [GeV].
    G_col : array (..., n_light)
        Couplings G_lh of n_h to each (massless) light state l (dimensionless, absolute
        normalisation, e.g. g_D (U† Q U)_lh).

    Returns
    -------
    ndarray
        Σ_l |G_lh|² m_h³ (1 − x)² (1 + 2x)/(16π m_V²), x = m_V²/m_h²; 0 if m_h ≤ m_V.

    Examples
    --------
    >>> import math
    >>> # Dirac-equivalent check: half of this is g² m³/(32π m_V²) (1-x)²(1+2x)
    >>> w = width_heavy_to_vector_light(0.15, 0.03, [1e-3])
    >>> x = (0.03 / 0.15) ** 2
    >>> bool(abs(w / (2e-6 * 0.15**3 / (32 * math.pi * 0.03**2) * (1 - x)**2 * (1 + 2*x)) - 1) < 1e-12)
    True
    """
    m_h = np.asarray(m_h, dtype=float)
    m_V = np.asarray(m_V, dtype=float)
    G2 = np.sum(np.abs(np.asarray(G_col)) ** 2, axis=-1)
    x = (m_V / m_h) ** 2
    w = G2 * m_h**3 * (1 - x) ** 2 * (1 + 2 * x) / (16 * math.pi * m_V**2)
    return np.where(x < 1, w, 0.0)


def width_heavy_to_light_ee(m_h: float, m_V: float, G_col: ArrayLike, eps: float, gamma_V: float,
                            *, n_nodes: int = 400) -> float:
    """Γ(n_h → n_light e⁺e⁻) [GeV] through an on- or off-shell Z_D (Breit–Wigner integral).

    Parameters
    ----------
    m_h : float
        Heavy-neutrino mass [GeV].
    m_V : float
        Z_D mass [GeV].
    G_col : array (n_light,)
        Couplings of n_h to the light states (see `width_heavy_to_vector_light`).
    eps : float
        Kinetic mixing ε (electron coupling e ε, vector), dimensionless.
    gamma_V : float
        Total Z_D width [GeV] for the propagator.
    n_nodes : int
        Gauss–Legendre nodes per integration segment.

    Returns
    -------
    float
        Γ [GeV]: ∫_{4m_e²}^{m_h²} ds Γ₂(s) √s Γ_ee(s) / (π[(s − m_V²)² + m_V²Γ_V²]), Γ₂(s) the
        two-body width with m_V² → s. Integrated in θ = arctan((s − m_V²)/(m_V Γ_V)), which
        flattens the resonance. Narrow-width and contact limits are in the module docstring.

    Examples
    --------
    >>> w = width_heavy_to_light_ee(0.01, 0.03, [1e-3], 2e-4, 1e-12)   # m_h << m_V: contact limit
    >>> import math; from darkseesaw import physics as ph
    >>> contact = 1e-6 * ph.alpha_0 * 4e-8 * 0.01**5 / (96 * math.pi**2 * 0.03**4)
    >>> bool(1.0 < w / contact < 1.06)    # (1 − s/m_V²)⁻² propagator and m_e corrections
    True
    """
    G2 = float(np.sum(np.abs(np.asarray(G_col)) ** 2))
    e0 = ph.e_charge_0
    smin, smax = 4 * ph.m_e**2, m_h**2
    if smax <= smin:
        return 0.0
    MG = m_V * gamma_V

    def integrand_s(s: np.ndarray) -> np.ndarray:
        # Γ₂(s) · √s Γ_ee(s) / π  (without the propagator)
        x = s / m_h**2
        g2 = G2 * m_h**3 * (1 - x) ** 2 * (1 + 2 * x) / (16 * math.pi * s)
        rs = np.sqrt(s)
        gee = width_vector_to_fermions(rs, e0 * eps, 0.0, ph.m_e)
        return g2 * rs * gee / math.pi

    th_lo = math.atan((smin - m_V**2) / MG)
    th_hi = math.atan((smax - m_V**2) / MG)
    # segments in theta, refined near the ends where s(θ) is steep
    edges = np.unique(np.concatenate([np.linspace(th_lo, th_hi, 9),
                                      th_lo + (th_hi - th_lo) * np.geomspace(1e-12, 1e-1, 12),
                                      th_hi - (th_hi - th_lo) * np.geomspace(1e-12, 1e-1, 12)]))
    xg, wg = np.polynomial.legendre.leggauss(n_nodes)
    total = 0.0
    for a, b in zip(edges[:-1], edges[1:], strict=False):
        th = (b - a) / 2 * xg + (a + b) / 2
        s = m_V**2 + MG * np.tan(th)
        s = np.clip(s, smin, smax)
        total += float(np.sum(wg * integrand_s(s))) * (b - a) / 2 / MG
    return total

