"""Issue 16 item 6: phases print in [0°, 360°) (wrapped after rounding), and a limit that does not
constrain a point never prints as PASS with an unknown margin."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from darkseesaw.cli.benchmark_cmd import _verdict, evaluate, print_result
from darkseesaw.cli.spectrum_cmd import format_phase_deg, format_phase_rad

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("deg,text", [
    (359.9999, "0.00°"), (359.996, "0.00°"), (359.994, "359.99°"), (-1e-12, "0.00°"),
    (-90.0, "270.00°"), (720.0, "0.00°"), (212.0, "212.00°"), (0.004, "0.00°"),
])
def test_phase_in_degrees_is_half_open(deg, text):
    assert format_phase_deg(math.radians(deg)) == text


def test_phase_in_radians_is_half_open():
    assert format_phase_rad(2 * math.pi - 1e-7) == "0"
    assert format_phase_rad(-1e-9) == "0"
    assert format_phase_rad(2 * math.pi - 1e-4) == "6.28309"
    assert format_phase_rad(float("nan")) == "nan"
    assert float(format_phase_rad(7.0)) == pytest.approx(7.0 - 2 * math.pi, rel=1e-5)


def test_spectrum_table_never_prints_360():
    """examples/iss-3x3.yaml has α₂₁ = 359.9999°: it prints as 0.00°."""
    r = subprocess.run([sys.executable, "-m", "darkseesaw", "spectrum",
                        str(ROOT / "examples" / "iss-3x3.yaml"), "--json"],
                       capture_output=True, text=True, timeout=120)
    import json

    assert 359.99 < json.loads(r.stdout)["light"]["alpha21_deg"] < 360.0
    r = subprocess.run([sys.executable, "-m", "darkseesaw", "spectrum",
                        str(ROOT / "examples" / "iss-3x3.yaml")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "360.00°" not in r.stdout
    assert "0.00°, 0.00°" in r.stdout


def _c(**kw):
    base = {"applies": True, "pass": True, "counts": True, "margin": None, "margin_unit": "dex",
            "value": 1e-6, "limit": 1e-5, "x": 100.0, "note": ""}
    return {**base, **kw}


def test_verdicts():
    assert _verdict(_c(margin=1.0)) == ("PASS", "margin +1 dex")
    assert _verdict(_c(margin=-0.5, **{"pass": False})) == ("FAIL", "margin -0.5 dex")
    # a curve that does not reach the point: never PASS with an unknown margin
    flag, text = _verdict(_c(limit=float("nan")))
    assert flag == "  --" and text.startswith("not constrained here (outside the curve's range")
    flag, text = _verdict(_c(value=float("nan"), limit=None, x=None))
    assert flag == "  --" and text == "not constrained here"
    assert _verdict(_c(applies=False, note="n"))[0] == "  --"
    # an upper limit on an exactly vanishing prediction is passed with infinite margin
    assert _verdict(_c(value=0.0, limit=0.107, x=None)) == ("PASS", "margin inf")
    assert _verdict(_c(counts=False, margin=0.2))[0] == "INFO"


_MODELS = ["alp-discrete", "alp-portal-dm", "hnl-inflaton", "bl-zprime", "dark-u1", "typeI-bl",
           "iss-darkphoton"]


def _check_output(model, capsys):
    print_result(evaluate(model, None, {}))
    out = capsys.readouterr().out
    assert not re.search(r"PASS .*margin n/a", out), model
    assert "360.00°" not in out and "6.28319 rad" not in out
    for line in out.splitlines():
        if line.strip().startswith(("delta_cp", "alpha21", "alpha31")):
            assert re.search(r"rad  \(\d+\.\d\d°\)$", line), line
    return out


def test_benchmark_output_typeI_bl(capsys):
    out = _check_output("typeI-bl", capsys)
    assert "not constrained here" in out


@pytest.mark.slow
@pytest.mark.parametrize("model", [m for m in _MODELS if m != "typeI-bl"])
def test_benchmark_output_all_models(model, capsys):
    _check_output(model, capsys)
