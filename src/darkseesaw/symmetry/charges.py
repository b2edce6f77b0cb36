r"""Charge solving with exact rational arithmetic.

A Lagrangian term is a monomial of fields, ``{field: exponent}``: a positive exponent means the
field, a negative one its conjugate (ψ̄ for a fermion, σ* for a scalar). Under a U(1) the term has
charge Σ exponent × X(field); invariance of every term is a homogeneous linear system whose
rational kernel is the set of U(1) symmetries of the Lagrangian. Extra normalisation conditions
(``X(σ) = 1``, ``L(lepton doublet) = 1``, ``X(q) = 0`` ...) pick one solution.

Conventions for the terms of Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069:
the ISS term σ^p S̄_R N_R^c is ``{"S": -1, "N": -1, "sigma": p}``, the μ term σ^q S̄_R S_R^c is
``{"S": -2, "sigma": q}`` (q < 0: σ*), L̄ H E_R σ^r is ``{"L": -1, "H": 1, "E_R": 1, "sigma": r}``,
σ^s Ē_L E_R is ``{"E_L": -1, "E_R": 1, "sigma": s}`` and the Dirac Yukawa N̄_R H̃† L is
``{"N": -1, "H": 1, "L": 1}`` (H̃† carries the charge of H).

Example
-------
>>> from darkseesaw.symmetry.charges import extended_lepton_charges
>>> ch = extended_lepton_charges(2, -3, 1, 2)            # the Z13 model of the paper
>>> [str(ch[k]) for k in ("a", "b", "c", "d")]
['-3/7', '9/7', '5/7', '2/7']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from math import gcd, lcm

__all__ = [
    "rref", "nullspace", "solve_linear", "term_charge", "solve_charges", "integer_normalisation",
    "extended_lepton_charges", "charge_lattice_generator",
]


# ----------------------------------------------------------------------------------------------
# exact linear algebra over Q
# ----------------------------------------------------------------------------------------------
def rref(A: Sequence[Sequence]) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row-echelon form of a rational matrix; returns (R, pivot columns)."""
    M = [[Fraction(x) for x in row] for row in A]
    if not M:
        return [], []
    nr, nc = len(M), len(M[0])
    piv: list[int] = []
    r = 0
    for c in range(nc):
        p = next((i for i in range(r, nr) if M[i][c] != 0), None)
        if p is None:
            continue
        M[r], M[p] = M[p], M[r]
        inv = 1 / M[r][c]
        M[r] = [x * inv for x in M[r]]
        for i in range(nr):
            if i != r and M[i][c] != 0:
                f = M[i][c]
                M[i] = [a - f * b for a, b in zip(M[i], M[r], strict=True)]
        piv.append(c)
        r += 1
        if r == nr:
            break
    return M, piv


def nullspace(A: Sequence[Sequence], ncols: int | None = None) -> list[list[Fraction]]:
    """Basis of the rational kernel {x : A x = 0} (one vector per free column)."""
    if not A:
        n = ncols or 0
        return [[Fraction(int(i == j)) for i in range(n)] for j in range(n)]
    R, piv = rref(A)
    n = len(R[0])
    free = [c for c in range(n) if c not in piv]
    basis = []
    for fc in free:
        v = [Fraction(0)] * n
        v[fc] = Fraction(1)
        for i, pc in enumerate(piv):
            v[pc] = -R[i][fc]
        basis.append(v)
    return basis


def solve_linear(A: Sequence[Sequence], b: Sequence) -> tuple[list[Fraction] | None, list[list[Fraction]]]:
    """Solve A x = b exactly: (particular solution or None if inconsistent, kernel basis)."""
    n = len(A[0]) if A else 0
    aug = [[*row, bb] for row, bb in zip(A, b, strict=True)]
    R, piv = rref(aug)
    if n in piv:
        return None, nullspace(A, n)
    x = [Fraction(0)] * n
    for i, pc in enumerate(piv):
        x[pc] = R[i][n]
    return x, nullspace(A, n)


# ----------------------------------------------------------------------------------------------
# charges of terms
# ----------------------------------------------------------------------------------------------
def term_charge(term: Mapping[str, int], charges: Mapping[str, Fraction]) -> Fraction:
    """Charge Σ exponent × charge(field) of a monomial ``{field: exponent}``."""
    return sum((Fraction(e) * Fraction(charges.get(f, 0)) for f, e in term.items()), Fraction(0))


