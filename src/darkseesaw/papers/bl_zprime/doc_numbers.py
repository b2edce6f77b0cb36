"""Numbers quoted in ``docs/bl-zprime.md``, read from the reproduction JSON: markers tagged
``bz`` (and ``bzf``) of the one mechanism in `darkseesaw.papers.quoted` (format, tolerance, command);
``bz`` markers quote numbers that the ``--fast`` and the full run give alike (checked by
``tests/papers/test_bl_zprime_reproduction.py`` on the ``--fast`` JSON), ``bzf`` markers numbers
of the full run only (checked against a JSON with ``"fast": false``).

Example
-------
>>> process("<!-- bz:a>b>1:pct1 -->?<!-- /bz -->", {"a": {"b": [0, 0.6548]}}, write=True)[0]
'<!-- bz:a>b>1:pct1 -->65.5<!-- /bz -->'
"""

from __future__ import annotations

from darkseesaw.papers.quoted import QuotedNumbers

QUOTED = QuotedNumbers("bz", "bl-zprime.md", full_tag="bzf")
MARK, DOC, lookup, fmt, process, check, main = QUOTED.exports()

if __name__ == "__main__":
    QUOTED.run()
