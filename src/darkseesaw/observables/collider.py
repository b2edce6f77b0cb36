"""LHC resonance production of a Z′ and the dilepton recast.

Narrow-width approximation (eq. 4.1 of arXiv:1707.08606):

    σ(pp → Z′ → ℓℓ) = Σ_q C_qq̄/(s M) Γ(Z′ → qq̄) BR(Z′ → ℓℓ),
    C_qq̄ = (4π²/3) L_qq̄(M²/s, μ = M),

with L_qq̄ the parton luminosity of `darkseesaw.pdfs.parton_luminosity` (LO partonic cross
section σ̂ = (4π²/3)(Γ_qq̄/M) δ(ŝ − M²), Γ_qq̄ including the colour factor 3). The default PDF
is the shipped MSTW 2008 NLO set (see `darkseesaw.pdfs`); an LHAPDF6 set can be passed.

Units: masses and widths in GeV; cross sections in fb (1 GeV⁻² = 3.894 × 10¹¹ fb).

The ATLAS 139 fb⁻¹ dilepton search (arXiv:1903.06248) quotes 95 % CL upper limits on the
fiducial σB(Z′ → ℓℓ) for one lepton flavour (ee and μμ combined assuming equal BRs), in fb
(the HEPData header says pb, but 3.6 at 250 GeV and 0.014 at 6 TeV are fb: Fig. 3 of the paper
spans 10⁻² – 10 fb). Our prediction σ·B is a total cross section: the fiducial acceptance of a
spin-1 resonance (ATLAS: ≈ 90 %) is a user factor ``acceptance`` (default 1, i.e. slightly
conservative towards exclusion).

Examples
--------
>>> from darkseesaw.observables.collider import ssm_widths, sigma_nwa_fb
>>> w = ssm_widths(4000.0)
>>> bool(0.029 < w["total"] / 4000.0 < 0.032)   # the SSM Z′ has Γ/M ≈ 3 %
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.zprime import width_ff

if TYPE_CHECKING:
    from darkseesaw.pdfs import PDFSet

__all__ = [
    "GEV2_TO_FB",
    "QUARK_PIDS",
    "sigma_nwa_fb",
    "ssm_couplings",
    "ssm_widths",
    "sigma_ll_ssm_fb",
    "sigma_z_ll_fb",
]

GEV2_TO_FB: float = ph.GeV2_to_cm2_factor / 1e-39
"""1 GeV⁻² in fb (1 fb = 10⁻³⁹ cm²)."""

QUARK_PIDS = {"d": 1, "u": 2, "s": 3, "c": 4, "b": 5}


def sigma_nwa_fb(M: ArrayLike, quark_widths: Mapping[str, ArrayLike], *,
                 sqrt_s: float = 13000.0, pdf: PDFSet | None = None,
                 k_factor: float = 1.0) -> np.ndarray:
    """σ(pp → Z′) [fb] in the narrow-width approximation (eq. 4.1 without the BR).

    Parameters
    ----------
    M : float or array
        Resonance mass [GeV].
    quark_widths : dict
        ``{"u": Γ(Z′→uū), "d": ..., ...}`` [GeV] (arrays broadcasting with M), colour included.
    sqrt_s : float
        Collider energy [GeV].
    pdf : PDFSet, optional
        Default: the shipped MSTW 2008 NLO grid.
    k_factor : float
        Higher-order QCD factor (1 = LO partonic cross section).

    Returns
    -------
    ndarray
        σ [fb].
    """
    from darkseesaw.pdfs import load, parton_luminosity

    pdf = pdf or load()
    M = np.asarray(M, float)
    s = sqrt_s**2
    tau = M**2 / s
    tot = np.zeros(np.broadcast(M, *[np.asarray(w) for w in quark_widths.values()]).shape)
    for q, w in quark_widths.items():
        pid = QUARK_PIDS[q]
        L = parton_luminosity(pdf, pid, -pid, tau, M)
        tot = tot + (4 * math.pi**2 / 3) * L * np.asarray(w, float) / (s * M)
    return k_factor * tot * GEV2_TO_FB


# --------------------------------------------------------------------------------------------
# Sequential Standard Model Z′ (same couplings as the Z), the ATLAS benchmark
# --------------------------------------------------------------------------------------------
_SM_FERMIONS = {
    # name: (T3 of the left-handed component, electric charge Q, colour, mass)
    "nu": (0.5, 0.0, 1, 0.0), "e": (-0.5, -1.0, 1, ph.m_e), "mu": (-0.5, -1.0, 1, ph.m_mu),
    "tau": (-0.5, -1.0, 1, ph.m_tau),
    "u": (0.5, 2 / 3, 3, ph.m_u), "c": (0.5, 2 / 3, 3, ph.m_c), "t": (0.5, 2 / 3, 3, ph.m_t),
    "d": (-0.5, -1 / 3, 3, ph.m_d), "s": (-0.5, -1 / 3, 3, ph.m_s), "b": (-0.5, -1 / 3, 3, ph.m_b),
}


def ssm_couplings() -> tuple[float, dict[str, tuple[float, float]]]:
    """g_Z = √(4√2 G_F) M_Z (dimensionless) and the chiral charges (T₃ − Q s², −Q s²) of the SM
    fermions."""
    gz = math.sqrt(4 * math.sqrt(2) * ph.G_F) * ph.M_Z
    s2 = ph.sin2_theta_W
    return gz, {f: (t3 - q * s2, -q * s2) for f, (t3, q, _, _) in _SM_FERMIONS.items()}


def ssm_widths(M: ArrayLike) -> dict[str, np.ndarray]:
    """Partial widths [GeV] of an SSM Z′ of mass M [GeV] into SM fermions (3 ν flavours in
    "nu"), and their sum ``"total"``."""
    gz, ch = ssm_couplings()
    out: dict[str, Any] = {}
    for f, (_, _, nc, m) in _SM_FERMIONS.items():
        qL, qR = ch[f]
        w = width_ff(M, gz, qL, qR, m=m, nc=nc)
        out[f] = 3 * w if f == "nu" else w
    out["total"] = sum(v for k, v in out.items())
    return out


def sigma_ll_ssm_fb(M: ArrayLike, *, sqrt_s: float = 13000.0, pdf: PDFSet | None = None,
                    k_factor: float = 1.0) -> np.ndarray:
    """σ(pp → Z′_SSM) × BR(Z′ → ℓℓ) [fb] for one lepton flavour (LO × k_factor); M and
    sqrt_s [GeV]."""
    w = ssm_widths(M)
    sig = sigma_nwa_fb(M, {q: w[q] for q in QUARK_PIDS}, sqrt_s=sqrt_s, pdf=pdf,
                       k_factor=k_factor)
    return sig * w["e"] / w["total"]


def sigma_z_ll_fb(*, sqrt_s: float = 13000.0, pdf: PDFSet | None = None) -> np.ndarray:
    """LO σ(pp → Z) × BR(Z → ℓℓ) [fb] (narrow width, tree-level couplings): a PDF check;
    sqrt_s [GeV].

    Compare with the ATLAS 13 TeV measurement ``sigma_z_ll_atlas_13tev`` of
    `darkseesaw.constraints.measurements`; the NNLO/LO ratio for Drell–Yan Z production is ≈ 1.2–1.35.
    """
    w = ssm_widths(ph.M_Z)
    sig = sigma_nwa_fb(ph.M_Z, {q: w[q] for q in QUARK_PIDS}, sqrt_s=sqrt_s, pdf=pdf)
    return sig * w["e"] / w["total"]
