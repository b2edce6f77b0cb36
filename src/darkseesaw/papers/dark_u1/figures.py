"""Figures of the dark-u1 reproduction (PNG + PDF through `darkseesaw.papers.common.save_figure`).

* ``dark-u1_spectrum``: (a) the mass ladder of the benchmark (CP-even, CP-odd, charged scalars,
  Z and Z_D, dark fermions); (b) the CP-even mixing matrix |O_field,state|;
* ``dark-u1_zd_limits``: the Z_D of the benchmark against the visible dark-photon limits
  (``data/dark_photon_limits.yaml``): each excluded region has its own colour, hatch and edge
  line style, so that overlapping fills stay distinguishable, and the legend shows the same
  patch; ``dark-u1_zd_limits_paper_era`` (PNG) with the limits published before the paper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from darkseesaw.constraints import curve
from darkseesaw.papers.common import save_figure

__all__ = ["spectrum_figure", "zd_limits_figure", "figures"]


_HDR = {"m_HD_GeV": r"$H_\mathcal{D}$", "m_SD_MeV": r"$S_\mathcal{D}$",
        "m_SDp_MeV": r"$S'_\mathcal{D}$", "m_AD_GeV": r"$A_\mathcal{D}$",
        "m_aD_MeV": r"$a_\mathcal{D}$"}
_FIELD = {"phi": r"\phi", "S1": "S_1", "S2": "S_2"}


def _labels(branch: Any) -> dict[tuple[str, str], str]:
    """(parity, state) → 'Table-2 header (φ/S₁/S₂-like)' on the chosen branch."""
    lab = {}
    for parity, key in (("even", "cp_even"), ("odd", "cp_odd")):
        for entry, st in branch.as_dict()[key].items():
            lab[(parity, st)] = _HDR[entry] + rf" (${_FIELD[st]}$-like)"
    return lab


def spectrum_figure(out: Path, s: dict[str, Any], g: dict[str, Any], n: dict[str, Any],
                    branch: Any) -> list[str]:
    """Mass ladder and CP-even mixing matrix, states named by Table 2's headers on the chosen
    ``branch`` and by their dominant field; returns the written paths."""
    lab = _labels(branch)
    fig = Figure(figsize=(12.5, 5.4))  # no pyplot: the caller's backend is left alone
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.9, 1.0]})
    cols = {"CP-even": 0, "CP-odd": 1.7, "charged": 3.6, "vectors": 4.7,
            "dark fermions": 5.9}
    levels = [
        ("CP-even", r"$h_{\rm SM}$", s["m_hSM"], "r"),
        ("CP-even", lab[("even", "phi")], s["m_HD"], "l"),
        ("CP-even", lab[("even", "S1")], s["m_SD"], "l" if s["m_SD"] < s["m_SDp"] else "r"),
        ("CP-even", lab[("even", "S2")], s["m_SDp"], "r" if s["m_SD"] < s["m_SDp"] else "l"),
        ("CP-odd", lab[("odd", "phi")], s["m_AD"], "r"),
        ("CP-odd", lab[("odd", "S2")], s["m_aD"], "r"),
        ("charged", r"$H^\pm_\mathcal{D}$", s["m_HDpm"], "r"),
        ("vectors", r"$Z$", g["m_Z"], "r"), ("vectors", r"$Z_\mathcal{D}$", g["m_ZD"], "r"),
        ("dark fermions", r"$N_\mathcal{D}$ (6 states)", n["m_ND"], "r"),
    ]
    for sec, lab, m, side in levels:
        x = cols[sec]
        ax.hlines(m, x - 0.3, x + 0.3, color="C2" if sec == "dark fermions" else "C0", lw=2.5)
        ax.text(x + 0.33 if side == "r" else x - 0.33, m, lab, va="center",
                ha="left" if side == "r" else "right", fontsize=10)
    ax.text(cols["vectors"] - 0.45, g["m_ZD"] * 0.42,
            rf"$\epsilon$ = {g['epsilon']:.1e}" + "\n" + rf"$\epsilon'$ = {g['eps_prime']:.1e}",
            fontsize=9, va="top")
    ax.text(cols["dark fermions"] - 0.45, n["m_ND"] * 1.8,
            rf"max $|U_{{\alpha N}}|^2$ = {np.max(n['U_aN_sq']):.1e}" + "\n"
            + rf"$m_{{\nu_3}}$ = {n['m_light_eV'][2]:.3f} eV", fontsize=9, va="bottom")
    ax.set_yscale("log")
    ax.set_xticks(list(cols.values()), list(cols.keys()), fontsize=9)
    ax.set_xlim(-2.3, 7.2)
    ax.set_ylim(5e-3, 5e2)
    ax.set_ylabel("mass [GeV]")
    ax.set_title("(a) spectrum from the fitted inputs", fontsize=10)
    O = np.abs(s["O_even"])
    Oc = O[:, [int(np.argmax(O[i, :])) for i in range(4)]]  # columns (h_SM, H_D, S_D, S_D')
    im = ax2.imshow(np.log10(np.maximum(Oc, 1e-16)), cmap="viridis", vmin=-9, vmax=0)
    ax2.set_yticks(range(4), [r"$H$", r"$\phi$", r"$S_1$", r"$S_2$"])
    ax2.set_xticks(range(4), [r"$h_{\rm SM}$", r"$\phi$-like", r"$S_1$-like",
                              r"$S_2$-like"])
    for i in range(4):
        for j in range(4):
            ax2.text(j, i, f"{Oc[i, j]:.1e}" if i != j else "≈1", ha="center", va="center",
                     fontsize=8, color="w" if np.log10(max(Oc[i, j], 1e-16)) < -4 else "k")
    cb = fig.colorbar(im, ax=ax2, fraction=0.046, pad=0.04)
    cb.set_label(r"$\log_{10}|O_{\rm field,\,state}|$")
    ax2.set_xlabel("physical CP-even state")
    ax2.set_ylabel("interaction field")
    ax2.set_title(r"(b) CP-even mixing ($|\theta_{\varphi\varphi'}|$ off-diagonal)",
                  fontsize=10)
    fig.suptitle("dark-u1: fitted Table 1 → Table 2 of arXiv:1808.02500", fontsize=11)
    fig.tight_layout()
    return save_figure(fig, out, "dark-u1_spectrum")


_HATCHES = ("//", "\\\\", "||", "--", "xx", "++", "..", "oo", "//\\\\", "\\\\||", "/-",
            "\\\\-", "x.", "+o", "|.", "-o")
_LINES = ("-", "--", "-.", ":")
_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#808000", "#000080", "#800000",
            "#008080", "#b8860b")
"""16 distinct colours (tab10 + six dark ones): one per limit."""


def zd_limits_figure(out: Path, g: dict[str, Any], curves: list[str], *,
                     stem: str = "dark-u1_zd_limits", title: str = "",
                     formats: tuple[str, ...] = ("png", "pdf"),
                     style_order: list[str] | None = None) -> list[str]:
    """The benchmark Z_D on the (m_ZD, ε) plane with the visible dark-photon limits: each
    excluded region with its own colour (tab20), hatch and edge style, light translucent fill,
    legend entries showing the same patch."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Polygon

    fig = Figure(figsize=(9.0, 5.4))
    ax = fig.subplots()
    top, bot = 1e3, 1e-12
    order = list(style_order or curves)  # a limit keeps its style across figures
    for name in curves:
        j = order.index(name)
        c = curve(name)
        col = to_rgba(_COLOURS[j % len(_COLOURS)])
        hatch, ls = _HATCHES[j % len(_HATCHES)], _LINES[j % len(_LINES)]
        first = True
        for px, py, reg in c.parts_xy:
            px, py = np.asarray(px) * 1e3, np.asarray(py)
            ok = (px > 0) & (py > 0) & np.isfinite(px) & np.isfinite(py)
            px, py = px[ok], py[ok]
            if px.size < 2:
                continue
            if reg in ("above", "below"):
                cap = top if reg == "above" else bot
                vx, vy = np.r_[px, px[-1], px[0]], np.r_[py, cap, cap]
            else:
                vx, vy = np.r_[px, px[0]], np.r_[py, py[0]]
            # translucent tint + opaque hatch in the same colour (hatch colour = edge colour)
            ax.add_patch(Polygon(np.column_stack([vx, vy]), closed=True,
                                 facecolor=(*col[:3], 0.15), edgecolor=col, hatch=hatch, lw=0,
                                 zorder=1 + 0.01 * j, label=c.label if first else None))
            ax.plot(vx if reg == "inside" else px, vy if reg == "inside" else py, color=col,
                    ls=ls, lw=1.4, zorder=2 + 0.01 * j)
            first = False
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1.0, 1000.0)
    ax.set_ylim(1e-6, 1e-2)
    ax.plot([g["m_ZD"] * 1e3], [g["epsilon"]], marker="*", ms=16, color="red", mec="k",
            ls="none", label=r"dark-u1 $Z_\mathcal{D}$ (Table 2)", zorder=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=8,
              ncol=1, handleheight=1.6, handlelength=2.4)
    ax.set_xlabel(r"$m_{Z_\mathcal{D}}$ [MeV]")
    ax.set_ylabel(r"kinetic mixing $\epsilon$")
    ax.set_title(title or r"$Z_\mathcal{D}$ of the MiniBooNE benchmark vs visible dark-photon "
                 "limits (excluded regions)", fontsize=10)
    fig.tight_layout()
    return save_figure(fig, out, stem, formats=formats)


def figures(out: Path, s: dict[str, Any], g: dict[str, Any], n: dict[str, Any],
            curves: list[str], branch: Any, *, paper_era_curves: list[str]) -> list[str]:
    """The figures; returns the written paths (PNG, PDF of each; PNG of the paper-era one)."""
    return (spectrum_figure(out, s, g, n, branch) + zd_limits_figure(out, g, curves)
            + zd_limits_figure(out, g, paper_era_curves, stem="dark-u1_zd_limits_paper_era",
                               title=r"paper era: limits published before the paper (2018)",
                               formats=("png",), style_order=curves))
