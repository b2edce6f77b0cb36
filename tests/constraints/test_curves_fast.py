"""The slab lookup tables of `Curve` (inside / allowed / margin / curve(x)) against the
brute-force scans they replace (`Curve._inside_reference` etc.: every point against every
polygon edge, every chain by np.interp), on every curve of the shipped catalogue and on
synthetic outlines (self-intersecting contours, vertical edges, repeated vertices, several parts,
envelopes of more than 64 contours, nested envelopes).

The comparison is EXACT (bit for bit, NaN where NaN): the tables apply the scans' own formulas
to the same edges — ``y1 + (x - x1)/(x2 - x1)·(y2 - y1)`` for polygon crossings and np.interp's
``slope·(x - x_k) + y_k`` for chains. The only assumption is that np.interp evaluates that
formula with two roundings, as numpy's C code does unless the compiler fuses it into an FMA;
`test_interp_formula_is_reproduced` checks this and, should a numpy build fuse it, margins and
curve values are compared to 4 ulp instead (a fused multiply-add differs by ≤ 1 ulp).

Query points: log-uniform in and around each curve's x and y range, every vertex exactly
(x and y of the digitised data, so that log10 gives the stored vertex to the last bit), vertical
lines through vertices (vertical edges, and points exactly at their ends), points on and within
1e-12 decades of the limit value, and non-finite / non-positive coordinates.
"""

import zlib

import numpy as np
import pytest

from darkseesaw.constraints import Curve, Envelope, curve, names
from darkseesaw.constraints import _polygons as P
from darkseesaw.constraints.curves import LOG_TOP

SPECIAL = np.array([0.0, -1.0, np.nan, np.inf, -np.inf, 1e300, 1e-300, 5e-324])


def _fused_interp() -> bool:
    rng = np.random.default_rng(0)
    xp = np.sort(rng.uniform(-5, 5, 50))
    fp = rng.uniform(-12, 3, 50)
    x = rng.uniform(xp[0], xp[-1], 20000)
    k = np.searchsorted(xp, x, side="right") - 1
    slope = (fp[1:] - fp[:-1]) / (xp[1:] - xp[:-1])
    own = slope[k] * (x - xp[k]) + fp[k]
    return not np.array_equal(np.interp(x, xp, fp), own)


FUSED = _fused_interp()


def test_interp_formula_is_reproduced():
    if FUSED:
        pytest.skip("this numpy's np.interp fuses multiply-add: margins compared to 4 ulp")


def _same(a, b, exact=True):
    a, b = np.asarray(a, float), np.asarray(b, float)
    if exact:
        return np.array_equal(a, b, equal_nan=True)
    return (np.array_equal(np.isnan(a), np.isnan(b))
            and np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=4 * 2.2e-16, atol=1e-300))


def _raw_outlines(c):
    """The digitised outlines (package units) whose log10 are the stored vertices."""
    out = list(c.parts_xy)
    for m in getattr(c, "members", []):
        out += _raw_outlines(m)
    return out


def _points(c, rng, n_random=600, n_vertex=200):
    lo, hi = np.log10(c.x_range)
    parts = [p for q in ([c] + list(getattr(c, "members", []))) for p in q._parts]
    ly_all = np.concatenate([p.ly for p in parts])
    ly_all = ly_all[np.abs(ly_all) < LOG_TOP - 1]
    ya, yb = ly_all.min() - 1.0, ly_all.max() + 1.0
    wx = hi - lo + 0.2
    xs = [10 ** rng.uniform(lo - 0.2 * wx, hi + 0.2 * wx, n_random)]
    ys = [10 ** rng.uniform(ya, yb, n_random)]
    # every vertex exactly, and vertical lines through vertices
    vx = np.concatenate([np.asarray(px, float) for px, _, _ in _raw_outlines(c)])
    vy = np.concatenate([np.asarray(py, float) for _, py, _ in _raw_outlines(c)])
    ok = (vx > 0) & (vy > 0) & np.isfinite(vx) & np.isfinite(vy)
    vx, vy = vx[ok], vy[ok]
    i = rng.choice(vx.size, min(vx.size, n_vertex), replace=False)
    j = rng.choice(vx.size, i.size)
    xs += [vx[i], vx[i], vx[i], vx[i]]
    ys += [vy[i], vy[j], 10 ** rng.uniform(ya, yb, i.size), vy[i] * (1 + 1e-13)]
    # vertical edges (consecutive vertices at the same x): points between and at their ends,
    # at the digitised x whose log10 is the stored vertex
    lv = np.log10(vx)
    order = np.argsort(lv)
    for p in parts:
        k = np.nonzero(p.lx == np.roll(p.lx, -1))[0][:50]
        at = order[np.minimum(np.searchsorted(lv[order], p.lx[k]), vx.size - 1)]
        k, at = k[lv[at] == p.lx[k]], at[lv[at] == p.lx[k]]
        a, b = p.ly[k], np.roll(p.ly, -1)[k]
        t = rng.uniform(0, 1, k.size)
        xs += [vx[at]] * 2
        ys += [10.0 ** (a + t * (b - a)), 10.0 ** np.minimum(np.maximum(a, b), 299)]
    # on and next to the limit value
    xm = 10 ** rng.uniform(lo, hi, 200)
    with np.errstate(all="ignore"):
        v = c._call_reference(xm)
    xs += [xm, xm, xm]
    ys += [v, v * (1 + 1e-12), v * (1 - 1e-12)]
    # non-finite and non-positive coordinates
    gx, gy = np.meshgrid(np.concatenate([SPECIAL, vx[:3]]), np.concatenate([SPECIAL, vy[:3]]))
    xs.append(gx.ravel())
    ys.append(gy.ravel())
    return np.concatenate(xs), np.concatenate(ys)


