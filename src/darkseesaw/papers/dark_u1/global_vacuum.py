"""Is the vacuum of a fitted branch the global minimum of eq. (2.1)? A bounded multi-start search.

Every field configuration is gauge-equivalent to one with H = (0, h)/√2, h ≥ 0
(SU(2)_L × U(1)_Y), φ⁺ real (U(1)_em) and S₁ real (U(1)_D), so the minima of V are those of
the seven coordinates x = (h, a, b₁, b₂, s, t₁, t₂):

    H = (0, h)/√2,  φ = (a, b₁ + i b₂)/√2,  S₁ = s/√2,  S₂ = (t₁ + i t₂)/√2,

which include charge-breaking (a ≠ 0) and CP-breaking (b₂, t₂ ≠ 0) points. `search` runs a
batched, damped saddle-free Newton iteration (closed-form gradient and Hessian,
`darkseesaw.papers.dark_u1.potential7`, checked against the engine in the tests) from many
starts per branch — the vacuum,
the vacuum with every subset of its vevs set to zero (the engine's candidate vacua), the vacuum
with the signs of v_φ, ω₁, ω₂ flipped, and log-uniform random points with random signs (fixed
seed) — and keeps the local minima it reaches. V is compared in long double (80-bit), because
the dark sector is ~10⁻¹⁴ of V at the electroweak vacuum: the engine's `Vacuum.is_deepest`
compares with a relative tolerance of 1e-12 and cannot see competing dark-sector vacua here.
A start that runs away (|x| > 1e6 GeV) means V is unbounded below (or a minimum beyond 1e6
GeV); the quartic part is also sampled on the unit sphere (`bounded_below`).
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import POT_KEYS
from darkseesaw.papers.dark_u1 import potential7 as P7
from darkseesaw.papers.dark_u1.potential7 import COORDS

__all__ = ["COORDS", "search", "bounded_below"]

_SQ2 = math.sqrt(2.0)
_RUNAWAY = 1e6  # GeV


def _fields(f: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    z = np.zeros_like(f["h"])
    return {"H": np.stack([z, f["h"] / _SQ2], -1),
            "phi": np.stack([f["a"] / _SQ2, (f["b1"] + 1j * f["b2"]) / _SQ2], -1),
            "S1": f["s"] / _SQ2, "S2": (f["t1"] + 1j * f["t2"]) / _SQ2}



def _vacuum_x(vevs: np.ndarray) -> np.ndarray:
    """Coordinates of the vacuum (v, v_φ, ω₁, ω₂) (N, 4) → (N, 7)."""
    x = np.zeros((len(vevs), len(COORDS)))
    x[:, 0], x[:, 2], x[:, 4], x[:, 5] = vevs.T
    return x


def _starts(vevs: np.ndarray, n_random: int, rng: np.random.Generator) -> np.ndarray:
    """(N, K, 7) starting points per branch (see the module notes)."""
    x0 = _vacuum_x(vevs)
    idx = [0, 2, 4, 5]
    st = [x0]
    for mask in range(1, 16):  # every non-empty subset of vevs set to zero
        y = x0.copy()
        for k, i in enumerate(idx):
            if mask >> k & 1:
                y[:, i] = 0.0
        st.append(y)
    for flip in ((2,), (4,), (5,), (2, 5), (4, 5), (2, 4)):
        y = x0.copy()
        y[:, list(flip)] *= -1
        st.append(y)
    for dx in ((1, 1.0), (3, 1.0), (6, 1.0)):  # charge- and CP-breaking nudges of the vacuum
        y = x0.copy()
        y[:, dx[0]] = np.maximum(vevs[:, 1], vevs[:, 3])
        st.append(y)
    N = len(vevs)
    lo, hi = np.log10(np.min(vevs, axis=1) / 10), math.log10(3 * ph.v_EW)
    for _ in range(n_random):
        u = rng.uniform(0, 1, size=(N, len(COORDS)))
        mag = 10 ** (lo[:, None] + u * (hi - lo[:, None]))
        sgn = rng.choice([-1.0, 1.0], size=mag.shape)
        sgn[:, 0] = 1.0
        zero = rng.uniform(size=mag.shape) < 0.3  # some coordinates start at zero
        st.append(np.where(zero, 0.0, sgn * mag))
    return np.stack(st, axis=1)


def _newton(params: dict[str, np.ndarray], x: np.ndarray, *,
            maxiter: int, deadline: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Batched damped saddle-free Newton on ∂V/∂x = 0 (steps go downhill in V).

    Returns (x, converged, runaway)."""
    conv = np.zeros(len(x), dtype=bool)
    run = np.zeros(len(x), dtype=bool)
    for _ in range(maxiter):
        act = np.flatnonzero(~conv & ~run)
        if act.size == 0 or time.monotonic() > deadline:
            break
        p = {k: v[act] for k, v in params.items()}
        g = P7.gradient(p, x[act])
        H = P7.hessian(p, x[act])
        w, Q = np.linalg.eigh((H + np.swapaxes(H, 1, 2)) / 2)
        aw = np.maximum(np.abs(w), 1e-14 * np.max(np.abs(w), axis=1, keepdims=True) + 1e-300)
        dx = -np.einsum("bij,bj->bi", Q, np.einsum("bji,bj->bi", Q, g) / aw)
        scale = np.maximum(np.max(np.abs(x[act]), axis=1), 1e-6)
        big = np.max(np.abs(dx), axis=1)
        dx *= np.minimum(1.0, scale / np.maximum(big, 1e-300))[:, None]
        x[act] += dx
        small = np.abs(dx) <= 1e-11 * np.maximum(np.abs(x[act]), 1e-9 * scale[:, None])
        conv[act] = np.all(small, axis=1)
        run[act] = np.max(np.abs(x[act]), axis=1) > _RUNAWAY
    return x, conv, run


