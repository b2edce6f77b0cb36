"""Reproductions of the five seed papers, apart from the models they use.

Each paper is a sub-package ``darkseesaw.papers.<name>`` with a ``reproduce(out, fast=False)``
function that writes ``out/<id>.json`` and the paper's figures (PNG + PDF), prints a short
ours-vs-paper table and returns the JSON dict; its paper-specific formulas, fits and inputs
(tables and benchmarks as data files beside it) live there and nowhere else. Models and engines
never import a paper (`docs/models.md`, layers).

Example
-------
>>> from darkseesaw import papers
>>> papers.available()
['alp-discrete', 'alp-portal-dm', 'hnl-inflaton', 'bl-zprime', 'dark-u1']
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

__all__ = ["available", "get", "reproduce", "PAPERS"]

PAPERS: dict[str, str] = {
    "alp-discrete": "darkseesaw.papers.alp_discrete",
    "alp-portal-dm": "darkseesaw.papers.alp_portal_dm",
    "hnl-inflaton": "darkseesaw.papers.hnl_inflaton",
    "bl-zprime": "darkseesaw.papers.bl_zprime",
    "dark-u1": "darkseesaw.papers.dark_u1",
}
"""Paper id (the seed's short id, also the id of its model) → package."""


def available() -> list[str]:
    """Ids of the reproducible papers."""
    return list(PAPERS)


def get(paper_id: str):
    """The package of a paper (raises KeyError listing the known ids)."""
    if paper_id not in PAPERS:
        raise KeyError(f"unknown paper {paper_id!r}; known: {', '.join(PAPERS)}")
    return importlib.import_module(PAPERS[paper_id])


def reproduce(paper_id: str, out: str | Path, fast: bool = False) -> dict[str, Any]:
    """Reproduce one paper into ``out`` (see the module notes); returns its JSON dict."""
    return get(paper_id).reproduce(Path(out), fast=fast)
