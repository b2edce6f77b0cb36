"""Every experimental number used by darkseesaw, with its source and date.

Each entry is a `Measurement`: a central value with (asymmetric) errors, or a one-sided limit at
a stated CL. Units are stated per entry (GeV for masses and widths inside the package; eV where
the community quotes eV, as for neutrino masses, and said so in ``unit``).

Where the seed papers used older inputs, both are kept and named: e.g. ``delta_a_mu_2023`` (the
249 ± 48 × 10⁻¹¹ used by `alp-portal-dm`) and ``delta_a_mu_2025`` (38 ± 63 × 10⁻¹¹ after the
Fermilab final result and the 2025 Theory Initiative white paper).

Hint regions and allowed windows (e.g. the ALP boxes ``alp_hint_*`` of `alp-discrete`) are
entries of kind ``range``: ``m.bounds`` gives (lower, upper).

Neutrino oscillations: ``NUFIT["6.0"]["NO"]["s12sq"]`` etc. give ``(best, 1σ low, 1σ high,
3σ low, 3σ high)`` as *values* (not differences); ``NUFIT_BEST_FIT`` keeps fits of which only
the best points are recorded (NuFIT 4.1, used by `hnl-inflaton`). The alp-portal-dm seed's Table 2 is NuFIT 6.0
(IC24 with SK atmospheric data), written as best fit with 3σ ranges; we checked every entry of
that table against ``NUFIT["6.0"]`` (tests/constraints/test_measurements.py).

Examples
--------
>>> from darkseesaw.constraints.measurements import MEASUREMENTS, NUFIT
>>> m = MEASUREMENTS["delta_a_mu_2025"]
>>> m.value, m.sigma
(3.8e-10, 6.3e-10)
>>> NUFIT["6.0"]["NO"]["s13sq"].best
0.02215
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    """A measured value or a limit.

    Attributes
    ----------
    name : str
    value : float
        Central value, or the limit itself for ``kind`` ``upper_limit``/``lower_limit``, in
        ``unit``.
    err_down, err_up : float
        1σ errors (positive numbers; equal for a symmetric Gaussian).
    unit : str
        Unit of value, errors and bounds (a key of `darkseesaw.physics.UNITS`; ``""``:
        dimensionless).
    kind : str
        ``gaussian``, ``asymmetric``, ``upper_limit``, ``lower_limit`` or ``range``. A
        ``range`` (a hint region or an allowed window, no likelihood) spans ``value`` (lower
        edge) to ``upper``; see `Measurement.bounds`.
    cl : float
        Confidence level of a limit (0.9, 0.95); 0.6827 for 1σ errors.
    source : str
        Citation (collaboration, journal, arXiv).
    date : str
        Publication date (year or year-month).
    notes : str
    upper : float or None
        Upper edge of a ``range`` (None for the other kinds).
    """

    name: str
    value: float
    err_down: float = 0.0
    err_up: float = 0.0
    unit: str = ""
    kind: str = "gaussian"
    cl: float = 0.6827
    source: str = ""
    date: str = ""
    notes: str = ""
    upper: float | None = None

    @property
    def sigma(self) -> float:
        """Symmetrised 1σ error ½(σ₋ + σ₊)."""
        return 0.5 * (self.err_down + self.err_up)

    @property
    def is_limit(self) -> bool:
        return self.kind in ("upper_limit", "lower_limit")

    @property
    def bounds(self) -> tuple[float, float]:
        """(lower, upper) edges of a ``range``; (value − err_down, value + err_up) otherwise."""
        if self.kind == "range":
            return (self.value, self.upper)  # type: ignore[return-value]  # ranges set upper
        return (self.value - self.err_down, self.value + self.err_up)


def _g(name: str, value: float, err: float, unit: str, source: str, date: str, notes: str = "",
       err_up: float | None = None) -> Measurement:
    kind = "gaussian" if err_up is None or err_up == err else "asymmetric"
    return Measurement(name, value, err, err if err_up is None else err_up, unit, kind, 0.6827,
                       source, date, notes)


def _ul(name: str, value: float, cl: float, unit: str, source: str, date: str, notes: str = ""
        ) -> Measurement:
    return Measurement(name, value, 0.0, 0.0, unit, "upper_limit", cl, source, date, notes)


def _ll(name: str, value: float, cl: float, unit: str, source: str, date: str, notes: str = ""
        ) -> Measurement:
    return Measurement(name, value, 0.0, 0.0, unit, "lower_limit", cl, source, date, notes)


def _range(name: str, lo: float, hi: float, unit: str, source: str, date: str, notes: str = ""
           ) -> Measurement:
    return Measurement(name, lo, 0.0, 0.0, unit, "range", 1.0, source, date, notes, upper=hi)


_LIST = [
    # ---------------------------------------------------------------- cosmology
    _g("omega_dm_h2", 0.120, 0.001, "", "Planck 2018 VI, A&A 641 (2020) A6, arXiv:1807.06209",
       "2018-07", "Omega_c h^2 as quoted in the darkseesaw issues (0.120 ± 0.001); Planck "
       "TT,TE,EE+lowE+lensing+BAO gives 0.11933 ± 0.00091"),
    _g("omega_dm_h2_planck2018_lensing", 0.1200, 0.0012, "", "Planck 2018 VI, A&A 641 (2020) A6, "
       "arXiv:1807.06209, Table 2 (TT,TE,EE+lowE+lensing)", "2018-07",
       "the value used by alp-portal-dm (eq. 3.13: 0.12 ± 0.0012)"),
    _g("omega_c_planck2018", 0.265, 0.0, "", "Planck 2018 VI, A&A 641 (2020) A6, "
       "arXiv:1807.06209 (TT,TE,EE+lowE+lensing: Ω_c h² = 0.1200 at h = 0.6736)", "2018-07",
       "Ω_c itself (not Ω_c h²), rounded to 0.265 as used in eq. 3.8 of Cline, Puel, Toma, "
       "JHEP 05 (2020) 039 (hnl-inflaton); error not propagated (0 here)"),
    _g("omega_b_planck2018", 0.0493, 0.0, "", "Planck 2018 VI, A&A 641 (2020) A6, "
       "arXiv:1807.06209 (TT,TE,EE+lowE+lensing: Ω_b h² = 0.02237 at h = 0.6736)", "2018-07",
       "Ω_b itself (not Ω_b h²), as used by hnl-inflaton; error not propagated (0 here)"),
    _g("omega_dm_h2_planck2015", 0.1186, 0.0020, "", "Planck 2015 XIII, A&A 594 (2016) A13, "
       "arXiv:1502.01589", "2015-02",
       "Ω_c h² used by bl-zprime (De Romeri et al., JHEP 10 (2017) 169, text after eq. 3.6)"),
    _ul("sum_mnu_planck2018_bao", 0.12, 0.95, "eV", "Planck 2018 VI, arXiv:1807.06209 "
        "(TT,TE,EE+lowE+lensing+BAO)", "2018-07"),
    _ul("sum_mnu_alp_portal_dm", 0.13, 0.95, "eV", "as quoted by alp-portal-dm (Planck 2018 + "
        "BAO, their ref. [33])", "2018", "the paper's number; Planck 2018's own quote is 0.12 eV"),
    _ul("sum_mnu_desi_dr1", 0.072, 0.95, "eV", "DESI 2024 VI (DR1 BAO + CMB), arXiv:2404.03002",
        "2024-04"),
    _ul("sum_mnu_desi_dr2", 0.064, 0.95, "eV", "DESI DR2 BAO + CMB, arXiv:2503.14738", "2025-03"),
    _g("n_eff_planck2018", 2.99, 0.17, "", "Planck 2018 VI, arXiv:1807.06209, eq. (95) "
       "(TT,TE,EE+lowE+lensing+BAO, 68 %)", "2018-07", "95 % interval 2.99 +0.34 −0.33"),
    _g("n_eff_bl_zprime", 3.04, 0.33, "", "as quoted by bl-zprime (their ref. [69], Planck 2018 "
       "95 % interval)", "2018", "the paper's number (a 95 % half-width, used as the error)"),
    _g("n_eff_sm", 3.044, 0.0, "", "SM prediction: Bennett et al., JCAP 04 (2021) 073, "
       "arXiv:2012.02726; Froustey, Pitrou, Volpe, arXiv:2008.01074", "2021",
       "theory value 3.0440 ± 0.0002"),
    # ---------------------------------------------------------------- absolute neutrino mass
    _ul("m_beta_katrin_2025", 0.45, 0.90, "eV", "KATRIN, Science 388 (2025) 180, "
        "arXiv:2406.13516", "2025-04", "the bound used by alp-portal-dm (450 meV)"),
    _ul("m_beta_katrin_2022", 0.8, 0.90, "eV", "KATRIN, Nature Phys. 18 (2022) 160, "
        "arXiv:2105.08533", "2022-02"),
    _ul("m_bb_kamland_zen_2023", 0.036, 0.90, "eV", "KamLAND-Zen, PRL 130 (2023) 051801, "
        "arXiv:2203.02139", "2023-01",
        "range 36–156 meV from nuclear matrix elements; value = the most stringent end "
        "(the numbers used by alp-portal-dm); upper end in m_bb_kamland_zen_2023_nme_max"),
    _ul("m_bb_kamland_zen_2023_nme_max", 0.156, 0.90, "eV", "KamLAND-Zen, arXiv:2203.02139",
        "2023-01", "least stringent matrix element"),
    _ul("m_bb_kamland_zen_2024", 0.028, 0.90, "eV", "KamLAND-Zen, arXiv:2406.11438", "2024-06",
        "range 28–122 meV (T_1/2 > 3.8e26 yr)"),
    # ---------------------------------------------------------------- charged LFV
    _ul("br_mu_egamma_meg2016", 4.2e-13, 0.90, "", "MEG, EPJC 76 (2016) 434, arXiv:1605.05081",
        "2016-05", "the bound used by hnl-inflaton"),
    _ul("br_mu_egamma_megii_2024", 3.1e-13, 0.90, "", "MEG II (MEG + MEG II 2021 combined), "
        "EPJC 84 (2024) 216, arXiv:2310.12614", "2023-10"),
    _ul("br_mu_egamma_megii_2025", 1.5e-13, 0.90, "", "MEG II, arXiv:2504.15711 (2021–2022 data, "
        "combined with MEG)", "2025-04"),
    _ul("br_tau_egamma_babar2010", 3.3e-8, 0.90, "", "BaBar, PRL 104 (2010) 021802, "
        "arXiv:0908.2381", "2009-08"),
    _ul("br_tau_mugamma_belle2021", 4.2e-8, 0.90, "", "Belle, JHEP 10 (2021) 019, "
        "arXiv:2103.12994", "2021-03"),
    _ul("br_mu_3e_sindrum", 1.0e-12, 0.90, "", "SINDRUM, Nucl. Phys. B 299 (1988) 1", "1988"),
    _ul("cr_mu_e_au_sindrum2", 7.0e-13, 0.90, "", "SINDRUM II (gold), EPJC 47 (2006) 337",
        "2006"),
    _ul("cr_mu_e_ti_sindrum2", 4.3e-12, 0.90, "", "SINDRUM II (titanium), PLB 317 (1993) 631",
        "1993"),
    # ---------------------------------------------------------------- muon g-2
    _g("delta_a_mu_2023", 249e-11, 48e-11, "", "Fermilab Run-1–3 + BNL world average (PRL 131 "
       "(2023) 161802, arXiv:2308.06230) minus the 2020 White Paper SM (Phys. Rept. 887 (2020) 1)",
       "2023-08", "the value used by alp-portal-dm (eq. 3.14): 249 ± 48 × 10^-11, 5.1σ"),
    _g("delta_a_mu_2025", 38e-11, 63e-11, "", "Fermilab final (arXiv:2506.03069) world average "
       "116592071.5(14.5)e-11 minus the 2025 Theory Initiative SM 116592033(62)e-11 "
       "(arXiv:2505.21476)", "2025-06", "no significant discrepancy (0.6σ)"),
    # ---------------------------------------------------------------- electroweak
    _g("m_w_pdg2024", 80.3692, 0.0133, "GeV", "PDG 2024 world average (without CDF 2022)",
       "2024"),
    _g("m_w_pdg2018", 80.379, 0.012, "GeV", "PDG 2018 world average (M. Tanabashi et al., "
       "PRD 98 (2018) 030001)", "2018", "the value used by hnl-inflaton (Cline, Puel, Toma, "
       "JHEP 05 (2020) 039) for the bound on ε_ee + ε_μμ, eq. 4.8"),
    _g("m_w_sm_pdg2018", 80.363, 0.006, "GeV", "SM prediction from the PDG 2018 electroweak fit "
       "(PRD 98 (2018) 030001, Electroweak review)", "2018",
       "theory (global fit) value, used by hnl-inflaton with m_w_pdg2018"),
    _g("m_w_sm_pdg2024", 80.353, 0.006, "GeV", "SM prediction from the PDG 2024 electroweak fit "
       "(PRD 110 (2024) 030001, Electroweak review)", "2024", "theory (global fit) value"),
    _g("delta_r_sm_pdg2018", 0.03672, 0.0, "", "SM radiative correction Δr, PDG 2018 "
       "Electroweak review (PRD 98 (2018) 030001)", "2018",
       "theory value used in eq. 4.9 of Cline, Puel, Toma 2020 (hnl-inflaton); uncertainty "
       "not recorded here"),
    _g("m_w_cdf2022", 80.4335, 0.0094, "GeV", "CDF II, Science 376 (2022) 170", "2022-04"),
    _g("m_w_atlas2024", 80.3665, 0.0159, "GeV", "ATLAS, EPJC 84 (2024) 1309, arXiv:2403.15085",
       "2024-03"),
    _g("m_w_cms2024", 80.3602, 0.0099, "GeV", "CMS, arXiv:2412.13872", "2024-12"),
    _g("gamma_z_inv", 0.4990, 0.0015, "GeV", "PDG 2024 Z-boson listing, Γ(invisible) from the LEP "
       "line-shape fit", "2024", "SM: 3 Γ(Z→νν̄) = 0.5014 GeV"),
    _g("n_nu_lep", 2.9963, 0.0074, "", "LEP line shape with the Janot–Jadach luminosity "
       "correction, PLB 803 (2020) 135319, arXiv:1912.02067", "2020"),
    # ---------------------------------------------------------------- LHC
    _g("sigma_z_ll_atlas_13tev", 1.981, 0.0571, "nb", "ATLAS, Phys. Lett. B 759 (2016) 601, "
       "arXiv:1603.09222", "2016-03",
       "σ(pp → Z) × B(Z → ℓℓ) at √s = 13 TeV, 66 < m_ℓℓ < 116 GeV, per lepton flavour: "
       "1.981 ± 0.007 (stat) ± 0.038 (syst) ± 0.042 (lumi) nb, error = quadrature sum; "
       "used to validate the shipped PDF grid (bl-zprime)"),
    _ll("m_zprime_ssm_atlas_139ifb", 5100.0, 0.95, "GeV", "ATLAS 139 fb⁻¹ dilepton resonance "
        "search, Phys. Lett. B 796 (2019) 68, arXiv:1903.06248", "2019-03",
        "observed lower mass limit on the SSM Z′ (ee + μμ): 5.1 TeV"),
    _ll("m_heavy_lepton_cms2013", 574.0, 0.95, "GeV", "CMS, JHEP 07 (2013) 122, "
        "arXiv:1305.0491", "2013-05",
        "long-lived (cτ ≳ detector size) charged heavy lepton, as quoted by alp-discrete "
        "(Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069)"),
    # ---------------------------------------------------------------- ALP hint regions
    # Boxes transcribed from the text of alp-discrete (Carvajal et al. 2015, arXiv:1503.03502);
    # the region of their Fig. 2 was not available as data: these are not digitisations.
    _range("alp_hint_coma_ma", 0.0, 1e-12, "eV", "Carvajal et al. 2015 (arXiv:1503.03502), "
           "text after eq. 31", "2015",
           "ALP mass range of the Coma-cluster soft X-ray excess (cosmic ALP background "
           "converting in the cluster field): m_a ≲ 10⁻¹² eV"),
    _range("alp_hint_coma_gagamma", 1e-13, 1e-11, "GeV^-1", "Angus, Conlon, Marsh, Powell, "
           "Witkowski, JCAP 09 (2014) 026, arXiv:1312.3947; Kraljic, Rummel, Conlon, JCAP 01 "
           "(2015) 011, arXiv:1406.5188; upper edge from Carvajal et al. 2015, eq. 19", "2015",
           "g_aγ ≳ 1.4 × 10⁻¹³ √(0.5/ΔN_eff) GeV⁻¹ gives the lower edge 1e-13 for ΔN_eff ≤ 1; "
           "the upper edge 1e-11 is where Carvajal et al. place the overlap with the "
           "transparency hint"),
    _range("alp_hint_xray_line_ma", 7.1e3 * (1 - 0.02), 7.1e3 * (1 + 0.02), "eV",
           "Bulbul et al., ApJ 789 (2014) 13; Boyarsky et al., PRL 113 (2014) 251301", "2014",
           "3.55 keV line from ALP dark-matter decay a → γγ: m_a = 7.1 keV (line energy 3.55 ± "
           "0.03 keV → ±2 % on m_a taken here), as used by alp-discrete"),
    _range("alp_hint_xray_line_gagamma", 1e-18, 2e-12, "GeV^-1", "Higaki, Jeong, Takahashi, "
           "PLB 733 (2014) 25, arXiv:1402.6965 (lower edge); Carvajal et al. 2015, Table I "
           "(upper edge)", "2015",
           "g_aγ from ~10⁻¹⁸ GeV⁻¹ (ALP = all DM) up to the largest value of Table I of "
           "Carvajal et al. 2015 (1.9 × 10⁻¹², a subdominant DM component)"),
    # ---------------------------------------------------------------- KOTO excess (seed 002)
    _range("br_KL_pi0nunu_koto2019_1sigma", 1.0e-9, 4.1e-9, "", "KOTO 2016-18 data (T. "
           "Shinohara, KAON 2019), as quoted by Egana-Ugrinovic, Homiller, Meade, PRL 124 (2020) "
           "191801, arXiv:1911.10203, eq. 1: 2.1 +2.0 -1.1 x 1e-9 (68 % CL)", "2019-09",
           "3 candidate events over 0.1 expected; statistical errors only. KOTO's final analysis "
           "of these data (PRL 126 (2021) 121801) attributes them to newly found backgrounds"),
    _range("br_KL_pi0nunu_koto2019_2sigma", 0.4e-9, 6.2e-9, "", "as br_KL_pi0nunu_koto2019_1sigma"
           ": 2.1 +4.1 -1.7 x 1e-9 (95 % CL)", "2019-09",
           "the interval behind the 2σ KOTO region drawn by hnl-inflaton (Cline et al. 2020)"),
    # ---------------------------------------------------------------- Higgs mixing (seed 001)
    _ul("br_h_inv_atlas_2023", 0.107, 0.95, "", "ATLAS combination of searches for invisible "
        "Higgs decays, Phys. Lett. B 842 (2023) 137963, arXiv:2301.10731", "2023-01",
        "observed 95 % CL upper limit on BR(H → invisible)"),
    _ul("sin_theta_higgs_lhc", 0.12, 0.95, "", "as quoted by alp-portal-dm from ATLAS and CMS "
        "Higgs-coupling measurements (their refs. [83, 84])", "2022",
        "|sin θ| of a heavy singlet mixing with the Higgs"),
]

MEASUREMENTS: dict[str, Measurement] = {m.name: m for m in _LIST}
"""All measurements and limits by name."""


@dataclass(frozen=True)
class OscParam:
    """One NuFIT parameter: best fit, 1σ interval and 3σ interval (values, not offsets)."""

    best: float
    lo1: float
    hi1: float
    lo3: float
    hi3: float
    unit: str = ""

    @property
    def err_down(self) -> float:
        return self.best - self.lo1

    @property
    def err_up(self) -> float:
        return self.hi1 - self.best


def _p(best: float, dm1: float, dp1: float, lo3: float, hi3: float, unit: str = "") -> OscParam:
    return OscParam(best, best - dm1, best + dp1, lo3, hi3, unit)


# Parameter names: s12sq, s13sq, s23sq (sin^2), delta_cp [deg], dm21sq [eV^2],
# dm3lsq [eV^2] (= Δm²_31 > 0 for NO, Δm²_32 < 0 for IO, the NuFIT convention).
NUFIT: dict[str, dict] = {
    "6.0": {
        "source": "NuFIT 6.0, I. Esteban et al., JHEP 12 (2024) 216, arXiv:2410.05380, "
                  "www.nu-fit.org (IC24 with SK atmospheric data)",
        "date": "2024-09",
        "delta_chi2_IO": 6.1,
        "NO": {
            "s12sq": _p(0.308, 0.011, 0.012, 0.275, 0.345),
            "s23sq": _p(0.470, 0.013, 0.017, 0.435, 0.585),
            "s13sq": _p(0.02215, 0.00058, 0.00056, 0.02030, 0.02388),
            "delta_cp": _p(212.0, 41.0, 26.0, 124.0, 364.0, "deg"),
            "dm21sq": _p(7.49e-5, 0.19e-5, 0.19e-5, 6.92e-5, 8.05e-5, "eV^2"),
            "dm3lsq": _p(2.513e-3, 0.019e-3, 0.021e-3, 2.451e-3, 2.578e-3, "eV^2"),
        },
        "IO": {
            "s12sq": _p(0.308, 0.011, 0.012, 0.275, 0.345),
            "s23sq": _p(0.550, 0.015, 0.012, 0.440, 0.584),
            "s13sq": _p(0.02231, 0.00056, 0.00056, 0.02060, 0.02409),
            "delta_cp": _p(274.0, 25.0, 22.0, 201.0, 335.0, "deg"),
            "dm21sq": _p(7.49e-5, 0.19e-5, 0.19e-5, 6.92e-5, 8.05e-5, "eV^2"),
            "dm3lsq": _p(-2.484e-3, 0.020e-3, 0.020e-3, -2.547e-3, -2.421e-3, "eV^2"),
        },
    },
    "5.2": {
        "source": "NuFIT 5.2 (2022), www.nu-fit.org/?q=node/256, based on Esteban et al., JHEP 09 "
                  "(2020) 178, arXiv:2007.14792 (with SK atmospheric data)",
        "date": "2022-11",
        "delta_chi2_IO": 2.3,
        "notes": "transcribed from the NuFIT 5.2 web table (angles given there in degrees; here "
                 "as sin^2); the IO theta13 row was cross-checked only against a secondary "
                 "transcription (8.57 deg, 3σ 8.23–8.94 deg): verify before precision use",
        "NO": {
            "s12sq": _p(0.303, 0.012, 0.012, 0.270, 0.341),
            "s23sq": _p(0.451, 0.016, 0.019, 0.408, 0.603),
            "s13sq": _p(0.02225, 0.00059, 0.00056, 0.02052, 0.02398),
            "delta_cp": _p(232.0, 26.0, 36.0, 144.0, 350.0, "deg"),
            "dm21sq": _p(7.41e-5, 0.20e-5, 0.21e-5, 6.82e-5, 8.03e-5, "eV^2"),
            "dm3lsq": _p(2.507e-3, 0.027e-3, 0.026e-3, 2.427e-3, 2.590e-3, "eV^2"),
        },
        "IO": {
            "s12sq": _p(0.303, 0.011, 0.012, 0.270, 0.341),
            "s23sq": _p(0.569, 0.021, 0.016, 0.412, 0.613),
            "s13sq": _p(0.02221, 0.00057, 0.00057, 0.02049, 0.02415),
            "delta_cp": _p(276.0, 29.0, 22.0, 194.0, 344.0, "deg"),
            "dm21sq": _p(7.41e-5, 0.20e-5, 0.21e-5, 6.82e-5, 8.03e-5, "eV^2"),
            "dm3lsq": _p(-2.486e-3, 0.028e-3, 0.025e-3, -2.570e-3, -2.406e-3, "eV^2"),
        },
    },
}
"""NuFIT global-fit results by version and ordering (see the module docstring)."""

NUFIT_PARAMS = ("s12sq", "s13sq", "s23sq", "delta_cp", "dm21sq", "dm3lsq")

NUFIT_BEST_FIT: dict[str, dict] = {
    "4.1-noSK": {
        "source": "NuFIT 4.1 (2019), www.nu-fit.org, based on Esteban et al., JHEP 01 (2019) 106, "
                  "arXiv:1811.05487 (without SK atmospheric data)",
        "date": "2019-07",
        "notes": "best fits only (ranges not recorded here), as recalled, not re-downloaded. "
                 "Used by hnl-inflaton (Cline, Puel, Toma, JHEP 05 (2020) 039, who cite 'PDG "
                 "central values'): they reproduce the paper's printed η_ν matrices, eqs. "
                 "4.11–4.15, to their 2–3 digits, which fixes the inputs the paper used",
        "NO": {"s12sq": 0.310, "s13sq": 0.02241, "s23sq": 0.558, "delta_cp": 222.0,
               "dm21sq": 7.39e-5, "dm3lsq": 2.523e-3},
        "IO": {"s12sq": 0.310, "s13sq": 0.02261, "s23sq": 0.563, "delta_cp": 285.0,
               "dm21sq": 7.39e-5, "dm3lsq": -2.509e-3},
    },
}
"""Global-fit best points kept without their ranges (same parameter names and conventions as
`NUFIT`: δ_CP in degrees, Δm² in eV², dm3lsq = Δm²₃₁ > 0 for NO, Δm²₃₂ < 0 for IO)."""


def get(name: str) -> Measurement:
    """A measurement by name; raises KeyError listing close names."""
    if name not in MEASUREMENTS:
        import difflib

        close = difflib.get_close_matches(name, list(MEASUREMENTS), n=5, cutoff=0.4)
        raise KeyError(f"unknown measurement {name!r}" + (f"; did you mean {close}?" if close
                                                           else ""))
    return MEASUREMENTS[name]
