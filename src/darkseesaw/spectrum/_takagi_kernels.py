"""numba kernels of `darkseesaw.spectrum.takagi` (module level, so that numba's on-disk cache
works; imported lazily by `takagi`). See `takagi`'s module notes for the algorithm."""

import numba  # noqa: E402
import numpy as np


@numba.njit(cache=True, fastmath=False)
def svd_one(A0, sig, W, V, want_vectors, Rout, cpout):
    """Accurate SVD of one complex n×n matrix: A0 = V diag(sig) Wᴴ, sig descending."""
    n = A0.shape[0]
    # 1.-2. Householder QR with column pivoting and row pivoting at every step
    # (Powell-Reid complete pivoting; pre-sorting the rows is not enough for the graded
    # matrices of seesaw models, row pivoting gives ~ε relative accuracy of R's diagonal).
    # Reflector k is stored in H[:, k]; the row swap made before it in rsw[k].
    A = A0.copy()
    cp = np.arange(n)
    rsw = np.arange(n)
    H = np.zeros((n, n), dtype=np.complex128)
    for k in range(n):
        # column pivot: largest remaining norm (recomputed, no downdating)
        best = -1.0
        jb = k
        for j in range(k, n):
            s = 0.0
            for i in range(k, n):
                s += A[i, j].real ** 2 + A[i, j].imag ** 2
            if s > best:
                best = s
                jb = j
        if jb != k:
            for i in range(n):
                t = A[i, k]
                A[i, k] = A[i, jb]
                A[i, jb] = t
            t2 = cp[k]
            cp[k] = cp[jb]
            cp[jb] = t2
        # row pivot: largest |entry| of the pivot column
        ib = k
        amx = -1.0
        for i in range(k, n):
            a = abs(A[i, k])
            if a > amx:
                amx = a
                ib = i
        rsw[k] = ib
        if ib != k:
            for j in range(n):
                t = A[k, j]
                A[k, j] = A[ib, j]
                A[ib, j] = t
        # scaled norm of x = A[k:, k] (avoid under/overflow for extreme scales)
        amax = 0.0
        for i in range(k, n):
            a = abs(A[i, k])
            if a > amax:
                amax = a
        if amax == 0.0:
            continue
        s = 0.0
        for i in range(k, n):
            s += abs(A[i, k] / amax) ** 2
        xnorm = amax * np.sqrt(s)
        x0 = A[k, k]
        if x0 == 0:
            ph = 1.0 + 0.0j
        else:
            ph = x0 / abs(x0)
        alpha = -ph * xnorm
        # v = x - alpha e1 ; |v0| = |x0| + xnorm (no cancellation)
        for i in range(k, n):
            H[i, k] = A[i, k]
        H[k, k] = x0 - alpha
        vs = 0.0
        vmax = 0.0
        for i in range(k, n):
            a = abs(H[i, k])
            if a > vmax:
                vmax = a
        for i in range(k, n):
            vs += abs(H[i, k] / vmax) ** 2
        vn = vmax * np.sqrt(vs)
        for i in range(k, n):
            H[i, k] = H[i, k] / vn
        # apply I - 2 v vᴴ to A[k:, k+1:]
        for j in range(k + 1, n):
            d = 0.0 + 0.0j
            for i in range(k, n):
                d += np.conj(H[i, k]) * A[i, j]
            for i in range(k, n):
                A[i, j] -= 2.0 * H[i, k] * d
        A[k, k] = alpha
        for i in range(k + 1, n):
            A[i, k] = 0.0
    for i in range(n):
        cpout[i] = cp[i]
        for j in range(n):
            Rout[i, j] = A[i, j]
    # 3. one-sided Jacobi on X = Rᴴ: X J = Y, columns of Y mutually orthogonal
    X = np.zeros((n, n), dtype=np.complex128)
    for i in range(n):
        for j in range(i, n):
            X[j, i] = np.conj(A[i, j])
    J = np.eye(n, dtype=np.complex128)
    nrm = np.empty(n)
    tol = 1e-15
    for _sweep in range(60):
        rotated = False
        for p in range(n - 1):
            for q in range(p + 1, n):
                # matrices are pre-scaled to max|entry| = 1, so squares of column
                # entries stay far from underflow for hierarchies down to ~1e-150
                al = 0.0
                be = 0.0
                ga = 0.0 + 0.0j
                for i in range(n):
                    xp = X[i, p]
                    xq = X[i, q]
                    al += xp.real * xp.real + xp.imag * xp.imag
                    be += xq.real * xq.real + xq.imag * xq.imag
                    ga += np.conj(xp) * xq
                if al == 0.0 or be == 0.0:
                    continue
                ag = abs(ga)
                if ag <= tol * np.sqrt(al * be):
                    continue
                rotated = True
                # unscaled quantities: α = sp² al, β = sq² be, γ = sp sq ga
                e = ga / ag
                zeta = (be - al) / (2.0 * ag)
                if zeta >= 0:
                    t = 1.0 / (zeta + np.sqrt(1.0 + zeta * zeta))
                else:
                    t = -1.0 / (-zeta + np.sqrt(1.0 + zeta * zeta))
                c = 1.0 / np.sqrt(1.0 + t * t)
                s = c * t
                se = s * e
                sec = s * np.conj(e)
                for i in range(n):
                    xp = X[i, p]
                    xq = X[i, q]
                    X[i, p] = c * xp - sec * xq
                    X[i, q] = se * xp + c * xq
                    if want_vectors:
                        jp = J[i, p]
                        jq = J[i, q]
                        J[i, p] = c * jp - sec * jq
                        J[i, q] = se * jp + c * jq
        if not rotated:
            break
    for j in range(n):
        amax = 0.0
        for i in range(n):
            a = abs(X[i, j])
            if a > amax:
                amax = a
        if amax == 0.0:
            nrm[j] = 0.0
            continue
        s = 0.0
        for i in range(n):
            s += abs(X[i, j] / amax) ** 2
        nrm[j] = amax * np.sqrt(s)
    order = np.argsort(-nrm)
    if not want_vectors:
        for jj in range(n):
            sig[jj] = nrm[order[jj]]
        return
    # R = J Σ Ŷᴴ with Ŷ = X/σ  =>  A_perm = (Q J) Σ Ŷᴴ
    # Q J: apply the reflectors in reverse order to J
    QJ = J.copy()
    for k in range(n - 1, -1, -1):
        for j in range(n):
            d = 0.0 + 0.0j
            for i in range(k, n):
                d += np.conj(H[i, k]) * QJ[i, j]
            for i in range(k, n):
                QJ[i, j] -= 2.0 * H[i, k] * d
        ib = rsw[k]
        if ib != k:
            for j in range(n):
                t = QJ[k, j]
                QJ[k, j] = QJ[ib, j]
                QJ[ib, j] = t
    for jj in range(n):
        j = order[jj]
        sig[jj] = nrm[j]
        for i in range(n):
            # QJ already carries the row swaps; undo the column permutation for W
            V[i, jj] = QJ[i, j]
            if nrm[j] > 0:
                W[cp[i], jj] = X[i, j] / nrm[j]
            else:
                W[cp[i], jj] = 0.0
    # columns of W for exactly zero σ: complete to an orthonormal basis
    for jj in range(n):
        if sig[jj] > 0:
            continue
        for trial in range(n):
            w = np.zeros(n, dtype=np.complex128)
            w[trial] = 1.0
            for kk in range(n):
                if kk == jj or (sig[kk] == 0 and kk > jj):
                    continue
                d = 0.0 + 0.0j
                for i in range(n):
                    d += np.conj(W[i, kk]) * w[i]
                for i in range(n):
                    w[i] -= d * W[i, kk]
            s = 0.0
            for i in range(n):
                s += abs(w[i]) ** 2
            if s > 0.25:
                s = np.sqrt(s)
                for i in range(n):
                    W[i, jj] = w[i] / s
                break

