"""Numbers quoted in ``docs/bl-zprime.md``, read from the reproduction JSON ``bl-zprime.json``.

A quoted number is a marker ``<!-- bz:KEY:FMT -->TEXT<!-- /bz -->``: the key path into the JSON
with ``>`` between levels (list items by their index) and a format — a Python format spec
(``.3g``), ``sciN`` (N mantissa decimals times a power of ten in Unicode, 8.64×10⁻¹⁰), ``pctN``
(the value in per cent, N decimals) or ``dpctN`` (a ratio r as the signed change 100(r − 1) %).
``bz`` markers quote numbers that the ``--fast`` and the full run give alike (what
``tests/papers/test_bl_zprime_reproduction.py`` checks on the ``--fast`` JSON); ``bzf`` markers
quote numbers of the full (paper-quality) run, checked only against a full JSON (``"fast":
false``). ``python -m darkseesaw.papers.bl_zprime.doc_numbers OUT/bl-zprime.json --write``
rewrites the texts (both kinds from a full run, the ``bz`` ones from a fast run).

Example
-------
>>> process("<!-- bz:a>b>1:pct1 -->?<!-- /bz -->", {"a": {"b": [0, 0.6548]}}, write=True)[0]
'<!-- bz:a>b>1:pct1 -->65.5<!-- /bz -->'
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["MARK", "DOC", "lookup", "fmt", "process", "check"]

MARK = re.compile(r"<!-- (?P<tag>bzf?):(?P<key>[^\s]+?):(?P<fmt>[^:\s]*) -->"
                  r"(?P<text>[^\n]*?)<!-- /(?P=tag) -->")
DOC = Path(__file__).resolve().parents[4] / "docs" / "bl-zprime.md"
"""The paper's documentation page (in a source checkout)."""
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def lookup(data: dict[str, Any], key: str) -> Any:
    """The value at ``a>b>0`` in the JSON dict."""
    node: Any = data
    for part in key.split(">"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def fmt(value: Any, spec: str) -> str:
    """``value`` formatted with a Python spec, ``sciN``, ``pctN`` or ``dpctN`` (module notes)."""
    if spec.startswith("sci"):
        mant, exp = f"{float(value):.{int(spec[3:] or 1)}e}".split("e")
        e = int(exp)
        return mant if e == 0 else f"{mant}×10{str(e).translate(_SUP)}"
    if spec.startswith("dpct"):
        return f"{100 * (float(value) - 1):+.{int(spec[4:] or 0)}f}".replace("-", "−")
    if spec.startswith("pct"):
        return f"{100 * float(value):.{int(spec[3:] or 0)}f}"
    return format(value, spec)


def process(text: str, data: dict[str, Any], write: bool = False) -> tuple[str, list[str]]:
    """(new text, problems): each marker's text against its JSON value; ``bzf`` markers only
    when ``data`` is a full run."""
    problems: list[str] = []
    full = not data.get("fast", False)

    def sub(m: re.Match) -> str:
        if m["tag"] == "bzf" and not full:
            return m[0]
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
    """(number of markers checked, problems) of ``doc`` against ``data``."""
    text = doc.read_text(encoding="utf-8")
    full = not data.get("fast", False)
    n = sum(1 for m in MARK.finditer(text) if full or m["tag"] == "bz")
    return n, process(text, data)[1]


def main(argv: list[str]) -> int:
    """``doc_numbers JSON [--write]``: list (or rewrite) the stale quoted numbers."""
    data = json.loads(Path(argv[0]).read_text())
    text = DOC.read_text(encoding="utf-8")
    new, problems = process(text, data, write="--write" in argv)
    if "--write" in argv and new != text:
        DOC.write_text(new, encoding="utf-8")
    for p in problems:
        print(p)
    return 1 if problems and "--write" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
