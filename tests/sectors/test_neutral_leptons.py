"""Neutral-lepton sector: Casas–Ibarra against NuFIT, mixings against closed forms, HNL decays
through a gauge boson and a scalar against their analytic widths."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.constraints import likelihood as L
from darkseesaw.observables import hnl_decays
from darkseesaw.sectors import NeutralLeptons, U1Gauge
from darkseesaw.sectors.base import Point
from darkseesaw.sectors.neutral_leptons import casas_ibarra, neutral_lepton_observables
from darkseesaw.sectors.u1_gauge import Fermion
from darkseesaw.spectrum import takagi
from darkseesaw.spectrum.builders import neutral_lepton_matrix


def _nufit_chi2(o):
    vals = {k: float(o[k]) for k in ("s12sq", "s13sq", "s23sq")}
    vals["dm21sq"] = ph.convert(float(o["dm21sq"]), "GeV^2", "eV^2")
    vals["dm3lsq"] = ph.convert(float(o["dm3lsq"]), "GeV^2", "eV^2")
    vals["delta_cp"] = math.degrees(float(o["delta_cp"]))
    return float(L.nufit_chi2(vals, version="6.0", ordering="NO"))


@pytest.mark.parametrize("kind", ["type-I", "inverse"])
def test_casas_ibarra_reproduces_the_nufit_best_fit_exactly_diagonalised(kind):
    # leading-order Casas–Ibarra + exact Takagi: the NuFIT 6.0 best fit (χ² = 0 by the
    # definition of the table) up to the O(m_D²/M²) corrections of the seesaw formula
    # (type I: m_D ~ 2e-4 GeV, corrections 1e-13; ISS with μ = 10 MeV: m_D ~ 0.07 GeV, 1e-8
    # relative on Δm²₃₁, i.e. χ² ~ 1e-12)
    M = np.array([1e3, 2e3, 3e3])
    if kind == "type-I":
        mat = neutral_lepton_matrix(casas_ibarra(M), mu_R=np.diag(M))
    else:
        mu = np.full(3, 1e-2)
        mat = neutral_lepton_matrix(casas_ibarra(M, mu=mu), np.diag(M), np.diag(mu))
    m, U = takagi(mat)
    o = neutral_lepton_observables(m, U, lfv=False, lifetimes=False)
    assert _nufit_chi2(o) < 1e-10
    assert bool(o["is_NO"]) and float(o["m_nu1"]) < 1e-20
    if kind == "inverse":  # the residual is the seesaw correction: Δ ∝ m_D² ∝ 1/μ, χ² ∝ 1/μ²
        mu2 = np.full(3, 1e-4)
        m2, U2 = takagi(neutral_lepton_matrix(casas_ibarra(M, mu=mu2), np.diag(M), np.diag(mu2)))
        o2 = neutral_lepton_observables(m2, U2, lfv=False, lifetimes=False)
        assert _nufit_chi2(o2) / _nufit_chi2(o) == pytest.approx(1e4, rel=0.01)


def test_type_one_mixing_and_eta_against_closed_forms():
    # one family: |U_eN|² = m_D²/(M² + m_D²) exactly for the 2×2 [[0, m],[m, M]] (tan 2θ = 2m/M)
    mD, MR = 50.0, 1e3
    m, U = takagi(neutral_lepton_matrix(np.array([[mD], [0], [0]]), mu_R=np.array([[MR]])))
    o = neutral_lepton_observables(m, U, lfv=False, lifetimes=False)
    th = 0.5 * math.atan(2 * mD / MR)
    assert float(o["U2_e_N1"]) == pytest.approx(math.sin(th) ** 2, rel=1e-12)
    assert float(o["eta_ee"]) == pytest.approx(0.5 * math.sin(th) ** 2, rel=1e-10)
    assert float(o["m_N1"]) == pytest.approx(MR / 2 + math.hypot(MR / 2, mD), rel=1e-14)


def test_quasi_dirac_pairs_are_summed_for_searches():
    mD = np.diag([10.0, 20.0, 30.0])
    m, U = takagi(neutral_lepton_matrix(mD, np.diag([1e3, 2e3, 3e3]), np.eye(3) * 1e-6))
    o = neutral_lepton_observables(m, U, lfv=False, lifetimes=False)
    for i, (a, M) in enumerate(((0, 1e3), (1, 2e3), (2, 3e3))):
        fl = ("e", "mu", "tau")[a]
        pair = float(o[f"U2_{fl}_N{2 * i + 1}"]) + float(o[f"U2_{fl}_N{2 * i + 2}"])
        assert float(o[f"U2eff_{fl}_N{2 * i + 1}"]) == pytest.approx(pair, rel=1e-12)
        assert pair == pytest.approx(mD[a, a] ** 2 / (M**2 + mD[a, a] ** 2), rel=1e-9)


def test_hnl_decays_to_nu_zprime_and_nu_s_are_added():
    """N → ν Z′ (two-body, G = g U†QU) and N → ν s (g s N̄N) against their closed forms."""
    p = SimpleNamespace(g=0.1, M=0.5, mD=1e-3, MN=5.0, mu=1e-6, ms=0.3, gs=0.2)
    nl = NeutralLeptons(mD=lambda p: np.array([[p.mD], [0], [0]]), M=lambda p: [[p.MN]],
                        mu_S=lambda p: [[p.mu]], n_N=1, n_S=1, lfv=False,
                        gauge_charges=[0, 0, 0, -1, 1])
    u1 = U1Gauge(g="g", mass="M", charges="dark",
                 fermions=[Fermion("N", "dirac", (1, 1), mass="MN", role="N")], lhc=False)
    pt = Point(p, [nl, u1])
    o = nl.observables(pt)
    d = pt.data("neutral_leptons")
    m, U = d["m"], d["U"]
    G = p.g * np.conj(U).T @ (np.array([0, 0, 0, -1, 1.0])[:, None] * U)
    i_h = 3  # N1
    G2 = np.sum(np.abs(G[:3, i_h]) ** 2)
    x = (p.M / m[i_h]) ** 2
    w_z = G2 * m[i_h] ** 3 * (1 - x) ** 2 * (1 + 2 * x) / (16 * math.pi * p.M**2)
    w_sm = hnl_decays.total_width(m[i_h], np.abs(U[:3, i_h]) ** 2, majorana=True)
    assert float(o["tau_N1"]) == pytest.approx(float(ph.width_to_lifetime_s(w_sm + w_z)),
                                               rel=1e-12)
    nl2 = NeutralLeptons(mD=lambda p: np.array([[p.mD], [0], [0]]), M=lambda p: [[p.MN]],
                         mu_S=lambda p: [[p.mu]], n_N=1, n_S=1, lfv=False,
                         scalar_decay=("ms", "gs"))
    o2 = nl2.observables(Point(p, [nl2]))
    U2 = np.abs(U[:3, i_h]) ** 2
    ws = hnl_decays.total_width(m[i_h], U2, majorana=True, scalar=(p.ms, p.gs))
    assert float(o2["tau_N1"]) == pytest.approx(float(ph.width_to_lifetime_s(ws)), rel=1e-12)
    assert ws > w_sm  # the channel is open


def test_sector_needs_a_second_block():
    with pytest.raises(ValueError, match="mu_R"):
        NeutralLeptons(mD=np.ones((3, 1)))


def test_precision_budget_failure_is_a_named_point_failure(monkeypatch):
    """A spectrum the precision budget refuses raises PrecisionBudgetExceeded (not a NaN that
    crashes later in an SVD), and the scan classifies it as reason 'precision_budget'."""
    pytest.importorskip("flint")
    from darkseesaw.errors import PrecisionBudgetExceeded
    from darkseesaw.scan.failures import classify_exception

    rng = np.random.default_rng(16)  # blocks whose double-precision light masses are not certified

    def blk(shape, lo, hi):
        return 10 ** rng.uniform(lo, hi, size=shape) * np.exp(1j * rng.uniform(0, 2 * np.pi, shape))

    mu = blk((2, 2), -13, -5)
    b = {"mD": blk((3, 2), -3, 2.4), "M": blk((2, 2), 1, 5), "mu_S": mu + mu.T}
    nl = NeutralLeptons(mD=b["mD"], M=b["M"], mu_S=b["mu_S"])
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "0")
    with pytest.raises(PrecisionBudgetExceeded) as err:
        nl.observables(Point(SimpleNamespace(), [nl]))
    assert classify_exception(err.value) == "precision_budget"
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "none")
    o = nl.observables(Point(SimpleNamespace(), [nl]))
    assert np.isfinite(o["m_nu1"]) and np.isfinite(o["m_N1"])
