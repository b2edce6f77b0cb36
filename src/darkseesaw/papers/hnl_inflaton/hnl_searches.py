"""HNL searches and decays of the unstable N₂, N₃ (section 4.1–4.3, Figs. 2–4).

The smallest μ̄_ν that today's laboratory limits allow (per flavour, both unstable HNLs summed),
and the lifetimes, decay lengths and branching ratios of `darkseesaw.observables.hnl_decays`
(Dirac HNLs, weak decays or with N → ν s).

Example
-------
>>> round(float(mubar_min_lab(4.0)[0]), 4)        # GeV, NH
0.0296
"""

from __future__ import annotations

import numpy as np

from darkseesaw.constraints import curve
from darkseesaw.observables import hnl_decays as hd
from darkseesaw.papers.hnl_inflaton.mixing import dm_index, mixing, mubar_min_ewpd

__all__ = ["lab_limit", "mubar_min_lab", "hnl_lifetimes", "FLAV"]

FLAV = ("e", "mu", "tau")


def lab_limit(alpha: str, M):
    """Envelope of current laboratory limits on |U_α|² (constraints layer), NaN outside."""
    return np.asarray(curve(f"hnl/U{alpha}2/current")(np.asarray(M, float)), float)


def mubar_min_lab(M, ordering: str = "NH"):
    """Smallest μ̄_ν [GeV] such that Σ_i |U_αi|² ≤ limit_α(M) for every flavour α, combined with
    the EWPD bound (eqs. 4.7–4.8). The two HNLs are summed per flavour (both are produced and
    decay alike, being degenerate): a simple, conservative recast of single-flavour limits."""
    M = np.atleast_1d(np.asarray(M, float))
    out = np.empty_like(M)
    for k, m in enumerate(M):
        U = mixing(m, 1.0, ordering)
        s = np.sum(np.abs(U) ** 2, axis=-1)  # per flavour at mubar = 1 GeV
        req = [s[a] / lab_limit(f, m) for a, f in enumerate(FLAV)]
        req = np.array([v for v in np.ravel(req) if np.isfinite(v)])
        out[k] = max(np.max(req) if req.size else 0.0, mubar_min_ewpd(m, ordering))
    return out


def hnl_lifetimes(M, mub_min, order: str = "NH", scalar=None):
    """{"N2": {tau [s], L [m] at E = 25 GeV, br by class}, "N3": …} of the unstable HNLs."""
    res = {}
    for i in [i for i in range(3) if i != dm_index(order)]:
        U2 = np.array([np.abs(mixing(m, mu, order)[:, i]) ** 2 for m, mu in
                       zip(M, mub_min, strict=True)])
        tau = hd.lifetime_s(M, U2, scalar=scalar)
        L = hd.decay_length_m(M, U2, 25.0, scalar=scalar)
        br = hd.branching_ratios(M, U2, by="class")
        res[f"N{i + 1}"] = {"tau": tau, "L": L, "br": br}
    return res
