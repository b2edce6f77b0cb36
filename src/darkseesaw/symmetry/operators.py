r"""Lowest invariant operators under Z_N factors (and exact U(1)s).

Given a bilinear (or any monomial) O of the fields and scalar singlets σ₁, σ₂ …, find the integer
powers n = (n₁, n₂, …) with the smallest total |n₁| + |n₂| + … such that σ₁^{n₁} σ₂^{n₂} … O is
invariant (n_i < 0 means σ_i*^{|n_i|}); its mass dimension is dim(O) + Σ|n_i| and it is suppressed
by M_Pl^{dim−4}. Because h.c. is always added, O and O† give the same |n|.

The condition per Z_N factor is Σ n_i Z(σ_i) + Z(O) ≡ 0 (mod N); per exact (gauge) U(1) it is
Σ n_i X(σ_i) + X(O) = 0. The search walks the total order t = 0, 1, 2 … and returns all
minimisers, so ties (σ⁴σ′*³ versus σ*⁴σ′*³) are all reported.

When no power works, `why_forbidden` says which symmetry forbids the operator, exactly (an
integer linear system, `integer_solvable`, not a bounded search): a gauge U(1) whose charge no
singlet power cancels (the singlets are usually neutral: O itself is not gauge invariant), or a
Z_N factor alone (the powers of the singlets reach only a subgroup of Z_N that misses −Z(O);
e.g. O = L H_u with no singlet under a Z_N that charges L), or only the conditions together. This is what Carvajal, Dias,
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
from math import gcd, lcm

__all__ = ["OperatorResult", "lowest_powers", "lowest_singlet_operator", "format_powers",
           "vectors_with_l1", "OperatorSearchTooLarge", "MAX_CANDIDATES", "integer_solvable",
           "why_forbidden"]

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
        Smallest Σ|n_i| (None: no power makes the operator invariant).
    powers : list[dict[str, int]]
        All minimising power vectors (singlet name -> signed power; zero entries dropped).
    forbidden_by : dict or None
        When ``order`` is None: `why_forbidden`'s answer (``kind`` ``"u1"``, ``"zn"``,
        ``"zn+u1"`` or ``"search"``, the ``symmetries`` responsible and a ``reason``).
    """

    order: int | None
    powers: list[dict[str, int]] = field(default_factory=list)
    forbidden_by: dict | None = None

    def as_dict(self) -> dict:
        return {"order": self.order, "powers": self.powers,
                "operators": [format_powers(p) for p in self.powers],
                "forbidden_by": self.forbidden_by}


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
    return OperatorResult(None, [], why_forbidden(op_zn, singlets, zn, op_u1=op_u1,
                                                  singlet_u1=singlet_u1, max_order=max_order))


def integer_solvable(rows: list[list[int]], rhs: list[int]) -> bool:
    """Whether the integer linear system ``rows · x = rhs`` has an integer solution x.

    Exact: ``rhs`` is tested for membership of the lattice spanned by the columns, which are
    brought to echelon form by unimodular column operations (Euclid on each row, i.e. a
    column-style Hermite reduction).

    >>> integer_solvable([[2, 4]], [6]), integer_solvable([[2, 4]], [3])
    (True, False)
    >>> integer_solvable([[2, 13]], [1])        # 2 x + 13 y = 1: Z13 reached by sigma^n
    True
    """
    m = len(rhs)
    cols = [[int(rows[i][j]) for i in range(m)] for j in range(len(rows[0]) if rows else 0)]
    cols = [c for c in cols if any(c)]
    b = [int(v) for v in rhs]
    for r in range(m):
        nz = [c for c in cols if c[r] != 0]
        rest = [c for c in cols if c[r] == 0]
        while len(nz) > 1:
            nz.sort(key=lambda c: abs(c[r]))
            p = nz[0]
            keep = [p]
            for c in nz[1:]:
                q = c[r] // p[r]
                c2 = [ci - q * pi for ci, pi in zip(c, p, strict=True)]
                (keep if c2[r] != 0 else rest).append(c2)
            nz = keep
        if nz:
            p = nz[0]
            if b[r] % p[r]:
                return False
            q = b[r] // p[r]
            b = [bi - q * pi for bi, pi in zip(b, p, strict=True)]
        elif b[r]:
            return False
        cols = [c for c in rest if any(c)]
    return True


