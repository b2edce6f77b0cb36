"""Numbers quoted in ``docs/alp-discrete.md``, read from the reproduction JSON: markers tagged
``ad`` of the one mechanism in `darkseesaw.papers.quoted` (format, tolerance, command);
the quoted numbers do not depend on the Z_N search range (checked by
``tests/papers/test_alp_discrete.py`` on the ``--fast`` JSON).

Example
-------
>>> process("<!-- ad:a>1:sci1 -->?<!-- /ad -->", {"a": [0, 6.07e13]}, write=True)[0]
'<!-- ad:a>1:sci1 -->6.1×10¹³<!-- /ad -->'
"""

from __future__ import annotations

from darkseesaw.papers.quoted import QuotedNumbers

__all__ = ["QUOTED", "MARK", "DOC", "lookup", "fmt", "process", "check", "main"]

QUOTED = QuotedNumbers("ad", "alp-discrete.md")
MARK = QUOTED.mark
DOC = QUOTED.doc
"""The page (the source checkout's docs, else ./docs)."""
lookup, fmt = QUOTED.lookup, QUOTED.fmt
process, check, main = QUOTED.process, QUOTED.check, QUOTED.main

if __name__ == "__main__":
    QUOTED.run()
