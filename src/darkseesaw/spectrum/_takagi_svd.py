"""Kernels of `darkseesaw.spectrum.takagi`, part 1: the accurate SVD of a complex matrix.

Householder QR with complete (Powell-Reid) pivoting, one-sided (Hestenes) Jacobi on Rᴴ, the
singular values and the accumulated left vectors ``Q J``; and the exact null vectors of a
structurally singular matrix from its pivoted R. Called by `_takagi_batch.takagi_batch`, whose
module notes say how these kernels are run (compiled by numba or as plain Python, from the same
source, with bit-identical results) and how they store complex numbers.

No import of the other kernel modules here (see `_takagi_batch`): this file is compiled and
cached on its own.
"""

import math

if globals().get("_PURE_PYTHON", False):
    def _jit(sig=None):
        return lambda f: f
else:
    import numba

    def _jit(sig=None):
        if sig is None:
            return numba.njit(cache=True, nogil=True, error_model="numpy")
        return numba.njit(sig, cache=True, nogil=True, error_model="numpy")


_MAX_SWEEPS = 60  # Jacobi sweeps at most


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
