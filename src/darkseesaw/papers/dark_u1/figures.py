"""Figures of the dark-u1 reproduction (PNG + PDF through `darkseesaw.papers.common.save_figure`).

* ``dark-u1_spectrum``: (a) the mass ladder of the benchmark (CP-even, CP-odd, charged scalars,
  Z and Z_D, dark fermions); (b) the CP-even mixing matrix |O_field,state|;
* ``dark-u1_zd_limits``: the Z_D of the benchmark against the visible dark-photon limits
  (``data/dark_photon_limits.yaml``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from darkseesaw.papers.common import save_figure
from darkseesaw.plots.limits import draw_limits

__all__ = ["spectrum_figure", "zd_limits_figure", "figures"]


def spectrum_figure(out: Path, s: dict[str, Any], g: dict[str, Any], n: dict[str, Any]
                    ) -> list[str]:
    """Mass ladder and CP-even mixing matrix; returns the written paths."""
    fig = Figure(figsize=(11.0, 5.4))  # no pyplot: the caller's backend is left alone
    ax, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.6, 1.0]})
    cols = {"CP-even": 0, "CP-odd": 1, "charged": 2, "vectors": 3, "dark fermions": 4}
    levels = [
        ("CP-even", r"$h_{\rm SM}$", s["m_hSM"], "r"),
        ("CP-even", r"$H_\mathcal{D}$", s["m_HD"], "l"),
        ("CP-even", r"$S_\mathcal{D}$", s["m_SD"], "l"),
        ("CP-even", r"$S'_\mathcal{D}$", s["m_SDp"], "r"),
        ("CP-odd", r"$A_\mathcal{D}$", s["m_AD"], "r"),
        ("CP-odd", r"$a_\mathcal{D}$", s["m_aD"], "r"),
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
    ax.set_xlim(-0.8, 4.9)
    ax.set_ylim(5e-3, 5e2)
    ax.set_ylabel("mass [GeV]")
    ax.set_title("(a) spectrum from the fitted inputs", fontsize=10)
    O = np.abs(s["O_even"])
    Oc = O[:, [int(np.argmax(O[i, :])) for i in range(4)]]  # columns (h_SM, H_D, S_D, S_D')
    im = ax2.imshow(np.log10(np.maximum(Oc, 1e-16)), cmap="viridis", vmin=-9, vmax=0)
    ax2.set_yticks(range(4), [r"$H$", r"$\phi$", r"$S_1$", r"$S_2$"])
    ax2.set_xticks(range(4), [r"$h_{\rm SM}$", r"$H_\mathcal{D}$", r"$S_\mathcal{D}$",
                              r"$S'_\mathcal{D}$"])
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


def zd_limits_figure(out: Path, g: dict[str, Any], curves: list[str]) -> list[str]:
    """The benchmark Z_D on the (m_ZD, ε) plane with the visible dark-photon limits."""
    fig = Figure(figsize=(8.4, 5.2))
    ax = fig.subplots()
    draw_limits(ax, curves, x_unit="MeV", xlim=(1.0, 1000.0), ylim=(1e-6, 1e-2),
                legend="outside")
    ax.plot([g["m_ZD"] * 1e3], [g["epsilon"]], marker="*", ms=16, color="red", ls="none",
            label=r"dark-u1 $Z_\mathcal{D}$ (Table 2)", zorder=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=7)
    ax.set_xlabel(r"$m_{Z_\mathcal{D}}$ [MeV]")
    ax.set_ylabel(r"kinetic mixing $\epsilon$")
    ax.set_title(r"$Z_\mathcal{D}$ of the MiniBooNE benchmark vs visible dark-photon limits",
                 fontsize=10)
    fig.tight_layout()
    return save_figure(fig, out, "dark-u1_zd_limits")


def figures(out: Path, s: dict[str, Any], g: dict[str, Any], n: dict[str, Any],
            curves: list[str]) -> list[str]:
    """Both figures; returns the written paths (PNG, PDF of each)."""
    return spectrum_figure(out, s, g, n) + zd_limits_figure(out, g, curves)
