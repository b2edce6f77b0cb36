"""Numbers quoted in ``docs/hnl-inflaton.md``, read from the reproduction JSON.

A quoted number is written as ``<!-- hi:KEY>PATH:FMT -->TEXT<!-- /hi -->``: the key path into
``hnl-inflaton.json`` with ``>`` between levels (keys may contain dots; list items by their
index), and a format — a Python format spec (``.3g``, ``.2f``) or ``sciN`` (N decimals of the
mantissa times a power of ten in Unicode, 2.1×10⁻¹⁶). ``check`` lists every marker whose text
differs from the JSON (what ``tests/papers/test_hnl_inflaton_reproduction.py`` runs on the
``--fast`` JSON: the quoted precision is chosen so that fast and full runs agree);
``python -m darkseesaw.papers.hnl_inflaton.doc_numbers DIR/hnl-inflaton.json --write``
rewrites the texts.

Example
-------
>>> process("<!-- hi:a>b>1:.2f -->?<!-- /hi -->", {"a": {"b": [0, 3.14159]}}, write=True)[0]
'<!-- hi:a>b>1:.2f -->3.14<!-- /hi -->'
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["MARK", "DOC", "lookup", "fmt", "process", "check"]

MARK = re.compile(r"<!-- hi:(?P<key>[^\s]+?):(?P<fmt>[^:\s]*) -->(?P<text>[^\n]*?)<!-- /hi -->")
DOC = Path(__file__).resolve().parents[4] / "docs" / "hnl-inflaton.md"
"""The paper's documentation page (in a source checkout)."""
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def lookup(data: dict[str, Any], key: str) -> Any:
    """The value at ``a>b>0`` in the JSON dict."""
    node: Any = data
    for part in key.split(">"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def fmt(value: Any, spec: str) -> str:
    """Format ``value`` with a Python spec or ``sciN`` (N mantissa decimals, ×10ⁿ)."""
    if spec.startswith("sci"):
        digits = int(spec[3:] or 1)
        mant, exp = f"{float(value):.{digits}e}".split("e")
        e = int(exp)
        return mant if e == 0 else f"{mant}×10{str(e).translate(_SUP)}"
    return format(value, spec)


def process(text: str, data: dict[str, Any], write: bool = False) -> tuple[str, list[str]]:
    """(new text, problems): each marker's text against its JSON value."""
    problems: list[str] = []

    def sub(m: re.Match) -> str:
        try:
            want = fmt(lookup(data, m["key"]), m["fmt"])
        except (KeyError, IndexError, ValueError, TypeError) as e:
            problems.append(f"{m['key']}: {type(e).__name__}: {e}")
            return m[0]
        if m["text"] != want:
            problems.append(f"{m['key']}: text {m['text']!r}, JSON gives {want!r}")
        return m[0].replace(f"-->{m['text']}<!--", f"-->{want}<!--", 1) if write else m[0]

    return MARK.sub(sub, text), problems


def check(data: dict[str, Any], doc: Path = DOC) -> tuple[int, list[str]]:
    """(number of markers, problems) of ``doc`` against ``data``."""
    text = doc.read_text(encoding="utf-8")
    return len(MARK.findall(text)), process(text, data)[1]


def main(argv: list[str]) -> int:
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
