"""Relic density of the partly asymmetric dark matter N′ (section 3.2, Fig. 1).

⟨σv⟩ of N′N̄′ → ss for m_s ≪ m (eqs. 3.10–3.12, exact F(x)) or → s* → SM in the narrow-width
limit (eq. 3.16), and Ω_N′ from the asymmetric Boltzmann solver of `darkseesaw.cosmo` with the
conserved asymmetry η_N′ = ε η_B, ε = 123/112 and η_B = 8.8 × 10⁻¹¹ (the paper's, below
eq. 3.13). The contours of Fig. 1 are found on grids of g_s and m.

Example
-------
>>> om, r = omega_Nprime(4.0, 0.5)            # large g_s: fully asymmetric
>>> float(r) < 1e-6
True
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import kve

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.cosmo import omega_h2_asymmetric
from darkseesaw.papers.hnl_inflaton.formulas import hnl_F, hnl_F_fit
from darkseesaw.papers.hnl_inflaton.inputs import ETA_B

__all__ = ["sigma_v_ss", "sigma_v_resonant", "eps_asym_paper", "omega_Nprime", "gs_on_contour",
           "mass_on_contour", "gs_full_asymmetry", "m_fully_asymmetric"]


def sigma_v_ss(m, g_s, x, *, fit: bool = False):
    """⟨σv⟩(N′N̄′ → ss) [cm³/s] = 3 g_s⁴/(16π m²) F(x) (eqs. 3.11–3.12; exact F or the fit)."""
    F = hnl_F_fit(x) if fit else hnl_F(x)
    return ph.invGeV2_to_cm3_per_s(3 * np.asarray(g_s) ** 4 / (16 * math.pi * np.asarray(m) ** 2)
                                   * F)


def sigma_v_resonant(m, g_s, x, y):
    """⟨σv⟩(N′N̄′ → s* → SM) [cm³/s] in the narrow-width limit (eq. 3.16), y = m_s/(2m) > 1.

    π g_s²/(2m²) (y² − 1)^{3/2} x K₁(2xy)/K₂(x)².
    """
    x = np.asarray(x, float)
    ratio = kve(1, 2 * x * y) / kve(2, x) ** 2 * np.exp(-2 * x * (y - 1))
    val = math.pi * np.asarray(g_s) ** 2 / (2 * np.asarray(m) ** 2) * (y * y - 1) ** 1.5 * x * ratio
    return ph.invGeV2_to_cm3_per_s(val)


def eps_asym_paper() -> float:
    """ε = η_N′/η_B = 123/112 as used by the paper below eq. 3.13."""
    return 123 / 112


def omega_Nprime(m, g_s, *, channel: str = "ss", ms_over_m: float = 2.6, eps: float | None = None,
                 steps_per_efold: float = 100.0, fit: bool = False):
    """Ω_N′ = ρ_N′/ρ_c and r = n_N̄′/n_N′ of the partly asymmetric DM (eq. 3.13).

    Solves the asymmetric Boltzmann equation (`darkseesaw.cosmo.omega_h2_asymmetric`) with the
    conserved asymmetry η = ε η_B (η_B = 8.8e-11, the paper's) and ⟨σv⟩ of eq. 3.11
    (``channel="ss"``) or eq. 3.16 (``channel="s*"``, m_s = ms_over_m · m). Vectorised over
    broadcast (m, g_s). Returns (Ω, r).
    """
    m, g = np.broadcast_arrays(np.asarray(m, float), np.asarray(g_s, float))
    shape = m.shape
    mf, gf = m.reshape(-1), g.reshape(-1)
    e = eps_asym_paper() if eps is None else eps
    if channel == "ss":
        def sv(x):
            return sigma_v_ss(mf, gf, x, fit=fit)
    elif channel == "s*":
        def sv(x):
            return sigma_v_resonant(mf, gf, x, ms_over_m / 2)
    else:
        raise ValueError("channel must be 'ss' or 's*'")
    om, r = omega_h2_asymmetric(mf, sv, e * ETA_B, g=2.0,
                                steps_per_efold=steps_per_efold)
    om = np.asarray(om) / ph.h_Planck2018**2
    return om.reshape(shape), np.asarray(r).reshape(shape)


def gs_on_contour(m, channel="ss", ms_over_m=2.6, target=None, g_grid=None):
    """g_s giving Ω_N′ = Ω_c at DM mass m (interpolated on a g_s grid); NaN if none."""
    target = ME["omega_c_planck2018"].value if target is None else target
    g = np.geomspace(0.01, 4.0, 160) if g_grid is None else g_grid
    m = np.atleast_1d(np.asarray(m, float))
    G, Mm = np.meshgrid(g, m)
    om, _ = omega_Nprime(Mm, G, channel=channel, ms_over_m=ms_over_m)
    out = np.full(m.size, np.nan)
    for i in range(m.size):
        y = np.log(om[i])
        j = np.where((y[:-1] - math.log(target)) * (y[1:] - math.log(target)) <= 0)[0]
        if j.size:
            j = j[0]
            t = (math.log(target) - y[j]) / (y[j + 1] - y[j])
            out[i] = math.exp(math.log(g[j]) + t * (math.log(g[j + 1]) - math.log(g[j])))
    return out


def mass_on_contour(g_s, channel="ss", ms_over_m=2.6, target=None, m_grid=None):
    """DM mass with Ω_N′ = Ω_c at coupling g_s (largest root on the grid)."""
    target = ME["omega_c_planck2018"].value if target is None else target
    m = np.linspace(0.05, 6.0, 400) if m_grid is None else m_grid
    g_s = np.atleast_1d(np.asarray(g_s, float))
    Mm, G = np.meshgrid(m, g_s)
    om, _ = omega_Nprime(Mm, G, channel=channel, ms_over_m=ms_over_m)
    out = np.full(g_s.size, np.nan)
    for i in range(g_s.size):
        y = om[i] - target
        j = np.where(y[:-1] * y[1:] <= 0)[0]
        if j.size:
            j = j[-1]
            out[i] = m[j] - y[j] * (m[j + 1] - m[j]) / (y[j + 1] - y[j])
    return out


def m_fully_asymmetric() -> float:
    """DM mass [GeV] of the fully asymmetric relic (r → 0) with Ω_N′ = Ω_c (Planck 2018):
    m = Ω_c h² ρ_c/(ε η_B s₀ h²)."""
    return ME["omega_c_planck2018"].value * ph.h_Planck2018**2 / (
        eps_asym_paper() * ETA_B * ph.s0_cm3 / ph.rho_crit_over_h2_GeV_cm3)


def gs_full_asymmetry(frac: float = 0.99, fast: bool = False, *, channel: str = "ss",
                      ms_over_m: float = 2.6, g_max: float = 10.0) -> tuple[float, float]:
    """(g_s, m_asym): the coupling above which the Ω_N′ = Ω_c contour of ``channel`` (``"ss"``,
    or ``"s*"`` with m_s = ``ms_over_m`` m) reaches ``frac`` of the fully asymmetric mass m_asym
    (`m_fully_asymmetric`); NaN if not reached below ``g_max``. ``fast`` uses a 3× coarser mass
    grid (g_s changes by < 1 %)."""
    from scipy.optimize import brentq

    m_asym = m_fully_asymmetric()
    m_grid = np.linspace(0.5 * m_asym, 1.02 * m_asym, 120 if fast else 400)

    def f(g):
        m = mass_on_contour(g, channel=channel, ms_over_m=ms_over_m, m_grid=m_grid)[0]
        return (0.0 if np.isnan(m) else m) - frac * m_asym

    if f(g_max) < 0:
        return float("nan"), float(m_asym)
    return float(brentq(f, 0.05, g_max, xtol=1e-4)), float(m_asym)
