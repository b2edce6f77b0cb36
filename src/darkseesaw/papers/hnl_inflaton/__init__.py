"""Reproduction of the seed paper ``hnl-inflaton`` (transitional: delegates to the old model module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/hnl-inflaton.json`` and the figures; return the JSON dict."""
    from darkseesaw import models

    return models.get("hnl-inflaton").reproduce(Path(out), fast=fast)
