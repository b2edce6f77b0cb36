"""The KOTO-favoured region of the singlet s (section 5, Figs. 6–7), recomputed.

The paper draws the 1σ and 2σ regions of its ref. [73] (Egana-Ugrinovic, Homiller, Meade,
arXiv:1911.10203) where K_L → π⁰ s with an invisible (long-lived) s explains the 2019 KOTO
candidates, BR(K_L → π⁰νν̄)_KOTO = 2.1 (+2.0 −1.1) [+4.1 −1.7] × 10⁻⁹ at 68 [95] % CL
(`constraints.measurements`: ``br_KL_pi0nunu_koto2019_{1,2}sigma``). Those regions are not
available as data; we recompute them from

    BR_eff(m_s, θ_s) = BR(K_L → π⁰ s) × P_escape(m_s, θ_s) ∈ KOTO interval,

with BR(K_L → π⁰ s) of `darkseesaw.observables.light_scalar` (top–W loop, Re λ_t) and
P_escape = exp(−L m_s Γ_ℓℓ/p) for an s of momentum p = 1.5 GeV (the K_L beam peaks at
1.4 GeV/c) that must cross L = 6 m (decay volume to the end of the detector) without decaying
(Γ_ℓℓ: e⁺e⁻ and μ⁺μ⁻; it matters only above 2 m_μ). The kinematic acceptance of KOTO is
reduced to its p_T(π⁰) > 130 MeV/c cut: the two-body π⁰ momentum p*(m_s) must exceed it
(m_s ≲ 0.26 GeV); the ratio of the signal efficiencies for π⁰s and π⁰νν̄ is set to 1, so the
θ edges carry the uncertainty of that ratio as its −½ power. Near m_s = 0.14 GeV this gives
θ_s ≈ (2.8–11) × 10⁻⁴ at 2σ, against the paper's "θ_s ∼ (2–9) × 10⁻⁴" (tested).

Example
-------
>>> lo, hi = koto_band(0.14, "2sigma")
>>> 2e-4 < float(lo) < 4e-4 and 8e-4 < float(hi) < 1.4e-3
True
"""

from __future__ import annotations

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.observables import light_scalar as ls
from darkseesaw.observables import widths
from darkseesaw.papers.hnl_inflaton.direct_detection import theta_dd_max
from darkseesaw.papers.hnl_inflaton.relic import gs_on_contour

__all__ = ["KOTO_DETECTOR", "koto_interval", "pion_momentum", "br_effective", "koto_band",
           "m_s_max_kinematic", "KOTO_MS", "PANEL_MASSES", "theta_dd_at_koto", "mN_max_koto"]

KOTO_DETECTOR = {"L_m": 6.0, "p_GeV": 1.5, "pT_min_GeV": 0.130}
"""Approximate KOTO geometry and cut: decay length to escape, typical s momentum, π⁰ p_T cut."""

_THETA = np.geomspace(1e-6, 1e-1, 601)


def koto_interval(level: str = "2sigma") -> tuple[float, float]:
    """(lower, upper) of BR(K_L → π⁰ νν̄)_KOTO 2019 at ``level`` = ``"1sigma"``/``"2sigma"``."""
    return ME[f"br_KL_pi0nunu_koto2019_{level}"].bounds


def pion_momentum(m_s):
    """π⁰ momentum p* [GeV] in the K_L rest frame for K_L → π⁰ s (NaN when closed)."""
    mK, mpi = ph.meson_masses["K0"], ph.meson_masses["pi0"]
    ms = np.asarray(m_s, float)
    lam = (mK**2 - (mpi + ms) ** 2) * (mK**2 - (mpi - ms) ** 2)
    return np.where(lam > 0, np.sqrt(np.clip(lam, 0, None)) / (2 * mK), np.nan)


def m_s_max_kinematic(pT_min: float | None = None) -> float:
    """Largest m_s [GeV] whose π⁰ can pass the p_T cut (p* = p_T,min)."""
    from scipy.optimize import brentq

    pt = KOTO_DETECTOR["pT_min_GeV"] if pT_min is None else pT_min
    top = ph.meson_masses["K0"] - ph.meson_masses["pi0"] - 1e-9
    return float(brentq(lambda m: float(pion_momentum(m)) - pt, 0.0, top))


