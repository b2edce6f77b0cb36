"""Figures of the alp-discrete reproduction (Carvajal et al., JHEP 05 (2015) 069, Figs. 1 and 2).

matplotlib is set to the Agg backend (unless one is already chosen) when a figure is drawn.
Each function writes PNG and PDF through `darkseesaw.papers.common.save_figure` (file names
``alp-discrete_fig1``, ``alp-discrete_fig2``) and returns the paths.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.papers.common import save_figure

from .scales import inputs

__all__ = ["figure1", "figure2", "FIG2_CURVES"]


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


FIG2_CURVES = {
    "limits": [("alp/gagamma/sn1987a", r"SN1987A $\gamma$-ray burst", "#4c72b0")],
    "projections": [("alp/gagamma/iaxo", "IAXO (projection)", "#2ca02c"),
                    ("alp/gagamma/alps-ii", "ALPS-II (projection)", "#17becf")],
    "hints": [("alp/gagamma/hint-tev-transparency",
               r"$\gamma$-ray transparency, MHR 2013 conservative (hint)", "#d62728")],
    "today": [("alp/gagamma/hb", "HB stars (today: Dolan et al. 2022)", "0.25"),
              ("alp/gagamma/cast", "CAST 2017 (today)", "0.45")],
}
"""Catalogue curves drawn in Fig. 2: (name, legend label, colour); ``today``: curves the paper
did not draw (published later or not in its legend), drawn as dashed grey hatched outlines."""

FIG2_TEXT_STYLE = {"hint": ("#d62728", "-"), "projection": ("#2ca02c", "-"),
                   "upper_limit": ("#8c564b", "-")}
"""Colour and line style of the text-transcribed regions of ``data/fig2_paper_era.yaml``."""


def figure1(out: Path, windows: dict, M_Pl: float) -> list[str]:
    """Fig. 1: the powers p (F(p) = 0.1–10 TeV) and q (F(q) = 0.1–10 keV) versus v_σ."""
    plt = _plt()
    d = inputs()
    v = np.geomspace(*d["alp_scale_range"], 600)
    lv = np.log(v / (np.sqrt(2.0) * M_Pl))

    def k_of(F):
        return np.log(F / M_Pl) / lv

    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    pM = [k_of(F) for F in d["iss_M_window"]]
    pmu = [k_of(F) for F in d["iss_mu_window"]]
    ax.fill_between(v, pM[0], pM[1], color="#fdd835", alpha=0.55,
                    label=r"$p$: $F(p)=0.1$–$10$ TeV")
    ax.fill_between(v, pmu[0], pmu[1], color="#64b5f6", alpha=0.55,
                    label=r"$q$: $F(q)=0.1$–$10$ keV")
    for c in pM:
        ax.plot(v, c, color="#6a1b9a", lw=1.2)
    for c in pmu:
        ax.plot(v, c, color="#c62828", lw=1.2)
    for k in range(2, 8):
        ax.axhline(k, color="k", lw=0.4, ls=":")
    for key, (lo, hi) in windows.items():
        p, q = (int(x) for x in key.split(","))
        ax.plot([lo, hi], [p, p], color="#6a1b9a", lw=4, solid_capstyle="butt")
        ax.plot([lo, hi], [q, q], color="#c62828", lw=4, solid_capstyle="butt")
        ax.axvspan(lo, hi, color="0.5", alpha=0.15)
        ax.annotate(f"(p,q)=({p},{q})\n{lo:.2g}–{hi:.2g} GeV", ((lo * hi) ** 0.5, q + 0.25),
                    ha="center", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(*d["alp_scale_range"])
    ax.set_ylim(1.5, 7.5)
    ax.set_xlabel(r"$v_\sigma$ [GeV]")
    ax.set_ylabel(r"$p,\ q$")
    ax.set_title(r"ISS scales $F(k)=v_\sigma^k/(2^{k/2}M_{\rm Pl}^{k-1})$, $M_{\rm Pl}=2.4\times10^{18}$ GeV",
                 fontsize=9)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return save_figure(fig, out, "alp-discrete_fig1")


def _polygon(part, ytop=1.0, ybot=1e-30, xleft=None):
    """Closed polygon of a catalogue part; ``xleft`` extends a flat left end (two equal first
    couplings: a mass-independent limit) to that mass (drawing only)."""
    px, py, reg = part
    px, py = np.asarray(px, float), np.asarray(py, float)
    if xleft is not None and px.size > 1 and px[0] > xleft and py[0] == py[1]:
        px, py = np.r_[xleft, px], np.r_[py[0], py]
    if reg == "above":
        return np.r_[px, px[-1], px[0]], np.r_[py, ytop, ytop]
    if reg == "below":
        return np.r_[px, px[-1], px[0]], np.r_[py, ybot, ybot]
    return px, py


def _box(ax, m, g, color, ls, label, fill_alpha):
    from matplotlib.patches import Rectangle

    ylim = ax.get_ylim()
    g1 = min(g[1], ylim[1] * 10)
    ax.add_patch(Rectangle((m[0], g[0]), m[1] - m[0], g1 - g[0], fc=color, alpha=fill_alpha,
                           lw=0))
    ax.add_patch(Rectangle((m[0], g[0]), m[1] - m[0], g1 - g[0], fill=False, ec=color, lw=1.5,
                           ls=ls, label=label))


def figure2(out: Path, benchmarks: list[dict], notes: list[str]) -> list[str]:
    """Fig. 2 on the paper's axes: the paper-era hints, limits and projections (solid, as the
    paper's legend: catalogue curves and the text boxes of ``data/fig2_paper_era.yaml``), today's
    curves the paper did not draw (dashed grey, hatched) and the benchmark points.

    ``benchmarks``: dicts with ``label``, ``m_a_eV``, ``g`` and ``marker``.
    """
    from .paper_era import fig2_data, text_box

    plt = _plt()
    from matplotlib.patches import Rectangle

    axes = fig2_data()["axes"]
    xlim, ylim = tuple(axes["m_a_eV"]), tuple(axes["g"])
    fig, ax = plt.subplots(figsize=(8.0, 7.0))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    extended = []
    for group, style in (("limits", dict(alpha=0.35)), ("projections", dict(alpha=0.12)),
                         ("hints", dict(alpha=0.10)), ("today", dict(alpha=0.0))):
        for name, label, color in FIG2_CURVES[group]:
            try:
                c = curve(name)
            except Exception as e:  # noqa: BLE001
                notes.append(f"Fig. 2: curve {name} not available ({e})")
                continue
            flat = group in ("limits", "today")
            for i, part in enumerate(c.parts_xy):
                x, y = _polygon(part, xleft=ph.eV_to_GeV(xlim[0]) if flat else None)
                if flat and x[0] < part[0][0]:
                    extended.append(name)
                x = ph.GeV_to_eV(x)
                lab = label if i == 0 else None
                if group == "today":
                    ax.fill(x, y, fill=False, ec=color, lw=1.0, ls="--", hatch="//", label=lab)
                    continue
                ax.fill(x, y, fc=color, lw=0, label=lab if group == "limits" else None, **style)
                if group != "limits":
                    ax.fill(x, y, fill=False, ec=color, lw=1.5 if group == "hints" else 1.0,
                            ls="-", label=lab)
    for key in fig2_data()["text_regions"]:
        b = text_box(key)
        color, ls = FIG2_TEXT_STYLE[b["kind"]]
        _box(ax, b["m_eV"], b["g"], color, ls, b["label"],
             0.30 if b["kind"] == "upper_limit" else 0.08)
    coma_m, coma_g = _ME["alp_hint_coma_ma"].bounds, _ME["alp_hint_coma_gagamma"].bounds
    ax.add_patch(Rectangle((xlim[0], coma_g[0]), coma_m[1] - xlim[0],
                           coma_g[1] - coma_g[0], fill=False, ec="#d62728",
                           lw=1.5, ls="--", label="soft X-ray excess from Coma (hint)"))
    line_m, line_g = _ME["alp_hint_xray_line_ma"].bounds, _ME["alp_hint_xray_line_gagamma"].bounds
    ax.add_patch(Rectangle((line_m[0], line_g[0]), line_m[1] - line_m[0],
                           line_g[1] - line_g[0], fill=True, fc="#d62728",
                           ec="#d62728", lw=2, label="3.55 keV line, decaying ALP DM (hint)"))
    colors = {"s": "#1f77b4", "*": "#ff7f0e", "^": "#9467bd", "v": "#9467bd"}
    for b in benchmarks:
        filled = b.get("filled", True)
        ax.plot(b["m_a_eV"], b["g"], b["marker"], ms=9, mec="k",
                mfc=colors.get(b["marker"], "k") if filled else "none", zorder=5)
        if b["label"]:
            ax.annotate(b["label"], (b["m_a_eV"], b["g"]), xytext=(6, 6),
                        textcoords="offset points", fontsize=9, zorder=6)
    if extended:
        notes.append("Fig. 2 (drawing only): the flat low-mass ends of "
                     f"{', '.join(sorted(set(extended)))} are extended to the paper's axis edge "
                     f"m_a = {xlim[0]:.0e} eV (mass-independent bounds for light ALPs).")
    ax.set_xticks([10.0**k for k in range(-40, 7, 4)])
    ax.set_xlabel(r"$m_a$ [eV]")
    ax.set_ylabel(r"$|g_{a\gamma}|$ [GeV$^{-1}$]")
    ax.set_title("ALP–photon coupling: the paper's Fig. 2 (solid; boxes: transcribed from the "
                 "sources' text) and today's curves (dashed grey)", fontsize=8)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.11), fontsize=7, ncol=2,
              frameon=False)
    fig.tight_layout()
    return save_figure(fig, out, "alp-discrete_fig2")
