"""The reproduction of arXiv:2502.13002: Table 3, Fig. 2, Fig. 3, the JSON and the printed table.

``darkseesaw reproduce alp-portal-dm --out DIR [--fast]`` runs `reproduce`: the neutrino fit
per texture and ordering (`texture_fit.neutrino_fit`), Table 3 and its checks (`table3`), the
Fig. 3 scans (`fig3.fig3_scan`), the paper's Fig. 3 statements confronted with the data
(`claims.statements`), the figures (`figures`), and ``DIR/alp-portal-dm.json`` (keys in
``docs/alp-portal-dm.md``) with a ``comparison`` list of paper-vs-ours rows (`claims.comparison`)
and notes whose numbers are filled from the results (`claims.notes`).

Fig. 3 scans (`ERAS`, line sets of ``data/gamma_lines.yaml``), all on one m_a grid per f_a:

* top level (as before): ``fig3`` — the paper's Δa_μ (2023) with today's line limits;
  ``g2_today`` — today's Δa_μ (2025) and lines; ``fig3_freeze_out_shortcut`` — the paper's
  relic shortcut, Δa_μ 2023, today's lines;
* ``paper_era`` — the paper's inputs and data: Δa_μ 2023 and the line searches it used that
  exist as data (Fermi-LAT 2015, H.E.S.S. 2018), with the Boltzmann relic band and with the
  shortcut.

The relic band (independent of Δa_μ and of the lines) and the g − 2 coefficients
(`g2_band.g2_coefficients`, independent of C_μμ and Δa_μ) are computed once per grid.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw.cosmo.boltzmann import omega_h2
from darkseesaw.papers.alp_portal_dm import figures
from darkseesaw.papers.alp_portal_dm.claims import comparison, notes, statements
from darkseesaw.papers.alp_portal_dm.fig3 import (
    LINES,
    fig3_scan,
    relic_band,
    relic_threshold,
    width_check,
)
from darkseesaw.papers.alp_portal_dm.g2_band import g2_coefficients
from darkseesaw.papers.alp_portal_dm.inputs import (
    DELTA_A_MU_2023,
    DELTA_A_MU_2025,
    FIG3,
    SIGMAV_THERMAL,
    TABLE3,
)
from darkseesaw.papers.alp_portal_dm.table3 import empirical_relations, ranges, takagi_check
from darkseesaw.papers.alp_portal_dm.texture_fit import neutrino_fit
from darkseesaw.papers.common import print_comparison, write_result

__all__ = ["reproduce", "run_fits", "run_fig3", "ERAS", "FAST_FIT"]

PAPER_ID = "alp-portal-dm"
_CASES = [(tex, o) for tex in "AB" for o in ("NO", "IO")]
FAST_FIT = {"n_random": 10_000, "n_per_gen": 10_000, "n_gen": 4, "n_inverse": 8_000}
"""Sizes of the neutrino fit with ``--fast`` (the default sizes of `neutrino_fit` otherwise:
about 20× more points; the Table 3 edges agree to ≲ 1° in δ, ≲ 0.03 meV in Σm and ≲ 0.07 meV
in m_β)."""

ERAS: dict[str, dict[str, Any]] = {
    "today": {"delta_a": DELTA_A_MU_2025, **LINES["today"]},
    "paper_era": {"delta_a": DELTA_A_MU_2023, **LINES["paper_era"]},
}
"""Inputs of each data era of Fig. 3: Δa_μ and the line limits / projections (label →
catalogue name, ``data/gamma_lines.yaml``)."""


def run_fits(fast: bool) -> dict[tuple[str, str], dict[str, Any]]:
    """`neutrino_fit` for textures A, B and orderings NO, IO."""
    kw = FAST_FIT if fast else {}
    return {(tex, o): neutrino_fit(tex, o, **kw) for tex, o in _CASES}


def _envelope(iv: list) -> list:
    return [iv[0][0], iv[-1][1]] if iv else []


def _kf(fa: float) -> str:
    return f"fa_{fa / 1e3:g}TeV"


def _kc(cm: float) -> str:
    return f"Cmumu_over_fa_{cm:g}"


def run_fig3(fast: bool) -> dict[str, Any]:
    """The Fig. 3 scans (see the module docstring).

    Returns
    -------
    dict
        Top level: ``fig3``, ``g2_today``, ``fig3_freeze_out_shortcut``, ``alp_width_check``
        ({f_a key: {C_μμ/f_a key: envelope [GeV] or width check}}), ``relic_threshold``,
        ``rows``, and the arrays ``scans`` (Δa_μ 2023), ``scans_today``; ``paper_era``: the
        same for the paper's data (``fig3``, ``fig3_freeze_out_shortcut``, ``relic_threshold``,
        ``alp_width_check``, ``rows``, ``scans``).
    """
    n_ma = FIG3["n_ma"]["fast" if fast else "full"]
    lo, hi = FIG3["m_a_range_GeV"]
    today, paper = ERAS["today"], ERAS["paper_era"]
    keys = ("fig3", "g2_today", "fig3_freeze_out_shortcut", "alp_width_check", "relic_threshold")
    out: dict[str, Any] = {**{k: {} for k in keys}, "rows": [], "scans": {}, "scans_today": {}}
    pe: dict[str, Any] = {k: {} for k in ("fig3", "fig3_freeze_out_shortcut", "alp_width_check",
                                          "relic_threshold")}
    pe.update(rows=[], scans={})
    out["paper_era"] = pe
    for fa in FIG3["f_a_GeV"]:
        ma = np.geomspace(lo, min(hi, 4 * math.pi * fa), n_ma)  # EFT: m_a < Λ = 4π f_a
        coeffs = g2_coefficients(ma, fa)
        kf = _kf(fa)
        for key in keys:
            out[key][kf] = {}
        for key in ("fig3", "fig3_freeze_out_shortcut", "alp_width_check", "relic_threshold"):
            pe[key][kf] = {}
        for cm in FIG3["C_mumu_over_fa_invGeV"]:
            kc = _kc(cm)
            band = relic_band(fa, cm, ma)
            band_sc = relic_band(fa, cm, ma, relic="shortcut")

            def scan(delta_a, era, b, fa=fa, cm=cm, ma=ma, coeffs=coeffs):
                return fig3_scan(fa, cm, ma, delta_a=delta_a, lines=era["limits"],
                                 projections=era["projections"], band=b, coeffs=coeffs)

            s = scan(DELTA_A_MU_2023, today, band)
            st = scan(DELTA_A_MU_2025, today, band)
            ss = scan(DELTA_A_MU_2023, today, band_sc)
            sp = scan(DELTA_A_MU_2023, paper, band)
            sps = scan(DELTA_A_MU_2023, paper, band_sc)
            out["scans"][(fa, cm)], out["scans_today"][(fa, cm)] = s, st
            pe["scans"][(fa, cm)] = sp
            out["fig3"][kf][kc] = _envelope(s["intervals"])
            out["g2_today"][kf][kc] = _envelope(st["intervals"])
            out["fig3_freeze_out_shortcut"][kf][kc] = _envelope(ss["intervals"])
            out["alp_width_check"][kf][kc] = width_check(s, fa, cm)
            out["relic_threshold"][kf][kc] = relic_threshold(s)
            pe["fig3"][kf][kc] = _envelope(sp["intervals"])
            pe["fig3_freeze_out_shortcut"][kf][kc] = _envelope(sps["intervals"])
            pe["alp_width_check"][kf][kc] = (out["alp_width_check"][kf][kc]
                                             if sp["intervals"] == s["intervals"]
                                             else width_check(sp, fa, cm))
            pe["relic_threshold"][kf][kc] = relic_threshold(sp)
            out["rows"].append({
                "f_a_TeV": fa / 1e3, "C_mumu_over_fa_invGeV": cm,
                "m_a_interval_GeV": out["fig3"][kf][kc],
                "m_a_interval_today_GeV": out["g2_today"][kf][kc],
                "m_a_interval_shortcut_GeV": out["fig3_freeze_out_shortcut"][kf][kc],
                "m_a_sub_intervals_GeV": s["intervals"],
                "m_a_sub_intervals_today_GeV": st["intervals"],
                "m_a_within_CTA_reach_GeV": s["intervals_cta_reach"],
                "m_a_grid_max_GeV": float(ma[-1])})
            pe["rows"].append({
                "f_a_TeV": fa / 1e3, "C_mumu_over_fa_invGeV": cm,
                "m_a_interval_GeV": pe["fig3"][kf][kc],
                "m_a_interval_shortcut_GeV": pe["fig3_freeze_out_shortcut"][kf][kc],
                "m_a_sub_intervals_GeV": sp["intervals"],
                "m_a_within_CTA_reach_GeV": sp["intervals_cta_reach"],
                "relic_allowed_from_m_a_GeV": pe["relic_threshold"][kf][kc]["m_a_min_GeV"],
                "m_a_grid_max_GeV": float(ma[-1])})
    return out


def _inputs(era: str) -> dict[str, Any]:
    e = ERAS[era]
    return {"delta_a_mu": list(e["delta_a"]), "gamma_lines": e["limits"],
            "projections": e["projections"]}


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Run the neutrino fit and the Fig. 3 scans; write JSON and figures into ``out``.

    ``fast``: smaller fit (`FAST_FIT`), coarser m_a grid, figures as 72-dpi PNG only.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    fits = run_fits(fast)
    t_fit = time.perf_counter() - t0

    table3 = {tex: ranges(fits[(tex, "NO")]["obs"]) for tex in "AB"}
    table3_io = {tex: ranges(fits[(tex, "IO")]["obs"]) for tex in "AB"}
    allowed = {tex: [o for o in ("NO", "IO") if len(fits[(tex, o)]["params"])] for tex in "AB"}
    random_only = {tex: [o for o in ("NO", "IO") if fits[(tex, o)]["n_accepted_random"]]
                   for tex in "AB"}
    emp = empirical_relations(fits)
    tk = {f"{tex}-{o}": takagi_check(tex, o, fits[(tex, o)]["params"], n=50 if fast else 200)
          for tex, o in _CASES}

    t1 = time.perf_counter()
    f3 = run_fig3(fast)
    st = statements(f3["paper_era"], ERAS["paper_era"], LINES)
    t_scan = time.perf_counter() - t1
    t2 = time.perf_counter()
    kw: dict[str, Any] = {"formats": ("png",), "dpi": 72} if fast else {}
    figures.fig3(f3["scans"], out, "fig3",
                 "Fig. 3 of arXiv:2502.13002 with the paper's Δa_μ = (249 ± 48)×10⁻¹¹\n"
                 "and today's γ-line limits", **kw)
    figures.fig3(f3["scans_today"], out, "fig3_today",
                 "Fig. 3 of arXiv:2502.13002 with the 2025 Δa_μ = (38 ± 63)×10⁻¹¹\n"
                 "and today's γ-line limits", **kw)
    figures.fig3(f3["paper_era"]["scans"], out, "fig3_paper_era",
                 "Fig. 3 of arXiv:2502.13002, paper era: Δa_μ = (249 ± 48)×10⁻¹¹, γ lines "
                 "Fermi-LAT 2015, H.E.S.S. 2018\n(MAGIC GC 2022 and a CTA line sensitivity to "
                 "100 TeV: not available as data)", **kw)
    figures.fig2(fits, out, fast, **kw)
    t_figs = time.perf_counter() - t2

    # freeze-out shortcut vs Boltzmann at a benchmark point
    sv0 = SIGMAV_THERMAL[0]
    om_dirac = float(omega_h2(1e5, sv0, g=2.0, self_conjugate=False))
    om_maj = float(omega_h2(1e5, sv0, g=2.0, self_conjugate=True))

    pe = {k: v for k, v in f3["paper_era"].items() if k not in ("rows", "scans")}
    pe = {"scope": "Fig. 3 only: Table 3 and the fit use the paper's Table 2 (NuFIT 6.0, "
                   "also today's oscillation data), the relic check no external data",
          "inputs": _inputs("paper_era"), **pe, "fig3_rows": f3["paper_era"]["rows"]}
    res: dict[str, Any] = {
        "model": PAPER_ID, "paper": "arXiv:2502.13002", "fast": fast,
        "table3": table3,
        "orderings_allowed": allowed,
        "n_accepted": {tex: int(sum(len(fits[(tex, o)]["params"]) for o in ("NO", "IO")))
                       for tex in "AB"},
        "n_accepted_by_ordering": {f"{tex}-{o}": int(len(fits[(tex, o)]["params"]))
                                   for tex, o in _CASES},
        "n_evaluated_by_ordering": {f"{tex}-{o}": int(fits[(tex, o)]["n_evaluated"])
                                    for tex, o in _CASES},
        "orderings_found_by_blind_random_scan": random_only,
        "n_accepted_blind_random_scan": {f"{tex}-{o}": int(fits[(tex, o)]["n_accepted_random"])
                                         for tex, o in _CASES},
        "table3_IO": table3_io,
        "table3_paper": {tex: TABLE3[tex] for tex in "AB"},
        "empirical_relations": emp,
        "takagi_check": tk,
        "fig3": f3["fig3"], "g2_today": f3["g2_today"],
        "fig3_freeze_out_shortcut": f3["fig3_freeze_out_shortcut"],
        "fig3_rows": f3["rows"],
        "alp_width_check": f3["alp_width_check"],
        "relic_threshold": f3["relic_threshold"],
        "inputs": {"fig3": _inputs("paper_era") | {"gamma_lines": ERAS["today"]["limits"],
                                                   "projections": ERAS["today"]["projections"]},
                   "g2_today": _inputs("today")},
        "paper_era": pe,
        "fig3_paper_statements": st,
        "gamma_line_convention": (
            "published limits are for self-conjugate DM, flux = 2<sigma v>J/(8 pi m^2), 95 % CL; "
            "applied to <sigma v>_gg/2 for the Dirac chi (n_chi = n_chibar = rho/2m)"),
        "relic_shortcut_check": {
            "sigmav_cm3s": sv0, "omega_h2_dirac_boltzmann": om_dirac,
            "omega_h2_majorana_boltzmann": om_maj, "m_chi_GeV": 1e5},
        "timing_s": {"neutrino_fit": t_fit, "fig3": t_scan + t_figs, "fig3_scans": t_scan,
                     "figures": t_figs},
        "units": {"fig3": "m_a intervals [GeV] ([] = none) on a log grid 1 TeV ... "
                          "min(2 PeV, 4π f_a); relic_threshold in GeV; <sigma v> in cm^3/s",
                  "table3": "delta in degrees in the window convention [124, 484); masses in meV"},
    }
    res["notes"] = notes(res)
    rows = comparison(res)
    res["comparison"] = [r.as_dict() for r in rows]
    write_result(out, PAPER_ID, res)
    print_comparison(PAPER_ID, rows)
    print(f"  orderings allowed: {allowed}   (blind random scan alone: {random_only})")
    for label, rows_ in (("2023 g-2", f3["rows"]), ("paper era", f3["paper_era"]["rows"])):
        for r_ in rows_:
            iv = r_["m_a_interval_GeV"]
            print(f"  {label:9s} f_a = {r_['f_a_TeV']:g} TeV, C_mumu/f_a = "
                  f"{r_['C_mumu_over_fa_invGeV']:g}: m_a in "
                  + (f"[{iv[0] / 1e3:.4g}, {iv[1] / 1e3:.4g}] TeV" if iv else "none"))
    print(f"  neutrino fit {t_fit:.1f} s, Fig. 3 scans {t_scan:.1f} s, figures {t_figs:.1f} s")
    return res
