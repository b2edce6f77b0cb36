"""Chemical equilibrium of a relativistic plasma: chemical potentials in exact rational arithmetic.

For massless species with small chemical potentials |μ| ≪ T the particle–antiparticle
asymmetry of a species with g internal degrees of freedom is

    n − n̄ = k g μ T² / 6,     k = 1 (fermion), k = 2 (boson),

so every charge density Q = Σ_s q_s k_s g_s μ_s (in units of T²/6) is linear in the μ's.
Interactions in equilibrium impose Σ_in μ = Σ_out μ (antiparticles carry −μ); conserved or
vanishing charges impose linear conditions as well. The solution space is a linear subspace;
this module finds it with Gaussian elimination over `fractions.Fraction` (exact rationals) and
expresses every μ and every charge in terms of user-chosen free parameters, as in Harvey &
Turner, PRD 42 (1990) 3344 (the relations of ``hnl-inflaton``, eq. 3.7, are derived with it in
`darkseesaw.papers.hnl_inflaton`).

Examples
--------
>>> pl = sm_plus_hnl_plasma(2)
>>> sol = pl.solve({"mu_nu": {"l_e": 1, "l_mu": 1, "l_tau": 1}, "mu_Np": {"Np": 1}})
>>> pl.charge("B", sol)["mu_nu"]                 # B per unit Σ μ_ν (Cline et al. eq. 3.7)
Fraction(-4, 3)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from darkseesaw.errors import InputError

Rational = Fraction
LinearForm = dict[str, Fraction]


def _frac(x: Fraction | int | float | str) -> Fraction:
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, str):
        return Fraction(x)
    if isinstance(x, float):
        return Fraction(x).limit_denominator(10**9)
    raise TypeError(f"cannot convert {x!r} to an exact rational")


@dataclass(frozen=True)
class Species:
    """One species of the plasma.

    Parameters
    ----------
    name : str
        Identifier used in reactions and constraints.
    dof : int
        Internal degrees of freedom g of the particle (antiparticle not counted): a Weyl
        fermion in a colour triplet and SU(2) doublet has g = 6; a complex Higgs doublet g = 2.
    fermion : bool
        Fermi (k = 1) or Bose (k = 2) statistics.
    charges : mapping str -> rational
        Charges carried per particle (e.g. ``{"Y": Fraction(1, 6), "B": Fraction(1, 3)}``;
        integers, decimal strings and floats are read as exact rationals).
    """

    name: str
    dof: int
    fermion: bool = True
    charges: Mapping[str, Fraction | int | float | str] = field(default_factory=dict)

    @property
    def weight(self) -> Fraction:
        """k g: the asymmetry n − n̄ in units of μ T²/6."""
        return Fraction(self.dof * (1 if self.fermion else 2))


def parse_reaction(text: str) -> LinearForm:
    """Parse ``"q + h -> u"`` (``~x`` is the antiparticle of x; ``3 q`` multiplies).

    Returns the linear form Σ c_s μ_s that must vanish (inputs minus outputs). Only names,
    integers, ``+``, ``->`` and ``~`` are understood; nothing is evaluated.
    """
    if text.count("->") != 1:
        raise InputError(None, "reaction", f"{text!r}: expected exactly one '->'")
    lhs, rhs = text.split("->")
    form: LinearForm = {}
    for side, sign in ((lhs, 1), (rhs, -1)):
        for term in side.split("+"):
            tok = term.split()
            if not tok:
                continue
            mult = 1
            if len(tok) == 2 and tok[0].isdigit():
                mult = int(tok[0])
                tok = tok[1:]
            if len(tok) != 1:
                raise InputError(None, "reaction", f"{text!r}: cannot read term {term.strip()!r}")
            name = tok[0]
            anti = name.startswith("~")
            name = name.lstrip("~")
            c = sign * mult * (-1 if anti else 1)
            form[name] = form.get(name, Fraction(0)) + c
    return {k: v for k, v in form.items() if v != 0}


def _rref(rows: list[list[Fraction]], ncol: int) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row echelon form over the rationals; returns (rows, pivot columns)."""
    m = [r[:] for r in rows]
    pivots: list[int] = []
    r = 0
    for c in range(ncol):
        piv = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
        if piv is None:
            continue
        m[r], m[piv] = m[piv], m[r]
        p = m[r][c]
        m[r] = [x / p for x in m[r]]
        for i in range(len(m)):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(m):
            break
    return m[:r], pivots


