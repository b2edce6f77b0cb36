"""Reproduction of the seed paper ``bl-zprime`` (transitional: delegates to the old model module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/bl-zprime.json`` and the figures; return the JSON dict."""
    from darkseesaw import models

    return models.get("bl-zprime").reproduce(Path(out), fast=fast)
