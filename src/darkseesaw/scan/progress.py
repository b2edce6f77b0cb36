"""Progress feedback: a rich progress bar with rate and ETA on a terminal, silence otherwise."""

from __future__ import annotations

import sys


def make_progress(total: int, description: str, quiet: bool | None = None, completed: int = 0):
    """A context manager with ``advance(n)``; a no-op when not on a terminal or ``quiet``."""
    if quiet is None:
        quiet = not sys.stderr.isatty()
    if quiet:
        return _Null()
    return _Rich(total, description, completed)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, n: int) -> None:
        pass


class _Rich:
    def __init__(self, total: int, description: str, completed: int = 0):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task):
                s = task.finished_speed or task.speed
                return Text(f"{s:,.0f} pts/s" if s else "-- pts/s", style="progress.data.speed")

        self._p = Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                           MofNCompleteColumn(), Rate(), TimeElapsedColumn(), TextColumn("ETA"),
                           TimeRemainingColumn(), console=Console(stderr=True),
                           speed_estimate_period=60.0)
        self._total, self._desc, self._done = total, description, completed

    def __enter__(self):
        self._p.__enter__()
        self._task = self._p.add_task(self._desc, total=self._total, completed=self._done)
        return self

    def __exit__(self, *exc):
        return self._p.__exit__(*exc)

    def advance(self, n: int) -> None:
        self._p.advance(self._task, n)
