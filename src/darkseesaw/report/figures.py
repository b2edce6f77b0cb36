"""Figures of a scan: 1-D and 2-D marginals and profile likelihoods, limit overlays, failures.

Conventions
-----------
- Profile likelihood: Delta chi^2 = -2 (ln L_max(bin) - ln L_max), the maximum of ``loglike``
  over the points in each bin; the 68.3 % and 95.4 % regions of two parameters are
  Delta chi^2 < 2.30 and < 6.18 (one parameter: 1 and 4), Wilks' theorem.
- Marginal: histogram of the points (grid/random/lhs/sobol: the allowed points, i.e. prior
  samples passing every limit; MCMC: the chain after ``burn``; nested sampling: the samples
  with their importance weights), normalised to unit area.
- Parameters with a log prior are shown on log axes.

Every function takes a pandas DataFrame of stored points and returns a matplotlib Figure
(Agg backend); `save` writes it as PNG and PDF.

Example
-------
>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({"x": np.linspace(0, 1, 50), "loglike": -np.linspace(0, 1, 50),
...                    "ok": True, "allowed": True})
>>> fig = marginal_1d(df, "x", label="x", log=False)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from darkseesaw import constraints
from darkseesaw.plots import limits as L
from darkseesaw.plots.limits import axis_label

DCHI2_2D = (2.30, 6.18)  # 68.3 %, 95.4 % for two parameters (Wilks)
DCHI2_1D = (1.0, 4.0)
MAX_SCATTER = 20_000


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _tidy_log(ax, which: str) -> None:
    """Readable tick labels on a log axis spanning few decades (plain numbers 1, 2, 5)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis = ax.xaxis if which == "x" else ax.yaxis
    lo, hi = (ax.get_xlim() if which == "x" else ax.get_ylim())
    if lo <= 0 or hi <= 0:
        return
    fmt = FuncFormatter(lambda v, _: f"{v:g}")
    if np.log10(hi / lo) < 2.5:
        axis.set_major_locator(LogLocator(subs=(1.0,)))
        axis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
        axis.set_major_formatter(fmt)
        axis.set_minor_formatter(fmt)
    else:
        axis.set_minor_formatter(NullFormatter())


def _edges(v: np.ndarray, log: bool, bins: int) -> np.ndarray:
    v = v[np.isfinite(v)]
    if log:
        v = v[v > 0]
    if v.size == 0:
        return np.linspace(0, 1, bins + 1)
    lo, hi = (np.log10(v.min()), np.log10(v.max())) if log else (v.min(), v.max())
    if hi <= lo:
        hi = lo + 1.0
    e = np.linspace(lo, hi, bins + 1)
    return 10**e if log else e


def has_likelihood(df) -> bool:
    ll = df.loc[df["ok"], "loglike"].to_numpy(float)
    ll = ll[np.isfinite(ll)]
    return ll.size > 1 and np.ptp(ll) > 0


