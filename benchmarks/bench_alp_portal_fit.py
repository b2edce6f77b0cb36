"""Benchmark: the neutrino fit of alp-portal-dm (arXiv:2502.13002 §4), textures A, B × NO, IO
(`darkseesaw.papers.alp_portal_dm.texture_fit`).

Prints the wall time of the whole fit (target: < 2 min on a 2-core machine), the throughput of
the vectorised closed-form path, and its ratio against the reference it replaces (the exact
Takagi diagonalisation of the full 7×7 matrix, point by point in a batch), plus the number of
accepted points per stage (a blind random scan of eq. 4.1 accepts none).

Usage: python benchmarks/bench_alp_portal_fit.py
"""

from __future__ import annotations

import time

import numpy as np

from darkseesaw.models.alp_portal_dm import MODEL
from darkseesaw.papers.alp_portal_dm.inputs import PARS
from darkseesaw.papers.alp_portal_dm.table3 import full_matrix
from darkseesaw.papers.alp_portal_dm.texture_fit import fast_observables, light_matrix, neutrino_fit
from darkseesaw.spectrum import takagi


def main() -> None:
    rng = np.random.default_rng(0)
    n = 200_000
    P = np.column_stack([10 ** rng.uniform(-3, 0, n), *(10 ** rng.uniform(-3, 3, (5, n))),
                         rng.uniform(0, 2 * np.pi, n)])
    t = time.perf_counter()
    fast_observables(light_matrix("A", *P.T), "NO")
    fast_rate = n / (time.perf_counter() - t)

    k = 2000
    Ms = np.array([full_matrix(MODEL.parameters(texture="A", **dict(zip(PARS, P[i], strict=True))))
                   for i in range(k)])
    takagi(Ms[:10])  # compile
    t = time.perf_counter()
    takagi(Ms)
    exact_rate = k / (time.perf_counter() - t)
    print(f"closed-form fast path : {fast_rate:12.0f} points/s")
    print(f"exact 7x7 Takagi      : {exact_rate:12.0f} points/s   (ratio {fast_rate / exact_rate:.1f}x)")

    t0, c0 = time.perf_counter(), time.process_time()
    for tex in "AB":
        for o in ("NO", "IO"):
            r = neutrino_fit(tex, o)
            print(f"texture {tex} {o}: {r['n_evaluated']:9d} points, accepted {len(r['params']):7d} "
                  f"(blind random {r['n_accepted_random']}, inverse map {r['n_accepted_inverse']}), "
                  f"{r['seconds']:.1f} s")
    tot, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"whole fit: {tot:.1f} s wall, {cpu:.1f} s CPU (target < 120 s): "
          f"{'OK' if tot < 120 else 'SLOW (machine busy?)'}")


if __name__ == "__main__":
    main()
