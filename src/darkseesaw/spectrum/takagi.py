"""Takagi factorisation of complex symmetric (Majorana) mass matrices with high relative accuracy.

For a complex symmetric ``M`` (``M = Mᵀ``) the Takagi factorisation is ``Uᵀ M U = diag(m)``
with ``U`` unitary and ``m ≥ 0``; the ``m`` are the physical masses (the singular values of
``M``) and the columns of ``U`` the mass eigenstates, for the Majorana mass term
``−½ n̄ᶜ M n + h.c.`` of the field vector ``n``.

Why not numpy's SVD
-------------------
Seesaw matrices have singular values spanning up to 28 orders of magnitude. A backward-stable
SVD (LAPACK) returns every singular value with an *absolute* error ≈ ε‖M‖ ≈ 10⁻¹⁶ σ_max, so a
light-neutrino mass of 10⁻²⁰ σ_max comes out as noise. Seesaw matrices are, however, *graded*:
with the symmetric scaling ``M = D B D`` (D positive diagonal, e.g. d_S = √μ, d_N = M/√μ,
d_ν = m_D √μ / M for the inverse seesaw) the core ``B`` is well conditioned. For such matrices

1. Householder QR with complete (Powell-Reid: row and column) pivoting, ``P_r M P_c = Q R``,
2. one-sided (Hestenes) Jacobi on ``Rᴴ``

computes every singular value with relative error O(ε κ(B)), independent of the grading
(Demmel, Gu, Eisenstat, Slapničar, Veselić, Drmač, "Computing the singular value
decomposition with high relative accuracy", Linear Algebra Appl. 299 (1999) 21;
Drmač & Veselić, SIAM J. Matrix Anal. Appl. 29 (2008) 1322). The Jacobi uses a threshold
strategy (rotations below 1e-2, 1e-6, 1e-12 of the column norms skipped in the first three
sweeps, then all above 1e-15: ~25% fewer rotations, same final criterion).

From the SVD ``M = V Σ Wᴴ`` of a symmetric matrix the Takagi vectors follow from the left
vectors ``V = P_rᵀ Q J`` (J the accumulated rotations; measured against a 60-digit reference
they come out accurate component by component, down to entries of 10⁻¹⁸): within each
cluster c of (nearly) equal singular values ``M conj(V_c) = V_c Σ_c conj(P)`` with the small
unitary ``P = W_cᵀ V_c``, and ``Z_c = V_c X`` where ``X`` is the Takagi matrix of the small
symmetric block ``T = Σ_c conj(P)`` (for a simple singular value a phase,
``z = v e^{−i arg(wᵀv)/2}``); then ``M conj(Z) = Z Σ`` and ``U = conj(Z)``. Pseudo-Dirac pairs
(splittings ≪ 10⁻⁶ relative) are such clusters: their masses are each exact, and the pair's
two-dimensional subspace is exact; the rotation inside it is fixed by ``T``.

Exact zeros
-----------
An exactly massless state exists when the pattern of non-zero entries of ``M`` is
structurally singular (e.g. 2 N_R + 2 S with three ν_L): ``n − sprank(M)`` zeros (structural
rank, by maximum bipartite matching). Those singular values are set to exactly 0 instead of
rounding noise. A mass that is zero to rounding is *not* set to zero otherwise — unless the
given entries are exactly singular: a matrix flagged by the certification (below) gets its
exact rank (integer arithmetic on the exact double entries, python-flint), and its
``n − rank`` smallest masses are exact zeros (e.g. a democratic, rank-1 m_D with all entries
equal: two massless neutrinos the pattern does not show). A rank deficiency that exists only
before rounding (m_D = a bᵀ computed in floating point) is not exact: those masses are the
tiny (~ε² of the light scale) but non-zero masses of the given matrix, computed by the
fallback.

Certification and fallback
--------------------------
``certify=True`` (default) computes the singular values a second time along a different
rounding path: reversed field order, fixed phases and an 8ε symmetric entrywise perturbation,
values only, with the Drmač-Veselić preconditioner (a second pivoted QR, of Rᴴ) and the Jacobi
stopped at 1e-11 (enough for a comparison at 3e-10). A matrix whose two results differ by more
than 3e-10 relative (a matrix outside the graded class, e.g. Yukawas spread over many decades
inside a block, or an exactly singular one) goes through: (1) the exact rank (above); (2) if
that does not settle it, an arbitrary-precision recomputation in ball arithmetic
(`_takagi_precise`, python-flint: Ogita-Aishima refinement of the double result, flint's
eigensolver if that stalls) whose masses are certified to 1e-12 by a rigorous Weyl + Ostrowski
bound; ~20 ms for 9×9 (mpmath, used before: ~0.45 s), ~1-2 s for 63×63. It stops at
``precision_budget`` seconds per matrix (default 5 s, or ``DARKSEESAW_PRECISION_BUDGET``):
each step's cost is predicted before it starts, so the call returns within about the budget,
and the matrix gets NaN masses and vectors, listed in ``last_info()["failed"]`` (reason
``"precision_budget"``). A 123×123 matrix that needs it gives up after ~4 s (the uncertified
kernel takes 0.2 s for it); mpmath did not finish it in minutes.
Measured fallback rate on the seven test families (random light/heavy ratios 1e-28..1e-6, up
to 18×18): 0 in 63 000 draws (`benchmarks/bench_takagi.py`, `bench_takagi_fallback.py`).

Implementation: kernels, first run, throughput
----------------------------------------------
The kernels (`_takagi_svd`: the accurate SVD; `_takagi_vectors`: Takagi vectors from it;
`_takagi_batch`: the batch driver) use real arithmetic only (real and imaginary parts as
separate arrays, vectors as contiguous rows) and run either compiled by numba or as plain
Python: the same source, bit-identical results (no fused multiply-add, the same libm). Why
both: numba compiles these kernels in ~20 s on 2 cores the first time (once per install; then
~1.5 s to import numba and load the cache), measured per kernel (the QR 1.3 s, the Jacobi 1.2
s, the Takagi step 6 s, the driver 6 s: it is numba's typing and lowering, not LLVM —
NUMBA_OPT=0 still takes ~25 s; one eager signature per kernel, no literal-bool duplicates, no
np.linalg call, but no smaller). Ahead-of-time compilation at install is not available with
plain setuptools (numba.pycc is deprecated). So ``engine="auto"`` runs small calls (the work of
all plain-Python calls of a process below 16 matrices of 9×9, ~0.3 s) as plain Python and never
imports numba for them: ``darkseesaw spectrum examples/iss-3x3.yaml`` takes 0.9-1.1 s wall with
an empty numba cache (was 22-37 s) and the same warm (`benchmarks/bench_first_run.py`). Large
batches load the compiled kernels; the first ever large call pays the compilation (21 s for a
10 000-matrix call with an empty cache, then 1.6 s).

Measured on 2 cores (one used), 40 000 9×9 ISS matrices, load ~0.8
(`benchmarks/bench_takagi.py`, two runs): certified 0.68-0.70× and ``certify=False``
1.10-1.14× the throughput of LAPACK's ``np.linalg.svd`` on the same batch (0.88× and 1.43× that
of `takagi_numpy_svd`); ~6000× the 60-digit reference. Batches are processed in chunks of ~4 MiB: the working memory
beyond the input and the returned arrays is ~0.02× the input (10⁶ matrices;
`benchmarks/bench_takagi_memory.py`; was 3.1×); chunked and unchunked results are bit-identical.

References
----------
T. Takagi, Japan. J. Math. 1 (1925) 83; the Jacobi method with high relative accuracy:
J. Demmel, K. Veselić, SIAM J. Matrix Anal. Appl. 13 (1992) 1204.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["takagi", "takagi_numpy_svd", "structural_rank", "last_info"]

_EPS = np.finfo(float).eps
# relative gap below which singular values are treated as one cluster when building the
# Takagi vectors (vector errors scale as ε/gap; 1e-6 keeps them < 1e-10 outside clusters)
_CLUSTER_RTOL = 1e-6
_CERTIFY_RTOL = 3e-10  # the two runs differ by about the error of each; 1e-9 is required
# matrices are processed in chunks of about this many bytes of input (bounds the working
# memory: conversions, pattern checks; the kernels themselves work matrix by matrix)
_CHUNK_BYTES = 1 << 22
# "auto" engine: calls run the kernels as plain Python while the work of all such calls in
# the process (Σ n³ over their batches) stays below this and numba has not been loaded yet;
# afterwards numba (see module notes). ~0.4 s of plain Python at most per process.
_PYTHON_MAX_WORK = 16 * 9**3
_DEFAULT_BUDGET_S = 5.0
# a matrix whose largest |M - Mᵀ| entry exceeds this fraction of its largest |M| entry is not
# symmetric up to round-off: it has no Takagi factorisation, and the kernels (which use every
# entry) would return its singular values as masses; refused
_SYMMETRY_RTOL = 1e-10
_MAX_FLOAT = float(np.finfo(float).max)


def structural_rank(pattern: np.ndarray) -> int:
    """Structural rank of a boolean n×n pattern (maximum bipartite matching of rows and columns).

    For generic values of the non-zero entries it equals the rank; ``n − structural_rank`` is
    the number of exactly massless states a mass matrix with this pattern must have.
    """
    n = pattern.shape[0]
    match_col = -np.ones(n, dtype=int)

    def augment(r: int, seen: np.ndarray) -> bool:
        for c in np.flatnonzero(pattern[r]):
            if not seen[c]:
                seen[c] = True
                if match_col[c] < 0 or augment(match_col[c], seen):
                    match_col[c] = r
                    return True
        return False

    return sum(augment(r, np.zeros(n, dtype=bool)) for r in range(n))


# ---------------------------------------------------------------------------------------
# the two ways to run the kernels (same source, bit-identical results)

_NUMBA: ModuleType | None = None
_PYTHON: ModuleType | None = None


def _numba_kernels() -> ModuleType:
    global _NUMBA
    if _NUMBA is None:
        from darkseesaw.spectrum import _takagi_batch

        _NUMBA = _takagi_batch
    return _NUMBA


def _python_kernels() -> ModuleType:
    global _PYTHON
    if _PYTHON is None:
        import importlib.util

        path = Path(__file__).with_name("_takagi_batch.py")
        spec = importlib.util.spec_from_file_location(
            "darkseesaw.spectrum._takagi_batch_python", path)
        mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]  # a file path
        mod._PURE_PYTHON = True  # type: ignore[attr-defined]
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        _PYTHON = mod
    return _PYTHON


_PYTHON_WORK_DONE = 0


def _choose_engine(engine: str, work: int) -> tuple[str, ModuleType]:
    global _PYTHON_WORK_DONE
    if engine == "auto":
        loaded = _NUMBA is not None or "darkseesaw.spectrum._takagi_batch" in sys.modules
        if loaded or _PYTHON_WORK_DONE + work > _PYTHON_MAX_WORK:
            engine = "numba"
        else:
            engine = "python"
            _PYTHON_WORK_DONE += work
    if engine == "numba":
        return "numba", _numba_kernels()
    if engine == "python":
        return "python", _python_kernels()
    raise ValueError(f"takagi: engine must be 'auto', 'numba' or 'python', got {engine!r}")


# ---------------------------------------------------------------------------------------
# diagnostics

_LAST_INFO: dict[str, Any] = {}


def _reset_info(engine: str | None) -> None:
    _LAST_INFO.clear()
    _LAST_INFO.update({"n_fallback": 0, "n_flagged": 0, "n_exact_zero": 0,
                       "failed": np.zeros(0, dtype=np.int64), "reason": None,
                       "engine": engine, "fallback_seconds": 0.0, "precision_bits": []})


_reset_info(None)


def last_info() -> dict[str, Any]:
    """Diagnostics of the last `takagi` call.

    Keys
    ----
    n_flagged : int
        Matrices whose two double-precision passes disagreed by more than 3e-10 (certify=True).
    n_exact_zero : int
        Of those, matrices that are exactly singular beyond their pattern (exact rank of the
        given entries, e.g. a rank-1 Dirac mass with equal entries): their ``n − rank`` zero
        masses are returned as exact zeros and the others certified in double precision.
    n_fallback : int
        Matrices recomputed at arbitrary precision (python-flint ball arithmetic), including
        the failed ones.
    failed : ndarray of int
        Flat batch indices of the matrices returned as NaN (budget exceeded).
    reason : str or None
        ``"precision_budget"`` when ``failed`` is not empty.
    engine : "numba" or "python"
    fallback_seconds : float
        Wall time spent in the arbitrary-precision fallback.
    precision_bits : list of int
        Working precision at which each fallback matrix was certified (0 for failed ones).
    """
    out = dict(_LAST_INFO)
    out["failed"] = np.array(out["failed"], dtype=np.int64)
    out["precision_bits"] = list(out["precision_bits"])
    return out


def _budget_from_env() -> float | None:
    v = os.environ.get("DARKSEESAW_PRECISION_BUDGET")
    if v is None or v.strip() == "":
        return _DEFAULT_BUDGET_S
    v = v.strip().lower()
    if v in ("none", "inf", "infinite", "unlimited"):
        return None
    try:
        b = float(v)
    except ValueError:
        raise ValueError(f"DARKSEESAW_PRECISION_BUDGET: expected seconds or 'none', got {v!r}") \
            from None
    if not b >= 0:
        raise ValueError(f"DARKSEESAW_PRECISION_BUDGET: expected seconds >= 0, got {v!r}")
    return b


# ---------------------------------------------------------------------------------------
# second rounding path of the certification

def _perturbation(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Data of the second path: entrywise relative factors 1 + O(8ε) (symmetric) and phases."""
    r = np.random.default_rng(12345).uniform(-1.0, 1.0, (n, n))
    r = 1.0 + 8.0 * _EPS * 0.5 * (r + r.T)
    ph = np.exp(0.7j * np.arange(n))
    ph2 = ph[:, None] * ph[None, :]
    return (np.ascontiguousarray(r), np.ascontiguousarray(ph2.real),
            np.ascontiguousarray(ph2.imag))


