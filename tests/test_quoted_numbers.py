"""Every figure quoted in README.md and docs/ through a ``<!-- n:... -->`` marker equals its
benchmark JSON (benchmarks/results/*.json): prose cannot drift from the measurement."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("quoted_numbers", ROOT / "tools" / "quoted_numbers.py")
qn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qn)


def test_quoted_numbers_match_the_benchmark_json():
    problems = []
    n = 0
    for f in qn.files():
        text = f.read_text()
        n += len(qn.MARK.findall(text))
        problems += [f"{f.name}: {p}" for p in qn.process(text, write=False)[1]]
    assert n > 0, "no quoted numbers found: the markers were lost"
    assert not problems, "\n".join(problems)


def test_a_stale_number_is_caught(tmp_path, monkeypatch):
    (tmp_path / "demo.json").write_text('{"figures": {"ratio": 0.6912}}')
    monkeypatch.setattr(qn, "RESULTS", tmp_path)
    text = "<!-- n:demo.ratio:.2f -->123.45<!-- /n -->"
    new, problems = qn.process(text, write=True)
    assert problems and "123.45" in problems[0] and "0.69" in problems[0]
    assert new == "<!-- n:demo.ratio:.2f -->0.69<!-- /n -->"
    assert qn.process(new, write=False)[1] == []
    assert qn.process("<!-- n:missing.ratio:.2f -->1<!-- /n -->", write=False)[1]


def test_formats():
    assert qn.fmt(21345.0, "sci1") == "2.1×10⁴"
    assert qn.fmt(3.2e-10, "sci1") == "3.2×10⁻¹⁰"
    assert qn.fmt(0.6912, ".2f") == "0.69"
