"""The ALP sector: an axion-like particle from an anomalous global U(1) broken at f_a.

Inputs (specs of the model's parameters): the decay constant f_a, the mass (directly, or from
the lowest symmetry-breaking operator g σ^D/M_Pl^{D−4}, `darkseesaw.observables.alp.alp_mass`),
the photon coefficient C_γγ (directly, or from the anomaly of the model's fermion content,
`C_gg_from_content`), and the lepton coefficients C_ℓℓ. Normalisation (one for the package):

    L ⊃ C_γγ (α/4π)(a/f_a) F F̃ + Σ_ℓ (C_ℓℓ/2)(∂_μ a/f_a) ℓ̄γ^μγ⁵ℓ,
    g_aγγ = α C_γγ/(π f_a)   [L = −(g_aγγ/4) a F F̃],   g_aℓℓ = C_ℓℓ m_ℓ/f_a,

(`darkseesaw.observables.alp.g_agamma`). A dark-matter fermion of the model (the ``dm`` sector
with the ALP as mediator) couples with g_χ = C_χ m_χ/f_a.

Observables: m_a, f_a, g_aγγ, g_aee, g_aμμ, Γ_a (γγ, charged leptons, χχ̄ when open), Γ_a/m_a
(a broad ALP, Γ_a/m_a ≳ 0.1, is outside the fixed-width Breit–Wigner of the DM sector), τ_a,
BR(a → γγ), Δa_μ (one loop + Barr–Zee, `darkseesaw.observables.g2.delta_a_alp`).
Links: CAST, horizontal-branch stars, SN1987A, beam dumps, LEP, LHC (g_aγγ vs m_a; each applies
where its curve is measured) and the muon g − 2 (Δa_μ vs the 2025 world average).

Example
-------
>>> from types import SimpleNamespace
>>> from darkseesaw.sectors.base import Point
>>> s = ALP(f_a="f", mass="m", C_gg=1.0)
>>> o = s.observables(Point(SimpleNamespace(f=1e4, m=1.0), [s]))
>>> round(o["g_agamma"] * 1e7, 4)         # α/(π · 10⁴ GeV)
2.3228
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink, MeasurementLink
from darkseesaw.observables import alp as alp_obs
from darkseesaw.observables import g2
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spec
from darkseesaw.symmetry.anomalies import em_anomaly

__all__ = ["ALP", "C_gg_from_content", "ALP_LIMITS"]

ALP_LIMITS: tuple[str, ...] = (
    "alp/gagamma/cast", "alp/gagamma/hb", "alp/gagamma/sn1987a", "alp/gagamma/beamdump",
    "alp/gagamma/lep", "alp/gagamma/lhc-pp")
"""Limits on g_aγγ that hold for any ALP (not only ALP dark matter): helioscope, stellar
cooling, SN1987A, beam dumps, LEP and LHC."""


def C_gg_from_content(fields: Sequence, charge: str, hypercharge: str = "Y") -> float:
    """C_γγ of a global U(1) from the electromagnetic anomaly of the fermion content.

    C_γγ = E = Σ_Weyl χ g d₃ X Q² (`darkseesaw.symmetry.anomalies.em_anomaly`), the coefficient
    of (α/4π)(a/f_a) F F̃ for f_a the vev that breaks U(1)_X with unit charge.
    """
    return float(em_anomaly(fields, charge, hypercharge))


class ALP(Sector):
    """An axion-like particle (see the module notes).

    Parameters
    ----------
    f_a : spec
        Decay constant [GeV].
    mass : spec, optional
        ALP mass [GeV]; or give ``operator_dimension`` (and ``operator_coefficient``,
        ``M_Pl``) for m_a from g σ^D/M_Pl^{D−4}.
    C_gg : spec
        Photon coefficient C_γγ (see `C_gg_from_content`).
    C_ll : dict flavour → spec
        Lepton coefficients, e.g. ``{"mu": "C_mumu"}``.
    C_chi : spec, optional
        Coefficient of the DM coupling g_χ = C_χ m_χ/f_a (used when a ``dm`` sector exists).
    limits : sequence of str
        Catalogue curves on g_aγγ to link (default `ALP_LIMITS`).
    g2_measurement : str or None
        Measurement for Δa_μ (default ``delta_a_mu_2025``).
    """

    name = "alp"

    def __init__(self, *, f_a: Spec, mass: Spec = None, C_gg: Spec = 0.0,
                 C_ll: Mapping[str, Spec] | None = None, C_chi: Spec = 1.0,
                 operator_dimension: Spec = None, operator_coefficient: Spec = 1.0,
                 M_Pl: float = ph.M_Pl_reduced, limits: Sequence[str] = ALP_LIMITS,
                 g2_measurement: str | None = "delta_a_mu_2025"):
        if mass is None and operator_dimension is None:
            raise ValueError("ALP: give the mass or the dimension of the breaking operator")
        self.f_a, self.mass, self.C_gg = f_a, mass, C_gg
        self.C_ll = dict(C_ll or {})
        unknown = set(self.C_ll) - set(ph.lepton_masses)
        if unknown:
            raise ValueError(f"ALP: unknown lepton flavours {sorted(unknown)} (e, mu, tau)")
        self.C_chi = C_chi
        self.D, self.g_op, self.M_Pl = operator_dimension, operator_coefficient, M_Pl
        self.limits = tuple(limits)
        self.g2_measurement = g2_measurement

    def data(self, pt: Point) -> dict[str, Any]:
        f = float(pt.value(self.f_a))
        if self.mass is not None:
            m = float(pt.value(self.mass))
        else:
            m = float(alp_obs.alp_mass(int(pt.value(self.D)), f, M_Pl=self.M_Pl,
                                       g_abs=float(pt.value(self.g_op))))
        C = float(pt.value(self.C_gg))
        cl = {k: float(pt.value(v)) for k, v in self.C_ll.items()}
        g = float(alp_obs.g_agamma(C, f))
        widths = {"gammagamma": float(alp_obs.alp_width_gg(g, m))}
        for lep, c in cl.items():
            widths[lep + lep] = float(alp_obs.width_to_fermions(m, c * ph.lepton_masses[lep] / f,
                                                                ph.lepton_masses[lep]))
        if pt.has("dm"):
            m_chi = float(pt.value(pt.sector("dm").mass))
            y = float(pt.value(self.C_chi)) * m_chi / f
            widths["dm"] = float(alp_obs.width_to_fermions(m, y, m_chi))
        total = sum(widths.values())
        return {"m": m, "f": f, "C_gg": C, "C_ll": cl, "g_agamma": g, "widths": widths,
                "width": total}

    def spectrum(self, pt: Point) -> SectorSpectrum:
        d = pt.data(self.name)
        return SectorSpectrum(np.array([d["m"]]), ["a"], extras={"f_a": d["f"]})

    def observables(self, pt: Point) -> dict[str, Any]:
        d = pt.data(self.name)
        tot = d["width"]
        c_mu = d["C_ll"].get("mu", 0.0)
        out = {"m_a": d["m"], "f_a": d["f"], "g_agamma": d["g_agamma"],
               "g_aee": d["C_ll"].get("e", 0.0) * ph.m_e / d["f"],
               "g_amumu": c_mu * ph.m_mu / d["f"], "Gamma_a": tot,
               "Gamma_a_over_m": tot / d["m"],
               "tau_a": float(ph.width_to_lifetime_s(tot)) if tot > 0 else math.inf,
               "BR_a_gammagamma": d["widths"]["gammagamma"] / tot if tot > 0 else math.nan,
               # every ALP loop needs the muon coupling: Δa_μ = 0 exactly without it
               "delta_a_mu": (float(g2.delta_a_alp(d["m"], c_mu, d["C_gg"], d["f"])["total"])
                              if c_mu else 0.0)}
        return {k: float(v) for k, v in out.items()}

    def links(self) -> list:
        out: list = [CurveLink(c, x="m_a", y="g_agamma") for c in self.limits]
        if self.g2_measurement:
            out.append(MeasurementLink(self.g2_measurement, "delta_a_mu",
                                       note="ALP loops only"))
        return out
