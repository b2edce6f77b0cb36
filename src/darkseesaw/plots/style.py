"""A shared colour and line-style scheme for darkseesaw figures.

Colours are fixed per experiment family (so that CAST is the same red in every figure of every
model) and drawn from a colour-blind-friendly palette (Okabe–Ito, extended with Paul Tol's
"muted" set) for everything else, deterministically from the curve name. Styles per kind:

================  ===============================================================
kind              drawing
================  ===============================================================
``upper_limit``   filled excluded region (alpha 0.25), solid edge
``lower_limit``   filled excluded region (alpha 0.25), solid edge
``projection``    no fill, dashed edge (``hatch_projections=True`` in the plot helpers
                  adds ``//`` hatching of the reach region)
``hint``          filled (alpha 0.3), dotted edge, hatching ``..``
``band``          grey fill (neutrino fog), no edge
================  ===============================================================

Example
-------
>>> color_for("alp/gagamma/cast")
'#a2142f'
>>> kind_style("projection")["linestyle"]
'--'
"""

from __future__ import annotations

import hashlib

PALETTE = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#332288", "#117733",
    "#882255", "#44AA99", "#999933", "#AA4499", "#DDCC77", "#88CCEE", "#661100", "#6699CC",
]

#: experiment (last name component, prefix match) -> colour; keeps figures consistent
FAMILY_COLORS = {
    "cast": "#a2142f", "iaxo": "#a2142f", "babyiaxo": "#c0392b", "alps": "#7f4f24",
    "hb": "#4daf4a", "sn1987a": "#332288", "fermi": "#006b3d", "hess": "#2a9d8f",
    "hint-tev": "#E69F00", "hint-ciber": "#CC79A7", "hint-hb": "#B8A200",
    "lux": "#6699CC", "xenon1t": "#56B4E9", "xenonnt": "#0072B2", "lz": "#D55E00",
    "pandax": "#CC79A7", "darkside": "#882255", "all": "#222222", "nufog": "#999999",
    "darwin": "#009E73", "xlzd": "#AA4499",
    "magic": "#882255", "cta": "#0072B2", "dampe": "#E69F00", "lat": "#006b3d",
    "current": "#444444", "projected": "#0072B2",
    "atlas": "#332288", "cms": "#AA4499",
}

KIND_STYLES = {
    "upper_limit": {"fill": True, "alpha": 0.25, "linestyle": "-", "hatch": None, "lw": 1.3},
    "lower_limit": {"fill": True, "alpha": 0.25, "linestyle": "-", "hatch": None, "lw": 1.3},
    "projection": {"fill": False, "alpha": 0.0, "linestyle": "--", "hatch": None, "lw": 1.6},
    "hint": {"fill": True, "alpha": 0.30, "linestyle": ":", "hatch": "..", "lw": 1.5},
    "band": {"fill": True, "alpha": 0.30, "linestyle": "-", "hatch": None, "lw": 0.0},
}


def color_for(name: str) -> str:
    """Colour of a curve: by experiment family if known, else a stable palette pick."""
    exp = name.rsplit("/", 1)[-1]
    if exp.startswith("darkcast-") or exp.startswith("foresee-"):
        exp = exp.split("-", 1)[1]
    for key in sorted(FAMILY_COLORS, key=len, reverse=True):
        if exp == key or exp.startswith(key + "-") or exp.startswith(key):
            return FAMILY_COLORS[key]
    h = int(hashlib.sha1(name.encode()).hexdigest(), 16)
    return PALETTE[h % len(PALETTE)]


def kind_style(kind: str) -> dict:
    """Drawing style (fill, alpha, linestyle, hatch, lw) for a curve kind."""
    return dict(KIND_STYLES.get(kind, KIND_STYLES["upper_limit"]))


def apply_rc() -> None:
    """Matplotlib rcParams for publication figures (serif-free, ticks inside, 300 dpi)."""
    import matplotlib as mpl

    mpl.rcParams.update({
        "font.size": 11, "axes.labelsize": 12, "legend.fontsize": 8.5, "xtick.direction": "in",
        "ytick.direction": "in", "xtick.top": True, "ytick.right": True,
        "savefig.dpi": 300, "savefig.bbox": "tight", "figure.dpi": 100,
    })
