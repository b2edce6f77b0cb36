r"""Discrete subgroups Z_N of combinations of U(1)s, and their anomaly test.

Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069, eq. (26): the protecting Z_N is taken as
Z = c₁ B + c₂ L with c₁ = 3 n₁ (only 3B is integral on quarks) and c₂ = n₂ c̃₂ where c̃₂ is the
smallest integer making every L charge an integer (and the set coprime). Rules against
redundancy used here (the paper's, made explicit):

* n₂ = 1. Rescaling Z by a unit u of Z_N (gcd(u, N) = 1) gives the same group, so any n₂ coprime
  to N can be brought to 1; an n₂ sharing a factor with N realises only a proper subgroup on the
  lepton sector (already covered by a smaller N).
* n₁ runs over one period, written in the symmetric range −N/2 < n₁ ≤ N/2 (so that
  3L − 3B rather than 21B + 3L is printed; the charges mod N are the same).
* The generator must act as the full Z_N: gcd(all charges, N) = 1.
* For N = 2M with M odd, a generator whose Z₂ part is fermion parity (−1)^F (every fermion odd,
  every scalar even) is Z_M × (−1)^F: the same physics as Z_M; it is flagged ``redundant``.

Example
-------
>>> from darkseesaw.symmetry.discrete import format_generator
>>> format_generator(6, 7), format_generator(-3, 3, "L'")
('6B+7L', "-3B+3L'")
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import gcd

from .anomalies import DiscreteAnomaly, discrete_coefficients
from .charges import integer_normalisation
from .fields import Field

__all__ = ["ZnGenerator", "bl_generators", "format_generator", "parse_generator",
           "is_fermion_parity_extension", "full_group"]


def format_generator(c1: int, c2: int, lname: str = "L", bname: str = "B") -> str:
    """``c1 B + c2 L`` as a compact string (``"6B+7L"``, ``"-3B+3L'"``, ``"L'+9B"`` style)."""
    parts = []
    for c, n in ((c1, bname), (c2, lname)):
        if c == 0:
            continue
        coef = "" if abs(c) == 1 else str(abs(c))
        sign = "-" if c < 0 else "+"
        parts.append(f"{sign}{coef}{n}")
    s = "".join(parts) or "0"
    return s[1:] if s.startswith("+") else s


_GEN_RE = re.compile(r"\s*([+-]?)\s*(\d+(?:/\d+)?)?\s*\*?\s*([A-Za-z_][A-Za-z0-9_']*)\s*")


def parse_generator(text: str, known: Sequence[str]) -> dict[str, Fraction]:
    """Parse ``"6B + 7L"`` / ``"3L - 3B"`` into ``{"B": 6, "L": 7}`` (no eval).

    Raises ``ValueError`` on any other syntax or on a name not in ``known``.
    """
    s = text.strip()
    if not s:
        raise ValueError("empty generator")
    pos, out = 0, {}
    first = True
    while pos < len(s):
        m = _GEN_RE.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse generator {text!r} near {s[pos:]!r}")
        sign, coef, name = m.groups()
        if not first and not sign:
            raise ValueError(f"cannot parse generator {text!r}: missing + or - before {name!r}")
        if name not in known:
            raise ValueError(f"generator {text!r} names unknown U(1) {name!r}; known: {', '.join(known)}")
        c = Fraction(coef) if coef else Fraction(1)
        out[name] = out.get(name, Fraction(0)) + (-c if sign == "-" else c)
        pos = m.end()
        first = False
    return out


def full_group(charges: Mapping[str, int], N: int) -> bool:
    """True when the charges generate all of Z_N (gcd of the charges and N is 1)."""
    g = N
    for z in charges.values():
        g = gcd(g, int(z) % N)
    return g == 1


def is_fermion_parity_extension(fields: Sequence[Field], charges: Mapping[str, int], N: int) -> bool:
    """For N = 2M with M odd: is the Z₂ part of Z_N ≅ Z₂ × Z_M fermion parity (−1)^F?"""
    if N % 2 or (N // 2) % 2 == 0:
        return False
    return all((charges.get(f.name, 0) % 2) == (1 if f.is_fermion else 0) for f in fields)


@dataclass
class ZnGenerator:
    """One Z_N = c₁B + c₂L candidate with its charges and discrete anomalies."""

    N: int
    c1: int
    c2: int
    charges: dict[str, int]
    anomaly: DiscreteAnomaly
    redundant: bool = False
    lname: str = "L"

    @property
    def name(self) -> str:
        return format_generator(self.c1, self.c2, self.lname)

    def as_dict(self) -> dict:
        return {"N": self.N, "generator": self.name, "c1": self.c1, "c2": self.c2,
                "charges": self.charges, "anomalies": self.anomaly.as_dict(),
                "redundant": self.redundant}


def bl_generators(
    fields: Sequence[Field], N: int, *, B: str = "B", L: str = "L",
    reduce: bool = False,
) -> list[ZnGenerator]:
    """All non-redundant Z_N = 3n₁ B + c̃₂ L generators (eq. 26) with their discrete anomalies.

    Parameters
    ----------
    fields : the fields, with U(1) charges named ``B`` and ``L`` (rational).
    N : order of the group.
    reduce : reduce the charges to 0 … N−1. By default they are the integers c₁B + c₂L
        themselves, as printed in the paper's Tables III, V, VII; the anomaly coefficients are
        then c₁A(B) + c₂A(L) (eq. 27; e.g. A₂ = 39/2, A_grav = 13 for Z13). Reduction changes
        them by multiples of N/2 only.

    Returns
    -------
    list of ZnGenerator, ordered by |n₁|; anomaly-free ones have ``anomaly.free``.
    """

    Lch = {f.name: f.charge(L) for f in fields}
    ct2, _ = integer_normalisation(Lch)
    if ct2.denominator != 1:
        raise ValueError("c̃₂ is not an integer")
    c2 = int(ct2)
    out = []
    half = N // 2
    for n1 in sorted(range(-((N - 1) // 2), half + 1), key=lambda n: (abs(n), -n)):
        c1 = 3 * n1
        ch = {}
        for f in fields:
            z = c1 * f.charge(B) + c2 * f.charge(L)
            if z.denominator != 1:
                raise ValueError(f"{f.name}: {c1}B+{c2}L is not integral")
            ch[f.name] = int(z) % N if reduce else int(z)
        if not full_group(ch, N):
            continue
        an = discrete_coefficients(fields, ch, N)
        red = is_fermion_parity_extension(fields, ch, N)
        out.append(ZnGenerator(N, c1, c2, ch, an, red, L))
    return out
