"""``darkseesaw reproduce alp-portal-dm --fast``, run once (module fixture): the JSON, the
figures, the printed table, and the paper's results against independent numbers (the Table 2
box, eqs. 4.2–4.4, the paper's Fig. 3 text, the freeze-out estimate)."""

import contextlib
import io
import json
import math

import numpy as np
import pytest

from darkseesaw import papers
from darkseesaw.constraints import curve
from darkseesaw.papers.alp_portal_dm import doc_numbers
from darkseesaw.papers.alp_portal_dm.inputs import DELTA_A_MU_2023, NUFIT60_3SIGMA, TABLE3
from darkseesaw.papers.common import STATUSES

pytestmark = pytest.mark.slow

KEYS = ("model", "paper", "fast", "table3", "orderings_allowed", "n_accepted",
        "n_accepted_by_ordering", "n_evaluated_by_ordering",
        "orderings_found_by_blind_random_scan", "n_accepted_blind_random_scan", "table3_IO",
        "table3_paper", "empirical_relations", "takagi_check", "fig3", "g2_today",
        "fig3_freeze_out_shortcut", "fig3_rows", "alp_width_check", "relic_shortcut_check",
        "timing_s", "units", "notes", "comparison", "paper_era", "fig3_paper_statements",
        "relic_threshold", "inputs")


@pytest.fixture(scope="module")
def repro(tmp_path_factory):
    out = tmp_path_factory.mktemp("alp_portal_dm")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        res = papers.reproduce("alp-portal-dm", out, fast=True)
    return out, res, buf.getvalue()


def test_json_figures_and_table(repro):
    out, res, printed = repro
    on_disk = json.loads((out / "alp-portal-dm.json").read_text())
    assert set(KEYS) <= set(on_disk) and on_disk["fast"] is True
    assert on_disk["table3"] == res["table3"]
    for stem in ("fig2", "fig3", "fig3_today", "fig3_paper_era"):   # --fast: 72-dpi PNG only
        assert (out / f"alp-portal-dm_{stem}.png").stat().st_size > 1000
        assert not (out / f"alp-portal-dm_{stem}.pdf").exists()
    assert "Table 3 A delta_cp_deg" in printed and "paper error" in printed
    assert all(r["status"] in STATUSES for r in res["comparison"])
    assert res["table3_paper"] == {k: TABLE3[k] for k in "AB"}


def _box_extremes():
    """Σm and m_β [meV] over the NO 3σ box of Table 2 with m₁ = 0 (eq. 4.2), by hand."""
    w = NUFIT60_3SIGMA["NO"]
    s12, s13, d21, d31 = (w[k][1:] for k in ("s12sq", "s13sq", "dm21sq_eV2", "dm3lsq_eV2"))
    sm = [1e3 * (math.sqrt(d21[i]) + math.sqrt(d31[i])) for i in (0, 1)]
    mb = [1e3 * math.sqrt(s12[i] * (1 - s13[1 - i]) * d21[i] + s13[i] * d31[i]) for i in (0, 1)]
    return sm, mb


def test_table3_against_the_table2_box(repro):
    _, res, _ = repro
    sm, mb = _box_extremes()
    for tex in "AB":
        t = res["table3"][tex]
        paper = TABLE3[tex]
        # eq. 4.2 with m1 = 0: inside the analytic extremes of the box, and containing the
        # paper's (narrower, sampled) ranges
        assert sm[0] - 1e-9 <= t["sum_m_meV"][0] <= paper["sum_m_meV"][0]
        assert paper["sum_m_meV"][1] <= t["sum_m_meV"][1] <= sm[1] + 1e-9
        assert t["sum_m_meV"][0] == pytest.approx(sm[0], abs=0.05)
        assert t["sum_m_meV"][1] == pytest.approx(sm[1], abs=0.05)
        assert mb[0] - 1e-9 <= t["m_beta_meV"][0] <= paper["m_beta_meV"][0]
        assert paper["m_beta_meV"][1] <= t["m_beta_meV"][1] <= mb[1] + 1e-9
        # δ fills the NO 3σ window [124°, 364°] (the paper stops at 290°)
        lo, hi = NUFIT60_3SIGMA["NO"]["delta_deg"][1:]
        assert t["delta_cp_deg"][0] == pytest.approx(lo, abs=0.5)
        assert t["delta_cp_deg"][1] == pytest.approx(hi, abs=1.0)
        # eqs. 4.3/4.4 at δ = 124°…364° bound m_ee: X ± Y cos δ between ~1.0 and ~4.3 meV
        assert 0.9 < t["m_ee_meV"][0] < paper["m_ee_meV"][0] + 0.1
        assert 4.0 < t["m_ee_meV"][1] < 4.4
        e = res["empirical_relations"][tex]
        q = e["rel_dev_percentiles_0_5_50_95_100"]   # eq. 4.3/4.4 is approximate (paper)
        assert abs(q[2]) < 0.02 and max(abs(q[1]), abs(q[3])) < 0.1 and max(map(abs, q)) < 0.2
        # Fig. 2a: cos φ follows cos δ (A) or cos(δ + π) (B: texture A with μ ↔ τ)
        assert e["corr_cos_phi_cos_delta"] * (1 if tex == "A" else -1) > 0.9


