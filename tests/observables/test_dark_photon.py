"""Z_D and dark-neutrino decays against independent closed forms and known limits."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables.dark_photon import (
    decay_length_m,
    r_ratio,
    width_heavy_to_light_ee,
    width_heavy_to_vector_light,
    width_vector_to_fermions,
    zd_partial_widths,
    zd_total_width,
)


def test_dark_photon_ee_closed_form_and_threshold():
    m, eps = np.array([0.03, 0.3, 1.0e-3]), 2e-4
    w = zd_partial_widths(m, eps)
    r = ph.m_e**2 / m[:2] ** 2
    expect = ph.alpha_0 * eps**2 * m[:2] / 3 * (1 + 2 * r) * np.sqrt(1 - 4 * r)
    np.testing.assert_allclose(w["ee"][:2], expect, rtol=1e-12)
    assert w["ee"][2] == 0.0  # below 2 m_e
    assert w["mumu"][0] == 0.0 and w["mumu"][1] > 0


def test_z_current_reproduces_sm_z_widths():
    """eps' = 1 at m = M_Z is the SM Z: Gamma(ee) ~ 83.9 MeV, Gamma(inv) ~ 499 MeV (PDG)."""
    w = zd_partial_widths(ph.M_Z, 0.0, 1.0)
    assert w["ee"] == pytest.approx(0.08391, rel=0.01)   # tree level vs measured
    assert w["nunu"] == pytest.approx(0.4990, rel=0.01)
    # tree-level G_F form for one neutrino flavour: G_F m_Z^3 / (12 sqrt2 pi), up to the
    # difference between the on-shell g_Z and sqrt(8 G_F m_Z^2 / sqrt2)/m_Z (< 1 %)
    gf = ph.G_F * ph.M_Z**3 / (12 * math.sqrt(2) * math.pi)
    assert w["nunu"] / 3 == pytest.approx(gf, rel=0.01)


def test_dark_neutrino_matrix_width_is_basis_independent():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(3, 3)) + 1j * rng.normal(size=(3, 3))
    U, _ = np.linalg.qr(A)
    G = 1e-3 * U.conj().T @ np.diag([1.0, 0.0, 0.0]) @ U
    w1 = zd_partial_widths(0.03, 0.0, g_nu_light=G)["nunu"]
    assert w1 == pytest.approx(0.03 * 1e-6 / (24 * math.pi), rel=1e-12)


def test_r_ratio_regions():
    assert r_ratio(0.2) == 0.0
    # parton model at 5 GeV: u d s c -> 10/3 (1 + alpha_s/pi), between 3.4 and 3.7
    assert 3.4 < r_ratio(5.0) < 3.7
    assert np.isnan(r_ratio(1.5))
    # rho peak: VMD gives beta^3 m_rho^2/(4 Gamma_rho^2)
    mr = ph.meson_masses["rho0"]
    b = math.sqrt(1 - 4 * ph.meson_masses["pi+"] ** 2 / mr**2)
    assert r_ratio(mr) == pytest.approx(b**3 * mr**2 / (4 * ph.Gamma_rho0**2), rel=1e-12)
    w = zd_partial_widths(0.775, 1e-3)
    assert w["hadrons"] / w["mumu"] > 3  # hadrons dominate at the rho


def test_heavy_to_vector_light_dirac_equivalence_and_goldstone_limit():
    """Majorana = 2 x Dirac; for m_V << m_N it reduces to the Goldstone-equivalent g^2 m^3/(16 pi m_V^2)."""
    G = [3e-4, 4e-4]
    w = width_heavy_to_vector_light(0.15, 1e-4, G)
    assert w == pytest.approx(25e-8 * 0.15**3 / (16 * math.pi * 1e-8), rel=1e-6)
    assert width_heavy_to_vector_light(0.02, 0.03, G) == 0.0


def test_offshell_three_body_limits():
    G = [1e-3]
    eps = 2e-4
    # narrow-width limit: m_N > m_ZD -> Gamma(N -> Z nu) BR(Z -> ee)
    gt = float(zd_total_width(0.03, eps))
    bree = float(zd_partial_widths(0.03, eps)["ee"]) / gt
    w3 = width_heavy_to_light_ee(0.15, 0.03, G, eps, gt)
    assert w3 == pytest.approx(float(width_heavy_to_vector_light(0.15, 0.03, G)) * bree, rel=1e-6)
    # contact limit: m_N << m_ZD (and >> m_e): sum|G|^2 alpha eps^2 m^5 / (96 pi^2 M^4)
    M, mN = 30.0, 0.1
    w3 = width_heavy_to_light_ee(mN, M, G, eps, 1e-9)
    contact = 1e-6 * ph.alpha_0 * eps**2 * mN**5 / (96 * math.pi**2 * M**4)
    assert w3 == pytest.approx(contact, rel=2e-3)


def test_lifetime_and_decay_length():
    gam = 1e-15
    assert ph.width_to_lifetime_s(gam) == pytest.approx(ph.hbar_GeV_s / gam)
    L = decay_length_m(gam, 0.03, 0.3)
    p = math.sqrt(0.3**2 - 0.03**2)
    assert L == pytest.approx(p / 0.03 * ph.hbarc_GeV_cm * 1e-2 / gam, rel=1e-12)


def test_vector_width_axial_threshold_behaviour():
    """Axial width vanishes as beta^3 at threshold; vector as beta."""
    m_f = 0.1
    b = 1e-3
    m = 2 * m_f / math.sqrt(1 - b**2)
    wv = width_vector_to_fermions(m, 1.0, 0.0, m_f)
    wa = width_vector_to_fermions(m, 0.0, 1.0, m_f)
    assert wv == pytest.approx(m * b * 1.5 / (12 * math.pi), rel=1e-5)
    assert wa == pytest.approx(m * b**3 / (12 * math.pi), rel=1e-5)
