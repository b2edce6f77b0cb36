r"""Field content and symmetries of the models of Carvajal, Dias, Nishi, Sánchez-Vega,
"Axion like particles and the inverse seesaw mechanism", JHEP 05 (2015) 069 [arXiv:1503.03502]
(with its erratum), built on `darkseesaw.symmetry`.

Nothing here is typed from the paper's tables: the extended lepton numbers are *solved* from
the Lagrangian terms (eqs. 7, 20, 22, 40, 41, 47 and the erratum's eq. 54), the Z_N charges
follow from the generators, and the anomalies, C_aγ and the lowest operators are computed.

Field names: ``q_L, d_R, u_R, H, L, l_R, N_R, S_R, E_L, E_R, sigma`` (+ ``sigma'``, ``E'_L``,
``E'_R`` for the two-ALP models). N_R and S_R are right-handed, three generations each; E is a
vector-like charged lepton (Y = −1), one generation.

The model ``alp-discrete`` (`darkseesaw.models.alp_discrete`) reads its variants from here:
`VARIANTS` (generators and the singlet powers of the M, μ and M_E terms), `symmetry_model` and
`alp_numbers` (C_aγ and the dimension D of the lowest σ^D invariant under the Z_N factors, both
computed by `darkseesaw.symmetry`). The reproduction of the paper
(`darkseesaw.papers.alp_discrete`) uses the same objects for its tables.

Example
-------
>>> m = one_alp_model(2, -3, 1, 2)
>>> [str(m.field(f).charge("L")) for f in ("S_R", "E_L", "E_R", "sigma")]
['-3/7', '9/7', '5/7', '2/7']
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from typing import Any

from darkseesaw.symmetry import Field, SymmetryModel, parse_generator

__all__ = ["one_alp_model", "two_alp_model", "with_generators", "ISS_OPERATORS", "VARIANTS",
           "symmetry_model", "alp_numbers"]

ISS_OPERATORS = {
    "NcN": {"N_R": 2},                       # N̄_R^c N_R (charge 2 X_N, eq. 30)
    "ScS": {"S_R": 2},                       # S̄_R^c S_R
    "ScN": {"S_R": 1, "N_R": 1},             # S̄_R^c N_R  (h.c. of S̄_R N_R^c)
    "LHS": {"L": -1, "H": -1, "S_R": 1},     # L̄ H̃ S_R
    "LHN": {"L": -1, "H": -1, "N_R": 1},     # L̄ H̃ N_R (Dirac mass; renormalisable)
    "ELER": {"E_L": -1, "E_R": 1},           # Ē_L E_R
    "LHER": {"L": -1, "H": 1, "E_R": 1},     # L̄ H E_R
}
"""The bilinears the paper examines (Sec. II A), as monomials field -> exponent."""


def _base_fields(extra: list[Field] | None = None) -> list[Field]:
    F = Fraction
    fields = [
        Field("q_L", "left", "3", 2, 3, {"Y": F(1, 6), "B": F(1, 3)}),
        Field("d_R", "right", "3", 1, 3, {"Y": F(-1, 3), "B": F(1, 3)}),
        Field("u_R", "right", "3", 1, 3, {"Y": F(2, 3), "B": F(1, 3)}),
        Field("H", "complex_scalar", "1", 2, 1, {"Y": F(1, 2)}),
        Field("L", "left", "1", 2, 3, {"Y": F(-1, 2)}),
        Field("l_R", "right", "1", 1, 3, {"Y": F(-1)}),
        Field("N_R", "right", "1", 1, 3, {}),
        Field("S_R", "right", "1", 1, 3, {}),
        Field("E_L", "left", "1", 1, 1, {"Y": F(-1)}),
        Field("E_R", "right", "1", 1, 1, {"Y": F(-1)}),
        Field("sigma", "complex_scalar", "1", 1, 1, {}),
    ]
    return fields + (extra or [])


_SM_TERMS = [
    {"q_L": -1, "H": 1, "d_R": 1},      # q̄_L H d_R
    {"q_L": -1, "H": -1, "u_R": 1},     # q̄_L H̃ u_R
    {"L": -1, "H": 1, "l_R": 1},        # L̄ H l_R
    {"N_R": -1, "H": 1, "L": 1},        # N̄_R H̃† L
]


def _solve_lepton_number(fields, terms, zero_singlets=()):
    """Extended lepton number: L(L) = 1, L(q) = 0, L(H) = 0 (+ L(σ′) = 0 …), solved exactly."""
    names = [f.name for f in fields]
    fixed = {"L": Fraction(1), "q_L": Fraction(0), "H": Fraction(0)}
    fixed.update({s: Fraction(0) for s in zero_singlets})
    base = SymmetryModel(fields, {"Y": True, "B": False}, terms=terms)
    sol, free = base.solve_u1(fixed)
    if sol is None or free:
        raise ValueError("the terms do not fix a unique extended lepton number "
                         f"(free directions: {len(free)})")
    return {n: sol[n] for n in names}


@cache
def one_alp_model(p: int, q: int, r: int, s: int) -> SymmetryModel:
    """SM + N_R, S_R, E, σ with the terms of eqs. (7), (20), (22), and its Y, B, L, X charges.

    Terms: σ^p S̄_R N_R^c, σ^q S̄_R S_R^c, σ^r L̄ H E_R, σ^s Ē_L E_R (negative powers: σ*).
    ``L`` is the extended lepton number of Table II (solved; equals eqs. 21, 23), ``X`` = L/d
    the U(1)_X of Table IV (X_σ = 1). Cached: treat the result as read-only (the ``with_*``
    methods return copies).
    """
    fields = _base_fields()
    terms = [*_SM_TERMS,
             {"S_R": -1, "N_R": -1, "sigma": p},
             {"S_R": -2, "sigma": q},
             {"L": -1, "H": 1, "E_R": 1, "sigma": r},
             {"E_L": -1, "E_R": 1, "sigma": s}]
    terms = [{k: v for k, v in t.items() if v} for t in terms]
    L = _solve_lepton_number(fields, terms)
    d = L["sigma"]
    m = SymmetryModel(fields, {"Y": True, "B": False}, terms=terms, singlets=["sigma"],
                      operators=dict(ISS_OPERATORS)).with_u1("L", L)
    return m.with_u1("X", {k: v / d for k, v in L.items()})


def two_alp_model(variant: str) -> SymmetryModel:
    """Two-ALP models of Sec. II C with the erratum's E, E′ (eq. 54).

    ``variant="I"`` (eq. 41: σ² S̄N^c, σ′*³ S̄S^c) or ``"II"`` (eq. 47: σ² S̄N^c, σ*²σ′* S̄S^c);
    both with σσ′ L̄HE_R, σσ′ L̄HE′_R, σ Ē_L E_R, σ′ Ē′_L E′_R. Charges: ``L`` (σ only, L(σ′) = 0),
    ``L'`` (σ′ only, L′(σ) = 0), ``X`` = L/L(σ), ``X'`` = L′/L′(σ′) (Table VI).
    """
    extra = [Field("sigma'", "complex_scalar", "1", 1, 1, {}),
             Field("E'_L", "left", "1", 1, 1, {"Y": Fraction(-1)}),
             Field("E'_R", "right", "1", 1, 1, {"Y": Fraction(-1)})]
    fields = _base_fields(extra)
    if variant == "I":
        mu_term = {"S_R": -2, "sigma'": -3}
    elif variant == "II":
        mu_term = {"S_R": -2, "sigma": -2, "sigma'": -1}
    else:
        raise ValueError("variant must be 'I' or 'II'")
    terms = [*_SM_TERMS,
             {"S_R": -1, "N_R": -1, "sigma": 2},
             mu_term,
             {"L": -1, "H": 1, "E_R": 1, "sigma": 1, "sigma'": 1},
             {"L": -1, "H": 1, "E'_R": 1, "sigma": 1, "sigma'": 1},
             {"E_L": -1, "E_R": 1, "sigma": 1},
             {"E'_L": -1, "E'_R": 1, "sigma'": 1}]
    L = _solve_lepton_number(fields, terms, zero_singlets=("sigma'",))
    Lp = _solve_lepton_number(fields, terms, zero_singlets=("sigma",))
    m = SymmetryModel(fields, {"Y": True, "B": False}, terms=terms, singlets=["sigma", "sigma'"],
                      operators=dict(ISS_OPERATORS))
    m = m.with_u1("L", L).with_u1("L'", Lp)
    m = m.with_u1("X", {k: v / L["sigma"] for k, v in L.items()})
    return m.with_u1("X'", {k: v / Lp["sigma'"] for k, v in Lp.items()})


def with_generators(model: SymmetryModel, generators: dict[str, tuple[int, str]]) -> SymmetryModel:
    """Add Z_N factors ``{name: (N, "6B+7L")}``: charges Z = Σ c_k U(1)_k (unreduced integers,
    as printed in the paper's tables)."""
    for name, (N, gen) in generators.items():
        coeffs = parse_generator(gen, list(model.u1))
        ch = model.combination(coeffs)
        for k, v in ch.items():
            if v.denominator != 1:
                raise ValueError(f"{gen}: charge of {k} is not an integer ({v})")
        model = model.with_zn(name, N, {k: int(v) for k, v in ch.items()})
    return model


VARIANTS: dict[str, dict[str, Any]] = {
    "Z13": {"generators": {"Z13": (13, "6B+7L")}, "M": {"sigma": 2}, "mu": {"sigma": -3},
            "E": [{"sigma": 2}], "E_decay": {"sigma": 1}, "alps": [("sigma", "X")]},
    "model_I": {"generators": {"Z8": (8, "6B+2L"), "Z11": (11, "-3B+3L'")},
                "M": {"sigma": 2}, "mu": {"sigma'": -3},
                "E": [{"sigma": 1}, {"sigma'": 1}], "E_decay": {"sigma": 1, "sigma'": 1},
                "alps": [("sigma", "X"), ("sigma'", "X'")]},
    "model_II": {"generators": {"Z8": (8, "3L-3B"), "Z10": (10, "L'+9B")},
                 "M": {"sigma": 2}, "mu": {"sigma": -2, "sigma'": -1},
                 "E": [{"sigma": 1}, {"sigma'": 1}], "E_decay": {"sigma": 1, "sigma'": 1},
                 "alps": [("sigma", "X"), ("sigma'", "X'")]},
}
"""The paper's models: Z_N generators and the singlet powers of the M (σ^p S̄N^c), μ (σ^q S̄S^c)
and M_E (σ^s Ē_L E_R) terms, of the E decay term (σ^r L̄HE_R; erratum eq. 54: σσ′ for both
heavy leptons of the two-ALP models) and the (singlet, U(1)) of each ALP."""


@cache
def symmetry_model(variant: str) -> SymmetryModel:
    """`SymmetryModel` of a variant (charges solved, Z_N charges from the generators)."""
    if variant == "Z13":
        base = one_alp_model(2, -3, 1, 2)
    elif variant == "model_I":
        base = two_alp_model("I")
    elif variant == "model_II":
        base = two_alp_model("II")
    else:
        raise KeyError(f"unknown alp-discrete variant {variant!r}; known: {', '.join(VARIANTS)}")
    return with_generators(base, VARIANTS[variant]["generators"])


@cache
def alp_numbers(variant: str) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """(C_aγ, D) of each ALP of a variant: the anomaly coefficient C_aγ = 2 Σ (X_L − X_R) Q²
    (CDNS eq. 15) of its U(1)_X and the dimension D of the lowest σ^D invariant under all Z_N
    factors (the operator that gives the ALP its mass, eqs. 16–18).

    >>> alp_numbers("Z13")
    ((4.0,), (13,))
    """
    sm = symmetry_model(variant)
    ops = sm.singlet_operators()
    alps = VARIANTS[variant]["alps"]
    return (tuple(float(sm.C_agamma(x)) for _, x in alps),
            tuple(int(ops[s].order) for s, _ in alps))
