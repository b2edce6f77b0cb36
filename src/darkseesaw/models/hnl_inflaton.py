r"""``hnl-inflaton``: quasi-Dirac HNLs, partly asymmetric HNL dark matter and a light singlet.

J. M. Cline, M. Puel, T. Toma, "A little theory of everything, with heavy neutral leptons",
JHEP 05 (2020) 039 [arXiv:1909.12300].

Three quasi-Dirac HNLs N_i of common mass M_N couple to the lepton doublets through η_ν
(eq. 2.2); the light-neutrino Majorana mass is aligned, ε_ν = μ̄_ν η_νᵀ η_ν (eq. 2.4), so that
η_ν = (D_ν/μ̄_ν)^{1/2} U_PMNS⁻¹ (eq. 4.2 with O = 1) has rank two: the lightest neutrino is
massless and the HNL pair that decouples is the Dirac dark matter N′ (N₁ for NH, N₃ for IH in the
paper's numbering). A singlet s (mass m_s, Higgs mixing θ_s, no vev) couples as g_s s N̄N.

Composition (all physics in the sectors):

* `NeutralLeptons` — the 9 × 9 matrix of eq. 2.3 in the basis (ν_L, N_Rᶜ, N_L):
  m_D = η_νᵀ v̄ (v̄ = v/√2), M = M_N 1, μ_S = 0, m_L = ε_ν; N → ν s with g_s cos θ_s.
  The spectrum is the exact Takagi factorisation: the light masses are D_i cos²θ_i, the six heavy
  states three pseudo-Dirac pairs, N′ = (N1, N2) at exactly M_N with zero mixing;
* `ScalarSinglet` — m_s, sin θ_s (no vev: the quartics are not part of this model);
* `FermionDM` — the Dirac N′ (mass M_N) with the scalar mediator (σ_SI through h–s mixing,
  h → N′N̄′); its relic density is asymmetric and is computed by the reproduction
  (`darkseesaw.papers.hnl_inflaton.relic`), not here (``relic=False``: the limits are not
  rescaled).

Own observable: ``deltaM_N_max``, the largest lepton-number-violating splitting of the HNL pairs
(eq. 2.5), in the exact form δM_i = D_i sin²θ_i (`hnl_splittings`; the printed eq. 2.5 with
η ε ηᵀ instead of η ε* ηᵀ differs by a CP phase, see ``docs/hnl-inflaton.md``).

Oscillation inputs: today's NuFIT 6.0 best fit (`oscillation`); the NuFIT 4.1 set that reproduces
the paper's printed η_ν is a paper input (`darkseesaw.papers.hnl_inflaton.inputs`).

Example
-------
>>> from darkseesaw.models import get
>>> m = get("hnl-inflaton")
>>> o = m.observables(m.parameters(M_N=4.5, mubar=5.7e-3, ordering="NH"))
>>> round(o["m_N1"], 9), o["U2_e_N1"] < 1e-100, round(o["deltaM_N_max"] * 1e16, 3)
(4.5, True, 6.599)
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import FermionDM, NeutralLeptons, ScalarSinglet
from darkseesaw.sectors.neutral_leptons import light_spectrum_nufit

__all__ = ["MODEL", "HnlInflaton", "Parameters", "VBAR", "DD_LIMITS", "oscillation", "eta_nu",
           "epsilon_nu", "hnl_splittings", "dm_index"]

VBAR = ph.v_EW / math.sqrt(2.0)
"""Complex Higgs vev v̄ = v/√2 ≈ 174.1 GeV (the paper's v̄ ≅ 174 GeV)."""

DD_LIMITS = ("dd/si/cdmslite", "dd/si/cresst", "dd/si/darkside-50-2022", "dd/si/xenon1t-migdal",
             "dd/si/pandax-2024-combined", "dd/si/lz-2024", "dd/si/xenonnt-2025")
"""Spin-independent limits that reach GeV-scale dark matter."""


def oscillation(ordering: str, version: str = "6.0"):
    """(U_PMNS, D_ν [GeV]) at the NuFIT best fit with a massless lightest neutrino (eq. 4.3)."""
    return light_spectrum_nufit({"NH": "NO", "IH": "IO"}[ordering], 0.0, version)


def eta_nu(mubar, U, D):
    """η_ν = (D_ν/μ̄_ν)^{1/2} U_PMNS⁻¹ (eq. 4.2, O = 1); μ̄, D in GeV; shape (..., 3, 3)."""
    mub = np.asarray(mubar, float)[..., None, None]
    return np.sqrt(np.asarray(D)[:, None] / mub) * np.linalg.inv(U)


def epsilon_nu(mubar, eta):
    """ε_ν = μ̄ η_νᵀ η_ν (eq. 2.4), symmetrised (round-off asymmetry stops the Takagi
    certification)."""
    e = mubar * np.swapaxes(eta, -1, -2) @ eta
    return 0.5 * (e + np.swapaxes(e, -1, -2))


def hnl_splittings(M, mubar, D):
    """Exact Majorana splittings [GeV] of the three HNL pairs, δM_i = D_i sin²θ_i.

    With P = diag(U_PMNS, 1, 1) the matrix of eq. 2.3 splits into 3 × 3 real blocks
    [[D_i, a_i, 0], [a_i, 0, M], [0, M, 0]], a_i = (D_i/μ̄)^{1/2} v̄, whose roots sum to D_i:
    m₊ − m₋ = D_i − m_light,i = D_i sin²θ_i, tan θ_i = a_i/M (to O(D_i²/M)).
    """
    x2 = np.asarray(D) / mubar * VBAR**2 / M**2
    return np.asarray(D) * x2 / (1.0 + x2)


def dm_index(ordering: str) -> int:
    """Index (0-based, paper's numbering) of the HNL that decouples: N′ = N₁ (NH), N₃ (IH)."""
    return 0 if ordering == "NH" else 2


def _eta(p):
    U, D = oscillation(p.ordering)
    return eta_nu(p.mubar, U, D)


class Parameters(ModelParameters):
    """Parameters of an hnl-inflaton point."""

    M_N: float = param(4.5, unit="GeV", description="common HNL mass M_N = m_N'", gt=1e-3,
                       le=100.0)
    mubar: float = param(5.7e-3, unit="GeV", description="alignment scale mubar of eq. 2.4",
                         gt=0.0)
    ordering: Literal["NH", "IH"] = param("NH", description="light-neutrino mass ordering")
    g_s: float = param(0.2, description="singlet-HNL coupling g_s", ge=0.0, le=4 * math.pi)
    m_s: float = param(0.3, unit="GeV", description="singlet mass m_s", gt=0.0)
    theta_s: float = param(1e-5, unit="rad", description="singlet-Higgs mixing angle", ge=0.0,
                           le=0.5)


class HnlInflaton(Model):
    """The model of Cline, Puel, Toma (2020) (see the module notes)."""

    id = "hnl-inflaton"
    description = "quasi-Dirac HNLs with aligned nu masses, asymmetric HNL dark matter, light singlet"
    references = ("J. M. Cline, M. Puel, T. Toma, 'A little theory of everything, with heavy "
                  "neutral leptons', JHEP 05 (2020) 039 [arXiv:1909.12300]",)
    Parameters = Parameters
    benchmarks = {
        # the paper's points: DELPHI-saturating mubar (eq. 4.13), its EWPD point (eq. 4.11),
        # and the KOTO-motivated singlet of section 5
        "DELPHI-NH": {"M_N": 4.5, "mubar": 5.7e-3, "ordering": "NH"},
        "DELPHI-IH": {"M_N": 4.5, "mubar": 9.8e-3, "ordering": "IH"},
        "EWPD-NH-paper": {"M_N": 4.5, "mubar": 5.9e-6, "ordering": "NH"},
        "KOTO": {"M_N": 2.0, "mubar": 5.7e-3, "ordering": "NH", "m_s": 0.14, "theta_s": 5e-4,
                 "g_s": 0.1},
        # a point that today's HNL, direct-detection and singlet limits allow
        "allowed-NH": {"M_N": 4.0, "mubar": 0.05, "ordering": "NH", "theta_s": 3e-6},
    }
    own_observables = {
        "deltaM_N_max": {"unit": "GeV", "latex": r"\delta M_N",
                         "description": "largest Majorana splitting of the quasi-Dirac HNL pairs "
                                        "(eq. 2.5, exact D_i sin^2 theta_i)"},
    }
    sectors = (
        NeutralLeptons(mD=lambda p: np.swapaxes(_eta(p), -1, -2) * VBAR,
                       M=lambda p: p.M_N * np.eye(3), mu_S=np.zeros((3, 3)),
                       mL=lambda p: epsilon_nu(p.mubar, _eta(p)), n_N=3, n_S=3,
                       scalar_decay=("m_s", lambda p: p.g_s * math.cos(p.theta_s))),
        ScalarSinglet(mass="m_s", sin_theta=lambda p: math.sin(p.theta_s)),
        FermionDM(mass="M_N", nature="dirac", mediators=("scalar",), scalar_coupling="g_s",
                  relic=False, dd_limits=DD_LIMITS),
    )

    def extra_observables(self, pt):
        p = pt.p
        _, D = oscillation(p.ordering)
        return {"deltaM_N_max": float(np.max(hnl_splittings(p.M_N, p.mubar, D)))}


MODEL = HnlInflaton()
