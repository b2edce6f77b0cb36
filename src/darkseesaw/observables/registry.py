"""The observable registry: one global name per predicted quantity, with its unit and labels.

Every observable a model returns (`darkseesaw.models.base.Model.observables`) is known here by
one flavio-style global name, with **one unit per quantity** fixed by the registry: masses and
energies in GeV (neutrino masses too), squared masses in GeV², cross sections in cm², ⟨σv⟩ in
cm³/s, lifetimes in s, lengths in m, angles in rad, couplings to photons in GeV⁻¹. Units are
names of the one unit table `darkseesaw.physics.UNITS`; `convert` turns a registered value
into any compatible unit (e.g. ``convert("sum_m_nu", x, "eV")``).

The entries live in data files, ``darkseesaw/observables/data/registry/<topic>.yaml`` (one per
sector: neutrinos, U(1)′ gauge bosons, ALPs, scalars, dark matter), as::

    sum_m_nu:
      unit: GeV
      latex: '\\Sigma m_\\nu'
      description: sum of the three light-neutrino masses

A name may be a template with ``<i>`` (a state index 1, 2, …) and ``<l>`` (a charged-lepton
flavour ``e``, ``mu``, ``tau``): ``U2_<l>_N<i>`` covers ``U2_mu_N2``. A new observable is one
entry in one of these files.

Examples
--------
>>> from darkseesaw.observables import registry
>>> o = registry.get("U2_mu_N2")
>>> o.unit, o.latex
('', '|U_{\\\\mu N_{2}}|^2')
>>> registry.get("sum_m_nu").unit
'GeV'
>>> round(registry.convert("sum_m_nu", 6e-11, "meV"), 6)
60.0
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from darkseesaw import physics as ph

__all__ = ["Observable", "get", "names", "entries", "check", "convert", "unit_of", "latex_of",
           "register"]

_DATA = Path(__file__).resolve().parent / "data" / "registry"
_KINDS = ("float", "bool", "str")
_FLAVOUR_TEX = {"e": "e", "mu": r"\mu", "tau": r"\tau"}
_PLACEHOLDERS = {"<i>": r"(?P<i>[1-9][0-9]*)", "<l>": r"(?P<l>e|mu|tau)"}
_EXTRA: dict[str, Observable] = {}  # registered from code (a model's own observables)


@dataclass(frozen=True)
class Observable:
    """One registered observable (or one instance of a template).

    Attributes
    ----------
    name : str
        Global name (an identifier, usable in scan expressions).
    unit : str
        Unit of the value, a key of `darkseesaw.physics.UNITS` (``""``: dimensionless).
    description : str
        One line.
    latex : str
        Axis label (matplotlib mathtext, without ``$``).
    kind : str
        ``float`` (default), ``bool`` or ``str``.
    topic : str
        The registry file it comes from (``neutrino``, ``u1``, ``alp``, ``scalar``, ``dm``…).
    """

    name: str
    unit: str
    description: str
    latex: str
    kind: str = "float"
    topic: str = ""

    def label(self) -> str:
        """Axis label with unit, e.g. ``$m_{N_{1}}$ [GeV]``."""
        return f"${self.latex}$" + (f" [{self.unit}]" if self.unit else "")


def _template_regex(name: str) -> re.Pattern:
    pat = re.escape(name)
    for ph_, rx in _PLACEHOLDERS.items():
        pat = pat.replace(re.escape(ph_), rx)
    return re.compile(pat + r"\Z")


@cache
def _load() -> tuple[dict[str, Observable], list[tuple[re.Pattern, Observable]]]:
    exact: dict[str, Observable] = {}
    templates: list[tuple[re.Pattern, Observable]] = []
    seen: dict[str, str] = {}
    for f in sorted(_DATA.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for name, e in doc.items():
            if name in seen:
                raise ValueError(f"observable {name!r} registered twice ({seen[name]}, {f.name})")
            seen[name] = f.name
            unit = str(e.get("unit", ""))
            if unit not in ph.UNITS:
                raise ValueError(f"{f.name}: {name}: unknown unit {unit!r}")
            kind = e.get("kind", "float")
            if kind not in _KINDS:
                raise ValueError(f"{f.name}: {name}: kind must be one of {_KINDS}")
            o = Observable(name, unit, str(e.get("description", "")),
                           str(e.get("latex", name)), kind, f.stem)
            if "<" in name:
                templates.append((_template_regex(name), o))
            else:
                exact[name] = o
    return exact, templates


def entries() -> list[Observable]:
    """Every registry entry (templates unexpanded), sorted by topic and name."""
    exact, templates = _load()
    return sorted([*exact.values(), *(o for _, o in templates), *_EXTRA.values()],
                  key=lambda o: (o.topic, o.name))


def register(name: str, *, unit: str = "", latex: str = "", description: str = "",
             kind: str = "float", topic: str = "") -> Observable:
    """Register an observable from code (a model's ``own_observables``).

    The name must be an identifier and must not clash with another entry (registering the same
    entry twice is allowed: models may be instantiated more than once).

    Raises
    ------
    ValueError
        A clash with a different entry, a bad name, unit or kind.
    """
    if not name.isidentifier():
        raise ValueError(f"observable names must be identifiers, not {name!r}")
    if unit not in ph.UNITS:
        raise ValueError(f"observable {name!r}: unknown unit {unit!r}")
    if kind not in _KINDS:
        raise ValueError(f"observable {name!r}: kind must be one of {_KINDS}")
    o = Observable(name, unit, description, latex or name, kind, topic)
    try:
        old = get(name)
    except KeyError:
        old = None
    if old is not None and old != o:
        raise ValueError(f"observable {name!r} is already registered ({old.topic}: "
                         f"{old.unit!r}, {old.description!r})")
    _EXTRA[name] = o
    return o


def names() -> list[str]:
    """Names of all entries (templates with their ``<i>``/``<l>`` placeholders)."""
    return [o.name for o in entries()]


def _instance(o: Observable, m: re.Match) -> Observable:
    d = m.groupdict()
    latex, desc = o.latex, o.description
    if d.get("i"):
        latex, desc = latex.replace("<i>", d["i"]), desc.replace("<i>", d["i"])
    if d.get("l"):
        latex = latex.replace("<l>", _FLAVOUR_TEX[d["l"]])
        desc = desc.replace("<l>", d["l"])
    return Observable(m.string, o.unit, desc, latex, o.kind, o.topic)


@cache
def get(name: str) -> Observable:
    """The registered observable ``name`` (templates instantiated).

    Raises
    ------
    KeyError
        Unknown name; the message suggests close names.
    """
    exact, templates = _load()
    if name in exact:
        return exact[name]
    if name in _EXTRA:
        return _EXTRA[name]
    for rx, o in templates:
        m = rx.match(name)
        if m:
            return _instance(o, m)
    close = difflib.get_close_matches(name, names(), n=4, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"unknown observable {name!r}{hint} (see darkseesaw.observables.registry)")


def check(names_: Iterable[str]) -> None:
    """Raise KeyError naming the first unregistered name of ``names_`` (any iterable of names,
    e.g. an observable dict)."""
    for n in names_:
        get(n)


def unit_of(name: str) -> str:
    """Unit of a registered observable (a key of `darkseesaw.physics.UNITS`; ``""``:
    dimensionless)."""
    return get(name).unit


def latex_of(name: str) -> str:
    """LaTeX label (mathtext, no ``$``) of a registered observable."""
    return get(name).latex


def convert(name: str, value: Any, to_unit: str) -> Any:
    """A value (float or array) of observable ``name``, in its registry unit, expressed in
    ``to_unit`` (a key of `darkseesaw.physics.UNITS`)."""
    return ph.convert(value, get(name).unit, to_unit)
