"""Formulas that belong to the ``hnl-inflaton`` paper only (Cline, Puel, Toma, JHEP 05 (2020)
039, arXiv:1909.12300), moved out of the engines: the thermal integrals F, F̄ of eqs. 3.11–3.15,
the small-mass LFV approximations eqs. 4.20–4.21 as printed, and the chemical-equilibrium
relations of eq. 3.7.

Example
-------
>>> round(float(hnl_F(20.0)), 4)
0.0284
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from scipy.special import kve

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.cosmo.chemical_equilibrium import sm_plus_hnl_plasma
from darkseesaw.cosmo.thermal_average import _genlag, _kernel

__all__ = ["hnl_F", "hnl_Fbar", "hnl_F_fit", "br_mu_3e_eq421", "br_mu_e_gamma_eq420",
           "hnl_inflaton_relations", "max_asymmetric_dm_mass", "loop_mass_shift_eq71",
           "br_mu_3e_small_x_general", "mu_3e_small_x_coefficients"]


# ------------------------------------------------------------------------------------------
def _eps_integral(g_eps, x, n_nodes: int = 96):
    """4x/K2(x)² ∫ g(ε) ε √(1+ε) K1(2x√(1+ε)) dε by the Laguerre rule (g ∝ √ε near 0)."""
    x = np.asarray(x, dtype=float)
    t, w = _genlag(int(n_nodes), 0.5)
    xe = x[..., None]
    eps = t / xe * (1 + t / (4 * xe))
    integ = (w * g_eps(eps) * _kernel(t, xe) / np.sqrt(t)).sum(-1)
    return 4.0 / (x * kve(2, x) ** 2) * integ


def hnl_F(x):
    r"""F(x) of eq. 3.12 (exact, by quadrature).

        F(x) = x/K2(x)² ∫_0^∞ dε (ε/(1+ε))^{3/2} K1(2x√(1+ε)),

    the thermal average of the p-wave σ(N′N̄′ → ss) ∝ ε^{1/2}/(1+ε)² (eq. 3.10):
    ⟨σv⟩ = 3g_s⁴/(16π m²) F(x) (eq. 3.11).

    Example
    -------
    >>> round(float(hnl_F(20.0)), 4)
    0.0284
    """
    return _eps_integral(lambda e: np.sqrt(e) / (1 + e) ** 2 / 4.0, x)


def hnl_Fbar(x):
    r"""F̄(x) of eq. 3.15 (exact):  x/K2² ∫ dε ε^{3/2}/(1+ε)^{5/2} K1(2x√(1+ε))."""
    return _eps_integral(lambda e: np.sqrt(e) / (1 + e) ** 3 / 4.0, x)


def hnl_F_fit(x):
    """The paper's polynomial fit of F(x) (below eq. 3.12), for 15 < x < 70:
    0.058 − 0.002 x + 3.25×10⁻⁵ x² − 1.87×10⁻⁷ x³."""
    x = np.asarray(x, dtype=float)
    return 0.058 - 0.002 * x + 3.25e-5 * x**2 - 1.87e-7 * x**3


def br_mu_3e_eq421(S, M):
    """Eq. 4.21 of Cline, Puel, Toma (2020) as printed (small-x approximation, x = M²/M_W²).

    BR ≈ α²/(16π² s_W⁴) |S|² x² (0.6 ln²x − 0.2 ln x + 2.2), S = Σ_i U_μi U*_ei.
    Kept for the reproduction; `br_mu_3e` is the full one-loop result (see docs for the
    comparison: the general formula's ln²x coefficient is 12 s_W⁴ ≈ 0.6 with prefactor
    α_W²/(64π²), i.e. 4× smaller than the printed prefactor).
    """
    x = (np.asarray(M, float) / ph.M_W) ** 2
    L = np.log(x)
    return (ph.alpha_0**2 / (16 * math.pi**2 * ph.sin2_theta_W_onshell**2) * np.abs(S) ** 2
            * x**2 * (0.6 * L**2 - 0.2 * L + 2.2))


def br_mu_3e_small_x_general(S, M, sin2_w: float | None = None):
    """Small-x limit of the general one-loop BR(μ → eee) (Alonso et al. 2013, eq. 21), for
    HNLs of mass M [GeV] with S = Σ_i U_μi U*_ei, derived in ``docs/hnl-inflaton.md``:

        BR = α_W²/(64π²) |S|² x² [12 s⁴ ln²x + (48 s⁴ − 20 s²) ln x
                                   + 45 s⁴ − 32 s² + 9/2 + 2 s⁴ (ln(m_μ²/m_e²) − 11/4)],

    x = M²/M_W², s² = sin²θ_W (on shell, as in `observables.lfv`), α_W = √2 G_F M_W²/π. With
    α_W = α/s² the prefactor is α²/(64π² s⁴): eq. 4.21 prints α²/(16π² s⁴), 4× larger, and the
    bracket (0.6 ln²x − 0.2 ln x + 2.2) shares only the ln²x coefficient 12 s⁴ ≈ 0.6.
    """
    s2 = ph.sin2_theta_W_onshell if sin2_w is None else sin2_w
    x = (np.asarray(M, float) / ph.M_W) ** 2
    L = np.log(x)
    c2, c1, c0 = mu_3e_small_x_coefficients(s2)
    aW = math.sqrt(2) * ph.G_F * ph.M_W**2 / math.pi
    return aW**2 / (64 * math.pi**2) * np.abs(S) ** 2 * x**2 * (c2 * L**2 + c1 * L + c0)


def mu_3e_small_x_coefficients(sin2_w: float | None = None) -> tuple[float, float, float]:
    """(ln²x, ln x, 1) coefficients of the bracket of `br_mu_3e_small_x_general`:
    12 s⁴, 48 s⁴ − 20 s², 45 s⁴ − 32 s² + 9/2 + 2 s⁴ (ln(m_μ²/m_e²) − 11/4)."""
    s2 = ph.sin2_theta_W_onshell if sin2_w is None else sin2_w
    lg = math.log(ph.m_mu**2 / ph.m_e**2) - 11 / 4
    return (12 * s2**2, 48 * s2**2 - 20 * s2, 45 * s2**2 - 32 * s2 + 4.5 + 2 * s2**2 * lg)


def loop_mass_shift_eq71(eta):
    """Eigenvalues [GeV] of the one-loop HNL mass shift of eq. 7.1 with its O(1) set to 1,
    η_ik m_ℓk η†_kj/(16π²), for η_ν of shape (3 HNLs, 3 flavours); ascending. The row of the
    dark matter N′ vanishes, so one eigenvalue is 0: the others are the N′–N_i splittings."""
    eta = np.asarray(eta, complex)
    m = np.diag([ph.m_e, ph.m_mu, ph.m_tau])
    dm = eta @ m @ eta.conj().T / (16 * math.pi**2)
    return np.linalg.eigvalsh(0.5 * (dm + dm.conj().T))


def br_mu_e_gamma_eq420(S, M):
    """Eq. 4.20 of Cline et al. (small-x limit): (3α/32π)|S|² (M²/M_W²)², S = Σ U_μi U*_ei."""
    x = (np.asarray(M, float) / ph.M_W) ** 2
    return 3 * ph.alpha_0 / (32 * math.pi) * np.abs(S) ** 2 * x**2


# ------------------------------------------------------------------------------- μ–e conversion


def hnl_inflaton_relations(n_unstable: int = 2) -> dict[str, Fraction]:
    """Eq. 3.7 of Cline, Puel, Toma (2020) and the B/μ_N′ ratio below it, exactly.

    Returns μ_q, μ_h, μ_N, B and L (units T²/6) per unit μ_ν = Σ_α μ_{l_α}, the coefficient of
    μ_N′ in L, and — after imposing L − B = L₀ = 6 μ_N′ (eq. 3.6: the three HNL species, two
    chiralities each, start with equal potentials) — μ_ν/μ_N′ and B/μ_N′ = −112/123.
    Also returns ``Nprime_density_over_mu_Nprime`` (= 2: both chiralities of the Dirac N′).
    """
    pl = sm_plus_hnl_plasma(n_unstable)
    sol = pl.solve({"mu_nu": {"l_e": 1, "l_mu": 1, "l_tau": 1}, "mu_Np": {"Np": 1}})
    B = pl.charge("B", sol)
    L = pl.charge("L", sol)
    out = {
        "mu_q_over_mu_nu": sol["q"]["mu_nu"],
        "mu_h_over_mu_nu": sol["h"]["mu_nu"],
        "mu_N_over_mu_nu": sol["N1"]["mu_nu"],
        "B_over_mu_nu": B["mu_nu"],
        "L_over_mu_nu": L["mu_nu"],
        "L_coeff_mu_Nprime": L["mu_Np"],
    }
    n_hnl = n_unstable + 1
    pl.add_charge_constraint({"L": 1, "B": -1}, {"Np": -2 * n_hnl})
    sol2 = pl.solve({"mu_Np": {"Np": 1}})
    out["mu_nu_over_mu_Nprime"] = sum((sol2[f"l_{f}"]["mu_Np"] for f in ("e", "mu", "tau")),
                                      Fraction(0))
    out["B_over_mu_Nprime"] = pl.charge("B", sol2)["mu_Np"]
    out["Nprime_density_over_mu_Nprime"] = pl.charge("Np", sol2)["mu_Np"]
    return out


def max_asymmetric_dm_mass(B_over_mu_dm, *, dm_density_per_mu=1, Omega_c=None, Omega_b=None,
                           m_nucleon=None) -> float:
    """Largest DM mass [GeV] when the DM is fully asymmetric (eq. 3.8 of Cline et al. 2020).

    m_DM = |n_B / n_DM| (Ω_c/Ω_b) m_n with n_B/n_DM = (B/μ_DM) / (dm_density_per_mu).

    Parameters
    ----------
    B_over_mu_dm : rational or float
        Baryon density per unit DM chemical potential (−112/123 in the paper).
    dm_density_per_mu : rational or float
        DM number density per unit μ_DM in the same units. Eq. 3.8 as printed uses 1; counting
        both chiralities of the Dirac N′ (as eqs. 3.6–3.7 do) gives 2.
    Omega_c, Omega_b, m_nucleon : float
        Defaults: Planck 2018 values (0.265, 0.0493: measurements ``omega_c_planck2018``,
        ``omega_b_planck2018`` of `darkseesaw.constraints.measurements`) and the neutron mass
        (the paper's "nucleon mass").

    Example
    -------
    >>> round(max_asymmetric_dm_mass(-112/123), 2)
    4.6
    """
    Oc = ME["omega_c_planck2018"].value if Omega_c is None else Omega_c
    Ob = ME["omega_b_planck2018"].value if Omega_b is None else Omega_b
    mn = ph.m_neutron if m_nucleon is None else m_nucleon
    return float(abs(B_over_mu_dm) / float(dm_density_per_mu) * Oc / Ob * mn)
