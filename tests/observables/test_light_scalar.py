"""Light Higgs-mixed scalar: K → π S and S → ℓℓ against published numbers and identities."""

import math

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.observables import light_scalar as ls


def test_xi_ds_published_value():
    """ξ_ds = 3√2 G_F m_t² |V_td V_ts|/(16π²) = 3.3e-6 (K. Bondarenko's thesis, Table 1, used by
    the scalar_portal code of arXiv:1904.10447). Tolerance 3 %: their m_t (on-shell) and
    CKM inputs (2018) vs PDG 2024 here; the printed value has 2 digits."""
    assert ls.xi_ds() == pytest.approx(3.3e-6, rel=0.03)


def test_K_plus_width_is_the_two_body_formula():
    """Γ = |A|² p/(8π m_K²) with p the π momentum in the kaon frame (PDG kinematics)."""
    mK, mpi, mS, th = ph.meson_masses["K+"], ph.meson_masses["pi+"], 0.1, 1e-3
    p = math.sqrt((mK**2 - (mpi + mS) ** 2) * (mK**2 - (mpi - mS) ** 2)) / (2 * mK)
    A = th * ls.xi_ds() / ph.v_EW * (mK**2 - mpi**2) / 2
    assert ls.width_K_to_pi_S(mS, th) == pytest.approx(A**2 * p / (8 * math.pi * mK**2),
                                                       rel=1e-12)
    assert ls.width_K_to_pi_S(mK - mpi + 1e-6, th) == 0.0
    # quadratic in the mixing
    assert ls.br_K_to_pi_S(mS, 2 * th) == pytest.approx(4 * ls.br_K_to_pi_S(mS, th), rel=1e-12)


def test_KL_over_K_plus_and_grossman_nir():
    """Isospin: Γ(K_L → π⁰S)/Γ(K⁺ → π⁺S) = (Re λ_t/|λ_t|)² at equal masses, so the BR ratio
    stays below the Grossman–Nir bound τ_L/τ_+ ≈ 4.1 (PRL 79 (1997) 2089: ≲ 4.3)."""
    assert ls.re_lambda_t_fraction() == pytest.approx(0.85, abs=0.01)
    r = ls.br_K_to_pi_S(0.0, 1e-4, "KL") / ls.br_K_to_pi_S(0.0, 1e-4, "K+")
    assert r < 4.3
    mk = ph.meson_masses
    masses = ((mk["K0"] ** 2 - mk["pi0"] ** 2) ** 3 / mk["K0"] ** 3
              / ((mk["K+"] ** 2 - mk["pi+"] ** 2) ** 3 / mk["K+"] ** 3))   # |A|² λ^½/m_K³
    assert r == pytest.approx(ls.re_lambda_t_fraction() * ph.tau_K_L_s / ph.tau_K_plus_s * masses,
                              rel=1e-9)


def test_leptonic_width_is_the_higgs_formula():
    """Γ(S → μμ) = θ² × Γ(h → μμ) with m_h → m_S: G_F m_μ² m β³/(4√2π)."""
    mS, th = 0.5, 1e-3
    beta = math.sqrt(1 - 4 * ph.m_mu**2 / mS**2)
    ee = th**2 * ph.G_F * ph.m_e**2 * mS * (1 - 4 * ph.m_e**2 / mS**2) ** 1.5 / (4 * math.sqrt(2)
                                                                                 * math.pi)
    mm = th**2 * ph.G_F * ph.m_mu**2 * mS * beta**3 / (4 * math.sqrt(2) * math.pi)
    assert ls.width_leptons(mS, th) == pytest.approx(ee + mm, rel=1e-12)
    assert np.all(ls.width_leptons(np.array([0.0, 1e-3]), th) == 0.0)  # below 2 m_e


def test_inputs_a_user_can_get_wrong():
    """An unknown kaon names the choices; a negative m_S (λ is even in m_S) is refused rather
    than given the width of |m_S|."""
    with pytest.raises(ValueError, match="kaon must be one of"):
        ls.br_K_to_pi_S(0.1, 1e-3, "KS")
    with pytest.raises(ValueError, match="m_S"):
        ls.width_K_to_pi_S(-0.1, 1e-3)
