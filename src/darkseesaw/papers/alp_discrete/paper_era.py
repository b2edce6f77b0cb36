r"""The paper era of the alp-discrete reproduction (Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05
(2015) 069): Fig. 2 as the paper drew it, eq. 19 and the ``paper_era`` block of the JSON.

Fig. 2's γ-ray transparency region contains the benchmarks B.2 and C.2 (g ≈ 2.3 × 10⁻¹² GeV⁻¹)
and overlaps the Coma region at m_a ≲ 10⁻¹² eV; the catalogue's Meyer–Horns–Raue (2013) contour
(``alp/gagamma/hint-tev-transparency``, the IAXO group's digitisation) is only that paper's
*conservative* result (g ≳ 2 × 10⁻¹¹ GeV⁻¹ at 10⁻⁹–3 × 10⁻⁷ eV). The paper drew the same
paper's *optimistic* lower limit, g ≳ 10⁻¹² GeV⁻¹. That one, PIXIE/PRISM (Tashiro, Silk, Marsh
2013) and the massive-star (Cepheid blue-loop) bound (Friedland, Giannotti, Wise 2013) exist
only as printed numbers: they are boxes transcribed from the sources' text
(``data/fig2_paper_era.yaml``, each edge with its origin), not digitised curves.

Example
-------
>>> box = text_box("pixie_prism")
>>> box["g"][0], box["m_eV"][1]
(1e-16, 1e-14)
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.constraints.measurements import MEASUREMENTS
from darkseesaw.models.alp_discrete import M_PL
from darkseesaw.observables import alp
from darkseesaw.papers.common import load_data

from .comparison import agrees
from .search import evaluate, in_hint

__all__ = ["fig2_data", "text_box", "paper_hint_regions", "in_paper_hint", "eq19",
           "search_paper_era", "paper_era_block"]


@cache
def fig2_data() -> dict[str, Any]:
    """``data/fig2_paper_era.yaml``: the paper's Fig. 2 legend, text regions, inputs."""
    return load_data(__package__, "fig2_paper_era.yaml")


def text_box(name: str) -> dict[str, Any]:
    """A text-transcribed region: ``{"m_eV": [lo, hi], "g": [lo, hi], ...}`` (eV, GeV⁻¹)."""
    r = fig2_data()["text_regions"][name]
    g_lo = r["g_min"] if "g_min" in r else r["gB_max_GeV_nG"] / r["B_nG"]
    return {"m_eV": [r["m_min_eV"], r["m_max_eV"]], "g": [g_lo, r["g_max"]],
            "label": r["label"], "kind": r["kind"], "source": r["source"]}


def _in_box(box: dict[str, Any], m_eV: np.ndarray, g: np.ndarray) -> np.ndarray:
    (m0, m1), (g0, g1) = box["m_eV"], box["g"]
    return (m_eV >= m0) & (m_eV <= m1) & (g >= g0) & (g <= g1)


def _meas_box(prefix: str) -> dict[str, Any]:
    m, g = MEASUREMENTS[f"{prefix}_ma"].bounds, MEASUREMENTS[f"{prefix}_gagamma"].bounds
    return {"m_eV": [float(m[0]), float(m[1])], "g": [float(g[0]), float(g[1])]}


def paper_hint_regions() -> dict[str, Any]:
    """The hint regions as the paper drew them: name → callable (m_a [GeV], g [GeV⁻¹]) → bool.

    Coma and the 3.55 keV line are the boxes of `darkseesaw.constraints.measurements` (as in
    `search.hint_regions`); the transparency region is the union of the optimistic text box and
    the catalogue's conservative contour of the same paper.
    """
    coma, line = _meas_box("alp_hint_coma"), _meas_box("alp_hint_xray_line")
    coma["m_eV"][0] = 0.0
    tr_box = text_box("transparency_optimistic_B")
    tr = curve("alp/gagamma/hint-tev-transparency")

    def region(box: dict[str, Any], with_curve: bool = False):
        def f(m, g):
            m, g = np.asarray(m, float), np.asarray(g, float)
            res = _in_box(box, ph.GeV_to_eV(m), g)
            return res | np.asarray(tr.inside(m, g), bool) if with_curve else res
        return f

    return {"coma_soft_xray": region(coma), "xray_line_3.55keV": region(line),
            "gamma_transparency": region(tr_box, with_curve=True)}


