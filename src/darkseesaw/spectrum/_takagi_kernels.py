"""Kernels of `darkseesaw.spectrum.takagi` (see its module notes for the algorithm and for why
they look the way they do).

One source, two ways to run it:

* compiled by numba (``cache=True``, one eager signature for the entry point `takagi_batch`;
  the helpers are compiled once each, for the only argument types they are ever called with);
* as plain Python, when `takagi` loads this file a second time as a separate module with
  ``_PURE_PYTHON = True`` in its namespace (then numba is never imported).

Both runs execute the same IEEE double operations in the same order (real arithmetic only,
no fused multiply-add: numba's default ``fastmath=False``; ``math.sqrt``, ``atan2``, ``cos``,
``sin`` from the same libm), so they return bit-identical results; `tests/spectrum` checks it.
Complex numbers are kept as separate real and imaginary arrays, with the vectors the inner
loops run over stored as contiguous rows (``Xr[p, i]`` is entry i of column p).
"""

import math

import numpy as np

if globals().get("_PURE_PYTHON", False):
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
_MAX_SWEEPS = 60


@_jit()
def _qr_complete_pivoting(Cr, Ci, Hr, Hi, rsw, cp):
    """Householder QR with complete (Powell-Reid) pivoting, in place.

    On entry ``C[j, i] = A[i, j]`` (the matrix stored by columns). On exit ``C[j, i] = R[i, j]``
    for ``i ≤ j`` (zero below), reflector k in row k of H (``I − 2 h hᴴ``, h zero before k),
    the row swap made before reflector k in ``rsw[k]``, the column permutation in ``cp``:
    ``S_{n−1} H_{n−1} ⋯ S_0 H_0``-wise, ``A[:, cp] = S_0 H_0 S_1 H_1 ⋯ R``.
    """
    n = Cr.shape[0]
    for i in range(n):
        cp[i] = i
    for k in range(n):
        for i in range(n):
            Hr[k, i] = 0.0
            Hi[k, i] = 0.0
        # column pivot: largest remaining norm (recomputed, no downdating)
        best = -1.0
        jb = k
        for j in range(k, n):
            s = 0.0
            for i in range(k, n):
                s += Cr[j, i] * Cr[j, i] + Ci[j, i] * Ci[j, i]
            if s > best:
                best = s
                jb = j
        if jb != k:
            for i in range(n):
                t = Cr[k, i]
                Cr[k, i] = Cr[jb, i]
                Cr[jb, i] = t
                t = Ci[k, i]
                Ci[k, i] = Ci[jb, i]
                Ci[jb, i] = t
            t2 = cp[k]
            cp[k] = cp[jb]
            cp[jb] = t2
        # row pivot: largest |entry| of the pivot column
        ib = k
        amx = -1.0
        for i in range(k, n):
            a = Cr[k, i] * Cr[k, i] + Ci[k, i] * Ci[k, i]
            if a > amx:
                amx = a
                ib = i
        rsw[k] = ib
        if ib != k:
            for j in range(n):
                t = Cr[j, k]
                Cr[j, k] = Cr[j, ib]
                Cr[j, ib] = t
                t = Ci[j, k]
                Ci[j, k] = Ci[j, ib]
                Ci[j, ib] = t
        # reflector for x = C[k, k:], scaled norms (no under/overflow at extreme scales)
        amax = 0.0
        for i in range(k, n):
            a = max(abs(Cr[k, i]), abs(Ci[k, i]))
            if a > amax:
                amax = a
        if amax == 0.0:
            continue  # the remaining columns are zero: H_k = I
        s = 0.0
        for i in range(k, n):
            xr = Cr[k, i] / amax
            xi = Ci[k, i] / amax
            s += xr * xr + xi * xi
        xnorm = amax * math.sqrt(s)
        x0r = Cr[k, k]
        x0i = Ci[k, k]
        a0 = max(abs(x0r), abs(x0i))
        if a0 == 0.0:
            phr = 1.0
            phi = 0.0
        else:
            ur = x0r / a0
            ui = x0i / a0
            r0 = a0 * math.sqrt(ur * ur + ui * ui)
            phr = x0r / r0
            phi = x0i / r0
        alr = -phr * xnorm
        ali = -phi * xnorm
        # h = x − α e₁ (|h₀| = |x₀| + ‖x‖, no cancellation), normalised
        Hr[k, k] = x0r - alr
        Hi[k, k] = x0i - ali
        for i in range(k + 1, n):
            Hr[k, i] = Cr[k, i]
            Hi[k, i] = Ci[k, i]
        vmax = 0.0
        for i in range(k, n):
            a = max(abs(Hr[k, i]), abs(Hi[k, i]))
            if a > vmax:
                vmax = a
        s = 0.0
        for i in range(k, n):
            xr = Hr[k, i] / vmax
            xi = Hi[k, i] / vmax
            s += xr * xr + xi * xi
        vn = vmax * math.sqrt(s)
        for i in range(k, n):
            Hr[k, i] = Hr[k, i] / vn
            Hi[k, i] = Hi[k, i] / vn
        # apply I − 2 h hᴴ to the columns j > k
        for j in range(k + 1, n):
            dr = 0.0
            di = 0.0
            for i in range(k, n):
                dr += Hr[k, i] * Cr[j, i] + Hi[k, i] * Ci[j, i]
                di += Hr[k, i] * Ci[j, i] - Hi[k, i] * Cr[j, i]
            dr = 2.0 * dr
            di = 2.0 * di
            for i in range(k, n):
                Cr[j, i] -= Hr[k, i] * dr - Hi[k, i] * di
                Ci[j, i] -= Hr[k, i] * di + Hi[k, i] * dr
        Cr[k, k] = alr
        Ci[k, k] = ali
        for i in range(k + 1, n):
            Cr[k, i] = 0.0
            Ci[k, i] = 0.0


