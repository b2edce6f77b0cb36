"""Tests of the general scalar-potential engine against analytic and mpmath results."""

import mpmath as mp
import numpy as np
import pytest

from darkseesaw.spectrum.scalars import Doublet, ScalarPotential, Singlet, mixing_angle

SQ2 = np.sqrt(2.0)


def V_bl(f, p):
    """Eq. 2.7 of arXiv:1707.08606."""
    HH = (abs(f["H"]) ** 2).sum(-1)
    a1, a2 = abs(f["p1"]) ** 2, abs(f["p2"]) ** 2
    t = f["p1"] ** 2 * np.conj(f["p2"])
    return (p["mH2"] / 2 * HH + p["lH"] / 2 * HH**2 + p["m12"] / 2 * a1 + p["m22"] / 2 * a2
            + p["l1"] / 2 * a1**2 + p["l2"] / 2 * a2**2 + p["l12"] / 2 * a1 * a2
            + p["l1H"] / 2 * a1 * HH + p["l2H"] / 2 * a2 * HH - p["eta"] * 2 * t.real)


def bl_pot(precision="double"):
    return ScalarPotential([Doublet("H", {"Y": 0.5, "BL": 0}), Singlet("p1", {"BL": 1}),
                            Singlet("p2", {"BL": 2})], V_bl, precision=precision)


PARS = dict(lH=0.26, l1=0.5, l2=0.5, l12=0.1, l1H=0.05, l2H=0.02, eta=1e-5)
V_H, V1, V2 = 246.22, 1.0e4, 1.0e-6


def test_sm_doublet():
    pot = ScalarPotential([Doublet("H")], lambda f, p: p["m2"] / 2 * (abs(f["H"]) ** 2).sum(-1)
                          + p["l"] / 2 * ((abs(f["H"]) ** 2).sum(-1)) ** 2)
    p = pot.solve_tadpoles({"l": 0.13}, {"H": 246.0}, ["m2"])
    assert p["m2"] == pytest.approx(-0.13 * 246.0**2, rel=1e-13)
    sp = pot.spectrum(p, {"H": 246.0})
    assert sp.is_minimum
    assert sp.cp_even.m2[0] == pytest.approx(0.13 * 246.0**2, rel=1e-12)
    assert sp.cp_odd.n_goldstone == 1 and sp.charged.n_goldstone == 1
    assert abs(sp.cp_odd.m2[0]) < 1e-9 * 0.13 * 246.0**2
    # the origin is a stationary point but a maximum
    assert not pot.spectrum(p, {"H": 0.0}).is_minimum


def test_bl_tadpoles_match_eqs_2_8_to_2_10():
    pot = bl_pot()
    vev = {"H": V_H, "p1": V1, "p2": V2}
    P = pot.solve_tadpoles(PARS, vev, ["mH2", "m12", "m22"])
    a = PARS
    mH2 = -0.5 * (a["l1H"] * V1**2 + a["l2H"] * V2**2 + 2 * a["lH"] * V_H**2)
    m12 = -0.5 * (2 * a["l1"] * V1**2 + a["l1H"] * V_H**2 - 4 * SQ2 * a["eta"] * V2
                  + a["l12"] * V2**2)
    m22 = (SQ2 * a["eta"] / V2 - a["l12"] / 2) * V1**2 - a["l2"] * V2**2 - a["l2H"] / 2 * V_H**2
    assert P["mH2"] == pytest.approx(mH2, rel=1e-12)
    assert P["m12"] == pytest.approx(m12, rel=1e-12)
    assert P["m22"] == pytest.approx(m22, rel=1e-12)


