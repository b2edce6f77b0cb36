"""Exact vectorised queries on limit outlines in the log–log plane (private helper of `curves`).

Method: vertical-slab decomposition
-----------------------------------
Let ``X`` be the sorted unique abscissae of all vertices of a set of outlines. Between two
consecutive vertices no edge starts or ends, so a vertical line at any ``x`` in the slab
``[X_j, X_{j+1})`` meets the *same* edges. Those edges are stored once, as row ``j`` of a padded
table (typically 2–4 entries; the few crowded slabs of folded digitised outlines, up to a few
dozen entries, spill into an overflow table, see `_Table`). A query of N points is then one
``np.searchsorted`` on ``X`` (O(N log E)) and one gather of a row per point, after which the
very same floating-point formula as the brute-force edge scan is applied to the very same
edges: the results are bit-identical to the scan, not merely close, and cost O(N·k) with k the
row width instead of O(N·E). (For the chain values this relies on np.interp rounding its
``slope·(x - x_k) + y_k`` as a multiply then an add, as numpy's C code is written; a build that
fused them into an FMA would differ by ≤ 1 ulp, which tests/constraints/test_curves_fast.py
detects.)

* `SlabRegion` answers "is (x, y) inside?": per closed polygon the even–odd rule with the
  half-open vertex convention (edge met iff ``min(x1, x2) <= x < max(x1, x2)``, crossing height
  ``y1 + (x - x1)/(x2 - x1)·(y2 - y1)`` counted when strictly above y) — the half-open slabs
  realise that convention exactly; the union over polygons is one XOR-reduction of one bit per
  polygon (≤ 64 polygons per table). One-sided parts whose outline is a function of x (the
  ``Part.fx`` fast path) keep their semantics: inside iff ``fx[0] <= x < fx[-1]`` and y is
  strictly above (below) ``np.interp(x, fx, fy)``, evaluated with np.interp's own formula
  ``slope·(x - x_k) + y_k``.
* `SlabChains` gives every boundary value ``np.interp(x, cx, cy)`` of the x-monotonic chains
  covering x (closed ranges ``cx[0] <= x <= cx[-1]``), from which ``curve(x)`` (min / max) and
  ``margin`` (nearest boundary) follow. Closed ranges need one more cell per vertex: the
  table has cells ``2j`` (exactly ``x = X_j``: the segments starting at or running through
  ``X_j`` plus the chain end points at ``X_j``) and ``2j+1`` (the open interval
  ``(X_j, X_{j+1})``).

The brute-force scans the tables replace are kept below (`crossings`, `inside_reference`,
`edge_values_reference`, `chain_dist_reference`) for the tests and the benchmark only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from darkseesaw.constraints.curves import Part

_CHUNK = 2_000_000  # points x table entries per vectorised block
_BITS = 64  # polygons per SlabRegion (one bit each in a uint64)


def _blocks(n: int, m: int) -> Iterator[slice]:
    step = max(1, _CHUNK // max(m, 1))
    for s in range(0, n, step):
        yield slice(s, min(n, s + step))


def _expand(first: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, entry) pairs for entries ``e`` covering rows ``first[e] .. stop[e]-1``."""
    n = stop - first
    e = np.repeat(np.arange(first.size), n)
    offs = np.arange(e.size) - np.repeat(np.cumsum(n) - n, n)
    return first[e] + offs, e


