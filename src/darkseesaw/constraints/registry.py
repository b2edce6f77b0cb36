"""The catalogue of shipped limit curves: ``catalog()``, ``curve(name)``, ``envelope(...)``.

Names follow ``topic/quantity/experiment``:

==============  ======================  =================================================
topic           quantity                examples
==============  ======================  =================================================
``alp``         ``gagamma`` [GeV⁻¹]     ``alp/gagamma/cast``, ``alp/gagamma/hb``,
                                        ``alp/gagamma/iaxo``, ``alp/gagamma/hint-ciber``
``hnl``         ``Ue2``/``Umu2``/       ``hnl/Ue2/current`` (envelope), ``hnl/Umu2/ship``,
                ``Utau2``               ``hnl/Utau2/projected``
``dd``          ``si``/``sdp``/``sdn``  ``dd/si/lz-2024``, ``dd/si/xenonnt-2025``,
                [cm²]                   ``dd/si/nufog-n2-xe``
``id``          ``gammaline``,          ``id/gammaline/hess``, ``id/gammaline/cta``,
                ``sigmav-bb`` … [cm³/s] ``id/sigmav-bb/lat-2015-multidsph``
``darkphoton``  ``epsilon``             ``darkphoton/epsilon/darkcast-babar-lees2014xha``
``scalar``      ``sintheta``            ``scalar/sintheta/foresee-charm``
``zprime``      ``gBL``, ``gLmuLtau``   ``zprime/gBL/foresee-babar``
``collider``    ``sigmaB-ll`` [fb]      ``collider/sigmaB-ll/atlas-139ifb``
==============  ======================  =================================================

All masses are in GeV. The full list, with the source of every curve and every file, is in
``darkseesaw/constraints/data/catalog.yaml`` (``darkseesaw constraints list`` prints it).

Examples
--------
>>> from darkseesaw.constraints import curve
>>> cast = curve("alp/gagamma/cast")
>>> round(float(cast(1e-14)) * 1e11, 2)       # m_a = 1e-5 eV: CAST 2017, 0.66e-10 GeV^-1
6.63
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

import numpy as np

from darkseesaw.constraints.curves import Curve, Envelope
from darkseesaw.constraints.readers import data_dir, ecsv_xy, lmt_parts, read_xy

_META_KEYS = ("quantity", "kind", "x_unit", "y_unit", "x_label", "y_label", "source", "arxiv",
              "cl", "notes", "label")


@lru_cache(maxsize=1)
def _catalog_data() -> dict:
    import json

    # catalog.json is catalog.yaml in JSON form (written together by _build_catalog)
    with open(data_dir() / "catalog.json", encoding="utf-8") as f:
        return json.load(f)


def _unknown(name: str) -> KeyError:
    import difflib

    names = list(_catalog_data()["curves"])
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return KeyError(f"unknown constraint {name!r}{hint} (see `darkseesaw constraints list`)")


def catalog(pattern: str = "*", *, kind: str | None = None, quantity: str | None = None
            ) -> list[dict]:
    """Named curves with their kind, quantity, units and source.

    Parameters
    ----------
    pattern : str
        Shell-style pattern on the name, e.g. ``"alp/*"`` or ``"*/Ue2/*"``.
    kind : str, optional
        Keep only ``upper_limit``, ``lower_limit``, ``projection``, ``hint`` or ``band``.
    quantity : str, optional
        Keep only one quantity (``gagamma``, ``Ue2``, ``si``, ``gammaline`` ...).

    Returns
    -------
    list of dict
        ``name, quantity, kind, x_unit, y_unit, source, arxiv, cl, label, files`` per curve,
        sorted by name.

    Examples
    --------
    >>> [e["name"] for e in catalog("hnl/Ue2/current*")]
    ['hnl/Ue2/current', 'hnl/Ue2/current-with-cosmo']
    """
    out = []
    for name, e in _catalog_data()["curves"].items():
        if not fnmatch.fnmatchcase(name, pattern):
            continue
        if kind and e.get("kind") != kind:
            continue
        if quantity and e.get("quantity") != quantity:
            continue
        files = [p["file"] for p in e.get("parts", [])] or [f"envelope of {len(e['envelope'])} "
                                                            "curves"]
        out.append({"name": name, **{k: e.get(k, "") for k in ("quantity", "kind", "x_unit",
                                                                 "y_unit", "source", "arxiv",
                                                                 "cl", "label")},
                    "files": files})
    return out


def names(pattern: str = "*") -> list[str]:
    """Catalogue names matching a shell-style pattern."""
    return [n for n in _catalog_data()["curves"] if fnmatch.fnmatchcase(n, pattern)]


def files() -> list[dict]:
    """Every shipped data file with repository, citation, columns, units, kind and curves."""
    return list(_catalog_data()["files"])


def _read_part(p: dict) -> tuple[np.ndarray, np.ndarray, str] | list:
    reader = p.get("reader", "xy")
    xs, ys = float(p.get("x_scale", 1.0)), float(p.get("y_scale", 1.0))
    if reader == "lmt":
        return [(x * xs, y * ys, reg) for x, y, reg in lmt_parts(p["file"])]
    if reader == "ecsv":
        x, y, _ = ecsv_xy(p["file"], p.get("ycol"))
    elif reader == "csv":
        import csv

        with open(data_dir() / p["file"], encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(ln for ln in f if not ln.startswith("#"))]
        x = np.array([float(r["mass_GeV"]) for r in rows])
        y = np.array([float(r[p["ycol"]]) for r in rows])
    else:
        d = read_xy(p["file"])
        x, y = d[:, 0], d[:, 1]
        if "append" in p:
            d2 = read_xy(p["append"])
            x, y = np.concatenate([x, d2[:, 0]]), np.concatenate([y, d2[:, 1]])
    ok = np.isfinite(x) & np.isfinite(y) & (x > 0) & (y > 0)
    if "y_max" in p:  # placeholder rows meaning "no limit here" (e.g. 1 cm^2 in envelopes)
        ok &= y < float(p["y_max"])
    x, y = x[ok], y[ok]
    if "y_max" in p and x.size > 1:  # split where the placeholder rows interrupted the curve
        cuts = np.nonzero(np.diff(np.nonzero(ok)[0]) > 1)[0] + 1
        return [(a * xs, b * ys, p.get("region", "above"))
                for a, b in zip(np.split(x, cuts), np.split(y, cuts), strict=True)]
    return [(x * xs, y * ys, p.get("region", "above"))]


@cache  # 718 catalogue names: a bounded cache evicted the envelopes
def curve(name: str) -> Curve:
    """The named limit curve (an `Envelope` for combined entries such as ``hnl/Ue2/current``).

    Parameters
    ----------
    name : str
        Catalogue name ``topic/quantity/experiment``.

    Returns
    -------
    Curve
        With ``x``, ``y`` (package units, masses in GeV), ``x_unit``, ``y_unit``, ``kind``,
        ``region``, ``source``; callable (log–log interpolation, NaN outside the range), with
        vectorised ``allowed(x, y)``, ``inside(x, y)`` and ``margin(x, y)``.

    Raises
    ------
    KeyError
        Unknown name (the message suggests close names).
    """
    cat = _catalog_data()["curves"]
    if name not in cat:
        raise _unknown(name)
    e = cat[name]
    meta = {k: e[k] for k in _META_KEYS if k in e}
    if "envelope" in e:
        return Envelope(name, [curve(n) for n in e["envelope"]], **meta)
    parts: list[Any] = []
    for p in e["parts"]:
        parts.extend(_read_part(p))
    parts = [q for q in parts if len(q[0]) >= 2]
    if not parts:
        raise ValueError(f"{name}: no usable data points")
    region = parts[0][2] if len({q[2] for q in parts}) == 1 else e["parts"][0].get("region",
                                                                                   "above")
    return Curve(name=name, x=parts[0][0], y=parts[0][1], parts_xy=parts, region=region,
                 files=[p["file"] for p in e["parts"]], **meta)


def envelope(curves: str | Curve | Iterable[str | Curve], name: str = "envelope", **meta: Any
             ) -> Envelope:
    """Combine several limits on one quantity into their envelope.

    Parameters
    ----------
    curves : iterable of str or Curve
        Catalogue names, shell patterns (``"dd/si/lz-*"``) or curve objects; same y unit.
    name : str
        Name of the result.
    **meta
        Metadata of the result (``kind``, ``source``, ``label`` … as `Curve` attributes).

    Returns
    -------
    Envelope
        ``env(x)`` is the pointwise strongest member edge (never weaker than any member at any
        mass, exact in log–log: crossings between members are inserted as break points);
        ``env.allowed(x, y)`` is True only where every member allows the point.

    Examples
    --------
    >>> env = envelope(["dd/si/lz-2024", "dd/si/xenonnt-2025"], name="dd/si/xe-2025")
    >>> bool(env(30.0) <= min(curve("dd/si/lz-2024")(30.0), curve("dd/si/xenonnt-2025")(30.0)))
    True
    """
    return Envelope(name, resolve(curves), **meta)


def resolve(items: str | Curve | Iterable[str | Curve]) -> list[Curve]:
    """Curves from a name, a glob pattern (``"dd/si/*"``), a `Curve`, or a list of those."""
    out: list[Curve] = []
    for c in ([items] if isinstance(items, str | Curve) else items):
        if isinstance(c, Curve):
            out.append(c)
        elif any(ch in c for ch in "*?["):
            out.extend(curve(n) for n in names(c))
        else:
            out.append(curve(c))
    return out
