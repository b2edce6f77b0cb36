"""Shipped PDF grid, LHAPDF6 reader and the LHC dilepton recast against published numbers."""

import math
import os

import numpy as np
import pytest
from scipy.integrate import quad

from darkseesaw.constraints import dilepton as dil
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.errors import InputError
from darkseesaw.observables import collider as col
from darkseesaw.pdfs import PDFSet, load, parton_luminosity


@pytest.fixture(scope="module")
def pdf():
    return load()


def test_alpha_s_of_mstw2008_nlo(pdf):
    assert float(pdf.alphas(91.1876)) == pytest.approx(0.12018, abs=2e-4)


def test_sum_rules_after_evolution(pdf):
    Q = 100.0
    flav = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 21]

    def mom(lx):
        x = math.exp(lx)
        return x * sum(float(pdf.xfxQ(p, x, Q)) for p in flav)

    msr = quad(mom, math.log(1e-7), 0.0, limit=200)[0]
    assert msr == pytest.approx(1.0, abs=3e-3)

    nu = quad(lambda lx: float(pdf.xfxQ(2, math.exp(lx), Q) - pdf.xfxQ(-2, math.exp(lx), Q)),
              math.log(1e-7), 0.0, limit=200)[0]
    assert nu == pytest.approx(2.0, abs=0.02)


def test_luminosity_against_direct_integral(pdf):
    tau, mu = 0.05, 2900.0

    def f(x):
        return (pdf.xfxQ(2, x, mu) * pdf.xfxQ(-2, tau / x, mu)
                + pdf.xfxQ(-2, x, mu) * pdf.xfxQ(2, tau / x, mu)) / (x * tau)

    ref = quad(lambda x: float(f(x)), tau, 1.0, limit=200)[0]
    assert float(parton_luminosity(pdf, 2, -2, tau, mu)) == pytest.approx(ref, rel=1e-4)


def test_drell_yan_z_cross_section_vs_atlas(pdf):
    """LO σ(pp → Z → ℓℓ) at 13 TeV vs ATLAS (1.981 nb): NNLO/LO ≈ 1.2–1.35."""
    ratio = ME["sigma_z_ll_atlas_13tev"].value * 1e6 / float(col.sigma_z_ll_fb(pdf=pdf))
    assert 1.1 < ratio < 1.4


def test_ssm_mass_limit_reproduces_atlas(pdf):
    """The SSM Z′ crosses the ATLAS 139 fb⁻¹ limit at 5.1 TeV (arXiv:1903.06248)."""
    m_lo = dil.ssm_mass_limit(pdf=pdf)
    assert m_lo == pytest.approx(ME["m_zprime_ssm_atlas_139ifb"].value, abs=200.0)
    assert dil.ssm_mass_limit(pdf=pdf, k_factor=1.2) > m_lo


def test_narrow_width_formula_scaling(pdf):
    """σ ∝ Γ_qq̄ at fixed M (eq. 4.1)."""
    a = col.sigma_nwa_fb(3000.0, {"u": 1.0}, pdf=pdf)
    b = col.sigma_nwa_fb(3000.0, {"u": 2.0}, pdf=pdf)
    assert b == pytest.approx(2 * a, rel=1e-12)
    assert math.isnan(dil.dilepton_limit_fb(8000.0, 0.01))


def _write_toy_set(folder, name):
    d = folder / name
    d.mkdir()
    (d / f"{name}.info").write_text("Format: lhagrid1\nAlphaS_Qs: [1.0, 100.0]\n"
                                    "AlphaS_Vals: [0.4, 0.1]\n")
    xs = [float(v) for v in np.geomspace(1e-3, 0.9, 30)] + [1.0]
    qs = [1.0, 10.0, 100.0, 1000.0]
    rows = []
    for x in xs:
        for q in qs:
            u = (1 - x) ** 3 * x**0.5 * (1 + 0.01 * math.log(q))
            rows.append(f"{u:.10e} {0.5 * u:.10e}")
    (d / f"{name}_0000.dat").write_text(
        "PdfType: central\nFormat: lhagrid1\n---\n" + " ".join(map(str, xs)) + "\n"
        + " ".join(map(str, qs)) + "\n2 21\n" + "\n".join(rows) + "\n---\n")
    return d


def test_lhapdf_reader_user_set(tmp_path, monkeypatch):
    d = _write_toy_set(tmp_path, "TOY")
    s = PDFSet(d)
    x, q = 0.3, 50.0
    exact = (1 - x) ** 3 * x**0.5 * (1 + 0.01 * math.log(q))
    assert float(s.xfxQ(2, x, q)) == pytest.approx(exact, rel=2e-2)
    assert float(s.xfxQ(21, 1.0, q)) == 0.0
    monkeypatch.setenv("LHAPDF_DATA_PATH", str(tmp_path))
    load.cache_clear()
    assert load("TOY").name == "TOY"
    with pytest.raises(InputError):
        load("NOPE_" + os.urandom(3).hex())
    bad = tmp_path / "BAD"
    bad.mkdir()
    (bad / "BAD.info").write_text("Format: lhagrid1\n")
    (bad / "BAD_0000.dat").write_text("---\n0.1 0.2\n3 4\n2\n1 2 3\n---\n")
    with pytest.raises(InputError):
        PDFSet(bad)
    np.testing.assert_allclose(s.alphas([1.0, 100.0]), [0.4, 0.1])
