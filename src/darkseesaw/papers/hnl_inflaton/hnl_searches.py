"""HNL searches and decays of the unstable N₂, N₃ (section 4.1–4.3, Figs. 2–4).

The smallest μ̄_ν that the laboratory limits allow (per flavour, both unstable HNLs summed),
the scale factor r(M_N) of eq. 4.16, and the lifetimes, decay lengths and branching ratios of
`darkseesaw.observables.hnl_decays` (Dirac HNLs, weak decays or with N → ν s).

Two sets of limits (``era``): ``"today"``, the HNLimits envelope of current limits
(``hnl/U*2/current``), and ``"paper"``, the limits published up to `PAPER_ERA_YEAR` = 2018
(status current or superseded in HNLimits, without cosmology and unitarity): the paper used the
2015 compilation of its ref. [14] (SHiP physics case, Figs. 4.10–4.12) and DELPHI.

Example
-------
>>> round(float(mubar_min_lab(4.0)[0]), 4)        # GeV, NH
0.0296
"""

from __future__ import annotations

import functools
import re

import numpy as np

from darkseesaw.constraints import curve
from darkseesaw.constraints.registry import _catalog_data
from darkseesaw.observables import hnl_decays as hd
from darkseesaw.papers.hnl_inflaton.inputs import MN_MAX_PAPER
from darkseesaw.papers.hnl_inflaton.mixing import dm_index, mixing, mubar_delphi, mubar_min_ewpd

__all__ = ["lab_limit", "mubar_min_lab", "hnl_lifetimes", "FLAV", "PAPER_ERA_YEAR",
           "paper_era_curves", "r_factor"]

FLAV = ("e", "mu", "tau")
PAPER_ERA_YEAR = 2018
"""Last publication year of the HNL limits of the paper-era set (the paper: September 2019)."""


@functools.cache
def paper_era_curves(alpha: str) -> tuple[str, ...]:
    """Catalogue names of the |U_α|² limits published up to `PAPER_ERA_YEAR` (year read from
    the curve's source, e.g. "DELPHI (short) (1996)"), status current or superseded, no
    cosmology (C) or PMNS-unitarity (UPMNS) bounds."""
    q = f"U{alpha}2"
    out = []
    for name, e in _catalog_data()["curves"].items():
        if not name.startswith(f"hnl/{q}/") or e.get("status") not in ("current", "superseded"):
            continue
        if e.get("bound_type") in ("C", "UPMNS") or e.get("kind") != "upper_limit":
            continue
        m = re.search(r"\((\d{4})\)", e.get("source", ""))
        if m and int(m.group(1)) <= PAPER_ERA_YEAR:
            out.append(name)
    return tuple(sorted(out))


def lab_limit(alpha: str, M, era: str = "today"):
    """Limit on |U_α|² at M [GeV] (NaN where none): today's HNLimits envelope, or the smallest
    of the paper-era curves (`paper_era_curves`)."""
    M = np.asarray(M, float)
    if era == "today":
        return np.asarray(curve(f"hnl/U{alpha}2/current")(M), float)
    if era != "paper":
        raise ValueError("era must be 'today' or 'paper'")
    vals = np.array([np.broadcast_to(curve(n)(M), M.shape) for n in paper_era_curves(alpha)])
    with np.errstate(all="ignore"):
        v = np.nanmin(np.where(np.isnan(vals), np.inf, vals), axis=0)
    return np.where(np.isfinite(v), v, np.nan)


def r_factor(M, mub_min, ordering: str = "NH"):
    """r(M_N) = (μ̄_DELPHI/μ̄_min(M_N))^{1/2} (eq. 4.16 and below): the factor that rescales the
    largest mixings at 4.5 GeV, with μ̄_DELPHI the DELPHI-saturating scale at M_N = 4.5 GeV
    (eq. 4.13; 5.7 MeV in the paper, 5.79 MeV here). r(4.5 GeV) = 1 with the paper's limits;
    today's stronger limits at 4.5 GeV make it < 1."""
    return np.sqrt(mubar_delphi(MN_MAX_PAPER, ordering) / np.asarray(mub_min, float))


def mubar_min_lab(M, ordering: str = "NH", era: str = "today"):
    """Smallest μ̄_ν [GeV] such that Σ_i |U_αi|² ≤ limit_α(M) for every flavour α, combined with
    the EWPD bound (eqs. 4.7–4.8). The two HNLs are summed per flavour (both are produced and
    decay alike, being degenerate): a simple, conservative recast of single-flavour limits."""
    M = np.atleast_1d(np.asarray(M, float))
    out = np.empty_like(M)
    for k, m in enumerate(M):
        U = mixing(m, 1.0, ordering)
        s = np.sum(np.abs(U) ** 2, axis=-1)  # per flavour at mubar = 1 GeV
        req = [s[a] / lab_limit(f, m, era) for a, f in enumerate(FLAV)]
        req = np.array([v for v in np.ravel(req) if np.isfinite(v)])
        out[k] = max(np.max(req) if req.size else 0.0, mubar_min_ewpd(m, ordering))
    return out


def hnl_lifetimes(M, mub_min, order: str = "NH", scalar=None, hadrons: str = "matched"):
    """{"N2": {tau [s], L [m] at E = 25 GeV, br by class}, "N3": …} of the unstable HNLs
    (``hadrons``: the hadronic treatment of `darkseesaw.observables.hnl_decays`)."""
    res = {}
    for i in [i for i in range(3) if i != dm_index(order)]:
        U2 = np.array([np.abs(mixing(m, mu, order)[:, i]) ** 2 for m, mu in
                       zip(M, mub_min, strict=True)])
        tau = hd.lifetime_s(M, U2, scalar=scalar, hadrons=hadrons)
        L = hd.decay_length_m(M, U2, 25.0, scalar=scalar, hadrons=hadrons)
        br = hd.branching_ratios(M, U2, by="class", hadrons=hadrons)
        res[f"N{i + 1}"] = {"tau": tau, "L": L, "br": br}
    return res
