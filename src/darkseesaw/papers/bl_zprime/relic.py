"""Relic density of χ as the reproduction computes it, and eq. 3.6 against it.

`relic_density` solves the Boltzmann equation (`darkseesaw.cosmo.omega_h2`, Dirac χ + χ̄) with
the Gondolo–Gelmini average (`sigma_v_table`: the integral of `darkseesaw.cosmo.thermal_average`
with a fixed composite rule around the Z′ pole, vectorised over points) of the exact
σ(χχ̄ → all)(s) of `annihilation_sigma`: f f̄ through the Breit–Wigner Z′ (SM fermions, ω, and
the N_R–N′_R pairs iff ``m_N`` is given — the final states of the width, so the two agree) with
the tree-level width of eq. 3.4 (`zprime_decays`), and χχ̄ → Z′Z′. The model's `FermionDM` sector does the same from the U(1)′
sector's couplings and widths (QCD-corrected, N pairs at their mass); the reproduction keeps
this path, the paper's. `omega_freeze_out_eq36` is the paper's estimate eq. 3.6 with the s-wave
⟨σv⟩ of eqs. 3.3 + 3.5. The χ charges are passed explicitly everywhere (`content.Q_CHI`).

Example
-------
>>> round(float(relic_density(5000.0, 9800.0, 0.3)[0]), 4)   # near the Z' pole
0.0012
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import kve

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
from darkseesaw.papers.bl_zprime.content import Q_CHI
from darkseesaw.papers.bl_zprime.formulas import M_PL, omega_h2_eq36
from darkseesaw.papers.bl_zprime.zprime_decays import final_states, zprime_channels
from darkseesaw.papers.common import load_data

__all__ = ["annihilation_sigma", "sigma_v_s_wave", "relic_density", "omega_freeze_out_eq36",
           "relic_vs_freeze_out", "plot_relic_comparison", "n_pairs_consistency",
           "sigma_v_table"]


def _annihilation_final_states(m_N):
    """`zprime_decays.final_states` (the list behind the Z′ width) as annihilation channels."""
    return [(q, nc, m) for _, q, nc, m, _ in final_states(m_N)]


def annihilation_sigma(m_chi, M, g, Gamma, m_N=None):
    """σ(χχ̄ → all)(s) [GeV⁻²] as a function of s [GeV²]: f f̄ via Z′ + Z′Z′.

    The f f̄ final states are `zprime_decays.final_states(m_N)`, the very list that builds the
    Z′ width: SM fermions, ω, and the N_R–N′_R pairs iff ``m_N`` is given (then with that mass
    in both). Final states lighter than 1 % of m_χ are summed as massless (their mass
    corrections are O(m_f²/m_χ²) < 10⁻⁴); heavier ones (top, the N pairs) keep their masses
    (eq. 3.4 kinematics). ``m_chi``, ``M``, ``Gamma`` (the Z′ width) and ``m_N`` in GeV.
    """
    light = 0.0  # Σ n_c (d_V² + d_A²) of the (effectively) massless final states
    heavy = []
    for q, nc, m in _annihilation_final_states(m_N):
        if m < 0.01 * m_chi:
            light += nc * ((q[0] + q[1]) ** 2 + (q[0] - q[1]) ** 2) / 4
        else:
            heavy.append((q, nc, m))
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
    """⟨σv⟩ at leading order in v [GeV⁻²]: eq. 3.3 summed over the open final states of
    `zprime_decays.final_states(m_N)` (massless formula, open where m_f < m_χ) + eq. 3.5.

    ``m_chi``, ``M``, ``Gamma`` (the Z′ width) and ``m_N`` in GeV."""
    tot = sigma_v_zpzp(m_chi, M, g, Q_CHI)
    m_chi = np.asarray(m_chi, float)
    for q, nc, m in _annihilation_final_states(m_N):
        tot = tot + np.where(m < m_chi, sigma_v_ff(m_chi, M, Gamma, g, Q_CHI, q, nc), 0.0)
    return tot


_RES_K = np.array([-1e4, -1e2, -10.0, -3.0, -1.0, 0.0, 1.0, 3.0, 10.0, 1e2, 1e4])
"""Break points around the Z′ pole, in units of its width (those of the adaptive rule)."""
_T_EDGES = 2.0 ** np.arange(-2, 10)
"""Break points in t = E_kin/T (0.25 … 512): no segment spans more than a factor e² … e^256
of the Boltzmann weight, and those far out carry e^{−t} of the total."""
_N_GL = 20
"""Gauss–Legendre nodes per segment."""


@lru_cache(maxsize=4)
def _gl(n: int) -> tuple[np.ndarray, np.ndarray]:
    t, w = np.polynomial.legendre.leggauss(n)
    return (1.0 + t) / 2.0, w / 2.0  # on [0, 1]


def sigma_v_table(m_chi, M, g, Gamma, xs, m_N=None, *, chunk: int = 64) -> np.ndarray:
    """⟨σv⟩(x) [cm³/s] of `annihilation_sigma`, vectorised over points and x: shape (n_x, n).

    The Gondolo–Gelmini integral of `darkseesaw.cosmo.thermal_average` (the same integrand in
    t = E_kin/T, the same break points around the pole, Z′ width ``Gamma``, and at the
    final-state thresholds), but with a fixed composite rule instead of scipy ``quad``: the
    segments between the break points, those of ``_T_EDGES`` (the Boltzmann scale) and
    t_max = min(t_pole⁺ + 80, 745), each with ``_N_GL`` Gauss–Legendre nodes; on a segment that
    starts at t = 0 or at a threshold the variable is t = a + (b − a)v² (σ ∝ 1/β and the
    phase space √(1 − 4m_f²/s) become smooth in v). Agrees with the adaptive rule to
    ≲ 10⁻⁶ (tests/papers/test_bl_zprime_physics.py) at a thousandth of its cost.

    ``m_chi``, ``M``, ``g``, ``Gamma`` are 1-D arrays of one length (GeV, GeV, –, GeV), ``xs``
    the x = m_χ/T values, ``m_N`` as in `annihilation_sigma`.
    """
    mc, Mf, gf, Gf = (np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g, Gamma))
    xs = np.asarray(xs, float)
    states = final_states(m_N)
    cV2, cA2 = ((Q_CHI[0] + Q_CHI[1]) / 2) ** 2, ((Q_CHI[0] - Q_CHI[1]) / 2) ** 2
    v, wv = _gl(_N_GL)
    out = np.empty((xs.size, mc.size))
    x = xs[None, :, None]
    pref = 4.0 / (xs * kve(2, xs) ** 2)
    for lo in range(0, mc.size, chunk):
        sl = slice(lo, lo + chunk)
        m, Mz, G = mc[sl][:, None, None], Mf[sl][:, None, None], Gf[sl][:, None, None]
        g4 = gf[sl][:, None, None] ** 4
        sv_zz = sigma_v_zpzp(mc[sl], Mf[sl], gf[sl], Q_CHI)[:, None, None]
        light = np.zeros(m.shape)
        heavy = []
        thr = []
        for _, (qL, qR), nc, mf, _ in states:
            dv2, da2 = ((qL + qR) / 2) ** 2, ((qL - qR) / 2) ** 2
            is_heavy = mf >= 0.01 * m  # lighter ones: massless, as in annihilation_sigma
            if not np.any(is_heavy):
                light = light + nc * (dv2 + da2)
                continue
            heavy.append((nc, dv2, da2, np.where(is_heavy, mf * mf, 0.0)))
            thr.append(np.broadcast_to(2 * x * (mf / m - 1), (m.shape[0], xs.size, 1)))
        tR = 2 * x * (Mz / (2 * m) - 1)
        wd = np.maximum(G * x / (2 * m), 1e-300)
        res = tR + _RES_K * wd
        pos = np.where(res > 0, res, 0.0).max(-1, keepdims=True)
        t_max = np.minimum(pos + 80.0, 745.0)
        shp = (m.shape[0], xs.size)
        cand = [np.zeros(shp + (1,)), res, np.broadcast_to(_T_EDGES, shp + (_T_EDGES.size,)),
                *thr, t_max]
        flag = [np.ones(shp + (1,)), np.zeros(res.shape), np.zeros(shp + (_T_EDGES.size,)),
                *(np.ones(t.shape) for t in thr), np.zeros(t_max.shape)]
        e = np.clip(np.concatenate(cand, -1), 0.0, t_max)
        f = np.where(e == 0.0, 1.0, np.concatenate(flag, -1))  # t = 0 and the thresholds
        order = np.argsort(e, -1, kind="stable")
        e, f = np.take_along_axis(e, order, -1), np.take_along_axis(f, order, -1)
        a, b, mapped = e[..., :-1, None], e[..., 1:, None], f[..., :-1, None] > 0
        vv = np.where(mapped, v * v, v)
        t = a + (b - a) * vv
        w = (b - a) * wv * np.where(mapped, 2 * v, 1.0)
        x4 = x[..., None]
        r = 1.0 + t / (2 * x4)
        m4 = m[..., None]
        s = 4 * m4 * m4 * r * r
        b2 = (t / x4) * (1 + t / (4 * x4)) / (r * r)  # 1 − 4m²/s without cancellation
        bchi = np.sqrt(b2)
        fin = light[..., None] * s
        for nc, dv2, da2, mf2 in heavy:
            bf2 = np.clip(1.0 - 4.0 * mf2[..., None] / s, 0.0, None)
            fin = fin + nc * np.sqrt(bf2) * (dv2 * (s + 2 * mf2[..., None]) + da2 * s * bf2)
        chi = cV2 * (s + 2 * m4 * m4) + cA2 * s * b2
        M2, MG2 = (Mz * Mz)[..., None], ((Mz * G) ** 2)[..., None]
        with np.errstate(divide="ignore", invalid="ignore"):
            sig = (g4[..., None] * chi * fin / (12 * math.pi * s * bchi * ((s - M2) ** 2 + MG2))
                   + sv_zz[..., None] / (2 * bchi))
            kern = t * (1 + t / (4 * x4)) * r * r * kve(1, 2 * x4 + t) * np.exp(-t)
            integ = np.where(w > 0, w * sig * kern, 0.0).sum((-2, -1))
        out[:, sl] = (pref[None, :] * integ).T
    return ph.invGeV2_to_cm3_per_s(out)


def relic_density(m_chi, M, g, *, m_N=None, n_x=14, epsrel=1e-5, return_sv=False, Gamma=None,
                  method="fixed"):
    """Ωh² of χ + χ̄ from the Boltzmann equation (module notes).

    ⟨σv⟩(x) is tabulated on ``n_x`` points in 2 ≤ x ≤ 2000 and interpolated log-log (beyond:
    the end values; the Boltzmann solution is insensitive to ⟨σv⟩ at x < 2, and the tail
    beyond 2000 is integrated by the solver with the last value).

    Parameters
    ----------
    m_chi, M, g : float or arrays of one shape
        DM mass [GeV], Z′ mass [GeV], coupling.
    m_N : float, optional
        Mass of the N_R–N′_R pairs [GeV] (None: decoupled, in neither the Z′ width nor the
        annihilation; given: in both, `zprime_decays.final_states`).
    Gamma : float, optional
        Z′ width [GeV] to use instead of the consistent one (only to show what an inconsistent
        width does: `n_pairs_consistency`).
    method : {"fixed", "adaptive"}
        The thermal average: `sigma_v_table` (vectorised fixed rule, default) or
        `darkseesaw.cosmo.thermal_average` point by point (scipy ``quad`` to ``epsrel``).

    Returns
    -------
    ndarray
        Ωh² (shape of the broadcast inputs); with ``return_sv`` also x and the ⟨σv⟩ table.
    """
    m_chi, M, g = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, float)) for a in (m_chi, M, g)))
    shape = m_chi.shape
    mc, Mf, gf = m_chi.ravel(), M.ravel(), g.ravel()
    xs = np.geomspace(2.0, 2000.0, n_x)
    if Gamma is None:
        Gam = np.asarray(total_width(zprime_channels(Mf, gf, mc, m_N)), float)  # vectorised
    else:
        Gam = np.broadcast_to(np.asarray(Gamma, float), shape).ravel().astype(float)
    if method == "fixed":
        table = sigma_v_table(mc, Mf, gf, Gam, xs, m_N)
    elif method == "adaptive":
        table = np.empty((n_x, mc.size))
        for i in range(mc.size):
            sig = annihilation_sigma(mc[i], Mf[i], gf[i], Gam[i], m_N)
            thr = [Mf[i] * 2] if Mf[i] < mc[i] else []
            with warnings.catch_warnings():  # quad's roundoff notes deep in the Boltzmann tail
                warnings.simplefilter("ignore")
                table[:, i] = thermal_average(sig, mc[i], xs, resonances=[(Mf[i], Gam[i])],
                                              thresholds=thr, units="cm3/s", epsrel=epsrel)
    else:
        raise ValueError(f"method must be 'fixed' or 'adaptive', not {method!r}")
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


def plot_relic_comparison(rc: dict[str, Any], out: Path, fast: bool = False) -> list[str]:
    """Figure ``bl-zprime_relic_vs_eq36`` (PNG + PDF; ``fast``: a 72-dpi PNG only); returns the
    file names."""
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
    kw: dict[str, Any] = {"formats": ("png",), "dpi": 72} if fast else {}
    return [Path(f).name for f in save_figure(fig, out, "bl-zprime_relic_vs_eq36", **kw)]


def n_pairs_consistency() -> dict[str, Any]:
    """The N_R–N′_R pairs in the Z′ width and in the annihilation, at one point near the pole.

    Three cases at the point of ``data/paper.yaml`` (``n_pairs_consistency``): *inconsistent*
    (what the reproduction did before: the pairs massless in Γ_Z′ but no χχ̄ → NN̄), *decoupled*
    (``m_N=None``: in neither, the Fig. 2 default) and *light* (``m_N`` given: in both, with
    that mass). Widths [GeV] and Ωh² of each, and the ratios to the decoupled case; ``also``:
    the inconsistent/decoupled ratios at the further points of ``paper.yaml``.
    """
    d = load_data(__package__, "paper.yaml")["n_pairs_consistency"]
    m, M, g, mN = d["m_chi_GeV"], d["M_Zp_GeV"], d["g_BL"], d["m_N_GeV"]
    G_old = float(total_width(zprime_channels(M, g, m, 0.0)))
    G_dec = float(total_width(zprime_channels(M, g, m, None)))
    G_N = float(total_width(zprime_channels(M, g, m, mN)))
    om_old = float(relic_density(m, M, g, Gamma=G_old)[0])
    om_dec = float(relic_density(m, M, g)[0])
    om_N = float(relic_density(m, M, g, m_N=mN)[0])
    return {"m_chi_GeV": m, "MZp_GeV": M, "gBL": g, "m_N_GeV": mN,
            "inconsistent": {"Gamma_GeV": G_old, "omega_h2": om_old,
                             "what": "pairs massless in Gamma_Z', no chi chi -> N N"},
            "decoupled": {"Gamma_GeV": G_dec, "omega_h2": om_dec,
                          "what": "m_N = None: pairs in neither (Fig. 2 default)"},
            "light": {"Gamma_GeV": G_N, "omega_h2": om_N,
                      "what": f"m_N = {mN:g} GeV: pairs in both"},
            "Gamma_ratio_inconsistent_over_decoupled": G_old / G_dec,
            "omega_ratio_inconsistent_over_decoupled": om_old / om_dec,
            "omega_ratio_light_over_decoupled": om_N / om_dec,
            "also": [_inconsistent_over_decoupled(a["m_chi_GeV"], a["M_Zp_GeV"], a["g_BL"])
                     for a in d.get("also", [])]}


def _inconsistent_over_decoupled(m: float, M: float, g: float) -> dict[str, float]:
    """Γ_Z′ and Ωh² with the pairs massless in the width only, over the decoupled ones."""
    G_old = float(total_width(zprime_channels(M, g, m, 0.0)))
    G_dec = float(total_width(zprime_channels(M, g, m, None)))
    om = relic_density(m, np.array([M, M]), g, Gamma=np.array([G_old, G_dec]))
    return {"m_chi_GeV": m, "MZp_GeV": M, "gBL": g, "Gamma_ratio": G_old / G_dec,
            "omega_ratio": float(om[0] / om[1])}
