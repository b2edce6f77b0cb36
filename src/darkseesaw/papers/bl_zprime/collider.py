"""LHC: the ATLAS dilepton recast of the Fig. 2 plane and the PDF/limit validation.

σ(pp → Z′) BR(Z′ → ee) in the narrow-width approximation (eq. 4.1, LO, shipped MSTW 2008 NLO
grid: `darkseesaw.observables.collider`) with the paper's tree-level widths (`zprime_decays`,
the same final states as the annihilation), times the fiducial acceptance
(`darkseesaw.constraints.dilepton.fiducial_acceptance`), against the ATLAS 139 fb⁻¹ fiducial
limit at the point's own Γ/M, interpolated between the published width curves
(`dilepton_limit_fb`; none above Γ/M = 10 %). The paper's 36.1 fb⁻¹ limit (arXiv:1707.02424)
is not shipped (its HEPData table could not be obtained): the paper-era figure shows the
139 fb⁻¹ region, marked as such. The model's U(1)′ sector links the same ATLAS search with its
own (QCD-corrected) widths.

Example
-------
>>> r = lhc_recast([3000.0], [0.02, 0.3], 5000.0, None)
>>> r["excluded"].tolist(), 0.02 < float(r["g_max"][0]) < 0.3
([[False], [True]], True)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from darkseesaw.constraints.dilepton import (
    MASS_RANGE,
    coupling_limit_dilepton,
    dilepton_limit_fb,
    fiducial_acceptance,
    ssm_mass_limit,
)
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.observables.collider import sigma_nwa_fb, sigma_z_ll_fb
from darkseesaw.observables.zprime import total_width
from darkseesaw.papers.bl_zprime.zprime_decays import zprime_channels

__all__ = ["lhc_recast", "collider_validation"]


def lhc_recast(M, g, m_chi, m_N, pdf=None) -> dict[str, Any]:
    """The ATLAS 139 fb⁻¹ dilepton recast on the grid ``M`` (1-D, [GeV]) × ``g`` (1-D).

    Returns
    -------
    dict
        ``ratio`` (A g² σ₁ / L(M, g²Γ₁/M), shape (len(g), len(M)), NaN where no limit is
        published), ``excluded`` (ratio > 1), ``g_max`` (the
        smallest excluded coupling per M, NaN if none), ``g_widest`` (Γ/M = 10 %: no limit
        above), ``acceptance`` (A per M), ``sigma_ll_fb_at_g1`` (total σB(ee) per M at g = 1,
        [fb]) and ``width_over_mass_at_g1``.
    """
    M = np.atleast_1d(np.asarray(M, float))
    g = np.atleast_1d(np.asarray(g, float))
    ch1 = zprime_channels(M, 1.0, m_chi, m_N)
    w1 = total_width(ch1) / M
    qw = {q: ch1[q][0] for q in ("u", "d", "s", "c", "b")}
    sig1 = sigma_nwa_fb(M, qw, pdf=pdf) * ch1["e"][0] / (w1 * M)
    A = np.full(M.shape, np.nan)  # only where a limit is published (and M < √s)
    inside = (M >= MASS_RANGE[0]) & (M <= MASS_RANGE[1])
    A[inside] = fiducial_acceptance(M[inside], pdf=pdf)  # B-L: equal quark weights
    GG = g[:, None]
    with np.errstate(invalid="ignore"):
        ratio = A * GG**2 * sig1 / dilepton_limit_fb(M, GG**2 * w1)
    gmax, gw = coupling_limit_dilepton(M, sig1, w1, A)
    return {"excluded": ratio > 1.0, "ratio": ratio, "g_max": gmax, "g_widest": gw,
            "acceptance": A,
            "sigma_ll_fb_at_g1": sig1, "width_over_mass_at_g1": w1}


def collider_validation() -> dict[str, Any]:
    """The SSM Z′ limit and σ(pp → Z → ℓℓ) from the shipped PDFs against ATLAS."""
    return {
        "ssm_mass_limit_LO_GeV": ssm_mass_limit(),
        "ssm_mass_limit_K1.2_GeV": ssm_mass_limit(k_factor=1.2),
        "ssm_mass_limit_K1.2_no_acceptance_GeV": ssm_mass_limit(k_factor=1.2, acceptance=False),
        "acceptance_at_1_3_5_TeV": [float(a) for a in fiducial_acceptance([1e3, 3e3, 5e3])],
        "atlas_ssm_mass_limit_GeV": _ME["m_zprime_ssm_atlas_139ifb"].value,
        "sigma_Z_ll_LO_nb": float(sigma_z_ll_fb()) / 1e6,
        "atlas_sigma_Z_ll_nb": _ME["sigma_z_ll_atlas_13tev"].value,
    }