@numba.njit(cache=True)
def takagi_from_svd(A, sig, W, V, N0, nzero, rtol, m, U):
    """Takagi vectors from the accurate SVD (see module notes); m ascending, U = conj(Z)."""
    n = sig.shape[0]
    s = sig.copy()
    for i in range(n - nzero, n):
        s[i] = 0.0
    Z = np.empty((n, n), dtype=np.complex128)
    i = 0
    while i < n:
        j = i + 1
        if s[i] == 0.0:
            j = n
        else:
            while j < n and s[j] > 0 and s[j - 1] - s[j] <= rtol * s[i]:
                j += 1
        k = j - i
        if s[i] == 0.0:
            # exact null vectors from the pivoted R (see null_vectors); any phase will do
            for c in range(i, j):
                for r in range(n):
                    Z[r, c] = N0[r, c - i]
        elif k == 1:
            p = 0.0 + 0.0j
            for r in range(n):
                p += W[r, i] * V[r, i]
            ph = np.exp(-0.5j * np.angle(p))
            for r in range(n):
                Z[r, i] = V[r, i] * ph
        else:
            # T = Σ_c conj(P), P = W_cᵀ V_c; symmetrised
            T = np.empty((k, k), dtype=np.complex128)
            for a in range(k):
                for b in range(k):
                    p = 0.0 + 0.0j
                    for r in range(n):
                        p += W[r, i + a] * V[r, i + b]
                    T[a, b] = s[i + a] * np.conj(p)
            K = np.empty((2 * k, 2 * k))
            for a in range(k):
                for b in range(k):
                    t = 0.5 * (T[a, b] + T[b, a])
                    K[a, b] = t.real
                    K[a, k + b] = t.imag
                    K[k + a, b] = t.imag
                    K[k + a, k + b] = -t.real
            w, Y = np.linalg.eigh(K)
            X = np.empty((k, k), dtype=np.complex128)
            for c in range(k):
                col = 2 * k - 1 - c  # eigenvalues ascending: the k largest, descending
                for a in range(k):
                    X[a, c] = Y[a, col] + 1j * Y[k + a, col]
            # modified Gram-Schmidt (keeps X unitary if a ± pair were mixed)
            for c in range(k):
                for c2 in range(c):
                    d = 0.0 + 0.0j
                    for a in range(k):
                        d += np.conj(X[a, c2]) * X[a, c]
                    for a in range(k):
                        X[a, c] -= d * X[a, c2]
                nn = 0.0
                for a in range(k):
                    nn += abs(X[a, c]) ** 2
                nn = np.sqrt(nn)
                for a in range(k):
                    X[a, c] /= nn
            for c in range(k):
                for r in range(n):
                    z = 0.0 + 0.0j
                    for a in range(k):
                        z += V[r, i + a] * X[a, c]
                    Z[r, i + c] = z
        i = j
    for c in range(n):
        m[c] = s[n - 1 - c]
        for r in range(n):
            U[r, c] = np.conj(Z[r, n - 1 - c])
    # Polish of the heavier states (σ ≥ 1e-4 σ_max). Left and right singular vectors of a
    # state whose neighbour is close (relative gap δ, e.g. a pseudo-Dirac pair split by
    # 1e-5) are each rotated by ~ε/δ, which leaves Uᵀ A U with off-diagonal and imaginary
    # parts of ~ε/δ · σ. For these states H = U_hᵀ A U_h is computed in double with
    # relative error ≲ n ε σ_max/σ ≲ 1e-12, so the Takagi factorisation of the small,
    # nearly diagonal H (real embedding + eigh, backward stable) removes the residual.
    # Light states are untouched (their accuracy comes from the graded SVD above).
    smax = m[n - 1]
    h0 = n
    for c in range(n):
        if m[c] >= 1e-4 * smax and m[c] > 0.0:
            h0 = c
            break
    k = n - h0
    if k >= 1:
        AU = np.zeros((n, k), dtype=np.complex128)
        for r in range(n):
            for c in range(k):
                t = 0.0 + 0.0j
                for q in range(n):
                    t += A[r, q] * U[q, h0 + c]
                AU[r, c] = t
        K = np.empty((2 * k, 2 * k))
        for a in range(k):
            for b in range(a, k):
                t = 0.0 + 0.0j
                for r in range(n):
                    t += U[r, h0 + a] * AU[r, b]
                t2 = 0.0 + 0.0j
                for r in range(n):
                    t2 += U[r, h0 + b] * AU[r, a]
                t = 0.5 * (t + t2)
                K[a, b] = t.real
                K[b, a] = t.real
                K[a, k + b] = t.imag
                K[b, k + a] = t.imag
                K[k + a, b] = t.imag
                K[k + b, a] = t.imag
                K[k + a, k + b] = -t.real
                K[k + b, k + a] = -t.real
        # skip the eigensolver when H is already diagonal and real to rounding level
        resid = 0.0
        for a in range(k):
            if abs(K[a, k + a]) > resid:
                resid = abs(K[a, k + a])
            for b in range(a + 1, k):
                r2 = abs(K[a, b]) + abs(K[a, k + b])
                if r2 > resid:
                    resid = r2
        if resid <= 8.0 * n * 2.2e-16 * smax:
            return
        w, Y = np.linalg.eigh(K)
        # the k positive eigenvalues, ascending = columns k..2k-1; Takagi vectors x = u + i v
        # of H conj(x) = σ x, i.e. the rotation acts as U_h ← U_h conj(X)
        X = np.empty((k, k), dtype=np.complex128)
        for c in range(k):
            for a in range(k):
                X[a, c] = Y[a, k + c] - 1j * Y[k + a, k + c]
        Uh = np.empty((n, k), dtype=np.complex128)
        for r in range(n):
            for c in range(k):
                t = 0.0 + 0.0j
                for a in range(k):
                    t += U[r, h0 + a] * X[a, c]
                Uh[r, c] = t
        for r in range(n):
            for c in range(k):
                U[r, h0 + c] = Uh[r, c]

