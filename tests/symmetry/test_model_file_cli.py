"""`darkseesaw symmetry FILE.yaml`: example files and one-line errors with exit code 2."""

from pathlib import Path

import pytest

from darkseesaw.cli import main
from darkseesaw.modelfiles.symmetry import run_model_file

EX = Path(__file__).resolve().parents[2] / "examples" / "symmetry"


def test_z13_example_recovers_the_paper():
    rep = run_model_file(EX / "alp_discrete_z13.yaml")
    a = rep["discrete_anomalies"]["Z13"]
    assert (a["A2"], a["A3"], a["Agrav"], a["anomaly_free"]) == ("39/2", "0", "13", True)
    assert rep["solved_charges"]["X"]["E_L"] == "9/2"
    assert rep["operators"]["NcN"]["operators"] == ["sigma^6"]
    assert rep["operators"]["LHS"]["operators"] == ["sigma^5"]
    assert rep["singlet_operators"]["sigma"]["order"] == 13
    assert rep["C_agamma"] == {"X": "4"}
    assert all(not t["violates"] for t in rep["terms"])


def test_model_II_example_tables_VII_VIII_are_consistent():
    rep = run_model_file(EX / "alp_discrete_two_alp_model_II.yaml")
    assert all(not t["violates"] for t in rep["terms"])          # typed charges fit the terms
    assert all(a["anomaly_free"] for a in rep["discrete_anomalies"].values())
    assert rep["operators"]["NcN"]["operators"] == ["sigma^2 sigma'*"]
    assert "sigma^4 sigma'" in rep["operators"]["LHS"]["operators"]          # erratum
    assert rep["singlet_operators"]["sigma"]["order"] == 8
    assert rep["singlet_operators"]["sigma'"]["order"] == 5                  # not 10 (see notes)


def test_sm_bl_example_anomaly_free():
    rep = run_model_file(EX / "sm_bl_3nuR.yaml")
    assert all(v == "0" for v in rep["gauge_anomalies"].values())
    assert all(not t["violates"] for t in rep["terms"])


def _run(argv):
    try:
        main(argv)
    except SystemExit as e:          # typer exits 0 after a successful command
        assert not e.code


def test_cli_prints_tables_and_json(capsys):
    _run(["symmetry", str(EX / "alp_discrete_z13.yaml")])
    out = capsys.readouterr().out
    assert "A2=39/2" in out and "sigma^13" in out
    _run(["symmetry", str(EX / "alp_discrete_z13.yaml"), "--json"])
    import json

    assert json.loads(capsys.readouterr().out)["C_agamma"]["X"] == "4"


BAD = {
    "rep": ("fields:\n  a: {kind: left, su3: 5}\n", "fields.a.su3"),
    "charge": ("u1: {Y: gauge}\nfields:\n  a: {kind: left, charges: {Y: abc}}\n",
               "fields.a.charges.Y"),
    "zn": ("zn: {Z3: 3}\nfields:\n  a: {kind: left, charges: {Z3: 1/2}}\n", "fields.a.charges.Z3"),
    "zn_range": ("zn: {Z3: 3}\nfields:\n  a: {kind: left, charges: {Z3: 7}}\n", "does not fit"),
    "term": ("fields:\n  a: {kind: left}\nterms: ['a b']\n", "terms[0]"),
    "yaml": ("fields: [a: {\n", "malformed YAML"),
    "kind": ("fields:\n  a: {kind: spinor}\n", "fields.a.kind"),
    "eval": ("zn:\n  Z3: {N: 3, generator: \"__import__('os')\"}\nfields:\n  a: {kind: left}\n",
             "zn.Z3.generator"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_one_line_exit_2(tmp_path, capsys, case):
    text, key = BAD[case]
    f = tmp_path / "m.yaml"
    f.write_text(text)
    with pytest.raises(SystemExit) as e:
        main(["symmetry", str(f)])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert str(f) in err and key in err
