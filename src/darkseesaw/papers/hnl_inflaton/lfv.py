"""Charged-lepton flavour violation at the EWPD-allowed point (section 4.4): the paper's
eqs. 4.20, 4.21 beside the full one-loop rates of `darkseesaw.observables.lfv`.

Example
-------
>>> r = br_lfv_max()
>>> round(r["mu_e_gamma_full"] * 1e16, 2)         # at the physical mubar_min (NH, 4.5 GeV)
6.97
"""

from __future__ import annotations

import math

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.observables import lfv
from darkseesaw.observables.ewpd import epsilon_from_theta
from darkseesaw.papers.hnl_inflaton import formulas as _f
from darkseesaw.papers.hnl_inflaton.inputs import MN_MAX_PAPER, oscillation
from darkseesaw.papers.hnl_inflaton.mixing import mixing, mubar_min_ewpd

__all__ = ["br_lfv_max", "lfv_limits", "LFV_LIMITS", "mu_3e_eq421_vs_general",
           "one_dirac_hnl"]

LFV_LIMITS = ("br_mu_egamma_meg2016", "br_mu_egamma_megii_2025", "br_mu_3e_sindrum",
              "cr_mu_e_au_sindrum2")
"""90 % CL limits quoted beside the rates (MEG 2016, the paper's; MEG II 2025; SINDRUM I, II)."""


def br_lfv_max(M: float = MN_MAX_PAPER, ordering: str = "NH", mubar: float | None = None):
    """BR(μ → eγ), BR(μ → 3e) and μ–e conversion (Al, Au) at the EWPD-allowed point
    (μ̄ = μ̄_min): the paper's eqs. 4.20, 4.21 and the full one-loop results
    (`darkseesaw.observables.lfv`; the Dirac HNLs as degenerate Majorana pairs, the light
    block (1 − ε) U_PMNS)."""
    mub = mubar_min_ewpd(M, ordering) if mubar is None else mubar
    U = mixing(M, mub, ordering)
    S = np.sum(U[1] * np.conj(U[0]))
    B, mh = lfv.dirac_pair_columns(U, np.full(3, float(M)))
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


def lfv_limits() -> dict[str, float]:
    """90 % CL limits from `darkseesaw.constraints.measurements` (`LFV_LIMITS`)."""
    return {n: ME[n].value for n in LFV_LIMITS}


def one_dirac_hnl(M: float, theta):
    """(B, m): massless light states plus one Dirac HNL of mass M [GeV] with mixing Θ_α, the
    rows of B exactly orthonormal (B B† = 1), for `darkseesaw.observables.lfv`."""
    th = np.asarray(theta, complex).reshape(3, 1)
    Bh, mh = lfv.dirac_pair_columns(th, M)
    w, v = np.linalg.eigh(np.eye(3) - th @ th.conj().T)
    Bl = v @ np.diag(np.sqrt(w)) @ v.conj().T
    return np.concatenate([Bl, Bh], axis=1), np.concatenate([np.zeros(3), mh])


def mu_3e_eq421_vs_general(M: float = MN_MAX_PAPER, S: float = 1e-3) -> dict[str, float]:
    """Eq. 4.21 against the general one-loop BR(μ → eee) (Alonso et al. 2013, eq. 21), term by
    term, for one Dirac HNL of mass M [GeV] with |Σ U_μ U_e*| = S (``docs/hnl-inflaton.md``).

    Returns x, ln x, the three coefficients of the general small-x bracket
    (12 s⁴, 48 s⁴ − 20 s², 45 s⁴ − 32 s² + 9/2 + 2 s⁴(ln(m_μ²/m_e²) − 11/4)) and its value,
    the printed bracket (0.6, −0.2, 2.2) and its value, the prefactor ratio
    [α(0)²/(16π² s⁴)]/[α_W²/(64π²)] = 4 (α(0)/α_GF)² (4 at equal α; α_GF = α_W s² = 1/132),
    the three rates (eq. 4.21, the small-x form, the full loop functions) and their ratios.
    """
    s2 = ph.sin2_theta_W_onshell
    x = (M / ph.M_W) ** 2
    L = math.log(x)
    c = _f.mu_3e_small_x_coefficients(s2)
    p = (0.6, -0.2, 2.2)
    a_gf = lfv.ALPHA_W * s2
    th = math.sqrt(S)
    B, m = one_dirac_hnl(M, [th, th, 0.0])
    full = float(lfv.br_mu_3e(B, m))
    e421 = float(_f.br_mu_3e_eq421(S, M))
    small = float(_f.br_mu_3e_small_x_general(S, M))
    return {"M_GeV": M, "S": S, "x": x, "ln_x": L, "sin2_w_onshell": s2,
            "general_coefficients": list(c), "eq421_coefficients": list(p),
            "bracket_general": c[0] * L * L + c[1] * L + c[2],
            "bracket_eq421": p[0] * L * L + p[1] * L + p[2],
            "prefactor_ratio_equal_alpha": 4.0, "alpha0_over_alphaGF_sq": (ph.alpha_0 / a_gf) ** 2,
            "prefactor_ratio": 4 * (ph.alpha_0 / a_gf) ** 2, "alpha_GF_inverse": 1 / a_gf,
            "BR_eq421": e421, "BR_general_small_x": small, "BR_general_full": full,
            "ratio_eq421_over_full": e421 / full, "ratio_small_x_over_full": small / full}
