r"""A model's symmetry content: fields, U(1) and Z_N factors, invariant terms, operators.

`SymmetryModel` gathers everything the ``darkseesaw symmetry`` command reports: the anomaly
table of every U(1), the discrete anomalies of every Z_N (eq. 24 of Carvajal et al., JHEP 05
(2015) 069), U(1) charges solved from the terms that must be invariant, the invariance of every
term, the lowest singlet powers that make given bilinears invariant and the lowest pure singlet
operators (σ^D, which set ALP masses), and the ALP-photon coefficient C_aγ.

Terms are written as monomials: a mapping ``{field: exponent}`` or a string such as
``"S* N* sigma^2"`` (``name*`` is the conjugate, ``^k`` a power; a negative power also means the
conjugate). Fermion bilinears follow the charge of the product: S̄_R N_R^c ≡ ``"S* N*"``,
N̄_R^c N_R ≡ ``"N N"``, L̄ H̃ S_R ≡ ``"L* H* S"``, Ē_L E_R ≡ ``"E_L* E_R"``.

Example
-------
>>> from darkseesaw.symmetry import sm_fields, SymmetryModel
>>> m = SymmetryModel(sm_fields(nu_R=True), u1={"Y": True, "B": False, "L": False})
>>> m.combination_anomalies({"B": 1, "L": -1})["grav"]        # B - L with three nu_R
Fraction(0, 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .anomalies import (
    DiscreteAnomaly,
    anomaly_table,
    discrete_coefficients,
    em_anomaly,
    gauge_anomaly_check,
)
from .charges import integer_normalisation, solve_charges, term_charge
from .fields import Field
from .operators import (
    OperatorResult,
    OperatorSearchTooLarge,
    format_powers,
    lowest_powers,
    lowest_singlet_operator,
)

__all__ = ["SymmetryModel", "parse_term", "sm_fields", "format_term", "spinor_indices",
           "is_lorentz_scalar", "mass_dimension"]

_FACTOR = re.compile(r"^([A-Za-z_][A-Za-z0-9_']*?)(\*?)(?:\^(-?\d+))?$")


def parse_term(term, known: Sequence[str] | None = None) -> dict[str, int]:
    """Monomial ``{field: exponent}`` from a string ``"L* H* S"`` or a mapping (no eval).

    Raises ``ValueError`` for bad syntax or (with ``known``) an unknown field name.
    """
    out: dict[str, int] = {}
    if isinstance(term, Mapping):
        items = []
        for k, v in term.items():
            if isinstance(v, bool) or not isinstance(v, int) or abs(v) > 9999:
                raise ValueError(f"exponent of {str(k)[:40]!r} must be an integer from -9999 to "
                                 f"9999, got {str(v)[:40]}")
            items.append((str(k), v))
    elif isinstance(term, str):
        items = []
        for tok in term.replace("·", " ").split():
            m = _FACTOR.match(tok)
            if not m:
                raise ValueError(f"cannot read factor {tok!r} (write NAME, NAME*, NAME^k or NAME*^k)")
            name, star, power = m.groups()
            if power is not None and len(power) > 4:
                raise ValueError(f"exponent in {tok[:40]!r} too large (at most 9999)")
            n = int(power) if power is not None else 1
            items.append((name, -n if star else n))
        if not items:
            raise ValueError("empty term")
    else:
        raise ValueError(f"a term is a string like 'L* H* S' or a mapping, got {type(term).__name__}")
    for name, n in items:
        if known is not None and name not in known:
            raise ValueError(f"term names unknown field {name!r}")
        out[name] = out.get(name, 0) + n
    return {k: v for k, v in out.items() if v}


def format_term(term: Mapping[str, int]) -> str:
    """Inverse of `parse_term`: ``{"S": -1, "sigma": 2}`` -> ``"S* sigma^2"``."""
    return format_powers(term)


def sm_fields(generations: int = 3, nu_R: bool = False, *, B: bool = True, L: bool = True) -> list[Field]:
    """Standard-Model Weyl fermions and the Higgs doublet with Y, B, L charges.

    Hypercharge with Q = T3 + Y; B(q) = 1/3, L(lepton) = 1. With ``nu_R`` three right-handed
    neutrinos ``nu_R`` (Y = 0, L = 1) are added (one per generation).
    """
    def ch(y, b, l):
        d = {"Y": Fraction(y)}
        if B:
            d["B"] = Fraction(b)
        if L:
            d["L"] = Fraction(l)
        return d

    g = generations
    out = [
        Field("q_L", "left", "3", 2, g, ch("1/6", "1/3", 0)),
        Field("u_R", "right", "3", 1, g, ch("2/3", "1/3", 0)),
        Field("d_R", "right", "3", 1, g, ch("-1/3", "1/3", 0)),
        Field("L_L", "left", "1", 2, g, ch("-1/2", 0, 1)),
        Field("e_R", "right", "1", 1, g, ch(-1, 0, 1)),
        Field("H", "complex_scalar", "1", 2, 1, ch("1/2", 0, 0)),
    ]
    if nu_R:
        out.append(Field("nu_R", "right", "1", 1, g, ch(0, 0, 1)))
    return out


@dataclass
class SymmetryModel:
    """Fields with their charges plus the symmetry bookkeeping of a model.

    Parameters
    ----------
    fields : list of Field
    u1 : mapping U(1) name -> exact (True for gauge symmetries such as Y, imposed on operators;
        False for global/accidental ones, only reported).
    zn : mapping Z_N name -> N.
    terms : Lagrangian terms that must be invariant (mappings field -> exponent).
    singlets : names of the scalar singlets whose powers dress operators (σ, σ′ …).
    operators : named bilinears to examine (mappings field -> exponent).
    hypercharge : name of the hypercharge U(1).
    """

    fields: list[Field]
    u1: dict[str, bool] = field(default_factory=dict)
    zn: dict[str, int] = field(default_factory=dict)
    terms: list[dict[str, int]] = field(default_factory=list)
    singlets: list[str] = field(default_factory=list)
    operators: dict[str, dict[str, int]] = field(default_factory=dict)
    hypercharge: str = "Y"

    # ---------------------------------------------------------------- lookup
    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def charges(self, u1: str) -> dict[str, Fraction]:
        """Charges of all fields under a U(1)."""
        return {f.name: f.charge(u1) for f in self.fields}

    def combination(self, coeffs: Mapping[str, Fraction]) -> dict[str, Fraction]:
        """Charges of a linear combination Σ c_k U(1)_k, e.g. ``{"B": 1, "L": -1}``."""
        return {f.name: sum((Fraction(c) * f.charge(k) for k, c in coeffs.items()), Fraction(0))
                for f in self.fields}

    def with_u1(self, name: str, charges: Mapping[str, Fraction], exact: bool = False) -> SymmetryModel:
        """A copy with one more (or replaced) U(1)."""
        fields = [f.with_charges(u1={name: Fraction(charges.get(f.name, 0))}) for f in self.fields]
        return SymmetryModel(fields, {**self.u1, name: exact}, dict(self.zn), list(self.terms),
                             list(self.singlets), dict(self.operators), self.hypercharge)

    def with_zn(self, name: str, N: int, charges: Mapping[str, int]) -> SymmetryModel:
        """A copy with one more (or replaced) Z_N factor."""
        fields = [f.with_charges(zn={name: int(charges.get(f.name, 0))}) for f in self.fields]
        return SymmetryModel(fields, dict(self.u1), {**self.zn, name: int(N)}, list(self.terms),
                             list(self.singlets), dict(self.operators), self.hypercharge)

    # ---------------------------------------------------------------- anomalies
    def u1_anomalies(self) -> dict[str, dict[str, Fraction]]:
        """Anomaly table (`anomaly_table`) of every U(1)."""
        return {u: anomaly_table(self.fields, u, self.hypercharge) for u in self.u1}

    def combination_anomalies(self, coeffs: Mapping[str, Fraction]) -> dict[str, Fraction]:
        """Anomaly table of a combination of U(1)s (e.g. B − L)."""
        return self.with_u1("__comb__", self.combination(coeffs)).u1_anomalies()["__comb__"]

    def mixed_u1_anomalies(self) -> dict[str, Fraction]:
        """Anomalies of the gauge group SU(3)×SU(2)×Π(exact U(1)s), all of which must vanish."""
        return gauge_anomaly_check(self.fields, [u for u, ex in self.u1.items() if ex])

    def discrete_anomalies(self) -> dict[str, DiscreteAnomaly]:
        """A₂, A₃, A_grav of each Z_N factor and whether they vanish mod N/2."""
        return {z: discrete_coefficients(self.fields, {f.name: f.zcharge(z) for f in self.fields}, N)
                for z, N in self.zn.items()}

    # ---------------------------------------------------------------- charges
    def term_charges(self, term: Mapping[str, int]) -> dict[str, Fraction | int]:
        """Charge of a term under every U(1) (exact) and every Z_N (reduced mod N)."""
        out: dict[str, Fraction | int] = {}
        for u in self.u1:
            out[u] = term_charge(term, self.charges(u))
        for z, N in self.zn.items():
            out[z] = int(term_charge(term, {f.name: f.zcharge(z) for f in self.fields})) % N
        return out

    def term_invariance(self) -> list[dict]:
        """For each Lagrangian term: its charges and the symmetries it violates."""
        rows = []
        for t in self.terms:
            ch = self.term_charges(t)
            rows.append({"term": format_term(t), "violates": [k for k, v in ch.items() if v != 0]})
        return rows

    def solve_u1(self, fixed: Mapping[str, Fraction], terms: Sequence[Mapping[str, int]] | None = None):
        """Solve the U(1) charges leaving ``terms`` (default: all terms) invariant.

        Returns ``(charges or None, free directions)``; see `solve_charges`.
        """
        return solve_charges(self.names, terms if terms is not None else self.terms, fixed)

    def integer_charges(self, u1: str) -> tuple[Fraction, dict[str, int]]:
        """c̃ and the coprime integer charges c̃ × X (the paper's c̃₂ for X = L)."""
        return integer_normalisation(self.charges(u1))

    # ---------------------------------------------------------------- operators
    def _singlet_maps(self):
        sz = {s: {z: self.field(s).zcharge(z) for z in self.zn} for s in self.singlets}
        su = {s: {u: self.field(s).charge(u) for u, ex in self.u1.items() if ex}
              for s in self.singlets}
        return sz, su

    def lowest_operator(self, op: Mapping[str, int]) -> OperatorResult:
        """Lowest singlet powers making the operator invariant under the Z_N's and exact U(1)s."""
        sz, su = self._singlet_maps()
        opz = {z: int(term_charge(op, {f.name: f.zcharge(z) for f in self.fields})) for z in self.zn}
        opu = {u: term_charge(op, self.charges(u)) for u, ex in self.u1.items() if ex}
        return lowest_powers(opz, sz, self.zn, op_u1=opu, singlet_u1=su)

    def lowest_operators(self) -> dict[str, OperatorResult]:
        """`lowest_operator` for every named bilinear in ``operators``.

        A search that grows too large raises `OperatorSearchTooLarge` with ``key``
        ``operators.NAME``."""
        out = {}
        for k, op in self.operators.items():
            try:
                out[k] = self.lowest_operator(op)
            except OperatorSearchTooLarge as e:
                e.key = f"operators.{k}"
                raise
        return out

    def singlet_operators(self) -> dict[str, OperatorResult]:
        """Lowest pure singlet operators: σ^D for each singlet alone, and jointly (``"all"``).

        A search that grows too large raises `OperatorSearchTooLarge` with ``key``
        ``singlets``."""
        sz, _ = self._singlet_maps()
        try:
            out = {s: lowest_singlet_operator(sz, self.zn, only=s) for s in self.singlets}
            if len(self.singlets) > 1:
                out["all"] = lowest_singlet_operator(sz, self.zn)
        except OperatorSearchTooLarge as e:
            e.key = "singlets"
            raise
        return out

    # ---------------------------------------------------------------- ALP
    def C_agamma(self, u1: str) -> Fraction:
        """C_aγ = 2 Σ (X_L − X_R) Q² (eq. 15) for the U(1) ``u1``."""
        return 2 * em_anomaly(self.fields, u1, self.hypercharge)

    def term_violations(self) -> list[dict]:
        """The declared terms that are not invariant: index, term, and the charge under each
        violated symmetry (Z_N charges reduced mod N)."""
        out = []
        for i, t in enumerate(self.terms):
            bad = {k: v for k, v in self.term_charges(t).items() if v != 0}
            if bad:
                out.append({"index": i, "term": format_term(t), "charges": bad})
        return out

    # ---------------------------------------------------------------- report
    def report(self) -> dict:
        """Everything as a JSON-ready dict (rationals as strings).

        Operators: ``dimension`` is the mass dimension of the singlet-dressed operator when the
        monomial is a Lorentz scalar (``lorentz_scalar``), else None with ``note`` "not a
        Lorentz scalar" (an odd number of undotted or of dotted Weyl spinors, e.g. L H_u with
        H_u a scalar: its 'dimension' 5/2 would mean nothing). Terms carry ``lorentz_scalar``.
        """
        def s(x):
            return str(x) if isinstance(x, Fraction) else x

        def op_entry(k: str, r: OperatorResult) -> dict:
            op = self.operators[k]
            scalar = is_lorentz_scalar(self, op)
            e = {"bilinear": format_term(op), **r.as_dict(), "lorentz_scalar": scalar,
                 "dimension": (None if r.order is None or not scalar else
                               str(mass_dimension(self, op) + r.order))}
            if not scalar:
                e["note"] = "not a Lorentz scalar"
            return e

        out = {
            "fields": [{"name": f.name, "kind": f.kind, "su3": f.su3.name, "su2": f.su2.name,
                        "generations": f.generations,
                        "u1": {k: s(v) for k, v in f.u1.items()}, "zn": dict(f.zn)}
                       for f in self.fields],
            "u1_anomalies": {u: {k: s(v) for k, v in t.items()} for u, t in self.u1_anomalies().items()},
            "gauge_anomalies": {k: s(v) for k, v in self.mixed_u1_anomalies().items()},
            "discrete_anomalies": {z: a.as_dict() for z, a in self.discrete_anomalies().items()},
            "terms": [{**r, "charges": {k: s(v) for k, v in self.term_charges(t).items()},
                       "lorentz_scalar": is_lorentz_scalar(self, t)}
                      for r, t in zip(self.term_invariance(), self.terms, strict=True)],
            "operators": {k: op_entry(k, r) for k, r in self.lowest_operators().items()},
            "singlet_operators": {k: r.as_dict() for k, r in self.singlet_operators().items()},
        }
        return out


def spinor_indices(model: SymmetryModel, op: Mapping[str, int]) -> tuple[int, int]:
    """Numbers of undotted and dotted Weyl spinor indices of a monomial (no derivatives).

    A left-handed ψ_L is (½, 0) (undotted) and its conjugate (0, ½); a right-handed ψ_R is
    (0, ½) (dotted) and its conjugate (½, 0). Scalars carry none. So ``"S_R* N_R*"``
    (S̄_R N_R^c) has two undotted indices and ``"L* H* S_R"`` (L̄ H̃ S_R) two dotted ones.
    """
    und = dot = 0
    for name, n in op.items():
        f = model.field(name)
        if not f.is_fermion:
            continue
        # a positive power of a left-handed field, or a conjugated right-handed one: undotted
        if (f.kind == "left") == (n > 0):
            und += abs(n)
        else:
            dot += abs(n)
    return und, dot


def is_lorentz_scalar(model: SymmetryModel, op: Mapping[str, int]) -> bool:
    """Whether a monomial without derivatives can be a Lorentz scalar: an even number of
    undotted and an even number of dotted spinor indices (each set contracted with ε)."""
    und, dot = spinor_indices(model, op)
    return und % 2 == 0 and dot % 2 == 0


def mass_dimension(model: SymmetryModel, op: Mapping[str, int]) -> Fraction:
    """Mass dimension of a monomial: 3/2 per fermion, 1 per scalar (an integer for a Lorentz
    scalar; meaningless otherwise, see `is_lorentz_scalar`)."""
    d = Fraction(0)
    for name, n in op.items():
        d += abs(n) * (Fraction(3, 2) if model.field(name).is_fermion else 1)
    return d
