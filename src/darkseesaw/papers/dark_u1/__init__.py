"""Reproduction of the seed paper ``dark-u1`` (transitional: delegates to the old model module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/dark-u1.json`` and the figures; return the JSON dict."""
    from darkseesaw import models

    return models.get("dark-u1").reproduce(Path(out), fast=fast)
