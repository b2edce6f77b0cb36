"""Model files and the `darkseesaw spectrum` command: good files, and every kind of bad input
(one line naming file, key and problem; exit code 2; no traceback; no number computed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"


def run(*args):
    return subprocess.run([sys.executable, "-m", "darkseesaw", *args], capture_output=True,
                          text=True, timeout=120)


GOOD = """
unit: GeV
parameters: {y: 0.1, Lam: 1000.0, mu0: 1.0e-6}
blocks:
  mD: {diag: ["y*v_EW/sqrt(2)", "y*v_EW/sqrt(2)", "y*v_EW/sqrt(2)"]}
  M: {diag: [Lam, "2*Lam", "3*Lam"]}
  mu_S: {diag: [mu0, mu0, "mu0*cis(0.5)"]}
"""


def test_spectrum_json_example_3x3():
    r = run("spectrum", str(EX / "iss-3x3.yaml"), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    m = np.array(d["masses_GeV"])
    assert len(m) == 9 and np.all(np.diff(m) >= 0)
    L = d["light"]
    for k in ("s12sq", "s13sq", "s23sq", "delta_cp_deg", "dm21sq_eV2", "dm3lsq_eV2", "ordering",
              "sum_m_eV", "m_beta_eV", "m_bb_eV"):
        assert k in L
    # the example was built from NuFIT-6.0-like inputs via the LO formula; the exact spectrum
    # agrees to O(m_D²/M²) ≲ 1e-4 here
    assert L["ordering"] == "NO"
    assert abs(L["s12sq"] - 0.308) < 1e-3 and abs(L["s13sq"] - 0.02215) < 1e-4
    assert abs(L["dm21sq_eV2"] - 7.49e-5) / 7.49e-5 < 1e-3
    assert abs(L["delta_cp_deg"] - 212.0) < 0.5


def test_spectrum_2x2_has_exact_zero_and_table():
    r = run("spectrum", str(EX / "iss-2x2.yaml"), "--json")
    d = json.loads(r.stdout)
    assert d["masses_GeV"][0] == 0.0
    r = run("spectrum", str(EX / "iss-2x2.yaml"))
    assert r.returncode == 0 and "0 (exact)" in r.stdout and "TeV" in r.stdout


def test_set_overrides_parameter(tmp_path):
    f = tmp_path / "m.yaml"
    f.write_text(GOOD)
    d1 = json.loads(run("spectrum", str(f), "--json").stdout)
    d2 = json.loads(run("spectrum", str(f), "--json", "--set", "Lam=2000").stdout)
    # light masses scale as 1/Λ² at fixed μ, m_D (up to O(m_D²/Λ²))
    r = np.array(d1["light"]["m_light_eV"]) / np.array(d2["light"]["m_light_eV"])
    assert np.allclose(r, 4.0, rtol=2e-3)


BAD = {
    "malformed": ("blocks: [unclosed\n", "malformed YAML"),
    "unknown_key": (GOOD + "colour: blue\n", "colour"),
    "missing_block": (GOOD.replace('  mu_S: {diag: [mu0, mu0, "mu0*cis(0.5)"]}\n', ""),
                      "blocks.mu_S"),
    "wrong_shape": (GOOD.replace('M: {diag: [Lam, "2*Lam", "3*Lam"]}', "M: [[Lam, 0], [0, Lam]]"),
                    "blocks.M"),
    "non_symmetric": (GOOD.replace('mu_S: {diag: [mu0, mu0, "mu0*cis(0.5)"]}',
                                   "mu_S: [[mu0, mu0, 0], [0, mu0, 0], [0, 0, mu0]]"),
                      "not symmetric"),
    "non_numeric": (GOOD.replace("mu0: 1.0e-6", "mu0: [1, 2]"), "parameters.mu0"),
    "unknown_name": (GOOD.replace('"2*Lam"', '"2*Lambda"'), "Lambda"),
    "attribute": (GOOD.replace('"2*Lam"', '"Lam.real"'), "attribute"),
    "call": (GOOD.replace('"2*Lam"', '"__import__(\'os\').getcwd()"'), "not allowed"),
    "bad_unit": (GOOD.replace("unit: GeV", "unit: furlong"), "unit"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_one_line_exit_2(tmp_path, case):
    text, must = BAD[case]
    f = tmp_path / f"{case}.yaml"
    f.write_text(text)
    r = run("spectrum", str(f), "--json")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    err = r.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert str(f) in err and must in err, err


def test_missing_file_and_bad_set(tmp_path):
    r = run("spectrum", str(tmp_path / "nope.yaml"))
    assert r.returncode == 2 and "file not found" in r.stderr
    f = tmp_path / "m.yaml"
    f.write_text(GOOD)
    r = run("spectrum", str(f), "--set", "nope=3")
    assert r.returncode == 2 and "nope" in r.stderr and "Traceback" not in r.stderr


def test_loader_api_and_batch_evaluate(tmp_path):
    from darkseesaw.spectrum.modelfile import load

    mf = load(EX / "iss-3x3.yaml")
    pts = {"M1": np.array([500.0, 1000.0, np.inf]), "y1": np.array([0.02, 0.03, 0.02])}
    out = mf.evaluate(pts)
    assert list(out["failure"]) == ["", "", "non-finite mass matrix"]
    assert np.isnan(out["s12sq"][2]) and np.isfinite(out["s12sq"][:2]).all()
    # batch evaluation equals one-by-one evaluation
    m, U, o = mf.spectrum({"M1": 500.0, "y1": 0.02})
    assert np.isclose(out["m1"][0], m[0], rtol=1e-13)
    assert np.isclose(out["sum_m"][0], o["sum_m"] * 1e9, rtol=1e-13)
