"""bl-zprime reproduction (darkseesaw.papers.bl_zprime): Table 1, eq. 2.6, eqs. 2.10-2.16, the
Z' BRs of sec. 4, the relic density and eqs. 3.9-3.11 against the paper and independent values,
and the paper's code path against the model's sectors."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.cosmo import omega_h2
from darkseesaw.models import bl_zprime as bl
from darkseesaw.observables.zprime import total_width
from darkseesaw.papers.bl_zprime import content
from darkseesaw.papers.bl_zprime.dark_radiation import delta_neff_omega, omega_decoupling_T
from darkseesaw.papers.bl_zprime.relic import relic_density, sigma_v_s_wave
from darkseesaw.papers.bl_zprime.scalars import analytic_scalars
from darkseesaw.papers.bl_zprime.zprime_decays import zprime_brs, zprime_channels
from darkseesaw.spectrum import takagi


def test_table1_anomaly_free_only_with_dark_sector():
    assert all(v == "0" for v in content.anomalies(True).values())
    bad = {k: v for k, v in content.anomalies(False).items() if v != "0"}
    # ISS alone: sum q = sum q^3 = -3 (the SM without nu_R; N_R(-1) and N'_R(+1) cancel)
    assert bad == {"grav^2 BL": "-3", "BL BL BL": "-3"}
    assert content.Q_CHI == (4.0, 5.0) and content.Q_OMEGA == 4.0 and content.Q_MAX == 5.0


def test_model_declares_table1():
    """The U(1)' sector's content has the same anomalies as Table 1 (N'_R^c = left, -1)."""
    u1 = bl.MODEL.sectors[1]
    table1 = content.anomalies(True)
    assert {k.replace("X", "BL"): str(v) for k, v in u1.anomalies.items()} == table1
    ferm = {f.name: f for f in u1.fermions}
    assert tuple(float(q) for q in ferm["chi"].charge) == content.Q_CHI
    assert float(ferm["omega"].charge) == content.Q_OMEGA and ferm["omega"].chirality == "left"
    assert ferm["N"].charge == (-int(content.charge("Np_R")), int(content.charge("N_R")))


@pytest.fixture(scope="module")
def p():
    return bl.MODEL.parameters(**bl.MODEL.benchmarks["dd_text"])


def test_eq26_matrix_equals_the_sectors(p):
    """Takagi masses of the 11x11 eq. 2.6 = the neutral-lepton sector's + the Dirac chi twice."""
    m, U = takagi(content.eq26_matrix(p))
    pt = bl.MODEL.point(p)
    sec = np.sort(np.concatenate([pt.data("neutral_leptons")["m"], [p.m_chi, p.m_chi]]))
    np.testing.assert_allclose(np.sort(m), sec, rtol=1e-9)
    np.testing.assert_allclose(np.sort(m)[9:], 3800.0, rtol=1e-12)
    np.testing.assert_allclose(U.conj().T @ U, np.eye(11), atol=1e-10)


def test_scalar_sector_against_eqs_2_10_to_2_16(p):
    sc = bl.scalar_sector(p)
    an = analytic_scalars(p)
    assert sc["is_minimum"] and sc["n_goldstone"] == 4  # G_Z, G+-, and the Z' Goldstone
    assert sc["m_h"] == pytest.approx(ph.m_h, rel=1e-9)
    assert sc["m_A"] == pytest.approx(an["m_A"], rel=1e-9)        # exact (eq. 2.16 state)
    assert sc["m_phi1"] == pytest.approx(an["m_phi1"], rel=1e-3)  # eq. 2.13
    assert sc["m_phi2"] == pytest.approx(an["m_phi2"], rel=1e-3)
    assert math.tan(sc["alpha1"]) == pytest.approx(an["tan_alpha1"], rel=1e-3)  # eq. 2.14
    # eq. 2.14 for alpha_2 is leading order: the next term is sqrt2 lambda_1 v2/eta ~ 7 % here
    assert math.tan(sc["alpha2"]) == pytest.approx(an["tan_alpha2"], rel=0.1)
    A = sc["A_vector"]  # (a_H, a_1, a_2) ∝ (0, 2v2, -v1) (eq. 2.16)
    assert abs(A[1] / A[2] + 2 * p.v2 / p.v1) < 1e-6 * 2 * p.v2 / p.v1


def test_branching_ratios_text_and_footnote():
    br = zprime_brs()
    a, b, c = br["sm_omega"], br["sm_omega_N"], br["sm_omega_N_chi"]
    # counting sum n_c (q_L^2 + q_R^2): quarks 4, charged leptons 6, nu 3, omega 16, N pairs 6,
    # chi 41
    assert a["invisible"] == pytest.approx(19 / 29, rel=2e-3)
    assert a["quarks"] == pytest.approx(4 / 29, rel=2e-3)
    assert b["invisible"] == pytest.approx(25 / 35, rel=2e-3)
    assert c["invisible"] == pytest.approx(66 / 76, rel=2e-3)  # footnote 4: "up to ~87 %"
    assert br["paper_matches"] == "sm_omega_N"


def test_relic_off_resonance_matches_s_wave_solution():
    """Far below the pole, the Boltzmann result with the averaged exact sigma(s) ~ s-wave."""
    m, M, g = 2000.0, 12000.0, 0.5
    om = float(relic_density(m, M, g)[0])
    G = float(total_width(zprime_channels(M, g, m)))
    sv = ph.invGeV2_to_cm3_per_s(float(sigma_v_s_wave(m, M, g, G)))
    ref = float(omega_h2(m, sv, g=2.0, self_conjugate=False))
    assert om == pytest.approx(ref, rel=0.05)
    # and on resonance the annihilation is enhanced by orders of magnitude
    assert float(relic_density(m, 2 * m * 1.02, g)[0]) < 0.02 * om


def test_paper_relic_path_agrees_with_the_model_off_resonance():
    """The reproduction's sigma(s) and the model's FermionDM (from the U(1)' sector's couplings)
    give one Omega h^2 away from the pole (the widths differ: QCD factor, N masses)."""
    m, M, g = 3800.0, 1e4, 0.25
    o = bl.MODEL.observables(bl.MODEL.parameters(m_chi=m, M_Zp=M, g_BL=g, M_N=8000.0))
    assert o["omega_dm_h2"] == pytest.approx(float(relic_density(m, M, g)[0]), rel=0.01)


def test_delta_neff_eq_3_9_to_3_11():
    dn_paper, dn_phys, T = delta_neff_omega(1e4, 0.1)
    assert 1.0 < float(T) < 6.0            # paper: ~4 GeV
    assert 0.02 < float(dn_paper) < 0.035  # paper: 0.026
    assert float(dn_phys) / float(dn_paper) == pytest.approx((43 / 22) ** (4 / 3), rel=0.05)
    # the model solves the same rate = H with the PDG Planck mass: T lower by (1.2e19/M_Pl)^(1/3)
    ratio = bl.omega_decoupling_T(1e4, 0.1) / float(omega_decoupling_T(1e4, 0.1))
    assert ratio == pytest.approx((1.2e19 / ph.M_Pl) ** (1 / 3), rel=1e-3)


def test_zprime_width_by_hand_and_the_n_pairs():
    """Eq. 3.4 by hand: massless f with charges (q_L, q_R): Γ = n_c g² M (q_L² + q_R²)/(24π).
    m_N = None: the pairs decoupled (absent); m_N given: three vector pairs of charge −1."""
    M, g, m_chi = 8000.0, 0.2, 5000.0  # chi closed
    unit = g**2 * M / (24 * math.pi)
    ch = zprime_channels(M, g, m_chi, None)
    assert "N_pairs" not in ch
    assert float(ch["e"][0]) == pytest.approx(2 * unit, rel=1e-12)
    assert float(ch["nu_e"][0]) == pytest.approx(unit, rel=1e-12)  # left-handed only
    assert float(ch["omega"][0]) == pytest.approx(16 * unit, rel=1e-12)
    assert float(ch["u"][0]) == pytest.approx(3 * (2 / 9) * unit, rel=1e-9)
    # quarks 4 + charged leptons 6 + nu 3 + omega 16 = 29 (the top's mass: -1e-4)
    assert float(total_width(ch)) == pytest.approx(29 * unit, rel=2e-4)
    mN = 1500.0
    chN = zprime_channels(M, g, m_chi, mN)
    # 6 q_L q_R m² + (q_L² + q_R²)(M² − m²) = 2M² + 4m² for q = −1, times β/(24π M²)
    ref = 3 * g**2 * (2 * M**2 + 4 * mN**2) * math.sqrt(M**2 - 4 * mN**2) / (24 * math.pi * M**2)
    assert float(chN["N_pairs"][0]) == pytest.approx(ref, rel=1e-12)
    assert float(total_width(chN) - total_width(ch)) == pytest.approx(ref, rel=1e-9)


def test_annihilation_channels_are_the_width_channels():
    """sigma_v_s_wave with m_N adds exactly 3 x eq. 3.3 for the pairs (n_c (q_chiL + q_chiR)²
    (q_L² + q_R²) = 3·81·2), and nothing with m_N = None or m_N > m_chi."""
    m, M, g, G = 3000.0, 7000.0, 0.3, 150.0
    base = float(sigma_v_s_wave(m, M, g, G))
    eq33 = 3 * 81 * 2 * g**4 * m**2 / (8 * math.pi * ((4 * m**2 - M**2) ** 2 + G**2 * M**2))
    assert float(sigma_v_s_wave(m, M, g, G, m_N=500.0)) - base == pytest.approx(eq33, rel=1e-12)
    assert float(sigma_v_s_wave(m, M, g, G, m_N=3500.0)) == pytest.approx(base, rel=1e-15)


@pytest.mark.parametrize("M", [4000.0, 9700.0, 10000.0, 10400.0, 16000.0])
def test_fixed_thermal_average_equals_the_adaptive_one(M):
    """relic.sigma_v_table (fixed composite rule) against cosmo.thermal_average (scipy quad)."""
    m = np.full(2, 5000.0)
    Ms, g = np.full(2, M), np.array([0.05, 0.5])
    om_f, xs, t_f = relic_density(m, Ms, g, return_sv=True)
    om_a, _, t_a = relic_density(m, Ms, g, return_sv=True, method="adaptive", epsrel=1e-7)
    np.testing.assert_allclose(t_f, t_a, rtol=2e-6)
    np.testing.assert_allclose(om_f, om_a, rtol=1e-6)
    # and with the pairs in both, their threshold (m_N > m_chi: open only in the thermal tail)
    for mN in (800.0, 5200.0):
        a = relic_density(5000.0, M, 0.3, m_N=mN)
        b = relic_density(5000.0, M, 0.3, m_N=mN, method="adaptive", epsrel=1e-7)
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_paper_era_lz_projection_curve():
    """data/lz_projection_1000d.csv: the published points exactly (cm² → pb), log-log between
    them, ∝ m_chi above the last one (2 TeV)."""
    from darkseesaw.papers.bl_zprime.fig2 import dd_limit_pb

    f = "paper:lz_projection_1000d.csv"
    assert float(dd_limit_pb(f, 40.0)) == pytest.approx(1.55966e-48 / ph.pb_to_cm2_factor, rel=1e-12)
    mid = float(dd_limit_pb(f, math.sqrt(1025.0 * 2000.0)))
    assert mid == pytest.approx(math.sqrt(1.94963e-47 * 3.75134e-47) / ph.pb_to_cm2_factor,
                                rel=1e-9)
    assert float(dd_limit_pb(f, 10000.0)) == pytest.approx(5 * float(dd_limit_pb(f, 2000.0)))


def test_annihilation_sigma_float_path_is_the_engines_sigma_ff():
    """annihilation_sigma's plain-float σ(s) (what the quadrature calls; sigma_v_table repeats
    its formula, the test above ties the two) = its array path, the sum of
    `observables.zprime.sigma_ff` + `sigma_zpzp`: below, at and above the pole, at the N-pair
    threshold, and zero below 4m_χ²."""
    from darkseesaw.papers.bl_zprime.relic import annihilation_sigma

    m = 5000.0
    for mN in (None, 800.0, 5200.0):
        for M in (4000.0, 9700.0, 10000.0, 16000.0):
            sig = annihilation_sigma(m, M, 0.3, 0.02 * M, m_N=mN)
            s = np.concatenate([np.geomspace(4 * m * m * (1 + 1e-8), 12 * m * m, 60),
                                [M * M, (1.001 * M) ** 2, 4 * 5200.0**2 * 1.0001]])
            a = np.array([sig(float(x)) for x in s])
            b = np.asarray(sig(s))
            op = s > 4 * m * m
            np.testing.assert_allclose(a[op], b[op], rtol=1e-12)
            assert np.all(a[~op] == 0.0) and np.all(b[~op] == 0.0)
