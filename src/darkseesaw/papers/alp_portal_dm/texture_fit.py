"""The neutrino fit of arXiv:2502.13002 §4: seven parameters of eqs. 3.5/3.6 against Table 2.

The light matrix of texture A or B is written in closed form (`light_matrix`, eqs. 3.5–3.6:
M_light = κ T [[1, α], [α, β e^{iφ}]] Tᵀ with T the texture of the model's `texture_mD`), its
oscillation observables are computed for millions of points at once (`fast_observables`), and
`neutrino_fit` finds the points inside the 3σ box of Table 2 (NuFIT 6.0) in three stages:
blind log-uniform sampling of eq. 4.1, the exact inverse map (`inverse_map.neutrino_inverse`)
and a density-weighted adaptive exploration. The closed form is checked against the exact 7×7
Takagi spectrum of the model (`table3.takagi_check`).

Conventions: light-neutrino mass term −½ ν̄ᶜ m_ν ν with Uᵀ m_ν U = diag(m); δ_CP from the
Jarlskog invariant (PDG convention, as `darkseesaw.observables.neutrino`). κ in eV.
"""

from __future__ import annotations

import math
import time

import numpy as np

from darkseesaw.models.alp_portal_dm import texture_mD
from darkseesaw.papers.alp_portal_dm.inputs import FIT_RANGES, NUFIT60_3SIGMA, PARS
from darkseesaw.papers.alp_portal_dm.inverse_map import neutrino_inverse

__all__ = ["mu_hat", "light_matrix", "fast_observables", "window_distance", "neutrino_fit"]


def mu_hat(alpha, beta, phi):
    """M_N⁻¹ μ_S M_N⁻ᵀ of eqs. (3.1)–(3.2) in units of (μ_S)₁₁/(M_N)₁₁²: [[1, α], [α, β e^{iφ}]]."""
    alpha, beta, phi = np.broadcast_arrays(*(np.asarray(v, float) for v in (alpha, beta, phi)))
    R = np.empty(alpha.shape + (2, 2), complex)
    R[..., 0, 0] = 1.0
    R[..., 0, 1] = R[..., 1, 0] = alpha
    R[..., 1, 1] = beta * np.exp(1j * phi)
    return R


def light_matrix(texture: str, kappa, y1, y2, y3, alpha, beta, phi):
    """Closed-form light-neutrino mass matrix of eqs. (3.5) (A) / (3.6) (B), batched.

    M_light = κ T [[1, α], [α, β e^{iφ}]] Tᵀ with T the texture of `texture_mD`; this is
    eq. (2.20) up to its overall sign (a rephasing of all three ν, unobservable). Units of κ.

    Example
    -------
    >>> M = light_matrix("A", 1.0, 1.0, 2.0, 3.0, 0.5, 0.7, 0.0)
    >>> float(M[0, 2].real)   # α y3
    1.5
    """
    T = texture_mD(texture, y1, y2, y3)
    R = mu_hat(alpha, beta, phi)
    return np.asarray(kappa)[..., None, None] * (T @ R @ np.swapaxes(T, -1, -2))



def fast_observables(M, ordering: str):
    """Oscillation observables of light matrices M (N, 3, 3) [eV], vectorised (fit fast path).

    Uses the eigenvectors of M†M = U diag(m²) U† (rephasing-invariant quantities only):
    s²₁₃ = |U_e3|², s²₁₂ = |U_e2|²/c²₁₃, s²₂₃ = |U_μ3|²/c²₁₃ (eq. 3.8), sin δ from the Jarlskog
    invariant (eq. 3.9) and cos δ from |U_μ1|²; m_ee = |M_ee|, m_β² = Σ|U_ei|² m_i².
    For ``ordering="IO"`` the states are labelled m₃ < m₁ < m₂ and dm3l = m₂² − m₁²... as in Table 2
    (m²_atm = m₂² − m₃²).

    Returns
    -------
    dict of arrays: s12sq, s13sq, s23sq, dm21 [eV²], dm3l [eV²], delta_deg, m (N, 3) [eV],
    sum_m, m_beta, m_ee [eV].
    """
    H = np.conj(np.swapaxes(M, -1, -2)) @ M
    lam, V = np.linalg.eigh(H)
    lam = np.clip(lam, 0.0, None)
    if ordering == "NO":
        U, m2 = V, lam
        dm21, dm3l = m2[:, 1] - m2[:, 0], m2[:, 2] - m2[:, 0]
    else:
        U, m2 = V[:, :, [1, 2, 0]], lam[:, [1, 2, 0]]
        dm21, dm3l = m2[:, 1] - m2[:, 0], m2[:, 1] - m2[:, 2]
    A2 = np.abs(U) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        s13 = A2[:, 0, 2]
        c13 = 1.0 - s13
        s12 = A2[:, 0, 1] / c13
        s23 = A2[:, 1, 2] / c13
        c12, c23 = 1.0 - s12, 1.0 - s23
        J = np.imag(U[:, 1, 2] * np.conj(U[:, 0, 2]) * U[:, 0, 1] * np.conj(U[:, 1, 1]))
        den = np.sqrt(np.clip(s12 * c12 * s23 * c23 * s13, 0, None))
        sind = J / (den * c13)
        cosd = (A2[:, 1, 0] - s12 * c23 - c12 * s23 * s13) / (2 * den)
        delta = np.degrees(np.arctan2(sind, cosd)) % 360.0
    m = np.sqrt(m2)
    return {"s12sq": s12, "s13sq": s13, "s23sq": s23, "dm21": dm21, "dm3l": dm3l,
            "delta_deg": delta, "m": m, "sum_m": m.sum(1),
            "m_beta": np.sqrt((A2[:, 0, :] * m2).sum(1)), "m_ee": np.abs(M[:, 0, 0])}


