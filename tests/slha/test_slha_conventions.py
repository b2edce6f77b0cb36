"""SLHA files: SARAH's mixing convention against an independent construction, the round trip of
darkseesaw's own files, SLHA2's PMNS phases, and the hand-written SPheno-layout examples
against darkseesaw's spectrum of the same model files."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pyslha = pytest.importorskip("pyslha")

from darkseesaw.modelfiles import slha  # noqa: E402
from darkseesaw.modelfiles.neutral_leptons import load  # noqa: E402
from darkseesaw.sectors.neutral_leptons import neutral_lepton_observables  # noqa: E402
from darkseesaw.spectrum.builders import neutral_lepton_matrix  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"


def run(*args):
    return subprocess.run([sys.executable, "-m", "darkseesaw", *args], capture_output=True,
                          text=True, timeout=300)


# ------------------------------------------------------------------ an independent construction
def spheno_diagonalise(Mm):
    """SARAH/SPheno's recipe (Package/SPheno/SPhenoTreeMasses.m), with LAPACK's eigh:
    rows of Z = eigenvectors of M†M (Z = V†), then each row rephased so that
    Z* M Z† = diag(m) with m > 0. No Takagi code of darkseesaw is used."""
    w, V = np.linalg.eigh(np.conj(Mm).T @ Mm)
    Z = np.conj(V).T
    d = np.diag(np.conj(Z) @ Mm @ np.conj(Z).T)
    Z = np.exp(0.5j * np.angle(d))[:, None] * Z
    return np.abs(d), Z


def toy_matrix(seed=3):
    """3 ν_L + 2 N_R + 2 S with every block complex and masses spread over ~3 decades."""
    rng = np.random.default_rng(seed)

    def c(*shape):
        return rng.normal(size=shape) + 1j * rng.normal(size=shape)

    mD, M, mu = 5.0 * c(3, 2), 50.0 * c(2, 2), c(2, 2)
    mL = 0.3 * c(3, 3)
    return neutral_lepton_matrix(mD, M, mu + mu.T, mL=mL + mL.T)


def slha_by_hand(masses, Z, fmt="{: .17E}"):
    """An SLHA text in SPheno's layout, written here without darkseesaw's writer."""
    n = len(masses)
    codes = [12, 14, 16, 8810012, 8810014, 8810016, 9910012, 9910014, 9910016][:n]
    lines = ["Block SPINFO", "     1   test", "Block MASS"]
    lines += [f" {codes[i]:9d}   {fmt.format(masses[i])}  # Fv_{i + 1}" for i in range(n)]
    for name, part in (("UVMIX", np.real), ("IMUVMIX", np.imag)):
        lines.append(f"Block {name} Q=  1.60000000E+02  # ()")
        lines += [f"{i + 1:3d}{j + 1:3d}   {fmt.format(part(Z[i, j]))}   # x"
                  for i in range(n) for j in range(n)]
    return "\n".join(lines) + "\n"


def test_sarah_convention_against_spheno_recipe(tmp_path):
    Mm = toy_matrix()
    assert np.allclose(Mm, Mm.T)
    m, Z = spheno_diagonalise(Mm)
    assert np.allclose(np.conj(Z) @ Mm @ np.conj(Z).T, np.diag(m), atol=1e-10 * m.max())
    f = tmp_path / "toy.slha"
    f.write_text(slha_by_hand(m, Z))
    s = slha.read_slha(f)
    assert np.allclose(s.masses, np.sort(m), rtol=1e-14, atol=0)
    # darkseesaw's convention: 𝓜 = U* diag(m) U†, symmetric, equal to the matrix diagonalised
    rec = s.matrix()
    scale = np.abs(Mm).max()
    assert np.abs(rec - rec.T).max() < 1e-13 * scale
    assert np.abs(rec - Mm).max() < 1e-12 * scale
    # Uᵀ 𝓜 U = diag(m) (darkseesaw.spectrum.takagi's convention) with the matrix read
    assert np.allclose(s.U.T @ Mm @ s.U, np.diag(s.masses), atol=1e-11 * scale)
    # the test can fail: reading UV as Uᵀ instead of U† gives the complex conjugate matrix
    wrong = np.conj(Z.T) @ np.diag(m) @ Z
    assert np.abs(wrong - Mm).max() > 1e-3 * scale
    # and agrees with darkseesaw's own Takagi factorisation up to column signs
    from darkseesaw.spectrum.takagi import takagi

    mt, Ut = takagi(Mm)
    assert np.allclose(mt, s.masses, rtol=1e-10)
    assert np.allclose(np.abs(Ut), np.abs(s.U), atol=1e-10)


def test_negative_masses_of_a_real_mixing_matrix(tmp_path):
    """SPheno's flag 50 = 0: real UV, signed masses, no IMUVMIX; the reader restores m > 0."""
    rng = np.random.default_rng(7)
    mD, M, mu = rng.normal(size=(3, 2)), 30 * rng.normal(size=(2, 2)), rng.normal(size=(2, 2))
    Mm = neutral_lepton_matrix(mD, M, mu + mu.T, mL=0.1 * np.eye(3)).real
    w, V = np.linalg.eigh(Mm)  # real orthogonal: V.T M V = diag(w), w of both signs
    assert (w < 0).any() and (w > 0).any()
    Z = V.T  # SARAH rows; Z M Zᵀ = diag(w)
    order = np.argsort(np.abs(w))[::-1]  # a file need not be sorted: the reader sorts
    text = slha_by_hand(w[order], Z[order]).split("Block IMUVMIX")[0]
    f = tmp_path / "real.slha"
    f.write_text(text)
    s = slha.read_slha(f)
    assert np.all(s.masses >= 0) and np.all(np.diff(s.masses) >= 0)
    assert np.allclose(s.masses, np.sort(np.abs(w)), rtol=1e-14)
    assert np.abs(s.matrix() - Mm).max() < 1e-12 * np.abs(Mm).max()


