r"""Lowest invariant operators under Z_N factors (and exact U(1)s).

Given a bilinear (or any monomial) O of the fields and scalar singlets σ₁, σ₂ …, find the integer
powers n = (n₁, n₂, …) with the smallest total |n₁| + |n₂| + … such that σ₁^{n₁} σ₂^{n₂} … O is
invariant (n_i < 0 means σ_i*^{|n_i|}); its mass dimension is dim(O) + Σ|n_i| and it is suppressed
by M_Pl^{dim−4}. Because h.c. is always added, O and O† give the same |n|.

The condition per Z_N factor is Σ n_i Z(σ_i) + Z(O) ≡ 0 (mod N); per exact (gauge) U(1) it is
Σ n_i X(σ_i) + X(O) = 0. The search walks the total order t = 0, 1, 2 … and returns all
minimisers, so ties (σ⁴σ′*³ versus σ*⁴σ′*³) are all reported. This is what Carvajal, Dias,
Nishi, Sánchez-Vega (JHEP 05 (2015) 069) call the lowest Z_N-invariant operators
σⁿ N̄_R^c N_R, σ^{n′} L̄ H̃ S_R (Sec. II A) and σ^D (eq. 16).

Example
-------
>>> from darkseesaw.symmetry.operators import lowest_powers
>>> r = lowest_powers({"Z13": 1}, {"sigma": {"Z13": 2}}, {"Z13": 13})   # N_R N_R in Z13
>>> r.order, r.powers
(6, [{'sigma': 6}])
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm

__all__ = ["OperatorResult", "lowest_powers", "lowest_singlet_operator", "format_powers",
           "vectors_with_l1", "OperatorSearchTooLarge", "MAX_CANDIDATES"]

MAX_CANDIDATES = 1_000_000
"""Most candidate power vectors one search examines before it gives up (about 5 s): the count
grows like (number of singlets × order of the Z_N's) to the power of the number of singlets."""


class OperatorSearchTooLarge(ValueError):
    """The lowest-operator search would examine more than `MAX_CANDIDATES` power vectors."""


@dataclass
class OperatorResult:
    """Result of a lowest-power search.

    Attributes
    ----------
    order : int or None
        Smallest Σ|n_i| (None: no power makes the operator invariant, e.g. it violates an
        exact U(1) such as hypercharge).
    powers : list[dict[str, int]]
        All minimising power vectors (singlet name -> signed power; zero entries dropped).
    """

    order: int | None
    powers: list[dict[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"order": self.order, "powers": self.powers,
                "operators": [format_powers(p) for p in self.powers]}


def format_powers(powers: Mapping[str, int]) -> str:
    """``{"sigma": 2, "sigma'": -1}`` -> ``"sigma^2 sigma'*"`` (``"1"`` for no singlet)."""
    parts = []
    for k, n in powers.items():
        if n == 0:
            continue
        base = k if n > 0 else f"{k}*"
        parts.append(base if abs(n) == 1 else f"{base}^{abs(n)}")
    return " ".join(parts) if parts else "1"


def vectors_with_l1(k: int, t: int):
    """All integer vectors of length k with Σ|n_i| = t."""
    if k == 0:
        if t == 0:
            yield ()
        return
    for comp in _compositions(t, k):
        nz = [i for i, c in enumerate(comp) if c]
        for signs in itertools.product((1, -1), repeat=len(nz)):
            v = list(comp)
            for i, sgn in zip(nz, signs, strict=True):
                v[i] *= sgn
            yield tuple(v)


def _compositions(t: int, k: int):
    if k == 1:
        yield (t,)
        return
    for first in range(t + 1):
        for rest in _compositions(t - first, k - 1):
            yield (first, *rest)


def lowest_powers(
    op_zn: Mapping[str, int],
    singlets: Mapping[str, Mapping[str, int]],
    zn: Mapping[str, int],
    *,
    op_u1: Mapping[str, Fraction] | None = None,
    singlet_u1: Mapping[str, Mapping[str, Fraction]] | None = None,
    exclude_zero: bool = False,
    max_order: int | None = None,
) -> OperatorResult:
    """Smallest powers of the singlets that make an operator invariant.

    Parameters
    ----------
    op_zn : mapping Z_N name -> charge of the operator O.
    singlets : mapping singlet name -> {Z_N name: charge}.
    zn : mapping Z_N name -> N.
    op_u1, singlet_u1 : optional exact U(1) charges (gauge symmetries that must be conserved).
    exclude_zero : bool
        Skip n = 0 (used for pure singlet operators σ^D).
    max_order : int, optional
        Largest Σ|n| tried (default: number of singlets × lcm of the N's, which is enough).

    Returns
    -------
    OperatorResult
    """
    names = list(singlets)
    k = len(names)
    op_u1 = {u: Fraction(v) for u, v in (op_u1 or {}).items()}
    singlet_u1 = singlet_u1 or {}
    u1_names = set(op_u1) | {u for s in singlet_u1.values() for u in s}
    if max_order is None:
        period = lcm(*zn.values()) if zn else 1
        max_order = max(1, k) * period
    examined = 0
    for t in range(0, max_order + 1):
        found = []
        for v in vectors_with_l1(k, t):
            if exclude_zero and t == 0:
                continue
            examined += 1
            if examined > MAX_CANDIDATES:
                raise OperatorSearchTooLarge(
                    f"no invariant found among the first {MAX_CANDIDATES:,} singlet powers "
                    f"(up to order {t}; the search could run to order {max_order:,} with "
                    f"{k} singlet{'s' if k != 1 else ''}): use fewer singlets or smaller Z_N")
            ok = True
            for zname, N in zn.items():
                tot = op_zn.get(zname, 0) + sum(n * singlets[s].get(zname, 0)
                                                 for n, s in zip(v, names, strict=True))
                if tot % N:
                    ok = False
                    break
            if ok:
                for u in u1_names:
                    tot = op_u1.get(u, Fraction(0)) + sum(
                        n * Fraction(singlet_u1.get(s, {}).get(u, 0))
                        for n, s in zip(v, names, strict=True))
                    if tot != 0:
                        ok = False
                        break
            if ok:
                found.append({s: n for s, n in zip(names, v, strict=True) if n})
        if found:
            return OperatorResult(t, found)
        if k == 0:
            break
    return OperatorResult(None, [])


def lowest_singlet_operator(
    singlets: Mapping[str, Mapping[str, int]], zn: Mapping[str, int], only: str | None = None
) -> OperatorResult:
    """Lowest pure singlet operator σ₁^{n₁} σ₂^{n₂} … (n ≠ 0) invariant under the Z_N's.

    With ``only`` the search is restricted to powers of that one singlet: this is the σ^D of
    eq. (16) of Carvajal et al. that sets the mass of the ALP hosted by σ (D = N / gcd(Z_σ, N)
    for one Z_N).
    """
    if only is not None:
        singlets = {only: singlets[only]}
    return lowest_powers({}, singlets, zn, exclude_zero=True)
