"""Tests of the neutral gauge-boson mixing engine against independent analytic results."""

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.spectrum.gauge_mixing import (
    neutral_gauge_mixing,
    sm_couplings,
    vector_axial_couplings,
)

G, GP = sm_couplings()
GZ = np.hypot(G, GP)
SW2 = GP**2 / GZ**2
HIGGS = (-0.5, 0.5, 0.0)
DARK_SINGLET = (0.0, 0.0, 1.0)


def test_sm_limit_reproduces_pdg_masses_and_photon():
    r = neutral_gauge_mixing(G, GP, 0.3, [ph.v_EW, 1.0], [HIGGS, DARK_SINGLET])
    assert r.masses[0] == pytest.approx(0.0, abs=1e-6)
    assert r.masses[1] == pytest.approx(ph.M_Z, rel=1e-12)
    assert r.masses[2] == pytest.approx(0.3 * 1.0, rel=1e-12)
    # photon couples to e J_em only
    assert r.eps_em[0] == pytest.approx(1.0, rel=1e-13)
    assert abs(r.eps_Z[0]) < 1e-13 and abs(r.kappa_X[0]) < 1e-13
    assert r.eps_Z[1] == pytest.approx(1.0, rel=1e-13)


@pytest.mark.parametrize("sin_chi", [1e-4, -3e-3, 0.2])
@pytest.mark.parametrize("mX", [0.03, 10.0, 300.0])
def test_pure_kinetic_mixing_exact_2x2(sin_chi, mX):
    """Compare with the closed-form 2x2 result (Babu, Kolda, March-Russell 1998)."""
    omega = 100.0
    gX = mX / omega
    r = neutral_gauge_mixing(G, GP, gX, [ph.v_EW, omega], [HIGGS, DARK_SINGLET], sin_chi=sin_chi)
    c = np.sqrt(1 - sin_chi**2)
    t = sin_chi / c
    mZ0, mX0 = GZ * ph.v_EW / 2, mX
    sw = np.sqrt(SW2)
    M = np.array([[mZ0**2, sw * t * mZ0**2], [sw * t * mZ0**2, mX0**2 / c**2 + SW2 * t**2 * mZ0**2]])
    m2 = np.linalg.eigvalsh(M)
    got = np.sort(r.masses[1:] ** 2)
    np.testing.assert_allclose(got, m2, rtol=1e-10)
    # photon stays massless and couples to e only
    assert abs(r.masses[0]) < 1e-6 * mZ0
    assert r.eps_em[0] == pytest.approx(1.0, rel=1e-12)
    assert abs(r.kappa_X[0]) < 1e-12


def test_dark_photon_limit_of_kinetic_mixing():
    """m_X << m_Z: eps -> -c_W tan(chi), eps'_kin -> -s_W tan(chi) m_X^2/(m_Z^2 - m_X^2)."""
    chi = 2e-4
    r = neutral_gauge_mixing(G, GP, 0.5, [ph.v_EW, 0.06], [HIGGS, DARK_SINGLET], sin_chi=chi)
    t = chi / np.sqrt(1 - chi**2)
    assert r.eps_em[2] == pytest.approx(-np.sqrt(1 - SW2) * t, rel=1e-6)
    mX2, mZ2 = r.masses[2] ** 2, r.masses[1] ** 2
    assert r.eps_Z[2] == pytest.approx(-np.sqrt(SW2) * t * mX2 / (mZ2 - mX2), rel=1e-4)
    # the Z inherits a dark-current coupling ~ s_W t
    assert r.kappa_X[1] == pytest.approx(np.sqrt(SW2) * t, rel=1e-3)


def test_mass_mixing_matches_eq_2_19():
    """Doublet with dark charge 1, v_phi << v: |eps'| = 2 g_D v_phi^2 /(g_Z v^2) (eq. 2.19)."""
    gD, vphi, w1 = 1.6, 2e-5, 0.0187
    r = neutral_gauge_mixing(G, GP, gD, [ph.v_EW, vphi, w1],
                             [HIGGS, (-0.5, 0.5, 1.0), DARK_SINGLET])
    expect = 2 * gD / GZ * vphi**2 / ph.v_EW**2
    mX2, mZ2 = r.masses[2] ** 2, r.masses[1] ** 2
    assert abs(r.eps_Z[2]) == pytest.approx(expect * mZ2 / (mZ2 - mX2), rel=1e-6)
    assert abs(r.eps_em[2]) < 1e-12  # no kinetic mixing -> no EM coupling at this order
    # eq. 2.18: m_ZD^2 = g_D^2 (w1^2 + v_phi^2 + 4 w2^2) (w2 = 0 here)
    assert r.masses[2] == pytest.approx(gD * np.hypot(w1, vphi), rel=1e-9)
    # eq. 2.20: the Z couples to the dark current with -g_D eps' (units of g_D: -eps' g_Z/g_D...)
    assert abs(r.kappa_X[1]) * gD == pytest.approx(GZ * abs(r.eps_Z[2]) * gD / GZ, rel=1e-3)


def test_invariants_batch():
    rng = np.random.default_rng(1)
    gX = rng.uniform(0.01, 1, 7)
    chi = rng.uniform(-0.3, 0.3, 7)
    vevs = np.stack([np.full(7, ph.v_EW), rng.uniform(0, 30, 7), rng.uniform(1, 500, 7)], -1)
    ch = [HIGGS, (-0.5, 0.5, 1.0), DARK_SINGLET]
    r = neutral_gauge_mixing(G, GP, gX, vevs, ch, sin_chi=chi)
    for b in range(7):
        rb = neutral_gauge_mixing(G, GP, gX[b], vevs[b], ch, sin_chi=chi[b])
        np.testing.assert_allclose(r.masses[b], rb.masses, rtol=1e-12, atol=1e-9)
        # T^T K T = 1
        K = np.eye(3)
        K[0, 2] = K[2, 0] = chi[b]
        np.testing.assert_allclose(rb.T.T @ K @ rb.T, np.eye(3), atol=1e-12)
        # sum of m^2 = Tr(K^-1 M^2)
        from darkseesaw.spectrum.gauge_mixing import scalar_mass_contribution
        M2 = scalar_mass_contribution([GP, G, gX[b]], vevs[b], ch)
        assert np.sum(rb.masses**2) == pytest.approx(np.trace(np.linalg.solve(K, M2)), rel=1e-12)


def test_vector_axial_couplings_z_limit():
    """eps'=1 reproduces the SM Z couplings of the electron and neutrino."""
    gV, gA = vector_axial_couplings(0.0, 1.0, -1.0, -0.5)
    assert gV == pytest.approx(GZ * (-0.25 + SW2))
    assert gA == pytest.approx(-GZ / 4)
    gV, gA = vector_axial_couplings(0.0, 1.0, 0.0, 0.5)
    assert gV == pytest.approx(gA)
