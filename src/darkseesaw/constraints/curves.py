"""Limit curves as exclusion regions in the log–log plane: interpolation, allowed/margin tests,
envelopes.

A published limit is a region of a (mass, coupling) plane, digitised as the outline of a filled
area. darkseesaw keeps that outline exactly and works in ``(log10 x, log10 y)``:

* a **one-sided** limit (``region='above'`` for an upper limit, ``'below'`` for a lower limit)
  is the outline closed at the top (bottom) of the plane, as the plotting codes of the sources
  fill it (``fill_between(x, y, y2=top)``);
* a **closed contour** (``region='inside'``: beam-dump "tongues", hint regions, DAMA islands) is
  the outline closed on itself;
* a curve may be the union of several such parts (e.g. Fermi-LAT NGC 1275).

At a mass ``x`` a vertical line meets the outline at a set of couplings ``y_k``; the limit value
``curve(x)`` is the lowest of them for ``'above'``/``'inside'`` regions (the lower edge of the
excluded region) and the highest for ``'below'`` regions, linear in log–log between digitised
points, and NaN where the vertical line misses the region (outside the measured range).
``allowed(x, y)`` is the point-in-region test (even–odd rule per part, union over parts), and
``margin(x, y)`` the signed vertical distance in decades to the nearest boundary: positive when
allowed, negative when excluded, NaN where the limit does not apply.

Evaluation is vectorised over points by lookup tables built once per curve, on first use, and
cached on the object (`darkseesaw.constraints._polygons`): a vertical-slab decomposition of
the outline (sorted vertex abscissae; within a slab the edges met by a vertical line are fixed
and stored as one short row). A query of N points costs one ``np.searchsorted`` and a gather of
a few edges per point, O(N log E), instead of testing every point against every edge
(O(N·E)); it applies the same floating-point formulas to the same edges, so ``inside``,
``allowed``, ``margin`` and ``curve(x)`` are bit-identical to the brute-force scans, which are
kept as ``_inside_reference`` / ``_margin_reference`` / ``_call_reference`` for the tests and
``benchmarks/bench_curves.py``. An `Envelope` tests a point against one table of all its
members' parts.

Examples
--------
>>> import numpy as np
>>> c = Curve.from_points("demo/g/toy", [1e-3, 1e-1], [1e-10, 1e-8], region="above")
>>> float(c(1e-2))                                   # log-log interpolation
1e-09
>>> bool(c.allowed(1e-2, 5e-10)), bool(c.allowed(1e-2, 2e-9))
(True, False)
>>> round(float(c.margin(1e-2, 1e-10)), 12)          # one decade below the limit
1.0
>>> bool(np.isnan(c(1.0)))                           # outside the measured range
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.constraints import _polygons
from darkseesaw.constraints._polygons import crossings as _crossings  # noqa: F401  (tests)

#: log10 of the coordinate used to close one-sided regions at the top / bottom of the plane.
LOG_TOP = 300.0
LOG_BOTTOM = -300.0

KINDS = ("upper_limit", "lower_limit", "projection", "hint", "band")
REGIONS = ("above", "below", "inside")


@dataclass
class Part:
    """One closed polygon in (log10 x, log10 y); ``region`` says how it was closed."""

    lx: np.ndarray
    ly: np.ndarray
    region: str
    #: for a one-sided outline that is a function of x (strictly monotonic x): the outline
    #: sorted by x, used by the fast path (np.interp) instead of the general polygon scan
    fx: np.ndarray | None = None
    fy: np.ndarray | None = None

    def chains(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The closed outline split into x-monotonic chains (x ascending), closure edges at
        the top/bottom of the plane and vertical edges dropped; cached."""
        if getattr(self, "_chains", None) is None:
            x = np.append(self.lx, self.lx[0])
            y = np.append(self.ly, self.ly[0])
            d = np.sign(np.diff(x))
            out = []
            start = 0
            for i in range(1, len(d) + 1):
                if i == len(d) or d[i] != d[start]:
                    seg = slice(start, i + 1)
                    cx, cy = x[seg], y[seg]
                    # vertical edges (d = 0) and the closure along the top/bottom of the
                    # plane are never part of a chain
                    if d[start] != 0 and np.all(np.abs(cy) < LOG_TOP - 1):
                        if d[start] < 0:
                            cx, cy = cx[::-1], cy[::-1]
                        out.append((cx, cy))
                    start = i
            self._chains = out
        return self._chains

    @property
    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        x1, y1 = self.lx, self.ly
        x2, y2 = np.roll(self.lx, -1), np.roll(self.ly, -1)
        keep = x1 != x2  # vertical edges never cross a vertical line transversally
        return x1[keep], y1[keep], x2[keep], y2[keep]


