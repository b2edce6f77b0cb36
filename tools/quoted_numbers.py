"""Numbers quoted in README.md and docs/*.md, filled in from the benchmark JSON.

A quoted figure is written as

    <!-- n:takagi.certified_vs_lapack:.2f -->0.69<!-- /n -->

(the JSON file ``benchmarks/results/takagi.json``, the key path inside its ``figures``, or
``machine.load_before.0`` etc. for the machine, and a format). ``--write`` replaces the text
between the markers by the formatted value; ``--check`` (the default, what
``tests/test_quoted_numbers.py`` runs) lists every marker whose text differs, or whose JSON or
key is missing, and exits 1.

Formats: any Python format spec (``.2f``, ``.1e``, ``,.0f``, ``.0%``), or ``sci1``/``sci2``
(mantissa with 1 or 2 decimals times a power of ten in Unicode, e.g. 2.1×10⁴).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
MARK = re.compile(r"<!-- n:(?P<file>[\w-]+)\.(?P<key>[\w.\-]+):(?P<fmt>[^ ]*) -->"
                  r"(?P<text>.*?)<!-- /n -->")
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def lookup(name: str, key: str):
    doc = json.loads((RESULTS / f"{name}.json").read_text())
    parts = key.split(".")
    node = doc if parts[0] in ("machine", "date", "command") else doc["figures"]
    for p in parts:
        node = node[int(p)] if isinstance(node, list) else node[p]
    return node


def fmt(value, spec: str) -> str:
    if spec.startswith("sci"):
        digits = int(spec[3:] or 1)
        mant, exp = f"{float(value):.{digits}e}".split("e")
        e = int(exp)
        return mant if e == 0 else f"{mant}×10{str(e).translate(_SUP)}"
    return format(value, spec)


def process(text: str, write: bool) -> tuple[str, list[str]]:
    problems = []

    def sub(m: re.Match) -> str:
        try:
            want = fmt(lookup(m["file"], m["key"]), m["fmt"])
        except (OSError, KeyError, IndexError, ValueError, TypeError) as e:
            problems.append(f"{m['file']}.{m['key']}: {type(e).__name__}: {e}")
            return m[0]
        if m["text"] != want:
            problems.append(f"{m['file']}.{m['key']}: text {m['text']!r}, JSON gives {want!r}")
        return m[0].replace(f"-->{m['text']}<!--", f"-->{want}<!--", 1)

    return MARK.sub(sub, text), problems


def main(argv: list[str]) -> int:
    write = "--write" in argv
    bad = 0
    for f in files():
        text = f.read_text()
        new, problems = process(text, write)
        if write and new != text:
            f.write_text(new)
            print(f"updated {f.relative_to(ROOT)}")
        if problems and not write:
            for p in problems:
                print(f"{f.relative_to(ROOT)}: {p}")
            bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
