"""Model ``bl-zprime``: dynamical inverse seesaw from gauged B−L, Dirac dark matter, elusive Z′.

Paper: V. De Romeri, E. Fernandez-Martinez, J. Gehrlein, P.A.N. Machado, V. Niro, "Dark Matter
and the elusive Z′ in a dynamical Inverse Seesaw scenario", JHEP 10 (2017) 169
[arXiv:1707.08606] ("DRFGMN").

Content (Table 1): SM + 3 N_R (B−L = −1), 3 N′_R (+1), χ_R (+5), χ_L (+4), ω (+4, left-handed);
scalars H, φ₁ (+1), φ₂ (+2). Anomaly freedom is checked with `darkseesaw.symmetry`.

* neutral fermions: the 11×11 matrix of eq. 2.6 in the basis (ν_Lᶜ, N_R, N′_R, χ_Lᶜ, χ_R),
  diagonalised exactly with `darkseesaw.spectrum.takagi` (the ISS 9×9 block from
  `darkseesaw.spectrum.builders.neutral_lepton_matrix` with N_R ↔ N_R and N′_R ↔ S, μ_S = Y′_N v₂/√2,
  μ_R = Y_N v₂/√2; the dark block m_χ = Y_χ v₁/√2);
* scalars: the potential eq. 2.7 handled by `darkseesaw.spectrum.scalars` (tadpoles solved for
  m_H², m₁², m₂² at the vevs; eqs. 2.8–2.16 kept as cross-checks in `analytic_scalars`);
* gauge: M_Z′ = g √(v₁² + 4v₂²) (eq. 3.2); widths/BRs, annihilation and direct detection from
  `darkseesaw.observables.zprime`; LHC recast from `darkseesaw.observables.collider`;
* cosmology: relic density from the Boltzmann solver of `darkseesaw.cosmo` with the
  Gondolo–Gelmini average of the exact σ(s) (resonance included); ΔN_eff of ω (eqs. 3.9–3.11).

Parameters are the physical ones of Fig. 2 (g_BL, M_Z′, m_χ) plus the scalar and neutrino
couplings; v₁ = √(M_Z′²/g² − 4v₂²).

Example
-------
>>> from darkseesaw.models.bl_zprime import MODEL
>>> p = MODEL.parameters(g_BL=0.25, M_Zp=1e4, m_chi=3800.0)
>>> round(MODEL.observables(p)["sigma_SI_pb"] * 1e10, 1)
8.6
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from darkseesaw import physics as ph
from darkseesaw.models.base import Model

SQ2 = math.sqrt(2.0)
M_PL: float = 1.2e19
"""Planck mass [GeV] used by De Romeri et al. 2017 in eqs. 3.6 and 3.10 (the PDG value is
`physics.M_Pl` = 1.220890e19)."""

Q_CHI = (4.0, 5.0)  # (q_L, q_R) of χ
Q_OMEGA = 4.0
Q_MAX = 5.0

# B−L charges (q_L, q_R) of the SM fermions, colour, mass (top massive; others negligible)
SM_FERMIONS = {
    "u": ((1 / 3, 1 / 3), 3, ph.m_u, "quarks"), "d": ((1 / 3, 1 / 3), 3, ph.m_d, "quarks"),
    "s": ((1 / 3, 1 / 3), 3, ph.m_s, "quarks"), "c": ((1 / 3, 1 / 3), 3, ph.m_c, "quarks"),
    "b": ((1 / 3, 1 / 3), 3, ph.m_b, "quarks"), "t": ((1 / 3, 1 / 3), 3, ph.m_t, "quarks"),
    "e": ((-1.0, -1.0), 1, ph.m_e, "leptons"), "mu": ((-1.0, -1.0), 1, ph.m_mu, "leptons"),
    "tau": ((-1.0, -1.0), 1, ph.m_tau, "leptons"),
    "nu_e": ((-1.0, 0.0), 1, 0.0, "invisible"), "nu_mu": ((-1.0, 0.0), 1, 0.0, "invisible"),
    "nu_tau": ((-1.0, 0.0), 1, 0.0, "invisible"),
}


class Parameters(BaseModel):
    """Parameters of ``bl-zprime`` (masses in GeV)."""

    model_config = ConfigDict(extra="forbid")

    g_BL: float = Field(0.25, gt=0, le=2.0, description="B−L gauge coupling g_BL")
    M_Zp: float = Field(1.0e4, gt=0, description="Z′ mass M_Z′ [GeV]")
    m_chi: float = Field(3800.0, gt=0, description="Dirac DM mass m_χ [GeV]")
    v2: float = Field(1.0e-6, gt=0, description="vev of φ₂ [GeV] (keV scale, eq. 2.11)")
    lambda_1: float = Field(0.5, gt=0, description="quartic λ₁ of |φ₁|⁴")
    lambda_2: float = Field(0.5, gt=0, description="quartic λ₂ of |φ₂|⁴")
    lambda_12: float = Field(0.1, description="quartic λ₁₂")
    lambda_1H: float = Field(0.05, description="quartic λ₁H")
    lambda_2H: float = Field(0.02, description="quartic λ₂H")
    eta: float = Field(1.0e-5, gt=0, description="trilinear η [GeV] (η φ₁² φ₂* + h.c.)")
    M_N: float = Field(1000.0, gt=0, description="ISS mass M_N of the N_R–N′_R pairs [GeV]")
    y_nu: float = Field(0.1, ge=0, description="neutrino Yukawa Y_ν (times the unit matrix)")
    Y_N: float = Field(0.1, ge=0, description="Yukawa Y_N of φ₂ N_R N_R (unit matrix)")
    Yp_N: float = Field(0.2, ge=0, description="Yukawa Y′_N of φ₂* N′_R N′_R (μ = Y′_N v₂/√2)")

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


# --------------------------------------------------------------------------------------------
# Field content and anomalies (Table 1)
# --------------------------------------------------------------------------------------------
def fields(dark_sector: bool = True):
    """Weyl fermions and scalars with Y and B−L charges (`darkseesaw.symmetry.Field`)."""
    from fractions import Fraction as F

    from darkseesaw.symmetry.fields import Field as SField

    def ch(y, bl):
        return {"Y": F(y), "BL": F(bl)}

    out = [
        SField("q_L", "left", "3", 2, 3, ch("1/6", "1/3")),
        SField("u_R", "right", "3", 1, 3, ch("2/3", "1/3")),
        SField("d_R", "right", "3", 1, 3, ch("-1/3", "1/3")),
        SField("L_L", "left", "1", 2, 3, ch("-1/2", -1)),
        SField("e_R", "right", "1", 1, 3, ch(-1, -1)),
        SField("N_R", "right", "1", 1, 3, ch(0, -1)),
        SField("Np_R", "right", "1", 1, 3, ch(0, 1)),
        SField("H", "complex_scalar", "1", 2, 1, ch("1/2", 0)),
        SField("phi1", "complex_scalar", "1", 1, 1, ch(0, 1)),
        SField("phi2", "complex_scalar", "1", 1, 1, ch(0, 2)),
    ]
    if dark_sector:
        out += [SField("chi_R", "right", "1", 1, 1, ch(0, 5)),
                SField("chi_L", "left", "1", 1, 1, ch(0, 4)),
                SField("omega", "left", "1", 1, 1, ch(0, 4))]
    return out


def anomalies(dark_sector: bool = True) -> dict[str, str]:
    """All gauge anomalies of SU(3)×SU(2)×U(1)_Y×U(1)_{B−L} (exact fractions, as strings)."""
    from darkseesaw.symmetry.anomalies import gauge_anomaly_check

    return {k: str(v) for k, v in gauge_anomaly_check(fields(dark_sector), ["Y", "BL"]).items()}


# --------------------------------------------------------------------------------------------
# Scalar sector (eq. 2.7)
# --------------------------------------------------------------------------------------------
def potential(f, p):
    """Eq. 2.7 of DRFGMN as a function for `darkseesaw.spectrum.scalars.ScalarPotential`."""
    HH = (abs(f["H"]) ** 2).sum(-1)
    a1, a2 = abs(f["phi1"]) ** 2, abs(f["phi2"]) ** 2
    t = f["phi1"] ** 2 * np.conj(f["phi2"])
    return (p["mH2"] / 2 * HH + p["lH"] / 2 * HH**2 + p["m12"] / 2 * a1 + p["m22"] / 2 * a2
            + p["l1"] / 2 * a1**2 + p["l2"] / 2 * a2**2 + p["l12"] / 2 * a1 * a2
            + p["l1H"] / 2 * a1 * HH + p["l2H"] / 2 * a2 * HH - p["eta"] * 2 * t.real)


def scalar_potential():
    from darkseesaw.spectrum.scalars import Doublet, ScalarPotential, Singlet

    return ScalarPotential([Doublet("H", {"Y": 0.5, "BL": 0.0}), Singlet("phi1", {"BL": 1.0}),
                            Singlet("phi2", {"BL": 2.0})], potential)


def scalar_sector(p: Parameters) -> dict[str, Any]:
    """Tadpoles solved for (m_H², m₁², m₂²) at (v, v₁, v₂); masses, mixing, Goldstones.

    λ_H is fixed by the Higgs mass through the exact CP-even matrix (iterated once).
    """
    from darkseesaw.spectrum.scalars import mixing_angle

    pot = scalar_potential()
    vev = {"H": ph.v_EW, "phi1": p.v1, "phi2": p.v2}
    lH = ph.m_h**2 / ph.v_EW**2
    base = dict(l1=p.lambda_1, l2=p.lambda_2, l12=p.lambda_12, l1H=p.lambda_1H,
                l2H=p.lambda_2H, eta=p.eta)
    for _ in range(3):  # adjust λ_H so that the lightest CP-even state is the 125 GeV Higgs
        pars = pot.solve_tadpoles(dict(base, lH=lH), vev, ["mH2", "m12", "m22"])
        sp = pot.spectrum(pars, vev)
        lH *= ph.m_h**2 / sp.cp_even.m2[0]
    pars = pot.solve_tadpoles(dict(base, lH=lH), vev, ["mH2", "m12", "m22"])
    sp = pot.spectrum(pars, vev)
    m2A, OA = sp.cp_odd.physical()
    even = sp.cp_even.m2
    return {
        "params": pars,
        "spectrum": sp,
        "m_h": float(np.sqrt(even[0])),
        "m_phi1": float(np.sqrt(even[1])),
        "m_phi2": float(np.sqrt(even[2])),
        "m_A": float(np.sqrt(m2A[0])),
        "A_vector": OA[:, 0],
        "alpha1": float(abs(mixing_angle(sp.cp_even.rotation, 0, 1))),
        "alpha2": float(abs(mixing_angle(sp.cp_even.rotation, 1, 2))),
        "is_minimum": bool(sp.is_minimum),
        "n_goldstone": sp.cp_odd.n_goldstone + 2 * sp.charged.n_goldstone,
    }


def analytic_scalars(p: Parameters, lH: float | None = None) -> dict[str, float]:
    """The approximations eqs. 2.10–2.14, 2.16 of DRFGMN (cross-checks of `scalar_sector`)."""
    v, v1, v2 = ph.v_EW, p.v1, p.v2
    lH = ph.m_h**2 / v**2 if lH is None else lH
    m22 = SQ2 * p.eta * v1**2 / v2
    return {
        "m22_approx": m22,                                  # eq. 2.10
        "v2_from_eq_2_11": SQ2 * p.eta * v1**2 / m22,       # eq. 2.11 (identity here)
        "m_h": math.sqrt(lH) * v,                           # eq. 2.13
        "m_phi1": math.sqrt(p.lambda_1) * v1,
        "m_phi2": math.sqrt(m22 / 2),
        "m_A": math.sqrt(p.eta * (v1**2 + 4 * v2**2) / (SQ2 * v2)),  # exact for eq. 2.16's A
        "tan_alpha1": p.lambda_1H / p.lambda_1 * v / (2 * v1),        # eq. 2.14
        "tan_alpha2": 2 * v2 / v1,
    }


# --------------------------------------------------------------------------------------------
# Neutral fermions (eq. 2.6)
# --------------------------------------------------------------------------------------------
def neutral_fermion_matrix(p: Parameters) -> np.ndarray:
    """The symmetric 11×11 mass matrix of eq. 2.6, basis (ν_Lᶜ(3), N_R(3), N′_R(3), χ_Lᶜ, χ_R)."""
    from darkseesaw.spectrum.builders import neutral_lepton_matrix

    I3 = np.eye(3)
    mD = p.y_nu * ph.v_EW / SQ2 * I3
    M = p.M_N * I3
    mu_S = p.Yp_N * p.v2 / SQ2 * I3
    mu_R = p.Y_N * p.v2 / SQ2 * I3
    iss = neutral_lepton_matrix(mD, M, mu_S, mu_R)
    out = np.zeros((11, 11), dtype=complex)
    out[:9, :9] = iss
    out[9, 10] = out[10, 9] = p.Y_chi * p.v1 / SQ2
    return out


# --------------------------------------------------------------------------------------------
# Z′ decays and DM annihilation
# --------------------------------------------------------------------------------------------
def zprime_channels(M, g, m_chi=None, m_N=None, *, include_chi=True, include_N=True,
                    include_omega=True) -> dict:
    """Partial widths ``{name: (Γ [GeV], category)}`` of the Z′ (eq. 3.4).

    Categories: ``quarks``, ``leptons`` (charged), ``invisible`` (SM ν, ω, N_R–N′_R pairs),
    ``dm`` (χχ̄). χ (q_L, q_R) = (4, 5) and the pseudo-Dirac pairs (vector charge −1, mass m_N)
    are included when kinematically open (and asked for).
    """
    from darkseesaw.observables.zprime import width_ff

    ch = {}
    for f, (q, nc, m, cat) in SM_FERMIONS.items():
        ch[f] = (width_ff(M, g, q[0], q[1], m=m, nc=nc), cat)
    if include_omega:
        ch["omega"] = (width_ff(M, g, Q_OMEGA, 0.0), "invisible")
    if include_N:
        mN = 0.0 if m_N is None else m_N
        ch["N_pairs"] = (3 * width_ff(M, g, -1.0, -1.0, m=mN), "invisible")
    if include_chi and m_chi is not None:
        ch["chi"] = (width_ff(M, g, *Q_CHI, m=m_chi), "dm")
    return ch


def annihilation_sigma(m_chi, M, g, Gamma, m_N=None):
    """σ(χχ̄ → all)(s) [GeV⁻²] as a function of s: f f̄ (SM, ω, N pairs) via Z′ + Z′Z′.

    Final states lighter than 1 % of m_χ are summed as massless (their mass corrections are
    O(m_f²/m_χ²) < 10⁻⁴); the top quark and the N pairs keep their masses (eq. 3.4 kinematics).
    """
    from darkseesaw.observables.zprime import sigma_ff, sigma_v_zpzp, sigma_zpzp

    light = 0.0  # Σ n_c (d_V² + d_A²) of the (effectively) massless final states
    heavy = []
    for q, nc, m, _ in SM_FERMIONS.values():
        if m < 0.01 * m_chi:
            light += nc * ((q[0] + q[1]) ** 2 + (q[0] - q[1]) ** 2) / 4
        else:
            heavy.append((q, nc, m))
    light += (Q_OMEGA**2) / 2
    if m_N is not None:
        heavy += [((-1.0, -1.0), 3, m_N)]  # three pairs: n_c → 3
    cV, cA = (Q_CHI[0] + Q_CHI[1]) / 2, (Q_CHI[0] - Q_CHI[1]) / 2
    hv = [(nc, ((q[0] + q[1]) / 2) ** 2, ((q[0] - q[1]) / 2) ** 2, m * m) for q, nc, m in heavy]
    g4 = float(g) ** 4
    M2, MG2, m2 = float(M) ** 2, (float(M) * float(Gamma)) ** 2, float(m_chi) ** 2
    sv_zz = float(sigma_v_zpzp(m_chi, M, g, Q_CHI))

    def _scalar(s: float) -> float:
        # the formula of `darkseesaw.observables.zprime.sigma_ff`, summed, in plain floats
        # (the thermal-average quadrature calls σ one s at a time)
        b2 = 1.0 - 4.0 * m2 / s
        if b2 <= 0.0:
            return 0.0
        bchi = math.sqrt(b2)
        chi_part = cV * cV * (s + 2 * m2) + cA * cA * s * b2
        fin = light * s
        for nc, dv2, da2, mf2 in hv:
            bf2 = 1.0 - 4.0 * mf2 / s
            if bf2 > 0.0:
                fin += nc * math.sqrt(bf2) * (dv2 * (s + 2 * mf2) + da2 * s * bf2)
        val = g4 * chi_part * fin / (12 * math.pi * s * bchi * ((s - M2) ** 2 + MG2))
        return val + sv_zz / (2 * bchi)

    def sigma(s):
        if np.ndim(s) == 0:
            return _scalar(float(s))
        tot = sigma_zpzp(s, m_chi, M, g, Q_CHI)
        tot = tot + light * sigma_ff(s, m_chi, M, Gamma, g, Q_CHI, (1.0, 1.0), m_f=0.0, nc=1)
        for q, nc, m in heavy:
            tot = tot + sigma_ff(s, m_chi, M, Gamma, g, Q_CHI, q, m_f=m, nc=nc)
        return tot

    return sigma


def sigma_v_s_wave(m_chi, M, g, Gamma, m_N=None):
    """⟨σv⟩ at leading order in v [GeV⁻²]: eq. 3.3 summed over final states + eq. 3.5."""
    from darkseesaw.observables.zprime import sigma_v_ff, sigma_v_zpzp

    tot = sigma_v_zpzp(m_chi, M, g, Q_CHI)
    m_chi = np.asarray(m_chi, float)
    for q, nc, m, _ in SM_FERMIONS.values():
        tot = tot + np.where(m < m_chi, sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, q, nc), 0.0)
    tot = tot + sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, (Q_OMEGA, 0.0), 1)
    if m_N is not None:
        tot = tot + np.where(m_N < m_chi,
                             3 * sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, (-1.0, -1.0), 1), 0.0)
    return tot


def relic_density(m_chi, M, g, *, m_N=None, n_x=14, epsrel=1e-5, return_sv=False):
    """Ωh² of χ + χ̄ from the Boltzmann equation (`darkseesaw.cosmo.omega_h2`, Dirac).

    ⟨σv⟩(x) is the Gondolo–Gelmini average (`darkseesaw.cosmo.thermal_average`, adaptive with
    the Z′ pole as break point) of the exact σ(s) of `annihilation_sigma`, tabulated on
    ``n_x`` points in 2 ≤ x ≤ 2000 and interpolated log-log (beyond: the end values; the
    Boltzmann solution is insensitive to ⟨σv⟩ at x < 2, and the tail beyond 2000 is
    integrated by the solver with the last value).

    Parameters
    ----------
    m_chi, M, g : float or arrays of one shape
        DM mass [GeV], Z′ mass [GeV], coupling.
    m_N : float, optional
        Mass of the N_R–N′_R pairs (None: not an annihilation channel).

    Returns
    -------
    ndarray
        Ωh² (shape of the broadcast inputs).
    """
    from darkseesaw.cosmo import omega_h2, thermal_average
    from darkseesaw.observables.zprime import total_width

    m_chi, M, g = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g)))
    shape = m_chi.shape
    mc, Mf, gf = m_chi.ravel(), M.ravel(), g.ravel()
    xs = np.geomspace(2.0, 2000.0, n_x)
    table = np.empty((n_x, mc.size))
    for i in range(mc.size):
        Gam = float(total_width(zprime_channels(Mf[i], gf[i], mc[i], m_N)))
        sig = annihilation_sigma(mc[i], Mf[i], gf[i], Gam, m_N)
        thr = [Mf[i] * 2] if Mf[i] < mc[i] else []
        with warnings.catch_warnings():  # quad's roundoff notes deep in the Boltzmann tail
            warnings.simplefilter("ignore")
            table[:, i] = thermal_average(sig, mc[i], xs, resonances=[(Mf[i], Gam)],
                                          thresholds=thr, units="cm3/s", epsrel=epsrel)
    lx, lt = np.log(xs), np.log(np.maximum(table, 1e-300))

    def sv(x):
        x = np.asarray(x, float)
        flat = np.log(np.clip(x.reshape(-1), xs[0], xs[-1]))
        out = np.empty((flat.size, mc.size))
        for j in range(mc.size):
            out[:, j] = np.exp(np.interp(flat, lx, lt[:, j]))
        return out.reshape(*x.shape[:-1], mc.size) if x.ndim > 1 else out

    om = np.asarray(omega_h2(mc, sv, g=2.0, self_conjugate=False)).reshape(shape)
    if return_sv:
        return om, xs, table.reshape(n_x, *shape)
    return om


def omega_freeze_out_eq36(m_chi, M, g, *, m_N=None):
    """Eq. 3.6 with the s-wave ⟨σv⟩ of eqs. 3.3 + 3.5 and x_f from the freeze-out iteration."""
    from darkseesaw.cosmo.freeze_out import x_freeze_out
    from darkseesaw.papers.bl_zprime.formulas import omega_h2_eq36
    from darkseesaw.observables.zprime import total_width

    m_chi, M, g = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g)))
    Gam = np.array([float(total_width(zprime_channels(Mi, gi, mi, m_N)))
                    for mi, Mi, gi in zip(m_chi.ravel(), M.ravel(), g.ravel(), strict=True)]).reshape(M.shape)
    sv = ph.invGeV2_to_cm3_per_s(sigma_v_s_wave(m_chi, M, g, Gam, m_N))
    xf = np.atleast_1d(x_freeze_out(m_chi.ravel(), sv.ravel(), self_conjugate=False))
    return np.asarray(omega_h2_eq36(m_chi.ravel(), sv.ravel(), m_chi.ravel() / xf,
                                              M_Pl=M_PL)).reshape(M.shape)


# --------------------------------------------------------------------------------------------
# Dark radiation (eqs. 3.9–3.11)
# --------------------------------------------------------------------------------------------
def omega_decoupling_T(M, g, *, n_iter: int = 60):
    """T_f.o. of ω from eq. 3.10: T³ = 2.16 √g*(T) M⁴ / (M_Pl g⁴ Σ_f (q_fL² + q_fR²)).

    Σ_f runs over the SM Weyl components (colour included) lighter than T; g*(T) from the
    cosmology engine; M_Pl = 1.2×10¹⁹ GeV as in the paper. Fixed-point iteration.
    """
    from darkseesaw.cosmo import thermo

    M = np.asarray(M, float)
    g = np.asarray(g, float)
    T = np.full(np.broadcast(M, g).shape, 4.0)
    for _ in range(n_iter):
        sq = np.zeros(T.shape)
        for q, nc, m, _ in SM_FERMIONS.values():
            sq = sq + np.where(m < T, nc * (q[0] ** 2 + q[1] ** 2), 0.0)
        T = (2.16 * np.sqrt(thermo.g_star(T)) * M**4 / (M_PL * g**4 * sq)) ** (1 / 3)
    return T


def delta_neff_omega(M, g):
    """(ΔN_eff as printed in eq. 3.9, ΔN_eff with the neutrino entropy included, T_dec)."""
    from darkseesaw.cosmo.dark_radiation import delta_neff
    from darkseesaw.papers.bl_zprime.formulas import delta_neff_eq39

    T = omega_decoupling_T(M, g)
    return np.asarray(delta_neff_eq39(T)), np.asarray(delta_neff(T, g=2.0)), T


# --------------------------------------------------------------------------------------------
# The model object
# --------------------------------------------------------------------------------------------
class BLZprime(Model):
    id = "bl-zprime"
    paper = ("De Romeri, Fernandez-Martinez, Gehrlein, Machado, Niro, JHEP 10 (2017) 169 "
             "[arXiv:1707.08606]")
    Parameters = Parameters
    benchmarks = {
        "dd_text": {"g_BL": 0.25, "M_Zp": 1.0e4, "m_chi": 3800.0},
        "resonance_5TeV": {"g_BL": 0.3, "M_Zp": 1.0e4, "m_chi": 5000.0 * 0.98},
    }

    def spectrum(self, p: Parameters) -> dict[str, Any]:
        from darkseesaw.spectrum import takagi

        m, U = takagi(neutral_fermion_matrix(p))
        sc = scalar_sector(p)
        return {
            "neutral_fermion_masses": np.asarray(m),
            "neutral_fermion_mixing": np.asarray(U),
            "M_Zp": p.g_BL * math.sqrt(p.v1**2 + 4 * p.v2**2),
            "m_chi": p.Y_chi * p.v1 / SQ2,
            "v1": p.v1,
            "scalars": {k: v for k, v in sc.items() if k not in ("params", "spectrum")},
        }

    def observables(self, p: Parameters) -> dict[str, Any]:
        from darkseesaw.observables.zprime import branching_ratios, sigma_si_nucleon_pb

        br = branching_ratios(zprime_channels(p.M_Zp, p.g_BL, p.m_chi, p.M_N))
        return {
            "Gamma_Zp": float(br["total_width"]),
            "BR_invisible": float(br["categories"].get("invisible", 0.0)),
            "BR_quarks": float(br["categories"]["quarks"]),
            "BR_leptons": float(br["categories"]["leptons"]),
            "BR_dm": float(br["categories"].get("dm", 0.0)),
            "sigma_SI_pb": float(sigma_si_nucleon_pb(p.m_chi, p.M_Zp, p.g_BL, Q_CHI)),
            "Y_chi": p.Y_chi,
            "v1": p.v1,
        }

    def constraints(self) -> list[str]:
        return ["dd/si/lux-2016", "dd/si/xenon1t-2018", "dd/si/lz-2024",
                "dd/si/xenonnt-2025", "collider/sigmaB-ll/atlas-139ifb"]

    def reproduce(self, out: Path, fast: bool = False) -> dict[str, Any]:
        from darkseesaw.models import bl_zprime_reproduce as rep

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        res = rep.reproduce(out, fast=fast)
        (out / "bl-zprime.json").write_text(json.dumps(res, indent=1, default=_json_default))
        rep.print_table(res)
        return res


def _json_default(o):
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, np.generic):
        return o.item()
    return str(o)


MODEL = BLZprime()
