"""The exact inverse map of the accepted region of arXiv:2502.13002 (an independent cross-check).

Oscillation data in the 3σ box of Table 2 → the texture parameters that reproduce them: with
m_lightest = 0 the light matrix is m_ν = m_A v_A v_Aᵀ + m_B e^{−2iρ} v_B v_Bᵀ (one relevant
Majorana phase ρ), and texture A holds iff one real condition g(ρ) = 0 does
(`_texture_A_inverse`); texture B is texture A with the μ and τ rows exchanged. The solutions
seed the forward fit (`texture_fit.neutrino_fit`), where every one is re-evaluated as an
ordinary 7-parameter point.
"""

from __future__ import annotations

import math

import numpy as np

from darkseesaw.observables.neutrino import pmns_matrix
from darkseesaw.papers.alp_portal_dm.inputs import NUFIT60_3SIGMA

__all__ = ["neutrino_inverse"]


def _texture_A_inverse(Mee, Mem, Met, Mmm, Mmt, Mtt):
    """Texture-A parameters from a light matrix (entries broadcast); returns dict and residual g.

    After rephasing the first row real positive (3 lepton phases), κ = |M_ee|, α y3 = M_eτ/κ,
    β e^{iφ} y3² = M_ττ/κ, and the complex equation M_μτ/κ = (α y3) y1 + (β e^{iφ} y3²)(y2/y3)
    gives y1 and w = y2/y3. Texture A holds iff the residual g = M_eμ/κ − y1 − α y3 w vanishes
    (and M_μμ/κ = y1² + 2 α y3 y1 w + β e^{iφ} y3² w², checked as ``res_mumu``). y3 is a flat
    direction (y2, α, β rescale with it).
    """
    kap = np.abs(Mee)
    aem, aet = np.abs(Mem), np.abs(Met)
    # phases as unit complex numbers (no angle/exp): pe = e^{−i arg(M_ee)/2} (principal root),
    # pm = e^{−i arg(M_eμ)}/pe, pt = e^{−i arg(M_eτ)}/pe
    cpe = np.conj(np.sqrt(np.conj(Mee) / kap))
    pm = np.conj(Mem) / aem * cpe
    pt = np.conj(Met) / aet * cpe
    mem = aem / kap
    a = aet / kap
    t = pt * pt * Mtt / kap
    mt = pm * pt * Mmt / kap
    mm = pm * pm * Mmm / kap
    with np.errstate(divide="ignore", invalid="ignore"):
        w = mt.imag / t.imag
        y1 = (mt.real - t.real * w) / a
        g = mem - y1 - a * w
        res = np.abs(mm - (y1**2 + 2 * a * y1 * w + t * w**2))
    return {"kappa": kap, "a": a, "t": t, "w": w, "y1": y1}, g, res


_PAIRS = {"ee": (0, 0), "em": (0, 1), "et": (0, 2), "mm": (1, 1), "mt": (1, 2), "tt": (2, 2)}


def _inverse_at(mA, mB, vA, vB, rho):
    """`_texture_A_inverse` of m_ν = m_A v_A v_Aᵀ + m_B e^{−2iρ} v_B v_Bᵀ (broadcast)."""
    ph_ = np.exp(-2j * rho)
    E = {k: mA * vA[..., i] * vA[..., j] + mB * vB[..., i] * vB[..., j] * ph_
         for k, (i, j) in _PAIRS.items()}
    return _texture_A_inverse(E["ee"], E["em"], E["et"], E["mm"], E["mt"], E["tt"])