def test_orderings_and_exact_spectrum(repro):
    _, res, _ = repro
    assert res["orderings_allowed"] == {"A": ["NO", "IO"], "B": ["NO", "IO"]}
    assert res["orderings_found_by_blind_random_scan"] == {"A": [], "B": []}
    io_ = res["table3_IO"]
    for tex in "AB":   # IO with m3 = 0: Σm = √Δm²_atm + √(Δm²_atm − Δm²_sol) ≈ 98–100 meV
        assert 97 < io_[tex]["sum_m_meV"][0] and io_[tex]["sum_m_meV"][1] < 101
    # exact 7×7 Takagi vs closed form with m_D/M = 1e-3: O(1e-6) corrections, enhanced in IO
    # by the quasi-degenerate m1 ≈ m2 (θ12 moves by ~1e-6 Δm²_atm/Δm²_sol ~ 3e-5)
    for key, tk in res["takagi_check"].items():
        tol = 1e-5 if key.endswith("NO") else 1e-4
        assert tk["ordering_agrees"], key
        assert tk["max_abs_diff_s12sq"] < tol and tk["max_abs_diff_s23sq"] < 1e-5
        assert tk["max_abs_diff_delta_deg"] < 100 * tol and tk["max_rel_diff_m_ee"] < 1e-5


def test_fig3_conclusions_of_the_paper(repro):
    """§4: at f_a = 10 TeV only C_μμ/f_a = −1 GeV⁻¹ works (near m_a ≈ 110 TeV) — we also keep
    −0.1 (the MAGIC GC line search is not shipped, documented); at 100 TeV all three work."""
    _, res, _ = repro
    f10, f100 = res["fig3"]["fa_10TeV"], res["fig3"]["fa_100TeV"]
    assert f10["Cmumu_over_fa_-0.01"] == []
    lo, hi = f10["Cmumu_over_fa_-1"]
    assert 9e4 < lo <= hi < 1.3e5
    assert all(f100[k] for k in ("Cmumu_over_fa_-0.01", "Cmumu_over_fa_-0.1",
                                 "Cmumu_over_fa_-1"))
    for row in res["fig3_rows"]:   # the grid stops at the EFT cut-off 4π f_a
        assert row["m_a_grid_max_GeV"] <= 4 * math.pi * row["f_a_TeV"] * 1e3 * (1 + 1e-12)
    # today's Δa_μ reaches 0 at 2σ: the windows become open-ended up to the cut-off
    assert res["g2_today"]["fa_100TeV"]["Cmumu_over_fa_-0.01"][1] == pytest.approx(
        4 * math.pi * 1e5, rel=1e-9)


def test_relic_shortcut_against_freeze_out_estimate(repro):
    """⟨σv⟩ = 2.6e-26 cm³/s at m_χ = 100 TeV: Kolb–Turner estimate per species, ×2 for Dirac."""
    _, res, _ = repro
    rc = res["relic_shortcut_check"]
    sv = rc["sigmav_cm3s"] / 1.1673e-17       # GeV⁻² (ħ²c³ = 1.1673e-17 GeV² cm³/s)
    xf = 20.0
    for _ in range(50):
        xf = math.log(0.038 * 2 * 1.22e19 * 1e5 * sv / math.sqrt(106.75 * xf))
    one = 1.07e9 * xf / (math.sqrt(106.75) * 1.22e19 * sv)
    assert rc["omega_h2_majorana_boltzmann"] == pytest.approx(one, rel=0.05)
    assert rc["omega_h2_dirac_boltzmann"] == pytest.approx(2 * one, rel=0.05)
    assert np.isclose(rc["omega_h2_dirac_boltzmann"], 0.216, atol=0.01)


