"""The neutral-lepton sector: any seesaw of the type-I family, its spectrum, observables and limits.

The blocks of the Majorana mass matrix in the basis (ν_L, N_Rᶜ, S) (`darkseesaw.spectrum.builders`)
are specs of the model's parameters; which blocks are given selects the mechanism:

=====================  =============================================
type I                 ``mD`` (3 × n_N), ``mu_R`` (n_N × n_N)
inverse seesaw         ``mD``, ``M`` (n_S × n_N), ``mu_S`` (n_S × n_S)
linear seesaw          ``mD``, ``M``, ``m_DS`` (3 × n_S)
extended / double      any combination
=====================  =============================================

(blocks in GeV, or from Yukawas × vevs: ``mD=lambda p: p.y * v_EW / √2 * I``). The spectrum is
exact (certified Takagi, `darkseesaw.spectrum.takagi`), whatever the hierarchy.

Observables (names of `darkseesaw.observables.registry`, topic ``neutrino``): light masses and
PDG mixing parameters, Σm_ν, m_β, m_ββ; the masses of the non-active states ``m_N<i>`` with
their mixings ``U2_<l>_N<i>``, the effective mixings ``U2eff_<l>_N<i>`` that HNL searches
bound (a quasi-Dirac pair counts as one Dirac HNL: the squared mixings of states within 1 % in
mass are summed); HNL lifetimes and decay lengths (`darkseesaw.observables.hnl_decays`, Majorana
states); non-unitarity η = (1 − NN†)/2; one-loop LFV (μ → eγ, μ → 3e, μ–e conversion in Al and
Au, τ → ℓγ; `darkseesaw.observables.lfv`).

Constraint links: NuFIT 6.0 χ²; cosmological Σm_ν (DESI DR2 by default); KATRIN m_β;
KamLAND-Zen m_ββ (0νββ of the light states); HNL direct searches per heavy state and flavour
(``hnl/U<l>2/current`` envelopes); EWPD (M_W → η_ee + η_μμ, `darkseesaw.observables.ewpd`,
PDG 2024 inputs); MEG II, SINDRUM, SINDRUM II, BaBar/Belle τ → ℓγ.

`neutral_lepton_observables` is the batched core (leading batch axis), used by the sector at
one point and by model-file scans on whole chunks.

Example
-------
>>> import numpy as np
>>> from darkseesaw.spectrum.builders import neutral_lepton_matrix
>>> from darkseesaw.spectrum import takagi
>>> M = neutral_lepton_matrix(np.eye(3) * 10.0, np.eye(3) * 1e3, np.eye(3) * 1e-6)
>>> m, U = takagi(M)
>>> o = neutral_lepton_observables(m, U, lfv=False, lifetimes=False)
>>> round(float(o["m_N1"]), 3)                     # √(M² + m_D²) of the quasi-Dirac pair
1000.05
>>> round(float(o["U2eff_e_N1"]) * 1e4, 6)         # pair sum m_D²/(M² + m_D²) = 0.9999e-4
0.9999
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.links import CurveLink, LimitLink, MeasurementLink, NufitLink
from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.constraints.measurements import NUFIT
from darkseesaw.errors import PrecisionBudgetExceeded
from darkseesaw.observables import ewpd, hnl_decays
from darkseesaw.observables import lfv as lfv_rates
from darkseesaw.observables import neutrino as nu
from darkseesaw.observables.dark_photon import width_heavy_to_vector_light
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spec
from darkseesaw.spectrum.builders import neutral_lepton_matrix
from darkseesaw.spectrum.takagi import last_info as takagi_last_info
from darkseesaw.spectrum.takagi import takagi

__all__ = ["NeutralLeptons", "neutral_lepton_observables", "ewpd_bound_eta", "dirac_mass",
           "casas_ibarra", "light_spectrum_nufit", "FLAVOURS", "PAIR_RTOL"]

FLAVOURS = ("e", "mu", "tau")
PAIR_RTOL = 0.01
"""States closer than 1 % in mass act as one HNL for direct searches (``U2eff``)."""

#: lightest mass [GeV] for which HNL decay widths are computed (below: lifetime NaN)
M_MIN_DECAYS = 1e-3


@cache
def ewpd_bound_eta() -> float:
    """95 % CL upper bound on η_ee + η_μμ from M_W with today's inputs (PDG 2024 measurement
    ``m_w_pdg2024`` and SM fit ``m_w_sm_pdg2024``; `darkseesaw.observables.ewpd.eps_bound_from_mw`;
    Δr, which only sets the sensitivity d ln M_W/dε ≈ 0.20, is the PDG 2018 SM value, the one
    recorded).
    """
    exp, sm = _ME["m_w_pdg2024"], _ME["m_w_sm_pdg2024"]
    return ewpd.eps_bound_from_mw(exp.value, exp.sigma, sm.value, sm.sigma,
                                  delta_r=_ME["delta_r_sm_pdg2018"].value)


def neutral_lepton_observables(m, U, *, lfv: bool = True, lifetimes: bool = True,
                               pair_rtol: float = PAIR_RTOL,
                               scalar: tuple[float, float] | None = None
                               ) -> dict[str, np.ndarray]:
    """Registered observables of exact neutral-lepton spectra (batched over leading axes).

    Parameters
    ----------
    m : array (..., n)
        Takagi masses [GeV], ascending (`darkseesaw.spectrum.takagi`).
    U : array (..., n, n)
        Mixing matrix, rows (ν_e, ν_μ, ν_τ, N_Rᶜ…, S…).
    lfv, lifetimes : bool
        Compute the LFV rates / HNL lifetimes (the costly parts; off for fast scans).
    pair_rtol : float
        Relative mass window of the ``U2eff`` sums.
    scalar : (m_s [GeV], g) or None
        A scalar s with coupling g s N̄N: opens N → ν s in the lifetimes
        (`darkseesaw.observables.hnl_decays.partial_widths`).

    Returns
    -------
    dict name → array (...,)
        Registry names and units (GeV, GeV², rad, s, m).
    """
    m = np.asarray(m, float)
    U = np.asarray(U)
    o = nu.observables(m, U)
    out: dict[str, np.ndarray] = {}
    for i in range(3):
        out[f"m_nu{i + 1}"] = o["m_light"][..., i]
    for k in ("s12sq", "s13sq", "s23sq", "delta_cp", "alpha21", "alpha31", "dm21sq", "dm3lsq",
              "is_NO", "m_beta", "m_bb"):
        out[k] = o[k]
    out["sum_m_nu"] = o["sum_m"]
    eta = o["eta"]
    for a, b, key in ((0, 0, "ee"), (1, 1, "mumu"), (2, 2, "tautau")):
        out[f"eta_{key}"] = np.real(eta[..., a, b])
    for a, b, key in ((0, 1, "emu"), (0, 2, "etau"), (1, 2, "mutau")):
        out[f"eta_{key}"] = np.abs(eta[..., a, b])
    mh, U2h = o["m_heavy"], o["U2_heavy"]  # (..., k), (..., 3, k)
    k = mh.shape[-1]
    if k:
        near = np.abs(mh[..., :, None] - mh[..., None, :]) <= pair_rtol * np.maximum(
            mh[..., :, None], mh[..., None, :])
        U2eff = np.einsum("...aj,...ij->...ai", U2h, near.astype(float))
    for a, fl in enumerate(FLAVOURS):
        out[f"U2_{fl}_heavy"] = o["U2_heavy_sum"][..., a]
    for i in range(k):
        out[f"m_N{i + 1}"] = mh[..., i]
        for a, fl in enumerate(FLAVOURS):
            out[f"U2_{fl}_N{i + 1}"] = U2h[..., a, i]
            out[f"U2eff_{fl}_N{i + 1}"] = U2eff[..., a, i]
    if lifetimes:
        for i in range(k):
            M = mh[..., i]
            ok = M >= M_MIN_DECAYS
            Ms = np.where(ok, M, 1.0)
            with np.errstate(all="ignore"):
                sc = scalar if scalar is not None and np.all(M > scalar[0]) else None
                G = hnl_decays.total_width(Ms, U2h[..., :, i], majorana=True, scalar=sc)
            tau = np.where(ok & (G > 0), ph.width_to_lifetime_s(np.where(G > 0, G, 1.0)),
                           np.where(ok, np.inf, np.nan))
            out[f"tau_N{i + 1}"] = tau
            out[f"ctau_N{i + 1}"] = ph.convert(tau, "s", "m")
    if lfv:
        B = U[..., :3, :]
        out["BR_mu_egamma"] = lfv_rates.br_mu_e_gamma(B, m)
        out["BR_mu_3e"] = lfv_rates.br_mu_3e(B, m)
        out["CR_mu_e_Al"] = lfv_rates.cr_mu_e(B, m, "Al")
        out["CR_mu_e_Au"] = lfv_rates.cr_mu_e(B, m, "Au")
        out["BR_tau_egamma"] = lfv_rates.br_l_lp_gamma(B, m, 2, 0) * ph.br_tau_e_nu_nu
        out["BR_tau_mugamma"] = lfv_rates.br_l_lp_gamma(B, m, 2, 1) * ph.br_tau_mu_nu_nu
    return out


def light_spectrum_nufit(ordering: str = "NO", m_lightest: float = 0.0, version: str = "6.0",
                         alpha21: float = 0.0, alpha31: float = 0.0):
    """(U_PMNS, light masses [GeV]) at the NuFIT best fit with a given lightest mass [eV].

    Masses: NO (m₁ = m_lightest, m₂² = m₁² + Δm²₂₁, m₃² = m₁² + Δm²₃₁), IO (m₃ = m_lightest,
    m₂² = m₃² − Δm²₃₂, m₁² = m₂² − Δm²₂₁); U in the PDG parametrisation with the Majorana
    phases given [rad].
    """
    t = NUFIT[version][ordering]
    dm21 = t["dm21sq"].best
    dm3l = t["dm3lsq"].best
    m0 = float(m_lightest)
    if ordering == "NO":
        ml = np.array([m0, math.sqrt(m0**2 + dm21), math.sqrt(m0**2 + dm3l)])
    else:
        m2 = math.sqrt(m0**2 - dm3l)
        ml = np.array([math.sqrt(m2**2 - dm21), m2, m0])
    U = nu.pmns_matrix(t["s12sq"].best, t["s13sq"].best, t["s23sq"].best,
                       math.radians(t["delta_cp"].best), alpha21, alpha31)
    return U, ph.eV_to_GeV(ml)


def casas_ibarra(M, *, mu=None, ordering: str = "NO", m_lightest: float = 0.0, R=None,
                 version: str = "6.0") -> np.ndarray:
    """Dirac block m_D [GeV] that reproduces the NuFIT best fit at leading seesaw order.

    Type I (``mu=None``; M the diagonal Majorana masses of N_R): m_ν = −m_D M⁻¹ m_Dᵀ, so
    m_D = i U* √m R √M. Inverse seesaw (``mu`` the diagonal μ_S, M the diagonal N–S masses):
    m_ν = m_D M⁻¹ μ M⁻¹ m_Dᵀ, so m_D = U* √m R M/√μ. (Convention m_ν = U* diag(m) U†,
    `darkseesaw.spectrum.builders`; Casas & Ibarra, NPB 618 (2001) 171.)

    Parameters
    ----------
    M : array (n,)
        Heavy masses [GeV] (n = 2 or 3; with n = 2 the lightest neutrino is massless and
        ``m_lightest`` must be 0).
    mu : array (n,), optional
        μ_S [GeV] (inverse seesaw).
    R : array (3, n), optional
        Complex orthogonal matrix (R Rᵀ restricted to the massive states = 1); default the
        identity (n = 3) or [[0, 0], [1, 0], [0, 1]] (n = 2, NO) / [[1, 0], [0, 1], [0, 0]]
        (n = 2, IO).
    m_lightest : float
        Lightest light mass [eV].

    Returns
    -------
    ndarray (3, n), complex

    Example
    -------
    >>> mD = casas_ibarra([1e3, 2e3, 3e3])
    >>> mnu = -mD @ np.diag(1 / np.array([1e3, 2e3, 3e3])) @ mD.T
    >>> U, m = light_spectrum_nufit()
    >>> bool(np.allclose(mnu, np.conj(U) @ np.diag(m) @ np.conj(U).T, rtol=0, atol=1e-24))
    True
    """
    M = np.asarray(M, float)
    n = M.size
    U, ml = light_spectrum_nufit(ordering, m_lightest, version)
    if R is None:
        if n == 3:
            R = np.eye(3)
        elif n == 2:
            if m_lightest:
                raise ValueError("with two heavy states the lightest neutrino is massless")
            R = np.array([[0, 0], [1, 0], [0, 1]]) if ordering == "NO" else \
                np.array([[1, 0], [0, 1], [0, 0]])
        else:
            raise ValueError("casas_ibarra: give R for n other than 2 or 3")
    R = np.asarray(R, complex)
    core = np.conj(U) @ np.diag(np.sqrt(ml)) @ R
    if mu is None:
        return 1j * core @ np.diag(np.sqrt(M))
    return core @ np.diag(M / np.sqrt(np.asarray(mu, float)))


class NeutralLeptons(Sector):
    """Neutral leptons of a type-I-family seesaw (see the module notes).

    Parameters
    ----------
    mD : spec
        Dirac block (3 × n_N) [GeV].
    M, mu_S, mu_R, m_DS, mL : spec, optional
        N_R–S block (n_S × n_N), Majorana blocks of S and N_R, ν_L–S block, ν_L Majorana
        block (3 × 3) [GeV].
    n_N, n_S : int, optional
        Numbers of N_R and S (found from the blocks at the model's default point if omitted).
    lfv, lifetimes : bool
        Compute LFV rates and HNL lifetimes (and link them).
    cosmology : str or None
        Measurement of the Σm_ν limit (``sum_mnu_desi_dr2``; ``sum_mnu_planck2018_bao`` …).
    beta_decay, double_beta : str or None
        Measurements of the m_β and m_ββ limits.
    nufit : str or None
        NuFIT version of the oscillation χ² (None: no oscillation link).
    hnl_status : str
        ``current`` (default) envelope of the HNL limits; links per heavy state and flavour.
    gauge_charges : sequence of float, optional
        U(1)′ charges of the Weyl fields of the basis (ν_L ×3, N_Rᶜ ×n_N, S ×n_S) — note
        N_Rᶜ carries minus the charge of N_R. With a ``u1`` sector in the model the heavy
        states also decay as N_i → ν Z′ (two-body, on shell), with couplings
        G = g′κ U† diag(Q) U (`darkseesaw.observables.dark_photon.width_heavy_to_vector_light`);
        their lifetimes include it.
    scalar_decay : (mass spec, coupling spec), optional
        A singlet s with g s N̄N: the heavy states heavier than s also decay as N → ν s.
    """

    name = "neutral_leptons"

    def __init__(self, *, mD: Spec, M: Spec = None, mu_S: Spec = None, mu_R: Spec = None,
                 m_DS: Spec = None, mL: Spec = None, n_N: int | None = None, n_S: int | None = None,
                 lfv: bool = True, lifetimes: bool = True,
                 cosmology: str | None = "sum_mnu_desi_dr2",
                 beta_decay: str | None = "m_beta_katrin_2025",
                 double_beta: str | None = "m_bb_kamland_zen_2024",
                 nufit: str | None = "6.0", hnl_status: str = "current",
                 gauge_charges=None, scalar_decay: tuple[Spec, Spec] | None = None):
        if M is None and mu_S is None and mu_R is None and m_DS is None:
            raise ValueError("neutral leptons: give at least one block besides mD "
                             "(mu_R for type I; M and mu_S for the inverse seesaw)")
        self.blocks = {"mD": mD, "M": M, "mu_S": mu_S, "mu_R": mu_R, "m_DS": m_DS, "mL": mL}
        self.n_N, self.n_S = n_N, n_S
        self.lfv, self.lifetimes = lfv, lifetimes
        self.cosmology, self.beta_decay, self.double_beta = cosmology, beta_decay, double_beta
        self.nufit, self.hnl_status = nufit, hnl_status
        self.gauge_charges = None if gauge_charges is None else np.asarray(gauge_charges, float)
        self.scalar_decay = scalar_decay

    # ------------------------------------------------------------------ evaluation
    def matrix(self, pt: Point) -> np.ndarray:
        """The full mass matrix [GeV] at the point (basis ν_L, N_Rᶜ, S)."""
        b = {k: (None if v is None else np.asarray(pt.value(v))) for k, v in self.blocks.items()}
        return neutral_lepton_matrix(b["mD"], b["M"], b["mu_S"], b["mu_R"], b["m_DS"], b["mL"])

    def setup(self, pt: Point) -> None:
        """Learn n_N, n_S from the blocks at a point (the model's defaults)."""
        if self.n_N is None or self.n_S is None:
            M = self.matrix(pt)
            self.n_N = int(np.asarray(pt.value(self.blocks["mD"])).shape[-1])
            self.n_S = M.shape[-1] - 3 - self.n_N

    @property
    def n_heavy(self) -> int:
        if self.n_N is None or self.n_S is None:
            raise RuntimeError("neutral leptons: sizes unknown (give n_N, n_S)")
        return self.n_N + self.n_S

    def data(self, pt: Point) -> dict[str, Any]:
        mat = self.matrix(pt)
        m, U = takagi(mat)
        if not np.all(np.isfinite(m)) and takagi_last_info()["reason"] == "precision_budget":
            # a point is data: the scan records the reason ("precision_budget") and goes on
            raise PrecisionBudgetExceeded("double precision not certified and the arbitrary-"
                                          "precision recomputation exceeded its budget "
                                          "(DARKSEESAW_PRECISION_BUDGET)")
        return {"matrix": mat, "m": m, "U": U}

    def spectrum(self, pt: Point) -> SectorSpectrum:
        d = pt.data(self.name)
        o = pt.cached(("neutral_leptons", "obs"), lambda: self._obs(pt))
        light = [float(o[f"m_nu{i}"]) for i in (1, 2, 3)]
        heavy = [float(o[f"m_N{i}"]) for i in range(1, len(d["m"]) - 2)]
        return SectorSpectrum(np.array(light + heavy),
                              ["nu1", "nu2", "nu3"] + [f"N{i}" for i in range(1, len(heavy) + 1)],
                              mixing={"neutral_leptons": d["U"]},
                              extras={"ordering": "NO" if bool(o["is_NO"]) else "IO"})

    def _obs(self, pt: Point) -> dict[str, Any]:
        d = pt.data(self.name)
        sc = None
        if self.scalar_decay is not None:
            sc = (float(pt.value(self.scalar_decay[0])), float(pt.value(self.scalar_decay[1])))
        o = neutral_lepton_observables(d["m"], d["U"], lfv=self.lfv, lifetimes=self.lifetimes,
                                       scalar=sc)
        if self.lifetimes and self.gauge_charges is not None and pt.has("u1"):
            self._add_gauge_decays(pt, d, o)
        return o

    def _add_gauge_decays(self, pt: Point, d: dict[str, Any], o: dict[str, Any]) -> None:
        """Lifetimes including N_i → ν_light Z′ (on-shell two-body)."""
        U, m = d["U"], d["m"]
        Q = self.gauge_charges
        if Q.size != m.size:
            raise ValueError(f"gauge_charges has {Q.size} entries for {m.size} fields")
        u = pt.data("u1")
        G = u["g_eff"] * np.conj(U).T @ (Q[:, None] * U)
        il = nu.select_light(m, U)
        heavy = [j for j in range(m.size) if j not in set(il.tolist())]
        for i, j in enumerate(heavy, start=1):
            w = float(width_heavy_to_vector_light(m[j], u["M"], G[il, j]))
            tau = o[f"tau_N{i}"]
            if w > 0 and np.isfinite(tau):
                gam = float(ph.lifetime_s_to_width(tau)) + w if np.isfinite(tau) and tau > 0 \
                    else w
                o[f"tau_N{i}"] = float(ph.width_to_lifetime_s(gam))
                o[f"ctau_N{i}"] = float(ph.convert(o[f"tau_N{i}"], "s", "m"))

    def observables(self, pt: Point) -> dict[str, Any]:
        o = pt.cached(("neutral_leptons", "obs"), lambda: self._obs(pt))
        return {k: (bool(v) if k == "is_NO" else float(v)) for k, v in o.items()}

    # ------------------------------------------------------------------ links
    def links(self) -> list:
        out: list = []
        if self.nufit:
            out.append(NufitLink(self.nufit))
        if self.cosmology:
            out.append(MeasurementLink(self.cosmology, "sum_m_nu"))
        if self.beta_decay:
            out.append(MeasurementLink(self.beta_decay, "m_beta"))
        if self.double_beta:
            out.append(MeasurementLink(self.double_beta, "m_bb", note="light-neutrino exchange"))
        out.append(LimitLink("ewpd/eta-ee-plus-mumu/mw-pdg2024", lambda o: ewpd_bound_eta(),
                             y="eta_ee + eta_mumu", kind="upper_limit", cl=0.95,
                             source="M_W (PDG 2024) vs SM fit, eq. 4.8 of arXiv:1909.12300",
                             note="non-unitarity from M_W"))
        if self.lfv:
            out += [MeasurementLink("br_mu_egamma_megii_2025", "BR_mu_egamma"),
                    MeasurementLink("br_mu_3e_sindrum", "BR_mu_3e"),
                    MeasurementLink("cr_mu_e_au_sindrum2", "CR_mu_e_Au"),
                    MeasurementLink("br_tau_egamma_babar2010", "BR_tau_egamma"),
                    MeasurementLink("br_tau_mugamma_belle2021", "BR_tau_mugamma")]
        for i in range(1, self.n_heavy + 1):
            for fl, q in (("e", "Ue2"), ("mu", "Umu2"), ("tau", "Utau2")):
                out.append(CurveLink(f"hnl/{q}/{self.hnl_status}", x=f"m_N{i}",
                                     y=f"U2eff_{fl}_N{i}", label=f"N{i}"))
        return out


def dirac_mass(y, vev: float = ph.v_EW) -> np.ndarray:
    """Dirac mass block m_D = Y v/√2 [GeV] of a Yukawa matrix Y (⟨H⁰⟩ = v/√2).

    >>> float(dirac_mass(1.0)[()]) == ph.v_EW / math.sqrt(2.0)
    True
    """
    return np.asarray(y) * vev / math.sqrt(2.0)
