"""The paper's approximate formulas (arXiv:1808.02500), compared with the exact model.

* eqs. (2.2)–(2.9): induced vevs v_φ, ω₂, the scalar masses and the first-order mixing angles
  (`approximate_scalars`);
* eq. (2.18): m_ZD ≃ g_D (ω₁² + v_φ² + 4ω₂²)^½; eq. (2.19): ε′ ≃ (2g_D/g_Z) v_φ²/v²;
  eq. (2.21): the one-loop kinetic mixing of the H_D^± loop (`epsilon_loop`);
* `starting_point`: the inversion of these formulas from Table 2, where the fit starts.

The exact spectrum is `darkseesaw.models.dark_u1.scalar_spectrum` (tadpoles + exact
diagonalisation) and `.gauge.gauge_sector`.

Example
-------
>>> round(epsilon_loop(1.6, 0.03, 100.0) * 1e12, 3)        # e g_D m_ZD²/(480π² m_H±²)
9.205
"""

from __future__ import annotations

import math

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import BARE, Parameters, scalar_potential
from darkseesaw.papers.dark_u1.table2 import target_values
from darkseesaw.spectrum.gauge_mixing import sm_couplings

__all__ = ["approximate_scalars", "bare_masses", "m_ZD_eq218", "eps_prime_eq219", "epsilon_loop",
           "starting_point"]

SQ2 = math.sqrt(2.0)


def bare_masses(p: Parameters) -> dict[str, float]:
    """m_H², m_φ², m₁², m₂² [GeV²] from the tadpole equations at the vevs of ``p``."""
    sol = scalar_potential().solve_tadpoles(p.pot_params(), p.vevs(), list(BARE))
    return {k: float(sol[k]) for k in BARE}


def approximate_scalars(p: Parameters, M_HD: float, M_SDp: float, M_SD: float,
                        m_h: float | None = None) -> dict[str, float]:
    """Eqs. (2.2)–(2.9) evaluated at ``p``.

    Parameters
    ----------
    M_HD, M_SDp, M_SD : float
        Masses [GeV] in the denominators (the paper uses the physical ones).
    m_h : float, optional
        SM-like Higgs mass [GeV] (default √(2λ_H) v, eq. 2.4).

    Returns
    -------
    dict
        ``v_phi, omega2`` (eqs. 2.2, 2.3), ``m_hSM, m_SD, m_HD, m_SDp`` (eq. 2.4),
        ``m_AD, m_aD, m_HDpm`` (eqs. 2.5–2.7) [GeV] and ``theta_*`` (eq. 2.9).
    """
    v = ph.v_EW
    w1, w2, vphi = p.omega1, p.omega2, p.v_phi
    mh = math.sqrt(2 * p.lam_H) * v if m_h is None else m_h
    bare = bare_masses(p)
    out = {
        "v_phi": (p.alpha * p.mu_p * v * w1**3 / (M_SDp**2 * M_HD**2)
                  + 4 * p.mu * w1 * v / M_HD**2) / (8 * SQ2),
        "omega2": (p.alpha * p.mu * v**2 * w1**2 / (M_SDp**2 * M_HD**2)
                   + 4 * p.mu_p * w1**2 / M_SDp**2) / (8 * SQ2),
        "m_hSM": math.sqrt(2 * p.lam_H) * v,
        "m_SD": math.sqrt(2 * p.lam_S1) * w1,
        "m_HD": math.sqrt(max(bare["mphi2"] + (p.lam_Hphi + p.lam_Hphi_p) * v**2 / 2, 0.0)),
        "m_SDp": math.sqrt(max(bare["m22"] + p.lam_HS2 * v**2 / 2, 0.0)),
    }
    out["m_AD"] = out["m_HD"]
    out["m_aD"] = out["m_SDp"]
    out["m_HDpm"] = math.sqrt(max(out["m_HD"] ** 2 - p.lam_Hphi_p * v**2 / 2, 0.0))
    out["theta_Hphi"] = ((p.lam_Hphi + p.lam_Hphi_p) * vphi * v - p.mu * w1 / (2 * SQ2)) / (
        mh**2 - M_HD**2)
    out["theta_HS1"] = p.lam_HS1 * w1 * v / (mh**2 - M_SD**2)
    out["theta_HS2"] = p.lam_HS2 * w2 * v / (mh**2 - M_SDp**2)
    out["theta_phiS1"] = p.mu * v / (2 * SQ2 * (M_HD**2 - M_SD**2))
    out["theta_phiS2"] = p.alpha * w1 * v / (4 * (M_HD**2 - M_SDp**2))
    out["theta_S1S2"] = p.mu_p * w1 / (SQ2 * (M_SD**2 - M_SDp**2))
    return out


