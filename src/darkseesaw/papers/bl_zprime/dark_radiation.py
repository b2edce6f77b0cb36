"""ΔN_eff of the massless ω as the paper estimates it (eqs. 3.9–3.11).

`omega_decoupling_T` is eq. 3.10 solved by fixed-point iteration with the lattice g*(T) and the
paper's M_Pl = 1.2×10¹⁹ GeV; `delta_neff_omega` gives eq. 3.9 as printed (`formulas`) beside the
correct value with the neutrino entropy (`darkseesaw.cosmo.dark_radiation.delta_neff`), which
is (43/22)^{4/3} = 2.44 times larger. The model (`darkseesaw.models.bl_zprime`) reports only the
correct value, at the temperature where the same rate equals the Hubble rate of
`darkseesaw.cosmo` (PDG Planck mass: T_dec lower by (1.2/1.2209)^{1/3}, 0.6 %).

Example
-------
>>> dn_paper, dn, T = delta_neff_omega(1e4, 0.1)
>>> round(float(T), 2), round(float(dn_paper), 4), round(float(dn / dn_paper), 3)
(2.39, 0.0293, 2.473)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from darkseesaw.cosmo import thermo
from darkseesaw.cosmo.dark_radiation import delta_neff
from darkseesaw.papers.bl_zprime.formulas import M_PL, delta_neff_eq39
from darkseesaw.papers.bl_zprime.zprime_decays import SM_FERMIONS
from darkseesaw.papers.common import load_data

__all__ = ["omega_decoupling_T", "delta_neff_omega", "delta_neff_scan"]


def omega_decoupling_T(M, g, *, n_iter: int = 60):
    """T_f.o. of ω from eq. 3.10: T³ = 2.16 √g*(T) M⁴ / (M_Pl g⁴ Σ_f (q_fL² + q_fR²)).

    Σ_f runs over the SM Weyl components (colour included) lighter than T; g*(T) from the
    cosmology engine; M_Pl = 1.2×10¹⁹ GeV as in the paper. Fixed-point iteration.
    """
    M = np.asarray(M, float)
    g = np.asarray(g, float)
    T = np.full(np.broadcast(M, g).shape, 4.0)
    for _ in range(n_iter):
        sq = np.zeros(T.shape)
        for q, nc, m, _ in SM_FERMIONS.values():
            sq = sq + np.where(m < T, nc * (q[0] ** 2 + q[1] ** 2), 0.0)
        T = (2.16 * np.sqrt(thermo.g_star(T)) * M**4 / (M_PL * g**4 * sq)) ** (1 / 3)
    return T


def delta_neff_omega(M, g):
    """(ΔN_eff as printed in eq. 3.9, ΔN_eff with the neutrino entropy included, T_dec)."""
    T = omega_decoupling_T(M, g)
    return np.asarray(delta_neff_eq39(T)), np.asarray(delta_neff(T, g=2.0)), T


def delta_neff_scan() -> dict[str, Any]:
    """ΔN_eff at the paper's typical point and over its rectangle (sec. 3.4): JSON keys."""
    d = load_data(__package__, "paper.yaml")["dark_radiation"]
    dn_paper, dn_phys, T = delta_neff_omega(d["typical"]["M_Zp_GeV"], d["typical"]["g_BL"])
    r = d["rectangle"]
    MM, GG = np.meshgrid(np.geomspace(*r["M_Zp_GeV"], r["n"]), np.geomspace(*r["g_BL"], r["n"]))
    dp, dphys, TT = delta_neff_omega(MM, GG)
    return {
        "delta_neff_typical": float(dn_paper),
        "delta_neff_typical_with_neutrino_entropy": float(dn_phys),
        "T_omega_decoupling_typical_GeV": float(T),
        "delta_neff_range": [float(dp.min()), float(dp.max())],
        "delta_neff_range_with_neutrino_entropy": [float(dphys.min()), float(dphys.max())],
        "T_omega_decoupling_range_GeV": [float(TT.min()), float(TT.max())],
    }