def _solve_square(a: list[list[Fraction]], b: list[list[Fraction]]) -> list[list[Fraction]]:
    """Solve A X = B exactly (A square, invertible)."""
    n = len(a)
    aug = [a[i][:] + b[i][:] for i in range(n)]
    red, piv = _rref(aug, n)
    if piv != list(range(n)):
        raise ValueError("the chosen free parameters do not parametrise the equilibrium")
    return [row[n:] for row in red]


class Plasma:
    """A plasma: species, equilibrium reactions and linear constraints on charges.

    Parameters
    ----------
    species : sequence of Species
    reactions : sequence of str or mapping
        Interactions in chemical equilibrium, ``"a + b -> c"`` or a linear form
        ``{name: coefficient}`` whose Σ c μ must vanish (e.g. sphalerons).
    zero_charges : sequence of str
        Charges whose total density vanishes (e.g. ``["Y"]`` above the electroweak scale).
    """

    def __init__(self, species: Sequence[Species], reactions: Sequence[str | Mapping] = (),
                 zero_charges: Sequence[str] = ()):
        self.species = list(species)
        self.names = [s.name for s in self.species]
        if len(set(self.names)) != len(self.names):
            raise InputError(None, "species", "duplicate species names")
        self._index = {n: i for i, n in enumerate(self.names)}
        self.equations: list[LinearForm] = []
        for r in reactions:
            self.add_relation(parse_reaction(r) if isinstance(r, str) else r)
        for q in zero_charges:
            self.add_charge_constraint({q: 1})

    # ----------------------------------------------------------------------------- building
    def _check(self, form: Mapping) -> LinearForm:
        out: LinearForm = {}
        for k, v in form.items():
            if k not in self._index:
                raise InputError(None, "species", f"unknown species {k!r}")
            out[k] = _frac(v)
        return out

    def add_relation(self, form: Mapping) -> None:
        """Add Σ c_s μ_s = 0 over species."""
        self.equations.append(self._check(form))

    def charge_form(self, charge: str) -> LinearForm:
        """Density of ``charge`` as a linear form in the μ's (units T²/6)."""
        out: LinearForm = {}
        for s in self.species:
            q = _frac(s.charges.get(charge, 0))
            if q != 0:
                out[s.name] = q * s.weight
        return out

    def add_charge_constraint(self, charges: Mapping[str, Fraction | int | float | str],
                              species: Mapping[str, object] | None = None) -> None:
        """Add Σ_Q a_Q Q + Σ_s b_s μ_s = 0 (e.g. L − B − 6 μ_N′ = 0)."""
        form: LinearForm = {}
        for q, a in charges.items():
            for k, v in self.charge_form(q).items():
                form[k] = form.get(k, Fraction(0)) + _frac(a) * v
        for k, v in self._check(species or {}).items():
            form[k] = form.get(k, Fraction(0)) + v
        self.equations.append({k: v for k, v in form.items() if v != 0})

    # ----------------------------------------------------------------------------- solving
    def nullspace(self) -> list[list[Fraction]]:
        """Basis of the solution space (list of vectors over the species)."""
        n = len(self.names)
        rows = [[e.get(nm, Fraction(0)) for nm in self.names] for e in self.equations]
        red, piv = _rref(rows, n) if rows else ([], [])
        free = [c for c in range(n) if c not in piv]
        basis = []
        for f in free:
            v = [Fraction(0)] * n
            v[f] = Fraction(1)
            for row, p in zip(red, piv, strict=True):
                v[p] = -row[f]
            basis.append(v)
        return basis

    def solve(self, free: Mapping[str, Mapping[str, object]]) -> dict[str, LinearForm]:
        """Every μ as an exact linear combination of the free parameters.

        Parameters
        ----------
        free : mapping name -> linear form over species
            As many independent parameters as the solution space has dimensions, e.g.
            ``{"mu_nu": {"l_e": 1, "l_mu": 1, "l_tau": 1}, "mu_Np": {"Np": 1}}``.

        Returns
        -------
        dict species -> {free name: coefficient}
        """
        basis = self.nullspace()
        k = len(basis)
        if len(free) != k:
            raise ValueError(f"the equilibrium has {k} free parameter(s); {len(free)} given")
        forms = [self._check(f) for f in free.values()]
        # F N c = p  ->  c = (F N)^-1 p ; mu = N c
        fn = [[sum(fo.get(nm, 0) * basis[j][i] for i, nm in enumerate(self.names))
               for j in range(k)] for fo in forms]
        ident = [[Fraction(int(i == j)) for j in range(k)] for i in range(k)]
        inv = _solve_square(fn, ident)  # type: ignore[arg-type]  # sums of Fractions
        keys = list(free)
        out: dict[str, LinearForm] = {}
        for i, nm in enumerate(self.names):
            coeff = {keys[m]: sum(basis[j][i] * inv[j][m] for j in range(k)) for m in range(k)}
            out[nm] = {kk: Fraction(v) for kk, v in coeff.items()}
        return out

    def charge(self, charge: str, solution: Mapping[str, LinearForm]) -> LinearForm:
        """Density of ``charge`` (units T²/6) in terms of the free parameters of ``solution``."""
        out: dict[str, Fraction] = {}
        for s, c in self.charge_form(charge).items():
            for k, v in solution[s].items():
                out[k] = out.get(k, Fraction(0)) + c * v
        return out


