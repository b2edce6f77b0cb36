"""Measurements against the numbers printed in the seed papers, and the likelihood helpers
against textbook values (χ² quantiles, one-sided limits)."""

import numpy as np
import pytest

from darkseesaw.constraints import likelihood as L
from darkseesaw.constraints.measurements import MEASUREMENTS, NUFIT, get

# alp-portal-dm (seed 001) Table 2: best fit, +3σ, -3σ offsets (Δm² in 1e-5 / 1e-3 eV²)
TABLE2 = {
    "NO": {"s12sq": (0.308, 0.037, 0.033), "s13sq": (0.02215, 0.00173, 0.00185),
           "s23sq": (0.470, 0.115, 0.035), "dm21sq": (7.49e-5, 0.56e-5, 0.57e-5),
           "dm3lsq": (2.513e-3, 0.065e-3, 0.062e-3), "delta_cp": (212, 152, 88)},
    "IO": {"s12sq": (0.308, 0.037, 0.033), "s13sq": (0.02231, 0.00178, 0.00171),
           "s23sq": (0.550, 0.034, 0.110), "dm21sq": (7.49e-5, 0.56e-5, 0.57e-5),
           "dm3lsq": (2.484e-3, 0.063e-3, 0.063e-3), "delta_cp": (274, 61, 73)},
}


@pytest.mark.parametrize("order", ["NO", "IO"])
def test_seed001_table2_is_nufit60(order):
    t = NUFIT["6.0"][order]
    for k, (best, up, dn) in TABLE2[order].items():
        p = t[k]
        sign = -1 if (k == "dm3lsq" and order == "IO") else 1  # the table quotes |Δm²_atm|
        assert sign * p.best == pytest.approx(best, rel=1e-9), k
        hi3, lo3 = (p.hi3, p.lo3) if sign > 0 else (-p.lo3, -p.hi3)
        assert hi3 == pytest.approx(best + up, rel=1e-6, abs=1e-12), k
        assert lo3 == pytest.approx(best - dn, rel=1e-6, abs=1e-12), k


def test_paper_numbers():
    assert MEASUREMENTS["delta_a_mu_2023"].value == pytest.approx(249e-11)
    assert MEASUREMENTS["delta_a_mu_2023"].sigma == pytest.approx(48e-11)
    d25 = get("delta_a_mu_2025")
    assert (d25.value, d25.sigma) == pytest.approx((38e-11, 63e-11))
    # 2025: world average 116592071.5(14.5) minus SM 116592033(62) [1e-11]
    assert d25.value == pytest.approx((116592071.5 - 116592033) * 1e-11, abs=1e-11)
    assert np.hypot(14.5, 62) * 1e-11 == pytest.approx(d25.sigma, rel=0.02)
    assert get("omega_dm_h2").value == 0.120 and get("omega_dm_h2").sigma == 0.001
    assert get("omega_dm_h2_planck2018_lensing").sigma == 0.0012   # seed 001 eq. 3.13
    assert get("m_beta_katrin_2025").value == 0.45                 # seed 001: 450 meV
    assert get("m_bb_kamland_zen_2023").value == 0.036             # seed 001: 36-156 meV
    assert get("br_mu_egamma_meg2016").value == 4.2e-13            # seed 002
    assert get("br_mu_3e_sindrum").value == 1e-12                  # seed 002
    assert get("n_eff_bl_zprime").value == 3.04                    # seed 003
    from darkseesaw import physics as ph

    assert get("m_w_pdg2024").value == ph.M_W
    with pytest.raises(KeyError, match="delta_a_mu"):
        get("delta_amu")


