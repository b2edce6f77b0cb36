"""Model ``dark-u1``: a light dark U(1)_D that dynamically generates the inverse-seesaw μ-term.

Paper: E. Bertuzzo, S. Jana, P.A.N. Machado, R. Zukanovich Funchal, PLB 791 (2019) 210
[arXiv:1808.02500]. Content: SM + dark doublet φ (Y = ½, D = +1), singlets S₁ (D = +1), S₂
(D = +2), three N (D = +1) and three N′ (D = −1); vevs (H, φ, S₁, S₂) = (v, v_φ, ω₁, ω₂)/√2 with
v_φ, ω₂ ≪ ω₁ ≪ v (v = 246.22 GeV fixed by G_F).

Sectors:

* `NeutralLeptons` — the 9×9 matrix of eq. (2.12) in the basis (ν, N, N′) ↔ (ν_L, N_Rᶜ, S):
  m_D = y_ν v_φ/√2, M = m_N 1, μ_S = y_N′ ω₂/√2 1, μ_R = y_N ω₂/√2 1 (exact Takagi); y_ν is
  reconstructed from NuFIT 6.0 (NO, best fit) through eq. (2.13) (`y_nu_matrix`); dark charges
  (0, −1, +1) so that N_D → ν Z_D enters the HNL lifetimes;
* `U1Gauge` — ``charges="dark"``, g_D, kinetic mixing ε (coupling to e J_em), the Z_D mass and
  its mass mixing with the Z from the vevs of φ, S₁, S₂; N + N′ as three vector-like Dirac
  fermions of charge 1 (anomaly free).

Own: the four-field potential of eq. (2.1) on `darkseesaw.spectrum.scalars` (tadpoles solved for
the bare masses at the vevs; exact CP-even, CP-odd and charged spectra; angles θ_ab of eq. 2.8
read from the physical state with the largest a-component) as extra spectrum and observables;
ε′ of the physical Z_D (own observable, kinetic + mass mixing); the Higgs-coupling bound on the
dark admixture of h (own link). The paper's approximate formulas (eqs. 2.2–2.9, 2.18–2.21), the
fit of its lost Table 1 and the MiniBooNE decay picture are in `darkseesaw.papers.dark_u1`.

Example
-------
>>> from darkseesaw.models.dark_u1 import MODEL
>>> o = MODEL.observables(MODEL.parameters(**MODEL.benchmarks["table2-fit"]))
>>> round(o["M_Zp"] * 1e3, 1), round(o["m_SD"] * 1e3, 1), round(o["theta_phiS1"] * 1e3, 2)
(30.0, 272.0, 1.2)
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import yaml

from darkseesaw import physics as ph
from darkseesaw.constraints.links import MeasurementLink
from darkseesaw.constraints.measurements import NUFIT
from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.observables.neutrino import pmns_matrix
from darkseesaw.sectors import NeutralLeptons, U1Gauge
from darkseesaw.sectors.base import Point, SectorSpectrum
from darkseesaw.sectors.u1_gauge import Fermion
from darkseesaw.spectrum.scalars import Doublet, ScalarPotential, Singlet, mixing_angle

SQ2 = math.sqrt(2.0)
FIELDS = ("H", "phi", "S1", "S2")  # interaction order of the neutral blocks
BARE = ("mH2", "mphi2", "m12", "m22")  # bare masses fixed by the tadpoles
POT_KEYS = {"lam_H": "lH", "lam_phi": "lphi", "lam_S1": "lS1", "lam_S2": "lS2",
             "lam_Hphi": "lHphi", "lam_Hphi_p": "lHphip", "lam_HS1": "lHS1", "lam_HS2": "lHS2",
             "lam_phiS1": "lphiS1", "lam_phiS2": "lphiS2", "lam_S1S2": "lS1S2",
             "mu": "mu", "mu_p": "mup", "alpha": "alpha"}  # parameter -> potential name
STATES = {"hSM": 0, "HD": 1, "SD": 2, "SDp": 3}  # CP-even states by dominant field
ANGLES = (("H", "phi"), ("H", "S1"), ("H", "S2"), ("phi", "S1"), ("phi", "S2"), ("S1", "S2"))


def potential(f: dict, p: dict):
    """Tree-level potential of eq. (2.1) [GeV⁴] (vectorised; fields ``H, phi`` doublets, ``S1, S2``).

    V = −m_H² H†H + m_φ² φ†φ − m₁²|S₁|² + m₂²|S₂|² − Re[μ S₁ φ†H + μ′ S₁² S₂* + α H†φ S₁ S₂*]
        + λ′_Hφ |φ†H|² + Σ λ_X (X†X)² + Σ_{X<Y} λ_XY (X†X)(Y†Y).
    """
    H, P, S1, S2 = f["H"], f["phi"], f["S1"], f["S2"]
    HH, PP = (abs(H) ** 2).sum(-1), (abs(P) ** 2).sum(-1)
    PH = (np.conj(P) * H).sum(-1)  # φ†H
    A1, A2 = abs(S1) ** 2, abs(S2) ** 2
    tri = (p["mu"] * S1 * PH + p["mup"] * S1**2 * np.conj(S2)
           + p["alpha"] * np.conj(PH) * S1 * np.conj(S2))
    return (-p["mH2"] * HH + p["mphi2"] * PP - p["m12"] * A1 + p["m22"] * A2 - np.real(tri)
            + p["lHphip"] * abs(PH) ** 2 + p["lH"] * HH**2 + p["lphi"] * PP**2
            + p["lS1"] * A1**2 + p["lS2"] * A2**2 + p["lHphi"] * HH * PP + p["lHS1"] * HH * A1
            + p["lHS2"] * HH * A2 + p["lphiS1"] * PP * A1 + p["lphiS2"] * PP * A2
            + p["lS1S2"] * A1 * A2)


@cache
def scalar_potential() -> ScalarPotential:
    """The `darkseesaw.spectrum.scalars.ScalarPotential` of eq. (2.1)."""
    return ScalarPotential([Doublet("H", {"Y": 0.5, "D": 0.0}), Doublet("phi", {"Y": 0.5, "D": 1.0}),
                            Singlet("S1", {"D": 1.0}), Singlet("S2", {"D": 2.0})], potential)


class Parameters(ModelParameters):
    """Inputs of dark-u1: Lagrangian couplings and vevs (⟨X⟩ = v_X/√2); bare masses from tadpoles."""

    v_phi: float = param(2.2e-5, unit="GeV", description="induced vev of the dark doublet", gt=0)
    omega1: float = param(0.0187, unit="GeV", description="vev of S1", gt=0)
    omega2: float = param(8.8e-5, unit="GeV", description="induced vev of S2", gt=0)
    lam_H: float = param(0.129, description="lambda_H", gt=0)
    lam_phi: float = param(3.0, description="lambda_phi", gt=0)
    lam_S1: float = param(1.0, description="lambda_S1", gt=0)
    lam_S2: float = param(0.1, description="lambda_S2", gt=0)
    lam_Hphi: float = param(0.0, description="lambda_Hphi")
    lam_Hphi_p: float = param(0.0, description="lambda'_Hphi")
    lam_HS1: float = param(0.0, description="lambda_HS1")
    lam_HS2: float = param(0.0, description="lambda_HS2")
    lam_phiS1: float = param(1e-3, description="lambda_phiS1")
    lam_phiS2: float = param(1e-3, description="lambda_phiS2")
    lam_S1S2: float = param(0.1, description="lambda_S1S2")
    mu: float = param(0.1, unit="GeV", description="trilinear mu S1 phi^dag H")
    mu_p: float = param(0.05, unit="GeV", description="trilinear mu' S1^2 S2^*")
    alpha: float = param(1e-3, description="quartic alpha H^dag phi S1 S2^*")
    g_D: float = param(1.6, description="U(1)_D gauge coupling", gt=0)
    epsilon: float = param(2e-4, description="kinetic mixing (coupling e epsilon J_em of Z_D)")
    m_N: float = param(0.15, unit="GeV", description="N-N' Dirac mass m (diagonal)", gt=0)
    y_N: float = param(0.8, description="y_N (diagonal): S2 N N")
    y_Np: float = param(0.8, description="y_N' (diagonal): S2^* N' N'")
    m_lightest_eV: float = param(0.0, unit="eV", description="lightest active mass (NO)", ge=0)
    y_nu_scale: float = param(1.0, description="factor on y_nu reconstructed from oscillation "
                              "data (|U_aN|^2 and m_nu scale with its square)", gt=0)

    def pot_params(self) -> dict[str, float]:
        """Couplings of `potential` (without the bare masses)."""
        return {k2: getattr(self, k1) for k1, k2 in POT_KEYS.items()}

    def vevs(self) -> dict[str, float]:
        """Vevs [GeV] by multiplet name."""
        return {"H": ph.v_EW, "phi": self.v_phi, "S1": self.omega1, "S2": self.omega2}


def scalar_spectrum(p: Parameters) -> dict[str, Any]:
    """Exact scalar spectrum at the vevs of ``p``: masses ``m_hSM, m_HD, m_SD, m_SDp, m_AD, m_aD,
    m_HDpm`` [GeV]; signed angles ``theta`` (``"Hphi"`` …, eq. 2.8 up to sign); ``O_even`` (rows
    H, φ, S₁, S₂); ``bare`` masses [GeV²]; ``is_minimum``; ``goldstone_residual``; ``spectrum``."""
    pot = scalar_potential()
    full = pot.solve_tadpoles(p.pot_params(), p.vevs(), list(BARE))
    sp = pot.spectrum(full, p.vevs())
    O, m = sp.cp_even.rotation, sp.cp_even.masses
    out: dict[str, Any] = {f"m_{k}": float(m[int(np.argmax(np.abs(O[i, :])))])
                           for k, i in STATES.items()}
    m2o, Oo = sp.cp_odd.physical()
    out["m_AD"] = float(np.sqrt(max(m2o[int(np.argmax(np.abs(Oo[1, :])))], 0.0)))
    out["m_aD"] = float(np.sqrt(max(m2o[int(np.argmax(np.abs(Oo[3, :])))], 0.0)))
    out["m_HDpm"] = float(np.sqrt(max(float(np.max(sp.charged.m2[~sp.charged.goldstone])), 0.0)))
    out["theta"] = {a + b: float(mixing_angle(O, FIELDS.index(a), FIELDS.index(b)))
                    for a, b in ANGLES}
    out.update(O_even=O, bare={k: float(full[k]) for k in BARE}, spectrum=sp,
               is_minimum=bool(sp.is_minimum), goldstone_residual=float(sp.goldstone_residual))
    return out


def y_nu_matrix(p: Parameters) -> np.ndarray:
    """y_ν (3×3) reproducing NuFIT 6.0 (NO, best fit) through eq. (2.13), times ``y_nu_scale``.

    With M = m_N 1 and μ = y_N′ω₂/√2 1, eq. (2.13) m_ν = (μ/m_N²) m_D m_Dᵀ is solved by
    m_D = U* diag(√m_i) m_N/√μ (Casas–Ibarra with R = 1); y_ν = √2 m_D/v_φ.
    """
    nf = NUFIT["6.0"]["NO"]
    m1 = p.m_lightest_eV * 1e-9
    dm21, dm31 = nf["dm21sq"].best * 1e-18, nf["dm3lsq"].best * 1e-18
    ml = np.array([m1, math.sqrt(m1**2 + dm21), math.sqrt(m1**2 + dm31)])
    U = pmns_matrix(nf["s12sq"].best, nf["s13sq"].best, nf["s23sq"].best,
                    math.radians(nf["delta_cp"].best))
    mD = np.conj(U) @ np.diag(np.sqrt(ml)) * (p.m_N / math.sqrt(p.y_Np * p.omega2 / SQ2))
    return p.y_nu_scale * SQ2 * mD / p.v_phi


def _scalars(pt: Point) -> dict[str, Any]:
    return pt.cached(("dark-u1", "scalars"), lambda: scalar_spectrum(pt.p))


def _benchmarks() -> dict[str, dict[str, float]]:
    text = resources.files("darkseesaw.models").joinpath("data", "dark_u1_benchmarks.yaml")
    return {k: {n: float(v) for n, v in d.items()}
            for k, d in yaml.safe_load(text.read_text("utf-8")).items()}


_I3 = np.eye(3)
_ANG = {a + b: (a, b) for a, b in ANGLES}
_TEX = {"H": "H", "phi": r"\phi", "S1": "S_1", "S2": "S_2"}


class DarkU1(Model):
    """Dark U(1)_D with dynamical inverse seesaw (see the module notes)."""

    id = "dark-u1"
    description = "light dark U(1)_D whose breaking generates the inverse-seesaw mu-term"
    references = ("E. Bertuzzo, S. Jana, P.A.N. Machado, R. Zukanovich Funchal, PLB 791 (2019) "
                  "210 [arXiv:1808.02500]",)
    Parameters = Parameters
    benchmarks = _benchmarks()
    sectors = (
        NeutralLeptons(mD=lambda p: y_nu_matrix(p) * p.v_phi / SQ2, M=lambda p: p.m_N * _I3,
                       mu_S=lambda p: p.y_Np * p.omega2 / SQ2 * _I3,
                       mu_R=lambda p: p.y_N * p.omega2 / SQ2 * _I3, n_N=3, n_S=3,
                       gauge_charges=[0, 0, 0, -1, -1, -1, 1, 1, 1]),
        U1Gauge(g="g_D", charges="dark", kinetic_mixing="epsilon",
                scalars=[((-0.5, 0.5, 1.0), "v_phi"), ((0.0, 0.0, 1.0), "omega1"),
                         ((0.0, 0.0, 2.0), "omega2")],
                fermions=[Fermion("N", "dirac", (1, 1), generations=3, mass="m_N", role="N")]),
    )
    own_observables = {
        **{f"m_{k}": {"unit": "GeV", "latex": t, "description": f"mass of the {d} (eq. 2.1)"}
           for k, t, d in (("HD", "m_{H_D}", "CP-even dark-doublet-like scalar H_D"),
                           ("SD", "m_{S_D}", "CP-even S1-like scalar S_D"),
                           ("SDp", "m_{S'_D}", "CP-even S2-like scalar S'_D"),
                           ("AD", "m_{A_D}", "CP-odd dark-doublet-like scalar A_D"),
                           ("aD", "m_{a_D}", "CP-odd S2-like scalar a_D"),
                           ("HDpm", "m_{H^\\pm_D}", "charged dark scalar H_D^+-"))},
        **{f"theta_{k}": {"unit": "rad", "latex": f"|\\theta_{{{_TEX[a]}{_TEX[b]}}}|",
                          "description": f"|mixing angle| of {a} and {b} (eq. 2.8)"}
           for k, (a, b) in _ANG.items()},
        "sin_theta_h_dark": {"unit": "", "latex": "\\sin\\theta_{h,\\rm dark}",
                             "description": "dark (phi, S1, S2) admixture of the SM-like Higgs, "
                             "(|O_phi h|^2 + |O_S1 h|^2 + |O_S2 h|^2)^(1/2)"},
        "scalar_vacuum_minimum": {"unit": "", "kind": "bool", "latex": "minimum",
                                  "description": "the vevs are a local minimum of eq. (2.1)"},
    }

    def extra_spectrum(self, pt: Point) -> SectorSpectrum:
        s = _scalars(pt)
        labels = ["h", "H_D", "S_D", "S_Dp", "A_D", "a_D", "H_Dpm"]
        keys = ["m_hSM", "m_HD", "m_SD", "m_SDp", "m_AD", "m_aD", "m_HDpm"]
        return SectorSpectrum(np.array([s[k] for k in keys]), labels,
                              mixing={"cp_even": s["O_even"]},
                              extras={"bare_masses_GeV2": s["bare"], "vevs_GeV": pt.p.vevs()})

    def extra_observables(self, pt: Point) -> dict[str, Any]:
        s = _scalars(pt)
        out: dict[str, Any] = {"m_h": s["m_hSM"]}
        out.update({k: s[k] for k in ("m_HD", "m_SD", "m_SDp", "m_AD", "m_aD", "m_HDpm")})
        out.update({f"theta_{k}": abs(v) for k, v in s["theta"].items()})
        O = s["O_even"]  # dark content of the SM-like state (column of largest H component)
        out["sin_theta_h_dark"] = float(np.linalg.norm(O[1:, int(np.argmax(np.abs(O[0, :])))]))
        out["scalar_vacuum_minimum"] = s["is_minimum"]
        return out

    def extra_links(self) -> list:
        return [MeasurementLink("sin_theta_higgs_lhc", "sin_theta_h_dark",
                                note="Higgs couplings: dark admixture of h")]


MODEL = DarkU1()
