"""Recovery of the lost Table 1 of arXiv:1808.02500 by a fit to its Table 2, and the reproduction.

Table 2 of the paper (masses and mixings of the MiniBooNE benchmark) survives; Table 1 (the
inputs) was lost. The scalar + gauge outputs depend on 12 effective inputs

    λ_H, λ_S1, λ_Hφ, λ_HS1, λ_HS2, μ, μ′, α, v_φ, ω₁, ω₂, g_D

(v fixed by G_F; the bare masses follow from the tadpoles; λ′_Hφ = 0 because m_H± = m_HD within
the printed precision), matched to 12 printed outputs

    m_hSM, m_HD, m_SD, m_SD′, m_ZD, θ_Hφ, θ_HS1, θ_HS2, θ_φS1, θ_φS2, θ_S1S2, ε′

by least squares in log space (scipy.optimize.least_squares, Jacobian from one batched call of
the scalar engine). The system is square: the fit is unique up to the signs of the mixings (the
table prints magnitudes); we choose λ_Hφ + λ′_Hφ < 0 and λ_HS2 < 0, the branch on which the bare
masses of φ and S₂ are positive as the paper states below eq. (2.1). m_A, m_H± then follow;
m_aD is *predicted* (≈ m_SD′, eq. 2.6) and is not fitted (see notes). ε is an input (ε_exact is
tuned to it). The neutrino sector (m_ND, |U_αN|²) is separate: m = m_ND 1, y_ν from oscillation
data through eq. (2.13) with |U_αN|² ~ 10⁻⁶.

Not determined by Table 2 (degenerate; fixed to values that keep V bounded below and the vacuum
global, and respect footnote 2 where possible): λ_φ, λ_S2, λ_φS1, λ_φS2, λ_S1S2, y_N.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph

SQ2 = math.sqrt(2.0)

# Table 2 of arXiv:1808.02500 (masses in GeV here; printed in GeV or MeV)
TABLE2 = {
    "masses": {"m_hSM_GeV": 125.0, "m_HD_GeV": 100.0, "m_SD_MeV": 272.0, "m_SDp_MeV": 320.0,
               "m_HDpm_GeV": 100.0, "m_AD_GeV": 100.0, "m_aD_MeV": 272.0, "m_ZD_MeV": 30.0,
               "m_ND_MeV": 150.0},
    "mixings": {"theta_Hphi": 1.3e-6, "theta_HS1": 2.1e-6, "theta_HS2": 1e-8,
                "theta_phiS1": 1.2e-3, "theta_phiS2": 8.3e-7, "theta_S1S2": 3.4e-2,
                "epsilon": 2e-4, "epsilon_prime": 3.6e-14, "U_alphaN_sq": 1e-6},
}

# relative half-width of the last printed digit ("125" -> 0.5/125, "1.3e-6" -> 0.05/1.3 ...)
PRINTED_PRECISION = {
    "m_hSM_GeV": 0.5 / 125, "m_HD_GeV": 0.5 / 100, "m_SD_MeV": 0.5 / 272,
    "m_SDp_MeV": 0.5 / 320, "m_HDpm_GeV": 0.5 / 100, "m_AD_GeV": 0.5 / 100,
    "m_aD_MeV": 0.5 / 272, "m_ZD_MeV": 0.5 / 30, "m_ND_MeV": 0.5 / 150,
    "theta_Hphi": 0.05 / 1.3, "theta_HS1": 0.05 / 2.1, "theta_HS2": 0.5,
    "theta_phiS1": 0.05 / 1.2, "theta_phiS2": 0.05 / 8.3, "theta_S1S2": 0.05 / 3.4,
    "epsilon": 0.5 / 2, "epsilon_prime": 0.05 / 3.6, "U_alphaN_sq": None,
}

FIT_NAMES = ("lam_H", "lam_S1", "lam_Hphi", "lam_HS1", "lam_HS2", "mu", "mu_p", "alpha",
             "v_phi", "omega1", "omega2", "g_D")
# fixed signs of the fitted parameters (branch choice, see module docstring)
FIT_SIGNS = {"lam_Hphi": -1.0, "lam_HS2": -1.0}

FIT_TARGETS = ("m_hSM_GeV", "m_HD_GeV", "m_SD_MeV", "m_SDp_MeV", "m_ZD_MeV", "theta_Hphi",
               "theta_HS1", "theta_HS2", "theta_phiS1", "theta_phiS2", "theta_S1S2",
               "epsilon_prime")

# Degenerate inputs (not fixed by Table 2) and the neutrino-sector inputs
FIXED = {"lam_phi": 3.0, "lam_S2": 0.1, "lam_phiS1": 1e-3, "lam_phiS2": 1e-3,
         "lam_S1S2": 0.1, "lam_Hphi_p": 0.0, "epsilon": 2e-4, "m_N": 0.15, "y_N": 0.5,
         "m_lightest_eV": 0.0, "y_nu_scale": 1.0}

# Result of `fit_table2()` from the analytic starting point (written by running it; the
# reproduction re-runs the fit unless --fast and checks that it lands on these values).
TABLE1_FIT: dict[str, float] = {**FIXED, **{
    'lam_H': 0.12886786857938892,
    'lam_S1': 105.70416272240847,
    'lam_Hphi': -1.1531911214134616,
    'lam_HS1': 0.007118973994969285,
    'lam_HS2': -0.007191529355490399,
    'mu': 0.13784737501953687,
    'mu_p': 0.07147222122406853,
    'alpha': 0.007207193676690532,
    'v_phi': 2.2453444385266696e-05,
    'omega1': 0.01871133310019545,
    'omega2': 8.824610465434646e-05,
    'g_D': 1.603233921798647,
}}


def _target_values() -> dict[str, float]:
    t = {}
    for k, v in TABLE2["masses"].items():
        t[k] = v
    for k, v in TABLE2["mixings"].items():
        t[k] = v
    return t


def _to_gev(name: str, value: float) -> float:
    return value * 1e-3 if name.endswith("_MeV") else value


def starting_point() -> dict[str, float]:
    """Inputs from inverting the paper's approximate formulas (eqs. 2.2–2.4, 2.9, 2.18, 2.19).

    v_φ/ω₁ ≈ θ_φS1 (M_HD² − M_SD²)/M_HD² follows from eqs. (2.2) and (2.9); ε′ (eq. 2.19) and
    m_ZD = g_D ω₁ then fix ω₁ = ε′ g_Z v² /(2 (v_φ/ω₁)² m_ZD) and g_D = m_ZD/ω₁.
    """
    from darkseesaw.spectrum.gauge_mixing import sm_couplings

    t = _target_values()
    v = ph.v_EW
    mh, mHD = t["m_hSM_GeV"], t["m_HD_GeV"]
    mSD, mSDp, mZD = t["m_SD_MeV"] * 1e-3, t["m_SDp_MeV"] * 1e-3, t["m_ZD_MeV"] * 1e-3
    gZ = math.hypot(*sm_couplings())
    r = t["theta_phiS1"] * (mHD**2 - mSD**2) / mHD**2  # v_phi / omega1
    w1 = t["epsilon_prime"] * gZ * v**2 / (2 * r**2 * mZD)
    gD = mZD / w1
    vphi = r * w1
    mu = t["theta_phiS1"] * 2 * SQ2 * (mHD**2 - mSD**2) / v
    mup = t["theta_S1S2"] * SQ2 * (mSDp**2 - mSD**2) / w1
    w2 = 4 * mup * w1**2 / (8 * SQ2 * mSDp**2)
    alpha = t["theta_phiS2"] * 4 * (mHD**2 - mSDp**2) / (w1 * v)
    lHS1 = t["theta_HS1"] * (mh**2 - mSD**2) / (w1 * v)
    lHS2 = t["theta_HS2"] * (mh**2 - mSDp**2) / (w2 * v)
    # theta_Hphi = v_phi [(l + l') v - M_HD^2/v] / (m_h^2 - M_HD^2): negative branch
    lHphi = (-t["theta_Hphi"] * (mh**2 - mHD**2) / vphi + mHD**2 / v) / v
    lS1 = mSD**2 / (2 * w1**2)
    return {"lam_H": mh**2 / (2 * v**2), "lam_S1": lS1, "lam_Hphi": lHphi, "lam_HS1": lHS1,
            "lam_HS2": -abs(lHS2), "mu": mu, "mu_p": mup, "alpha": alpha, "v_phi": vphi,
            "omega1": w1, "omega2": w2, "g_D": gD}


def _batch_outputs(points: list[dict[str, float]]) -> np.ndarray:
    """The 12 fitted outputs for a batch of points (one batched engine call)."""
    from darkseesaw.models.dark_u1 import _POT_KEYS, BARE, FIELDS, scalar_potential
    from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings
    from darkseesaw.spectrum.scalars import mixing_angle

    pot = scalar_potential()
    B = len(points)
    full = [{**FIXED, **pt} for pt in points]
    pp = {k2: np.array([f[k1] for f in full]) for k1, k2 in _POT_KEYS.items()}
    vev = {"H": np.full(B, ph.v_EW), "phi": np.array([f["v_phi"] for f in full]),
           "S1": np.array([f["omega1"] for f in full]),
           "S2": np.array([f["omega2"] for f in full])}
    sol = pot.solve_tadpoles(pp, vev, list(BARE))
    sp = pot.spectrum(sol, vev)
    O = sp.cp_even.rotation
    m = sp.cp_even.masses
    out = np.empty((B, len(FIT_TARGETS)))
    g, gp = sm_couplings()
    for b in range(B):
        Ob = O[b]
        idx = [int(np.argmax(np.abs(Ob[i, :]))) for i in range(4)]
        mass = [m[b, k] for k in idx]
        th = [mixing_angle(Ob, FIELDS.index(a), FIELDS.index(c)) for a, c in
              (("H", "phi"), ("H", "S1"), ("H", "S2"), ("phi", "S1"), ("phi", "S2"),
               ("S1", "S2"))]
        gm = neutral_gauge_mixing(g, gp, full[b]["g_D"],
                                  [ph.v_EW, full[b]["v_phi"], full[b]["omega1"],
                                   full[b]["omega2"]],
                                  [(-0.5, 0.5, 0), (-0.5, 0.5, 1), (0, 0, 1), (0, 0, 2)])
        out[b] = [mass[0], mass[1], mass[2] * 1e3, mass[3] * 1e3, gm.masses[2] * 1e3,
                  *[abs(float(x)) for x in th], abs(float(gm.eps_Z[2]))]
    return out


def _unpack(x: np.ndarray) -> dict[str, float]:
    return {n: FIT_SIGNS.get(n, 1.0) * float(np.exp(xi)) for n, xi in zip(FIT_NAMES, x,
                                                                          strict=True)}


def _pack(d: dict[str, float]) -> np.ndarray:
    return np.array([math.log(abs(d[n])) for n in FIT_NAMES])


def fit_table2(start: dict[str, float] | None = None, *, max_nfev: int = 40,
               upper: dict[str, float] | None = None, verbose: bool = False) -> dict[str, Any]:
    """Least-squares fit (log space) of the 12 effective inputs to the 12 Table-2 outputs.

    Parameters
    ----------
    start : dict, optional
        Starting inputs (default `starting_point`).
    max_nfev : int
        Maximum number of (batched) evaluations.
    upper : dict, optional
        Upper bounds on the magnitudes of fitted inputs, e.g. ``{"lam_S1": 4π}`` (the
        perturbative variant). Then the residuals are weighted by the printed precision
        (χ²-like) and a bounded trust-region solver is used.

    Returns
    -------
    dict
        ``inputs`` (fitted + fixed), ``residuals`` (log(pred/target) per fitted output),
        ``cost``, ``nfev``, ``success``, ``start``.
    """
    from scipy.optimize import least_squares

    t = _target_values()
    y = np.log(np.array([t[k] for k in FIT_TARGETS]))
    st = starting_point() if start is None else start
    cache: dict[bytes, np.ndarray] = {}

    def eval_batch(X):
        pts = [_unpack(xx) for xx in X]
        return np.log(_batch_outputs(pts))

    def fun(x):
        key = x.tobytes()
        if key not in cache:
            cache[key] = eval_batch(x[None, :])[0]
        return cache[key] - y

    def jac(x):
        h = 1e-6
        X = np.vstack([x] + [x + h * e for e in np.eye(len(x))])
        F = eval_batch(X)
        cache[x.tobytes()] = F[0]
        return (F[1:] - F[0]).T / h

    if upper:
        w = 1.0 / np.log1p(np.array([PRINTED_PRECISION[k] for k in FIT_TARGETS]))
        hi = np.array([math.log(upper[n]) if n in upper else np.inf for n in FIT_NAMES])
        x0 = np.minimum(_pack(st), hi - 1e-9)
        res = least_squares(lambda x: w * fun(x), x0, jac=lambda x: w[:, None] * jac(x),
                            bounds=(-np.inf, hi), method="trf", max_nfev=max_nfev,
                            xtol=1e-12, ftol=1e-12, gtol=1e-12)
    else:
        res = least_squares(fun, _pack(st), jac=jac, method="lm", max_nfev=max_nfev,
                            xtol=1e-14, ftol=1e-14, gtol=1e-14)
    fitted = _unpack(res.x)
    r = fun(res.x)
    if verbose:
        print("fit:", res.message, "nfev", res.nfev, "max|log resid|", np.max(np.abs(r)))
    return {"inputs": {**FIXED, **fitted}, "residuals": dict(zip(FIT_TARGETS, r.tolist(),
                                                                  strict=True)),
            "cost": float(res.cost), "nfev": int(res.nfev), "success": bool(res.success),
            "start": st, "jacobian": res.jac}


# --------------------------------------------------------------------------------------------
# Reproduction
# --------------------------------------------------------------------------------------------
DP_CURVES = [
    "darkphoton/epsilon/darkcast-a1-merkel2014avp",
    "darkphoton/epsilon/darkcast-apex-abrahamyan2011gv",
    "darkphoton/epsilon/darkcast-babar-lees2014xha",
    "darkphoton/epsilon/darkcast-e137-andreas2012mt",
    "darkphoton/epsilon/darkcast-e141-riordan1987aw",
    "darkphoton/epsilon/darkcast-e774-bross1989mp",
    "darkphoton/epsilon/darkcast-hps-adrian2018scb",
    "darkphoton/epsilon/darkcast-kek-konaka1986cb",
    "darkphoton/epsilon/darkcast-kloe-anastasi2015qla",
    "darkphoton/epsilon/darkcast-na48-batley2015lha",
    "darkphoton/epsilon/darkcast-na64-banerjee2019hmi",
    "darkphoton/epsilon/darkcast-nucal-blumlein1991xh",
    "darkphoton/epsilon/darkcast-orsay-davier1989wz",
    "darkphoton/epsilon/darkcast-charm-tsai2019mtm",
    "darkphoton/epsilon/darkcast-lhcb-aaij2019bvg-prompt",
    "darkphoton/epsilon/darkcast-amme-bodas2021fsy-rb",
]
"""Visible (e⁺e⁻/μ⁺μ⁻) dark-photon limits of DarkCast (Ilten et al. 1801.04847) and the
electron g−2 bound: they apply to Z_D directly because BR(Z_D → e⁺e⁻) ≈ 1 and ε′ is negligible."""


def _outputs(inputs: dict[str, float], *, check_candidates: bool) -> dict[str, Any]:
    from darkseesaw.models import dark_u1 as M

    p = M.Parameters(**inputs)
    s = M.scalar_spectrum(p)
    g = M.gauge_sector(p)
    n = M.neutrino_spectrum(p)
    d = M.decays(p, g, n)
    vac = M.minimise(p, s["bare"], check_candidates=check_candidates)
    approx = M.approximate_scalars(p, s["m_HD"], s["m_SDp"], s["m_SD"], s["m_hSM"])
    return {"p": p, "s": s, "g": g, "n": n, "d": d, "vac": vac, "approx": approx}


def _table2_from(o: dict[str, Any]) -> dict[str, dict[str, float]]:
    s, g, n = o["s"], o["g"], o["n"]
    th = s["theta"]
    return {
        "masses": {"m_hSM_GeV": s["m_hSM"], "m_HD_GeV": s["m_HD"], "m_SD_MeV": s["m_SD"] * 1e3,
                   "m_SDp_MeV": s["m_SDp"] * 1e3, "m_HDpm_GeV": s["m_HDpm"],
                   "m_AD_GeV": s["m_AD"], "m_aD_MeV": s["m_aD"] * 1e3,
                   "m_ZD_MeV": g["m_ZD"] * 1e3, "m_ND_MeV": n["m_ND"] * 1e3},
        "mixings": {"theta_Hphi": abs(th["Hphi"]), "theta_HS1": abs(th["HS1"]),
                    "theta_HS2": abs(th["HS2"]), "theta_phiS1": abs(th["phiS1"]),
                    "theta_phiS2": abs(th["phiS2"]), "theta_S1S2": abs(th["S1S2"]),
                    "epsilon": g["epsilon"], "epsilon_prime": g["eps_prime"],
                    "U_alphaN_sq": float(np.max(n["U_aN_sq"]))},
    }


def _naturalness(inputs: dict[str, float], s: dict[str, Any]) -> dict[str, Any]:
    """Footnote 2 of the paper: M_lightest ≥ √λ M_heavy/(8π) for the portal quartics between
    heavy (H, φ) and light (S₁, S₂) fields; μ, μ′, α v below M_lightest; perturbativity."""
    light = min(s["m_SD"], s["m_SDp"], s["m_aD"])
    heavy = {"lam_HS1": s["m_hSM"], "lam_HS2": s["m_hSM"], "lam_phiS1": s["m_HD"],
             "lam_phiS2": s["m_HD"]}
    out: dict[str, Any] = {"M_lightest_GeV": light}
    for k, mh in heavy.items():
        bound = math.sqrt(abs(inputs[k])) * mh / (8 * math.pi)
        out[k] = {"sqrt_lam_Mheavy_over_8pi_GeV": bound, "ok": bound <= light}
    for k, val in (("mu", abs(inputs["mu"])), ("mu_p", abs(inputs["mu_p"])),
                   ("alpha_v", abs(inputs["alpha"]) * ph.v_EW)):
        out[k] = {"value_GeV": val, "ok": val <= light}
    big = {k: inputs[k] for k in inputs if k.startswith("lam_") and abs(inputs[k]) > 4 * math.pi}
    out["quartics_above_4pi"] = big
    out["g_D_over_sqrt4pi"] = inputs["g_D"] / math.sqrt(4 * math.pi)
    return out


def _figures(out: Path, o: dict[str, Any], fast: bool) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from darkseesaw.report.limits import draw_limits, save

    files: list[str] = []
    s, g, n = o["s"], o["g"], o["n"]
    # --- spectrum ladder (left) and CP-even mixing matrix (right)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11.0, 5.4),
                                  gridspec_kw={"width_ratios": [1.6, 1.0]})
    cols = {"CP-even": 0, "CP-odd": 1, "charged": 2, "vectors": 3, "dark fermions": 4}
    levels = [
        ("CP-even", r"$h_{\rm SM}$", s["m_hSM"], "r"), ("CP-even", r"$H_\mathcal{D}$", s["m_HD"], "l"),
        ("CP-even", r"$S_\mathcal{D}$", s["m_SD"], "l"),
        ("CP-even", r"$S'_\mathcal{D}$", s["m_SDp"], "r"),
        ("CP-odd", r"$A_\mathcal{D}$", s["m_AD"], "r"), ("CP-odd", r"$a_\mathcal{D}$", s["m_aD"], "r"),
        ("charged", r"$H^\pm_\mathcal{D}$", s["m_HDpm"], "r"), ("vectors", r"$Z$", g["m_Z"], "r"),
        ("vectors", r"$Z_\mathcal{D}$", g["m_ZD"], "r"),
        ("dark fermions", r"$N_\mathcal{D}$ (6 states)", n["m_ND"], "r"),
    ]
    for sec, lab, m, side in levels:
        x = cols[sec]
        ax.hlines(m, x - 0.3, x + 0.3, color="C2" if sec == "dark fermions" else "C0", lw=2.5)
        ax.text(x + 0.33 if side == "r" else x - 0.33, m, lab, va="center",
                ha="left" if side == "r" else "right", fontsize=10)
    ax.text(cols["vectors"] - 0.45, g["m_ZD"] * 0.42,
            rf"$\epsilon$ = {g['epsilon']:.1e}" + "\n" + rf"$\epsilon'$ = {g['eps_prime']:.1e}",
            fontsize=9, va="top")
    ax.text(cols["dark fermions"] - 0.45, n["m_ND"] * 1.8,
            rf"max $|U_{{\alpha N}}|^2$ = {np.max(n['U_aN_sq']):.1e}" + "\n"
            + rf"$m_{{\nu_3}}$ = {n['m_light_eV'][2]:.3f} eV", fontsize=9, va="bottom")
    ax.set_yscale("log")
    ax.set_xticks(list(cols.values()), list(cols.keys()), fontsize=9)
    ax.set_xlim(-0.8, 4.9)
    ax.set_ylim(5e-3, 5e2)
    ax.set_ylabel("mass [GeV]")
    ax.set_title("(a) spectrum from the fitted inputs", fontsize=10)
    O = np.abs(s["O_even"])
    idx = [int(np.argmax(O[i, :])) for i in range(4)]
    Oc = O[:, idx]  # columns ordered as (h_SM, H_D, S_D, S_D')
    im = ax2.imshow(np.log10(np.maximum(Oc, 1e-16)), cmap="viridis", vmin=-9, vmax=0)
    fl = [r"$H$", r"$\phi$", r"$S_1$", r"$S_2$"]
    st = [r"$h_{\rm SM}$", r"$H_\mathcal{D}$", r"$S_\mathcal{D}$", r"$S'_\mathcal{D}$"]
    ax2.set_yticks(range(4), fl)
    ax2.set_xticks(range(4), st)
    for i in range(4):
        for j in range(4):
            ax2.text(j, i, f"{Oc[i, j]:.1e}" if i != j else "≈1", ha="center", va="center",
                     fontsize=8, color="w" if np.log10(max(Oc[i, j], 1e-16)) < -4 else "k")
    cb = fig.colorbar(im, ax=ax2, fraction=0.046, pad=0.04)
    cb.set_label(r"$\log_{10}|O_{\rm field,\,state}|$")
    ax2.set_xlabel("physical CP-even state")
    ax2.set_ylabel("interaction field")
    ax2.set_title(r"(b) CP-even mixing ($|\theta_{\varphi\varphi'}|$ off-diagonal)",
                  fontsize=10)
    fig.suptitle("dark-u1: fitted Table 1 → Table 2 of arXiv:1808.02500", fontsize=11)
    fig.tight_layout()
    files += save(fig, str(out / "dark-u1_spectrum.png"))
    plt.close(fig)
    # --- Z_D against dark-photon limits
    fig, ax = plt.subplots(figsize=(8.4, 5.2))
    draw_limits(ax, DP_CURVES, x_unit="MeV", xlim=(1.0, 1000.0), ylim=(1e-6, 1e-2),
                legend="outside")
    ax.plot([g["m_ZD"] * 1e3], [g["epsilon"]], marker="*", ms=16, color="red", ls="none",
            label=r"dark-u1 $Z_\mathcal{D}$ (Table 2)", zorder=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=7)
    ax.set_xlabel(r"$m_{Z_\mathcal{D}}$ [MeV]")
    ax.set_ylabel(r"kinetic mixing $\epsilon$")
    ax.set_title(r"$Z_\mathcal{D}$ of the MiniBooNE benchmark vs visible dark-photon limits",
                 fontsize=10)
    fig.tight_layout()
    files += save(fig, str(out / "dark-u1_zd_limits.png"))
    plt.close(fig)
    return files


def _jsonable(x):
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, np.ndarray):
        return _jsonable(x.tolist())
    if isinstance(x, np.bool_ | bool):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating | float):
        return float(x) if np.isfinite(x) else None
    return x


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Fit Table 1, compute Table 2 and write ``out/dark-u1.json`` and the two figures.

    ``fast`` skips the fit (uses `TABLE1_FIT`) and the search of competing vacua.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    if fast:
        inputs = dict(TABLE1_FIT)
        fit_info: dict[str, Any] = {"ran": False, "note": "fast mode: stored fitted inputs"}
        fit_res = None
    else:
        fit_res = fit_table2()
        inputs = fit_res["inputs"]
        dev = max(abs(inputs[k] / TABLE1_FIT[k] - 1) for k in FIT_NAMES)
        fit_info = {"ran": True, "cost": fit_res["cost"], "nfev": fit_res["nfev"],
                    "success": fit_res["success"], "start": fit_res["start"],
                    "log_residuals": fit_res["residuals"],
                    "max_rel_dev_from_stored_TABLE1_FIT": dev}
    pert: dict[str, Any] = {"ran": False}
    if not fast:
        pr = fit_table2(start={k: inputs[k] for k in FIT_NAMES},
                        upper={"lam_S1": 4 * math.pi}, max_nfev=30)
        pert = {"ran": True, "bound": "lam_S1 <= 4 pi; residuals weighted by the printed "
                "precision", "inputs": {k: pr["inputs"][k] for k in FIT_NAMES},
                "rel_residuals": {k: math.exp(v) - 1 for k, v in pr["residuals"].items()},
                "success": pr["success"], "nfev": pr["nfev"]}
    o = _outputs(inputs, check_candidates=not fast)
    s, g, n, d, vac, approx = o["s"], o["g"], o["n"], o["d"], o["vac"], o["approx"]
    table2 = _table2_from(o)
    # Jacobian (log outputs wrt log inputs) -> propagation of the printed precision
    if fit_res is not None:
        J = np.asarray(fit_res["jacobian"])
    else:
        x0 = _pack(inputs)
        h = 1e-6
        X = [x0] + [x0 + h * e for e in np.eye(len(x0))]
        F = np.log(_batch_outputs([_unpack(xx) for xx in X]))
        J = (F[1:] - F[0]).T / h
    Jinv = np.linalg.inv(J)
    prec = np.array([PRINTED_PRECISION[k] for k in FIT_TARGETS])
    rng = np.abs(Jinv) @ prec
    fit_info["jacobian_singular_values"] = np.linalg.svd(J, compute_uv=False)
    fit_info["condition_number"] = float(np.linalg.cond(J))
    fit_info["input_rel_range_from_printed_precision"] = dict(zip(FIT_NAMES, rng.tolist(),
                                                                  strict=True))
    # residuals against the paper
    t = _target_values()
    residuals: dict[str, Any] = {}
    for grp in ("masses", "mixings"):
        for k, v in table2[grp].items():
            rel = v / t[k] - 1
            pp = PRINTED_PRECISION[k]
            if k == "U_alphaN_sq":
                ok = abs(math.log10(v / t[k])) <= 0.5
                crit = "order of magnitude: |log10(model/paper)| <= 0.5"
            else:
                ok = abs(rel) <= pp * (1 + 1e-9)
                crit = f"|rel| <= {pp:.3g} (half of the last printed digit)"
            residuals[k] = {"paper": t[k], "model": v, "rel": rel, "log10_ratio":
                            math.log10(v / t[k]), "within_printed_precision": ok,
                            "criterion": crit, "fitted": k in FIT_TARGETS}
    # approximations vs exact
    ap = {}
    exact = {"v_phi": inputs["v_phi"], "omega2": inputs["omega2"], "m_hSM": s["m_hSM"],
             "m_SD": s["m_SD"], "m_HD": s["m_HD"], "m_SDp": s["m_SDp"], "m_AD": s["m_AD"],
             "m_aD": s["m_aD"], "m_HDpm": s["m_HDpm"]}
    exact.update({f"theta_{k}": v for k, v in s["theta"].items()})
    for k, v in approx.items():
        e = exact[k]
        ap[k] = {"approx": v, "exact": e, "rel_diff": (abs(v) / abs(e) - 1) if e else None}
    ap["m_ZD_eq218_GeV"] = {"approx": g["m_ZD_eq218"], "exact": g["m_ZD"],
                            "rel_diff": g["m_ZD_eq218"] / g["m_ZD"] - 1}
    ap["eps_prime_eq219"] = {"approx": g["eps_prime_eq219"], "exact": g["eps_prime"],
                             "rel_diff": g["eps_prime_eq219"] / g["eps_prime"] - 1}
    ap["m_light_eq213_eV"] = {"approx": n["m_light_eq213_eV"], "exact": n["m_light_eV"]}
    eps_loop = (ph.e_charge_0 * inputs["g_D"] / (480 * math.pi**2)
                * g["m_ZD"] ** 2 / s["m_HDpm"] ** 2)
    # limits
    lim = {}
    try:
        from darkseesaw.constraints import curve

        for name in DP_CURVES:
            c = curve(name)
            a = c.allowed(g["m_ZD"], g["epsilon"])
            lim[name] = bool(np.all(a)) if np.ndim(a) else bool(a)
    except Exception as exc:  # pragma: no cover - constraints layer missing
        lim = {"error": repr(exc)}
    nat = _naturalness(inputs, s)
    vac_vevs = {k: float(v) for k, v in vac.vevs.items()}
    notes += [
        "Table 1 of the paper is lost; 'inputs' is a least-squares fit (log space) of 12 "
        "effective inputs to 12 printed outputs of Table 2 (m_hSM, m_HD, m_SD, m_SD', m_ZD, six "
        "theta's, eps'); the system is square and well conditioned (see fit.condition_number), "
        "so these inputs are unique up to the signs of the mixings (the table prints "
        "magnitudes). Branch chosen: lam_Hphi+lam'_Hphi < 0 and lam_HS2 < 0, on which the bare "
        "masses m_phi^2 and m_2^2 are positive as stated below eq. (2.1).",
        "m_aD: Table 2 prints 272 MeV but eq. (2.6) of the paper itself says M_aD ~ M_SD' (320 "
        "MeV) and the exact diagonalisation gives m_aD = m_SD' (1 + 4 w2^2/w1^2)^(1/2) to 1e-4: a_D "
        "is the pseudo-Goldstone partner of S_D'. Reaching 272 MeV would need lam_S2 w2^2 ~ "
        "0.014 GeV^2, i.e. lam_S2 ~ 1e6. We treat 272 as a misprint (copied from m_SD); it is "
        "not fitted and its residual (~+18 %) is reported.",
        "eps' (eq. 2.19) = 3.6e-14 together with theta_phiS1 (which fixes v_phi/w1 ~ 1.2e-3) and "
        "m_ZD = g_D w1 = 30 MeV forces w1 = 18.7 MeV and g_D = 1.60 (alpha_D = 0.20, close to "
        "alpha_D = 0.25 of the MiniBooNE fit 1807.09877), hence lam_S1 = m_SD^2/(2 w1^2) ~ 106 > "
        "4 pi: Table 2 implies a non-perturbative lam_S1. A fit with lam_S1 <= 4 pi "
        "('fit_perturbative', full mode) cannot reproduce Table 2: it misses theta_phiS1 by "
        "~-39 %, m_ZD by ~-4 % and eps' by ~+3 % (w1 = 54 MeV, g_D = 0.53).",
        "Footnote-2 naturalness (sqrt(lam) M_heavy/8pi <= M_lightest; mu, mu', alpha v <= "
        "M_lightest) fails for lam_HS1, lam_HS2 (fixed by theta_HS1, theta_HS2) and for alpha v "
        "(alpha fixed by theta_phiS2): see 'naturalness'. These follow from Table 2, not from a "
        "choice of ours.",
        "eps' reported is the mass-mixing coupling of eq. (2.19) (gauge engine with sin chi = "
        "0). The full Z-current coupling of the physical Z_D is dominated by the kinetic "
        "mixing, -s_W tan(chi) m_ZD^2/m_Z^2 ~ 1e-11 (gauge.eps_prime_total).",
        "|U_alphaN|^2: y_nu is reconstructed from NuFIT 6.0 (NO, m1 = 0) through eq. (2.13) "
        "with m = 150 MeV and mu_ISS = y_N' w2/sqrt2; |U_alphaN|^2 = sum_i |U_alpha i|^2 m_i/mu_ISS "
        "~ 1e-7..6e-7, i.e. O(1e-6). Larger mixing needs |y_nu| > 7 because v_phi = 22 keV.",
        "Not determined by Table 2 (degenerate): lam_phi, lam_S2, lam_phiS1, lam_phiS2, "
        "lam_S1S2, lam'_Hphi (|lam'| v^2/2 below the 1 GeV precision of m_HD+-), y_N. "
        "lam_phi = 3 is needed for the vacuum to be global (a phi-only vacuum with V ~ "
        "-m_phi^4/(4 lam_phi) competes otherwise) and for boundedness, lam_Hphi > "
        "-2 sqrt(lam_H lam_phi).",
    ]
    result = {
        "model": "dark-u1",
        "paper": "Bertuzzo, Jana, Machado, Zukanovich Funchal, PLB 791 (2019) 210, "
                 "arXiv:1808.02500",
        "inputs": {**{k: inputs[k] for k in inputs}, "v_GeV": ph.v_EW,
                   "bare_masses_GeV2": s["bare"],
                   "units": "vevs v_phi, omega1, omega2, m_N in GeV; mu, mu_p in GeV; "
                            "bare masses in GeV^2; couplings dimensionless"},
        "table2": table2,
        "residuals": residuals,
        "paper_table2": TABLE2,
        "fit": fit_info,
        "fit_perturbative": pert,
        "determination": {
            "fitted_outputs (12 equations for 12 inputs, unique up to signs)": list(FIT_TARGETS),
            "fitted_inputs": list(FIT_NAMES),
            "predicted_outputs": {"m_HDpm_GeV": "= m_HD for lam'_Hphi = 0 (any |lam'| < ~3e-3 "
                                  "is allowed by the printed precision)",
                                  "m_AD_GeV": "= m_HD (eq. 2.5), no freedom",
                                  "m_aD_MeV": "= m_SD' (eq. 2.6), no freedom: contradicts the "
                                  "printed 272 MeV"},
            "inputs_equal_to_outputs": {"epsilon": "input (kinetic mixing tuned to it)",
                                        "m_ND_MeV": "m (N-N' Dirac mass) = 150 MeV",
                                        "U_alphaN_sq": "set by y_nu (reconstructed from "
                                        "oscillation data, eq. 2.13); order of magnitude only"},
        },
        "degenerate_inputs": ["lam_phi", "lam_S2", "lam_phiS1", "lam_phiS2", "lam_S1S2",
                              "lam_Hphi_p", "y_N"],
        "approximations": ap,
        "minimisation": {"vevs_from_Lagrangian_inputs_GeV": vac_vevs,
                         "converged": bool(vac.converged), "is_minimum": bool(vac.is_minimum),
                         "is_deepest": bool(vac.is_deepest) if not fast else None,
                         "n_candidates": len(vac.candidates),
                         "goldstone_residual": s["goldstone_residual"]},
        "gauge": {k: v for k, v in g.items() if k != "mixing"} | {"epsilon_loop_eq221":
                                                                   eps_loop},
        "neutrinos": {"m_light_eV": n["m_light_eV"], "m_light_eq213_eV": n["m_light_eq213_eV"],
                      "m_heavy_GeV": n["m"][n["heavy"]], "U_aN_sq": n["U_aN_sq"],
                      "max_abs_y_nu": float(np.max(np.abs(n["y_nu"]))),
                      "oscillations": {k: n["osc"][k] for k in ("s12sq", "s13sq", "s23sq",
                                                                "dm21sq", "dm3lsq")}},
        "decays": d,
        "naturalness": nat,
        "dark_photon_limits_allowed": lim,
        "notes": notes,
    }
    result["figures"] = _figures(out, o, fast)
    result = _jsonable(result)
    (out / "dark-u1.json").write_text(json.dumps(result, indent=2))
    # short table
    print(f"{'quantity':16s} {'paper':>12s} {'model':>12s} {'rel':>10s}  ok")
    for k, r in residuals.items():
        print(f"{k:16s} {r['paper']:12.4g} {r['model']:12.4g} {r['rel']:10.2e}  "
              f"{'yes' if r['within_printed_precision'] else 'NO'}")
    return result