def in_paper_hint(m_a_GeV: float, g: float) -> list[str]:
    """Names of the paper-era hint regions containing the point."""
    return [k for k, f in paper_hint_regions().items() if bool(f(m_a_GeV, g))]


def eq19(alpha: float | None = None) -> dict[str, Any]:
    """Eq. 19 and the text after it, from the paper-era regions.

    The overlap of the transparency region with the Coma box gives the g window (and m_a ≤ the
    Coma mass edge); v_σ/C_aγ = α/(2π g) over it (eq. 14); ``min_D``: the smallest D of σ^D
    (eq. 16, |g| = 1) with m_a (eq. 18) inside that mass range, at the v_σ of the text.
    """
    a = ph.alpha_0 if alpha is None else alpha
    d = fig2_data()["eq19"]
    coma, tr = _meas_box("alp_hint_coma"), text_box("transparency_optimistic_B")
    g_lo, g_hi = max(coma["g"][0], tr["g"][0]), min(coma["g"][1], tr["g"][1])
    m_max = min(coma["m_eV"][1], tr["m_eV"][1])
    min_D = {}
    for v in d["v_sigma_examples"]:
        D = np.arange(5, 41)
        m = ph.GeV_to_eV(alp.alp_mass(D, v, M_Pl=M_PL, g_abs=d["g_abs"]))
        ok = m <= m_max
        if not ok.any():  # argmax of an all-False mask would silently give D = 5
            raise ValueError(f"eq. 19: no D <= {D[-1]} gives m_a <= {m_max:g} eV at "
                             f"v_sigma = {v:g} GeV")
        min_D[f"{v:.0e}"] = int(D[np.argmax(ok)])
    return {"g_window": [g_lo, g_hi], "m_a_max_eV": m_max,
            "v_over_C": [float(a / (2 * np.pi * g_hi)), float(a / (2 * np.pi * g_lo))],
            "min_D": min_D, "g_abs": d["g_abs"],
            "how": "g window = paper-era transparency (optimistic, >= 1e-12) x Coma box "
                   "(<= 1e-11); v/C = alpha/(2 pi g) (eq. 14); min_D: smallest D with "
                   "m_a(D, v_sigma, |g| = 1) <= m_a_max_eV (eq. 18)"}


def search_paper_era(res: dict[str, Any], windows: dict | None = None) -> dict[str, Any]:
    """The survivors of the model-space search with the paper's hint regions.

    Only condition 1 (and condition 4, evaluated where condition 1 holds) depend on the hint
    regions, so a survivor with the paper's regions passes every other condition with today's:
    it is one of today's survivors or near misses (``res`` of `search.search`) whose failures
    are among ``hint`` and ``heavy_lepton``. Those are re-evaluated with `paper_hint_regions`.
    """
    regions = paper_hint_regions()
    cands = res["survivors"] + [c for c in res["near_misses"]
                                if set(c["failed"]) <= {"hint", "heavy_lepton"}]
    recs = [evaluate(c["p"], c["q"], c["r"], c["s"], c["N"], windows=windows, regions=regions)
            for c in cands]
    return {"survivors": [r for r in recs if not r["failed"]], "re_evaluated": len(recs),
            "how": "today's survivors and near misses failing only hint / heavy_lepton, "
                   "re-evaluated with the paper's hint regions"}


def _versus(name: str, paper: float, today: float, printed: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"quantity": name, "paper_inputs": paper, "today": today,
                           "rel_diff": today / paper - 1.0}
    if printed is not None:
        row["printed"] = printed
        row["match_printed"] = {"paper_inputs": agrees(paper, printed),
                                "today": agrees(today, printed)}
    return row


def _names(hints: dict[str, Any], era: str) -> str:
    got = [k for k, h in hints.items() if "gamma_transparency" in h[era]]
    return " and ".join(got) if got else "no benchmark"


