#!/usr/bin/env python
"""Generate darkseesaw's default PDF grid: MSTW 2008 NLO input, evolved with HOPPET (NLO DGLAP).

Why: no LHAPDF grid can be fetched from the package registries, and the paper (arXiv:1707.08606,
eq. 4.1) used MSTW2008NLO. The MSTW 2008 NLO *input* at Q0² = 1 GeV² is published (functional
forms: eqs. 6–12 of A.D. Martin, W.J. Stirling, R.S. Thorne, G. Watt, "Parton distributions for
the LHC", Eur. Phys. J. C63 (2009) 189 [arXiv:0901.0002]; best-fit NLO parameters: Table 4 of
the same paper, with α_S(Q0² = 1 GeV²) = 0.49128 at NLO, m_c = 1.40 GeV, m_b = 4.75 GeV). This
script evolves that input with HOPPET (G.P. Salam, J. Rojo, Comput. Phys. Commun. 180 (2009) 120
[arXiv:0804.3755]; ``pip install hoppet``) at NLO in the MS-bar zero-mass variable-flavour scheme
with pole-mass thresholds at m_c and m_b (no top), and writes the result as an LHAPDF6 set
(``.info`` + ``_0000.dat``) into the package data of `darkseesaw.pdfs`.

Known difference from the official MSTW2008nlo68cl grid: MSTW used a general-mass VFNS; here the
heavy-flavour PDFs start from zero at their pole-mass thresholds (ZM-VFNS). Effects on light-quark
luminosities at the TeV scale are at the per-cent level; the evolved α_S(M_Z) is printed and
recorded in the .info file (MSTW quote 0.12018).

The script checks (and prints) the quark-number and momentum sum rules at Q0 and after
evolution, and the evolved α_S(M_Z). It is run once by a developer; the runtime of darkseesaw
does not need hoppet:

    pip install hoppet && python tools/make_pdf_grid.py
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from scipy.integrate import quad

NAME = "MSTW2008nlo_hoppet"
OUT = Path(__file__).resolve().parents[1] / "src" / "darkseesaw" / "pdfs" / "data" / NAME

# ---------------------------------------------------------------------------------------------
# MSTW 2008 NLO best-fit input parameters (arXiv:0901.0002, Table 4), Q0² = 1 GeV²
# ---------------------------------------------------------------------------------------------
P = dict(
    A_u=0.25871, eta1=0.29065, eta2=3.2432, eps_u=4.0603, gam_u=30.687,
    A_d=12.288, eta3=0.96809, eta4_minus_eta2=2.7003, eps_d=-3.8911, gam_d=6.0542,
    A_S=0.31620, del_S=-0.21515, eta_S=9.2726, eps_S=-2.6022, gam_S=30.785,
    A_Del=8.1084, eta_Del=1.8691, gam_Del=13.609, del_Del=-59.289,
    A_g=1.0805, del_g=-0.42848, eta_g=3.0225, eps_g=-2.2922, gam_g=3.4894,
    A_gp=-1.1168, del_gp=-0.42776, eta_gp=32.869,
    A_p=0.047915, eta_p=9.7466,
    A_m=-0.011629, del_m=0.2, eta_m=11.261, x0=0.016050,
)
ALPHAS_Q0 = 0.49128  # NLO, at Q0 = 1 GeV (Table 4)
Q0 = 1.0
MC, MB = 1.40, 4.75
ALPHAS_MZ_MSTW = 0.12018


def xpdfs_input(x: float) -> dict[str, float]:
    """x f(x, Q0²) by flavour from eqs. 6–12 of arXiv:0901.0002."""
    p = P
    sx = math.sqrt(x)
    xuv = p["A_u"] * x ** p["eta1"] * (1 - x) ** p["eta2"] * (1 + p["eps_u"] * sx + p["gam_u"] * x)
    eta4 = p["eta4_minus_eta2"] + p["eta2"]
    xdv = p["A_d"] * x ** p["eta3"] * (1 - x) ** eta4 * (1 + p["eps_d"] * sx + p["gam_d"] * x)
    xS = p["A_S"] * x ** p["del_S"] * (1 - x) ** p["eta_S"] * (1 + p["eps_S"] * sx + p["gam_S"] * x)
    xDel = (p["A_Del"] * x ** p["eta_Del"] * (1 - x) ** (p["eta_S"] + 2)
            * (1 + p["gam_Del"] * x + p["del_Del"] * x**2))
    xg = (p["A_g"] * x ** p["del_g"] * (1 - x) ** p["eta_g"] * (1 + p["eps_g"] * sx + p["gam_g"] * x)
          + p["A_gp"] * x ** p["del_gp"] * (1 - x) ** p["eta_gp"])
    xsp = p["A_p"] * x ** p["del_S"] * (1 - x) ** p["eta_p"] * (1 + p["eps_S"] * sx + p["gam_S"] * x)
    xsm = p["A_m"] * x ** p["del_m"] * (1 - x) ** p["eta_m"] * (1 - x / p["x0"])
    # S = 2(ubar + dbar) + s + sbar; Delta = dbar - ubar; s± = s ± sbar
    xubar_plus_dbar = (xS - xsp) / 2
    xdbar = (xubar_plus_dbar + xDel) / 2
    xubar = (xubar_plus_dbar - xDel) / 2
    xs = (xsp + xsm) / 2
    xsbar = (xsp - xsm) / 2
    return {"g": xg, "u": xuv + xubar, "d": xdv + xdbar, "ubar": xubar, "dbar": xdbar,
            "s": xs, "sbar": xsbar, "uv": xuv, "dv": xdv}


def sum_rules_input() -> dict[str, float]:
    def integ(f, power):
        return quad(lambda x: f(x) * x**power, 0, 1, limit=400, points=[1e-3, 1e-2, 0.1])[0]

    return {
        "N_uv": integ(lambda x: xpdfs_input(x)["uv"], -1),
        "N_dv": integ(lambda x: xpdfs_input(x)["dv"], -1),
        "N_s-sbar": integ(lambda x: xpdfs_input(x)["s"] - xpdfs_input(x)["sbar"], -1),
        "momentum": integ(lambda x: sum(xpdfs_input(x)[k] for k in
                                        ("g", "u", "d", "ubar", "dbar", "s", "sbar")), 0),
    }


def hoppet_callback(x: float, Q: float) -> np.ndarray:
    f = xpdfs_input(x)
    # HOPPET order: tbar bbar cbar sbar ubar dbar g d u s c b t
    return np.array([0, 0, 0, f["sbar"], f["ubar"], f["dbar"], f["g"], f["d"], f["u"], f["s"],
                     0, 0, 0], dtype=float)


def main() -> None:
    import hoppet

    sr = sum_rules_input()
    print("input sum rules (expect 2, 1, 0, 1):", {k: round(v, 5) for k, v in sr.items()})
    assert abs(sr["N_uv"] - 2) < 2e-3 and abs(sr["N_dv"] - 1) < 2e-3
    assert abs(sr["momentum"] - 1) < 2e-3 and abs(sr["N_s-sbar"]) < 1e-3

    qmin, qmax = 1.0, 1.0e5
    hoppet.StartExtended(math.log(1e7), 0.05, qmin, qmax, 0.0125, 2, -6, hoppet.factscheme_MSbar)
    hoppet.SetPoleMassVFN(MC, MB, 1.0e10)
    hoppet.Evolve(ALPHAS_Q0, Q0, 2, 1.0, hoppet_callback, Q0)
    as_mz = hoppet.AlphaS(91.1876)
    print(f"alpha_s(M_Z) evolved: {as_mz:.5f} (MSTW2008nlo: {ALPHAS_MZ_MSTW})")

    # grids: x log-spaced at small x, denser at large x (LHC TeV resonances probe x ~ 0.1-0.8)
    xs = np.unique(np.concatenate([np.geomspace(1e-7, 0.1, 61), np.linspace(0.1, 1.0, 46)]))
    # three subgrids (nf = 3, 4, 5) split at the thresholds, as LHAPDF expects
    edges = [(qmin, MC), (MC, MB), (MB, qmax)]
    npts = [4, 8, 56]
    pids = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 21]
    hop_index = {-5: 1, -4: 2, -3: 3, -2: 4, -1: 5, 21: 6, 1: 7, 2: 8, 3: 9, 4: 10, 5: 11}
    OUT.mkdir(parents=True, exist_ok=True)
    blocks = []
    qall = []
    for (a, b), n in zip(edges, npts, strict=True):
        qs = np.geomspace(a, b, n)
        qall.extend(qs)
        rows = []
        for x in xs:
            for q in qs:
                if x >= 1.0:
                    rows.append([0.0] * len(pids))
                    continue
                # evaluate just inside the subgrid so the right nf is used at the edges
                qe = min(max(q, a * (1 + 1e-9)), b * (1 - 1e-9))
                f = hoppet.Eval(x, qe)
                rows.append([f[hop_index[p]] for p in pids])
        blocks.append((qs, np.array(rows)))
    with open(OUT / f"{NAME}_0000.dat", "w") as fh:
        fh.write("PdfType: central\nFormat: lhagrid1\n---\n")
        for qs, rows in blocks:
            fh.write(" ".join(f"{x:.8e}" for x in xs) + "\n")
            fh.write(" ".join(f"{q:.8e}" for q in qs) + "\n")
            fh.write(" ".join(str(p) for p in pids) + "\n")
            for r in rows:
                fh.write(" ".join(f"{v:.8e}" for v in r) + "\n")
            fh.write("---\n")
    # momentum sum rule after evolution (at 100 GeV)
    def mom(x):
        f = hoppet.Eval(x, 100.0)
        return sum(f[1:12])

    msr = quad(mom, 1e-7, 1, limit=400, points=[1e-3, 1e-2, 0.1])[0]
    print(f"momentum sum rule at Q = 100 GeV: {msr:.5f}")
    qs_alpha = np.geomspace(qmin, qmax, 60)
    alphas = [hoppet.AlphaS(q) for q in qs_alpha]
    info = {
        "SetDesc": "MSTW 2008 NLO input (arXiv:0901.0002, Table 4, Q0 = 1 GeV) evolved at NLO "
                   "with HOPPET (ZM-VFNS, pole-mass thresholds) by darkseesaw tools/make_pdf_grid.py",
        "Authors": "input: Martin, Stirling, Thorne, Watt; evolution: HOPPET (Salam, Rojo)",
        "Reference": "arXiv:0901.0002; arXiv:0804.3755",
        "Format": "lhagrid1",
        "DataVersion": 1,
        "NumMembers": 1,
        "Particle": 2212,
        "Flavors": pids,
        "OrderQCD": 1,
        "FlavorScheme": "variable",
        "NumFlavors": 5,
        "XMin": float(xs[0]),
        "XMax": 1.0,
        "QMin": qmin,
        "QMax": qmax,
        "MZ": 91.1876,
        "MCharm": MC,
        "MBottom": MB,
        "AlphaS_MZ": round(as_mz, 6),
        "AlphaS_OrderQCD": 1,
        "AlphaS_Type": "ipol",
        "AlphaS_Qs": [float(q) for q in qs_alpha],
        "AlphaS_Vals": [float(a) for a in alphas],
        "MomentumSumRule_Q100": round(msr, 6),
    }
    with open(OUT / f"{NAME}.info", "w") as fh:
        for k, v in info.items():
            if isinstance(v, list):
                fh.write(f"{k}: [" + ", ".join(f"{e:.8g}" if isinstance(e, float) else str(e)
                                                for e in v) + "]\n")
            elif isinstance(v, str):
                fh.write(f'{k}: "{v}"\n')
            else:
                fh.write(f"{k}: {v}\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
