"""The scalar-singlet sector: a singlet S that gets a vev and mixes with the Higgs.

Potential (complex-singlet normalisation, S = (v_s + s)/√2; a real singlet is the same with
its own normalisation of v_s):

    V = −μ_H²|H|² − μ_S²|S|² + λ_H|H|⁴ + λ_S|S|⁴ + λ_HS|H|²|S|²,

whose tadpoles fix μ_H², μ_S² at the vevs (v, v_s); the CP-even mass matrix is
[[2λ_H v², λ_HS v v_s], [λ_HS v v_s, 2λ_S v_s²]], diagonalised by the angle θ
(h = c h⁰ − s s⁰ …, the SM-like state h is the one with the larger doublet content).

Two ways to give it (specs of the model's parameters):

* **physical**: ``mass`` (m_s), ``sin_theta``, ``vev`` (v_s); the quartics follow exactly
  (λ_H = (m_h²c² + m_s²s²)/(2v²), λ_S = (m_h²s² + m_s²c²)/(2v_s²),
  λ_HS = (m_s² − m_h²) s c/(v v_s)) with m_h = 125.20 GeV;
* **potential**: ``lambda_H``, ``lambda_S``, ``lambda_HS``, ``vev`` → masses and mixing.

Observables: m_s, m_h, v_s, |sin θ_s|, λ_S, λ_HS, vacuum stability (bounded from below and a
minimum), perturbativity (|λ| < 4π), and — when a dark-matter fermion couples to S (``dm``
sector with a ``scalar`` mediator) — Γ(h → χχ) and BR(h → invisible).
Links: the Higgs-coupling bound |sin θ| < 0.12, BR(h → inv) < 0.107 (ATLAS 2023), and the light
scalar searches (K and B decays, beam dumps) on sin θ vs m_s where they apply.

Example
-------
>>> from types import SimpleNamespace
>>> from darkseesaw.sectors.base import Point
>>> s = ScalarSinglet(mass="m_s", sin_theta="th", vev="v_s")
>>> o = s.observables(Point(SimpleNamespace(m_s=300.0, th=0.1, v_s=1e3), [s]))
>>> round(o["m_s"], 9), round(o["m_h"], 9), round(o["sin_theta_s"], 12)   # exact inversion
(300.0, 125.2, 0.1)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink, MeasurementLink
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spec

__all__ = ["ScalarSinglet", "quartics_from_masses", "masses_from_quartics", "LIGHT_SCALAR_LIMITS"]

LIGHT_SCALAR_LIMITS: tuple[str, ...] = (
    "scalar/sintheta/foresee-charm", "scalar/sintheta/foresee-e949",
    "scalar/sintheta/foresee-kdecay", "scalar/sintheta/foresee-bdecay",
    "scalar/sintheta/foresee-2011.11329", "scalar/sintheta/foresee-lsnd",
    "scalar/sintheta/foresee-microboone")
"""Searches for a light Higgs-mixed scalar (FORESEE compilation): CHARM, E949, K and B decays,
NA62 K → πS, LSND, MicroBooNE."""


def quartics_from_masses(m_s, sin_theta, v_s, v=ph.v_EW, m_h=ph.m_h) -> dict[str, Any]:
    """λ_H, λ_S, λ_HS reproducing (m_h, m_s, θ) exactly at the vevs (v, v_s)."""
    s = np.asarray(sin_theta, float)
    c = np.sqrt(1 - s**2)
    m_s = np.asarray(m_s, float)
    v_s = np.asarray(v_s, float)
    return {"lambda_H": (m_h**2 * c**2 + m_s**2 * s**2) / (2 * v**2),
            "lambda_S": (m_h**2 * s**2 + m_s**2 * c**2) / (2 * v_s**2),
            "lambda_HS": (m_s**2 - m_h**2) * s * c / (v * v_s)}


def masses_from_quartics(lambda_H, lambda_S, lambda_HS, v_s, v=ph.v_EW) -> dict[str, Any]:
    """(m_h, m_s, sin θ) of the CP-even mass matrix at the vevs (h: the doublet-like state)."""
    a, b = 2 * lambda_H * v**2, 2 * lambda_S * v_s**2
    c = lambda_HS * v * v_s
    w, V = np.linalg.eigh(np.array([[a, c], [c, b]], dtype=float))
    ih = int(np.argmax(np.abs(V[0, :])))
    is_ = 1 - ih
    return {"m_h": math.sqrt(max(w[ih], 0.0)) * math.copysign(1.0, w[ih]),
            "m_s": math.sqrt(max(w[is_], 0.0)) * math.copysign(1.0, w[is_]),
            "sin_theta": float(V[1, ih] * np.sign(V[0, ih])), "m2": w}


class ScalarSinglet(Sector):
    """A singlet scalar mixing with the Higgs (see the module notes).

    Parameters
    ----------
    mass, sin_theta, vev : spec
        Physical inputs m_s [GeV], sin θ, v_s [GeV] (physical mode; without the vev the
        quartics are not computed and reported as NaN).
    lambda_H, lambda_S, lambda_HS : spec
        Quartics (potential mode, with ``vev``); give these instead of mass/sin_theta.
    limits : sequence of str
        Light-scalar curves on sin θ vs m_s.
    """

    name = "scalar"

    def __init__(self, *, vev: Spec = None, mass: Spec = None, sin_theta: Spec = None,
                 lambda_H: Spec = None, lambda_S: Spec = None, lambda_HS: Spec = None,
                 limits: Sequence[str] = LIGHT_SCALAR_LIMITS):
        physical = mass is not None and sin_theta is not None
        potential = lambda_S is not None and lambda_HS is not None
        if physical == potential:
            raise ValueError("scalar singlet: give either (mass, sin_theta) or "
                             "(lambda_S, lambda_HS[, lambda_H]) with the vev")
        if potential and vev is None:
            raise ValueError("scalar singlet: the potential mode needs the vev")
        self.mode = "physical" if physical else "potential"
        self.vev, self.mass, self.sin_theta = vev, mass, sin_theta
        self.lambda_H = lambda_H if lambda_H is not None else ph.m_h**2 / (2 * ph.v_EW**2)
        self.lambda_S, self.lambda_HS = lambda_S, lambda_HS
        self.limits = tuple(limits)

    def data(self, pt: Point) -> dict[str, Any]:
        v_s = math.nan if self.vev is None else float(pt.value(self.vev))
        if self.mode == "physical":
            m_s, th = float(pt.value(self.mass)), float(pt.value(self.sin_theta))
            if self.vev is None:  # no vev given: masses and mixing only, quartics unknown
                q = {"lambda_H": ph.m_h**2 / (2 * ph.v_EW**2), "lambda_S": math.nan,
                     "lambda_HS": math.nan}
            else:
                q = {k: float(v) for k, v in quartics_from_masses(m_s, th, v_s).items()}
            m_h = ph.m_h
        else:
            q = {"lambda_H": float(pt.value(self.lambda_H)),
                 "lambda_S": float(pt.value(self.lambda_S)),
                 "lambda_HS": float(pt.value(self.lambda_HS))}
            r = masses_from_quartics(q["lambda_H"], q["lambda_S"], q["lambda_HS"], v_s)
            m_h, m_s, th = r["m_h"], r["m_s"], r["sin_theta"]
        lH, lS, lHS = q["lambda_H"], q["lambda_S"], q["lambda_HS"]
        stable = (lH > 0) and (lS > 0) and (lHS >= 0 or 4 * lH * lS > lHS**2) and m_s > 0
        if self.vev is None:
            stable = m_s > 0
        return {"m_s": m_s, "m_h": m_h, "sin_theta": th, "v_s": v_s, **q,
                "stable": bool(stable),
                "perturbative": bool(max(abs(lH), abs(lS), abs(lHS)) < 4 * math.pi)}

    def spectrum(self, pt: Point) -> SectorSpectrum:
        d = pt.data(self.name)
        return SectorSpectrum(np.array([d["m_h"], d["m_s"]]), ["h", "s"],
                              mixing={"cp_even_h_s": np.array([[math.sqrt(1 - d["sin_theta"]**2),
                                                                -d["sin_theta"]],
                                                               [d["sin_theta"],
                                                                math.sqrt(1 - d["sin_theta"]**2)]])},
                              extras={"v_s": d["v_s"]})

    def observables(self, pt: Point) -> dict[str, Any]:
        d = pt.data(self.name)
        s2 = d["sin_theta"] ** 2
        g_inv = 0.0
        if pt.has("dm"):
            g_inv = float(pt.sector("dm").higgs_width(pt, s2, d["m_h"]))
        g_vis = ph.Gamma_h_SM_pred * (1 - s2)
        out = {"m_s": d["m_s"], "m_h": d["m_h"], "sin_theta_s": abs(d["sin_theta"]),
               "vacuum_stable": d["stable"], "Gamma_h_inv": g_inv,
               "BR_h_inv": g_inv / (g_vis + g_inv)}
        if self.vev is not None:
            out.update({"v_s": d["v_s"], "lambda_h": d["lambda_H"], "lambda_s": d["lambda_S"],
                        "lambda_hs": d["lambda_HS"], "perturbative": d["perturbative"]})
        return out

    def links(self) -> list:
        out: list = [MeasurementLink("sin_theta_higgs_lhc", "sin_theta_s",
                                     note="Higgs signal strengths"),
                     MeasurementLink("br_h_inv_atlas_2023", "BR_h_inv")]
        out += [CurveLink(c, x="m_s", y="sin_theta_s") for c in self.limits]
        return out
