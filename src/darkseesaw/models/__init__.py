"""Built-in models, one module per seed paper, all subclasses of `darkseesaw.models.base.Model`.

The registry maps a short id to the module that defines it; a module defines ``MODEL``, an
instance of its `Model` subclass. Modules are imported only when a model is asked for.
"""

from __future__ import annotations

import importlib
import importlib.util

# id -> module path. A model is listed by `darkseesaw models` once its module exists.
_REGISTRY: dict[str, str] = {
    "alp-discrete": "darkseesaw.models.alp_discrete",
    "alp-portal-dm": "darkseesaw.models.alp_portal_dm",
    "hnl-inflaton": "darkseesaw.models.hnl_inflaton",
    "bl-zprime": "darkseesaw.models.bl_zprime",
    "dark-u1": "darkseesaw.models.dark_u1",
}


def available() -> list[str]:
    """Ids of the built-in models that are installed, in registry order."""
    return [k for k, mod in _REGISTRY.items() if importlib.util.find_spec(mod) is not None]


def get(model_id: str):
    """The model object registered under ``model_id`` (raises KeyError with the known ids)."""
    if model_id not in available():
        raise KeyError(f"unknown model {model_id!r}; known: {', '.join(available()) or 'none'}")
    return importlib.import_module(_REGISTRY[model_id]).MODEL
