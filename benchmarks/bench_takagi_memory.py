"""Working memory of `takagi` on a large batch (goal: ≤ 0.5× the input array beyond the input
and the returned arrays, for 10⁶ matrices of 9×9).

Two independent measurements, each in a fresh subprocess:

* tracemalloc (numpy reports its array allocations to it): the peak of traced memory during
  the call, minus the returned m and U;
* the peak resident set size (``ru_maxrss``) during the call minus the resident size before it
  (input already built, without temporaries) and minus m and U.

Run: python benchmarks/bench_takagi_memory.py [--n 1000000] [--no-certify]
     [--impl old --commit 114ffd8]   (the implementation of an earlier commit, for comparison)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, resource, sys, time, tracemalloc
import numpy as np
args = json.loads(sys.argv[1])
n_mat, certify, mode = args["n"], args["certify"], args["mode"]
if args.get("old_dir"):
    sys.path.insert(0, args["old_dir"])
    import takagi_old as T
    T.takagi(np.eye(9)[None] + 0j)
else:
    import importlib
    T = importlib.import_module("darkseesaw.spectrum.takagi")
    T.takagi(np.eye(9)[None] * (1 + 1j), engine="numba")  # compile / load the kernels
# input: graded 9x9 inverse-seesaw-like matrices, built in place chunk by chunk
rng = np.random.default_rng(0)
M = np.zeros((n_mat, 9, 9), dtype=np.complex128)
for c0 in range(0, n_mat, 20000):
    c1 = min(n_mat, c0 + 20000)
    b = c1 - c0
    def blk(scale):
        return scale[:, None, None] * (rng.normal(size=(b, 3, 3)) + 1j * rng.normal(size=(b, 3, 3)))
    mD = blk(10 ** rng.uniform(0, 2.4, b))
    MM = blk(10 ** rng.uniform(2.5, 5, b))
    mu = blk(10 ** rng.uniform(-9, -6, b))
    M[c0:c1, :3, 3:6] = mD
    M[c0:c1, 3:6, :3] = np.swapaxes(mD, 1, 2)
    M[c0:c1, 6:, 3:6] = MM
    M[c0:c1, 3:6, 6:] = np.swapaxes(MM, 1, 2)
    M[c0:c1, 6:, 6:] = mu + np.swapaxes(mu, 1, 2)
del blk, mD, MM, mu
out_bytes = n_mat * 9 * 8 + n_mat * 81 * 16
res = {"input_bytes": M.nbytes, "output_bytes": out_bytes}
if mode == "tracemalloc":
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    t = time.perf_counter()
    m, U = T.takagi(M, certify=certify)
    res["seconds"] = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    res["working_bytes"] = peak - out_bytes
else:
    def rss_now():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    before = rss_now()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t = time.perf_counter()
    m, U = T.takagi(M, certify=certify)
    res["seconds"] = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    res["working_bytes"] = max(peak, peak_before) - before - out_bytes
    res["peak_before_bytes"] = peak_before - before
print(json.dumps(res))
"""


def run_child(args: dict) -> dict:
    r = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args)], cwd=ROOT,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


from _results import save  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--no-certify", action="store_true")
    ap.add_argument("--impl", choices=("current", "old"), default="current")
    ap.add_argument("--commit", default="114ffd8",
                    help="git commit of the old implementation (--impl old)")
    ap.add_argument("--modes", default="tracemalloc,rss")
    a = ap.parse_args()
    args = {"n": a.n, "certify": not a.no_certify}
    tmp = None
    if a.impl == "old":
        tmp = tempfile.mkdtemp(prefix="takagi-old-")
        src = subprocess.run(["git", "show", f"{a.commit}:src/darkseesaw/spectrum/takagi.py"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        kern = subprocess.run(["git", "show",
                               f"{a.commit}:src/darkseesaw/spectrum/_takagi_kernels.py"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
        src = src.replace("from darkseesaw.spectrum import _takagi_kernels as k",
                          "import takagi_old_kernels as k")
        Path(tmp, "takagi_old.py").write_text(src)
        Path(tmp, "takagi_old_kernels.py").write_text(kern)
        args["old_dir"] = tmp
    load0 = os.getloadavg()
    print(f"load average {load0}; takagi ({a.impl}) of {a.n} 9x9 complex matrices, "
          f"certify={not a.no_certify}")
    figures = {"n_matrices": a.n, "impl": a.impl, "certify": not a.no_certify}
    for mode in a.modes.split(","):
        r = run_child({**args, "mode": mode})
        figures[f"working_over_input_{mode}"] = r["working_bytes"] / r["input_bytes"]
        inp = r["input_bytes"]
        print(f"[{mode:11s}] input {inp / 2**20:8.1f} MiB, returned m+U {r['output_bytes'] / 2**20:8.1f}"
              f" MiB, working memory beyond them {r['working_bytes'] / 2**20:8.1f} MiB = "
              f"{r['working_bytes'] / inp:5.3f} x input   ({r['seconds']:.1f} s)")
    print("goal: <= 0.5 x input")
    print(f"load average {os.getloadavg()}")
    if a.impl == "current":
        save("takagi_memory", figures, load_before=load0)


if __name__ == "__main__":
    main()
