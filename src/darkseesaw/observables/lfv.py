"""Charged-lepton flavour violation from heavy neutral leptons at one loop (W, Z, γ, boxes).

The neutral leptons n_i (i = 1 … K: light and heavy Majorana mass eigenstates, masses m_i) couple
to the W through the rectangular 3 × K mixing matrix B_{αi} (B = the first three rows of the
unitary matrix that diagonalises the full neutral mass matrix; for the three light states
B ≈ U_PMNS). With x_i = m_i²/M_W² and C_ij = Σ_α B*_{αi} B_{αj}:

* μ → eγ (Ilakovac & Pilaftsis, NPB 437 (1995) 491; Alonso, Dhen, Gavela, Hambye,
  JHEP 01 (2013) 118 [arXiv:1209.2679], eqs. 11, 15):

      BR(μ → eγ) = (3α/2π) |G_γ^{μe}|²,   G_γ^{μe} = Σ_i B_{ei} B*_{μi} G_γ(x_i),
      G_γ(x) = −(2x³ + 5x² − x)/(4(1 − x)³) − 3x³ ln x/(2(1 − x)⁴),

  normalised to Γ(μ → eνν̄) = G_F² m_μ⁵/(192π³). For x ≪ 1, G_γ → x/4 and the rate becomes
  eq. 4.20 of Cline, Puel, Toma (2020): (3α/32π) |Σ U_μi U*_ei M_i²/M_W²|².
* μ → eee (Alonso et al. eq. 21 with the form factors F_γ, F_Z, F_box of their eqs. 12–20),
  whose small-mass limit is eq. 4.21 of Cline et al.

Examples
--------
>>> import numpy as np
>>> B = np.array([[1e-3], [2e-3], [0.0]]) ; m = np.array([4.5])
>>> br = br_mu_e_gamma(B, m)              # x ≪ 1: ≈ (3α/32π)|B_e B_μ*|² x², eq. 4.20 of 1909.12300
>>> round(float(br) * 1e21, 2)
8.46
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = ["G_gamma", "F_gamma", "F_Z", "G_Z", "H_Z", "F_Xbox", "G_Box",
           "br_mu_e_gamma", "br_l_lp_gamma", "br_mu_3e", "br_mu_3e_from_form_factors",
           "dirac_pair_columns", "F_Box", "cr_mu_e",
           "cr_mu_e_from_form_factors"]

_DELTA = 1e-4  # symmetric split for degenerate arguments (error O(δ²))
ALPHA_W = math.sqrt(2) * ph.G_F * ph.M_W**2 / math.pi
"""α_W = g²/4π in the G_F scheme."""


def _xlog(x: ArrayLike, p: int = 1) -> np.ndarray:
    """x^p ln x with the x → 0 limit 0."""
    x = np.asarray(x, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > 0, x**p * np.log(np.where(x > 0, x, 1.0)), 0.0)


def _avoid_one(x: ArrayLike) -> np.ndarray:
    x = np.asarray(x, float)
    return np.where(np.abs(x - 1.0) < 1e-5, 1.0 + 1e-5, x)


def G_gamma(x: ArrayLike) -> np.ndarray:
    """Dipole loop function G_γ(x) of x = m²/M_W² (dimensionless); G_γ(0) = 0, G_γ → x/4 (x ≪ 1), → 1/2 (x → ∞)."""
    x = _avoid_one(x)
    return -(2 * x**3 + 5 * x**2 - x) / (4 * (1 - x) ** 3) - 3 * _xlog(x, 3) / (2 * (1 - x) ** 4)


def F_gamma(x: ArrayLike) -> np.ndarray:
    """Photon-penguin (charge-radius) form factor F_γ(x) (Alonso et al. eq. 17); x = m²/M_W²,
    dimensionless."""
    x = _avoid_one(x)
    return ((7 * x**3 - x**2 - 12 * x) / (12 * (1 - x) ** 3)
            - (_xlog(x, 4) - 10 * _xlog(x, 3) + 12 * _xlog(x, 2)) / (6 * (1 - x) ** 4))


def F_Z(x: ArrayLike) -> np.ndarray:
    """Z-penguin function F_Z(x) = −5x/(2(1−x)) − 5x² ln x/(2(1−x)²); x = m²/M_W², dimensionless."""
    x = _avoid_one(x)
    return -5 * x / (2 * (1 - x)) - 5 * _xlog(x, 2) / (2 * (1 - x) ** 2)


def _sym2(f: Callable[[np.ndarray, np.ndarray], np.ndarray], x: ArrayLike, y: ArrayLike
          ) -> np.ndarray:
    """Evaluate f(x, y) with a symmetric split where x ≈ y (removable singularity)."""
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    close = np.abs(x - y) <= _DELTA * np.maximum(np.abs(x), np.abs(y))
    both0 = (x == 0) & (y == 0)
    xm = np.where(close, np.where(both0, 0.0, x * (1 + _DELTA)), x)
    ym = np.where(close, np.where(both0, 0.0, y * (1 - _DELTA)), y)
    xm, ym = _avoid_one(xm), _avoid_one(ym)
    with np.errstate(divide="ignore", invalid="ignore"):
        val = f(xm, ym)
    return np.where(both0, 0.0, val)


def G_Z(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """G_Z(x, y) = −1/(2(x−y)) [x²(1−y) ln x/(1−x) − y²(1−x) ln y/(1−y)]; x, y = m²/M_W²."""
    return _sym2(lambda x, y: -1 / (2 * (x - y)) * (_xlog(x, 2) * (1 - y) / (1 - x)
                                                    - _xlog(y, 2) * (1 - x) / (1 - y)), x, y)


def H_Z(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """H_Z(x, y) = √(xy)/(4(x−y)) [(x² − 4x) ln x/(1−x) − (y² − 4y) ln y/(1−y)]; x, y = m²/M_W²."""
    return _sym2(lambda x, y: np.sqrt(x * y) / (4 * (x - y))
                 * ((_xlog(x, 2) - 4 * _xlog(x)) / (1 - x) - (_xlog(y, 2) - 4 * _xlog(y)) / (1 - y)),
                 x, y)


def _k(x: np.ndarray, p: int) -> np.ndarray:
    """1/(1−x) + x^p ln x/(1−x)²."""
    return 1 / (1 - x) + _xlog(x, p) / (1 - x) ** 2


def _kdiff(x: np.ndarray, y: np.ndarray, p: int) -> np.ndarray:
    """(k(x, p) − k(y, p))/(x − y), with the 1/(1 − x) parts subtracted analytically.

    1/(1−x) − 1/(1−y) = (x − y)/((1−x)(1−y)) exactly: taken as a difference of rounded values
    it vanishes for x, y ≲ 10⁻¹⁶ (light neutrinos, x ~ 10⁻²⁶) and the box functions collapse to
    0 instead of their finite limits (F_Xbox → −1, F_Box → 4).
    """
    return 1 / ((1 - x) * (1 - y)) + (_xlog(x, p) / (1 - x) ** 2
                                      - _xlog(y, p) / (1 - y) ** 2) / (x - y)


def F_Xbox(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Box function F_Xbox(x, y) (Alonso et al. eq. 19); F_Xbox(0, 0) = −1; x, y = m²/M_W²."""
    def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return -((1 + x * y / 4) * _kdiff(x, y, 2) - 2 * x * y * _kdiff(x, y, 1))
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    out = _sym2(f, x, y)
    # both arguments zero: limit of the derivative form, d/dx[x² ln x/(1−x)² + 1/(1−x)] at 0 = 1
    return np.where((x == 0) & (y == 0), -1.0, out)


