"""The dilepton recast (darkseesaw.constraints.dilepton): the width interpolation against the
published curves by hand, the fiducial acceptance against an explicit two-lepton integration,
the self-consistent coupling limit and the ATLAS SSM mass limit."""

import math

import numpy as np
import pytest

from darkseesaw.constraints import curve
from darkseesaw.constraints import dilepton as dil
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.observables.collider import QUARK_PIDS
from darkseesaw.pdfs import load

MS = np.array([300.0, 1000.0, 2500.0, 4000.0, 5900.0])


def test_published_widths_are_returned_exactly():
    for w, name in dil.WIDTH_CURVES.items():
        np.testing.assert_array_equal(dil.dilepton_limit_fb(MS, w), curve(name)(MS))


def test_interpolation_linear_in_width_and_log_sigma():
    """Γ/M = 2 % lies 4/9 of the way from the 1.2 % to the 3 % curve: L = L₁^(5/9) L₂^(4/9)."""
    l1 = curve(dil.WIDTH_CURVES[0.012])(MS)
    l2 = curve(dil.WIDTH_CURVES[0.03])(MS)
    t = (0.02 - 0.012) / (0.03 - 0.012)
    assert t == pytest.approx(4 / 9)
    np.testing.assert_allclose(dil.dilepton_limit_fb(MS, 0.02), l1 ** (1 - t) * l2**t, rtol=1e-12)
    # between the neighbours, never the nearest narrower curve alone (the old rule)
    lim = dil.dilepton_limit_fb(MS, 0.02)
    assert np.all((lim - np.minimum(l1, l2)) * (lim - np.maximum(l1, l2)) <= 0)
    assert not np.allclose(lim, l1)
    # broadcasting: one width per mass
    np.testing.assert_allclose(dil.dilepton_limit_fb(MS, np.full(MS.shape, 0.02)), lim)


def test_no_limit_outside_the_published_range():
    assert math.isnan(float(dil.dilepton_limit_fb(3000.0, 0.1001)))   # wider than 10 %
    assert math.isnan(float(dil.dilepton_limit_fb(200.0, 0.0)))       # below 250 GeV
    assert math.isnan(float(dil.dilepton_limit_fb(6500.0, 0.0)))      # above 6 TeV
    assert math.isnan(float(dil.dilepton_limit_fb(3000.0, -0.01)))
    assert np.isfinite(dil.dilepton_limit_fb(3000.0, 0.10))


@pytest.fixture(scope="module")
def pdf():
    return load()


@pytest.mark.parametrize("M", [400.0, 2000.0])
def test_acceptance_against_explicit_lepton_kinematics(pdf, M):
    """A from a (y, cos θ*) grid with the two leptons built explicitly: η = y ± artanh(cos θ*),
    p_T = (M/2) sin θ*, both inside |η| < 2.5 and p_T > 30 GeV; 1 + cos²θ* decay, qq̄ weights."""
    sqrt_s = 13000.0
    tau = (M / sqrt_s) ** 2
    ymax = -0.5 * math.log(tau)
    y = np.linspace(-ymax, ymax, 601)[1:-1]
    c = np.linspace(-1.0, 1.0, 2001)[1:-1]
    x1, x2 = math.sqrt(tau) * np.exp(y), math.sqrt(tau) * np.exp(-y)
    mu = np.full(y.shape, M)
    W = sum(pdf.xfxQ(p, x1, mu) * pdf.xfxQ(-p, x2, mu) + pdf.xfxQ(-p, x1, mu) * pdf.xfxQ(p, x2, mu)
            for p in QUARK_PIDS.values())
    Y, C = np.meshgrid(y, c, indexing="ij")
    eta1, eta2 = Y + np.arctanh(C), Y - np.arctanh(C)
    pt = M / 2 * np.sqrt(1 - C * C)
    inside = (abs(eta1) < 2.5) & (abs(eta2) < 2.5) & (pt > 30.0)
    ang = 1 + C * C
    num = (W[:, None] * ang * inside).sum()
    den = (W[:, None] * ang).sum()
    assert float(dil.fiducial_acceptance(M, pdf=pdf)) == pytest.approx(num / den, abs=2e-3)