_KEYS = (("s12sq", "s12sq"), ("s13sq", "s13sq"), ("s23sq", "s23sq"),
         ("dm21sq_eV2", "dm21"), ("dm3lsq_eV2", "dm3l"))


def _delta_excess(d, lo, hi):
    """Distance [deg] of δ (mod 360) from the window [lo, hi] (hi may exceed 360)."""
    dd = np.where(d < lo, d + 360.0, d)
    out = np.where(dd > hi, np.minimum(dd - hi, (lo + 360.0) - dd), 0.0)
    return np.where(np.isfinite(d), out, np.inf)


def window_distance(o, ordering: str, windows=None):
    """Distance of fast observables from the 3σ box of Table 2 (0 inside), for the adaptive fit.

    Sum over observables of (excess/width)², the excess measured in log for Δm² and in
    degrees/360 for δ.
    """
    w = windows or NUFIT60_3SIGMA[ordering]
    D = np.zeros(o["s12sq"].shape)
    for wk, ok in _KEYS:
        _, lo, hi = w[wk]
        x = o[ok]
        if wk.startswith("dm"):
            with np.errstate(divide="ignore", invalid="ignore"):
                x, lo, hi = np.log(np.clip(x, 1e-300, None)), math.log(lo), math.log(hi)
        e = np.maximum(np.maximum(lo - x, x - hi), 0.0) / (hi - lo)
        D += np.where(np.isfinite(e), e**2, 1e30)
    _, lo, hi = w["delta_deg"]
    D += (_delta_excess(o["delta_deg"], lo, hi) / 90.0) ** 2
    return np.where(np.isfinite(D), D, 1e30)


def _to_theta(P):
    """(N, 7) parameters → scan coordinates (log10 of the first six, φ)."""
    T = P.copy()
    T[:, :6] = np.log10(P[:, :6])
    return T


def _from_theta(T):
    P = T.copy()
    P[:, :6] = 10.0 ** T[:, :6]
    return P


def _evaluate(texture, P, ordering):
    M = light_matrix(texture, *(P[:, k] for k in range(7)))
    o = fast_observables(M, ordering)
    return o, window_distance(o, ordering)



