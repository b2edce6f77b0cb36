"""Model bl-zprime (arXiv:1707.08606): content, spectrum, Z′ BRs, relic, ΔN_eff, reproduction."""

import json
import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.errors import InputError  # noqa: F401  (CLI contract import)
from darkseesaw.models import bl_zprime as bl


def test_anomaly_free_only_with_dark_sector():
    assert all(v == "0" for v in bl.anomalies(True).values())
    bad = {k: v for k, v in bl.anomalies(False).items() if v != "0"}
    # ISS alone: Σq = −3 and Σq³ = −3 (3 N_R of −1 and 3 N′_R of +1 are both right-handed...)
    assert bad == {"grav^2 BL": "-3", "BL BL BL": "-3"}


def test_parameters_validation():
    with pytest.raises(ValueError):
        bl.MODEL.parameters(g_BL=-0.1)
    with pytest.raises(ValueError):
        bl.MODEL.parameters(unknown=1.0)
    p = bl.MODEL.parameters(g_BL=0.25, M_Zp=1e4)
    assert p.v1 == pytest.approx(4e4, rel=1e-12)  # eq. 3.2 with v2 ≪ v1


@pytest.fixture(scope="module")
def spec():
    p = bl.MODEL.parameters(g_BL=0.25, M_Zp=1e4, m_chi=3800.0)
    return p, bl.MODEL.spectrum(p)


def test_neutral_fermions_inverse_seesaw(spec):
    p, s = spec
    m = s["neutral_fermion_masses"]
    mD = p.y_nu * ph.v_EW / math.sqrt(2)
    mu = p.Yp_N * p.v2 / math.sqrt(2)
    # light: m_ν = m_D² μ / (M² + m_D²) (ISS, leading order in μ)
    np.testing.assert_allclose(m[:3], mD**2 * mu / (p.M_N**2 + mD**2), rtol=1e-6)
    # pseudo-Dirac pairs at √(M² + m_D²), split by ~μ
    np.testing.assert_allclose(m[3:9], math.hypot(p.M_N, mD), rtol=1e-9)
    # Dirac DM: two degenerate states at m_χ = Y_χ v₁/√2
    np.testing.assert_allclose(m[9:], 3800.0, rtol=1e-12)
    assert s["M_Zp"] == pytest.approx(1e4, rel=1e-12)
    U = s["neutral_fermion_mixing"]
    np.testing.assert_allclose(U.conj().T @ U, np.eye(11), atol=1e-10)


def test_scalar_sector_against_eqs_2_10_to_2_16(spec):
    p, s = spec
    sc = s["scalars"]
    an = bl.analytic_scalars(p)
    assert sc["is_minimum"] and sc["n_goldstone"] == 4  # G_Z, G±, and the Z′ Goldstone
    assert sc["m_h"] == pytest.approx(ph.m_h, rel=1e-9)
    assert sc["m_A"] == pytest.approx(an["m_A"], rel=1e-9)        # exact (eq. 2.16 state)
    assert sc["m_phi1"] == pytest.approx(an["m_phi1"], rel=1e-3)  # eq. 2.13
    assert sc["m_phi2"] == pytest.approx(an["m_phi2"], rel=1e-3)
    assert math.tan(sc["alpha1"]) == pytest.approx(an["tan_alpha1"], rel=1e-3)  # eq. 2.14
    # eq. 2.14 for α₂ is leading order: the next term is √2 λ₁ v₂/η ≈ 7 % here
    assert math.tan(sc["alpha2"]) == pytest.approx(an["tan_alpha2"], rel=0.1)
    A = sc["A_vector"]  # (a_H, a_1, a_2) ∝ (0, 2v2, −v1) (eq. 2.16)
    assert abs(A[1] / A[2] + 2 * p.v2 / p.v1) < 1e-6 * 2 * p.v2 / p.v1


def test_branching_ratios_text_and_footnote():
    from darkseesaw.models.bl_zprime_reproduce import zprime_brs

    br = zprime_brs()
    a, b, c = br["sm_omega"], br["sm_omega_N"], br["sm_omega_N_chi"]
    # counting Σ n_c (q_L² + q_R²): quarks 4, charged leptons 6, ν 3, ω 16, N pairs 6, χ 41
    assert a["invisible"] == pytest.approx(19 / 29, rel=2e-3)
    assert a["quarks"] == pytest.approx(4 / 29, rel=2e-3)
    assert b["invisible"] == pytest.approx(25 / 35, rel=2e-3)
    assert c["invisible"] == pytest.approx(66 / 76, rel=2e-3)  # footnote 4: "up to ~87 %"
    assert br["paper_matches"] == "sm_omega_N"


def test_relic_off_resonance_matches_s_wave_solution():
    """Far below the pole, the Boltzmann result with the averaged exact σ(s) ≈ constant s-wave."""
    from darkseesaw.cosmo import omega_h2
    from darkseesaw.observables.zprime import total_width

    m, M, g = 2000.0, 12000.0, 0.5
    om = float(bl.relic_density(m, M, g)[0])
    G = float(total_width(bl.zprime_channels(M, g, m)))
    sv = ph.invGeV2_to_cm3_per_s(float(bl.sigma_v_s_wave(m, M, g, G)))
    ref = float(omega_h2(m, sv, g=2.0, self_conjugate=False))
    assert om == pytest.approx(ref, rel=0.05)
    # and on resonance the annihilation is enhanced by orders of magnitude
    assert float(bl.relic_density(m, 2 * m * 1.02, g)[0]) < 0.02 * om


def test_delta_neff_eq_3_9_to_3_11():
    dn_paper, dn_phys, T = bl.delta_neff_omega(1e4, 0.1)
    assert 1.0 < float(T) < 6.0            # paper: ~4 GeV
    assert 0.02 < float(dn_paper) < 0.035  # paper: 0.026
    assert float(dn_phys) / float(dn_paper) == pytest.approx((43 / 22) ** (4 / 3), rel=0.05)


@pytest.mark.slow
def test_reproduce_fast(tmp_path):
    res = bl.MODEL.reproduce(tmp_path, fast=True)
    d = json.loads((tmp_path / "bl-zprime.json").read_text())
    assert d["anomaly_free"] is True
    assert d["sigma_dd_pb"] == pytest.approx(9e-10, rel=0.05)
    assert d["v1_min_GeV"] == pytest.approx(3.85e4, rel=0.01)
    for k in ("sm_omega", "sm_omega_N"):
        assert set(d["zprime_BR"][k]) == {"invisible", "quarks", "leptons"}
    assert len(d["delta_neff_range"]) == 2 and "notes" in d
    # structure of Fig. 2: allowed points sit near M ≈ 2 m_χ and grow with m_χ
    f = d["fig2"]
    area = [f[k]["allowed"]["area_TeV"] for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV")]
    # grows from 5 TeV on (at paper resolution 10 and 20 TeV are comparable: 3.5 vs 3.2 TeV)
    assert 0 < area[0] < area[1] and area[0] < area[2]
    for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV"):
        lo, hi = f[k]["allowed"]["MZp_over_mchi_range"]
        assert lo < 2.05 and hi > 1.95 and hi < 3.5
    for name in ("fig2_bl_zprime.png", "fig2_bl_zprime.pdf", "fig2_bl_zprime_current.png"):
        assert (tmp_path / name).stat().st_size > 1000
    assert res["collider_validation"]["ssm_mass_limit_LO_GeV"] > 4800