def bounded_below(params: dict[str, np.ndarray], n: int = 4000, seed: int = 7) -> np.ndarray:
    """Whether the quartic part of V is positive on ``n`` random unit directions (per branch)."""
    N = len(next(iter(params.values())))
    quart = {k: (v if k.startswith("l") or k == "alpha" else np.zeros_like(v))
             for k, v in params.items()}
    rng = np.random.default_rng(seed)
    d = rng.normal(size=(n, len(COORDS)))
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    ok = np.ones(N, dtype=bool)
    for b in range(N):
        pb = {k: np.full(n, v[b]) for k, v in quart.items()}
        ok[b] = np.min(P7.potential(pb, d)) > 0
    return ok


def search(inputs: list[dict[str, float]], bare: list[dict[str, float]], *, n_random: int = 40,
           maxiter: int = 80, time_limit_s: float = 300.0, seed: int = 20180808
           ) -> list[dict[str, Any]]:
    """Multi-start minimisation of V for each branch; is its vacuum the deepest minimum found?

    Parameters
    ----------
    inputs : list of dict
        Full inputs of each branch (couplings, vevs ``v_phi, omega1, omega2``).
    bare : list of dict
        The bare masses ``mH2, mphi2, m12, m22`` [GeV²] of each branch (tadpoles).
    n_random : int
        Random starts per branch (besides the 25 structured ones).
    maxiter, time_limit_s : int, float
        Newton iterations and wall-time bound of the whole search.

    Returns
    -------
    list of dict
        Per branch: ``global_minimum`` (True: no deeper minimum, no runaway, V bounded below on
        the sampled directions, the vacuum itself found; False: a deeper minimum or a runaway;
        None: undetermined — time limit or the vacuum not found), ``bounded_below`` (sampled quartic part),
        ``n_starts``, ``n_converged``, ``n_runaway``, ``minima`` (distinct local minima found:
        gauge invariants |H|², |φ|², |S₁|², |S₂|², |φ†H|² [GeV²] and ΔV = V − V_vacuum [GeV⁴],
        deepest first), ``deepest_dV_GeV4``, ``vacuum_V_GeV4``, ``timed_out``.
    """
    t0 = time.monotonic()
    N = len(inputs)
    params = {POT_KEYS[k]: np.array([float(p[k]) for p in inputs]) for k in POT_KEYS}
    params.update({k: np.array([float(b[k]) for b in bare]) for k in bare[0]})
    vevs = np.array([[ph.v_EW, p["v_phi"], p["omega1"], p["omega2"]] for p in inputs])
    rng = np.random.default_rng(seed)
    X = _starts(vevs, n_random, rng)
    K = X.shape[1]
    flat = {k: np.repeat(v, K) for k, v in params.items()}
    x, conv, run = _newton(flat, X.reshape(-1, len(COORDS)).copy(),
                           maxiter=maxiter, deadline=t0 + time_limit_s)
    timed_out = time.monotonic() > t0 + time_limit_s
    VL = P7.potential(flat, np.asarray(x, dtype=np.longdouble))
    V0 = P7.potential(params, np.asarray(_vacuum_x(vevs), dtype=np.longdouble))
    # local minima: converged, Hessian with no negative eigenvalue (beyond rounding)
    ok = conv & ~run
    w = np.full((len(x), len(COORDS)), np.nan)
    if ok.any():
        idx = np.flatnonzero(ok)
        H = P7.hessian({k: v[idx] for k, v in flat.items()}, x[idx])
        w[idx] = np.linalg.eigvalsh((H + np.swapaxes(H, 1, 2)) / 2)
    wmax = np.nanmax(np.abs(w), axis=1, initial=0.0)
    is_min = ok & np.all(np.nan_to_num(w, nan=-1.0) >= -1e-9 * wmax[:, None], axis=1)
    bb = bounded_below(params)
    out = []
    tol = 1e-15  # of |V_vacuum|: far above the 1e-19 rounding of the long-double V
    for b in range(N):
        sl = slice(b * K, (b + 1) * K)
        xb, mb, dV = x[sl], is_min[sl], (VL[sl] - V0[b]).astype(float)
        found: list[dict[str, float]] = []
        for i in np.argsort(dV):
            if not mb[i]:
                continue
            z = _fields(dict(zip(COORDS, xb[i], strict=True)))
            inv = {"H2": float(np.sum(np.abs(z["H"]) ** 2)),
                   "phi2": float(np.sum(np.abs(z["phi"]) ** 2)),
                   "S1_2": float(abs(z["S1"]) ** 2), "S2_2": float(abs(z["S2"]) ** 2),
                   "phidagH2": float(abs(np.sum(np.conj(z["phi"]) * z["H"])) ** 2)}
            if any(all(abs(inv[k] - f[k]) <= 1e-6 * max(abs(f[k]), 1e-30) for k in inv)
                   for f in found):
                continue
            found.append(inv | {"dV_GeV4": float(dV[i])})
        thr = tol * abs(float(V0[b]))
        deeper = [f for f in found if f["dV_GeV4"] < -thr]
        nrun = int(np.sum(run[sl]))
        # the vacuum itself must be among the minima found (its own start converged there)
        vac_found = any(abs(f["dV_GeV4"]) <= thr and abs(f["S1_2"] / (vevs[b, 2] ** 2 / 2) - 1)
                        < 1e-6 for f in found)
        verdict: bool | None = bool(bb[b] and nrun == 0 and not deeper)
        if verdict and (timed_out or not vac_found):
            verdict = None  # undetermined: the search did not finish or missed the vacuum
        out.append({
            "global_minimum": verdict, "vacuum_found": vac_found,
            "bounded_below": bool(bb[b]), "n_starts": K, "n_converged": int(np.sum(conv[sl])),
            "n_runaway": nrun, "n_minima": len(found), "minima": found[:6],
            "deepest_dV_GeV4": found[0]["dV_GeV4"] if found else None,
            "vacuum_V_GeV4": float(V0[b]), "dV_tolerance_GeV4": thr,
            "timed_out": timed_out})
    return out
