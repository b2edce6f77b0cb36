"""MkDocs hook: the tables of the model pages, generated from the models at build time.

A model page (``docs/models/<id>.md``) carries markers that this hook replaces by tables built
from the model itself, so that a page cannot go stale when a parameter, a benchmark, an
observable or a constraint link is added or renamed:

``<!-- model-summary ID -->``
    description, references, sectors, source module and API entry;
``<!-- model-parameters ID -->``
    every field of the model's pydantic ``Parameters``: unit, default, allowed range, description;
``<!-- model-benchmarks ID -->``
    the named benchmark points (values that differ from the defaults);
``<!-- model-observables ID -->``
    the registered observables the model returns at its default point, with registry units;
``<!-- model-constraints ID -->``
    the declared constraint links (curve, measurement, NuFIT, engine-computed limits).

A marker naming an unknown model, and a built-in model without a page (or whose page lacks the
parameter table), are build errors. The functions are plain (no MkDocs import), so that
``tests/docs`` checks the tables without building the site.

In the API reference, ``<!-- api-other-modules PACKAGE -->`` becomes one ``::: module`` entry per
public module of ``PACKAGE`` that the page does not already document, so a new module is in
the reference from the day it is added.

The hook also keeps the navigation complete: a topic guide added at the top of ``docs/`` and not
yet listed in ``mkdocs.yml`` is appended to the "Topic guides" section (so a new guide never
breaks the strict build, and always appears in the site).
"""

from __future__ import annotations

import logging
import pkgutil
import re
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from darkseesaw import models
from darkseesaw.models.base import Model, parameter_unit
from darkseesaw.observables import registry

log = logging.getLogger("mkdocs.hooks.model_tables")

MARKER = re.compile(r"^([ \t]*)<!--\s*model-(summary|parameters|benchmarks|observables|"
                    r"constraints)\s+(\S+)\s*-->", re.MULTILINE)
PAGE_DIR = "models"


