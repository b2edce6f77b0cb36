"""Figures 2 and 3 of arXiv:2502.13002 as reproduced (PNG + PDF through `papers.common`).

* `fig2` — (a) φ–δ_CP and (b) δ_CP–m_ee of the accepted points of both textures and orderings,
  with eqs. 4.3/4.4 at the best fit (``alp-portal-dm_fig2``);
* `fig3` — the m_a–C_γγ/f_a plane for both f_a (``alp-portal-dm_fig3`` with the paper's
  Δa_μ, ``alp-portal-dm_fig3_today`` with today's).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from darkseesaw.papers.alp_portal_dm.inputs import NUFIT60_3SIGMA
from darkseesaw.papers.common import save_figure

__all__ = ["fig2", "fig3"]


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def fig2(fits: dict, out: Path, fast: bool) -> list[str]:
    """Fig. 2 from the fits ``{(texture, ordering): neutrino_fit(...)}``; returns the paths."""
    plt = _plt()
    rng = np.random.default_rng(0)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.4))
    cols = {"A": "tab:blue", "B": "tab:orange"}
    for tex in "AB":
        for ordg, alpha_, mk in (("NO", 0.25, "."), ("IO", 0.25, "x")):
            r = fits[(tex, ordg)]
            if not len(r["params"]):
                continue
            k = rng.choice(len(r["params"]), min(4000 if fast else 15000, len(r["params"])),
                           replace=False)
            ph_ = np.degrees(r["params"][k, 6])
            d = r["obs"]["delta_deg"][k]
            lab = f"texture {tex}, {ordg}" + (" (not in paper)" if ordg == "IO" else "")
            c = cols[tex] if ordg == "NO" else ("tab:green" if tex == "A" else "tab:red")
            axes[0].scatter(ph_, d, s=1.5, alpha=alpha_, color=c, marker=mk, label=lab,
                            rasterized=True)
            axes[1].scatter(d, r["obs"]["m_ee"][k] * 1e3, s=1.5, alpha=alpha_, color=c,
                            marker=mk, label=lab, rasterized=True)
    w = NUFIT60_3SIGMA["NO"]
    dd = np.linspace(0, 360, 361)
    X = w["s12sq"][0] * (1 - w["s13sq"][0]) * math.sqrt(w["dm21sq_eV2"][0]) * 1e3
    Y = w["s13sq"][0] * math.sqrt(w["dm3lsq_eV2"][0]) * 1e3
    axes[1].plot(dd, X + Y * np.cos(np.radians(dd)), "k-", lw=1, label="eq. (4.3), best fit")
    axes[1].plot(dd, X - Y * np.cos(np.radians(dd)), "k--", lw=1, label="eq. (4.4), best fit")
    axes[0].set_xlabel(r"$\phi$ [deg]")
    axes[0].set_ylabel(r"$\delta_{CP}$ [deg]")
    axes[0].set_title("(a)")
    axes[1].set_xlabel(r"$\delta_{CP}$ [deg]")
    axes[1].set_ylabel(r"$m_{ee}$ [meV]")
    axes[1].set_yscale("log")
    axes[1].set_title("(b)")
    for ax in axes:
        ax.set_xlim(0, 360)
        ax.grid(alpha=0.3)
        leg = ax.legend(fontsize=7, markerscale=6, loc="best")
        for h in leg.legend_handles:
            h.set_alpha(1)
    axes[0].set_ylim(0, 360)
    fig.suptitle("alp-portal-dm (arXiv:2502.13002) Fig. 2: points inside the 3σ ranges of Table 2")
    fig.tight_layout()
    return save_figure(fig, out, "alp-portal-dm_fig2")


def fig3(scans: dict, out: Path, tag: str, title: str) -> list[str]:
    """Fig. 3 from the scans ``{(f_a, C_mumu/f_a): fig3_scan(...)}``; returns the paths."""
    plt = _plt()
    fas = sorted({k[0] for k in scans})
    fig, axes = plt.subplots(len(fas), 1, figsize=(7.5, 5.2 * len(fas)))
    cms = sorted({k[1] for k in scans}, key=abs)  # the paper's colours, smallest |C_mumu| first
    g2col = dict(zip(cms, ("tab:green", "teal", "navy"), strict=False))
    hatch = {"DAMPE 2022 (GC)": ("rosybrown", "//"), "H.E.S.S. 2018 (GC)": ("coral", "\\\\"),
             "MAGIC 2014 (Segue 1)": ("orange", "||")}
    for ax, fa in zip(np.atleast_1d(axes), fas, strict=False):
        first = scans[(fa, cms[0])]
        x = first["m_a"] / 1e3
        top = 10.0
        ax.fill_between(x, first["relic_lo"], first["relic_hi"], color="skyblue", alpha=0.9,
                        label=r"$\Omega h^2$ = 0.120 ± 2σ (Boltzmann, Dirac $\chi$)", zorder=3)
        ax.fill_between(x, 1e-6, first["relic_lo"], facecolor="none", edgecolor="gold",
                        hatch="..", lw=0, label="overabundant", zorder=1)
        for lab, lim in first["lines"].items():
            col, h = hatch[lab]
            ok = np.isfinite(lim)
            if ok.any():
                ax.fill_between(x[ok], lim[ok], top, facecolor="none", edgecolor=col, hatch=h,
                                lw=0, label=f"{lab} line limit", zorder=2)
                ax.plot(x[ok], lim[ok], color=col, lw=1)
        ok = np.isfinite(first["cta_max"])
        if ok.any():
            ax.fill_between(x[ok], first["cta_max"][ok], top, facecolor="none", edgecolor="crimson",
                            hatch="xx", lw=0, label="CTA projection (GC)", zorder=2)
        for cm in cms:
            s = scans[(fa, cm)]
            lab = rf"$\Delta a_\mu$ ±2σ, $C_{{\mu\mu}}/f_a$ = {cm} GeV$^{{-1}}$"
            two_sided = s["g2_lo"] > 0
            if two_sided.any():
                ax.fill_between(x, s["g2_lo"], s["g2_hi"], where=two_sided, color=g2col[cm],
                                alpha=0.55, label=lab, zorder=4)
            if (~two_sided).sum() > 2:  # band reaches Δa_μ = 0: only an upper edge on C_γγ
                hi_ = np.where(two_sided, np.nan, s["g2_hi"])
                ax.plot(x, hi_, color=g2col[cm], lw=2, ls="--", zorder=4,
                        label=(rf"$\Delta a_\mu$ +2σ edge (band reaches 0), "
                               rf"$C_{{\mu\mu}}/f_a$ = {cm}"))
            for lo, hi in s["intervals"]:
                ax.axvspan(lo / 1e3, hi / 1e3, color=g2col[cm], alpha=0.12, zorder=0)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_ylim(1e-5, top)
        ax.set_xlim(x[0], x[-1])
        ax.set_xlabel(r"$m_a$ [TeV]   ($m_a = m_\phi = 1.1\, m_\chi$)")
        ax.set_ylabel(r"$C_{\gamma\gamma}/f_a$ [GeV$^{-1}$]")
        ax.set_title(rf"$f_a$ = {fa / 1e3:g} TeV (shaded columns: all constraints satisfied)")
        ax.grid(alpha=0.3, which="both")
        ax.legend(fontsize=6.5, loc="lower left", ncol=2)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return save_figure(fig, out, f"alp-portal-dm_{tag}")

