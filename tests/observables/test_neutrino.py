"""Neutrino observables: round trips, PDG conventions, and independent identities."""

from __future__ import annotations

import numpy as np
import pytest

from darkseesaw.observables import neutrino as nu
from darkseesaw.spectrum import takagi
from darkseesaw.spectrum.builders import heavy_light_mixing, iss_light_matrix, neutral_lepton_matrix

EV = 1e-9


def _dphi(a, b):
    return np.abs(np.angle(np.exp(1j * (a - b))))


@pytest.mark.parametrize("ordering", ["NO", "IO"])
def test_round_trip_parameters(ordering):
    rng = np.random.default_rng(5)
    B = 2000
    light = rng.uniform(1e-4, 0.1, B) * EV
    dm21, dm31 = 7.4e-5 * EV**2, 2.5e-3 * EV**2
    if ordering == "NO":
        ms = np.stack([light, np.sqrt(light**2 + dm21), np.sqrt(light**2 + dm31)], -1)
    else:
        m1 = np.sqrt(light**2 + dm31)
        ms = np.stack([m1, np.sqrt(m1**2 + dm21), light], -1)
    p = dict(s12sq=rng.uniform(0.2, 0.4, B), s13sq=rng.uniform(0.01, 0.04, B),
             s23sq=rng.uniform(0.3, 0.7, B), delta=rng.uniform(0, 2 * np.pi, B),
             alpha21=rng.uniform(0, 2 * np.pi, B), alpha31=rng.uniform(0, 2 * np.pi, B))
    o = nu.from_light_matrix(nu.light_matrix(ms, **p))
    assert np.all(o["ordering"] == ordering)
    for k in ("s12sq", "s13sq", "s23sq"):
        assert np.max(np.abs(o[k] - p[k])) < 1e-12
    assert np.max(_dphi(o["delta_cp"], p["delta"])) < 1e-10
    assert np.max(_dphi(o["alpha21"], p["alpha21"])) < 1e-10
    assert np.max(_dphi(o["alpha31"], p["alpha31"])) < 1e-10
    assert np.max(np.abs(o["m_light"] - ms) / ms) < 1e-12
    # Δm² conventions (NuFIT): Δm²₃₁ > 0 for NO, Δm²₃₂ < 0 for IO
    if ordering == "NO":
        assert np.allclose(o["dm3lsq"], dm31, rtol=1e-9)
    else:
        assert np.allclose(o["dm3lsq"], ms[:, 2] ** 2 - ms[:, 1] ** 2, rtol=1e-9)
        assert np.all(o["dm3lsq"] < 0)


def test_jarlskog_and_mbb_closed_forms():
    s12sq, s13sq, s23sq, d, a21, a31 = 0.31, 0.022, 0.55, 1.3, 0.7, 2.1
    ms = np.array([0.01, np.sqrt(0.01**2 + 7.4e-5), np.sqrt(0.01**2 + 2.5e-3)]) * EV
    o = nu.from_light_matrix(nu.light_matrix(ms, s12sq, s13sq, s23sq, d, a21, a31))
    c12, c13, c23 = np.sqrt(1 - s12sq), np.sqrt(1 - s13sq), np.sqrt(1 - s23sq)
    J = np.sqrt(s12sq * s23sq * s13sq) * c12 * c23 * c13**2 * np.sin(d)
    assert np.isclose(o["J"], J, rtol=1e-10)
    # m_ββ = |Σ U_ei² m_i| with the PDG first row, written out by hand
    Ue = np.array([c12 * c13, np.sqrt(s12sq) * c13 * np.exp(0.5j * a21),
                   np.sqrt(s13sq) * np.exp(-1j * d) * np.exp(0.5j * a31)])
    assert np.isclose(o["m_bb"], abs(np.sum(Ue**2 * ms)), rtol=1e-10)
    assert np.isclose(o["m_beta"], np.sqrt(np.sum(np.abs(Ue) ** 2 * ms**2)), rtol=1e-10)
    assert np.isclose(o["sum_m"], ms.sum(), rtol=1e-12)


def test_pmns_unitary():
    U = nu.pmns_matrix(0.3, 0.02, 0.5, 4.0, 1.0, 2.0)
    assert np.abs(U @ U.conj().T - np.eye(3)).max() < 1e-15


def test_full_iss_matches_leading_order_and_nonunitarity():
    """Exact spectrum → light matrix ≈ ISS formula, η ≈ conj(ΘΘ†)/2, Σ heavy |U|² ≈ (ΘΘ†)_αα."""
    rng = np.random.default_rng(9)
    mD = 5.0 * (rng.normal(size=(3, 3)) + 1j * rng.normal(size=(3, 3)))
    M = 5e3 * (np.eye(3) + 0.3 * rng.normal(size=(3, 3)))
    mu = 1e-7 * (rng.normal(size=(3, 3)) + 1j * rng.normal(size=(3, 3)))
    mu = mu + mu.T
    m, U = takagi(neutral_lepton_matrix(mD, M, mu))
    o = nu.observables(m, U)
    Th = heavy_light_mixing(mD, M)
    TT = Th @ Th.conj().T
    # U_{α,heavy} ≈ Θ* in the −½ n̄ᶜ𝓜n / Uᵀ𝓜U = diag convention (see builders)
    assert np.allclose(o["eta"], np.conj(TT) / 2, rtol=0, atol=1e-3 * np.abs(TT).max())
    assert np.allclose(o["U2_heavy_sum"], np.real(np.diag(TT)), rtol=1e-3)
    s = np.linalg.svd(iss_light_matrix(mD, M, mu), compute_uv=False)[::-1]
    assert np.allclose(np.sort(o["m_light"]), s, rtol=1e-3)
    # N = (1 − η) W with W unitary: the polar factor
    W, eta_exact = nu.unitary_part(o["N"])
    assert np.abs(W @ W.conj().T - np.eye(3)).max() < 1e-13
    assert np.allclose((np.eye(3) - eta_exact) @ W, o["N"], atol=1e-14)


def test_massless_lightest_majorana_phase_convention():
    ms = np.array([0.0, 8.6e-3, 5.0e-2]) * EV
    o = nu.from_light_matrix(nu.light_matrix(ms, 0.3, 0.022, 0.5, 1.0, 0.9, 2.5))
    assert o["m_light"][0] < 1e-15 * ms[2]
    assert o["alpha21"] == 0.0
    assert _dphi(o["alpha31"], 2.5 - 0.9) < 1e-8
