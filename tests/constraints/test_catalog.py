"""Every shipped file is catalogued with its source; every curve loads; names resolve."""

import json

import numpy as np
import pytest
import yaml

from darkseesaw.constraints import catalog, curve, files, names
from darkseesaw.constraints.readers import data_dir

REQUIRED_NAMES = [
    "alp/gagamma/cast", "alp/gagamma/hb", "alp/gagamma/sn1987a", "alp/gagamma/fermi",
    "alp/gagamma/hess", "alp/gagamma/iaxo", "alp/gagamma/babyiaxo", "alp/gagamma/alps-ii",
    "alp/gagamma/hint-tev-transparency", "alp/gagamma/hint-ciber", "alp/gagamma/hint-hb",
    "id/gammaline/hess", "id/gammaline/magic", "id/gammaline/cta", "id/gammaline/dampe",
    "dd/si/lux-2016", "dd/si/xenon1t", "dd/si/lz-2022", "dd/si/lz-2024", "dd/si/xenonnt-2025",
    "dd/si/darwin-projection", "dd/si/nufog-n2-xe",
    "hnl/Ue2/current", "hnl/Umu2/current", "hnl/Utau2/current", "hnl/Ue2/projected",
    "hnl/Umu2/projected", "hnl/Utau2/projected", "collider/sigmaB-ll/atlas-139ifb",
]


def test_every_shipped_file_is_catalogued_with_source():
    root = data_dir()
    shipped = {str(p.relative_to(root)) for p in root.rglob("*")
               if p.is_file() and p.name not in ("catalog.yaml", "catalog.json")
               and "__pycache__" not in p.parts}
    listed = {f["path"] for f in files()}
    assert shipped == listed
    for f in files():
        assert f["kind"], f["path"]
        assert f.get("citation"), f["path"]
        if f["kind"] != "documentation":  # PROVENANCE.md files
            assert f["repository"], f["path"]
            assert f.get("columns"), f["path"]


def test_yaml_and_json_catalogues_agree():
    y = yaml.load(open(data_dir() / "catalog.yaml"), Loader=getattr(yaml, "CSafeLoader",
                                                                     yaml.SafeLoader))
    j = json.load(open(data_dir() / "catalog.json"))
    assert y == j


def test_required_names_exist_and_follow_the_scheme():
    have = set(names())
    for n in REQUIRED_NAMES:
        assert n in have, n
    for n in have:
        assert n.count("/") == 2 and n == n.strip()
    rows = catalog("alp/*", kind="hint")
    assert {r["name"] for r in rows} >= {"alp/gagamma/hint-hb", "alp/gagamma/hint-ciber"}
    assert all(r["quantity"] == "gagamma" for r in catalog("alp/gagamma/*"))


def test_unknown_name_suggests():
    with pytest.raises(KeyError, match="alp/gagamma/cast"):
        curve("alp/gagamma/csat")


def test_every_plain_curve_loads_with_consistent_metadata():
    units = {"alp": "GeV^-1", "dd": "cm^2", "collider": "fb", "hnl": "", "scalar": "",
             "darkphoton": "", "zprime": ""}
    for n in names():
        e = catalog(n)[0]
        if e["files"][0].startswith("envelope"):
            continue
        c = curve(n)
        top = n.split("/")[0]
        assert c.x_unit == "GeV"
        if top in units:
            assert c.y_unit == units[top], n
        if top == "id":
            assert c.y_unit in ("cm^3/s", "s"), n
        assert c.kind in ("upper_limit", "lower_limit", "projection", "hint", "band")
        assert c.source, n
        if np.ptp(np.log10(c.x)) == 0:  # single-mass haloscope exclusions (vertical lines)
            continue
        v = c(np.asarray(c.x))
        assert np.isfinite(v).mean() > 0.3, n   # defined on its own outline