def paper_era_block(r: dict[str, Any], benchmarks: list[dict],
                    search_res: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``paper_era`` block: the paper's inputs and Fig. 2 data beside today's.

    ``search_res``: `search_paper_era` (the search's survivors with the paper's hint regions),
    compared with today's survivors ``r["survivors"]``.
    """
    fd = fig2_data()
    a_p, vw_p = fd["inputs"]["alpha"]["paper"], fd["inputs"]["v_w"]["paper"]
    z, m1, m2 = r["z13"], r["two_alp"]["model_I"], r["two_alp"]["model_II"]
    numbers = [
        _versus("Z13 g_agamma [1/GeV] (eq. 36)",
                float(alp.g_agamma(z["C_agamma"] / 2, z["v_sigma"], alpha=a_p)), z["g_agamma"],
                "1.5e-13"),
        _versus("two-ALP g_agamma' [1/GeV] (eqs. 43, 48)",
                float(alp.g_agamma(m1["C_agamma"][1] / 2, m1["v_sigma_prime"], alpha=a_p)),
                m1["g_agamma"][1], "2.32e-12"),
        _versus("Z13 m_nu scale [eV] (eq. 37)", float(ph.GeV_to_eV(alp.light_neutrino_scale(
            z["M_per_eta"], z["mu_per_zeta"], v_w=vw_p))), z["mnu_scale_eV"], "1.4e3"),
        _versus("model_II m_nu scale [eV] (eq. 51)", float(alp.light_neutrino_scale(
            m2["M_per_eta"], m2["mu_per_zeta_eV"], v_w=vw_p)), m2["mnu_scale_eV"], "72"),
        _versus("eq. 19 v_sigma/C upper edge [GeV]", eq19(alpha=a_p)["v_over_C"][1],
                r["eq19"]["v_over_C"][1], "1e9"),
    ]
    hints = {}
    for b in benchmarks:
        if not b["label"]:
            continue
        m_GeV = ph.eV_to_GeV(b["m_a_eV"])
        hints[b["label"]] = {"paper_era": in_paper_hint(m_GeV, b["g"]),
                             "today": in_hint(m_GeV, b["g"])[0]}
    differ = [k for k, h in hints.items() if h["paper_era"] != h["today"]]
    key = ("p", "q", "r", "s", "N", "generator", "hints")
    search_pe: dict[str, Any] | None = None
    if search_res is not None:
        surv = [{k: c.get(k) for k in key} for c in search_res["survivors"]]
        search_pe = {"survivors": surv, "re_evaluated": search_res["re_evaluated"],
                     "how": search_res["how"],
                     "same_survivors_as_today": [{k: c.get(k) for k in key[:6]} for c in surv]
                     == [{k: c.get(k) for k in key[:6]} for c in r["survivors"]]}
    worst = max(abs(n["rel_diff"]) for n in numbers)
    same_digits = all(all(n["match_printed"].values()) for n in numbers)
    return {
        "summary": (
            f"Inputs: alpha = 1/137 and v_w = 246 GeV (paper) vs alpha(0), v_w = "
            f"{ph.v_EW:.2f} GeV (today): the numbers shift by at most {100 * worst:.2f} % and "
            f"{'no printed digit changes' if same_digits else 'some printed digits change'}. "
            "Fig. 2: the paper's transparency region (Meyer-Horns-Raue 2013, optimistic fields, "
            "g >~ 1e-12 GeV^-1, transcribed from the text) contains "
            f"{_names(hints, 'paper_era')}; today's catalogue contour (the same paper's "
            f"conservative result) contains {_names(hints, 'today')}. The paper draws "
            "massive stars and PIXIE/PRISM (text boxes) and no HB or CAST; today's curves add "
            "HB (Dolan et al. 2022) and CAST 2017."
            + ("" if search_pe is None else
               " The model-space search with the paper's hint regions finds "
               + ("the same survivors as with today's." if search_pe["same_survivors_as_today"]
                  else "other survivors than with today's (paper_era.search)."))),
        "inputs": {"alpha": {"paper": a_p, "today": ph.alpha_0},
                   "v_w_GeV": {"paper": vw_p, "today": ph.v_EW}},
        "numbers": numbers,
        "max_rel_diff": worst,
        "printed_digits_unchanged": same_digits,
        "eq19": eq19(alpha=a_p),
        "fig2": {"axes": fd["axes"], "paper_legend": fd["paper_legend"],
                 "text_regions": {k: {**text_box(k), "statement": v["statement"]}
                                  for k, v in fd["text_regions"].items()},
                 "today_curves": fd["today_curves"]},
        "benchmark_hints": hints,
        "benchmark_hints_differ": differ,
        "search": search_pe,
    }
