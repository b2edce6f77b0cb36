r"""Scales of Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069: the v_σ windows where
the gravity-induced ISS scales are natural (eq. 10, Fig. 1) and Table I (the v_σ that gives the
3.55 keV-line ALP mass through σ^D).

Inputs (windows, ranges, the D of Table I) are data: ``data/inputs.yaml``.

Example
-------
>>> w = scale_windows()
>>> sorted(w), [f"{x:.2g}" for x in w["2,3"]]
(['2,3', '3,5'], ['2.2e+10', '5.5e+10'])
"""

from __future__ import annotations

from functools import cache
from typing import Any

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS
from darkseesaw.models.alp_discrete import M_PL
from darkseesaw.observables import alp
from darkseesaw.papers.common import load_data

__all__ = ["inputs", "printed", "scale_windows", "eq9_powers", "table1", "M_A_LINE_GEV"]

M_A_LINE_GEV = ph.eV_to_GeV(0.5 * sum(MEASUREMENTS["alp_hint_xray_line_ma"].bounds))
"""Centre of the 3.55 keV-line ALP mass window (7.1 keV) [GeV]."""


@cache
def inputs() -> dict[str, Any]:
    """The reproduction's inputs (``data/inputs.yaml``)."""
    return load_data(__package__, "inputs.yaml")


@cache
def printed() -> dict[str, Any]:
    """The paper's printed numbers (``data/printed.yaml``)."""
    return load_data(__package__, "printed.yaml")


def _sig(x: float, n: int = 3) -> float:
    return float(f"{x:.{n - 1}e}")


def scale_windows(kmax: int | None = None, M_Pl: float | None = None) -> dict[str, list[float]]:
    """v_σ intervals [GeV] where F(p) ∈ M window and F(q) ∈ μ window, inside eq. (5) (eq. 10).

    Returns a mapping ``"p,q" -> [lo, hi]`` for every pair with a non-empty intersection.
    """
    d = inputs()
    M = M_PL if M_Pl is None else M_Pl
    kmax = d["kmax_windows"] if kmax is None else kmax
    vlo, vhi = d["alp_scale_range"]
    out = {}
    for p in range(1, kmax + 1):
        wp = alp.vev_window(p, *d["iss_M_window"], M_Pl=M)
        for q in range(1, kmax + 1):
            wq = alp.vev_window(q, *d["iss_mu_window"], M_Pl=M)
            lo, hi = max(wp[0], wq[0], vlo), min(wp[1], wq[1], vhi)
            if lo < hi:
                out[f"{p},{q}"] = [lo, hi]
    return out


def eq9_powers(kmax: int | None = None, M_Pl: float | None = None) -> dict[str, Any]:
    """Eq. 9: the powers p with F(p) in the M window and q with F(q) in the μ window for some
    v_σ of eq. 5 (each alone; eq. 10 is the joint condition), with their v_σ intervals [GeV]."""
    d = inputs()
    M = M_PL if M_Pl is None else M_Pl
    kmax = d["kmax_windows"] if kmax is None else kmax
    vlo, vhi = d["alp_scale_range"]
    out: dict[str, Any] = {"p": [], "q": [], "v_windows": {"p": {}, "q": {}}}
    for name, window in (("p", d["iss_M_window"]), ("q", d["iss_mu_window"])):
        for k in range(1, kmax + 1):
            lo, hi = alp.vev_window(k, *window, M_Pl=M)
            if max(lo, vlo) < min(hi, vhi):
                out[name].append(k)
                out["v_windows"][name][str(k)] = [max(lo, vlo), min(hi, vhi)]
    return out


def table1() -> list[dict]:
    """Table I: v_σ giving m_a = 7.1 keV through σ^D (|g| = 1) and g_aγ/C_aγ = α/(2π v_σ).

    ``g_over_C`` = α/(2π v_σ) at the exact v_σ; it reproduces the printed column except for
    D = 8 and 9, where the paper evidently used the v_σ rounded to three digits (4.77 vs 4.76
    × 10⁻¹⁴ and 3.38 vs 3.39 × 10⁻¹⁵, one unit in the last digit); ``g_over_C_rounded_v`` is
    the value at the rounded v_σ (which in turn misses D = 10, 11 by one unit).
    """
    rows = []
    for D in inputs()["table1_D"]:
        v = float(alp.vev_for_alp_mass(M_A_LINE_GEV, D, M_Pl=M_PL))
        rows.append({"D": D, "v_sigma": v, "g_over_C": float(alp.g_agamma(0.5, v)),
                     "g_over_C_rounded_v": float(alp.g_agamma(0.5, _sig(v))),
                     "m_a_check_eV": float(ph.GeV_to_eV(alp.alp_mass(D, v, M_Pl=M_PL)))})
    return rows
