"""EW precision / non-unitarity: identities, the analytic M_W coefficient, the paper's bound."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.observables import ewpd


def _pmns():
    s12, s13, s23, d = math.sqrt(0.31), math.sqrt(0.0224), math.sqrt(0.57), 1.2
    c12, c13, c23 = (math.sqrt(1 - v**2) for v in (s12, s13, s23))
    e = np.exp(-1j * d)
    return np.array([
        [c12 * c13, s12 * c13, s13 * e],
        [-s12 * c23 - c12 * s23 * s13 / e, c12 * c23 - s12 * s23 * s13 / e, s23 * c13],
        [s12 * s23 - c12 * c23 * s13 / e, -c12 * s23 - s12 * c23 * s13 / e, c23 * c13]])


DR = ME["delta_r_sm_pdg2018"].value


def test_mw_coefficient_analytic():
    """Linearising eqs. 4.8-4.9: δM_W/M_W = s²/(2(c² − s²)) (ε_ee + ε_μμ) ≈ 0.20."""
    for opdr in (True, False):
        s2 = float(ewpd.sw2_nonunitary(one_plus_dr=opdr, delta_r=DR))
        assert ewpd.mw_shift_coefficient(one_plus_dr=opdr, delta_r=DR) == pytest.approx(
            s2 / (2 * (1 - 2 * s2)), rel=1e-5)
    assert ewpd.mw_shift_coefficient(delta_r=DR) == pytest.approx(0.20, abs=0.005)
    # the SM point: s_W^2 from (alpha, G_mu, M_Z, Delta r) close to the on-shell value
    assert float(ewpd.sw2_nonunitary(one_plus_dr=False, delta_r=DR)) == pytest.approx(
        ph.sin2_theta_W_onshell, rel=0.01)


def test_bound_eps_paper():
    """Paper (PDG 2018 inputs): ε_ee + ε_μμ ≤ 2.64e-3 at 95 % CL."""
    e, s = ME["m_w_pdg2018"], ME["m_w_sm_pdg2018"]
    b = ewpd.eps_bound_from_mw(e.value, e.sigma, s.value, s.sigma, delta_r=DR)
    assert b == pytest.approx(2.64e-3, rel=0.015)


def test_epsilon_definitions_agree():
    U = _pmns()
    sin2 = np.array([0.0, 2e-5, 7e-5])
    # Theta = U* diag(sin theta): heavy-light mixing of eq. 4.5
    theta = U * np.sqrt(sin2)
    eps_exact = ewpd.epsilon_from_theta(theta)
    eps_lo = ewpd.epsilon_from_theta(theta, exact=False)
    assert np.allclose(eps_exact, eps_lo, rtol=1e-4, atol=1e-14)
    assert np.allclose(np.abs(eps_lo), ewpd.epsilon_from_angles(U, sin2), rtol=1e-12)
    # N N^dagger = (1 - eps)^2 exactly
    nn = ewpd.nn_dagger(theta)
    assert np.allclose(nn, (np.eye(3) - eps_exact) @ (np.eye(3) - eps_exact), atol=1e-15)
    # eq. 4.6: |NN†|_αβ = |δ_αβ − Σ_i U_αi sin²θ_i U*_βi|
    assert np.allclose(np.abs(nn), np.abs(np.eye(3) - U @ np.diag(sin2) @ U.conj().T))


def test_ubar():
    U = np.array([[0, 3e-3, 4e-3], [0, 0, 1e-3], [0, 0, 0]])
    ua, tot = ewpd.ubar(U)
    assert ua[0] == pytest.approx(5e-3)
    assert tot == pytest.approx(math.sqrt(26e-6))
