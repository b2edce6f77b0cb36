"""The vacuum of the benchmark from its Lagrangian inputs, and the naturalness of footnote 2.

* `minimise`: numerical minimisation of V (eq. 2.1) at the fitted *bare masses*, started away
  from the vevs (scaled by 1.02, 1.3, 0.8, 1.3), by damped Newton on the seven gauge-fixed
  coordinates (`darkseesaw.papers.dark_u1.potential7`, closed-form derivatives), with the
  Hessian there (a minimum: all seven eigenvalues positive; the Goldstones are gauged away).
  Whether it is the *global* minimum is `darkseesaw.papers.dark_u1.global_vacuum`;
* `naturalness`: footnote 2 of the paper, M_lightest ≥ √λ M_heavy/(8π) for the portal quartics
  between heavy (H, φ) and light (S₁, S₂) fields; μ, μ′, αv below M_lightest; quartics above 4π.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import Parameters
from darkseesaw.papers.dark_u1 import potential7 as P7
from darkseesaw.papers.dark_u1.global_vacuum import _newton

__all__ = ["Vacuum", "minimise", "naturalness"]


@dataclass
class Vacuum:
    """The minimum reached from the start: ``vevs`` [GeV] by field, ``converged``,
    ``is_minimum`` (Hessian eigenvalues > 0), ``hessian_eigenvalues_GeV2`` (of the 7
    gauge-fixed coordinates: the CP-even ones are masses², the CP-odd and charged ones are
    not — the slice is not orthogonal to the Goldstones — but their signs are what matters)."""

    vevs: dict[str, float]
    converged: bool
    is_minimum: bool
    hessian_eigenvalues_GeV2: list[float]


def minimise(p: Parameters, bare: dict[str, float]) -> Vacuum:
    """The minimum of V at the bare masses ``bare`` [GeV²] and the couplings of ``p`` (the vevs
    of ``p`` only set the starting point)."""
    pp = {k: np.array([v]) for k, v in p.pot_params().items()}
    pp.update({k: np.array([v]) for k, v in bare.items()})
    x0 = np.zeros((1, len(P7.COORDS)))
    x0[0, list(P7.EVEN)] = [ph.v_EW * 1.02, p.v_phi * 1.3, p.omega1 * 0.8, p.omega2 * 1.3]
    x, conv, run = _newton(pp, x0, maxiter=200, deadline=time.monotonic() + 60.0)
    w = np.linalg.eigvalsh(P7.hessian(pp, x)[0])
    xe = x[0, list(P7.EVEN)]
    return Vacuum(vevs=dict(zip(("H", "phi", "S1", "S2"), np.abs(xe).tolist(), strict=True)),
                  converged=bool(conv[0] and not run[0]),
                  is_minimum=bool(np.all(w > 0)) and bool(conv[0]),
                  hessian_eigenvalues_GeV2=w.tolist())


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
