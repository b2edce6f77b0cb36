"""Shared helpers of the scan tests, exposed as the fixture ``h``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

TOY = "darkseesaw.scan.toy:evaluate"
SLOW_TOY = "darkseesaw.scan.toy:slow_evaluate"


def write_config(path: Path, **cfg) -> Path:
    path.write_text(yaml.safe_dump(cfg, sort_keys=False))
    return path


def toy_config(path: Path, *, n: int = 600, chunk: int = 100, sampler: str = "random",
               fn: str = TOY, seed: int = 11, **extra) -> Path:
    cfg = {
        "python_function": fn,
        "parameters": {"x": {"range": [-3.0, 3.0]}, "y": {"range": [-0.5, 3.0]}, "sigma": 1.0},
        "derived": {"r2": "r**2"},
        "likelihood": [{"observable": "r", "mean": 0.0, "sigma": 1.0}],
        "sampler": {"name": sampler, "n": n},
        "seed": seed,
        "chunk_size": chunk,
    }
    cfg.update(extra)
    return write_config(path, **cfg)


def cli(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m darkseesaw.cli``-equivalent console entry in a subprocess."""
    env = dict(os.environ)
    env.setdefault("PYTHONUNBUFFERED", "1")
    code = "import sys; from darkseesaw.cli import main; main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, env=env, **kw)


def cli_popen(*args: str, **kw) -> subprocess.Popen:
    code = "import sys; from darkseesaw.cli import main; main(sys.argv[1:])"
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, **kw)


import pytest  # noqa: E402


@pytest.fixture
def h():
    """This module's helpers (tests run in importlib mode: no sibling imports)."""
    return sys.modules[__name__]
