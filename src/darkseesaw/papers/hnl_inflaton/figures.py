"""Figures 1–4 and 6–8 of the paper (Fig. 5 is a diagram), as ``hnl-inflaton_fig*.png|pdf``.

Following the ``paper_era`` convention of `darkseesaw.papers.common`, the figures whose limits
changed since the paper are drawn twice: ``hnl-inflaton_figN.png`` with today's data and
``hnl-inflaton_figN_paper_era.png`` with the limits the paper used (Figs. 2–4, 6–8):

* HNL limits (Figs. 2–4): today's HNLimits envelope vs the curves published up to 2018
  (`hnl_searches.paper_era_curves`); Fig. 4 paper-era also takes the paper's exclusive-meson
  hadronic widths;
* singlet limits (Figs. 6, 7): all FORESEE DarkHiggs bounds vs those that existed in 2019
  (`SINGLET_BOUNDS`);
* direct detection (Figs. 6–8): `direct_detection.DD_ERAS`.

The KOTO-favoured band (`koto`) is drawn in Figs. 6 and 7. ``fast`` makes the grids coarser
and writes 72-dpi PNGs only (no PDF).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from matplotlib.ticker import NullFormatter

from darkseesaw.constraints import curve
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.papers.common import save_figure
from darkseesaw.papers.hnl_inflaton import koto
from darkseesaw.papers.hnl_inflaton.direct_detection import (
    dd_limit,
    ms_self_interaction,
    sigma_SI,
    theta_dd_max,
)
from darkseesaw.papers.hnl_inflaton.hnl_searches import (
    hnl_lifetimes,
    mubar_min_lab,
    paper_era_curves,
    r_factor,
)
from darkseesaw.papers.hnl_inflaton.inputs import MN_MAX_PAPER
from darkseesaw.papers.hnl_inflaton.mixing import dm_index, mixing, mubar_delphi, mubar_min_ewpd
from darkseesaw.papers.hnl_inflaton.relic import gs_full_asymmetry, gs_on_contour, omega_Nprime
from darkseesaw.plots.limits import draw_curve

__all__ = ["fig1", "fig2", "fig3", "fig4", "fig6", "fig7", "fig8", "all_figures",
           "SINGLET_BOUNDS", "FIG8_THETAS", "ERAS"]

PREFIX = "hnl-inflaton_"
_OMEGA_C = ME["omega_c_planck2018"].value
ERAS = ("today", "paper")
"""Data eras of the figures: today's limits and the paper's (file suffix ``_paper_era``)."""

_PAPER_SINGLET = ("scalar/sintheta/foresee-charm", "scalar/sintheta/foresee-e949",
                  "scalar/sintheta/foresee-1508.04094", "scalar/sintheta/foresee-1612.08718",
                  "scalar/sintheta/foresee-bbn", "scalar/sintheta/foresee-sn1987",
                  "scalar/sintheta/foresee-ship-projection")
SINGLET_BOUNDS = {
    "paper": _PAPER_SINGLET,
    "today": _PAPER_SINGLET + ("scalar/sintheta/foresee-kdecay",
                               "scalar/sintheta/foresee-2011.11329",
                               "scalar/sintheta/foresee-2010.07644",
                               "scalar/sintheta/foresee-lsnd",
                               "scalar/sintheta/foresee-microboone",
                               "scalar/sintheta/foresee-icarus",
                               "scalar/sintheta/foresee-belle2"),
}
"""FORESEE DarkHiggs bounds of Figs. 6, 7. ``paper``: those of 2019 or earlier that the paper's
ref. [69] shows (CHARM recast, E949, LHCb B → K*S, K S, BBN, SN1987A; SHiP projection; BaBar is
not in the data); ``today`` adds NA62 (K⁺ → π⁺ X, 2020–21), LSND, MicroBooNE, ICARUS, Belle II
and FORESEE's K-decay combination."""

