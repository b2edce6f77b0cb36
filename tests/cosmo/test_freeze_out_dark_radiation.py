"""Freeze-out estimates and dark radiation against the Boltzmann solution, textbook numbers and
the bl-zprime paper."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.cosmo import (
    decoupling_temperature,
    delta_neff,
    omega_h2,
    omega_h2_freeze_out,
    thermo,
    x_freeze_out,
)


def test_x_freeze_out_textbook_range_and_fixed_point():
    m = np.array([10.0, 100.0, 1000.0])
    xf = x_freeze_out(m, 2e-26)
    assert np.all((xf > 19) & (xf < 28))
    # the iteration's fixed point satisfies its defining equation
    sv = ph.cm3_per_s_to_invGeV2(2e-26)
    g = thermo.g_star(m / xf)
    rhs = np.log(0.5 * 2.5 * math.sqrt(45 / 8) * 2 * m * ph.M_Pl * sv
                 / (2 * math.pi**3 * np.sqrt(g * xf)))
    assert np.allclose(xf, rhs, rtol=1e-9)


@pytest.mark.parametrize("sc", [True, False])
def test_freeze_out_estimate_within_15_percent_of_boltzmann(sc):
    m = np.array([0.01, 1.0, 10.0, 100.0, 1e4])
    for sv in (2e-26, lambda x: 6 * 1e-25 / x):
        ratio = omega_h2_freeze_out(m, sv, self_conjugate=sc) / omega_h2(m, sv, self_conjugate=sc)
        assert np.all(np.abs(ratio - 1) < 0.16)


def test_delta_neff_literature_values():
    # decoupling above the EW scale, g*s = 106.75: Weyl fermion 0.047, real scalar 0.027,
    # massless vector 0.054 (e.g. Brust, Kaplan & Walters, JHEP 12 (2013) 058)
    assert float(delta_neff(1e4, 2, g_star_s=106.75)) == pytest.approx(0.0470, abs=2e-4)
    assert float(delta_neff(1e4, 1, fermion=False, g_star_s=106.75)) == pytest.approx(0.0269,
                                                                                    abs=2e-4)
    assert float(delta_neff(1e4, 2, fermion=False, g_star_s=106.75)) == pytest.approx(0.0537,
                                                                                    abs=2e-4)
    # a species decoupling together with the neutrinos counts as one more neutrino
    assert float(delta_neff(3e-3, 2, g_star_s=43 / 4)) == pytest.approx(1.0, rel=1e-12)


def test_decoupling_temperature_reproduces_bl_zprime_eq310():
    # Γ = n σv ∝ g⁴ Σ T⁵ / M⁴ normalised so that Γ = H is eq. 3.10 with the lattice g*:
    # T³ = 2.16 √g* M⁴ /(M_Pl g⁴ Σ), Σ = Σ_f (q_L² + q_R²) = 13 for the SM with colour.
    M, gbl, S = 1e4, 0.1, 13.0
    c = 1.66 / 2.16 * gbl**4 * S / M**4
    T = decoupling_temperature(lambda T: c * T**5)
    rhs = (2.16 * math.sqrt(thermo.g_star(T)) * M**4 / (ph.M_Pl * gbl**4 * S)) ** (1 / 3)
    assert T == pytest.approx(float(rhs), rel=2e-3)
    assert 1.0 < T < 5.0   # the paper: "T_fo ~ 4 GeV"
    # vectorised over several problems (one rate per column)
    Ms = np.array([1e3, 1e4, 5e4])
    Ts = decoupling_temperature(lambda T: 1.66 / 2.16 * gbl**4 * S * T**5 / Ms**4)
    assert Ts.shape == (3,) and np.all(np.diff(Ts) > 0)
    # no crossing in the bracket -> NaN
    assert math.isnan(decoupling_temperature(lambda T: 1e-50 * T, T_max=1e3))
