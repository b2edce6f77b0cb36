"""The paper's claims against the reproduction: Fig. 3 statements, comparison rows, JSON notes.

* `statements` — the Fig. 3 statements of §4 and §5 ("at f_a = 10 TeV only C_μμ/f_a = −1 GeV⁻¹
  works", "this scenario would be probed by the upcoming CTA", "DM can be a thermal relic for
  m_a ≳ 80 TeV") confronted with the paper-era scans, with the line limit that each would need;
* `comparison` — the paper-vs-ours rows of the printed table and the JSON;
* `notes` — the JSON notes, every computed number filled from the results (no literals that
  could go stale).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from darkseesaw.constraints import curve
from darkseesaw.papers.alp_portal_dm.fig3 import (
    line_needed_to_exclude,
    relic_threshold,
    sigmav_line_half,
)
from darkseesaw.papers.alp_portal_dm.inputs import FIG3, TABLE3
from darkseesaw.papers.common import Comparison

__all__ = ["statements", "comparison", "notes", "FIG3_RELIC_MIN_PAPER_GeV", "PAPER_FIG3"]

FIG3_RELIC_MIN_PAPER_GeV: float = 8.0e4
"""§5: "DM can be a thermal relic for m_a ≳ 80 TeV" (the paper's number)."""

PAPER_FIG3: dict[str, list[float]] = {"fa_10TeV": [-1.0], "fa_100TeV": [-0.01, -0.1, -1.0]}
"""§4 and §5: the C_μμ/f_a [GeV⁻¹] that reproduce Ωh² and Δa_μ within the line limits."""

_MAGIC_MISSING = "MAGIC GC 2022 line limit (to 100 TeV) not available as data"


def _kf(fa: float) -> str:
    return f"fa_{fa / 1e3:g}TeV"


def _kc(cm: float) -> str:
    return f"Cmumu_over_fa_{cm:g}"


def statements(pe: Mapping[str, Any], era: Mapping[str, Any],
               lines: Mapping[str, Any]) -> dict[str, Any]:
    """The paper's Fig. 3 statements confronted with the paper-era scans.

    Parameters
    ----------
    pe : mapping
        The paper-era part of `reproduce.run_fig3` (``fig3``, ``relic_threshold``, ``scans``,
        ``rows``).
    era : mapping
        Its inputs (``limits``, ``projections``: label → catalogue name).
    lines : mapping
        ``data/gamma_lines.yaml`` (``not_available``, ``magic_gc_2022_quoted``).

    Returns
    -------
    dict
        ``c_mumu_over_fa_that_work`` per f_a; ``relic_allowed_from_m_a_GeV`` per f_a (largest over
        C_μμ/f_a of the m_a from which the relic band clears the line limits), and at
        f_a = 10 TeV the same if the limits are compared with ⟨σv⟩_γγ itself
        (``…_self_conjugate_reading``);
        ``exclude_Cmumu_-0.1_at_fa_10TeV`` and ``exclude_relic_below_paper_threshold``: the
        window, m_χ, the limit needed to exclude it (on ⟨σv⟩_γγ/2 of the Dirac χ, and the same
        ×2 if a published limit is compared with ⟨σv⟩_γγ itself) and the published limits
        there [cm³/s]; ``magic_gc_2022_quoted_vs_relic`` (the two values of the MAGIC
        abstract against ⟨σv⟩_γγ/2 on the relic band); ``cta_reach``; ``fermi_lat_2015_reach``;
        ``not_available``.
    """
    f10 = FIG3["f_a_GeV"][0]
    k10 = _kf(f10)
    ratio = FIG3["m_a_over_m_chi"]
    works = {kf: [float(k.split("_")[-1]) for k, v in d.items() if v]
             for kf, d in pe["fig3"].items()}
    thr = {kf: max((t["m_a_min_GeV"] or math.inf) for t in d.values())
           for kf, d in pe["relic_threshold"].items()}
    limits = era["limits"]
    out: dict[str, Any] = {"c_mumu_over_fa_that_work": works, "relic_allowed_from_m_a_GeV": thr,
                           "paper": {"c_mumu_over_fa_that_work": PAPER_FIG3,
                                     "relic_allowed_from_m_a_GeV": FIG3_RELIC_MIN_PAPER_GeV}}

    def needed(scan: Mapping[str, Any], window: list[float]) -> dict[str, Any]:
        d = line_needed_to_exclude(scan, f10, window, limits)
        d["needed_sigmav_self_conjugate_reading_cm3s"] = 2 * d["needed_sigmav_cm3s"]
        return {"m_a_window_GeV": window, **d}

    s01 = pe["scans"][(f10, -0.1)]
    w01 = pe["fig3"][k10][_kc(-0.1)]
    if w01:
        out["exclude_Cmumu_-0.1_at_fa_10TeV"] = needed(s01, w01)
    if thr[k10] < FIG3_RELIC_MIN_PAPER_GeV:
        out["exclude_relic_below_paper_threshold"] = needed(
            s01, [thr[k10], FIG3_RELIC_MIN_PAPER_GeV])
    # the same with the published limits compared with <σv>_γγ itself (a self-conjugate
    # reading, no Dirac factor ½): C_γγ,max scales by 1/√2
    sc = {}
    for cm in FIG3["C_mumu_over_fa_invGeV"]:
        s = pe["scans"][(f10, cm)]
        ok = np.isfinite(s["relic_lo"]) & (s["relic_lo"] <= s["line_max"] / math.sqrt(2.0))
        sc[_kc(cm)] = relic_threshold({"m_a": s["m_a"], "relic_allowed_by_lines": ok})
    out["relic_allowed_from_m_a_GeV_self_conjugate_reading"] = {
        k10: max((t["m_a_min_GeV"] or math.inf) for t in sc.values())}
    s1 = pe["scans"][(f10, -1.0)]
    q = []
    for m_chi, lim in lines["magic_gc_2022_quoted"]["points"]:
        c_lo = float(np.exp(np.interp(math.log(m_chi), np.log(s1["m_chi"]),
                                      np.log(s1["relic_lo"] * f10))))
        sv = float(sigmav_line_half(m_chi, ratio * m_chi, f10, c_lo))
        q.append({"m_chi_GeV": m_chi, "magic_quoted_cm3s": lim, "relic_sigmav_half_cm3s": sv,
                  "relic_excluded": bool(lim < sv)})
    out["magic_gc_2022_quoted_vs_relic"] = q
    cta_name = next(iter(era["projections"].values()))
    w1 = pe["fig3"][k10][_kc(-1.0)]
    out["cta_reach"] = {
        "curve": cta_name, "m_chi_max_GeV": float(np.max(curve(cta_name).x)),
        "Cmumu_-1_window_m_chi_GeV": [w1[0] / ratio, w1[1] / ratio] if w1 else [],
        "Cmumu_-1_within_reach": any(r["m_a_within_CTA_reach_GeV"] for r in pe["rows"]
                                     if r["f_a_TeV"] == f10 / 1e3
                                     and r["C_mumu_over_fa_invGeV"] == -1.0),
        "fa_100TeV_within_reach": any(r["m_a_within_CTA_reach_GeV"] for r in pe["rows"]
                                      if r["f_a_TeV"] == 100.0)}
    fermi = [n for n in limits.values() if "fermi" in n or "lat-2015" in n]
    if fermi:
        m_max = float(np.max(curve(fermi[0]).x))
        out["fermi_lat_2015_reach"] = {
            "curve": fermi[0], "m_chi_max_GeV": m_max, "m_a_max_GeV": ratio * m_max,
            "m_a_grid_min_GeV": float(FIG3["m_a_range_GeV"][0]),
            "affects_fig3": bool(ratio * m_max >= FIG3["m_a_range_GeV"][0])}
    out["not_available"] = dict(lines["not_available"])
    return out


_TABLE3_STATUS = {
    "delta_cp_deg": "delta fills the 3-sigma window (benchmark A-NO-delta339, inverse map)",
    "sum_m_meV": "paper's sampling: the full range allowed by Table 2 with m1 = 0",
    "m_beta_meV": "paper's sampling: the full range allowed by Table 2 with m1 = 0",
    "m_ee_meV": "eqs. 4.3/4.4 on delta <= 290 deg only",
}


def _tev(v: float) -> str:
    return f"{v / 1e3:.3g}"


def comparison(res: Mapping[str, Any]) -> list[Comparison]:
    """Paper-vs-ours rows of Table 3, the orderings, Fig. 3's statements and the relic check."""
    rows = []
    for tex in "AB":
        ours = res["table3"][tex] or {}
        for k, note in _TABLE3_STATUS.items():
            paper = TABLE3[tex][k]
            ok = k in ours and abs(ours[k][0] - paper[0]) <= 0.01 * abs(paper[0]) and \
                abs(ours[k][1] - paper[1]) <= 0.01 * abs(paper[1])
            rows.append(Comparison(f"Table 3 {tex} {k}", paper, ours.get(k),
                                   "match" if ok else "paper error", "" if ok else note))
    for tex in "AB":
        same = TABLE3["orderings"][tex] == res["orderings_allowed"][tex]
        rows.append(Comparison(f"orderings allowed, texture {tex}", TABLE3["orderings"][tex],
                               res["orderings_allowed"][tex], "match" if same else "paper error",
                               "" if same else "IO points verified by the exact 7x7 spectrum "
                               "(benchmarks A-IO, B-IO)"))
    for kf, paper in PAPER_FIG3.items():   # as before: the paper's Δa_μ, today's lines
        ours = [float(k.split("_")[-1]) for k, v in res["fig3"][kf].items() if v]
        same = sorted(ours) == sorted(paper)
        rows.append(Comparison(f"Fig. 3 {kf}: C_mumu/f_a that work", paper, ours,
                               "match" if same else "updated data",
                               "" if same else "the MAGIC GC line search (to 100 TeV) is not "
                               "shipped"))
    st = res["fig3_paper_statements"]
    e01 = st.get("exclude_Cmumu_-0.1_at_fa_10TeV")
    for kf, paper in PAPER_FIG3.items():   # paper era: the paper's Δa_μ and line data
        ours = st["c_mumu_over_fa_that_work"][kf]
        same = sorted(ours) == sorted(paper)
        note = ""
        if not same and e01:
            hess = e01["limits_cm3s"].get("H.E.S.S. 2018 (GC)")
            note = (f"{_MAGIC_MISSING}; excluding -0.1 at m_chi = "
                    f"{_tev(e01['m_chi_GeV'][0])}-{_tev(e01['m_chi_GeV'][1])} TeV needs a limit "
                    f"< {e01['needed_sigmav_cm3s']:.2g} cm3/s on <sigma v>_gg/2 (Dirac; "
                    f"{e01['needed_sigmav_self_conjugate_reading_cm3s']:.2g} on <sigma v>_gg)"
                    + (f", H.E.S.S. 2018 there: {hess[0]:.2g}-{hess[1]:.2g}" if hess else ""))
        rows.append(Comparison(f"Fig. 3 {kf}, paper era: C_mumu/f_a that work", paper, ours,
                               "match" if same else "open", note))
    thr = st["relic_allowed_from_m_a_GeV"]["fa_10TeV"]
    ok = abs(thr / FIG3_RELIC_MIN_PAPER_GeV - 1) < 0.1
    er = st.get("exclude_relic_below_paper_threshold")
    rows.append(Comparison(
        "thermal relic clears the line limits for m_a >~ [TeV], paper era",
        FIG3_RELIC_MIN_PAPER_GeV / 1e3, thr / 1e3, "match" if ok else "open",
        "" if ok or not er else
        f"{_MAGIC_MISSING}; with H.E.S.S. 2018 the relic band is excluded only below "
        f"{_tev(thr)} TeV ("
        f"{_tev(st['relic_allowed_from_m_a_GeV_self_conjugate_reading']['fa_10TeV'])} TeV "
        "without the Dirac factor 1/2); excluding it up to 80 TeV needs a limit < "
        f"{er['needed_sigmav_cm3s']:.2g} cm3/s on <sigma v>_gg/2"))
    w1 = res["paper_era"]["fig3"]["fa_10TeV"]["Cmumu_over_fa_-1"]
    q100 = [q for q in st["magic_gc_2022_quoted_vs_relic"] if q["m_chi_GeV"] == 1e5]
    ok = bool(w1) and 0.8e5 < w1[0] <= w1[1] < 1.3e5 and not any(q["relic_excluded"]
                                                                 for q in q100)
    rows.append(Comparison("Fig. 3 fa_10TeV, C_mumu/f_a = -1: m_a window [TeV], paper era",
                           "~100", [v / 1e3 for v in w1], "match" if ok else "open",
                           "".join(f"MAGIC's quoted {q['magic_quoted_cm3s']:.0e} cm3/s at "
                                   f"m_chi = 100 TeV is above the relic's <sigma v>_gg/2 = "
                                   f"{q['relic_sigmav_half_cm3s']:.2g}: not excluded"
                                   for q in q100)))
    cr = st["cta_reach"]
    rows.append(Comparison(
        "CTA probes C_mumu/f_a = -1 at f_a = 10 TeV", True, cr["Cmumu_-1_within_reach"],
        "match" if cr["Cmumu_-1_within_reach"] else "open",
        "" if cr["Cmumu_-1_within_reach"] else
        f"the shipped CTA line projection ends at m_chi = {_tev(cr['m_chi_max_GeV'])} TeV; the "
        "window is at m_chi = " + "-".join(_tev(v) for v in cr["Cmumu_-1_window_m_chi_GeV"])
        + " TeV (a CTA line sensitivity to 100 TeV is not available as data)"))
    rows.append(Comparison("f_a = 100 TeV solutions beyond CTA reach", True,
                           not cr["fa_100TeV_within_reach"],
                           "match" if not cr["fa_100TeV_within_reach"] else "open"))
    widths = [w["Gamma_a_over_m_a"] for w in res["alp_width_check"]["fa_100TeV"].values() if w]
    if widths:
        rows.append(Comparison("Gamma_a/m_a on the f_a = 100 TeV relic band",
                               "narrow (Gamma_a neglected)", max(widths), "paper error",
                               "Gamma_a ~ 0.25 (f_a/10 TeV)^2 m_a; with the Breit-Wigner the "
                               "model's Omega h^2 ~ 12 there (alp_width_check)"))
    rc = res["relic_shortcut_check"]
    rows.append(Comparison("Omega h^2 at <sigma v> = 2.6e-26 cm3/s (Dirac)", 0.12,
                           rc["omega_h2_dirac_boltzmann"], "paper error",
                           "freeze-out shortcut vs Boltzmann for a Dirac relic"))
    return rows


def _rng(v: list[float] | None, f: str = ".3g") -> str:
    return f"{v[0]:{f}}-{v[1]:{f}}" if v else "none"


def notes(res: Mapping[str, Any]) -> list[str]:
    """The JSON notes; every computed number is read from ``res`` (the results so far)."""
    t3, io = res["table3"], res["table3_IO"]
    dl = [min(t3[t]["delta_cp_deg"][0] for t in "AB"), max(t3[t]["delta_cp_deg"][1] for t in "AB")]
    me = [min(t3[t]["m_ee_meV"][0] for t in "AB"), max(t3[t]["m_ee_meV"][1] for t in "AB")]
    sm, mb = t3["A"]["sum_m_meV"], t3["A"]["m_beta_meV"]
    io_me = [min(io[t]["m_ee_meV"][0] for t in "AB"), max(io[t]["m_ee_meV"][1] for t in "AB")]
    io_sm = [min(io[t]["sum_m_meV"][0] for t in "AB"), max(io[t]["sum_m_meV"][1] for t in "AB")]
    rc = res["relic_shortcut_check"]
    st = res["fig3_paper_statements"]
    e01 = st.get("exclude_Cmumu_-0.1_at_fa_10TeV")
    hess = (e01 or {}).get("limits_cm3s", {}).get("H.E.S.S. 2018 (GC)")
    thr = st["relic_allowed_from_m_a_GeV"]["fa_10TeV"]
    fe = st.get("fermi_lat_2015_reach", {})
    out = [
        "Neutrino fit: log-uniform points of eq. (4.1) per texture and ordering, plus the "
        "points of an exact inverse map (oscillation data -> texture parameters, all "
        "re-evaluated forward as 7-parameter points) and an adaptive exploration. The blind "
        "random scan alone accepts no point (the accepted region is a thin 6-dimensional "
        "shell: the texture has a flat direction y3 -> lambda y3, alpha -> alpha/lambda, "
        "beta -> beta/lambda^2, y2 -> lambda y2).",
        f"DIFFERENCE: delta_CP fills the 3-sigma window ({_rng(dl, '.0f')} deg) for both "
        f"textures (paper: <= 290 deg); hence m_ee spans {_rng(me, '.2f')} meV for both (paper "
        f"A {_rng(TABLE3['A']['m_ee_meV'])}, B {_rng(TABLE3['B']['m_ee_meV'])}, which is "
        "eqs. 4.3/4.4 evaluated on delta <= 290 deg). Benchmark 'A-NO-delta339' is an explicit "
        "point at delta = 338.5 deg with O(1) parameters.",
        f"DIFFERENCE: inverted ordering IS allowed for both textures (A: delta "
        f"{_rng(io['A']['delta_cp_deg'], '.0f')} deg, B: {_rng(io['B']['delta_cp_deg'], '.0f')} "
        f"deg, m_ee {_rng(io_me, '.0f')} meV, sum m {_rng(io_sm, '.1f')} meV), verified with the "
        "exact 7x7 Takagi diagonalisation (takagi_check) and darkseesaw.observables.neutrino; "
        "benchmarks 'A-IO', 'B-IO'. A blind log-uniform scan does not find it, which is the "
        "likely reason for the paper's 'NO only'.",
        f"sum m and m_beta ranges ({_rng(sm, '.2f')} and {_rng(mb, '.2f')} meV, texture A) "
        "are the full ranges allowed by Table 2 with m_lightest = 0; the paper's narrower "
        "ranges reflect its sampling.",
        "Relic density: Boltzmann equation for a Dirac chi (total chi + chibar), exact sigma(s) "
        f"Gondolo-Gelmini averaged. The paper's shortcut <sigma v> = {rc['sigmav_cm3s']:.2g} "
        f"cm3/s gives Omega h^2 = {rc['omega_h2_dirac_boltzmann']:.3f} for a Dirac relic "
        f"({rc['omega_h2_majorana_boltzmann']:.3f} if Majorana): the required C_gg is larger "
        "than with the shortcut; fig3_freeze_out_shortcut gives the paper's method.",
        "g-2: eq. (3.15) with Lambda = 4 pi f_a (printed '4 pi f_a^2'); term (c) with the "
        "standard denominator x(1-x) - z (as printed it would be negative for m_a >> m_mu, "
        "contradicting the text); couplings normalised as in eq. (3.15), i.e. "
        "(C_mumu/2)(da/f_a) mu-bar gamma gamma5 mu (eq. 2.10 lacks the 1/2). g-2 band: 2 sigma, "
        "Delta a = A C_mumu^2 + B C_mumu C_gg with A, B by fixed-order Gauss-Legendre on the "
        "whole m_a grid (g2_band; checked against observables.g2.delta_a_alp in the tests). "
        "The m_a grid stops at Lambda = 4 pi f_a where the Barr-Zee log changes sign.",
        "Scalar sector: eq. (2.6) lacks a factor 1/2 in lambda_H, lambda_Phi (fixed; tested "
        "against eqs. 2.4-2.5). With m_phi = m_a ~ 100 TeV and f_a = 10 TeV, lambda_Phi = "
        "m_phi^2/(2 f_a^2) > 4 pi: the paper's f_a = 10 TeV benchmark is non-perturbative in the "
        "scalar sector (alp_width_check gives Gamma_a/m_a and C_gg there).",
        "sigma v(mu mu) of eq. (3.11) is 16x too large for the eq. (3.15) normalisation "
        "(prefactor 1/(2 pi), threshold factor sqrt(1 - m_mu^2/m_chi^2)); negligible here.",
        "Gamma lines: fig3, g2_today and fig3_freeze_out_shortcut use today's limits "
        f"({', '.join(res['inputs']['g2_today']['gamma_lines'])}); paper_era uses the paper's "
        f"searches that exist as data ({', '.join(res['paper_era']['inputs']['gamma_lines'])}). "
        "The MAGIC Galactic-Centre line search to 100 TeV (arXiv:2212.10527) and a CTA line "
        "sensitivity to 100 TeV (arXiv:2403.04857) are not available as data (not shipped, not "
        "digitised). Published line limits are for self-conjugate DM: applied to "
        "<sigma v>_gg/2 for the Dirac chi."
        + (f" Fermi-LAT 2015 ends at m_chi = {fe['m_chi_max_GeV']:.0f} GeV (m_a = "
           f"{fe['m_a_max_GeV']:.0f} GeV), below the Fig. 3 grid: it changes nothing there."
           if fe and not fe["affects_fig3"] else ""),
        "Fig. 3 statements (fig3_paper_statements, paper era): with H.E.S.S. 2018 the relic band "
        f"clears the line limits from m_a = {_tev(thr)} TeV (paper: 80 TeV)"
        + (f"; excluding C_mumu/f_a = -0.1 at f_a = 10 TeV (m_chi = "
           f"{_tev(e01['m_chi_GeV'][0])}-{_tev(e01['m_chi_GeV'][1])} TeV) needs a limit below "
           f"{e01['needed_sigmav_cm3s']:.2g} cm3/s on <sigma v>_gg/2 (H.E.S.S. 2018 there: "
           + (f"{hess[0]:.2g}-{hess[1]:.2g}" if hess else "none") + " cm3/s)" if e01 else "")
        + ". Deciding these needs the MAGIC GC curve, not available as data.",
    ]
    return out
