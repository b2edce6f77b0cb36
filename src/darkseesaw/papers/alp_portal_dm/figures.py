"""Figures 2 and 3 of arXiv:2502.13002 as reproduced (PNG + PDF through `papers.common`).

* `fig2` — (a) φ–δ_CP and (b) δ_CP–m_ee of the accepted points of both textures and orderings,
  with eqs. 4.3/4.4 at the best fit (``alp-portal-dm_fig2``);
* `fig3` — the m_a–C_γγ/f_a plane for both f_a: ``alp-portal-dm_fig3`` (the paper's Δa_μ 2023,
  today's line limits), ``alp-portal-dm_fig3_today`` (Δa_μ 2025, today's lines) and
  ``alp-portal-dm_fig3_paper_era`` (Δa_μ 2023 and the line limits the paper used that exist as
  data), following the ``paper_era`` convention of `darkseesaw.papers.common`.

Colours (the paper's scheme): γ-line limits in warm colours, hatched above the limit (Fermi-LAT
rose, H.E.S.S. coral, MAGIC orange, DAMPE purple; the CTA projection a dashed crimson line); the
relic band sky blue (a thick line: it is ±1 % wide in C_γγ); the g − 2 bands green / teal /
indigo for C_μμ/f_a = −0.01, −0.1, −1 GeV⁻¹; the allowed windows outlined in black with a
diamond. One legend below the panels, outside the data.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from darkseesaw.papers.alp_portal_dm.inputs import NUFIT60_3SIGMA, OMEGA_DM_H2
from darkseesaw.papers.common import save_figure

__all__ = ["fig2", "fig3", "G2_COLORS"]


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def fig2(fits: dict, out: Path, fast: bool, formats: tuple[str, ...] = ("png", "pdf"),
         dpi: int = 150) -> list[str]:
    """Fig. 2 from the fits ``{(texture, ordering): neutrino_fit(...)}``; returns the paths.

    One legend below both panels (outside the data, no "best" placement search)."""
    plt = _plt()
    rng = np.random.default_rng(0)
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.0))
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
    axes[0].set_ylim(0, 360)
    h, lab = axes[1].get_legend_handles_labels()
    leg = fig.legend(h, lab, loc="lower center", ncol=3, fontsize=8, markerscale=6,
                     frameon=False)
    for hh in leg.legend_handles:
        hh.set_alpha(1)
    fig.suptitle("alp-portal-dm (arXiv:2502.13002) Fig. 2: points inside the 3σ ranges of Table 2")
    fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.21, wspace=0.22)
    return save_figure(fig, out, "alp-portal-dm_fig2", formats=formats, dpi=dpi)


G2_COLORS: tuple[str, ...] = ("#2CA02C", "#00A0B0", "#3B2F8F")
"""g − 2 band colours for the three C_μμ/f_a, smallest |C_μμ| first (the paper: green, teal,
deep blue)."""

_RELIC = "#56B4E9"
_OVER = "#E6C200"
_HATCH = ("////", "\\\\", "||||", "----", "xxxx")


_LINE_COLORS = {"fermi": "#CC6677", "lat-2015": "#CC6677", "hess": "#EE7733",
                "magic": "#DDAA33", "dampe": "#AA4499", "cta": "#B2182B"}
"""Warm colours for the γ-line limits (the paper: Fermi-LAT rose, H.E.S.S. coral, MAGIC orange,
CTA crimson), kept apart from the cool g − 2 and relic colours."""


def _line_style(i: int) -> str:
    return _HATCH[i % len(_HATCH)]


def _line_color(name: str) -> str:
    exp = name.rsplit("/", 1)[-1]
    return next((c for k, c in _LINE_COLORS.items() if exp.startswith(k)), "#882255")


def fig3(scans: dict, out: Path, tag: str, title: str, formats: tuple[str, ...] = ("png", "pdf"),
         dpi: int = 150) -> list[str]:
    """Fig. 3 from the scans ``{(f_a, C_mumu/f_a): fig3_scan(...)}``; returns the paths.

    One panel per f_a, the paper's axes (m_a [TeV] from 1 TeV to 4π f_a, C_γγ/f_a [GeV⁻¹] from
    10⁻⁵ to 10, log–log). Drawn: the overabundant region (light gold), the relic band (sky
    blue), the line limits of the scan (hatched, experiment colours, solid edge), the CTA
    projection (dashed edge), the g − 2 bands (or, when the 2σ band reaches Δa_μ = 0, their upper
    edge dashed) and the allowed regions relic ∩ g − 2 ∩ lines (solid, outlined, with a marker at
    each window). One legend below the panels, outside the data.
    """
    plt = _plt()
    fas = sorted({k[0] for k in scans})
    cms = sorted({k[1] for k in scans}, key=abs)
    g2col = dict(zip(cms, G2_COLORS, strict=False))
    fig, axes = plt.subplots(len(fas), 1, figsize=(7.2, 9.0), squeeze=False)
    top, bottom = 10.0, 1e-5
    handles: dict[str, object] = {}

    def keep(label, h):
        handles.setdefault(label, h)

    for ax, fa in zip(axes[:, 0], fas, strict=False):
        first = scans[(fa, cms[0])]
        x = first["m_a"] / 1e3
        over = ax.fill_between(x, bottom, first["relic_lo"], facecolor=_OVER, alpha=0.12, lw=0,
                               zorder=0)
        keep(rf"overabundant ($\Omega h^2 > {OMEGA_DM_H2[0] + 2 * OMEGA_DM_H2[1]:.4g}$)", over)
        # the band is ±1 % in C_γγ: drawn as a thick line on top of its (thin) fill
        ax.fill_between(x, first["relic_lo"], first["relic_hi"], color=_RELIC, alpha=0.9, lw=0,
                        zorder=3)
        (relic,) = ax.plot(x, first["relic_central"], color=_RELIC, lw=3.0, zorder=3,
                           solid_capstyle="butt")
        keep(r"$\Omega h^2 = 0.120 \pm 2\sigma$ (Boltzmann, Dirac $\chi$)", relic)
        for i, (lab, lim) in enumerate(first["lines"].items()):
            ok = np.isfinite(lim)
            if not ok.any():
                continue
            col = _line_color(first["line_names"][lab])
            ax.fill_between(x[ok], lim[ok], top, facecolor="none", edgecolor=col, alpha=0.45,
                            hatch=_line_style(i), lw=0, zorder=1)
            (ln,) = ax.plot(x[ok], lim[ok], color=col, lw=1.4, zorder=2)
            keep(f"{lab} line limit", (ln,))
        ok = np.isfinite(first["cta_max"])
        if ok.any():
            name = next(iter(first["projection_names"].values()))
            (ln,) = ax.plot(x[ok], first["cta_max"][ok], color=_line_color(name), lw=1.6, ls="--",
                            zorder=2)
            keep(next(iter(first["projection_names"])), ln)
        for cm in cms:
            s = scans[(fa, cm)]
            col = g2col[cm]
            two_sided = s["g2_lo"] > 0
            if two_sided.any():
                h = ax.fill_between(x, s["g2_lo"], s["g2_hi"], where=two_sided, facecolor=col,
                                    edgecolor=col, alpha=0.4, lw=0.8, zorder=4)
                keep(rf"$\Delta a_\mu \pm 2\sigma$, $C_{{\mu\mu}}/f_a = {cm:g}$ GeV$^{{-1}}$", h)
            if (~two_sided).sum() > 2:  # the band reaches Δa_μ = 0: only an upper edge on C_γγ
                (h,) = ax.plot(x, np.where(two_sided, np.nan, s["g2_hi"]), color=col, lw=1.8,
                               ls=(0, (4, 2)), zorder=4)
                keep(rf"$\Delta a_\mu$ +2$\sigma$ edge (band reaches 0), $C_{{\mu\mu}}/f_a = {cm:g}$", h)
            lo = np.fmax(s["relic_lo"], s["g2_lo"])
            hi = np.fmin(np.fmin(s["relic_hi"], s["g2_hi"]), s["line_max"])
            if s["allowed"].any():
                h = ax.fill_between(x, lo, hi, where=s["allowed"], facecolor=col, edgecolor="k",
                                    lw=0.6, zorder=6)
                for a, b in s["intervals"]:
                    sel = (s["m_a"] >= a) & (s["m_a"] <= b)
                    xm = math.sqrt(a * b) / 1e3
                    ym = float(np.exp(np.mean(np.log(s["relic_central"][sel]))))
                    ax.plot([xm], [ym], marker="D", ms=6, mfc=col, mec="k", mew=0.8, zorder=7)
                keep(rf"allowed (relic $\cap$ $\Delta a_\mu$ $\cap$ lines), $C_{{\mu\mu}}/f_a = {cm:g}$",
                     (h, plt.Line2D([], [], marker="D", ms=6, mfc=col, mec="k", ls="")))
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_ylim(bottom, top)
        ax.set_xlim(x[0], x[-1])
        ax.set_xlabel(r"$m_a$ [TeV]   ($m_a = m_\phi = 1.1\, m_\chi$)")
        ax.set_ylabel(r"$C_{\gamma\gamma}/f_a$ [GeV$^{-1}$]")
        ax.set_title(rf"$f_a$ = {fa / 1e3:g} TeV", fontsize=10)
        ax.grid(alpha=0.25, which="major", lw=0.5)
    # fixed layout in inches (no tight_layout: it measures every tick label, the slowest step)
    ncol = 2
    n_leg = -(-len(handles) // ncol)
    n_title = title.count("\n") + 1
    top_in, panel_in, gap_in, xlab_in = 0.35 + 0.17 * n_title, 3.5, 0.8, 0.5
    leg_in = 0.19 * n_leg + 0.15
    height = top_in + len(fas) * panel_in + (len(fas) - 1) * gap_in + xlab_in + leg_in
    fig.set_size_inches(7.2, height)
    fig.subplots_adjust(left=0.12, right=0.97, top=1 - top_in / height,
                        bottom=(xlab_in + leg_in) / height, hspace=gap_in / panel_in)
    fig.suptitle(title, fontsize=9, y=1 - 0.08 / height, va="top")
    fig.legend(list(handles.values()), list(handles), loc="lower center", ncol=ncol,
               fontsize=7, frameon=False, bbox_to_anchor=(0.5, 0.0))
    return save_figure(fig, out, f"alp-portal-dm_{tag}", formats=formats, dpi=dpi)