def neutrino_fit(texture: str, ordering: str, *, n_random: int = 1_000_000,
                 n_per_gen: int = 100_000, n_gen: int = 6, n_inverse: int = 60_000,
                 seed: int = 1, chunk: int = 250_000):
    """Scan of the seven parameters of eqs. (3.5)/(3.6) over eq. (4.1) against Table 2 at 3σ.

    Stage 1: ``n_random`` points drawn log-uniformly (φ uniformly) over the ranges of eq. (4.1).
    Stage 2 (seeding by the exact inverse map, `neutrino_inverse`, ``n_inverse`` samples of the
    3σ box): the texture parameters it returns are evaluated like any scan point (closed-form
    light matrix, forward observables, 3σ test), so every accepted point is a genuine
    7-parameter point. Without this stage a blind scan finds no inverted-ordering point and
    misses the δ > 290° part of the normal-ordering region (see the docs).
    Stage 3 (adaptive, population Monte Carlo): ``n_gen`` generations of ``n_per_gen`` points,
    each a Gaussian step (in log10 of κ, y_i, α, β and in φ) from a parent drawn among the best
    points so far; once accepted points exist, parents are drawn among them with weights
    inversely proportional to their density in (δ, m_ee), so that the whole accepted region
    (the edges of Table 3) is explored. A point is accepted when all of s²₁₂, s²₁₃, s²₂₃, Δm²₂₁,
    Δm²₃ℓ and δ_CP lie in the 3σ ranges of Table 2.

    Parameters
    ----------
    texture : {"A", "B"}
    ordering : {"NO", "IO"}
    n_random, n_per_gen, n_gen : int
        Sizes of the stages (the default evaluates about 1.7 × 10⁶ points per texture and ordering).
    seed : int
        Seed of the random generator (same seed, same numbers).

    Returns
    -------
    dict
        ``params`` (n_acc, 7) accepted parameters (order of `FIT_RANGES`), ``obs`` dict of
        accepted observables (eV units), ``n_evaluated``, ``n_accepted_random`` (stage 1 alone),
        ``n_accepted_inverse`` (stage 2), ``best_distance`` (smallest distance to the 3σ box;
        0 if accepted), ``seconds``.
    """
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    lo = np.array([math.log10(FIT_RANGES[k][0]) for k in PARS[:6]] + [0.0])
    hi = np.array([math.log10(FIT_RANGES[k][1]) for k in PARS[:6]] + [2 * math.pi])
    acc_P, acc_o = [], []
    best_T = np.empty((0, 7))
    best_D = np.empty(0)
    n_eval = 0
    n_acc_random = 0

    def absorb(T, o, D):
        nonlocal best_T, best_D
        ok = D == 0.0
        if ok.any():
            acc_P.append(_from_theta(T[ok]))
            acc_o.append({k: v[ok] for k, v in o.items()})
        allT = np.vstack([best_T, T])
        allD = np.concatenate([best_D, D])
        keep = np.argsort(allD, kind="stable")[:2000]
        best_T, best_D = allT[keep], allD[keep]
        return int(ok.sum())

    for start in range(0, n_random, chunk):
        n = min(chunk, n_random - start)
        T = lo + (hi - lo) * rng.random((n, 7))
        o, D = _evaluate(texture, _from_theta(T), ordering)
        n_acc_random += absorb(T, o, D)
        n_eval += n

    n_acc_inverse = 0
    if n_inverse:
        inv = neutrino_inverse(texture, ordering, n=n_inverse, seed=seed + 1)
        if len(inv["params"]):
            P = np.clip(inv["params"], [FIT_RANGES[k][0] for k in PARS],
                        [FIT_RANGES[k][1] for k in PARS])
            o, D = _evaluate(texture, P, ordering)
            n_acc_inverse = absorb(_to_theta(P), o, D)
            n_eval += len(P)

    width = hi - lo
    for _gen in range(n_gen):
        n_acc = sum(len(a) for a in acc_P)
        if n_acc >= 200:
            AP = np.vstack(acc_P)
            AT = _to_theta(AP)
            d = np.concatenate([a["delta_deg"] for a in acc_o])
            me = np.log10(np.concatenate([a["m_ee"] for a in acc_o]))
            hb, xe, ye = np.histogram2d(d, me, bins=(36, 20))
            ix = np.clip(np.digitize(d, xe) - 1, 0, 35)
            iy = np.clip(np.digitize(me, ye) - 1, 0, 19)
            wts = 1.0 / hb[ix, iy]
            par = AT[rng.choice(len(AT), n_per_gen, p=wts / wts.sum())]
            scale = np.std(AT, axis=0) * 0.15 + 1e-4
        else:
            # parents among the best 200 so far; steps of random size 10⁻⁴ … 0.3 of the range
            par = best_T[rng.integers(0, min(200, len(best_T)), n_per_gen)]
            scale = width * 10.0 ** rng.uniform(-4.0, -0.5, (n_per_gen, 1))
        T = par + rng.standard_normal(par.shape) * scale
        T[:, 6] = np.mod(T[:, 6], 2 * math.pi)
        T[:, :6] = np.clip(T[:, :6], lo[:6], hi[:6])
        o, D = _evaluate(texture, _from_theta(T), ordering)
        absorb(T, o, D)
        n_eval += n_per_gen

    if acc_P:
        P = np.vstack(acc_P)
        obs = {k: np.concatenate([a[k] for a in acc_o]) for k in acc_o[0]}
    else:
        P = np.empty((0, 7))
        obs = {}
    return {"params": P, "obs": obs, "n_evaluated": n_eval, "n_accepted_random": n_acc_random,
            "n_accepted_inverse": n_acc_inverse,
            "best_distance": float(best_D[0]) if len(best_D) else float("inf"),
            "seconds": time.perf_counter() - t0}

