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
    "missing_block": (GOOD.replace('  mD: {diag: ["y*v_EW/sqrt(2)", "y*v_EW/sqrt(2)", '
                                   '"y*v_EW/sqrt(2)"]}\n', ""), "blocks.mD"),
    "only_mD": ("blocks:\n  mD: [[1.0], [0.0], [0.0]]\n", "blocks"),
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
    from darkseesaw.modelfiles.neutral_leptons import load

    mf = load(EX / "iss-3x3.yaml")
    pts = {"M1": np.array([500.0, 1000.0, np.inf]), "y1": np.array([0.02, 0.03, 0.02])}
    out = mf.evaluate(pts)
    assert list(out["failure"]) == ["", "", "non-finite mass matrix"]
    assert np.isnan(out["s12sq"][2]) and np.isfinite(out["s12sq"][:2]).all()
    # batch evaluation equals one-by-one evaluation
    m, U, o = mf.spectrum({"M1": 500.0, "y1": 0.02})
    assert np.isclose(out["m_nu1"][0], m[0], rtol=1e-13)
    assert np.isclose(out["sum_m_nu"][0], o["sum_m"], rtol=1e-13)
    assert np.isclose(out["m_N1"][0], m[3], rtol=1e-13)


def test_type_one_and_linear_seesaw_files(tmp_path):
    """A pure type-I file (mD, mu_R) and a linear-seesaw file (mD, M, m_DS) load and give the
    seesaw masses: m_ν = m_D²/M_R and m_ν = 2 m_D m_DS/M (one family, LO, exact to O(m_D²/M²))."""
    from darkseesaw.modelfiles.neutral_leptons import load

    f = tmp_path / "t1.yaml"
    f.write_text("unit: GeV\nparameters: {mR: 1.0e12}\nblocks:\n  mD: [[100.0], [0], [0]]\n"
                 "  mu_R: [[mR]]\n")
    mf = load(f)
    assert (mf.n_N, mf.n_S) == (1, 0)
    m, _, _ = mf.spectrum()
    assert m[-1] == pytest.approx(1e12, rel=1e-12)
    assert m[2] == pytest.approx(100.0**2 / 1e12, rel=1e-9)
    assert m[0] == 0.0 and m[1] == 0.0        # two massless states: structural zeros
    f2 = tmp_path / "lin.yaml"
    f2.write_text("unit: GeV\nblocks:\n  mD: [[10.0], [0], [0]]\n  M: [[1.0e3]]\n"
                  "  m_DS: [[1.0e-8, 0, 0]]\n".replace("[[1.0e-8, 0, 0]]", "[[1.0e-8], [0], [0]]"))
    m2, _, _ = load(f2).spectrum()
    assert m2[2] == pytest.approx(2 * 10.0 * 1e-8 / 1e3, rel=1e-6)
    # both are models on the contract with the neutral-lepton links
    obs = mf.as_model().observables(mf.as_model().parameters())
    assert obs["m_N1"] == pytest.approx(1e12, rel=1e-12)


def _hierarchical_blocks():
    """The blocks of a matrix (entries log-uniform over 17 decades inside the blocks) whose
    double-precision light masses are off by ~1e-6: certification sends it to the
    arbitrary-precision fallback (the same construction as tests/spectrum/matrices.py)."""
    rng = np.random.default_rng(16)

    def blk(shape, lo, hi):
        return 10 ** rng.uniform(lo, hi, size=shape) * np.exp(1j * rng.uniform(0, 2 * np.pi, shape))

    mu = blk((2, 2), -13, -5)
    return {"mD": blk((3, 2), -3, 2.4), "M": blk((2, 2), 1, 5), "mu_S": mu + mu.T}


def test_batch_evaluate_records_precision_budget_failure(tmp_path, monkeypatch):
    """A point the precision budget refuses is NaN with its reason; the others are computed."""
    pytest.importorskip("flint")
    from darkseesaw.modelfiles.neutral_leptons import loads
    from darkseesaw.spectrum.builders import neutral_lepton_matrix
    from darkseesaw.spectrum.takagi import last_info, takagi

    blocks = _hierarchical_blocks()
    takagi(neutral_lepton_matrix(**blocks), precision_budget=None)
    assert last_info()["n_fallback"] == 1  # the matrix does need the fallback

    def row(r):
        return "[" + ", ".join(f'"({z.real:.17g}{z.imag:+.17g}j)*s"' for z in r) + "]"

    text = "parameters: {s: 1.0}\nblocks:\n" + "".join(
        f"  {k}: [{', '.join(row(r) for r in v)}]\n" for k, v in blocks.items())
    mf = loads(text, "hier.yaml")
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "0")
    out = mf.evaluate({"s": np.array([1.0, np.inf])})
    assert out["failure"][0].startswith("precision_budget")
    assert out["failure"][1] == "non-finite mass matrix"
    assert np.isnan(out["m_nu1"]).all()
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "none")
    out = mf.evaluate({"s": np.array([1.0])})
    assert list(out["failure"]) == [""] and np.isfinite(out["m_N1"]).all()
