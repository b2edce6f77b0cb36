"""`darkseesaw scan`, `darkseesaw scan-info` and `darkseesaw report`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("scan")
    def scan_cmd(
        config: Path = typer.Argument(..., metavar="CONFIG.yaml", help="scan configuration"),
        out: Path = typer.Option(..., "--out", help="scan folder (Parquet chunks + manifest)"),
        workers: int = typer.Option(None, "--workers", min=1,
                                    help="worker processes (default: CPU count)"),
        scheduler: str = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                      help="Dask scheduler address (e.g. tcp://host:8786)"),
        executor: str = typer.Option(
            "processes", "--executor",
            help="processes (default), serial, or dask (a local Dask cluster of --workers)"),
        resume: bool = typer.Option(False, "--resume", help="continue the scan stored in --out"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    ) -> None:
        """Run a parameter scan; results as Parquet under OUT, resumable after a crash."""
        from darkseesaw.errors import InputError
        from darkseesaw.scan.info import format_summary
        from darkseesaw.scan.runner import run_scan

        if executor not in ("processes", "serial", "dask"):
            raise InputError(None, "--executor", f"unknown executor {executor!r}; use "
                             "processes, serial or dask")
        s = run_scan(config, out, executor=executor, workers=workers, scheduler=scheduler,
                     resume=resume, quiet=True if quiet else None)
        typer.echo(format_summary(s))

    @app.command("scan-info")
    def scan_info_cmd(
        folder: Path = typer.Argument(..., metavar="DIR", help="scan folder"),
        as_json: bool = typer.Option(False, "--json", help="print JSON"),
    ) -> None:
        """Points, failures by reason, best likelihood and time spent of a scan folder."""
        import json

        from darkseesaw.scan.info import format_summary, summary

        s = summary(folder)
        typer.echo(json.dumps(s, indent=1, default=str) if as_json else format_summary(s))

    @app.command("report")
    def report_cmd(
        folder: Path = typer.Argument(..., metavar="DIR",
                                      help="a scan folder or a reproduction folder"),
        out: Path = typer.Option(None, "--out", help="HTML file (default: DIR/report.html)"),
    ) -> None:
        """Write one self-contained HTML report (figures embedded) of a scan or reproduction."""
        from darkseesaw.report.html import write_report

        path = write_report(folder, out)
        typer.echo(f"report written to {path}")
