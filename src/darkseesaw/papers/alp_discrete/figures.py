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
    "limits": [("alp/gagamma/hb", "HB stars (globular clusters)", "#7f7f7f"),
               ("alp/gagamma/sn1987a", r"SN1987A $\gamma$-ray burst", "#bcbd22"),
               ("alp/gagamma/cast", "CAST", "#8c564b")],
    "projections": [("alp/gagamma/iaxo", "IAXO (projection)", "#2ca02c"),
                    ("alp/gagamma/alps-ii", "ALPS-II (projection)", "#17becf")],
    "hints": [("alp/gagamma/hint-tev-transparency", r"$\gamma$-ray transparency (hint)", "#d62728")],
}
"""Catalogue curves drawn in Fig. 2: (name, legend label, colour)."""


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


def _polygon(part, ytop=1.0, ybot=1e-30):
    px, py, reg = part
    px, py = np.asarray(px, float), np.asarray(py, float)
    if reg == "above":
        return np.r_[px, px[-1], px[0]], np.r_[py, ytop, ytop]
    if reg == "below":
        return np.r_[px, px[-1], px[0]], np.r_[py, ybot, ybot]
    return px, py


def figure2(out: Path, benchmarks: list[dict], notes: list[str]) -> list[str]:
    """Fig. 2: g_aγ versus m_a with hints, limits, projections and the benchmark points.

    ``benchmarks``: dicts with ``label``, ``m_a_eV``, ``g`` and ``marker``.
    """
    plt = _plt()
    from matplotlib.patches import Rectangle

    xlim, ylim = (1e-20, 1e6), (1e-18, 1e-8)
    fig, ax = plt.subplots(figsize=(7.2, 5.2))
    for group, style in (("limits", dict(alpha=0.35)), ("projections", dict(alpha=0.15)),
                         ("hints", dict(alpha=0.12))):
        for name, label, color in FIG2_CURVES[group]:
            try:
                c = curve(name)
            except Exception as e:  # noqa: BLE001
                notes.append(f"Fig. 2: curve {name} not available ({e})")
                continue
            for i, part in enumerate(c.parts_xy):
                x, y = _polygon(part)
                x = ph.GeV_to_eV(x)
                ax.fill(x, y, fc=color, lw=0, label=label if i == 0 else None, **style)
                if group != "limits":
                    ax.fill(x, y, fill=False, ec=color, lw=1.5 if group == "hints" else 1.0,
                            ls="-" if group == "hints" else "--")
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
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel(r"$m_a$ [eV]")
    ax.set_ylabel(r"$|g_{a\gamma}|$ [GeV$^{-1}$]")
    ax.set_title("ALP–photon coupling: hints, limits and the benchmarks of Carvajal et al. 2015",
                 fontsize=9)
    ax.legend(loc="lower left", fontsize=7, ncol=2, framealpha=0.9)
    fig.tight_layout()
    return save_figure(fig, out, "alp-discrete_fig2")
