"""Z′ widths, annihilation and direct detection against independent formulas and limits."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import zprime as zp


def width_va(M, g, qL, qR, m, nc):
    """Independent vector/axial form: Γ = n_c g² M β/(12π) [g_V²(1 + 2r) + g_A²(1 − 4r)]."""
    gV, gA = (qL + qR) / 2, (qL - qR) / 2
    r = m**2 / M**2
    return nc * g**2 * M * math.sqrt(1 - 4 * r) / (12 * math.pi) * (
        gV**2 * (1 + 2 * r) + gA**2 * (1 - 4 * r))


@pytest.mark.parametrize("qL,qR,m,nc", [(1 / 3, 1 / 3, 172.6, 3), (4.0, 5.0, 3000.0, 1),
                                        (-1.0, 0.0, 0.0, 1), (0.7, -0.2, 1234.0, 3)])
def test_width_eq_3_4_matches_vector_axial_form(qL, qR, m, nc):
    M, g = 1.0e4, 0.3
    assert zp.width_ff(M, g, qL, qR, m, nc) == pytest.approx(width_va(M, g, qL, qR, m, nc),
                                                             rel=1e-12)
    assert zp.width_ff(100.0, g, qL, qR, 60.0, nc) == 0.0  # closed channel


def test_sm_z_widths_recovered():
    """Tree-level Z widths from eq. 3.4 with the Z couplings vs PDG 2024 (Γ_ℓℓ = 83.98 MeV)."""
    gz = math.sqrt(4 * math.sqrt(2) * ph.G_F) * ph.M_Z
    s2 = ph.sin2_theta_W
    g_ll = float(zp.width_ff(ph.M_Z, gz, -0.5 + s2, s2, ph.m_mu))
    assert g_ll == pytest.approx(0.08398, rel=0.01)
    g_nn = float(zp.width_ff(ph.M_Z, gz, 0.5, 0.0))
    assert 3 * g_nn == pytest.approx(0.4990, rel=0.01)  # PDG Γ_inv = 499.0 MeV


def test_sigma_ff_qed_limit():
    """e⁺e⁻ → μ⁺μ⁻ through a massless photon: σ = 4πα²/(3s)."""
    e = ph.e_charge_0
    s = 100.0**2
    sig = zp.sigma_ff(s, 1e-6, 0.0, 0.0, e, (1.0, 1.0), (1.0, 1.0), m_f=0.0)
    assert sig == pytest.approx(4 * math.pi * ph.alpha_0**2 / (3 * s), rel=1e-9)


def test_sigma_ff_low_velocity_is_eq_3_3():
    m, M, G, g = 3000.0, 1.0e4, 300.0, 0.2
    beta = 1e-4
    s = 4 * m**2 / (1 - beta**2)
    sv = zp.sigma_ff(s, m, M, G, g, (4.0, 5.0), (1 / 3, 1 / 3), nc=3) * 2 * beta
    assert sv == pytest.approx(zp.sigma_v_ff(m, M, G, g, (4.0, 5.0), (1 / 3, 1 / 3), nc=3),
                               rel=1e-6)


def test_sigma_ff_axial_dm_is_p_wave():
    m, M, G, g = 3000.0, 1.0e4, 300.0, 0.2
    sv = [zp.sigma_ff(4 * m**2 / (1 - b**2), m, M, G, g, (1.0, -1.0), (1.0, 1.0)) * 2 * b
          for b in (1e-2, 2e-2)]
    assert sv[1] / sv[0] == pytest.approx(4.0, rel=1e-3)


def test_eq_3_5_reduces_to_qed_annihilation_to_photons():
    """Vector coupling, M → 0: σv(χχ̄ → γγ) = πα²/m² (Dirac e⁺e⁻ at rest)."""
    e = ph.e_charge_0
    m = 0.511e-3
    sv = zp.sigma_v_zpzp(m, 1e-9 * m, e, (1.0, 1.0))
    assert sv == pytest.approx(math.pi * ph.alpha_0**2 / m**2, rel=1e-9)
    assert zp.sigma_v_zpzp(100.0, 150.0, 0.3) == 0.0


def test_direct_detection_and_v1_bound_paper_numbers():
    # text after eq. 3.8: g = 0.25, M = 10 TeV, m = 3.8 TeV → σ ≈ 9e-10 pb
    assert zp.sigma_si_nucleon_pb(3800.0, 1e4, 0.25) == pytest.approx(9e-10, rel=0.05)
    # eq. 3.8: v1 > (2.2e9 / σ[pb])^(1/4)
    assert zp.v1_min_from_sigma(1e-9) == pytest.approx((2.2e9 / 1e-9) ** 0.25, rel=0.002)
    # consistency: at v1 = v1_min the cross section equals the bound (m_χ → ∞)
    v1 = zp.v1_min_from_sigma(1e-9, m_chi=1e9)
    assert zp.sigma_si_nucleon_pb(1e9, 0.3 * v1, 0.3) == pytest.approx(1e-9, rel=1e-9)


def test_branching_ratios_sum_to_one():
    ch = {"a": (np.array([1.0, 2.0]), "x"), "b": (np.array([3.0, 2.0]), "y")}
    br = zp.branching_ratios(ch)
    np.testing.assert_allclose(br["categories"]["x"] + br["categories"]["y"], 1.0)
    assert zp.width_scalars(100.0, 1.0, 2.0) == pytest.approx(4 * 100 / (48 * math.pi))
