"""Draw published limits (``darkseesaw.constraints`` curves) on matplotlib axes.

``draw_limits(ax, names)`` fills excluded regions with consistent colours (see
`darkseesaw.plots.style`), hatches projections, dots hint regions, labels every curve and sets
log axes; ``limit_figure(names, file=...)`` makes a complete figure (PNG and PDF). A model's
prediction can then be overlaid on the same axis.

Units: curves are stored with masses in GeV; ``x_unit="eV"`` (or ``"MeV"``, ``"keV"``,
``"TeV"``) rescales the x axis for plotting, e.g. for ALP masses.

Example
-------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> fig, ax = limit_figure(["alp/gagamma/cast", "alp/gagamma/hb", "alp/gagamma/iaxo"],
...                        x_unit="eV", xlim=(1e-6, 10), ylim=(1e-13, 1e-8))
>>> ax.get_xscale(), ax.get_yscale()
('log', 'log')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import resolve
from darkseesaw.constraints.curves import LOG_BOTTOM, LOG_TOP, Envelope
from darkseesaw.plots.style import PALETTE, apply_rc, color_for, kind_style

X_UNITS = ph.MASS_UNITS
"""Mass units an x axis may use (`darkseesaw.physics.UNITS`)."""


def _per_GeV(unit: str) -> float:
    """Value in ``unit`` of 1 GeV (the curves' x are in GeV)."""
    return float(ph.convert(1.0, "GeV", unit))

_Y_UNIT_TEX = {"GeV^-1": r"GeV$^{-1}$", "cm^2": r"cm$^2$", "cm^3/s": r"cm$^3$ s$^{-1}$",
               "s": "s", "fb": "fb", "": ""}


def _curves(items) -> list:

    return resolve(items)


def axis_label(label: str, unit: str) -> str:
    """Axis label with its unit in brackets (mathtext), e.g. ``$m_a$ [eV]``."""
    u = _Y_UNIT_TEX.get(unit, unit)
    return f"{label} [{u}]" if u else label


def draw_curve(ax, c, *, x_unit: str = "GeV", color: str | None = None, label: str | None = None,
               fill: bool | None = None, alpha: float | None = None, zorder: float = 1.0,
               y_factor: float = 1.0, text: bool = False, hatch_projections: bool = False):
    """Draw one curve on ``ax``: excluded region (filled/hatched per kind) and its boundary.

    Parameters
    ----------
    ax : matplotlib Axes
    c : Curve or str
        The curve or its catalogue name.
    x_unit : str
        Unit of the plotted x axis (GeV, TeV, MeV, keV, eV).
    color, label, fill, alpha : optional
        Override the style of `darkseesaw.plots.style`.
    y_factor : float
        Multiply y before drawing (e.g. 2 for a Dirac-DM ⟨σv⟩ limit).
    text : bool
        Write the label inside the region instead of (also) in the legend.
    hatch_projections : bool
        Hatch the reach region of projections (default: dashed boundary only).

    Returns
    -------
    list of matplotlib artists
    """
    from matplotlib.patches import Polygon


    if isinstance(c, str):
        c = _curves(c)[0]
    sx = _per_GeV(x_unit)
    st = kind_style(c.kind)
    if hatch_projections and c.kind == "projection":
        st["hatch"] = "//"
    col = color or color_for(c.name)
    do_fill = st["fill"] if fill is None else fill
    a = st["alpha"] if alpha is None else alpha
    lab = c.label if label is None else label
    artists = []
    top, bot = 10.0 ** (LOG_TOP / 3), 10.0 ** (LOG_BOTTOM / 3)  # far outside any axis range

    if isinstance(c, Envelope) and do_fill:
        # fill the union of the members' regions (closed contours keep their upper edges, so
        # gaps such as the one between beam dumps and B factories stay visible) with an opaque
        # light tint, then draw the envelope's lower edge
        from matplotlib.colors import to_rgb

        tint = tuple(1 - a * (1 - ch) for ch in to_rgb(col))
        for m in c.members:
            for px, py, reg in m.parts_xy:
                px = np.asarray(px) * sx
                py = np.asarray(py) * y_factor
                ok = (px > 0) & (py > 0) & np.isfinite(px) & np.isfinite(py)
                px, py = px[ok], py[ok]
                if px.size < 2:
                    continue
                if reg in ("above", "below"):
                    cap = top if reg == "above" else bot
                    px = np.concatenate([px, [px[-1], px[0]]])
                    py = np.concatenate([py, [cap, cap]])
                poly = Polygon(np.column_stack([px, py]), closed=True, facecolor=tint,
                               edgecolor="none", lw=0, zorder=zorder - 0.005)
                ax.add_patch(poly)
                artists.append(poly)
        do_fill = False
    parts = c.parts_xy
    for i, (px, py, reg) in enumerate(parts):
        px = np.asarray(px) * sx
        py = np.asarray(py) * y_factor
        ok = (px > 0) & (py > 0) & np.isfinite(px) & np.isfinite(py)
        px, py = px[ok], py[ok]
        if px.size < 2:
            continue
        if reg == "above":
            vx = np.concatenate([px, [px[-1], px[0]]])
            vy = np.concatenate([py, [top, top]])
        elif reg == "below":
            vx = np.concatenate([px, [px[-1], px[0]]])
            vy = np.concatenate([py, [bot, bot]])
        else:
            vx, vy = px, py
        if do_fill or st["hatch"]:
            poly = Polygon(np.column_stack([vx, vy]), closed=True,
                           facecolor=col if do_fill else "none",
                           alpha=a if do_fill else None, edgecolor=col if st["hatch"] else "none",
                           hatch=st["hatch"], lw=0, zorder=zorder)
            if st["hatch"] and not do_fill:
                poly.set_alpha(0.35)
            ax.add_patch(poly)
            artists.append(poly)
        edge_x, edge_y = (np.append(px, px[0]), np.append(py, py[0])) if reg == "inside" else (px, py)
        if st["lw"] > 0:
            (ln,) = ax.plot(edge_x, edge_y, color=col, ls=st["linestyle"], lw=st["lw"],
                            zorder=zorder + 0.1, label=lab if i == 0 else None)
            artists.append(ln)
        elif i == 0:
            artists[-1].set_label(lab)
    if text and artists:
        lx, ly = np.log10(np.asarray(c.x) * sx), np.log10(np.asarray(c.y) * y_factor)
        k = len(lx) // 2
        ax.text(10 ** lx[k], 10 ** (ly[k] + 0.15), lab, color=col, fontsize=8, ha="center",
                va="bottom", clip_on=True)
    return artists


def draw_limits(ax, curves: Iterable, *, x_unit: str = "GeV", xlim: Sequence[float] | None = None,
                ylim: Sequence[float] | None = None, legend: bool | str = "best",
                y_factor: float = 1.0, labels: bool = True):
    """Draw several curves of one quantity on ``ax`` with log axes, units and a legend.

    Parameters
    ----------
    ax : matplotlib Axes
    curves : iterable of str or Curve
        Catalogue names (shell patterns allowed) or curve objects.
    x_unit : str
        x-axis unit (the data are in GeV).
    xlim, ylim : (float, float), optional
        Axis ranges in plotted units; default: the union of the curves' ranges.
    legend : bool or str
        Legend location (matplotlib ``loc``), ``"outside"`` (right of the axes; the default
        ``"best"`` switches to it above six curves), or False.
    y_factor : float
        Multiply every y before drawing.

    Returns
    -------
    list of Curve
        The curves drawn (in order).
    """

    cs = _curves(curves)
    order = {"band": 0, "upper_limit": 1, "lower_limit": 1, "hint": 2, "projection": 3}
    used: set[str] = set()
    for j, c in enumerate(sorted(cs, key=lambda c: order.get(c.kind, 1))):
        col = color_for(c.name)
        if col in used:  # two curves with the same colour in one figure: take a free one
            col = next((p for p in PALETTE if p not in used), col)
        used.add(col)
        draw_curve(ax, c, x_unit=x_unit, zorder=1 + 0.01 * j, y_factor=y_factor, color=col)
    ax.set_xscale("log")
    ax.set_yscale("log")
    if cs:
        c0 = cs[0]
        ax.set_xlabel(axis_label(c0.x_label or "mass", x_unit))
        ax.set_ylabel(axis_label(c0.y_label, c0.y_unit))
    if xlim is None and cs:
        lo = min(np.nanmin(np.where(c.x > 0, c.x, np.nan)) for c in cs)
        hi = max(np.nanmax(c.x) for c in cs)
        xlim = (lo * _per_GeV(x_unit), hi * _per_GeV(x_unit))
    if ylim is None and cs:
        ys = np.concatenate([np.asarray(c.y) * y_factor for c in cs])
        ys = ys[(ys > 0) & np.isfinite(ys)]
        lo, hi = np.percentile(ys, [1, 99])
        ylim = (lo / 3, hi * 3)
    if xlim is not None:
        ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if legend and labels:
        if legend == "outside" or (legend == "best" and len(cs) > 6):
            ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
        else:
            ax.legend(loc=legend if isinstance(legend, str) else "best", frameon=False)
    return cs


def limit_figure(curves: Iterable, *, file: str | None = None, x_unit: str = "GeV",
                 xlim=None, ylim=None, title: str | None = None, size=(6.4, 4.8),
                 legend: bool | str = "best"):
    """A complete limit figure (log axes, labelled, legend); saved as PNG and PDF if ``file``.

    Parameters
    ----------
    curves : iterable of str or Curve
    file : str, optional
        Output path; the same stem is also written as PDF (or PNG if ``file`` is a PDF).
    x_unit, xlim, ylim, legend : see `draw_limits`.

    Returns
    -------
    (Figure, Axes)
    """
    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg", "pdf", "svg", "cairo", "ps"):
        try:
            matplotlib.use("Agg")
        except Exception:  # pragma: no cover - backend already fixed by the caller
            pass
    import matplotlib.pyplot as plt


    apply_rc()
    fig, ax = plt.subplots(figsize=size)
    draw_limits(ax, curves, x_unit=x_unit, xlim=xlim, ylim=ylim, legend=legend)
    if title:
        ax.set_title(title)
    if file:
        save(fig, file)
    return fig, ax


def save(fig, file: str) -> list[str]:
    """Save ``fig`` as PNG and PDF (same stem); returns the written paths."""
    from pathlib import Path

    p = Path(file)
    p.parent.mkdir(parents=True, exist_ok=True)
    outs = []
    for ext in (".png", ".pdf"):
        q = p.with_suffix(ext)
        fig.savefig(q)
        outs.append(str(q))
    return outs


#: the overview panels: (file stem, curves, x unit, xlim, ylim, title)
OVERVIEW = [
    ("alp_gagamma", ["alp/gagamma/cast", "alp/gagamma/hb", "alp/gagamma/sn1987a",
                     "alp/gagamma/fermi", "alp/gagamma/hess", "alp/gagamma/babyiaxo",
                     "alp/gagamma/iaxo", "alp/gagamma/alps-ii", "alp/gagamma/hint-tev-transparency",
                     "alp/gagamma/hint-ciber", "alp/gagamma/hint-hb"],
     "eV", (1e-11, 10.0), (1e-13, 1e-8), "ALP–photon coupling"),
    ("hnl_Ue2", ["hnl/Ue2/current", "hnl/Ue2/projected"], "GeV", (1e-3, 1e3), (1e-12, 1.0),
     "HNL mixing with the electron flavour"),
    ("hnl_Umu2", ["hnl/Umu2/current", "hnl/Umu2/projected"], "GeV", (1e-3, 1e3), (1e-12, 1.0),
     "HNL mixing with the muon flavour"),
    ("hnl_Utau2", ["hnl/Utau2/current", "hnl/Utau2/projected"], "GeV", (1e-3, 1e3),
     (1e-10, 1.0), "HNL mixing with the tau flavour"),
    ("dd_si", ["dd/si/nufog-n2-xe", "dd/si/lux-2016", "dd/si/xenon1t", "dd/si/pandax-4t-2024",
               "dd/si/xenonnt-2025", "dd/si/lz-2024", "dd/si/darwin-projection"],
     "GeV", (3.0, 1e4), (1e-49, 1e-42), "Spin-independent DM–nucleon scattering"),
    ("id_gammaline", ["id/gammaline/hess", "id/gammaline/magic", "id/gammaline/dampe",
                      "id/gammaline/veritas-2017-multidsph", "id/gammaline/cta"],
     "GeV", (10.0, 1e5), (1e-30, 1e-23), "Gamma-ray lines (χχ → γγ)"),
    ("darkphoton_epsilon", ["darkphoton/epsilon/darkcast-visible",
                            "darkphoton/epsilon/darkcast-invisible",
                            "darkphoton/epsilon/foresee-faser-27invfb",
                            "darkphoton/epsilon/foresee-ship-projection",
                            "darkphoton/epsilon/foresee-belle2-projection"],
     "GeV", (1e-3, 10.0), (1e-8, 1e-2), "Dark photon"),
    ("scalar_sintheta", ["scalar/sintheta/foresee-1508.04094", "scalar/sintheta/foresee-1612.08718",
                         "scalar/sintheta/foresee-2011.11329", "scalar/sintheta/foresee-charm",
                         "scalar/sintheta/foresee-e949", "scalar/sintheta/foresee-lsnd",
                         "scalar/sintheta/foresee-microboone", "scalar/sintheta/foresee-icarus",
                         "scalar/sintheta/foresee-sn1987", "scalar/sintheta/foresee-bbn",
                         "scalar/sintheta/foresee-ship-projection",
                         "scalar/sintheta/foresee-mathusla-projection"],
     "GeV", (1e-3, 10.0), (1e-6, 1e-1),
     "Higgs-mixed scalar"),
]


def overview_figures(out: str) -> list[str]:
    """Write the standard limit figures (PNG + PDF) to ``out``; returns the paths written."""
    import matplotlib.pyplot as plt

    written = []
    for stem, cs, xu, xl, yl, title in OVERVIEW:
        fig, _ = limit_figure(cs, x_unit=xu, xlim=xl, ylim=yl, title=title, legend="outside")
        written += save(fig, f"{out}/{stem}.png")
        plt.close(fig)
    return written
