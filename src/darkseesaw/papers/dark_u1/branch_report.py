"""Every branch of the Table-2 fit evaluated: residuals, perturbativity, vacuum; the choice.

`explore` solves the 12 equations for every CP-even assignment and θ-sign pattern
(`darkseesaw.papers.dark_u1.branches.solve_assignments`), evaluates each solution with the full
engine (`branches.table2_batch`) against every Table-2 entry under both CP-odd assignments, and
searches the global minimum of V for each (`darkseesaw.papers.dark_u1.global_vacuum.search`).
The result of the last full run is stored in ``data/branches.json`` (`write_stored`), which
``--fast`` reports (`stored`); a test re-solves and compares.

Selection rule (`choose`, `RULE`): every Table-2 entry within its printed precision, the vacuum
the global minimum, the bare-mass signs as stated below eq. (2.1); perturbativity is reported,
not required (no solution with induced vevs is perturbative). Branches that differ only by signs Table 2 does not
fix are tied; the tie is broken by ``tie_break_signs`` of ``data/fit.yaml``.
"""

from __future__ import annotations

import itertools
import json
import math
from importlib import resources
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.papers.dark_u1 import global_vacuum
from darkseesaw.papers.dark_u1.branches import (
    EVEN_ENTRIES,
    EVEN_STATES,
    ODD_ENTRIES,
    ODD_STATES,
    PRINTED_LABELS,
    SIGNED,
    TIE_BREAK_SIGNS,
    VEV_FAMILIES,
    Branch,
    gev,
    set_lambda_prime,
    solve_assignments,
    table2_batch,
)
from darkseesaw.papers.dark_u1.fit import FIXED
from darkseesaw.papers.dark_u1.table2 import PRINTED_PRECISION, target_values

__all__ = ["RULE", "branch_residuals", "within", "perturbativity", "checks", "choose",
           "explore", "stored", "write_stored", "printed_labels_id", "parse_id"]

RULE = ("chosen: every Table-2 entry within its printed precision, the vacuum the global "
        "minimum (independent multi-start search of V), bare masses m_H^2, m_1^2 > 0 "
        "(tachyonic) and m_phi^2, m_2^2 > 0 as stated below eq. (2.1); perturbativity reported, "
        "not required (no solution with induced vevs is perturbative: lam_S1 = "
        "m_S1-like^2/(2 w1^2) > 4 pi); ties (signs Table 2 does not fix) broken by "
        "tie_break_signs of data/fit.yaml")


def printed_labels_id() -> str:
    """The branch of the previous reproduction: the table's headers read with eqs. (2.4)–(2.8)
    (272 MeV on the S₁-like state) and the tie-break signs."""
    return Branch(PRINTED_LABELS[0], PRINTED_LABELS[1], TIE_BREAK_SIGNS).id


def parse_id(bid: str) -> Branch:
    """`Branch` from its id ``even[a,b,c]odd[d,e]signs[±…]`` (+ ``vevs[family]``)."""
    ev = bid.split("even[")[1].split("]")[0].split(",")
    od = bid.split("odd[")[1].split("]")[0].split(",")
    sg = bid.split("signs[")[1].split("]")[0]
    fam = bid.split("vevs[")[1].split("]")[0] if "vevs[" in bid else "induced"
    th = bid.split("theta[")[1].split("]")[0] if "theta[" in bid else ""
    return Branch(tuple(ev), tuple(od), tuple(1 if c == "+" else -1 for c in sg),  # type: ignore[arg-type]
                  fam, tuple(1 if c == "+" else -1 for c in th))


def branch_residuals(b: Branch, r: dict[str, Any]) -> dict[str, float]:
    """model/paper − 1 for every Table-2 entry, the printed masses read on the states of b."""
    t = target_values()
    ours = {"m_hSM_GeV": r["m_hSM"], "m_HDpm_GeV": r["m_HDpm"], "m_ZD_MeV": r["m_ZD"] * 1e3,
            "m_ND_MeV": r["m_ND"] * 1e3, "epsilon": r["epsilon"],
            "epsilon_prime": r["eps_prime"], "U_alphaN_sq": r["U_aN_sq"]}
    ours.update({e: r["even"][s] / gev(e) for e, s in zip(EVEN_ENTRIES, b.even, strict=True)})
    ours.update({e: r["odd"][s] / gev(e) for e, s in zip(ODD_ENTRIES, b.odd, strict=True)})
    ours.update({f"theta_{k}": v for k, v in r["theta"].items()})
    return {k: ours[k] / t[k] - 1 for k in t}


