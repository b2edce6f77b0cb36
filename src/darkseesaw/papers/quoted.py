"""Numbers quoted in a paper's documentation page, read from its reproduction JSON.

One mechanism for the five pages ``docs/<id>.md``: a computed number in prose is a marker

    <!-- TAG:KEY:FMT -->TEXT<!-- /TAG -->      or      <!-- TAG:KEY:FMT:TOL -->TEXT<!-- /TAG -->

with TAG the paper's tag, KEY the path into ``<id>.json`` with ``>`` between levels (list items
by their index; a key may contain spaces and dots, not colons) and FMT one of

- a Python format spec (``.3g``, ``.2f``, ``+.1%``), or empty (``str(value)``);
- ``sciN``: N mantissa decimals times a power of ten in Unicode (``6.1×10¹³``);
- ``pctN``: the value in per cent with N decimals; ``dpctN``: a ratio r as the signed change
  100 (r − 1) % (``+20.7``; Unicode minus);
- any of these followed by ``/DIV``: the value divided by DIV first (``.3g/1e3``: GeV in TeV).

TOL (optional) is a relative tolerance used only by ``tolerant`` checks, for numbers that move with
the resolution of the run (a ``--fast`` grid). A paper may have a second, *full-only* tag whose
markers quote numbers of the paper-quality run only: they are skipped when the JSON says
``"fast": true``. `QuotedNumbers.check` lists every marker whose text differs from the JSON (each
paper's tests run it on the ``--fast`` JSON); ``python -m darkseesaw.papers.<id>.doc_numbers
OUT/<id>.json [--write]`` lists or rewrites the stale texts.

Example
-------
>>> q = QuotedNumbers("ex", "example.md")
>>> q.process("<!-- ex:a>b>1:.2f -->?<!-- /ex -->", {"a": {"b": [0, 3.14159]}}, write=True)[0]
'<!-- ex:a>b>1:.2f -->3.14<!-- /ex -->'
>>> q.fmt(2.07e-16, "sci1"), q.fmt(1.207, "dpct1"), q.fmt(5.5e4, ".3g/1e3")
('2.1×10⁻¹⁶', '+20.7', '55')
>>> q.process("<!-- ex:a:sci1:0.1 -->2.0×10⁻¹⁶<!-- /ex -->", {"a": 2.07e-16}, tolerant=True)[1]
[]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["QuotedNumbers", "docs_page"]

_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def docs_page(name: str) -> Path:
    """``docs/NAME`` of the source checkout this package sits in, else of the current folder
    (an installed package: the tests run from the repository root)."""
    here = Path(__file__).resolve().parents[3] / "docs" / name
    if here.is_file():
        return here
    cwd = Path.cwd() / "docs" / name
    return cwd if cwd.is_file() else here


_UNSUP = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _number(text: str) -> float:
    """A quoted number back to a float: minus signs, thousands commas, %, and ``sciN`` texts
    (``2.1×10⁻¹⁶``) — so that ``tolerant`` checks work for every format.

    >>> _number("2.1×10⁻¹⁶"), _number("−20.7"), _number("1,234%")
    (2.1e-16, -20.7, 1234.0)
    """
    t = text.replace("−", "-").replace(",", "").replace("%", "")
    if "×10" in t:
        mant, exp = t.split("×10", 1)
        return float(mant) * 10.0 ** int(exp.translate(_UNSUP))
    return float(t)


class QuotedNumbers:
    """The quoted numbers of one page: markers tagged ``tag`` (and ``full_tag``, numbers of the
    paper-quality run only) in ``docs/<page>``."""

    def __init__(self, tag: str, page: str, *, full_tag: str | None = None) -> None:
        self.tag, self.full_tag, self.page = tag, full_tag, page
        tags = "|".join(re.escape(t) for t in (full_tag, tag) if t)
        self.mark = re.compile(
            rf"<!-- (?P<tag>{tags}):(?P<key>[^:\n]+?):(?P<fmt>[^:\s]*)(?::(?P<tol>[0-9.]+))? -->"
            rf"(?P<text>[^\n]*?)<!-- /(?P=tag) -->")

    @property
    def doc(self) -> Path:
        """The page (`docs_page`)."""
        return docs_page(self.page)

    @staticmethod
    def lookup(data: Any, key: str) -> Any:
        """The value at ``a>b>0`` in the JSON."""
        node = data
        for part in key.split(">"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    @staticmethod
    def fmt(value: Any, spec: str) -> str:
        """``value`` formatted with ``spec`` (module notes)."""
        if "/" in spec:
            spec, div = spec.split("/")
            value = float(value) / float(div)
        if not spec:
            return str(value)
        if spec.startswith("sci"):
            mant, exp = f"{float(value):.{int(spec[3:] or 1)}e}".split("e")
            e = int(exp)
            return mant if e == 0 else f"{mant}×10{str(e).translate(_SUP)}"
        if spec.startswith("dpct"):
            return f"{100 * (float(value) - 1):+.{int(spec[4:] or 0)}f}".replace("-", "−")
        if spec.startswith("pct"):
            return f"{100 * float(value):.{int(spec[3:] or 0)}f}"
        return format(value, spec)

    def _skipped(self, m: re.Match, data: Any) -> bool:
        fast = isinstance(data, dict) and bool(data.get("fast", False))
        return bool(self.full_tag) and m["tag"] == self.full_tag and fast

    def process(self, text: str, data: Any, write: bool = False,
                tolerant: bool = False) -> tuple[str, list[str]]:
        """(new text, problems): each marker's text against its JSON value (within its TOL when
        ``tolerant``); with ``write`` the texts are replaced by the JSON's."""
        problems: list[str] = []

        def sub(m: re.Match) -> str:
            if self._skipped(m, data):
                return m[0]
            try:
                want = self.fmt(self.lookup(data, m["key"]), m["fmt"])
            except (KeyError, IndexError, ValueError, TypeError) as e:
                problems.append(f"{m['key']}: {type(e).__name__}: {e}")
                return m[0]
            if m["text"] != want:
                try:
                    ok = tolerant and abs(_number(m["text"]) / _number(want) - 1) <= float(
                        m["tol"] or 0.0)
                except (ValueError, ZeroDivisionError):
                    ok = False
                if not ok:
                    problems.append(f"{m['key']}: text {m['text']!r}, JSON gives {want!r}")
            return m[0].replace(f"-->{m['text']}<!--", f"-->{want}<!--", 1) if write else m[0]

        return self.mark.sub(sub, text), problems

    def check(self, data: Any, doc: Path | None = None,
              tolerant: bool = False) -> tuple[int, list[str]]:
        """(number of markers checked, problems) of the page (or ``doc``) against ``data``."""
        text = (doc or self.doc).read_text(encoding="utf-8")
        n = sum(1 for m in self.mark.finditer(text) if not self._skipped(m, data))
        return n, self.process(text, data, tolerant=tolerant)[1]

    def main(self, argv: list[str]) -> int:
        """``doc_numbers JSON [--write]``: list (or rewrite) the stale quoted numbers; 1 if any."""
        data = json.loads(Path(argv[0]).read_text())
        doc = self.doc
        text = doc.read_text(encoding="utf-8")
        new, problems = self.process(text, data, write="--write" in argv)
        if "--write" in argv:
            if new != text:
                doc.write_text(new, encoding="utf-8")
                print(f"updated {doc}")
            return 0
        for p in problems:
            print(p)
        return 1 if problems else 0

    def exports(self) -> tuple[Any, ...]:
        """``MARK, DOC, lookup, fmt, process, check, main`` of a paper's ``doc_numbers`` module."""
        return (self.mark, self.doc, self.lookup, self.fmt, self.process, self.check, self.main)

    def run(self) -> None:
        """Entry point of ``python -m darkseesaw.papers.<id>.doc_numbers``."""
        sys.exit(self.main(sys.argv[1:]))
