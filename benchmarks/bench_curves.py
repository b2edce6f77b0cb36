"""Limit curves: ``allowed`` by the slab lookup tables against the former polygon edge scan.

For the HNL envelope ``hnl/Ue2/current`` (the limit a neutral-lepton scan applies to every
point), an envelope of every direct-detection upper limit ``dd/si/*``, and a few closed
contours / folded outlines, prints in one run:

* points/s of ``allowed`` with the lookup tables (best of ``--repeat``, tables already built;
  the one-off build time is printed separately),
* points/s of the reference scan ``Curve._inside_reference`` (every point against every edge)
  on ``--n-ref`` of the same points, and the speed-up (ratio of the rates),
* a check that both give the same answer (``allowed`` and ``margin``) on those points,
* points/s of ``margin`` (and its speed-up over ``Curve._margin_reference``) and ``curve(x)``,
* the machine load (``os.getloadavg``) before and after: on a shared machine other jobs slow
  both methods, so compare ratios rather than absolute rates,

and, when the spectrum engine imports, the cost of one HNL limit check as a fraction of one
certified Takagi decomposition of a 9x9 inverse-seesaw matrix (the scan-throughput goal:
spectrum + observables + NuFIT χ² + HNL limit at >= 0.6x the bare Takagi rate).

Not a test: nothing is asserted. Usage:
    python benchmarks/bench_curves.py [--n 1000000] [--n-ref 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from darkseesaw.constraints import catalog, curve, envelope
from darkseesaw.constraints.curves import LOG_TOP

CLOSED = ["hnl/Ue2/faser", "scalar/sintheta/foresee-bdecay",
          "darkphoton/epsilon/darkcast-e137-andreas2012mt", "alp/gagamma/hint-ciber",
          "alp/gagamma/theseus-projection"]


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def points(c, n, rng):
    """Log-uniform in x over the curve's range (±10 %) and in y over its outline ±2 decades."""
    lo, hi = np.log10(c.x_range)
    parts = [p for q in [c, *getattr(c, "members", [])] for p in q._parts]
    ly = np.concatenate([p.ly for p in parts])
    ly = ly[np.abs(ly) < LOG_TOP - 1]
    w = hi - lo
    x = 10 ** rng.uniform(lo - 0.1 * w, hi + 0.1 * w, n)
    y = 10 ** rng.uniform(ly.min() - 2, ly.max() + 2, n)
    return x, y


def best(f, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return min(ts)


def bench(c, n, n_ref, repeat, rng):
    x, y = points(c, n, rng)
    t = time.perf_counter()
    c.allowed(x[:1], y[:1])  # builds the lookup tables
    c.margin(x[:1], y[:1])
    c(x[:1])
    t_build = time.perf_counter() - t
    t_new = best(lambda: c.allowed(x, y), repeat)
    t_margin = best(lambda: c.margin(x, y), repeat)
    t_call = best(lambda: c(x), repeat)
    xr, yr = x[:n_ref], y[:n_ref]
    t = time.perf_counter()
    ref = ~c._inside_reference(xr, yr)
    t_ref = time.perf_counter() - t
    same = bool(np.array_equal(c.allowed(xr, yr), ref))
    t = time.perf_counter()
    mref = c._margin_reference(xr, yr)
    t_mref = time.perf_counter() - t
    same &= bool(np.array_equal(c.margin(xr, yr), mref, equal_nan=True))
    r_new, r_ref = n / t_new, xr.size / t_ref
    n_members = len(getattr(c, "members", [c]))
    n_vertices = sum(p.lx.size for q in getattr(c, "members", [c]) for p in q._parts)
    print(f"{c.name:48s} {n_members:4d} {n_vertices:7d} {t_build * 1e3:8.1f} {r_new:11.3g} "
          f"{r_ref:11.3g} {r_new / r_ref:8.0f}x {str(same):>5s} {n / t_margin:11.3g} "
          f"{(n / t_margin) / (xr.size / t_mref):8.0f}x {n / t_call:11.3g}", flush=True)
    FIGURES[c.name] = {"allowed_per_s": r_new, "edge_scan_per_s": r_ref,
                       "speedup_allowed": r_new / r_ref,
                       "speedup_margin": (n / t_margin) / (xr.size / t_mref), "identical": same}
    return t_new / n


FIGURES: dict = {}


def takagi_point_cost(rng, B=20000):
    """Seconds per certified Takagi decomposition of a realistic 9x9 ISS matrix (one core)."""
    os.environ.setdefault("NUMBA_NUM_THREADS", "1")
    from darkseesaw.spectrum.builders import neutral_lepton_matrix
    from darkseesaw.spectrum.takagi import takagi

    def c(scale, shape):
        return scale[:, None, None] * (rng.normal(size=shape) + 1j * rng.normal(size=shape))
    mD = 10 ** rng.uniform(0, np.log10(250), B)
    M = np.maximum(10 ** rng.uniform(-1, 5, B), 3 * mD)
    mu = c(10 ** rng.uniform(-9, -6, B), (B, 3, 3))
    mats = neutral_lepton_matrix(c(mD, (B, 3, 3)), c(M, (B, 3, 3)),
                                 0.5 * (mu + np.swapaxes(mu, 1, 2)))
    takagi(mats[:10])
    t = time.process_time()
    takagi(mats)
    return (time.process_time() - t) / B


from _results import save  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="points for the lookup tables")
    ap.add_argument("--n-ref", type=int, default=100_000, help="points for the edge scan")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    rng = np.random.default_rng(2025)
    load0 = os.getloadavg()
    print(f"load average before: {load()}   (cores: {os.cpu_count()})")
    dd = [e["name"] for e in catalog("dd/si/*", kind="upper_limit")]
    curves = [curve("hnl/Ue2/current"), envelope(dd, name=f"dd/si/* ({len(dd)} upper limits)"),
              *(curve(n) for n in CLOSED)]
    print(f"allowed on {a.n:,} points (tables) and {min(a.n, a.n_ref):,} points (edge scan); "
          "rates in points/s")
    print(f"{'curve':48s} {'memb':>4s} {'vertices':>7s} {'build ms':>8s} {'tables':>11s} "
          f"{'edge scan':>11s} {'speed-up':>9s} {'same':>5s} {'margin':>11s} {'speed-up':>9s} "
          f"{'curve(x)':>11s}")
    per_point = {}
    for c in curves:
        per_point[c.name] = bench(c, a.n, min(a.n, a.n_ref), a.repeat, rng)
    print(f"load average after:  {load()}")
    try:
        t_tk = takagi_point_cost(rng)
    except Exception as exc:  # the engine is optional here
        print(f"(Takagi comparison skipped: {type(exc).__name__}: {exc})")
        save("curves", {"curves": FIGURES}, load_before=load0)
        return
    t_hnl = per_point["hnl/Ue2/current"]
    print(f"certified Takagi: {1 / t_tk:,.0f} matrices/s; hnl/Ue2/current allowed: "
          f"{1 / t_hnl:,.0f} points/s = {100 * t_hnl / t_tk:.2f} % of a Takagi point "
          f"(alone it caps a scan at {t_tk / (t_tk + t_hnl):.3f}x the bare Takagi rate)")
    save("curves", {"curves": FIGURES, "hnl_share_of_takagi_point": t_hnl / t_tk},
         load_before=load0)


if __name__ == "__main__":
    main()
