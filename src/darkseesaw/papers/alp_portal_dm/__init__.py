"""Reproduction of arXiv:2502.13002 (Thongyoi, Pongkitivanichkul, Uttayarat): ``alp-portal-dm``.

The model (`darkseesaw.models.alp_portal_dm`) is a composition of sectors; what only the paper
needs lives here:

==================  ============================================================================
`inputs`            the paper's inputs: Table 2 (NuFIT 6.0), eq. 4.1, Fig. 3 grid, 2023 Δa_μ …
                    (``data/*.yaml`` and named measurements)
`texture_fit`       closed-form light matrices (eqs. 3.5–3.6) and the neutrino fit
`inverse_map`       the exact map oscillation data → texture parameters (cross-check, seeding)
`table3`            Table 3 ranges, eqs. 4.3–4.4, closed form vs exact 7×7 Takagi
`fig3`              relic / g − 2 / γ-line bands in the m_a–C_γγ/f_a plane (line sets per era:
                    ``data/gamma_lines.yaml``)
`g2_band`           eq. 3.15 on a whole m_a grid (fixed Gauss–Legendre nodes, vectorised)
`figures`           Figs. 2 and 3
`claims`            the paper's Fig. 3 statements vs the data, comparison rows, JSON notes
`reproduce`         the JSON (today's and ``paper_era``), the comparison table, `reproduce`
`doc_numbers`       the numbers of ``docs/alp-portal-dm.md`` checked against (or written from)
                    the JSON
==================  ============================================================================

Example
-------
``darkseesaw reproduce alp-portal-dm --out out/ --fast``
"""

from __future__ import annotations

from darkseesaw.papers.alp_portal_dm.reproduce import reproduce

__all__ = ["reproduce"]
