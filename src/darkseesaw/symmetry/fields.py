"""Fields of a model: chirality/kind, gauge representations, generations and charges.

Every fermion is a two-component Weyl field, either left-handed (``kind="left"``) or
right-handed (``kind="right"``); anomaly sums count left-handed fields with +1 and right-handed
ones with −1 (equivalently, a right-handed ψ_R is the left-handed (ψ_R)^c with opposite charges).
Scalars (``"complex_scalar"``, ``"real_scalar"``) carry charges but never enter anomalies.

Charges are exact rationals (`fractions.Fraction`): U(1) charges under any number of named
U(1)s (``hypercharge`` is the one named ``Y``) and Z_N charges (integers mod N) under any
number of named Z_N factors.

Example
-------
>>> from darkseesaw.symmetry import Field
>>> q = Field("q_L", "left", su3="3", su2=2, generations=3, u1={"Y": "1/6", "B": "1/3"})
>>> q.multiplicity, q.u1["Y"]
(18, Fraction(1, 6))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .representations import Rep, su2, su3

__all__ = ["Field", "to_fraction", "KINDS", "FERMION_KINDS"]

KINDS = ("left", "right", "complex_scalar", "real_scalar")
FERMION_KINDS = ("left", "right")
_KIND_ALIASES = {
    "l": "left", "left": "left", "lh": "left", "left-handed": "left", "weyl_left": "left",
    "r": "right", "right": "right", "rh": "right", "right-handed": "right", "weyl_right": "right",
    "scalar": "complex_scalar", "complex": "complex_scalar", "complex_scalar": "complex_scalar",
    "real": "real_scalar", "real_scalar": "real_scalar",
}


def to_fraction(value) -> Fraction:
    """Exact rational from an int, a Fraction, a string like ``"-7/2"`` or ``"0.5"``.

    Floats are accepted only when they are exactly representable with a small denominator
    (``0.5``, ``-1.25``); anything else raises ``ValueError`` (no eval, no guessing). Numerator
    and denominator are bounded by ``MAX_CHARGE`` (10⁶) in magnitude: a charge is a small
    rational, and a huge one would make every anomaly sum a giant integer.
    """
    if isinstance(value, bool):
        raise ValueError(f"{_show(value)} is not a number")
    if isinstance(value, Fraction):
        return _bounded(value, value)
    if isinstance(value, int):
        return _bounded(Fraction(value), value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} is not a finite number")
        f = Fraction(value)
        g = f.limit_denominator(1000)
        if float(g) != value:
            raise ValueError(f"{value!r} is not an exact rational; write it as a fraction 'a/b'")
        return _bounded(g, value)
    if isinstance(value, str):
        s = value.strip().replace(" ", "")
        if len(s) > 40 or "e" in s.lower():
            raise ValueError(f"{_show(value)} is not a small rational (write integers or "
                             "fractions like '7/2')")
        try:
            return _bounded(Fraction(s), value)
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{_show(value)} is not a number (write integers or fractions like "
                             "'7/2')") from None
    raise ValueError(f"{_show(value)} is not a number")


MAX_CHARGE = 10**6
"""Largest numerator or denominator of a charge (in magnitude)."""


def _show(value, limit: int = 40) -> str:
    r = repr(value) if not isinstance(value, int) or value.bit_length() < 4000 else "<huge int>"
    return r if len(r) <= limit else r[:limit] + "…"


def _bounded(f: Fraction, value) -> Fraction:
    if abs(f.numerator) > MAX_CHARGE or f.denominator > MAX_CHARGE:
        raise ValueError(f"{_show(value)} is too large for a charge (numerator and denominator "
                         f"at most {MAX_CHARGE:,})")
    return f


@dataclass(frozen=True)
class Field:
    """One field (a multiplet of SU(3) × SU(2), repeated ``generations`` times).

    Parameters
    ----------
    name : str
        Identifier used in terms (letters, digits, ``_`` and ``'``).
    kind : str
        ``"left"``/``"right"`` (Weyl fermions), ``"complex_scalar"`` or ``"real_scalar"``.
    su3, su2 : str or int
        Representations (see `darkseesaw.symmetry.representations`).
    generations : int
        Number of copies (family-blind charges).
    u1 : dict[str, Fraction-like]
        Charges under named U(1)s (missing names mean charge 0).
    zn : dict[str, int]
        Charges under named Z_N factors (missing names mean 0); reduced mod N by the caller.
    """

    name: str
    kind: str
    su3: Rep | str | int = "1"
    su2: Rep | str | int = "1"
    generations: int = 1
    u1: dict = field(default_factory=dict)
    zn: dict = field(default_factory=dict)

    def __post_init__(self):
        kind = _KIND_ALIASES.get(str(self.kind).strip().lower())
        if kind is None:
            raise ValueError(f"unknown field kind {self.kind!r}; use one of {', '.join(KINDS)}")
        object.__setattr__(self, "kind", kind)
        if not isinstance(self.su3, Rep):
            object.__setattr__(self, "su3", su3(self.su3))
        if not isinstance(self.su2, Rep):
            object.__setattr__(self, "su2", su2(self.su2))
        if isinstance(self.generations, bool) or not isinstance(self.generations, int) \
                or not 1 <= self.generations <= 100:
            raise ValueError(f"generations must be an integer from 1 to 100, got "
                             f"{_show(self.generations)}")
        object.__setattr__(self, "u1", {k: to_fraction(v) for k, v in dict(self.u1).items()})
        zn = {}
        for k, v in dict(self.zn).items():
            fv = to_fraction(v)
            if fv.denominator != 1:
                raise ValueError(f"Z_N charge {v!r} of {self.name} under {k} is not an integer")
            zn[k] = int(fv)
        object.__setattr__(self, "zn", zn)
        if kind == "real_scalar":
            for k, v in self.u1.items():
                if v != 0:
                    raise ValueError(f"real scalar {self.name} cannot carry U(1) charge {k}={v}")

    # ----------------------------------------------------------------------------------
    @property
    def is_fermion(self) -> bool:
        """True for Weyl fermions."""
        return self.kind in FERMION_KINDS

    @property
    def chirality(self) -> int:
        """+1 for left-handed, −1 for right-handed Weyl fermions, 0 for scalars."""
        return {"left": 1, "right": -1}.get(self.kind, 0)

    @property
    def multiplicity(self) -> int:
        """Number of Weyl components: dim(SU3) × dim(SU2) × generations."""
        return self.su3.dim * self.su2.dim * self.generations

    def charge(self, u1_name: str) -> Fraction:
        """Charge under a U(1) (0 when not given)."""
        return self.u1.get(u1_name, Fraction(0))

    def zcharge(self, zn_name: str) -> int:
        """Charge under a Z_N factor (0 when not given)."""
        return self.zn.get(zn_name, 0)

    def electric_charges(self, hypercharge: str = "Y") -> tuple[Fraction, ...]:
        """Electric charges Q = T3 + Y of the SU(2) components."""
        y = self.charge(hypercharge)
        return tuple(t3 + y for t3 in self.su2.weights)

    def with_charges(self, u1: dict | None = None, zn: dict | None = None) -> Field:
        """A copy with some U(1) and/or Z_N charges added or replaced."""
        return Field(self.name, self.kind, self.su3, self.su2, self.generations,
                     {**self.u1, **(u1 or {})}, {**self.zn, **(zn or {})})