def _compare(c, x, y):
    with np.errstate(all="ignore"):
        ins, ref = c.inside(x, y), c._inside_reference(x, y)
        np.testing.assert_array_equal(ins, ref, err_msg=c.name)
        np.testing.assert_array_equal(c.allowed(x, y), ~ref, err_msg=c.name)
        m, mr = c.margin(x, y), c._margin_reference(x, y)
        assert _same(m, mr, not FUSED), (c.name, np.nonzero(~((m == mr) | (np.isnan(m) &
                                                                          np.isnan(mr)))))
        v, vr = c(x), c._call_reference(x)
        assert _same(v, vr, not FUSED), c.name
    return x.size


TOPICS = sorted({n.split("/")[0] for n in names()})
_CURVES: dict = {}  # registry.curve's LRU cache (512) is smaller than the catalogue (718)


def _curve(name):
    if name not in _CURVES:
        _CURVES[name] = curve(name)
    return _CURVES[name]


@pytest.mark.parametrize("topic", TOPICS)
def test_tables_equal_the_brute_force_scans_on_the_catalogue(topic):
    rng = np.random.default_rng(zlib.crc32(topic.encode()))
    n = 0
    for name in names(f"{topic}/*"):
        c = _curve(name)
        x, y = _points(c, rng)
        n += _compare(c, x, y)
    print(f"{topic}: {len(names(topic + '/*'))} curves, {n} points")


def test_polygon_tables_equal_the_edge_scan_on_function_like_catalogue_parts():
    # the polygon table alone on the function-like parts, which inside() answers with np.interp
    # (the other parts are compared above): even-odd parity against the edge scan
    rng = np.random.default_rng(5)
    n = 0
    for name in names():
        c = _curve(name)
        x, y = _points(c, rng, n_random=150, n_vertex=60)
        with np.errstate(all="ignore"):
            lx = np.log10(np.where(x > 0, x, np.nan))
            ly = np.log10(np.where(y > 0, y, np.nan))
        for part in c._parts:
            e = part.edges
            if part.fx is None or not e[0].size:
                continue
            with np.errstate(all="ignore"):
                yc = P.crossings(part, lx, half_open=True)
                ref = (np.sum(yc > ly[:, None], axis=1) % 2) == 1
            got = P.SlabRegion([e], []).inside(lx, ly)
            np.testing.assert_array_equal(got, ref, err_msg=name)
            n += x.size
    assert n > 50_000


def _random_outline(rng, n, x0=0.0, y0=0.0):
    """A closed, possibly self-intersecting outline with vertical edges and repeated
    vertices, on a coarse grid so that many vertices share x and y."""
    lx = x0 + rng.integers(0, 8, n) * 0.25
    ly = y0 + rng.integers(0, 8, n) * 0.5 - 9
    k = rng.integers(1, n)
    lx[k] = lx[k - 1]  # a vertical edge
    lx[(k + 2) % n], ly[(k + 2) % n] = lx[(k + 1) % n], ly[(k + 1) % n]  # a repeated vertex
    return 10.0**lx, 10.0**ly