# ----------------------------------------------------------------------------- formatting
def _fmt(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return f"`{value}`"
    if isinstance(value, float):
        return f"`{value:.6g}`"
    if isinstance(value, int):
        return f"`{value}`"
    if isinstance(value, str):
        return f"`{value}`"
    return f"`{value!r}`"


def _cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, no line breaks."""
    return " ".join(str(text).split()).replace("|", r"\|")


def _range(field: Any) -> str:
    """Allowed range of a pydantic field from its ``annotated_types`` bounds or ``Literal``."""
    if typing.get_origin(field.annotation) is typing.Literal:
        return ", ".join(_fmt(v) for v in typing.get_args(field.annotation))
    lo = hi = None
    lo_open = hi_open = False
    for m in field.metadata:
        for attr, is_lo, is_open in (("gt", True, True), ("ge", True, False),
                                     ("lt", False, True), ("le", False, False)):
            v = getattr(m, attr, None)
            if v is None:
                continue
            if is_lo:
                lo, lo_open = v, is_open
            else:
                hi, hi_open = v, is_open
    if lo is None and hi is None:
        return "any"
    if hi is None:
        return f"{'>' if lo_open else '≥'} {lo:g}"
    if lo is None:
        return f"{'<' if hi_open else '≤'} {hi:g}"
    return f"{'(' if lo_open else '['}{lo:g}, {hi:g}{')' if hi_open else ']'}"


def _unit(unit: str) -> str:
    return f"`{unit}`" if unit else "1"


# ----------------------------------------------------------------------------- tables
def parameters_table(model: Model) -> str:
    """Markdown table of every field of ``model.Parameters`` (name, unit, default, range)."""
    P = model.Parameters
    rows = ["| parameter | unit | default | allowed | description |",
            "|---|---|---|---|---|"]
    for name, field in P.model_fields.items():
        default = "required" if field.is_required() else _fmt(field.default)
        rows.append(f"| `{name}` | {_unit(parameter_unit(P, name))} | {default} | "
                    f"{_cell(_range(field))} | {_cell(field.description or '')} |")
    return "\n".join(rows) + "\n\n" + (
        "Units are keys of the one unit table `darkseesaw.physics.UNITS` (1: dimensionless). "
        "An unknown name or a value outside its range is a validation error naming the field.")


def benchmarks_table(model: Model) -> str:
    """Markdown table of the named benchmark points (values that differ from the defaults)."""
    if not model.benchmarks:
        return "This model declares no benchmark point."
    P = model.Parameters
    rows = ["| benchmark | values (others at their defaults) |", "|---|---|"]
    for name, values in model.benchmarks.items():
        diff = []
        for k, v in values.items():
            f = P.model_fields.get(k)
            if f is not None and not f.is_required() and f.default == v:
                continue
            unit = parameter_unit(P, k) if f is not None else ""
            diff.append(f"`{k}` = {_fmt(v).strip('`')}" + (f" {unit}" if unit else ""))
        rows.append(f"| `{name}` | {_cell(', '.join(diff) or 'the defaults')} |")
    return "\n".join(rows) + "\n\n" + (
        f"`darkseesaw benchmark {model.id} --point NAME` evaluates one of them.")


def observables_table(model: Model) -> str:
    """Markdown table of the observables returned at the default point, with registry units."""
    obs = model.observables(model.parameters())
    rows = ["| observable | unit | description |", "|---|---|---|"]
    for name in obs:
        e = registry.get(name)
        rows.append(f"| `{name}` | {_unit(e.unit)} | {_cell(e.description)} |")
    return (f"{len(obs)} registered observables at the default point (names and units from "
            "`darkseesaw.observables.registry`):\n\n" + "\n".join(rows))


def _link_row(link: Any) -> str:
    kind = type(link).__name__
    if kind == "CurveLink":
        what = f"x = `{link.x}`, y = `{link.y}`"
    elif kind == "MeasurementLink":
        what = f"`{link.observable}`" + (f" ({link.side})" if link.side != "both" else "")
    elif kind == "NufitLink":
        what = "oscillation parameters (NuFIT χ²)"
    else:
        what = f"`{link.y}`" + (f" vs `{link.x}`" if getattr(link, "x", None) else "")
    chi2 = "yes" if getattr(link, "likelihood", False) else "no"
    return f"| `{_cell(link.name)}` | {kind} | {_cell(what)} | {chi2} |"


def constraints_table(model: Model) -> str:
    """Markdown table of the declared constraint links."""
    links = model.constraints()
    rows = ["| constraint | link | tests | in ln L |", "|---|---|---|---|"]
    rows += [_link_row(lk) for lk in links]
    return (f"{len(links)} declared links (`darkseesaw.constraints.links`), evaluated by "
            f"`darkseesaw benchmark {model.id}`, by scans with `constraints: auto` and in the "
            "report:\n\n" + "\n".join(rows))


def summary(model: Model) -> str:
    """Description, references, sectors and the source module of a model."""
    module = type(model).__module__
    sectors = ", ".join(f"`{s.name}` ({type(s).__name__})" for s in model.sectors)
    refs = "\n".join(f"* {_cell(r)}" for r in model.references) or "* (none)"
    own = ", ".join(f"`{n}`" for n in model.own_observables) or "none"
    return (f"**{_cell(model.description)}**\n\n"
            f"| | |\n|---|---|\n"
            f"| id | `{model.id}` |\n"
            f"| module | `{module}` |\n"
            f"| sectors | {sectors} |\n"
            f"| own observables | {own} |\n"
            f"| parameters | {len(model.Parameters.model_fields)} |\n"
            f"| benchmarks | {len(model.benchmarks)} |\n\n"
            f"References:\n\n{refs}")


_BUILDERS = {
    "summary": summary,
    "parameters": parameters_table,
    "benchmarks": benchmarks_table,
    "observables": observables_table,
    "constraints": constraints_table,
}


def expand(markdown: str, where: str = "page") -> str:
    """Replace every marker of ``markdown`` by its table (indented as the marker, so that a
    marker inside an admonition stays inside it).

    Raises
    ------
    KeyError
        A marker naming an unknown model.
    """

    def one(m: re.Match[str]) -> str:
        indent, what, model_id = m.group(1), m.group(2), m.group(3)
        try:
            model = models.get(model_id)
        except KeyError:
            raise KeyError(f"{where}: marker names an unknown model {model_id!r}") from None
        text = _BUILDERS[what](model)
        return "\n".join(indent + line if line else line for line in text.split("\n"))

    return MARKER.sub(one, markdown)


def missing_pages(pages: Mapping[str, str]) -> list[str]:
    """Built-in models without a page (``models/<id>.md``) carrying their parameter table.

    ``pages`` maps a page path relative to ``docs/`` to its Markdown source.
    """
    out = []
    for model_id in models.builtin():
        src = pages.get(f"{PAGE_DIR}/{model_id}.md")
        if src is None or f"model-parameters {model_id}" not in src:
            out.append(model_id)
    return out


API_MARKER = re.compile(r"^<!--\s*api-other-modules\s+(\S+)\s*-->", re.MULTILINE)
DIRECTIVE = re.compile(r"^:::\s+(\S+)", re.MULTILINE)


def public_modules(package: str) -> list[str]:
    """Public (no leading underscore) modules of ``package``, sorted."""
    import importlib

    pkg = importlib.import_module(package)
    return sorted(f"{package}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)
                  if not m.name.startswith("_"))


def expand_api(markdown: str) -> str:
    """Replace ``<!-- api-other-modules PACKAGE -->`` by the modules the page does not list."""
    listed = set(DIRECTIVE.findall(markdown))

    def one(m: re.Match[str]) -> str:
        rest = [mod for mod in public_modules(m.group(1)) if mod not in listed]
        return "\n\n".join(f"::: {mod}" for mod in rest)

    return API_MARKER.sub(one, markdown)


def _nav_paths(nav: Any) -> set[str]:
    """Every page path listed in a MkDocs ``nav`` configuration."""
    out: set[str] = set()
    if isinstance(nav, str):
        out.add(nav)
    elif isinstance(nav, dict):
        for v in nav.values():
            out |= _nav_paths(v)
    elif isinstance(nav, list):
        for v in nav:
            out |= _nav_paths(v)
    return out


def add_missing_guides(nav: list[Any], docs_dir: Path, section: str = "Topic guides") -> list[str]:
    """Append the top-level pages of ``docs_dir`` missing from ``nav`` to its ``section``.

    Returns the pages added (sorted). ``nav`` is modified in place.
    """
    listed = _nav_paths(nav)
    missing = sorted(p.name for p in docs_dir.glob("*.md") if p.name not in listed)
    if missing:
        for entry in nav:
            if isinstance(entry, dict) and section in entry:
                entry[section].extend(missing)
                break
        else:
            nav.append({section: list(missing)})
    return missing


# ----------------------------------------------------------------------------- MkDocs events
def on_config(config: Any) -> Any:
    if config.get("nav"):
        added = add_missing_guides(config["nav"], Path(config["docs_dir"]))
        if added:
            log.info("topic guides not in mkdocs.yml's nav, listed under 'Topic guides': %s",
                     ", ".join(added))
    return config


def on_files(files: Any, config: Any) -> Any:
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()
             if f.src_uri.startswith(PAGE_DIR + "/")}
    for model_id in missing_pages(pages):
        log.warning("model %r has no page docs/%s/%s.md with a '<!-- model-parameters %s -->' "
                    "table", model_id, PAGE_DIR, model_id, model_id)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    try:
        return expand(expand_api(markdown), where=page.file.src_uri)
    except KeyError as e:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(e.args[0])) from None
