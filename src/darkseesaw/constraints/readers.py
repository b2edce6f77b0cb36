"""Readers for the shipped limit-file formats (no physics, no unit conventions of their own).

Formats
-------
``xy``      whitespace- or comma-separated columns (x, y), ``#`` comments (AxionLimits,
            DirectDetectionPlots, HNLimits, FORESEE, IAXO-group files).
``ecsv``    astropy ECSV 0.9 of gDMbounds; the YAML header gives column names and units.
``lmt``     DARKCAST limit files: mass [GeV], lower [, upper] coupling.
``csv``     plain CSV with a header line (ATLAS dilepton table), ``#`` comments.

Every reader returns plain numpy arrays in the units of the file; conversion to package units
is done by the catalogue entry (``x_scale`` / ``y_scale``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from darkseesaw import physics as ph

_NUM = re.compile(r"^[\s+\-.\deE,;]+$")


def data_dir() -> Path:
    """Folder of the shipped data files."""
    return Path(str(resources.files("darkseesaw.constraints") / "data"))


@lru_cache(maxsize=2048)
def read_xy(path: str) -> np.ndarray:
    """All numeric rows of a text table as an (n, k) array (comments and text lines skipped)."""
    rows = []
    with open(data_dir() / path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("#") or not _NUM.match(s):
                continue
            parts = [p for p in re.split(r"[\s,;]+", s) if p]
            try:
                rows.append([float(p) for p in parts])
            except ValueError:
                continue
    if not rows:
        return np.zeros((0, 2))
    k = min(len(r) for r in rows)
    return np.array([r[:k] for r in rows], dtype=float)


def ecsv_header(path: str) -> dict:
    """Columns (name -> unit) and metadata (key -> value) of a gDMbounds ECSV file."""
    cols: dict[str, str] = {}
    meta: dict[str, str] = {}
    with open(data_dir() / path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.search(r"\{\s*name:\s*([^,]+?)\s*,\s*unit:\s*([^,]+?)\s*,", line)
            if m:
                cols[m.group(1).strip()] = m.group(2).strip()
                continue
            m = re.search(r"\{\s*([A-Za-z_]+)\s*:?\s+\"([^\"]*)\"", line)
            if m:
                meta[m.group(1)] = m.group(2)
    return {"columns": cols, "meta": meta}


@lru_cache(maxsize=512)
def read_ecsv(path: str) -> tuple[dict, np.ndarray]:
    """Header and data (n, k) of a gDMbounds ECSV file."""
    hdr = ecsv_header(path)
    rows = []
    with open(data_dir() / path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            try:  # 'nan' entries (dwarfs without a limit at that mass) are kept as NaN
                rows.append([float(p) for p in s.split()])
            except ValueError:
                continue
    if not rows:
        raise ValueError(f"{path}: no data rows")
    k = min(len(r) for r in rows)
    return hdr, np.array([r[:k] for r in rows], dtype=float)


def ecsv_xy(path: str, ycol: str | None = None) -> tuple[np.ndarray, np.ndarray, str]:
    """Mass [GeV] and the chosen y column of a gDMbounds file, with the y unit string."""
    hdr, d = read_ecsv(path)
    names = list(hdr["columns"])
    units = hdr["columns"]
    if ycol is None:
        ycol = next((c for c in ("sigmav", "tau") if c in names), names[1])
    j = names.index(ycol)
    mu = units[names[0]]
    if mu not in ph.MASS_UNITS:
        raise ValueError(f"{path}: unknown mass unit {mu!r}")
    # gDMbounds tables are functions of the mass; a few digitised rows are out of order
    # (e.g. MAGIC Segue 1 2014 lists 111 GeV after 321 GeV): sort by mass
    order = np.argsort(d[:, 0], kind="stable")
    x = d[order, 0] * ph.to_GeV(1.0, mu)
    return x, d[order, j], units[ycol]


PAD = 1e4  # DARKCAST couplings at or above this are padding (the files use 1e5)


def lmt_parts(path: str) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """DARKCAST file → outline parts in (mass, coupling).

    Two columns: the lower limit, excluded above (region 'above'); rows with the padding
    coupling 1e5 (no limit: range ends, vetoed resonance windows) split the outline into parts.
    Three columns: excluded between lower and upper; each run of consecutive masses with
    upper > lower becomes one closed part (lower boundary forward, upper boundary backward),
    region 'inside'.
    """
    d = read_xy(path)
    if d.shape[0] < 2:
        return []
    if d.shape[1] == 2:
        # coupling 1e5 is DARKCAST's "no limit" padding (range ends, vetoed resonance windows):
        # split the outline there so that curve(x) is NaN inside the windows
        ok = d[:, 1] < PAD
    else:
        ok = (d[:, 2] > d[:, 1]) & (d[:, 1] < PAD)
    parts = []
    i = 0
    n = len(d)
    while i < n:
        if not ok[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and ok[j + 1]:
            j += 1
        if j > i:
            seg = d[i : j + 1]
            if d.shape[1] == 2:
                parts.append((seg[:, 0], seg[:, 1], "above"))
            else:
                px = np.concatenate([seg[:, 0], seg[::-1, 0]])
                py = np.concatenate([seg[:, 1], seg[::-1, 2]])
                parts.append((px, py, "inside"))
        i = j + 1
    return parts
