"""Fig. 2: the (m_Z′, g_BL) plane at m_χ = 1, 5, 10, 20 TeV, today and in the paper's era.

Per panel (one grid, shared by both eras): Ωh² from the Boltzmann equation
(`relic.relic_density`), σ_SI (eq. 3.7), the ATLAS dilepton recast (`collider.lhc_recast`) and
perturbativity g_BL q_max ≤ √(2π). The limits of each era (``data/paper.yaml``, ``fig2.eras``):

* **today** — LZ 2024 and XENONnT 2025 excluded, ATLAS 139 fb⁻¹ with the fiducial acceptance and
  the width interpolation; LUX 2016 drawn as a line for comparison;
* **paper era** — LUX 2016 excluded (the paper's orange region); the LZ 1000 d projection
  (``data/lz_projection_1000d.csv``, arXiv:1802.06039) long-dashed; the paper's XENON1T 2 t·y
  projection is not shipped, so the XENON1T 2018 *result* is drawn in its place (grey,
  labelled); the paper's ATLAS 36.1 fb⁻¹ limit is not shipped either, so the 139 fb⁻¹ region
  stands in for it (hatched, labelled).

Figures ``bl-zprime_fig2`` (today) and ``bl-zprime_fig2_paper_era``: four panels as in the
paper, its axis ranges (m_Z′ per panel, 0 ≤ g_BL ≤ 0.7). Boundaries are contours of continuous
ratios (Ωh²/0.12, σ_SI/limit, A σB/limit), not of the grid's boolean masks.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.io import save_figure
from darkseesaw.observables.zprime import sigma_si_nucleon_pb
from darkseesaw.papers.bl_zprime.collider import lhc_recast
from darkseesaw.papers.bl_zprime.content import Q_CHI, Q_MAX
from darkseesaw.papers.bl_zprime.relic import relic_density
from darkseesaw.papers.common import load_data

__all__ = ["PANELS", "PERT_G", "OMEGA_MAX", "ERAS", "dd_limit_pb", "fig2_panel", "plot_fig2",
           "era_summary"]

_D = load_data(__package__, "paper.yaml")["fig2"]
PANELS: dict[float, tuple[float, float]] = {p["m_chi_GeV"]: tuple(p["M_Zp_GeV"])
                                            for p in _D["panels"]}
"""m_χ [GeV] → (lowest, highest) m_Z′ [GeV] of each panel."""
G_RANGE: tuple[float, float] = tuple(_D["g_BL"])
OMEGA_MAX: float = _D["omega_max"]
PERT_G = math.sqrt(2 * math.pi) / Q_MAX  # g_BL q_max ≤ √(2π)
ERAS: dict[str, dict[str, Any]] = dict(_D["eras"])
"""``today`` and ``paper_era``: the direct-detection curves excluded / drawn, the LHC input."""
GRID: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in _D["grid"].items()}
STEM = {"today": "bl-zprime_fig2", "paper_era": "bl-zprime_fig2_paper_era"}


@lru_cache(maxsize=4)
def _paper_curve(fname: str) -> tuple[np.ndarray, np.ndarray]:
    """(m [GeV], σ [cm²]) of a curve shipped in this package's ``data/`` (CSV, ``#`` comments)."""
    text = resources.files(__package__).joinpath("data", fname).read_text("utf-8")
    rows = np.loadtxt(text.splitlines(), delimiter=",", comments="#")
    return rows[:, 0], rows[:, 1]


def dd_limit_pb(name: str, m_chi):
    """Direct-detection limit [pb] at m_χ [GeV]: a catalogue curve, or ``paper:<file>`` of
    ``data/`` (log-log interpolation); beyond the tabulated range, ∝ m_χ (the number density)."""
    m = np.asarray(m_chi, float)
    if name.startswith("paper:"):
        x, y = _paper_curve(name.removeprefix("paper:"))
        xmax = float(x[-1])

        def c(mm):
            return np.exp(np.interp(np.log(mm), np.log(x), np.log(y)))
    else:
        c = curve(name)
        xmax = float(np.max(c.x))
    val = np.where(m <= xmax, c(np.minimum(m, xmax)), c(xmax) * m / xmax)
    return val / ph.pb_to_cm2_factor


def _summary(mask, MM, GG, cell, m_chi) -> dict[str, Any]:
    pts = np.column_stack([MM[mask], GG[mask]])
    r = MM[mask] / m_chi
    rng = [float(r.min()), float(r.max())] if mask.any() else None
    return {"points_MZp_GeV_gBL": pts.round(6).tolist(), "MZp_over_mchi_range": rng,
            "n_points": int(mask.sum()), "area_TeV": float((cell * mask).sum())}