@_jit()
def _jacobi(Xr, Xi, Jr, Ji, d, want_vectors, tol):
    """One-sided (Hestenes) Jacobi: rotate the columns x_p (rows of X) until mutually
    orthogonal, ``|x_pᴴ x_q| ≤ tol ‖x_p‖ ‖x_q‖``; with ``want_vectors`` the rotations are
    accumulated in J (from I).

    ``d[p] = ‖x_p‖²`` is computed once and updated after each rotation by the exact formulas
    ``‖x_p‖² − t|γ|``, ``‖x_q‖² + t|γ|`` (recomputed when the update cancels by more than
    3/4; otherwise each update adds a relative rounding error of a few ε). The norms only steer the rotations; the singular values are
    the norms of the final columns, computed afresh (`_column_norms_sorted`). The rotation
    loops then carry no reduction, and the inner products use two partial sums (even and odd
    entries): shorter dependency chains."""
    n = Xr.shape[0]
    if want_vectors:
        for p in range(n):
            for i in range(n):
                Jr[p, i] = 0.0
                Ji[p, i] = 0.0
            Jr[p, p] = 1.0
    for p in range(n):
        s = 0.0
        for i in range(n):
            s += Xr[p, i] * Xr[p, i] + Xi[p, i] * Xi[p, i]
        d[p] = s
    for _sweep in range(_MAX_SWEEPS):
        rotated = False
        # threshold Jacobi: the first sweeps skip the small rotations (they would be undone by
        # the large ones); 1e-2, 1e-6, 1e-12, then tol: ~25% fewer rotations
        if _sweep == 0:
            th = max(tol, 1e-2)
        elif _sweep == 1:
            th = max(tol, 1e-6)
        elif _sweep == 2:
            th = max(tol, 1e-12)
        else:
            th = tol
        th2 = th * th
        for p in range(n - 1):
            for q in range(p + 1, n):
                # matrices are pre-scaled to max |entry| ~ 1, so squares of column entries
                # stay far from underflow for hierarchies down to ~1e-150
                al = d[p]
                be = d[q]
                if al == 0.0 or be == 0.0:
                    continue
                gr0 = 0.0
                gi0 = 0.0
                gr1 = 0.0
                gi1 = 0.0
                i = 0
                while i + 1 < n:
                    gr0 += Xr[p, i] * Xr[q, i] + Xi[p, i] * Xi[q, i]
                    gi0 += Xr[p, i] * Xi[q, i] - Xi[p, i] * Xr[q, i]
                    gr1 += Xr[p, i + 1] * Xr[q, i + 1] + Xi[p, i + 1] * Xi[q, i + 1]
                    gi1 += Xr[p, i + 1] * Xi[q, i + 1] - Xi[p, i + 1] * Xr[q, i + 1]
                    i += 2
                if i < n:
                    gr0 += Xr[p, i] * Xr[q, i] + Xi[p, i] * Xi[q, i]
                    gi0 += Xr[p, i] * Xi[q, i] - Xi[p, i] * Xr[q, i]
                gr = gr0 + gr1
                gi = gi0 + gi1
                ag2 = gr * gr + gi * gi
                if ag2 <= th2 * al * be:
                    continue
                rotated = True
                ag = math.sqrt(ag2)
                inv = 1.0 / ag
                zeta = (be - al) * (0.5 * inv)
                az = abs(zeta)
                if az > 1e150:
                    t = 0.5 / az
                else:
                    t = 1.0 / (az + math.sqrt(1.0 + az * az))
                if zeta < 0.0:
                    t = -t
                c = 1.0 / math.sqrt(1.0 + t * t)
                s = c * t
                a = s * (gr * inv)
                b = s * (gi * inv)
                # x_p ← c x_p − s ē x_q ,  x_q ← s e x_p + c x_q   (e = γ/|γ| = a/s + i b/s)
                for i in range(n):
                    xpr = Xr[p, i]
                    xpi = Xi[p, i]
                    xqr = Xr[q, i]
                    xqi = Xi[q, i]
                    Xr[p, i] = c * xpr - (a * xqr + b * xqi)
                    Xi[p, i] = c * xpi - (a * xqi - b * xqr)
                    Xr[q, i] = (a * xpr - b * xpi) + c * xqr
                    Xi[q, i] = (a * xpi + b * xpr) + c * xqi
                tg = t * ag
                dp = al - tg
                dq = be + tg
                if dp < 0.25 * al:
                    dp = 0.0
                    for i in range(n):
                        dp += Xr[p, i] * Xr[p, i] + Xi[p, i] * Xi[p, i]
                if dq < 0.25 * be:
                    dq = 0.0
                    for i in range(n):
                        dq += Xr[q, i] * Xr[q, i] + Xi[q, i] * Xi[q, i]
                d[p] = dp
                d[q] = dq
                if want_vectors:
                    for i in range(n):
                        xpr = Jr[p, i]
                        xpi = Ji[p, i]
                        xqr = Jr[q, i]
                        xqi = Ji[q, i]
                        Jr[p, i] = c * xpr - (a * xqr + b * xqi)
                        Ji[p, i] = c * xpi - (a * xqi - b * xqr)
                        Jr[q, i] = (a * xpr - b * xpi) + c * xqr
                        Ji[q, i] = (a * xpi + b * xpr) + c * xqi
        if not rotated and th == tol:
            break