def within(res: dict[str, float]) -> dict[str, bool]:
    """Each residual within the printed precision (|U_αN|²: |log10 ratio| ≤ 0.5)."""
    out = {}
    for k, v in res.items():
        pp = PRINTED_PRECISION[k]
        if not np.isfinite(v) or v <= -1:
            out[k] = False
        elif pp is None:
            out[k] = abs(math.log10(1 + v)) <= 0.5
        else:
            out[k] = abs(v) <= pp * (1 + 1e-9)
    return out


def perturbativity(inputs: dict[str, float], max_abs_y_nu: float) -> dict[str, float]:
    """Couplings outside |λ| ≤ 4π (quartics, α) or |y|, g_D ≤ √(4π) (name → value)."""
    bad = {}
    for k, v in inputs.items():
        if (k.startswith("lam_") or k == "alpha") and abs(v) > 4 * math.pi:
            bad[k] = v
        if k in ("y_N", "y_Np", "g_D") and abs(v) > math.sqrt(4 * math.pi):
            bad[k] = v
    if max_abs_y_nu > math.sqrt(4 * math.pi):
        bad["max_abs_y_nu"] = max_abs_y_nu
    return bad


def checks(inputs: dict[str, float], r: dict[str, Any]) -> dict[str, Any]:
    """Per fit: perturbativity, bare-mass signs, vev hierarchy and local minimum."""
    nonpert = perturbativity({**FIXED, **inputs}, r["max_abs_y_nu"])
    v = ph.v_EW
    return {
        "perturbative": not nonpert, "nonperturbative": nonpert,
        # below eq. (2.1): -m_H^2, -m_1^2 < 0 and +m_phi^2, +m_2^2 > 0, i.e. all four m^2 > 0
        "bare_mass_signs_as_paper": all(r["bare"][k] > 0 for k in r["bare"]),
        "hierarchy_as_paper": bool(max(inputs["v_phi"], inputs["omega2"]) < inputs["omega1"] < v),
        "local_minimum": r["is_minimum"],
    }


def choose(rows: list[dict[str, Any]]) -> str | None:
    """The chosen branch id (`RULE`), or None when no branch qualifies."""
    cand = [r for r in rows if r["fit_converged"] and r["fits_table2"]
            and r["global_minimum"] is True and r["bare_mass_signs_as_paper"]]
    if not cand:
        return None
    tb = dict(zip(SIGNED, TIE_BREAK_SIGNS, strict=True))
    pref = [r for r in cand if r["signs"] == tb]
    return (pref or cand)[0]["id"]


