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
    assert zp.sigma_v_zpzp(100.0, 150.0, 0.3, (4.0, 5.0)) == 0.0


def test_direct_detection_and_v1_bound_paper_numbers():
    # text after eq. 3.8: g = 0.25, M = 10 TeV, m = 3.8 TeV → σ ≈ 9e-10 pb
    assert zp.sigma_si_nucleon_pb(3800.0, 1e4, 0.25, (4.0, 5.0)) == pytest.approx(9e-10, rel=0.05)
    # eq. 3.8: v1 > (2.2e9 / σ[pb])^(1/4)
    assert zp.v1_min_from_sigma(1e-9, (4.0, 5.0)) == pytest.approx((2.2e9 / 1e-9) ** 0.25, rel=0.002)
    # consistency: at v1 = v1_min the cross section equals the bound (m_χ → ∞)
    v1 = zp.v1_min_from_sigma(1e-9, (4.0, 5.0), m_chi=1e9)
    assert zp.sigma_si_nucleon_pb(1e9, 0.3 * v1, 0.3, (4.0, 5.0)) == pytest.approx(1e-9, rel=1e-9)


def test_branching_ratios_sum_to_one():
    ch = {"a": (np.array([1.0, 2.0]), "x"), "b": (np.array([3.0, 2.0]), "y")}
    br = zp.branching_ratios(ch)
    np.testing.assert_allclose(br["categories"]["x"] + br["categories"]["y"], 1.0)
    assert zp.width_scalars(100.0, 1.0, 2.0) == pytest.approx(4 * 100 / (48 * math.pi))


def _trace_sigma(s, m, mf, cV, cA, dV, dA, M, G, g, nc=1):
    """σ(s) from explicit Dirac traces (4×4 γ matrices), integrated over the angle."""
    I2, Z2 = np.eye(2), np.zeros((2, 2))
    sig = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]])]
    gam = [np.block([[I2, Z2], [Z2, -I2]]).astype(complex)]
    gam += [np.block([[Z2, sk], [-sk, Z2]]).astype(complex) for sk in sig]
    g5 = 1j * gam[0] @ gam[1] @ gam[2] @ gam[3]
    eta = np.diag([1.0, -1.0, -1.0, -1.0])
    one = np.eye(4)

    def slash(p):
        return sum(eta[mu, mu] * p[mu] * gam[mu] for mu in range(4))

    E = math.sqrt(s) / 2
    p = math.sqrt(E**2 - m**2)
    k = math.sqrt(E**2 - mf**2)
    p1, p2 = np.array([E, 0, 0, p]), np.array([E, 0, 0, -p])
    Gc = [gm @ (cV * one - cA * g5) for gm in gam]
    Gd = [gm @ (dV * one - dA * g5) for gm in gam]
    A = slash(p2) - m * one
    B = slash(p1) + m * one
    L = np.array([[np.trace(A @ Gc[mu] @ B @ Gc[nu]) for nu in range(4)] for mu in range(4)])
    x, w = np.polynomial.legendre.leggauss(24)
    tot = 0.0
    for c, wi in zip(x, w, strict=True):
        sn = math.sqrt(1 - c * c)
        k1, k2 = np.array([E, k * sn, 0, k * c]), np.array([E, -k * sn, 0, -k * c])
        C = slash(k1) + mf * one
        D = slash(k2) - mf * one
        F = np.array([[np.trace(C @ Gd[mu] @ D @ Gd[nu]) for nu in range(4)] for mu in range(4)])
        amp2 = np.einsum("mn,m,n,mn->", L, np.diag(eta), np.diag(eta), F).real
        amp2 *= g**4 / ((s - M**2) ** 2 + (M * G) ** 2) * nc / 4
        tot += wi * amp2 / (64 * math.pi**2 * s) * k / p * 2 * math.pi
    return tot


@pytest.mark.parametrize("qc,qf,mf", [((4.0, 5.0), (1 / 3, 1 / 3), 172.6),
                                      ((1.0, -2.0), (-1.0, 0.0), 0.0),
                                      ((0.3, 0.9), (0.5, -0.7), 0.0)])
def test_sigma_ff_against_dirac_traces(qc, qf, mf):
    m, M, G, g = 400.0, 1500.0, 40.0, 0.4
    cV, cA = (qc[0] + qc[1]) / 2, (qc[0] - qc[1]) / 2
    dV, dA = (qf[0] + qf[1]) / 2, (qf[0] - qf[1]) / 2
    for rs in (820.0, 1400.0, 2600.0):
        ref = _trace_sigma(rs**2, m, mf, cV, cA, dV, dA, M, G, g, nc=3)
        assert zp.sigma_ff(rs**2, m, M, G, g, qc, qf, m_f=mf, nc=3) == pytest.approx(ref,
                                                                                    rel=1e-9)
