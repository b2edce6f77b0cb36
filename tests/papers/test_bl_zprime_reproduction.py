"""``darkseesaw reproduce bl-zprime --fast``, run once (module fixture): the JSON against the
paper's numbers, the structure of Fig. 2 in both eras, the N-pair consistency, the figures, the
comparison table and the numbers quoted in docs/bl-zprime.md."""

import json
from pathlib import Path

import pytest

from darkseesaw import papers
from darkseesaw.papers.bl_zprime import doc_numbers
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
    assert len(d["notes"]) == 7
    # the notes quote the computed BRs, not literals
    assert f"{100 * d['zprime_BR']['sm_omega']['invisible']:.1f}/" in d["notes"][0]
    # the collider engine recovers the ATLAS SSM limit (5.1 TeV) within 2 %
    assert d["collider_validation"]["ssm_mass_limit_K1.2_GeV"] == pytest.approx(5100, rel=0.02)


def test_fig2_structure(run):
    _, _, d = run
    f = d["fig2"]
    # allowed points sit near M_Z' ~ 2 m_chi and the allowed area grows from 5 TeV on
    # (at paper resolution 10 and 20 TeV are comparable: 3.5 vs 3.3 TeV)
    area = [f[k]["allowed"]["area_TeV"] for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV")]
    assert 0 < area[0] < area[1] and area[0] < area[2]
    for k in ("mchi_5TeV", "mchi_10TeV", "mchi_20TeV"):
        lo, hi = f[k]["allowed"]["MZp_over_mchi_range"]
        assert lo < 2.05 and hi > 1.95 and hi < 3.5
        # today's xenon limits leave less than LUX 2016 did, and only near the resonance
        now = f[k]["allowed_current_limits"]
        assert now["n_points"] <= f[k]["allowed"]["n_points"]
        assert now["MZp_over_mchi_range"][0] >= lo and now["MZp_over_mchi_range"][1] <= hi
        assert f[k]["dd_limit_current_pb"] < f[k]["dd_limits_pb"]["excluded"]
        assert len(f[k]["lhc_gmax"]) == len(f[k]["MZp_grid_GeV"])
    assert set(d["fig2_structure"]) == set(f) == set(d["fig2_structure_current"])
    # the LHC excludes the light Z' of the 1 TeV panel at g = 0.3, with the acceptance applied
    f1 = f["mchi_1TeV"]
    i = f1["MZp_grid_GeV"].index(min(f1["MZp_grid_GeV"]))
    assert f1["lhc_gmax"][i] is not None and f1["lhc_gmax"][i] < 0.3
    assert 0.5 < f1["lhc_acceptance"][i] < 1.0


def test_paper_era_block(run):
    _, _, d = run
    pe = d["paper_era"]
    assert pe["inputs"]["paper_era"]["dd_excluded"] == ["dd/si/lux-2016"]
    assert pe["inputs"]["today"]["dd_excluded"] == ["dd/si/lz-2024", "dd/si/xenonnt-2025"]
    # the allowed region of the paper era is the one the JSON keeps under fig2[*].allowed
    for k, v in pe["fig2_structure"].items():
        assert v == d["fig2_structure"][k]
        assert pe["fig2"][k]["dd_limit_excluded_pb"] == d["fig2"][k]["dd_limits_pb"]["excluded"]
    assert pe["delta_neff_range_fig2_allowed"] == d["delta_neff_range_fig2_allowed"]
    # the LZ 1000 d projection (arXiv:1802.06039) is drawn; at TeV masses it lies an order of
    # magnitude below the LZ 2022 result (60 live days) that stood in for it before
    for k, v in pe["fig2"].items():
        lz = v["dd_lines_pb"]["lz-1000d-projection"]
        assert lz < 0.1 * d["fig2"][k]["dd_limits_pb"]["lz"]
        fr = v["allowed_area_fraction_probed_by_lines"]["lz-1000d-projection"]
        assert fr is None or 0.0 <= fr <= 1.0
    # sec. 5: at 20 TeV even generation-2 experiments cannot probe all of the allowed space
    assert pe["fig2"]["mchi_20TeV"]["allowed_area_fraction_probed_by_lines"][
        "lz-1000d-projection"] < 1.0


def test_n_pairs_width_and_annihilation_consistent(run):
    """m_N = None: the pairs in neither Gamma_Z' nor chi chi -> f f. The old inconsistent width
    (pairs massless) is 35/29 of the consistent one: sum n_c (q_L^2 + q_R^2) = 29 (SM + omega)
    + 6 (three vector pairs of charge -1), the chi channel closed at M_Z' = 2 m_chi."""
    _, _, d = run
    c = d["n_pairs_consistency"]
    assert c["MZp_GeV"] == 2 * c["m_chi_GeV"]
    g, M = c["gBL"], c["MZp_GeV"]
    assert c["decoupled"]["Gamma_GeV"] == pytest.approx(29 * g**2 * M / (24 * 3.141592653589793),
                                                        rel=2e-4)  # top mass: 1e-4
    assert c["Gamma_ratio_inconsistent_over_decoupled"] == pytest.approx(35 / 29, rel=2e-4)
    # on the pole Omega h^2 grows with the width; the light pairs (in both) are in between
    assert 1.2 < c["omega_ratio_inconsistent_over_decoupled"] < 1.5
    assert 1.0 < c["omega_ratio_light_over_decoupled"] < c["omega_ratio_inconsistent_over_decoupled"]
    # with chi chi open (m_chi = 4.9 TeV): (29 + 6 + 41 beta_chi) / (29 + 41 beta_chi) by hand
    a = c["also"][0]
    r = a["m_chi_GeV"] / a["MZp_GeV"]
    beta = (1 - 4 * r * r) ** 0.5
    chi = ((4**2 + 5**2) * (1 - r * r) + 6 * 4 * 5 * r * r) * beta  # eq. 3.4 bracket, q = (4, 5)
    assert a["Gamma_ratio"] == pytest.approx((35 + chi) / (29 + chi), rel=2e-4)
    assert 1.1 < a["omega_ratio"] < 1.4
    # with the same m_N the model's sectors give the reproduction's Omega h^2, on the pole too
    for v in d["model_vs_reproduction"].values():
        assert v["omega_ratio_model_over_reproduction"] == pytest.approx(1.0, abs=0.005)


def test_figures_and_comparison(run):
    out, _, d = run
    names = ("bl-zprime_fig2", "bl-zprime_fig2_paper_era", "bl-zprime_relic_vs_eq36")
    assert d["figures"] == [f"{n}.png" for n in names]  # --fast: PNG only
    for f in d["figures"]:
        assert (out / f).stat().st_size > 1000
    rows = {r["result"]: r for r in d["comparison"]}
    assert all(r["status"] in STATUSES for r in rows.values())
    assert rows["Delta N_eff with nu entropy"]["status"] == "paper error"
    assert rows["anomaly free (Table 1)"]["ours"] is True
    assert rows["Fig. 2 mchi_5TeV: allowed M_Z'/m_chi"]["status"] == "match"
    assert rows["Fig. 2 mchi_5TeV: allowed M_Z'/m_chi (today)"]["status"] == "updated data"


def test_docs_quote_the_json(run):
    """Every number of docs/bl-zprime.md marked bz equals the --fast JSON (bzf: full run only)."""
    _, _, d = run
    n, problems = doc_numbers.check(d, Path(__file__).resolve().parents[2] / "docs" / "bl-zprime.md")
    assert n > 30
    assert not problems, "\n".join(problems)
    # a stale number is caught
    _, bad = doc_numbers.process("<!-- bz:sigma_dd_pb:sci2 -->9.00×10⁻¹⁰<!-- /bz -->", d)
    assert bad and "8.64" in bad[0]
    # bzf markers only against a full run
    txt = "<!-- bzf:sigma_dd_pb:sci2 -->1<!-- /bzf -->"
    assert doc_numbers.process(txt, d)[1] == []
    assert doc_numbers.process(txt, {**d, "fast": False})[1]
