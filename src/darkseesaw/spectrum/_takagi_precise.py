"""Arbitrary-precision fallback of `darkseesaw.spectrum.takagi`: certified masses in ball
arithmetic (python-flint), within a time budget; and the exact rank of a matrix.

Method
------
The Takagi values σ of a complex symmetric ``A = A_r + i A_i`` are the positive eigenvalues of
the real symmetric embedding ``K = [[A_r, A_i], [A_i, −A_r]]`` (2n × 2n, eigenvalues ±σ); an
eigenvector ``(u; v)`` of +σ gives the Takagi vector ``z = u + i v`` (``A conj(z) = σ z``) and
``U = conj(Z)`` (the same embedding as the mpmath reference, `reference.py`).

1. Start from the double-precision result of the kernels: ``X = [[Re Z, −Im Z], [Im Z, Re Z]]``
   (the columns for +σ and for −σ).
2. Refine X at p bits with the Ogita–Aishima iteration (T. Ogita, K. Aishima, Japan J. Indust.
   Appl. Math. 35 (2018) 1007), which uses only matrix products (fast in flint's arb_mat) and
   converges quadratically; if it does not converge (a start too far from the eigenvectors),
   restart from flint's ``acb_mat.eig(algorithm="approx")`` at p bits (≈10× slower).
3. Certify, rigorously, from ``G = Xᵀ K X`` and ``F = Xᵀ X − I`` computed in ball arithmetic:
   by Weyl's theorem the i-th largest eigenvalue of G is within ``e = ‖G − diag(G)‖_F`` of the
   i-th largest diagonal entry, and by Ostrowski's theorem (``G`` is congruent to ``K``)
   ``λ_i(K) = λ_i(G)/θ_i`` with ``θ_i ∈ [1 − f, 1 + f]``, ``f = ‖F‖_F``. So every σ is known to
   relative accuracy ``(e/σ + f)/(1 − f)``, accepted below 1e-12. Otherwise p grows.

Exact zeros (``nzero``: structural, or from the exact rank of the given entries) are returned
as 0; the certificate covers the other masses (the i-th largest eigenvalue of K for i < n −
nzero). The vectors come from the refined X (not certified; accurate to ~2^-p / gap).

Time: each step's cost is predicted from n and p before it starts (constants measured on a
2-core machine, see benchmarks/bench_takagi_fallback.py), and the step is not started if the
budget would be exceeded: `PrecisionBudgetExceeded`.
"""

from __future__ import annotations

import math
import time

import numpy as np

from darkseesaw.errors import PrecisionBudgetExceeded

_RTOL = 1e-12          # certified relative accuracy of each non-zero mass
_MAX_ITER = 8          # Ogita-Aishima iterations per precision (×8 in all)
_MAX_BITS = 20000
# cost model [s] (2-core machine, python-flint 0.9): one refinement iteration at size N = 2n
# and p bits ≈ _C_ITER · N² · (0.85 + p/850); flint's eig ≈ _C_EIG · N³ · (p/128)
_C_ITER = 1.5e-5
_C_EIG = 2.5e-6
_SAFETY = 1.5          # a step starts only if 1.5 × its predicted time fits in the budget


def _scaled(A):
    """A scaled by a power of two (exact) to max(|Re|, |Im|) in [0.5, 1), and the exponent."""
    amax = float(np.max(np.abs(A.view(np.float64)))) if A.size else 0.0
    e = math.frexp(amax)[1] if amax > 0 else 0
    return np.ldexp(A.real, -e) + 1j * np.ldexp(A.imag, -e), e


def _embedding_list(A):
    Ar, Ai = A.real, A.imag
    top = np.hstack([Ar, Ai])
    bot = np.hstack([Ai, -Ar])
    return np.vstack([top, bot])


