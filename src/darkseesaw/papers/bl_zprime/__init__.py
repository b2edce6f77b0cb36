"""Reproduction of De Romeri, Fernandez-Martinez, Gehrlein, Machado, Niro, JHEP 10 (2017) 169
[arXiv:1707.08606] (``darkseesaw reproduce bl-zprime``): its numbers and Fig. 2.

Writes ``out/bl-zprime.json`` (keys ``anomaly_free``, ``zprime_BR``, ``sigma_dd_pb``,
``v1_min_GeV``, ``delta_neff_typical``, ``delta_neff_range``, ``fig2`` …, cross-checks, ``notes``
on every difference from the paper and the ours-vs-paper ``comparison``), Fig. 2 as
``fig2_bl_zprime`` (limits of the paper's time) and ``fig2_bl_zprime_current`` (LZ 2024 and
XENONnT 2025), and ``relic_boltzmann_vs_eq36`` (PNG + PDF).

Modules: `content` (Table 1, anomalies, eq. 2.6), `zprime_decays` (eq. 3.4, tree level),
`relic` (Boltzmann Ωh², eq. 3.6), `dark_radiation` (eqs. 3.9–3.11), `collider` (ATLAS recast,
PDF validation), `fig2`, `scalars` (eqs. 2.10–2.16), `table` (the comparison), `formulas`
(eqs. 3.6 and 3.9 as printed); inputs and printed numbers in ``data/*.yaml``. The model itself
is `darkseesaw.models.bl_zprime`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw.models import bl_zprime as bl
from darkseesaw.observables.zprime import sigma_si_nucleon_pb, v1_min_from_sigma
from darkseesaw.papers.bl_zprime import content, table
from darkseesaw.papers.bl_zprime.collider import collider_validation
from darkseesaw.papers.bl_zprime.dark_radiation import delta_neff_omega, delta_neff_scan
from darkseesaw.papers.bl_zprime.fig2 import GRID, PANELS, fig2_panel, plot_fig2
from darkseesaw.papers.bl_zprime.relic import plot_relic_comparison, relic_vs_freeze_out
from darkseesaw.papers.bl_zprime.scalars import scalar_sector_benchmark
from darkseesaw.papers.bl_zprime.zprime_decays import zprime_brs
from darkseesaw.papers.common import load_data, print_comparison, write_result

__all__ = ["reproduce", "ID"]

ID = "bl-zprime"


def _direct_detection(res: dict[str, Any], notes: list[str]) -> None:
    d = load_data(__package__, "paper.yaml")["direct_detection"]
    q = content.Q_CHI
    res["sigma_dd_pb"] = float(sigma_si_nucleon_pb(d["m_chi_GeV"], d["M_Zp_GeV"], d["g_BL"], q))
    res["v1_min_GeV"] = float(v1_min_from_sigma(d["sigma_bound_pb"], q_chi=q))
    res["v1_min_GeV_mchi_1TeV"] = float(v1_min_from_sigma(d["sigma_bound_pb"],
                                                          m_chi=d["m_chi_bound_GeV"], q_chi=q))
    res["v1_at_dd_benchmark_GeV"] = d["M_Zp_GeV"] / d["g_BL"]
    notes.append("v1_min_GeV: eq. 3.8 with mu -> m_N gives the coefficient 2.21e9 pb GeV^4 "
                 "(paper: 2.2e9).")


def _dark_radiation(res: dict[str, Any], notes: list[str]) -> None:
    res.update(delta_neff_scan())
    T, TT = res["T_omega_decoupling_typical_GeV"], res["T_omega_decoupling_range_GeV"]
    dp = res["delta_neff_range"]
    notes.append(
        "delta_neff: eq. 3.9 as printed, (11/(2 g*))^(4/3), omits the neutrino entropy; the "
        "correct (43/4/g*s)^(4/3) is larger by (43/22)^(4/3) = 2.44 (keys *_with_neutrino_entropy)."
        f" T_dec from eq. 3.10 with the lattice g*(T) is {T:.2f} GeV at (10 TeV, 0.1) "
        "(paper: ~4 GeV). Over the full rectangle M_Z' = 1-50 TeV, g = 0.01-0.5 the decoupling "
        f"temperature spans {TT[0]:.3g}-{TT[1]:.3g} GeV, so eq. 3.9 ranges over "
        f"[{dp[0]:.3f}, {dp[1]:.3f}], wider than the paper's [0.02, 0.04]: large g with "
        "light Z' decouples omega below the QCD transition; the paper's range corresponds to "
        "T_dec above ~1 GeV (see delta_neff_range_fig2_allowed).")


def _fig2(res: dict[str, Any], notes: list[str], out: Path, fast: bool) -> None:
    nM, ng = GRID["fast" if fast else "full"]
    m_N = None  # N_R-N'_R pairs heavier than m_chi: not an annihilation channel (default)
    panels = [fig2_panel(mc, nM, ng, m_N) for mc in PANELS]
    fig2 = {}
    allowed_dn = []
    for pan in panels:
        key = f"mchi_{pan['m_chi_GeV'] / 1e3:g}TeV"
        fig2[key] = {k: v for k, v in pan.items() if not k.startswith("_")}
        a = pan["_masks"]["allowed"]
        if a.any():
            allowed_dn.append(delta_neff_omega(pan["_masks"]["M"][a], pan["_masks"]["g"][a])[0])
    res["fig2"] = fig2
    if allowed_dn:
        cat = np.concatenate([np.atleast_1d(x) for x in allowed_dn])
        res["delta_neff_range_fig2_allowed"] = [float(cat.min()), float(cat.max())]
    res["fig2_structure"] = {
        k: {"MZp_over_mchi_range": v["allowed"]["MZp_over_mchi_range"],
            "n_allowed": v["allowed"]["n_points"], "area_TeV": v["allowed"]["area_TeV"]}
        for k, v in fig2.items()}
    notes.append("fig2: relic density from the Boltzmann equation (Gondolo-Gelmini average of "
                 "the exact sigma(s) with the Breit-Wigner Z' propagator, channels SM fermions, "
                 "omega and Z'Z'; N_R-N'_R pairs heavier than chi). The XENON1T-2ty and LZ-1000d "
                 "projections of the paper are not shipped; the actual XENON1T (2018) and "
                 "LZ (2022) limits are drawn in their place; fig2_bl_zprime_current uses LZ 2024 "
                 "and XENONnT 2025 as exclusions. LHC: ATLAS 139 fb^-1 (2019), newer than the "
                 "36 fb^-1 bound of the paper, so the LHC region extends to higher M_Z'; no LHC "
                 "bound is applied above 6 TeV (end of the ATLAS table). Direct-detection limits "
                 "above their tabulated mass range are extrapolated proportional to m_chi.")
    res["figures"] = plot_fig2(panels, out, current=False) + plot_fig2(panels, out, current=True)


def _relic(res: dict[str, Any], notes: list[str], out: Path, fast: bool) -> None:
    n = load_data(__package__, "paper.yaml")["relic_comparison"]["n"]["fast" if fast else "full"]
    res["relic_boltzmann_vs_eq36"] = relic_vs_freeze_out(n)
    res["figures"] += plot_relic_comparison(res["relic_boltzmann_vs_eq36"], out)
    rr = res["relic_boltzmann_vs_eq36"]["ratio_range"]
    notes.append(f"relic: the freeze-out estimate eq. 3.6 (s-wave <sigma v> of eqs. 3.3+3.5, "
                 f"x_f from the freeze-out iteration) over the Boltzmann result ranges over "
                 f"[{rr[0]:.2f}, {rr[1]:.2f}] across the resonance at m_chi = 5 TeV, g = 0.3: the "
                 "estimate ignores the thermal broadening of the resonance and the annihilation "
                 "after freeze-out.")


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/bl-zprime.json`` and the figures, print the table; return the JSON dict."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    res: dict[str, Any] = {"model": ID, "paper": bl.MODEL.paper, "fast": fast}
    an = content.anomalies(True)
    res["anomaly_free"] = all(v == "0" for v in an.values())
    res["anomalies"] = an
    res["anomalies_without_dark_sector"] = {k: v for k, v in content.anomalies(False).items()
                                            if v != "0"}
    res["zprime_BR"] = zprime_brs()
    notes.append("zprime_BR: the paper's 70/12/18 % (invisible/quarks/leptons) matches the case "
                 f"'{res['zprime_BR']['paper_matches']}' (the N_R-N'_R pairs taken light); "
                 "with only SM + omega open it is 65.5/13.8/20.7 %. With chi also open the "
                 "invisible BR is 86.8 %, the paper's footnote 4 (87 %).")
    _direct_detection(res, notes)
    _dark_radiation(res, notes)
    _fig2(res, notes, out, fast)
    _relic(res, notes, out, fast)
    res["collider_validation"] = cv = collider_validation()
    notes.append(
        "collider: the ATLAS 139 fb^-1 table (HEPData header 'pb') is in fb: with it the SSM Z' "
        f"(LO, shipped MSTW 2008 NLO grid) is excluded up to {cv['ssm_mass_limit_LO_GeV']:.0f} GeV "
        f"({cv['ssm_mass_limit_K1.2_GeV']:.0f} GeV with K = 1.2), ATLAS quotes 5100 GeV; read as "
        "pb the limit would be 1000 times weaker. The same grid gives LO sigma(pp -> Z -> ll) = "
        f"{cv['sigma_Z_ll_LO_nb']:.3f} nb against the measured 1.981 nb (NNLO/LO ~ 1.2).")
    res["scalar_sector_benchmark"] = scalar_sector_benchmark("dd_text")
    res["notes"] = notes
    rows = table.comparison(res)
    res["comparison"] = [r.as_dict() for r in rows]
    write_result(out, ID, res)
    print_comparison(ID, rows)
    return res
