"""Representations of SU(3)_c and SU(2)_L: dimensions, Dynkin indices, cubic anomaly indices.

Normalisation: the Dynkin index of the fundamental is T(fund) = 1/2, so that
Tr(T^a T^b) = T(R) δ^{ab}; for SU(2) the spin-j representation has
T(j) = j(j+1)(2j+1)/3. The cubic anomaly index of SU(3) is A(3) = 1.

Accepted names (strings or integers): SU(3): ``1, 3, 3bar, 6, 6bar, 8, 10, 10bar``;
SU(2): ``1, 2, 3, 4, 5`` (dimension = 2j + 1).

Example
-------
>>> from darkseesaw.symmetry.representations import su3, su2
>>> su3("3bar").dynkin, su3("8").dim, su2(2).dynkin
(Fraction(1, 2), 8, Fraction(1, 2))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Rep", "su3", "su2", "SU3_REPS", "SU2_REPS"]


@dataclass(frozen=True)
class Rep:
    """An irreducible representation.

    Attributes
    ----------
    group : str
        ``"SU3"`` or ``"SU2"``.
    name : str
        Canonical name (``"3bar"``, ``"2"`` ...).
    dim : int
        Dimension.
    dynkin : Fraction
        Dynkin index T(R) with T(fund) = 1/2.
    cubic : int
        Cubic anomaly index A(R) (A(3) = 1; zero for SU(2), whose representations are real or
        pseudo-real).
    weights : tuple[Fraction, ...]
        SU(2) only: the T3 eigenvalues of the components (used for electric charges Q = T3 + Y).
    """

    group: str
    name: str
    dim: int
    dynkin: Fraction
    cubic: int = 0
    weights: tuple[Fraction, ...] = ()


SU3_REPS: dict[str, Rep] = {
    "1": Rep("SU3", "1", 1, Fraction(0), 0),
    "3": Rep("SU3", "3", 3, Fraction(1, 2), 1),
    "3bar": Rep("SU3", "3bar", 3, Fraction(1, 2), -1),
    "6": Rep("SU3", "6", 6, Fraction(5, 2), 7),
    "6bar": Rep("SU3", "6bar", 6, Fraction(5, 2), -7),
    "8": Rep("SU3", "8", 8, Fraction(3), 0),
    "10": Rep("SU3", "10", 10, Fraction(15, 2), 27),
    "10bar": Rep("SU3", "10bar", 10, Fraction(15, 2), -27),
}
"""SU(3) representations (Slansky, Phys. Rept. 79 (1981) 1, Table 14; T(fund) = 1/2)."""


def _su2(dim: int) -> Rep:
    j = Fraction(dim - 1, 2)
    weights = tuple(j - k for k in range(dim))
    return Rep("SU2", str(dim), dim, j * (j + 1) * (2 * j + 1) / 3, 0, weights)


SU2_REPS: dict[str, Rep] = {str(d): _su2(d) for d in range(1, 6)}
"""SU(2) representations of dimension 1–5 (T = j(j+1)(2j+1)/3: 0, 1/2, 2, 5, 10)."""

_ALIASES = {"3b": "3bar", "3*": "3bar", "-3": "3bar", "6b": "6bar", "6*": "6bar", "-6": "6bar",
            "10b": "10bar", "10*": "10bar", "-10": "10bar"}


def _lookup(table: dict[str, Rep], value, group: str) -> Rep:
    key = str(value).strip().lower().replace(" ", "")
    key = _ALIASES.get(key, key)
    if key not in table:
        raise ValueError(f"unknown {group} representation {value!r}; known: {', '.join(table)}")
    return table[key]


def su3(value) -> Rep:
    """SU(3)_c representation from its name (``3``, ``"3bar"``, ``8`` ...)."""
    return _lookup(SU3_REPS, value, "SU(3)")


def su2(value) -> Rep:
    """SU(2)_L representation from its dimension (``1`` … ``5``)."""
    return _lookup(SU2_REPS, value, "SU(2)")