def exact_rank(A) -> int:
    """Rank of the complex n×n matrix ``A`` with its exact (double-precision) entries.

    Exact integer arithmetic (flint's fmpz_mat) on the real embedding K (rank K = 2 rank A):
    every entry is an integer mantissa times a power of two, and each row is divided by its
    smallest power of two (which does not change the rank), so the integers stay small.
    """
    from flint import fmpz_mat

    A = np.asarray(A, dtype=np.complex128)
    n = A.shape[0]
    K = _embedding_list(A)
    f, e = np.frexp(K)
    mant = np.ldexp(f, 53).astype(np.int64)  # exact: |f| in [0.5, 1)
    nzm = mant != 0
    if not nzm.any():
        return 0
    big = np.iinfo(np.int64).max
    emin = np.where(nzm, e, big).min(axis=1, keepdims=True)
    emin = np.where(emin == big, 0, emin)
    shift = np.where(nzm, e - emin, 0).ravel().tolist()
    ints = [mv << sh if mv else 0 for mv, sh in zip(mant.ravel().tolist(), shift, strict=True)]
    return fmpz_mat(2 * n, 2 * n, ints).rank() // 2


def _predict_iter(N, p):
    return _C_ITER * N * N * (0.85 + p / 850.0)


def _predict_eig(N, p):
    return _C_EIG * N**3 * (p / 128.0)


_LAST_RESIDUAL = [np.inf]


def _frob2_upper(E):
    """Upper bound of ‖E‖_F² (E an arb_mat) via the trace of E Eᵀ (one product)."""
    T = E * E.transpose()
    s = T.trace()
    return float(s.abs_upper())


def _step(Kf, X, N, n, nzero, rtol, knorm, rotate_clusters=False):
    """Certificate for X and, if it fails, one Ogita-Aishima refinement step.

    S = Xᵀ K X and R = Xᵀ X − I in ball arithmetic; Weyl + Ostrowski bounds (module notes).
    Returns (ok, order, lam, worst, X_new): the columns ordered by decreasing diag(S), the
    diagonal midpoints (floats), the certified relative error of the non-zero top-n values
    (inf if none), and the refined X (midpoints; None when ok)."""
    from flint import arb, arb_mat

    Xt = X.transpose()
    S = Xt * (Kf * X)
    R = Xt * X
    for i in range(N):
        R[i, i] = R[i, i] - 1
    Sm = S.mid()
    s = Sm.entries()
    lam = [s[i * N + i] for i in range(N)]
    D = arb_mat(N, N)
    for i in range(N):
        D[i, i] = lam[i]
    e2 = _frob2_upper(S - D)
    f2 = _frob2_upper(R)
    e = math.sqrt(e2)
    f = math.sqrt(f2)
    _LAST_RESIDUAL[0] = e + knorm * f
    lamf = np.array([float(x) for x in lam])
    order = np.argsort(-lamf, kind="stable")
    worst = np.inf
    if f < 0.5:
        worst = 0.0
        for i in range(n - nzero):
            L = lamf[order[i]]
            if not L > e:
                worst = np.inf
                break
            worst = max(worst, (e / L + f) / (1.0 - f))
    if worst <= rtol:
        return True, order, lamf, worst, None
    # Ogita-Aishima: with R = XᵀX − I (the paper's −R), λ_i = s_ii / (1 + r_ii),
    # Ẽ_ij = (s_ij − λ_j r_ij) / (λ_j − λ_i) for separated λ, −r_ij / 2 otherwise (and on the
    # diagonal), δ = 2 (‖S − D‖ + ‖K‖ ‖R‖); X ← X + X Ẽ.
    # Eigenvalues closer than δ (a cluster: e.g. all the light ones while the coupling to them
    # is still above their size) are not separated by that update; the cluster's block of S
    # is diagonalised (shifted by its first value, in double precision: absolute error
    # ε‖S_cc − μ‖, so the coupling inside the cluster drops by ~1e-16 per step) and X_c
    # rotated accordingly.
    r = R.mid().entries()
    lam = [lam[i] / (1 + r[i * N + i]) for i in range(N)]
    lamf2 = np.array([float(x) for x in lam])
    delta = 2.0 * (e + knorm * f)
    E = arb_mat(N, N)
    half = arb(0.5)
    for i in range(N):
        li = lam[i]
        lif = lamf2[i]
        for j in range(N):
            k = i * N + j
            if i == j or abs(lif - lamf2[j]) <= delta:
                E[i, j] = -r[k] * half
            else:
                E[i, j] = (s[k] - lam[j] * r[k]) / (lam[j] - li)
    Xn = (X + X * E).mid()
    if not rotate_clusters:
        return False, order, lamf, worst, Xn
    srt = np.argsort(lamf2, kind="stable")
    clusters = []
    cur = [int(srt[0])]
    for a, b in zip(srt[:-1], srt[1:], strict=True):
        if lamf2[b] - lamf2[a] <= delta:
            cur.append(int(b))
        else:
            clusters.append(cur)
            cur = [int(b)]
    clusters.append(cur)
    for c in clusters:
        if len(c) < 2:
            continue
        # shifted by the cluster's first value (in high precision) so that the doubles
        # resolve the spread and the coupling, not the common value
        mu = s[c[0] * N + c[0]]
        blk = np.array([[float(s[i * N + j] - mu) if i == j else float(s[i * N + j])
                         for j in c] for i in c])
        blk = 0.5 * (blk + blk.T)
        sc = np.max(np.abs(blk))
        if not sc > 0:
            continue
        _, Q = np.linalg.eigh(blk / sc)
        Qa = _orthogonal(arb_mat(Q.tolist()), len(c))
        Xc = arb_mat(N, len(c))
        for i in range(N):
            for jj, j in enumerate(c):
                Xc[i, jj] = Xn[i, j]
        Xc = (Xc * Qa).mid()
        for i in range(N):
            for jj, j in enumerate(c):
                Xn[i, j] = Xc[i, jj]
    return False, order, lamf, worst, Xn


