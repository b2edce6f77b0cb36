"""HNL mixings of the paper, section 4: η_ν, U_ℓi, the EWPD and DELPHI scales of μ̄_ν, δM.

All with the paper's oscillation inputs (`inputs.NU_OSC`, NuFIT 4.1) unless ``inputs`` are given;
η_ν itself is the model's (`darkseesaw.models.hnl_inflaton.eta_nu`, eq. 4.2 with O = 1).

Conventions: masses in GeV; U_ℓi = (η_νᵀ)_ℓi v̄/M_N (eq. 4.4); the physical heavy–light angles
θ_i come from the singular values of η_ν (η_ν η_ν† = D_ν/μ̄_ν is diagonal, so
sin²θ_i = x_i²/(1 + x_i²), x_i = (D_i/μ̄)^{1/2} v̄/M_N). The paper's EWPD numbers (eqs. 4.11,
4.12) used the moduli of the *eigenvalues* of the complex, non-normal η_ν instead;
``mubar_min_ewpd(method="paper")`` reproduces that choice.

Example
-------
>>> round(mubar_delphi(4.5, "NH") * 1e3, 2)        # eq. 4.13: 5.7 MeV printed
5.79
"""

from __future__ import annotations

import numpy as np

from darkseesaw.models import hnl_inflaton as model
from darkseesaw.models.hnl_inflaton import VBAR, dm_index
from darkseesaw.observables.ewpd import epsilon_from_angles
from darkseesaw.papers.hnl_inflaton.inputs import eps_bound_paper, oscillation

__all__ = ["eta_nu", "mixing", "sin2_angles", "epsilon", "mass_matrix", "delta_M",
           "delta_M_exact", "mubar_min_ewpd", "mubar_delphi", "dm_index", "VBAR",
           "heavy_pair_masses"]


def eta_nu(mubar, ordering: str = "NH", inputs: dict | None = None):
    """η_ν = (D_ν/μ̄_ν)^{1/2} U_PMNS⁻¹ (eq. 4.2 with O = 1); μ̄ in GeV; shape (..., 3, 3)."""
    U, D = oscillation(ordering, inputs)
    return model.eta_nu(mubar, U, D)


def mixing(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """Heavy–light mixing U_ℓi = (η_νᵀ)_ℓi v̄/M_N (eq. 4.4), shape (..., 3 flavours, 3 HNLs)."""
    eta = eta_nu(mubar, ordering, inputs)
    return np.swapaxes(eta, -1, -2) * VBAR / np.asarray(M, float)[..., None, None]


def sin2_angles(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """sin²θ_i of the light–heavy pairs (eq. 4.10, exact 2×2 rotation), shape (..., 3)."""
    _, D = oscillation(ordering, inputs)
    x2 = D / np.asarray(mubar, float)[..., None] * VBAR**2 / np.asarray(M, float)[..., None] ** 2
    return x2 / (1 + x2)


def heavy_pair_masses(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """Masses [GeV] of the three heavy (pseudo-)Dirac pairs of eq. 2.3, M_N/cos θ_i
    = M_N (1 + x_i²)^{1/2} with x_i² = D_i v̄²/(μ̄ M_N²), in the order of `sin2_angles` (the dark
    matter N′ stays at exactly M_N). The mixing with ν_L raises N₂, N₃ above N′ by ≈ M_N θ_i²/2:
    a tree-level splitting that eq. 7.1 (loop level) does not contain."""
    s2 = sin2_angles(M, mubar, ordering, inputs)
    return np.asarray(M, float)[..., None] / np.sqrt(1.0 - s2)


def epsilon(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """ε_αβ of eq. 4.7 (moduli), shape (..., 3, 3)."""
    U, _ = oscillation(ordering, inputs)
    return epsilon_from_angles(U, sin2_angles(M, mubar, ordering, inputs))


def mass_matrix(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """The 9 × 9 symmetric mass matrix of eq. 2.3 in the basis (ν_L, N_Rᶜ, N_L).

    [[ε_ν, η_νᵀ v̄, 0], [η_ν v̄, 0, M_N 1], [0, M_N 1, 0]] with ε_ν = μ̄ η_νᵀ η_ν (eq. 2.4).
    """
    eta = eta_nu(mubar, ordering, inputs)
    eps = model.epsilon_nu(float(mubar), eta)
    Z = np.zeros((3, 3), complex)
    I = np.eye(3) * float(M)
    return np.block([[eps, eta.T * VBAR, Z], [eta * VBAR, Z, I], [Z, I, Z]])


def delta_M(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """Takagi values [GeV] of the HNL Majorana mass of eq. 2.5 *as printed*,
    δM = v̄²/M² η_ν ε_ν η_νᵀ (this reproduces the paper's 3.1 × 10⁻⁶ eV of eq. 4.17)."""
    eta = eta_nu(mubar, ordering, inputs)
    dm = VBAR**2 / float(M) ** 2 * float(mubar) * eta @ eta.T @ eta @ eta.T
    return np.sort(np.linalg.svd(dm, compute_uv=False))


def delta_M_exact(M, mubar, ordering: str = "NH", inputs: dict | None = None):
    """The exact splittings [GeV] of the three HNL pairs, D_i sin²θ_i
    (`darkseesaw.models.hnl_inflaton.hnl_splittings`), ascending. At leading order they are the
    Takagi values of v̄²/M² η_ν ε_ν* η_νᵀ: eq. 2.5 misses the conjugation, which matters for
    δ_CP ≠ 0."""
    _, D = oscillation(ordering, inputs)
    return np.sort(model.hnl_splittings(float(M), float(mubar), D))


def mubar_min_ewpd(M, ordering: str = "NH", bound: float | None = None,
                   method: str = "physical", inputs: dict | None = None) -> float:
    """Smallest μ̄_ν [GeV] allowed by ε_ee + ε_μμ ≤ bound (eqs. 4.7–4.10).

    method = "physical": sin²θ_i ∝ D_i/μ̄ (singular values of η_ν; this module's convention);
    method = "paper": |eigenvalues of η_ν|², which reproduces eqs. 4.11–4.12 (5.9, 13.6 keV).
    Uses the small-angle form (ε ∝ 1/μ̄), exact at the bound to O(ε). Default bound: the M_W
    bound with the paper's PDG 2018 inputs (`inputs.eps_bound_paper`).
    """
    b = eps_bound_paper() if bound is None else bound
    U, D = oscillation(ordering, inputs)
    if method == "physical":
        lam2 = D
    elif method == "paper":
        ev2 = np.sort(np.abs(np.linalg.eigvals(eta_nu(1.0, ordering, inputs))) ** 2)
        lam2 = np.zeros(3)
        nz = np.argsort(D)[1:]  # the two massive states, in ascending D
        lam2[nz] = ev2[1:]
    else:
        raise ValueError("method must be 'physical' or 'paper'")
    s2 = lam2 * VBAR**2 / float(M) ** 2  # at mubar = 1 GeV
    eps = epsilon_from_angles(U, s2)
    return float((eps[0, 0] + eps[1, 1]) / b)


def mubar_delphi(M, ordering: str = "NH", Ubar_max: float = 0.0039,
                 inputs: dict | None = None) -> float:
    """μ̄_ν [GeV] saturating the DELPHI bound Ū = (Σ_ℓi |U_ℓi|²)^{1/2} < Ubar_max (eq. 4.13)."""
    U = mixing(M, 1.0, ordering, inputs)
    return float(np.sum(np.abs(U) ** 2) / Ubar_max**2)
