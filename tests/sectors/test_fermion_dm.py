"""Fermionic dark-matter sector against closed forms: s-wave relic, p-wave Majorana, secluded
annihilation, spin-independent scattering."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from darkseesaw import physics as ph
from darkseesaw.cosmo import omega_h2
from darkseesaw.observables import zprime
from darkseesaw.sectors import FermionDM, U1Gauge
from darkseesaw.sectors.base import Point
from darkseesaw.sectors.u1_gauge import Fermion


def _bl_point(nature, m_chi, M=1e4, g=0.2, relic=True):
    chi = (Fermion("chi", "dirac", (1, 1), mass="m", role="dm") if nature == "dirac"
           else Fermion("chi", "right", -1, mass="m", role="dm"))
    # anomaly freedom: three right-handed B−L = −1 fermions (χ is one of them when Majorana)
    extra = [Fermion("Nr", "right", -1, 2 if nature == "majorana" else 3, role="N")]
    u1 = U1Gauge(g="g", mass="M", charges="B-L", fermions=[chi, *extra], lhc=False)
    dm = FermionDM(mass="m", nature=nature, mediators=("u1",), relic=relic)
    return dm, Point(SimpleNamespace(g=g, M=M, m=m_chi), [u1, dm])


def test_dirac_relic_matches_the_s_wave_formula_off_resonance():
    # heavy mediator, m ≪ M: σv ≈ Σ_f n_c c_V²(d_V² + d_A²) m²/(2π M⁴)... (eq. 3.3 of
    # arXiv:1707.08606 generalised, `zprime.sigma_v_ff`) plus O(v²) terms of the exact σ(s)
    # that the sector averages: they change Ωh² by ≲ 3 % at x_f ~ 20 (tolerance)
    dm, pt = _bl_point("dirac", 300.0)
    om = dm.observables(pt)["omega_dm_h2"]
    d = pt.data("u1")
    sv = 0.0
    for f, (gV, gA) in d["couplings"].items():
        from darkseesaw.sectors.u1_gauge import SM_FERMIONS

        nc, mf = SM_FERMIONS[f][4], SM_FERMIONS[f][5]
        if mf < 300.0:
            n = nc * (3 if f == "nu" else 1)
            sv += n * zprime.sigma_v_ff(300.0, d["M"], d["width"], 1.0, (0.2, 0.2),
                                        (gV + gA, gV - gA), 1)
    sv += 3 * zprime.sigma_v_ff(300.0, d["M"], d["width"], 1.0, (0.2, 0.2), (0.0, -0.2), 1)
    ref = float(omega_h2(300.0, ph.invGeV2_to_cm3_per_s(sv), g=2.0, self_conjugate=False))
    assert om == pytest.approx(ref, rel=0.03)


def test_majorana_annihilation_through_an_axial_zprime_is_p_wave():
    dm, pt = _bl_point("majorana", 300.0, relic=False)
    ch = dm._channels(pt)
    m = 300.0

    def sv(v, f):
        b = v / 2
        return float(f(4 * m**2 / (1 - b**2))) * v

    for key in ("ee", "bb", "nunu"):
        assert sv(2e-3, ch[key]) / sv(1e-3, ch[key]) == pytest.approx(4.0, rel=1e-5)
    dmd, ptd = _bl_point("dirac", 300.0, relic=False)
    chd = dmd._channels(ptd)
    assert sv(2e-3, chd["ee"]) / sv(1e-3, chd["ee"]) == pytest.approx(1.0, rel=1e-5)
    # and no spin-independent signal (axial current)
    assert dm.observables(pt)["sigma_SI_p"] == 0.0


def test_secluded_annihilation_is_the_pospelov_ritz_voloshin_rate():
    # χχ̄ → V V for a Dirac χ with vector coupling g: σv = π α_D²/m² (1 − r)^{3/2}/(1 − r/2)²,
    # r = M²/m², α_D = g²/4π (Pospelov, Ritz, Voloshin, PLB 662 (2008) 53, arXiv:0711.4866)
    g, M, m = 0.1, 3.0, 50.0
    u1 = U1Gauge(g="g", mass="M", charges="dark", kinetic_mixing=1e-9, lhc=False,
                 fermions=[Fermion("chi", "dirac", (1, 1), mass="m", role="dm")])
    dm = FermionDM(mass="m", nature="dirac", mediators=("u1",), relic=False)
    o = dm.observables(Point(SimpleNamespace(g=g, M=M, m=m), [u1, dm]))
    r = (M / m) ** 2
    ref = math.pi * (g**2 / (4 * math.pi)) ** 2 / m**2 * (1 - r) ** 1.5 / (1 - r / 2) ** 2
    assert o["sigmav_ZpZp"] == pytest.approx(float(ph.invGeV2_to_cm3_per_s(ref)), rel=1e-5)


def test_spin_independent_cross_sections():
    # B−L: isospin symmetric, the engine's eq. 3.7 (nucleon-averaged mass: 3e-3 tolerance)
    dm, pt = _bl_point("dirac", 1000.0, M=5000.0, g=0.3, relic=False)
    o = dm.observables(pt)
    ref = float(ph.invGeV2_to_cm2(zprime.sigma_si_nucleon(1000.0, 5000.0, 0.3, (1, 1))))
    assert o["sigma_SI_Xe"] == pytest.approx(ref, rel=3e-3)
    assert o["sigma_SI_p"] == pytest.approx(o["sigma_SI_n"], rel=3e-3)
    # dark photon: couples to protons only, f_p = g ε e / M², Xe-normalised by (Z/A)²
    g, eps, M, m = 0.1, 1e-6, 0.5, 20.0
    u1 = U1Gauge(g="g", mass="M", charges="dark", kinetic_mixing="e", lhc=False,
                 fermions=[Fermion("chi", "dirac", (1, 1), mass="m", role="dm")])
    d2 = FermionDM(mass="m", nature="dirac", mediators=("u1",), relic=False)
    o2 = d2.observables(Point(SimpleNamespace(g=g, M=M, m=m, e=eps), [u1, d2]))
    mu = m * ph.m_proton / (m + ph.m_proton)
    sp = mu**2 / math.pi * (g * eps * ph.e_charge_0 / M**2) ** 2
    assert o2["sigma_SI_p"] == pytest.approx(float(ph.invGeV2_to_cm2(sp)), rel=1e-4)
    assert o2["sigma_SI_n"] < 1e-8 * o2["sigma_SI_p"]
    assert o2["sigma_SI_Xe"] == pytest.approx(o2["sigma_SI_p"] * (54 / 131.293) ** 2, rel=1e-4)


def test_consistency_checks_of_the_declaration():
    u1 = U1Gauge(g="g", mass="M", charges="dark",
                 fermions=[Fermion("chi", "dirac", (1, 1), mass="m", role="dm")], lhc=False)
    bad = FermionDM(mass="m", nature="majorana", mediators=("u1",))
    with pytest.raises(ValueError, match="Dirac pair"):
        bad.observables(Point(SimpleNamespace(g=0.1, M=1.0, m=10.0), [u1, bad]))
    with pytest.raises(ValueError, match="scalar_coupling"):
        FermionDM(mass="m", mediators=("scalar",))
    with pytest.raises(ValueError, match="unknown mediators"):
        FermionDM(mass="m", mediators=("higgs",))
