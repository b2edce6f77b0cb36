"""Reproduction of the seed paper ``alp-portal-dm`` (transitional: delegates to the old model module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def reproduce(out: Path, fast: bool = False) -> dict[str, Any]:
    """Write ``out/alp-portal-dm.json`` and the figures; return the JSON dict."""
    from darkseesaw import models

    return models.get("alp-portal-dm").reproduce(Path(out), fast=fast)
