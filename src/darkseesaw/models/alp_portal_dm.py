"""Model ``alp-portal-dm``: inverse seesaw (2 N_R + 2 S_L) with an ALP-portal Dirac dark matter.

Thongyoi, Pongkitivanichkul, Uttayarat, "Inverse seesaw mechanism and axion portal fermionic dark
matter", arXiv:2502.13002. The module reads like the paper:

* §2.1 scalar sector: `scalar_sector` (eqs. 2.4–2.6: quartics from v_h, f_a = v_φ, m_h, m_φ,
  sin θ, with the Higgs-mixing bound |sin θ| ≤ 0.12);
* §2.2 neutrino sector: the 7×7 matrix of eq. 2.18 built by
  `darkseesaw.spectrum.builders.neutral_lepton_matrix` from the physical parametrisation
  (eqs. 3.1–3.2) and the textures A and B of m_D (eqs. 3.3–3.4), diagonalised exactly by
  `darkseesaw.spectrum.takagi`; the closed-form light matrices of eqs. 3.5–3.6 (`light_matrix`)
  are used for the fast fit and checked against the exact 7×7 diagonalisation;
* eqs. 2.12–2.13 (`gauge_couplings`) and 2.22 (DM coupling g_χ = m_χ/f_a);
* §3.2–3.3 dark matter and g − 2: `darkseesaw.observables.alp_dm` (σ(s) exact, thermal average),
  `darkseesaw.cosmo.omega_h2` (Boltzmann equation, Dirac χ), `darkseesaw.observables.g2`
  (eq. 3.15), gamma-ray-line limits from `darkseesaw.constraints`;
* §4 the neutrino fit (`neutrino_fit`) and the scan of Fig. 3 (`fig3_scan`), and `MODEL.reproduce`.

Units: GeV inside (κ of eqs. 3.5–3.6 is given in eV in `Parameters`, as in eq. 4.1).

Conventions: light-neutrino mass term −½ ν̄ᶜ m_ν ν with Uᵀ m_ν U = diag(m), δ_CP from the
Jarlskog invariant of eq. (3.9) (PDG convention, as `darkseesaw.observables.neutrino`). The ALP
couplings C_μμ and C_γγ follow the normalisation of the paper's eq. (3.15) (y_μ = C_μμ m_μ/f_a,
g_aγγ = α C_γγ/(π f_a)); see `darkseesaw.observables.g2` for the factor-2 remark on eq. (2.10).

Example
-------
>>> from darkseesaw.models.alp_portal_dm import MODEL
>>> p = MODEL.parameters()
>>> sorted(MODEL.spectrum(p))[:3]
['U', 'lambda_H', 'lambda_HPhi']
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from darkseesaw import physics as ph
from darkseesaw.models.base import Model

SIN_THETA_MAX: float = 0.12
"""Upper bound on |sin θ| from the 125 GeV Higgs couplings quoted by 2502.13002 (ATLAS, CMS)."""

FIT_RANGES: dict[str, tuple[float, float]] = {
    "kappa_eV": (1e-3, 1.0), "y1": (1e-3, 1e3), "y2": (1e-3, 1e3), "y3": (1e-3, 1e3),
    "alpha": (1e-3, 1e3), "beta": (1e-3, 1e3), "phi": (0.0, 2 * math.pi),
}
"""Scan ranges of the seven neutrino-sector parameters, 2502.13002 eq. (4.1)."""

_PARS = ("kappa_eV", "y1", "y2", "y3", "alpha", "beta", "phi")


# =============================================================================================
# Parameters
# =============================================================================================
class Parameters(BaseModel):
    """Parameters of ``alp-portal-dm`` (validated; units in each description).

    Neutrino sector (eqs. 3.1–3.6): the texture, κ [eV], y₁..y₃, α, β, φ, and the scales that
    the light matrix does not see: the 1-1 entries of m_D and M_N and the ratio γ (eq. 3.1).
    The 1-1 entry of μ_S follows from κ = (m_D)₁₁² (μ_S)₁₁/(M_N)₁₁².
    Scalar sector (eqs. 2.4–2.6): f_a = v_φ, m_φ, sin θ. Dark sector: m_χ, m_a, C_γγ, C_μμ
    (and optionally C_WW; C_BB = C_γγ − C_WW).
    """

    model_config = ConfigDict(extra="forbid")

    texture: Literal["A", "B"] = Field("A", description="m_D texture, eq. 3.3 (A) or 3.4 (B)")
    kappa_eV: float = Field(2.3e-3, ge=1e-3, le=1.0, description="κ, overall light scale [eV]")
    y1: float = Field(1.0, ge=1e-3, le=1e3, description="texture entry y1 (eqs. 3.3-3.4)")
    y2: float = Field(1.0, ge=1e-3, le=1e3, description="texture entry y2")
    y3: float = Field(1.0, ge=1e-3, le=1e3, description="texture entry y3")
    alpha: float = Field(1.0, ge=1e-3, le=1e3, description="α of μ_S, eq. 3.2")
    beta: float = Field(1.0, ge=1e-3, le=1e3, description="β of μ_S, eq. 3.2")
    phi: float = Field(0.0, ge=0.0, le=2 * math.pi, description="φ of μ_S, eq. 3.2 [rad]")
    gamma: float = Field(2.0, gt=0.0, description="γ of M_N = M_N11 diag(1, γ), eq. 3.1")
    mD11_GeV: float = Field(1.0, gt=0.0, description="(m_D)_11 = Y v_h/√2 [GeV]")
    MN11_GeV: float = Field(1.0e4, gt=0.0, description="(M_N)_11 = Y' f_a/√2 [GeV]")
    f_a: float = Field(1.0e4, gt=0.0, description="ALP decay constant f_a = v_φ [GeV]")
    m_phi: float = Field(1.1e5, gt=0.0, description="mass of the PQ radial mode φ [GeV]")
    sin_theta: float = Field(0.0, ge=-1.0, le=1.0, description="h–φ mixing sin θ (|.| ≤ 0.12)")
    m_chi: float = Field(1.0e5, gt=0.0, description="Dirac DM mass m_χ [GeV]")
    m_a: float = Field(1.1e5, gt=0.0, description="ALP mass m_a [GeV]")
    C_gg: float = Field(200.0, description="ALP–photon coupling C_γγ (eq. 2.12)")
    C_mumu: float = Field(-1.0e4, description="ALP–muon coupling C_μμ (eq. 3.15 normalisation)")
    C_WW: float = Field(0.0, description="ALP–W coupling C_WW (C_BB = C_γγ − C_WW, eq. 2.13)")

    @field_validator("sin_theta")
    @classmethod
    def _higgs_mixing(cls, v: float) -> float:
        if abs(v) > SIN_THETA_MAX:
            raise ValueError(f"|sin θ| = {abs(v)} exceeds the Higgs-coupling bound {SIN_THETA_MAX}")
        return v

    @model_validator(mode="after")
    def _vevs(self):
        if self.f_a <= ph.v_EW:
            raise ValueError(f"f_a = {self.f_a} GeV must exceed v_h = {ph.v_EW:.2f} GeV (§2.1)")
        return self


# =============================================================================================
# §2.1 scalar sector
# =============================================================================================
def scalar_sector(f_a, m_phi, sin_theta, v_h=ph.v_EW, m_h=ph.m_h):
    """Quartic couplings from vevs, masses and the mixing angle, 2502.13002 eq. (2.6).

    λ_H = (m_h² cos²θ + m_φ² sin²θ)/v_h²,  λ_Φ = (m_h² sin²θ + m_φ² cos²θ)/v_φ²,
    λ_HΦ = (m_φ² − m_h²) sin θ cos θ/(v_h v_φ), with v_φ = f_a (eq. 2.8). Inverts eqs. (2.4)–(2.5).

    Parameters
    ----------
    f_a, m_phi : float or array
        v_φ = f_a and m_φ [GeV].
    sin_theta : float or array
        sin θ of eq. (2.3).
    v_h, m_h : float
        Higgs vev and mass [GeV] (PDG 2024 by default).

    Returns
    -------
    dict
        ``lambda_H``, ``lambda_Phi``, ``lambda_HPhi``, the masses recomputed from eq. (2.5)
        (``m_h_check``, ``m_phi_check``), ``tan2theta_check`` (eq. 2.4), ``stable`` (bounded
        from below: λ_H, λ_Φ > 0 and 4λ_Hλ_Φ > λ_HΦ² when λ_HΦ < 0) and ``higgs_mixing_ok``.

    Example
    -------
    >>> s = scalar_sector(1e4, 1e5, 0.0)
    >>> round(float(s["lambda_Phi"]), 6)
    100.0
    """
    s = np.asarray(sin_theta, float)
    c = np.sqrt(1 - s**2)
    vphi = np.asarray(f_a, float)
    mphi = np.asarray(m_phi, float)
    lH = (m_h**2 * c**2 + mphi**2 * s**2) / v_h**2
    lP = (m_h**2 * s**2 + mphi**2 * c**2) / vphi**2
    lHP = (mphi**2 - m_h**2) * s * c / (v_h * vphi)
    a, b = lH * v_h**2, lP * vphi**2
    root = np.sqrt((b - a) ** 2 + lHP**2 * v_h**2 * vphi**2)
    with np.errstate(divide="ignore", invalid="ignore"):
        t2 = lHP * v_h * vphi / (b - a)
    return {
        "lambda_H": lH, "lambda_Phi": lP, "lambda_HPhi": lHP,
        "m_h_check": np.sqrt(a + b - root), "m_phi_check": np.sqrt(a + b + root),
        "tan2theta_check": t2,
        "stable": (lH > 0) & (lP > 0) & ((lHP >= 0) | (4 * lH * lP > lHP**2)),
        "higgs_mixing_ok": np.abs(s) <= SIN_THETA_MAX,
    }


# =============================================================================================
# eqs. 2.12–2.13, 2.22
# =============================================================================================
def gauge_couplings(C_gg, C_WW=0.0, s2w=ph.sin2_theta_W):
    """ALP couplings to γγ, γZ, ZZ, WW of eqs. (2.12)–(2.13) from C_WW and C_BB = C_γγ − C_WW.

    C_γγ = C_WW + C_BB, C_γZ = c_W² C_WW − s_W² C_BB, C_ZZ = c_W⁴ C_WW + s_W⁴ C_BB.

    Example
    -------
    >>> round(gauge_couplings(1.0)["C_gammaZ"], 5) == round(-ph.sin2_theta_W, 5)
    True
    """
    C_BB = C_gg - C_WW
    c2w = 1 - s2w
    return {"C_gammagamma": C_WW + C_BB, "C_gammaZ": c2w * C_WW - s2w * C_BB,
            "C_ZZ": c2w**2 * C_WW + s2w**2 * C_BB, "C_WW": C_WW, "C_BB": C_BB}


# =============================================================================================
# §2.2 / §3.1 neutrino sector
# =============================================================================================
def texture_mD(texture: str, y1, y2, y3):
    """Dimensionless m_D textures of eqs. (3.3) (A) and (3.4) (B), shape (..., 3, 2).

    Example
    -------
    >>> texture_mD("A", 2.0, 3.0, 4.0)[..., 1, :].tolist()
    [2.0, 3.0]
    """
    y1, y2, y3 = np.broadcast_arrays(*(np.asarray(v, float) for v in (y1, y2, y3)))
    T = np.zeros(y1.shape + (3, 2))
    T[..., 0, 0] = 1.0
    if texture == "A":
        T[..., 1, 0], T[..., 1, 1], T[..., 2, 1] = y1, y2, y3
    elif texture == "B":
        T[..., 1, 1], T[..., 2, 0], T[..., 2, 1] = y1, y2, y3
    else:
        raise ValueError(f"texture must be 'A' or 'B', not {texture!r}")
    return T


def mu_hat(alpha, beta, phi):
    """M_N⁻¹ μ_S M_N⁻ᵀ of eqs. (3.1)–(3.2) in units of (μ_S)₁₁/(M_N)₁₁²: [[1, α], [α, β e^{iφ}]]."""
    alpha, beta, phi = np.broadcast_arrays(*(np.asarray(v, float) for v in (alpha, beta, phi)))
    R = np.empty(alpha.shape + (2, 2), complex)
    R[..., 0, 0] = 1.0
    R[..., 0, 1] = R[..., 1, 0] = alpha
    R[..., 1, 1] = beta * np.exp(1j * phi)
    return R


def light_matrix(texture: str, kappa, y1, y2, y3, alpha, beta, phi):
    """Closed-form light-neutrino mass matrix of eqs. (3.5) (A) / (3.6) (B), batched.

    M_light = κ T [[1, α], [α, β e^{iφ}]] Tᵀ with T the texture of `texture_mD`; this is
    eq. (2.20) up to its overall sign (a rephasing of all three ν, unobservable). Units of κ.

    Example
    -------
    >>> M = light_matrix("A", 1.0, 1.0, 2.0, 3.0, 0.5, 0.7, 0.0)
    >>> float(M[0, 2].real)   # α y3
    1.5
    """
    T = texture_mD(texture, y1, y2, y3)
    R = mu_hat(alpha, beta, phi)
    return np.asarray(kappa)[..., None, None] * (T @ R @ np.swapaxes(T, -1, -2))


def full_matrix(p: Parameters):
    """The 7×7 neutral-lepton matrix of eq. (2.18) (basis ν_L, N_Rᶜ, S_L) of a parameter point [GeV].

    m_D = (m_D)₁₁ T, M_N = (M_N)₁₁ diag(1, γ), μ_S = (μ_S)₁₁ [[1, αγ], [αγ, βγ² e^{iφ}]] with
    (μ_S)₁₁ = κ (M_N)₁₁²/(m_D)₁₁², built by `darkseesaw.spectrum.builders.neutral_lepton_matrix`.
    """
    from darkseesaw.spectrum.builders import neutral_lepton_matrix

    T = texture_mD(p.texture, p.y1, p.y2, p.y3)
    mD = p.mD11_GeV * T
    MN = p.MN11_GeV * np.diag([1.0, p.gamma])
    mu11 = ph.eV_to_GeV(p.kappa_eV) * p.MN11_GeV**2 / p.mD11_GeV**2
    g = p.gamma
    muS = mu11 * np.array([[1.0, p.alpha * g], [p.alpha * g, p.beta * g**2 * np.exp(1j * p.phi)]])
    return neutral_lepton_matrix(mD, MN, muS)


def fast_observables(M, ordering: str):
    """Oscillation observables of light matrices M (N, 3, 3) [eV], vectorised (fit fast path).

    Uses the eigenvectors of M†M = U diag(m²) U† (rephasing-invariant quantities only):
    s²₁₃ = |U_e3|², s²₁₂ = |U_e2|²/c²₁₃, s²₂₃ = |U_μ3|²/c²₁₃ (eq. 3.8), sin δ from the Jarlskog
    invariant (eq. 3.9) and cos δ from |U_μ1|²; m_ee = |M_ee|, m_β² = Σ|U_ei|² m_i².
    For ``ordering="IO"`` the states are labelled m₃ < m₁ < m₂ and dm3l = m₂² − m₁²... as in Table 2
    (m²_atm = m₂² − m₃²).

    Returns
    -------
    dict of arrays: s12sq, s13sq, s23sq, dm21 [eV²], dm3l [eV²], delta_deg, m (N, 3) [eV],
    sum_m, m_beta, m_ee [eV].
    """
    H = np.conj(np.swapaxes(M, -1, -2)) @ M
    lam, V = np.linalg.eigh(H)
    lam = np.clip(lam, 0.0, None)
    if ordering == "NO":
        U, m2 = V, lam
        dm21, dm3l = m2[:, 1] - m2[:, 0], m2[:, 2] - m2[:, 0]
    else:
        U, m2 = V[:, :, [1, 2, 0]], lam[:, [1, 2, 0]]
        dm21, dm3l = m2[:, 1] - m2[:, 0], m2[:, 1] - m2[:, 2]
    A2 = np.abs(U) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        s13 = A2[:, 0, 2]
        c13 = 1.0 - s13
        s12 = A2[:, 0, 1] / c13
        s23 = A2[:, 1, 2] / c13
        c12, c23 = 1.0 - s12, 1.0 - s23
        J = np.imag(U[:, 1, 2] * np.conj(U[:, 0, 2]) * U[:, 0, 1] * np.conj(U[:, 1, 1]))
        den = np.sqrt(np.clip(s12 * c12 * s23 * c23 * s13, 0, None))
        sind = J / (den * c13)
        cosd = (A2[:, 1, 0] - s12 * c23 - c12 * s23 * s13) / (2 * den)
        delta = np.degrees(np.arctan2(sind, cosd)) % 360.0
    m = np.sqrt(m2)
    return {"s12sq": s12, "s13sq": s13, "s23sq": s23, "dm21": dm21, "dm3l": dm3l,
            "delta_deg": delta, "m": m, "sum_m": m.sum(1),
            "m_beta": np.sqrt((A2[:, 0, :] * m2).sum(1)), "m_ee": np.abs(M[:, 0, 0])}


_KEYS = (("s12sq", "s12sq"), ("s13sq", "s13sq"), ("s23sq", "s23sq"),
         ("dm21sq_eV2", "dm21"), ("dm3lsq_eV2", "dm3l"))


def _delta_excess(d, lo, hi):
    """Distance [deg] of δ (mod 360) from the window [lo, hi] (hi may exceed 360)."""
    dd = np.where(d < lo, d + 360.0, d)
    out = np.where(dd > hi, np.minimum(dd - hi, (lo + 360.0) - dd), 0.0)
    return np.where(np.isfinite(d), out, np.inf)


def window_distance(o, ordering: str, windows=None):
    """Distance of fast observables from the 3σ box of Table 2 (0 inside), for the adaptive fit.

    Sum over observables of (excess/width)², the excess measured in log for Δm² and in
    degrees/360 for δ.
    """
    w = windows or ph.nufit60_3sigma_2502_13002[ordering]
    D = np.zeros(o["s12sq"].shape)
    for wk, ok in _KEYS:
        _, lo, hi = w[wk]
        x = o[ok]
        if wk.startswith("dm"):
            with np.errstate(divide="ignore", invalid="ignore"):
                x, lo, hi = np.log(np.clip(x, 1e-300, None)), math.log(lo), math.log(hi)
        e = np.maximum(np.maximum(lo - x, x - hi), 0.0) / (hi - lo)
        D += np.where(np.isfinite(e), e**2, 1e30)
    _, lo, hi = w["delta_deg"]
    D += (_delta_excess(o["delta_deg"], lo, hi) / 90.0) ** 2
    return np.where(np.isfinite(D), D, 1e30)


def _to_theta(P):
    """(N, 7) parameters → scan coordinates (log10 of the first six, φ)."""
    T = P.copy()
    T[:, :6] = np.log10(P[:, :6])
    return T


def _from_theta(T):
    P = T.copy()
    P[:, :6] = 10.0 ** T[:, :6]
    return P


def _evaluate(texture, P, ordering):
    M = light_matrix(texture, *(P[:, k] for k in range(7)))
    o = fast_observables(M, ordering)
    return o, window_distance(o, ordering)


def neutrino_fit(texture: str, ordering: str, *, n_random: int = 1_000_000,
                 n_per_gen: int = 100_000, n_gen: int = 10, n_inverse: int = 100_000,
                 seed: int = 1, chunk: int = 250_000):
    """Scan of the seven parameters of eqs. (3.5)/(3.6) over eq. (4.1) against Table 2 at 3σ.

    Stage 1: ``n_random`` points drawn log-uniformly (φ uniformly) over the ranges of eq. (4.1).
    Stage 2 (seeding by the exact inverse map, `neutrino_inverse`, ``n_inverse`` samples of the
    3σ box): the texture parameters it returns are evaluated like any scan point (closed-form
    light matrix, forward observables, 3σ test), so every accepted point is a genuine
    7-parameter point. Without this stage a blind scan finds no inverted-ordering point and
    misses the δ > 290° part of the normal-ordering region (see the docs).
    Stage 3 (adaptive, population Monte Carlo): ``n_gen`` generations of ``n_per_gen`` points,
    each a Gaussian step (in log10 of κ, y_i, α, β and in φ) from a parent drawn among the best
    points so far; once accepted points exist, parents are drawn among them with weights
    inversely proportional to their density in (δ, m_ee), so that the whole accepted region
    (the edges of Table 3) is explored. A point is accepted when all of s²₁₂, s²₁₃, s²₂₃, Δm²₂₁,
    Δm²₃ℓ and δ_CP lie in the 3σ ranges of Table 2.

    Parameters
    ----------
    texture : {"A", "B"}
    ordering : {"NO", "IO"}
    n_random, n_per_gen, n_gen : int
        Sizes of the stages (the default makes 4 × 10⁶ points per texture and ordering).
    seed : int
        Seed of the random generator (same seed, same numbers).

    Returns
    -------
    dict
        ``params`` (n_acc, 7) accepted parameters (order of `FIT_RANGES`), ``obs`` dict of
        accepted observables (eV units), ``n_evaluated``, ``n_accepted_random`` (stage 1 alone),
        ``n_accepted_inverse`` (stage 2), ``best_distance`` (smallest distance to the 3σ box;
        0 if accepted), ``seconds``.
    """
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    lo = np.array([math.log10(FIT_RANGES[k][0]) for k in _PARS[:6]] + [0.0])
    hi = np.array([math.log10(FIT_RANGES[k][1]) for k in _PARS[:6]] + [2 * math.pi])
    acc_P, acc_o = [], []
    best_T = np.empty((0, 7))
    best_D = np.empty(0)
    n_eval = 0
    n_acc_random = 0

    def absorb(T, o, D):
        nonlocal best_T, best_D
        ok = D == 0.0
        if ok.any():
            acc_P.append(_from_theta(T[ok]))
            acc_o.append({k: v[ok] for k, v in o.items()})
        allT = np.vstack([best_T, T])
        allD = np.concatenate([best_D, D])
        keep = np.argsort(allD, kind="stable")[:2000]
        best_T, best_D = allT[keep], allD[keep]
        return int(ok.sum())

    for start in range(0, n_random, chunk):
        n = min(chunk, n_random - start)
        T = lo + (hi - lo) * rng.random((n, 7))
        o, D = _evaluate(texture, _from_theta(T), ordering)
        n_acc_random += absorb(T, o, D)
        n_eval += n

    n_acc_inverse = 0
    if n_inverse:
        inv = neutrino_inverse(texture, ordering, n=n_inverse, seed=seed + 1)
        if len(inv["params"]):
            P = np.clip(inv["params"], [FIT_RANGES[k][0] for k in _PARS],
                        [FIT_RANGES[k][1] for k in _PARS])
            o, D = _evaluate(texture, P, ordering)
            n_acc_inverse = absorb(_to_theta(P), o, D)
            n_eval += len(P)

    width = hi - lo
    for gen in range(n_gen):
        n_acc = sum(len(a) for a in acc_P)
        if n_acc >= 200:
            AP = np.vstack(acc_P)
            AT = _to_theta(AP)
            d = np.concatenate([a["delta_deg"] for a in acc_o])
            me = np.log10(np.concatenate([a["m_ee"] for a in acc_o]))
            hb, xe, ye = np.histogram2d(d, me, bins=(36, 20))
            ix = np.clip(np.digitize(d, xe) - 1, 0, 35)
            iy = np.clip(np.digitize(me, ye) - 1, 0, 19)
            wts = 1.0 / hb[ix, iy]
            par = AT[rng.choice(len(AT), n_per_gen, p=wts / wts.sum())]
            scale = np.std(AT, axis=0) * 0.15 + 1e-4
        else:
            # parents among the best 200 so far; steps of random size 10⁻⁴ … 0.3 of the range
            par = best_T[rng.integers(0, min(200, len(best_T)), n_per_gen)]
            scale = width * 10.0 ** rng.uniform(-4.0, -0.5, (n_per_gen, 1))
        T = par + rng.standard_normal(par.shape) * scale
        T[:, 6] = np.mod(T[:, 6], 2 * math.pi)
        T[:, :6] = np.clip(T[:, :6], lo[:6], hi[:6])
        o, D = _evaluate(texture, _from_theta(T), ordering)
        absorb(T, o, D)
        n_eval += n_per_gen

    if acc_P:
        P = np.vstack(acc_P)
        obs = {k: np.concatenate([a[k] for a in acc_o]) for k in acc_o[0]}
    else:
        P = np.empty((0, 7))
        obs = {}
    return {"params": P, "obs": obs, "n_evaluated": n_eval, "n_accepted_random": n_acc_random,
            "n_accepted_inverse": n_acc_inverse,
            "best_distance": float(best_D[0]) if len(best_D) else float("inf"),
            "seconds": time.perf_counter() - t0}


def _pmns_V(s12sq, s13sq, s23sq, delta):
    """PDG V(θ12, θ13, θ23, δ) batched (no Majorana phases), shape (N, 3, 3)."""
    s12, s13, s23 = np.sqrt(s12sq), np.sqrt(s13sq), np.sqrt(s23sq)
    c12, c13, c23 = np.sqrt(1 - s12sq), np.sqrt(1 - s13sq), np.sqrt(1 - s23sq)
    e = np.exp(1j * delta)
    V = np.empty(s12.shape + (3, 3), complex)
    V[:, 0, 0], V[:, 0, 1], V[:, 0, 2] = c12 * c13, s12 * c13, s13 / e
    V[:, 1, 0] = -s12 * c23 - c12 * s23 * s13 * e
    V[:, 1, 1] = c12 * c23 - s12 * s23 * s13 * e
    V[:, 1, 2] = s23 * c13
    V[:, 2, 0] = s12 * s23 - c12 * c23 * s13 * e
    V[:, 2, 1] = -c12 * s23 - s12 * c23 * s13 * e
    V[:, 2, 2] = c23 * c13
    return V


def _texture_A_inverse(Mee, Mem, Met, Mmm, Mmt, Mtt):
    """Texture-A parameters from a light matrix (entries broadcast); returns dict and residual g.

    After rephasing the first row real positive (3 lepton phases), κ = |M_ee|, α y3 = M_eτ/κ,
    β e^{iφ} y3² = M_ττ/κ, and the complex equation M_μτ/κ = (α y3) y1 + (β e^{iφ} y3²)(y2/y3)
    gives y1 and w = y2/y3. Texture A holds iff the residual g = M_eμ/κ − y1 − α y3 w vanishes
    (and M_μμ/κ = y1² + 2 α y3 y1 w + β e^{iφ} y3² w², checked as ``res_mumu``). y3 is a flat
    direction (y2, α, β rescale with it).
    """
    kap = np.abs(Mee)
    pe = np.exp(-0.5j * np.angle(Mee))
    pm = np.exp(-1j * np.angle(Mem)) / pe
    pt = np.exp(-1j * np.angle(Met)) / pe
    mem = np.abs(Mem) / kap
    a = np.abs(Met) / kap
    t = pt * pt * Mtt / kap
    mt = pm * pt * Mmt / kap
    mm = pm * pm * Mmm / kap
    with np.errstate(divide="ignore", invalid="ignore"):
        w = mt.imag / t.imag
        y1 = (mt.real - t.real * w) / a
        g = mem - y1 - a * w
        res = np.abs(mm - (y1**2 + 2 * a * y1 * w + t * w**2))
    return {"kappa": kap, "a": a, "t": t, "w": w, "y1": y1}, g, res


def neutrino_inverse(texture: str, ordering: str, *, n: int = 200_000, n_rho: int = 180,
                     seed: int = 2, chunk: int = 4000):
    """Exact map of the accepted region: oscillation data → texture parameters (a cross-check).

    Samples ``n`` points uniformly in the 3σ box of Table 2 (angles, Δm², δ), builds
    m_ν = U* diag(m) U† for every value of the one relevant Majorana phase ρ (m_lightest = 0),
    and solves the texture conditions (`_texture_A_inverse`; texture B is texture A with the
    μ and τ rows exchanged) for ρ by bracketing and secant refinement. A solution is kept when
    y₁, y₂/y₃ > 0 and some y₃ puts y₂, α, β in the range of eq. (4.1) (and κ ∈ [1 meV, 1 eV]).
    Independent of the forward scan: if this finds no solution for a sampled box, no parameter
    point exists (up to the sampling of the box).

    Returns
    -------
    dict of arrays (eV units): delta_deg, m_ee, sum_m, m_beta, phi, s23sq ... of the solutions,
    and ``n_sampled``.
    """
    rng = np.random.default_rng(seed)
    w = ph.nufit60_3sigma_2502_13002[ordering]
    out: dict[str, list] = {k: [] for k in ("delta_deg", "m_ee", "sum_m", "m_beta", "phi", "s12sq",
                                            "s13sq", "s23sq", "dm21", "dm3l", "params")}
    rho = np.linspace(0.0, 2 * math.pi, n_rho, endpoint=False)
    for start in range(0, n, chunk):
        k = min(chunk, n - start)
        smp = {key: rng.uniform(w[key][1], w[key][2], k) for key in w}
        d = np.radians(smp["delta_deg"])
        V = _pmns_V(smp["s12sq"], smp["s13sq"], smp["s23sq"], d)
        if ordering == "NO":
            mA, mB = np.sqrt(smp["dm21sq_eV2"]), np.sqrt(smp["dm3lsq_eV2"])  # m2, m3
            iA, iB = 1, 2
            ml = np.stack([np.zeros(k), mA, mB], 1)
        else:
            m2 = np.sqrt(smp["dm3lsq_eV2"])
            m1 = np.sqrt(np.clip(m2**2 - smp["dm21sq_eV2"], 0, None))
            mA, mB, iA, iB = m1, m2, 0, 1
            ml = np.stack([m1, m2, np.zeros(k)], 1)
        vA, vB = np.conj(V[:, :, iA]), np.conj(V[:, :, iB])
        perm = [0, 1, 2] if texture == "A" else [0, 2, 1]
        vA, vB = vA[:, perm], vB[:, perm]

        def entries(r):
            ph_ = np.exp(-2j * r)
            E = {}
            for name, (i, j) in {"ee": (0, 0), "em": (0, 1), "et": (0, 2), "mm": (1, 1),
                                 "mt": (1, 2), "tt": (2, 2)}.items():
                E[name] = (mA[:, None] * (vA[:, i] * vA[:, j])[:, None]
                           + mB[:, None] * (vB[:, i] * vB[:, j])[:, None] * ph_)
            return E

        E = entries(rho[None, :])
        _, g, _ = _texture_A_inverse(E["ee"], E["em"], E["et"], E["mm"], E["mt"], E["tt"])
        g2 = np.roll(g, -1, axis=1)
        ii, jj = np.nonzero((np.sign(g) != np.sign(g2)) & np.isfinite(g) & np.isfinite(g2))
        if len(ii) == 0:
            continue
        step = rho[1] - rho[0]
        r0, r1 = rho[jj], rho[jj] + step
        g0, g1 = g[ii, jj], g2[ii, jj]
        sub = {kk: v[ii] for kk, v in (("mA", mA), ("mB", mB))}
        vAs, vBs = vA[ii], vB[ii]

        def gval(r):
            ph_ = np.exp(-2j * r)
            Es = {}
            for name, (i, j) in {"ee": (0, 0), "em": (0, 1), "et": (0, 2), "mm": (1, 1),
                                 "mt": (1, 2), "tt": (2, 2)}.items():
                Es[name] = sub["mA"] * vAs[:, i] * vAs[:, j] + sub["mB"] * vBs[:, i] * vBs[:, j] * ph_
            return _texture_A_inverse(Es["ee"], Es["em"], Es["et"], Es["mm"], Es["mt"], Es["tt"])

        for _ in range(40):  # regula falsi (Illinois) on the bracket
            with np.errstate(divide="ignore", invalid="ignore"):
                rn = r1 - g1 * (r1 - r0) / (g1 - g0)
            rn = np.where(np.isfinite(rn), rn, 0.5 * (r0 + r1))
            _, gn, _ = gval(rn)
            same = np.sign(gn) == np.sign(g1)
            r0, g0 = np.where(same, r0, r1), np.where(same, g0 * 0.5, g1)
            r1, g1 = rn, gn
        sol, gf, res = gval(r1)
        lw = np.log10(np.abs(sol["w"]))
        la = np.log10(sol["a"])
        lt = np.log10(np.abs(sol["t"]))
        lo3 = np.maximum.reduce([np.full_like(lw, -3.0), -3 - lw, la - 3, (lt - 3) / 2])
        hi3 = np.minimum.reduce([np.full_like(lw, 3.0), 3 - lw, la + 3, (lt + 3) / 2])
        ok = ((np.abs(gf) < 1e-7) & (res < 1e-6) & (sol["y1"] >= 1e-3) & (sol["y1"] <= 1e3)
              & (sol["w"] > 0) & (lo3 <= hi3) & (sol["kappa"] >= 1e-3) & (sol["kappa"] <= 1.0))
        if not ok.any():
            continue
        sel = ii[ok]
        Ne = V[sel, 0, :]
        mls = ml[sel]
        out["delta_deg"].append(smp["delta_deg"][sel] % 360.0)
        out["m_ee"].append(sol["kappa"][ok])
        out["sum_m"].append(mls.sum(1))
        out["m_beta"].append(np.sqrt((np.abs(Ne) ** 2 * mls**2).sum(1)))
        out["phi"].append(np.angle(sol["t"][ok]) % (2 * math.pi))
        # one representative of the flat direction: y3 in the middle (log) of its allowed interval
        y3 = 10.0 ** (0.5 * (lo3[ok] + hi3[ok]))
        y1s, ws, as_, ts = sol["y1"][ok], sol["w"][ok], sol["a"][ok], sol["t"][ok]
        yA = np.stack([sol["kappa"][ok], y1s, ws * y3, y3, as_ / y3, np.abs(ts) / y3**2,
                       np.angle(ts) % (2 * math.pi)], 1)
        if texture == "B":  # texture B = texture A with μ ↔ τ: (y1, y2, y3)_B = (y3, y1, y2)_A
            yA = yA[:, [0, 3, 1, 2, 4, 5, 6]]
        out["params"].append(yA)
        for key, wk in (("s12sq", "s12sq"), ("s13sq", "s13sq"), ("s23sq", "s23sq"),
                        ("dm21", "dm21sq_eV2"), ("dm3l", "dm3lsq_eV2")):
            out[key].append(smp[wk][sel])
    res_ = {k: (np.concatenate(v) if v else np.empty((0, 7) if k == "params" else 0))
            for k, v in out.items()}
    res_["n_sampled"] = n
    return res_