def _orthogonal(Q, k):
    """Q (k×k, orthogonal to double precision) made orthogonal to the working precision by
    Newton-Schulz steps Q ← Q (3I − QᵀQ)/2 (each squares the error)."""
    from flint import arb_mat, ctx

    eye = arb_mat(k, k)
    for i in range(k):
        eye[i, i] = 1
    for _ in range(12):
        G = Q.transpose() * Q - eye
        if _frob2_upper(G) < 2.0 ** (-2 * ctx.prec + 8):
            break
        Q = (Q * (eye - G * 0.5)).mid()
    return Q


def _x_from_eig(Kf, N):
    """Approximate eigenvectors of K (real, unit columns) from flint's eig at the context
    precision."""
    from flint import acb_mat, arb_mat

    _, Rv = acb_mat(Kf).eig(right=True, algorithm="approx")
    X = arb_mat(N, N)
    for j in range(N):
        col = [Rv[i, j] for i in range(N)]
        mags = [float(abs(c.mid())) for c in col]
        k = int(np.argmax(mags))
        ph = col[k].mid() / abs(col[k].mid())
        phc = ph.conjugate()
        vals = [(c * phc).real.mid() for c in col]
        nrm = sum(v * v for v in vals).sqrt()
        for i in range(N):
            X[i, j] = (vals[i] / nrm).mid()
    return X


def _outputs(X, order, lamf, n, nzero, e):
    """Masses (ascending, in units of the scaled matrix × 2^e) and U from the certified X."""
    N = 2 * n
    Xf = np.array([[float(X[i, j]) for j in range(N)] for i in range(N)])
    m = np.zeros(n)
    U = np.zeros((n, n), dtype=np.complex128)
    npos = n - nzero
    # positive values: order[0] largest → mass index n−1
    for i in range(npos):
        c = order[i]
        z = Xf[:n, c] + 1j * Xf[n:, c]
        z /= np.linalg.norm(z)
        m[n - 1 - i] = math.ldexp(lamf[c], e)
        U[:, n - 1 - i] = np.conj(z)
    if nzero:
        # the 2·nzero columns of the zero eigenvalue span the complex null space (dimension
        # nzero): complex Gram-Schmidt, dropping the dependent half
        cols = [Xf[:n, order[i]] + 1j * Xf[n:, order[i]] for i in range(npos, npos + 2 * nzero)]
        basis = []
        for z in cols:
            w = z.copy()
            for b in basis:
                w -= np.vdot(b, w) * b
            s = np.linalg.norm(w)
            if s > 0.5 and len(basis) < nzero:
                basis.append(w / s)
        for j, z in enumerate(basis):
            U[:, j] = np.conj(z)
    return m, U