class _Table:
    """Entries grouped by row, as padded arrays: a main table of width ``w`` for every row and
    an overflow table holding the entries beyond ``w`` of the few rows that have more.

    ``w`` minimises the expected work per query, ``w + P(row overflows)·(k - w + 4)``, with the
    rows weighted by ``weights`` (the x-width of their slab: scans sample masses log-uniformly),
    so that a handful of crowded slabs (folded digitised outlines, many envelope members at one
    mass) does not widen the table of every query. Row ``n_rows`` is padding only (``pads``).
    All columns live in one float64 array (uint64 columns by their bit patterns) of shape
    (columns, rows, width), so that a query is a single ``np.take`` along the rows (~10x faster
    than one fancy index per column) and yields contiguous per-column arrays.
    """

    def __init__(self, rows: np.ndarray, cols: Sequence[Any], n_rows: int, pads: Sequence[Any],
                 weights: Any = None) -> None:
        order = np.argsort(rows, kind="stable")
        r = rows[order]
        cols = [np.asarray(c)[order] for c in cols]
        self.dtypes = [c.dtype for c in cols]
        cnt = np.bincount(r, minlength=n_rows)[:n_rows]
        self.k = k = max(1, int(cnt.max()) if cnt.size else 1)
        pos = np.arange(r.size) - (np.cumsum(cnt) - cnt)[r]
        p = np.ones(n_rows) if weights is None else np.asarray(weights, float)
        p = p / p.sum() if p.sum() > 0 else np.full(n_rows, 1.0 / max(n_rows, 1))
        ws = np.arange(1, k + 1)
        cost = ws + np.array([p[cnt > w].sum() for w in ws]) * (k - ws + 4)
        self.w = w = int(ws[np.argmin(cost)])
        over_rows = np.nonzero(cnt > w)[0]
        self.n_over = n_over = over_rows.size
        self.over_map = np.full(n_rows + 1, n_over, np.intp)
        self.over_map[over_rows] = np.arange(n_over)
        main = pos < w
        self.main = self._fill(n_rows + 1, w, r[main], pos[main], [c[main] for c in cols], pads)
        ov = ~main
        self.over = self._fill(n_over + 1, max(k - w, 1), self.over_map[r[ov]], pos[ov] - w,
                               [c[ov] for c in cols], pads)

    @staticmethod
    def _fill(n: int, w: int, r: np.ndarray, pos: np.ndarray, cols: Sequence[np.ndarray],
              pads: Sequence[Any]) -> np.ndarray:
        t = np.empty((len(cols), n, w))
        for i, (c, pad) in enumerate(zip(cols, pads, strict=True)):
            ti = t[i].view(c.dtype)
            ti[...] = pad
            ti[r, pos] = c
        return t

    def _columns(self, g: np.ndarray) -> list[np.ndarray]:
        return [g[i].view(dt) for i, dt in enumerate(self.dtypes)]

    def gather(self, j: np.ndarray) -> Iterator[tuple[Any, list[np.ndarray]]]:
        """(points, entry columns) pairs: every point's main row, then the overflow rows."""
        yield slice(None), self._columns(np.take(self.main, j, axis=1))
        if self.n_over:
            o = self.over_map[j]
            idx = np.nonzero(o < self.n_over)[0]
            if idx.size:
                yield idx, self._columns(np.take(self.over, o[idx], axis=1))


