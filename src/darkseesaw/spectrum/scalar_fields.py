"""Building blocks of the scalar-potential engine (`darkseesaw.spectrum.scalars`): the
multiplets, the mass blocks and spectra it returns, the vacuum of a minimisation, and
`mixing_angle`. Conventions are those of `darkseesaw.spectrum.scalars`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Doublet", "Singlet", "MassBlock", "ScalarSpectrum", "Vacuum", "mixing_angle"]


# --------------------------------------------------------------------------------------------
# Multiplets
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Doublet:
    """An SU(2)_L doublet Φ = (φ⁺, φ⁰), real coordinates (w₁, w₂, h, a).

    Parameters
    ----------
    name : str
        Key of the field in the ``fields`` dict passed to V.
    charges : dict[str, float]
        Abelian charges, e.g. ``{"Y": 0.5, "BL": 0}``. The electric charge of the upper
        component is T₃ + Y = 1/2 + Y; the engine assumes the lower component is neutral
        (Y = 1/2 for an SM-like doublet; Y = −1/2 doublets should be written as their
        conjugates).
    """

    name: str
    charges: Mapping[str, float] = field(default_factory=lambda: {"Y": 0.5})
    n_real = 4
    kind = "doublet"

    def labels(self) -> list[str]:
        n = self.name
        return [f"Re {n}+", f"Im {n}+", f"Re {n}0", f"Im {n}0"]


@dataclass(frozen=True)
class Singlet:
    """A gauge singlet of SU(2)_L (complex by default: coordinates (ϕ, a); real: (s,)).

    Parameters
    ----------
    name : str
        Key of the field in the ``fields`` dict passed to V.
    charges : dict[str, float]
        Abelian charges, e.g. ``{"BL": 1}`` (a real singlet must have none).
    real : bool
        A real singlet s = v + s' (one coordinate).
    """

    name: str
    charges: Mapping[str, float] = field(default_factory=dict)
    real: bool = False
    kind = "singlet"

    @property
    def n_real(self) -> int:  # type: ignore[override]
        return 1 if self.real else 2

    def labels(self) -> list[str]:
        n = self.name
        return [f"{n}"] if self.real else [f"Re {n}", f"Im {n}"]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------
@dataclass
class MassBlock:
    """One diagonalised mass block.

    Attributes
    ----------
    labels : list[str]
        Interaction-basis coordinates of the block.
    matrix : ndarray (..., n, n)
        Mass-squared matrix [GeV²] (real symmetric; complex Hermitian for the charged block).
    m2 : ndarray (..., n)
        Eigenvalues [GeV²], ascending (Goldstones ≈ 0 first).
    rotation : ndarray (..., n, n)
        Columns are eigenvectors: Oᵀ M² O = diag(m2) (U† M² U for the charged block).
    goldstone : ndarray (..., n) of bool
        Which eigenstates are Goldstone bosons (overlap with the broken-generator directions).
    n_goldstone : int
        Number of Goldstones (of the first batch point if batched).
    """

    labels: list[str]
    matrix: np.ndarray
    m2: np.ndarray
    rotation: np.ndarray
    goldstone: np.ndarray

    @property
    def masses(self) -> np.ndarray:
        """sqrt(max(m2, 0)) [GeV]."""
        return np.sqrt(np.clip(self.m2, 0.0, None))

    @property
    def n_goldstone(self) -> int:
        g = np.asarray(self.goldstone)
        return int(g.reshape(-1, g.shape[-1])[0].sum()) if g.size else 0

    def physical(self) -> tuple[np.ndarray, np.ndarray]:
        """(m2, rotation) of the non-Goldstone states only (first batch point if batched)."""
        g = np.asarray(self.goldstone).reshape(-1, self.m2.shape[-1])[0]
        m2 = np.asarray(self.m2).reshape(-1, self.m2.shape[-1])[0][~g]
        O = np.asarray(self.rotation).reshape(-1, *self.rotation.shape[-2:])[0][:, ~g]
        return m2, O


@dataclass
class ScalarSpectrum:
    """Scalar spectrum at a vacuum.

    Attributes
    ----------
    cp_even, cp_odd : MassBlock
        Real parts and imaginary parts of the neutral components (doublet φ⁰, complex
        singlets; real singlets are CP-even).
    charged : MassBlock
        Hermitian block of the charged components φ⁺ of the doublets (empty without doublets).
    neutral : MassBlock
        Full neutral block (CP-even ⊕ CP-odd, with their mixing): use it when CP is violated.
    cp_violation : ndarray
        max |M²_even,odd| / max |M²| (0 when CP is conserved).
    hessian : ndarray (..., n, n)
        Full Hessian of V in the real coordinates `ScalarPotential.labels`.
    gradient : ndarray (..., n)
        ∂V/∂x at the point [GeV³] (the tadpoles; ≈ 0 at a vacuum).
    is_minimum : ndarray of bool
        Hessian ≥ 0 (relative tolerance) with exactly the Goldstone zero modes, and the
        tadpoles vanish (relative tolerance).
    goldstone_residual : ndarray
        max |M² G| / max|M²| over the Goldstone directions (≈ 1e-15 for a gauge-invariant V).
    """

    cp_even: MassBlock
    cp_odd: MassBlock
    charged: MassBlock
    neutral: MassBlock
    cp_violation: np.ndarray
    hessian: np.ndarray
    gradient: np.ndarray
    is_minimum: np.ndarray
    goldstone_residual: np.ndarray


@dataclass
class Vacuum:
    """Result of `ScalarPotential.minimise`.

    Attributes
    ----------
    vevs : dict[str, ndarray]
        Vevs [GeV] by multiplet name (0 for multiplets without vev).
    V : ndarray
        Potential at the vacuum [GeV⁴].
    converged : ndarray of bool
        Newton converged (relative tadpole residual below tolerance).
    is_minimum : ndarray of bool
        Local minimum (see `ScalarSpectrum.is_minimum`).
    is_deepest : ndarray of bool
        V(vacuum) ≤ V of the origin and of every other stationary point found from the
        candidate starting points (all subsets of the guessed vevs set to zero).
    candidates : list[dict]
        The other stationary points found, each ``{"vevs": ..., "V": ...}``.
    """

    vevs: dict[str, np.ndarray]
    V: np.ndarray
    converged: np.ndarray
    is_minimum: np.ndarray
    is_deepest: np.ndarray
    candidates: list[dict[str, Any]]


def mixing_angle(O: np.ndarray, i: int, j: int) -> np.ndarray:
    """Mixing angle between interaction states i and j from a rotation matrix.

    For a 2-state rotation (x_i, x_j) → (cos α x_i + sin α x_j, −sin α x_i + cos α x_j), the
    eigenvector mostly along x_i has components (cos α, sin α), so α = arctan(O[j,k]/O[i,k])
    with k the eigenstate of largest |O[i,k]|. Returned in (−π/2, π/2].

    Parameters
    ----------
    O : ndarray (..., n, n)
        Rotation matrix (columns = eigenvectors).
    i, j : int
        Interaction-basis indices.

    Returns
    -------
    ndarray (...)
        The angle [rad].

    Examples
    --------
    >>> import numpy as np
    >>> a = 0.1; O = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    >>> round(float(mixing_angle(O, 0, 1)), 12)
    0.1
    """
    O = np.asarray(O)
    k = np.argmax(np.abs(O[..., i, :]), axis=-1)
    oi = np.take_along_axis(O[..., i, :], k[..., None], -1)[..., 0]
    oj = np.take_along_axis(O[..., j, :], k[..., None], -1)[..., 0]
    return np.arctan(oj / oi)
