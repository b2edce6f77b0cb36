"""``bl-zprime``: dynamical inverse seesaw from gauged B−L, Dirac dark matter, an elusive Z′.

Paper: V. De Romeri, E. Fernandez-Martinez, J. Gehrlein, P.A.N. Machado, V. Niro, "Dark Matter
and the elusive Z′ in a dynamical Inverse Seesaw scenario", JHEP 10 (2017) 169
[arXiv:1707.08606]. Its reproduction lives in `darkseesaw.papers.bl_zprime`.

Content (Table 1): SM + 3 N_R (B−L −1), 3 N′_R (+1), χ_L (+4), χ_R (+5), ω (+4, left-handed);
scalars H, φ₁ (+1), φ₂ (+2). The model is a composition of sectors:

* `NeutralLeptons` — the ISS 9×9 block of eq. 2.6 (basis ν_L, N_Rᶜ, S ≡ N′_Rᶜ):
  m_D = Y_ν v/√2 𝟙, M = M_N 𝟙, μ_S = Y′_N v₂/√2 𝟙, μ_R = Y_N v₂/√2 𝟙 (exact Takagi spectrum,
  oscillation/Σm/0νββ/LFV/EWPD/HNL links). Flavour-universal Yukawas as in the paper: three
  degenerate light neutrinos, so the NuFIT link fails by construction;
* `U1Gauge` — B−L with the new fermions of Table 1: the N_R–N′_R pairs as one Dirac fermion of
  vector charge −1 (N′_Rᶜ is left-handed with −1: anomaly-equivalent), χ = (χ_L, χ_R) with
  (4, 5), and ω; the anomaly engine finds every anomaly zero. Z′ widths (quarks with the QCD
  factor), BRs, the ATLAS dilepton recast;
* `FermionDM` — Dirac χ through the Z′: Boltzmann Ωh², σ_SI, ⟨σv⟩ today, LZ/XENONnT links.

Its own parts: v₁ and Y_χ from M_Z′ = g√(v₁² + 4v₂²), m_χ = Y_χ v₁/√2 (eq. 3.2); the scalars
of eq. 2.7 (`darkseesaw.spectrum.scalars`: tadpoles solved for m_H², m₁², m₂², λ_H fixed by
m_h = 125.2 GeV) with the Higgs-mixing link on α₁; ΔN_eff of the massless ω, decoupled at the
temperature where the rate of eq. 3.10 equals the Hubble rate (`cosmo.dark_radiation`), with
the correct (43/4 / g*s)^{4/3} (the paper's eq. 3.9 omits the neutrino entropy) and a link on
N_eff.

Example
-------
>>> from darkseesaw.models.bl_zprime import MODEL
>>> p = MODEL.parameters(g_BL=0.25, M_Zp=1e4, m_chi=3800.0)
>>> round(p.v1), round(p.Y_chi, 4)
(40000, 0.1344)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from pydantic import model_validator

from darkseesaw import physics as ph
from darkseesaw.constraints.links import MeasurementLink
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.cosmo.dark_radiation import decoupling_temperature, delta_neff
from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import FermionDM, NeutralLeptons, U1Gauge, dirac_mass
from darkseesaw.sectors.base import Point, SectorSpectrum
from darkseesaw.sectors.u1_gauge import PRESETS, SM_FERMIONS, Fermion
from darkseesaw.spectrum.scalars import Doublet, ScalarPotential, Singlet, mixing_angle

SQ2 = math.sqrt(2.0)
I3 = np.eye(3)


class Parameters(ModelParameters):
    """Parameters of ``bl-zprime``: the physical (g_BL, M_Z′, m_χ) of Fig. 2, v₂, couplings."""

    g_BL: float = param(0.25, description="B-L gauge coupling", gt=0, le=2.0)
    M_Zp: float = param(1.0e4, unit="GeV", description="Z' mass", gt=0)
    m_chi: float = param(3800.0, unit="GeV", description="Dirac DM mass", gt=0)
    v2: float = param(1.0e-6, unit="GeV", description="vev of phi_2 (keV scale, eq. 2.11)", gt=0)
    lambda_1: float = param(0.5, description="quartic lambda_1 of |phi_1|^4", gt=0)
    lambda_2: float = param(0.5, description="quartic lambda_2 of |phi_2|^4", gt=0)
    lambda_12: float = param(0.1, description="quartic lambda_12")
    lambda_1H: float = param(0.05, description="quartic lambda_1H")
    lambda_2H: float = param(0.02, description="quartic lambda_2H")
    eta: float = param(1.0e-5, unit="GeV", description="trilinear eta (phi_1^2 phi_2^*)", gt=0)
    M_N: float = param(1000.0, unit="GeV", description="ISS mass of the N_R-N'_R pairs", gt=0)
    y_nu: float = param(0.1, description="neutrino Yukawa Y_nu (times the unit matrix)", ge=0)
    Y_N: float = param(0.1, description="Yukawa Y_N of phi_2 N_R N_R (mu_R)", ge=0)
    Yp_N: float = param(0.2, description="Yukawa Y'_N of phi_2^* N'_R N'_R (mu_S)", ge=0)

    @model_validator(mode="after")
    def _check(self):
        if (self.M_Zp / self.g_BL) ** 2 <= 4 * self.v2**2:
            raise ValueError("M_Zp/g_BL must exceed 2 v2 (eq. 3.2)")
        return self

    @property
    def v1(self) -> float:
        """v₁ [GeV] from M_Z′ = g √(v₁² + 4v₂²) (eq. 3.2)."""
        return math.sqrt((self.M_Zp / self.g_BL) ** 2 - 4 * self.v2**2)

    @property
    def Y_chi(self) -> float:
        """Y_χ = √2 m_χ / v₁ (eq. 3.2)."""
        return SQ2 * self.m_chi / self.v1


def potential(f, p):
    """Eq. 2.7 as a function for `darkseesaw.spectrum.scalars.ScalarPotential`."""
    HH = (abs(f["H"]) ** 2).sum(-1)
    a1, a2 = abs(f["phi1"]) ** 2, abs(f["phi2"]) ** 2
    t = f["phi1"] ** 2 * np.conj(f["phi2"])
    return (p["mH2"] / 2 * HH + p["lH"] / 2 * HH**2 + p["m12"] / 2 * a1 + p["m22"] / 2 * a2
            + p["l1"] / 2 * a1**2 + p["l2"] / 2 * a2**2 + p["l12"] / 2 * a1 * a2
            + p["l1H"] / 2 * a1 * HH + p["l2H"] / 2 * a2 * HH - p["eta"] * 2 * t.real)


POTENTIAL = ScalarPotential([Doublet("H", {"Y": 0.5, "BL": 0.0}), Singlet("phi1", {"BL": 1.0}),
                             Singlet("phi2", {"BL": 2.0})], potential)


def scalar_sector(p: Parameters) -> dict[str, Any]:
    """Tadpoles solved for (m_H², m₁², m₂²) at (v, v₁, v₂); masses, mixing, Goldstones.

    λ_H is fixed by the Higgs mass through the exact CP-even matrix (three iterations).
    """
    vev = {"H": ph.v_EW, "phi1": p.v1, "phi2": p.v2}
    lH = ph.m_h**2 / ph.v_EW**2
    base = dict(l1=p.lambda_1, l2=p.lambda_2, l12=p.lambda_12, l1H=p.lambda_1H,
                l2H=p.lambda_2H, eta=p.eta)
    for _ in range(3):  # adjust λ_H so that the lightest CP-even state is the 125 GeV Higgs
        pars = POTENTIAL.solve_tadpoles(dict(base, lH=lH), vev, ["mH2", "m12", "m22"])
        lH *= ph.m_h**2 / POTENTIAL.spectrum(pars, vev).cp_even.m2[0]
    pars = POTENTIAL.solve_tadpoles(dict(base, lH=lH), vev, ["mH2", "m12", "m22"])
    sp = POTENTIAL.spectrum(pars, vev)
    m2A, OA = sp.cp_odd.physical()
    even = sp.cp_even.m2
    return {"params": pars, "spectrum": sp, "m_h": float(np.sqrt(even[0])),
            "m_phi1": float(np.sqrt(even[1])), "m_phi2": float(np.sqrt(even[2])),
            "m_A": float(np.sqrt(m2A[0])), "A_vector": OA[:, 0],
            "alpha1": float(abs(mixing_angle(sp.cp_even.rotation, 0, 1))),
            "alpha2": float(abs(mixing_angle(sp.cp_even.rotation, 1, 2))),
            "is_minimum": bool(sp.is_minimum),
            "n_goldstone": sp.cp_odd.n_goldstone + 2 * sp.charged.n_goldstone}


_Q = PRESETS["B-L"]
_SM_MASS = np.array([f[5] for f in SM_FERMIONS.values()])
_SM_Q2 = np.array([f[4] * (float(_Q[f[0]]) ** 2 + (float(_Q[f[1]]) ** 2 if f[1] else 0.0))
                   * (3 if name == "nu" else 1) for name, f in SM_FERMIONS.items()])
"""Masses and n_c (q_L² + q_R²) of the SM fermions (Σ = 13 for B−L with colour)."""


def omega_decoupling_T(M_Zp: float, g: float) -> float:
    """T [GeV] where Γ(ωω̄ ↔ f f̄) = H, Γ = c g⁴ Σ_{m_f<T} n_c(q_L² + q_R²) T⁵/M_Z′⁴.

    c = √(4π³/45)/2.16 is the normalisation of eq. 3.10 (Γ = H is then eq. 3.10 exactly);
    H and g*(T) from `darkseesaw.cosmo`, with the PDG Planck mass.
    """
    c = math.sqrt(4 * math.pi**3 / 45) / 2.16 * g**4 / M_Zp**4

    def rate(T):
        T = np.asarray(T, float)
        return c * (_SM_Q2 * (_SM_MASS < T[..., None])).sum(-1) * T**5
    return float(decoupling_temperature(rate))


class BLZprime(Model):
    """Dynamical inverse seesaw + gauged B−L + Dirac χ + massless ω (see the module notes)."""

    id = "bl-zprime"
    description = "dynamical inverse seesaw from gauged B-L, Dirac dark matter, elusive Z'"
    references = ("De Romeri, Fernandez-Martinez, Gehrlein, Machado, Niro, JHEP 10 (2017) 169 "
                  "[arXiv:1707.08606]",)
    Parameters = Parameters
    benchmarks = {
        "dd_text": {"g_BL": 0.25, "M_Zp": 1.0e4, "m_chi": 3800.0},  # text after eq. 3.8
        "resonance_5TeV": {"g_BL": 0.3, "M_Zp": 1.0e4, "m_chi": 5000.0 * 0.98},
    }
    sectors = (
        NeutralLeptons(mD=lambda p: dirac_mass(p.y_nu * I3), M=lambda p: p.M_N * I3,
                       mu_S=lambda p: p.Yp_N * p.v2 / SQ2 * I3,
                       mu_R=lambda p: p.Y_N * p.v2 / SQ2 * I3, n_N=3, n_S=3,
                       gauge_charges=[-1] * 3 + [1] * 3 + [-1] * 3),
        U1Gauge(g="g_BL", mass="M_Zp", charges="B-L",
                fermions=[Fermion("N", "dirac", (-1, -1), generations=3, mass="M_N", role="N"),
                          Fermion("chi", "dirac", (4, 5), mass="m_chi", role="dm"),
                          Fermion("omega", "left", 4, majorana=False, role="dark")]),
        FermionDM(mass="m_chi", nature="dirac", mediators=("u1",)),
    )
    own_observables = {
        "v_phi1": {"unit": "GeV", "latex": "v_1", "description": "vev of phi_1 (eq. 3.2)"},
        "Y_chi": {"latex": "Y_\\chi", "description": "Yukawa of phi_1^* chi_L chi_R"},
        "m_phi1": {"unit": "GeV", "latex": "m_{\\varphi_1}", "description": "mass of the "
                   "phi_1-like CP-even scalar (eq. 2.7)"},
        "m_phi2": {"unit": "GeV", "latex": "m_{\\varphi_2}", "description": "mass of the "
                   "phi_2-like CP-even scalar (eq. 2.7)"},
        "m_A_BL": {"unit": "GeV", "latex": "m_A", "description": "mass of the pseudoscalar "
                   "A of eq. 2.16"},
        "sin_alpha2": {"latex": "\\sin\\alpha_2", "description": "phi_1-phi_2 mixing"},
        "T_dec_omega": {"unit": "GeV", "latex": "T_{dec}^\\omega",
                        "description": "decoupling temperature of the massless omega"},
        "delta_neff_omega": {"latex": "\\Delta N_{eff}^\\omega",
                             "description": "Delta N_eff of omega (neutrino entropy included)"},
    }

    def _scalars(self, pt: Point) -> dict[str, Any]:
        return pt.cached(("bl-zprime", "scalars"), lambda: scalar_sector(pt.p))

    def extra_spectrum(self, pt: Point) -> SectorSpectrum:
        s = self._scalars(pt)
        return SectorSpectrum(np.array([s["m_h"], s["m_phi1"], s["m_phi2"], s["m_A"]]),
                              ["h", "phi1", "phi2", "A"],
                              mixing={"cp_even": s["spectrum"].cp_even.rotation},
                              extras={k: s[k] for k in ("alpha1", "alpha2", "is_minimum",
                                                        "n_goldstone")}
                              | {"v1": pt.p.v1, "Y_chi": pt.p.Y_chi})

    def extra_observables(self, pt: Point) -> dict[str, Any]:
        p, s = pt.p, self._scalars(pt)
        T = omega_decoupling_T(p.M_Zp, p.g_BL)
        return {"v_phi1": p.v1, "Y_chi": p.Y_chi, "m_h": s["m_h"], "m_phi1": s["m_phi1"],
                "m_phi2": s["m_phi2"], "m_A_BL": s["m_A"], "sin_theta_s": math.sin(s["alpha1"]),
                "sin_alpha2": math.sin(s["alpha2"]), "T_dec_omega": T,
                "delta_neff_omega": float(delta_neff(T, g=2.0))}

    def extra_links(self) -> list:
        n_sm = _ME["n_eff_sm"].value
        return [MeasurementLink("sin_theta_higgs_lhc", "sin_theta_s", note="h-phi_1 mixing"),
                MeasurementLink("n_eff_planck2018", f"{n_sm} + delta_neff_omega", side="upper",
                                note="SM + omega")]


MODEL = BLZprime()
