"""Catalogue builder (`darkseesaw.constraints._build_catalog`), portal couplings against mass:
ALP-photon coupling and the light dark-photon envelopes (AxionLimits, IAXO group), HNL
mixing (HNLimits), dark photon / Z' / dark scalar (DARKCAST, FORESEE), and the ATLAS dilepton
σ·B limits.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from darkseesaw import physics as ph
from darkseesaw.constraints._catalog_base import GEV_PER_EV, REPOS, BuilderBase, slug
from darkseesaw.constraints.readers import lmt_parts, read_xy

_FORESEE_LABELS = {
    "DarkHiggs/bounds_1508.04094": "LHCb $B^0\\to K^*S(\\mu\\mu)$",
    "DarkHiggs/bounds_1612.08718": "LHCb $B^+\\to K^+S(\\mu\\mu)$",
    "DarkHiggs/bounds_Bdecay": "LHCb $B^+\\to K^+S$ (copy)",
    "DarkHiggs/bounds_2011.11329": "NA62 $K^+\\to\\pi^+S$",
    "DarkHiggs/bounds_2010.07644": "NA62 $\\pi^+$",
    "DarkHiggs/bounds_Kdecay": "$K$ decays",
    "DarkHiggs/bounds_LLP": "LSND, MicroBooNE, CHARM (LLP)",
    "DarkHiggs/bounds_SN1987": "SN1987A",
    "DarkHiggs/bounds_Inflation": "inflaton target",
    "DarkHiggs/bounds_Belle2": "Belle II",
    "DarkHiggs/bounds_MicroBoone": "MicroBooNE",
}


class PortalCurves(BuilderBase):
    """Files and curves of the portal-coupling families (`alp`, `hnl`, `darkcast`, `foresee`,
    `collider`)."""

    # ---------------------------------------------------------------------------------- ALPs
    def alp(self) -> None:
        base = "alp_photon/cajohare_AxionLimits"
        cols = ["m_a [eV]", "|g_agamma| [GeV^-1]"]
        idx = list(csv.DictReader(open(self.root / base / "axionlimits_file_index.csv")))
        self.file(f"{base}/axionlimits_file_index.csv", fmt="index", kind="index",
                  citation="derived index of the AxionLimits files (PROVENANCE.md 2a)",
                  columns=["file", "status", "n_points", "x_min", "x_max", "header"])
        curated = {
            "AxionPhoton/CAST.txt": ("cast", "CAST", "CAST 2017 (Nature Phys. 13 (2017) 584) + "
                                     "2003-2011 runs", "1705.02290", "95"),
            "AxionPhoton/CAST_highm.txt": ("cast-highm", "CAST (high mass)", "CAST", "1705.02290", "95"),
            "AxionPhoton/GlobularClusters.txt": ("hb", "HB stars (R, R2)", "Ayala et al. 2014; "
                                                 "Dolan et al. 2022", "1406.6053", "95"),
            "AxionPhoton/SN1987A_gamma.txt": ("sn1987a", "SN1987A γ rays", "Payez et al. 2015",
                                              "1410.3747", "95"),
            "AxionPhoton/HESS.txt": ("hess", "H.E.S.S.", "H.E.S.S., PKS 2155-304 (PRD 88 (2013) "
                                     "102003)", "1311.3148", "95"),
            "AxionPhoton/Projections/IAXO.txt": ("iaxo", "IAXO", "IAXO (Armengaud et al. 2014)",
                                                 "1212.4633", "95"),
            "AxionPhoton/Projections/babyIAXO.txt": ("babyiaxo", "BabyIAXO",
                                                     "BabyIAXO (Abeln et al. 2021)", "2010.12076", "95"),
            "AxionPhoton/Projections/IAXO_plus.txt": ("iaxo-plus", "IAXO+", "IAXO+ (Armengaud et al. "
                                                      "2019)", "1904.09155", "95"),
            "AxionPhoton/Projections/ALPS-II.txt": ("alps-ii", "ALPS II", "ALPS II design "
                                                    "sensitivity (https://alps.desy.de)", "", "95"),
        }
        for row in idx:
            f = row["file"]
            path = f"{base}/{f}"
            proj = row["status"] == "projection"
            hdr = row["header"]
            arx = re.findall(r"(\d{4}\.\d{4,5})", hdr)
            self.file(path, citation=hdr.split("|")[0].strip() or f"AxionLimits {Path(f).stem}",
                      columns=cols,
                      kind="projection" if proj else "upper_limit")
            if f in ("AxionPhoton/Axion_CDM.txt", "AxionPhoton/ALP_CDM.txt"):
                self.files[path]["kind"] = "theory_line"
                self.files[path]["notes"] = ("theory/annotation line of the AxionLimits plots "
                                             "(not a limit): no curve")
                continue
            if f in curated:
                nm, label, src, arxiv, cl = curated[f]
            else:
                stem = Path(f).stem
                nm = slug(stem)
                label, src, arxiv, cl = stem.replace("_", " "), (hdr.split("|")[0].strip()
                                                                 or f"AxionLimits {stem}"), \
                    (arx[0] if arx else ""), ""
            if f.startswith("AxionPhoton/Projections/") and f not in curated:
                nm = nm if nm.endswith("projection") else nm + "-projection"
            self.curve(f"alp/gagamma/{nm}",
                       [{"file": path, "reader": "xy", "region": "above", "x_scale": GEV_PER_EV}],
                       quantity="gagamma", kind="projection" if proj else "upper_limit",
                       x_unit="GeV", y_unit="GeV^-1", x_label=r"$m_a$",
                       y_label=r"$|g_{a\gamma\gamma}|$", source=src, arxiv=arxiv, cl=cl,
                       label=label,
                       notes="AxionLimits outline, filled above up to g = 1 GeV^-1 as in the "
                             "source's plotting code; haloscope limits assume the experiment's "
                             "local DM density")
        # Fermi-LAT NGC1275: union of Fermi1 (filled above) and Fermi2 (closed polygon)
        fermi_parts = [
            {"file": f"{base}/AxionPhoton/Fermi1.txt", "reader": "xy", "region": "above",
             "x_scale": GEV_PER_EV},
            {"file": f"{base}/AxionPhoton/Fermi2.txt", "reader": "xy", "region": "inside",
             "x_scale": GEV_PER_EV},
        ]
        self.curve("alp/gagamma/fermi", fermi_parts, quantity="gagamma", kind="upper_limit",
                   x_unit="GeV", y_unit="GeV^-1", x_label=r"$m_a$",
                   y_label=r"$|g_{a\gamma\gamma}|$", label="Fermi-LAT (NGC 1275)",
                   source="Fermi-LAT, NGC 1275 (PRL 116 (2016) 161101)", arxiv="1603.06978",
                   cl="95", notes="union of AxionLimits Fermi1.txt (filled above) and Fermi2.txt "
                   "(closed region), as drawn by AxionLimits")
        # IAXO-group files: hints and alternative projections
        ig = "alp_photon/iaxo_group_AxionLimits"
        ig_list = [
            ("Mayer_2013.dat", "hint-tev-transparency", "hint", "inside",
             "TeV-photon transparency hint", "Meyer, Horns & Raue 2013", "1302.1208", ""),
            ("CIBER_contour_data.dat", "hint-ciber", "hint", "inside", "CIBER near-IR excess hint",
             "CIBER excess ALP interpretation (Kohri & Kodama 2017)", "1704.05189", ""),
            ("hints/HB_hint.dat", "hint-hb", "hint", "inside", "HB R-parameter hint",
             "Giannotti et al. 2016 / Ayala et al. 2014", "1512.08108", "1sigma"),
            ("IAXO_nominal.txt", "iaxo-nominal-iaxo-group", "projection", "above",
             "IAXO (nominal, IAXO group)", "IAXO LoI", "1401.3233", "95"),
            ("IAXO_plus.txt", "iaxo-plus-iaxo-group", "projection", "above", "IAXO+ (IAXO group)",
             "IAXO+", "1904.09155", "95"),
            ("miniIAXO.dat", "babyiaxo-iaxo-group", "projection", "above",
             "BabyIAXO (IAXO group)", "BabyIAXO", "2010.12076", "95"),
            ("miniIAXO_band.dat", "babyiaxo-band-iaxo-group", "projection", "inside",
             "BabyIAXO band (IAXO group)", "BabyIAXO", "2010.12076", "95"),
            ("ALPSII.dat", "alps-ii-iaxo-group", "projection", "above", "ALPS II (IAXO group)",
             "ALPS II", "", "95"),
            ("cast_env_2016.dat", "cast-envelope-iaxo-group", "upper_limit", "above",
             "CAST envelope (IAXO group)", "CAST 2017", "1705.02290", "95"),
            ("HBalpbound.txt", "hb-iaxo-group", "upper_limit", "above", "HB bound (IAXO group)",
             "Ayala et al. 2014", "1406.6053", "95"),
            ("IAXODM.dat", "iaxo-dm-iaxo-group", "projection", "above", "IAXO-DM (IAXO group)",
             "IAXO-DM / ACTION haloscope", "", ""),
        ]
        for fn, nm, kind, reg, label, src, arxiv, cl in ig_list:
            path = f"{ig}/{fn}"
            self.file(path, citation=f"{label}: {src}", columns=cols, kind=kind)
            self.curve(f"alp/gagamma/{nm}",
                       [{"file": path, "reader": "xy", "region": reg, "x_scale": GEV_PER_EV}],
                       quantity="gagamma", kind=kind, x_unit="GeV", y_unit="GeV^-1",
                       x_label=r"$m_a$", y_label=r"$|g_{a\gamma\gamma}|$", source=src,
                       arxiv=arxiv, cl=cl, label=label,
                       notes="IAXO-group plotting data; paper attribution inferred "
                             "(PROVENANCE.md 2b)")
        # light dark-photon envelopes (AxionLimits)
        for fn, nm, label in (("DP_Combined_Laboratory.txt", "axionlimits-laboratory",
                               "Laboratory (combined)"),
                              ("DP_Combined_Stellar.txt", "axionlimits-stellar",
                               "Stellar (combined)")):
            path = f"{base}/DarkPhoton/{fn}"
            self.file(path, citation=f"AxionLimits dark-photon envelope: {label}",
                      columns=["m_A' [eV]", "epsilon"], kind="upper_limit")
            self.curve(f"darkphoton/epsilon/{nm}",
                       [{"file": path, "reader": "xy", "region": "above", "x_scale": GEV_PER_EV}],
                       quantity="epsilon", kind="upper_limit", x_unit="GeV", y_unit="",
                       x_label=r"$m_{A'}$", y_label=r"$\epsilon$", label=label,
                       source="AxionLimits (C. O'Hare) combined dark-photon limits", cl="",
                       notes="envelope of light (sub-eV to keV) dark-photon limits; 'inf' rows "
                             "(no limit) are dropped")

    # ---------------------------------------------------------------------------------- HNLs
    def hnl(self) -> None:
        base = "hnl_mixing"
        flav = {"Ue4": ("Ue2", r"$|U_{eN}|^2$"), "Umu4": ("Umu2", r"$|U_{\mu N}|^2$"),
                "Utau4": ("Utau2", r"$|U_{\tau N}|^2$")}
        for key, (q, ylab) in flav.items():
            self.file(f"{base}/index_{key}.csv", fmt="index", kind="index",
                      citation="derived index of HNLimits (PROVENANCE.md 1)",
                      columns=["id", "status", "label", "file_bottom", "file_top", "mass_unit",
                               "CL", "hnl_type", "bound_type", "is_invisible", "year",
                               "reference_inspire", "arxiv", "description"])
            rows = list(csv.DictReader(open(self.root / base / f"index_{key}.csv")))
            current, current_lab, future = [], [], []
            for r in rows:
                fb, ft = r["file_bottom"].strip(), r["file_top"].strip()
                if not fb:  # a single boundary listed only as file_top (atmospheric nu): a limit
                    fb, ft = ft, ""
                unit = r["mass_unit"].strip() or "GeV"
                xs = ph.to_GeV(1.0, unit)
                cite = (f"{r['label']} ({r['year']}); inspire {r['reference_inspire']}"
                        + (f"; arXiv:{r['arxiv']}" if r["arxiv"] else ""))
                cols = [f"m_N [{unit}]", f"{q[:-1]}|^2".replace("U", "|U_", 1)]
                kind = {"future": "projection"}.get(r["status"], "upper_limit")
                for f in {fb, ft} - {""}:
                    self.file(f"{base}/hostert_hnl_limits/{f}", citation=cite, columns=cols,
                              kind=kind)
                if ft and ft != fb:
                    parts = [{"file": f"{base}/hostert_hnl_limits/{fb}",
                              "append": f"{base}/hostert_hnl_limits/{ft}",
                              "reader": "xy", "region": "inside", "x_scale": xs}]
                    shape = "closed region from bottom + top files"
                elif ft:
                    parts = [{"file": f"{base}/hostert_hnl_limits/{fb}", "reader": "xy",
                              "region": "inside", "x_scale": xs}]
                    shape = "closed contour"
                else:
                    parts = [{"file": f"{base}/hostert_hnl_limits/{fb}", "reader": "xy",
                              "region": "above", "x_scale": xs}]
                    shape = "upper limit"
                if ft and ft != fb:
                    self.files[f"{base}/hostert_hnl_limits/{ft}"]["curves"].append(
                        f"hnl/{q}/{slug(r['id'])}")
                name = f"hnl/{q}/{slug(r['id'])}"
                self.curve(name, parts, quantity=q, kind=kind, x_unit="GeV", y_unit="",
                           x_label=r"$m_N$", y_label=ylab, label=r["label"].strip('"'),
                           source=cite, arxiv=r["arxiv"], cl=r["CL"],
                           status=r["status"], hnl_type=r["hnl_type"],
                           bound_type=r["bound_type"],
                           notes=f"{shape}; status {r['status']}; HNL type {r['hnl_type'] or '?'}; "
                                 f"bound type {r['bound_type'] or '?'}; as published (no CL or "
                                 f"Dirac/Majorana rescaling). {r['description']}".strip())
                if r["status"] == "current":
                    current.append(name)
                    if r["bound_type"] != "C":
                        current_lab.append(name)
                elif r["status"] == "future":
                    future.append(name)
            common = dict(quantity=q, x_unit="GeV", y_unit="", x_label=r"$m_N$", y_label=ylab)
            self.curves[f"hnl/{q}/current"] = {
                "envelope": current_lab, "kind": "upper_limit", "label": "current (laboratory)",
                "source": "envelope of the HNLimits 'current' limits", "cl": "90/95 as published",
                "notes": "envelope of all status=current laboratory limits of the HNLimits "
                         "database (cosmology/BBN excluded; see hnl/.../current-with-cosmo), "
                         "closed contours kept as regions, masses converted to GeV, no CL or "
                         "Dirac/Majorana rescaling", **common}
            self.curves[f"hnl/{q}/current-with-cosmo"] = {
                "envelope": current, "kind": "upper_limit", "label": "current (incl. BBN/CMB)",
                "source": "envelope of the HNLimits 'current' limits incl. cosmology",
                "cl": "90/95/2sigma as published",
                "notes": "as hnl/.../current plus the BBN+CMB region (Sabti et al. 2006.07387), "
                         "which assumes a standard cosmology", **common}
            if future:
                self.curves[f"hnl/{q}/projected"] = {
                    "envelope": future, "kind": "projection", "label": "projections (combined)",
                    "source": "envelope of the HNLimits 'future' sensitivities",
                    "cl": "various", "notes": "best reach of all listed future experiments",
                    **common}

    # ------------------------------------------------------------------- dark photon / Z'
    def darkcast(self) -> None:
        base = "dark_photon_zprime/darkcast"
        self.file(f"{base}/darkcast_limits_index.csv", fmt="index", kind="index",
                  citation="derived index of DARKCAST limits/reach metadata (PROVENANCE.md 3)",
                  columns=["name", "kind", "native_model", "decay", "visible_or_invisible",
                           "production", "inspire_key", "arxiv", "data_file", "note"])
        idx = {r["name"]: r for r in csv.DictReader(open(self.root / base /
                                                         "darkcast_limits_index.csv"))}
        models = {"dark_photon": ("darkphoton", "epsilon", r"$\epsilon$", r"$m_{A'}$"),
                  "B-L_boson": ("zprime", "gBL", r"$g_{B-L}$", r"$m_{Z'}$"),
                  "Lmu-Ltau_boson": ("zprime", "gLmuLtau", r"$g_{L_\mu-L_\tau}$", r"$m_{Z'}$")}

        groups: dict[tuple[str, str, str], list[str]] = {}
        for p in sorted((self.root / base / "recast").rglob("*.lmt")):
            rel = str(p.relative_to(self.root))
            which, model = p.parts[-3], p.parts[-2]
            topic, q, ylab, xlab = models[model]
            r = idx.get(p.stem, {})
            proj = which == "reach"
            kind = "projection" if proj else "upper_limit"
            ncol = read_xy(rel).shape[1] if read_xy(rel).size else 0
            cite = (f"{p.stem}: inspire {r.get('inspire_key', '?')}"
                    + (f", arXiv:{r['arxiv']}" if r.get("arxiv") else ""))
            self.file(rel, fmt="lmt", kind=kind, citation=cite,
                      columns=["m_X [GeV]", "lower coupling g"] + (["upper coupling g"]
                                                                    if ncol == 3 else []),
                      notes=r.get("note", ""))
            if not lmt_parts(rel):
                self.files[rel]["notes"] = (self.files[rel].get("notes", "") +
                                            " (no excluded region for this model: no curve)")
                continue
            vis = r.get("visible_or_invisible", "")
            if not proj and vis in ("visible", "invisible") and not p.stem.startswith("AMM"):
                groups.setdefault((topic, q, vis), []).append(
                    f"{topic}/{q}/darkcast-{slug(p.stem)}")
            self.curve(f"{topic}/{q}/darkcast-{slug(p.stem)}",
                       [{"file": rel, "reader": "lmt"}], quantity=q, kind=kind, x_unit="GeV",
                       y_unit="", x_label=xlab, y_label=ylab, source=cite,
                       arxiv=r.get("arxiv", ""), cl="", label=p.stem.split("_")[0],
                       decay=r.get("decay", ""), visibility=vis,
                       notes=(f"DARKCAST recast to the {model} model (g = epsilon for the dark "
                              f"photon; g = gauge coupling itself for B-L and Lmu-Ltau); "
                              f"{vis} decays; {r.get('note', '')}").strip())

        for (topic, q, vis), members in sorted(groups.items()):
            first = self.curves[members[0]]
            self.curves[f"{topic}/{q}/darkcast-{vis}"] = {
                "envelope": members, "kind": "upper_limit", "quantity": q, "x_unit": "GeV",
                "y_unit": "", "x_label": first["x_label"], "y_label": first["y_label"],
                "label": f"DARKCAST {vis} (combined)", "cl": "90/95 as published",
                "source": f"envelope of the DARKCAST {vis}-decay limits recast to this model",
                "notes": f"envelope of {len(members)} DARKCAST limits with {vis} decays "
                         "(electron/muon g-2 bounds excluded; use darkcast-amm* separately); "
                         "beam-dump regions keep their upper edges"}

    def foresee(self) -> None:
        base = "foresee_bounds"
        models = {"DarkHiggs": ("scalar", "sintheta", r"$\sin\theta$", r"$m_S$", ""),
                  "DarkPhoton": ("darkphoton", "epsilon", r"$\epsilon$", r"$m_{A'}$", ""),
                  "U1B-L": ("zprime", "gBL", r"$g_{B-L}$", r"$m_{Z'}$", ""),
                  "ALP-photon": ("alp", "gagamma", r"$|g_{a\gamma\gamma}|$", r"$m_a$", "GeV^-1")}
        for p in sorted((self.root / base).rglob("*.txt")):
            rel = str(p.relative_to(self.root))
            topic, q, ylab, xlab, yu = models[p.parent.name]
            proj = p.name.startswith("limits_")
            kind = "projection" if proj else "upper_limit"
            hdr = [ln.strip("# \n") for ln in open(p, errors="replace") if ln.startswith("#")]
            arx = re.findall(r"(\d{4}\.\d{4,5})", " ".join(hdr) + " " + p.stem)
            stem = p.stem.split("_", 1)[1]
            cite = f"FORESEE {p.parent.name} line file {p.name}" + (f": {'; '.join(hdr)}" if hdr else "")
            self.file(rel, kind=kind, citation=cite,
                      columns=["mass [GeV]", f"{q} [{yu or '-'}]"])
            if p.stem == "scalar_DM_Oh2_intermediate_eps_vs_mAprime":
                self.files[rel]["notes"] = "relic-density target line (not a limit): no curve"
                continue
            if read_xy(rel).shape[0] < 2:
                continue
            label = _FORESEE_LABELS.get(f"{p.parent.name}/{p.stem}", stem.replace("_", " "))
            extra = ""
            if p.parent.name == "DarkHiggs" and stem == "Inflation":
                kind = "hint"  # the inflaton-as-light-scalar target region, not a limit
                extra = "; target region of light-inflaton models (not an exclusion)"
            self.curve(f"{topic}/{q}/foresee-{slug(stem)}" + ("-projection" if proj else ""),
                       [{"file": rel, "reader": "xy", "region": "inside"}], quantity=q,
                       kind=kind, x_unit="GeV", y_unit=yu, x_label=xlab, y_label=ylab,
                       source=cite, arxiv=arx[0] if arx else "", cl="",
                       label=label,
                       notes="FORESEE polygon (filled with ax.fill: closed region); "
                             + ("projected sensitivity" if proj else "existing constraint")
                             + extra
                             + ("; DarkHiggs coupling is the mixing angle theta (~ sin theta)"
                                if topic == "scalar" else ""))

    def collider(self) -> None:
        base = "collider/dilepton_atlas_139ifb"
        csvp = f"{base}/atlas_dilepton_139ifb_obs_sigmaB_limits.csv"
        self.file(f"{base}/hepdata_observed_xseclimits_atlas139ifb.json", fmt="json",
                  kind="upper_limit", citation=REPOS[base],
                  columns=["HEPData table: m_Z' [GeV], sigma x B [fb] per width"],
                  notes="HEPData header says pb; the values are fb (see the catalogue entry of "
                        "the CSV and tests/constraints)")
        hdr = open(self.root / csvp).read().splitlines()
        header = next(h for h in hdr if not h.startswith("#")).split(",")
        self.file(csvp, fmt="csv", kind="upper_limit", citation=REPOS[base],
                  columns=["mass_GeV"] + [f"{c} [fb]" for c in header[1:]])
        for c in header[1:]:
            w = c.replace("limit_width_", "").replace("pct", "")
            nm = "atlas-139ifb" if float(w) == 0 else f"atlas-139ifb-w{w}pct"
            self.curve(f"collider/sigmaB-ll/{nm}",
                       [{"file": csvp, "reader": "csv", "ycol": c, "region": "above"}],
                       quantity="sigmaB-ll", kind="upper_limit", x_unit="GeV", y_unit="fb",
                       x_label=r"$m_{Z'}$", y_label=r"$\sigma(pp\to Z')\times B(Z'\to\ell\ell)$",
                       source="ATLAS, PLB 796 (2019) 68 (EXOT-2018-08), Fig. 3",
                       arxiv="1903.06248", cl="95", label=f"ATLAS 139 fb$^{{-1}}$ (Γ/m = {w}%)",
                       notes="observed 95% CL limit on fiducial σ·B(Z'→ℓℓ) for one lepton "
                             "flavour, ee+μμ combined, 13 TeV; the HEPData y-unit label says "
                             "pb but the numbers are fb (at 6 TeV, 0.014 fb ≈ 3 signal events "
                             "/ (139 fb⁻¹ × 2 channels × ~0.8 efficiency)), shipped as fb")
