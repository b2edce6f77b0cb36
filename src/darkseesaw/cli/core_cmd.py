"""`darkseesaw models` and `darkseesaw reproduce`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("models")
    def models_cmd() -> None:
        """List the models: built-in and registered by installed packages."""
        from darkseesaw import models

        ids = models.available()
        if not ids:
            typer.echo("no models installed")
            return
        builtin = set(models.builtin())
        for mid in ids:
            try:
                m = models.get(mid)
            except Exception as e:  # noqa: BLE001 - a broken plugin must not hide the others
                typer.echo(f"{mid:15s} (cannot be loaded: {type(e).__name__}: {e})")
                continue
            where = "" if mid in builtin else "  [plugin]"
            typer.echo(f"{mid:15s} {m.description or m.paper}{where}")

    @app.command("reproduce")
    def reproduce_cmd(
        paper_id: str = typer.Argument(..., metavar="ID", help="paper id, or 'all'"),
        out: Path = typer.Option(Path("reproduction"), "--out", help="output folder"),
        fast: bool = typer.Option(False, "--fast", help="lower resolution (for tests)"),
    ) -> None:
        """Reproduce a seed paper: writes OUT/ID.json, figures, and prints a short table."""
        from darkseesaw import papers
        from darkseesaw.errors import InputError

        ids = papers.available() if paper_id == "all" else [paper_id]
        for pid in ids:
            if pid not in papers.available():
                raise InputError(None, "ID", f"unknown paper {pid!r}; known: "
                                 f"{', '.join(papers.available())}, all")
        if out.exists() and not out.is_dir():
            raise InputError(str(out), "--out", "exists and is not a folder")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(str(out), "--out", f"cannot create the folder ({e.strerror})") from None
        results = {}
        for pid in ids:
            typer.echo(f"== reproducing {pid} -> {out}")
            results[pid] = papers.reproduce(pid, out, fast=fast)
        if len(ids) > 1:
            from darkseesaw.io import write_json
            from darkseesaw.papers.common import summary_rows, summary_table

            rows = summary_rows(results)
            typer.echo("")
            typer.echo(summary_table(rows))
            write_json(out / "summary.json", {"papers": ids, "fast": fast, "results": rows})
