"""`darkseesaw models` and `darkseesaw reproduce`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("models")
    def models_cmd() -> None:
        """List the built-in models (short id and paper)."""
        from darkseesaw import models

        ids = models.available()
        if not ids:
            typer.echo("no built-in models installed")
            return
        for mid in ids:
            m = models.get(mid)
            typer.echo(f"{mid:15s} {m.paper}")

    @app.command("reproduce")
    def reproduce_cmd(
        model_id: str = typer.Argument(..., metavar="ID", help="model id, or 'all'"),
        out: Path = typer.Option(Path("reproduction"), "--out", help="output folder"),
        fast: bool = typer.Option(False, "--fast", help="lower resolution (for tests)"),
    ) -> None:
        """Reproduce a seed paper: writes OUT/ID.json, figures, and prints a short table."""
        from darkseesaw import models
        from darkseesaw.errors import InputError

        ids = models.available() if model_id == "all" else [model_id]
        for mid in ids:
            if mid not in models.available():
                raise InputError(None, "ID", f"unknown model {mid!r}; known: "
                                 f"{', '.join(models.available())}")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(str(out), "--out", f"cannot create the folder ({e.strerror})") from None
        for mid in ids:
            typer.echo(f"== reproducing {mid} -> {out}")
            models.get(mid).reproduce(out, fast=fast)
