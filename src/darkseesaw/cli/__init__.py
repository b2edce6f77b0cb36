"""The ``darkseesaw`` command.

Start-up imports only typer/rich; every sub-command imports its engines inside its body, so
``darkseesaw --version`` stays fast. Sub-commands live in small modules of this package, each
with a ``register(app)`` function; the CLI owns no logic of its own.

Errors in user input (`darkseesaw.errors.InputError`) are printed as one line
``darkseesaw: error: FILE: KEY: problem`` with exit code 2, never as a traceback; so are files
that cannot be read or written (``OSError``), and a point that cannot be evaluated (an
arithmetic failure of the model at the values given: ``cannot evaluate``). Anything else is a
bug: one line ``darkseesaw: internal error: ...`` with exit code 1 (``DARKSEESAW_DEBUG=1``
shows the traceback). Warnings are collected and printed when the command ends, one line
``darkseesaw: warning: ...`` per distinct message; a command that fails prints its error line
only.
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


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


_WARNINGS: dict[str, None] = {}


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    _WARNINGS.setdefault(_one_line(message))  # each distinct warning once, at the end


def _flush_warnings() -> None:
    for text in _WARNINGS:
        print(f"darkseesaw: warning: {text}", file=sys.stderr)
    _WARNINGS.clear()


def _fail(line: str, code: int) -> None:
    _WARNINGS.clear()  # a failed command prints its one error line only
    print(line, file=sys.stderr)
    sys.exit(code)


# exceptions of a model evaluated at the user's values (overflow, a failed diagonalisation, a
# solver that did not converge): the point cannot be evaluated, the input is to blame
_POINT_FAILURES = ("ArithmeticError", "FloatingPointError", "LinAlgError", "NonConvergence",
                   "SolveTimeout", "PrecisionBudgetExceeded", "ValueError")


def _point_failure(e: BaseException) -> bool:
    return bool({c.__name__ for c in type(e).__mro__} & set(_POINT_FAILURES))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``darkseesaw`` console script."""
    import os
    import warnings

    from darkseesaw.errors import InputError

    args = list(sys.argv[1:] if argv is None else argv)
    saved = warnings.showwarning
    warnings.showwarning = _show_warning
    try:
        rv = app(args=args, prog_name="darkseesaw", standalone_mode=False)
        if isinstance(rv, int) and not isinstance(rv, bool) and rv != 0:  # typer.Exit(code)
            if rv != 130:
                _WARNINGS.clear()
            _flush_warnings()
            sys.exit(rv)
    except SystemExit as e:
        if e.code not in (0, None, 130):
            _WARNINGS.clear()
        _flush_warnings()
        raise
    except InputError as e:  # without a file, the command and its argument say where
        where = (f"{args[0]} {args[1]}: " if not e.file and len(args) > 1
                 and not args[1].startswith("-") else "")
        _fail(f"darkseesaw: error: {where}{_one_line(e)}", 2)
    except OSError as e:  # a file or folder that cannot be read or written: one line
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        _fail(f"darkseesaw: error: {where}{_one_line(e.strerror or e)}", 2)
    except KeyboardInterrupt:
        _flush_warnings()
        _fail("darkseesaw: interrupted", 130)
    except RecursionError:
        _fail("darkseesaw: error: input nested too deeply", 2)
    except MemoryError:
        _fail("darkseesaw: error: out of memory (input too large)", 2)
    except Exception as e:  # noqa: BLE001 - the last line of defence: never a traceback
        kinds = {c.__name__ for c in type(e).__mro__}  # click's classes (typer vendors click)
        if "NoArgsIsHelpError" in kinds:  # `darkseesaw` alone: the help
            e.show()
            sys.exit(2)
        if "ClickException" in kinds:  # a usage error: one line
            ctx = getattr(e, "ctx", None)
            path = ctx.command_path if ctx is not None else "darkseesaw"
            where = path.removeprefix("darkseesaw").strip()
            _fail(f"darkseesaw: error: {where + ': ' if where else ''}"
                  f"{_one_line(e.format_message())} (see '{path} --help')",
                  getattr(e, "exit_code", 2) or 2)
        if "Abort" in kinds:
            _fail("darkseesaw: aborted", 1)
        if os.environ.get("DARKSEESAW_DEBUG"):
            raise
        what = f"{type(e).__name__}: {_one_line(e)[:300]}"
        if _point_failure(e):
            cmd = " ".join(args[:2] if len(args) > 1 and not args[1].startswith("-")
                           else args[:1])
            sets = " ".join(f"--set {v}" for k, v in zip(args, args[1:], strict=False)
                            if k == "--set")
            _fail(f"darkseesaw: error: {cmd}{': ' + sets if sets else ''}: cannot evaluate "
                  f"at these values ({what})", 2)
        _fail(f"darkseesaw: internal error: {what} (please report it; DARKSEESAW_DEBUG=1 "
              "shows the traceback)", 1)
    else:
        _flush_warnings()
    finally:
        warnings.showwarning = saved
