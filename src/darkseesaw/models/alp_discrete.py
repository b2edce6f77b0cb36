r"""``alp-discrete``: ALPs and the inverse seesaw from Planck-suppressed singlet vevs.

Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069 [arXiv:1503.03502] + erratum (two heavy
leptons E, E′ in the two-ALP models). A singlet σ = (v_σ + ρ) e^{i a/v_σ}/√2 carries an anomalous
accidental U(1)_X; gravity-induced operators give the ISS blocks M = η F(p), μ = ζ F(q) with
F(k) = v_σ^k/(2^{k/2} M_Pl^{k−1}) (eq. 8), M_E = k_E F(s), and the lowest Z_N-invariant σ^D
gives the ALP mass (eq. 18). A discrete gauge Z_N = c₁B + c₂L (eq. 26) protects the texture.

Variants (``variant``): ``Z13`` (one ALP, (p, q, r, s) = (2, −3, 1, 2), Z13 = 6B + 7L),
``model_I`` (two ALPs, Z8 × Z11, eq. 41 + erratum eq. 54), ``model_II`` (Z8 × Z10, eq. 47 +
eq. 54). Charges, C_aγ and D are computed by `darkseesaw.symmetry` (`alp_discrete_content`).

Sectors: `NeutralLeptons` (ISS, flavour-universal diagonal m_D = y v_w/√2, M, μ) and `ALP`
(f_a = v_σ, m_a from g σ^D/M_Pl^{D−4} with the computed D; C_γγ = C_aγ/2, so that
g_aγγ = α C_aγ/(2π v_σ), eq. 14). Own: the second ALP a′ of the two-ALP models, C_aγ, D,
the ISS scales F(p), F(q), (v_w²/2)F(q)/F(p)² (eq. 11), M_E, M_E′ and their lifetimes through
E → ℓh (eq. 39; ``inf`` when M_E ≤ m_h: that channel is closed). Own links: the CMS bound on a
long-lived charged lepton (applies when τ_E ≥ 1 ns, the paper's criterion after eq. 39), the
ALP hint windows (informative) and the ALP limits on a′. Observables of a′, E′ are NaN for Z13.

M_Pl = 2.4e18 GeV, the paper's reduced Planck mass, is a constant of the model (`M_PL`).

Example
-------
>>> from darkseesaw.models import get
>>> m = get("alp-discrete")
>>> obs = m.observables(m.parameters(variant="Z13", v_sigma=3e10))
>>> round(obs["g_agamma"] * 1e13, 2), obs["D_sigma"]
(1.55, 13.0)
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink, LimitLink, MeasurementLink
from darkseesaw.constraints.measurements import MEASUREMENTS
from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.observables import alp
from darkseesaw.sectors import ALP, NeutralLeptons
from darkseesaw.sectors.alp import ALP_LIMITS
from darkseesaw.sectors.base import Point, SectorSpectrum
from darkseesaw.sectors.neutral_leptons import casas_ibarra

from .alp_discrete_content import VARIANTS, alp_numbers, symmetry_model

__all__ = ["MODEL", "AlpDiscrete", "Parameters", "M_PL", "TAU_LONG_LIVED_S", "scale",
           "symmetry_model", "VARIANTS"]

M_PL: float = 2.4e18
"""Reduced Planck mass [GeV] as rounded by Carvajal et al. (text after eq. 7): every scale of the
model uses it (the PDG value is `darkseesaw.physics.M_Pl_reduced` = 2.435e18)."""

TAU_LONG_LIVED_S: float = 1e-9
"""E counts as long-lived (the CMS 574 GeV bound applies) for τ_E ≥ 1 ns (text after eq. 39)."""

HINTS = ("alp_hint_coma", "alp_hint_xray_line")
_E = {"unit": "GeV"}


class Parameters(ModelParameters):
    """Parameters of an alp-discrete point."""

    variant: Literal["Z13", "model_I", "model_II"] = param("Z13", description="model of the paper")
    v_sigma: float = param(3e10, unit="GeV", description="v_σ = √2⟨σ⟩", ge=1e8, le=1e15)
    v_sigma_prime: float = param(1e9, unit="GeV", description="v_σ′ (two-ALP models)", ge=1e8,
                                 le=1e15)
    g_abs: float = param(1.0, description="|g| of the σ^D operator (eq. 16)", gt=0)
    g_abs_prime: float = param(1.0, description="|g′| of the σ′^D′ operator", gt=0)
    y: float = param(0.01, description="Dirac Yukawa (flavour-universal, diagonal)", gt=0)
    eta: float = param(5.0, description="η of M = η F(p) (diagonal)", gt=0)
    zeta: float = param(1.0, description="ζ of μ = ζ F(q) (diagonal)", gt=0)
    k_E: float = param(1.0, description="k_E of the E (and E′) mass terms", gt=0)
    k: float = param(1.0, description="k_i of σ^r L̄_i H E_R (equal for e, μ, τ)", gt=0)
    texture: Literal["universal", "nufit"] = param(
        "universal", description="m_D = y v_w/√2 · 1, or Casas–Ibarra at the NuFIT best fit")


def scale(p: Parameters, term: str | dict, extra_dim: int = 0) -> float:
    """Mass scale [GeV] of a term of the variant (``"M"``, ``"mu"`` or a power dict):
    Π σ_i^{k_i}/M_Pl^{Σ|k_i|−1+extra_dim} at the vevs (eq. 8; F(p) for σ^p alone)."""
    powers = VARIANTS[p.variant][term] if isinstance(term, str) else term
    vevs = {"sigma": p.v_sigma, "sigma'": p.v_sigma_prime}
    return float(alp.singlet_scale(list(powers.values()), [vevs[k] for k in powers], M_Pl=M_PL,
                                   extra_dim=extra_dim))


def dirac_block(p: Parameters) -> np.ndarray:
    """m_D [GeV]: y v_w/√2 × 1 (``universal``, the paper's order-of-magnitude texture) or, for
    ``texture="nufit"``, Casas–Ibarra (R = 1, NO, m₁ = 0) with M = η F(p), μ = ζ F(q) (y unused)."""
    if p.texture == "nufit":
        return casas_ibarra([p.eta * scale(p, "M")] * 3, mu=[p.zeta * scale(p, "mu")] * 3)
    return p.y * ph.v_EW / math.sqrt(2.0) * np.eye(3)


def _E_lifetime(p: Parameters, m_E: float) -> float:
    """τ_E [s] from E → ℓ_i h (eq. 39), λ = k Π σ/M_Pl^r of the E decay term; inf if M_E ≤ m_h."""
    if m_E <= ph.m_h:
        return math.inf
    lam = scale(p, VARIANTS[p.variant]["E_decay"], extra_dim=1)
    # alp.E_lifetime is written for σ L̄HE_R (λ = k v/(√2 M_Pl)): pass the v that gives this λ
    return float(alp.E_lifetime(m_E, math.sqrt(2.0) * M_PL * lam, k=p.k, r=1, M_Pl=M_PL))


def _heavy_lepton_link(label: str, suffix: str) -> LimitLink:
    m = MEASUREMENTS["m_heavy_lepton_cms2013"]
    return LimitLink(
        f"m_heavy_lepton_cms2013 [{label}]", x=f"tau_E{suffix}", y=f"M_E{suffix}",
        limit=lambda o: np.where(np.asarray(o[f"tau_E{suffix}"]) >= TAU_LONG_LIVED_S, m.value,
                                 np.nan),
        kind="lower_limit", cl=m.cl, source=m.source,
        note=f"applies to a long-lived {label} (tau >= {TAU_LONG_LIVED_S:g} s)")


class AlpDiscrete(Model):
    """The models of Carvajal, Dias, Nishi, Sánchez-Vega (2015) (see the module notes)."""

    id = "alp-discrete"
    description = "ALPs and the inverse seesaw from Planck-suppressed singlet vevs, Z_N-protected"
    references = ("Carvajal, Dias, Nishi, Sánchez-Vega, Axion like particles and the inverse "
                  "seesaw mechanism, JHEP 05 (2015) 069 [arXiv:1503.03502] (+ erratum)",)
    Parameters = Parameters
    benchmarks = {
        "A": {"variant": "Z13", "v_sigma": 3e10},
        "B": {"variant": "model_I", "v_sigma": 2.44e10, "v_sigma_prime": 1e9},
        "C": {"variant": "model_II", "v_sigma": 2.44e10, "v_sigma_prime": 1e9},
        # A with a realistic flavour structure and M_E = 281 GeV (tau_E < 1 ns, text after eq. 39)
        "A-nufit": {"variant": "Z13", "v_sigma": 3e10, "k_E": 1.5, "texture": "nufit"},
    }
    sectors = (
        NeutralLeptons(mD=dirac_block,
                       M=lambda p: p.eta * scale(p, "M") * np.eye(3),
                       mu_S=lambda p: p.zeta * scale(p, "mu") * np.eye(3), n_N=3, n_S=3),
        ALP(f_a="v_sigma", operator_dimension=lambda p: alp_numbers(p.variant)[1][0],
            operator_coefficient="g_abs", M_Pl=M_PL,
            C_gg=lambda p: alp_numbers(p.variant)[0][0] / 2),
    )
    own_observables = {
        "C_agamma_X": {"latex": "C_{a\\gamma}", "description": "C_agamma = 2 sum (X_L - X_R) "
                       "Q^2 of U(1)_X (CDNS eq. 15); g_agamma = alpha C/(2 pi v_sigma)"},
        "D_sigma": {"latex": "D", "description": "dimension of the lowest Z_N-invariant sigma^D"},
        "M_per_eta": {**_E, "latex": "F(p)", "description": "ISS scale M/eta = F(p) (eq. 8)"},
        "mu_per_zeta": {**_E, "latex": "F(q)", "description": "ISS scale mu/zeta = F(q) (eq. 8)"},
        "mnu_scale_iss": {**_E, "latex": "m_\\nu^{\\rm scale}",
                          "description": "(v_w^2/2) F(q)/F(p)^2, light-neutrino scale (eq. 11)"},
        "M_E": {**_E, "latex": "M_E", "description": "heavy charged lepton E mass k_E F(s)"},
        "tau_E": {"unit": "s", "latex": "\\tau_E", "description": "E lifetime from E -> l h "
                  "(eq. 39); inf when M_E <= m_h"},
        "f_a_prime": {**_E, "latex": "f_{a'}", "description": "v_sigma' (two-ALP models)"},
        "m_a_prime": {**_E, "latex": "m_{a'}", "description": "mass of the second ALP a'"},
        "g_agamma_prime": {"unit": "GeV^-1", "latex": "g_{a'\\gamma\\gamma}",
                           "description": "photon coupling of the second ALP a'"},
        "C_agamma_Xprime": {"latex": "C_{a'\\gamma}", "description": "C_agamma of U(1)_X'"},
        "D_sigma_prime": {"latex": "D'", "description": "dimension of the lowest sigma'^D'"},
        "M_E_prime": {**_E, "latex": "M_{E'}", "description": "mass of the erratum's E'"},
        "tau_E_prime": {"unit": "s", "latex": "\\tau_{E'}", "description": "E' lifetime (E' -> l h)"},
    }

    def _own(self, pt: Point) -> dict[str, float]:
        def compute() -> dict[str, float]:
            p = pt.p
            (C, *Cp), (D, *Dp) = alp_numbers(p.variant)
            Ms, mus = scale(p, "M"), scale(p, "mu")
            ME = [p.k_E * scale(p, e) for e in VARIANTS[p.variant]["E"]]
            o = {"C_agamma_X": C, "D_sigma": float(D), "M_per_eta": Ms, "mu_per_zeta": mus,
                 "mnu_scale_iss": float(alp.light_neutrino_scale(Ms, mus)), "M_E": ME[0],
                 "tau_E": _E_lifetime(p, ME[0])}
            o |= dict.fromkeys(("f_a_prime", "m_a_prime", "g_agamma_prime", "C_agamma_Xprime",
                                "D_sigma_prime", "M_E_prime", "tau_E_prime"), math.nan)
            if Cp:
                v = p.v_sigma_prime
                o |= {"f_a_prime": v, "C_agamma_Xprime": Cp[0], "D_sigma_prime": float(Dp[0]),
                      "g_agamma_prime": float(alp.g_agamma(Cp[0] / 2, v)),  # eq. 14
                      "m_a_prime": float(alp.alp_mass(Dp[0], v, M_Pl=M_PL, g_abs=p.g_abs_prime)),
                      "M_E_prime": ME[1], "tau_E_prime": _E_lifetime(p, ME[1])}
            return o
        return pt.cached(("alp-discrete", "own"), compute)

    def extra_spectrum(self, pt: Point) -> SectorSpectrum:
        o = self._own(pt)
        states = {"E": o["M_E"], "a'": o["m_a_prime"], "E'": o["M_E_prime"]}
        states = {k: v for k, v in states.items() if np.isfinite(v)}
        return SectorSpectrum(np.array(list(states.values())), list(states))

    def extra_observables(self, pt: Point) -> dict[str, float]:
        return dict(self._own(pt))

    def extra_links(self) -> list:
        out: list = [_heavy_lepton_link("E", ""), _heavy_lepton_link("E'", "_prime")]
        out += [CurveLink(c, x="m_a_prime", y="g_agamma_prime", label="a'") for c in ALP_LIMITS]
        for m, g, lab in (("m_a", "g_agamma", ""), ("m_a_prime", "g_agamma_prime", "a'")):
            out.append(CurveLink("alp/gagamma/hint-tev-transparency", x=m, y=g, label=lab))
            for h in HINTS:
                out += [MeasurementLink(f"{h}_ma", m, label=lab, note="hint window"),
                        MeasurementLink(f"{h}_gagamma", g, label=lab, note="hint window")]
        return out


MODEL = AlpDiscrete()
