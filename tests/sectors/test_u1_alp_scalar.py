"""U(1)′, ALP and scalar-singlet sectors against closed forms and the engines they build on."""

from __future__ import annotations

import math
from fractions import Fraction
from types import SimpleNamespace

import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import collider, dark_photon
from darkseesaw.sectors import ALP, ScalarSinglet, U1Gauge
from darkseesaw.sectors.base import Point
from darkseesaw.sectors.scalar_singlet import masses_from_quartics, quartics_from_masses
from darkseesaw.sectors.u1_gauge import Fermion


def _obs(sector, **p):
    return sector.observables(Point(SimpleNamespace(**p), [sector]))


def test_bl_anomalies_cancel_only_with_three_right_handed_neutrinos():
    ok = U1Gauge(g="g", mass="M", charges="B-L",
                 fermions=[Fermion("N_R", "right", -1, generations=3)])
    assert all(v == 0 for v in ok.anomalies.values())
    with pytest.raises(ValueError, match="anomalous"):
        U1Gauge(g="g", mass="M", charges="B-L",
                fermions=[Fermion("N_R", "right", -1, generations=2)])
    # with the three N_R in place, any one extra chiral fermion must be neutral: grav² ∝ q
    with pytest.raises(ValueError, match="grav"):
        U1Gauge(g="g", mass="M", charges="B-L",
                fermions=[Fermion("N_R", "right", -1, generations=3),
                          Fermion("chi", "right", Fraction(1, 2))])


def test_bl_widths_in_the_massless_limit():
    # Γ(Z′ → f f̄) = n_c g² M (q_L² + q_R²)/(24π) for massless fermions: e⁺e⁻ (1 + 1), ν (1 per
    # flavour, left-handed only)
    s = U1Gauge(g="g", mass="M", charges="B-L",
                fermions=[Fermion("N_R", "right", -1, 3, role="N")], lhc=False)
    o = _obs(s, g=0.3, M=3000.0)
    G = o["Gamma_Zp"]
    assert o["BR_Zp_ee"] * G == pytest.approx(0.3**2 * 3000 * 2 / (24 * math.pi), rel=1e-9)
    assert o["BR_Zp_nunu"] * G == pytest.approx(3 * 0.3**2 * 3000 / (24 * math.pi), rel=1e-9)
    # massless right-handed neutrinos (no mass given): 3 × g² M/(24π)
    assert o["BR_Zp_N"] * G == pytest.approx(3 * 0.3**2 * 3000 / (24 * math.pi), rel=1e-9)


def test_dark_photon_couplings_and_widths_match_the_dark_photon_engine():
    s = U1Gauge(g="g", mass="M", charges="dark", kinetic_mixing="eps", lhc=False)
    o = _obs(s, g=0.1, M=0.5, eps=1e-3)
    assert o["epsilon_Zp"] == pytest.approx(1e-3, rel=1e-6)
    w = dark_photon.zd_partial_widths(0.5, 1e-3)
    # the engine of the sector adds the tiny Z-current part of the kinetic mixing (ε′ ~ 1e-5 ε)
    assert o["Gamma_Zp"] == pytest.approx(float(sum(w.values())), rel=1e-4)
    assert o["BR_Zp_ee"] == pytest.approx(float(w["ee"] / sum(w.values())), rel=1e-4)


def test_zprime_mass_from_vevs_matches_the_gauge_mixing_engine():
    from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings

    s = U1Gauge(g="g", charges="dark", scalars=[((-0.5, 0.5, 1.0), "v1"), ((0, 0, 1.0), "w")],
                lhc=False)
    o = _obs(s, g=1.6, v1=2e-5, w=0.0187)
    g, gp = sm_couplings()
    r = neutral_gauge_mixing(g, gp, 1.6, [ph.v_EW, 2e-5, 0.0187],
                             [(-0.5, 0.5, 0.0), (-0.5, 0.5, 1.0), (0, 0, 1.0)])
    assert o["M_Zp"] == pytest.approx(float(r.masses[2]), rel=1e-12)


def test_lhc_cross_section_is_the_collider_engine_times_br():
    s = U1Gauge(g="g", mass="M", charges="B-L", fermions=[Fermion("N_R", "right", -1, 3)])
    o = _obs(s, g=0.2, M=4000.0)
    # quark widths at tree level (no QCD factor) feed the narrow-width cross section
    qw = {q: 3 * 0.2**2 * 4000 * (2 / 9) / (24 * math.pi) for q in ("u", "d", "s", "c", "b")}
    sig = float(collider.sigma_nwa_fb(4000.0, qw))
    assert o["sigmaB_Zp_ll_13TeV"] == pytest.approx(sig * o["BR_Zp_ee"], rel=1e-6)
    # the link bounds the fiducial sigma B: equal quark weights (B-L), acceptance 0.9-1 at 4 TeV
    from darkseesaw.constraints.dilepton import fiducial_acceptance

    A = float(fiducial_acceptance(4000.0, dict.fromkeys("udscb", 1.0)))
    assert 0.9 < A < 1.0
    assert o["sigmaB_Zp_ll_fid_13TeV"] == pytest.approx(A * o["sigmaB_Zp_ll_13TeV"], rel=1e-9)
    link = next(k for k in s.links() if getattr(k, "name", "") == "collider/sigmaB-ll/atlas-139ifb")
    assert link.y == "sigmaB_Zp_ll_fid_13TeV"


