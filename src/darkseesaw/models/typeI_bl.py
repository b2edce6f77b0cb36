"""``typeI-bl``: type-I seesaw with gauged B−L, its Z′, and right-handed-neutrino dark matter.

Content: the SM, three right-handed neutrinos N_R (B−L = −1) and the scalar Φ (B−L = +2) whose
vev v_Φ breaks B−L: M_Z′ = 2 g_BL v_Φ, Majorana masses M_i = y_i v_Φ/√2 ... written here as the
physical masses. A Z₂ under which N₃ ≡ χ is odd keeps χ out of the Yukawa L̄ H̃ N_R: χ is a
Majorana dark-matter fermion with B−L charge −1 (its Z′ coupling is axial), while N₁, N₂ make
the type-I seesaw (lightest neutrino massless), with m_D from Casas–Ibarra at the NuFIT 6.0 best
fit (angle ``z_R`` of R). The radial mode φ of Φ mixes with the Higgs (angle θ).

Why χ is one of the three N_R: the anomaly engine shows that with three N_R of charge −1 (needed
for L̄ H̃ N_R) any single extra chiral fermion must be neutral — a charged Majorana DM can only
be an anomaly-free partner of the N_R (see ``docs/models.md``; tested).

Sectors: `NeutralLeptons` (type I), `U1Gauge` (B−L; anomaly-free content checked),
`ScalarSinglet` (Φ), `FermionDM` (Majorana χ; Z′ and φ mediators).

Example
-------
>>> from darkseesaw.models import get
>>> m = get("typeI-bl")
>>> o = m.observables(m.parameters())
>>> round(o["M_Zp"]), round(o["m_chi"])
(5000, 2413)
"""

from __future__ import annotations

import math

import numpy as np

from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import FermionDM, NeutralLeptons, ScalarSinglet, U1Gauge
from darkseesaw.sectors.neutral_leptons import casas_ibarra
from darkseesaw.sectors.u1_gauge import Fermion


class Parameters(ModelParameters):
    """Parameters of ``typeI-bl`` (physical masses, couplings, mixing angles)."""

    g_BL: float = param(0.2, description="B-L gauge coupling", gt=0, le=1.0)
    M_Zp: float = param(5000.0, unit="GeV", description="Z' mass", gt=0)
    m_chi: float = param(2413.0, unit="GeV", description="Majorana DM mass (N_3)", gt=0)
    M_N1: float = param(500.0, unit="GeV", description="mass of N_1", gt=0)
    M_N2: float = param(1000.0, unit="GeV", description="mass of N_2", gt=0)
    z_R: float = param(0.0, unit="rad", description="Casas-Ibarra angle of R (real)")
    m_phi: float = param(1000.0, unit="GeV", description="mass of the B-L breaking scalar", gt=0)
    sin_theta: float = param(0.01, description="phi-Higgs mixing sin(theta)", ge=-0.5, le=0.5)


def v_phi(p: Parameters) -> float:
    """vev of Φ [GeV]: M_Z′ = g_BL q_Φ v_Φ with q_Φ = 2."""
    return p.M_Zp / (2 * p.g_BL)


def dirac_block(p: Parameters) -> np.ndarray:
    """m_D (3 × 2) from Casas–Ibarra (NO, m₁ = 0) with R(z_R)."""
    c, s = math.cos(p.z_R), math.sin(p.z_R)
    R = np.array([[0, 0], [c, -s], [s, c]])
    return casas_ibarra([p.M_N1, p.M_N2], R=R)


class TypeIBL(Model):
    """Type-I seesaw + gauged B−L + Majorana N_R dark matter (see the module notes)."""

    id = "typeI-bl"
    description = "type-I seesaw with gauged B-L, its Z' and a Majorana N_R dark-matter fermion"
    references = ("darkseesaw model (no paper); cf. N. Okada, O. Seto, PRD 82 (2010) 023507 "
                  "[arXiv:1002.2525] for N_R dark matter in B-L",)
    Parameters = Parameters
    benchmarks = {
        # Omega h^2 = 0.121 on the Z' resonance (m_chi ~ 0.48 M_Z'), allowed by ATLAS and LZ
        "resonance": {},
        # a strongly coupled 3 TeV Z': the ATLAS dilepton search excludes it
        "lhc-excluded": {"g_BL": 0.5, "M_Zp": 3000.0, "m_chi": 1450.0},
    }
    sectors = (
        NeutralLeptons(mD=dirac_block, mu_R=lambda p: np.diag([p.M_N1, p.M_N2]), n_N=2, n_S=0),
        U1Gauge(g="g_BL", mass="M_Zp", charges="B-L",
                fermions=[Fermion("N1", "right", -1, mass="M_N1", role="N"),
                          Fermion("N2", "right", -1, mass="M_N2", role="N"),
                          Fermion("chi", "right", -1, mass="m_chi", role="dm")]),
        ScalarSinglet(vev=v_phi, mass="m_phi", sin_theta="sin_theta"),
        FermionDM(mass="m_chi", nature="majorana", mediators=("u1", "scalar"),
                  scalar_coupling=lambda p: p.m_chi / v_phi(p)),
    )


MODEL = TypeIBL()