def test_alp_width_on_the_relic_band(repro):
    """At f_a = 10 TeV the narrow-ALP relic band (Γ_a neglected) agrees with the model's
    Breit–Wigner Boltzmann solution (Γ_a ≈ m_a/4 is far from the pole at s = 4m_χ²); at
    f_a = 100 TeV Γ_a ≈ 0.25 (f_a/10 TeV)² m_a ≈ 25 m_a: the band is outside its validity."""
    _, res, _ = repro
    for w in res["alp_width_check"]["fa_10TeV"].values():
        if w:
            assert w["Gamma_a_over_m_a"] == pytest.approx(0.25, abs=0.02)
            assert w["omega_h2_model_breit_wigner"] == pytest.approx(0.120, rel=0.03)
    for w in res["alp_width_check"]["fa_100TeV"].values():
        assert w["Gamma_a_over_m_a"] > 20 and w["omega_h2_model_breit_wigner"] > 1.0


def test_paper_era_block_and_statements(repro):
    """paper_era: the paper's Δa_μ (2023) and the line searches it used that exist as data;
    the statements of §4-§5 confronted with them (the MAGIC GC curve is not available)."""
    _, res, _ = repro
    pe = res["paper_era"]
    assert pe["inputs"]["delta_a_mu"] == list(DELTA_A_MU_2023)
    assert set(pe["inputs"]["gamma_lines"].values()) == {"id/gammaline/fermi-lat",
                                                         "id/gammaline/hess"}
    # today's extra limits (DAMPE 2022 ends at 211 GeV, MAGIC 2014 Segue 1 is weaker than
    # H.E.S.S. 2018) change no window (docs)
    assert pe["fig3"] == res["fig3"]
    st = res["fig3_paper_statements"]
    assert st["c_mumu_over_fa_that_work"]["fa_100TeV"] == [-0.01, -0.1, -1.0]
    assert -1.0 in st["c_mumu_over_fa_that_work"]["fa_10TeV"]
    # the relic band clears H.E.S.S. 2018 where the curve drops below <σv>_γγ/2 of the band
    thr = st["relic_allowed_from_m_a_GeV"]["fa_10TeV"]
    need = st["exclude_relic_below_paper_threshold"]
    hess = curve("id/gammaline/hess")
    assert 2e4 < thr < 4e4
    # without the Dirac factor ½ the limits are √2 stronger in C_γγ: later, still below 80 TeV
    thr_sc = st["relic_allowed_from_m_a_GeV_self_conjugate_reading"]["fa_10TeV"]
    assert thr < thr_sc < 8e4
    assert float(hess(thr / 1.1)) <= 1.3 * need["needed_sigmav_cm3s"]
    assert float(hess(thr / 1.1 / 1.25)) < float(hess(thr / 1.1))  # rising limit, one crossing
    e01 = st["exclude_Cmumu_-0.1_at_fa_10TeV"]
    assert e01["needed_sigmav_self_conjugate_reading_cm3s"] == 2 * e01["needed_sigmav_cm3s"]
    lo, hi = e01["limits_cm3s"]["H.E.S.S. 2018 (GC)"]
    assert lo > e01["needed_sigmav_cm3s"]            # H.E.S.S. alone cannot exclude the window
    # the relic's <σv>_γγ/2 today is ~2.4e-26 cm³/s (Dirac, Ω h² = 0.12) at every mass
    q = {x["m_chi_GeV"]: x for x in st["magic_gc_2022_quoted_vs_relic"]}
    assert q[1e3]["relic_excluded"] and not q[1e5]["relic_excluded"]
    for x in q.values():
        assert 1.5e-26 < x["relic_sigmav_half_cm3s"] < 3.5e-26
    cr = st["cta_reach"]
    assert cr["m_chi_max_GeV"] == pytest.approx(50214.7)
    assert min(cr["Cmumu_-1_window_m_chi_GeV"]) > cr["m_chi_max_GeV"]
    assert not cr["Cmumu_-1_within_reach"] and not cr["fa_100TeV_within_reach"]
    assert st["fermi_lat_2015_reach"]["affects_fig3"] is False
    names = [r["result"] for r in res["comparison"]]
    assert "CTA probes C_mumu/f_a = -1 at f_a = 10 TeV" in names


def test_docs_quote_the_json(repro):
    """Every number marked in docs/alp-portal-dm.md is the JSON's (within the --fast grid)."""
    out, _, _ = repro
    d = json.loads((out / "alp-portal-dm.json").read_text())
    n, problems = doc_numbers.check(d, tolerant=True)
    assert n >= 10 and not problems, problems
