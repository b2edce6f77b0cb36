"""Catalogue builder (`darkseesaw.constraints._build_catalog`), dark matter: direct detection
(DirectDetectionPlots: SI/SD limits, projections, the neutrino fog) and indirect detection
(gDMbounds: annihilation and decay limits).
"""

from __future__ import annotations

import re
from typing import Any

from darkseesaw.constraints._catalog_base import BuilderBase, slug
from darkseesaw.constraints.readers import ecsv_header

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


class DarkMatterCurves(BuilderBase):
    """Files and curves of the dark-matter families (`dd`, `indirect`)."""

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
            part: dict[str, Any] = {"file": rel, "reader": "xy", "region": reg}
            if stem == "AllLimits-2024":
                part["y_max"] = 0.5  # the repo writes 1 cm^2 where no experiment applies
            self.curve(f"dd/{q}/{nm}", [part],
                       quantity=q, kind=kind, x_unit="GeV", y_unit="cm^2", x_label=r"$m_\chi$",
                       y_label=ylab, source=cite, arxiv=arx[0] if arx else "",
                       cl="90" if kind != "band" else "",
                       label=fog_label if kind == "band" else stem.replace("_", " "),
                       notes=notes)

        # stable aliases (names that earlier versions of the catalogue used)
        for alias, target in (("dd/si/xenon1t-2018", "dd/si/xenon1t"),):
            e = self.curves[target]
            self.curve(alias, [dict(q) for q in e["parts"]],
                       **{**{k: v for k, v in e.items() if k != "parts"},
                          "notes": f"alias of {target}. " + e["notes"]})

    # ---------------------------------------------------------------------------------- ID
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
        self.fermi_lines()

    def fermi_lines(self) -> None:
        """Fermi-LAT 2015 line limits (arXiv:1506.00013) as transcribed by MadDM (4 ROIs)."""
        base = "indirect_detection/maddm_fermi_lines"
        repo = ("maddmhep/maddm @ bb8d8614fb60b39cb466bc040f08ccf97873fe6f (2023-07-16), "
                "ExpData/ (files last changed in 787831a8, 2021-01-03)")
        cite = ("Fermi-LAT 2015: Ackermann et al., PRD 91 (2015) 122002 (Updated search for "
                "spectral lines ... with Pass 8 data)")
        self.file(f"{base}/PROVENANCE.md", fmt="md", kind="documentation",
                  citation="provenance and conventions of the Fermi-LAT 2015 line files")
        self.files[f"{base}/PROVENANCE.md"]["repository"] = "darkseesaw (written for this package)"
        rois = {"R16_Einasto": ("r16-einasto", "R16, Einasto", 9.39e22),
                "R3_NFWcontracted": ("r3-nfwcontracted", "R3, contracted NFW", 1.39e23),
                "R41_NFW": ("r41-nfw", "R41, NFW", 9.16e22),
                "R90_Isothermal": ("r90-isothermal", "R90, isothermal", 7.04e22)}
        for stem, (slug_, lab, jfac) in rois.items():
            rel = f"{base}/Fermi_2015_lines_{stem}.dat"
            self.file(rel, citation=cite + " arXiv:1506.00013", kind="upper_limit",
                      columns=["m_chi [GeV]", "sigmav_gammagamma [cm^3/s]", "flux [cm^-2 s^-1]"])
            self.files[rel]["repository"] = repo
            notes = (f"Galactic-centre region {lab} profile (rho_sun = 0.4 GeV/cm^3, r_sun = 8.5 "
                     f"kpc; J = {jfac:.3g} GeV^2 cm^-5 as implied by the flux and <σv> columns); "
                     "column 2 of the file, masses in GeV (0.214-462 GeV); CL 0.95. <σv> as "
                     "published, for self-conjugate (Majorana) DM: flux = 2 <σv> J/(8π m²) "
                     "(2 photons per annihilation); for Dirac DM with equal χ and χ̄ densities "
                     "the limit on <σv>(χχ̄) is 2× weaker (use Curve.scaled(y_factor=2)). "
                     "See indirect_detection/maddm_fermi_lines/PROVENANCE.md.")
            meta_c = dict(quantity="gammaline", kind="upper_limit", x_unit="GeV",
                          y_unit="cm^3/s", x_label=r"$m_\chi$",
                          y_label=r"$\langle\sigma v\rangle_{\gamma\gamma}$", source=cite,
                          arxiv="1506.00013", cl="0.95", label=f"Fermi-LAT 2015 (GC {lab})",
                          notes=notes)
            part = {"file": rel, "reader": "xy", "region": "above"}
            self.curve(f"id/gammaline/lat-2015-gc-{slug_}", [part], **meta_c)
            if stem == "R16_Einasto":
                self.curve("id/gammaline/fermi-lat", [dict(part)],
                           **{**meta_c, "notes": "alias of id/gammaline/lat-2015-gc-r16-einasto. "
                              + notes})
