"""First run of `darkseesaw spectrum examples/iss-3x3.yaml` with an empty numba cache.

Goal (issue 15 item 1): under 5 s wall on 2 cores on a fresh install.

Where numba writes its cache: ``$NUMBA_CACHE_DIR`` if set, otherwise a ``__pycache__`` folder
next to each module that has ``cache=True`` kernels (``src/darkseesaw/spectrum/__pycache__``
for an editable install; a per-user folder such as ``~/.cache/numba`` when the package folder
is not writable). Files ``<module>.<function>-<line>.pyXY.nbi`` (index) and ``.nbc`` (code).

By default this benchmark does not touch the shared cache: every cold run gets a fresh, empty
``NUMBA_CACHE_DIR`` (numba then reads and writes nothing else), which is an empty cache for
every numba function of every package. ``--delete`` instead deletes the package's real cache
files (``*.nbi``/``*.nbc`` under ``src/darkseesaw`` and under ``$NUMBA_CACHE_DIR``) — other
users of the checkout then pay the compilation once more.

It runs the command in a fresh subprocess (cold: empty cache), then again (warm: the cache the
first run left), and prints both wall times and their ratio. With ``--numba`` it also times a
scan-sized call (10 000 matrices, which uses the compiled kernels) cold and warm.

Run: python benchmarks/bench_first_run.py [--delete | --list] [--numba] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _results import save

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "darkseesaw"
EXAMPLE = ROOT / "examples" / "iss-3x3.yaml"

SCAN_SNIPPET = (
    "import numpy as np\n"
    "from darkseesaw.spectrum import takagi\n"
    "rng = np.random.default_rng(0)\n"
    "a = rng.normal(size=(10000, 9, 9)) + 1j * rng.normal(size=(10000, 9, 9))\n"
    "takagi(a + np.swapaxes(a, 1, 2))\n"
)


def cache_files(dirs: list) -> list[Path]:
    """numba cache files (index and code) under the given folders."""
    out = []
    for d in dirs:
        if d and Path(d).exists():
            out += [p for p in Path(d).rglob("*") if p.suffix in (".nbi", ".nbc")]
    return out


def run(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr}")
    return dt


def measure(cmd: list[str], delete: bool, label: str) -> tuple[float, float]:
    env = dict(os.environ)
    tmp = None
    if delete:
        files = cache_files([PKG, env.get("NUMBA_CACHE_DIR")])
        for p in files:
            p.unlink()
        print(f"  deleted {len(files)} numba cache files")
    else:
        tmp = tempfile.mkdtemp(prefix="numba-cache-")
        env["NUMBA_CACHE_DIR"] = tmp
    try:
        cold = run(cmd, env)
        warm = run(cmd, env)
        if tmp is not None:
            n = len(cache_files([tmp]))
            print(f"  {label}: the cold run wrote {n} numba cache files")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return cold, warm


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--delete", action="store_true",
                    help="delete the package's real numba cache instead of using an empty one")
    ap.add_argument("--numba", action="store_true",
                    help="also time a scan-sized takagi call (compiled kernels) cold and warm")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--list", action="store_true",
                    help="only list the numba cache files --delete would delete")
    a = ap.parse_args()
    if a.list:
        for p in cache_files([PKG, os.environ.get("NUMBA_CACHE_DIR")]):
            print(p)
        return
    exe = shutil.which("darkseesaw")
    cli = [exe] if exe else [sys.executable, "-m", "darkseesaw"]
    cli += ["spectrum", str(EXAMPLE)]
    load0 = os.getloadavg()
    print(f"load average {load0}, {os.cpu_count()} CPUs")
    figures = {}
    rows = [("darkseesaw spectrum examples/iss-3x3.yaml", cli)]
    if a.numba:
        rows.append(("takagi of 10 000 9x9 matrices (numba)", [sys.executable, "-c", SCAN_SNIPPET]))
    for label, cmd in rows:
        res = [measure(cmd, a.delete, label) for _ in range(a.repeat)]
        cold = min(r[0] for r in res)
        warm = min(r[1] for r in res)
        print(f"{label}")
        print(f"  cold (empty numba cache): {cold:6.2f} s wall   (runs: "
              + ", ".join(f"{r[0]:.2f}" for r in res) + ")")
        print(f"  warm (cache filled)     : {warm:6.2f} s wall   (runs: "
              + ", ".join(f"{r[1]:.2f}" for r in res) + ")")
        print(f"  cold / warm             : {cold / warm:6.2f}")
        key = "spectrum_cli" if label.startswith("darkseesaw spectrum") else "takagi_10k_numba"
        figures[key] = {"cold_s": cold, "warm_s": warm, "cold_over_warm": cold / warm}
        if label.startswith("darkseesaw spectrum"):
            print(f"  goal cold < 5 s: {'met' if cold < 5 else 'NOT met'}")
    print(f"load average {os.getloadavg()}")
    save("first_run", figures, load_before=load0)


if __name__ == "__main__":
    main()
