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

QUOTED = QuotedNumbers("ad", "alp-discrete.md")
MARK, DOC, lookup, fmt, process, check, main = QUOTED.exports()

if __name__ == "__main__":
    QUOTED.run()
