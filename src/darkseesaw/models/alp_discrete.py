r"""``alp-discrete``: ALPs and the inverse seesaw from one Planck-suppressed singlet vev.

Carvajal, Dias, Nishi, Sánchez-Vega, "Axion like particles and the inverse seesaw mechanism",
JHEP 05 (2015) 069 [arXiv:1503.03502], including its erratum (two heavy leptons E, E′ in the
two-ALP models).

A scalar singlet σ = (v_σ + ρ) e^{i a/v_σ}/√2 carries an anomalous, accidental U(1)_X (an
extended lepton number); its vev generates the ISS scales through gravity-induced operators,
M = η F(p), μ = ζ F(q), F(k) = v_σ^k/(2^{k/2} M_Pl^{k−1}) (eq. 8), the heavy lepton mass
M_E = k_E F(s), the ALP–photon coupling g_aγ = α C_aγ/(2π v_σ) (eq. 14) and, through the lowest
Z_N-invariant σ^D, the ALP mass (eq. 18). A discrete gauge Z_N = c₁B + c₂L (eq. 26) protects all
this; discrete anomaly cancellation (eq. 24) selects the model.

Variants (``Parameters.variant``):

* ``Z13`` – the one-ALP model of Sec. II B: (p, q, r, s) = (2, −3, 1, 2), Z13 = 6B + 7L;
* ``model_I`` – two ALPs, Z8 × Z11 (eq. 41 with the erratum's eq. 54), Z8 = 6B + 2L,
  Z11 = −3B + 3L′;
* ``model_II`` – two ALPs, Z8 × Z10 (eq. 47 + eq. 54), Z8 = 3L − 3B, Z10 = L′ + 9B.

The paper's inputs are only the Lagrangian terms and the generators; charges, anomalies,
C_aγ and the operator dimensions D are computed by `darkseesaw.symmetry`.

Example
-------
>>> from darkseesaw.models import get
>>> m = get("alp-discrete")
>>> obs = m.observables(m.parameters(variant="Z13", v_sigma=3e10))
>>> round(obs["g_agamma"] * 1e13, 2), obs["D"]
(1.55, 13)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from darkseesaw import physics as ph
from darkseesaw.models.base import Model
from darkseesaw.observables import alp

from .alp_discrete_content import one_alp_model, two_alp_model, with_generators

__all__ = ["MODEL", "AlpDiscrete", "VARIANTS", "symmetry_model"]

M_PL: float = 2.4e18
"""Reduced Planck mass [GeV] as rounded by Carvajal et al. 2015 (text after eq. 7); all their
ISS scales, ALP masses and Table I use it (the PDG value is `physics.M_Pl_reduced` = 2.435e18)."""

M_H: float = 125.0
"""Higgs mass [GeV] used in the E lifetime, eq. (39) of Carvajal et al. 2015."""

ISS_M_WINDOW_GEV: tuple[float, float] = (1e2, 1e4)
"""Window F(p) = 0.1–10 TeV required for the ISS scale M (Carvajal et al. 2015, Sec. II)."""

ISS_MU_WINDOW_GEV: tuple[float, float] = (1e-7, 1e-5)
"""Window F(q) = 0.1–10 keV required for the ISS scale μ (Carvajal et al. 2015, Sec. II)."""

ALP_SCALE_RANGE_GEV: tuple[float, float] = (1e9, 1e14)
"""Intermediate ALP scale range 10⁹ ≲ v_σ ≲ 10¹⁴ GeV, eq. (5) of Carvajal et al. 2015."""

VARIANTS: dict[str, dict[str, Any]] = {
    "Z13": {"generators": {"Z13": (13, "6B+7L")}, "M": {"sigma": 2}, "mu": {"sigma": -3},
            "E": [{"sigma": 2}], "alps": [("sigma", "X")]},
    "model_I": {"generators": {"Z8": (8, "6B+2L"), "Z11": (11, "-3B+3L'")},
                "M": {"sigma": 2}, "mu": {"sigma'": -3},
                "E": [{"sigma": 1}, {"sigma'": 1}], "alps": [("sigma", "X"), ("sigma'", "X'")]},
    "model_II": {"generators": {"Z8": (8, "3L-3B"), "Z10": (10, "L'+9B")},
                 "M": {"sigma": 2}, "mu": {"sigma": -2, "sigma'": -1},
                 "E": [{"sigma": 1}, {"sigma'": 1}], "alps": [("sigma", "X"), ("sigma'", "X'")]},
}
"""Model definitions: the Z_N generators and the singlet powers of the M, μ and M_E terms."""


@cache
def symmetry_model(variant: str):
    """`SymmetryModel` of a variant (charges solved, Z_N charges from the generators)."""
    if variant == "Z13":
        base = one_alp_model(2, -3, 1, 2)
    elif variant == "model_I":
        base = two_alp_model("I")
    elif variant == "model_II":
        base = two_alp_model("II")
    else:
        raise KeyError(variant)
    return with_generators(base, VARIANTS[variant]["generators"])


class Parameters(BaseModel):
    """Parameters of an alp-discrete point (masses and vevs in GeV)."""

    model_config = ConfigDict(extra="forbid")
    variant: Literal["Z13", "model_I", "model_II"] = Field("Z13", description="model of the paper")
    v_sigma: float = Field(3e10, ge=1e8, le=1e15, description="v_σ = √2⟨σ⟩ [GeV]")
    v_sigma_prime: float = Field(1e9, ge=1e8, le=1e15, description="v_σ′ [GeV] (two-ALP models)")
    g_abs: float = Field(1.0, gt=0, description="|g| of the σ^D operator (eq. 16)")
    g_abs_prime: float = Field(1.0, gt=0, description="|g′| of the σ′^D′ operator")
    y: float = Field(0.01, gt=0, description="Dirac Yukawa (flavour-universal, diagonal)")
    eta: float = Field(5.0, gt=0, description="η of M = η F(p) (diagonal)")
    zeta: float = Field(1.0, gt=0, description="ζ of μ = ζ F(q) (diagonal)")
    k_E: float = Field(1.0, gt=0, description="k_E of the E mass term")
    k: float = Field(1.0, gt=0, description="k_i of σ^r L̄ H E_R (equal for e, μ, τ)")


def _scale(powers: dict[str, int], p: Parameters) -> float:
    vevs = {"sigma": p.v_sigma, "sigma'": p.v_sigma_prime}
    return float(alp.singlet_scale(list(powers.values()), [vevs[k] for k in powers], M_Pl=M_PL))


class AlpDiscrete(Model):
    """The models of Carvajal, Dias, Nishi, Sánchez-Vega (2015)."""

    id = "alp-discrete"
    paper = ("Carvajal, Dias, Nishi, Sánchez-Vega, Axion like particles and the inverse seesaw "
             "mechanism, JHEP 05 (2015) 069 [arXiv:1503.03502] (+ erratum)")
    Parameters = Parameters
    benchmarks = {
        "A": {"variant": "Z13", "v_sigma": 3e10},
        "B": {"variant": "model_I", "v_sigma": 2.44e10, "v_sigma_prime": 1e9},
        "C": {"variant": "model_II", "v_sigma": 2.44e10, "v_sigma_prime": 1e9},
    }

    # ------------------------------------------------------------------ physics
    def alp_dimensions(self, variant: str) -> list[int]:
        """D of the lowest σ^D (and σ′^D′) invariant under the model's Z_N factors."""
        sm = symmetry_model(variant)
        ops = sm.singlet_operators()
        return [ops[s].order for s, _ in VARIANTS[variant]["alps"]]

    def spectrum(self, p: Parameters) -> dict[str, Any]:
        """ISS scales, the 9 × 9 neutral-lepton spectrum (Takagi), ALP and E masses [GeV].

        The neutral-lepton matrix (basis ν_L, N_R^c, S) uses flavour-universal diagonal
        y, η, ζ; m_D = y v_w/√2, M = η F(p), μ = ζ F(q) (eq. 8).
        """
        from darkseesaw.spectrum import takagi
        from darkseesaw.spectrum.builders import neutral_lepton_matrix

        var = VARIANTS[p.variant]
        Ms, mus = _scale(var["M"], p), _scale(var["mu"], p)
        eye = np.eye(3)
        mat = neutral_lepton_matrix(p.y * ph.v_EW / np.sqrt(2.0) * eye, p.eta * Ms * eye,
                                    p.zeta * mus * eye)
        m, U = takagi(mat)
        D = self.alp_dimensions(p.variant)
        vevs = [p.v_sigma, p.v_sigma_prime]
        gs = [p.g_abs, p.g_abs_prime]
        m_a = [float(alp.alp_mass(d, vevs[i], M_Pl=M_PL, g_abs=gs[i])) if d and d > 4 else float("nan")
               for i, d in enumerate(D)]
        return {"M_scale": Ms, "mu_scale": mus, "neutral_masses": np.asarray(m),
                "U": np.asarray(U), "m_a": m_a,
                "M_E": [p.k_E * _scale(e, p) for e in var["E"]]}

    def observables(self, p: Parameters) -> dict[str, Any]:
        """ALP couplings and masses, ISS scales, light-neutrino scale, M_E, τ_E (GeV, GeV⁻¹, s)."""
        sm = symmetry_model(p.variant)
        var = VARIANTS[p.variant]
        sp = self.spectrum(p)
        vevs = [p.v_sigma, p.v_sigma_prime]
        C = [float(sm.C_agamma(x)) for _, x in var["alps"]]
        g = [float(alp.g_agamma(c / 2, vevs[i])) for i, c in enumerate(C)]  # eq. 14
        D = self.alp_dimensions(p.variant)
        obs = {
            "C_agamma": C[0], "g_agamma": g[0], "m_a": sp["m_a"][0], "D": D[0],
            "M_scale": sp["M_scale"], "mu_scale": sp["mu_scale"],
            "mnu_scale": float(alp.light_neutrino_scale(sp["M_scale"], sp["mu_scale"])),
            "m_light": sp["neutral_masses"][:3].tolist(),
            "m_heavy": sp["neutral_masses"][3:].tolist(),
            "M_E": sp["M_E"][0],
        }
        if len(C) > 1:
            obs.update({"C_agamma_prime": C[1], "g_agamma_prime": g[1], "m_a_prime": sp["m_a"][1],
                        "D_prime": D[1], "M_E_prime": sp["M_E"][1]})
        if p.variant == "Z13" and sp["M_E"][0] > ph.m_h:
            obs["tau_E_s"] = float(alp.E_lifetime(sp["M_E"][0], p.v_sigma, k=p.k, r=1,
                                                  M_Pl=M_PL))
        return obs

    def constraints(self) -> list[str]:
        return ["alp/gagamma/cast", "alp/gagamma/sn1987a", "alp/gagamma/hb"]

    # ------------------------------------------------------------------ reproduction
    def reproduce(self, out: Path, fast: bool = False) -> dict[str, Any]:
        """Write ``out/alp-discrete.json`` and Figs. 1–2 (PNG, PDF); print a short table."""
        from .alp_discrete_reproduce import reproduce

        return reproduce(self, Path(out), fast=fast)


MODEL = AlpDiscrete()