def _rows(op_zn, singlets, zn, op_u1, singlet_u1, names, use_zn, use_u1):
    """Integer rows of the invariance conditions: one per Z_N (with a slack column N·m) and
    one per U(1) (scaled to integers); unknowns = singlet powers, then the slacks."""
    rows, rhs = [], []
    use_zn = list(use_zn)
    for j, z in enumerate(use_zn):
        slack = [0] * len(use_zn)
        slack[j] = zn[z]
        rows.append([int(singlets[s].get(z, 0)) for s in names] + slack)
        rhs.append(-int(op_zn.get(z, 0)))
    for u in use_u1:
        vals = [Fraction(singlet_u1.get(s, {}).get(u, 0)) for s in names]
        o = Fraction(op_u1.get(u, 0))
        den = lcm(*(v.denominator for v in [*vals, o]))
        rows.append([int(v * den) for v in vals] + [0] * len(use_zn))
        rhs.append(-int(o * den))
    return rows, rhs


def why_forbidden(
    op_zn: Mapping[str, int],
    singlets: Mapping[str, Mapping[str, int]],
    zn: Mapping[str, int],
    *,
    op_u1: Mapping[str, Fraction] | None = None,
    singlet_u1: Mapping[str, Mapping[str, Fraction]] | None = None,
    max_order: int | None = None,
) -> dict:
    """Which symmetry forbids an operator that no singlet power makes invariant.

    Parameters
    ----------
    op_zn, singlets, zn, op_u1, singlet_u1 : as in `lowest_powers`.
    max_order : int, optional
        The order up to which `lowest_powers` searched (quoted when the exact test finds a
        solution beyond it).

    Returns
    -------
    dict
        ``kind``: ``"u1"`` (a gauge U(1) charge that no singlet power cancels: the operator is
        not gauge invariant), ``"zn"`` (the Z_N factors alone forbid it, whatever the U(1)s),
        ``"zn+u1"`` (each set of conditions can be met, not both together) or ``"search"``
        (invariant powers exist, beyond ``max_order``); ``symmetries``: the factors responsible
        (each one that forbids the operator on its own, else all of that kind); ``reason``:
        one line for people.

    Examples
    --------
    >>> why_forbidden({"Z3": 1}, {}, {"Z3": 3})["reason"]
    'forbidden by Z3 alone: charge 1 mod 3 and no singlet to compensate'
    >>> why_forbidden({}, {"s": {}}, {}, op_u1={"Y": Fraction(1, 2)})["kind"]
    'u1'
    """
    op_u1 = {u: Fraction(v) for u, v in (op_u1 or {}).items()}
    singlet_u1 = singlet_u1 or {}
    names = list(singlets)
    u1s = sorted(set(op_u1) | {u for s in singlet_u1.values() for u in s})
    zns = list(zn)

    def ok(use_zn, use_u1):
        rows, rhs = _rows(op_zn, singlets, zn, op_u1, singlet_u1, names, use_zn, use_u1)
        return not rows or integer_solvable(rows, rhs)

    if not ok([], u1s):
        bad = [u for u in u1s if not ok([], [u])] or u1s
        ch = ", ".join(f"{u} = {op_u1.get(u, Fraction(0))}" for u in bad)
        return {"kind": "u1", "symmetries": bad,
                "reason": f"not gauge invariant: {ch} (gauge U(1)"
                          f"{'s' if len(bad) > 1 else ''}), which no singlet power cancels"}
    if not ok(zns, []):
        bad = [z for z in zns if not ok([z], [])]
        if bad:
            parts = []
            for z in bad:
                g = zn[z]
                for s in names:
                    g = gcd(g, int(singlets[s].get(z, 0)))
                c = int(op_zn.get(z, 0)) % zn[z]
                parts.append((f"charge {c} mod {zn[z]}",
                              "no singlet to compensate" if not names else
                              "the singlets are neutral under it" if g == zn[z] else
                              f"the singlet powers reach only multiples of {g}"))
            if len(bad) == 1:
                what = f"forbidden by {bad[0]} alone: {parts[0][0]} and {parts[0][1]}"
            elif len({p[1] for p in parts}) == 1:
                what = (f"forbidden by each of {', '.join(bad)} alone (charge "
                        + ", ".join(p[0].removeprefix("charge ") for p in parts)
                        + f"; {parts[0][1]})")
            else:
                what = (f"forbidden by each of {', '.join(bad)} alone ("
                        + "; ".join(f"{z}: {p[0]}, {p[1]}" for z, p in zip(bad, parts,
                                                                              strict=True)) + ")")
            return {"kind": "zn", "symmetries": bad, "reason": what}
        return {"kind": "zn", "symmetries": zns,
                "reason": "forbidden by the Z_N factors " + " x ".join(zns) + " together "
                          "(each alone could be compensated by singlet powers)"}
    if not ok(zns, u1s):
        return {"kind": "zn+u1", "symmetries": zns + u1s,
                "reason": "forbidden by the Z_N and gauge U(1) conditions together"}
    return {"kind": "search", "symmetries": [],
            "reason": f"invariant singlet powers exist beyond the order searched ({max_order})"}


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
