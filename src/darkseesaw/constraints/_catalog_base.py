"""Shared part of the catalogue builder (`darkseesaw.constraints._build_catalog`): the
upstream repositories of the data families, the unit conventions, curve-name slugs, and
`BuilderBase`, which registers files and curves (`file`, `curve`). The curves of each data
family are added by the mixins in `_catalog_portals` and `_catalog_dark_matter`.
"""

from __future__ import annotations

import re
from typing import Any

from darkseesaw.constraints.readers import data_dir

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


class BuilderBase:
    """The catalogue being built: ``files`` and ``curves`` by name, read from ``root``."""

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

    def curve(self, name: str, parts: list[dict], **meta: Any) -> None:
        if name in self.curves:
            raise ValueError(f"duplicate curve name {name}")
        assert re.fullmatch(r"[a-z]+/[A-Za-z0-9\-]+/[a-z0-9.+\-]+", name), name
        for p in parts:
            self.files[p["file"]]["curves"].append(name)
        self.curves[name] = {"parts": parts, **meta}
