"""Neutral leptons and the MiniBooNE decay picture of the benchmark (arXiv:1808.02500, sec. 3).

* `neutrino_spectrum`: the exact 9×9 spectrum of eq. (2.12) — the model's `NeutralLeptons`
  sector (`darkseesaw.models.dark_u1`) — beside the leading-order light block of eq. (2.13), the
  mean dark-neutrino mass m_ND of Table 2, Σ_heavy |U_αN|² and the Z_D coupling matrix
  G = g_D U† Q U (Q = 0 for ν, −1 for N, +1 for N′ as left-handed fields);
* `decays`: Z_D → e⁺e⁻, νν̄ (the light neutrinos couple to Z_D through their N, N′ admixture
  and ε′), N_D → Z_D ν and N_D → ν e⁺e⁻ (`darkseesaw.observables.dark_photon`), the chain
  MiniBooNE would see.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import MODEL, SQ2, Parameters, y_nu_matrix
from darkseesaw.observables import dark_photon as dp
from darkseesaw.observables import neutrino as nu
from darkseesaw.papers.dark_u1.gauge import gauge_sector
from darkseesaw.spectrum.gauge_mixing import sm_couplings

__all__ = ["neutrino_spectrum", "decays", "DARK_CHARGES"]

DARK_CHARGES = np.array([0, 0, 0, -1, -1, -1, 1, 1, 1], dtype=float)
"""U(1)_D charges of the basis (ν ×3, N ×3, N′ ×3) as left-handed fields."""


def neutrino_spectrum(p: Parameters) -> dict[str, Any]:
    """Exact Takagi spectrum of eq. (2.12), checked against eq. (2.13).

    Returns
    -------
    dict
        ``m`` (9,) [GeV]; ``U`` (9×9); ``m_light_eV`` (3,); ``m_light_eq213_eV`` (3,) singular
        values of eq. (2.13); ``m_ND`` [GeV] (mean heavy mass); ``heavy``, ``light`` (indices);
        ``U_aN_sq`` (3,) Σ_heavy |U_αN|²; ``G`` (9×9); ``osc`` (oscillation observables of
        `darkseesaw.observables.neutrino.observables`); ``y_nu``.
    """
    d = MODEL.point(p).data("neutral_leptons")
    m, U = d["m"], d["U"]
    light, heavy = np.argsort(m)[:3], np.argsort(m)[3:]
    y = y_nu_matrix(p)
    mD = y * p.v_phi / SQ2
    mu = p.y_Np * p.omega2 / SQ2
    Minv = np.linalg.inv(p.m_N * np.eye(3))
    m213 = mD @ Minv.T * mu @ Minv @ mD.T  # eq. (2.13): m_D M^-T mu M^-1 m_D^T
    sv = np.sort(np.linalg.svd(m213, compute_uv=False))
    G = p.g_D * U.conj().T @ np.diag(DARK_CHARGES) @ U
    return {"m": m, "U": U, "m_light_eV": m[light] * 1e9, "m_light_eq213_eV": sv * 1e9,
            "m_ND": float(np.mean(m[heavy])), "heavy": heavy, "light": light,
            "U_aN_sq": np.sum(np.abs(U[:3, heavy]) ** 2, axis=1), "G": G,
            "osc": nu.observables(m, U), "y_nu": y}


def decays(p: Parameters, gauge: dict | None = None, nus: dict | None = None) -> dict[str, Any]:
    """Z_D and N_D widths [GeV], branching ratios and lifetimes [s] at ``p``.

    N_D is the heavy state with the largest active content; its couplings to the light states
    are the dark-current G plus the Z-current part (g_Z ε′/2) U† P_active U.
    """
    gauge = gauge_sector(p) if gauge is None else gauge
    nus = neutrino_spectrum(p) if nus is None else nus
    m_ZD = gauge["m_ZD"]
    L, Hh = nus["light"], nus["heavy"]
    gZ = math.hypot(*sm_couplings())
    U = nus["U"]
    Pact = np.diag([1.0, 1, 1, 0, 0, 0, 0, 0, 0])
    Gtot = nus["G"] + gZ * gauge["eps_prime_total"] / 2 * U.conj().T @ Pact @ U
    w = dp.zd_partial_widths(m_ZD, gauge["epsilon"], gauge["eps_prime_total"],
                             g_nu_light=Gtot[np.ix_(L, L)])
    w = {k: float(v) for k, v in w.items()}
    gam_zd = float(sum(v for v in w.values() if np.isfinite(v)))
    act = np.sum(np.abs(U[:3, Hh]) ** 2, axis=0)
    h = int(Hh[int(np.argmax(act))])
    mh = float(nus["m"][h])
    Gcol = Gtot[L, h]
    w_nd = float(dp.width_heavy_to_vector_light(mh, m_ZD, Gcol))
    w_nd_ee = dp.width_heavy_to_light_ee(mh, m_ZD, Gcol, gauge["epsilon"], gam_zd)
    return {
        "Z_D_widths_GeV": w, "Z_D_width_GeV": gam_zd,
        "Z_D_BR": {k: v / gam_zd for k, v in w.items()},
        "Z_D_lifetime_s": float(ph.width_to_lifetime_s(gam_zd)),
        "N_D_mass_GeV": mh,
        "N_D_to_ZD_nu_GeV": w_nd, "N_D_to_nu_ee_GeV": float(w_nd_ee),
        "N_D_lifetime_s": float(ph.width_to_lifetime_s(w_nd if w_nd > 0 else w_nd_ee)),
    }
