"""Fig. 2: the (m_Z′, g_BL) plane at m_χ = 1, 5, 10, 20 TeV.

Per panel: Ωh² from the Boltzmann equation (`relic.relic_density`), σ_SI (eq. 3.7), the
direct-detection limits of the paper's time (LUX 2016 excluded; the XENON1T 2018 and LZ 2022
results drawn where the paper drew the XENON1T-2ty and LZ-1000d projections, which are not
shipped) and of today (LZ 2024, XENONnT 2025), the ATLAS 139 fb⁻¹ recast (`collider.lhc_gmax`)
and perturbativity g_BL q_max ≤ √(2π). Two figures: ``fig2_bl_zprime`` (the paper's limits)
and ``fig2_bl_zprime_current`` (today's as exclusions). Panels and curves: ``data/paper.yaml``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.io import save_figure
from darkseesaw.observables.zprime import sigma_si_nucleon_pb
from darkseesaw.papers.bl_zprime.collider import lhc_gmax
from darkseesaw.papers.bl_zprime.content import Q_CHI, Q_MAX
from darkseesaw.papers.bl_zprime.relic import relic_density
from darkseesaw.papers.common import load_data

__all__ = ["PANELS", "PERT_G", "OMEGA_MAX", "dd_limit_pb", "fig2_panel", "plot_fig2"]

_D = load_data(__package__, "paper.yaml")["fig2"]
PANELS: dict[float, tuple[float, float]] = {p["m_chi_GeV"]: tuple(p["M_Zp_GeV"])
                                            for p in _D["panels"]}
"""m_χ [GeV] → (lowest, highest) m_Z′ [GeV] of each panel."""
G_RANGE: tuple[float, float] = tuple(_D["g_BL"])
OMEGA_MAX: float = _D["omega_max"]
PERT_G = math.sqrt(2 * math.pi) / Q_MAX  # g_BL q_max ≤ √(2π)
DD_PAPER: dict[str, str] = dict(_D["dd_paper"])
DD_CURRENT: list[str] = list(_D["dd_current"])
GRID: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in _D["grid"].items()}


def dd_limit_pb(name: str, m_chi):
    """Direct-detection limit [pb] at m_χ; beyond the tabulated range, ∝ m_χ (number density)."""
    c = curve(name)
    m = np.asarray(m_chi, float)
    xmax = float(np.max(c.x))
    val = np.where(m <= xmax, c(np.minimum(m, xmax)), c(xmax) * m / xmax)
    return val / ph.pb_to_cm2_factor


def fig2_panel(m_chi: float, nM: int, ng: int, m_N: float | None) -> dict[str, Any]:
    """One panel on an (nM, ng) grid (plus a dense band around m_Z′ = 2m_χ)."""
    lo, hi = PANELS[m_chi]
    Ms = np.unique(np.concatenate([np.linspace(lo, hi, nM),
                                   2 * m_chi * (1 + np.linspace(-0.12, 0.08, max(nM // 2, 6)))]))
    Ms = Ms[(Ms >= lo) & (Ms <= hi)]
    gs = np.linspace(*G_RANGE, ng)
    MM, GG = np.meshgrid(Ms, gs)  # shape (ng, nM)
    om = relic_density(np.full(MM.shape, m_chi), MM, GG, m_N=m_N)
    sdd = sigma_si_nucleon_pb(m_chi, MM, GG, Q_CHI)
    lim = {k: float(dd_limit_pb(v, m_chi)) for k, v in DD_PAPER.items()}
    lim_now = min(float(dd_limit_pb(n, m_chi)) for n in DD_CURRENT)
    gmax, _ = lhc_gmax(MM, GG, m_chi, m_N)
    lhc_excl = np.where(np.isfinite(gmax), GG > gmax, False)
    over = om > OMEGA_MAX
    dd_excl = sdd > lim["excluded"]
    pert = GG > PERT_G
    allowed = ~over & ~dd_excl & ~lhc_excl & ~pert
    allowed_now = ~over & (sdd <= lim_now) & ~lhc_excl & ~pert

    cell = np.outer(np.gradient(gs), np.gradient(Ms)) / 1e3  # TeV per cell (non-uniform M)

    def summary(mask):
        pts = np.column_stack([MM[mask], GG[mask]])
        r = (MM[mask] / m_chi) if mask.any() else np.array([np.nan])
        return {"points_MZp_GeV_gBL": pts.round(6).tolist(),
                "MZp_over_mchi_range": [float(np.nanmin(r)), float(np.nanmax(r))],
                "n_points": int(mask.sum()), "area_TeV": float((cell * mask).sum())}

    return {
        "m_chi_GeV": m_chi, "MZp_grid_GeV": Ms.tolist(), "gBL_grid": gs.tolist(),
        "omega_h2": om.tolist(), "sigma_SI_pb": sdd.tolist(),
        "dd_limits_pb": lim, "dd_limit_current_pb": lim_now,
        "lhc_gmax": np.where(np.isfinite(gmax[0]), gmax[0], None).tolist(),
        "allowed": summary(allowed), "allowed_current_limits": summary(allowed_now),
        "_masks": {"over": over, "dd": dd_excl, "lhc": lhc_excl, "pert": pert,
                   "allowed": allowed, "allowed_now": allowed_now, "M": MM, "g": GG,
                   "sdd": sdd, "lim": lim, "lim_now": lim_now, "om": om},
    }


def plot_fig2(panels: list[dict], out: Path, current: bool) -> list[str]:
    """``fig2_bl_zprime`` (paper's limits) or ``fig2_bl_zprime_current``; returns file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    gtop = G_RANGE[1]
    fig, axes = plt.subplots(2, 2, figsize=(10, 8.4))
    for ax, pan in zip(axes.ravel(), panels, strict=False):
        mk = pan["_masks"]
        M, g = mk["M"] / 1e3, mk["g"]
        ax.contourf(M, g, mk["over"].astype(float), levels=[0.5, 1.5], colors=["#9ecae1"],
                    alpha=0.8)
        ax.contour(M, g, mk["om"], levels=[OMEGA_MAX], colors=["#08519c"], linewidths=1.2)
        ax.contourf(M, g, mk["lhc"].astype(float), levels=[0.5, 1.5], colors=["#e6550d"],
                    alpha=0.55)
        ax.axhspan(PERT_G, gtop, color="0.6", alpha=0.5)
        sdd = mk["sdd"]
        if current:
            ax.contourf(M, g, (sdd > mk["lim_now"]).astype(float), levels=[0.5, 1.5],
                        colors=["#fd8d3c"], alpha=0.55)
            ax.contour(M, g, sdd / mk["lim"]["excluded"], levels=[1.0], colors=["#a63603"],
                       linewidths=1.0, linestyles=":")
        else:
            ax.contourf(M, g, mk["dd"].astype(float), levels=[0.5, 1.5], colors=["#fd8d3c"],
                        alpha=0.55)
            ax.contour(M, g, sdd / mk["lim"]["xenon1t"], levels=[1.0], colors=["#a63603"],
                       linewidths=1.2, linestyles="--")
            ax.contour(M, g, sdd / mk["lim"]["lz"], levels=[1.0], colors=["#a63603"],
                       linewidths=1.2, linestyles="-.")
        ax.axvline(2 * pan["m_chi_GeV"] / 1e3, color="k", lw=0.6, ls=":")
        ax.set_xlim(M.min(), M.max())
        ax.set_ylim(0, gtop)
        ax.set_xlabel(r"$m_{Z'}$ [TeV]")
        ax.set_ylabel(r"$g_{BL}$")
        ax.set_title(rf"$m_\chi$ = {pan['m_chi_GeV'] / 1e3:g} TeV")
    handles = [Patch(color="#9ecae1", label=r"$\Omega h^2 > 0.12$ (Boltzmann)"),
               Patch(color="#e6550d", alpha=0.55, label="LHC dilepton (ATLAS 139 fb$^{-1}$)"),
               Patch(color="0.6", alpha=0.5, label=r"non-perturbative $g_{BL}q_{max}>\sqrt{2\pi}$")]
    if current:
        handles += [Patch(color="#fd8d3c", alpha=0.55, label="LZ 2024 / XENONnT 2025 excluded"),
                    plt.Line2D([], [], color="#a63603", ls=":", label="LUX 2016")]
    else:
        handles += [Patch(color="#fd8d3c", alpha=0.55, label="LUX 2016 excluded"),
                    plt.Line2D([], [], color="#a63603", ls="--", label="XENON1T (2018 result)"),
                    plt.Line2D([], [], color="#a63603", ls="-.", label="LZ (2022 result)")]
    handles.append(plt.Line2D([], [], color="k", ls=":", lw=0.6, label=r"$m_{Z'} = 2m_\chi$"))
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.suptitle("bl-zprime: Fig. 2 of arXiv:1707.08606" + (" with current limits" if current
                                                             else ""), fontsize=11)
    fig.tight_layout(rect=(0, 0.07, 1, 0.96))
    stem = "fig2_bl_zprime_current" if current else "fig2_bl_zprime"
    return [Path(f).name for f in save_figure(fig, out, stem)]
