"""Numbers quoted in ``docs/alp-discrete.md``, read from the reproduction JSON.

A quoted number is written ``<!-- ad:KEY:FMT -->TEXT<!-- /ad -->``: KEY is the path into
``alp-discrete.json`` with ``>`` between levels (list items by index), FMT a Python format spec
(``.3g``) or ``sciN`` (N mantissa decimals times a power of ten in Unicode, 6.1×10¹³) or empty
(``str``). `check` lists every marker whose text differs from the JSON (run by
``tests/papers/test_alp_discrete.py`` on the ``--fast`` JSON; the quoted numbers do not depend
on the Z_N search range); ``python -m darkseesaw.papers.alp_discrete.doc_numbers
DIR/alp-discrete.json --write`` rewrites the texts.

Example
-------
>>> process("<!-- ad:a>1:sci1 -->?<!-- /ad -->", {"a": [0, 6.07e13]}, write=True)[0]
'<!-- ad:a>1:sci1 -->6.1×10¹³<!-- /ad -->'
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["MARK", "DOC", "lookup", "fmt", "process", "check"]

MARK = re.compile(r"<!-- ad:(?P<key>[^\s]+?):(?P<fmt>[^:\s]*) -->(?P<text>[^\n]*?)<!-- /ad -->")
DOC = Path(__file__).resolve().parents[4] / "docs" / "alp-discrete.md"
"""The paper's documentation page (in a source checkout)."""
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def lookup(data: dict[str, Any], key: str) -> Any:
    """The value at ``a>b>0`` in the JSON dict."""
    node: Any = data
    for part in key.split(">"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def fmt(value: Any, spec: str) -> str:
    """Format ``value`` with a Python spec, ``sciN`` (N mantissa decimals, ×10ⁿ) or '' (str)."""
    if not spec:
        return str(value)
    if spec.startswith("sci"):
        mant, exp = f"{float(value):.{int(spec[3:] or 1)}e}".split("e")
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
