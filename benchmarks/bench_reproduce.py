"""CPU time of the paper reproductions, per paper, in ``--fast`` and full (paper-quality) mode.

Each ``darkseesaw reproduce ID --out TMP [--fast]`` runs in a fresh subprocess; its CPU time
(user + system, children included) and wall time are measured. Goals (issue 15 item 4): all
five full ≤ 10 CPU-minutes, all five ``--fast`` ≤ 2 CPU-minutes. The numba cache is warm (a
first run is measured by bench_first_run.py).

Run: python benchmarks/bench_reproduce.py [--mode fast|full|both] [IDS ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from _results import save

PAPERS = ["alp-discrete", "alp-portal-dm", "hnl-inflaton", "bl-zprime", "dark-u1"]


def run(pid: str, fast: bool) -> dict:
    out = tempfile.mkdtemp(prefix=f"repro-{pid}-")
    cmd = [sys.executable, "-m", "darkseesaw", "reproduce", pid, "--out", out]
    if fast:
        cmd.append("--fast")
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(out, ignore_errors=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return {"cpu_s": cpu, "wall_s": wall}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=("fast", "full", "both"), default="both")
    ap.add_argument("ids", nargs="*", default=PAPERS)
    a = ap.parse_args()
    load0 = os.getloadavg()
    print(f"load average before: {load0}  ({os.cpu_count()} CPUs)")
    modes = ["fast", "full"] if a.mode == "both" else [a.mode]
    figures: dict = {}
    for mode in modes:
        goal = 120.0 if mode == "fast" else 600.0
        rows = {pid: run(pid, mode == "fast") for pid in a.ids}
        tot = sum(r["cpu_s"] for r in rows.values())
        print(f"\n{mode} mode            CPU [s]   wall [s]")
        for pid, r in rows.items():
            print(f"  {pid:16s} {r['cpu_s']:9.1f} {r['wall_s']:10.1f}")
        print(f"  {'total':16s} {tot:9.1f}   (goal <= {goal:.0f} s CPU for all five)")
        figures[mode] = {"per_paper": rows, "total_cpu_s": tot,
                         "total_cpu_min": tot / 60.0, "goal_cpu_s": goal}
    print(f"load average after: {os.getloadavg()}")
    if sorted(a.ids) == sorted(PAPERS):
        save("reproduce", figures, load_before=load0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
