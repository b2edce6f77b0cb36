r"""``hnl-inflaton``: quasi-Dirac HNLs, partly asymmetric HNL dark matter and a light singlet.

J. M. Cline, M. Puel, T. Toma, "A little theory of everything, with heavy neutral leptons",
JHEP 05 (2020) 039 [arXiv:1909.12300].

Three quasi-Dirac HNLs N_i of common mass M_N couple to the lepton doublets through η_ν
(eq. 2.2); the light-neutrino Majorana mass is aligned, ε_ν = μ̄_ν η_νᵀ η_ν (eq. 2.4), so that
η_ν = (D_ν/μ̄_ν)^{1/2} U_PMNS⁻¹ (eq. 4.2, O = 1) has rank two: the lightest neutrino is massless
and the HNL that decouples is the dark matter N′ (N₁ for NH, N₃ for IH). The mass matrix in the
basis (ν_L, N_Rᶜ, N_L) is eq. 2.3. A singlet s (mass m_s, Higgs mixing θ_s) couples as g_s s N̄N.

Conventions: masses in GeV; v̄ = v/√2 = 174.1 GeV; U_ℓi = (η_νᵀ)_ℓi v̄/M_N (eq. 4.4); the
physical heavy–light angles θ_i come from the singular values of η_ν (η_ν η_ν† = D_ν/μ̄_ν is
diagonal, so sin²θ_i = x_i²/(1 + x_i²), x_i = (D_i/μ̄)^{1/2} v̄/M_N). The paper's EWPD numbers
(eqs. 4.11, 4.12) used the moduli of the *eigenvalues* of the complex, non-normal η_ν instead;
`mubar_min_ewpd(method="paper")` reproduces that choice.

Example
-------
>>> from darkseesaw.models import get
>>> m = get("hnl-inflaton")
>>> p = m.parameters(M_N=4.5, mubar=5.7e-3, ordering="NH")
>>> round(float(m.observables(p)["Ubar"]), 4)
0.0039
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from darkseesaw import physics as ph
from darkseesaw.models.base import Model

__all__ = [
    "MODEL", "HnlInflaton", "VBAR", "oscillation", "eta_nu", "mixing", "sin2_angles",
    "mass_matrix", "epsilon", "mubar_min_ewpd", "mubar_delphi", "delta_M", "dm_index",
    "gphi_max", "MN_min_washout", "entropy_factor", "theta_s_naturalness", "sigma_SI",
    "ms_self_interaction", "sigma_v_ss", "sigma_v_resonant", "omega_Nprime",
    "eps_asym_paper", "br_lfv_max", "MN_MAX_PAPER", "ETA_B", "F_N_HIGGS", "NU_OSC",
]

VBAR = ph.v_EW / math.sqrt(2.0)
"""Complex Higgs vev v̄ = v/√2 ≈ 174.1 GeV (the paper's v̄ ≅ 174 GeV)."""

MN_MAX_PAPER = 4.5
"""Largest DM mass quoted by the paper (eq. 3.8), used as its benchmark M_N."""

ETA_B = 8.8e-11
"""Baryon-to-entropy ratio n_B/s used by Cline et al. 2020 below eq. 3.13 (their value)."""

F_N_HIGGS = 0.30
"""Higgs–nucleon coupling f_n used by Cline et al. 2020 (eq. 6.1; refs. [77, 78] there)."""


def _nu_osc_inputs() -> dict[str, dict[str, float]]:
    from darkseesaw.constraints.measurements import NUFIT_BEST_FIT

    fit = NUFIT_BEST_FIT["4.1-noSK"]
    return {o: {"s12sq": fit[k]["s12sq"], "s13sq": fit[k]["s13sq"], "s23sq": fit[k]["s23sq"],
                "delta_deg": fit[k]["delta_cp"], "dm21sq_eV2": fit[k]["dm21sq"],
                "dm3lsq_eV2": fit[k]["dm3lsq"]}
            for o, k in (("NH", "NO"), ("IH", "IO"))}


NU_OSC = _nu_osc_inputs()
"""Oscillation inputs of the reproduction (the paper cites "PDG central values"): the NuFIT 4.1
best fits without SK atmospheric data, ``NUFIT_BEST_FIT["4.1-noSK"]`` of
`darkseesaw.constraints.measurements`, which reproduce the paper's printed η_ν matrices,
eqs. 4.11–4.15, to their 2–3 digits. Keys as `oscillation` reads them; dm3lsq = Δm²₃₁ (NH),
Δm²₃₂ (IH)."""

Ordering = Literal["NH", "IH"]


def dm_index(ordering: Ordering) -> int:
    """Index (0-based) of the HNL that decouples: N′ = N₁ (NH), N₃ (IH)."""
    return 0 if ordering == "NH" else 2


def oscillation(ordering: Ordering, inputs: dict | None = None):
    """(U_PMNS, D_ν [GeV]) with the massless lightest neutrino of eq. 4.3.

    NH: D = (0, √Δm²₂₁, √Δm²₃₁); IH: D = (√(|Δm²₃₂| − Δm²₂₁), √|Δm²₃₂|, 0).
    Defaults: `NU_OSC` (the inputs that reproduce the paper).
    """
    from darkseesaw.observables.neutrino import pmns_matrix

    o = dict(NU_OSC[ordering]) if inputs is None else dict(inputs)
    U = pmns_matrix(o["s12sq"], o["s13sq"], o["s23sq"], math.radians(o["delta_deg"]))
    dm21, dm3l = o["dm21sq_eV2"], o["dm3lsq_eV2"]
    if ordering == "NH":
        D = np.array([0.0, math.sqrt(dm21), math.sqrt(dm3l)])
    else:
        D = np.array([math.sqrt(abs(dm3l) - dm21), math.sqrt(abs(dm3l)), 0.0])
    return U, ph.eV_to_GeV(D)


def eta_nu(mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """η_ν = (D_ν/μ̄_ν)^{1/2} U_PMNS⁻¹ (eq. 4.2 with O = 1); μ̄ in GeV; shape (..., 3, 3)."""
    U, D = oscillation(ordering, inputs)
    mub = np.asarray(mubar, float)[..., None, None]
    return np.sqrt(D[:, None] / mub) * np.linalg.inv(U)


def mixing(M, mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """Heavy–light mixing U_ℓi = (η_νᵀ)_ℓi v̄/M_N (eq. 4.4), shape (..., 3 flavours, 3 HNLs)."""
    eta = eta_nu(mubar, ordering, inputs)
    return np.swapaxes(eta, -1, -2) * VBAR / np.asarray(M, float)[..., None, None]


def sin2_angles(M, mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """sin²θ_i of the light–heavy pairs (eq. 4.10, exact 2×2 rotation), shape (..., 3)."""
    _, D = oscillation(ordering, inputs)
    x2 = D / np.asarray(mubar, float)[..., None] * VBAR**2 / np.asarray(M, float)[..., None] ** 2
    return x2 / (1 + x2)


def epsilon(M, mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """ε_αβ of eq. 4.7 (moduli), shape (..., 3, 3)."""
    from darkseesaw.observables.ewpd import epsilon_from_angles

    U, _ = oscillation(ordering, inputs)
    return epsilon_from_angles(U, sin2_angles(M, mubar, ordering, inputs))


def mass_matrix(M, mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """The 9 × 9 symmetric mass matrix of eq. 2.3 in the basis (ν_L, N_Rᶜ, N_L).

    [[ε_ν, η_νᵀ v̄, 0], [η_ν v̄, 0, M_N 1], [0, M_N 1, 0]] with ε_ν = μ̄ η_νᵀ η_ν (eq. 2.4).
    """
    eta = eta_nu(mubar, ordering, inputs)
    eps = float(mubar) * eta.T @ eta
    Z = np.zeros((3, 3), complex)
    I = np.eye(3) * float(M)
    return np.block([[eps, eta.T * VBAR, Z], [eta * VBAR, Z, I], [Z, I, Z]])


def delta_M(M, mubar, ordering: Ordering = "NH", inputs: dict | None = None):
    """Takagi values [GeV] of the HNL Majorana mass δM = v̄²/M² η_ν ε_ν η_νᵀ (eq. 2.5)."""
    eta = eta_nu(mubar, ordering, inputs)
    dm = VBAR**2 / float(M) ** 2 * float(mubar) * eta @ eta.T @ eta @ eta.T
    return np.sort(np.linalg.svd(dm, compute_uv=False))


def mubar_min_ewpd(M, ordering: Ordering = "NH", bound: float | None = None,
                   method: str = "physical", inputs: dict | None = None) -> float:
    """Smallest μ̄_ν [GeV] allowed by ε_ee + ε_μμ ≤ bound (eqs. 4.7–4.10).

    method = "physical": sin²θ_i ∝ D_i/μ̄ (singular values of η_ν; this module's convention);
    method = "paper": |eigenvalues of η_ν|², which reproduces eqs. 4.11–4.12 (5.9, 13.6 keV).
    Uses the small-angle form (ε ∝ 1/μ̄), exact at the bound to O(ε).
    """
    from darkseesaw.observables.ewpd import eps_bound_from_mw, epsilon_from_angles

    b = eps_bound_from_mw() if bound is None else bound
    U, D = oscillation(ordering, inputs)
    if method == "physical":
        lam2 = D
    elif method == "paper":
        ev2 = np.sort(np.abs(np.linalg.eigvals(eta_nu(1.0, ordering, inputs))) ** 2)
        lam2 = np.zeros(3)
        nz = np.argsort(D)[1:]  # the two massive states, in ascending D
        lam2[nz] = ev2[1:]
    else:
        raise ValueError("method must be 'physical' or 'paper'")
    s2 = lam2 * VBAR**2 / float(M) ** 2  # at mubar = 1 GeV
    eps = epsilon_from_angles(U, s2)
    return float((eps[0, 0] + eps[1, 1]) / b)


def mubar_delphi(M, ordering: Ordering = "NH", Ubar_max: float = 0.0039,
                 inputs: dict | None = None) -> float:
    """μ̄_ν [GeV] saturating the DELPHI bound Ū = (Σ_ℓi |U_ℓi|²)^{1/2} < Ubar_max (eq. 4.13)."""
    U = mixing(M, 1.0, ordering, inputs)
    return float(np.sum(np.abs(U) ** 2) / Ubar_max**2)


# ------------------------------------------------------------------------------- early universe
def gphi_max(mphi_over_mP: float = 1e-6, lambda_prime: float = 1e-12) -> float:
    """Upper bound on g_φ from keeping (λ′ g_φ⁴/m_φ⁸)(N̄Nᶜ)⁴ out of equilibrium (eq. 3.2).

    Γ/H = λ′² g⁸ T¹⁵ m_P/m_φ¹⁶ < 1 at T_R = g (m_φ m_P)^{1/2} gives
    g_φ < (m_φ/m_P)^{17/46} λ′^{−2/23} ≈ 0.067 (the printed exponent 17/23 is a typo: with it
    the number would be 4 × 10⁻⁴, not the quoted 0.07).
    """
    return mphi_over_mP ** (17 / 46) * lambda_prime ** (-2 / 23)


def MN_min_washout(m_nu: float = None, T_EW: float = None, m_P: float = None) -> float:
    """Lower bound on M_N [GeV] from eq. 3.4 with δM ≈ U² m_ν and U = η v̄/M_N.

    Γ_ΔL/H ≈ M² δM² m_h⁴ m_P/(η⁴ T⁹) = m_ν² m_h⁴ v̄⁴ m_P/(M² T⁹) < 1
    ⇒ M_N > m_ν m_h² v̄² (m_P/T_EW⁹)^{1/2}. Defaults: m_ν = √Δm²₃₁ (NH), T_EW = the
    electroweak crossover 159.5 GeV, m_P = reduced Planck mass.
    """
    mnu = oscillation("NH")[1][2] if m_nu is None else m_nu
    T = ph.T_EW_crossover if T_EW is None else T_EW
    mP = ph.M_Pl_reduced if m_P is None else m_P
    return mnu * ph.m_h**2 * VBAR**2 * math.sqrt(mP / T**9)


def entropy_factor(M: float = 1.0, x_f: float = 20.0, g_star: float = 10.0,
                   Gamma_per_s: float = 0.01, M_P: float | None = None) -> float:
    """Entropy injection S of late N decays (eq. 4.19, from Scherrer & Turner 1985).

    S = (1 + 3 (2π² g*/45)^{1/3} (r_N M)^{4/3}/(M_P Γ)^{2/3})^{3/4}, r_N = n_N/s at T_f = M/x_f
    with n_N = 4 (M T_f/2π)^{3/2} e^{−M/T_f} and s = (2π²/45) g* T_f³. Returns S − 1.
    """
    mp = ph.M_Pl if M_P is None else M_P
    T = M / x_f
    n = 4 * (M * T / (2 * math.pi)) ** 1.5 * math.exp(-M / T)
    s = 2 * math.pi**2 / 45 * g_star * T**3
    rN = n / s
    G = ph.lifetime_s_to_width(1.0 / Gamma_per_s)
    arg = 3 * (2 * math.pi**2 * g_star / 45) ** (1 / 3) * (rN * M) ** (4 / 3) / (mp * G) ** (2 / 3)
    return (1 + arg) ** 0.75 - 1


def theta_s_naturalness(m_s: float = 0.3, g_s: float = 0.1) -> float:
    """θ_s ≲ (4π m_s/m_h)³/(√λ_h g_s²) (eq. 7.3), λ_h = m_h²/(2v²)."""
    lam_h = ph.m_h**2 / (2 * ph.v_EW**2)
    return (4 * math.pi * m_s / ph.m_h) ** 3 / (math.sqrt(lam_h) * g_s**2)


# ------------------------------------------------------------------------------- dark matter
def sigma_SI(m_dm, g_s, theta_s, m_s, *, q=None, v_dm_km_s: float = 300.0, m_n: float = 0.938,
             f_n: float | None = None):
    """σ_SI^p [cm²] of eq. 6.1, with m_s² → m_s² + q² (q = m_DM v, default v = 300 km/s).

    σ = g_s² m_DM² m_n⁴ sin²2θ_s f_n²/(4π (m_DM + m_n)² v̄²) (1/m_h² − 1/(m_s² + q²))².
    Set ``q=0`` for the contact limit.
    """
    fn = F_N_HIGGS if f_n is None else f_n
    m = np.asarray(m_dm, float)
    qq = m * v_dm_km_s * 1e5 / ph.c_cm_s if q is None else np.asarray(q, float)
    prop = 1 / ph.m_h**2 - 1 / (np.asarray(m_s, float) ** 2 + qq**2)
    sig = (np.asarray(g_s) ** 2 * m**2 * m_n**4 * np.sin(2 * np.asarray(theta_s)) ** 2 * fn**2
           / (4 * math.pi * (m + m_n) ** 2 * VBAR**2) * prop**2)
    return ph.invGeV2_to_cm2(sig)


def ms_self_interaction(m_dm, sigma_over_m: float = 1.0):
    """Singlet mass [GeV] giving σ/m = 1 or 0.1 cm²/g for symmetric DM (eq. 6.2, ref. [115])."""
    scale = {1.0: 0.55, 0.1: 0.25}[float(sigma_over_m)]
    return 1e-3 * (np.asarray(m_dm, float) / scale) ** 0.75


def sigma_v_ss(m, g_s, x, *, fit: bool = False):
    """⟨σv⟩(N′N̄′ → ss) [cm³/s] = 3 g_s⁴/(16π m²) F(x) (eqs. 3.11–3.12; exact F or the fit)."""
    from darkseesaw.papers.hnl_inflaton.formulas import hnl_F, hnl_F_fit

    F = hnl_F_fit(x) if fit else hnl_F(x)
    return ph.invGeV2_to_cm3_per_s(3 * np.asarray(g_s) ** 4 / (16 * math.pi * np.asarray(m) ** 2)
                                   * F)


def sigma_v_resonant(m, g_s, x, y):
    """⟨σv⟩(N′N̄′ → s* → SM) [cm³/s] in the narrow-width limit (eq. 3.16), y = m_s/(2m) > 1.

    π g_s²/(2m²) (y² − 1)^{3/2} x K₁(2xy)/K₂(x)².
    """
    from scipy.special import kve

    x = np.asarray(x, float)
    ratio = kve(1, 2 * x * y) / kve(2, x) ** 2 * np.exp(-2 * x * (y - 1))
    val = math.pi * np.asarray(g_s) ** 2 / (2 * np.asarray(m) ** 2) * (y * y - 1) ** 1.5 * x * ratio
    return ph.invGeV2_to_cm3_per_s(val)


def eps_asym_paper() -> float:
    """ε = η_N′/η_B = 123/112 as used by the paper below eq. 3.13."""
    return 123 / 112


def omega_Nprime(m, g_s, *, channel: str = "ss", ms_over_m: float = 2.6, eps: float | None = None,
                 steps_per_efold: float = 100.0, fit: bool = False):
    """Ω_N′ = ρ_N′/ρ_c and r = n_N̄′/n_N′ of the partly asymmetric DM (eq. 3.13).

    Solves the asymmetric Boltzmann equation (`darkseesaw.cosmo.omega_h2_asymmetric`) with the
    conserved asymmetry η = ε η_B (η_B = 8.8e-11, the paper's) and ⟨σv⟩ of eq. 3.11
    (``channel="ss"``) or eq. 3.16 (``channel="s*"``, m_s = ms_over_m · m). Vectorised over
    broadcast (m, g_s). Returns (Ω, r).
    """
    from darkseesaw.cosmo import omega_h2_asymmetric

    m, g = np.broadcast_arrays(np.asarray(m, float), np.asarray(g_s, float))
    shape = m.shape
    mf, gf = m.reshape(-1), g.reshape(-1)
    e = eps_asym_paper() if eps is None else eps
    if channel == "ss":
        def sv(x):
            return sigma_v_ss(mf, gf, x, fit=fit)
    elif channel == "s*":
        def sv(x):
            return sigma_v_resonant(mf, gf, x, ms_over_m / 2)
    else:
        raise ValueError("channel must be 'ss' or 's*'")
    om, r = omega_h2_asymmetric(mf, sv, e * ETA_B, g=2.0,
                                steps_per_efold=steps_per_efold)
    om = np.asarray(om) / ph.h_Planck2018**2
    return om.reshape(shape), np.asarray(r).reshape(shape)


def br_lfv_max(M: float = MN_MAX_PAPER, ordering: Ordering = "NH", mubar: float | None = None):
    """BR(μ → eγ), BR(μ → 3e) and μ–e conversion (Al, Au) at the EWPD-allowed point
    (μ̄ = μ̄_min): the paper's eqs. 4.20, 4.21 and the full one-loop results
    (`darkseesaw.observables.lfv`)."""
    from darkseesaw.observables import lfv
    from darkseesaw.papers.hnl_inflaton import formulas as _f

    mub = mubar_min_ewpd(M, ordering) if mubar is None else mubar
    U = mixing(M, mub, ordering)
    S = np.sum(U[1] * np.conj(U[0]))
    B, mh = lfv.dirac_pair_columns(U, np.full(3, float(M)))
    from darkseesaw.observables.ewpd import epsilon_from_theta

    eps = epsilon_from_theta(U)
    Ul, _ = oscillation(ordering)
    Bl = (np.eye(3) - eps) @ Ul
    Bfull = np.concatenate([Bl, B], axis=1)
    m_all = np.concatenate([np.zeros(3), mh])
    return {
        "abs_sum_UmuUe": float(abs(S)),
        "mu_e_gamma_eq420": float(_f.br_mu_e_gamma_eq420(S, M)),
        "mu_e_gamma_full": float(lfv.br_mu_e_gamma(Bfull, m_all)),
        "mu_3e_eq421": float(_f.br_mu_3e_eq421(S, M)),
        "mu_3e_full": float(lfv.br_mu_3e(Bfull, m_all)),
        "CR_mu_e_Al": float(lfv.cr_mu_e(Bfull, m_all, "Al")),
        "CR_mu_e_Au": float(lfv.cr_mu_e(Bfull, m_all, "Au")),
    }


# ------------------------------------------------------------------------------- the model
class Parameters(BaseModel):
    """Parameters of an hnl-inflaton point (masses in GeV)."""

    model_config = ConfigDict(extra="forbid")
    M_N: float = Field(4.5, gt=1e-3, le=100.0, description="common HNL mass M_N = m_N′ [GeV]")
    mubar: float = Field(5.7e-3, gt=0.0, description="alignment scale μ̄_ν of eq. 2.4 [GeV]")
    ordering: Literal["NH", "IH"] = Field("NH", description="light-neutrino mass ordering")
    g_s: float = Field(0.2, ge=0.0, le=4 * math.pi, description="singlet–HNL coupling g_s")
    m_s: float = Field(0.3, gt=0.0, description="singlet mass m_s [GeV]")
    theta_s: float = Field(1e-5, ge=0.0, le=0.5, description="singlet–Higgs mixing θ_s [rad]")


class HnlInflaton(Model):
    """The model of Cline, Puel, Toma (2020)."""

    id = "hnl-inflaton"
    paper = ("J. M. Cline, M. Puel, T. Toma, 'A little theory of everything, with heavy neutral "
             "leptons', JHEP 05 (2020) 039 [arXiv:1909.12300]")
    Parameters = Parameters
    benchmarks = {
        "DELPHI-NH": {"M_N": 4.5, "mubar": 5.7e-3, "ordering": "NH"},
        "DELPHI-IH": {"M_N": 4.5, "mubar": 9.8e-3, "ordering": "IH"},
        "EWPD-NH-paper": {"M_N": 4.5, "mubar": 5.9e-6, "ordering": "NH"},
        "KOTO": {"M_N": 2.0, "mubar": 5.7e-3, "ordering": "NH", "m_s": 0.14, "theta_s": 5e-4,
                 "g_s": 0.1},
    }

    def spectrum(self, p) -> dict[str, Any]:
        """Exact eigenvalues of eq. 2.3 (Takagi) and the heavy–light mixing of eq. 4.4."""
        from darkseesaw.spectrum import takagi

        Mm = mass_matrix(p.M_N, p.mubar, p.ordering)
        m, _ = takagi(Mm)
        return {"masses": np.asarray(m), "U_mix": mixing(p.M_N, p.mubar, p.ordering),
                "dm_index": dm_index(p.ordering)}

    def observables(self, p) -> dict[str, Any]:
        from darkseesaw.observables import hnl_decays as hd
        from darkseesaw.observables.ewpd import ubar

        U = mixing(p.M_N, p.mubar, p.ordering)
        ua, tot = ubar(U)
        eps = epsilon(p.M_N, p.mubar, p.ordering)
        out: dict[str, Any] = {
            "Ubar_e": float(ua[0]), "Ubar_mu": float(ua[1]), "Ubar_tau": float(ua[2]),
            "Ubar": float(tot), "eps_ee_plus_eps_mumu": float(eps[0, 0] + eps[1, 1]),
            "deltaM_max_eV": float(ph.GeV_to_eV(delta_M(p.M_N, p.mubar, p.ordering)[-1])),
            "sigma_SI_cm2": float(sigma_SI(p.M_N, p.g_s, p.theta_s, p.m_s)),
        }
        scalar = (p.m_s, p.g_s * math.cos(p.theta_s)) if p.m_s < p.M_N else None
        for i in range(3):
            if i == dm_index(p.ordering):
                continue
            U2 = np.abs(U[:, i]) ** 2
            out[f"tau_N{i + 1}_s"] = float(hd.lifetime_s(p.M_N, U2, scalar=scalar))
        return out

    def constraints(self) -> list[str]:
        return ["hnl/Ue2/current", "hnl/Umu2/current", "hnl/Utau2/current", "dd/si/cdmslite",
                "scalar/sintheta/foresee-e949", "scalar/sintheta/foresee-charm"]

    def reproduce(self, out: Path, fast: bool = False) -> dict[str, Any]:
        from darkseesaw.models.hnl_inflaton_repro import reproduce

        return reproduce(Path(out), fast=fast)


MODEL = HnlInflaton()
