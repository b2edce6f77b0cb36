"""Known discrete-anomaly results of the MSSM, the labels of forbidden operators (which symmetry
forbids them), Lorentz scalars and their dimensions, and declared terms that break a declared
symmetry (an error unless ``--no-strict``).

Independent values: Ibáñez & Ross, Nucl. Phys. B368 (1992) 3 (R2 and B3 are the anomaly-free
Z_2, Z_3 of the MSSM; lepton and baryon parities are not), Dreiner, Luhn & Thormeier, PRD 73
(2006) 075007 (proton hexality P6 = R2 × B3 is anomaly free); the anomaly coefficients written
out by hand below (T(fund) = 1/2, multiplicities colour × isospin × 3 generations); the standard
phenomenology of the MSSM operators (R-parity forbids κ L H_u and allows QQQL, baryon triality
the reverse).
"""

import itertools
import json
from fractions import Fraction as F
from pathlib import Path

import pytest

from darkseesaw.cli import main
from darkseesaw.modelfiles.symmetry import model_from_dict, run_model_file
from darkseesaw.symmetry import integer_solvable, lowest_powers, why_forbidden

EX = Path(__file__).resolve().parents[2] / "examples" / "symmetry"
MSSM = Path(__file__).resolve().parent / "data" / "mssm_discrete.yaml"


@pytest.fixture(scope="module")
def mssm():
    return run_model_file(MSSM)


def test_mssm_anomaly_free_R2_B3_P6_and_anomalous_L2_B2_L5(mssm):
    a = mssm["discrete_anomalies"]
    assert {z: a[z]["anomaly_free"] for z in a} == {"R2": True, "B3": True, "P6": True,
                                                    "L2": False, "B2": False, "L5": False}
    # by hand, with the charges of the file (Q u d L e Hd Hu; 3 generations):
    # R2 = (1,1,1,1,1,0,0): A2 = 1/2(3*3*1 + 3*1) = 6, A3 = 1/2(2*3 + 3 + 3) = 6,
    #   Agrav = 18 + 9 + 9 + 6 + 3 = 45
    assert (a["R2"]["A2"], a["R2"]["A3"], a["R2"]["Agrav"]) == ("6", "6", "45")
    # L2 = lepton parity: A2 = 1/2 * 3 = 3/2, 2 A2 = 3 is odd: only [SU(2)]^2 fails
    assert a["L2"]["A2"] == "3/2" and a["L2"]["cancelled"] == {"A2": False, "A3": True,
                                                               "Agrav": True}
    # B2 = 3B mod 2 on quarks: A2 = 1/2 * 3 colours * 3 generations = 9/2: [SU(2)]^2 fails
    assert a["B2"]["A2"] == "9/2" and not a["B2"]["cancelled"]["A2"]
    # L5: A2 = 3/2 and Agrav = 6 - 3 = 3; neither 3 nor 6 is 0 mod 5
    assert (a["L5"]["A2"], a["L5"]["Agrav"]) == ("3/2", "3")
    assert a["L5"]["cancelled"] == {"A2": False, "A3": True, "Agrav": False}
    assert all(v == "0" for v in mssm["gauge_anomalies"].values())
    assert all(not t["violates"] for t in mssm["terms"])


def test_forbidden_by_the_discrete_symmetry_is_labelled_so(mssm):
    ops = mssm["operators"]
    fb = {k: ops[k]["forbidden_by"] for k in ops}
    assert all(ops[k]["order"] is None for k in ops)
    # kappa L H_u: forbidden by matter parity (and P6 which contains it) and by lepton
    # parity / L5; baryon triality and baryon parity allow it
    assert fb["LHu"]["kind"] == "zn" and fb["LHu"]["symmetries"] == ["R2", "P6", "L2", "L5"]
    # QQQL: allowed by R-parity (the dimension-5 proton decay problem), forbidden by B3 and P6
    assert fb["QQQL"]["symmetries"] == ["B3", "P6", "L2", "B2", "L5"]
    assert fb["LLHH"]["symmetries"] == ["L5"] and "L5 alone" in fb["LLHH"]["reason"]
    # a hypercharged operator is not gauge invariant: that is a U(1), not a Z_N
    assert fb["HuHu"]["kind"] == "u1" and fb["HuHu"]["symmetries"] == ["Y"]
    for k in ("LHu", "QQQL", "LLHH"):
        assert "U(1)" not in fb[k]["reason"]


def test_cli_text_labels(capsys):
    main_ok(["symmetry", str(MSSM)])
    out = capsys.readouterr().out
    assert "exact U(1)" not in out
    assert "LLHH   never invariant: forbidden by L5 alone: charge 2 mod 5" in out
    assert "HuHu   never invariant: not gauge invariant: Y = 1" in out
    assert "Lhu" in out and "not a Lorentz scalar" in out
    assert "R2 (N=2): A2=6 [ok]" in out and "L5 (N=5): A2=3/2 [X]" in out