def test_bl_mass_matrices_and_pseudoscalar_eq_2_16():
    pot = bl_pot()
    vev = {"H": V_H, "p1": V1, "p2": V2}
    P = pot.solve_tadpoles(PARS, vev, ["mH2", "m12", "m22"])
    sp = pot.spectrum(P, vev)
    a = PARS
    eta = a["eta"]
    # exact CP-even matrix (eq. 2.12 is its leading approximation)
    M = np.array([
        [a["lH"] * V_H**2, a["l1H"] * V1 * V_H / 2, a["l2H"] * V2 * V_H / 2],
        [a["l1H"] * V1 * V_H / 2, a["l1"] * V1**2, a["l12"] * V1 * V2 / 2 - SQ2 * eta * V1],
        [a["l2H"] * V2 * V_H / 2, a["l12"] * V1 * V2 / 2 - SQ2 * eta * V1,
         a["l2"] * V2**2 + eta * V1**2 / (SQ2 * V2)]])
    np.testing.assert_allclose(sp.cp_even.matrix, M, rtol=1e-10, atol=1e-9 * abs(M).max() * 1e-6)
    assert sp.is_minimum
    assert sp.cp_odd.n_goldstone == 2 and sp.charged.n_goldstone == 1
    assert sp.goldstone_residual < 1e-12
    m2A, OA = sp.cp_odd.physical()
    assert m2A[0] == pytest.approx(eta * (V1**2 + 4 * V2**2) / (SQ2 * V2), rel=1e-12)
    # A = (2 v2 a1 - v1 a2)/sqrt(v1^2 + 4 v2^2) (eq. 2.16), up to a sign; basis (aH, a1, a2)
    A = np.array([0.0, 2 * V2, -V1]) / np.hypot(V1, 2 * V2)
    assert abs(abs(OA[:, 0] @ A) - 1) < 1e-14
    assert abs(OA[1, 0] / OA[2, 0] - A[1] / A[2]) < 1e-6 * abs(A[1] / A[2])
    # h - phi1 mixing (eq. 2.14 at leading order)
    al1 = abs(mixing_angle(sp.cp_even.rotation, 0, 1))
    assert al1 == pytest.approx(a["l1H"] / a["l1"] * V_H / (2 * V1), rel=1e-3)


def _mp_vevs(P):
    """Independent solution of the three tadpoles with mpmath (50 digits).

    Given v2, the first two tadpoles are linear in (v², v1²); the third is then a 1-D root.
    """
    mp.mp.dps = 50
    a = {k: mp.mpf(v) for k, v in P.items()}
    s2 = mp.sqrt(2)

    def v_sq(v2):
        A = mp.matrix([[a["lH"] / 2, a["l1H"] / 4], [a["l1H"] / 4, a["l1"] / 2]])
        b = mp.matrix([-a["mH2"] / 2 - a["l2H"] / 4 * v2**2,
                       -a["m12"] / 2 - a["l12"] / 4 * v2**2 + s2 * a["eta"] * v2])
        return mp.lu_solve(A, b)

    def f3(u):
        v2 = u * mp.mpf(10) ** -6
        vv, vv1 = v_sq(v2)
        return (a["m22"] / 2 + a["l2"] / 2 * v2**2 + a["l12"] / 4 * vv1 + a["l2H"] / 4 * vv
                - a["eta"] * vv1 / (s2 * v2))

    u = mp.findroot(f3, mp.mpf(1))
    v2 = u * mp.mpf(10) ** -6
    vv, vv1 = v_sq(v2)
    sol = [mp.sqrt(vv), mp.sqrt(vv1), v2]
    return [float(s) for s in sol]


@pytest.mark.parametrize("precision", ["double", "long"])
def test_minimise_induced_vev_eq_2_11(precision):
    pot = bl_pot(precision)
    P = dict(PARS, mH2=-2.5158e6, m12=-5.0e7, m22=1.0e9)
    vac = pot.minimise(P, {"H": 200.0, "p1": 8e3, "p2": 1e-5})
    ref = _mp_vevs(P)
    assert vac.converged and vac.is_minimum and vac.is_deepest
    assert float(vac.vevs["H"]) == pytest.approx(ref[0], rel=1e-10)
    assert float(vac.vevs["p1"]) == pytest.approx(ref[1], rel=1e-10)
    assert float(vac.vevs["p2"]) == pytest.approx(ref[2], rel=1e-8)
    # eq. 2.11: v2 ≈ √2 η v1² / m2², up to O(λ12 v1²/m2²) ≈ 1e-2
    approx = SQ2 * P["eta"] * ref[1] ** 2 / P["m22"]
    assert float(vac.vevs["p2"]) == pytest.approx(approx, rel=0.05)


def test_batch_equals_loop():
    pot = bl_pot()
    v1 = np.array([3e3, 1e4, 4e4])
    vev = {"H": V_H, "p1": v1, "p2": 1e-6 * np.ones(3)}
    P = pot.solve_tadpoles(PARS, vev, ["mH2", "m12", "m22"])
    sp = pot.spectrum(P, vev)
    for k in range(3):
        vk = {"H": V_H, "p1": v1[k], "p2": 1e-6}
        Pk = pot.solve_tadpoles(PARS, vk, ["mH2", "m12", "m22"])
        spk = pot.spectrum(Pk, vk)
        np.testing.assert_allclose(sp.cp_even.m2[k], spk.cp_even.m2, rtol=1e-12)
        assert P["m12"][k] == pytest.approx(Pk["m12"], rel=1e-13)


