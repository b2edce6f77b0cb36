"""A model in a user's own package registers itself through the ``darkseesaw.models`` entry
point group and gets listing, benchmark and scans for free."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

PLUGIN = '''
"""A one-flavour type-I seesaw written outside darkseesaw."""
import numpy as np

from darkseesaw.models.base import Model, ModelParameters, param
from darkseesaw.sectors import NeutralLeptons


class Parameters(ModelParameters):
    y: float = param(1e-6, description="Yukawa")
    M_R: float = param(100.0, unit="GeV", description="Majorana mass", gt=0)


class OneFlavour(Model):
    id = "my-typeI"
    description = "one right-handed neutrino, electron flavour (plugin test)"
    Parameters = Parameters
    benchmarks = {"default": {}}
    sectors = (NeutralLeptons(mD=lambda p: np.array([[p.y * 174.1], [0.0], [0.0]]),
                              mu_R=lambda p: np.array([[p.M_R]]), nufit=None, lfv=False),)


MODEL = OneFlavour()
'''


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("plugin")
    (root / "mydsmodels").mkdir()
    (root / "mydsmodels" / "__init__.py").write_text(textwrap.dedent(PLUGIN))
    dist = root / "mydsmodels-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mydsmodels\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[darkseesaw.models]\nmy-typeI = mydsmodels:MODEL\n")
    return root


def _run(plugin_path, *args):
    env = dict(os.environ, PYTHONPATH=str(plugin_path))
    return subprocess.run([sys.executable, "-m", "darkseesaw", *args], capture_output=True,
                          text=True, timeout=300, env=env, cwd=plugin_path)


def test_plugin_is_listed_and_benchmarked(plugin_path):
    r = _run(plugin_path, "models")
    assert r.returncode == 0, r.stderr
    line = [ln for ln in r.stdout.splitlines() if ln.startswith("my-typeI")]
    assert line and "[plugin]" in line[0]
    assert len(r.stdout.strip().splitlines()) == 8        # seven built-in models + the plugin
    r = _run(plugin_path, "benchmark", "my-typeI", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    # m_N = M_R and |U_eN|² = (y v̄)²/M_R² at leading order
    assert d["observables"]["m_N1"]["value"] == pytest.approx(100.0, rel=1e-9)
    assert d["observables"]["U2_e_N1"]["value"] == pytest.approx((1e-6 * 174.1 / 100) ** 2,
                                                                rel=1e-6)
    names = {c["name"] for c in d["constraints"]}
    assert "hnl/Ue2/current [N1]" in names and "m_bb_kamland_zen_2024" in names


def test_plugin_scan_with_auto_constraints(plugin_path):
    cfg = plugin_path / "scan.yaml"
    cfg.write_text("model: my-typeI\nparameters:\n  y: {range: [1.0e-7, 1.0e-3], prior: log}\n"
                   "  M_R: 10.0\n"
                   "constraints: auto\nsampler: {name: random, n: 20}\nseed: 1\n"
                   "chunk_size: 10\n")
    r = _run(plugin_path, "scan", str(cfg), "--out", str(plugin_path / "out"), "--workers", "1")
    assert r.returncode == 0, r.stderr
    import pandas as pd

    df = pd.read_parquet(plugin_path / "out" / "points")
    assert "allowed:hnl/Ue2/current" in df.columns
    # at 10 GeV the lower edge of the excluded region is |U_e|² = 3.9e-7 (the displaced-vertex
    # searches exclude up to a few 1e-6, prompt searches again above ~1e-4)
    u2 = df["U2eff_e_N1"]
    band = (u2 > 5e-7) & (u2 < 3e-6)
    assert band.any() and (~df.loc[band, "allowed:hnl/Ue2/current"]).all()
    small = u2 < 3e-7
    assert small.any() and df.loc[small, "allowed:hnl/Ue2/current"].all()
    # exact mixing sin²θ vs the LO (y v̄/M_R)²: they differ by O(U²) ≲ 2e-4 here
    assert list(u2) == pytest.approx(list((df["y"] * 174.1 / 10.0) ** 2), rel=1e-3)
