"""Geometry of limit curves: log-log interpolation, ranges, regions, margins, envelopes.

Reference values are analytic (power laws are straight lines in log-log space) or follow from
the definition of the envelope (pointwise minimum of the members)."""

import numpy as np
import pytest

from darkseesaw.constraints import Curve, Envelope, envelope


def test_power_law_interpolation_is_exact_and_nan_outside():
    # y = 1e-10 (x/1e-3)^2 between 1e-3 and 1e-1, three points only
    x = np.array([1e-3, 1e-2, 1e-1])
    c = Curve.from_points("t/g/pl", x, 1e-10 * (x / 1e-3) ** 2)
    xq = np.geomspace(1e-3, 1e-1, 57)
    np.testing.assert_allclose(c(xq), 1e-10 * (xq / 1e-3) ** 2, rtol=1e-12)
    assert np.isnan(c(5e-4)) and np.isnan(c(0.2)) and np.isnan(c(-1.0))
    assert c(np.ones((2, 3)) * 1e-2).shape == (2, 3)


def test_allowed_and_margin_of_an_upper_limit():
    c = Curve.from_points("t/g/flat", [1.0, 100.0], [1e-6, 1e-6])
    x = np.array([10.0, 10.0, 10.0, 1e3])
    y = np.array([1e-7, 1e-5, 1e-6 * 0.999, 1.0])
    np.testing.assert_array_equal(c.allowed(x, y), [True, False, True, True])
    m = c.margin(x, y)
    np.testing.assert_allclose(m[:2], [1.0, -1.0], atol=1e-12)   # decades from the limit
    assert np.isnan(m[3])                                          # limit does not apply
    # broadcasting: a grid of points
    X, Y = np.meshgrid(np.geomspace(2, 50, 4), np.geomspace(1e-8, 1e-4, 5))
    assert c.allowed(X, Y).shape == (5, 4)


def test_lower_limit_region_below():
    c = Curve.from_points("t/tau/x", [1.0, 10.0], [1e26, 1e27], region="below",
                          kind="lower_limit")
    assert bool(c.allowed(3.0, 1e28)) and not bool(c.allowed(3.0, 1e25))
    assert c.margin(1.0, 1e27) == pytest.approx(1.0)


def test_closed_contour_and_band():
    # a square tongue excluded between 1e-8 and 1e-4 for 0.01 < x < 1
    sq = Curve.from_points("t/e/sq", [0.01, 1, 1, 0.01, 0.01], [1e-8, 1e-8, 1e-4, 1e-4, 1e-8],
                           region="inside")
    assert not sq.allowed(0.1, 1e-6) and sq.allowed(0.1, 1e-3) and sq.allowed(0.1, 1e-9)
    assert sq(0.1) == pytest.approx(1e-8)  # lower edge
    assert sq.margin(0.1, 1e-6) == pytest.approx(-2.0)
    assert sq.margin(0.1, 1e-2) == pytest.approx(2.0)
    # an outline that turns back (upper edge, like HB stars at high mass): band, not half-plane
    hb = Curve.from_points("t/g/band", [1e-3, 1.0, 2.0, 1.5], [1e-10, 1e-10, 1e-5, 1e-3])
    assert not hb.allowed(1.7, 1e-5)          # between lower edge (6.8e-7) and return (1.3e-4)
    assert hb.allowed(1.7, 1e-1)              # above the returning branch (trapping regime)
    assert not hb.allowed(0.5, 1e-1)          # at lower mass the region extends to the top


def _random_curve(rng, name):
    n = rng.integers(3, 12)
    x = np.sort(10 ** rng.uniform(-3, 3, n))
    y = 10 ** rng.uniform(-9, -3, n)
    return Curve.from_points(name, x, y)


def test_envelope_is_pointwise_min_never_weaker():
    rng = np.random.default_rng(12345)
    for trial in range(6):
        members = [_random_curve(rng, f"t/u/{trial}-{k}") for k in range(4)]
        env = Envelope("t/u/env", members)
        x = np.geomspace(1e-3, 1e3, 4001)
        vals = np.array([m(x) for m in members])
        with np.errstate(all="ignore"):
            ref = np.nanmin(np.where(np.isnan(vals), np.inf, vals), axis=0)
        ref = np.where(np.isinf(ref), np.nan, ref)
        e = env(x)
        both = np.isfinite(ref) & np.isfinite(e)
        # never weaker than any member, and exactly the minimum (log-log exact)
        assert np.all(e[both] <= ref[both] * (1 + 1e-9))
        np.testing.assert_allclose(e[both], ref[both], rtol=1e-8)
        assert np.array_equal(np.isnan(e), np.isnan(ref))  # gaps stay gaps
        # allowed by the envelope <=> allowed by every member
        pts_x = 10 ** rng.uniform(-3, 3, 500)
        pts_y = 10 ** rng.uniform(-10, -2, 500)
        every = np.all([m.allowed(pts_x, pts_y) for m in members], axis=0)
        np.testing.assert_array_equal(env.allowed(pts_x, pts_y), every)


def test_envelope_of_catalogue_curves_with_pattern():
    env = envelope("dd/si/lz-20*", name="dd/si/lz-all")
    assert len(env.members) >= 3
    from darkseesaw.constraints import curve

    x = np.geomspace(10, 1e4, 300)
    for m in env.members:
        v = m(x)
        ok = np.isfinite(v)
        assert np.all(env(x)[ok] <= v[ok] * (1 + 1e-9))
    assert env(40.0) == pytest.approx(curve("dd/si/lz-2024")(40.0), rel=1e-9)


def test_envelope_rejects_mixed_units():
    from darkseesaw.constraints import curve

    with pytest.raises(ValueError, match="units"):
        envelope([curve("dd/si/lz-2024"), curve("id/gammaline/hess")])


def test_scaled_copy():
    from darkseesaw.constraints import curve

    c = curve("id/gammaline/hess")
    d = c.scaled(y_factor=2.0, notes="Dirac DM")
    assert d(1000.0) == pytest.approx(2 * c(1000.0), rel=1e-12)


def test_chain_evaluation_equals_brute_force_edge_scan():
    # curve(x) uses x-monotonic chains; compare with a direct scan of every polygon edge
    from darkseesaw.constraints import curve
    from darkseesaw.constraints.curves import LOG_TOP, _crossings

    for name in ("hnl/Ue2/borexino", "darkphoton/epsilon/darkcast-e137-andreas2012mt",
                 "alp/gagamma/hb", "scalar/sintheta/foresee-lsnd", "alp/gagamma/fermi"):
        c = curve(name)
        lo, hi = c.x_range
        lx = np.linspace(np.log10(lo), np.log10(hi), 701)
        ref = np.full(lx.shape, np.nan)
        for part in c._parts:
            yc = _crossings(part, lx, half_open=False)
            yc = np.where(np.abs(yc) < LOG_TOP - 1, yc, np.nan)
            with np.errstate(all="ignore"):
                v = np.nanmin(np.where(np.isnan(yc), np.inf, yc), axis=1)
            v = np.where(np.isinf(v), np.nan, v)
            ref = np.fmin(ref, v)
        got = np.log10(c(10.0**lx))
        np.testing.assert_allclose(got, ref, atol=1e-12, err_msg=name)