def test_round_trip_of_darkseesaw_files(tmp_path):
    out = tmp_path / "iss.slha"
    r = run("spectrum", str(EX / "iss-3x3.yaml"), "--slha", str(out), "--set", "M1=1500")
    assert r.returncode == 0, r.stderr
    mf = load(EX / "iss-3x3.yaml")
    m, U, o = mf.spectrum({"M1": 1500.0})
    s = slha.read_slha(out)
    assert np.all(np.abs(s.masses / m - 1) <= 1e-12)
    assert np.all(np.abs(np.abs(s.U) - np.abs(U)) <= 1e-10)
    assert np.abs(s.U - U).max() <= 1e-15  # 17 digits: the same doubles
    assert s.basis == (3, 3, 3) and s.program.startswith("darkseesaw")
    assert s.inputs["EXTPAR 4"] == {"value": 1500.0, "name": "M1"}
    assert s.inputs["EXTPAR 1"] == {"value": 0.02, "name": "y1"}
    # read independently with pyslha: the codes and UVMIX = Re(U†), IMUVMIX = Im(U†)
    doc = pyslha.read(str(out))
    assert [c for c in doc.blocks["MASS"].keys()] == slha.pdg_codes(9)
    assert doc.blocks["MASS"][8810012] == m[3]
    for i in range(9):
        for j in range(9):
            assert doc.blocks["UVMIX"][i + 1, j + 1] == np.conj(U[j, i]).real
            assert doc.blocks["IMUVMIX"][i + 1, j + 1] == np.conj(U[j, i]).imag
    # the observables of the file are those of the model
    rep = slha.observables_from_slha(out)
    ref = neutral_lepton_observables(m, U)
    for k, v in ref.items():
        assert rep["observables"][k] == pytest.approx(float(v), rel=1e-12, abs=1e-300), k


def test_upmnsin_follows_slha2_phase_convention(tmp_path):
    """UPMNSIN: U = V(θ, δ) diag(e^{iα1/2}, e^{iα2/2}, 1) (SLHA2; FlexibleSUSY's
    PMNS_parameters::get_complex_pmns) equals the light mixing up to one common phase."""
    mf = load(EX / "slha" / "iss-lfv.yaml")  # α21 = 1, α31 = 2.5 rad
    m, U, o = mf.spectrum()
    f = tmp_path / "lfv.slha"
    slha.write_slha(f, m, U)
    b = pyslha.read(str(f)).blocks["UPMNSIN"]
    t12, t23, t13, d, a1, a2 = (b[k] for k in range(1, 7))
    s12, s23, s13 = math.sin(t12), math.sin(t23), math.sin(t13)
    c12, c23, c13 = math.cos(t12), math.cos(t23), math.cos(t13)
    e = np.exp(1j * d)
    V = np.array([[c12 * c13, s12 * c13, s13 / e],
                  [-s12 * c23 - c12 * s23 * s13 * e, c12 * c23 - s12 * s23 * s13 * e, s23 * c13],
                  [s12 * s23 - c12 * c23 * s13 * e, -c12 * s23 - s12 * c23 * s13 * e, c23 * c13]])
    Uslha = V @ np.diag([np.exp(0.5j * a1), np.exp(0.5j * a2), 1.0])
    W = np.asarray(o["U_pmns"])
    ratio = W / Uslha
    # one common phase, up to the sign of each Takagi vector (α/2 is defined mod π)
    r2 = ratio**2
    assert np.allclose(r2, r2[0, 0], atol=1e-9)
    assert a1 == pytest.approx((-2.5) % (2 * math.pi), abs=1e-3)   # −α31, O(m_D²/M²) shifts
    assert a2 == pytest.approx((1.0 - 2.5) % (2 * math.pi), abs=1e-3)


