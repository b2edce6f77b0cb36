"""The model contract: what every model — built-in or a user's — is.

A model is a small class (hazma-style) that **composes sectors** (`darkseesaw.sectors`) and adds
only what is truly its own:

==================  ==========================================================================
``id``              short id (``typeI-bl``), used by the CLI and by scan configurations
``description``     one line
``references``      citations
``Parameters``      a pydantic model: names, defaults, ranges; units in the field metadata
                    (`param`), so that errors name the field and reports label the axes
``benchmarks``      named parameter points (data, not code)
``sectors``         the sector instances the model is made of
``own_observables`` registry entries of quantities that only this model predicts (optional)
``extra_*``         hooks for the model's own spectrum states, observables and links
==================  ==========================================================================

and inherits everything else:

* `Model.spectrum` — one `darkseesaw.sectors.Spectrum` (masses in GeV ascending, labels,
  mixing matrices) merged from the sectors;
* `Model.observables` — a flat dict whose names come from the one observable registry
  (`darkseesaw.observables.registry`), in registry units (checked);
* `Model.constraints` — the declared links (`darkseesaw.constraints.links`) of the sectors
  plus the model's own, evaluated by the one generic `evaluate_links` in `Model.check`
  (``darkseesaw benchmark``), in scans (``constraints: auto``) and in the report;
* `Model.log_likelihood` — −½ Σ χ² of the links that carry a likelihood.

Reproducing a paper is not the model's job: it lives in `darkseesaw.papers`.
Why this shape: composition keeps a new model to one short file (the ``typeI-bl`` model is the
worked example in ``docs/models.md``); a flat observable dict with registered names is what
scans store as columns and links refer to, so the same names serve the CLI, the Parquet
tables and the likelihood.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from darkseesaw.constraints.links import (
    Link,
    LinkResult,
    all_pass,
    check_links,
    evaluate_links,
)
from darkseesaw.constraints.links import log_likelihood as _log_likelihood
from darkseesaw.observables import registry
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spectrum

__all__ = ["Model", "ModelParameters", "param", "parameter_unit"]


class ModelParameters(BaseModel):
    """Base of a model's ``Parameters``: unknown names are errors."""

    model_config = ConfigDict(extra="forbid")


def param(default: Any = ..., *, unit: str = "", description: str = "", **constraints: Any):
    """A parameter field with its unit in the metadata (``json_schema_extra["unit"]``).

    Parameters
    ----------
    default : any
        Default value (``...``: required).
    unit : str
        Unit, a key of `darkseesaw.physics.UNITS` (``""`` dimensionless).
    description : str
        One line (shown by ``darkseesaw benchmark`` and in reports).
    **constraints
        pydantic constraints: ``gt``, ``ge``, ``lt``, ``le`` …

    Example
    -------
    >>> class P(ModelParameters):
    ...     M_Zp: float = param(3000.0, unit="GeV", description="Z' mass", gt=0)
    >>> parameter_unit(P, "M_Zp")
    'GeV'
    """
    return Field(default, description=description, json_schema_extra={"unit": unit},
                 **constraints)


def parameter_unit(Parameters: type[BaseModel], name: str) -> str:
    """Unit of a field declared with `param` (``""`` when none is given)."""
    f = Parameters.model_fields[name]
    extra = f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}
    return str(extra.get("unit", ""))


