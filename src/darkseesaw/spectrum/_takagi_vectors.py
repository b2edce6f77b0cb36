"""Kernels of `darkseesaw.spectrum.takagi`, part 2: Takagi vectors from the accurate SVD.

`_takagi_from_svd` turns the singular values and vectors of a complex symmetric matrix into
its Takagi factorisation (a phase per simple singular value, the Takagi matrix of a small
symmetric block per cluster, exact null vectors for exact zeros) and polishes the heavier
states; `_sym_eig` (cyclic Jacobi) and `_plus_space_pair` (the usual two-state cluster)
diagonalise the real embeddings it builds. Called by `_takagi_batch.takagi_batch`, whose
module notes say how these kernels are run (compiled by numba or as plain Python, from the same
source, with bit-identical results).

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


_MAX_SWEEPS = 60  # cyclic Jacobi sweeps of `_sym_eig` (the same limit as the SVD's Jacobi)


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
            # exact null vectors (see _null_vectors) for the nzero counted zeros; a singular
            # value that came out exactly 0 beyond them (an exactly singular matrix whose
            # pattern does not show it, uncertified) takes its left singular vector, also a
            # null vector of A^H = conj(A); any phase will do
            for c in range(i, j):
                if c >= n - nzero:
                    for r in range(n):
                        Zr[c, r] = Nr[c - (n - nzero), r]
                        Zi[c, r] = Ni[c - (n - nzero), r]
                else:
                    for r in range(n):
                        Zr[c, r] = Vr[c, r]
                        Zi[c, r] = Vi[c, r]
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
