"""Neutral gauge-boson mixing: photon, Z and a dark U(1) boson with kinetic and mass mixing.

The engine is model independent. Gauge basis V̂ = (B̂, Ŵ³, X̂) (hypercharge, third SU(2)_L
component, dark U(1)_X boson) with the Lagrangian

    L ⊃ −¼ B̂_μν B̂^μν − ¼ Ŵ³_μν Ŵ³μν − ¼ X̂_μν X̂^μν − (sin χ / 2) B̂_μν X̂^μν
        + ½ V̂ᵀ M̂² V̂ + g' B̂_μ J_Y^μ + g Ŵ³_μ J_3^μ + g_X X̂_μ J_X^μ ,

i.e. kinetic matrix K = [[1, 0, sin χ], [0, 1, 0], [sin χ, 0, 1]] and mass matrix M̂² from
the vevs. A scalar with neutral-component vev ⟨φ⁰⟩ = v_i/√2, isospin T₃ᵢ, hypercharge Yᵢ and
dark charge Qᵢ (covariant derivative D = ∂ − i g Ŵ³T₃ − i g' B̂ Y − i g_X X̂ Q) contributes

    M̂²_ab = Σᵢ vᵢ² (g_a q_ai)(g_b q_bi),   q_i = (Yᵢ, T₃ᵢ, Qᵢ),  g = (g', g, g_X).

The physical states follow from V̂ = T V with Tᵀ K T = 1 and Tᵀ M̂² T = diag(m²): Cholesky
K = L Lᵀ, then the symmetric eigenproblem of L⁻¹ M̂² L⁻ᵀ (exact; no small-mixing expansion).
The interaction term becomes Σ_a V_a Σ_i T_ia g_i J_i; with J_Y = J_em − J_3 and
J_Z ≡ J_3 − s_W² J_em (s_W² = g'²/(g² + g'²), e = g g'/√(g² + g'²)) each physical boson a
couples as

    L ⊃ V_a^μ [ e ε_a J^em_μ + (g/c_W) ε'_a J^Z_μ + g_X κ_a J^X_μ ],

the form of eq. (2.17) of Bertuzzo, Jana, Machado, Zukanovich Funchal, PLB 791 (2019) 210
[arXiv:1808.02500] for the dark boson (ε: kinetic-mixing-like coupling to the EM current,
ε': mass-mixing-like coupling to the Z current) and of eq. (2.20) for the Z (which inherits a
coupling κ_Z to the dark current). The photon comes out massless, with ε_γ = 1,
ε'_γ = 0, κ_γ = 0 exactly (a test of the construction).

Leading-order limits (checked in the tests):

* pure kinetic mixing, m_X ≪ m_Z: ε_X → −c_W tan χ (sign convention of the − sin χ/2 term
  above; the model layer chooses the sign of χ to produce a positive ε);
* pure mass mixing through a doublet with dark charge Q and vev v_φ ≪ v:
  ε'_X ≃ −(2 g_X Q / g_Z) v_φ²/v² · (m_Z²/(m_Z² − m_X²)), i.e. eq. (2.19) up to its sign,
  with g_Z = g/c_W;
* exact 2×2 result for pure kinetic mixing (Babu, Kolda, March-Russell, PRD 57 (1998) 6788):
  tan 2ξ = 2 s_W t m_Z0² / (m_Z0² − m_X0²/c² − s_W² t² m_Z0²), t = tan χ, c = cos χ.
* kinetic mixing alone also gives the light boson a Z-current coupling
  ε'_kin ≃ −s_W tan χ m_X²/(m_Z² − m_X²) and the Z a dark-current coupling κ_Z ≃ s_W tan χ.
  For a 30 MeV Z_D with ε = 2×10⁻⁴ this ε'_kin ≈ 1×10⁻¹¹ exceeds the mass-mixing ε' of
  eq. (2.19) (3.6×10⁻¹⁴ in Table 2 of the paper): the paper's ε' is the mass-mixing part only
  (compute it with ``sin_chi=0``), while `GaugeMixing.eps_Z` is the full physical coupling.

Examples
--------
>>> import numpy as np
>>> from darkseesaw import physics as ph
>>> from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings
>>> g, gp = sm_couplings()
>>> res = neutral_gauge_mixing(g, gp, 0.5, vevs=[ph.v_EW, 0.06],
...                            charges=[(-0.5, 0.5, 0.0), (0.0, 0.0, 1.0)], sin_chi=-1e-3)
>>> round(float(res.masses[..., 2]) * 1e3, 3)    # dark boson mass [MeV] ≈ g_X ω
30.0
>>> bool(abs(float(res.eps_em[..., 2]) / (1e-3 * np.sqrt(1 - res.sw2)) - 1) < 1e-5)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph

__all__ = ["GaugeMixing", "neutral_gauge_mixing", "sm_couplings", "vector_axial_couplings",
           "scalar_mass_contribution"]


def sm_couplings(v: float | None = None, m_Z: float | None = None,
                 m_W: float | None = None) -> tuple[float, float]:
    """Tree-level (g, g') reproducing the PDG 2024 m_W, m_Z with v = (√2 G_F)^(-1/2).

    Parameters
    ----------
    v, m_Z, m_W : float, optional
        Higgs vev, Z and W masses [GeV]; default `darkseesaw.physics` (PDG 2024).

    Returns
    -------
    (g, g') : tuple of float
        g = 2 m_W / v, g' = g √(m_Z² − m_W²)/m_W (on-shell, tree level).

    Examples
    --------
    >>> g, gp = sm_couplings()
    >>> round(g, 4), round(gp, 4)
    (0.6528, 0.3499)
    """

    v = ph.v_EW if v is None else v
    m_Z = ph.M_Z if m_Z is None else m_Z
    m_W = ph.M_W if m_W is None else m_W
    g = 2.0 * m_W / v
    gp = g * np.sqrt(m_Z**2 - m_W**2) / m_W
    return float(g), float(gp)


def scalar_mass_contribution(couplings: ArrayLike, vevs: ArrayLike, charges: ArrayLike
                             ) -> np.ndarray:
    """Gauge-boson mass matrix M̂²_ab = Σᵢ vᵢ² (g_a q_ai)(g_b q_bi) in the basis (B̂, Ŵ³, X̂).

    Parameters
    ----------
    couplings : array (..., 3)
        (g', g, g_X), dimensionless.
    vevs : array (..., n)
        vᵢ [GeV] with ⟨φᵢ⁰⟩ = vᵢ/√2.
    charges : array (n, 3) or (..., n, 3)
        (T₃, Y, Q_X) of the neutral component that gets the vev (T₃ = −½ for the lower
        component of a Y = ½ doublet).

    Returns
    -------
    ndarray (..., 3, 3)
        M̂² [GeV²].
    """
    gvec = np.asarray(couplings, dtype=float)
    v = np.asarray(vevs, dtype=float)
    q = np.asarray(charges, dtype=float)
    # reorder (T3, Y, Q) -> (Y, T3, Q) to match the basis (B, W3, X)
    qb = np.stack([q[..., 1], q[..., 0], q[..., 2]], axis=-1)
    a = gvec[..., None, :] * qb  # (..., n, 3): g_a q_ai
    return np.einsum("...i,...ia,...ib->...ab", v**2, a, a)


@dataclass
class GaugeMixing:
    """Physical neutral gauge bosons.

    Attributes
    ----------
    masses : ndarray (..., 3)
        Physical masses [GeV], ordered (photon, Z-like, X-like) — the X-like state is the one
        with the larger X̂ component among the two massive states.
    T : ndarray (..., 3, 3)
        V̂ = T V: column a is the gauge-basis content (B̂, Ŵ³, X̂) of physical state a.
    eps_em : ndarray (..., 3)
        Coupling to J_em in units of e (photon: 1; dark boson: the paper's ε).
    eps_Z : ndarray (..., 3)
        Coupling to J_Z = J_3 − s_W² J_em in units of g/c_W (Z: ≈ 1; dark boson: the paper's ε').
    kappa_X : ndarray (..., 3)
        Coupling to the dark current J_X in units of g_X (dark boson ≈ 1; Z: ≈ −ε' g_Z/g_X·…).
    sw2 : float
        s_W² = g'²/(g² + g'²) used for the decomposition.
    e : float
        e = g g'/√(g² + g'²).
    gZ : float
        g/c_W = √(g² + g'²).
    """

    masses: np.ndarray
    T: np.ndarray
    eps_em: np.ndarray
    eps_Z: np.ndarray
    kappa_X: np.ndarray
    sw2: float
    e: float
    gZ: float

    def couplings(self, state: int = 2) -> dict[str, np.ndarray]:
        """Couplings of physical state ``state`` (0 photon, 1 Z, 2 dark) in absolute units:
        ``{"em": e ε, "Z": (g/c_W) ε', "X": g_X κ}`` (the latter needs g_X: returned as κ)."""
        return {"em": self.e * self.eps_em[..., state], "Z": self.gZ * self.eps_Z[..., state],
                "kappa_X": self.kappa_X[..., state]}


def neutral_gauge_mixing(g: float, gp: float, gX: ArrayLike, vevs: ArrayLike, charges: ArrayLike,
                         sin_chi: ArrayLike = 0.0, extra_mass2: ArrayLike | None = None
                         ) -> GaugeMixing:
    """Exact diagonalisation of the (B̂, Ŵ³, X̂) system with kinetic and mass mixing.

    Parameters
    ----------
    g, gp : float
        SU(2)_L and U(1)_Y couplings (see `sm_couplings`).
    gX : float or array (...)
        Dark U(1) coupling g_X (batched).
    vevs : array (..., n)
        Scalar vevs vᵢ [GeV] (⟨φᵢ⁰⟩ = vᵢ/√2).
    charges : array (n, 3)
        (T₃, Y, Q_X) of each vev-carrying neutral component.
    sin_chi : float or array (...)
        Kinetic mixing sin χ in −(sin χ/2) B̂_μν X̂^μν (|sin χ| < 1).
    extra_mass2 : array (..., 3, 3), optional
        Extra symmetric mass terms [GeV²] (e.g. a Stueckelberg mass for X̂).

    Returns
    -------
    GaugeMixing
        Masses [GeV], mixing matrix and couplings of (γ, Z, Z_X) to J_em, J_Z, J_X.

    Notes
    -----
    K = L Lᵀ (Cholesky); M' = L⁻¹ M̂² L⁻ᵀ = O diag(m²) Oᵀ; T = L⁻ᵀ O. Physical couplings
    c_a = Σᵢ T_ia gᵢ Jᵢ, decomposed as in the module docstring. Batched over leading axes.

    Examples
    --------
    See the module docstring.
    """
    gX = np.asarray(gX, dtype=float)
    sin_chi = np.asarray(sin_chi, dtype=float)
    v = np.asarray(vevs, dtype=float)
    batch = np.broadcast_shapes(gX.shape, sin_chi.shape, v.shape[:-1])
    gX = np.broadcast_to(gX, batch)
    sin_chi = np.broadcast_to(sin_chi, batch)
    if np.any(np.abs(sin_chi) >= 1):
        raise ValueError("|sin chi| must be < 1")
    v = np.broadcast_to(v, (*batch, v.shape[-1]))
    gvec = np.stack([np.full(batch, gp), np.full(batch, g), gX], axis=-1)
    M2 = scalar_mass_contribution(gvec, v, charges)
    if extra_mass2 is not None:
        M2 = M2 + np.asarray(extra_mass2, dtype=float)
    K = np.broadcast_to(np.eye(3), (*batch, 3, 3)).copy()
    K[..., 0, 2] = K[..., 2, 0] = sin_chi
    L = np.linalg.cholesky(K)
    Linv = np.linalg.inv(L)
    Mp = Linv @ M2 @ np.swapaxes(Linv, -1, -2)
    Mp = (Mp + np.swapaxes(Mp, -1, -2)) / 2
    # Deflate the photon exactly: with neutral vevs n̂ = (c_W, s_W, 0) is a null vector of M̂²,
    # i.e. Lᵀn̂ is one of M'. The remaining 2×2 block is diagonalised in closed form
    # (λ_small = det/λ_large), so that m_X ≪ m_Z keeps full relative precision.
    gZ0 = float(np.hypot(g, gp))
    nhat = np.array([g / gZ0, gp / gZ0, 0.0])  # (c_W, s_W, 0) in (B̂, Ŵ³, X̂)
    u0 = np.einsum("...ji,j->...i", L, nhat)  # Lᵀ n̂ (canonical photon direction)
    u0 = u0 / np.linalg.norm(u0, axis=-1, keepdims=True)
    null_res = np.linalg.norm(np.einsum("...ij,...j->...i", Mp, u0), axis=-1)
    if np.all(null_res <= 1e-12 * np.linalg.norm(Mp, axis=(-2, -1)) + 1e-300):
        # orthonormal complement of u0
        e3 = np.broadcast_to(np.array([0.0, 0.0, 1.0]), u0.shape)
        u1 = np.cross(u0, e3)
        n1 = np.linalg.norm(u1, axis=-1, keepdims=True)
        alt = np.cross(u0, np.broadcast_to(np.array([1.0, 0.0, 0.0]), u0.shape))
        u1 = np.where(n1 > 1e-8, u1, alt)
        u1 = u1 / np.linalg.norm(u1, axis=-1, keepdims=True)
        u2 = np.cross(u0, u1)
        P = np.stack([u1, u2], axis=-1)  # (..., 3, 2)
        A = np.swapaxes(P, -1, -2) @ Mp @ P
        a, b, d = A[..., 0, 0], A[..., 0, 1], A[..., 1, 1]
        tr = a + d
        disc = np.sqrt((a - d) ** 2 + 4 * b**2)
        lam_big = (tr + disc) / 2
        det = a * d - b * b
        lam_small = np.where(lam_big > 0, det / np.where(lam_big > 0, lam_big, 1.0), 0.0)
        th = 0.5 * np.arctan2(2 * b, a - d)  # eigenvector of lam_big: (cos th, sin th)
        vb = np.stack([np.cos(th), np.sin(th)], -1)
        vs = np.stack([-np.sin(th), np.cos(th)], -1)
        Wb = np.einsum("...ij,...j->...i", P, vb)
        Ws = np.einsum("...ij,...j->...i", P, vs)
        O = np.stack([u0, Ws, Wb], axis=-1)
        m2 = np.stack([np.zeros_like(lam_big), lam_small, lam_big], -1)
    else:  # electric charge broken by a vev: generic symmetric eigenproblem
        m2, O = np.linalg.eigh(Mp)
    T = np.swapaxes(Linv, -1, -2) @ O
    # order: photon (lightest, exactly massless when EM unbroken), then Z-like, X-like
    xcont = np.abs(T[..., 2, :]) / np.linalg.norm(T, axis=-2)
    order = np.argsort(m2, axis=-1, kind="stable")
    m2 = np.take_along_axis(m2, order, -1)
    T = np.take_along_axis(T, order[..., None, :], -1)
    xcont = np.take_along_axis(xcont, order, -1)
    swap = xcont[..., 1] > xcont[..., 2]
    idx = np.broadcast_to(np.array([0, 1, 2]), m2.shape).copy()
    idx[swap] = [0, 2, 1]
    m2 = np.take_along_axis(m2, idx, -1)
    T = np.take_along_axis(T, idx[..., None, :], -1)
    # fix signs: photon with positive B̂ and Ŵ³ content, Z with positive Ŵ³, X with positive X̂
    s = np.sign(np.stack([T[..., 1, 0] + T[..., 0, 0], T[..., 1, 1], T[..., 2, 2]], -1))
    s = np.where(s == 0, 1.0, s)
    T = T * s[..., None, :]
    gZ = float(np.hypot(g, gp))
    e = float(g * gp / gZ)
    sw2 = float(gp**2 / gZ**2)
    c_em = gp * T[..., 0, :]
    c_3 = g * T[..., 1, :] - gp * T[..., 0, :]
    eps_Z = c_3 / gZ
    eps_em = (c_em + sw2 * c_3) / e
    kappa = T[..., 2, :]
    masses = np.sqrt(np.clip(m2, 0.0, None))
    return GaugeMixing(masses=masses, T=T, eps_em=eps_em, eps_Z=eps_Z, kappa_X=kappa,
                       sw2=sw2, e=e, gZ=gZ)


def vector_axial_couplings(eps_em: ArrayLike, eps_Z: ArrayLike, Q: float, T3: float, *,
                           e: float | None = None, gZ: float | None = None,
                           sw2: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(g_V, g_A) of a fermion f to a boson coupling as e ε J_em + (g/c_W) ε' J_Z.

    Convention L ⊃ V_μ f̄ γ^μ (g_V − g_A γ⁵) f with J_Z^μ = Σ_f f̄ γ^μ (T₃/2 (1 − γ⁵) − Q s_W²) f:

        g_V = e ε Q + g_Z ε' (T₃/2 − Q s_W²),   g_A = g_Z ε' T₃/2 .

    Parameters
    ----------
    eps_em, eps_Z : float or array
        ε and ε' (dimensionless, in units of e and g/c_W).
    Q, T3 : float
        Electric charge and weak isospin of the left-handed component.
    e, gZ, sw2 : float, optional
        Default: tree-level values from `sm_couplings` (PDG 2024 inputs).

    Returns
    -------
    (g_V, g_A) : tuple of arrays
        Dimensionless couplings.

    Examples
    --------
    >>> gV, gA = vector_axial_couplings(1e-3, 0.0, -1.0, -0.5)
    >>> round(float(gV) / 0.30795, 3), abs(float(gA))
    (-0.001, 0.0)
    """
    if e is None or gZ is None or sw2 is None:
        g, gp = sm_couplings()
        gZ = np.hypot(g, gp) if gZ is None else gZ
        e = g * gp / np.hypot(g, gp) if e is None else e
        sw2 = gp**2 / (g**2 + gp**2) if sw2 is None else sw2
    eps_em = np.asarray(eps_em, dtype=float)
    eps_Z = np.asarray(eps_Z, dtype=float)
    gV = e * eps_em * Q + gZ * eps_Z * (T3 / 2 - Q * sw2)
    gA = gZ * eps_Z * T3 / 2
    return gV, gA
