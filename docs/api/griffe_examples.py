"""Griffe extension: read ``Example`` docstring sections as numpy ``Examples`` sections.

numpydoc names the section ``Examples``; many darkseesaw docstrings say ``Example`` (singular),
which griffe's numpy parser does not know, so the doctest lines would be rendered as Markdown
text (``>>>`` as nested quotes). This extension renames the heading before parsing; it changes
what the reference shows, not the source (the doctests run as they are).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(?P<indent>[ \t]*)Example\n(?P=indent)-{7}[ \t]*$", re.MULTILINE)


class NumpyExampleSections(griffe.Extension):
    """Rename ``Example`` / ``-------`` to ``Examples`` / ``--------`` in every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        doc = obj.docstring
        if doc is not None and "Example\n" in doc.value:
            doc.value = _EXAMPLE.sub(r"\g<indent>Examples\n\g<indent>--------", doc.value)
