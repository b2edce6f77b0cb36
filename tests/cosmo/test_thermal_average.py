"""Thermal averages against arbitrary-precision (mpmath) evaluations of the Gondolo–Gelmini
integral, known limits and the hnl-inflaton paper's equations."""

import math

import mpmath as mp
import numpy as np
import pytest

from darkseesaw.cosmo import (
    breit_wigner_sigma,
    sigma_from_partial_wave,
    sigma_v_narrow_resonance,
    thermal_average,
    thermal_average_interpolator,
)

mp.mp.dps = 25


def besselk(nu, z):
    """K_nu(z) to 25 digits: python-flint (arb, fast) when installed, else mpmath."""
    try:
        import flint
    except ImportError:  # pragma: no cover
        return mp.besselk(nu, z)
    flint.ctx.prec = 100
    return mp.mpf(flint.arb(mp.nstr(z, 30)).bessel_k(nu).mid().str(30, radius=False))


_K = (0.03, 0.1, 0.3, 1, 2, 4, 7, 12, 20, 35, 60, 100)


def gg_mpmath(sig_mp, m, x, extra=()):
    """4x/K2(x)^2 ∫ σ ε √(1+ε) K1(2x√(1+ε)) dε in 25-digit arithmetic (dense break points
    on the Boltzmann scale 1/x, plus ``extra`` ones at resonances and thresholds)."""
    x = mp.mpf(x)
    m = mp.mpf(m)

    def f(e):
        return sig_mp(e) * e * mp.sqrt(1 + e) * besselk(1, 2 * x * mp.sqrt(1 + e))

    pts = sorted({mp.mpf(0), *[mp.mpf(k) / x for k in _K],
                  *[mp.mpf(p) for p in extra if p > 0]})
    return 4 * x / besselk(2, x) ** 2 * mp.quad(f, [*pts, mp.inf])


@pytest.mark.parametrize("x", [0.5, 3.0, 25.0, 1000.0])
def test_partial_wave_gg_against_mpmath(x):
    m, a, b = 50.0, 2e-9, 7e-9
    sig = sigma_from_partial_wave(a, b, m)

    def smp(e):  # σ as a function of ε = s/4m² − 1
        v = 2 * mp.sqrt(e / (1 + e))
        return (a + b * v**2) / v

    ref = float(gg_mpmath(smp, m, x))
    assert float(thermal_average(sig, m, x)) == pytest.approx(ref, rel=1e-9)
    assert float(thermal_average(sig, m, x, method="adaptive")) == pytest.approx(ref, rel=1e-8)


def test_nonrelativistic_limit_is_a_plus_6b_over_x():
    m, x = 10.0, 1e4
    sv_s = float(thermal_average(sigma_from_partial_wave(1.0, 0.0, m), m, x))
    sv_p = float(thermal_average(sigma_from_partial_wave(0.0, 1.0, m), m, x))
    assert sv_s == pytest.approx(1.0, rel=3e-4)        # corrections O(1/x)
    assert sv_p == pytest.approx(6.0 / x, rel=3e-3)


def test_extreme_x_neither_underflows_nor_overflows():
    m = 1.0
    x = np.array([1e-2, 1.0, 1e3, 1e5])
    sv = thermal_average(sigma_from_partial_wave(1e-9, 1e-9, m), m, x)
    assert np.all(np.isfinite(sv)) and np.all(sv > 0)


@pytest.mark.parametrize("M_over_2m, x", [(0.95, 20.0), (0.95, 1000.0), (1.05, 1.0),
                                          (1.05, 20.0), (1.3, 25.0), (1.3, 1000.0)])
