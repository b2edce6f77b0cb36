"""Decays of heavy neutral leptons (HNLs) through their mixing U_αN with active neutrinos.

All partial widths follow the standard treatment of K. Bondarenko, A. Boyarsky, D. Gorbunov,
O. Ruchayskiy, "Phenomenology of GeV-scale heavy neutral leptons", JHEP 11 (2018) 032
[arXiv:1805.08567], section 3 and appendix; the exact massive-lepton width of
N → ℓ_α⁻ ℓ_β⁺ ν_β is eq. A.4 of J. Cline, M. Puel, T. Toma, JHEP 05 (2020) 039.

Conventions
-----------
* Masses in GeV, widths in GeV; ``U2`` holds |U_eN|², |U_μN|², |U_τN|² on its last axis.
* Widths are those of a **Dirac** HNL N (lepton number +1): N → ℓ⁻ X⁺, N → ν X⁰. A Majorana
  HNL also decays into the charge-conjugate states, so every width doubles
  (``majorana=True``).
* Neutral-current couplings g_L = T₃ − Q s_W², g_R = −Q s_W² use the MS-bar
  sin²θ̂_W(M_Z) = 0.23129 (`physics.sin2_theta_W`; keyword ``sin2_theta_w``), and for
  N → ν_α ℓ_α⁺ ℓ_α⁻ the charged current adds 1 to g_L (interference). With the amplitude
  normalised by G_F (ρ = 1), ŝ² is the coupling free of large m_t² terms; the on-shell
  1 − M_W²/M_Z² = 0.2232 absorbs Δρ ∝ m_t² and would shift Γ(ν ρ⁰) by +6 % and Γ(ν_μ μμ) by
  −2.6 % (tested). Bondarenko et al. and their SHiP code use 0.2312–0.2313.
* Hadrons (keyword ``hadrons``):

  - ``"matched"`` (default; ``"auto"`` is an alias): the exclusive single-meson channels
    (π, K, D, D_s, B, B_c, η, η′, η_c, ρ, K*, D*, D_s*, ω, φ, J/ψ) below the matching mass
    ``m_match`` = `M_MATCH` = 1 GeV and the inclusive quark rate with the QCD correction
    1 + α_s/π + 5.2 (α_s/π)² + 26.4 (α_s/π)³ at and above it: the prescription of Bondarenko
    et al. §3 (single mesons below ~1 GeV; above, multi-hadron states matter and the
    QCD-corrected quark rate estimates the total hadronic width), as the same authors coded it
    for SHiP (FairShip ``python/hnl.py``: quark channels only for M_N ≥ 1 GeV, hadronic width
    max(meson sum, quark sum), which is the quark sum at every M_N ≥ 1 GeV because the meson
    sum is at most 0.92 of it there, 0.16–0.22 at 5 GeV). The hadronic width jumps up at
    m_match (+14 % for U_e, U_μ, +29 % for U_τ at 1 GeV): the uncertainty of either
    description there.
  - ``"exclusive"``: the meson sum at every mass (what Cline, Puel, Toma 2020 used, Fig. 4);
  - ``"inclusive"``: the quark rate at every mass (not meaningful below ~1 GeV);
  - ``"blend"``: the earlier ad-hoc choice, exclusive below 1 GeV, inclusive above 2 GeV and a
    linear-in-log M interpolation of the two weights in between (no published basis; kept for
    comparison).
* Above M_W (M_Z, m_h) the on-shell two-body decays ℓW, νZ, νh (Γ = G_F M³|U|²/(8√2π) ×
  (1 − x_W²)²(1 + 2x_W²), and half that with x_Z, resp. (1 − x_h²)²) replace the Fermi-theory
  three-body rates mediated by the same boson. The Fermi rates neglect the W/Z propagator, so
  they overestimate by (1 − M²/M_W²)⁻² -ish near threshold: trust widths to ~20 % for
  0.5 M_W < M < M_W.

Examples
--------
>>> import numpy as np
>>> from darkseesaw.observables import hnl_decays as hd
>>> tau = hd.lifetime_s(1.0, np.array([1.0, 0.0, 0.0]))   # M = 1 GeV, |U_e|^2 = 1, Dirac
>>> bool(1e-12 < tau < 1e-10)
True
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables import widths
from darkseesaw.observables.qcd import alpha_s, qcd_factor

__all__ = [
    "partial_widths", "total_width", "lifetime_s", "decay_length_m", "branching_ratios",
    "classify", "I_cc", "gamma_lla_exact", "gamma_nu_ll", "alpha_s", "reduced_widths",
    "M_MATCH", "HADRONS",
]

FLAVOURS = ("e", "mu", "tau")
_ML = np.array([ph.m_e, ph.m_mu, ph.m_tau])
_SW2 = ph.sin2_theta_W
"""sin²θ_W of the neutral-current couplings: MS-bar ŝ²(M_Z) (see the module docstring)."""
M_MATCH = 1.0
"""Matching mass [GeV] of ``hadrons="matched"``: exclusive mesons below, QCD-corrected quarks
at and above (Bondarenko et al. 2018; FairShip ``hnl.py``)."""
M_EXCL = 1.0
M_INCL = 2.0
"""End points [GeV] of the log-linear interpolation of ``hadrons="blend"``."""
HADRONS = ("matched", "exclusive", "inclusive", "blend")
"""The hadronic treatments (``"auto"`` = ``"matched"``)."""

# charged pseudoscalars and vectors: (name, CKM key)
_CHARGED_P = (("pi+", "ud"), ("K+", "us"), ("D+", "cd"), ("Ds+", "cs"), ("B+", "ub"),
              ("Bc+", "cb"))
_NEUTRAL_P = ("pi0", "eta", "eta'", "eta_c")
_CHARGED_V = (("rho+", "ud"), ("K*+", "us"), ("D*+", "cd"), ("Ds*+", "cs"))
# neutral vectors with kappa_h(s_W^2) (Bondarenko et al. eq. 3.9)
_NEUTRAL_V = {
    "rho0": lambda s2: 1.0 - 2.0 * s2,
    "omega": lambda s2: 4.0 / 3.0 * s2,
    "phi": lambda s2: 4.0 / 3.0 * s2 - 1.0,
    "J/psi": lambda s2: 1.0 - 8.0 / 3.0 * s2,
}
# quarks: (T3, Q, mass)
_QUARKS = {
    "u": (0.5, 2.0 / 3.0, ph.m_u), "d": (-0.5, -1.0 / 3.0, ph.m_d),
    "s": (-0.5, -1.0 / 3.0, ph.m_s), "c": (0.5, 2.0 / 3.0, ph.m_c),
    "b": (-0.5, -1.0 / 3.0, ph.m_b),
}
_CC_QUARKS = (("u", "d"), ("u", "s"), ("c", "d"), ("c", "s"), ("u", "b"), ("c", "b"))


# ------------------------------------------------------------------------------- kinematics
def _lam(a: Any, b: Any, c: Any) -> Any:
    """Källén function λ(a, b, c)."""
    return a * a + b * b + c * c - 2 * a * b - 2 * a * c - 2 * b * c


def _sqrt_lam(a: Any, b: Any, c: Any) -> np.ndarray:
    return np.sqrt(np.clip(_lam(a, b, c), 0.0, None))


@functools.lru_cache(maxsize=4)
def _gl_nodes(n: int) -> tuple[np.ndarray, np.ndarray]:
    t, w = np.polynomial.legendre.leggauss(n)
    return t, w


def I_cc(xu: ArrayLike, xd: ArrayLike, xl: ArrayLike, n: int = 48) -> np.ndarray:
    """Three-body charged-current phase-space function I(x_u, x_d, x_l) (dimensionless).

    The arguments are mass ratios m/M (dimensionless).

    I = 12 ∫_{(x_d+x_l)²}^{(1−x_u)²} dx/x (x − x_l² − x_d²)(1 + x_u² − x)
        λ^{1/2}(x, x_l², x_d²) λ^{1/2}(1, x, x_u²)        (Bondarenko et al. eq. 3.16)

    so that Γ(N → ℓ_α⁻ u d̄) = N_c |V_ud|² |U_α|² G_F² M⁵/(192π³) I(m_u/M, m_d/M, m_ℓ/M);
    I(0, 0, 0) = 1. Evaluated by Gauss–Legendre quadrature in θ with
    x = a + (b − a)(1 − cos θ)/2, which removes the square-root end points (relative accuracy
    better than 1e-10 with the default 48 nodes). Vectorised over broadcast inputs.
    """
    xu, xd, xl = np.broadcast_arrays(*(np.asarray(v, float) for v in (xu, xd, xl)))
    a = (xd + xl) ** 2
    b = np.clip(1.0 - xu, 0.0, None) ** 2
    ok = b > a
    t, w = _gl_nodes(n)
    th = (t + 1.0) * (math.pi / 2.0)  # θ in [0, π]
    wt = w * (math.pi / 2.0)
    A, B = a[..., None], b[..., None]
    x = A + (B - A) * (1.0 - np.cos(th)) / 2.0
    jac = (B - A) * np.sin(th) / 2.0
    xu_, xd_, xl_ = xu[..., None], xd[..., None], xl[..., None]
    f = (12.0 / np.where(x > 0, x, 1.0) * (x - xl_**2 - xd_**2) * (1.0 + xu_**2 - x)
         * _sqrt_lam(x, xl_**2, xd_**2) * _sqrt_lam(1.0, x, xu_**2))
    val = np.sum(f * jac * wt, axis=-1)
    return np.where(ok, val, 0.0)


def gamma_lla_exact(M: ArrayLike, m_alpha: ArrayLike, m_beta: ArrayLike) -> np.ndarray:
    """Γ(N → ℓ_α⁻ ℓ_β⁺ ν_β) / (|U_α|² G_F² M⁵/(192π³)): eq. A.4 of Cline, Puel, Toma (2020).

    Dimensionless; M, m_α, m_β in one unit (GeV). Closed form with both charged-lepton masses; reduces to eq. A.3,
    1 − 8x² + 8x⁶ − x⁸ − 12x⁴ ln x² (x = m_α/M), when m_β → 0. Requires m_α, m_β > 0; for a
    massless lepton use `I_cc` (identical in value).

    Examples
    --------
    >>> from darkseesaw import physics as ph
    >>> round(float(gamma_lla_exact(1.0, ph.m_mu, ph.m_e)), 6)
    0.917422
    """
    xa = np.asarray(m_alpha, float) / np.asarray(M, float)
    xb = np.asarray(m_beta, float) / np.asarray(M, float)
    a2, b2 = xa**2, xb**2
    ok = xa + xb < 1.0
    sq = np.sqrt(np.clip((1 - (xb - xa) ** 2) * (1 - (xb + xa) ** 2), 0.0, None))
    d = np.abs(b2 - a2)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = 12 * d * (b2 + a2) * np.log((b2 + a2 - (b2 - a2) ** 2 - d * sq) / (2 * xb * xa))
        t2 = -12 * (b2**2 + a2**2 - 2 * b2**2 * a2**2) * np.log((1 - b2 - a2 - sq) / (2 * xb * xa))
    t3 = sq * (1 - 7 * (b2 + a2) * (1 + b2 * a2) - 7 * (b2**2 + a2**2) + 12 * b2 * a2
               + b2**3 + a2**3)
    return np.where(ok, np.nan_to_num(t1) + np.nan_to_num(t2) + t3, 0.0)


def gamma_nu_ll(x: ArrayLike, gL: float | np.ndarray, gR: float | np.ndarray) -> np.ndarray:
    """Γ(N → ν f f̄)/(G_F² M⁵/(192π³)) for one fermion f of mass x M (Bondarenko eq. 3.5).

    Dimensionless: ``x`` = m_f/M, ``gL``, ``gR`` the neutral-current couplings of f.

    = C₁[(1 − 14x² − 2x⁴ − 12x⁶)√(1−4x²) + 12x⁴(x⁴ − 1) L]
      + 4C₂[x²(2 + 10x² − 12x⁴)√(1−4x²) + 6x⁴(1 − 2x² + 2x⁴) L],
    C₁ = g_L² + g_R², C₂ = g_L g_R, L = ln[(1 − 3x² − (1 − x²)√(1−4x²))/(x²(1 + √(1−4x²)))].
    """
    x = np.asarray(x, float)
    ok = 2 * x < 1.0
    xs = np.where(ok, x, 0.25)
    s = np.sqrt(1 - 4 * xs**2)
    # 1 − 3x² − (1 − x²)s = 4x⁶/(1 − 3x² + (1 − x²)s): no cancellation at small x
    with np.errstate(divide="ignore", invalid="ignore"):
        L = np.log(4 * xs**4 / ((1 - 3 * xs**2 + (1 - xs**2) * s) * (1 + s)))
    L = np.where(xs > 0, L, 0.0)
    c1, c2 = gL**2 + gR**2, gL * gR
    val = (c1 * ((1 - 14 * xs**2 - 2 * xs**4 - 12 * xs**6) * s + 12 * xs**4 * (xs**4 - 1) * L)
           + 4 * c2 * (xs**2 * (2 + 10 * xs**2 - 12 * xs**4) * s
                       + 6 * xs**4 * (1 - 2 * xs**2 + 2 * xs**4) * L))
    return np.where(ok, val, 0.0)


def _inclusive_weight(M: ArrayLike, hadrons: str, m_match: float = M_MATCH) -> np.ndarray:
    """Weight of the inclusive quark description (0: exclusive mesons, 1: quarks)."""
    M = np.asarray(M, float)
    if hadrons in ("matched", "auto"):
        return (M >= m_match).astype(float)
    if hadrons == "exclusive":
        return np.zeros_like(M)
    if hadrons == "inclusive":
        return np.ones_like(M)
    if hadrons != "blend":
        raise ValueError(f"hadrons must be one of {HADRONS} (or 'auto'), not {hadrons!r}")
    t = (np.log(M) - math.log(M_EXCL)) / (math.log(M_INCL) - math.log(M_EXCL))
    return np.clip(t, 0.0, 1.0)


# ------------------------------------------------------------------------------- reduced widths
def reduced_widths(M: ArrayLike, *, hadrons: str = "matched", m_match: float = M_MATCH,
                   sin2_theta_w: float | None = None,
                   scalar: tuple[float, float] | None = None) -> dict[str, np.ndarray]:
    """Widths per unit |U_α|² [GeV], Dirac HNL: dict channel → array (..., 3) over α = e, μ, τ.

    Parameters
    ----------
    M : array_like
        HNL mass [GeV] (any shape).
    hadrons : {"matched", "exclusive", "inclusive", "blend"}
        Hadronic description (module docstring); ``"auto"`` = ``"matched"``.
    m_match : float
        Matching mass [GeV] of ``hadrons="matched"`` (default `M_MATCH` = 1 GeV).
    sin2_theta_w : float or None
        sin²θ_W of the neutral-current couplings (default: MS-bar `physics.sin2_theta_W`).
    scalar : (m_s, g_s) or None
        Mass m_s [GeV] and coupling g_s (dimensionless) of a singlet scalar s lighter than N:
        the coupling g_s s N̄N opens N → ν s
        (Γ = g_s² |U_α|² M (1 − m_s²/M²)²/(32π), Cline et al. §4.1.1).
    """
    M = np.asarray(M, float)[..., None]
    GF2 = ph.G_F**2
    base = GF2 * M**5 / (192 * math.pi**3)
    xl = _ML / M
    out: dict[str, np.ndarray] = {}
    one = np.ones(3)

    out["nu gamma"] = 9 * ph.alpha_0 * GF2 * M**5 / (512 * math.pi**4) * one
    out["nu nu nu"] = base * one

    # charged leptons, CC only (alpha != beta): N -> l_alpha^- l_beta^+ nu_beta
    for a, fa in enumerate(FLAVOURS):
        for b, fb in enumerate(FLAVOURS):
            if a == b:
                continue
            ch = np.zeros(np.broadcast_shapes(M.shape, (3,)))
            ch[..., a] = base[..., 0] * I_cc(xl[..., b], 0.0, xl[..., a])
            out[f"{fa} {fb} nu"] = ch

    sw2 = _SW2 if sin2_theta_w is None else float(sin2_theta_w)
    # nu l_beta l_beta: NC, plus CC interference for alpha == beta
    for b, fb in enumerate(FLAVOURS):
        gl, gr = -0.5 + sw2, sw2
        same = np.where(M[..., 0] < ph.M_W, gamma_nu_ll(xl[..., b], gl + 1.0, gr),
                        gamma_nu_ll(xl[..., b], gl, gr))
        other = gamma_nu_ll(xl[..., b], gl, gr)
        arr = np.stack([np.where(a == b, same, other) for a in range(3)], axis=-1)
        out[f"nu {fb} {fb}"] = base * arr

    w_inc = _inclusive_weight(M[..., 0], hadrons, m_match)[..., None]
    w_exc = 1.0 - w_inc
    # exclusive: charged pseudoscalars
    for P, ckm in _CHARGED_P:
        mP, fP, V = ph.meson_masses[P], ph.meson_decay_constants[P], ph.V_CKM[ckm]
        xh = mP / M
        g = (GF2 * fP**2 * V**2 * M**3 / (16 * math.pi)
             * ((1 - xl**2) ** 2 - xh**2 * (1 + xl**2)) * _sqrt_lam(1.0, xh**2, xl**2))
        out[f"l {P}"] = w_exc * np.where(M > mP + _ML, g, 0.0)
    for P in _NEUTRAL_P:
        mP, fP = ph.meson_masses[P], ph.meson_decay_constants[P]
        xh = mP / M
        g = GF2 * fP**2 * M**3 / (32 * math.pi) * (1 - xh**2) ** 2
        out[f"nu {P}"] = w_exc * np.where(M > mP, g, 0.0) * one
    for Vn, ckm in _CHARGED_V:
        mV, gV, V = ph.meson_masses[Vn], ph.meson_decay_constants[Vn] * ph.meson_masses[Vn], \
            ph.V_CKM[ckm]
        xh = mV / M
        g = (GF2 * gV**2 * V**2 * M**3 / (16 * math.pi * mV**2)
             * ((1 - xl**2) ** 2 + xh**2 * (1 + xl**2) - 2 * xh**4)
             * _sqrt_lam(1.0, xh**2, xl**2))
        out[f"l {Vn}"] = w_exc * np.where(M > mV + _ML, g, 0.0)
    for Vn, kappa in _NEUTRAL_V.items():
        kap = kappa(sw2)
        mV = ph.meson_masses[Vn]
        gV = ph.meson_decay_constants[Vn] * mV
        xh = mV / M
        g = (GF2 * kap**2 * gV**2 * M**3 / (32 * math.pi * mV**2) * (1 + 2 * xh**2)
             * (1 - xh**2) ** 2)
        out[f"nu {Vn}"] = w_exc * np.where(M > mV, g, 0.0) * one

    # inclusive quarks with QCD correction
    if np.any(w_inc > 0):
        qcd = qcd_factor(M[..., 0])[..., None]
        for qu, qd in _CC_QUARKS:
            V = ph.V_CKM[qu + qd]
            xu, xd = _QUARKS[qu][2] / M, _QUARKS[qd][2] / M
            g = 3 * V**2 * base * I_cc(xu * one, xd * one, xl) * qcd
            out[f"l {qu} {qd}"] = w_inc * g
        for q, (t3, Q, mq) in _QUARKS.items():
            g = 3 * base * gamma_nu_ll(mq / M, t3 - Q * sw2, -Q * sw2) * qcd * one
            out[f"nu {q} {q}"] = w_inc * g

    # above the W (Z) mass: on-shell two-body decays replace the Fermi-theory three-body rates
    below_W = (M < ph.M_W).astype(float)
    below_Z = (M < ph.M_Z).astype(float)
    for k in list(out):
        cls = k.split()
        if (len(cls) == 3 and cls[2] == "nu" and cls[0] in FLAVOURS) or (cls[0] == "l"
                                                                        and len(cls) == 3):
            out[k] = out[k] * below_W
        elif k == "nu nu nu" or (cls[0] == "nu" and len(cls) == 3):
            out[k] = out[k] * below_Z
    pref = ph.G_F * M**3 / (8 * math.sqrt(2) * math.pi)
    xW2, xZ2, xh2 = (ph.M_W / M) ** 2, (ph.M_Z / M) ** 2, (ph.m_h / M) ** 2
    out["l W"] = np.where(M > ph.M_W, pref * (1 - xW2) ** 2 * (1 + 2 * xW2), 0.0) * one
    out["nu Z"] = np.where(M > ph.M_Z, pref / 2 * (1 - xZ2) ** 2 * (1 + 2 * xZ2), 0.0) * one
    out["nu h"] = np.where(M > ph.m_h, pref / 2 * (1 - xh2) ** 2, 0.0) * one

    if scalar is not None:
        m_s, g_s = scalar
        xs = m_s / M
        g = g_s**2 * M / (32 * math.pi) * np.clip(1 - xs**2, 0, None) ** 2
        out["nu s"] = np.where(M > m_s, g, 0.0) * one
    return out


def partial_widths(M: ArrayLike, U2: ArrayLike, *, majorana: bool = False,
                   hadrons: str = "matched", m_match: float = M_MATCH,
                   sin2_theta_w: float | None = None,
                   scalar: tuple[float, float] | None = None) -> dict[str, np.ndarray]:
    """Partial widths [GeV] of an HNL of mass M with mixings |U_α|².

    Parameters
    ----------
    M : array_like
        HNL mass [GeV], shape (...) — 1 MeV to 100 GeV (hadronic channels need M > m_π).
    U2 : array_like
        |U_eN|², |U_μN|², |U_τN|² (dimensionless) on the last axis, shape (..., 3), broadcast
        against M.
    majorana : bool
        Majorana HNL (charge-conjugate channels added: all widths × 2).
    hadrons : {"matched", "exclusive", "inclusive", "blend"}
        Hadronic description (module notes); default ``"matched"`` at ``m_match``.
    m_match : float
        Matching mass [GeV] of ``hadrons="matched"`` (default 1 GeV).
    sin2_theta_w : float or None
        sin²θ_W of the neutral-current couplings (default MS-bar ŝ²(M_Z) = 0.23129).
    scalar : (m_s [GeV], g_s) or None
        Opens N → ν s (see `reduced_widths`).

    Returns
    -------
    dict
        Channel name → width [GeV], shape broadcast(M, U2[..., 0]).

    Channel names: "nu gamma", "nu nu nu", "{α} {β} nu" (ℓ_α⁻ ℓ_β⁺ ν_β), "nu {β} {β}",
    "l {P}" (ℓ⁻ P⁺ summed over α), "nu {P0}", "l {V}", "nu {V0}", "l {u} {d}", "nu {q} {q}",
    "nu s".

    Examples
    --------
    >>> import numpy as np
    >>> w = partial_widths(0.5, np.array([0.0, 1e-6, 0.0]))
    >>> sorted(w, key=w.get)[-1]
    'l pi+'
    """
    U2 = np.asarray(U2, float)
    red = reduced_widths(M, hadrons=hadrons, m_match=m_match, sin2_theta_w=sin2_theta_w,
                         scalar=scalar)
    f = 2.0 if majorana else 1.0
    return {k: f * np.sum(v * U2, axis=-1) for k, v in red.items()}


def total_width(M: ArrayLike, U2: ArrayLike, **kw: Any) -> np.ndarray | float:
    """Total width [GeV] (sum of `partial_widths`; same arguments: M [GeV], U2 = |U_αN|²)."""
    return sum(partial_widths(M, U2, **kw).values())


def lifetime_s(M: ArrayLike, U2: ArrayLike, **kw: Any) -> np.ndarray | float:
    """Proper lifetime τ = ħ/Γ [s] of an HNL of mass M [GeV] with mixings U2 = |U_αN|²
    (keywords of `partial_widths`)."""
    return ph.width_to_lifetime_s(total_width(M, U2, **kw))


def decay_length_m(M: ArrayLike, U2: ArrayLike, E: ArrayLike, **kw: Any) -> np.ndarray:
    """Mean decay length in the lab, L = (p/M) c τ [m], for an HNL of mass M [GeV], mixings
    U2 = |U_αN|² and energy E [GeV] (keywords of `partial_widths`): `total_width` passed to
    the generic `darkseesaw.observables.widths.decay_length_m`."""
    return widths.decay_length_m(total_width(M, U2, **kw), M, E)


_CLASSES = {
    "l W": "l W", "nu Z": "nu Z", "nu h": "nu h",
    "nu gamma": "nu gamma",
    "nu nu nu": "3 nu",
    "nu s": "nu s",
}


def classify(channel: str) -> str:
    """Final-state class: 'nu gamma', '3 nu', 'nu l l' (charged leptons), 'l hadrons',
    'nu hadrons', 'nu s'."""
    if channel in _CLASSES:
        return _CLASSES[channel]
    parts = channel.split()
    leptons = {"e", "mu", "tau"}
    if parts[0] == "nu" and len(parts) == 3 and parts[1] in leptons:
        return "nu l l"
    if len(parts) == 3 and parts[0] in leptons and parts[2] == "nu":
        return "nu l l"
    if parts[0] == "l":
        return "l hadrons"
    return "nu hadrons"


def branching_ratios(M: ArrayLike, U2: ArrayLike, *, by: str = "channel", **kw: Any
                     ) -> dict[str, np.ndarray]:
    """Branching ratios (dimensionless) by channel (``by="channel"``) or by final-state class
    (``by="class"``) of an HNL of mass M [GeV] with mixings U2 = |U_αN|² (keywords of
    `partial_widths`)."""
    w = partial_widths(M, U2, **kw)
    tot = sum(w.values())
    if by == "channel":
        return {k: v / tot for k, v in w.items()}
    out: dict[str, np.ndarray] = {}
    for k, v in w.items():
        c = classify(k)
        out[c] = out.get(c, 0.0) + v / tot
    return out