def profile_1d(x: np.ndarray, ll: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Max of ``ll`` in each bin of ``x`` (NaN for empty bins)."""
    idx = np.digitize(x, edges) - 1
    ok = (idx >= 0) & (idx < len(edges) - 1) & np.isfinite(ll)
    prof = np.full(len(edges) - 1, -np.inf)
    np.maximum.at(prof, idx[ok], ll[ok])
    return np.where(np.isfinite(prof), prof, np.nan)


def profile_2d(x, y, ll, ex, ey) -> np.ndarray:
    """Max of ``ll`` in each (x, y) bin, shape (len(ex)-1, len(ey)-1), NaN for empty bins."""
    ix = np.digitize(x, ex) - 1
    iy = np.digitize(y, ey) - 1
    nx, ny = len(ex) - 1, len(ey) - 1
    ok = (ix >= 0) & (ix < nx) & (iy >= 0) & (iy < ny) & np.isfinite(ll)
    prof = np.full(nx * ny, -np.inf)
    np.maximum.at(prof, ix[ok] * ny + iy[ok], ll[ok])
    prof = prof.reshape(nx, ny)
    return np.where(np.isfinite(prof), prof, np.nan)


def _weights(df):
    return df["weight"].to_numpy(float) if "weight" in df else None


def marginal_1d(df, name: str, *, label: str, log: bool, bins: int = 40, title: str = ""):
    """Histogram of ``name`` (all ok points and the allowed ones, or the posterior) with the
    profile likelihood Delta chi^2 on a second axis when the scan has a likelihood."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.2, 3.8), layout="constrained")
    ok = df[df["ok"]]
    x = ok[name].to_numpy(float)
    bins = int(min(bins, max(6, np.sqrt(max(len(x), 1)))))
    e = _edges(x, log, bins)
    w = _weights(ok)

    def hist(v, weights=None, **kw):
        # density per unit of the parameter, or per decade on a log axis
        t = np.log10(np.where(v > 0, v, np.nan)) if log else v
        ee = np.log10(e) if log else e
        good = np.isfinite(t)
        if not good.any():
            return
        h, _ = np.histogram(t[good], bins=ee, density=True,
                            weights=None if weights is None else weights[good])
        ax.stairs(h, e, **kw)

    if w is not None or "step" in df:
        hist(x, w, fill=True, alpha=0.35, color="C0", label="posterior")
    else:
        hist(x, color="0.4", label="all ok points")
        xa = df.loc[df["allowed"], name].to_numpy(float)
        if xa.size:
            hist(xa, fill=True, alpha=0.35, color="C0", label="allowed")
    ax.set_xlabel(label)
    ax.set_ylabel("probability density" + (" per decade" if log else ""))
    if log:
        ax.set_xscale("log")
        _tidy_log(ax, "x")
    handles, labels = ax.get_legend_handles_labels()
    if has_likelihood(df):
        ll = ok["loglike"].to_numpy(float)
        prof = profile_1d(x, ll, e)
        d = -2 * (prof - np.nanmax(ll))
        c = np.sqrt(e[:-1] * e[1:]) if log else 0.5 * (e[:-1] + e[1:])
        ax2 = ax.twinx()
        (line,) = ax2.plot(c, d, color="C3", lw=1.6, label=r"profile $\Delta\chi^2$")
        for lev in DCHI2_1D:
            ax2.axhline(lev, color="C3", lw=0.8, ls=":")
        ax2.set_ylabel(r"$\Delta\chi^2 = -2\,\Delta\ln L$ (profile)")
        ax2.set_ylim(0, max(10.0, min(50.0, np.nanmax(d) if np.isfinite(d).any() else 10)))
        handles.append(line)
        labels.append(line.get_label())
    ax.legend(handles, labels, fontsize=8, loc="best")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def pair_2d(df, nx: str, ny: str, *, xlabel: str, ylabel: str, xlog: bool, ylog: bool,
            bins: int = 50, title: str = ""):
    """2-D view of two parameters: the profile likelihood map with its 68 % and 95 % regions
    when the scan has a likelihood; else the allowed points over the failed/excluded ones."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.4, 4.4), layout="constrained")
    ok = df[df["ok"]]
    x, y = ok[nx].to_numpy(float), ok[ny].to_numpy(float)
    if has_likelihood(df):
        bins = int(min(bins, max(6, np.sqrt(len(x)) / 4)))
        ex, ey = _edges(x, xlog, bins), _edges(y, ylog, bins)
        ll = ok["loglike"].to_numpy(float)
        prof = profile_2d(x, y, ll, ex, ey)
        d = -2 * (prof - np.nanmax(ll))
        m = ax.pcolormesh(ex, ey, d.T, cmap="viridis_r", vmin=0, vmax=max(DCHI2_2D) * 2,
                          shading="flat")
        fig.colorbar(m, ax=ax, label=r"profile $\Delta\chi^2$")
        cx = np.sqrt(ex[:-1] * ex[1:]) if xlog else 0.5 * (ex[:-1] + ex[1:])
        cy = np.sqrt(ey[:-1] * ey[1:]) if ylog else 0.5 * (ey[:-1] + ey[1:])
        if np.isfinite(d).sum() > 4 and np.nanmin(d) < DCHI2_2D[1]:
            cs = ax.contour(cx, cy, np.ma.masked_invalid(d.T), levels=list(DCHI2_2D),
                            colors=["w", "w"], linestyles=["-", "--"], linewidths=1.2)
            ax.clabel(cs, fmt={DCHI2_2D[0]: "68%", DCHI2_2D[1]: "95%"}, fontsize=7)
        i = int(np.nanargmax(ll))
        ax.plot(x[i], y[i], marker="*", ms=12, color="C3", ls="none", label="best fit")
        ax.legend(fontsize=8, loc="best")
    else:
        rng = np.random.default_rng(0)
        sub = df if len(df) <= MAX_SCATTER else df.iloc[rng.choice(len(df), MAX_SCATTER,
                                                                   replace=False)]
        for mask, lab, col, z in ((~sub["ok"], "failed", "C3", 1),
                                  (sub["ok"] & ~sub["allowed"], "excluded", "C1", 2),
                                  (sub["allowed"], "allowed", "C0", 3)):
            if mask.any():
                ax.scatter(sub.loc[mask, nx], sub.loc[mask, ny], s=3, alpha=0.6, color=col,
                           label=f"{lab} ({int(mask.sum())})", zorder=z, rasterized=True)
        ax.legend(fontsize=8, loc="best", markerscale=3)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if xlog:
        ax.set_xscale("log")
        _tidy_log(ax, "x")
    if ylog:
        ax.set_yscale("log")
        _tidy_log(ax, "y")
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def limit_overlay(df, curve_name: str, xcol, ycol, *, title: str = ""):
    """Points in the plane of a limit curve (allowed vs excluded by it) with the curve drawn.

    ``xcol``/``ycol`` are the arrays (or column names) of the curve's x and y quantities.
    The curve is drawn by `darkseesaw.plots.limits.draw_curve` (excluded region filled).
    """
    plt = _plt()
    cv = constraints.curve(curve_name)
    fig, ax = plt.subplots(figsize=(5.4, 4.2), layout="constrained")
    x = df[xcol].to_numpy(float) if isinstance(xcol, str) else np.asarray(xcol, float)
    y = df[ycol].to_numpy(float) if isinstance(ycol, str) else np.asarray(ycol, float)
    good = df["ok"].to_numpy(bool) & np.isfinite(x) & np.isfinite(y) & (x > 0) & (y > 0)
    col = f"allowed:{curve_name}"
    allowed = df[col].to_numpy(bool) if col in df else np.asarray(cv.allowed(x, y), bool)
    idx = np.flatnonzero(good)
    if idx.size > MAX_SCATTER:
        idx = np.random.default_rng(0).choice(idx, MAX_SCATTER, replace=False)
    for m, lab, c in ((~allowed[idx], "excluded by this limit", "C1"),
                      (allowed[idx], "allowed by this limit", "C0")):
        if m.any():
            ax.scatter(x[idx][m], y[idx][m], s=3, color=c, alpha=0.7, rasterized=True,
                       label=f"{lab} ({int(m.sum())})", zorder=3)
    L.draw_curve(ax, cv, zorder=0.5)  # filled excluded region, boundary, label
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(axis_label(cv.x_label or "x", cv.x_unit))
    ax.set_ylabel(axis_label(cv.y_label or "y", cv.y_unit))
    if idx.size:  # frame the points and the curve together
        xs = np.concatenate([x[idx], cv.x])
        ys = np.concatenate([y[idx], cv.y])
        ax.set_xlim(xs.min() / 2, xs.max() * 2)
        ax.set_ylim(ys.min() / 5, ys.max() * 5)
    ax.legend(fontsize=8, loc="best", markerscale=3)
    ax.set_title(title or f"{curve_name} ({cv.kind.replace('_', ' ')})", fontsize=10)
    return fig


def failures(df, reasons: dict[str, int]):
    """Bar chart of failed points by reason code."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.2, 0.6 + 0.45 * max(1, len(reasons))), layout="constrained")
    names = list(reasons)
    ax.barh(names, [reasons[k] for k in names], color="C3")
    ax.set_xlabel("number of failed points")
    ax.set_title(f"failed points by reason ({sum(reasons.values()):,} of {len(df):,})",
                 fontsize=10)
    return fig


def save(fig, stem: Path) -> list[Path]:
    """Write ``stem.png`` (150 dpi) and ``stem.pdf``; return the paths."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for ext in ("png", "pdf"):
        p = stem.with_suffix(f".{ext}")
        fig.savefig(p, dpi=150)
        out.append(p)
    return out