@numba.njit(cache=True)
def null_vectors(R, cp, k, N0):
    """Orthonormal basis of the k-dimensional null space of a structurally singular matrix.

    With complete pivoting the k dependent columns come last: solving
    R[:r, :r] x = −R[:r, r + j] (r = n − k) by back substitution gives null vectors
    (x; e_j) whose small components are as accurate as the graded R (an SVD vector of
    the exact zero would carry noise of order ε in every component instead)."""
    n = R.shape[0]
    r = n - k
    for j in range(k):
        z = np.zeros(n, dtype=np.complex128)
        z[r + j] = 1.0
        for i in range(r - 1, -1, -1):
            t = -R[i, r + j]
            for q in range(i + 1, r):
                t -= R[i, q] * z[q]
            z[i] = t / R[i, i] if R[i, i] != 0 else 0.0
        for i in range(n):
            N0[cp[i], j] = z[i]
    for j in range(k):
        for j2 in range(j):
            d = 0.0 + 0.0j
            for i in range(n):
                d += np.conj(N0[i, j2]) * N0[i, j]
            for i in range(n):
                N0[i, j] -= d * N0[i, j2]
        nn = 0.0
        for i in range(n):
            nn += abs(N0[i, j]) ** 2
        nn = np.sqrt(nn)
        for i in range(n):
            N0[i, j] /= nn