FIG8_THETAS = (2e-4, 6e-5, 2e-5)
"""θ_s of Fig. 8: the window sin θ_s ∼ 2 × (10⁻⁵ – 10⁻⁴) between BBN and E949 (§6.3)."""


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from darkseesaw.plots.style import apply_rc

    apply_rc()
    return plt


def _name(base: str, era: str) -> str:
    return base + ("_paper_era" if era == "paper" else "")


def _save(fig, out: Path, name: str, fast: bool) -> list[str]:
    """PNG + PDF through `darkseesaw.io.save_figure` (fast mode: PNG only, 72 dpi; the PDF
    costs as much as the rest of a figure); the file names."""
    if fast:
        return [Path(p).name for p in save_figure(fig, out, PREFIX + name, dpi=72,
                                                  formats=("png",))]
    return [Path(p).name for p in save_figure(fig, out, PREFIX + name, dpi=150)]


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


def _era_title(era: str) -> str:
    return "today's limits" if era == "today" else "limits of the paper's era (≤ 2019)"


@cache
def _gs_ss(masses: tuple[float, ...]) -> np.ndarray:
    return gs_on_contour(np.array(masses))


@cache
def _gs_res(masses: tuple[float, ...], ratio: float) -> np.ndarray:
    # light N′ needs g_s ≪ 0.01 on the s* contour: a grid reaching 10⁻⁴
    return gs_on_contour(np.array(masses), channel="s*", ms_over_m=ratio,
                         g_grid=np.geomspace(1e-4, 4.0, 200))


def _bound(theta):
    """sin θ of a DD bound; NaN where eq. 6.1 stays below the limit at any θ (θ = π/4)."""
    th = np.asarray(theta, float)
    return np.where(th < 0.999 * np.pi / 4, np.sin(th), np.nan)


# ------------------------------------------------------------------------------- Fig. 1
def fig1(out: Path, fast: bool) -> list[str]:
    """Relic density contours in (g_s, m_N′) for the three annihilation modes; the dotted line
    marks the g_s where the Ω = 0.265 contour reaches 99 % of the asymmetric plateau."""
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
        gsat = gs_full_asymmetry(fast=True, channel=ch, ms_over_m=r or 2.6)[0]
        if glim[0] < gsat < glim[1]:
            ax.axvline(gsat, color="C3", ls=":", lw=1)
            ax.text(gsat, 5.25, f" 99 % at $g_s$ = {gsat:.2f}", color="C3", fontsize=8)
        else:
            ax.text(glim[0] + 0.02 * (glim[1] - glim[0]), 5.25,
                    f"99 % of the plateau only at $g_s$ = {gsat:.1f} (off scale)",
                    color="C3", fontsize=8)
        ax.set_xlabel(r"$g_s$")
        ax.set_ylabel(r"$m_{N'}$ [GeV]")
        ax.set_title(title, fontsize=10)
        ax.plot([], [], "C3", lw=2.2, label=r"$\Omega_{N'} = 0.265$")
        ax.plot([], [], "k", lw=0.8, label=r"$\Omega_{N'}$ contours")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.suptitle("Fig. 1: relic density of the partly asymmetric DM $N'$")
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return _save(fig, out, "fig1", fast)


