"""``darkseesaw reproduce hnl-inflaton --fast``: run once (module fixture), then its JSON, table
and figures against the paper's printed numbers."""

from __future__ import annotations

import json

import pytest

from darkseesaw.papers import hnl_inflaton
from darkseesaw.papers.common import STATUSES
from darkseesaw.papers.hnl_inflaton.inputs import paper_values

P = paper_values()
FIGS = ("fig1", "fig2", "fig3", "fig4", "fig6", "fig7", "fig8")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("hnl_inflaton")
    res = hnl_inflaton.reproduce(out, fast=True)
    return out, res, json.loads((out / "hnl-inflaton.json").read_text())


@pytest.mark.slow
def test_json_keys_and_figures(run):
    out, res, d = run
    for k in ("B_over_mu_Nprime", "mN_max_GeV", "mubar_min_keV", "Ubar_max_EWPD",
              "mubar_DELPHI_MeV", "Ubar_DELPHI", "deltaM_eV_at_2GeV", "BR_mu_e_gamma_max",
              "BR_mu_3e_max", "gphi_max", "MN_min_MeV", "entropy_excess", "theta_s_naturalness",
              "gs_full_asymmetry", "hnl_lifetimes_s", "notes", "comparison", "figures"):
        assert k in d
    assert set(d["mubar_min_keV"]) == {"NH", "IH"} and len(d["Ubar_DELPHI"]["NH"]) == 3
    assert len(d["hnl_lifetimes_s"]["N2"]) == 4
    assert set(d["notes"]) >= {"mN_max_GeV", "mubar_min_keV", "deltaM_eV_at_2GeV_exact"}
    for f in FIGS:
        assert (out / f"hnl-inflaton_{f}.png").exists()
        assert (out / f"hnl-inflaton_{f}.pdf").exists()
    assert d["figures"][:2] == ["hnl-inflaton_fig1.png", "hnl-inflaton_fig1.pdf"]


@pytest.mark.slow
def test_numbers_against_the_paper(run):
    _, _, d = run
    k = P["key_numbers"]
    assert d["B_over_mu_Nprime"] == pytest.approx(-112 / 123)
    assert d["B_over_mu_Nprime_exact"] == k["B_over_mu_Nprime"]
    assert d["mN_max_GeV"] == pytest.approx(k["mN_max_GeV"], rel=0.025)
    assert d["mN_max_asymmetric_relic_GeV"] == pytest.approx(k["mN_max_GeV"], rel=0.01)
    assert d["gs_full_asymmetry"] == pytest.approx(k["gs_full_asymmetry"], rel=0.1)
    assert d["deltaM_eV_at_2GeV"] == pytest.approx(k["deltaM_eV_at_2GeV"], rel=0.05)
    for o in ("NH", "IH"):
        assert d["mubar_DELPHI_MeV"][o] == pytest.approx(P["mubar_DELPHI_MeV"][o], rel=0.02)
    # the paper's BR(mu -> e gamma) = 2.2e-15 follows from |sum U_mu U_e*| ~ 1e-3 at its mubar
    lp = d["LFV_detail"]["at_mubar_min_paper_method"]
    assert lp["abs_sum_UmuUe"] == pytest.approx(1e-3, rel=0.1)
    assert lp["mu_e_gamma_full"] == pytest.approx(k["BR_mu_e_gamma_max"], rel=0.2)
    # section 4.3: lifetimes ~1e-4 - 1e-3 s near 1 GeV (weak decays)
    lo, hi = P["statements"]["tau_N_at_1GeV_s"]
    assert lo <= d["hnl_lifetimes_s"]["N2"][1] <= hi


@pytest.mark.slow
def test_comparison_rows(run):
    _, res, d = run
    rows = d["comparison"]
    assert rows and all(r["status"] in STATUSES for r in rows)
    by = {r["result"]: r for r in rows}
    assert by["deltaM at 2 GeV [eV], exact"]["ours"] == d["deltaM_eV_at_2GeV_exact"]
    assert by["BR(mu -> 3e) max (eq. 4.21)"]["status"] == "paper error"
