"""Takagi engine: throughput and accuracy on realistic 9×9 inverse-seesaw matrices.

Prints, on the same matrices (CPU time of this process, i.e. one core):
* darkseesaw.spectrum.takagi — matrices/s on one core and worst relative light-mass error
  (default: with the certification pass; also without it);
* numpy's SVD (LAPACK) — matrices/s and its worst relative light-mass error;
* the 60-digit mpmath reference — matrices/s;
and the speed ratio against the reference (goal ≥ 1000×) and the throughput goal (≥ 2×10⁴/s).
Run: python benchmarks/bench_takagi.py
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from darkseesaw.spectrum.builders import neutral_lepton_matrix  # noqa: E402
from darkseesaw.spectrum.reference import takagi_mp, to_numpy  # noqa: E402
from darkseesaw.spectrum.takagi import takagi, takagi_numpy_svd  # noqa: E402


def iss_batch(rng, B):
    """Realistic ISS points: m_D 1–250 GeV, M 0.1–10⁵ GeV (above m_D), μ 1 eV – 1 keV."""
    def c(scale, shape):
        return scale[:, None, None] * (rng.normal(size=shape) + 1j * rng.normal(size=shape))
    mD = 10 ** rng.uniform(0, np.log10(250), B)
    M = np.maximum(10 ** rng.uniform(-1, 5, B), 3 * mD)
    mu = 10 ** rng.uniform(-9, -6, B)
    mu_S = c(mu, (B, 3, 3))
    return neutral_lepton_matrix(c(mD, (B, 3, 3)), c(M, (B, 3, 3)),
                                 0.5 * (mu_S + np.swapaxes(mu_S, 1, 2)))


def main():
    rng = np.random.default_rng(2024)
    B = 40000
    mats = iss_batch(rng, B)
    takagi(mats[:10])  # compile / load the numba cache
    t = time.process_time()
    m, _ = takagi(mats)
    t_ds = time.process_time() - t
    t = time.process_time()
    takagi(mats, certify=False)
    t_fast = time.process_time() - t
    t = time.process_time()
    m_np, _ = takagi_numpy_svd(mats)
    t_np = time.process_time() - t
    nref = 40
    t = time.process_time()
    ref = [to_numpy(*takagi_mp(mats[i].tolist(), dps=60))[0] for i in range(nref)]
    t_mp = time.process_time() - t
    ref = np.array(ref)
    err_ds = np.max(np.abs(m[:nref, :3] - ref[:, :3]) / ref[:, :3])
    err_np = np.max(np.abs(m_np[:nref, :3] - ref[:, :3]) / ref[:, :3])
    ratio = (ref[:, 0] / ref[:, -1])
    r_ds, r_np, r_mp = B / t_ds, B / t_np, nref / t_mp
    print(f"9x9 ISS matrices, light/heavy ratio {ratio.min():.1e} .. {ratio.max():.1e}")
    print(f"{'method':28s} {'matrices/s':>12s} {'worst rel. light-mass error':>28s}")
    print(f"{'darkseesaw.takagi (default)':28s} {r_ds:12.0f} {err_ds:28.1e}")
    print(f"{'  ... certify=False':28s} {B / t_fast:12.0f}")
    print(f"{'numpy SVD (LAPACK)':28s} {r_np:12.0f} {err_np:28.1e}")
    print(f"{'mpmath 60 digits (reference)':28s} {r_mp:12.1f} {'(reference)':>28s}")
    print(f"ratio takagi/reference: {r_ds / r_mp:,.0f}x   (goal >= 1000x)")
    print(f"throughput goal 2e4/s on one core: {'met' if r_ds >= 2e4 else 'NOT met'} "
          f"({r_ds:,.0f}/s)")


if __name__ == "__main__":
    main()