class Model:
    """Base class of every model (see the module notes).

    Subclasses set the class attributes and, for what no sector covers, override
    `extra_spectrum`, `extra_observables` and `extra_links`.
    """

    id: ClassVar[str] = ""
    description: ClassVar[str] = ""
    references: ClassVar[tuple[str, ...]] = ()
    Parameters: ClassVar[type[BaseModel]] = ModelParameters
    benchmarks: ClassVar[Mapping[str, Mapping[str, Any]]] = {}
    sectors: tuple[Sector, ...] = ()
    own_observables: ClassVar[Mapping[str, Mapping[str, str]]] = {}

    def __init__(self) -> None:
        names = [s.name for s in self.sectors]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: two sectors with one name: {names}")
        for name, e in self.own_observables.items():
            registry.register(name, unit=e.get("unit", ""), latex=e.get("latex", name),
                              description=e.get("description", ""), kind=e.get("kind", "float"),
                              topic=f"model:{self.id}")
        try:
            default = self.Parameters()
        except Exception:  # noqa: BLE001 - parameters without defaults: sizes must be given
            default = None
        if default is not None:
            pt = Point(default, self.sectors)
            for s in self.sectors:
                if hasattr(s, "setup"):
                    s.setup(pt)
        self._links: list[Link] | None = None

    # ------------------------------------------------------------------ hooks
    def extra_spectrum(self, pt: Point) -> SectorSpectrum | None:
        """States that belong to no sector (default none)."""
        return None

    def extra_observables(self, pt: Point) -> dict[str, Any]:
        """Observables that belong to no sector (registered in ``own_observables``)."""
        return {}

    def extra_links(self) -> list[Link]:
        """Constraint links of the model's own observables."""
        return []

    # ------------------------------------------------------------------ contract
    @property
    def paper(self) -> str:
        """The references as one line (for listings)."""
        return "; ".join(self.references)

    def parameters(self, **values: Any) -> BaseModel:
        """Validated parameters (defaults filled in; pydantic errors name the field)."""
        return self.Parameters(**values)

    def point(self, p: BaseModel) -> Point:
        """An evaluation context for ``p`` (sectors share their results through it)."""
        return Point(p, self.sectors)

    def spectrum(self, p: BaseModel, pt: Point | None = None) -> Spectrum:
        """Physical states of all sectors, masses in GeV ascending."""
        pt = pt or self.point(p)
        parts = {s.name: s.spectrum(pt) for s in self.sectors}
        extra = self.extra_spectrum(pt)
        if extra is not None:
            parts[self.id or "model"] = extra
        return Spectrum.merge(parts)

    def observables(self, p: BaseModel, pt: Point | None = None) -> dict[str, Any]:
        """Registered observables of all sectors and of the model (registry units).

        Raises
        ------
        KeyError
            An unregistered name (a bug of the model: register it in ``own_observables``).
        ValueError
            Two sectors returning the same observable.
        """
        pt = pt or self.point(p)
        out: dict[str, Any] = {}
        for s in self.sectors:
            o = s.observables(pt)
            clash = set(o) & set(out)
            if clash:
                raise ValueError(f"{self.id}: observables from two sectors: {sorted(clash)}")
            out.update(o)
        out.update(self.extra_observables(pt))
        registry.check(out)
        return out

    def constraints(self) -> list[Link]:
        """The declared constraint links of the sectors and of the model (validated once)."""
        if self._links is None:
            links: list[Link] = []
            for s in self.sectors:
                links += s.links()
            links += self.extra_links()
            check_links(links)
            self._links = links
        return list(self._links)

    def check(self, p: BaseModel | None = None, obs: Mapping[str, Any] | None = None
              ) -> list[LinkResult]:
        """Every declared constraint evaluated at ``p`` (or on given observables)."""
        if obs is None:
            obs = self.observables(p)
        return evaluate_links(self.constraints(), obs)

    def log_likelihood(self, obs: Mapping[str, Any]) -> float:
        """ln L of the observables: −½ Σ χ² over the links with a likelihood."""
        return float(_log_likelihood(self.check(obs=obs)))

    def allowed(self, obs: Mapping[str, Any]) -> bool:
        """Whether every excluding link passes."""
        return bool(all_pass(self.check(obs=obs)))

    def evaluate(self, p: BaseModel) -> dict[str, Any]:
        """Spectrum, observables, constraint results and log-likelihood of one point."""
        pt = self.point(p)
        sp = self.spectrum(p, pt)
        obs = self.observables(p, pt)
        res = self.check(obs=obs)
        return {"spectrum": sp, "observables": obs, "constraints": res,
                "log_likelihood": float(_log_likelihood(res)), "all_pass": bool(all_pass(res))}

    def __repr__(self) -> str:
        return f"<model {self.id}: {', '.join(s.name for s in self.sectors)}>"
