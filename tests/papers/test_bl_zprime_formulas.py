"""Formulas of the bl-zprime paper (darkseesaw.papers.bl_zprime.formulas) against the Boltzmann
solution and the correct ΔN_eff."""

import numpy as np
import pytest

from darkseesaw.cosmo import delta_neff, omega_h2, x_freeze_out
from darkseesaw.papers.bl_zprime.formulas import delta_neff_eq39 as delta_neff_bl_zprime_eq39
from darkseesaw.papers.bl_zprime.formulas import omega_h2_eq36 as omega_h2_bl_zprime_eq36


def test_bl_zprime_eq36_is_the_dirac_estimate():
    # eq. 3.6 = 2 × the textbook self-conjugate estimate: compare with the Dirac Boltzmann result
    m = np.array([1e3, 4e3, 2e4])
    sv = 2e-26
    xf = x_freeze_out(m, sv, self_conjugate=False)
    est = omega_h2_bl_zprime_eq36(m, sv, m / xf)
    full = omega_h2(m, sv, self_conjugate=False)
    assert np.all(np.abs(est / full - 1) < 0.1)
    # and about twice the Majorana Boltzmann result
    assert np.all(np.abs(est / omega_h2(m, sv) / 2 - 1) < 0.12)



def test_bl_zprime_eq39_and_eq311():
    # eq. 3.9 as printed: (11/(2 g*))^(4/3); at the paper's T ~ 4 GeV: 0.0255 with the
    # step-function g* = 86.25, 0.0286 with the lattice g*(4 GeV): the paper quotes 0.026
    assert float(delta_neff_bl_zprime_eq39(4.0, g_star=86.25)) == pytest.approx(0.026, abs=1e-3)
    assert 0.02 < float(delta_neff_bl_zprime_eq39(4.0)) < 0.04
    # the printed formula omits the neutrino entropy: the correct value is (43/22)^(4/3) larger
    ratio = delta_neff(4.0, 2, g_star_s=86.25) / delta_neff_bl_zprime_eq39(4.0, g_star=86.25)
    assert float(ratio) == pytest.approx((43 / 22) ** (4 / 3), rel=1e-12)