def fig2_panel(m_chi: float, nM: int, ng: int, m_N: float | None) -> dict[str, Any]:
    """One panel on an (nM, ng) grid (plus a dense band around m_Z′ = 2m_χ), both eras.

    Returns the JSON part of the panel (keys without ``_``: ``allowed`` with the paper's
    direct-detection limit as before, ``allowed_current_limits`` with today's), ``_paper_era``
    (the paper-era limits and the summary of its allowed region) and ``_masks`` (arrays for the
    figures).
    """
    lo, hi = PANELS[m_chi]
    Ms = np.unique(np.concatenate([np.linspace(lo, hi, nM),
                                   2 * m_chi * (1 + np.linspace(-0.12, 0.08, max(nM // 2, 6)))]))
    Ms = Ms[(Ms >= lo) & (Ms <= hi)]
    gs = np.linspace(*G_RANGE, ng)
    MM, GG = np.meshgrid(Ms, gs)  # shape (ng, nM)
    om = relic_density(np.full(MM.shape, m_chi), MM, GG, m_N=m_N)
    sdd = sigma_si_nucleon_pb(m_chi, MM, GG, Q_CHI)
    lhc = lhc_recast(Ms, gs, m_chi, m_N)
    A = lhc["acceptance"]
    lhc_excl = lhc["excluded"]
    over = om > OMEGA_MAX
    pert = GG > PERT_G
    cell = np.outer(np.gradient(gs), np.gradient(Ms)) / 1e3  # TeV per cell (non-uniform M)

    eras = {}
    for era, cfg in ERAS.items():
        lim_ex = min(float(dd_limit_pb(n, m_chi)) for n in cfg["dd_excluded"])
        lines = {k: float(dd_limit_pb(v, m_chi)) for k, v in cfg["dd_lines"].items()}
        dd_excl = sdd > lim_ex
        allowed = ~over & ~dd_excl & ~lhc_excl & ~pert
        # the part of the allowed area that each drawn line would probe (σ_SI above it)
        probed = {k: float((cell * (allowed & (sdd > v))).sum() / (cell * allowed).sum())
                  if allowed.any() else None for k, v in lines.items()}
        eras[era] = {"dd_excluded_curves": list(cfg["dd_excluded"]),
                     "dd_limit_excluded_pb": lim_ex, "dd_lines_pb": lines,
                     "allowed_area_fraction_probed_by_lines": probed,
                     "allowed": _summary(allowed, MM, GG, cell, m_chi),
                     "_allowed": allowed, "_dd_excl": dd_excl}
    today, paper = eras["today"], eras["paper_era"]

    def _json(e):
        return {k: v for k, v in e.items() if not k.startswith("_")}

    gmax = lhc["g_max"]
    pl = paper["dd_lines_pb"]
    return {
        "m_chi_GeV": m_chi, "MZp_grid_GeV": Ms.tolist(), "gBL_grid": gs.tolist(),
        "omega_h2": om.tolist(), "sigma_SI_pb": sdd.tolist(),
        # the keys of before: dd_limits_pb and allowed with the paper's DD limits (LUX 2016
        # excluded; XENON1T 2018 and LZ 2022 drawn), allowed_current_limits with today's
        "dd_limits_pb": {"excluded": paper["dd_limit_excluded_pb"],
                         "xenon1t": pl["xenon1t-2018"],
                         "lz": float(dd_limit_pb("dd/si/lz-2022", m_chi))},  # as before
        "dd_limit_current_pb": today["dd_limit_excluded_pb"],
        "lhc_gmax": [None if not np.isfinite(x) else float(x) for x in gmax],
        "lhc_g_widest": lhc["g_widest"].tolist(), "lhc_acceptance": A.tolist(),
        "allowed": paper["allowed"], "allowed_current_limits": today["allowed"],
        "_paper_era": {k: v for k, v in _json(paper).items() if k != "allowed"}
        | {"allowed": {k: v for k, v in paper["allowed"].items() if k != "points_MZp_GeV_gBL"}},
        "_masks": {"over": over, "lhc": lhc_excl, "lhc_ratio": lhc["ratio"], "pert": pert,
                   "M": MM, "g": GG, "sdd": sdd, "om": om,
                   "eras": {k: {"allowed": v["_allowed"], "dd": v["_dd_excl"],
                                "lim": v["dd_limit_excluded_pb"], "lines": v["dd_lines_pb"]}
                            for k, v in eras.items()}},
    }


def era_summary(panels: dict[str, dict]) -> dict[str, Any]:
    """{panel key: allowed M_Z′/m_χ range, number of allowed grid points, allowed area [TeV]}
    of ``{panel key: panel or era dict}`` (the JSON's ``fig2_structure``)."""
    return {k: {"MZp_over_mchi_range": v["allowed"]["MZp_over_mchi_range"],
                "n_allowed": v["allowed"]["n_points"], "area_TeV": v["allowed"]["area_TeV"]}
            for k, v in panels.items()}


_C = {"relic": "#9ecae1", "relic_line": "#08519c", "lhc": "#cb181d", "dd": "#fd8d3c",
      "dd_line": "#a63603", "old": "0.35", "pert": "0.75"}
_LINES: dict[str, tuple[Any, str]] = {"lux-2016": (":", _C["dd_line"]),
                                      "xenon1t-2018": ("--", _C["old"]),
                                      "lz-1000d-projection": ((0, (8, 3)), _C["dd_line"])}
"""Line style and colour of each drawn direct-detection limit."""


def plot_fig2(panels: list[dict], out: Path, era: str, fast: bool = False) -> list[str]:
    """``bl-zprime_fig2`` (``era="today"``) or ``bl-zprime_fig2_paper_era``; returns the file
    names (PNG + PDF at 150 dpi; ``fast``: a 72-dpi PNG only)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    gtop = G_RANGE[1]
    big = 1e30
    fig, axes = plt.subplots(2, 2, figsize=(10, 8.8))
    for ax, pan in zip(axes.ravel(), panels, strict=False):
        mk = pan["_masks"]
        e = mk["eras"][era]
        M, g = mk["M"] / 1e3, mk["g"]
        # relic: overabundant region and its boundary Ωh² = 0.12
        ax.contourf(M, g, mk["om"] / OMEGA_MAX, levels=[1.0, big], colors=[_C["relic"]])
        ax.contour(M, g, mk["om"] / OMEGA_MAX, levels=[1.0], colors=[_C["relic_line"]],
                   linewidths=1.4)
        # direct detection: the era's exclusion, shaded, with its boundary
        ax.contourf(M, g, mk["sdd"] / e["lim"], levels=[1.0, big], colors=[_C["dd"]], alpha=0.55)
        ax.contour(M, g, mk["sdd"] / e["lim"], levels=[1.0], colors=[_C["dd_line"]],
                   linewidths=1.0)
        # LHC: A σB / limit ≥ 1 (no limit above Γ/M = 10 %)
        lr = np.where(np.isfinite(mk["lhc_ratio"]), mk["lhc_ratio"], 0.0)
        if era == "today":
            ax.contourf(M, g, lr, levels=[1.0, big], colors=[_C["lhc"]], alpha=0.5)
        else:
            ax.contourf(M, g, lr, levels=[1.0, big], colors="none", hatches=["////"])
        ax.contour(M, g, lr, levels=[1.0], colors=[_C["lhc"]], linewidths=1.0)
        # lines: LUX 2016 today; the projections (LZ) and the stand-in (XENON1T) in the paper era
        for name, lim in e["lines"].items():
            ls, col = _LINES[name]
            ax.contour(M, g, mk["sdd"] / lim, levels=[1.0], colors=[col], linewidths=1.2,
                       linestyles=[ls])
        ax.axhspan(PERT_G, gtop, color=_C["pert"], alpha=0.6, lw=0)
        ax.axvline(2 * pan["m_chi_GeV"] / 1e3, color="k", lw=0.6, ls=":")
        ax.set_xlim(M.min(), M.max())
        ax.set_ylim(0, gtop)
        ax.set_xlabel(r"$m_{Z'}$ [TeV]")
        ax.set_ylabel(r"$g_{BL}$")
        ax.set_title(rf"$m_\chi$ = {pan['m_chi_GeV'] / 1e3:g} TeV")
    handles = [Patch(color=_C["relic"], label=r"$\Omega h^2 > 0.12$ (Boltzmann)"),
               Line2D([], [], color=_C["relic_line"], lw=1.4, label=r"$\Omega h^2 = 0.12$"),
               Patch(color=_C["pert"], alpha=0.6,
                     label=r"non-perturbative, $g_{BL}\,q_{max} > \sqrt{2\pi}$")]
    if era == "today":
        handles += [Patch(color=_C["lhc"], alpha=0.5,
                          label=r"ATLAS 139 fb$^{-1}$ dilepton ($\Gamma/M \leq 10\%$)"),
                    Patch(color=_C["dd"], alpha=0.55, label="LZ 2024 / XENONnT 2025 excluded"),
                    Line2D([], [], color=_C["dd_line"], ls=":", lw=1.2,
                           label="LUX 2016 (the paper's limit)")]
    else:
        handles += [Patch(facecolor="none", edgecolor=_C["lhc"], hatch="////",
                          label="ATLAS 139 fb$^{-1}$ (today's; the paper's 36 fb$^{-1}$ "
                                "limit is not shipped)"),
                    Patch(color=_C["dd"], alpha=0.55, label="LUX 2016 excluded"),
                    Line2D([], [], color=_C["old"], ls="--", lw=1.2,
                           label="XENON1T 2018 result (paper: 2 t$\\cdot$y projection)"),
                    Line2D([], [], color=_C["dd_line"], ls=(0, (8, 3)), lw=1.2,
                           label="LZ 1000 d projection (arXiv:1802.06039)")]
    handles.append(Line2D([], [], color="k", ls=":", lw=0.6, label=r"$m_{Z'} = 2m_\chi$"))
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    title = ("today's limits" if era == "today"
             else "the paper's limits (grey line, hatching: later data standing in)")
    fig.suptitle(f"bl-zprime: Fig. 2 of arXiv:1707.08606, {title}", fontsize=11)
    fig.tight_layout(rect=(0, 0.09, 1, 0.96))
    kw: dict[str, Any] = {"formats": ("png",), "dpi": 72} if fast else {}
    return [Path(f).name for f in save_figure(fig, out, STEM[era], **kw)]
