"""BDF2 kernel of the relic solvers (numba-compiled when numba is available).

One kernel serves the symmetric (η = 0) and the asymmetric equations,

    dY/du = −K(u) [Y (Y + η) − Y_eq²],   u = ln x,

on a uniform grid of step h (every ``stride``-th column of the arrays): backward Euler for the
first step, then Y_{n+1} = (4Y_n − Y_{n−1})/3 − (2h/3) K_{n+1} [Y_{n+1}(Y_{n+1} + η) − Y_eq,n+1²],
a quadratic in Y_{n+1} whose positive root is taken in the cancellation-free form
2c/(b + √(b² + 4ac)). Each point stops at the first grid index where Y_eq² < tol² Y (Y + η);
from there the kernel returns the trapezoid integral of K to the end of the grid, with which the
caller finishes the solution analytically (Y_eq is negligible).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike


def _kernel_py(h: float, K: np.ndarray, Yeq: np.ndarray, eta: np.ndarray, tol: float,
               stride: int) -> tuple[np.ndarray, np.ndarray]:
    n, n_x = K.shape  # point-major layout: each point's history is contiguous
    y_out = np.empty(n)
    rest = np.empty(n)
    f = 2.0 / 3.0 * h
    tol2 = tol * tol
    last = ((n_x - 1) // stride) * stride
    for j in range(n):
        et = eta[j]
        ye0 = Yeq[j, 0]
        y_prev = 2.0 * ye0 * ye0 / (et + math.sqrt(et * et + 4.0 * ye0 * ye0))
        a = h * K[j, stride]
        c = y_prev + a * Yeq[j, stride] ** 2
        b = 1.0 + a * et
        y = 2.0 * c / (b + math.sqrt(b * b + 4.0 * a * c))
        i = stride
        while i < last:
            i += stride
            a = f * K[j, i]
            c = (4.0 * y - y_prev) / 3.0
            if c < 0.0:
                c = 0.0
            ye = Yeq[j, i]
            c += a * ye * ye
            b = 1.0 + a * et
            y_prev = y
            y = 2.0 * c / (b + math.sqrt(b * b + 4.0 * a * c))
            if ye * ye < tol2 * y * (y + et):
                break
        s = 0.0
        k = i
        while k < last:
            s += 0.5 * (K[j, k] + K[j, k + stride]) * h
            k += stride
        y_out[j] = y
        rest[j] = s
    return y_out, rest


_COMPILED: Callable[..., Any] | None = None


def bdf2(h: float, K: np.ndarray, Yeq: np.ndarray, eta: ArrayLike, tol: float, stride: int = 1
         ) -> tuple[np.ndarray, np.ndarray]:
    """Run the kernel (numba if importable, else the same code in plain Python).

    Parameters
    ----------
    h : float
        Step in u = ln x between the columns used (stride × column spacing).
    K, Yeq : ndarray (n, n_x), C-contiguous
        Coefficient x λ⟨σv⟩ and equilibrium yield, one row per point.
    eta : ndarray (n,)
        Conserved asymmetry (zeros for the symmetric equation).
    tol : float
        Stop when Y_eq < tol · √(Y(Y+η)).
    stride : int
        Use every stride-th column (2 for the Richardson companion solution).

    Returns
    -------
    (y, rest) : the yield where the point stopped and ∫ K du from there to the last column.
    """
    global _COMPILED
    if _COMPILED is None:
        try:
            import numba

            _COMPILED = numba.njit(cache=True)(_kernel_py)
        except Exception:  # pragma: no cover - numba missing or broken
            _COMPILED = _kernel_py
    eta = np.ascontiguousarray(np.broadcast_to(np.asarray(eta, dtype=float), (K.shape[0],)))
    return _COMPILED(float(h), K, Yeq, eta, float(tol), int(stride))