# ------------------------------------------------------------------------------- Fig. 2
def fig2(out: Path, fast: bool, era: str = "today") -> list[str]:
    """|U_eN|² of the unstable HNLs against the laboratory limits and the EWPD maximum."""
    plt = _plt()
    proj = ["hnl/Ue2/ship", "hnl/Ue2/dune-berryman"]
    if era == "today":
        names = ["hnl/Ue2/current", "hnl/Ue2/delphi-short", "hnl/Ue2/charm",
                 "hnl/Ue2/pmns-unitarity", *proj]
    else:
        names = [*paper_era_curves("e"), *proj]
    M = np.geomspace(0.1, 6.0, 60 if fast else 200)
    fig, axs = plt.subplots(1, 2, figsize=(13, 4.8))
    for ax, order in zip(axs, ("NH", "IH"), strict=True):
        for nm in names:
            c = curve(nm)
            draw_curve(ax, c, label=getattr(c, "label", nm))
        idx = [i for i in range(3) if i != dm_index(order)]
        mub_d = mubar_delphi(MN_MAX_PAPER, order)
        for mub, col in ((mub_d, "k"), (10 * mub_d, "C3")):
            for i, lsi in zip(idx, ("-", "-."), strict=True):
                U2 = np.abs(mixing(M, mub, order)[:, 0, i]) ** 2
                ax.plot(M, U2, color=col, ls=lsi, lw=1.6,
                        label=rf"$|U_{{e{i + 1}}}|^2$, $\bar\mu_\nu$ = {mub * 1e3:.3g} MeV")
        ew = np.array([np.sum(np.abs(mixing(m, mubar_min_ewpd(m, order), order)[0]) ** 2)
                       for m in M])
        ax.plot(M, ew, color="saddlebrown", lw=2, label=r"EWPD ($M_W$): $\bar U_e^2$ max")
        _log_axes(ax, r"$M_N$ [GeV]", r"$|U_{eN}|^2$")
        ax.set_xlim(0.1, 6)
        ax.set_ylim(1e-12, 1e-1)
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_title(f"Fig. 2 ({order}), {_era_title(era)}")
        ax.legend(fontsize=6, loc="lower left", frameon=False, ncol=2)
    fig.tight_layout()
    return _save(fig, out, _name("fig2", era), fast)


# ------------------------------------------------------------------------------- Fig. 3
def fig3(out: Path, M, mub: dict, era: str = "today", fast: bool = False) -> list[str]:
    """Minimum μ̄_ν allowed by the laboratory limits and EWPD, and r(M_N) normalised as in the
    paper: r = (μ̄_DELPHI(4.5 GeV)/μ̄_min(M_N))^{1/2} (`hnl_searches.r_factor`). ``mub`` maps
    each era to μ̄_min(M) [GeV]; the other era is drawn dashed for comparison."""
    plt = _plt()
    other = "paper" if era == "today" else "today"
    fig, axs = plt.subplots(1, 2, figsize=(12, 4.5))
    lab = {"today": "today's limits", "paper": "paper-era limits"}
    axs[0].plot(M, mub[era] * 1e3, "k", label=lab[era])
    axs[0].plot(M, mub[other] * 1e3, "0.5", ls="--", lw=1, label=lab[other])
    axs[0].fill_between(M, 1e-9, mub[era] * 1e3, color="0.85", label="excluded")
    _log_axes(axs[0], r"$M_N$ [GeV]", r"min $\bar\mu_\nu$ [MeV]")
    lo = min(np.nanmin(mub["today"]), np.nanmin(mub["paper"]))
    hi = max(np.nanmax(mub["today"]), np.nanmax(mub["paper"]))
    axs[0].set_ylim(0.3 * lo * 1e3, 3 * hi * 1e3)
    axs[0].legend(frameon=False, fontsize=8)
    axs[0].set_title(rf"Fig. 3: minimum $\bar\mu_\nu$ (NH), {_era_title(era)}", fontsize=10)
    axs[1].plot(M, r_factor(M, mub[era]), "k", label=lab[era])
    axs[1].plot(M, r_factor(M, mub[other]), "0.5", ls="--", lw=1, label=lab[other])
    axs[1].axhline(1.0, color="0.7", lw=0.6)
    _log_axes(axs[1], r"$M_N$ [GeV]",
              r"$r(M_N) = (\bar\mu_\nu^{\rm DELPHI}(4.5\,{\rm GeV})/\min\bar\mu_\nu)^{1/2}$")
    axs[1].legend(frameon=False, fontsize=8)
    axs[1].set_title(r"$|U_{\ell i}| = r(M_N)\times$ eq. 4.16 at 4.5 GeV", fontsize=10)
    fig.tight_layout()
    return _save(fig, out, _name("fig3", era), fast)


