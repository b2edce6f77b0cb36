"""Model bl-zprime (arXiv:1707.08606) on the model contract: content, spectrum, observables,
links, against the paper's equations and independent values."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo
from darkseesaw.models import bl_zprime as bl
from darkseesaw.models import get
from darkseesaw.models.base import parameter_unit
from darkseesaw.observables import registry
from darkseesaw.sectors import U1Gauge
from darkseesaw.sectors.u1_gauge import Fermion

M = bl.MODEL


@pytest.fixture(scope="module")
def dd():
    """The text's direct-detection benchmark: parameters, spectrum, observables, checks."""
    p = M.parameters(**M.benchmarks["dd_text"])
    r = M.evaluate(p)
    return p, r["spectrum"], r["observables"], r["constraints"]


def test_registered_and_composed():
    assert get("bl-zprime") is M
    assert [s.name for s in M.sectors] == ["neutral_leptons", "u1", "dm"]
    assert M.paper.startswith("De Romeri") and "1707.08606" in M.paper


def test_u1_content_is_anomaly_free_and_needs_the_dark_sector():
    # the sector's own anomaly check (raises otherwise): every anomaly vanishes
    u1 = M.sectors[1]
    assert all(v == 0 for v in u1.anomalies.values())
    # eqs. 2.3-2.4 by hand: the ISS pairs cancel among themselves and the SM without nu_R
    # leaves sum q = sum q^3 = -3 (three generations), cancelled by chi_L(4) - chi_R(5) + omega(4)
    assert 4 - 5 + 4 == 3 and 4**3 - 5**3 + 4**3 == 3
    iss_only = U1Gauge(g=0.1, mass=1e3, charges="B-L", anomaly_free=False,
                       fermions=[Fermion("N", "dirac", (-1, -1), generations=3)])
    bad = {k: v for k, v in iss_only.anomalies.items() if v != 0}
    assert bad == {"grav^2 X": -3, "X X X": -3}


def test_parameters_units_and_validation():
    with pytest.raises(ValueError):
        M.parameters(g_BL=-0.1)
    with pytest.raises(ValueError):
        M.parameters(unknown=1.0)
    with pytest.raises(ValueError, match="2 v2"):
        M.parameters(M_Zp=1e-7, g_BL=1.0, v2=1.0)
    p = M.parameters(g_BL=0.25, M_Zp=1e4)
    assert p.v1 == pytest.approx(4e4, rel=1e-12)  # eq. 3.2 with v2 << v1
    assert p.Y_chi == pytest.approx(math.sqrt(2) * 3800.0 / 4e4, rel=1e-12)
    assert parameter_unit(M.Parameters, "M_Zp") == "GeV"
    assert parameter_unit(M.Parameters, "eta") == "GeV"
    assert parameter_unit(M.Parameters, "g_BL") == ""


def test_observables_registered_and_every_link_evaluated(dd):
    _, _, obs, res = dd
    for name in obs:
        registry.get(name)  # raises on an unregistered name
    names = {r.name for r in res}
    assert len(res) == len(M.constraints())
    for want in ("nufit-6.0", "dd/si/lz-2024", "dd/si/xenonnt-2025", "omega_dm_h2",
                 "collider/sigmaB-ll/atlas-139ifb", "sin_theta_higgs_lhc", "n_eff_planck2018"):
        assert want in names
    assert not [r.name for r in res if r.note.startswith("not evaluated")]
    # the paper-era curves are not the model's: they belong to the reproduction
    assert not names & {"dd/si/lux-2016", "dd/si/xenon1t", "dd/si/xenon1t-2018"}


def test_spectrum_inverse_seesaw_dirac_dm_and_scalars(dd):
    p, sp, obs, _ = dd
    mD = p.y_nu * ph.v_EW / math.sqrt(2)
    mu = p.Yp_N * p.v2 / math.sqrt(2)
    # light: m_nu = m_D^2 mu / (M^2 + m_D^2) (ISS at leading order in mu), three degenerate
    for i in (1, 2, 3):
        assert sp.mass(f"nu{i}") == pytest.approx(mD**2 * mu / (p.M_N**2 + mD**2), rel=1e-6)
    # pseudo-Dirac pairs at sqrt(M^2 + m_D^2), split by ~mu
    for i in range(1, 7):
        assert sp.mass(f"N{i}") == pytest.approx(math.hypot(p.M_N, mD), rel=1e-9)
    assert sp.mass("chi") == pytest.approx(p.Y_chi * p.v1 / math.sqrt(2), rel=1e-12)
    assert sp.mass("Zp") == pytest.approx(p.g_BL * math.sqrt(p.v1**2 + 4 * p.v2**2), rel=1e-12)
    # scalars: 125.2 GeV Higgs, A of eq. 2.16 with m_A^2 = eta (v1^2 + 4 v2^2)/(sqrt2 v2) exactly
    assert sp.mass("h") == pytest.approx(ph.m_h, rel=1e-9)
    m_A = math.sqrt(p.eta * (p.v1**2 + 4 * p.v2**2) / (math.sqrt(2) * p.v2))
    assert obs["m_A_BL"] == pytest.approx(m_A, rel=1e-9)
    ex = sp.extras["bl-zprime"]
    assert ex["is_minimum"] and ex["n_goldstone"] == 4  # G_Z, G+-, and the Z' Goldstone
    U = sp.mixing["neutral_leptons"]
    np.testing.assert_allclose(U.conj().T @ U, np.eye(9), atol=1e-10)


