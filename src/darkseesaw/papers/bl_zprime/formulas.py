"""Formulas that belong to the ``bl-zprime`` paper only (De Romeri, Fernandez-Martinez,
Gehrlein, Machado, Niro, JHEP 10 (2017) 169, arXiv:1707.08606), moved out of the engines: the
freeze-out estimate eq. 3.6 and ΔN_eff of eq. 3.9 as printed.

Example
-------
>>> round(float(delta_neff_eq39(4.0, g_star=86.25)), 4)
0.0255
"""

from __future__ import annotations

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.cosmo import thermo

__all__ = ["omega_h2_eq36", "delta_neff_eq39", "M_PL"]

M_PL: float = 1.2e19
"""Planck mass [GeV] of eqs. 3.6 and 3.10 (the PDG value is `physics.M_Pl` = 1.220890e19)."""


def omega_h2_eq36(mass, sigma_v, T_fo, *, g_star=None, M_Pl: float = M_PL):
    r"""Eq. 3.6: Ωh² = 2.5×10²⁸ m / (T_f.o. M_Pl² √g* ⟨σv⟩).

    Parameters
    ----------
    mass : float or array
        Dirac DM mass m_χ [GeV].
    sigma_v : float or array
        ⟨σv⟩ [cm³/s] (converted to GeV⁻², the units in which the formula is dimensionless).
    T_fo : float or array
        Freeze-out temperature [GeV] (e.g. m / ``x_freeze_out``).
    g_star : float or array, optional
        g* at freeze-out; default the Saikawa–Shirai g_eff(T_fo).
    M_Pl : float
        The paper uses M_Pl = 1.2×10¹⁹ GeV (default here, to reproduce it).

    Returns
    -------
    ndarray or float
        Ωh² of χ + χ̄ (the formula is twice the self-conjugate textbook estimate).
    """
    m = np.asarray(mass, dtype=float)
    T = np.asarray(T_fo, dtype=float)
    gs = thermo.g_star(T) if g_star is None else np.asarray(g_star, dtype=float)
    sv = ph.cm3_per_s_to_invGeV2(np.asarray(sigma_v, dtype=float))
    return 2.5e28 * m / (T * M_Pl**2 * np.sqrt(gs) * sv)


def delta_neff_eq39(T_dec, *, g_star=None):
    r"""Eq. 3.9 as printed: ΔN_eff = (11/(2 g*(T_dec)))^{4/3}.

    Omits the neutrino entropy (see module docstring): smaller than ``delta_neff(T_dec)`` of a
    Weyl fermion by the factor (43/22)^{4/3} ≈ 2.44. Kept to reproduce the paper's eq. 3.11.

    Parameters
    ----------
    T_dec : float or array
        Decoupling temperature [GeV].
    g_star : float or array, optional
        g* at T_dec; default the Saikawa–Shirai g_eff(T_dec) (the paper's 0.026 corresponds to
        g* = 86.25, the step-function value between m_b and m_W).
    """
    T = np.asarray(T_dec, dtype=float)
    gs = thermo.g_star(T) if g_star is None else np.asarray(g_star, dtype=float)
    return (11.0 / (2.0 * gs)) ** (4.0 / 3.0)