def neutrino_inverse(texture: str, ordering: str, *, n: int = 200_000, n_rho: int = 180,
                     seed: int = 2, chunk: int = 4000):
    """Exact map of the accepted region: oscillation data → texture parameters (a cross-check).

    Samples ``n`` points uniformly in the 3σ box of Table 2 (angles, Δm², δ), builds
    m_ν = U* diag(m) U† for every value of the one relevant Majorana phase ρ (m_lightest = 0),
    and solves the texture conditions (`_texture_A_inverse`; texture B is texture A with the
    μ and τ rows exchanged) for ρ by bracketing and secant refinement. A solution is kept when
    y₁, y₂/y₃ > 0 and some y₃ puts y₂, α, β in the range of eq. (4.1) (and κ ∈ [1 meV, 1 eV]).
    Independent of the forward scan: if this finds no solution for a sampled box, no parameter
    point exists (up to the sampling of the box).

    Returns
    -------
    dict of arrays (eV units): delta_deg, m_ee, sum_m, m_beta, phi, s23sq ... of the solutions,
    and ``n_sampled``.
    """
    rng = np.random.default_rng(seed)
    w = NUFIT60_3SIGMA[ordering]
    out: dict[str, list] = {k: [] for k in ("delta_deg", "m_ee", "sum_m", "m_beta", "phi", "s12sq",
                                            "s13sq", "s23sq", "dm21", "dm3l", "params")}
    rho = np.linspace(0.0, 2 * math.pi, n_rho, endpoint=False)
    for start in range(0, n, chunk):
        k = min(chunk, n - start)
        smp = {key: rng.uniform(w[key][1], w[key][2], k) for key in w}
        d = np.radians(smp["delta_deg"])
        V = pmns_matrix(smp["s12sq"], smp["s13sq"], smp["s23sq"], d)  # PDG V, no Majorana phases
        if ordering == "NO":
            mA, mB = np.sqrt(smp["dm21sq_eV2"]), np.sqrt(smp["dm3lsq_eV2"])  # m2, m3
            iA, iB = 1, 2
            ml = np.stack([np.zeros(k), mA, mB], 1)
        else:
            m2 = np.sqrt(smp["dm3lsq_eV2"])
            m1 = np.sqrt(np.clip(m2**2 - smp["dm21sq_eV2"], 0, None))
            mA, mB, iA, iB = m1, m2, 0, 1
            ml = np.stack([m1, m2, np.zeros(k)], 1)
        vA, vB = np.conj(V[:, :, iA]), np.conj(V[:, :, iB])
        perm = [0, 1, 2] if texture == "A" else [0, 2, 1]
        vA, vB = vA[:, perm], vB[:, perm]

        _, g, _ = _inverse_at(mA[:, None], mB[:, None], vA[:, None, :], vB[:, None, :],
                              rho[None, :])
        g2 = np.roll(g, -1, axis=1)
        ii, jj = np.nonzero((np.sign(g) != np.sign(g2)) & np.isfinite(g) & np.isfinite(g2))
        if len(ii) == 0:
            continue
        step = rho[1] - rho[0]
        r0, r1 = rho[jj], rho[jj] + step
        g0, g1 = g[ii, jj], g2[ii, jj]
        sub = {kk: v[ii] for kk, v in (("mA", mA), ("mB", mB))}
        vAs, vBs = vA[ii], vB[ii]

        def gval(r, sub=sub, vAs=vAs, vBs=vBs):
            return _inverse_at(sub["mA"], sub["mB"], vAs, vBs, r)

        for _ in range(40):  # regula falsi (Illinois) on the bracket
            with np.errstate(divide="ignore", invalid="ignore"):
                rn = r1 - g1 * (r1 - r0) / (g1 - g0)
            rn = np.where(np.isfinite(rn), rn, 0.5 * (r0 + r1))
            _, gn, _ = gval(rn)
            same = np.sign(gn) == np.sign(g1)
            r0, g0 = np.where(same, r0, r1), np.where(same, g0 * 0.5, g1)
            r1, g1 = rn, gn
        sol, gf, res = gval(r1)
        lw = np.log10(np.abs(sol["w"]))
        la = np.log10(sol["a"])
        lt = np.log10(np.abs(sol["t"]))
        lo3 = np.maximum.reduce([np.full_like(lw, -3.0), -3 - lw, la - 3, (lt - 3) / 2])
        hi3 = np.minimum.reduce([np.full_like(lw, 3.0), 3 - lw, la + 3, (lt + 3) / 2])
        ok = ((np.abs(gf) < 1e-7) & (res < 1e-6) & (sol["y1"] >= 1e-3) & (sol["y1"] <= 1e3)
              & (sol["w"] > 0) & (lo3 <= hi3) & (sol["kappa"] >= 1e-3) & (sol["kappa"] <= 1.0))
        if not ok.any():
            continue
        sel = ii[ok]
        Ne = V[sel, 0, :]
        mls = ml[sel]
        out["delta_deg"].append(smp["delta_deg"][sel] % 360.0)
        out["m_ee"].append(sol["kappa"][ok])
        out["sum_m"].append(mls.sum(1))
        out["m_beta"].append(np.sqrt((np.abs(Ne) ** 2 * mls**2).sum(1)))
        out["phi"].append(np.angle(sol["t"][ok]) % (2 * math.pi))
        # one representative of the flat direction: y3 in the middle (log) of its allowed interval
        y3 = 10.0 ** (0.5 * (lo3[ok] + hi3[ok]))
        y1s, ws, as_, ts = sol["y1"][ok], sol["w"][ok], sol["a"][ok], sol["t"][ok]
        yA = np.stack([sol["kappa"][ok], y1s, ws * y3, y3, as_ / y3, np.abs(ts) / y3**2,
                       np.angle(ts) % (2 * math.pi)], 1)
        if texture == "B":  # texture B = texture A with μ ↔ τ: (y1, y2, y3)_B = (y3, y1, y2)_A
            yA = yA[:, [0, 3, 1, 2, 4, 5, 6]]
        out["params"].append(yA)
        for key, wk in (("s12sq", "s12sq"), ("s13sq", "s13sq"), ("s23sq", "s23sq"),
                        ("dm21", "dm21sq_eV2"), ("dm3l", "dm3lsq_eV2")):
            out[key].append(smp[wk][sel])
    res_ = {k: (np.concatenate(v) if v else np.empty((0, 7) if k == "params" else 0))
            for k, v in out.items()}
    res_["n_sampled"] = n
    return res_

