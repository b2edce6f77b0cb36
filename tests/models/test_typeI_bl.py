"""typeI-bl: type-I seesaw + gauged B−L + Majorana N_R dark matter (a model in no paper)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from darkseesaw.models import get
from darkseesaw.models.typeI_bl import dirac_block, v_phi

M = get("typeI-bl")


@pytest.fixture(scope="module")
def res():
    return M.evaluate(M.parameters())


def test_charges_are_anomaly_free_and_a_charged_extra_dm_would_not_be():
    u1 = M.sectors[1]
    assert all(v == 0 for v in u1.anomalies.values())
    assert len(u1.anomalies) >= 10   # SU3³, Witten, SU3²X, SU2²X, grav²X, and the U(1) cubes


def test_neutrinos_sit_at_the_nufit_best_fit(res):
    r = {c.name: c for c in res["constraints"]}
    assert r["nufit-6.0"].value < 1e-6        # Casas–Ibarra at the best fit, exact Takagi
    o = res["observables"]
    assert o["m_nu1"] == 0.0                  # two seesaw N_R: the lightest neutrino is massless


def test_heavy_light_mixing_is_the_seesaw_angle(res):
    p = M.parameters()
    mD = dirac_block(p)
    o = res["observables"]
    for i, Mi in enumerate((p.M_N1, p.M_N2)):
        for a, fl in enumerate(("e", "mu", "tau")):
            # |U_αN|² = |m_D,αi|²/M_i² to O(m_D²/M²) ~ 1e-14
            assert o[f"U2_{fl}_N{i + 1}"] == pytest.approx(abs(mD[a, i]) ** 2 / Mi**2, rel=1e-6)


def test_zprime_and_dark_matter(res):
    o = res["observables"]
    p = M.parameters()
    assert o["M_Zp"] == pytest.approx(p.M_Zp) and o["g_Zp"] == p.g_BL
    assert v_phi(p) == pytest.approx(p.M_Zp / (2 * p.g_BL))
    # Γ(Z′ → e⁺e⁻) = g² M/(12π) (vector coupling −1, massless)
    assert o["BR_Zp_ee"] * o["Gamma_Zp"] == pytest.approx(p.g_BL**2 * p.M_Zp / (12 * math.pi),
                                                          rel=1e-6)
    # the benchmark sits on the Z′ resonance with the observed abundance (documented point)
    assert o["omega_dm_h2"] == pytest.approx(0.120, rel=0.05)
    assert o["sigma_SI_p"] < 1e-46          # axial Z′ coupling: only the φ–h mixing scatters
    assert res["all_pass"]


def test_lhc_excluded_benchmark_fails_atlas():
    r = M.evaluate(M.parameters(**M.benchmarks["lhc-excluded"]))
    atlas = [c for c in r["constraints"] if c.name.startswith("collider/")][0]
    assert bool(atlas.applies) and not bool(atlas.passed)
    assert not r["all_pass"]


def test_every_declared_link_is_evaluated(res):
    for c in res["constraints"]:
        assert "not evaluated" not in c.note, c.name


def test_benchmark_command_prints_margins():
    r = subprocess.run([sys.executable, "-m", "darkseesaw", "benchmark", "typeI-bl"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "margin" in r.stdout and "hnl/Ue2/current [N1]" in r.stdout
    assert "collider/sigmaB-ll/atlas-139ifb" in r.stdout and "omega_dm_h2" in r.stdout


def test_the_model_is_one_short_file():
    src = Path(sys.modules["darkseesaw.models.typeI_bl"].__file__).read_text().splitlines()
    code = [ln for ln in src if ln.strip() and not ln.strip().startswith("#")]
    assert len(code) <= 150
    assert not any("darkseesaw.papers" in ln for ln in src)
