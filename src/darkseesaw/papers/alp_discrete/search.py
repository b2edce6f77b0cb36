r"""Model-space search of Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069, Sec. II A–B.

Scan the one-ALP models SM + N_R, S_R, E, σ with terms σ^p S̄N^c, σ^q S̄S^c, σ^r L̄HE_R,
σ^s Ē_L E_R and a protecting Z_N = c₁B + c₂L (eq. 26), and apply the five conditions listed at
the end of Sec. II A:

1. ``hint``: the ALP (g_aγ = α C_aγ/(2π v_σ), m_a from the lowest σ^D with |g| = 1) lies in a
   hint region of Fig. 2 — soft X-ray excess of Coma, TeV-photon transparency, 3.55 keV line —
   for some v_σ allowed by condition 2;
2. ``scales``: F(p) ∈ 0.1–10 TeV and F(|q|) ∈ 0.1–10 keV for a common v_σ in 10⁹–10¹⁴ GeV;
3. ``iss_stable``: the Z_N allows no lower power of σ in S̄N^c and S̄S^c than p and |q|, and the
   lowest dangerous operators have |n| ≥ 4 (σⁿ N̄^cN) and |n′| ≥ 3 (σ^{n′} L̄H̃S_R);
4. ``heavy_lepton``: M_E = k_E F(|s|) ≳ v_w with |k_E| ≤ k_max (k_max = 5, the paper's
   "η ∼ 5" order-one range; this reproduces its "|s| = 3 needs v_σ ≳ 10¹³ GeV"), at a v_σ
   where condition 1 holds, and no lower power of σ in Ē_L E_R than |s|;
5. ``anomaly``: some generator c₁B + c̃₂L of Z_N is free of discrete anomalies (eq. 24) and is
   not just Z_{N/2} × (−1)^F.

Example
-------
>>> res = search(p_values=(2,), q_values=(-3,), s_values=(2,), N_values=range(11, 14))
>>> [(c["N"], c["generator"]) for c in res["survivors"]]
[(13, '6B+7L')]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import curve
from darkseesaw.constraints.measurements import MEASUREMENTS
from darkseesaw.models.alp_discrete import M_PL
from darkseesaw.models.alp_discrete_content import one_alp_model
from darkseesaw.observables import alp
from darkseesaw.symmetry import bl_generators

from .scales import inputs, scale_windows

__all__ = ["scale_windows", "hint_regions", "in_hint", "evaluate", "search", "CONDITIONS"]

CONDITIONS = ("hint", "scales", "iss_stable", "heavy_lepton", "anomaly")


def hint_regions():
    """The hint regions of Fig. 2: name -> callable (m_a [GeV], g [GeV⁻¹]) -> bool array.

    Coma and the 3.55 keV line are the boxes ``alp_hint_coma_*`` and ``alp_hint_xray_line_*`` of
    `darkseesaw.constraints.measurements` (transcribed from the paper's text); the transparency
    hint is the Meyer–Horns–Raue (2013) contour shipped by
    `darkseesaw.constraints` (``alp/gagamma/hint-tev-transparency``).
    """
    meas = MEASUREMENTS
    coma_m, coma_g = meas["alp_hint_coma_ma"].bounds, meas["alp_hint_coma_gagamma"].bounds
    line_m, line_g = meas["alp_hint_xray_line_ma"].bounds, meas["alp_hint_xray_line_gagamma"].bounds

    def in_coma(m, g):
        m_eV = ph.GeV_to_eV(np.asarray(m))
        g = np.asarray(g)
        return (m_eV <= coma_m[1]) & (g >= coma_g[0]) & (g <= coma_g[1])

    def in_line(m, g):
        m_eV = ph.GeV_to_eV(np.asarray(m))
        g = np.asarray(g)
        return ((m_eV >= line_m[0]) & (m_eV <= line_m[1])
                & (g >= line_g[0]) & (g <= line_g[1]))

    tr = curve("alp/gagamma/hint-tev-transparency")
    return {"coma_soft_xray": in_coma, "xray_line_3.55keV": in_line,
            "gamma_transparency": lambda m, g: np.asarray(tr.inside(m, g), dtype=bool)}


def in_hint(m_a, g):
    """Names of the hint regions containing each point (list per point)."""
    regs = hint_regions()
    m_a, g = np.atleast_1d(m_a), np.atleast_1d(g)
    flags = {k: f(m_a, g) for k, f in regs.items()}
    return [[k for k in regs if flags[k][i]] for i in range(m_a.size)]


def evaluate(p: int, q: int, r: int, s: int, N: int, *, windows=None, k_max: float | None = None,
             n_v: int | None = None, M_Pl: float | None = None, regions=None) -> dict:
    """All five conditions for one (p, q, r, s, N); returns a record with reasons.

    ``k_max`` (largest |k_E|) and ``n_v`` (v_σ grid points) default to ``data/inputs.yaml``;
    ``regions``: the hint regions of condition 1 (default `hint_regions`; the paper's Fig. 2:
    `darkseesaw.papers.alp_discrete.paper_era.paper_hint_regions`).
    """
    M = M_PL if M_Pl is None else M_Pl
    k_max = inputs()["search"]["k_max"] if k_max is None else k_max
    n_v = inputs()["search"]["n_v"] if n_v is None else n_v
    windows = scale_windows(M_Pl=M) if windows is None else windows
    rec = {"p": p, "q": q, "r": r, "s": s, "N": N, "failed": [], "reasons": {}}
    key = f"{abs(p)},{abs(q)}"
    if key not in windows:
        rec["failed"].append("scales")
        rec["reasons"]["scales"] = f"no v_sigma with F({p}) in 0.1-10 TeV and F({abs(q)}) in 0.1-10 keV"
        return rec
    lo, hi = windows[key]
    rec["v_window"] = [lo, hi]
    model = one_alp_model(p, q, r, s)
    gens = bl_generators(model.fields, N)
    if not gens:
        rec["failed"].append("anomaly")
        rec["reasons"]["anomaly"] = "no generator realises the full Z_N"
        return rec
    # lepton-sector conditions depend only on c2 L mod N: use the first generator
    mN = model.with_zn("ZN", N, gens[0].charges)
    ops = mN.lowest_operators()
    D = mN.singlet_operators()["sigma"].order
    C = float(mN.C_agamma("X"))
    rec.update({"D": D, "C_agamma": C, "c2": gens[0].c2,
                "lowest": {k: (o.order, o.as_dict()["operators"]) for k, o in ops.items()}})
    # condition 3
    bad = []
    if ops["ScN"].order != abs(p):
        bad.append(f"S N^c allowed with |n|={ops['ScN'].order} < p={abs(p)}")
    if ops["ScS"].order != abs(q):
        bad.append(f"S S^c allowed with |n|={ops['ScS'].order} < |q|={abs(q)}")
    if ops["NcN"].order is None or ops["NcN"].order < 4:
        bad.append(f"N^c N allowed with |n|={ops['NcN'].order} < 4")
    if ops["LHS"].order is None or ops["LHS"].order < 3:
        bad.append(f"L H S allowed with |n'|={ops['LHS'].order} < 3")
    if bad:
        rec["failed"].append("iss_stable")
        rec["reasons"]["iss_stable"] = "; ".join(bad)
    # conditions 1 and 4 on a v grid
    v = np.geomspace(lo, hi, n_v)
    if D is None or D <= 4:
        rec["failed"].append("hint")
        rec["reasons"]["hint"] = f"sigma^{D} is renormalisable: no light ALP"
        ok_hint = np.zeros_like(v, dtype=bool)
        names = []
    else:
        g = alp.g_agamma(C / 2, v)  # CDNS eq. 14: α C_aγ/(2π v_σ)
        m = alp.alp_mass(D, v, M_Pl=M)
        regs = hint_regions() if regions is None else regions
        flags = {k: np.asarray(f(m, g), dtype=bool) for k, f in regs.items()}
        ok_hint = np.zeros_like(v, dtype=bool)
        for f in flags.values():
            ok_hint |= f
        names = [k for k, f in flags.items() if f.any()]
        rec["alp_range"] = {"g_agamma": [float(g.min()), float(g.max())],
                            "m_a_eV": [float(ph.GeV_to_eV(m.min())), float(ph.GeV_to_eV(m.max()))]}
        if not ok_hint.any():
            rec["failed"].append("hint")
            rec["reasons"]["hint"] = (
                f"C={C:g}, D={D}: g in [{g.min():.2e}, {g.max():.2e}] GeV^-1, m_a in "
                f"[{ph.GeV_to_eV(m.min()):.2e}, {ph.GeV_to_eV(m.max()):.2e}] eV: in no hint region")
    rec["hints"] = names
    ME = k_max * alp.scale_function(s, v, M_Pl=M)
    base = ok_hint if ok_hint.any() else np.ones_like(v, dtype=bool)
    ok_E = (ME >= ph.v_EW) & base
    e_bad = []
    if not ok_E.any():
        e_bad.append(f"M_E <= {k_max:g} F({abs(s)}) = {ME[base].max():.3g} GeV < v_w")
    if ops["ELER"].order != abs(s):
        e_bad.append(f"E_L E_R allowed with |n|={ops['ELER'].order} < |s|={abs(s)}")
    if e_bad:
        rec["failed"].append("heavy_lepton")
        rec["reasons"]["heavy_lepton"] = "; ".join(e_bad)
    joint = ok_hint & ok_E
    if joint.any():
        rec["v_allowed"] = [float(v[joint].min()), float(v[joint].max())]
    # condition 5
    free = [gn for gn in gens if gn.anomaly.free]
    good = [gn for gn in free if not gn.redundant]
    if good:
        rec["generator"] = good[0].name
        rec["generators"] = [gn.name for gn in good]
        rec["anomalies"] = good[0].anomaly.as_dict()
    else:
        rec["failed"].append("anomaly")
        if free:
            rec["reasons"]["anomaly"] = (f"only {free[0].name}, which is Z{N // 2} x (-1)^F "
                                         "(redundant)")
        else:
            an = gens[0].anomaly
            kinds = sorted({k for gn in gens for k in gn.anomaly.failing()})
            rec["reasons"]["anomaly"] = (f"no c1 cancels all of A2, A3, Agrav mod {N}/2 "
                                         f"(Agrav = {an.Agrav} for c2 = {gens[0].c2}; failing: "
                                         f"{', '.join(kinds)})")
    return rec


def search(*, p_values: Iterable[int] | None = None, q_values: Iterable[int] | None = None,
           r_values: Iterable[int] | None = None, s_values: Iterable[int] | None = None,
           N_values: Iterable[int] | None = None, k_max: float | None = None,
           M_Pl: float | None = None, regions=None) -> dict:
    """Scan (p, q, r, s, N) and classify every candidate.

    Parameters
    ----------
    p_values, q_values, r_values, s_values : integers to scan (q < 0, r < 0, s < 0: σ*);
        the defaults (``search`` of ``data/inputs.yaml``): p = 1…5, q = ±1…±7, r = 1,
        s = ±1…±3, N = 2…30, k_max = 5.
        p > 0 by convention; q = 0 and p = q/2 are skipped. r enters none of the five
        conditions (only the E_R charge and the E lifetime); the paper uses r = 1.
    N_values : orders of Z_N.
    k_max : largest order-one coefficient used for condition 4.
    regions : hint regions of condition 1 (default `hint_regions`, today's).

    Returns
    -------
    dict with ``survivors`` (all conditions pass), ``near_misses`` (pass condition 2 and fail at
    most two others, with reasons), ``counts`` and the ``windows`` used.
    """
    M = M_PL if M_Pl is None else M_Pl
    windows = scale_windows(M_Pl=M)
    d = inputs()["search"]
    p_values = d["p"] if p_values is None else p_values
    q_values = d["q"] if q_values is None else q_values
    r_values = d["r"] if r_values is None else r_values
    s_values = d["s"] if s_values is None else s_values
    N_values = range(d["N_min"], d["N_max"] + 1) if N_values is None else N_values
    k_max = d["k_max"] if k_max is None else k_max
    survivors, near, counts = [], [], {"tested": 0, "no_scales": 0}
    for p in p_values:
        for q in q_values:
            if q == 0 or 2 * p == q:
                continue
            for r in r_values:
                for s in s_values:
                    if s == 0:
                        continue
                    if f"{abs(p)},{abs(q)}" not in windows:
                        counts["no_scales"] += len(list(N_values))
                        continue
                    for N in N_values:
                        counts["tested"] += 1
                        rec = evaluate(p, q, r, s, N, windows=windows, k_max=k_max, M_Pl=M,
                                       regions=regions)
                        if not rec["failed"]:
                            survivors.append(rec)
                        elif len(rec["failed"]) <= 2:
                            near.append(rec)
    counts["survivors"] = len(survivors)
    counts["near_misses"] = len(near)
    return {"survivors": survivors, "near_misses": near, "counts": counts, "windows": windows}
