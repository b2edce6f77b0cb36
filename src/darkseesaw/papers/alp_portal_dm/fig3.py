"""Fig. 3 of arXiv:2502.13002: the m_a–C_γγ/f_a plane (relic density, muon g − 2, γ lines).

At fixed f_a and C_μμ/f_a, with m_a = m_φ = 1.1 m_χ (``data/scan.yaml``):

* the relic band: C_γγ giving Ω_χ+χ̄ h² = 0.120 ± 2σ from the Boltzmann equation for a Dirac χ
  (`relic_C_gg`: exact σ(s) of `darkseesaw.observables.alp_dm`, Gondolo–Gelmini averages,
  `darkseesaw.cosmo.boltzmann.omega_h2`), or the paper's freeze-out shortcut
  ⟨σv⟩ = (2.6 ± 0.4) × 10⁻²⁶ cm³/s at threshold (`relic_band`);
* the g − 2 band: Δa_μ of eq. 3.15 within 2σ of the paper's 2023 value or of today's
  (`g2_C_gg_band`, vectorised through `darkseesaw.papers.alp_portal_dm.g2_band`);
* the γ-line limits on ⟨σv⟩_γγ/2 for a Dirac χ (`gamma_line_max_C_gg`), by data era
  (``data/gamma_lines.yaml``: `LINES`): today's (Fermi-LAT 2015, DAMPE 2022, H.E.S.S. 2018, MAGIC
  2014 Segue 1) and the paper's (Fermi-LAT 2015, H.E.S.S. 2018; its MAGIC Galactic-Centre search
  is not available as data), CTA as a projection.

`relic_threshold` and `line_needed_to_exclude` turn a scan into the paper's statements ("a thermal
relic needs m_a ≳ 80 TeV", "only C_μμ/f_a = −1 survives at f_a = 10 TeV").

The relic and g − 2 equations are the model's physics for one point (the ``dm`` and ``alp``
sectors); here they are solved for C_γγ on a grid of m_a, which only this figure needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.constraints import curve
from darkseesaw.cosmo.boltzmann import omega_h2
from darkseesaw.cosmo.thermal_average import thermal_average
from darkseesaw.models.alp_portal_dm import MODEL
from darkseesaw.observables import alp_dm
from darkseesaw.papers.alp_portal_dm.g2_band import g2_coefficients
from darkseesaw.papers.alp_portal_dm.inputs import (
    DELTA_A_MU_2023,
    FIG3,
    OMEGA_DM_H2,
    SIGMAV_THERMAL,
    data,
)

__all__ = ["LINES", "GAMMA_LINE_LIMITS", "GAMMA_LINE_PROJECTIONS", "DIRAC_FLUX_FACTOR",
           "relic_C_gg", "relic_band", "gamma_line_max_C_gg", "g2_C_gg_band", "fig3_scan",
           "runs", "width_check", "relic_threshold", "line_needed_to_exclude",
           "sigmav_line_half"]

LINES: dict[str, Any] = data("gamma_lines.yaml")
"""``data/gamma_lines.yaml``: the line limits per era (``today``, ``paper_era``: ``limits`` and
``projections`` as label → catalogue name), the curves not available as data, and the two values
quoted by the MAGIC Galactic-Centre abstract."""

GAMMA_LINE_LIMITS: dict[str, str] = dict(LINES["today"]["limits"])
"""Today's line limits (label → catalogue name); the paper-era set is
``LINES["paper_era"]["limits"]``."""

GAMMA_LINE_PROJECTIONS: dict[str, str] = dict(LINES["today"]["projections"])
"""Projections (CTA, Galactic Centre)."""

DIRAC_FLUX_FACTOR: float = 0.5
"""Line limits are published for self-conjugate DM (rate ∝ ρ²⟨σv⟩/(2m²)); for Dirac χ with
n_χ = n_χ̄ = ρ/(2m) the rate is ρ²⟨σv⟩/(4m²): the limit applies to ⟨σv⟩/2."""


def _thermal_tables(m_chi, m_a, f, c_mumu, x_grid):
    """⟨σv⟩(x) tables [cm³/s]: γγ per unit C_γγ² and μμ̄, shape (n_x, n) (Gondolo–Gelmini)."""
    mc = np.asarray(m_chi, float)[:, None]  # (n, 1) broadcast with the Laguerre nodes
    ma = np.asarray(m_a, float)[:, None]
    ff = np.asarray(f, float)[:, None]
    cm = np.asarray(c_mumu, float)[:, None]
    xg = x_grid[:, None]
    A = thermal_average(lambda s: alp_dm.sigma_gg(s, mc, ma, 1.0, ff), m_chi[None, :], xg,
                        method="laguerre", units="cm3/s")
    B = thermal_average(lambda s: alp_dm.sigma_ff(s, mc, ma, cm, ff), m_chi[None, :], xg,
                        method="laguerre", units="cm3/s")
    return A, B


def relic_C_gg(m_chi, m_a, f, c_mumu, omega_target, n_iter: int = 6):
    """C_γγ giving Ω_χ+χ̄ h² = ``omega_target`` from the Boltzmann equation (Dirac χ), batched.

    ⟨σv⟩(x) = C_γγ² ⟨σ̂_γγ v⟩(x) + ⟨σ_μμ v⟩(x) from the exact σ(s) of
    `darkseesaw.observables.alp_dm` (Gondolo–Gelmini average; m_a < 2m_χ here, so the ALP pole is
    outside the physical region and Γ_a is neglected), solved with
    `darkseesaw.cosmo.boltzmann.omega_h2` (``self_conjugate=False``, g = 2). Fixed-point
    iteration on C_γγ² using Ω ∝ 1/⟨σv⟩. NaN where the μμ̄ channel alone already gives
    Ω < target (no solution).

    Parameters
    ----------
    m_chi, m_a : array_like
        DM and ALP masses [GeV].
    f : float or array_like
        f_a [GeV].
    c_mumu : float or array_like
        C_μμ (dimensionless).
    omega_target : float
        Ω h² to reach.

    Returns
    -------
    C_gg : ndarray (n,)
        C_γγ (dimensionless).
    omega : ndarray (n,)
        The Ωh² reached.
    """
    m_chi = np.atleast_1d(np.asarray(m_chi, float))
    n = len(m_chi)
    m_a, f, c_mumu = (np.broadcast_to(np.asarray(v, float), (n,)) for v in (m_a, f, c_mumu))
    xg = np.geomspace(0.5, 1e8, 120)
    A, B = _thermal_tables(m_chi, m_a, f, c_mumu, xg)
    lx = np.log(xg)

    def interp(T, x):
        x = np.asarray(x, float)
        out = np.empty(np.broadcast_shapes(x.shape, (1, n)))
        xb = np.broadcast_to(x, out.shape)
        for j in range(n):
            out[:, j] = np.interp(np.log(xb[:, j]), lx, T[:, j])
        return out

    A20, B20 = A[np.searchsorted(xg, 20.0)], B[np.searchsorted(xg, 20.0)]
    c2 = np.full(n, 1.0)
    om = np.full(n, np.nan)
    for _ in range(n_iter):
        cc = c2.copy()

        def sv(x, cc=cc):
            return cc * interp(A, x) + interp(B, x)

        om = omega_h2(m_chi, sv, g=2.0, self_conjugate=False)
        need = (cc * A20 + B20) * om / omega_target
        c2 = np.where(need > B20, (need - B20) / A20, np.nan)
        c2 = np.where(np.isfinite(c2), c2, 1.0)
    C = np.sqrt(c2)
    bad = ~(np.abs(om / omega_target - 1) < 0.02)
    return np.where(bad, np.nan, C), om


def relic_band(f_a: float, c_mumu_over_fa: float, m_a: ArrayLike, *,
               ratio: float = FIG3["m_a_over_m_chi"], relic: str = "boltzmann"
               ) -> dict[str, np.ndarray]:
    """The relic band in C_γγ (dimensionless) on a grid of m_a, with m_χ = m_a/ratio.

    Parameters
    ----------
    f_a : float
        [GeV].
    c_mumu_over_fa : float
        C_μμ/f_a [GeV⁻¹].
    m_a : array_like
        ALP masses [GeV].
    ratio : float
        m_a/m_χ (1.1 in the paper).
    relic : {"boltzmann", "shortcut"}
        Ωh² = 0.120 ± 2 × 0.0012 from the Boltzmann equation (Dirac χ), or the paper's freeze-out
        shortcut ⟨σv⟩ = (2.6 ± 0.4) × 10⁻²⁶ cm³/s at threshold.

    Returns
    -------
    dict
        ``lo``, ``hi`` (band edges) and ``central`` C_γγ, arrays over m_a (NaN: no solution).
    """
    m_a = np.asarray(m_a, float)
    m_chi = m_a / ratio
    c_mumu = c_mumu_over_fa * f_a
    if relic == "boltzmann":
        om, dom = OMEGA_DM_H2
        c_c, _ = relic_C_gg(m_chi, m_a, f_a, c_mumu, om)
        # Ω ∝ 1/⟨σv⟩ ≈ 1/C²: the band edges from Ω = om ∓ 2σ
        return {"central": c_c, "lo": c_c * math.sqrt(om / (om + 2 * dom)),
                "hi": c_c * math.sqrt(om / (om - 2 * dom))}
    if relic != "shortcut":
        raise ValueError(f"relic must be 'boltzmann' or 'shortcut', not {relic!r}")
    sv0, dsv = SIGMAV_THERMAL
    g1 = alp_dm.sigmav_gg_threshold(m_chi, m_a, 1.0, f_a)
    mu = alp_dm.sigmav_ff_threshold(m_chi, m_a, c_mumu, f_a)
    with np.errstate(invalid="ignore"):
        return {"central": np.sqrt((sv0 - mu) / g1), "lo": np.sqrt((sv0 - dsv - mu) / g1),
                "hi": np.sqrt((sv0 + dsv - mu) / g1)}


def sigmav_line_half(m_chi: ArrayLike, m_a: ArrayLike, f: float, c_gg: ArrayLike) -> np.ndarray:
    """⟨σv⟩_γγ/2 today [cm³/s] (v → 0, eq. 3.10): the quantity a published line limit bounds
    for the Dirac χ (`DIRAC_FLUX_FACTOR`); masses and f [GeV], C_γγ dimensionless."""
    return alp_dm.sigmav_gg_threshold(m_chi, m_a, c_gg, f) * DIRAC_FLUX_FACTOR


def gamma_line_max_C_gg(m_chi, m_a, f, names: Mapping[str, str]) -> dict[str, np.ndarray]:
    """Largest C_γγ allowed by each gamma-line curve (∞ outside its mass range), dict of arrays.

    σv_γγ today is the v → 0 limit (2502.13002 eq. 3.10) ∝ C_γγ²; the limit applies to
    ``DIRAC_FLUX_FACTOR`` × σv.

    Parameters
    ----------
    m_chi, m_a : array_like
        DM and ALP masses [GeV].
    f : float
        f_a [GeV].
    names : mapping
        label → catalogue name of ``id/gammaline/*`` curves (⟨σv⟩ in cm³/s, masses in GeV).

    Returns
    -------
    dict
        label → C_γγ_max (dimensionless), arrays over the masses.
    """
    sv1 = sigmav_line_half(m_chi, m_a, f, 1.0)
    out = {}
    for label, name in names.items():
        lim = np.asarray(curve(name)(np.asarray(m_chi, float)), float)
        out[label] = np.where(np.isfinite(lim), np.sqrt(lim / sv1), np.inf)
    return out


def g2_C_gg_band(m_a, f, c_mumu, delta_a, n_sigma: float = 2.0, Lambda=None, coeffs=None):
    """C_γγ interval for which eq. (3.15) gives Δa_μ within ``n_sigma`` of ``delta_a`` = (c, σ).

    Δa_μ is linear in C_γγ: Δa = P + Q C_γγ with P = A c_μμ² (terms a, c) and Q = B c_μμ (the
    Barr–Zee slope, term b), A and B from `g2_band.g2_coefficients` (vectorised; equal to
    `darkseesaw.observables.g2.delta_a_alp` to 1e-8).

    Parameters
    ----------
    m_a : array_like
        ALP masses [GeV].
    f : float
        f_a [GeV].
    c_mumu : float
        C_μμ (dimensionless).
    delta_a : (float, float)
        Δa_μ to explain: central value and 1σ (dimensionless).
    n_sigma : float
        Half-width of the band in σ.
    Lambda : float, optional
        Barr–Zee cut-off [GeV] (default 4π f).
    coeffs : (ndarray, ndarray), optional
        Precomputed (A, B) on the same grid (reused across C_μμ and Δa_μ inputs).

    Returns
    -------
    lo, hi : ndarray
        C_γγ band (dimensionless; NaN where no positive C_γγ works; lo = 0 where the band
        reaches Δa_μ = 0).
    """
    A, B = coeffs if coeffs is not None else g2_coefficients(m_a, f, Lambda)
    P = A * c_mumu**2
    Q = B * c_mumu
    c, s = delta_a
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = (c - n_sigma * s - P) / Q
        e2 = (c + n_sigma * s - P) / Q
    lo, hi = np.minimum(e1, e2), np.maximum(e1, e2)
    lo = np.maximum(lo, 0.0)
    ok = hi > lo
    return np.where(ok, lo, np.nan), np.where(ok, hi, np.nan)


def runs(mask, x) -> list[list[float]]:
    """Contiguous runs of True in mask → list of [x_lo, x_hi]."""
    out, start = [], None
    for i, v in enumerate(mask):
        if v and start is None:
            start = i
        if (not v or i == len(mask) - 1) and start is not None:
            end = i if v else i - 1
            out.append([float(x[start]), float(x[end])])
            start = None
    return out


def fig3_scan(f_a, c_mumu_over_fa, m_a, *, ratio: float = FIG3["m_a_over_m_chi"],
              delta_a=DELTA_A_MU_2023, n_sigma_g2: float = 2.0, relic: str = "boltzmann",
              lines: Mapping[str, str] | None = None,
              projections: Mapping[str, str] | None = None,
              band: Mapping[str, np.ndarray] | None = None, coeffs=None) -> dict[str, Any]:
    """The m_a–C_γγ/f_a plane of Fig. 3 at fixed f_a and C_μμ/f_a, with m_a = m_φ = ratio·m_χ.

    Parameters
    ----------
    f_a : float
        [GeV].
    c_mumu_over_fa : float
        C_μμ/f_a [GeV⁻¹].
    m_a : array
        ALP masses [GeV].
    delta_a : (central, sigma)
        Δa_μ to explain (paper: eq. 3.14, `DELTA_A_MU_2023`; today: `DELTA_A_MU_2025`).
    n_sigma_g2 : float
        Width of the g − 2 band in σ.
    relic : {"boltzmann", "shortcut"}
        See `relic_band`.
    lines, projections : mapping, optional
        Line limits and projections (label → catalogue name); default today's (`LINES`).
    band : dict, optional
        Precomputed `relic_band` on the same grid (it depends on neither Δa_μ nor the lines).
    coeffs : (ndarray, ndarray), optional
        Precomputed `g2_band.g2_coefficients` on the same grid.

    Returns
    -------
    dict with arrays over m_a: ``relic_lo``, ``relic_hi``, ``relic_central`` (C_γγ/f_a
    [GeV⁻¹]), ``g2_lo``, ``g2_hi``, ``line_max`` (strictest line limit; ∞ where none applies),
    ``lines`` (per experiment), ``cta_max``, ``allowed`` (bool; relic ∩ g − 2 ∩ lines),
    ``relic_allowed_by_lines`` (bool; relic band below the line limits), ``intervals``
    ([[m_a_lo, m_a_hi], ...] GeV) and ``intervals_cta_reach`` (allowed and excluded by the
    projection).
    """
    m_a = np.asarray(m_a, float)
    m_chi = m_a / ratio
    c_mumu = c_mumu_over_fa * f_a
    lines = GAMMA_LINE_LIMITS if lines is None else lines
    projections = GAMMA_LINE_PROJECTIONS if projections is None else projections
    b = relic_band(f_a, c_mumu_over_fa, m_a, ratio=ratio, relic=relic) if band is None else band
    r_lo, r_hi, c_c = b["lo"], b["hi"], b["central"]
    g_lo, g_hi = g2_C_gg_band(m_a, f_a, c_mumu, delta_a, n_sigma_g2, coeffs=coeffs)
    lim = gamma_line_max_C_gg(m_chi, m_a, f_a, lines)
    cta = gamma_line_max_C_gg(m_chi, m_a, f_a, projections)
    inf = np.full(m_a.shape, np.inf)
    line_max = np.min(np.vstack([inf, *lim.values()]), axis=0)
    cta_max = np.min(np.vstack([inf, *cta.values()]), axis=0)
    lo = np.fmax(r_lo, g_lo)
    hi = np.fmin(np.fmin(r_hi, g_hi), line_max)
    allowed = np.isfinite(r_lo) & np.isfinite(g_lo) & (lo <= hi)
    relic_ok = np.isfinite(r_lo) & (r_lo <= line_max)
    allowed_cta = allowed & (np.fmax(lo, 0) <= cta_max)
    return {"m_a": m_a, "m_chi": m_chi, "relic_lo": r_lo / f_a, "relic_hi": r_hi / f_a,
            "relic_central": c_c / f_a, "g2_lo": g_lo / f_a, "g2_hi": g_hi / f_a,
            "line_max": line_max / f_a, "lines": {k: v / f_a for k, v in lim.items()},
            "line_names": dict(lines), "projection_names": dict(projections),
            "cta_max": cta_max / f_a, "allowed": allowed, "relic_allowed_by_lines": relic_ok,
            "intervals": runs(allowed, m_a),
            "intervals_cta_reach": runs(allowed & ~allowed_cta, m_a)}


def relic_threshold(scan: Mapping[str, Any]) -> dict[str, Any]:
    """Where a thermal relic survives the line limits (the paper: "m_a ≳ 80 TeV").

    Parameters
    ----------
    scan : dict
        A `fig3_scan` result.

    Returns
    -------
    dict
        ``m_a_min_GeV``: the first m_a of the last run of grid points where the relic band lies
        below every line limit (the run reaching the end of the grid; None if there is none);
        ``runs_GeV``: all such runs (islands below it come from fluctuations of the limits).
    """
    rr = runs(scan["relic_allowed_by_lines"], scan["m_a"])
    last = rr[-1] if rr and rr[-1][1] == float(scan["m_a"][-1]) else None
    return {"m_a_min_GeV": last[0] if last else None, "runs_GeV": rr}


def line_needed_to_exclude(scan: Mapping[str, Any], f_a: float, window: list[float],
                           names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The line limit (self-conjugate convention) that would exclude the relic band on a window.

    The relic band is excluded at m_a when its lower edge is above the line limit, i.e. when
    L(m_χ) < ⟨σv⟩_γγ/2 at C_γγ = C_relic,lo (`sigmav_line_half`). On the grid points of
    ``window`` = [m_a_lo, m_a_hi] this gives the largest L that excludes all of it, beside the
    published limits ``names`` there.

    Parameters
    ----------
    scan : dict
        A `fig3_scan` result.
    f_a : float
        [GeV] (the scan's).
    window : [float, float]
        m_a interval [GeV].
    names : mapping, optional
        label → catalogue name of limits to report on the window (default today's).

    Returns
    -------
    dict
        ``m_chi_GeV`` [lo, hi]; ``needed_sigmav_cm3s``: min over the window of ⟨σv⟩_γγ/2 on the
        relic band's lower edge (a limit below this everywhere on the window excludes it);
        ``limits_cm3s``: label → [min, max] of each published limit there (None outside its
        range).
    """
    m = scan["m_a"]
    sel = (m >= window[0] * (1 - 1e-12)) & (m <= window[1] * (1 + 1e-12))
    mc = scan["m_chi"][sel]
    need = sigmav_line_half(mc, m[sel], f_a, scan["relic_lo"][sel] * f_a)
    out: dict[str, Any] = {"m_chi_GeV": [float(mc.min()), float(mc.max())],
                           "needed_sigmav_cm3s": float(np.min(need)), "limits_cm3s": {}}
    for label, name in (GAMMA_LINE_LIMITS if names is None else names).items():
        v = np.asarray(curve(name)(mc), float)
        out["limits_cm3s"][label] = ([float(np.nanmin(v)), float(np.nanmax(v))]
                                     if np.isfinite(v).any() else None)
    return out


def width_check(scan: dict, f_a: float, c_mumu_over_fa: float) -> dict | None:
    """Γ_a/m_a and the model's Ωh² (full Breit–Wigner) at the relic C_γγ of an allowed m_a.

    The relic band of Fig. 3 (as in the paper) neglects Γ_a in σ(s) (m_a < 2m_χ: no pole).
    At the middle allowed grid point this evaluates the model (`darkseesaw.models.alp_portal_dm`,
    ``alp`` and ``dm`` sectors) at that C_γγ: Γ_a/m_a ≫ 1 means the narrow-ALP computation, and
    the perturbative ALP itself, are outside their validity there. None without allowed points.
    """
    idx = np.flatnonzero(scan["allowed"])
    if not len(idx):
        return None
    i = int(idx[len(idx) // 2])
    ma, mchi = float(scan["m_a"][i]), float(scan["m_chi"][i])
    C = float(scan["relic_central"][i]) * f_a
    p = MODEL.parameters(f_a=f_a, m_a=ma, m_phi=ma, m_chi=mchi, C_gg=C,
                         C_mumu=c_mumu_over_fa * f_a)
    o = MODEL.observables(p)
    return {"m_a_GeV": ma, "C_gg_over_fa_invGeV": C / f_a, "Gamma_a_over_m_a": o["Gamma_a"] / ma,
            "omega_h2_model_breit_wigner": o["omega_dm_h2"]}
