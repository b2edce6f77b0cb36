"""Numbers quoted in ``docs/hnl-inflaton.md``, read from the reproduction JSON: markers tagged
``hi`` of the one mechanism in `darkseesaw.papers.quoted` (format, tolerance, command);
the quoted precision is chosen so that fast and full runs agree (checked by
``tests/papers/test_hnl_inflaton_reproduction.py`` on the ``--fast`` JSON); `key_numbers` also
fills the JSON notes' ``{{KEY:FMT}}`` placeholders with `lookup` and `fmt`.

Example
-------
>>> process("<!-- hi:a>b>1:.2f -->?<!-- /hi -->", {"a": {"b": [0, 3.14159]}}, write=True)[0]
'<!-- hi:a>b>1:.2f -->3.14<!-- /hi -->'
"""

from __future__ import annotations

from darkseesaw.papers.quoted import QuotedNumbers

QUOTED = QuotedNumbers("hi", "hnl-inflaton.md")
MARK, DOC, lookup, fmt, process, check, main = QUOTED.exports()

if __name__ == "__main__":
    QUOTED.run()