def test_lorentz_scalars_and_their_dimension(mssm):
    ops = mssm["operators"]
    assert ops["Lhu"]["lorentz_scalar"] is False and ops["Lhu"]["note"] == "not a Lorentz scalar"
    assert all(ops[k]["lorentz_scalar"] for k in ("LHu", "QQQL", "LLHH", "HuHu"))
    assert all(t["lorentz_scalar"] for t in mssm["terms"])
    z13 = run_model_file(EX / "alp_discrete_z13.yaml")["operators"]
    # sigma^6 N_R^c-bar N_R: 3 + 6 = 9; sigma^5 L-bar H~ S_R: 4 + 5 = 9; sigma L-bar H E_R: 5
    assert {k: z13[k]["dimension"] for k in ("NcN", "LHS", "LHER", "LHN")} == {
        "NcN": "9", "LHS": "9", "LHER": "5", "LHN": "4"}


def test_an_invariant_monomial_that_is_not_a_lorentz_scalar_has_no_dimension():
    model, _ = model_from_dict({
        "zn": {"Z3": 3},
        "fields": {"L": {"kind": "left", "charges": {"Z3": 1}},
                   "s": {"kind": "complex_scalar", "charges": {"Z3": 1}}},
        "singlets": ["s"],
        "operators": {"Ls": "L s", "LL": "L^2"}})
    ops = model.report()["operators"]
    assert ops["Ls"]["order"] == 1 and ops["Ls"]["dimension"] is None          # 5/2 + 1 before
    assert ops["Ls"]["note"] == "not a Lorentz scalar"
    assert ops["LL"]["dimension"] == "4"                                        # s L L: 3 + 1


def test_joint_conditions_labelled_as_joint():
    # Z4 x Z2 with one singlet of charge (1, 1): it reaches only equal parities
    r = lowest_powers({"Z4": 1, "Z2": 0}, {"s": {"Z4": 1, "Z2": 1}}, {"Z4": 4, "Z2": 2})
    assert r.order is None and r.forbidden_by["kind"] == "zn"
    assert r.forbidden_by["symmetries"] == ["Z4", "Z2"] and "together" in r.forbidden_by["reason"]
    # U(1) alone solvable (n_s + n_t = 1), Z2 alone solvable (n_s + n_t even), both: no
    w = why_forbidden({"Z2": 0}, {"s": {"Z2": 1}, "t": {"Z2": 1}}, {"Z2": 2},
                      op_u1={"X": F(-2)}, singlet_u1={"s": {"X": F(2)}, "t": {"X": F(2)}})
    assert w["kind"] == "zn+u1"
    # singlet powers that reach a subgroup only: sigma of Z6 charge 2 never cancels charge 1
    r = lowest_powers({"Z6": 1}, {"sigma": {"Z6": 2}}, {"Z6": 6})
    assert r.forbidden_by["reason"] == ("forbidden by Z6 alone: charge 1 mod 6 and the singlet "
                                        "powers reach only multiples of 2")


def test_integer_solvable_agrees_with_enumeration():
    # a x + b y = c (mod-free) and congruences with slack: compare with brute force in a box
    # large enough to contain a solution when one exists (|x|, |y| <= max coefficient)
    for a, b, c in itertools.product(range(-4, 5), range(-4, 5), range(-6, 7)):
        brute = any(a * x + b * y == c for x in range(-12, 13) for y in range(-12, 13))
        assert integer_solvable([[a, b]], [c]) == brute, (a, b, c)
    for z1, z2, N1, N2, o1, o2 in itertools.product((0, 1, 2, 3), (0, 1, 2), (4, 6), (2, 3),
                                                    range(3), range(2)):
        brute = any((n * z1 + o1) % N1 == 0 and (n * z2 + o2) % N2 == 0 for n in range(N1 * N2))
        rows = [[z1, N1, 0], [z2, 0, N2]]
        assert integer_solvable(rows, [-o1, -o2]) == brute


def main_ok(argv):
    try:
        main(argv)
    except SystemExit as e:
        assert not e.code


BROKEN = """zn: {Z13: 13}
u1: {Y: gauge}
fields:
  N: {kind: right, charges: {Z13: 7}}
  S: {kind: right, charges: {Z13: -3}}
  s: {kind: complex_scalar, charges: {Z13: 2}}
terms: ["S* N* s^2", "S* S* s"]
"""


def test_declared_term_violating_a_symmetry_is_an_error(tmp_path, capsys):
    f = tmp_path / "m.yaml"
    f.write_text(BROKEN)
    with pytest.raises(SystemExit) as e:
        main(["symmetry", str(f)])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    # S*^2 s: Z13 charge 3 + 3 + 2 = 8; the first term (S* N* s^2: 3 - 7 + 4 = 0) is fine
    assert f"{f}: terms[1]: declared term 'S*^2 s' violates Z13 (charge 8 mod 13)" in err
    main_ok(["symmetry", str(f), "--no-strict"])
    assert "violates Z13" in capsys.readouterr().out
    main_ok(["symmetry", str(f), "--no-strict", "--json"])
    rep = json.loads(capsys.readouterr().out)
    assert rep["terms"][1]["violates"] == ["Z13"] and rep["terms"][1]["charges"]["Z13"] == 8
