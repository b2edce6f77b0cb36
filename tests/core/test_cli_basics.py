"""The command's first impressions: --help, --version, models; a start-up without heavy imports."""

from __future__ import annotations

import subprocess
import sys

import darkseesaw


def run(*args):
    return subprocess.run([sys.executable, "-m", "darkseesaw", *args], capture_output=True,
                          text=True, timeout=120)


def test_version_and_help():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"darkseesaw {darkseesaw.__version__}"
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("models", "reproduce", "spectrum"):
        assert cmd in r.stdout


def test_models_lists_registry():
    from darkseesaw import models

    r = run("models")
    assert r.returncode == 0
    for mid in models.available():
        assert mid in r.stdout


def test_startup_imports_no_heavy_modules():
    """`darkseesaw --version` must stay fast: the CLI module may not import these at start-up."""
    code = ("import sys, darkseesaw.cli; "
            "print(','.join(m for m in ('scipy', 'matplotlib', 'dask', 'numba', 'pyarrow', "
            "'pandas', 'mpmath') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "", f"heavy modules imported at CLI start-up: {r.stdout.strip()}"


def test_unknown_model_reproduce_is_one_line():
    r = run("reproduce", "no-such-model", "--out", "/tmp/x-ds")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_reproduce_unwritable_out_is_one_line():
    r = run("reproduce", "alp-discrete", "--out", "/dev/null/x")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "--out" in r.stderr and len(r.stderr.strip().splitlines()) == 1
