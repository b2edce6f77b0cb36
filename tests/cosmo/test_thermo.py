"""g*(T), g*s(T), H, s and equilibrium yields against independent numbers."""

import math

import mpmath as mp
import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo


def test_table_limits_match_known_sm_counting():
    # after e+e- annihilation: photons + 3 neutrinos (N_eff = 3.044 in the table):
    # g_s = 2 + 7/8*6*(4/11)*(N_eff/3), g_rho = 2 + 7/8*6*(4/11)^(4/3)*(N_eff/3)
    neff = 3.044
    assert thermo.g_star_s(1e-5) == pytest.approx(2 + 7 / 8 * 6 * 4 / 11 * neff / 3, rel=2e-3)
    assert thermo.g_star(1e-5) == pytest.approx(
        2 + 7 / 8 * 6 * (4 / 11) ** (4 / 3) * neff / 3, rel=2e-3)
    # between neutrino decoupling and e+e- annihilation (T ~ 3 MeV): 43/4, slightly below
    assert 10.4 < float(thermo.g_star_s(1e-2)) < 10.76
    # full SM at T >> m_t: 106.75 minus interaction corrections of a few percent
    assert 100 < float(thermo.g_star(1e4)) < 106.75


def test_interpolation_reproduces_table_rows():
    t = thermo.table()
    idx = np.array([10, 2000, 5000, 9000])
    T = np.exp(t["lnT"][idx])
    assert np.allclose(np.log(thermo.g_star(T)), t["lng"][idx], rtol=0, atol=1e-6)
    assert np.allclose(np.log(thermo.g_star_s(T)), t["lnh"][idx], rtol=0, atol=1e-6)


def test_smoothed_derivative_integrates_to_the_table_difference():
    # ∫ d ln h over the QCD crossover = Δ ln h (smoothing must not lose the step at 0.12 GeV)
    T = np.geomspace(0.03, 1.0, 20001)
    lnT = np.log(T)
    d = thermo.dlng_star_s_dlnT(T)
    integral = np.sum(0.5 * (d[1:] + d[:-1]) * np.diff(lnT))
    expected = math.log(thermo.g_star_s(1.0) / thermo.g_star_s(0.03))
    assert integral == pytest.approx(expected, rel=2e-3)
    assert np.max(d) < 1.7  # the raw one-cell spike (1.95) is gone


def test_hubble_and_entropy_formulae():
    T = 10.0
    g = float(thermo.g_star(T))
    assert float(thermo.hubble(T)) == pytest.approx(1.66 * math.sqrt(g) * T**2 / ph.M_Pl,
                                                    rel=1e-3)
    assert float(thermo.entropy_density(T)) == pytest.approx(
        2 * math.pi**2 / 45 * float(thermo.g_star_s(T)) * T**3, rel=1e-12)


@pytest.mark.parametrize("stat", ["FD", "BE"])
@pytest.mark.parametrize("x", [0.0, 0.01, 0.7, 1.0, 1.3, 5.0, 30.0])
def test_quantum_number_density_against_mpmath(stat, x):
    mp.mp.dps = 30
    sgn = 1 if stat == "FD" else -1
    if x == 0 and stat == "BE":
        ref = mp.zeta(3) / mp.pi**2
    else:
        f = lambda p: p**2 / (mp.exp(mp.sqrt(p**2 + x**2)) + sgn)  # noqa: E731
        ref = mp.quad(f, [0, 1, 10, max(x, 1) * 3, mp.inf]) / (2 * mp.pi**2)
    val = float(thermo.n_eq(x, 1.0, g=1, statistics=stat))
    assert val == pytest.approx(float(ref), rel=1e-9)


def test_maxwell_boltzmann_yield_large_x_no_overflow():
    x = np.array([1.0, 100.0, 1e3, 1e5])
    y = thermo.Y_eq(x, 100.0, g=2)
    assert np.all(np.isfinite(y)) and np.all(y >= 0)
    # MB vs mpmath at x = 100
    mp.mp.dps = 30
    h = float(thermo.g_star_s(1.0))
    ref = 45 * 2 / (4 * mp.pi**4 * h) * 100**2 * mp.besselk(2, 100)
    assert y[1] == pytest.approx(float(ref), rel=1e-10)
    # quantum statistics -> MB for large x
    assert float(thermo.Y_eq(30.0, 100.0, statistics="FD")) == pytest.approx(
        float(thermo.Y_eq(30.0, 100.0)), rel=1e-10)


@pytest.mark.parametrize("T", [1e-3, 0.5, 10.0, 1e3])
def test_g_star_half_against_finite_differences_of_the_table(T):
    d = 0.05  # ± in ln T, wider than the smoothing
    lo, hi = T * math.exp(-d), T * math.exp(d)
    dlnh = math.log(thermo.g_star_s(hi) / thermo.g_star_s(lo)) / (2 * d)
    expected = float(thermo.g_star_s(T)) / math.sqrt(float(thermo.g_star(T))) * (1 + dlnh / 3)
    assert float(thermo.g_star_half(T)) == pytest.approx(expected, rel=3e-3)


def test_Y_eq_is_n_eq_over_s():
    m, x = 7.0, np.array([0.5, 3.0, 40.0])
    T = m / x
    for stat in ("MB", "FD", "BE"):
        y = thermo.Y_eq(x, m, g=2, statistics=stat)
        n = thermo.n_eq(m, T, g=2, statistics=stat)
        assert np.allclose(y, n / thermo.entropy_density(T), rtol=1e-10)
