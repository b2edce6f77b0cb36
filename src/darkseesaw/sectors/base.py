"""What every sector is: a reusable piece of a model with its spectrum, observables and links.

A sector is configured once, in the model file, with **specs** that say where each of its
inputs comes from at a parameter point ``p``:

* a string — the name of a field of the model's ``Parameters`` (``"M_Zp"``);
* a number or an array — a constant;
* a callable ``f(p)`` — anything computed from the parameters (``lambda p: p.y * v_EW / √2``).

At evaluation a `Point` carries the validated parameters and caches what each sector computes,
so that sectors can use each other (the dark-matter sector asks the U(1)′ sector for the Z′
couplings: ``pt.data("u1")``) without computing anything twice.

Each sector returns

* ``spectrum(pt)`` — a `SectorSpectrum` (masses in GeV, state labels, mixing matrices);
* ``observables(pt)`` — a dict of registered observables (`darkseesaw.observables.registry`);
* ``links()`` — its constraint links (`darkseesaw.constraints.links`).

The model merges them (`Spectrum.merge`); see ``docs/models.md``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from darkseesaw.constraints.links import Link

__all__ = ["Spec", "Sector", "Point", "SectorSpectrum", "Spectrum", "resolve"]

Spec = str | float | int | complex | np.ndarray | Callable[[Any], Any] | None
"""Where a sector input comes from: a parameter name, a constant, or ``f(p)``."""


def resolve(spec: Spec, p: Any) -> Any:
    """Value of a spec at the parameters ``p`` (see the module notes)."""
    if spec is None:
        return None
    if isinstance(spec, str):
        try:
            return getattr(p, spec)
        except AttributeError:
            raise AttributeError(f"the model has no parameter {spec!r}") from None
    if callable(spec):
        return spec(p)
    return spec


@dataclass
class SectorSpectrum:
    """Physical states of one sector.

    Attributes
    ----------
    masses : ndarray (n,)
        Masses [GeV].
    labels : list of str
        One label per state (``nu1``, ``N2``, ``Zp``, ``a``, ``s``, ``chi`` …).
    mixing : dict
        Named mixing matrices (``"neutral_leptons"``: the Takagi U with rows (ν_L, N_Rᶜ, S)).
    extras : dict
        Anything else worth printing or reusing (vevs, couplings).
    """

    masses: np.ndarray
    labels: list[str]
    mixing: dict[str, np.ndarray] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Spectrum:
    """The spectrum of a model at one parameter point: one type for every model.

    Attributes
    ----------
    masses : ndarray (n,)
        All physical masses [GeV], ascending.
    labels : tuple of str
        State labels, aligned with ``masses``.
    sectors : tuple of str
        The sector each state comes from.
    mixing : dict of str → ndarray
        Mixing matrices by name (e.g. ``neutral_leptons``, ``cp_even``).
    extras : dict
        Further quantities by sector (vevs, couplings, quartics).

    Example
    -------
    >>> s = Spectrum.merge({"u1": SectorSpectrum(np.array([3e3]), ["Zp"]),
    ...                     "dm": SectorSpectrum(np.array([1e3]), ["chi"])})
    >>> s.labels, s.mass("Zp")
    (('chi', 'Zp'), 3000.0)
    """

    masses: np.ndarray
    labels: tuple[str, ...]
    sectors: tuple[str, ...]
    mixing: dict[str, np.ndarray] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def merge(cls, parts: Mapping[str, SectorSpectrum]) -> Spectrum:
        """Combine sector spectra: states sorted by mass (stable), mixings and extras kept."""
        ms, labs, secs, mix, ext = [], [], [], {}, {}
        for name, sp in parts.items():
            m = np.atleast_1d(np.asarray(sp.masses, float))
            if len(m) != len(sp.labels):
                raise ValueError(f"sector {name}: {len(m)} masses but {len(sp.labels)} labels")
            ms.append(m)
            labs += list(sp.labels)
            secs += [name] * len(m)
            mix.update(sp.mixing)
            if sp.extras:
                ext[name] = dict(sp.extras)
        m = np.concatenate(ms) if ms else np.empty(0)
        order = np.argsort(m, kind="stable")
        dup = {x for x in labs if labs.count(x) > 1}
        if dup:
            raise ValueError(f"state labels used twice: {sorted(dup)}")
        return cls(m[order], tuple(labs[i] for i in order), tuple(secs[i] for i in order),
                   mix, ext)

    def mass(self, label: str) -> float:
        """Mass [GeV] of the state ``label``."""
        try:
            return float(self.masses[self.labels.index(label)])
        except ValueError:
            raise KeyError(f"no state {label!r}; states: {', '.join(self.labels)}") from None

    def of(self, sector: str) -> dict[str, float]:
        """``{label: mass}`` of one sector's states, ascending."""
        return {lab: float(m) for lab, m, s in zip(self.labels, self.masses, self.sectors,
                                                    strict=True) if s == sector}

    def table(self) -> list[dict[str, Any]]:
        """Rows ``{label, mass_GeV, sector}`` in ascending mass."""
        return [{"label": lab, "mass_GeV": float(m), "sector": s}
                for lab, m, s in zip(self.labels, self.masses, self.sectors, strict=True)]


class Point:
    """One parameter point being evaluated: the parameters and a cache shared by the sectors."""

    def __init__(self, p: Any, sectors: Sequence[Sector] = ()):
        self.p = p
        self._sectors = {s.name: s for s in sectors}
        self._cache: dict[Any, Any] = {}

    def value(self, spec: Spec) -> Any:
        """Value of a spec at this point."""
        return resolve(spec, self.p)

    def cached(self, key: Any, fn: Callable[[], Any]) -> Any:
        """``fn()`` computed once per point under ``key``."""
        if key not in self._cache:
            self._cache[key] = fn()
        return self._cache[key]

    def has(self, sector: str) -> bool:
        """Whether the model has a sector named ``sector``."""
        return sector in self._sectors

    def sector(self, name: str) -> Sector:
        try:
            return self._sectors[name]
        except KeyError:
            raise KeyError(f"the model has no sector {name!r} (has: "
                           f"{', '.join(self._sectors) or 'none'})") from None

    def data(self, name: str) -> dict[str, Any]:
        """The computed quantities of the sector ``name`` at this point (cached)."""
        s = self.sector(name)
        return self.cached(("data", name), lambda: s.data(self))


class Sector(ABC):
    """Abstract base of the sectors (`darkseesaw.sectors`).

    Subclasses set ``name`` (unique within a model; other sectors find it by this name) and
    implement `data` (everything the sector computes at a point, cached by the `Point`),
    `spectrum`, `observables` and `links`.
    """

    name: str = "sector"

    @abstractmethod
    def data(self, pt: Point) -> dict[str, Any]:
        """Everything the sector computes at a point (masses, couplings, widths …)."""

    @abstractmethod
    def spectrum(self, pt: Point) -> SectorSpectrum:
        """Physical states of the sector at the point."""

    @abstractmethod
    def observables(self, pt: Point) -> dict[str, Any]:
        """Registered observables of the sector at the point (registry units)."""

    def links(self) -> list[Link]:
        """Constraint links the sector contributes (default none)."""
        return []
