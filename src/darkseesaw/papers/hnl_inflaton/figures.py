"""Figures 1–4 and 6–8 of the paper (Fig. 5 is a diagram), as ``hnl-inflaton_fig*.png|pdf``.

Figs. 2, 6–8 draw the limit data shipped by `darkseesaw.constraints` (HNLimits, FORESEE
DarkHiggs, O'Hare's direct-detection compilation), not the curves digitised by the paper.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.ticker import NullFormatter

from darkseesaw.constraints import curve
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.papers.common import save_figure
from darkseesaw.papers.hnl_inflaton.direct_detection import (
    DD_CURVES,
    ms_self_interaction,
    sigma_SI,
    theta_dd_max,
)
from darkseesaw.papers.hnl_inflaton.hnl_searches import hnl_lifetimes, mubar_min_lab
from darkseesaw.papers.hnl_inflaton.inputs import MN_MAX_PAPER
from darkseesaw.papers.hnl_inflaton.mixing import dm_index, mixing, mubar_delphi, mubar_min_ewpd
from darkseesaw.papers.hnl_inflaton.relic import gs_on_contour, omega_Nprime
from darkseesaw.plots.limits import draw_curve

__all__ = ["fig1", "fig2", "fig3", "fig4", "fig67", "fig8", "all_figures"]

PREFIX = "hnl-inflaton_"
_OMEGA_C = ME["omega_c_planck2018"].value


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from darkseesaw.plots.style import apply_rc

    apply_rc()
    return plt


def _save(fig, out: Path, name: str) -> list[str]:
    """PNG + PDF through `darkseesaw.io.save_figure`; the file names (for the JSON)."""
    return [Path(p).name for p in save_figure(fig, out, PREFIX + name)]


def _draw(ax, names, **kw) -> None:
    for nm in names:
        try:
            draw_curve(ax, curve(nm), **kw)
        except KeyError:  # pragma: no cover - a curve missing from the catalogue
            continue


def _log_axes(ax, xlabel, ylabel) -> None:
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def fig1(out: Path, fast: bool) -> list[str]:
    """Relic density contours in (g_s, m_N′) for the three annihilation modes."""
    plt = _plt()
    n = 28 if fast else 80
    panels = [("ss", None, (0.02, 0.22), r"$m_s\simeq 0$, $N'\bar N'\to ss$"),
              ("s*", 2.6, (0.05, 0.55), r"$m_s = 2.6\,m_{N'}$, $N'\bar N'\to s^*$"),
              ("s*", 2.8, (0.1, 1.5), r"$m_s = 2.8\,m_{N'}$, $N'\bar N'\to s^*$")]
    fig, axs = plt.subplots(1, 3, figsize=(15, 4.6))
    levels = [0.1, 0.2, 0.265, 0.3, 0.4, 0.5, 1.0]
    for ax, (ch, r, glim, title) in zip(axs, panels, strict=True):
        g = np.linspace(*glim, n)
        m = np.linspace(0.2, 5.5, n)
        G, Mm = np.meshgrid(g, m)
        om, _ = omega_Nprime(Mm, G, channel=ch, ms_over_m=r or 2.6)
        cs = ax.contour(G, Mm, om, levels=levels, colors="k", linewidths=0.8)
        ax.clabel(cs, fmt="%g", fontsize=8)
        ax.contour(G, Mm, om, levels=[_OMEGA_C], colors="C3", linewidths=2.2)
        ax.set_xlabel(r"$g_s$")
        ax.set_ylabel(r"$m_{N'}$ [GeV]")
        ax.set_title(title, fontsize=10)
        ax.plot([], [], "C3", lw=2.2, label=r"$\Omega_{N'} = 0.265$")
        ax.plot([], [], "k", lw=0.8, label=r"$\Omega_{N'}$ contours")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.suptitle("Fig. 1: relic density of the partly asymmetric DM $N'$")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return _save(fig, out, "fig1")


def fig2(out: Path, fast: bool) -> list[str]:
    """|U_eN|² of the unstable HNLs against the laboratory limits and the EWPD maximum."""
    plt = _plt()
    names = ["hnl/Ue2/current", "hnl/Ue2/delphi-short", "hnl/Ue2/charm", "hnl/Ue2/pmns-unitarity",
             "hnl/Ue2/ship", "hnl/Ue2/dune-berryman"]
    M = np.geomspace(0.1, 6.0, 60 if fast else 200)
    fig, axs = plt.subplots(1, 2, figsize=(13, 4.8))
    for ax, order in zip(axs, ("NH", "IH"), strict=True):
        for nm in names:
            try:
                c = curve(nm)
            except KeyError:  # pragma: no cover - a curve missing from the catalogue
                continue
            draw_curve(ax, c, label=getattr(c, "label", nm))
        idx = [i for i in range(3) if i != dm_index(order)]
        mub_d = mubar_delphi(MN_MAX_PAPER, order)
        for mub, col in ((mub_d, "k"), (10 * mub_d, "C3")):
            for i, lsi in zip(idx, ("-", "-."), strict=True):
                U2 = np.array([np.abs(mixing(m, mub, order)[0, i]) ** 2 for m in M])
                ax.plot(M, U2, color=col, ls=lsi, lw=1.6,
                        label=rf"$|U_{{e{i + 1}}}|^2$, $\bar\mu_\nu$ = {mub * 1e3:.3g} MeV")
        ew = np.array([np.sum(np.abs(mixing(m, mubar_min_ewpd(m, order), order)[0]) ** 2)
                       for m in M])
        ax.plot(M, ew, color="saddlebrown", lw=2, label=r"EWPD ($M_W$): $\bar U_e^2$ max")
        _log_axes(ax, r"$M_N$ [GeV]", r"$|U_{eN}|^2$")
        ax.set_xlim(0.1, 6)
        ax.set_ylim(1e-12, 1e-1)
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_title(f"Fig. 2 ({order})")
        ax.legend(fontsize=6.5, loc="lower left", frameon=False, ncol=2)
    fig.tight_layout()
    return _save(fig, out, "fig2")


def fig3(out: Path, M, mub_min) -> list[str]:
    """Minimum μ̄_ν allowed by the laboratory limits and EWPD, and the scale factor r(M_N)."""
    plt = _plt()
    fig, axs = plt.subplots(1, 2, figsize=(12, 4.5))
    axs[0].plot(M, mub_min * 1e3, "k")
    axs[0].fill_between(M, 1e-6, mub_min * 1e3, color="0.8", label="excluded")
    _log_axes(axs[0], r"$M_N$ [GeV]", r"min $\bar\mu_\nu$ [MeV]")
    axs[0].set_ylim(max(1e-4, 0.3 * np.nanmin(mub_min) * 1e3), 3 * np.nanmax(mub_min) * 1e3)
    axs[0].legend(frameon=False)
    axs[0].set_title(r"Fig. 3: minimum $\bar\mu_\nu$ (NH)")
    ref = mubar_min_lab(MN_MAX_PAPER)[0]
    axs[1].plot(M, np.sqrt(ref / mub_min), "k")
    _log_axes(axs[1], r"$M_N$ [GeV]",
              r"$r(M_N) = (\bar\mu_\nu^{\min}(4.5\,\mathrm{GeV})/\bar\mu_\nu^{\min})^{1/2}$")
    fig.tight_layout()
    return _save(fig, out, "fig3")


def fig4(out: Path, M, mub_min) -> list[str]:
    """Lifetimes, decay lengths and branching ratios of N₂, N₃ (NH, μ̄ = μ̄_min)."""
    plt = _plt()
    weak = hnl_lifetimes(M, mub_min)
    fast_s = hnl_lifetimes(M, mub_min, scalar=(0.0, 0.2))
    fig, axs = plt.subplots(2, 2, figsize=(12, 9))
    for name, ls in (("N2", "-"), ("N3", "--")):
        axs[0, 0].plot(M, weak[name]["tau"], "k", ls=ls, label=f"{name}, weak ($M_N<m_s$)")
        axs[0, 0].plot(M, fast_s[name]["tau"], "C0", ls=ls,
                       label=rf"{name}, $N\to\nu s$ ($g_s$=0.2, $m_s\ll M_N$)")
        axs[0, 1].plot(M, weak[name]["L"], "k", ls=ls, label=f"{name}, weak")
        axs[0, 1].plot(M, fast_s[name]["L"], "C0", ls=ls, label=rf"{name}, $N\to\nu s$")
    for ax, lab in ((axs[0, 0], r"$\tau_N$ [s]"), (axs[0, 1], r"decay length at $E$ = 25 GeV [m]")):
        _log_axes(ax, r"$M_N$ [GeV]", lab)
        ax.legend(fontsize=7, frameon=False)
    for ax, name in ((axs[1, 0], "N2"), (axs[1, 1], "N3")):
        for k, v in weak[name]["br"].items():
            if np.nanmax(v) > 1e-4:
                ax.plot(M, v, label=k)
        _log_axes(ax, r"$M_N$ [GeV]", f"BR({name})")
        ax.set_ylim(1e-4, 1.5)
        ax.legend(fontsize=7, frameon=False)
    fig.suptitle("Fig. 4: unstable HNLs, normal hierarchy, " + r"$\bar\mu_\nu = \bar\mu_\nu^{\min}$")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return _save(fig, out, "fig4")


def fig67(out: Path, fast: bool) -> list[str]:
    """Singlet limits in (m_s, sin θ_s) with the direct-detection bound (Figs. 6 and 7)."""
    plt = _plt()
    bounds = ["scalar/sintheta/foresee-charm", "scalar/sintheta/foresee-e949",
              "scalar/sintheta/foresee-bbn", "scalar/sintheta/foresee-sn1987",
              "scalar/sintheta/foresee-lsnd", "scalar/sintheta/foresee-kdecay",
              "scalar/sintheta/foresee-bdecay", "scalar/sintheta/foresee-ship-projection"]
    files = []
    ms = np.geomspace(1e-3, 5.0, 60 if fast else 200)
    for figname, mode in (("fig6", "ss"), ("fig7", "s*")):
        masses = (1.5, 2.5, 3.5, 4.5) if mode == "ss" else (0.5, 1.0, 1.5, 2.0)
        fig, axs = plt.subplots(2, 2, figsize=(12, 9))
        for ax, mdm in zip(axs.ravel(), masses, strict=True):
            _draw(ax, bounds)
            if mode == "ss":
                gs = gs_on_contour(mdm)[0]
                msv = ms[ms < mdm]
                th = theta_dd_max(mdm, gs, msv)
                ax.plot(msv, np.sin(th), "k:", lw=2, label=rf"DD, $g_s$={gs:.3f}")
            else:
                gs = gs_on_contour(mdm, channel="s*", ms_over_m=2.6)[0]
                th = theta_dd_max(mdm, gs, np.array([2.6 * mdm]))
                ax.axhline(np.sin(th[0]), color="k", ls=":", lw=2,
                           label=rf"DD at $m_s=2.6m_{{N'}}$, $g_s$={gs:.3f}")
            _log_axes(ax, r"$m_s$ [GeV]", r"$\sin\theta_s$")
            ax.set_xlim(1e-3, 5)
            ax.set_ylim(1e-8, 1e-1)
            ax.set_title(rf"$m_{{N'}}$ = {mdm} GeV")
            ax.legend(fontsize=6, frameon=False, loc="lower right")
        fig.suptitle(("Fig. 6" if mode == "ss" else "Fig. 7") + ": singlet constraints")
        fig.tight_layout()
        files += _save(fig, out, figname)
    return files


def fig8(out: Path, fast: bool) -> list[str]:
    """σ_SI (eq. 6.1) on the relic contour with m_s from the self-interaction rate (eq. 6.2)."""
    plt = _plt()
    m = np.geomspace(0.2, 3.0, 12 if fast else 30)
    gs = gs_on_contour(m)
    fig, axs = plt.subplots(1, 2, figsize=(12, 4.6))
    for ax, som in zip(axs, (1.0, 0.1), strict=True):
        msv = ms_self_interaction(m, som)
        for th, ls in ((1e-4, "--"), (3e-5, "-"), (1e-5, ":")):
            ax.plot(m, sigma_SI(m, gs, th, msv), "k", ls=ls, label=rf"$\theta_s$ = {th:g}")
        _draw(ax, (DD_CURVES[1], DD_CURVES[2], DD_CURVES[0]))
        ax2 = ax.twinx()
        ax2.plot(m, msv * 1e3, color="C1", ls="-.", label=r"$m_s$ (eq. 6.2)")
        ax2.set_ylabel(r"$m_s$ [MeV]", color="C1")
        _log_axes(ax, r"$m_{N'}$ [GeV]", r"$\sigma_{SI}$ [cm$^2$]")
        ax.set_xlim(m[0], m[-1])
        ax.set_ylim(1e-46, 1e-30)
        ax.set_title(rf"Fig. 8: $\sigma/m_{{N'}}$ = {som:g} cm$^2$/g")
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.legend(fontsize=7, frameon=False, loc="upper left")
    fig.tight_layout(w_pad=3.0)
    return _save(fig, out, "fig8")


def all_figures(out: Path, fast: bool) -> list[str]:
    """Every figure, in the order of the JSON's ``figures`` list."""
    M = np.geomspace(0.12, 5.0, 25 if fast else 80)
    mub_min = mubar_min_lab(M)
    files = fig1(out, fast) + fig2(out, fast) + fig3(out, M, mub_min) + fig4(out, M, mub_min)
    return files + fig67(out, fast) + fig8(out, fast)