def test_acceptance_limits(pdf):
    A = dil.fiducial_acceptance([250.0, 1000.0, 5000.0], pdf=pdf)
    assert np.all(np.diff(A) > 0) and A[-1] < 1
    # a resonance at rest (M → √s: y → 0) keeps the central fraction (3c + c³)/4, c = tanh 2.5
    c = math.tanh(2.5)
    a0 = float(dil.fiducial_acceptance(12800.0, pdf=pdf))
    assert a0 == pytest.approx((3 * c + c**3) / 4, rel=2e-3)
    assert math.isnan(float(dil.fiducial_acceptance(14000.0, pdf=pdf)))


def test_self_consistent_coupling_limit():
    """At g_max, A g² σ₁ equals the limit at the point's own width Γ/M = g² Γ₁/M."""
    M = np.array([1500.0, 3000.0, 4500.0])
    s1 = np.array([200.0, 10.0, 1.0])   # fb at g = 1
    w1 = np.array([0.2, 0.3, 0.3])      # Γ/M at g = 1
    A = np.array([0.8, 0.9, 0.95])
    gmax, gw = dil.coupling_limit_dilepton(M, s1, w1, A)
    np.testing.assert_allclose(gw, np.sqrt(0.1 / w1))
    ok = np.isfinite(gmax)
    assert ok.all()
    lim = dil.dilepton_limit_fb(M, gmax**2 * w1)
    np.testing.assert_allclose(A * gmax**2 * s1 / lim, 1.0, rtol=1e-6)
    # below g_max nothing is excluded
    for f in (0.3, 0.6, 0.95):
        g = f * gmax
        assert np.all(A * g * g * s1 < dil.dilepton_limit_fb(M, g * g * w1))
    np.testing.assert_allclose(dil.max_coupling_dilepton(M, s1, gmax**2 * w1, A), gmax, rtol=1e-6)


def test_ssm_mass_limit_with_acceptance_reproduces_atlas():
    """ATLAS: 5.1 TeV; the recast (LO × 1.2, fiducial acceptance) within 2 %, and the
    acceptance lowers the limit."""
    ref = ME["m_zprime_ssm_atlas_139ifb"].value
    m = dil.ssm_mass_limit(k_factor=1.2)
    assert m == pytest.approx(ref, rel=0.02)
    assert dil.ssm_mass_limit(k_factor=1.2, acceptance=False) > m


def test_coupling_limit_below_the_default_scan_and_at_zero_width():
    """A large σ₁ with a narrow Z′ is excluded far below 10⁻⁴ g_widest (the limit there is the
    narrow-width one, √(L(M, 0)/(A σ₁))); a Z′ with Γ₁ = 0 keeps the Γ = 0 curve at every g.
    Both used to come back NaN (read: nothing excluded)."""
    M, A = 1000.0, 0.9
    g0 = math.sqrt(float(dil.dilepton_limit_fb(M, 0.0)) / (A * 1e6))
    gmax, gw = dil.coupling_limit_dilepton(M, 1e6, 1e-3, A)
    assert float(gw) == pytest.approx(10.0)
    assert float(gmax) == pytest.approx(g0, rel=1e-6)
    assert float(gmax) < 1e-4 * float(gw)
    g0 = math.sqrt(float(dil.dilepton_limit_fb(M, 0.0)) / (A * 1e3))
    assert float(dil.coupling_limit_dilepton(M, 1e3, 0.0, A)[0]) == pytest.approx(g0, rel=1e-12)


def test_acceptance_refuses_a_quark_outside_the_proton():
    with pytest.raises(ValueError, match="unknown quark"):
        dil.fiducial_acceptance(1000.0, {"u": 1.0, "t": 1.0})
