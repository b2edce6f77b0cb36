"""LFV from heavy neutral leptons: loop functions and branching ratios in known limits."""

import math

import mpmath as mp
import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import lfv


def cheng_li_F(x):
    """Cheng & Li / Petcov function F(x) (F(0) = 10/3), an older independent form."""
    return (10 - 43 * x + 78 * x**2 - 49 * x**3 + 4 * x**4 + 18 * x**3 * math.log(x)) / (
        3 * (x - 1) ** 4)


@pytest.mark.parametrize("x", [1e-3, 0.1, 0.5, 0.9, 2.0, 10.0, 1e3])
def test_G_gamma_vs_cheng_li(x):
    assert lfv.G_gamma(x) == pytest.approx((10 / 3 - cheng_li_F(x)) / 4, rel=1e-6, abs=1e-12)


def test_G_gamma_limits():
    assert lfv.G_gamma(0.0) == 0.0
    assert lfv.G_gamma(1e-6) == pytest.approx(1e-6 / 4, rel=1e-5)
    assert lfv.G_gamma(1e8) == pytest.approx(0.5, rel=1e-6)
    assert lfv.F_Xbox(0.0, 0.0) == -1.0


def _unitary_setup(M, theta):
    """Light (massless) states + one Dirac HNL with exactly orthonormal rows, B B^† = 1."""
    th = np.asarray(theta, complex).reshape(3, 1)
    Bh, mh = lfv.dirac_pair_columns(th, M)
    w, v = np.linalg.eigh(np.eye(3) - th @ th.conj().T)
    Bl = v @ np.diag(np.sqrt(w)) @ v.conj().T
    return np.concatenate([Bl, Bh], axis=1), np.concatenate([np.zeros(3), mh])


def test_mu_3e_dipole_limit_and_gim():
    G = 1e-6
    r = lfv.br_mu_3e_from_form_factors(0.0, G, 0.0, 0.0) / (3 * ph.alpha_0 / (2 * math.pi) * G**2)
    # classic dipole relation, alpha in the G_F scheme (alpha_W s_W^2) vs alpha(0)
    aGF = lfv.ALPHA_W * ph.sin2_theta_W_onshell
    classic = aGF**2 / ph.alpha_0 / (3 * math.pi) * (math.log(ph.m_mu**2 / ph.m_e**2) - 11 / 4)
    assert r == pytest.approx(classic, rel=1e-10)
    # GIM: no mixing -> no LFV
    B, m = _unitary_setup(4.5, [0, 0, 0])
    assert lfv.br_mu_3e(B, m) == 0.0


def test_mu_3e_small_mass_expansion():
    """x ≪ 1 with one Dirac HNL: F_γ → −Sx, G_γ → Sx/4, F_Z → −S x (5/2 + ln x) (heavy–light
    C_ij terms), F_box → 2 S x (1 + ln x) (GIM-subtracted boxes); inserted in eq. 21 this gives
    |S|² x² (c2 ln²x + c1 ln x + c0) with c2 = 12 s_W⁴ ≈ 0.6 — the ln²x coefficient of eq. 4.21."""
    th = np.array([1e-3, 1e-3, 0.0])
    S2 = 1e-12
    s2 = ph.sin2_theta_W_onshell
    lg = math.log(ph.m_mu**2 / ph.m_e**2) - 11 / 4
    pref = lfv.ALPHA_W**2 / (64 * math.pi**2)
    for M in (0.03, 0.1, 0.3):
        B, m = _unitary_setup(M, th)
        x = (M / ph.M_W) ** 2
        L = math.log(x)
        expansion = (2 * (-1.5 + 2 * s2 * (1.5 + L)) ** 2 + 4 * s2**2 * (1.5 + L) ** 2
                     + 4 * s2 * (-3.5 - 2 * L) + 12 * s2**2 * (1.5 + L) + 2 * s2**2 * lg)
        assert lfv.br_mu_3e(B, m) / (pref * S2 * x**2) == pytest.approx(expansion, rel=0.01)
    assert 12 * s2**2 == pytest.approx(0.6, rel=0.01)


