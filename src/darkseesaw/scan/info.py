"""What a scan folder holds: points, failures by reason, best likelihood, time spent.

`summary` reconciles the manifest with the chunk files present, so it is right even for a scan
that was killed before it could update its manifest.

Example
-------
``darkseesaw scan-info out/toy`` prints the table that `format_summary` renders.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from darkseesaw.errors import InputError
from darkseesaw.scan.storage import ScanStore


def summary(out: str | Path) -> dict[str, Any]:
    """Summary of the scan stored in ``out`` (raises `InputError` if it holds none)."""
    store = ScanStore(out)
    if not store.exists():
        raise InputError(str(out), None, "not a scan folder (no manifest.json)")
    m = store.reconcile(store.read_manifest())
    chunks = m["chunks"]
    failed: Counter = Counter()
    rows = ok = allowed = 0
    compute = 0.0
    best, best_id, best_k = None, None, None
    for k, meta in chunks.items():
        rows += meta.get("rows", 0)
        ok += meta.get("ok", 0)
        allowed += meta.get("allowed", 0)
        compute += meta.get("compute_s", 0.0)
        failed.update(meta.get("failed", {}))
        b = meta.get("best_loglike")
        if b is not None and (best is None or b > best):
            best, best_id, best_k = b, meta.get("best_point_id"), int(k)
    wall = sum(max(0.0, s.get("wall_s", s.get("last", s["start"]) - s["start"]))
               for s in m.get("sessions", []))
    best_point = None
    if best_id is not None:
        import pyarrow.compute as pc

        t = store.read_chunk(best_k)
        sel = t.filter(pc.equal(t.column("point_id"), best_id))
        if sel.num_rows:
            best_point = {k: v[0] for k, v in sel.to_pydict().items()
                          if k in m.get("parameters", [])}
    n_chunks = m.get("n_chunks")
    return {
        "folder": str(out), "sampler": m.get("sampler"), "n_points_planned": m.get("n_points"),
        "points": rows, "ok": ok, "failed": dict(sorted(failed.items())),
        "failed_total": sum(failed.values()), "allowed": allowed,
        "chunks_done": len(chunks), "n_chunks": n_chunks,
        "complete": (n_chunks is not None and len(chunks) >= n_chunks) or m.get("complete", False),
        "best_loglike": best, "best_point_id": best_id, "best_point": best_point,
        "wall_s": round(wall, 3), "compute_s": round(compute, 3),
        "sessions": len(m.get("sessions", [])),
        "rate_pts_per_s": rows / wall if wall > 0 else None,
        "parameters": m.get("parameters", []), "model": _model_name(m.get("config", {})),
        "has_likelihood": _has_likelihood(m.get("config", {})),
    }


def _has_likelihood(cfg: dict) -> bool:
    cons = cfg.get("constraints") or []
    cons = [] if isinstance(cons, str) else cons
    return bool(cfg.get("likelihood") or cfg.get("nufit")
                or any(isinstance(c, dict) and c.get("likelihood") for c in cons)
                or ((cfg.get("model") or cfg.get("model_file"))
                    and cfg.get("use_model_likelihood", True)))


def _model_name(cfg: dict) -> str | None:
    return cfg.get("model") or cfg.get("model_file") or cfg.get("python_function")


def format_summary(s: dict[str, Any]) -> str:
    """Plain-text rendering of `summary`."""
    lines = [
        f"scan folder     {s['folder']}",
        f"model           {s['model']}",
        f"sampler         {s['sampler']}  (parameters: {', '.join(s['parameters'])})",
        f"points          {s['points']:,}" + (f" of {s['n_points_planned']:,} planned"
                                              if s.get("n_points_planned") else "")
        + f"  ({s['chunks_done']}/{s['n_chunks'] or '?'} chunks"
        + (", complete)" if s["complete"] else ", incomplete: run again with --resume)"),
        f"ok / allowed    {s['ok']:,} / {s['allowed']:,}",
        f"failed          {s['failed_total']:,}" + (
            "  (" + ", ".join(f"{k}: {v:,}" for k, v in s["failed"].items()) + ")"
            if s["failed"] else ""),
    ]
    if not s.get("has_likelihood", True):
        lines.append("best loglike    (no likelihood configured)")
    elif s["best_loglike"] is not None:
        bp = s.get("best_point") or {}
        pts = ", ".join(f"{k}={v:.6g}" for k, v in bp.items())
        lines.append(f"best loglike    {s['best_loglike']:.6g} at point {s['best_point_id']}"
                     + (f" ({pts})" if pts else ""))
    r = s.get("rate_pts_per_s")
    rate = (f", {r:,.0f} pts/s" if r >= 100 else f", {r:.3g} pts/s") if r else ""
    lines.append(f"time            {s['wall_s']:.1f} s wall over {s['sessions']} session(s), "
                 f"{s['compute_s']:.1f} s compute{rate}")
    return "\n".join(lines)