# ------------------------------------------------------------------------------- the SM + HNLs
def sm_plus_hnl_plasma(n_unstable: int = 2, with_dm: bool = True) -> Plasma:
    """The plasma above the electroweak crossover with quasi-Dirac HNLs (Cline et al. 2020, §3.2).

    Species: quark doublets ``q`` (three generations lumped, CKM equilibrium; g = 18),
    ``u``, ``d`` (g = 9 each), lepton doublets ``l_e, l_mu, l_tau`` (g = 2), ``e_e, e_mu,
    e_tau`` (g = 1), the Higgs doublet ``h`` (boson, g = 2), ``n_unstable`` Dirac HNLs ``N1..``
    (both chiralities, g = 2) in equilibrium through η_ν N̄ H L (eq. 3.5: μ_N = μ_h + μ_L), and
    the dark-matter HNL ``Np`` (g = 2), whose number is conserved. SU(2) is unbroken (μ_W = 0),
    so doublet components share one μ. Electroweak sphalerons impose Σ_gen (3 μ_q + μ_l) = 0 and
    hypercharge vanishes.
    """
    third, half = Fraction(1, 3), Fraction(1, 2)
    sp = [
        Species("q", 18, True, {"Y": Fraction(1, 6), "B": third}),
        Species("u", 9, True, {"Y": Fraction(2, 3), "B": third}),
        Species("d", 9, True, {"Y": -third, "B": third}),
        Species("h", 2, False, {"Y": half}),
    ]
    fl = ("e", "mu", "tau")
    for f in fl:
        sp.append(Species(f"l_{f}", 2, True, {"Y": -half, "L": 1}))
        sp.append(Species(f"e_{f}", 1, True, {"Y": -1, "L": 1}))
    hnls = [f"N{i + 1}" for i in range(n_unstable)]
    for n in hnls:
        sp.append(Species(n, 2, True, {"L": 1}))
    if with_dm:
        sp.append(Species("Np", 2, True, {"L": 1, "Np": 1}))
    reactions: list[str | Mapping] = ["q + h -> u", "q -> d + h"]
    reactions += [f"l_{f} -> e_{f} + h" for f in fl]
    reactions += [f"{n} -> h + l_{f}" for n in hnls for f in fl]
    sphaleron = {"q": 9, **{f"l_{f}": 1 for f in fl}}  # 3 gens x 3 mu_q ; mu_q per gen
    reactions.append(sphaleron)
    return Plasma(sp, reactions, zero_charges=["Y"])