def test_breit_wigner_resonance_against_mpmath(M_over_2m, x):
    m = 100.0
    M = 2 * m * M_over_2m
    G = 1e-3 * M
    gi, go = 0.3 * G, 0.7 * G
    sig = breit_wigner_sigma(m, M, G, gi, go, J=1)

    def smp(e):
        s = 4 * m**2 * (1 + e)
        return mp.mpf(3) / 4 * 16 * mp.pi / (4 * m**2 * e) * M**2 * gi * go / (
            (s - M**2) ** 2 + M**2 * G**2)

    eR = M_over_2m**2 - 1
    we = G * M / (4 * m * m)
    ref = float(gg_mpmath(smp, m, x, [eR + k * we for k in (-100, -10, -1, 0, 1, 10, 100)]))
    val = float(thermal_average(sig, m, x, resonances=[(M, G)]))
    assert val == pytest.approx(ref, rel=1e-7)


def test_forbidden_channel_threshold_against_mpmath():
    # χχ̄ → ff̄ with m_f = 1.1 m (forbidden at rest): σ = σ0 β_f Θ(s − 4m_f²)
    m, mf, s0 = 10.0, 11.0, 1e-8

    def sig(s):
        s = np.asarray(s, dtype=float)
        return np.where(s > 4 * mf**2, s0 * np.sqrt(np.clip(1 - 4 * mf**2 / s, 0, None)), 0.0)

    def smp(e):
        s = 4 * m**2 * (1 + e)
        return s0 * mp.sqrt(1 - 4 * mf**2 / s) if s > 4 * mf**2 else mp.mpf(0)

    for x in (2.0, 20.0, 200.0):
        eth = (mf / m) ** 2 - 1
        ref = float(gg_mpmath(smp, m, x, [eth, eth + 1 / x, eth + 10 / x]))
        val = float(thermal_average(sig, m, x, thresholds=[2 * mf]))
        assert val == pytest.approx(ref, rel=1e-7)
    # exponential (Griest–Seckel) suppression e^{-2xΔ}: at x = 200 tiny but resolved
    assert 1e-28 < val < 1e-24  # ~ σ0 e^{-2x(m_f/m - 1)} = 1e-8 e^{-40}


def test_narrow_width_limit_equals_hnl_eq_3_16_and_the_breit_wigner_integral():
    m, gs, y, x = 2.0, 0.3, 1.3, 20.0
    M = 2 * m * y
    Gin = gs**2 * M / (8 * math.pi) * (1 - 1 / y**2) ** 1.5  # Γ(s → N N̄), scalar, Dirac N
    nw = float(sigma_v_narrow_resonance(x, m, M, Gin, 1.0))
    # hnl-inflaton eq. 3.16, evaluated with mpmath
    eq316 = mp.pi * gs**2 / (2 * m**2) * (mp.mpf(y) ** 2 - 1) ** 1.5 * x \
        * besselk(1, 2 * x * y) / besselk(2, x) ** 2
    assert nw == pytest.approx(float(eq316), rel=1e-10)
    # a genuinely narrow Breit–Wigner (Γ/M = 1e-8, BR_out = 1) integrates to the same; the
    # off-peak tail, enhanced by the Boltzmann factor below the peak, adds ~ 1e4 Γ/M here
    G = 1e-8 * M
    sig = breit_wigner_sigma(m, M, G, Gin * 0 + G * 0.5, G * 1.0, J=0)  # Γ_in/Γ = 1/2
    bw = float(thermal_average(sig, m, x, resonances=[(M, G)]))
    nw_half = float(sigma_v_narrow_resonance(x, m, M, 0.5 * G, 1.0))
    assert bw == pytest.approx(nw_half, rel=3e-4)


def test_interpolator_reproduces_direct_average():
    m, M = 100.0, 210.0
    G = 1e-2 * M
    sig = breit_wigner_sigma(m, M, G, 0.3 * G, 0.7 * G, J=1)
    f = thermal_average_interpolator(sig, m, resonances=[(M, G)], n_x=60, units="GeV-2")
    x = np.array([3.3, 21.7, 140.0])
    direct = thermal_average(sig, m, x, resonances=[(M, G)])
    assert np.allclose(f(x), direct, rtol=2e-2)