def test_one_sided_limits_and_cl():
    assert L.delta_chi2(0.90) == pytest.approx(2.705543, rel=1e-6)
    assert L.delta_chi2(0.95) == pytest.approx(3.841459, rel=1e-6)
    assert L.delta_chi2(0.6827, 2) == pytest.approx(2.2957, rel=1e-3)
    assert L.sigma_to_cl(1.0) == pytest.approx(0.682689, rel=1e-6)
    assert float(L.upper_limit_chi2(3.1e-13, 3.1e-13, 0.90)) == pytest.approx(2.705543, 1e-6)
    assert float(L.upper_limit_chi2(0.0, 1.0, 0.9)) == 0.0
    assert float(L.lower_limit_chi2(1e26, 1e26, 0.95)) == pytest.approx(3.841459, 1e-6)
    # HNLimits' 95 % -> 90 % factor for 1 dof: sqrt(2.71/3.84)
    assert float(L.rescale_limit(1.0, 0.95, 0.90)) == pytest.approx(np.sqrt(2.705543 / 3.841459))
    m = get("br_mu_egamma_megii_2025")
    assert float(L.chi2(m, m.value)) == pytest.approx(2.705543, 1e-6)


def test_asymmetric_gaussian():
    assert float(L.asymmetric_chi2(3.0, 1.0, 1.0, 2.0)) == pytest.approx(1.0)
    assert float(L.asymmetric_chi2(-1.0, 1.0, 1.0, 2.0)) == pytest.approx(4.0)


@pytest.mark.parametrize("version", ["6.0", "5.2"])
@pytest.mark.parametrize("order", ["NO", "IO"])
def test_nufit_chi2_reproduces_the_published_points(version, order):
    t = NUFIT[version][order]
    best = {k: p.best for k, p in t.items()}
    off = NUFIT[version]["delta_chi2_IO"] if order == "IO" else 0.0
    assert float(L.nufit_chi2(best, version=version, ordering=order)) == pytest.approx(off)
    for k, p in t.items():
        for x, target in ((p.lo1, 1), (p.hi1, 1), (p.lo3, 9), (p.hi3, 9)):
            v = dict(best, **{k: x})
            assert float(L.nufit_chi2(v, version=version, ordering=order,
                                      include_ordering=False)) == pytest.approx(target), (k, x)
    # delta_cp is periodic
    d = dict(best, delta_cp=best["delta_cp"] + 360.0)
    assert float(L.nufit_chi2(d, version=version, ordering=order,
                              include_ordering=False)) == pytest.approx(0.0, abs=1e-12)
    # vectorised
    arr = L.nufit_chi2({"s12sq": np.array([t["s12sq"].best, t["s12sq"].hi3])},
                       version=version, ordering=order, include_ordering=False)
    np.testing.assert_allclose(arr, [0.0, 9.0])


def test_nufit_chi2_of_an_engine_spectrum():
    from darkseesaw.observables import neutrino as nu

    t = NUFIT["6.0"]["NO"]
    m2 = np.sqrt(t["dm21sq"].best) * 1e-9
    m3 = np.sqrt(t["dm3lsq"].best) * 1e-9
    M = nu.light_matrix([0.0, m2, m3], t["s12sq"].best, t["s13sq"].best, t["s23sq"].best,
                        np.radians(t["delta_cp"].best))
    obs = nu.from_light_matrix(M)
    assert float(L.nufit_chi2_observables(obs)) == pytest.approx(0.0, abs=1e-6)


def test_limit_chi2_from_a_curve():
    from darkseesaw.constraints import curve

    c = curve("dd/si/lz-2024")  # 90 % CL upper limit
    lim = float(c(40.0))
    assert float(L.limit_chi2(c, 40.0, lim)) == pytest.approx(2.705543, rel=1e-5)
    assert float(L.limit_chi2(c, 40.0, 0.0)) == 0.0
    assert float(L.limit_chi2(c, 1.0, 1e-30)) == 0.0       # below the measured range: no limit
    h = curve("id/gammaline/hess")                            # 95 % CL
    assert float(L.limit_chi2(h, 1000.0, h(1000.0))) == pytest.approx(3.841459, rel=1e-5)