@_jit()
def _column_norms_sorted(Xr, Xi, nrm, order):
    """nrm[j] = ‖x_j‖ (scaled, no underflow); order = indices by decreasing norm (stable)."""
    n = Xr.shape[0]
    for j in range(n):
        amax = 0.0
        for i in range(n):
            a = max(abs(Xr[j, i]), abs(Xi[j, i]))
            if a > amax:
                amax = a
        if amax == 0.0:
            nrm[j] = 0.0
        else:
            s = 0.0
            for i in range(n):
                xr = Xr[j, i] / amax
                xi = Xi[j, i] / amax
                s += xr * xr + xi * xi
            nrm[j] = amax * math.sqrt(s)
    for j in range(n):
        order[j] = j
    for j in range(1, n):  # insertion sort, decreasing
        o = order[j]
        v = nrm[o]
        i = j - 1
        while i >= 0 and nrm[order[i]] < v:
            order[i + 1] = order[i]
            i -= 1
        order[i + 1] = o


@_jit()
def _svd(Cr, Ci, Hr, Hi, rsw, cp, Xr, Xi, Jr, Ji, d, nrm, order, want_vectors, tol):
    """Accurate SVD of the matrix stored by columns in C (destroyed; R left in it):
    singular values ``nrm[order[0]] ≥ nrm[order[1]] ≥ …``; with ``want_vectors`` the columns
    of ``J`` (rows of Jr/Ji) are rotated to ``Q J`` afterwards by `_apply_q`.

    Values only: Rᴴ is factored once more (QR with complete pivoting, into J's storage) and
    the Jacobi runs on R₁ᴴ, which has the same singular values and needs ~40% fewer
    rotations (the preconditioner of Drmač & Veselić); not used with vectors, whose left
    vectors would then come from normalised Jacobi columns instead of accumulated rotations.
    """
    n = Cr.shape[0]
    _qr_complete_pivoting(Cr, Ci, Hr, Hi, rsw, cp)
    if not want_vectors:
        # column p of Rᴴ = conj(row p of R), stored as row p
        for p in range(n):
            for i in range(n):
                if i >= p:
                    Jr[p, i] = Cr[i, p]
                    Ji[p, i] = -Ci[i, p]
                else:
                    Jr[p, i] = 0.0
                    Ji[p, i] = 0.0
        _qr_complete_pivoting(Jr, Ji, Hr, Hi, rsw, cp)
        for p in range(n):
            for i in range(n):
                if i >= p:
                    Xr[p, i] = Jr[i, p]
                    Xi[p, i] = -Ji[i, p]
                else:
                    Xr[p, i] = 0.0
                    Xi[p, i] = 0.0
    else:
        # X = Rᴴ: column p of X = conj(row p of R)
        for p in range(n):
            for i in range(n):
                if i >= p:
                    Xr[p, i] = Cr[i, p]
                    Xi[p, i] = -Ci[i, p]
                else:
                    Xr[p, i] = 0.0
                    Xi[p, i] = 0.0
    _jacobi(Xr, Xi, Jr, Ji, d, want_vectors, tol)
    _column_norms_sorted(Xr, Xi, nrm, order)


