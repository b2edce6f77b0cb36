"""Reproduction of De Romeri, Fernandez-Martinez, Gehrlein, Machado, Niro, JHEP 10 (2017) 169
[arXiv:1707.08606] (``darkseesaw reproduce bl-zprime``): its numbers and Fig. 2.

Writes ``out/bl-zprime.json`` (keys ``anomaly_free``, ``zprime_BR``, ``sigma_dd_pb``,
``v1_min_GeV``, ``delta_neff_typical``, ``delta_neff_range``, ``fig2`` …, ``n_pairs_consistency``,
cross-checks, ``notes`` on every difference from the paper, the ``paper_era`` block — Fig. 2 with
the paper's limits — and the ours-vs-paper ``comparison``), Fig. 2 as ``bl-zprime_fig2`` (today's
limits) and ``bl-zprime_fig2_paper_era`` (the paper's), and ``bl-zprime_relic_vs_eq36``
(PNG + PDF).

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
from darkseesaw.observables.zprime import sigma_si_nucleon_pb, total_width, v1_min_from_sigma
from darkseesaw.papers.bl_zprime import content, table
from darkseesaw.papers.bl_zprime.collider import collider_validation
from darkseesaw.papers.bl_zprime.dark_radiation import delta_neff_omega, delta_neff_scan
from darkseesaw.papers.bl_zprime.fig2 import ERAS, GRID, PANELS, era_summary, fig2_panel, plot_fig2
from darkseesaw.papers.bl_zprime.relic import (
    n_pairs_consistency,
    plot_relic_comparison,
    relic_density,
    relic_vs_freeze_out,
)
from darkseesaw.papers.bl_zprime.scalars import scalar_sector_benchmark
from darkseesaw.papers.bl_zprime.zprime_decays import zprime_brs, zprime_channels
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
    res["eq38_coefficient_pb_GeV4"] = coef = res["v1_min_GeV"] ** 4 * d["sigma_bound_pb"]
    notes.append(f"v1_min_GeV: eq. 3.8 with mu -> m_N gives the coefficient {coef:.3g} pb GeV^4 "
                 f"(paper: {d['paper_eq38_coefficient_pb_GeV4']:.2g}).")


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
    m_N = None  # N_R-N'_R pairs decoupled: in neither Gamma_Z' nor the annihilation (default)
    panels = [fig2_panel(mc, nM, ng, m_N) for mc in PANELS]
    fig2, paper_fig2 = {}, {}
    dn = {"today": [], "paper_era": []}
    for pan in panels:
        key = f"mchi_{pan['m_chi_GeV'] / 1e3:g}TeV"
        fig2[key] = {k: v for k, v in pan.items() if not k.startswith("_")}
        paper_fig2[key] = pan["_paper_era"]
        mk = pan["_masks"]
        for era in dn:
            a = mk["eras"][era]["allowed"]
            if a.any():
                dn[era].append(np.atleast_1d(delta_neff_omega(mk["M"][a], mk["g"][a])[0]))
    res["fig2"] = fig2
    res["fig2_structure"] = era_summary(fig2)  # "allowed": the paper's DD limit, as before
    res["fig2_structure_current"] = era_summary(
        {k: {"allowed": v["allowed_current_limits"]} for k, v in fig2.items()})
    pe = res.setdefault("paper_era", {})
    pe["inputs"] = {era: dict(cfg) for era, cfg in ERAS.items()}
    pe["fig2"] = paper_fig2
    pe["fig2_structure"] = era_summary(paper_fig2)
    for era, vals in dn.items():
        if vals:
            cat = np.concatenate(vals)
            rng = [float(cat.min()), float(cat.max())]
            if era == "today":
                res["delta_neff_range_fig2_allowed_current"] = rng
            else:
                res["delta_neff_range_fig2_allowed"] = pe["delta_neff_range_fig2_allowed"] = rng
    notes.append("fig2: relic density from the Boltzmann equation (Gondolo-Gelmini average of "
                 "the exact sigma(s) with the Breit-Wigner Z' propagator; channels SM fermions, "
                 "omega and Z'Z'; the N_R-N'_R pairs decoupled, i.e. in neither the Z' width nor "
                 "the annihilation: see n_pairs_consistency). LHC in both eras: ATLAS 139 fb^-1 "
                 "with the LO fiducial acceptance, the limit interpolated in Gamma/M between the "
                 "published width curves (no limit above Gamma/M = 10 % nor above 6 TeV). "
                 "fig2[*].allowed and fig2_structure keep the paper's direct-detection limit "
                 "(LUX 2016 excluded, as before; = paper_era.fig2); fig2[*].allowed_current_limits "
                 "and fig2_structure_current exclude with LZ 2024 / XENONnT 2025 (figure "
                 "bl-zprime_fig2). Paper era (figure bl-zprime_fig2_paper_era): the LZ 1000 d "
                 "projection is that of arXiv:1802.06039 (the paper drew an earlier version); its "
                 "XENON1T 2 t.y projection is not shipped (the XENON1T 2018 result is drawn in its "
                 "place) and neither is its ATLAS 36.1 fb^-1 limit (the 139 fb^-1 region stands "
                 "in, hatched). Direct-detection limits above their "
                 "tabulated mass range are extrapolated proportional to m_chi.")
    res["figures"] = (plot_fig2(panels, out, "today", fast)
                      + plot_fig2(panels, out, "paper_era", fast))


def _n_pairs(res: dict[str, Any], notes: list[str]) -> None:
    res["n_pairs_consistency"] = c = n_pairs_consistency()
    notes.append(
        "n_pairs_consistency: the Z' width and the annihilation now use one list of final "
        "states (zprime_decays.final_states). Before, m_N = None put the three N_R-N'_R pairs "
        "massless into Gamma_Z' but not into chi chi -> f f: on the pole (m_chi = "
        f"{c['m_chi_GeV'] / 1e3:g} TeV, M_Z' = {c['MZp_GeV'] / 1e3:g} TeV, g = {c['gBL']:g}) "
        f"Gamma_Z' was {100 * (c['Gamma_ratio_inconsistent_over_decoupled'] - 1):.1f} % and "
        f"Omega h^2 {100 * (c['omega_ratio_inconsistent_over_decoupled'] - 1):.0f} % too large"
        + "".join(f" ({100 * (a['Gamma_ratio'] - 1):.1f} % and {100 * (a['omega_ratio'] - 1):.0f} %"
                  f" at m_chi = {a['m_chi_GeV'] / 1e3:g} TeV, M_Z' = {a['MZp_GeV'] / 1e3:g} TeV)"
                  for a in c["also"]) + ". "
        f"With the pairs at m_N = {c['m_N_GeV']:g} GeV in both, Omega h^2 is "
        f"{c['omega_ratio_light_over_decoupled']:.3f} times the decoupled value.")


def _model_vs_reproduction() -> dict[str, Any]:
    """The model's sectors against the reproduction's code path (tree-level eq. 3.4 widths,
    ``m_N`` = the model's M_N) at the model's benchmarks ``dd_text`` and ``resonance_5TeV``:
    Γ_Z′ [GeV], BR(ee), BR(hadrons) (quarks incl. top) and Ωh²."""
    out: dict[str, Any] = {}
    for name in ("dd_text", "resonance_5TeV"):
        v = bl.MODEL.benchmarks[name]
        p = bl.MODEL.parameters(**v)
        pt = bl.MODEL.point(p)  # the sectors' observables (not the model's scalar sector)
        o = {k: val for sec in bl.MODEL.sectors for k, val in sec.observables(pt).items()}
        M, g, m = v["M_Zp"], v["g_BL"], v["m_chi"]
        ch = zprime_channels(M, g, m, p.M_N)
        G = float(total_width(ch))
        had = sum(float(w) for w, cat in ch.values() if cat == "quarks") / G
        om = float(relic_density(m, M, g, m_N=p.M_N)[0])
        out[name] = {"M_Zp_GeV": M, "g_BL": g, "m_chi_GeV": m, "M_N_GeV": p.M_N,
                     "Gamma_Zp_GeV": {"model": o["Gamma_Zp"], "reproduction": G},
                     "BR_ee": {"model": o["BR_Zp_ee"], "reproduction": float(ch["e"][0]) / G},
                     "BR_hadrons": {"model": o["BR_Zp_hadrons"], "reproduction": had},
                     "omega_h2": {"model": o["omega_dm_h2"], "reproduction": om},
                     "omega_ratio_model_over_reproduction": o["omega_dm_h2"] / om}
    return out


def _relic(res: dict[str, Any], notes: list[str], out: Path, fast: bool) -> None:
    n = load_data(__package__, "paper.yaml")["relic_comparison"]["n"]["fast" if fast else "full"]
    res["relic_boltzmann_vs_eq36"] = relic_vs_freeze_out(n)
    res["figures"] += plot_relic_comparison(res["relic_boltzmann_vs_eq36"], out, fast)
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
    res["zprime_BR"] = br = zprime_brs()

    def pct(case: str) -> str:
        return "/".join(f"{100 * br[case][k]:.1f}" for k in ("invisible", "quarks", "leptons"))

    notes.append("zprime_BR: the paper's 70/12/18 % (invisible/quarks/leptons) matches the case "
                 f"'{br['paper_matches']}' ({pct(br['paper_matches'])} %: the N_R-N'_R pairs "
                 f"taken light); with only SM + omega open it is {pct('sm_omega')} %. With chi "
                 f"also open the invisible BR is {100 * br['sm_omega_N_chi']['invisible']:.1f} %, "
                 "the paper's footnote 4 (87 %).")
    _direct_detection(res, notes)
    _dark_radiation(res, notes)
    _n_pairs(res, notes)
    _fig2(res, notes, out, fast)
    _relic(res, notes, out, fast)
    res["collider_validation"] = cv = collider_validation()
    acc = cv["acceptance_at_1_3_5_TeV"]
    notes.append(
        "collider: the ATLAS 139 fb^-1 table (HEPData header 'pb') is in fb: with it and the LO "
        f"fiducial acceptance (A = {acc[0]:.3f}, {acc[1]:.3f}, {acc[2]:.3f} at 1, 3, 5 TeV) the "
        f"SSM Z' (LO, shipped MSTW 2008 NLO grid) is excluded up to "
        f"{cv['ssm_mass_limit_LO_GeV']:.0f} GeV ({cv['ssm_mass_limit_K1.2_GeV']:.0f} GeV with "
        f"K = 1.2; {cv['ssm_mass_limit_K1.2_no_acceptance_GeV']:.0f} GeV without the "
        f"acceptance), ATLAS quotes {cv['atlas_ssm_mass_limit_GeV']:.0f} GeV; read as pb the "
        "limit would be 1000 times weaker. The same grid gives LO sigma(pp -> Z -> ll) = "
        f"{cv['sigma_Z_ll_LO_nb']:.3f} nb against the measured {cv['atlas_sigma_Z_ll_nb']:.3f} nb "
        f"(NNLO/LO ~ {cv['atlas_sigma_Z_ll_nb'] / cv['sigma_Z_ll_LO_nb']:.2f}).")
    res["scalar_sector_benchmark"] = scalar_sector_benchmark("dd_text")
    res["model_vs_reproduction"] = _model_vs_reproduction()
    res["notes"] = notes
    rows = table.comparison(res)
    res["comparison"] = [r.as_dict() for r in rows]
    write_result(out, ID, res)
    print_comparison(ID, rows)
    return res
