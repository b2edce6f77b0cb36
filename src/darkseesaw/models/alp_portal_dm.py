"""``alp-portal-dm``: inverse seesaw (2 N_R + 2 S_L) with an ALP-portal Dirac dark matter.

Thongyoi, Pongkitivanichkul, Uttayarat, arXiv:2502.13002. A global U(1)_PQ is broken by the vev
f_a of Φ = (f_a + φ + i a)/√2: its radial mode φ mixes with the Higgs (angle θ), its phase is
the ALP a, and it gives the masses M_N = Y′ f_a/√2 of the N_R–S_L pairs and m_χ = g_χ f_a/√2 of
a Dirac dark-matter fermion χ, which then couples to the ALP with g_χ = m_χ/f_a (eq. 2.22).

Sectors (the model is their composition):

* `NeutralLeptons` — the 7×7 matrix of eq. 2.18 (basis ν_L, N_Rᶜ, S_L; n_N = n_S = 2) from the
  physical parametrisation of eqs. 3.1–3.4: m_D = (m_D)₁₁ T (textures A, B: `texture_mD`),
  M_N = (M_N)₁₁ diag(1, γ), μ_S = (μ_S)₁₁ [[1, αγ], [αγ, βγ² e^{iφ}]] with
  (μ_S)₁₁ = κ (M_N)₁₁²/(m_D)₁₁² so that the light matrix is κ T [[1, α], [α, β e^{iφ}]] Tᵀ
  (eqs. 3.5–3.6, up to an unobservable overall sign); exact Takagi spectrum;
* `ScalarSinglet` — φ (mass m_φ, sin θ, vev f_a); its quartics are the inversion of eqs.
  2.4–2.5, i.e. eq. 2.6 with the factor ½ that the paper's λ_H and λ_Φ lack;
* `ALP` — f_a, m_a, C_γγ, C_μμ (normalisation of eq. 3.15: (C_μμ/2)(∂a/f_a) μ̄γγ⁵μ), C_χ = 1;
* `FermionDM` — Dirac χ through the ALP (χχ̄ → γγ, μμ̄; Boltzmann Ωh²; γ lines ×½ for Dirac).

Own parts: the ALP couplings to γZ and ZZ of eqs. 2.12–2.13 (C_BB = C_γγ − C_WW) and the Higgs
quartic λ_H; the CTA γ-line projection as an informative link. Everything else (NuFIT 6.0,
DESI Σm, KATRIN, KamLAND-Zen, LFV, EWPD, HNL searches, Planck Ωh², LZ/XENONnT, H.E.S.S./MAGIC/
DAMPE lines, ALP limits, the 2025 Δa_μ, |sin θ| < 0.12, h → inv) are the sectors' links with
today's data. The paper's fit, inverse map, Fig. 3 scan and its older inputs (Δa_μ 2023,
Σm < 0.13 eV) are in `darkseesaw.papers.alp_portal_dm`.

Example
-------
>>> from darkseesaw.models import get
>>> m = get("alp-portal-dm")
>>> o = m.observables(m.parameters(**m.benchmarks["A-NO"]))
>>> round(o["m_bb"] * 1e12, 4), round(o["lambda_s"], 2)      # m_ee = κ (§4); λ_Φ = m_φ²/2f_a²
(1.6557, 60.5)
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import model_validator

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink
from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import ALP, FermionDM, NeutralLeptons, Point, ScalarSinglet


class Parameters(ModelParameters):
    """Parameters of ``alp-portal-dm`` (eqs. 3.1–3.6 and §2; ranges of eq. 4.1)."""

    texture: Literal["A", "B"] = param("A", description="m_D texture: eq. 3.3 (A) or 3.4 (B)")
    kappa: float = param(2.3e-3, unit="eV", description="light scale (m_D)11^2 (mu_S)11/(M_N)11^2",
                         ge=1e-3, le=1.0)
    y1: float = param(1.0, description="texture entry y1 (eqs. 3.3-3.4)", ge=1e-3, le=1e3)
    y2: float = param(1.0, description="texture entry y2", ge=1e-3, le=1e3)
    y3: float = param(1.0, description="texture entry y3", ge=1e-3, le=1e3)
    alpha: float = param(1.0, description="alpha of mu_S, eq. 3.2", ge=1e-3, le=1e3)
    beta: float = param(1.0, description="beta of mu_S, eq. 3.2", ge=1e-3, le=1e3)
    phi: float = param(0.0, unit="rad", description="phase of mu_S, eq. 3.2", ge=0.0,
                       le=2 * math.pi)
    gamma: float = param(2.0, description="M_N = (M_N)11 diag(1, gamma), eq. 3.1", gt=0)
    mD11: float = param(1.0, unit="GeV", description="(m_D)11 = Y v_h/sqrt2", gt=0)
    MN11: float = param(1.0e4, unit="GeV", description="(M_N)11 = Y' f_a/sqrt2", gt=0)
    f_a: float = param(1.0e4, unit="GeV", description="ALP decay constant = vev of Phi", gt=0)
    m_phi: float = param(1.1e5, unit="GeV", description="mass of the PQ radial mode", gt=0)
    sin_theta: float = param(0.0, description="h-phi mixing sin(theta)", gt=-1.0, lt=1.0)
    m_chi: float = param(1.0e5, unit="GeV", description="Dirac DM mass", gt=0)
    m_a: float = param(1.1e5, unit="GeV", description="ALP mass", gt=0)
    C_gg: float = param(278.7, description="ALP-photon coefficient C_gammagamma (eq. 2.12)")
    C_mumu: float = param(-1.0e4, description="ALP-muon coefficient (eq. 3.15 normalisation)")
    C_WW: float = param(0.0, description="ALP-W coefficient (C_BB = C_gg - C_WW, eq. 2.13)")

    @model_validator(mode="after")
    def _vevs(self):
        if self.f_a <= ph.v_EW:
            raise ValueError(f"f_a = {self.f_a} GeV must exceed v_h = {ph.v_EW:.2f} GeV (§2.1)")
        return self


def texture_mD(texture: str, y1, y2, y3) -> np.ndarray:
    """Dimensionless m_D textures of eqs. 3.3 (A) and 3.4 (B), shape (..., 3, 2).

    >>> texture_mD("A", 2.0, 3.0, 4.0)[..., 1, :].tolist()
    [2.0, 3.0]
    """
    y1, y2, y3 = np.broadcast_arrays(*(np.asarray(v, float) for v in (y1, y2, y3)))
    T = np.zeros(y1.shape + (3, 2))
    T[..., 0, 0] = 1.0
    if texture == "A":
        T[..., 1, 0], T[..., 1, 1], T[..., 2, 1] = y1, y2, y3
    elif texture == "B":
        T[..., 1, 1], T[..., 2, 0], T[..., 2, 1] = y1, y2, y3
    else:
        raise ValueError(f"texture must be 'A' or 'B', not {texture!r}")
    return T


def mu_S_block(p: Parameters) -> np.ndarray:
    """μ_S [GeV] of eq. 3.2 with (μ_S)₁₁ = κ (M_N)₁₁²/(m_D)₁₁²."""
    mu11 = ph.eV_to_GeV(p.kappa) * p.MN11**2 / p.mD11**2
    g, ag = p.gamma, p.alpha * p.gamma
    return mu11 * np.array([[1.0, ag], [ag, p.beta * g**2 * np.exp(1j * p.phi)]])


def gauge_couplings(C_gg, C_WW=0.0, s2w=ph.sin2_theta_W) -> dict[str, float]:
    """C_γγ = C_WW + C_BB, C_γZ = c²C_WW − s²C_BB, C_ZZ = c⁴C_WW + s⁴C_BB (eq. 2.13)."""
    C_BB, c2w = C_gg - C_WW, 1 - s2w
    return {"C_gammagamma": C_WW + C_BB, "C_gammaZ": c2w * C_WW - s2w * C_BB,
            "C_ZZ": c2w**2 * C_WW + s2w**2 * C_BB, "C_WW": C_WW, "C_BB": C_BB}


_DM = {"f_a": 1.0e4, "m_chi": 1.0e5, "m_a": 1.1e5, "m_phi": 1.1e5, "C_gg": 278.7,
       "C_mumu": -1.0e4}


class AlpPortalDM(Model):
    """Inverse seesaw with 2 N_R + 2 S_L and an ALP-portal Dirac DM (see the module notes)."""

    id = "alp-portal-dm"
    description = "inverse seesaw (2 N_R + 2 S_L, textures A/B) with ALP-portal Dirac dark matter"
    references = ("T. Thongyoi, P. Pongkitivanichkul, P. Uttayarat, 'Inverse seesaw mechanism "
                  "and axion portal fermionic dark matter', arXiv:2502.13002",)
    Parameters = Parameters
    benchmarks = {
        # accepted points of the neutrino fit nearest the NuFIT 6.0 best fit (y3: one point of
        # the flat direction), with the f_a = 10 TeV dark-matter point of Fig. 3 (Ωh² ≈ 0.12)
        "A-NO": {"texture": "A", "kappa": 0.001655706453, "y1": 2.422804739, "y2": 5.185128233,
                 "y3": 3.881627113, "alpha": 0.4767902788, "beta": 1.0, "phi": 2.771575473, **_DM},
        "B-NO": {"texture": "B", "kappa": 0.003502544631, "y1": 2.735462486, "y2": 1.813730373,
                 "y3": 2.047788382, "alpha": 0.2082739841, "beta": 1.0, "phi": 5.336255591, **_DM},
        # δ_CP ≈ 339°: inside NuFIT 6.0 at 3σ, beyond the paper's δ ≲ 290°
        "A-NO-delta339": {"texture": "A", "kappa": 0.003606419857, "y1": 1.712082001,
                          "y2": 1.76804914, "y3": 2.844817424, "alpha": 0.2371961894, "beta": 1.0,
                          "phi": 0.6160473717, **_DM},
        # inverted ordering inside the 3σ ranges (the paper reports NO only)
        "A-IO": {"texture": "A", "kappa": 0.02739028995, "y1": 0.2023532688, "y2": 0.7918060847,
                 "y3": 0.8890389449, "alpha": 1.118176568, "beta": 1.0, "phi": 3.123479815, **_DM},
        "B-IO": {"texture": "B", "kappa": 0.0306459989, "y1": 0.800309242, "y2": 0.2242408269,
                 "y3": 0.8821175327, "alpha": 0.8941289595, "beta": 1.0, "phi": 3.159763167, **_DM},
    }
    sectors = (
        NeutralLeptons(mD=lambda p: p.mD11 * texture_mD(p.texture, p.y1, p.y2, p.y3),
                       M=lambda p: p.MN11 * np.diag([1.0, p.gamma]), mu_S=mu_S_block,
                       n_N=2, n_S=2),
        ScalarSinglet(vev="f_a", mass="m_phi", sin_theta="sin_theta"),
        ALP(f_a="f_a", mass="m_a", C_gg="C_gg", C_ll={"mu": "C_mumu"}, C_chi=1.0),
        FermionDM(mass="m_chi", nature="dirac", mediators=("alp",), n_x=80),
    )
    own_observables = {
        "lambda_H": {"latex": r"\lambda_H", "description": "Higgs quartic lambda_H |H|^4 at the "
                     "vevs (v_h, f_a), from m_h, m_phi, sin theta (eq. 2.6 with its factor 1/2)"},
        "C_gammaZ": {"latex": r"C_{\gamma Z}", "description": "ALP coefficient of (alpha/4pi "
                     "s_W c_W)(a/f_a) F Z~, eq. 2.13"},
        "C_ZZ": {"latex": r"C_{ZZ}", "description": "ALP coefficient of (alpha/4pi s_W^2 c_W^2)"
                 "(a/f_a) Z Z~, eq. 2.13"},
    }

    def extra_observables(self, pt: Point) -> dict[str, float]:
        """λ_H (computed by the scalar sector, not reported by it) and eq. 2.13."""
        gc = gauge_couplings(pt.p.C_gg, pt.p.C_WW)
        return {"lambda_H": float(pt.data("scalar")["lambda_H"]),
                "C_gammaZ": float(gc["C_gammaZ"]), "C_ZZ": float(gc["C_ZZ"])}

    def extra_links(self) -> list[CurveLink]:
        """The CTA γ-line projection (informative), weighted like the sector's line limits."""
        return [CurveLink("id/gammaline/cta", x="m_chi", y="sigmav_gammagamma * xi_dm**2 / 2",
                          note="CTA GC projection, xi^2-weighted, Dirac 1/2")]


MODEL = AlpPortalDM()
