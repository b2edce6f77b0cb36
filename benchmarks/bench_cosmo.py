"""Benchmark of the relic-density solver: Ωh² evaluations per second per core.

Compares ``darkseesaw.cosmo.omega_h2`` (BDF2 + Richardson, vectorised over points) with the
reference integrator ``omega_h2_reference`` (scipy Radau, rtol 1e-10, one point at a time) for
s-wave and p-wave cross sections, and prints the accuracy of the fast solver against it.

Usage: python benchmarks/bench_cosmo.py [N]      (N points, default 20000)
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # "per core": keep numpy single-threaded

import numpy as np  # noqa: E402

from darkseesaw.cosmo import omega_h2, omega_h2_reference  # noqa: E402


def rate(fn, n_points: int, repeat: int = 3) -> float:
    best = np.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return n_points / best


from _results import save  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = np.random.default_rng(1)
    m = 10 ** rng.uniform(-3, 5, n)                 # 1 MeV ... 100 TeV
    a = 10 ** rng.uniform(-27, -25, n)              # s-wave [cm³/s]
    b = 10 ** rng.uniform(-26, -24, n)              # p-wave coefficient [cm³/s]
    cases = {
        "s-wave (constant per point)": a,
        "p-wave, callable a + 6b/x": lambda x: a + 6 * b / x,
        "p-wave, tuple (a, b)": (a, b),
    }
    load0 = os.getloadavg()
    figures = {"n_points": n}
    omega_h2(m[:10], a[:10])  # warm-up: table load, scipy import
    n_ref = 12
    print(f"{'case':32s} {'fast [pts/s]':>14s} {'reference [pts/s]':>18s} {'speed-up':>9s} "
          f"{'max |rel. dev.|':>16s}")
    for name, sv in cases.items():
        fast_rate = rate(lambda sv=sv: omega_h2(m, sv), n)
        idx = np.linspace(0, n - 1, n_ref).astype(int)
        if callable(sv) or isinstance(sv, tuple):
            def sv_sub(x, idx=idx):
                return a[idx] + 6 * b[idx] / x
        else:
            sv_sub = sv[idx]
        t = time.perf_counter()
        ref = omega_h2_reference(m[idx], sv_sub)
        ref_rate = n_ref / (time.perf_counter() - t)
        dev = np.max(np.abs(omega_h2(m[idx], sv_sub) / ref - 1))
        print(f"{name:32s} {fast_rate:14.0f} {ref_rate:18.2f} {fast_rate / ref_rate:8.0f}x "
              f"{dev:16.2e}")
        key = name.split(",")[0].split(" ")[0] + ("" if "," not in name else
                                                  "_" + name.split(",")[1].split()[0])
        figures[key] = {"fast_per_s": fast_rate, "reference_per_s": ref_rate,
                        "speedup": fast_rate / ref_rate, "max_rel_dev": float(dev)}
    # single-point latency (what a non-vectorised caller sees)
    t = time.perf_counter()
    for i in range(50):
        omega_h2(float(m[i]), float(a[i]))
    single = 50 / (time.perf_counter() - t)
    print(f"single-point calls: {single:.0f} per second")
    figures["single_point_per_s"] = single
    save("cosmo", figures, load_before=load0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
