"""The LHC dilepton-resonance limit as a function of mass and width, and what follows from it.

* `dilepton_limit_fb` — the ATLAS 139 fb⁻¹ observed 95 % CL limit on the *fiducial*
  σB(Z′ → ℓℓ) [fb] (arXiv:1903.06248, Fig. 3, HEPData ins1725190 table 4; one lepton flavour)
  for a resonance of relative width Γ/M, interpolated between the published width curves
  (0, 0.5, 1.2, 3, 6, 10 %);
* `fiducial_acceptance` — the fraction A of a spin-1 qq̄ → Z′ → ℓℓ signal inside the lepton
  acceptance (LO, computed), which turns a total σB into the fiducial one the limit constrains;
* `max_coupling_dilepton` / `coupling_limit_dilepton` — the largest coupling allowed when
  σB ∝ g² (at a given width, and self-consistently with Γ ∝ g²);
* `ssm_mass_limit` — the Sequential-SM Z′ mass limit that the recast gives (a validation of the
  PDFs, the narrow-width cross section and the acceptance against ATLAS's 5.1 TeV).

**Width interpolation.** Between two published widths w₁ < w < w₂ the limit is interpolated
*linearly in Γ/M and in log σ*: ``log L(w) = log L(w₁) + (w − w₁)/(w₂ − w₁) · log(L(w₂)/L(w₁))``.
Linear in Γ/M because the first published curve is Γ = 0 (log Γ/M cannot reach it) and because
the limit's width dependence is smooth in Γ/M itself: below the detector resolution (≈ 1–2 %
for ee, several % for μμ at TeV masses) the curves barely move, above it the limit grows with
the signal window, roughly in proportion to Γ/M; log σ because the curves span decades and
a ratio is what changes smoothly between neighbours (a geometric mean between curves, never
negative). At a published width the published curve is returned exactly. Above 10 % ATLAS
gives no limit, and none is applied (NaN): the 10 % curve would overstate the exclusion of a
broader resonance (the choice of the LHC-DMWG coupling-scan code as well).

**Acceptance.** The ATLAS 139 fb⁻¹ limits are on σ_fid B, the cross section inside a fiducial
region; a total σB must be multiplied by the fiducial acceptance A before the comparison. The
acceptance ATLAS quotes for its Z′ signals (paper text / HEPData of arXiv:1903.06248) could not
be obtained for this package (no copy reachable: see PROVENANCE.md, section 8). `fiducial_acceptance`
therefore computes it at LO for the analysis's lepton selection, both leptons with
|η| < 2.5 and p_T > 30 GeV (`ETA_MAX`, `PT_MIN`): the Z′ rapidity distribution from the parton
luminosities (`darkseesaw.pdfs`), the 1 + cos²θ* decay distribution of a vector resonance from
qq̄ (a forward–backward term cancels in the symmetric cut), leptons massless and the Z′ without
transverse momentum. A = 0.61 at 250 GeV, 0.86 at 1 TeV, 0.97 at 5 TeV (examples below); with
it the recast recovers the 5.1 TeV SSM limit of ATLAS within 2 % (`ssm_mass_limit`, K = 1.2).

The predictions (σ(pp → Z′), widths) are `darkseesaw.observables.collider`; this module holds the
experimental side.

Examples
--------
>>> import math
>>> math.isnan(float(dilepton_limit_fb(8000.0, 0.01)))   # beyond the published mass range
True
>>> math.isnan(float(dilepton_limit_fb(3000.0, 0.12)))   # beyond the widest published curve
True
>>> round(float(dilepton_limit_fb(3000.0, 0.03) / dilepton_limit_fb(3000.0, 0.0)), 2)
1.15
>>> [round(float(a), 2) for a in fiducial_acceptance([250.0, 1000.0, 5000.0])]
[0.61, 0.86, 0.97]
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw.constraints.registry import curve
from darkseesaw.observables.collider import QUARK_PIDS, sigma_ll_ssm_fb, ssm_widths

if TYPE_CHECKING:
    from collections.abc import Mapping

    from darkseesaw.pdfs import PDFSet

__all__ = ["dilepton_limit_fb", "fiducial_acceptance", "max_coupling_dilepton",
           "coupling_limit_dilepton", "ssm_mass_limit", "WIDTH_CURVES", "ETA_MAX", "PT_MIN",
           "MASS_RANGE"]

WIDTH_CURVES = {0.0: "collider/sigmaB-ll/atlas-139ifb",
                0.005: "collider/sigmaB-ll/atlas-139ifb-w0.5pct",
                0.012: "collider/sigmaB-ll/atlas-139ifb-w1.2pct",
                0.03: "collider/sigmaB-ll/atlas-139ifb-w3.0pct",
                0.06: "collider/sigmaB-ll/atlas-139ifb-w6.0pct",
                0.10: "collider/sigmaB-ll/atlas-139ifb-w10.0pct"}
"""Γ/M → catalogue curve of the published ATLAS 139 fb⁻¹ limits."""

MASS_RANGE = (250.0, 6000.0)
"""Pole masses [GeV] of the published limits."""

ETA_MAX = 2.5
"""|η| of both leptons in the acceptance (the analysis's lepton selection)."""

PT_MIN = 30.0
"""p_T [GeV] of both leptons in the acceptance."""


@lru_cache(maxsize=4)
def _leggauss(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Legendre nodes and weights on [−1, 1] (cached: an n = 256 rule costs ~0.1 s)."""
    t, w = np.polynomial.legendre.leggauss(n)
    return t, w


def dilepton_limit_fb(M: ArrayLike, width_over_mass: ArrayLike = 0.0) -> np.ndarray:
    """ATLAS 139 fb⁻¹ observed 95 % CL limit on the fiducial σB(Z′ → ℓℓ) [fb], one flavour.

    Interpolated linearly in Γ/M and in log σ between the two published width curves that
    bracket ``width_over_mass`` (module notes); the published curve itself at a published
    width. NaN outside 250–6000 GeV and above Γ/M = 10 % (no published limit).

    Parameters
    ----------
    M : float or array
        Resonance mass [GeV].
    width_over_mass : float or array
        Γ/M (dimensionless), broadcast with ``M``.

    Returns
    -------
    ndarray
        Limit [fb] (shape of the broadcast inputs).
    """
    M, wr = np.broadcast_arrays(np.asarray(M, float), np.asarray(width_over_mass, float))
    keys = np.array(sorted(WIDTH_CURVES))
    out = np.full(M.shape, np.nan)
    ok = (wr >= 0.0) & (wr <= keys[-1]) & np.isfinite(M)
    if not np.any(ok):
        return out
    w, m = wr[ok], M[ok]
    i = np.clip(np.searchsorted(keys, w, side="right") - 1, 0, len(keys) - 2)
    lo_w, hi_w = keys[i], keys[i + 1]
    t = (w - lo_w) / (hi_w - lo_w)
    lo = np.empty_like(m)
    hi = np.empty_like(m)
    for j in np.unique(i):
        sel = i == j
        lo[sel] = curve(WIDTH_CURVES[float(keys[j])])(m[sel])
        hi[sel] = curve(WIDTH_CURVES[float(keys[j + 1])])(m[sel])
    with np.errstate(invalid="ignore", divide="ignore"):
        val = lo * (hi / lo) ** t
    # the published numbers exactly at the published widths (t = 0, and Γ/M = 10 %: t = 1)
    out[ok] = np.where(t == 0.0, lo, np.where(t == 1.0, hi, val))
    return out


def fiducial_acceptance(M: ArrayLike, quark_weights: Mapping[str, float] | None = None, *,
                        pdf: PDFSet | None = None, sqrt_s: float = 13000.0,
                        eta_max: float = ETA_MAX, pt_min: float = PT_MIN,
                        n: int = 256) -> np.ndarray:
    """LO fraction of pp → Z′ → ℓℓ events with both leptons at |η| < η_max and p_T > p_T,min.

    A = ∫ dy W(y) F(c(y)) / ∫ dy W(y), with W(y) = Σ_q w_q [f_q(x₁) f_q̄(x₂) + (q ↔ q̄)],
    x₁,₂ = (M/√s) e^{±y}, at μ = M; for leptons back to back in the Z′ frame at polar angle θ*,
    η₁,₂ = y ± artanh(cos θ*), so both are inside for |cos θ*| < c = min(tanh(η_max − |y|),
    √(1 − (2p_T,min/M)²)), a fraction F(c) = (3c + c³)/4 of the 1 + cos²θ* distribution.

    Parameters
    ----------
    M : float or array
        Z′ mass [GeV].
    quark_weights : dict, optional
        Relative weights ``{"u": Γ(Z′ → uū), "d": ...}`` of the production channels (any
        normalisation); default equal weights for d, u, s, c, b (a B−L Z′: all quarks charge 1/3).
    pdf : PDFSet, optional
        Default: the shipped MSTW 2008 NLO grid.
    sqrt_s : float
        Collider energy [GeV].
    eta_max, pt_min : float
        Lepton |η| (dimensionless) and p_T [GeV] thresholds.
    n : int
        Gauss–Legendre points in the Z′ rapidity.

    Returns
    -------
    ndarray
        A (dimensionless, in [0, 1]), shape of ``M``; NaN for M ≥ √s and when every
        quark weight is zero (no production: undefined).
    """
    from darkseesaw.pdfs import load

    pdf = pdf or load()
    weights = dict(quark_weights) if quark_weights is not None else dict.fromkeys(QUARK_PIDS, 1.0)
    if unknown := set(weights) - set(QUARK_PIDS):
        raise ValueError(f"quark_weights: unknown quark(s) {sorted(unknown)}; the proton's "
                         f"are {list(QUARK_PIDS)}")
    M = np.asarray(M, float)
    A = np.full(M.size, np.nan)  # NaN at and above √s (no production)
    ok = (M.reshape(-1) > 0) & (M.reshape(-1) < sqrt_s)
    flat = M.reshape(-1)[ok]
    tau = (flat / sqrt_s) ** 2
    ymax = -0.5 * np.log(tau)
    t, wq = _leggauss(n)
    y = ymax[:, None] * t[None, :]
    wy = ymax[:, None] * wq[None, :]
    x1 = np.sqrt(tau)[:, None] * np.exp(y)
    x2 = np.sqrt(tau)[:, None] * np.exp(-y)
    mu = np.broadcast_to(flat[:, None], x1.shape)
    W = np.zeros_like(x1)
    for q, wt in weights.items():
        pid = QUARK_PIDS[q]
        W += float(wt) * (pdf.xfxQ(pid, x1, mu) * pdf.xfxQ(-pid, x2, mu)
                          + pdf.xfxQ(-pid, x1, mu) * pdf.xfxQ(pid, x2, mu))
    c_eta = np.tanh(np.clip(eta_max - np.abs(y), 0.0, None))
    c_pt = np.sqrt(np.clip(1.0 - (2.0 * pt_min / flat[:, None]) ** 2, 0.0, None))
    c = np.minimum(c_eta, c_pt)
    F = (3.0 * c + c**3) / 4.0
    with np.errstate(invalid="ignore"):  # 0/0: no qq̄ coupling at all
        A[ok] = (W * F * wy).sum(axis=1) / (W * wy).sum(axis=1)
    return A.reshape(M.shape)


def max_coupling_dilepton(M: ArrayLike, sigma_ll_at_unit_g: ArrayLike,
                          width_over_mass: ArrayLike = 0.0, acceptance: ArrayLike = 1.0
                          ) -> np.ndarray:
    """Largest coupling allowed by the dilepton limit at a given width when σB ∝ g².

    Parameters
    ----------
    M : array
        Z′ mass [GeV].
    sigma_ll_at_unit_g : array
        Total σ(pp → Z′) BR(ℓℓ) [fb] at g = 1 (BR independent of g).
    width_over_mass : array
        Γ/M (dimensionless) at which the limit is taken (the width hypothesis).
    acceptance : float or array
        Fiducial acceptance A (dimensionless) multiplying the prediction
        (`fiducial_acceptance`; 1 for a limit on the total σB).

    Returns
    -------
    ndarray
        g_max = √(L(M, Γ/M) / (A σ₁)), dimensionless (NaN where no limit is published).
        ``g > g_max`` is excluded exactly when A g² σ₁ > L at that width; for the coupling at
        which the width itself is g-dependent see `coupling_limit_dilepton`.
    """
    lim = dilepton_limit_fb(M, width_over_mass)
    return np.sqrt(lim / (np.asarray(acceptance, float) * np.asarray(sigma_ll_at_unit_g, float)))


def coupling_limit_dilepton(M: ArrayLike, sigma_ll_at_unit_g: ArrayLike,
                            width_over_mass_at_unit_g: ArrayLike, acceptance: ArrayLike = 1.0,
                            *, n_scan: int = 400, n_iter: int = 50
                            ) -> tuple[np.ndarray, np.ndarray]:
    """The coupling where A g² σ₁ = L(M, g² Γ₁/M), with every width ∝ g² (self-consistent).

    Parameters
    ----------
    M : array
        Z′ mass [GeV].
    sigma_ll_at_unit_g : array
        Total σ(pp → Z′) BR(ℓℓ) [fb] at g = 1.
    width_over_mass_at_unit_g : array
        Γ/M at g = 1 (dimensionless).
    acceptance : float or array
        Fiducial acceptance (dimensionless).
    n_scan, n_iter : int
        Points of the log-spaced scan in g that brackets the first crossing, then bisection
        steps in log g inside the bracket.

    Returns
    -------
    g_max, g_widest : ndarray
        g_max: the smallest excluded coupling (NaN where nothing is excluded up to the widest
        published width, or outside the mass range; for Γ₁ = 0 the Γ = 0 limit
        √(L(M, 0)/(A σ₁))); g_widest: the coupling at which Γ/M reaches 10 %, above which no
        limit is published (∞ for Γ₁ = 0; both dimensionless). The limit can rise faster
        than g² between two wide published curves, so the excluded set need not reach
        g_widest: the per-point test is A g² σ₁ > L(M, g²Γ₁/M) (`max_coupling_dilepton` at the
        point's own width).
    """
    M, s1, w1, A = np.broadcast_arrays(*(np.asarray(a, float) for a in
                                         (M, sigma_ll_at_unit_g, width_over_mass_at_unit_g,
                                          acceptance)))
    with np.errstate(invalid="ignore", divide="ignore"):
        g_hi = np.sqrt(max(WIDTH_CURVES) / w1)  # inf for Γ₁ = 0
        g0 = np.sqrt(dilepton_limit_fb(M, 0.0) / (A * s1))  # the narrow-width limit

    def f(g: np.ndarray) -> np.ndarray:  # > 0: excluded at g
        return np.log(A * g * g * s1) - np.log(dilepton_limit_fb(M, g * g * w1))

    with np.errstate(invalid="ignore", divide="ignore"):
        # the scan starts below both 10⁻⁴ g_widest and g0/10 (not excluded there: the limit
        # would have to fall 100-fold with the width), so the first crossing is bracketed
        top = np.where(np.isfinite(g_hi), np.log(g_hi), np.log(g0) + 1.0)
        bottom = np.fmin(top + np.log(1e-4), np.log(g0) - np.log(10.0))
        lg = bottom[..., None] + (top - bottom)[..., None] * np.linspace(0.0, 1.0, n_scan)
        fs = np.stack([f(np.exp(lg[..., k])) for k in range(n_scan)], axis=-1)
        up = fs > 0
        has = up.any(axis=-1)
        k = np.argmax(up, axis=-1)  # first excluded scan point
        b = np.take_along_axis(lg, k[..., None], axis=-1)[..., 0]
        a = np.take_along_axis(lg, np.maximum(k - 1, 0)[..., None], axis=-1)[..., 0]
        for _ in range(n_iter):
            mid = 0.5 * (a + b)
            ex = f(np.exp(mid)) > 0
            b = np.where(ex, mid, b)
            a = np.where(ex, a, mid)
    g_max = np.where(has & (k > 0), np.exp(b), np.nan)
    return np.where(w1 > 0, g_max, g0), g_hi  # Γ₁ = 0: the width never grows


def ssm_mass_limit(*, k_factor: float = 1.0, pdf: PDFSet | None = None,
                   acceptance: bool = True) -> float:
    """Mass [GeV] where the SSM A·σB (LO × k_factor) crosses the ATLAS limit (ATLAS: 5.1 TeV).

    The width hypothesis is the SSM's own Γ/M (≈ 3.0–3.1 %, interpolated); ``acceptance``
    multiplies σB by the LO `fiducial_acceptance` of the SSM's quark mixture (ATLAS compares
    σ_fid B).
    """
    Ms = np.linspace(3000.0, 6000.0, 121)
    pred = sigma_ll_ssm_fb(Ms, pdf=pdf, k_factor=k_factor)
    w = ssm_widths(Ms)
    if acceptance:  # the SSM quark mixture (the width ratios do not depend on M)
        pred = pred * fiducial_acceptance(Ms, {q: float(w[q][-1]) for q in QUARK_PIDS}, pdf=pdf)
    lim = dilepton_limit_fb(Ms, w["total"] / Ms)
    d = np.log(pred / lim)
    idx = np.where(np.diff(np.sign(d)) < 0)[0]
    if idx.size == 0:
        return float("nan")
    i = idx[-1]
    return float(Ms[i] - d[i] * (Ms[i + 1] - Ms[i]) / (d[i + 1] - d[i]))
