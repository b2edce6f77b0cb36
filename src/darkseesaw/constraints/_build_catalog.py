"""Developer tool: (re)write ``data/catalog.yaml`` from the shipped files and their index tables.

Run ``python -m darkseesaw.constraints._build_catalog`` after adding or removing a data file.
It writes ``data/catalog.yaml`` (human-readable) and ``data/catalog.json`` (same content, read
by the package at run time).
The catalogue has two sections:

``files``   every shipped file: path, upstream repository and commit, citation, columns with
            units, kind, and the curve names that read it;
``curves``  every named curve ``topic/quantity/experiment``: parts (file, reader, region, unit
            scales), kind, units, source, arXiv, CL and notes.

Unit conventions of the package (applied through ``x_scale``/``y_scale``): masses in GeV,
g_aγ in GeV⁻¹, cross sections in cm², ⟨σv⟩ in cm³/s, lifetimes in s, σ·B in fb,
|U|² / ε / sinθ / g dimensionless. No CL rescaling or Dirac/Majorana conversion is applied.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

from darkseesaw import physics as ph
from darkseesaw.constraints.readers import data_dir, ecsv_header, lmt_parts, read_xy

REPOS = {
    "hnl_mixing/hostert_hnl_limits": (
        "mhostert/Heavy-Neutrino-Limits @ 8bcc041948b1e459af4bab9264f2ca1f710bb3fb (2025-09-17); "
        "Fernandez-Martinez et al., arXiv:2304.06772"),
    "hnl_mixing": ("derived index from local_HNL_database.xlsx of mhostert/Heavy-Neutrino-Limits "
                   "@ 8bcc0419 (see PROVENANCE.md section 1)"),
    "alp_photon/cajohare_AxionLimits": (
        "cajohare/AxionLimits (C. O'Hare, https://cajohare.github.io/AxionLimits/) upstream commit "
        "93a1d4c9d8720919502ed7a24b8d02da3312cf76 (2022-08-30) via the fork ykyohei/AxionLimits"),
    "alp_photon/iaxo_group_AxionLimits": (
        "AlvaroEzq/AxionLimits (IAXO-group plotting data) @ 1ba25277e7cdbdc1fe0780d0a9f2e0e6aaecf40d "
        "(2024-01-25)"),
    "dark_photon_zprime/darkcast": (
        "DARKCAST (Ilten, Soreq, Williams, Xue, arXiv:1801.04847) via micha-a-schmidt/darkcast @ "
        "db9a0f66ec99946930dc263a042ec531c9576068"),
    "direct_detection/cajohare_DirectDetectionPlots": (
        "cajohare/DirectDetectionPlots (C. O'Hare) @ 7d669ed5b9321e67c64dbbb361a9fc72af6f5f2c "
        "(2025-04-28)"),
    "indirect_detection/gDMbounds": (
        "micheledoro/gDMbounds (CC BY-NC-SA 3.0) @ 13f8786223971aacab689f5943ef49f15b03bfee "
        "(2025-11-19)"),
    "foresee_bounds": ("KlingFelix/FORESEE (Kling & Trojanowski, arXiv:2105.07077) @ "
                       "2d6431f6f6e92287c1fe1b3003aea39234b29a4b (2025-11-17)"),
    "collider/dilepton_atlas_139ifb": (
        "ATLAS EXOT-2018-08, arXiv:1903.06248, PLB 796 (2019) 68; HEPData "
        "doi:10.17182/hepdata.88425.v1/t4, via LHC-DMWG/DMWG-couplingScan-code @ b55d44e9"),
}

GEV_PER_EV = 1e-9

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

CONVENTIONS = ("package units: masses in GeV; g_agamma in GeV^-1; cross sections in cm^2; "
               "<sigma v> in cm^3/s; lifetimes in s; sigma x B in fb; |U|^2, epsilon, sin(theta), "
               "gauge couplings dimensionless. Values as published: no CL rescaling and no "
               "Dirac/Majorana conversion applied.")


def _repo(path: str) -> str:
    best = ""
    for k in REPOS:
        if path.startswith(k + "/") and len(k) > len(best):
            best = k
    return REPOS.get(best, "")


def slug(s: str) -> str:
    s = s.strip().lower().replace("_", "-").replace(" ", "-")
    s = re.sub(r"[^a-z0-9.+\-]", "", s)
    return re.sub(r"-+", "-", s).strip("-")


_INSTR = {"hess": "H.E.S.S.", "magic": "MAGIC", "veritas": "VERITAS", "lat": "Fermi-LAT",
          "cta": "CTA", "dampe": "DAMPE", "magic-lat": "MAGIC+Fermi-LAT"}


def _id_label(meta: dict) -> str:
    """Legend label of a gDMbounds curve: instrument, year, target (and halo profile)."""
    ins = _INSTR.get(meta.get("instrument", ""), meta.get("instrument", "").upper())
    src = meta.get("source", "")
    m = re.match(r"multidsph-(\d+)", src)
    tgt = (f"{m.group(1)} dSphs" if m else "dSphs" if src.startswith("multidsph") else
           "GC" if src == "gc" else src.replace("-", " ").title())
    com = meta.get("comment", "")
    prof = re.search(r"(einasto|nfw|isothermal)", com, re.I)
    names = {"einasto": "Einasto", "nfw": "NFW", "isothermal": "isothermal"}
    extra = f", {names[prof.group(1).lower()]}" if prof else ""
    return f"{ins} {meta.get('year', '')} ({tgt}{extra})"


class Builder:
    def __init__(self) -> None:
        self.root = data_dir()
        self.curves: dict[str, dict] = {}
        self.files: dict[str, dict] = {}

    # ----------------------------------------------------------------------------------------
    def file(self, path: str, *, citation: str = "", columns: list[str] | None = None,
             kind: str = "", fmt: str = "xy", notes: str = "") -> None:
        if not (self.root / path).is_file():
            raise FileNotFoundError(path)
        ent = self.files.setdefault(path, {"path": path, "repository": _repo(path),
                                           "format": fmt, "curves": []})
        for k, v in (("citation", citation), ("columns", columns), ("kind", kind),
                     ("notes", notes)):
            if v and not ent.get(k):
                ent[k] = v

    def curve(self, name: str, parts: list[dict], **meta) -> None:
        if name in self.curves:
            raise ValueError(f"duplicate curve name {name}")
        assert re.fullmatch(r"[a-z]+/[A-Za-z0-9\-]+/[a-z0-9.+\-]+", name), name
        for p in parts:
            self.files[p["file"]]["curves"].append(name)
        self.curves[name] = {"parts": parts, **meta}

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

    # ---------------------------------------------------------------------------------- DD
    def dd(self) -> None:
        base = "direct_detection/cajohare_DirectDetectionPlots"
        qmap = {"SI": ("si", r"$\sigma_{\chi N}^{\rm SI}$"), "SDp": ("sdp", r"$\sigma_{\chi p}^{\rm SD}$"),
                "SDn": ("sdn", r"$\sigma_{\chi n}^{\rm SD}$")}
        curated = {"LUX.txt": "lux-2016", "XENON1T-2018.txt": "xenon1t",
                   "XENON1T.txt": "xenon1t-with-lowmass",
                   "LZ_2022_power-constrained.txt": "lz-2022",
                   "LZ_2022_non-power-constrained.txt": "lz-2022-non-power-constrained",
                   "LZ_2024.txt": "lz-2024", "XENONnT_2025.txt": "xenonnt-2025",
                   "XENONnT_power-constrained.txt": "xenonnt-2023",
                   "XENONnT_non-power-constrained.txt": "xenonnt-2023-non-power-constrained",
                   "AllLimits-2024.txt": "all-2024",
                   "PandaX_2024.txt": "pandax-4t-2024", "PandaX.txt": "pandax-ii-2017"}
        for p in sorted((self.root / base).rglob("*.txt")):
            rel = str(p.relative_to(self.root))
            sub = p.relative_to(self.root / base).parts  # limits|fog, Nucleon, SI, [Projections]
            q, ylab = qmap[sub[2]]
            hdr = [ln.strip("# \n") for ln in open(p) if ln.startswith("#")]
            arx = re.findall(r"(\d{4}\.\d{4,5})", " ".join(hdr))
            stem = p.stem
            if sub[0] == "fog":
                kind, reg = "band", "below"
                nm = "nufog-" + slug(stem.replace("nuFog_n2_", "n2-").replace("NuFloor_", "floor-"))
                cite = "neutrino fog/floor: " + stem
                fog_label = ("ν fog (n=2, " + stem.split("_")[-1] + ")" if "nuFog" in stem
                             else "ν floor (" + stem.replace("NuFloor_", "").replace("_", " ")
                             + ")")
                notes = ("neutrino fog (n=2 boundary, O'Hare 2021, arXiv:2109.03116) or floor; the "
                         "region below the curve is background-limited")
            else:
                proj = "Projections" in sub or stem.startswith("XLZD")
                kind, reg = ("projection" if proj else "upper_limit"), "above"
                nm = curated.get(p.name, slug(stem)) if sub[2] == "SI" else slug(stem)
                if stem.startswith("DAMA"):
                    kind, reg = "hint", "inside"
                if proj and not nm.startswith("xlzd"):
                    nm += "-projection"
                if proj and nm.startswith("xlzd"):
                    nm = nm  # XLZD_{Excl,Disc}_{200,1000}ty
                cite = (hdr[0] if hdr else stem)
                notes = "90% CL upper limit as published (DirectDetectionPlots)"
                if stem == "XENON1T":
                    notes += ("; XENON1T 2018 (1805.12562) extended to low mass with "
                              "2012.02846 (S2-only/combined), as in DirectDetectionPlots")
                if stem == "AllLimits-2024":
                    notes = ("envelope made by DirectDetectionPlots (CreateEnvelope): min of "
                             "NEWS-G, DarkSide-50 2022, CRESST, PandaX-4T 2024 combined, XENONnT "
                             "2025 combined, LZ 2024; 1 where none applies")
                if stem.startswith("XLZD") or stem == "LXe_200ty_90excl":
                    notes = "XLZD design-book curve (arXiv:2410.17137, presumed; no header)"
                if stem.startswith("DAMA"):
                    notes = "DAMA/LIBRA allowed region (Savage et al. 0808.3607), closed contour"
            self.file(rel, citation=cite, columns=["m_chi [GeV]", f"sigma_{sub[2]} [cm^2]"],
                      kind=kind)
            part = {"file": rel, "reader": "xy", "region": reg}
            if stem == "AllLimits-2024":
                part["y_max"] = 0.5  # the repo writes 1 cm^2 where no experiment applies
            self.curve(f"dd/{q}/{nm}", [part],
                       quantity=q, kind=kind, x_unit="GeV", y_unit="cm^2", x_label=r"$m_\chi$",
                       y_label=ylab, source=cite, arxiv=arx[0] if arx else "",
                       cl="90" if kind != "band" else "",
                       label=fog_label if kind == "band" else stem.replace("_", " "),
                       notes=notes)

    # ---------------------------------------------------------------------------------- ID
        # stable aliases (names that earlier versions of the catalogue used)
        for alias, target in (("dd/si/xenon1t-2018", "dd/si/xenon1t"),):
            e = self.curves[target]
            self.curve(alias, [dict(q) for q in e["parts"]],
                       **{**{k: v for k, v in e.items() if k != "parts"},
                          "notes": f"alias of {target}. " + e["notes"]})

    def indirect(self) -> None:
        base = "indirect_detection/gDMbounds"
        self.file(f"{base}/gdmbounds_selected_index.csv", fmt="index", kind="index",
                  citation="derived index of the selected gDMbounds files (PROVENANCE.md 5)",
                  columns=["path", "instrument", "year", "arxiv", "source", "channel", "mode",
                           "cl", "ycol", "size", "reference"])
        aliases = {
            "bounds/hess/hess_2018_gc_ann_gammagamma_einasto.ecsv": "hess",
            "bounds/magic/magic_2014_segue1_ann_gammagamma.ecsv": "magic",
            "bounds/cta/cta_2019_gc_ann_gammagamma_sens_einasto_unbinned.ecsv": "cta",
            "bounds/dampe/dampe_2022_gc_ann_gammagamma_r16einasto.ecsv": "dampe",
        }
        for p in sorted((self.root / base).rglob("*.ecsv")):
            rel = str(p.relative_to(self.root))
            sub = str(p.relative_to(self.root / base))
            h = ecsv_header(rel)
            meta, cols = h["meta"], h["columns"]
            if sub.startswith("legends/"):
                self.file(rel, fmt="ecsv", kind="legend", citation="gDMbounds legend table",
                          columns=[f"{k} [{v}]" for k, v in cols.items()])
                continue
            names = list(cols)
            ycol = next((c for c in ("sigmav", "tau") if c in names), names[1])
            decay = ycol == "tau" or "_dec_" in p.name
            ch = meta.get("channel", "")
            sens = "_sens" in p.name or meta.get("instrument") == "cta"
            kind = "projection" if sens else ("lower_limit" if decay else "upper_limit")
            reg = "below" if decay else "above"
            q = ("tau-" if decay else ("gammaline" if ch == "gammagamma" else "sigmav-")) + (
                "" if (ch == "gammagamma" and not decay) else slug(ch))
            stem = p.stem.replace("_ann_", "_").replace("_dec_", "_").replace(
                f"_{ch}", "")
            nm = slug(stem.replace("_", "-"))
            mu = cols[names[0]]
            yu = "s" if decay else "cm^3/s"
            cite = (f"{meta.get('instrument', '').upper()} {meta.get('year', '')}: "
                    f"{meta.get('reference', '')}").strip()
            notes = (f"target {meta.get('source', '?')}; {meta.get('comment', '')}; column "
                     f"'{ycol}' of the file; mass unit in the file: {mu} (converted to GeV); "
                     f"CL {meta.get('confidence', '0.95') or '0.95'}. ")
            if not decay:
                notes += ("<σv> as published, for self-conjugate (Majorana) DM: flux ∝ <σv> ρ²/(8π "
                          "m²) (the convention of these H.E.S.S./MAGIC/VERITAS/CTA/DAMPE/LAT "
                          "analyses); for Dirac DM with equal χ and χ̄ densities the limit on "
                          "<σv>(χχ̄) is 2× weaker (use Curve.scaled(y_factor=2)).")
                if ch == "gammagamma":
                    notes += " Line limits count 2 photons per annihilation (χχ → γγ)."
            cols_desc = [f"{k} [{v}]" for k, v in cols.items()]
            self.file(rel, fmt="ecsv", kind=kind, citation=cite + f" arXiv:{meta.get('arxiv', '')}",
                      columns=cols_desc)
            ylab = (r"$\tau_\chi$" if decay else
                    (r"$\langle\sigma v\rangle_{\gamma\gamma}$" if ch == "gammagamma" else
                     rf"$\langle\sigma v\rangle_{{{ch}}}$"))
            meta_c = dict(quantity=q, kind=kind, x_unit="GeV", y_unit=yu, x_label=r"$m_\chi$",
                          y_label=ylab, source=cite, arxiv=meta.get("arxiv", ""),
                          cl=str(meta.get("confidence", "0.95")),
                          label=_id_label(meta), notes=notes.strip())
            part = [{"file": rel, "reader": "ecsv", "ycol": ycol, "region": reg}]
            self.curve(f"id/{q}/{nm}", part, **meta_c)
            if sub in aliases:
                self.curve(f"id/{q}/{aliases[sub]}", [dict(part[0])],
                           **{**meta_c, "notes": f"alias of id/{q}/{nm}. " + meta_c["notes"]})

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

    def others(self) -> None:
        self.file("PROVENANCE.md", fmt="md", kind="documentation",
                  citation="provenance of every shipped data file (copied from shared/data)")

    def run(self) -> dict:
        self.alp()
        self.hnl()
        self.dd()
        self.indirect()
        self.darkcast()
        self.foresee()
        self.collider()
        self.others()
        shipped = {str(p.relative_to(self.root)) for p in self.root.rglob("*")
                   if p.is_file() and p.name not in ("catalog.yaml", "catalog.json")}
        missing = sorted(shipped - set(self.files))
        if missing:
            raise SystemExit("files not in the catalogue: " + ", ".join(missing[:20]))
        return {"version": 1,
                "conventions": CONVENTIONS,
                "curves": dict(sorted(self.curves.items())),
                "files": [self.files[k] for k in sorted(self.files)]}


def main() -> None:
    cat = Builder().run()
    out = data_dir() / "catalog.yaml"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Catalogue of darkseesaw.constraints data: generated by "
                "`python -m darkseesaw.constraints._build_catalog`; do not edit by hand.\n")
        yaml.safe_dump(cat, f, sort_keys=False, allow_unicode=True, width=100)
    import json

    # the same content as JSON: what the package reads at run time (10x faster than YAML)
    with open(data_dir() / "catalog.json", "w", encoding="utf-8") as f:
        json.dump(cat, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {out} and catalog.json: {len(cat['curves'])} curves, {len(cat['files'])} files")


if __name__ == "__main__":
    main()
