"""The one shape every model has (hazma-style small abstract base).

A model module reads like its paper: a pydantic ``Parameters`` class, named benchmark points,
Lagrangian-level builders that call the engines, the observables it predicts, the constraints
that apply to it, and the reproduction of its paper.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel


class Model(ABC):
    """Abstract base of the built-in models.

    Attributes
    ----------
    id : str
        Short id, e.g. ``"alp-portal-dm"``.
    paper : str
        Citation of the paper the model comes from.
    Parameters : type[pydantic.BaseModel]
        Validated parameters (names, units in the field descriptions, allowed ranges).
    benchmarks : dict[str, dict]
        Named parameter points from the paper.
    """

    id: ClassVar[str]
    paper: ClassVar[str]
    Parameters: ClassVar[type[BaseModel]]
    benchmarks: ClassVar[dict[str, dict[str, Any]]] = {}

    def parameters(self, **values: Any) -> BaseModel:
        """Validated parameters (defaults filled in)."""
        return self.Parameters(**values)

    @abstractmethod
    def spectrum(self, p: BaseModel) -> Mapping[str, Any]:
        """Masses [GeV] and mixing matrices of the point ``p``."""

    @abstractmethod
    def observables(self, p: BaseModel) -> Mapping[str, Any]:
        """Flat mapping name → value of the model's predictions at ``p``."""

    def constraints(self) -> list[str]:
        """Catalogue names of the constraints/likelihoods that apply to this model."""
        return []

    def log_likelihood(self, obs: Mapping[str, Any]) -> float:
        """Log-likelihood of the observables (0 where the model declares none)."""
        return 0.0

    @abstractmethod
    def reproduce(self, out: Path, fast: bool = False) -> dict[str, Any]:
        """Reproduce the paper: write ``out/<id>.json`` and figures; return the JSON dict."""
