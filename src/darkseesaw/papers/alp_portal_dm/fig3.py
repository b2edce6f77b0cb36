"""Fig. 3 of arXiv:2502.13002: the m_a–C_γγ/f_a plane (relic density, muon g − 2, γ lines).

At fixed f_a and C_μμ/f_a, with m_a = m_φ = 1.1 m_χ (``data/scan.yaml``):

* the relic band: C_γγ giving Ω_χ+χ̄ h² = 0.120 ± 2σ from the Boltzmann equation for a Dirac χ
  (`relic_C_gg`: exact σ(s) of `darkseesaw.observables.alp_dm`, Gondolo–Gelmini averages,
  `darkseesaw.cosmo.boltzmann.omega_h2`), or the paper's freeze-out shortcut
  ⟨σv⟩ = (2.6 ± 0.4) × 10⁻²⁶ cm³/s at threshold;
* the g − 2 band: Δa_μ of eq. 3.15 (`darkseesaw.observables.g2.delta_a_alp`) within 2σ of the
  paper's 2023 value or of today's (`g2_C_gg_band`);
* the γ-line limits (H.E.S.S., MAGIC Segue 1, DAMPE; CTA projection) on ⟨σv⟩_γγ/2 for a Dirac
  χ (`gamma_line_max_C_gg`).

The relic and g − 2 equations are the model's physics for one point (the ``dm`` and ``alp``
sectors); here they are solved for C_γγ on a grid of m_a, which only this figure needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from darkseesaw.constraints import curve
from darkseesaw.cosmo.boltzmann import omega_h2
from darkseesaw.cosmo.thermal_average import thermal_average
from darkseesaw.models.alp_portal_dm import MODEL
from darkseesaw.observables import alp_dm, g2
from darkseesaw.papers.alp_portal_dm.inputs import (
    DELTA_A_MU_2023,
    FIG3,
    OMEGA_DM_H2,
    SIGMAV_THERMAL,
)

__all__ = ["GAMMA_LINE_LIMITS", "GAMMA_LINE_PROJECTIONS", "DIRAC_FLUX_FACTOR", "relic_C_gg",
           "gamma_line_max_C_gg", "g2_C_gg_band", "fig3_scan", "runs", "width_check"]

GAMMA_LINE_LIMITS: dict[str, str] = {
    "DAMPE 2022 (GC)": "id/gammaline/dampe",
    "H.E.S.S. 2018 (GC)": "id/gammaline/hess",
    "MAGIC 2014 (Segue 1)": "id/gammaline/magic",
}
"""Gamma-ray-line limits applied (constraints catalogue names). The paper's Fermi-LAT line
search (Ackermann et al. 2015) and MAGIC Galactic-Centre line search are not in the shipped
data (``shared/data/PROVENANCE.md`` §5); DAMPE 2022 stands in for the space-based search."""

GAMMA_LINE_PROJECTIONS: dict[str, str] = {"CTA (GC, projection)": "id/gammaline/cta"}

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

    Returns
    -------
    C_gg : ndarray (n,);  omega : ndarray (n,) the Ωh² reached.
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


def gamma_line_max_C_gg(m_chi, m_a, f, names: Mapping[str, str]):
    """Largest C_γγ allowed by each gamma-line curve (∞ outside its mass range), dict of arrays.

    σv_γγ today is the v → 0 limit (2502.13002 eq. 3.10) ∝ C_γγ²; the limit applies to
    ``DIRAC_FLUX_FACTOR`` × σv.
    """
    sv1 = alp_dm.sigmav_gg_threshold(m_chi, m_a, 1.0, f) * DIRAC_FLUX_FACTOR
    out = {}
    for label, name in names.items():
        lim = np.asarray(curve(name)(np.asarray(m_chi, float)), float)
        out[label] = np.where(np.isfinite(lim), np.sqrt(lim / sv1), np.inf)
    return out


def g2_C_gg_band(m_a, f, c_mumu, delta_a, n_sigma: float = 2.0, Lambda=None):
    """C_γγ interval for which eq. (3.15) gives Δa_μ within ``n_sigma`` of ``delta_a`` = (c, σ).

    Δa_μ is linear in C_γγ: Δa = P + Q C_γγ with P the C_μμ² terms (a, c) and Q the Barr–Zee
    slope (b). Returns (lo, hi) arrays (NaN where no positive C_γγ works).
    """
    d0 = g2.delta_a_alp(m_a, c_mumu, 0.0, f, Lambda=Lambda)
    d1 = g2.delta_a_alp(m_a, c_mumu, 1.0, f, Lambda=Lambda)
    P = d0["total"]
    Q = d1["total"] - P
    c, s = delta_a
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = (c - n_sigma * s - P) / Q
        e2 = (c + n_sigma * s - P) / Q
    lo, hi = np.minimum(e1, e2), np.maximum(e1, e2)
    lo = np.maximum(lo, 0.0)
    ok = hi > lo
    return np.where(ok, lo, np.nan), np.where(ok, hi, np.nan)


def runs(mask, x):
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
              delta_a=DELTA_A_MU_2023,
              n_sigma_g2: float = 2.0, relic: str = "boltzmann"):
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
        Relic band from the Boltzmann equation (Ωh² = 0.120 ± 2 × 0.0012, Dirac χ) or the paper's
        freeze-out shortcut (σv = (2.6 ± 0.4) × 10⁻²⁶ cm³/s at threshold).

    Returns
    -------
    dict with arrays over m_a: ``relic_lo``, ``relic_hi``, ``relic_central`` (C_γγ/f_a
    [GeV⁻¹]), ``g2_lo``, ``g2_hi``, ``line_max`` (strictest current line limit), per-experiment
    limits, ``cta_max``, ``allowed`` (bool) and ``intervals`` ([[m_a_lo, m_a_hi], ...] GeV).
    """
    m_a = np.asarray(m_a, float)
    m_chi = m_a / ratio
    c_mumu = c_mumu_over_fa * f_a
    if relic == "boltzmann":
        om, dom = OMEGA_DM_H2
        c_c, _ = relic_C_gg(m_chi, m_a, f_a, c_mumu, om)
        # Ω ∝ 1/⟨σv⟩ ≈ 1/C²: the band edges from Ω = om ∓ 2σ
        r_lo = c_c * math.sqrt(om / (om + 2 * dom))
        r_hi = c_c * math.sqrt(om / (om - 2 * dom))
    else:
        sv0, dsv = SIGMAV_THERMAL
        g1 = alp_dm.sigmav_gg_threshold(m_chi, m_a, 1.0, f_a)
        mu = alp_dm.sigmav_ff_threshold(m_chi, m_a, c_mumu, f_a)
        with np.errstate(invalid="ignore"):
            c_c = np.sqrt((sv0 - mu) / g1)
            r_lo = np.sqrt((sv0 - dsv - mu) / g1)
            r_hi = np.sqrt((sv0 + dsv - mu) / g1)
    g_lo, g_hi = g2_C_gg_band(m_a, f_a, c_mumu, delta_a, n_sigma_g2)
    lines = gamma_line_max_C_gg(m_chi, m_a, f_a, GAMMA_LINE_LIMITS)
    cta = gamma_line_max_C_gg(m_chi, m_a, f_a, GAMMA_LINE_PROJECTIONS)
    line_max = np.min(np.vstack(list(lines.values())), axis=0)
    lo = np.fmax(r_lo, g_lo)
    hi = np.fmin(np.fmin(r_hi, g_hi), line_max)
    allowed = np.isfinite(r_lo) & np.isfinite(g_lo) & (lo <= hi)
    lo_c = np.fmax(lo, 0)
    allowed_cta = allowed & (lo_c <= np.min(np.vstack(list(cta.values())), axis=0))
    return {"m_a": m_a, "m_chi": m_chi, "relic_lo": r_lo / f_a, "relic_hi": r_hi / f_a,
            "relic_central": c_c / f_a, "g2_lo": g_lo / f_a, "g2_hi": g_hi / f_a,
            "line_max": line_max / f_a, "lines": {k: v / f_a for k, v in lines.items()},
            "cta_max": np.min(np.vstack(list(cta.values())), axis=0) / f_a,
            "allowed": allowed, "intervals": runs(allowed, m_a),
            "intervals_cta_reach": runs(allowed & ~allowed_cta, m_a)}




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
