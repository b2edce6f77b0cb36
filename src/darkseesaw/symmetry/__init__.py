"""Symmetry bookkeeping: fields, representations, continuous and discrete anomalies, exact
charge solving, Z_N subgroups and the lowest invariant operators.

Everything is exact (`fractions.Fraction`). See ``docs/symmetry.md`` and the modules:

* `representations` – SU(3), SU(2) representations, Dynkin indices;
* `fields` – `Field` (Weyl fermion or scalar, representations, generations, charges);
* `anomalies` – U(1) anomaly coefficients, [SU(3)]³, Witten, discrete Z_N conditions (eq. 24 of
  Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069);
* `charges` – exact linear algebra, charge solving, integer normalisation, eqs. (21), (23);
* `discrete` – Z_N = c₁B + c₂L generators (eq. 26) with the anti-redundancy rules;
* `operators` – lowest singlet powers making an operator invariant;
* `content` – `SymmetryModel`, the object behind ``darkseesaw symmetry FILE.yaml``;
* the YAML format of a user's model lives in `darkseesaw.modelfiles.symmetry`.

Example
-------
>>> from darkseesaw.symmetry import sm_fields, anomaly_table
>>> anomaly_table(sm_fields(nu_R=False), "Y")["cubic"]
Fraction(0, 1)
"""

from .anomalies import (
                        DiscreteAnomaly,
                        anomaly_grav,
                        anomaly_su2,
                        anomaly_su3,
                        anomaly_table,
                        anomaly_u1_triple,
                        discrete_anomalies,
                        discrete_coefficients,
                        em_anomaly,
                        gauge_anomaly_check,
)
from .charges import (
                        extended_lepton_charges,
                        integer_normalisation,
                        nullspace,
                        solve_charges,
                        term_charge,
)
from .content import (
                        SymmetryModel,
                        format_term,
                        is_lorentz_scalar,
                        mass_dimension,
                        parse_term,
                        sm_fields,
                        spinor_indices,
)
from .discrete import ZnGenerator, bl_generators, format_generator, parse_generator
from .fields import Field, to_fraction
from .operators import (
                        OperatorResult,
                        format_powers,
                        integer_solvable,
                        lowest_powers,
                        lowest_singlet_operator,
                        why_forbidden,
)
from .representations import Rep, su2, su3

__all__ = [
    "DiscreteAnomaly", "anomaly_grav", "anomaly_su2", "anomaly_su3", "anomaly_table",
    "anomaly_u1_triple", "discrete_anomalies", "discrete_coefficients", "em_anomaly",
    "gauge_anomaly_check", "extended_lepton_charges", "integer_normalisation", "nullspace",
    "solve_charges", "term_charge", "SymmetryModel", "format_term", "parse_term", "sm_fields",
    "ZnGenerator", "bl_generators", "format_generator", "parse_generator", "Field", "to_fraction",
    "OperatorResult", "format_powers", "lowest_powers", "lowest_singlet_operator", "Rep", "su2",
    "su3", "integer_solvable", "why_forbidden", "is_lorentz_scalar", "mass_dimension",
    "spinor_indices",
]
