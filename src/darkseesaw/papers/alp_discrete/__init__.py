r"""Reproduction of Carvajal, Dias, Nishi, Sánchez-Vega, "Axion like particles and the inverse
seesaw mechanism", JHEP 05 (2015) 069 [arXiv:1503.03502] + erratum (``alp-discrete``).

`reproduce` writes ``alp-discrete.json`` (numbers in GeV unless the key says otherwise), Figs. 1
and 2 (``alp-discrete_fig1``, ``alp-discrete_fig2``, PNG + PDF) and prints the ours-vs-paper
table. Every number is computed: charges are solved from the Lagrangian terms, Z_N charges
follow from the generators, D from the lowest invariant σ^D, and the scales come from the model
``alp-discrete`` (`darkseesaw.models.alp_discrete`) and eqs. (8), (10), (11), (14), (18), (39).

Modules: `scales` (eq. 9 powers, eq. 10 windows, Table I, the inputs in ``data/``), `tables`
(the Z13 and two-ALP blocks: Tables III–VIII, eqs. 34–52), `search` (the Z_N model-space search
of Sec. II A–B), `paper_era` (Fig. 2 as the paper drew it, eq. 19, the ``paper_era`` block),
`figures` (Figs. 1, 2), `notes` (differences from the paper), `comparison`, `doc_numbers` (the
numbers quoted in ``docs/alp-discrete.md``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from darkseesaw.models.alp_discrete import M_PL, MODEL
from darkseesaw.observables import alp
from darkseesaw.papers.common import print_comparison, write_result

from .comparison import comparison
from .figures import figure1, figure2
from .notes import notes as _notes
from .paper_era import eq19, paper_era_block, search_paper_era
from .scales import eq9_powers, inputs, scale_windows, table1
from .search import evaluate, search
from .tables import two_alp_block, z13_block

__all__ = ["reproduce", "ID"]

ID = "alp-discrete"


def _compact(rec: dict) -> dict:
    keep = ("p", "q", "r", "s", "N", "generator", "D", "C_agamma", "hints", "v_allowed",
            "failed", "reasons")
    return {k: rec[k] for k in keep if k in rec}


def _fig2_benchmarks(z13: dict, two: dict) -> list[dict]:
    """Benchmarks A, B.1 = C.1, B.2, C.2 of Fig. 2 (C.2 at the paper's D′ = 10 value, open)."""
    m1, m2 = two["model_I"], two["model_II"]
    return [
        {"label": "A", "m_a_eV": z13["m_a_eV"], "g": z13["g_agamma"], "marker": "s"},
        {"label": "B.1 = C.1", "m_a_eV": m1["m_a_eV"][0], "g": m1["g_agamma"][0], "marker": "*"},
        {"label": "B.2", "m_a_eV": m1["m_a_eV"][1], "g": m1["g_agamma"][1], "marker": "*"},
        {"label": "", "m_a_eV": m2["m_a_eV"][0], "g": m2["g_agamma"][0], "marker": "^"},
        {"label": "C.2 (paper, D'=10)", "m_a_eV": m2["m_a_eV_paper_D10"][1],
         "g": m2["g_agamma"][1], "marker": "^", "filled": False},
    ]


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Compute everything, write ``out/alp-discrete.json`` and the figures, print the table.

    ``fast`` limits the Z_N search to N ≤ 20 (paper quality: N ≤ 30). Returns the JSON dict.
    """
    out = Path(out)
    d = inputs()
    sd = d["search"]
    windows = scale_windows()
    z13 = z13_block()
    two = {"model_I": two_alp_block("model_I"), "model_II": two_alp_block("model_II")}
    N_max = sd["N_max_fast"] if fast else sd["N_max"]
    res = search(N_values=range(sd["N_min"], N_max + 1))
    survivors = [{"p": r["p"], "q": r["q"], "r": r["r"], "s": r["s"], "N": r["N"],
                  "generator": r["generator"], "hints": r["hints"],
                  "v_allowed": r.get("v_allowed")} for r in res["survivors"]]
    z11 = _compact(evaluate(**d["z11_runner_up"], windows=windows))
    ex = d["E_lifetime_example"]
    tau = float(alp.E_lifetime(ex["m_E"], ex["v_sigma"], k=ex["k"], r=1, m_h=d["m_h"],
                               M_Pl=M_PL))
    notes = _notes(z13, two, z11)
    result: dict[str, Any] = {
        "model": ID,
        "paper": MODEL.paper,
        "units": "GeV unless the key says otherwise",
        "scale_windows": {k: windows[k] for k in ("2,3", "3,5") if k in windows},
        "scale_windows_all": windows,
        "g_over_C_window_2_3": [float(alp.g_agamma(0.5, windows["2,3"][1])),
                                float(alp.g_agamma(0.5, windows["2,3"][0]))],
        "table1": table1(),
        "z13": z13,
        "two_alp": two,
        "survivors": survivors,
        "search": {"counts": res["counts"], "z11": z11,
                   "near_misses": [_compact(r) for r in res["near_misses"]],
                   "N_range": [sd["N_min"], N_max]},
        "E_lifetime_s": tau,
        "E_lifetime_inputs": {**ex, "m_h": d["m_h"]},
        "notes": notes,
    }
    result["benchmarks_fig2"] = _fig2_benchmarks(z13, two)
    result["eq9_powers"] = eq9_powers()
    result["eq19"] = eq19()
    result["paper_era"] = paper_era_block(result, result["benchmarks_fig2"],
                                          search_paper_era(res, windows))
    # figure2 appends a note for a catalogue curve it cannot draw
    result["figures"] = (figure1(out, windows, M_PL)
                         + figure2(out, result["benchmarks_fig2"], notes))
    rows = comparison(result)
    result["comparison"] = [c.as_dict() for c in rows]
    write_result(out, ID, result)
    print_comparison(ID, rows)
    return result
