r"""Continuous and discrete (Z_N) anomaly coefficients.

Conventions
-----------
All sums run over Weyl fermions, left-handed with sign +1, right-handed with −1, each weighted
by its generations and by the dimension of the representations not involved in the anomaly.
For a U(1) with charges X:

* [SU(3)]² U(1):  A₃ = Σ χ T(R₃) d(R₂) X
* [SU(2)]² U(1):  A₂ = Σ χ T(R₂) d(R₃) X
* [U(1)_Y]² U(1): Σ χ d₃ d₂ Y² X;   U(1)_Y [U(1)]²: Σ χ d₃ d₂ Y X²
* U(1)³:          Σ χ d₃ d₂ X³
* [grav]² U(1):   A_grav = Σ χ d₃ d₂ X
* mixed U(1)_a U(1)_b U(1)_c: Σ χ d₃ d₂ X_a X_b X_c

with T(fund) = 1/2. For a Z_N factor with integer charges Z the same linear coefficients A₃, A₂,
A_grav are computed and the discrete (Ibáñez–Ross) conditions are those of Carvajal, Dias, Nishi,
Sánchez-Vega, JHEP 05 (2015) 069, eq. (24):

    A₂ = A₃ = A_grav = 0  mod N/2 ,

i.e. 2A ≡ 0 mod N. For odd N this is the same as A ≡ 0 mod N for the integer A_grav (and
Σ Z·2T ≡ 0 mod N for the gauge ones, the Ibáñez–Ross condition with T(fund) = 1/2). For even N
the gravitational condition mod N/2 (instead of mod N) is the Ibáñez–Ross relaxation allowed by
heavy Majorana fermions; it is the convention used here and in the paper for every N. Cubic
Z_N³ and [U(1)_Y]² Z_N conditions are not imposed (they depend on the heavy spectrum and give
no low-energy constraint; Ibáñez & Ross, Phys. Lett. B 260 (1991) 291; Banks & Dine 1992).

Example
-------
>>> from darkseesaw.symmetry import sm_fields, anomaly_table
>>> t = anomaly_table(sm_fields(generations=1), "Y")
>>> all(v == 0 for v in t.values())
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .fields import Field

__all__ = [
    "anomaly_su3", "anomaly_su2", "anomaly_grav", "anomaly_u1_triple", "anomaly_table",
    "anomaly_su3_cubed", "witten_doublets", "em_anomaly", "DiscreteAnomaly",
    "discrete_anomalies", "discrete_coefficients", "gauge_anomaly_check",
]


def _fermions(fields: Iterable[Field]) -> list[Field]:
    return [f for f in fields if f.is_fermion]


def _charge_fn(charges):
    """Normalise a charge spec: U(1) name (str) or mapping field name -> charge."""
    if isinstance(charges, str):
        return lambda f: f.charge(charges)
    if isinstance(charges, dict):
        return lambda f: Fraction(charges.get(f.name, 0))
    if callable(charges):
        return charges
    raise TypeError("charges must be a U(1) name, a mapping field -> charge, or a callable")


def anomaly_su3(fields: Iterable[Field], charges) -> Fraction:
    """[SU(3)_c]² × U(1) coefficient A₃ = Σ χ g T(R₃) d(R₂) X."""
    X = _charge_fn(charges)
    return sum((f.chirality * f.generations * f.su3.dynkin * f.su2.dim * X(f)
                for f in _fermions(fields)), Fraction(0))


def anomaly_su2(fields: Iterable[Field], charges) -> Fraction:
    """[SU(2)_L]² × U(1) coefficient A₂ = Σ χ g T(R₂) d(R₃) X."""
    X = _charge_fn(charges)
    return sum((f.chirality * f.generations * f.su2.dynkin * f.su3.dim * X(f)
                for f in _fermions(fields)), Fraction(0))


def anomaly_grav(fields: Iterable[Field], charges) -> Fraction:
    """[gravity]² × U(1) coefficient A_grav = Σ χ g d₃ d₂ X."""
    X = _charge_fn(charges)
    return sum((f.chirality * f.multiplicity * X(f) for f in _fermions(fields)), Fraction(0))


def anomaly_u1_triple(fields: Iterable[Field], a, b, c) -> Fraction:
    """Mixed U(1)_a U(1)_b U(1)_c coefficient Σ χ g d₃ d₂ X_a X_b X_c (a = b = c: U(1)³)."""
    Xa, Xb, Xc = _charge_fn(a), _charge_fn(b), _charge_fn(c)
    return sum((f.chirality * f.multiplicity * Xa(f) * Xb(f) * Xc(f)
                for f in _fermions(fields)), Fraction(0))


def anomaly_su3_cubed(fields: Iterable[Field]) -> Fraction:
    """Pure [SU(3)_c]³ coefficient Σ χ g A(R₃) d(R₂) (A(3) = 1)."""
    return sum((Fraction(f.chirality * f.generations * f.su3.cubic * f.su2.dim)
                for f in _fermions(fields)), Fraction(0))


def witten_doublets(fields: Iterable[Field]) -> int:
    """Number of Weyl SU(2) doublets (with colour and generations); must be even (Witten)."""
    return sum(f.generations * f.su3.dim for f in _fermions(fields) if f.su2.dim == 2)


def anomaly_table(fields: Sequence[Field], u1: str, hypercharge: str = "Y") -> dict[str, Fraction]:
    """All anomaly coefficients of the U(1) named ``u1``.

    Returns
    -------
    dict
        ``SU3^2``, ``SU2^2``, ``Y^2``, ``Y`` (= U(1)_Y [U(1)]²), ``cubic``, ``grav`` (when
        ``u1 == hypercharge`` the Y entries coincide with the cubic one).
    """
    return {
        "SU3^2": anomaly_su3(fields, u1),
        "SU2^2": anomaly_su2(fields, u1),
        "Y^2": anomaly_u1_triple(fields, hypercharge, hypercharge, u1),
        "Y": anomaly_u1_triple(fields, hypercharge, u1, u1),
        "cubic": anomaly_u1_triple(fields, u1, u1, u1),
        "grav": anomaly_grav(fields, u1),
    }


def gauge_anomaly_check(fields: Sequence[Field], gauged_u1: Sequence[str]) -> dict[str, Fraction]:
    """Every anomaly of a gauge group SU(3) × SU(2) × Π U(1) that must vanish.

    Includes [SU(3)]³, the Witten condition (reported as the doublet count mod 2), every
    [SU(3)]²U(1), [SU(2)]²U(1), [grav]²U(1) and every mixed U(1)_a U(1)_b U(1)_c (a ≤ b ≤ c).
    """
    out: dict[str, Fraction] = {"SU3^3": anomaly_su3_cubed(fields),
                                "Witten(SU2) doublets mod 2": Fraction(witten_doublets(fields) % 2)}
    names = list(gauged_u1)
    for a in names:
        out[f"SU3^2 {a}"] = anomaly_su3(fields, a)
        out[f"SU2^2 {a}"] = anomaly_su2(fields, a)
        out[f"grav^2 {a}"] = anomaly_grav(fields, a)
    for i, a in enumerate(names):
        for j in range(i, len(names)):
            for k in range(j, len(names)):
                b, c = names[j], names[k]
                out[f"{a} {b} {c}"] = anomaly_u1_triple(fields, a, b, c)
    return out


def em_anomaly(fields: Iterable[Field], charges, hypercharge: str = "Y") -> Fraction:
    """Electromagnetic anomaly E = Σ_Weyl χ g d₃ Σ_components X Q² (Q = T3 + Y).

    The ALP-photon coefficient of Carvajal et al. eq. (15) is C_aγ = 2E
    (= 2 Σ_ψ (X_ψL − X_ψR) Q² for Dirac fermions).
    """
    X = _charge_fn(charges)
    tot = Fraction(0)
    for f in _fermions(fields):
        q2 = sum((q * q for q in f.electric_charges(hypercharge)), Fraction(0))
        tot += f.chirality * f.generations * f.su3.dim * X(f) * q2
    return tot


# ----------------------------------------------------------------------------------------------
# Discrete anomalies
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DiscreteAnomaly:
    """Discrete anomaly coefficients of one Z_N factor and whether they cancel (eq. 24).

    Attributes
    ----------
    N : int
    A2, A3, Agrav : Fraction
        Linear anomaly coefficients computed with the integer Z_N charges.
    ok2, ok3, okgrav : bool
        Whether each is 0 mod N/2.
    """

    N: int
    A2: Fraction
    A3: Fraction
    Agrav: Fraction

    @staticmethod
    def _cancels(A: Fraction, N: int) -> bool:
        twoA = 2 * A
        return twoA.denominator == 1 and int(twoA) % N == 0

    @property
    def ok2(self) -> bool:
        return self._cancels(self.A2, self.N)

    @property
    def ok3(self) -> bool:
        return self._cancels(self.A3, self.N)

    @property
    def okgrav(self) -> bool:
        return self._cancels(self.Agrav, self.N)

    @property
    def free(self) -> bool:
        """True when all three conditions of eq. (24) hold."""
        return self.ok2 and self.ok3 and self.okgrav

    def failing(self) -> list[str]:
        """Names of the uncancelled anomalies (``"A2"``, ``"A3"``, ``"Agrav"``)."""
        return [n for n, ok in (("A2", self.ok2), ("A3", self.ok3), ("Agrav", self.okgrav))
                if not ok]

    def as_dict(self) -> dict:
        return {"N": self.N, "A2": str(self.A2), "A3": str(self.A3), "Agrav": str(self.Agrav),
                "cancelled": {"A2": self.ok2, "A3": self.ok3, "Agrav": self.okgrav},
                "anomaly_free": self.free}


def discrete_coefficients(fields: Sequence[Field], charges, N: int) -> DiscreteAnomaly:
    """A₂, A₃, A_grav of a Z_N with the given integer charges (U(1)-style spec or Z_N name)."""
    if isinstance(charges, str) and any(charges in f.zn for f in fields):
        name = charges
        charges = {f.name: f.zcharge(name) for f in fields}
    return DiscreteAnomaly(int(N), anomaly_su2(fields, charges), anomaly_su3(fields, charges),
                           anomaly_grav(fields, charges))


def discrete_anomalies(fields: Sequence[Field], zn: dict[str, int]) -> dict[str, DiscreteAnomaly]:
    """Discrete anomalies of every Z_N factor ``{name: N}`` from the fields' Z_N charges."""
    return {name: discrete_coefficients(fields, {f.name: f.zcharge(name) for f in fields}, N)
            for name, N in zn.items()}
