"""The dark-u1 reproduction: fit of the lost Table 1, Table 2, checks, JSON, figures, table.

``reproduce(out, fast)`` writes ``out/dark-u1.json`` (keys: ``table2_branch``, ``inputs``,
``table2``, ``residuals``, ``paper_table2``, ``fit``, ``fit_perturbative``, ``determination``,
``degenerate_inputs``, ``approximations``, ``minimisation``, ``gauge``, ``neutrinos``,
``decays``, ``naturalness``, ``dark_photon_limits_allowed``, ``paper_era``, ``branches``,
``notes``, ``figures``, ``comparison``), the figures ``dark-u1_spectrum``, ``dark-u1_zd_limits``
(PNG + PDF) and ``dark-u1_zd_limits_paper_era`` (PNG), and prints the ours-vs-paper table.

Everything is on the branch chosen among all assignments of the printed masses to the states
and all sign branches (`darkseesaw.papers.dark_u1.branch_report`); ``branches`` reports every
branch and, in ``previous_reproduction``, the numbers of the branch used before (272 MeV on
the S₁-like state, m_aD off by +18 %). ``fast`` skips the exploration and the fits (the stored
``data/branches.json`` of the last full run) and the perturbative variant.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.models.dark_u1 import Parameters, scalar_spectrum
from darkseesaw.papers.common import load_data, plain, print_comparison, write_result
from darkseesaw.papers.dark_u1 import branch_report, notes
from darkseesaw.papers.dark_u1.figures import figures
from darkseesaw.papers.dark_u1.fit import (
    FIT_NAMES,
    FIT_TARGETS,
    FIXED,
    fit_table2,
    input_ranges,
    jacobian,
)
from darkseesaw.papers.dark_u1.formulas import approximate_scalars, epsilon_loop
from darkseesaw.papers.dark_u1.gauge import gauge_sector
from darkseesaw.papers.dark_u1.neutrinos import decays, neutrino_spectrum
from darkseesaw.papers.dark_u1.table2 import (
    TABLE2,
    comparison_rows,
    residuals,
    table2_from,
    target_values,
)
from darkseesaw.papers.dark_u1.vacuum import minimise, naturalness

__all__ = ["reproduce", "outputs", "DP_CURVES", "PAPER_ERA_CURVES", "PAPER_ID"]

PAPER_ID = "dark-u1"
_DP = load_data("darkseesaw.papers.dark_u1", "dark_photon_limits.yaml")
DP_CURVES: list[str] = _DP["curves"]
"""Visible dark-photon limits drawn and checked with the benchmark Z_D (data file)."""
PAPER_ERA_CURVES: list[str] = [c for c in DP_CURVES if c not in _DP["paper_era"]["later"]]
"""The limits published before the paper (``paper_era`` of the data file)."""


def outputs(inputs: dict[str, float]) -> dict[str, Any]:
    """Everything computed at ``inputs``: parameters ``p``, scalars ``s``, gauge ``g``,
    neutrinos ``n``, decays ``d``, vacuum ``vac`` (minimisation) and approximations ``approx``."""
    p = Parameters(**inputs)
    s = scalar_spectrum(p)
    g = gauge_sector(p)
    n = neutrino_spectrum(p)
    d = decays(p, g, n)
    vac = minimise(p, s["bare"])
    approx = approximate_scalars(p, s["m_HD"], s["m_SDp"], s["m_SD"], s["m_hSM"])
    return {"p": p, "s": s, "g": g, "n": n, "d": d, "vac": vac, "approx": approx}


def _fit(fast: bool) -> tuple[dict[str, float], dict[str, Any], dict[str, Any], np.ndarray,
                              dict[str, Any]]:
    """(inputs, fit info, perturbative-fit info, Jacobian, branches block) on the chosen branch;
    ``fast``: the stored branches block and inputs (``data/branches.json``), no fits."""
    if fast:
        block = branch_report.stored()
        block["source"] = "stored (data/branches.json, written from a full run); not re-solved"
    else:
        block = branch_report.explore()
        block["source"] = "computed in this run"
    chosen = block["chosen"]
    if chosen is None:
        raise RuntimeError("dark-u1: no branch passes the selection rule")
    b = branch_report.parse_id(chosen)
    row = next(r for r in block["rows"] if r["id"] == chosen)
    if fast:
        inputs = {**FIXED, **row["inputs"]}
        return (inputs, {"ran": False, "note": "fast mode: stored fitted inputs"},
                {"ran": False}, jacobian(inputs), block)
    res = fit_table2(assignment=b.even)
    inputs = {**res["inputs"], "lam_Hphi_p": row["inputs"]["lam_Hphi_p"]}
    stored = {r["id"]: r for r in branch_report.stored()["rows"]}.get(chosen)
    info = {"ran": True, "cost": res["cost"], "nfev": res["nfev"], "success": res["success"],
            "start": res["start"], "log_residuals": res["residuals"],
            "max_rel_dev_from_stored_TABLE1_FIT": None if stored is None else max(
                abs(inputs[k] / stored["inputs"][k] - 1) for k in FIT_NAMES),
            "max_rel_dev_from_branch_solver": max(abs(inputs[k] / row["inputs"][k] - 1)
                                                  for k in FIT_NAMES)}
    pr = fit_table2(start={k: inputs[k] for k in FIT_NAMES}, upper={"lam_S1": 4 * math.pi},
                    max_nfev=30, assignment=b.even)
    pert = {"ran": True, "bound": "lam_S1 <= 4 pi; residuals weighted by the printed precision",
            "inputs": {k: pr["inputs"][k] for k in FIT_NAMES},
            "rel_residuals": {k: math.exp(v) - 1 for k, v in pr["residuals"].items()},
            "success": pr["success"], "nfev": pr["nfev"]}
    return inputs, info, pert, np.asarray(res["jacobian"]), block


def _approximations(inputs: dict[str, float], o: dict[str, Any]) -> dict[str, Any]:
    """Approximate formulas (eqs. 2.2–2.9, 2.13, 2.18, 2.19) against the exact values."""
    s, g, n = o["s"], o["g"], o["n"]
    exact = {"v_phi": inputs["v_phi"], "omega2": inputs["omega2"], "m_hSM": s["m_hSM"],
             "m_SD": s["m_SD"], "m_HD": s["m_HD"], "m_SDp": s["m_SDp"], "m_AD": s["m_AD"],
             "m_aD": s["m_aD"], "m_HDpm": s["m_HDpm"]}
    exact.update({f"theta_{k}": v for k, v in s["theta"].items()})
    ap: dict[str, Any] = {}
    for k, v in o["approx"].items():
        e = exact[k]
        ap[k] = {"approx": v, "exact": e, "rel_diff": (abs(v) / abs(e) - 1) if e else None}
    ap["m_ZD_eq218_GeV"] = {"approx": g["m_ZD_eq218"], "exact": g["m_ZD"],
                            "rel_diff": g["m_ZD_eq218"] / g["m_ZD"] - 1}
    ap["eps_prime_eq219"] = {"approx": g["eps_prime_eq219"], "exact": g["eps_prime"],
                             "rel_diff": g["eps_prime_eq219"] / g["eps_prime"] - 1}
    ap["m_light_eq213_eV"] = {"approx": n["m_light_eq213_eV"], "exact": n["m_light_eV"]}
    return ap


def _limits_allowed(g: dict[str, Any], curves: list[str]) -> dict[str, bool]:
    """Whether the benchmark (m_ZD, ε) is allowed by each visible dark-photon limit."""
    out = {}
    for name in curves:
        a = curve(name).allowed(g["m_ZD"], g["epsilon"])
        out[name] = bool(np.all(a)) if np.ndim(a) else bool(a)
    return out


def _paper_era(g: dict[str, Any]) -> dict[str, Any]:
    """What differs from the paper's time: the dark-photon limits published after it (the
    benchmark is checked with the paper-era set), the oscillation fit behind y_ν."""
    return {
        "dark_photon_limits": {
            "rule": _DP["paper_era"]["rule"], "curves": PAPER_ERA_CURVES,
            "later_curves": [c for c in DP_CURVES if c not in PAPER_ERA_CURVES],
            "allowed": _limits_allowed(g, PAPER_ERA_CURVES),
            "figure": "dark-u1_zd_limits_paper_era.png"},
        "oscillation_data": _DP["paper_era"]["oscillation_data"],
    }


def _previous(block: dict[str, Any]) -> dict[str, Any]:
    """The previous reproduction's branch (printed headers read with eq. 2.4): its numbers."""
    bid = block["printed_labels_branch"]
    row = next(r for r in block["rows"] if r["id"] == bid)
    t = target_values()
    model = {k: t[k] * (1 + v) for k, v in row["rel_residuals"].items()}
    res = residuals({"masses": {k: model[k] for k in TABLE2["masses"]},
                     "mixings": {k: model[k] for k in TABLE2["mixings"]}}, FIT_TARGETS)
    return {"id": bid, "inputs": row["inputs"], "table2": model,
            "comparison": [r.as_dict() for r in comparison_rows(res, previous=True)],
            "global_minimum": row["global_minimum"],
            "nonperturbative": row["nonperturbative"]}


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/dark-u1.json`` and the figures, print the table; returns the JSON dict."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    inputs, fit_info, pert, J, block = _fit(fast)
    b = branch_report.parse_id(block["chosen"])
    o = outputs(inputs)
    s, g, n, vac = o["s"], o["g"], o["n"], o["vac"]
    fit_info.update(input_ranges(J, b.even))
    table2 = table2_from(s, g, n, even=b.even, odd=b.odd)
    res = residuals(table2, FIT_TARGETS)
    rows = comparison_rows(res, assignment=b.as_dict())
    crow = next(r for r in block["rows"] if r["id"] == block["chosen"])
    block["previous_reproduction"] = _previous(block)
    result = {
        "model": PAPER_ID,
        "paper": "Bertuzzo, Jana, Machado, Zukanovich Funchal, PLB 791 (2019) 210, "
                 "arXiv:1808.02500",
        "table2_branch": {"id": block["chosen"], **b.as_dict(), "reading": notes.READING},
        "inputs": {**inputs, "v_GeV": ph.v_EW, "bare_masses_GeV2": s["bare"],
                   "units": "vevs v_phi, omega1, omega2, m_N in GeV; mu, mu_p in GeV; "
                            "bare masses in GeV^2; couplings dimensionless"},
        "table2": table2,
        "residuals": res,
        "paper_table2": TABLE2,
        "fit": fit_info,
        "fit_perturbative": pert,
        "determination": {
            "fitted_outputs (12 equations for 12 inputs, unique up to signs)": list(FIT_TARGETS),
            "uniqueness": "up to signs only for a fixed assignment of the printed masses to the "
                          "states; every assignment is in 'branches'",
            "fitted_inputs": list(FIT_NAMES),
            "predicted_outputs": notes.PREDICTED_OUTPUTS,
            "inputs_equal_to_outputs": notes.INPUTS_EQUAL_TO_OUTPUTS,
        },
        "degenerate_inputs": notes.DEGENERATE_INPUTS,
        "approximations": _approximations(inputs, o),
        "minimisation": {"vevs_from_Lagrangian_inputs_GeV": {k: float(v)
                                                             for k, v in vac.vevs.items()},
                         "converged": bool(vac.converged), "is_minimum": bool(vac.is_minimum),
                         "gauge_fixed_hessian_eigenvalues_GeV2": vac.hessian_eigenvalues_GeV2,
                         "is_deepest": crow["global_minimum"],
                         "n_candidates": crow["vacuum_search"]["n_minima"],
                         "global_search": crow["vacuum_search"],
                         "goldstone_residual": s["goldstone_residual"]},
        "gauge": {k: v for k, v in g.items() if k != "mixing"}
        | {"epsilon_loop_eq221": epsilon_loop(inputs["g_D"], g["m_ZD"], s["m_HDpm"])},
        "neutrinos": {"m_light_eV": n["m_light_eV"], "m_light_eq213_eV": n["m_light_eq213_eV"],
                      "m_heavy_GeV": n["m"][n["heavy"]], "U_aN_sq": n["U_aN_sq"],
                      "max_abs_y_nu": float(np.max(np.abs(n["y_nu"]))),
                      "oscillations": {k: n["osc"][k] for k in ("s12sq", "s13sq", "s23sq",
                                                                "dm21sq", "dm3lsq")}},
        "decays": o["d"],
        "naturalness": naturalness(inputs, s),
        "dark_photon_limits_allowed": _limits_allowed(g, DP_CURVES),
        "paper_era": _paper_era(g),
        "branches": block,
        "figures": [],
        "comparison": [r.as_dict() for r in rows],
    }
    result["notes"] = notes.notes(plain(result))
    result["figures"] = figures(out, s, g, n, DP_CURVES, b, paper_era_curves=PAPER_ERA_CURVES)
    write_result(out, PAPER_ID, result)
    print_comparison(PAPER_ID, rows)
    return plain(result)
