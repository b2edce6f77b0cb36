"""Reproduction of Cline, Puel, Toma, "A little theory of everything, with heavy neutral
leptons", JHEP 05 (2020) 039 [arXiv:1909.12300] (seed ``hnl-inflaton``).

``darkseesaw reproduce hnl-inflaton --out DIR`` writes ``DIR/hnl-inflaton.json`` (today's key
numbers, a ``paper_era`` block with those recomputed from the limits the paper used, notes where
the paper's printed value differs, and the ours-vs-paper ``comparison`` rows) and
``DIR/hnl-inflaton_fig{1,2,3,4,6,7,8}.png|pdf`` plus ``hnl-inflaton_fig{2,3,4,6,7,8}_paper_era``,
and prints the table. ``--fast``: coarser grids, 72-dpi PNGs only.

=======================  ======================================================================
`inputs`                 the paper-era inputs (NuFIT 4.1 `NU_OSC`, PDG 2018 M_W, η_B, f_n) and
                         its printed numbers (``data/paper.yaml``)
`formulas`               F, F̄ and the fit (eqs. 3.11–3.15), eqs. 4.20/4.21, eq. 3.7 relations
`mixing`                 η_ν, U_ℓi, ε, δM, the EWPD and DELPHI scales of μ̄_ν (section 4)
`relic`                  ⟨σv⟩ of eqs. 3.11, 3.16, Ω_N′ of the partly asymmetric relic (Fig. 1)
`early_universe`         eqs. 3.2, 3.4, 4.19, 7.3
`lfv`                    LFV at the EWPD-allowed point (eqs. 4.20, 4.21 and the full loops)
`hnl_searches`           μ̄_min from today's HNL limits; lifetimes and BRs (Figs. 3, 4)
`direct_detection`       eq. 6.1 (with q² in the propagator), eq. 6.2, the DD limits of each era
`koto`                   the KOTO-favoured band of the singlet (recomputed) and its DD verdict
`figures`, `key_numbers` the figures (today's and paper-era), the JSON and the comparison table
`doc_numbers`            the numbers quoted in ``docs/hnl-inflaton.md`` against the JSON
=======================  ======================================================================

The model itself is `darkseesaw.models.hnl_inflaton` (sectors, today's data).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from darkseesaw.papers.common import print_comparison, write_result
from darkseesaw.papers.hnl_inflaton.figures import all_figures
from darkseesaw.papers.hnl_inflaton.inputs import NU_OSC
from darkseesaw.papers.hnl_inflaton.key_numbers import comparison, key_numbers

__all__ = ["reproduce", "NU_OSC", "PAPER_ID"]

PAPER_ID = "hnl-inflaton"


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/hnl-inflaton.json`` and the figures; print the table; return the JSON dict."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    res = key_numbers(fast=fast)
    res["figures"] = all_figures(out, fast)
    rows = comparison(res)
    res["comparison"] = [r.as_dict() for r in rows]
    write_result(out, PAPER_ID, res)
    print_comparison(PAPER_ID, rows)
    return res