def m_ZD_eq218(p: Parameters) -> float:
    """Eq. (2.18): m_ZD = g_D (ω₁² + v_φ² + 4ω₂²)^½ [GeV] (Z mixing neglected)."""
    return p.g_D * math.sqrt(p.omega1**2 + p.v_phi**2 + 4 * p.omega2**2)


def eps_prime_eq219(p: Parameters) -> float:
    """Eq. (2.19): the mass-mixing ε′ = (2g_D/g_Z) v_φ²/v²."""
    gZ = math.hypot(*sm_couplings())
    return 2 * p.g_D / gZ * p.v_phi**2 / ph.v_EW**2


def epsilon_loop(g_D: float, m_ZD: float, m_Hpm: float) -> float:
    """One-loop kinetic mixing from the H_D^± loop, eq. (2.21): e g_D m_ZD²/(480π² m_H±²)."""
    return ph.e_charge_0 * g_D / (480 * math.pi**2) * m_ZD**2 / m_Hpm**2


def starting_point(masses: tuple[float, float, float] | None = None) -> dict[str, float]:
    """The 12 fitted inputs from inverting eqs. (2.2)–(2.4), (2.9), (2.18), (2.19) at Table 2.

    v_φ/ω₁ ≈ θ_φS1 (M_HD² − M_SD²)/M_HD² follows from eqs. (2.2) and (2.9); ε′ (eq. 2.19) and
    m_ZD = g_D ω₁ then fix ω₁ = ε′ g_Z v²/(2 (v_φ/ω₁)² m_ZD) and g_D = m_ZD/ω₁.

    Parameters
    ----------
    masses : (float, float, float), optional
        Masses [GeV] of the φ-, S₁- and S₂-like CP-even states (default: the printed m_HD,
        m_SD, m_SD′). Other assignments (`darkseesaw.papers.dark_u1.branches`) may give
        negative or meaningless inversions; they are only starting points.
    """
    t = target_values()
    v = ph.v_EW
    mh, mHD = t["m_hSM_GeV"], t["m_HD_GeV"]
    mSD, mSDp, mZD = t["m_SD_MeV"] * 1e-3, t["m_SDp_MeV"] * 1e-3, t["m_ZD_MeV"] * 1e-3
    if masses is not None:
        mHD, mSD, mSDp = masses
    gZ = math.hypot(*sm_couplings())
    r = t["theta_phiS1"] * (mHD**2 - mSD**2) / mHD**2  # v_phi / omega1
    w1 = t["epsilon_prime"] * gZ * v**2 / (2 * r**2 * mZD)
    gD = mZD / w1
    vphi = r * w1
    mu = t["theta_phiS1"] * 2 * SQ2 * (mHD**2 - mSD**2) / v
    mup = t["theta_S1S2"] * SQ2 * (mSDp**2 - mSD**2) / w1
    w2 = 4 * mup * w1**2 / (8 * SQ2 * mSDp**2)
    alpha = t["theta_phiS2"] * 4 * (mHD**2 - mSDp**2) / (w1 * v)
    lHS1 = t["theta_HS1"] * (mh**2 - mSD**2) / (w1 * v)
    lHS2 = t["theta_HS2"] * (mh**2 - mSDp**2) / (w2 * v)
    # theta_Hphi = v_phi [(l + l') v - M_HD^2/v] / (m_h^2 - M_HD^2): negative branch
    lHphi = (-t["theta_Hphi"] * (mh**2 - mHD**2) / vphi + mHD**2 / v) / v
    lS1 = mSD**2 / (2 * w1**2)
    return {"lam_H": mh**2 / (2 * v**2), "lam_S1": lS1, "lam_Hphi": lHphi, "lam_HS1": lHS1,
            "lam_HS2": -abs(lHS2), "mu": mu, "mu_p": mup, "alpha": alpha, "v_phi": vphi,
            "omega1": w1, "omega2": w2, "g_D": gD}
