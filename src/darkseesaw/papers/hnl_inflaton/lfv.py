"""Charged-lepton flavour violation at the EWPD-allowed point (section 4.4): the paper's
eqs. 4.20, 4.21 beside the full one-loop rates of `darkseesaw.observables.lfv`.

Example
-------
>>> r = br_lfv_max()
>>> round(r["mu_e_gamma_full"] * 1e16, 2)         # at the physical mubar_min (NH, 4.5 GeV)
6.97
"""

from __future__ import annotations

import numpy as np

from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.observables import lfv
from darkseesaw.observables.ewpd import epsilon_from_theta
from darkseesaw.papers.hnl_inflaton import formulas as _f
from darkseesaw.papers.hnl_inflaton.inputs import MN_MAX_PAPER, oscillation
from darkseesaw.papers.hnl_inflaton.mixing import mixing, mubar_min_ewpd

__all__ = ["br_lfv_max", "lfv_limits", "LFV_LIMITS"]

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
