"""Cost of one model-file scan point against the bare certified Takagi of the same matrices.

A scan point of ``examples/scans/iss-3x3-random.yaml`` is: the exact 9×9 spectrum (certified
Takagi), the oscillation observables, the NuFIT χ², one likelihood term and one HNL limit curve
(``hnl/Ue2/current``), i.e. `darkseesaw.scan.evaluate.compute_chunk` on one chunk. The bare
reference is `takagi` on the same matrices (built by the model file from the same parameters).
Both run in this process on one core, interleaved ``--repeat`` times, fastest run counts (CPU
time), so that other load distorts the ratio as little as possible. Goal (issue 15 item 3):
scan point rate ≥ 0.6 × bare Takagi rate. The split of one chunk's time (Takagi, observables,
constraints, storage table) is printed from a profile of one extra run.

Run: python benchmarks/bench_scan_point.py [--n 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

for _v in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from _results import save  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    from darkseesaw.modelfiles.neutral_leptons import load
    from darkseesaw.scan.config import parse_config
    from darkseesaw.scan.evaluate import Target, compute_chunk
    from darkseesaw.spectrum.takagi import takagi

    load0 = os.getloadavg()
    print(f"load average before: {load0}  ({os.cpu_count()} CPUs)")
    doc = yaml.safe_load((ROOT / "examples/scans/iss-3x3-random.yaml").read_text())
    doc["model_file"] = str(ROOT / "examples/iss-3x3.yaml")
    cfg = parse_config(doc, "iss-3x3-random.yaml")
    cfg_json = cfg.model_dump_json()
    target = Target(cfg)
    rng = np.random.default_rng(7)
    params = {k: np.exp(rng.uniform(np.log(p.range[0]), np.log(p.range[1]), a.n))
              for k, p in cfg.parameters.items()}
    mf = load(ROOT / "examples/iss-3x3.yaml")
    mats = mf.matrix(params).reshape(a.n, 9, 9)
    compute_chunk(cfg_json, target, 0, {k: v[:100] for k, v in params.items()})  # warm caches
    takagi(mats[:100])
    best = {"scan point": np.inf, "bare takagi": np.inf}
    for _ in range(a.repeat):
        t = time.process_time()
        table = compute_chunk(cfg_json, target, 0, params)
        best["scan point"] = min(best["scan point"], time.process_time() - t)
        t = time.process_time()
        takagi(mats)
        best["bare takagi"] = min(best["bare takagi"], time.process_time() - t)
    rate = {k: a.n / v for k, v in best.items()}
    ratio = rate["scan point"] / rate["bare takagi"]
    ok = int(np.sum(table.column("ok").to_numpy()))
    print(f"{a.n} points of iss-3x3-random (9x9), {ok} ok; fastest of {a.repeat}, CPU of one core")
    for k, r in rate.items():
        print(f"  {k:12s} {r:10.0f} points/s")
    print(f"ratio scan point / bare certified Takagi: {ratio:.2f}  (goal >= 0.6)")
    prof = cProfile.Profile()
    prof.enable()
    compute_chunk(cfg_json, target, 0, params)
    prof.disable()
    st = pstats.Stats(prof)
    total = sum(v[3] for k, v in st.stats.items() if k[2] == "compute_chunk")
    parts = {"takagi": "takagi", "observables": "neutral_lepton_observables",
             "HNL limit (curve.inside)": "inside", "nufit_chi2": "nufit_chi2"}
    split = {}
    for label, fn in parts.items():
        cum = sum(v[3] for k, v in st.stats.items() if k[2] == fn)
        split[label] = cum / total if total else float("nan")
        print(f"  share of the chunk in {label:34s} {100 * split[label]:5.1f} %")
    load1 = os.getloadavg()
    print(f"load average after: {load1}")
    save("scan_point", {"n_points": a.n, "rate_per_s": rate, "scan_point_vs_takagi": ratio,
                        "profile_share": split}, load_before=load0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
