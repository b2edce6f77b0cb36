"""``iss-darkphoton``: inverse seesaw whose heavy neutral leptons couple to a dark photon,
with Dirac dark matter annihilating through it.

Content: the SM, three N_R and three S_L, both with dark charge +1 under a U(1)_D (a vector-like
pair: anomaly free), a Dirac dark-matter fermion χ of dark charge +1, and the dark photon Z′
(mass M_Z′ from the breaking of U(1)_D, kinetic mixing ε with hypercharge). The inverse-seesaw
blocks are the N–S mass M (equal for the three pairs), μ_S (U(1)_D-breaking, equal) and m_D from
Casas–Ibarra at the NuFIT 6.0 best fit (normal ordering, lightest mass ``m_lightest``). In the
basis (ν_L, N_Rᶜ, S) the dark charges are (0, −1, +1): the quasi-Dirac HNLs couple to Z′ with
g_D, the light neutrinos only through their tiny N/S admixture, and the HNLs decay as
N → ν Z′ when M > M_Z′ (included in their lifetimes).

Sectors: `NeutralLeptons` (inverse seesaw, dark charges), `U1Gauge` (``charges="dark"``,
kinetic mixing), `FermionDM` (Dirac χ, Z′ mediator: χχ̄ → Z′Z′, → NN̄, → SM through ε).

Caveat (stated, not hidden): the HNL search envelopes assume HNLs that decay through their
active mixing; with N → ν Z′ open, displaced-vertex searches weaken and prompt Z′ → ee searches
would apply instead. The envelope is linked as published.

Example
-------
>>> from darkseesaw.models import get
>>> m = get("iss-darkphoton")
>>> o = m.observables(m.parameters())
>>> round(o["M_Zp"], 6), round(o["epsilon_Zp"] * 1e7, 6)
(3.0, 0.8)
"""

from __future__ import annotations

import numpy as np

from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import FermionDM, NeutralLeptons, U1Gauge
from darkseesaw.sectors.neutral_leptons import casas_ibarra
from darkseesaw.sectors.u1_gauge import Fermion


class Parameters(ModelParameters):
    """Parameters of ``iss-darkphoton``."""

    g_D: float = param(0.106, description="U(1)_D gauge coupling", gt=0, le=1.5)
    epsilon: float = param(8e-8, description="kinetic mixing (coupling to e J_em)", ge=0, lt=0.1)
    M_Zp: float = param(3.0, unit="GeV", description="dark photon mass", gt=0)
    m_chi: float = param(50.0, unit="GeV", description="Dirac DM mass", gt=0)
    M_N: float = param(20.0, unit="GeV", description="N-S mass of the three pairs", gt=0)
    mu: float = param(1e-4, unit="GeV", description="mu_S of the three S", gt=0)
    m_lightest: float = param(0.0, unit="eV", description="lightest neutrino mass (NO)", ge=0,
                              le=0.1)


DARK_CHARGES = [0, 0, 0, -1, -1, -1, 1, 1, 1]
"""U(1)_D charges of (ν_L ×3, N_Rᶜ ×3, S ×3): N_R and S both carry +1."""


class IssDarkPhoton(Model):
    """Inverse seesaw + dark photon + Dirac dark matter (see the module notes)."""

    id = "iss-darkphoton"
    description = "inverse seesaw whose HNLs couple to a kinetically mixed dark photon, Dirac DM"
    references = ("darkseesaw model (no paper); dark-photon couplings as in E. Bertuzzo et al., "
                  "PLB 791 (2019) 210 [arXiv:1808.02500]",)
    Parameters = Parameters
    benchmarks = {
        # Omega h^2 = 0.120 from chi chibar -> N Nbar and Z'Z' (secluded), LZ-allowed
        "secluded": {},
        "ε-excluded-by-LZ": {"epsilon": 1e-4},
    }
    sectors = (
        NeutralLeptons(mD=lambda p: casas_ibarra([p.M_N] * 3, mu=[p.mu] * 3,
                                                 m_lightest=p.m_lightest),
                       M=lambda p: p.M_N * np.eye(3), mu_S=lambda p: p.mu * np.eye(3),
                       n_N=3, n_S=3, gauge_charges=DARK_CHARGES),
        U1Gauge(g="g_D", mass="M_Zp", charges="dark", kinetic_mixing="epsilon",
                fermions=[Fermion("N", "dirac", (1, 1), generations=3, mass="M_N", role="N"),
                          Fermion("chi", "dirac", (1, 1), mass="m_chi", role="dm")]),
        FermionDM(mass="m_chi", nature="dirac", mediators=("u1",)),
    )


MODEL = IssDarkPhoton()
