"""The scalar sector at the direct-detection benchmark against eqs. 2.10–2.16.

The model computes the scalars exactly (`darkseesaw.models.bl_zprime.scalar_sector`: eq. 2.7
on `darkseesaw.spectrum.scalars`); `analytic_scalars` are the paper's approximations, reported
beside them.

Example
-------
>>> from darkseesaw.models.bl_zprime import MODEL
>>> a = analytic_scalars(MODEL.parameters())
>>> round(a["m_phi1"]), round(a["tan_alpha2"] * 1e11, 6)
(28284, 5.0)
"""

from __future__ import annotations

import math
from typing import Any

from darkseesaw import physics as ph
from darkseesaw.models import bl_zprime as bl

__all__ = ["analytic_scalars", "scalar_sector_benchmark"]

SQ2 = math.sqrt(2.0)


def analytic_scalars(p: Any, lH: float | None = None) -> dict[str, float]:
    """The approximations eqs. 2.10–2.14, 2.16 (cross-checks of the model's scalar sector)."""
    v, v1, v2 = ph.v_EW, p.v1, p.v2
    lH = ph.m_h**2 / v**2 if lH is None else lH
    m22 = SQ2 * p.eta * v1**2 / v2
    return {
        "m22_approx": m22,                                  # eq. 2.10
        "v2_from_eq_2_11": SQ2 * p.eta * v1**2 / m22,       # eq. 2.11 (identity here)
        "m_h": math.sqrt(lH) * v,                           # eq. 2.13
        "m_phi1": math.sqrt(p.lambda_1) * v1,
        "m_phi2": math.sqrt(m22 / 2),
        "m_A": math.sqrt(p.eta * (v1**2 + 4 * v2**2) / (SQ2 * v2)),  # exact for eq. 2.16's A
        "tan_alpha1": p.lambda_1H / p.lambda_1 * v / (2 * v1),        # eq. 2.14
        "tan_alpha2": 2 * v2 / v1,
    }


def scalar_sector_benchmark(benchmark: str = "dd_text") -> dict[str, Any]:
    """Exact scalar sector of the model at a benchmark beside eqs. 2.10–2.16 (JSON key)."""
    p = bl.MODEL.parameters(**bl.MODEL.benchmarks[benchmark])
    sc = bl.scalar_sector(p)
    return {
        "numeric": {k: v for k, v in sc.items() if k not in ("params", "spectrum", "A_vector")},
        "analytic_eqs_2_10_to_2_16": analytic_scalars(p),
        "m22_numeric": float(sc["params"]["m22"]),
        "v2_eq_2_11_from_numeric_m22": SQ2 * p.eta * p.v1**2 / float(sc["params"]["m22"]),
        "v2_input": p.v2,
    }
