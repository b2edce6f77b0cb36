"""Kernels of `darkseesaw.spectrum.takagi`, part 3: the batch driver `takagi_batch` (see the
module notes of `takagi` for the algorithm and for why the kernels look the way they do).

The kernels are three modules: `_takagi_svd` (pivoted QR and one-sided Jacobi: the accurate
SVD, null vectors), `_takagi_vectors` (Takagi vectors from the SVD, polish of the heavy
states) and this one (scaling, the pattern and finiteness checks, the certification's second
rounding path, the loop over a batch).

One source, two ways to run it:

* compiled by numba (``cache=True``, one eager signature for the entry point `takagi_batch`;
  the helpers are compiled once each, for the only argument types they are ever called with);
* as plain Python, when `takagi` loads this file a second time as a separate module with
  ``_PURE_PYTHON = True`` in its namespace; this module then loads `_takagi_svd` and
  `_takagi_vectors` the same way (`_kernel_module`), and numba is never imported.

Both runs execute the same IEEE double operations in the same order (real arithmetic only,
no fused multiply-add: numba's default ``fastmath=False``; ``math.sqrt``, ``atan2``, ``cos``,
``sin`` from the same libm), so they return bit-identical results; `tests/spectrum` checks it.
Complex numbers are kept as separate real and imaginary arrays, with the vectors the inner
loops run over stored as contiguous rows (``Xr[p, i]`` is entry i of column p).

numba's on-disk cache of a function is invalidated by a change of the file the function is
defined in, not of the files of the functions it calls (numba 0.68: the compiled callees are
part of the cached code). `takagi_batch` calls into the two other kernel modules, so it is
built by `_build` as a closure over a hash of their sources, which numba's cache key includes:
an edit of either recompiles it. Each module keeps its own ``_jit`` (the compile options are
then part of the file they apply to) and imports no other kernel module except through
`_kernel_module`.
"""

import hashlib
import importlib
import importlib.util
import math
from pathlib import Path

import numpy as np

_PURE = bool(globals().get("_PURE_PYTHON", False))

if _PURE:
    def _jit(sig=None):
        return lambda f: f
else:
    import numba

    def _jit(sig=None):
        if sig is None:
            return numba.njit(cache=True, nogil=True, error_model="numpy")
        return numba.njit(sig, cache=True, nogil=True, error_model="numpy")


_TOL = 1e-15          # Jacobi: columns p, q are orthogonal when |γ| ≤ tol ‖x_p‖ ‖x_q‖
# the values-only pass of the certification stops at 1e-11: a singular value is then off by
# at most ~1e-11 relative (first order, for a nearly degenerate pair; second order otherwise),
# far below the 3e-10 at which the two passes are compared
_TOL_VALUES = 1e-11

# the kernel modules this one calls into
_DEPENDENCIES = ("_takagi_svd", "_takagi_vectors")


def _kernel_module(name):
    """Kernel module ``name``, run the same way as this one: imported (compiled by numba), or
    loaded from its file a second time with ``_PURE_PYTHON = True`` (plain Python)."""
    if not _PURE:
        return importlib.import_module(f"darkseesaw.spectrum.{name}")
    path = Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"darkseesaw.spectrum.{name}_python", path)
    mod = importlib.util.module_from_spec(spec)
    mod._PURE_PYTHON = True
    spec.loader.exec_module(mod)
    return mod


def _kernel_stamp():
    """Hash of the sources of the kernel modules `takagi_batch` calls into (a 60-bit int)."""
    h = hashlib.sha256()
    for name in _DEPENDENCIES:
        h.update(Path(__file__).with_name(f"{name}.py").read_bytes())
    return int(h.hexdigest()[:15], 16)


_S = _kernel_module("_takagi_svd")
_V = _kernel_module("_takagi_vectors")
# module-level names, so that numba sees the compiled callees as globals
_svd = _S._svd
_apply_q = _S._apply_q
_null_vectors = _S._null_vectors
_permute_rows_inplace = _S._permute_rows_inplace
_orthonormalise_rows = _S._orthonormalise_rows
_takagi_from_svd = _V._takagi_from_svd