@_jit()
def _apply_q(Hr, Hi, rsw, Jr, Ji):
    """J ← S_0 H_0 S_1 H_1 ⋯ S_{n−1} H_{n−1} J (the columns of J are the rows of Jr/Ji)."""
    n = Hr.shape[0]
    for k in range(n - 1, -1, -1):
        for j in range(n):
            dr = 0.0
            di = 0.0
            for i in range(k, n):
                dr += Hr[k, i] * Jr[j, i] + Hi[k, i] * Ji[j, i]
                di += Hr[k, i] * Ji[j, i] - Hi[k, i] * Jr[j, i]
            dr = 2.0 * dr
            di = 2.0 * di
            for i in range(k, n):
                Jr[j, i] -= Hr[k, i] * dr - Hi[k, i] * di
                Ji[j, i] -= Hr[k, i] * di + Hi[k, i] * dr
        ib = rsw[k]
        if ib != k:
            for j in range(n):
                t = Jr[j, k]
                Jr[j, k] = Jr[j, ib]
                Jr[j, ib] = t
                t = Ji[j, k]
                Ji[j, k] = Ji[j, ib]
                Ji[j, ib] = t


@_jit()
def _null_vectors(Cr, Ci, cp, k, Nr, Ni):
    """Orthonormal basis (rows of N) of the k-dimensional null space of a structurally singular
    matrix, from its pivoted R (``R[i, j] = C[j, i]``).

    With complete pivoting the k dependent columns come last: solving
    R[:r, :r] x = −R[:r, r + j] (r = n − k) by back substitution gives null vectors
    (x; e_j) whose small components are as accurate as the graded R (an SVD vector of
    the exact zero would carry noise of order ε in every component instead)."""
    n = Cr.shape[0]
    r = n - k
    for j in range(k):
        for i in range(n):
            Nr[j, i] = 0.0
            Ni[j, i] = 0.0
        # z in the pivoted order (`_permute_rows_inplace` undoes the column permutation)
        Nr[j, r + j] = 1.0
        for i in range(r - 1, -1, -1):
            tr = -Cr[r + j, i]
            ti = -Ci[r + j, i]
            for q in range(i + 1, r):
                # t −= R[i, q] z[q]
                tr -= Cr[q, i] * Nr[j, q] - Ci[q, i] * Ni[j, q]
                ti -= Cr[q, i] * Ni[j, q] + Ci[q, i] * Nr[j, q]
            # z[i] = t / R[i, i] (Smith's division)
            cr = Cr[i, i]
            ci = Ci[i, i]
            if cr == 0.0 and ci == 0.0:
                Nr[j, i] = 0.0
                Ni[j, i] = 0.0
            elif abs(cr) >= abs(ci):
                rr = ci / cr
                den = cr + ci * rr
                Nr[j, i] = (tr + ti * rr) / den
                Ni[j, i] = (ti - tr * rr) / den
            else:
                rr = cr / ci
                den = ci + cr * rr
                Nr[j, i] = (tr * rr + ti) / den
                Ni[j, i] = (ti * rr - tr) / den


@_jit()
def _permute_rows_inplace(Nr, Ni, k, cp, tr, ti):
    """N[j, cp[i]] ← N[j, i] for the first k rows (tr, ti: scratch of length n)."""
    n = Nr.shape[1]
    for j in range(k):
        for i in range(n):
            tr[cp[i]] = Nr[j, i]
            ti[cp[i]] = Ni[j, i]
        for i in range(n):
            Nr[j, i] = tr[i]
            Ni[j, i] = ti[i]


@_jit()
def _orthonormalise_rows(Nr, Ni, k):
    """Modified Gram-Schmidt on the first k rows (complex vectors) of N."""
    n = Nr.shape[1]
    for j in range(k):
        for j2 in range(j):
            dr = 0.0
            di = 0.0
            for i in range(n):
                # conj(N[j2]) · N[j]
                dr += Nr[j2, i] * Nr[j, i] + Ni[j2, i] * Ni[j, i]
                di += Nr[j2, i] * Ni[j, i] - Ni[j2, i] * Nr[j, i]
            for i in range(n):
                Nr[j, i] -= dr * Nr[j2, i] - di * Ni[j2, i]
                Ni[j, i] -= dr * Ni[j2, i] + di * Nr[j2, i]
        s = 0.0
        for i in range(n):
            s += Nr[j, i] * Nr[j, i] + Ni[j, i] * Ni[j, i]
        s = math.sqrt(s)
        for i in range(n):
            Nr[j, i] = Nr[j, i] / s
            Ni[j, i] = Ni[j, i] / s