def test_fiducial_sigma_b_is_zero_without_quark_couplings():
    """A Z′ coupled to leptons only (no mixing) is not produced: σB = 0 and so is the fiducial
    σB (the acceptance of no signal is undefined; it used to make the observable NaN)."""
    import warnings

    s = U1Gauge(g="g", mass="M", charges={"q_L": 0, "u_R": 0, "d_R": 0, "L_L": 1, "e_R": 1,
                                          "H": 0}, anomaly_free=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        o = _obs(s, g=0.5, M=1000.0)
    assert o["BR_Zp_ee"] > 0
    assert o["sigmaB_Zp_ll_13TeV"] == 0.0 and o["sigmaB_Zp_ll_fid_13TeV"] == 0.0


def test_alp_couplings_widths_and_lifetime():
    s = ALP(f_a="f", mass="m", C_gg="c", C_ll={"mu": "cm"})
    o = _obs(s, f=1e4, m=1.0, c=2.0, cm=3.0)
    g = ph.alpha_0 * 2.0 / (math.pi * 1e4)
    assert o["g_agamma"] == pytest.approx(g, rel=1e-14)
    w_gg = g**2 / (64 * math.pi)
    y = 3.0 * ph.m_mu / 1e4
    w_mm = y**2 * 1.0 * math.sqrt(1 - 4 * ph.m_mu**2) / (8 * math.pi)
    assert o["Gamma_a"] == pytest.approx(w_gg + w_mm, rel=1e-12)
    assert o["BR_a_gammagamma"] == pytest.approx(w_gg / (w_gg + w_mm), rel=1e-12)
    assert o["tau_a"] == pytest.approx(ph.hbar_GeV_s / (w_gg + w_mm), rel=1e-12)


def test_alp_mass_from_the_breaking_operator():
    from darkseesaw.observables.alp import alp_mass

    s = ALP(f_a="f", operator_dimension=13, M_Pl=2.4e18, C_gg=2.0)
    o = _obs(s, f=3e10)
    assert o["m_a"] == pytest.approx(float(alp_mass(13, 3e10, M_Pl=2.4e18)), rel=1e-14)
    assert o["m_a"] * 1e9 == pytest.approx(1.58e-16, rel=0.01)   # CDNS eq. 35


def test_scalar_singlet_physical_and_potential_modes_invert_each_other():
    q = quartics_from_masses(300.0, 0.1, 1e3)
    r = masses_from_quartics(q["lambda_H"], q["lambda_S"], q["lambda_HS"], 1e3)
    assert r["m_h"] == pytest.approx(ph.m_h, rel=1e-12)
    assert r["m_s"] == pytest.approx(300.0, rel=1e-12)
    assert abs(r["sin_theta"]) == pytest.approx(0.1, rel=1e-10)
    s = ScalarSinglet(vev="v", lambda_H="lH", lambda_S="lS", lambda_HS="lHS")
    o = _obs(s, v=1e3, lH=q["lambda_H"], lS=q["lambda_S"], lHS=q["lambda_HS"])
    assert o["m_s"] == pytest.approx(300.0, rel=1e-12) and o["vacuum_stable"]
    # SM limit: λ_H = m_h²/(2v²) ≈ 0.129 (the factor ½ that 2502.13002 eq. 2.6 misses)
    assert quartics_from_masses(1e3, 0.0, 1e4)["lambda_H"] == pytest.approx(
        ph.m_h**2 / (2 * ph.v_EW**2), rel=1e-14)


def test_scalar_singlet_without_a_vev_reports_no_quartics():
    s = ScalarSinglet(mass="m", sin_theta="t")
    o = _obs(s, m=0.3, t=1e-4)
    assert "lambda_s" not in o and o["sin_theta_s"] == 1e-4 and o["BR_h_inv"] == 0.0


def test_a_zprime_without_decay_channels_has_undefined_brs():
    """A dark photon with ε = 0 and no dark fermions: Γ = 0, τ = ∞ and NaN branching ratios
    (it used to raise ZeroDivisionError)."""
    s = U1Gauge(g="g", mass="M", charges="dark", kinetic_mixing="eps")
    o = _obs(s, g=0.5, M=1000.0, eps=0.0)
    assert o["Gamma_Zp"] == 0.0 and o["tau_Zp"] == math.inf
    assert math.isnan(o["BR_Zp_ee"]) and math.isnan(o["BR_Zp_invisible"])
