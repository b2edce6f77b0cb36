"""Z′ partial widths and branching ratios as the paper computes them (eq. 3.4).

Eq. 3.4 at tree level for every channel: quarks carry the colour factor but **no QCD
correction** — the model's U(1)′ sector (`darkseesaw.sectors.u1_gauge`) multiplies Z′ → q q̄ by
1 + α_s/π + …, which lowers the leptonic and invisible BRs by a few per mille. The
reproduction keeps the paper's tree-level widths through this module (its numbers, its Fig. 2
widths and its LHC recast).

Channels: the SM fermions (top massive, the rest as in `darkseesaw.physics`), ω (Weyl, q = 4),
the three N_R–N′_R pseudo-Dirac pairs (vector charge −1, mass m_N; absent when m_N is None,
as in the annihilation: `final_states` is the one list of both) and χ (q_L, q_R) = (4, 5),
each when kinematically open and asked for.

Example
-------
>>> br = zprime_brs()
>>> round(br["sm_omega_N"]["invisible"], 3), br["paper_matches"]
(0.714, 'sm_omega_N')
"""

from __future__ import annotations

from typing import Any

from darkseesaw import physics as ph
from darkseesaw.observables.zprime import branching_ratios, width_ff
from darkseesaw.papers.bl_zprime.content import Q_CHI, Q_OMEGA
from darkseesaw.papers.common import load_data

__all__ = ["SM_FERMIONS", "final_states", "zprime_channels", "zprime_brs"]

SM_FERMIONS: dict[str, tuple[tuple[float, float], int, float, str]] = {
    "u": ((1 / 3, 1 / 3), 3, ph.m_u, "quarks"), "d": ((1 / 3, 1 / 3), 3, ph.m_d, "quarks"),
    "s": ((1 / 3, 1 / 3), 3, ph.m_s, "quarks"), "c": ((1 / 3, 1 / 3), 3, ph.m_c, "quarks"),
    "b": ((1 / 3, 1 / 3), 3, ph.m_b, "quarks"), "t": ((1 / 3, 1 / 3), 3, ph.m_t, "quarks"),
    "e": ((-1.0, -1.0), 1, ph.m_e, "leptons"), "mu": ((-1.0, -1.0), 1, ph.m_mu, "leptons"),
    "tau": ((-1.0, -1.0), 1, ph.m_tau, "leptons"),
    "nu_e": ((-1.0, 0.0), 1, 0.0, "invisible"), "nu_mu": ((-1.0, 0.0), 1, 0.0, "invisible"),
    "nu_tau": ((-1.0, 0.0), 1, 0.0, "invisible"),
}
"""B−L charges (q_L, q_R), colours, mass [GeV] and BR category of the SM fermions."""


def final_states(m_N: float | None = None, *, include_N: bool = True,
                 include_omega: bool = True) -> list[tuple[str, tuple[float, float], int, float, str]]:
    """The fermion pairs f f̄ ≠ χχ̄ that the Z′ couples to: ``(name, (q_L, q_R), n_c, m [GeV],
    category)``.

    The **one** list behind both the Z′ width (`zprime_channels`) and the annihilation
    χχ̄ → Z′* → f f̄ (`relic.annihilation_sigma`, `relic.sigma_v_s_wave`): the same final states
    with the same masses in both, so that the Breit–Wigner width and the annihilation channels
    cannot disagree. The three N_R–N′_R pseudo-Dirac pairs (vector charge −1, ``n_c`` = 3 for
    three pairs) are in the list iff ``m_N`` is given: ``m_N=None`` means decoupled (heavier than
    every scale of the problem), absent from the width *and* from the annihilation; a finite
    ``m_N`` puts them in both, each channel open where its kinematics allows (Z′ → NN̄ for
    M_Z′ > 2m_N, χχ̄ → NN̄ for √s > 2m_N).
    """
    out = [(f, q, nc, m, cat) for f, (q, nc, m, cat) in SM_FERMIONS.items()]
    if include_omega:
        out.append(("omega", (Q_OMEGA, 0.0), 1, 0.0, "invisible"))
    if include_N and m_N is not None:
        out.append(("N_pairs", (-1.0, -1.0), 3, float(m_N), "invisible"))
    return out


def zprime_channels(M, g, m_chi=None, m_N=None, *, include_chi=True, include_N=True,
                    include_omega=True) -> dict:
    """Partial widths ``{name: (Γ [GeV], category)}`` of the Z′ (eq. 3.4, tree level).

    Categories: ``quarks``, ``leptons`` (charged), ``invisible`` (SM ν, ω, N_R–N′_R pairs),
    ``dm`` (χχ̄). The final states are `final_states` (the pairs only when ``m_N`` is given: the
    same set as in the annihilation cross section) plus χ when ``m_chi`` is given.
    ``M`` [GeV], ``g`` dimensionless, ``m_chi`` and ``m_N`` [GeV].
    """
    ch = {}
    for f, (qL, qR), nc, m, cat in final_states(m_N, include_N=include_N,
                                                include_omega=include_omega):
        ch[f] = (width_ff(M, g, qL, qR, m=m, nc=nc), cat)
    if include_chi and m_chi is not None:
        ch["chi"] = (width_ff(M, g, *Q_CHI, m=m_chi), "dm")
    return ch


def zprime_brs() -> dict[str, Any]:
    """Invisible/quarks/leptons BRs with SM + ω, + the N pairs, + χ (all massless) (sec. 4)."""
    d = load_data(__package__, "paper.yaml")["branching_ratios"]
    M, g = d["M_Zp_GeV"], d["g_BL"]
    cases = {
        "sm_omega": zprime_channels(M, g, include_chi=False, include_N=False),
        "sm_omega_N": zprime_channels(M, g, m_N=0.0, include_chi=False),
        "sm_omega_N_chi": zprime_channels(M, g, m_chi=0.0, m_N=0.0),
    }
    out: dict[str, Any] = {}
    for k, ch in cases.items():
        c = branching_ratios(ch)["categories"]
        out[k] = {"invisible": c.get("invisible", 0.0) + c.get("dm", 0.0),
                  "quarks": c["quarks"], "leptons": c["leptons"]}
    paper = dict(d["paper"])
    dist = {k: max(abs(out[k][q] - paper[q]) for q in paper) for k in ("sm_omega", "sm_omega_N")}
    out["paper"] = paper
    out["paper_matches"] = min(dist, key=dist.get)
    out["paper_footnote_invisible_with_chi_and_N"] = d["footnote_invisible_with_chi_and_N"]
    return out
