"""Eq. (2.1) on seven gauge-fixed real coordinates, with closed-form gradient and Hessian.

Every field configuration is gauge-equivalent to one with H = (0, h)/√2, φ⁺ real (U(1)_em) and
S₁ real (U(1)_D):

    H = (0, h)/√2,  φ = (a, b₁ + i b₂)/√2,  S₁ = s/√2,  S₂ = (t₁ + i t₂)/√2,

x = (h, a, b₁, b₂, s, t₁, t₂) [GeV] (charge breaking: a ≠ 0; CP breaking: b₂, t₂ ≠ 0). With the
invariants |H|² = h²/2, |φ|² = (a² + b₁² + b₂²)/2, |S₁|² = s²/2, |S₂|² = (t₁² + t₂²)/2,
|φ†H|² = h²(b₁² + b₂²)/4 and the trilinear part

    T = Re[μ S₁φ†H + μ′S₁²S₂* + α H†φ S₁S₂*] = μ s h b₁/(2√2) + μ′ s² t₁/(2√2) + α h s (b₁t₁ + b₂t₂)/4,

V is a polynomial of the invariants and T; its derivatives follow by the chain rule. This is
~1000× faster than the engine's generic derivatives (`darkseesaw.spectrum.scalars`), which
the tests compare it with. The CP-even block of the vacuum is the (h, b₁, s, t₁) sub-matrix.
Parameters use the names of `darkseesaw.models.dark_u1.potential` (``lH``, ``mH2`` …).
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["COORDS", "potential", "gradient", "hessian", "bare_masses", "EVEN"]

COORDS = ("h", "a", "b1", "b2", "s", "t1", "t2")
EVEN = (0, 2, 4, 5)
"""Indices of the neutral CP-even directions h, Re φ⁰, S₁, Re S₂ (rows H, φ, S₁, S₂)."""
_C = 1.0 / (2.0 * math.sqrt(2.0))


def _inv(x):
    h, a, b1, b2, s, t1, t2 = np.moveaxis(x, -1, 0)
    return h, a, b1, b2, s, t1, t2, h * h / 2, (a * a + b1 * b1 + b2 * b2) / 2, s * s / 2, \
        (t1 * t1 + t2 * t2) / 2


def _coeffs(p, HH, PP, A1, A2):
    """∂V/∂(|H|², |φ|², |S₁|², |S₂|²) at the invariants."""
    cH = -p["mH2"] + 2 * p["lH"] * HH + p["lHphi"] * PP + p["lHS1"] * A1 + p["lHS2"] * A2
    cP = p["mphi2"] + 2 * p["lphi"] * PP + p["lHphi"] * HH + p["lphiS1"] * A1 + p["lphiS2"] * A2
    c1 = -p["m12"] + 2 * p["lS1"] * A1 + p["lHS1"] * HH + p["lphiS1"] * PP + p["lS1S2"] * A2
    c2 = p["m22"] + 2 * p["lS2"] * A2 + p["lHS2"] * HH + p["lphiS2"] * PP + p["lS1S2"] * A1
    return cH, cP, c1, c2


def potential(p, x):
    """V [GeV⁴] at x (..., 7); works in long double if x is long double."""
    h, a, b1, b2, s, t1, t2, HH, PP, A1, A2 = _inv(x)
    K = h * h * (b1 * b1 + b2 * b2) / 4
    T = (p["mu"] * _C * s * h * b1 + p["mup"] * _C * s * s * t1
         + p["alpha"] * h * s * (b1 * t1 + b2 * t2) / 4)
    return (-p["mH2"] * HH + p["mphi2"] * PP - p["m12"] * A1 + p["m22"] * A2 - T
            + p["lHphip"] * K + p["lH"] * HH**2 + p["lphi"] * PP**2 + p["lS1"] * A1**2
            + p["lS2"] * A2**2 + p["lHphi"] * HH * PP + p["lHS1"] * HH * A1
            + p["lHS2"] * HH * A2 + p["lphiS1"] * PP * A1 + p["lphiS2"] * PP * A2
            + p["lS1S2"] * A1 * A2)


def _grads(x):
    """Gradients (..., 7) of |H|², |φ|², |S₁|², |S₂|²."""
    z = np.zeros_like(x)
    gH, gP, g1, g2 = z.copy(), z.copy(), z.copy(), z.copy()
    gH[..., 0] = x[..., 0]
    gP[..., 1:4] = x[..., 1:4]
    g1[..., 4] = x[..., 4]
    g2[..., 5:7] = x[..., 5:7]
    return gH, gP, g1, g2


def gradient(p, x):
    """∂V/∂x [GeV³] (..., 7)."""
    h, a, b1, b2, s, t1, t2, HH, PP, A1, A2 = _inv(x)
    cH, cP, c1, c2 = _coeffs(p, HH, PP, A1, A2)
    gH, gP, g1, g2 = _grads(x)
    g = cH[..., None] * gH + cP[..., None] * gP + c1[..., None] * g1 + c2[..., None] * g2
    lp = p["lHphip"]
    g[..., 0] += lp * h * (b1 * b1 + b2 * b2) / 2
    g[..., 2] += lp * h * h * b1 / 2
    g[..., 3] += lp * h * h * b2 / 2
    cm, cmp, ca = p["mu"] * _C, p["mup"] * _C, p["alpha"] / 4
    bt = b1 * t1 + b2 * t2
    g[..., 0] -= cm * s * b1 + ca * s * bt
    g[..., 4] -= cm * h * b1 + 2 * cmp * s * t1 + ca * h * bt
    g[..., 2] -= cm * s * h + ca * h * s * t1
    g[..., 3] -= ca * h * s * t2
    g[..., 5] -= cmp * s * s + ca * h * s * b1
    g[..., 6] -= ca * h * s * b2
    return g


def hessian(p, x):
    """∂²V/∂x_i∂x_j [GeV²] (..., 7, 7)."""
    h, a, b1, b2, s, t1, t2, HH, PP, A1, A2 = _inv(x)
    cH, cP, c1, c2 = _coeffs(p, HH, PP, A1, A2)
    G = _grads(x)
    Q = [[2 * p["lH"], p["lHphi"], p["lHS1"], p["lHS2"]],
         [p["lHphi"], 2 * p["lphi"], p["lphiS1"], p["lphiS2"]],
         [p["lHS1"], p["lphiS1"], 2 * p["lS1"], p["lS1S2"]],
         [p["lHS2"], p["lphiS2"], p["lS1S2"], 2 * p["lS2"]]]
    Hm = np.zeros(x.shape + (7,))
    for i in range(4):
        for j in range(4):
            Hm += np.asarray(Q[i][j])[..., None, None] * G[i][..., :, None] * G[j][..., None, :]
    for c, idx in ((cH, (0,)), (cP, (1, 2, 3)), (c1, (4,)), (c2, (5, 6))):
        for k in idx:
            Hm[..., k, k] += c
    lp = p["lHphip"]
    Hm[..., 0, 0] += lp * (b1 * b1 + b2 * b2) / 2
    Hm[..., 2, 2] += lp * h * h / 2
    Hm[..., 3, 3] += lp * h * h / 2
    for k, b in ((2, b1), (3, b2)):
        Hm[..., 0, k] += lp * h * b
        Hm[..., k, 0] += lp * h * b
    cm, cmp, ca = p["mu"] * _C, p["mup"] * _C, p["alpha"] / 4
    off = {(0, 4): cm * b1 + ca * (b1 * t1 + b2 * t2), (0, 2): cm * s + ca * s * t1,
           (0, 3): ca * s * t2, (0, 5): ca * s * b1, (0, 6): ca * s * b2,
           (4, 2): cm * h + ca * h * t1, (4, 3): ca * h * t2, (4, 5): 2 * cmp * s + ca * h * b1,
           (4, 6): ca * h * b2, (2, 5): ca * h * s, (3, 6): ca * h * s}
    for (i, j), v in off.items():
        Hm[..., i, j] -= v
        Hm[..., j, i] -= v
    Hm[..., 4, 4] -= 2 * cmp * t1
    return Hm


def bare_masses(p, vevs):
    """The bare masses (``mH2, mphi2, m12, m22`` [GeV²]) that make the vevs (..., 4) =
    (v, v_φ, ω₁, ω₂) stationary: V is linear in them, −m_H²h, +m_φ²b₁, −m₁²s, +m₂²t₁ enter the
    h, b₁, s, t₁ components of ∂V/∂x."""
    vevs = np.asarray(vevs, dtype=float)
    x = np.zeros(vevs.shape[:-1] + (7,))
    x[..., EVEN] = vevs
    q = dict(p)
    q.update({k: np.zeros(vevs.shape[:-1]) for k in ("mH2", "mphi2", "m12", "m22")})
    g0 = gradient(q, x)
    return {"mH2": g0[..., 0] / vevs[..., 0], "mphi2": -g0[..., 2] / vevs[..., 1],
            "m12": g0[..., 4] / vevs[..., 2], "m22": -g0[..., 5] / vevs[..., 3]}
