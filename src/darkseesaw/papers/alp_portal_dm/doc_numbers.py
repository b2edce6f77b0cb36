"""Numbers quoted in ``docs/alp-portal-dm.md``, read from the reproduction JSON.

A quoted number is written ``<!-- n:KEY:FMT -->TEXT<!-- /n -->`` or, for a number that depends on
the resolution of the run, ``<!-- n:KEY:FMT:TOL -->TEXT<!-- /n -->``. KEY is the path into
``alp-portal-dm.json`` with ``>`` between levels (list items by index); FMT a Python format spec,
optionally followed by ``/DIV`` to divide first (``.3g/1e3``: GeV shown in TeV). `check`
compares every marker with a JSON: exactly (the text must be what the JSON gives: a full run,
from which the page is written), or with ``tolerant=True`` the number in TEXT within the
relative tolerance TOL (default 0) of the JSON value (what the tests run on the ``--fast`` JSON,
whose coarser grid moves the window edges by up to one grid step).
``python -m darkseesaw.papers.alp_portal_dm.doc_numbers OUT/alp-portal-dm.json [--write]``
checks the page against a full run, or rewrites its texts.

Example
-------
>>> process("<!-- n:a>b>1:.2f -->?<!-- /n -->", {"a": {"b": [0, 3.14159]}}, write=True)[0]
'<!-- n:a>b>1:.2f -->3.14<!-- /n -->'
>>> process("<!-- n:a:.3g/1e3:0.1 -->52<!-- /n -->", {"a": 5.5e4}, tolerant=True)[1]
[]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["MARK", "DOC", "lookup", "fmt", "process", "check"]

MARK = re.compile(r"<!-- n:(?P<key>[^:\n]+?):(?P<fmt>[^:\s]*)(?::(?P<tol>[0-9.]+))? -->"
                  r"(?P<text>[^\n<]*?)<!-- /n -->")
DOC = Path(__file__).resolve().parents[4] / "docs" / "alp-portal-dm.md"
"""The paper's documentation page (in a source checkout)."""


def lookup(data: Any, key: str) -> Any:
    """The value at ``a>b>0`` in the JSON."""
    node = data
    for part in key.split(">"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def fmt(value: Any, spec: str) -> str:
    """``value`` formatted with ``spec`` (``SPEC`` or ``SPEC/DIV``)."""
    if "/" in spec:
        spec, div = spec.split("/")
        value = float(value) / float(div)
    return format(value, spec)


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace(",", ""))


def process(text: str, data: Any, write: bool = False,
            tolerant: bool = False) -> tuple[str, list[str]]:
    """(new text, problems): each marker's text against its JSON value."""
    problems: list[str] = []

    def sub(m: re.Match) -> str:
        try:
            value = lookup(data, m["key"])
            want = fmt(value, m["fmt"])
        except (KeyError, IndexError, ValueError, TypeError) as e:
            problems.append(f"{m['key']}: {type(e).__name__}: {e}")
            return m[0]
        if m["text"] != want:
            tol = float(m["tol"] or 0.0)
            try:
                ok = tolerant and abs(_number(m["text"]) / _number(want) - 1) <= tol
            except (ValueError, ZeroDivisionError):
                ok = False
            if not ok:
                problems.append(f"{m['key']}: text {m['text']!r}, JSON gives {want!r}")
        return m[0].replace(f"-->{m['text']}<!--", f"-->{want}<!--", 1) if write else m[0]

    return MARK.sub(sub, text), problems


def check(data: Any, doc: Path = DOC, tolerant: bool = False) -> tuple[int, list[str]]:
    """(number of markers, problems) of ``doc`` against ``data``."""
    text = doc.read_text(encoding="utf-8")
    return len(MARK.findall(text)), process(text, data, tolerant=tolerant)[1]


def main(argv: list[str]) -> int:
    """Check (or with ``--write`` rewrite) the page against a JSON; 1 if anything differs."""
    data = json.loads(Path(argv[0]).read_text())
    text = DOC.read_text(encoding="utf-8")
    new, problems = process(text, data, write="--write" in argv)
    if "--write" in argv:
        if new != text:
            DOC.write_text(new, encoding="utf-8")
            print(f"updated {DOC}")
        return 0
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