@_jit()
def _sym_eig(K, Y, w):
    """Eigen-decomposition of a small real symmetric matrix K (destroyed) by cyclic Jacobi:
    ``K = Y diag(w) Yᵀ``, w ascending, eigenvector c in column c of Y."""
    m = K.shape[0]
    for a in range(m):
        for b in range(m):
            Y[a, b] = 0.0
        Y[a, a] = 1.0
    fro = 0.0
    for a in range(m):
        for b in range(m):
            fro += K[a, b] * K[a, b]
    fro = math.sqrt(fro)
    thresh = 1e-18 * fro
    for _sweep in range(_MAX_SWEEPS):
        rotated = False
        for p in range(m - 1):
            for q in range(p + 1, m):
                apq = K[p, q]
                if abs(apq) <= thresh:
                    continue
                rotated = True
                theta = (K[q, q] - K[p, p]) / (2.0 * apq)
                if theta > 1e150 or theta < -1e150:
                    t = 0.5 / theta
                elif theta >= 0.0:
                    t = 1.0 / (theta + math.sqrt(1.0 + theta * theta))
                else:
                    t = -1.0 / (-theta + math.sqrt(1.0 + theta * theta))
                c = 1.0 / math.sqrt(1.0 + t * t)
                s = t * c
                for r in range(m):  # columns p, q
                    kp = K[r, p]
                    kq = K[r, q]
                    K[r, p] = c * kp - s * kq
                    K[r, q] = s * kp + c * kq
                for r in range(m):  # rows p, q
                    kp = K[p, r]
                    kq = K[q, r]
                    K[p, r] = c * kp - s * kq
                    K[q, r] = s * kp + c * kq
                K[p, q] = 0.0
                K[q, p] = 0.0
                for r in range(m):
                    yp = Y[r, p]
                    yq = Y[r, q]
                    Y[r, p] = c * yp - s * yq
                    Y[r, q] = s * yp + c * yq
        if not rotated:
            break
    for a in range(m):
        w[a] = K[a, a]
    # sort ascending (insertion sort on columns, stable)
    for j in range(1, m):
        i = j
        while i > 0 and w[i - 1] > w[i]:
            t = w[i - 1]
            w[i - 1] = w[i]
            w[i] = t
            for r in range(m):
                t = Y[r, i - 1]
                Y[r, i - 1] = Y[r, i]
                Y[r, i] = t
            i -= 1


