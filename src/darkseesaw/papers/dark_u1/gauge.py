"""The paper's gauge quantities: m_ZD, ε and ε′ of eq. (2.17) from the exact neutral-boson mixing.

Table 2 quotes ε (the input kinetic mixing, coupling e ε J_em) and ε′ = 3.6e-14, the mass-mixing
part of the Z_D coupling to (g/c_W) J_Z of eq. (2.19). `gauge_sector` computes both with the exact
engine `darkseesaw.spectrum.gauge_mixing` (B̂, Ŵ³ and the dark boson; vevs of H, φ, S₁, S₂):
the kinetic mixing sin χ is tuned so that the physical coupling to e(0) J_em is exactly the
input ε; ``eps_prime`` is the mass-mixing part (sin χ = 0), ``eps_prime_total`` the full
physical coupling (dominated here by the kinetic mixing, −s_W tan χ m_ZD²/m_Z²). The model's
`U1Gauge` sector uses the same engine (its ``epsilon_Zp`` is the input ε up to the tiny mass
mixing, and the sector's observable ``epsilon_prime_Zp`` is the total ε′).
"""

from __future__ import annotations

import math
from typing import Any

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import Parameters
from darkseesaw.papers.dark_u1.formulas import eps_prime_eq219, m_ZD_eq218
from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings

__all__ = ["gauge_sector", "CHARGES"]

CHARGES = [(-0.5, 0.5, 0.0), (-0.5, 0.5, 1.0), (0.0, 0.0, 1.0), (0.0, 0.0, 2.0)]
"""(T₃, Y, D) of the vevs of H, φ, S₁, S₂."""


def gauge_sector(p: Parameters) -> dict[str, Any]:
    """Z_D mass and couplings (exact) with the paper's ε and ε′.

    Returns
    -------
    dict
        ``m_ZD``, ``m_Z`` [GeV], ``epsilon``, ``eps_prime`` (|mass-mixing part|, eq. 2.19),
        ``eps_prime_signed``, ``eps_prime_total``, ``eps_prime_eq219``, ``m_ZD_eq218`` [GeV],
        ``kappa_Z`` (Z coupling to the dark current in units of g_D), ``sin_chi``, ``mixing``
        (the `GaugeMixing`).
    """
    g, gp = sm_couplings()
    gZ = math.hypot(g, gp)
    vev = [ph.v_EW, p.v_phi, p.omega1, p.omega2]
    mm = neutral_gauge_mixing(g, gp, p.g_D, vev, CHARGES, sin_chi=0.0)
    e_tree = g * gp / gZ
    cw = g / gZ
    sin_chi = -p.epsilon * ph.e_charge_0 / e_tree / cw  # ε in units of e(0)
    for _ in range(3):
        r = neutral_gauge_mixing(g, gp, p.g_D, vev, CHARGES, sin_chi=sin_chi)
        eps_now = float(r.eps_em[2]) * e_tree / ph.e_charge_0
        if p.epsilon == 0:
            break
        sin_chi *= p.epsilon / eps_now
    r = neutral_gauge_mixing(g, gp, p.g_D, vev, CHARGES, sin_chi=sin_chi)
    return {
        "m_ZD": float(r.masses[2]), "m_Z": float(r.masses[1]),
        "epsilon": float(r.eps_em[2]) * e_tree / ph.e_charge_0,
        "eps_prime": abs(float(mm.eps_Z[2])),
        "eps_prime_signed": float(mm.eps_Z[2]),
        "eps_prime_total": float(r.eps_Z[2]),
        "eps_prime_eq219": eps_prime_eq219(p),
        "m_ZD_eq218": m_ZD_eq218(p),
        "kappa_Z": float(r.kappa_X[1]),
        "sin_chi": float(sin_chi),
        "mixing": r,
    }