_PERT: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _pert(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if n not in _PERT:
        _PERT[n] = _perturbation(n)
    return _PERT[n]


# ---------------------------------------------------------------------------------------

def _nzero_chunk(C: np.ndarray, n: int, cache: dict[bytes, int]) -> np.ndarray:
    """Structural zero count of each matrix of a chunk (pattern → n − sprank, cached)."""
    c = C.shape[0]
    pat = (C != 0).reshape(c, n * n)  # complex: re or im non-zero
    nz = np.empty(c, dtype=np.int64)
    if c == 0:
        return nz
    key0 = pat[0].tobytes()
    if key0 not in cache:
        cache[key0] = n - structural_rank(pat[0].reshape(n, n))
    if not (pat != pat[0]).any():  # the usual case: one pattern for the whole chunk
        nz[:] = cache[key0]
        return nz
    packed = np.packbits(pat, axis=1)
    keys = np.ascontiguousarray(packed).view(np.dtype((np.void, packed.shape[1])))
    uniq, first, inv = np.unique(keys.ravel(), return_index=True, return_inverse=True)
    for k in range(len(uniq)):
        key = pat[first[k]].tobytes()
        if key not in cache:
            cache[key] = n - structural_rank(pat[first[k]].reshape(n, n))
        nz[inv.ravel() == k] = cache[key]
    return nz


def takagi(M: ArrayLike, *, zero_structural: bool = True, certify: bool = True,
           precision_budget: float | str | None = "env", engine: str = "auto"
           ) -> tuple[np.ndarray, np.ndarray]:
    """Takagi factorisation ``Uᵀ M U = diag(m)`` of complex symmetric matrices.

    Parameters
    ----------
    M : array_like, shape (..., n, n)
        Complex (or real) symmetric mass matrices [any mass unit, typically GeV], batched over
        leading axes. Only round-off asymmetry is tolerated (the certified recomputation
        factorises the symmetric part (M + Mᵀ)/2); a matrix with ``max|M − Mᵀ|`` above 1e-10
        ``max|M|`` is refused (ValueError), and so is one with entries above float max / 2n
        (~1e307: its masses could overflow).
    zero_structural : bool, optional
        If True (default), the ``n − sprank`` smallest masses of a structurally singular matrix
        are returned as exact zeros (see module notes). Independently of it, a matrix flagged
        by the certification whose given entries are exactly singular gets its ``n − rank``
        exact zeros.
    certify : bool, optional
        If True (default), the singular values are computed a second time along a different
        rounding path; a matrix whose two results differ by more than 3e-10 relative is
        checked for exact singularity (exact rank of its entries) and otherwise recomputed in
        ball arithmetic (python-flint) to a certified 1e-12 (`last_info()` gives the counts).
        False skips the check (≈1.6× faster).
    precision_budget : float or None, optional
        Wall-clock seconds the arbitrary-precision fallback may spend on one matrix (default:
        environment variable ``DARKSEESAW_PRECISION_BUDGET`` — seconds, or ``none`` for no
        limit —, else 5 s). A matrix whose certified recomputation would exceed it (predicted
        from its size and precision before each step, so the call returns within about the
        budget per failed matrix) gets NaN masses and vectors and is listed in
        ``last_info()["failed"]`` with reason ``"precision_budget"``.
    engine : {"auto", "numba", "python"}, optional
        How the kernels run: compiled by numba (cached on disk) or as plain Python (no
        compilation, ~1000× slower per matrix). Results are bit-identical. "auto" (default)
        uses plain Python for small calls until numba is loaded in the process (see module
        notes: this is what keeps a first `darkseesaw spectrum` fast).

    Returns
    -------
    m : ndarray, shape (..., n)
        Masses in the unit of ``M``, ascending, ``m ≥ 0``, each with relative accuracy ~1e-13 for graded
        (seesaw-type) matrices, whatever the hierarchy (tested to 10⁻²⁸ of the scale).
    U : ndarray, shape (..., n, n)
        Unitary mixing matrix (dimensionless), column ``i`` the state of mass ``m[i]``:
        ``n = U n_mass``.

    Examples
    --------
    >>> import numpy as np
    >>> from darkseesaw.spectrum.takagi import takagi
    >>> M = np.array([[0, 100, 0], [100, 0, 1e3], [0, 1e3, 1e-6]])  # 1-family ISS [GeV]
    >>> m, U = takagi(M)
    >>> bool(np.isclose(m[0], 1e-6 * 100**2 / (100**2 + 1e3**2), rtol=1e-12))
    True
    """
    M = np.asarray(M)
    if M.ndim < 2 or M.shape[-1] != M.shape[-2]:
        raise ValueError(f"takagi: expected shape (..., n, n), got {M.shape}")
    if precision_budget == "env":
        precision_budget = _budget_from_env()
    elif precision_budget is not None:
        precision_budget = float(precision_budget)
        if not precision_budget >= 0:
            raise ValueError("takagi: precision_budget must be >= 0 seconds or None")
    batch = M.shape[:-2]
    n = M.shape[-1]
    Mb = M.reshape((-1, n, n))  # a view for contiguous input
    nb = Mb.shape[0]
    dt: type[np.floating[Any]] | type[np.complexfloating[Any, Any]]
    if np.iscomplexobj(Mb):
        ncomp, dt = 2, np.complex128
    else:
        ncomp, dt = 1, np.float64
    ename, K = _choose_engine(engine, nb * n**3)
    _reset_info(ename)
    m = np.empty((nb, n))
    U = np.empty((nb, n, n), dtype=np.complex128)
    Uv = U.view(np.float64)
    rel = np.zeros(nb)
    nzero = np.zeros(nb, dtype=np.int64)
    status = np.zeros(nb, dtype=np.int8)
    pert, phr, phi = _pert(n)
    cache: dict[bytes, int] = {}
    # the kernels take the zero count of the first matrix's pattern for every matrix with the
    # same pattern (the usual case) and leave the others (status 1) for a second call below
    pat0 = np.zeros((n, n), dtype=np.int8)
    nz0 = -1
    if zero_structural and nb:
        p0 = np.asarray(Mb[0] != 0)
        pat0[:] = p0
        nz0 = n - structural_rank(p0)
    step = max(1, _CHUNK_BYTES // max(1, n * n * 16))
    for c0 in range(0, nb, step):
        c1 = min(nb, c0 + step)
        _check_input(Mb[c0:c1], c0)
        Cf = np.ascontiguousarray(Mb[c0:c1], dtype=dt).view(np.float64)
        K.takagi_batch(Cf, ncomp, nzero[c0:c1], pat0, nz0, _CLUSTER_RTOL, bool(certify), pert,
                       phr, phi, m[c0:c1], Uv[c0:c1], rel[c0:c1], status[c0:c1])
        if np.any(status[c0:c1] == 2):
            raise ValueError("takagi: matrix has non-finite entries")
    redo = np.flatnonzero(status == 1)
    for r0 in range(0, len(redo), step):
        idx = redo[r0:r0 + step]
        C = np.ascontiguousarray(Mb[idx], dtype=dt)
        nz = _nzero_chunk(C, n, cache)
        mm = np.empty((len(idx), n))
        UU = np.empty((len(idx), n, n), dtype=np.complex128)
        rr = np.zeros(len(idx))
        st = np.zeros(len(idx), dtype=np.int8)
        K.takagi_batch(C.view(np.float64), ncomp, nz, pat0, -1, _CLUSTER_RTOL, bool(certify),
                       pert, phr, phi, mm, UU.view(np.float64), rr, st)
        m[idx], U[idx], rel[idx], nzero[idx] = mm, UU, rr, nz
    if certify and nb:
        bad = np.flatnonzero(rel > _CERTIFY_RTOL)
        if len(bad):
            _resolve_flagged(bad, Mb, ncomp, dt, nzero, m, U, K, precision_budget)
    return m.reshape(batch + (n,)), U.reshape(batch + (n, n))


def _check_input(C: np.ndarray, offset: int) -> None:
    """Raise ValueError for a matrix of the chunk ``C`` (batch index ``offset`` + i) that is not
    symmetric up to round-off (`_SYMMETRY_RTOL`) or whose entries are so large (above
    float max / 2n) that its largest mass, ≤ n max|M|, or M + Mᵀ could overflow. Non-finite
    entries are left to the kernels' finiteness check."""
    n = C.shape[-1]
    if n < 1 or not len(C):
        return
    with np.errstate(over="ignore", invalid="ignore"):
        amax = np.max(np.abs(C), axis=(-2, -1))
        big = np.flatnonzero(np.isfinite(amax) & (amax > _MAX_FLOAT / (2 * n)))
        if len(big):
            i = int(big[0])
            raise ValueError(f"takagi: matrix {offset + i} (flattened batch index) has entries "
                             f"up to {amax[i]:.3g}: its masses could exceed the float range "
                             f"(entries up to {_MAX_FLOAT / (2 * n):.3g} for {n}x{n}); "
                             "use a larger mass unit")
        asym = np.max(np.abs(C - np.swapaxes(C, -1, -2)), axis=(-2, -1))
        bad = np.flatnonzero(asym > _SYMMETRY_RTOL * amax)
    if len(bad):
        i = int(bad[0])
        raise ValueError(f"takagi: matrix {offset + i} (flattened batch index) is not symmetric: "
                         f"max|M - M^T| = {asym[i]:.3g} against max|M| = {amax[i]:.3g} (a "
                         "Majorana mass matrix is symmetric; check the placement of the "
                         "off-diagonal blocks)")


def _resolve_flagged(bad: np.ndarray, Mb: np.ndarray, ncomp: int, dt: type[np.generic],
                     nzero: np.ndarray, m: np.ndarray, U: np.ndarray, K: ModuleType,
                     budget: float | None) -> None:
    """Matrices whose two passes disagree: exact zeros from the exact rank, else arbitrary
    precision within the budget, else NaN."""
    try:
        import flint  # noqa: F401
    except ImportError:  # a dependency; say what it is for
        raise ImportError(
            f"takagi: {len(bad)} matrices failed the certification; their exact rank and "
            "certified recomputation need python-flint (pip install 'python-flint>=0.6'), or "
            "pass certify=False") from None
    from darkseesaw.spectrum import _takagi_precise as P

    n = Mb.shape[-1]
    pert, phr, phi = _pert(n)
    info = _LAST_INFO
    info["n_flagged"] = len(bad)
    failed = []
    t_fb = 0.0
    for b in bad:
        A = np.ascontiguousarray(Mb[b], dtype=np.complex128)
        # round-off asymmetry (e.g. M = U* diag(m) U† built in floats) makes XᵀKX of the real
        # embedding non-symmetric and the refinement stalls at ε: factorise the symmetric part
        # (an exact no-op for symmetric input, since (x + x)/2 = x in floating point)
        A = 0.5 * (A + A.T)
        k_exact = n - P.exact_rank(A)
        if k_exact > nzero[b]:
            # exactly singular beyond the pattern: rerun with the exact zero count
            nz = np.array([k_exact], dtype=np.int64)
            mm = np.empty((1, n))
            UU = np.empty((1, n, n), dtype=np.complex128)
            rr = np.zeros(1)
            Cf = np.ascontiguousarray(A[None] if ncomp == 2 else A[None].real,
                                      dtype=dt).view(np.float64)
            K.takagi_batch(Cf, ncomp, nz, np.zeros((n, n), dtype=np.int8), -1, _CLUSTER_RTOL,
                           True, pert, phr, phi, mm, UU.view(np.float64), rr,
                           np.zeros(1, dtype=np.int8))
            nzero[b] = k_exact
            if rr[0] <= _CERTIFY_RTOL:
                m[b], U[b] = mm[0], UU[0]
                info["n_exact_zero"] += 1
                continue
        info["n_fallback"] += 1
        t0 = time.monotonic()
        try:
            mb, Ub, bits = P.takagi_certified(A, int(nzero[b]), m_estimate=m[b],
                                              budget=budget)
        except P.PrecisionBudgetExceeded:
            m[b] = np.nan
            U[b] = np.nan
            failed.append(b)
            info["precision_bits"].append(0)
        else:
            m[b], U[b] = mb, Ub
            info["precision_bits"].append(bits)
        t_fb += time.monotonic() - t0
    info["fallback_seconds"] = t_fb
    if failed:
        info["failed"] = np.array(failed, dtype=np.int64)
        info["reason"] = "precision_budget"


def takagi_numpy_svd(M: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Naive Takagi from LAPACK's SVD (numpy), for comparison only: light masses inaccurate.

    Same conventions (and units) as `takagi`. Accurate only to ≈ ε·σ_max in absolute terms.
    """
    M = np.asarray(M, dtype=complex)
    Vl, s, Wh = np.linalg.svd(M)
    W = np.conj(np.swapaxes(Wh, -1, -2))
    p = np.einsum("...ij,...ij->...j", W, Vl)
    Z = np.conj(W) * np.exp(0.5j * np.angle(p))[..., None, :]
    return s[..., ::-1], np.conj(Z[..., ::-1])


class _CallableModule(type(sys)):  # type: ignore[misc]  # type(sys) is ModuleType
    """This module, callable as `takagi` itself.

    ``darkseesaw.spectrum.takagi`` is both this module and (re-exported by the package) the
    function. An import system that binds the submodule to the package attribute after the
    package ran (pytest's ``--import-mode=importlib --doctest-modules`` collecting this file
    does) would make ``from darkseesaw.spectrum import takagi`` return the module; calling it
    then still does the right thing."""

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[np.ndarray, np.ndarray]:
        return takagi(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
