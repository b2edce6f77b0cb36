"""Fig. 3 building blocks of arXiv:2502.13002 against independent values: the vectorised g − 2
coefficients against adaptive quadrature and 30-digit mpmath, the line quantity against eq. (3.10)
in closed form, and the statements' helpers on hand-made scans."""

import math

import mpmath as mp
import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import g2
from darkseesaw.papers.alp_portal_dm import fig3
from darkseesaw.papers.alp_portal_dm.g2_band import g2_coefficients, integrals
from darkseesaw.papers.alp_portal_dm.inputs import DELTA_A_MU_2023


@pytest.mark.parametrize("f_a", [1e4, 1e5])
def test_g2_coefficients_equal_the_quadrature_reference_term_by_term(f_a):
    ma = np.geomspace(1.0, 0.9 * 4 * math.pi * f_a, 40)   # 1 GeV ... 0.9 Λ
    A, B = g2_coefficients(ma, f_a)
    d0 = g2.delta_a_alp(ma, 1.0, 0.0, f_a)               # scipy quad, per point
    d1 = g2.delta_a_alp(ma, 1.0, 1.0, f_a)
    np.testing.assert_allclose(A, d0["one_loop"] + d0["barr_zee_lepton"], rtol=1e-8)
    np.testing.assert_allclose(B, d1["barr_zee_photon"], rtol=1e-8)
    np.testing.assert_allclose(B + A, d1["total"], rtol=1e-8)


def test_g2_coefficients_below_and_near_the_muon_mass():
    """The module promises 1 MeV ... 10 PeV: below m_μ the scale x ~ m_a/m_μ must be resolved."""
    ma = np.array([1e-3, 1e-2, 0.1, 0.2, 0.5])
    A, B = g2_coefficients(ma, 1e4)
    d0 = g2.delta_a_alp(ma, 1.0, 0.0, 1e4)
    d1 = g2.delta_a_alp(ma, 1.0, 1.0, 1e4)
    np.testing.assert_allclose(A, d0["one_loop"] + d0["barr_zee_lepton"], rtol=1e-8)
    np.testing.assert_allclose(B, d1["barr_zee_photon"], rtol=1e-8)


def _mp_integrals(r, L2):
    mp.mp.dps = 30
    r, L2 = mp.mpf(r), mp.mpf(L2)
    z = 1 / r
    ia = mp.quad(lambda x: x**3 / (x**2 + (1 - x) * r), [0, 0.5, 1])
    ib = mp.quad(lambda x: (1 - x) * (mp.log(L2 / (x**2 + r * (1 - x))) - mp.mpf(1) / 2)
                 - 3 / r * x**2 * mp.log((x**2 + r * (1 - x)) / x**2), [0, 0.5, 1])
    ic = mp.quad(lambda x: z * mp.log(x * (1 - x) / z) / (x * (1 - x) - z), [0, 0.5, 1])
    return float(ia), float(ib), float(ic)


@pytest.mark.parametrize("m_a", [3.0, 1e3, 1e5])
def test_integrals_against_mpmath(m_a):
    r, L2 = (m_a / ph.m_mu) ** 2, (4 * math.pi * 1e4 / ph.m_mu) ** 2
    ours = [float(v[0]) for v in integrals(r, L2)]
    for o, ref in zip(ours, _mp_integrals(r, L2), strict=True):
        assert o == pytest.approx(ref, rel=1e-9)


def test_g2_band_edges_give_the_two_sigma_values():
    f_a, c = 1e4, -1e4    # C_μμ/f_a = −1 GeV⁻¹
    ma = np.geomspace(1e3, 1e5, 7)
    lo, hi = fig3.g2_C_gg_band(ma, f_a, c, DELTA_A_MU_2023)
    cen, sig = DELTA_A_MU_2023
    for m, a, b in zip(ma, lo, hi, strict=True):
        da = [float(g2.delta_a_alp(m, c, x, f_a)["total"]) for x in (a, b)]
        assert da[0] == pytest.approx(cen - 2 * sig, rel=1e-7)
        assert da[1] == pytest.approx(cen + 2 * sig, rel=1e-7)


def test_line_quantity_is_half_of_eq_3_10():
    m_chi, m_a, c_gg, f = 1e5 / 1.1, 1e5, 280.0, 1e4
    a = ph.alpha_0
    sv = a**2 * c_gg**2 * m_chi**6 / (4 * math.pi**3 * (m_a**2 - 4 * m_chi**2) ** 2 * f**4)
    conv = ph.hbarc_GeV_cm**2 * 2.99792458e10             # GeV⁻² → cm³/s
    assert float(fig3.sigmav_line_half(m_chi, m_a, f, c_gg)) == pytest.approx(0.5 * sv * conv,
                                                                              rel=1e-9)


def _scan(mask, m_a):
    m_a = np.asarray(m_a, float)
    return {"m_a": m_a, "m_chi": m_a / 1.1, "relic_allowed_by_lines": np.asarray(mask),
            "relic_lo": np.full(len(m_a), 2.5e-2 * 1e4 / 1e4)}


def test_relic_threshold_is_the_start_of_the_last_run():
    ma = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    t = fig3.relic_threshold(_scan([True, False, False, True, True, True], ma))
    assert t["m_a_min_GeV"] == 4.0 and t["runs_GeV"] == [[1.0, 1.0], [4.0, 6.0]]
    assert fig3.relic_threshold(_scan([True, True, False, False, False, False],
                                      ma))["m_a_min_GeV"] is None


def test_line_needed_to_exclude_is_the_smallest_relic_sigmav_on_the_window():
    ma = np.array([5e4, 6e4, 7e4, 8e4])
    s = _scan([True] * 4, ma)
    s["relic_lo"] = np.array([6e-2, 5e-2, 4e-2, 3e-2])      # C_γγ/f_a on the band's lower edge
    d = fig3.line_needed_to_exclude(s, 1e4, [6e4, 7e4], {"H.E.S.S.": "id/gammaline/hess"})
    want = min(float(fig3.sigmav_line_half(m / 1.1, m, 1e4, c * 1e4))
               for m, c in ((6e4, 5e-2), (7e4, 4e-2)))
    assert d["needed_sigmav_cm3s"] == pytest.approx(want, rel=1e-12)
    assert d["m_chi_GeV"] == pytest.approx([6e4 / 1.1, 7e4 / 1.1])
    lo, hi = d["limits_cm3s"]["H.E.S.S."]
    assert 0 < lo <= hi