@numba.njit(cache=True)
def svd_batch(M, nzero, rtol, m, U):
    n = M.shape[1]
    sig = np.empty(n)
    W = np.empty((n, n), dtype=np.complex128)
    V = np.empty((n, n), dtype=np.complex128)
    R = np.empty((n, n), dtype=np.complex128)
    cp = np.empty(n, dtype=np.int64)
    N0 = np.zeros((n, n), dtype=np.complex128)
    for b in range(M.shape[0]):
        svd_one(M[b], sig, W, V, True, R, cp)
        if nzero[b] > 0:
            k = nzero[b]
            null_vectors(R, cp, k, N0)
            # guard: the back-substituted vectors must be orthogonal to every non-null
            # singular vector (if a genuine light column was pivoted last instead of the
            # dependent one they are not); otherwise keep the SVD's null vectors
            worst = 0.0
            for c in range(n - k):
                for j in range(k):
                    d = 0.0 + 0.0j
                    for i in range(n):
                        d += np.conj(V[i, c]) * N0[i, j]
                    if abs(d) > worst:
                        worst = abs(d)
            if not worst < 1e-13:
                for j in range(k):
                    for i in range(n):
                        N0[i, j] = V[i, n - k + j]
        takagi_from_svd(M[b], sig, W, V, N0, nzero[b], rtol, m[b], U[b])

@numba.njit(cache=True)
def svd_values_batch(M, sig_out):
    n = M.shape[1]
    W = np.empty((n, n), dtype=np.complex128)
    V = np.empty((n, n), dtype=np.complex128)
    R = np.empty((n, n), dtype=np.complex128)
    cp = np.empty(n, dtype=np.int64)
    for b in range(M.shape[0]):
        svd_one(M[b], sig_out[b], W, V, False, R, cp)