def br_effective(m_s, theta_s):
    """BR(K_L → π⁰ s) × P(s escapes KOTO) (dimensionless), broadcast over (m_s, θ_s)."""
    ms = np.asarray(m_s, float)
    th = np.asarray(theta_s, float)
    br = ls.br_K_to_pi_S(ms, th, "KL")
    p = KOTO_DETECTOR["p_GeV"]
    with np.errstate(divide="ignore"):  # Γ = 0 (θ = 0): infinite decay length, escape = 1
        ell = widths.decay_length_m(ls.width_leptons(ms, th), ms, np.hypot(p, ms))
    return br * np.exp(-KOTO_DETECTOR["L_m"] / ell)


def koto_band(m_s, level: str = "2sigma"):
    """(θ_min, θ_max) of the KOTO-favoured band at each m_s [GeV] (NaN where none).

    θ_s on a log grid (10⁻⁶–10⁻¹, 600 steps: edges to 2 %) such that BR_eff lies in the KOTO
    interval and p*(m_s) > 130 MeV/c. Only the long-lived branch (the first θ interval from
    below) is returned; above 2 m_μ a thin second branch at large θ, where most s decay inside
    KOTO, also fits (`br_effective` shows it; the figures draw both).
    """
    ms = np.atleast_1d(np.asarray(m_s, float))
    lo, hi = koto_interval(level)
    B = br_effective(ms[:, None], _THETA[None, :])
    inside = (B >= lo) & (B <= hi)
    inside &= (pion_momentum(ms) > KOTO_DETECTOR["pT_min_GeV"])[:, None]
    tmin = np.full(ms.size, np.nan)
    tmax = np.full(ms.size, np.nan)
    for k, row in enumerate(inside):
        idx = np.flatnonzero(row)
        if idx.size:
            i0 = idx[0]
            gap = np.flatnonzero(~row[i0:])
            i1 = i0 + (gap[0] - 1 if gap.size else row.size - 1 - i0)
            tmin[k], tmax[k] = _THETA[i0], _THETA[i1]
    if np.ndim(m_s) == 0:
        return tmin[0], tmax[0]
    return tmin, tmax


KOTO_MS = 0.14
"""m_s [GeV] of the KOTO benchmark: inside the window 120–160 MeV the paper finds viable (§5)."""

PANEL_MASSES = (1.5, 2.5, 3.5, 4.5)
"""m_N′ [GeV] of the four panels of Fig. 6."""


def theta_dd_at_koto(m_dm, era: str = "today", m_s: float = KOTO_MS):
    """Largest θ_s allowed by direct detection (eq. 6.1, limits of the ``era``) at m_s, for
    DM masses m_dm [GeV] with g_s on the N′N̄′ → ss relic contour (Fig. 1, left)."""
    m = np.atleast_1d(np.asarray(m_dm, float))
    return theta_dd_max(m, gs_on_contour(m), m_s, era)


def mN_max_koto(era: str = "today", level: str = "2sigma", m_s: float = KOTO_MS,
                n: int = 60) -> float:
    """Largest m_N′ [GeV] at which the lower edge of the KOTO band at m_s is allowed by direct
    detection (θ_DD,max ≥ θ_KOTO,min), from a grid of n masses in 0.5–4.6 GeV (log-linear
    interpolation of the crossing; NaN if allowed nowhere, 4.6 if everywhere)."""
    m = np.linspace(0.5, 4.6, n)
    th = np.log(theta_dd_at_koto(m, era, m_s))
    tk = np.log(koto_band(m_s, level)[0])
    ok = np.where(np.isnan(th), True, th >= tk)  # no limit: allowed
    if ok.all():
        return float(m[-1])
    if not ok[0]:
        return float("nan")
    j = int(np.argmin(ok)) - 1  # last allowed grid point before the first excluded one
    t = (tk - th[j]) / (th[j + 1] - th[j])
    return float(m[j] + t * (m[j + 1] - m[j]))