def test_numbers_moved_from_physics():
    """Experimental numbers once in physics.py: same values, now here (one place)."""
    assert get("m_w_pdg2018").value == 80.379 and get("m_w_pdg2018").sigma == 0.012
    assert get("m_w_sm_pdg2018").value == 80.363 and get("m_w_sm_pdg2018").sigma == 0.006
    assert get("m_w_sm_pdg2024").value == 80.353
    assert get("m_w_pdg2024").sigma == 0.0133
    assert get("delta_r_sm_pdg2018").value == 0.03672
    assert (get("omega_c_planck2018").value, get("omega_b_planck2018").value) == (0.265, 0.0493)
    assert get("omega_dm_h2_planck2015").value == 0.1186                   # bl-zprime
    assert get("omega_dm_h2_planck2015").sigma == 0.0020
    assert get("sigma_z_ll_atlas_13tev").value == 1.981
    m = get("m_zprime_ssm_atlas_139ifb")
    assert (m.value, m.kind, m.cl) == (5100.0, "lower_limit", 0.95)
    assert get("m_heavy_lepton_cms2013").value == 574.0
    from darkseesaw import physics as ph

    for gone in ("M_W_exp_PDG2018", "delta_a_mu_2023", "nufit60_3sigma_2502_13002",
                 "alp_hint_coma_CDNS2015", "M_Pl_reduced_CDNS2015", "nu_osc_CPT2020",
                 "atlas_sigma_Z_ll_13TeV_nb", "Omega_c_Planck2018", "eta_B_CPT2020"):
        assert not hasattr(ph, gone), gone


def test_ranges_hint_boxes():
    line = get("alp_hint_xray_line_ma")
    assert line.kind == "range" and line.bounds == pytest.approx((7.1e3 * 0.98, 7.1e3 * 1.02))
    assert get("alp_hint_coma_ma").bounds == (0.0, 1e-12)
    assert get("alp_hint_coma_gagamma").bounds == (1e-13, 1e-11)
    assert get("alp_hint_xray_line_gagamma").bounds == (1e-18, 2e-12)
    assert get("m_w_pdg2018").bounds == pytest.approx((80.367, 80.391))
    with pytest.raises(ValueError, match="range"):
        L.chi2(line, 7.1e3)


def test_nufit41_best_fit_is_hnl_inflaton_input():
    from darkseesaw.constraints.measurements import NUFIT_BEST_FIT
    from darkseesaw.papers import hnl_inflaton as H

    f = NUFIT_BEST_FIT["4.1-noSK"]
    assert H.NU_OSC["NH"]["s23sq"] == f["NO"]["s23sq"] == 0.558
    assert H.NU_OSC["IH"]["dm3lsq_eV2"] == f["IO"]["dm3lsq"] == -2.509e-3
    assert H.NU_OSC["IH"]["delta_deg"] == 285.0


def test_alp_portal_dm_windows_are_nufit60():
    from darkseesaw.papers.alp_portal_dm import inputs as A

    w = A.NUFIT60_3SIGMA
    assert w["NO"]["dm3lsq_eV2"] == (2.513e-3, 2.451e-3, 2.578e-3)
    assert w["IO"]["dm3lsq_eV2"] == (2.484e-3, 2.421e-3, 2.547e-3)   # m2² − m3² > 0
    assert w["NO"]["delta_deg"] == (212.0, 124.0, 364.0)
    assert A.DELTA_A_MU_2023 == (249e-11, 48e-11)
    assert A.OMEGA_DM_H2 == (0.120, 0.0012)
    assert A.NEUTRINO_MASS_BOUNDS == {"sum_m_eV": 0.13, "m_beta_eV": 0.45, "m_bb_eV": 0.036}


def test_limit_chi2_is_the_half_gaussian_in_the_boundary_distance():
    """Upper limits: identical to upper_limit_chi2(y, curve(x)). A closed region (the
    DarkCast dark-photon island): small above the island, large inside, z² at either edge."""
    from darkseesaw.constraints import curve

    c = curve("dd/si/lz-2024")
    y = np.array([1e-49, 1e-47, 3e-47, 1e-46])
    np.testing.assert_allclose(L.limit_chi2(c, 40.0, y),
                               L.upper_limit_chi2(y, c(40.0), 0.90), rtol=1e-9)
    d = curve("darkphoton/epsilon/darkcast-visible")
    z2 = 2.705543  # Δχ² at 90 % CL, 1 dof
    above, inside, below = (float(L.limit_chi2(d, 0.03, e)) for e in (2e-4, 1e-5, 1e-9))
    assert above < 0.5 and below < 0.01 and inside > 10 * z2
    assert float(L.limit_chi2(d, 0.03, d(0.03))) == pytest.approx(z2, rel=0.01)
