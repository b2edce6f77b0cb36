"""Scan configuration validation and the one-line error contract of the CLI."""

from __future__ import annotations

import pytest

from darkseesaw.errors import InputError
from darkseesaw.scan.config import load_config, parse_config

BASE = {"python_function": "darkseesaw.scan.toy:evaluate",
        "parameters": {"x": {"range": [-1, 1]}, "y": 0.5},
        "sampler": {"name": "random", "n": 10}}


def _with(**kw):
    d = {**BASE, **kw}
    return d


@pytest.mark.parametrize("cfg, key, words", [
    (_with(parameters={"x": {"range": [0, 1], "prior": "log"}}), "parameters.x",
     "log prior needs lo > 0"),
    (_with(parameters={"x": {"range": [2, 1]}}), "parameters.x", "lo < hi"),
    (_with(parameters={"x": {"range": [0, 1], "value": 3}}), "parameters.x", "either"),
    (_with(parameters={"x": {"range": [0, 1], "prior": "flat"}}), "parameters.x.prior", ""),
    (_with(parameters={"x": 1.0}), None, "every parameter is fixed"),
    (_with(sampler={"name": "random"}), "sampler", "needs 'n'"),
    (_with(sampler={"name": "anneal", "n": 3}), "sampler.name", ""),
    (_with(seed=-1), "seed", ""),
    (_with(chunk_size=0), "chunk_size", ""),
    (_with(colour="red"), "colour", "unknown key"),
    (_with(model="alp-portal-dm"), None, "exactly one"),
    (_with(sampler={"name": "mcmc", "steps": 10, "burn": 10}), "sampler", "burn"),
])
def test_bad_configs_name_the_key(cfg, key, words):
    with pytest.raises(InputError) as ei:
        parse_config(cfg, "c.yaml")
    e = ei.value
    assert e.file == "c.yaml"
    if key:
        assert e.key is not None and e.key.startswith(key), (e.key, str(e))
    assert words in e.problem
    assert "\n" not in str(e)


def test_defaults_and_shorthand():
    cfg = parse_config(BASE)
    assert cfg.varied_names() == ["x"]
    assert cfg.fixed_values() == {"y": 0.5}
    assert cfg.n_points() == 10
    assert cfg.hash() == parse_config(dict(BASE)).hash()
    assert cfg.hash() != parse_config(_with(seed=1)).hash()


def test_grid_size_is_product_of_nodes():
    cfg = parse_config(_with(parameters={"x": {"range": [0, 1], "n": 4},
                                         "y": {"range": [1, 10], "prior": "log"}},
                             sampler={"name": "grid", "n": 3}))
    assert cfg.n_points() == 12


def test_malformed_yaml(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("parameters: {x: [1, 2\n")
    with pytest.raises(InputError) as ei:
        load_config(p)
    assert "malformed YAML" in str(ei.value) and str(p) in str(ei.value)


def test_model_file_missing(tmp_path, h):
    p = h.write_config(tmp_path / "c.yaml", model_file="nope/iss.yaml",
                       parameters={"M1": {"range": [1, 2]}}, sampler={"name": "random", "n": 3})
    with pytest.raises(InputError) as ei:
        load_config(p)
    assert ei.value.key == "model_file"


@pytest.mark.parametrize("extra, key", [
    ({"derived": {"z": "x + nothere"}}, "derived.z"),
    ({"derived": {"z": "__import__('os')"}}, "derived.z"),
    ({"likelihood": [{"observable": "rr", "mean": 0, "sigma": 1}]}, "likelihood.0.observable"),
    ({"observables": ["r", "q"]}, "observables.1"),
    ({"constraints": [{"curve": "hnl/Ue2/no-such-experiment", "x": "x", "y": "r"}]},
     "constraints.0.curve"),
    ({"python_function": "darkseesaw.scan.toy:nothing"}, "python_function"),
])
def test_cli_bad_input_is_one_line_exit_2(tmp_path, h, extra, key):
    cfg = h.toy_config(tmp_path / "c.yaml", n=10, chunk=5, **extra)
    r = h.cli("scan", str(cfg), "--out", str(tmp_path / "o"), "-q", "--executor", "serial")
    assert r.returncode == 2, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert lines[0].startswith(f"darkseesaw: error: {cfg}: {key}"), lines[0]


def test_cli_refuses_existing_folder_and_changed_config(tmp_path, h):
    cfg = h.toy_config(tmp_path / "c.yaml", n=20, chunk=10)
    out = tmp_path / "o"
    assert h.cli("scan", str(cfg), "--out", str(out), "-q", "--executor", "serial").returncode == 0
    r = h.cli("scan", str(cfg), "--out", str(out), "-q", "--executor", "serial")
    assert r.returncode == 2 and "--resume" in r.stderr
    cfg2 = h.toy_config(tmp_path / "c2.yaml", n=20, chunk=10, seed=99)
    r = h.cli("scan", str(cfg2), "--out", str(out), "--resume", "-q", "--executor", "serial")
    assert r.returncode == 2 and "differs from the configuration" in r.stderr
    r = h.cli("scan-info", str(tmp_path / "nothing"))
    assert r.returncode == 2 and "not a scan folder" in r.stderr
