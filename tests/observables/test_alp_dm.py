"""ALP-portal DM cross sections (darkseesaw.observables.alp_dm) against independent checks."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import alp_dm


def test_gg_threshold_is_paper_eq_3_10():
    m, ma, c, f = 3e4, 3.3e4, 50.0, 1e4
    s = 4 * m**2 * (1 + 1e-10)
    v = 2 * math.sqrt(1 - 4 * m**2 / s)
    sv = float(alp_dm.sigma_gg(s, m, ma, c, f)) * v
    paper = ph.alpha_0**2 * c**2 * m**6 / (4 * math.pi**3 * (ma**2 - 4 * m**2) ** 2 * f**4)
    assert sv == pytest.approx(paper, rel=1e-8)
    assert float(alp_dm.sigmav_gg_threshold(m, ma, c, f, units="GeV-2")) == pytest.approx(paper, rel=1e-12)


def test_ratio_equals_ratio_of_offshell_widths():
    # s-channel spin-0 exchange factorises: σ_γγ/σ_μμ = Γ(a*→γγ)/Γ(a*→μμ) at mass √s, with the
    # textbook widths Γ_γγ = g² M³/(64π) and Γ_μμ = y² M β/(8π).
    m, ma, cgg, cmm, f = 500.0, 700.0, 3.0, 40.0, 2e3
    s = 4.4 * m**2
    g = ph.alpha_0 * cgg / (math.pi * f)
    y = cmm * ph.m_mu / f
    M = math.sqrt(s)
    b = math.sqrt(1 - 4 * ph.m_mu**2 / s)
    ratio_w = (g**2 * M**3 / (64 * math.pi)) / (y**2 * M * b / (8 * math.pi))
    ratio_s = float(alp_dm.sigma_gg(s, m, ma, cgg, f) / alp_dm.sigma_ff(s, m, ma, cmm, f))
    assert ratio_s == pytest.approx(ratio_w, rel=1e-12)
    # and the widths of width_a are those textbook widths
    assert float(alp_dm.width_a(ma, f, cgg)) == pytest.approx(g**2 * ma**3 / (64 * math.pi), rel=1e-12)


def test_mumu_threshold_and_paper_factor():
    m, ma, c, f = 3e4, 3.3e4, 1e3, 1e4
    ours = float(alp_dm.sigmav_ff_threshold(m, ma, c, f, units="GeV-2"))
    s = 4 * m**2 * (1 + 1e-10)
    v = 2 * math.sqrt(1 - 4 * m**2 / s)
    assert float(alp_dm.sigma_ff(s, m, ma, c, f)) * v == pytest.approx(ours, rel=1e-6)
    paper_311 = (8 / math.pi * c**2 * ph.m_mu**2 * m**4 / ((ma**2 - 4 * m**2) ** 2 * f**4)
                 * math.sqrt(1 - 4 * ph.m_mu**2 / m**2))
    assert paper_311 / ours == pytest.approx(16.0, rel=1e-6)  # documented correction


def test_thermal_average_approaches_threshold_value():
    from darkseesaw.cosmo.thermal_average import thermal_average

    m, ma, c, f = 1e4, 1.1e4, 100.0, 1e4
    x = np.array([1e4])
    tav = thermal_average(lambda s: alp_dm.sigma_gg(s, m, ma, c, f), m, x, units="cm3/s")
    assert float(tav[0]) == pytest.approx(float(alp_dm.sigmav_gg_threshold(m, ma, c, f)), rel=1e-3)
