"""Numbers quoted in ``docs/alp-portal-dm.md``, read from the reproduction JSON: markers tagged
``ap`` of the one mechanism in `darkseesaw.papers.quoted` (format, tolerance, command);
numbers that depend on the resolution of the run carry a tolerance (``:TOL``): the tests check
the ``--fast`` JSON with ``tolerant=True`` (its coarser grid moves window edges by up to one grid
step); the page itself is written from a full run.

Example
-------
>>> process("<!-- ap:a:.3g/1e3:0.1 -->52<!-- /ap -->", {"a": 5.5e4}, tolerant=True)[1]
[]
"""

from __future__ import annotations

from darkseesaw.papers.quoted import QuotedNumbers

QUOTED = QuotedNumbers("ap", "alp-portal-dm.md")
MARK, DOC, lookup, fmt, process, check, main = QUOTED.exports()

if __name__ == "__main__":
    QUOTED.run()
