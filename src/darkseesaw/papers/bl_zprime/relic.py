"""Relic density of χ as the reproduction computes it, and eq. 3.6 against it.

`relic_density` solves the Boltzmann equation (`darkseesaw.cosmo.omega_h2`, Dirac χ + χ̄) with
the Gondolo–Gelmini average (`darkseesaw.cosmo.thermal_average`, the Z′ pole as break point) of
the exact σ(χχ̄ → all)(s) of `annihilation_sigma`: f f̄ through the Breit–Wigner Z′ (SM
fermions, ω, optionally the N_R–N′_R pairs) with the tree-level width of eq. 3.4
(`zprime_decays`), and χχ̄ → Z′Z′. The model's `FermionDM` sector does the same from the U(1)′
sector's couplings and widths (QCD-corrected, N pairs at their mass); the reproduction keeps
this path, the paper's. `omega_freeze_out_eq36` is the paper's estimate eq. 3.6 with the s-wave
⟨σv⟩ of eqs. 3.3 + 3.5. The χ charges are passed explicitly everywhere (`content.Q_CHI`).

Example
-------
>>> round(float(relic_density(5000.0, 9800.0, 0.3)[0]), 4)   # near the Z' pole
0.0014
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.cosmo import omega_h2, thermal_average
from darkseesaw.cosmo.freeze_out import x_freeze_out
from darkseesaw.io import save_figure
from darkseesaw.observables.zprime import (
    sigma_ff,
    sigma_v_ff,
    sigma_v_zpzp,
    sigma_zpzp,
    total_width,
)
from darkseesaw.papers.bl_zprime.content import Q_CHI, Q_OMEGA
from darkseesaw.papers.bl_zprime.formulas import M_PL, omega_h2_eq36
from darkseesaw.papers.bl_zprime.zprime_decays import SM_FERMIONS, zprime_channels
from darkseesaw.papers.common import load_data

__all__ = ["annihilation_sigma", "sigma_v_s_wave", "relic_density", "omega_freeze_out_eq36",
           "relic_vs_freeze_out", "plot_relic_comparison"]



def annihilation_sigma(m_chi, M, g, Gamma, m_N=None):
    """σ(χχ̄ → all)(s) [GeV⁻²] as a function of s: f f̄ (SM, ω, N pairs) via Z′ + Z′Z′.

    Final states lighter than 1 % of m_χ are summed as massless (their mass corrections are
    O(m_f²/m_χ²) < 10⁻⁴); the top quark and the N pairs keep their masses (eq. 3.4 kinematics).
    """
    light = 0.0  # Σ n_c (d_V² + d_A²) of the (effectively) massless final states
    heavy = []
    for q, nc, m, _ in SM_FERMIONS.values():
        if m < 0.01 * m_chi:
            light += nc * ((q[0] + q[1]) ** 2 + (q[0] - q[1]) ** 2) / 4
        else:
            heavy.append((q, nc, m))
    light += (Q_OMEGA**2) / 2
    if m_N is not None:
        heavy += [((-1.0, -1.0), 3, m_N)]  # three pairs: n_c → 3
    cV, cA = (Q_CHI[0] + Q_CHI[1]) / 2, (Q_CHI[0] - Q_CHI[1]) / 2
    hv = [(nc, ((q[0] + q[1]) / 2) ** 2, ((q[0] - q[1]) / 2) ** 2, m * m) for q, nc, m in heavy]
    g4 = float(g) ** 4
    M2, MG2, m2 = float(M) ** 2, (float(M) * float(Gamma)) ** 2, float(m_chi) ** 2
    sv_zz = float(sigma_v_zpzp(m_chi, M, g, Q_CHI))

    def _scalar(s: float) -> float:
        # the formula of `darkseesaw.observables.zprime.sigma_ff`, summed, in plain floats
        # (the thermal-average quadrature calls σ one s at a time)
        b2 = 1.0 - 4.0 * m2 / s
        if b2 <= 0.0:
            return 0.0
        bchi = math.sqrt(b2)
        chi_part = cV * cV * (s + 2 * m2) + cA * cA * s * b2
        fin = light * s
        for nc, dv2, da2, mf2 in hv:
            bf2 = 1.0 - 4.0 * mf2 / s
            if bf2 > 0.0:
                fin += nc * math.sqrt(bf2) * (dv2 * (s + 2 * mf2) + da2 * s * bf2)
        val = g4 * chi_part * fin / (12 * math.pi * s * bchi * ((s - M2) ** 2 + MG2))
        return val + sv_zz / (2 * bchi)

    def sigma(s):
        if isinstance(s, float) or np.ndim(s) == 0:  # the quadrature's calls: plain floats
            return _scalar(float(s))
        tot = sigma_zpzp(s, m_chi, M, g, Q_CHI)
        tot = tot + light * sigma_ff(s, m_chi, M, Gamma, g, Q_CHI, (1.0, 1.0), m_f=0.0, nc=1)
        for q, nc, m in heavy:
            tot = tot + sigma_ff(s, m_chi, M, Gamma, g, Q_CHI, q, m_f=m, nc=nc)
        return tot

    return sigma


def sigma_v_s_wave(m_chi, M, g, Gamma, m_N=None):
    """⟨σv⟩ at leading order in v [GeV⁻²]: eq. 3.3 summed over final states + eq. 3.5."""
    tot = sigma_v_zpzp(m_chi, M, g, Q_CHI)
    m_chi = np.asarray(m_chi, float)
    for q, nc, m, _ in SM_FERMIONS.values():
        tot = tot + np.where(m < m_chi, sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, q, nc), 0.0)
    tot = tot + sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, (Q_OMEGA, 0.0), 1)
    if m_N is not None:
        tot = tot + np.where(m_N < m_chi,
                             3 * sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, (-1.0, -1.0), 1), 0.0)
    return tot


def relic_density(m_chi, M, g, *, m_N=None, n_x=14, epsrel=1e-5, return_sv=False):
    """Ωh² of χ + χ̄ from the Boltzmann equation (module notes).

    ⟨σv⟩(x) is tabulated on ``n_x`` points in 2 ≤ x ≤ 2000 and interpolated log-log (beyond:
    the end values; the Boltzmann solution is insensitive to ⟨σv⟩ at x < 2, and the tail
    beyond 2000 is integrated by the solver with the last value).

    Parameters
    ----------
    m_chi, M, g : float or arrays of one shape
        DM mass [GeV], Z′ mass [GeV], coupling.
    m_N : float, optional
        Mass of the N_R–N′_R pairs (None: not an annihilation channel).

    Returns
    -------
    ndarray
        Ωh² (shape of the broadcast inputs); with ``return_sv`` also x and the ⟨σv⟩ table.
    """
    m_chi, M, g = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g)))
    shape = m_chi.shape
    mc, Mf, gf = m_chi.ravel(), M.ravel(), g.ravel()
    xs = np.geomspace(2.0, 2000.0, n_x)
    table = np.empty((n_x, mc.size))
    for i in range(mc.size):
        Gam = float(total_width(zprime_channels(Mf[i], gf[i], mc[i], m_N)))
        sig = annihilation_sigma(mc[i], Mf[i], gf[i], Gam, m_N)
        thr = [Mf[i] * 2] if Mf[i] < mc[i] else []
        with warnings.catch_warnings():  # quad's roundoff notes deep in the Boltzmann tail
            warnings.simplefilter("ignore")
            table[:, i] = thermal_average(sig, mc[i], xs, resonances=[(Mf[i], Gam)],
                                          thresholds=thr, units="cm3/s", epsrel=epsrel)
    lx, lt = np.log(xs), np.log(np.maximum(table, 1e-300))

    def sv(x):
        x = np.asarray(x, float)
        flat = np.log(np.clip(x.reshape(-1), xs[0], xs[-1]))
        out = np.empty((flat.size, mc.size))
        for j in range(mc.size):
            out[:, j] = np.exp(np.interp(flat, lx, lt[:, j]))
        return out.reshape(*x.shape[:-1], mc.size) if x.ndim > 1 else out

    om = np.asarray(omega_h2(mc, sv, g=2.0, self_conjugate=False)).reshape(shape)
    if return_sv:
        return om, xs, table.reshape(n_x, *shape)
    return om


def omega_freeze_out_eq36(m_chi, M, g, *, m_N=None):
    """Eq. 3.6 with the s-wave ⟨σv⟩ of eqs. 3.3 + 3.5 and x_f from the freeze-out iteration."""
    m_chi, M, g = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g)))
    Gam = np.array([float(total_width(zprime_channels(Mi, gi, mi, m_N)))
                    for mi, Mi, gi in zip(m_chi.ravel(), M.ravel(), g.ravel(), strict=True)]
                   ).reshape(M.shape)
    sv = ph.invGeV2_to_cm3_per_s(sigma_v_s_wave(m_chi, M, g, Gam, m_N))
    xf = np.atleast_1d(x_freeze_out(m_chi.ravel(), sv.ravel(), self_conjugate=False))
    return np.asarray(omega_h2_eq36(m_chi.ravel(), sv.ravel(), m_chi.ravel() / xf,
                                    M_Pl=M_PL)).reshape(M.shape)


def relic_vs_freeze_out(n: int) -> dict[str, Any]:
    """Boltzmann Ωh² versus the freeze-out estimate eq. 3.6 across the resonance."""
    d = load_data(__package__, "paper.yaml")["relic_comparison"]
    m_chi, g = d["m_chi_GeV"], d["g_BL"]
    Ms = np.linspace(*d["M_Zp_GeV"], n)
    om_b = relic_density(np.full(n, m_chi), Ms, np.full(n, g))
    om_e = omega_freeze_out_eq36(np.full(n, m_chi), Ms, np.full(n, g))
    r = om_e / om_b
    return {"m_chi_GeV": m_chi, "gBL": g, "MZp_GeV": Ms.tolist(), "omega_boltzmann": om_b.tolist(),
            "omega_eq36": om_e.tolist(), "ratio_eq36_over_boltzmann": r.tolist(),
            "ratio_range": [float(r.min()), float(r.max())],
            "ratio_at_resonance": float(r[np.argmin(abs(Ms - 2 * m_chi))])}


def plot_relic_comparison(rc: dict[str, Any], out: Path) -> list[str]:
    """Figure ``relic_boltzmann_vs_eq36`` (PNG + PDF); returns the file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    M = np.asarray(rc["MZp_GeV"]) / 1e3
    fig, (a1, a2) = plt.subplots(2, 1, figsize=(6, 5.5), sharex=True,
                                 gridspec_kw={"height_ratios": [2, 1]})
    a1.semilogy(M, rc["omega_boltzmann"], "o-", label="Boltzmann equation (exact $\\sigma(s)$)")
    a1.semilogy(M, rc["omega_eq36"], "s--", label="freeze-out estimate, eq. (3.6)")
    a1.axhline(_ME["omega_dm_h2_planck2015"].value, color="k", lw=0.7, ls=":",
               label="$\\Omega h^2 = 0.1186$")
    a1.set_ylabel("$\\Omega_\\chi h^2$")
    a1.legend(fontsize=8)
    a1.set_title(f"$m_\\chi$ = {rc['m_chi_GeV'] / 1e3:g} TeV, $g_{{BL}}$ = {rc['gBL']}")
    a2.plot(M, rc["ratio_eq36_over_boltzmann"], "k.-")
    a2.axhline(1.0, color="0.5", lw=0.7)
    a2.set_ylabel("eq. (3.6) / Boltzmann")
    a2.set_xlabel("$m_{Z'}$ [TeV]")
    fig.tight_layout()
    return [Path(f).name for f in save_figure(fig, out, "relic_boltzmann_vs_eq36")]