def G_Box(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Box function G_Box(x, y) (Alonso et al. eq. 20), ∝ √(xy) (Majorana mass insertions);
    x, y = m²/M_W²."""
    return _sym2(lambda x, y: -np.sqrt(x * y)
                 * ((4 + x * y) * _kdiff(x, y, 1) - 2 * _kdiff(x, y, 2)), x, y)


# ------------------------------------------------------------------------------- helpers
def dirac_pair_columns(theta: ArrayLike, M: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Mixing columns and masses of Dirac HNLs as pairs of degenerate Majorana states.

    A Dirac HNL of mass M with heavy–light mixing Θ_α equals two Majorana states of mass M with
    mixings Θ_α/√2 and iΘ_α/√2. ``theta`` (..., 3, n) is dimensionless, ``M`` (n,) in GeV.
    Returns (B, m) with B of shape (..., 3, 2n), m [GeV] of shape (2n,).
    """
    theta = np.asarray(theta, complex)
    M = np.atleast_1d(np.asarray(M, float))
    B = np.concatenate([theta / math.sqrt(2), 1j * theta / math.sqrt(2)], axis=-1)
    return B, np.concatenate([M, M])


def _x(m: ArrayLike) -> np.ndarray:
    return (np.asarray(m, float) / ph.M_W) ** 2


def br_l_lp_gamma(B: ArrayLike, m: ArrayLike, a: int = 1, b: int = 0) -> np.ndarray:
    """BR(ℓ_a → ℓ_b γ) normalised to Γ(ℓ_a → ℓ_b ν ν̄) = G_F² m_a⁵/(192π³).

    Parameters
    ----------
    B : complex array (..., 3, K)
        Mixing of the flavours e, μ, τ with the K neutral mass eigenstates (light states may be
        included: they contribute G_γ(0) = 0).
    m : array (K,) or (..., K)
        Masses of the neutral states [GeV].
    a, b : int
        Flavour indices (0 = e, 1 = μ, 2 = τ); default μ → eγ.

    Returns
    -------
    ndarray
        BR(ℓ_a → ℓ_b γ) / BR(ℓ_a → ℓ_b ν ν̄) (dimensionless); for μ → eγ this is the branching
        ratio.
    """
    B = np.asarray(B, complex)
    G = np.sum(B[..., b, :] * np.conj(B[..., a, :]) * G_gamma(_x(m)), axis=-1)
    return 3 * ph.alpha_0 / (2 * math.pi) * np.abs(G) ** 2


def br_mu_e_gamma(B: ArrayLike, m: ArrayLike) -> np.ndarray:
    """BR(μ → eγ) (see `br_l_lp_gamma`: mixing ``B`` (..., 3, K), masses ``m`` [GeV])."""
    return br_l_lp_gamma(B, m, 1, 0)


def br_mu_3e(B: ArrayLike, m: ArrayLike) -> np.ndarray:
    """BR(μ → e e e⁺) from neutral-lepton loops (Alonso et al. 2013, eq. 21).

    ``B`` (..., 3, K) is the mixing of e, μ, τ with the K neutral states of masses ``m`` [GeV]
    (as in `br_l_lp_gamma`); the branching ratio is dimensionless.

    BR = α_W²/(64π²) {2|½F_box + F_Z − 2s_W²(F_Z − F_γ)|² + 4s_W⁴|F_Z − F_γ|²
         + 16 s_W² Re[(F_Z − ½F_box) G_γ*] − 48 s_W⁴ Re[(F_Z − F_γ) G_γ*]
         + 32 s_W⁴ |G_γ|² (ln(m_μ²/m_e²) − 11/4)},
    with α_W = √2 G_F M_W²/π, on-shell s_W², and the form factors
    F_γ = Σ B_ei B*_μi F_γ(x_i), G_γ = Σ B_ei B*_μi G_γ(x_i),
    F_Z = Σ_ij B_ei B*_μj [δ_ij F_Z(x_j) + C_ij G_Z(x_i, x_j) + C*_ij H_Z(x_i, x_j)],
    F_box = Σ_ij B_ei B*_μj [B_ei B*_ej G_Box(x_i, x_j) − 2 B*_ei B_ej F_Xbox(x_i, x_j)].
    The sums run over all neutral states: include the light ones (masses ≈ 0) — the heavy–light
    C_ij terms are of the same order as the heavy–heavy ones.
    """
    B = np.asarray(B, complex)
    x = _x(m)
    e, mu = B[..., 0, :], B[..., 1, :]
    C = np.einsum("...ai,...aj->...ij", np.conj(B), B)
    xi, xj = x[..., :, None], x[..., None, :]
    Fg = np.sum(e * np.conj(mu) * F_gamma(x), axis=-1)
    Gg = np.sum(e * np.conj(mu) * G_gamma(x), axis=-1)
    emu = e[..., :, None] * np.conj(mu)[..., None, :]
    FZ = (np.sum(e * np.conj(mu) * F_Z(x), axis=-1)
          + np.sum(emu * (C * G_Z(xi, xj) + np.conj(C) * H_Z(xi, xj)), axis=(-2, -1)))
    # F_box = Σ_ij B_ei B*_μj [B_ei B*_ej G_Box(x_i, x_j) − 2 B*_ei B_ej F_Xbox(x_i, x_j)]
    t1 = (e[..., :, None] * np.conj(e)[..., None, :]) * G_Box(xi, xj)
    t2 = (np.conj(e)[..., :, None] * e[..., None, :]) * F_Xbox(xi, xj)
    box = np.sum(emu * (t1 - 2 * t2), axis=(-2, -1))
    return br_mu_3e_from_form_factors(Fg, Gg, FZ, box)


def br_mu_3e_from_form_factors(Fg: complex | np.ndarray, Gg: complex | np.ndarray,
                               FZ: complex | np.ndarray, Fbox: complex | np.ndarray
                               ) -> np.ndarray:
    """BR(μ → eee) from the (dimensionless, complex) form factors F_γ, G_γ, F_Z, F_box (Alonso
    et al. eq. 21).

    With only the dipole G_γ it reduces to the classic
    BR(μ → eee)/BR(μ → eγ) = α/(3π) (ln(m_μ²/m_e²) − 11/4).
    """
    s2 = ph.sin2_theta_W_onshell
    aW = ALPHA_W
    lg = math.log(ph.m_mu**2 / ph.m_e**2) - 11 / 4
    val = (2 * np.abs(Fbox / 2 + FZ - 2 * s2 * (FZ - Fg)) ** 2
           + 4 * s2**2 * np.abs(FZ - Fg) ** 2
           + 16 * s2 * np.real((FZ - Fbox / 2) * np.conj(Gg))
           - 48 * s2**2 * np.real((FZ - Fg) * np.conj(Gg))
           + 32 * s2**2 * np.abs(Gg) ** 2 * lg)
    return aW**2 / (64 * math.pi**2) * val


def F_Box(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    """Box function F_Box(x, y) of μ–e conversion on u quarks (Alonso et al. eq. 19); x, y =
    m²/M_W²."""
    def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return (4 + x * y / 4) * _kdiff(x, y, 2) - 2 * x * y * _kdiff(x, y, 1)
    x, y = np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float))
    out = _sym2(f, x, y)
    return np.where((x == 0) & (y == 0), 4.0, out)


