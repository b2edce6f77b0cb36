"""Anomaly coefficients against independent facts (SM, B-L, bl-zprime Table 1, group theory)."""

from fractions import Fraction as F

import pytest

from darkseesaw.symmetry import (
    Field,
    SymmetryModel,
    anomaly_table,
    gauge_anomaly_check,
    sm_fields,
    su2,
    su3,
)
from darkseesaw.symmetry.representations import SU2_REPS, SU3_REPS


def test_hypercharge_anomalies_cancel_per_generation():
    t = anomaly_table(sm_fields(generations=1), "Y")
    assert all(v == 0 for v in t.values()), t
    g = gauge_anomaly_check(sm_fields(generations=1), ["Y"])
    assert all(v == 0 for v in g.values()), g


def test_hypercharge_anomaly_without_e_R_is_caught():
    fields = [f for f in sm_fields(generations=1) if f.name != "e_R"]
    t = anomaly_table(fields, "Y")
    assert t["grav"] == -1 and t["cubic"] == -1        # e_R contributed (-1)(-1) and (-1)(-1)^3


def test_B_minus_L_free_with_three_nu_R_and_not_without():
    with_nu = SymmetryModel(sm_fields(3, nu_R=True), u1={"Y": True, "B": False, "L": False})
    bl = with_nu.with_u1("B-L", with_nu.combination({"B": 1, "L": -1}), exact=True)
    assert all(v == 0 for v in bl.mixed_u1_anomalies().values())
    without = SymmetryModel(sm_fields(3, nu_R=False), u1={"Y": True, "B": False, "L": False})
    t = without.combination_anomalies({"B": 1, "L": -1})
    assert t["grav"] == -3 and t["cubic"] == -3      # the three missing nu_R (charge -1, RH)
    assert t["SU3^2"] == 0 and t["SU2^2"] == 0 and t["Y^2"] == 0 and t["Y"] == 0


def test_B_and_L_separately_have_the_SU2_anomaly():
    m = SymmetryModel(sm_fields(3, nu_R=True), u1={"Y": True, "B": False, "L": False})
    an = m.u1_anomalies()
    assert an["B"]["SU2^2"] == F(3, 2) and an["L"]["SU2^2"] == F(3, 2)   # paper eq. (28)
    assert an["B"]["SU3^2"] == 0 and an["B"]["grav"] == 0


def _bl_zprime_fields(with_omega=True):
    """bl-zprime (seed 003) Table 1: nu_L, N_R, N'_R, chi_R, chi_L, omega with B-L charges
    -1, -1, +1, +5, +4, +4 (the paper's convention: leptons -1, quarks 1/3)."""
    fs = [f.with_charges(u1={"B-L": f.charge("B") - f.charge("L")}) for f in sm_fields(3)]
    fs += [Field("N_R", "right", generations=3, u1={"B-L": -1}),
           Field("Np_R", "right", generations=3, u1={"B-L": 1}),
           Field("chi_R", "right", u1={"B-L": 5}),
           Field("chi_L", "left", u1={"B-L": 4})]
    if with_omega:
        fs.append(Field("omega", "left", u1={"B-L": 4}))
    return fs


def test_bl_zprime_table1_is_anomaly_free():
    g = gauge_anomaly_check(_bl_zprime_fields(), ["Y", "B-L"])
    assert all(v == 0 for v in g.values()), g
    g2 = gauge_anomaly_check(_bl_zprime_fields(with_omega=False), ["Y", "B-L"])
    assert g2["grav^2 B-L"] == -4 and g2["B-L B-L B-L"] == -64


@pytest.mark.parametrize("name", list(SU3_REPS))
def test_su3_dynkin_index_from_casimir(name):
    # T(R) dim(G) = C2(R) dim(R), C2(p,q) = (p^2 + q^2 + pq + 3p + 3q)/3
    dynk = {"1": (0, 0), "3": (1, 0), "3bar": (0, 1), "6": (2, 0), "6bar": (0, 2), "8": (1, 1),
            "10": (3, 0), "10bar": (0, 3)}
    p, q = dynk[name]
    r = su3(name)
    c2 = F(p * p + q * q + p * q + 3 * p + 3 * q, 3)
    assert r.dim == (p + 1) * (q + 1) * (p + q + 2) // 2
    assert r.dynkin * 8 == c2 * r.dim
    # cubic index A(p,q) = (p - q)(p + 2q + 3)(2p + q + 3) dim(R) / 60 (A(3) = 1)
    assert r.cubic == F((p - q) * (p + 2 * q + 3) * (2 * p + q + 3) * r.dim, 60)


@pytest.mark.parametrize("dim", [int(k) for k in SU2_REPS])
def test_su2_dynkin_index_from_casimir(dim):
    r = su2(dim)
    j = F(dim - 1, 2)
    assert r.dynkin * 3 == j * (j + 1) * dim
    assert sum(r.weights) == 0 and len(r.weights) == dim


def test_anomalies_scale_linearly_and_cubically():
    m = SymmetryModel(sm_fields(3, nu_R=False), u1={"Y": True, "B": False, "L": False})
    a1 = m.combination_anomalies({"L": 1})
    a7 = m.combination_anomalies({"L": 7})
    for k in ("SU3^2", "SU2^2", "Y^2", "grav"):
        assert a7[k] == 7 * a1[k]
    assert a7["Y"] == 49 * a1["Y"] and a7["cubic"] == 343 * a1["cubic"]


def test_em_anomaly_of_vectorlike_quark_and_sm_vanish():
    from darkseesaw.symmetry import em_anomaly

    assert em_anomaly(sm_fields(3), "L") == 0          # lepton number is vector-like in QED
    fs = [Field("Q_L", "left", "3", 1, 1, {"Y": F(2, 3), "X": 1}),
          Field("Q_R", "right", "3", 1, 1, {"Y": F(2, 3), "X": 0})]
    assert em_anomaly(fs, "X") == 3 * F(4, 9)          # N_c Q^2 (X_L - X_R)
