"""The LHC dilepton-resonance limit as a function of mass and width, and what follows from it.

* `dilepton_limit_fb` — the ATLAS 139 fb⁻¹ observed 95 % CL limit on σB(Z′ → ℓℓ) [fb]
  (arXiv:1903.06248, Fig. 3; one lepton flavour) for a resonance of relative width Γ/M, from the
  catalogue curves of the tabulated widths (0, 0.5, 1.2, 3, 6, 10 %);
* `max_coupling_dilepton` — the largest coupling allowed when σB ∝ g²;
* `ssm_mass_limit` — the Sequential-SM Z′ mass limit that the recast gives (a validation of the
  PDFs and of the narrow-width cross section against ATLAS's 5.1 TeV).

The predictions (σ(pp → Z′), widths) are `darkseesaw.observables.collider`; this module holds the
experimental side.

Examples
--------
>>> import math
>>> math.isnan(float(dilepton_limit_fb(8000.0, 0.01)))   # beyond the published mass range
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.constraints.registry import curve
from darkseesaw.observables.collider import sigma_ll_ssm_fb

if TYPE_CHECKING:
    from darkseesaw.pdfs import PDFSet

__all__ = ["dilepton_limit_fb", "max_coupling_dilepton", "ssm_mass_limit", "WIDTH_CURVES"]

WIDTH_CURVES = {0.0: "collider/sigmaB-ll/atlas-139ifb",
                 0.005: "collider/sigmaB-ll/atlas-139ifb-w0.5pct",
                 0.012: "collider/sigmaB-ll/atlas-139ifb-w1.2pct",
                 0.03: "collider/sigmaB-ll/atlas-139ifb-w3.0pct",
                 0.06: "collider/sigmaB-ll/atlas-139ifb-w6.0pct",
                 0.10: "collider/sigmaB-ll/atlas-139ifb-w10.0pct"}


def dilepton_limit_fb(M: ArrayLike, width_over_mass: ArrayLike = 0.0) -> np.ndarray:
    """ATLAS 139 fb⁻¹ observed 95 % CL limit on σB(Z′ → ℓℓ) [fb] (arXiv:1903.06248, Fig. 3).

    Uses the curve of the largest tabulated relative width ≤ ``width_over_mass`` (0, 0.5, 1.2,
    3, 6, 10 %), i.e. the nearest narrower signal hypothesis. NaN outside 250–6000 GeV.
    ``M`` is the resonance mass [GeV], ``width_over_mass`` Γ/M (dimensionless).
    """
    M = np.asarray(M, float)
    wr = np.broadcast_to(np.asarray(width_over_mass, float), M.shape)
    keys = sorted(WIDTH_CURVES)
    out = np.full(M.shape, np.nan)
    for i, k in enumerate(keys):
        hi = keys[i + 1] if i + 1 < len(keys) else np.inf
        sel = (wr >= k) & (wr < hi)
        if np.any(sel):
            out[sel] = curve(WIDTH_CURVES[k])(M[sel])
    return out


def max_coupling_dilepton(M: ArrayLike, sigma_ll_at_unit_g: ArrayLike,
                          width_over_mass: ArrayLike = 0.0, acceptance: float = 1.0
                          ) -> np.ndarray:
    """Largest coupling allowed by the dilepton limit when σB ∝ g² (all widths ∝ g²).

    Parameters
    ----------
    M : array
        Z′ mass [GeV].
    sigma_ll_at_unit_g : array
        σ(pp → Z′) BR(ℓℓ) [fb] at g = 1 (BR independent of g).
    width_over_mass : array
        Γ/M (dimensionless) at the coupling of interest (selects the ATLAS width hypothesis).
    acceptance : float
        Fiducial acceptance multiplying the prediction (dimensionless).

    Returns
    -------
    ndarray
        g_max, dimensionless (NaN where the limit is not tabulated, i.e. M > 6 TeV: no bound).
    """
    lim = dilepton_limit_fb(M, width_over_mass)
    return np.sqrt(lim / (acceptance * np.asarray(sigma_ll_at_unit_g, float)))


def ssm_mass_limit(*, k_factor: float = 1.0, pdf: PDFSet | None = None,
                   width_over_mass: float = 0.03) -> float:
    """Mass [GeV] where the SSM σB (LO × k_factor) crosses the ATLAS limit (ATLAS: 5.1 TeV)."""
    Ms = np.linspace(3000.0, 6000.0, 121)
    pred = sigma_ll_ssm_fb(Ms, pdf=pdf, k_factor=k_factor)
    lim = dilepton_limit_fb(Ms, width_over_mass)
    d = np.log(pred / lim)
    idx = np.where(np.diff(np.sign(d)) < 0)[0]
    if idx.size == 0:
        return float("nan")
    i = idx[-1]
    return float(Ms[i] - d[i] * (Ms[i + 1] - Ms[i]) / (d[i + 1] - d[i]))