def takagi_certified(A, nzero, *, m_estimate=None, U_estimate=None, budget=None,
                     rtol=_RTOL):
    """Takagi factorisation of one complex symmetric matrix with every non-zero mass certified
    to relative accuracy ``rtol`` (rigorous ball-arithmetic bound), within ``budget`` seconds.

    Parameters
    ----------
    A : (n, n) complex array (exact double entries)
    nzero : number of exact zero masses (structural, or n − exact_rank(A))
    m_estimate, U_estimate : a double-precision result (starting point and precision guess)
    budget : seconds or None (no limit)

    Returns
    -------
    (m, U, bits): masses ascending, U with Uᵀ A U = diag(m), working precision in bits.

    Raises
    ------
    PrecisionBudgetExceeded
    """
    from flint import arb_mat, ctx

    t0 = time.monotonic()
    deadline = None if budget is None else t0 + budget
    A = np.asarray(A, dtype=np.complex128)
    n = A.shape[0]
    N = 2 * n
    As, e = _scaled(A)

    measured = [0.0]  # wall time of the last refinement step (the model can be optimistic)

    def check(pred):
        pred = max(_SAFETY * pred, 1.2 * measured[0])
        if deadline is not None and time.monotonic() + pred > deadline:
            raise PrecisionBudgetExceeded(
                f"certified {n}x{n} Takagi needs more than the {budget:g} s budget")

    # precision: the range of the masses (from the estimate) + 64 bits + room for N
    p = 128
    if m_estimate is not None and np.all(np.isfinite(m_estimate)):
        mpos = np.asarray(m_estimate)[np.asarray(m_estimate) > 0]
        if mpos.size:
            # + 128: 64 bits of result and 64 for the gaps of pseudo-Dirac pairs (splittings
            # down to 1e-19 relative are then resolved without raising p)
            # (a range beyond the float range, e.g. a subnormal estimate, as a difference of
            # logarithms: the ratio would overflow to inf)
            with np.errstate(over="ignore"):
                ratio = mpos.max() / mpos.min()
            lr = (math.log2(ratio) if math.isfinite(ratio)
                  else math.log2(mpos.max()) - math.log2(mpos.min()))
            p = max(p, int(lr) + 128 + 2 * int(math.log2(N)))
    X0 = None
    if U_estimate is not None and np.all(np.isfinite(U_estimate)):
        Z = np.conj(np.asarray(U_estimate, dtype=np.complex128))
        X0 = np.block([[Z.real, -Z.imag], [Z.imag, Z.real]])
    Klist = _embedding_list(As).tolist()
    old_prec = ctx.prec
    try:
        # Refine from the estimate; when the residual stops dropping, the precision is
        # exhausted (raise it, keep X) or the start was too far off (a stall far above the
        # precision floor: restart from flint's eig).
        ctx.prec = p
        if X0 is not None:
            check(_predict_iter(N, p))
            X = arb_mat(X0.tolist())
            used_eig = False
        else:
            check(_predict_eig(N, p) + _predict_iter(N, p))
            X = _x_from_eig(arb_mat(Klist), N)
            used_eig = True
        best = np.inf
        since_best = 0
        rotate = False
        for _it in range(_MAX_ITER * 8):
            Kf = arb_mat(Klist)
            knorm = math.sqrt(_frob2_upper(Kf))
            check(_predict_iter(N, p))
            t_step = time.monotonic()
            ok, order, lamf, worst, Xn = _step(Kf, X, N, n, nzero, rtol, knorm, rotate)
            measured[0] = time.monotonic() - t_step
            if ok:
                m, U = _outputs(X, order, lamf, n, nzero, e)
                return m, U, p
            res = _LAST_RESIDUAL[0]
            if res < 0.5 * best:
                best = res
                since_best = 0
            else:
                since_best += 1
            if since_best < 2:
                X = Xn
                continue
            # stalled: far above the precision floor → rotate clusters, then restart from
            # flint's eig; near it → more bits (keeping X)
            since_best = 0
            best = np.inf
            if res > 2.0 ** (-p / 2) * knorm and not rotate:
                rotate = True
                X = Xn
            elif res > 2.0 ** (-p / 2) * knorm and not used_eig \
                    and (deadline is None
                         or time.monotonic() + _SAFETY * _predict_eig(N, p) < deadline):
                X = _x_from_eig(Kf, N)
                used_eig = True
            else:
                p = int(p * 1.5) + 64
                if p > _MAX_BITS:
                    break
                ctx.prec = p
                X = Xn
        raise PrecisionBudgetExceeded(f"no certificate for a {n}x{n} matrix up to {p} bits")
    finally:
        ctx.prec = old_prec