def explore(*, n_random: int = 100) -> dict[str, Any]:
    """Solve, evaluate and choose (see the module notes). Returns the ``branches`` block:
    ``rule``, ``chosen``, ``printed_labels_branch``, ``assignments`` (all 12, with their
    solution counts and verdicts per vev family), ``rows`` (one per solution and CP-odd
    assignment)."""
    sol = solve_assignments()
    fits = sol["fits"]
    keys = list(fits)
    lp = set_lambda_prime({k: fits[k]["inputs"] for k in keys})
    pts = [{**fits[k]["inputs"], "lam_Hphi": fits[k]["inputs"]["lam_Hphi"] - lp[k],
            "lam_Hphi_p": lp[k]} for k in keys]
    ev = table2_batch(pts)
    gv = global_vacuum.search([{**FIXED, **pt} for pt in pts], [r["bare"] for r in ev],
                              n_random=n_random)
    rows = []
    for k, pt, r, g in zip(keys, pts, ev, gv, strict=True):
        b0 = parse_id(k.replace("signs", "odd[phi,S2]signs"))
        chk = checks(pt, r)
        for odd in itertools.permutations(ODD_STATES):
            b = Branch(b0.even, odd, b0.signs, b0.vevs, b0.theta)  # type: ignore[arg-type]
            res = branch_residuals(b, r)
            w = within(res)
            rows.append({
                **b.as_dict(), "fit_converged": True,
                "max_abs_log_residual_fitted": max(abs(x) for x in fits[k]["log_residuals"]),
                "fits_table2": all(w.values()),
                "outside_printed_precision": {e: res[e] for e, ok in w.items() if not ok},
                "rel_residuals": res, "inputs": pt, "bare_masses_GeV2": r["bare"], **chk,
                "global_minimum": g["global_minimum"],
                "vacuum_search": {x: g[x] for x in ("vacuum_found", "bounded_below", "n_starts",
                                                    "n_converged", "n_runaway", "n_minima",
                                                    "timed_out")}
                | {"other_minima_dV_GeV4": [m["dV_GeV4"] for m in g["minima"][1:]]}})
    assignments = []
    for even in itertools.permutations(EVEN_STATES):
        ek = ",".join(even)
        for odd in itertools.permutations(ODD_STATES):
            mine = [x for x in rows if x["cp_even"] == dict(zip(EVEN_ENTRIES, even, strict=True))
                    and x["cp_odd"] == dict(zip(ODD_ENTRIES, odd, strict=True))]
            fo = sol["formal"].get(ek, [])
            fams = {}
            for fam in VEV_FAMILIES:
                fm = [x for x in mine if x["vevs"] == fam]
                ff = [f for f in fo if f["vevs"] == fam]
                if not fm and not ff:
                    continue
                fams[fam] = {
                    "n_solutions": len(fm), "n_fit_table2": sum(x["fits_table2"] for x in fm),
                    "n_global_minimum": sum(x["global_minimum"] is True for x in fm),
                    "n_bare_mass_signs_as_paper": sum(x["bare_mass_signs_as_paper"]
                                                      for x in fm),
                    "n_hierarchy_as_paper": sum(x["hierarchy_as_paper"] for x in fm),
                    "n_perturbative": sum(x["perturbative"] for x in fm),
                    "entries_outside_printed_precision": sorted(
                        {e for x in fm for e in x["outside_printed_precision"]}),
                    "n_formal_solutions": len(ff), "formal_solutions": _formal(ff)}
            assignments.append({
                "cp_even": dict(zip(EVEN_ENTRIES, even, strict=True)),
                "cp_odd": dict(zip(ODD_ENTRIES, odd, strict=True)),
                "n_solutions": len(mine), "n_fit_table2": sum(x["fits_table2"] for x in mine),
                "n_global_minimum": sum(x["global_minimum"] is True for x in mine),
                "n_theta_sign_patterns_without_positive_vevs":
                    sol["patterns_without_positive_vevs"][ek],
                "n_formal_solutions": len(fo), "by_vevs": fams,
                "entries_outside_printed_precision": sorted(
                    {e for x in mine for e in x["outside_printed_precision"]})})
    chosen = choose(rows)
    return {"rule": RULE, "chosen": chosen, "table_reproduced_on": chosen,
            "printed_labels_branch": printed_labels_id(), "n_rows": len(rows),
            "assignments": assignments, "rows": rows}


def _formal(ff: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Ranges of the formal (unpolishable) solutions."""
    if not ff:
        return None
    rng = {k: [min(f[k] for f in ff), max(f[k] for f in ff)]
           for k in ("g_D", "max_abs_quartic", "omega1_GeV", "max_abs_log_residual")}
    return {f"{k}_range": v for k, v in rng.items()} | {
        "verdict": "inversions the polish does not confirm to 1e-9 (residual at the inversion "
                   f"up to {rng['max_abs_log_residual'][1]:.0e}); their largest quartic is "
                   f">= {rng['max_abs_quartic'][0]:.0e} >> 4 pi: non-perturbative, not physical"}


_STORE = ("darkseesaw.papers.dark_u1", "branches.json")


def stored() -> dict[str, Any]:
    """The ``branches`` block of the last full run (``data/branches.json``)."""
    text = resources.files(_STORE[0]).joinpath("data", _STORE[1]).read_text("utf-8")
    return json.loads(text)["branches"]


def write_stored(block: dict[str, Any]) -> str:
    """Write ``block`` (from `explore`) to ``data/branches.json`` of the source tree (a
    maintainer's step after a change of the fit); returns the path."""
    path = resources.files(_STORE[0]).joinpath("data", _STORE[1])
    doc = {"about": "The branches block of the dark-u1 reproduction (darkseesaw.papers.dark_u1."
                    "branch_report.explore), stored by write_stored from a full run; --fast "
                    "reports it, a test re-solves and compares.", "branches": _plain(block)}
    with open(str(path), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    return str(path)


def _plain(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_plain(v) for v in x]
    if isinstance(x, np.bool_ | bool):
        return bool(x)
    if isinstance(x, np.integer | int):
        return int(x)
    if isinstance(x, np.floating | float):
        return float(x)
    return x
