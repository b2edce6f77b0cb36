"""Fermionic dark matter: a Dirac or Majorana χ annihilating through the model's mediators.

The dark-matter fermion takes its couplings from the sectors it names as mediators — one place
for each coupling:

* ``"u1"`` — the Z′ of the `U1Gauge` sector, with χ declared there as the `Fermion` of role
  ``"dm"`` (its U(1)′ charges enter the anomaly check once). A Dirac χ with charges (q_L, q_R)
  couples as g′κ χ̄γ^μ(c_V − c_Aγ⁵)χ, c_V,A = (q_L ± q_R)/2; a Majorana χ (one Weyl field of
  charge q) couples axially, with the Feynman-rule vertex of a Dirac fermion with c_V = 0,
  c_A = q. Annihilation χχ → f f̄ (all SM fermions, the light neutrinos, the U(1)′-charged
  heavy neutral leptons and dark fermions) through the full Breit–Wigner σ(s) of
  `darkseesaw.observables.zprime.sigma_ff`, and χχ̄ → Z′Z′ (`zprime.sigma_zpzp`, Dirac χ);
  spin-independent scattering from the vector couplings to u and d quarks;
* ``"alp"`` — the `ALP` sector (Dirac χ, g_χ = C_χ m_χ/f_a): χχ̄ → γγ and → ℓℓ̄ through the
  pseudoscalar s-channel (`darkseesaw.observables.alp_dm`), no σ_SI (spin-dependent and
  momentum suppressed);
* ``"scalar"`` — the `ScalarSinglet` sector with the Yukawa ``scalar_coupling`` y_χ s χ̄χ:
  σ_SI through h–s mixing, σ = μ_p²/π [y_χ sθ cθ f_N m_p/v (1/m_h² − 1/m_s²)]², and
  h → χχ̄ (an invisible Higgs width). (Its annihilation channels are not implemented: a model
  whose relic density comes from the scalar computes it itself.)

Relic abundance: ⟨σv⟩(x) is the Gondolo–Gelmini average of the summed σ(s)
(`darkseesaw.cosmo.thermal_average`, resonances and thresholds as break points) and Ωh² the
solution of the Boltzmann equation (`darkseesaw.cosmo.omega_h2`, Dirac: χ + χ̄, g = 2).
Annihilation today: σ(s) v_rel at v_rel = 10⁻³ (p-wave suppression kept).

Links (relic-weighted with ξ = min(1, Ωh²/0.120)): Planck Ωh² (an excess excludes; the
likelihood is the Gaussian measurement), LZ 2024 and XENONnT 2025 on σ_SI (×ξ, xenon
isospin weighting), the H.E.S.S./MAGIC/DAMPE γ-line limits and Fermi-LAT dwarf continuum limits
(×ξ²; ×½ for Dirac χ, whose rate is ρ²⟨σv⟩/(4m²) against the self-conjugate ρ²⟨σv⟩/(2m²) of
the published limits).

Example
-------
See ``darkseesaw.models.typeI_bl`` and ``darkseesaw.models.iss_darkphoton``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink, MeasurementLink
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.cosmo.boltzmann import omega_h2
from darkseesaw.cosmo.thermal_average import thermal_average_interpolator
from darkseesaw.observables import alp_dm, zprime
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spec
from darkseesaw.sectors.u1_gauge import SM_FERMIONS

__all__ = ["FermionDM", "DD_LIMITS", "LINE_LIMITS", "CONTINUUM_LIMITS", "V_TODAY"]

V_TODAY = 1e-3
"""Relative velocity of annihilating dark matter today (galactic halo), units of c."""

DD_LIMITS: tuple[str, ...] = ("dd/si/lz-2024", "dd/si/xenonnt-2025")
LINE_LIMITS: tuple[str, ...] = ("id/gammaline/hess", "id/gammaline/magic", "id/gammaline/dampe")
CONTINUUM_LIMITS: dict[str, str] = {
    "bb": "id/sigmav-bb/lat-2015-multidsph", "tautau": "id/sigmav-tautau/lat-2015-multidsph",
    "mumu": "id/sigmav-mumu/lat-2015-multidsph", "ee": "id/sigmav-ee/lat-2015-multidsph"}
_VECTOR_KEYS = ("ee", "mumu", "tautau", "bb", "tt", "qq", "nunu", "NN", "dark")
_XE_Z, _XE_A = 54, 131.293  # natural xenon: the per-nucleon normalisation of LZ/XENON
_OMEGA_REF = _ME["omega_dm_h2"].value
_QQ = ("u", "d", "s", "c")


def _vector_sigma(m, M, G, cV, cA, items):
    """σ(χχ → Z′* → f f̄)(s) [GeV⁻²] summed over final states ``items`` = (d_V, d_A, m_f, n).

    The formula of `darkseesaw.observables.zprime.sigma_ff` with absolute couplings, written
    once for all final states (they share the χ current and the propagator) and with a plain-float
    path: the adaptive thermal average calls σ one s at a time.
    """
    dV2 = np.array([it[0] ** 2 for it in items])
    dA2 = np.array([it[1] ** 2 for it in items])
    mf2 = np.array([it[2] ** 2 for it in items])
    nw = np.array([it[3] for it in items])
    rows = list(zip(dV2.tolist(), dA2.tolist(), mf2.tolist(), nw.tolist(), strict=True))
    m2, M2, MG2 = m * m, M * M, (M * G) ** 2

    def scalar(s: float) -> float:
        b2 = 1.0 - 4.0 * m2 / s
        if b2 <= 0.0:
            return 0.0
        fin = 0.0
        for dv2, da2, mm2, n in rows:
            bf2 = 1.0 - 4.0 * mm2 / s
            if bf2 > 0.0:
                fin += n * math.sqrt(bf2) * (dv2 * (s + 2 * mm2) + da2 * s * bf2)
        chi = cV * cV * (s + 2 * m2) + cA * cA * s * b2
        return chi * fin / (12 * math.pi * s * math.sqrt(b2) * ((s - M2) ** 2 + MG2))

    def sigma(s):
        if np.ndim(s) == 0:
            return scalar(float(s))
        s = np.asarray(s, float)[..., None]
        b2 = np.clip(1 - 4 * m2 / s, 0.0, None)
        bf2 = np.clip(1 - 4 * mf2 / s, 0.0, None)
        fin = np.sum(nw * np.sqrt(bf2) * (dV2 * (s + 2 * mf2) + dA2 * s * bf2), axis=-1)
        s, b2 = s[..., 0], b2[..., 0]
        chi = cV * cV * (s + 2 * m2) + cA * cA * s * b2
        den = 12 * math.pi * s * np.where(b2 > 0, np.sqrt(b2), 1.0) * ((s - M2) ** 2 + MG2)
        return np.where(b2 > 0, chi * fin / den, 0.0)
    return sigma


class FermionDM(Sector):
    """A dark-matter fermion (see the module notes).

    Parameters
    ----------
    mass : spec
        m_χ [GeV].
    nature : {"dirac", "majorana"}
    mediators : sequence of {"u1", "alp", "scalar"}
        Sectors through which χ interacts (they must be in the model).
    scalar_coupling : spec, optional
        Yukawa y_χ of y_χ s χ̄χ (with the ``scalar`` mediator).
    relic : bool
        Compute Ωh² (Boltzmann equation).
    n_x : int
        Points of the ⟨σv⟩(x) table (0.5 ≤ x ≤ 10⁵).
    dd_limits, line_limits, continuum_limits : catalogue names
        The direct-detection, γ-line and continuum (channel → curve) limits to link.
    line_projections : catalogue names
        γ-line projections (e.g. ``id/gammaline/cta``), linked as informative.
    """

    name = "dm"

    def __init__(self, *, mass: Spec, nature: str = "dirac", mediators: Sequence[str] = ("u1",),
                 scalar_coupling: Spec = None, relic: bool = True, n_x: int = 40,
                 dd_limits: Sequence[str] = DD_LIMITS, line_limits: Sequence[str] = LINE_LIMITS,
                 continuum_limits: dict[str, str] | None = None,
                 line_projections: Sequence[str] = ()):
        if nature not in ("dirac", "majorana"):
            raise ValueError("dark matter nature must be 'dirac' or 'majorana'")
        bad = set(mediators) - {"u1", "alp", "scalar"}
        if bad:
            raise ValueError(f"unknown mediators {sorted(bad)} (u1, alp, scalar)")
        if "alp" in mediators and nature != "dirac":
            raise ValueError("the ALP mediator is implemented for Dirac dark matter")
        if "scalar" in mediators and scalar_coupling is None:
            raise ValueError("the scalar mediator needs scalar_coupling (y_chi)")
        self.mass, self.nature, self.mediators = mass, nature, tuple(mediators)
        self.scalar_coupling = scalar_coupling
        self.relic, self.n_x = relic, n_x
        self.dd_limits, self.line_limits = tuple(dd_limits), tuple(line_limits)
        self.continuum_limits = dict(CONTINUUM_LIMITS if continuum_limits is None
                                     else continuum_limits)
        self.line_projections = tuple(line_projections)

    # ------------------------------------------------------------------ couplings
    def _vector(self, pt: Point) -> dict[str, Any] | None:
        """(c_V, c_A) of χ and the Z′ final states, absolute couplings (g′κ included)."""
        if "u1" not in self.mediators:
            return None
        u1 = pt.sector("u1")
        d = pt.data("u1")
        gx = d["g_eff"]
        dm = [f for f in u1.fermions if f.role == "dm"]
        if len(dm) != 1:
            raise ValueError("the u1 sector must declare exactly one Fermion with role='dm'")
        f = dm[0]
        if f.chirality == "dirac":
            if self.nature != "dirac":
                raise ValueError("a Dirac pair (chirality='dirac') cannot be Majorana dark matter")
            qL, qR = (float(Fraction(x)) for x in f.charge)
            cV, cA = gx * (qL + qR) / 2, gx * (qL - qR) / 2
        else:
            if self.nature != "majorana":
                raise ValueError("one Weyl field is Majorana dark matter (nature='majorana')")
            cV, cA = 0.0, gx * float(Fraction(f.charge))
        finals: list[tuple[str, float, float, float, int, float]] = []  # name, dV, dA, m, n, w
        for name, (gV, gA) in d["couplings"].items():
            nc, mf = SM_FERMIONS[name][4], SM_FERMIONS[name][5]
            finals.append((name, gV, gA, mf, nc * (3 if name == "nu" else 1), 1.0))
        for g in u1.fermions:
            if g.role == "dm":
                continue
            m = float(pt.value(g.mass) or 0.0)
            if g.chirality == "dirac":
                qL, qR = (float(Fraction(x)) for x in g.charge)
                finals.append((g.role, gx * (qL + qR) / 2, gx * (qL - qR) / 2, m, g.generations,
                               1.0))
            elif g.majorana and m > 0:  # identical Majorana pair: axial vertex g q, ½
                finals.append((g.role, 0.0, gx * float(Fraction(g.charge)), m, g.generations, 0.5))
            else:
                q = gx * float(Fraction(g.charge))
                finals.append((g.role, q / 2, q / 2, 0.0, g.generations, 1.0))
        return {"cV": cV, "cA": cA, "M": d["M"], "Gamma": d["width"], "finals": finals}

    def higgs_width(self, pt: Point, sin2_theta: float, m_h: float) -> float:
        """Γ(h → χχ) [GeV] through h–s mixing (scalar mediator; 0 otherwise)."""
        if "scalar" not in self.mediators:
            return 0.0
        m = float(pt.value(self.mass))
        if m_h <= 2 * m:
            return 0.0
        y = float(pt.value(self.scalar_coupling))
        b3 = (1 - 4 * m**2 / m_h**2) ** 1.5
        sym = 0.5 if self.nature == "majorana" else 1.0
        return sym * sin2_theta * y**2 * m_h * b3 / (8 * math.pi)

    # ------------------------------------------------------------------ cross sections
    def _channels(self, pt: Point) -> dict[str, Callable]:
        """σ(s) [GeV⁻²] per named channel."""
        m = float(pt.value(self.mass))
        out: dict[str, Callable] = {}
        vec = self._vector(pt)
        if vec is not None:
            qchi = (vec["cV"] + vec["cA"], vec["cV"] - vec["cA"])
            M, G = vec["M"], vec["Gamma"]
            groups: dict[str, list] = {}
            for name, dV, dA, mf, n, w in vec["finals"]:
                key = {"e": "ee", "mu": "mumu", "tau": "tautau", "b": "bb", "t": "tt",
                       "nu": "nunu", "N": "NN"}.get(name, "qq" if name in _QQ else "dark")
                groups.setdefault(key, []).append((dV, dA, mf, n * w))

            for key, items in groups.items():
                out[key] = _vector_sigma(m, M, G, vec["cV"], vec["cA"], items)
            if self.nature == "dirac" and M < m:
                out["ZpZp"] = lambda s: zprime.sigma_zpzp(s, m, M, 1.0, qchi)
            out["_all_vector"] = _vector_sigma(m, M, G, vec["cV"], vec["cA"],
                                               [it for v in groups.values() for it in v])
        if "alp" in self.mediators:
            a = pt.data("alp")
            cchi = float(pt.value(pt.sector("alp").C_chi))
            ma, f, ga = a["m"], a["f"], a["width"]
            out["gammagamma"] = (lambda s: cchi**2 * alp_dm.sigma_gg(s, m, ma, a["C_gg"], f, ga))
            for lep, c in a["C_ll"].items():
                ml = ph.lepton_masses[lep]
                out[lep + lep] = (lambda s, c=c, ml=ml: cchi**2 * alp_dm.sigma_ff(
                    s, m, ma, c, f, m_f=ml, gamma_a=ga))
        return out

    def _resonances(self, pt: Point) -> list[tuple[float, float]]:
        res = []
        if "u1" in self.mediators:
            d = pt.data("u1")
            res.append((d["M"], d["width"]))
        if "alp" in self.mediators:
            a = pt.data("alp")
            if a["m"] > 2 * float(pt.value(self.mass)):
                res.append((a["m"], a["width"]))
        return res

    def data(self, pt: Point) -> dict[str, Any]:
        m = float(pt.value(self.mass))
        ch = self._channels(pt)
        beta = V_TODAY / 2
        s0 = 4 * m**2 / (1 - beta**2)
        today = {k: float(ph.invGeV2_to_cm3_per_s(float(np.asarray(f(s0))) * V_TODAY))
                 for k, f in ch.items() if not k.startswith("_")}
        om = math.nan
        if self.relic and ch:
            parts = [f for k, f in ch.items()
                     if k == "_all_vector" or not ("_all_vector" in ch and k in _VECTOR_KEYS)]

            def sigma(s):
                return sum(f(s) for f in parts)
            vec = self._vector(pt)
            thr = []  # √s where a channel closed at rest opens (forbidden channels, Z'Z')
            if vec is not None:
                thr = [2 * mf for *_, mf, _, _ in vec["finals"] if mf > m]
                if self.nature == "dirac" and vec["M"] < m:
                    thr.append(2 * vec["M"])
            sv = thermal_average_interpolator(sigma, m, resonances=self._resonances(pt),
                                              thresholds=thr, n_x=self.n_x)
            om = float(np.atleast_1d(omega_h2(np.array([m]), sv, g=2.0,
                                              self_conjugate=self.nature == "majorana"))[0])
        return {"m": m, "today": today, "omega_h2": om, **self._sigma_si(pt, m)}

    def _sigma_si(self, pt: Point, m: float) -> dict[str, float]:
        mp, mn = ph.m_proton, ph.m_neutron
        fp = fn = 0.0
        vec = self._vector(pt)
        if vec is not None and vec["cV"] != 0.0:
            cu = pt.data("u1")["couplings"]
            gu, gd = cu["u"][0], cu["d"][0]
            fp += vec["cV"] * (2 * gu + gd) / vec["M"] ** 2
            fn += vec["cV"] * (gu + 2 * gd) / vec["M"] ** 2
        if "scalar" in self.mediators:
            s = pt.data("scalar")
            th = s["sin_theta"]
            y = float(pt.value(self.scalar_coupling))
            amp = y * th * math.sqrt(1 - th**2) * ph.f_N_higgs / ph.v_EW * (
                1 / s["m_h"] ** 2 - 1 / s["m_s"] ** 2)
            fp += amp * mp
            fn += amp * mn
        mu_p, mu_n = m * mp / (m + mp), m * mn / (m + mn)
        f_xe = (_XE_Z * fp + (_XE_A - _XE_Z) * fn) / _XE_A
        return {"sigma_SI_p": float(ph.invGeV2_to_cm2(mu_p**2 / math.pi * fp**2)),
                "sigma_SI_n": float(ph.invGeV2_to_cm2(mu_n**2 / math.pi * fn**2)),
                "sigma_SI_Xe": float(ph.invGeV2_to_cm2(mu_p**2 / math.pi * f_xe**2))}

    # ------------------------------------------------------------------ contract
    def spectrum(self, pt: Point) -> SectorSpectrum:
        return SectorSpectrum(np.array([float(pt.value(self.mass))]), ["chi"],
                              extras={"nature": self.nature})

    def observables(self, pt: Point) -> dict[str, Any]:
        d = pt.data(self.name)
        t = d["today"]
        out = {"m_chi": d["m"], "sigma_SI_p": d["sigma_SI_p"], "sigma_SI_n": d["sigma_SI_n"],
               "sigma_SI_Xe": d["sigma_SI_Xe"], "sigmav_total": sum(t.values())}
        for k in ("gammagamma", "ee", "mumu", "tautau", "bb", "tt", "qq", "nunu", "NN", "ZpZp"):
            if k in t:
                out[f"sigmav_{k}"] = t[k]
        if self.relic:
            out["omega_dm_h2"] = d["omega_h2"]
            out["xi_dm"] = min(1.0, d["omega_h2"] / _OMEGA_REF) if d["omega_h2"] > 0 else 0.0
        return out

    def links(self) -> list:
        xi = "xi_dm" if self.relic else "1"
        half = " / 2" if self.nature == "dirac" else ""
        out: list = []
        if self.relic:
            out.append(MeasurementLink("omega_dm_h2", "omega_dm_h2", side="upper",
                                       note="an excess excludes; less is a DM fraction"))
        out += [CurveLink(c, x="m_chi", y=f"sigma_SI_Xe * {xi}", note="xi-weighted")
                for c in self.dd_limits]
        if "alp" in self.mediators:
            out += [CurveLink(c, x="m_chi", y=f"sigmav_gammagamma * {xi}**2{half}",
                              note="xi^2-weighted" + (", Dirac 1/2" if half else ""))
                    for c in (*self.line_limits, *self.line_projections)]
            if "mumu" in self.continuum_limits:  # the ALP's muon coupling: a → μμ̄ continuum
                out.append(CurveLink(self.continuum_limits["mumu"], x="m_chi",
                                     y=f"sigmav_mumu * {xi}**2{half}", label="mumu",
                                     note="xi^2-weighted"))
        if "u1" in self.mediators:  # continuum from Z' s-channel annihilation into SM pairs
            out += [CurveLink(c, x="m_chi", y=f"sigmav_{ch} * {xi}**2{half}", label=ch,
                              note="xi^2-weighted") for ch, c in self.continuum_limits.items()]
        return out
