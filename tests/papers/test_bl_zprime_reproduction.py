"""``darkseesaw reproduce bl-zprime --fast``, run once (module fixture): the JSON against the
paper's numbers, the structure of Fig. 2, the figures and the comparison table."""

import json

import pytest

from darkseesaw import papers
from darkseesaw.papers.common import STATUSES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bl_zprime")
    res = papers.reproduce("bl-zprime", out, fast=True)
    return out, res, json.loads((out / "bl-zprime.json").read_text())


def test_json_is_the_returned_dict(run):
    _, res, d = run
    assert set(d) == set(res)
    assert d["model"] == "bl-zprime" and d["fast"] is True
    assert d["paper"].startswith("De Romeri") and "1707.08606" in d["paper"]


def test_key_numbers_against_the_paper(run):
    _, _, d = run
    assert d["anomaly_free"] is True
    assert d["anomalies_without_dark_sector"] == {"grav^2 BL": "-3", "BL BL BL": "-3"}
    assert d["sigma_dd_pb"] == pytest.approx(9e-10, rel=0.05)          # sec. 3.2
    assert d["v1_min_GeV"] == pytest.approx((2.2e9 / 1e-9) ** 0.25, rel=0.01)  # eq. 3.8
    assert d["v1_at_dd_benchmark_GeV"] == pytest.approx(4e4)           # "v1 > 40 TeV"
    for k in ("sm_omega", "sm_omega_N"):
        assert set(d["zprime_BR"][k]) == {"invisible", "quarks", "leptons"}
        assert sum(d["zprime_BR"][k].values()) == pytest.approx(1.0, rel=1e-12)
    lo, hi = d["delta_neff_range"]
    assert lo <= d["delta_neff_typical"] <= hi
    assert len(d["notes"]) == 6
    # the collider engine recovers the ATLAS SSM limit (5.1 TeV) within 2 %
    assert d["collider_validation"]["ssm_mass_limit_K1.2_GeV"] == pytest.approx(5100, rel=0.02)


def test_fig2_structure(run):
    _, _, d = run
    f = d["fig2"]
    # allowed points sit near M_Z' ~ 2 m_chi and the allowed area grows from 5 TeV on
    # (at paper resolution 10 and 20 TeV are comparable: 3.5 vs 3.2 TeV)
    area = [f[k]["allowed"]["area_TeV"] for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV")]
    assert 0 < area[0] < area[1] and area[0] < area[2]
    for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV"):
        lo, hi = f[k]["allowed"]["MZp_over_mchi_range"]
        assert lo < 2.05 and hi > 1.95 and hi < 3.5
        # today's xenon limits leave less than LUX 2016 did
        assert f[k]["allowed_current_limits"]["n_points"] <= f[k]["allowed"]["n_points"]
    assert set(d["fig2_structure"]) == set(f)


def test_figures_and_comparison(run):
    out, _, d = run
    names = ("fig2_bl_zprime", "fig2_bl_zprime_current", "relic_boltzmann_vs_eq36")
    assert d["figures"] == [f"{n}.{e}" for n in names for e in ("png", "pdf")]
    for f in d["figures"]:
        assert (out / f).stat().st_size > 1000
    rows = {r["result"]: r for r in d["comparison"]}
    assert all(r["status"] in STATUSES for r in rows.values())
    assert rows["Delta N_eff with nu entropy"]["status"] == "paper error"
    assert rows["anomaly free (Table 1)"]["ours"] is True