@_jit()
def _plus_space_pair(K, Y, sm):
    """The two eigenvectors of positive eigenvalue of the 4×4 real embedding K of a cluster of
    two Takagi values σ₁ ≥ σ₂ ≈ sm (the usual cluster: a pseudo-Dirac pair), into columns 3
    (σ₁) and 2 (σ₂) of Y — where `_sym_eig` would put them, ~4× faster.

    K has eigenvalues ±σ₁, ±σ₂; B = (K + sm)/(2 sm) maps the +σ eigenspace to itself with
    factors ≈ 1 and damps the −σ one by |σ − sm|/(2 sm) ≤ rtol/2 (≤ 5e-7 in a cluster): two
    columns of B, applied twice more, span the +σ space to ~1e-19; the 2×2 Rayleigh quotient
    there is diagonalised by one rotation."""
    inv = 0.5 / sm
    # columns of B into Y
    for r in range(4):
        for j in range(4):
            Y[r, j] = K[r, j] * inv
        Y[r, r] += 0.5
    # y1 = the longest column, y2 = the column with the longest residual against it
    best = -1.0
    j1 = 0
    for j in range(4):
        t = 0.0
        for r in range(4):
            t += Y[r, j] * Y[r, j]
        if t > best:
            best = t
            j1 = j
    n1 = math.sqrt(best)
    y10 = Y[0, j1] / n1
    y11 = Y[1, j1] / n1
    y12 = Y[2, j1] / n1
    y13 = Y[3, j1] / n1
    best = -1.0
    j2 = 0
    for j in range(4):
        if j == j1:
            continue
        dt = Y[0, j] * y10 + Y[1, j] * y11 + Y[2, j] * y12 + Y[3, j] * y13
        t = 0.0
        for r in range(4):
            e = Y[r, j] - dt * (y10 if r == 0 else y11 if r == 1 else y12 if r == 2 else y13)
            t += e * e
        if t > best:
            best = t
            j2 = j
    y20 = Y[0, j2]
    y21 = Y[1, j2]
    y22 = Y[2, j2]
    y23 = Y[3, j2]
    for _it in range(3):
        # (re-)orthonormalise y2 against y1 (Gram-Schmidt, twice is enough)
        for _g in range(2):
            dt = y20 * y10 + y21 * y11 + y22 * y12 + y23 * y13
            y20 -= dt * y10
            y21 -= dt * y11
            y22 -= dt * y12
            y23 -= dt * y13
        n2 = math.sqrt(y20 * y20 + y21 * y21 + y22 * y22 + y23 * y23)
        y20 /= n2
        y21 /= n2
        y22 /= n2
        y23 /= n2
        if _it == 2:
            break
        # y ← B y
        a0 = (K[0, 0] * y10 + K[0, 1] * y11 + K[0, 2] * y12 + K[0, 3] * y13) * inv + 0.5 * y10
        a1 = (K[1, 0] * y10 + K[1, 1] * y11 + K[1, 2] * y12 + K[1, 3] * y13) * inv + 0.5 * y11
        a2 = (K[2, 0] * y10 + K[2, 1] * y11 + K[2, 2] * y12 + K[2, 3] * y13) * inv + 0.5 * y12
        a3 = (K[3, 0] * y10 + K[3, 1] * y11 + K[3, 2] * y12 + K[3, 3] * y13) * inv + 0.5 * y13
        n1 = math.sqrt(a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3)
        y10 = a0 / n1
        y11 = a1 / n1
        y12 = a2 / n1
        y13 = a3 / n1
        a0 = (K[0, 0] * y20 + K[0, 1] * y21 + K[0, 2] * y22 + K[0, 3] * y23) * inv + 0.5 * y20
        a1 = (K[1, 0] * y20 + K[1, 1] * y21 + K[1, 2] * y22 + K[1, 3] * y23) * inv + 0.5 * y21
        a2 = (K[2, 0] * y20 + K[2, 1] * y21 + K[2, 2] * y22 + K[2, 3] * y23) * inv + 0.5 * y22
        a3 = (K[3, 0] * y20 + K[3, 1] * y21 + K[3, 2] * y22 + K[3, 3] * y23) * inv + 0.5 * y23
        y20 = a0
        y21 = a1
        y22 = a2
        y23 = a3
    # Rayleigh quotient G = [y1 y2]ᵀ K [y1 y2] and its rotation (larger eigenvalue first)
    k0 = K[0, 0] * y20 + K[0, 1] * y21 + K[0, 2] * y22 + K[0, 3] * y23
    k1 = K[1, 0] * y20 + K[1, 1] * y21 + K[1, 2] * y22 + K[1, 3] * y23
    k2 = K[2, 0] * y20 + K[2, 1] * y21 + K[2, 2] * y22 + K[2, 3] * y23
    k3 = K[3, 0] * y20 + K[3, 1] * y21 + K[3, 2] * y22 + K[3, 3] * y23
    g22 = y20 * k0 + y21 * k1 + y22 * k2 + y23 * k3
    g12 = y10 * k0 + y11 * k1 + y12 * k2 + y13 * k3
    k0 = K[0, 0] * y10 + K[0, 1] * y11 + K[0, 2] * y12 + K[0, 3] * y13
    k1 = K[1, 0] * y10 + K[1, 1] * y11 + K[1, 2] * y12 + K[1, 3] * y13
    k2 = K[2, 0] * y10 + K[2, 1] * y11 + K[2, 2] * y12 + K[2, 3] * y13
    k3 = K[3, 0] * y10 + K[3, 1] * y11 + K[3, 2] * y12 + K[3, 3] * y13
    g11 = y10 * k0 + y11 * k1 + y12 * k2 + y13 * k3
    th = 0.5 * math.atan2(2.0 * g12, g11 - g22)
    c = math.cos(th)
    sn = math.sin(th)
    Y[0, 3] = c * y10 + sn * y20
    Y[1, 3] = c * y11 + sn * y21
    Y[2, 3] = c * y12 + sn * y22
    Y[3, 3] = c * y13 + sn * y23
    Y[0, 2] = c * y20 - sn * y10
    Y[1, 2] = c * y21 - sn * y11
    Y[2, 2] = c * y22 - sn * y12
    Y[3, 2] = c * y23 - sn * y13


