"""What every reproduction shares: its JSON, its figures and its ours-vs-paper table.

`write_result` and `save_figure` are `darkseesaw.io.write_json` / `save_figure` (one JSON
conversion, PNG + PDF); `Comparison` rows are the paper's number beside ours with a status, and
`print_comparison` prints them as the one-page table of ``darkseesaw reproduce``. `load_data`
reads a paper's input tables (YAML files in its ``data/`` folder).

Statuses: ``match`` (within the stated tolerance), ``paper error`` (ours verified by an
independent computation, documented in the paper's doc page), ``updated data`` (today's inputs
differ from the paper's), ``open`` (not understood yet).

Conventions of a reproduction JSON: the default numbers are *today's* (current limits and
inputs); wherever they differ from what the paper used, a ``paper_era`` block holds the same
results computed with the paper's inputs and data, and its figures are drawn in both versions
(``<id>_figN.png`` today, ``<id>_figN_paper_era.png``). ``comparison`` lists the rows of the
ours-vs-paper table; ``darkseesaw reproduce all`` prints all of them on one page and writes
``summary.json``.

Example
-------
>>> rows = [Comparison("m_a [eV]", 1.58e-16, 1.5812e-16, "match")]
>>> print(format_comparison("alp-discrete", rows).splitlines()[2].split())
['m_a', '[eV]', '1.58e-16', '1.5812e-16', 'match']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from darkseesaw.io import plain, save_figure, write_json

__all__ = ["Comparison", "format_comparison", "print_comparison", "write_result", "save_figure",
           "load_data", "plain", "STATUSES", "summary_rows", "summary_table"]

STATUSES = ("match", "paper error", "updated data", "open")


@dataclass
class Comparison:
    """One result of a paper: its printed value beside ours."""

    result: str
    paper: Any
    ours: Any
    status: str = "match"
    note: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    def as_dict(self) -> dict[str, Any]:
        return plain(asdict(self))


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_fmt(x) for x in v) + "]"
    return str(v)


def format_comparison(paper_id: str, rows: list[Comparison]) -> str:
    """The ours-vs-paper table as text."""
    w = max([len(r.result) for r in rows] + [6])
    lines = [f"{paper_id}: result, paper, ours, status",
             f"  {'result':{w}s}  {'paper':>14s}  {'ours':>14s}  status"]
    for r in rows:
        lines.append(f"  {r.result:{w}s}  {_fmt(r.paper):>14s}  {_fmt(r.ours):>14s}  {r.status}"
                     + (f"  ({r.note})" if r.note else ""))
    return "\n".join(lines)


def print_comparison(paper_id: str, rows: list[Comparison]) -> None:
    """Print `format_comparison`."""
    print(format_comparison(paper_id, rows))


def summary_rows(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``comparison`` rows of several reproductions, each with its paper id."""
    rows = []
    for pid, res in results.items():
        for r in (res or {}).get("comparison", []):
            rows.append({"paper_id": pid, **r})
    return rows


def summary_table(rows: list[dict[str, Any]]) -> str:
    """One page: every result of every paper (paper, ours, status) and the status counts.

    >>> print(summary_table([{"paper_id": "x", "result": "m", "paper": 1.0, "ours": 1.0,
    ...                       "status": "match", "note": ""}]).splitlines()[-1])
    1 results: 1 match
    """
    w = max([len(r["result"]) for r in rows] + [6])
    lines = [f"{'paper':14s} {'result':{w}s}  {'paper':>14s}  {'ours':>14s}  status"]
    for r in rows:
        lines.append(f"{r['paper_id']:14s} {r['result']:{w}s}  {_fmt(r['paper']):>14s}  "
                     f"{_fmt(r['ours']):>14s}  {r['status']}")
    counts = {s: sum(r["status"] == s for r in rows) for s in STATUSES}
    lines.append(f"{len(rows)} results: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n))
    return "\n".join(lines)


def write_result(out: str | Path, paper_id: str, data: dict[str, Any]) -> Path:
    """Write ``out/<paper_id>.json`` (the reproduction's numbers)."""
    return write_json(Path(out) / f"{paper_id}.json", data)


def load_data(package: str, name: str) -> Any:
    """A YAML data file of a paper package (``darkseesaw.papers.<name>/data/<file>``)."""
    return yaml.safe_load(resources.files(package).joinpath("data", name).read_text("utf-8"))