def _close(lx: np.ndarray, ly: np.ndarray, region: str) -> Part:
    """Close an outline into a polygon: to the top ('above'), bottom ('below') or on itself."""
    fx = fy = None
    if region in ("above", "below") and lx.size >= 2:
        d = np.diff(lx)
        if np.all(d > 0):
            fx, fy = lx, ly
        elif np.all(d < 0):
            fx, fy = lx[::-1], ly[::-1]
    if region == "above":
        lx = np.concatenate([lx, [lx[-1], lx[0]]])
        ly = np.concatenate([ly, [LOG_TOP, LOG_TOP]])
    elif region == "below":
        lx = np.concatenate([lx, [lx[-1], lx[0]]])
        ly = np.concatenate([ly, [LOG_BOTTOM, LOG_BOTTOM]])
    elif region != "inside":
        raise ValueError(f"region must be one of {REGIONS}, not {region!r}")
    return Part(lx, ly, region, fx, fy)


def _logs(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Broadcast (x, y) and return them with their flat log10 (NaN where not positive)."""
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    lx = np.log10(np.where(x > 0, x, np.nan)).ravel()
    ly = np.log10(np.where(y > 0, y, np.nan)).ravel()
    return x, lx, ly


def _signed(dist: np.ndarray, inside: np.ndarray, ly: np.ndarray) -> np.ndarray:
    """Margin from the distance to the nearest boundary (inf: none) and the inside test."""
    m = np.where(np.isinf(dist), np.nan, np.where(inside, -dist, dist))
    return np.where(np.isnan(ly), np.nan, m)


@dataclass
class Curve:
    """A published limit, projection or hint region in a (mass, coupling) plane.

    Attributes
    ----------
    name : str
        Catalogue name ``topic/quantity/experiment``.
    x, y : ndarray
        The digitised boundary in package units (first part only for multi-part curves;
        ``parts_xy`` holds all of them), in the order of the source file.
    x_unit, y_unit : str
        Units of x and y (masses in GeV everywhere in darkseesaw).
    x_label, y_label : str
        Axis labels (matplotlib mathtext).
    quantity : str
        Short quantity id, e.g. ``gagamma``, ``Ue2``, ``si``, ``sigmav-gammagamma``.
    kind : str
        ``upper_limit``, ``lower_limit``, ``projection``, ``hint`` or ``band``.
    region : str
        ``above``, ``below`` or ``inside`` (the excluded / favoured side).
    source, arxiv, cl, notes, label, files : str | list
        Provenance: citation, arXiv number, confidence level, caveats, legend label, shipped
        files the curve was read from.
    """

    name: str
    x: np.ndarray
    y: np.ndarray
    x_unit: str = "GeV"
    y_unit: str = ""
    x_label: str = ""
    y_label: str = ""
    quantity: str = ""
    kind: str = "upper_limit"
    region: str = "above"
    source: str = ""
    arxiv: str = ""
    cl: str = ""
    notes: str = ""
    label: str = ""
    files: list[str] = field(default_factory=list)
    parts_xy: list[tuple[np.ndarray, np.ndarray, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.x = np.asarray(self.x, dtype=float)
        self.y = np.asarray(self.y, dtype=float)
        if not self.parts_xy:
            self.parts_xy = [(self.x, self.y, self.region)]
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind must be one of {KINDS}, not {self.kind!r}")
        self._parts: list[Part] = []
        for px, py, reg in self.parts_xy:
            px = np.asarray(px, float)
            py = np.asarray(py, float)
            ok = np.isfinite(px) & np.isfinite(py) & (px > 0) & (py > 0)
            if ok.sum() < 2:
                raise ValueError(f"{self.name}: fewer than two usable points")
            self._parts.append(_close(np.log10(px[ok]), np.log10(py[ok]), reg))
        if not self.label:
            self.label = self.name.split("/")[-1]

    # ---------------------------------------------------------------- constructors
    @classmethod
    def from_points(cls, name: str, x: Sequence[float], y: Sequence[float], **kw: Any) -> Curve:
        """A curve from one outline (x, y) in package units (``x_unit``, ``y_unit``; masses in
        GeV); keywords as the attributes."""
        return cls(name=name, x=np.asarray(x, float), y=np.asarray(y, float), **kw)

    # ---------------------------------------------------------------- geometry
    @property
    def x_range(self) -> tuple[float, float]:
        """Smallest and largest x of the digitised outline (package units)."""
        lo = min(10 ** p.lx.min() for p in self._parts)
        hi = max(10 ** p.lx.max() for p in self._parts)
        return float(lo), float(hi)

    # lookup tables, built on first use and cached on the object (see `_polygons`)
    def _region_parts(self) -> list[Part]:
        """The parts whose union is the region of `inside` (an envelope: its members')."""
        return self._parts

    def _regions(self) -> list[_polygons.SlabRegion]:
        r = self.__dict__.get("_slab_regions")
        if r is None:
            r = self._slab_regions = _polygons.build_regions(self._region_parts())
        return r

    def _chain_index(self) -> _polygons.SlabChains:
        r = self.__dict__.get("_slab_chains")
        if r is None:
            chains = [c for p in self._parts for c in _polygons.chains_of(p)]
            r = self._slab_chains = _polygons.SlabChains(chains)
        return r

    def __getstate__(self) -> dict[str, Any]:
        # the lookup tables are rebuilt on demand: do not ship them to other processes
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_slab_regions", "_slab_chains")}

    def _edge_values(self, lxq: np.ndarray, *, lower: bool) -> np.ndarray:
        return self._chain_index().edge(lxq, lower=lower)

    def __call__(self, x: ArrayLike) -> np.ndarray | float:
        """Limit value (in ``y_unit``) at mass ``x`` (``x_unit``, GeV for masses), log–log
        interpolated; NaN outside range. A float for scalar ``x``.

        For ``above``/``inside`` regions this is the lower edge of the region, for ``below``
        regions the upper edge.
        """
        return self._call(x, self._edge_values)

    def _call(self, x: ArrayLike, edge_values: Callable[..., np.ndarray]) -> np.ndarray | float:
        x = np.asarray(x, dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            lxq = np.log10(np.where(x > 0, x, np.nan)).ravel()
            ly = edge_values(lxq, lower=self.region != "below")
        out = 10.0**ly
        return out.reshape(x.shape) if x.shape else out[0]

    def inside(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | bool:
        """True where (x, y) lies in the region (excluded region for a limit; favoured region
        for a hint), vectorised with broadcasting; x in ``x_unit``, y in ``y_unit``. A bool for
        scalar input."""
        x, lx, ly = _logs(x, y)
        res = self._inside_logs(lx, ly)
        return res.reshape(x.shape) if x.shape else bool(res[0])

    def _inside_logs(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        res = np.zeros(lx.shape, bool)
        for reg in self._regions():
            res |= reg.inside(lx, ly)
        return res

    def allowed(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | bool:
        """True where the point is outside the region (not excluded; for a projection: out of
        reach; for a hint: not in the favoured region). Outside the measured range: True.
        x in ``x_unit``, y in ``y_unit``; a bool for scalar input."""
        r = self.inside(x, y)
        return ~r if isinstance(r, np.ndarray) else (not r)

    def margin(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | float:
        """Signed distance in decades (log10) from (x, y) to the nearest boundary along y.

        x in ``x_unit``, y in ``y_unit``; a float for scalar input.

        Positive when allowed, negative when excluded, NaN where the limit does not cover x.
        For a simple upper limit this is ``log10(curve(x) / y)``.
        """
        x, lx, ly = _logs(x, y)
        m = self._margin_logs(lx, ly)
        return m.reshape(x.shape) if x.shape else float(m[0])

    def _margin_logs(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        return _signed(self._chain_index().distance(lx, ly), self._inside_logs(lx, ly), ly)

    def _margin_range(self) -> tuple[float, float]:
        """log10 x range outside which `margin` is NaN (no chain covers x)."""
        X = self._chain_index().X
        return (X[0], X[-1]) if X.size else (np.inf, -np.inf)

    # brute-force scans that the lookup tables replace: for tests and benchmarks only
    def _inside_reference(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | bool:
        """`inside` by the former scan of every point against every polygon edge."""
        x, lx, ly = _logs(x, y)
        res = _polygons.inside_reference(self._parts, lx, ly)
        return res.reshape(x.shape) if x.shape else bool(res[0])

    def _margin_reference(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | float:
        """`margin` by the former loop over chains and the edge scan."""
        x, lx, ly = _logs(x, y)
        ins = np.asarray(self._inside_reference(x, y)).ravel()
        m = _signed(_polygons.chain_dist_reference(self._parts, lx, ly), ins, ly)
        return m.reshape(x.shape) if x.shape else float(m[0])

    def _call_reference(self, x: ArrayLike) -> np.ndarray | float:
        """``curve(x)`` by the former loop over parts and chains."""
        return self._call(x, lambda lxq, lower: _polygons.edge_values_reference(
            self._parts, lxq, lower=lower))

    # ---------------------------------------------------------------- conversions
    def scaled(self, name: str | None = None, *, x_factor: float = 1.0, y_factor: float = 1.0,
               y_power: float = 1.0, **meta: Any) -> Curve:
        """A copy with x → x·x_factor and y → (y·y_factor)^y_power (e.g. |U|² → |U|, Dirac →
        Majorana factors, CL rescaling); metadata can be overridden by keywords."""
        parts = [(np.asarray(px) * x_factor, (np.asarray(py) * y_factor) ** y_power, reg)
                 for px, py, reg in self.parts_xy]
        kw = {k: getattr(self, k) for k in ("x_unit", "y_unit", "x_label", "y_label", "quantity",
                                            "kind", "region", "source", "arxiv", "cl", "notes",
                                            "label", "files")}
        kw.update(meta)
        return Curve(name=name or self.name, x=parts[0][0], y=parts[0][1], parts_xy=parts, **kw)

    def info(self) -> dict[str, Any]:
        """Metadata as a plain dict (what ``darkseesaw constraints show`` prints)."""
        lo, hi = self.x_range
        return {
            "name": self.name, "quantity": self.quantity, "kind": self.kind,
            "region": self.region, "x_unit": self.x_unit, "y_unit": self.y_unit,
            "x_range": [lo, hi], "n_points": int(sum(len(p[0]) for p in self.parts_xy)),
            "n_parts": len(self.parts_xy), "cl": self.cl, "source": self.source,
            "arxiv": self.arxiv, "label": self.label, "files": list(self.files),
            "notes": self.notes,
        }

    def __repr__(self) -> str:
        lo, hi = self.x_range
        return (f"Curve({self.name!r}, kind={self.kind}, region={self.region}, "
                f"x=[{lo:.3g}, {hi:.3g}] {self.x_unit}, y in {self.y_unit})")


class Envelope(Curve):
    """The combination of several limits on one quantity: excluded if any member excludes.

    ``x``, ``y`` (and ``curve(x)``) are the pointwise strongest lower edge of the members
    (the minimum over members of ``member(x)`` for upper limits, maximum for lower limits),
    computed on the union of all member break points plus their pairwise crossings, so that the
    log–log interpolant is exactly the minimum of the piecewise-linear members: never weaker,
    never stronger than any member. ``allowed``, ``inside`` and ``margin`` use the members'
    full regions (closed contours keep their upper edges).
    """

    def __init__(self, name: str, members: Sequence[Curve], **meta: Any) -> None:
        if not members:
            raise ValueError(f"{name}: an envelope needs at least one member")
        regs = {m.region for m in members}
        lower = "below" not in regs
        if "below" in regs and len(regs) > 1:
            raise ValueError(f"{name}: cannot combine upper and lower limits")
        self.members = list(members)
        segs = _envelope_edge(self.members, lower=lower)
        units = {m.y_unit for m in members}
        if len(units) > 1:
            raise ValueError(f"{name}: members have different y units {sorted(units)}")
        first = members[0]
        kw: dict[str, Any] = dict(x_unit=first.x_unit, y_unit=first.y_unit, x_label=first.x_label,
                  y_label=first.y_label, quantity=first.quantity, kind=first.kind,
                  region="below" if not lower else "above",
                  source="; ".join(dict.fromkeys(m.source for m in members if m.source)),
                  files=sorted({f for m in members for f in m.files}))
        kw.update(meta)
        reg = kw["region"]
        super().__init__(name=name, x=segs[0][0], y=segs[0][1],
                         parts_xy=[(sx, sy, reg) for sx, sy in segs], **kw)

    def _region_parts(self) -> list[Part]:
        # the union of the members' full regions (closed contours keep their upper edges),
        # as one lookup table: excluded if any member excludes
        return [p for m in self.members for p in m._region_parts()]

    def margin(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | float:
        """Signed distance in decades to the nearest boundary of the member that decides:
        the most negative member margin where excluded, else the smallest; NaN where no member
        covers x. Each member is evaluated only on the points within its x range."""
        return super().margin(x, y)

    def _margin_logs(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        ms = np.full((len(self.members), lx.size), np.nan)
        for i, m in enumerate(self.members):
            lo, hi = m._margin_range()
            sel = np.nonzero((lx >= lo) & (lx <= hi))[0]
            if sel.size:
                ms[i, sel] = m._margin_logs(lx[sel], ly[sel])
        return _min_margin(ms)

    def _margin_range(self) -> tuple[float, float]:
        r = np.array([m._margin_range() for m in self.members])
        return r[:, 0].min(), r[:, 1].max()

    def _inside_reference(self, x: ArrayLike, y: ArrayLike) -> Any:
        r = None
        for m in self.members:
            v = m._inside_reference(x, y)
            r = v if r is None else (r | v)
        return r

    def _margin_reference(self, x: ArrayLike, y: ArrayLike) -> np.ndarray | float:
        x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
        out = _min_margin(np.array([np.atleast_1d(m._margin_reference(x, y)).ravel()
                                    for m in self.members]))
        return out.reshape(x.shape) if x.shape else float(out[0])


def _min_margin(ms: np.ndarray) -> np.ndarray:
    """Envelope margin from the members' margins (rows): the NaN-ignoring minimum."""
    with np.errstate(all="ignore"):
        allnan = np.all(np.isnan(ms), axis=0)
        return np.where(allnan, np.nan, np.nanmin(np.where(np.isnan(ms), np.inf, ms), axis=0))


def _envelope_edge(members: Sequence[Curve], *, lower: bool) -> list[tuple[np.ndarray, np.ndarray]]:
    """Exact pointwise min (max) of the members' edges, as a step-aware outline."""
    lxs = np.unique(np.concatenate([p.lx for m in members for p in m._parts]))
    lxs = lxs[np.abs(lxs) < LOG_TOP - 1]

    import warnings

    def edge(lxq: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        vals = np.array([np.log10(m(10.0**lxq)) for m in members])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            v = np.nanmin(vals, axis=0) if lower else np.nanmax(vals, axis=0)
        return vals, v

    tiny = 1e-13
    i: Any  # an index, first from np.nonzero, then from enumerate

    # insert crossings of members between consecutive break points (a few refinement passes)
    for _ in range(12):
        mid = 0.5 * (lxs[1:] + lxs[:-1])
        vals_l, vl = edge(lxs[:-1] + tiny)
        vals_r, vr = edge(lxs[1:] - tiny)
        _, vm = edge(mid)
        chord = 0.5 * (vl + vr)
        bad = np.isfinite(chord) & np.isfinite(vm) & (np.abs(chord - vm) > 1e-11)
        if not bad.any():
            break
        new: list[float] = []
        for i in np.nonzero(bad)[0]:
            # every member is linear inside the interval: insert all pairwise crossings
            x0, x1 = lxs[i], lxs[i + 1]
            f0, f1 = vals_l[:, i], vals_r[:, i]
            act = np.nonzero(np.isfinite(f0) & np.isfinite(f1))[0]
            ia, ib = np.triu_indices(act.size, 1)
            a, b = act[ia], act[ib]
            den = (f1[a] - f0[a]) - (f1[b] - f0[b])
            with np.errstate(divide="ignore", invalid="ignore"):
                t = (f0[b] - f0[a]) / den
            t = t[(den != 0) & (t > 0) & (t < 1)]
            new.extend(x0 + t * (x1 - x0))
            found = t.size > 0
            if not found:
                # a kink inside one member (a self-crossing outline): the chord lies below the
                # concave minimum there, i.e. the envelope is (slightly) stronger, never weaker
                continue
        if not new:
            break
        lxs = np.unique(np.concatenate([lxs, new]))
    # steps where a member starts or ends: evaluate just left and right of each break point;
    # a gap (no member covers the interval) splits the outline into separate parts
    eps = 1e-13
    _, v0 = edge(lxs)
    _, vlft = edge(lxs - eps)
    _, vrgt = edge(lxs + eps)
    _, vmid = edge(0.5 * (lxs[1:] + lxs[:-1]))
    parts: list[Any] = [([], [])]
    for i, (xi, a, b, c) in enumerate(zip(lxs, vlft, v0, vrgt, strict=True)):
        X, Y = parts[-1]
        # the exact value b at the break point; the one-sided limits a (left) and c (right)
        # only where they differ from it (a step where a member starts or ends)
        seq = [b] if np.isfinite(b) else []
        if np.isfinite(a) and not (np.isfinite(b) and abs(a - b) < 1e-6):
            seq.insert(0, a)
        if np.isfinite(c) and not (np.isfinite(b) and abs(c - b) < 1e-6):
            seq.append(c)
        for v in seq:
            X.append(xi)
            Y.append(v)
        if i < len(vmid) and not np.isfinite(vmid[i]) and X:
            parts.append(([], []))
    parts = [(10.0 ** np.array(X), 10.0 ** np.array(Y)) for X, Y in parts if len(X) >= 2]
    if not parts:
        raise ValueError("envelope: the members do not cover any mass range")
    return parts
