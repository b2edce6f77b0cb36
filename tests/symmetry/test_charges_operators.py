"""Charge solving, Z_N generators and lowest operators against the paper's equations/tables
(Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069) and number-theory identities."""

import itertools
from fractions import Fraction as F
from math import gcd

import pytest

from darkseesaw.models.alp_discrete_content import one_alp_model
from darkseesaw.symmetry import (
    bl_generators,
    extended_lepton_charges,
    integer_normalisation,
    lowest_powers,
    lowest_singlet_operator,
    nullspace,
    parse_generator,
    parse_term,
    solve_charges,
)


def test_nullspace_is_kernel():
    A = [[1, 2, 3, 4], [2, 4, 7, 1]]
    ker = nullspace(A)
    assert len(ker) == 2
    for v in ker:
        assert all(sum(F(a) * x for a, x in zip(row, v, strict=True)) == 0 for row in A)


def test_sm_yukawas_leave_three_u1s():
    # the paper: three family-independent U(1)s (Y, B, L) in eq. (20)
    terms = [{"q": -1, "H": 1, "d": 1}, {"q": -1, "H": -1, "u": 1}, {"L": -1, "H": 1, "l": 1}]
    sol, free = solve_charges(["q", "d", "u", "H", "L", "l"], terms)
    assert len(free) == 3


@pytest.mark.parametrize("p,q,r,s", [(p, q, r, s) for p in (1, 2, 3) for q in (-5, -3, -2, 1, 3, 5)
                                     for r in (-1, 0, 1) for s in (-2, 1, 3) if 2 * p != q])
def test_solved_lepton_number_equals_eqs_21_23(p, q, r, s):
    m = one_alp_model(p, q, r, s)
    ch = extended_lepton_charges(p, q, r, s)
    L = m.charges("L")
    assert (L["S_R"], L["E_L"], L["E_R"], L["sigma"]) == (ch["a"], ch["b"], ch["c"], ch["d"])
    assert L["N_R"] == L["L"] == L["l_R"] == 1
    # every term invariant under Y, B, L
    assert all(not r["violates"] for r in m.term_invariance())
    # eq. (28)-(29): A_grav(L) = -3a + b - c = (s - 3q/2) d
    assert m.u1_anomalies()["L"]["grav"] == -3 * ch["a"] + ch["b"] - ch["c"]
    assert m.u1_anomalies()["L"]["grav"] == (s - F(3, 2) * q) * ch["d"]


def test_z13_tables_II_to_IV():
    m = one_alp_model(2, -3, 1, 2)
    L = {k: str(v) for k, v in m.charges("L").items()}
    assert (L["S_R"], L["E_L"], L["E_R"], L["sigma"]) == ("-3/7", "9/7", "5/7", "2/7")  # d = 2/7
    ct2, ints = integer_normalisation(m.charges("L"))
    assert ct2 == 7
    X = {k: str(v) for k, v in m.charges("X").items()}
    assert X == {"q_L": "0", "d_R": "0", "u_R": "0", "H": "0", "L": "7/2", "l_R": "7/2",
                 "N_R": "7/2", "S_R": "-3/2", "E_L": "9/2", "E_R": "5/2", "sigma": "1"}  # Table IV
    gens = [g for g in bl_generators(m.fields, 13) if g.anomaly.free]
    assert [g.name for g in gens] == ["6B+7L"]
    assert gens[0].charges == {"q_L": 2, "d_R": 2, "u_R": 2, "H": 0, "L": 7, "l_R": 7, "N_R": 7,
                               "S_R": -3, "E_L": 9, "E_R": 5, "sigma": 2}            # Table III
    a = gens[0].anomaly
    assert (a.A2, a.A3, a.Agrav) == (F(39, 2), 0, 13)                                # eq. (34)
    # Z13 charges of SM fields = 6(B - L) mod 13 (text after Table III)
    for f in ("q_L", "L", "l_R"):
        fld = m.field(f)
        assert (gens[0].charges[f] - 6 * (fld.charge("B") - fld.charge("L"))) % 13 == 0


def test_z11_fails_the_gravitational_anomaly_and_z26_is_redundant():
    m = one_alp_model(2, -3, 1, 2)
    assert not any(g.anomaly.free for g in bl_generators(m.fields, 11))
    assert all("Agrav" in g.anomaly.failing() for g in bl_generators(m.fields, 11))
    z26 = [g for g in bl_generators(m.fields, 26) if g.anomaly.free]
    assert z26 and all(g.redundant for g in z26)


def test_lowest_operators_z13():
    m = one_alp_model(2, -3, 1, 2).with_zn("Z13", 13, {"q_L": 2, "d_R": 2, "u_R": 2, "L": 7,
                                                         "l_R": 7, "N_R": 7, "S_R": -3, "E_L": 9,
                                                         "E_R": 5, "sigma": 2})
    ops = m.lowest_operators()
    assert ops["NcN"].powers == [{"sigma": 6}]          # sigma^6 N^c N (Sec. II B)
    assert ops["LHS"].powers == [{"sigma": 5}]          # sigma^5 L H S
    assert ops["ScN"].order == 2 and ops["ScS"].order == 3 and ops["ELER"].order == 2
    assert m.singlet_operators()["sigma"].order == 13
    assert m.C_agamma("X") == 4


@pytest.mark.parametrize("N,z", [(N, z) for N in range(2, 25) for z in range(1, N)])
def test_alp_operator_dimension_is_N_over_gcd(N, z):
    r = lowest_singlet_operator({"s": {"Z": z}}, {"Z": N})
    assert r.order == N // gcd(z, N)


def test_lowest_powers_two_singlets_bruteforce():
    zn = {"A": 8, "B": 11}
    sing = {"s": {"A": 1, "B": 0}, "t": {"A": 0, "B": 2}}
    for qa, qb in itertools.product(range(8), range(11)):
        r = lowest_powers({"A": qa, "B": qb}, sing, zn)
        best = min(abs(a) + abs(b) for a in range(-8, 9) for b in range(-11, 12)
                   if (a + qa) % 8 == 0 and (2 * b + qb) % 11 == 0)
        assert r.order == best


def test_exact_u1_forbids_operator():
    r = lowest_powers({}, {"s": {}}, {}, op_u1={"Y": F(1)}, singlet_u1={"s": {"Y": F(0)}})
    assert r.order is None


def test_parsers_reject_bad_input():
    assert parse_term("S* N* sigma^2") == {"S": -1, "N": -1, "sigma": 2}
    assert parse_term("S*^2 sigma*^3") == {"S": -2, "sigma": -3}
    with pytest.raises(ValueError):
        parse_term("S + N")
    with pytest.raises(ValueError):
        parse_term("S X", known=["S"])
    assert parse_generator("3L - 3B", ["B", "L"]) == {"L": 3, "B": -3}
    assert parse_generator("L' + 9B", ["B", "L'"]) == {"L'": 1, "B": 9}
    with pytest.raises(ValueError):
        parse_generator("__import__('os')", ["B", "L"])
