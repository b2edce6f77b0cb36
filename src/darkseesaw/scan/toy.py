"""An analytic toy batch model for documentation, tests and sampler checks.

``evaluate(params)`` takes arrays ``x`` and ``y`` (and optional ``sigma``, default 1) and
returns

- ``r = sqrt(x**2 + y**2)``, ``f = x * y``,
- ``sqrt_y = sqrt(y)``: a domain error for y < 0, reported as reason ``domain_error`` (NaN),
- ``toy_loglike = -(x**2 + y**2) / (2 sigma**2)``: a 2-D standard normal up to a constant.

With a flat prior on the box [-a, a]^2 the evidence of ``toy_loglike`` is
Z = 2 pi sigma^2 erf(a/(sqrt 2 sigma))^2 / (2a)^2, which tests compare nested sampling with.
A config uses it with ``python_function: darkseesaw.scan.toy:evaluate`` and a likelihood term
or ``toy_loglike`` through ``derived``.

Example
-------
>>> import numpy as np
>>> out = evaluate({"x": np.array([3.0, 1.0]), "y": np.array([4.0, -1.0])})
>>> out["r"].tolist(), out["reason"].tolist()
([5.0, 1.4142135623730951], ['ok', 'domain_error'])
"""

from __future__ import annotations

import math

import numpy as np


def evaluate(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Batch toy model (see the module docstring); vectorised over the leading axis."""
    x = np.asarray(params["x"], dtype=float)
    y = np.asarray(params["y"], dtype=float)
    sigma = np.asarray(params.get("sigma", 1.0), dtype=float)
    bad = y < 0
    with np.errstate(invalid="ignore"):
        sqrt_y = np.where(bad, np.nan, np.sqrt(np.abs(y)))
    return {
        "r": np.hypot(x, y),
        "f": x * y,
        "sqrt_y": sqrt_y,
        "toy_loglike": -(x**2 + y**2) / (2 * sigma**2) + 0 * x,
        "reason": np.where(bad, "domain_error", "ok"),
    }


def evidence_box(a: float, sigma: float = 1.0) -> float:
    """ln Z of ``toy_loglike`` under a flat prior on [-a, a]^2 (exact)."""
    one = math.sqrt(2 * math.pi) * sigma * math.erf(a / (math.sqrt(2) * sigma)) / (2 * a)
    return 2 * math.log(one)


def slow_evaluate(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """`evaluate` plus a fixed 2 ms of sleep per point (kill-and-resume tests use it)."""
    import time

    n = len(np.asarray(params["x"]))
    time.sleep(0.002 * n)
    return evaluate(params)