def test_minimise_batched_parameters():
    pot = bl_pot()
    P = dict(PARS, mH2=np.array([-2.5158e6, -2.6e6]), m12=np.array([-5.0e7, -4.0e7]), m22=1.0e9)
    vac = pot.minimise(P, {"H": 200.0, "p1": 8e3, "p2": 1e-5})
    assert vac.vevs["p1"].shape == (2,) and np.all(vac.converged) and np.all(vac.is_minimum)
    for k in range(2):
        Pk = {key: (v[k] if np.ndim(v) else v) for key, v in P.items()}
        ref = _mp_vevs(Pk)
        assert float(vac.vevs["p1"][k]) == pytest.approx(ref[1], rel=1e-10)
        assert float(vac.vevs["p2"][k]) == pytest.approx(ref[2], rel=1e-8)


def test_2hdm_charged_and_pseudoscalar_masses():
    """Softly broken Z2 2HDM: m_A² = M² − λ5 v², m_H±² = M² − (λ4+λ5) v²/2, M² = m12²/(sβcβ)."""

    def V(f, p):
        a, b = f["P1"], f["P2"]
        n1, n2 = (abs(a) ** 2).sum(-1), (abs(b) ** 2).sum(-1)
        x = (np.conj(a) * b).sum(-1)  # Φ1†Φ2
        return (p["m11"] * n1 + p["m22"] * n2 - p["m12"] * 2 * x.real + p["l1"] / 2 * n1**2
                + p["l2"] / 2 * n2**2 + p["l3"] * n1 * n2 + p["l4"] * abs(x) ** 2
                + p["l5"] / 2 * 2 * (x**2).real)

    pot = ScalarPotential([Doublet("P1"), Doublet("P2")], V)
    v1, v2 = 100.0, 224.0
    v = np.hypot(v1, v2)
    par = dict(l1=0.8, l2=0.3, l3=0.5, l4=-0.4, l5=0.2, m12=2.0e4)
    P = pot.solve_tadpoles(par, {"P1": v1, "P2": v2}, ["m11", "m22"])
    sp = pot.spectrum(P, {"P1": v1, "P2": v2})
    M2 = par["m12"] * v**2 / (v1 * v2)
    mA2 = sp.cp_odd.physical()[0][0]
    mC2 = sp.charged.m2[..., ~sp.charged.goldstone][0]
    assert mA2 == pytest.approx(M2 - par["l5"] * v**2, rel=1e-12)
    assert mC2 == pytest.approx(M2 - (par["l4"] + par["l5"]) * v**2 / 2, rel=1e-12)
    assert sp.charged.n_goldstone == 1 and sp.cp_odd.n_goldstone == 1
    assert sp.is_minimum
    assert sp.cp_violation < 1e-14


def test_nonlinear_parameter_fallback():
    pot = ScalarPotential([Singlet("s", real=True)],
                          lambda f, p: -(p["m"] ** 2) / 2 * f["s"] ** 2 + p["l"] / 4 * f["s"] ** 4)
    vac = pot.minimise({"m": 100.0, "l": 0.5}, {"s": 50.0})
    assert float(vac.vevs["s"]) == pytest.approx(100.0 / np.sqrt(0.5), rel=1e-10)
    sp = pot.spectrum({"m": 100.0, "l": 0.5}, vac.vevs)
    assert sp.cp_even.m2[0] == pytest.approx(2 * 100.0**2, rel=1e-9)


def test_bad_inputs():
    with pytest.raises(ValueError):
        ScalarPotential([Singlet("s", {"X": 1}, real=True)], lambda f, p: 0 * f["s"])
    pot = bl_pot()
    with pytest.raises(KeyError):
        pot.x_from_vevs({"nope": 1.0})
    with pytest.raises(ValueError):  # a quartic cannot cancel the tadpoles of three vevs
        pot.solve_tadpoles(dict(PARS, mH2=-1e6, m12=-1e7, m22=1e9), {"H": V_H, "p1": V1,
                           "p2": V2}, ["lH"])