class SlabRegion:
    """Union of ≤ 64 closed polygons (even–odd rule) and of one-sided function regions.

    Parameters
    ----------
    polygons : list of (x1, y1, x2, y2)
        The non-vertical edges of each polygon (``Part.edges``), log10 coordinates.
    functions : list of (fx, fy, sign)
        Strictly increasing ``fx``; ``sign`` +1: inside above the outline, -1: below.
    """

    def __init__(self, polygons: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                 functions: Sequence[tuple[Any, Any, int]]) -> None:
        if len(polygons) > _BITS:
            raise ValueError(f"at most {_BITS} polygons per SlabRegion")
        xs = [e[0] for e in polygons] + [e[2] for e in polygons] + [f[0] for f in functions]
        X = np.unique(np.concatenate(xs)) if xs else np.empty(0)
        self.X = X
        self.K = K = max(X.size - 1, 0)
        self.poly: _Table | None = None
        self.func: _Table | None = None
        self.single = len(polygons) == 1
        if polygons and K:
            x1, y1, x2, y2 = (np.concatenate([e[i] for e in polygons]) for i in range(4))
            bit = np.concatenate([np.full(e[0].size, 1 << i, np.uint64)
                                  for i, e in enumerate(polygons)])
            first = np.searchsorted(X, np.minimum(x1, x2))
            stop = np.searchsorted(X, np.maximum(x1, x2))
            rows, e = _expand(first, stop)
            self.poly = _Table(rows, [x1[e], y1[e], (x2 - x1)[e], (y2 - y1)[e], bit[e]], K,
                               [0.0, np.nan, 1.0, 0.0, np.uint64(0)], np.diff(X))
        if functions and K:
            seg = [(np.searchsorted(X, fx[:-1]), np.searchsorted(X, fx[1:]), fx[:-1], fy[:-1],
                    (fy[1:] - fy[:-1]) / (fx[1:] - fx[:-1]),  # np.interp's slopes
                    np.full(fx.size - 1, float(sign))) for fx, fy, sign in functions]
            first, stop, x0, y0, slope, sgn = (np.concatenate([s[i] for s in seg])
                                               for i in range(6))
            rows, e = _expand(first, stop)
            self.func = _Table(rows, [x0[e], y0[e], slope[e], sgn[e]], K,
                               [0.0, np.nan, 0.0, 0.0], np.diff(X))

    @property
    def width(self) -> int:
        """Table entries per query point (main tables; overflow rows come on top)."""
        return sum(t.w for t in (self.poly, self.func) if t is not None)

    def inside(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        """Boolean array: (lx, ly) (1-d, log10) inside the union."""
        res = np.zeros(lx.shape, bool)
        if self.K == 0:
            return res
        j = np.searchsorted(self.X, lx, side="right") - 1
        j = np.where((j >= 0) & (j < self.K), j, self.K)  # NaN, outside: the padding row
        k = sum(t.k for t in (self.poly, self.func) if t is not None)
        zero = np.uint64(0)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            for sl in _blocks(lx.size, k):
                jb, L, Y = j[sl], lx[sl, None], ly[sl, None]
                if self.poly is not None:
                    odd = np.zeros(jb.size, np.uint64)  # one parity bit per polygon
                    for idx, (X1, Y1, DX, DY, B) in self.poly.gather(jb):
                        above = Y1 + ((L[idx] - X1) / DX) * DY > Y[idx]  # the scan's formula
                        if self.single:
                            odd[idx] ^= (np.count_nonzero(above, axis=1) & 1).astype(np.uint64)
                        else:
                            odd[idx] ^= np.bitwise_xor.reduce(np.where(above, B, zero), axis=1)
                    res[sl] |= odd != 0
                if self.func is not None:
                    hit = np.zeros(jb.size, bool)
                    for idx, (X0, Y0, S, G) in self.func.gather(jb):
                        v = S * (L[idx] - X0) + Y0  # np.interp's formula
                        # sign·(y - v) > 0 is exactly y > v (sign +1) or y < v (sign -1)
                        hit[idx] |= np.any(G * (Y[idx] - v) > 0, axis=1)
                    res[sl] |= hit
        return res


def build_regions(parts: Sequence[Part]) -> list[SlabRegion]:
    """`SlabRegion` tables for the union of ``parts`` (``Part`` objects), 64 polygons each."""
    polys = [p.edges for p in parts if p.fx is None]
    polys = [e for e in polys if e[0].size]  # all-vertical outlines contain no point
    funcs = [(p.fx, p.fy, 1 if p.region == "above" else -1) for p in parts if p.fx is not None]
    groups = [polys[i:i + _BITS] for i in range(0, len(polys), _BITS)] or [[]]
    return [SlabRegion(g, funcs if i == 0 else []) for i, g in enumerate(groups)]


class SlabChains:
    """The values ``np.interp(x, cx, cy)`` of all x-monotonic chains covering x.

    Parameters
    ----------
    chains : list of (cx, cy)
        Strictly increasing ``cx``, log10 coordinates.
    """

    def __init__(self, chains: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        chains = [(np.asarray(cx, float), np.asarray(cy, float)) for cx, cy in chains]
        X = np.unique(np.concatenate([c[0] for c in chains])) if chains else np.empty(0)
        self.X = X
        self.n_cells = n_cells = max(2 * X.size - 1, 0)
        rows_l: list[Any] = []
        x0_l: list[Any] = []
        y0_l: list[Any] = []
        s_l: list[Any] = []
        for cx, cy in chains:
            ia = np.searchsorted(X, cx)
            # segments: vertex cells 2·ia(k) ... and open cells up to the next vertex
            r, e = _expand(2 * ia[:-1], 2 * ia[1:])
            rows_l += [r, [2 * ia[-1]]]  # + the chain's end point, only exactly at its x
            x0_l += [cx[:-1][e], cx[-1:]]
            y0_l += [cy[:-1][e], cy[-1:]]
            s_l += [((cy[1:] - cy[:-1]) / (cx[1:] - cx[:-1]))[e], [0.0]]
        weights = np.zeros(n_cells)
        weights[1::2] = np.diff(X)  # open cells; a query exactly at a vertex is rare
        rows = np.concatenate(rows_l).astype(np.intp) if rows_l else np.zeros(0, np.intp)
        cols = [np.concatenate(c).astype(float) if c else np.zeros(0)
                for c in (x0_l, y0_l, s_l)]
        self.tab = _Table(rows, cols, n_cells, [0.0, np.nan, 0.0], weights)

    def _cells(self, lx: np.ndarray) -> np.ndarray:
        X = self.X
        if X.size == 0:
            return np.zeros(lx.shape, np.intp)
        jl = np.searchsorted(X, lx, side="left")
        at = (jl < X.size) & (X[np.minimum(jl, X.size - 1)] == lx)
        c = np.where(at, 2 * jl, 2 * jl - 1)
        return np.where((c >= 0) & (c < self.n_cells), c, self.n_cells)

    def _reduce(self, lx: np.ndarray, comb: np.ufunc, ly: np.ndarray | None = None) -> np.ndarray:
        """Per point, ``comb`` (np.fmin / np.fmax) over the values ``v`` of every chain that
        covers lx (``|v - ly|`` when ly is given); NaN where none covers it."""
        out = np.full(lx.shape, np.nan)
        c = self._cells(lx)
        with np.errstate(invalid="ignore", over="ignore"):
            for sl in _blocks(lx.size, self.tab.k):
                acc, L = out[sl], lx[sl, None]
                for idx, (X0, Y0, S) in self.tab.gather(c[sl]):
                    v = S * (L[idx] - X0) + Y0  # np.interp's formula
                    if ly is not None:
                        v = np.abs(v - ly[sl, None][idx])
                    acc[idx] = comb(acc[idx], comb.reduce(v, axis=1))
                out[sl] = acc
        return out

    def edge(self, lx: np.ndarray, *, lower: bool) -> np.ndarray:
        """Lowest (``lower``) or highest chain value at each lx; NaN where none covers it."""
        return self._reduce(lx, np.fmin if lower else np.fmax)

    def distance(self, lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
        """min |chain value - ly| over the chains covering lx; inf where none covers it."""
        d = self._reduce(lx, np.fmin, ly)
        return np.where(np.isnan(d), np.inf, d)


# ------------------------------------------------------------------ brute-force references
def crossings(part: Part, lxq: np.ndarray, *, half_open: bool) -> np.ndarray:
    """Heights (log10 y) where vertical lines at ``lxq`` cross the polygon edges.

    Returns an array (n, m) with NaN where edge m is not crossed by line n. ``half_open`` uses
    the rule min <= x < max (each vertex counted once: right for the even-odd parity); otherwise
    min <= x <= max (right for the boundary value at the end points of the measured range).
    """
    x1, y1, x2, y2 = part.edges
    lo, hi = np.minimum(x1, x2), np.maximum(x1, x2)
    xq = lxq[:, None]
    hit = (xq >= lo) & ((xq < hi) if half_open else (xq <= hi))
    with np.errstate(invalid="ignore", divide="ignore"):
        t = (xq - x1) / (x2 - x1)
        yc = y1 + t * (y2 - y1)
    return np.where(hit, yc, np.nan)


def inside_reference(parts: Sequence[Any], lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
    """The former ``Curve.inside``: every point against every polygon edge (O(N·E))."""
    res = np.zeros(lx.shape, bool)
    for part in parts:
        if part.fx is not None:  # one-sided region of a function of x
            inr = (lx >= part.fx[0]) & (lx < part.fx[-1])
            with np.errstate(invalid="ignore"):
                b = np.interp(lx, part.fx, part.fy)
                side = ly > b if part.region == "above" else ly < b
            res |= inr & side
            continue
        for sl in _blocks(lx.size, part.lx.size):
            yc = crossings(part, lx[sl], half_open=True)
            n_above = np.sum(yc > ly[sl, None], axis=1)
            res[sl] |= (n_above % 2) == 1
    return res


def chains_of(part: Part) -> list[tuple[Any, Any]]:
    """The x-monotonic chains of a part: its outline itself when it is a function of x."""
    return [(part.fx, part.fy)] if part.fx is not None else part.chains()


def edge_values_reference(parts: Sequence[Part], lxq: np.ndarray, *, lower: bool) -> np.ndarray:
    """The former ``Curve._edge_values``: a Python loop over parts and chains."""
    out = np.full(lxq.shape, np.nan)
    for part in parts:
        idx = np.nonzero((lxq >= part.lx.min()) & (lxq <= part.lx.max()))[0]
        for cx, cy in chains_of(part):
            sel = idx[(lxq[idx] >= cx[0]) & (lxq[idx] <= cx[-1])]
            if sel.size == 0:
                continue
            v = np.interp(lxq[sel], cx, cy)
            cur = out[sel]
            out[sel] = np.where(np.isnan(cur), v, np.fmin(cur, v) if lower else np.fmax(cur, v))
    return out


def chain_dist_reference(parts: Sequence[Part], lx: np.ndarray, ly: np.ndarray) -> np.ndarray:
    """The former distance loop of ``Curve.margin``; inf where no chain covers lx."""
    dist = np.full(lx.shape, np.inf)
    for part in parts:
        for cx, cy in chains_of(part):
            sel = np.nonzero((lx >= cx[0]) & (lx <= cx[-1]))[0]
            if sel.size:
                d = np.abs(np.interp(lx[sel], cx, cy) - ly[sel])
                dist[sel] = np.fmin(dist[sel], d)
    return dist