# ------------------------------------------------------------------------------- Fig. 4
def fig4(out: Path, M, mub_min, era: str = "today", fast: bool = False) -> list[str]:
    """Lifetimes, decay lengths and branching ratios of N₂, N₃ (NH, μ̄ = μ̄_min). Paper era: the
    paper's exclusive-meson hadronic widths; today: the matched prescription of
    `darkseesaw.observables.hnl_decays`."""
    plt = _plt()
    had = "matched" if era == "today" else "exclusive"
    weak = hnl_lifetimes(M, mub_min, hadrons=had)
    fast_s = hnl_lifetimes(M, mub_min, scalar=(0.0, 0.2), hadrons=had)
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
    fig.suptitle("Fig. 4: unstable HNLs, NH, " + r"$\bar\mu_\nu = \bar\mu_\nu^{\min}$, "
                 + f"{_era_title(era)}, hadrons '{had}'")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return _save(fig, out, _name("fig4", era), fast)


# ------------------------------------------------------------------------------- Figs. 6, 7
def _koto(ax, fast: bool) -> None:
    """The KOTO-favoured 1σ and 2σ bands (`koto.br_effective` inside the KOTO intervals)."""
    ms = np.geomspace(0.02, koto.m_s_max_kinematic(), 60 if fast else 160)
    th = np.geomspace(1e-5, 1e-2, 70 if fast else 200)
    MS, TH = np.meshgrid(ms, th)
    lb = np.log10(koto.br_effective(MS, TH))
    for level, col in (("2sigma", "#6a51a3"), ("1sigma", "#3f007d")):  # KOTO: dark violet
        lo, hi = koto.koto_interval(level)
        ax.contourf(MS, TH, lb, levels=[np.log10(lo), np.log10(hi)], colors=[col], alpha=0.9,
                    zorder=0.5)  # under the exclusions, as in the paper: what shows is viable
        ax.fill_between([], [], color=col, label=f"KOTO 2019 ({level[0]}σ)")


def _singlet_axes(ax, era: str, fast: bool) -> None:
    _draw(ax, SINGLET_BOUNDS[era])
    _koto(ax, fast)
    _log_axes(ax, r"$m_s$ [GeV]", r"$\sin\theta_s$")
    ax.set_xlim(1e-3, 5)
    ax.set_ylim(1e-8, 1e-1)


def fig6(out: Path, fast: bool, era: str = "today") -> list[str]:
    """Singlet limits in (m_s, sin θ_s) for m_s < m_N′ at m_N′ = 1.5, 2.5, 3.5, 4.5 GeV, with
    the DD bound of eq. 6.1 on the ss relic contour and the KOTO band. Today's figure also
    shows the paper-era DD bound (grey dashes): the KOTO band flips from allowed to excluded
    at m_N′ = 1.5 and 2.5 GeV."""
    plt = _plt()
    ms = np.geomspace(1e-3, 5.0, 60 if fast else 200)
    masses = (1.5, 2.5, 3.5, 4.5)
    gss = _gs_ss(masses)
    fig, axs = plt.subplots(2, 2, figsize=(12, 9))
    for ax, mdm, gs in zip(axs.ravel(), masses, gss, strict=True):
        _singlet_axes(ax, era, fast)
        msv = ms[ms < mdm]
        ax.plot(msv, _bound(theta_dd_max(mdm, gs, msv, era)), "k:", lw=2.2, zorder=5,
                label=rf"DD ({era}), $g_s$={gs:.3f}")
        if era == "today":
            ax.plot(msv, _bound(theta_dd_max(mdm, gs, msv, "paper")), color="0.4", ls="--",
                    lw=1.2, zorder=5, label="DD (paper era)")
        ax.set_title(rf"$m_{{N'}}$ = {mdm} GeV", fontsize=10)
        ax.legend(fontsize=5.5, frameon=False, loc="lower right", ncol=2)
    fig.suptitle(f"Fig. 6: singlet constraints, $m_s < m_{{N'}}$, {_era_title(era)}")
    fig.tight_layout()
    return _save(fig, out, _name("fig6", era), fast)