def _grid_points(rng, lo, hi, ylo, yhi, n=3000):
    gx = 10.0 ** (np.arange(lo - 0.5, hi + 0.75, 0.125))
    gy = 10.0 ** (np.arange(ylo - 1, yhi + 1, 0.25))
    X, Y = np.meshgrid(gx, gy)
    x = np.concatenate([X.ravel(), 10 ** rng.uniform(lo - 0.5, hi + 0.5, n)])
    y = np.concatenate([Y.ravel(), 10 ** rng.uniform(ylo - 1, yhi + 1, n)])
    return x, y


@pytest.mark.parametrize("region", ["inside", "above", "below"])
def test_synthetic_folded_self_intersecting_outlines(region):
    rng = np.random.default_rng({"inside": 1, "above": 2, "below": 3}[region])
    for trial in range(40):
        parts = [(*_random_outline(rng, int(rng.integers(3, 14)), x0=0.5 * q), region)
                 for q in range(int(rng.integers(1, 4)))]
        c = Curve(name=f"t/s/{trial}", x=parts[0][0], y=parts[0][1], parts_xy=parts,
                  region=region)
        x, y = _grid_points(rng, 0, 3.25, -9, -5.5)
        _compare(c, x, y)


def test_envelope_of_more_than_64_contours_and_nested_envelopes():
    rng = np.random.default_rng(11)
    members = []
    for k in range(70):  # 70 closed contours: two polygon tables of <= 64 bits
        px, py = _random_outline(rng, int(rng.integers(3, 9)), x0=0.05 * k)
        members.append(Curve.from_points(f"t/c/{k}", px, py, region="inside"))
    members += [Curve.from_points(f"t/f/{k}", np.sort(10 ** rng.uniform(0, 4, 6)),
                                  10 ** rng.uniform(-9, -5, 6)) for k in range(5)]
    env = Envelope("t/c/env", members)
    assert len(env._regions()) == 2
    x, y = _grid_points(rng, 0, 4, -9, -5)
    _compare(env, x, y)
    # union of members, exactly
    every = np.any([m._inside_reference(x, y) for m in members], axis=0)
    np.testing.assert_array_equal(env.inside(x, y), every)
    # an envelope of envelopes: the members' full regions, not their lower edges
    outer = Envelope("t/c/outer", [Envelope("t/c/a", members[:40]),
                                   Envelope("t/c/b", members[40:])])
    np.testing.assert_array_equal(outer.inside(x, y), every)
    _compare(outer, x, y)


def test_scalars_shapes_and_degenerate_outlines():
    c = curve("hnl/Ue2/current")
    assert isinstance(c.inside(1.0, 1e-2), bool) and c.inside(1.0, 1e-2)
    assert isinstance(c.allowed(1.0, 1e-12), bool) and c.allowed(1.0, 1e-12)
    assert isinstance(c.margin(1.0, 1e-2), float)
    X, Y = np.meshgrid(np.geomspace(1e-3, 1e3, 7), np.geomspace(1e-14, 1, 5))
    assert c.allowed(X, Y).shape == (5, 7) and c.margin(X, Y).shape == (5, 7)
    assert c.allowed(np.geomspace(0.1, 10, 4)[:, None], np.geomspace(1e-9, 1e-3, 3)).shape \
        == (4, 3)
    # an outline at a single mass (all edges vertical) contains no point and has no value
    v = Curve.from_points("t/v/line", [2.0, 2.0], [1e-5, 1e-3])
    assert not v.inside(2.0, 1e-4) and np.isnan(v(2.0)) and np.isnan(v.margin(2.0, 1e-4))
    _compare(v, np.array([2.0, 2.0, 3.0]), np.array([1e-4, 1e-5, 1e-4]))


def test_pickle_drops_the_tables_and_rebuilds_them():
    import pickle

    c = curve("hnl/Ue2/current")
    x, y = 10 ** np.linspace(-3, 2, 500), 10 ** np.linspace(-12, -1, 500)
    a = c.allowed(x, y)
    assert "_slab_regions" in c.__dict__
    blob = pickle.dumps(c)
    d = pickle.loads(blob)
    assert "_slab_regions" not in d.__dict__ and "_slab_regions" in c.__dict__
    np.testing.assert_array_equal(d.allowed(x, y), a)
    assert _same(d.margin(x, y), c.margin(x, y)) and _same(d(x), c(x))
