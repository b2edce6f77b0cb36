"""The U(1)′ gauge sector: a gauged U(1) with its Z′, from the charges of the fields.

Declared by the model: the U(1)′ charges of the SM fields (a preset — ``"B-L"``, ``"dark"``
(no SM charge) — or a dict over ``q_L, u_R, d_R, L_L, e_R, H``, generation-blind), the new
Weyl fermions with their charges (`Fermion`), the gauge coupling, the Z′ mass and the kinetic
mixing. Then:

* **anomalies**: every gauge anomaly of SU(3)×SU(2)×U(1)_Y×U(1)′ of the declared content is
  computed exactly by `darkseesaw.symmetry.anomalies.gauge_anomaly_check` when the model is
  built; a non-vanishing one is an error (``anomaly_free=False`` lets a model declare it knows);
* **couplings**: exact neutral-boson mixing (`darkseesaw.spectrum.gauge_mixing`) of B̂, Ŵ³ and
  the U(1)′ boson with kinetic mixing ε (input: the low-mass coupling to e(0) J_em)
  and, when the Higgs is charged, mass mixing (sin χ = −ε e(0)/(e c_W), e, c_W at tree level); each fermion's (g_V, g_A) to the physical Z′ is
  e ε Q + g_Z ε′(T₃/2 − Q s_W²) + g′ κ (q_L + q_R)/2 and g_Z ε′ T₃/2 + g′ κ (q_L − q_R)/2;
* **widths and BRs**: one V → f f̄ formula (`darkseesaw.observables.widths.width_vector_to_fermions`)
  for the SM fermions (quarks above 2 GeV with the QCD factor of
  `darkseesaw.observables.qcd.qcd_factor`; below 2 GeV hadrons through R(s),
  `darkseesaw.observables.dark_photon.r_ratio`, scaled by the quark vector couplings — exact
  for a dark photon, an approximation otherwise; NaN in 1–2 GeV where R needs data), and for the
  new fermions (a Majorana state from one Weyl field of charge q: Γ = g′²q²M β³/(24π));
* **LHC**: σ(pp → Z′) BR(Z′ → e⁺e⁻) at 13 TeV in the narrow-width approximation
  (`darkseesaw.observables.collider.sigma_nwa_fb`, LO, shipped MSTW 2008 PDFs).

Links: the ATLAS 139 fb⁻¹ dilepton limit with the width-dependent curves
(`darkseesaw.constraints.dilepton.dilepton_limit_fb`); for a dark photon (``charges="dark"``)
the DarkCast visible and invisible combinations on ε (×√BR of the decay mode); for B−L the
DarkCast/FORESEE visible combination on g′.

Example
-------
>>> from darkseesaw.sectors.u1_gauge import U1Gauge, Fermion
>>> s = U1Gauge(g="g", mass="M", charges="B-L",
...             fermions=[Fermion("N_R", "right", -1, generations=3)])
>>> s.anomalies["grav^2 X"], s.anomalies["X X X"]
(Fraction(0, 1), Fraction(0, 1))
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.dilepton import dilepton_limit_fb, fiducial_acceptance
from darkseesaw.constraints.links import CurveLink, LimitLink
from darkseesaw.observables import collider
from darkseesaw.observables import neutrino as nu
from darkseesaw.observables.dark_photon import r_ratio
from darkseesaw.observables.qcd import qcd_factor
from darkseesaw.observables.widths import width_vector_to_fermions
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spec
from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings
from darkseesaw.symmetry.anomalies import gauge_anomaly_check
from darkseesaw.symmetry.fields import Field

__all__ = ["U1Gauge", "Fermion", "PRESETS", "SM_FERMIONS"]

PRESETS: dict[str, dict[str, Fraction]] = {
    "B-L": {"q_L": Fraction(1, 3), "u_R": Fraction(1, 3), "d_R": Fraction(1, 3),
            "L_L": Fraction(-1), "e_R": Fraction(-1), "H": Fraction(0)},
    "dark": {k: Fraction(0) for k in ("q_L", "u_R", "d_R", "L_L", "e_R", "H")},
}
"""Generation-blind U(1)′ charges of the SM Weyl fields and of the Higgs doublet."""

# SM Dirac fermions: (left multiplet, right field, T3 of the left component, Q, colours, mass)
SM_FERMIONS: dict[str, tuple[str, str | None, float, float, int, float]] = {
    "e": ("L_L", "e_R", -0.5, -1.0, 1, ph.m_e), "mu": ("L_L", "e_R", -0.5, -1.0, 1, ph.m_mu),
    "tau": ("L_L", "e_R", -0.5, -1.0, 1, ph.m_tau),
    "nu": ("L_L", None, 0.5, 0.0, 1, 0.0),
    "u": ("q_L", "u_R", 0.5, 2 / 3, 3, ph.m_u), "c": ("q_L", "u_R", 0.5, 2 / 3, 3, ph.m_c),
    "t": ("q_L", "u_R", 0.5, 2 / 3, 3, ph.m_t),
    "d": ("q_L", "d_R", -0.5, -1 / 3, 3, ph.m_d), "s": ("q_L", "d_R", -0.5, -1 / 3, 3, ph.m_s),
    "b": ("q_L", "d_R", -0.5, -1 / 3, 3, ph.m_b),
}
_LIGHT_QUARKS = ("u", "d", "s")
_QUARKS = ("u", "d", "s", "c", "b", "t")
_M_PARTON = 2.0  # GeV: hadrons as quarks above, through R(s) below


@dataclass(frozen=True)
class Fermion:
    """A new fermion charged under the U(1)′.

    Parameters
    ----------
    name : str
    chirality : {"left", "right"} or "dirac"
        One Weyl field of that chirality (``charge`` a number), or a Dirac pair (``charge``
        = (q_L, q_R)).
    charge : number or (q_L, q_R)
        U(1)′ charge(s) (exact rationals for the anomaly check: ints, fractions, "7/2").
    generations : int
    mass : spec, optional
        Mass [GeV] of the state for the Z′ decay kinematics (None: massless).
    role : {"N", "dm", "dark"}
        What Z′ decays into it count as: heavy neutral leptons (BR_Zp_N), dark matter
        (BR_Zp_dm) or other dark states; all three are invisible.
    majorana : bool
        For one Weyl field: the mass state is Majorana (its own antiparticle), as for N_R with
        a Majorana mass; False: a massless Weyl fermion.
    """

    name: str
    chirality: str
    charge: Any
    generations: int = 1
    mass: Spec = None
    role: str = "dark"
    majorana: bool = True

    def weyl(self) -> list[tuple[str, str, Fraction]]:
        """(name, chirality, charge) of the Weyl components."""
        if self.chirality == "dirac":
            qL, qR = self.charge
            return [(self.name + "_L", "left", Fraction(qL)), (self.name + "_R", "right",
                                                               Fraction(qR))]
        if self.chirality not in ("left", "right"):
            raise ValueError(f"{self.name}: chirality must be left, right or dirac")
        return [(self.name, self.chirality, Fraction(self.charge))]


def _sm_fields(q: Mapping[str, Fraction]) -> list[Field]:
    def ch(y, x):
        return {"Y": y, "X": x}
    return [Field("q_L", "left", "3", 2, 3, ch("1/6", q["q_L"])),
            Field("u_R", "right", "3", 1, 3, ch("2/3", q["u_R"])),
            Field("d_R", "right", "3", 1, 3, ch("-1/3", q["d_R"])),
            Field("L_L", "left", "1", 2, 3, ch("-1/2", q["L_L"])),
            Field("e_R", "right", "1", 1, 3, ch(-1, q["e_R"])),
            Field("H", "complex_scalar", "1", 2, 1, ch("1/2", q["H"]))]


class U1Gauge(Sector):
    """A gauged U(1)′ and its boson Z′ (see the module notes).

    Parameters
    ----------
    g, mass : spec
        Gauge coupling g′ and Z′ mass [GeV].
    charges : str or dict
        ``"B-L"``, ``"dark"`` or charges of ``q_L, u_R, d_R, L_L, e_R, H``.
    fermions : sequence of Fermion
        New fermions charged under U(1)′ (right-handed neutrinos, dark matter …).
    kinetic_mixing : spec
        ε, the low-mass coupling to e(0) J_em.
    scalars : sequence of ((T₃, Y, Q_X), vev spec)
        Scalars whose vevs (⟨φ⁰⟩ = v/√2) break U(1)′ (and, if they are doublets, mix the Z′
        with the Z); give these instead of ``mass`` to get the Z′ mass from the vevs.
    anomaly_free : bool
        Require every gauge anomaly to vanish (raise ValueError otherwise).
    r_ratio_fn : callable, optional
        R(√s) for hadronic widths below 2 GeV (default: the engine's, NaN in 1–2 GeV).
    """

    name = "u1"

    def __init__(self, *, g: Spec, mass: Spec = None, charges: str | Mapping[str, Any] = "B-L",
                 fermions: Sequence[Fermion] = (), kinetic_mixing: Spec = 0.0,
                 scalars: Sequence[tuple[tuple[float, float, float], Spec]] = (),
                 anomaly_free: bool = True, r_ratio_fn=None, lhc: bool = True):
        if (mass is None) == (not scalars):
            raise ValueError("U(1)': give the Z' mass, or the scalars whose vevs make it")
        if isinstance(charges, str):
            if charges not in PRESETS:
                raise ValueError(f"unknown charge preset {charges!r}; known: {list(PRESETS)}")
            self.preset = charges
            q = dict(PRESETS[charges])
        else:
            self.preset = None
            q = {k: Fraction(v) for k, v in charges.items()}
            missing = set(PRESETS["B-L"]) - set(q)
            if missing:
                raise ValueError(f"U(1)' charges missing for {sorted(missing)}")
        self.charges = q
        self.fermions = tuple(fermions)
        self.g, self.mass, self.kinetic_mixing = g, mass, kinetic_mixing
        self.scalars = tuple(scalars)
        self.r_ratio_fn, self.lhc = r_ratio_fn, lhc
        fields = _sm_fields(q)
        for f in self.fermions:
            for nm, chi, x in f.weyl():
                fields.append(Field(nm, chi, "1", 1, f.generations, {"Y": 0, "X": x}))
        self.fields = fields
        self.anomalies = gauge_anomaly_check(fields, ["Y", "X"])
        bad = {k: v for k, v in self.anomalies.items() if v != 0}
        if anomaly_free and bad:
            raise ValueError("U(1)' charges are anomalous: " + ", ".join(
                f"{k} = {v}" for k, v in bad.items()))

    # ------------------------------------------------------------------ couplings
    def _mixing(self, g: float, M: float | None, eps: float, vevs=()
                ) -> tuple[float, float, float, float]:
        """(M_phys, e ε, g_Z ε′, κ) of the physical Z′ (exact mixing; trivial fast path).

        With ``vevs`` ((T₃, Y, Q_X), v) of extra scalars the mass comes from them (and the
        Higgs), with their mass mixing; otherwise a Stueckelberg-like mass is tuned to M."""
        qH = float(self.charges["H"])
        gw, gp = sm_couplings()
        gz = math.hypot(gw, gp)
        sin_chi = -eps * ph.e_charge_0 / (gw * gp / gz) / (gw / gz)
        if vevs:
            r = neutral_gauge_mixing(gw, gp, g, [ph.v_EW] + [v for _, v in vevs],
                                     [(-0.5, 0.5, qH)] + [c for c, _ in vevs], sin_chi=sin_chi)
            return float(r.masses[2]), r.e * float(r.eps_em[2]), r.gZ * float(r.eps_Z[2]), \
                float(r.kappa_X[2])
        if eps == 0.0 and qH == 0.0:
            return M, 0.0, 0.0, 1.0
        m0 = M
        for _ in range(4):  # adjust the Stueckelberg-like mass so that the physical mass is M
            ext = np.zeros((3, 3))
            ext[2, 2] = m0**2
            r = neutral_gauge_mixing(gw, gp, g, [ph.v_EW], [(-0.5, 0.5, qH)], sin_chi=sin_chi,
                                     extra_mass2=ext)
            m0 *= M / float(r.masses[2])
        return float(r.masses[2]), r.e * float(r.eps_em[2]), r.gZ * float(r.eps_Z[2]), \
            float(r.kappa_X[2])

    def data(self, pt: Point) -> dict[str, Any]:
        g = float(pt.value(self.g))
        M = None if self.mass is None else float(pt.value(self.mass))
        eps = float(pt.value(self.kinetic_mixing) or 0.0)
        vevs = [(tuple(float(x) for x in c), float(pt.value(v))) for c, v in self.scalars]
        Mp, e_eps, gZ_epsp, kappa = self._mixing(g, M, eps, vevs)
        gx = g * kappa
        gw, gp = sm_couplings()
        sw2 = gp**2 / (gw**2 + gp**2)
        q = self.charges
        cpl: dict[str, tuple[float, float]] = {}
        widths: dict[str, float] = {}
        for f, (left, right, t3, Q, nc, mf) in SM_FERMIONS.items():
            qL = float(q[left])
            qR = float(q[right]) if right else 0.0
            gV = e_eps * Q + gZ_epsp * (t3 / 2 - Q * sw2) + gx * (qL + qR) / 2
            gA = gZ_epsp * t3 / 2 + gx * (qL - qR) / 2
            cpl[f] = (gV, gA)
            if f == "nu":  # three left-handed flavours: g_L = gV + gA (gV = gA)
                widths["nunu"] = 3 * float(width_vector_to_fermions(Mp, gV, gA, 0.0))
            elif f in _QUARKS:
                w = float(width_vector_to_fermions(Mp, gV, gA, mf, nc))
                widths[f] = w * (float(qcd_factor(Mp)) if Mp >= _M_PARTON else 1.0)
            else:
                widths[f + f] = float(width_vector_to_fermions(Mp, gV, gA, mf))
        gl2 = self._light_neutrino_coupling2(pt, gx, gZ_epsp)
        if gl2 is not None:
            # the equivalent per-flavour left coupling (exact for massless final states, for
            # Γ(Z′ → νν) and for χχ̄ → νν alike: both depend on Σ_ij |G_ij|² only)
            gL = math.sqrt(gl2 / 3.0)
            cpl["nu"] = (gL / 2, gL / 2)
            widths["nunu"] = 3 * float(width_vector_to_fermions(Mp, gL / 2, gL / 2, 0.0))
        if Mp < _M_PARTON:  # hadrons through R(s): the EM-like vector part of light quarks
            for f in _QUARKS:
                widths.pop(f)
            rf = self.r_ratio_fn or r_ratio
            num = sum(3 * cpl[f][0] ** 2 for f in _LIGHT_QUARKS)
            den = sum(3 * SM_FERMIONS[f][3] ** 2 for f in _LIGHT_QUARKS)
            widths["hadrons"] = float(rf(Mp)) * Mp / (12 * math.pi) * num / den
        new: dict[str, tuple[float, str]] = {}
        for fer in self.fermions:
            m = float(pt.value(fer.mass) or 0.0)
            if fer.chirality == "dirac":
                qL, qR = (float(x) for x in fer.charge)
                w = float(width_vector_to_fermions(Mp, gx * (qL + qR) / 2, gx * (qL - qR) / 2, m))
            else:
                qq = float(Fraction(fer.charge))
                if fer.majorana and m > 0:  # identical Majorana pair: ½ × axial coupling g q
                    w = 0.5 * float(width_vector_to_fermions(Mp, 0.0, gx * qq, m))
                else:  # massless Weyl fermion
                    w = float(width_vector_to_fermions(Mp, gx * qq / 2, gx * qq / 2, 0.0))
            new[fer.name] = (fer.generations * w, fer.role)
        total = sum(widths.values()) + sum(w for w, _ in new.values())
        return {"M": Mp, "g": g, "epsilon": e_eps / ph.e_charge_0, "kappa": kappa,
                "epsilon_prime": gZ_epsp / math.hypot(gw, gp),
                "g_eff": gx, "couplings": cpl, "widths": widths, "new_widths": new,
                "width": total}

    def _light_neutrino_coupling2(self, pt: Point, gx: float, gZ_epsp: float) -> float | None:
        """Σ_ij |G_ij|² of Z′ over the light mass states when the neutral-lepton sector declares
        the U(1)′ charges of its fields (else None: three active flavours of charge q_L).

        G = g′κ U_l† diag(Q) U_l + (g_Z ε′/2) U_l† P U_l (P the projector on ν_L: the
        Z-current part), so the dark charge of N and S reaches the light neutrinos through their
        mixing; Γ(Z′ → νν) = M/(24π) Σ_ij |G_ij|² for massless Majorana states (the
        non-unitarity form of Γ(Z → νν); G = g_L·1 gives 3 g_L² M/(24π)).
        """
        if not pt.has("neutral_leptons"):
            return None
        nl = pt.sector("neutral_leptons")
        Q = getattr(nl, "gauge_charges", None)
        if Q is None:
            return None
        qL = float(self.charges["L_L"])
        if not np.allclose(Q[:3], qL):
            raise ValueError(f"neutral leptons: gauge_charges of nu_L {list(Q[:3])} differ from "
                             f"the U(1)' charge of L, {qL}")
        d = pt.data("neutral_leptons")
        U, m = d["U"], d["m"]
        if Q.size != m.size:
            raise ValueError(f"gauge_charges has {Q.size} entries for {m.size} fields")
        Ul = U[:, nu.select_light(m, U)]
        act = np.zeros(m.size)
        act[:3] = 1.0
        G = np.conj(Ul).T @ ((gx * Q + 0.5 * gZ_epsp * act)[:, None] * Ul)
        return float(np.sum(np.abs(G) ** 2))

    def spectrum(self, pt: Point) -> SectorSpectrum:
        d = pt.data(self.name)
        return SectorSpectrum(np.array([d["M"]]), ["Zp"],
                              extras={"g": d["g"], "epsilon": d["epsilon"], "width_GeV": d["width"]})

    def observables(self, pt: Point) -> dict[str, Any]:
        d = pt.data(self.name)
        tot = np.float64(d["width"])  # numpy: BR = 0/0 is NaN (no decay channel), not an error
        w = d["widths"]
        cat = {"N": 0.0, "dm": 0.0, "dark": 0.0}
        for wid, role in d["new_widths"].values():
            cat[role] = cat.get(role, 0.0) + wid
        had = w.get("hadrons", 0.0) + sum(w.get(f, 0.0) for f in _QUARKS)
        with np.errstate(all="ignore"):
            out = {
                "M_Zp": d["M"], "g_Zp": d["g"], "epsilon_Zp": d["epsilon"],
                "epsilon_prime_Zp": abs(d["epsilon_prime"]),
                "Gamma_Zp": tot, "Gamma_Zp_over_M": tot / d["M"],
                "tau_Zp": float(ph.width_to_lifetime_s(tot)) if tot > 0 else math.inf,
                "BR_Zp_ee": w["ee"] / tot, "BR_Zp_mumu": w["mumu"] / tot,
                "BR_Zp_tautau": w["tautau"] / tot, "BR_Zp_hadrons": had / tot,
                "BR_Zp_nunu": w["nunu"] / tot, "BR_Zp_N": cat["N"] / tot,
                "BR_Zp_dm": cat["dm"] / tot,
                "BR_Zp_invisible": (w["nunu"] + cat["N"] + cat["dm"] + cat["dark"]) / tot,
            }
        if self.lhc:
            out["sigmaB_Zp_ll_13TeV"] = self._sigma_ll(d) * out["BR_Zp_ee"]
            sig = out["sigmaB_Zp_ll_13TeV"]  # 0 without quark couplings: A is undefined there
            out["sigmaB_Zp_ll_fid_13TeV"] = (sig * self._acceptance(d)
                                             if sig != 0 and math.isfinite(sig) else sig)
        return {k: float(v) for k, v in out.items()}

    @staticmethod
    def _sigma_ll(d: dict[str, Any]) -> float:
        """σ(pp → Z′) [fb] at 13 TeV, NWA, LO (NaN below 100 GeV: outside the searches)."""
        if d["M"] < 100.0 or d["M"] > 1.2e4:
            return math.nan
        qw = {f: d["widths"][f] / float(qcd_factor(d["M"])) for f in ("u", "d", "s", "c", "b")}
        return float(collider.sigma_nwa_fb(d["M"], qw))

    @staticmethod
    def _acceptance(d: dict[str, Any]) -> float:
        """LO fiducial acceptance of the ATLAS selection for this Z′'s quark couplings (called
        where `_sigma_ll` is finite: the quark widths exist)."""
        qw = {f: d["widths"][f] for f in ("u", "d", "s", "c", "b")}
        return float(fiducial_acceptance(d["M"], qw))

    # ------------------------------------------------------------------ links
    def links(self) -> list:
        out: list = []
        if self.lhc:
            out.append(LimitLink(
                "collider/sigmaB-ll/atlas-139ifb",
                lambda o: dilepton_limit_fb(o["M_Zp"], o["Gamma_Zp_over_M"]),
                y="sigmaB_Zp_ll_fid_13TeV", x="M_Zp", kind="upper_limit", cl=0.95,
                source="ATLAS, PLB 796 (2019) 68, arXiv:1903.06248 (width-dependent curves)",
                note="fiducial sigma B(ee) (LO acceptance) vs the fiducial limit"))
        if self.preset == "dark":
            out += [CurveLink("darkphoton/epsilon/darkcast-visible", x="M_Zp",
                              y="epsilon_Zp * sqrt(1 - BR_Zp_invisible)",
                              note="epsilon x sqrt(BR visible)"),
                    CurveLink("darkphoton/epsilon/darkcast-invisible", x="M_Zp",
                              y="epsilon_Zp * sqrt(BR_Zp_invisible)",
                              note="epsilon x sqrt(BR invisible)")]
        elif self.preset == "B-L":
            out.append(CurveLink("zprime/gBL/darkcast-visible", x="M_Zp", y="g_Zp",
                                 note="B-L boson decaying as in DarkCast"))
        return out
