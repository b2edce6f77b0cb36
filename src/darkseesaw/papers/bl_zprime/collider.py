"""LHC: the ATLAS 139 fb⁻¹ dilepton recast of the Fig. 2 plane and the PDF/limit validation.

σ(pp → Z′) BR(Z′ → ee) in the narrow-width approximation (eq. 4.1, LO, shipped MSTW 2008 NLO
grid: `darkseesaw.observables.collider`) with the paper's tree-level widths (`zprime_decays`);
the largest coupling the ATLAS width-dependent limits allow at each (M_Z′, g_BL). The model's
U(1)′ sector links the same ATLAS search with its own (QCD-corrected) widths.

Example
-------
>>> gmax, _ = lhc_gmax(3000.0, 0.1, 5000.0, None)
>>> 0.05 < float(gmax) < 0.2
True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from darkseesaw.constraints.dilepton import max_coupling_dilepton, ssm_mass_limit
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.observables.collider import sigma_nwa_fb, sigma_z_ll_fb
from darkseesaw.observables.zprime import total_width
from darkseesaw.papers.bl_zprime.zprime_decays import zprime_channels

__all__ = ["lhc_gmax", "collider_validation"]


def lhc_gmax(M, g, m_chi, m_N, pdf=None):
    """Largest g allowed by ATLAS 139 fb⁻¹ at each (M, g) point (width hypothesis from Γ/M).

    Returns (g_max, σ(pp → Z′ → ee) [fb] at g = 1).
    """
    M = np.asarray(M, float)
    ch1 = zprime_channels(M, 1.0, m_chi, m_N)
    Gtot1 = total_width(ch1)
    qw = {q: ch1[q][0] for q in ("u", "d", "s", "c", "b")}
    sig1 = sigma_nwa_fb(M, qw, pdf=pdf) * ch1["e"][0] / Gtot1
    wr = np.asarray(g, float) ** 2 * Gtot1 / M
    return max_coupling_dilepton(M, sig1, wr), sig1


def collider_validation() -> dict[str, Any]:
    """The SSM Z′ limit and σ(pp → Z → ℓℓ) from the shipped PDFs against ATLAS."""
    return {
        "ssm_mass_limit_LO_GeV": ssm_mass_limit(),
        "ssm_mass_limit_K1.2_GeV": ssm_mass_limit(k_factor=1.2),
        "atlas_ssm_mass_limit_GeV": _ME["m_zprime_ssm_atlas_139ifb"].value,
        "sigma_Z_ll_LO_nb": float(sigma_z_ll_fb()) / 1e6,
        "atlas_sigma_Z_ll_nb": _ME["sigma_z_ll_atlas_13tev"].value,
    }