def cr_mu_e(B: ArrayLike, m: ArrayLike, nucleus: str = "Al") -> np.ndarray:
    """Coherent μ–e conversion rate normalised to muon capture (Alonso et al. 2013, eq. 25).

    ``B`` (..., 3, K): mixing of e, μ, τ with the K neutral states of masses ``m`` [GeV];
    ``nucleus`` a key of `darkseesaw.physics.mu_e_conversion_nuclei`. The ratio is
    dimensionless:

    CR = 2 G_F² α_W² m_μ⁵/((4π)² Γ_capt) |4V⁽ᵖ⁾(2F̃_u + F̃_d) + 4V⁽ⁿ⁾(F̃_u + 2F̃_d)
         + s_W² G_γ D/(2e)|²,
    F̃_u = ⅔ s_W² F_γ + F_Z(¼ − ⅔ s_W²) + ¼ F_box^{μeuu},
    F̃_d = −⅓ s_W² F_γ − F_Z(¼ − ⅓ s_W²) + ¼ F_box^{μedd},
    F_box^{μeuu} = Σ_i B_ei B*_μi [F_Box(x_i, 0) − F_Box(0, 0)] (d-type quarks massless),
    F_box^{μedd} = Σ_i B_ei B*_μi Σ_q |V_qd|² [F_Xbox(x_i, x_q) − F_Xbox(0, x_q)], q = u, c, t.
    Overlap integrals and capture rates: `physics.mu_e_conversion_nuclei`.
    """
    B = np.asarray(B, complex)
    x = _x(m)
    e, mu = B[..., 0, :], B[..., 1, :]
    C = np.einsum("...ai,...aj->...ij", np.conj(B), B)
    xi, xj = x[..., :, None], x[..., None, :]
    emu1 = e * np.conj(mu)
    Fg = np.sum(emu1 * F_gamma(x), axis=-1)
    Gg = np.sum(emu1 * G_gamma(x), axis=-1)
    emu = e[..., :, None] * np.conj(mu)[..., None, :]
    FZ = (np.sum(emu1 * F_Z(x), axis=-1)
          + np.sum(emu * (C * G_Z(xi, xj) + np.conj(C) * H_Z(xi, xj)), axis=(-2, -1)))
    Fuu = np.sum(emu1 * (F_Box(x, 0.0) - F_Box(0.0, 0.0)), axis=-1)
    Fdd = 0.0
    for q, key in (("u", "ud"), ("c", "cd"), ("t", "td")):
        xq = (ph.quark_masses[q] / ph.M_W) ** 2
        Fdd = Fdd + ph.V_CKM[key] ** 2 * np.sum(emu1 * (F_Xbox(x, xq) - F_Xbox(0.0, xq)), axis=-1)
    return cr_mu_e_from_form_factors(Fg, Gg, FZ, Fuu, Fdd, nucleus)