TOL = {  # the SPheno layout keeps 9 significant digits: the reachable agreement
    "default": 1e-7,
    "eta": 2e-9,     # absolute: η = (1 − N N†)/2 from O(1) entries rounded at 5e-10
}


@pytest.mark.parametrize("model,spc", [
    (EX / "iss-3x3.yaml", EX / "slha" / "iss-3x3.spheno.spc"),
    (EX / "slha" / "iss-lfv.yaml", EX / "slha" / "iss-lfv.spheno.spc"),
])
def test_spheno_layout_example_gives_the_models_observables(model, spc):
    m, U, _ = load(model).spectrum()
    ref = {k: float(v) for k, v in neutral_lepton_observables(m, U).items()}
    rep = slha.observables_from_slha(spc)
    o = rep["observables"]
    assert 0 < rep["unitarity_defect"] < 1e-8
    assert rep["program"] == "handwritten SPheno-layout"
    assert [s["pdg"] for s in rep["states"]] == slha.pdg_codes(9)
    for k, x in ref.items():
        y = o[k]
        if k.startswith("eta_"):
            assert abs(y - x) < TOL["eta"], k
        elif k in ("delta_cp", "alpha21", "alpha31"):
            assert abs((y - x + math.pi) % (2 * math.pi) - math.pi) < 1e-6, k
        elif k[:3] in ("BR_", "CR_"):
            if x < 1e-20:  # GIM-suppressed to nothing: the 9-digit rounding sets the floor
                assert y < 1e-20, k
            else:
                assert y == pytest.approx(x, rel=1e-3), k
        else:
            assert y == pytest.approx(x, rel=TOL["default"], abs=1e-300), k
    if "lfv" in model.name:
        assert 1e-15 < o["BR_mu_egamma"] < 1.5e-13  # the example is built to be visible


def test_spheno_layout_needs_no_comments(tmp_path):
    """Without '# Fv_k' comments the MASS codes follow SARAH's B-L-SM-IS numbering."""
    text = (EX / "slha" / "iss-lfv.spheno.spc").read_text()
    stripped = "\n".join(ln.split("#")[0].rstrip() if not ln.startswith("#") else ln
                         for ln in text.splitlines())
    f = tmp_path / "nocomment.spc"
    f.write_text(stripped + "\n")
    a = slha.read_slha(f)
    b = slha.read_slha(EX / "slha" / "iss-lfv.spheno.spc")
    assert a.pdg == b.pdg and np.array_equal(a.masses, b.masses)
    assert np.array_equal(a.U, b.U)


def test_darkseesaw_example_file_is_current():
    """examples/slha/iss-3x3.slha is what `spectrum --slha` writes (up to the version line)."""
    mf = load(EX / "iss-3x3.yaml")
    m, U, _ = mf.spectrum()
    s = slha.read_slha(EX / "slha" / "iss-3x3.slha")
    assert np.allclose(s.masses, m, rtol=1e-12, atol=0)
    assert np.abs(s.U - U).max() < 1e-12


def test_benchmark_slha_round_trip(tmp_path):
    """A built-in model: EXTPAR = the pydantic parameters (units in comments), DSMASS its other
    states, and the file's observables are the model's (its lifetimes have no dark channel)."""
    from darkseesaw.cli.benchmark_cmd import evaluate, write_point_slha
    from darkseesaw.models import get

    f = tmp_path / "typeI-bl.slha"
    write_point_slha(f, "typeI-bl", "lhc-excluded", {"M_N1": 700.0})
    res = evaluate("typeI-bl", "lhc-excluded", {"M_N1": 700.0})
    rep = slha.observables_from_slha(f)
    for k, v in rep["observables"].items():
        x = res["observables"][k]["value"]
        assert v == pytest.approx(x, rel=1e-10, abs=1e-300), k
    fields = list(get("typeI-bl").Parameters.model_fields)
    text = f.read_text()
    for i, name in enumerate(fields, start=1):
        assert rep["inputs"][f"EXTPAR {i}"]["name"].split(" [")[0] == name
    assert rep["inputs"]["EXTPAR 4"]["value"] == 700.0
    assert "# M_Zp [GeV]" in text and "# Zp" in text and "# chi" in text
    assert rep["basis"] == [3, 2, 0]


def test_cli_start_up_does_not_import_pyslha():
    r = subprocess.run([sys.executable, "-c", "import sys, darkseesaw.cli; "
                        "print('pyslha' in sys.modules, 'numpy' in sys.modules)"],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["False", "False"], r.stdout + r.stderr