def solve_charges(
    field_names: Sequence[str],
    terms: Sequence[Mapping[str, int]],
    fixed: Mapping[str, Fraction] | None = None,
) -> tuple[dict[str, Fraction] | None, list[dict[str, Fraction]]]:
    """U(1) charges that make every term invariant, with some charges fixed.

    Parameters
    ----------
    field_names : sequence of str
        The unknowns (one charge per field).
    terms : sequence of mappings field -> exponent
        Terms that must have zero charge.
    fixed : mapping field -> rational, optional
        Normalisation conditions (e.g. ``{"sigma": 1}`` or ``{"L": 1, "q": 0, "H": 0}``).

    Returns
    -------
    (solution, free_directions)
        ``solution``: a particular solution (None if the conditions are inconsistent);
        ``free_directions``: kernel basis vectors (as dicts) still undetermined; empty when the
        solution is unique.
    """
    names = list(field_names)
    idx = {n: i for i, n in enumerate(names)}
    A, b = [], []
    for t in terms:
        row = [Fraction(0)] * len(names)
        for f, e in t.items():
            if f not in idx:
                raise KeyError(f"term names unknown field {f!r}")
            row[idx[f]] += e
        A.append(row)
        b.append(Fraction(0))
    for f, v in (fixed or {}).items():
        if f not in idx:
            raise KeyError(f"fixed charge for unknown field {f!r}")
        row = [Fraction(0)] * len(names)
        row[idx[f]] = Fraction(1)
        A.append(row)
        b.append(Fraction(v))
    if not A:
        return {n: Fraction(0) for n in names}, [{n: Fraction(int(n == m)) for n in names}
                                                 for m in names]
    x, ker = solve_linear(A, b)
    sol = None if x is None else dict(zip(names, x, strict=True))
    return sol, [dict(zip(names, v, strict=True)) for v in ker]


def integer_normalisation(charges: Mapping[str, Fraction]) -> tuple[Fraction, dict[str, int]]:
    """Smallest positive rational c̃ such that c̃ × charges are coprime integers.

    Returns ``(c̃, integer charges)``; for the extended lepton number of the Z13 model
    (d = 2/7 ...) c̃ = 7 (the paper's c̃₂ of eq. 26).
    """
    vals = [Fraction(v) for v in charges.values() if v != 0]
    if not vals:
        return Fraction(1), {k: 0 for k in charges}
    den = lcm(*(v.denominator for v in vals))
    ints = [int(v * den) for v in vals]
    g = 0
    for i in ints:
        g = gcd(g, abs(i))
    c = Fraction(den, g)
    return c, {k: int(Fraction(v) * c) for k, v in charges.items()}


def extended_lepton_charges(p: int, q: int, r: int, s: int) -> dict[str, Fraction]:
    """Closed-form extended lepton numbers of Carvajal et al., eqs. (21) and (23).

    d = L(σ) = (p − q/2)⁻¹, a = L(S_R) = q d / 2, c = L(E_R) = 1 − r d, b = L(E_L) = c + s d,
    with L(L_i) = L(l_R) = L(N_R) = 1. Negative q, r, s stand for σ* in the corresponding term.

    Raises
    ------
    ValueError
        If p = q/2 (the two ISS constraints are then not independent).
    """
    p, q, r, s = (Fraction(x) for x in (p, q, r, s))
    if p == q / 2:
        raise ValueError("p = q/2: the ISS terms do not fix the lepton number of sigma")
    d = 1 / (p - q / 2)
    a = q * d / 2
    c = 1 - r * d
    b = c + s * d
    return {"a": a, "b": b, "c": c, "d": d}


def charge_lattice_generator(c1: int, c2: int, B: Mapping[str, Fraction],
                             L: Mapping[str, Fraction], N: int) -> dict[str, int]:
    """Z_N charges (reduced to 0 … N−1) of the generator Z = c1 B + c2 L (eq. 26)."""
    out = {}
    for k in set(B) | set(L):
        z = c1 * Fraction(B.get(k, 0)) + c2 * Fraction(L.get(k, 0))
        if z.denominator != 1:
            raise ValueError(f"charge of {k} under {c1}B+{c2}L is not an integer: {z}")
        out[k] = int(z) % N
    return out
