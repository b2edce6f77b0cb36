"""`darkseesaw observables FILE.slha`: every kind of bad input is one line on stderr
``darkseesaw: error: FILE: KEY: problem`` with exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyslha")

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "examples" / "slha" / "iss-lfv.spheno.spc").read_text()


def run(*args):
    return subprocess.run([sys.executable, "-m", "darkseesaw", *args], capture_output=True,
                          text=True, timeout=120)


def _drop_block(text, name):
    out, skip = [], False
    for ln in text.splitlines():
        if ln.upper().startswith("BLOCK "):
            skip = ln.split()[1].upper() == name
        if not skip:
            out.append(ln)
    return "\n".join(out) + "\n"


def _replace_line(text, startswith, new):
    lines = text.splitlines()
    i = next(k for k, ln in enumerate(lines) if ln.startswith(startswith))
    lines[i] = new
    return "\n".join(lines) + "\n"


CASES = {
    "garbage-line": (GOOD.replace("Block MASS", "this is not SLHA\nBlock MASS"), "line 22",
                     "malformed SLHA"),
    "unindented-data": (GOOD.replace("        25     1.25", "25     1.25"), "line 24",
                        "malformed SLHA"),
    "no-block": ("just some text\n", "line 1", "malformed SLHA"),
    "empty": ("# only a comment\n", None, "no 'Block' found"),
    "no-mass": (_drop_block(GOOD, "MASS"), "Block MASS", "missing"),
    "no-mixing": (_drop_block(_drop_block(GOOD, "UVMIX"), "IMUVMIX"), "Block UVMIX", "missing"),
    "nan-mass": (GOOD.replace("8.00003034E+02", "NaN"), "MASS(8810012)", "not a number"),
    "inf-mass": (GOOD.replace("8.00003034E+02", "1.0E+999"), "MASS(8810012)", "not a finite"),
    "nan-mixing": (_replace_line(GOOD, "  2  3 ", "  2  3   NaN   # bad"), "UVMIX(2,3)",
                   "not a number"),
    "missing-entry": (_replace_line(GOOD, "  4  5 ", "# removed"), "UVMIX(4,5)", "missing entry"),
    "non-unitary": (_replace_line(GOOD, "  1  1 ", "  1  1    -8.1E-01   # Real(ZM(1,1),dp)"),
                    "Block UVMIX", "not unitary"),
    "no-neutrino-masses": (GOOD.replace("# Fv_", "# X_").replace("  8810012 ", "  8810099 "),
                           "Block MASS", "no masses for the 9 neutral leptons"),
    # a stray index: a one-line error, not a 10^10 x 10^10 array (ValueError/MemoryError)
    "huge-index": (_replace_line(GOOD, "  3  3 ", "  3  9999999999   0.1"), "UVMIX(1,10)",
                   "missing entry of the 9999999999x9999999999 matrix"),
    "bad-entry": (_replace_line(GOOD, "  3  3 ", "  3  3"), "UVMIX(3)", "expected an entry"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_slha_is_one_line_exit_2(tmp_path, case):
    text, key, problem = CASES[case]
    f = tmp_path / f"{case}.spc"
    f.write_text(text)
    r = run("observables", str(f))
    assert r.returncode == 2, (case, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    prefix = f"darkseesaw: error: {f}: " + (f"{key}: " if key else "")
    assert lines[0].startswith(prefix), lines[0]
    assert problem in lines[0], lines[0]


def test_missing_file_and_folder(tmp_path):
    for target, problem in ((tmp_path / "nope.slha", "file not found"),
                            (tmp_path, "is a folder, not a file")):
        r = run("observables", str(target))
        assert r.returncode == 2
        assert r.stderr.strip() == f"darkseesaw: error: {target}: {problem}"


def test_bad_options_are_one_line(tmp_path):
    f = tmp_path / "good.spc"
    f.write_text(GOOD)
    r = run("observables", str(f), "--pdg", "12,14,x")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "--pdg" in r.stderr
    r = run("observables", str(f), "--pdg", "12,14,16")
    assert r.returncode == 2 and "3 codes for the 9 states" in r.stderr
    r = run("observables", str(f), "--block", "ZMMIX")
    assert r.returncode == 2 and "Block ZMMIX: missing" in r.stderr
    # a tolerance below the 9-digit rounding refuses even the good file
    r = run("observables", str(f), "--tolerance", "1e-12")
    assert r.returncode == 2 and "not unitary" in r.stderr


def test_good_file_json_and_table(tmp_path):
    f = tmp_path / "good.spc"
    f.write_text(GOOD)
    r = run("observables", str(f), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["n_states"] == 9 and d["observables"]["is_NO"] is True
    assert d["units"]["m_N1"] == "GeV" and d["units"]["tau_N1"] == "s"
    assert d["lfv"]["BR_mu_egamma"]["limit"] == 1.5e-13 and d["ewpd"]["pass"] is True
    r = run("observables", str(f))
    assert r.returncode == 0 and r.stderr == ""
    for s in ("8810012", "Light neutrinos (NO)", "BR_mu_egamma", "η_ee + η_μμ", "57.30°"):
        assert s in r.stdout, s
    r = run("observables", str(f), "--no-lfv", "--no-lifetimes", "--json")
    d = json.loads(r.stdout)
    assert "BR_mu_egamma" not in d["observables"] and "tau_N1" not in d["observables"]