def fig7(out: Path, fast: bool, era: str = "today") -> list[str]:
    """The paper's single panel for m_s = 2.6 m_N′: at each m_s the DD bound of eq. 6.1 with
    m_N′ = m_s/2.6 and g_s on the s* relic contour (Fig. 1, centre)."""
    plt = _plt()
    ms = np.geomspace(0.3, 12.0, 40 if fast else 120)
    mN = ms / 2.6
    gs = _gs_res(tuple(mN), 2.6)
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    _singlet_axes(ax, era, fast)
    ax.set_xlim(1e-3, 12)
    ax.plot(ms, _bound(theta_dd_max(mN, gs, ms, era)), "k:", lw=2.2, zorder=5,
            label=rf"DD ({era}) at $m_s = 2.6\,m_{{N'}}$, relic $g_s$")
    if era == "today":
        ax.plot(ms, _bound(theta_dd_max(mN, gs, ms, "paper")), color="0.4", ls="--", lw=1.2,
                zorder=5, label="DD (paper era)")
    ax.set_ylim(1e-8, 1.0)  # the DD bound lies at θ_s ≳ 0.02: far weaker than in Fig. 6
    ax.set_title(f"Fig. 7: $m_s = 2.6\\,m_{{N'}}$, {_era_title(era)}", fontsize=10)
    ax.legend(fontsize=6, frameon=False, loc="lower right", ncol=2)
    fig.tight_layout()
    return _save(fig, out, _name("fig7", era), fast)


# ------------------------------------------------------------------------------- Fig. 8
def fig8(out: Path, fast: bool, era: str = "today") -> list[str]:
    """σ_SI (eq. 6.1) on the relic contour with m_s from the self-interaction rate (eq. 6.2),
    against the DD envelope of the era."""
    plt = _plt()
    m = np.geomspace(0.15, 3.0, 14 if fast else 40)
    gs = _gs_ss(tuple(m))
    fig, axs = plt.subplots(1, 2, figsize=(12, 4.6))
    for ax, som in zip(axs, (1.0, 0.1), strict=True):
        msv = ms_self_interaction(m, som)
        for th, ls in zip(FIG8_THETAS, ("--", "-", ":"), strict=True):
            ax.plot(m, sigma_SI(m, gs, th, msv), "k", ls=ls, label=rf"$\theta_s$ = {th:g}")
        ax.plot(m, dd_limit(m, era), "C3", lw=2, label=f"DD envelope ({era})")
        ax2 = ax.twinx()
        ax2.plot(m, msv * 1e3, color="C1", ls="-.", label=r"$m_s$ (eq. 6.2)")
        ax2.set_ylabel(r"$m_s$ [MeV]", color="C1")
        _log_axes(ax, r"$m_{N'}$ [GeV]", r"$\sigma_{SI}$ [cm$^2$]")
        ax.set_xlim(m[0], m[-1])
        ax.set_ylim(1e-46, 1e-30)
        ax.set_title(rf"Fig. 8: $\sigma/m_{{N'}}$ = {som:g} cm$^2$/g, {_era_title(era)}",
                     fontsize=9)
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.legend(fontsize=7, frameon=False, loc="upper left")
    fig.tight_layout(w_pad=3.0)
    return _save(fig, out, _name("fig8", era), fast)


def all_figures(out: Path, fast: bool) -> list[str]:
    """Every figure, today's then the paper-era version, in the order of the JSON's list."""
    M = np.geomspace(0.12, 5.0, 25 if fast else 80)
    mub = {e: mubar_min_lab(M, era=e) for e in ERAS}
    files = fig1(out, fast)
    for era in ERAS:
        files += fig2(out, fast, era) + fig3(out, M, mub, era, fast)
        files += fig4(out, M, mub[era], era, fast)
        files += fig6(out, fast, era) + fig7(out, fast, era) + fig8(out, fast, era)
    return files
