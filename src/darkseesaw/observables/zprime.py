"""Heavy Z′ of a gauged U(1): widths, branching ratios, DM annihilation, direct detection.

A Z′ with gauge coupling g couples to each Weyl component with its U(1) charge:
L ⊃ −g Z′_μ Σ_f f̄ γ^μ (q_L P_L + q_R P_R) f. In vector/axial form c_V = (q_L + q_R)/2,
c_A = (q_L − q_R)/2 (f̄γ^μ(c_V − c_A γ₅)f). Units: GeV, cross sections in GeV⁻² unless the
function says pb or cm³/s.

Equations (arXiv:1707.08606, De Romeri, Fernandez-Martinez, Gehrlein, Machado, Niro, JHEP 10
(2017) 169, "DRFGMN" below):

* `width_ff` — eq. 3.4 (exact in the fermion mass);
* `width_scalars` — Z′ → S S* for a complex scalar of charge q: g²q²M β³/(48π);
* `sigma_ff` — exact σ(χχ̄ → Z′* → f f̄)(s) with the Breit–Wigner propagator (the s → 4m²
  limit of σv is eq. 3.3); `sigma_v_ff` — eq. 3.3 itself;
* `sigma_v_zpzp` — eq. 3.5 (χχ̄ → Z′Z′, leading order in v), `sigma_zpzp` its σ(s) for thermal
  averaging;
* `sigma_si_nucleon` — eq. 3.7 generalised to any vector charges; `v1_min_from_sigma` — eq. 3.8.

Examples
--------
>>> from darkseesaw.observables.zprime import width_ff
>>> g, M = 0.25, 1.0e4
>>> round(float(width_ff(M, g, -1.0, -1.0)), 3)   # Z′ → e⁺e⁻ in B−L, GeV
16.579
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from darkseesaw import physics as ph
from darkseesaw.observables.widths import width_vector_to_fermions

__all__ = [
    "width_ff",
    "width_scalars",
    "total_width",
    "branching_ratios",
    "sigma_ff",
    "sigma_v_ff",
    "sigma_v_zpzp",
    "sigma_zpzp",
    "nucleon_mass",
    "sigma_si_nucleon",
    "sigma_si_nucleon_pb",
    "v1_min_from_sigma",
]


def width_ff(M: ArrayLike, g: ArrayLike, qL: float, qR: float, m: float = 0.0, nc: int = 1
             ) -> np.ndarray:
    """Γ(Z′ → f f̄) [GeV] for chiral charges, exact in m_f (eq. 3.4 of DRFGMN).

    Γ = n_c g² [6 q_L q_R m² + (q_L² + q_R²)(M² − m²)] √(M² − 4m²) / (24π M²), which is
    `darkseesaw.observables.widths.width_vector_to_fermions` with g_V,A = g (q_L ± q_R)/2.

    Parameters
    ----------
    M : float or array
        Z′ mass [GeV].
    g : float or array
        Gauge coupling (dimensionless).
    qL, qR : float
        U(1) charges (dimensionless) of the left- and right-handed components (a Weyl fermion: set the other to 0;
        a Majorana/Weyl pair forming a Dirac state: use both).
    m : float
        Fermion mass [GeV].
    nc : int
        Colour factor.

    Returns
    -------
    ndarray
        Partial width [GeV], 0 below threshold.

    Examples
    --------
    >>> round(float(width_ff(100.0, 1.0, 1.0, 1.0)) * 24 * np.pi / 100.0, 12)
    2.0
    """
    # the one V → f f̄ formula, with g_V = g (q_L + q_R)/2 and g_A = g (q_L − q_R)/2
    g = np.asarray(g, float)
    return width_vector_to_fermions(M, g * (qL + qR) / 2, g * (qL - qR) / 2, m, nc)


def width_scalars(M: ArrayLike, g: ArrayLike, q: float | np.ndarray, m: ArrayLike = 0.0) -> np.ndarray:
    """Γ(Z′ → S S*) [GeV] for a complex scalar of charge q and mass m: g²q²M β³/(48π).

    M (the Z′ mass) and m in GeV; g and q dimensionless.

    Examples
    --------
    >>> round(float(width_scalars(100.0, 1.0, 1.0)) * 48 * np.pi / 100.0, 12)
    1.0
    """
    M = np.asarray(M, float)
    b2 = np.clip(1 - 4 * np.asarray(m, float) ** 2 / M**2, 0.0, None)
    return np.asarray(g, float) ** 2 * q**2 * M * b2**1.5 / (48 * math.pi)


def total_width(channels: Mapping[str, Any]) -> np.ndarray | float:
    """Sum of partial widths [GeV] given as ``{name: (width, category)}`` or ``{name: width}``."""
    return sum(np.asarray(v[0] if isinstance(v, tuple) else v, float) for v in channels.values())


def branching_ratios(channels: Mapping[str, Any]) -> dict[str, Any]:
    """Branching ratios by channel and by category.

    Parameters
    ----------
    channels : dict
        ``{name: (width [GeV], category)}`` with categories such as ``"invisible"``,
        ``"quarks"``, ``"leptons"``, ``"dm"``, ``"heavy_neutrinos"``.

    Returns
    -------
    dict
        ``{"channels": {name: BR}, "categories": {category: BR}, "total_width": Γ}``
        (BRs dimensionless, Γ [GeV]).

    Examples
    --------
    >>> br = branching_ratios({"a": (1.0, "x"), "b": (3.0, "y")})
    >>> br["categories"]["y"]
    0.75
    """
    tot = total_width(channels)
    out_c: dict = {}
    out_cat: dict = {}
    for k, v in channels.items():
        w, cat = v if isinstance(v, tuple) else (v, "other")
        r = np.asarray(w, float) / tot
        out_c[k] = r if np.ndim(r) else float(r)
        out_cat[cat] = out_cat.get(cat, 0.0) + out_c[k]
    return {"channels": out_c, "categories": out_cat,
            "total_width": tot if np.ndim(tot) else float(tot)}


def _va(qL: float, qR: float) -> tuple[float, float]:
    return (qL + qR) / 2.0, (qL - qR) / 2.0


def sigma_ff(s: ArrayLike, m_chi: float, M: float | np.ndarray, Gamma: float | np.ndarray, g: ArrayLike,
             q_chi: tuple[float, float], q_f: tuple[float, float], m_f: float = 0.0, nc: int = 1
             ) -> np.ndarray:
    """σ(χχ̄ → Z′* → f f̄)(s) [GeV⁻²], spin-averaged, full Breit–Wigner propagator.

        σ = n_c g⁴ β_f [c_V²(s + 2m_χ²) + c_A² s β_χ²] [d_V²(s + 2m_f²) + d_A² s β_f²]
            / (12π s β_χ [(s − M²)² + M²Γ²]),

    with (c_V, c_A) of χ and (d_V, d_A) of f. The q^μq^ν/M² part of the massive propagator
    contributes only ∝ c_A d_A m_χ m_f and is dropped: it vanishes for the B−L Z′, whose couplings
    to massive SM fermions are vectorial (it is below 10⁻⁴ of the result for the top quark even
    with axial couplings at √s ≳ 2 TeV). The low-velocity limit σ v_rel (v_rel = 2β_χ) is eq. 3.3
    of DRFGMN.

    Parameters
    ----------
    s : float or array
        Mandelstam s [GeV²].
    m_chi : float
        DM mass [GeV].
    M, Gamma : float or array
        Z′ mass and total width [GeV].
    g : float or array
        Gauge coupling (dimensionless).
    q_chi, q_f : (q_L, q_R)
        Charges of χ (4, 5 in DRFGMN) and of f (dimensionless).
    m_f : float
        Final-fermion mass [GeV].
    nc : int
        Colour factor of f.

    Returns
    -------
    ndarray
        σ [GeV⁻²], 0 below either threshold.
    """
    s = np.asarray(s, float)
    cV, cA = _va(*q_chi)
    dV, dA = _va(*q_f)
    bchi2 = np.clip(1 - 4 * m_chi**2 / s, 0.0, None)
    bf2 = np.clip(1 - 4 * m_f**2 / s, 0.0, None)
    bchi = np.sqrt(bchi2)
    num = (cV**2 * (s + 2 * m_chi**2) + cA**2 * s * bchi2) * (
        dV**2 * (s + 2 * m_f**2) + dA**2 * s * bf2)
    g4 = np.asarray(g, float) ** 4
    den = 12 * math.pi * s * np.where(bchi > 0, bchi, 1.0) * (
        (s - M**2) ** 2 + (M * Gamma) ** 2)
    return np.where((bchi2 > 0) & (bf2 > 0), nc * g4 * np.sqrt(bf2) * num / den, 0.0)


def sigma_v_ff(m_chi: float | np.ndarray, M: float | np.ndarray, Gamma: float | np.ndarray, g: ArrayLike, q_chi: tuple[float, float],
               q_f: tuple[float, float], nc: int = 1) -> np.ndarray:
    """Eq. 3.3 of DRFGMN: ⟨σv⟩(χχ̄ → f f̄) at leading order in v, massless f [GeV⁻²].

    m_chi, M (Z′ mass), Gamma (Z′ width) in GeV; g and the (q_L, q_R) charges dimensionless.

    ⟨σv⟩ = n_c (q_χL + q_χR)² (q_fL² + q_fR²) g⁴ m_χ² / (8π [(4m_χ² − M²)² + Γ²M²]).
    """
    qcl, qcr = q_chi
    qfl, qfr = q_f
    return (nc * (qcl + qcr) ** 2 * (qfl**2 + qfr**2) / (8 * math.pi) * np.asarray(g, float) ** 4
            * m_chi**2 / ((4 * m_chi**2 - M**2) ** 2 + (Gamma * M) ** 2))


def sigma_v_zpzp(m_chi: float | np.ndarray, M: ArrayLike, g: ArrayLike, q_chi: tuple[float, float]
                 ) -> np.ndarray:
    """Eq. 3.5 of DRFGMN: ⟨σv⟩(χχ̄ → Z′Z′) at leading order in v [GeV⁻²] (0 if M ≥ m_χ).

    m_chi and M (Z′ mass) in GeV; g and the charges (q_L, q_R) of χ dimensionless.

    ⟨σv⟩ = (1 − M²/m²)^{3/2} (1 − M²/2m²)^{−2} / (256π m² M²)
           × [8 g⁴ (q_R + q_L)²(q_R − q_L)² m² + ((q_R − q_L)⁴ + (q_R + q_L)⁴
              − 6 (q_R − q_L)²(q_R + q_L)²) g⁴ M²].
    """
    qL, qR = q_chi
    M = np.asarray(M, float)
    r = np.clip(1 - M**2 / m_chi**2, 0.0, None)
    g4 = np.asarray(g, float) ** 4
    bracket = (8 * g4 * (qR + qL) ** 2 * (qR - qL) ** 2 * m_chi**2
               + ((qR - qL) ** 4 + (qR + qL) ** 4 - 6 * (qR - qL) ** 2 * (qR + qL) ** 2)
               * g4 * M**2)
    val = r**1.5 / (1 - M**2 / (2 * m_chi**2)) ** 2 * bracket / (256 * math.pi * m_chi**2 * M**2)
    return np.where(M < m_chi, val, 0.0)


def sigma_zpzp(s: ArrayLike, m_chi: float | np.ndarray, M: ArrayLike, g: ArrayLike,
               q_chi: tuple[float, float]) -> np.ndarray:
    """σ(s) [GeV⁻²] of χχ̄ → Z′Z′ whose σ v_rel (v_rel = 2β_χ) is the s-wave eq. 3.5.

    s [GeV²]; m_chi, M [GeV]; g, q_chi as in `sigma_v_zpzp`.

    Used for thermal averaging (the v² corrections of the exact cross section are neglected,
    as in DRFGMN).
    """
    s = np.asarray(s, float)
    b = np.sqrt(np.clip(1 - 4 * m_chi**2 / s, 0.0, None))
    sv = sigma_v_zpzp(m_chi, M, g, q_chi)
    return np.where(b > 0, sv / (2 * np.where(b > 0, b, 1.0)), 0.0)


def nucleon_mass() -> float:
    """Average nucleon mass (m_p + m_n)/2 [GeV] (PDG 2024 via `darkseesaw.physics`)."""
    return 0.5 * (ph.m_proton + ph.m_neutron)


def sigma_si_nucleon(m_chi: float | np.ndarray, M: ArrayLike, g: ArrayLike, q_chi: tuple[float, float],
                     q_nucleon: float = 1.0) -> np.ndarray:
    """Spin-independent χ–nucleon cross section [GeV⁻²] through the Z′ (eq. 3.7 of DRFGMN).

    m_chi and M (Z′ mass) in GeV; g, the charges (q_L, q_R) of χ and the nucleon's vector
    charge dimensionless.

    σ = μ²/π (g² c_V^χ Q_N / M²)², with c_V^χ = (q_χL + q_χR)/2 (= 9/2 for the (4, 5) of DRFGMN) and Q_N the vector
    charge of the nucleon (B−L: 1 for p and n, from 3 quarks of charge 1/3). The axial part
    gives no coherent signal.
    """
    mN = nucleon_mass()
    mu = m_chi * mN / (m_chi + mN)
    cV = (q_chi[0] + q_chi[1]) / 2
    return mu**2 / math.pi * (np.asarray(g, float) ** 2 * cV * q_nucleon / np.asarray(M, float) ** 2) ** 2


def sigma_si_nucleon_pb(m_chi: float | np.ndarray, M: ArrayLike, g: ArrayLike, q_chi: tuple[float, float],
                        q_nucleon: float = 1.0) -> np.ndarray:
    """`sigma_si_nucleon` in pb (masses in GeV).

    Examples
    --------
    >>> q_chi = (4.0, 5.0)        # (q_L, q_R) of χ in DRFGMN
    >>> round(float(sigma_si_nucleon_pb(3800.0, 1e4, 0.25, q_chi)) * 1e10, 1)   # DRFGMN: ≈ 9e-10 pb
    8.6
    """
    return ph.invGeV2_to_cm2(sigma_si_nucleon(m_chi, M, g, q_chi, q_nucleon)) / ph.pb_to_cm2_factor


def v1_min_from_sigma(sigma_pb: ArrayLike, q_chi: tuple[float, float],
                      m_chi: float | None = None) -> np.ndarray:
    """Lower bound on v₁ = M_Z′/g [GeV] from σ_SI < sigma_pb (eq. 3.8 of DRFGMN).

    ``sigma_pb`` is the limit [pb], ``m_chi`` the DM mass [GeV].
    σ = μ² c_V²/(π v₁⁴) ⇒ v₁ > (μ² c_V² / (π σ))^{1/4}; with μ → m_N (m_χ ≫ m_N, the default
    ``m_chi=None``) the coefficient is 2.21 × 10⁹ pb·GeV⁴, the 2.2 × 10⁹ of eq. 3.8.
    """
    mN = nucleon_mass()
    mu = mN if m_chi is None else m_chi * mN / (m_chi + mN)
    cV = (q_chi[0] + q_chi[1]) / 2
    coef_pb = ph.invGeV2_to_cm2(mu**2 * cV**2 / math.pi) / ph.pb_to_cm2_factor
    return (coef_pb / np.asarray(sigma_pb, float)) ** 0.25