def _build(kernel_stamp):
    """`takagi_batch`, a closure over ``kernel_stamp`` (`_kernel_stamp`): numba hashes the
    closure into the cache key, so a change of `_takagi_svd` or `_takagi_vectors` recompiles
    it (see the module notes)."""

    @_jit("void(float64[:, :, ::1], int64, int64[::1], int8[:, ::1], int64, float64, boolean, "
          "float64[:, ::1], float64[:, ::1], float64[:, ::1], float64[:, ::1], float64[:, :, ::1], "
          "float64[::1], int8[::1])")
    def takagi_batch(Mv, ncomp, nzero, pat0, nz0, rtol, certify, pert, phr, phi, m, Uv, rel,
                     status):
        """Takagi factorisation of a batch; see `takagi` for the meaning of everything.

        Mv : (B, n, n·ncomp) the matrices, real (ncomp = 1) or complex128 viewed as float64
            (ncomp = 2: entry (i, j) = Mv[b, i, 2j] + i Mv[b, i, 2j+1]).
        nzero : (B,) number of masses to return as exact zeros; input when ``nz0 < 0``, else
            output: ``nz0`` for a matrix whose pattern of non-zero entries is ``pat0`` (n×n, 0/1).
        status : (B,) out: 0 done; 1 not done, its pattern differs from ``pat0`` (the caller
            computes its zero count and calls again); 2 not done, non-finite entries.
        rtol : relative gap below which singular values form one cluster.
        certify : also compute the values along the second rounding path (reversed order, phases
            ``ph``, entrywise factors ``pert``: M'[i, j] = ph_i ph_j pert[p_i, p_j] M[p_i, p_j],
            p_i = n − 1 − i, with ``phr + i phi = ph_i ph_j``) and write to ``rel[b]`` the largest
            relative disagreement over the masses not set to zero (0 if not certify).
        m : (B, n) out, masses ascending, in the units of M.
        Uv : (B, n, 2n) out, U viewed as float64.
        """
        kernel_stamp  # noqa: B018 -- in the closure: numba's cache key (see _build)
        B = Mv.shape[0]
        n = Mv.shape[1]
        # run-time booleans (a literal True/False argument would make numba compile the callees
        # once per value)
        vectors = B >= 0
        values_only = not vectors
        Ar = np.empty((n, n))
        Ai = np.empty((n, n))
        Cr = np.empty((n, n))
        Ci = np.empty((n, n))
        Hr = np.empty((n, n))
        Hi = np.empty((n, n))
        Xr = np.empty((n, n))
        Xi = np.empty((n, n))
        Jr = np.empty((n, n))
        Ji = np.empty((n, n))
        Vr = np.empty((n, n))
        Vi = np.empty((n, n))
        Wr = np.empty((n, n))
        Wi = np.empty((n, n))
        Nr = np.empty((n, n))
        Ni = np.empty((n, n))
        Zr = np.empty((n, n))
        Zi = np.empty((n, n))
        K = np.empty((2 * n, 2 * n))
        Y = np.empty((2 * n, 2 * n))
        w = np.empty(2 * n)
        rsw = np.empty(n, dtype=np.int64)
        cp = np.empty(n, dtype=np.int64)
        order = np.empty(n, dtype=np.int64)
        d = np.empty(n)
        nrm = np.empty(n)
        sig = np.empty(n)
        s2 = np.empty(n)
        tr = np.empty(n)
        ti = np.empty(n)
        for b in range(B):
            # finite entries? the pattern? (cheaper here than as numpy passes over the batch)
            amax = 0.0
            finite = True
            for i in range(n):
                for j in range(n * ncomp):
                    a = abs(Mv[b, i, j])
                    if not a <= 1.7976931348623157e308:
                        finite = False
                    if a > amax:
                        amax = a
            if not finite:
                status[b] = 2
                continue
            if nz0 >= 0:
                same = True
                for i in range(n):
                    for j in range(n):
                        if ncomp == 2:
                            nzr = Mv[b, i, 2 * j] != 0.0 or Mv[b, i, 2 * j + 1] != 0.0
                        else:
                            nzr = Mv[b, i, j] != 0.0
                        if nzr != (pat0[i, j] != 0):
                            same = False
                if not same:
                    status[b] = 1
                    continue
                nzero[b] = nz0
            status[b] = 0
            # scale by a power of two (exact) to max(|Re|, |Im|) in [0.5, 1)
            if amax > 0.0:
                e = math.frexp(amax)[1]
            else:
                e = 0
            # x · 2^−e is exact and rounds like ldexp (only subnormal results round at all)
            small = -1000 < e < 1000
            f = math.ldexp(1.0, -e) if small else 1.0
            for i in range(n):
                for j in range(n):
                    if ncomp == 2:
                        if small:
                            Ar[i, j] = Mv[b, i, 2 * j] * f
                            Ai[i, j] = Mv[b, i, 2 * j + 1] * f
                        else:
                            Ar[i, j] = math.ldexp(Mv[b, i, 2 * j], -e)
                            Ai[i, j] = math.ldexp(Mv[b, i, 2 * j + 1], -e)
                    else:
                        Ar[i, j] = Mv[b, i, j] * f if small else math.ldexp(Mv[b, i, j], -e)
                        Ai[i, j] = 0.0
            # C[j, i] = A[i, j]
            for j in range(n):
                for i in range(n):
                    Cr[j, i] = Ar[i, j]
                    Ci[j, i] = Ai[i, j]
            _svd(Cr, Ci, Hr, Hi, rsw, cp, Xr, Xi, Jr, Ji, d, nrm, order, vectors, _TOL)
            nz = nzero[b]
            if nz > 0:
                _null_vectors(Cr, Ci, cp, nz, Nr, Ni)
                _permute_rows_inplace(Nr, Ni, nz, cp, tr, ti)
                _orthonormalise_rows(Nr, Ni, nz)
            # V = Q J (columns as rows of J), W[cp[i], jj] = x_j[i] / σ_j
            _apply_q(Hr, Hi, rsw, Jr, Ji)
            for jj in range(n):
                j = order[jj]
                sv = nrm[j]
                sig[jj] = sv
                isv = 1.0 / sv if sv > 0.0 else 0.0
                for i in range(n):
                    Vr[jj, i] = Jr[j, i]
                    Vi[jj, i] = Ji[j, i]
                    Wr[jj, cp[i]] = Xr[j, i] * isv
                    Wi[jj, cp[i]] = Xi[j, i] * isv
            # columns of W for exactly zero σ: complete to an orthonormal basis
            for jj in range(n):
                if sig[jj] > 0.0:
                    continue
                for trial in range(n):
                    for i in range(n):
                        tr[i] = 0.0
                        ti[i] = 0.0
                    tr[trial] = 1.0
                    for kk in range(n):
                        if kk == jj or (sig[kk] == 0.0 and kk > jj):
                            continue
                        dr = 0.0
                        di = 0.0
                        for i in range(n):
                            dr += Wr[kk, i] * tr[i] + Wi[kk, i] * ti[i]
                            di += Wr[kk, i] * ti[i] - Wi[kk, i] * tr[i]
                        for i in range(n):
                            tr[i] -= dr * Wr[kk, i] - di * Wi[kk, i]
                            ti[i] -= dr * Wi[kk, i] + di * Wr[kk, i]
                    s = 0.0
                    for i in range(n):
                        s += tr[i] * tr[i] + ti[i] * ti[i]
                    if s > 0.25:
                        s = math.sqrt(s)
                        for i in range(n):
                            Wr[jj, i] = tr[i] / s
                            Wi[jj, i] = ti[i] / s
                        break
            if nz > 0:
                # guard: the back-substituted null vectors must be orthogonal to every non-null
                # singular vector (if a genuine light column was pivoted last instead of the
                # dependent one they are not); otherwise keep the SVD's null vectors
                worst = 0.0
                for c in range(n - nz):
                    for j in range(nz):
                        dr = 0.0
                        di = 0.0
                        for i in range(n):
                            dr += Vr[c, i] * Nr[j, i] + Vi[c, i] * Ni[j, i]
                            di += Vr[c, i] * Ni[j, i] - Vi[c, i] * Nr[j, i]
                        a = math.sqrt(dr * dr + di * di)
                        if a > worst:
                            worst = a
                if not worst < 1e-13:
                    for j in range(nz):
                        for i in range(n):
                            Nr[j, i] = Vr[n - nz + j, i]
                            Ni[j, i] = Vi[n - nz + j, i]
            _takagi_from_svd(Ar, Ai, sig, Vr, Vi, Wr, Wi, Nr, Ni, nz, rtol, Zr, Zi, K, Y, w,
                             m[b], Uv[b])
            rb = 0.0
            if certify:
                # second rounding path, values only
                for j in range(n):
                    pj = n - 1 - j
                    for i in range(n):
                        pi_ = n - 1 - i
                        xr = Ar[pi_, pj] * pert[pi_, pj]
                        xi = Ai[pi_, pj] * pert[pi_, pj]
                        Cr[j, i] = phr[i, j] * xr - phi[i, j] * xi
                        Ci[j, i] = phr[i, j] * xi + phi[i, j] * xr
                _svd(Cr, Ci, Hr, Hi, rsw, cp, Xr, Xi, Jr, Ji, d, nrm, order, values_only,
                     _TOL_VALUES)
                for jj in range(n):
                    s2[jj] = nrm[order[jj]]
                for c in range(nz, n):
                    a = m[b, c]
                    b2 = s2[n - 1 - c]
                    den = max(a, b2)
                    if den > 0.0:
                        x = abs(a - b2) / den
                        if x > rb:
                            rb = x
            rel[b] = rb
            g = math.ldexp(1.0, e) if small else 1.0
            for c in range(n):
                m[b, c] = m[b, c] * g if small else math.ldexp(m[b, c], e)

    return takagi_batch


takagi_batch = _build(0 if _PURE else _kernel_stamp())