def test_mu_e_conversion_dipole_normalisation():
    """Dipole only: CR/BR(μ→eγ) = π D² Γ_μ/Γ_capt; Kitano et al. quote ≈ 1/389 for Al."""
    G = 1e-7
    nuc = ph.mu_e_conversion_nuclei["Al"]
    cr = lfv.cr_mu_e_from_form_factors(0, G, 0, 0, 0, "Al")
    br = 3 * ph.alpha_0 / (2 * math.pi) * G**2
    # alpha in the G_F scheme enters the conversion amplitude (alpha_W s_W^2 vs alpha(0))
    aGF = lfv.ALPHA_W * ph.sin2_theta_W_onshell
    ratio = cr / br * ph.alpha_0**2 / aGF**2
    gamma_mu = ph.G_F**2 * ph.m_mu**5 / (192 * math.pi**3) / ph.hbar_GeV_s  # tree level [1/s]
    assert ratio == pytest.approx(math.pi * nuc["D"] ** 2 * gamma_mu / nuc["Gamma_capt_per_s"],
                                  rel=1e-9)
    assert ratio == pytest.approx(1 / 389, rel=0.06)


def test_mu_e_conversion_cancellation_at_few_TeV():
    """Alonso et al. (2013): CR/BR(μ→eγ) vanishes for heavy-neutrino masses of a few TeV
    (Al later than Au); far below and far above it is O(1–100)."""
    th = [1e-2, 1e-2, 0.0]
    Ms = np.geomspace(300, 3e4, 60)
    out = {}
    for nuc in ("Al", "Au"):
        r = []
        for M in Ms:
            B, m = _unitary_setup(M, th)
            r.append(lfv.cr_mu_e(B, m, nuc) / lfv.br_mu_e_gamma(B, m))
        r = np.array(r)
        out[nuc] = Ms[np.argmin(r)]
        assert r.min() < 1e-2 * r.max()
    assert 1e3 < out["Au"] < out["Al"] < 1e4


def test_box_functions_keep_their_limits_at_light_neutrino_masses():
    # x = m²/M_W² ~ 1e-26 for light neutrinos: the difference quotients of the box functions
    # must not cancel to 0 (F_Xbox → −1, F_Box → 4), checked against 60-digit mpmath
    mp.mp.dps = 60

    def k(x, p):
        return 1 / (1 - x) + (x**p * mp.log(x) if x > 0 else 0) / (1 - x) ** 2

    def fx(x, y):
        return -1 / (x - y) * ((1 + x * y / 4) * (k(x, 2) - k(y, 2)) - 2 * x * y * (k(x, 1) - k(y, 1)))

    def fb(x, y):
        return 1 / (x - y) * ((4 + x * y / 4) * (k(x, 2) - k(y, 2)) - 2 * x * y * (k(x, 1) - k(y, 1)))

    def gb(x, y):
        return -mp.sqrt(x * y) / (x - y) * ((4 + x * y) * (k(x, 1) - k(y, 1)) - 2 * (k(x, 2) - k(y, 2)))

    for x, y in [(1e-26, 2e-26), (1e-24, 0.0), (1e-20, 3e-12), (1e-12, 40.0), (0.3, 0.7), (2.0, 1e-24)]:
        for ours, ref in ((lfv.F_Xbox, fx), (lfv.F_Box, fb), (lfv.G_Box, gb)):
            r = ref(mp.mpf(x), mp.mpf(y))
            assert float(ours(x, y)) == pytest.approx(float(r), rel=1e-10, abs=1e-300)


def test_mu_3e_vanishes_with_the_mixing_when_light_masses_are_not_exactly_zero():
    # a type-I point with |U|² ~ 1e-14 and light masses ~1e-11 GeV: BR(μ → 3e) must be tiny
    # (it was 1e-7 when the box functions cancelled to 0 at x ~ 1e-26)
    theta = np.array([[1e-7], [2e-7], [0.0]])
    s = np.sqrt(1 - np.sum(theta**2))
    B = np.concatenate([np.array([[s, 0, 0], [0, 1, 0], [0, 0, 1]]) - 0.5 * theta @ theta.T, theta], 1)
    for light in (0.0, 1e-11):
        m = np.array([light, 2 * light, 5 * light, 500.0])
        assert float(lfv.br_mu_3e(B, m)) < 1e-25
        assert float(lfv.cr_mu_e(B, m, "Au")) < 1e-25
