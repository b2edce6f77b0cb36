"""Takagi engine beyond the fast path (issue 15 item 2, issue 16 item 4).

Prints
* the certification fallback rate of the seven test families (random draws, light/heavy
  ratio log-uniform in 1e-28..1e-6) at their own size, doubled numbers of N and S, and 18×18
  (goal < 1e-3);
* the arbitrary-precision fallback, python-flint (ball arithmetic, certified) against the
  previous mpmath path (60+ digits, digits raised until the smallest mass sits 20 digits
  above the working precision), on hierarchical-Yukawa matrices the certification flags:
  seconds per matrix and agreement;
* time per matrix for growing sizes (hierarchical matrices with 3 + 2k fields): uncertified
  kernel, and the certified recomputation with the default budget (or the give-up time);
* rank-1 Dirac masses: a democratic m_D (all entries equal: exactly singular) and a rounded
  outer product (not exactly singular: its two tiny masses are those of the given entries);
* the machine load.

Run: python benchmarks/bench_takagi_fallback.py [--draws 10000] [--sizes 9,33,63,123]
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.spectrum.matrices import (  # noqa: E402
    KINDS,
    NATIVE_SIZES,
    democratic_iss,
    family_batch,
    hierarchical,
)

from darkseesaw.spectrum.builders import neutral_lepton_matrix  # noqa: E402
from darkseesaw.spectrum.reference import takagi_mp, to_numpy  # noqa: E402

T = importlib.import_module("darkseesaw.spectrum.takagi")
P = importlib.import_module("darkseesaw.spectrum._takagi_precise")


def mpmath_fallback(A, nzero=0):
    """The previous fallback (before python-flint): mpmath at 60, 100, 140 digits."""
    dps = 60
    for _ in range(3):
        mr, Ur = to_numpy(*takagi_mp(A.tolist(), dps=dps))
        nz = mr[mr > 0]
        if len(nz) <= nzero or nz[nzero] > 10.0 ** (20 - dps) * mr[-1]:
            break
        dps += 40
    return mr, Ur


FIGURES: dict = {}


def rates(draws, rng):
    print(f"\n== certification fallback rate, {draws} draws per family and size")
    print(f"{'family':9s} {'n':>3s} {'flagged':>8s} {'exact0':>7s} {'fallback':>9s} {'rate':>8s}"
          f" {'us/matrix':>10s}")
    tot = tot_fb = 0
    for kind in KINDS:
        dN, dS = NATIVE_SIZES[kind]
        for nN, nS in ((dN, dS), (2 * dN, 2 * dS), (7, 8)):
            mats = family_batch(rng, kind, 10 ** rng.uniform(-28, -6, draws), nN, nS)
            t = time.process_time()
            T.takagi(mats, precision_budget=None)
            dt = time.process_time() - t
            i = T.last_info()
            tot += draws
            tot_fb += i["n_fallback"]
            print(f"{kind:9s} {mats.shape[1]:3d} {i['n_flagged']:8d} {i['n_exact_zero']:7d} "
                  f"{i['n_fallback']:9d} {i['n_fallback'] / draws:8.1e} {dt / draws * 1e6:10.1f}")
    print(f"{'all':9s} {'':3s} {'':8s} {'':7s} {tot_fb:9d} {tot_fb / tot:8.1e}   (goal < 1e-3)")
    FIGURES["fallback_rate_families"] = tot_fb / tot
    FIGURES["draws"] = tot


def flint_vs_mpmath(rng, n_mats):
    print("\n== arbitrary-precision fallback: python-flint (certified) vs mpmath (previous)")
    found = []
    while len(found) < n_mats:
        A = hierarchical(rng)
        T.takagi(A)
        if T.last_info()["n_fallback"]:
            found.append(A)
    t_fl = t_mp = 0.0
    worst = 0.0
    for A in found:
        m0, U0 = T.takagi(A, certify=False)
        nzero = A.shape[0] - P.exact_rank(A)
        t = time.perf_counter()
        m, _, _ = P.takagi_certified(A, nzero, m_estimate=m0, U_estimate=U0, budget=None)
        t_fl += time.perf_counter() - t
        t = time.perf_counter()
        mr, _ = mpmath_fallback(A, nzero)
        t_mp += time.perf_counter() - t
        good = mr > 1e-40 * mr[-1]
        worst = max(worst, np.max(np.abs(m[good] - mr[good]) / mr[good]))
    k = len(found)
    print(f"{k} flagged hierarchical matrices (7x7..9x9): flint {t_fl / k * 1e3:.1f} ms/matrix, "
          f"mpmath {t_mp / k * 1e3:.1f} ms/matrix, flint {t_mp / t_fl:.1f}x faster; "
          f"largest relative difference of the masses {worst:.1e}")
    FIGURES["flint_vs_mpmath_speedup"] = t_mp / t_fl
    FIGURES["flint_ms_per_matrix"] = t_fl / k * 1e3


def big(k, rng):
    def blk(shape, lo, hi):
        return 10 ** rng.uniform(lo, hi, size=shape) * np.exp(1j * rng.uniform(0, 2 * np.pi,
                                                                                shape))
    mu = blk((k, k), -13, -5)
    return neutral_lepton_matrix(blk((3, k), -3, 2.4), blk((k, k), 1, 5), mu + mu.T)


def sizes(ns, rng):
    budget = T._budget_from_env()
    print(f"\n== time per matrix by size (hierarchical blocks; budget {budget} s)")
    T.takagi(np.eye(3), engine="numba")
    for n in ns:
        A = big((n - 3) // 2, rng)
        t = time.perf_counter()
        m0, U0 = T.takagi(A, certify=False, engine="numba")
        t_unc = time.perf_counter() - t
        t = time.perf_counter()
        try:
            _, _, bits = P.takagi_certified(A, A.shape[0] - P.exact_rank(A), m_estimate=m0,
                                            U_estimate=U0, budget=budget)
            res = f"certified at {bits} bits"
        except P.PrecisionBudgetExceeded:
            res = "gave up (NaN, reason precision_budget)"
        t_c = time.perf_counter() - t
        print(f"{A.shape[0]:4d}x{A.shape[0]:<4d} uncertified {t_unc:7.3f} s   arbitrary precision "
              f"{t_c:6.2f} s: {res}")


def rank1(rng, B):
    print(f"\n== rank-1 Dirac masses ({B} matrices 9x9 each)")
    T.takagi(np.eye(3), engine="numba")
    mats = democratic_iss(rng, B)
    t = time.perf_counter()
    T.takagi(mats)
    dt = time.perf_counter() - t
    i = T.last_info()
    print(f"democratic m_D (exactly singular): flagged {i['n_flagged']}, exact zeros "
          f"{i['n_exact_zero']}, arbitrary precision {i['n_fallback']}; {B / dt:,.0f} matrices/s")
    M = 10 ** rng.uniform(2, 4, B)
    a = rng.normal(size=(B, 3)) + 1j * rng.normal(size=(B, 3))
    b = rng.normal(size=(B, 3)) + 1j * rng.normal(size=(B, 3))
    mD = (10 ** rng.uniform(0, 2, B))[:, None, None] * a[:, :, None] * b[:, None, :]
    MR = M[:, None, None] * (rng.normal(size=(B, 3, 3)) + 1j * rng.normal(size=(B, 3, 3)))
    mu = 1e-7 * (rng.normal(size=(B, 3, 3)) + 1j * rng.normal(size=(B, 3, 3)))
    mats = neutral_lepton_matrix(mD, MR, mu + np.swapaxes(mu, 1, 2))
    t = time.perf_counter()
    m, _ = T.takagi(mats)
    dt = time.perf_counter() - t
    i = T.last_info()
    print(f"rounded outer product m_D = a bᵀ (not exactly singular): flagged {i['n_flagged']}, "
          f"exact zeros {i['n_exact_zero']}, arbitrary precision {i['n_fallback']}; "
          f"{B / dt:,.0f} matrices/s; its two smallest masses are "
          f"{np.median(m[:, 0] / m[:, -1]):.0e}, {np.median(m[:, 1] / m[:, -1]):.0e} of the "
          f"largest (median)")


from _results import save  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--draws", type=int, default=10000)
    ap.add_argument("--flagged", type=int, default=6)
    ap.add_argument("--sizes", default="9,33,63,123")
    ap.add_argument("--rank1", type=int, default=200)
    a = ap.parse_args()
    load0 = os.getloadavg()
    print(f"load average {load0} ({os.cpu_count()} CPUs)")
    rng = np.random.default_rng(7)
    T.takagi(np.eye(3), engine="numba")
    P.exact_rank(np.eye(2))  # import python-flint outside the timings
    if a.draws:
        rates(a.draws, rng)
    if a.flagged:
        flint_vs_mpmath(rng, a.flagged)
    if a.sizes:
        sizes([int(x) for x in a.sizes.split(",")], rng)
    if a.rank1:
        rank1(rng, a.rank1)
    print(f"\nload average {os.getloadavg()}")
    save("takagi_fallback", FIGURES, load_before=load0)


if __name__ == "__main__":
    main()