def test_sigma_si_is_eq_3_7(dd):
    """sigma = mu_p^2/pi (9/2 g^2/M^2)^2 (eq. 3.7; B-L nucleon charge 1), and the text's 9e-10 pb."""
    p, _, obs, _ = dd
    mu = p.m_chi * ph.m_proton / (p.m_chi + ph.m_proton)
    ref = ph.invGeV2_to_cm2(mu**2 / math.pi * (4.5 * p.g_BL**2 / p.M_Zp**2) ** 2)
    assert obs["sigma_SI_p"] == pytest.approx(ref, rel=1e-12)
    assert obs["sigma_SI_Xe"] == pytest.approx(ref, rel=1e-12)  # isospin symmetric
    assert obs["sigma_SI_p"] / ph.pb_to_cm2_factor == pytest.approx(9e-10, rel=0.05)


def test_zprime_widths_against_eq_3_4(dd):
    """Ratios of the sector's widths to e+e- from eq. 3.4 (quark-free: no QCD factor)."""
    p, _, obs, _ = dd
    ee = obs["BR_Zp_ee"]
    M2 = p.M_Zp**2

    def eq34(qL, qR, m):
        return (6 * qL * qR * m**2 + (qL**2 + qR**2) * (M2 - m**2)) * math.sqrt(M2 - 4 * m**2)

    ref_ee = eq34(-1, -1, 0.0)
    assert obs["BR_Zp_nunu"] / ee == pytest.approx(3 * eq34(-1, 0, 0.0) / ref_ee, rel=1e-8)
    omega = obs["BR_Zp_invisible"] - obs["BR_Zp_nunu"] - obs["BR_Zp_N"] - obs["BR_Zp_dm"]
    assert omega / ee == pytest.approx(eq34(4, 0, 0.0) / ref_ee, rel=1e-8)  # = 8
    assert obs["BR_Zp_dm"] / ee == pytest.approx(eq34(4, 5, p.m_chi) / ref_ee, rel=1e-8)
    assert obs["BR_Zp_N"] / ee == pytest.approx(3 * eq34(-1, -1, p.M_N) / ref_ee, rel=1e-8)
    assert obs["Gamma_Zp"] * ee == pytest.approx(p.g_BL**2 * ref_ee / (24 * math.pi * M2),
                                                 rel=1e-8)


def test_omega_decoupling_and_delta_neff(dd):
    """T_dec solves eq. 3.10 (PDG Planck mass); Delta N_eff = (43/4 / g*s(T))^(4/3)."""
    p, _, obs, _ = dd
    T = obs["T_dec_omega"]
    sm = [(ph.m_e, 2), (ph.m_mu, 2), (ph.m_tau, 2), (0.0, 3)] + [  # n_c (q_L^2 + q_R^2), B-L
        (m, 2 / 3) for m in (ph.m_u, ph.m_d, ph.m_s, ph.m_c, ph.m_b, ph.m_t)]
    S = sum(w for m, w in sm if m < T)
    rhs = (2.16 * math.sqrt(float(thermo.g_star(T))) * p.M_Zp**4
           / (ph.M_Pl * p.g_BL**4 * S)) ** (1 / 3)
    assert T == pytest.approx(rhs, rel=1e-6)
    assert obs["delta_neff_omega"] == pytest.approx(
        (43 / 4 / float(thermo.g_star_s(T))) ** (4 / 3), rel=1e-12)


def test_resonance_benchmark():
    values = M.benchmarks["resonance_5TeV"]
    o = M.observables(M.parameters(**values))
    assert o["M_Zp"] == pytest.approx(values["M_Zp"]) and o["m_chi"] == values["m_chi"]
    # on the Z' pole (M_Z' = 2.04 m_chi) the relic abundance is far below the observed one
    assert 0 < o["omega_dm_h2"] < 0.01