@_jit()
def _takagi_from_svd(Ar, Ai, s, Vr, Vi, Wr, Wi, Nr, Ni, nzero, rtol, Zr, Zi, K, Y, w, m, Ub):
    """Takagi vectors from the accurate SVD (see `takagi`'s module notes).

    s: singular values descending; V, W: left/right singular vectors as rows (V[j] = column j);
    N: null vectors as rows; writes m (ascending) and Ub (n × 2n: U[r, c] = Ub[r, 2c] + i Ub[r, 2c+1],
    U = conj(Z))."""
    n = s.shape[0]
    for i in range(n - nzero, n):
        s[i] = 0.0
    i = 0
    while i < n:
        j = i + 1
        if s[i] == 0.0:
            j = n
        else:
            while j < n and s[j] > 0.0 and s[j - 1] - s[j] <= rtol * s[i]:
                j += 1
        k = j - i
        if s[i] == 0.0:
            # exact null vectors (see _null_vectors); any phase will do
            for c in range(i, j):
                for r in range(n):
                    Zr[c, r] = Nr[c - i, r]
                    Zi[c, r] = Ni[c - i, r]
        elif k == 1:
            # p = wᵀ v, z = v e^{−i arg(p)/2}
            pr = 0.0
            pi = 0.0
            for r in range(n):
                pr += Wr[i, r] * Vr[i, r] - Wi[i, r] * Vi[i, r]
                pi += Wr[i, r] * Vi[i, r] + Wi[i, r] * Vr[i, r]
            h = 0.5 * math.atan2(pi, pr)
            ch = math.cos(h)
            sh = math.sin(h)
            for r in range(n):
                Zr[i, r] = Vr[i, r] * ch + Vi[i, r] * sh
                Zi[i, r] = Vi[i, r] * ch - Vr[i, r] * sh
        else:
            # T = Σ_c conj(P), P = W_cᵀ V_c; symmetrised; real embedding K (2k × 2k)
            for a in range(k):
                for b in range(k):
                    pr = 0.0
                    pi = 0.0
                    for r in range(n):
                        pr += Wr[i + a, r] * Vr[i + b, r] - Wi[i + a, r] * Vi[i + b, r]
                        pi += Wr[i + a, r] * Vi[i + b, r] + Wi[i + a, r] * Vr[i + b, r]
                    # T[a, b] = s_a conj(p); stored temporarily in Y
                    Y[a, b] = s[i + a] * pr
                    Y[k + a, b] = -(s[i + a] * pi)
            for a in range(k):
                for b in range(k):
                    tr = 0.5 * (Y[a, b] + Y[b, a])
                    ti = 0.5 * (Y[k + a, b] + Y[k + b, a])
                    K[a, b] = tr
                    K[a, k + b] = ti
                    K[k + a, b] = ti
                    K[k + a, k + b] = -tr
            Ks = K[:2 * k, :2 * k]
            Ys = Y[:2 * k, :2 * k]
            if k == 2:
                _plus_space_pair(Ks, Ys, 0.5 * (s[i] + s[i + 1]))
            else:
                _sym_eig(Ks, Ys, w)
            # X[:, c] from the k largest eigenvalues (descending): x = u + i v
            # (stored as rows of K[0:k] (real) and K[k:2k] (imag) — K is free now)
            for c in range(k):
                col = 2 * k - 1 - c
                for a in range(k):
                    K[c, a] = Ys[a, col]
                    K[k + c, a] = Ys[k + a, col]
            # modified Gram-Schmidt on the k vectors (rows c of K / K[k + c])
            for c in range(k):
                for c2 in range(c):
                    dr = 0.0
                    di = 0.0
                    for a in range(k):
                        dr += K[c2, a] * K[c, a] + K[k + c2, a] * K[k + c, a]
                        di += K[c2, a] * K[k + c, a] - K[k + c2, a] * K[c, a]
                    for a in range(k):
                        K[c, a] -= dr * K[c2, a] - di * K[k + c2, a]
                        K[k + c, a] -= dr * K[k + c2, a] + di * K[c2, a]
                nn = 0.0
                for a in range(k):
                    nn += K[c, a] * K[c, a] + K[k + c, a] * K[k + c, a]
                nn = math.sqrt(nn)
                for a in range(k):
                    K[c, a] = K[c, a] / nn
                    K[k + c, a] = K[k + c, a] / nn
            for c in range(k):
                for r in range(n):
                    zr = 0.0
                    zi = 0.0
                    for a in range(k):
                        xr = K[c, a]
                        xi = K[k + c, a]
                        zr += Vr[i + a, r] * xr - Vi[i + a, r] * xi
                        zi += Vr[i + a, r] * xi + Vi[i + a, r] * xr
                    Zr[i + c, r] = zr
                    Zi[i + c, r] = zi
        i = j
    for c in range(n):
        m[c] = s[n - 1 - c]
        for r in range(n):
            Ub[r, 2 * c] = Zr[n - 1 - c, r]
            Ub[r, 2 * c + 1] = -Zi[n - 1 - c, r]
    # Polish of the heavier states (σ ≥ 1e-4 σ_max). Left and right singular vectors of a
    # state whose neighbour is close (relative gap δ, e.g. a pseudo-Dirac pair split by
    # 1e-5) are each rotated by ~ε/δ, which leaves Uᵀ A U with off-diagonal and imaginary
    # parts of ~ε/δ · σ. For these states H = U_hᵀ A U_h is computed in double with
    # relative error ≲ n ε σ_max/σ ≲ 1e-12, so the Takagi factorisation of the small,
    # nearly diagonal H (real embedding, Jacobi eigensolver) removes the residual.
    # Light states are untouched (their accuracy comes from the graded SVD above).
    smax = m[n - 1]
    h0 = n
    for c in range(n):
        if m[c] >= 1e-4 * smax and m[c] > 0.0:
            h0 = c
            break
    k = n - h0
    if k < 1:
        return
    # the residual is ~ε/δ σ for a relative gap δ to the nearest state outside the state's
    # cluster (clusters are exact, from T above): nothing to polish when every such gap
    # among the heavy states is ≥ 5% (ε/δ ≤ 20ε < 8nε, the threshold below)
    gmin = 1.0
    for c in range(h0, n - 1):
        a = m[c]
        b = m[c + 1]
        if b - a > rtol * b:  # a gap between two clusters
            g = (b - a) / b
            if g < gmin:
                gmin = g
    if gmin >= 0.05:
        return
    # AU = A U_h (n × k), kept in Zr/Zi rows c (Z is free now): Zr[c, r] = AU[r, c]
    for r in range(n):
        for c in range(k):
            tr = 0.0
            ti = 0.0
            for q in range(n):
                ur = Ub[q, 2 * (h0 + c)]
                ui = Ub[q, 2 * (h0 + c) + 1]
                tr += Ar[r, q] * ur - Ai[r, q] * ui
                ti += Ar[r, q] * ui + Ai[r, q] * ur
            Zr[c, r] = tr
            Zi[c, r] = ti
    for a in range(k):
        for b in range(a, k):
            tr = 0.0
            ti = 0.0
            for r in range(n):
                ur = Ub[r, 2 * (h0 + a)]
                ui = Ub[r, 2 * (h0 + a) + 1]
                tr += ur * Zr[b, r] - ui * Zi[b, r]
                ti += ur * Zi[b, r] + ui * Zr[b, r]
            t2r = 0.0
            t2i = 0.0
            for r in range(n):
                ur = Ub[r, 2 * (h0 + b)]
                ui = Ub[r, 2 * (h0 + b) + 1]
                t2r += ur * Zr[a, r] - ui * Zi[a, r]
                t2i += ur * Zi[a, r] + ui * Zr[a, r]
            tr = 0.5 * (tr + t2r)
            ti = 0.5 * (ti + t2i)
            K[a, b] = tr
            K[b, a] = tr
            K[a, k + b] = ti
            K[b, k + a] = ti
            K[k + a, b] = ti
            K[k + b, a] = ti
            K[k + a, k + b] = -tr
            K[k + b, k + a] = -tr
    # skip the eigensolver when H is already diagonal and real to rounding level
    resid = 0.0
    for a in range(k):
        if abs(K[a, k + a]) > resid:
            resid = abs(K[a, k + a])
        for b in range(a + 1, k):
            r2 = abs(K[a, b]) + abs(K[a, k + b])
            if r2 > resid:
                resid = r2
    if resid <= 8.0 * n * 2.220446049250313e-16 * smax:
        return
    Ks = K[:2 * k, :2 * k]
    Ys = Y[:2 * k, :2 * k]
    _sym_eig(Ks, Ys, w)
    # the k positive eigenvalues, ascending = columns k..2k−1; Takagi vectors x = u + i v of
    # H conj(x) = σ x, i.e. the rotation acts as U_h ← U_h conj(X)
    for r in range(n):
        for c in range(k):
            tr = 0.0
            ti = 0.0
            for a in range(k):
                xr = Ys[a, k + c]
                xi = -Ys[k + a, k + c]
                ur = Ub[r, 2 * (h0 + a)]
                ui = Ub[r, 2 * (h0 + a) + 1]
                tr += ur * xr - ui * xi
                ti += ur * xi + ui * xr
            Zr[c, r] = tr
            Zi[c, r] = ti
    for r in range(n):
        for c in range(k):
            Ub[r, 2 * (h0 + c)] = Zr[c, r]
            Ub[r, 2 * (h0 + c) + 1] = Zi[c, r]


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
