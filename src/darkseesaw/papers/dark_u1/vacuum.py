"""The vacuum of the benchmark from its Lagrangian inputs, and the naturalness of footnote 2.

* `minimise`: numerical minimisation of V (eq. 2.1) at the fitted *bare masses*, started away
  from the vevs (from the approximate vevs of eqs. 2.2–2.3, scaled), with the search of competing
  stationary points (φ-only, S-only … vacua) of `darkseesaw.spectrum.scalars.ScalarPotential`;
* `naturalness`: footnote 2 of the paper, M_lightest ≥ √λ M_heavy/(8π) for the portal quartics
  between heavy (H, φ) and light (S₁, S₂) fields; μ, μ′, αv below M_lightest; quartics above 4π.
"""

from __future__ import annotations

import math
from typing import Any

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import Parameters, scalar_potential

__all__ = ["minimise", "naturalness"]


def minimise(p: Parameters, bare: dict[str, float], *, check_candidates: bool = True):
    """The `darkseesaw.spectrum.scalars.Vacuum` of V at the bare masses ``bare`` [GeV²] and the
    couplings of ``p`` (the vevs of ``p`` only set the starting point)."""
    pp = dict(p.pot_params())
    pp.update(bare)
    guess = {"H": ph.v_EW * 1.02, "phi": p.v_phi * 1.3, "S1": p.omega1 * 0.8,
             "S2": p.omega2 * 1.3}
    return scalar_potential().minimise(pp, guess, check_candidates=check_candidates)


def naturalness(inputs: dict[str, float], s: dict[str, Any]) -> dict[str, Any]:
    """Footnote-2 checks at ``inputs`` with the scalar spectrum ``s`` (masses in GeV)."""
    light = min(s["m_SD"], s["m_SDp"], s["m_aD"])
    heavy = {"lam_HS1": s["m_hSM"], "lam_HS2": s["m_hSM"], "lam_phiS1": s["m_HD"],
             "lam_phiS2": s["m_HD"]}
    out: dict[str, Any] = {"M_lightest_GeV": light}
    for k, mh in heavy.items():
        bound = math.sqrt(abs(inputs[k])) * mh / (8 * math.pi)
        out[k] = {"sqrt_lam_Mheavy_over_8pi_GeV": bound, "ok": bound <= light}
    for k, val in (("mu", abs(inputs["mu"])), ("mu_p", abs(inputs["mu_p"])),
                   ("alpha_v", abs(inputs["alpha"]) * ph.v_EW)):
        out[k] = {"value_GeV": val, "ok": val <= light}
    out["quartics_above_4pi"] = {k: inputs[k] for k in inputs
                                 if k.startswith("lam_") and abs(inputs[k]) > 4 * math.pi}
    out["g_D_over_sqrt4pi"] = inputs["g_D"] / math.sqrt(4 * math.pi)
    return out
