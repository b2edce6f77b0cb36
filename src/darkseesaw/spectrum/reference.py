"""Arbitrary-precision reference Takagi factorisation (mpmath), for validation and benchmarks.

Independent of `darkseesaw.spectrum.takagi`: it diagonalises, at ``dps`` significant digits, the
real symmetric embedding ``K = [[Re M, Im M], [Im M, −Re M]]`` (2n×2n) whose eigenvalues are
``±σ_i``; an eigenvector ``(u; v)`` of ``+σ`` gives the Takagi vector ``z = u + i v``
(``M conj(z) = σ z``), and ``U = conj(Z)`` satisfies ``Uᵀ M U = diag(σ)``. Slow (≈0.1–1 s for 9×9 at 60 digits): use it on samples.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def takagi_mp(M: Any, dps: int = 60) -> tuple[list[Any], Any]:
    """Reference Takagi factorisation of one complex symmetric matrix at ``dps`` digits.

    Parameters
    ----------
    M : array_like (n, n) of complex, or a list of lists of mpmath numbers
        Complex symmetric mass matrix (any mass unit; GeV in darkseesaw).
    dps : int
        Working precision in significant decimal digits (≥ 50 recommended).

    Returns
    -------
    m : list of mpmath.mpf
        Masses, ascending, in the unit of ``M``.
    U : mpmath.matrix (n × n) of mpc
        Unitary, Uᵀ M U = diag(m); column i is the state of mass m[i].
    """
    import mpmath as mp

    with mp.workdps(dps):
        n = len(M)
        A = mp.matrix(n, n)
        B = mp.matrix(n, n)
        for i in range(n):
            for j in range(n):
                z = mp.mpc(complex(M[i][j])) if not isinstance(M[i][j], mp.mpc) else M[i][j]
                A[i, j] = z.real
                B[i, j] = z.imag
        K = mp.matrix(2 * n, 2 * n)
        for i in range(n):
            for j in range(n):
                K[i, j] = A[i, j]
                K[i, n + j] = B[i, j]
                K[n + i, j] = B[i, j]
                K[n + i, n + j] = -A[i, j]
        E, Q = mp.eigsy(K)
        order = sorted(range(2 * n), key=lambda k: -E[k])[:n]
        order = order[::-1]  # ascending among the n largest
        m = [E[k] for k in order]
        Z = mp.matrix(n, n)
        for c, k in enumerate(order):
            for i in range(n):
                Z[i, c] = mp.mpc(Q[i, k], -Q[n + i, k])  # U = conj(z)
        return m, Z


def to_numpy(m: list[Any], Z: Any) -> tuple[np.ndarray, np.ndarray]:
    """Convert a reference result (`takagi_mp`) to float / complex128 arrays (masses in the
    unit of the input matrix)."""
    return (np.array([float(x) for x in m]),
            np.array([[complex(Z[i, j]) for j in range(Z.cols)] for i in range(Z.rows)]))