def cr_mu_e_from_form_factors(Fg: complex | np.ndarray, Gg: complex | np.ndarray,
                              FZ: complex | np.ndarray, Fuu: complex | np.ndarray,
                              Fdd: complex | np.ndarray, nucleus: str = "Al") -> np.ndarray:
    """μ–e conversion rate (dimensionless, per capture) from the form factors (see `cr_mu_e`). With only the dipole G_γ:
    CR/BR(μ → eγ) = π D² Γ(μ → eνν̄)/Γ_capt (≈ 1/380 for Al)."""
    s2 = ph.sin2_theta_W_onshell
    Fu = 2 / 3 * s2 * Fg + FZ * (0.25 - 2 / 3 * s2) + 0.25 * Fuu
    Fd = -1 / 3 * s2 * Fg - FZ * (0.25 - 1 / 3 * s2) + 0.25 * Fdd
    nuc = ph.mu_e_conversion_nuclei[nucleus]
    amp = (4 * nuc["Vp"] * (2 * Fu + Fd) + 4 * nuc["Vn"] * (Fu + 2 * Fd)
           + s2 * Gg * nuc["D"] / (2 * ph.e_charge_0))
    gcap = ph.lifetime_s_to_width(1.0 / nuc["Gamma_capt_per_s"])
    return 2 * ph.G_F**2 * ALPHA_W**2 * ph.m_mu**5 / ((4 * math.pi) ** 2 * gcap) * np.abs(amp) ** 2
