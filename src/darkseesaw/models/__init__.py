"""Models: the built-in ones and those of the user's own packages, behind one registry.

Built-in models are modules of this package defining ``MODEL`` (an instance of a
`darkseesaw.models.base.Model` subclass). A model in another installed package registers itself
through the ``darkseesaw.models`` entry-point group, the entry-point name being the model id::

    # pyproject.toml of the user's package
    [project.entry-points."darkseesaw.models"]
    my-model = "mypackage.mymodel:MODEL"        # a Model instance (or a Model subclass)

and then appears in ``darkseesaw models``, ``darkseesaw benchmark my-model`` and scans
(``model: my-model``). Modules are imported only when a model is asked for.

Example
-------
>>> from darkseesaw import models
>>> "typeI-bl" in models.available()
True
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
from functools import cache

from darkseesaw.models.base import Model

__all__ = ["Model", "available", "get", "builtin", "plugins", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "darkseesaw.models"

# id -> module path (seed papers first, then the models that are in no paper)
_BUILTIN: dict[str, str] = {
    "alp-discrete": "darkseesaw.models.alp_discrete",
    "alp-portal-dm": "darkseesaw.models.alp_portal_dm",
    "hnl-inflaton": "darkseesaw.models.hnl_inflaton",
    "bl-zprime": "darkseesaw.models.bl_zprime",
    "dark-u1": "darkseesaw.models.dark_u1",
    "typeI-bl": "darkseesaw.models.typeI_bl",
    "iss-darkphoton": "darkseesaw.models.iss_darkphoton",
}


def builtin() -> list[str]:
    """Ids of the built-in models, in registry order."""
    return [k for k, mod in _BUILTIN.items() if importlib.util.find_spec(mod) is not None]


def plugins() -> dict[str, importlib.metadata.EntryPoint]:
    """Models registered by installed packages (``darkseesaw.models`` entry points)."""
    eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return {ep.name: ep for ep in eps if ep.name not in _BUILTIN}


def available() -> list[str]:
    """Ids of every model: built-in first, then plugins (sorted)."""
    return builtin() + sorted(plugins())


@cache
def get(model_id: str) -> Model:
    """The model registered under ``model_id``.

    Raises
    ------
    KeyError
        Unknown id (the message lists the known ones).
    TypeError
        A plugin entry point that is not a `Model` instance or subclass.
    """
    if model_id in _BUILTIN and importlib.util.find_spec(_BUILTIN[model_id]) is not None:
        return importlib.import_module(_BUILTIN[model_id]).MODEL
    eps = plugins()
    if model_id not in eps:
        raise KeyError(f"unknown model {model_id!r}; known: {', '.join(available()) or 'none'}")
    obj = eps[model_id].load()
    if isinstance(obj, type) and issubclass(obj, Model):
        obj = obj()
    if not isinstance(obj, Model):
        raise TypeError(f"entry point {model_id!r} ({eps[model_id].value}) is not a "
                        "darkseesaw Model instance or subclass")
    return obj
