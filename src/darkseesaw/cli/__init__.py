"""The ``darkseesaw`` command.

Start-up imports only typer/rich; every sub-command imports its engines inside its body, so
``darkseesaw --version`` stays fast. Sub-commands live in small modules of this package, each
with a ``register(app)`` function; the CLI owns no logic of its own.

Errors in user input (`darkseesaw.errors.InputError`) are printed as one line
``darkseesaw: error: FILE: KEY: problem`` with exit code 2, never as a traceback.
"""

from __future__ import annotations

import importlib
import sys

import typer

from darkseesaw import __version__

app = typer.Typer(
    name="darkseesaw",
    help="Inverse-seesaw neutrino-mass models tied to a dark sector: exact spectra, "
    "observables, constraints, scans and paper reproductions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"darkseesaw {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version_callback,
        is_eager=True,
    ),
) -> None:
    """darkseesaw command line."""


# Sub-command modules, each with register(app). A module that is not installed is skipped.
_SUBCOMMAND_MODULES = (
    "darkseesaw.cli.core_cmd",
    "darkseesaw.cli.spectrum_cmd",
    "darkseesaw.cli.symmetry_cmd",
    "darkseesaw.cli.constraints_cmd",
    "darkseesaw.cli.scan_cmd",
    "darkseesaw.cli.benchmark_cmd",
    "darkseesaw.cli.observables_cmd",
)

for _mod in _SUBCOMMAND_MODULES:
    try:
        _m = importlib.import_module(_mod)
    except ModuleNotFoundError as _e:  # sub-command not part of this installation
        if _e.name != _mod:
            raise
        continue
    _m.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``darkseesaw`` console script."""
    from darkseesaw.errors import InputError

    try:
        app(args=argv, prog_name="darkseesaw")
    except InputError as e:
        print(f"darkseesaw: error: {e}", file=sys.stderr)
        sys.exit(2)
    except OSError as e:  # a file or folder that cannot be read or written: one line
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        print(f"darkseesaw: error: {where}{e.strerror or e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("darkseesaw: interrupted", file=sys.stderr)
        sys.exit(130)
