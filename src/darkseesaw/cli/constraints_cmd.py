"""`darkseesaw constraints list` and `darkseesaw constraints show NAME [--plot FILE.png]`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    sub = typer.Typer(name="constraints", no_args_is_help=True, add_completion=False,
                      help="Shipped experimental limits and measurements (with provenance).")
    app.add_typer(sub, name="constraints")

    @sub.command("list")
    def list_cmd(
        pattern: str = typer.Argument("*", help="shell pattern on the name, e.g. 'alp/*'"),
        kind: str = typer.Option(None, "--kind", help="upper_limit, lower_limit, projection, "
                                 "hint or band"),
        as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
        measurements: bool = typer.Option(False, "--measurements",
                                          help="list the measurements instead of the curves"),
    ) -> None:
        """List the shipped limit curves (name, kind, units, source)."""
        import json

        from darkseesaw.errors import InputError

        if measurements:
            from darkseesaw.constraints.measurements import MEASUREMENTS

            rows = [m for n, m in MEASUREMENTS.items() if _match(n, pattern)]
            if as_json:
                typer.echo(json.dumps([m.__dict__ for m in rows], indent=1))
                return
            for m in rows:
                val = (f"< {m.value:g}" if m.kind == "upper_limit" else
                       f"> {m.value:g}" if m.kind == "lower_limit" else
                       f"[{m.value:g}, {m.upper:g}]" if m.kind == "range" else
                       f"{m.value:g} -{m.err_down:g} +{m.err_up:g}")
                cl = f" ({m.cl:.0%} CL)" if m.is_limit else ""
                typer.echo(f"{m.name:32s} {val} {m.unit}{cl}  [{m.source}; {m.date}]")
            return
        from darkseesaw.constraints import catalog
        from darkseesaw.constraints.curves import KINDS

        if kind and kind not in KINDS:
            raise InputError(None, "--kind", f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        rows = catalog(pattern, kind=kind)
        if as_json:
            typer.echo(json.dumps(rows, indent=1))
            return
        if not rows:
            raise InputError(None, "PATTERN", f"no constraint matches {pattern!r}")
        for r in rows:
            units = f"[{r['x_unit']}, {r['y_unit'] or '1'}]"
            src = r["source"][:70] + ("…" if len(r["source"]) > 70 else "")
            typer.echo(f"{r['name']:58s} {r['kind']:11s} {units:18s} {src}")
        typer.echo(f"{len(rows)} curves")

    @sub.command("show")
    def show_cmd(
        name: str = typer.Argument(..., metavar="NAME", help="catalogue name, e.g. alp/gagamma/cast"),
        plot: Path = typer.Option(None, "--plot", help="write a figure (PNG, and a PDF next to it)"),
        x_unit: str = typer.Option("GeV", "--x-unit", help="x unit of the figure and the table "
                                   "(GeV, TeV, MeV, keV, eV)"),
        as_json: bool = typer.Option(False, "--json", help="metadata and points as JSON"),
        at: list[float] = typer.Option(None, "--at", help="evaluate the limit at this mass "
                                       "(in --x-unit); repeatable"),
    ) -> None:
        """Show one curve (source, units, kind, range, sample values; optionally plot it) or one
        measurement."""
        import json

        import numpy as np

        from darkseesaw import physics as ph
        from darkseesaw.constraints import curve
        from darkseesaw.errors import InputError

        if x_unit not in ph.MASS_UNITS:
            raise InputError(None, "--x-unit", f"unknown unit {x_unit!r}; one of "
                             f"{', '.join(ph.MASS_UNITS)}")
        if plot is not None and plot.suffix.lower() not in (".png", ".pdf"):
            raise InputError(str(plot), "--plot", "the figure must be a .png or .pdf file")
        from darkseesaw.constraints.measurements import MEASUREMENTS

        if name in MEASUREMENTS:  # a measurement rather than a curve
            m = MEASUREMENTS[name]
            if as_json:
                typer.echo(json.dumps(m.__dict__, indent=1))
            else:
                for k, v in m.__dict__.items():
                    typer.echo(f"{k:9s}: {v}")
            return
        try:
            c = curve(name)
        except KeyError as e:
            raise InputError(None, "NAME", str(e).strip("'\"")) from None
        sx = ph.convert(1.0, "GeV", x_unit)
        info = c.info()
        if as_json:
            info["x"] = (np.asarray(c.x) * sx).tolist()
            info["y"] = np.asarray(c.y).tolist()
            info["x_unit"] = x_unit
            typer.echo(json.dumps(info, indent=1))
        else:
            for k in ("name", "quantity", "kind", "region", "x_unit", "y_unit", "cl", "source",
                      "arxiv", "label", "n_points", "n_parts", "files", "notes"):
                v = info[k]
                if isinstance(v, list):
                    v = ", ".join(v)
                typer.echo(f"{k:9s}: {v}")
            lo, hi = info["x_range"]
            typer.echo(f"x range  : {lo * sx:.4g} – {hi * sx:.4g} {x_unit}")
            xs = (np.array(at) / sx if at else
                  np.geomspace(max(lo, 1e-300), hi, 7)[1:-1])
            for xv in xs:
                typer.echo(f"  limit({xv * sx:.4g} {x_unit}) = {float(c(xv)):.4g} "
                           f"{c.y_unit}")
        if plot is not None:
            from darkseesaw.plots.limits import limit_figure

            lo, hi = info["x_range"]
            xlim = (lo * sx, hi * sx) if hi / max(lo, 1e-300) < 1e12 else None
            limit_figure([c], file=str(plot), x_unit=x_unit, xlim=xlim, title=c.name)
            typer.echo(f"wrote {plot.with_suffix('.png')} and {plot.with_suffix('.pdf')}")


    @sub.command("figures")
    def figures_cmd(
        out: Path = typer.Option(Path("constraint-figures"), "--out", help="output folder"),
    ) -> None:
        """Write the standard limit figures (ALP, HNL, direct detection, gamma lines, scalar)."""
        from darkseesaw.plots.limits import overview_figures

        for p in overview_figures(str(out)):
            typer.echo(f"wrote {p}")


def _match(name: str, pattern: str) -> bool:
    import fnmatch

    return fnmatch.fnmatchcase(name, pattern)
